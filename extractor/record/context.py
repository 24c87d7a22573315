"""What every field finder needs to know about one document, computed once.

:class:`Context` holds the document, its matching :class:`~.view.View`, and per
block the *region* (``summary`` — an abstract that repeats the report —,
``body`` or ``annex``) and the *role* of the section it sits in (``conclusion``,
``basic``, ``funds``, ``analysis`` … from the heading names in
``patterns/roles.yaml``).  Ranking rules use both: a score stated in the
conclusion outranks one stated in the abstract, which outranks one in a table.

It also walks the document's headings once (:attr:`Context.headings`,
:attr:`~Context.open_sections`, :meth:`~Context.section_of_block`,
:attr:`~Context.section_ends`): which sections are open at a block and where
each ends.  The roles, the tier scores' sections (:mod:`.scores`) and the
checks' heading tree and operands' sections (:mod:`.checks`) read that walk
instead of keeping a stack of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Callable

from ... import patterns
from ..document import Block, Document
from ..structure import classify as classify_heading
from .candidates import Candidate
from .view import View, fold, space_unit

_CAPTION = re.compile(r"^(?:续)?(?:表|图|附表)\s*[0-9一二三四五六七八九十]{1,3}(?:[-—.－][0-9]{1,2})?(?:[：:.、\s]|$)")


@lru_cache(maxsize=1)
def _roles() -> list[tuple[str, re.Pattern[str]]]:
    data = patterns.load("roles.yaml")
    out = []
    for role, rxs in data["roles"].items():
        if isinstance(rxs, dict):  # {from_sections: KEY}: the names patterns/sections.yaml keeps under KEY
            rxs = patterns.load("sections.yaml")[rxs["from_sections"]]
        out.append((role, re.compile("(?:" + "|".join(rxs) + ")")))
    return out


@lru_cache(maxsize=1)
def _heading_key_noise() -> re.Pattern[str]:
    return re.compile(patterns.load("roles.yaml")["key_noise"])


def heading_key(text: str) -> str:
    """A heading's words: numbering, markup, spaces and trailing punctuation removed."""
    key = re.sub(r"\s+", "", fold(text))
    key = _heading_key_noise().sub("", key)
    return key.rstrip("。：:，,；;.")


def role_of_heading(text: str) -> str | None:
    """The role a heading gives its section (first matching role of ``patterns/roles.yaml``)."""
    key = heading_key(text)
    if not key or len(key) > 40:
        return None
    from .sections import clean_key, kind_of_key

    if kind_of_key(clean_key(text)) is not None:
        return "findings"  # the finding sections are named once, in patterns/sections.yaml
    for role, rx in _roles():
        if rx.fullmatch(key):
            return role
    return None


@dataclass(frozen=True)
class Line:
    """One line of text (not a table), as the view shows it, with its document span."""

    text: str  # view text
    start: int
    end: int
    view: View
    block: int  # block index


@dataclass
class Context:
    doc: Document
    view: View = field(init=False)

    def __post_init__(self) -> None:
        self.view = View.of_document(self.doc)
        self._starts = [b.start for b in self.doc.blocks]

    # ------------------------------------------------------------------ blocks
    def block_index(self, offset: int) -> int:
        """Index of the block holding document offset ``offset`` (or the nearest before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def block_at(self, offset: int) -> Block:
        return self.doc.blocks[self.block_index(offset)]

    def page(self, offset: int) -> int | None:
        return self.block_at(offset).page if self.doc.blocks else None

    @cached_property
    def regions(self) -> list[str]:
        from .sections import _regions

        return _regions(self.doc)

    @cached_property
    def contents(self) -> set[int]:
        """Indices of the blocks that are a table of contents' entries (:func:`.sections._toc_indices`)."""
        from .sections import _toc_indices

        return _toc_indices(self.doc)

    # ------------------------------------------------------------------ sections
    # The one walk of the document's headings.  A heading (:meth:`heading`) opens a section that
    # runs to the next heading of the same or an outer level (a smaller or equal level number);
    # it closes every open section of its own level or deeper.  The roles, the tier scores'
    # sections, the checks' heading tree and their operands' sections all read these lists.

    @cached_property
    def headings(self) -> list[tuple[int | None, str | None]]:
        """Per block, :meth:`heading` of it — ``(level, role)``, ``(None, None)`` for a block that
        opens no section — read once for the document."""
        return [self.heading(b) for b in self.doc.blocks]

    def is_heading(self, i: int) -> bool:
        """Whether block ``i`` opens a section."""
        return self.headings[i][0] is not None

    @cached_property
    def open_sections(self) -> list[tuple[int, ...]]:
        """Per block, the indices of the heading blocks whose sections are open at it, outermost
        first; a heading's own entry ends with its own index.  Empty before the first heading."""
        return self.open_sections_where(self.is_heading)

    def open_sections_where(self, opens: Callable[[int], bool]) -> list[tuple[int, ...]]:
        """:attr:`open_sections` when only the headings ``opens`` accepts (by block index) open a
        section (only headings are asked): a heading it refuses is read as a line of the section
        it stands in, and closes nothing."""
        out: list[tuple[int, ...]] = []
        stack: list[int] = []  # heading block indices; their levels strictly increase
        for i, (level, _role) in enumerate(self.headings):
            if level is not None and opens(i):
                while stack and self._level(stack[-1]) >= level:
                    stack.pop()
                stack.append(i)
            out.append(tuple(stack))
        return out

    def _level(self, i: int) -> int:
        level = self.headings[i][0]
        assert level is not None
        return level

    def section_of_block(self, i: int) -> int:
        """The index of the heading that opens block ``i``'s innermost section (``i`` itself when
        it is a heading; the last heading at or before it); -1 before the first heading."""
        opened = self.open_sections[i]
        return opened[-1] if opened else -1

    def parent_section_of_block(self, i: int) -> int:
        """The index of the heading that opens the section around block ``i``'s innermost one;
        -1 when there is none (the innermost section is an outermost one, or no heading yet)."""
        opened = self.open_sections[i]
        return opened[-2] if len(opened) >= 2 else -1

    @cached_property
    def section_ends(self) -> list[int]:
        """Per block, the index of the block that ends its innermost section (exclusive: the next
        heading of the same or an outer level, or the number of blocks); for a heading, the end of
        the section it opens.  Before the first heading: the number of blocks."""
        n = len(self.doc.blocks)
        ends = [n] * n
        stack: list[int] = []
        for i, (level, _role) in enumerate(self.headings):
            if level is None:
                continue
            while stack and self._level(stack[-1]) >= level:
                ends[stack.pop()] = i
            stack.append(i)
        return [ends[h] if (h := self.section_of_block(i)) >= 0 else n for i in range(n)]

    @cached_property
    def roles(self) -> list[str | None]:
        """Per block, the role of the innermost named section around it (the nearest open heading
        whose name gives a role, :attr:`open_sections`)."""
        roles = [role for _level, role in self.headings]
        return [next((roles[h] for h in reversed(opened) if roles[h]), None) for opened in self.open_sections]

    @staticmethod
    def heading(b: Block) -> tuple[int | None, str | None]:
        """The section ``b`` opens: its heading level (1 outermost) and the role its name gives it
        (``patterns/roles.yaml``, None when none); ``(None, None)`` when ``b`` is no heading — a
        table, a caption (表1：…), a paragraph.  A Word heading is one by its style, a line of text
        by its numbering (:func:`..structure.classify`).  The one reading of headings every finder
        that walks sections shares, through :attr:`headings` and the walk below it."""
        if b.kind == "table":
            return None, None
        text = b.text.strip()
        if _CAPTION.match(text):
            return None, None  # 表1：… names a table; it opens no section (Word sets captions as headings)
        if b.kind == "heading":
            info = classify_heading(text, styled_heading=True)
            return (info.level if info else (b.level or 1)), role_of_heading(info.title if info else text)
        info = classify_heading(text)
        if info is None:
            return None, None
        return info.level, role_of_heading(info.title)

    def region_at(self, offset: int) -> str:
        return self.regions[self.block_index(offset)] if self.doc.blocks else "body"

    def role_at(self, offset: int) -> str | None:
        return self.roles[self.block_index(offset)] if self.doc.blocks else None

    @cached_property
    def space_unit(self) -> int:
        """The document's ordinary word space in characters (:func:`.view.space_unit`)."""
        return space_unit(self.doc.text)

    def wide_gap(self, start: int, end: int) -> bool:
        """Whether the document text ``[start, end)`` is white space wider than a word space:
        a tab, or more spaces than the document puts between two words."""
        gap = self.doc.text[start:end]
        return gap.strip() == "" and ("\t" in gap or len(gap) > self.space_unit)

    def blank_before(self, text: str, start: int) -> str:
        """``text`` (the view's text, or its opening) with what comes before the document offset
        ``start`` blanked, view positions kept: an essay-collection site's heading and intro before
        its sample are the site's words, not the document's."""
        skip = self.view.index(start) if start else 0
        return " " * skip + text[skip:]

    @cached_property
    def lines(self) -> list[Line]:
        """Every line of every non-table block, in order, each with its own view."""
        out: list[Line] = []
        for bi, b in enumerate(self.doc.blocks):
            if b.kind == "table":
                continue
            pos = b.start
            for raw in b.text.split("\n"):
                if raw.strip():
                    v = View.of(raw, pos)
                    if v.text:
                        s, e = v.span(0, len(v.text))
                        out.append(Line(v.text, s, e, v, bi))
                pos += len(raw) + 1
        return out

    @cached_property
    def line_tables(self) -> list[Any]:
        """Indicator tables laid out one cell a line, or one row a line with bars or tabs between
        the cells (:mod:`.linetables`)."""
        from .linetables import bar_tables, line_tables

        return line_tables(self, self.lines) + bar_tables(self.lines)

    # ------------------------------------------------------------------ tables
    @cached_property
    def score_tables(self) -> dict[int, Any]:
        """Each indicator table (:class:`~.indicators.ScoreTable`) by its block's index, read once
        for the record (the score, the figures and the checks all ask which tables they are)."""
        from .indicators import read_table

        out = {}
        for bi, b in enumerate(self.doc.blocks):
            if b.kind == "table" and (table := read_table(b)) is not None:
                out[bi] = table
        return out

    @cached_property
    def table_funds(self) -> dict[int, list[Any]]:
        """The 自评表 funds blocks (:class:`~.figures.SelfEvalBlock`) of each table block, by its
        index: read on the table's cells with a merged cell's repeats blanked (项目资金（万元） down the
        funds rows is one cell), so a Word table, a PDF's and a spreadsheet's tabs read alike."""
        from .figures import fold_text, self_eval_blocks, unmerged_tables

        flat = unmerged_tables(self.doc, fold_text(self.doc.text))
        return {bi: self_eval_blocks(flat, b.start, b.end) for bi, b in enumerate(self.doc.blocks) if b.kind == "table"}

    def indicator_table_only(self, bi: int) -> bool:
        """Whether table block ``bi`` is an indicator table with no 自评表 funds block: its numbers
        are weights and scores, read as the score table (a funds block above its indicators is read
        as figures and checked as one)."""
        return bi in self.score_tables and not self.table_funds.get(bi)

    # ------------------------------------------------------------------ candidates
    def candidate(
        self,
        name: str,
        value: Any,
        vstart: int,
        vend: int,
        rank: float,
        rule: str,
        view: View | None = None,
        **extra: Any,
    ) -> Candidate:
        """A candidate whose evidence is ``view.text[vstart:vend]`` (the whole-document view by default)."""
        start, end = (view or self.view).span(vstart, vend)
        return Candidate(name, value, start, end, rank, rule, self.page(start), extra)

    def candidate_at(
        self, name: str, value: Any, start: int, end: int, rank: float, rule: str, **extra: Any
    ) -> Candidate:
        """A candidate whose evidence is the document text ``[start, end)``."""
        return Candidate(name, value, start, end, rank, rule, self.page(start), extra)


__all__ = ["Context", "Line", "heading_key", "role_of_heading"]
