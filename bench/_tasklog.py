"""Logging stand-ins for the pool's task functions (``bench/import_tasks.py``): each runs the real
one and appends a JSON line (kind, worker pid, start, end, CPU-seconds) to ``$JIXIAO_BENCH_TASK_LOG``.
A module of its own so that the worker processes can import them by name."""

from __future__ import annotations

import json
import os
import time
from typing import Any

from jixiao.corpus import work as _work

LOG_ENV = "JIXIAO_BENCH_TASK_LOG"


def _log(kind: str, start: float, cpu: float) -> None:
    line = {"kind": kind, "pid": os.getpid(), "start": start, "end": time.time(), "cpu": time.process_time() - cpu}
    with open(os.environ[LOG_ENV], "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def work(item: Any, *args: Any) -> tuple[str, Any]:
    start, cpu = time.time(), time.process_time()
    out = _work.work(item, *args)
    # work(item, ocr, limits, cache, fan_out, ...): a file's first task (fan_out) names its pages
    # to OCR ("plan") or reads it whole ("file"); a scan's last task reads it, pages cached ("final")
    first = len(args) > 3 and bool(args[3])
    _log(("plan" if out[0] == "pages" else "file") if first else "final", start, cpu)
    return out


def ocr_task(item: Any, *args: Any) -> tuple[str, Any]:
    start, cpu = time.time(), time.process_time()
    out = _work.ocr_task(item, *args)
    _log("pages", start, cpu)
    return out
