"""Generalisation of the years, the mode and the title (issue 8, session 26, meta21): periods of years as
reports print them, a finance body's commission in the report's words, a writer evaluating in the first
person. Invented sentences in the genre's shapes (bench/genre_variants.py holds more), not text copied
from the development set."""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

HEAD = "石门县农村公路养护资金绩效评价报告\n一、基本情况\n"
TITLE = "石门县2022年度农村公路养护资金绩效评价报告\n"


# ---------------------------------------------------------------- a period of years
@pytest.mark.parametrize(
    "text, span",
    [
        ("石门县农村公路养护资金绩效评价报告\n（2020-2022年度）\n一、基本情况\n", "2020-2022年度"),
        ("石门县农村公路养护资金绩效评价报告（2020—2022年）\n一、基本情况\n", "2020—2022年"),
        (HEAD + "本次评价对象为2020-2022年农村公路养护资金，共计1500万元。\n", "2020-2022年"),
        (HEAD + "2020年至2022年，县财政共安排农村公路养护资金1500万元。\n", "2020年至2022年"),
    ],
)
def test_a_period_in_a_year_note_the_evaluated_object_or_the_funds_is_every_year_of_it(text: str, span: str) -> None:
    doc, r = record_of_text(text)
    assert r.years == [2020, 2021, 2022]
    assert evidence(doc, r, "years") == span


def test_a_period_in_the_titles_bracket_or_year_line_is_the_titles_last_words() -> None:
    _doc, r = record_of_text("石门县农村公路养护资金绩效评价报告\n（2020-2022年度）\n一、基本情况\n")
    assert r.title == "石门县农村公路养护资金绩效评价报告（2020-2022年度）"
    _doc, r = record_of_text("石门县农村公路养护资金绩效评价报告（2020-2022年）\n一、基本情况\n")
    assert r.title == "石门县农村公路养护资金绩效评价报告（2020-2022年）"


def test_a_period_the_funds_name_beside_another_year_is_no_lone_year() -> None:
    # near miss: a second year named apart from the period (a later plan) leaves the funds' year unsure
    _doc, r = record_of_text(HEAD + "2020年至2022年，县财政共安排农村公路养护资金1500万元。2024年计划继续实施。\n")
    assert r.years != [2020, 2021, 2022]
    # and a year of one funds sentence stays one year
    _doc, r = record_of_text(HEAD + "2022年，县财政共安排农村公路养护资金500万元。\n")
    assert r.years == [2022]


# ---------------------------------------------------------------- a finance body's commission
@pytest.mark.parametrize(
    "sentence",
    [
        "受县财政局委托，评价组对该项目开展了绩效评价。",
        "受石门县财政局和石门县交通运输局委托，评价组对该项目进行了绩效评价。",
        "受石门县财政局委托，第三方机构组成评价组，对该项目开展了绩效评价。",
    ],
)
def test_a_finance_body_commissioning_an_unnamed_party_is_a_finance_evaluation(sentence: str) -> None:
    doc, r = record_of_text(TITLE + sentence + "\n")
    assert r.evaluation_mode == "finance"
    assert "财政局" in evidence(doc, r, "evaluation_mode")


def test_a_firm_writing_its_own_report_or_named_is_a_third_party() -> None:
    _doc, r = record_of_text(TITLE + "受石门县财政局委托，我所组成评价组，对该项目开展了绩效评价。\n")
    assert r.evaluation_mode == "third_party"
    firm = "湖南某某会计师事务所有限公司"
    _doc, r = record_of_text(TITLE + f"受石门县财政局委托，{firm}对该项目开展了绩效评价。\n")
    assert (r.evaluation_mode, r.evaluator) == ("third_party", firm)


# ---------------------------------------------------------------- the writer evaluating in the first person
def test_the_bureaus_deployment_before_the_units_own_work_is_no_finance_evaluation() -> None:
    text = (
        "石门县交通运输局\n2022年度项目支出绩效评价报告\n按照县财政局统一部署，我局成立绩效评价工作领导小组，"
        "对农村公路养护项目开展了绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluator) == ("self", "石门县交通运输局")
    # near miss: the bureau itself setting up the group is its evaluation
    _doc, r = record_of_text(
        "石门县2022年度农村公路养护资金绩效评价报告\n县财政局成立评价工作组，对该项目开展了重点绩效评价。\n"
    )
    assert r.evaluation_mode == "finance"


def test_a_named_writer_evaluating_in_the_first_person_tells_the_mode() -> None:
    doc, r = record_of_text(
        "2022年度农村公路养护资金绩效评价报告\n一、基本情况\n本单位对2022年度农村公路养护资金进行了全面评价。\n"
        "石门县交通运输局\n2023年3月1日\n"
    )
    assert (r.evaluation_mode, r.evaluator) == ("self", "石门县交通运输局")
    assert evidence(doc, r, "evaluation_mode").startswith("本单位对")
    # a finance bureau writing so evaluated others' spending
    _doc, r = record_of_text(
        "石门县财政局2022年度项目支出绩效评价结果公开\n根据《石门县预算绩效管理办法》，我局对2022年度部分项目开展了绩效评价，结果如下：\n"
    )
    assert r.evaluation_mode == "finance"


def test_a_writer_named_nowhere_tells_no_mode() -> None:
    _doc, r = record_of_text(
        "2023年高龄补贴事后绩效评价报告\n按照县财政局通知要求，我局组织对2023年高龄补贴开展了事后绩效评价。\n"
    )
    assert r.evaluation_mode is None
