"""A rich progress bar for imports: files done of total, rate, elapsed and time left."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:  # type: ignore[override]
        speed = task.finished_speed or task.speed
        if not speed:
            return Text("– files/min", style="progress.data.speed")
        return Text(f"{speed * 60:.0f} files/min", style="progress.data.speed")


class RichImportProgress:
    """Implements :class:`jixiao.corpus.importer.Progress` on stderr."""

    def __init__(self, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.counts = {"imported": 0, "skipped": 0, "failed": 0}
        self._progress: Progress | None = None
        self._task = None

    def _label(self) -> str:
        c = self.counts
        return f"importing  [green]{c['imported']} new[/] [dim]{c['skipped']} skipped[/] [red]{c['failed']} failed[/]"

    def start(self, total: int) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=self.console, transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(self._label(), total=total)

    def advance(self, path: str, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=self._label())

    def finish(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


__all__ = ["RichImportProgress"]
