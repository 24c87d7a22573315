"""Scored indicators (评价指标) from the document's tables (record field ``indicators``).

Works on any tier: tables with one column per tier (一级指标 | 二级指标 | 三级指标,
merged cells carried down), a single name column whose level follows from a
code (A → 1, A1 → 2, A11 → 3), or a plain 一级指标 column.  Column roles come
from header words in ``patterns/scores.yaml`` (``indicator_table``).  The rows
also keep the stated 得分率 and the table's total row, for :mod:`.checks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from ... import patterns
from ..document import Block, Document
from ..normalize import fold_one_for_one, squash
from .model import Indicator
from .numbers import parse_number


@dataclass
class IndicatorRow(Indicator):
    """A score table's row: the record's :class:`~.model.Indicator` (its span from the row's
    name cell to its score, or weight, cell) and the 得分率 the table states, which the
    checks compare with score ÷ weight."""

    rate: float | None = None  # stated 得分率 as a fraction
    rate_raw: str | None = None

    def record(self) -> Indicator:
        return Indicator(**{f.name: getattr(self, f.name) for f in fields(Indicator)})


@dataclass
class ScoreTable:
    rows: list[IndicatorRow] = field(default_factory=list)
    total: IndicatorRow | None = None  # the 合计 row, if any
    page: int | None = None


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    t = patterns.load("scores.yaml")["indicator_table"]
    return {
        "tiers": {int(k): re.compile(v) for k, v in t["tiers"].items()},
        "name": re.compile(t["name"]),
        "code": re.compile(t["code"]),
        "weight": re.compile(t["weight"]),
        "score": re.compile(t["score"]),
        "rate": re.compile(t["rate"]),
        "total_row": re.compile(t["total_row"]),
        "code_in_name": re.compile(t["code_in_name"]),
    }


def _roles(header: list[str]) -> dict[str, Any]:
    spec = _spec()
    roles: dict[str, Any] = {"tiers": {}}
    for i, cell in enumerate(header[: _padded_from(header)]):
        key = fold_one_for_one(squash(cell))  # (a mirror's traditional characters: 一級指標, 評價得分)
        if not key:
            continue
        tier = next((lvl for lvl, rx in spec["tiers"].items() if rx.search(key)), None)
        if tier is not None:
            roles["tiers"].setdefault(tier, i)
        elif spec["rate"].search(key):
            roles.setdefault("rate", i)
        elif spec["score"].search(key):
            roles.setdefault("scores", []).append(i)
        elif spec["weight"].search(key):
            roles.setdefault("weights", []).append(i)
        elif spec["code"].search(key):
            roles.setdefault("code", i)
        elif spec["name"].search(key):
            roles.setdefault("name", i)
    # 一级指标 | 分值 | 二级指标 | 分值 | …: a weight (score) column belongs to the
    # tier column before it; the deepest tier's (or the only one) is the row's own.
    tiers = roles["tiers"]
    for kind, own in (("weights", "weight"), ("scores", "score")):
        cols = roles.pop(kind, [])
        if not cols:
            continue
        roles[own] = cols[-1]
        if tiers and len(cols) > 1:
            per_tier = roles.setdefault("tier_" + own, {})
            for col in cols[:-1]:
                before = [lvl for lvl, tcol in tiers.items() if tcol < col]
                if before:
                    per_tier[max(before, key=lambda lvl: tiers[lvl])] = col
    return roles


def _padded_from(header: list[str]) -> int:
    """Where the trailing copies of a header's last cell begin (分值 | 得分 | 得分 | 得分): a row wider
    than the header (总分 | … | 100 | 96 | 自评等级 | 优) pads it, and a text dump's blank fills
    from the left — those cells head no column of their own."""
    end = len(header)
    while end > 1 and squash(header[end - 1]) and squash(header[end - 1]) == squash(header[end - 2]):
        end -= 1
    return end


def _is_score_table(roles: dict[str, Any]) -> bool:
    has_name = bool(roles["tiers"]) or "name" in roles
    return has_name and ("weight" in roles or "score" in roles)


def _value(cell: str) -> float | int | None:
    q = parse_number(cell)
    if q is None or q.unit not in ("", "分"):
        return None
    return q.value


def _rate(cell: str) -> float | None:
    q = parse_number(cell)
    return float(q.value) if q is not None and q.unit == "%" else None


def _split_code(name: str) -> tuple[str | None, str]:
    m = _spec()["code_in_name"].match(name)
    if m is None:
        return None, name
    code = m.group("code")
    separated = len(name) > len(code) and not name[len(code)].isalnum()
    if re.search(r"\d", code) or separated:  # "A11资金到位率", "A 决策"; not "B超检查"
        return code, m.group("name").strip()
    return None, name


def _code_level(code: str) -> int:
    digits = len(re.sub(r"\D", "", code))
    return max(1, min(3, 1 + digits))


def _span_of(offsets: list[tuple[int, int, str]], *cols: int | None) -> tuple[int, int] | None:
    """From the first to the last of ``cols`` that hold text in a row (``offsets``: its cells)."""
    used = [offsets[c] for c in cols if c is not None and c < len(offsets) and offsets[c][2].strip()]
    return (min(u[0] for u in used), max(u[1] for u in used)) if used else None


def _is_header_row(cells: list[str], roles: dict[str, Any]) -> bool:
    """Whether a row is an indicator table's header: tier columns (一级指标 …) with a weight or score
    column, and no number in any cell."""
    return _is_score_table(roles) and _tiers_without_numbers(cells, roles)


def _tiers_without_numbers(cells: list[str], roles: dict[str, Any]) -> bool:
    """The part of :func:`_is_header_row` beyond :func:`_is_score_table`: tier columns, no number."""
    return bool(roles["tiers"]) and all(_value(c) is None for c in cells)


def read_table(block: Block) -> ScoreTable | None:
    """The indicators of one table block, or ``None`` when it is not a score table."""
    rows = block.rows or []
    cells_at = block.cells()
    header_idx, roles = None, None
    # the header may come after a form's own rows (a 自评表: 项目名称, 主管部门 and the funds block
    # above its 一级指标 | 二级指标 | 三级指标 | … | 分值 | 得分 header)
    for i, row in enumerate(rows):
        r = _roles(row)
        # (past the first rows only a header row counts: _is_header_row, its score-table test done once)
        if _is_score_table(r) and (i < 3 or _tiers_without_numbers(row, r)):
            header_idx, roles = i, r
            break
    if roles is None or header_idx is None:
        return None
    spec = _spec()
    header_keys = [squash(c) for c in rows[header_idx]]
    out = ScoreTable(page=block.page)
    tiers: dict[int, int] = roles["tiers"]
    carried: dict[int, str] = {}
    seen: set[tuple[Any, ...]] = set()
    for ri, row in enumerate(rows[header_idx + 1 :], start=header_idx + 1):
        cells = row + [""] * (len(header_keys) - len(row))
        offsets = cells_at[ri]

        if [squash(c) for c in cells[: len(header_keys)]] == header_keys:
            continue  # a header row repeated on a new page
        r = _roles(cells)
        if _is_header_row(cells, r):
            # a second header inside the table (a 自评表's indicator block under its funds block):
            # the rows below it are read by its columns
            roles, tiers, carried = r, r["tiers"], {}
            header_keys = [squash(c) for c in cells]
            continue
        weight = _value(cells[roles["weight"]]) if "weight" in roles else None
        score = _value(cells[roles["score"]]) if "score" in roles else None
        rate_raw = cells[roles["rate"]].strip() if "rate" in roles else None
        rate = _rate(rate_raw) if rate_raw else None
        first = squash(cells[min([*tiers.values(), roles.get("name", 99), roles.get("code", 99)])])
        if spec["total_row"].search(fold_one_for_one(first)):
            out.total = IndicatorRow(
                level=0,
                name=first,
                weight=weight,
                score=score,
                rate=rate,
                rate_raw=rate_raw,
                page=block.page,
                span=_span_of(
                    offsets,
                    min([*tiers.values(), roles.get("name", 99), roles.get("code", 99)]),
                    roles.get("weight"),
                    roles.get("score"),
                ),
            )
            continue
        code = squash(cells[roles["code"]]) or None if "code" in roles else None
        if tiers:
            names: dict[int, str] = {}
            for lvl, col in sorted(tiers.items()):
                text = re.sub(r"\s+", "", cells[col])
                if text == header_keys[col]:
                    text = ""  # a merged cell filled down from the header row
                if text:
                    if carried.get(lvl) != text:  # a new parent: what was carried below it ends
                        for deeper in [k for k in carried if k > lvl]:
                            carried.pop(deeper)
                    carried[lvl] = text
                if lvl in carried:
                    names[lvl] = carried[lvl]
            if not names:
                continue
            level = max(names)
            # Upper tiers with their own weight/score columns are indicators too.
            for lvl in sorted(names):
                if lvl == level or (lvl not in roles.get("tier_weight", {}) and lvl not in roles.get("tier_score", {})):
                    continue
                tw = roles.get("tier_weight", {}).get(lvl)
                ts = roles.get("tier_score", {}).get(lvl)
                c, tname = _split_code(names[lvl])
                key = (c, lvl, tname, names.get(lvl - 1))
                if key not in seen:
                    seen.add(key)
                    out.rows.append(
                        IndicatorRow(
                            level=lvl,
                            name=tname,
                            code=c,
                            parent=names.get(lvl - 1),
                            weight=_value(cells[tw]) if tw is not None else None,
                            score=_value(cells[ts]) if ts is not None else None,
                            page=block.page,
                            span=_span_of(offsets, tiers[lvl], tw, ts),
                        )
                    )
            if weight is None and score is None:
                continue
            name = names[level]
            parent = names.get(level - 1)
            c, name = _split_code(name)
            code = code or c
        else:
            if weight is None and score is None:
                continue
            raw = re.sub(r"\s+", "", cells[roles["name"]])
            if not raw:
                continue
            c, name = _split_code(raw)
            code = code or c
            level = _code_level(code) if code else 1
            parent = None
        key = (code, level, name, parent)
        if key in seen:
            continue
        seen.add(key)
        name_col = tiers.get(level, roles.get("name")) if tiers else roles.get("name")
        out.rows.append(
            IndicatorRow(
                level=level,
                name=name,
                code=code,
                parent=parent,
                weight=weight,
                score=score,
                rate=rate,
                rate_raw=rate_raw,
                page=block.page,
                span=_span_of(offsets, name_col, roles.get("weight"), roles.get("score")),
            )
        )
    # Coded systems: the parent of A11 is the row coded A1.
    by_code = {ind.code: ind for ind in out.rows if ind.code}
    for ind in out.rows:
        if ind.code and ind.parent is None and len(ind.code) > 1:
            for cut in range(len(ind.code) - 1, 0, -1):
                p = by_code.get(ind.code[:cut])
                if p is not None:
                    ind.parent = p.name
                    break
    return out if out.rows else None


def score_tables(doc: Document) -> list[ScoreTable]:
    """Every indicator table of ``doc`` (a table split over pages gives several)."""
    return [t for t in (read_table(b) for b in doc.tables) if t is not None]


__all__ = ["IndicatorRow", "ScoreTable", "read_table", "score_tables"]
