"""Exports, outputs and the store against hostile content and hostile paths (issue 11).

Items covered: 3 (formula injection in CSV and XLSX, opened as a user would), 4 (``--out``
naming the store; all-or-nothing writes), 5 (a partial rendering never replaces a report),
8 (a read-only store, a store with corrupt pages, ``compare --out`` into a missing folder:
one line each, no traceback, nothing half-written).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, REPORTS
from hardening_helpers import assert_refused, content_hash, counts, export_csv, read_csv, run_cli
from jixiao.corpus.importer import extract_file, import_paths
from jixiao.corpus.walk import FileItem
from jixiao.store import Store

DONGCHUAN = REPORTS[2]

HOSTILE = {
    "program": '=HYPERLINK("http://example.invalid/x","点击")',
    "evaluated_unit": "@SUM(A1:A9)",
    "finding_title": "+cmd|' /C calc'!A0",
    "finding_text": "-2+3+cmd|' /C calc'!A0 资金未按时拨付。",
    "indicator": "=1+1",
    "tabbed": "\t=1+2",
}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    """A store holding one real report whose texts were rewritten to start like formulas."""
    db = tmp_path_factory.mktemp("hostile") / "h.db"
    path = CORPUS / f"{DONGCHUAN}.txt"
    ext = extract_file(FileItem(str(path), str(path)))
    rec = ext.record
    rec.program = HOSTILE["program"]
    rec.evaluated_unit = HOSTILE["evaluated_unit"]
    rec.findings[0] = dataclasses.replace(rec.findings[0], title=HOSTILE["finding_title"], text=HOSTILE["finding_text"])
    rec.findings[1] = dataclasses.replace(rec.findings[1], title=HOSTILE["tabbed"])
    from jixiao.extractor.record.model import Indicator

    rec.indicators.append(Indicator(level=1, name=HOSTILE["indicator"], weight=10, score=-1.5))
    with Store(db) as store:
        store.add_document(ext)
    return db


# ----------------------------------------------------------------------------- 3. formulas
def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_csv_cells_that_would_run_as_formulas_are_neutralised(hostile_db, tmp_path):
    found = {}
    for table in ("reports", "findings", "indicators"):
        out = tmp_path / f"{table}.csv"
        proc = export_csv(hostile_db, out, table)
        assert proc.returncode == 0, proc.stderr
        rows = read_csv(out)
        for row in rows[1:]:
            for cell in row:
                # As a spreadsheet reads it: no cell starts with a formula character, but a number.
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or _is_number(cell), (table, cell)
                found.setdefault(cell, table)
    for value in HOSTILE.values():
        assert "'" + value in found, value  # kept, behind an apostrophe
    # Numbers stay numbers: a negative score is written as printed.
    ind = read_csv(tmp_path / "indicators.csv")
    col = ind[0].index("score")
    assert "-1.5" in [r[col] for r in ind[1:]]


def test_xlsx_cells_are_strings_never_formulas(hostile_db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "all.xlsx"
    proc = run_cli("export", "--format", "xlsx", "--out", str(out), "--db", str(hostile_db))
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(out)
    seen = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen[cell.value] = cell.data_type
    for value in HOSTILE.values():
        assert seen.get(value) == "s", value  # the text as it is, as a string cell
    # The comparison's workbook too (the programme name heads a column).
    cmp_out = tmp_path / "cmp.xlsx"
    proc = run_cli("compare", "--by", "program", "--format", "xlsx", "--out", str(cmp_out), "--db", str(hostile_db))
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(cmp_out)
    values = {c.value: c.data_type for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert values.get(HOSTILE["program"]) == "s"
    assert all(t != "f" for t in values.values())


def test_json_exports_are_unchanged(hostile_db, tmp_path):
    out = tmp_path / "all.json"
    assert run_cli("export", "--format", "json", "--out", str(out), "--db", str(hostile_db)).returncode == 0
    rec = json.loads(out.read_text(encoding="utf-8"))[0]
    assert rec["program"] == HOSTILE["program"] and rec["findings"][0]["title"] == HOSTILE["finding_title"]


# ----------------------------------------------------------------------------- 4. outputs
@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "wal"])
def test_an_output_naming_the_store_is_refused_and_the_store_kept(hostile_db, tmp_path, spelling):
    db = tmp_path / "s.db"
    shutil.copyfile(hostile_db, db)
    before = (counts(db), content_hash(db))
    (tmp_path / "sub").mkdir()
    os.symlink(db, tmp_path / "link.csv")
    out = {
        "same": db,
        "dotted": tmp_path / "sub" / ".." / "s.db",
        "symlink": tmp_path / "link.csv",
        "wal": Path(f"{db}-wal"),
    }[spelling]
    for args in (["export", "--format", "csv"], ["export", "--format", "xlsx"], ["compare", "--format", "html"]):
        proc = run_cli(*args, "--out", str(out), "--db", str(db))
        assert_refused(proc, out, "is the store itself")
        assert (counts(db), content_hash(db)) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_failed_export_leaves_no_partial_file_and_the_old_output_intact(hostile_db, tmp_path, monkeypatch):
    from jixiao.store import export as export_mod

    out = tmp_path / "out.csv"
    out.write_text("an earlier export\n", encoding="utf-8")
    real = export_mod.table_rows

    def failing(*args, **kwargs):
        yield from list(real(*args, **kwargs))[:1]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_mod, "table_rows", failing)
    with Store(hostile_db) as store, pytest.raises(OSError):
        store.export(out, "csv", table="findings")
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    fresh = tmp_path / "fresh.xlsx"
    with Store(hostile_db) as store, pytest.raises(OSError):
        store.export(fresh, "xlsx")
    assert not fresh.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


# ----------------------------------------------------------------------------- 8. one line, no traceback
def test_compare_into_a_missing_folder_is_one_line_and_leaves_nothing(hostile_db, tmp_path):
    for fmt in ("csv", "xlsx", "png", "html", "table"):
        out = tmp_path / "missing" / f"cmp.{fmt}"
        proc = run_cli("compare", "--format", fmt, "--metric", "score", "--out", str(out), "--db", str(hostile_db))
        assert_refused(proc, out, "no such folder")
    proc = run_cli("export", "--format", "csv", "--out", str(tmp_path / "missing" / "x.csv"), "--db", str(hostile_db))
    assert_refused(proc, tmp_path / "missing" / "x.csv", "no such folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _immutable(path: Path) -> bool:
    """Make ``path`` unwritable even for root (chattr +i); False when the system does not allow it."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        return True
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def _mutable(path: Path) -> None:
    if os.geteuid() != 0:
        path.parent.chmod(0o755)
        path.chmod(0o644)
    else:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_importing_into_a_read_only_store_is_one_line(hostile_db, tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    db = d / "s.db"
    shutil.copyfile(hostile_db, db)
    before = content_hash(db)
    if not _immutable(db):
        pytest.skip("cannot make a file read-only here")
    try:
        proc = run_cli("import", str(CORPUS / f"{REPORTS[1]}.txt"), "--db", str(db), "--workers", "0")
        assert_refused(proc, db, "read-only")
        proc = run_cli("stats", "--db", str(db))  # reading still works
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    finally:
        _mutable(db)
    assert content_hash(db) == before


def _damage(db: Path, tmp_path: Path) -> Path:
    """A copy of ``db`` whose header and schema are intact but whose last pages are garbage."""
    bad = tmp_path / "damaged.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copyfile(db, bad)
    size = bad.stat().st_size
    with open(bad, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size - size // 2 // 4096 * 4096)))
    with open(bad, "rb") as fh:
        assert fh.read(16) == b"SQLite format 3\x00"
    return bad


def test_a_store_with_corrupt_pages_is_one_line_for_every_command(hostile_db, tmp_path):
    bad = _damage(hostile_db, tmp_path)
    commands = [
        ["stats"],
        ["export", "--format", "json", "--out", str(tmp_path / "x.json")],
        ["export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx")],
        ["search", "资金", "--mode", "keyword"],
        ["compare"],
        ["import", str(CORPUS / f"{REPORTS[1]}.txt"), "--workers", "0"],
    ]
    for args in commands:
        proc = run_cli(*args, "--db", str(bad))
        assert_refused(proc, bad, "damaged")
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.xlsx").exists()


# ----------------------------------------------------------------------------- 5. a partial rendering
def _first_pages(src: Path, out: Path, n: int) -> Path:
    from pypdf import PdfReader, PdfWriter

    reader, writer = PdfReader(src), PdfWriter()
    for page in reader.pages[:n]:
        writer.add_page(page)
    with open(out, "wb") as fh:
        writer.write(fh)
    return out


@pytest.fixture(scope="module")
def partial_files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("partial")
    files = {"docx": d / "dongchuan.docx", "pdf": d / "dongchuan.pdf"}
    shutil.copyfile(CORPUS / f"{DONGCHUAN}.docx", files["docx"])
    shutil.copyfile(CORPUS / f"{DONGCHUAN}.pdf", files["pdf"])
    files["page1"] = _first_pages(CORPUS / f"{DONGCHUAN}.pdf", d / "dongchuan-p1.pdf", 1)
    return files


def _findings(db: Path) -> tuple[int, str]:
    conn = sqlite3.connect(db)
    n = conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    primary = conn.execute("SELECT path FROM sources WHERE is_primary = 1").fetchone()[0]
    conn.close()
    return n, primary


def test_a_one_page_extract_never_replaces_the_report(partial_files, tmp_path):
    docx, page1, pdf = partial_files["docx"], partial_files["page1"], partial_files["pdf"]
    db = tmp_path / "a.db"
    assert import_paths([str(docx)], db, workers=0).failed == []
    findings, primary = _findings(db)
    assert findings >= 5 and primary == str(docx)
    # The first page states the same title, place, year and score: it joins the report...
    proc = run_cli("import", str(page1), "--db", str(db), "--workers", "0")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "another rendering" in proc.stdout
    assert f"{page1}: partial rendering (1 of 7 pages" in proc.stdout and "kept as an alternate" in proc.stdout
    # ... as an alternate: the report keeps its findings and its source.
    assert _findings(db) == (findings, str(docx))
    c = counts(db)
    assert (c["documents"], c["reports"], c["sources"]) == (2, 1, 2)
    # The whole PDF does replace it (a PDF text layer ranks first), whatever came before.
    assert import_paths([str(pdf)], db, workers=0).imported[0].status == "better rendering"
    assert _findings(db) == (findings, str(pdf))
    # In any order the store ends the same.
    other = tmp_path / "b.db"
    for f in (page1, pdf, docx):
        assert import_paths([str(f)], other, workers=0).failed == []
    assert content_hash(other) == content_hash(db)
