"""The engine-neutral import (issue 14): the per-file work as one function, Parquet shards
written atomically, and the loader writing shards into a store in a fixed order.

No Ray here (tests/test_ray_import.py runs a real local cluster): the shards are made
by calling the same per-file function the engines schedule, on the real reports.
"""

from __future__ import annotations


import json
import sqlite3

import pytest

from conftest import CORPUS, REPORTS
from jixiao import import_paths
from jixiao.corpus import shards
from jixiao.corpus.loader import load_shards, plan
from jixiao.corpus.walk import FileItem
from jixiao.corpus.work import FileTimeout, failure_reason, work
from jixiao.extractor.errors import ReadError
from jixiao.extractor.limits import Limits
from jixiao.store import Store
from store_snapshot import snapshot

TXT = [CORPUS / f"{r}.txt" for r in REPORTS]


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    """One shard row per real report, from the per-file function itself, and one for a junk file."""
    junk = tmp_path_factory.mktemp("junk") / "junk.txt"
    junk.write_bytes(b"\x00\x01not a report\xff" * 50)
    out = []
    for path in [*TXT, junk]:
        item = FileItem(path=str(path), fs_path=str(path))
        status, value = work(item, "never")
        out.append(shards.row(str(path), value.doc_id if status == "ok" else "junk-sha", (status, value)))
    return out


def test_work_returns_ok_or_error_rows_and_never_raises(rows):
    assert [r["status"] for r in rows] == ["ok", "ok", "ok", "error"]
    assert all(len(r["signature"]) > 0 and r["record"].startswith("{") for r in rows[:3])
    assert rows[3]["path"].endswith("junk.txt") and rows[3]["reason"]
    missing = FileItem(path="gone.pdf", fs_path="/nonexistent/gone.pdf")
    assert work(missing) == ("error", "no such file (it disappeared during the import)")


def test_one_reason_ladder_for_every_entry_point():
    limits = Limits(file_seconds=5)
    assert failure_reason(FileTimeout(), limits).startswith("took too long")
    assert failure_reason(ReadError("x.pdf", "encrypted"), limits) == "encrypted"
    assert failure_reason(MemoryError(), limits) == "out of memory while reading"
    assert failure_reason(ValueError("a\nb"), limits) == "unexpected ValueError: a"


def test_a_shard_is_written_whole_or_not_at_all(rows, tmp_path):
    folder = tmp_path / "shards"
    shard = shards.write(rows, folder)
    (folder / ".part-unfinished.parquet.tmp").write_bytes(b"PAR1 half")  # a writer killed mid-write
    assert shards.files(folder) == [shard]
    assert [r["sha256"] for r in shards.read(shard)] == [r["sha256"] for r in rows]
    doc = shards.document(shards.read(shard)[0])
    assert doc.doc_id == rows[0]["sha256"] and doc.signature == rows[0]["signature"]


def test_loader_gives_the_local_import_store_in_any_shard_order_and_is_idempotent(rows, tmp_path):
    local = tmp_path / "local.db"
    assert import_paths([str(p) for p in TXT], local, workers=0, ocr="never").failed == []

    # The same rows split over shards in another order, one content sharded twice (a retried
    # batch), and the junk file's error.
    folder = tmp_path / "shards"
    shards.write([rows[2], rows[3]], folder)
    shards.write([rows[1], rows[0]], folder)
    shards.write([rows[0]], folder)
    assert [k[0] for k in plan(folder)] == sorted(r["path"] for r in rows)

    loaded = tmp_path / "loaded.db"
    summary = load_shards(folder, loaded)
    assert len(summary.imported) == 3 and [p for p, _ in summary.failed] == [rows[3]["path"]]
    assert snapshot(loaded) == snapshot(local)
    with Store(loaded) as store:
        assert [e["path"] for e in store.import_errors()] == [rows[3]["path"]]

    again = load_shards(folder, loaded)  # loading again changes nothing
    assert again.imported == [] and len(again.skipped) == 3
    assert snapshot(loaded) == snapshot(local)


def test_the_workers_segment_the_findings_and_the_loader_only_writes(rows, tmp_path, monkeypatch):
    """The keyword index's words (jieba) come in the shard, computed by the per-file work; the
    loader writes them as they are (segmenting in the one writer made it the bottleneck)."""
    from jixiao.store import fts, mapping

    ok = [r for r in rows if r["status"] == "ok"]
    words = [json.loads(r["segments"]) for r in ok]
    assert all(w and all(v == fts.segment(k) for k, v in w.items()) for w in words)
    folder = tmp_path / "shards"
    shards.write(ok, folder)

    def no_segmenting(text: str) -> str:
        raise AssertionError(f"the writer segmented {text[:20]!r}")

    monkeypatch.setattr(mapping, "segment", no_segmenting)
    db = tmp_path / "loaded.db"
    assert len(load_shards(folder, db).imported) == len(ok)
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT text, text_seg FROM findings").fetchall())
    conn.close()
    assert stored and all(stored[t] == w[t] for w in words for t in w if t in stored)


def test_jixiao_load_on_the_command_line(rows, tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "shards"
    shards.write(rows, folder)
    db = tmp_path / "cli.db"
    cmd = [sys.executable, "-m", "jixiao.cli", "load", "--shards", str(folder), "--db", str(db), "--no-index"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 1, first.stderr  # partial: the junk file failed
    assert "Imported 3 file(s): 3 new report(s)" in first.stdout
    assert f"  {rows[3]['path']}: {rows[3]['reason']}" in first.stdout
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert "Nothing new: 3 file(s) skipped" in again.stdout
