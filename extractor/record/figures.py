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
from .model import Figure
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


def _scale(texts: list[str], scales: dict[str, int]) -> int | None:
    for t in texts:
        for word in sorted(scales, key=len, reverse=True):
            if word in t:
                return scales[word]
    return None


def table_figures(doc: Document) -> list[dict[str, Any]]:
    """Figures from tables with budget / spent / execution-rate columns (自评表)."""
    spec = patterns.load("figures.yaml").get("table_figures")
    if not spec:
        return []
    total_rx = re.compile(spec["total_row"])
    out: list[dict[str, Any]] = []
    blocks = doc.blocks
    for b in doc.tables:
        rows = b.rows or []
        if len(rows) < 2:
            continue
        header = [re.sub(r"\s+", "", normalize_text(c)) for c in rows[0]]
        cols = {}
        for col_spec in spec["columns"]:
            for j, h in enumerate(header):
                if re.search(col_spec["header"], h) and col_spec["name"] not in cols:
                    cols[col_spec["name"]] = (j, col_spec["unit"])
        if not cols:
            continue
        data = [r for r in rows[1:] if [re.sub(r"\s+", "", c) for c in r] != header]
        totals = [r for r in data if r and total_rx.search(re.sub(r"\s+", "", r[0]))]
        row = totals[0] if totals else (data[0] if len(data) == 1 else None)
        if row is None:
            continue
        i = blocks.index(b)
        caption = blocks[i - 1].text if i > 0 else ""
        for name, (j, unit) in cols.items():
            if j >= len(row) or not row[j].strip():
                continue
            raw = normalize_text(row[j]).strip()
            q = parse_number(raw)
            if q is None:
                continue
            if unit == "%":
                if q.unit != "%":
                    continue
                value = q.value
            else:
                scale = _scale([header[j], raw, header[0], caption], spec["scales"])
                if q.unit not in ("", "元") or scale is None:
                    continue
                value = parse_number(raw.replace("万元", "").replace("亿元", "").replace("元", "")).value * scale
                value = int(value) if float(value).is_integer() else value
            out.append({"name": name, "value": value, "unit": unit, "raw": raw, "page": b.page})
    return out


def extract_figures(ctx: Any) -> list[Figure]:
    """The record's ``figures`` for the document of ``ctx`` (a :class:`~.context.Context`)."""
    return [Figure(f["name"], f["value"], f["unit"], f["raw"], f.get("page")) for f in figure_dicts(ctx.doc)]


def figure_dicts(doc: Document) -> list[dict[str, Any]]:
    """The figures as dicts (version 1 rules: a closed list of names)."""
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
    out += [(2, f) for f in table_figures(doc)]
    seen: set[tuple[str, float]] = set()
    result = []
    for _k, f in out:
        key = (f["name"], round(float(f["value"]), 6))
        if key not in seen:
            seen.add(key)
            result.append(f)
    return result


__all__ = ["extract_figures", "figures_in"]
