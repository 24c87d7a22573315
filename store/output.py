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

Tables (exports and comparisons) are written by the same two functions: :func:`write_csv`
(UTF-8 with a byte-order mark, so that Excel shows Chinese; formulas neutralised) and
:func:`xlsx_sheet` (bold frozen header, columns sized to their content with CJK characters
counted twice) with :func:`save_workbook` (no formulas from data).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

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


# ----------------------------------------------------------------------------- tables: CSV and XLSX
#: With a byte-order mark: Excel reads a CSV as UTF-8 (Chinese) only when it starts with one.
CSV_ENCODING = "utf-8-sig"
#: Column widths in Excel character units, and how many rows the widths are judged from
#: (enough to judge, cheap on big stores).
MIN_WIDTH, MAX_WIDTH, WIDTH_ROWS = 6, 60, 500
# Excel refuses control characters in cells and caps a cell at 32,767 characters.
_EXCEL_MAX = 32_767


def csv_cell(value: Any) -> Any:
    """A CSV cell: None as empty, booleans as true/false, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)


def write_csv(path: str | Path, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> int:
    """Write one table as CSV (UTF-8 with BOM) to ``path``; returns the number of rows."""
    import csv

    n = 0
    with open(path, "w", encoding=CSV_ENCODING, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_cell(c) for c in header])
        for row in rows:
            writer.writerow([csv_cell(c) for c in row])
            n += 1
    return n


def display_width(value: Any) -> int:
    """Width of a value's first line in Excel character units: East Asian wide characters take two."""
    import unicodedata

    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.split("\n", 1)[0])


def xlsx_value(value: Any) -> Any:
    """A value Excel accepts: text without control characters, cut at Excel's cell limit."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > _EXCEL_MAX:
            value = value[: _EXCEL_MAX - 1] + "…"
    return value


def xlsx_sheet(
    wb: "Workbook", title: str, header: Sequence[Any], rows: Iterable[Sequence[Any]], *, wrap_header: bool = False
) -> tuple["Worksheet", int]:
    """Add sheet ``title`` holding one table: a bold header row, frozen, and the columns sized to
    the header and the first :data:`WIDTH_ROWS` rows; returns the sheet and the number of rows."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        if wrap_header:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [display_width(c) for c in header]
    n = 0
    for n, row in enumerate(rows, start=1):
        values = [xlsx_value(v) for v in row]
        ws.append(values)
        if n <= WIDTH_ROWS:
            widths = [max(w, display_width(v)) for w, v in zip(widths, values)]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, w + 2))
    ws.freeze_panes = "A2"
    return ws, n


def save_workbook(wb: "Workbook", path: str | Path) -> None:
    """Save ``wb`` with every text cell a string (nothing from the data runs as a formula)."""
    for ws in wb.worksheets:
        no_formulas(ws)
    wb.save(path)


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


__all__ = [
    "OutputError",
    "atomic_output",
    "check_output",
    "neutralise",
    "no_formulas",
    "FORMULA_START",
    "csv_cell",
    "write_csv",
    "display_width",
    "xlsx_value",
    "xlsx_sheet",
    "save_workbook",
    "CSV_ENCODING",
]
