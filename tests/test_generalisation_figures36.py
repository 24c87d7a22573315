"""Figures (issue 8, figures36): shapes the dev half showed unread, asserted on the real dev items, with a near
miss that must not change.
"""

from __future__ import annotations

from pathlib import Path

from excerpt_records import figures_of_item as _figures

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.figures import _glued, self_eval_blocks

TEXTS = Path(__file__).parent / "devset" / "texts"


# ---------------------------------------------------------------- a 自评表's funds row, its numbers glued


def test_a_glued_funds_row_under_a_formula_bracket_a_scan_misread() -> None:
    # 执行率(B/A1得分…: the closing bracket read as 1 still ends the column's label; the row's label split over two
    # lines (年度财政 / 资金总额) is one row, whose glued run 10001000100%20 is 1000 | 1000 | 100% | 20
    got = _figures("hubei-xiangyang-2021-central-hospital-dongjin-campus-subsidy-self-table-doc-site")
    assert {("预算数", 10000000, "元"), ("执行数", 10000000, "元"), ("执行率", 1, "%")} <= got


def test_a_glued_funds_row_without_a_percent_sign() -> None:
    # 1.561.56120 is no one number: 1.56 | 1.56 | 1 | 20, the rate printed as a fraction (1 = 100%), not 1.561万元
    got = _figures("unknown-district-2020-fishing-vessel-fuel-subsidy-yangtze-ban-self-table-doc-site")
    assert {("预算数", 15600, "元"), ("执行数", 15600, "元"), ("执行率", 1, "%")} <= got
    assert not any(v == 15610 for _n, v, _u in got)


def test_a_single_amount_without_a_percent_sign_is_not_cut() -> None:
    # near miss: a run that is one number (1100) could be cut 1 | 1 | 100 — it is the budget, uncut
    flat = "预算执行情况(万元)预算数(A)执行数(B)执行率(B/A)得分年度财政资金总额1100\n"
    blk = self_eval_blocks(flat)
    values = [q.raw for b in blk for r in b.rows for _c, q in r.values if q is not None]
    assert values == ["1100"]
    assert _glued(flat, [], [], None) is None


# ---------------------------------------------------------------- one rate per listed project


def test_the_same_rate_of_each_project_listed_as_项目一_项目二() -> None:
    # 项目一：…完成预算的100%。 / 项目二：…完成预算的100%。 / 项目三：…: each listed project's own rate, not the first restated
    record = build_record(parse(TEXTS / "neimenggu-alashanzuoqi-2023-wuliji-sumu-transfers-masked-amounts.txt"))
    rates = [(f["value"], f["unit"]) for f in record.to_dict()["figures"] if f["name"] == "完成预算的"]
    assert rates == [(1, "%")] * 3  # 项目一, 项目二, 项目三
