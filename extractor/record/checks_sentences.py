"""Checks on the report's own arithmetic stated in sentences (issue 8, checks38): three more open rules.

* ``amount_product`` — an amount per 亩 (a yield, a cost) or per school, household, person times the units
  of the same measure word, and times a price per weight unit after a yield, is the product the sentence
  states next (3194亩 × 每亩每年能产油40kg against 每年预计可生产茶油12.78kg; 30亩 × 每亩产李子1000公斤 ×
  每公斤售价5元 against 可实现总收入15万元; 1000所 × 每所15万元 against 共计15000万元);
* ``weight_sum`` — a level's weights listed under the count of its indicators (设立13个三级指标，分别是
  计划任务完成情况占分值10分，…): the count says the list is whole, so the weights add up to the system's
  总分值 stated before them (or to 100);
* ``prose_sum`` — a count stated first and its parts named by when or how they came (实施项目共15个，
  年初批复预算8个项目…，年中增加8个项目).

All read the document's matching view (traditional folded, pinyin glosses dropped) and take their words
from the ``checks:`` section of ``patterns/scores.yaml``; a check is added only where the words say what the
numbers are, so that correct arithmetic is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ... import patterns

# weight units in kilograms; money in 元
_WEIGHT = {"公斤": Decimal(1), "千克": Decimal(1), "kg": Decimal(1), "斤": Decimal("0.5"), "吨": Decimal(1000)}
_MAGNITUDE = {"万": Decimal(10**4), "亿": Decimal(10**8)}
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_CLAUSE_END = re.compile(r"[，,。；;、\n]")
_EPS = Decimal("1e-9")


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern[str]]:
    spec = patterns.load("scores.yaml")["checks"]
    keys = (
        "counted",
        "per_unit",
        "per_unit_not",
        "unit_price",
        "product_result",
        "product_said",
        "counted_tier_list",
        "counted_tier_item",
        "system_total_weight",
        "count_total",
        "count_part_named",
    )
    return {k: re.compile(spec[k]) for k in keys}


@dataclass(frozen=True)
class _Amount:
    start: int  # view offsets of the number and its unit
    end: int
    number: Decimal  # as printed
    decimals: int
    unit: str  # as printed, magnitude included (万元, kg)
    per: str = ""  # a price's weight unit (每公斤售价5元: 公斤)

    @property
    def kind(self) -> str:
        return "money" if self.unit.endswith("元") else "weight"

    @property
    def factor(self) -> Decimal:
        mag = _MAGNITUDE.get(self.unit[:1], Decimal(1))
        base = self.unit[1:] if self.unit[:1] in _MAGNITUDE else self.unit
        return mag * _WEIGHT.get(base, Decimal(1))

    @property
    def value(self) -> Decimal:
        """In base units (元, kg; a price in 元 per kg)."""
        return self.number * self.factor / (_WEIGHT[self.per] if self.per else 1)

    @property
    def half(self) -> Decimal:
        """Half the last printed digit, in base units."""
        return Decimal(5) * Decimal(10) ** (-self.decimals - 1) * self.factor

    @property
    def printed(self) -> str:
        return f"{self.number}{self.unit}" + (f"/{self.per}" if self.per else "")


def _amount(m: re.Match[str]) -> _Amount:
    return _Amount(m.start("n"), m.end("u"), Decimal(m.group("n")), _decimals(m.group("n")), m.group("u"))


def _decimals(digits: str) -> int:
    return len(digits.split(".")[1]) if "." in digits else 0


def _fmt(v: Decimal) -> str:
    return format(v.normalize(), "f") if v != v.to_integral_value() else str(int(v))


# ---------------------------------------------------------------------------- amount per 亩 × 亩


def _next_number(text: str, pos: int, end: int) -> int | None:
    m = re.compile(r"\d").search(text, pos, end)
    return m.start() if m else None


def _product_result(text: str, after: int, end: int, kind: str) -> _Amount | None:
    """The number right after ``after`` in the sentence, when it is an amount of ``kind`` (not per unit) whose
    clause says it is a total or an outcome (计, 总收入, 可生产 …)."""
    at = _next_number(text, after, end)
    if at is None or (at > 0 and text[at - 1] in ".-~"):
        return None
    m = _rx()["product_result"].match(text, at)
    if m is None or m.end() > end:
        return None
    res = _amount(m)
    if res.kind != kind or re.match(r"\s*[/／每]", text[m.end() : m.end() + 2]):
        return None
    clause = text[max(text.rfind(c, 0, at) for c in "，,、；;。\n") + 1 : at]
    if not _rx()["product_said"].search(clause):
        return None
    return res


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def amount_product_checks(ck: Any) -> None:
    """Amounts per unit times the units they are of against the product the sentence states (see the
    module's docstring)."""
    view = ck.ctx.view
    text: str = view.text
    rx = _rx()
    for s, e in _sentences(text):
        counts = [m for m in rx["counted"].finditer(text, s, e)]
        if not counts:
            continue
        for r in rx["per_unit"].finditer(text, s, e):
            per = r.group("per") or r.group("per2")
            label = re.sub(r"\s+", "", text[r.start() : r.start("n")])
            same = [c for c in counts if c.group("per") == per]
            if not same or rx["per_unit_not"].search(label):
                continue
            # the units it is of: the nearest count in the same measure word, before or after the rate
            many = min(same, key=lambda c: (min(abs(c.start() - r.start()), abs(c.end() - r.end())), c.start()))
            rate = _amount(r)
            operands = [rate]
            last = max(r.end(), many.end())
            kind = rate.kind
            price = _price_after(text, r.end(), e) if kind == "weight" else None
            if price is not None:
                operands.append(price)
                last = max(last, price.end)
                kind = "money"
            res = _product_result(text, last, e, kind)
            if res is None:
                continue
            units = Decimal(many.group("n")) * (_MAGNITUDE["万"] if many.group("mag") else 1)
            product = units * rate.value * (price.value if price is not None else 1)
            ok = abs(product - res.value) <= 2 * res.half + _EPS  # rounded or cut at the printed digit
            factors = " × ".join([re.sub(r"\s+", "", many.group(0))] + [o.printed for o in operands])
            ck.add(
                "amount_product",
                ok,
                f"{label}: {factors} = {_fmt(product / res.factor)}{res.unit}, stated {res.printed}",
                [view.span(many.start(), many.end()), view.span(r.start(), r.end()), view.span(res.start, res.end)]
                + ([view.span(price.start, price.end)] if price is not None else []),
                key=("amount_product", many.start(), r.start(), res.start),
            )


def _price_after(text: str, pos: int, end: int) -> _Amount | None:
    """A price per weight unit (每公斤售价5元) whose number is the next number after ``pos``."""
    at = _next_number(text, pos, end)
    if at is None:
        return None
    m = next((m for m in _rx()["unit_price"].finditer(text, pos, end) if m.start("n") == at), None)
    if m is None:
        return None
    return _Amount(m.start("n"), m.end(), Decimal(m.group("n")), _decimals(m.group("n")), "元", m.group("u"))


# ---------------------------------------------------------------------------- weights under a count of indicators


def counted_weight_list_checks(ck: Any) -> None:
    """A level's weights listed under the count of its indicators add up to the system's total weight."""
    view = ck.ctx.view
    text: str = view.text
    rx = _rx()
    tol = Decimal("0.0055")
    for m in rx["counted_tier_list"].finditer(text):
        n = int(m.group("n"))
        end = _SENTENCE_END.search(text, m.end())
        stop = end.start() if end else len(text)
        weights: list[tuple[Decimal, int, int]] = []
        pos = m.end()
        while pos < stop:
            it = rx["counted_tier_item"].match(text, pos)
            if it is None or it.end() > stop:
                break
            weights.append((Decimal(it.group("w")), it.start("w"), it.end("w")))
            pos = it.end()
            sep = re.match(r"[，,、]", text[pos : pos + 1])
            if sep is None:
                break
            pos += 1
        if n < 2 or len(weights) != n:
            continue
        totals = [t for t in rx["system_total_weight"].finditer(text, max(0, m.start() - 1500), m.start())]
        total = Decimal(totals[-1].group("w")) if totals else Decimal(100)
        stated = f"stated {_fmt(total)}" if totals else "the maximum 100"
        ws = sum((w for w, _s, _e in weights), Decimal(0))
        spans = [view.span(s, e) for _w, s, e in weights]
        if totals:
            spans.append(view.span(totals[-1].start("w"), totals[-1].end("w")))
        ck.add(
            "weight_sum",
            abs(ws - total) <= tol * n,
            f"{n}个{m.group('level')}级指标 weights: {' + '.join(_fmt(w) for w, _s, _e in weights)} = {_fmt(ws)}, "
            f"{stated}",
            spans,
        )


# ---------------------------------------------------------------------------- a count and its parts


def bracket_depth(text: str, start: int, pos: int) -> int:
    """How many brackets opened in ``text[start:pos]`` are still open at ``pos``."""
    d = 0
    for ch in text[start:pos]:
        if ch in "（(":
            d += 1
        elif ch in "）)":
            d = max(0, d - 1)
    return d


def count_total_checks(ck: Any) -> None:
    """A count stated first (项目共15个) and the counts of the same noun after it in its sentence, outside
    brackets, each named by when or how it came (年初…8个项目, 年中增加8个项目): they add up to it."""
    view = ck.ctx.view
    text: str = view.text
    rx = _rx()
    for s, e in _sentences(text):
        for t in rx["count_total"].finditer(text, s, e):
            part_rx = re.compile(r"(?<![\d.])(\d+)个" + re.escape(t.group("noun")))
            parts = [p for p in part_rx.finditer(text, t.end(), e) if bracket_depth(text, s, p.start()) == 0]
            if len(parts) < 2:
                continue
            named = all(
                rx["count_part_named"].search(
                    text[max([s - 1] + [text.rfind(c, s, p.start()) for c in "，,;；、"]) + 1 : p.start()]
                )
                for p in parts
            )
            if not named:
                continue
            vals = [int(p.group(1)) for p in parts]
            total = int(t.group("n"))
            ck.add(
                "prose_sum",
                sum(vals) == total,
                f"{t.group(0)}: {' + '.join(p.group(0) for p in parts)} = {sum(vals)}个, stated {total}个",
                [view.span(t.start("n"), t.end())] + [view.span(p.start(), p.end()) for p in parts],
            )


__all__ = ["amount_product_checks", "count_total_checks", "counted_weight_list_checks"]
