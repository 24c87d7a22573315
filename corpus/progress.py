"""Import progress on stderr: a rich progress bar on a terminal, plain lines otherwise.

::

    from jixiao.corpus.progress import import_progress
    summary = import_paths(paths, store, progress=import_progress())

Both count files done of the total and, when scans are read, OCR pages done of the pages
found so far.  The time left is counted in pages whenever there are scans: a scanned page
costs about a second of CPU against milliseconds for a page with a text layer, so an
estimate in files says "a second left" with half an hour of OCR to go.  Pages are found
file by file as the workers open them, so the pages of the files not opened yet are
estimated from those opened so far (:class:`Estimate`).
"""

from __future__ import annotations

import sys
import time
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


def _clock(seconds: float) -> str:
    seconds = int(round(max(0.0, seconds)))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Estimate:
    """Counts of an import in progress, and the time it has left.

    Files: ``files_total`` to read, ``files_done`` finished (imported, skipped or failed).
    Pages: ``pages_total`` scanned pages found so far in the ``scans`` opened, ``pages_done``
    of them OCR'd.  With no scans, time left = files left at the rate files finished so far.
    With scans, the work left is counted in pages: the pages left of the scans opened,
    plus, for each file not opened yet, the pages per file seen so far; at the rate pages
    were OCR'd since the first scan was opened.
    """

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self.started = clock()
        self.files_total = self.files_done = 0
        self.pages_total = self.pages_done = 0
        self.counts = {"imported": 0, "skipped": 0, "failed": 0}
        self.scans: set[str] = set()  # scans opened whose file is not finished
        self.scans_seen = 0
        self.first_pages: float | None = None  # when pages were first found

    def start(self, total: int) -> None:
        self.files_total = total

    def file_done(self, path: str, outcome: str) -> None:
        if outcome == "duplicate":  # the same path given twice: not a file of its own
            self.files_total -= 1
            return
        self.files_done += 1
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        self.scans.discard(path)

    def add_pages(self, n: int, path: str | None = None) -> None:
        self.pages_total += n
        if path is not None and path not in self.scans:
            self.scans.add(path)
            self.scans_seen += 1
        if self.first_pages is None:
            self.first_pages = self.clock()

    def page_done(self, n: int = 1) -> None:
        self.pages_done += n

    def seconds_left(self) -> float | None:
        """Estimated seconds to the end, or None before there is a rate to go by."""
        now = self.clock()
        if self.pages_total and self.first_pages is not None:
            if not self.pages_done:
                return None
            rate = self.pages_done / max(1e-6, now - self.first_pages)
            opened = self.files_done + len(self.scans)
            unopened = max(0, self.files_total - opened)
            per_file = self.pages_total / max(1, opened)
            return (self.pages_total - self.pages_done + unopened * per_file) / rate
        if not self.files_done:
            return None
        rate = self.files_done / max(1e-6, now - self.started)
        return (self.files_total - self.files_done) / rate

    def left(self) -> str:
        s = self.seconds_left()
        return "–:––:––" if s is None else _clock(s)

    def line(self) -> str:
        """One plain line: files, pages, rate and time left."""
        c = self.counts
        out = (
            f"[{_clock(self.clock() - self.started)}] files {self.files_done}/{self.files_total} "
            f"({c['imported']} imported, {c['skipped']} skipped, {c['failed']} failed)"
        )
        if self.pages_total:
            out += f"; OCR pages {self.pages_done}/{self.pages_total}"
            if self.pages_done and self.first_pages is not None:
                out += f" ({self.pages_done / max(1e-6, self.clock() - self.first_pages) * 60:.0f} pages/min)"
        if self.files_done < self.files_total:
            out += f"; about {self.left()} left"
        return out


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:  # type: ignore[override]
        unit = task.fields.get("unit", "files")
        speed = task.finished_speed or task.speed
        if not speed:
            return Text(f"– {unit}/min", style="progress.data.speed")
        return Text(f"{speed * 60:.0f} {unit}/min", style="progress.data.speed")


class _LeftColumn(ProgressColumn):
    """The import's time left (:meth:`Estimate.left`), on the files bar only."""

    def __init__(self, estimate: Estimate) -> None:
        super().__init__()
        self.estimate = estimate

    def render(self, task) -> Text:  # type: ignore[override]
        if task.fields.get("unit") != "files":
            return Text("")
        return Text(f"left {self.estimate.left()}", style="progress.remaining")


class RichImportProgress:
    """Implements :class:`jixiao.corpus.importer.Progress` as a rich progress bar on stderr."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.estimate = Estimate()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._pages: TaskID | None = None

    @property
    def counts(self) -> dict[str, int]:
        return self.estimate.counts

    def _label(self) -> str:
        c = self.counts
        return f"importing  [green]{c['imported']} new[/] [dim]{c['skipped']} skipped[/] [red]{c['failed']} failed[/]"

    def start(self, total: int) -> None:
        self.estimate.start(total)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            _LeftColumn(self.estimate),
            console=self.console,
            transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(self._label(), total=total, unit="files")

    def advance(self, path: str, outcome: str) -> None:
        self.estimate.file_done(path, outcome)
        if self._progress is not None and self._task is not None:  # both set by start()
            if outcome == "duplicate":
                self._progress.update(self._task, total=self.estimate.files_total)
            else:
                self._progress.update(self._task, advance=1, description=self._label())

    def add_pages(self, n: int, path: str | None = None) -> None:
        """``n`` more scanned pages to OCR were found (in the file ``path``)."""
        self.estimate.add_pages(n, path)
        if self._progress is None:
            return
        if self._pages is None:
            self._pages = self._progress.add_task("OCR of scanned pages", total=self.estimate.pages_total, unit="pages")
        else:
            self._progress.update(self._pages, total=self.estimate.pages_total)

    def page_done(self, n: int = 1) -> None:
        """``n`` scanned pages were OCR'd."""
        self.estimate.page_done(n)
        if self._progress is not None and self._pages is not None:
            self._progress.update(self._pages, advance=n)

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    @property
    def pages_total(self) -> int:
        return self.estimate.pages_total

    @property
    def pages_done(self) -> int:
        return self.estimate.pages_done


class PlainImportProgress:
    """Implements :class:`jixiao.corpus.importer.Progress` as plain lines (for a log file, a
    pipe, a CI job): one at the start, one at most every ``every`` seconds as files finish or
    pages are OCR'd, and one at the end; each with files, OCR pages and the time left."""

    def __init__(self, stream: IO[str] | None = None, every: float = 10.0, clock=time.monotonic):
        self.stream = stream
        self.every = every
        self.estimate = Estimate(clock)
        self._last = float("-inf")

    @property
    def counts(self) -> dict[str, int]:
        return self.estimate.counts

    def _write(self, text: str) -> None:
        stream = self.stream or sys.stderr
        stream.write(text + "\n")
        stream.flush()

    def _maybe(self) -> None:
        now = self.estimate.clock()
        if now - self._last >= self.every:
            self._last = now
            self._write(self.estimate.line())

    def start(self, total: int) -> None:
        self.estimate.start(total)
        self._last = self.estimate.clock()
        self._write(f"importing {total} file(s)")

    def advance(self, path: str, outcome: str) -> None:
        self.estimate.file_done(path, outcome)
        if outcome != "duplicate":
            self._maybe()

    def add_pages(self, n: int, path: str | None = None) -> None:
        self.estimate.add_pages(n, path)
        if path is not None:
            self._write(f"{path}: {n} scanned page(s) to OCR")

    def page_done(self, n: int = 1) -> None:
        self.estimate.page_done(n)
        self._maybe()

    def finish(self) -> None:
        self._write(self.estimate.line())


def import_progress(stream: IO[str] | None = None):
    """The progress display for an import reporting on ``stream`` (default stderr): a rich
    bar on a terminal, plain lines (:class:`PlainImportProgress`) when it is redirected."""
    stream = stream or sys.stderr
    if stream.isatty():
        return RichImportProgress(Console(file=stream))
    return PlainImportProgress(stream)


__all__ = ["Estimate", "RichImportProgress", "PlainImportProgress", "import_progress"]
