"""Shared fixtures: the real reports copied from ../shared/corpus into tests/corpus."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# OCR each scanned page once per test run: a page cache (keyed by file content, page and
# engine) that parse() in this process, the import workers and `jixiao` subprocesses all
# read and fill.  A cache named in the environment is used as it is (and kept).
_OCR_CACHE = None
if not os.environ.get("JIXIAO_OCR_CACHE"):
    _OCR_CACHE = tempfile.mkdtemp(prefix="jixiao-test-ocr-")
    os.environ["JIXIAO_OCR_CACHE"] = _OCR_CACHE


def pytest_collection_finish(session):
    """OCR every page the corpus scans need into the session's cache with two processes, a page
    each at a time, when the run reads scans at all: one process would OCR them one after another
    inside the first test that reads a scan (the yunnan scan's 40 pages alone took 48 s)."""
    if not _OCR_CACHE or not any("scan" in item.nodeid for item in session.items):
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from jixiao.extractor.readers import pdf

    jobs = [(str(path), [page]) for path in sorted(CORPUS.glob("*-scan.pdf")) for page in pdf.ocr_plan(path)]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(pdf.ocr_pages, *zip(*jobs), chunksize=4))


def pytest_sessionfinish(session, exitstatus):
    if _OCR_CACHE:
        shutil.rmtree(_OCR_CACHE, ignore_errors=True)


CORPUS = Path(__file__).parent / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
TEXT_LAYERS = [".txt", ".docx", ".pdf"]
RENDERINGS = [*TEXT_LAYERS, "-scan.pdf"]
# Every rendering as a test parameter; the scans (OCR) are marked slow.
ALL_RENDERINGS = [pytest.param(s, marks=[pytest.mark.slow] if "scan" in s else [], id=s) for s in RENDERINGS]

# The yunnan report's 表2 (page 22 of the printed PDF) as the report prints it, row by row:
# every rendering must give exactly these cells (whitespace removed).
YUNNAN_TABLE2 = [
    ["一级指标", "指标分值", "评价得分", "得分率"],
    ["决策", "10", "7.06", "70.60%"],
    ["过程", "25", "16.35", "65.40%"],
    ["产出", "30", "27.09", "90.30%"],
    ["效益", "35", "30.64", "87.74%"],
    ["合计", "100", "81.14", "81.14%"],
]


def rendering(report: str, suffix: str) -> Path:
    return CORPUS / f"{report}{suffix}"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


def dev_item_path(stem: str, skip_if_missing: bool = False) -> Path:
    """The text of the development-set item ``stem`` (dev half only); a missing item fails
    the test, or with ``skip_if_missing`` skips it."""
    from devset_compare import items

    found = [i for i in items("dev") if i.stem == stem]
    if not found and skip_if_missing:
        pytest.skip(f"dev item {stem} not in this checkout")
    assert len(found) == 1, f"dev item {stem}: {len(found)} found"
    return found[0].path


_PARSED: dict[str, object] = {}
_RECORDS: dict[str, object] = {}


def parsed(path: Path):
    """Parse a corpus file once per test session (OCR of the scans is slow)."""
    from jixiao.extractor import parse

    key = str(path)
    if key not in _PARSED:
        _PARSED[key] = parse(path)
    return _PARSED[key]


@pytest.fixture
def fake_ocr(monkeypatch):
    """Stand in for the OCR engine (slow): every page reads as two lines of text; the list
    of the 0-based pages the reader sent to it."""
    from jixiao.extractor.layout import Line, PageContent
    from jixiao.extractor.readers import ocr

    calls: list[int] = []

    def ocr_page(pdf, index):
        calls.append(index)
        return PageContent(
            number=index + 1,
            width=595,
            height=842,
            ocr=True,
            lines=[
                Line(f"Recognised text of page {index + 1}, a full line", 72, 120, 520, 134, size=14),
                Line("ending here.", 72, 140, 160, 154, size=14),
            ],
        )

    monkeypatch.setattr(ocr, "ocr_page", ocr_page)
    return calls


def record_of(path: Path):
    """``build_record(parsed(path), path)`` once per test session: the yunnan report's record takes
    ~2.5 CPU-seconds per rendering, and the record, checks and export tests all look at it.  Tests
    read it through ``.to_dict()`` (a new dict each time), so none can change what another sees."""
    from jixiao.extractor.record import build_record

    key = str(path)
    if key not in _RECORDS:
        _RECORDS[key] = build_record(parsed(path), path)
    return _RECORDS[key]


def copy_store(db: Path, dest: Path) -> Path:
    """A private copy of a session store (sqlite's backup: WAL contents included), for tests that write."""
    import sqlite3

    src, dst = sqlite3.connect(str(db)), sqlite3.connect(str(dest))
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return dest


def text_layer_files() -> list[Path]:
    """The nine text-layer renderings (txt, docx, pdf of each report; no OCR)."""
    return [rendering(r, s) for r in REPORTS for s in TEXT_LAYERS]


@pytest.fixture(scope="session")
def text_layer_import(tmp_path_factory):
    """``(db, summary)``: the nine text-layer renderings imported once per session with 2 workers
    into a fresh store, then their findings embedded (the default model).  The import tests check
    this first import's summary; the search, compare, export and web tests read the store (tests
    that write take a :func:`copy_store`)."""
    from jixiao import import_paths
    from jixiao.store import Store
    from jixiao.store.vectors import index_missing

    db = tmp_path_factory.mktemp("indexed") / "corpus.db"
    with Store(db) as store:
        summary = import_paths([str(f) for f in text_layer_files()], store, workers=2)
        index_missing(store.conn)
    return db, summary


@pytest.fixture(scope="session")
def indexed_store(text_layer_import) -> Path:
    """The session's store of the text-layer renderings, with finding vectors."""
    db, summary = text_layer_import
    assert summary.failed == [] and len(summary.imported) == 9 and summary.new_reports == 3, summary.text()
    return db
