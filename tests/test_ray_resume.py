"""A Ray import whose driver is killed (SIGKILL) half-way resumes when run again (issue 14).

The driver runs in a process of its own with a local Ray of 2 CPUs (no dashboard,
loopback).  One file stalls its reader for good the first time it is read (a test-only
switch), so the import cannot finish; once that has happened and a shard is written,
the driver is killed.  Running the same import again reads only what no shard holds,
and the store ends up as a clean import's: every file stored once, the same export.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, REPORTS
from procs import descendants
from jixiao import import_paths
from jixiao.corpus import shards
from jixiao.corpus.work import FAULTS_ENV
from jixiao.store import Store

pytestmark = pytest.mark.slow

_DRIVER = """
import sys
from jixiao.corpus.ray_engine import import_ray
summary = import_ray([sys.argv[1]], sys.argv[2], sys.argv[3], workers=2, batch=1)
print("imported", len(summary.imported), "failed", len(summary.failed))
"""


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _export(db: Path, out: Path) -> str:
    with Store(db) as store:
        store.export(out, "jsonl")
    return out.read_text(encoding="utf-8")


def test_killed_driver_resumes_and_stores_every_file_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for r in REPORTS:
        shutil.copy(CORPUS / f"{r}.txt", folder)
    shutil.copy(CORPUS / f"{REPORTS[1]}.docx", folder / "stall.docx")  # another rendering of one report
    files = sorted(str(p) for p in folder.iterdir())
    state = tmp_path / "faults"
    state.mkdir()
    env = dict(os.environ, RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0")
    env[FAULTS_ENV] = f"stall=stall.docx;state={state}"
    cmd = [sys.executable, "-c", _DRIVER, str(folder), str(tmp_path / "shards"), str(tmp_path / "ray.db")]

    driver = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    started = time.monotonic()
    under: list[int] = []
    try:
        while not ((state / "stalled-stall.docx").exists() and shards.files(tmp_path / "shards")):
            assert driver.poll() is None, "the import ended although one file stalls"
            assert time.monotonic() - started < 600, "no shard written and no file stalled in 10 minutes"
            time.sleep(0.5)
        under = descendants(driver.pid)
        driver.send_signal(signal.SIGKILL)
        driver.wait()
    finally:  # end the dead driver's Ray (its head processes and the stalled reader)
        _kill([driver.pid, *descendants(driver.pid)])
    _kill(under)

    sharded = [k for k in shards.keys(tmp_path / "shards")]
    assert 0 < len(sharded) < len(files)  # killed half-way: the stalled file has no row
    assert not (tmp_path / "ray.db").exists() or _paths(tmp_path / "ray.db") == []  # nothing loaded yet

    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "imported 4 failed 0" in again.stdout

    # Every file read once over both runs (what the killed run sharded was not read again) ...
    rows = [k[1] for k in shards.keys(tmp_path / "shards")]
    assert sorted(rows) == sorted(set(rows)) and len(rows) == len(files)
    # ... stored once, and the store is what a clean import builds.
    assert _paths(tmp_path / "ray.db") == files
    clean = tmp_path / "clean.db"
    assert import_paths(files, clean, workers=0).failed == []
    assert _export(tmp_path / "ray.db", tmp_path / "ray.jsonl") == _export(clean, tmp_path / "clean.jsonl")


def _paths(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(p for (p,) in conn.execute("SELECT path FROM documents"))
    except sqlite3.OperationalError:  # no tables yet
        return []
    finally:
        conn.close()
