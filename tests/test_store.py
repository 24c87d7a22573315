"""The store on its own: schema and migrations, identity of renderings, round trips, FTS.

Records here are built by hand from the contract (the importer tests run the real
extractor on the real files); the texts are the real corpus texts, so identity is
decided on real wording, and the evidence of the hand-made records is cut from them.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from jixiao.extractor.record.model import Evidence, Finding, Jurisdiction, Record, Source
from jixiao.store import ExtractedDocument, Filters, Store, mapping, parse_years
from jixiao.store import schema as schema_mod
from jixiao.store.export import COLUMNS, evidence_cell
from jixiao.store.identity import signature, similarity

from conftest import CORPUS, REPORTS

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))


def corpus_text(report: str) -> str:
    return (CORPUS / f"{report}.txt").read_text(encoding="utf-8")


def make_dict(report: str, *, years=(2021,), adcode="530000", title=None, total=81.14) -> dict:
    """A version 2 contract record (JSON form) for ``report`` with a few of everything."""
    return {
        "schema_version": 2,
        "doc_id": "0" * 64,  # replaced per rendering
        "source": {"path": "", "format": "txt", "pages": None, "ocr": False},
        "title": title or f"{report} 绩效评价报告",
        "report_kind": "project",
        "evaluation_mode": "third_party",
        "years": list(years),
        "report_date": "2022-05",
        "jurisdiction": {
            "name": "云南省",
            "level": "province",
            "province": "云南省",
            "prefecture": None,
            "county": None,
            "adcode": adcode,
        },
        "program": "城乡居民基本养老保险",
        "evaluated_unit": "云南省人力资源和社会保障厅",
        "evaluator": "某会计师事务所",
        "score": {"total": total, "max": 100, "grade": "良", "grade_source": "stated"},
        "indicators": [
            {
                "code": "A",
                "level": 1,
                "name": "决策",
                "parent": None,
                "weight": 20,
                "score": 18.5,
                "page": 19,
                "span": [5000, 5020],
            },
            {
                "code": "A1",
                "level": 2,
                "name": "项目立项",
                "parent": "决策",
                "weight": 5,
                "score": 5,
                "page": 19,
                "span": None,
            },
        ],
        "findings": [
            {
                "kind": "problem",
                "ordinal": 1,
                "title": "专项资金到位不及时",
                "text": "专项资金到位不及时，部分州市配套资金到位率仅为80%，影响待遇按时发放。",
                "category": "funds_late",
                "page": 25,
                "span": [100, 140],
                "responds_to": None,
            },
            {
                "kind": "problem",
                "ordinal": 2,
                "title": "信息系统数据不共享",
                "text": "人社、民政、残联等部门信息系统数据不共享，比对核查依靠人工，存在冒领养老金风险。",
                "category": "data_sharing",
                "page": 26,
                "span": [150, 200],
                "responds_to": None,
            },
            {
                "kind": "recommendation",
                "ordinal": 1,
                "title": "加快资金拨付",
                "text": "建议财政部门加快资金拨付进度，确保资金及时足额到位。",
                "category": "funds_late",
                "page": 28,
                "span": [300, 330],
                "responds_to": 1,
            },
        ],
        "figures": [
            {"name": "insured", "value": 24603100, "unit": "人", "raw": "2,460.31万人", "page": 3, "span": [40, 52]},
            {"name": "execution_rate", "value": 0.8806, "unit": "%", "raw": "88.06%", "page": 4, "span": None},
        ],
        "checks": [
            {
                "rule": "indicator_sum",
                "ok": True,
                "detail": "first-level scores add up to 81.14",
                "page": 22,
                "span": [6000, 6100],
            },
            {
                "rule": "score_rate",
                "ok": False,
                "detail": "效益 30.64/35 = 87.54%, printed 87.74%",
                "page": None,
                "span": None,
            },
        ],
        "evidence": {},
        "warnings": ["two totals printed: 81.14 (p.3) and 81.41 (p.22); kept the first"],
    }


def make_record(report: str, **kw) -> Record:
    return Record.from_dict(make_dict(report, **kw))


def with_evidence(record: Record, text: str) -> Record:
    """``record`` with evidence cut from ``text`` for the fields the text states (score, date, place, years)."""
    record = copy.deepcopy(record)
    wanted = {
        "score.total": str(record.score.total),
        "jurisdiction": "云南",
        "years": str(record.years[0]),
        "score.grade": "良",
    }
    for key, words in wanted.items():
        at = text.find(words)
        if at >= 0:
            record.evidence[key] = Evidence(1 + at // 2000, (at, at + len(words)), text[at : at + len(words)])
    return record


def rendering(report: str, text: str, path: str, fmt: str, *, ocr=False, record=None, pages=None) -> ExtractedDocument:
    data = (path + text).encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    rec = with_evidence(record or make_record(report), text)
    rec.doc_id = sha
    rec.source = Source(path, fmt, pages, ocr)
    return ExtractedDocument(
        doc_id=sha, path=path, format=fmt, pages=pages, ocr=ocr, size=len(data), text=text, record=rec
    )


def artefact_free(text: str) -> str:
    """Another rendering of the same wording: artefacts gone, lines re-wrapped differently."""
    text = re.sub(r"\[bookmark: _GoBack\]|\*\*|—\s*\d+\s*—", "", text)
    return re.sub(r"\s+", "", text)[::1].replace("。", "。\n")


def table_snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every content table, without the integer row ids that depend on insertion order."""
    snap = {}
    for table in ["documents", "reports", "sources", "indicators", "findings", "figures", "checks", "evidence"]:
        cols = [c for c in store.db[table].columns_dict if c != "id"]
        rows = store.conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        snap[table] = sorted(rows, key=repr)
    return snap


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


# ----------------------------------------------------------------------------- schema
def test_new_store_is_migrated_wal_with_foreign_keys(store):
    assert store.schema_version == schema_mod.latest_version() >= 2
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == store.schema_version
    names = set(store.db.table_names())
    assert {
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
        "findings_fts",
        "schema_version",
    } <= names
    for table in ("indicators", "figures", "checks", "findings"):
        assert {"page", "span_start", "span_end"} <= set(store.db[table].columns_dict), table
    assert {"report_id", "field", "page", "span_start", "span_end", "text"} == set(store.db["evidence"].columns_dict)
    assert ("report_id", "reports") in {(fk.column, fk.other_table) for fk in store.db["evidence"].foreign_keys}
    indexed = {tuple(i.columns) for i in store.db["findings"].indexes}
    for cols in [
        ("province",),
        ("prefecture",),
        ("county",),
        ("adcode",),
        ("year_min", "year_max"),
        ("program",),
        ("kind",),
        ("category",),
    ]:
        assert cols in indexed
    fks = {(fk.column, fk.other_table) for fk in store.db["findings"].foreign_keys}
    assert ("report_id", "reports") in fks


def test_adding_a_migration_is_one_function_and_runs_once(tmp_path):
    path = tmp_path / "m.db"
    Store(path).close()
    calls = []

    @schema_mod.migration(schema_mod.latest_version() + 1, "test_extra")
    def _extra(db):
        calls.append(1)
        db.execute("CREATE TABLE extra (x INTEGER)")

    try:
        with Store(path) as s:
            assert "extra" in s.db.table_names()
            assert s.schema_version == schema_mod.latest_version()
        with Store(path):
            pass
        assert calls == [1]
    finally:
        schema_mod.MIGRATIONS[:] = [m for m in schema_mod.MIGRATIONS if m.name != "test_extra"]


def test_store_from_a_newer_jixiao_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (999, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


# ----------------------------------------------------------------------------- identity
def test_renderings_of_one_report_are_alike_and_different_reports_are_not():
    texts = {r: corpus_text(r) for r in REPORTS}
    for r in REPORTS:
        assert similarity(signature(texts[r]), signature(artefact_free(texts[r]))) > 0.8
    for a in REPORTS:
        for b in REPORTS:
            if a < b:
                assert similarity(signature(texts[a]), signature(texts[b])) < 0.2


def test_renderings_join_one_report_with_the_best_as_primary_in_any_order(tmp_path):
    report = REPORTS[0]
    text = corpus_text(report)
    docs = [
        rendering(report, text, "a/r.txt", "txt"),
        rendering(report, artefact_free(text), "a/r.docx", "docx", pages=40),
        rendering(report, artefact_free(text) + "\n— 1 —", "a/r.pdf", "pdf", pages=40),
        rendering(report, artefact_free(text)[:-200] + "扫描件识别误差", "a/r-scan.pdf", "pdf", ocr=True, pages=40),
    ]
    snapshots = []
    for order in ([0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]):
        with Store(tmp_path / f"o{''.join(map(str, order))}.db") as s:
            statuses = [s.add_document(docs[i]).status for i in order]
            assert statuses[0] == "new report"
            assert all(st in ("another rendering", "better rendering") for st in statuses[1:])
            counts = s.table_counts()
            assert counts["reports"] == 1 and counts["sources"] == 4 and counts["documents"] == 4
            assert counts["findings"] == 3
            (rid,) = s.report_ids()
            assert rid == docs[2].doc_id  # text-layer PDF first
            rec = s.record(rid)
            assert rec.source.path == "a/r.pdf" and rec.source.ocr is False
            assert sorted(rec.source.alternates) == ["a/r-scan.pdf", "a/r.docx", "a/r.txt"]
            assert rec.evidence == docs[2].record.evidence and rec.evidence
            snapshots.append(table_snapshot(s))
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_same_programme_in_other_years_or_places_stays_separate(store):
    report = REPORTS[0]
    text = corpus_text(report)
    store.add_document(rendering(report, text, "r2021.txt", "txt"))
    store.add_document(
        rendering(report, text + "\n2022", "r2022.txt", "txt", record=make_record(report, years=(2022,)))
    )
    # a template twin: another province, every number different
    twin = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text.replace("云南", "贵州"))
    store.add_document(rendering(report, twin, "gz.txt", "txt", record=make_record(report, adcode="520000")))
    assert store.table_counts()["reports"] == 3
    # an extraction slip: the same text with another adcode in one rendering is still the same report
    slip = rendering(report, artefact_free(text), "slip.docx", "docx", record=make_record(report, adcode="530100"))
    assert store.add_document(slip).status == "better rendering"
    assert store.table_counts()["reports"] == 3
    for other in REPORTS[1:]:
        store.add_document(rendering(other, corpus_text(other), f"{other}.txt", "txt"))
    assert store.table_counts()["reports"] == 5


def test_records_round_trip_the_contract(store):
    jsonschema = pytest.importorskip("jsonschema")
    report = REPORTS[0]
    doc = rendering(report, corpus_text(report), "c.txt", "txt")
    assert {"score.total", "years", "jurisdiction"} <= set(doc.record.evidence)  # the test has evidence to keep
    store.add_document(doc)
    (rec,) = list(store.records())
    assert isinstance(rec, Record)
    jsonschema.validate(rec.to_dict(), SCHEMA)
    assert rec == doc.record
    assert rec.to_dict() == doc.record.to_dict()
    assert json.loads(json.dumps(rec.to_dict(), ensure_ascii=False)) == doc.record.to_dict()
    assert isinstance(rec.figures[0].value, int) and rec.figures[1].value == 0.8806
    assert isinstance(rec.score.total, float)
    assert rec.indicators[0].span == (5000, 5020) and rec.indicators[1].span is None
    assert (rec.checks[0].page, rec.checks[0].span) == (22, (6000, 6100))
    assert rec.warnings == doc.record.warnings and rec.warnings
    # SQL users see evidence as rows, warnings as a JSON list
    rows = store.conn.execute("SELECT field, page, span_start, span_end, text FROM evidence").fetchall()
    assert sorted(rows) == sorted((k, e.page, e.span[0], e.span[1], e.text) for k, e in doc.record.evidence.items())
    ((warnings, version),) = store.conn.execute("SELECT warnings, schema_version FROM reports").fetchall()
    assert json.loads(warnings) == doc.record.warnings and version == 2


def test_the_document_column_keeps_the_extracted_record(store):
    report = REPORTS[0]
    doc = rendering(report, corpus_text(report), "y.txt", "txt")
    store.add_document(doc)
    (stored,) = store.conn.execute("SELECT record FROM documents").fetchone()
    assert json.loads(stored) == doc.record.to_dict()
    assert mapping.record_from_json(stored) == doc.record


def test_removing_the_primary_rebuilds_from_the_next_best(store):
    report = REPORTS[2]
    text = corpus_text(report)
    txt = rendering(report, text, "d.txt", "txt")
    docx = rendering(report, artefact_free(text), "d.docx", "docx")
    store.add_document(txt)
    assert store.add_document(docx).status == "better rendering"
    store.remove_document(docx.doc_id)
    assert store.report_ids() == [txt.doc_id]
    assert store.table_counts()["findings"] == 3
    store.remove_document(txt.doc_id)
    assert store.table_counts() | {"imports": 0} == {t: 0 for t in store.table_counts()}


def test_a_changed_file_replaces_its_old_content(store):
    report = REPORTS[1]
    text = corpus_text(report)
    old = rendering(report, text, "same/path.txt", "txt")
    new = rendering(report, text + "\n补充说明。", "same/path.txt", "txt")
    store.add_document(old)
    result = store.add_document(new)
    assert result.replaced == [old.doc_id]
    assert store.document_ids() == {new.doc_id}
    assert store.table_counts()["reports"] == 1


def test_unchanged_document_is_not_written_twice(store):
    report = REPORTS[1]
    doc = rendering(report, corpus_text(report), "x.txt", "txt")
    store.add_document(doc)
    before = table_snapshot(store)
    assert store.add_document(doc).status == "unchanged"
    assert table_snapshot(store) == before


def test_a_failed_write_leaves_nothing_behind(store):
    report = REPORTS[1]
    rec = make_record(report)
    rec.findings[0].title = None
    rec.findings[0].kind = None  # NOT NULL: the write fails half-way through the report
    doc = rendering(report, corpus_text(report), "bad.txt", "txt", record=rec)
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(doc)
    counts = store.table_counts()
    assert counts["documents"] == counts["reports"] == counts["indicators"] == 0
    good = rendering(report, corpus_text(report), "good.txt", "txt")
    assert store.add_document(good).status == "new report"


# ----------------------------------------------------------------------------- exports of evidence
def test_exports_show_evidence_beside_values_and_in_their_own_table(store, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    report = REPORTS[0]
    doc = rendering(report, corpus_text(report), "y.txt", "txt")
    store.add_document(doc)
    ev = doc.record.evidence["score.total"]

    def read_csv(table: str) -> list[dict]:
        out = tmp_path / f"{table}.csv"
        store.export(out, "csv", table=table, labels="codes")
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == COLUMNS[table]
        return [dict(zip(rows[0], r)) for r in rows[1:]]

    cols = COLUMNS["reports"]
    for value_col in ("score_total", "grade", "report_date", "years", "jurisdiction_name"):
        assert cols.index(f"{value_col}_evidence") == cols.index(value_col) + 1
    (row,) = read_csv("reports")
    assert row["score_total"] == "81.14"
    assert row["score_total_evidence"] == evidence_cell(ev.page, ev.text) == f"p.{ev.page} «81.14»"
    assert row["report_date_evidence"] == ""  # the hand-made record has no evidence for its date
    assert row["warnings"] == doc.record.warnings[0]

    evidence = read_csv("evidence")
    assert [r["field"] for r in evidence] == [k for k in mapping.EVIDENCE_COLUMN if k in doc.record.evidence]
    by_field = {r["field"]: r for r in evidence}
    assert {k: by_field["score.total"][k] for k in ("value", "page", "text", "span_start", "span_end")} == {
        "value": "81.14",
        "page": str(ev.page),
        "text": ev.text,
        "span_start": str(ev.span[0]),
        "span_end": str(ev.span[1]),
    }
    assert by_field["jurisdiction"]["value"] == "云南省 (530000)"

    checks = read_csv("checks")
    assert [(c["ok"], c["page"], c["span_start"], c["span_end"]) for c in checks] == [
        ("true", "22", "6000", "6100"),
        ("false", "", "", ""),
    ]
    indicators = read_csv("indicators")
    assert [(i["span_start"], i["span_end"]) for i in indicators] == [("5000", "5020"), ("", "")]

    out = tmp_path / "all.xlsx"
    store.export(out, "xlsx", labels="codes")
    wb = openpyxl.load_workbook(out)
    assert "evidence" in wb.sheetnames and wb["evidence"].max_row - 1 == len(doc.record.evidence)
    ws = wb["checks"]
    ok_col = COLUMNS["checks"].index("ok")
    fills = {row[ok_col].value: row[0].fill.fgColor.rgb for row in ws.iter_rows(min_row=2)}
    assert fills[False].endswith("FFC7CE") and not str(fills[True]).endswith("FFC7CE")


# ----------------------------------------------------------------------------- a store written by version 1
def v1_dict(report: str, **kw) -> dict:
    """A record as jixiao wrote it before contract version 2 (no evidence, warnings or spans but the findings')."""
    d = make_dict(report, **kw)
    d["schema_version"] = 1
    del d["evidence"], d["warnings"]
    for item in d["indicators"] + d["figures"]:
        del item["span"]
    for check in d["checks"]:
        del check["page"], check["span"]
    return d


def write_v1_store(path: Path, report_id: str, renderings: list[tuple[dict, str]]) -> None:
    """A store as the version 1 jixiao left it: schema migration 1 only, rows in its column layout.

    ``renderings`` are (record, text) pairs, the first the primary source of the one report.
    """
    from jixiao.store.fts import segment

    conn = sqlite3.connect(path, isolation_level=None)
    schema_mod.migrate(Database(conn), target=1)
    assert schema_mod.schema_version(Database(conn)) == 1
    rec = renderings[0][0]
    jur = rec["jurisdiction"]
    filt = {
        "years": json.dumps(rec["years"]),
        "year_min": min(rec["years"]),
        "year_max": max(rec["years"]),
        "jurisdiction_name": jur["name"],
        "jurisdiction_level": jur["level"],
        "province": jur["province"],
        "prefecture": jur["prefecture"],
        "county": jur["county"],
        "adcode": jur["adcode"],
        "program": rec["program"],
        "report_kind": rec["report_kind"],
        "evaluation_mode": rec["evaluation_mode"],
    }

    def insert(table: str, row: dict) -> None:
        conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))

    conn.execute("BEGIN")
    for d, text in renderings:
        src = d["source"]
        insert(
            "documents",
            {
                "doc_id": d["doc_id"],
                "path": src["path"],
                "format": src["format"],
                "pages": src["pages"],
                "ocr": int(src["ocr"]),
                "size": len(text.encode()),
                "text": text,
                "record": json.dumps(d, ensure_ascii=False),
                "fingerprint": None,
                "signature": signature(text),
            },
        )
    s = rec["score"]
    insert(
        "reports",
        {
            "report_id": report_id,
            "doc_id": rec["doc_id"],
            "schema_version": 1,
            "title": rec["title"],
            "report_date": rec["report_date"],
            "evaluated_unit": rec["evaluated_unit"],
            "evaluator": rec["evaluator"],
            "score_total": s["total"],
            "score_max": s["max"],
            "grade": s["grade"],
            "grade_source": s["grade_source"],
            "n_sources": len(renderings),
            **filt,
        },
    )
    for i, (d, _) in enumerate(renderings):
        insert(
            "sources",
            {
                "doc_id": d["doc_id"],
                "report_id": report_id,
                "path": d["source"]["path"],
                "format": d["source"]["format"],
                "ocr": int(d["source"]["ocr"]),
                "is_primary": int(i == 0),
            },
        )
    for n, x in enumerate(rec["indicators"], start=1):
        insert("indicators", {"report_id": report_id, "ordinal": n, **x})
    for f in rec["findings"]:
        insert(
            "findings",
            {
                "finding_id": f"{report_id[:12]}-{f['kind'][0]}{f['ordinal']}",
                "report_id": report_id,
                **{k: v for k, v in f.items() if k != "span"},
                "span_start": f["span"][0],
                "span_end": f["span"][1],
                "title_seg": segment(f["title"]),
                "text_seg": segment(f["text"]),
                **filt,
            },
        )
    for n, x in enumerate(rec["figures"], start=1):
        insert("figures", {"report_id": report_id, "ordinal": n, **x})
    for n, x in enumerate(rec["checks"], start=1):
        insert("checks", {"report_id": report_id, "ordinal": n, **x, "ok": int(x["ok"])})
    conn.execute("COMMIT")
    conn.close()


def as_v2(d: dict, **changes) -> dict:
    """What a version 1 record reads back as: its values, null spans and pages, no evidence, the v1 warning."""
    d = copy.deepcopy(d)
    d["schema_version"] = 2
    for item in d["indicators"] + d["figures"]:
        item["span"] = None
    for check in d["checks"]:
        check.update(page=None, span=None)
    d["evidence"], d["warnings"] = {}, [schema_mod.V1_WARNING]
    d.update(changes)
    return d


def test_a_v1_store_is_migrated_and_its_records_export_as_valid_v2(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    report = REPORTS[0]
    text = corpus_text(report)
    renderings = []
    for path, fmt, body in [("old/r.pdf", "pdf", artefact_free(text)), ("old/r.txt", "txt", text)]:
        d = v1_dict(report)
        d["doc_id"] = hashlib.sha256((path + body).encode()).hexdigest()
        d["source"] = {"path": path, "format": fmt, "pages": 40 if fmt == "pdf" else None, "ocr": False}
        renderings.append((d, body))
    pdf, txt = renderings[0][0], renderings[1][0]
    db = tmp_path / "v1.db"
    write_v1_store(db, pdf["doc_id"], renderings)

    with Store(db) as store:
        assert store.schema_version == schema_mod.latest_version() >= 2
        (rid,) = store.report_ids()
        rec = store.record(rid).to_dict()
        jsonschema.validate(rec, SCHEMA)
        assert rec == as_v2(pdf, source={**pdf["source"], "alternates": ["old/r.txt"]})
        assert "jixiao import --force" in rec["warnings"][0] and "without evidence" in rec["warnings"][0]
        # SQL users find the old rows by their version; nothing was invented for them
        assert store.conn.execute("SELECT schema_version, warnings FROM reports").fetchall() == [
            (1, json.dumps([schema_mod.V1_WARNING]))
        ]
        assert store.conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 0
        out = tmp_path / "v1.jsonl"
        assert store.export(out, "jsonl").reports == 1
        (line,) = out.read_text(encoding="utf-8").splitlines()
        jsonschema.validate(json.loads(line), SCHEMA)
        assert json.loads(line) == rec
        assert store.keyword_search("冒领养老金")[0].finding["title"] == "信息系统数据不共享"  # FTS intact

        # rebuilt from its version 1 document (the alternate is gone): still flagged
        store.remove_document(txt["doc_id"])
        assert store.record(rid).to_dict() == as_v2(pdf)

        # `import --force` re-reads the file: the version 2 record replaces the old one
        fresh = rendering(report, renderings[0][1], "old/r.pdf", "pdf", pages=40)
        assert fresh.doc_id == pdf["doc_id"]
        assert store.add_document(fresh, replace=True).status == "new report"
        again = store.record(rid)
        assert again == fresh.record and again.evidence and schema_mod.V1_WARNING not in again.warnings
        assert store.conn.execute("SELECT schema_version FROM reports").fetchone()[0] == 2


# ----------------------------------------------------------------------------- filters and FTS
def test_parse_years():
    assert parse_years("2019-2023") == (2019, 2023)
    assert parse_years("2021") == (2021, 2021)
    assert parse_years("2019-") == (2019, None)
    with pytest.raises(ValueError):
        parse_years("2023-2019")
    with pytest.raises(ValueError):
        parse_years("last year")


def _two_reports(store):
    y = REPORTS[0]
    store.add_document(rendering(y, corpus_text(y), "y.txt", "txt"))
    c = REPORTS[1]
    rec = make_record(c, years=(2023,), adcode="530114")
    rec.jurisdiction = Jurisdiction("呈贡区", "county", "云南省", "昆明市", "呈贡区", "530114")
    rec.report_kind = "department"
    rec.findings = [
        Finding(
            "problem",
            1,
            "在编人员不足",
            "在编人员不足，难以实行轮岗制度，基层经办人手不够。",
            "staffing",
            6,
            (10, 40),
            None,
        )
    ]
    store.add_document(rendering(c, corpus_text(c), "c.txt", "txt", record=rec))


def test_filters_select_reports_and_findings(store):
    _two_reports(store)
    assert len(list(store.records(province="云南"))) == 2
    assert len(list(store.records(county="呈贡"))) == 1
    assert len(list(store.records(years="2022-2024"))) == 1
    assert len(list(store.records(kind="department"))) == 1
    recs = list(store.records(category="funds_late"))
    assert len(recs) == 1 and {f.category for f in recs[0].findings} == {"funds_late"}
    recs = list(store.records(kind="recommendation"))
    assert [f.kind for f in recs[0].findings] == ["recommendation"]
    with pytest.raises(ValueError):
        Filters(kind="nonsense")


def test_keyword_search_segments_queries_like_the_index(store):
    _two_reports(store)
    hits = store.keyword_search("资金没到位")
    assert hits and hits[0].finding["category"] == "funds_late"
    assert "【资金到位】" in hits[0].snippet or "【资金】" in hits[0].snippet
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    top = store.keyword_search("冒领养老金")[0]
    assert top.finding["title"] == "信息系统数据不共享"
    s, spans = top.snippet, top.spans
    assert all(s[a - 1] == "【" and s[b] == "】" for a, b in spans)
    assert store.keyword_search("人手不够")[0].finding["county"] == "呈贡区"
    assert store.keyword_search("人手不够", Filters(years="2021")) == [] or all(
        h.finding["year_min"] == 2021 for h in store.keyword_search("人手不够", Filters(years="2021"))
    )
    assert all(
        h.finding["kind"] == "recommendation" for h in store.keyword_search("资金到位", Filters(kind="recommendation"))
    )
    assert store.keyword_search("的") == []  # only stop words: nothing to match


def test_stats_counts_by_province_year_program_mode(store):
    _two_reports(store)
    st = store.stats()
    assert st["reports"] == 2
    assert dict(st["by_province"]) == {"云南省": 2}
    assert dict(st["by_year"]) == {2021: 1, 2023: 1}
    assert dict(st["by_evaluation_mode"]) == {"third_party": 2}
    assert dict(st["findings_by_kind"]) == {"problem": 3, "recommendation": 1}
