"""Exports: json / jsonl (exactly the contract records), csv and xlsx (flat tables).

* ``json``: one JSON array of contract records (``shared/contract``, version 2), streamed.
* ``jsonl``: one record per line.
* ``csv``: one flat table (``table=`` reports, indicators, findings, figures, checks or
  evidence), UTF-8 with a byte-order mark so that Excel shows Chinese correctly.
* ``xlsx``: one sheet per table, the header row frozen and columns sized to their
  content; failed checks are filled red.

Every child row carries its report's id, place, year(s) and programme, so a
sheet can be filtered and pivoted on its own.

Labels (``labels=``): ``zh`` (the default for csv and xlsx) writes Chinese headers (标题,
评价方式, 总分 …), sheet names (报告, 指标, 问题与建议 …) and values (自评, 第三方评价, 问题,
信息化与数据共享, 是/否), a single year as a number, and in xlsx a 说明 sheet naming each
column's code and meaning; ``codes`` writes the store's column names and codes (json and
jsonl always keep the contract).  :func:`export` returns what it wrote
(:class:`Written`: reports, and rows per table).

Evidence for people checking values in Excel: the ``reports`` table has, beside each
value the report states in other words than the stored value (years, date, kind, mode,
jurisdiction, score, grade), a ``…_evidence`` column with the page and the words it came
from (``p.3 «自评分为97分»``); the ``evidence`` table has one row per report and field
(every evidenced field, the title and names too) with the value, page, words and the
``[span_start, span_end)`` offsets into the document's text.  Indicators, figures and
checks carry their page and span (offsets, for tools that open the document text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

from . import labels as vocab
from . import mapping
from .filters import Filters
from .output import atomic_output, save_workbook, write_csv, xlsx_sheet


class Store(Protocol):
    """What an export reads from a :class:`jixiao.store.Store` (named here rather than
    imported: the store imports this module)."""

    path: Path
    conn: Any

    def report_ids(self, filters: Filters | None = None) -> list[str]: ...

    def record(self, report_id: str, filters: Filters | None = None) -> Any: ...

    def _dicts(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...


FORMATS = ("json", "jsonl", "csv", "xlsx")
TABLES = ("reports", "indicators", "findings", "figures", "checks", "evidence")
LABELS = ("zh", "codes")

# Context columns repeated on every child row (from the reports table).
_CONTEXT = ["report_id", "jurisdiction_name", "province", "prefecture", "county", "years", "program"]

# Evidence beside the value in the reports table: the fields whose stored value is not the
# printed words (a code, a number, an ISO date, an official place name).
REPORT_EVIDENCE = (
    "years",
    "report_date",
    "report_kind",
    "evaluation_mode",
    "jurisdiction",
    "score.total",
    "score.grade",
)
_EVIDENCE_BESIDE = {mapping.EVIDENCE_COLUMN[k]: k for k in REPORT_EVIDENCE}


def evidence_column(column: str) -> str:
    return f"{column}_evidence"


def _report_columns() -> list[str]:
    cols = ["report_id"]
    for c in mapping.CONTENT_COLUMNS["reports"]:
        cols.append(c)
        if c in _EVIDENCE_BESIDE:
            cols.append(evidence_column(c))
    return cols + [
        "n_findings",
        "n_indicators",
        "source_path",
        "source_format",
        "source_ocr",
        "n_sources",
        "alternates",
    ]


COLUMNS: dict[str, list[str]] = {
    "reports": _report_columns(),
    "indicators": _CONTEXT + list(mapping.CONTENT_COLUMNS["indicators"]),
    "findings": ["finding_id"] + _CONTEXT + list(mapping.CONTENT_COLUMNS["findings"]),
    "figures": _CONTEXT + list(mapping.CONTENT_COLUMNS["figures"]),
    "checks": _CONTEXT + list(mapping.CONTENT_COLUMNS["checks"]),
    "evidence": _CONTEXT + ["field", "value"] + [c for c in mapping.CONTENT_COLUMNS["evidence"] if c != "field"],
}


# ------------------------------------------------------------------------------ Chinese labels
SHEETS_ZH = {
    "reports": "报告",
    "indicators": "指标",
    "findings": "问题与建议",
    "figures": "数字",
    "checks": "核对",
    "evidence": "出处",
}

# column → (Chinese header, what it holds).  Evidence columns beside a value are "<header>出处".
COLUMNS_ZH: dict[str, tuple[str, str]] = {
    "report_id": ("报告编号", "报告在库中的编号（其主要来源文件的 sha256）"),
    "title": ("标题", "报告标题"),
    "report_kind": ("报告类型", "项目支出、部门整体支出、政策、社保基金预算"),
    "evaluation_mode": ("评价方式", "自评、第三方评价、财政评价"),
    "years": ("年度", "评价的年度；一个年度为数字，多个年度如 2019-2021"),
    "report_date": ("报告日期", "报告落款日期（年-月-日）"),
    "jurisdiction_name": ("地区", "报告所属地区，按报告写法"),
    "jurisdiction_level": ("地区级次", "省、市（州）、县（市、区）"),
    "province": ("省", "所属省级行政区（GB/T 2260）"),
    "prefecture": ("市（州）", "所属地级行政区"),
    "county": ("县（市、区）", "所属县级行政区"),
    "adcode": ("行政区划代码", "GB/T 2260 代码"),
    "program": ("项目", "被评价的项目（资金）名称"),
    "evaluated_unit": ("被评价单位", "项目实施或预算单位"),
    "evaluator": ("评价机构", "出具报告的单位或第三方机构"),
    "score_total": ("总分", "评价得分"),
    "score_max": ("满分", "总分的满分（未写明时为 100）"),
    "grade": ("等级", "优、良、中、差"),
    "grade_source": ("等级来源", "报告写明，或按得分推算"),
    "warnings": ("提示", "读取时的提示：未能确定或有冲突的字段"),
    "n_findings": ("问题与建议条数", "问题、建议、经验做法的条数"),
    "n_indicators": ("指标个数", "读出的评价指标个数"),
    "source_path": ("来源文件", "报告内容所依据的文件"),
    "source_format": ("文件格式", "pdf、docx、txt 等"),
    "source_ocr": ("经文字识别", "来源文件是否经 OCR 识别"),
    "n_sources": ("文件数", "同一报告的不同文件（版本）数"),
    "alternates": ("其他文件", "同一报告的其他文件"),
    "ordinal": ("序号", "在报告中的顺序"),
    "code": ("指标编号", "报告中的指标编号"),
    "level": ("级次", "指标级次：1 一级指标，2 二级，3 三级"),
    "name": ("名称", "指标或数字的名称，按报告写法"),
    "parent": ("上级指标", "上一级指标的名称"),
    "weight": ("分值", "指标分值（权重）"),
    "score": ("得分", "指标得分"),
    "page": ("页码", "所在页（从 1 起）"),
    "span_start": ("起始位置", "在文档文本中的起始字符位置"),
    "span_end": ("结束位置", "在文档文本中的结束字符位置（不含）"),
    "finding_id": ("条目编号", "问题或建议的编号（jixiao similar 使用）"),
    "kind": ("类型", "问题、建议、经验"),
    "text": ("内容", "报告原文"),
    "category": ("类别", "问题类别（patterns/taxonomy.yaml）"),
    "responds_to": ("针对问题", "建议所针对的问题的序号"),
    "value": ("数值", "数值（以元、人、% 等基本单位）"),
    "unit": ("单位", "数值的单位"),
    "raw": ("原文", "报告中写出的数字"),
    "rule": ("核对规则", "核对的算术关系：合计、分值、得分率等"),
    "ok": ("是否相符", "报告自身数字是否相符"),
    "detail": ("说明", "核对的两个数字及其出处"),
    "field": ("字段", "记录中的字段"),
}
# The evidence table's value column holds any field's value, not a figure's.
_EVIDENCE_VALUE = ("值", "该字段的取值")

# An evidence key in words: the header of the column holding its value.
FIELDS_ZH = {key: COLUMNS_ZH[column][0] for key, column in mapping.EVIDENCE_COLUMN.items()}
RULES_ZH = {
    "table_sum": "表格合计",
    "indicator_sum": "指标得分合计",
    "weight_sum": "分值合计",
    "weight": "分值",
    "score": "得分",
    "arrival_rate": "到位率",
    "execution_rate": "执行率",
}
_GRADE_SOURCE = {"stated": "报告写明", "derived": "按得分推算"}
_LEVELS_ZH = {"province": "省", "prefecture": "市（州）", "county": "县（市、区）"}


def header(table: str, column: str, labels: str = "zh") -> str:
    """The header of ``column`` in ``table``: the column name (``codes``) or its Chinese label."""
    if labels == "codes":
        return column
    if table == "evidence" and column == "value":
        return _EVIDENCE_VALUE[0]
    if column.endswith("_evidence"):
        return COLUMNS_ZH[column[: -len("_evidence")]][0] + "出处"
    return COLUMNS_ZH.get(column, (column, ""))[0]


def _years_cell(years: list[int]) -> Any:
    """One year as a number; a run of years as 2019-2021; others as 2019、2021."""
    if not years:
        return None
    if len(years) == 1:
        return years[0]
    if years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return "、".join(map(str, years))


def zh_value(table: str, column: str, value: Any, row: dict[str, Any] | None = None) -> Any:
    """``value`` of ``column`` as people read it (codes to Chinese labels; numbers stay numbers)."""
    if value is None:
        return None
    if column == "years":
        return _years_cell([int(y) for y in str(value).split(",") if y.strip()])
    if column == "report_kind":
        return vocab.label("report_kind", value)
    if column == "evaluation_mode":
        return vocab.label("mode", value)
    if column == "kind":
        return vocab.label("kind", value)
    if column == "category":
        return vocab.label("category", value)
    if column == "jurisdiction_level":
        return _LEVELS_ZH.get(value, value)
    if column == "grade_source":
        return _GRADE_SOURCE.get(value, value)
    if column in ("source_ocr",):
        return "是" if value else "否"
    if column == "ok":
        return "相符" if value else "不符"
    if column == "field":
        return FIELDS_ZH.get(value, value)
    if column == "rule":
        return RULES_ZH.get(value, value)
    return value


def explanation_rows(labels: str = "zh") -> list[list[str]]:
    """The 说明 sheet: for each table and column, its header, code and meaning."""
    rows = []
    for table in TABLES:
        for column in COLUMNS[table]:
            if table == "evidence" and column == "value":
                meaning = _EVIDENCE_VALUE[1]
            elif column.endswith("_evidence"):
                meaning = "该值在报告中的页码和原话，如 p.3 «自评分为97分»"
            else:
                meaning = COLUMNS_ZH.get(column, (column, ""))[1]
            rows.append([SHEETS_ZH[table] if labels == "zh" else table, header(table, column, labels), column, meaning])
    return rows


@dataclass
class Written:
    """What :func:`export` wrote: the file, the reports, and the rows of each table written."""

    path: Path
    format: str
    reports: int
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """``wrote out.xlsx: 3 reports; reports 3 rows, findings 31 rows …``."""

        def n(k: int, noun: str) -> str:
            return f"{k} {noun}" + ("" if k == 1 else "s")

        if self.format in ("json", "jsonl"):
            return f"wrote {self.path}: {n(self.reports, 'report record')}"
        per_table = ", ".join(f"{t} {n(k, 'row')}" for t, k in self.rows.items())
        return f"wrote {self.path}: {per_table} (from {n(self.reports, 'report')})"


def evidence_cell(page: int | None, text: str) -> str:
    """``p.3 «words»`` (``«words»`` when the page is not known)."""
    words = " ".join(text.split())
    return f"p.{page} «{words}»" if page is not None else f"«{words}»"


def export(
    store: "Store",
    out: str | Path,
    format: str,
    filters: Filters | None = None,
    *,
    table: str = "reports",
    labels: str | None = None,
) -> Written:
    """Write the reports matching ``filters`` to ``out``; returns what was written (:class:`Written`).

    ``table`` picks the table a CSV holds (xlsx holds them all, json/jsonl whole records).
    ``labels``: ``zh`` or ``codes`` (default: ``zh`` for csv and xlsx; json and jsonl are the
    contract's records whatever ``labels`` says).
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    if labels is None:
        labels = "codes" if format in ("json", "jsonl") else "zh"
    if labels not in LABELS:
        raise ValueError(f"labels must be one of {', '.join(LABELS)}, not {labels!r}")
    filters = filters or Filters()
    out = Path(out)
    report_ids = store.report_ids(filters)
    written = Written(out, format, len(report_ids))
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
            written.rows[table] = write_csv(
                tmp,
                [header(table, c, labels) for c in COLUMNS[table]],
                (
                    [_cell(table, c, row, labels) for c in COLUMNS[table]]
                    for row in table_rows(store, table, report_ids, filters)
                ),
            )
        else:
            written.rows = _write_xlsx(store, tmp, report_ids, filters, labels)
    return written


def _cell(table: str, column: str, row: dict[str, Any], labels: str) -> Any:
    value = row.get(column)
    return zh_value(table, column, value, row) if labels == "zh" else value


def table_rows(
    store: "Store", table: str, report_ids: list[str], filters: Filters | None = None
) -> Iterator[dict[str, Any]]:
    """Flat rows of ``table`` for the given reports, in report order, with context columns."""
    filters = filters or Filters()
    conn = store.conn
    for rid in report_ids:
        report = store._dicts("SELECT * FROM reports WHERE report_id = ?", [rid])[0]
        years = ",".join(str(y) for y in mapping.json_list(report["years"]))
        context = {c: report.get(c) for c in _CONTEXT}
        context["years"] = years
        if table == "reports":
            primary = store._dicts("SELECT path, format, ocr FROM documents WHERE doc_id = ?", [report["doc_id"]])[0]
            alternates = [
                r[0]
                for r in conn.execute(
                    "SELECT path FROM sources WHERE report_id = ? AND is_primary = 0 ORDER BY path", (rid,)
                )
            ]
            counts = {
                t: conn.execute(f"SELECT COUNT(*) FROM {t} WHERE report_id = ?", (rid,)).fetchone()[0]
                for t in ("findings", "indicators")
            }
            evidence = {
                e["field"]: evidence_cell(e["page"], e["text"])
                for e in store._dicts("SELECT field, page, text FROM evidence WHERE report_id = ?", [rid])
            }
            row = {
                **report,
                "years": years,
                "warnings": "; ".join(mapping.json_list(report["warnings"])),
                "n_findings": counts["findings"],
                "n_indicators": counts["indicators"],
                "source_path": primary["path"],
                "source_format": primary["format"],
                "source_ocr": bool(primary["ocr"]),
                "alternates": "; ".join(alternates),
            }
            for column, key in _EVIDENCE_BESIDE.items():
                row[evidence_column(column)] = evidence.get(key)
            yield row
            continue
        if table == "evidence":
            record = store.record(rid)
            for f in mapping.fields(record):
                if f.evidence is not None:
                    yield {
                        **context,
                        "field": f.key,
                        "value": f.text,
                        "page": f.evidence.page,
                        "text": f.evidence.text,
                        "span_start": f.evidence.span[0],
                        "span_end": f.evidence.span[1],
                    }
            continue
        where: str = ""
        params: list[Any] = []
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


def _write_xlsx(
    store: "Store", out: Path, report_ids: list[str], filters: Filters, labels: str = "codes"
) -> dict[str, int]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    failed = PatternFill("solid", fgColor="FFC7CE")
    rows_written: dict[str, int] = {}
    for table in TABLES:
        columns = COLUMNS[table]
        ws, rows_written[table] = xlsx_sheet(
            wb,
            SHEETS_ZH[table] if labels == "zh" else table,
            [header(table, c, labels) for c in columns],
            ([_cell(table, c, row, labels) for c in columns] for row in table_rows(store, table, report_ids, filters)),
        )
        if table == "findings":  # long text: wrap it inside its capped width
            text_col = columns.index("text") + 1
            for (cell,) in ws.iter_rows(min_row=2, min_col=text_col, max_col=text_col):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if table == "checks":  # a failed check stands out
            ok_col = columns.index("ok")
            for cells in ws.iter_rows(min_row=2):
                if cells[ok_col].value in (False, "不符"):
                    for cell in cells:
                        cell.fill = failed
        ws.auto_filter.ref = ws.dimensions
    if labels == "zh":  # what each column holds, for whoever opens the file without jixiao
        ws = wb.create_sheet("说明")
        ws.append(["工作表", "列", "列名（代码）", "含义"])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in explanation_rows(labels):
            ws.append(row)
        for letter, width in zip("ABCD", (12, 18, 22, 60)):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
    save_workbook(wb, out)
    return rows_written


__all__ = [
    "export",
    "table_rows",
    "evidence_cell",
    "header",
    "zh_value",
    "explanation_rows",
    "Written",
    "FORMATS",
    "TABLES",
    "COLUMNS",
    "COLUMNS_ZH",
    "SHEETS_ZH",
    "LABELS",
    "REPORT_EVIDENCE",
]
