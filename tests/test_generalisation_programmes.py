"""Where a programme's name starts and ends (issue 8), in the shapes the genre states it: a title whose
evaluation words carry a qualifier (…资金财政重点绩效评价报告, 关于对…开展绩效评价的报告), and a sentence
that says what was evaluated (对…的绩效目标完成情况进行了自评, 组织开展了…绩效评价, 项目名称为…).

The texts are written by hand in the way such reports print these (not copied from the development
set); every value is asserted with the words it came from.
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

PROG = "农村公路养护资金"


@pytest.mark.parametrize(
    "title",
    [
        "澧县2022年度农村公路养护资金财政重点绩效评价报告",
        "澧县2022年度农村公路养护资金第三方绩效评价报告",
        "澧县2022年度农村公路养护资金中期绩效评价报告",
        "澧县2022年度农村公路养护资金全过程绩效评价报告",
        "澧县2022年度农村公路养护资金绩效跟踪评价报告",
        "澧县2022年农村公路养护资金年度绩效评价报告",
        "关于对2022年度农村公路养护资金开展绩效评价的报告",
        "关于对澧县2022年度农村公路养护资金实施重点绩效评价的报告",
    ],
)
def test_the_words_that_qualify_the_evaluation_are_no_part_of_the_programme(title: str) -> None:
    doc, r = record_of_text(title + "\n一、基本情况\n")
    assert r.program == PROG
    assert evidence(doc, r, "program") == PROG


def test_a_fund_word_of_the_programmes_own_name_stays() -> None:
    # near miss: 专项 after a programme's name that has no fund noun of its own is its name's (ruling 8)
    doc, r = record_of_text("澧县2022年度农村公路养护专项绩效评价报告\n一、基本情况\n")
    assert r.program == "农村公路养护专项"


@pytest.mark.parametrize(
    "sentence",
    [
        "我局对2022年度农村公路养护资金的绩效目标完成情况进行了自评。",
        "县财政局对澧县2022年度农村公路养护资金的资金使用、项目管理及实施效果开展了绩效评价。",
        "评价组对2022年度农村公路养护资金从决策、过程、产出、效益四个方面进行了综合评价。",
        "县财政局对2022年度农村公路养护资金（共计500万元）开展绩效评价。",
        "县财政局对2022年度农村公路养护资金500万元开展了绩效评价。",
        "县财政局对县交通运输局实施的2022年度农村公路养护资金项目开展了绩效评价。",
        "按照县财政局要求，对我局2022年度农村公路养护资金开展了绩效自评。",
        "按照县财政局要求，对本单位2022年度农村公路养护资金开展了绩效自评。",
        "我局对2022年度农村公路养护资金绩效目标实现情况开展了自评。",
        "我局对农村公路养护资金使用和项目管理情况进行了绩效自评。",
        "澧县财政局委托湖南某某会计师事务所有限公司，对2022年度农村公路养护资金实施了重点绩效评价。",
        "我局于2023年3月对“2022年度农村公路养护资金”项目开展了绩效评价。",
        "县财政局组织开展了农村公路养护资金绩效评价。",
        "我局认真组织开展了农村公路养护资金项目支出绩效自评。",
        "本次评价项目名称为农村公路养护资金。",
    ],
)
def test_a_sentence_naming_what_was_evaluated_names_the_programme(sentence: str) -> None:
    doc, r = record_of_text(sentence + "\n")
    assert r.program == PROG
    assert evidence(doc, r, "program") == PROG


def test_a_run_of_programme_nouns_belongs_to_the_name() -> None:
    doc, r = record_of_text("县财政局对农村公路建设项目资金使用情况开展了绩效评价。\n")
    assert r.program == "农村公路建设项目资金"


def test_two_programmes_evaluated_together_name_none() -> None:
    # several evaluated (ruling 5): no programme, rather than the first or both
    doc, r = record_of_text("县财政局对2022年度农村公路养护资金和农村公路建设资金开展了绩效评价。\n")
    assert r.program is None
    # near miss: 和 inside one programme's name
    doc, r = record_of_text("县财政局对农业生产和水利救灾资金开展了绩效评价。\n")
    assert r.program == "农业生产和水利救灾资金"


def test_quotation_marks_around_the_whole_programme_are_no_part_of_it() -> None:
    # devset ruling 18: they mark where the name starts and ends, as brackets do
    doc, r = record_of_text("2024年度某区“送戏下乡”绩效评价报告\n一、基本情况\n")
    assert r.program == "送戏下乡"
    assert evidence(doc, r, "program") == "送戏下乡"
    doc, r = record_of_text("县财政局对“2022年度农村公路养护资金”开展了绩效评价。\n")
    assert r.program == PROG
    # near miss: quoted words inside a longer name stay, in a title and in a sentence
    doc, r = record_of_text("某县2021年度“四好农村路”建设资金绩效评价报告\n一、基本情况\n")
    assert r.program == "“四好农村路”建设资金"
    doc, r = record_of_text("市交通运输局对2021年度“四好农村路”建设实施情况进行了绩效自评。\n")
    assert r.program == "“四好农村路”建设"


@pytest.mark.parametrize(
    "title",
    [
        "关于2021、2022年度城乡医疗救助资金绩效评价结果的公示",
        "雨湖区民政局关于2020年和2021年城乡医疗救助资金绩效评价情况的报告",
        "湘潭市民政局关于2020、2021年度城乡医疗救助资金绩效评价结果的公告",
    ],
)
def test_a_list_of_years_before_the_programme_is_no_part_of_it(title: str) -> None:
    # (session 27, title22) the years a title lists (2020、2021年度) go as one year does
    _doc, r = record_of_text(title + "\n")
    assert r.program == "城乡医疗救助资金"


@pytest.mark.parametrize(
    "text",
    [
        "澧县2022年度农机购置补贴政策绩效评价报告\n一、基本情况\n",
        "关于2022年度农机购置补贴政策执行情况的绩效评价报告\n",
        "澧县2022年度农机购置补贴政策实施情况绩效评价报告\n",
        "项目支出绩效自评报告\n一、基本情况\n为做好农机购置补贴政策绩效自评工作，我局成立了自评工作小组。\n",
    ],
)
def test_a_policy_evaluated_is_named_without_its_kind_word(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.program == "农机购置补贴"
    assert evidence(doc, r, "program") == "农机购置补贴"


@pytest.mark.parametrize(
    "title, prog",
    [
        ("澧县2022年度政策性农业保险保费补贴绩效评价报告", "政策性农业保险保费补贴"),
        ("澧县2022年度农机购置补贴政策资金绩效评价报告", "农机购置补贴政策资金"),
    ],
)
def test_a_policy_word_inside_the_programmes_name_stays(title: str, prog: str) -> None:
    _doc, r = record_of_text(title + "\n一、基本情况\n")
    assert r.program == prog
