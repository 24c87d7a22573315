"""Checks (issue 8, checks40): the tiers' weights checked against the maximum printed on the tiers' own total row
(总分⏎100 under tiers set one cell a line; 小计 100 90.5 90.5%) hold that row's cell in their span, so a reader
sees where the maximum is stated — on the real dev items and on a short text.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def _sum_check(doc, record, rule: str, total: str):  # type: ignore[no-untyped-def]
    (c,) = [c for c in record.checks if c.rule == rule and c.detail.endswith(f"= {total}, stated {total}")]
    return doc.text[c.span[0] : c.span[1]], c


def test_the_weights_span_the_total_row_one_cell_a_line_on_a_real_item() -> None:
    # hainan-danzhou: 投入⏎15分⏎15.00分 … 效果⏎15分⏎15.00分⏎总分⏎100⏎82.97 — no evidence of the maximum elsewhere
    doc, r = devset_record("hainan-danzhou-2017-justice-bureau-department-third-party")
    quoted, c = _sum_check(doc, r, "weight_sum", "100")
    assert c.ok and c.detail == "一级指标 weights: 15 + 55 + 15 + 15 = 100, stated 100"
    assert quoted.startswith("投入") and quoted.endswith("总分\n100")


def test_the_weights_span_the_total_row_on_a_line_on_a_real_item() -> None:
    # shandong-wucheng: A立项必要性 20 20 100% … E筹资合规性 20 20 100% ⏎ 小计 100 90.5 90.5%
    doc, r = devset_record("shandong-wucheng-undated-sewage-concession-ex-ante-assessment")
    quoted, c = _sum_check(doc, r, "weight_sum", "100")
    assert c.ok and quoted.endswith("小计 100")


_TIERS = "某县司法局部门整体支出绩效评价报告\n绩效评价结果\n评价指标\n分值\n实际得分\n{rows}总分\n{w}\n{s}\n绩效评级\n"
_ROWS = "投入\n15分\n15.00分\n过程\n55分\n43.97分\n产出\n15分\n9.00分\n效果\n15分\n15.00分\n"


def test_a_total_row_one_cell_a_line_right_and_wrong() -> None:
    doc, r = record_of_text(_TIERS.format(rows=_ROWS, w="100", s="82.97"))
    assert all(c.ok for c in r.checks)
    quoted, _c = _sum_check(doc, r, "weight_sum", "100")
    assert quoted.endswith("总分\n100")
    # a row stating another weight than the tiers' sum is said wrong, at the row's cell
    doc, r = record_of_text(_TIERS.format(rows=_ROWS, w="105", s="82.97"))
    wrong = [c for c in r.checks if not c.ok]
    assert [c.detail for c in wrong] == ["一级指标 weights (总分): 15 + 55 + 15 + 15 = 100, stated 105"]
    assert doc.text[wrong[0].span[0] : wrong[0].span[1]].endswith("总分\n105")
