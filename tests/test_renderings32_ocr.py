"""A report read from its scan reads as its text does (issue 8): development-set items typeset onto
page images as ``bench/scan_agreement.py`` does and read through OCR, and the layout step's
paragraph breaking on lines like an OCR'd page's."""

from __future__ import annotations

import pytest

from jixiao.extractor.document import DocumentBuilder
from jixiao.extractor.layout import assemble
from jixiao.extractor.page import Line, PageContent

from rendered_excerpts import TEXTS, record_of, rendered_file


def _paragraphs(lines: list[tuple[str, float]], right: float = 540.0) -> list[str]:
    """The paragraphs of one OCR'd page whose lines are ``(text, x1)``, 12.8 pt apart, at x0 52."""
    # full lines that set the page's right margin, in three paragraphs
    filler = [("财" * 38, right), ("财政局。", 100.0)] * 3
    page_lines = [
        Line(text=t, x0=52.0, top=60.0 + 18.0 * k, x1=x1, bottom=72.8 + 18.0 * k, size=12.8)
        for k, (t, x1) in enumerate(filler + lines)
    ]
    page = PageContent(number=1, width=595.2, height=841.9, lines=page_lines, tables=[], ocr=True)
    doc = assemble([page], DocumentBuilder("x.pdf", "pdf", pages=1, ocr=True)).build()
    return [b.text for b in doc.blocks][3:]


def test_a_gapped_line_that_wrapped_at_its_gap_runs_on_with_the_gap_kept():
    # anhui-anqing-2016-digital-city-management-finance-review-cover, page 1: a cover's fields set apart
    # by gaps on one line; the line wrapped at a gap, so it ends short by the gap and the next character
    got = _paragraphs(
        [
            ("组织评价（\u3000考评机构：中介机构(\u3000部门评价组口\u3000安\u3000庆\u3000市", 518.4),
            ("财\u3000政\u3000局\u3000二〇一七年六月", 300.0),
        ]
    )
    assert len(got) == 1 and "安 庆 市 财 政 局" in got[0]


def test_a_gapped_line_that_ends_its_field_far_short_keeps_its_break():
    got = _paragraphs([("项目名称\u3000数字化城管系统维护", 230.0), ("项目单位\u3000安庆市城市管理行政执法局", 330.0)])
    assert len(got) == 2


def test_a_gapped_line_above_a_blank_line_keeps_its_break():
    # the next line set a blank line lower is a new paragraph, however the line ends
    filler = [("财" * 38, 540.0), ("财政局。", 100.0)] * 3
    rows = filler + [
        ("项目名称\u3000数字化城管系统维护\u3000安\u3000庆\u3000市", 518.4),
        ("", 0.0),
        ("财\u3000政\u3000局", 200.0),
    ]
    page_lines = [
        Line(text=t, x0=52.0, top=60.0 + 18.0 * k, x1=x1, bottom=72.8 + 18.0 * k, size=12.8)
        for k, (t, x1) in enumerate(rows)
        if t
    ]
    page = PageContent(number=1, width=595.2, height=841.9, lines=page_lines, tables=[], ocr=True)
    doc = assemble([page], DocumentBuilder("x.pdf", "pdf", pages=1, ocr=True)).build()
    assert len(doc.blocks) == 5


def test_a_short_prose_line_without_gaps_keeps_its_break():
    got = _paragraphs([("一段正文在这里结束了而下一行另起一段" * 2, 500.0), ("下一段从这里开始", 200.0)])
    assert len(got) == 2


@pytest.mark.parametrize(
    "stem, fields",
    [("anhui-anqing-2016-digital-city-management-finance-review-cover", ("program", "evaluator", "years"))],
)
def test_scan_reads_the_fields_its_text_gives(tmp_path, stem, fields):
    text = record_of(TEXTS / f"{stem}.txt")
    scan = record_of(rendered_file(tmp_path, stem, "scan"))
    for field in fields:
        assert scan[field] == text[field], field
