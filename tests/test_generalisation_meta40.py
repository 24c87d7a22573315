"""Title, kind, mode and years (issue 8, session 44 helper meta40): genre shapes of the dev half.

Years: an essay site showing one sample under its own heading (下面是小编为大家整理的…，供大家参考。) prints a teaser
before its intro — the sample's opening, cut, and its own year (2023年度…) — which is the site's, not the document's.
"""

from __future__ import annotations

import pytest
from excerpt_records import TEXTS, devset_record, record_of_text


def record(stem: str) -> dict:
    return devset_record(stem)[1].to_dict()


def text_of(stem: str) -> str:
    return (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")


_UNION = "unknown-unnamed-2020-trade-union-winter-hardship-relief-self-report-essay-site"


def test_essay_site_teaser_year_is_the_sites() -> None:
    # teaser: 2023年度财政资金年度预算安排XX万元 … 下面是小编为大家整理的…，供大家参考。 … the sample: 2020年度财政资金…
    r = record(_UNION)
    assert r["years"] == [2020]
    assert r["title"] == "市总工会冬季困难群众救助金绩效自评报告"


def test_essay_site_intro_in_other_words() -> None:
    text = text_of(_UNION).replace(
        "下面是小编为大家整理的市总工会冬季困难群众救助金绩效自评报告,供大家参考。",
        "以下是小编精心收集整理的市总工会冬季困难群众救助金绩效自评报告,欢迎阅读。",
    )
    assert record_of_text(text)[1].to_dict()["years"] == [2020]


def test_no_intro_keeps_the_pages_opening() -> None:
    # (a page with no site intro: its opening is the document's; the year tied to the funds once is read)
    text = "市总工会冬季困难群众救助金绩效自评报告\n一、项目基本情况\n2020年度财政资金年度预算安排50万元，主要用于春节前困难职工帮扶。\n"
    assert record_of_text(text)[1].to_dict()["years"] == [2020]


_SHAOGUAN = "guangdong-shaoguan-2017-2019-sme-credit-policies-finance-key-evaluation-summary"


def test_policy_round_named_by_the_finance_side() -> None:
    # 韶关市财政局对中小微企业扶持政策和构建新型农业经营体制政策开展了政策性重点评价
    assert record(_SHAOGUAN)["report_kind"] == "policy"


def test_policy_round_in_other_words() -> None:
    text = (
        "某县财政局2020年绩效评价工作总结\n2020年，县财政局对农业保险保费补贴政策开展了政策性绩效评价，涉及项目3个。\n"
    )
    assert record_of_text(text)[1].to_dict()["report_kind"] == "policy"


@pytest.mark.parametrize(
    ("stem", "years"),
    [
        ("unknown-masked-2019-fish-stocking-release-report-doc-site", [2019]),  # 确保我市2019年度增殖放流工作顺利实施
        ("chongqing-kexuecheng-2021-media-center-department-table", [2021]),  # 中心2021年较好地完成了履职任务
        ("unknown-province-2019-modern-hospital-management-self-report", [2019]),  # 2019 年,XX 省财政厅通过《…》…
        ("anhui-shou-2023-student-nutrition-plan-execution-statistics-table-notes", [2023]),  # …营养改善计划执行情况
    ],
)
def test_the_one_year_a_report_names(stem: str, years: list[int]) -> None:
    assert record(stem)["years"] == years


def test_a_plans_year_is_not_the_one_year() -> None:
    # (the coming year's plan: 2023年，全省计划完成…)
    text = "某省农田水利工作情况\n2023年，全省计划完成农田水利灌溉工程更新升级4257座。\n各项工作进展顺利。\n"
    assert record_of_text(text)[1].to_dict()["years"] == []


@pytest.mark.parametrize(
    "stem",
    [
        "hunan-lengshuijiang-2021-finance-bureau-key-evaluations-news",  # 2021年，我局重点抽取了…: the round's year
        "zhejiang-zhejiang-undated-agricultural-water-price-reform-grades-news-trad",  # 2023年，全省計劃完成…
    ],
)
def test_a_rounds_or_a_plans_year_on_dev_items(stem: str) -> None:
    assert record(stem)["years"] == []


def test_two_years_named_give_no_one_year() -> None:
    text = "某县农田水利工作情况\n2021年完成泵站改造12座，2022年完成堰坝改造8座。\n"
    assert record_of_text(text)[1].to_dict()["years"] == []
