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


def pytest_sessionfinish(session, exitstatus):
    if _OCR_CACHE:
        shutil.rmtree(_OCR_CACHE, ignore_errors=True)


CORPUS = Path(__file__).parent / "corpus"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
RENDERINGS = [".txt", ".docx", ".pdf", "-scan.pdf"]

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


_PARSED: dict[str, object] = {}
_RECORDS: dict[str, object] = {}


def parsed(path: Path):
    """Parse a corpus file once per test session (OCR of the scans is slow)."""
    from jixiao.extractor import parse

    key = str(path)
    if key not in _PARSED:
        _PARSED[key] = parse(path)
    return _PARSED[key]


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


TEXT_LAYERS = [".txt", ".docx", ".pdf"]


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
