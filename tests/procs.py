"""Processes seen through /proc: the helper processes of an import, for the test that kills an
import and for the benchmarks that sample an import and its workers (``bench/import.py`` and
``bench/scale.py`` put this folder on their path)."""

from __future__ import annotations

import os


def descendants(root: int) -> list[int]:
    """Every process under ``root`` (children, their children, …), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def status_kib(pid: int, key: str) -> int:
    """A memory line of /proc/PID/status in KiB (``VmRSS``: now, ``VmHWM``: the peak so far); 0 once gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting to be reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def schedstat(pid: int) -> tuple[float, float]:
    """(seconds on a CPU, seconds runnable but waiting for one) of process ``pid`` so far, summed
    over its threads (/proc/PID/task/*/schedstat; a Ray actor works in a thread of its own);
    (0, 0) once gone.  Waiting is what other processes cost it; a thread neither running nor
    waiting was idle (blocked)."""
    run = wait = 0.0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0, 0.0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as fh:
                r, w = fh.read().split()[:2]
            run += int(r) / 1e9
            wait += int(w) / 1e9
        except (OSError, ValueError):
            continue
    return run, wait


def waited_seconds(pid: int) -> dict[int, float]:
    """Seconds each live thread of process ``pid`` has spent ready to run but waiting for a core
    (``/proc/PID/task/TID/schedstat``, by thread id; {} once gone or without schedstats).  On a
    shared machine this is the time other jobs took from it: a benchmark that adds it to the CPU
    time sees how busy its processes would have kept idle cores."""
    out: dict[int, float] = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as fh:
                out[int(tid)] = int(fh.read().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
    return out
