"""Figures (issue 8, figures37): shapes the dev half showed unread, asserted on the real dev items, with near
misses that must not change.
"""

from __future__ import annotations

from pathlib import Path

from excerpt_records import figures_of_item as _figures
from excerpt_records import figures_of_text as _figures_of_text


TEXTS = Path(__file__).parent / "devset" / "texts"


# ---------------------------------------------------------------- the change of the programme's money


def test_an_allocation_up_on_last_year_is_a_figure() -> None:
    # 市财政共安排了700万元专项奖励资金，比上年度增加120万元: the change of the programme's money, named by the comparison
    got = _figures("chongqing-chongqing-2015-free-museums-assessment-news")
    assert ("比上年度增加", 1200000, "元") in got


def test_an_outlay_up_on_the_opening_budget_is_a_figure() -> None:
    # 年中调整预算为1781.86万元，比年初预算增加758.97万元 (the number set apart by the PDF's spaces)
    got = _figures("unknown-unnamed-2024-medical-insurance-centre-department-self-evaluation-results")
    assert ("比年初预算增加", 7589700, "元") in got


def test_a_year_on_year_change_and_a_rate_of_change_stay_out() -> None:
    # near misses: 同比 (a department's income lines) and a change's share are no figures
    got = _figures_of_text("一、基本情况\n资金收入1000万元，同比上年度增加189.25万元，比上年增加31.39%。\n")
    assert not any(v in (1892500, 0.3139) for _n, v, _u in got)


# ---------------------------------------------------------------- what the money buys, counted before its noun


def test_what_a_project_buys_is_counted_by_its_noun() -> None:
    # 购置1辆垃圾压缩车辆及2个配套压缩箱，…，配套243个垃圾分类垃圾桶: the project's content (ruling 26)
    got = _figures("ningxia-xingqing-2022-garbage-transfer-station")
    assert {("垃圾压缩车辆", 1, "辆"), ("配套压缩箱", 2, "个"), ("垃圾分类垃圾桶", 243, "个")} <= got


def test_a_count_before_a_noun_without_a_verb_of_buying_stays_out() -> None:
    # near miss: 建成3台… names no purchase, and 12个月 is a time; neither is a thing bought
    got = _figures_of_text("一、基本情况\n项目资金50万元，工期12个月，建成3台设备。\n")
    assert ("项目资金", 500000, "元") in got
    assert not any(u in ("台", "个") for _n, _v, u in got)


# ---------------------------------------------------------------- people counted before the money they get


def test_people_counted_before_the_money_they_get() -> None:
    # 补助6名传承人记录工作资金240万元、…、补助42名国家级传承人资金84万元: the people the money pays (ruling 26)
    got = _figures("guangxi-guangxi-2021-culture-tourism-central-transfers-self-report-stitched")
    assert {("传承人", 6, "人"), ("国家级传承人", 42, "人")} <= got


def test_people_before_a_verb_that_is_no_payment_stay_out() -> None:
    # near miss: 已核实432人低保特困人员身份 checks their status; no money named after the noun
    got = _figures_of_text("一、基本情况\n项目资金50万元，已核实432人低保特困人员身份。\n")
    assert not any(u == "人" for _n, _v, u in got)
