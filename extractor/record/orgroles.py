"""The organisation a report speaks as: a role decision over the organisations the text names.

The phrase rules of ``patterns/metadata.yaml`` (``evaluator``, ``evaluated_unit``) each need one way
of writing a sentence.  A self-evaluation, whatever its wording, names the unit that writes it as the
subject of its clauses — ``XX局高度重视…``, ``XX局的主要职责是…``, ``XX中心现有在编人员…``,
``2022年，XX局按照《…》要求…`` — or as the agent of its spending (项目由XX中心负责实施).  This module reads the *role* of every organisation mention
from its clause (``org_roles`` in ``patterns/metadata.yaml``): a mention that opens its clause (after
。；，, a line break, a list number or a year) and goes on with an actor's word is the body acting.
Mentions that name nobody acting are not counted: the page's metadata (devset ruling 3), a site's
banner, a salutation (XX局：), a cited document's issuer (根据《XX厅关于…》), the body the writer
reports to (上报XX局).

The ranking rule: bodies are grouped by name (a short form that ends a longer one is the same body);
a finance body or a firm is never the writer of a self-evaluation (it evaluates others: the phrase
rules find it); the body with the most actor mentions is the writer when it has at least
``min_mentions`` of them and at least ``margin`` times the next body's — otherwise nobody is chosen
(two departments acting alike is a joint or a supervised programme, and abstaining beats a false
value).  Its candidate ranks lowest of all the unit's (``rank``): any phrase rule outranks it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .candidates import Candidate
from .context import Context
from .jurisdiction import divisions
from .orgs import RECIPIENT_BEFORE, Org, is_salutation, on_metadata_line, on_site_banner, printed_name
from .phrases import _spec, in_citation
from .view import fold


@lru_cache(maxsize=1)
def _roles_spec() -> dict[str, Any]:
    return dict(_spec()["org_roles"])


@lru_cache(maxsize=1)
def _clause_lead() -> re.Pattern[str]:
    """What may stand between a clause's start and its subject (a year, a list number)."""
    return re.compile(r"(?:" + _roles_spec()["clause_lead"] + r")$")


@lru_cache(maxsize=1)
def _actor_words() -> re.Pattern[str]:
    """The words right after a subject that say it acts (``actor_after``)."""
    return re.compile(r"(?:" + _roles_spec()["actor_after"] + r")")


def _opens_clause(text: str, org: Org) -> bool:
    """Whether ``org`` is the first words of its clause (after 。；，, a line break, perhaps a year)."""
    begin = max(text.rfind(c, 0, org.vstart) for c in "。；;，,！!？?：:\n") + 1
    return bool(_clause_lead().match(text[begin : org.vstart]))


def _acts(text: str, org: Org) -> bool:
    """Whether the words right after ``org`` are an actor's (高度重视, 组织, 成立, 的主要职责 …)."""
    return bool(_actor_words().match(text, org.vend))


def _named_in_passing(ctx: Context, text: str, org: Org) -> bool:
    """Whether the mention names nobody acting in the report: page metadata, banner, salutation,
    a cited document's issuer, the body reported to."""
    return (
        on_metadata_line(text, org.vstart)
        or on_site_banner(text, org.vstart)
        or is_salutation(text, org)
        or in_citation(text, org.vstart, reach=200)
        or bool(RECIPIENT_BEFORE.search(text[max(0, org.vstart - 4) : org.vstart]))
    )


def never_own_body(name: str) -> bool:
    """Whether the (folded) ``name`` is a body that never evaluates its own spending as the unit: a finance body,
    a firm (``evaluator_kinds``), or a working group (领导小组, 考评组, 试点城市评审小组 — a group of a body, not the
    body)."""
    kinds = _spec()["evaluator_kinds"]
    return bool(re.search(kinds["finance"] + "|" + kinds["third_party"], name) or name.endswith("组"))


def _not_a_writer(name: str) -> bool:
    """Whether ``name`` cannot be the body writing its own self-evaluation: a finance body, a firm, a
    working group, or a place's name alone (塘桥街道: a division named with no organ of it)."""
    if never_own_body(name) or _CENTRAL_ISSUER.fullmatch(name):
        return True
    covered = sum(e - s for s, e, _n in divisions().find(name))
    # (nor the government of a place it does not name, 省人民政府 in a county's report: a level above)
    return covered >= len(name) or bool(_LEVEL_ONLY.fullmatch(re.sub(r"(?:人民)?政府$", "", name)))


# The central government and party centre (国务院关于…的意见 cited without its brackets): the issuer of the policy a
# report cites, never the body writing on its own spending.
_CENTRAL_ISSUER = re.compile(r"(?:国务院|中共中央|党中央)(?:办公厅)?")


# A level word alone (省, 县, 自治区): what is left of 省人民政府 once its government is taken off.
_LEVEL_ONLY = re.compile(r"自治区|自治州|自治县|[省市县区州盟旗镇乡]?")


@lru_cache(maxsize=1)
def _agent() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before and after a body named as the agent of the spending (由 … 负责实施)."""
    spec = _roles_spec()
    return re.compile(r"(?:" + spec["agent_before"] + r")$"), re.compile(r"(?:" + spec["agent_after"] + r")")


def _agent_of_spending(text: str, org: Org) -> bool:
    """Whether ``org`` is named as the one who carries the programme out (项目由XX中心负责实施)."""
    before, after = _agent()
    return bool(before.search(text[max(0, org.vstart - 2) : org.vstart]) and after.match(text, org.vend))


def actor_mentions(ctx: Context, orgs: list[Org]) -> list[Org]:
    """The mentions of ``orgs`` that name a body acting: subject of its clause with an actor's word
    after, or the agent of the spending."""
    text = ctx.view.text
    return [
        o
        for o in orgs
        if ((_opens_clause(text, o) and _acts(text, o)) or _agent_of_spending(text, o))
        and not _named_in_passing(ctx, text, o)
        and not _not_a_writer(fold(o.name))
        and ctx.region_at(ctx.view.starts[o.vstart]) != "annex"
    ]


def _body_of(name: str, names: set[str]) -> str:
    """The longest of ``names`` that ``name`` ends (区民政局 → 裕安区民政局): one body's key.  (Of two as
    long, the first in code-point order: a set's order changes from run to run.)"""
    return max((n for n in names if n.endswith(name)), key=lambda n: (len(n), [-ord(c) for c in n]), default=name)


def writer_candidates(ctx: Context, orgs: list[Org]) -> list[Candidate]:
    """The body the report speaks as, by the ranking rule of the module docstring (empty: nobody)."""
    spec = _roles_spec()
    acting = actor_mentions(ctx, orgs)
    if not acting:
        return []
    names = {fold(o.name) for o in orgs}
    by_body: dict[str, list[Org]] = {}
    for o in acting:
        by_body.setdefault(_body_of(fold(o.name), names), []).append(o)
    order = sorted(by_body.items(), key=lambda kv: (-len(kv[1]), kv[1][0].vstart))
    top, mentions = order[0]
    runner_up = len(order[1][1]) if len(order) > 1 else 0
    if len(mentions) < spec["min_mentions"] or len(mentions) < spec["margin"] * runner_up:
        return []
    first = mentions[0]
    name, s, e = printed_name(ctx, first.vstart, first.vend)
    return [ctx.candidate_at("writer", name, s, e, spec["rank"], f"role:actor×{len(mentions)}")]


__all__ = ["actor_mentions", "writer_candidates"]
