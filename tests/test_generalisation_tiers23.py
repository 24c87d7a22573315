"""Scores and tiers of issue 8, session 28 (tiers23): a tier's score in brackets after its labelled
weight, 自评 as the score's only word, a score whose 分 gives way to its maximum in brackets, a tier's
合计得分 after its items, 自评100分 as the total, a grade under 档次 or alone after the score — each on
a short hand-written text in a shape the genre prints it in, with a near miss that must not read.
(bench/genre_variants.py keeps these shapes with more; none is copied from the development set.)
"""

from __future__ import annotations

from excerpt_records import record_of_text


def tiers(text: str) -> list[tuple[str, float | int | None, float | int | None]]:
    _doc, r = record_of_text(text)
    return [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]


def test_the_score_in_brackets_after_the_labelled_weight() -> None:
    got = tiers("产出指标：分值50分（得分48分）。效益指标：分值30分（得分28分）。\n")
    assert got == [("产出", 50, 48), ("效益", 30, 28)]
    # 自评 alone names the score there, the tier's name a label of its own before the weight
    got = tiers("（一）产出指标。分值50分（自评48分）。\n（二）效益指标。分值30分（自评28分）。\n")
    assert got == [("产出", 50, 48), ("效益", 30, 28)]
    # near miss: a rate in brackets after the weight is no score
    assert tiers("产出指标：分值50分（完成率98%）。\n") == []


def test_a_score_without_its_unit_before_its_maximum_in_brackets() -> None:
    got = tiers("产出指标，指标评价得分48（满分50分）；效益指标，指标评价得分28（满分30分）。\n")
    assert got == [("产出", 50, 48), ("效益", 30, 28)]
    # near miss: a bare number after 得分 with no maximum after it is no score (a count, a code …)
    assert tiers("产出指标，指标评价得分48（见附表）。\n") == []


def test_a_tiers_sum_after_its_items_is_the_tiers_not_the_wholes() -> None:
    text = (
        "2.产出指标（50分）\n（1）数量指标：完成养护里程120公里，得20分。\n（2）质量指标：验收合格率100%，得15分。\n"
        "（3）时效指标：按时完成，得13分。\n产出指标合计得分48分。\n"
    )
    _doc, r = record_of_text(text)
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [("产出", 48)]
    assert r.score.total is None  # a framework's tier names no whole, whatever number it shares
    # near miss: the whole's own name with no weight still states the total (session 27's rule)
    _doc, r = record_of_text("经自评，我单位整体绩效得分96分，自评等级为优。\n")
    assert r.score.total == 96 and [i for i in r.indicators if i.level == 1] == []


def test_self_evaluation_with_its_score_right_after_it() -> None:
    _doc, r = record_of_text("经综合评价，认为项目总体完成情况良好，项目自评100分。\n")
    assert (r.score.total, r.score.grade_source) == (100, "derived")
    # near miss: a sub-item's 自评 score under its indicator's name is no total
    _doc, r = record_of_text("2.质量指标（自评10分）：项目验收合格率为100%。\n")
    assert r.score.total is None


def test_a_grade_under_dangci_or_alone_after_the_score() -> None:
    _doc, r = record_of_text("该项目绩效评价得分88分，评价档次为良好。\n")
    assert (r.score.total, r.score.grade, r.score.grade_source) == (88, "良", "stated")
    _doc, r = record_of_text("经评价，项目自评结果为88分，良。\n")
    assert (r.score.total, r.score.grade, r.score.grade_source) == (88, "良", "stated")
    # near miss: a one-character word after the score that opens a longer clause is no grade
    _doc, r = record_of_text("经评价，项目自评结果为88分，中央资金到位及时。\n")
    assert (r.score.total, r.score.grade_source) == (88, "derived")


def test_a_tiers_name_as_the_tail_of_a_lower_indicators_name_is_no_tier() -> None:
    assert tiers("二、过程（20分）\n1.合同管理：合同签订规范，合同管理得分5分；档案管理得分4分。\n") == []
    assert tiers("组织实施方面，项目实施效果得分8分，培训效果得分5分。\n") == []
    # a sub-item's score in a tier's section, its own name before it, is not the tier's
    assert tiers("（二）产出指标\n数量指标完成较好。群众满意度得分9分。\n") == []
    # near misses: the words that may stand before a tier's name keep it one
    assert tiers("经评价，其中决策指标得分18分，在过程方面得分17分。\n") == [("决策", None, 18), ("过程", None, 17)]
    assert tiers("（一）完成绩效产出指标（自评得分50分）\n") == [("产出", None, 50)]
    got = tiers("该项目决策、过程、产出、效益四项一级指标分别得分18分、17.5分、27分、26分。\n")
    assert [s for _n, _w, s in got] == [18, 17.5, 27, 26]
