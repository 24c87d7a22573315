"""Figures (issue 8, fig20): 自评表 funds blocks in the layouts a web copy gives them. Each rule on a
short invented form shaped the way such pages print it, with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_checks import figures

_HEAD = ["某县2022年度乡村道路维护资金绩效自评表", "项目名称", "乡村道路维护资金", "主管部门", "某县交通运输局"]
_COLS = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
_ROWS = [
    ["年度资金总额", "300", "320", "288", "10", "90%", "9"],
    ["其中：当年财政拨款", "260", "280", "252", "—", "90%", "—"],
    ["上年结转资金", "40", "40", "36", "—", "90%", "—"],
    ["其他资金", "0", "0", "0", "—", "—", "—"],
]
_TOTAL = {
    ("年初预算数", 3000000, "元"),
    ("全年预算数", 3200000, "元"),
    ("全年执行数", 2880000, "元"),
    ("执行率", 0.9, "%"),
}


def _one_cell_a_line(cells: list[str]) -> str:
    return "\n".join(c + " |" for c in cells) + "\n"


def test_a_form_copied_one_cell_a_line_with_bars_is_read_as_a_form() -> None:
    # every cell on a line of its own with a bar after it: the column labels are in rows of their own
    text = _one_cell_a_line(_HEAD + _COLS + [c for row in _ROWS for c in row])
    figs = figures(text)
    assert _TOTAL <= set(figs)
    assert ("当年财政拨款 全年执行数", 2520000, "元") in figs
    # the grid's reading of a row label beside a value (年度资金总额 | 300) is not kept beside the form's
    assert not [f for f in figs if f[0].startswith("年度资金总额")]


def test_a_form_with_a_row_label_beside_its_first_value_is_read_as_a_form() -> None:
    lines = [c + " |" for c in _HEAD + _COLS]
    for row in _ROWS:
        lines += [f"{row[0]} | {row[1]} |"] + [c + " |" for c in row[2:]]
    figs = figures("\n".join(lines) + "\n")
    assert _TOTAL <= set(figs)
    assert not [f for f in figs if f[0].startswith("年度资金总额")]


def test_a_form_copied_row_by_row_with_bars_is_read_once() -> None:
    # near miss: a row of cells joined by bars is the grid's to read (header over values), as before
    text = _HEAD[0] + "\n" + " | ".join(_COLS) + " |\n" + "".join(" | ".join(row) + " |\n" for row in _ROWS)
    figs = figures(text)
    assert _TOTAL <= set(figs)
    assert len([f for f in figs if f[1] == 3000000]) == 1


def test_a_part_s_printed_zero_is_a_value() -> None:
    # ruling 24 (c): a form's 其中 row gives each amount it prints, a printed 0 included (上年结转资金
    # had no budget at the year's start and got 40 during the year); the row after a dash-ended row
    # keeps its own label (…90% — / 上年结转资金, the line break lost in the copy)
    rows = [
        ["年度资金总额", "260", "300", "288", "10", "96%", "9.6"],
        ["其中：当年财政拨款", "260", "260", "252", "—", "96.92%", "—"],
        ["上年结转资金", "0", "40", "36", "—", "90%", "—"],
    ]
    text = "\n".join([_HEAD[0], " ".join(_COLS)] + [" ".join(row) for row in rows]) + "\n"
    figs = figures(text)
    assert ("上年结转资金 年初预算数", 0, "元") in figs
    assert ("上年结转资金 全年预算数", 400000, "元") in figs
    assert ("上年结转资金 全年执行数", 360000, "元") in figs
