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
import importlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ... import patterns
from .. import limits as _limits
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..layout import Line, PageContent, TableArea, assemble, clean_cell_text, is_cjk
from ..tables import caption_rows

if TYPE_CHECKING:  # pragma: no cover
    import pdfplumber

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


class DisplayFrame:
    """PDF user space → the page as displayed: points from the top-left corner, x to the
    right, y down (pdfplumber's convention), with the page's /Rotate applied, so that a
    landscape page stored sideways reads like any other."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int):
        self.x0, self.y0, x1, y1 = mediabox
        self.w, self.h = x1 - self.x0, y1 - self.y0
        self.rotation = rotation % 360
        self.width, self.height = (self.h, self.w) if self.rotation in (90, 270) else (self.w, self.h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.x0, y - self.y0
        if self.rotation == 90:
            return v, u
        if self.rotation == 180:
            return self.w - u, v
        if self.rotation == 270:
            return self.h - v, self.w - u
        return u, self.h - v

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """``(x0, top, x1, bottom)`` on the displayed page of a user-space rectangle."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


class _TextLayer:
    """Lines with boxes and font evidence from one page's PDFium text page."""

    def __init__(self, page: pdfium.PdfPage):
        self.page = page
        self.textpage = page.get_textpage()
        self.raw = self.textpage.raw
        # PDFium reads a MediaBox only from the page's own dictionary; one inherited from the page
        # tree (as fpdf2 and other producers write it) would fall back to US Letter and flip every
        # box by the height difference: the page's bounding box resolves the inheritance
        mb = page.get_mediabox(fallback_ok=False) or page.get_bbox()
        self.frame = DisplayFrame(mb, page.get_rotation())
        self.width, self.height = self.frame.width, self.frame.height
        self._rect = pdfium_c.FS_RECTF()
        self._fontbuf = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        n = self.textpage.count_chars()
        self.n = max(n, 0)
        text = self.textpage.get_text_range() if self.n else ""
        if len(text) != self.n:  # PDFium's text view skipped/inserted chars: read them one by one
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(self.raw, i) or 0xFFFD) for i in range(self.n))
        if _COMPAT_IDEOGRAPHS.search(text):
            # Some PDF producers map CJK glyphs to Kangxi radicals or compatibility
            # ideographs ("⼀" U+2F00 for "一"); they look identical and mean the same.
            # One character for one, so indices into the text page stay aligned.
            text = _COMPAT_IDEOGRAPHS.sub(_unify_ideograph, text)
        self.text = text

    def close(self) -> None:
        self.textpage.close()

    # usability -----------------------------------------------------------------
    def quality(self) -> tuple[int, float]:
        """``(non-space characters, share of them that are unmapped glyphs)``."""
        text = self.text
        visible = len(text) - len(_INVISIBLE.findall(text))
        if visible <= 0:
            return 0, 0.0
        bad = len(_GARBAGE.findall(text))
        bad += sum(len(m.group(0)) for m in re.finditer(r"\(cid:\d+\)", text))
        # PDFium knows which glyphs had no Unicode mapping; sample a few dozen.
        step = max(1, self.n // 40)
        sampled = errors = 0
        for i in range(0, self.n, step):
            if not text[i].isspace():
                sampled += 1
                errors += pdfium_c.FPDFText_HasUnicodeMapError(self.raw, i) == 1
        share = bad / visible
        if sampled:
            share = max(share, errors / sampled)
        return visible, min(1.0, share)

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
                    out.extend(self._rows(start, end))
                start = i + 1
            i += 1
        return out

    def _rows(self, start: int, end: int) -> list[Line]:
        """The line PDFium delimited, or, if it spans several rows (PDFium sometimes joins
        rows with a space instead of a break), one line per row."""
        line = self._line(start, end)
        if line is None:
            return []
        if line.bottom - line.top <= 1.6 * max(line.size, 1.0):
            return [line]
        rows, row_start, prev_bottom = [], start, None
        for k in range(start, end):
            if self.text[k].isspace():
                continue
            _x0, top, _x1, bottom = self._box(k)
            if prev_bottom is not None and (top + bottom) / 2 > prev_bottom:
                rows.append((row_start, k))
                row_start = k
            prev_bottom = bottom
        rows.append((row_start, end))
        if len(rows) == 1:
            return [line]
        return [ln for a, b in rows if (ln := self._line(a, b)) is not None]

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
            typed_spaces=True,
        )

    def texts_in(self, boxes: list[tuple[float, float, float, float]]) -> dict[tuple, str]:
        """Text of each box (x0, top, x1, bottom): the characters whose centre lies in it.

        Characters keep content order.  A line break between two of them (PDFium's, or
        the second starting below the first) becomes ``\n``; a space PDFium generated
        between them survives only between non-CJK characters on the same line, as in lines.
        """
        text = self.text
        found: dict[tuple, list[str]] = {b: [] for b in boxes}
        last: dict[tuple, tuple[int, float]] = {}  # box -> (index, bottom) of its last character
        ordered = sorted(boxes, key=lambda b: (b[1], b[0]))
        for k, ch in enumerate(text):
            if ch in _BREAKS or (ch == " " and pdfium_c.FPDFText_IsGenerated(self.raw, k) == 1):
                continue  # decided from the neighbours below
            x0, top, x1, bottom = self._box(k)
            cx, cy = (x0 + x1) / 2, (top + bottom) / 2
            for b in ordered:
                if not (b[0] <= cx < b[2] and b[1] <= cy < b[3]):
                    continue
                chars = found[b]
                if b in last:
                    pk, pbottom = last[b]
                    between = text[pk + 1 : k]
                    if cy > pbottom or any(c in _BREAKS for c in between):
                        chars.append("\n")
                    elif " " in between and not (is_cjk(text[pk]) or is_cjk(ch)):
                        chars.append(" ")
                chars.append("-" if ch in _LINE_END_HYPHENS else ch)
                last[b] = (k, bottom)
                break
        return {b: "".join(chars) for b, chars in found.items()}

    def _box(self, index: int) -> tuple[float, float, float, float]:
        r = self._rect
        if not pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, r):
            return 0.0, 0.0, 0.0, 0.0
        return self.frame.box(r.left, r.bottom, r.right, r.top)

    def _bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600:
            return True
        n = pdfium_c.FPDFText_GetFontInfo(self.raw, index, self._fontbuf, len(self._fontbuf), self._flags)
        if n <= 0:
            return False
        name = self._fontbuf.value.decode("latin-1", "replace")
        return bool(_bold_rx().search(name.split("+", 1)[-1]))


_COMPAT_IDEOGRAPHS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")


def _unify_ideograph(m: re.Match[str]) -> str:
    unified = unicodedata.normalize("NFKC", m.group(0))
    return unified if len(unified) == 1 else m.group(0)


# Characters that stand for glyphs without a Unicode mapping: private use, the
# replacement character, control characters (other than line breaks/tabs).
_GARBAGE = re.compile(r"[\ue000-\uf8ff\ufffd\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\U000f0000-\U0010ffff]")
_INVISIBLE = re.compile(r"[\s\ufffe\x02]")


# --------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------


def _objects(page: pdfium.PdfPage, kind: int, max_depth: int = 3):
    """``(object handle, depth)`` of the page objects of one type, Form XObjects included.

    Uses the raw API: pypdfium2's ``get_objects`` wraps every object (text ones too)
    in a Python object before filtering, which costs more than the whole text pass.
    """
    stack = [(page.raw, 0, True)]
    while stack:
        handle, depth, is_page = stack.pop()
        count = pdfium_c.FPDFPage_CountObjects(handle) if is_page else pdfium_c.FPDFFormObj_CountObjects(handle)
        for i in range(count):
            obj = pdfium_c.FPDFPage_GetObject(handle, i) if is_page else pdfium_c.FPDFFormObj_GetObject(handle, i)
            t = pdfium_c.FPDFPageObj_GetType(obj)
            if t == kind:
                yield obj, depth
            elif t == pdfium_c.FPDF_PAGEOBJ_FORM and depth < max_depth:
                stack.append((obj, depth + 1, False))


def page_edges(page: pdfium.PdfPage, frame: "DisplayFrame") -> list[dict] | None:
    """Straight path segments of the page as pdfplumber edge dicts (top-left origin).

    pdfplumber builds the same edges from pdfminer's lines, rectangles and curves;
    reading them from PDFium's path objects avoids parsing the page a second time.
    ``None`` when a path sits inside a Form XObject (its placement would need the
    form's matrix), in which case the caller falls back to pdfplumber itself.
    """
    edges: list[dict] = []
    x = ctypes.c_float()
    y = ctypes.c_float()
    m = pdfium_c.FS_MATRIX()
    for obj, depth in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        if depth > 0:
            return None
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
            return None
        a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
        n = pdfium_c.FPDFPath_CountSegments(obj)
        start = prev = None
        for k in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            pt = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or prev is None:
                start = pt
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                _add_edge(edges, prev, pt)
            prev = pt
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _add_edge(edges, pt, start)
                prev = start
    return edges


def _add_edge(edges: list[dict], p0: tuple[float, float], p1: tuple[float, float]) -> None:
    dx, dy = abs(p0[0] - p1[0]), abs(p0[1] - p1[1])
    if dy < 0.01 and dx > 0:
        orientation = "h"
    elif dx < 0.01 and dy > 0:
        orientation = "v"
    else:
        return  # diagonal or a point: never a table ruling
    x0, x1 = min(p0[0], p1[0]), max(p0[0], p1[0])
    top, bottom = min(p0[1], p1[1]), max(p0[1], p1[1])
    if orientation == "h":
        bottom = top
    else:
        x1 = x0
    edges.append(
        {
            "object_type": "line",
            "orientation": orientation,
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": x1 - x0,
            "height": bottom - top,
        }
    )


def has_ruling(page: pdfium.PdfPage) -> bool:
    """Whether the page draws at least two horizontal and two vertical rules (or a box grid).

    Cheap: looks only at the bounds of PDFium path objects, so table finding runs
    only where a ruled table can be.
    """
    horizontal = vertical = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj, _depth in _objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if w >= 8 and h <= 3:
            horizontal += 1
        elif h >= 8 and w <= 3:
            vertical += 1
        elif w >= 8 and h >= 8 and pdfium_c.FPDFPath_CountSegments(obj) >= 4:
            horizontal += 2  # a rectangle or a grid drawn as one path
            vertical += 2
        if horizontal >= 2 and vertical >= 2:
            return True
    return False


class _EdgePage:
    """The two attributes of a pdfplumber ``Page`` that its table finder reads."""

    def __init__(self, edges: list[dict], width: float, height: float):
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)


def find_tables(layer: "_TextLayer", width: float, height: float) -> list[TableArea] | None:
    """Ruled tables of a page: pdfplumber's table finder on PDFium's edges, cell text from PDFium.

    ``None`` when the page's rulings cannot be read from PDFium (the caller then asks
    pdfplumber to parse the page).
    """
    from pdfplumber.table import TableFinder

    edges = page_edges(layer.page, layer.frame)
    if edges is None:
        return None
    if not edges:
        return []
    finder = TableFinder(_EdgePage(edges, width, height))  # type: ignore[arg-type]  # duck-typed: edges and bbox
    areas = []
    for table in finder.tables:
        cells = [c for row in table.rows for c in row.cells if c is not None]
        texts = layer.texts_in(cells)
        area = _table_area(table, lambda bbox, texts=texts: texts.get(bbox, ""))
        if area is not None:
            areas.append(area)
    return areas


class _TableFinder:
    """Fallback: pdfplumber itself, opened on first use, for pages whose rulings PDFium cannot place."""

    def __init__(self, path: str):
        self.path = path
        self._pdf: pdfplumber.PDF | None = None

    def tables(self, index: int) -> list[TableArea]:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(self.path)
        page = self._pdf.pages[index]
        try:
            areas = []
            for t in page.find_tables():
                texts = t.extract()
                by_bbox = {
                    bbox: texts[r][c] or ""
                    for r, row in enumerate(t.rows)
                    for c, bbox in enumerate(row.cells)
                    if bbox is not None and c < len(texts[r])
                }
                area = _table_area(t, lambda bbox, by_bbox=by_bbox: by_bbox.get(bbox, ""))
                if area is not None:
                    areas.append(area)
            return areas
        finally:
            page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def _table_area(table, cell_text) -> TableArea | None:
    """A pdfplumber table as a :class:`TableArea` with merged cells resolved.

    pdfplumber's grid has ``None`` in the slots a merged cell spans; each such slot
    takes the text of the cell whose box covers it.  ``cell_text(bbox)`` gives a
    cell's raw text.  The first rows that are one cell across the whole width (a title
    set in the table, :func:`jixiao.extractor.tables.caption_rows`) are left out of it.
    """
    row_cells = [row.cells for row in table.rows]
    if not row_cells:
        return None
    n_cols = max(len(r) for r in row_cells)
    col_x0: list[float | None] = []
    for c in range(n_cols):
        xs = [cells[c][0] for cells in row_cells if c < len(cells) and cells[c] is not None]
        col_x0.append(min(xs) if xs else None)
    texts = {bbox: clean_cell_text(cell_text(bbox)) for cells in row_cells for bbox in cells if bbox is not None}
    rows: list[list[str]] = []
    for cells_r in row_cells:
        tops = [b[1] for b in cells_r if b is not None]
        row_top = min(tops) if tops else None
        row: list[str] = []
        for c in range(n_cols):
            bbox = cells_r[c] if c < len(cells_r) else None
            if bbox is not None:
                row.append(texts[bbox])
                continue
            text = ""
            x0 = col_x0[c]
            if row_top is not None and x0 is not None:
                px, py = x0 + 0.5, row_top + 0.5
                for (x0, top, x1, bottom), t in texts.items():
                    if x0 <= px < x1 and top <= py < bottom:
                        text = t
                        break
            row.append(text)
        rows.append(row)
    if not any(any(c for c in r) for r in rows):
        return None
    bbox = tuple(table.bbox)
    captions = caption_rows(rows)
    tops = [b[1] for b in row_cells[captions] if b is not None] if captions else []
    if tops:
        # a title set in the table's first merged rows: the table starts below them, so their
        # lines stay the page's text and read as a title above the table
        bbox, rows = (bbox[0], min(tops), bbox[2], bbox[3]), rows[captions:]
    return TableArea(bbox=bbox, rows=rows)


# --------------------------------------------------------------------------------------
# pages
# --------------------------------------------------------------------------------------


def _draws_text_or_images(page: pdfium.PdfPage) -> bool:
    """Whether the page has anything OCR could read: text objects (even unmapped) or images."""
    return any(
        next(_objects(page, kind), None) is not None
        for kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT)
    )


def _ocr_module(path: str, index: int):
    try:
        return importlib.import_module(f"{__package__}.ocr")
    except ImportError as exc:
        raise ReadError(path, f"no text layer on page {index + 1}; OCR unavailable ({exc})") from None


def _ocr_page(
    pdf: pdfium.PdfDocument, index: int, path: str, notes: list[str] | None = None, skip_empty: bool = True
) -> PageContent:
    """OCR one page, unless it is too large to render (the ``ocr_page_area`` limit) or — with
    ``skip_empty`` (``ocr='auto'``) — is an image-only page showing next to nothing (a blank
    scan): those give an empty page and a note."""
    ocr_reader = _ocr_module(path, index)
    page = pdf[index]
    try:
        w_pt, h_pt = page.get_size()
        draws_text = next(_objects(page, pdfium_c.FPDF_PAGEOBJ_TEXT), None) is not None
    finally:
        page.close()
    area_in2 = float(w_pt) * float(h_pt) / 72**2
    limit = _limits.current().ocr_page_area
    if area_in2 > limit:
        if notes is not None:
            notes.append(
                f"page {index + 1} not OCR'd: {w_pt / 72:.0f} × {h_pt / 72:.0f} in = "
                + _limits.exceeded("ocr_page_area", f"{area_in2:,.0f} sq in")
            )
        return PageContent(number=index + 1, width=float(w_pt), height=float(h_pt))
    with ocr_reader.reading(path):  # lets the OCR reader use its page cache, if one is in force
        if skip_empty and not draws_text and ocr_reader.near_empty(pdf, index):  # an image-only page showing nothing
            if notes is not None:
                notes.append(f"page {index + 1} not OCR'd: near-empty (no ink to read)")
            return PageContent(number=index + 1, width=float(w_pt), height=float(h_pt))
        content = ocr_reader.ocr_page(pdf, index)
    content.number = index + 1
    content.ocr = True
    return content


def _would_ocr(pdf: pdfium.PdfDocument, index: int, ocr: OcrMode, path: str) -> bool:
    """Whether reading page ``index`` would OCR it (the decisions of :func:`_read_page` and
    :func:`_ocr_page`, without reading anything): no usable text layer, yet something to read,
    not too large and — with ``ocr='auto'`` — not a near-empty image-only page."""
    page = pdf[index]
    layer = None
    try:
        w_pt, h_pt = page.get_size()
        if ocr != "always":
            layer = _TextLayer(page)
            chars, garbage = layer.quality()
            cfg = _cfg()
            if chars >= int(cfg["min_chars"]) and garbage <= float(cfg["max_garbage_share"]):
                return False  # a usable text layer
            if ocr == "never" or (chars == 0 and not _draws_text_or_images(page)):
                return False  # refused, or a blank page
        draws_text = next(_objects(page, pdfium_c.FPDF_PAGEOBJ_TEXT), None) is not None
    finally:
        if layer is not None:
            layer.close()
        page.close()
    if float(w_pt) * float(h_pt) / 72**2 > _limits.current().ocr_page_area:
        return False
    if ocr != "always" and not draws_text:
        from . import ocr as ocr_reader

        with ocr_reader.reading(path):  # the verdict is kept in the page cache, if one is in force
            return not ocr_reader.near_empty(pdf, index)
    return True


def ocr_plan(path: str | Path, ocr: OcrMode = "auto") -> list[int]:
    """The 0-based pages that reading the PDF would OCR, found without OCR (a text-layer
    check, and a thumbnail for image-only pages): an import splits those among its workers
    (:func:`ocr_pages`), then reads the file with the pages cached.  Empty for a PDF that
    cannot be opened or is past the ``pages`` limit (reading it will say why)."""
    try:
        pdf = _open(str(path))
    except ReadError:
        return []
    try:
        n = len(pdf)
        if n > _limits.current().pages:
            return []
        return [i for i in range(n) if _would_ocr(pdf, i, ocr, str(path))]
    finally:
        pdf.close()


def ocr_pages(path: str | Path, indices: list[int], sha: str | None = None) -> None:
    """OCR pages ``indices`` (0-based) of the PDF into the OCR page cache in force
    (:func:`jixiao.extractor.readers.ocr.caching`), for a later :func:`read` to take."""
    from . import ocr as ocr_reader

    path = str(path)
    pdf = _open(path)
    try:
        with ocr_reader.reading(path, sha):
            for index in indices:
                ocr_reader.ocr_page(pdf, index)
    finally:
        pdf.close()


def _read_page(
    pdf: pdfium.PdfDocument, index: int, path: str, ocr: OcrMode, finder: _TableFinder, notes: list[str] | None = None
) -> PageContent:
    if ocr == "always":
        return _ocr_page(pdf, index, path, notes, skip_empty=False)
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        raise ReadError(path, f"damaged PDF: page {index + 1} cannot be loaded ({exc})") from None
    layer = None
    try:
        layer = _TextLayer(page)
        width, height = layer.width, layer.height
        chars, garbage = layer.quality()
        cfg = _cfg()
        usable = chars >= int(cfg["min_chars"]) and garbage <= float(cfg["max_garbage_share"])
        if not usable:
            if chars == 0 and not _draws_text_or_images(page):
                return PageContent(number=index + 1, width=width, height=height)  # a blank page
            if ocr == "never":
                why = "no text layer" if chars < int(cfg["min_chars"]) else "text layer is unmapped glyphs"
                raise ReadError(path, f"page {index + 1}: {why}, and OCR is disabled (ocr='never')")
            layer.close()
            layer = None
            page.close()
            page = None
            return _ocr_page(pdf, index, path, notes)
        lines = layer.lines()
        tables: list[TableArea] = []
        if has_ruling(page):
            found = find_tables(layer, width, height)
            tables = found if found is not None else finder.tables(index)
        return PageContent(number=index + 1, width=width, height=height, lines=lines, tables=tables)
    finally:
        if layer is not None:
            layer.close()
        if page is not None:
            page.close()


def read_pages(path: str | Path, ocr: OcrMode = "auto", notes: list[str] | None = None):
    """Yield one :class:`PageContent` per physical page, releasing each page before the next.

    A PDF of more pages than the ``pages`` limit is refused before any page is read;
    pages not OCR'd (too large, near-empty) are noted in ``notes``.
    """
    path = str(path)
    pdf = _open(path)
    finder = _TableFinder(path)
    try:
        n = len(pdf)
        if n == 0:
            raise ReadError(path, "PDF has no pages")
        if n > _limits.current().pages:
            raise ReadError(path, "too many pages: " + _limits.exceeded("pages", f"{n:,} pages"))
        for index in range(n):
            yield _read_page(pdf, index, path, ocr, finder, notes)
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
    notes: list[str] = []
    pages = list(read_pages(path, ocr, notes))
    builder = DocumentBuilder(path, "pdf", pages=len(pages), ocr=any(p.ocr for p in pages))
    ocr_pages = [p.number for p in pages if p.ocr]
    if ocr_pages and ocr != "always":
        builder.warnings.append(f"{len(ocr_pages)} of {len(pages)} pages OCR'd (no usable text layer)")
    builder.warnings.extend(_summarise(notes))
    assemble(pages, builder)
    return builder.build()


def _summarise(notes: list[str], keep: int = 5) -> list[str]:
    """Notes as warnings: the first few as they are, the rest counted."""
    if len(notes) <= keep:
        return list(notes)
    return notes[:keep] + [f"… and {len(notes) - keep} more pages not OCR'd"]


__all__ = ["read", "read_pages", "has_ruling", "ocr_plan", "ocr_pages"]
