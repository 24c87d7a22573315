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


def parsed(path: Path):
    """Parse a corpus file once per test session (OCR of the scans is slow)."""
    from jixiao.extractor import parse

    key = str(path)
    if key not in _PARSED:
        _PARSED[key] = parse(path)
    return _PARSED[key]


@pytest.fixture(scope="session")
def indexed_store(tmp_path_factory) -> Path:
    """A store imported from the text-layer renderings (txt, docx, pdf; no OCR) with finding
    vectors (the default model), built once per session for the search and compare tests."""
    from jixiao import import_paths
    from jixiao.store import Store
    from jixiao.store.vectors import index_missing

    db = tmp_path_factory.mktemp("indexed") / "corpus.db"
    files = [str(rendering(r, s)) for r in REPORTS for s in (".txt", ".docx", ".pdf")]
    with Store(db) as store:
        import_paths(files, store, workers=2)
        index_missing(store.conn)
    return db
