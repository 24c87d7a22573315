"""The report's own arithmetic: which stated sums and rates do the record's checks cover? (issue 8)

    python bench/arithmetic.py --half dev                 # relations found, covered, mutants flagged
    python bench/arithmetic.py --half holdout --show      # and the uncovered relations, by shape
    python bench/arithmetic.py --half shared --no-mutants # the shared reports' .txt, coverage only

The devset measures the ``checks`` field only by the inconsistencies its items state, so a check that never
runs is invisible there unless the report happens to be wrong.  This bench measures coverage instead.  For
each text of the chosen half (``tests/devset/texts``; ``shared`` = the shared reports' ``.txt`` in
``tests/corpus``) it finds, **without the extractor's figures or checks** (only the parsed document's text
and table rows), the arithmetic the text itself states:

* ``rate`` — a printed percent c whose words name a rate (…率, 占, 比重, 比例 within a few characters before
  it, or a table header cell naming a rate above it) and two numbers a, b printed before it in the same
  sentence or row (a line with words, or the lines of bare numbers under a label line) (the nearest four since the last percent; for 100%, the two right before it), with a ÷ b × 100 equal to c at c's printed precision (rounded or cut);
* ``sum_after`` — a total named by its words (合计, 总计, 共计, 共, 总额, 累计, 总分 …) followed by 其中 and
  parts in the same sentence that add up to it at the coarsest printed precision;
* ``sum_before`` — parts in a sentence followed by a total named by its words (…，合计X);
* ``column`` — a table row (a table block's row, or a line of numbers) named 合计/总计/小计/总分 whose
  numbers are the column sums of the rows above it (one number a column, counted from the right).

Brute force over the numbers of a span, kept only where words say so (a rate word, a total word, a total
row), so that chance equalities stay rare; numbers of the same kind only (money with money in 元, percent
never a part, counts with their own unit).

Then, per relation: **covered** — some check of the record has a span holding every number of the relation
and a detail naming every number of it; **flagged** — the stated result is changed in the file by the smallest
step of ten beyond what the printed precision excuses (its last digit, ``1904万元`` → ``1905万元``, unless the
operands are coarser: ``630.2 + 429.36 + 18 = 1077.56`` → ``1078.56``) and the record of the changed file holds
a *failed* check, not failed before, whose detail names the changed number.  ``--show`` lists the uncovered relations grouped by shape (rule and the words before
the result), with the item and the numbers.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from devset_compare import items as devset_items  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
SHARED = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]

# A printed number with its unit.  Digits may be grouped with commas; the unit decides the kind.
NUMBER = re.compile(
    r"(?<![\d.,，A-Za-z〔\[【第-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(%|％|亿元|万元|億元|萬元|元|亿|万|億|萬|分|人次|人|户|个|项|家|所|名|次|件|套|台|辆|座|处|公里|千米|米|平方米|亩|吨)?"
)
NOT_A_QUANTITY = re.compile(r"^\s?(?:年|月|日|号|期|届|批|季度|号文|〔|\))")
MONEY = {
    **{u: Decimal(10**8) for u in ("亿元", "亿", "億元", "億")},
    **{u: Decimal(10**4) for u in ("万元", "万", "萬元", "萬")},
    "元": Decimal(1),
}
RATE_WORD = re.compile(r"率|占|比重|比例")
TOTAL_WORD = re.compile(r"(?:合计|总计|共计|小计|总额|累计|总分|总得分|共)[为是:：达]?\s?$")
TOTAL_ROW = re.compile(r"合计|总计|小计|总分|总得分|^\s*总\s*[计分]")
SENTENCE_END = re.compile(r"[。；;！？!?]|\n\s*\n")


@dataclass(frozen=True)
class Num:
    start: int
    end: int  # of the digits
    raw: str  # digits as printed (commas dropped)
    value: Decimal  # in the kind's base unit
    unit: str
    kind: str  # money | percent | score | count:<unit> | bare
    places: int

    @property
    def half(self) -> Decimal:
        """Half a unit of the last printed digit, in the base unit."""
        scale = MONEY.get(self.unit, Decimal(1))
        return Decimal(5) * Decimal(10) ** (-self.places - 1) * scale


@dataclass
class Relation:
    rule: str
    result: Num
    operands: list[Num]
    words: str  # the words before the result, for grouping
    where: str = ""

    @property
    def numbers(self) -> list[Num]:
        return [*self.operands, self.result]


def numbers(text: str, start: int = 0, end: int | None = None) -> list[Num]:
    out = []
    for m in NUMBER.finditer(text, start, len(text) if end is None else end):
        digits, unit = m.group(1).replace(",", ""), m.group(2) or ""
        after = text[m.end(1) : m.end(1) + 4]
        if not unit and NOT_A_QUANTITY.match(after):
            continue
        if not unit and re.match(r"(?:19|20)\d\d$", digits):
            continue  # a year
        if not unit and re.match(r"\s?[、.．)）]\D", after) and len(digits) <= 2:
            continue  # a list marker
        if not unit and (
            re.match(r"[:：]\d\d(?!\d)", after) or re.search(r"\d[:：]$", text[max(0, m.start(1) - 3) : m.start(1)])
        ):
            continue  # a time of day (发布时间:2022-05-10 19:35): no two quantities
        try:
            v = Decimal(digits)
        except InvalidOperation:
            continue
        places = len(digits.split(".")[1]) if "." in digits else 0
        if unit in ("%", "％"):
            kind = "percent"
        elif unit in MONEY:
            kind, v = "money", v * MONEY[unit]
        elif unit == "分":
            kind = "score"
        elif unit:
            kind = "count:" + ("人" if unit in ("人", "名") else unit)
        else:
            kind = "bare"
        out.append(Num(m.start(1), m.end(1), digits, v, unit, kind, places))
    return out


def _same_kind(a: Num, b: Num) -> bool:
    return a.kind == b.kind or "bare" in (a.kind, b.kind) and "percent" not in (a.kind, b.kind)


def _value(n: Num, like: Num) -> Decimal:
    """n's value in like's unit when one of them is a bare number (a table cell)."""
    if n.kind == "bare" and like.kind == "money":
        return n.value * MONEY.get(like.unit, Decimal(1))
    return n.value


def _rate_equals(a: Num, b: Num, c: Num) -> bool:
    bv = _value(b, a) if a.kind != "bare" else b.value
    av = a.value if a.kind != "bare" else _value(a, b)
    if bv <= 0 or av <= 0:
        return False
    computed = av / bv * 100
    unit = Decimal(10) ** (-c.places)
    lo, hi = c.value - unit / 2, c.value + unit  # rounded, or cut
    if c.value == 100 and a.raw != b.raw and av != bv:
        return False
    return lo - Decimal("1e-9") <= computed < hi


def _sum_equals(parts: list[Num], total: Num) -> bool:
    s = sum((_value(p, total) for p in parts), Decimal(0))
    tol = max([total.half, *(p.half for p in parts)])
    return abs(s - total.value) <= tol + Decimal("1e-9") and all(p.value > 0 for p in parts)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    m = SENTENCE_END.search(text, pos)
    return max(start, pos - 400), (m.start() if m else len(text))


LABEL = re.compile(r"[\u4e00-\u9fff]{2}")


def _row_start(text: str, pos: int) -> int:
    """Where the row of a number starts: its own line when the line has words (a table row, a sentence);
    for a line of numbers only (a cell a line), back over the lines of numbers to the row's label line."""
    start = text.rfind("\n", 0, pos) + 1
    if LABEL.search(text[start:pos]):
        return start
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        line = text[prev : start - 1]
        start = prev
        if LABEL.search(line):
            break
    return start


def rate_relations(text: str, header_rate: set[int]) -> list[Relation]:
    """header_rate: offsets of percents that sit under a table header cell naming a rate."""
    out = []
    for c in numbers(text):
        if c.kind != "percent" or c.value <= 0:
            continue
        before = text[max(0, c.start - 14) : c.start]
        if not (RATE_WORD.search(before) or c.start in header_rate):
            continue
        s, _ = _sentence(text, c.start)
        s = max(s, _row_start(text, c.start))
        inside = numbers(text, s, c.start)
        last_pct = max((i for i, n in enumerate(inside) if n.kind == "percent"), default=-1)
        cands = inside[last_pct + 1 :][-4:]  # the numbers since the last percent, nearest four
        found = None
        for j in range(len(cands) - 1, -1, -1):  # nearest pair first
            for i in range(len(cands)):
                if i == j:
                    continue
                a, b = cands[i], cands[j]
                if c.value == 100 and min(i, j) < len(cands) - 2:
                    continue  # 100% of two equal numbers: only the two printed right before it
                if _same_kind(a, b) and _rate_equals(a, b, c):
                    found = (a, b)
                    break
            if found:
                break
        if found:
            words = re.sub(r"\s+", "", before)[-8:]
            out.append(Relation("rate", c, list(found), words))
    return out


def _runs(nums: list[Num], total: Num, after: bool) -> list[Num] | None:
    same = [n for n in nums if n.kind != "percent" and _same_kind(n, total)]
    if after:
        for k in range(2, len(same) + 1):
            if _sum_equals(same[:k], total):
                return same[:k]
    else:
        for k in range(2, len(same) + 1):
            if _sum_equals(same[-k:], total):
                return same[-k:]
    for sel in (same[0::2], same[1::2]):  # weights and scores alternating (决策20分，得18分 …)
        if len(sel) >= 2 and _sum_equals(sel, total):
            return sel
    return None


def sum_relations(text: str) -> list[Relation]:
    out = []
    for t in numbers(text):
        if t.kind == "percent" or t.value <= 0:
            continue
        before = text[max(0, t.start - 8) : t.start]
        if not TOTAL_WORD.search(before):
            continue
        s, e = _sentence(text, t.start)
        words = re.sub(r"\s+", "", before)[-6:]
        after = text[t.end : e]
        q = after.find("其中")
        if 0 <= q < 30:
            parts = _runs(numbers(text, t.end + q, e), t, after=True)
            if parts:
                out.append(Relation("sum_after", t, parts, words))
                continue
        parts = _runs(numbers(text, s, t.start), t, after=False)
        if parts:
            out.append(Relation("sum_before", t, parts, words))
    return out


def _located_cells(text: str, b, rows: list[list[str]]):  # type: ignore[no-untyped-def]
    """Each non-empty cell of ``rows`` (rows of table block ``b``) as (row index, column index, words, start, end),
    found in ``text`` in reading order from the block's start; a cell the text does not hold is skipped."""
    pos = b.start
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            words = cell.strip()
            if not words:
                continue
            at = text.find(words, pos, b.end)
            if at < 0:
                continue
            pos = at + len(words)
            yield r, i, words, at, pos


def _rows(doc) -> list[list[list[Num]]]:
    """Tables as rows of numbers: each table block's rows (cells found in the text in order), and runs of
    lines outside tables that each print two or more numbers."""
    text, tables = doc.text, []
    covered: list[tuple[int, int]] = []
    for b in doc.blocks:
        if b.kind != "table" or not b.rows:
            continue
        labels: list[str] = ["" for _ in b.rows]
        nums: list[list[Num]] = [[] for _ in b.rows]
        for r, _i, cell_s, at, end in _located_cells(text, b, b.rows):
            found = numbers(text, at, end)
            if found and found[0].start == at:
                nums[r].extend(found[:1])
            elif not labels[r]:
                labels[r] = cell_s
        tables.append(list(zip(labels, nums)))
        covered.append((b.start, b.end))
    run: list[tuple[str, list[Num]]] = []
    for m in re.finditer(r"[^\n]+", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        line = m.group()
        nums = numbers(text, m.start(), m.end())
        label = re.sub(r"[\d.,%％\s|]+", " ", line).strip()
        if len(nums) >= 2 and len(line) < 160:
            run.append((label, nums))
        else:
            if len(run) >= 3:
                tables.append(run)
            run = []
    if len(run) >= 3:
        tables.append(run)
    return tables


def column_relations(doc) -> list[Relation]:
    out = []
    for rows in _rows(doc):
        top = 0
        for r, (label, nums) in enumerate(rows):
            if not TOTAL_ROW.search(label) or not nums:
                continue
            above = [n for _, n in rows[top:r] if len(n) == len(nums)]
            for k in range(1, len(nums) + 1):
                t = nums[-k]
                parts = [row[-k] for row in above]
                if t.kind == "percent" or len(parts) < 2 or not all(_same_kind(p, t) for p in parts):
                    continue
                if _sum_equals(parts, t):
                    out.append(Relation("column", t, parts, label[:8]))
            top = r + 1
    return out


def header_rate_cells(doc) -> set[int]:
    """Offsets of percent cells under a table header naming a rate (得分率, 执行率 …)."""
    out: set[int] = set()
    text = doc.text
    for b in doc.blocks:
        if b.kind != "table" or not b.rows or len(b.rows) < 2:
            continue
        header = [c.strip() for c in b.rows[0]]
        cols = {i for i, h in enumerate(header) if RATE_WORD.search(h)}
        if not cols:
            continue
        for _r, i, _cell, at, end in _located_cells(text, b, b.rows[1:]):
            if i in cols:
                out.update(n.start for n in numbers(text, at, end) if n.kind == "percent")
    # Text tables: a line naming a rate and no digits heads the cells below it, up to a blank line.
    for m in re.finditer(r"[^\n]*率[^\n\d]*\n", text):
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        out.update(n.start for n in numbers(text, m.end(), min(end, m.end() + 600)) if n.kind == "percent")
    return out


def relations(doc) -> list[Relation]:
    rels = rate_relations(doc.text, header_rate_cells(doc)) + sum_relations(doc.text) + column_relations(doc)
    seen, out = set(), []
    for r in rels:
        key = (r.result.start, tuple(n.start for n in r.operands))
        if key in seen or r.result.start in {x.result.start for x in out if x.rule != r.rule}:
            continue
        seen.add(key)
        out.append(r)
    return out


def _names(detail: str, n: Num) -> bool:
    d = detail.replace(",", "")
    variants = {n.raw}
    if "." in n.raw:
        variants.add(n.raw.rstrip("0").rstrip("."))
    if n.kind == "money":
        variants.add(_plain(n.value))
        for scale in MONEY.values():
            variants.add(_plain(n.value / scale))
    return any(re.search(r"(?<![\d.])" + re.escape(v) + r"(?![\d])", d) for v in variants if v)


def _plain(v: Decimal) -> str:
    s = format(v.normalize(), "f")
    return s


def covered(rel: Relation, checks: list[dict]) -> bool:
    lo, hi = min(n.start for n in rel.numbers), max(n.end for n in rel.numbers)
    for c in checks:
        span = c.get("span")
        if not span or span[0] > lo or span[1] < hi:
            continue
        if all(_names(c["detail"], n) for n in rel.numbers):
            return True
    return False


def _own_half(n: Num) -> Decimal:
    """Half a unit of n's last printed digit, in n's printed unit (none for a whole count: 35个)."""
    if n.kind.startswith("count:") and n.places == 0:
        return Decimal(0)
    return Decimal(5) * Decimal(10) ** (-n.places - 1)


def _slack(rel: Relation) -> Decimal:
    """How far the stated result may be from the exact arithmetic at the printed precision (in its unit)."""
    r = rel.result
    if rel.rule == "rate":
        a, b = rel.operands
        av, bv = a.value or Decimal(1), b.value or Decimal(1)
        ha, hb = _own_half(a) * (av / Decimal(a.raw)), _own_half(b) * (bv / Decimal(b.raw))
        return r.value * (ha / av + hb / bv) + _own_half(r)
    scale = MONEY.get(r.unit, Decimal(1)) if r.kind == "money" else Decimal(1)
    # half a unit per printed number, as the checks excuse a 尾差 (patterns/scores.yaml checks.sum_rounding)
    return sum((n.half for n in rel.numbers if not (n.kind.startswith("count:") and n.places == 0)), Decimal(0)) / scale


def _mutated(rel: Relation) -> str:
    """The stated result changed by the smallest step of ten that takes it beyond its slack from the exact arithmetic: the last digit when the printed
    precision allows it (1904 → 1905), a higher one when the operands are coarser (1077.56 with 18 → 1078.56)."""
    r = rel.result
    exact = r.value
    if rel.rule == "rate":
        a, b = rel.operands
        exact = _value(a, b) / _value(b, a) * 100 if a.kind == "bare" else a.value / _value(b, a) * 100
    step = Decimal(10) ** (-r.places)
    while abs(r.value + step - exact) <= _slack(rel):
        step *= 10
    v = Decimal(r.raw) + step
    return f"{v:.{r.places}f}"


def mutant_text(src: str, doc_text: str, rel: Relation) -> tuple[str, str] | None:
    """The source text with the stated result changed (found by its place among the equal printed numbers)."""
    n = rel.result
    printed = doc_text[n.start : n.end]
    if printed.replace(",", "") != n.raw:
        return None
    in_doc = [m.start() for m in re.finditer(r"(?<![\d.,])" + re.escape(printed) + r"(?![\d])", doc_text)]
    in_src = [m.start() for m in re.finditer(r"(?<![\d.,])" + re.escape(printed) + r"(?![\d])", src)]
    if len(in_doc) != len(in_src) or n.start not in in_doc:
        return None
    at = in_src[in_doc.index(n.start)]
    new = _mutated(rel)
    return src[:at] + new + src[at + len(printed) :], new


def flagged(path: Path, src: str, doc_text: str, rel: Relation, before_failed: set[str]) -> bool | None:
    mt = mutant_text(src, doc_text, rel)
    if mt is None:
        return None
    text, new = mt
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / path.name
        p.write_text(text, encoding="utf-8")
        rec = build_record(parse(p), p).to_dict()
    probe = Num(0, 0, new, Decimal(new), "", "bare", 0)
    return any(not c["ok"] and c["detail"] not in before_failed and _names(c["detail"], probe) for c in rec["checks"])


def texts(half: str) -> list[tuple[str, Path]]:
    if half == "shared":
        return [(r, CORPUS / f"{r}.txt") for r in SHARED]
    return [(i.stem, i.path) for i in devset_items() if i.half == half]


def shape(rel: Relation) -> str:
    """The rule, the kind of its numbers, and the word that says so (…率 / 占 / 合计 / 其中 …)."""
    if rel.rule == "column":
        word = "total row"
    else:
        found = re.findall(r"[\u4e00-\u9fff]?(?:率|占|比重|比例|合计|总计|共计|小计|总额|累计|总分|共)", rel.words)
        word = found[-1] if found else "table header"
    place = "table" if rel.rule == "column" or "\n" in rel.where or not found_in_prose(rel) else "prose"
    return f"{rel.rule} ({place}, {rel.result.kind}): {word}"


def found_in_prose(rel: Relation) -> bool:
    return all(n.unit for n in rel.numbers)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["dev", "holdout", "shared"], action="append")
    ap.add_argument("--no-mutants", action="store_true", help="coverage only")
    ap.add_argument("--show", action="store_true", help="list the uncovered relations by shape")
    ap.add_argument("--item", help="only items whose stem contains this")
    args = ap.parse_args()
    for half in args.half or ["dev", "holdout", "shared"]:
        counts = defaultdict(lambda: [0, 0, 0, 0])  # rule -> found, covered, mutated, flagged
        uncovered: dict[str, list[str]] = defaultdict(list)
        unflagged: dict[str, list[str]] = defaultdict(list)  # covered, yet the changed result not flagged
        for stem, path in texts(half):
            if args.item and args.item not in stem:
                continue
            src = path.read_text(encoding="utf-8")
            doc = parse(path)
            rec = build_record(doc, path).to_dict()
            failed = {c["detail"] for c in rec["checks"] if not c["ok"]}
            for rel in relations(doc):
                c = counts[rel.rule]
                c[0] += 1
                cov = covered(rel, rec["checks"])
                c[1] += cov
                nums = " ".join(f"{n.raw}{n.unit}" for n in rel.operands)
                line = f"{stem}: {nums} → {rel.result.raw}{rel.result.unit}"
                if not args.no_mutants:
                    fl = flagged(path, src, doc.text, rel, failed)
                    if fl is not None:
                        c[2] += 1
                        c[3] += fl
                        if cov and not fl:
                            unflagged[shape(rel)].append(f"{line} (changed to {_mutated(rel)})")
                if not cov:
                    uncovered[shape(rel)].append(line)
        print(f"\n{half}: relation   found  covered  mutated  flagged")
        tot = [0, 0, 0, 0]
        for rule in sorted(counts):
            c = counts[rule]
            tot = [x + y for x, y in zip(tot, c)]
            print(f"  {rule:<14}{c[0]:>6}{c[1]:>9}{c[2]:>9}{c[3]:>9}")
        print(f"  {'all':<14}{tot[0]:>6}{tot[1]:>9}{tot[2]:>9}{tot[3]:>9}")
        if args.show:
            for title, groups in (("uncovered", uncovered), ("covered, change not flagged", unflagged)):
                print(f"  {title}:")
                for sh, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
                    print(f"  [{len(rows)}] {sh}")
                    for row in rows[:6]:
                        print(f"      {row}")


if __name__ == "__main__":
    main()
