"""Canonical table form, shared by every reader (see ``notes/TABLES.md``).

A table is a rectangular ``list[list[str]]``; a merged cell's text is repeated in
every grid slot it covers, so that one table read from a Word file, a PDF, a scan
or a text dump compares equal cell by cell.  The helpers here are the only place
that knows how merged cells and continued tables are resolved:

- :func:`grid_from_spans` — cells with ``colspan``/``rowspan`` (Word ``gridSpan`` /
  ``vMerge``, HTML ``colspan``/``rowspan``) → canonical grid.
- :func:`fill_blank_merged` — the text-dump convention: an empty cell stands for a
  merged cell; it takes the text above when there is a row above, else from the left.
- :func:`repeated_header_rows` / :func:`join_continued` — a table continued on the
  next page that repeats its header rows is one table; the repeats are dropped.

Every cell's text is normalised and put on one line by
:func:`jixiao.extractor.cjk.clean_cell`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .cjk import clean_cell
from .normalize import normalize_text

Rows = list[list[str]]


@dataclass
class SpanCell:
    """One cell as a source format stores it: text plus how many grid slots it spans."""

    text: str
    colspan: int = 1
    rowspan: int = 1


def rectangular(rows: Rows) -> Rows:
    """Pad short rows with empty cells so every row has the same width."""
    width = max((len(r) for r in rows), default=0)
    return [list(r) + [""] * (width - len(r)) for r in rows]


def grid_from_spans(rows: list[list[SpanCell]]) -> Rows:
    """Resolve ``colspan``/``rowspan`` cells into the canonical rectangular grid.

    Rows list only the cells that start in them (HTML convention); a cell with
    ``rowspan`` > 1 occupies the same columns of the following rows.  Every slot a
    cell covers gets its (cleaned) text.
    """
    grid: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            while (r, c) in grid:  # slot taken by a rowspan from above
                c += 1
            text = clean_cell(normalize_text(cell.text))
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    grid.setdefault((r + dr, c + dc), text)
            c += max(1, cell.colspan)
    if not grid:
        return []
    n_rows = max(r for r, _ in grid) + 1
    n_cols = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


_PLACEHOLDER = re.compile(r"[/／—–－\-]+")
_VALUE_CHARS = re.compile(r"[\d.,，%％]")


def is_value_cell(text: str) -> bool:
    """A cell that holds a value, not words: a number with at most a two-character unit or sign
    (``500``, ``96%``, ``120公里``, ``≥10年``) or a placeholder dash (``—``, ``/``)."""
    t = re.sub(r"\s", "", text)
    if not t:
        return False
    if _PLACEHOLDER.fullmatch(t):
        return True
    return any(ch.isdigit() for ch in t) and len(_VALUE_CHARS.sub("", t)) <= 2


def fill_blank_merged(rows: Rows) -> Rows:
    """Text-dump convention: an empty cell is the continuation of a merged cell.

    It takes the text of the cell above when there is a row above, else the text
    of the cell to its left (a horizontally merged header in the first row).  Only words are
    carried: a blank under or beside a value (``500``, ``96%``, ``—``) is an empty cell, as a
    spreadsheet copied as tab-separated text leaves a form's unfilled amounts (其他资金 |  |  | ),
    never a merged number.
    """
    out = [list(r) for r in rectangular(rows)]
    for r, row in enumerate(out):
        for c, cell in enumerate(row):
            if cell.strip():
                continue
            if r > 0:
                source = out[r - 1][c]
            elif c > 0:
                source = row[c - 1]
            else:
                continue
            if not is_value_cell(source):
                row[c] = source
    return out


def merged_repeats(rows: Rows) -> set[tuple[int, int]]:
    """The slots of a canonical grid that repeat the words of the cell above or to their left: the
    continuation of a merged cell (项目资金（万元） down a form's funds rows), not a cell of its own.
    Values (``500 | 500 | 480``) are never repeats: equal amounts side by side are separate cells."""
    out: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not cell.strip() or is_value_cell(cell):
                continue
            above = rows[r - 1][c] if r > 0 and c < len(rows[r - 1]) else None
            left = row[c - 1] if c > 0 else None
            if cell in (above, left):
                out.add((r, c))
    return out


def _key(row: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", normalize_text(c)) for c in row]


def _rows_match(a: list[str], b: list[str], tolerance: float) -> bool:
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    if tolerance <= 0 or len(ka) != len(kb):
        return False
    # OCR'd header repeats differ by a few characters ("参保人数（人）" vs "参保人数"):
    # compare the whole row's text.
    ratio = SequenceMatcher(None, "|".join(ka), "|".join(kb), autojunk=False).ratio()
    return ratio >= 1.0 - tolerance


def repeated_header_rows(first: Rows, continuation: Rows, max_header: int = 3, *, tolerance: float = 0.0) -> int:
    """How many leading rows of ``continuation`` repeat the leading rows of ``first``.

    0 when the continuation does not start with ``first``'s header.  Whitespace is
    ignored; at most ``max_header`` rows count as a header, and a table whose every
    row would be "header" is not a repeat.  ``tolerance`` (0..1) accepts rows whose
    text similarity is at least ``1 - tolerance`` — for OCR'd pages, where a repeated
    header is rarely read identically twice (0.2 is a good value there).
    """
    n = 0
    limit = min(max_header, len(first) - 1, len(continuation))
    while n < limit and _rows_match(first[n], continuation[n], tolerance):
        n += 1
    return n


def join_continued(
    first: Rows, continuation: Rows, *, require_header: bool = True, tolerance: float = 0.0
) -> Rows | None:
    """``first`` + ``continuation`` as one table, the repeated header rows dropped.

    Returns ``None`` when the two do not look like one table: different widths, or
    (with ``require_header``) no repeated header rows.  PDF readers that know from
    the page geometry that a table runs on can pass ``require_header=False``; OCR
    readers should pass a ``tolerance`` (see :func:`repeated_header_rows`).
    """
    if not first or not continuation:
        return None
    if len(first[0]) != len(continuation[0]):
        return None
    n = repeated_header_rows(first, continuation, tolerance=tolerance)
    if n == 0 and require_header:
        return None
    return [list(r) for r in first] + [list(r) for r in continuation[n:]]


def caption_rows(rows: Rows) -> int:
    """How many of a table's first rows are one cell merged across its whole width.

    A form's title and year line are often set inside the table, in full-width merged rows
    (``…绩效自评表`` over ``(2023年度)`` over the form's cells); a converter flattens them to
    ``标题 | |||||``.  They are the document's title, not cells: the readers give them as text
    before the table, as a title printed above the table would read.  The merged cell's text is
    in every slot of a canonical grid; at least two ordinary rows must follow.
    """
    n = 0
    while n < len(rows) - 2 and len(rows[n]) > 1 and rows[n][0].strip() and len(set(rows[n])) == 1:
        n += 1
    return n


def squash_rows(rows: Rows) -> Rows:
    """A comparison key for a table: every cell with whitespace removed."""
    return [_key(r) for r in rows]


__all__ = [
    "Rows",
    "caption_rows",
    "SpanCell",
    "rectangular",
    "grid_from_spans",
    "fill_blank_merged",
    "is_value_cell",
    "merged_repeats",
    "repeated_header_rows",
    "join_continued",
    "squash_rows",
]
