"""Chinese-text helpers shared by the readers and the field finders, each defined once.

- :data:`HAN` / :data:`CJK` — regex character classes: ideographs only, and ideographs
  with CJK and full-width punctuation (what a layout engine or a wrap treats as
  Chinese text).  :func:`is_han` / :func:`is_cjk` test one character.
- :func:`tidy_line`, :func:`join_lines`, :func:`join_wrapped`, :func:`clean_cell` —
  rejoining text a layout wrapped: no space at a wrap next to a CJK character (or
  after a line-end hyphen/minus), one space elsewhere.  Every reader's table cells
  go through :func:`clean_cell`.
- :data:`SENTENCE_END` / :data:`FULL_STOP` — characters that close a clause or a sentence.
- :func:`chinese_number` — the value of a number written in Chinese numerals (cn2an).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Ideographs: Extension A, the unified block, compatibility ideographs.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Ideographs plus what sits between them in Chinese text: radicals, CJK symbols and
# punctuation (、。〈〉《》「」【】〔〕…), kana, vertical/compatibility forms,
# full-width forms (，：；（）０-９), and curly quotes.
CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff" + HAN + r"\ufe30-\ufe4f\uff00-\uffef“”‘’"

HAN_RX = re.compile(f"[{HAN}]")
CJK_RX = re.compile(f"[{CJK}]")

# Characters that close a clause (。；…, and the closing quote or bracket after one);
# a paragraph ending in none of them runs on into the next block.
SENTENCE_END = "。！？!?；;”」）)…"
# Characters that close a sentence proper.
FULL_STOP = "。！？!?"


def is_han(ch: str) -> bool:
    """Whether ``ch`` (one character) is a Chinese ideograph."""
    return bool(ch) and bool(HAN_RX.match(ch))


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` (one character) is a CJK character or CJK/full-width punctuation."""
    return bool(ch) and bool(CJK_RX.match(ch))


_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}])[ \t]+(?=[{CJK}])")
# A wrap after one of these is inside a word or number: "-" + "1,680.12" is "-1,680.12"; so is one
# inside brackets or before a percent sign, where no space is printed (支出实现率( / %)⑤=④/③).
_JOINING_END = "-‐‑–—/([（【"
_JOINING_START = ")]）】%％"


def tidy_line(text: str) -> str:
    """One line's text: spaces a layout engine put between CJK characters removed."""
    return _SPACE_BETWEEN_CJK.sub("", text).strip()


def _joins(a: str, b: str) -> bool:
    """Whether the break between a line ending in ``a`` and one starting with ``b`` vanishes."""
    return a in _JOINING_END or b in _JOINING_START or a.isspace() or is_cjk(a) or is_cjk(b)


# A number wrapped inside Chinese text (…资金7121 / .4万元, …安排资金70 / 0万元, …执行率为88. / 06%,
# …资金1, / 234.56万元): the number follows a CJK character, and the next line goes on with the rest of its
# shape — Chinese prose never sets two numbers apart by a line break alone.  The shapes are data
# (``number_wraps`` in patterns/pdf_layout.yaml): a line's end and the next line's start, each a regex.


@lru_cache(maxsize=1)
def _number_wraps() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    from .. import patterns

    def rx(text: str) -> re.Pattern[str]:
        return re.compile(text.replace("{CJK}", CJK).replace("{HAN}", HAN))

    return [(rx(w["end"]), rx(w["start"])) for w in patterns.load("pdf_layout.yaml")["number_wraps"]]


def inside_number(a: str, b: str) -> bool:
    """Whether a wrap between text ending ``a`` and text starting ``b`` splits a number."""
    return any(end.search(a) and start.match(b) for end, start in _number_wraps())


def join_lines(a: str, b: str) -> str:
    """Rejoin two wrapped lines: no space at a CJK wrap or after a line-end hyphen/minus.

    A minus sign (or hyphen) at the end of a line is kept: ``-`` + ``1,680.12`` is
    ``-1,680.12``, never ``1,680.12``.
    """
    if not a:
        return b
    if not b:
        return a
    return a + b if _joins(a[-1], b[0]) or inside_number(a[-24:], b[:24]) else a + " " + b


_BREAK = re.compile(r"[ \t]*\n\s*")


def join_wrapped(text: str) -> str:
    """Text broken over lines as one line, each break joined as :func:`join_lines` joins
    two lines (a break at either end of the text becomes one space)."""

    def joined(m: re.Match[str]) -> str:
        if m.start() == 0 or m.end() == len(text):
            return " "
        return "" if _joins(text[m.start() - 1], text[m.end()]) else " "

    return _BREAK.sub(joined, text) if "\n" in text else text


def clean_cell(text: str | None) -> str:
    """A table cell's text on one line: each line tidied (:func:`tidy_line`), the lines
    rejoined (:func:`join_lines`), runs of spaces and tabs one space."""
    if not text:
        return ""
    out = ""
    for part in text.replace("\r", "\n").split("\n"):
        part = tidy_line(part)
        if part:
            out = join_lines(out, part)
    return re.sub(r"[ \t]+", " ", out).strip()


@lru_cache(maxsize=4096)
def chinese_number(text: str) -> int | float | None:
    """The value of ``text``, a number written in Chinese numerals (``十一`` → 11,
    ``九十二点五`` → 92.5, ``三万`` → 30000; cn2an's "smart" mode, so ``3万`` too);
    ``None`` when ``text`` is no such number."""
    import warnings

    import cn2an

    with warnings.catch_warnings():  # cn2an warns about words it leaves alone
        warnings.simplefilter("ignore")
        try:
            return cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, TypeError):
            return None


__all__ = [
    "HAN",
    "CJK",
    "HAN_RX",
    "CJK_RX",
    "SENTENCE_END",
    "FULL_STOP",
    "is_han",
    "is_cjk",
    "tidy_line",
    "join_lines",
    "join_wrapped",
    "clean_cell",
    "chinese_number",
]
