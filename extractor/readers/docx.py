"""Word (.docx) reports, read with python-docx.

The body XML is walked in document order, so tables interleave with paragraphs
exactly as printed (content controls ``w:sdt`` are entered, not skipped).

- Paragraphs: text with line breaks (``w:br``) rejoined the way a CJK wrap is
  (:func:`jixiao.extractor.cjk.join_wrapped` rules).  Heading evidence for
  :func:`~jixiao.extractor.readers.text.emit_paragraph` is a heading style
  ("Heading N", "标题 N", "Title", or a style with an outline level) or a paragraph
  whose text is bold as a whole — some reports set headings in bold instead of
  using styles.  Table-of-contents paragraphs (TOC styles, or a title/dot-leader/page
  number line) stay paragraphs.  A paragraph that is a page's counter (``第1页 / 共15页``,
  ``— 7 —``: a converter's copy of printed pages) is dropped, as the text reader drops its line.
- Tables: ``w:gridSpan`` and ``w:vMerge`` resolved into the canonical grid (a merged
  cell's text in every slot it covers); nested tables are flattened into their cell
  text.  Header rows that Word repeats on each page (``w:tblHeader``) are stored once
  in the XML and so appear once.  A table's first rows that are one cell merged across
  the whole width (a form's title and year line set inside it) are read as paragraphs
  before the table (:func:`jixiao.extractor.tables.caption_rows`).
- Pages: a .docx has no fixed pages.  ``Document.pages`` comes from
  ``docProps/app.xml`` ``<Pages>`` (Word's own count of the printed pages) when
  present; block pages are ``None``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Iterator

from .. import limits as _limits
from ..cjk import join_wrapped
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..tables import SpanCell, caption_rows, grid_from_spans, join_continued
from ..furniture import is_footer_line
from .text import emit_paragraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d*$|^toc heading$", re.I)


def _pages_from_app_xml(path: Path) -> int | None:
    try:
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    m = re.search(r"<(?:\w+:)?Pages>\s*(\d+)\s*</(?:\w+:)?Pages>", xml)
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def _on(el, name: str) -> bool | None:
    """Value of a toggle property such as ``w:b`` inside ``el`` (``None`` when absent)."""
    if el is None:
        return None
    prop = el.find(W + name)
    if prop is None:
        return None
    val = prop.get(W + "val")
    return val not in ("0", "false", "off")


class _Styles:
    """Paragraph style facts needed for heading evidence, resolved through ``basedOn``."""

    def __init__(self, docx_document: Any) -> None:
        self.by_id: dict[str, Any] = {}  # style id → its lxml element
        try:
            styles_el = docx_document.styles.element
        except Exception:  # no styles part
            styles_el = None
        if styles_el is not None:
            for st in styles_el.findall(W + "style"):
                sid = st.get(W + "styleId")
                if sid:
                    self.by_id[sid] = st

    def _chain(self, style_id: str | None) -> Iterator[Any]:  # lxml elements (no type stubs)
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            st = self.by_id[style_id]
            yield st
            based = st.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def name(self, style_id: str | None) -> str:
        for st in self._chain(style_id):
            n = st.find(W + "name")
            return n.get(W + "val") if n is not None else ""
        return ""

    def heading_level(self, style_id: str | None) -> int | None:
        """Heading level of a style: "Heading N"/"标题 N" by name, or an outline level."""
        for st in self._chain(style_id):
            n = st.find(W + "name")
            m = _HEADING_STYLE.match(n.get(W + "val", "") if n is not None else "")
            if m:
                return int(m.group(1))
            ppr = st.find(W + "pPr")
            if ppr is not None:
                lvl = ppr.find(W + "outlineLvl")
                if lvl is not None and lvl.get(W + "val", "9").isdigit() and int(lvl.get(W + "val")) < 9:
                    return int(lvl.get(W + "val")) + 1
        return None

    def bold(self, style_id: str | None) -> bool:
        for st in self._chain(style_id):
            b = _on(st.find(W + "rPr"), "b")
            if b is not None:
                return b
        return False


def _paragraph_text(p) -> str:
    """Text of a ``w:p`` in order: runs, tabs, breaks; deleted text (``w:del``) skipped."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            parent = el.getparent()
            if parent is not None and parent.getparent() is not None and parent.getparent().tag == W + "del":
                continue
            parts.append(el.text or "")
        elif tag == W + "tab":
            # w:tab inside w:tabs (pPr) is a tab stop definition, not text.
            if el.getparent() is not None and el.getparent().tag == W + "tabs":
                continue
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            char = el.get(W + "char")
            if char:
                try:
                    parts.append(chr(int(char, 16)))
                except ValueError:
                    pass
    return "".join(parts)


def _runs_bold(p, styles: _Styles, para_style: str | None) -> bool:
    """True when every run with visible text is bold (by run, run style or paragraph style)."""
    style_bold = styles.bold(para_style)
    seen_text = False
    for r in p.iter(W + "r"):
        text = "".join(t.text or "" for t in r.iter(W + "t"))
        if not text.strip():
            continue
        seen_text = True
        rpr = r.find(W + "rPr")
        b = _on(rpr, "b")
        if b is None and rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                b = styles.bold(rstyle.get(W + "val")) or None
        if b is None:
            b = style_bold
        if not b:
            return False
    return seen_text


def _join_lines(text: str) -> str:
    """A paragraph's manual line breaks (``w:br``) joined like wrapped lines."""
    return join_wrapped(text) if "\n" in text else text


def _cell_text(tc) -> str:
    """Text of a table cell: its paragraphs (and nested tables' cells) joined by newlines."""
    lines = []
    for p in tc.iter(W + "p"):
        lines.append(_paragraph_text(p))
    return "\n".join(lines)


def _count(el, name: str, default: int) -> int:
    """A count attribute (``w:gridSpan``, ``w:gridBefore``): digits only, else ``default``."""
    if el is None:
        return default
    prop = el.find(W + name)
    if prop is None:
        return default
    val = prop.get(W + "val", "")
    return int(val) if val.isdigit() and len(val) < 12 else default


def _row_cells(tr) -> Iterator[Any]:
    """The cells (``w:tc``) of a table row, also those a content control (``w:sdt``) wraps."""
    for tc in tr.iterchildren():
        if tc.tag == W + "sdt":
            yield from tc.findall(f"{W}sdtContent/{W}tc")
        elif tc.tag == W + "tc":
            yield tc


def _table_rows(tbl, path: str = "") -> list[list[str]]:
    """Canonical grid of a ``w:tbl``: gridSpan and vMerge resolved.

    The grid a table claims (rows × columns, spans included) is checked against the
    ``table_cells`` limit before it is built: a ``gridSpan`` or ``gridBefore`` of 10^9
    is a claim, not a table.
    """
    trs = tbl.findall(W + "tr")
    width = 0
    for tr in trs:
        trpr = tr.find(W + "trPr")
        w = _count(trpr, "gridBefore", 0) + _count(trpr, "gridAfter", 0)
        for cell in _row_cells(tr):
            w += max(1, _count(cell.find(W + "tcPr"), "gridSpan", 1))
        width = max(width, w)
    limit = _limits.current().table_cells
    if len(trs) * width > limit:
        raise ReadError(
            path,
            "table too large: " + _limits.exceeded("table_cells", f"a table of {len(trs):,} rows × {width:,} columns"),
        )
    span_rows: list[list[SpanCell]] = []
    # vMerge: a "restart" cell grows by one row for every "continue" cell below it in
    # the same grid column.  Track the open restart cell per grid column.
    open_cells: dict[int, SpanCell] = {}
    for tr in trs:
        row: list[SpanCell] = []
        col = 0
        before = _count(tr.find(W + "trPr"), "gridBefore", 0)
        if before:
            row.append(SpanCell("", colspan=before))
            col += before
        for cell in _row_cells(tr):
            tcpr = cell.find(W + "tcPr")
            span = 1
            vmerge = None
            if tcpr is not None:
                span = max(1, _count(tcpr, "gridSpan", 1))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
            if vmerge == "continue" and col in open_cells:
                open_cells[col].rowspan += 1
                # The slot is filled by the cell above (grid_from_spans); nothing added.
                col += span
                continue
            sc = SpanCell(_cell_text(cell), colspan=span)
            row.append(sc)
            if vmerge == "restart":
                open_cells[col] = sc
            else:
                open_cells.pop(col, None)
            col += span
        span_rows.append(row)
    return grid_from_spans(span_rows) if span_rows else []


def _blocks(body) -> Iterator[Any]:  # lxml elements (no type stubs)
    """Body-level ``w:p`` and ``w:tbl`` elements in document order (entering ``w:sdt``)."""
    for el in body.iterchildren():
        if el.tag in (W + "p", W + "tbl"):
            yield el
        elif el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif el.tag in (W + "customXml", W + "smartTag"):
            yield from _blocks(el)


def check_package(path: str | Path) -> None:
    """Refuse a package whose parts claim more than the limits before anything inflates them."""
    limits = _limits.current()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(str(path), f"corrupt .docx: {exc}".splitlines()[0]) from None
    total = 0
    for info in infos:
        if info.file_size > limits.docx_part_bytes:
            raise ReadError(
                str(path),
                f"DOCX part {info.filename!r} inflates to "
                + _limits.exceeded("docx_part_bytes", info.file_size, limits),
            )
        total += info.file_size
    if total > limits.docx_total_bytes:
        raise ReadError(str(path), "DOCX package inflates to " + _limits.exceeded("docx_total_bytes", total, limits))


def read(path: str | Path) -> Document:
    """Read a .docx report into a :class:`Document` (block pages are ``None``)."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path)
    check_package(path)
    try:
        d = docx.Document(str(path))
    except PackageNotFoundError:
        raise ReadError(str(path), "not a Word .docx package") from None
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ReadError(str(path), f"corrupt .docx: {exc}".splitlines()[0]) from None
    except Exception as exc:  # lxml's XMLSyntaxError, zlib.error on a damaged part …
        raise ReadError(str(path), f"corrupt .docx: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    styles = _Styles(d)
    builder = DocumentBuilder(str(path), "docx", pages=_pages_from_app_xml(path))
    body = d.element.body
    # A table the author split by hand at a page break, repeating its header rows in
    # the second part, is one table: hold each table until the next text arrives.
    pending: list[list[str]] | None = None
    for el in _blocks(body):
        if el.tag == W + "tbl":
            rows = _table_rows(el, str(path))
            if not rows or not any(any(c for c in r) for r in rows):
                continue
            captions = caption_rows(rows)
            if captions:
                # a title set in the table's first merged rows reads as a title above the table
                if pending:
                    builder.add("table", rows=pending)
                    pending = None
                for row in rows[:captions]:
                    emit_paragraph(builder, _join_lines(row[0]))
                rows = rows[captions:]
            joined = join_continued(pending, rows) if pending else None
            if joined is not None:
                pending = joined
            else:
                if pending:
                    builder.add("table", rows=pending)
                pending = rows
            continue
        raw = _paragraph_text(el)
        # (a paragraph of bars alone is the boundary between cells a converter wrote one a paragraph, as the
        # text reader's line of bars: no text of its own)
        if not raw.strip(" \t\u3000|｜"):
            continue
        if is_footer_line(raw):
            # a page's number or counter typed into the body (第1页 / 共15页, — 7 —: a converter's copy of
            # a printed page keeps them as paragraphs): page furniture, as the text reader drops its lines
            continue
        if pending:
            builder.add("table", rows=pending)
            pending = None
        ppr = el.find(W + "pPr")
        pstyle = None
        if ppr is not None and ppr.find(W + "pStyle") is not None:
            pstyle = ppr.find(W + "pStyle").get(W + "val")
        style_name = styles.name(pstyle)
        if _TOC_STYLE.match(style_name or ""):
            builder.add("paragraph", raw)
            continue
        level = styles.heading_level(pstyle)
        if level is None and ppr is not None:
            lvl = ppr.find(W + "outlineLvl")
            if lvl is not None and lvl.get(W + "val", "9").isdigit() and int(lvl.get(W + "val")) < 9:
                level = int(lvl.get(W + "val")) + 1
        styled = level is not None or style_name.lower() in ("title", "标题") or _runs_bold(el, styles, pstyle)
        emit_paragraph(builder, _join_lines(raw), styled=styled, style_level=level)
    if pending:
        builder.add("table", rows=pending)
    return builder.build()


__all__ = ["read"]
