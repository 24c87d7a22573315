"""Shapes from the dev half of the items session 43 (pagesadd39) added from unseen sites (issue 8).

- An annex label numbered in digits glued to a title that opens with a numeral character (附件3四川省汶川县…): the
  label is 附件3 alone — an annex is numbered in digits or in Chinese numerals, not both — so the title keeps its
  first character (四川省…) and the programme is cut from the whole title.  Near misses: an annex numbered in
  Chinese numerals (附件三…) and one in digits with its colon (附件3：…) still lose their label, and 附件22022年度…
  keeps its year.
- A news headline that reports an evaluation as an act (…到我馆开展2018年度博物馆免费开放绩效考评…) names what was
  evaluated as the act's object, and that object is a programme's work however its words end (博物馆免费开放, not a
  …项目 or …资金): the report's kind is `project`, as for a title that names its programme (ruling 31: one
  programme's evaluation).  Near miss: a headline about the evaluation work in general, naming no object, gives no kind
  from it.

Asserted on the development-set item it comes from (against its hand-written expectations) and on invented text in
the genre's shape.
"""

from __future__ import annotations

from devset_compare import stated
from excerpt_records import dev_record, record_of_text

from jixiao.extractor.record.titles import clean_title
from jixiao.extractor.record.view import squash_fold

WENCHUAN = "sichuan-wenchuan-2021-central-food-supervision-transfer-self-report"


def test_an_annex_number_in_digits_leaves_a_title_opening_with_a_numeral_whole() -> None:
    it, rec = dev_record(WENCHUAN)
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]
    assert rec["program"] == stated(it.expected, "program"), rec["program"]
    assert rec["jurisdiction"]["adcode"] == "513221"


def test_annex_labels_in_either_numbering_still_go() -> None:
    assert (
        clean_title("附件3四川省某县2021年中央食品监管专项转移支付绩效自评报告")
        == "四川省某县2021年中央食品监管专项转移支付绩效自评报告"
    )
    assert clean_title("附件3五峰县2022年度项目支出绩效自评报告") == "五峰县2022年度项目支出绩效自评报告"
    assert clean_title("附件三某县2022年度项目支出绩效自评报告") == "某县2022年度项目支出绩效自评报告"
    assert clean_title("附件3：某县2022年度项目支出绩效自评报告") == "某县2022年度项目支出绩效自评报告"
    assert clean_title("附件22022年度某县项目支出绩效自评报告") == "2022年度某县项目支出绩效自评报告"
    assert clean_title("附表3-2某县2022年度项目支出绩效自评表") == "某县2022年度项目支出绩效自评表"


def test_a_report_under_a_glued_annex_label_reads_its_place_and_programme() -> None:
    # the dev item's shape in another county and year: the label glued to the title, the body run on after it
    text = (
        "附件3四川省理县2022年中央食品监管专项转移支付绩效自评报告为进一步规范和提高中央对地方转移支付专项资金管理,"
        "按照《中央食品食品监管补助资金管理实施细则》要求,对我局2022年中央对地方转移支付的食品监管补助资金进行自评,"
        "现将自评情况报告如下:一、绩效目标分解下达情况(一)中央下达2022年中央食品监管专项转移支付预算和绩效目标情况,"
        "2022年中央下达中央食品监管专项转移支付预算资金4万元,二、绩效目标完成情况分析"
    )
    _doc, r = record_of_text(text)
    assert r.title == "四川省理县2022年中央食品监管专项转移支付绩效自评报告", r.title
    assert r.program == "中央食品监管专项转移支付", r.program
    assert r.jurisdiction.adcode == "513222"


LINXIA = "gansu-linxia-2018-museum-free-opening-prefecture-assessment-news"


def test_a_headline_that_reports_an_evaluation_of_a_work_makes_it_a_project() -> None:
    it, rec = dev_record(LINXIA)
    assert rec["program"] == stated(it.expected, "program"), rec["program"]
    assert rec["report_kind"] == "project"


def test_an_invented_headline_of_an_evaluation_act() -> None:
    text = (
        "市文化和旅游局到我馆开展2023年度美术馆免费开放绩效考评工作\n"
        "11月8日,市文化和旅游局考评组一行到我馆开展2023年度美术馆免费开放绩效考评工作。考评组听取了汇报,查阅了资料。"
    )
    _doc, r = record_of_text(text)
    assert r.program == "美术馆免费开放", r.program
    assert r.report_kind == "project"


def test_a_headline_of_the_evaluation_work_in_general_names_no_programme() -> None:
    text = (
        "某县财政局开展2023年度绩效评价工作\n"
        "为提高财政资金使用效益,某县财政局近日组织开展了2023年度绩效评价工作,各预算单位高度重视,按时报送了自评材料。"
    )
    _doc, r = record_of_text(text)
    assert r.program is None, r.program
