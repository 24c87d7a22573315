"""Bulk import on the real corpus files: renderings, re-runs, kills, bad files, archives.

The scans are OCR'd once per session (``full_store``); every test that imports
repeatedly uses the text-layer files only (txt, docx, pdf) and byte-varied copies.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from jixiao.corpus.importer import import_paths
from jixiao.corpus.variants import make_variants
from jixiao.corpus.walk import FileItem, WalkError, walk
from jixiao.store import Store

from conftest import CORPUS, REPORTS, RENDERINGS, TEXT_LAYERS, copy_store
from hardening_helpers import run_cli
from store_snapshot import snapshot


def text_layer_files() -> list[Path]:
    return [CORPUS / f"{r}{s}" for r in REPORTS for s in TEXT_LAYERS]


# ----------------------------------------------------------------------------- the whole corpus, scans too
@pytest.fixture(scope="session")
def full_store(tmp_path_factory) -> Path:
    """tests/corpus (12 files, 3 of them scans) imported once with 2 workers."""
    db = tmp_path_factory.mktemp("full") / "full.db"
    summary = import_paths([str(CORPUS)], db, workers=2)
    assert summary.failed == [], summary.text()
    return db


@pytest.mark.slow
def test_four_renderings_of_each_report_are_one_report(full_store):
    with Store(full_store) as store:
        counts = store.table_counts()
        assert counts["reports"] == 3
        assert counts["documents"] == counts["sources"] == 12
        for report in REPORTS:
            paths = {str(CORPUS / f"{report}{s}") for s in RENDERINGS}
            rows = store.conn.execute(
                "SELECT DISTINCT report_id FROM sources WHERE path IN (%s)" % ",".join("?" * 4), sorted(paths)
            ).fetchall()
            assert len(rows) == 1, f"{report}: renderings split over {rows}"
            rec = store.record(rows[0][0])
            # the primary is the text-layer PDF; the scan, the docx and the txt are alternates
            assert rec.source.path == str(CORPUS / f"{report}.pdf")
            assert rec.source.ocr is False
            assert set(rec.source.alternates) == paths - {rec.source.path}
            ocr = store.conn.execute(
                "SELECT ocr FROM documents WHERE path = ?", (str(CORPUS / f"{report}-scan.pdf"),)
            ).fetchone()[0]
            assert ocr == 1


@pytest.mark.slow
def test_importing_the_corpus_again_stores_nothing_new(full_store, tmp_path):
    before = snapshot(full_store)
    proc = run_cli("import", str(CORPUS), "--db", str(full_store), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert "Nothing new" in proc.stdout and "12 file(s) skipped" in proc.stdout
    assert snapshot(full_store) == before
    with Store(full_store) as store:
        last = store.stats()["last_import"]
        assert (last["imported"], last["skipped"], last["failed"]) == (0, 12, 0)


# ----------------------------------------------------------------------------- text layers, repeatedly
def test_text_layer_renderings_twice_identical_counts(text_layer_import, tmp_path):
    # The first import is the session's (conftest: nine renderings into a fresh store, 2 workers);
    # the second runs on a private copy of that store.
    session_db, first = text_layer_import
    assert first.failed == [] and len(first.imported) == 9 and first.new_reports == 3
    db = copy_store(session_db, tmp_path / "t.db")
    with Store(db) as store:
        counts = store.table_counts()
        assert counts["reports"] == 3 and counts["findings"] > 0 and counts["indicators"] > 0
    before = snapshot(db)
    second = import_paths([str(f) for f in text_layer_files()], db, workers=2)
    assert second.imported == [] and len(second.skipped) == 9 and second.new_reports == 0
    assert "Nothing new" in second.text()
    assert snapshot(db) == before
    with Store(db) as store:
        after = store.table_counts()
    assert {k: v for k, v in after.items() if k != "imports"} == {k: v for k, v in counts.items() if k != "imports"}


def test_force_rereads_and_gives_the_same_store(tmp_path):
    files = [str(CORPUS / f"{REPORTS[1]}{s}") for s in TEXT_LAYERS]
    db = tmp_path / "f.db"
    import_paths(files, db, workers=0)
    before = snapshot(db)
    again = import_paths(files, db, workers=0, force=True)
    assert len(again.imported) == 3 and again.skipped == []
    assert snapshot(db) == before


def test_a_changed_file_is_reimported_and_replaces_the_old_content(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    txt = src / "report.txt"
    shutil.copyfile(CORPUS / f"{REPORTS[2]}.txt", txt)
    db = tmp_path / "c.db"
    import_paths([str(src)], db, workers=0)
    with Store(db) as store:
        old_ids = store.document_ids()
    with open(txt, "a", encoding="utf-8") as fh:
        fh.write("\n附件：无。\n")
    summary = import_paths([str(src)], db, workers=0)
    assert len(summary.imported) == 1
    with Store(db) as store:
        assert store.table_counts()["documents"] == 1 and store.table_counts()["reports"] == 1
        assert store.document_ids() != old_ids


def test_db_defaults_to_jixiao_db_or_the_environment(tmp_path):
    one = CORPUS / f"{REPORTS[1]}.txt"
    proc = run_cli("import", str(one), "--workers", "0", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "jixiao.db").exists()
    proc = run_cli("import", str(one), "--workers", "0", cwd=tmp_path, env={"JIXIAO_DB": str(tmp_path / "env.db")})
    assert proc.returncode == 0 and (tmp_path / "env.db").exists()
    assert run_cli("import", str(tmp_path / "missing"), cwd=tmp_path).returncode == 2
    assert run_cli("import", str(one), "--workers", "-1", cwd=tmp_path).returncode == 2


def test_zip_archives_are_walked_and_members_imported(tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(CORPUS / f"{REPORTS[2]}.docx", "2019/dongchuan.docx")
    outer = tmp_path / "batch.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(CORPUS / f"{REPORTS[1]}.txt", "a/chenggong.txt")
        zf.write(inner, "nested/inner.zip")
        zf.writestr("__MACOSX/._junk", b"junk")
    items = list(walk([str(outer)]))
    assert [i.path for i in items] == [f"{outer}!a/chenggong.txt", f"{outer}!nested/inner.zip!2019/dongchuan.docx"]
    assert all(isinstance(i, FileItem) for i in items)
    db = tmp_path / "z.db"
    summary = import_paths([str(outer)], db, workers=0)
    assert summary.failed == [] and summary.new_reports == 2
    with Store(db) as store:
        rec = next(store.records(county="东川"))
        assert rec.source.path == f"{outer}!nested/inner.zip!2019/dongchuan.docx"
        assert rec.source.format == "docx" and rec.findings


# ----------------------------------------------------------------------------- kill -9 in the middle
def test_sigkill_mid_batch_then_rerun_equals_a_clean_import(tmp_path):
    batch = tmp_path / "batch"
    # 27 distinct files, 3 reports: four copies of each rendering of the two short reports, one of
    # each yunnan rendering (~2.5 CPU-seconds to extract apiece, where the others take ~0.1).
    short, yunnan = [f for f in text_layer_files() if REPORTS[0] not in f.name], text_layer_files()[:3]
    assert all(REPORTS[0] in f.name for f in yunnan)
    files = make_variants(short, batch, copies=4) + make_variants(yunnan, batch, copies=1)
    assert len(files) >= 27
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli", "import", str(batch), "--db", str(killed_db), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    committed = 0
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            conn = sqlite3.connect(f"file:{killed_db}?mode=ro", uri=True, timeout=1)
            committed = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if committed >= 8:
            break
    assert proc.poll() is None, "the importer finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the importer and its worker processes
    proc.wait()

    conn = sqlite3.connect(killed_db)
    at_kill = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    unfinished = conn.execute("SELECT COUNT(*) FROM imports WHERE finished_at IS NULL").fetchone()[0]
    conn.close()
    assert 8 <= at_kill < len(files) and unfinished == 1

    rerun = run_cli("import", str(batch), "--db", str(killed_db), "--workers", "2")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"skipped {at_kill}" in rerun.stdout

    clean = run_cli("import", str(batch), "--db", str(clean_db), "--workers", "2")
    assert clean.returncode == 0, clean.stderr
    killed_snap, clean_snap = snapshot(killed_db), snapshot(clean_db)
    for table in clean_snap:
        assert killed_snap[table] == clean_snap[table], table
    with Store(killed_db) as store:
        counts = store.table_counts()
    assert counts["documents"] == len(files) and counts["reports"] == 3


# ----------------------------------------------------------------------------- 20 bad files among good ones
def _encrypted_pdf() -> bytes:
    out = b"%PDF-1.4\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    offsets = []
    for i, ob in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + ob + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (
        b"trailer\n<< /Root 1 0 R /Encrypt 4 0 R /ID [<"
        + b"ab" * 16
        + b"><"
        + b"ab" * 16
        + b">] /Size 5 >>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out


def make_bad_files(d: Path) -> list[str]:
    """Twenty files that cannot be imported, each for its own reason; returns their paths."""
    pdf = (CORPUS / f"{REPORTS[2]}.pdf").read_bytes()
    docx = (CORPUS / f"{REPORTS[2]}.docx").read_bytes()
    bad: list[str] = []

    def put(name: str, data: bytes) -> None:
        (d / name).write_bytes(data)
        bad.append(str(d / name))

    put("empty.pdf", b"")
    put("empty.txt", b"")
    put("truncated.pdf", pdf[: len(pdf) // 5])
    put("truncated.docx", docx[: len(docx) // 2])
    put("encrypted.pdf", _encrypted_pdf())
    put("picture.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    put("random.docx", os.urandom(4096).replace(b"PK", b"pk"))
    put("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    put("report.rtf", rb"{\rtf1\ansi 2021\u24180?\u24230?}")
    put("garbage.txt", b"\x00\x01\x02\x03" * 1024)
    put("shopping-list.txt", "买菜：白菜两斤，鸡蛋一打，酱油一瓶。\n".encode("utf-8"))
    put("page.html", "<!DOCTYPE html><html><body><p>欢迎访问本站</p></body></html>".encode("utf-8"))
    put("nopages.pdf", b"%PDF-1.4\n%%EOF\n")
    put("corrupt.zip", b"PK\x03\x04" + os.urandom(512))
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "绩效评价得分"
    wb.save(d / "scores.docx")  # an Excel workbook wearing a .docx name
    bad.append(str(d / "scores.docx"))
    with zipfile.ZipFile(d / "slides.docx", "w") as zf:  # an Office container without a document
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("ppt/presentation.xml", "<p/>")
    bad.append(str(d / "slides.docx"))
    with zipfile.ZipFile(d / "bundle.zip", "w") as zf:  # a bad member inside an archive
        zf.writestr("empty.pdf", b"")
    bad.append(f"{d / 'bundle.zip'}!empty.pdf")
    (d / "x.pdf").mkdir()
    bad.append(str(d / "x.pdf"))
    os.mkfifo(d / "pipe.pdf")
    bad.append(str(d / "pipe.pdf"))
    os.symlink(d / "gone.pdf", d / "link.pdf")  # a path that disappeared
    bad.append(str(d / "link.pdf"))
    return bad


def test_bad_files_are_listed_with_reasons_and_good_ones_imported(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    good = []
    # Every text-layer rendering of the two short reports, the .txt of the yunnan one (its .docx and
    # .pdf read like the others, at ~2.5 CPU-s apiece).
    for f in text_layer_files():
        if REPORTS[0] in f.name and f.suffix != ".txt":
            continue
        shutil.copyfile(f, batch / f.name)
        good.append(str(batch / f.name))
    # GBK-encoded text is not bad: it is read and recognised as one more rendering.
    gbk = batch / "chenggong-gbk.txt"
    gbk.write_bytes((CORPUS / f"{REPORTS[1]}.txt").read_text(encoding="utf-8").encode("gb18030"))
    good.append(str(gbk))
    bad = make_bad_files(batch)
    assert len(bad) == 20
    # An unreadable file. As root, chmod does not stop reads: the file is then simply imported.
    locked = batch / "locked.txt"
    locked.write_bytes((CORPUS / f"{REPORTS[0]}.txt").read_bytes() + b"\n \n")
    locked.chmod(0)
    (bad if os.geteuid() != 0 else good).append(str(locked))

    db = tmp_path / "bad.db"
    proc = run_cli("import", str(batch), "--db", str(db), "--workers", "2")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "failed:" in proc.stdout
    with Store(db) as store:
        errors = {e["path"]: e["reason"] for e in store.import_errors()}
        stored = {r[0] for r in store.conn.execute("SELECT path FROM documents")}
        assert store.table_counts()["reports"] == 3
    assert set(errors) == set(bad), set(errors) ^ set(bad)
    assert set(good) <= stored
    assert all(reason and "\n" not in reason for reason in errors.values())
    assert "password" in errors[str(batch / "encrypted.pdf")]
    assert "empty" in errors[str(batch / "empty.pdf")]
    assert "directory" in errors[str(batch / "x.pdf")]
    assert "FIFO" in errors[str(batch / "pipe.pdf")]
    assert "link" in errors[str(batch / "link.pdf")]
    assert "Excel" in errors[str(batch / "scores.docx")]
    for path in bad:
        assert path in proc.stdout  # the summary lists every failure
    if os.geteuid() != 0:
        assert "permission" in errors[str(locked)]


def test_walk_reports_what_it_cannot_walk(tmp_path):
    (tmp_path / "a.pdf").mkdir()
    os.mkfifo(tmp_path / "f.txt")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-")
    (tmp_path / "~$lock.docx").write_bytes(b"x")
    (tmp_path / "ok.txt").write_text("x")
    (tmp_path / "README.md").write_text("# reports from 2021")  # documentation shipped with a collection
    out = list(walk([str(tmp_path)]))
    assert [type(o).__name__ for o in out] == ["WalkError", "WalkError", "FileItem"]
    assert isinstance(out[0], WalkError) and out[0].path.endswith("a.pdf")
