"""Every field of the record but the findings: candidates from each finder, one decision each."""

from __future__ import annotations

import re
from typing import Any

from ..document import Document
from .candidates import Decision, decide
from .checks import prose_tiers, run_checks, tiers_off_total
from .context import Context
from .evaluates import not_an_evaluation
from .figures import extract_figures
from .forms import form_pairs
from .jurisdiction import (
    OPENING,
    above_own_level,
    within_own_province,
    body_place_candidates,
    divisions,
    jurisdiction_record,
    place_candidates,
    refine,
)
from .metadata import Metadata, extract_metadata
from .phrases import _spec
from .programmes import blanked_place, masked_place
from .model import Indicator, Jurisdiction, Record, Score, Source
from .view import View, fold
from .scores import (
    TierScore,
    grade_candidates,
    grade_for,
    max_candidates,
    names_the_whole,
    table_total_candidates,
    tier_indicators,
    tier_scores,
    total_candidates,
)


def _indicators(tables: list[Any], tiers: list[TierScore]) -> list[Indicator]:
    """Indicator-table rows (deduplicated), else level-1 scores stated in prose."""
    out: list[Indicator] = []
    seen: set[tuple[Any, ...]] = set()
    for t in tables:
        for r in t.rows:
            key = (r.code, r.level, r.name, r.parent)
            if key not in seen:
                seen.add(key)
                out.append(r.record())
    if not any(i.level == 1 for i in out):
        out = tier_indicators(tiers) + out
    return out


def _apply(record: Record, name: str, decision: Decision, doc: Document) -> None:
    """A decided value into the record, with its evidence and the warnings of the decision."""
    record.warnings += decision.warnings
    if decision.value is None:
        return
    setattr(record, name, decision.value)
    record.evidence[name] = decision.evidence(doc)


def _central(cand: Any) -> bool:
    """Whether ``cand`` names a central body's office (财政部山西监管局: ``central_body``), whose place is
    the territory it oversees, not the evaluated spending's."""
    return cand is not None and bool(re.match(_spec()["central_body"], fold(cand.value)))


def _below_the_evaluator(ctx: Context, cands: list[Any], record: Record) -> list[Any]:
    """``cands`` without the places only the evaluator, issuer or signer names when they lie above the
    level the document calls its own place by (a 我市 news item on the region's 住建厅、财政厅 rating the
    cities: the evaluator's region is not the spending's place) — when no title, client or unit names
    one. A warning says so."""
    if any(c.rule not in ("evaluator", "issuer", "signature") for c in cands):
        return cands
    kept = []
    for c in cands:
        own = above_own_level(ctx, c)
        if own is None:
            kept.append(c)
        else:
            record.warnings.append(
                f"jurisdiction: the document calls its own place {own}; the {c.rule}'s "
                f"{c.describe(ctx.doc)} lies above it and is not read"
            )
    return kept


def _names_another_place(ctx: Context, evaluator: Any) -> bool:
    """Whether ``evaluator`` was read as rating others' spending (tag others) and its own sentence, after its
    name, names a division its name does not hold (…考核组一行4人来桐城,就桐城市…进行绩效评价): the place it
    went to evaluate."""
    if evaluator is None or not evaluator.rule.endswith(":others"):
        return False
    clause = re.split(r"[。；;\n]", fold(ctx.doc.text[evaluator.end : evaluator.end + 120]), maxsplit=1)[0]
    own = fold(evaluator.value)
    return any(name not in own for _s, _e, name in divisions().find(clause))


def _jurisdiction(ctx: Context, meta: Metadata, record: Record) -> None:
    d = meta.decisions
    sources = [("title", d["title"].chosen), ("evaluated_unit", d["evaluated_unit"].chosen)]
    sources += [("file_title", c) for c in meta.orgs.get("file_title", [])[:1]]
    sources += [("client", c) for c in meta.orgs["client"][:1]]
    evaluator = d["evaluator"].chosen
    # (not, with no mode, a body its own clause says evaluated another place — 安庆市文化民生工程考核组一行4人来桐城,
    # 就桐城市…进行绩效评价: that place is the spending's, the visitor's own is not, README `jurisdiction`;
    # session 45. A body rating the places of its own territory, 广元市农业局对四县三区…, stays.)
    visits_another = record.evaluation_mode is None and _names_another_place(ctx, evaluator)
    if record.evaluation_mode in ("self", "finance", None) and not visits_another:
        sources.append(("evaluator", evaluator))
    sources += [("issuer", c) for c in meta.orgs["issuer"][:1]]
    sources = [(kind, c) for kind, c in sources if kind not in ("evaluator", "issuer") or not _central(c)]
    sources += [("signature", c) for c in meta.orgs["signature"][:1]]
    cands = _below_the_evaluator(ctx, place_candidates(ctx, sources), record)
    if not cands:
        # nothing names a place: the body's, unless the title or the opening masks it (XX市)
        title = d["title"].chosen
        masked = masked_place((fold(title.value) if title is not None else "") + "\n" + ctx.view.text[:OPENING])
        # a title opening with a bare 省/区 lost its place's name or had it masked: masked when the
        # document masks a place elsewhere too (某某省住房和城乡建设厅)
        blanked = blanked_place(fold(title.value)) if title is not None else None
        if blanked is not None and masked is None:
            masked = masked_place(ctx.view.text)
        if masked is not None:
            shown = masked.group(0) if blanked is None else f"{blanked}…, {masked.group(0)}"
            record.warnings.append(
                f"jurisdiction: the title or the opening masks its place ({shown}); none is read from the body"
            )
        else:
            cands = body_place_candidates(ctx)
            own = above_own_level(ctx, cands[0]) if cands else None
            if own is not None:
                record.warnings.append(
                    f"jurisdiction: the document calls its own place {own} and names none of that level; "
                    f"the body's {cands[0].describe(ctx.doc)} encloses it and is not read"
                )
                cands = []
            elif (province := within_own_province(ctx, cands)) is not None:
                record.warnings.append(
                    f"jurisdiction: the document calls its own place {province} and names no province; "
                    f"the body's {cands[0].describe(ctx.doc)} lies within it and is not read"
                )
                cands = []
            elif len(cands) == 1:
                record.warnings.append(
                    f"jurisdiction: no title, unit, issuer or signature names a place; read from "
                    f"the body's {cands[0].describe(ctx.doc)}"
                )
    decision = decide("jurisdiction", cands, ctx.doc)
    record.warnings += decision.warnings
    if decision.chosen is not None:
        chosen = refine(decision.chosen, cands)
        record.jurisdiction = Jurisdiction.from_dict(
            jurisdiction_record(chosen.extra["name"], chosen.extra["division"])
        )
        record.evidence["jurisdiction"] = chosen.evidence(ctx.doc)
    elif not cands:
        _town_place(ctx, d["evaluated_unit"].chosen, record)


def _town_place(ctx: Context, unit: Any, record: Record) -> None:
    """No coded place named anywhere, but the unit evaluated is a town or its government (``town_place``):
    the town's own spending (devset ruling 7), so the town is the jurisdiction's name, without a code."""
    if unit is None:
        return
    m = re.match(_spec()["town_place"], fold(unit.value))
    if m is None:
        return
    # the town's words where the unit is printed (its evidence may hold the form's label before them:
    # 实施单位 杨楼镇人民政府); the view maps them back to the document's offsets
    view = View.of(ctx.doc.text[unit.start : unit.end], unit.start)
    at = view.text.rfind(m.group("town"))
    if at < 0:
        return
    start, end = view.span(at, at + len(m.group("town")))
    name = re.sub(r"\s", "", ctx.doc.text[start:end])  # as printed
    record.jurisdiction = Jurisdiction(name=name)
    record.evidence["jurisdiction"] = ctx.candidate_at(
        "jurisdiction", name, start, end, unit.rank, "town_unit"
    ).evidence(ctx.doc)
    record.warnings.append(
        f"jurisdiction: no coded place is named; the town the unit {unit.describe(ctx.doc)} names, without a code"
    )


def _score(
    ctx: Context, pairs: list[Any], tables: list[Any], tiers: list[TierScore], record: Record
) -> list[TierScore]:
    """The record's score; returns ``tiers`` without those that state the whole's score."""
    doc = ctx.doc
    table_totals = table_total_candidates(ctx, tables)
    total = decide("score.total", total_candidates(ctx, pairs, table_totals, tiers), doc)
    # 整体绩效得分96分, 项目绩效得分90分: a whole's name (names_the_whole) with no weight before the total's own score names
    # the whole, not a level-1 indicator — read the total with those phrases let in, and when it is
    # their score (and agrees with the total read without them), they are no tiers
    unweighed = [t for t in tiers if t.weight in (None, 100) and names_the_whole(t.name)]
    if unweighed:
        rest = [t for t in tiers if not any(t is u for u in unweighed)]
        alt = decide("score.total", total_candidates(ctx, pairs, table_totals, rest), doc)
        whole = [t for t in unweighed if alt.value is not None and t.score == alt.value]
        if whole and total.value in (None, alt.value):
            total = alt
            tiers = [t for t in tiers if not any(t is w for w in whole)]
    grade = decide("score.grade", grade_candidates(ctx, pairs), doc)
    record.warnings += total.warnings + grade.warnings
    score = Score()
    if total.value is not None:
        score.total = total.value
        record.evidence["score.total"] = total.evidence(doc)
        mx = decide("score.max", max_candidates(ctx, total.chosen), doc)
        if mx.value is not None:
            score.max = mx.value
            record.evidence["score.max"] = mx.evidence(doc)
        else:
            score.max = 100  # the default of a 百分制 report: no evidence
    if grade.value is not None:
        score.grade, score.grade_source = grade.value, "stated"
        record.evidence["score.grade"] = grade.evidence(doc)
    elif score.total is not None:
        scaled = score.total * 100 / score.max if score.max else score.total
        score.grade, score.grade_source = grade_for(scaled), "derived"
    record.score = score
    return tiers


def extract_fields(doc: Document) -> Record:
    """A :class:`Record` with every field filled except ``doc_id``, ``source`` and ``findings``."""
    ctx = Context(doc)
    pairs = form_pairs(ctx)
    tables = list(ctx.score_tables.values())
    record = Record(doc_id="", source=Source(path=doc.path, format=doc.format, pages=doc.pages, ocr=bool(doc.ocr)))
    meta = extract_metadata(ctx, pairs)
    # a page that reports no evaluation (rules, an article, a meeting's news: evaluates.py): the fields
    # that only exist for an evaluation abstain, and the record says why
    instead = not_an_evaluation(ctx, meta.decisions["title"].value)
    if instead is not None:
        for name in ("report_kind", "evaluation_mode", "program", "evaluated_unit", "evaluator"):
            chosen = meta.decisions[name].chosen
            if meta.decisions[name].value is not None and instead.abstains(
                name, chosen.rule if chosen is not None else None
            ):
                meta.decisions[name] = Decision(
                    name, warnings=[instead.warning(name)], candidates=meta.decisions[name].candidates
                )
    for name in (
        "title",
        "years",
        "report_date",
        "report_kind",
        "evaluation_mode",
        "program",
        "evaluated_unit",
        "evaluator",
    ):
        _apply(record, name, meta.decisions[name], doc)
    _jurisdiction(ctx, meta, record)
    tiers = tier_scores(ctx)
    tiers = _score(ctx, pairs, tables, tiers, record)
    if (
        instead is not None
        and "score" in instead.abstain
        and record.score is not None
        and (record.score.total is not None or record.score.grade is not None)
    ):
        record.warnings.append(instead.warning("score"))
        record.score = Score()
        for key in ("score.total", "score.max", "score.grade"):
            record.evidence.pop(key, None)
    record.indicators = _indicators(tables, tiers)
    # Tier scores read from sentences that are the whole set but do not add up to the total: one
    # of the two was misread, or the report is wrong. Either way they are no values to compare
    # reports by; the failed check still names both numbers.
    held = prose_tiers(tables, record.indicators)
    off = tiers_off_total(held, record.score)
    if off is None:
        held = []
    else:
        record.indicators = [i for i in record.indicators if not any(i is h for h in held)]
        pages = sorted({i.page for i in held if i.page is not None})
        where = f" (p.{', p.'.join(map(str, pages))})" if pages else ""
        record.warnings.append(f"tier_scores: {off}{where}; the tier scores are left out")
    record.figures = extract_figures(ctx)
    record.checks = run_checks(
        ctx,
        record.indicators + held,
        record.score,
        record.evidence.get("score.total"),
        record.figures,
        record.evidence.get("score.grade"),
        record.evidence.get("score.max"),
    )
    return record


__all__ = ["extract_fields", "Decision"]
