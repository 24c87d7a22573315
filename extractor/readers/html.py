"""HTML reports (a saved web page or a converter's HTML export), with the stdlib parser.

Block structure: ``h1``–``h6`` are heading evidence (their level is used for an
unnumbered heading), ``p``/``div``/``li``/``dd``/``blockquote``… and ``<br>`` end
paragraphs, a paragraph whose text is all inside ``b``/``strong`` counts as a styled
heading like a bold Word paragraph; ``table``/``tr``/``td``/``th`` with
``colspan``/``rowspan`` become canonical tables (:mod:`jixiao.extractor.tables`); a
table nested in a cell is flattened into that cell's text.  ``script``, ``style``,
``head`` and ``template`` content is not text.  HTML has no pages: pages are ``None``.
Every paragraph goes through the same
:func:`~jixiao.extractor.readers.text.emit_paragraph` as the other readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .. import limits as _limits
from ..cjk import join_wrapped
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..tables import SpanCell, grid_from_spans
from .text import decode_bytes, emit_paragraph, file_bytes

_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "pre",
    "address",
    "figure",
    "figcaption",
    "caption",
    "center",
    "body",
    "html",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "form",
    "fieldset",
    "legend",
}
_SKIP = {"script", "style", "head", "template", "noscript", "title"}
_BOLD = {"b", "strong"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_HEADING = re.compile(r"^h([1-6])$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), 1000))
    except ValueError:
        return 1


@dataclass
class _Table:
    rows: list[list[SpanCell]] = field(default_factory=list)
    cell: list[str] | None = None  # text parts of the open cell
    width: int = 0  # the widest row so far, in grid columns (colspans counted)
    row_width: int = 0  # the open row's width so far


def _grid(rows: list[list[SpanCell]]) -> list[list[str]]:
    """The canonical grid; a rowspan reaching past the table's last row stops there (as in browsers)."""
    n = len(rows)
    for r, cells in enumerate(rows):
        for cell in cells:
            cell.rowspan = max(1, min(cell.rowspan, n - r))
    return grid_from_spans(rows)


class _Parser(HTMLParser):
    def __init__(self, builder: DocumentBuilder):
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.skip = 0
        self.bold = 0
        self.heading_level: int | None = None
        self.parts: list[tuple[str, bool]] = []  # (text, bold) of the open paragraph
        self.tables: list[_Table] = []
        self.max_cells = _limits.current().table_cells

    # -- paragraphs -------------------------------------------------------
    def flush(self) -> None:
        if self.tables:  # inside a table cell, paragraphs are cell lines
            if self.tables[-1].cell is not None:
                self.tables[-1].cell.append("\n")
            return
        raw = "".join(t for t, _ in self.parts)
        text = re.sub(r" {2,}", " ", join_wrapped(raw.strip()))  # a literal tab is kept: TOC lines
        if text.strip():
            visible = [(t, b) for t, b in self.parts if t.strip()]
            styled = self.heading_level is not None or (bool(visible) and all(b for _, b in visible))
            emit_paragraph(self.builder, text, styled=styled, style_level=self.heading_level)
        self.parts = []

    # -- parser callbacks --------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        attr = dict(attrs)
        if tag == "table":
            self.flush()
            if self.tables and self.tables[-1].cell is not None:
                self.tables[-1].cell.append("\n")  # nested table: flattened into the cell
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._close_cell()
            self.tables[-1].rows.append([])
            self.tables[-1].row_width = 0
        elif tag in ("td", "th") and self.tables:
            t = self.tables[-1]
            self._close_cell()
            if not t.rows:
                t.rows.append([])
                t.row_width = 0
            cell = SpanCell("", _span(attr.get("colspan")), _span(attr.get("rowspan")))
            t.row_width += cell.colspan
            t.width = max(t.width, t.row_width)
            # The grid the table claims so far (rowspans stop at its last row): checked
            # before it is built, so that spans cannot claim gigabytes.
            if len(t.rows) * t.width > self.max_cells:
                raise ReadError(
                    self.builder.path,
                    "table too large: "
                    + _limits.exceeded(
                        "table_cells", f"a table of at least {len(t.rows):,} rows × {t.width:,} columns"
                    ),
                )
            t.rows[-1].append(cell)
            t.cell = []
        elif tag == "br":
            if self.heading_level is not None:  # a wrapped heading line, not a new paragraph
                self.parts.append(("\n", self.bold > 0))
            else:
                self.flush()
        elif tag in _BOLD:
            self.bold += 1
        elif tag in _BLOCK:
            self.flush()
            m = _HEADING.match(tag)
            if m:
                self.heading_level = int(m.group(1))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "table" and self.tables:
            self._close_cell()
            table = self.tables.pop()
            rows = _grid([r for r in table.rows if r])
            if self.tables and self.tables[-1].cell is not None:
                self.tables[-1].cell.append("\n".join(" ".join(c for c in r if c) for r in rows))
            elif rows and any(any(c for c in r) for r in rows):
                self.builder.add("table", rows=rows)
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
        elif tag in _BOLD:
            self.bold = max(0, self.bold - 1)
        elif tag in _BLOCK:
            self.flush()
            if _HEADING.match(tag):
                self.heading_level = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.tables:
            t = self.tables[-1]
            if t.cell is not None:
                t.cell.append(data)
            return
        self.parts.append((data, self.bold > 0))

    def _close_cell(self) -> None:
        t = self.tables[-1]
        if t.cell is not None and t.rows and t.rows[-1]:
            t.rows[-1][-1].text = "".join(t.cell)
        t.cell = None

    def close(self):
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self.flush()


def _decode(data: bytes, path: str) -> str:
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").strip(), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, path)[0]


def read(path: str | Path) -> Document:
    """Read an HTML report into a :class:`Document` (pages are ``None``)."""
    path = Path(path)
    return read_html(_decode(file_bytes(path), str(path)), str(path))


def read_html(markup: str, path: str = "<html>") -> Document:
    """Build the document model from decoded HTML (see :func:`read`)."""
    builder = DocumentBuilder(path, "html")
    parser = _Parser(builder)
    parser.feed(markup)
    parser.close()
    if not builder.blocks:
        raise ReadError(path, "HTML page without any text")
    return builder.build()


__all__ = ["read", "read_html"]
