"""Named quantities (record field ``figures``): budget, spent, people insured, rates …

A figure is taken only where a phrase from ``patterns/figures.yaml`` names it
right before the number; values are normalised to base units by
:mod:`.numbers` (万元 → 元, 万人 → 人, % → fraction).  Prose is searched over the
document text with tables blanked out (so a phrase and its number may straddle a
page break), and each table cell on its own (so a row header never pairs with
the next cell's number).  Each (name, value) appears once, at its first place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ... import patterns
from ..document import Document
from ..normalize import normalize_text
from .numbers import parse_number


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, str, re.Pattern[str]]]:
    data = patterns.load("figures.yaml")
    num, link = data["number"], data["link"]
    out = []
    for fig in data["figures"]:
        for rx in fig["regex"]:
            out.append((fig["name"], fig["unit"], re.compile(rx.replace("{NUM}", f"(?:{num})").replace("{LINK}", link))))
    return out


def figures_in(text: str, page_of=lambda offset: None) -> list[dict[str, Any]]:
    """Figures in one text, with ``page_of(offset)`` giving the page."""
    found: list[tuple[int, dict[str, Any]]] = []
    for name, unit, rx in _rules():
        for m in rx.finditer(text):
            raw = re.sub(r"\s+", " ", m.group("num")).strip()
            q = parse_number(raw.replace(" ", ""))
            if q is None or q.unit != unit:
                continue
            found.append((m.start("num"), {"name": name, "value": q.value, "unit": unit, "raw": raw,
                                           "page": page_of(m.start("num"))}))
    found.sort(key=lambda x: x[0])
    return [f for _pos, f in found]


def extract_figures(doc: Document) -> list[dict[str, Any]]:
    """The contract's ``figures`` list for ``doc``."""
    text = normalize_text(doc.text)
    chars = list(text)
    for b in doc.tables:  # blank the tables out of the prose, keeping offsets
        for i in range(b.start, b.end):
            if chars[i] != "\n":
                chars[i] = " "
    prose = "".join(chars)
    out: list[tuple[int, dict[str, Any]]] = []
    for f in figures_in(prose, doc.page_at):
        out.append((0, f))
    for b in doc.tables:
        for row in b.rows or []:
            for cell in row:
                for f in figures_in(normalize_text(cell), lambda _o, p=b.page: p):
                    out.append((1, f))
    seen: set[tuple[str, float]] = set()
    result = []
    for _k, f in out:
        key = (f["name"], round(float(f["value"]), 6))
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


__all__ = ["extract_figures", "figures_in"]
