"""OCR reader: scanned pages read like their text-PDF originals.

Whole scans are parsed once per session through ``conftest.parsed`` (shared with
test_renderings); the page-level checks OCR just three pages directly, cached here.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pypdfium2 as pdfium
import pytest

from conftest import YUNNAN_TABLE2, REPORTS, parsed, rendering
from ocr_compare import cer, text_layer_page
from jixiao.extractor.normalize import squash
from jixiao.extractor.readers import ocr

YUNNAN = "yunnan-2021-resident-pension"
CHENGGONG = "chenggong-2023-department"


@lru_cache(maxsize=None)
def _pdf(report: str, suffix: str) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(rendering(report, suffix)))


@lru_cache(maxsize=None)
def _read(report: str, index: int) -> ocr.OcrPage:
    return ocr.read_page(_pdf(report, "-scan.pdf"), index)


# --- pure functions (fast) ---------------------------------------------------


@pytest.mark.parametrize(
    "raw,fixed",
    [
        ("达到2.460.31万人", "达到2,460.31万人"),  # two dots: the first separates thousands
        ("结余4，977万元", "结余4,977万元"),  # full-width comma inside a number
        ("资金671.214万元", "资金671.214万元"),  # a real three-decimal amount stays
        ("2019，2020年", "2019，2020年"),  # a comma between two years stays
        ("一，基本情况", "一、基本情况"),  # a comma never follows a heading numeral
        ("(一)项目概况", "(一)项目概况"),  # bracket width is measured on the image, not guessed
        ("选择1.500元的档次", "选择1,500元的档次"),  # 元 has no third decimal
        ("问卷12.352份", "问卷12,352份"),
        ("目标为2.420万人", "目标为2.420万人"),  # 万人 may have three decimals: kept
        ("云发（2019）11号", "云发〔2019〕11号"),
        ("云社险发【2021]1号", "云社险发〔2021〕1号"),  # 〔 read as 【
        ("昆人社通[2018]44号", "昆人社通[2018]44号"),  # printed with square brackets: kept
        ("情况，.解决保费", "情况，解决保费"),  # a speck after a comma
        ("1.基本情况", "1.基本情况"),  # numbering kept
        ("做法。......33", "做法.......33"),
    ],
)
def test_fix_text(raw, fixed):
    assert ocr.fix_text(raw) == fixed


def test_skew_estimate_follows_a_known_rotation():
    gray, _scale = ocr.render_gray(_pdf(CHENGGONG, "-scan.pdf"), 1)
    base = ocr.estimate_skew(gray)
    assert abs(base) <= 2.0  # scans are only slightly skewed
    turned = ocr.estimate_skew(ocr.rotate(gray, 1.0))
    assert turned == pytest.approx(base - 1.0, abs=0.1)


def test_render_scale_follows_the_embedded_image():
    # yunnan is scanned at 120 dpi, chenggong at 150 dpi (corpus README)
    assert ocr.render_scale(_pdf(YUNNAN, "-scan.pdf")[0]) == pytest.approx(120 / 72, abs=0.02)
    assert ocr.render_scale(_pdf(CHENGGONG, "-scan.pdf")[0]) == pytest.approx(150 / 72, abs=0.02)


# --- single pages ------------------------------------------------------------


def test_table_page_lines_and_tables():
    """yunnan p.22: 表2 and the start of 表3 (merged header cells) as tables, not lines."""
    page = _read(YUNNAN, 21)
    content = page.content
    assert content.number == 22 and content.ocr
    assert (round(content.width), round(content.height)) == (595, 842)
    assert [[squash(c) for c in row] for row in content.tables[0].rows] == YUNNAN_TABLE2
    t3 = [[squash(c) for c in row] for row in content.tables[1].rows]
    assert len(content.tables) == 2 and all(len(row) == 6 for row in t3)
    # merged cells repeat: 绩效指标 over three columns, 指标值 over two header rows
    assert t3[0][:4] == ["绩效指标", "绩效指标", "绩效指标", "指标值"]
    assert t3[1][:4] == ["一级指标", "二级指标", "三级指标", "指标值"]
    # lines: in points, top to bottom, none inside a table, caption and heading present
    tops = [ln.top for ln in content.lines]
    assert tops == sorted(tops)
    for ln in content.lines:
        assert 0 <= ln.x0 < ln.x1 <= content.width and 0 <= ln.top < ln.bottom <= content.height
        for t in content.tables:
            x0, top, x1, bottom = t.bbox
            assert not (top < (ln.top + ln.bottom) / 2 < bottom and x0 < (ln.x0 + ln.x1) / 2 < x1)
    texts = [squash(ln.text) for ln in content.lines]
    assert "表2：绩效评价得分情况表" in texts
    assert "（二）绩效目标实现情况" in texts
    body = [ln for ln in content.lines if len(ln.text) > 20]
    assert 10 <= np.median([ln.size for ln in body]) <= 14  # body text is set in 12 pt


def test_toc_leaders_and_page_numbers_recovered():
    """The detector skips dot leaders and lone page numbers; they are read back."""
    lines = [squash(ln.text) for ln in _read(YUNNAN, 0).content.lines]
    entries = [t for t in lines if "....." in t]
    assert len(entries) >= 25
    ends = [t.rstrip("0123456789") != t or t.endswith("i") for t in entries]
    assert sum(ends) / len(entries) >= 0.9
    assert any(t.startswith("一、基本情况....") and t.endswith("1") for t in lines)


@pytest.mark.parametrize("report,index", [(YUNNAN, 21), (CHENGGONG, 1)])
def test_page_character_error_rate(report, index):
    """OCR text against the text PDF's text layer (benchmark: python bench/ocr.py)."""
    assert cer(_read(report, index).reading_text(), text_layer_page(report, index)) <= 0.03


# --- whole scans (shared parse cache) ---------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("report", REPORTS)
def test_scan_text_matches_text_pdf(report):
    """The scan's document text against the text PDF's, after the same assembly."""
    scan = parsed(rendering(report, "-scan.pdf"))
    text = parsed(rendering(report, ".pdf"))
    assert scan.ocr and not text.ocr
    assert scan.pages == text.pages
    assert cer(scan.text, text.text) <= 0.08
