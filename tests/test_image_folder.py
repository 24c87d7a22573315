"""A folder of page images (scan-008.png, scan-009.png … scan-14.png) is one scanned document
(issue 10): its pages in the numbers' order, OCR'd, imported as one rendering of its report.

The images are the pages of tests/corpus/chenggong-2023-department-scan.pdf, rendered once per
module; each is OCR'd once per test run (the page cache conftest.py sets up).  Their numbers
start at 8, so that name order (scan-10 before scan-8) and page order differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
from rapidfuzz import fuzz

from conftest import CORPUS, REPORTS
from jixiao.corpus.importer import import_paths
from jixiao.corpus.walk import FileItem, walk
from jixiao.extractor import ReadError, parse
from jixiao.store import Store

SCAN = CORPUS / f"{REPORTS[1]}-scan.pdf"
TEXT_PDF = CORPUS / f"{REPORTS[1]}.pdf"
TXT = CORPUS / f"{REPORTS[1]}.txt"
DPI = 200


def _han(text: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("images") / "chenggong-scan"
    out.mkdir()
    pdf = pypdfium2.PdfDocument(str(SCAN))
    for i in range(len(pdf)):
        image = pdf[i].render(scale=DPI / 72, grayscale=True).to_pil()
        image.save(out / f"scan-{i + 8:03d}.png" if i < 2 else out / f"scan-{i + 8}.png", dpi=(DPI, DPI))
    pdf.close()
    (out / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # litter a Mac leaves: not a page
    return out


def test_the_folder_is_read_as_one_document_in_page_order(folder):
    names = sorted(p.name for p in folder.glob("*.png"))
    assert names[0] == "scan-008.png" and names[2] == "scan-10.png"  # name order is not page order
    doc = parse(folder)
    assert doc.format == "image" and doc.ocr and doc.pages == len(names) == 7
    pdf = pypdfium2.PdfDocument(str(TEXT_PDF))
    truth = [_han(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    pdf.close()
    for page in range(1, doc.pages + 1):
        read = _han("".join(b.text for b in doc.blocks if b.page == page))
        scores = [fuzz.ratio(read, t) for t in truth]
        # Each page reads as the text layer's page of the same number, and as no other.
        assert scores.index(max(scores)) == page - 1 and max(scores) > 90, (page, scores)


def test_importing_the_folder_stores_one_rendering_of_the_report(folder, tmp_path):
    db = tmp_path / "f.db"
    summary = import_paths([str(TXT), str(folder)], db, workers=0, index=False)
    assert summary.failed == [] and len(summary.imported) == 2, summary.failed
    assert summary.new_reports == 1  # the scan is another rendering of the .txt's report
    assert [f.path for f in summary.imported] == [str(TXT), str(folder)]
    assert summary.imported[1].pages == 7 and summary.imported[1].status != "new report"
    with Store(db) as store:
        row = store.conn.execute("SELECT format, pages, ocr FROM documents WHERE path = ?", (str(folder),)).fetchone()
    assert tuple(row) == ("image", 7, 1)
    again = import_paths([str(folder)], db, workers=0)
    assert again.imported == [] and [p for p, _ in again.skipped] == [str(folder)]  # same bytes, same document


class _PageProgress:
    """The progress calls of an import: the scans' pages announced and the pages OCR'd."""

    def __init__(self) -> None:
        self.added: list[tuple[str, int]] = []
        self.done = 0

    def start(self, total: int) -> None: ...

    def advance(self, path: str, outcome: str) -> None: ...

    def finish(self) -> None: ...

    def add_pages(self, n: int, path: str) -> None:
        self.added.append((path, n))

    def page_done(self, n: int) -> None:
        self.done += n


def test_with_workers_the_folders_pages_are_ocrd_as_separate_tasks(folder, tmp_path):
    # As a scanned PDF's: the first task names the pages, each is OCR'd by a task of its own
    # (both workers on one scan), then the folder is read with its pages from the page cache.
    progress = _PageProgress()
    db = tmp_path / "w.db"
    summary = import_paths([str(folder)], db, workers=2, index=False, progress=progress)
    assert summary.failed == [] and [f.pages for f in summary.imported] == [7], summary.failed
    assert progress.added == [(str(folder), 7)] and progress.done == 7
    with Store(db) as store:
        fmt, text = store.conn.execute("SELECT format, text FROM documents").fetchone()
    assert fmt == "image" and text == parse(folder).text  # the document read in one piece


def test_a_folder_of_other_files_is_walked_into_not_read_as_one(folder, tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for name in ("scan-008.png", "scan-009.png"):
        (mixed / name).write_bytes((folder / name).read_bytes())
    (mixed / "notes.txt").write_text("不是扫描页", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        parse(mixed)
    assert str(mixed) in str(err.value) and "\n" not in str(err.value)
    items = [e for e in walk([str(mixed)]) if isinstance(e, FileItem)]
    assert sorted(Path(i.path).name for i in items) == ["notes.txt", "scan-008.png", "scan-009.png"]
    # Two pages of one scan, and nothing else: one document again.
    (mixed / "notes.txt").unlink()
    assert [e.path for e in walk([str(mixed)])] == [str(mixed)]
