"""PDF reader: the text layer through pypdfium2, tables through pdfplumber, OCR where needed.

Speed comes from doing the expensive thing only where it pays:

- Text: pypdfium2 (PDFium) gives a page's characters in content order with its own
  line breaks; we ask it for boxes and font data only at the ends of each line
  (a handful of calls per line, not per character).
- Tables: pdfplumber's table finder (ruling lines → cells) runs only on pages that
  draw ruling lines, found cheaply by looking at PDFium's path objects.
- OCR (:mod:`jixiao.extractor.readers.ocr`, imported lazily) only for pages with no
  usable text layer: no characters, or mostly unmapped glyphs.

Every page becomes a :class:`~jixiao.extractor.layout.PageContent`; pages are read
one at a time and released, and :func:`jixiao.extractor.layout.assemble` turns the
sequence into blocks (headers/footers removed, paragraphs rejoined, headings
classified, continued tables joined).
"""

from __future__ import annotations

import ctypes
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ... import patterns
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..layout import Line, PageContent, TableArea, assemble, clean_cell_text, is_cjk

OcrMode = Literal["auto", "never", "always"]

# PDFium marks a hyphen it believes ends a line with U+FFFE (older builds: U+0002)
# and drops the line break after it.  For us it is a '-' followed by a line break:
# in these reports it is usually a minus sign ("-\n1,680.12"), never to be lost.
_LINE_END_HYPHENS = "\ufffe\x02"
_BREAKS = "\r\n"


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return patterns.load("pdf_layout.yaml")


@lru_cache(maxsize=1)
def _bold_rx() -> re.Pattern[str]:
    return re.compile(_cfg()["bold_font"], re.IGNORECASE)


# --------------------------------------------------------------------------------------
# opening
# --------------------------------------------------------------------------------------


def _open(path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise ReadError(path, "encrypted PDF: a password is required to open it") from None
        if "format" in msg or "file" in msg:
            raise ReadError(path, "damaged or truncated PDF: cannot parse the file structure") from None
        raise ReadError(path, f"cannot open PDF ({exc})") from None


# --------------------------------------------------------------------------------------
# text layer
# --------------------------------------------------------------------------------------


class _TextLayer:
    """Lines with boxes and font evidence from one page's PDFium text page."""

    def __init__(self, page: pdfium.PdfPage):
        self.page = page
        self.textpage = page.get_textpage()
        self.raw = self.textpage.raw
        mb = page.get_mediabox()
        self.x_origin = mb[0]
        self.y_top = mb[3]
        self._rect = pdfium_c.FS_RECTF()
        self._fontbuf = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        n = self.textpage.count_chars()
        self.n = max(n, 0)
        text = self.textpage.get_text_range() if self.n else ""
        if len(text) != self.n:  # PDFium's text view skipped/inserted chars: read them one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(self.raw, i) or 0xFFFD) for i in range(self.n))
        self.text = text

    def close(self) -> None:
        self.textpage.close()

    # usability -----------------------------------------------------------------
    def quality(self) -> tuple[int, float]:
        """``(non-space characters, share of them that are unmapped glyphs)``."""
        text = self.text
        visible = [c for c in text if not c.isspace() and c not in _LINE_END_HYPHENS]
        if not visible:
            return 0, 0.0
        bad = sum(1 for c in visible if _is_garbage_char(c))
        bad += sum(len(m.group(0)) for m in re.finditer(r"\(cid:\d+\)", text))
        # PDFium knows which glyphs had no Unicode mapping; sample a few dozen.
        step = max(1, self.n // 40)
        sampled = errors = 0
        for i in range(0, self.n, step):
            if not text[i].isspace():
                sampled += 1
                errors += pdfium_c.FPDFText_HasUnicodeMapError(self.raw, i) == 1
        share = bad / len(visible)
        if sampled:
            share = max(share, errors / sampled)
        return len(visible), min(1.0, share)

    # lines -----------------------------------------------------------------------
    def lines(self) -> list[Line]:
        out: list[Line] = []
        text = self.text
        start = 0
        n = len(text)
        i = 0
        while i <= n:
            c = text[i] if i < n else "\n"
            if c in _BREAKS or c in _LINE_END_HYPHENS:
                end = i + 1 if c in _LINE_END_HYPHENS else i
                if end > start:
                    line = self._line(start, end)
                    if line is not None:
                        out.append(line)
                start = i + 1
            i += 1
        return out

    def _line(self, start: int, end: int) -> Line | None:
        text = self.text
        first = start
        while first < end and text[first].isspace():
            first += 1
        last = end - 1
        while last > first and text[last].isspace():
            last -= 1
        if first >= end:
            return None
        chars = []
        for k in range(first, last + 1):
            c = text[k]
            if c in _LINE_END_HYPHENS:
                c = "-"
            elif c == " " and k > first and k < last and pdfium_c.FPDFText_IsGenerated(self.raw, k) == 1:
                # PDFium inserts spaces for wide gaps (justified CJK, CJK/Latin spacing); they are
                # not in the document's text next to CJK characters.
                if is_cjk(text[k - 1]) or is_cjk(text[k + 1]):
                    continue
            chars.append(c)
        mid = (first + last) // 2
        x0, top0, _x1, bot0 = self._box(first)
        _x0, top1, x1, bot1 = self._box(last)
        _a, top2, _b, bot2 = self._box(mid)
        sizes = sorted(pdfium_c.FPDFText_GetFontSize(self.raw, k) for k in {first, mid, last})
        size = sizes[len(sizes) // 2]
        bold = self._bold(first) and self._bold(last)
        return Line(
            text="".join(chars),
            x0=x0,
            top=min(top0, top1, top2),
            x1=x1,
            bottom=max(bot0, bot1, bot2),
            size=round(size, 2),
            bold=bold,
        )

    def _box(self, index: int) -> tuple[float, float, float, float]:
        r = self._rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, r):
            return 0.0, 0.0, 0.0, 0.0
        return r.left - self.x_origin, self.y_top - r.top, r.right - self.x_origin, self.y_top - r.bottom

    def _bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600:
            return True
        n = pdfium_c.FPDFText_GetFontInfo(self.raw, index, self._fontbuf, len(self._fontbuf), self._flags)
        if n <= 0:
            return False
        name = self._fontbuf.value.decode("latin-1", "replace")
        return bool(_bold_rx().search(name.split("+", 1)[-1]))


def _is_garbage_char(c: str) -> bool:
    o = ord(c)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o < 0x20 or 0xF0000 <= o


# --------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------


def has_ruling(page: pdfium.PdfPage) -> bool:
    """Whether the page draws at least two horizontal and two vertical rules (or a box grid).

    Cheap: looks only at the bounds of PDFium path objects, so pdfplumber's table
    finder runs only where a ruled table can be.
    """
    horizontal = vertical = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        try:
            x0, y0, x1, y1 = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        w, h = x1 - x0, y1 - y0
        if w >= 8 and h <= 3:
            horizontal += 1
        elif h >= 8 and w <= 3:
            vertical += 1
        elif w >= 8 and h >= 8 and pdfium_c.FPDFPath_CountSegments(obj.raw) >= 4:
            horizontal += 2  # a rectangle or a grid drawn as one path
            vertical += 2
        if horizontal >= 2 and vertical >= 2:
            return True
    return False


class _TableFinder:
    """pdfplumber, opened on first use, asked only about the pages that have rules."""

    def __init__(self, path: str):
        self.path = path
        self._pdf = None

    def tables(self, index: int) -> list[TableArea]:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(self.path)
        page = self._pdf.pages[index]
        try:
            return [area for t in page.find_tables() if (area := _table_area(t)) is not None]
        finally:
            page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def _table_area(table) -> TableArea | None:
    """A pdfplumber table as a :class:`TableArea` with merged cells resolved.

    pdfplumber leaves ``None`` in the grid slots a merged cell spans; each such slot
    takes the text of the cell whose box covers it.
    """
    texts = table.extract()
    row_cells = [row.cells for row in table.rows]
    if not texts or not row_cells:
        return None
    n_cols = max(len(r) for r in row_cells)
    col_x0: list[float | None] = []
    for c in range(n_cols):
        xs = [cells[c][0] for cells in row_cells if c < len(cells) and cells[c] is not None]
        col_x0.append(min(xs) if xs else None)
    cells: list[tuple[tuple[float, float, float, float], str]] = []
    for r, cells_r in enumerate(row_cells):
        for c, bbox in enumerate(cells_r):
            if bbox is not None:
                cells.append((bbox, clean_cell_text(texts[r][c] if c < len(texts[r]) else "")))
    rows: list[list[str]] = []
    for r, cells_r in enumerate(row_cells):
        tops = [b[1] for b in cells_r if b is not None]
        row_top = min(tops) if tops else None
        row: list[str] = []
        for c in range(n_cols):
            bbox = cells_r[c] if c < len(cells_r) else None
            if bbox is not None:
                row.append(clean_cell_text(texts[r][c]))
                continue
            text = ""
            if row_top is not None and col_x0[c] is not None:
                px, py = col_x0[c] + 0.5, row_top + 0.5
                for (x0, top, x1, bottom), t in cells:
                    if x0 <= px < x1 and top <= py < bottom:
                        text = t
                        break
            row.append(text)
        rows.append(row)
    if not any(any(c for c in r) for r in rows):
        return None
    return TableArea(bbox=tuple(table.bbox), rows=rows)


# --------------------------------------------------------------------------------------
# pages
# --------------------------------------------------------------------------------------


def _has_images(page: pdfium.PdfPage) -> bool:
    for _obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        return True
    return False


def _ocr_page(pdf: pdfium.PdfDocument, index: int, path: str) -> PageContent:
    try:
        from . import ocr as ocr_reader
    except ImportError as exc:
        raise ReadError(path, f"no text layer on page {index + 1}; OCR unavailable ({exc})") from None
    content = ocr_reader.ocr_page(pdf, index)
    content.number = index + 1
    content.ocr = True
    return content


def _read_page(pdf: pdfium.PdfDocument, index: int, path: str, ocr: OcrMode, finder: _TableFinder) -> PageContent:
    if ocr == "always":
        return _ocr_page(pdf, index, path)
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        raise ReadError(path, f"damaged PDF: page {index + 1} cannot be loaded ({exc})") from None
    layer = None
    try:
        width, height = page.get_size()
        layer = _TextLayer(page)
        chars, garbage = layer.quality()
        cfg = _cfg()
        usable = chars >= int(cfg["min_chars"]) and garbage <= float(cfg["max_garbage_share"])
        if not usable:
            if chars == 0 and not _has_images(page):
                return PageContent(number=index + 1, width=width, height=height)  # a blank page
            if ocr == "never":
                why = "no text layer" if chars < int(cfg["min_chars"]) else "text layer is unmapped glyphs"
                raise ReadError(path, f"page {index + 1}: {why}, and OCR is disabled (ocr='never')")
            layer.close()
            layer = None
            page.close()
            page = None
            return _ocr_page(pdf, index, path)
        lines = layer.lines()
        tables = finder.tables(index) if has_ruling(page) else []
        return PageContent(number=index + 1, width=width, height=height, lines=lines, tables=tables)
    finally:
        if layer is not None:
            layer.close()
        if page is not None:
            page.close()


def read_pages(path: str | Path, ocr: OcrMode = "auto"):
    """Yield one :class:`PageContent` per physical page, releasing each page before the next."""
    path = str(path)
    pdf = _open(path)
    finder = _TableFinder(path)
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(path, "PDF has no pages")
        for index in range(n):
            yield _read_page(pdf, index, path, ocr, finder)
    finally:
        finder.close()
        pdf.close()


def read(path: str | Path, ocr: OcrMode = "auto") -> Document:
    """Read a PDF into a :class:`Document` (format ``pdf``; ``ocr`` true if any page was OCR'd).

    ``ocr``: ``"auto"`` OCRs only pages without a usable text layer, ``"never"``
    refuses such pages, ``"always"`` OCRs every page.  Raises :class:`ReadError`
    for encrypted, damaged or unreadable files.
    """
    if ocr not in ("auto", "never", "always"):
        raise ValueError(f"ocr must be 'auto', 'never' or 'always', not {ocr!r}")
    path = str(path)
    pages = list(read_pages(path, ocr))
    builder = DocumentBuilder(path, "pdf", pages=len(pages), ocr=any(p.ocr for p in pages))
    ocr_pages = [p.number for p in pages if p.ocr]
    if ocr_pages and ocr != "always":
        builder.warnings.append(f"{len(ocr_pages)} of {len(pages)} pages OCR'd (no usable text layer)")
    assemble(pages, builder)
    return builder.build()


__all__ = ["read", "read_pages", "has_ruling"]
