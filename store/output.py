"""Writing output files safely: exports and comparisons.

* **Never over an input.**  An output path that is the store itself (or its ``-wal`` /
  ``-shm`` / ``-journal`` companions), however it is spelled, is refused.
* **All or nothing.**  A file is written to a temporary file in the same folder and
  renamed over the output when complete; a failure (a full disk, an error half-way)
  removes the temporary file and leaves any earlier output as it was.  A missing
  folder is refused before anything is written.
* **No formulas from data.**  Reports are untrusted: a finding or a programme name
  may start with ``=``, ``+``, ``-`` or ``@``, which a spreadsheet would run as a
  formula (CSV injection, OWASP).  In CSV such a text cell — and one starting with a
  tab or carriage return — is prefixed with an apostrophe (``'=SUM(A1)``), which
  Excel and LibreOffice show as text; in XLSX every text cell is written with the
  string data type, so nothing is a formula.  Numbers are numbers (``-3.5`` stays a
  number).  JSON is data, not a spreadsheet, and is written unchanged.

Every refusal is an :class:`OutputError`: one line naming the output and the reason.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

#: Text cells starting with these are neutralised in CSV.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(ValueError):
    """An output that cannot or must not be written: ``"<out>: <reason>"``."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def neutralise(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with ``= + - @`` (or a tab/CR)
    gets a leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def no_formulas(ws: Any) -> None:
    """Make every text cell of an openpyxl worksheet a string cell (openpyxl turns a text
    starting with ``=`` into a formula)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"):
                cell.data_type = "s"


def _companions(path: Path) -> list[Path]:
    return [path] + [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def check_output(out: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output that is an input (the store and its companions), a folder, or in a
    folder that does not exist; returns ``out`` as a :class:`Path`."""
    out = Path(out)
    for inp in inputs:
        for companion in _companions(Path(inp)):
            if _same(out, companion):
                raise OutputError(out, f"is the store itself ({inp}): refusing to write over it")
    if out.is_dir():
        raise OutputError(out, "is a folder, not a file")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(out, f"cannot write: no such folder {parent}")
    return out


@contextlib.contextmanager
def atomic_output(out: str | Path, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """``with atomic_output("out.xlsx", [store.path]) as tmp: write(tmp)`` — the file appears
    at ``out`` complete, or not at all (see the module docstring)."""
    out = check_output(out, inputs)
    parent = out.parent if str(out.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.name[:80]}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise OutputError(out, f"cannot write: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _set_mode(tmp, out)
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _set_mode(tmp: Path, out: Path) -> None:
    """The mode a plainly created file would have (mkstemp makes it private)."""
    try:
        mode = out.stat().st_mode & 0o777 if out.exists() else None
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
    except OSError:
        pass


__all__ = ["OutputError", "atomic_output", "check_output", "neutralise", "no_formulas", "FORMULA_START"]
