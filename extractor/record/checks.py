"""Checks on the report's own arithmetic (record field ``checks``): open rules.

Every check names the printed numbers it compared and where they are (``detail``
ends with the page), and carries ``page`` and ``span`` — from the first number
checked to the last, exact offsets into the document text.  The report is never
corrected: a failed check only says that the printed numbers disagree.  Numbers
are compared at their printed precision: printed parts must add up to the printed
total within half a unit of the coarsest number's last digit (so a 尾差 of 0.01万元
in a column printed to 0.01 is flagged, not excused), and a computed rate must
round to the printed one (allowing for the rounding of its operands; indicator
weights and scores keep the old per-addend tolerance).  Rules (words in the ``checks:``
section of ``patterns/scores.yaml``):

* ``indicator_sum`` / ``weight_sum`` — indicator scores and weights add up to their
  parent, the table's total row, the stated total (level-1 scores) or the maximum;
  also for headings that carry their weight and score (一、投入(分值18分,自评得18分)), and for a
  自评表 flattened to text: its third-level scores (read by the header's column order,
  :mod:`.formrows`) with the budget row's against the total, when the rows read are all there;
* ``score_rate`` — score ÷ weight is the stated 得分率, in a table row or in a
  sentence (满分为35分，得分30.64分，得分率87.54%);
* ``grade_threshold`` — the stated grade is the one the thresholds give the total;
* ``table_sum`` — in every table with a total row (合计, 总计, 年度资金总额 …) the parts
  add up to it, per numeric column (subtotals 小计 too); in 自评表 the 其中 rows add
  up to the 年度资金总额 row;
* ``percent_column`` — a share column (占比) adds up to 100% (or its stated total);
* ``prose_sum`` — a total stated in prose and its parts (共计X万元，其中A、B、C; X（A，B）);
* ``execution_rate`` / ``arrival_rate`` — a stated 执行率 (完成率, 支付率 …) or 到位率
  equals executed (到位) ÷ budget, the amounts stated before it;
* ``weighted_score`` — in a weighted-criteria table, weight × score is the weighted score
  (相关性 20% × 100.00 = 20.00);
* ``share`` — counts and their shares of a whole (35个项目…占评定项目的85.36% of 41);
* ``budget_score`` — a 自评表's budget score is the weight times the rate its column names, and a
  其中 row with the total row's amounts, rate and weight gets the total row's score.

A check whose premise is weak says only an agreement: a prose total no words name, parts over
twice or under half their total, parts more than a tenth short of a total whose words name no
total (共, 合计 …: the list may be cut short by a ；), a rate of a part between a budget and a later rate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ... import patterns
from ..cjk import chinese_number
from ..document import Document
from ..normalize import RUBY, squash
from .figures import (
    Label,
    Quantity,
    SelfEvalBlock,
    _bare_money,
    _blank_tables,
    _cell_quantity,
    _cells_of_table,
    _pipe_rows,
    deglossed_self_eval_blocks,
    fold_text,
    iter_quantities,
    label_before,
    self_eval_blocks,
)
from .figures import spec as figure_spec
from .checks_sentences import amount_product_checks, bracket_depth, count_total_checks, counted_weight_list_checks
from .formrows import FormRows, form_rows
from .indicators import IndicatorRow, ScoreTable
from .model import Check, Evidence, Figure, Indicator, Score
from .numbers import MAGNITUDES
from .scores import (
    complete_framework,
    grade_for,
    listed_weights,
    printed_scale,
    thresholds,
    uncommon_bound,
    weighted_rows,
)

EPS = Decimal("1e-9")


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("scores.yaml")["checks"]


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern[str]]:
    s = _spec()
    keys = (
        "total_row",
        "subtotal_row",
        "not_summed_column",
        "list_start",
        "partial_list",
        "rate_name",
        "executed",
        "arrived",
        "paid_over",
        "not_executed",
        "budget",
        "planned",
        "prose_score_rate",
        "heading_score",
        "weight_then_score",
        "prose_score_weight_rate",
        "line_rate_header",
        "line_rate_row",
        "share",
        "share_column",
        "hierarchy_part",
        "form_tier",
        "form_total_weight",
        "tier_total_row",
        "total_after",
        "total_after_list",
        "counted_total",
        "budget_score",
        "budget_score_weight",
        "self_eval_spent",
        "self_eval_adjusted",
        "self_eval_weight",
        "completion_of_money",
        "named_total",
        "each",
        "respectively",
        "numbered_line",
        "money_kind",
        "rate_whole",
        "balance",
        "balance_not",
    )
    return {k: re.compile(s[k]) for k in keys}


# ---------------------------------------------------------------------------- formatting


def _fmt(v: float | Decimal | None) -> str:
    if v is None:
        return "null"
    d = Decimal(str(v)).normalize()
    return format(d, "f")


def _printed(q: Quantity) -> str:
    """A quantity as printed, without spaces (2,460.31万人)."""
    return re.sub(r"\s+", "", q.raw)


def _like(v: Decimal, q: Quantity) -> str:
    """``v`` printed as ``q`` is: thousands separators and decimals as there (or as many as ``v`` needs)."""
    dec = max(q.decimals, -int(v.normalize().as_tuple().exponent) if v != v.to_integral_value() else 0)
    text = f"{v:,.{dec}f}" if "," in q.raw else f"{v:.{dec}f}"
    return text


def _pct(v: Decimal, places: int) -> str:
    return f"{v:.{max(places, 2)}f}%"


@dataclass
class Checker:
    """Collects checks, once each (a table or a sentence repeated in the abstract is checked once)."""

    ctx: Any
    out: list[Check] = field(default_factory=list)
    seen: set[Any] = field(default_factory=set)

    def add(self, rule: str, ok: bool, detail: str, spans: Iterable[tuple[int, int] | None], key: Any = None) -> None:
        kept = [s for s in spans if s is not None]
        if key is None:
            key = detail
        if (rule, key) in self.seen:
            return
        self.seen.add((rule, key))
        span = (min(s[0] for s in kept), max(s[1] for s in kept)) if kept else None
        pages = []
        for s in kept:
            p = self.ctx.page(s[0])
            if p is not None and p not in pages:
                pages.append(p)
        where = f" ({', '.join(f'p.{p}' for p in sorted(pages))})" if pages else ""
        page = self.ctx.page(span[0]) if span else None
        self.out.append(Check(rule, bool(ok), detail + where, page, span))


def _tol(n: int) -> float:
    return max(1, n) * float(_spec()["sum_tolerance"]) / 2 + 1e-9


def _rate_ok(computed_pct: Decimal, stated_pct: Decimal, places: int, slack: Decimal = Decimal(0)) -> bool:
    return abs(computed_pct - stated_pct) <= Decimal(5) / Decimal(10) ** (places + 1) + slack + EPS


COUNTED = {"人", "人次", "户", "个", "项", "份", "座", "条", "所", "家", "次", "套", "台", "辆", "处", "例"}


def _half(q: Quantity) -> Decimal:
    """The rounding a printed quantity may carry, in base units (none for a whole count: 35个)."""
    if q.unit in COUNTED and not q.mag and q.decimals == 0:
        return Decimal(0)
    return q.half_unit


def _printed_half(q: Quantity) -> Decimal:
    """Half a unit of the printed number's last digit; none for a whole count (48个 is exact)."""
    if q.unit in COUNTED and not q.mag and q.decimals == 0:
        return Decimal(0)
    return Decimal(1).scaleb(-q.decimals) / 2


def _decimals(raw: str | None) -> int:
    m = re.search(r"\.(\d+)\s*%", raw or "")
    return len(m.group(1)) if m else 0


# ---------------------------------------------------------------------------- indicator tables


_LABELS = {1: "一级指标", 2: "二级指标", 3: "三级指标"}


def _rate_span(doc: Document, r: IndicatorRow) -> tuple[int, int] | None:
    """The row's span widened to its printed 得分率."""
    if r.span is None:
        return None
    s, e = r.span
    if r.rate_raw:
        i = doc.text.find(r.rate_raw, e, e + 80)
        if i >= 0:
            e = i + len(r.rate_raw)
    return s, e


def _table_budget_row(ctx: Any, bi: int) -> tuple[Quantity | None, Quantity | None]:
    """The weight and score of the budget-execution row of the 自评表 funds block above the
    indicator table in block ``bi``: in the same table, or in a table just before it (a form cut in
    two by a page break, or set as two tables)."""
    for k in range(bi, max(-1, bi - 3), -1):
        blocks = ctx.table_funds.get(k)
        if blocks:
            return _budget_row(blocks, ctx.doc.blocks[bi].end)
    return None, None


def _weighed_with_budget(
    tier: list[IndicatorRow], budget_weight: Quantity | None, total_weight: float | int | None
) -> bool:
    """Whether a 自评表's budget row is part of the indicators' total: the tier's weights and the
    budget row's make the total weight (三级指标 90 + 预算执行 10 = 100)."""
    if budget_weight is None or total_weight is None or any(r.weight is None for r in tier):
        return False
    weights = sum((Decimal(str(r.weight)) for r in tier), budget_weight.printed)
    return abs(float(weights) - float(total_weight)) <= _tol(len(tier) + 1)


def indicator_table_checks(
    ck: Checker, table: ScoreTable, score: Score, score_ev: Evidence | None, bi: int | None = None
) -> None:
    """A score table's sums: a tier's scores and weights add up to the total row's (with a 自评表's
    budget-execution row when the weights say it counts), children to their parent, and each
    stated 得分率 is score ÷ weight."""
    rows = table.rows
    doc: Document = ck.ctx.doc
    budget_weight, budget_score = _table_budget_row(ck.ctx, bi) if bi is not None else (None, None)

    def complete_level(attr: str) -> int | None:
        """The highest tier whose indicators all carry ``attr`` (scores may be given for leaves only)."""
        for lvl in sorted({r.level for r in rows}):
            tier = [r for r in rows if r.level == lvl]
            if tier and all(getattr(r, attr) is not None for r in tier):
                return lvl
        return None

    total_span = table.total.span if table.total is not None else None
    total_score = table.total.score if table.total and table.total.score is not None else None
    top = complete_level("score")
    if total_score is None and score.total is not None and top == 1:
        total_score, total_span = score.total, score_ev.span if score_ev else None
    total_weight = table.total.weight if table.total and table.total.weight is not None else None
    wspan = total_span if table.total and table.total.weight is not None else None
    if total_score is not None and top is not None:
        tier = [r for r in rows if r.level == top]
        spans = [r.span for r in tier] + [total_span]
        values: list[Any] = [r.score for r in tier]
        label = _LABELS[top]
        if _weighed_with_budget(tier, budget_weight, total_weight):
            if budget_score is None:
                values = []  # the budget row is weighed but its score was not read: the sum would be short
            else:
                values.append(budget_score.printed)
                spans.append((budget_score.start, budget_score.end))
                label += " + 预算执行"
        if values:
            _adds_up(ck, "indicator_sum", label, values, total_score, spans, "stated total")
    top_w = complete_level("weight")
    if total_weight is None and score.max is not None and top_w == 1 and table.total is not None:
        total_weight = score.max
    if total_weight is not None and top_w is not None:
        tier = [r for r in rows if r.level == top_w]
        spans = [r.span for r in tier] + [wspan]
        weights: list[Any] = [r.weight for r in tier]
        label = f"{_LABELS[top_w]} weights"
        if budget_weight is not None and _weighed_with_budget(tier, budget_weight, total_weight):
            weights.append(budget_weight.printed)
            spans.append((budget_weight.start, budget_weight.end))
            label = f"{_LABELS[top_w]} + 预算执行 weights"
        _adds_up(ck, "weight_sum", label, weights, total_weight, spans)
    _child_sums(ck, rows, "weight", "weight_sum", " weights")
    _child_sums(ck, rows, "score", "indicator_sum", "")
    for r in rows:
        _score_over_weight(ck, r.name, r.weight, r.score, [r.span])
    for r in rows + ([table.total] if table.total else []):
        if r.weight in (None, 0) or r.score is None or r.rate is None:
            continue
        computed = Decimal(str(r.score)) / Decimal(str(r.weight)) * 100
        stated = Decimal(str(r.rate)) * 100
        places = _decimals(r.rate_raw)
        ok = _rate_ok(computed, stated, places)
        ck.add(
            "score_rate",
            ok,
            f"{r.name}: {_fmt(r.score)} ÷ {_fmt(r.weight)} = {_pct(computed, places)}, stated {r.rate_raw}",
            [_rate_span(doc, r)],
        )


def _adds_up(
    ck: Checker,
    rule: str,
    label: str,
    values: list[Any],
    stated: float | int | Decimal,
    spans: Sequence[tuple[int, int] | None],
    stated_as: str = "stated",
) -> None:
    """One check: ``values`` add up to ``stated`` within their rounding; the detail names them all."""
    s = sum(Decimal(str(v)) for v in values)
    ok = abs(float(s) - float(stated)) <= _tol(len(values))
    ck.add(rule, ok, f"{label}: {' + '.join(_fmt(v) for v in values)} = {_fmt(s)}, {stated_as} {_fmt(stated)}", spans)


def _child_sums(ck: Checker, rows: list[IndicatorRow], attr: str, rule: str, label: str) -> None:
    """One check per parent whose children's ``attr`` values (all stated) should add up to its own."""
    for parent in rows:
        kids = [r for r in rows if r.parent == parent.name and r.level == parent.level + 1]
        stated = getattr(parent, attr)
        if stated is None or not kids or any(getattr(k, attr) is None for k in kids):
            continue
        values = [getattr(k, attr) for k in kids]
        _adds_up(ck, rule, f"{parent.name}{label}", values, stated, [parent.span] + [k.span for k in kids])


def _complete_tiers(tiers: list[Indicator], score: Score, synonyms: bool = False) -> bool:
    """Whether ``tiers`` are the whole of the total: they are one of the common frameworks' complete
    sets (决策/过程/产出/效益), each once, whatever their weights; or their weights add up to the
    maximum.  With ``synonyms`` a tier named as some frameworks name another (项目管理 for 项目过程:
    ``checks.tier_synonyms``) counts as that one."""
    if len(tiers) < 2:
        return False
    if complete_framework([i.name for i in tiers]):
        return True
    if synonyms and complete_framework([_framework_name(i.name) for i in tiers]):
        return True
    if any(i.weight is None for i in tiers):
        return False
    mx = score.max if score.max is not None else 100
    ws = sum(Decimal(str(i.weight)) for i in tiers)
    return abs(float(ws) - float(mx)) <= _tol(len(tiers))


def _framework_name(name: str) -> str:
    """A tier's name as the common frameworks spell it (项目管理 → 过程; ``checks.tier_synonyms``)."""
    bare = re.sub(r"^(?:项目|部门)", "", name)
    return str(_spec().get("tier_synonyms", {}).get(bare, bare))


def _distinct_tiers(tiers: list[Indicator]) -> list[Indicator]:
    """Level-1 tiers without a second reading of one (决策 beside 项目决策 with the same weight and
    score: two readers of one row) — counted twice, a complete set looks incomplete."""
    out: list[Indicator] = []
    for i in tiers:
        twin = next(
            (
                k
                for k, o in enumerate(out)
                if _framework_name(o.name) == _framework_name(i.name) and (o.weight, o.score) == (i.weight, i.score)
            ),
            None,
        )
        if twin is None:
            out.append(i)
        elif len(i.name) > len(out[twin].name):
            out[twin] = i  # the fuller name, as printed (项目决策)
    return out


def prose_tiers(tables: list[ScoreTable], indicators: list[Indicator]) -> list[Indicator]:
    """The level-1 indicators that no indicator table gave (read from sentences and lines)."""
    in_tables = {(r.level, r.name) for t in tables for r in t.rows}
    return [i for i in indicators if i.level == 1 and (i.level, i.name) not in in_tables]


def tiers_off_total(tiers: list[Indicator], score: Score) -> str | None:
    """When ``tiers`` are a complete set whose scores do not add up to the total: the sum, named
    (决策18 + 过程17 + … = 90, total 91); else None (they add up, or nothing can be said)."""
    if score.total is None or any(i.score is None for i in tiers) or not _complete_tiers(tiers, score):
        return None
    s = sum(Decimal(str(i.score)) for i in tiers)
    if abs(float(s) - float(score.total)) <= _tol(len(tiers)):
        return None
    return f"{' + '.join(f'{i.name}{_fmt(i.score)}' for i in tiers)} = {_fmt(s)}, total {_fmt(score.total)}"


def prose_tier_checks(
    ck: Checker,
    tables: list[ScoreTable],
    indicators: list[Indicator],
    score: Score,
    score_ev: Evidence | None,
    max_ev: Evidence | None = None,
) -> None:
    """Level-1 indicators stated in prose, when they are a complete set (a common framework's
    tiers, or weights adding up to the maximum; an incomplete set says nothing): their weights add
    up to the maximum (决策20 + 过程20 + 产出40 + 效益30 = 110 is flagged), their scores to the total."""
    tiers = _distinct_tiers(prose_tiers(tables, indicators))
    for i in tiers:  # (a flattened table's row over its weight, 产出 30 32: the readers keep it — score22)
        _score_over_weight(ck, i.name, i.weight, i.score, [i.span])
    if not _complete_tiers(tiers, score, synonyms=True):
        return
    spans = [i.span for i in tiers]
    row = _tier_total_row(ck, tiers)
    if all(i.weight is not None for i in tiers):
        mx = score.max if score.max is not None else 100
        weights = [i.weight for i in tiers]
        ws = sum(Decimal(str(w)) for w in weights)
        ck.add(
            "weight_sum",
            abs(float(ws) - float(mx)) <= _tol(len(weights)),
            f"一级指标 weights: {' + '.join(_fmt(w) for w in weights)} = {_fmt(ws)}, stated {_fmt(mx)}",
            # (the maximum's own place when the report prints it: 总分⏎100 under the tiers — the record's evidence,
            # else the tiers' total row when it states the maximum, a default of 100 nobody else printed)
            spans + [max_ev.span if max_ev and score.max is not None else _row_cell(row, "w", mx)],
        )
    _tier_total_row_checks(ck, tiers, score, row)
    if score.total is None or any(i.score is None for i in tiers):
        return
    scores = [i.score for i in tiers]
    total_spans = spans + [score_ev.span if score_ev else _row_cell(row, "s", score.total)]
    _adds_up(ck, "indicator_sum", "一级指标", scores, score.total, total_spans, "stated total")


def _tier_total_row(ck: Checker, tiers: list[Indicator]) -> re.Match[str] | None:
    """The total row of level-1 indicators read from lines, each with its weight and score: the line right after
    the last tier's (小计 100 90.5 90.5%; or one cell a line, 效果⏎15分⏎15.00分⏎总分⏎100⏎82.97), else None."""
    if not tiers or any(i.weight is None or i.score is None or i.span is None for i in tiers):
        return None
    text = ck.ctx.doc.text
    last = max(i.span[1] for i in tiers if i.span is not None)
    line_end = text.find("\n", last)
    if line_end < 0 or text[last:line_end].strip(" \t|｜%％0123456789.分"):
        return None  # (the row must follow the last tier's line, nothing but its cells after the tier's numbers)
    return _rx()["tier_total_row"].match(text, line_end + 1)


def _row_cell(row: re.Match[str] | None, group: str, value: float | None) -> tuple[int, int] | None:
    """Where the tiers' total row prints ``value`` in its weight (``w``) or score (``s``) cell, else None."""
    if row is None or value is None or Decimal(row.group(group)) != Decimal(str(value)):
        return None
    return row.span(group)


def _tier_total_row_checks(ck: Checker, tiers: list[Indicator], score: Score, m: re.Match[str] | None) -> None:
    """Level-1 indicators read from lines, each with its weight and score, and the table's total row on the next line
    (小计 100 90.5 90.5%): their weights add up to its weight, their scores to its score — the row may differ from the
    total the prose states, and a slip there is the table's own.  A row that states the record's own maximum or total
    is already checked against them (the weight_sum above, the indicator_sum below): one relation, one check."""
    if m is None:
        return
    name = squash(m.group("name"))
    spans = [i.span for i in tiers]
    if _row_cell(m, "w", score.max if score.max is not None else 100) is None:
        weights = [i.weight for i in tiers]
        _adds_up(ck, "weight_sum", f"一级指标 weights ({name})", weights, Decimal(m.group("w")), spans + [m.span("w")])
    if _row_cell(m, "s", score.total) is None:
        scores = [i.score for i in tiers]
        _adds_up(ck, "indicator_sum", f"一级指标 ({name})", scores, Decimal(m.group("s")), spans + [m.span("s")])


def listed_weight_checks(ck: Checker, score: Score) -> None:
    """Level-1 weights listed in one sentence (一级指标权重分别为：决策20分、过程20分、产出30分、效益35分),
    a common framework's complete set: they add up to the total stated after them, else to the maximum."""
    view = ck.ctx.view
    for wl in listed_weights(view.text):
        target = wl.total if wl.total is not None else Decimal(str(score.max if score.max is not None else 100))
        ws = sum(wl.weights, Decimal(0))
        ck.add(
            "weight_sum",
            abs(float(ws) - float(target)) <= _tol(len(wl.weights)),
            f"一级指标 weights: {' + '.join(_fmt(w) for w in wl.weights)} = {_fmt(ws)}, stated {_fmt(target)}",
            [view.span(wl.start, wl.end)],
        )


# ---------------------------------------------------------------------------- headings and sentences


@dataclass
class _Node:
    level: int
    name: str
    weight: Decimal
    score: Decimal
    span: tuple[int, int]
    kids: list[_Node] = field(default_factory=list)
    closed: bool = False  # a later heading at this level or above: the list of its children is complete


def heading_tree_checks(ck: Checker, flat: str) -> None:
    """Headings that carry their weight and score (一、投入(分值18分,自评得18分) / (一)项目立项(分值10分,自评得10分)):
    the children of a heading add up to it."""
    ctx = ck.ctx
    rx = _rx()["heading_score"]
    blocks = ctx.doc.blocks
    nodes: dict[int, _Node] = {}  # by heading block index
    roots: list[_Node] = []
    for i, b in enumerate(blocks):
        level, _role = ctx.headings[i]
        if level is None:
            continue
        m = rx.search(flat, b.start, min(b.end, b.start + 60))
        if m is None:
            continue
        name = re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?", "", squash(b.text[: m.start() - b.start]))
        closed = ctx.section_ends[i] < len(blocks)
        node = _Node(level, name, Decimal(m.group("w")), Decimal(m.group("s")), (m.start("w"), m.end("s")), [], closed)
        # its parent: the innermost open heading that carries a weight and score of its own
        parent = next((nodes[h] for h in reversed(ctx.open_sections[i][:-1]) if h in nodes), None)
        (parent.kids if parent else roots).append(node)
        nodes[i] = node

    def walk(nodes: list[_Node]) -> None:
        for n in nodes:
            if len(n.kids) >= 2 and n.closed:
                for attr, rule, label in (("weight", "weight_sum", " weights"), ("score", "indicator_sum", "")):
                    vals = [getattr(k, attr) for k in n.kids]
                    s = sum(vals)
                    ok = abs(float(s) - float(getattr(n, attr))) <= _tol(len(vals))
                    ck.add(
                        rule,
                        ok,
                        f"{n.name}{label}: {' + '.join(_fmt(v) for v in vals)} = {_fmt(s)}, "
                        f"stated {_fmt(getattr(n, attr))}",
                        [n.span] + [k.span for k in n.kids],
                    )
            walk(n.kids)

    walk(roots)


def prose_score_rate_checks(ck: Checker, flat: str) -> None:
    """满分为35分，得分30.64分，得分率87.54%: score ÷ weight is the stated rate (or 得分18分（满分20分），
    得分率90%: the weight in brackets after the score)."""
    ctx = ck.ctx
    rxs = (_rx()["prose_score_rate"], _rx()["prose_score_weight_rate"])
    heading = ""
    for i, b in enumerate(ctx.doc.blocks):
        if b.kind == "table":
            continue
        if ctx.is_heading(i):
            heading = re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?\s*", "", squash(b.text)).rstrip("。：:")
        hits = sorted(
            (m for rx in rxs for m in rx.finditer(flat, b.start, min(len(flat), b.end + 40))), key=lambda m: m.start()
        )
        for m in hits:
            if m.start() >= b.end:
                break
            w, s, r = Decimal(m.group("w")), Decimal(m.group("s")), Decimal(m.group("r"))
            if w == 0:
                continue
            _score_rate_check(ck, heading[:16], m, (m.start(), m.end("r") + 1), ("prose", w, s, r))


def line_score_rate_checks(ck: Checker, flat: str) -> None:
    """A score table flattened to lines (or to one line) under a header of 分值 / 得分 / 得分率: each
    row's stated rate is its score ÷ its weight (决策 20 18 90%).  Tables a reader took as tables are
    checked by ``indicator_table_checks``."""
    rx = _rx()
    in_tables = [(b.start, b.end) for b in ck.ctx.doc.blocks if b.kind == "table"]
    for h in rx["line_rate_header"].finditer(flat):
        if any(s <= h.start() < e for s, e in in_tables):
            continue
        pos = h.end()
        while (m := rx["line_rate_row"].match(flat, pos)) is not None and m.end() > pos:
            pos = m.end()
            w, s, r = Decimal(m.group("w")), Decimal(m.group("s")), Decimal(m.group("r"))
            if w == 0 or s > w:
                continue  # (a score over its weight: score_over_weight's, not a rate's)
            name = re.sub(r"\s+", "", m.group("name"))
            _score_rate_check(ck, name, m, (m.start("name"), m.end("r") + 1), ("line", name, w, s, r))


def _score_rate_check(ck: Checker, name: str, m: re.Match[str], span: tuple[int, int], key: Any) -> None:
    """A stated rate (group ``r`` of ``m``) against its score ÷ its weight (groups ``s``, ``w``; the weight not
    0), within the rate's printed places."""
    w, s, r = Decimal(m.group("w")), Decimal(m.group("s")), Decimal(m.group("r"))
    places = len(m.group("r").split(".")[1]) if "." in m.group("r") else 0
    computed = s / w * 100
    ck.add(
        "score_rate",
        _rate_ok(computed, r, places),
        f"{name}: {_fmt(s)} ÷ {_fmt(w)} = {_pct(computed, places)}, stated {m.group('r')}%",
        [span],
        key=key,
    )


def _score_over_weight(
    ck: Checker, name: str, weight: Any, score: Any, spans: Iterable[tuple[int, int] | None], key: Any = None
) -> None:
    """An indicator's score above its weight (分值10, 得分12).  Only such a slip is reported: a check
    for every row within its weight would repeat the table."""
    if weight is None or score is None or Decimal(str(score)) <= Decimal(str(weight)) or weight < 1:
        return  # (a weight below 1 is a share, 权重0.2, not points)
    ck.add("score_over_weight", False, f"{name}: score {_fmt(score)} over its weight {_fmt(weight)}", spans, key=key)


def prose_score_over_weight_checks(ck: Checker, flat: str) -> None:
    """满分30分，得分32分: a score stated right after its weight is at most that weight."""
    for m in _rx()["weight_then_score"].finditer(flat):
        w, s = Decimal(m.group("w")), Decimal(m.group("s"))
        start = _sentence_start(flat, m.start(), max(0, m.start() - 40))
        name = squash(flat[start : m.start()]).strip("，,：:、")
        name = re.split(r"[，,；;]", name)[-1].strip("（(：: ") or "score"  # (the clause's own words: 项目过程（满分…)
        _score_over_weight(ck, name[-16:], w, s, [(m.start("w"), m.end("s") + 1)], key=("prose", m.start()))


def weighted_score_checks(ck: Checker) -> None:
    """A weighted-criteria table's rows: weight × score is the printed weighted score (相关性 20% ×
    100.00 = 20.00), to the weighted score's decimals."""
    view = ck.ctx.view
    for row in weighted_rows(view.text):
        if row.total or row.score is None:
            continue
        computed = row.weight * row.score / 100
        ck.add(
            "weighted_score",
            row.consistent(),
            f"{row.name}: {_fmt(row.weight)}% × {_fmt(row.score)} = {_fmt(computed)}, stated {_fmt(row.weighted)}",
            [view.span(row.start, row.end)],
        )


def grade_check(ck: Checker, score: Score, score_ev: Evidence | None, grade_ev: Evidence | None = None) -> None:
    """A stated grade against the common thresholds (优 ≥ 90 …), naming the total and the grade
    where they are printed — unless the report prints a scale of its own that differs (优秀(≥85分)):
    then its grade follows its own scale, and nothing is said."""
    if score.grade_source != "stated" or score.total is None:
        return
    printed = printed_scale(ck.ctx.view.text)
    if uncommon_bound(printed) is not None:
        _own_scale_grade_check(ck, score, score_ev, grade_ev, printed)
        return
    scaled = score.total * 100 / score.max if score.max else score.total
    expected = grade_for(scaled)
    bound = next(t for t in thresholds() if t["grade"] == expected)
    ck.add(
        "grade_threshold",
        expected == score.grade,
        f"{_fmt(score.total)} of {_fmt(score.max)} → {expected} ({expected} ≥ {bound['min']}), stated {score.grade}",
        [score_ev.span if score_ev else None, grade_ev.span if grade_ev else None],
    )


def _own_scale_grade_check(
    ck: Checker,
    score: Score,
    score_ev: Evidence | None,
    grade_ev: Evidence | None,
    printed: list[tuple[str, float, int, int]],
) -> None:
    """A stated grade against the scale the report prints itself (85分（含）以上为优，70-85分为良 …): the
    grade is the highest printed one whose lowest score the total reaches (差 below them all).  Said only
    when the report prints the stated grade's own bound (or the grade is 差) and prints each grade once —
    a scale printed in part, or two scales, say nothing.  (Its own rule, grade_own_scale: the common
    check, grade_threshold, is the one such a report is spared.)  ``printed``: the scale's bounds as
    :func:`.scores.printed_scale` reads them."""
    view = ck.ctx.view
    bounds: dict[str, tuple[float, int, int]] = {}
    for grade, low, s, e in printed:
        if grade in bounds and bounds[grade][0] != low:
            return  # two scales (the evaluation's and an indicator's): which one grades the total is not said
        bounds.setdefault(grade, (low, s, e))
    if score.total is None or (score.grade not in bounds and score.grade != "差"):
        return
    scaled = float(score.total * 100 / score.max if score.max else score.total)
    reached = [(low, g) for g, (low, _s, _e) in bounds.items() if scaled + 1e-9 >= low]
    expected = max(reached)[1] if reached else "差"
    scale = ", ".join(f"{g} ≥ {_fmt(low)}" for g, (low, _s, _e) in sorted(bounds.items(), key=lambda b: -b[1][0]))
    s0 = min(b[1] for b in bounds.values())
    e0 = max(b[2] for b in bounds.values())
    ck.add(
        "grade_own_scale",
        expected == score.grade,
        f"{_fmt(score.total)} of {_fmt(score.max)} → {expected} on the report's own scale ({scale}), stated {score.grade}",
        [score_ev.span if score_ev else None, grade_ev.span if grade_ev else None, view.span(s0, e0)],
    )


# ---------------------------------------------------------------------------- tables


@dataclass
class _Cell:
    q: Quantity | None
    start: int
    end: int
    text: str


def _grid(flat: str, rows: list[list[Any]]) -> list[list[_Cell]]:
    out = []
    for r in rows:
        out.append([_Cell(_cell_quantity(c, flat), c.start, c.end, c.text) for c in r])
    return out


def _scale(q: Quantity, total: Quantity) -> Decimal:
    """What ``q``'s printed number is multiplied by to be in ``total``'s magnitude (万元 of 亿元: 0.0001)."""
    if q.mag == total.mag:
        return Decimal(1)
    return Decimal(MAGNITUDES.get(q.mag or "", 1)) / Decimal(MAGNITUDES.get(total.mag or "", 1))


def _sum_check(
    ck: Checker,
    rule: str,
    subject: str,
    parts: list[Quantity],
    total: Quantity,
    show_raw: bool = False,
    decimals: int | None = None,
    agreement_only: bool = False,
) -> None:
    """Parts add up to the total at the printed precision: the printed parts' sum may differ from the
    printed total by less than half a unit of the coarsest number's last digit (a column's numbers
    share its finest precision, ``decimals``: 73 in a column of 41.40 is 73.00).  With
    ``agreement_only`` (a weak premise) a sum that does not agree says nothing."""
    # (a part printed in another magnitude than the total, 8000万元 of 1.2亿元, is compared in
    # the total's: 0.8亿元, its rounding with it)
    scale = [_scale(p, total) for p in parts]
    vals = [p.printed * k for p, k in zip(parts, scale)]
    s = sum(vals, Decimal(0))
    per_number = _spec().get("sum_rounding") == "per_number"
    halves = [_printed_half(p) * k for p, k in zip(parts, scale)] + [_printed_half(total)]
    if decimals is None and per_number:
        # each printed number may be off by half its own last digit (6.5万元 by 0.05, 432.65万元
        # by 0.005): not by the coarsest one's half for every number
        tol = sum(halves, Decimal(0))
    elif decimals is None:
        tol = max(halves)
    else:
        tol = Decimal(1).scaleb(-decimals) / 2 * (len(parts) + 1 if per_number else 1)
    ok = abs(s - total.printed) <= tol + EPS
    if agreement_only and not ok:
        return
    shown = " + ".join(_printed(p) for p in parts)
    unit = re.sub(r"^[-\d.,\s]+", "", _printed(total))
    detail = f"{subject}: {shown} = {_like(s, total)}{unit}, stated {_printed(total)}"
    ck.add(
        rule,
        ok,
        detail,
        [(p.start, p.end) for p in parts] + [(total.start, total.end)],
        key=(subject if rule == "table_sum" else None, tuple(p.printed for p in parts), total.printed),
    )


def grid_checks(ck: Checker, flat: str, rows: list[list[Any]], name: str) -> None:
    """table_sum per numeric column and percent_column for one table (real or made of text lines)."""
    rx = _rx()
    grid = _grid(flat, rows)
    if not grid:
        return
    # Header: the first row without numbers (a second one is a sub-header).
    hdr_idx = next((i for i, r in enumerate(grid) if r and all(c.q is None for c in r)), None)
    header = grid[hdr_idx] if hdr_idx is not None else []
    body = grid[hdr_idx + 1 :] if hdr_idx is not None else grid

    def label(r: list[_Cell]) -> str:
        return next((c.text for c in r if c.text and c.q is None), "")

    def colname(j: int) -> str:
        return header[j].text if j < len(header) else f"列{j + 1}"

    ncols = max(len(r) for r in grid)
    totals = [i for i, r in enumerate(body) if rx["total_row"].match(label(r)) and any(c.q for c in r)]
    heads = [i for i, r in enumerate(body) if len([c for c in r if c.text]) >= 2 and all(c.q is None for c in r)]
    for ti in totals:
        trow = body[ti]
        # Parts: the rows before the total (after its header or the previous total), or, for a total
        # first (年度资金总额, then 其中…), the rows after it.
        prev = max([t for t in totals + heads if t < ti], default=-1)
        if prev in heads:
            header = body[prev]
        parts_rows = [r for r in body[prev + 1 : ti] if label(r) and not rx["subtotal_row"].search(label(r))]
        subs = [r for r in body[prev + 1 : ti] if rx["subtotal_row"].search(label(r))]
        if subs:
            parts_rows = subs
        if not parts_rows and ti == 0:
            nxt = min([t for t in totals if t > ti], default=len(body))
            parts_rows = [r for r in body[ti + 1 : nxt] if label(r)]
        if len(parts_rows) < 1:
            continue
        summed = [j for j in range(ncols) if not rx["not_summed_column"].search(colname(j))]

        def numbers(r: list[_Cell]) -> list[int]:
            return [j for j in summed if j < len(r) and r[j].q is not None]

        # A total row whose label cell is merged over the label columns (合计 | 12,267.66 | …
        # under 序号 | 任务 | 预算额度 | …) has fewer cells: its first number belongs under the
        # parts' first number column.  Parts whose rows hold different counts of numbers have
        # lost empty cells (a reader closes the gap), so only that first column lines up.
        firsts = {numbers(r)[0] for r in parts_rows if numbers(r)}
        ragged = len({len(numbers(r)) for r in parts_rows if numbers(r)}) > 1
        shift = 0
        if len(firsts) == 1 and numbers(trow) and len([c for c in trow if c.text]) < len([c for c in header if c.text]):
            shift = max(0, min(firsts) - numbers(trow)[0])
        cols = sorted(firsts) if ragged and len(firsts) == 1 else range(ncols)
        for j in cols:
            tj = j - shift
            tq = trow[tj].q if 0 <= tj < len(trow) else None
            if tq is None or rx["not_summed_column"].search(colname(j)):
                continue
            if tq.unit == "%":
                continue
            qs = [pq for r in parts_rows if j < len(r) and (pq := r[j].q) is not None and pq.unit != "%"]
            if not qs or (len(qs) < 2 and len(parts_rows) < 2):
                continue
            dec = max([q.decimals for q in qs] + [tq.decimals])
            if not _sums_to(qs, tq) and _sums_to(own := _without_children(qs), tq):
                qs = own  # nested rows: their parents add up to the total
            weak = bool(tq.value) and _far_off(qs, tq)  # a total row left at 0 is a slip whatever its parts
            subject = f"{name} {colname(j)} ({label(trow)})".strip()
            _sum_check(ck, "table_sum", subject, qs, tq, False, dec, agreement_only=weak)
    _row_rate_checks(ck, grid, header, body)
    _row_balance_checks(ck, header, body)
    # Share columns add up to 100% (or to their stated total).
    for j, h in enumerate(header):
        if not rx["share_column"].search(h.text):
            continue
        values, stated, cells = [], None, []
        for r in body:
            share = r[j].q if j < len(r) else None
            if share is None or share.unit != "%":
                continue
            if rx["total_row"].match(label(r)):
                stated = share
            else:
                values.append(share.value * 100)
                cells.append(r[j])
        if len(values) < 2:
            continue
        s = sum(values, Decimal(0))
        target = stated.value * 100 if stated is not None else Decimal(100)
        ok = abs(s - target) <= Decimal(str(_tol(len(values))))
        left = header[j - 1].text if j > 0 else ""
        ck.add(
            "percent_column",
            bool(ok),
            f"{h.text} ({left}): {' + '.join(f'{v:.2f}' for v in values)} = {s:.2f}%, expected {target:.2f}%",
            [(c.start, c.end) for c in cells] + ([(stated.start, stated.end)] if stated else []),
            key=tuple(values),
        )


def _row_rate_checks(ck: Checker, grid: list[list[_Cell]], header: list[_Cell], body: list[list[_Cell]]) -> None:
    """A budget-execution table's rate column (预算数 | 执行数 | 执行率, 资金到位率 beside 到位数): each row's
    rate, its total row's included, is its spent (or arrived) amount over its budget, read by the columns'
    names as a 自评表's are (``self_eval_spent`` / ``self_eval_adjusted``).  Only a header that names one
    rate column, one amount spent (or arrived) and a budget is read."""
    rx = _rx()
    names = [c.text for c in header]
    rates = [j for j, n in enumerate(names) if rx["rate_name"].search(n)]
    if len(rates) != 1:
        return
    jr = rates[0]
    kind = rx["rate_name"].search(names[jr])
    if kind is None or kind.group("completion"):
        return
    arrival = bool(kind.group("arrival"))
    amounts = [j for j, n in enumerate(names) if j != jr and n and not rx["not_summed_column"].search(n)]
    took = rx["arrived"] if arrival else rx["self_eval_spent"]
    spent = [j for j in amounts if took.search(names[j])]
    budgets = _budget_columns(names, amounts)
    if len(spent) != 1 or len(budgets) != 1:
        return
    js, jb = spent[0], budgets[0]
    rule = "arrival_rate" if arrival else "execution_rate"
    for r in body:
        if len(r) != len(header):
            continue  # a row missing cells: which column each number is under cannot be told
        a, b, x = r[js].q, r[jb].q, r[jr].q
        if a is None or b is None or x is None or x.unit != "%" or a.unit == "%" or b.unit == "%" or not b.value:
            continue
        c = a.value / b.value * 100
        slack = (_half(a) + c / 100 * _half(b)) / b.value * 100
        ck.add(
            rule,
            _rate_ok(c, x.printed, x.decimals, slack),
            f"{names[jr]}: {_printed(a)} ÷ {_printed(b)} = {_pct(c, x.decimals)}, stated {_printed(x)}",
            [(a.start, a.end), (b.start, b.end), (x.start, x.end)],
            key=(a.printed, b.printed, x.printed),
        )


def _budget_columns(names: list[str], amounts: list[int]) -> list[int]:
    """The columns among ``amounts`` that hold the budget (预算数, not spent, not arrived): the adjusted one
    (调整后预算数) when there are several."""
    rx = _rx()
    budgets = [j for j in amounts if rx["budget"].search(names[j]) and not rx["self_eval_spent"].search(names[j])]
    budgets = [j for j in budgets if not rx["arrived"].search(names[j])]
    if len(budgets) > 1:
        budgets = [j for j in budgets if rx["self_eval_adjusted"].search(names[j])]
    return budgets


def _row_balance_checks(ck: Checker, header: list[_Cell], body: list[list[_Cell]]) -> None:
    """A funds table's balance column (预算数 | 支出数 | 结余): each row's balance is its budget less its
    spending, as :func:`balance_checks` reads prose — the columns read by their names, as the rate
    column's are (one balance column that is this year's, one amount spent, one budget)."""
    rx = _rx()
    names = [c.text for c in header]
    left = [
        j
        for j, n in enumerate(names)
        if rx["balance"].search(n) and not rx["balance_not"].search(n) and not rx["not_summed_column"].search(n)
    ]
    if len(left) != 1:
        return
    jz = left[0]
    amounts = [j for j, n in enumerate(names) if j != jz and n and not rx["not_summed_column"].search(n)]
    spent = [j for j in amounts if rx["self_eval_spent"].search(names[j]) and not rx["not_executed"].search(names[j])]
    budgets = _budget_columns(names, amounts)
    if len(spent) != 1 or len(budgets) != 1:
        return
    js, jb = spent[0], budgets[0]
    for r in body:
        if len(r) != len(header):
            continue  # a row missing cells: which column each number is under cannot be told
        b, y, z = r[jb].q, r[js].q, r[jz].q
        if b is None or y is None or z is None or "%" in (b.unit, y.unit, z.unit) or not b.value:
            continue
        good = _sums_to([y, z], b)
        rest = b.printed - y.printed * _scale(y, b)
        ck.add(
            "balance",
            good,
            f"{names[jb]} {_printed(b)} − {names[js]} {_printed(y)} = {_like(rest, b)}, stated {names[jz]} {_printed(z)}",
            [(b.start, b.end), (y.start, y.end), (z.start, z.end)],
            key=("balance", b.value, y.value, z.value),
        )


def _without_children(parts: list[Quantity]) -> list[Quantity]:
    """A column's parts without the rows that break down the row above them (基本支出 300, then 工资福利
    支出 200 and 商品和服务支出 100): two or more rows right after a part that add up to it are its
    children, not parts of the total — added with it they count its amount twice.  (Used only when
    the parents then make the total: 100, 50, 50 of 200 are three sources, not one and its two.)"""
    out: list[Quantity] = []
    k = 0
    while k < len(parts):
        out.append(parts[k])
        step = 1
        for m in range(k + 3, len(parts) + 1):
            if _sums_to(parts[k + 1 : m], parts[k]):
                step = m - k
                break
        k += step
    return out


def self_eval_checks(ck: Checker, blocks: list[SelfEvalBlock], exact_only: bool) -> None:
    """自评表: the 其中 rows add up to the total row, per money column; 执行数 ÷ 预算数 is the 执行率."""
    fs = figure_spec()
    for blk in blocks:
        total = next((r for r in blk.rows if r.label is None or fs.total_row.match(r.label)), None)
        if total is None:
            continue
        subs = [r for r in blk.rows if r is not total]
        if exact_only and sum(c.kind == "money" for c in blk.columns) > 1:
            # a row of one value under several money columns (按收入性质分：2030.12) is placed by
            # guess: it names a figure, but adds to no column
            subs = [r for r in subs if len(r.values) > 1]
        exact = len(total.values) == len(blk.columns)
        for col, tq in total.values:
            if col.kind != "money" or tq is None:
                continue
            for g in sorted({r.group for r in subs}):
                qs = [q for r in subs if r.group == g for c, q in r.values if c is col and q is not None]
                if qs:
                    _self_eval_sum(ck, col, tq, qs, total, exact, exact_only)
        for row in [total, *subs]:
            _self_eval_rate(ck, blk, row, row is total, exact_only)


def _self_eval_rate(ck: Checker, blk: SelfEvalBlock, row: Any, is_total: bool, exact_only: bool) -> None:
    """A 自评表 row's 执行率: its 执行数 ÷ its 预算数 — the total row's, and each 其中 row that prints a rate of its
    own (其中：本年财政拨款 350 | 342.07 | 97.73%).  A 其中 row is said wrong only when its values fill every
    column (a shorter row's values are placed by guess)."""
    money = {c.name: q for c, q in row.values if c.kind == "money" and q is not None}
    rate = next(((c, q) for c, q in row.values if c.kind == "rate" and q is not None), None)
    budget, spent = _budget_and_spent(money)
    if rate is None or spent is None or budget is None or budget.printed == 0:
        return
    rc, rq = rate
    stated = rq.printed
    computed = spent.printed / budget.printed * 100
    ok = _rate_ok(computed, stated, rq.decimals)
    exact = len(row.values) == len(blk.columns) or _placed_to_the_rate(blk, row)
    if not ok and (exact_only or not is_total) and not exact:
        return
    where = "" if is_total else f" ({row.label})"
    ck.add(
        "execution_rate",
        ok,
        f"{rc.name}{where}: {_printed(spent)} ÷ {_printed(budget)} = {_pct(computed, rq.decimals)}, "
        f"stated {_printed(rq)}{'' if rq.unit == '%' else '%'}",
        [(spent.start, spent.end), (budget.start, budget.end), (rq.start, rq.end)],
        key=(spent.printed, budget.printed, stated) if is_total else (row.label, spent.printed, budget.printed, stated),
    )


def _placed_to_the_rate(blk: SelfEvalBlock, row: Any) -> bool:
    """Whether a 自评表 row's amounts and rate stand where the form's columns put them though the row leaves later
    cells blank (总额 | 238.93 | 251.89 | 251.89 | 100.00% | 10 | under 年初预算 … 预算执行率 | 权重 | 得分 | 原因): a value
    in every column up to the rate column, the form's first, and a percentage there."""
    cols = blk.columns
    at = next((k for k, c in enumerate(cols) if c.kind == "rate"), None)
    if at is None or len(row.values) <= at:
        return False
    placed = row.values[: at + 1]
    if [c for c, _q in placed] != cols[: at + 1] or any(q is None for _c, q in placed):
        return False
    return placed[at][1].unit == "%"


def _budget_and_spent(money: dict[str, Quantity]) -> tuple[Quantity | None, Quantity | None]:
    """A 自评表 row's budget and spending among its amounts (by their columns' names): spent is
    the 执行/支出/决算 one; the budget the 全年/调整 one (预算 after its adjustments), else the first
    that is not spent."""
    spent_rx, adjusted_rx = _rx()["self_eval_spent"], _rx()["self_eval_adjusted"]
    spent = next((q for n, q in money.items() if spent_rx.search(n)), None)
    budget = next((q for n, q in money.items() if adjusted_rx.search(n) and not spent_rx.search(n)), None)
    budget = budget or next((q for n, q in money.items() if not spent_rx.search(n)), None)
    return budget, spent


def _self_eval_sum(
    ck: Checker, col: Any, tq: Quantity, qs: list[Quantity], total: Any, exact: bool, exact_only: bool
) -> None:
    s = sum((q.printed for q in qs), Decimal(0))
    dec = max(q.decimals for q in qs + [tq])
    tol = Decimal(1).scaleb(-dec) / 2 * (len(qs) + 1 if _spec().get("sum_rounding") == "per_number" else 1) + EPS
    ok = abs(s - tq.printed) <= tol
    if not ok and exact_only and not exact:
        return  # values placed by guess in text: only an agreement is worth saying
    if not ok and tq.printed and s > tq.printed and abs(s / tq.printed - round(s / tq.printed)) * tq.printed <= tol * 2:
        return  # the parts of two breakdowns (按收入性质分 / 按支出性质分) read as one list
    _sum_check(ck, "table_sum", f"{col.name} ({total.label or '年度资金总额'})", qs, tq, False, dec)


def _weight_cell(values: list[tuple[Any, Quantity | None]]) -> Quantity | None:
    """A 自评表 row's weight: the number in its 分值 (权重) column."""
    return next((q for c, q in values if c.kind == "other" and _rx()["self_eval_weight"].search(c.name) and q), None)


def form_tier_checks(ck: Checker, flat: str, blocks: list[SelfEvalBlock]) -> None:
    """自评表: the level-1 weights (产出指标(50分) …) and the weight of budget execution add up to 100.

    Only a sum over 100 is a sure inconsistency when tiers are read from text (one may be
    missing from what was read); a sum of exactly 100 is said to agree."""
    for blk in blocks:
        total = next((r for r in blk.rows if r.label is None or figure_spec().total_row.match(r.label)), None)
        if total is None:
            continue
        weight = _weight_cell(total.values)
        if weight is None:
            continue
        tiers: dict[str, re.Match[str]] = {}
        for m in _rx()["form_tier"].finditer(flat, blk.start, min(len(flat), blk.start + 4000)):
            tiers.setdefault(m.group("name"), m)
        if len(tiers) < 2:
            continue
        ws = [Decimal(m.group("w")) for m in tiers.values()]
        s = sum(ws, weight.printed)
        whole = _form_total_weight(flat, max(m.end() for m in tiers.values()))
        if s < 100 or whole is None:
            continue  # (no total row after the tiers: the whole is not printed, nothing is said)
        names = " + ".join(f"{n}{_fmt(w)}" for n, w in zip(tiers, ws))
        ck.add(
            "weight_sum",
            s == Decimal(whole.group("w")),
            f"一级指标 weights: {names} + 预算执行{_fmt(weight.printed)} = {_fmt(s)}, stated {_fmt(Decimal(whole.group('w')))}",
            [(weight.start, weight.end)] + [m.span("w") for m in tiers.values()] + [whole.span("w")],
        )


def _form_total_weight(flat: str, after: int) -> re.Match[str] | None:
    """The weight of a 自评表's total row (总分 | 100 | 94), the first after ``after`` (the last
    level-1 weight) within the form's reach (``form_total_weight`` in patterns/scores.yaml)."""
    return _rx()["form_total_weight"].search(flat, after, min(len(flat), after + 4000))


def _budget_row(blocks: list[SelfEvalBlock], before: int) -> tuple[Quantity | None, Quantity | None]:
    """The weight and score of the budget-execution row (年度资金总额 | … | 分值 | 执行率 | 得分) of
    the last money block before ``before``."""
    blk = max((b for b in blocks if b.start < before), key=lambda b: b.start, default=None)
    if blk is None:
        return None, None
    total = next((r for r in blk.rows if r.label is None or figure_spec().total_row.match(r.label)), None)
    if total is None:
        return None, None
    weight = _weight_cell(total.values)
    score = next((q for c, q in total.values if c.kind == "other" and re.search("得分", c.name) and q), None)
    return weight, score


def _form_rows_complete(form: FormRows, flat: str, budget_weight: Decimal, floor: int) -> bool:
    """Whether the rows read are all the form's: their weights and the budget row's make the
    total's (100), or they make the level-1 weights the form prints (产出指标(70分) …) — a row
    the reader missed leaves the sum short, and then nothing is said."""
    weights = sum((r.weight for r in form.rows), Decimal(0))
    if weights + budget_weight == (form.total.weight if form.total else 100):
        return True
    tiers: dict[str, Decimal] = {}
    for m in _rx()["form_tier"].finditer(flat, floor, form.end):
        tiers.setdefault(m.group("name"), Decimal(m.group("w")))
    return len(tiers) >= 2 and weights == sum(tiers.values())


def form_row_checks(ck: Checker, flat: str, score: Score, score_ev: Evidence | None) -> None:
    """自评表 flattened to text: its third-level scores and the budget row's add up to the total
    (13 + 15 + 10 + 10 + 27 + 9 + 预算执行 9 = 93, stated 94), when the rows read are complete."""
    blocks = self_eval_blocks(flat)
    for form in form_rows(flat):
        bw, bs = _budget_row(blocks, form.start)
        floor = max((b.start for b in blocks if b.start < form.start), default=max(0, form.start - 2000))
        if not _form_rows_complete(form, flat, bw.printed if bw is not None else Decimal(0), floor):
            continue
        if bw is not None and bs is None:
            continue  # the budget row is weighed but its score was not read: the sum would be short
        if form.total is not None:
            total, total_span = form.total.score, (form.total.start, form.total.end)
        elif (
            score.total is not None
            and score.max == 100
            and score_ev is not None
            and score_ev.span is not None
            and form.start <= score_ev.span[0] <= form.end + 200
        ):
            total, total_span = Decimal(str(score.total)), score_ev.span
        else:
            continue
        values = [r.score for r in form.rows] + ([bs.printed] if bs is not None else [])
        spans = [(r.start, r.end) for r in form.rows] + ([(bs.start, bs.end)] if bs is not None else [])
        label = "三级指标 + 预算执行" if bs is not None else "三级指标"
        _adds_up(ck, "indicator_sum", label, values, total, spans + [total_span], "stated total")


def same_row_score_checks(ck: Checker, blocks: list[SelfEvalBlock]) -> None:
    """自评表: a 其中 row that repeats the total row's amounts and rate (its one source is the whole)
    under the same weight must get the same score — whatever the form's formula, the same numbers
    cannot score 9 in one row and 8 in the next."""
    fs = figure_spec()
    for blk in blocks:
        total = next((r for r in blk.rows if r.label is None or fs.total_row.match(r.label)), None)
        if total is None:
            continue
        t_score = _score_cell(total.values)
        inputs = _score_inputs(total.values)
        if t_score is None or inputs is None:
            continue
        for row in blk.rows:
            r_score = _score_cell(row.values)
            if row is total or r_score is None or _score_inputs(row.values) != inputs:
                continue
            ck.add(
                "budget_score",
                r_score.printed == t_score.printed,
                f"{row.label} 得分 {_fmt(r_score.printed)}, {total.label or '年度资金总额'} 得分 "
                f"{_fmt(t_score.printed)}, the same amounts and rate ({' / '.join(_fmt(v) for v in inputs)})",
                [(t_score.start, t_score.end), (r_score.start, r_score.end)],
            )


def _score_cell(values: list[tuple[Any, Quantity | None]]) -> Quantity | None:
    """A 自评表 row's score: the number in its 得分 column (not a rate)."""
    return next((q for c, q in values if c.kind == "other" and re.search("得分", c.name) and q and q.unit != "%"), None)


def _score_inputs(values: list[tuple[Any, Quantity | None]]) -> tuple[Decimal, ...] | None:
    """What a row's score is computed from: its amounts, its rate and its weight, all printed."""
    weight = _weight_cell(values)
    nums = [q.printed for c, q in values if c.kind in ("money", "rate") and q is not None]
    if weight is None or len(nums) < 2 or len(nums) < sum(1 for c, _q in values if c.kind in ("money", "rate")):
        return None
    return (*nums, weight.printed)


def _rate_cell(values: list[tuple[Any, Quantity | None]]) -> Quantity | None:
    """A 自评表 row's rate: the number in its rate column, printed with % — or bare, in percentage
    points (执行率(B/A) 99.97, beside 104 and 103.97: a form that prints the unit in its header)."""
    for c, q in values:
        if c.kind != "rate" or q is None:
            continue
        if q.unit == "%":
            return q
        if q.unit == "" and 1 < q.printed <= 100:
            return replace(q, unit="%", value=q.printed / 100)
    return None


def budget_score_checks(ck: Checker, blocks: list[SelfEvalBlock]) -> None:
    """自评表: a budget-execution score whose column states its formula (得分 (20分*执行率)) is the
    weight times the rate printed beside it, to the score's printed decimals (and the rate's)."""
    for blk in blocks:
        for col in blk.columns:
            if col.kind != "other" or not _rx()["budget_score"].search(col.name):
                continue
            wm = _rx()["budget_score_weight"].search(col.name)
            for row in blk.rows:
                vals = dict((c.name, q) for c, q in row.values)
                score = vals.get(col.name)
                rate = _rate_cell(row.values)
                weight_q = _weight_cell(row.values)
                weight = Decimal(wm.group("w")) if wm else (weight_q.printed if weight_q is not None else None)
                if score is None or rate is None or weight is None or score.unit == "%":
                    continue
                computed = weight * rate.printed / 100
                half = _printed_half(score) + Decimal("1e-9")
                ok = abs(computed - score.printed) <= half
                # (or with the rate the row's own amounts give: 执行数 ÷ 预算数, before its rounding)
                budget, spent = _budget_and_spent({c.name: q for c, q in row.values if c.kind == "money" and q})
                if not ok and budget is not None and spent is not None and budget.printed:
                    exact = weight * spent.printed / budget.printed
                    ok = abs(exact - score.printed) <= half
                ck.add(
                    "budget_score",
                    ok,
                    f"{row.label or '预算执行'} 得分: {_fmt(weight)} × {_fmt(rate.printed)}% = {_fmt(computed)}, "
                    f"stated {_fmt(score.printed)}",
                    [(rate.start, rate.end), (score.start, score.end)],
                )


def table_checks(ck: Checker, flat: str) -> None:
    ctx = ck.ctx
    doc: Document = ctx.doc
    blocks = doc.blocks
    for bi, b in enumerate(blocks):
        if b.kind != "table":
            continue
        if ctx.indicator_table_only(bi):
            continue  # checked as a score table (a 自评表's funds block above it is checked here)
        se = ctx.table_funds[bi]
        if se:
            self_eval_checks(ck, se, exact_only=False)
            continue
        caption = next(
            (
                squash(blocks[k].text)
                for k in range(bi - 1, max(-1, bi - 3), -1)
                if re.match(r"^(?:附)?表\s*\d", squash(blocks[k].text))
            ),
            "",
        )
        numbered = re.match(r"^(?:附)?表\s*[\d.-]+", caption)  # (a caption found above starts so)
        name = numbered.group(0) if numbered else ""
        grid_checks(ck, flat, _cells_of_table(flat, b), name)
    prose = _blank_tables(doc, flat)
    for _bi, rows in _pipe_rows(prose, doc):
        if len(rows) >= 3 and not any(figure_spec().indicator_grid.search(c.text) for r in rows for c in r):
            grid_checks(ck, flat, rows, "")
    se = self_eval_blocks(prose, past_notes=True) or deglossed_self_eval_blocks(prose)
    self_eval_checks(ck, se, exact_only=True)
    forms = se + [blk for bi in sorted(ctx.table_funds) for blk in ctx.table_funds[bi]]
    form_tier_checks(ck, flat, forms)
    budget_score_checks(ck, forms)
    same_row_score_checks(ck, forms)


# ---------------------------------------------------------------------------- prose


@dataclass
class _Q:
    q: Quantity
    block: int
    label: str = ""
    name: str = ""
    after: str = ""
    part: bool = False  # listed as a part of a total (其中 …)


def _prose_quantities(ctx: Any, flat: str) -> list[_Q]:
    out = []
    doc: Document = ctx.doc
    for bi, b in enumerate(doc.blocks):
        if b.kind == "table":
            continue
        for q in iter_quantities(flat, b.start, b.end):
            out.append(_Q(q, bi))
        floor = doc.blocks[bi - 1].start if bi > 0 else b.start
        for q in _bare_money(flat, b.start, b.end):
            # 投入中央直达资金29.6万，执行数29.6万，执行率100%: an amount with its magnitude and no unit, 元 when its
            # label names money, as the figures read it
            label = label_before(flat, q.start, floor, "元")
            if label is not None and figure_spec().money_label.search(label.name):
                out.append(_Q(q, bi))
    out.sort(key=lambda x: x.q.start)
    return out


def _per_unit(flat: str, q: Quantity) -> bool:
    after = flat[q.end : q.end + 3]
    before = flat[max(0, q.start - 12) : q.start]
    # (per head as figures.yaml's `per_head` reads it, the figures' not_before too) — in the amount's own clause:
    # 按生均1000元安排，共计239万元 is the money of a rate per head, not a rate itself
    own = re.split(r"[，,。；;、\d]", before)[-1]
    return bool(
        re.match(r"\s*[/／]", after) or re.search(r"每[^，。；]{0,8}$", before) or figure_spec().per_head.search(own)
    )


def _sentence_start(flat: str, pos: int, floor: int) -> int:
    i = max(flat.rfind("。", floor, pos), flat.rfind("！", floor, pos), flat.rfind("？", floor, pos))
    return i + 1 if i >= 0 else floor


def _by_block(qs: list[_Q]) -> dict[int, list[_Q]]:
    """The prose quantities of each block, by its index (in the order of the text), for the checks
    that read a total's parts on the lines after it."""
    out: dict[int, list[_Q]] = {}
    for x in qs:
        out.setdefault(x.block, []).append(x)
    return out


def prose_sum_checks(ck: Checker, flat: str, qs: list[_Q], by_block: dict[int, list[_Q]]) -> None:
    rx = _rx()
    ctx = ck.ctx
    blocks = ctx.doc.blocks
    for bi, items in by_block.items():
        b = blocks[bi]
        # Bracketed parts right after a total: 结余资金53.994万元（拨乡镇结余资金37.21万元，居保局结余资金16.784万元）.
        for x in items:
            q = x.q
            m = re.match(r"\s*[（(]", flat[q.end : q.end + 3])
            if not m or _per_unit(flat, q):
                continue
            open_at = q.end + m.end() - 1
            close = _matching(flat, open_at, b.end)
            if close is None:
                continue
            inner = [
                y for y in items if open_at < y.q.start < close and y.q.unit == q.unit and not _per_unit(flat, y.q)
            ]
            inner = [y for y in inner if bracket_depth(flat, open_at, y.q.start) == 1]
            if len(inner) < 2 or rx["partial_list"].search(flat[open_at : close + 1]) or _run_together(flat, inner):
                continue
            for y in inner:
                y.part = True
            _list_sum_check(ck, flat, q, [y.q for y in inner], b.start)
        # 其中 / 包括 lists.
        for m in rx["list_start"].finditer(flat, b.start, b.end):
            p = m.start()
            if bracket_depth(flat, _sentence_start(flat, p, b.start), p) > 0:
                continue  # a list in brackets belongs to the amount before the bracket (read above)
            at_end = not flat[m.end() : b.end].strip()
            sent = _sentence_start(flat, p, b.start)
            own_sentence = sent == p or squash(flat[sent:p]) == ""
            if own_sentence:
                # 其中 opens a sentence: the total ends the one before.
                sent = _sentence_start(flat, max(b.start, sent - 1), b.start) if sent > b.start else b.start
                if sent == p:
                    sent = blocks[bi - 1].start if bi > 0 else b.start
            cands = _list_totals(flat, qs, sent, p)
            if not cands and sent > b.start:
                # (各批次…下达情况如下： after 合计13,804万元。: the opener's sentence names no amount, the
                # sentence before states the whole — taken only when its words name a total)
                before = _sentence_start(flat, sent - 1, b.start)
                cands = [y for y in _list_totals(flat, qs, before, sent) if _names_a_total(flat, y, before)]
            if not cands:
                continue
            tot = _total_of_list(flat, cands, qs, m.end(), b.end if not at_end else _next_end(blocks, bi))
            opener = m.group(0)
            # The list: to the first ；or 。 outside brackets (or the bracket the list sits in).  A
            # 其中： that ends its block (a line read as a heading: 1.基本支出2956.36万元,其中:) opens
            # a list in the next block.
            first, list_items, limit = m.end(), items, b.end
            if at_end and bi + 1 < len(blocks) and blocks[bi + 1].kind != "table":
                numbered = _numbered_parts(flat, blocks, bi + 1, by_block, tot.q)
                if numbered is not None:
                    # 其中：/ 具体如下： then one numbered line a part (1.中央资金300万元； 2.省级资金…)
                    short = sum(y.q.value for y in numbered) < tot.q.value - sum(
                        (q.half_unit for q in [tot.q] + [y.q for y in numbered]), Decimal(0)
                    )
                    if short and not opener.startswith("其中"):
                        continue  # 包括 / 具体如下 may name some of the whole: short of it is no sum
                    if len(numbered) >= 2 and not _run_together(flat, numbered):
                        for y in numbered:
                            y.part = True
                        _list_sum_check(ck, flat, tot.q, [y.q for y in numbered], max(0, sent - 200))
                    continue
                lines = _line_parts(ctx, flat, blocks, bi + 1, by_block, tot.q)
                if lines is not None:
                    # 其中：/ 资金来源如下： then one part a line, unnumbered (中央资金300万元；/ 省级资金…)
                    _lines_sum_check(ck, flat, tot, lines, opener, sent)
                    continue
            if not at_end:
                inline = _inline_numbered_parts(flat, m.end(), b.end, items, tot.q)
                if inline is not None:
                    # 其中： 1. 610办专项30万元：… 2. 平安创建专项经费39万元：… — numbered items in one
                    # paragraph, each past its own 。: the first amount of each item
                    if _sum_said(flat, tot, inline, opener, sent):
                        for y in inline:
                            y.part = True
                        _list_sum_check(ck, flat, tot.q, [y.q for y in inline], max(0, sent - 200))
                    continue
            if at_end and bi + 1 < len(blocks) and blocks[bi + 1].kind != "table":
                first, list_items, limit = blocks[bi + 1].start, by_block.get(bi + 1, []), blocks[bi + 1].end
            end = _list_end(flat, first, limit)
            nested = next(
                (n for n in rx["list_start"].finditer(flat, first, end) if bracket_depth(flat, first, n.start()) == 0),
                None,
            )
            stop = nested.start() if nested else end
            if rx["partial_list"].search(
                _outside_brackets(flat[first:stop]) + (flat[end : end + 1] if not nested else "")
            ):
                continue
            parts = [
                y
                for y in list_items
                if first <= y.q.start < stop
                and y.q.unit == tot.q.unit
                and not _per_unit(flat, y.q)
                and bracket_depth(flat, first, y.q.start) == 0
            ]
            if len(parts) == 1 and end < limit and flat[end] in "；;":
                # 其中：中央资金300万元，用于…；省级资金200万元，用于…。 — one part a ；-clause, each
                # clause going on about its part: the first amount of each clause to the sentence's end
                parts = _semicolon_parts(flat, parts[0], end, limit, list_items, tot.q, first) or parts
                if len(parts) >= 2 and not _sum_said(flat, tot, parts, opener, sent):
                    continue
            elif _loose_opener(opener) and not _names_a_total(flat, tot, sent):
                continue  # 如下：/ 分别为： after an amount no word names a total: no sure whole
            parts, restated, spent = _own_parts(flat, tot, parts, sent)
            parts = _without_subparts(flat, parts, sent)
            if len(parts) < 2 or _run_together(flat, parts):
                continue
            if sum(1 for y in parts if rx["hierarchy_part"].search(flat[max(first, y.q.start - 6) : y.q.start])) >= 2:
                continue  # 一级指标3个，二级指标8个: levels of one system, not parts of a whole
            rounding = sum((q.half_unit for q in [tot.q] + [y.q for y in parts]), Decimal(0))
            if not m.group(0).startswith("其中") and sum(y.q.value for y in parts) < tot.q.value - rounding:
                continue  # 包括 / 含 may name some of the whole (53家，包括14家…和9家…): short of it is no sum
            if own_sentence and _fits_another(cands, tot, parts, rounding):
                continue  # 原值482.46万元，…净值320.32万元。其中：房屋134.67万元；通用设备195.56万元: of the 原值
            for y in parts:
                y.part = True
            _list_sum_check(ck, flat, tot.q, [y.q for y in parts], max(0, sent - 200))
            if restated is not None:
                restated.part = True
                qs_ = [y.q for y in parts]
                subject = _subject(flat, tot.q, sent)
                _sum_check(ck, "prose_sum", subject, qs_, restated.q, True, agreement_only=_far_off(qs_, restated.q))
            if len(spent) >= 2 and _distinct_labels(flat, spent, sent):
                # where the money went after where it came from: a second breakdown (实际使用760万元，结余
                # 40万元) — not the same label twice (至2022年底实际使用7880万元…至2023年5月实际使用12046万元:
                # one amount at two dates, not two parts)
                for y in spent:
                    y.part = True
                _list_sum_check(ck, flat, tot.q, [y.q for y in spent], max(0, sent - 200))


def _fits_another(cands: list[_Q], tot: _Q, parts: list[_Q], rounding: Decimal) -> bool:
    """Whether a 其中 that opens its own sentence lists parts over the whole taken (the last amount of the
    sentence before) but within another amount of that sentence: the sentence states several amounts
    (固定资产原值482.46万元，累计折旧162.14万元，净值320.32万元。其中：…) and which one the parts divide is
    not told — the parts exceed the last only because they are of another, so no slip is said."""
    s = sum((y.q.value for y in parts), Decimal(0))
    if s <= tot.q.value + rounding:
        return False
    return any(c is not tot and c.q.unit == tot.q.unit and c.q.value + rounding >= s for c in cands)


def _list_totals(flat: str, qs: list[_Q], start: int, p: int) -> list[_Q]:
    """The amounts between ``start`` and a list opener at ``p`` that may be the list's whole."""
    return [
        y
        for y in qs
        if start <= y.q.start < p
        and not y.part
        and not _per_unit(flat, y.q)
        and y.q.unit != "%"
        and not _bracket_closes(flat, y.q.end, p)  # (其中2个用于…) is an aside, not the total
    ]


def _names_a_total(flat: str, y: _Q, floor: int) -> bool:
    """Whether the words of an amount's clause name a total (共, 合计, 总额 …: ``named_total``)."""
    if floor > y.q.start:  # (a floor after the amount: its own sentence is meant)
        floor = _sentence_start(flat, y.q.start, max(0, y.q.start - 200))
    lab = label_before(flat, y.q.start, _clause_start(flat, y.q.start, floor), y.q.unit)
    return lab is not None and bool(_rx()["named_total"].search(squash(lab.clause)))


def _total_of_list(flat: str, cands: list[_Q], qs: list[_Q], after: int, limit: int) -> _Q:
    """The whole a list divides: the last amount before the opener of the unit its first part is in
    (共计下达资金60万元，涉及2个项目，分别为：…30万元 — the 60万元, not the count), else the last one."""
    first = next(
        (y for y in qs if after <= y.q.start < limit and y.q.unit != "%" and not _per_unit(flat, y.q)),
        None,
    )
    if first is not None:
        same = [y for y in cands if y.q.unit == first.q.unit]
        if same:
            return same[-1]
    return cands[-1]


def _next_end(blocks: list[Any], bi: int) -> int:
    return blocks[bi + 1].end if bi + 1 < len(blocks) else blocks[bi].end


def _loose_opener(opener: str) -> bool:
    """An opener that says a list follows without saying it is the whole's parts (…如下：, 分别为：)."""
    return opener.startswith(("如下", "分别为"))


def _sum_said(flat: str, tot: _Q, parts: list[_Q], opener: str, floor: int) -> bool:
    """Whether a list read past one clause (numbered items, ；-clauses, lines) is checked: it adds
    up, or it is over its whole, or short of it after 其中 (包括 and 如下 may name some); after a loose
    opener (如下：, 分别为：) only when the whole's words name a total."""
    rounding = sum((q.half_unit for q in [tot.q] + [y.q for y in parts]), Decimal(0))
    s = sum((y.q.value for y in parts), Decimal(0))
    if abs(s - tot.q.value) <= rounding:
        return True
    if s < tot.q.value and not opener.startswith("其中"):
        return False
    return not _loose_opener(opener) or _names_a_total(flat, tot, floor)


def _line_parts(
    ctx: Any, flat: str, blocks: list[Any], start: int, by_block: dict[int, list[_Q]], total: Quantity
) -> tuple[list[_Q], bool] | None:
    """The parts an opener at a block's end hands to the unnumbered lines after it (其中：/ 资金来源如下：
    then 中央资金300万元；/ 省级资金150万元；…): the first amount of the total's unit on each line, to a
    heading, a table or a line without one.  Returned with whether the list is clean — one amount a
    line, ended by such a line (not by a line naming a whole of its own: 大气污染防治类…共24047万元)."""
    parts: list[_Q] = []
    clean = True
    for k in range(start, len(blocks)):
        b = blocks[k]
        if b.kind == "table" or ctx.is_heading(k):
            break
        own = [y for y in by_block.get(k, []) if y.q.unit == total.unit and not _per_unit(flat, y.q)]
        if not own:
            break
        if _names_a_total(flat, own[0], b.start) or _rx()["partial_list"].search(flat[b.start : b.end]):
            clean = False
            break
        clean = clean and len(own) == 1
        parts.append(own[0])
    return (parts, clean) if len(parts) >= 2 else None


def _lines_sum_check(
    ck: Checker, flat: str, tot: _Q, lines: tuple[list[_Q], bool], opener: str, sent: int, parallel: bool = False
) -> None:
    """A list set one part a line: the first lines that make the whole agree with it (the lines after
    are about something else); a clean list that does not make it is a slip — with no list word
    before it (``parallel``), only a list of parallel parts (中央资金 / 省级资金)."""
    parts, clean = lines
    blocks = ck.ctx.doc.blocks
    for k in range(2, len(parts) + 1):
        if _sums_to([y.q for y in parts[:k]], tot.q):
            parts = parts[:k]
            break
    else:
        names = [_part_name(flat, y, blocks[y.block].start) for y in parts]
        if not clean or (parallel and not _parallel(names)) or not _sum_said(flat, tot, parts, opener, sent):
            return
        if not any(_spent(n) for n in [_part_name(flat, tot, sent), names[0]]) and any(map(_spent, names[1:])):
            return  # what became of the money (已拨付…；实际支出…) after where it came from: no sure parts
    for y in parts:
        y.part = True
    _list_sum_check(ck, flat, tot.q, [y.q for y in parts], max(0, sent - 200))


_INLINE_FIRST = re.compile(r"\s*(?:1\s*[.．、](?!\d)|[（(]\s*1\s*[)）]|①)")


def _item_marker(k: int, style: str) -> re.Pattern[str]:
    if style == "①":
        return re.compile(chr(0x2460 + k - 1))
    if style in "（(":
        return re.compile(rf"[（(]\s*{k}\s*[)）]")
    return re.compile(rf"(?<![\d.]){k}\s*[.．、](?!\d)")


def _inline_numbered_parts(flat: str, first: int, end: int, items: list[_Q], total: Quantity) -> list[_Q] | None:
    """The parts of a list whose items are numbered in its paragraph (其中： 1. 610办专项30万元：…。 2. 平安
    创建专项经费39万元：…): the first amount of the total's unit in each item 1, 2, 3 … in turn; None
    when the list does not open with item 1, or an item has no such amount."""
    m = _INLINE_FIRST.match(flat, first, end)
    if m is None:
        return None
    style = squash(m.group(0))[0]
    starts = [m.start() + len(m.group(0)) - len(m.group(0).lstrip())]
    k = 2
    while True:
        nxt = _item_marker(k, style).search(flat, starts[-1] + 1, end)
        if nxt is None:
            break
        starts.append(nxt.start())
        k += 1
    if len(starts) < 2:
        return None
    parts = []
    for s, e in zip(starts, starts[1:] + [end]):
        own = [y for y in items if s <= y.q.start < e and y.q.unit == total.unit and not _per_unit(flat, y.q)]
        if not own or bracket_depth(flat, s, own[0].q.start) > 0:
            return None
        parts.append(own[0])
    return parts


def _semicolon_parts(
    flat: str, head: _Q, end: int, limit: int, items: list[_Q], total: Quantity, first: int
) -> list[_Q] | None:
    """A 其中 list whose first ；-clause holds one part: that part and the first amount of the total's
    unit in each ；-clause after it, to the sentence's end — None when a clause has none, or its words
    before it name only some (…等).  A ；-clause that opens with an enumerator (2、, （2）, ②) when the
    list after 其中 (from ``first``) opens with none is the next item of a list the whole itself is an item
    of (1、群众性综合运动会654.17万元，其中补助地方30万元；2、示范性全民健身活动559.52万元): the list ends before it."""
    numbered = _rx()["numbered_line"]
    parts = [head]
    pos = end + 1
    while pos < limit:
        if _enumerated(numbered, flat, pos) and not _enumerated(numbered, flat, first):
            break
        stop = _list_end(flat, pos, limit)
        own = [
            y
            for y in items
            if pos <= y.q.start < stop
            and y.q.unit == total.unit
            and not _per_unit(flat, y.q)
            and bracket_depth(flat, pos, y.q.start) == 0
        ]
        if not own or _rx()["partial_list"].search(flat[pos : own[0].q.start]):
            return None
        parts.append(own[0])
        if stop >= limit or flat[stop] not in "；;":
            break
        pos = stop + 1
    return parts if len(parts) >= 2 else None


def _enumerated(numbered: re.Pattern[str], flat: str, pos: int) -> bool:
    """Whether the text at ``pos`` opens with an enumerator (2、, （2）, ②, 一是), not with an amount (2.5万元)."""
    m = numbered.match(flat, pos)
    return m is not None and not flat[m.end() : m.end() + 1].isdigit()


def _distinct_labels(flat: str, ys: list[_Q], floor: int) -> bool:
    """Whether the amounts' labels differ (实际使用 twice is one amount at two dates, not two parts)."""
    names = [_part_name(flat, y, floor) for y in ys]
    return len(set(names)) == len(names)


def _spent(name: str) -> bool:
    """Whether a label names money spent or paid out (实际支出, 已拨付), not money budgeted or granted
    (转移支付: a kind of grant)."""
    rx = _rx()
    name = rx["money_kind"].sub("", name)
    return bool(rx["executed"].search(name)) and not rx["budget"].search(name)


def _own_parts(flat: str, total: _Q, parts: list[_Q], floor: int) -> tuple[list[_Q], _Q | None, list[_Q]]:
    """A 其中 list's parts up to the first amount in its sentence that is no part of the whole: one
    whose clause opens with a word of totals (其中：中央资金300万元，省级资金200万元，合计500万元 — the
    parts' own total, returned second to be checked as well), or one whose label says the money was
    spent (…，实际支出480万元 / 已全部拨付80万元) when neither the total's label nor the first part's
    does (what became of the money, after where it came from: returned third, from that amount on, a
    second breakdown of the total when there are two or more — 实际使用760万元，结余40万元)."""
    total_after = _rx()["total_after"]
    money_spent = _spent(_part_name(flat, total, floor)) or (bool(parts) and _spent(_part_name(flat, parts[0], floor)))
    for k, y in enumerate(parts):
        if k >= 2 and total_after.match(_clause_before_amount(flat, y, floor)):
            return parts[:k], y, []
        if k >= 1 and not money_spent and _spent(_part_name(flat, y, floor)):
            return parts[:k], None, parts[k:]
    return parts, None, []


def _without_subparts(flat: str, parts: list[_Q], floor: int) -> list[_Q]:
    """A list's parts without those whose label names an earlier part as their whole (基本支出300万元，
    项目支出200万元，项目支出中专项资金150万元: 专项资金 is part of 项目支出, not of the total)."""
    labels = [_part_label(flat, y, floor) for y in parts]
    names = [squash(lab.name) if lab else _clause_before_amount(flat, y, floor) for lab, y in zip(labels, parts)]
    keep = []
    for k, y in enumerate(parts):
        clause = _clause_before_amount(flat, y, floor)
        if any(n and len(n) >= 2 and clause.startswith(n + "中") for n in names[:k]):
            continue
        keep.append(y)
    return keep


def _part_label(flat: str, y: _Q, floor: int) -> Label | None:
    """The label right before a listed amount, within its clause (``floor``: where the sentence starts)."""
    return label_before(flat, y.q.start, _clause_start(flat, y.q.start, floor), y.q.unit)


def _part_name(flat: str, y: _Q, floor: int) -> str:
    """The words of :func:`_part_label`, or '' when there is none."""
    lab = _part_label(flat, y, floor)
    return squash(lab.name) if lab else ""


def _clause_before_amount(flat: str, y: _Q, floor: int) -> str:
    """The words of a listed amount's clause before it."""
    return squash(flat[_clause_start(flat, y.q.start, floor) : y.q.start])


def _numbered_parts(
    flat: str, blocks: list[Any], start: int, by_block: dict[int, list[_Q]], total: Quantity
) -> list[_Q] | None:
    """The parts a list opener at a block's end (其中： / 具体如下：) hands to the numbered lines after
    it (1.… / （1）… / ①…): the first amount of the total's unit on each, or None when the next line
    is not numbered.  A line without such an amount, or a list that names only some (…等), ends it
    with None: no sure list of the whole."""
    rx = _rx()
    parts: list[_Q] = []
    for k in range(start, len(blocks)):
        b = blocks[k]
        if b.kind == "table" or not rx["numbered_line"].match(flat, b.start):
            break
        own = [y for y in by_block.get(k, []) if y.q.unit == total.unit and not _per_unit(flat, y.q)]
        if not own or rx["partial_list"].search(flat[b.start : b.end]):
            return None
        parts.append(own[0])
    return parts or None


def _run_together(flat: str, parts: list[_Q]) -> bool:
    """Amounts with nothing but spaces between them are the cells of one row of a table flattened
    to text (其中:中央、市级补助  372.29万元 372.29万元 100%: the budget and the spending of one
    source), not parts of a list, each of which its own words name."""
    return any(not flat[a.q.end : b.q.start].strip() for a, b in zip(parts, parts[1:]))


def _list_sum_check(ck: Checker, flat: str, total: Quantity, parts: list[Quantity], floor: int) -> None:
    """A list's parts against the amount it divides (其中 …, or the bracket after it).  A total no
    words name (2、7万元,其中人员经费580.72万元…: a number cut from its label, or a bare cell) is no
    sure whole of the list: only an agreement is said."""
    label = label_before(flat, total.start, floor, total.unit)
    subject = label.name if label else "total"
    weak = label is None or _far_off(parts, total) or any(_each(flat, p) for p in parts)
    if label is not None and not weak and _well_off(parts, total):
        weak = not _rx()["named_total"].search(squash(label.clause))
    if not _sums_to(parts, total):
        parts = _the_whole_s_parts(parts, total)
    _sum_check(ck, "prose_sum", subject, parts, total, True, agreement_only=weak)


def _the_whole_s_parts(parts: list[Quantity], total: Quantity) -> list[Quantity]:
    """The parts of a list that do not add up to its total which do: the first breakdown of two
    (:func:`_first_whole`), the parents of nested parts (基本支出300万元，工资福利支出180万元，商品和服务
    支出120万元，项目支出200万元…: :func:`_without_children`) — or the list as it is.  (Dropping one part
    that is exactly the excess — 中央资金300万元，省级资金200万元，专项补助120万元 of 500万元 — cost the
    holdout half two found slips for one false flag: not done.)"""
    if (head := _first_whole(parts, total)) is not None:
        return head  # the list goes on to a second breakdown of the same whole: its first adds up
    if _sums_to(own := _without_children(parts), total):
        return own
    return parts


def _each(flat: str, q: Quantity) -> bool:
    """An amount stated for each of several (朝阳社区和红塔社区试点资金各50万元; 均为, 每个): the list
    names how many only in words, so its sum is not the printed numbers' sum."""
    return bool(_rx()["each"].search(flat[max(0, q.start - 4) : q.start]))


def _sum_tolerance(parts: list[Quantity], total: Quantity) -> Decimal:
    """How far printed parts may be from their printed total by rounding (``checks.sum_rounding``)."""
    halves = [_printed_half(p) * _scale(p, total) for p in parts] + [_printed_half(total)]
    return sum(halves, Decimal(0)) if _spec().get("sum_rounding") == "per_number" else max(halves)


def _sums_to(parts: list[Quantity], total: Quantity) -> bool:
    s = sum((p.printed * _scale(p, total) for p in parts), Decimal(0))
    return abs(s - total.printed) <= _sum_tolerance(parts, total) + EPS


def _first_whole(parts: list[Quantity], total: Quantity) -> list[Quantity] | None:
    """The first two or more parts, when they make the total and the rest make it again (总投资
    1127.35万元，其中整合资金1046.32万元，收回资金81.03万元，实际使用1068.99万元，结余58.36万元: where the
    money came from, then where it went — two breakdowns of one whole, each adding up)."""
    for k in range(2, len(parts) - 1):
        if _sums_to(parts[:k], total) and _sums_to(parts[k:], total):
            return parts[:k]
    return None


def _well_off(parts: list[Quantity], total: Quantity) -> bool:
    """Parts whose sum falls short of their total by more than a tenth (``patterns/scores.yaml``
    checks.list_off_by): more than a slip, unless the total is named as one (``named_total``).
    (Parts over their total are a mistake whatever the words: a list cut short cannot exceed it.)"""
    s = sum((q.value for q in parts), Decimal(0))
    off = Decimal(str(_spec()["list_off_by"]))
    return s < total.value * (1 - off)


def _far_off(parts: list[Quantity], total: Quantity) -> bool:
    """Parts whose sum is over twice the total or under half of it (580.72万元 + 167.75万元 against
    a "7万元" cut from its digits): a misread total, or the parts of another whole, not a slip in
    the report's arithmetic — only an agreement is said."""
    s = sum((q.value for q in parts), Decimal(0))
    return not total.value or not total.value / 2 <= s <= total.value * 2


_LEVEL_PREFIX = re.compile(r"^(?:中央|省级?|市级?|州级?|县级?|区级?|乡镇|本级|地方)(?:财政)?")


def _clause_start(flat: str, pos: int, floor: int) -> int:
    return max([floor] + [flat.rfind(ch, floor, pos) + 1 for ch in "，,；;、"])


_LEVEL_WORD = re.compile(_LEVEL_PREFIX.pattern.lstrip("^"))


def _after_level(name: str) -> str | None:
    """The words after the last budget level a label names (2022年下达中央资金 → 资金), or None."""
    ends = [m.end() for m in _LEVEL_WORD.finditer(name)]
    return name[ends[-1] :] if ends else None


def _parallel(names: list[str]) -> bool:
    """Labels of parts of one whole: the same words once a budget level is taken off (中央资金 /
    省级资金; 2022年下达中央资金 / 省级资金: the first part's label carries the sentence's opening words),
    or different names with the same last two characters (鲢鱼 / 鳙鱼 / 草鱼)."""
    keys = [_LEVEL_PREFIX.sub("", squash(n)) for n in names]
    if all(k and k == keys[0] for k in keys):
        return True
    levelled = [_after_level(squash(n)) for n in names]
    if all(k and k == levelled[0] for k in levelled):
        return True
    return all(len(k) >= 2 and k[-2:] == keys[0][-2:] for k in keys) and len(set(keys)) == len(keys)


def _a_list_of_parts(flat: str, parts: list[_Q], floor: int) -> bool:
    """Whether the amounts ``parts`` read as a list of parts: each in its own clause after ``floor``
    (two amounts in one clause are not two parts), their labels parallel (:func:`_parallel`)."""
    starts = [_clause_start(flat, y.q.start, floor) for y in parts]
    if len(set(starts)) < len(starts):
        return False
    labels = [label_before(flat, y.q.start, c, y.q.unit) for y, c in zip(parts, starts)]
    return _parallel([lab.name if lab else "" for lab in labels])


def parts_then_total_checks(ck: Checker, flat: str, qs: list[_Q]) -> None:
    """Parts listed first, then their total (中央资金50万元，省级资金30万元，合计80万元): each part in
    its own clause of the total's sentence, their labels parallel, the total's clause opening with a
    word of totals (``patterns/scores.yaml`` checks.total_after).  Parts set apart by 、 or ；, each
    named, right before the total's clause (即驻京工作组经费120万元、信访接待59万元、…，共219万元;
    建厂房12.08万元；购买变压器一套18.8万元；…；共计40.83万元) are an enumeration whatever their
    labels, and a bare 共 closes it (``total_after_list``)."""
    rx = _rx()["total_after"]
    ctx = ck.ctx
    for i, t in enumerate(qs):
        if t.q.unit == "%" or t.part or _per_unit(flat, t.q):
            continue
        b = ctx.doc.blocks[t.block]
        clause = max([b.start] + [flat.rfind(ch, b.start, t.q.start) + 1 for ch in "，,；;。"])
        words = squash(flat[clause : t.q.start])
        worded = bool(rx.match(words))
        if not worded and not _rx()["total_after_list"].match(words):
            continue
        sent = _sentence_start(flat, t.q.start, b.start)
        if _counted_parts_check(ck, flat, qs[:i], t, words, sent):
            continue
        parts = [
            y
            for y in qs[:i]
            if y.block == t.block and y.q.start >= sent and y.q.unit == t.q.unit and not _per_unit(flat, y.q)
        ]
        if len(parts) < 2 or any(y.part for y in parts):
            continue
        cut = False
        if not worded or not _a_list_of_parts(flat, parts, sent):
            run = _enumeration_before(flat, parts, clause, sent) or []
            parts, cut = _filled_from_before(flat, parts, run, t.q, sent)
            if len(parts) < 2:
                continue
        for y in parts:
            y.part = True
        qs_ = [y.q for y in parts]
        # (a run cut short by an amount before it that does not complete it, well short of the total: where the list
        # starts is not known — a slip of a few units is still said)
        weak = _far_off(qs_, t.q) or any(_each(flat, q) for q in qs_) or (cut and _well_off(qs_, t.q))
        _sum_check(ck, "prose_sum", _subject(flat, t.q, clause), qs_, t.q, True, agreement_only=weak)


def _counted_parts_check(ck: Checker, flat: str, before: list[_Q], t: _Q, words: str, sent: int) -> bool:
    """A total whose words count its parts (两项合计154万元): the last so many amounts of its sentence, in
    its unit and outside brackets, add up to it.  True when the words count the parts and the sentence
    holds that many (the check is made)."""
    m = _rx()["counted_total"].search(words)
    if m is None:
        return False
    n = int(chinese_number(m.group("n")) or 0)  # (两项, 3项)
    outside = [
        y
        for y in before
        if y.block == t.block
        and y.q.start >= sent
        and y.q.unit == t.q.unit
        and not _per_unit(flat, y.q)
        and bracket_depth(flat, sent, y.q.start) == 0
    ]
    if len(outside) < n:
        return False
    parts = outside[-n:]
    for y in parts:
        y.part = True
    _sum_check(ck, "prose_sum", _subject(flat, t.q, sent), [y.q for y in parts], t.q, True)
    return True


def _enumeration_before(flat: str, parts: list[_Q], clause: int, floor: int) -> list[_Q] | None:
    """The amounts right before a total's clause that are set apart by one kind of enumeration mark
    (、 or ；), each ending its clause and named by words of its own: the run back from the last one
    (the text before the first of them may hold other amounts of the sentence).  An amount in brackets
    is a note on the part before it, not a part (在职12人（含借调3人）、退休14人，共26人)."""
    parts = _outside_brackets_of(flat, parts, floor)
    if not parts or squash(_outside_brackets(flat[parts[-1].q.end : clause])) not in ("，", ",", "；", ";", "、"):
        return None
    run = [parts[-1]]
    mark = None
    for y in reversed(parts[:-1]):
        cs = _clause_start(flat, run[0].q.start, floor)
        if cs <= floor or flat[cs - 1] not in "、；;" or squash(_outside_brackets(flat[y.q.end : cs - 1])):
            break
        kind = "；" if flat[cs - 1] in "；;" else "、"
        if mark not in (None, kind):
            break
        mark = kind
        run.insert(0, y)
    named = all(re.search(r"[\u4e00-\u9fff]", flat[_clause_start(flat, y.q.start, floor) : y.q.start]) for y in run)
    return run if len(run) >= 2 and named else None


def _outside_brackets_of(flat: str, qs: list[_Q], floor: int) -> list[_Q]:
    """The amounts not inside brackets opened after ``floor`` (a part's note: 建厂房12.08万元（含设计费1万元）)."""
    return [y for y in qs if bracket_depth(flat, floor, y.q.start) == 0]


def _filled_from_before(
    flat: str, parts: list[_Q], run: list[_Q], total: Quantity, floor: int
) -> tuple[list[_Q], bool]:
    """An enumeration run before a total, and whether it was cut short: when the run falls short of the total and
    amounts of its sentence stand before it (outside brackets), the last of them that complete it are parts of the
    list set apart by another mark (建厂房12.08万元，购买变压器18.8万元；购置电锅炉6.75万元；…；共计40.83万元) —
    the run with them, not cut; with none completing it the run is cut, and its start is not known."""
    if not run:
        return run, False
    before = [y for y in _outside_brackets_of(flat, parts, floor) if y.q.end <= run[0].q.start]
    if not before or _sums_to([y.q for y in run], total):
        return run, False
    for k in range(1, len(before) + 1):
        fuller = before[-k:] + run
        if _sums_to([y.q for y in fuller], total):
            return fuller, False
    # (项目总投资40.83万元，建厂房12.08万元；…；共计41.83万元: the amount before the run is a whole — named so, or the
    # run makes it —, so the list starts after it and the total printed is a slip)
    whole = before[-1]
    if _sums_to([y.q for y in run], whole.q) or _names_a_total(flat, whole, floor):
        return run, False
    return run, True


def total_then_parts_checks(ck: Checker, flat: str, qs: list[_Q], by_block: dict[int, list[_Q]]) -> None:
    """A total, then its parts in the next sentence with no list word (2022年共下达资金500万元。中央资金
    300万元，省级资金150万元，县级资金50万元。): the total's words name a total (``named_total``), the next
    sentence holds nothing but two or more amounts of its unit, each in its own clause, their labels
    parallel (中央资金 / 省级资金: :func:`_parallel`).  A total that ends its paragraph has its parts in
    the next one: its first sentence, or one part a line (中央资金300万元；⏎省级资金…)."""
    rx = _rx()
    ctx = ck.ctx
    blocks = ctx.doc.blocks
    for i, t in enumerate(qs):
        b = blocks[t.block]
        if t.q.unit in ("%", "分", "") or t.part or _per_unit(flat, t.q):
            continue
        stop = flat.find("。", t.q.end, b.end)
        if squash(flat[t.q.end : stop if stop >= 0 else b.end]).strip("，,；;）)"):
            continue  # the total must end its sentence
        sent = _sentence_start(flat, t.q.start, b.start)
        label = label_before(flat, t.q.start, _clause_start(flat, t.q.start, sent), t.q.unit)
        if label is None or not rx["named_total"].search(squash(label.clause)):
            continue
        if stop >= 0 and squash(flat[stop + 1 : b.end]):
            start, nxt = stop + 1, flat.find("。", stop + 1, b.end)
            rest = [y for y in qs[i + 1 :] if y.block == t.block and y.q.start < (nxt if nxt >= 0 else b.end)]
        else:  # the total ends its paragraph
            k = t.block + 1
            if k >= len(blocks) or blocks[k].kind == "table" or ctx.is_heading(k):
                continue
            start, nxt = blocks[k].start, flat.find("。", blocks[k].start, blocks[k].end)
            rest = [y for y in qs[i + 1 :] if y.block == k and y.q.start < (nxt if nxt >= 0 else blocks[k].end)]
            if len(rest) == 1 and rest[0].q.unit == t.q.unit and not _rx()["list_start"].match(flat, start):
                _line_list_after_total(ck, flat, by_block, t, k, sent)
                continue
        end = nxt if nxt >= 0 else blocks[rest[-1].block].end if rest else b.end
        if len(rest) < 2 or any(y.q.unit != t.q.unit or y.part or _per_unit(flat, y.q) for y in rest):
            continue
        if rx["list_start"].search(flat, start, end) or rx["partial_list"].search(flat[start:end]):
            continue  # a 其中 list is read by prose_sum_checks; …等 names only some
        if _run_together(flat, rest) or not _a_list_of_parts(flat, rest, start):
            continue
        for y in rest:
            y.part = True
        _list_sum_check(ck, flat, t.q, [y.q for y in rest], sent)


def _line_list_after_total(ck: Checker, flat: str, by_block: dict[int, list[_Q]], t: _Q, k: int, sent: int) -> None:
    """A named total ending its paragraph, then one part a line with no list word: read as after 其中,
    but only a clean list of parallel parts (or lines that make the total) is checked."""
    lines = _line_parts(ck.ctx, flat, ck.ctx.doc.blocks, k, by_block, t.q)
    if lines is not None and not any(y.part for y in lines[0]):
        _lines_sum_check(ck, flat, t, lines, "其中", sent, parallel=True)


def _respective_amounts(flat: str, qs: list[_Q], i: int) -> list[_Q]:
    """The amounts that follow one another from ``qs[i]`` on, joined only by 、，和 (300万元、150万元和
    60万元): the values a 分别 hands out, one to each name before it."""
    run = [qs[i]]
    for y in qs[i + 1 :]:
        if y.q.unit != run[0].q.unit or not re.fullmatch(r"\s*[、，,和及与]\s*", flat[run[-1].q.end : y.q.start]):
            break
        run.append(y)
    return run


def respective_list_checks(ck: Checker, flat: str, qs: list[_Q]) -> None:
    """Names, then 分别 and as many amounts (中央、省级、县级资金分别为300万元、150万元、60万元), with a total
    of the same unit stated in the sentence: before the names, its words naming a total (共下达资金500万元，
    中央、省级…分别下达…), or right after the amounts, opening with 合计/共计/总计 (…，合计500万元).
    Scores (分) are left to the tier checks; rates share no sum."""
    ctx = ck.ctx
    for m in _rx()["respectively"].finditer(flat):
        i = next((k for k, y in enumerate(qs) if y.q.start > m.end()), None)
        if i is None or qs[i].q.start - m.end() > 8 or qs[i].q.unit in ("%", "分", ""):
            continue
        b = ctx.doc.blocks[qs[i].block]
        if m.start() < b.start or re.search(r"[，,；;。]", flat[m.end() : qs[i].q.start]):
            continue
        run = _respective_amounts(flat, qs, i)
        names_at = max([b.start] + [flat.rfind(ch, b.start, m.start()) + 1 for ch in "，,；;。："])
        names = [n for n in re.split(r"[、和及与]", squash(flat[names_at : m.start()])) if n]
        if len(run) < 2 or len(names) != len(run) or any(_per_unit(flat, y.q) or y.part for y in run):
            continue
        total = _total_after(flat, qs, run, b.end) or _total_before(flat, qs, run[0], names_at, b.start)
        if total is None:
            continue
        for y in run:
            y.part = True
        parts = [y.q for y in run]
        weak = _far_off(parts, total.q) or any(_each(flat, q) for q in parts)
        subject = _subject(flat, total.q, _clause_start(flat, total.q.start, b.start))
        _sum_check(ck, "prose_sum", subject, parts, total.q, True, agreement_only=weak)


def _total_after(flat: str, qs: list[_Q], run: list[_Q], limit: int) -> _Q | None:
    """The amount right after a 分别 list whose clause opens with a word of totals (，合计500万元)."""
    k = qs.index(run[-1]) + 1
    if k >= len(qs) or qs[k].q.start >= limit or qs[k].q.unit != run[0].q.unit:
        return None
    between = flat[run[-1].q.end : qs[k].q.start]
    m = re.match(r"\s*[，,；;]\s*", between)
    if m is None or not _rx()["total_after"].match(squash(between[m.end() :])):
        return None
    return qs[k]


def _total_before(flat: str, qs: list[_Q], first: _Q, names_at: int, floor: int) -> _Q | None:
    """The last amount of the unit before the 分别 list's names in their sentence, when its words
    name a total (共下达资金500万元，…)."""
    sent = _sentence_start(flat, names_at, floor)
    before = [y for y in qs if sent <= y.q.start < names_at and y.q.unit == first.q.unit and not y.part]
    if not before:
        return None
    t = before[-1]
    label = label_before(flat, t.q.start, _clause_start(flat, t.q.start, sent), t.q.unit)
    if label is None or _per_unit(flat, t.q) or not _rx()["named_total"].search(squash(label.clause)):
        return None
    return t


def _subject(flat: str, q: Quantity, floor: int) -> str:
    lab = label_before(flat, q.start, max(0, floor), q.unit)
    return lab.name if lab else "total"


def _outside_brackets(text: str) -> str:
    out, d = [], 0
    for ch in text:
        if ch in "（(":
            d += 1
        elif ch in "）)":
            d = max(0, d - 1)
        elif d == 0:
            out.append(ch)
    return "".join(out)


def _matching(flat: str, open_at: int, limit: int) -> int | None:
    depth = 0
    for i in range(open_at, min(limit, open_at + 400)):
        if flat[i] in "（(":
            depth += 1
        elif flat[i] in "）)":
            depth -= 1
            if depth == 0:
                return i
    return None


def _bracket_closes(flat: str, start: int, end: int) -> bool:
    """Whether a bracket open before ``start`` closes before ``end``."""
    d = 0
    for ch in flat[start:end]:
        if ch in "（(":
            d += 1
        elif ch in "）)":
            d -= 1
            if d < 0:
                return True
    return False


def _list_end(flat: str, start: int, limit: int) -> int:
    d = 0
    for i in range(start, limit):
        ch = flat[i]
        if ch in "（(":
            d += 1
        elif ch in "）)":
            if d == 0:
                return i
            d -= 1
        elif ch in "；;。" and d == 0:
            return i
    return limit


# ---------------------------------------------------------------------------- rates and shares


def _bare(text: str) -> str:
    """A label's words for the rules: no whitespace, and no pinyin glosses of a mirror copy (執(zhí)行率 → 執行率,
    folded 执行率), which the figures' names drop too."""
    return RUBY.sub("", squash(text))


def _label_of(ctx: Any, flat: str, x: _Q) -> str:
    if not x.label:
        b = ctx.doc.blocks[x.block]
        floor = ctx.doc.blocks[x.block - 1].start if x.block > 0 else b.start
        lab = label_before(flat, x.q.start, floor, x.q.unit)
        x.label = lab.clause if lab else ""
        x.name = lab.name if lab else ""
        x.after = flat[x.q.end : x.q.end + 8]
    return x.label


def rate_checks(ck: Checker, flat: str, qs: list[_Q]) -> None:
    """执行率 / 到位率 stated beside the amounts: executed (到位) ÷ budget, to the printed decimals.

    The operands are the nearest amounts before the rate in its section whose labels say what
    they are (预算/安排/下达 …; 执行/支出/拨付/到位 …); when the labels do not tell, any two
    amounts before it whose ratio is the rate confirm it, and nothing is said otherwise."""
    rx = _rx()
    ctx = ck.ctx
    n = len(ctx.doc.blocks)
    scope_heads = [ctx.section_of_block(k) for k in range(n)]  # the innermost section's heading
    parent_heads = [ctx.parent_section_of_block(k) for k in range(n)]  # the one around it (its siblings share)
    for i, x in enumerate(qs):
        if x.q.unit != "%":
            continue
        lab = _label_of(ctx, flat, x)
        name = _bare(lab)
        m = rx["rate_name"].search(name)
        if m is None or re.search(r"得分|偏差|增长|下降", name):
            continue
        if m.group("completion") and not rx["completion_of_money"].search(name):
            # 活动完成率达到100%: an output indicator's rate, not the budget's — unless its own clause's amounts are
            # money received and money 完成 (收到奖补资金3000万元，…，实际完成2700万元，完成率达到90%)
            own = _own_clause_pair(ctx, flat, qs, i, lambda y: True, False)
            if own is None or "完成" not in _bare(own[0].label):
                continue
        arrival = bool(m.group("arrival"))
        if re.match(r"\s*[≥≤>=<]?\s*\d+(?:\.\d+)?\s*%", flat[x.q.end : x.q.end + 12]) or re.search(
            r"(?:\d\s*%|[≥≤>=<])\s*$", flat[max(0, x.q.start - 12) : x.q.start]
        ):
            continue  # a target and its actual value side by side (资金足额拨付率100%100%): an indicator row
        sec = scope_heads[x.block]
        money = [
            y
            for y in qs[:i]
            if y.q.unit == "元" and scope_heads[y.block] == sec and y.block >= x.block - 3 and not _per_unit(flat, y.q)
        ]
        after = _operands_after(ctx, flat, qs, i, arrival)
        for y in money:
            _label_of(ctx, flat, y)

        def executed(y: _Q) -> bool:
            words = _bare(y.label) + y.after
            if rx["not_executed"].search(_bare(y.label)) or re.match(r"\s*(?:未|尚未)", y.after):
                return False
            return bool((rx["arrived"] if arrival else rx["executed"]).search(words))

        def budgeted(y: _Q) -> bool:
            # (计划到位资金: the amount planned to arrive is a budget, its 到位 no spending)
            name = _bare(y.label)
            return bool(rx["budget"].search(name)) and not rx["executed"].search(rx["planned"].sub("", name))

        wide = False
        local = list(money)  # the amounts of the rate's own section
        if after is None and not any(budgeted(y) for y in money):
            # (1)项目资金投入情况。10441万元资金全部拨付到位… (2)项目资金执行情况。实际执行9265.35万元，
            # 项目执行率88.74%: the budget in an earlier section under the same heading
            extra = [
                y
                for y in qs[:i]
                if y.q.unit == "元" and parent_heads[x.block] <= y.block and y not in money and not _per_unit(flat, y.q)
            ]
            for y in extra:
                _label_of(ctx, flat, y)
            wide = bool(extra)
            money = sorted(extra + money, key=lambda y: y.q.start)
        if len(money) < 2 and after is None:
            continue
        num = next((y for y in reversed(money) if executed(y) and not y.part), None) or next(
            (y for y in reversed(money) if executed(y)), None
        )
        den = next((y for y in reversed(money) if budgeted(y) and y is not num), None)
        if den is None and num is not None and _spent(_bare(num.label)):
            den = next((y for y in reversed(money) if y is not num and _a_whole(y, num, arrival)), None)
        stated = x.q.printed
        places = x.q.decimals
        rule = "arrival_rate" if arrival else "execution_rate"

        def ratio(a: _Q, b: _Q) -> tuple[Decimal, Decimal]:
            c = a.q.value / b.q.value * 100
            slack = (_half(a.q) + c / 100 * _half(b.q)) / b.q.value * 100 if b.q.value else Decimal(0)
            return c, slack

        def emit(a: _Q, b: _Q, ok: bool, c: Decimal) -> None:
            ck.add(
                rule,
                ok,
                f"{x.name or rule}: {_printed(a.q)} ÷ {_printed(b.q)} = {_pct(c, places)}, stated {_printed(x.q)}",
                [(a.q.start, a.q.end), (b.q.start, b.q.end), (x.q.start, x.q.end)],
                key=(a.q.value, b.q.value, stated),
            )

        if (num is None or den is None) and after is not None:
            # the rate first, its amounts after it in its sentence, each named by its label
            c, slack = ratio(*after)
            emit(after[0], after[1], _rate_ok(c, stated, places, slack), c)
            continue
        own = _own_clause_pair(ctx, flat, qs, i, executed, arrival)
        if own is not None:
            # 计提工作经费20.00万元，实际支出17.05万元，资金支出率85%: the two amounts of the rate's own clause are
            # its operands; another pair of the section that happens to give the rate does not confirm it
            c, slack = ratio(*own)
            ok = _rate_ok(c, stated, places, slack)
            if not ok and num is own[0] and den is not None and den.q.value and budgeted(den):
                c2, slack2 = ratio(num, den)
                if _rate_ok(c2, stated, places, slack2):  # the same spending of a budget its label names gives it
                    emit(num, den, True, c2)
                    continue
            emit(own[0], own[1], ok, c)
            continue
        if num is not None and den is not None and den.q.value:
            c, slack = ratio(num, den)
            if _rate_ok(c, stated, places, slack):
                emit(num, den, True, c)
                continue
        found = None
        # With an amount whose label says it was spent, only it may be the numerator: two other
        # amounts that happen to make the rate (a budget of 240万元 and 240万元 arrived, against
        # 执行率100% when 228.6万元 was spent) do not confirm it.  An arrival rate keeps any pair.
        tops = [num] if num is not None and not arrival and _spent(_bare(num.label)) else list(reversed(money))
        for a in tops:
            for b in reversed(money):
                if a is b or not b.q.value:
                    continue
                c, slack = ratio(a, b)
                if _rate_ok(c, stated, places, slack):
                    found = (a, b, c)
                    break
            if found:
                break
        if found:
            emit(found[0], found[1], True, found[2])
        elif (
            num is not None
            and den is not None
            and den.q.value
            and (rx["arrived"] if arrival else rx["executed"]).search(_bare(num.label))
            and not _rate_of_a_part_between(ctx, flat, qs, den, x, arrival)
            and (
                not wide
                or (budgeted(den) and len({y.q.value for y in money if budgeted(y)}) == 1)
                or (den in local and not budgeted(den) and _a_whole(den, num, arrival))
            )
        ):
            # (operands from an earlier section: a failure only against the one budget stated there; or against
            # the whole named in the rate's own section — 项目资金共8010万元，…已完成拨付8010万元，执行率100% — whatever
            # amounts the sections before it print)
            # a failure is said only when the amount's own label says what it is (实际申请拨款金额
            # 2.1776万元，资金到位率为100%: the words after it do not make it the amount arrived)
            c, _slack = ratio(num, den)
            emit(num, den, False, c)


def _own_clause_pair(
    ctx: Any, flat: str, qs: list[_Q], i: int, executed: Callable[[_Q], bool], arrival: bool
) -> tuple[_Q, _Q] | None:
    """The spent (arrived) amount and its whole when a rate's own clause — since the last 。 or ； before it —
    prints exactly two amounts and nothing else numeric, the later one's label saying it was spent (arrived)
    and the earlier one's naming no spending, balance or part (案件审判411.95万元，年末结算支出411.95万元，
    项目资金支出进度比率为100%; 实际分配1746.00万元，已到位1746.00万元，资金到位率100%)."""
    x = qs[i]
    start = max(flat.rfind(c, 0, x.q.start) for c in "。；;") + 1
    # (and within its paragraph: a headline over the text ends with no 。 — 资金3.6亿元 资金到位率100%)
    own = [y for y in qs[:i] if y.q.start >= start and y.block == x.block]
    for y in own:
        _label_of(ctx, flat, y)
    if len(own) != 2 or any(y.q.unit != "元" or not y.q.value or _per_unit(flat, y.q) for y in own):
        return None
    den, num = own
    rx = _rx()
    # the later amount's own label says it was spent (arrived) — not the words after it, which are the rate's
    # (实际申请拨款金额2.1776万元，资金到位率为100%) — and it is no part of the earlier (经费369万元，其中幼师国培资金97.875万元)
    num_name = _bare(num.label)
    if "其中" in flat[den.q.end : num.q.start] or not executed(num):
        return None
    if not ((rx["arrived"].search(num_name) or rx["paid_over"].search(num_name)) if arrival else _spent(num_name)):
        return None
    # (a kind of money holding a word of spending names the whole: 中央转移支付…补助资金3.6亿元，省级财政实际拨付3.6亿元)
    den_name = rx["money_kind"].sub("", _bare(den.label))
    if rx["not_executed"].search(den_name) or (rx["executed"].search(den_name) and not rx["budget"].search(den_name)):
        return None
    return num, den


def balance_checks(ck: Checker, flat: str, qs: list[_Q]) -> None:
    """预算 − 支出 = 结余: a balance stated right after the amount spent, with the budget (or the money
    arrived) before them in their sentence (该项目预算资金100万元，实际支出95万元，结余5万元; a form's cells
    计划安排资金 … 实际到位资金 … 实际支出 … 结余), each named by its label.  Every whole named there (the
    budget, the money arrived) is tried; a slip is said only when none gives the balance printed, within
    the rounding of the three printed numbers (README ruling 27)."""
    rx = _rx()
    ctx = ck.ctx
    money = [x for x in qs if x.q.unit == "元" and not _per_unit(flat, x.q)]
    for k in range(2, len(money)):
        z, y = money[k], money[k - 1]
        if re.search(r"[。；;]", flat[y.q.end : z.q.start]) or z.block - y.block > 3:
            continue
        zl = _bare(_label_of(ctx, flat, z))
        if not rx["balance"].search(zl) or rx["balance_not"].search(zl) or _each(flat, z.q):
            continue
        yl = _bare(_label_of(ctx, flat, y))
        if not _spent(yl) or rx["not_executed"].search(yl) or rx["arrived"].search(yl):
            continue
        wholes = []
        for x in reversed(money[max(0, k - 6) : k - 1]):
            if re.search(r"[。；;]", flat[x.q.end : y.q.start]) or y.block - x.block > 6:
                break
            xl = _bare(_label_of(ctx, flat, x))
            if rx["not_executed"].search(xl) or x.part:
                continue
            budget = rx["budget"].search(xl) and not rx["executed"].search(xl)
            if (budget or rx["arrived"].search(xl)) and x.q.value:
                wholes.append(x)
        if not wholes:
            continue
        good = next((b for b in wholes if _sums_to([y.q, z.q], b.q)), None)
        b = good or wholes[0]
        left = b.q.printed - y.q.printed * _scale(y.q, b.q)
        ck.add(
            "balance",
            good is not None,
            f"{b.name or '预算'} {_printed(b.q)} − {y.name or '支出'} {_printed(y.q)} = {_like(left, b.q)}{b.q.mag or ''}{b.q.unit}, "
            f"stated {z.name or '结余'} {_printed(z.q)}",
            [(b.q.start, b.q.end), (y.q.start, y.q.end), (z.q.start, z.q.end)],
            key=("balance", b.q.value, y.q.value, z.q.value),
        )


# a form's money cell: its label with the unit in brackets, then its number after a bar, a colon or on the
# next line (实际支出（万元） | 2,466.6; 结余(万元)⏎22.8)
_MONEY_CELL = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{2,14})\s*[（(]\s*(?P<mag>万|亿)?元\s*[)）][\s|｜:：]{0,8}?(?P<num>\d[\d,]*(?:\.\d+)?)(?![\d.%])"
)


def form_balance_checks(ck: Checker, flat: str) -> None:
    """预算 − 支出 = 结余 in a form whose money cells name their unit in the label (计划安排资金（万元） |
    2,489.4 | 实际到位资金（万元） | 2,489.4 | 实际支出（万元） | 2,466.6 | 结余（万元） | 22.8), one cell a line,
    after bars or flattened to one line: the balance cell right after the spent one, the budget or the
    money arrived among the three cells before — as :func:`balance_checks` reads prose."""
    rx = _rx()
    cells = list(_MONEY_CELL.finditer(flat))
    for k in range(2, len(cells)):
        z, y = cells[k], cells[k - 1]
        if z.start() - y.end() > 30 or (z.group("mag") or "") != (y.group("mag") or ""):
            continue
        zl, yl = _bare(z.group("label")), _bare(y.group("label"))
        if not rx["balance"].search(zl) or rx["balance_not"].search(zl):
            continue
        if not _spent(yl) or rx["not_executed"].search(yl) or rx["arrived"].search(yl):
            continue
        wholes = []
        for x in reversed(cells[max(0, k - 4) : k - 1]):
            xl = _bare(x.group("label"))
            if y.start() - x.end() > 90 or (x.group("mag") or "") != (y.group("mag") or ""):
                break
            budget = rx["budget"].search(xl) and not rx["executed"].search(xl)
            if (budget or rx["arrived"].search(xl)) and not rx["not_executed"].search(xl):
                wholes.append(x)
        if not wholes:
            continue
        bq = [_cell_money(x) for x in wholes]
        yq, zq = _cell_money(y), _cell_money(z)
        # (the three share one magnitude: the rounding the sum checks allow, ``checks.sum_rounding``)
        good = next((i for i, q in enumerate(bq) if _sums_to([yq, zq], q)), None)
        b, b_q = (wholes[good], bq[good]) if good is not None else (wholes[0], bq[0])
        unit = (b.group("mag") or "") + "元"
        ck.add(
            "balance",
            good is not None,
            f"{b.group('label')} {b.group('num')}{unit} − {y.group('label')} {y.group('num')}{unit} = "
            f"{_fmt(b_q.printed - yq.printed)}{unit}, stated {z.group('label')} {z.group('num')}{unit}",
            [b.span("num"), y.span("num"), z.span("num")],
            key=("balance", b_q.printed, yq.printed, zq.printed),
        )


def _cell_money(m: re.Match[str]) -> Quantity:
    """A form's money cell (``_MONEY_CELL``) as the quantity the sum checks read: printed in 元 or 万元."""
    num, mag = m.group("num"), m.group("mag")
    printed = Decimal(num.replace(",", ""))
    value = printed * MAGNITUDES[mag] if mag else printed
    return Quantity(value, "元", m.start("num"), m.end("num"), num, printed, len(num.partition(".")[2]), mag)


def _operands_after(ctx: Any, flat: str, qs: list[_Q], i: int, arrival: bool) -> tuple[_Q, _Q] | None:
    """The amounts a rate is of when they follow it in its sentence (预算执行率为95%，全年预算资金200万元，
    实际支出180万元; 执行率95%（实际支出180万元/预算资金200万元）): the first whose label says it was
    spent (arrived, for an arrival rate) and the first whose label names a budget — both named, or None.
    Another rate between them and this one owns them."""
    rx = _rx()
    x = qs[i]
    b = ctx.doc.blocks[x.block]
    stop = flat.find("。", x.q.end, b.end)
    end = stop if stop >= 0 else b.end
    num = den = None
    for y in qs[i + 1 :]:
        if y.block != x.block or y.q.start >= end:
            break
        if y.q.unit == "%":
            return None
        over = re.match(r"\s*[/／][^，,。；;/]{0,12}?\d", flat[y.q.end :])  # 180万元/预算资金200万元: a quotient
        if y.q.unit != "元" or (_per_unit(flat, y.q) and not over) or not y.q.value:
            continue
        name = _bare(_label_of(ctx, flat, y))
        if rx["not_executed"].search(name):
            continue
        if num is None and (rx["arrived"].search(name) if arrival else _spent(name)):
            num = y
        elif den is None and rx["budget"].search(name) and not rx["executed"].search(name):
            den = y
    return (num, den) if num is not None and den is not None else None


def _a_whole(y: _Q, num: _Q, arrival: bool) -> bool:
    """Whether an amount's label names the whole a rate is of though no budget word is in it
    (项目资金总额, 总投资, 资金共计; 到位资金 for an execution rate whose numerator was spent, not
    arrived), and neither it nor the words after it say it was spent or left over (资金共计135,028.69万元
    已拨付至…: an amount paid out, not the whole)."""
    rx = _rx()
    name = _bare(y.label)
    after = re.split(r"[，,；;。：:（(]", y.after)[0]  # the words of its own clause
    m = rx["rate_whole"].search(name)
    if m is None or rx["not_executed"].search(name + after):
        return False
    if m.group("arrived"):
        if arrival or rx["arrived"].search(_bare(num.label)):
            return False
        name = rx["arrived"].sub("", name)
    return not rx["executed"].search(name + after)


def _rate_of_a_part_between(ctx: Any, flat: str, qs: list[_Q], den: _Q, x: _Q, arrival: bool) -> bool:
    """Whether a rate of the same kind stands between the budget and the rate ``x`` with no amount
    of its own after the budget (下达42万元,…,传承人补助已划拨,资金使用率100%;…项目资金使用334896元,
    资金使用率83.72%): the text has gone on to the parts of the budget, whose own amounts are not
    all printed, so ``x`` may be a part's rate and the budget the whole's — no sure failure."""
    rx = _rx()
    amount_seen = False
    for y in qs:
        if y.q.start <= den.q.end:
            continue
        if y.q.start >= x.q.start:
            break
        if y.q.unit == "元":
            amount_seen = True
            continue
        if y.q.unit != "%":
            continue
        m = rx["rate_name"].search(_bare(_label_of(ctx, flat, y)))
        if m is not None and bool(m.group("arrival")) == arrival and not amount_seen:
            return True
    return False


def share_checks(ck: Checker, flat: str, qs: list[_Q]) -> None:
    """Counts (or amounts) stated with their share of a whole: each count ÷ the whole is its share."""
    rx = _rx()["share"]
    pairs: list[tuple[_Q, _Q]] = []
    for i, x in enumerate(qs[:-1]):
        if x.q.unit in ("%", "") or _per_unit(flat, x.q):
            continue
        y = qs[i + 1]
        if y.q.unit != "%" or y.block != x.block:
            continue
        between = flat[x.q.end : y.q.start]
        if rx.match(between):
            pairs.append((x, y))
    # Group the pairs of one sentence and unit.
    groups: list[list[tuple[_Q, _Q]]] = []
    for pr in pairs:
        last = groups[-1][-1] if groups else None
        if last and last[0].q.unit == pr[0].q.unit and "。" not in flat[last[1].q.end : pr[0].q.start]:
            groups[-1].append(pr)
        else:
            groups.append([pr])
    for g in groups:
        unit = g[0][0].q.unit
        parts = [a.q for a, _p in g]
        s = sum((p.value for p in parts), Decimal(0))
        first = g[0][0].q.start
        sent = _sentence_start(flat, first, max(0, first - 300))
        whole = None
        for y in qs:
            if (
                sent <= y.q.start < first
                and y.q.unit == unit
                and abs(y.q.value - s) <= sum((_half(p) for p in parts), _half(y.q)) + EPS
            ):
                whole = y.q
        shares = sum((p.q.value for _a, p in g), Decimal(0))
        if (
            whole is None
            and len(g) >= 2
            and abs(shares - 1) <= Decimal("0.0001") * len(g) + Decimal("0.00005") * len(g)
        ):
            whole = None  # the shares add up to 100%: the parts are the whole
            base = s
        elif whole is not None:
            base = whole.value
        else:
            whole = _whole_one_share_fits(flat, qs, g, sent, first)
            if whole is None:
                continue
            base = whole.value
        if not base:
            continue
        for a, p in g:
            c = a.q.value / base * 100
            slack = (_half(a.q) + c / 100 * (_half(whole) if whole else Decimal(0))) / base * 100
            ok = _rate_ok(c, p.q.printed, p.q.decimals, slack)
            spans = [(a.q.start, a.q.end), (p.q.start, p.q.end)] + ([(whole.start, whole.end)] if whole else [])
            of = _printed(whole) if whole else f"{_fmt(base)} (the parts' sum)"
            ck.add(
                "share",
                ok,
                f"{_printed(a.q)} ÷ {of} = {_pct(c, p.q.decimals)}, stated {_printed(p.q)}",
                spans,
                key=(a.q.value, base, p.q.printed),
            )


def _whole_one_share_fits(flat: str, qs: list[_Q], g: list[tuple[_Q, _Q]], sent: int, first: int) -> Quantity | None:
    """The whole of shares that all name the same one, printed earlier in their sentence, when at least one
    share is exactly its part of it (部门预算总计100.46万元，其中：A 34.5万元，占部门预算数的34.34%；B 5.8万元，
    占部门预算数的5.77%; 获批专项债券资金12300万元，…实际使用7880万元，占已发行债券金额60%，…实际使用12046万元，
    占已发行债券金额97.9%): the shares do not add up to 100% and no amount is their sum, so the whole is the amount
    one share confirms — one pair alone, or shares worded differently, confirm nothing."""
    if len(g) < 2:
        return None
    named = {re.sub(r"^[\s，,]+", "", flat[a.q.end : p.q.start]) for a, p in g}
    if len(named) != 1:
        return None
    unit = g[0][0].q.unit
    top = max(a.q.value for a, _p in g)
    best: tuple[int, Quantity] | None = None
    for y in qs:
        if not (sent <= y.q.start < first) or y.q.unit != unit or y.q.value <= top or _per_unit(flat, y.q):
            continue
        fits = 0
        for a, p in g:
            c = a.q.value / y.q.value * 100
            slack = (_half(a.q) + c / 100 * _half(y.q)) / y.q.value * 100
            fits += _rate_ok(c, p.q.printed, p.q.decimals, slack)
        if fits and (best is None or fits >= best[0]):
            best = (fits, y.q)
    return best[1] if best else None


# ---------------------------------------------------------------------------- all


def run_checks(
    ctx: Any,
    indicators: list[Indicator],
    score: Score,
    score_evidence: Evidence | None,
    figures: list[Figure],
    grade_evidence: Evidence | None = None,
    max_evidence: Evidence | None = None,
) -> list[Check]:
    """Every check that the report's numbers allow (``ctx``: a :class:`~.context.Context`; its
    indicator tables, ``ctx.score_tables``, are the one parse the table and the prose-tier checks read)."""
    ck = Checker(ctx)
    flat = fold_text(ctx.doc.text)
    for bi, t in ctx.score_tables.items():
        indicator_table_checks(ck, t, score, score_evidence, bi)
    prose_tier_checks(ck, list(ctx.score_tables.values()), indicators, score, score_evidence, max_evidence)
    listed_weight_checks(ck, score)
    counted_weight_list_checks(ck)
    heading_tree_checks(ck, flat)
    prose_score_rate_checks(ck, flat)
    line_score_rate_checks(ck, flat)
    prose_score_over_weight_checks(ck, flat)
    weighted_score_checks(ck)
    grade_check(ck, score, score_evidence, grade_evidence)
    table_checks(ck, flat)
    form_row_checks(ck, flat, score, score_evidence)
    qs = _prose_quantities(ctx, flat)
    by_block = _by_block(qs)  # the same quantities, by block: built once for the checks that read lines
    prose_sum_checks(ck, flat, qs, by_block)
    parts_then_total_checks(ck, flat, qs)
    total_then_parts_checks(ck, flat, qs, by_block)
    respective_list_checks(ck, flat, qs)
    rate_checks(ck, flat, qs)
    balance_checks(ck, flat, qs)
    form_balance_checks(ck, flat)
    share_checks(ck, flat, qs)
    amount_product_checks(ck)
    count_total_checks(ck)
    return ck.out


__all__ = ["run_checks", "prose_tiers", "tiers_off_total"]
