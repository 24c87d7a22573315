"""Document → report record (``shared/contract``): patterns-driven extraction.

:func:`extract` reads a file (or takes a parsed :class:`Document`) and returns
exactly one contract record; :func:`build_record` assembles it from the parts:

* metadata and jurisdiction — :mod:`.metadata`, :mod:`.jurisdiction`, :mod:`.nlp`
* score and indicators — :mod:`.scores`, :mod:`.indicators`
* figures — :mod:`.figures`;  checks — :mod:`.checks`
* findings — :func:`jixiao.extractor.record.findings.extract_findings`
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import ReadError
from .checks import run_checks
from .figures import extract_figures
from .indicators import score_tables
from .metadata import extract_metadata
from .scores import extract_score

SCHEMA_VERSION = 1


class FindingsUnavailable(RuntimeError):
    """The findings extractor (``record/findings.py``) is missing or broken."""


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _findings(doc: Document) -> list[dict[str, Any]]:
    try:
        from .findings import extract_findings
    except ImportError as exc:  # the findings engineer's module has not landed (or fails to import)
        raise FindingsUnavailable(f"findings extractor unavailable: {exc}") from exc
    return extract_findings(doc)


def extract_fields(doc: Document) -> dict[str, Any]:
    """Every record field except ``findings`` and the source/identity fields."""
    meta = extract_metadata(doc)
    tables = score_tables(doc)
    table_total = next((t.total.score for t in tables if t.total and t.total.score is not None), None)
    score = extract_score(doc.text, table_total=table_total)
    indicators: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for t in tables:
        for r in t.rows:
            key = (r.code, r.level, r.name, r.parent)
            if key not in seen:
                seen.add(key)
                indicators.append(r.record())
    figures = extract_figures(doc)
    return {
        "title": meta["title"],
        "report_kind": meta["report_kind"],
        "evaluation_mode": meta["evaluation_mode"],
        "years": meta["years"],
        "report_date": meta["report_date"],
        "jurisdiction": meta["jurisdiction"],
        "program": meta["program"],
        "evaluated_unit": meta["evaluated_unit"],
        "evaluator": meta["evaluator"],
        "score": score,
        "indicators": indicators,
        "figures": figures,
        "checks": run_checks(doc, tables, score, figures),
    }


def build_record(doc: Document, path: str | Path | None = None, sha256: str | None = None) -> dict[str, Any]:
    """The contract record for a parsed ``doc`` read from ``path`` (bytes hashed to ``sha256``)."""
    path = str(path if path is not None else doc.path)
    if sha256 is None:
        try:
            sha256 = sha256_of(path)
        except OSError:  # a document built in memory: identify it by its text
            sha256 = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    fields = extract_fields(doc)
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": sha256,
        "source": {"path": path, "format": doc.format, "pages": doc.pages, "ocr": bool(doc.ocr)},
    }
    record.update(fields)
    record["findings"] = _findings(doc)
    # Contract field order: findings before figures and checks.
    order = ["schema_version", "doc_id", "source", "title", "report_kind", "evaluation_mode", "years",
             "report_date", "jurisdiction", "program", "evaluated_unit", "evaluator", "score", "indicators",
             "findings", "figures", "checks"]
    return {k: record[k] for k in order}


def extract(path_or_doc: str | Path | Document, *, ocr: str = "auto") -> dict[str, Any]:
    """Read one report file (or a parsed :class:`Document`) into one contract record.

    Raises :class:`~jixiao.extractor.errors.ReadError` (one line) for a file that
    cannot be read.
    """
    if isinstance(path_or_doc, Document):
        doc = path_or_doc
        return build_record(doc, doc.path)
    from .. import parse

    path = Path(path_or_doc)
    doc = parse(path, ocr=ocr)
    try:
        sha = sha256_of(path)
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from None
    return build_record(doc, str(path_or_doc), sha)


__all__ = ["extract", "build_record", "extract_fields", "sha256_of", "FindingsUnavailable", "SCHEMA_VERSION"]
