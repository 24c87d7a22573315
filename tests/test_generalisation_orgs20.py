"""Who evaluated and which unit (issue 8, session 25): a self-evaluation that names its unit only in
its own words — the first sentence or the heading of its basic situation, a clause after a purpose
clause, the body that set up its evaluation group, a bracket under its title, 我单位（…） — on short
invented excerpts in the genre's shapes (bench/genre_variants.py, UNITS), and the recogniser's stop
words that keep such a sentence's verb out of the name.
"""

from __future__ import annotations

import pytest

from excerpt_records import record_of_text

from jixiao.extractor.record import nlp

SELF = "2022年度农村公路养护资金绩效自评报告\n"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("一、基本情况\n澧县公路建设养护中心位于县城东部，主要负责全县农村公路的养护管理。\n", "澧县公路建设养护中心"),
        ("一、基本情况\n澧县第一中学始建于1952年，是一所全日制公办高级中学。\n", "澧县第一中学"),
        ("一、基本情况\n澧县人民医院系国家二级甲等综合医院，承担全县医疗救治任务。\n", "澧县人民医院"),
        ("一、基本情况\n澧县公路建设养护中心隶属于澧县交通运输局，为公益一类事业单位。\n", "澧县公路建设养护中心"),
        ("一、基本情况\n（一）单位基本情况\n澧县第一中学占地面积120亩，现有学生3000人。\n", "澧县第一中学"),
        ("一、基本情况\n（一）澧县交通运输局基本情况\n局机关内设6个股室。\n", "澧县交通运输局"),
    ],
)
def test_the_unit_introduced_by_its_basic_situation_is_a_self_evaluations_unit(sentence: str, unit: str) -> None:
    _doc, r = record_of_text(SELF + sentence)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == unit


def test_an_introductions_verb_is_no_part_of_the_name() -> None:
    # 系, 隶属于, 坐落于 are stop words: the name starts after them, at the next division name
    names = [
        e.text for e in nlp.entities("澧县公路建设养护中心隶属于澧县交通运输局，澧县人民医院坐落于县城东部", {"ORG"})
    ]
    assert names == ["澧县公路建设养护中心", "澧县交通运输局", "澧县人民医院"]


def test_a_clause_after_a_purpose_names_the_unit_that_acts() -> None:
    _doc, r = record_of_text(
        SELF + "为提高资金使用效益，澧县交通运输局高度重视绩效自评工作，对2022年度农村公路养护资金进行了全面梳理。\n"
    )
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    # a finance bureau in that place is not the unit (the rule leaves finance bodies out)
    _doc, r = record_of_text(SELF + "为提高资金使用效益，澧县财政局高度重视绩效自评工作。\n")
    assert r.evaluated_unit is None


def test_the_body_setting_up_a_leading_group_for_its_evaluation_evaluated() -> None:
    _doc, r = record_of_text(SELF + "澧县交通运输局成立了以局长为组长的绩效自评工作领导小组，认真开展自评。\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    _doc, r = record_of_text(SELF + "本次自评工作由澧县交通运输局组织实施，成立了自评小组。\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


def test_the_programmes_implementing_body_is_the_unit() -> None:
    _doc, r = record_of_text(SELF + "该项目的实施主体为澧县公路建设养护中心，项目资金由县财政局拨付。\n")
    assert r.evaluated_unit == "澧县公路建设养护中心"


@pytest.mark.parametrize("unit", ["澧县城市建设投资有限公司", "澧县国有林场", "澧县绿源农机专业合作社"])
def test_a_company_farm_or_cooperative_opening_its_self_evaluations_title(unit: str) -> None:
    _doc, r = record_of_text(unit + "农机购置补贴绩效自评报告\n一、基本情况\n")
    assert r.evaluated_unit == r.evaluator == unit


def test_a_firm_opening_a_title_is_not_the_unit() -> None:
    # (事务所 is left out of the title's unit rule: the firm's own report names the firm as evaluator)
    _doc, r = record_of_text("湖南湘诚会计师事务所农村公路养护资金绩效评价报告\n一、基本情况\n")
    assert r.evaluated_unit is None


def test_the_unit_whose_self_evaluation_the_report_presents() -> None:
    _doc, r = record_of_text(SELF + "现将澧县交通运输局农村公路养护资金绩效自评情况报告如下：\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


def test_the_unit_in_brackets_under_the_title() -> None:
    _doc, r = record_of_text("农村公路养护资金绩效自评报告\n（澧县交通运输局）\n一、基本情况\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


@pytest.mark.parametrize(
    "sentence",
    [
        "一、基本情况\n我单位（澧县公路建设养护中心）为公益一类事业单位。\n",
        "一、基本情况\n我单位全称澧县公路建设养护中心，始建于1985年。\n",
    ],
)
def test_the_writer_naming_itself_after_its_pronoun(sentence: str) -> None:
    _doc, r = record_of_text(SELF + sentence)
    assert r.evaluated_unit == r.evaluator == "澧县公路建设养护中心"


def test_a_year_led_sentence_names_the_unit_that_acts() -> None:
    _doc, r = record_of_text(SELF + "2022年，澧县交通运输局紧紧围绕县委、县政府中心工作，扎实推进农村公路养护。\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    # (紧紧围绕 is a stop word: the bureau's name does not run on to 县委)
    assert "澧县交通运输局" in [e.text for e in nlp.entities("澧县交通运输局紧紧围绕县委中心工作", {"ORG"})]


def test_a_departments_own_form_is_filed_by_the_unit_it_names() -> None:
    # ruling 4: the 单位名称 of a department's form is the filing unit, so the evaluator
    text = "部门整体支出绩效评价表\n| 单位名称 | 澧县交通运输局 |\n| 年度预算金额 | 500万元 |\n| 主管部门 | 澧县人民政府 |\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    # a programme form's spending unit alone does not say who filed it
    _doc, r = record_of_text("项目支出绩效评价表\n项目名称：农村公路养护资金\n实施单位：澧县公路建设养护中心\n")
    assert r.evaluated_unit == "澧县公路建设养护中心" and r.evaluator is None
