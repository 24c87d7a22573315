"""Approximate dense search for large stores: FAISS IVF with 8-bit scalar quantisation.

Below :data:`THRESHOLD` finding vectors, exact search (one matrix-vector product in
:class:`jixiao.store.vectors.DenseIndex`) takes milliseconds and stays.  Above it, an
inverted-file index (``nlist`` k-means cells, vectors stored as 8-bit codes: a quarter of
the float32 matrix) looks at the ``nprobe`` cells nearest the query only.  Filters are
still exact: the allowed rows are a bitmap the index checks for every vector it visits,
and a filter that leaves few rows is answered by exact search over those rows.  The best
candidates are re-scored with the exact float32 vectors, so the scores shown are cosines.

``pip install faiss-cpu`` (the ``ann`` extra); without it every search is exact.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Sequence

import numpy as np

#: Vectors above which searches use the approximate index (bench/scale.py: exact search at
#: this size takes about as long as the rest of a hybrid query).
THRESHOLD = 200_000
#: A filter leaving at most this many rows is answered exactly over them.
EXACT_BELOW = 20_000
#: Cells visited per query, and candidates re-scored exactly per result wanted.
NPROBE = 32
RESCORE = 4


def available() -> bool:
    try:
        import faiss  # noqa: F401
    except ImportError:
        return False
    return True


class AnnIndex:
    """An IVF-SQ8 index over the rows of a float32 matrix (row numbers are the index's ids)."""

    def __init__(self, index: Any, rows: int) -> None:
        self.index = index
        self.rows = rows

    @classmethod
    def build(cls, matrix: np.ndarray, nlist: int | None = None, seed: int = 14) -> "AnnIndex":
        import faiss

        n, dim = matrix.shape
        nlist = nlist or max(1, min(65536, int(4 * math.sqrt(n))))
        quantiser = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantiser, dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        rng = np.random.default_rng(seed)
        sample = matrix if n <= 32 * nlist else matrix[np.sort(rng.choice(n, 32 * nlist, replace=False))]
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        index.add(np.ascontiguousarray(matrix, dtype=np.float32))
        return cls(index, n)

    def add(self, rows: np.ndarray) -> None:
        """Append vectors (the next rows of the matrix) to the trained index: each goes to the
        cell whose centroid is nearest, the cells stay as they were trained."""
        self.index.add(np.ascontiguousarray(rows, dtype=np.float32))
        self.rows = int(self.index.ntotal)

    def save(self, path: str | Path) -> None:
        import faiss

        tmp = Path(f"{path}.tmp")
        faiss.write_index(self.index, str(tmp))
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> "AnnIndex":
        import faiss

        index = faiss.read_index(str(path))
        return cls(index, index.ntotal)

    def search(
        self,
        matrix: np.ndarray,
        query: np.ndarray,
        k: int,
        rows: np.ndarray | None = None,
        exclude_rows: Sequence[int] = (),
        nprobe: int = NPROBE,
    ) -> list[tuple[int, float]]:
        """Top ``k`` (row, cosine) best first, only among ``rows`` (all when ``None``), never
        ``exclude_rows``."""
        import faiss

        q = np.asarray(query, dtype=np.float32).reshape(1, -1)
        if rows is not None and len(rows) <= EXACT_BELOW:
            return exact(matrix, q[0], k, rows, exclude_rows)
        allowed = np.ones(self.rows, dtype=bool) if rows is None else np.zeros(self.rows, dtype=bool)
        if rows is not None:
            allowed[rows] = True
        if len(exclude_rows):
            allowed[np.asarray(exclude_rows, dtype=np.int64)] = False
        # A filter keeping a share f of the rows leaves f of each cell: visit 1/f times the cells,
        # so that about as many allowed vectors are seen as without a filter.
        share = allowed.mean() if rows is not None else 1.0
        params = faiss.SearchParametersIVF()
        params.nprobe = min(self.index.nlist, math.ceil(nprobe / max(share, 1e-6)))
        if rows is not None or len(exclude_rows):
            # faiss's stubs give the C++ signature (n, bitmap); its Python wrapper
            # (class_wrappers.handle_IDSelectorSubset) takes the bitmap alone and keeps it alive.
            params.sel = faiss.IDSelectorBitmap(np.packbits(allowed, bitorder="little"))  # type: ignore[call-arg, arg-type]
        _, found = self.index.search(q, min(self.rows, RESCORE * k), params=params)
        cand = found[0][found[0] >= 0]
        return exact(matrix, q[0], k, cand)


#: An index extended with new vectors is trained again once it holds this many times the vectors
#: its cells were trained on (they were placed for those).
REBUILD_GROWTH = 2.0


def _digest(ids: np.ndarray) -> str:
    import hashlib

    return hashlib.sha1(np.ascontiguousarray(ids).tobytes()).hexdigest()


def for_index(db: str, ids: np.ndarray, matrix: np.ndarray, threshold: int | None = None) -> AnnIndex | None:
    """The approximate index of a store's vectors (``None`` below the threshold or without faiss).

    Kept beside the store as ``<db>.ann`` with ``<db>.ann.json`` naming the vectors it holds
    (their count and a hash of their finding ids) and how many it was trained on.  When the
    vectors changed it is brought up to date (``jixiao index`` does it, so that searches find it
    ready): if the stored ones are the first rows of the new (an import added findings, none
    was removed or rebuilt) and the index is still under :data:`REBUILD_GROWTH` times its
    training size, the new rows are added to it; otherwise it is built again.
    """
    if len(ids) < (THRESHOLD if threshold is None else threshold) or not available():
        return None
    import json

    stamp: dict[str, Any] = {"rows": int(len(ids)), "ids": _digest(ids)}
    path, meta = Path(f"{db}.ann"), Path(f"{db}.ann.json")
    if db.startswith("memory:"):
        return AnnIndex.build(matrix)
    index = None
    try:
        old = json.loads(meta.read_text())
        held, trained = int(old["rows"]), int(old.get("trained", old["rows"]))
        if held == stamp["rows"] and old["ids"] == stamp["ids"]:
            return AnnIndex.load(path)
        if held < len(ids) <= REBUILD_GROWTH * trained and _digest(ids[:held]) == old["ids"]:
            index = AnnIndex.load(path)
            if index.rows != held:  # not the index the stamp names
                index = None
            else:
                index.add(matrix[held:])
                stamp["trained"] = trained
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        index = None
    if index is None:
        index = AnnIndex.build(matrix)
        stamp["trained"] = int(len(ids))
    try:
        index.save(path)
        meta.write_text(json.dumps(stamp))
    except OSError:  # a read-only folder: the index lives in memory only
        pass
    return index


def exact(
    matrix: np.ndarray, query: np.ndarray, k: int, rows: np.ndarray | None = None, exclude_rows: Sequence[int] = ()
) -> list[tuple[int, float]]:
    """Exact top ``k`` (row, cosine) among ``rows`` (all when ``None``)."""
    if rows is not None and len(rows) <= len(matrix) // 4:  # few rows: score just those
        rows = np.asarray(rows, dtype=np.int64)
        if len(exclude_rows):
            rows = rows[~np.isin(rows, np.asarray(exclude_rows, dtype=np.int64))]
        if len(rows) == 0:
            return []
        scores = matrix[rows] @ query
    else:  # many rows: score every row and mask the others out (cheaper than a copy)
        scores = matrix @ query
        if rows is not None:
            keep = np.zeros(len(scores), dtype=bool)
            keep[rows] = True
            scores[~keep] = -np.inf
        if len(exclude_rows):
            scores[np.asarray(exclude_rows, dtype=np.int64)] = -np.inf
        rows = np.arange(len(matrix))
    k = min(k, len(rows))
    top = np.argpartition(-scores, k - 1)[:k] if k < len(rows) else np.arange(len(rows))
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(int(rows[t]), float(scores[t])) for t in top if np.isfinite(scores[t])]


def recall_at(k: int, approx: list[tuple[int, float]], truth: list[tuple[int, float]]) -> float:
    """Share of the exact top ``k`` that the approximate top ``k`` holds; a result scoring as
    high as the exact ``k``-th counts (duplicate vectors tie, and either of them is right)."""
    if not truth:
        return 1.0
    kth = truth[:k][-1][1]
    return min(1.0, sum(1 for _, s in approx[:k] if s >= kth - 1e-6) / min(k, len(truth)))


__all__ = [
    "AnnIndex",
    "for_index",
    "REBUILD_GROWTH",
    "exact",
    "recall_at",
    "available",
    "THRESHOLD",
    "EXACT_BELOW",
    "NPROBE",
]
