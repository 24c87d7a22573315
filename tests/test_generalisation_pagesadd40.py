"""Shapes read from the dev half of the items session 44 (pagesadd40) added from pages new to the set (issue 8).

- A report's name inside a sentence of the body (…逐项对照转移支付区域(项目)绩效自评表, 分别对…) is the name of a form
  the writer works through, not the document's own heading under the page's chrome: the heading the page
  prints first stays the title (and the place and programme read from it).
- A portal that sets its page heading and the document's heading on one line prints the same words twice:
  one title.
- A court's or a procuratorate's title after its place (XX市人民检察院办案业务费项目的绩效评价报告) names the body
  that reports, not the programme: the programme is what follows it.
- A portal's greeting line (欢迎访问XX人民检察院 本网站…) is the site's chrome: the body it names is no unit's
  fuller name (rulings 3, 16).
- A commissioned firm's name ends before the verb of its commission (XX资产评估有限公司 承担 XX中心“…”绩效评价工作).

Each class is asserted on the development-set item it comes from (against its hand-written expectation)
and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

from devset_compare import stated
from excerpt_records import dev_record, record_of_text

from jixiao.extractor.record.view import squash_fold


def _same(have: str | None, want: str | None) -> bool:
    return squash_fold(have or "") == squash_fold(want or "")


def test_a_form_named_in_a_sentence_is_no_heading_under_the_chrome() -> None:
    it, rec = dev_record("anhui-xiejiaji-2024-rural-revitalisation-link-fund-transfer-self-report")
    assert _same(rec["title"], stated(it.expected, "title")), rec["title"]
    assert rec["jurisdiction"]["adcode"] == "340404", rec["jurisdiction"]
    assert _same(rec["program"], stated(it.expected, "program")), rec["program"]


def test_a_form_named_in_a_sentence_invented() -> None:
    text = (
        "某某县2023年度中央财政农业生产发展资金绩效评价自评报告\n\n"
        "发布时间:2024-03-12 09:48信息来源:某某县农业农村局\n\n"
        "县财政局:\n\n"
        "根据有关通知要求,我局逐项对照转移支付区域(项目)绩效自评表,对2023年度资金使用情况进行了自我评价。\n"
    )
    _doc, rec = record_of_text(text)
    assert rec.title == "某某县2023年度中央财政农业生产发展资金绩效评价自评报告"


def test_the_documents_own_heading_under_the_chrome_still_wins() -> None:
    # near miss: the document's own heading opens its line under the page's heading and chrome
    text = (
        "2024年度专项资金绩效评价报告-市公积金\n\n"
        "发布时间:2025-06-26 16:49 信息来源:某某市住房公积金管理中心\n\n"
        "2024年度某某市住房公积金管理中心项目支出绩效自评报告\n\n"
        "为进一步规范财政资金管理,我单位开展了2024年度专项资金绩效自评工作。\n"
    )
    _doc, rec = record_of_text(text)
    assert rec.title == "2024年度某某市住房公积金管理中心项目支出绩效自评报告"


def test_a_heading_printed_twice_on_one_line_is_one_title() -> None:
    it, rec = dev_record("neimenggu-yakeshi-2021-procuratorate-case-handling-fee-evaluation")
    assert _same(rec["title"], stated(it.expected, "title")), rec["title"]
    assert _same(rec["program"].removesuffix("项目"), stated(it.expected, "program").removesuffix("项目"))


def test_a_heading_printed_twice_invented_and_a_near_miss() -> None:
    _doc, rec = record_of_text(
        "某某县财政局2022年度项目支出绩效自评报告某某县财政局2022年度项目支出绩效自评报告\n\n一、基本情况\n"
    )
    assert rec.title == "某某县财政局2022年度项目支出绩效自评报告"
    # near miss: two different reports named on one line stay as printed (no halving of unequal halves)
    line = "某某县财政局2022年度项目支出绩效自评报告某某县财政局2021年度项目支出绩效自评报告"
    _doc, rec = record_of_text(line + "\n\n一、基本情况\n")
    assert rec.title != "某某县财政局2022年度项目支出绩效自评报告"


def test_a_courts_title_names_the_programme_after_the_court() -> None:
    _doc, rec = record_of_text("某某县人民法院2023年度执行案件专项经费绩效自评报告\n\n一、基本情况\n我院…\n")
    assert rec.program == "执行案件专项经费", rec.program


def test_a_portals_greeting_names_no_unit_in_full() -> None:
    it, rec = dev_record("neimenggu-yakeshi-2021-procuratorate-case-handling-fee-evaluation")
    assert _same(rec["evaluated_unit"], stated(it.expected, "evaluated_unit")), rec["evaluated_unit"]
    assert _same(rec["evaluator"], stated(it.expected, "evaluator")), rec["evaluator"]


def test_a_firms_name_ends_before_the_verb_of_its_commission() -> None:
    it, rec = dev_record("shanghai-shanghai-2018-social-insurance-handling-fee-third-party-doc-site")
    assert _same(rec["evaluator"], stated(it.expected, "evaluator")), rec["evaluator"]
    assert rec["evaluation_mode"] == "third_party"


def test_the_budget_executed_by_a_years_end_names_the_year() -> None:
    it, rec = dev_record("neimenggu-yakeshi-2021-procuratorate-case-handling-fee-evaluation")
    assert rec["years"] == stated(it.expected, "years"), rec["years"]


def test_the_budget_executed_by_a_years_end_invented_and_a_later_progress_date() -> None:
    head = "某某县人民检察院办案业务费项目的绩效评价报告\n\n一、基本情况\n办案业务费项目总预算100万元,"
    _doc, rec = record_of_text(head + "截至2022年12月底,预算执行100万元,预算执行率100%。\n")
    assert rec.years == [2022], rec.years
    # near miss: money spent by mid-year is a later year's progress, not the year reported
    _doc, rec = record_of_text(head + "截至2023年5月底,预算执行100万元,预算执行率100%。\n")
    assert rec.years != [2023], rec.years
