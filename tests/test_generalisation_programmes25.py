"""Where the programme is printed (issue 8, session prog25): a news headline that reports the
evaluation as an act names the programme as the act's object (…到我馆开展2018年度博物馆免费开放绩效考评…,
…在秦安开展政策性农业保险财政资金绩效评价工作), without who acted or what became of it; a news item's programme of a
year said to have passed its evaluation is the subject of 通过; a form's 项目名称 cell that a reader ran
onto the 填报日期 before it is still a cell; a batch of the accounts (部门决算中项目) and two funds or
policies named together (…保证金、…补偿基金; …政策和…政策) name no programme.  A news page's bare
publication time under a headline sets the headline apart as its metadata line does.

Each class is asserted on the development-set items it comes from (against their hand-written
expectations) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations


import pytest
from devset_compare import stated
from excerpt_records import dev_record, evidence, record_of_text, same_programme

from jixiao.extractor.record.view import squash_fold


@pytest.mark.parametrize(
    "stem",
    [
        "gansu-linxia-2018-museum-free-opening",  # …局到我馆开展2018年度博物馆免费开放绩效考评州级考评工作
        "gansu-qinan-undated-agri-insurance",  # 省政府参事室在秦安开展政策性农业保险财政资金绩效评价工作
        "jiangxi-pingxiang-2014-new-network",  # 萍乡市2014年“新网工程”引导资金项目顺利通过…重点绩效评价
        "hubei-ezhou-2022-science-popularisation",  # 填报日期:2023年 5 月 17日項目名稱 科學普及經費
    ],
)
def test_the_programme_is_read_where_the_document_prints_it(stem: str) -> None:
    it, rec = dev_record(stem)
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]


@pytest.mark.parametrize(
    "stem",
    [
        "anhui-luan-2023-petition-bureau",  # 六安市信访局2023年度部门决算中项目绩效评价报告
        "guangdong-shaoguan-2017-2019-sme-credit",  # …保证金、…补偿基金; …扶持政策和…体制政策
    ],
)
def test_a_batch_or_a_list_names_no_programme(stem: str) -> None:
    it, rec = dev_record(stem)
    assert stated(it.expected, "program") is None
    assert rec["program"] is None, rec["program"]


def test_a_headlines_act_names_its_object_not_who_acted_nor_the_outcome() -> None:
    doc, r = record_of_text(
        "县文旅局到我县开展2022年度公共文化服务体系建设资金绩效评价成效明显\n发布时间:2023-03-01\n"
        "近日，县文旅局组织人员开展评价。\n"
    )
    assert r.program == "公共文化服务体系建设资金"
    assert evidence(doc, r, "program") == "公共文化服务体系建设资金"


def test_a_headlines_act_over_a_list_names_no_programme() -> None:
    # (第一、二批…: several evaluated — ruling 5)
    _doc, r = record_of_text(
        "宁夏完成对第一、二批小农水重点县2010年度建设项目的绩效考评\n发布时间:2011-03-01\n近日，考评完成。\n"
    )
    assert r.program is None


def test_a_bare_publication_time_under_a_headline_makes_it_the_title() -> None:
    it, rec = dev_record("hunan-lengshuijiang-2021-finance-bureau")
    assert rec["title"] is not None and squash_fold(rec["title"]) == squash_fold(stated(it.expected, "title"))
