"""Findings of a report: its problems, recommendations and experiences, each once.

Pipeline, all on the document model:

1. :func:`~.sections.find_sections` locates the finding sections.
2. :func:`split_items` cuts a section's content into items: numbered sub-headings
   ((一) 1. (1) ① …), markers opening paragraphs (一是 其一 第一 1)), inline lists
   inside one paragraph (一是……；二是……, ①②, (1)(2)), unnumbered heading blocks, or
   plain paragraphs.  Sub-items nested in an item belong to it, unless the item is
   only a container ("（五）其他", "（一）决策方面"), whose sub-items are the findings.
3. Tables whose header names a findings column (存在问题, 整改建议 …) — results
   notices — add one finding per cell (or per list item inside a cell).
4. Repeats (a summary, a results table, an annex) are merged: one finding with the
   fullest text, located in the report body when the copies are about as full.
5. Each finding gets a taxonomy category (:mod:`.classify`); each recommendation the
   ordinal of the problem it answers (``responds_to``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ... import patterns
from ..cjk import CJK, FULL_STOP, SENTENCE_END
from ..document import Block, Document
from . import classify as classifier
from .sections import (
    KINDS,
    Section,
    clean_key,
    find_sections,
    is_noise,
    kind_of_key,
    marker_of,
    numeral_value,
)

# Styles whose markers may also sit inside a paragraph ("一是……；二是……").
_INLINE_CAPABLE = {"shi", "qi", "di", "circled", "arabic_paren", "arabic_dot", "chinese_paren"}


@lru_cache(maxsize=1)
def _cfg() -> dict[str, Any]:
    data = patterns.load("sections.yaml")
    return {
        "inline": [(m["name"], re.compile(m["regex"])) for m in data["inline_markers"]],
        "container": [re.compile(p) for p in data["container_titles"]],
        "title_end": data["title_terminators"],
        "columns": {k: re.compile(v) for k, v in data["table_columns"].items()},
        "kind_order": data["kind_order"],
        "problem_words": re.compile(data["kind_words"]["problem"]),
    }


@dataclass
class Piece:
    """A stretch of one block: ``doc.text[start:end]``."""

    block: Block
    start: int
    end: int

    def text(self, doc: Document) -> str:
        return doc.text[self.start : self.end]


@dataclass
class Item:
    """One finding candidate before merging."""

    start: int
    end: int
    title: str
    style: str | None = None
    number: int | None = None
    heading_only: bool = False  # the item opens with a heading block of its own
    body_start: int | None = None  # where the text after the heading/marker begins


@dataclass
class Candidate:
    kind: str
    item: Item
    region: str  # body / summary / annex / table
    section: Section | None = None
    text: str = ""
    table_start: int | None = None  # the table block a table finding comes from
    group: list["Candidate"] = field(default_factory=list)


# --------------------------------------------------------------------------- text helpers


def clean_text(raw: str) -> str:
    """A finding's text: page furniture dropped, OCR/converter spaces between CJK removed."""
    lines = [ln.strip() for ln in raw.split("\n")]
    lines = [ln for ln in lines if ln and not is_noise(ln)]
    text = "\n".join(lines)
    text = re.sub(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}0-9])|(?<=[{CJK}0-9])[ \t]+(?=[{CJK}])", "", text)
    return text.strip()


def _title_from(text: str) -> str:
    """First sentence (run-in heading) of an item's text after its marker."""
    text = text.strip()
    ends = _cfg()["title_end"]
    cut = len(text)
    for i, ch in enumerate(text):
        if ch in ends:
            cut = i
            break
        if ch in "：:" and i <= 30:
            cut = i
            break
    title = clean_text(text[:cut]).replace("\n", "")
    return title.strip(" ，,、")


def _strip_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and list separators (；，) at the ends of a span."""
    while start < end and doc.text[start] in " \t\n":
        start += 1
    while end > start and doc.text[end - 1] in " \t\n；;，,、":
        end -= 1
    return start, end


# --------------------------------------------------------------------------- item splitting


def _pieces(doc: Document, section: Section) -> list[Piece]:
    out = []
    for b in section.blocks:
        start = max(b.start, section.content_start)
        if start >= b.end:
            continue
        out.append(Piece(b, start, b.end))
    return out


def _inline_sequence(
    doc: Document, pieces: list[Piece], rx: re.Pattern[str], first: int = 1, *, cells: bool = False
) -> list[tuple[int, int, int]]:
    """Positions ``(marker start, text start, number)`` of an unbroken list first, first+1, … inside
    pieces (table pieces only when ``cells``: a table cell holding a list)."""
    found: list[tuple[int, int, int]] = []
    expect = first
    for p in pieces:
        if p.block.kind == "table" and not cells:
            continue
        text = p.text(doc)
        for m in rx.finditer(text):
            n = numeral_value(m.group("num"))
            if n == expect:
                found.append((p.start + m.start("marker"), p.start + m.end("marker"), n))
                expect += 1
    return found


def _best_inline(
    doc: Document, pieces: list[Piece], *, cells: bool = False
) -> tuple[str, list[tuple[int, int, int]]] | None:
    best: tuple[str, list[tuple[int, int, int]]] | None = None
    for name, rx in _cfg()["inline"]:
        seq = _inline_sequence(doc, pieces, rx, cells=cells)
        if len(seq) < 2:
            continue
        if best is None or len(seq) > len(best[1]) or (len(seq) == len(best[1]) and seq[0][0] < best[1][0][0]):
            best = (name, seq)
    return best


def _is_container(title: str) -> bool:
    """Only a frame for sub-items: "（五）其他", "（一）决策方面", or a part named like a
    finding section ("（一）存在的问题" under "三、存在的问题及原因分析")."""
    key = clean_key(title)
    return any(rx.fullmatch(key) for rx in _cfg()["container"]) or kind_of_key(key) in KINDS


def _is_excluded_part(title: str) -> bool:
    """A part that holds no findings: "（二）原因分析", "（三）整改情况"."""
    key = clean_key(title)
    return len(key) <= 12 and kind_of_key(key) is None and any(rx.fullmatch(key) for rx in _excluded())


@lru_cache(maxsize=1)
def _excluded() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns.load("sections.yaml")["exclude"]]


def _items_from_starts(
    doc: Document, starts: list[tuple[int, int, int | None, str | None, bool]], end: int
) -> list[Item]:
    """Items from sorted ``(start, body_start, number, style, heading_only)`` up to ``end``."""
    items = []
    for k, (s, body, n, style, heading_only) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else end
        s2, e2 = _strip_span(doc, s, e)
        if e2 <= s2:
            continue
        if heading_only:
            head_end = doc.text.find("\n", body)
            head_end = e2 if head_end < 0 or head_end > e2 else head_end
            title = _heading_title(doc.text[s2:head_end])
        else:
            title = _title_from(doc.text[body:e2])
        items.append(Item(s2, e2, title, style, n, heading_only, body))
    return items


def _heading_title(text: str) -> str:
    """A heading's title without its numbering marker and trailing punctuation."""
    m = marker_of(text)
    body = text[m.length :] if m is not None else text
    return clean_text(body).replace("\n", "").strip("。：:；;，, ")


def _continuation(doc: Document, pieces: list[Piece]) -> list[tuple[int, int]]:
    """Paragraph spans with lines a page or converter broke re-joined."""
    spans: list[list[int]] = []
    prev_open = False
    for p in pieces:
        if p.block.kind == "table":
            prev_open = False
            continue
        text = p.text(doc).strip()
        if not text or is_noise(text):
            continue
        if prev_open and spans:
            spans[-1][1] = p.end
        else:
            spans.append([p.start, p.end])
        prev_open = text[-1] not in SENTENCE_END + "：:"
    return [(s, e) for s, e in spans]


def split_items(doc: Document, pieces: list[Piece], *, allow_paragraphs: bool = True) -> list[Item]:
    """Cut a section's content into items (see module docstring)."""
    text_pieces = [p for p in pieces if p.block.kind != "table"]
    if not text_pieces:
        return []
    end = text_pieces[-1].end

    # 1. Markers opening blocks: the first one found sets the item style.
    style: str | None = None
    starts: list[tuple[int, int, int | None, str | None, bool]] = []
    for p in text_pieces:
        m = marker_of(p.text(doc))
        if m is None:
            continue
        if style is None:
            style = m.style
        if m.style == style:
            heading_only = p.block.kind == "heading" and p.start == p.block.start
            starts.append((p.start, p.start + m.length, m.number, m.style, heading_only))
    if starts:
        if style in _INLINE_CAPABLE:
            starts = _add_inline_continuations(doc, text_pieces, starts, style)
        items = _items_from_starts(doc, starts, end)
        items = [_cut_at_unmarked_heading(doc, text_pieces, it) for it in items]
        if items:
            items[-1] = _cut_trailing_paragraphs(doc, text_pieces, items[-1])
        return _expand_containers(doc, text_pieces, items)

    # 2. An inline list inside paragraphs (一是……；二是……, ①②, (1)(2)).
    best = _best_inline(doc, text_pieces)
    if best is not None:
        name, seq = best
        return _items_from_starts(doc, [(s, b, n, name, False) for s, b, n in seq], end)
    if not allow_paragraphs:
        return []

    # 3. Unnumbered heading blocks (bold run-in titles in Word/PDF).
    heads = [p for p in text_pieces if p.block.kind == "heading" and p.start == p.block.start]
    if len(heads) >= 2:
        return _items_from_starts(doc, [(p.start, p.start, None, "heading", True) for p in heads], end)

    # 4. Plain paragraphs, one item each; a lead-in ("经评价，发现以下问题：") is none.
    spans = [(s, e) for s, e in _continuation(doc, text_pieces) if doc.text[s:e].rstrip()[-1:] not in "：:"]
    items = _items_from_starts(doc, [(s, s, None, None, False) for s, _e in spans], end)
    return (
        [
            Item(
                *_strip_span(doc, it.start, min(it.end, e)),
                it.title,
                it.style,
                it.number,
                it.heading_only,
                it.body_start,
            )
            for it, (_s, e) in zip(items, spans)
        ]
        if len(items) == len(spans)
        else items
    )


def _cut_at_unmarked_heading(doc: Document, pieces: list[Piece], it: Item) -> Item:
    """A paragraph item ("一是……") ends before an unnumbered heading block that follows
    it (a report title or part heading the section boundary did not catch)."""
    if it.heading_only:
        return it
    for p in pieces:
        if (
            p.start > it.start
            and p.start < it.end
            and p.block.kind == "heading"
            and p.start == p.block.start
            and marker_of(p.text(doc)) is None
        ):
            s, e = _strip_span(doc, it.start, p.start)
            return Item(s, e, it.title, it.style, it.number, it.heading_only, it.body_start)
    return it


def _cut_trailing_paragraphs(doc: Document, pieces: list[Piece], it: Item) -> Item:
    """The last item of a paragraph list ("三是……。") keeps the paragraphs after it only
    when they continue its sentence; a finished item followed by more paragraphs is
    followed by something else (a closing remark, the report title on the next page)."""
    if it.heading_only:
        return it
    inside = [p for p in pieces if p.start >= it.start and p.start < it.end and p.block.kind != "table"]
    end = None
    for prev, p in zip(inside, inside[1:]):
        if prev.text(doc).rstrip()[-1:] in FULL_STOP and marker_of(p.text(doc)) is None:
            end = prev.end
            break
    if end is None:
        return it
    s, e = _strip_span(doc, it.start, end)
    return Item(s, e, it.title, it.style, it.number, it.heading_only, it.body_start)


def _add_inline_continuations(doc: Document, pieces: list[Piece], starts, style: str):
    """Block-start markers of an inline-capable style, plus the same list continued
    inside paragraphs ("一是……；二是……" written in one paragraph, then "三是" in the next)."""
    rx = dict(_cfg()["inline"]).get(style)
    if rx is None:
        return starts
    seq = _inline_sequence(doc, pieces, rx)
    if len(seq) <= len(starts):
        return starts
    have = {s for s, *_ in starts}
    merged = list(starts) + [(s, b, n, style, False) for s, b, n in seq if s not in have]
    merged.sort(key=lambda t: t[0])
    # Keep one start per number in sequence order (a block marker and an inline hit coincide).
    out, expect = [], None
    for t in merged:
        n = t[2]
        if expect is None or n is None or n >= expect:
            out.append(t)
            expect = (n + 1) if n is not None else expect
    return out


def _expand_containers(doc: Document, pieces: list[Piece], items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for it in items:
        if it.heading_only and _is_excluded_part(it.title):
            continue
        if _is_container(it.title):
            inner = [
                Piece(p.block, max(p.start, it.body_start or it.start), min(p.end, it.end))
                for p in pieces
                if p.end > (it.body_start or it.start) and p.start < it.end
            ]
            # the container heading's own line is not a sub-item
            if it.heading_only and inner and inner[0].block.start == it.start:
                inner = inner[1:]
            subs = split_items(doc, inner, allow_paragraphs=False)
            if subs:
                out.extend(subs)
                continue
        out.append(it)
    return out


# --------------------------------------------------------------------------- tables


def _cell_kind(text: str) -> str | None:
    key = re.sub(r"\s+", "", text).strip("：:")
    if not key or len(key) > 12:
        return None
    for kind in KINDS:
        if _cfg()["columns"][kind].fullmatch(key):
            return kind
    return None


def _empty_cell(text: str) -> bool:
    return re.sub(r"[\s/／\-—无。]", "", text) == ""


def table_candidates(doc: Document) -> list[Candidate]:
    """Findings held in tables: a column headed 存在问题/整改建议…, or a row labelled so."""
    out: list[Candidate] = []
    for b in doc.tables:
        if not b.rows or (b.end - b.start) != len(b.text):
            continue
        rows = b.cells()
        cells: list[tuple[str, int, int, str]] = []
        header_idx = None
        columns: dict[int, str] = {}
        for i, row in enumerate(rows[:3]):
            found = {j: kind for j, (_s, _e, t) in enumerate(row) if (kind := _cell_kind(t))}
            if found:
                header_idx, columns = i, found
                break
        if header_idx is not None and len(rows[header_idx]) > 1:
            header_texts = [t for _s, _e, t in rows[header_idx]]
            for row in rows[header_idx + 1 :]:
                if [t for _s, _e, t in row] == header_texts:
                    continue  # a header row repeated on the next page
                for j, kind in columns.items():
                    if j < len(row) and not _empty_cell(row[j][2]) and len(row[j][2]) > 6:
                        cells.append((kind, row[j][0], row[j][1], row[j][2]))
        # key-value rows: "存在问题 | ……"
        for row in rows:
            row_kind = _cell_kind(row[0][2]) if len(row) >= 2 else None
            if row_kind and (header_idx is None or row is not rows[header_idx]):
                for s, e, t in row[1:]:
                    if not _empty_cell(t) and len(t) > 6:
                        cells.append((row_kind, s, e, t))
                        break
        for kind, s, e, _text in cells:
            piece = Piece(b, s, e)
            best = _best_inline(doc, [piece], cells=True)
            if best is not None:
                items = _items_from_starts(doc, [(ps, pb, n, best[0], False) for ps, pb, n in best[1]], e)
            else:
                items = _items_from_starts(doc, [(s, s, None, None, False)], e)
            for it in items:
                out.append(Candidate(kind, it, "table", table_start=b.start))
    return out


# --------------------------------------------------------------------------- merging


def _dedup_key(c: Candidate) -> str:
    return re.sub(r"[\W_]+", "", c.item.title)


def _source(c: Candidate) -> object:
    return id(c.section) if c.section is not None else ("table", c.table_start)


def _same_finding(a: Candidate, b: Candidate) -> bool:
    if _source(a) == _source(b):
        return False  # two items of one list (or one table) are two findings
    ka, kb = _dedup_key(a), _dedup_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 6 and short in long_:
        return True
    if SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.8:
        return True
    # titles differ (heading vs first sentence): compare the texts' openings
    ta, tb = (re.sub(r"[\W_]+", "", c.text)[:60] for c in (a, b))
    return len(ta) >= 20 and SequenceMatcher(None, ta, tb, autojunk=False).ratio() >= 0.85


_REGION_RANK = {"body": 0, "annex": 1, "table": 1, "summary": 2}


def _keep(group: list[Candidate]) -> Candidate:
    """The fullest copy; the body's copy when the copies are about as full."""
    preferred = min(group, key=lambda c: (_REGION_RANK.get(c.region, 1), -len(c.text)))
    longest = max(group, key=lambda c: len(c.text))
    return longest if len(longest.text) > 1.15 * len(preferred.text) else preferred


def merge_repeats(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per finding, in document order of the copies kept."""
    kept: list[Candidate] = []
    for kind in KINDS:
        groups: list[list[Candidate]] = []
        for c in (c for c in cands if c.kind == kind):
            for g in groups:
                if any(_same_finding(c, o) for o in g):
                    g.append(c)
                    break
            else:
                groups.append([c])
        for g in groups:
            k = _keep(g)
            k.group = g
            kept.append(k)
    kept.sort(key=lambda c: (_cfg()["kind_order"].index(c.kind), c.item.start))
    return kept


# --------------------------------------------------------------------------- public API


def section_candidates(doc: Document, sections: list[Section] | None = None) -> list[Candidate]:
    """Finding candidates from the located sections (repeats not yet merged)."""
    out: list[Candidate] = []
    sections = sections if sections is not None else find_sections(doc)
    for k, sec in enumerate(sections):
        kind = sec.kind
        if kind == "combined":
            # "（三）存在的问题及改进措施" whose items each state a problem and its fix:
            # without parts of its own, its items are the problems.
            nxt = sections[k + 1] if k + 1 < len(sections) else None
            has_parts = (
                nxt is not None
                and nxt.kind in KINDS
                and nxt.start <= sec.end + 2
                and (sec.level is None or nxt.level is None or nxt.level > sec.level)
            )
            if has_parts or not sec.blocks or not _cfg()["problem_words"].search(sec.key):
                continue
            kind = "problem"
        if kind not in KINDS:
            continue
        for it in split_items(doc, _pieces(doc, sec)):
            out.append(Candidate(kind, it, sec.region, sec))
    return out


def extract_findings(doc: Document) -> list[dict[str, Any]]:
    """The report's findings as contract dicts (``shared/contract``: ``findings``).

    Each finding: ``kind``, ``ordinal`` (from 1 within its kind), ``title``, ``text``
    (the cleaned ``doc.text[span[0]:span[1]]``), ``category`` (taxonomy key),
    ``page``, ``span`` and ``responds_to`` (recommendations: the ordinal of the
    problem answered, or None).
    """
    cands = section_candidates(doc) + table_candidates(doc)
    for c in cands:
        c.text = clean_text(doc.text[c.item.start : c.item.end])
    kept = [c for c in merge_repeats(cands) if c.text]
    findings: list[dict[str, Any]] = []
    counters = {k: 0 for k in KINDS}
    for c in kept:
        counters[c.kind] += 1
        title = c.item.title or _title_from(c.text)
        findings.append(
            {
                "kind": c.kind,
                "ordinal": counters[c.kind],
                "title": title,
                "text": c.text,
                "category": classifier.classify(title, c.text, kind=c.kind),
                "page": doc.page_at(c.item.start),
                "span": [c.item.start, c.item.end],
                "responds_to": None,
            }
        )
    classifier.link_recommendations(findings)
    return findings


__all__ = ["extract_findings", "split_items", "table_candidates", "merge_repeats", "section_candidates", "clean_text"]
