"""Numbers as printed in Chinese reports → values in base units.

``2,460.31万人`` → 24603100 people, ``119,455.42万元`` → 1194554200 yuan,
``1.2亿元`` → 120000000, ``88.06%`` → 0.8806, ``3‰`` → 0.003, full-width digits
(``９７分``) and Chinese numerals (``九十七分``, ``百分之八十``; via cn2an).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..cjk import chinese_number
from ..normalize import normalize_text

# Magnitude words that multiply the number they follow.
MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3}
# Units as printed → (base unit, extra factor).
UNITS: dict[str, tuple[str, int | Decimal]] = {
    "元": ("元", 1),
    "人次": ("人次", 1),
    "人": ("人", 1),
    "户": ("户", 1),
    "份": ("份", 1),
    "个": ("个", 1),
    "例": ("例", 1),
    "次": ("次", 1),
    "项": ("项", 1),
    "分": ("分", 1),
    "名": ("人", 1),
    "%": ("%", Decimal("0.01")),
    "‰": ("%", Decimal("0.001")),
}

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
NUMBER_RX = re.compile(
    r"(?P<sign>[-−－])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d+(?:\.\d+)?)\s*"
    r"(?P<mag>万亿|千万|百万|亿|万|千)?\s*(?P<unit>元|人次|人|户|份|个|例|次|项|分|名|%|‰)?"
)
_CN_NUMBER_RX = re.compile(rf"(?P<pct>百分之)?(?P<num>[{_CN_DIGITS}]+)(?P<unit>元|人|分|%|‰)?")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # base unit: 元, 人, %, 份 … ("" for a bare number)
    raw: str  # the text as printed
    start: int = 0
    end: int = 0


def as_number(d: Decimal) -> float | int:
    """``d`` as a JSON number: an int when whole (12352), else a float (0.8)."""
    d = d.normalize()
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def parse_number(text: str) -> Quantity | None:
    """The first quantity in ``text`` (see module doc), or ``None``."""
    found = list(iter_quantities(text))
    return found[0] if found else None


def to_value(raw: str) -> float | int | None:
    """Just the value of ``raw`` in base units (``"88.06%"`` → 0.8806)."""
    q = parse_number(raw)
    return q.value if q else None


def iter_quantities(text: str):
    """Every Arabic-numeral quantity in ``text`` with offsets into ``text``.

    Offsets refer to ``text`` itself: normalisation only maps characters one to
    one (full-width → half-width), so positions are kept.
    """
    norm = normalize_text(text)
    if len(norm) != len(text):  # the normaliser dropped invisible marks: offsets into norm
        text = norm
    for m in NUMBER_RX.finditer(norm):
        q = _quantity(m)
        if q is not None:
            yield Quantity(q.value, q.unit, text[m.start() : m.end()].strip(), m.start(), m.end())


# Units of things counted one by one: their numbers are whole.
COUNT_UNITS = {"人", "人次", "户", "份", "个", "例", "次", "项", "名"}
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _quantity(m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    if m.group("unit") in COUNT_UNITS and not m.group("mag") and _DOT_GROUPS.fullmatch(num):
        # A whole count printed (or OCR'd) with dots for thousands: 12.352份 is 12352 份.
        num = num.replace(".", "")
    try:
        value = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    if m.group("sign"):
        value = -value
    mag = m.group("mag")
    if mag:
        value *= MAGNITUDES[mag]
    unit_raw = m.group("unit")
    unit = ""
    if unit_raw:
        unit, factor = UNITS[unit_raw]
        value *= Decimal(factor)
    return Quantity(as_number(value), unit, m.group(0).strip())


def parse_chinese_number(text: str) -> Quantity | None:
    """A quantity written in Chinese numerals: ``九十七分`` → 97 分, ``百分之八十`` → 0.8."""
    m = _CN_NUMBER_RX.search(text)
    if not m or not re.search("[一二两三四五六七八九十百千]", m.group("num")):
        return None
    number = chinese_number(m.group("num"))
    if number is None:
        return None
    value = Decimal(str(number))
    unit = m.group("unit") or ""
    if m.group("pct"):
        value, unit = value / 100, "%"
    elif unit in ("%", "‰"):
        unit, factor = UNITS[unit]
        value *= factor
    return Quantity(as_number(value), unit, m.group(0), m.start(), m.end())


# An amount of money in Chinese numerals, ordinary or financial (叁佰万元, 一百二十万元, 壹仟贰佰叁拾万元整): a number
# with a digit and a place (十, 百, 佰 … or a magnitude), then 元.  (Not a count, 三个方面, 两家单位: too many words
# start with a numeral; not a digit alone, 一元化.)
_CN_AMOUNT_RX = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])"
    r"(?=[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*[一二两三四五六七八九壹贰叁肆伍陆柒捌玖])"
    r"(?=[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*[十百千万亿拾佰仟])"
    r"(?P<num>[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]{2,16})元"
)
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")


def iter_chinese_amounts(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[Decimal, int, int]]:
    """Amounts of money written in Chinese numerals in ``text[start:end]``: (value in 元, start, end)."""
    for m in _CN_AMOUNT_RX.finditer(text, start, len(text) if end is None else end):
        number = chinese_number(m.group("num").translate(_FINANCIAL))
        if number is not None and number > 0:
            yield Decimal(str(number)), m.start(), m.end()


def arabize(text: str) -> str:
    """``text`` with Chinese numerals in number contexts turned into digits (cn2an)."""
    import warnings

    import cn2an  # here: its import builds its tables (~0.2 s), which the store's writer never needs

    with warnings.catch_warnings():  # cn2an warns about words it leaves alone (万, 百)
        warnings.simplefilter("ignore")
        try:
            return cn2an.transform(text, "cn2an")
        except (ValueError, KeyError):
            return text


def percent(value: float | int | None) -> str:
    """A fraction as a percentage string for messages (0.8754 → ``87.54%``)."""
    return "null" if value is None else f"{float(value) * 100:.2f}%"


__all__ = [
    "Quantity",
    "as_number",
    "parse_number",
    "iter_quantities",
    "parse_chinese_number",
    "iter_chinese_amounts",
    "arabize",
    "to_value",
    "percent",
]
