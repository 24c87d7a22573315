"""Figures (issue 8, figures34): shapes of counts the dev half showed unread, each on short texts shaped the way
reports and news items print them (places and numbers varied), with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_figures31 import _values

# ---------------------------------------------------------------- a counted noun and what the money gives it


def test_a_counted_noun_followed_by_what_the_programme_gives_it() -> None:
    # 3393家博物馆免费开放, 12家博物馆获得扶持补助: the institutions the free-opening subsidy covers, those a fund pays
    # (devset ruling 26) — named by the counted noun, as 14家…博物馆纳入 already was
    assert _values("全国共有3393家博物馆免费开放，年免费参观6.78亿人次。\n") == {3393: ("博物馆", "家")}
    assert _values("全县38所中小学免费开放体育场地。\n") == {38: ("中小学", "所")}
    got = _values("青岛金石艺术博物馆、青岛万里江茶博物馆等12家博物馆获得扶持补助。\n")
    assert got == {12: ("博物馆", "家")}
    assert _values("共有12家合作社获得项目扶持资金。\n") == {12: ("合作社", "家")}


def test_a_counted_noun_followed_by_an_honour_won_stays_out() -> None:
    # near miss: 获得…称号 after the noun is an honour won, the year's results (ruling 26), whatever the noun
    assert _values("全市5家博物馆获得省级文明单位称号。\n") == {}
    assert _values("全县6所学校获得市级文明校园称号。\n") == {}


# ---------------------------------------------------------------- 合计 / 总计 right before the amount


def test_a_total_word_before_the_amount_stays_in_the_label() -> None:
    # X合计7505万元, X合计：109.8万元: 合计 says the amount is a total and is the label as printed (a link word like 为 or
    # 共计 is not); a bare 合计 after a list names its total as before
    got = _values("纳入本次绩效自评资金为2023年度安排的省级交通专项资金（普通公路水路建设）合计7505万元。\n")
    assert got == {75050000: ("省级交通专项资金（普通公路水路建设）合计", "元")}
    assert _values("安排指导性任务资金合计95819万元。\n") == {958190000: ("安排指导性任务资金合计", "元")}
    assert _values("项目资金合计为120万元。\n") == {1200000: ("项目资金合计", "元")}
    got = _values("省级补助500万、市级配套200万，合计700万元。\n")
    assert got == {5000000: ("省级补助", "元"), 2000000: ("市级配套", "元"), 7000000: ("合计", "元")}


def test_a_link_word_before_the_amount_is_still_dropped() -> None:
    # near miss: 共计 and 为 only link the label to its number
    assert _values("项目资金共计120万元。\n") == {1200000: ("项目资金", "元")}
    assert _values("项目资金为120万元。\n") == {1200000: ("项目资金", "元")}
