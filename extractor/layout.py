"""Laid-out pages to blocks: the step after the PDF text-layer reader and the OCR reader.

Both readers turn a page into a :class:`~jixiao.extractor.page.PageContent` (lines
with boxes in PDF points, tables with their cells); :func:`assemble` then removes
running headers/footers and page numbers (:mod:`jixiao.extractor.furniture`), rejoins
lines into paragraphs, classifies headings with :mod:`jixiao.extractor.structure`, joins
tables that continue on the next page, and appends blocks to a
:class:`~jixiao.extractor.document.DocumentBuilder`.
"""

from __future__ import annotations

import re
import statistics
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from .. import patterns
from .cjk import clean_cell, is_cjk, join_lines, tidy_line
from .furniture import find_furniture, is_footer_line
from .page import Line, PageContent, TableArea
from .structure import classify, numbering_of
from .tables import repeated_header_rows

if TYPE_CHECKING:  # pragma: no cover
    from .document import DocumentBuilder


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return patterns.load("pdf_layout.yaml")


@lru_cache(maxsize=1)
def _toc_rx() -> re.Pattern[str]:
    return re.compile(_cfg()["toc_leader"], re.IGNORECASE)


@lru_cache(maxsize=1)
def _caption_rx() -> re.Pattern[str]:
    return re.compile(_cfg()["caption"])


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line: a title followed by dot leaders (and a page number)."""
    return bool(_toc_rx().search(text))


class _Geometry:
    """Document-wide layout statistics that paragraph breaking is judged against."""

    def __init__(self, pages: Sequence[PageContent], flows: Sequence[list]):
        groups: dict[tuple, list[Line]] = {}
        table_areas: dict[tuple, list[TableArea]] = {}
        self._group_of: dict[int, tuple] = {}
        pitches: list[float] = []
        sizes: dict[float, int] = {}
        for page, flow in zip(pages, flows):
            key = (round(page.width), round(page.height), page.ocr)
            self._group_of[page.number] = key
            lines = [el for el in flow if isinstance(el, Line)]
            groups.setdefault(key, []).extend(lines)
            table_areas.setdefault(key, []).extend(page.tables)
            for a, b in zip(lines, lines[1:]):
                step = b.top - a.top
                if step > 0 and abs(a.size - b.size) < 0.5:
                    pitches.append(step)
            for ln in lines:
                k = round(ln.size, 0)
                sizes[k] = sizes.get(k, 0) + len(ln.text)
        self.left: dict[tuple, float] = {}
        self.right: dict[tuple, float] = {}
        self.reach: dict[tuple, float] = {}  # the farthest any line reaches right
        for key, lines in groups.items():
            self.left[key], self.right[key] = _margins(lines)
            self.reach[key] = max((ln.x1 for ln in lines), default=0.0)
            if lines and not key[2]:
                # A form-like text layer, its lines mostly short (label and value, a title, a date):
                # the few lines that run to the margin are too few for the 95th percentile of line
                # ends, which then lands on a short line and makes no line short.  The margin is at
                # least as far right as the longest line reaches, within the page's mirrored margin.
                # A ruled table spans the text block too: on a page of a title, a few form lines and
                # a table, the longest line outside the table may itself be short (the title).
                ends = [ln.x1 for ln in lines] + [t.bbox[2] for t in table_areas.get(key, [])]
                mirrored = key[0] - self.left[key]
                reach = min(max(ends), mirrored)
                # Where hardly a line runs as far as the longest one (a page of a title, metadata lines and a
                # form's short rows: no line is full), the longest is no full line either; the text block is
                # as wide as its mirrored margin.
                em = statistics.median(ln.size or (ln.bottom - ln.top) for ln in lines)
                if sum(end >= reach - em for end in ends) < 3:
                    reach = mirrored
                self.right[key] = max(self.right[key], reach)
        self.pitch = statistics.median(pitches) if pitches else 0.0
        self.body_size = max(sizes, key=sizes.__getitem__) if sizes else 0.0
        # Pages of a table of contents: mostly lines with dot leaders.
        self.toc_pages: set[int] = set()
        for page, flow in zip(pages, flows):
            lines = [el for el in flow if isinstance(el, Line)]
            toc = sum(1 for ln in lines if is_toc_entry(ln.text))
            if toc >= 3 and toc >= 0.4 * len(lines):
                self.toc_pages.add(page.number)
        self.uses_indent = True
        starts = indented = 0
        for page, flow in zip(pages, flows):
            lines = [el for el in flow if isinstance(el, Line)]
            for a, b in zip(lines, lines[1:]):
                if self.short(page, a):
                    starts += 1
                    indented += self.indented(page, b)
        if starts >= 3:
            self.uses_indent = indented / starts >= 0.5

    def short(self, page: PageContent, line: Line) -> bool:
        size = line.size or (line.bottom - line.top)
        return line.x1 < self.right[self._group_of[page.number]] - float(_cfg()["short_line"]) * size

    def wrapped_before(self, page: PageContent, line: Line, nxt: Line) -> bool:
        """Whether ``line`` ends short only because the next line's first unbreakable piece (a number
        or a Latin word, with the closing punctuation that may not open a line) would not fit in
        the room left before the right margin: a word processor wrapped there, left-aligned text
        does not end its paragraph.  A line that ends a sentence (。；：) keeps its break."""
        if line.text.rstrip()[-1:] in _cfg()["terminators"]:
            return False
        piece = _FIRST_PIECE.match(nxt.text.lstrip())
        if piece is None or (
            (is_cjk(piece.group()[0]) or piece.group()[0] in "(（[【") and numbering_of(nxt.text) is not None
        ):
            return False  # (一、基本情况, (1)… open a heading of their own)
        room = self.right[self._group_of[page.number]] - line.x1
        # (widths estimated: a Latin letter or digit is half an em or a little more, and a space may have stood
        # before the word the breaker took down: a third of an em of slack)
        return (_text_units(piece.group()) + 0.3) * _unit_width(nxt) > room

    def wrapped_at_gap(self, page: PageContent, line: Line, nxt_page: PageContent, nxt: Line) -> bool:
        """Whether ``line`` ends short only because the line breaker wrapped at a wide gap (a
        form's label and value, an unruled table's cells, a letter-spaced name: 项目名称　XX　项目单位
        …, 安　庆　市　财　政　局): on a line set with such gaps, the gap before the next line's
        first character or piece went to the end of the line, so the line ends short by up to
        a gap (``wrap_gap`` ems) and that first piece, short of the farthest any line reaches.  A
        line that ends a sentence (。；：) and a next line that opens a numbered heading keep their
        break, and so does a next line set lower than the next line's place (a blank line between)."""
        if not _GAPPED.search(line.text.strip()) or line.text.rstrip()[-1:] in _cfg()["terminators"]:
            return False
        size = line.size or (line.bottom - line.top)
        if nxt_page is page and nxt.top - line.top > float(_cfg()["wrap_step"]) * size:
            return False
        head = nxt.text.lstrip()
        if not head or numbering_of(head) is not None:
            return False
        piece = _FIRST_PIECE.match(head)
        units = _text_units(piece.group()) if piece else _text_units(head[0])
        # measured to where the longest line ends: on a page of mostly short lines (a contents, a
        # form) the margin of full lines may be set too far left for a wrap to be told apart
        key = self._group_of[page.number]
        room = max(self.right[key], self.reach[key]) - line.x1
        return (units + float(_cfg()["wrap_gap"])) * _unit_width(line) > room

    def symmetric(self, page: PageContent, line: Line) -> bool:
        """A line set centred: inset from the left margin, and by as much as from the right."""
        key = self._group_of[page.number]
        left, right = self.left[key], self.right[key]
        size = line.size or (line.bottom - line.top)
        inset_left, inset_right = line.x0 - left, right - line.x1
        return inset_left > 0.4 * size and abs(inset_left - inset_right) < size

    def indented(self, page: PageContent, line: Line) -> bool:
        size = line.size or (line.bottom - line.top)
        # OCR boxes start at the ink, not at the glyph's origin ("《" and "“" start half a
        # character in), so an OCR'd indent must be wider to count.
        indent = float(_cfg()["indent_ocr" if page.ocr else "indent"])
        return line.x0 > self.left[self._group_of[page.number]] + indent * size


# The first piece a line breaker cannot split: a number or a Latin word (2021, 420000.00, PM2.5, a
# file's extension .docx), with the closing punctuation after it, which may not open a line; a contents
# entry's run of leader dots (一、基本情况 ……… 2, set as one line: the dots went down whole); or a CJK
# character with the closing punctuation after it (区、…: the mark may not open a line, so the
# character before it went down with it — kinsoku); or an opening mark with the character it opens (no line
# ends with an opening mark, so …更多相关 / 《重庆市… broke where 《重 did not fit).
_FIRST_PIECE = re.compile(
    r"[(（《「『“‘【\[]*"  # (an opening mark goes down with what it opens: no line ends with one)
    r"(?:\.?[0-9A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f.,%‰/+\-]*|[.…·]{4,}|[\u3400-\u9fff](?=[)）】》」』”’,，.。、；;：:%])|(?<=[(（《「『“‘【\[])[\u3400-\u9fff])"
    r"[)）】》」』”’,，.。、；;：:%]*"
)


# A wide gap inside a line: the full-width space the OCR reader writes for an em or more of blank
# paper, or a run of spaces in a text layer.
_GAPPED = re.compile(r"\S(?:\u3000|[ \t]{2,})\S")


def _text_units(text: str) -> float:
    """Width of ``text`` in ems: a CJK or full-width character is one, anything else half."""
    return sum(1.0 if is_cjk(ch) else 0.5 for ch in text)


def _unit_width(line: Line) -> float:
    """The em width ``line`` is set in, measured on its own box (OCR lines have no font size)."""
    units = _text_units(line.text.strip())
    if units >= 4 and line.x1 > line.x0:
        return (line.x1 - line.x0) / units
    return line.size or (line.bottom - line.top)


def _margins(lines: list[Line]) -> tuple[float, float]:
    """Left margin (the most common line start) and right margin (where full lines end)."""
    if not lines:
        return 0.0, 0.0
    long_lines = [ln for ln in lines if len(ln.text) >= 6] or lines
    # The left margin is where most lines start: the densest 4-point window of starts.
    starts = sorted(ln.x0 for ln in long_lines)
    best_lo, best_n, j = 0, 0, 0
    for i, x in enumerate(starts):
        while starts[j] < x - 4:
            j += 1
        if i - j + 1 > best_n:
            best_lo, best_n = j, i - j + 1
    left = statistics.median(starts[best_lo : best_lo + best_n])
    ends = sorted(ln.x1 for ln in long_lines)
    right = ends[min(len(ends) - 1, int(0.95 * len(ends)))]
    return left, right


def _inside(line: Line, tables: list[TableArea]) -> bool:
    cy = (line.top + line.bottom) / 2
    cx = (line.x0 + line.x1) / 2
    for t in tables:
        x0, top, x1, bottom = t.bbox
        if top - 1 <= cy <= bottom + 1 and x0 - 1 <= cx <= x1 + 1:
            return True
    return False


def _flow(page: PageContent, furniture: set[int]) -> list:
    """The page's lines (furniture and table text removed) with its tables slotted in by position.
    A line that is a page's counter wherever it stands (第1页 / 共15页, — 7 —: a web copy of a printed
    report's pages keeps them in its text) is furniture too, as the text and Word readers drop it."""
    lines = [
        ln
        for i, ln in enumerate(page.lines)
        if i not in furniture and not _inside(ln, page.tables) and not is_footer_line(ln.text)
    ]
    flow: list = []
    tables = sorted(page.tables, key=lambda t: t.bbox[1])
    for ln in lines:
        while tables and tables[0].bbox[1] <= ln.top:
            flow.append(tables.pop(0))
        flow.append(ln)
    flow.extend(tables)
    return flow


def _join_tables(first: list[list[str]], cont: list[list[str]]) -> list[list[str]]:
    """One table from a table and its continuation on the next page.

    Leading rows of the continuation that repeat the first table's header rows are
    dropped; a row the page break split (its continuation has text only in some
    columns, the others blank) is put back together.
    """
    rows = [list(r) for r in first]
    # OCR may misread a character or two of a repeated header (tolerance 0.15).
    n = repeated_header_rows(first, cont, tolerance=0.15)
    rest = [list(r) for r in cont[n:]]
    if rest and rows:
        head, last = rest[0], rows[-1]
        filled = [i for i, c in enumerate(head) if c.strip()]
        # (a row that fills every column the last row fills, two or more, is a row of its own: a table whose
        # columns are mostly empty — name | 24 | 24 | ||||||| — leaves half its columns blank in every row)
        own_row = len(filled) >= 2 and filled == [i for i, c in enumerate(last) if c.strip()]
        if filled and len(filled) * 2 < len(head) and all(last[i].strip() for i in filled) and not own_row:
            for i in filled:
                last[i] = join_lines(last[i], head[i])
            rest = rest[1:]
    return rows + rest


def _same_table_shape(a: TableArea, b: TableArea) -> bool:
    if not a.rows or not b.rows or len(a.rows[0]) != len(b.rows[0]):
        return False
    width = max(a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0], 1.0)
    return abs(a.bbox[0] - b.bbox[0]) < 0.1 * width and abs(a.bbox[2] - b.bbox[2]) < 0.1 * width


class _Assembler:
    def __init__(self, builder: "DocumentBuilder", geo: _Geometry):
        self.b = builder
        self.geo = geo
        self.para: list[tuple[PageContent, Line]] = []
        self.gap_before: set[int] = set()  # the lines of self.para that follow a wrap at a wide gap
        self.at_gap = False  # the last line given to breaks() wrapped at a wide gap
        self.table: tuple[int, TableArea, list[list[str]]] | None = None  # page, last fragment, rows
        self.table_open = False  # the pending table was the last thing on its page
        self._table_last_page = 0

    # paragraphs ---------------------------------------------------------------
    def breaks(self, pa: PageContent, a: Line, pb: PageContent, b: Line) -> bool:
        """Whether ``b`` starts a new paragraph after ``a``; when not, ``at_gap`` tells whether ``a``
        wrapped at a wide gap (:meth:`_Geometry.wrapped_at_gap`)."""
        cfg = _cfg()
        self.at_gap = False
        if is_toc_entry(a.text):
            return True
        if pa.number in self.geo.toc_pages:
            # Every entry of a table of contents is its own line, unless a long title wrapped
            # (then the first line has neither leader dots nor a page number).
            if pb is not pa or re.search(r"([.…·]|\s)\s*(\d{1,4}|[ivxlcdm]{1,6})$", a.text.strip(), re.IGNORECASE):
                return True
        sa, sb = a.size or (a.bottom - a.top), b.size or (b.bottom - b.top)
        size_limit = 0.25 * max(sa, sb) if (pa.ocr or pb.ocr) else float(cfg["size_change"])
        if abs(sa - sb) > size_limit:
            return True
        if pa is pb:
            if b.top < a.top - 0.5 * sa:
                return True  # the flow jumped back up: a new column or a misplaced line
            if self.geo.pitch and b.top - a.top > float(cfg["gap"]) * self.geo.pitch:
                return True
        if (
            pa is pb
            and a.bold == b.bold
            and abs(sa - sb) < 0.5
            and b.top - a.top <= 1.8 * sa
            and self.geo.symmetric(pa, a)
            and self.geo.symmetric(pb, b)
            and (a.bold or sa >= float(cfg["larger_font"]) * self.geo.body_size)
        ):
            return False  # a title set centred over several lines
        if self.geo.indented(pb, b):
            return True
        if self.geo.short(pa, a) and not self.geo.wrapped_before(pa, a, b):
            if not self.geo.wrapped_at_gap(pa, a, pb, b):
                return True
            self.at_gap = True
        if a.text.rstrip()[-1:] in cfg["terminators"]:
            # A sentence ended at the right margin: a new paragraph if the document does not
            # indent paragraphs, or if the next line starts a numbered or bold heading.
            if not self.geo.uses_indent or (b.bold and not a.bold):
                return True
            if numbering_of(b.text) is not None:
                return True
        return False

    def add_line(self, page: PageContent, line: Line) -> None:
        self.flush_table()
        if not line.text.strip(" \t\u3000|｜"):
            # a line of bars alone is the boundary between cells a converter wrote one a line: it ends the
            # paragraph and has no text of its own (as the text and Word readers read it)
            self.flush_para()
            return
        if self.para:
            pa, a = self.para[-1]
            if self.breaks(pa, a, page, line):
                self.flush_para()
            elif self.at_gap:
                # wrapped at a gap (see _Geometry.wrapped_at_gap): the gap is kept between the lines
                self.gap_before.add(len(self.para))
        self.para.append((page, line))

    def flush_para(self) -> None:
        if not self.para:
            return
        lines = self.para
        gaps, self.gap_before = self.gap_before, set()
        self.para = []
        text = ""
        for k, (_page, ln) in enumerate(lines):
            part = ln.text.strip() if ln.typed_spaces else tidy_line(ln.text)
            text = text + "\u3000" + part if k in gaps and text and part else join_lines(text, part)
        page = lines[0][0].number
        first = lines[0][1]
        if is_toc_entry(text) or _caption_rx().match(text) or lines[0][0].number in self.geo.toc_pages:
            self.b.add("paragraph", text, page)
            return
        styled = all(ln.bold for _p, ln in lines) or (
            self.geo.body_size > 0 and first.size >= float(_cfg()["larger_font"]) * self.geo.body_size
        )
        if text.rstrip()[-1:] in "：:":
            styled = False  # a bold lead-in or label ("附件3-2：", "主要做法如下：") introduces, it is no title
        info = classify(text, styled_heading=styled)
        if info is None:
            self.b.add("paragraph", text, page)
            return
        self.b.add("heading", info.title, page, level=info.level, numbering=info.numbering)
        if info.rest:
            self.b.add("paragraph", info.rest, page)

    # tables -------------------------------------------------------------------
    def add_table(self, page: PageContent, area: TableArea, first_on_page: bool) -> None:
        self.flush_para()
        if (
            self.table is not None
            and self.table_open
            and first_on_page
            and page.number == self._table_last_page + 1
            and _same_table_shape(self.table[1], area)
        ):
            start_page, _last, rows = self.table
            self.table = (start_page, area, _join_tables(rows, area.rows))
        else:
            self.flush_table()
            self.table = (page.number, area, [list(r) for r in area.rows])
        self._table_last_page = page.number
        self.table_open = False

    def flush_table(self) -> None:
        if self.table is None:
            return
        page, _area, rows = self.table
        self.table = None
        self.b.add("table", page=page, rows=rows)

    def end_page(self, flow: list) -> None:
        # A table can run on into the next page only if nothing followed it on this page.
        self.table_open = bool(flow) and isinstance(flow[-1], TableArea) and self.table is not None

    def finish(self) -> None:
        self.flush_para()
        self.flush_table()


def assemble(pages: Iterable[PageContent], builder: "DocumentBuilder") -> "DocumentBuilder":
    """Append the blocks of laid-out ``pages`` (text layer or OCR) to ``builder``.

    Running headers, footers and page numbers are dropped
    (:mod:`jixiao.extractor.furniture`); lines are rejoined into paragraphs (a line
    that ends short of the right margin, a first-line indent, a wide vertical gap or
    a font size change separates paragraphs); paragraphs are classified as headings
    or body text with :func:`jixiao.extractor.structure.classify` (bold or larger
    type counts as heading evidence); a table that runs from the bottom of one page
    to the top of the next is joined into one, its repeated header rows dropped.
    A block's page is the page of its first line.  Returns ``builder``.
    """
    pages = list(pages)
    furniture = find_furniture(pages)
    flows = [_flow(p, f) for p, f in zip(pages, furniture)]
    geo = _Geometry(pages, flows)
    asm = _Assembler(builder, geo)
    for page, flow in zip(pages, flows):
        for pos, el in enumerate(flow):
            if isinstance(el, TableArea):
                asm.add_table(page, el, first_on_page=pos == 0)
            else:
                asm.add_line(page, el)
        asm.end_page(flow)
    asm.finish()
    return builder


# The page types (:mod:`.page`) and text helpers (:mod:`.cjk`) are re-exported under their
# old names for the readers that import them from here.
clean_cell_text = clean_cell

__all__ = [
    "Line",
    "TableArea",
    "PageContent",
    "assemble",
    "join_lines",
    "clean_cell_text",
    "tidy_line",
    "is_toc_entry",
    "is_cjk",
]
