"""Parquet shards: what a distributed import's workers write, and the loader reads.

One row per file read: its sha256 and path, ``status`` ("ok" or "error"), the
reason of an error, and for "ok" the :class:`~jixiao.store.ExtractedDocument`
fields (the record as its JSON, the identity signature as bytes, the findings' words
for the keyword index as JSON — shards written before that column are still read).  A shard is
written to a temporary name in the shard folder, then renamed: a reader sees a
whole shard or none, whatever kills the writer (``pyarrow`` is needed:
``pip install "jixiao[ray]"``).
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..store import mapping
from ..store.db import ExtractedDocument

SUFFIX = ".parquet"

COLUMNS = (
    "sha256",
    "path",
    "status",
    "reason",
    "format",
    "pages",
    "ocr",
    "size",
    "text",
    "record",
    "fingerprint",
    "signature",
    "segments",
)


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("sha256", pa.string()),
            ("path", pa.string()),
            ("status", pa.string()),
            ("reason", pa.string()),
            ("format", pa.string()),
            ("pages", pa.int64()),
            ("ocr", pa.bool_()),
            ("size", pa.int64()),
            ("text", pa.large_string()),
            ("record", pa.large_string()),
            ("fingerprint", pa.string()),
            ("signature", pa.binary()),
            ("segments", pa.large_string()),
        ]
    )


def row(path: str, sha256: str, outcome: tuple[str, Any]) -> dict[str, Any]:
    """One shard row from what :func:`jixiao.corpus.work.work` returned for the file."""
    status, value = outcome
    out: dict[str, Any] = dict.fromkeys(COLUMNS)
    out.update(sha256=sha256, path=path)
    if status == "ok":
        ext: ExtractedDocument = value
        out.update(
            sha256=ext.doc_id,
            status="ok",
            format=ext.format,
            pages=ext.pages,
            ocr=bool(ext.ocr),
            size=ext.size,
            text=ext.text,
            record=mapping.record_json(ext.record),
            fingerprint=ext.fingerprint,
            signature=ext.signature,
            segments=None if ext.segments is None else json.dumps(ext.segments, ensure_ascii=False),
        )
    else:
        out.update(status="error", reason=str(value))
    return out


def document(r: dict[str, Any]) -> ExtractedDocument:
    """The extracted file a row of status "ok" holds."""
    return ExtractedDocument(
        doc_id=r["sha256"],
        path=r["path"],
        format=r["format"],
        pages=r["pages"],
        ocr=bool(r["ocr"]),
        size=int(r["size"]),
        text=r["text"],
        record=mapping.record_from_json(r["record"]),
        signature=r["signature"],
        fingerprint=r["fingerprint"],
        segments=json.loads(r["segments"]) if r.get("segments") else None,
    )


def write(rows: list[dict[str, Any]], folder: str | Path, prefix: str = "part") -> Path:
    """Write ``rows`` as one new shard in ``folder``, atomically (a temporary name, then a rename)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-{uuid.uuid4().hex}{SUFFIX}"
    tmp = folder / f".{name}.tmp"
    table = pa.Table.from_pylist(rows, schema=_schema())
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:  # on disk before it gets its real name
        os.fsync(fh.fileno())
    os.replace(tmp, folder / name)
    return folder / name


def files(folder: str | Path) -> list[Path]:
    """The complete shards in ``folder``, by name (temporary files of unfinished writes are not shards)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def keys(folder: str | Path) -> Iterator[tuple[str, str, str, Path, int]]:
    """(path, sha256, status, shard, row number) of every row in ``folder``'s shards (a few columns read)."""
    import pyarrow.parquet as pq

    for shard in files(folder):
        table = pq.read_table(shard, columns=["path", "sha256", "status"])
        for i, (p, s, st) in enumerate(zip(*(table.column(c).to_pylist() for c in ("path", "sha256", "status")))):
            yield p, s, st, shard, i


def read(shard: str | Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(shard).to_pylist()


def sharded(folder: str | Path, statuses: Iterable[str] = ("ok", "error")) -> set[str]:
    """sha256 of the files the shards in ``folder`` already hold (with one of ``statuses``)."""
    wanted = set(statuses)
    return {s for _p, s, st, _f, _i in keys(folder) if st in wanted}


__all__ = ["row", "document", "write", "files", "keys", "read", "sharded", "COLUMNS"]
