"""Filters shared by export, records, stats and search: one meaning everywhere.

Place names match by containment, so ``云南`` finds 云南省 and ``呈贡`` finds
呈贡区; an adcode matches exactly.  ``years`` is an inclusive range that a
report's years must overlap (a 2019–2021 report is in ``2020-2023``).
``program`` matches by containment.  ``kind`` takes either a finding kind
(``problem``, ``recommendation``, ``experience``) or a report kind (``project``,
``department``, ``policy``, ``fund``) — the two sets of values do not overlap,
so one option serves both.  ``category`` is a finding category (taxonomy key).

Report-level filters select reports; finding-level filters (a finding kind,
``category``) keep the reports that have at least one matching finding and,
in exports, only those findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

FINDING_KINDS = ("problem", "recommendation", "experience")
REPORT_KINDS = ("project", "department", "policy", "fund")
EVALUATION_MODES = ("self", "third_party", "finance")


def parse_years(text: str | None) -> tuple[int | None, int | None] | None:
    """``"2019-2023"`` → (2019, 2023); ``"2021"`` → (2021, 2021); ``"2019-"`` → (2019, None)."""
    if text is None or str(text).strip() == "":
        return None
    m = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|–|~|至|到)\s*(\d{4})?)?\s*", str(text))
    if not m or not (m.group(1) or m.group(3)):
        raise ValueError(f"years must look like 2021, 2019-2023, 2019- or -2021, not {text!r}")
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

    def __post_init__(self) -> None:
        if isinstance(self.years, str):
            self.years = parse_years(self.years)
        elif isinstance(self.years, int):
            self.years = (self.years, self.years)
        if self.kind is not None and self.kind not in FINDING_KINDS + REPORT_KINDS:
            raise ValueError(
                f"kind must be one of {', '.join(FINDING_KINDS + REPORT_KINDS)}, not {self.kind!r}"
            )
        if self.evaluation_mode is not None and self.evaluation_mode not in EVALUATION_MODES:
            raise ValueError(f"evaluation_mode must be one of {', '.join(EVALUATION_MODES)}")

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
        if self.adcode:
            clauses.append(f"{a}adcode = ?")
            params.append(self.adcode)
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
