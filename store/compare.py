"""Side-by-side comparison of reports across jurisdictions, years or programmes.

::

    from jixiao.store import Store
    from jixiao.store.compare import compare, write

    with Store("jixiao.db") as store:
        cmp = compare(store, by="jurisdiction", level="county", province="云南")
        write(cmp, "xlsx", "comparison.xlsx")        # also: table, csv, png, html

Metrics (``metric=None`` computes all four):

``score``       per group: reports, mean total score, grades, and the score rate
                (score ÷ weight, %) of each first-level indicator (决策, 过程, 产出, 效益 …).
``indicators``  every indicator's score rate (%), indicators × groups.
``categories``  problem counts, problem categories × groups (the taxonomy of
                ``patterns/taxonomy.yaml``, shown by its Chinese labels).
``recurring``   the same jurisdiction and problem category in two or more years.

Every number says what it rests on: the score table has, per group, the years its reports
evaluate, their evaluation modes, how many state a total score, and a ``可比性`` cell marking
(※) a mean across unlike reports — different years, jurisdiction levels or evaluation modes —
naming the difference; the indicator and category tables name each column's reports and
years in their note.

``by`` picks the groups: ``jurisdiction`` (at ``level`` — ``province``, ``prefecture``
or ``county`` — or, without a level, each report's own jurisdiction), ``year`` (each
year a report evaluates) or ``program``. Recurring problems are always counted per
jurisdiction at ``level`` (a province-level roll-up shows a problem that comes back
in different counties of the province in different years).
"""

from __future__ import annotations

import base64
import html
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import mapping
from .filters import Filters
from . import output
from .output import atomic_output, check_output, display_width, save_workbook, xlsx_sheet

BY = ("jurisdiction", "year", "program")
LEVELS = ("province", "prefecture", "county")
METRICS = ("score", "indicators", "categories", "recurring")
FORMATS = ("table", "csv", "xlsx", "png", "html")
NO_PROGRAM = "（未注明项目）"


@dataclass
class Table:
    """One result table: ``columns`` headers and ``rows`` of cells (numbers stay numbers)."""

    name: str  # the metric: score | indicators | categories | recurring
    title: str
    columns: list[str]
    rows: list[list[Any]]
    note: str = ""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


@dataclass
class Comparison:
    """What :func:`compare` returns: the tables, plus what the charts are drawn from."""

    by: str
    level: str | None
    metrics: list[str]
    groups: list[str]
    tables: list[Table]
    filters: dict[str, Any] = field(default_factory=dict)
    _charts: dict[str, Any] = field(default_factory=dict, repr=False)  # metric -> chart spec

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    def charts(self) -> list[tuple[str, bytes]]:
        """``(title, PNG bytes)`` for each metric that has a chart."""
        from . import charts

        out = []
        for metric in self.metrics:
            spec = self._charts.get(metric)
            if not spec:
                continue
            if spec["kind"] == "bar":
                out.append(
                    (
                        spec["title"],
                        charts.bar_chart(
                            spec["title"],
                            spec["groups"],
                            spec["series"],
                            ylabel=spec.get("ylabel", ""),
                            ylim=spec.get("ylim"),
                        ),
                    )
                )
            else:
                out.append((spec["title"], charts.heatmap(spec["title"], spec["rows"], spec["cols"], spec["matrix"])))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "level": self.level,
            "metrics": self.metrics,
            "groups": self.groups,
            "filters": self.filters,
            "tables": [
                {"name": t.name, "title": t.title, "columns": t.columns, "rows": t.rows, "note": t.note}
                for t in self.tables
            ],
        }


def _conn(store: Any):
    return store.conn if hasattr(store, "conn") else store


def category_labels() -> dict[str, str]:
    """Taxonomy key → Chinese label (``patterns/taxonomy.yaml``)."""
    from ..patterns import load

    try:
        cats = load("taxonomy.yaml")["categories"]
    except Exception:  # the comparison still works with raw keys
        return {}
    return {k: (v or {}).get("label") or k for k, v in cats.items()}


def _reports(conn, filters: Filters) -> list[dict[str, Any]]:
    where, params = filters.reports_where("r")
    cur = conn.execute(
        "SELECT r.report_id, r.title, r.jurisdiction_name, r.jurisdiction_level, r.province, r.prefecture,"
        " r.county, r.adcode, r.years, r.program, r.score_total, r.score_max, r.grade, r.evaluation_mode"
        " FROM reports r" + (f" WHERE {where}" if where else "") + " ORDER BY r.adcode, r.year_min, r.report_id",
        params,
    )
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in rows:
        r["years"] = mapping.json_list(r["years"])
    return rows


def _place(report: dict[str, Any], level: str | None) -> str | None:
    if level is None:
        return report["jurisdiction_name"] or report["county"] or report["prefecture"] or report["province"]
    return report[level]


def _group_keys(report: dict[str, Any], by: str, level: str | None) -> list[str]:
    if by == "jurisdiction":
        place = _place(report, level)
        return [place] if place else []
    if by == "year":
        return [str(y) for y in report["years"]]
    return [report["program"] or NO_PROGRAM]


def _mean(values: Sequence[float | None]) -> float | None:
    known = [float(v) for v in values if v is not None]
    return round(sum(known) / len(known), 2) if known else None


def _rate(score: Any, weight: Any) -> float | None:
    if score is None or not weight:
        return None
    return round(100.0 * float(score) / float(weight), 1)


def compare(
    store: Any,
    by: str = "jurisdiction",
    *,
    level: str | None = None,
    metric: str | Sequence[str] | None = None,
    filters: Filters | None = None,
    **filter_kwargs: Any,
) -> Comparison:
    """Compare the store's reports grouped ``by`` jurisdiction, year or programme.

    ``metric``: one of ``score``, ``indicators``, ``categories``, ``recurring``, a list of
    them, or None for all. Filters as in :class:`jixiao.store.filters.Filters`
    (``province="云南"``, ``years="2019-2023"`` …) select the reports compared.
    """
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    metrics = list(METRICS) if metric is None else ([metric] if isinstance(metric, str) else list(metric))
    for m in metrics:
        if m not in METRICS:
            raise ValueError(f"metric must be one of {', '.join(METRICS)}, not {m!r}")
    if filters is not None and filter_kwargs:
        raise TypeError("give either filters= or filter keyword arguments, not both")
    flt = filters or Filters(**{k: v for k, v in filter_kwargs.items() if v not in (None, "")})
    conn = _conn(store)
    reports = _reports(conn, flt)
    groups: list[str] = []
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in reports:
        for key in _group_keys(r, by, level):
            if key not in members:
                groups.append(key)
            members[key].append(r)
    if by == "year":
        groups.sort()
    # Only reports that belong to a group count (a province-level report has no prefecture).
    reports = [r for r in reports if _group_keys(r, by, level)]
    labels = category_labels()
    cmp = Comparison(
        by=by,
        level=level,
        metrics=metrics,
        groups=groups,
        tables=[],
        filters={k: v for k, v in vars(flt).items() if v not in (None, "")},
    )
    ids = [r["report_id"] for r in reports]
    for m in metrics:
        if m == "score":
            _score(conn, cmp, members, ids)
        elif m == "indicators":
            _indicators(conn, cmp, members, ids)
        elif m == "categories":
            _categories(conn, cmp, members, ids, labels, flt)
        else:
            _recurring(conn, cmp, reports, level, labels, flt)
    return cmp


def _indicator_rows(conn, report_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not report_ids:
        return out
    cur = conn.execute(
        "SELECT report_id, ordinal, level, name, parent, weight, score FROM indicators WHERE report_id IN"
        f" ({','.join('?' * len(report_ids))}) ORDER BY report_id, ordinal",
        report_ids,
    )
    for report_id, ordinal, lvl, name, parent, weight, score in cur:
        out[report_id].append(
            {"ordinal": ordinal, "level": lvl, "name": name, "parent": parent, "weight": weight, "score": score}
        )
    return out


def _group_label(by: str, level: str | None) -> str:
    if by == "year":
        return "年度"
    if by == "program":
        return "项目"
    return {"province": "省", "prefecture": "市（州）", "county": "县（市、区）"}.get(level or "", "地区")


_LEVEL_ZH = {"province": "省级", "prefecture": "市级", "county": "县级"}


def _years_text(years: Iterable[int]) -> str:
    return "、".join(str(y) for y in sorted(set(years)))


def basis(reports: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What a group's numbers rest on: how many reports, which years, levels and modes, and
    ``unlike`` — the ways its reports differ (years, level, mode), empty when they are alike."""
    from .labels import label

    years = sorted({y for r in reports for y in r["years"]})
    levels = sorted(
        {r["jurisdiction_level"] for r in reports if r.get("jurisdiction_level")},
        key=lambda lv: LEVELS.index(lv) if lv in LEVELS else 9,
    )
    modes = sorted({r["evaluation_mode"] for r in reports if r.get("evaluation_mode")})
    unlike = []
    if len({tuple(r["years"]) for r in reports}) > 1:
        unlike.append(f"年度不同（{_years_text(years)}）")
    if len(levels) > 1:
        unlike.append(f"级次不同（{'、'.join(_LEVEL_ZH.get(lv, lv) for lv in levels)}）")
    if len(modes) > 1:
        unlike.append(f"评价方式不同（{'、'.join(label('mode', m) or m for m in modes)}）")
    return {
        "reports": len(reports),
        "years": years,
        "years_text": _years_text(years),
        "levels": levels,
        "modes": [label("mode", m) for m in modes],
        "unlike": unlike,
    }


def _basis_note(cmp: Comparison, members) -> str:
    """``依据：云南省 1份（2021年）；昆明市 2份（2019、2023年）※ 年度不同`` for a table whose columns are groups."""
    parts = []
    for g in cmp.groups:
        b = basis(members[g])
        mark = f" ※{'；'.join(b['unlike'])}" if b["unlike"] else ""
        parts.append(f"{g} {b['reports']}份（{b['years_text'] or '年度未注明'}年）{mark}")
    return "依据：" + "；".join(parts)


def _score(conn, cmp: Comparison, members, report_ids) -> None:
    indicators = _indicator_rows(conn, report_ids)
    first_level: list[str] = []
    for rid in report_ids:
        for ind in indicators.get(rid, []):
            if ind["level"] == 1 and ind["name"] not in first_level:
                first_level.append(ind["name"])
    columns = (
        [_group_label(cmp.by, cmp.level), "报告数", "总分", "等级"]
        + [f"{n}得分率(%)" for n in first_level]
        + ["年度", "评价方式", "有总分的报告数", "可比性"]
    )
    rows = []
    series: dict[str, list[float | None]] = {"总分": []}
    for n in first_level:
        series[f"{n}得分率"] = []
    for g in cmp.groups:
        reps = members[g]
        totals = [
            100.0 * float(r["score_total"]) / float(r["score_max"] or 100) if r["score_total"] is not None else None
            for r in reps
        ]
        total = _mean(totals)
        grades = "、".join(sorted({r["grade"] for r in reps if r["grade"]})) or None
        rates = []
        for n in first_level:
            vals = [
                _rate(i["score"], i["weight"])
                for r in reps
                for i in indicators.get(r["report_id"], [])
                if i["level"] == 1 and i["name"] == n
            ]
            rates.append(_mean([v for v in vals if v is not None]))
        b = basis(reps)
        comparable = ("※ " + "；".join(b["unlike"])) if b["unlike"] else (None if len(reps) == 1 else "同类报告")
        rows.append(
            [
                g,
                len(reps),
                total,
                grades,
                *rates,
                b["years_text"] or None,
                "、".join(b["modes"]) or None,
                sum(1 for t in totals if t is not None),
                comparable,
            ]
        )
        series["总分"].append(total)
        for n, v in zip(first_level, rates):
            series[f"{n}得分率"].append(v)
    cmp.tables.append(
        Table(
            "score",
            "评价得分对比（总分折算为百分制；一级指标得分率 = 得分 ÷ 分值）",
            columns,
            rows,
            note="空白：报告未给出该项；总分、得分率为该组报告的平均；※ 该组报告的年度、级次或评价方式不同，"
            "平均仅供参考",
        )
    )
    cmp._charts["score"] = {
        "kind": "bar",
        "title": "评价得分与一级指标得分率",
        "groups": cmp.groups,
        "series": series,
        "ylabel": "分 / %",
        "ylim": (0, 110),
    }


def _indicators(conn, cmp: Comparison, members, report_ids) -> None:
    indicators = _indicator_rows(conn, report_ids)
    keys: list[tuple[int, str, str | None]] = []
    for rid in report_ids:
        for i in indicators.get(rid, []):
            k = (i["level"], i["name"], i["parent"])
            if k not in keys:
                keys.append(k)
    keys.sort(key=lambda k: k[0])  # stable: first-level first, report order within a level
    rows = []
    for lvl, name, parent in keys:
        row: list[Any] = [lvl, name, parent]
        for g in cmp.groups:
            vals = [
                _rate(i["score"], i["weight"])
                for r in members[g]
                for i in indicators.get(r["report_id"], [])
                if (i["level"], i["name"], i["parent"]) == (lvl, name, parent)
            ]
            row.append(_mean([v for v in vals if v is not None]))
        rows.append(row)
    cmp.tables.append(
        Table(
            "indicators",
            "各级指标得分率(%)对比",
            ["级次", "指标", "上级指标", *cmp.groups],
            rows,
            note="得分率 = 指标得分 ÷ 指标分值，为该组报告的平均。" + _basis_note(cmp, members),
        )
    )


def _problem_rows(conn, report_ids: list[str], flt: Filters) -> list[tuple[str, str | None, int]]:
    if not report_ids:
        return []
    where, params = flt.finding_only_where("f")
    kind_clause = "" if flt.finding_kind else "AND f.kind = 'problem'"
    return conn.execute(
        f"SELECT f.report_id, f.category, count(*) FROM findings f WHERE f.report_id IN"
        f" ({','.join('?' * len(report_ids))}) {kind_clause} {('AND ' + where) if where else ''}"
        " GROUP BY f.report_id, f.category",
        [*report_ids, *params],
    ).fetchall()


def _categories(conn, cmp: Comparison, members, report_ids, labels, flt: Filters) -> None:
    counts: dict[tuple[str, str], int] = defaultdict(int)  # (report_id, category) -> n
    for rid, cat, n in _problem_rows(conn, report_ids, flt):
        counts[(rid, cat or "other")] += n
    cats = [c for c in labels if any(k[1] == c for k in counts)] + sorted({k[1] for k in counts if k[1] not in labels})
    matrix = [[sum(counts.get((r["report_id"], c), 0) for r in members[g]) for g in cmp.groups] for c in cats]
    rows = [[labels.get(c, c), c, *vals, sum(vals)] for c, vals in zip(cats, matrix)]
    if rows:
        totals = [sum(m[j] for m in matrix) for j in range(len(cmp.groups))]
        rows.append(["合计", "", *totals, sum(totals)])
    kind = {"problem": "问题", "recommendation": "建议", "experience": "经验"}.get(flt.finding_kind or "problem")
    cmp.tables.append(
        Table(
            "categories",
            f"{kind}类别 × {_group_label(cmp.by, cmp.level)}（条数）",
            ["类别", "类别代码", *cmp.groups, "合计"],
            rows,
            note=_basis_note(cmp, members),
        )
    )
    cmp._charts["categories"] = {
        "kind": "heatmap",
        "title": f"{kind}类别分布（条数）",
        "rows": [labels.get(c, c) for c in cats],
        "cols": cmp.groups,
        "matrix": matrix,
    }


def _recurring(conn, cmp: Comparison, reports, level, labels, flt: Filters) -> None:
    by_id = {r["report_id"]: r for r in reports}
    if not by_id:
        rows: list[list[Any]] = []
    else:
        where, params = flt.finding_only_where("f")
        kind_clause = "" if flt.finding_kind else "AND f.kind = 'problem'"
        cur = conn.execute(
            f"SELECT f.report_id, f.category, f.finding_id, f.title FROM findings f WHERE f.report_id IN"
            f" ({','.join('?' * len(by_id))}) {kind_clause} {('AND ' + where) if where else ''} ORDER BY f.id",
            [*by_id, *params],
        )
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        for rid, cat, _fid, title in cur:
            r = by_id[rid]
            place = _place(r, level)
            if not place or not cat:
                continue
            entry = seen.setdefault((place, cat), {"years": set(), "places": set(), "findings": []})
            entry["years"].update(r["years"])
            entry["places"].add(r["jurisdiction_name"] or place)
            entry["findings"].append(f"{min(r['years']) if r['years'] else ''} {r['jurisdiction_name'] or ''}：{title}")
        rows = []
        for (place, cat), e in seen.items():
            if len(e["years"]) >= 2:
                rows.append(
                    [
                        place,
                        labels.get(cat, cat),
                        cat,
                        "、".join(str(y) for y in sorted(e["years"])),
                        len(e["years"]),
                        len(e["findings"]),
                        "；".join(sorted(e["findings"])),
                    ]
                )
        rows.sort(key=lambda r: (-r[4], -r[5], r[0], r[2]))
    cmp.tables.append(
        Table(
            "recurring",
            f"反复出现的问题（同一{_group_label('jurisdiction', level)}、同一类别、两个及以上年度）",
            ["地区", "类别", "类别代码", "年度", "年度数", "问题条数", "问题"],
            rows,
            note="" if rows else "没有在两个及以上年度重复出现的问题类别",
        )
    )


# ---------------------------------------------------------------------------- output


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v)}"
    return str(v)


def render_text(cmp: Comparison) -> str:
    """The tables as plain text (what ``--format table`` prints when rich is not wanted)."""
    out = io.StringIO()
    for t in cmp.tables:
        out.write(f"{t.title}\n")
        cells = [[_cell(c) for c in row] for row in t.rows]
        widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(t.columns)]
        out.write("  ".join(_pad(h, w) for h, w in zip(t.columns, widths)).rstrip() + "\n")
        for r in cells:
            out.write("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() + "\n")
        if t.note:
            out.write(f"（{t.note}）\n")
        out.write("\n")
    return out.getvalue()


def _pad(s: str, w: int) -> str:
    return s + " " * (w - display_width(s))


def write_csv(cmp: Comparison, out: Path, inputs: Iterable[str | Path] = ()) -> list[Path]:
    """UTF-8 with BOM (Excel shows the Chinese). One metric → ``out``; several → ``out-<metric>.csv``.

    Text cells that a spreadsheet would run as a formula are neutralised (:mod:`jixiao.store.output`)."""
    targets = [
        out if len(cmp.tables) == 1 else out.with_name(f"{out.stem}-{t.name}{out.suffix or '.csv'}") for t in cmp.tables
    ]
    for path in targets:
        check_output(path, inputs)
    for t, path in zip(cmp.tables, targets):
        with atomic_output(path, inputs) as tmp:
            output.write_csv(tmp, t.columns, t.rows)
    return targets


def write_xlsx(cmp: Comparison, out: Path, *, with_charts: bool = True, inputs: Iterable[str | Path] = ()) -> Path:
    """One sheet per metric (frozen header, column widths), and a 图表 sheet with the charts."""
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image as XLImage
    from openpyxl.styles import Font

    sheet_names = {"score": "得分", "indicators": "指标", "categories": "问题类别", "recurring": "反复出现"}
    wb = Workbook()
    wb.remove(wb.active)
    for t in cmp.tables:
        ws, _ = xlsx_sheet(wb, sheet_names.get(t.name, t.name), t.columns, t.rows, wrap_header=True)
        if t.note:
            ws.cell(row=len(t.rows) + 3, column=1, value=t.note)
    if with_charts:
        images = cmp.charts()
        if images:
            ws = wb.create_sheet("图表")
            row = 1
            for title, png in images:
                ws.cell(row=row, column=1, value=title).font = Font(bold=True)
                img = XLImage(io.BytesIO(png))
                ws.add_image(img, f"A{row + 1}")
                row += int(img.height / 20) + 4
    with atomic_output(out, inputs) as tmp:
        save_workbook(wb, tmp)
    return out


def write_png(cmp: Comparison, out: Path, inputs: Iterable[str | Path] = ()) -> Path:
    from .charts import stack_pngs

    check_output(out, inputs)
    images = [png for _, png in cmp.charts()]
    if not images:
        raise ValueError("nothing to chart: the chosen metric has no chart (score and categories have charts)")
    data = stack_pngs(images)
    with atomic_output(out, inputs) as tmp:
        tmp.write_bytes(data)
    return out


def render_html(cmp: Comparison, *, embed_font: bool = True) -> str:
    """One self-contained page: every table, every chart inlined as a base64 PNG, and (``embed_font``)
    the subset of Noto Sans SC its text needs inlined as a web font (:mod:`jixiao.store.webfont`),
    so the tables read the same on a machine without any Chinese font."""
    from .webfont import FAMILY

    title = f"绩效评价对比：按{ {'jurisdiction': '地区', 'year': '年度', 'program': '项目'}[cmp.by] }"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>/*FONT*/body{font-family:'" + FAMILY + "','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;"
        "margin:2em;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;"
        "vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}caption{font-weight:bold;text-align:left;"
        "padding:4px 0}img{max-width:100%;display:block;margin:1em 0}.note{color:#666;font-size:90%}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    if cmp.filters:
        parts.append(f"<p class=note>筛选：{html.escape(json.dumps(cmp.filters, ensure_ascii=False))}</p>")
    charts = dict(cmp.charts())
    for t in cmp.tables:
        parts.append(f"<h2>{html.escape(t.title)}</h2><table>")
        parts.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in t.columns) + "</tr>")
        for row in t.rows:
            parts.append(
                "<tr>"
                + "".join(
                    f"<td class=n>{html.escape(_cell(c))}</td>"
                    if isinstance(c, (int, float))
                    else f"<td>{html.escape(_cell(c))}</td>"
                    for c in row
                )
                + "</tr>"
            )
        parts.append("</table>")
        if t.note:
            parts.append(f"<p class=note>{html.escape(t.note)}</p>")
        spec = cmp._charts.get(t.name)
        if spec and spec["title"] in charts:
            data = base64.b64encode(charts[spec["title"]]).decode("ascii")
            parts.append(f'<img alt="{html.escape(spec["title"])}" src="data:image/png;base64,{data}">')
    parts.append("</body></html>")
    page = "\n".join(parts)
    if embed_font:
        from .webfont import font_face_css

        # Every character of the page, markup included (cheap: a glyph is a few hundred bytes).
        page = page.replace("/*FONT*/", font_face_css(html.unescape(page)), 1)
    return page


def write(
    cmp: Comparison, format: str, out: str | Path | None = None, *, inputs: Iterable[str | Path] = ()
) -> list[Path] | str:
    """Write ``cmp`` as ``format``; ``table`` returns the text instead of writing a file.

    A file is written whole or not at all, never over one of ``inputs`` (the store) and
    never into a missing folder (:class:`jixiao.store.output.OutputError`, a ``ValueError``)."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    inputs = list(inputs)
    if format == "table":
        text = render_text(cmp)
        if out is not None:
            with atomic_output(out, inputs) as tmp:
                tmp.write_text(text, encoding="utf-8")
            return [Path(out)]
        return text
    if out is None:
        out = f"comparison.{format}"
    out = Path(out)
    if format == "csv":
        return write_csv(cmp, out, inputs)
    if format == "xlsx":
        return [write_xlsx(cmp, out, inputs=inputs)]
    if format == "png":
        return [write_png(cmp, out, inputs)]
    check_output(out, inputs)
    page = render_html(cmp)
    with atomic_output(out, inputs) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return [out]


__all__ = [
    "compare",
    "write",
    "render_text",
    "render_html",
    "write_csv",
    "write_xlsx",
    "write_png",
    "Comparison",
    "Table",
    "category_labels",
    "BY",
    "LEVELS",
    "METRICS",
    "FORMATS",
]
