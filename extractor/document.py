"""The one document model every reader produces.

A :class:`Document` is an ordered list of :class:`Block` objects — headings,
paragraphs and tables — over one normalised text.  Each block knows the page it
came from (``None`` where the format has no pages) and its ``[start, end)``
offsets into ``Document.text``, so that ``doc.text[b.start:b.end] == b.text``
always holds.  Readers never assemble ``text`` or offsets by hand: they call
:meth:`DocumentBuilder.add`, which normalises, appends and records offsets.

A table block's ``text`` is its rows joined by newlines, cells by tabs; ``rows``
holds the same cells as a list of lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

from .normalize import normalize_text

BlockKind = Literal["heading", "paragraph", "table"]
Format = Literal["pdf", "docx", "txt", "md", "html", "image", "ofd"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    page: int | None = None
    start: int = 0
    end: int = 0
    level: int | None = None  # headings: 1 = 一、, 2 = （一）, 3 = 1., 4 = (1), 5 = ①
    numbering: str | None = None  # headings: the marker as printed (normalised), e.g. "（一）"
    rows: list[list[str]] | None = None  # tables only

    def cells(self) -> list[list[tuple[int, int, str]]]:
        """A table's rows as ``(start, end, text)`` cells, offsets into the document text."""
        out = []
        pos = self.start
        for r in self.rows or []:
            row = []
            for c in r:
                row.append((pos, pos + len(c), c))
                pos += len(c) + 1  # the tab or newline after the cell
            out.append(row)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level,
            "numbering": self.numbering,
            "text": self.text,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "rows": self.rows,
        }


@dataclass
class Document:
    path: str
    format: Format
    pages: int | None
    ocr: bool
    text: str
    blocks: list[Block] = field(default_factory=list)
    # Reader notes that are not content (e.g. "page 3 OCR'd: cid fonts").
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON interface of ``jixiao parse --json``."""
        return {
            "path": self.path,
            "format": self.format,
            "pages": self.pages,
            "ocr": self.ocr,
            "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
        }

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    def page_at(self, offset: int) -> int | None:
        """Page of the block containing character ``offset`` (or the nearest before it)."""
        page = None
        for b in self.blocks:
            if b.start > offset:
                break
            page = b.page
        return page

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)


SEPARATOR = "\n"


class DocumentBuilder:
    """Appends blocks to a document, normalising text and keeping offsets exact."""

    def __init__(self, path: str, format: Format, pages: int | None = None, ocr: bool = False):
        self.path = path
        self.format = format
        self.pages = pages
        self.ocr = ocr
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.warnings: list[str] = []

    def add(
        self,
        kind: BlockKind,
        text: str = "",
        page: int | None = None,
        *,
        level: int | None = None,
        numbering: str | None = None,
        rows: list[list[str]] | None = None,
    ) -> Block | None:
        """Append one block; returns it, or ``None`` when it is empty after normalisation."""
        if kind == "table":
            if not rows:
                return None
            rows = [[normalize_text(c).replace("\t", " ").replace("\n", " ").strip() for c in r] for r in rows]
            text = SEPARATOR.join("\t".join(r) for r in rows)
        else:
            text = normalize_text(text).strip()
            if numbering is not None:
                numbering = normalize_text(numbering)
        if not text:
            return None
        if self._parts:
            self._parts.append(SEPARATOR)
            self._length += len(SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        block = Block(kind, text, page, start, self._length, level, numbering, rows)
        self.blocks.append(block)
        return block

    def build(self) -> Document:
        return Document(
            path=self.path,
            format=self.format,
            pages=self.pages,
            ocr=self.ocr,
            text="".join(self._parts),
            blocks=self.blocks,
            warnings=self.warnings,
        )


__all__ = ["Block", "Document", "DocumentBuilder"]
