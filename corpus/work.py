"""The work of one file, whatever engine schedules it (the local pool, Ray).

::

    from jixiao.corpus.work import work
    status, value = work(item)            # ("ok", ExtractedDocument) or ("error", reason)

:func:`work` reads the file (an archive member is copied out first), hashes it,
parses it (OCR'ing scanned pages), extracts the report record, and computes the
identity signature and the findings' words for the keyword index (jieba), all in
the :class:`~jixiao.store.ExtractedDocument` it returns, so that the writer only
writes.  It never raises for bad input: a file that cannot be read comes back as
``("error", one-line reason)``, with the same reasons on every engine
(:func:`failure_reason`).  It has
no side effect beyond the OCR page cache, so an engine may run it again on another
worker after a crash and get the same answer.

A test-only switch makes chosen files crash the process that reads them
(:data:`FAULTS_ENV`), so the engines' handling of dying workers is tested on real
process deaths rather than on mocks.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import threading
import time
from typing import Any, Iterator, cast

from ..extractor import limits as _limits
from ..extractor.detect import IMAGE_MAGIC
from ..extractor.errors import ReadError
from ..extractor.limits import Limits
from ..store.db import ExtractedDocument
from ..store.mapping import finding_segments, has_report_content
from .walk import Archives, FileItem, describe_error, hash_file, one_line

#: Test-only: ``always=NAME,NAME;once=NAME;hang=NAME;stall=NAME;state=DIR``.  A file whose base
#: name is listed under ``always`` ends the process reading it (``os._exit``) every time; one
#: under ``once`` ends it the first time only (a marker in ``DIR`` remembers, across processes).
#: One under ``hang`` makes its reader sleep for good (an uninterruptible wait: only killing the
#: process ends it, as with a C library stuck in a loop); one under ``stall`` does so the first
#: time only.
FAULTS_ENV = "JIXIAO_TEST_FAULTS"

#: What a crashed worker's file is recorded with, on every engine.
CRASH_REASON = "the reader crashed its worker process on this file"


class FileTimeout(BaseException):
    """A file took longer than the ``file_seconds`` limit (a BaseException, so that no
    reader's ``except Exception`` swallows it)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in this thread after ``seconds`` (main thread, POSIX only)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise FileTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_limit_reason(limits: Limits) -> str:
    return "took too long: reading it " + _limits.exceeded("file_seconds", "", limits).lstrip()


def failure_reason(exc: BaseException, limits: Limits) -> str:
    """The one-line reason a file failed with ``exc`` (shared by every entry point here)."""
    if isinstance(exc, FileTimeout):
        return time_limit_reason(limits)
    if isinstance(exc, ReadError):
        return one_line(exc.reason)
    if isinstance(exc, MemoryError):
        return "out of memory while reading"
    if isinstance(exc, RecursionError):
        return "structure nested too deeply to read (recursion limit)"
    return one_line(f"unexpected {type(exc).__name__}: {exc}".splitlines()[0])


_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")


def local_name(item: FileItem) -> str:
    """A short, safe file name for a copy of an archive member (its suffix kept: ``.md`` matters)."""
    suffix = os.path.splitext(item.name)[1]
    return "member" + (suffix if _SUFFIX.fullmatch(suffix) else "")


def extract_file(item: FileItem, ocr: str = "auto") -> ExtractedDocument:
    """Read, parse and extract one file. Raises :class:`ReadError`."""
    from ..extractor import parse
    from ..extractor.record import build_record

    with contextlib.ExitStack() as stack:
        local = item.local or (None if item.members else item.fs_path)
        try:
            if local is None:  # an archive member not copied out yet: readers want a file
                tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="jixiao-"))
                local = os.path.join(tmp, local_name(item))
                stack.enter_context(Archives()).copy_member(item, local)
            sha, size = hash_file(local)
        except PermissionError:
            raise ReadError(item.path, "permission denied") from None
        except FileNotFoundError:
            raise ReadError(item.path, "no such file (it disappeared during the import)") from None
        except Exception as exc:  # OSError, zipfile and zlib errors
            raise ReadError(item.path, f"cannot read: {describe_error(exc)}") from None
        _maybe_crash(item)
        try:
            doc = parse(local, ocr=ocr)
        except ReadError as exc:
            raise ReadError(item.path, exc.reason) from None
        try:
            record = build_record(doc, item.path, sha)
        except ReadError as exc:
            raise ReadError(item.path, exc.reason) from None
        except Exception as exc:
            message = f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise ReadError(item.path, f"record extraction failed: {message}") from exc
    if not has_report_content(record):
        raise ReadError(
            item.path,
            "no evaluation-report content found (no score, indicators, findings, or years with a place or programme)",
        )
    # The identity signature (ExtractedDocument computes it) and the findings' words for the
    # keyword index are made here, in the worker: the store's single writer only writes.
    return ExtractedDocument(
        doc_id=sha,
        path=item.path,
        format=doc.format,
        pages=doc.pages,
        ocr=doc.ocr,
        size=size,
        text=doc.text,
        record=record,
        segments=finding_segments(record),
    )


#: A scan (a PDF with pages to OCR, page images) with at least this many pages to OCR has
#: them read as separate tasks by the local pool's workers (one page each), so that one long
#: scan keeps every worker busy and progress counts every scanned page.
FAN_OUT_PAGES = 1


def pages_to_ocr(item: FileItem, ocr: str) -> list[int]:
    """The pages that reading the file would OCR: a PDF's pages without a usable text layer,
    every page of an image file or of a folder of page images ([] for any other file)."""
    local = item.local or (None if item.members else item.fs_path)
    if local is None or ocr == "never":
        return []
    if os.path.isdir(local):  # the walk gives a folder only when it holds the page images of one scan
        from ..extractor.readers import image

        return image.ocr_plan(local)
    try:
        with open(local, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return []
    if head.startswith(IMAGE_MAGIC):
        from ..extractor.readers import image

        return image.ocr_plan(local)
    if b"%PDF-" not in head:
        return []
    from ..extractor.readers.pdf import OcrMode, ocr_plan

    # The corpus API passes the mode as a string; jixiao.parse rejects one not in OCR_MODES.
    return ocr_plan(local, cast("OcrMode", ocr))


def caching(cache: str | None) -> contextlib.AbstractContextManager[Any]:
    """OCR'd pages kept in (and taken from) the page cache folder ``cache``, if given."""
    if cache is None:
        return contextlib.nullcontext()
    from ..extractor.readers.ocr import caching as _caching

    return _caching(cache)


def work(
    item: FileItem,
    ocr: str = "auto",
    limits: Limits | None = None,
    cache: str | None = None,
    fan_out: bool = False,
    seconds: float | None = None,
) -> tuple[str, Any]:
    """Read one file; never raises for bad input: ("ok", ExtractedDocument) or ("error", reason).

    With ``fan_out``, a scan with :data:`FAN_OUT_PAGES` or more pages to OCR is not read
    here: ("pages", [page indices]) asks the caller to have them OCR'd into the page
    cache ``cache`` (:func:`ocr_task`) and to send the file again.  ``seconds`` is what
    is left of the file's ``file_seconds`` (its pages took the rest).
    """
    limits = limits or _limits.current()
    try:
        with _limits.using(limits), caching(cache), time_limit(seconds or limits.file_seconds):
            if fan_out and cache is not None:
                pages = pages_to_ocr(item, ocr)
                if len(pages) >= FAN_OUT_PAGES:
                    return "pages", pages
            return "ok", extract_file(item, ocr)
    except (FileTimeout, Exception) as exc:  # MemoryError and RecursionError are Exceptions too
        return "error", failure_reason(exc, limits)


def ocr_task(item: FileItem, pages: list[int], limits: Limits, cache: str, seconds: float) -> tuple[str, Any]:
    """OCR some pages of a scan (:func:`pages_to_ocr`) into the page cache: ("ok", seconds
    taken) or ("error", reason)."""
    started = time.monotonic()
    try:
        from ..extractor.readers import image, pdf

        local = item.local or item.fs_path
        with _limits.using(limits), caching(cache), time_limit(seconds):
            _maybe_crash(item)
            if os.path.isdir(local) or _head(local).startswith(IMAGE_MAGIC):
                image.ocr_pages(local, pages)
            else:
                pdf.ocr_pages(local, pages)
        return "ok", time.monotonic() - started
    except (FileTimeout, Exception) as exc:
        return "error", failure_reason(exc, limits)


def _head(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(16)


# --------------------------------------------------------------------------- test-only faults
def _faults() -> dict[str, Any] | None:
    spec = os.environ.get(FAULTS_ENV)
    if not spec:
        return None
    out: dict[str, Any] = {"always": set(), "once": set(), "hang": set(), "stall": set(), "state": None}
    for part in spec.split(";"):
        key, _, value = part.partition("=")
        if key in ("always", "once", "hang", "stall"):
            out[key].update(v for v in value.split(",") if v)
        elif key == "state":
            out["state"] = value
    return out


def _maybe_crash(item: FileItem) -> None:
    """End this process now if the test-only switch names this file (see :data:`FAULTS_ENV`)."""
    faults = _faults()
    if faults is None:
        return
    name = os.path.basename(item.path)
    if name in faults["always"]:
        os._exit(70)
    if name in faults["hang"] or (name in faults["stall"] and _first_time(faults, "stalled-" + name)):
        _hang()
    if name in faults["once"] and _first_time(faults, "crashed-" + name):
        os._exit(70)


def _first_time(faults: dict[str, Any], marker: str) -> bool:
    """True the first time any process asks for ``marker`` (a file created in the state folder)."""
    if not faults["state"]:
        return False
    try:
        fd = os.open(os.path.join(faults["state"], marker), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def _hang() -> None:
    """Wait for good with the alarm blocked, so that not even the reader's own time limit ends
    it (a C extension that never returns to Python behaves so)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while True:
        time.sleep(3600)


__all__ = [
    "work",
    "ocr_task",
    "extract_file",
    "failure_reason",
    "FileTimeout",
    "time_limit",
    "local_name",
    "pages_to_ocr",
    "FAULTS_ENV",
    "CRASH_REASON",
    "FAN_OUT_PAGES",
]
