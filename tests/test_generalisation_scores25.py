"""Total, grade and the report's own arithmetic (issue 8, session scores25): what is *not* one
report's score or grade, and checks that name the numbers the report prints.

- Several scores listed in one phrase (两市绩效评价得分为87.29分和81.01分) are each unit's: the page
  names no single total (liaoning-unnamed-2019, dev).
- A grade word as a bound (良好以上, “良”及以上) or as a class of items (等级为“优”的项目) is no grade
  given (guangdong-zhongshan-2017 and shanxi-yanggao-2024, dev).
- A report that prints a grade scale of its own (优秀(≥85分)、合格(60分≤合格<85分) — guangdong-
  guangdong-2010-2011, dev) is not checked against the common thresholds.
- An overall verdict in a grade's word (资金项目总体绩效良好) is the grade stated only when its sentence
  prints the score it sums up (fujian-fujian-2009, dev) or the report prints its own grade scale;
  alone (评审情况总体良好 — anhui-fengtai-2017, dev; 总体评价为良好) it is a judgement in words.
- A 自评表's level-1 weights are checked against the total row's weight the form prints (总分100100 —
  sichuan-zhongjiang-2022, dev), and the check's span holds that printed number.

Each shape is checked on the dev-half items that print it and on short texts with a near miss that
must keep its value.
"""

from __future__ import annotations

import sys
from pathlib import Path

from excerpt_records import evidence, record_of_text

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.scores import own_scale, printed_scale

sys.path.insert(0, str(Path(__file__).parent))
from devset_compare import DEVSET  # noqa: E402

HEAD = "澧县2022年度农村公路养护资金绩效评价报告\n"


def item(stem: str):
    doc = parse(DEVSET / f"{stem}.txt")
    return doc, build_record(doc)


def test_several_units_scores_in_one_phrase_name_no_total() -> None:
    doc, r = item("liaoning-unnamed-2019-private-small-enterprise-finance-pilot-city-scores-notice")
    assert "87.29分和81.01分" in doc.text
    assert r.score.total is None and r.score.grade is None


def test_a_single_score_beside_a_threshold_or_a_tier_list_stays_the_total() -> None:
    # (near misses: one score then the pass line; tier scores listed with their names)
    doc, r = record_of_text(HEAD + "经评价，该项目绩效评价得分为87.29分，高于70分的合格线。\n")
    assert r.score.total == 87.29 and evidence(doc, r, "score.total").endswith("87.29分")
    doc, r = record_of_text(HEAD + "该项目综合得分为90分，其中决策18分、过程17分、产出35分、效益20分。\n")
    assert r.score.total == 90


def test_a_grade_word_as_a_bound_or_a_class_of_items_is_no_grade() -> None:
    doc, r = item("shanxi-yanggao-2024-key-evaluation-results-notice")
    assert "绩效评价等级为“优”的项目计6个" in doc.text
    assert r.score.grade is None
    doc, r = item("guangdong-zhongshan-2017-party-school-project-evaluation-results-note")
    assert "整体绩效水平达良好以上" in doc.text and r.score.grade is None
    for text in (
        "评价结果评定等次为“良”及以上的项目，下年度优先安排预算。\n",
        "绩效评价等级为“良好”以上的，予以通报表扬。\n",
        "评价结果为“优秀”等次的项目，下年度优先安排。\n",
    ):
        _doc, r = record_of_text(HEAD + text)
        assert r.score.grade is None, text
    # (near miss: the grade given, then what follows from it)
    doc, r = record_of_text(HEAD + "经评价，该项目评价等级为“良”，以上问题需整改。\n")
    assert r.score.grade == "良" and r.score.grade_source == "stated"


def test_a_report_s_own_grade_scale_is_read_and_spares_it_the_common_check() -> None:
    doc, _r = item("guangdong-guangdong-2010-2011-mineral-conservation-reward-evaluation-results-notice")
    scale = printed_scale(doc.text)
    assert ("优", 85.0) in [(g, m) for g, m, _s, _e in scale]
    assert ("中", 60.0) in [(g, m) for g, m, _s, _e in scale]
    bound = own_scale(doc.text)
    assert bound is not None and "85" in doc.text[bound[2] : bound[3]]
    # a report graded on such a scale: its 优秀 at 86 is no slip; without the scale it is one
    scale_line = "评价结果分为优秀（≥85分）、合格（60分≤合格<85分）、不合格（<60分）三个等级。\n"
    verdict = "经评价，该项目综合得分86分，评价等级为“优秀”。\n"
    _doc, r = record_of_text(HEAD + scale_line + verdict)
    assert r.score.grade == "优" and not [c for c in r.checks if c.rule == "grade_threshold"]
    doc, r = record_of_text(HEAD + verdict)
    (c,) = [c for c in r.checks if c.rule == "grade_threshold"]
    assert not c.ok and c.detail.startswith("86 of 100 → 良")
    # the check's span covers both the total's words and the grade's
    assert (
        c.span is not None and "86分" in doc.text[c.span[0] : c.span[1]] and "优秀" in doc.text[c.span[0] : c.span[1]]
    )
    # the common scale printed is no scale of its own: the check stays
    _doc, r = record_of_text(HEAD + "90分以上为优，80-90分为良。\n" + verdict)
    assert [c.ok for c in r.checks if c.rule == "grade_threshold"] == [False]


def test_form_weights_are_checked_against_the_total_row_the_form_prints() -> None:
    doc, r = item("sichuan-zhongjiang-2022-water-gauge-linkage-fund-table")
    (w,) = [c for c in r.checks if c.rule == "weight_sum"]
    assert not w.ok and w.detail.split(" (p.")[0].endswith("= 110, stated 100")
    assert w.span is not None and "总分100" in doc.text[w.span[0] : w.span[1]]


def test_form_weights_without_a_printed_total_row_are_not_checked() -> None:
    doc, r = item("anhui-guichi-2022-commissioned-services-table")
    assert "总分" not in doc.text and "合计" not in doc.text
    assert not [c for c in r.checks if c.rule == "weight_sum"]


def test_an_overall_verdict_is_a_grade_only_beside_its_score_or_a_scale_of_the_report_s() -> None:
    doc, r = item("fujian-fujian-2009-employment-special-fund-finance-evaluation-essay-site")
    assert r.score.total == 83.4 and r.score.grade == "良" and r.score.grade_source == "stated"
    assert "总体绩效良好" in evidence(doc, r, "score.grade")
    stems = [p.stem for p in DEVSET.glob("anhui-fengtai-2017*.txt")]
    assert stems
    doc, r = item(stems[0])
    assert "评审情况总体良好" in doc.text and r.score.grade_source != "stated"
    _doc, r = record_of_text(HEAD + "经评价，该项目总体评价为良好。\n")
    assert r.score.grade is None
    _doc, r = record_of_text(
        HEAD + "评价等级分为优秀、良好、合格、不合格，80（含）-90分为良好。经评价，该项目总体评价为良好。\n"
    )
    assert r.score.grade == "良" and r.score.grade_source == "stated"
