"""The total score, its maximum, the grade and level-1 (tier) scores stated in prose.

Phrases are data (``patterns/scores.yaml``), matched in the document's matching
view.  Each finder returns :class:`~.candidates.Candidate` values; the ranking
rule of each field is written once, in :data:`RANK` and :func:`_place_bonus`:

``score.total``
    a sentence stating the total (综合得分为86.5分) — in the conclusion over the
    abstract over the body over an annex — over a form's labelled cell (评价得分 |
    86.5) over the total row of an indicator table over a rate only (得分率86.5%).
``score.grade``
    a sentence stating it (评价等级为"良") by the same places, over a form's cell
    (评价等级 | 良), over a grade word in the cell right after the total.
``score.max``
    a maximum printed next to the total (满分100分); else 100, the default of
    every 百分制 report, without evidence.

The grade is taken as stated or, when only a score is given, derived from the
thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below) and marked ``derived``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Sequence


from ... import patterns
from ..cjk import chinese_number
from ..normalize import squash, without_glosses
from .candidates import Candidate
from .context import Context, heading_key
from .forms import Pair, in_results_row, is_total_row
from .linetables import cells_span
from .model import Indicator
from .view import View

# Ranks of the sources of each field (higher wins; see the module docstring).
RANK = {"sentence": 10, "form": 8, "table_total": 6, "grade_after_total": 5, "rate_only": 3}


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    data = patterns.load("scores.yaml")
    num, fen, tier = data["number"], data["fen"], "|".join(data["tiers"])

    def comp(rx: str) -> re.Pattern[str]:
        return re.compile(rx.replace("{NUM}", f"(?:{num})").replace("{FEN}", fen).replace("{TIER}", tier))

    return {
        "total": [comp(r) for r in data["total"]],
        "not_before": [comp(r) for r in data["not_total_before"]],
        "not_after": [comp(r) for r in data.get("not_total_after", [])],
        "another_score_after": re.compile(data["another_score_after"]),
        "bare_after_rate": re.compile(data["bare_score_after_rate"]),
        "sub_max": re.compile(data["sub_max_before"]),
        "bracketed_max": re.compile(data["bracketed_max"]),
        "max": [comp(r) for r in data["max"]],
        "default_max": data["default_max"],
        "rate_only": [comp(r) for r in data["rate_only"]],
        "total_row_line": comp(data["total_row_line"]),
        "total_grade_row": comp(data["total_grade_row"]),
        "score_word": re.compile(data["score_word"]),
        "grade": [comp(r) for r in data["grade"]],
        "grade_cell": re.compile(data["grade_cell"]),
        "grade_rule": re.compile(data["grade_rule_context"]),
        "grade_band_after": re.compile(data["grade_band_after"]),
        "grade_not_after": re.compile(data["grade_not_after"]),
        "grade_bound_after": re.compile(data["grade_bound_after"]),
        "verdict": re.compile(data["verdict"]),
        "verdict_score_before": re.compile(data["verdict_score_before"]),
        "grade_of_all": re.compile(data["grade_of_all"]),
        "several_before": re.compile(data["several_before"]),
        "grade_words": data["grade_words"],
        "thresholds": sorted(data["thresholds"], key=lambda t: -t["min"]),
        "grade_scale": [re.compile(r) for r in data["grade_scale"]],
        "tier_names": re.compile(f"(?:项目)?(?:{tier})"),
        "whole_tier_names": re.compile(data["whole_tier_names"]),
        "survey_words": re.compile(data["survey_words"]),
        "tier_word_before": re.compile(data["tier_word_before"]),
        # a heading naming a tier (二、项目决策情况（20分）): a name, then what may follow one
        "tier_heading": re.compile(f"(?P<name>(?:项目)?(?:{tier}))" + data["tier_clause"]["after"]),
        # a heading of any name with a weight in brackets (its tiers found by the structure)
        "tier_heading_any": re.compile(data["tier_heading_name"] + data["tier_clause"]["after"]),
        "tier_section_closing": re.compile(data["tier_section_closing"]),
        # (pattern, bare): a bare pattern's score counts only in a list of scores or with its maximum
        "tier_score": [
            (comp(r["bare"]), True) if isinstance(r, dict) else (comp(r), False) for r in data["tier_score"]
        ],
        "tier_row": comp(data["tier_row"]),
        "tier_respectively": comp(data["tier_respectively"]),
        "tier_table_header": comp(data["tier_table_header"]),
        "tier_table_row": comp(data["tier_table_row"]),
        "tier_weight_in": comp(data["tier_section_weight"]),
        "tier_score_in": comp(data["tier_section_score"]),
        "weighted_header": re.compile(data["weighted_header"]),
        "weighted_row": re.compile(data["weighted_row"]),
        "weighted_names": re.compile(f"(?:{data['weighted_names']})$"),
        "transposed_score": re.compile(data["transposed_score_label"]),
        "transposed_weight": re.compile(data["transposed_weight_label"]),
        "transposed_total": re.compile(data["transposed_total"]),
        "clause": _clause_spec(data["tier_clause"], data["tiers"]),
        "budget_tier": re.compile(data["budget_tier"]),
        "budget_tier_glued": re.compile(data["budget_tier_glued"]),
    }


def _clause_spec(c: dict[str, Any], tiers: list[str]) -> dict[str, re.Pattern[str]]:
    """The clause reader's patterns (``tier_clause`` in patterns/scores.yaml): its names are the
    ``tiers`` but its ``not_names``, one list of tier names for both readers."""
    names = "|".join(t for t in tiers if t not in set(c["not_names"]))
    name = f"(?P<name>(?:{names}))(?!{c['name_not_followed']})"
    return {
        "mention": re.compile(c["before"] + name + c["after"]),
        "head_end": re.compile(c["head_end"]),
        "subject": re.compile(c["subject"]),
        "weight": re.compile(c["weight"]),
        "score": re.compile(c["score"]),
        "full": re.compile(c["full"]),
        "weight_after": re.compile(c["weight_after"]),
        "skip": re.compile(c["skip"]),
        "stop": re.compile(f"{c['sentence_end']}|{c['sub_item']}"),
        "sub_item": re.compile(c["sub_item"]),
        "bare_end": re.compile(c["bare_end"]),
        "list_item": re.compile(c["before"] + name + c["list_item"]),
        "list_gap": re.compile(c["list_gap"]),
        "list_total": re.compile(c["list_total"]),
        "list_scores": re.compile(c["list_scores"]),
        "list_weights": re.compile(c["list_weights"]),
    }


def number_value(raw: str) -> float | int | None:
    """``86.5`` → 86.5, ``九十七`` → 97 (Chinese numerals: :func:`..cjk.chinese_number`)."""
    try:
        v = float(raw)
    except ValueError:
        n = chinese_number(raw)
        if n is None:
            return None
        v = float(n)
    return int(v) if v.is_integer() else v


_GLUED_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


def budget_glued_run(run: str, weight: float | int) -> float | int | None:
    """The score a budget row's run-together cells give (预算数, 执行数, 执行率, 得分: 10001000100%20, 1.561.56120),
    when exactly one split of ``run`` into four numbers agrees with the columns: 执行数 ÷ 预算数 is the 执行率
    (a percentage, or a fraction up to 1.5) and the 得分 is ``weight`` × 执行率, each to half a unit of its last
    printed digit; ``None`` when no split or several scores do."""

    def half(raw: str) -> float:  # half a unit of the last printed digit (_half), a percentage's as a fraction
        return float(_half(Decimal(raw.rstrip("%")))) / (100 if raw.endswith("%") else 1)

    scores: set[float | int] = set()
    n = len(run)
    for i in range(1, n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                a, b, r, sc = run[:i], run[i:j], run[j:k], run[k:]
                rate_digits = r[:-1] if r.endswith("%") else r
                if not all(_GLUED_NUMBER.fullmatch(x) for x in (a, b, rate_digits, sc)) or "%" in a + b + sc:
                    continue
                av, bv, sv = float(a), float(b), float(sc)
                rv = float(rate_digits) / 100 if r.endswith("%") else float(rate_digits)
                if av <= 0 or rv > 1.5 or sv > weight:
                    continue
                tol_rate = half(r) + (half(a) + half(b)) / av
                if abs(bv / av - rv) > tol_rate or abs(sv - weight * rv) > half(sc) + weight * half(r):
                    continue
                value = number_value(sc)
                if value is not None:
                    scores.add(value)
    return scores.pop() if len(scores) == 1 else None


def _cell_number(cell: str) -> float | int | None:
    """The number of a table cell read as text (``15分``, ``20 %``, ``82.97``), its unit dropped."""
    return number_value(re.sub(r"[分%\s]", "", cell))


def _some_tiers_total(weight: float | int | None) -> bool:
    """Whether a table's total row weighs other than 100 (合计 | 40 | 35): the total of some tiers
    only, not the report's score."""
    return weight is not None and weight != 100


def grade_for(total: float | int) -> str:
    """The grade the thresholds give ``total`` (out of 100)."""
    for t in _spec()["thresholds"]:
        if total >= t["min"]:
            return t["grade"]
    return _spec()["thresholds"][-1]["grade"]


def thresholds() -> list[dict[str, Any]]:
    return list(_spec()["thresholds"])


def printed_scale(text: str) -> list[tuple[str, float, int, int]]:
    """The grade bounds a report prints itself (优秀(≥85分), 85分以上为优, 良：80-90分): per bound the
    grade (优/良/中), its lowest score and the ``[start, end)`` of the words in ``text``
    (``grade_scale`` in patterns/scores.yaml)."""
    out = []
    for rx in _spec()["grade_scale"]:
        for m in rx.finditer(text):
            grade, low = _grade_word(m.group("grade")), number_value(m.group("min"))
            if grade is not None and low is not None:
                out.append((grade, float(low), m.start(), m.end()))
    return sorted(out, key=lambda b: b[2])


def own_scale(text: str) -> tuple[str, float, int, int] | None:
    """The first bound a report prints that differs from the common thresholds (优秀(≥85分) where
    the common scale has 优 ≥ 90), or None when it prints none or only the common ones: a report
    graded on its own scale is not checked against the common one."""
    return uncommon_bound(printed_scale(text))


def uncommon_bound(bounds: list[tuple[str, float, int, int]]) -> tuple[str, float, int, int] | None:
    """The first of the printed ``bounds`` (:func:`printed_scale`) that differs from the common thresholds."""
    common = {t["grade"]: float(t["min"]) for t in _spec()["thresholds"]}
    return next((b for b in bounds if common.get(b[0]) != b[1]), None)


def _place_bonus(ctx: Context, offset: int) -> float:
    """Where a sentence sits: conclusion +2, abstract +1, body 0, analysis/findings −1, annex −2."""
    role, region = ctx.role_at(offset), ctx.region_at(offset)
    if region == "annex":
        return -2
    if role == "conclusion":
        return 2
    if region == "summary" or role == "summary":
        return 1
    if role in ("analysis", "findings"):
        return -1
    return 0


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(ch, 0, pos) for ch in "。；;\n\t!?！？")
    return cut + 1


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Whether ``start`` follows ``end`` closely in the same sentence of ``text``."""
    return 0 <= start - end <= 40 and not re.search(r"[。；;\n!?！？]", text[end:start])


def _several_scores_at(text: str, num_end: int) -> bool:
    """Whether the score number ending at ``num_end`` is the first of several scores listed in one
    phrase (87.29分和81.01分, 93.4分、91分): one for each of several units, none the document's
    total (``another_score_after`` in patterns/scores.yaml)."""
    return _spec()["another_score_after"].match(text, num_end) is not None


def _is_sub_score(text: str, start: int, end: int) -> bool:
    spec = _spec()
    before = text[max(_sentence_start(text, start), start - 24) : start]
    if start and spec["bracketed_max"].match(text, start - 1):
        return True  # 得分86.5分（总分100分）: the scale the score is out of
    if any(r.search(before) for r in spec["not_before"]):
        return True
    sub = spec["sub_max"].search(before)
    whole = re.match(
        r"(?:综合|最终|总体|总|合计|总计|共计|累计)", text[start:end]
    )  # 综合得分: the whole, whatever came before
    if sub and float(sub.group("max")) < spec["default_max"] and not whole:
        return True
    after = text[end : end + 12]
    return any(r.search(after) for r in spec["not_after"])


# ------------------------------------------------------------------ total and max
def _stated_max(text: str, start: int, end: int) -> float:
    """The maximum (满分120分) the sentence of the total at ``[start, end)`` states besides it, 0 when
    none: a total may exceed 100 only up to a maximum its sentence gives (本次评价满分为120分，项目最终
    得分105分); the total's own words (总分105分) are no maximum."""
    lo, hi = _sentence_start(text, start), end + 20
    for ch in "。\n":
        j = text.find(ch, end)
        if j != -1:
            hi = min(hi, j)
    found = [
        number_value(m.group("num"))
        for rx in _spec()["max"]
        for m in rx.finditer(text, lo, hi)
        if m.end() <= start or m.start() >= end
    ]
    return max((float(v) for v in found if v is not None), default=0)


def _a_tier_s_number(ctx: Context, m: re.Match[str], tiers: Sequence[TierScore]) -> bool:
    """Whether a total's number is the score of a tier statement it overlaps: a total, then 其中 and each
    tier, then the grade (综合得分为87.22分，其中：项目决策得分18分，…，项目效益得分22分，评价等次为良) — the
    phrase 22分，评价等次 reads like a score before its grade, but the 22 is the last tier's."""
    start, end = ctx.view.span(m.start("num"), m.end("num"))
    return any(t.start <= start and end <= t.end for t in tiers)


def total_candidates(
    ctx: Context, pairs: list[Pair], table_totals: list[Candidate], tiers: Sequence[TierScore] = ()
) -> list[Candidate]:
    """``score.total`` candidates; a phrase inside a tier's statement (决策指标（20分）：得分18分)
    is that tier's score, and a bare 得分 with no word saying whose score it is ranks lower."""
    spec = _spec()
    text = ctx.view.text
    out: list[Candidate] = []
    for rx in spec["total"]:
        for m in rx.finditer(text):
            if (
                _is_sub_score(text, m.start(), m.end())
                or any(re.match(r"[ \t]*[|｜][ \t]*[\d.]+|[ \t]+[\d.]+", text[e:]) for e in (m.end("num"), m.end()))
                or (m.group(0).endswith("分") and re.match(r"\d{1,3}(?:\.\d+)?分", text[m.end() :]))
            ):
                continue  # (得分 65.66 65.07 10, 总分|100|91, 总分 100分 95.5分: a row of numbers, not a total)
            if _several_scores_at(text, m.end("num")):
                continue  # 两市绩效评价得分为87.29分和81.01分: each unit's score, no single total
            value = number_value(m.group("num"))
            if value is None or not 0 < value <= max(spec["default_max"], _stated_max(text, m.start(), m.end())):
                continue
            start, end = ctx.view.span(m.start(), m.end())
            if any(t.start <= start and end <= t.end + 2 for t in tiers) or _a_tier_s_number(ctx, m, tiers):
                continue
            bare = -2 if re.match(r"得分", m.group(0)) else 0
            if bare and spec["bare_after_rate"].search(text[_sentence_start(text, m.start()) : m.start()]):
                continue  # 资金到位率100%，得分10分: the rate's indicator scored, not the report
            out.append(
                ctx.candidate(
                    "score.total",
                    value,
                    m.start(),
                    m.end(),
                    RANK["sentence"] + _place_bonus(ctx, start) + bare,
                    "sentence",
                )
            )
    in_tables = [cells_span(row) for t in ctx.line_tables for row in t.rows]
    in_tables += [ctx.view.span(*t.score_row) for t in sideways_tables(text)]  # 得分 | 18 | 17 …: no form
    in_tables += [(c.start, c.end) for c in table_totals]  # an indicator table's total row: its columns decide
    for p in pairs:
        if p.field != "score.total" or any(s <= p.label_start < e for s, e in in_tables):
            continue  # (总分 / 100 / 82.97 is a table's row: its columns say which number is the score)
        # 总分 | 100 | 91 | 优: the row's maximum, then its score
        m = re.match(r"100(?:\.0+)?\s*分?\s*[|｜]\s*(?P<num>\d{1,3}(?:\.\d+)?)\s*分?(?![\d.%％万元])", p.value)
        m = m or re.match(r"(?P<num>\d{1,3}(?:\.\d+)?)\s*分?(?![\d.%％万元])", p.value)
        if not m or re.match(r"\s*分?\s*[|｜]?\s*[\d.]+", p.value[m.end() :]):
            continue  # 得分 65.66 65.07 10: a flattened table's header before its row, not a form's value
        value = number_value(m.group("num"))
        if value is None or not 0 < value <= spec["default_max"]:
            continue
        if p.generic and p.layout != "right" and not in_results_row(ctx.doc.text, p):
            continue  # (得分 65.66, inline: a flattened indicator table's header, unless the row is the results')
        _s, end = View.of(ctx.doc.text[p.start : p.end], p.start).span(0, len(m.group(0)))
        # 总分 / 100 / 95.6, one cell a line in a table no reader took: the 100 is the row's maximum
        # and the score is the next cell
        nxt = re.match(r"[ \t]*\n[ \t]*(?P<num>\d{1,3}(?:\.\d+)?)[ \t]*分?[ \t]*(?=\n|$)", ctx.doc.text[end : end + 24])
        if value == spec["default_max"] and nxt and (after := number_value(nxt.group("num"))) is not None:
            if not 0 < after <= value:
                continue
            value, end = after, end + nxt.end()
        elif value == spec["default_max"] and end == p.end and (cell := _cell_after(ctx, p)) is not None:
            # 总分 | 100 | 96 | 自评等级 | 优, the row shorter than its header: 100 is the maximum, the
            # score the next cell
            after, end = cell
            if not 0 < after <= value:
                continue
            value = after
        out.append(
            ctx.candidate_at(
                "score.total", value, p.label_start, end, RANK["form"] - (1 if p.generic else 0), f"form:{p.layout}"
            )
        )
    out.extend(table_totals)
    for table in sideways_tables(text):  # 合计 | 100 over 得分 | … | 90: a sideways tier table's total
        if table.total is not None and 0 < table.total[0] <= spec["default_max"]:
            value, vs, ve = table.total
            out.append(ctx.candidate("score.total", value, vs, ve, RANK["table_total"], "sideways_total"))
    for row in weighted_rows(text):  # 项目绩效 100% / 82.68: a weighted-criteria table's total row
        if row.total and 0 < row.weighted <= spec["default_max"]:
            value = number_value(format(row.weighted, "f"))
            out.append(ctx.candidate("score.total", value, row.start, row.end, RANK["table_total"], "weighted_total"))
    read_rows: list[tuple[int, int]] = []  # the total rows the line tables read, by their header's columns
    for table in ctx.line_tables:  # 总分 / 100 / 82.97: the total row, one cell a line (or one row a line)
        sc, wc = table.column("score"), table.column("weight")
        for row in table.rows:
            if wc is not None and _some_tiers_total(_cell_number(row[wc].text)):
                continue
            if sc is not None and is_total_row(row[0].text):
                value = _cell_number(row[sc].text)
                if value is not None and 0 < value <= spec["default_max"]:
                    s, e = cells_span([row[0], row[sc]])
                    out.append(ctx.candidate_at("score.total", value, s, e, RANK["table_total"], "table_total_lines"))
                    read_rows.append((s, e))
    for m in spec["total_row_line"].finditer(text):  # 合计 100 90: a flattened table's total row
        vs, ve = ctx.view.span(m.start(), m.end())
        if any(vs < e and s < ve for s, e in read_rows):
            continue  # a bar row a line table read by its header (自评得分 | 评价得分: the last score column)
        value = number_value(m.group("num") or m.group("gnum"))
        mx = number_value(m.group("max") or m.group("gmax"))
        if value is not None and mx is not None and mx == spec["default_max"] and 0 < value <= mx:
            out.append(ctx.candidate("score.total", value, m.start(), m.end(), RANK["table_total"], "table_total_line"))
    for m in spec["total_grade_row"].finditer(text):  # 100.00 | 94.04 | 优: a total row without its label
        value = number_value(m.group("num"))
        if value is not None and 0 < value <= 100:
            out.append(
                ctx.candidate(
                    "score.total", value, m.start("num"), m.end("num"), RANK["table_total"], "total_grade_row"
                )
            )
    if not spec["score_word"].search(text):
        # (no 得分 anywhere: a table's or form's lone 总分 | 100 is the weights' sum of an indicator
        # system; 总分 | 100 | 96 still has its score)
        out = [c for c in out if c.rule == "sentence" or c.value != spec["default_max"]]
    if not out:
        for rx in spec["rate_only"]:
            for m in rx.finditer(text):
                if _is_sub_score(text, m.start(), m.end()):
                    continue
                start, _end = ctx.view.span(m.start(), m.end())
                if any(_same_sentence(ctx.doc.text, t.end, start) for t in tiers):
                    continue  # 决策指标得分19分，得分率95%: the tier's rate, not the report's
                value = number_value(m.group("num"))
                if value is not None and 0 < value <= 100:
                    out.append(ctx.candidate("score.total", value, m.start(), m.end(), RANK["rate_only"], "rate_only"))
    return out


def _cell_after(ctx: Context, p: Pair) -> tuple[float | int, int] | None:
    """The number in the cell right after a pair's value (总分 | 100 | 96: cells set apart by tabs,
    bars or spaces on the same line), and that cell's document end, when there is one."""
    m = re.match(r"[ \t|｜]+(?P<num>\d{1,3}(?:\.\d+)?)分?(?=[ \t|｜]|\n|$)", ctx.doc.text[p.end : p.end + 24])
    value = number_value(m.group("num")) if m else None
    return (value, p.end + m.end()) if m and value is not None else None


def max_candidates(ctx: Context, total: Candidate | None) -> list[Candidate]:
    """A maximum printed in the sentence of the chosen total (满分100分, 百分制)."""
    if total is None:
        return []
    text = ctx.view.text
    vs = ctx.view.index(total.start)
    lo = _sentence_start(text, vs)
    hi = min(len(text), vs + 80)
    for ch in "。\n":
        j = text.find(ch, vs)
        if j != -1:
            hi = min(hi, j)
    out = []
    for rx in _spec()["max"]:
        for m in rx.finditer(text, max(0, lo - 40), hi):
            raw = m.group("num")
            value = 100 if raw == "百" else number_value(raw)
            if value is not None and value >= total.value:
                out.append(ctx.candidate("score.max", value, m.start(), m.end(), RANK["sentence"], "sentence"))
    return out


# ------------------------------------------------------------------ grade
def _grade_word(word: str) -> str | None:
    return _spec()["grade_words"].get(word)


def grade_candidates(ctx: Context, pairs: list[Pair]) -> list[Candidate]:
    spec = _spec()
    text = ctx.view.text
    out: list[Candidate] = []
    # a disclosure of several programmes' results (得分分别为93.4分、91分、81.5分): a grade in its
    # sentences is one programme's, not the document's
    several = next(
        (
            m
            for m in re.finditer(r"分别(?:为|是|得)?\s*\d{1,3}(?:\.\d+)?分?\s*[、，,和及]\s*\d{1,3}(?:\.\d+)?分", text)
            if not re.search(
                r"决策|过程|产出|效益|效果|满意度|投入|管理|指标|方面|部分",
                text[_sentence_start(text, m.start()) : m.start()],
            )
        ),
        None,
    )  # not a list of tier scores
    for rx in spec["grade"] if several is None else []:
        for m in rx.finditer(text):
            lo = _sentence_start(text, m.start())
            # (the grade's own band in brackets right after it, 等级为“良”（80-89分）, says which band it is
            # in, no rule of the scale: read past it)
            band = spec["grade_band_after"].match(text, m.end("grade"))
            after = band.end() if band else m.end()
            around = text[max(lo, m.start() - 30) : m.end()] + text[after : min(len(text), after + 20)]
            if (
                spec["grade_rule"].search(around)
                or spec["grade_not_after"].match(text, m.end("grade"))
                or spec["grade_bound_after"].match(text, m.end("grade"))
            ):
                continue  # the grading rule (90分以上为优), a bound (“良”及以上) or a class of items, not the grade
            if _grade_of_several(text, lo, m):
                continue  # 共涉及2个单位，……，等级均为“优”: each evaluation's grade, no document's
            value = _grade_word(m.group("grade"))
            start = ctx.view.starts[m.start()]
            out.append(
                ctx.candidate(
                    "score.grade", value, m.start(), m.end(), RANK["sentence"] + _place_bonus(ctx, start), "sentence"
                )
            )
    if several is None:
        out.extend(_verdict_candidates(ctx))
    for m in spec["total_grade_row"].finditer(text):  # 100.00 | 94.04 | 优
        out.append(
            ctx.candidate(
                "score.grade",
                _grade_word(m.group("grade")),
                m.start("num"),
                m.end("grade"),
                RANK["grade_after_total"],
                "total_grade_row",
            )
        )
    for p in pairs:
        if p.field == "score.grade":
            m = spec["grade_cell"].match(re.sub(r"\s+", "", p.value))
            if m and not (p.generic and p.layout == "below"):
                out.append(
                    ctx.candidate_at(
                        "score.grade",
                        _grade_word(m.group("grade")),
                        p.label_start,
                        p.end,
                        RANK["form"],
                        f"form:{p.layout}",
                    )
                )
        elif p.field == "score.total" and p.layout == "right" and p.row:
            # 综合得分 | 86.12 | 良: the grade in the cell after the total
            row = list(p.row)
            try:
                j = row.index(p.value)
            except ValueError:
                continue
            rest = [c for c in row[j + 1 :] if c.strip()]
            if rest:
                m = spec["grade_cell"].match(re.sub(r"\s+", "", rest[0]))
                if m:
                    block = ctx.block_at(p.start)
                    for row_cells in block.cells():
                        for s, e, t in row_cells:
                            if s > p.end and re.sub(r"\s+", "", t) == re.sub(r"\s+", "", rest[0]):
                                out.append(
                                    ctx.candidate_at(
                                        "score.grade",
                                        _grade_word(m.group("grade")),
                                        s,
                                        e,
                                        RANK["grade_after_total"],
                                        "cell_after_total",
                                    )
                                )
                                break
                        else:
                            continue
                        break
    return out


def _verdict_candidates(ctx: Context) -> list[Candidate]:
    """Overall verdicts in a grade's word (资金项目总体绩效良好) that state the grade: the sentence
    prints the score the verdict sums up before it, or the report prints its own grade scale
    (``verdict`` in patterns/scores.yaml), or it quotes the word as a grade's term (总体评价为“优秀”); a
    verdict alone (评审情况总体良好, 总体评价为良好) is a judgement, no grade."""
    spec = _spec()
    text = ctx.view.text
    own = bool(printed_scale(text))
    out = []
    for m in spec["verdict"].finditer(text):
        lo = _sentence_start(text, m.start())
        quoted = text[m.start("grade") - 1 : m.start("grade")] in '“"‘「『'  # (总体评价为“优秀”: the grade's term)
        if not (own or quoted) and not spec["verdict_score_before"].search(text, lo, m.start()):
            continue
        if spec["grade_bound_after"].match(text, m.end("grade")):
            continue
        start = ctx.view.starts[m.start()]
        rank = RANK["sentence"] - 1 + _place_bonus(ctx, start)  # (below a grade's own label in the same place)
        out.append(ctx.candidate("score.grade", _grade_word(m.group("grade")), m.start(), m.end(), rank, "verdict"))
    return out


def _grade_of_several(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """Whether a grade phrase says the grade of several at once (均为“优”) in a sentence that names
    several evaluated units or projects before it (共涉及2个单位, 各项目): ``grade_of_all`` and
    ``several_before`` in patterns/scores.yaml.  (该项目绩效自评等次均为优 names one: a grade.)"""
    spec = _spec()
    return spec["grade_of_all"].search(m.group(0)) is not None and (
        spec["several_before"].search(text, sentence_start, m.start()) is not None
    )


# ------------------------------------------------------------------ tiers in prose
@dataclass
class TierScore:
    name: str
    weight: float | int | None
    score: float | int
    start: int  # document span of the statement
    end: int
    page: int | None
    rank: float


def _word_tail(text: str, start: int) -> bool:
    """Whether the tier name at ``start`` is the tail of a longer word (合同管理, 实施效果, 群众满意度:
    a lower indicator's name), by the character before it (``tier_word_before`` in
    patterns/scores.yaml)."""
    if text.startswith("项目", start):
        return False  # (该项目决策、过程…: 项目 opens the name, whatever stands before it)
    return _spec()["tier_word_before"].search(text, max(0, start - 1), start) is not None


def _another_subject(text: str, pos: int, name: str) -> bool:
    """Whether the clause before a score phrase at ``pos`` in a tier's section names another thing
    whose score it is (群众满意度得分9分 under 产出指标: a sub-item's): words left once the clause's
    subject words (该项目, 最终, 实际 …: ``tier_clause.subject``) are set aside, ending in a Chinese
    character, with the tier's own name nowhere in them."""
    lo = max(text.rfind(ch, 0, pos) for ch in "，,。；;：:\n（(") + 1
    clause = text[lo:pos]
    if name in clause or re.sub(r"^项目", "", name) in clause:
        return False
    rest = _spec()["clause"]["subject"].sub("", clause)
    return bool(rest) and "\u4e00" <= rest[-1] <= "\u9fff"


def names_the_whole(name: str) -> bool:
    """Whether a tier's name may name the evaluation's whole (整体绩效, 项目绩效: ``whole_tier_names``
    in patterns/scores.yaml) — stated with no weight, its score is the total's, not a level-1 one."""
    return _spec()["whole_tier_names"].search(name) is not None


def _tier_name(raw: str) -> str:
    return re.sub(r"^项目(?=..)", "", raw) if raw not in ("项目管理", "项目绩效") else raw


def complete_framework(names: Sequence[str]) -> bool:
    """Whether ``names`` are one of the common frameworks' complete sets of level-1 tiers, each
    once (决策/过程/产出/效益: ``checks.complete_tiers`` in patterns/scores.yaml; a 项目 or 部门
    before a name aside)."""
    bare = sorted(re.sub(r"^(?:项目|部门)", "", n) for n in names)
    return any(bare == sorted(full) for full in patterns.load("scores.yaml")["checks"]["complete_tiers"])


@dataclass
class WeightedRow:
    """A row of a weighted-criteria table: weight in %, score out of 100, weighted score; view positions."""

    name: str
    weight: Decimal
    score: Decimal | None  # None on the total row (its score cell is a dash)
    weighted: Decimal
    start: int
    end: int
    nums: tuple[int, int]  # where the score and weighted score are printed

    @property
    def total(self) -> bool:
        return self.score is None

    def consistent(self) -> bool:
        """weight × score = weighted score, to the weighted score's printed decimals (and the rounding
        of the weight and score)."""
        if self.score is None:
            return True
        computed = self.weight * self.score / 100
        slack = _half(self.weighted) + self.weight * _half(self.score) / 100 + self.score * _half(self.weight) / 100
        return abs(computed - self.weighted) <= slack + Decimal("1e-9")


def _half(v: Decimal) -> Decimal:
    exp = v.as_tuple().exponent
    return Decimal(5) * Decimal(10) ** (int(exp) - 1) if isinstance(exp, int) else Decimal(0)


_NUM = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d+)?")


def _cuts(nums: str) -> list[tuple[Decimal, Decimal]]:
    """The score and the weighted score in ``nums``: two cells, or one run of glued digits cut
    wherever both halves are numbers printed to the same decimals (100.0020.00 → 100.00, 20.00)."""
    parts = [p for p in re.split(r"[ \t|｜]+", nums) if p]
    if len(parts) == 2:
        pairs = [(parts[0], parts[1])]
    elif len(parts) == 1:
        t = parts[0]
        pairs = [(t[:i], t[i:]) for i in range(1, len(t))]
        pairs = [(a, b) for a, b in pairs if len(a.partition(".")[2]) == len(b.partition(".")[2])]
    else:
        return []
    return [(Decimal(a), Decimal(b)) for a, b in pairs if _NUM.fullmatch(a) and _NUM.fullmatch(b)]


def weighted_rows(text: str) -> list[WeightedRow]:
    """Rows of every weighted-criteria table in ``text`` (the matching view), its total row last."""
    spec = _spec()
    out: list[WeightedRow] = []
    for h in spec["weighted_header"].finditer(text):
        if out and h.start() < out[-1].end:
            continue
        pos = h.end()
        while (m := spec["weighted_row"].search(text, pos, min(len(text), pos + 40))) is not None:
            if re.search(r"[。；;]", text[pos : m.start()]):
                break  # the table ended before this
            name = m.group("name")
            short = spec["weighted_names"].search(name)
            if short and (m.start() > pos or short.start() > 0):
                name = short.group(0)  # a glued row: the words before its name are the row before's
            weight, nums = Decimal(m.group("w")), m.group("nums")
            nstart = m.start("nums")
            if nums[0] in "/／—-":
                value = _NUM.fullmatch(nums.lstrip("/／—- \t|｜"))
                if weight != 100 or value is None:
                    break
                out.append(
                    WeightedRow(name, weight, None, Decimal(value.group(0)), m.start(), m.end(), (nstart, m.end()))
                )
                break
            cuts = _cuts(nums)
            if not cuts or weight > 100:
                break
            rows = [WeightedRow(name, weight, s, w, m.start(), m.end(), (nstart, m.end())) for s, w in cuts]
            good = [r for r in rows if r.consistent()]
            if not good and len(rows) > 1:
                break  # no single reading of its numbers
            out.append((good or rows)[0])
            pos = m.end()
    return out


@dataclass
class SidewaysTable:
    """A tier table printed sideways: per tier its name, weight and score, with view spans of each
    column's cells (name cell to score cell); the total column's score if there is one."""

    tiers: list[tuple[str, float | int | None, float | int, int, int]]  # name, weight, score, vstart, vend
    total: tuple[float | int, int, int] | None  # score, vstart, vend
    score_row: tuple[int, int]  # view span of the score row


def _cells(line: str, at: int) -> list[tuple[str, int, int]]:
    """The cells of a view line split at bars and tabs, as (text, start, end) view positions."""
    out = []
    for m in re.finditer(r"[^\t|｜]+", line):
        text = m.group(0).strip()
        if text:
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            out.append((text, at + m.start() + lead, at + m.start() + lead + len(text)))
    return out


def sideways_tables(text: str) -> list[SidewaysTable]:
    """Tier tables printed sideways in ``text`` (the matching view)."""
    spec = _spec()
    lines = [(m.group(0), m.start()) for m in re.finditer(r"[^\n]+", text)]
    tier_cell = re.compile(
        r"(?P<name>(?:项目)?(?:" + spec["tier_names"].pattern + r"))(?:类)?(?:指标)?"
        r"(?:[（(](?P<w>\d{1,3}(?:\.\d+)?)分?[)）])?"
    )
    out: list[SidewaysTable] = []
    for li, (line, at) in enumerate(lines):
        head = _cells(line, at)
        cols = [(k, tier_cell.fullmatch(c[0])) for k, c in enumerate(head)]
        named = [(k, m) for k, m in cols if m]
        if len(named) < 2 or len(head) < 3:
            continue
        weights: dict[int, float | int | None] = {
            k: number_value(m.group("w")) if m.group("w") else None for k, m in named
        }
        total_col = next((k for k, c in enumerate(head) if spec["transposed_total"].match(c[0])), None)
        scores: dict[int, tuple[float | int, int, int]] = {}
        score_row = None
        for line2, at2 in lines[li + 1 : li + 4]:
            row = _cells(line2, at2)
            if len(row) != len(head) or not row:
                break
            label = row[0][0]
            values = {k: number_value(re.sub(r"分$", "", c[0])) for k, c in enumerate(row)}
            if spec["transposed_weight"].match(label):
                for k, _m in named:
                    weights[k] = values[k] if values[k] is not None else weights[k]
            elif spec["transposed_score"].match(label):
                scores = {k: (v, row[k][1], row[k][2]) for k, v in values.items() if v is not None}
                score_row = (row[0][1], row[-1][2])
            else:
                break
        if score_row is None or any(k not in scores for k, _m in named):
            continue
        tiers: list[tuple[str, float | int | None, float | int, int, int]] = []
        for k, m in named:
            w, (sc, _s, e) = weights.get(k), scores[k]
            if sc > 100 or (w is not None and w > 100):
                tiers = []
                break
            tiers.append((_tier_name(m.group("name")), w, sc, head[k][1], e))
        if tiers:
            total = scores.get(total_col) if total_col is not None else None
            out.append(SidewaysTable(tiers, total, score_row))
    return out


_CLAUSE_CUT = re.compile(r"[，,：:、]")


def _labelled(m: re.Match[str] | None, clause: str, cs: dict[str, re.Pattern[str]]) -> float | int | None:
    """The number of a label match, when it is a score's: 分 after it, or nothing but a boundary."""
    if m is None:
        return None
    if not m.group("unit") and not cs["bare_end"].match(clause, m.end()):
        return None
    return number_value(m.group("num"))


def clause_tiers(text: str) -> list[tuple[str, float | int | None, float | int, int, int]]:
    """Tiers read clause by clause (``tier_clause`` in patterns/scores.yaml): a level-1 name at the
    head of a clause, then its labelled weight and score in the clauses after it, before the next
    tier, the sentence's end or a sub-item.  Name, weight, score and the view span of the statement."""
    cs = _spec()["clause"]
    mentions = [m for m in cs["mention"].finditer(text) if cs["head_end"].match(text, m.end())]
    out = []
    for k, m in enumerate(mentions):
        end = mentions[k + 1].start() if k + 1 < len(mentions) else len(text)
        end = min(end, m.end() + 120)
        window = text[m.end() : end]
        nl = window.find("\n")
        if nl >= 0:
            # a heading line (the tier and nothing else) reads on into the body's first sentence
            head_only = re.fullmatch(r"[\s：:，,。]*", window[:nl]) is not None
            nxt = window.find("\n", nl + 1)
            window = window[: (nxt if nxt >= 0 else len(window))] if head_only else window[:nl]
        stop = cs["stop"].search(window)
        if stop is not None:
            window = window[: stop.start()]
        weight = number_value(m.group("w")) if m.group("w") else None
        score: float | int | None = None
        score_end = 0
        pos = 0
        clauses = []
        for piece in _CLAUSE_CUT.split(window):
            clauses.append((pos, piece))
            pos += len(piece) + 1
        for idx, (at, raw) in enumerate(clauses):
            lead = len(raw) - len(raw.lstrip())
            sub = cs["subject"].match(raw[lead:])
            clause = raw[lead + (sub.end() if sub else 0) :]
            if not clause or cs["skip"].search(clause):
                continue
            if (w := _labelled(cs["weight"].match(clause), clause, cs)) is not None:
                weight = w if weight is None else weight
                continue
            if cs["full"].match(clause):
                score, score_end = weight, at + len(raw)
                break
            if (v := _labelled(sm := cs["score"].match(clause), clause, cs)) is not None:
                assert sm is not None
                score, score_end = v, at + len(raw) - len(clause) + sm.end()
                # (or its weight right after it: 得分18分（满分20分）, 得分18分，满分20分)
                after = cs["weight_after"].match(clause, sm.end())
                next_clause = clauses[idx + 1][1].strip() if idx + 1 < len(clauses) else ""
                if weight is None and after is not None:
                    weight = number_value(after.group("num"))
                    score_end = at + len(raw) - len(clause) + after.end()
                elif weight is None:
                    weight = _labelled(cs["weight"].match(next_clause), next_clause, cs)
                break
            if re.search(r"\d", clause):
                break  # another thing's number (立项依据充分性得3分, 受益人数500人): no tier statement
        if score is None or score > 100 or (weight is not None and not score <= weight <= 100):
            continue
        out.append((_tier_name(m.group("name")), weight, score, m.start("name"), m.end() + score_end))
    return out


def _list_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of tiers listed each with a bare number (决策：18分；过程：17分；…), two or more together."""
    cs = _spec()["clause"]
    runs: list[list[re.Match[str]]] = []
    for m in cs["list_item"].finditer(text):
        if runs and cs["list_gap"].fullmatch(text, runs[-1][-1].end(), m.start("name")):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [run for run in runs if len(run) >= 2]


@dataclass
class WeightList:
    """Level-1 weights listed in a sentence that names them so (一级指标权重分别为：决策20分、过程20分、…),
    with the total stated after them (…，合计100分) if any; view positions."""

    names: list[str]
    weights: list[Decimal]
    total: Decimal | None
    start: int
    end: int


def listed_weights(text: str) -> list[WeightList]:
    """The lists of :func:`listed_tiers` that are weights — the sentence names them so (分值, 权重, 满分 …)
    and no score word — of a common framework's complete set of tiers (决策/过程/产出/效益), each once."""
    cs = _spec()["clause"]
    out: list[WeightList] = []
    for run in _list_runs(text):
        names = [_tier_name(m.group("name")) for m in run]
        head = text[max(text.rfind(ch, 0, run[0].start()) for ch in "。\n!?！？") + 1 : run[0].start()]
        if not cs["list_weights"].search(head) or cs["list_scores"].search(head) or not complete_framework(names):
            continue
        if len(set(names)) < len(names):
            continue
        total = cs["list_total"].match(text, run[-1].end())
        weights = [Decimal(m.group("num")) for m in run]
        end = total.end() if total else run[-1].end()
        out.append(
            WeightList(names, weights, Decimal(total.group("num")) if total else None, run[0].start("name"), end)
        )
    return out


def listed_tiers(text: str) -> list[tuple[str, float | int | None, float | int, int, int]]:
    """Tiers listed each with a bare number (决策：18分；过程：17分；…；总分：90分), read as scores
    only when the sentence says so (``tier_clause.list_*`` in patterns/scores.yaml)."""
    cs = _spec()["clause"]
    out: list[tuple[str, float | int | None, float | int, int, int]] = []
    for run in _list_runs(text):
        if len(run) < 2:
            continue
        names = [_tier_name(m.group("name")) for m in run]
        nums = [number_value(m.group("num")) for m in run]
        if len(set(names)) < len(names) or any(v is None or v > 100 for v in nums):
            continue
        head = text[max(text.rfind(ch, 0, run[0].start()) for ch in "。\n!?！？") + 1 : run[0].start()]
        if cs["list_weights"].search(head):
            continue
        total = cs["list_total"].match(text, run[-1].end())
        s = sum(Decimal(m.group("num")) for m in run)
        complete = complete_framework(names)
        if cs["list_scores"].search(head):
            ok = True
        elif s >= 100:
            ok = False  # (决策20分，过程20分，产出40分，效益20分: the weights, whatever follows)
        elif total is not None:
            ok = s == Decimal(total.group("num")) or complete  # (a complete set not adding up: checked)
        else:
            ok = complete
        if not ok:
            continue
        for m, name, v in zip(run, names, nums):
            assert v is not None
            out.append((name, None, v, m.start("name"), m.end()))
    return out


def tier_scores(ctx: Context) -> list[TierScore]:
    """Level-1 scores stated in sentences or in the section about each tier."""
    spec = _spec()
    text = ctx.view.text
    found: dict[str, TierScore] = {}

    def add(t: TierScore) -> None:
        old = found.get(t.name)
        if old is None or t.rank > old.rank:
            found[t.name] = t

    # 1. Sentences: "决策指标满分20分，得分18分", "其中决策18分、过程19分 …"
    for rx, bare in spec["tier_score"]:
        for m in rx.finditer(text):
            if _word_tail(text, m.start("name")):
                continue  # 合同管理得分5分, 实施效果得分8分: a lower indicator's longer name, no tier
            # a list item's own maximum in brackets (决策20分（满分20分）；过程…) is no weight phrase
            # governing the next item; a list of scores runs over semicolons (决策20分；过程18分；…)
            cut = max(text.rfind(ch, 0, m.start()) for ch in "。\n!?！？") + 1 if bare else None
            sentence = re.sub(
                r"[（(](?:满分|分值|权重)\d{1,3}(?:\.\d+)?分[)）]",
                "",
                text[_sentence_start(text, m.start()) if cut is None else cut : m.start()],
            )
            w = m.groupdict().get("weight") or m.groupdict().get("weight2")
            if (
                bare
                and not m.group("weight2")
                and (not re.search("得分|得|评分", sentence) or re.search("分值|权重|满分|设置|分配", sentence))
            ):
                continue  # a bare "决策18分" counts only in a list of scores, or with its maximum (18分（满分20分）)
            weight = number_value(w) if w else None
            score = weight if m.groupdict().get("full") else number_value(m.group("score"))
            if score is None or (weight is not None and score > weight) or score > 100:
                continue
            start, end = ctx.view.span(m.start(), m.end())
            add(
                TierScore(
                    _tier_name(m.group("name")),
                    weight,
                    score,
                    start,
                    end,
                    ctx.page(start),
                    2 + _place_bonus(ctx, start) / 10,
                )
            )
    # 1a. Tiers named together, their scores "respectively" (分别得分18分、17分 …), same count and order
    for m in spec["tier_respectively"].finditer(text):
        if _word_tail(text, m.start("names")):
            continue
        names = re.split(r"[、，,和及与]", m.group("names"))
        scores = [number_value(x) for x in re.split(r"[、，,和及与]", m.group("scores").replace("分", ""))]
        if len(names) != len(scores) or any(x is None or x > 100 for x in scores):
            continue
        start, end = ctx.view.span(m.start(), m.end())
        for name, score in zip(names, scores):
            assert score is not None
            add(
                TierScore(_tier_name(name), None, score, start, end, ctx.page(start), 2 + _place_bonus(ctx, start) / 10)
            )
    # 1b. Rows of a flattened indicator table: "决策 20 18".  (In a table's row, as in a table's, a
    #     score over its weight is the report's slip, kept for the checks to flag: score_over_weight.)
    for m in spec["tier_row"].finditer(text):
        weight, score = number_value(m.group("weight")), number_value(m.group("score"))
        if weight is None or score is None or score > 100 or weight > 100:
            continue
        if score > weight and "%" in m.group(0):
            continue  # 满意度 | 90% | 95%: a target beside its actual value, no weight and score
        start, end = ctx.view.span(m.start(), m.end())
        add(TierScore(_tier_name(m.group("name")), weight, score, start, end, ctx.page(start), 1.5))
    # 1b'. A level-1 table flattened to lines under its 一级指标 header: every row is a tier
    for h in spec["tier_table_header"].finditer(text):
        pos = h.end()
        while (m := spec["tier_table_row"].match(text, pos)) is not None:
            if is_total_row(m.group("name")) or re.fullmatch(r"(?:小计|合计|总计|总分)", m.group("name")):
                break
            weight, score = number_value(m.group("weight")), number_value(m.group("score"))
            # (this reader takes any name, so a score over its weight is taken as the line being no
            # row: the table ends there — tests/test_generalisation_classes.py)
            if weight is None or score is None or score > weight or weight > 100:
                break
            start, end = ctx.view.span(m.start("name"), m.end("score"))
            add(TierScore(m.group("name"), weight, score, start, end, ctx.page(start), 1.7))
            pos = m.end()
    # 1c. Indicator tables laid out one cell a line (评价指标 / 分值 / 实际得分 / 投入 / 15分 / …)
    for table in ctx.line_tables:
        w, sc = table.column("weight"), table.column("score")
        lower = [k for k, role in enumerate(table.roles) if role == "name" and k > 0]
        for row in table.rows:
            m = spec["tier_names"].fullmatch(re.sub(r"(?:类)?(?:指标)?$", "", row[0].text))
            if not m or sc is None:
                continue
            if any(row[k].text for k in lower):
                continue  # 产出指标 | 数量指标 | 修建道路 | 20 | 20: the numbers of the lowest level named
            score = _cell_number(row[sc].text)
            weight = _cell_number(row[w].text) if w is not None else None
            if score is None or score > 100:
                continue
            # evidence: from the name (or the first of its numbers, when they stand before it) to
            # the row's end
            s = cells_span([row[0], row[sc]] + ([row[w]] if w is not None else []))[0]
            e = cells_span(row)[1]
            add(TierScore(_tier_name(m.group(0)), weight, score, s, e, ctx.page(s), 1.8))
    # 1d. A 自评表's budget block scored as a tier of its own: 预算执行情况(万元)(20分) | 预算数 |
    #     执行数 | 执行率 | 得分, then 年度财政资金总额 | 5 | 5 | 100% | 20
    from .figures import fold_text, self_eval_blocks
    from .figures import spec as figure_spec

    # (read without a mirror's pinyin glosses, 预(yù)算执(zhí)行情况: its spans mapped back)
    flat, back = without_glosses(fold_text(ctx.doc.text))
    for blk in self_eval_blocks(flat):
        score_col = next((c for c in blk.columns if c.kind == "other" and re.search(r"得\s*分", c.name)), None)
        total = next((r for r in blk.rows if r.label is None or figure_spec().total_row.match(r.label)), None)
        if score_col is None or total is None:
            continue
        # (the caption on the columns' line, or a cell wrapped over the lines right above them:
        # 项目预算⏎执行情况⏎(10分)⏎  年初预算数(A) …)
        line_start = flat.rfind("\n", 0, blk.columns[0].start) + 1
        floor = max(0, blk.columns[0].start - 40)
        if line_start > floor and "|" not in flat[floor:line_start]:
            line_start = floor
        cap = spec["budget_tier"].search(flat, line_start, blk.columns[0].start)
        q = next((q for c, q in total.values if c is score_col and q is not None and q.unit != "%"), None)
        if cap is None or q is None:
            continue
        weight, score = number_value(cap.group("w")), number_value(str(q.printed))
        if weight is None or score is None or score > weight:
            continue
        start = back(cap.start())
        add(TierScore(squash(cap.group("name")), weight, score, start, back(q.end), ctx.page(start), 1.6))
    # 1d'. The same block with its cells run together, digits and all (…得分(20分*执行率)年度财政资金总额
    #     10001000100%20): the score of the one split of the run that agrees with the columns
    for cap in spec["budget_tier_glued"].finditer(text):
        weight = number_value(cap.group("w"))
        score = budget_glued_run(cap.group("run"), weight) if weight is not None else None
        if score is not None:
            start, end = ctx.view.span(cap.start(), cap.end("run"))
            add(TierScore(squash(cap.group("name")), weight, score, start, end, ctx.page(start), 1.6))
    # 1e. A weighted-criteria table (相关性 20% 100.00 20.00 …): the weighted score is the tier's
    for row in weighted_rows(text):
        if not row.total:
            start, end = ctx.view.span(row.start, row.end)
            weight = number_value(format(row.weight, "f"))
            score = number_value(format(row.weighted, "f"))
            assert score is not None
            add(TierScore(row.name, weight, score, start, end, ctx.page(start), 1.9))
    # 1f. A tier table printed sideways (决策 | 过程 | … over 分值 and 得分 rows)
    for table in sideways_tables(text):
        for name, weight, score, vs, ve in table.tiers:
            start, end = ctx.view.span(vs, ve)
            add(TierScore(name, weight, score, start, end, ctx.page(start), 1.8))
    # 2. Sections whose heading names a tier: the first weight and score stated in them (or, when a
    #    sub-item comes first, the section's closing 本部分得分); the tier named by the closed list of
    #    names, or by the structure (tiers_by_headings)
    blocks = ctx.doc.blocks
    structural = tiers_by_headings(ctx)
    for i, b in enumerate(blocks):
        if not ctx.is_heading(i):
            continue
        hk = heading_key(b.text if b.kind == "heading" else b.text[:40])
        m = spec["tier_heading"].fullmatch(hk) or structural.get(i)
        if not m:
            continue
        end = ctx.section_ends[i]  # the section: until the next heading of the same or an outer level
        lo = ctx.view.index(b.start)
        hi = ctx.view.index(blocks[end - 1].end) if end > i else lo
        weight = number_value(m.group("w")) if m.group("w") else None
        wm = spec["tier_weight_in"].search(text, lo, hi)
        # the section's own score: the first score phrase near its start, before its first sub-item
        # (1.项目决策（20分） then （1）立项依据充分性（3分）：得3分: the 3 is the sub-item's)
        head_end = text.find("\n", lo, hi)
        head_end = lo + len(b.text) if head_end < 0 else head_end
        sub = spec["clause"]["sub_item"].search(text, head_end, hi)
        name = _tier_name(m.group("name"))
        sm = next(
            (
                x
                for x in spec["tier_score_in"].finditer(text, lo, min(hi, lo + 300, sub.start() if sub else hi))
                if not _another_subject(text, x.start(), name)
            ),
            None,
        )
        if sm is None and sub is not None:
            sm = next(reversed(list(spec["tier_section_closing"].finditer(text, sub.start(), hi))), None)
        if sm is None:
            continue
        if weight is None and wm is not None and wm.start() < sm.start() + 40:
            weight = number_value(wm.group("weight"))
        score = number_value(sm.group("score"))
        if score is None or (weight is not None and score > weight):
            continue
        start, end_ = ctx.view.span(sm.start(), sm.end())
        add(TierScore(name, weight, score, start, end_, ctx.page(start), 1))
    # 3. Clause by clause: a tier at a clause's head, its labelled weight and score after it, in
    #    either order (only for the tiers no shape above read)
    for name, weight, score, vs, ve in clause_tiers(text) + listed_tiers(text):
        start, end_ = ctx.view.span(vs, ve)
        add(TierScore(name, weight, score, start, end_, ctx.page(start), 0.9))
    # Tiers whose weights already make up the whole 100 leave no room for another: a score named like a tier with
    # no weight of its own (满意度得分 94.47 分, a survey's result beside 决策 10, 过程 25, 产出 30, 效益 35) is none.
    weights = [t.weight for t in found.values() if t.weight is not None]
    if weights and abs(sum(weights) - 100) < 0.01:
        found = {k: t for k, t in found.items() if t.weight is not None}
    # A weightless satisfaction score in a sentence about the survey that measured it is the survey's result
    # (共发放问卷…，满意度得分94.47分): no tier's score, whatever shape read it (``survey_words``).
    found = {k: t for k, t in found.items() if not _survey_result(ctx, t)}
    return sorted(found.values(), key=lambda t: t.start)


def _survey_result(ctx: Context, t: TierScore) -> bool:
    if t.weight is not None or "满意度" not in t.name:
        return False
    text = ctx.doc.text
    return _spec()["survey_words"].search(text[_sentence_start(text, t.start) : t.end]) is not None


def tiers_by_headings(ctx: Context) -> dict[int, re.Match[str]]:
    """The analysis' numbered headings that are its level-1 tiers whatever their names (（一）项目立项
    （20分）, （二）资金管理（20分）, …): sibling headings — same level, same parent — three or more, each
    carrying a weight in brackets, the weights adding up to the whole (100); a tier's own sub-items
    (（一）项目立项（8分） under 一、投入（14分）) add up to their tier's weight instead.  Per block index,
    the heading's match (groups ``name`` and ``w``)."""
    rx = _spec()["tier_heading_any"]
    groups: dict[tuple[int, int], list[tuple[int, re.Match[str] | None]]] = {}
    for i, b in enumerate(ctx.doc.blocks):
        level, _role = ctx.headings[i]
        if level is None:
            continue
        hk = heading_key(b.text if b.kind == "heading" else b.text[:40])
        m = rx.fullmatch(hk)
        groups.setdefault((ctx.parent_section_of_block(i), level), []).append((i, m if m and m.group("w") else None))
    out: dict[int, re.Match[str]] = {}
    for members in groups.values():
        found = [(i, m) for i, m in members if m is not None]
        if len(found) < 3 or len(found) < len(members):
            continue
        weights = [number_value(m.group("w")) or 0 for _i, m in found]
        if abs(sum(weights) - _spec()["default_max"]) <= 0.011:
            out.update(found)
    return out


def tier_indicators(tiers: list[TierScore]) -> list[Indicator]:
    """Level-1 indicators for the tier scores stated in prose."""
    return [
        Indicator(level=1, name=t.name, weight=t.weight, score=t.score, page=t.page, span=(t.start, t.end))
        for t in tiers
    ]


def table_total_candidates(ctx: Context, tables: list[Any]) -> list[Candidate]:
    """The total row of each indicator table (合计 | 100 | 86.5) as a ``score.total`` candidate."""
    out = []
    for t in tables:
        if t.total is None or t.total.score is None or t.total.span is None:
            continue
        if not is_total_row(t.total.name) or not 0 < t.total.score <= 100:
            continue
        if _some_tiers_total(t.total.weight):
            continue
        s, e = t.total.span
        out.append(ctx.candidate_at("score.total", t.total.score, s, e, RANK["table_total"], "table_total"))
    return out


__all__ = [
    "RANK",
    "number_value",
    "grade_for",
    "thresholds",
    "printed_scale",
    "uncommon_bound",
    "own_scale",
    "total_candidates",
    "max_candidates",
    "grade_candidates",
    "tier_scores",
    "tier_indicators",
    "names_the_whole",
    "clause_tiers",
    "listed_tiers",
    "complete_framework",
    "table_total_candidates",
    "TierScore",
    "WeightedRow",
    "weighted_rows",
    "SidewaysTable",
    "sideways_tables",
]
