"""Page content as positioned lines and tables: the meeting point of the PDF
text-layer reader and the OCR reader.

Both readers turn a page into a :class:`PageContent` (lines with boxes in PDF
points, tables with their cells); :func:`assemble` (owned by the PDF reader
work) then removes running headers/footers and page numbers, rejoins lines
into paragraphs, classifies headings with :mod:`jixiao.extractor.structure`,
joins tables that continue on the next page, and appends blocks to a
:class:`~jixiao.extractor.document.DocumentBuilder`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0  # font size (or line height for OCR)
    bold: bool = False


@dataclass
class TableArea:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]  # merged cells resolved: a merged cell's text repeats in every grid slot it spans


@dataclass
class PageContent:
    number: int  # 1-based physical page number
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)  # reading order, lines inside tables excluded
    tables: list[TableArea] = field(default_factory=list)
    ocr: bool = False
