"""The third-level (三级指标) rows of a 自评表 flattened to text, read by the header's column order.

A self-evaluation form copied from a web page or a PDF often comes out with each indicator row on
one line, or the whole form on one line, its cells divided by spaces or glued together::

    三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    产出指标 数量指标 指标1:… 100% 100% 15 15
    …                         95% 95% 10 9 100 94

or, with the weight before the values (三级指标 分值 年度指标值 全年实际值 得分)::

    …安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10…

The header's words (``form_rows`` in ``patterns/scores.yaml``) give the order of the target,
actual, weight and score columns; each row is then read as those cells in that order, the weight
and score bare numbers (a score never above its weight).  Only the weight and score are kept:
with the form's budget-execution row they are what :mod:`.checks` adds up against the total.
A row of weight 100 after the rows (总分 100 94, or the pair alone) is the form's total row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ... import patterns


@dataclass(frozen=True)
class FormRow:
    weight: Decimal
    score: Decimal
    start: int  # offsets into the text read: the row's cells, from its first value to its score
    end: int


@dataclass
class FormRows:
    """One form's third-level rows, in the order printed, and its total row if printed after them."""

    start: int  # the header's end
    end: int  # the last row's (or the total row's) end
    rows: list[FormRow] = field(default_factory=list)
    total: FormRow | None = None


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    s = patterns.load("scores.yaml")["form_rows"]
    return {
        "header": re.compile(s["header"]),
        "roles": {role: re.compile(rx) for role, rx in s["roles"].items()},
        "number": s["number"],
        "value": s["value"],
        "total": re.compile(s["total"].replace("{N}", s["number"])),
        "reach": int(s["reach"]),
    }


def _order(flat: str, at: int) -> tuple[list[str], int] | None:
    """The column roles in the order the header prints them (on the header's own line), and
    where the header ends; None unless all four roles are named."""
    nl = flat.find("\n", at)
    line_end = nl if nl >= 0 else len(flat)
    seg = flat[at:line_end]
    pos = {}
    for role, rx in _spec()["roles"].items():
        m = rx.search(seg)
        if m is None:
            return None
        pos[role] = (m.start(), m.end())
    order = sorted(pos, key=lambda r: pos[r][0])
    return order, at + max(e for _s, e in pos.values())


@lru_cache(maxsize=8)
def _row_rx(order: tuple[str, ...]) -> re.Pattern[str]:
    """A row's cells in ``order``: values (a number with its unit, or words) and the bare weight and
    score.  The first column may be missing (a cell a PDF reader moved elsewhere); a weight and
    score are the last bare numbers of their run (≥50个 50 8 8: the 8 and 8, not 50 and 8), unless
    what follows is a total row's 100."""
    sp = _spec()
    num, val = sp["number"], sp["value"]
    parts: list[str] = []
    prev: str | None = None
    for role in order:
        if role in ("weight", "score"):
            # (a weight glued to the target after it is followed by a digit: 20100%100%20)
            after = r"(?![.%万亿元])" if role == "weight" else r"(?![\d.%万亿元])"
            cell = f"(?P<{role}>{num}){after}"
        else:
            cell = f"(?:{val})" + ("?" if prev is None else "")
        sep = r"\s+" if prev in ("weight", "score") and role in ("weight", "score") else r"\s*"
        parts.append(cell if prev is None else sep + cell)
        prev = role
    return re.compile(r"(?<![\d.])" + "".join(parts) + r"(?!\s+(?!100\s)\d{1,3}(?:\.\d+)?(?:\s|$))")


def form_rows(flat: str) -> list[FormRows]:
    """Every form of ``flat`` whose third-level header names target, actual, weight and score."""
    sp = _spec()
    out: list[FormRows] = []
    for h in sp["header"].finditer(flat):
        if out and h.start() < out[-1].end:
            continue
        got = _order(flat, h.end())
        if got is None:
            continue
        order, start = got
        rx = _row_rx(tuple(order))
        form = FormRows(start, start)
        pos, limit = start, min(len(flat), start + sp["reach"])
        while (m := rx.search(flat, pos, limit)) is not None:
            w, s = Decimal(m.group("weight")), Decimal(m.group("score"))
            pos = m.end()
            if w == 100:  # the total row (总分 100 94): the rows end here
                form.total, form.end = FormRow(w, s, m.start("weight"), m.end()), m.end()
                break
            if 0 < w and s <= w:
                form.rows.append(FormRow(w, s, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()))
                form.end = m.end()
        if form.total is None and form.rows:
            t = sp["total"].match(flat, form.end)
            if t is not None:
                form.total = FormRow(Decimal(100), Decimal(t.group("score")), t.start("weight"), t.end())
                form.end = t.end()
        if form.rows:
            out.append(form)
    return out


__all__ = ["FormRow", "FormRows", "form_rows"]
