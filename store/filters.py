"""Filters shared by export, records, stats and search: one meaning everywhere.

Every value takes the users' words as well as the store's codes (:mod:`jixiao.store.labels`):

* places go through the GB/T 2260 division table (:mod:`jixiao.store.places`): ``place``
  at any level (``昆明`` is the prefecture 昆明市, ``云南`` or ``Yunnan`` the province,
  ``呈贡`` the county 呈贡区, ``530114`` an adcode); ``province``, ``prefecture`` and
  ``county`` at their own level (``province="昆明"`` is refused, naming what 昆明 is).
  A name the table does not know matches by containment in the stored names;
* ``years``: ``2021``, ``2021年``, ``2019-2021``, ``2019至2021年``, ``2019-`` — an inclusive
  range that a report's years must overlap (a 2019–2021 report is in ``2020-2023``);
* ``kind``: a finding kind (``problem``/问题, ``recommendation``/建议, ``experience``/经验)
  or a report kind (``project``/项目支出, ``department``/部门整体, ``policy``/政策,
  ``fund``/社保基金预算) — the two sets of words do not overlap, so one option serves both;
* ``category``: a taxonomy key, its label (信息化与数据共享), part of it (数据共享) or one of
  its keywords (a word the taxonomy does not know is kept as typed: a store may hold
  categories of an older taxonomy); ``evaluation_mode``: ``self``/自评, ``third_party``/第三方, ``finance``/财政评价;
  ``grade``: 优/良/中/差 (优秀, 良好 …);
* ``program`` matches by containment.

Values are turned into codes and official names when the filter is made, so
``Filters(kind="问题")`` equals ``Filters(kind="problem")``; an unknown word raises
``ValueError`` listing what is accepted.

Report-level filters select reports; finding-level filters (a finding kind,
``category``) keep the reports that have at least one matching finding and,
in exports, only those findings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Callable

from . import labels
from .labels import EVALUATION_MODES, FINDING_KINDS, REPORT_KINDS

# A year as written: 2021, 2021年, 2021年度.
_YEAR = r"(\d{4})(?:年度?)?"
_YEARS = re.compile(rf"\s*(?:{_YEAR})?\s*(?:(-|–|—|~|～|至|到)\s*(?:{_YEAR})?)?\s*(?:年度?)?\s*")


def parse_years(text: str | int | None) -> tuple[int | None, int | None] | None:
    """``"2019-2023"`` → (2019, 2023); ``"2021"`` or ``"2021年"`` → (2021, 2021);
    ``"2019至2021年"`` → (2019, 2021); ``"2019-"`` → (2019, None)."""
    if text is None or str(text).strip() == "":
        return None
    text = unicodedata.normalize("NFKC", str(text))  # full-width digits and dashes
    m = _YEARS.fullmatch(text)
    if not m or not (m.group(1) or m.group(3)):
        raise ValueError(f"years must look like 2021, 2021年, 2019-2023, 2019至2021年, 2019- or -2021, not {text!r}")
    lo = int(m.group(1)) if m.group(1) else None
    hi = int(m.group(3)) if m.group(3) else (lo if not m.group(2) else None)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"years range is reversed: {text!r}")
    return lo, hi


def _years(value: Any) -> tuple[int | None, int | None] | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return parse_years(value)
    return tuple(value) if value is not None else None  # type: ignore[return-value]


# ----------------------------------------------------------------------------- the filter list
# How a filter compares its value with a column.
CONTAINS = "contains"  # instr(column, value) > 0: a name or part of it (several columns: any of them)
EQUALS = "equals"  # column = value: a code
OVERLAP = "overlap"  # (lo, hi) overlaps [first column, second column]: a year range
# Which rows a filter selects.
REPORT = "report"  # reports (and their findings)
FINDING = "finding"  # findings (and the reports that have at least one)


@dataclass(frozen=True)
class Match:
    """How one filter value selects rows: which columns, compared how, at which level."""

    columns: tuple[str, ...]
    how: str = EQUALS
    level: str = REPORT
    # A report column that is also a column of ``findings`` (mapping.FILTER_COLUMNS: copied
    # there so a search filters without a join); otherwise findings read it through report_id.
    on_findings: bool = True
    # The codes this match applies to (``kind``: finding kinds against findings.kind, report
    # kinds against report_kind); None: every value.
    only: tuple[str, ...] | None = None

    def applies(self, value: Any) -> bool:
        return self.only is None or value in self.only


@dataclass(frozen=True)
class FilterField:
    """One filter: its matches, the words it reads, and its command-line option."""

    matches: tuple[Match, ...]
    help: str  # the --option's help: what the filter takes, with examples
    option: str | None = None  # the command-line option, when not --<name>
    words: tuple[str, ...] = ()  # label vocabularies (jixiao.store.labels) that turn users' words into codes
    keep_unknown: bool = False  # a word no vocabulary knows is kept as typed (not refused)
    parse: Callable[[Any], Any] | None = None  # turns what was typed into the value (years)


def filter_field(
    *matches: Match,
    help: str,
    option: str | None = None,
    words: tuple[str, ...] = (),
    keep_unknown: bool = False,
    parse: Callable[[Any], Any] | None = None,
) -> Any:
    """A :class:`Filters` attribute (default None) that is a filter described by ``matches``."""
    spec = FilterField(tuple(matches), help, option, words, keep_unknown, parse)
    return field(default=None, metadata={"filter": spec})


def _place(column: str) -> Match:
    return Match((column,), CONTAINS)


# The filters, one line each: the SQL conditions (:meth:`Filters.findings_where`,
# :meth:`Filters.reports_where`), the in-memory mask of a search
# (:class:`jixiao.store.vectors.FilterIndex`), the command-line options (``cli.filter_options``)
# and the word-to-code parsing are all made from these lines.  A filter on a column that
# ``reports`` already has is one more line here; a column that findings should carry as
# well (``on_findings``) also needs its column in mapping.FILTER_COLUMNS and a migration.
@dataclass
class Filters:
    province: str | None = filter_field(_place("province"), help="Province: 云南, 云南省, Yunnan.")
    prefecture: str | None = filter_field(_place("prefecture"), help="Prefecture-level city: 昆明, 昆明市.")
    county: str | None = filter_field(_place("county"), help="County or district: 呈贡, 呈贡区.")
    adcode: str | None = filter_field(
        Match(("adcode",)), help="Division code (GB/T 2260) of the report's own jurisdiction: 530114."
    )
    years: tuple[int | None, int | None] | None = filter_field(
        Match(("year_min", "year_max"), OVERLAP),
        parse=_years,
        help="Years evaluated (overlap): 2021, 2021年, 2019-2023, 2019至2021年, 2019-.",
    )
    program: str | None = filter_field(Match(("program",), CONTAINS), help="Programme name or part of it.")
    kind: str | None = filter_field(  # finding kind or report kind, see module docstring
        Match(("kind",), level=FINDING, only=FINDING_KINDS),
        Match(("report_kind",), only=REPORT_KINDS),
        words=("kind", "report_kind"),
        help="Finding kind 问题|建议|经验 (problem|recommendation|experience) or report kind "
        "项目支出|部门整体|政策|社保基金预算 (project|department|policy|fund).",
    )
    category: str | None = filter_field(
        Match(("category",), level=FINDING),
        words=("category",),
        keep_unknown=True,
        help="Finding category: its label (信息化与数据共享), part of it, a keyword, or its code; "
        "jixiao values category lists them.",
    )
    evaluation_mode: str | None = filter_field(
        Match(("evaluation_mode",)),
        words=("mode",),
        option="--evaluation",
        help="Evaluation mode: 自评|第三方|财政评价 (self|third_party|finance).",
    )
    grade: str | None = filter_field(
        Match(("grade",), on_findings=False), words=("grade",), help="Grade: 优|良|中|差 (优秀, 良好 … also)."
    )
    # Any level; resolved into province/prefecture/county when the division table knows it
    # (then None), kept as typed (containment in any place column) when it does not.
    place: str | None = filter_field(
        Match(("jurisdiction_name", "province", "prefecture", "county"), CONTAINS),
        help="Place at any level, in Chinese, short or full, or an adcode: 云南, 昆明, 呈贡区, Yunnan, 530114.",
    )

    def __post_init__(self) -> None:
        for name, spec in filter_fields(type(self)):
            value = getattr(self, name)
            if value in (None, ""):
                continue
            if spec.parse is not None:
                setattr(self, name, spec.parse(value))
            elif spec.words:
                setattr(self, name, _code(name, spec, value))
        self._resolve_places()

    def _resolve_places(self) -> None:
        """Official names for the place fields (see :mod:`jixiao.store.places`)."""
        # Imported here: the division table comes with the extractor, which the command
        # line's start-up (its filter options are made from this module) does without.
        from . import places

        wanted: dict[str, tuple[str, str]] = {}  # level -> (official name, what the user wrote)

        def want(place: places.Place) -> None:
            for lv, name in place.names.items():
                if lv in wanted and wanted[lv][0] != name:
                    raise ValueError(
                        f"{place.text} ({place.describe()}) is not in {wanted[lv][1]} "
                        f"({wanted[lv][0]}): these place filters exclude each other"
                    )
                wanted.setdefault(lv, (name, place.text))

        for lv in places.LEVELS:
            value = getattr(self, lv)
            if value in (None, ""):
                continue
            p = places.resolve(value, lv)
            if p.known:
                want(p)
            else:
                wanted.setdefault(lv, (p.text, p.text))  # unknown: containment, as typed
        if self.place not in (None, ""):
            p = places.resolve(self.place)
            if p.known:
                want(p)
                self.place = None
        for lv, (name, _) in wanted.items():
            setattr(self, lv, name)

    @property
    def finding_kind(self) -> str | None:
        return self.kind if self.kind in FINDING_KINDS else None

    @property
    def report_kind(self) -> str | None:
        return self.kind if self.kind in REPORT_KINDS else None

    def active(self) -> list[tuple[str, Match, Any]]:
        """``(field name, match, value)`` of every filter that is set, in the order of the fields."""
        out = []
        for name, spec in filter_fields(type(self)):
            value = getattr(self, name)
            if value in (None, ""):
                continue
            out += [(name, m, value) for m in spec.matches if m.applies(value)]
        return out

    def is_finding_level(self, name: str) -> bool:
        """Whether field ``name``, as set, selects findings (a finding kind, a category)."""
        return any(n == name and m.level == FINDING for n, m, _ in self.active())

    @property
    def filters_findings(self) -> bool:
        return any(m.level == FINDING for _, m, _ in self.active())

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def _where(self, alias: str, table: str, level: str) -> tuple[list[str], list]:
        clauses: list[str] = []
        params: list = []
        for _, m, value in self.active():
            if m.level != level:
                continue
            if table == "findings" and not m.on_findings:  # a reports column: through report_id
                cond, p = _condition(m, value, "")
                clauses.append(
                    f"{_prefix(alias)}report_id IN (SELECT report_id FROM reports WHERE {' AND '.join(cond)})"
                )
                params += p
            else:
                cond, p = _condition(m, value, alias)
                clauses += cond
                params += p
        return clauses, params

    def findings_where(self, alias: str = "") -> tuple[str, list]:
        """SQL condition (without ``WHERE``) and parameters for rows of ``findings``."""
        c1, p1 = self._where(alias, "findings", REPORT)
        c2, p2 = self._where(alias, "findings", FINDING)
        return " AND ".join(c1 + c2), p1 + p2

    def finding_only_where(self, alias: str = "") -> tuple[str, list]:
        """Only the finding-level part (kind, category), for trimming a report's findings."""
        c, p = self._where(alias, "findings", FINDING)
        return " AND ".join(c), p

    def reports_where(self, alias: str = "r") -> tuple[str, list]:
        """SQL condition and parameters selecting rows of ``reports`` (aliased ``alias``)."""
        clauses, params = self._where(alias, "reports", REPORT)
        if self.filters_findings:
            c2, p2 = self._where("fx", "findings", FINDING)
            clauses.append(
                f"EXISTS (SELECT 1 FROM findings fx WHERE fx.report_id = {alias}.report_id AND {' AND '.join(c2)})"
            )
            params += p2
        return " AND ".join(clauses), params


def filter_fields(cls: type = Filters) -> list[tuple[str, FilterField]]:
    """``(name, FilterField)`` of every filter of ``cls`` (:class:`Filters` or a subclass), in order."""
    return [(f.name, f.metadata["filter"]) for f in fields(cls) if "filter" in f.metadata]


def _prefix(alias: str) -> str:
    return f"{alias}." if alias else ""


def _condition(m: Match, value: Any, alias: str) -> tuple[list[str], list]:
    """SQL conditions (ANDed) and parameters of ``m`` with ``value``."""
    a = _prefix(alias)
    if m.how == OVERLAP:
        lo, hi = value
        first, last = m.columns
        clauses, params = [], []
        if lo is not None:
            clauses.append(f"{a}{last} >= ?")
            params.append(lo)
        if hi is not None:
            clauses.append(f"{a}{first} <= ?")
            params.append(hi)
        return clauses, params
    if m.how == CONTAINS:
        if len(m.columns) == 1:
            return [f"instr({a}{m.columns[0]}, ?) > 0"], [value]
        return (
            ["(" + " OR ".join(f"instr(coalesce({a}{c}, ''), ?) > 0" for c in m.columns) + ")"],
            [value] * len(m.columns),
        )
    if m.how == EQUALS:
        (column,) = m.columns
        return [f"{a}{column} = ?"], [value]
    raise ValueError(f"unknown match {m.how!r}")


def _code(name: str, spec: FilterField, value: str) -> str:
    """The code ``value`` means in the field's vocabularies (see :mod:`jixiao.store.labels`)."""
    if any(value in labels.labels(vocab) for vocab in spec.words):
        return value
    errors: list[labels.UnknownValue] = []
    for vocab in spec.words:
        try:
            return labels.code(vocab, value)
        except labels.UnknownValue as exc:
            if "several" in str(exc):  # a keyword of several categories: the user must choose
                raise
            errors.append(exc)
    if spec.keep_unknown:
        # A category the taxonomy does not (or no longer) lists may still be stored:
        # kept as typed; an empty result names the categories the store holds.
        return value
    if len(errors) == 1:
        raise errors[0]
    words = "、".join(f"{lab} ({c})" for vocab in spec.words for c, lab in labels.labels(vocab).items())
    raise ValueError(f"unknown {name} {value!r}; use one of: {words}") from None


__all__ = [
    "Filters",
    "FilterField",
    "Match",
    "filter_field",
    "filter_fields",
    "parse_years",
    "CONTAINS",
    "EQUALS",
    "OVERLAP",
    "REPORT",
    "FINDING",
    "FINDING_KINDS",
    "REPORT_KINDS",
    "EVALUATION_MODES",
]
