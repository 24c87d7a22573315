"""Pages that report no evaluation, and masked names (issue 8, session kind28).

- One rule decides whether a page is the report of an evaluation (``extractor/record/evaluates.py``,
  ``patterns/evaluates.yaml``): a page issuing rules (第一条 … 制定本办法), a research article (摘要 …
  关键词 / 引言) or a meeting's news (its headline …召开…会议) evaluates nothing — report_kind,
  evaluation_mode and the score abstain; a ranking of governments' work (总得分前3名分别是…) evaluates
  no project, department, policy or fund — report_kind abstains.  Each abstention is a warning.
- A name printed only right after a mask of its specific part (XX镇人民政府, xx省工业和信息化厅) is no
  name: the unit and the evaluator abstain; a short name the text also prints bare (县财政局) stays.

Each class is asserted on the development-set items it comes from (against their hand-written
expectations) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, record_of_text


def _why(rec: dict, field: str) -> list[str]:
    return [w for w in rec["warnings"] if w.startswith(field + ":") and "not the report of an evaluation" in w]


@pytest.mark.parametrize(
    "stem",
    [
        "neimenggu-wulatezhongqi-2022-evaluation-management-methods",  # issues two 管理办法 (制定本办法)
        "unknown-undated-digital-government-project-evaluation-research",  # 摘要: … 0 引言
        "shaanxi-unnamed-2023-finance-bureau-evaluation-committee-meeting",  # 市财政局召开…第一次会议
    ],
)
def test_a_page_that_evaluates_nothing_has_no_kind_mode_or_score(stem: str) -> None:
    it, rec = dev_record(stem)
    assert it.expected["report_kind"] is None and it.expected["evaluation_mode"] is None
    assert rec["report_kind"] is None and rec["evaluation_mode"] is None
    assert not rec["score"] or rec["score"]["total"] is None
    assert any("not the report of an evaluation" in w for w in rec["warnings"]), rec["warnings"]


def test_a_ranking_of_governments_work_has_no_kind() -> None:
    it, rec = dev_record("zhejiang-zhejiang-2019-intangible-heritage-protection-index-ranking")
    assert it.expected["report_kind"] is None
    assert rec["report_kind"] is None
    assert _why(rec, "report_kind")


_RULES = """某县财政局关于印发《某县项目支出绩效评价管理办法》的通知
各乡镇人民政府，县直各部门：
现将《某县项目支出绩效评价管理办法》印发给你们，请认真贯彻执行。
第一条 为规范项目支出绩效评价，根据《项目支出绩效评价管理办法》，制定本办法。
第二条 绩效评价采用百分制，总分100分，项目支出绩效评价由单位自评和财政评价组成。
第三条 评价结果分为优、良、中、差四个等级：90分（含）以上为优。
"""

_REPORT = """某县农村公路养护资金项目绩效自评报告
根据《某县项目支出绩效评价管理办法》的规定，我局对2022年度农村公路养护资金项目开展了绩效自评。
一、项目基本情况
该项目年初预算数100万元，全年执行率100%。
二、评价结论
经自评，该项目综合得分92分，评价等级为优。
"""


def test_rules_being_issued_give_no_score_mode_or_kind() -> None:
    _, rec = record_of_text(_RULES)
    d = rec.to_dict()
    assert d["report_kind"] is None and d["evaluation_mode"] is None
    assert d["score"] is None or d["score"]["total"] is None
    assert _why(d, "score") or _why(d, "report_kind") or _why(d, "evaluation_mode"), d["warnings"]


def test_a_report_citing_the_rules_is_still_a_report() -> None:
    # near miss: a self-evaluation that cites the methods (根据《…管理办法》) evaluates
    _, rec = record_of_text(_REPORT)
    d = rec.to_dict()
    assert d["report_kind"] == "project" and d["evaluation_mode"] == "self"
    assert d["score"]["total"] == 92
    assert not any("not the report of an evaluation" in w for w in d["warnings"])


def test_a_meeting_on_an_evaluations_results_reported_in_the_body_is_not_a_headline_rule() -> None:
    # near miss: 召开 in the body, the headline an evaluation's: the rule reads the headline only
    text = "某县民生工程绩效评价报告\n县财政局召开评价反馈会议。经评价，该项目综合得分86分，评价等级为良。\n"
    _, rec = record_of_text(text)
    assert rec.to_dict()["score"]["total"] == 86


@pytest.mark.parametrize(
    "stem",
    [
        "unknown-masked-2022-village-party-service-fund",  # XX镇人民政府(以下简称本单位)
        "unknown-masked-undated-sme-development-fund",  # xx省工业和信息化厅
    ],
)
def test_a_name_whose_specific_part_is_masked_is_no_name(stem: str) -> None:
    it, rec = dev_record(stem)
    assert it.expected["evaluated_unit"] is None and it.expected["evaluator"] is None
    assert rec["evaluated_unit"] is None and rec["evaluator"] is None
    assert any("masks its name" in w for w in rec["warnings"]), rec["warnings"]


def test_a_short_name_also_printed_bare_stays() -> None:
    # near miss: 《xx县财政局关于…》 cited, and 县财政局 printed bare as the evaluator
    it, rec = dev_record("unknown-unnamed-undated-village-organisation-venues-finance")
    assert rec["evaluator"] == it.expected["evaluator"] == "县财政局"
