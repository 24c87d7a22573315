"""Years, dates, scores and the report's own arithmetic in more of the genre's layouts (issue 8,
session nums30).  The synthetic texts are short statements written from the genre's usual wordings
(a list of years, a form's project period, a results notice), not copied from any item; each asserts
the value a reader takes from it, and a near miss that states nothing must give nothing.  The dev
items named are read as published.
"""

from __future__ import annotations

import pytest

from excerpt_records import dev_document, record_of_text


def years_of(text: str) -> list[int]:
    _doc, r = record_of_text(text)
    return sorted(r.years or [])


# ------------------------------------------------------------------ years evaluated


@pytest.mark.parametrize(
    "text",
    [
        # a notice's title listing the years of the work, the last with 年度
        "某省财政厅关于2010、2011年度农业奖补资金绩效评价结果的公示\n现将评价结果公示如下。\n",
        # the body's evaluation phrase naming them
        "绩效评价报告\n我厅委托某某会计师事务所对我省2010、2011年度农业奖补资金进行绩效评价。\n",
        # 和 / 及 between the years, each with its 年
        "绩效评价报告\n我厅委托某某会计师事务所对我省2010年和2011年农业奖补资金进行绩效评价。\n",
        "绩效评价报告\n我厅委托某某会计师事务所对我省2010年及2011年农业奖补资金进行绩效评价。\n",
        # spaced digits and traditional characters (a PDF's text layer, a mirror's copy)
        "績效評價報告\n我廳委託某某會計師事務所對我省2010、2011 年度農業獎補資金進行績效評價。\n",
    ],
)
def test_years_listed_are_each_an_evaluated_year(text: str) -> None:
    assert years_of(text) == [2010, 2011]


def test_a_list_of_three_years_names_only_those_years() -> None:
    text = "绩效评价报告\n受县财政局委托，我所对2018年、2019年和2021年水利补助资金开展了绩效评价。\n"
    assert years_of(text) == [2018, 2019, 2021]


@pytest.mark.parametrize(
    "period",
    [
        "项目起止时间 | 2015年11月起至2020年1月止 |",  # a row with bars
        "项目起止时间\n2015年11月起至2020年1月止",  # one cell a line
        "支出项目起止日期\n\n2015年11月1日---2020年1月31日",  # a blank line, the dash typed three times
        "项目实施周期：2015年11月—2020年1月",  # a form flattened to one line
        "项目起止时间 2015 年 11 月起至 2020 年 1 月止",  # spaced digits
    ],
)
def test_a_forms_project_period_over_several_years_gives_each_year(period: str) -> None:
    text = (
        "某市电子口岸建设项目绩效评价自评报告\n项目名称：某市电子口岸建设\n"
        + period
        + "\n计划安排资金（万元） 2489.4\n"
    )
    assert years_of(text) == [2015, 2016, 2017, 2018, 2019, 2020]


def test_a_yearly_evaluation_of_a_longer_project_keeps_its_year() -> None:
    # the year the evaluation phrase names outranks the project's period in the form
    text = (
        "某市电子口岸建设项目2019年度绩效自评报告\n项目名称：某市电子口岸建设\n"
        "项目起止时间 | 2015年11月起至2020年1月止 |\n"
    )
    assert years_of(text) == [2019]


def test_a_period_that_is_no_project_period_is_no_evaluated_period() -> None:
    # an open period of a notice (公示期) is a date range, not the years of a project
    text = "某项目绩效评价结果公示\n公示期自2016年2月22日至2017年2月29日，如有异议请反映。\n"
    assert years_of(text) == []


@pytest.mark.parametrize(
    "stem",
    [
        "guangdong-guangdong-2010-2011-mineral-conservation-reward-evaluation-results-notice",
        "hunan-yueyang-2015-2020-electronic-port-project-self-report-mirror",
        "shaanxi-masked-2017-2019-industrial-zone-sewage-stations-template",
        "shanxi-changzhi-2019-2020-farmland-construction-subsidy-regulator-evaluation-news-mirror",
    ],
)
def test_dev_items_with_listed_years_or_a_project_period(stem: str) -> None:
    _doc, record, expected = dev_document(stem)
    assert sorted(record.years or []) == sorted(expected["years"])


@pytest.mark.parametrize(
    "sentence",
    [
        "今年，全市共有60家博物馆参加了2015年度免费开放博物馆绩效考核工作。",  # 绩效考核
        "近日，财政部通报2015年度县级财政管理绩效综合评价结果。",  # 绩效综合评价
        "省文化和旅游厅在2015年度全省非遗保护发展指数评估指标中增设了两项。",  # 评估指标
        "近日，財政部通報2015年度縣級財政管理績效綜合評價結果。",  # a mirror's traditional copy
        "2016年，全市共有60家博物馆参加了2015年度免费开放博物馆绩效考核工作。",  # the year nearest the phrase
        "自2011年起，全市实施免费开放博物馆年度考核。2015年度绩效考核共60家博物馆参加。",  # a year since when is none
    ],
)
def test_the_year_nearest_the_genres_words_for_an_evaluation(sentence: str) -> None:
    assert years_of("全市免费开放博物馆考核情况通报\n" + sentence + "\n") == [2015]


def test_a_year_since_when_alone_is_no_evaluated_year() -> None:
    assert years_of("全市免费开放博物馆考核情况通报\n自2011年起，全市实施免费开放博物馆年度绩效考核。\n") == []


@pytest.mark.parametrize(
    "stem",
    [
        "chongqing-chongqing-2015-free-museums-assessment-news",
        "guangdong-2019-county-fiscal-management-evaluation-ranking-news-trad",
        "zhejiang-zhejiang-2019-intangible-heritage-protection-index-ranking-news-glossed-mirror",
    ],
)
def test_dev_items_naming_their_year_beside_another_word_for_the_evaluation(stem: str) -> None:
    _doc, record, expected = dev_document(stem)
    assert sorted(record.years or []) == sorted(expected["years"])


# ------------------------------------------------------------------ budget − spent = balance

FUNDS = "某县2022年度农村公路养护资金绩效评价报告\n一、项目基本情况\n（二）资金情况\n"


def balances(text: str) -> list[tuple[bool, str]]:
    _doc, r = record_of_text(FUNDS + text)
    return [(c.ok, c.detail) for c in r.checks if c.rule == "balance"]


@pytest.mark.parametrize(
    "text",
    [
        "该项目年度预算资金100万元，实际支出95万元，结余8万元。\n",
        "该项目年度预算资金100万元，截至2022年12月31日实际支出95万元，结余资金8万元。\n",
        "该項目年度預算資金100萬元，實際支出95萬元，結餘8萬元。\n",  # a mirror's traditional copy
        "该项目年度预算资金 100 万元，实际支出 95 万元，结余 8 万元。\n",  # spaced digits
        "该项目预算资金100万元，到位资金100万元，实际支出95万元，结余8万元。\n",  # the money arrived between
    ],
)
def test_a_balance_that_is_not_the_budget_less_the_spending_is_a_slip(text: str) -> None:
    ((ok, detail),) = balances(text)
    assert not ok and "95" in detail and "8" in detail


@pytest.mark.parametrize(
    "cells",
    [
        "计划安排资金（万元）\n2,489.4\n实际到位资金（万元）\n2,489.4\n实际支出（万元）\n2,466.6\n结余（万元）\n32.8\n",
        "| 计划安排资金（万元） | 2489.4 | 实际到位资金（万元） | 2489.4 | 实际支出（万元） | 2466.6 | 结余（万元） | 32.8 |\n",
        "计划安排资金（万元） 2489.4 实际到位资金（万元） 2489.4 实际支出（万元） 2466.6 结余（万元） 32.8\n",
        "计划安排资金(万元)\n\n2489.4\n\n实际支出(万元)\n\n2466.6\n\n结余(万元)\n\n32.8\n",
    ],
)
def test_a_forms_balance_cell_is_checked_in_every_layout(cells: str) -> None:
    ((ok, detail),) = balances(cells)
    assert not ok and "22.8" in detail and "32.8" in detail
    ((ok, _detail),) = balances(cells.replace("32.8", "22.8"))
    assert ok


@pytest.mark.parametrize(
    "text",
    [
        # the balance against the money arrived, not the budget: no slip
        "该项目预算资金100万元，到位资金90万元，实际支出85万元，结余5万元。\n",
        # rounding: 432.65 − 400.12 = 32.53, printed 32.5 (README ruling 27)
        "该项目年度预算资金432.65万元，实际支出400.12万元，结余32.5万元。\n",
    ],
)
def test_a_balance_within_rounding_or_of_the_money_arrived_is_no_slip(text: str) -> None:
    assert all(ok for ok, _d in balances(text))


@pytest.mark.parametrize(
    "text",
    [
        # a balance brought forward is income, not this year's budget less its spending
        "全年预算收入1699.12万元，实际支出1435.22万元，上年结转结余263.90万元。\n",
        # a balance of another sentence
        "该项目年度预算资金100万元，实际支出95万元。截至目前，项目资金结余8万元。\n",
        # an amount not yet spent is no spending
        "该项目年度预算资金100万元，未支付资金95万元，结余8万元。\n",
    ],
)
def test_near_misses_of_a_balance_say_nothing(text: str) -> None:
    assert balances(text) == []
