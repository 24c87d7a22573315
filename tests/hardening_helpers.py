"""Helpers for the hardening tests (tests/test_hardening_*.py) and the export tests: run the
CLI as a user does, export a table as CSV and read it back, check a refusal is one line,
measure a process's peak memory, fingerprint a store."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

from pdf_samples import save_pdf

GiB = 1024**3

#: Peak memory one reading process may reach on any hostile file (README, Limits: ~1 GiB a worker).
MEMORY_CEILING = GiB

# The peak resident memory of this process: VmHWM (ru_maxrss would carry over the high-water
# mark of the process that forked it — pytest — across exec).
_WRAPPER = (
    "import atexit, os, resource, runpy, sys\n"
    "def peak():\n"
    "    try:\n"
    "        with open('/proc/self/status') as fh:\n"
    "            for line in fh:\n"
    "                if line.startswith('VmHWM:'):\n"
    "                    return int(line.split()[1]) * 1024\n"
    "    except OSError:\n"
    "        pass\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
    "atexit.register(lambda: open(os.environ['JIXIAO_TEST_MAXRSS'], 'w').write(str(peak())))\n"
    "sys.argv = ['jixiao'] + sys.argv[1:]\n"
    "runpy.run_module('jixiao.cli', run_name='__main__')\n"
)


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 1800, measure: Path | None = None
) -> subprocess.CompletedProcess:
    """``jixiao ARGS`` in a fresh interpreter; with ``measure`` (a file path) its peak memory in
    bytes is written there (read it with :func:`peak_bytes`)."""
    environ = {**os.environ, **(env or {})}
    if measure is not None:
        environ["JIXIAO_TEST_MAXRSS"] = str(measure)
        cmd = [sys.executable, "-c", _WRAPPER, *args]
    else:
        cmd = [sys.executable, "-m", "jixiao.cli", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=environ, timeout=timeout)


def export_csv(db: str | Path, out: Path, table: str, labels: str | None = "codes") -> subprocess.CompletedProcess:
    """``jixiao export --format csv`` of one table of the store ``db`` to ``out`` (``labels``
    None: the default labels)."""
    flags = ["--labels", labels] if labels else []
    return run_cli("export", "--format", "csv", *flags, "--table", table, "--out", str(out), "--db", str(db))


def read_csv(path: Path) -> list[list[str]]:
    """The rows of a CSV export (UTF-8 with a byte-order mark), header first."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def peak_bytes(measure: Path) -> int:
    return int(measure.read_text())


def assert_refused(proc: subprocess.CompletedProcess, path: str | Path, *words: str, code: int = 2) -> str:
    """Exit status ``code``, no traceback, and exactly one line on stderr naming ``path`` and the reason."""
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out
    assert proc.returncode == code, out
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.lstrip().startswith("importing")]
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("jixiao: ") and str(path) in line, line
    for word in words:
        assert word.lower() in line.lower(), line
    return line


CONTENT_TABLES = ["documents", "reports", "sources", "indicators", "findings", "figures", "checks", "evidence"]


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in CONTENT_TABLES + ["import_errors"]}
    finally:
        conn.close()


def content_hash(db: Path) -> str:
    """sha256 of every row a report lives in (row ids and import bookkeeping left out)."""
    conn = sqlite3.connect(db)
    h = hashlib.sha256()
    try:
        for table in CONTENT_TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "id"]
            rows = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)
            h.update(table.encode())
            h.update(json.dumps(rows, ensure_ascii=False, default=lambda b: b.hex()).encode())
    finally:
        conn.close()
    return h.hexdigest()


# --------------------------------------------------------------------------- PDFs of image pages
def image_pdf(path: Path, pages: list[tuple[float, float, bytes | None]]) -> Path:
    """A PDF whose pages are ``(width_pt, height_pt, image)``: ``image`` is an 8×8 grey image (64
    bytes) drawn over the whole page, or None for a page without one.  Pages with the same
    image share one image object."""
    objects: list[bytes] = [b"", b""]
    images: dict[bytes, int] = {}
    kids = []
    for w, h, img in pages:
        resources = b"<< >>"
        ops = b""
        if img is not None:
            if img not in images:
                data = zlib.compress(img)
                objects.append(
                    b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
                    % len(data)
                    + data
                    + b"\nendstream"
                )
                images[img] = len(objects)
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % images[img]
            ops = b"q %g 0 0 %g 0 0 cm /Im1 Do Q\n" % (w, h)
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents %d 0 R >>"
            % (w, h, resources, len(objects))
        )
        kids.append(len(objects))
    return save_pdf(path, objects, kids)


WHITE = bytes([255]) * 64
BLACK_SQUARE = bytes(255 if (r in (0, 7) or c in (0, 7)) else 0 for r in range(8) for c in range(8))
