"""Indicator tables flattened to one cell a line, or to one row a line with bars or tabs between
the cells (web pages and converters do this to tables).

A run of short lines that are column headers of an indicator table (评价指标 / 分值 /
实际得分, from ``patterns/scores.yaml``: ``indicator_table``) followed by lines that
fill rows of as many cells — a name, then numbers — is read back as a table::

    评价指标
    分值
    实际得分
    投入
    15分
    15.00分
    …
    总分
    100
    82.97

or, one row a line (:func:`bar_tables`), ``一级指标 | 分值 | 得分`` over ``决策 | 20 | 18`` …

Each cell keeps its document span, so tier scores and the total read from it carry
their evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .indicators import _spec as _table_spec

if TYPE_CHECKING:  # annotations only: Context.line_tables calls this module
    from .context import Context, Line

_NUMBER = re.compile(r"^-?\d{1,5}(?:\.\d+)?\s*(?:分|%)?$")
MAX_COLUMNS = 6


@dataclass(frozen=True)
class LineTable:
    roles: list[str]  # per column: name / weight / score / rate / code / other
    rows: list[list[Line]]

    def column(self, role: str) -> int | None:
        """The column of ``role``; of several score columns the last (分值 | 自评得分 | 评价得分: the
        evaluation's own score comes after the unit's self-score, as in an indicator table)."""
        if role not in self.roles:
            return None
        return len(self.roles) - 1 - self.roles[::-1].index(role) if role == "score" else self.roles.index(role)


def cells_span(cells: list[Line]) -> tuple[int, int]:
    """The document span of a row's ``cells`` whatever their order (:func:`bar_tables` moves the
    name column first, so the first cell is not always the leftmost)."""
    return min(c.start for c in cells), max(c.end for c in cells)


def _role(text: str) -> str | None:
    spec = _table_spec()
    key = re.sub(r"\s+", "", text)
    if not key or len(key) > 8:
        return None
    if any(rx.search(key) for rx in spec["tiers"].values()) or spec["name"].search(key):
        return "name"
    if spec["rate"].search(key):
        return "rate"
    if spec["score"].search(key):
        return "score"
    if spec["weight"].search(key):
        return "weight"
    if spec["code"].search(key):
        return "code"
    return None


def line_tables(ctx: Context, lines: list[Line]) -> list[LineTable]:
    """Every indicator table laid out one cell a line."""
    out: list[LineTable] = []
    i = 0
    while i < len(lines):
        roles: list[str] = []
        j = i
        while j < len(lines) and len(roles) < MAX_COLUMNS:
            role = _role(lines[j].text)
            if role is None or (role == "name" and roles):
                break
            roles.append(role)
            j += 1
        k = len(roles)
        if k < 2 or roles[0] != "name" or not ({"weight", "score"} & set(roles)):
            i += 1
            continue
        rows: list[list[Line]] = []
        p = j
        while p + k <= len(lines):
            group = lines[p : p + k]
            if _NUMBER.match(group[0].text) or not all(_NUMBER.match(c.text) for c in group[1:]):
                break
            rows.append(group)
            p += k
        if len(rows) >= 2:
            out.append(LineTable(roles, rows))
            i = p
        else:
            i += 1
    return out


_BAR = re.compile(r"[|｜\t]")


def _cells(line: Line) -> list[Line]:
    """The cells of a line whose cells are divided by bars or tabs, each with its document span
    (a leading and a trailing empty cell, | a | b |, are the bars around the row)."""
    cells: list[Line] = []
    pos = 0
    for part in _BAR.split(line.text):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        a = pos + lead
        s, e = line.view.span(a, a + len(text)) if text else line.view.span(a, a)
        cells.append(replace(line, text=text, start=s, end=e))  # (a Line of the same view and block)
        pos += len(part) + 1
    if cells and not cells[0].text:
        cells = cells[1:]
    if cells and not cells[-1].text:
        cells = cells[:-1]
    return cells if len(cells) >= 2 else []


def bar_tables(lines: list[Line]) -> list[LineTable]:
    """Indicator tables flattened to one row a line, cells divided by bars or tabs: a header line
    whose cells name the columns (一级指标 | 得分 | 分值 …, in any order), then rows of as many
    cells, numbers in the weight and score columns.  The name column (the 一级 one, when the
    table has several) comes first in each row, so its roles read like a :func:`line_tables` table."""
    out: list[LineTable] = []
    i = 0
    while i < len(lines):
        head = _cells(lines[i])
        roles = [_role(c.text) or "other" for c in head]
        numeric = [k for k, r in enumerate(roles) if r in ("weight", "score")]
        if "name" not in roles or not numeric or len(head) > 2 * MAX_COLUMNS:
            i += 1
            continue
        tier1 = _table_spec()["tiers"][1]
        name_col = next(
            (k for k, c in enumerate(head) if tier1.search(re.sub(r"\s+", "", c.text))), roles.index("name")
        )
        rows: list[list[Line]] = []
        j = i + 1
        while j < len(lines):
            cells = _cells(lines[j])
            if len(cells) != len(head) or _NUMBER.match(cells[name_col].text):
                break
            nums = [cells[k].text for k in numeric]
            if not any(nums) or not all(_NUMBER.match(x) for x in nums if x):
                break
            rows.append(cells)
            j += 1
        if len(rows) >= 2:
            order = [name_col] + [k for k in range(len(head)) if k != name_col]
            out.append(LineTable([roles[k] for k in order], [[r[k] for k in order] for r in rows]))
            i = j
        else:
            i += 1
    return out


__all__ = ["LineTable", "line_tables", "bar_tables", "cells_span"]
