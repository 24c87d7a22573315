"""Locate the parts of a report that hold findings (problems, recommendations, experiences).

Works on the document model only (blocks with offsets), so every reader — text
dump, Word, PDF text layer, OCR — feeds the same logic.  A section starts at a
heading (a heading block, a short numbered or unnumbered paragraph, or the run-in
heading of a paragraph such as "2.存在的问题。一是……") whose *key* matches a section
name in ``patterns/sections.yaml``.  It runs until the next heading of the same or
an outer numbering level, the next section heading, a stop heading (摘要, 附件 …), a
signature/date line, or the end of the summary it sits in.

Each section also knows its *region*: ``summary`` (inside a 摘要 that repeats the
report), ``annex`` (after 附件 in the second half of the report) or ``body``; the
findings step uses it to keep one copy of a repeated finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Iterable

from ... import patterns
from ..cjk import SENTENCE_END, chinese_number
from ..document import Block, Document
from ..normalize import fold_one_for_one
from ..structure import classify as classify_heading
from ..structure import numbering_of

KINDS = ("problem", "recommendation", "experience")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def numeral_value(text: str) -> int | None:
    """Value of the number inside a list marker: "（三）" → 3, "12." → 12, "十一是" → 11, "②" → 2."""
    for ch in text:
        if ch in _CIRCLED:
            return _CIRCLED.index(ch) + 1
    digits = re.search(r"[0-9]+", text)
    if digits:
        return int(digits.group(0))
    cn = re.search(r"[一二三四五六七八九十]+", text)
    value = chinese_number(cn.group(0)) if cn else None
    return int(value) if value is not None else None


@dataclass(frozen=True)
class Marker:
    """A list/heading marker at the start of a block's text."""

    style: str  # numbering style name ("chinese_paren", "arabic_dot", "shi" …)
    level: int  # 1 = 一、 … 5 = ①, 6 = inline-type markers (一是)
    number: int | None
    length: int  # characters of the marker (and spaces after it) at the start of the text
    form: str = ""  # the marker with its number replaced by "#": "#." and "#、" are different lists


@dataclass
class Section:
    """One located finding section.

    ``blocks`` are the blocks under the heading; for a run-in heading the heading
    block itself is the first of them and the content begins at ``content_start``.
    """

    kind: str  # "problem", "recommendation", "experience", or "combined"
    heading: Block
    title: str  # the heading as printed (run-in part only)
    key: str  # the heading's key: numbering, spaces and trailing punctuation removed
    level: int | None  # numbering level of the heading (None: unnumbered)
    region: str  # "body", "summary" or "annex"
    start: int  # offset of the heading in doc.text
    content_start: int  # offset where the content begins
    end: int  # offset where the section ends (exclusive)
    blocks: list[Block] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "key": self.key,
            "level": self.level,
            "region": self.region,
            "start": self.start,
            "content_start": self.content_start,
            "end": self.end,
            "page": self.heading.page,
            "blocks": len(self.blocks),
        }


# --------------------------------------------------------------------------- patterns


@lru_cache(maxsize=1)
def _cfg() -> dict[str, Any]:
    data = patterns.load("sections.yaml")
    full = lambda items: [re.compile(p) for p in items]  # noqa: E731
    return {
        "kinds": {k: full(v) for k, v in data["kinds"].items()},
        "kind_words": {k: re.compile(v) for k, v in data["kind_words"].items()},
        "exclude": full(data["exclude"]),
        "stop": full(data["stop_headings"]),
        "summary": full(data["summary_headings"]),
        "annex": full(data["annex_headings"]),
        "terminators": full(data["terminators"]),
        "toc": re.compile(data["toc_line"]),
        "noise": full(data["noise_lines"]),
        "key_noise": re.compile(data["key_noise"]),
        "run_in_suffix": re.compile(data["run_in_suffix"]),
        "block_markers": [(m["name"], int(m["level"]), re.compile(m["regex"])) for m in data["block_markers"]],
    }


def _fullmatch_any(rxs: Iterable[re.Pattern[str]], text: str) -> bool:
    return any(rx.fullmatch(text) for rx in rxs)


@lru_cache(maxsize=8192)
def marker_of(text: str) -> Marker | None:
    """The list/heading marker a block's text starts with, if any."""
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    found = numbering_of(stripped)
    if found is not None:
        name, level, marker = found
        length = lead + len(marker)
    else:
        for style, style_level, rx in _cfg()["block_markers"]:
            m = rx.match(stripped)
            if m:
                name, level, marker = style, style_level, m.group(0)
                length = lead + m.end()
                break
        else:
            return None
    while length < len(text) and text[length] in " \t":
        length += 1
    return Marker(name, level, numeral_value(marker), length, _form(marker))


def _form(marker: str) -> str:
    form = re.sub(r"[0-9]+|[一二三四五六七八九十]+|[①-⑳]", "#", re.sub(r"\s+", "", marker))
    return form.replace("（", "(").replace("）", ")").replace("．", ".")


def clean_key(text: str) -> str:
    """A heading's key: artefacts, numbering, whitespace and edge punctuation removed, in simplified
    half-width characters (a mirror's 有關建議 is 有关建议: the section names are written simplified)."""
    text = _cfg()["key_noise"].sub("", fold_one_for_one(text))
    m = marker_of(text)
    if m is not None and m.level <= 5:
        text = text[m.length :]
    text = re.sub(r"\s+", "", text).strip("。：:；;，,.．、!！?？*")
    return _cfg()["run_in_suffix"].sub("", text) if len(text) > 3 else text


def is_noise(text: str) -> bool:
    """Page furniture a reader left in (page numbers, footers)."""
    t = text.strip()
    return any(rx.search(t) for rx in _cfg()["noise"])


def is_terminator(text: str) -> bool:
    """A signature, date or annex line that ends the last section's text."""
    t = re.sub(r"\s+", "", _cfg()["key_noise"].sub("", text))
    if t.endswith("。"):
        return False  # a sentence ("附件6-5。" closing a broken line) is not a signature
    return any(rx.search(t) for rx in _cfg()["terminators"])


# A paragraph ending in none of these (nor in a colon) runs on into the next block.
_RUNS_ON_UNLESS = SENTENCE_END + "：:"


def continues_previous(doc: Document, index: int) -> bool:
    """Whether block ``index`` continues the paragraph before it (a line a page, a
    converter or OCR broke: "……详见" + "附件 6-5。"), so that it can be no heading,
    annex start or signature."""
    blocks = doc.blocks
    for k in range(index - 1, -1, -1):
        prev = blocks[k]
        if prev.kind == "table" or is_noise(prev.text):
            continue
        return prev.kind == "paragraph" and prev.text.rstrip()[-1:] not in _RUNS_ON_UNLESS
    return False


def _continuations(doc: Document) -> list[bool]:
    """:func:`continues_previous` for every block, in one pass (linear in the blocks)."""
    out: list[bool] = []
    last: Block | None = None  # the last block that is neither a table nor page furniture
    for b in doc.blocks:
        out.append(last is not None and last.kind == "paragraph" and last.text.rstrip()[-1:] not in _RUNS_ON_UNLESS)
        if b.kind != "table" and not is_noise(b.text):
            last = b
    return out


def is_toc_line(text: str) -> bool:
    return bool(_cfg()["toc"].search(text.rstrip()))


def kind_of_key(key: str) -> str | None:
    """``problem`` / ``recommendation`` / ``experience`` / ``combined`` for a heading key, else None."""
    if not key or len(key) > 40:
        return None
    cfg = _cfg()
    if _fullmatch_any(cfg["exclude"], key):
        return None
    named = {k for k, rx in cfg["kind_words"].items() if rx.search(key)}
    matched = [k for k in KINDS if _fullmatch_any(cfg["kinds"][k], key)]
    if len(named) >= 2 and (matched or len(key) <= 30):
        return "combined"
    if matched:
        return matched[0]
    return _near_canonical(key)


def _near_canonical(key: str) -> str | None:
    """The kind of a common section name ``key`` is one misread character away from."""
    if len(key) < 5 or len(key) > 12:
        return None
    data = patterns.load("sections.yaml")
    ratio = float(data.get("ocr_ratio", 0.8))
    for kind, names in data.get("canonical", {}).items():
        for name in names:
            if abs(len(name) - len(key)) <= 1 and SequenceMatcher(None, key, name, autojunk=False).ratio() >= ratio:
                return kind
    return None


# --------------------------------------------------------------------------- headings


@dataclass
class _Heading:
    index: int  # block index
    title: str
    key: str
    level: int | None
    content_start: int


def heading_of(block: Block) -> tuple[str, int] | None:
    """``(title, content_start)`` when a block can be a section heading.

    A heading block is one whole; a paragraph counts when it is short, or when it
    opens with a run-in heading ("2.存在的问题。一是……", "存在问题：一是……").
    """
    if block.kind == "table":
        return None
    text = block.text
    if block.kind == "heading":
        return text, block.end
    if len(re.sub(r"\s+", "", text)) <= 30 and not re.search(r"[。；;]\S", text):
        return text, block.end
    info = classify_heading(text)
    if info is not None and info.rest:
        pos = text.find(info.rest, max(0, len(info.title) - 2))
        if pos > 0:
            return info.title, block.start + pos
    m = re.match(r"^\s*([^，。；：:,;]{2,24}?)[：:]\s*", text)
    if m and kind_of_key(clean_key(m.group(1))) in KINDS:
        return m.group(1), block.start + m.end()
    return None


def _toc_indices(doc: Document) -> set[int]:
    """Blocks of a table of contents: TOC-like lines, and the run after a 目录 heading
    until a line repeats one already seen there (the body restarting)."""
    out: set[int] = set()
    seen: set[str] = set()
    in_toc = False
    for i, b in enumerate(doc.blocks):
        if b.kind == "table":
            continue
        key = clean_key(b.text)
        if is_toc_line(b.text) and len(b.text) <= 80:
            out.add(i)
            seen.add(clean_key(_cfg()["toc"].sub("", b.text.rstrip())).rstrip(".．…·"))
            in_toc = True
            continue
        # (a contents heading naming what it lists: 决算公开目录)
        if re.fullmatch(r"[\u4e00-\u9fff]{0,6}目录", key):
            out.add(i)
            in_toc = True
            continue
        if in_toc:
            if key in seen or len(b.text) > 60:
                in_toc = False
            else:
                out.add(i)
                seen.add(key)
    return out


def _regions(doc: Document, cont: list[bool] | None = None) -> list[str]:
    """Per block: ``summary``, ``annex`` or ``body``."""
    cfg = _cfg()
    if cont is None:
        cont = _continuations(doc)
    regions = ["body"] * len(doc.blocks)
    in_summary = False
    seen_first = False
    half = len(doc.text) / 2
    annex = False
    for i, b in enumerate(doc.blocks):
        key = clean_key(b.text) if b.kind != "table" else ""
        if (
            not annex
            and b.start > half
            and b.kind != "table"
            and marker_of(b.text) is None
            and len(key) <= 40
            and not b.text.rstrip().endswith("。")
            and not cont[i]
            and _fullmatch_any(cfg["annex"], key)
        ):
            annex = True
        if annex:
            regions[i] = "annex"
            continue
        if b.kind != "table" and _fullmatch_any(cfg["summary"], key) and not is_toc_line(b.text):
            in_summary, seen_first = True, False
            regions[i] = "summary"
            continue
        if in_summary and b.kind != "table":
            m = marker_of(b.text)
            if m is not None and m.level == 1 and m.style == "chinese_dun":
                if m.number == 1 and seen_first:
                    in_summary = False
                seen_first = True
            elif seen_first and re.search(r"绩效(自)?评价报告$", key) and len(key) <= 60:
                in_summary = False  # the report title repeated: the full report begins
        if in_summary:
            regions[i] = "summary"
    if "summary" not in regions:
        _summary_by_restart(doc, regions)
    return regions


def _summary_by_restart(doc: Document, regions: list[str]) -> None:
    """No 摘要 heading found (or a reader glued it to the title): a level-1 list that
    restarts at 一、 in the first half of the report means the part before the
    restart is a summary the full report repeats."""
    firsts = [
        i
        for i, b in enumerate(doc.blocks)
        if b.kind != "table"
        and regions[i] == "body"
        and (m := marker_of(b.text)) is not None
        and m.style == "chinese_dun"
        and m.number == 1
        and not is_toc_line(b.text)
    ]
    if len(firsts) < 2:
        return
    restart = firsts[1]
    if doc.blocks[restart].start > len(doc.text) / 2:
        return
    for i in range(firsts[0], restart):
        regions[i] = "summary"


def _candidates(doc: Document, toc: set[int], cont: list[bool]) -> list[tuple[_Heading, str]]:
    out = []
    for i, b in enumerate(doc.blocks):
        if i in toc:
            continue
        found = heading_of(b)
        if found is None or (b.kind == "paragraph" and cont[i]):
            continue
        title, content_start = found
        key = clean_key(title)
        kind = kind_of_key(key)
        if kind is None:
            continue
        m = marker_of(title)
        level = m.level if m is not None and m.level <= 5 else None
        out.append((_Heading(i, title.strip(), key, level, content_start), kind))
    return out


def _extent_end(doc: Document, h: _Heading, regions: list[str], stops: set[int], cont: list[bool]) -> int:
    """Index of the first block after heading ``h`` that is not part of its section."""
    cfg = _cfg()
    first_level: int | None = None
    region = regions[h.index]
    own = marker_of(h.title)
    sub_expect: int | None = None  # a sub-list numbered in the heading's own style
    j = h.index + 1
    while j < len(doc.blocks):
        b = doc.blocks[j]
        if j in stops or regions[j] != region:
            return j
        if b.kind != "table":
            if is_terminator(b.text) and not cont[j]:
                return j
            m = marker_of(b.text)
            if m is not None and m.level <= 5 and h.level is not None and own is not None and m.level == h.level:
                # "2.存在问题" over "1、……" (another form), or over "1.……" restarting at 1
                if m.form != own.form or (sub_expect is None and first_level is None and m.number == 1 != own.number):
                    sub_expect = sub_expect or 1
                if sub_expect is not None and (m.form != own.form or m.number == sub_expect):
                    sub_expect = (m.number or sub_expect) + 1
                    first_level = first_level or m.level
                    j += 1
                    continue
            if m is not None and m.level <= 5:
                if h.level is not None and m.level <= h.level:
                    return j
                if h.level is None:
                    if first_level is None:
                        first_level = m.level
                    elif m.level < first_level:
                        return j
            elif m is None and b.kind == "heading":
                key = clean_key(b.text)
                if _fullmatch_any(cfg["stop"], key) or _fullmatch_any(cfg["summary"], key):
                    return j
        j += 1
    return j


def find_sections(doc: Document) -> list[Section]:
    """The finding sections of ``doc`` in document order (combined sections included)."""
    cont = _continuations(doc)
    toc = _toc_indices(doc)
    regions = _regions(doc, cont)
    cands = _candidates(doc, toc, cont)

    # A heading of kind K nested (deeper) inside a section of kind K is an item of
    # that section ("资金管理中存在的问题" under "存在的问题"), not a section of its own.
    # Only numbered sections can hold such items, and only while they are open (candidates
    # come in document order), so only those are kept and measured: linear in the blocks.
    kept: list[tuple[_Heading, str]] = []
    open_ends: list[tuple[str, int, int]] = []  # (kind, level, end index) of open numbered sections
    for h, kind in cands:
        open_ends = [e for e in open_ends if h.index < e[2]]
        nested = any(k == kind and (h.level is None or h.level > lvl) for k, lvl, _end in open_ends)
        if nested:
            continue
        kept.append((h, kind))
        if h.level is not None:
            open_ends.append((kind, h.level, _extent_end(doc, h, regions, set(), cont)))

    stops = {h.index for h, _ in kept}
    sections: list[Section] = []
    for h, kind in kept:
        end_index = _extent_end(doc, h, regions, stops, cont)
        heading = doc.blocks[h.index]
        first = h.index if h.content_start < heading.end else h.index + 1
        blocks = doc.blocks[first:end_index]
        end = blocks[-1].end if blocks else heading.end
        sections.append(
            Section(
                kind=kind,
                heading=heading,
                title=h.title,
                key=h.key,
                level=h.level,
                region=regions[h.index],
                start=heading.start,
                content_start=h.content_start,
                end=max(end, h.content_start),
                blocks=blocks,
            )
        )
    return sections


__all__ = [
    "Section",
    "Marker",
    "find_sections",
    "marker_of",
    "clean_key",
    "kind_of_key",
    "heading_of",
    "is_noise",
    "is_terminator",
    "is_toc_line",
    "continues_previous",
    "numeral_value",
    "KINDS",
]
