"""Development-set excerpts typeset as .docx and text-layer PDFs (``bench/render_agreement.py``'s
writers), for the tests that check a report's renderings read as its text does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jixiao.extractor import parse
from jixiao.extractor.record import build_record

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "devset" / "texts"
sys.path.insert(0, str(HERE.parent / "bench"))


def excerpt_text(stem: str) -> str:
    """The text of the development-set item ``stem``."""
    return (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")


def record_of(path: Path) -> dict:
    """The record (as a dict) of the file at ``path``."""
    return build_record(parse(str(path))).to_dict()


def rendered_file(tmp_path: Path, stem: str, kind: str) -> Path:
    """Item ``stem`` written as a ``kind`` ("docx", "pdf", or "scan": an image-only PDF of the
    text typeset onto page images, read through OCR, as ``bench/scan_agreement.py`` writes it)
    file under ``tmp_path``."""
    if kind == "scan":
        pytest.importorskip("pylopdf_fonts_zh_cn")
        from scan_agreement import typeset

        path = tmp_path / f"{stem}-scan.pdf"
        typeset(excerpt_text(stem), path)
        return path
    path = tmp_path / f"{stem}.{kind}"
    if kind == "docx":
        from render_agreement import write_docx

        write_docx(excerpt_text(stem), path)
    else:
        pytest.importorskip("fpdf")
        from render_agreement import write_pdf

        write_pdf(excerpt_text(stem), path)
    return path


def agrees(tmp_path: Path, stem: str, kind: str, *fields: str) -> dict:
    """The record of item ``stem`` rendered as ``kind``, after asserting that each of ``fields`` reads as in
    the item's text (compared as ``bench/scan_agreement.py`` compares a field)."""
    from scan_agreement import _value

    text = record_of(TEXTS / f"{stem}.txt")
    rendered = record_of(rendered_file(tmp_path, stem, kind))
    for field in fields:
        assert _value(rendered, field) == _value(text, field), field
    return rendered
