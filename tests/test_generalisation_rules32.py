"""Rules report no evaluation (issue 8, abstain rather than guess): a notice that issues rules (关于印发《XX办法》
的通知) and rules' own articles (制定本办法) evaluate nothing, so neither the kind, the mode nor the score is
read, and the record says why. Rules for evaluations in general name no programme; rules for one named
programme give it (ruling 32: tests/test_generalisation_programme39.py). A notice that issues an
evaluation's report (关于印发《XX项目绩效评价报告》的通知) is still read as one."""

from __future__ import annotations

from excerpt_records import dev_record, record_of_text

NOTICE = (
    "湘潭县财政局关于印发《湘潭县财政支出绩效评价管理暂行办法》的通知\n各乡镇、县直各单位：\n"
    "现将《湘潭县财政支出绩效评价管理暂行办法》印发给你们，请遵照执行。\n湘潭县财政局\n2022年3月1日\n"
)


def test_a_notice_issuing_rules_names_no_programme() -> None:
    _doc, record = record_of_text(NOTICE)
    assert record.program is None and record.report_kind is None
    # (general rules leave no programme's name once ruling 5's words go: nothing is read, so nothing abstains)
    assert not any(w.startswith("program:") for w in record.warnings)
    assert record.jurisdiction.adcode == "430321" and record.report_date == "2022-03-01"  # still read


def test_rules_articles_name_no_programme_on_a_real_page() -> None:
    # (dev half: the rules' own 第一条 … and a portal's 标题: line carrying the notice's title)
    _item, record = dev_record("neimenggu-xinganmeng-2021-ex-ante-assessment-methods-notice")
    assert record["program"] is None and record["report_kind"] is None
    assert any(w.startswith("report_kind: the page is rules being issued") for w in record["warnings"])


def test_a_notice_issuing_a_report_is_read_as_one() -> None:
    _doc, record = record_of_text(
        "关于印发《2022年度湘潭县高标准农田建设项目绩效评价报告》的通知\n各有关单位：\n"
        "现将报告印发给你们。该项目评价得分86.5分，等级为良。\n"
    )
    assert record.report_kind == "project" and record.program == "高标准农田建设"
    assert record.score.total == 86.5
