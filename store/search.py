"""Search findings by meaning: keyword (FTS5/BM25), semantic (dense vectors) and hybrid.

::

    from jixiao.store import Store
    from jixiao.store.search import search, similar

    with Store("jixiao.db") as store:
        for hit in search(store, "资金没到位", kind="problem", years="2019-2023"):
            print(hit.rank, hit.jurisdiction, hit.years, hit.title, hit.snippet)
        for hit in similar(store, hits[0].finding_id):
            ...                                   # the same issue in other places and years

Modes:

- ``keyword``: the store's FTS5 index over jieba-segmented findings (:mod:`jixiao.store.fts`),
  query words OR-ed and ranked by BM25: exact wording, numbers, place names. Words so
  common that BM25 gives them no weight are left out of the ranking, which keeps it fast
  on large stores (see :func:`keyword_terms`).
- ``semantic``: cosine similarity between the query's embedding (query role) and
  every finding's stored embedding (passage role), see :mod:`jixiao.store.vectors`.
  Finds 冒领养老金 in "待遇领取资格不符" and 数据不共享 in "数据信息不互通".
- ``hybrid`` (default): both lists fused by reciprocal rank fusion,
  ``score = Σ 1 / (k + rank)`` with ``k = 60`` (Cormack et al. 2009), which needs no
  score calibration between BM25 and cosine.

Filters are those of :class:`jixiao.store.filters.Filters` (province, prefecture,
county, years, program, kind, category), applied inside both retrievers, so a
filtered search returns the best matches within the filter, not a filtered top-N.

Relevance: the fused ranks say which hit is better, not whether any is good, so every hit
also has a ``relevance`` between 0 and 1, the larger of

- the query's keyword coverage: the share of the query's words (each weighted by its
  inverse document frequency, as BM25 weighs it; a word no finding holds weighs most)
  that the finding contains, and
- the cosine with the query's embedding, scaled from the model's "no relation" cosine (0) to
  its "same thing" cosine (1), :data:`COSINE_RANGE`: 0.76–1 for e5 models (cosines of
  unrelated Chinese texts sit around 0.80–0.88), 0.1–0.35 for USE (the default: unrelated
  texts sit around 0.0–0.2, a paraphrase of a finding around 0.25–0.6), 0.5–1 for other
  models (not calibrated).

A hit below :data:`WEAK_BELOW` (0.5) is marked ``weak``; ``min_score`` leaves such hits out.
The ranges were chosen on ``tests/search_queries.yaml`` (49 queries, hybrid) and 15 queries
about things the three test reports do not discuss (档案管理不规范, 政府采购程序不规范 …).
e5 (0.76): 44 of the 49 expected findings score 0.5 or more, while 43 of the 45 top-3 hits of
the other queries score below it (floor 0.75: 46 and 40; 0.77: 43 and 43).  USE (0.1–0.35):
43 of the 48 expected findings it ranks in the top 3 score 0.5 or more, 42 of the 45 other hits
below (0.05–0.3: 44 and 38; 0.1–0.4: 41 and 43; 0–0.45: 43 and 42).
``tests/test_search_relevance.py`` holds both rates for the default model.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Sequence

import numpy as np

from concurrent.futures import ThreadPoolExecutor

from .embeddings import Embedder
from .filters import Filters
from .mapping import json_list
from .fts import TEXT_WEIGHT, TITLE_WEIGHT, match_expression, query_terms, snippet as make_snippet
from .vectors import (
    check_model,
    dense_index,
    embedder_for,
    filter_index,
    per_state,
    store_size,
    stored_model,
    vector_of,
)

MODES = ("keyword", "semantic", "hybrid")
RRF_K = 60
CANDIDATES = 100  # how deep each retriever's list goes before fusion
MARK = ("【", "】")
# Keyword ranking skips query words found in at least this share of findings: FTS5's
# BM25 gives them an IDF of ~0 (log((N - df + 0.5) / (df + 0.5)) <= 0 is clamped to 1e-6),
# so they do not change the order, but scoring every row they match is most of the cost.
COMMON_SHARE = 0.5
# ...and, in a large store, the most common of the remaining words until the rows to score
# stay under this budget (the rarest word is always kept): bounded latency at 100k findings.
ROW_BUDGET = 20000
# A hit whose relevance (see the module docstring) is below this is a weak match.
WEAK_BELOW = 0.5
# The cosines of an embedding model that mean relevance 0 ("no relation") and 1, by model
# family (the module docstring says how they were chosen).
COSINE_RANGE = {"e5": (0.76, 1.0), "use:": (0.1, 0.35)}
DEFAULT_COSINE_RANGE = (0.5, 1.0)


class SearchError(RuntimeError):
    """A search that cannot run as asked (no vectors in the store, unknown finding …)."""


@dataclass
class SearchHit:
    """One finding in a result list, with where it comes from and why it matched."""

    rank: int
    finding_id: str
    kind: str
    title: str
    text: str
    category: str | None
    page: int | None
    report_id: str
    jurisdiction: str | None  # the smallest unit named, as printed (jurisdiction.name)
    province: str | None
    prefecture: str | None
    county: str | None
    years: list[int]
    program: str | None
    report_title: str | None
    score: float  # hybrid: RRF score; semantic: cosine; keyword: -BM25 (higher is better everywhere)
    snippet: str  # the matched passage with query words marked 【…】
    spans: list[tuple[int, int]] = field(default_factory=list)  # marked words in ``snippet``
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    similarity: float | None = None  # cosine with the query (or the finding, for ``similar``)
    relevance: float = 0.0  # 0..1: keyword coverage or scaled cosine, whichever is larger (module docstring)
    weak: bool = False  # relevance below WEAK_BELOW

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["spans"] = [list(s) for s in self.spans]
        return d


def _conn(store: Any) -> sqlite3.Connection:
    return store if isinstance(store, sqlite3.Connection) else store.conn


def _label(store: Any) -> str:
    path = getattr(store, "path", None)
    return str(path) if path is not None else "the store"


def _filters(filters: Filters | None, kwargs: dict[str, Any]) -> Filters:
    if filters is not None and kwargs:
        raise TypeError("give either filters= or filter keyword arguments, not both")
    return filters or Filters(**{k: v for k, v in kwargs.items() if v not in (None, "")})


def _document_frequencies(conn: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    """How many findings hold each term (only the terms some finding holds).

    Kept per store state: fts5vocab counts a term by walking its whole posting list (a few
    ms for a common word at 100k findings), and a search asks twice (pruning, relevance)."""
    known = per_state(conn, "df")
    missing = [t for t in dict.fromkeys(terms) if t not in known]
    if missing:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.jixiao_fts_vocab USING fts5vocab(main, 'findings_fts', 'row')"
        )
        found = dict(
            conn.execute(
                f"SELECT term, doc FROM temp.jixiao_fts_vocab WHERE term IN ({','.join('?' * len(missing))})", missing
            ).fetchall()
        )
        for t in missing:
            known[t] = int(found.get(t, 0))
    return {t: known[t] for t in terms if known[t]}


def keyword_terms(conn: sqlite3.Connection, query: str) -> tuple[list[str], list[str]]:
    """The query's words (segmented as the index is) and those the ranking uses after pruning.

    Words that no finding contains are dropped; words in at least :data:`COMMON_SHARE` of the
    findings are dropped (BM25 weight ~0); then, while the words left would make more than
    :data:`ROW_BUDGET` rows to score, the most common is dropped (the rarest always stays).
    """
    terms = query_terms(query)
    if not terms:
        return [], []
    df = _document_frequencies(conn, terms)
    n = max(1, store_size(conn))
    kept = [t for t in terms if 0 < df.get(t, 0) < COMMON_SHARE * n]
    if not kept:
        present = [t for t in terms if df.get(t, 0) > 0]
        kept = sorted(present, key=lambda t: df[t])[:1]
    while len(kept) > 1 and sum(df[t] for t in kept) > ROW_BUDGET:
        kept.remove(max(kept, key=lambda t: df[t]))
    return terms, kept


def keyword_ranking(
    conn: sqlite3.Connection,
    query: str,
    filters: Filters,
    *,
    limit: int = CANDIDATES,
    allowed: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """``(findings.id, -BM25)`` best first, within ``filters`` (title weighted as in :mod:`.fts`).

    ``allowed`` (sorted ``findings.id`` inside the filters, see :func:`_allowed_ids`) lets a
    filtered search rank the matches in numpy instead of joining the filter columns in SQL;
    both give the same list (``tests/test_search.py``).
    """
    _, kept = keyword_terms(conn, query)
    if not kept:
        return []
    expr = match_expression(kept)
    score = f"bm25(findings_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT})"
    plain = f"SELECT rowid, {score} AS s FROM findings_fts WHERE findings_fts MATCH ? ORDER BY s, rowid LIMIT ?"
    where, params = filters.findings_where("f")
    if not where:
        return [(int(i), -float(sc)) for i, sc in conn.execute(plain, [expr, limit])]
    if allowed is not None:
        # Every match with its score (pruning keeps them to about ROW_BUDGET rows), the allowed
        # ones kept in numpy and ranked as SQL would (score, then id).  Cheaper than a pool of
        # the unfiltered top rows, which a selective filter empties (then an SQL join on the
        # filter columns, ~30 ms at 100k findings, had to run as well).
        rows = conn.execute(f"SELECT rowid, {score} FROM findings_fts WHERE findings_fts MATCH ?", [expr]).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        scores = np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))
        pos = np.clip(np.searchsorted(allowed, ids), 0, max(len(allowed) - 1, 0))
        ok = (allowed[pos] == ids) if len(allowed) else np.zeros(len(ids), dtype=bool)
        ids, scores = ids[ok], scores[ok]
        order = np.lexsort((ids, scores))[:limit]
        return [(int(ids[i]), -float(scores[i])) for i in order]
    sql = (
        f"SELECT f.id, {score} AS s FROM findings_fts JOIN findings f ON f.id = findings_fts.rowid"
        f" WHERE findings_fts MATCH ? AND {where} ORDER BY s, f.id LIMIT ?"
    )
    return [(int(i), -float(sc)) for i, sc in conn.execute(sql, [expr, *params, limit])]


def _allowed_ids(conn: sqlite3.Connection, filters: Filters) -> np.ndarray | None:
    """Sorted ``findings.id`` inside ``filters``; None when nothing is filtered."""
    if not filters.active():
        return None
    return filter_index(conn, type(filters)).allowed_ids(filters)


_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """One background thread for query embeddings (the C engine and SQLite release the GIL)."""
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jixiao-embed")
    return _POOL


def semantic_ranking(
    conn: sqlite3.Connection,
    query_vector: np.ndarray,
    filters: Filters,
    *,
    limit: int = CANDIDATES,
    exclude_ids: Sequence[int] = (),
    allowed: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """``(findings.id, cosine)`` best first, within ``filters`` (``allowed``: see :func:`_allowed_ids`)."""
    index = dense_index(conn)
    if index is None or len(index) == 0:
        return []
    if allowed is None:
        allowed = _allowed_ids(conn, filters)
    rows = None if allowed is None else index.rows_for(allowed)
    return index.search(query_vector, k=limit, rows=rows, exclude=exclude_ids)


def rrf(rankings: Sequence[Sequence[Any]], k: int = RRF_K) -> list[tuple[Any, float]]:
    """Reciprocal rank fusion of several best-first lists of keys: ``[(key, score)]`` best first.

    Ties (same fused score) keep the order in which keys first appear across the lists
    (the first list wins), so the result is deterministic.
    """
    scores: dict[Any, float] = {}
    first_seen: dict[Any, tuple[int, int]] = {}
    for li, ranking in enumerate(rankings):
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
            first_seen.setdefault(key, (rank, li))
    return sorted(scores.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))


def _rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    cur = conn.execute(
        "SELECT f.id, f.finding_id, f.kind, f.title, f.text, f.category, f.page, f.report_id,"
        " f.jurisdiction_name, f.province, f.prefecture, f.county, f.years, f.program, r.title AS report_title"
        f" FROM findings f LEFT JOIN reports r ON r.report_id = f.report_id WHERE f.id IN ({','.join('?' * len(ids))})",
        list(ids),
    )
    cols = [d[0] for d in cur.description]
    return {row[0]: dict(zip(cols, row)) for row in cur.fetchall()}


def _hit(
    rank: int,
    row: dict[str, Any],
    score: float,
    snippet: str,
    spans: list[tuple[int, int]],
    keyword_rank: int | None,
    semantic_rank: int | None,
    similarity: float | None,
) -> SearchHit:
    return SearchHit(
        rank=rank,
        finding_id=row["finding_id"],
        kind=row["kind"],
        title=row["title"],
        text=row["text"],
        category=row["category"],
        page=row["page"],
        report_id=row["report_id"],
        jurisdiction=row["jurisdiction_name"],
        province=row["province"],
        prefecture=row["prefecture"],
        county=row["county"],
        years=json_list(row["years"]),
        program=row["program"],
        report_title=row["report_title"],
        score=float(score),
        snippet=snippet,
        spans=spans,
        keyword_rank=keyword_rank,
        semantic_rank=semantic_rank,
        similarity=similarity,
    )


def cosine_range(model_name: str | None) -> tuple[float, float]:
    """The cosines that count as relevance 0 and 1 for the model called ``model_name``."""
    name = (model_name or "").lower()
    for family, span in COSINE_RANGE.items():
        if family in name:
            return span
    return DEFAULT_COSINE_RANGE


def keyword_coverage(conn: sqlite3.Connection, terms: Sequence[str], ids: Sequence[int]) -> dict[int, float]:
    """For each finding, the IDF-weighted share of ``terms`` its title or text holds (0..1)."""
    if not terms or not ids:
        return {i: 0.0 for i in ids}
    df = _document_frequencies(conn, list(terms))
    n = max(1, store_size(conn))
    idf = {t: float(np.log(1.0 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5))) for t in terms}
    total = sum(idf.values()) or 1.0
    out = {}
    rows = conn.execute(
        f"SELECT id, title_seg, text_seg FROM findings WHERE id IN ({','.join('?' * len(ids))})", list(ids)
    ).fetchall()
    for fid, title, text in rows:
        words = set(f"{title or ''} {text or ''}".lower().split())
        out[fid] = sum(w for t, w in idf.items() if t in words) / total
    return out


def relevance(coverage: float, cosine: float | None, span: tuple[float, float]) -> float:
    """The larger of keyword coverage and the cosine scaled from ``span[0]`` (0) to ``span[1]`` (1)."""
    floor, top = span
    scaled = 0.0 if cosine is None else (cosine - floor) / (top - floor)
    return round(float(min(1.0, max(0.0, coverage, scaled))), 3)


def search(
    store: Any,
    query: str,
    filters: Filters | None = None,
    *,
    mode: str = "hybrid",
    top: int = 10,
    embedder: Embedder | None = None,
    candidates: int = CANDIDATES,
    rrf_k: int = RRF_K,
    mark: tuple[str, str] = MARK,
    width: int = 120,
    min_score: float | None = None,
    **filter_kwargs: Any,
) -> list[SearchHit]:
    """Findings matching ``query``, best first.

    ``store`` is a :class:`jixiao.store.Store` (or its sqlite3 connection). Filters come
    as ``filters=Filters(...)`` or as keyword arguments (``kind="problem"``,
    ``province="云南"``, ``years="2019-2023"``, ``program=…``, ``category=…``,
    ``prefecture=…``, ``county=…``). ``embedder`` defaults to the model the store's
    vectors were made with; another model raises
    :class:`jixiao.store.vectors.VectorModelMismatch`. Semantic search on a store
    without vectors raises :class:`SearchError` (run ``jixiao index``); hybrid search
    then falls back to keyword ranks only.

    Every hit carries ``relevance`` (0..1) and ``weak`` (relevance below
    :data:`WEAK_BELOW`); ``min_score`` leaves out hits with a lower relevance, so a query
    about something the store does not hold can return nothing.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    conn = _conn(store)
    flt = _filters(filters, filter_kwargs)
    query = (query or "").strip()
    if not query:
        return []

    semantic: list[int] = []
    similarity: dict[int, float] = {}
    pending = None
    if mode in ("semantic", "hybrid"):
        index = dense_index(conn)
        if index is None or len(index) == 0:
            if mode == "semantic":
                raise SearchError(f"{_label(store)}: no finding vectors yet; run `jixiao index` first")
        else:
            emb = embedder or embedder_for(conn)
            check_model(conn, emb, _label(store))
            # Embed the query while SQLite ranks keywords: the two overlap on two cores.
            pending = _pool().submit(emb.embed_queries, [query])

    allowed = _allowed_ids(conn, flt)
    keyword: list[int] = []
    keyword_scores: dict[int, float] = {}
    if mode in ("keyword", "hybrid"):
        for fid, sc in keyword_ranking(conn, query, flt, limit=candidates, allowed=allowed):
            keyword.append(fid)
            keyword_scores[fid] = sc

    if pending is not None:
        qvec = pending.result()[0]
        for fid, cos in semantic_ranking(conn, qvec, flt, limit=candidates, allowed=allowed):
            semantic.append(fid)
            similarity[fid] = cos

    if mode == "keyword":
        fused = [(fid, keyword_scores[fid]) for fid in keyword]
    elif mode == "semantic":
        fused = [(fid, similarity[fid]) for fid in semantic]
    else:
        fused = rrf([keyword, semantic], k=rrf_k)
    # Past the top, hits are only read when min_score may leave some of the top out.
    fused = fused[:top] if min_score is None else fused

    rows = _rows(conn, [fid for fid, _ in fused])
    kw_rank = {fid: i for i, fid in enumerate(keyword, start=1)}
    sem_rank = {fid: i for i, fid in enumerate(semantic, start=1)}
    terms = query_terms(query)
    coverage = keyword_coverage(conn, terms, list(rows))
    model = stored_model(conn) if similarity else None
    span = cosine_range(model.name if model else None)
    hits: list[SearchHit] = []
    for fid, score in fused:
        if len(hits) == top:
            break
        if fid not in rows:
            continue
        rel = relevance(coverage.get(fid, 0.0), similarity.get(fid), span)
        if min_score is not None and rel < min_score:
            continue
        row = rows[fid]
        # Mark the query's words wherever they occur (also in hits found by meaning only).
        snip, spans = make_snippet(row["text"], terms, mark=mark, width=width)
        hit = _hit(len(hits) + 1, row, score, snip, spans, kw_rank.get(fid), sem_rank.get(fid), similarity.get(fid))
        hit.relevance, hit.weak = rel, rel < WEAK_BELOW
        hits.append(hit)
    return hits


def similar(
    store: Any,
    finding_id: str,
    filters: Filters | None = None,
    *,
    top: int = 10,
    same_kind: bool = True,
    include_same_report: bool = False,
    mark: tuple[str, str] = MARK,
    width: int = 120,
    **filter_kwargs: Any,
) -> list[SearchHit]:
    """Findings about the same issue as ``finding_id`` in other reports (other places and years).

    Ranks by cosine similarity of the stored finding vectors. By default only findings
    of the same kind (a problem's peers are problems) from other reports are returned.
    """
    conn = _conn(store)
    flt = _filters(filters, filter_kwargs)
    row = conn.execute(
        "SELECT id, report_id, kind, title, text FROM findings WHERE finding_id = ?", (finding_id,)
    ).fetchone()
    if row is None:
        raise SearchError(f"{_label(store)}: no finding {finding_id!r} (finding ids look like 3fa2b1c4d5e6-p3)")
    own_id, report_id, kind, title, text = row
    vec = vector_of(conn, finding_id)
    if vec is None:
        raise SearchError(f"{_label(store)}: finding {finding_id} has no vector yet; run `jixiao index` first")
    if same_kind and not flt.finding_kind:
        flt = replace(flt, kind=kind)
    exclude = [own_id]
    if not include_same_report:
        exclude += [r[0] for r in conn.execute("SELECT id FROM findings WHERE report_id = ?", (report_id,))]
    ranking = semantic_ranking(conn, vec, flt, limit=top, exclude_ids=exclude)
    rows = _rows(conn, [fid for fid, _ in ranking])
    # Mark the source finding's words that the similar finding shares.
    terms = query_terms(title)
    hits = []
    span = cosine_range(getattr(stored_model(conn), "name", None))
    for rank, (fid, cos) in enumerate(ranking, start=1):
        r = rows[fid]
        snip, spans = make_snippet(r["text"], terms, mark=mark, width=width)
        hit = _hit(rank, r, cos, snip, spans, None, rank, cos)
        hit.relevance = relevance(0.0, cos, span)
        hit.weak = hit.relevance < WEAK_BELOW
        hits.append(hit)
    return hits


def finding(store: Any, finding_id: str) -> dict[str, Any] | None:
    """One finding row with its report's place and years (for showing what ``similar`` started from)."""
    conn = _conn(store)
    row = conn.execute("SELECT id FROM findings WHERE finding_id = ?", (finding_id,)).fetchone()
    if row is None:
        return None
    return _rows(conn, [row[0]])[row[0]]


__all__ = [
    "search",
    "similar",
    "finding",
    "rrf",
    "semantic_ranking",
    "keyword_ranking",
    "keyword_terms",
    "SearchHit",
    "SearchError",
    "MODES",
    "WEAK_BELOW",
    "relevance",
    "keyword_coverage",
    "cosine_range",
]
