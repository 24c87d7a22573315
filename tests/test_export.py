"""Exports of a store built from the real corpus files (text layers: txt, docx, pdf).

Values are what extraction produced: the tests compare the store's records with
``build_record(...)`` of the same file rather than with fixed values, and check that
every evidence span points into the stored document text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from jixiao.store import Filters, Store, mapping
from jixiao.store.export import COLUMNS, REPORT_EVIDENCE, TABLES, evidence_cell

from conftest import CORPUS, record_of
from hardening_helpers import export_csv, read_csv
from hardening_helpers import run_cli as cli

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(indexed_store) -> Path:
    """The session's store of the nine text-layer renderings (conftest: imported once, every file
    stored, three reports); these tests only read it."""
    return indexed_store


def test_every_exported_json_record_validates_against_the_contract(db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "all.json"
    proc = cli("export", "--format", "json", "--out", str(out), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 3
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for rec in records:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(rec)]
        assert errors == [], rec["source"]["path"]
        # built from its best source, the other renderings listed as alternates
        primary = Path(rec["source"]["path"])
        assert primary.suffix == ".pdf" and rec["source"]["ocr"] is False
        assert rec["doc_id"] == hashlib.sha256(primary.read_bytes()).hexdigest()
        stem = primary.name[: -len(".pdf")]
        assert sorted(rec["source"]["alternates"]) == sorted(str(CORPUS / f"{stem}{s}") for s in (".docx", ".txt"))
        assert rec["schema_version"] == 2 and isinstance(rec["evidence"], dict) and isinstance(rec["warnings"], list)
    with Store(db) as store:
        assert records == [r.to_dict() for r in store.records()]
    jsonl = tmp_path / "all.jsonl"
    assert cli("export", "--format", "jsonl", "--out", str(jsonl), "--db", str(db)).returncode == 0
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records


def test_the_store_gives_back_the_record_extracted_from_the_primary(db):
    with Store(db) as store:
        records = list(store.records())
        assert len(records) == 3
        for rec in records:
            path = rec.source.path
            direct = record_of(Path(path)).to_dict()  # build_record(parse(path), path), once per session
            stored = rec.to_dict()
            assert stored["source"].pop("alternates")
            assert stored == direct
            text = store.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (rec.doc_id,)).fetchone()[0]
            for key, ev in rec.evidence.items():  # evidence points into the stored text
                assert text[ev.span[0] : ev.span[1]] == ev.text, key


def test_csv_has_a_bom_and_one_row_per_item(db, tmp_path):
    out = tmp_path / "reports.csv"
    assert cli("export", "--format", "csv", "--labels", "codes", "--out", str(out), "--db", str(db)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS["reports"] and len(rows) == 4
    titles = {r[COLUMNS["reports"].index("title")] for r in rows[1:]}
    assert any("呈贡" in t for t in titles)
    with Store(db) as store:  # the evidence beside each value is the record's
        by_id = {r.doc_id: r for r in store.records()}
    for row in rows[1:]:
        cells = dict(zip(rows[0], row))
        rec = by_id[cells["report_id"]]
        for key in REPORT_EVIDENCE:
            column = mapping.EVIDENCE_COLUMN[key]
            ev = rec.evidence.get(key)
            assert cells[f"{column}_evidence"] == (evidence_cell(ev.page, ev.text) if ev else ""), key
        assert cells["warnings"] == "; ".join(rec.warnings)
    out = tmp_path / "evidence.csv"
    assert export_csv(db, out, "evidence").returncode == 0
    rows = read_csv(out)
    assert rows[0] == COLUMNS["evidence"]
    got = sorted((r[0], r[rows[0].index("field")], r[rows[0].index("text")]) for r in rows[1:])
    assert got == sorted((rid, key, ev.text) for rid, rec in by_id.items() for key, ev in rec.evidence.items())
    out = tmp_path / "findings.csv"
    assert export_csv(db, out, "findings").returncode == 0
    rows = read_csv(out)
    with Store(db) as store:
        assert len(rows) - 1 == store.table_counts()["findings"] > 0


def test_xlsx_has_one_sheet_per_table_frozen_header_and_sized_columns(db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "all.xlsx"
    assert cli("export", "--format", "xlsx", "--labels", "codes", "--out", str(out), "--db", str(db)).returncode == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == list(TABLES)
    with Store(db) as store:
        counts = store.table_counts()
    for table in TABLES:
        ws = wb[table]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == COLUMNS[table]
        assert ws.max_row - 1 == counts[table]
        widths = [
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(COLUMNS[table]))
        ]
        assert all(6 <= w <= 62 for w in widths)
    reports = wb["reports"]
    title_col = COLUMNS["reports"].index("title")
    assert reports.column_dimensions[openpyxl.utils.get_column_letter(title_col + 1)].width > 30  # CJK titles
    with Store(db) as store:  # every failed check stands out, and only those
        failed = store.conn.execute("SELECT COUNT(*) FROM checks WHERE ok = 0").fetchone()[0]
    ok_col = COLUMNS["checks"].index("ok")
    red = [
        row[ok_col].value
        for row in wb["checks"].iter_rows(min_row=2)
        if str(row[0].fill.fgColor.rgb).endswith("FFC7CE")
    ]
    assert red == [False] * failed


def test_filters_narrow_exports(db, tmp_path):
    with Store(db) as store:
        recs = list(store.records(Filters(province="云南", years="2023")))
        assert [r.jurisdiction.county for r in recs] == ["呈贡区"]
        problems = list(store.records(kind="problem"))
        assert problems and all(f.kind == "problem" for r in problems for f in r.findings)
        assert (
            sum(len(r.findings) for r in problems)
            == store.conn.execute("SELECT COUNT(*) FROM findings WHERE kind = 'problem'").fetchone()[0]
        )
        n = store.export(tmp_path / "dongchuan.json", "json", Filters(county="东川"))
        assert n.reports == 1
    out = tmp_path / "none.json"
    nothing = cli("export", "--format", "json", "--years", "1999", "--out", str(out), "--db", str(db))
    assert nothing.returncode == 1 and not out.exists()  # nothing found: exit 1, says why, writes nothing
    assert "nothing to export: no reports for 1999年; the store holds 2019 (1)" in nothing.stderr
    bad = cli("export", "--format", "json", "--years", "soon", "--out", str(out), "--db", str(db))
    assert bad.returncode == 2 and "years" in bad.stderr


def test_stats_counts(db):
    proc = cli("stats", "--db", str(db), "--json")
    assert proc.returncode == 0, proc.stderr
    st = json.loads(proc.stdout)
    assert st["reports"] == 3
    assert dict((str(k), n) for k, n in st["by_year"]) == {"2019": 1, "2021": 1, "2023": 1}
    assert dict(st["by_province"]) == {"云南省": 3}
    assert sum(n for _, n in st["by_evaluation_mode"]) == 3
    assert cli("stats", "--db", str(db)).returncode == 0
    assert cli("stats", "--db", os.devnull + "-missing.db").returncode == 2
