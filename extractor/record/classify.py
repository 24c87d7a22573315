"""Finding categories and recommendation → problem links.

Category = rules + a learned step, blended:

* rules: keyword hits from ``patterns/taxonomy.yaml`` (a hit in the title weighs
  ``title_weight`` times a hit in the text), turned into a distribution;
* learned: multinomial naive Bayes over jieba words and character bigrams,
  trained on ``patterns/category_examples.yaml`` (written for jixiao; no model
  download, trained in milliseconds at first use).

``link_recommendations`` sets each recommendation's ``responds_to``: ordinal
parallelism when a run of problems as long as the recommendation list lines up
topic by topic, otherwise the most similar problem (TF-IDF cosine over jieba
words, plus agreement of categories), or None when nothing is close enough.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable

import jieba

from ... import patterns
from .. import jieba_dict
from ..cjk import HAN

jieba.setLogLevel(logging.WARNING)

# A tokenizer of our own: the taxonomy's keywords must not change how the rest of
# jixiao (the store's full-text index above all) segments text, or an index built
# in one process would not match queries segmented in another.
_TOKENIZER = jieba.Tokenizer()

_WORD = re.compile(f"[{HAN}A-Za-z]")


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, Any]:
    """The taxonomy (``patterns/taxonomy.yaml``), with its keywords added to the classifier's jieba dictionary."""
    data = patterns.load("taxonomy.yaml")
    jieba_dict.start(_TOKENIZER)
    for cat in data["categories"].values():
        for kw in cat.get("keywords") or []:
            _TOKENIZER.add_word(kw, freq=20000)
    return data


def categories() -> list[str]:
    return list(taxonomy()["categories"])


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(taxonomy().get("stopwords") or [])


def tokens(text: str) -> list[str]:
    """jieba words of ``text`` without stopwords, punctuation and numbers."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    taxonomy()
    stop = _stopwords()
    return tuple(w for w in _TOKENIZER.lcut(re.sub(r"\s+", "", text)) if _WORD.search(w) and w not in stop)


def _features(text: str) -> list[str]:
    """Words plus the character bigrams of longer words (robust to segmentation and OCR slips)."""
    words = tokens(text)
    bigrams = ["#" + w[i : i + 2] for w in words if len(w) >= 3 for i in range(len(w) - 1)]
    return words + bigrams


def _head(title: str) -> str:
    """The opening of a title: a long first-sentence title states its topic first."""
    return title[: int(taxonomy().get("head_chars", 30))]


def _focus(title: str, text: str) -> str:
    """Title opening weighted up, plus the rest of the title and the opening of the text."""
    cfg = taxonomy()
    head = _head(title)
    opening = text[: int(cfg.get("text_chars", 240))]
    return " ".join([head] * int(cfg.get("title_weight", 3)) + [title[len(head) :], opening])


# --------------------------------------------------------------------------- rules


def rule_scores(title: str, text: str) -> dict[str, float]:
    """Keyword score per category: a hit in the title's opening weighs ``title_weight``,
    elsewhere in the title 1.5, in the text's opening 1."""
    cfg = taxonomy()
    tw = float(cfg.get("title_weight", 3))
    opening = text[: int(cfg.get("text_chars", 240))]
    head = _head(title)
    out: dict[str, float] = {}
    for cat, spec in cfg["categories"].items():
        score = 0.0
        for kw in spec.get("keywords") or []:
            strength = 1 + 0.1 * len(kw)
            if kw in head:
                score += tw * strength
            elif kw in title:
                score += 1.5 * strength
            elif kw in opening:
                score += strength
        if score:
            out[cat] = score
    return out


# --------------------------------------------------------------------------- naive Bayes


class NaiveBayes:
    """Multinomial naive Bayes with add-``alpha`` smoothing."""

    def __init__(self, alpha: float = 0.5):
        self.alpha = alpha
        self.classes: list[str] = []
        self.prior: dict[str, float] = {}
        self.counts: dict[str, Counter[str]] = {}
        self.totals: dict[str, int] = {}
        self.vocab: set[str] = set()

    def fit(self, texts: Iterable[str], labels: Iterable[str]) -> "NaiveBayes":
        docs = list(zip(texts, labels))
        self.classes = sorted({y for _, y in docs})
        n = len(docs)
        for c in self.classes:
            self.prior[c] = math.log(sum(1 for _, y in docs if y == c) / n)
            self.counts[c] = Counter()
        for x, y in docs:
            feats = _features(x)
            self.counts[y].update(feats)
            self.vocab.update(feats)
        self.totals = {c: sum(self.counts[c].values()) for c in self.classes}
        return self

    def evidence(self, text: str) -> float:
        """How much of ``text`` the model knows: known words count 1, known bigrams ½."""
        return sum(1.0 if not f.startswith("#") else 0.5 for f in set(_features(text)) if f in self.vocab)

    def proba(self, text: str) -> dict[str, float]:
        feats = [f for f in _features(text) if f in self.vocab]
        v = len(self.vocab)
        logp = {}
        for c in self.classes:
            denom = self.totals[c] + self.alpha * v
            logp[c] = self.prior[c] + sum(math.log((self.counts[c][f] + self.alpha) / denom) for f in feats)
        # Naive Bayes is overconfident on long texts (features are not independent):
        # temper the log-likelihoods so the blend with the rules stays meaningful.
        temper = max(1.0, len(feats) / 8)
        top = max(logp.values())
        exp = {c: math.exp((s - top) / temper) for c, s in logp.items()}
        z = sum(exp.values())
        return {c: e / z for c, e in exp.items()}


def training_examples() -> list[tuple[str, str]]:
    """``(text, category)`` pairs from ``patterns/category_examples.yaml``."""
    data = patterns.load("category_examples.yaml")
    known = set(categories())
    out: list[tuple[str, str]] = []
    for cat, texts in data.items():
        if cat not in known:
            raise ValueError(f"category_examples.yaml: unknown category {cat!r}")
        out.extend((t, cat) for t in texts)
    return out


@lru_cache(maxsize=1)
def model() -> NaiveBayes:
    texts, labels = zip(*training_examples())
    return NaiveBayes().fit(texts, labels)


# --------------------------------------------------------------------------- classify


def category_scores(title: str, text: str = "") -> dict[str, float]:
    """Blended probability per category (rules and naive Bayes)."""
    return dict(_category_scores(title, text))


@lru_cache(maxsize=2048)
def _category_scores(title: str, text: str) -> tuple[tuple[str, float], ...]:
    return tuple(_blend(title, text).items())


def _blend(title: str, text: str) -> dict[str, float]:
    cfg = taxonomy()
    w = float(cfg.get("rule_weight", 0.5))
    rules = rule_scores(title, text)
    total = sum(rules.values())
    focus = _focus(title, text)
    if not total and model().evidence(focus) < 1:
        return {"other": 1.0}  # no keyword and (almost) no word the examples know
    nb = model().proba(focus)
    if not total:
        return nb
    return {c: w * rules.get(c, 0.0) / total + (1 - w) * nb.get(c, 0.0) for c in categories()}


def classify(title: str, text: str = "", kind: str = "problem") -> str:
    """Taxonomy key of a finding (``other`` when no category is convincing)."""
    scores = category_scores(title, text or title)
    cat, p = max(scores.items(), key=lambda kv: kv[1])
    return cat if p >= float(taxonomy().get("min_confidence", 0.25)) else "other"


# --------------------------------------------------------------------------- responds_to


def _tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    vecs = []
    for d in docs:
        tf = Counter(d)
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5)) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vecs.append({w: x / norm for w, x in vec.items()})
    return vecs


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _dict_cos(a: dict[str, float], b: dict[str, float]) -> float:
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return _cos(a, b) / (na * nb) if na and nb else 0.0


def similarity_matrix(recs: list[dict[str, Any]], probs: list[dict[str, Any]]) -> list[list[float]]:
    """Similarity of each recommendation to each problem.

    Lexical: TF-IDF cosine over jieba words (and over their character bigrams) of
    the title opening (weighted), the title and the opening text, IDF taken over
    this report's findings.  Topical: cosine of the two findings' category
    distributions (:func:`category_scores`), weighted by ``link_topic_weight``.
    """
    cfg = taxonomy()
    docs = [tokens(_focus(f["title"], f.get("text", ""))) for f in recs + probs]
    words = _tfidf(docs)
    bigrams = _tfidf([["#" + w[i : i + 2] for w in d for i in range(len(w) - 1)] for d in docs])
    topics = [category_scores(f["title"], f.get("text", "")) for f in recs + probs]
    tw = float(cfg.get("link_topic_weight", 0.5))
    n = len(recs)
    return [
        [
            (_cos(words[i], words[n + j]) + _cos(bigrams[i], bigrams[n + j])) / 2
            + tw * _dict_cos(topics[i], topics[n + j])
            for j in range(len(probs))
        ]
        for i in range(n)
    ]


def link_recommendations(findings: list[dict[str, Any]]) -> None:
    """Set ``responds_to`` on the recommendations in ``findings`` (in place); a
    recommendation that answers a problem takes that problem's category."""
    probs = [f for f in findings if f["kind"] == "problem"]
    recs = [f for f in findings if f["kind"] == "recommendation"]
    for f in findings:
        f.setdefault("responds_to", None)
    if not probs or not recs:
        return
    cfg = taxonomy()
    threshold = float(cfg.get("link_threshold", 0.2))
    sim = similarity_matrix(recs, probs)

    # Ordinal parallelism: a run of problems as long as the recommendations that
    # lines up topic by topic (the diagonal is the best match in most rows).
    best_offset, best_fit = None, 0.0
    if len(probs) >= len(recs) >= 2:
        for off in range(len(probs) - len(recs) + 1):
            diag = [sim[i][i + off] for i in range(len(recs))]
            agree = sum(
                1 for i in range(len(recs)) if sim[i][i + off] >= max(sim[i]) - 1e-9 or sim[i][i + off] >= threshold
            )
            fit = sum(diag) / len(diag)
            if agree / len(recs) >= 0.6 and fit > best_fit:
                best_offset, best_fit = off, fit
    for i, r in enumerate(recs):
        if best_offset is not None:
            j = i + best_offset
            r["responds_to"] = probs[j]["ordinal"] if sim[i][j] > 0 else None
        else:
            j = max(range(len(probs)), key=lambda k: sim[i][k])
            r["responds_to"] = probs[j]["ordinal"] if sim[i][j] >= threshold else None
        if r["responds_to"] is not None:
            r["category"] = probs[j]["category"]


__all__ = [
    "classify",
    "category_scores",
    "rule_scores",
    "categories",
    "tokens",
    "NaiveBayes",
    "model",
    "training_examples",
    "link_recommendations",
    "similarity_matrix",
]
