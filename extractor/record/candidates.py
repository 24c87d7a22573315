"""Candidates with evidence, then one decision per field.

Every field is found as :class:`Candidate` values — from sentences, from
key–value forms, from tables, from the title — each keeping the exact words it
came from (a ``[start, end)`` span of the document text and its page).  A field's
finder gives each candidate a ``rank``: a number from that field's one documented
ranking rule (for the score, say: the conclusion's sentence over the abstract's
over a form's cell over a table's total row).  :func:`decide` then picks:

* candidates are grouped by value (the same score stated in the abstract and in
  the conclusion supports one value, not two);
* the group holding the highest-ranked candidate wins, and its highest-ranked,
  earliest candidate is the evidence;
* when another value has a candidate of the *same* rank, the report contradicts
  itself at the level that decides: the value is left null and a warning names
  both candidates with their spans (abstain rather than guess).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Iterable

from ..document import Document
from .model import Evidence


@dataclass(frozen=True)
class Candidate:
    """One value for one field, with where it was found and how much it counts."""

    field: str  # the record field ("score.total", "report_date" …)
    value: Any
    start: int  # document-text span of the words stating the value
    end: int
    rank: float  # from the field's ranking rule: higher wins
    rule: str  # which rule found it (shown in warnings)
    page: int | None = None
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False, hash=False)

    def evidence(self, doc: Document) -> Evidence:
        return Evidence(self.page, (self.start, self.end), doc.text[self.start : self.end])

    def describe(self, doc: Document) -> str:
        words = doc.text[self.start : self.end].replace("\n", " ")
        if len(words) > 40:
            words = words[:37] + "…"
        page = f"p.{self.page} " if self.page is not None else ""
        return f"{self.value!r} ({self.rule}, {page}[{self.start}, {self.end}) «{words}»)"


@dataclass
class Decision:
    """The chosen value of a field (``None`` when none or abstained) and what was noticed."""

    field: str
    value: Any = None
    chosen: Candidate | None = None
    warnings: list[str] = dataclasses.field(default_factory=list)
    candidates: list[Candidate] = dataclasses.field(default_factory=list)

    def evidence(self, doc: Document) -> Evidence:
        """The chosen candidate's evidence: asked only of a decided value (``decide`` and every
        hand-made decision set ``value`` and ``chosen`` together)."""
        if self.chosen is None:
            raise ValueError(f"{self.field}: no value was decided, so there is no evidence")
        return self.chosen.evidence(doc)


def _key(value: Any) -> Hashable:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def decide(
    name: str,
    candidates: Iterable[Candidate],
    doc: Document,
    *,
    key: Callable[[Any], Hashable] = _key,
    abstain_on_tie: bool = True,
) -> Decision:
    """The field's value by its candidates' ranks (see the module docstring)."""
    cands = [c for c in candidates if c.value is not None]
    out = Decision(name, candidates=cands)
    if not cands:
        return out
    groups: dict[Hashable, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(key(c.value), []).append(c)
    best_of = {k: max(g, key=lambda c: (c.rank, -c.start)) for k, g in groups.items()}
    order = sorted(best_of, key=lambda k: (best_of[k].rank, len(groups[k]), -best_of[k].start), reverse=True)
    top = best_of[order[0]]
    rivals = [best_of[k] for k in order[1:] if best_of[k].rank >= top.rank]
    if rivals and abstain_on_tie:
        both = "; ".join(c.describe(doc) for c in [top, *rivals])
        out.warnings.append(f"{name}: conflicting values of equal standing, left null: {both}")
        return out
    out.value, out.chosen = top.value, top
    return out


__all__ = ["Candidate", "Decision", "decide"]
