"""Figures (issue 8, fig13): classes of miss and of false figure measured on the development set's
dev half, each on a short text shaped like the excerpts that showed it, with a near miss that must
not give the figure.  Places, programmes and numbers are varied from the development set's.
"""

from __future__ import annotations

from test_generalisation_checks import figures

# a transfer-payment form copied from a web table: the rate's header carries its formula
_PIPE_FORM = (
    "中央对地方转移支付区域绩效目标自评表\n"
    "资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||\n"
)


def test_a_rate_column_whose_header_prints_its_formula_is_read() -> None:
    figs = figures(_PIPE_FORM + "年度资金总额: | 1800 | 1042.36 | 57.91% | ||||\n")
    assert ("全年预算数", 18000000, "元") in figs and ("全年执行数", 10423600, "元") in figs
    assert ("预算执行率", 0.5791, "%") in figs


def test_a_part_at_the_totals_rate_and_an_empty_part_add_no_figure() -> None:
    text = (
        _PIPE_FORM
        + "年度资金总额: | 2416.5万 | 2416.5万 | 100% | ||||\n"
        + "其中:中央财政资金 | 612.2万 | 612.2万 | 100% | ||||\n"
        + "彩票公益金用于医疗救助 | 0 | 0 | 100% | ||||\n"
        + "地方资金 | 1804.3万 | 1804.3万 | 100% | ||||\n"
    )
    figs = figures(text)
    assert ("预算执行率", 1, "%") in figs
    assert ("地方资金 全年执行数", 18043000, "元") in figs
    # near misses: the parts' 100% restates the total's; the empty part's zeros are no amounts
    assert [f for f in figs if f[2] == "%"] == [("预算执行率", 1, "%")]
    assert not [f for f in figs if f[0].startswith("彩票")]


def test_a_part_at_another_rate_than_the_total_is_a_figure() -> None:
    text = (
        _PIPE_FORM
        + "年度资金总额: | 1800 | 1042.36 | 57.91% | ||||\n"
        + "其中:中央财政资金 | 1500 | 1042.36 | 69.49% | ||||\n"
    )
    figs = figures(text)
    assert ("其中:中央财政资金 预算执行率", 0.6949, "%") in figs
