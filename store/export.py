"""Exports: json / jsonl (exactly the contract records), csv and xlsx (flat tables).

* ``json``: one JSON array of contract records (``shared/contract``, version 2), streamed.
* ``jsonl``: one record per line.
* ``csv``: one flat table (``table=`` reports, indicators, findings, figures, checks or
  evidence), UTF-8 with a byte-order mark so that Excel shows Chinese correctly.
* ``xlsx``: one sheet per table, the header row frozen and columns sized to their
  content; failed checks are filled red.

Every child row carries its report's id, place, year(s) and programme, so a
sheet can be filtered and pivoted on its own.

Evidence for people checking values in Excel: the ``reports`` table has, beside each
value the report states in other words than the stored value (years, date, kind, mode,
jurisdiction, score, grade), a ``…_evidence`` column with the page and the words it came
from (``p.3 «自评分为97分»``); the ``evidence`` table has one row per report and field
(every evidenced field, the title and names too) with the value, page, words and the
``[span_start, span_end)`` offsets into the document's text.  Indicators, figures and
checks carry their page and span (offsets, for tools that open the document text).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from . import mapping
from .filters import Filters
from .output import atomic_output, neutralise, no_formulas

if TYPE_CHECKING:
    from .db import Store

FORMATS = ("json", "jsonl", "csv", "xlsx")
TABLES = ("reports", "indicators", "findings", "figures", "checks", "evidence")

# Context columns repeated on every child row (from the reports table).
_CONTEXT = ["report_id", "jurisdiction_name", "province", "prefecture", "county", "years", "program"]

# Evidence beside the value in the reports table: the fields whose stored value is not the
# printed words (a code, a number, an ISO date, an official place name).
REPORT_EVIDENCE = ("years", "report_date", "report_kind", "evaluation_mode", "jurisdiction", "score.total",
                   "score.grade")
_EVIDENCE_BESIDE = {mapping.EVIDENCE_COLUMN[k]: k for k in REPORT_EVIDENCE}


def evidence_column(column: str) -> str:
    return f"{column}_evidence"


def _report_columns() -> list[str]:
    cols = ["report_id"]
    for c in mapping.CONTENT_COLUMNS["reports"]:
        cols.append(c)
        if c in _EVIDENCE_BESIDE:
            cols.append(evidence_column(c))
    return cols + ["n_findings", "n_indicators", "source_path", "source_format", "source_ocr", "n_sources",
                   "alternates"]


COLUMNS: dict[str, list[str]] = {
    "reports": _report_columns(),
    "indicators": _CONTEXT + list(mapping.CONTENT_COLUMNS["indicators"]),
    "findings": ["finding_id"] + _CONTEXT + list(mapping.CONTENT_COLUMNS["findings"]),
    "figures": _CONTEXT + list(mapping.CONTENT_COLUMNS["figures"]),
    "checks": _CONTEXT + list(mapping.CONTENT_COLUMNS["checks"]),
    "evidence": _CONTEXT + ["field", "value"] + [c for c in mapping.CONTENT_COLUMNS["evidence"] if c != "field"],
}


def evidence_cell(page: int | None, text: str) -> str:
    """``p.3 «words»`` (``«words»`` when the page is not known)."""
    words = " ".join(text.split())
    return f"p.{page} «{words}»" if page is not None else f"«{words}»"


def export(store: "Store", out: str | Path, format: str, filters: Filters | None = None, *,
           table: str = "reports") -> int:
    """Write the reports matching ``filters`` to ``out``; returns the number of reports written.

    ``table`` picks the table a CSV holds (xlsx holds them all, json/jsonl whole records).
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    filters = filters or Filters()
    out = Path(out)
    report_ids = store.report_ids(filters)
    with atomic_output(out, [store.path]) as tmp:
        if format in ("json", "jsonl"):
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                if format == "json":
                    fh.write("[")
                    for i, rid in enumerate(report_ids):
                        fh.write(",\n" if i else "\n")
                        fh.write(json.dumps(store.record(rid, filters).to_dict(), ensure_ascii=False))
                    fh.write("\n]\n" if report_ids else "]\n")
                else:
                    for rid in report_ids:
                        fh.write(json.dumps(store.record(rid, filters).to_dict(), ensure_ascii=False) + "\n")
        elif format == "csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(COLUMNS[table])
                for row in table_rows(store, table, report_ids, filters):
                    writer.writerow([_csv_cell(row.get(c)) for c in COLUMNS[table]])
        else:
            _write_xlsx(store, tmp, report_ids, filters)
    return len(report_ids)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(value)


def table_rows(store: "Store", table: str, report_ids: list[str], filters: Filters | None = None
               ) -> Iterator[dict[str, Any]]:
    """Flat rows of ``table`` for the given reports, in report order, with context columns."""
    filters = filters or Filters()
    conn = store.conn
    for rid in report_ids:
        report = store._dicts("SELECT * FROM reports WHERE report_id = ?", [rid])[0]
        years = ",".join(str(y) for y in json.loads(report["years"]))
        context = {c: report.get(c) for c in _CONTEXT}
        context["years"] = years
        if table == "reports":
            primary = store._dicts("SELECT path, format, ocr FROM documents WHERE doc_id = ?", [report["doc_id"]])[0]
            alternates = [r[0] for r in conn.execute(
                "SELECT path FROM sources WHERE report_id = ? AND is_primary = 0 ORDER BY path", (rid,))]
            counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t} WHERE report_id = ?", (rid,)).fetchone()[0]
                      for t in ("findings", "indicators")}
            evidence = {e["field"]: evidence_cell(e["page"], e["text"])
                        for e in store._dicts("SELECT field, page, text FROM evidence WHERE report_id = ?", [rid])}
            row = {**report, "years": years, "warnings": "; ".join(json.loads(report["warnings"])),
                   "n_findings": counts["findings"], "n_indicators": counts["indicators"],
                   "source_path": primary["path"], "source_format": primary["format"],
                   "source_ocr": bool(primary["ocr"]), "alternates": "; ".join(alternates)}
            for column, key in _EVIDENCE_BESIDE.items():
                row[evidence_column(column)] = evidence.get(key)
            yield row
            continue
        if table == "evidence":
            record = store.record(rid)
            for f in mapping.fields(record):
                if f.evidence is not None:
                    yield {**context, "field": f.key, "value": f.text, "page": f.evidence.page,
                           "text": f.evidence.text, "span_start": f.evidence.span[0], "span_end": f.evidence.span[1]}
            continue
        where, params = ("", [])
        if table == "findings":
            where, params = filters.finding_only_where()
        order = "id" if table == "findings" else "ordinal"
        for row in store._dicts(
            f"SELECT * FROM {table} WHERE report_id = ? {('AND ' + where) if where else ''} ORDER BY {order}",
            [rid, *params],
        ):
            row.update(context)
            if table == "checks":
                row["ok"] = bool(row["ok"])
            yield row


# Excel refuses control characters in cells and caps a cell at 32,767 characters.
_EXCEL_MAX = 32_767


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > _EXCEL_MAX:
            value = value[: _EXCEL_MAX - 1] + "…"
    return value


def _display_width(value: Any) -> int:
    """Width in Excel character units: CJK characters take two."""
    text = "" if value is None else str(value)
    first_line = text.split("\n", 1)[0]
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in first_line)


MIN_WIDTH, MAX_WIDTH = 6, 60


def _write_xlsx(store: "Store", out: Path, report_ids: list[str], filters: Filters) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    failed = PatternFill("solid", fgColor="FFC7CE")
    for table in TABLES:
        ws = wb.create_sheet(table)
        columns = COLUMNS[table]
        ws.append(columns)
        for cell in ws[1]:
            cell.font = bold
        widths = [_display_width(c) for c in columns]
        for n, row in enumerate(table_rows(store, table, report_ids, filters)):
            values = [_xlsx_value(row.get(c)) for c in columns]
            ws.append(values)
            if n < 500:  # size columns from the first rows; enough to judge, cheap on big stores
                widths = [max(w, _display_width(v)) for w, v in zip(widths, values)]
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(MIN_WIDTH, min(MAX_WIDTH, w + 2))
        if table == "findings":  # long text: wrap it inside its capped width
            text_col = columns.index("text") + 1
            for (cell,) in ws.iter_rows(min_row=2, min_col=text_col, max_col=text_col):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if table == "checks":  # a failed check stands out
            ok_col = columns.index("ok")
            for cells in ws.iter_rows(min_row=2):
                if cells[ok_col].value is False:
                    for cell in cells:
                        cell.fill = failed
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        no_formulas(ws)
    wb.save(out)


__all__ = ["export", "table_rows", "evidence_cell", "FORMATS", "TABLES", "COLUMNS", "REPORT_EVIDENCE"]
