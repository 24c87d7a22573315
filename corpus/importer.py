"""Bulk import: files, folders and .zip archives into a :class:`~jixiao.store.Store`.

::

    from jixiao.corpus.importer import import_paths
    summary = import_paths(["reports/", "old.zip"], "jixiao.db", workers=2)
    print(summary.text()); raise SystemExit(summary.exit_status)

How it works:

* :func:`jixiao.corpus.walk.walk` lists the files (formats are told by content);
  archives are opened and indexed once (:class:`~jixiao.corpus.walk.Archives`);
* the main process hashes each file (sha256, read in chunks; an archive member is
  copied out of its archive on the way, once, for the worker to read); a content
  already in the store is *skipped* (unless ``force``), and so is a second copy
  within the same batch, and so is the store's own file;
* worker processes (``concurrent.futures.ProcessPoolExecutor``) run the per-file
  work of :mod:`jixiao.corpus.work` (the same function the Ray engine schedules):
  parse, extract the report :class:`~jixiao.extractor.record.model.Record` and
  compute the identity signature, and hand back an :class:`~jixiao.store.ExtractedDocument` holding that
  ``Record`` (it pickles; the store maps it to rows in :mod:`jixiao.store.mapping`);
  they read under the :mod:`~jixiao.extractor.limits` in force, stop a file at the
  ``file_seconds`` limit, and end when the import's process ends (even ``kill -9``);
* the main process is this import's only writer, through the small
  :class:`~jixiao.corpus.writer.Writer` interface a :class:`Store` implements (the
  store does not import the importer): :meth:`Store.add_document` writes
  each file in one transaction, deciding identity against what is stored at that
  moment, so a kill at any moment followed by a re-run — or another import into
  the same store at the same time — leaves a complete store with no duplicates;
* every file that cannot be imported is recorded in ``import_errors`` with a
  one-line reason, and the import goes on.

Exit status (:attr:`ImportSummary.exit_status`): 0 when no file failed, 1 when
some did (a partial import).
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol

from ..extractor import limits as _limits
from ..extractor.limits import Limits
from ..store.db import Store
from .walk import Archives, FileItem, WalkError, WalkSkip, describe_error, hash_file, one_line, walk
from .writer import Writer
from .work import CRASH_REASON, FileTimeout, extract_file, local_name, ocr_task, time_limit, time_limit_reason, work


class Progress(Protocol):
    """What the importer reports while it runs (the CLI draws a rich progress bar).

    A progress object may also have ``add_pages(n, path)`` and ``page_done(n)``: ``n``
    scanned pages to OCR found in the file ``path``, and ``n`` pages OCR'd (pages, not
    files, are where an import of scans spends its time); the importer calls them when
    they are there.  ``advance`` may also be told ``"duplicate"``: the same path was given
    twice, and counts as one file less.
    """

    def start(self, total: int) -> None: ...

    def advance(self, path: str, outcome: str) -> None: ...  # outcome: imported | skipped | failed

    def finish(self) -> None: ...


@dataclass
class ImportedFile:
    path: str
    doc_id: str
    report_id: str
    status: str  # "new report" | "another rendering" | "better rendering"
    warning: str | None = None  # e.g. a partial rendering kept as an alternate
    pages: int | None = None  # the file's pages (None: a format without pages, e.g. .txt)


@dataclass
class ImportSummary:
    """The outcome of one import run."""

    import_id: int
    files: int = 0
    imported: list[ImportedFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    reports_before: int = 0
    reports_after: int = 0
    seconds: float = 0.0
    embedded: int = 0  # findings embedded for semantic search after the files were read

    @property
    def exit_status(self) -> int:
        """0: every file imported or skipped; 1: partial (some files failed)."""
        return 1 if self.failed else 0

    @property
    def new_reports(self) -> int:
        return self.reports_after - self.reports_before

    @property
    def pages(self) -> int:
        """Pages of the files stored by this run (a file without pages counts none)."""
        return sum(f.pages or 0 for f in self.imported)

    def as_dict(self) -> dict[str, Any]:
        """The outcome as plain data (``jixiao import --json`` prints it as one line of JSON):
        files seen, stored, skipped and failed (with each failed file's reason), pages stored,
        seconds, new reports, the reports the store holds, findings embedded."""
        return {
            "files": self.files,
            "stored": len(self.imported),
            "skipped": len(self.skipped),
            "failed": [{"path": p, "reason": why} for p, why in self.failed],
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "new_reports": self.new_reports,
            "reports": self.reports_after,
            "embedded": self.embedded,
        }

    def text(self, verbose: bool = False) -> str:
        """A human summary: counts, the files imported (all if few or ``verbose``), skips (grouped
        by reason unless ``verbose``) and every failure with its reason."""
        lines = []
        if not self.imported:
            lines.append(
                f"Nothing new: {len(self.skipped)} file(s) skipped, {len(self.failed)} failed; "
                f"the store holds {self.reports_after} report(s)."
            )
        else:
            alt = sum(1 for f in self.imported if f.status != "new report")
            lines.append(
                f"Imported {len(self.imported)} file(s): {self.new_reports} new report(s), "
                f"{alt} other rendering(s) of known reports; skipped {len(self.skipped)}, "
                f"failed {len(self.failed)}; the store holds {self.reports_after} report(s)."
            )
        if self.imported and (verbose or len(self.imported) <= 30):
            lines.append("imported:")
            lines += [f"  {f.path}  ({f.status}, report {f.report_id[:12]})" for f in self.imported]
        warned = [f for f in self.imported if f.warning]
        if warned:
            lines.append("warnings:")
            lines += [f"  {f.path}: {f.warning}" for f in warned]
        if self.skipped and verbose:
            lines.append("skipped:")
            lines += [f"  {p}: {why}" for p, why in self.skipped]
        elif self.skipped:
            reasons: dict[str, int] = {}
            for _, why in self.skipped:
                key = why.split(" (")[0].split(" as ")[0]
                reasons[key] = reasons.get(key, 0) + 1
            lines.append("skipped: " + "; ".join(f"{n} {k}" for k, n in reasons.items()))
        if self.failed:
            lines.append("failed:")
            lines += [f"  {p}: {reason}" for p, reason in self.failed]
        return "\n".join(lines)


# --------------------------------------------------------------------------- worker side
def _process_gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie waiting to be reaped has ended too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False


def _die_with_parent(importer: int) -> None:
    """Make this worker end when the import does (a killed import leaves no process behind).

    On Linux the kernel kills it when its parent — the forkserver, itself killed when the
    import's process ends (``_warm.py``) — ends (``PR_SET_PDEATHSIG``); everywhere a watch
    thread ends it within a second of the import's process being gone.
    """
    from ._warm import die_with_parent

    die_with_parent()
    parent = os.getppid()
    if _process_gone(importer) or os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if _process_gone(importer) or os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="jixiao-import-watch", daemon=True).start()


def _worker_init(importer: int) -> None:
    _die_with_parent(importer)


# --------------------------------------------------------------------------- main side
def file_id(path: str) -> tuple[int, int] | None:
    """A file's (device, inode), or None when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def store_files(store: Writer) -> set[tuple[int, int]]:
    """The store's own files (and SQLite's companions), never read as reports."""
    ids = {file_id(f"{store.path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
    ids.discard(None)
    return ids  # type: ignore[return-value]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process, not a fork of one that runs
    # a progress-bar thread and holds an open database.
    methods = multiprocessing.get_all_start_methods()
    ctx: BaseContext
    if "forkserver" in methods:
        ctx = forkserver = multiprocessing.get_context("forkserver")
        # Build the extraction pipeline once in the forkserver; workers fork from it warm.
        forkserver.set_forkserver_preload(["jixiao.corpus._warm"])
    else:
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init, initargs=(os.getpid(),))


class NothingToImport(ValueError):
    """The paths hold no file to read (an empty folder, or only what cannot be walked)."""


def check_paths(paths: Iterable[str | Path]) -> None:
    """Raise :class:`NothingToImport` (a one-line reason) unless ``paths`` hold a file to read.

    Called before a store is created, so that an import of an empty folder fails without
    leaving an empty database behind.  Stops at the first file found.
    """
    names = [str(p) for p in paths]
    errors: list[WalkError] = []
    with Archives() as archives:
        for entry in walk(names, archives):
            if isinstance(entry, FileItem):
                return
            if isinstance(entry, WalkError):
                errors.append(entry)
    where = ", ".join(names) if len(names) <= 3 else f"{', '.join(names[:3])} and {len(names) - 3} more"
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise NothingToImport(f"nothing to import: {errors[0].path}: {errors[0].reason}{more}")
    raise NothingToImport(f"nothing to import: {where} holds no files (hidden files and system files are not read)")


def import_paths(
    paths: Iterable[str | Path],
    db: Writer | str | Path | None = None,
    *,
    workers: int | None = None,
    force: bool = False,
    progress: Progress | None = None,
    ocr: str = "auto",
    limits: Limits | None = None,
    index: bool = False,
) -> ImportSummary:
    """Import every file under ``paths`` into the store ``db`` (a :class:`Store` or another
    :class:`~jixiao.corpus.writer.Writer`, or a file path).

    ``workers`` worker processes parse and extract (default: one per CPU; 0 runs
    everything in this process); ``force`` re-reads files already in the store;
    ``limits`` (default: :func:`jixiao.extractor.limits.current`) bound what one file
    may cost; ``index`` embeds the findings that lack vectors once the files are read
    (:func:`jixiao.store.vectors.index_missing`, with the store's model, else the
    default one), so that semantic search works on what was imported (``jixiao import``
    does, unless ``--no-index``).  Returns an
    :class:`ImportSummary`; nothing is raised for bad files.  Given a file path for
    ``db``, paths that hold no file raise :class:`NothingToImport` before the store
    file is created.
    """
    names = [str(p) for p in paths]
    if db is None or isinstance(db, (str, Path)):
        check_paths(names)  # before the store file is created
        with Store(db) as store:
            return import_paths(
                names, store, workers=workers, force=force, progress=progress, ocr=ocr, limits=limits, index=index
            )
    limits = limits or _limits.current()
    with _limits.using(limits), Archives() as archives:
        spool = tempfile.mkdtemp(prefix="jixiao-import-")
        try:
            summary = _import(names, db, workers, force, progress, ocr, limits, archives, spool)
        finally:
            shutil.rmtree(spool, ignore_errors=True)
    if index:
        started = time.monotonic()
        summary.embedded = db.index()
        summary.seconds += time.monotonic() - started
    return summary


def _import(
    paths: list[str],
    store: Writer,
    workers: int | None,
    force: bool,
    progress: Progress | None,
    ocr: str,
    limits: Limits,
    archives: Archives,
    spool: str,
) -> ImportSummary:
    workers = default_workers() if workers is None else max(0, int(workers))
    started = time.monotonic()
    import_id = store.begin_import(paths, workers, force)
    summary = ImportSummary(import_id, reports_before=store.table_counts()["reports"])
    entries = list(walk(paths, archives))
    own_files = store_files(store)
    summary.files = len(entries)
    if progress:
        progress.start(len(entries))
    known = store.document_paths()
    first_path: dict[str, str] = {}

    # Second copies within the batch wait for the first one's outcome: they are skipped
    # if it is imported, and fail with it (same reason) if it fails.
    copies: dict[str, list[str]] = {}
    sha_of: dict[str, str] = {}
    first_failed: dict[str, str] = {}  # sha -> reason the first copy failed
    first_done: set[str] = set()  # shas whose first copy is imported or skipped

    def discard(item: FileItem) -> None:
        """Remove the importer's copy of an archive member once it is no longer needed."""
        if item.local is not None:
            with contextlib.suppress(OSError):
                os.unlink(item.local)

    def fail(path: str, reason: str, sha: str | None = None) -> None:
        sha = sha or sha_of.get(path)
        path, reason = one_line(path), one_line(reason)
        summary.failed.append((path, reason))
        store.record_error(import_id, path, reason, sha)
        if progress:
            progress.advance(path, "failed")
        if sha and first_path.get(sha) == path:
            first_failed[sha] = reason
            for other in copies.pop(sha, []):
                fail(other, f"same content as {path}: {reason}", sha)

    def skip(path: str, why: str) -> None:
        summary.skipped.append((path, why))
        if progress:
            progress.advance(path, "skipped")
        sha = sha_of.get(path)
        if sha and first_path.get(sha) == path:
            first_done.add(sha)
            for other in copies.pop(sha, []):
                skip(other, f"same content as {path}")

    def write(item: FileItem, outcome: tuple[str, Any]) -> None:
        discard(item)
        status, value = outcome
        if status != "ok":
            fail(item.path, value)
            return
        try:
            result = store.add_document(value, replace=force)
        except Exception as exc:  # a record the store cannot hold: that file fails, the import goes on
            fail(item.path, f"cannot store: {type(exc).__name__}: {exc}".splitlines()[0], value.doc_id)
            return
        if result.status == "unchanged":
            skip(item.path, "unchanged (already in the store)")
            return
        summary.imported.append(
            ImportedFile(item.path, result.doc_id, result.report_id, result.status, result.warning, value.pages)
        )
        if progress:
            progress.advance(item.path, "imported")
        first_done.add(result.doc_id)
        for other in copies.pop(result.doc_id, []):
            skip(other, f"same content as {item.path}")

    def to_read() -> Iterable[FileItem]:
        """Entries that need reading; the rest are failed or skipped on the way.

        An archive member is copied out of its archive here, once, hashed on the way
        (the archive stays open for the next member); workers read the copy.
        """
        for n, entry in enumerate(entries):
            if isinstance(entry, WalkError):
                fail(entry.path, entry.reason)
                continue
            if isinstance(entry, WalkSkip):
                skip(entry.path, entry.reason)
                continue
            if not entry.members and file_id(entry.fs_path) in own_files:
                skip(entry.path, "the store itself (not a report)")
                continue
            try:
                if entry.members:
                    local = os.path.join(spool, f"{n}-{local_name(entry)}")
                    entry = dataclasses.replace(entry, local=local)
                    sha, _size = archives.copy_member(entry, local)
                else:
                    sha, _size = hash_file(entry.fs_path)
            except FileNotFoundError:
                discard(entry)
                fail(entry.path, "no such file (it disappeared during the import)")
                continue
            except PermissionError:
                discard(entry)
                fail(entry.path, "permission denied")
                continue
            except Exception as exc:  # zlib.error, BadZipFile, a member larger than it said …
                discard(entry)
                what = "cannot read archive member" if entry.members else "cannot read"
                fail(entry.path, f"{what}: {describe_error(exc)}")
                continue
            if sha in first_path:
                discard(entry)
                if entry.path == first_path[sha]:  # the same path given twice
                    summary.files -= 1
                    if progress:
                        progress.advance(entry.path, "duplicate")
                elif sha in first_failed:
                    fail(entry.path, f"same content as {first_path[sha]}: {first_failed[sha]}", sha)
                elif sha in first_done:
                    skip(entry.path, f"same content as {first_path[sha]}")
                else:
                    copies.setdefault(sha, []).append(entry.path)
                continue
            first_path[sha] = entry.path
            sha_of[entry.path] = sha
            if sha in known and not force:
                discard(entry)
                where = "" if known[sha] == entry.path else f" as {known[sha]}"
                skip(entry.path, f"unchanged (already in the store{where})")
                continue
            yield entry

    try:
        if workers == 0:
            for item in to_read():
                write(item, work(item, ocr, limits))
        else:
            # OCR'd pages go to a cache the workers share: $JIXIAO_OCR_CACHE, else one of
            # this import's own (removed with the spool).
            from ..extractor.readers.ocr import CACHE_ENV

            cache = os.environ.get(CACHE_ENV) or os.path.join(spool, "ocr-pages")
            _run_pool(to_read(), workers, ocr, write, fail, limits, cache=cache, progress=progress)
        for sha, paths_left in list(copies.items()):  # first copy was unchanged, already stored
            for other in paths_left:
                skip(other, f"same content as {first_path[sha]}")
        copies.clear()
    finally:
        if progress:
            progress.finish()
    return finish_summary(store, summary, import_id, started)


def finish_summary(store: Writer, summary: ImportSummary, import_id: Any, started: float) -> ImportSummary:
    """Close an import that ran to its end (the local pool's, or the loader's of Ray shards).

    Only a run that got here is marked finished; an interrupted or killed one keeps
    finished_at NULL (everything it committed stays, and a re-run skips it).  A report is
    re-keyed when a better rendering arrives later in the batch: the summary shows final ids.
    """
    final = store.report_of(f.doc_id for f in summary.imported) if summary.imported else {}
    for f in summary.imported:
        f.report_id = final.get(f.doc_id, f.report_id)
    summary.reports_after = store.table_counts()["reports"]
    summary.seconds = time.monotonic() - started
    store.finish_import(
        import_id,
        files=summary.files,
        imported=len(summary.imported),
        skipped=len(summary.skipped),
        failed=len(summary.failed),
    )
    return summary


@dataclass
class _Task:
    """One piece of work in flight: a file ("file": may ask for its pages to be OCR'd first;
    "final": read it, its pages cached), or some pages of a scan ("pages")."""

    kind: str
    item: FileItem
    started: float = 0.0
    pages: list[int] = field(default_factory=list)


@dataclass
class _Scan:
    """A scan (a PDF, page images) whose pages are being OCR'd as separate tasks."""

    pending: int  # page tasks not finished
    spent: float = 0.0  # seconds its page tasks took, against its file_seconds
    done: bool = False  # failed, or handed on to be read whole


def _run_pool(
    items: Iterable[FileItem],
    workers: int,
    ocr: str,
    write: Callable[[FileItem, tuple[str, Any]], None],
    fail: Callable[[str, str], None],
    limits: Limits | None = None,
    cache: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Feed ``items`` to worker processes, at most 2 per worker in flight; write results as they come.

    Pages, not files, are the unit of OCR work: a scan (``cache`` given: a PDF with pages to
    OCR, an image file, a folder of page images; :func:`~jixiao.corpus.work.pages_to_ocr`)
    comes back from its first task as a list of pages, which are OCR'd one per task into
    the page cache ``cache`` (ahead of new files, so both workers read one long scan);
    then the file is read again, its pages taken from the cache. Its ``file_seconds``
    counts the seconds all its tasks took together.

    If a worker dies (a reader crashing the interpreter, the OOM killer), the pool
    breaks and every file in flight is lost; those files are then retried one at a
    time in a fresh pool (read whole, no pages split off), so only the file that kills
    a worker on its own fails.

    Each worker stops a task at the ``file_seconds`` limit itself; a task stuck where
    that cannot reach it (inside a C library) is stopped from here: past twice the limit
    and a grace period in flight, the workers are killed, that file fails and the others
    in flight are retried.
    """
    limits = limits or _limits.current()
    hard = 2 * limits.file_seconds + HARD_LIMIT_GRACE
    add_pages = getattr(progress, "add_pages", None)
    page_done = getattr(progress, "page_done", None)
    source = iter(items)
    suspects: list[FileItem] = []
    ready: list[_Task] = []  # pages to OCR and files whose pages are cached: before new files
    scans: dict[str, _Scan] = {}  # by item path
    exhausted = False
    pool = _pool(workers)
    in_flight: dict[Future, _Task] = {}

    def submit(task: _Task) -> None:
        task.started = time.monotonic()
        if task.kind == "pages":
            left = limits.file_seconds - scans[task.item.path].spent
            assert cache is not None  # work() plans pages to OCR only when given a page cache
            fut = pool.submit(ocr_task, task.item, task.pages, limits, cache, max(1.0, left))
        elif task.kind == "final":
            scan = scans.get(task.item.path)
            left = limits.file_seconds - (scan.spent if scan else 0.0)
            fut = pool.submit(work, task.item, ocr, limits, cache, False, max(1.0, left))
        elif task.kind == "suspect":
            fut = pool.submit(work, task.item, ocr, limits, cache, False)
        else:
            fut = pool.submit(work, task.item, ocr, limits, cache, cache is not None)
        in_flight[fut] = task

    def drop_pages(item: FileItem) -> None:
        """Forget the queued page tasks of ``item`` (counted as done for the progress bar)."""
        dropped = [t for t in ready if t.item.path == item.path and t.kind == "pages"]
        ready[:] = [t for t in ready if t.item.path != item.path]
        if page_done and dropped:
            page_done(sum(len(t.pages) for t in dropped))

    def give_up_scan(item: FileItem, reason: str) -> None:
        """The file fails; its queued pages are dropped, those in flight ignored."""
        scans[item.path].done = True
        drop_pages(item)
        write(item, ("error", reason))

    def lose(tasks: list[_Task]) -> None:
        """Tasks lost with a broken or killed pool: their files are retried one at a time."""
        for task in tasks:
            if task.kind == "pages":
                if page_done:
                    page_done(len(task.pages))
                scan = scans[task.item.path]
                if scan.done:
                    continue
                scan.done = True  # read whole instead, as a suspect
                drop_pages(task.item)
            suspects.append(task.item)

    def finished(task: _Task, outcome: tuple[str, Any]) -> None:
        status, value = outcome
        if task.kind == "pages":
            scan = scans[task.item.path]
            if page_done:
                page_done(len(task.pages))
            if scan.done:
                return
            if status != "ok":
                give_up_scan(task.item, value)
                return
            scan.pending -= 1
            scan.spent += float(value)
            if scan.spent > limits.file_seconds:
                give_up_scan(task.item, time_limit_reason(limits))
            elif scan.pending == 0:
                scan.done = True
                ready.insert(0, _Task("final", task.item))
            return
        if status == "pages":
            scans[task.item.path] = _Scan(pending=len(value))
            if add_pages:
                add_pages(len(value), task.item.path)
            ready.extend(_Task("pages", task.item, pages=[p]) for p in value)
            return
        write(task.item, outcome)

    try:
        while True:
            limit = 1 if suspects else 2 * workers
            while len(in_flight) < limit:
                if suspects:
                    submit(_Task("suspect", suspects.pop(0)))
                    break
                if ready:
                    submit(ready.pop(0))
                    continue
                if exhausted:
                    break
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                submit(_Task("file", item))
                if limit == 1:
                    break
            if not in_flight:
                break
            oldest = min(t.started for t in in_flight.values())
            timeout = max(0.1, oldest + hard - time.monotonic())
            done, _ = wait(in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
            if not done:  # a task past the hard limit: stop every worker
                now = time.monotonic()
                overdue = [t for t in in_flight.values() if now - t.started >= hard]
                if overdue:
                    _kill_workers(pool)
                    lost = [t for t in in_flight.values() if now - t.started < hard]
                    in_flight.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _pool(workers)
                    for task in overdue:
                        if task.kind == "pages":
                            if page_done:
                                page_done(len(task.pages))
                            if not scans[task.item.path].done:
                                give_up_scan(task.item, time_limit_reason(limits))
                        else:
                            write(task.item, ("error", time_limit_reason(limits)))
                    lose(lost)
                continue
            broken: list[_Task] = []
            for fut in done:
                task = in_flight.pop(fut)
                try:
                    outcome = fut.result()
                except BrokenProcessPool:
                    broken.append(task)
                    continue
                finished(task, outcome)
            if broken:
                alone = len(broken) == 1 and not in_flight
                lost = broken + list(in_flight.values())
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers)
                if alone:  # it crashed a worker on its own: that file is the culprit
                    task = broken[0]
                    reason = CRASH_REASON
                    if task.kind == "pages":
                        if page_done:
                            page_done(len(task.pages))
                        if not scans[task.item.path].done:
                            give_up_scan(task.item, reason)
                    else:
                        write(task.item, ("error", reason))
                else:
                    lose(lost)
    except BaseException:
        _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


#: Seconds past twice the ``file_seconds`` limit after which the importer kills a stuck worker.
HARD_LIMIT_GRACE = 30


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    for proc in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(Exception):
            proc.kill()


__all__ = [
    "import_paths",
    "check_paths",
    "NothingToImport",
    "extract_file",
    "ImportSummary",
    "ImportedFile",
    "Progress",
    "default_workers",
    "FileTimeout",
    "time_limit",
]
