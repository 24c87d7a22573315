"""Report metadata: title, years, date, kind, mode, programme, unit, evaluator.

Phrases are data (``patterns/metadata.yaml``).  Organisation names come from the
spaCy pipeline's ORG entities (:mod:`.nlp`): a pattern's ``{ORG}`` slot only
accepts a name the pipeline recognised, so a unit is never cut in the middle.
Values the report does not state are ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cn2an

from ... import patterns
from ..document import Block, Document
from ..normalize import normalize_text
from ..structure import numbering_of
from . import nlp
from .jurisdiction import divisions, locate


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("metadata.yaml")


def _squash_title(text: str) -> str:
    """Titles lose typesetting spaces and line breaks (云南省 2021 年 → 云南省2021年)."""
    return re.sub(r"\s+", "", normalize_text(text))


@dataclass(frozen=True)
class TitleCandidate:
    text: str
    block: Block


def title_candidates(doc: Document) -> list[TitleCandidate]:
    """Blocks that read as the report's title, joined with a preceding title line."""
    spec = _spec()["title"]
    rx = re.compile(spec["regex"])
    prefix = re.compile(spec["strip_prefix"])
    out: list[TitleCandidate] = []
    blocks = [b for b in doc.blocks if b.kind != "table"]
    for i, b in enumerate(blocks):
        text = prefix.sub("", _squash_title(b.text))
        if not text or len(text) > spec["max_chars"] or not rx.search(text):
            continue
        if i > 0:
            prev = prefix.sub("", _squash_title(blocks[i - 1].text))
            if (prev and len(prev) <= spec["continuation_max_chars"] and not re.search("[。，,：:；;]", prev)
                    and not rx.search(prev) and numbering_of(prev) is None):
                text = prev + text
        if all(c.text != text for c in out):
            out.append(TitleCandidate(text, b))
    return out


def extract_title(doc: Document) -> str | None:
    cands = title_candidates(doc)
    return cands[0].text if cands else None


def _strip_citations(text: str) -> str:
    return re.sub(_spec()["years"]["ignore_inside"], lambda m: " " * len(m.group(0)), text)


def years_in(text: str) -> list[int]:
    """Years named in ``text`` (ranges expanded), citations ignored."""
    spec = _spec()["years"]
    text = _strip_citations(normalize_text(text))
    out: list[int] = []
    for m in re.finditer(spec["range"], text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a <= b <= a + 10:
            out.extend(range(a, b + 1))
    text = re.sub(spec["range"], " ", text)
    out.extend(int(m.group("y")) for m in re.finditer(spec["year"], text))
    return sorted(set(out))


def extract_years(doc: Document, titles: list[str]) -> list[int]:
    """The evaluated year(s): from the title, else from evaluation phrases in the body."""
    for t in titles:
        ys = years_in(t)
        if ys:
            return ys
    text = _strip_citations(normalize_text(doc.text))
    for rx in _spec()["years"]["body"]:
        m = re.search(rx, text)
        if m:
            return [int(m.group("y"))]
    return []


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}


def _arabic_date(text: str) -> str:
    """二〇二四年二月二十一日 → 2024年2月21日 (other text unchanged)."""

    def conv(m: re.Match[str]) -> str:
        y = "".join(_CN_DIGIT[c] for c in m.group("y"))
        out = f"{y}年{cn2an.cn2an(m.group('m'), 'smart')}月"
        return out + (f"{cn2an.cn2an(m.group('d'), 'smart')}日" if m.group("d") else "")

    return re.sub(_spec()["report_date"]["chinese"], conv, text)


def extract_report_date(doc: Document) -> str | None:
    spec = _spec()["report_date"]
    rx = re.compile(spec["regex"])
    tail = [b for b in doc.blocks if b.kind != "table"][-int(spec["tail_blocks"]):]
    for b in reversed(tail):
        for line in reversed(b.text.splitlines()):
            m = rx.match(_arabic_date(re.sub(r"\s+", "", normalize_text(line))))
            if m:
                y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
                if not 1 <= mo <= 12:
                    continue
                return f"{y:04d}-{mo:02d}-{int(d):02d}" if d else f"{y:04d}-{mo:02d}"
    return None


def extract_kind(title: str | None, text: str) -> str | None:
    rules = _spec()["report_kind"]
    for source in (title or "", text):
        for r in rules:
            if re.search(r["regex"], source):
                return r["kind"]
    return None


def extract_mode(text: str) -> str | None:
    for r in _spec()["evaluation_mode"]:
        if re.search(r["regex"], text):
            return r["mode"]
    return None


def _org_regex(orgs: list[str]) -> str:
    return "(?:" + "|".join(re.escape(o) for o in sorted(set(orgs), key=len, reverse=True)) + ")" if orgs else "(?!)"


def _fullest(org: str, orgs: list[str]) -> str:
    """The longest recognised name that ends with ``org`` (呈贡区… → 昆明市呈贡区…)."""
    longer = [o for o in orgs if o.endswith(org) and len(o) > len(org)]
    return max(longer, key=len) if longer else org


def _signature(doc: Document, orgs: list[str]) -> str | None:
    """An organisation standing alone on one of the last lines (the signing unit)."""
    tail = [b for b in doc.blocks if b.kind != "table"][-4:]
    for b in reversed(tail):
        for line in reversed(b.text.splitlines()):
            key = re.sub(r"\s+", "", line)
            if key in orgs:
                return key
    return None


def _context(doc: Document, titles: list[TitleCandidate]) -> str:
    """The text metadata phrases live in: the opening, the blocks after each title, the end."""
    parts = [doc.text[:3000]]
    blocks = doc.blocks
    for t in titles[:3]:
        i = blocks.index(t.block)
        parts.append("\n".join(b.text for b in blocks[max(0, i - 1):i + 6] if b.kind != "table"))
    parts.append("\n".join(b.text for b in blocks[-4:] if b.kind != "table"))
    return normalize_text("\n".join(parts))


def extract_metadata(doc: Document) -> dict[str, Any]:
    """Every metadata field of the record, plus ``jurisdiction``."""
    spec = _spec()
    cands = title_candidates(doc)
    title = cands[0].text if cands else None
    titles = [c.text for c in cands]
    context = _context(doc, cands)
    orgs = sorted({re.sub(r"\s+", "", e.text) for e in nlp.entities(context + "\n" + "\n".join(titles), {"ORG"})})
    org_rx = _org_regex(orgs)
    mode = extract_mode(normalize_text(doc.text))
    kind = extract_kind(title, normalize_text(doc.text))

    def first(rules: list[str], texts: list[str], exclude: str | None = None) -> str | None:
        for rule in rules:
            rx = re.compile(rule.replace("{ORG}", org_rx), re.M)
            for t in texts:
                for m in rx.finditer(re.sub(r"[ \t]+", "", t)):
                    if m.group("org") != exclude:
                        return m.group("org")
        return None

    evaluator = first(spec["evaluator"], [context])
    # The evaluated unit is never the firm that evaluated it.
    unit = first(spec["evaluated_unit"], titles + [context], exclude=evaluator)
    signature = _signature(doc, orgs)
    if unit:
        unit = _fullest(unit, orgs)
    if mode == "self":
        unit = unit or signature
        evaluator = evaluator or signature or unit
    elif mode == "finance" and evaluator is None:
        evaluator = next((o for o in orgs if "财政" in o), None)
    if evaluator:
        evaluator = _fullest(evaluator, orgs)

    jurisdiction = locate([*titles, unit or "", evaluator if mode == "self" else "", context[:3000]],
                          context=context)
    return {
        "title": title,
        "report_kind": kind,
        "evaluation_mode": mode,
        "years": extract_years(doc, titles),
        "report_date": extract_report_date(doc),
        "jurisdiction": jurisdiction,
        "program": extract_program(title, kind, unit),
        "evaluated_unit": unit,
        "evaluator": evaluator,
    }


def extract_program(title: str | None, kind: str | None, unit: str | None) -> str | None:
    """The programme named by the title: places, year, unit and the 报告 suffix taken off."""
    spec = _spec()["program"]
    if not title or kind in spec["strip_kinds"]:
        return None
    text = title
    if unit:
        text = text.replace(unit, "")
    text = re.sub(_spec()["years"]["range"], "", text)
    text = re.sub(_spec()["years"]["year"], "", text)
    # Leading division names (云南省, 昆明市东川区).
    table = divisions()
    while True:
        found = [(s, e) for s, e, _n in table.find(text) if s == 0]
        if not found:
            break
        text = text[found[0][1]:]
    text = re.sub(spec["strip_suffix"], "", text).strip("，,：: ")
    return text or None


__all__ = ["extract_metadata", "extract_title", "title_candidates", "years_in", "extract_years",
           "extract_report_date", "extract_kind", "extract_mode", "extract_program"]
