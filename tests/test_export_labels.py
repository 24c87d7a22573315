"""Exports in the users' language: Chinese headers and values by default for csv/xlsx, numbers
as numbers, a sheet explaining the columns, codes on request, and a message naming the rows
written — on a store built from the real reports (text layers)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hardening_helpers import export_csv, read_csv
from hardening_helpers import run_cli as cli
from jixiao.store import Store, labels
from jixiao.store.export import COLUMNS, SHEETS_ZH, TABLES, header


@pytest.fixture(scope="module")
def db(indexed_store) -> Path:
    return indexed_store


def test_csv_speaks_chinese_and_the_message_names_the_rows(db, tmp_path):
    out = tmp_path / "findings.csv"
    proc = export_csv(db, out, "findings", labels=None)
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(out)
    assert rows[0] == [header("findings", c) for c in COLUMNS["findings"]]
    assert rows[0][:3] == ["条目编号", "报告编号", "地区"] and "类型" in rows[0] and "类别" in rows[0]
    with Store(db) as store:
        findings = [f for r in store.records() for f in r.findings]
        n_reports = len(store.report_ids())
    assert len(rows) - 1 == len(findings)
    assert proc.stdout.strip() == f"wrote {out}: findings {len(findings)} rows (from {n_reports} reports)"
    cells = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert sorted(c["类型"] for c in cells) == sorted(labels.label("kind", f.kind) for f in findings)
    assert {c["类型"] for c in cells} <= {"问题", "建议", "经验"}
    assert sorted(c["类别"] for c in cells) == sorted(labels.label("category", f.category) for f in findings)
    assert "信息化与数据共享" in {c["类别"] for c in cells}
    # codes on request: the store's names and codes
    coded = tmp_path / "coded.csv"
    assert export_csv(db, coded, "findings").returncode == 0
    crows = read_csv(coded)
    assert crows[0] == COLUMNS["findings"]
    assert sorted(r[crows[0].index("kind")] for r in crows[1:]) == sorted(f.kind for f in findings)


def test_xlsx_has_chinese_sheets_numbers_as_numbers_and_an_explanation(db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "all.xlsx"
    proc = cli("export", "--format", "xlsx", "--out", str(out), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEETS_ZH[t] for t in TABLES] + ["说明"]
    with Store(db) as store:
        records = {r.title: r for r in store.records()}
        counts = store.table_counts()
    for t in TABLES:
        assert f"{t} {counts[t]} row" in proc.stdout
    ws = wb["报告"]
    head = [c.value for c in ws[1]]
    assert head == [header("reports", c) for c in COLUMNS["reports"]]
    rows = [dict(zip(head, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == len(records)
    for row in rows:
        rec = records[row["标题"]]
        if len(rec.years) == 1:
            assert row["年度"] == rec.years[0] and isinstance(row["年度"], int)
        if rec.score.total is not None:
            assert isinstance(row["总分"], (int, float)) and row["总分"] == pytest.approx(rec.score.total)
        assert row["评价方式"] == labels.label("mode", rec.evaluation_mode)
        assert row["报告类型"] == labels.label("report_kind", rec.report_kind)
        assert row["经文字识别"] in ("是", "否")
    ind = wb["指标"]
    ihead = [c.value for c in ind[1]]
    weights = [r[ihead.index("分值")].value for r in ind.iter_rows(min_row=2)]
    assert weights and all(isinstance(w, (int, float)) for w in weights if w is not None)
    checks = wb["核对"]
    chead = [c.value for c in checks[1]]
    ok = [r[chead.index("是否相符")] for r in checks.iter_rows(min_row=2)]
    assert {c.value for c in ok} <= {"相符", "不符"}
    assert all(str(c.fill.fgColor.rgb).endswith("FFC7CE") == (c.value == "不符") for c in ok)
    explained = wb["说明"]
    lines = [[c.value for c in r] for r in explained.iter_rows(min_row=2)]
    assert len(lines) == sum(len(COLUMNS[t]) for t in TABLES)
    assert ["报告", "总分", "score_total", "评价得分"] in lines
    assert all(line[3] for line in lines)  # every column is explained


def test_json_keeps_the_contract_whatever_the_labels(db, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert cli("export", "--format", "json", "--out", str(a), "--db", str(db)).returncode == 0
    proc = cli("export", "--format", "json", "--labels", "zh", "--out", str(b), "--db", str(db))
    assert proc.returncode == 0
    assert a.read_bytes() == b.read_bytes()
    recs = json.loads(a.read_text(encoding="utf-8"))
    assert {r["evaluation_mode"] for r in recs} <= set(labels.EVALUATION_MODES)
    assert proc.stdout.strip() == f"wrote {b}: {len(recs)} report records"
