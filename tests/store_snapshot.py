"""What a store holds, for tests that compare two stores or one store before and after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: The tables a report lives in.
REPORT_TABLES = ["documents", "reports", "sources", "indicators", "findings", "figures", "checks", "evidence"]


def snapshot(db: Path) -> dict[str, list]:
    """Content of every table a report lives in (without insertion-order row ids), and what the
    FTS index answers for a few words (the finding ids it matches)."""
    conn = sqlite3.connect(db)
    snap: dict[str, list] = {}
    for table in REPORT_TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
        snap[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
    for word in ["资金", "养老", "宣传", "人员"]:
        snap[f"fts:{word}"] = sorted(
            r[0]
            for r in conn.execute(
                "SELECT f.finding_id FROM findings_fts JOIN findings f ON f.id = findings_fts.rowid"
                " WHERE findings_fts MATCH ?",
                (word,),
            )
        )
    conn.close()
    return snap
