"""The Ray engine: the same per-file work (:func:`jixiao.corpus.work.work`) scheduled by Ray Data.

::

    from jixiao.corpus.ray_engine import import_ray
    summary = import_ray(["reports/"], "shards/", "jixiao.db", address="auto")

How it runs (``pip install "jixiao[ray]"``):

* the driver walks the paths and hashes every file (an archive member is copied out
  into ``<shards>/.spool/`` first: workers read files, not archives), making a
  manifest; a content already in the store, already in a shard, or listed twice
  is not sent;
* Ray Data runs the manifest through ``map_batches`` with warm actors (the NLP
  pipeline loaded once per actor, not once per file); each batch becomes one
  Parquet shard, written atomically (:mod:`jixiao.corpus.shards`);
* when there are PDFs, scans have an operator of their own with its own actors and
  CPUs (``scan_workers``): the first operator passes a PDF with pages to OCR on to it
  unread, so a run of long scans does not hold up the text files;
* a batch whose actor dies (a reader crashing the interpreter, the OOM killer, a
  killed node) is retried ``retries`` times on a restarted actor; a batch that
  still fails is given up by Ray Data (its other files are not lost: see next);
* a reader marks the file it is reading (``<shards>/.reading/``); a file still being
  read :data:`GRACE` seconds past the ``file_seconds`` limit — its reader stuck where
  even the in-process alarm cannot reach, say a regular expression or a C library
  that never returns — is recorded as failed by the driver ("took too long …"), and
  its reader process is killed (a Ray task on its node); the batch is retried on the
  restarted actor without that file;
* the driver then reconciles the manifest with the shards: files no shard holds
  are read again one per batch, and a file still missing after that is recorded
  as failed with :data:`~jixiao.corpus.work.CRASH_REASON` — never retried forever,
  never silently dropped;
* with a store, :func:`jixiao.corpus.loader.load_shards` writes the shards into it
  in a fixed order.

The files must be readable at the same paths on every node (a shared folder), and
so must the shard folder.  An import killed at any point resumes: re-running it
skips what the shards and the store hold.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..extractor import limits as _limits
from ..extractor.limits import Limits
from . import shards
from .importer import check_paths, file_id, store_files
from .walk import Archives, FileItem, WalkError, WalkSkip, describe_error, hash_file, walk
from .work import CRASH_REASON, FAULTS_ENV, local_name, pages_to_ocr, time_limit_reason, work

#: Files per batch (one shard each): large enough that a shard is not a tiny file, small
#: enough that a batch lost with its actor costs little to read again.
BATCH_FILES = 16

#: Times a batch is retried on a restarted actor after its actor died.
RETRIES = 2

#: Seconds past the ``file_seconds`` limit after which the driver ends a reader still on one
#: file (the reader's own alarm had its chance first).
GRACE = 60.0

#: What a file the driver stopped is recorded with (after the ``file_seconds`` reason).
STOPPED = "its reader did not return and was ended by the driver"


@dataclass
class RayRun:
    """What the distributed part of an import did (before loading)."""

    files: int = 0
    sent: int = 0  # files read by the workers
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): also written to a shard
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why): not sent
    rounds: int = 0
    seconds: float = 0.0


class _Reader:
    """A warm Ray actor: reads its batches of files into shards.

    ``scans``: ``"defer"`` (the first operator when scans have their own): a scan (a PDF with
    pages to OCR, page images: :func:`~jixiao.corpus.work.pages_to_ocr`) is not read but
    passed on with status ``"scan"``; ``"only"`` (the scan operator):
    reads those and passes every other row on as it came; ``"all"``: reads everything.
    """

    def __init__(self, folder: str, ocr: str, limits: Limits, cache: str | None, scans: str = "all") -> None:
        from ._warm import warm

        warm()  # the NLP pipeline, once per actor
        self.folder, self.ocr, self.limits, self.cache, self.scans = folder, ocr, limits, cache, scans

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        import ray

        rows: list[dict[str, Any]] = []
        out: dict[str, list[Any]] = {"path": [], "file": [], "sha256": [], "status": [], "shard": []}
        reading = Path(self.folder) / READING
        node = ray.get_runtime_context().get_node_id()
        statuses = batch["status"] if "status" in batch else ["new"] * len(batch["path"])
        for i, (path, file, sha, status) in enumerate(zip(batch["path"], batch["file"], batch["sha256"], statuses)):
            path, file, sha, status = str(path), str(file), str(sha), str(status)
            item = FileItem(path=path, fs_path=file)
            if self.scans == "only" and status != "scan":  # read by the first operator
                _add(out, path, file, sha, status, str(batch["shard"][i]))
                continue
            if (reading / f"{sha}.stopped").exists():  # the driver stopped it (and wrote its row)
                continue
            if self.scans == "defer" and pages_to_ocr(item, self.ocr):
                _add(out, path, file, sha, "scan", "")
                continue
            marker = reading / sha
            _write_marker(marker, {"path": path, "node": node, "pid": os.getpid()})
            try:
                rows.append(shards.row(path, sha, work(item, self.ocr, self.limits, self.cache)))
            finally:
                marker.unlink(missing_ok=True)
        if rows:
            shard = shards.write(rows, self.folder, prefix="scan" if self.scans == "only" else "part")
            for r in rows:
                _add(out, r["path"], "", r["sha256"], r["status"], shard.name)
        return out


def _add(out: dict[str, list[Any]], path: str, file: str, sha: str, status: str, shard: str) -> None:
    for key, value in (("path", path), ("file", file), ("sha256", sha), ("status", status), ("shard", shard)):
        out[key].append(value)


#: The folder (in the shard folder) where readers mark the file each is reading.
READING = ".reading"


def _write_marker(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)


class _Watchdog:
    """The driver's hard time limit per file: a thread that watches the readers' markers and
    stops a file read for longer than ``limit`` seconds (as the driver sees time: no clock of
    another node is trusted)."""

    def __init__(self, folder: Path, limit: float, limits: Limits, poll: float = 1.0) -> None:
        self.folder, self.limit, self.limits, self.poll = folder, limit, limits, poll
        self.first_seen: dict[str, float] = {}
        self.stopped: list[tuple[str, str]] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="jixiao-watchdog", daemon=True)

    def __enter__(self) -> "_Watchdog":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.poll):
            try:
                self.check()
            except Exception:  # a watchdog that fails must not end the import; the next poll retries
                pass

    def check(self) -> None:
        reading = self.folder / READING
        now = time.monotonic()
        seen = set()
        for marker in reading.iterdir() if reading.is_dir() else []:
            sha = marker.name
            if sha.startswith(".") or sha.endswith(".stopped"):
                continue
            seen.add(sha)
            started = self.first_seen.setdefault(sha, now)
            if now - started > self.limit and not (reading / f"{sha}.stopped").exists():
                self.stop(marker)
        for sha in [s for s in self.first_seen if s not in seen]:
            del self.first_seen[sha]

    def stop(self, marker: Path) -> None:
        """Record the file as failed, tell the retried batch to pass it by, and kill its reader."""
        try:
            info = json.loads(marker.read_text())
        except (OSError, ValueError):
            return  # finished meanwhile
        reason = f"{time_limit_reason(self.limits)} ({STOPPED})"
        shards.write([shards.row(info["path"], marker.name, ("error", reason))], self.folder, prefix="failed")
        (marker.parent / f"{marker.name}.stopped").touch()
        self.stopped.append((info["path"], reason))
        import ray
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        kill = ray.remote(num_cpus=0, max_retries=0)(_kill_reader).options(
            scheduling_strategy=NodeAffinitySchedulingStrategy(info["node"], soft=False)
        )
        ray.get(kill.remote(int(info["pid"]), str(marker)), timeout=60)


def _kill_reader(pid: int, marker: str) -> bool:
    """On the reader's node: kill it if it is still on the file (its marker is still there)."""
    import signal

    if not os.path.exists(marker):
        return False
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    os.unlink(marker)
    return True


def _manifest(
    paths: list[str], folder: Path, known: dict[str, str], force: bool, own: set[tuple[int, int]], run: RayRun
) -> list[dict[str, str]]:
    """The files to send: (path, file to read, sha256); the rest failed or skipped on the way."""
    done = set() if force else shards.sharded(folder, ("ok",))
    spool = folder / ".spool"
    first: dict[str, str] = {}
    out: list[dict[str, str]] = []
    with Archives() as archives:
        for n, entry in enumerate(walk(paths, archives)):
            run.files += 1
            if isinstance(entry, WalkError):
                run.failed.append((entry.path, entry.reason))
                continue
            if isinstance(entry, WalkSkip):
                run.skipped.append((entry.path, entry.reason))
                continue
            if not entry.members and file_id(entry.fs_path) in own:
                run.skipped.append((entry.path, "the store itself (not a report)"))
                continue
            try:
                if entry.members:
                    spool.mkdir(parents=True, exist_ok=True)
                    file = str(spool / f"{n}-{local_name(entry)}")
                    sha, _ = archives.copy_member(entry, file)
                else:
                    file = entry.fs_path
                    sha, _ = hash_file(file)
            except FileNotFoundError:
                run.failed.append((entry.path, "no such file (it disappeared during the import)"))
                continue
            except PermissionError:
                run.failed.append((entry.path, "permission denied"))
                continue
            except Exception as exc:
                what = "cannot read archive member" if entry.members else "cannot read"
                run.failed.append((entry.path, f"{what}: {describe_error(exc)}"))
                continue
            if sha in first:
                if first[sha] == entry.path:
                    run.files -= 1
                else:
                    run.skipped.append((entry.path, f"same content as {first[sha]}"))
                continue
            first[sha] = entry.path
            if sha in known and not force:
                where = "" if known[sha] == entry.path else f" as {known[sha]}"
                run.skipped.append((entry.path, f"unchanged (already in the store{where})"))
                continue
            if sha in done:
                run.skipped.append((entry.path, "already sharded"))
                continue
            out.append({"path": entry.path, "file": file, "sha256": sha})
    return out


def _round(
    items: list[dict[str, str]],
    folder: Path,
    batch: int,
    workers: int,
    retries: int,
    ocr: str,
    limits: Limits,
    cache: str | None,
    progress: Any,
    scan_workers: int = 0,
) -> None:
    """One pass of ``items`` through Ray Data; batches that fail for good are left out (see reconcile).

    With ``scan_workers``, PDFs with pages to OCR go on to an operator of their own with that
    many actors (and CPUs): the other ``workers - scan_workers`` read every other file, so that
    a run of scans does not hold up the text files, nor they the scans.
    """
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.max_errored_blocks = len(items)  # a lost batch is found missing by the driver, not fatal
    env = {k: os.environ[k] for k in (FAULTS_ENV,) if k in os.environ}
    extra: dict[str, Any] = {"runtime_env": {"env_vars": env}} if env else {}
    ds: ray.data.Dataset = ray.data.from_items(items, override_num_blocks=max(1, math.ceil(len(items) / batch)))
    free = _free_cpus(workers)
    # Actors of an earlier round that Ray Data scaled down while they were restarting after a
    # crash can outlive their dataset and keep their CPU (seen in CI: the retry round waited on
    # them forever); with no CPU free the readers reserve none — the lingering ones are idle.
    cpus = 1 if free >= 1 else 0
    available = max(1, min(workers, int(free) or workers))
    operators = [("defer", available - scan_workers), ("only", scan_workers)] if scan_workers else [("all", available)]
    for scans, size in operators:
        ds = ds.map_batches(
            _Reader,
            batch_size=batch,
            batch_format="numpy",
            num_cpus=cpus,
            # One batch at a time per actor: a file that kills its actor takes no other batch with it.
            compute=ray.data.ActorPoolStrategy(size=max(1, min(size, len(items))), max_tasks_in_flight_per_actor=1),
            fn_constructor_kwargs={"folder": str(folder), "ocr": ocr, "limits": limits, "cache": cache, "scans": scans},
            max_restarts=-1,
            max_task_retries=retries,
            **extra,
        )
    for out in ds.iter_batches(batch_size=None, batch_format="numpy"):
        if progress:
            for path, status in zip(out["path"], out["status"]):
                progress.advance(str(path), "imported" if status == "ok" else "failed")


def _free_cpus(wanted: int, wait: float = 10.0) -> float:
    """The CPUs free on the cluster, waiting up to ``wait`` seconds for ``wanted`` of them
    (actors of a finished dataset give theirs back a moment after it ends)."""
    import gc

    import ray

    deadline = time.monotonic() + wait
    while True:
        free = float(ray.available_resources().get("CPU", 0.0))
        if free >= wanted or time.monotonic() >= deadline:
            return free
        gc.collect()
        time.sleep(0.5)


def import_ray(
    paths: Iterable[str | Path],
    folder: str | Path,
    db: Any = None,
    *,
    address: str | None = None,
    workers: int | None = None,
    batch: int = BATCH_FILES,
    retries: int = RETRIES,
    ocr: str = "auto",
    limits: Limits | None = None,
    force: bool = False,
    progress: Any = None,
    index: bool = False,
    grace: float = GRACE,
    scan_workers: int | None = None,
) -> Any:
    """Read ``paths`` on Ray into Parquet shards in ``folder``; with ``db`` (a store or its path),
    load them into it and return the loader's :class:`~jixiao.corpus.importer.ImportSummary`
    (the files skipped or failed before reading included); without, return a :class:`RayRun`.

    ``address``: a running cluster (``"auto"``, ``"ray://host:10001"``); default: the Ray
    already initialised in this process, else a local one of ``workers`` CPUs on loopback.
    A file still being read ``grace`` seconds past the ``file_seconds`` limit is stopped by
    the driver and recorded as failed.  ``scan_workers``: actors (one CPU each) for the PDFs
    with pages to OCR, an operator of their own [default: half the workers when there are
    PDFs, none with one worker]; 0: every file on one operator.
    """
    from ..store.db import Store

    if db is not None and not hasattr(db, "add_document"):
        check_paths([str(p) for p in paths])
        with Store(db) as store:
            return import_ray(
                paths,
                folder,
                store,
                address=address,
                workers=workers,
                batch=batch,
                retries=retries,
                ocr=ocr,
                limits=limits,
                force=force,
                progress=progress,
                index=index,
                grace=grace,
                scan_workers=scan_workers,
            )
    started = time.monotonic()
    names = [str(p) for p in paths]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    limits = limits or _limits.current()
    run = RayRun()
    known = db.document_paths() if db is not None else {}
    own = store_files(db) if db is not None else set()
    items = _manifest(names, folder, known, force, own, run)
    if progress:
        progress.start(run.files)
        for p, _ in run.skipped:
            progress.advance(p, "skipped")
        for p, _ in run.failed:
            progress.advance(p, "failed")
    if run.failed:  # walked but not readable: recorded through the shards, so the loader lists them
        shards.write([shards.row(p, "", ("error", r)) for p, r in run.failed], folder, prefix="failed")
    cache = os.environ.get("JIXIAO_OCR_CACHE")
    shutil.rmtree(folder / READING, ignore_errors=True)  # a killed driver's: files stopped then are read again
    try:
        if items:
            workers = _connect(address, workers)
            if scan_workers is None:
                scan_workers = workers // 2 if any(_is_pdf(i["file"]) for i in items) else 0
            scan_workers = min(scan_workers, workers - 1)
            run.sent = len(items)
            todo, size = items, batch
            with _Watchdog(folder, limits.file_seconds + grace, limits) as watchdog:
                for _ in range(2):  # the run, then the files of lost batches one per batch
                    run.rounds += 1
                    _round(todo, folder, size, workers, retries, ocr, limits, cache, progress, scan_workers)
                    todo = _missing(todo, folder)
                    if not todo or size == 1:
                        break
                    size = 1
            run.failed += watchdog.stopped
            if progress:
                for p, _ in watchdog.stopped:
                    progress.advance(p, "failed")
            if todo:
                reason = f"{CRASH_REASON} (given up after {retries + 1} tries)"
                shards.write(
                    [shards.row(i["path"], i["sha256"], ("error", reason)) for i in todo], folder, prefix="failed"
                )
                run.failed += [(i["path"], reason) for i in todo]
    finally:
        if progress:
            progress.finish()
        shutil.rmtree(folder / ".spool", ignore_errors=True)
        shutil.rmtree(folder / READING, ignore_errors=True)
    run.seconds = time.monotonic() - started
    if db is None:
        return run
    from .loader import load_shards

    summary = load_shards(folder, db, force=force, index=index)
    summary.skipped = run.skipped + summary.skipped
    summary.files += len(run.skipped)
    summary.seconds += run.seconds
    return summary


def _is_pdf(file: str) -> bool:
    """Whether ``file`` is a PDF (it might hold scans): its first kilobyte says so."""
    try:
        with open(file, "rb") as fh:
            return b"%PDF-" in fh.read(1024)
    except OSError:
        return False


def _missing(items: list[dict[str, str]], folder: Path) -> list[dict[str, str]]:
    """The manifest entries no shard holds a row for (by path, or by content)."""
    paths, shas = set(), set()
    for path, sha, _status, _shard, _i in shards.keys(folder):
        paths.add(path)
        shas.add(sha)
    return [i for i in items if i["path"] not in paths and i["sha256"] not in shas]


def _connect(address: str | None, workers: int | None) -> int:
    """Join (or start) Ray; returns how many reader actors to run."""
    if not address:
        # A Ray of our own stays on loopback: without this its node address (and its workers')
        # is the machine's network interface.  Read when ray is first imported.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            # "local": a Ray of our own even when one started by `ray start` runs on this machine.
            ray.init(
                address="local",
                num_cpus=workers or os.cpu_count() or 1,
                include_dashboard=False,
                log_to_driver=False,
                _node_ip_address="127.0.0.1",
            )
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return max(1, min(workers or cpus, cpus))


__all__ = ["import_ray", "RayRun", "BATCH_FILES", "RETRIES", "GRACE", "STOPPED"]
