"""Chinese full-text search over findings: jieba segmentation + SQLite FTS5.

FTS5's ``unicode61`` tokenizer splits on spaces and punctuation but treats a run
of Chinese characters as one token, so the text is segmented with jieba first
and the words, joined by spaces, are kept in their own columns
(``findings.title_seg``, ``findings.text_seg``) that the external-content FTS5
table ``findings_fts`` indexes.  Queries are segmented the same way
(``jieba.cut_for_search``, which also emits the short words inside long ones), so
资金没到位 finds 资金到位不及时.  Terms are OR-ed and ranked by BM25 (title
weighted above text); ``match="all"`` requires every term instead.

Snippets are cut from the original text, not the segmented one, with the
matched words marked; a one-character word of the query (不, 未) is marked only
next to another marked word (数据【不共享】), never on its own.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..extractor import jieba_dict
from .filters import Filters

TITLE_WEIGHT = 2.0
TEXT_WEIGHT = 1.0

_jieba = None


def _tokenizer():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba_dict.start(jieba.dt)  # the dictionary read once per process (jieba.initialize() otherwise)
        _jieba = jieba
    return _jieba


_WORD = re.compile(r"\w", re.UNICODE)


def words(text: str) -> list[str]:
    """The searchable words of ``text``: jieba's search-mode cut, punctuation and spaces dropped."""
    jieba = _tokenizer()
    return [w for w in jieba.cut_for_search(text or "") if _WORD.search(w)]


def segment(text: str) -> str:
    """``text`` as space-separated words, the form stored in the ``*_seg`` columns."""
    return " ".join(words(text))


def query_terms(query: str) -> list[str]:
    """Distinct words of a query, in order, without stop words."""
    from ..patterns import load

    stop = set(_stopwords(load))
    seen: dict[str, None] = {}
    for w in words(query):
        w = w.lower()
        if w not in stop:
            seen.setdefault(w, None)
    return list(seen)


def _stopwords(load) -> list[str]:
    try:
        return list(load("search_stopwords.yaml").get("stopwords") or [])
    except Exception:  # a missing pattern file must not break search
        return []


def match_expression(terms: Iterable[str], match: str = "any") -> str:
    """An FTS5 MATCH expression: each term a quoted string, OR-ed (``any``) or AND-ed (``all``)."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    return (" AND " if match == "all" else " OR ").join(quoted)


@dataclass
class KeywordHit:
    """One finding matched by :func:`keyword_search`; ``rank`` is 1-based (best first)."""

    rank: int
    finding_id: str
    score: float  # BM25 as SQLite returns it: more negative is better
    snippet: str
    spans: list[tuple[int, int]]  # matched words in ``snippet`` (start, end)
    finding: dict[str, Any] = field(repr=False)  # the findings row (without the *_seg columns)


def keyword_search(
    conn: sqlite3.Connection,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 50,
    match: str = "any",
    mark: tuple[str, str] = ("【", "】"),
    width: int = 120,
) -> list[KeywordHit]:
    """Findings matching ``query``, best BM25 first, within ``filters``."""
    terms = query_terms(query)
    if not terms:
        return []
    where, params = (filters or Filters()).findings_where("f")
    sql = (
        f"SELECT f.*, bm25(findings_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}) AS _score "
        "FROM findings_fts JOIN findings f ON f.id = findings_fts.rowid "
        f"WHERE findings_fts MATCH ? {('AND ' + where) if where else ''} "
        "ORDER BY _score, f.finding_id LIMIT ?"
    )
    cur = conn.execute(sql, [match_expression(terms, match), *params, limit])
    cols = [d[0] for d in cur.description]
    hits: list[KeywordHit] = []
    for i, values in enumerate(cur.fetchall(), start=1):
        row = dict(zip(cols, values))
        score = row.pop("_score")
        row.pop("title_seg", None)
        row.pop("text_seg", None)
        text, spans = snippet(row["text"], terms, mark=mark, width=width)
        hits.append(KeywordHit(i, row["finding_id"], score, text, spans, row))
    return hits


def snippet(
    text: str, terms: Iterable[str], *, mark: tuple[str, str] = ("【", "】"), width: int = 120
) -> tuple[str, list[tuple[int, int]]]:
    """The ``width``-character window of ``text`` with the most query words, words marked.

    Returns the marked snippet and the spans of the marked words inside it
    (after marking), for callers that style matches themselves.
    """
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    lowered = text.lower()
    taken = [False] * len(text)
    found: list[tuple[int, int]] = []
    for t in terms:  # longest first, so 养老金 wins over 养老 where both match
        start = lowered.find(t)
        while start != -1:
            end = start + len(t)
            if not any(taken[start:end]):
                found.append((start, end))
                for k in range(start, end):
                    taken[k] = True
            start = lowered.find(t, end)
    found.sort()
    if any(len(t) > 1 for t in terms):
        # A one-character word (不, 未, 低) is marked only as part of a phrase of the query
        # (数据【不】共享), not wherever the text says it: alone it marks every other clause.
        long_edges = {x for s, e in found if e - s > 1 for x in (s, e)}
        found = [(s, e) for s, e in found if e - s > 1 or s in long_edges or e in long_edges]
    merged: list[tuple[int, int]] = []
    for s, e in found:  # 资金 + 到位 side by side are marked as one 【资金到位】
        if merged and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    found = merged
    if len(text) <= width:
        lo, hi = 0, len(text)
    elif not found:
        lo, hi = 0, width
    else:
        # Slide a window over the match starts; keep the one covering the most matches.
        best, best_lo, j = -1, 0, 0
        for s, _ in found:
            while found[j][0] < s - width // 2:
                j += 1
            n = sum(1 for a, b in found[j:] if a >= s - width // 2 and b <= s + width // 2)
            if n > best:
                best, best_lo = n, max(0, s - width // 2 + 10)
        lo = max(0, min(best_lo, len(text) - width))
        hi = lo + width
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, length = lo, 0
    prefix = "…" if lo > 0 else ""
    length = len(prefix)
    out.append(prefix)
    for s, e in found:
        if s < lo or e > hi:
            continue
        out.append(text[pos:s])
        length += s - pos
        out.append(mark[0] + text[s:e] + mark[1])
        spans.append((length + len(mark[0]), length + len(mark[0]) + e - s))
        length += len(mark[0]) + (e - s) + len(mark[1])
        pos = e
    out.append(text[pos:hi])
    if hi < len(text):
        out.append("…")
    return "".join(out), spans


__all__ = ["segment", "words", "query_terms", "match_expression", "keyword_search", "snippet", "KeywordHit"]
