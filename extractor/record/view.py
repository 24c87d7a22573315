"""A matching view of document text that maps back to exact offsets.

Extraction leaves text in odd shapes: ``2024 年 10 月`` (spaces between CJK and
digits), lines hard-wrapped mid-word, full-width forms, traditional characters
from mirror sites.  Patterns are written once, against plain simplified text
with no stray whitespace; :class:`View` is that text, and :meth:`View.span`
turns a match in it back into ``[start, end)`` in the document text, so every
value keeps the exact words it came from.

What the view does, character by character (never reordering):

* full-width digits, letters and number symbols → half-width (``８６．５`` → ``86.5``), and a
  full-width comma between a number's thousands → ``,`` (``1，234.56`` → ``1,234.56``), and a
  full-width colon between two digits → ``:`` (a time ``10：17：38``, a ratio ``1：2``);
* traditional → simplified, one character at a time (OpenCC ``t2s``; a character
  whose conversion is not one character is kept);
* pinyin glosses that mirror sites put after characters (``績(jì)效``) are dropped;
* a letter-spaced number (``8 6 . 5``, ``2 0 2 1``) is read as one number;
* a run of whitespace is dropped, except a single space kept between two
  letters or digits (``100 86.5`` stays two numbers) and a line break kept
  where a *block* ends (so a pattern can stop at a paragraph or a table row);
  a tab (a table cell boundary) is kept as one tab.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..normalize import RUBY as _RUBY
from ..normalize import normalize_text, number_punctuation, simplified, simplified_chars

_ALNUM = re.compile(r"[0-9A-Za-z]")
# A letter-spaced number: single digits around a spaced point (8 6 . 5), or a year's four
# digits before 年 (2 0 2 1 年), or a month's or day's two digits after a spaced year
# (2 0 2 3 年 1 0 月 1 2 日).  Single digits in a row without those are a flattened
# table's cells (3 3 1 1) and stay apart.
_SPACED_DIGITS = re.compile(
    r"(?<![\d.])(?:\d ){1,2}\. (?:\d ?){0,3}\d(?![\d.])|(?<![\d.])(?:\d ){3}\d(?= ?年)|(?<=[年月] )\d \d(?= ?[月日])"
)

_WS = re.compile(r"\s+")


def _kept_space(run: str, prev: str, nxt: str, at_break: bool) -> str:
    """What a whitespace run between ``prev`` and ``nxt`` (the characters the view keeps on either
    side; "" at an end) becomes in the view: a line break where a block ends, a tab (a cell
    boundary), one space between two letters or digits, else nothing."""
    if prev and nxt and at_break:
        return "\n"
    if prev and nxt and "\t" in run:
        return "\t"
    if prev and nxt and _ALNUM.match(prev) and _ALNUM.match(nxt):
        return " "
    return ""


def fold(text: str) -> str:
    """``text`` as the view sees it, without offsets (for keys and comparisons)."""
    return View.of(text).text


@dataclass
class View:
    """Normalised text (``text``) and, per character, its ``[start, end)`` in the source text."""

    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, source: str, base: int = 0, breaks: Iterable[int] = ()) -> View:
        """The view of ``source`` (whose first character is at offset ``base``).

        ``breaks`` are source offsets (absolute) where a block ends: a whitespace
        run that contains one becomes a line break instead of being dropped.
        """
        norm = normalize_text(source)
        if len(norm) != len(source):  # invisible marks dropped: map through the unchanged text
            norm = "".join(normalize_text(c) or " " for c in source)
        norm = number_punctuation(norm)
        breakset = set(breaks)
        dropped: set[int] = set()
        for m in _RUBY.finditer(norm):
            dropped.update(range(m.start(), m.end()))
        for m in _SPACED_DIGITS.finditer(norm):  # 8 6 . 5 and 2 0 2 1 (letter-spaced): one number
            dropped.update(k for k in range(m.start(), m.end()) if norm[k] == " ")
        if not dropped:
            return cls._of_plain(norm, base, breakset)
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, n = 0, len(norm)
        while i < n:
            ch = norm[i]
            if i in dropped:
                i += 1
                continue
            if ch.isspace():
                j = i
                while j < n and norm[j].isspace():
                    j += 1
                prev = out[-1] if out else ""
                nxt = norm[j] if j < n else ""
                keep = _kept_space(norm[i:j], prev, nxt, any(base + k in breakset for k in range(i, j + 1)))
                if keep:
                    out.append(keep)
                    starts.append(base + i)
                    ends.append(base + j)
                i = j
                continue
            out.append(simplified(ch))
            starts.append(base + i)
            ends.append(base + i + 1)
            i += 1
        return cls("".join(out), starts, ends)

    @classmethod
    def _of_plain(cls, norm: str, base: int, breakset: set[int]) -> View:
        """:meth:`of` when no character is dropped (no pinyin gloss, no letter-spaced number):
        the same view, made a run of characters at a time rather than one at a time."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        n, pos = len(norm), 0
        for m in _WS.finditer(norm):  # \s is str.isspace(), character for character
            i, j = m.span()
            if i > pos:
                out.append(simplified_chars(norm[pos:i]))
                starts.extend(range(base + pos, base + i))
                ends.extend(range(base + pos + 1, base + i + 1))
            prev = out[-1][-1] if out else ""
            nxt = norm[j] if j < n else ""
            keep = _kept_space(m.group(), prev, nxt, any(base + k in breakset for k in range(i, j + 1)))
            if keep:
                out.append(keep)
                starts.append(base + i)
                ends.append(base + j)
            pos = j
        if pos < n:
            out.append(simplified_chars(norm[pos:]))
            starts.extend(range(base + pos, base + n))
            ends.extend(range(base + pos + 1, base + n + 1))
        return cls("".join(out), starts, ends)

    @classmethod
    def of_document(cls, doc: Document) -> View:
        """The whole document, one line per block (table rows are lines, cells tab-separated)."""
        breaks = [b.end for b in doc.blocks]
        breaks += [b.start + m.start() for b in doc.tables for m in re.finditer("\n", b.text)]
        return cls.of(doc.text, 0, breaks)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[start, end)`` of the view's ``text[start:end]`` (trimmed to what it shows)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        s, e = start, end
        while s < e - 1 and self.text[s] in " \n\t":
            s += 1
        while e - 1 > s and self.text[e - 1] in " \n\t":
            e -= 1
        return self.starts[s], self.ends[e - 1]

    def index(self, source_offset: int) -> int:
        """The view position of the first character at or after ``source_offset``."""
        return bisect_right(self.ends, source_offset)


_SPACE_RUN = re.compile(r"(?<=\S) +(?=\S)")


def space_unit(text: str) -> int:
    """How many spaces ``text`` prints between two words where one is meant: 2 when its spaces
    come doubled (a converter that writes every space twice: no run of one space, many of two),
    else 1.  A gap wider than this is a cell boundary or a set-apart field; one this wide is an
    ordinary word space (绩效评价 报告, a wrapped line run together)."""
    runs = Counter(len(m.group()) for m in _SPACE_RUN.finditer(text))
    return 2 if runs[2] >= 5 and runs[1] * 10 <= runs[2] and runs[2] >= runs[3] else 1


def squash_fold(text: str) -> str:
    """A comparison key: the view's text with every space, tab and line break removed."""
    return _WS.sub("", fold(text))


__all__ = ["View", "fold", "squash_fold", "simplified", "space_unit"]
