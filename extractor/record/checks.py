"""Checks on the report's own arithmetic (record field ``checks``).

Each check is ``{"rule", "ok", "detail"}`` and the detail carries the numbers,
so a reader can see the failure.  The report is never "corrected": a failed
check only says that the printed numbers disagree.  Rules:

* ``indicator_sum``: indicator scores add up to their parent / the table total;
* ``weight_sum``: indicator weights add up to the table total (or the maximum);
* ``score_rate``: score ÷ weight equals the stated 得分率 (to its printed precision);
* ``grade_threshold``: the stated grade is the one the thresholds give the total;
* ``percent_column``: a share column (占比) adds up to 100%;
* ``execution_rate``: spent ÷ budget equals a stated execution rate.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ... import patterns
from ..document import Document
from ..normalize import squash
from .indicators import ScoreTable
from .model import Check, Evidence, Figure, Indicator, Score
from .numbers import parse_number
from .scores import grade_for, thresholds


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("scores.yaml")["checks"]


def _fmt(v: float | int | None) -> str:
    if v is None:
        return "null"
    d = Decimal(str(v)).normalize()
    return format(d, "f")


def _check(rule: str, ok: bool, detail: str) -> dict[str, Any]:
    return {"rule": rule, "ok": bool(ok), "detail": detail}


def _decimals(raw: str | None) -> int:
    m = re.search(r"\.(\d+)\s*%", raw or "")
    return len(m.group(1)) if m else 0


def _tol(n: int) -> float:
    return max(1, n) * float(_spec()["sum_tolerance"]) / 2 + 1e-9


def table_checks(table: ScoreTable, score: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    rows = table.rows
    labels = {1: "一级指标", 2: "二级指标", 3: "三级指标"}

    def complete_level(attr: str) -> int | None:
        """The highest tier whose indicators all carry ``attr`` (scores may be given for leaves only)."""
        for lvl in sorted({r.level for r in rows}):
            tier = [r for r in rows if r.level == lvl]
            if tier and all(getattr(r, attr) is not None for r in tier):
                return lvl
        return None

    total_score = table.total.score if table.total and table.total.score is not None else None
    top = complete_level("score")
    if total_score is None and score.get("total") is not None and top == 1:
        total_score = score["total"]
    if total_score is not None and top is not None:
        scores = [r.score for r in rows if r.level == top]
        s = sum(Decimal(str(x)) for x in scores)
        ok = abs(float(s) - float(total_score)) <= _tol(len(scores))
        out.append(_check("indicator_sum", ok, f"{labels[top]}: {' + '.join(_fmt(x) for x in scores)} = {_fmt(s)}, "
                                               f"stated total {_fmt(total_score)}"))
    total_weight = table.total.weight if table.total and table.total.weight is not None else None
    top_w = complete_level("weight")
    if total_weight is None and score.get("max") is not None and top_w == 1 and table.total is not None:
        total_weight = score["max"]
    if total_weight is not None and top_w is not None:
        weights = [r.weight for r in rows if r.level == top_w]
        s = sum(Decimal(str(x)) for x in weights)
        ok = abs(float(s) - float(total_weight)) <= _tol(len(weights))
        out.append(_check("weight_sum", ok, f"{labels[top_w]} weights: {' + '.join(_fmt(x) for x in weights)} = "
                                            f"{_fmt(s)}, stated {_fmt(total_weight)}"))
    # Children's weights adding up to their parent's weight, and children's scores to a
    # scored parent (multi-tier tables): the same sum, over two columns.
    out.extend(_child_sums(rows, "weight", "weight_sum", " weights"))
    out.extend(_child_sums(rows, "score", "indicator_sum", ""))
    for r in rows + ([table.total] if table.total else []):
        if r.weight in (None, 0) or r.score is None or r.rate is None:
            continue
        computed = Decimal(str(r.score)) / Decimal(str(r.weight)) * 100
        stated = Decimal(str(r.rate)) * 100
        places = _decimals(r.rate_raw)
        ok = abs(computed - stated) <= Decimal(5) / Decimal(10) ** (places + 1) + Decimal("1e-9")
        out.append(_check("score_rate", ok, f"{r.name}: {_fmt(r.score)} ÷ {_fmt(r.weight)} = "
                                            f"{computed:.{max(places, 2)}f}%, stated {r.rate_raw}"))
    return out


def grade_check(score: dict[str, Any]) -> list[dict[str, Any]]:
    if score.get("grade_source") != "stated" or score.get("total") is None:
        return []
    scaled = score["total"] * 100 / score["max"] if score.get("max") else score["total"]
    expected = grade_for(scaled)
    bound = next(t for t in thresholds() if t["grade"] == expected)
    return [_check("grade_threshold", expected == score["grade"],
                   f"{_fmt(score['total'])} of {_fmt(score['max'])} → {expected} ({expected} ≥ {bound['min']}), "
                   f"stated {score['grade']}")]


def percent_column_checks(doc: Document) -> list[dict[str, Any]]:
    share = re.compile(_spec()["share_column"])
    total_rx = re.compile(patterns.load("scores.yaml")["indicator_table"]["total_row"])
    out = []
    for b in doc.tables:
        rows = b.rows or []
        if len(rows) < 3:
            continue
        header = rows[0]
        for j, h in enumerate(header):
            if not share.search(squash(h)):
                continue
            values, stated_total = [], None
            for row in rows[1:]:
                if j >= len(row) or [squash(c) for c in row] == [squash(c) for c in header]:
                    continue
                q = parse_number(row[j])
                if q is None or q.unit != "%":
                    continue
                if total_rx.search(squash(row[0])):
                    stated_total = q.value
                else:
                    values.append(Decimal(str(q.value)) * 100)
            if len(values) < 2:
                continue
            s = sum(values)
            target = Decimal(str(stated_total)) * 100 if stated_total is not None else Decimal(100)
            ok = abs(s - target) <= Decimal(str(_tol(len(values))))
            col = squash(h)
            prev = squash(header[j - 1]) if j > 0 else ""
            out.append(_check("percent_column", bool(ok), f"{col} ({prev}): {' + '.join(f'{v:.2f}' for v in values)} "
                                                          f"= {s:.2f}%, expected {target:.2f}%"))
    return out


def execution_rate_checks(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    budgets = {f["value"] for f in figures if f["name"] == "budget"}
    spent = {f["value"] for f in figures if f["name"] == "spent"}
    rates = [f for f in figures if f["name"] == "execution_rate"]
    if len(budgets) != 1 or len(spent) != 1 or not rates:
        return []
    b, s = next(iter(budgets)), next(iter(spent))
    if not b:
        return []
    computed = Decimal(str(s)) / Decimal(str(b)) * 100
    out = []
    for r in rates:
        stated = Decimal(str(r["value"])) * 100
        places = _decimals(r["raw"])
        ok = abs(computed - stated) <= Decimal(5) / Decimal(10) ** (places + 1) + Decimal("1e-9")
        out.append(_check("execution_rate", ok, f"spent {_fmt(s)} ÷ budget {_fmt(b)} = {computed:.2f}%, "
                                                f"stated {r['raw']}"))
    return out


def run_checks(ctx: Any, tables: list[ScoreTable], indicators: list[Indicator], score: Score,
               score_evidence: Evidence | None, figures: list[Figure]) -> list[Check]:
    """Every check that the report's numbers allow (``ctx``: a :class:`~.context.Context`)."""
    figs = [{"name": f.name, "value": f.value, "unit": f.unit, "raw": f.raw, "page": f.page} for f in figures]
    return [Check(c["rule"], c["ok"], c["detail"]) for c in check_dicts(ctx.doc, tables, score.to_dict(), figs)]


def check_dicts(doc: Document, tables: list[ScoreTable], score: dict[str, Any],
                figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The checks as dicts (version 1 rules)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for t in tables:
        for c in table_checks(t, score):
            if c["detail"] not in seen:  # a table repeated (abstract + body) is checked once
                seen.add(c["detail"])
                out.append(c)
    out += grade_check(score)
    out += percent_column_checks(doc)
    out += execution_rate_checks(figures)
    return out


__all__ = ["run_checks", "table_checks", "grade_check", "percent_column_checks", "execution_rate_checks"]


def _child_sums(rows: list, attr: str, rule: str, label: str) -> list[dict]:
    """One check per parent whose children's ``attr`` values (all stated) should add up to its own."""
    out = []
    for parent in rows:
        kids = [r for r in rows if r.parent == parent.name and r.level == parent.level + 1]
        stated = getattr(parent, attr)
        if stated is None or not kids or any(getattr(k, attr) is None for k in kids):
            continue
        values = [getattr(k, attr) for k in kids]
        s = sum(Decimal(str(v)) for v in values)
        ok = abs(float(s) - float(stated)) <= _tol(len(kids))
        out.append(_check(rule, ok, f"{parent.name}{label}: {' + '.join(_fmt(v) for v in values)} = {_fmt(s)}, "
                                    f"stated {_fmt(stated)}"))
    return out
