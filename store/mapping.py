"""Record ⇄ table rows: the one place that knows which field of a report record goes where.

The store keeps a :class:`~jixiao.extractor.record.model.Record` (contract version 2) as
rows of ``reports``, ``indicators``, ``findings``, ``figures``, ``checks`` and ``evidence``
(:mod:`jixiao.store.schema`), and the record extracted from each file as JSON in
``documents.record``.  :func:`to_rows` writes a record's rows, :func:`from_rows` reads them
back into a ``Record`` equal to the one extracted (its ``source.alternates`` listing the
report's other renderings); :func:`record_json` / :func:`record_from_json` are the
``documents.record`` column.  Every other module of the store, the importer and the
command line go through here (or the typed model) rather than spelling field names.

Records stored by jixiao before version 2 (no evidence) read back as version 2 records
with their values, empty evidence and :data:`~jixiao.store.schema.V1_WARNING`.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass
from typing import Any, Callable, Iterable

from ..extractor.record.model import (
    EVIDENCE_KEYS,
    SCHEMA_VERSION,
    Check,
    Evidence,
    Figure,
    Finding,
    Indicator,
    Jurisdiction,
    Record,
    Score,
    Source,
)
from . import identity
from .fts import segment
from .schema import V1_WARNING

Row = dict[str, Any]

# The columns of a record's jurisdiction, in the order of :class:`Jurisdiction`'s fields.
JURISDICTION_COLUMNS = ("jurisdiction_name", "jurisdiction_level", "province", "prefecture", "county", "adcode")

# Filter columns shared by reports and findings (denormalised into findings).
FILTER_COLUMNS = (
    "years",
    "year_min",
    "year_max",
    *JURISDICTION_COLUMNS,
    "program",
    "report_kind",
    "evaluation_mode",
)

# The columns that hold a record's values, per table, in the order exports show them
# (storage-only columns — ids, year_min/year_max, segmented text — are left out).
CONTENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "reports": (
        "title",
        "report_kind",
        "evaluation_mode",
        "years",
        "report_date",
        *JURISDICTION_COLUMNS,
        "program",
        "evaluated_unit",
        "evaluator",
        "score_total",
        "score_max",
        "grade",
        "grade_source",
        "warnings",
    ),
    "indicators": ("ordinal", "code", "level", "name", "parent", "weight", "score", "page", "span_start", "span_end"),
    "findings": ("kind", "ordinal", "title", "text", "category", "page", "responds_to", "span_start", "span_end"),
    "figures": ("ordinal", "name", "value", "unit", "raw", "page", "span_start", "span_end"),
    "checks": ("ordinal", "rule", "ok", "detail", "page", "span_start", "span_end"),
    "evidence": ("field", "page", "text", "span_start", "span_end"),
}

# The reports column holding each evidenced field's value.
EVIDENCE_COLUMN: dict[str, str] = {
    "title": "title",
    "years": "years",
    "report_date": "report_date",
    "report_kind": "report_kind",
    "evaluation_mode": "evaluation_mode",
    "jurisdiction": "jurisdiction_name",
    "program": "program",
    "evaluated_unit": "evaluated_unit",
    "evaluator": "evaluator",
    "score.total": "score_total",
    "score.max": "score_max",
    "score.grade": "grade",
}

_FIELD_VALUE: dict[str, Callable[[Record], Any]] = {
    "title": lambda r: r.title,
    "years": lambda r: list(r.years) or None,
    "report_date": lambda r: r.report_date,
    "report_kind": lambda r: r.report_kind,
    "evaluation_mode": lambda r: r.evaluation_mode,
    "jurisdiction": lambda r: r.jurisdiction if (r.jurisdiction.name or r.jurisdiction.adcode) else None,
    "program": lambda r: r.program,
    "evaluated_unit": lambda r: r.evaluated_unit,
    "evaluator": lambda r: r.evaluator,
    "score.total": lambda r: r.score.total,
    "score.max": lambda r: r.score.max,
    "score.grade": lambda r: r.score.grade,
}
assert tuple(_FIELD_VALUE) == EVIDENCE_KEYS == tuple(EVIDENCE_COLUMN)


# ----------------------------------------------------------------------------- fields, for people
@dataclass(frozen=True)
class FieldView:
    """One chosen field of a record with where it came from (for displays and the evidence sheet)."""

    key: str  # the contract's evidence key: title, years, …, score.total
    value: Any  # None when the report does not state it
    evidence: Evidence | None
    note: str | None  # without evidence: "derived from the score", "default (not printed)", "no evidence"

    @property
    def text(self) -> str:
        """The value as a person reads it ("" for null)."""
        return display(self.key, self.value)


def display(key: str, value: Any) -> str:
    """A field's value as text: years joined, a jurisdiction with its adcode, numbers as printed by Python."""
    if value is None:
        return ""
    if key == "years":
        return ", ".join(str(y) for y in value)
    if isinstance(value, Jurisdiction):
        code = f" ({value.adcode})" if value.adcode else ""
        return f"{value.name or ''}{code}".strip()
    return str(value)


def fields(record: Record) -> list[FieldView]:
    """The record's evidenced fields in contract order, each with its evidence or why it has none."""
    out = []
    for key in EVIDENCE_KEYS:
        value = _FIELD_VALUE[key](record)
        ev = record.evidence.get(key)
        note = None
        if value is not None and ev is None:
            if key == "score.grade" and record.score.grade_source == "derived":
                note = "derived from the score"
            elif key == "score.max" and value == 100:
                note = "default (not printed)"
            else:
                note = "no evidence"
        out.append(FieldView(key, value, ev, note))
    return out


# ----------------------------------------------------------------------------- what the store decides on
def has_report_content(record: Record) -> bool:
    """Whether extraction found anything a report has (else the importer refuses the file)."""
    return bool(
        record.findings
        or record.indicators
        or record.score.total is not None
        or (record.years and (record.program or record.jurisdiction.name))
    )


def identity_of(record: Record, fingerprint: str | None | bool = True) -> identity.Identity:
    """What :mod:`jixiao.store.identity` compares; ``fingerprint`` a stored one (or ``True``: compute it)."""
    jur = record.jurisdiction
    if fingerprint is True:
        fingerprint = identity.fingerprint(record.title, jur.name, jur.adcode, record.years, record.score.total)
    return identity.Identity(frozenset(int(y) for y in record.years), jur.adcode, fingerprint or None)


def finding_id(report_id: str, kind: str, ordinal: int) -> str:
    """Stable id of a finding: ``<report_id[:12]>-<p|r|e><ordinal>``, e.g. ``3fa2b1c4d5e6-p3``."""
    return f"{report_id[:12]}-{(kind or '?')[:1]}{ordinal}"


def json_list(value: str | list | None) -> list:
    """A JSON list column (``years``, ``warnings``) read back; NULL or a list already decoded pass through."""
    if value is None or value == "":
        return []
    return list(json.loads(value)) if isinstance(value, str) else list(value)


# The JSON path of the findings in a ``documents.record`` value (counted in SQL to rank renderings).
RECORD_FINDINGS_PATH = "$.findings"


def filter_columns(record: Record) -> Row:
    years = sorted(int(y) for y in record.years)
    return {
        "years": json.dumps(list(record.years)),
        "year_min": years[0] if years else None,
        "year_max": years[-1] if years else None,
        **dict(zip(JURISDICTION_COLUMNS, astuple(record.jurisdiction))),
        "program": record.program,
        "report_kind": record.report_kind,
        "evaluation_mode": record.evaluation_mode,
    }


# ----------------------------------------------------------------------------- documents.record (JSON)
def record_json(record: Record) -> str:
    """The ``documents.record`` value: the contract JSON of the record extracted from one file."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def record_from_json(text: str) -> Record:
    """A ``documents.record`` value read back; a version 1 record gets empty evidence and the v1 warning."""
    data = json.loads(text)
    record = Record.from_dict(data)
    if int(data.get("schema_version") or 1) < SCHEMA_VERSION and V1_WARNING not in record.warnings:
        record.warnings.append(V1_WARNING)
    return record


def _extracted_version(record: Record) -> int:
    """The contract version the record was extracted under (``reports.schema_version``)."""
    return 1 if V1_WARNING in record.warnings else SCHEMA_VERSION


# ----------------------------------------------------------------------------- Record → rows
def _span_columns(span: tuple[int, int] | None) -> Row:
    return {"span_start": span[0] if span else None, "span_end": span[1] if span else None}


def finding_segments(record: Record) -> dict[str, str]:
    """The searchable words (jieba, :func:`jixiao.store.fts.segment`) of every finding's title
    and text, keyed by that title or text: what :func:`to_rows` stores in ``title_seg`` and
    ``text_seg``.  An import's workers compute it beside the record, so that the store's one
    writer does not (segmenting was three quarters of writing a report)."""
    out: dict[str, str] = {}
    for f in record.findings:
        for text in (f.title or "", f.text or ""):
            if text not in out:
                out[text] = segment(text)
    return out


def to_rows(
    record: Record, report_id: str, n_sources: int, segments: dict[str, str] | None = None
) -> dict[str, list[Row]]:
    """Rows of every table for ``record`` stored as report ``report_id`` (reports first);
    ``segments`` (:func:`finding_segments`) saves segmenting the findings again."""

    def seg(text: str) -> str:
        return segments[text] if segments is not None and text in segments else segment(text)

    filt = filter_columns(record)
    score = record.score
    report = {
        "report_id": report_id,
        "doc_id": record.doc_id,
        "schema_version": _extracted_version(record),
        "title": record.title,
        "report_date": record.report_date,
        "evaluated_unit": record.evaluated_unit,
        "evaluator": record.evaluator,
        "score_total": score.total,
        "score_max": score.max,
        "grade": score.grade,
        "grade_source": score.grade_source,
        "n_sources": n_sources,
        "warnings": json.dumps(list(record.warnings), ensure_ascii=False),
        **filt,
    }
    indicators = [
        {
            "report_id": report_id,
            "ordinal": n,
            "code": x.code,
            "level": x.level,
            "name": x.name,
            "parent": x.parent,
            "weight": x.weight,
            "score": x.score,
            "page": x.page,
            **_span_columns(x.span),
        }
        for n, x in enumerate(record.indicators, start=1)
    ]
    used: set[str] = set()
    findings = []
    for f in record.findings:
        base = finding_id(report_id, f.kind, f.ordinal)
        fid, n = base, 2
        while fid in used:  # a record repeating (kind, ordinal) must not lose a finding
            fid, n = f"{base}.{n}", n + 1
        used.add(fid)
        findings.append(
            {
                "finding_id": fid,
                "report_id": report_id,
                "kind": f.kind,
                "ordinal": f.ordinal,
                "title": f.title,
                "text": f.text,
                "category": f.category,
                "page": f.page,
                **_span_columns(f.span),
                "responds_to": f.responds_to,
                "title_seg": seg(f.title or ""),
                "text_seg": seg(f.text or ""),
                **filt,
            }
        )
    figures = [
        {
            "report_id": report_id,
            "ordinal": n,
            "name": x.name,
            "value": x.value,
            "unit": x.unit,
            "raw": x.raw,
            "page": x.page,
            **_span_columns(x.span),
        }
        for n, x in enumerate(record.figures, start=1)
    ]
    checks = [
        {
            "report_id": report_id,
            "ordinal": n,
            "rule": x.rule,
            "ok": int(bool(x.ok)),
            "detail": x.detail or "",
            "page": x.page,
            **_span_columns(x.span),
        }
        for n, x in enumerate(record.checks, start=1)
    ]
    evidence = [
        {"report_id": report_id, "field": key, "page": ev.page, **_span_columns(ev.span), "text": ev.text}
        for key, ev in record.evidence.items()
    ]
    return {
        "reports": [report],
        "indicators": indicators,
        "findings": findings,
        "figures": figures,
        "checks": checks,
        "evidence": evidence,
    }


# ----------------------------------------------------------------------------- rows → Record
def _span(row: Row) -> tuple[int, int] | None:
    if row.get("span_start") is None or row.get("span_end") is None:
        return None
    return (int(row["span_start"]), int(row["span_end"]))


def source_from_row(document: Row, alternates: Iterable[str] = ()) -> Source:
    """``source`` from a ``documents`` row (path, format, pages, ocr) and the other renderings' paths."""
    return Source(
        document["path"], document["format"], document["pages"], bool(document["ocr"]), list(alternates) or None
    )


def from_rows(report: Row, source: Source, tables: dict[str, list[Row]]) -> Record:
    """The record stored as ``report`` (a ``reports`` row) with its child rows (``tables[name]``, in order)."""
    evidence = {
        r["field"]: Evidence(r["page"], (int(r["span_start"]), int(r["span_end"])), r["text"])
        for r in tables.get("evidence", [])
    }
    return Record(
        doc_id=report["doc_id"],
        source=source,
        title=report["title"],
        report_kind=report["report_kind"],
        evaluation_mode=report["evaluation_mode"],
        years=json_list(report["years"]),
        report_date=report["report_date"],
        jurisdiction=Jurisdiction(*(report[c] for c in JURISDICTION_COLUMNS)),
        program=report["program"],
        evaluated_unit=report["evaluated_unit"],
        evaluator=report["evaluator"],
        score=Score(report["score_total"], report["score_max"], report["grade"], report["grade_source"]),
        indicators=[
            Indicator(r["level"], r["name"], r["code"], r["parent"], r["weight"], r["score"], r["page"], _span(r))
            for r in tables.get("indicators", [])
        ],
        findings=[
            Finding(
                r["kind"],
                r["ordinal"],
                r["title"],
                r["text"],
                r["category"],
                r["page"],
                _span(r) or (0, 0),
                r["responds_to"],
            )
            for r in tables.get("findings", [])
        ],
        figures=[
            Figure(r["name"], r["value"], r["unit"], r["raw"], r["page"], _span(r)) for r in tables.get("figures", [])
        ],
        checks=[Check(r["rule"], bool(r["ok"]), r["detail"], r["page"], _span(r)) for r in tables.get("checks", [])],
        evidence={k: evidence[k] for k in EVIDENCE_KEYS if k in evidence},
        warnings=json_list(report.get("warnings")),
        schema_version=SCHEMA_VERSION,
    )


__all__ = [
    "to_rows",
    "from_rows",
    "source_from_row",
    "record_json",
    "record_from_json",
    "fields",
    "FieldView",
    "display",
    "json_list",
    "RECORD_FINDINGS_PATH",
    "has_report_content",
    "identity_of",
    "finding_id",
    "filter_columns",
    "CONTENT_COLUMNS",
    "EVIDENCE_COLUMN",
    "FILTER_COLUMNS",
    "JURISDICTION_COLUMNS",
]
