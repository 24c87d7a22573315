"""The users' words for the store's codes: Chinese labels, and the words a filter accepts.

The store keeps the contract's codes (``problem``, ``third_party``, ``information_system``);
people write 问题, 第三方, 信息化与数据共享.  This module is the one place that says which
words mean which code, in both directions:

* :func:`label` — the Chinese label of a code (``label("mode", "self")`` → ``自评``), for
  exports, comparisons and listings;
* :func:`code` — the code a user's word means (``code("kind", "建议")`` → ``recommendation``),
  for filters; an unknown word raises :class:`UnknownValue` naming what is accepted.

Vocabularies: ``kind`` (finding kinds), ``report_kind``, ``mode`` (evaluation modes),
``grade``, ``category`` (the taxonomy of ``patterns/taxonomy.yaml``: its keys, its labels,
the parts of a label between 与/、/， and its keywords), ``level`` (division levels).
"""

from __future__ import annotations

import re
from functools import lru_cache

FINDING_KINDS = ("problem", "recommendation", "experience")
REPORT_KINDS = ("project", "department", "policy", "fund")
EVALUATION_MODES = ("self", "third_party", "finance")
GRADES = ("优", "良", "中", "差")
LEVELS = ("province", "prefecture", "county")

# code → (label, other words people use for it).  The label comes first; the contract's
# README gives the meaning of each code.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "kind": {
        "problem": ("问题", "存在的问题", "存在问题", "主要问题", "problems"),
        "recommendation": ("建议", "意见建议", "改进建议", "对策建议", "整改建议", "recommendations"),
        "experience": ("经验", "经验做法", "主要经验", "做法", "主要经验及做法", "experiences"),
    },
    "report_kind": {
        "project": ("项目支出", "项目", "项目支出绩效评价"),
        "department": ("部门整体支出", "部门整体", "整体支出", "单位整体"),
        "policy": ("政策", "政策评价"),
        "fund": ("社保基金预算", "社会保险基金预算", "基金预算", "社保基金"),
    },
    "mode": {
        "self": ("自评", "自评价", "单位自评", "部门自评", "绩效自评", "self-evaluation"),
        "third_party": ("第三方评价", "第三方", "第三方机构", "委托第三方", "受托第三方机构", "third-party"),
        "finance": ("财政评价", "财政重点评价", "重点评价", "财政部门评价", "财政"),
    },
    "grade": {
        "优": ("优", "优秀", "A", "excellent"),
        "良": ("良", "良好", "B", "good"),
        "中": ("中", "中等", "一般", "C", "fair"),
        "差": ("差", "较差", "不合格", "D", "poor"),
    },
    "level": {
        "province": ("省", "省级", "省份"),
        "prefecture": ("市（州）", "市级", "地级", "州", "地区"),
        "county": ("县（市、区）", "县级", "县", "区"),
    },
}

# What each vocabulary is called in messages.
NOUNS = {
    "kind": "kind",
    "report_kind": "report kind",
    "mode": "evaluation mode",
    "grade": "grade",
    "category": "category",
    "level": "level",
}


class UnknownValue(ValueError):
    """A word that no code of a vocabulary means; the message lists what is accepted."""


def _fold(word: str) -> str:
    """Compare words without case, spaces, or the difference of full- and half-width forms."""
    import unicodedata

    return re.sub(r"[\s_\-]+", "", unicodedata.normalize("NFKC", str(word))).lower()


@lru_cache(maxsize=1)
def _taxonomy() -> dict[str, dict]:
    from ..patterns import load

    try:
        return {k: (v or {}) for k, v in load("taxonomy.yaml")["categories"].items()}
    except Exception:  # a broken taxonomy file must not break filters on the other vocabularies
        return {}


def vocabulary(name: str) -> dict[str, tuple[str, ...]]:
    """``code → (label, other words…)`` of vocabulary ``name``."""
    if name == "category":
        out: dict[str, tuple[str, ...]] = {}
        for key, spec in _taxonomy().items():
            lab = spec.get("label") or key
            parts = tuple(p for p in re.split(r"[与、，,和及]", lab) if len(p) >= 2 and p != lab)
            out[key] = (lab, *parts)
        return out
    if name not in _WORDS:
        raise KeyError(name)
    return _WORDS[name]


def label(name: str, value: str | None) -> str | None:
    """The Chinese label of ``value`` in vocabulary ``name`` (the value itself when it has none)."""
    if value is None:
        return None
    words = vocabulary(name).get(value)
    return words[0] if words else value


def labels(name: str) -> dict[str, str]:
    """``code → label`` of vocabulary ``name``, in the vocabulary's order."""
    return {c: w[0] for c, w in vocabulary(name).items()}


@lru_cache(maxsize=None)
def _index(name: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Exact words (codes, labels, synonyms) → code, and the category keywords → codes."""
    exact: dict[str, str] = {}
    for c, words in vocabulary(name).items():
        for w in (c, *words):
            exact.setdefault(_fold(w), c)
    keywords: dict[str, set[str]] = {}
    if name == "category":
        for key, spec in _taxonomy().items():
            for kw in spec.get("keywords") or ():
                keywords.setdefault(_fold(kw), set()).add(key)
    return exact, keywords


def code(name: str, word: str) -> str:
    """The code ``word`` means in vocabulary ``name``: a code, its label, or a synonym.

    A category is also found by one of its taxonomy keywords (数据共享 → information_system)
    when only one category lists it.  Raises :class:`UnknownValue` naming what is accepted.
    """
    exact, keywords = _index(name)
    w = _fold(word)
    if w in exact:
        return exact[w]
    hits = keywords.get(w, set())
    if len(hits) == 1:
        return next(iter(hits))
    accepted = "、".join(f"{lab} ({c})" if lab != c else c for c, lab in labels(name).items())
    if len(hits) > 1:
        several = "、".join(f"{label(name, c)} ({c})" for c in sorted(hits))
        raise UnknownValue(f"{word!r} is a keyword of several categories: {several}; give one of them")
    raise UnknownValue(f"unknown {NOUNS.get(name, name)} {word!r}; use one of: {accepted}")


__all__ = [
    "label",
    "labels",
    "code",
    "vocabulary",
    "UnknownValue",
    "FINDING_KINDS",
    "REPORT_KINDS",
    "EVALUATION_MODES",
    "GRADES",
    "LEVELS",
    "NOUNS",
]
