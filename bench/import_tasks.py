"""Where one import's time goes, task by task: when each worker had a task, and which.

    python bench/import_tasks.py                                  # the 40-page yunnan scan, 2 workers
    python bench/import_tasks.py tests/corpus/chenggong-2023-department-scan.pdf --workers 2

Imports the file into a fresh store with the local pool, every task it sends to a worker
logged (kind — ``plan``: a scan's first task, which names the pages to OCR; ``pages``: a page
OCR'd; ``final``: the scan read with its pages cached; ``file``: any other file read whole —
start, end, CPU-seconds, in the worker that ran it).  Prints each worker's tasks and the share of the import's wall time it
had a task: on a busy machine a worker waits for a core inside its tasks, so this share shows
the work left undivided (the warm-up before the first task, the plan, the final read) apart
from the load, which the CPU utilisation of ``bench/import.py`` cannot.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import _tasklog  # bench/_tasklog.py (the script's folder is on the path, the workers' too)

HERE = Path(__file__).resolve().parent

DEFAULT = HERE.parent / "tests" / "corpus" / "yunnan-2021-resident-pension-scan.pdf"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from jixiao.corpus import importer

    importer.work, importer.ocr_task = _tasklog.work, _tasklog.ocr_task  # what _run_pool submits
    tmp = tempfile.mkdtemp(prefix="jixiao-bench-tasks-")
    os.environ[_tasklog.LOG_ENV] = os.path.join(tmp, "tasks.jsonl")
    load = os.getloadavg()[0]
    t0 = time.time()
    try:
        summary = importer.import_paths([args.path], os.path.join(tmp, "s.db"), workers=args.workers, index=False)
        wall = time.time() - t0
        tasks = [json.loads(line) for line in open(os.environ[_tasklog.LOG_ENV], encoding="utf-8")]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"{args.path}: {len(summary.imported)} imported, {len(summary.failed)} failed; wall {wall:.1f} s; "
        f"load {load:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    by_pid: dict[int, list[dict]] = {}
    for task in sorted(tasks, key=lambda t: t["start"]):
        by_pid.setdefault(task["pid"], []).append(task)
    busy = 0.0
    for n, mine in enumerate(by_pid.values(), 1):
        in_tasks = sum(t["end"] - t["start"] for t in mine)
        busy += in_tasks
        pages = [t for t in mine if t["kind"] == "pages"]
        print(
            f"worker {n}: first task at {mine[0]['start'] - t0:.1f} s, last done at {mine[-1]['end'] - t0:.1f} s; "
            f"a task in flight {in_tasks:.1f} s of {wall:.1f} s ({in_tasks / wall:.2f}); "
            f"{len(pages)} page tasks, {sum(t['cpu'] for t in pages):.1f} CPU-s"
        )
        for t in mine:
            if t["kind"] != "pages":
                print(f"   {t['kind']:5}  {t['start'] - t0:6.1f} -> {t['end'] - t0:6.1f} s  {t['cpu']:.2f} CPU-s")
    print(f"workers' share of the wall time with a task in flight: {busy / (wall * args.workers):.2f}")


if __name__ == "__main__":
    main()
