"""Pages as the unit of OCR work in an import, honest progress, empty input, indexing by default."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from jixiao.corpus.importer import NothingToImport, check_paths, import_paths
from jixiao.corpus.progress import Estimate, PlainImportProgress, import_progress
from jixiao.extractor import parse

from conftest import CORPUS, REPORTS
from hardening_helpers import run_cli

CHENGGONG = REPORTS[1]


class Recorder(PlainImportProgress):
    """The plain progress, also keeping what the importer told it."""

    def __init__(self) -> None:
        super().__init__(io.StringIO(), every=0)
        self.found: list[tuple[str, int]] = []

    def add_pages(self, n: int, path: str | None = None) -> None:
        super().add_pages(n, path)
        self.found.append((path, n))


def test_a_scan_is_read_page_by_page_by_the_workers_and_reads_as_a_whole_parse(tmp_path):
    scan = tmp_path / "in" / "scan.pdf"
    scan.parent.mkdir()
    shutil.copyfile(CORPUS / f"{CHENGGONG}-scan.pdf", scan)
    progress = Recorder()
    summary = import_paths([str(scan.parent)], tmp_path / "s.db", workers=2, progress=progress, index=False)
    assert summary.failed == [] and len(summary.imported) == 1
    pages = parse(scan).pages
    assert progress.found == [(str(scan), pages)]
    assert progress.estimate.pages_done == pages
    log = progress.stream.getvalue()
    assert f"{scan}: {pages} scanned page(s) to OCR" in log
    assert f"files 1/1 (1 imported, 0 skipped, 0 failed); OCR pages {pages}/{pages}" in log.splitlines()[-1]
    conn = sqlite3.connect(tmp_path / "s.db")
    stored, ocr = conn.execute("SELECT text, ocr FROM documents").fetchone()
    conn.close()
    assert ocr == 1 and stored == parse(scan).text


def test_text_layer_files_are_read_whole_with_no_pages_counted(tmp_path):
    progress = Recorder()
    files = [str(CORPUS / f"{r}.pdf") for r in REPORTS[1:]]
    summary = import_paths(files, tmp_path / "s.db", workers=2, progress=progress, index=False)
    assert len(summary.imported) == 2 and progress.found == []
    assert progress.stream.getvalue().splitlines()[-1].endswith("files 2/2 (2 imported, 0 skipped, 0 failed)")


def test_time_left_is_counted_in_pages_once_scans_are_found():
    now = [0.0]
    est = Estimate(clock=lambda: now[0])
    est.start(4)  # four files: two scans of 10 pages and two text files, say
    now[0] = 10.0
    est.file_done("a.txt", "imported")  # files alone: 1 file in 10 s, 3 left → 30 s
    assert est.seconds_left() == pytest.approx(30.0)
    est.add_pages(10, "b.pdf")
    now[0] = 20.0
    est.page_done(5)  # 5 pages in 10 s; left: 5 pages of b, and for each of the two files not
    # opened the pages per opened file so far (10 over a.txt and b.pdf = 5): 15 pages → 30 s
    assert est.seconds_left() == pytest.approx(30.0)
    line = est.line()
    assert "files 1/4" in line and "OCR pages 5/10 (30 pages/min)" in line and "about 0:00:30 left" in line
    now[0] = 30.0
    est.page_done(5)
    est.file_done("b.pdf", "imported")  # 10 pages in 20 s; 2 files left at 10/2 pages each → 20 s
    assert est.seconds_left() == pytest.approx(20.0)


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(tmp_path):
    assert isinstance(import_progress(io.StringIO()), PlainImportProgress)
    files = [str(CORPUS / f"{REPORTS[2]}.txt"), str(CORPUS / f"{REPORTS[2]}.docx")]
    proc = run_cli("import", *files, "--db", str(tmp_path / "s.db"), "--workers", "1", "--no-index")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == "importing 2 file(s)"
    assert lines[-1].endswith("files 2/2 (2 imported, 0 skipped, 0 failed)")


def test_an_empty_folder_is_refused_in_one_line_and_no_store_is_created(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\0")  # system litter is not a file to read
    db = tmp_path / "s.db"
    proc = run_cli("import", str(empty), "--db", str(db))
    assert proc.returncode == 1
    assert (
        proc.stderr.strip() == f"jixiao: nothing to import: {empty} holds no files (hidden files and system "
        "files are not read)"
    )
    assert not db.exists() and "Traceback" not in proc.stderr
    with pytest.raises(NothingToImport, match="nothing to import"):
        import_paths([str(empty)], db)
    assert not db.exists()
    check_paths([str(empty), str(CORPUS / f"{REPORTS[2]}.txt")])  # one file is enough


def test_import_embeds_the_new_findings_unless_told_not_to(tmp_path):
    src = str(CORPUS / f"{REPORTS[2]}.txt")
    proc = run_cli("import", src, "--db", str(tmp_path / "a.db"), "--workers", "0")
    assert proc.returncode == 0, proc.stderr
    proc2 = run_cli("import", src, "--db", str(tmp_path / "b.db"), "--workers", "0", "--no-index")
    assert proc2.returncode == 0, proc2.stderr

    def counts(db: Path) -> tuple[int, int]:
        conn = sqlite3.connect(db)
        try:
            findings = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            vectors = (
                conn.execute("SELECT count(*) FROM finding_vectors").fetchone()[0] if "finding_vectors" in tables else 0
            )
            return findings, vectors
        finally:
            conn.close()

    findings, vectors = counts(tmp_path / "a.db")
    assert findings >= 5 and vectors == findings and f"embedded {findings} finding(s)" in proc.stdout
    assert counts(tmp_path / "b.db") == (findings, 0) and "embedded" not in proc2.stdout


def test_the_library_import_embeds_when_asked(tmp_path):
    summary = import_paths([str(CORPUS / f"{REPORTS[2]}.txt")], tmp_path / "s.db", workers=0, index=True)
    conn = sqlite3.connect(tmp_path / "s.db")
    try:
        findings = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
        assert findings >= 5 and summary.embedded == findings
        assert conn.execute("SELECT count(*) FROM finding_vectors").fetchone()[0] == findings
    finally:
        conn.close()
