"""The title and the programme where a news item or a town's title sets them apart (issue 8, session title28).

- A news item's headline that names an evaluation (…绩效综合评价第一名, …事后绩效评价良好) is a line of
  its own: the paragraph of prose under it is not its continuation, whatever the paragraph's first words
  (根据…, 按照…); a page's reading-time line (本篇文章464字,读完约1分钟) is chrome, run into nothing.
- A headline printed on one line with its first paragraph, a space between them, is the words before the
  space.
- A title that opens with a town and its year (三堂街镇2021年度…) puts the town as its place (ruling 7): the
  programme is what follows the year.

Each class is asserted on the development-set items it comes from (against their hand-written
expectations) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

import pytest
from devset_compare import stated
from excerpt_records import dev_record, evidence, record_of_text, same_programme

from jixiao.extractor.record.programmes import program_name
from jixiao.extractor.record.view import squash_fold


@pytest.mark.parametrize(
    "stem",
    [
        "fujian-zhouning-2021-county-fiscal-management",  # headline / 根据财政部日前公布的…,…
        "henan-lankao-2016-school-improvement",  # 本篇文章464字,读完约1分钟 / headline 按照…,…
    ],
)
def test_a_news_headline_over_its_first_paragraph_is_the_title(stem: str) -> None:
    it, rec = dev_record(stem)
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]


def test_a_headline_is_not_run_into_the_paragraph_under_it() -> None:
    text = (
        "某县获评2022年度全省县级财政管理绩效综合评价优秀等次\n"
        "根据省财政厅日前公布的2022年度县级财政管理绩效综合评价结果,某县综合得分位居全省第一,较上年提升5位。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "某县获评2022年度全省县级财政管理绩效综合评价优秀等次"
    assert evidence(doc, r, "title") == r.title


def test_a_headline_run_into_its_paragraph_on_one_line() -> None:
    text = (
        "本篇文章464字,读完约1分钟\n\n"
        "某县农村道路建设项目事后绩效评价良好 按照有关实施意见,一会计师事务所受委托对该县此建设项目进行了事后绩效评价,"
        "评价总得分85分。\n\n5月8日,记者从某县财政部门获悉,该县农村道路建设项目事后绩效评价良好。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "某县农村道路建设项目事后绩效评价良好"
    assert evidence(doc, r, "title") == r.title


def test_near_misses_stay_one_paragraph() -> None:
    # a wrapped sentence that names an evaluation and cites a document: no headline
    doc, r = record_of_text(
        "根据《某县财政局关于开展2022年度项目支出绩效自评工作的通知》\n"
        "要求,我局对农村道路养护项目开展了绩效自评,现将自评情况报告如下,自评得分92分,等级为优。\n"
    )
    assert "要求" in doc.blocks[0].text
    # a short line naming no evaluation over a paragraph: not split by this rule, and no title
    doc, r = record_of_text(
        "我县扎实推进农村道路养护工作取得新成效\n"
        "根据县政府工作安排,县交通运输局今年完成农村道路养护里程300公里,群众满意度不断提升,得到各方好评。\n"
    )
    assert r.title is None


def test_the_town_that_opens_a_title_is_its_place() -> None:
    it, rec = dev_record("hunan-santangjie-2021-village-management-fee")
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]


@pytest.mark.parametrize(
    ("title", "programme"),
    [
        ("三堂街镇2021年度村管费支出绩效评价报告", "村管费"),
        ("鸡飞镇2022年度农村公路养护项目绩效评价报告", "农村公路养护"),
        # near misses: a town after its county; a town inside the programme's name (ruling 5: the site)
        ("某某县鸡飞镇2022年度农村公路养护项目绩效评价报告", "农村公路养护"),
        ("月牙湖乡滨河家园垃圾转运站项目绩效评价报告", "月牙湖乡滨河家园垃圾转运站"),
    ],
)
def test_programme_after_a_town_and_its_year(title: str, programme: str) -> None:
    assert program_name(title) == programme


def test_the_programme_after_a_town_is_the_evidence() -> None:
    doc, r = record_of_text(
        "鸡飞镇2022年度农村公路养护项目绩效评价报告\n一、基本情况\n本项目由我镇实施,预算100万元。\n"
    )
    assert r.program == "农村公路养护"
    assert evidence(doc, r, "program") == "农村公路养护"


@pytest.mark.parametrize(
    "stem",
    [
        "chongqing-zhongxian-2022-pig-county-reward-fund-allocation",  # 附件 / XX资金区域绩效目标表
        "fujian-anxi-2025-animal-compulsory-immunisation-allocation",  # 附件:1.…分配表2.…绩效目标表
        "shaanxi-chencang-2023-disabled-persons-fund-allocation",  # 1.绩效目标表(一般公共预算资金)
    ],
)
def test_an_annex_of_an_allocation_letter_is_not_its_title(stem: str) -> None:
    it, rec = dev_record(stem)
    assert stated(it.expected, "title") is None
    assert rec["title"] is None, rec["title"]


def test_an_annexed_table_under_a_letter_is_no_title_but_a_form_alone_is() -> None:
    letter = (
        "县农业农村委:\n根据有关文件,现将2022年某某奖励资金397万元下达你单位,用于支持产业发展,请规范资金使用。\n"
        "附件:某某奖励资金区域绩效目标表\n某县财政局\n2022年1月18日\n附件\n某某奖励资金区域绩效目标表\n"
        "资金名称 | 某某奖励资金\n年度金额 | 397\n"
    )
    doc, r = record_of_text(letter)
    assert r.title is None
    # near miss: the same table alone, or under a notice that passes no money down, keeps its heading
    alone = "附件\n某某奖励资金区域绩效目标表\n资金名称 | 某某奖励资金\n年度金额 | 397\n"
    doc, r = record_of_text(alone)
    assert r.title == "某某奖励资金区域绩效目标表"


@pytest.mark.parametrize(
    "stem",
    [
        "hunan-2015-farmland-development-evaluation",  # 首页 > 财经 > 正文 / 湖南专员办:“四个注重”…绩效评价工作
        "shanghai-fengxian-2009-rural-sewage-municipal",  # headline / http://… 2011/3/11 中国上海网
    ],
)
def test_a_news_headline_framed_by_the_page(stem: str) -> None:
    it, rec = dev_record(stem)
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]


def test_a_speaker_and_colon_open_a_headline_under_a_breadcrumb_only() -> None:
    body = "\n根据有关通知要求,某专员办从项目投入、过程管理、项目产出等方面入手,扎实推进项目绩效评价,取得明显成效。\n"
    doc, r = record_of_text("网站首页 > 财经 > 正文\n\n某专员办:“三个注重”扎实推进农田建设项目绩效评价工作\n" + body)
    assert r.title == "某专员办:“三个注重”扎实推进农田建设项目绩效评价工作"
    doc, r = record_of_text("某专员办:“三个注重”扎实推进农田建设项目绩效评价工作\n\n分享至" + body)
    assert r.title is None  # (no breadcrumb over it: a colon is a sentence's)


def test_a_publication_line_with_the_pages_address_and_date() -> None:
    doc, r = record_of_text(
        "某区2009年度农村生活污水处理工程率先通过市级绩效考评\n\nhttp://www.example.cn 2011/3/11 某某网\n\n"
        "2011年2月24日,某区2009年度农村生活污水处理工程顺利通过市水务局和市财政局组织的市级绩效考评。\n"
    )
    assert r.title == "某区2009年度农村生活污水处理工程率先通过市级绩效考评"


@pytest.mark.parametrize(
    "stem",
    [
        "fujian-fujian-2009-employment-special-fund",  # 本次评价对象是2009年福建省就业专项资金中用于“…”的支出绩效
        "hebei-weichang-undated-public-toilets",  # 20xx年围场县农村公共厕所建设项目总投资850万元
        "yunnan-baoshan-2017-rural-environment-improvement",  # 10万元农村环境综合整治项目经费主要用于补助…
    ],
)
def test_the_programme_the_body_names_by_its_money(stem: str) -> None:
    it, rec = dev_record(stem)
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]


def test_a_programme_as_the_subject_of_its_money() -> None:
    doc, r = record_of_text(
        "一、项目基本情况\n2022年临泉县农村公共厕所建设项目总投资850万元,全部来源于统筹整合资金,用于新建农村公厕50座。\n"
    )
    assert r.program == "农村公共厕所建设"  # (its closing 项目 cut, as from a title)
    assert evidence(doc, r, "program").startswith("农村公共厕所建设")
    # near miss: two programmes so named are two programmes — no single one
    doc, r = record_of_text(
        "二、预算执行情况\n2022年临泉县农村公共厕所建设项目总投资850万元,2022年临泉县农村道路硬化工程总投资300万元,"
        "均已完工。\n"
    )
    assert r.program is None


def test_a_fund_between_its_amount_and_its_use() -> None:
    doc, r = record_of_text(
        "一、项目基本情况\n财政下达项目资金后,我局及时开展工作,10万元农村环境综合整治项目经费主要用于补助3个村开展整治工作。\n"
    )
    assert r.program == "农村环境综合整治项目经费"
    # near miss: money named only by its kind (资金, 其中…) names no programme
    doc, r = record_of_text("一、项目基本情况\n财政下达项目资金后,10万元资金主要用于补助3个村开展整治工作,均已支付。\n")
    assert r.program is None


def test_the_evaluation_object_stops_at_the_part_of_the_fund_evaluated() -> None:
    doc, r = record_of_text(
        "本次评价对象是2009年某省就业专项资金中用于“职业介绍、职业培训”的支出绩效,结合上年数据进行比较分析。\n"
    )
    assert r.program == "就业专项资金"


def test_a_programmes_targets_published_as_met() -> None:
    it, rec = dev_record("chongqing-2021-three-gorges-follow-up-fund")
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]
    doc, r = record_of_text(
        "根据有关要求,现将临泉县2021年度农村饮水安全巩固提升资金绩效完成情况公示如下:\n一、2021年度绩效目标\n"
    )
    assert r.program == "农村饮水安全巩固提升资金"
    # near miss: a department's targets (整体支出) name no programme
    doc, r = record_of_text("根据有关要求,现将本单位2021年度部门整体支出绩效完成情况公示如下:\n一、基本情况\n")
    assert r.program is None
