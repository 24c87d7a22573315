"""Resource limits: hostile files of a few kilobytes that claim gigabytes or hours (issue 11).

Items covered: 6 (memory: a DOCX grid of 10^9 columns, an HTML table of colspan=1000
rowspan=1000 cells, a DOCX part inflating to 1 GiB, a 200 × 200-inch page rendered for
OCR, a 500 MB text file) and 7 (time: sections in linear time, a 12,000-page PDF, near-empty
image pages not OCR'd, the per-file time limit, a FIFO).  Each file is refused with one line
naming it, the limit and how to raise it — or read within the limits — and the peak memory
of the process reading it stays under the documented ~1 GiB.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, REPORTS
from hardening_helpers import (
    BLACK_SQUARE,
    MEMORY_CEILING,
    WHITE,
    assert_refused,
    counts,
    image_pdf,
    peak_bytes,
    run_cli,
)
from jixiao.extractor import parse
from jixiao.extractor.errors import ReadError
from jixiao.extractor.limits import Limits, current, parse_value, using

MiB = 1024 * 1024


# ----------------------------------------------------------------------------- the settings themselves
def test_limits_come_from_defaults_environment_and_settings(monkeypatch):
    assert Limits().text_bytes == 32 * MiB and Limits().file_seconds == 1800
    monkeypatch.setenv("JIXIAO_LIMIT_TEXT_BYTES", "64M")
    monkeypatch.setenv("JIXIAO_LIMIT_FILE_SECONDS", "600")
    assert current().text_bytes == 64 * MiB and current().file_seconds == 600
    assert current().with_settings(["table-cells=1000", "pages=10"]).table_cells == 1000
    with using(Limits(pages=3)):
        assert current().pages == 3
    assert current().pages == Limits().pages
    with pytest.raises(ValueError, match="unknown limit"):
        parse_value("nonsense", "1")
    with pytest.raises(ValueError, match="not a number"):
        current().with_settings(["pages=many"])


def _refused_with_little_memory(tmp_path: Path, path: Path, *words: str) -> str:
    """``jixiao parse`` refuses ``path`` (exit 2, one line, no traceback) without using much memory."""
    measure = tmp_path / "maxrss"
    proc = run_cli("parse", str(path), measure=measure)
    line = assert_refused(proc, path, *words)
    assert peak_bytes(measure) < MEMORY_CEILING, peak_bytes(measure)
    return line


# ----------------------------------------------------------------------------- 6. memory
def _docx_with_table(path: Path, patch) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("绩效评价报告")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    patch(table, OxmlElement, qn)
    d.save(path)
    return path


def _grid_span(table, OxmlElement, qn):
    tc_pr = table.cell(0, 0)._tc.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "1000000000")
    tc_pr.append(span)


def _grid_before(table, OxmlElement, qn):
    tr = table.rows[1]._tr
    tr_pr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "100000000")
    tr_pr.append(before)


@pytest.mark.parametrize("patch", [_grid_span, _grid_before], ids=["gridSpan", "gridBefore"])
def test_a_docx_table_claiming_a_billion_columns_is_refused(tmp_path, patch):
    path = _docx_with_table(tmp_path / "wide.docx", patch)
    assert path.stat().st_size < 64 * 1024
    line = _refused_with_little_memory(tmp_path, path, "table too large", "table_cells", "JIXIAO_LIMIT_TABLE_CELLS")
    assert "columns" in line


def test_an_html_table_of_huge_spans_is_refused(tmp_path):
    cells = '<td colspan="1000" rowspan="1000">x</td>' * 20
    markup = (
        "<!DOCTYPE html><html><body><p>绩效评价报告</p><table>" + f"<tr>{cells}</tr>" * 200 + "</table></body></html>"
    )
    path = tmp_path / "spans.html"
    path.write_text(markup, encoding="utf-8")
    assert path.stat().st_size < 200 * 1024
    _refused_with_little_memory(tmp_path, path, "table too large", "table_cells")


def test_an_html_rowspan_past_the_last_row_stops_there():
    from jixiao.extractor.readers.html import read_html

    doc = read_html('<table><tr><td rowspan="1000">a</td><td>b</td></tr><tr><td>c</td></tr></table>')
    assert doc.tables[0].rows == [["a", "b"], ["a", "c"]]


def test_a_docx_part_inflating_to_a_gibibyte_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/image1.png", "w", force_zip64=True) as fh:
            chunk = b"\0" * (16 * MiB)
            for _ in range(64):
                fh.write(chunk)
    assert path.stat().st_size < 8 * MiB
    _refused_with_little_memory(tmp_path, path, "word/media/image1.png", "1024 MiB", "docx_part_bytes")


def test_a_200_inch_page_is_not_rendered_for_ocr(tmp_path):
    path = image_pdf(tmp_path / "huge-page.pdf", [(14400, 14400, BLACK_SQUARE)])
    measure = tmp_path / "maxrss"
    proc = run_cli("parse", str(path), measure=measure)
    assert "Traceback" not in proc.stdout + proc.stderr
    # nothing else on the page: no text to read, refused in one line that says why and which limit
    assert proc.returncode == 2, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "no text on its 1 page" in proc.stderr
    assert "page 1 not OCR'd: 200 × 200 in" in proc.stderr and "ocr_page_area" in proc.stderr
    assert peak_bytes(measure) < MEMORY_CEILING


def test_pages_rendered_for_ocr_stay_under_the_pixel_limit(tmp_path):
    import pypdfium2 as pdfium

    from jixiao.extractor.readers.ocr import render_gray

    path = image_pdf(tmp_path / "poster.pdf", [(3600, 3600, BLACK_SQUARE)])  # 50 × 50 in, under the area limit
    pdf = pdfium.PdfDocument(str(path))
    try:
        with using(Limits(ocr_pixels=4_000_000)):
            gray, scale = render_gray(pdf, 0)
    finally:
        pdf.close()
    assert gray.size <= 4_000_000 * 1.01 and scale < 1.0


def test_a_500_mb_text_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 500 MB on paper, a few KB on disk
        fh.write(("绩效评价报告\n" * 1000).encode("utf-8"))  # more than the 8 KiB sniffed
        fh.truncate(500 * 1000 * 1000)
    _refused_with_little_memory(tmp_path, path, "too large", "text_bytes", "JIXIAO_LIMIT_TEXT_BYTES")


# ----------------------------------------------------------------------------- 7. time
def test_section_detection_is_linear_in_the_paragraphs(monkeypatch):
    """50,000 heading-and-paragraph pairs: each block is looked at a bounded number of times
    (it was every block once per heading: 100k paragraphs took hours)."""
    from jixiao.extractor.document import DocumentBuilder
    from jixiao.extractor.record import sections

    calls = {"terminator": 0, "continues": 0}
    real = sections.is_terminator

    def counting(text):
        calls["terminator"] += 1
        return real(text)

    monkeypatch.setattr(sections, "is_terminator", counting)
    monkeypatch.setattr(sections, "continues_previous", lambda *a: calls.__setitem__("continues", 1) or False)
    n = 50_000
    b = DocumentBuilder("big.txt", "txt")
    for i in range(n):
        b.add("paragraph", "存在的问题" if i % 2 == 0 else f"第{i}项资金使用不规范。")
    found = sections.find_sections(b.build())
    assert len(found) == n // 2
    assert calls["terminator"] <= 2 * n and calls["continues"] == 0


def test_a_12000_page_pdf_is_refused_at_the_page_limit(tmp_path):
    path = image_pdf(tmp_path / "pages.pdf", [(595, 842, WHITE)] * 12_000)
    assert path.stat().st_size < 4 * MiB
    _refused_with_little_memory(tmp_path, path, "too many pages", "12,000 pages", "pages = 5,000")


def test_near_empty_image_pages_are_not_ocred(tmp_path, fake_ocr):
    pages = [(595, 842, WHITE)] * 30
    pages[7] = (595, 842, BLACK_SQUARE)  # one page with ink on it
    doc = parse(image_pdf(tmp_path / "blank-scan.pdf", pages))
    assert fake_ocr == [7]
    assert doc.pages == 30 and any("near-empty" in w for w in doc.warnings)
    assert any("more pages not OCR'd" in w for w in doc.warnings)  # 29 notes summarised, not 29 lines


def test_a_file_past_the_time_limit_fails_and_the_batch_goes_on(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    # 40 scanned pages: most of a minute of OCR at the least; the text file takes well under a
    # second on an idle machine, and the limit leaves it room on a busy one.
    shutil.copyfile(CORPUS / f"{REPORTS[0]}-scan.pdf", batch / "slow-scan.pdf")
    shutil.copyfile(CORPUS / f"{REPORTS[2]}.txt", batch / "quick.txt")
    db = tmp_path / "s.db"
    # No shared OCR page cache: the scan's pages must really be read (and take too long).
    proc = run_cli(
        "import",
        str(batch),
        "--db",
        str(db),
        "--workers",
        "1",
        "--limit",
        "file_seconds=15",
        env={"JIXIAO_OCR_CACHE": ""},
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == 1, proc.stdout + proc.stderr
    slow = batch / "slow-scan.pdf"
    assert (
        f"  {slow}: took too long: reading it exceeds the limit file_seconds = 15 s "
        "(set JIXIAO_LIMIT_FILE_SECONDS to raise it)"
    ) in proc.stdout.splitlines()
    c = counts(db)
    assert c["reports"] == 1 and c["import_errors"] == 1


def test_a_bad_limit_setting_is_a_usage_error(tmp_path):
    proc = run_cli("import", str(CORPUS / f"{REPORTS[2]}.txt"), "--db", str(tmp_path / "s.db"), "--limit", "pages=lots")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "pages" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_parse_on_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "report.pdf"
    os.mkfifo(fifo)
    proc = run_cli("parse", str(fifo), timeout=120)  # it used to wait for a writer forever
    assert_refused(proc, fifo, "not a regular file", "FIFO")
    with pytest.raises(ReadError, match="FIFO"):
        parse(fifo)
