"""Figures (issue 8, fig22): the genre's shapes of named quantities in prose and in label–value cells.
Each rule on a short invented text shaped the way reports print it, with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_checks import figures

_HEAD = "某县2022年度农村公路养护资金绩效评价报告\n一、项目基本情况\n"


def _values(text: str) -> set[float]:
    return {v for _n, v, _u in figures(_HEAD + text)}


def test_a_unit_line_naming_other_columns_units_too_scales_the_amounts() -> None:
    # 单位：万元、个 — the amounts' scale first, then the units of a form's count columns
    assert {5000000, 4805000} <= _values("单位：万元、个\n计划投资额 | 500 |\n实际到位资金 | 480.5 |\n")


def test_a_unit_line_printed_as_unit_amount_scales_the_block() -> None:
    text = "（单位金额：万元）\n资金来源 | 金额 |\n中央补助资金 | 300 |\n县级配套资金 | 200 |\n"
    assert {3000000, 2000000} <= _values(text)
    assert {5000000, 4805000} <= _values("单位金额：万元\n计划投资额\n500\n实际到位资金\n480.5\n")


def test_without_a_unit_line_bare_numbers_stay_out() -> None:
    # near miss: no scale printed anywhere, the bare numbers say nothing of their unit
    assert not {500, 480.5, 5000000, 4805000} & _values("计划投资额 | 500 |\n实际到位资金 | 480.5 |\n")


def test_counts_in_measure_words_of_what_a_project_buys_or_builds() -> None:
    assert {12000, 300} <= _values("项目建设内容：购置果树苗木12000株、有机肥料300包。\n")
    assert {36, 520} <= _values("项目内容包括改造老旧住宅楼36栋、安装太阳能路灯520盏。\n")
    assert {5200} <= _values("全县能繁母猪参保5,200头。\n")
    names = {n for n, v, u in figures(_HEAD + "项目建设蓄水池12口、沉沙池20座。\n")}
    assert any(n.endswith("蓄水池") for n in names)


def test_services_counted_in_household_times_and_standards_per_head_stay_out() -> None:
    # near misses: 户次 counting services given is an output, as 人次 (devset ruling 19; payments per
    # recipient, 贴息126户次, are in by ruling 26); a standard per head is a rate
    assert 126 not in _values("全年上门服务126户次。\n")
    assert 100 not in _values("按每头母猪补助100元的标准发放。\n")
    # a unit character that opens a word is no unit (3口径: a bore, not three wells)
    assert 3 not in _values("项目采购管材规格为3口径。\n")


def test_a_counts_noun_followed_by_its_money_is_still_the_count_of_that_noun() -> None:
    figs = figures(_HEAD + "本年度安排12个重点项目资金860万元。\n")
    assert ("重点项目", 12, "个") in figs
    assert {5, 2000000} <= _values("支持5所学校建设资金200万元。\n")


def test_people_counted_by_what_befalls_them_are_named_by_the_verb() -> None:
    figs = figures(_HEAD + "迪庆州9个乡镇33个村(居)委会32062人受灾，直接经济损失324657.98万元。\n")
    assert ("受灾", 32062, "人") in figs
    assert not [f for f in figs if f[1] == 32062 and f[0] != "受灾"]  # not the places' noun before it
    assert ("受益", 1500, "人") in figures(_HEAD + "项目实施后，全县共有1,500人受益。\n")
    # near misses: a target (预计) and services given (人次) stay out
    assert 1500 not in _values("项目实施后，预计1,500人受益。\n")
    assert 1200 not in _values("全年开展技能培训，共1,200人次参训。\n")


def test_approximate_amounts_are_read_at_the_number_printed() -> None:
    assert 15000000000 in _values("项目建设及运行资金总投入150余亿元。\n")
    figs = figures(_HEAD + "项目总投资约3,000万元，受益群众近2万人。\n")
    assert ("受益群众", 20000, "人") in figs
    assert 30000000 in {v for _n, v, _u in figs}
