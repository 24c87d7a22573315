"""The identity index kept in the store's own tables: opening a store builds nothing.

"Which stored files could this new one be another rendering of?" is answered by the
blocked candidates of :class:`jixiao.store.identity.SignatureIndex` — the stored files
whose division and years could match (a *block* is one division and one year), those
sharing an LSH band of the text signature, and those with the same fingerprint — and
then by comparing signatures.  That index used to live in memory, built from every
stored record when a store was first written to (about a minute at a million files, the
records' JSON parsed one by one).  Here the same keys are rows, written in the same
transaction as the document they index:

``identity_docs``    one row per stored file: an integer ``id`` (the blocks' and bands'
                     key, stable under ``VACUUM``), its ``doc_id``, division (``adcode``,
                     '' when none) and ``years`` (comma-separated, '' when none);
``identity_blocks``  one row per (division, year) of a file (year 0: the file has none);
``identity_bands``   one row per LSH band of the file's signature (the band's hash as a
                     signed 64-bit integer).

So a store opens at once whatever its size, the cost per new file is a few indexed
lookups and one signature read per candidate, and a write by another process is seen
by the next transaction (no copy in memory to bring up to date).  The candidates and
their order are those of :meth:`SignatureIndex.candidates`
(``tests/test_scale_identity.py`` checks the two agree).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from .identity import Identity, band_hashes, similarities

#: A file with no division / no year is filed under these (the key columns are NOT NULL).
NO_ADCODE = ""
NO_YEAR = 0

#: Candidate rows read per query (keeps a file without keys, compared with everything, in
#: bounded memory).
CHUNK = 500

SCHEMA = [
    """CREATE TABLE identity_docs (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        adcode TEXT NOT NULL,       -- '' when the record names no division
        years TEXT NOT NULL         -- comma-separated, '' when it states none
    )""",
    """CREATE TABLE identity_blocks (
        adcode TEXT NOT NULL,
        year INTEGER NOT NULL,      -- 0 when the file has no year
        id INTEGER NOT NULL,
        PRIMARY KEY (adcode, year, id)
    ) WITHOUT ROWID""",
    "CREATE INDEX identity_blocks_year ON identity_blocks (year)",
    """CREATE TABLE identity_bands (
        hash INTEGER NOT NULL,      -- the band's uint64 hash read as a signed 64-bit integer
        band INTEGER NOT NULL,
        id INTEGER NOT NULL,
        PRIMARY KEY (hash, band, id)
    ) WITHOUT ROWID""",
]


@dataclass(frozen=True)
class Candidate:
    """A stored file that could be another rendering of the new one."""

    similarity: float
    doc_id: str
    identity: Identity
    report_id: str


def _bands(sig: bytes) -> list[int]:
    return [int(h) for h in band_hashes(sig).view(np.int64)]


def _years(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in text.split(",") if y)


def identity_of_json(record: str, fingerprint: str | None) -> Identity:
    """The identity of a stored ``documents.record`` JSON, read without building the record
    (what :func:`jixiao.store.mapping.identity_of` reads: its years and its division's adcode)."""
    data = json.loads(record)
    jurisdiction = data.get("jurisdiction") or {}
    return Identity(frozenset(int(y) for y in data.get("years") or []), jurisdiction.get("adcode"), fingerprint or None)


def add(conn: sqlite3.Connection, doc_id: str, sig: bytes, ident: Identity) -> None:
    """Index a stored file (call in the transaction that stores it)."""
    adcode = ident.adcode or NO_ADCODE
    years = sorted(ident.years)
    cur = conn.execute(
        "INSERT INTO identity_docs (doc_id, adcode, years) VALUES (?, ?, ?)",
        (doc_id, adcode, ",".join(str(y) for y in years)),
    )
    i = cur.lastrowid
    conn.executemany(
        "INSERT OR IGNORE INTO identity_blocks (adcode, year, id) VALUES (?, ?, ?)",
        [(adcode, y, i) for y in years or [NO_YEAR]],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO identity_bands (hash, band, id) VALUES (?, ?, ?)",
        [(h, b, i) for b, h in enumerate(_bands(sig))],
    )


def remove(conn: sqlite3.Connection, doc_id: str) -> None:
    """Forget a stored file (call before its ``documents`` row is deleted: its signature is read)."""
    row = conn.execute(
        "SELECT i.id, i.adcode, i.years, d.signature FROM identity_docs i"
        " LEFT JOIN documents d ON d.doc_id = i.doc_id WHERE i.doc_id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return
    i, adcode, years, sig = row
    conn.executemany(
        "DELETE FROM identity_blocks WHERE adcode = ? AND year = ? AND id = ?",
        [(adcode, y, i) for y in sorted(_years(years)) or [NO_YEAR]],
    )
    if sig is not None:
        conn.executemany(
            "DELETE FROM identity_bands WHERE hash = ? AND band = ? AND id = ?",
            [(h, b, i) for b, h in enumerate(_bands(sig))],
        )
    else:  # not expected (a document is removed after its index rows); slower, still right
        conn.execute("DELETE FROM identity_bands WHERE id = ?", (i,))
    conn.execute("DELETE FROM identity_docs WHERE id = ?", (i,))


def _block_ids(conn: sqlite3.Connection, ident: Identity | None) -> Iterator[int] | None:
    """Ids of the files in the blocks ``ident`` could match (``None``: every file), as
    :meth:`SignatureIndex._keys` chooses them: a division and years match their own blocks and
    the blocks without division or year; a division alone every year of it (and of no
    division); years alone every division in them (and the files without a year)."""
    if ident is None or (not ident.years and not ident.adcode):
        return None
    years = sorted(ident.years)
    if ident.adcode and years:
        sql = f"SELECT id FROM identity_blocks WHERE adcode IN (?, ?) AND year IN ({','.join('?' * (len(years) + 1))})"
        args: list[object] = [ident.adcode, NO_ADCODE, *years, NO_YEAR]
    elif ident.adcode:
        sql, args = "SELECT id FROM identity_blocks WHERE adcode IN (?, ?)", [ident.adcode, NO_ADCODE]
    else:
        sql = f"SELECT id FROM identity_blocks WHERE year IN ({','.join('?' * (len(years) + 1))})"
        args = [*years, NO_YEAR]
    return (i for (i,) in conn.execute(sql, args))


def _band_ids(conn: sqlite3.Connection, sig: bytes) -> set[int]:
    """Ids of the files sharing an LSH band with ``sig`` (the same band, the same hash)."""
    hashes = _bands(sig)
    wanted = set(enumerate(hashes))
    rows = conn.execute(
        f"SELECT band, hash, id FROM identity_bands WHERE hash IN ({','.join('?' * len(hashes))})", hashes
    )
    return {i for b, h, i in rows if (b, h) in wanted}


_FETCH = (
    "SELECT i.doc_id, i.adcode, i.years, d.signature, s.report_id FROM identity_docs i"
    " JOIN documents d ON d.doc_id = i.doc_id JOIN sources s ON s.doc_id = i.doc_id"
)


def _scored(
    sig: bytes, rows: Iterable[tuple[str, str, str, bytes, str]], threshold: float | None
) -> Iterator[Candidate]:
    batch = list(rows)
    if not batch:
        return
    sims = similarities(sig, np.frombuffer(b"".join(r[3] for r in batch), np.uint32).reshape(len(batch), -1))
    for (doc_id, adcode, years, _sig, report_id), s in zip(batch, sims):
        if threshold is None or s >= threshold:
            yield Candidate(float(s), doc_id, Identity(_years(years), adcode or None, None), report_id)


def candidates(
    conn: sqlite3.Connection, sig: bytes, fingerprint: str | None, threshold: float, ident: Identity | None = None
) -> list[Candidate]:
    """Stored files at or above ``threshold`` among the blocked candidates, or with the same
    fingerprint (similarity at least 1.0 then), best first, ties by ``doc_id`` — what
    :meth:`SignatureIndex.candidates` returns for the same stored files."""
    found: dict[str, Candidate] = {}
    blocked = _block_ids(conn, ident)
    if blocked is None:  # no keys: every stored file, a chunk at a time
        cur = conn.execute(_FETCH + " ORDER BY i.id")
        while chunk := cur.fetchmany(CHUNK):
            found.update((c.doc_id, c) for c in _scored(sig, chunk, threshold))
    else:
        ids = sorted(set(blocked) | _band_ids(conn, sig))
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            rows = conn.execute(_FETCH + f" WHERE i.id IN ({','.join('?' * len(part))})", part)
            found.update((c.doc_id, c) for c in _scored(sig, rows, threshold))
    if fingerprint:
        rows = conn.execute(_FETCH + " WHERE d.fingerprint = ?", (fingerprint,))
        for c in _scored(sig, rows, None):
            best = max(found[c.doc_id].similarity if c.doc_id in found else 0.0, 1.0)
            found[c.doc_id] = Candidate(best, c.doc_id, c.identity, c.report_id)
    return sorted(found.values(), key=lambda c: (-c.similarity, c.doc_id))


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM identity_docs").fetchone()[0])


__all__ = ["Candidate", "identity_of_json", "add", "remove", "candidates", "count", "SCHEMA", "NO_ADCODE", "NO_YEAR"]
