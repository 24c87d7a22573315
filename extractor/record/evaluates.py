"""Whether the page reports an evaluation at all, and which fields abstain when it does not.

One rule, with its evidence in what the page says (``patterns/evaluates.yaml``): a page is the report
of an evaluation when it says what was evaluated and what came of it.  A page that issues rules
(第一条 … 制定本办法), a research article (摘要 … 关键词) or a meeting's news (…召开…会议 as its headline)
evaluates nothing — ``report_kind``, ``evaluation_mode`` and the score abstain, and for rules (制定本办法;
a notice that issues them, 关于印发《…办法》的通知) the ``program`` too, which their title would give; a ranking of
governments' work (总得分前3名分别是…) evaluates no project, department, policy or fund —
``report_kind`` abstains.  The record says why in its ``warnings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ... import patterns
from .context import Context
from .view import fold


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("evaluates.yaml")


@dataclass(frozen=True)
class NotAnEvaluation:
    what: str  # what the page is instead (rules, a research article, …)
    evidence: str  # the words that say so
    abstain: tuple[str, ...]  # the fields that only exist for an evaluation of that kind
    # a field's value that stands even so, by the rule that read it (the programme a rules document's
    # title names: ruling 32) — field → candidate rule
    keeps: tuple[tuple[str, str], ...] = ()

    def abstains(self, field: str, rule: str | None) -> bool:
        """Whether ``field``, read by the candidate rule ``rule``, abstains on this page."""
        return field in self.abstain and (field, rule) not in self.keeps

    def warning(self, field: str) -> str:
        return f"{field}: the page is {self.what} (“{self.evidence}”), not the report of an evaluation"


def not_an_evaluation(ctx: Context, title: str | None) -> NotAnEvaluation | None:
    """What the page is instead of an evaluation's report, with its evidence; None when it may be one."""
    spec = _spec()
    text = ctx.view.text
    for rule in spec["not_an_evaluation"]:
        where = rule["where"]
        if where == "title":
            scope = fold(title) if title else ""
        elif where == "head":
            scope = text[: spec["head_chars"]]
        else:
            scope = text
        m = re.search(rule["regex"], scope)
        if m is None or ("also" in rule and not re.search(rule["also"], text)):
            continue
        keeps = tuple((field, by) for field, by in rule.get("keeps", {}).items())
        return NotAnEvaluation(rule["what"], m.group(0), tuple(rule["abstain"]), keeps)
    return None


__all__ = ["NotAnEvaluation", "not_an_evaluation"]
