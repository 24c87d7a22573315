"""The store on its own: schema and migrations, identity of renderings, round trips, FTS.

Records here are built by hand from the contract (the importer tests run the real
extractor on the real files); the texts are the real corpus texts, so identity is
decided on real wording.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest

from jixiao.store import ExtractedDocument, Filters, Store, parse_years
from jixiao.store import schema as schema_mod
from jixiao.store.identity import signature, similarity

from conftest import CORPUS, REPORTS

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))


def corpus_text(report: str) -> str:
    return (CORPUS / f"{report}.txt").read_text(encoding="utf-8")


def make_record(report: str, *, years=(2021,), adcode="530000", title=None, total=81.14) -> dict:
    """A contract record for ``report`` with a few findings, indicators, figures and checks."""
    return {
        "schema_version": 1,
        "doc_id": "0" * 64,  # replaced per rendering
        "source": {"path": "", "format": "txt", "pages": None, "ocr": False},
        "title": title or f"{report} 绩效评价报告",
        "report_kind": "project",
        "evaluation_mode": "third_party",
        "years": list(years),
        "report_date": "2022-05",
        "jurisdiction": {"name": "云南省", "level": "province", "province": "云南省", "prefecture": None,
                         "county": None, "adcode": adcode},
        "program": "城乡居民基本养老保险",
        "evaluated_unit": "云南省人力资源和社会保障厅",
        "evaluator": "某会计师事务所",
        "score": {"total": total, "max": 100, "grade": "良", "grade_source": "stated"},
        "indicators": [
            {"code": "A", "level": 1, "name": "决策", "parent": None, "weight": 20, "score": 18.5, "page": 19},
            {"code": "A1", "level": 2, "name": "项目立项", "parent": "决策", "weight": 5, "score": 5, "page": 19},
        ],
        "findings": [
            {"kind": "problem", "ordinal": 1, "title": "专项资金到位不及时",
             "text": "专项资金到位不及时，部分州市配套资金到位率仅为80%，影响待遇按时发放。",
             "category": "funds_late", "page": 25, "span": [100, 140], "responds_to": None},
            {"kind": "problem", "ordinal": 2, "title": "信息系统数据不共享",
             "text": "人社、民政、残联等部门信息系统数据不共享，比对核查依靠人工，存在冒领养老金风险。",
             "category": "data_sharing", "page": 26, "span": [150, 200], "responds_to": None},
            {"kind": "recommendation", "ordinal": 1, "title": "加快资金拨付",
             "text": "建议财政部门加快资金拨付进度，确保资金及时足额到位。",
             "category": "funds_late", "page": 28, "span": [300, 330], "responds_to": 1},
        ],
        "figures": [
            {"name": "insured", "value": 24603100, "unit": "人", "raw": "2,460.31万人", "page": 3},
            {"name": "execution_rate", "value": 0.8806, "unit": "%", "raw": "88.06%", "page": 4},
        ],
        "checks": [{"rule": "indicator_sum", "ok": True, "detail": "first-level scores add up to 81.14"}],
    }


def rendering(report: str, text: str, path: str, fmt: str, *, ocr=False, record=None, pages=None) -> ExtractedDocument:
    data = (path + text).encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    rec = copy.deepcopy(record or make_record(report))
    rec["doc_id"] = sha
    rec["source"] = {"path": path, "format": fmt, "pages": pages, "ocr": ocr}
    return ExtractedDocument(doc_id=sha, path=path, format=fmt, pages=pages, ocr=ocr, size=len(data), text=text,
                             record=rec)


def artefact_free(text: str) -> str:
    """Another rendering of the same wording: artefacts gone, lines re-wrapped differently."""
    text = re.sub(r"\[bookmark: _GoBack\]|\*\*|—\s*\d+\s*—", "", text)
    return re.sub(r"\s+", "", text)[::1].replace("。", "。\n")


def table_snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every content table, without the integer row ids that depend on insertion order."""
    snap = {}
    for table in ["documents", "reports", "sources", "indicators", "findings", "figures", "checks"]:
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
    assert store.schema_version == schema_mod.latest_version() >= 1
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == store.schema_version
    names = set(store.db.table_names())
    assert {"documents", "reports", "sources", "indicators", "findings", "figures", "checks", "imports",
            "import_errors", "findings_fts", "schema_version"} <= names
    indexed = {tuple(i.columns) for i in store.db["findings"].indexes}
    for cols in [("province",), ("prefecture",), ("county",), ("adcode",), ("year_min", "year_max"),
                 ("program",), ("kind",), ("category",)]:
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
            assert rec["source"]["path"] == "a/r.pdf" and rec["source"]["ocr"] is False
            assert sorted(rec["source"]["alternates"]) == ["a/r-scan.pdf", "a/r.docx", "a/r.txt"]
            snapshots.append(table_snapshot(s))
    assert snapshots[0] == snapshots[1] == snapshots[2]


def test_same_programme_in_other_years_or_places_stays_separate(store):
    report = REPORTS[0]
    text = corpus_text(report)
    store.add_document(rendering(report, text, "r2021.txt", "txt"))
    store.add_document(rendering(report, text + "\n2022", "r2022.txt", "txt",
                                 record=make_record(report, years=(2022,))))
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
    report = REPORTS[1]
    doc = rendering(report, corpus_text(report), "c.txt", "txt")
    store.add_document(doc)
    (rec,) = list(store.records())
    jsonschema.validate(rec, SCHEMA)
    assert rec == doc.record
    assert isinstance(rec["figures"][0]["value"], int) and rec["figures"][1]["value"] == 0.8806
    assert isinstance(rec["score"]["total"], float)


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
    rec["findings"][0]["title"] = None
    rec["findings"][0]["kind"] = None  # NOT NULL: the write fails half-way through the report
    doc = rendering(report, corpus_text(report), "bad.txt", "txt", record=rec)
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(doc)
    counts = store.table_counts()
    assert counts["documents"] == counts["reports"] == counts["indicators"] == 0
    good = rendering(report, corpus_text(report), "good.txt", "txt")
    assert store.add_document(good).status == "new report"


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
    rec["jurisdiction"] = {"name": "呈贡区", "level": "county", "province": "云南省", "prefecture": "昆明市",
                           "county": "呈贡区", "adcode": "530114"}
    rec["report_kind"] = "department"
    rec["findings"] = [{"kind": "problem", "ordinal": 1, "title": "在编人员不足",
                        "text": "在编人员不足，难以实行轮岗制度，基层经办人手不够。", "category": "staffing",
                        "page": 6, "span": [10, 40], "responds_to": None}]
    store.add_document(rendering(c, corpus_text(c), "c.txt", "txt", record=rec))


def test_filters_select_reports_and_findings(store):
    _two_reports(store)
    assert len(list(store.records(province="云南"))) == 2
    assert len(list(store.records(county="呈贡"))) == 1
    assert len(list(store.records(years="2022-2024"))) == 1
    assert len(list(store.records(kind="department"))) == 1
    recs = list(store.records(category="funds_late"))
    assert len(recs) == 1 and {f["category"] for f in recs[0]["findings"]} == {"funds_late"}
    recs = list(store.records(kind="recommendation"))
    assert [f["kind"] for f in recs[0]["findings"]] == ["recommendation"]
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
        h.finding["year_min"] == 2021 for h in store.keyword_search("人手不够", Filters(years="2021")))
    assert all(h.finding["kind"] == "recommendation"
               for h in store.keyword_search("资金到位", Filters(kind="recommendation")))
    assert store.keyword_search("的") == []  # only stop words: nothing to match


def test_stats_counts_by_province_year_program_mode(store):
    _two_reports(store)
    st = store.stats()
    assert st["reports"] == 2
    assert dict(st["by_province"]) == {"云南省": 2}
    assert dict(st["by_year"]) == {2021: 1, 2023: 1}
    assert dict(st["by_evaluation_mode"]) == {"third_party": 2}
    assert dict(st["findings_by_kind"]) == {"problem": 3, "recommendation": 1}
