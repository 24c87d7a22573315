"""Find page furniture — running headers, footers and page numbers — on laid-out pages.

Furniture is recognised generally, not per file: a line is furniture when it sits
among the outermost lines of a page inside the top or bottom margin band and
either looks like a page number (``— 7 —``, ``- 3 -``, ``第3页``, ``第 3 页 共 7 页``,
``ii``; regexes in ``patterns/page_furniture.yaml``) or repeats, digits aside, on
several pages in the same band (a running header such as the report's title).
Works on text-layer and OCR'd pages alike.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from .. import patterns
from .page import Line, PageContent
from .normalize import normalize_text


@lru_cache(maxsize=1)
def _config() -> dict:
    return patterns.load("page_furniture.yaml")


@lru_cache(maxsize=1)
def _page_number_rx() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _config()["page_number"]]


@lru_cache(maxsize=1)
def _footer_lines() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _config()["page_footer_lines"]]


def is_footer_line(line: str) -> bool:
    """A page-footer/page-number line (``— 7 —``, ``第 3 页 共 7 页``) wherever it stands: the readers of
    text and Word files and the layout step drop it as furniture."""
    return any(p.match(line) for p in _footer_lines())


def is_page_number(text: str) -> bool:
    """Whether ``text`` (one whole line) reads as a page number."""
    t = normalize_text(text).strip()
    return bool(t) and any(rx.match(t) for rx in _page_number_rx())


def _key(text: str) -> str:
    """Repetition key: whitespace removed, every run of digits (or a roman page number) as '#'."""
    t = re.sub(r"\s+", "", normalize_text(text))
    return re.sub(r"\d+", "#", t)


def _band(line: Line, page: PageContent, band: float) -> str | None:
    centre = (line.top + line.bottom) / 2
    if centre < band * page.height:
        return "top"
    if centre > (1 - band) * page.height:
        return "bottom"
    return None


def _candidates(page: PageContent) -> list[tuple[int, str]]:
    """``(line index, band)`` for the outermost lines of ``page`` lying in a margin band."""
    cfg = _config()
    band, k = float(cfg["margin_band"]), int(cfg["outermost_lines"])
    n = len(page.lines)
    order = sorted(range(n), key=lambda i: page.lines[i].top)
    outer = set(order[:k]) | set(order[-k:])
    out = []
    for i in sorted(outer):
        where = _band(page.lines[i], page, band)
        if where:
            out.append((i, where))
    return out


def find_furniture(pages: Sequence[PageContent]) -> list[set[int]]:
    """For each page, the indices of its lines that are headers, footers or page numbers."""
    cfg = _config()
    min_pages = int(cfg["min_repeat_pages_short_doc"] if len(pages) <= 4 else cfg["min_repeat_pages"])
    fuzzy = float(cfg["fuzzy_ratio"])
    result: list[set[int]] = [set() for _ in pages]
    # (band, key) -> set of page positions; keys of near-identical text are clustered.
    clusters: list[tuple[str, str, set[int]]] = []
    members: list[tuple[int, int, str, str]] = []  # page pos, line index, band, key
    numbers: list[tuple[int, int, str, float]] = []  # page pos, line index, band, top of each page-number line
    for p, page in enumerate(pages):
        for i, where in _candidates(page):
            text = page.lines[i].text
            if is_page_number(text):
                numbers.append((p, i, where, page.lines[i].top))
                continue
            key = _key(text)
            if not key:
                continue
            members.append((p, i, where, key))
            for cband, ckey, cpages in clusters:
                if cband == where and (ckey == key or _similar(ckey, key, fuzzy)):
                    cpages.add(p)
                    break
            else:
                clusters.append((where, key, {p}))
    for p, i in _numbered(_one_number_a_page(numbers), pages):
        result[p].add(i)
    for p, i, where, key in members:
        for cband, ckey, cpages in clusters:
            if cband == where and (ckey == key or _similar(ckey, key, fuzzy)):
                if len(cpages) >= min_pages:
                    result[p].add(i)
                break
    return result


def _one_number_a_page(numbers: list[tuple[int, int, str, float]]) -> list[tuple[int, int]]:
    """The page-number lines of ``numbers`` (page pos, line index, band, top) that are page numbers: a
    page prints its number once, in the band where the document prints them (the band most of its number
    lines are in), as the outermost of the lines there.  A second number line on a page, in the other
    band, is the page's text — a table's cell or a form's value that a page break set at the head of a
    page (99 over a page numbered 2) — and so is one above the page number in its band (a form's last
    value, 7, right over the page's 2)."""
    bands = Counter(where for _p, _i, where, _t in numbers)
    per_page = Counter(p for p, _i, _w, _t in numbers)
    usual = bands.most_common(1)[0][0] if bands else None
    kept = [(p, i, where, top) for p, i, where, top in numbers if per_page[p] == 1 or where == usual]
    outermost: dict[tuple[int, str], tuple[int, int, str, float]] = {}
    for n in kept:
        p, _i, where, top = n
        o = outermost.get((p, where))
        if o is None or (top > o[3] if where == "bottom" else top < o[3]):
            outermost[(p, where)] = n
    return [(p, i) for p, i, _w, _t in outermost.values()]


_BARE_NUMBER = re.compile(r"\d{1,4}")


def _numbered(found: list[tuple[int, int]], pages: Sequence[PageContent]) -> list[tuple[int, int]]:
    """The page-number lines of ``found`` (page pos, line index) that the document's numbering bears out.

    A bare number (7, 99: no dashes, no 第…页 around it) is a page's number only where another page's
    number runs in step with it — the same difference between number and page position (pages 3 and 4
    numbered 1 and 2, a cover unnumbered) — or in a one-page document, where nothing can bear it out.
    A scan whose pages print no number (a table or form scanned page by page) has none in step: a cell's
    value that a page break set at the head of a page (99 on page 5, 0 on page 3 and 10 on page 7) is the
    page's text, as it is in the text of the same report."""
    if len(pages) < 2:
        return found
    texts = [normalize_text(pages[p].lines[i].text).strip() for p, i in found]
    # (number minus page position, for each line printing one number; ``found`` holds one line a page, so an
    # offset counted twice is another page's number in step)
    offsets = [int(d[0]) - p if len(d := re.findall(r"\d+", t)) == 1 else None for (p, _i), t in zip(found, texts)]
    in_step = Counter(o for o in offsets if o is not None)
    return [
        (p, i)
        for (p, i), text, offset in zip(found, texts, offsets)
        if not (_BARE_NUMBER.fullmatch(text) and (offset is None or in_step[offset] < 2))
    ]


def _similar(a: str, b: str, ratio: float) -> bool:
    if min(len(a), len(b)) < 4:
        return False
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sm.real_quick_ratio() >= ratio and sm.quick_ratio() >= ratio and sm.ratio() >= ratio


__all__ = ["find_furniture", "is_page_number"]
