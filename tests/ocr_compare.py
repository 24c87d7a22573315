"""OCR'd text against a report's text layer (tests/test_ocr*.py): the reference text of a
page, and the character error rate."""

from __future__ import annotations

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from conftest import rendering
from jixiao.extractor.normalize import squash


def text_layer_page(report: str, index: int) -> str:
    """The text layer of page ``index`` (0-based) of the report's PDF rendering."""
    pdf = pdfium.PdfDocument(str(rendering(report, ".pdf")))
    try:
        tp = pdf[index].get_textpage()
        try:
            return tp.get_text_range()
        finally:
            tp.close()
    finally:
        pdf.close()


def cer(hyp: str, ref: str) -> float:
    """Character error rate of ``hyp`` against ``ref``, whitespace removed from both."""
    h, r = squash(hyp), squash(ref)
    return Levenshtein.distance(h, r) / len(r)
