"""Approximate dense search (issue 14): FAISS IVF-SQ8 above a size threshold, filters exact.

The vectors are the real finding embeddings of the shared reports (the session's indexed
store), each with a crowd of near neighbours around it, as a national store has many
findings worded alike.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from jixiao.store import ann

pytestmark = pytest.mark.skipif(not ann.available(), reason="faiss-cpu is not installed (the ann extra)")


@pytest.fixture(scope="module")
def vectors(indexed_store) -> np.ndarray:
    conn = sqlite3.connect(indexed_store)
    dim = conn.execute("SELECT dim FROM vector_model").fetchone()[0]
    real = np.stack(
        [
            np.frombuffer(v, dtype="<f4", count=dim)
            for (v,) in conn.execute("SELECT vector FROM finding_vectors ORDER BY rowid")
        ]
    )
    conn.close()
    rng = np.random.default_rng(14)
    crowd = real[rng.integers(0, len(real), 30_000)] + rng.normal(0, 0.02, (30_000, dim)).astype(np.float32)
    out = np.concatenate([real, crowd]).astype(np.float32)
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_approximate_top10_mostly_matches_exact_and_scores_are_exact(vectors):
    index = ann.AnnIndex.build(vectors, nlist=64)
    recalls = []
    for q in range(0, 31, 2):  # real findings as queries
        approx = index.search(vectors, vectors[q], 10, nprobe=8)
        truth = ann.exact(vectors, vectors[q], 10)
        recalls.append(ann.recall_at(10, approx, truth))
        for row, score in approx:  # re-scored with the float32 vectors: true cosines
            assert score == pytest.approx(float(vectors[row] @ vectors[q]), abs=1e-5)
    assert np.mean(recalls) >= 0.9
    full = index.search(vectors, vectors[0], 10, nprobe=64)  # every cell visited: the exact answer
    assert [r for r, _ in full] == [r for r, _ in ann.exact(vectors, vectors[0], 10)]


def test_filters_stay_exact(vectors):
    index = ann.AnnIndex.build(vectors, nlist=64)
    rng = np.random.default_rng(3)
    broad = np.sort(rng.choice(len(vectors), 25_000, replace=False))  # above EXACT_BELOW: the bitmap path
    excluded = [int(r) for r, _ in ann.exact(vectors, vectors[5], 3, broad)]
    hits = index.search(vectors, vectors[5], 10, rows=broad, exclude_rows=excluded)
    assert len(hits) == 10 and set(r for r, _ in hits) <= set(broad.tolist()) - set(excluded)
    narrow = broad[:500]  # a selective filter: exact search over its rows
    assert index.search(vectors, vectors[5], 10, rows=narrow) == ann.exact(vectors, vectors[5], 10, narrow)


def test_saved_index_answers_the_same(vectors, tmp_path):
    index = ann.AnnIndex.build(vectors, nlist=64)
    index.save(tmp_path / "s.ann")
    again = ann.AnnIndex.load(tmp_path / "s.ann")
    assert again.search(vectors, vectors[7], 10) == index.search(vectors, vectors[7], 10)


def test_a_large_store_searches_through_the_saved_index(indexed_store, tmp_path):
    """Above the threshold (lowered here to the store's size) the store's dense search goes
    through an index saved beside the store, rebuilt only when the vectors change."""
    import shutil

    from jixiao.store import vectors

    db = tmp_path / "big.db"
    shutil.copy(indexed_store, db)
    conn = sqlite3.connect(db)
    dense = vectors.DenseIndex.load(conn)
    q = dense.matrix[3]
    exact_hits = dense.search(q, 5)
    made = ann.for_index(str(db), dense.ids, dense.matrix, threshold=len(dense.ids))
    assert made is not None and (tmp_path / "big.db.ann").exists()
    assert ann.for_index(str(db), dense.ids, dense.matrix, threshold=len(dense.ids) + 1) is None
    dense.ann = ann.for_index(str(db), dense.ids, dense.matrix, threshold=len(dense.ids))  # loaded, not built
    assert dense.search(q, 5) == exact_hits  # a store this small: every cell is visited
    conn.close()


def test_new_vectors_are_added_to_the_saved_index_until_it_outgrows_its_training(vectors, tmp_path):
    """An import that adds findings extends the saved index (its cells kept); one that removed or
    rebuilt findings, or that doubled the index since it was trained, builds it again."""
    import json

    db = str(tmp_path / "grow.db")
    ids = np.arange(10, len(vectors) + 10, dtype=np.int64)  # finding ids, in the matrix's order

    def stamp() -> dict:
        return json.loads((tmp_path / "grow.db.ann.json").read_text())

    first = ann.for_index(db, ids[:12_000], vectors[:12_000], threshold=1_000)
    assert first is not None and stamp() == {"rows": 12_000, "ids": ann._digest(ids[:12_000]), "trained": 12_000}
    grown = ann.for_index(db, ids[:20_000], vectors[:20_000], threshold=1_000)  # 8,000 findings added
    assert grown is not None and grown.rows == 20_000
    assert stamp()["rows"] == 20_000 and stamp()["trained"] == 12_000  # extended, not trained again
    assert grown.index.nlist == first.index.nlist
    for q in (3, 15_000, 19_999):  # old and new rows found; every cell visited: the exact answer
        hits = grown.search(vectors[:20_000], vectors[q], 10, nprobe=grown.index.nlist)
        assert hits == ann.exact(vectors[:20_000], vectors[q], 10)
    again = ann.for_index(db, ids[:20_000], vectors[:20_000], threshold=1_000)  # nothing changed: loaded
    assert again is not None and again.rows == 20_000 and stamp()["trained"] == 12_000
    # a finding removed (the old ids are no longer the first rows): built again
    ann.for_index(db, ids[1:20_001], vectors[1:20_001], threshold=1_000)
    assert stamp() == {"rows": 20_000, "ids": ann._digest(ids[1:20_001]), "trained": 20_000}
    # more than REBUILD_GROWTH times the training size: built again
    assert len(vectors) > ann.REBUILD_GROWTH * 12_000
    ann.for_index(db, ids[:12_000], vectors[:12_000], threshold=1_000)
    ann.for_index(db, ids, vectors, threshold=1_000)
    assert stamp()["trained"] == len(vectors)
