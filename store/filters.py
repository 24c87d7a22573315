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
from dataclasses import dataclass, fields

from . import labels, places
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


@dataclass
class Filters:
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    adcode: str | None = None
    years: tuple[int | None, int | None] | None = None
    program: str | None = None
    kind: str | None = None  # finding kind or report kind, see module docstring
    category: str | None = None
    evaluation_mode: str | None = None
    grade: str | None = None
    # Any level; resolved into province/prefecture/county when the division table knows it
    # (then None), kept as typed (containment in any place column) when it does not.
    place: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.years, (str, int)) and not isinstance(self.years, bool):
            self.years = parse_years(self.years)
        if self.kind not in (None, ""):
            if self.kind not in FINDING_KINDS + REPORT_KINDS:
                try:
                    self.kind = labels.code("kind", self.kind)
                except labels.UnknownValue:
                    try:
                        self.kind = labels.code("report_kind", self.kind)
                    except labels.UnknownValue:
                        words = "、".join(f"{lab} ({c})" for name in ("kind", "report_kind")
                                         for c, lab in labels.labels(name).items())
                        raise ValueError(f"unknown kind {self.kind!r}; use one of: {words}") from None
        if self.category not in (None, ""):
            try:
                self.category = labels.code("category", self.category)
            except labels.UnknownValue as exc:
                if "several" in str(exc):
                    raise
                # A category the taxonomy does not (or no longer) lists may still be stored:
                # kept as typed; an empty result names the categories the store holds.
        if self.evaluation_mode not in (None, ""):
            self.evaluation_mode = labels.code("mode", self.evaluation_mode)
        if self.grade not in (None, ""):
            self.grade = labels.code("grade", self.grade)
        self._resolve_places()

    def _resolve_places(self) -> None:
        """Official names for the place fields (see :mod:`jixiao.store.places`)."""
        wanted: dict[str, tuple[str, str]] = {}  # level -> (official name, what the user wrote)

        def want(place: "places.Place") -> None:
            for lv, name in place.names.items():
                if lv in wanted and wanted[lv][0] != name:
                    raise ValueError(f"{place.text} ({place.describe()}) is not in {wanted[lv][1]} "
                                     f"({wanted[lv][0]}): these place filters exclude each other")
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

    @property
    def filters_findings(self) -> bool:
        return bool(self.finding_kind or self.category)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def _report_level(self, alias: str) -> tuple[list[str], list]:
        a = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list = []
        for col in ("province", "prefecture", "county"):
            value = getattr(self, col)
            if value:
                clauses.append(f"instr({a}{col}, ?) > 0")
                params.append(value)
        if self.place:  # a name the division table does not know: any place column holds it
            clauses.append("(" + " OR ".join(f"instr(coalesce({a}{c}, ''), ?) > 0" for c in
                                             ("jurisdiction_name", "province", "prefecture", "county")) + ")")
            params += [self.place] * 4
        if self.adcode:
            clauses.append(f"{a}adcode = ?")
            params.append(self.adcode)
        if self.grade:  # reports and findings both carry report_id
            clauses.append(f"{a}report_id IN (SELECT report_id FROM reports WHERE grade = ?)")
            params.append(self.grade)
        if self.program:
            clauses.append(f"instr({a}program, ?) > 0")
            params.append(self.program)
        if self.report_kind:
            clauses.append(f"{a}report_kind = ?")
            params.append(self.report_kind)
        if self.evaluation_mode:
            clauses.append(f"{a}evaluation_mode = ?")
            params.append(self.evaluation_mode)
        if self.years:
            lo, hi = self.years
            if lo is not None:
                clauses.append(f"{a}year_max >= ?")
                params.append(lo)
            if hi is not None:
                clauses.append(f"{a}year_min <= ?")
                params.append(hi)
        return clauses, params

    def _finding_level(self, alias: str) -> tuple[list[str], list]:
        a = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list = []
        if self.finding_kind:
            clauses.append(f"{a}kind = ?")
            params.append(self.finding_kind)
        if self.category:
            clauses.append(f"{a}category = ?")
            params.append(self.category)
        return clauses, params

    def findings_where(self, alias: str = "") -> tuple[str, list]:
        """SQL condition (without ``WHERE``) and parameters for rows of ``findings``."""
        c1, p1 = self._report_level(alias)
        c2, p2 = self._finding_level(alias)
        return " AND ".join(c1 + c2), p1 + p2

    def finding_only_where(self, alias: str = "") -> tuple[str, list]:
        """Only the finding-level part (kind, category), for trimming a report's findings."""
        c, p = self._finding_level(alias)
        return " AND ".join(c), p

    def reports_where(self, alias: str = "r") -> tuple[str, list]:
        """SQL condition and parameters selecting rows of ``reports`` (aliased ``alias``)."""
        clauses, params = self._report_level(alias)
        if self.filters_findings:
            c2, p2 = self._finding_level("fx")
            clauses.append(
                f"EXISTS (SELECT 1 FROM findings fx WHERE fx.report_id = {alias}.report_id AND {' AND '.join(c2)})"
            )
            params += p2
        return " AND ".join(clauses), params


__all__ = ["Filters", "parse_years", "FINDING_KINDS", "REPORT_KINDS", "EVALUATION_MODES"]
