"""Exports of a store built from the real corpus files (text layers: txt, docx, pdf)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.corpus.importer import import_paths
from jixiao.store import Filters, Store
from jixiao.store.export import COLUMNS, TABLES

from conftest import CORPUS, REPORTS

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))
TEXT_LAYERS = [".txt", ".docx", ".pdf"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "e.db"
    summary = import_paths([str(CORPUS / f"{r}{s}") for r in REPORTS for s in TEXT_LAYERS], path, workers=2)
    assert summary.failed == [] and summary.new_reports == 3
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao.cli", *args], capture_output=True, text=True, timeout=600)


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
    jsonl = tmp_path / "all.jsonl"
    assert cli("export", "--format", "jsonl", "--out", str(jsonl), "--db", str(db)).returncode == 0
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records


def test_the_store_gives_back_the_record_extracted_from_the_primary(db):
    from jixiao import extract

    with Store(db) as store:
        for rec in store.records():
            direct = extract(rec["source"]["path"])
            stored = dict(rec, source={k: v for k, v in rec["source"].items() if k != "alternates"})
            for f in direct["findings"]:
                f.setdefault("responds_to", None)
            for i in direct["indicators"]:
                for k in ("code", "parent", "page"):
                    i.setdefault(k, None)
            for g in direct["figures"]:
                g.setdefault("page", None)
            assert stored == direct


def test_csv_has_a_bom_and_one_row_per_item(db, tmp_path):
    out = tmp_path / "reports.csv"
    assert cli("export", "--format", "csv", "--out", str(out), "--db", str(db)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS["reports"] and len(rows) == 4
    titles = {r[COLUMNS["reports"].index("title")] for r in rows[1:]}
    assert any("呈贡" in t for t in titles)
    out = tmp_path / "findings.csv"
    assert cli("export", "--format", "csv", "--table", "findings", "--out", str(out), "--db", str(db)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    with Store(db) as store:
        assert len(rows) - 1 == store.table_counts()["findings"] > 0


def test_xlsx_has_one_sheet_per_table_frozen_header_and_sized_columns(db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "all.xlsx"
    assert cli("export", "--format", "xlsx", "--out", str(out), "--db", str(db)).returncode == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == list(TABLES)
    with Store(db) as store:
        counts = store.table_counts()
    for table in TABLES:
        ws = wb[table]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == COLUMNS[table]
        assert ws.max_row - 1 == counts[table]
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
                  for i in range(len(COLUMNS[table]))]
        assert all(6 <= w <= 62 for w in widths)
    reports = wb["reports"]
    title_col = COLUMNS["reports"].index("title")
    assert reports.column_dimensions[openpyxl.utils.get_column_letter(title_col + 1)].width > 30  # CJK titles


def test_filters_narrow_exports(db, tmp_path):
    with Store(db) as store:
        recs = list(store.records(Filters(province="云南", years="2023")))
        assert [r["jurisdiction"]["county"] for r in recs] == ["呈贡区"]
        problems = list(store.records(kind="problem"))
        assert problems and all(f["kind"] == "problem" for r in problems for f in r["findings"])
        assert sum(len(r["findings"]) for r in problems) == store.conn.execute(
            "SELECT COUNT(*) FROM findings WHERE kind = 'problem'").fetchone()[0]
        n = store.export(tmp_path / "dongchuan.json", "json", Filters(county="东川"))
        assert n == 1
    out = tmp_path / "none.json"
    assert cli("export", "--format", "json", "--years", "1999", "--out", str(out), "--db", str(db)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []
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
