"""Figures (issue 8, fig23): label:value lines whose amounts print no unit, the scale printed apart from them.
Each rule on a short invented text shaped the way reports print it, with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_checks import figures

_HEAD = "某县2022年度农村公路养护资金绩效评价报告\n一、项目基本情况\n"


def _values(text: str) -> set[float]:
    return {v for _n, v, _u in figures(_HEAD + text)}


def test_a_unit_line_above_label_value_lines_scales_their_amounts() -> None:
    assert {5000000, 4805000} <= _values("单位：万元\n预算资金：500\n实际支出：480.5\n")
    assert {1200000, 1150000} <= _values("金额单位：元\n项目总投资：1,200,000\n实际到位资金：1,150,000\n")


def test_a_header_lines_bracket_scales_the_numbered_lines_under_it() -> None:
    figs = figures(_HEAD + "项目资金（万元） 金额\n（一）财政拨款 500\n1、中央补助资金 300\n2、县级配套资金 200\n")
    assert ("财政拨款", 5000000, "元") in figs
    assert ("中央补助资金", 3000000, "元") in figs  # (the list's number 1、 is no value of a row)
    assert ("县级配套资金", 2000000, "元") in figs


def test_a_lead_or_a_labels_own_bracket_scales_the_amounts_after_it() -> None:
    assert {5000000, 5200000, 4805000} <= _values(
        "资金情况（单位：万元）：年初预算500，调整后预算520，实际支出480.5。\n"
    )
    figs = figures(_HEAD + "计划投资额（万元）：500  实际到位资金（万元）：480.5\n")
    assert ("计划投资额", 5000000, "元") in figs  # named without the bracket
    assert ("实际到位资金", 4805000, "元") in figs


def test_numbers_beside_the_amounts_that_name_no_money_take_no_scale() -> None:
    # near misses: a score, a phone number, a year, a target's number, a per-head standard
    text = "单位：万元\n预算资金：500\n评价得分：86.5\n联系电话：65367801\n预算年度：2022\n年度目标：完成养护里程 150\n"
    values = _values(text)
    assert 5000000 in values
    assert not {86.5, 865000, 65367801, 2022, 20220000, 150, 1500000} & values
    assert 6000000 not in _values("单位：万元\n预算资金：500\n补助标准（元）：600\n")


def test_a_sentence_end_or_another_parts_heading_ends_the_scales_reach() -> None:
    assert 3000000 not in _values("单位：万元\n预算资金：500\n项目于2022年启动。资金来源为县级财政 300\n")
    text = "计划安排资金\n（万元）\n55\n二、项目支出明细情况\n支出内容\n防火宣传补助\n45300\n"
    values = _values(text)
    assert 550000 in values
    assert 453000000 not in values


def test_an_indicators_line_states_its_target_not_a_figure() -> None:
    text = "数量指标：新建农村公厕12座\n质量指标：工程验收合格率100%\n成本指标：计划资金500万元\n"
    assert not {12, 1.0, 5000000} & _values(text)
    assert not {12, 1.0} & _values("产出指标：数量指标：新建农村公厕12座；质量指标：工程验收合格率100%。\n")
    assert 12 not in _values("数量指标：新建12个村级服务站。\n")
    # near miss: the funds and a part's share stated in the basic situation stay
    assert {5000000, 1.0, 0.6} <= _values("项目资金500万元，资金到位率100%，其中省级资金占比60%。\n")


def test_the_share_of_items_per_grade_is_an_evaluations_result() -> None:
    assert not {0.1, 0.46} & _values("评价结果为“优秀”的项目5个，占比10%；“良好”的项目23个，占比46%。\n")
    values = _values("抽查的20个项目中，8个项目评为优，占抽查项目的40%；12个项目评为良，占60%。\n")
    assert 20 in values  # the projects evaluated over (ruling 26)
    assert not {0.4, 0.6} & values
