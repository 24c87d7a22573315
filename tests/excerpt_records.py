"""Records of short excerpts, for the generalisation tests: a text read as a .txt report, and a
field's evidence checked against the document's text."""

from __future__ import annotations

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record


def record_of_text(text: str):
    doc = read_text(text, "excerpt.txt")
    return doc, build_record(doc)


def evidence(doc, record, field: str) -> str:
    """The words ``field``'s evidence quotes, asserted to be the document's text at its span."""
    ev = record.evidence[field]
    assert ev.text == doc.text[ev.span[0] : ev.span[1]]
    return ev.text
