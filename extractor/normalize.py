"""Text normalisation shared by every reader.

Full-width digits, Latin letters and a few ASCII-able symbols become half-width
(``２０２１`` → ``2021``); Chinese punctuation such as ``，。（）`` is kept as it is,
because headings are numbered with it (``（一）``) and it carries meaning.
No character of content is ever dropped: only control characters and
zero-width marks, which carry none, are removed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from .cjk import HAN

# Full-width ASCII range U+FF01..U+FF5E maps to U+0021..U+007E.  We convert only
# digits, letters and the symbols that appear inside numbers (．％＋－／), so that
# Chinese typographic punctuation (（），：；) stays as printed.
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({"．": ".", "％": "%", "＋": "+", "－": "-", "／": "/", "＝": "=", "＜": "<", "＞": ">"})
_FULLWIDTH.update({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
_TABLE = str.maketrans(_FULLWIDTH)

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """Half-width digits/letters, plain spaces, no invisible marks; newlines and tabs kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", text.translate(_TABLE))


def squash(text: str) -> str:
    """A comparison key: normalised text with all whitespace removed."""
    return re.sub(r"\s+", "", normalize_text(text))


# A pinyin gloss as mirror sites print it: (jì), （píng）, up to seven letters in brackets.  The one
# spelling of a gloss: ``RUBY`` (the view, the text reader) is built from it.  (patterns/figures.yaml's
# ``ruby``, which the figures' names read, is still a copy of it, character for character.)
RUBY_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")
# Pinyin that mirror sites insert after characters: 績(jì)效評(píng)價(jià) → 績效評價 (a gloss right
# after a Chinese character).
RUBY = re.compile(rf"(?<=[{HAN}])" + RUBY_GLOSS.pattern)


def without_glosses(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` without the pinyin glosses mirror sites print after characters (预(yù)算 → 预算:
    ``RUBY``), and the map from its offsets back to ``text``'s."""
    cuts: list[int] = []  # offsets in the result where a gloss was taken out
    removed: list[int] = []  # characters taken out up to and including that cut
    pieces, pos, gone = [], 0, 0
    for m in RUBY.finditer(text):
        pieces.append(text[pos : m.start()])
        gone += m.end() - m.start()
        cuts.append(m.start() - (gone - (m.end() - m.start())))
        removed.append(gone)
        pos = m.end()
    pieces.append(text[pos:])

    def back(i: int) -> int:
        k = bisect_right(cuts, i)
        return i + (removed[k - 1] if k else 0)

    return "".join(pieces), back


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def simplified(ch: str) -> str:
    """One character in simplified form (itself when it has no one-character form; OpenCC ``t2s``)."""
    if ch < "\u3400":  # ASCII, Latin, punctuation: nothing to convert
        return ch
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


class _CharTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character, so that a per-character
    rule written in Python costs a dictionary lookup in C for every character after the first."""

    def __init__(self, rule: Callable[[str], str]) -> None:
        super().__init__()
        self.rule = rule

    def __missing__(self, code: int) -> str:
        out = self[code] = self.rule(chr(code))
        return out


def _half_width_simplified(ch: str) -> str:
    n = normalize_text(ch) if ch > "\x7f" else ch
    return simplified(n if len(n) == 1 else ch)


_SIMPLIFIED = _CharTable(simplified)
_FOLDED = _CharTable(_half_width_simplified)


def simplified_chars(text: str) -> str:
    """:func:`simplified` of every character of ``text`` (one for one: offsets unchanged)."""
    return text.translate(_SIMPLIFIED)


# A full-width comma typed as a thousands separator (1，234.56万元, 3，256户: an input method's comma between
# digit groups): read as the ASCII one, which every number pattern takes for a separator. Only inside a
# number shaped so — one to three digits, then groups of exactly three, and no score (95，100分) — so a
# list (95，88, 2021，2022年) stays a list.
_FULLWIDTH_THOUSANDS = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?:\.\d+)?(?![\d,，]|\s*分)")


def thousands_commas(text: str) -> str:
    """``text`` with each full-width comma that separates a number's thousands made ASCII, one for one."""
    if "，" not in text:
        return text
    return _FULLWIDTH_THOUSANDS.sub(lambda m: m.group().replace("，", ","), text)


# A full-width colon between two digits is a number's (a time 10：17：38, a ratio 1：2), as a
# full-width point is: read half-width, one character for one, as the digits around it are.
_COLON_IN_NUMBER = re.compile(r"(?<=[0-9])：(?=[0-9])")


def number_punctuation(text: str) -> str:
    """``text`` with the full-width marks inside numbers made ASCII, one character for one: a
    thousands comma (:func:`thousands_commas`) and a colon between digits (10：17：38, 1：2)."""
    text = thousands_commas(text)
    if "：" not in text:
        return text
    return _COLON_IN_NUMBER.sub(":", text)


def fold_one_for_one(text: str) -> str:
    """Every character half-width (:func:`normalize_text`, unless that drops or widens it) and
    simplified, a full-width thousands comma ASCII (:func:`thousands_commas`): one character for one,
    so offsets into ``text`` hold in the result."""
    return thousands_commas(text.translate(_FOLDED))


def fold_chars(text: str) -> str:
    """``text`` in simplified characters without pinyin glosses, for rules written in simplified
    Chinese (offsets are not kept: see :class:`jixiao.extractor.record.view.View` for that)."""
    return "".join(simplified(c) for c in RUBY.sub("", normalize_text(text)))
