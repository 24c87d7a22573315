"""The report record as typed data (contract version 2, ``shared/contract``).

Extraction fills a :class:`Record`; the store, exports, search and the command
line read it.  :meth:`Record.to_dict` is the contract's JSON form (field order
as in the contract's table) and :meth:`Record.from_dict` reads it back, so a
record survives ``to_dict`` → JSON → ``from_dict`` unchanged.

Every value chosen from the document carries an :class:`Evidence`: the page and
the ``[start, end)`` character span of the words it came from in the
document's extracted text, and those words.  ``Record.evidence`` is keyed by
the contract's field names (``title``, ``score.total`` …); a key is absent when
the value is null, derived (a grade computed from the score) or a default (a
maximum of 100 nobody printed).

What changed from version 1: ``evidence`` and ``warnings`` are new; indicators,
figures and checks carry ``span`` (and checks ``page``).  Everything else kept
its name and meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 2

Kind = Literal["problem", "recommendation", "experience"]
Span = tuple[int, int]

# The contract's evidence keys, in the order the record lists its fields.
EVIDENCE_KEYS = (
    "title",
    "years",
    "report_date",
    "report_kind",
    "evaluation_mode",
    "jurisdiction",
    "program",
    "evaluated_unit",
    "evaluator",
    "score.total",
    "score.max",
    "score.grade",
)


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _span_out(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


@dataclass(frozen=True)
class Evidence:
    """Where the report states a value: ``text == document.text[span[0]:span[1]]``."""

    page: int | None
    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "span": [self.span[0], self.span[1]], "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d.get("page"), _span(d["span"]), d["text"])  # type: ignore[arg-type]


CONTRACT_FORMATS = ("pdf", "docx", "txt", "md", "html")  # source.format in contract v2


@dataclass
class Source:
    path: str
    format: str
    pages: int | None = None
    ocr: bool = False
    alternates: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "format": self.contract_format, "pages": self.pages, "ocr": self.ocr}
        if self.alternates:
            out["alternates"] = list(self.alternates)
        return out

    @property
    def contract_format(self) -> str:
        """The format as contract v2 names it.  The contract lists pdf/docx/txt/md/html; an OFD
        document or a page image (both paged, fixed-layout, like a PDF) is written as ``pdf``, and
        the record says so in its warnings (:meth:`Record.to_dict`)."""
        return self.format if self.format in CONTRACT_FORMATS else "pdf"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d["path"], d["format"], d.get("pages"), bool(d.get("ocr")), d.get("alternates") or None)


@dataclass
class Jurisdiction:
    name: str | None = None
    level: str | None = None  # province / prefecture / county
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    adcode: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "level": self.level,
            "province": self.province,
            "prefecture": self.prefecture,
            "county": self.county,
            "adcode": self.adcode,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Jurisdiction:
        d = d or {}
        return cls(
            d.get("name"), d.get("level"), d.get("province"), d.get("prefecture"), d.get("county"), d.get("adcode")
        )


@dataclass
class Score:
    total: float | int | None = None
    max: float | int | None = None
    grade: str | None = None  # 优 良 中 差
    grade_source: str | None = None  # stated / derived

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "max": self.max, "grade": self.grade, "grade_source": self.grade_source}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Score:
        d = d or {}
        return cls(d.get("total"), d.get("max"), d.get("grade"), d.get("grade_source"))


@dataclass
class Indicator:
    level: int
    name: str
    code: str | None = None
    parent: str | None = None
    weight: float | int | None = None
    score: float | int | None = None
    page: int | None = None
    span: Span | None = None  # where its score (or weight) is stated

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "level": self.level,
            "name": self.name,
            "parent": self.parent,
            "weight": self.weight,
            "score": self.score,
            "page": self.page,
            "span": _span_out(self.span),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        return cls(
            d["level"],
            d["name"],
            d.get("code"),
            d.get("parent"),
            d.get("weight"),
            d.get("score"),
            d.get("page"),
            _span(d.get("span")),
        )


@dataclass
class Finding:
    kind: str
    ordinal: int
    title: str
    text: str
    category: str | None = None
    page: int | None = None
    span: Span = (0, 0)
    responds_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ordinal": self.ordinal,
            "title": self.title,
            "text": self.text,
            "category": self.category,
            "page": self.page,
            "span": [self.span[0], self.span[1]],
            "responds_to": self.responds_to,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(
            d["kind"],
            d["ordinal"],
            d["title"],
            d["text"],
            d.get("category"),
            d.get("page"),
            _span(d.get("span")) or (0, 0),
            d.get("responds_to"),
        )


@dataclass
class Figure:
    name: str  # the label as printed (年初预算数, 实际到位资金 …)
    value: float | int  # base units: 元, 人, a fraction for %
    unit: str
    raw: str  # the quantity as printed
    page: int | None = None
    span: Span | None = None  # label and quantity

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "raw": self.raw,
            "page": self.page,
            "span": _span_out(self.span),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(d["name"], d["value"], d["unit"], d["raw"], d.get("page"), _span(d.get("span")))


@dataclass
class Check:
    rule: str
    ok: bool
    detail: str  # the numbers compared and where they are
    page: int | None = None
    span: Span | None = None  # the numbers checked (from the first to the last)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "ok": self.ok,
            "detail": self.detail,
            "page": self.page,
            "span": _span_out(self.span),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Check:
        return cls(d["rule"], bool(d["ok"]), d.get("detail") or "", d.get("page"), _span(d.get("span")))


@dataclass
class Record:
    """One evaluation report (the contract's record)."""

    doc_id: str
    source: Source
    title: str | None = None
    report_kind: str | None = None
    evaluation_mode: str | None = None
    years: list[int] = field(default_factory=list)
    report_date: str | None = None
    jurisdiction: Jurisdiction = field(default_factory=Jurisdiction)
    program: str | None = None
    evaluated_unit: str | None = None
    evaluator: str | None = None
    score: Score = field(default_factory=Score)
    indicators: list[Indicator] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object."""
        return {
            "schema_version": self.schema_version,
            "doc_id": self.doc_id,
            "source": self.source.to_dict(),
            "title": self.title,
            "report_kind": self.report_kind,
            "evaluation_mode": self.evaluation_mode,
            "years": list(self.years),
            "report_date": self.report_date,
            "jurisdiction": self.jurisdiction.to_dict(),
            "program": self.program,
            "evaluated_unit": self.evaluated_unit,
            "evaluator": self.evaluator,
            "score": self.score.to_dict(),
            "indicators": [i.to_dict() for i in self.indicators],
            "findings": [f.to_dict() for f in self.findings],
            "figures": [f.to_dict() for f in self.figures],
            "checks": [c.to_dict() for c in self.checks],
            "evidence": {k: self.evidence[k].to_dict() for k in EVIDENCE_KEYS if k in self.evidence},
            "warnings": list(self.warnings)
            + (
                []
                if self.source.format in CONTRACT_FORMATS
                else [
                    f"source.format: the file is {self.source.format} (not among contract v2's formats); "
                    f"written as {self.source.contract_format!r}, the paged fixed-layout format it reads as"
                ]
            ),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """A record from its contract JSON (version 1 records read with empty evidence)."""
        return cls(
            doc_id=d["doc_id"],
            source=Source.from_dict(d["source"]),
            title=d.get("title"),
            report_kind=d.get("report_kind"),
            evaluation_mode=d.get("evaluation_mode"),
            years=list(d.get("years") or []),
            report_date=d.get("report_date"),
            jurisdiction=Jurisdiction.from_dict(d.get("jurisdiction")),
            program=d.get("program"),
            evaluated_unit=d.get("evaluated_unit"),
            evaluator=d.get("evaluator"),
            score=Score.from_dict(d.get("score")),
            indicators=[Indicator.from_dict(x) for x in d.get("indicators") or []],
            findings=[Finding.from_dict(x) for x in d.get("findings") or []],
            figures=[Figure.from_dict(x) for x in d.get("figures") or []],
            checks=[Check.from_dict(x) for x in d.get("checks") or []],
            evidence={k: Evidence.from_dict(v) for k, v in (d.get("evidence") or {}).items()},
            warnings=list(d.get("warnings") or []),
            schema_version=SCHEMA_VERSION,
        )


__all__ = [
    "SCHEMA_VERSION",
    "EVIDENCE_KEYS",
    "Span",
    "Evidence",
    "Source",
    "Jurisdiction",
    "Score",
    "Indicator",
    "Finding",
    "Figure",
    "Check",
    "Record",
]
