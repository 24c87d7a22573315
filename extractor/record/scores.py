"""The report's total score, its maximum and its grade (record field ``score``).

Phrases are data (``patterns/scores.yaml``).  The grade is taken as stated
(评价等级为"良", 等级：良好 → 良) or, when the report gives only a score, derived
from the thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below) — ``grade_source``
says which.  A report that states no score gets nulls, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ... import patterns
from ..normalize import normalize_text
from .numbers import arabize


@dataclass(frozen=True)
class Found:
    value: Any
    start: int
    end: int
    raw: str


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    data = patterns.load("scores.yaml")
    num = data["number"]

    def comp(rx: str) -> re.Pattern[str]:
        return re.compile(rx.replace("{NUM}", num))

    return {
        "total": [comp(r) for r in data["total"]],
        "not_before": [re.compile(r) for r in data["not_total_before"]],
        "not_after": [re.compile(r) for r in data.get("not_total_after", [])],
        "sub_max": re.compile(data["sub_max_before"]),
        "max": [comp(r) for r in data["max"]],
        "default_max": data["default_max"],
        "rate_only": [comp(r) for r in data["rate_only"]],
        "grade": [comp(r) for r in data["grade"]],
        "grade_words": data["grade_words"],
        "thresholds": sorted(data["thresholds"], key=lambda t: -t["min"]),
    }


_CN_SCORE = re.compile("(?<![一二两三四五六七八九十])([一二两三四五六七八九十百][零一二两三四五六七八九十百点]*)(?=分)")


def _prepare(text: str) -> str:
    """Half-width digits; Chinese numerals before 分 → digits (九十七分 → 97分)."""
    return _CN_SCORE.sub(lambda m: arabize(m.group(1)), normalize_text(text))


def _num(s: str) -> float | int:
    v = float(s)
    return int(v) if v.is_integer() else v


def find_total(text: str) -> Found | None:
    """The first total-score phrase in ``text`` that is not a sub-score."""
    spec = _spec()
    best: Found | None = None
    for rx in spec["total"]:
        for m in rx.finditer(text):
            before = text[max(0, m.start() - 24):m.start()]
            if any(r.search(before) for r in spec["not_before"]):
                continue
            sub = spec["sub_max"].search(before)
            if sub and float(sub.group("max")) < spec["default_max"]:
                continue
            after = text[m.end():m.end() + 12]
            if any(r.search(after) for r in spec["not_after"]):
                continue
            value = _num(m.group("num"))
            if not 0 < value <= 100:
                continue
            if best is None or m.start() < best.start:
                best = Found(value, m.start(), m.end(), m.group(0))
            break  # the first valid match of this phrase
    return best


def find_rate_total(text: str) -> Found | None:
    """A total given only as a rate (综合得分率为86.5% → 86.5 of 100)."""
    for rx in _spec()["rate_only"]:
        for m in rx.finditer(text):
            before = text[max(0, m.start() - 24):m.start()]
            if any(r.search(before) for r in _spec()["not_before"]):
                continue
            return Found(_num(m.group("num")), m.start(), m.end(), m.group(0))
    return None


def find_max(text: str, total: float | int) -> float | int:
    """The stated maximum that can hold ``total`` (满分 10 分 of a sub-score is skipped)."""
    for rx in _spec()["max"]:
        for m in rx.finditer(text):
            raw = m.group("num")
            value = 100 if raw == "百" else _num(raw)
            if value >= total:
                return value
    return _spec()["default_max"]


def find_grade(text: str) -> Found | None:
    """The first stated grade, mapped to 优/良/中/差."""
    spec = _spec()
    best: Found | None = None
    for rx in spec["grade"]:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start):
            best = Found(spec["grade_words"][m.group("grade")], m.start(), m.end(), m.group(0))
    return best


def grade_for(total: float | int) -> str:
    """The grade the thresholds give ``total`` (out of 100)."""
    for t in _spec()["thresholds"]:
        if total >= t["min"]:
            return t["grade"]
    return _spec()["thresholds"][-1]["grade"]


def thresholds() -> list[dict[str, Any]]:
    return list(_spec()["thresholds"])


def extract_score(text: str, table_total: float | int | None = None) -> dict[str, Any]:
    """The contract's ``score`` object for a document's text.

    ``table_total`` is the total row of an indicator table, used when the prose
    states no total.
    """
    text = _prepare(text)
    total_found = find_total(text)
    total: float | int | None = total_found.value if total_found else None
    if total is None and table_total is not None:
        total = table_total
    if total is None:
        rate = find_rate_total(text)
        total = rate.value if rate else None
    grade_found = find_grade(text)
    if total is None and grade_found is None:
        return {"total": None, "max": None, "grade": None, "grade_source": None}
    max_ = find_max(text, total) if total is not None else _spec()["default_max"]
    if grade_found is not None:
        return {"total": total, "max": max_ if total is not None else None, "grade": grade_found.value,
                "grade_source": "stated"}
    scaled = total * 100 / max_ if max_ else total
    return {"total": total, "max": max_, "grade": grade_for(scaled), "grade_source": "derived"}


__all__ = ["extract_score", "find_total", "find_grade", "find_max", "grade_for", "thresholds"]
