"""`jixiao import --json` and `--quiet` (issue 10): what a script or a scheduled job reads.

The JSON line is ``ImportSummary.as_dict()`` of the library call, so the numbers are checked
against the store the run wrote and against the files themselves.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pypdfium2

from conftest import CORPUS, REPORTS
from hardening_helpers import run_cli
from jixiao.corpus.importer import import_paths

PDF = CORPUS / f"{REPORTS[1]}.pdf"
TXT = CORPUS / f"{REPORTS[2]}.txt"


def _batch(tmp_path: Path) -> tuple[Path, Path]:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / PDF.name).write_bytes(PDF.read_bytes())
    (batch / TXT.name).write_bytes(TXT.read_bytes())
    junk = batch / "broken.pdf"
    junk.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntruncated")
    return batch, junk


def _errors(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT path, reason FROM import_errors"))
    finally:
        conn.close()


def test_json_is_one_line_of_counts_pages_seconds_and_reasons(tmp_path):
    batch, junk = _batch(tmp_path)
    db = tmp_path / "j.db"
    proc = run_cli("import", str(batch), "--db", str(db), "--workers", "0", "--no-index", "--json")
    assert proc.returncode == 1, proc.stderr  # partial: one file failed
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, proc.stdout
    out = json.loads(lines[0])
    assert out["files"] == 3 and out["stored"] == 2 and out["skipped"] == 0
    assert out["failed"] == [{"path": str(junk), "reason": _errors(db)[str(junk)]}]
    assert out["failed"][0]["reason"]
    assert out["pages"] == len(pypdfium2.PdfDocument(str(PDF)))  # the .txt has no pages
    assert out["new_reports"] == out["reports"] == 2 and out["embedded"] == 0
    assert out["seconds"] > 0
    assert "Imported" not in proc.stderr  # no summary text anywhere, no progress lines
    assert proc.stderr.strip() == ""

    # Again, indexing (the default): nothing new is read, the findings are embedded, and the
    # embedding's bar and count stay off stdout.
    again = run_cli("import", str(batch), "--db", str(db), "--workers", "0", "--json")
    out = json.loads(again.stdout)
    conn = sqlite3.connect(db)
    findings, vectors = (
        conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("findings", "finding_vectors")
    )
    conn.close()
    assert out["stored"] == 0 and out["skipped"] == 2 and [f["path"] for f in out["failed"]] == [str(junk)]
    assert out["pages"] == 0 and out["new_reports"] == 0
    assert findings > 0 and out["embedded"] == findings == vectors


def test_quiet_says_only_what_failed(tmp_path):
    batch, junk = _batch(tmp_path)
    db = tmp_path / "q.db"
    proc = run_cli("import", str(batch), "--db", str(db), "--workers", "0", "--no-index", "--quiet")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"{junk}: {_errors(db)[str(junk)]}"]
    clean = run_cli("import", str(TXT), "--db", str(tmp_path / "c.db"), "--workers", "0", "--no-index", "-q")
    assert clean.returncode == 0 and clean.stdout == "" and clean.stderr == ""


def test_the_library_call_gives_the_same_summary(tmp_path):
    batch, junk = _batch(tmp_path)
    summary = import_paths([str(batch)], tmp_path / "l.db", workers=0)
    out = summary.as_dict()
    assert json.loads(json.dumps(out)) == out  # plain data
    assert (out["files"], out["stored"], out["skipped"]) == (3, 2, 0)
    assert [f["path"] for f in out["failed"]] == [str(junk)]
    assert out["pages"] == sum(f.pages or 0 for f in summary.imported) == len(pypdfium2.PdfDocument(str(PDF)))
