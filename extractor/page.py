"""One laid-out page: positioned lines and tables, what a PDF reader or OCR makes of a page.

These types are the meeting point of the text-layer reader
(:mod:`jixiao.extractor.readers.pdf`), the OCR reader
(:mod:`jixiao.extractor.readers.ocr`), page furniture detection
(:mod:`jixiao.extractor.furniture`) and block assembly
(:mod:`jixiao.extractor.layout`).  They live in a module of their own so that
furniture detection and assembly do not import each other.
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
    # the spaces are the document's own: a text layer's reader dropped those PDFium made up for wide
    # gaps, so a space left between CJK characters was typed (项目名称 杨楼社区) and is kept
    typed_spaces: bool = False


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


__all__ = ["Line", "TableArea", "PageContent"]
