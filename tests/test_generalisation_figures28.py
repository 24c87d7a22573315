"""Figures (issue 8, fig28): false counts removed where the words around a number say it is no count of the
programme — a rank (全国第44名, 进入全国前200名) and the items of a list of work done whose 完成 stands before the
list's first item (devset ruling 26).  Each rule on the dev items it was written from and on a short invented text
shaped the way reports print it, with a near miss that must not change.
"""

from __future__ import annotations

from test_figures import dev_figures
from test_generalisation_checks import figures

_HEAD = "某县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n"


# ---------------------------------------------------------------- ranks are no counts


def test_a_rank_is_no_count_of_people() -> None:
    # 第N名 / 前N名 rank places in an evaluation: 名 there counts no people
    for stem in (
        "fujian-zhouning-2021-county-fiscal-management-evaluation-first-place-news",
        "guangdong-2019-county-fiscal-management-evaluation-ranking-news-trad",
    ):
        _doc, figs = dev_figures(stem)
        assert not [f for f in figs if f["unit"] == "人"], stem
    figs = figures(_HEAD + "2022年我县综合得分位居全省第3名，全市12个县进入全国前200名。本单位现有在职职工45名。\n")
    assert not [f for f in figs if f[1] in (3, 200)]
    # near miss: a staff count in 名 stays a figure
    assert [n for n, v, u in figs if (v, u) == (45, "人")] == ["本单位现有在职职工"]


# ---------------------------------------------------------------- a list of work done


def test_each_item_of_a_list_of_work_done_is_work_done() -> None:
    # ruling 26: 完成A项目123个、B项目191个、C项目71个 — each item is the year's work, not only the first
    _doc, figs = dev_figures("chongqing-2021-three-gorges-follow-up-fund-target-completion-disclosure-spam-mirror")
    assert not [f for f in figs if f["unit"] in ("个", "处", "条")]
    figs = figures(_HEAD + "全年完成村道硬化项目12个、危桥改造项目3个、安保工程项目5个。\n")
    assert not [f for f in figs if f[2] == "个"]


def test_a_list_of_projects_funded_stays() -> None:
    # near miss: the same list under 安排 (what the money pays for) is the programme's size
    figs = figures(_HEAD + "全年安排村道硬化项目12个、危桥改造项目3个。\n")
    assert sorted(v for _n, v, u in figs if u == "个") == [3, 12]
