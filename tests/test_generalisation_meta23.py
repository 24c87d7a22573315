"""Generalisation of the evaluation mode (issue 8, session 28, meta23): who evaluated whose spending. A line
department or its group evaluating a lower place's or the writer's spending is none of the three modes
(tests/devset/README.md, ruling 25a); 自评 named as one of a unit's duties is no self-evaluation; a finance body
evaluating another unit's spending is the finance mode. Invented sentences in the genre's shapes
(bench/genre_variants.py holds more), not text copied from the development set."""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text


@pytest.mark.parametrize(
    "text",
    [
        "汉寿县2022年度农村公路养护资金绩效考评\n常德市交通运输局考评组对汉寿县2022年度农村公路养护资金进行了绩效考评。\n",
        "湖南省交通运输厅对汉寿县农村公路养护资金开展绩效评价\n近日，湖南省交通运输厅对汉寿县2022年度农村公路养护资金开展了绩效评价。\n",
    ],
)
def test_a_line_department_evaluating_a_lower_places_funds_is_no_self_evaluation(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.evaluation_mode is None


def test_a_body_evaluating_its_own_places_funds_is_self() -> None:
    # near miss: the place evaluated is the evaluator's own
    text = "汉寿县交通运输局2022年度农村公路养护资金绩效评价报告\n汉寿县交通运输局对汉寿县2022年度农村公路养护资金开展了绩效评价。\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"


def test_a_body_evaluating_its_own_funds_with_no_place_is_self() -> None:
    # near miss: what it evaluates opens with a year and the funds, no place (对2022年度…补助资金…)
    text = "汉寿县交通运输局2022年度农村公路养护资金绩效评价报告\n汉寿县交通运输局对2022年度农村公路养护资金开展了绩效评价。\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"


def test_a_visitor_evaluating_the_writer_makes_its_first_person_no_self_evaluation() -> None:
    text = "市交通运输局到我局开展农村公路养护资金绩效考评\n近日，常德市交通运输局考评组到我局开展2022年度农村公路养护资金绩效考评工作。\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode is None


def test_self_evaluation_listed_among_a_units_duties_is_no_mode() -> None:
    text = "汉寿县2022年度农村公路养护资金使用情况\n县交通运输局认真做好绩效目标申报、绩效运行监控和绩效自评等工作，资金使用规范。\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode is None


@pytest.mark.parametrize(
    "text",
    [
        "汉寿县2022年度农村公路养护资金绩效评价报告\n县财政局对县交通运输局2022年度农村公路养护资金实施了重点绩效评价。\n",
        "汉寿县2022年度财政支出绩效评价情况\n2023年，汉寿县财政局选取农村公路养护资金等5个项目开展重点绩效评价。\n",
    ],
)
def test_a_finance_bureau_evaluating_another_units_funds_is_finance(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "finance"


def test_a_unit_acting_on_the_finance_bureaus_request_evaluates_itself() -> None:
    # near miss: 根据县财政局要求，我局对…: the unit's own evaluation
    text = "汉寿县交通运输局2022年度农村公路养护资金绩效评价报告\n根据县财政局要求，我局对2022年度农村公路养护资金开展了绩效评价。\n汉寿县交通运输局\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"


def test_a_bare_time_label_under_the_signing_unit_is_the_signing_date() -> None:
    text = "汉寿县农村公路养护资金绩效自评报告\n一、基本情况\n……\n汉寿县交通运输局\n时间：2024 年 10 月 8 日\n"
    _doc, r = record_of_text(text)
    assert r.report_date == "2024-10-08"


def test_a_bare_time_label_under_no_unit_is_no_report_date() -> None:
    # near miss: 时间： after a heading, not a signing unit, may be any time the text speaks of
    text = "汉寿县农村公路养护资金绩效自评报告\n一、基本情况\n……\n四、存在问题\n时间：2024年10月8日\n"
    _doc, r = record_of_text(text)
    assert r.report_date is None


def test_a_sealing_date_label_gives_the_report_date() -> None:
    text = "汉寿县农村公路养护资金绩效自评报告\n一、基本情况\n……\n盖章日期：2024 年 10 月 8 日\n"
    _doc, r = record_of_text(text)
    assert r.report_date == "2024-10-08"
