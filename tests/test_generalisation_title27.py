"""The title and the programme where a page or a title sets them apart (issue 8, session title27).

- A page's metadata field that names the document (名称: X, 信息名称: X 主题分类: …, 标题: / X) is the
  page's catalogue entry, never the title (ruling 20); its value is the title only where the page
  prints it again as a line of its own, and then that line is the evidence.
- A title names its year once: a line above a whole title with a year of its own is not its start.
- A title that opens with its unit and year (XX局2023年度…) prints the programme after the year, its
  own places kept; a place after the unit the title opens with is the programme's (ruling 5).
- Quotation marks are read before a trailing 项目 is cut: “X”项目 keeps them (ruling 18: inside a
  longer name), “X” alone loses them.
- A notice of how a fund was used (…公益金使用情况公示) names the fund as its programme.

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
        "anhui-xuancheng-2021-earthquake-prevention",  # 名称: 宣城市地震局…自评表 over the form's own heading
        "liaoning-unnamed-2019-private-small-enterprise",  # 信息名称: X 主题分类: 财政信息 / X printed again
        "shanxi-guangling-2022-welfare-lottery",  # 标题: / X (its value on the next line) / X printed again
        "hunan-zhangjiajie-2021-emergency-bureau",  # 2020年度部门整体支出 / 2021年度XX局 / 整体支出…报告
    ],
)
def test_the_title_is_the_heading_the_document_prints(stem: str) -> None:
    it, rec = dev_record(stem)
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]


@pytest.mark.parametrize(
    "stem",
    [
        "anhui-luan-2018-supply-marketing",  # 六安市供销系统2018年“新网工程”项目绩效自评报告
        "hainan-dongfang-2023-police",  # 东方市公安局2023年度东方市社管平台…项目绩效自评报告
        "hebei-quyang-2020-urban-sewage",  # 曲陽縣住房和城鄉建設局曲陽縣城區散排污水收集處理項目…
        "fujian-unnamed-2015-university-student-aid",  # …开展2015年度“困难学生资助”项目绩效评价工作
        "shanxi-guangling-2022-welfare-lottery",  # 广灵县民政局2022年度福利彩票公益金使用情况公示
        "liaoning-unnamed-2019-private-small-enterprise",
    ],
)
def test_the_programme_is_read_from_the_title_after_its_unit_and_year(stem: str) -> None:
    it, rec = dev_record(stem)
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]


def test_a_metadata_field_alone_is_no_title() -> None:
    doc, r = record_of_text(
        "索引号: 001/2023-01 发布机构: 某县财政局\n名称: 某县财政局2022年度农村道路养护项目绩效自评报告\n"
        "发布日期: 2023-05-10\n一、基本情况\n我局对农村道路养护项目开展了绩效自评，自评得分92分。\n"
    )
    assert r.title is None


def test_a_metadata_title_printed_again_is_the_title_at_its_own_line() -> None:
    text = (
        "索引号: 001/2023-01\n标题:\n某县民政局2022年度福利彩票公益金使用情况公示\n文号:\n"
        "某县民政局2022年度福利彩票公益金使用情况公示\n发布时间:2023-04-18 11:29\n"
        "根据有关规定，现将使用情况公示如下：\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "某县民政局2022年度福利彩票公益金使用情况公示"
    assert r.evidence["title"].span[0] == text.rindex("某县民政局2022年度")
    assert r.program == "福利彩票公益金"


def test_a_line_above_with_a_year_of_its_own_is_not_the_titles_start() -> None:
    doc, r = record_of_text(
        "2020年度部门整体支出\n2021年度某市应急管理局\n整体支出绩效自评报告\n单位名称(盖章):某市应急管理局\n"
        "一、基本情况\n本单位2021年度整体支出情况如下。\n"
    )
    assert r.title == "2021年度某市应急管理局整体支出绩效自评报告"
    # (a range cut at the line's end is one year: 关于2015年至 / 2017年…)
    doc, r = record_of_text("关于2015年至\n2017年度某县学前教育专项资金的绩效评价报告\n一、基本情况\n本次评价如下。\n")
    assert r.title == "关于2015年至2017年度某县学前教育专项资金的绩效评价报告"


@pytest.mark.parametrize(
    ("title", "unit", "programme"),
    [
        # the programme after the unit and the year, its own place kept
        ("东方市公安局2023年度东方市社管平台项目绩效自评报告", None, "东方市社管平台"),
        ("六安市供销系统2018年“新网工程”项目绩效自评报告", None, "“新网工程”项目"),
        ("黄山区统计局2023年第五次全国经济普查项目支出绩效评价报告", None, "第五次全国经济普查"),
        # a place after the unit the title opens with
        (
            "曲阳县住房和城乡建设局曲阳县城区散排污水收集处理项目绩效评价报告",
            "曲阳县住房和城乡建设局",
            "曲阳县城区散排污水收集处理",
        ),
        # near misses: a place alone before the year is the title's place; so is a place before its year
        ("浦东新区2021年小区综合整新项目绩效评价报告", None, "小区综合整新"),
        ("凤阳县交通运输局凤阳县2022年度农村公路项目绩效评价报告", "凤阳县交通运输局", "农村公路"),
        # a generic heading after the year: the title read whole (here: no programme)
        ("珠海市工业和信息化局2021年省级财政专项资金绩效评价报告", None, ""),
        # quotation marks: around the whole name they go; before 项目 they stay
        ("2024年度潘集区“送戏进万村”绩效评价报告", None, "送戏进万村"),
        ("某县2015年度“困难学生资助”项目绩效评价报告", None, "“困难学生资助”项目"),
        ("某县“全面改薄”建设项目绩效评价报告", None, "“全面改薄”建设"),
        # a notice of a fund's use; a programme's own 情况 with no document word after it stays
        ("某县民政局2022年度福利彩票公益金使用情况公示", None, "福利彩票公益金"),
    ],
)
def test_programme_name_from_a_title(title: str, unit: str | None, programme: str) -> None:
    assert program_name(title, unit) == programme


def test_the_programme_after_unit_and_year_is_the_evidence() -> None:
    doc, r = record_of_text(
        "东方市公安局2023年度东方市社管平台项目绩效自评报告\n一、基本情况\n本项目由我局实施，预算100万元。\n"
    )
    assert r.program == "东方市社管平台"
    assert evidence(doc, r, "program") == "东方市社管平台"


@pytest.mark.parametrize(
    "stem",
    [
        "shaanxi-unnamed-2023-finance-bureau",  # 当前位置:…正文 / 市财政局召开预算绩效评审委员会… / 发布时间:
        "shanxi-changzhi-2019-2020-farmland",  # 财政部山西监管局对…开展绩效评价工作 / 8月2日-6日,由…
    ],
)
def test_a_news_items_headline_is_its_title(stem: str) -> None:
    it, rec = dev_record(stem)
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]
    for field in ("program", "evaluated_unit", "jurisdiction"):
        if field == "jurisdiction":
            assert (rec["jurisdiction"] or {}).get("adcode") == it.expected["jurisdiction"]["adcode"]
        elif stated(it.expected, field) is None:
            assert rec[field] is None, (field, rec[field])  # (who holds a meeting is no unit evaluated)
        else:
            assert same_programme(rec[field], stated(it.expected, field)), rec[field]


def test_a_line_framed_by_breadcrumb_and_publication_line_is_the_headline() -> None:
    head = "当前位置: 首页 -> 工作动态 -> 正文\n县财政局召开预算绩效评审委员会第一次会议\n发布时间:2023-04-27 15:39\n"
    doc, r = record_of_text(head + "近日,县财政局召开会议,安排部署年度重点绩效评价工作。\n")
    assert r.title == "县财政局召开预算绩效评审委员会第一次会议"
    assert r.evaluated_unit is None
    # near miss: framed on one side only, a headline must name an evaluation (绩效评价, 绩效考核 …)
    doc, r = record_of_text(head.split("\n", 1)[1] + "近日,县财政局召开会议,安排部署年度重点绩效评价工作。\n")
    assert r.title is None


def test_a_headline_is_not_run_into_its_news_items_lead() -> None:
    doc, r = record_of_text(
        "某省财政厅对甲市乙县、丙县农田建设补助资金开展绩效评价工作\n"
        "8月2日-6日,由某省财政厅带领评价组赴乙县、丙县开展农田建设补助资金绩效评价工作。\n"
    )
    assert [b.text[:7] for b in doc.blocks] == ["某省财政厅对甲", "8月2日-6日"]
    # near miss: a sentence's line with its punctuation in it goes on
    doc, r = record_of_text("评价组认真查阅了资料,并于\n8月2日,召开座谈会听取汇报。\n")
    assert len(doc.blocks) == 1


def test_a_headlines_object_after_dui_lists_its_places_first() -> None:
    doc, r = record_of_text(
        "财政部山西监管局对长治市屯留区、壶关县农田建设补助资金开展绩效评价工作\n"
        "8月2日-6日,评价组赴长治市屯留区、壶关县开展农田建设补助资金绩效评价工作。\n"
    )
    assert r.program == "农田建设补助资金"
    assert evidence(doc, r, "program") == "农田建设补助资金"
    # the places it lists lie in the one it names first: the jurisdiction is that one
    assert r.jurisdiction.adcode == "140400"
    # near miss: two programmes after 对 are several evaluated (ruling 5)
    assert program_name("对甲县农村公路资金、水利资金开展绩效评价") != "农村公路资金"


def test_a_news_lead_with_spaces_between_its_digits_is_still_one() -> None:
    doc, r = record_of_text(
        "某省财政厅对乙县农田建设补助资金开展绩效评价工作\n8 月 2 日 - 6 日 , 评价组赴乙县开展评价。\n"
    )
    assert len(doc.blocks) == 2


def test_a_programme_named_for_its_aim_names_no_unit() -> None:
    it, rec = dev_record("unknown-province-2019-modern-hospital")  # 健全现代医院管理制度项目绩效自评报告
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]
    assert rec["evaluated_unit"] is None
    doc, r = record_of_text("完善基层医院管理制度项目绩效自评报告\n一、基本情况\n本项目预算资金100万元。\n")
    assert r.evaluated_unit is None
    assert r.program == "完善基层医院管理制度"
    # near miss: a unit opening its title is still the unit
    doc, r = record_of_text("某县人民医院医疗设备购置项目绩效自评报告\n一、基本情况\n本项目预算资金100万元。\n")
    assert r.evaluated_unit == "某县人民医院"


@pytest.mark.parametrize(
    "stem",
    [
        "hunan-lengshuijiang-2021-finance-bureau",  # 冷水江市财政局重点绩效评价工作积极推进
        "jiangxi-anyuan-2021-state-forest-farm",  # 省国有林场绩效考核组对安远县…进行绩效考评
        "gansu-linxia-2018-museum-free-opening",  # 州文广旅局免费开放绩效考评工作小组对我馆…进行实地考评
    ],
)
def test_a_body_a_headline_says_evaluates_is_no_unit_evaluated(stem: str) -> None:
    it, rec = dev_record(stem)
    assert stated(it.expected, "evaluated_unit") is None
    assert rec["evaluated_unit"] is None, rec["evaluated_unit"]


@pytest.mark.parametrize(
    "headline",
    [
        "某县文化和旅游局到我馆开展2018年度博物馆免费开放绩效考评工作",
        "某市财政局重点绩效评价工作积极推进",
    ],
)
def test_the_actor_of_a_headline_is_no_unit_evaluated(headline: str) -> None:
    doc, r = record_of_text(headline + "\n发布时间:2023-03-01\n近日，评价组开展了评价工作。\n")
    assert r.evaluated_unit is None


def test_a_unit_opening_its_reports_title_is_still_the_unit() -> None:
    doc, r = record_of_text("某县第四中学专项资金绩效评价报告\n一、基本情况\n本项目预算资金100万元。\n")
    assert r.evaluated_unit == "某县第四中学"


def test_a_line_over_a_news_lead_is_the_items_headline() -> None:
    it, rec = dev_record("ningxia-helanshan-2021-wine-industry")  # …绩效评价评定等次为优 / 自2022年3月份起,…
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]
    doc, r = record_of_text(
        "某县管委会\n2022年农村公路养护资金绩效评价评定等次为优\n近日,县管委会委托第三方机构开展了评价。\n"
    )
    assert r.title == "2022年农村公路养护资金绩效评价评定等次为优"
    # near miss: over a sentence that is no news lead it stays a line of the text
    doc, r = record_of_text(
        "某县管委会\n2022年农村公路养护资金绩效评价评定等次为优\n县管委会委托第三方机构开展了评价。\n"
    )
    assert r.title is None
