"""The loader: Parquet shards of a distributed import written into a store, in a fixed order.

::

    from jixiao.corpus.loader import load_shards
    summary = load_shards("shards/", "jixiao.db")

Rows are written by (path, sha256), not in the order the workers finished, so two
runs over the same shards build the same store whatever the scheduling was.  A
file already in the store is skipped (unless ``force``), so loading again — after
an interruption, or twice — writes nothing new.  A content sharded twice (a retried
task that had written its shard before its worker died) is written once.  Rows of
files that failed are recorded in ``import_errors`` with their reason.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..store.db import Store
from . import shards
from .importer import ImportedFile, ImportSummary, Progress, finish_summary
from .writer import Writer

#: Shards kept read in memory at once (rows in path order come mostly from one shard at a time).
OPEN_SHARDS = 4


def plan(folder: str | Path) -> list[tuple[str, str, str, Path, int]]:
    """Every row to load, in loading order: (path, sha256, status, shard, row), ok rows
    before error rows of the same content, one row per content and status."""
    rows = sorted(shards.keys(folder), key=lambda k: (k[0], k[1], k[2] != "ok", k[3].name, k[4]))
    out = []
    seen_ok: set[str] = set()
    seen: set[tuple[str, str]] = set()
    ok_shas = {k[1] for k in rows if k[2] == "ok"}
    for k in rows:
        path, sha, status = k[0], k[1], k[2]
        if status == "ok":
            if sha in seen_ok:
                continue
            seen_ok.add(sha)
        elif sha in ok_shas or (path, sha) in seen:  # a failure that a retry made good
            continue
        seen.add((path, sha))
        out.append(k)
    return out


def load_shards(
    folder: str | Path,
    db: Writer | str | Path | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
    index: bool = False,
) -> ImportSummary:
    """Write the shards in ``folder`` into the store ``db`` (a :class:`Store`, a Writer or a path)."""
    if db is None or isinstance(db, (str, Path)):
        with Store(db) as store:
            return load_shards(folder, store, force=force, progress=progress, index=index)
    started = time.monotonic()
    todo = plan(folder)
    import_id = db.begin_import([f"shards:{folder}"], 0, force)
    summary = ImportSummary(import_id, files=len(todo), reports_before=db.table_counts()["reports"])
    stored = db.document_paths()
    cache: OrderedDict[Path, list[dict[str, Any]]] = OrderedDict()
    if progress:
        progress.start(len(todo))

    def row(shard: Path, i: int) -> dict[str, Any]:
        if shard not in cache:
            cache[shard] = shards.read(shard)
            while len(cache) > OPEN_SHARDS:
                cache.popitem(last=False)
        cache.move_to_end(shard)
        return cache[shard][i]

    try:
        for path, sha, status, shard, i in todo:
            if status != "ok":
                reason = row(shard, i)["reason"] or "failed"
                summary.failed.append((path, reason))
                db.record_error(import_id, path, reason, sha)
                outcome = "failed"
            elif sha in stored and not force:
                where = "" if stored[sha] == path else f" as {stored[sha]}"
                summary.skipped.append((path, f"unchanged (already in the store{where})"))
                outcome = "skipped"
            else:
                try:
                    doc = shards.document(row(shard, i))
                    result = db.add_document(doc, replace=force)
                except Exception as exc:  # a row the store cannot hold: that file fails, the load goes on
                    reason = f"cannot store: {type(exc).__name__}: {exc}".splitlines()[0]
                    summary.failed.append((path, reason))
                    db.record_error(import_id, path, reason, sha)
                    outcome = "failed"
                else:
                    stored[sha] = path
                    if result.status == "unchanged":
                        summary.skipped.append((path, "unchanged (already in the store)"))
                        outcome = "skipped"
                    else:
                        summary.imported.append(
                            ImportedFile(
                                path, result.doc_id, result.report_id, result.status, result.warning, doc.pages
                            )
                        )
                        outcome = "imported"
            if progress:
                progress.advance(path, outcome)
    finally:
        if progress:
            progress.finish()
    finish_summary(db, summary, import_id, started)
    if index:
        summary.embedded = db.index()
    return summary


__all__ = ["load_shards", "plan"]
