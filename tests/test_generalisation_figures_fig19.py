"""Figures (issue 8, fig19): labelled quantities in prose — enumerations, measure words, sub-amounts.
Each rule on a short invented text shaped the way such reports state funds and counts, with a near
miss that must not give the figure.
"""

from __future__ import annotations

from test_generalisation_checks import figures

_FUNDS = "某县2022年度农村人居环境整治资金绩效自评报告\n一、基本情况\n（一）资金情况\n"


def test_a_bare_amount_in_a_list_of_amounts_is_money() -> None:
    # the list drops 元 on one item (…、村庄绿化860万、…): its siblings say it is money
    text = _FUNDS + "资金主要用于：农村道路硬化2150万元、村庄绿化860万、污水管网改造1300万元。\n"
    figs = figures(text)
    assert ("村庄绿化", 8600000, "元") in figs
    assert ("农村道路硬化", 21500000, "元") in figs and ("污水管网改造", 13000000, "元") in figs


def test_a_bare_amount_with_no_amount_beside_it_stays_out() -> None:
    # near miss: 1.2万 alone in its sentence, under a label that names no money, may count anything
    text = _FUNDS + "项目资金到位1500万元。\n全年村庄清洁行动参与群众1.2万。\n"
    figs = figures(text)
    assert ("项目资金到位", 15000000, "元") in figs or ("资金到位", 15000000, "元") in figs
    assert not [f for f in figs if f[1] == 12000]


def test_a_total_after_a_list_is_named_by_its_total_word() -> None:
    text = _FUNDS + "项目资金来源：省级补助300万元、市级补助100万元、县级配套50万元，合计450万元。\n"
    figs = figures(text)
    assert ("合计", 4500000, "元") in figs and ("县级配套", 500000, "元") in figs
    # near miss: 其中 alone still names nothing (the parts' own labels do)
    assert not [f for f in figures(_FUNDS + "本年度下达资金520万元，其中180万元。\n") if f[1] == 1800000]
