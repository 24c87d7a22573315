"""Who evaluated and which unit (issue 8, session 26): covers and letterheads of the three forms — a
unit's line over its report's title or its name in brackets after it, a finance bureau's red-head
issuer line (XX财政局文件), a stamped 评价结果通知书, a firm's line over its report's title, a cover that
names the body organising the evaluation beside the one carrying it out, a sentence naming the third
party, a short name whose level word the segmenter glues to the word before it (年县, 对县)
— on short invented excerpts in the genre's shapes (bench/genre_variants.py, UNITS).
"""

from __future__ import annotations

import pytest

from excerpt_records import record_of_text

from jixiao.extractor.record import nlp

BUREAU = "澧县交通运输局"
FIRM = "湖南湘诚会计师事务所有限公司"
FINANCE = "澧县财政局"
BODY = "一、基本情况\n农村公路养护资金用于全县农村公路日常养护，2022年预算500万元。\n"
REPORT = "澧县2022年度农村公路养护资金绩效评价报告\n"
SELF_BARE = "2022年度农村公路养护资金绩效自评报告\n"


def test_a_units_line_over_its_self_evaluations_title_names_the_unit() -> None:
    _doc, r = record_of_text(BUREAU + "\n澧县2022年度农村公路养护资金绩效自评报告\n" + BODY)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == BUREAU


def test_a_site_banner_over_a_pages_metadata_is_no_units_line() -> None:
    # the portal's name over the title and the page's metadata line (发布时间：…) names nobody (ruling 3)
    text = (
        BUREAU
        + "\n澧县2022年度农村公路养护资金绩效自评报告\n发布时间：2023-03-15 来源：本站 浏览次数：12\n"
        + "我局对2022年度农村公路养护资金开展了绩效自评。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit is None


def test_a_unit_in_brackets_after_its_reports_title_on_the_same_line() -> None:
    _doc, r = record_of_text("农村公路养护资金绩效自评报告（" + BUREAU + "）\n" + BODY)
    assert r.evaluated_unit == r.evaluator == BUREAU


def test_a_red_head_notices_issuer_line_is_the_finance_evaluator() -> None:
    text = (
        FINANCE
        + "文件\n澧财绩〔2023〕5号\n关于2022年度农村公路养护资金重点绩效评价结果的通知\n"
        + BUREAU
        + "：\n根据预算绩效管理要求，我局对你局2022年度农村公路养护资金开展了重点绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("finance", BUREAU, FINANCE)


def test_a_stamped_result_notice_is_the_finance_bureaus_not_its_own_self_evaluation() -> None:
    # 评价结果通知书 is a title: a finance bureau's notice to the unit it evaluated, signed with its stamp
    text = (
        "评价结果通知书\n"
        + BUREAU
        + "：\n我局对你局2022年度农村公路养护资金开展了重点绩效评价，评价等级为良。\n"
        + FINANCE
        + "（盖章）\n2023年6月1日\n"
    )
    _doc, r = record_of_text(text)
    assert r.title == "评价结果通知书"
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("finance", BUREAU, FINANCE)


def test_a_firms_line_over_its_reports_title_is_the_evaluator() -> None:
    text = (
        FIRM
        + "\n关于澧县2022年度农村公路养护资金的绩效评价报告\n受"
        + FINANCE
        + "委托，我公司对"
        + BUREAU
        + "2022年度农村公路养护资金进行了绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("third_party", BUREAU, FIRM)


def test_the_body_carrying_out_the_evaluation_over_the_one_organising_it() -> None:
    text = REPORT + "评价组织单位：" + FINANCE + "\n评价实施单位：" + FIRM + "\n项目单位：" + BUREAU + "\n"
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (BUREAU, FIRM)
    # and the organiser alone is the evaluator
    _doc, r = record_of_text(REPORT + "评价组织单位：" + FINANCE + "\n被评价单位：" + BUREAU + "\n")
    assert (r.evaluated_unit, r.evaluator) == (BUREAU, FINANCE)


def test_a_sentence_naming_the_third_party_names_the_evaluator() -> None:
    text = REPORT + "承担本次评价工作的第三方机构为" + FIRM + "，项目实施单位为" + BUREAU + "。\n"
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("third_party", BUREAU, FIRM)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2022年县交通运输局对农村公路养护资金开展了绩效自评", "县交通运输局"),
        ("项目资金由县交通局负责实施", "县交通局"),
        ("湖南湘诚会计师事务所有限公司对县交通运输局2022年度资金开展了绩效评价", "县交通运输局"),
        ("2022年省住建厅下达资金", "省住建厅"),
        ("受县财政局委托", "县财政局"),
    ],
)
def test_a_short_names_level_word_glued_to_the_word_before_it_opens_the_name(text: str, name: str) -> None:
    # jieba reads 年县, 由县, 对县, 受县 as words: the name starts at its level word all the same
    assert name in [e.text for e in nlp.entities(text, {"ORG"})]
    assert not [e.text for e in nlp.entities(text, {"ORG"}) if e.text.endswith(name) and e.text != name]


def test_every_countys_bureau_keeps_its_each() -> None:
    # (各县财政局 is every county's bureau, not one county's: 各 is no function word glued to the name)
    assert "各县财政局" in [e.text for e in nlp.entities("各县财政局要加强资金管理", {"ORG"})]


@pytest.mark.parametrize(
    ("text", "unit", "evaluator"),
    [
        (SELF_BARE + "2022年县交通运输局对农村公路养护资金开展了绩效自评。\n", "县交通运输局", "县交通运输局"),
        (
            REPORT + "受县财政局委托，" + FIRM + "对县交通运输局2022年度农村公路养护资金开展了绩效评价。\n",
            "县交通运输局",
            FIRM,
        ),
    ],
)
def test_a_short_name_after_a_glued_word_is_the_unit(text: str, unit: str, evaluator: str) -> None:
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (unit, evaluator)
