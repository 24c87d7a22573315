"""The :class:`Store`: one SQLite file holding every imported report.

::

    import jixiao
    from jixiao.store import Store, Filters

    store = Store("jixiao.db")                      # created and migrated if needed (WAL mode)
    summary = jixiao.import_paths(["reports/"], store, workers=2)
    for record in store.records(Filters(province="云南", years="2019-2023")):
        ...                                          # Record (shared/contract: record.to_dict())
    store.export("out.xlsx", "xlsx")
    store.stats()

Writing is single-writer per import: the importer's worker processes parse and
extract, and only the main process calls :meth:`Store.add_document`, which writes
one file — its document row, its report (new, or rebuilt when it is a better
rendering of one already stored) and all of that report's rows — in one
transaction.  A kill at any moment leaves the store as it was before or after
that file, never in between.  Two processes writing one store take turns (SQLite's
write lock, waited for up to :attr:`Store.BUSY_TIMEOUT` seconds), and each decides
which report a file belongs to inside its write transaction, against what the other
has committed, so no report is stored twice.  A store that cannot be opened or
written (damaged, read-only, busy) raises :class:`StoreError`, one line.

Which record field goes to which column is :mod:`jixiao.store.mapping`'s business;
this module runs the SQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..extractor.record.model import Record
from ..importing import without
from . import identity, identity_index, mapping
from .filters import Filters
from .fts import KeywordHit, keyword_search as _keyword_search
from .mapping import finding_id
from .schema import migrate, schema_version

with without("pandas"):  # sqlite-utils imports pandas if installed, for pandas values jixiao never stores
    from sqlite_utils import Database

if TYPE_CHECKING:  # the return types of the calls that run other modules of the store
    from .compare import Comparison
    from .embeddings import Embedder
    from .export import Written
    from .search import SearchHit

DEFAULT_DB = "jixiao.db"


class StoreError(RuntimeError, ValueError):
    """The store cannot be opened or written: ``str(err)`` is one line, ``"<db>: <reason>"``.

    (A ``RuntimeError`` and a ``ValueError`` for code written against earlier versions.)
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def describe_sqlite_error(exc: BaseException) -> str:
    """What an SQLite error means for the user of a store, in one line."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if "file is not a database" in low or "not a database" in low:
        return f"not a jixiao store ({text})"
    if "malformed" in low or "corrupt" in low:
        return f"the store is damaged ({text}); restore it from a copy or import again into a new file"
    if "readonly" in low or "read-only" in low:
        return f"the store is read-only ({text}); make the file and its folder writable or use another --db"
    if "locked" in low or "busy" in low:
        return f"the store is busy: another process kept it locked ({text}); try again when it is done"
    if "unable to open" in low:
        return f"cannot open the store ({text}): check that its folder exists and is writable"
    if "disk" in low and "full" in low:
        return f"the disk is full ({text})"
    return text or type(exc).__name__


def _use_wal(conn: sqlite3.Connection, patience: float) -> None:
    """Put the store in WAL mode, waiting out another process that is doing the same.

    SQLite does not call the busy handler for ``PRAGMA journal_mode = WAL``: when two
    imports open a new store at once, one of them gets "database is locked" at once
    (measured: 9 in 600 races of four processes).  So the switch is retried here, for
    as long as a writer would wait.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            low = str(exc).lower()
            if ("locked" not in low and "busy" not in low) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def default_db_path() -> Path:
    """``$JIXIAO_DB`` if set, else ``jixiao.db`` in the working directory."""
    return Path(os.environ.get("JIXIAO_DB") or DEFAULT_DB)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class ExtractedDocument:
    """One file read and extracted, ready to be written (what an import worker returns)."""

    doc_id: str  # sha256 of the file's bytes
    path: str  # as given at import
    format: str
    pages: int | None
    ocr: bool
    size: int
    text: str  # the document's normalised text
    record: Record  # the report record built from this file
    signature: bytes = b""  # identity.signature(text); computed if empty
    fingerprint: str | None = None
    segments: dict[str, str] | None = None  # mapping.finding_segments(record), computed by the worker

    def __post_init__(self) -> None:
        if not self.signature:
            self.signature = identity.signature(self.text)
        if self.fingerprint is None:
            self.fingerprint = mapping.identity_of(self.record).fingerprint


@dataclass
class AddResult:
    """What :meth:`Store.add_document` did with one file."""

    status: str  # "new report" | "another rendering" | "better rendering" | "unchanged"
    report_id: str
    doc_id: str
    replaced: list[str] = field(default_factory=list)  # doc_ids of older contents of the same path
    warning: str | None = None  # e.g. "partial rendering (…): kept as an alternate"


class Store:
    """A jixiao store: SQLite in WAL mode, schema migrated on open.

    ``path`` defaults to :func:`default_db_path` (``$JIXIAO_DB`` or ``./jixiao.db``).
    Use as a context manager or call :meth:`close`.
    """

    #: Seconds a writer waits for another process's write to finish before giving up.
    BUSY_TIMEOUT = 60.0

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        if self.path.is_dir():
            raise StoreError(self.path, "is a directory, not a database file")
        conn = None
        try:
            conn = sqlite3.connect(
                str(self.path), isolation_level=None, timeout=self.BUSY_TIMEOUT, check_same_thread=False
            )
            _use_wal(conn, self.BUSY_TIMEOUT)
            # NORMAL is durable against a killed process in WAL mode (only a power cut can lose
            # the last commits), and much faster than FULL for many small transactions.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            self.conn = conn
            self.db = Database(conn)
            migrate(self.db)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise StoreError(self.path, describe_sqlite_error(exc)) from None
        except RuntimeError as exc:  # a store from a newer jixiao
            if conn is not None:
                conn.close()
            raise StoreError(self.path, str(exc)) from None

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # ------------------------------------------------------------------ import bookkeeping
    # (Imports are run by jixiao.import_paths / jixiao.corpus.importer, which write through
    # these calls — jixiao.corpus.writer.Writer; the store never imports the importer.)
    def begin_import(self, paths: list[str], workers: int, force: bool) -> int:
        """Record the start of an import (the first write: a store that cannot be written
        is refused here with :class:`StoreError`, before any file is read)."""
        try:
            cur = self.conn.execute(
                "INSERT INTO imports (started_at, paths, workers, force) VALUES (?, ?, ?, ?)",
                (_now(), json.dumps([str(p) for p in paths], ensure_ascii=False), workers, int(force)),
            )
        except sqlite3.Error as exc:
            raise StoreError(self.path, describe_sqlite_error(exc)) from None
        return int(cur.lastrowid or 0)

    def finish_import(self, import_id: int, *, files: int, imported: int, skipped: int, failed: int) -> None:
        self.conn.execute(
            "UPDATE imports SET finished_at = ?, files = ?, imported = ?, skipped = ?, failed = ? WHERE import_id = ?",
            (_now(), files, imported, skipped, failed, import_id),
        )

    def record_error(self, import_id: int, path: str, reason: str, sha256: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO import_errors (import_id, path, sha256, reason) VALUES (?, ?, ?, ?)",
            (import_id, path, sha256, reason),
        )

    def import_errors(self, import_id: int | None = None) -> list[dict[str, Any]]:
        """Errors of one import (default: the latest)."""
        if import_id is None:
            row = self.conn.execute("SELECT MAX(import_id) FROM imports").fetchone()
            import_id = row[0]
        return self._dicts(
            "SELECT path, sha256, reason FROM import_errors WHERE import_id = ? ORDER BY id", [import_id]
        )

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def document_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT doc_id FROM documents")}

    def document_paths(self) -> dict[str, str]:
        """doc_id (sha256) → path of every stored file."""
        return dict(self.conn.execute("SELECT doc_id, path FROM documents").fetchall())

    def report_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id → report_id of the stored files among ``doc_ids``."""
        wanted = set(doc_ids)
        return {d: r for d, r in self.conn.execute("SELECT doc_id, report_id FROM sources") if d in wanted}

    # ------------------------------------------------------------------ writing
    def _renderings(self, doc_ids: list[str]) -> list[identity.Rendering]:
        rows = self.conn.execute(
            "SELECT doc_id, format, ocr, pages, length(text), coalesce(json_array_length(record, ?), 0)"
            f" FROM documents WHERE doc_id IN ({','.join('?' * len(doc_ids))})",
            [mapping.RECORD_FINDINGS_PATH, *doc_ids],
        ).fetchall()
        return [identity.Rendering(d, f, bool(o), p, int(n or 0), int(k or 0)) for d, f, o, p, n, k in rows]

    def add_document(self, ext: ExtractedDocument, *, replace: bool = False) -> AddResult:
        """Write one extracted file in one transaction.

        The file joins the report it is a rendering of (see :mod:`jixiao.store.identity`)
        or starts a new one.  If it becomes the report's primary source (the best-ranked of
        its renderings that are complete enough) the report is rebuilt from it (and re-keyed:
        ``report_id`` is the primary's sha256); a partial rendering is kept as an alternate,
        with a warning.  A file already stored is left alone unless ``replace``; an older
        content stored under the same path is removed (the file was changed).
        """
        with self.transaction():
            replaced: list[str] = []
            if self.has_document(ext.doc_id):
                if not replace:
                    rid = self.conn.execute("SELECT report_id FROM sources WHERE doc_id = ?", (ext.doc_id,)).fetchone()
                    return AddResult("unchanged", rid[0] if rid else "", ext.doc_id)
                self._remove_document(ext.doc_id)
            for (old,) in self.conn.execute(
                "SELECT doc_id FROM documents WHERE path = ? AND doc_id != ?", (ext.path, ext.doc_id)
            ).fetchall():
                self._remove_document(old)
                replaced.append(old)
            self.conn.execute(
                "INSERT INTO documents (doc_id, path, format, pages, ocr, size, text, record, fingerprint, signature)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ext.doc_id,
                    ext.path,
                    ext.format,
                    ext.pages,
                    int(ext.ocr),
                    ext.size,
                    ext.text,
                    mapping.record_json(ext.record),
                    ext.fingerprint,
                    ext.signature,
                ),
            )
            report_id = self._match(ext)
            members: list[str] = []
            warning = None
            if report_id is None:
                new_id = self._rebuild_report(None, [ext.doc_id], ext)
                status = "new report"
            else:
                rows = self.conn.execute(
                    "SELECT doc_id, is_primary FROM sources WHERE report_id = ?", (report_id,)
                ).fetchall()
                members = [r[0] for r in rows]
                current = next((d for d, p in rows if p), report_id)
                renderings = self._renderings(members + [ext.doc_id])
                best = identity.choose_primary(renderings)
                if best.doc_id != current:
                    new_id = self._rebuild_report(report_id, members + [ext.doc_id], ext)
                    status = "better rendering" if best.doc_id == ext.doc_id else "another rendering"
                else:  # the report's content does not change: just list one more source
                    self.conn.execute(
                        "INSERT INTO sources (doc_id, report_id, path, format, ocr, is_primary) VALUES (?, ?, ?, ?, ?, 0)",
                        (ext.doc_id, report_id, ext.path, ext.format, int(ext.ocr)),
                    )
                    self.conn.execute("UPDATE reports SET n_sources = n_sources + 1 WHERE report_id = ?", (report_id,))
                    new_id = report_id
                    status = "another rendering"
                mine = next(r for r in renderings if r.doc_id == ext.doc_id)
                gap = identity.shortfall(mine, renderings)
                if gap is not None and best.doc_id != ext.doc_id:
                    primary_path = self.conn.execute(
                        "SELECT path FROM documents WHERE doc_id = ?", (best.doc_id,)
                    ).fetchone()[0]
                    warning = (
                        f"partial rendering ({gap} of the most complete one): kept as an alternate; "
                        f"the report's content comes from {primary_path}"
                    )
            identity_index.add(self.conn, ext.doc_id, ext.signature, mapping.identity_of(ext.record, ext.fingerprint))
        return AddResult(status, new_id, ext.doc_id, replaced, warning)

    def remove_document(self, doc_id: str) -> None:
        """Forget one file; its report is rebuilt from the next best source, or removed."""
        with self.transaction():
            self._remove_document(doc_id)

    def _remove_document(self, doc_id: str) -> None:
        row = self.conn.execute("SELECT report_id FROM sources WHERE doc_id = ?", (doc_id,)).fetchone()
        others: list[str] = []
        if row:
            others = [
                r[0]
                for r in self.conn.execute(
                    "SELECT doc_id FROM sources WHERE report_id = ? AND doc_id != ?", (row[0], doc_id)
                )
            ]
            self.conn.execute("DELETE FROM reports WHERE report_id = ?", (row[0],))  # cascades
        identity_index.remove(self.conn, doc_id)
        self.conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        if others:
            self._rebuild_report(None, others)

    def _match(self, ext: ExtractedDocument) -> str | None:
        """The report ``ext`` is another rendering of, or ``None`` (candidates from the identity
        index in the store's tables: :mod:`jixiao.store.identity_index`)."""
        mine = mapping.identity_of(ext.record, ext.fingerprint)
        for c in identity_index.candidates(self.conn, ext.signature, ext.fingerprint, identity.SAME_TEXT, mine):
            if c.doc_id != ext.doc_id and identity.compatible(mine, c.identity, c.similarity):
                return c.report_id
        return None

    def _rebuild_report(
        self, old_report_id: str | None, doc_ids: list[str], new: ExtractedDocument | None = None
    ) -> str:
        """(Re)write a report from the best of ``doc_ids``; returns its (possibly new) id.
        ``new``: the file being added, whose findings' words its worker may have segmented."""
        rows = self._dicts(
            f"SELECT doc_id, path, format, pages, ocr, record FROM documents WHERE doc_id IN "
            f"({','.join('?' * len(doc_ids))})",
            doc_ids,
        )
        rows.sort(key=lambda r: identity.source_rank(r["format"], bool(r["ocr"]), r["doc_id"]))
        best = identity.choose_primary(self._renderings(doc_ids)).doc_id
        primary = next(r for r in rows if r["doc_id"] == best)
        report_id = primary["doc_id"]
        if old_report_id is not None:
            self.conn.execute("DELETE FROM reports WHERE report_id = ?", (old_report_id,))
        segments = new.segments if new is not None and new.doc_id == best else None
        self._insert_report(report_id, mapping.record_from_json(primary["record"]), len(rows), segments)
        self.conn.executemany(
            "INSERT INTO sources (doc_id, report_id, path, format, ocr, is_primary) VALUES (?, ?, ?, ?, ?, ?)",
            [(r["doc_id"], report_id, r["path"], r["format"], r["ocr"], int(r is primary)) for r in rows],
        )
        return report_id

    def _insert_report(
        self, report_id: str, record: Record, n_sources: int, segments: dict[str, str] | None = None
    ) -> None:
        for table, rows in mapping.to_rows(record, report_id, n_sources, segments).items():
            if rows:
                cols = list(rows[0])
                self.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [[row[c] for c in cols] for row in rows],
                )

    # ------------------------------------------------------------------ reading
    def _dicts(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def report_ids(self, filters: Filters | None = None) -> list[str]:
        """Ids of the reports matching ``filters``, in a stable order (year, place, title)."""
        where, params = (filters or Filters()).reports_where("r")
        sql = (
            "SELECT r.report_id FROM reports r"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY r.year_min, r.adcode, r.title, r.report_id"
        )
        return [row[0] for row in self.conn.execute(sql, params)]

    def records(self, filters: Filters | None = None, **kwargs: Any) -> Iterator[Record]:
        """Report records (``shared/contract``; ``.to_dict()`` is the JSON) of the matching reports.

        ``filters`` or keyword arguments of :class:`Filters` (``province=``, ``years="2019-2023"``…).
        A finding-level filter (finding kind, category) keeps only those findings.
        """
        filters = filters or Filters(**kwargs)
        for report_id in self.report_ids(filters):
            yield self.record(report_id, filters)

    def record(self, report_id: str, filters: Filters | None = None) -> Record:
        """One report as a :class:`Record`, its other renderings in ``source.alternates``.

        It equals the record extracted from the report's primary source; a report stored
        before record version 2 has its values, no evidence and a warning saying so.
        """
        r = self._dicts("SELECT * FROM reports WHERE report_id = ?", [report_id])
        if not r:
            raise KeyError(report_id)
        report = r[0]
        doc = self._dicts("SELECT path, format, pages, ocr FROM documents WHERE doc_id = ?", [report["doc_id"]])[0]
        alternates = [
            row[0]
            for row in self.conn.execute(
                "SELECT path FROM sources WHERE report_id = ? AND is_primary = 0 ORDER BY path", (report_id,)
            )
        ]
        fwhere, fparams = (filters or Filters()).finding_only_where()
        tables = {
            table: self._dicts(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY ordinal", [report_id])
            for table in ("indicators", "figures", "checks")
        }
        tables["findings"] = self._dicts(
            f"SELECT * FROM findings WHERE report_id = ? {('AND ' + fwhere) if fwhere else ''} ORDER BY id",
            [report_id, *fparams],
        )
        tables["evidence"] = self._dicts("SELECT * FROM evidence WHERE report_id = ?", [report_id])
        return mapping.from_rows(report, mapping.source_from_row(doc, alternates), tables)

    def keyword_search(
        self,
        query: str,
        filters: Filters | None = None,
        *,
        limit: int = 50,
        match: str = "any",
        mark: tuple[str, str] = ("【", "】"),
        width: int = 120,
        **kwargs: Any,
    ) -> list[KeywordHit]:
        """Full-text search over findings (FTS5 + jieba, BM25 ranks); see :mod:`jixiao.store.fts`.

        Hits carry ``finding_id`` and a 1-based ``rank`` for fusion with dense ranks.
        """
        return _keyword_search(
            self.conn, query, filters or Filters(**kwargs), limit=limit, match=match, mark=mark, width=width
        )

    def search(self, query: str, filters: Filters | None = None, **kwargs: Any) -> list[SearchHit]:
        """Findings matching ``query`` (hybrid by default); see :func:`jixiao.store.search.search`."""
        from .search import search

        return search(self, query, filters, **kwargs)

    def similar(self, finding_id: str, filters: Filters | None = None, **kwargs: Any) -> list[SearchHit]:
        """The same issue in other reports; see :func:`jixiao.store.search.similar`."""
        from .search import similar

        return similar(self, finding_id, filters, **kwargs)

    def compare(self, by: str = "jurisdiction", **kwargs: Any) -> Comparison:
        """Reports side by side; see :func:`jixiao.store.compare.compare`."""
        from .compare import compare

        return compare(self, by, **kwargs)

    def index(self, embedder: Embedder | None = None, **kwargs: Any) -> int:
        """Embed findings that lack vectors; see :func:`jixiao.store.vectors.index_missing`."""
        from .vectors import index_missing

        return index_missing(self.conn, embedder, **kwargs)

    def export(
        self,
        out: str | Path,
        format: str,
        filters: Filters | None = None,
        *,
        table: str = "reports",
        labels: str | None = None,
    ) -> Written:
        """Write the matching reports to ``out``; returns what was written
        (:class:`jixiao.store.export.Written`); see :func:`jixiao.store.export.export`."""
        from .export import export

        return export(self, out, format, filters, table=table, labels=labels)

    def table_counts(self) -> dict[str, int]:
        tables = [
            "documents",
            "reports",
            "sources",
            "indicators",
            "findings",
            "figures",
            "checks",
            "evidence",
            "imports",
            "import_errors",
        ]
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}

    def stats(self, filters: Filters | None = None) -> dict[str, Any]:
        """Counts: rows per table, and reports by province, year, programme, mode and kind."""
        where, params = (filters or Filters()).reports_where("r")
        w = f" WHERE {where}" if where else ""

        def grouped(expr: str, frm: str = "reports r") -> list[tuple[Any, int]]:
            sql = f"SELECT {expr} AS k, COUNT(DISTINCT r.report_id) FROM {frm}{w} GROUP BY k ORDER BY k"
            return [(k, n) for k, n in self.conn.execute(sql, params)]

        findings_by_kind = [
            (k, n)
            for k, n in self.conn.execute(
                f"SELECT f.kind, COUNT(*) FROM findings f JOIN reports r ON r.report_id = f.report_id{w}"
                " GROUP BY f.kind ORDER BY f.kind",
                params,
            )
        ]
        last = self._dicts("SELECT * FROM imports ORDER BY import_id DESC LIMIT 1")
        return {
            "database": str(self.path),
            "schema_version": self.schema_version,
            "size_bytes": _file_size(self.path),
            "tables": self.table_counts(),
            "reports": self.conn.execute(f"SELECT COUNT(*) FROM reports r{w}", params).fetchone()[0],
            "by_province": grouped("r.province"),
            "by_year": grouped("j.value", "reports r, json_each(r.years) j"),
            "by_program": grouped("r.program"),
            "by_evaluation_mode": grouped("r.evaluation_mode"),
            "by_report_kind": grouped("r.report_kind"),
            "findings_by_kind": findings_by_kind,
            "last_import": last[0] if last else None,
        }


def _file_size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        p = Path(str(path) + suffix)
        if p.exists():
            total += p.stat().st_size
    return total


__all__ = [
    "Store",
    "StoreError",
    "ExtractedDocument",
    "AddResult",
    "default_db_path",
    "finding_id",
    "DEFAULT_DB",
    "describe_sqlite_error",
]
