"""Bad input: every file is read correctly or refused with one line naming it and the reason.

Covers a zero-byte file, truncated PDFs, an encrypted PDF (made here with pypdf), a
``.pdf`` that is really a Word file or HTML, a GBK-encoded text file, and a
generated 1,000-page PDF whose peak memory must stay flat (pages are read one at
a time).  Each case goes through both :func:`jixiao.extractor.parse` and the CLI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import rendering
from pdf_samples import report_pages, write_pdf
from jixiao.cli import main
from jixiao.extractor import parse
from jixiao.extractor.errors import ReadError
from jixiao.extractor.normalize import squash

SMALL_PDF = rendering("chenggong-2023-department", ".pdf")
SMALL_DOCX = rendering("chenggong-2023-department", ".docx")


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def _cli(path: Path):
    return CliRunner().invoke(main, ["parse", str(path)])


def assert_refused(path: Path, *reason_words: str) -> str:
    """``parse`` raises a one-line ReadError naming the file; the CLI exits 2 with that line."""
    with pytest.raises(ReadError) as err:
        parse(path)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(str(path) + ": ")
    for word in reason_words:
        assert word in msg.lower(), msg
    result = _cli(path)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr
    return msg


def write_big_pdf(path: Path, n_pages: int) -> None:
    write_pdf(path, report_pages(n_pages))


# --------------------------------------------------------------------------------------
# refusals
# --------------------------------------------------------------------------------------


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert_refused(path, "empty")


@pytest.mark.parametrize("keep", [0.02, 0.3])
def test_truncated_pdf_is_refused(tmp_path, keep):
    data = SMALL_PDF.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    assert_refused(path, "truncated")


def test_pdf_missing_only_its_trailer_is_repaired_and_read(tmp_path):
    """A file cut just before its cross-reference table still has every page: PDFium rebuilds it."""
    data = SMALL_PDF.read_bytes()
    cut = data.rfind(b"xref")
    assert cut > 0
    path = tmp_path / "no-xref.pdf"
    path.write_bytes(data[:cut])
    doc = parse(path)
    reference = parse(SMALL_PDF)
    assert doc.pages == 7
    assert [b.text for b in doc.headings] == [b.text for b in reference.headings]


def _encrypted(path: Path, user_password: str, algorithm: str) -> Path:
    """SMALL_PDF encrypted (owner password "owner"), written to ``path``."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(SMALL_PDF))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def test_encrypted_pdf_is_refused(tmp_path):
    path = _encrypted(tmp_path / "locked.pdf", "secret", "AES-128")
    assert_refused(path, "encrypted", "password")


def test_pdf_encrypted_with_only_an_owner_password_is_read(tmp_path):
    """Permissions-only encryption (empty user password) opens without a password: read it."""
    path = _encrypted(tmp_path / "permissions.pdf", "", "RC4-128")
    doc = parse(path)
    assert squash(doc.text) == squash(parse(SMALL_PDF).text)


def test_garbage_bytes_after_a_pdf_header(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert_refused(path)


def test_directory_and_missing_file(tmp_path):
    assert_refused(tmp_path, "directory")
    assert_refused(tmp_path / "nothing-here.pdf", "no such file")


# --------------------------------------------------------------------------------------
# misnamed files are read by content
# --------------------------------------------------------------------------------------


def test_word_file_named_pdf_is_read_as_docx(tmp_path):
    path = tmp_path / "report.pdf"
    shutil.copy(SMALL_DOCX, path)
    doc = parse(path)
    assert doc.format == "docx"
    assert [squash(b.text) for b in doc.headings if b.numbering] == [
        squash(b.text) for b in parse(SMALL_PDF).headings if b.numbering
    ]
    result = _cli(path)
    assert result.exit_code == 0 and "format=docx" in result.output


def test_html_file_named_pdf_is_read_or_refused_cleanly(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        "<h1>一、基本情况</h1><p>本项目绩效评价得分81.14分。</p></body></html>",
        encoding="utf-8",
    )
    try:
        doc = parse(path)
    except ReadError as err:
        assert "\n" not in str(err) and str(path) in str(err)
        assert _cli(path).exit_code == 2
        return
    assert doc.format == "html"
    assert "81.14" in doc.text
    assert _cli(path).exit_code == 0


def test_gbk_text_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("一、基本情况\n本项目绩效评价得分81.14分，评价等级为“良”。\n".encode("gbk"))
    try:
        doc = parse(path)
    except ReadError as err:
        assert "\n" not in str(err) and str(path) in str(err)
        return
    assert "评价等级为“良”" in doc.text
    assert [b.text for b in doc.headings] == ["一、基本情况"]


def test_scan_with_ocr_never_is_refused_by_the_cli(tmp_path):
    path = rendering("dongchuan-2019-poverty-pension", "-scan.pdf")
    result = CliRunner().invoke(main, ["parse", "--ocr", "never", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "no text layer" in result.stderr


# --------------------------------------------------------------------------------------
# a 1,000-page PDF: read completely, memory flat
# --------------------------------------------------------------------------------------

_MEASURE = textwrap.dedent(
    """
    import json, resource, sys, tracemalloc
    from jixiao.extractor import parse
    tracemalloc.start()
    doc = parse(sys.argv[1])
    _, peak = tracemalloc.get_traced_memory()
    print(json.dumps({"pages": doc.pages, "blocks": len(doc.blocks), "peak": peak,
                      "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    """
)


def _measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def big_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "thousand-pages.pdf"
    write_big_pdf(path, 1000)
    return path


def test_thousand_page_pdf_is_read_page_by_page(big_pdf):
    doc = parse(big_pdf)
    assert doc.format == "pdf" and doc.pages == 1000 and not doc.ocr
    # Running header and "- N -" page numbers are gone; each page's text is on its page.
    assert "Annual performance evaluation report" not in doc.text
    assert not any(b.text.strip().startswith("- ") for b in doc.blocks)
    sections = [b for b in doc.blocks if b.text.startswith("Section ")]
    assert len(sections) == 1000
    assert all(b.page == int(b.text.split()[1].rstrip(".")) for b in sections)
    for b in doc.blocks[:50] + doc.blocks[-50:]:
        assert doc.text[b.start : b.end] == b.text
    result = _cli(big_pdf)
    assert result.exit_code == 0 and "pages=1000" in result.output


def test_thousand_page_pdf_memory_stays_flat(big_pdf, tmp_path):
    small = tmp_path / "hundred-pages.pdf"
    write_big_pdf(small, 100)
    m_small, m_big = _measure(small), _measure(big_pdf)
    assert m_small["pages"] == 100 and m_big["pages"] == 1000
    # Ten times the pages must not mean ten times the memory: Python allocations peak
    # well under what holding every page would take, and the process grows by at most
    # a few tens of MB (the document model itself is linear in its text).
    assert m_big["peak"] < 48 * 1024 * 1024, m_big
    assert m_big["rss_kb"] - m_small["rss_kb"] < 96 * 1024, (m_small, m_big)
