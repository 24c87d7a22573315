"""Figures (issue 8, fig28): false counts removed where the words around a number say it is no count of the
programme — a rank (全国第44名, 进入全国前200名) and the items of a list of work done whose 完成 stands before the
list's first item (devset ruling 26); a table of money copied one cell a line, whose caption declares the scale
(项目支出明细情况（单位金额：万元）), read with its items' amounts and the label:value pairs of a cell; counts named
by the noun after them in a list run on after a comma, with a long noun, or a clause going on after it.  Each rule on the dev items it was written from and on a short invented text
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


# ---------------------------------------------------------------- a table of money one cell a line


_DETAIL = (
    "二、项目支出明细情况 (单位金额:万元) |\n支出内容 |\n实际支出数 |\n具体内容 |\n备注 |\n||||||||\n"
    "1、村道硬化工程 |\n120.50 |\n主体工程款:110.00 管理费:10.50 |\n||||||||\n"
    "2、危桥改造工程 |\n80.00 |\n主体工程款:75.00 管理费:5.00 |\n||||||||\n"
)


def test_a_caption_of_money_in_a_scale_makes_the_items_rows_and_their_pairs_amounts() -> None:
    # the caption 项目支出明细情况（单位金额：万元） says the table's bare numbers are money in 万元: each item's
    # amount, and the label:value pairs of its 具体内容 cell
    _doc, figs = dev_figures("hunan-yueyang-2015-2020-electronic-port-project-self-report-mirror")
    assert sorted(f["value"] for f in figs if f["name"] == "主体工程款") == [3950600, 4469800, 4728600, 7236700]
    assert sorted(f["value"] for f in figs if f["name"] == "管理费") == [192000, 229700, 299400, 728200]
    figs = figures(_HEAD + _DETAIL)
    assert sorted(v for n, v, _u in figs if n == "主体工程款") == [750000, 1100000]
    assert sorted(v for n, v, _u in figs if n == "管理费") == [50000, 105000]
    assert sorted(v for n, v, _u in figs if "工程" in n and n.endswith("工程")) == [800000, 1205000]


def test_a_column_label_with_its_unit_is_no_caption_of_money() -> None:
    # near miss: 预算资金（万元） is a column's label: a list's 序号 and the unit's name beside it are no amounts
    text = "表1 评价结果\n序号 |\n项目名称 |\n实施单位 |\n预算资金(万元) |\n评分情况 |\n一 |\n项目绩效评价 |\n"
    figs = figures(_HEAD + text + "1 |\n敬老院消防改造项目 |\n某县民政局 |\n162.00 |\n89.72 |\n")
    assert not [v for _n, v, _u in figs if v == 10000]
    assert not [n for n, _v, _u in figs if n.endswith("民政局")]


# ---------------------------------------------------------------- counts named by the noun after them


def test_a_list_of_counts_run_on_after_a_comma_keeps_its_items() -> None:
    # ruling 26: 共辖15个行政村，1个社区。 — the second count ends the list, it is no subject of a predicate
    _doc, figs = dev_figures("hunan-santangjie-2021-village-management-fee-evaluation-report")
    assert [f["value"] for f in figs if f["name"] == "社区"] == [1]
    figs = figures(_HEAD + "我镇共辖15个行政村，2个社区。\n")
    assert sorted((n, v) for n, v, u in figs if u == "个") == [("社区", 2), ("行政村", 15)]
    # near miss: a count that opens a clause of what it did stays out (2个社区已完成改造)
    figs = figures(_HEAD + "我镇共辖15个行政村，2个社区已完成改造。\n")
    assert sorted((n, v) for n, v, u in figs if u == "个") == [("行政村", 15)]


def test_a_counted_noun_may_run_long_and_be_followed_by_its_use() -> None:
    for stem, name, value in (
        ("chongqing-chongqing-2015-free-museums-assessment-news", "自行免费开放的国有博物馆", 14),
        ("anhui-luan-2018-supply-marketing-new-network-project-self-report", "项目", 4),
        ("shanxi-changzhi-2019-2020-farmland-construction-subsidy-regulator-evaluation-news-mirror", "县区", 2),
    ):
        _doc, figs = dev_figures(stem)
        assert value in [f["value"] for f in figs if f["name"].endswith(name)], stem
    figs = figures(_HEAD + "经评审，从各县推荐的项目中筛选出3个项目作全市示范，安排资金60万元。\n")
    assert [v for _n, v, u in figs if u == "个"] == [3]
