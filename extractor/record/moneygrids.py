"""Money grids copied as text lines whose cells are set apart by spaces or tabs.

A department-wide report (部门整体支出) prints its funds as a grid — the budget, its adjustment,
the allocation, the outlay, the rate and the balance per source or kind of spending::

    (万元) 年初预算安排金额① 年中调整金额② 小计 年度拨付金额 支出实现率(%)⑤=④/③
      ③=①+②
    财政资金小计 130.54 58.07 188.61 188.45 99.92
    ① 项目支出 30 0 30 30 100
    合 计 130.54 58.07 188.61 188.45 99.92

A page or a PDF's text layer keeps it as words set apart by spaces, its lines often joined (a row's
last number glued to the next row's label: ``99.92基本支出``): column labels, then rows of a label
and one number per column.  This module reads the text as a run of tokens — values (bare numbers,
dashes) and words — and finds such grids by their header words (``money_grid`` in
``patterns/figures.yaml``): a run of k values after k column labels and a row label, then more rows
of a short label and k values.  Each grid is given as rows of cell spans — the header row (a corner
cell first, empty when the text prints none) and the value rows (the row label, then its numbers) —
which :func:`.figures.grid_figures` reads as it reads any grid.  The spans are offsets into the
text given, so the figures keep their evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import patterns

Span = tuple[int, int]

_TOKEN = re.compile(r"\S+")
_VALUE = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|[-—–/／]{1,2}")
# A value glued to the words after it (a row's last number, then the next row's label or the next
# part's heading: 99.92基本支出, 0.08年度总体目标): split — not a quantity's own unit or a year (30万元, 2020年).
_GLUED = re.compile(
    r"-?(?:\d+\.\d+%?|\d+%)(?=[\u3400-\u9fff]{2})(?![万亿千元])|-?\d+(?=[\u3400-\u9fff]{2})(?![万亿千元年月日个人次户项名家所])"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Where a label's words end: a circled number (①, the column's key) or a formula (=④/③).
_LABEL_END = re.compile(r"[①-⑳=＝]")
# A row label's enumerator (① 项目支出, 2.单位其它收入, (一)基本支出): not part of its name.
_ENUMERATOR = re.compile(
    r"(?:[①-⑳]|\d{1,2}[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*"
)
_ROW_LABEL_MAX = 24  # characters: a longer run of words between two rows of values ends the grid


@dataclass(frozen=True)
class MoneyGrid:
    header: list[Span]  # the corner cell (maybe empty), then one label per column
    rows: list[list[Span]]  # the row label, then one value per column
    start: int
    end: int
    money_columns: frozenset[int]  # the header's cells (by index) whose words name money, not a rate


@dataclass(frozen=True)
class _Spec:
    min_columns: int
    money: re.Pattern[str]
    rate: re.Pattern[str]


@lru_cache(maxsize=1)
def _spec() -> _Spec:
    d = patterns.load("figures.yaml")["money_grid"]
    return _Spec(int(d["min_columns"]), re.compile(d["money"]), re.compile(d["rate"]))


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    value: bool

    @property
    def label(self) -> bool:
        """Words of a label (two characters or more), not a key, a formula or a lone character."""
        return not self.value and len(_CJK.findall(self.text)) >= 2


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.start(), m.end()
        glued = _GLUED.match(text, s, e)
        if glued is not None:
            out.append(_Token(s, glued.end(), glued.group(0), True))
            s = glued.end()
        word = text[s:e]
        out.append(_Token(s, e, word, bool(_VALUE.fullmatch(word))))
    return out


def _label_words(text: str) -> str:
    """A header token's words: before its circled key or formula, without a bracketed note."""
    head = _LABEL_END.split(text, 1)[0]
    return re.sub(r"[(（][^()（）]*[)）]?", "", head)


def _is_money_column(words: str) -> bool:
    sp = _spec()
    return bool(sp.money.search(words) or sp.rate.search(words))


def _column_span(tok: _Token) -> Span:
    """A column label's span up to its circled key or formula (年度拨付金额④ → 年度拨付金额)."""
    cut = _LABEL_END.search(tok.text)
    return (tok.start, tok.start + cut.start() if cut else tok.end)


def _label_span(text: str, toks: list[_Token]) -> Span | None:
    """The span of a row label made of ``toks`` (合 计, ① 项目支出), its enumerator left out."""
    s, e = toks[0].start, toks[-1].end
    enum = _ENUMERATOR.match(text, s, e)
    if enum is not None:
        s = enum.end()
    words = text[s:e]
    if len(_CJK.findall(words)) < 2 or re.search(r"\d", words) or len(words) > _ROW_LABEL_MAX:
        return None
    return (s, e)


def _split_glued_label(tok: _Token) -> tuple[_Token, _Token] | None:
    """A column label and a row label joined when a converter lost the line break between them
    (预算执行率合计, 结余率(%)⑦=⑥/③财政拨款小计): cut after the shortest money or rate column."""
    for cut in range(2, len(tok.text) - 1):
        head, rest = tok.text[:cut], tok.text[cut:]
        if _CJK.match(rest) and len(_CJK.findall(rest)) >= 2 and _is_money_column(_label_words(head)):
            return (
                _Token(tok.start, tok.start + cut, head, False),
                _Token(tok.start + cut, tok.end, rest, False),
            )
    return None


def _never_a_row(head: str) -> bool:
    """A column label no row label begins with: a rate (预算执行率) or one with its key or formula
    (结余率(%)⑦=⑥/③) — rows name sources and kinds of money."""
    return bool(_LABEL_END.search(head) or _spec().rate.search(_label_words(head)))


def _first_row_label(words: list[_Token]) -> int | None:
    """Where the first row's label begins in the words before its values: its last word of two
    characters or more, or the lone characters after the header's last label (合 计)."""
    k = len(words)
    chars = 0
    while k > 0 and not words[k - 1].label:
        chars += len(_CJK.findall(words[k - 1].text))
        k -= 1
    if chars >= 2:
        return k
    return k - 1 if k > 0 else None


def money_grids(text: str, start: int = 0, end: int | None = None) -> list[MoneyGrid]:
    """The money grids of ``text[start:end]`` laid out as words and numbers (see the module's doc)."""
    toks = _tokens(text, start, len(text) if end is None else end)
    out: list[MoneyGrid] = []
    i = 0
    while i < len(toks):
        if not toks[i].value:
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].value:
            j += 1
        grid, nxt = _grid_at(text, toks, i, j)
        if grid is not None:
            out.append(grid)
        i = nxt
    return out


def _grid_at(text: str, toks: list[_Token], i: int, j: int) -> tuple[MoneyGrid | None, int]:
    """The grid whose first row's values are ``toks[i:j]`` (None if the words before them are no
    header of money columns), and the token to go on from."""
    width = j - i
    if width < _spec().min_columns:
        return None, j
    w0 = i
    while w0 > 0 and not toks[w0 - 1].value:
        w0 -= 1
    words = toks[w0:i]
    r = _first_row_label(words)
    if r is None:
        return None, j
    labels = [t for t in words[:r] if t.label]
    row_words = words[r:]
    if len(row_words) == 1:
        glued = _split_glued_label(row_words[0])  # the header's last label and the first row's, one line
        if glued is not None and (len(labels) == width - 1 or _never_a_row(glued[0].text)):
            labels.append(glued[0])
            row_words = [glued[1]]
    if len(labels) < width:
        return None, j
    columns = labels[len(labels) - width :]
    money = sum(_is_money_column(_label_words(t.text)) for t in columns)
    if money < _spec().min_columns or money * 2 < width:
        return None, j
    first = _label_span(text, row_words)
    if first is None:
        return None, j
    corner = labels[len(labels) - width - 1] if len(labels) > width else None
    header = [(corner.start, corner.end) if corner else (columns[0].start, columns[0].start)]
    header += [_column_span(t) for t in columns]
    rows = [[first, *[(t.start, t.end) for t in toks[i:j]]]]
    k = j
    while k < len(toks):
        m = k
        while m < len(toks) and not toks[m].value:
            m += 1
        n = m
        while n < len(toks) and toks[n].value:
            n += 1
        label = _label_span(text, toks[k:m]) if m > k else None
        if label is None or n - m != width:
            break
        rows.append([label, *[(t.start, t.end) for t in toks[m:n]]])
        k = n
    money_columns = frozenset(c + 1 for c, t in enumerate(columns) if _spec().money.search(_label_words(t.text)))
    return MoneyGrid(header, rows, header[0][0], rows[-1][-1][1], money_columns), k


__all__ = ["MoneyGrid", "money_grids"]
