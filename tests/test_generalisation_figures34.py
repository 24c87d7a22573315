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
