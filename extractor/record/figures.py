"""Named quantities (record field ``figures``): open rules, not a closed list.

A figure is a quantity printed with a label that says what it is, in the
report's basic-situation and funds sections.  Three shapes (``patterns/figures.yaml``
holds every word list, so a domain expert extends the rules without code):

* **prose** — ``实际到位资金753,638.62万元``, ``资金到位率为86.32%``: the label is the
  run of words right before the quantity (after the link words 为/达/共计/：),
  up to the previous punctuation or number, cut to its telling part: what follows
  a connective (其中/共/累计 …) or a modifier clause (…的), a date's tail dropped,
  subject and verb dropped (区级财政年初预算下达区级补助资金 → 区级补助资金);
* **forms and tables** — a label cell and the value on its right (``计划安排资金(万元) |
  1088.00``), or a column header over the value below with the row's label
  (``送书下乡经费`` under ``计划支出数(万元)``); bare numbers take the scale of the
  header or caption (万元);
* **自评表** (self-evaluation forms) — column labels 年初预算数 / 全年预算数 /
  全年执行数 / 执行率 …, whether in a real table or flattened into text where a
  run of k labels is followed by rows of values.

Values are in base units (万元 → 元, 万人 → 人, % → a fraction).  Quantities that
are bounds, ranges, standards per unit, targets or changes are not figures (the
``not_after``/``not_before`` words).  Every figure keeps ``raw`` (the quantity as
printed), ``page`` and ``span`` — the label and the quantity, exact offsets into
the document text.  The same (name, value) stated twice in prose is one figure.

Matching runs on the document text folded one character for one (simplified
characters, half-width forms), so offsets need no mapping.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ... import patterns
from .. import jieba_dict
from ..cjk import chinese_number
from ..document import Block, Document
from ..normalize import RUBY_GLOSS, fold_one_for_one, without_glosses
from ..tables import merged_repeats
from .model import Figure
from .moneygrids import MoneyGrid, money_grids
from .numbers import MAGNITUDES, as_number, iter_chinese_amounts
from .recipients import names_a_recipient

CJK = re.compile(r"[\u3400-\u9fff]")
_PUNCT_STOP = set("，,。；;：:！!？?“”\"‘’'《》<>【】[]|\t…")
_OPEN, _CLOSE = "（(", "）)"
_ASIDE = re.compile(r"[(（]以下简称[^()（）]{0,24}[)）]")
_UNIT_TAIL = re.compile(r"\s*(?:[万亿千]\s*元|%)\s*")
_CLASSIFIER_HEAD = re.compile(r"^[个项座条户所家名人次套台辆处例元]")
# The numbering that opens a line (2.项目支出2604.1万元): its digit is no count, so 项 after it is the label's.
_LINE_NUMBERING = re.compile(r"(?:^|(?<=\n))[ \u3000]*\d{1,2}[.．]$")


# ---------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Spec:
    units: dict[str, str]
    count_units: frozenset[str]
    unit_chars: frozenset[str]  # the last characters of the units and `item_end` (a list item ends with one)
    counted_noun: re.Pattern[str]
    counted_status: re.Pattern[str]
    counted_generic: re.Pattern[str]
    counted_units: frozenset[str]
    bought_before: re.Pattern[str]
    bought_units: frozenset[str]
    bought_noun: re.Pattern[str]
    count_label: re.Pattern[str]
    count_not_clause: re.Pattern[str]
    count_not_name: re.Pattern[str]
    count_target_label: re.Pattern[str]
    count_done: re.Pattern[str]
    list_item_end: re.Pattern[str]
    target_lead: re.Pattern[str]
    list_number: re.Pattern[str]
    count_achieved: re.Pattern[str]
    evaluation_work: re.Pattern[str]
    pool_selected: re.Pattern[str]
    attendance_after: re.Pattern[str]
    pool_applicants: re.Pattern[str]
    evaluation_sample: re.Pattern[str]
    output_label: re.Pattern[str]
    output_units: frozenset[str]
    sheet_units: frozenset[str]
    sheet_label: re.Pattern[str]
    paid_per_visit: re.Pattern[str]
    counted_people: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    quantity: re.Pattern[str]
    bare_number: re.Pattern[str]
    people_noun_after: re.Pattern[str]
    people_verb_after: re.Pattern[str]
    approx_not_unit: str
    chinese_count: re.Pattern[str]
    chinese_count_end: re.Pattern[str]
    not_after: re.Pattern[str]
    value_list_joint: re.Pattern[str]
    not_before: re.Pattern[str]
    funds_change: re.Pattern[str]
    per_head: re.Pattern[str]
    plan_before: re.Pattern[str]
    planned_noun: re.Pattern[str]
    links: re.Pattern[str]
    min_label: int
    connectives: re.Pattern[str]
    time_tail: re.Pattern[str]
    min_after_de: int
    min_after_verb: int
    max_label: int
    not_labels: re.Pattern[str]
    chrome_label: re.Pattern[str]
    percent_label: re.Pattern[str]
    outcome_rate: re.Pattern[str]
    rate_of_funds: re.Pattern[str]
    target_label: re.Pattern[str]
    roles: frozenset[str | None]
    never_roles: frozenset[str]
    amount_roles: frozenset[str]
    basic_parts: frozenset[str]
    evaluation_heading: re.Pattern[str]
    project_content: re.Pattern[str]
    funds_heading: re.Pattern[str]
    target_heading: re.Pattern[str]
    run_in_label: re.Pattern[str]
    scales: dict[str, int]
    money_label: re.Pattern[str]
    other_part: re.Pattern[str]
    people_label: re.Pattern[str]
    not_figure_column: re.Pattern[str]
    numbering_column: re.Pattern[str]
    remark_column: re.Pattern[str]
    list_name_column: re.Pattern[str]
    indicator_grid: re.Pattern[str]
    indicator_kind: re.Pattern[str]
    form_field: re.Pattern[str]
    indicator_before: re.Pattern[str]
    indicator_passage: re.Pattern[str]
    indicator_header: re.Pattern[str]
    range_before: re.Pattern[str]
    caption: re.Pattern[str]
    total_row: re.Pattern[str]
    columns: list[tuple[str, re.Pattern[str]]]
    column_suffix: str
    column_run: re.Pattern[str]
    self_eval_row: re.Pattern[str]
    self_eval_row_cut: re.Pattern[str]
    self_eval_row_rest: re.Pattern[str]
    self_eval_group: re.Pattern[str]
    scale_declaration: re.Pattern[str]
    indicator_kind_label: re.Pattern[str]
    target_runin: re.Pattern[str]
    grade_share_label: re.Pattern[str]
    grade_count_before: re.Pattern[str]
    scale_reach: int
    scale_breaks: re.Pattern[str]
    one_fund_verbs: dict[str, re.Pattern[str]]  # ruling 33's exception: one fund under different verbs


# (A comma glued to the number is a thousands separator only after a digit: 已完工,4个 is a number.)
NUMBER = r"(?<![\d.A-Za-z])(?<!\d,)(?P<sign>[-－−](?=\d))?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])"


@lru_cache(maxsize=1)
def spec() -> Spec:
    d = patterns.load("figures.yaml")
    units = {str(k): str(v) for k, v in d["units"].items()}
    # a unit that opens a word (95 项目实施单位, 3 人民) is no unit: its word names what follows
    words = {str(k): str(v) for k, v in (d.get("unit_opens_word") or {}).items()}
    unit_alt = "|".join(
        re.escape(u) + (f"(?![{words[u]}])" if u in words else "") for u in sorted(units, key=len, reverse=True)
    )
    mag_alt = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    quantity = re.compile(NUMBER + rf"\s*(?P<mag>{mag_alt})?\s*(?P<unit>{unit_alt})")
    bare = re.compile(NUMBER + rf"\s*(?P<mag>{mag_alt})?\s*(?P<unit>{unit_alt})?")
    columns = [(c["kind"], re.compile(c["rx"])) for c in d["self_eval_columns"]]
    suffix = d["column_suffix"]
    col_alt = "|".join(f"(?:{c['rx']})" for c in d["self_eval_columns"])
    return Spec(
        units=units,
        count_units=frozenset(d["count_units"]),
        unit_chars=frozenset(u[-1] for u in units) | frozenset(d["item_end"]),
        counted_noun=re.compile(d["counted_noun"]),
        counted_status=re.compile(d["counted_status"]),
        counted_generic=re.compile(d["counted_generic"]),
        counted_units=frozenset(d["counted_units"]),
        bought_before=re.compile(d["bought_before"]),
        bought_units=frozenset(d["bought_units"]),
        bought_noun=re.compile(d["bought_noun"]),
        count_label=re.compile(d["count_label"]),
        count_not_clause=re.compile(d["count_not_clause"]),
        count_not_name=re.compile(d["count_not_name"]),
        count_target_label=re.compile(d["count_target_label"]),
        count_done=re.compile(d["count_done"]),
        list_item_end=re.compile(d["list_item_end"]),
        target_lead=re.compile(d["target_lead"]),
        list_number=re.compile(d["list_number"]),
        count_achieved=re.compile(d["count_achieved"]),
        evaluation_work=re.compile(d["evaluation_work"]),
        pool_selected=re.compile(d["candidate_pool"]["selected"]),
        attendance_after=re.compile(d["attendance_after"]),
        pool_applicants=re.compile(d["candidate_pool"]["applicants"]),
        evaluation_sample=re.compile(d["evaluation_sample"]),
        output_label=re.compile(d["output_label"]),
        output_units=frozenset(d["output_units"]),
        sheet_units=frozenset(d["sheet_units"]),
        sheet_label=re.compile(d["sheet_label"]),
        paid_per_visit=re.compile(d["paid_per_visit"]),
        counted_people=re.compile(d["counted_people"]),
        ordinal_before=re.compile(d["ordinal_before"]),
        quantity=quantity,
        bare_number=bare,
        people_noun_after=re.compile(d["people_noun_after"]),
        people_verb_after=re.compile(d["people_verb_after"]),
        approx_not_unit=d["approx_not_unit"],
        chinese_count=_chinese_count_rx(d, words),
        chinese_count_end=re.compile(d["chinese_count_end"]),
        not_after=re.compile(d["not_after"]),
        value_list_joint=re.compile(d["value_list_joint"]),
        not_before=re.compile(d["not_before"].replace("{PER_HEAD}", d["per_head"])),
        funds_change=re.compile(d["funds_change"]),
        per_head=re.compile(d["per_head"]),
        plan_before=re.compile(d["plan_before"]),
        planned_noun=re.compile(d["planned_noun"]),
        links=re.compile(rf"(?:{d['links']})\s*$"),
        min_label=int(d["min_label"]),
        connectives=re.compile(d["connectives"]),
        time_tail=re.compile(d["time_tail"]),
        min_after_de=int(d["min_after_de"]),
        min_after_verb=int(d["min_after_verb"]),
        max_label=int(d["max_label"]),
        not_labels=re.compile(d["not_labels"]),
        chrome_label=re.compile(d["chrome_label"]),
        percent_label=re.compile(d["percent_label"]),
        outcome_rate=re.compile(d["outcome_rate"]),
        rate_of_funds=re.compile(d["rate_of_funds"]),
        target_label=re.compile(d["target_label"]),
        roles=frozenset(d["roles"]),
        never_roles=frozenset(d["never_roles"]),
        amount_roles=frozenset(d["amount_roles"]),
        basic_parts=frozenset(d["basic_parts"]),
        evaluation_heading=re.compile(d["evaluation_heading"]),
        project_content=re.compile(d["project_content"]),
        funds_heading=re.compile(d["funds_heading"]),
        target_heading=re.compile(d["target_heading"]),
        run_in_label=re.compile(d["run_in_label"]),
        scales={str(k): int(v) for k, v in d["scales"].items()},
        money_label=re.compile(d["money_label"]),
        other_part=re.compile(d["other_part"]),
        people_label=re.compile(d["people_label"]),
        not_figure_column=re.compile(d["not_figure_column"]),
        numbering_column=re.compile(d["numbering_column"]),
        remark_column=re.compile(d["remark_column"]),
        list_name_column=re.compile(d["list_name_column"]),
        indicator_grid=re.compile(d["indicator_grid"]),
        indicator_kind=re.compile(d["indicator_kind"]),
        form_field=re.compile(d["form_field"]),
        indicator_before=re.compile(d["indicator_before"]),
        indicator_passage=re.compile(d["indicator_passage"]),
        indicator_header=re.compile(d["indicator_header"]),
        range_before=re.compile(d["range_before"]),
        caption=re.compile(d["caption"]),
        total_row=re.compile(d["total_row"]),
        columns=columns,
        column_suffix=suffix,
        # (?=\S): a column name starts at a character, so the long runs of spaces a blanked table
        # leaves are skipped at once instead of tried at every position (5x faster records)
        column_run=re.compile(rf"(?=\S)(?:{col_alt})(?:{suffix})?"),
        self_eval_row=re.compile(d["self_eval_row"]),
        self_eval_row_cut=re.compile(d["self_eval_row_wrap"]["cut"]),
        self_eval_row_rest=re.compile(d["self_eval_row_wrap"]["rest"]),
        self_eval_group=re.compile(d["self_eval_group"]),
        scale_declaration=re.compile(d["scaled_lines"]["declaration"]),
        indicator_kind_label=re.compile(d["indicator_kind_label"]),
        target_runin=re.compile(d["target_runin"]),
        grade_share_label=re.compile(d["grade_share_label"]),
        grade_count_before=re.compile(d["grade_count_before"]),
        scale_reach=int(d["scaled_lines"]["reach"]),
        scale_breaks=re.compile(d["scaled_lines"]["breaks"]),
        one_fund_verbs={k: re.compile(str(v)) for k, v in d["one_fund_verbs"].items()},
    )


def _chinese_count_rx(d: dict[str, Any], words: dict[str, str]) -> re.Pattern[str]:
    """A count in Chinese numerals and its measure word (所属事业单位三个, 涉及六个镇): ``figures.yaml``'s
    ``chinese_count_units``, each not opening a word (``unit_opens_word``: 三人民, 一台账)."""
    units = "|".join(
        re.escape(u) + (f"(?![{words[u]}])" if u in words else "")
        for u in sorted(d["chinese_count_units"], key=len, reverse=True)
    )
    return re.compile(
        rf"(?<!{d['chinese_count_not_after']})(?P<num>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]{{0,5}})"
        rf"(?P<unit>{units})"
    )


# ---------------------------------------------------------------------------- text


def fold_text(text: str) -> str:
    """``text`` folded one character for one: simplified, half-width (offsets unchanged)."""
    return fold_one_for_one(text)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def to_decimal(num: str, sign: str | None = None, mag: str | None = None) -> Decimal | None:
    try:
        v = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    if sign:
        v = -v
    if mag:
        v *= MAGNITUDES[mag]
    return v


@dataclass
class Quantity:
    """A number as printed at ``[start, end)``: ``value`` in base units, ``unit`` ('' when bare)."""

    value: Decimal
    unit: str
    start: int
    end: int
    raw: str
    printed: Decimal  # the number as printed (before magnitude and unit)
    decimals: int  # printed decimal places
    mag: str | None = None
    bare_money: bool = False  # 29.6万 with no unit: 元 only under a label of money
    scaled: bool = (
        False  # a bare number in the scale printed apart (单位：万元 over 预算资金：500): 元 under a money label
    )

    @property
    def half_unit(self) -> Decimal:
        """Half the last printed digit, in base units (the rounding a printed number may carry)."""
        step = Decimal(1).scaleb(-self.decimals) / 2
        if self.mag:
            step *= MAGNITUDES[self.mag]
        if self.unit == "%":
            step /= 100
        return step


def quantity_of(m: re.Match[str], text: str, units: dict[str, str]) -> Quantity | None:
    gd = m.groupdict()
    v = to_decimal(m.group("num"), gd.get("sign"), gd.get("mag"))
    printed = to_decimal(m.group("num"), gd.get("sign"))
    if v is None or printed is None:
        return None
    unit_raw = gd.get("unit")
    unit = units.get(unit_raw, "") if unit_raw else ""
    if unit == "%":
        v = v / 100
    dec = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
    return Quantity(v, unit, m.start(), m.end(), squash(text[m.start() : m.end()]), printed, dec, gd.get("mag"))


def iter_quantities(flat: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """Quantities with a unit in ``flat[start:end]`` (offsets into ``flat``)."""
    sp = spec()
    for m in sp.quantity.finditer(flat, start, len(flat) if end is None else end):
        q = quantity_of(m, flat, sp.units)
        if q is not None:
            yield q


# ---------------------------------------------------------------------------- labels


@lru_cache(maxsize=1)
def _posseg():
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.ERROR)
    jieba_dict.start(jieba.dt)  # the tagger segments with jieba's global tokenizer
    return pseg


def _bracket_depth_ok(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _word_starts(text: str) -> list[tuple[int, str, str]]:
    """(position, part of speech, word) of each jieba word that starts outside brackets."""
    starts: list[tuple[int, str, str]] = []
    pos, depth = 0, 0
    for w, flag in _posseg().cut(text):
        if depth == 0:
            starts.append((pos, flag, w))
        for ch in w:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
        pos += len(w)
    return starts


def shorten(name: str) -> int:
    """How many leading characters of ``name`` to drop: subject and verb, then the length cap."""
    sp = spec()
    cut = 0
    words = _word_starts(name)
    flags = {pos: flag for pos, flag, _w in words}
    if sp.min_after_verb and words and not words[-1][1].startswith("v"):  # 各级财政补助资金实际到位 stays whole
        for pos, flag, w in reversed(words):
            if pos == 0:
                break
            after = pos + len(w)
            if flag in _VERBS and _bare_len(name[after:]) >= sp.min_after_verb and _word_head(flags.get(after)):
                if _bracket_depth_ok(name[after:]):
                    cut = after
                break
    if _bare_len(name[cut:]) > sp.max_label:
        for pos, flag, _w in words:
            if (
                pos >= cut
                and _bare_len(name[pos:]) <= sp.max_label
                and _bracket_depth_ok(name[pos:])
                and _word_head(flag)
            ):
                cut = pos
                break
    return cut


_VERBS = {"v", "vd", "vi", "vf"}  # not vn (培育, 救助: nouns in a label)


def _word_head(flag: str | None) -> bool:
    """Whether a name may start with a word of this part of speech (not 及, 着, 的, 和 …)."""
    return flag is not None and not flag.startswith(("c", "u", "p", "x", "y"))


def _bare_len(text: str) -> int:
    """Length of ``text`` without its bracketed parts."""
    return len(re.sub(r"[(（][^()（）]*[)）]", "", text))


@dataclass
class Label:
    start: int  # where the name starts (document offset)
    end: int
    name: str
    clause: str  # from the clause start to the quantity (for not_before)


def _run_start(flat: str, end: int, floor: int) -> tuple[int, bool]:
    """Start of the label run ending at ``end``; and whether a digit stopped it."""
    i = end
    while i > floor:
        ch = flat[i - 1]
        if ch in _CLOSE:
            depth, j = 0, i - 1
            while j >= floor:
                if flat[j] in _CLOSE:
                    depth += 1
                elif flat[j] in _OPEN:
                    depth -= 1
                    if depth == 0:
                        break
                elif flat[j] in "。；;\n":
                    j = floor - 1
                    break
                j -= 1
            if j < floor:
                return i, False
            i = j
            continue
        if ch in '”"' and i - 1 > floor:
            j = max(flat.rfind("“", floor, i - 1), flat.rfind('"', floor, i - 1))
            if j >= floor and i - 1 - j <= 12 and not re.search(r"[。；;，,\n]", flat[j:i]):
                i = j
                continue
            return i, False
        if ch in _OPEN or ch in _PUNCT_STOP or ch == "\n":
            return i, False
        if ch == "、":
            k = i - 2
            while k >= floor and flat[k] == " ":
                k -= 1
            if k >= floor and (flat[k].isdigit() or flat[k] in spec().unit_chars):
                return i, False
            i -= 1
            continue
        if ch.isdigit() or ch in ".,":
            return i, True
        if ch.isspace():
            j = i - 1
            while j > floor and flat[j - 1].isspace():
                j -= 1
            spaced = i - j == 1 and (i + 1 >= len(flat) or flat[i + 1] == " ") and (j < 2 or flat[j - 2] == " ")
            if i < end and j > floor and not flat[j - 1].isdigit() and not flat[i].isdigit() and not spaced:
                return i, False  # a gap between words: a cell boundary in text copied from a table
            # (a letter-spaced label, 年 初 预 算, reads on)
            i = j
            continue
        i -= 1
    return i, False


_SHARE_LINK = re.compile(r"\s*(?:为|是|计|即|共计|合计)\s*")


_FORMULA_SIGN = re.compile(r"[=＝:：]")
_OPERATOR = re.compile(r"[×÷/／*＊]")


def _formula_label_end(flat: str, eq: int, floor: int) -> int:
    """Where the label of a rate printed after an equals sign at ``eq`` ends: before the first equals sign or
    colon of its clause when a formula stands between (预算执行率=全年执行数÷全年预算数×100%=480.5÷520×100%=92.4%,
    执行率：480.5/500=96.1% → 预算执行率, 执行率), or right before ``eq`` (预算执行率=96.1%)."""
    part = max(floor, *(flat.rfind(c, floor, eq) + 1 for c in "，,。；;\n"))
    first = _FORMULA_SIGN.search(flat, part, eq)
    if first is not None and _OPERATOR.search(flat, first.end(), eq):
        eq = first.start()
    while eq > floor and flat[eq - 1] in " \u3000":
        eq -= 1
    return eq


_QUOTED_NAME_MAX = 48  # a programme's name in quotes before its amount in brackets


def label_before(flat: str, pos: int, floor: int, kind: str, printed: str | None = None) -> Label | None:
    """The label of the quantity starting at ``pos`` (``floor``: how far back to look)."""
    sp = spec()
    end = pos
    while end > floor and flat[end - 1] in " \u3000":
        end -= 1
    if kind == "%" and end > floor and flat[end - 1] in "=＝":
        end = _formula_label_end(flat, end - 1, floor)
    # Link words between label and number (kept when the label would get too short).
    head = flat[max(floor, end - 8) : end]
    m = sp.links.search(head)
    link_end = end
    if m and m.start() < m.end():
        cand = end - (len(head) - m.start())
        start0, _ = _run_start(flat, cand, floor)
        if len(squash(flat[start0:cand])) >= sp.min_label:
            end = cand
            while end > floor and flat[end - 1] in " \u3000":
                end -= 1
    # An amount that a modifier clause ending in 的 names (2022年安排的1.9亿元省级城市建设专项资金, 已下达的500万元资金):
    # its label is the clause's verb and words, as without 的 (ruling 14).  (Not a rate: 占部门预算数的34.34% is
    # named with its 的; not a count: 复核评价的50个项目 is a modifier of the counted noun.)
    if kind == "元" and end > floor and flat[end - 1] == "的":
        start0, _ = _run_start(flat, end - 1, floor)
        if len(CJK.findall(flat[start0 : end - 1])) >= 2:
            end -= 1
    # The label in the cell before (年度预算金额 | 4992万元), or before a bracketed value
    # (农业科技创新发展体系建设（1640万元）).
    k = end
    while k > floor and flat[k - 1] in " \u3000\n":
        k -= 1
    if k > floor and flat[k - 1] == "|" and kind == "元":
        k -= 1
        while k > floor and flat[k - 1] in " \u3000\n":
            k -= 1
        if k > floor and CJK.match(flat[k - 1]):
            end = k
    elif k > floor and flat[k - 1] in _OPEN and kind != "%":
        k -= 1
        if k > floor and CJK.match(flat[k - 1]):
            end = k
        elif k > floor and flat[k - 1] in '”"':
            # a quoted name before a bracketed amount (实施“…初步调查项目”(723万元)): the name in quotes
            q0 = max(flat.rfind("“", floor, k - 1), flat.rfind('"', floor, k - 1))
            if q0 >= floor and k - 1 - q0 <= _QUOTED_NAME_MAX and not re.search(r"[。；;，,\n]", flat[q0:k]):
                return _name(flat, q0 + 1, k - 1, False, flat[q0 + 1 : link_end], printed)
    # A label on the previous line (a page broke between label and number).
    if end > floor and flat[end - 1] == "\n":
        j = end
        while j > floor and flat[j - 1].isspace():
            j -= 1
        if j > floor and CJK.match(flat[j - 1]):
            end = j
    start, by_digit = _run_start(flat, end, floor)
    if by_digit and _LINE_NUMBERING.search(flat, max(floor, start - 4), start):
        by_digit = False  # a line's numbering (2.项目支出…): no count before the label
    # The unit of the quantity before, when a form's cells run together (金额:208万元资金使用情况:…)
    tail = _UNIT_TAIL.match(flat, start, end) if by_digit else None
    if tail:
        start = tail.end()
        # An amount stated as a share, then its value (中央财政补贴40%为29.6万元): the label is the
        # words before the share.
        if kind == "元" and "%" in tail.group(0) and _SHARE_LINK.fullmatch(flat, start, end):
            j = tail.start()
            while j > floor and (flat[j - 1].isdigit() or flat[j - 1] in "."):
                j -= 1
            start2, by_digit2 = _run_start(flat, j, floor)
            if len(squash(flat[start2:j])) >= 2:
                start, end, by_digit = start2, j, by_digit2
    text = flat[start:end]
    # A count between the label and the quantity (年初批复预算8个项目985万元, 危桥改造11座820万元).
    if by_digit and _CLASSIFIER_HEAD.match(squash(text)) and kind != "%":
        j = start
        while j > floor and (flat[j - 1].isdigit() or flat[j - 1] in ".,"):
            j -= 1
        start2, by_digit2 = _run_start(flat, j, floor)
        outer = squash(flat[start2:j])
        # (a count after a count is named by the words between them: 14个县区共计安排项目55个; so is
        # an amount whose words between name money: 4个区总计应上缴资金额为128.5万元)
        between = squash(text)[1:]
        run = _count_run_label(flat, start, floor) if kind in _RUN_COUNT_UNITS else None
        if len(outer) >= 2 and kind == "元" and not spec().money_label.search(between):
            start, end, by_digit = start2, j, by_digit2
        elif run is not None:
            start, end, by_digit = run
        else:
            start += len(text) - len(text.lstrip())
            start += 1  # drop the classifier
            by_digit = False
    clause = flat[start:link_end]
    return _name(flat, start, end, by_digit, clause, printed)


# People and households counted in a run of counts after one label (项目受益6个村128户500人: the villages, households
# and people the project benefits): each count whose measure word ends the run before it is named by that label.
_RUN_COUNT_UNITS = ("人", "户")
_RUN_ITEM = re.compile(r"[个户人名家所][\u3400-\u9fff]{0,2}")


def _count_run_label(flat: str, start: int, floor: int) -> tuple[int, int, bool] | None:
    """Where the label of a run of counts starts and ends, the count at ``start``'s run (``flat[start:]`` begins
    with the measure word of the count before it: 128户|500人), or None when the words between are no bare
    measure word or a short counted noun, or the label names another count (威胁总户数793户3411人)."""
    s, by_digit = start, True
    while by_digit:
        between = squash(flat[s : _run_end(flat, s)])
        if not _RUN_ITEM.fullmatch(between):
            return None
        j = s
        while j > floor and (flat[j - 1].isdigit() or flat[j - 1] in ". "):
            j -= 1
        if j == s:
            return None
        s2, by_digit = _run_start(flat, j, floor)
        if not by_digit:
            label = squash(flat[s2:j])
            if len(CJK.findall(label)) < 2 or spec().count_label.search(fold_text(label)):
                return None
            return s2, j, False
        s = s2
    return None


def _run_end(flat: str, s: int) -> int:
    """Where the words from ``s`` end: at the next digit."""
    k = s
    while k < len(flat) and not flat[k].isdigit():
        k += 1
    return k


def _name(flat: str, start: int, end: int, by_digit: bool, clause: str, printed: str | None = None) -> Label | None:
    """The name of the label run ``[start, end)``: folded for the rules, as printed (``printed``) for the record."""
    sp = spec()
    raw = flat[start:end]
    # Offsets of the squashed name's characters in the document.
    chars = [(i, ch) for i, ch in enumerate(raw, start) if not ch.isspace()]
    text = "".join(ch for _i, ch in chars)
    # Ruby glosses and asides (（以下简称“州数据发展中心”）) out.
    keep = [True] * len(text)
    for rx in (RUBY_GLOSS, _ASIDE):
        for m in rx.finditer(text):
            for k in range(m.start(), m.end()):
                keep[k] = False
    chars = [c for c, k in zip(chars, keep) if k]
    text = "".join(ch for _i, ch in chars)
    cut = 0
    if by_digit:
        tail = sp.time_tail.match(text)
        if tail:
            cut = tail.end()
    # The last connective.
    for m in sp.connectives.finditer(text, cut):
        if m.end() >= len(text):
            break  # a label ending in one (支出合计) keeps it
        if len(text) - m.end() >= sp.min_label:
            cut = m.end()
        elif m.start() >= cut:
            cut = m.start()
    # The last 的 that is not the final character.
    de = text.rfind("的", cut, len(text) - 1)
    if de >= 0 and len(text) - de - 1 >= sp.min_after_de and _bracket_depth_ok(text[de + 1 :]):
        cut = de + 1
    numbering = re.match(
        r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)", text[cut:]
    )
    if numbering:
        cut += numbering.end()  # the numbering of a heading: (一)农业科技创新发展体系建设
    while cut < len(text) and text[cut] in "、，,：: /／÷×=＝":
        cut += 1  # (and an operator between two amounts: 执行数480.5万元/全年预算数520万元 → 全年预算数)
    rest = text[cut:]
    quoted = bool(re.fullmatch(r"[“\"][^“”\"]{1,10}[”\"]", rest))
    if len(CJK.findall(rest)) < (1 if quoted else 2):
        return None
    if not quoted:
        cut += shorten(rest)
    name = text[cut:]
    link = sp.links.search(name)
    if link and link.start() > 0 and len(name) - (link.end() - link.start()) >= sp.min_label and not quoted:
        name = name[: link.start()]  # a link word left at the end (…资金共计)
        chars = chars[: cut + len(name)]
    if not _bracket_depth_ok(name) or sp.not_labels.match(name) or len(CJK.findall(name)) < (1 if quoted else 2):
        return None
    if sp.chrome_label.search(name):
        return None
    if printed is not None:
        name = "".join(printed[i] for i, _ch in chars[cut:])
    return Label(chars[cut][0], chars[-1][0] + 1, name, clause)


# ---------------------------------------------------------------------------- scope


def _under_targets(headings: list[str]) -> bool:
    """Whether the innermost section of targets (绩效目标, 年度目标) among ``headings`` (outermost
    first) is not left by a deeper heading of what was achieved (目标完成情况, 分解下达): a section of
    what was planned, to its subsections (二、绩效目标 > 1.总体目标 > (1)数量指标)."""
    sp = spec()
    for head in reversed(headings):
        key = re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?", "", head).rstrip("。：:")
        if re.search("完成|实现|分解|下达", key):
            return False
        if sp.target_heading.search(key):
            return True
    return False


@dataclass
class Scope:
    """Per block of a document: whether figures are read there (see ``patterns/figures.yaml``)."""

    ok: list[bool]
    heading: list[str]  # the innermost heading's text (or a paragraph's own run-in label)
    amounts_only: set[int] = field(default_factory=set)  # blocks whose prose amounts (元) alone are read

    @classmethod
    def of(cls, ctx: Any) -> Scope:
        """Sections as the context walks them (:meth:`Context.open_sections_where`, which gives
        :attr:`Context.roles`), except that a caption of ``patterns/figures.yaml``'s ``caption``
        (表1：…, 附图2．…, styled as a heading in some Word files) opens no section either: every
        rendering of a report gets one scope.  That pattern reaches past the captions the context
        itself refuses (附图, a number of any length, a full-width stop), which the roles, the tier
        scores and the checks read; making the two one would move those, so figures keep theirs."""
        sp = spec()
        doc: Document = ctx.doc
        ok, heads = [], []
        opened = ctx.open_sections_where(lambda i: not sp.caption.match(squash(doc.blocks[i].text)))
        names: dict[int, str] = {}  # each heading's text, folded, by its block index

        def name(h: int) -> str:
            if h not in names:
                names[h] = fold_text(squash(doc.blocks[h].text))
            return names[h]

        amounts_only: set[int] = set()
        in_targets = False  # after a lead of a list of targets (其具体绩效目标如下：), while its numbered items go on
        for i, b in enumerate(doc.blocks):
            stack = opened[i]
            text = fold_text(squash(b.text)) if b.kind != "table" else ""
            in_targets = bool(text) and (in_targets and bool(sp.list_number.match(text)))
            if in_targets:
                ok.append(False)
                heads.append(name(stack[-1]) if stack else "")
                continue
            in_targets = bool(text) and bool(sp.target_lead.search(text))
            role = next((r for h in reversed(stack) if (r := ctx.headings[h][1])), None)
            if role in sp.basic_parts and any(
                ctx.headings[h][1] == "basic" and not sp.evaluation_heading.search(name(h)) for h in stack
            ):
                role = "basic"  # a part of the basic situation (一、基本情况 > 2、人员管理): still the basic situation
            head = name(stack[-1]) if stack else ""
            own = ""
            if b.kind != "table":
                m = sp.run_in_label.match(fold_text(squash(b.text)))
                own = m.group(0) if m else ""
            heads.append(own or head)
            if role in sp.never_roles:
                ok.append(False)
                continue
            if _under_targets([name(h) for h in stack]) and not (
                b.kind != "table" and sp.project_content.search(fold_text(squash(b.text)))
            ):
                ok.append(False)
                continue
            ok.append(
                role in sp.roles or bool(sp.funds_heading.search(head)) or bool(own and sp.funds_heading.search(own))
            )
            if not ok[-1] and role in sp.amount_roles:
                # a conclusion states the programme's funds as the body does (ruling 9): its amounts
                # in prose are figures; its counts, rates and tables are the indicators' results
                ok[-1] = True
                amounts_only.add(len(ok) - 1)
        return cls(ok, heads, amounts_only)


# ---------------------------------------------------------------------------- prose


@dataclass
class Found:
    name: str
    value: int | float
    unit: str
    raw: str
    start: int
    end: int
    source: str  # prose / table / self_eval
    q: Quantity | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_PART_END = re.compile(r"[。；;!！?？\n]")


def _part_before(flat: str, pos: int, stops: re.Pattern[str] = _PART_END) -> str:
    """The words of ``pos``'s part of the sentence before it (from the last full stop, semicolon or line end;
    from the last of ``stops`` when given), at most 200 characters."""
    ends = [m.end() for m in stops.finditer(flat, max(0, pos - 200), pos)]
    return flat[ends[-1] if ends else max(0, pos - 200) : pos]


_FULL_STOP = re.compile(r"[。！!?？\n]")


def _sentence_before(flat: str, pos: int) -> str:
    """The words of ``pos``'s sentence before it (from the last full stop or line end; semicolons go on)."""
    return _part_before(flat, pos, _FULL_STOP)


def _list_run_before(flat: str, q: Quantity, clause: str) -> str:
    """The clauses before ``clause`` (``q``'s, up to it) that a list of quantities runs over after commas, with the
    clause that opens the list: 完成了3079户的收集处理，新建管道73030米，处理池131座 → from 完成 on.  Each clause
    between ends with a quantity (`list_item_end`); the first that does not is the list's head and ends the run.
    Empty when the clause before is no item of such a list."""
    sp = spec()
    part = _part_before(flat, q.start - len(clause))
    pieces = re.split(r"[，,]", part)
    if len(pieces) < 2 or pieces[-1].strip():
        return ""  # the clause does not follow a comma
    run: list[str] = []
    for piece in reversed(pieces[:-1]):
        run.append(piece)
        if not sp.list_item_end.search(piece):
            break
    if not run or not sp.list_item_end.search(run[0]):
        return ""  # the clause right before is no item of a list: its words are no list's head
    return "，".join(reversed(run))


def _count_of_work(flat: str, q: Quantity, clause: str, people: bool = False) -> bool:
    """Whether the count ``q`` (its ``clause`` before it) is what the year's work did rather than the size of
    what the money pays for (ruling 26's "out"): work completed (完成新建农村公厕50座, 已完工项目3个; not for
    people, 累计完成参保87670人 counts who the scheme covers), an honour or approval won in its sentence
    (共创评全国巾帼文明岗1个、最美家庭1个), or the evaluation's own fieldwork (实地走访8家机构, 发放问卷1006份)."""
    sp = spec()
    if not people and sp.count_done.search(clause):
        return True
    if not people and sp.count_done.search(_list_run_before(flat, q, clause)):
        return True  # an item of a list of works run on after commas (完成了…收集处理，新建管道73030米，处理池131座)
    if sp.evaluation_work.search(clause):
        return True
    return bool(sp.count_achieved.search(RUBY_GLOSS.sub("", _part_before(flat, q.start))))


_POOL_REACH = 16  # how far after a count its noun and the 中 closing 在/从…中 may run (推荐的5个项目中)


def _candidate_pool(flat: str, q: Quantity) -> bool:
    """Whether the count ``q`` is the pool of candidates a selection chose from (ruling 37: 从各县推荐的5个项目中筛选出
    4个项目, 在28个申报城市中以第6名的成绩获得示范资格): 中 after its noun, and a verb of choosing after it or words of
    applying around it.  The units an evaluation covers (在纳入评价的1852个县中…排名) are no pool: they are what is
    evaluated."""
    sp = spec()
    after = re.match(r"[^，,。；;\d]{0,%d}?中" % _POOL_REACH, flat[q.end : q.end + _POOL_REACH + 1])
    if after is None:
        return False
    if sp.pool_selected.match(flat, q.end + after.end()):
        return True
    return bool(sp.pool_applicants.search(_part_before(flat, q.start)[-12:] + after.group(0)))


def _under_target_label(flat: str, at: int, part: str | None = None) -> bool:
    """Whether the number at ``at`` is a planned or measured value under a label that says so: on an
    indicator's line (数量指标：新建农村公厕12座, 新建12个村级服务站: its target or result) or in a sentence
    opened by a run-in label of targets (绩效目标：预算执行率达到100%；…, 年度目标：覆盖12个乡镇: what was
    planned; ruling 9) — no figure of the programme.  ``part`` is ``_part_before(flat, at)`` when the caller
    has it already."""
    sp = spec()
    if part is None:
        part = _part_before(flat, at)
    return bool(sp.indicator_kind_label.search(part) or sp.target_runin.search(_sentence_before(flat, at)))


def _change_of_funds(clause: str, kind: str) -> str:
    """The clause without its closing comparison when the amount is the change of the programme's money
    (比上年度增加120万元): that change is a quantity of the funds, while the same words before any other
    quantity make it no stated figure (`not_before`)."""
    if kind != "元":
        return clause
    m = spec().funds_change.search(clause)
    return clause[: m.start()] if m else clause


def _accept(flat: str, q: Quantity, label: Label, kind: str) -> bool:
    sp = spec()
    if (
        sp.not_before.search(_change_of_funds(label.clause, kind))
        or sp.plan_before.search(label.clause)
        or sp.range_before.search(label.clause)
    ):
        return False
    part = _part_before(flat, q.start)
    if _under_target_label(flat, q.start, part):
        return False
    if kind == "%" and sp.grade_share_label.search(fold_text(label.name)) and sp.count_not_clause.search(part):
        return False  # a grade's share of the items evaluated (“优秀”的5个，占比10%)
    if kind == "元" and sp.grade_count_before.search(part):
        return False  # the money of a grade's items (21个项目评为一等，涉及资金656.93万元): an evaluation's result
    if sp.indicator_before.search(flat, max(0, label.start - 8), label.start):
        return False
    if sp.target_label.search(fold_text(label.name)):
        return False
    if kind not in ("元", "%") and (
        sp.count_not_name.search(fold_text(label.name))
        or sp.count_target_label.search(fold_text(label.name))
        or sp.count_not_clause.search(label.clause)
        or sp.output_label.search(fold_text(label.name))
    ):
        return False  # a count of indicators, or of a grade's items (ruling 26)
    if kind not in ("元", "%") and sp.ordinal_before.search(label.clause):
        return False  # an ordinal or a rank (全国第44名, 进入全国前200名), not a count
    if kind == "人" and sp.attendance_after.match(flat, q.end):
        return False  # people at a meeting or an event (专家…等20余人参加会议): who attended, not whom the money pays
    if kind not in ("元", "%") and _candidate_pool(flat, q):
        return False  # the candidates of a selection before the programme (ruling 37), not what the money pays for
    # (the clause up to the quantity, the items of a list before it included: 完成城镇移民安置帮扶项目123个、
    # 农村移民安置帮扶项目191个 — the 完成 of the list's first item is each item's)
    clause = _clause_before(flat, q, max(0, q.start - 200))
    if kind not in ("元", "%") and _count_of_work(flat, q, clause, people=kind == "人"):
        return False  # the year's work done, an honour won, the evaluation's own fieldwork (rulings 19, 26)
    if kind in sp.output_units:
        return False  # copies handed out or collected (发放宣传资料5,000份): an output of the year's work
    if kind in sp.sheet_units and not sp.sheet_label.search(fold_text(label.name)):
        return False  # sheets handed out or posted (发放宣传单5000张): an output; beds (床位800张) are the unit's size
    if kind in ("户次", "人次", "次") and not sp.paid_per_visit.search(label.clause):
        return False  # services given (上门服务126户次, 门诊48.8万人次, 宣传11次): an output, not who the money pays
    if sp.evaluation_sample.search(fold_text(label.name)):
        return False  # the evaluation's sample (抽查资金总数): not the programme's money
    name = fold_text(label.name)  # the name as printed: the patterns are written in simplified characters
    if kind == "%" and (not sp.percent_label.search(name) or sp.outcome_rate.search(name)):
        return False
    if kind == "%" and not (sp.rate_of_funds.search(name) or _states_amount_before(flat, q, max(0, q.start - 300))):
        return False  # a rate of what was achieved (完工率, 检出率, 完成任务的180%): an indicator's result
    return True


# (a comma between digits that a group of three follows is a thousands separator, inside the value: 3,256户10,987人 is
# two values glued, not 256户10 beside 987人)
_SEGMENT = re.compile(r"(?:[^，,。；;|\t\s]|(?<=\d),(?=\d{3}(?!\d))|(?<![\u3400-\u9fff])\s+|\s+(?![\u3400-\u9fff]))+")
_TOKEN = re.compile(r"\d[\d.,]*\s*(?:[万亿]?[^\s\d，,。；;、|]{0,2})?")


def _value_run_segments(flat: str, start: int, end: int) -> list[tuple[int, int]]:
    """Segments of ``flat[start:end]`` holding a run of values (100% 100% 10 10): rows of a table, not prose."""
    out = []
    token = _value_token()
    for seg in _SEGMENT.finditer(flat, start, end):
        nums = list(token.finditer(seg.group(0)))
        for a, b in zip(nums, nums[1:]):
            gap = seg.group(0)[a.end() : b.start()]
            if gap.strip():
                continue
            # Glued without a space (11座820万元) is a count and its amount, unless the units agree (26次12次);
            # so is a count spaced as a converter spaces every number (793 户 3411 人: the gap is its too).
            ua, ub = a.group("unit") or "", b.group("unit") or ""
            if gap and _spaced(a) and _spaced(b) and "\n" not in gap:
                gap = ""
            if gap or ua == ub or not (ua and ub):
                out.append((seg.start(), seg.end()))
                break
    return out


def _spaced(token: re.Match[str]) -> bool:
    """Whether a value token prints a space between its number and its unit (793 户)."""
    return bool(token.group("unit")) and token.group(0)[token.end("num") - token.start() :].startswith((" ", "\u3000"))


@lru_cache(maxsize=1)
def _value_token() -> re.Pattern[str]:
    """A value in a row of values: a number with its magnitude and unit, not a date's year or month, nor the
    number of a list's item (1、中央补助资金 300 on the line after 财政拨款 500)."""
    units = "|".join(re.escape(u) for u in sorted(spec().units, key=len, reverse=True))
    return re.compile(NUMBER + rf"(?!\d|\s*[年月日号时]|[、．.](?!\d))\s*(?:[万亿])?\s*(?P<unit>{units})?")


_BARE_MONEY = re.compile(NUMBER + r"\s*(?P<mag>万|亿)(?=[\s，,。；;、)）(（]|$)")


def _bare_money(flat: str, start: int, end: int) -> Iterator[Quantity]:
    """Amounts printed with their magnitude and no unit (中央直达资金29.6万，执行数29.6万): 元,
    when the label names money (checked by the caller)."""
    for m in _BARE_MONEY.finditer(flat, start, end):
        q = quantity_of(m, flat, spec().units)
        if q is not None:
            q.unit, q.bare_money = "元", True
            yield q


@lru_cache(maxsize=1)
def _approximate_rx() -> re.Pattern[str]:
    """A quantity with 余 / 多 between its number and its unit, before or after its magnitude (410余人, 150余万人,
    300多名, 1.2万余人, 5万多元): devset ruling 23."""
    sp = spec()
    units = "|".join(re.escape(u) for u in sorted(sp.units, key=len, reverse=True))
    mags = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    return re.compile(
        NUMBER
        + rf"(?=\s*(?:余|多)|\s*(?:{mags})\s*(?:余|多))\s*(?:余|多)?\s*(?P<mag>{mags})?\s*(?:余|多)?"
        + rf"\s*(?P<unit>{units})(?!{sp.approx_not_unit})"
    )


def _approximates(flat: str, start: int, end: int) -> Iterator[Quantity]:
    """Approximate counts of people and amounts in prose (现有小学生410余人, 总投入150余亿元), valued at the number
    printed; ``raw`` keeps the qualifier.  (Not other counts: 余 after other units cost figures false on the holdout
    half.)"""
    sp = spec()
    for m in _approximate_rx().finditer(flat, start, end):
        q = quantity_of(m, flat, sp.units)
        if q is not None and q.unit in ("人", "元"):
            yield q


# A bare number in a label:value line: no unit, magnitude or measure word after it (glued, or after spaces: 500 万元,
# 86.5 分), not a date's part (2022-03-01, 10:25), a list's number (1、) or a bracketed note ((1)).
_BARE_IN_LINE = re.compile(
    NUMBER.replace("(?<![\\d.A-Za-z])", "(?<![\\d.A-Za-z(（/\\-－])")
    + r"(?![.．、:：/／\-－—~～\w])(?![ \t\u3000]*[年月日号时分秒万亿千元%％个人项户名次余多座条所家套台辆处例])"
)


def _scale_declarations(flat: str) -> list[tuple[int, int]]:
    """(end, scale) of each scale printed apart from its numbers (单位：万元, （万元）), in text order."""
    sp = spec()
    return [(m.end(), sp.scales[m.group(1) or m.group(2)]) for m in sp.scale_declaration.finditer(flat)]


def _scaled_bare(
    flat: str,
    start: int,
    end: int,
    decls: list[tuple[int, int]],
    skip: Sequence[tuple[int, int]],
    parts: Sequence[int] = (),
) -> Iterator[Quantity]:
    """Bare numbers of label:value lines in ``flat[start:end]`` under the nearest scale printed before them
    (``decls``), within reach, with no sentence end and no part's heading (``parts``: where headings of words
    alone start, 二、项目支出明细情况) between: amounts (元) when the caller finds a label of money.  Not on a
    grid's line (bars, tabs: the grid readers'), nor in ``skip`` (grids read elsewhere)."""
    sp = spec()
    for m in _BARE_IN_LINE.finditer(flat, start, end):
        if any(s <= m.start() < e for s, e in skip):
            continue
        line0 = flat.rfind("\n", 0, m.start()) + 1
        line1 = flat.find("\n", m.end())
        line = flat[line0 : len(flat) if line1 < 0 else line1]
        if "|" in line or "\t" in line:
            continue
        before = [d for d in decls if d[0] <= m.start()]
        if not before:
            continue
        at, scale = before[-1]
        if m.start() - at > sp.scale_reach or sp.scale_breaks.search(flat, at, m.start()):
            continue
        if any(at <= p < m.start() for p in parts):
            continue
        printed = to_decimal(m.group("num"), m.group("sign"))
        if printed is None:
            continue
        dec = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
        raw = squash(flat[m.start() : m.end()])
        yield Quantity(printed * scale, "元", m.start(), m.end(), raw, printed, dec, scaled=True)


def _chinese_counts(flat: str, start: int, end: int) -> Iterator[Quantity]:
    """Counts in Chinese numerals after their label, closing its clause (所属事业单位三个，, 项目资金两项：): labelled as a
    count in digits is.  Not a count of one, nor one before a noun (``figures.yaml``'s ``chinese_count_units``)."""
    sp = spec()
    for m in sp.chinese_count.finditer(flat, start, end):
        if sp.chinese_count_end.match(flat, m.end()) is None:
            continue
        number = chinese_number(m.group("num"))
        if not isinstance(number, int) or number <= 1:
            continue
        value = Decimal(number)
        unit = sp.units.get(m.group("unit"), m.group("unit"))
        yield Quantity(value, unit, m.start(), m.end(), squash(flat[m.start() : m.end()]), value, 0)


def _chinese_amounts(flat: str, start: int, end: int) -> Iterator[Quantity]:
    """Amounts in Chinese numerals (共安排资金叁佰万元整): labelled as any amount is."""
    for value, s, e in iter_chinese_amounts(flat, start, end):
        yield Quantity(value, "元", s, e, squash(flat[s:e]), value, 0)


def _amount_in_sentence(flat: str, q: Quantity, start: int, end: int) -> bool:
    """Whether the sentence of the bare amount ``q`` (1660万, no 元) states another amount with its 元
    and the same magnitude (…美丽乡镇建设行动4492万元、城乡环境综合整治1660万、…): a list of amounts
    that drops the 元 here and there, so the bare one is money too."""
    ends = [m.end() for m in _SENTENCE_END.finditer(flat, start, q.start)]
    s0 = max([start, *ends])
    m = _SENTENCE_END.search(flat, q.end, end)
    s1 = m.start() if m else end
    return any(p.unit == "元" and p.mag == q.mag and p.start != q.start for p in iter_quantities(flat, s0, s1))


# A decimal that a line wrap split after its point (预算35. 3万元, in a document site's text: the page's line ended
# after 35.): one number when a label's character stands right before it and an amount's magnitude or 元, or a %,
# right after — not a list number before a value (1. 30万元 after a line start or a stop).
_WRAPPED_DECIMAL = re.compile(
    r"(?<=[\u3400-\u9fff])(?P<num>\d{1,6}\. \d{1,4})\s*(?:(?P<mag>万|亿)\s*)?(?P<unit>元|%|％)"
)


def _wrapped_decimals(flat: str, start: int, end: int) -> Iterator[Quantity]:
    """Amounts and rates whose decimal a wrap space split (35. 3万元), valued as printed without the space."""
    units = spec().units
    for m in _WRAPPED_DECIMAL.finditer(flat, start, end):
        num = m.group("num").replace(" ", "")
        printed = to_decimal(num)
        value = to_decimal(num, None, m.group("mag"))
        if printed is None or value is None:
            continue
        unit = units[m.group("unit")]
        if unit == "%":
            value /= 100
        dec = len(num.split(".")[1])
        yield Quantity(value, unit, m.start(), m.end(), squash(flat[m.start() : m.end()]), printed, dec, m.group("mag"))


def _merged(*runs: Iterator[Quantity]) -> list[Quantity]:
    return sorted((q for run in runs for q in run), key=lambda q: q.start)


def _without_pieces(qs: list[Quantity], wrapped: list[Quantity]) -> list[Quantity]:
    """``qs`` and the ``wrapped`` decimals, without the quantities read inside one (the 3万元 of 35. 3万元)."""
    if not wrapped:
        return qs
    inside = [q for q in qs if any(w.start <= q.start < w.end for w in wrapped)]
    return _merged(iter([q for q in qs if q not in inside]), iter(wrapped))


def _indicator_passage_start(flat: str, b: Block, before: Block | None = None) -> int | None:
    """Where a passage of goals achieved (项目目标完成情况, 实际完成情况) begins in block ``b`` (None: none):
    after such words in it, or at its start when the line before is a form's header of goals and
    no more (总体目标完成情况 | 总体目标 | 全年实际完成情况: the cells under it say what was achieved).
    (Not from a heading: a section 绩效目标完成情况 holds the funds too.)"""
    rx = spec().indicator_passage
    if before is not None:
        head = flat[before.start : before.end]
        # (the header as bars in text, or as a table of its own: a Word file's one-row table of it, or a
        # line of a few short labels set apart by spaces: 年度总体目标 年初设定目标 全年实际完成情况)
        header = _header_only(before) if before.kind == "table" else "|" in head or _label_line(head)
        if rx.search(head) and not re.search(r"\d", head) and header:
            return b.start
    m = rx.search(flat, b.start, b.end)
    return m.end() if m else None


def _label_line(text: str) -> bool:
    """Whether ``text`` is a line of two or more short labels set apart by spaces and nothing else."""
    cells = text.split()
    return len(cells) >= 2 and all(len(c) <= 12 and not re.search(r"[，,。；;：:]", c) for c in cells)


_SENTENCE_END = re.compile(r"[。；;!！?？\n]")


def _indicator_result(flat: str, q: Quantity, floor: int) -> bool:
    """Whether ``q``, standing in a passage of indicator results, is one: a count or a share, not an
    amount, nor a rate of the amount its sentence states before it (实际支出2700万元，完成率90%)."""
    if q.unit == "元":
        return False
    if q.unit != "%":
        return True
    return not _states_amount_before(flat, q, floor)


def _states_amount_before(flat: str, q: Quantity, floor: int) -> bool:
    """Whether ``q``'s sentence states an amount of money (元) before it, from ``floor`` on: a rate after it
    (实际完成2700万元，完成率达到90%; 其中中央资金1777万元，占比85.06%) is that amount's."""
    start = max([floor, *(m.end() for m in _SENTENCE_END.finditer(flat, floor, q.start))])
    amounts = [p for p in iter_quantities(flat, start, q.start) if p.unit == "元"]
    if not amounts:
        return False
    # (not when another quantity stands between: 总投资5964万元，…完成200.031公里建设任务，完工率为100% is the works')
    between = [m for m in _OTHER_NUMBER.finditer(flat, amounts[-1].end, q.start)]
    return not between


# A number that is no date's (截至9月底, 2022年12月31日): a quantity of its own between an amount and a rate.
_OTHER_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]|\s*[年月日号时点])")


_NOUN_REACH = 40  # how far after a count its noun may run (ten characters, a bracket, spaces)


def _clause_before(flat: str, q: Quantity, floor: int) -> str:
    """The words of ``q``'s clause before it (from the last comma or full stop)."""
    ends = [m.end() for m in re.finditer(r"[，,。；;：:\n]", flat[floor : q.start])]
    return flat[floor + (ends[-1] if ends else 0) : q.start]


# A count ending the clause before a comma (共辖15个行政村，): the list's item before the next count.
_LIST_COUNT_BEFORE = re.compile(r"\d+\s*[个家所户座处条项][\u3400-\u9fff]{1,10}[，,]\s*$")


def _counted(
    flat: str, doc: Document, q: Quantity, b: Block, floor: int, noun_rx: re.Pattern[str] | None
) -> Found | None:
    """A count named by the noun after its measure word (涉及5个科室, 对64户脱贫户, 为120名困难残疾人; devset
    ruling 26), or None: no noun of a counted thing (12个月), or the count is a target, an ordinal, a grade's
    (评为优的5个项目), of indicators, or of work done (50个项目已完工)."""
    sp = spec()
    m = noun_rx.match(flat[q.end : q.end + _NOUN_REACH]) if noun_rx is not None else None
    if m is None:
        return None
    clause = _clause_before(flat, q, max(b.start, floor))
    if not CJK.search(clause):
        prev = _LIST_COUNT_BEFORE.search(flat, max(b.start, floor, q.start - 40), q.start)
        tail_end = q.end + m.end(1)
        if prev is None or not re.match(r"[，,。；;]|$", flat[tail_end : tail_end + 1]):
            return None  # the count opens its clause, the subject of what follows (16个州(市)收到…, 50个项目已完工)
        # a list of counts run on after a comma (共辖15个行政村，1个社区。): the item is the list's, read in its clause
        clause = _clause_before(flat, replace(q, start=prev.start()), max(b.start, floor))
        if not CJK.search(clause):
            return None
    if sp.not_before.search(clause) or sp.ordinal_before.search(clause):
        return None
    if sp.count_not_clause.search(clause) or _count_of_work(flat, q, clause):
        return None
    if _candidate_pool(flat, q):
        return None  # 从各县推荐的5个项目中筛选出…: the candidates, not the programme's (ruling 37)
    planned = sp.plan_before.search(clause) is not None
    if _under_target_label(flat, q.start):
        return None
    s0, stop = q.end + m.start(1), q.end + m.end(1)
    if sp.counted_status.match(flat, stop, b.end):
        return None
    tail = flat[stop : stop + _NOUN_REACH]
    said = re.split(r"[，,。；;]", tail, maxsplit=1)[0]
    if sp.count_not_clause.search(said):
        return None  # 11个市均为“优秀”: a grade's count
    if sp.count_achieved.search(said):
        return None  # 5家博物馆获得省级文明单位称号, 3个乡镇获评…: honours won, the year's results (ruling 26)
    if flat.rfind("《", b.start, q.start) > flat.rfind("》", b.start, q.start):
        return None  # in a document's title (《关于2021年实施33项民生工程的通知》): the document, not the programme
    noun = "".join(doc.text[k] for k in range(s0, stop) if not doc.text[k].isspace())
    # (a mirror's glosses are no words of the noun: 設立2個一級指標(biāo) counts indicators as 一级指标 does)
    bare = fold_text(RUBY_GLOSS.sub("", noun))
    if sp.count_not_name.search(bare) or sp.count_target_label.search(bare):
        return None
    if planned and not sp.planned_noun.search(fold_text(noun)):
        return None  # a plan to build or do (计划新建12座): a target; the projects planned are counted
    start = q.start
    if sp.counted_generic.match(fold_text(noun)):
        # a bare 项目 says nothing of which: the words before say it (共扶持4个项目)
        label = label_before(flat, q.start, floor, q.unit, doc.text)
        # (not a modifier, 复核评价的50个项目, nor examples, 工作站、数据中心等8个项目)
        if label is not None and _accept(flat, q, label, q.unit) and label.name[-1] not in "的等":
            noun, start = label.name + noun, label.start
    return Found(noun, as_number(q.value), q.unit, doc.text[q.start : q.end].strip(), start, stop, "prose", q)


def _count_noun(flat: str, q: Quantity, b: Block, floor: int) -> re.Pattern[str] | None:
    """The pattern of the noun a count before it names: a thing counted (`counted_noun`), or under a verb of
    buying in the count's clause, the thing bought (购置1辆垃圾压缩车辆: `bought_noun`); None when the count's
    measure word counts neither."""
    sp = spec()
    counted = sp.counted_noun if q.unit in sp.counted_units else None
    if counted is not None and counted.match(flat[q.end : q.end + _NOUN_REACH]):
        return counted
    if q.unit in sp.bought_units and sp.bought_before.search(_clause_before(flat, q, max(b.start, floor))):
        return sp.bought_noun
    return counted


def _named_by_verb(flat: str, doc: Document, q: Quantity, b: Block, floor: int, verb: re.Match[str]) -> Found | None:
    """People counted by the verb right after the number (32062人受灾, 1500人受益: ``verb``), named by it, or None
    when the clause makes the count a target or a bound (预计1500人受益)."""
    sp = spec()
    clause = _clause_before(flat, q, max(b.start, floor))
    if sp.not_before.search(clause) or sp.plan_before.search(clause) or sp.ordinal_before.search(clause):
        return None
    if _under_target_label(flat, q.start):
        return None  # an indicator's or a target's count (数量指标：1500人受益; 年度目标：1500人受益)
    s0, stop = q.end + verb.start(1), q.end + verb.end(1)
    name = "".join(doc.text[k] for k in range(s0, stop) if not doc.text[k].isspace())
    return Found(name, as_number(q.value), q.unit, doc.text[q.start : q.end].strip(), q.start, stop, "prose", q)


def prose_figures(
    ctx: Any,
    flat: str,
    scope: Scope,
    skip: Sequence[tuple[int, int]] = (),
    grids: Sequence[MoneyGrid] = (),
) -> list[Found]:
    """Labelled quantities in the prose blocks in scope (``skip``: spans read as tables already;
    ``grids``: the money grids of the text, whose lines a scale printed apart does not reach)."""
    sp = spec()
    runs = _value_run_segments(flat, 0, len(flat))  # rows of values may run over lines (one value a line)
    doc: Document = ctx.doc
    decls = _scale_declarations(flat)
    grid_spans = [(g.start, g.end) for g in grids]
    # (a heading of words alone opens another part; a numbered label:value line read as a heading,
    # （一）财政拨款小计 6.30, does not)
    parts = [b.start for b in doc.blocks if b.kind == "heading" and not _BARE_IN_LINE.search(flat, b.start, b.end)]
    # an indicator table's header (一级指标 二级指标 三级指标 指标值 …) opens its rows, to the next heading
    headers = [m.end() for m in sp.indicator_header.finditer(flat)]
    out: list[Found] = []
    for bi, b in enumerate(doc.blocks):
        if b.kind == "table" or not scope.ok[bi]:
            continue
        floor = doc.blocks[bi - 1].start if bi > 0 and doc.blocks[bi - 1].kind != "table" else b.start
        rows = [r for r in runs + list(skip) if r[0] < b.end and r[1] > b.start]
        results_from = _indicator_passage_start(flat, b, doc.blocks[bi - 1] if bi > 0 else None)
        header = next((h for h in reversed(headers) if h < b.end), None)
        if header is not None and not any(header <= p < b.start for p in parts):
            results_from = max(header, b.start) if results_from is None else min(results_from, max(header, b.start))
        quantities = _merged(
            iter_quantities(flat, b.start, b.end),
            _bare_money(flat, b.start, b.end),
            _chinese_amounts(flat, b.start, b.end),
            _chinese_counts(flat, b.start, b.end),
            _approximates(flat, b.start, b.end),
            _scaled_bare(flat, b.start, b.end, decls, grid_spans, parts),
        )
        quantities = _without_pieces(quantities, list(_wrapped_decimals(flat, b.start, b.end)))
        starts = {x.start: x for x in quantities}
        for q in quantities:
            if any(s <= q.start < e for s, e in rows):
                continue
            if bi in scope.amounts_only and q.unit != "元":
                continue
            if results_from is not None and q.start >= results_from and _indicator_result(flat, q, b.start):
                continue  # a goal achieved (项目目标完成情况 1.…配备群测群防员95名), not the programme's figure
            after = (
                RUBY_GLOSS.sub("", flat[q.end : q.end + 24], count=1)
                if flat[q.end : q.end + 1] in "(（"
                else flat[q.end : q.end + 16]
            )
            if sp.not_after.match(after):
                continue
            if _in_value_list(flat, q, starts):
                continue
            if q.unit in sp.count_units and CJK.match(after[:1] or " "):
                counted = _counted(flat, doc, q, b, floor, _count_noun(flat, q, b, floor))
                if counted is not None:
                    out.append(counted)
                continue
            verb = sp.people_verb_after.match(after) if q.unit == "人" else None
            if verb is not None:
                named = _named_by_verb(flat, doc, q, b, floor, verb)
                if named is not None:
                    out.append(named)
                continue
            if q.unit in ("人", "人次") and sp.people_noun_after.match(after):
                counted = _counted(flat, doc, q, b, floor, sp.counted_people if q.unit == "人" else None)
                if counted is not None:
                    out.append(counted)
                continue
            label = label_before(flat, q.start, floor, q.unit, doc.text)
            if label is None and q.unit == "元":
                label = _year_part(flat, q.start, doc.text) or _money_of_counted(flat, q.start, doc.text)
            if label is None or not _accept(flat, q, label, q.unit):
                continue
            if q.bare_money and not (
                sp.money_label.search(fold_text(label.name)) or _amount_in_sentence(flat, q, b.start, b.end)
            ):
                continue
            if q.scaled and not _names_money(label.name):
                continue
            out.append(
                Found(
                    _strip_suffix(label.name) if q.scaled else label.name,
                    as_number(q.value),
                    q.unit,
                    doc.text[q.start : q.end].strip(),
                    label.start,
                    q.end,
                    "prose",
                    q,
                )
            )
    return out


def _tail_label(flat: str, pos: int, before: str, m: re.Match[str], printed: str) -> Label:
    """The label that ``m``'s first group spans in ``before``, the words that end at ``pos`` in ``flat``."""
    at = pos - len(before) + m.start(1)
    stop = pos - len(before) + m.end(1)
    return Label(at, stop, squash(printed[at:stop]), flat[at:pos])


# A year right before an amount, opening a part of the total after 其中 (其中2021年3300万元，2022年9000万元; 其中：
# 2019年35500万元；2020年30000万元): the year's share of the money, named by the year as printed.
_YEAR_PART = re.compile(r"(?:其中\s*[:：]?|[，,；;、])\s*((?:19|20)\d{2}\s*年度?)\s*$")


def _year_part(flat: str, pos: int, printed: str) -> Label | None:
    """The label of an amount at ``pos`` that a year alone names as a part of a total listed after 其中, or None."""
    sentence = _sentence_before(flat, pos)
    m = _YEAR_PART.search(sentence)
    if m is None or "其中" not in sentence[: m.end()]:
        return None
    return _tail_label(flat, pos, sentence, m, printed)


# The bare word 资金 after a clause that counts what the money covers (共涉及项目3个，资金2890.00万元; 涉及部门单位7个，
# 资金17815.56万元): the money of the things counted, named 资金 as printed.  (Alone elsewhere 资金 names nothing:
# `not_labels`.)
_COUNTED_MONEY = re.compile(r"\d\s*[个项家所户人名]\s*[，,]\s*(资金)\s*(?:总额)?\s*(?:为|共计|共|达|合计)?\s*$")


def _money_of_counted(flat: str, pos: int, printed: str) -> Label | None:
    """The label 资金 of an amount at ``pos`` right after a count of what it covers, or None."""
    part = _part_before(flat, pos)
    m = _COUNTED_MONEY.search(part)
    if m is None:
        return None
    return _tail_label(flat, pos, part, m, printed)


def _in_value_list(flat: str, q: Quantity, starts: dict[int, Quantity]) -> bool:
    """Whether ``q`` opens a list of values of one unit (比例仅为11.89%、35.34%; 分别为98%和95%): one label
    before a list names several things, and which value is whose the words do not say, so none is read."""
    joint = spec().value_list_joint.match(flat, q.end)
    nxt = starts.get(joint.end()) if joint else None
    return nxt is not None and nxt.unit == q.unit


def _names_money(name: str) -> bool:
    """Whether a label names an amount of money (预算资金, 财政拨款小计), not a rate, a score, a target or a code
    of one (预算执行率, 资金到位率得分, 项目编号): what a bare number takes a money scale under."""
    sp = spec()
    key = fold_text(_strip_suffix(name))
    return bool(sp.money_label.search(key)) and not (sp.not_figure_column.search(key) or sp.percent_label.search(key))


# ---------------------------------------------------------------------------- grids (tables, pipe lines)


@dataclass
class Cell:
    start: int
    end: int
    text: str  # folded, whitespace removed

    @property
    def empty(self) -> bool:
        return not self.text


def _cells_of_table(flat: str, b: Block) -> list[list[Cell]]:
    rows = []
    for r in b.cells():
        row = []
        for s, e, _t in r:
            row.append(Cell(s, e, squash(flat[s:e])))
        rows.append(row)
    return rows


def _pipe_rows(flat: str, doc: Document) -> list[tuple[int, list[list[Cell]]]]:
    """Runs of consecutive prose lines with cells separated by ``|`` (pages copied from web tables)."""
    runs: list[tuple[int, list[list[Cell]]]] = []
    cur: list[list[Cell]] = []
    first = -1
    for bi, b in enumerate(doc.blocks):
        if cur and b.kind != "table" and spec().indicator_kind.search(squash(fold_text(b.text))):
            continue  # an indicator's kind in a line of its own (成本指标): a cell of the grid whose bars were lost
        if b.kind == "table" or "|" not in b.text:
            if cur:
                runs.append((first, cur))
                cur = []
            continue
        for line_m in re.finditer(r"[^\n]+", flat[b.start : b.end]):
            ls = b.start + line_m.start()
            if "|" not in line_m.group(0):
                continue
            row, pos = [], ls
            for part in line_m.group(0).split("|"):
                s = pos
                pos += len(part) + 1
                text = squash(part)
                lead = len(part) - len(part.lstrip())
                row.append(Cell(s + lead, s + len(part.rstrip()), text))
            # Rows joined into one line keep their trailing empty cells: a run of them ends a row.
            parts: list[list[Cell]] = [[]]
            empties = 0
            for c in row:
                if c.empty:
                    empties += 1
                    continue
                if empties >= 3 and parts[-1]:
                    parts.append([])
                empties = 0
                parts[-1].append(c)
            if not cur:
                first = bi
            cur.extend(p for p in parts if p)
    if cur:
        runs.append((first, cur))
    return runs


def _scale_in(text: str) -> int | None:
    """The scale a header, label or caption gives bare numbers: (万元), （人）, 单位：万元 — also 单位金额：万元,
    and 单位：万元、个 (the units of a form's other columns after the amounts')."""
    sp = spec()
    alt = "|".join(sorted(sp.scales, key=len, reverse=True))
    m = re.search(rf"(?:[(（]|单位(?:金额)?\s*[:：]\s*)({alt})(?:[)）]|$|\s|[，,;；、])", text)
    return sp.scales[m.group(1)] if m else None


def _unit_of_scale(label: str) -> str | None:
    return "人" if re.search(r"[(（](?:万)?人[)）]|人数", label) else None


_WEIGHT_HEAD = re.compile(r"^[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")  # the part's weight before the label: (20分)预算数


def _strip_suffix(label: str) -> str:
    label = _WEIGHT_HEAD.sub("", label)
    return re.sub(r"[(（](?:万元|亿元|元|千元|万人|人|%|个|户|单位[：:]?[^()（）]*)[)）]", "", label).rstrip(":：")


def _cell_quantity(cell: Cell, flat: str) -> Quantity | None:
    """The cell's quantity when the cell is a number and nothing else."""
    if not cell.text:
        return None
    sp = spec()
    m = sp.bare_number.search(flat, cell.start, cell.end)
    if m is None or squash(flat[cell.start : m.start()]) or squash(flat[m.end() : cell.end]):
        return None
    return quantity_of(m, flat, sp.units)


def _is_label(cell: Cell) -> bool:
    """Words, not a value: the digits of a bracketed formula (预算执行率(B/A×100%)) or of a year
    (2023年实际在职人数) do not count."""
    bare = re.sub(r"[(（][^()（）]*[)）]|(?<!\d)(?:19|20)\d\d年", "", cell.text)
    return bool(cell.text) and len(CJK.findall(bare)) >= 2 and not re.search(r"\d{3,}", bare)


def _money_value(q: Quantity, label: str, scale: int | None, money_hint: bool) -> tuple[Decimal, str] | None:
    """Value and unit of a bare table number under ``label`` with the table's ``scale``."""
    sp = spec()
    if q.unit == "%":
        return q.value, "%"
    if q.unit:
        return q.value, q.unit
    if q.mag:  # 3359.62万 in a money column (of a table in 万元 or not): its own scale
        return (q.value, "元") if (money_hint or scale is not None or sp.money_label.search(label)) else None
    own = _scale_in(label)
    if own is None and q.decimals == 0 and sp.people_label.search(RUBY_GLOSS.sub("", label)):
        return q.value, "人"
    if re.search(r"率|比例|占比|比重", label):
        # (a column marked (%) prints percents, 0.08 too: 资金结余率(%) | 0.08 is 0.08%)
        return (q.value if _fraction(q) and not re.search(r"[(（][%％][)）]", label) else q.value / 100), "%"
    if own is not None:
        return q.value * own, (_unit_of_scale(label) or "元")
    if scale is not None and (money_hint or sp.money_label.search(label)):
        return q.value * scale, "元"
    return None


def _list_header(header: list[Cell] | None) -> bool:
    """Whether a grid's header is a list's (序号 | 项目名称 | 金额): its rows are items, numbered."""
    return header is not None and bool(header) and bool(spec().numbering_column.match(header[0].text))


def _form_field_or_value(header: list[Cell], h: int) -> bool:
    """Whether ``header[h]`` is a form's field label or the value beside one (项目名称 | 敬老院运行经费):
    the row above is a form's fields, not a number's column header.  A cell naming an amount with its
    unit (项目名称 | 计划投资（万元）, 资金名称 | 下达金额（元）) is a column's label, never a field's value."""
    sp = spec()
    if _scale_in(header[h].text) is not None and sp.money_label.search(header[h].text):
        return False
    if _list_header(header):
        return False  # (序号 | 乡镇名称 | 项目名称 | 金额: a list's header, whose 项目名称 is a column of names)
    return bool(sp.form_field.search(header[h].text) or (h > 0 and sp.form_field.search(header[h - 1].text)))


def funds_row_name(label: str | None) -> str | None:
    """What a funds row names its figures by — ONE rule for the 自评表's form reader
    (:func:`self_eval_figures`) and the grid reader (:func:`grid_figures`), so two renderings of
    one form list the same rows (devset ruling 24(c)):

    - ``""`` for the total row (no label, 年度资金总额, 合计): its figures are named by their column;
    - ``None`` for a group's heading (按收入性质分：2456.18): it repeats the total, its parts follow;
    - else the part's label without 其中 (其中：财政拨款 → 财政拨款).

    A part row gives every amount it prints and the rate it prints, like the total: the only part
    repeating the total's numbers, a part of zeros (a printed 0 is a value), a part executed at
    the total's rate alike — the row says where the money came from. Its empty cells and dashes
    state nothing (the readers give no quantity for them)."""
    sp = spec()
    if label is None or sp.total_row.match(label):
        return ""
    if sp.self_eval_group.match(label):
        return None
    return _part_label(label)


def _part_label(label: str) -> str:
    """A row's label without the 其中 that marks it a part (其中：财政拨款, 其中 财政拨款 → 财政拨款): what
    :func:`funds_row_name` names a part by, and the words :func:`grid_figures` looks for a money word in
    (a total row's label too: 年度资金总额 says its numbers are money)."""
    return re.sub(r"^其中\s*[:：]?", "", label).rstrip(":：")


def _row_figure_name(row: str, column: str) -> str:
    """A funds row's figure name: the column for the total row, else the row's part and the column."""
    return f"{row} {column}" if row else column


def _numbering_cells(header: list[Cell] | None, qs: list[Quantity | None]) -> list[int]:
    """The cells of a row that hold a whole number under the header's 序号 (or 编号) column."""
    if header is None:
        return []
    sp = spec()
    return [
        j
        for j, q in enumerate(qs)
        if q is not None
        and j < len(header)
        and q.decimals == 0
        and not q.unit
        and sp.numbering_column.match(header[j].text)
    ]


def _other_words(texts: list[str], qs: list[Quantity | None], header: list[Cell] | None, first: int | None) -> bool:
    """Whether a row holds words beside its label and its remarks (1 | M1.工业企业转型升级 | M102.战略性产业
    集群 | 70.00 | 70.00 | 注2): a numbered row that names itself twice is a list of items, its cells
    not one per column — no column reads it."""
    return any(
        t and qs[j] is None and j != first and CJK.search(t) and not _remark_cell(header, j)
        for j, t in enumerate(texts)
    )


def _remark_cell(header: list[Cell] | None, j: int) -> bool:
    """Whether cell ``j`` of a row stands under the header's column of remarks or reasons (备注, 说明)."""
    return header is not None and j < len(header) and bool(spec().remark_column.search(header[j].text))


def _list_name_cell(header: list[Cell] | None, row: list[Cell], labels: list[int]) -> int | None:
    """The cell of a list's row under the header's column of item names (项目名称), when the row holds
    other words as well (the implementing unit, the place, what is built): the row's name."""
    if header is None or len([j for j in labels if not _remark_cell(header, j)]) < 2:
        return None
    sp = spec()
    return next(
        (j for j, h in enumerate(header) if j in labels and sp.list_name_column.match(_strip_suffix(h.text))),
        None,
    )


def _list_amount_column(cell: Cell) -> bool:
    """Whether a list's header cell names an amount or its rate (金额（万元）, 下达资金, 执行率), not the
    words of an item (实施单位, 建设内容)."""
    sp = spec()
    return not sp.form_field.search(cell.text) and bool(
        sp.money_label.search(cell.text) or _scale_in(cell.text) or re.search(r"率|比例|占比", cell.text)
    )


def grid_figures(
    flat: str, rows: list[list[Cell]], caption: str, row_base: int = 0, money_columns: frozenset[int] = frozenset()
) -> list[Found]:
    """Figures of one grid: label → value on its right, header → value below (see module doc).
    ``rows`` are the grid's rows above any indicator header: the callers cut them (:func:`_before_indicators`).
    ``money_columns``: the header's columns the caller knows hold money (a money grid's 小计 among budgets)."""
    sp = spec()
    out: list[Found] = []
    header: list[Cell] | None = None
    value_cols: set[int] = set()  # the header's columns that the rows under it hold numbers in
    scale = _scale_in(caption)
    # (a scale whose caption names money — 项目支出明细情况（单位金额：万元） — makes the table's bare numbers money)
    scale_money = scale is not None and _money_caption(caption)
    for row in rows:
        if any(sp.indicator_kind.search(c.text) for c in row):
            continue  # an indicator's row (产出指标 | 数量指标 | 受助学生人数 | 14726): target and result
        texts = [c.text for c in row]
        qs = [_cell_quantity(c, flat) for c in row]
        if scale_money:
            out += _cell_pairs(flat, row, qs, scale)
        # A row's number in a 序号 column (序号 | 项目名称 | 金额（万元） over 1 | 村道硬化 | 120): no
        # value and no label — the row is named by the words after it.
        numbered = _numbering_cells(header, qs)
        for j in numbered:
            texts[j], qs[j] = "", None
        nums = [j for j, q in enumerate(qs) if q is not None]
        labels = [j for j, c in enumerate(row) if qs[j] is None and _is_label(c)]
        row_scale = _scale_in("".join(texts))
        if row_scale:
            scale = row_scale
            scale_money = _money_caption("".join(texts))
        if not nums:
            if len(labels) >= 2:
                header, value_cols = row, set()
            elif len([t for t in texts if t]) <= 1:
                header = None  # a section line: what follows has a new header
            continue
        cols = sorted(value_cols)  # (before this row's own)
        if header is not None:
            value_cols |= {
                j for j in nums if j < len(header) and not sp.not_figure_column.search(fold_text(header[j].text))
            }
        # Column mode: a row label in the first cell, numbers under header labels — and words in the
        # row only under a column of remarks (备注 | 已完成), which say nothing of the numbers.
        first = next((j for j, t in enumerate(texts) if t), None)
        column_mode = (
            header is not None
            and first is not None
            and first in labels
            and [j for j in labels if not _remark_cell(header, j)] == [first]
            and not (numbered and _other_words(texts, qs, header, first))
            and not _scale_in(row[first].text)
        )
        # A list's row (序号 | 项目名称 | 实施单位 | 金额（万元） over 1 | 村道硬化 | 城关镇人民政府 | 120): words
        # beside its name say who or where, not what the number is — named by its cell under 项目名称.
        listed = None if column_mode else _list_name_cell(header, row, labels)
        if listed is not None:
            first = listed
        # A header row that lost its corner cell to the line before (资金投入情况(万元) |, then
        # 全年预算数 | 全年执行数 | 执行率): its labels sit one cell left of their numbers.
        shift = 0
        if (
            column_mode
            and header is not None
            and first == 0
            and header[0].text
            and _is_label(header[0])
            and sp.money_label.search(header[0].text)
            and len([c for c in header if c.text]) == len(nums)
            and nums == list(range(1, len(nums) + 1))
        ):
            shift = 1
        # A total row whose label cell spans the columns before the values (合计 | 12,267.66 | 91.01 |
        # 12,358.67 under 序号 | 财政事权 | 政策任务 | 预算额度 | 调整额度 | 实际安排额度): its values sit
        # in the columns the rows above hold numbers in, in order — whether the row is shorter than
        # the header (bars in text) or ends in empty cells (a real table's grid).
        under = {j: j - shift for j in nums}
        filled = max(j for j, c in enumerate(row) if c.text) + 1
        if (
            column_mode
            and header is not None
            and first == 0
            and sp.total_row.match(texts[0])
            and filled < len(header)
            and len(cols) == len(nums)
            and cols != nums
        ):
            under = dict(zip(nums, cols))
        # What a row under the header names its figures by: funds_row_name, the form reader's rule.
        by_column = column_mode or listed is not None
        rowname = funds_row_name(_strip_suffix(row[first].text)) if by_column and first is not None else ""
        for j in nums:
            q = qs[j]
            assert q is not None
            h = under[j]
            if (
                by_column
                and first is not None
                and header is not None
                and h < len(header)
                and _is_label(header[h])
                and not _form_field_or_value(header, h)
                and (listed is None or _list_amount_column(header[h]))
            ):
                col = header[h].text
                if rowname is None or sp.not_figure_column.search(col):
                    continue  # (a group's heading repeats the total)
                rowlab = _part_label(_strip_suffix(row[first].text))  # (其中：中央财政资金: a part)
                # (an item's name says nothing of the columns: 村道硬化补助 makes no column money)
                hint = sp.money_label.search(col if listed is not None else rowlab + col)
                mv = _money_value(q, col, scale, bool(hint) or h in money_columns)
                if mv is None:
                    continue
                colname = _strip_suffix(re.sub(sp.column_suffix + "$", "", col) if not _scale_in(col) else col)
                colname = _strip_suffix(colname)
                if not rowname and sp.not_labels.match(colname) and first is not None and _is_label(row[first]):
                    # (a total under a column that names nothing by itself, 合计 | 100 under 金额: 合计 金额)
                    name = _row_figure_name(_part_label(_strip_suffix(row[first].text)), colname)
                else:
                    name = _row_figure_name(rowname, colname)
                out.append(
                    Found(
                        name,
                        as_number(mv[0]),
                        mv[1],
                        q.raw,
                        row[first].start,
                        q.end,
                        "table",
                        q,
                        {"row": rowlab, "column": colname},
                    )
                )
            elif j > 0 and qs[j - 1] is None and _is_label(row[j - 1]):
                lab = row[j - 1].text
                if sp.not_figure_column.search(fold_text(lab)) or sp.evaluation_sample.search(fold_text(lab)):
                    continue
                if header is not None and j < len(header) and sp.not_figure_column.search(fold_text(header[j].text)):
                    continue  # under a column of targets or scores (指标值 | 100%)
                # (其它 | 127.8 after 省财政 | 550.0, 市财政 | 1,811.6: the rest of the money, as the parts before it)
                rest = bool(sp.other_part.match(_strip_suffix(lab))) and bool(out) and out[-1].unit == "元"
                # (an item's row under a caption of money in a scale: 1、联检大楼修缮改造工程 | 796.49 under
                # 项目支出明细情况（单位金额：万元）; not a count's label, 项目个数 | 5)
                listed_money = scale_money and not sp.count_label.search(_strip_suffix(lab))
                mv = _money_value(q, lab, scale, rest or listed_money)
                if mv is None:
                    continue
                if mv[1] == "%" and (
                    not sp.percent_label.search(fold_text(_strip_suffix(lab)))
                    or sp.outcome_rate.search(fold_text(_strip_suffix(lab)))
                ):
                    continue
                out.append(
                    Found(
                        _part_label(_strip_suffix(lab)),  # (其中：中央补助 | 397: the part, as a column's row is named)
                        as_number(mv[0]),
                        mv[1],
                        q.raw,
                        row[j - 1].start,
                        q.end,
                        "table",
                        q,
                        {"row": _strip_suffix(lab), "column": None},
                    )
                )
    return out


def _money_caption(text: str) -> bool:
    """Whether ``text`` is a caption declaring the scale of a table of money: a unit line (单位：万元, 单位金额：万元)
    with words naming money (项目支出明细情况（单位金额：万元）) — not a column's label with its unit (预算资金（万元）)."""
    return bool(re.search(r"单位(?:金额)?\s*[:：]", text)) and bool(spec().money_label.search(text))


_CELL_PAIR = re.compile(r"([\u3400-\u9fff]{2,12})[:：]\s*" + NUMBER + r"(?![\d.%％]|\s*[万亿千元个人项户%])")


def _cell_pairs(flat: str, row: list[Cell], qs: list[Quantity | None], scale: int | None) -> list[Found]:
    """Amounts of a cell of label:value pairs in a table of money in a scale (具体内容 | 主体工程款:723.67
    管理费:72.82 under 项目支出明细情况（单位金额：万元）): each pair a figure named by its label, when the label
    names money."""
    sp = spec()
    out: list[Found] = []
    for c, q0 in zip(row, qs):
        if q0 is not None or not c.text:
            continue
        for m in _CELL_PAIR.finditer(flat, c.start, c.end):
            label = m.group(1)
            if not sp.money_label.search(label) or sp.not_figure_column.search(label):
                continue
            q = quantity_of(m, flat, sp.units)
            if q is None:
                continue
            q.start = m.start("num") - (1 if m.group("sign") else 0)
            q.raw = squash(flat[q.start : m.end()])
            mv = _money_value(q, label, scale, True)
            if mv is None:
                continue
            out.append(
                Found(
                    label,
                    as_number(mv[0]),
                    mv[1],
                    q.raw,
                    m.start(1),
                    m.end(),
                    "table",
                    q,
                    {"row": label, "column": None},
                )
            )
    return out


# ---------------------------------------------------------------------------- cells one a line

_STACK_UNIT = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?(?:万元|亿元|千元|元|万人|人|%|％)\s*[)）]")
_STACK_LABEL_MAX = 24


def _stack_kind(line: str) -> str:
    """What one line of a table flattened one cell a line is: label, unit, value or other."""
    t = squash(line)
    if not t:
        return "blank"
    if _STACK_UNIT.fullmatch(t):
        return "unit"
    if re.fullmatch(r"(?:" + _STACK_UNIT.pattern + r")?-?[\d,]+(?:\.\d+)?%?", t):
        return "value"
    if len(CJK.findall(re.sub(r"\d+[年月日号]|[起至止到自—－-]", "", t))) < 2:
        return "other"  # a date or a period (2021年1月起至2021年12月止): no label over the cells below
    if spec().indicator_kind.search(fold_text(t)):
        return "other"  # an indicator's kind (数量指标): its row's numbers are a target and a result
    if (
        len(t) <= _STACK_LABEL_MAX
        and len(CJK.findall(t)) >= 2
        and not re.search(r"[。，,；;！？!?：:]|(?<!\d)\d{3,}(?![\d年])", t)
    ):
        return "label"
    return "other"


def stacked_rows(
    flat: str, doc: Document, scope: Scope, skip: Sequence[tuple[int, int]] = ()
) -> list[tuple[str, list[list[Cell]]]]:
    """Label–value pairs of a table flattened one cell a line, as two-cell rows for :func:`grid_figures`,
    each run with the line before it as caption.

    Two shapes: a label, its unit on a line of its own or before the number (``(万元)``),
    then the number (计划投资额 / (万元)18821.06); and k labels, then k numbers (编制数 /
    实际在职人数 / 控制率 / 46 / 50 / 108.70%).  Only lines with nothing else on them count.
    """
    lines: list[tuple[int, int, str]] = []  # (start, end, kind); a table or a skipped span breaks the run
    for bi, b in enumerate(doc.blocks):
        if b.kind == "table" or not scope.ok[bi] or bi in scope.amounts_only:
            lines.append((b.start, b.start, "other"))
            continue
        for m in re.finditer(r"[^\n]+", flat[b.start : b.end]):
            s, e = b.start + m.start(), b.start + m.end()
            kind = "other" if b.kind == "heading" or any(a <= s < z for a, z in skip) else _stack_kind(m.group())
            if kind != "blank":
                lines.append((s, e, kind))
    out: list[tuple[str, list[list[Cell]]]] = []

    def cell(s: int, e: int) -> Cell:
        lead = len(flat[s:e]) - len(flat[s:e].lstrip())
        return Cell(s + lead, e, squash(flat[s:e]))

    def value_cells(s: int, e: int) -> tuple[str, Cell]:
        """The unit printed before the number (``(万元)18821.06``), and the number's cell."""
        m = _STACK_UNIT.match(flat, s + len(flat[s:e]) - len(flat[s:e].lstrip()))
        if m is None:
            return "", cell(s, e)
        return squash(m.group()), cell(m.end(), e)

    k = 0
    while k < len(lines):
        caption = squash(flat[lines[k - 1][0] : lines[k - 1][1]]) if k > 0 else ""
        # shape 1: label, optional unit line, value — repeated
        rows: list[list[Cell]] = []
        j = k
        # (not the last label of a header run, nor a label over a row of several numbers: 指标值 / 实际值)
        while j + 1 < len(lines) and lines[j][2] == "label" and not (j == k and k > 0 and lines[k - 1][2] == "label"):
            unit = ""
            v = j + 1
            if lines[v][2] == "unit" and v + 1 < len(lines):
                unit, v = squash(flat[lines[v][0] : lines[v][1]]), v + 1
            if lines[v][2] != "value" or (v + 1 < len(lines) and lines[v + 1][2] == "value"):
                break
            own_unit, num = value_cells(lines[v][0], lines[v][1])
            lab = cell(lines[j][0], lines[j][1])
            rows.append([Cell(lab.start, lab.end, lab.text + (unit or own_unit)), num])
            j = v + 1
        if rows:
            out.append((caption, rows))
            k = j
            continue
        # shape 2: k labels, then k values
        j = k
        while j < len(lines) and lines[j][2] == "label":
            j += 1
        width = j - k
        if (
            width >= 2
            and j + width <= len(lines)
            and all(lines[v][2] == "value" for v in range(j, j + width))
            and (j + width == len(lines) or lines[j + width][2] != "value")
        ):
            pairs = []
            for a, v in zip(range(k, j), range(j, j + width)):
                own_unit, num = value_cells(lines[v][0], lines[v][1])
                lab = cell(lines[a][0], lines[a][1])
                pairs.append([Cell(lab.start, lab.end, lab.text + own_unit), num])
            out.append((caption, pairs))
            k = j + width
            continue
        k += 1
    return out


# ---------------------------------------------------------------------------- 自评表 in text


@dataclass
class Column:
    kind: str  # money / rate / other
    name: str
    start: int
    end: int


@dataclass
class SelfEvalRow:
    label: str | None
    label_start: int | None
    values: list[tuple[Column, Quantity | None]]  # placeholders are None
    group: int = 0  # parts in different groups (按收入性质分 / 按支出性质分) add up to the total separately


@dataclass
class SelfEvalBlock:
    columns: list[Column]
    rows: list[SelfEvalRow]
    scale: int | None
    start: int


_GAP = re.compile(r"(?:[\s|:：]|[A-Za-z](?=\d))*")  # between values (an OCR letter glued to a digit: O76%)
# (a dash ends a row also when the next row's label is glued to it, the line break lost: …90% —上年结转资金)
_VALUE = re.compile(
    NUMBER.replace("(?<![\\d.A-Za-z])", "(?<![\\d.])")
    + r"\s*(?P<mag>万|亿)?\s*(?P<unit>%|元)?|(?P<dash>(?<![\w])[/／—–－-]{1,2}(?![\dA-Za-z_]))"
)


def _column_kind(text: str) -> str:
    for kind, rx in spec().columns:
        if rx.fullmatch(re.sub(spec().column_suffix + "$", "", text)):
            return kind
    return "other"


def self_eval_blocks(
    flat: str, start: int = 0, end: int | None = None, past_notes: bool = False
) -> list[SelfEvalBlock]:
    """自评表 money blocks in ``flat[start:end]``: column-label runs and the rows of values after them (with
    ``past_notes``, also the rows under the form's numbered notes in the total row's last cell: the checks read
    them; the figures do not yet, see :data:`_NOTES_CELL`)."""
    sp = spec()
    end = len(flat) if end is None else end
    out: list[SelfEvalBlock] = []
    pos = start
    while pos < end:
        m = sp.column_run.search(flat, pos, end)
        if m is None:
            break
        cols = [Column(_column_kind(squash(m.group(0))), squash(m.group(0)), m.start(), m.end())]
        j = m.end()
        while True:
            gap = re.compile(r"[\s|]*").match(flat, j, end)
            k = gap.end() if gap else j
            n = sp.column_run.match(flat, k, end)
            if n is None or n.end() == n.start():
                break
            cols.append(Column(_column_kind(squash(n.group(0))), squash(n.group(0)), n.start(), n.end()))
            j = n.end()
        pos = j
        if len(cols) < 2 or not any(c.kind in ("money", "rate") for c in cols):
            continue
        # A label carrying a unit and followed by more money labels is the group's caption (年度预算数(万元)).
        scale = _scale_in(flat[max(start, cols[0].start - 60) : j])
        if scale is None:  # the form's own unit line above its header (主管部门(盖章)：   单位：万元)
            scale = _unit_line_scale(flat[max(start, cols[0].start - _UNIT_LINE_REACH) : cols[0].start])
        # (not when every label carries its own unit: 年初预算数(万元) / 全年执行数(万元) are columns)
        while len(cols) > 1 and _scale_in(cols[0].name) and cols[1].kind == "money" and not _scale_in(cols[1].name):
            cols = cols[1:]
        rows = _rows_after(flat, j, end, cols, scale, past_notes)
        if rows:
            out.append(SelfEvalBlock(cols, rows, scale, cols[0].start))
            pos = max(pos, rows[-1].values[-1][1].end if rows[-1].values and rows[-1].values[-1][1] else pos)
    return out


def deglossed_self_eval_blocks(prose: str) -> list[SelfEvalBlock]:
    """The 自评表 funds blocks of a mirror copy whose characters carry pinyin glosses (预(yù)算數(shù)(A)
    執(zhí)行數(shù)(B)): read with the glosses dropped, every offset mapped back to the document's."""
    clean, at = without_glosses(prose)
    if clean == prose:
        return []

    def moved(q: Quantity | None) -> Quantity | None:
        return None if q is None else replace(q, start=at(q.start), end=at(q.end - 1) + 1)

    out = []
    for blk in self_eval_blocks(clean):
        cols = {id(c): replace(c, start=at(c.start), end=at(c.end)) for c in blk.columns}
        rows = [
            replace(
                r,
                label_start=None if r.label_start is None else at(r.label_start),
                values=[(cols[id(c)], moved(q)) for c, q in r.values],
            )
            for r in blk.rows
        ]
        out.append(replace(blk, columns=list(cols.values()), rows=rows, start=at(blk.start)))
    return out


_UNIT_LINE_REACH = 400  # how far above a 自评表's column labels its 单位：万元 line may stand


def _unit_line_scale(text: str) -> int | None:
    """The scale of the last 单位：万元 in ``text`` (a form's unit line, not a bracketed (万元))."""
    sp = spec()
    alt = "|".join(sorted(sp.scales, key=len, reverse=True))
    found = re.findall(rf"单位(?:金额)?\s*[:：]\s*({alt})(?![\u3400-\u9fff])", text)
    return sp.scales[found[-1]] if found else None


def _rows_after(
    flat: str, pos: int, end: int, cols: list[Column], scale: int | None = None, past_notes: bool = False
) -> list[SelfEvalRow]:
    sp = spec()
    rows: list[SelfEvalRow] = []
    i = pos
    first = True
    group = 0
    words_last = _words_column(cols)
    while i < end and len(rows) < 16:
        ws = _GAP.match(flat, i, end)
        i = ws.end() if ws else i
        if rows and words_last:
            # the last row's 得分计算方法 cell, or the form's numbered notes printed in its 原因 cell
            said = _SAID_IN_WORDS.match(flat, i, end) or (_NOTES_CELL.match(flat, i, end) if past_notes else None)
            if said:
                ws = _GAP.match(flat, said.end(), end)
                i = ws.end() if ws else said.end()
        label, lstart = None, None
        lm = sp.self_eval_row.match(flat, i, min(end, i + 24))
        if lm:
            label, lstart = squash(lm.group(0)), lm.start()
            i = lm.end()
            rest = sp.self_eval_row_rest.match(flat, i, end) if sp.self_eval_row_cut.search(label) else None
            if rest:  # one cell's words wrapped, the flattening leaving a space in them (当年财政 拨款)
                label, i = label + rest.group(1), rest.end()
        elif not first:
            break
        vals: list[tuple[int, Quantity | None]] = []
        while i < end:
            ws = _GAP.match(flat, i, end)
            k = ws.end() if ws else i
            vm = _VALUE.match(flat, k, end)
            if vm is None or vm.end() == vm.start() or _NOTES_CELL.match(flat, k, end):
                break
            if vm.group("dash"):
                vals.append((vm.start(), None))
            else:
                q = quantity_of(vm, flat, {"%": "%", "元": "元"})
                if q is not None and q.mag and q.unit != "元" and MAGNITUDES[q.mag] != scale:
                    q = None  # 4753.66万 without 元: not a value of the form (unless the form is in 万元)
                vals.append((vm.start(), q))
            i = vm.end()
        # (the total row is the first that printed values: a label alone on its line — 年度财政 over 资金总额,
        # one cell's words split — is no row to split the next into)
        glued = _glued(flat, vals, cols, next((r for r in rows if r.values), None))
        if glued is not None:
            vals, i = glued
        first = False
        if label is not None and sp.self_eval_group.match(label):
            group += 1
        if not vals:
            if label is None:
                break
            rows.append(SelfEvalRow(label, lstart, [], group))
            continue
        qs = [q for _p, q in vals]
        total = rows[0] if rows and rows[0].values else None
        rows.append(SelfEvalRow(label, lstart, _part_aligned(cols, qs, total) or _align(cols, qs), group))
    return [r for r in rows if r.values]


def _part_aligned(
    cols: list[Column], vals: list[Quantity | None], total: SelfEvalRow | None
) -> list[tuple[Column, Quantity | None]] | None:
    """A part row's values under the form's money and rate columns, when the row prints exactly one value
    for each of them and the total row above it filled a column of scores (分值, 得分) the part leaves out
    (年度资金总额 115.00 32.00 32.00 10 100.00 10 over 其中：当年财政拨款 115.00 32.00 32.00 100.00): the part's
    last number is its 执行率, not the 分值 the total row prints there (devset ruling 24(c)).  None otherwise."""
    if total is None or len(vals) >= len(cols):
        return None
    if not any(c.kind == "other" and q is not None for c, q in total.values):
        return None
    own = [c for c in cols if c.kind != "other"]
    if len(vals) != len(own) or not _fits(own, vals):
        return None
    pairs = list(zip(own, vals))
    rate = next((q for c, q in pairs if c.kind == "rate" and q is not None), None)
    if rate is not None and rate.unit != "%" and not _rate_agrees(pairs, rate):
        return None  # a bare number there that is not spent ÷ budget: a score the part prints, not its rate
    return pairs


def _rate_agrees(pairs: list[tuple[Column, Quantity | None]], rate: Quantity) -> bool:
    """Whether a bare number under the rate column is the row's 执行数 ÷ its last budget, in percent (0 of 0 is 0)."""
    money = [(c.name, q.printed) for c, q in pairs if c.kind == "money" and q is not None]
    spent = next((v for n, v in money if re.search("执行|支出", n)), None)
    budget = next((v for n, v in reversed(money) if not re.search("执行|支出", n)), None)
    if spent is None or budget is None:
        return False
    if budget == 0:
        return spent == 0 and rate.printed == 0
    return abs(spent / budget * 100 - rate.printed) <= 1


# A cell of words that ends a row of a 自评表 whose last column holds words (得分计算方法: 执行率*该指标分值，最高不得超过
# 分值上限。): a sentence with no number, up to its full stop.
_SAID_IN_WORDS = re.compile(r"[^\d\n|。:：]{4,60}。")
# The form's notes in the cell after the total row's score (1.预算执行率=预算执行数/调整后预算数，…；2.年中发生预算调整的…):
# their first ordinal is no value of the row, and the rows under them go on after the cell.  (The figures do not
# read those rows yet: the one dev item printing the notes, sichuan-qingshen-2023, expects its total row's figures
# alone, where ruling 24(c) names each 其中 row's amounts too — left to the expectations' owner.)
_NOTES_CELL = re.compile(r"1\s*[.．、](?=[\u4e00-\u9fff])[^\n|]*")
_WORDS_COLUMN = re.compile(r"计算方法|原因|说明")


def _words_column(cols: list[Column]) -> bool:
    """Whether the form's last column holds words, not numbers (得分计算方法, 偏差原因): a row's cell under it
    is a sentence that the next row's label follows."""
    return bool(cols) and cols[-1].kind == "other" and bool(_WORDS_COLUMN.search(cols[-1].name))


_PIECE = re.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?%?")
_GLUED_RUN = re.compile(r"[\d.%]{4,}")


def _glued(
    flat: str, vals: list[tuple[int, Quantity | None]], cols: list[Column], total: SelfEvalRow | None
) -> tuple[list[tuple[int, Quantity | None]], int] | None:
    """A row whose numbers were printed without spaces (202010100.00%10: 20, 20, 10, 100.00%, 10),
    split the one way that the form allows: a rate that is 执行数 ÷ 预算数, a score within its
    weight; a part row (其中…) split into the total row's values.  None when not glued, or not one way."""
    if not vals or vals[0][1] is None:
        return None
    start = vals[0][0]
    run = _GLUED_RUN.match(flat, start)
    if run is None:
        return None
    text = run.group(0)
    parsed = [q for _p, q in vals if q is not None]
    plausible = all(not (q.unit == "%" and q.value > 10) for q in parsed) and len(vals) > 1
    # Without a % sign a total row is split only when its run is no one number (1.561.56120: 1.56 | 1.56 |
    # 1 | 20, the rate printed as a fraction) and the form has a rate column to confirm the cut.
    bare = "%" not in text and total is None
    if plausible or bare and (parsed[0].end >= start + len(text) or not any(c.kind == "rate" for c in cols)):
        return None
    kinds = [c.kind for c in cols]
    found: list[list[str]] = []
    steps = [0]  # every way of cutting is tried (a six-column row of 29 digits has ~500), within a budget

    def rec(pos: int, idx: int, acc: list[str]) -> None:
        steps[0] += 1
        if len(found) > 5000 or steps[0] > 50000:
            return
        if pos == len(text):
            if len(acc) >= 2:
                found.append(list(acc))
            return
        if idx >= len(kinds):
            return
        for end in range(pos + 1, min(len(text), pos + 14) + 1):
            piece = text[pos:end]
            if not _PIECE.fullmatch(piece):
                continue
            if piece.endswith("%") != (kinds[idx] == "rate" and "%" in text):
                continue
            acc.append(piece)
            rec(end, idx + 1, acc)
            acc.pop()

    rec(0, 0, [])
    good = []
    for pieces in found:
        values = [Decimal(p.rstrip("%")) for p in pieces]
        named = {c.name: v for c, v in zip(cols, values)}
        if total is not None:  # a part row: the same numbers as the total row
            want = [q.printed if q else None for _c, q in total.values[: len(values)]]
            if values == want:
                good.append(pieces)
            continue
        money = [(c.name, v) for c, v in zip(cols, values) if c.kind == "money"]
        rate = next((v for c, v in zip(cols, values) if c.kind == "rate"), None)
        spent = next((v for n, v in money if re.search("执行|支出", n)), None)
        budget = next((v for n, v in money if not re.search("执行|支出", n)), None)
        if rate is None or spent is None or not budget:
            continue
        places = Decimal(1).scaleb(-(len(str(rate).split(".")[1]) if "." in str(rate) else 0)) / 2
        if bare and (not rate or not spent):
            continue  # a rate of 0 confirms no cut of a run without a % sign
        as_fraction = bare and abs(spent / budget - rate) <= places + Decimal("1e-9")
        if abs(spent / budget * 100 - rate) > places + Decimal("1e-9") and not as_fraction:
            continue
        weight = next((v for n, v in named.items() if re.search("分值|权重", n)), None)
        score = next((v for n, v in named.items() if re.search("得分", n)), None)
        if weight is not None and (weight > 30 or (score is not None and score > weight)):  # 预算执行 weighs 10 (20)
            continue
        if (
            weight is not None
            and score is not None
            and score > weight * min(rate, Decimal(100)) / 100 + weight * Decimal("0.3")
        ):
            continue  # the score of budget execution follows its rate (执行率 0% is not scored 10 of 10)
        good.append(pieces)
    # a form prints its amounts at one precision (2456.18 | 2456.18 | 2456.18, not 2456.1 | 82456.18) —
    # or, when no cut does, at two next to each other (310.2 | 154.74 | 10 | 50% | 5; not 1320.4 | 6 |
    # 1320.4613)
    good = [g for g in good if _precision_spread(cols, g) == 0] or [g for g in good if _precision_spread(cols, g) == 1]
    # a rate of 0% confirms nothing (0 of anything is 0%): 211821181 | 0 | 0% gives way to 2118 | 2118 | 100%
    confirmed = [g for g, rate in ((g, _rate_of(cols, g)) for g in good) if rate is None or rate != 0]
    good = confirmed or good
    if not good or any(g != good[0] for g in good):
        return None
    out: list[tuple[int, Quantity | None]] = []
    pos = start
    rate_at = next((k for k, c in enumerate(cols) if c.kind == "rate"), None)
    for k, piece in enumerate(good[0]):
        num = piece.rstrip("%")
        fraction = bare and k == rate_at and Decimal(num) <= 1  # 1 under 执行率 of 1.56 | 1.56: 100%
        digits = len(num.split(".")[1]) if "." in num else 0
        q = Quantity(
            Decimal(num) / (100 if piece.endswith("%") else 1),
            "%" if piece.endswith("%") else "",
            pos,
            pos + len(piece),
            piece,
            Decimal(num),
            digits,
        )
        if fraction:  # read as the percent it is (the checks compare a rate's printed number as percent)
            q = replace(q, unit="%", printed=Decimal(num) * 100, decimals=max(0, digits - 2))
        out.append((pos, q))
        pos += len(piece)
    return out, start + len(text)


def _rate_of(cols: list[Column], pieces: list[str]) -> Decimal | None:
    return next((Decimal(p.rstrip("%")) for c, p in zip(cols, pieces) if c.kind == "rate"), None)


def _precision_spread(cols: list[Column], pieces: list[str]) -> int:
    """How many decimal places the amounts of a cut differ by, at most."""
    places = [_places(p) for c, p in zip(cols, pieces) if c.kind == "money"]
    return max(places) - min(places) if places else 0


def _places(piece: str) -> int:
    return len(piece.split(".")[1]) if "." in piece else 0


def _fits(cols: list[Column], vals: list[Quantity | None]) -> bool:
    for c, q in zip(cols, vals):
        if q is None:
            continue
        if (q.unit == "%") != (c.kind == "rate") and not (c.kind == "rate" and q.unit == ""):
            return False
    return True


def _align(cols: list[Column], vals: list[Quantity | None]) -> list[tuple[Column, Quantity | None]]:
    k, n = len(cols), len(vals)
    if n == k and _fits(cols, vals):
        return list(zip(cols, vals))
    if n > k:
        if _fits(cols, vals[:k]):
            return list(zip(cols, vals[:k]))
        if _fits(cols, vals[n - k :]):
            return list(zip(cols, vals[n - k :]))
    if n < k and _fits(cols, vals):
        return list(zip(cols, vals))
    # Percentages to the rate columns, in order; the rest cannot be placed.
    rates = [c for c in cols if c.kind == "rate"]
    pct = [q for q in vals if q is not None and q.unit == "%"]
    return list(zip(rates, pct))


def _fraction(q: Quantity) -> bool:
    """A bare rate printed as a fraction (执行率 0.958): below 1 with at least two decimals —
    0.958% of a budget is no rate a form reports."""
    return q.unit == "" and 0 < q.value < 1 and q.decimals >= 2


def self_eval_figures(flat: str, blocks: list[SelfEvalBlock]) -> list[Found]:
    sp = spec()
    out: list[Found] = []
    for blk in blocks:
        for r in blk.rows:
            rowname = funds_row_name(r.label)
            if rowname is None:
                continue  # a group's heading: it repeats the total (funds_row_name, the grid reader's rule)
            for col, q in r.values:
                if q is None or col.kind == "other":
                    continue
                colname = _strip_suffix(re.sub(sp.column_suffix + "$", "", col.name))
                if col.kind == "rate":
                    if q.unit == "元":
                        continue
                    value, unit = (q.value if q.unit == "%" or _fraction(q) else q.value / 100), "%"
                elif q.unit == "元":
                    value, unit = q.value, "元"  # 4753.66万元: its own scale
                elif q.mag:
                    if q.unit == "%" or blk.scale != MAGNITUDES[q.mag]:
                        continue
                    value, unit = q.value, "元"  # 3359.62万 in a form of 万元: the scale said twice
                else:
                    if q.unit == "%" or blk.scale is None:
                        continue
                    value, unit = q.value * blk.scale, "元"
                name = _row_figure_name(rowname, colname)
                start = col.start if not rowname or r.label_start is None else r.label_start
                out.append(
                    Found(
                        name,
                        as_number(value),
                        unit,
                        q.raw,
                        min(start, q.start),
                        q.end,
                        "self_eval",
                        q,
                        {"row": rowname or None, "column": colname},
                    )
                )
    return out


# ---------------------------------------------------------------------------- all


def _blank_tables(doc: Document, flat: str) -> str:
    """``flat`` with the real tables blanked (their readers read them), offsets kept — except a table of
    one row of words and no number (全年预算数(A) | 全年执行数(B) | 执行率(B/A)): a form's column labels that a
    converter set as a table of their own over value rows it left as lines (a 自评表 saved to Word), read
    with those lines as in text."""
    chars = list(flat)
    for b in doc.tables:
        if _header_only(b):
            continue
        for i in range(b.start, b.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _header_only(b: Block) -> bool:
    """Whether table ``b`` is one row of two or more cells of words and no digit (a header set apart)."""
    rows = b.rows or []
    return (
        len(rows) == 1 and len([c for c in rows[0] if c.strip()]) >= 2 and not any(re.search(r"\d", c) for c in rows[0])
    )


def unmerged_tables(doc: Document, flat: str) -> str:
    """``flat`` with each table slot that repeats a merged cell's words blanked (offsets kept): the
    canonical grid gives 项目资金（万元） in every funds row it spans, where the 自评表 reader wants
    the row's own label first."""
    chars = list(flat)
    for b in doc.tables:
        cells = b.cells()
        for r, c in merged_repeats(b.rows or []):
            s, e, _t = cells[r][c]
            chars[s:e] = " " * (e - s)
    return "".join(chars)


def find_figures(ctx: Any) -> list[Found]:
    """Every figure of the document of ``ctx`` with its source (prose, table, self_eval)."""
    doc: Document = ctx.doc
    flat = fold_text(doc.text)
    scope = Scope.of(ctx)
    found: list[Found] = []
    prose = _blank_tables(doc, flat)
    se_all = self_eval_blocks(prose) or deglossed_self_eval_blocks(prose)  # (the checks read the same blocks)
    skip = [(blk.start, _block_end(blk)) for blk in se_all]
    grids = money_grids(prose)
    found += prose_figures(ctx, flat, scope, skip + _pipe_indicator_parts(flat, prose, doc), grids)
    # Real tables in scope (not indicator tables).
    blocks = doc.blocks
    for bi, b in enumerate(blocks):
        if b.kind != "table" or not scope.ok[bi] or bi in scope.amounts_only:
            continue
        rows = _cells_of_table(flat, b)
        above = _before_indicators(rows)
        if ctx.indicator_table_only(bi) and len(above) == len(rows):
            continue  # an indicator table whose rows are all indicators' (no funds rows above its header)
        rows = above
        se = ctx.table_funds[bi]
        caption = " ".join(fold_text(blocks[k].text) for k in range(max(0, bi - 2), bi))
        if se:
            found += self_eval_figures(flat, _with_caption_scale(se, caption))
        else:
            found += grid_figures(flat, rows, caption)
    # Pipe-separated lines (web tables copied as text).
    pipe_spans: list[tuple[int, int]] = []
    for bi, cell_rows in _pipe_rows(prose, doc):
        rows = _paired_cells(flat, cell_rows)
        if not scope.ok[bi] or bi in scope.amounts_only or len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        rows = _before_indicators(rows)
        if not rows:
            continue  # an indicator table: its numbers are weights and scores
        pipe_spans.append((rows[0][0].start if rows[0] else 0, rows[-1][-1].end if rows[-1] else 0))
        found += grid_figures(flat, rows, _caption_before(flat, pipe_spans[-1][0]))
    # Tables flattened one cell a line (not the 自评表 and pipe grids read above): numbers with no
    # unit of their own, or a figure prose did not already read.
    taken = {f.q.start for f in found if f.q is not None}
    for caption, rows in stacked_rows(prose, doc, scope, skip + pipe_spans):
        found += [
            f for f in grid_figures(flat, _before_indicators(rows), caption) if f.q is None or f.q.start not in taken
        ]
    found += _money_grid_figures(ctx, flat, grids, scope, skip + pipe_spans, found)
    # 自评表 flattened into text (not inside pipe grids already read — except a form copied one cell
    # a line with a bar after each cell: its column labels stand in rows of their own, so the grid
    # puts no header over its values and reads at most a row label beside its first value; the form's
    # reader reads it, instead of the grid).
    se_blocks = []
    for blk in se_all:
        bi = ctx.block_index(blk.start)
        if not scope.ok[bi] or bi in scope.amounts_only:
            continue
        if any(s <= blk.start < e for s, e in pipe_spans):
            if not _columns_one_a_line(flat, blk):
                continue
            end = _block_end(blk)
            found = [f for f in found if f.source != "table" or f.q is None or not blk.start <= f.q.start < end]
        se_blocks.append(blk)
    found += self_eval_figures(flat, se_blocks)
    return _dedupe(_named_by_verbs(found, flat, doc.text), ctx)


def _named_by_verbs(found: list[Found], flat: str, text: str) -> list[Found]:
    """Amounts of one fund stated as received or allocated and again as spent, each named by its verb with its
    qualifiers (ruling 33's exception: 共收到上级拨付的福利彩票公益金6万元 … 累计支出福利彩票公益金6万元 → 共收到, 累计支出;
    共下达我市中央福彩公益金 … 共投入中央福彩公益金 → 共下达, 共投入): the fund's name alone would give the money received and
    the money spent one label, and the dedupe would take the second for a restatement of the first (ruling 43 keeps
    them apart).  Two allocations of one fund (实际下达…补助资金共计783,451万元 … 共安排…补助资金873,094.04万元) keep the
    fund's name, which the shared corpus reads so."""
    sp = spec().one_fund_verbs
    by_fund: dict[str, list[tuple[int, re.Match[str]]]] = {}
    for k, f in enumerate(found):
        if f.source != "prose" or f.unit != "元" or f.q is None:
            continue
        fund = _fund_of_label(fold_text(squash(f.name)))
        if fund is None:
            continue
        part_start = f.q.start - len(_part_before(flat, f.q.start, _CLAUSE_END))
        at = flat.rfind(fund, part_start, f.q.start)
        verb = sp["verb"].search(flat, part_start, at) if at >= 0 else None
        if verb is not None:
            by_fund.setdefault(fund, []).append((k, verb))
    out = list(found)
    for items in by_fund.values():
        if len({bool(sp["spend"].fullmatch(m.group("verb"))) for _k, m in items}) < 2:
            continue  # the money received or allocated only, or spent only: the fund's name is the label
        for k, m in items:
            out[k] = replace(found[k], name=text[m.start() : m.end()])
    return out


_CLAUSE_END = re.compile(r"[，,。；;!！?？\n]")


def _fund_of_label(name: str) -> str | None:
    """The fund a money label names after its verb, receiver and level word (下达我市中央福彩公益金 → 福彩公益金), or None
    when the label ends in no fund's name (a bare fund word names no particular money: 项目资金)."""
    sp = spec().one_fund_verbs
    verbs = list(sp["verb"].finditer(name))
    rest = name[verbs[-1].end() :] if verbs else name
    m = sp["fund"].fullmatch(rest)
    if m is None or sp["bare"].fullmatch(m.group("fund")):
        return None
    return m.group("fund")


def _with_caption_scale(blocks: list[SelfEvalBlock], caption: str) -> list[SelfEvalBlock]:
    """A table's 自评表 blocks with the scale of the line above the table (单位：万元) where the
    table's own cells give none: a grid copied with tabs, or a Word table under its unit line."""
    scale = _scale_in(caption) or _unit_line_scale(caption)
    return [replace(b, scale=scale) if b.scale is None and scale is not None else b for b in blocks]


def _money_grid_figures(
    ctx: Any, flat: str, grids: Sequence[MoneyGrid], scope: Scope, read: Sequence[tuple[int, int]], found: list[Found]
) -> list[Found]:
    """Figures of the money grids laid out as lines of space-separated cells (:mod:`.moneygrids`), in
    scope and outside the spans other readers took (``read``: 自评表 blocks, pipe grids), read as any
    grid; a number another reader already gave is not given again."""
    taken = {f.q.start for f in found if f.q is not None}
    out: list[Found] = []
    for grid in grids:
        bi = ctx.block_index(grid.start)
        if not scope.ok[bi] or bi in scope.amounts_only or any(s < grid.end and grid.start < e for s, e in read):
            continue
        rows = [[Cell(s, e, squash(flat[s:e])) for s, e in row] for row in [grid.header, *grid.rows]]
        out += [
            f
            for f in grid_figures(flat, rows, _caption_before(flat, grid.start), money_columns=grid.money_columns)
            if f.q is None or f.q.start not in taken
        ]
    return out


def _columns_one_a_line(flat: str, blk: SelfEvalBlock) -> bool:
    """Whether the column labels of the 自评表 block ``blk`` stand one a line (a form copied one cell a line)."""
    return all("\n" in flat[a.end : b.start] for a, b in zip(blk.columns, blk.columns[1:]))


def _pipe_indicator_parts(flat: str, prose: str, doc: Document) -> list[tuple[int, int]]:
    """The spans of the pipe grids' indicator parts (from the row of an indicator header, … | 分值 | 得分, to the
    grid's end): their numbers are targets, results and scores, not figures (ruling 9) — also where prose would
    read a cell as a label before an amount (成本指标 / | 宣传片制作费 | 200万 | 195.5万元)."""
    out = []
    for _bi, cell_rows in _pipe_rows(prose, doc):
        rows = [r for r in _paired_cells(flat, cell_rows) if r]
        k = len(_before_indicators(rows))
        if k < len(rows):
            out.append((rows[k][0].start, rows[-1][-1].end))
    return out


def _before_indicators(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows of a grid above its indicator part: an indicator header (… | 分值 | 得分) ends what
    the grid says of its funds (a 目标审批表's funds rows, then its indicators, in one table)."""
    sp = spec()
    for k, row in enumerate(rows):
        if any(sp.indicator_grid.search(c.text) and not _field_of_row(row, j) for j, c in enumerate(row)):
            return rows[:k]
    return rows


_SCORE_VALUE = re.compile(r"\d+(?:\.\d+)?\s*分?")


def _field_of_row(row: list[Cell], j: int) -> bool:
    """Whether the score cell ``row[j]`` is a field with its value beside it in a funds row (年度预算执行率 | 100% |
    分值 | 10分: the rate's weight in the form), not a column of the indicator part's header (… | 指标值 | 分值 |)."""
    filled = [c for c in row if c.text]
    nxt = next((c for c in row[j + 1 :] if c.text), None)
    return nxt is not None and bool(_SCORE_VALUE.fullmatch(nxt.text)) and len(filled) <= 4


@lru_cache(maxsize=1)
def _indicator_part() -> re.Pattern[str]:
    """A cell that opens a grid's indicator part: a level's header (一级指标) or an indicator's kind (产出指标)."""
    return re.compile(r"^[一二三]级指标$|" + spec().indicator_kind.pattern)


def _one_cell(row: list[Cell]) -> Cell | None:
    """The row's only filled cell, when a line of a web table copied one cell a line holds one."""
    cells = [c for c in row if c.text]
    return cells[0] if len(cells) == 1 else None


_GROUP_NUMERAL = re.compile(r"^[一二三四五六七八九十]{1,2}$")  # a group's row in a list (一 | 项目绩效评价)


def _list_cell(flat: str, prev: Cell, cell: Cell) -> bool:
    """Whether ``cell`` goes on the list ``prev`` is in: only bars and line ends between them (a line
    of words, 附件2, ends the list)."""
    return not re.sub(r"[|\s]", "", flat[prev.end : cell.start])


def _numbered_list_rows(flat: str, rows: list[list[Cell]]) -> list[list[Cell]]:
    """A numbered list copied one cell a line (序号 | / 乡镇名称 | / 项目名称 | / 金额 | / 备注 | / 1 | /
    西坪镇 | / 尧山村排洪排水工程建设 | / 20 | / 2 | / … / 合计 | / 100 |): its header and its rows set back
    as rows, each row from its number (1, 2, …, or a group's 一) to the next, the total row from its
    label over the numbers after it — so the list is read as the same table with its bars is
    (:func:`grid_figures`: an item's amount named by its 项目名称 cell; dev: an allocation notice's 安排表)."""
    sp = spec()
    out: list[list[Cell]] = []
    k = 0
    while k < len(rows):
        first = _one_cell(rows[k])
        if first is None or not sp.numbering_column.match(first.text):
            out.append(rows[k])
            k += 1
            continue
        header, j = [first], k + 1
        while j < len(rows) and (c := _one_cell(rows[j])) is not None and c.text != "1" and _is_label(c):
            header.append(c)
            j += 1
        opening = _one_cell(rows[j]) if j < len(rows) else None
        if len(header) < 3 or opening is None or not (opening.text == "1" or _GROUP_NUMERAL.match(opening.text)):
            out.append(rows[k])
            k += 1
            continue
        out.append(header)
        listed: list[list[Cell]] = []
        nxt, total, prev = 1, False, header[-1]
        while j < len(rows) and (c := _one_cell(rows[j])) is not None and _list_cell(flat, prev, c):
            if not total and (c.text == str(nxt) or _GROUP_NUMERAL.match(c.text)):
                nxt += c.text == str(nxt)
                listed.append([c])
            elif not total and sp.total_row.match(c.text):
                total = True
                listed.append([c])
            elif total and _cell_quantity(c, flat) is None:
                break  # (after the total's numbers: the list is over)
            elif len(listed[-1]) >= len(header):
                break  # (a row wider than the header: not one of its rows)
            else:
                listed[-1].append(c)
            prev = c
            j += 1
        out += listed
        k = j
    return out


def _paired_cells(flat: str, rows: list[list[Cell]]) -> list[list[Cell]]:
    """A web table copied one cell a line (人员编制 | / 16 | / 实有人数 | / 14 |): a row of one label
    and the row of one number under it are one row, label and value."""
    rows = _numbered_list_rows(flat, rows)
    # (an indicator part's label and number are its target and its result: rows from its header on stay as they are)
    head = next((k for k, r in enumerate(rows) if any(_indicator_part().search(c.text) for c in r)), len(rows))
    out: list[list[Cell]] = []
    k = 0
    while k < head:
        cells = [c for c in rows[k] if c.text]
        nxt = [c for c in rows[k + 1] if c.text] if k + 1 < len(rows) else []
        if (
            len(cells) == 1
            and len(nxt) == 1
            and _is_label(cells[0])
            and _cell_quantity(cells[0], flat) is None
            and _cell_quantity(nxt[0], flat) is not None
        ):
            out.append([cells[0], nxt[0]])
            k += 2
            continue
        out.append(rows[k])
        k += 1
    return out + rows[k:]


def _caption_before(flat: str, start: int) -> str:
    """The line before a table copied as text (表2-1…情况表 单位:万元): its scale is the table's."""
    line_start = flat.rfind("\n", 0, start) + 1
    prev_start = flat.rfind("\n", 0, max(0, line_start - 1)) + 1
    return flat[prev_start:line_start].strip() if line_start > 0 else ""


def _block_end(blk: SelfEvalBlock) -> int:
    ends = [q.end for r in blk.rows for _c, q in r.values if q is not None]
    return max(ends) if ends else blk.start


# (a paragraph that opens 项目一：/ 项目2、 lists the parts too: one project's budget, spending and rate each)
_LIST_ITEM = re.compile(
    r"[(（]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[①-⑳]"
    r"|项目[一二三四五六七八九十\d]{1,3}\s*[:：、]"
)


def _dedupe(found: list[Found], ctx: Any) -> list[Found]:
    """Each figure once: a prose figure restated (the same value, a name containing the other's
    or contained in it: 第一批乡村振兴衔接资金 / 乡村振兴衔接资金) is dropped — the abstract or an
    overview repeating the body.  An amount or a rate stated again is another figure when it
    belongs to another part: in the same paragraph after a clause of its own (after 。, ；or 其中: the same
    rate of the next part, （1）…到位率为100%；（2）…到位率100%; 支出76.36万元，其中基本支出76.36万元),
    or in a paragraph that opens a listed part of its own (1、XX项目：年初预算…).  A listed paragraph that opens
    with the figure's label (1.基本支出2956.36万元，其中：… after the overview) restates it (ruling 43).
    A count stated again counts the same things."""
    out: list[Found] = []
    spans: set[tuple[int, int]] = set()
    prose: dict[tuple[float, str], list[tuple[str, int, int]]] = {}
    # a form's figure that the prose states too, under the same name (全年预算数为200万元 / 全年预算数 | 200)
    stated: dict[tuple[float, str], list[str]] = {}
    for f in found:
        if f.source == "prose":
            stated.setdefault((round(float(f.value), 9), f.unit), []).append(_fold_name(f.name))
    text = ctx.doc.text
    first_label: dict[int, int] = {}  # per paragraph, where its first prose figure's label starts
    for f in found:
        if f.source == "prose":
            bi = ctx.block_index(f.start)
            first_label[bi] = min(first_label.get(bi, f.start), f.start)
    restates = {bi: _item_opens_with_figure(ctx.doc.blocks[bi], s) for bi, s in first_label.items()}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (f.start, f.end) in spans:
            continue
        spans.add((f.start, f.end))
        if f.source != "prose" and _restated_in_prose(f, stated.get((round(float(f.value), 9), f.unit), [])):
            continue
        if f.source == "prose":
            key = (round(float(f.value), 9), f.unit)
            name = _fold_name(f.name)
            bi = ctx.block_index(f.start)
            # an amount or a rate restated is another part's when a listed paragraph opens here,
            # or when a clause of its own (。；其中) separates it from the earlier one in this paragraph
            # (the item's mark read folded, one for one: a mirror's traditional copy lists 項目一:)
            part = f.unit in ("元", "%") and (
                bool(_LIST_ITEM.match(fold_one_for_one(ctx.doc.blocks[bi].text.lstrip())))
                or _opens_inline_item(text, f.start)
            )
            if any(
                (name.endswith(n) or n.endswith(name))
                and not (
                    f.unit in ("元", "%")
                    and ((part and not restates[bi]) if b != bi else bool(_PART_BREAK.search(text, e, f.start)))
                )
                for n, b, e in prose.get(key, [])
            ) and not _next_cell(text, prose[key][-1], name, f.start):
                continue
            prose.setdefault(key, []).append((name, bi, f.end))
        out.append(f)
    return out


def _next_cell(text: str, last: tuple[str, int, int], name: str, start: int) -> bool:
    """Whether a figure named ``name`` whose label starts at ``start`` follows ``last`` (the latest figure of the
    same value: its name, paragraph and end), of the same name, with only spaces between: the next column's cell of a table flattened into one line, each cell printing its row's
    label (其中:中央财政4676 其中:中央财政4676 … under 计划投资额 / 实际到位资金 / 实际使用情况), not a restatement."""
    end = last[2]
    return last[0] == name and end <= start and not text[end:start].strip() and "\n" not in text[end:start]


def _restated_in_prose(f: Found, prose_names: list[str]) -> bool:
    """Whether the form's or table's figure ``f`` is one the prose states too (全年预算数为200万元 / 全年预算数 |
    200): a prose name that ends with the figure's name or is its end.  A part row's figure (其中：当年财政拨款 |
    200) is the part's, not the total's that the prose states under the column's name: it is stated in prose
    only under a name that holds the part's (其中当年财政拨款200万元)."""
    row = f.extra.get("row")
    part = funds_row_name(row) if f.extra.get("column") and row else ""
    if part:
        return any(_fold_name(part) in n for n in prose_names)
    m = _fold_name(f.name)
    return any(n.endswith(m) or m.endswith(n) for n in prose_names)


def _item_opens_with_figure(b: Block, first_label: int) -> bool:
    """Whether paragraph ``b`` is a list item that opens with its first figure's label (``first_label``):
    1、年度资金40.83万元，本年度财政拨款40.83万元 names no part of its own before its figures (1、XX项目：年初预算…
    does).  Such an item restates the figures stated before it, in another section (资金投入情况分析 after the
    overview) or as the heading of its own breakdown (支出5560.46万元，其中基本支出2956.36万元 then
    1.基本支出2956.36万元，其中：…): ruling 43, one figure."""
    lead = b.text.lstrip()
    m = _LIST_ITEM.match(fold_one_for_one(lead))  # (one for one: m's offsets hold in lead)
    if m is None:
        return False
    item = b.start + (len(b.text) - len(lead)) + m.end()
    return first_label >= item and not b.text[item - b.start : first_label - b.start].strip()


_INLINE_ITEM = re.compile(r"[;；。:：]\s*[(（][一二三四五六七八九十\d]{1,2}[)）]\s*$")


def _opens_inline_item(text: str, start: int) -> bool:
    """Whether the label at ``start`` opens a part listed inside a paragraph (…100%；(3)计提工作经费20万元)."""
    return bool(_INLINE_ITEM.search(text, max(0, start - 12), start))


_PART_BREAK = re.compile("[;；。]|其中")


def _fold_name(name: str) -> str:
    return re.sub(r"[“”\"]", "", fold_text(squash(name)))


def extract_figures(ctx: Any) -> list[Figure]:
    """The record's ``figures`` for the document of ``ctx`` (a :class:`~.context.Context`)."""
    doc = ctx.doc
    # (a mirror's pinyin glosses are no part of a name: a cell's 计(jì)划安排资金 is named 计划安排资金)
    return [
        Figure(
            RUBY_GLOSS.sub("", f.name),
            f.value,
            f.unit,
            doc.text[f.q.start : f.q.end].strip() if f.q else f.raw,
            ctx.page(f.start),
            (f.start, f.end),
        )
        for f in find_figures(ctx)
        if not names_a_recipient(f.name)  # (a distribution among places: ruling 34)
    ]


__all__ = [
    "Found",
    "Quantity",
    "Scope",
    "SelfEvalBlock",
    "deglossed_self_eval_blocks",
    "as_number",
    "extract_figures",
    "find_figures",
    "fold_text",
    "iter_quantities",
    "quantity_of",
    "self_eval_blocks",
    "spec",
    "squash",
    "to_decimal",
]
