"""Bad input, one file at a time and in a batch (brief: one clear line naming the file and the
reason, no traceback; a batch goes on and records what failed).

Each file is made here, small: a zero-byte file, a truncated and a password-protected PDF, a
``.docx`` that is a ZIP of other files, a PDF of a blank page, GB18030 and UTF-16 text, a file
that cannot be opened (permission denied).  ``jixiao extract`` refuses each with exit status 2
and one line; ``jixiao import`` of them all beside a good report stores the report and lists
each failure once.
"""

from __future__ import annotations

import builtins
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import rendering
from jixiao.cli import main
from jixiao.corpus.importer import import_paths
from jixiao.extractor import parse
from jixiao.extractor.errors import ReadError

REPORT = "某县2022年度农村公路养护资金绩效评价报告\n\n我局对2022年度农村公路养护资金开展了绩效自评，自评得分92分。\n"


def _fake_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("junk.bin", b"\x00\x01 not a document " * 50)
        zf.writestr("notes/readme.txt", "一份说明")
    return path


def _blank_pdf(path: Path) -> Path:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(str(path))
    return path


def _locked_pdf(path: Path) -> Path:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(rendering("chenggong-2023-department", ".pdf")))
    writer.encrypt("secret")
    writer.write(str(path))
    return path


def _extract_refuses(path: Path, *words: str) -> str:
    result = CliRunner().invoke(main, ["extract", "--ocr", "never", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def test_a_docx_that_is_a_zip_of_other_files_is_one_failure_naming_what_it_lacks(tmp_path):
    path = _fake_docx(tmp_path / "report.docx")
    _extract_refuses(path, "not a Word document", "word/document.xml")
    # a ZIP named .zip is still an archive whose members are read (import walks archives)
    archive = _fake_docx(tmp_path / "reports.zip")
    with pytest.raises(ReadError, match="ZIP archive, not a document"):
        parse(archive)


def test_a_pdf_of_blank_pages_is_refused_not_read_into_an_empty_record(tmp_path):
    path = _blank_pdf(tmp_path / "blank.pdf")
    assert _extract_refuses(path, "no text").endswith("no text on its 1 page")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_gb18030_and_utf16_text_read_as_the_same_report(tmp_path, encoding):
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))  # (utf-16: with its byte-order mark)
    assert encoding != "utf-16" or REPORT.encode(encoding)[:2] in (b"\xff\xfe", b"\xfe\xff")
    doc = parse(path)
    assert "农村公路养护资金" in doc.text and "自评得分92分" in doc.text


def test_a_file_that_cannot_be_opened_is_refused_as_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(REPORT, encoding="utf-8")
    _deny(monkeypatch, path)
    _extract_refuses(path, "permission denied")


def _deny(monkeypatch, *paths: Path) -> None:
    """Opening any of ``paths`` fails as a chmod 000 file does for a user who is not root (the
    tests may run as root, whom file modes do not stop)."""
    denied = {os.fspath(p) for p in paths}
    real = builtins.open

    def guarded(file, *args, **kwargs):
        if os.fspath(file) in denied if isinstance(file, (str, os.PathLike)) else False:
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)


def test_a_batch_of_bad_files_goes_on_and_lists_each_failure_once(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "zero.pdf").write_bytes(b"")
    data = rendering("chenggong-2023-department", ".pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    _locked_pdf(folder / "locked.pdf")
    _fake_docx(folder / "fake.docx")
    _blank_pdf(folder / "blank.pdf")
    (folder / "locked.txt").write_text(REPORT.replace("92", "91"), encoding="utf-8")
    _deny(monkeypatch, folder / "locked.txt")
    summary = import_paths([folder], tmp_path / "s.db", workers=0, ocr="never")
    failed = dict(summary.failed)
    assert summary.exit_status == 1
    assert {Path(p).name for p in failed} == {
        "zero.pdf",
        "truncated.pdf",
        "locked.pdf",
        "fake.docx",
        "blank.pdf",
        "locked.txt",
    }, failed
    assert all(reason and "\n" not in reason and "Traceback" not in reason for reason in failed.values())
    reasons = {Path(p).name: r for p, r in failed.items()}
    assert "not a Word document" in reasons["fake.docx"]
    assert "permission denied" in reasons["locked.txt"]
    assert "no text" in reasons["blank.pdf"]
    assert summary.reports_after == 1  # the good report, read after and beside them
