"""What each page of ``jixiao serve`` shows, as plain Python over a store — no web framework.

Every function takes a :class:`~jixiao.store.Store` (the web app passes a :class:`StoreView`
over Datasette's read-only connection) and the page's query parameters (a mapping of
strings), checks them — a bad value raises :class:`BadRequest` with the reason, an unknown
id :class:`NotFound` — calls the library and returns a dict for the template (and, for the
``.json`` pages, for ``json.dumps``):

=====================  ==========================================  ===============================
page                   function                                    library call
=====================  ==========================================  ===============================
``/search``            :func:`search_page`                         ``Store.search`` (hybrid)
``/findings/{id}/similar``  :func:`similar_page`                   ``Store.similar``
``/reports/{id}``      :func:`report_page`                         ``Store.record``, ``mapping.fields``
``/findings/{id}``     :func:`finding_page`                        :mod:`.evidence` (page, span, words)
``/reports/{id}/evidence/{key}``  :func:`evidence_page`            :mod:`.evidence`
``/compare``           :func:`compare_page`, :func:`compare_file`  ``Store.compare``, ``compare.write_*``
``/status``            :func:`status_page`                         ``Store.stats``, ``import_errors``
=====================  ==========================================  ===============================

::

    from jixiao.store import Store
    from jixiao.store.web import pages

    with Store("jixiao.db") as store:
        data = pages.search_page(store, {"q": "数据不共享", "province": "云南"})
        data["hits"][0]["finding_id"]
"""

from __future__ import annotations

import csv
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from sqlite_utils import Database

from ..db import Store
from .. import labels as _labels
from ..filters import FINDING_KINDS, Filters, filter_fields
from . import evidence
from ..mapping import json_list

PAGE_SIZE = 20
MAX_PAGE = 10  # hybrid search fuses at most 2 × 100 candidates
MAX_QUERY = 500  # characters
MAX_VALUE = 100  # characters of any other parameter
MARKS = ("\ue000", "\ue001")  # private-use marks around matched words, turned into <mark> by the template
MODES = {"hybrid": "综合（词语 + 语义）", "keyword": "按词语", "semantic": "按语义"}
# One vocabulary with the CLI and the exports (jixiao.store.labels: contract codes ↔ Chinese labels)
KINDS = _labels.labels("kind")
REPORT_KINDS = _labels.labels("report_kind")
MODES_OF_EVALUATION = _labels.labels("mode")
LEVELS = {"province": "省", "prefecture": "市（州）", "county": "县（市、区）"}
BY = {"jurisdiction": "地区", "year": "年度", "program": "项目"}
METRICS = {"score": "评价得分", "indicators": "指标得分率", "categories": "问题类别", "recurring": "反复出现的问题"}


class BadRequest(ValueError):
    """A parameter the page cannot use: ``str(err)`` is the reason, shown with a 400."""


class NotFound(LookupError):
    """An unknown report, finding or evidence key: shown with a 404."""


class StoreView(Store):
    """A :class:`~jixiao.store.Store` over a connection someone else opened and owns (Datasette's
    read-only one): nothing is migrated or written, and :meth:`close` leaves it open."""

    def __init__(self, conn: Any, path: str | Path | None = None):  # noqa: D107 - no super(): no open, no migrate
        self.path = Path(path) if path else Path("jixiao.db")
        self.conn = conn
        self.db = Database(conn)
        self._index = None
        self._index_version = None

    def close(self) -> None:
        pass


# ----------------------------------------------------------------------------- parameters
def _get(params: Mapping[str, Any], name: str, limit: int = MAX_VALUE) -> str | None:
    value = params.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    value = str(value).strip()
    if "\x00" in value:
        raise BadRequest(f"{name}: contains a NUL character")
    if len(value) > limit:
        raise BadRequest(f"{name} is too long ({len(value):,} characters; at most {limit:,})")
    return value or None


def _choice(
    params: Mapping[str, Any], name: str, allowed: Mapping[str, str] | Sequence[str], default: str | None
) -> str | None:
    value = _get(params, name)
    if value is None:
        return default
    if value not in allowed:
        raise BadRequest(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _page_number(params: Mapping[str, Any], last: int | None = MAX_PAGE) -> int:
    value = _get(params, "page")
    if value is None:
        return 1
    if not value.isdigit() or int(value) < 1 or (last is not None and int(value) > last):
        raise BadRequest(f"page must be a whole number from 1{f' to {last}' if last else ''}, not {value!r}")
    return int(value)


@lru_cache(maxsize=1)
def divisions() -> list[tuple[str, str, str, str]]:
    """``(code, name, level, parent_code)`` of the GB/T 2260 table (``patterns/divisions.csv``)."""
    from ...patterns import path

    with open(path("divisions.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return [(r["code"], r["name"], r["level"], r.get("parent_code") or "") for r in rows]


def _province_code(code: str) -> str:
    return code[:2] + "0000"


def place_options(store: Any, province: str | None = None, prefecture: str | None = None) -> dict[str, list[str]]:
    """Names for the place filters: every province of the GB/T 2260 table; the prefectures and
    counties of the chosen province (or prefecture) from the table, else those the store holds."""
    table = divisions()
    provinces = [name for code, name, level, _ in table if level == "province"]
    stored = {
        col: sorted({r[0] for r in store.conn.execute(f"SELECT DISTINCT {col} FROM reports WHERE {col} IS NOT NULL")})
        for col in ("prefecture", "county")
    }
    if province:
        codes = {code for code, name, level, _ in table if level == "province" and province in name}
        prefectures = [n for c, n, lv, _ in table if lv == "prefecture" and _province_code(c) in codes]
        pref_codes = {c for c, n, lv, _ in table if lv == "prefecture" and (prefecture or "\uffff") in n}
        counties = [
            n
            for c, n, lv, parent in table
            if lv == "county" and (parent in pref_codes if prefecture else _province_code(c) in codes)
        ]
    else:
        prefectures, counties = stored["prefecture"], stored["county"]
    return {"provinces": provinces, "prefectures": prefectures, "counties": counties}


def _known_place(store: Any, level: str, value: str) -> bool:
    if any(level == lv and value in name for _, name, lv, _ in divisions()):
        return True
    row = store.conn.execute(f"SELECT 1 FROM reports WHERE instr({level}, ?) > 0 LIMIT 1", (value,)).fetchone()
    return row is not None


def categories() -> dict[str, str]:
    from ..compare import category_labels

    return category_labels()


def parse_filters(
    store: Any, params: Mapping[str, Any], *, finding_kinds_only: bool = False
) -> tuple[Filters, dict[str, str]]:
    """The :class:`Filters` a page's parameters ask for, and the raw values (for the form).

    Places must name (a part of) a division of that level in the GB/T 2260 table or in the
    store; years read as ``2021``, ``2019-2023``, ``2019-``; ``kind`` is a finding kind (or,
    on the compare page, a report kind); ``category`` a taxonomy key."""
    raw: dict[str, Any] = {}
    # Every filter of the list (the form shows seven of them; adcode, evaluation_mode, grade and
    # place work from the address, as on the command line).
    for name, _ in filter_fields():
        value = _get(params, name)
        if value is not None:
            raw[name] = value
    # The library reads the users' words (Chinese labels, synonyms, places at any level, years
    # as 2021年 / 2019至2021年: store/filters.py); the page only checks what it then holds.
    try:
        filters = Filters(**raw)
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    for level, label in (("province", "省份"), ("prefecture", "市（州）"), ("county", "县（市、区）")):
        value = getattr(filters, level)
        if value and not _known_place(store, level, value):
            raise BadRequest(
                f"{level}: no {label} named {raw.get(level, value)!r} in the GB/T 2260 table or in this store"
            )
    if filters.kind and finding_kinds_only and filters.kind not in FINDING_KINDS:
        raise BadRequest(f"kind must be one of {', '.join(FINDING_KINDS)}, not {raw['kind']!r}")
    if filters.category:
        known = set(categories())
        known |= {r[0] for r in store.conn.execute("SELECT DISTINCT category FROM findings WHERE category IS NOT NULL")}
        if filters.category not in known:
            raise BadRequest(
                f"category must be a taxonomy key or its label ({', '.join(sorted(categories()))}), "
                f"not {raw['category']!r}"
            )
    return filters, raw


def _form(store: Any, raw: Mapping[str, str]) -> dict[str, Any]:
    return {
        "places": place_options(store, raw.get("province"), raw.get("prefecture")),
        "categories": categories(),
        "kinds": KINDS,
        "modes": MODES,
    }


# ----------------------------------------------------------------------------- search
def _parts(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as ``(text, matched)`` pieces (the template escapes each)."""
    out: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        i = rest.find(MARKS[0])
        if i < 0:
            out.append((rest, False))
            break
        j = rest.find(MARKS[1], i)
        if j < 0:
            out.append((rest.replace(MARKS[0], ""), False))
            break
        if i:
            out.append((rest[:i], False))
        out.append((rest[i + 1 : j], True))
        rest = rest[j + 1 :]
    return out


def hit_view(hit: Any) -> dict[str, Any]:
    """One :class:`~jixiao.store.search.SearchHit` for a page: its fields, the snippet in
    pieces, labels for kind and category."""
    d = hit.to_dict()
    d["snippet"] = d["snippet"].replace(MARKS[0], "【").replace(MARKS[1], "】")
    d["parts"] = _parts(hit.snippet)
    d["kind_label"] = KINDS.get(hit.kind, hit.kind)
    d["category_label"] = categories().get(hit.category or "", hit.category)
    d["place"] = " ".join(x for x in dict.fromkeys([hit.province, hit.prefecture, hit.county]) if x) or hit.jurisdiction
    return d


def search_page(store: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """``/search?q=…&province=…&prefecture=…&county=…&years=…&program=…&kind=…&category=…&mode=…&page=…``:
    :meth:`Store.search` (hybrid by default), :data:`PAGE_SIZE` hits a page."""
    from ..search import SearchError
    from ..vectors import VectorModelMismatch, vector_coverage

    q = _get(params, "q", MAX_QUERY) or ""
    filters, raw = parse_filters(store, params, finding_kinds_only=True)
    mode = _choice(params, "mode", MODES, "hybrid")
    page = _page_number(params)
    hits: list[Any] = []
    note = None
    if q:
        try:
            found = store.search(q, filters, mode=mode, top=page * PAGE_SIZE + 1, mark=MARKS, width=160)
        except (SearchError, VectorModelMismatch) as exc:
            raise BadRequest(str(exc).split(": ", 1)[-1]) from None
        hits = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        has_next = len(found) > page * PAGE_SIZE and page < MAX_PAGE
        have, total = vector_coverage(store.conn)
        if mode != "keyword" and have < total:
            note = f"{total - have} / {total} 条发现尚无语义向量，只能按词语检索到（运行 jixiao index）。"
    else:
        has_next = False
    counts = store.conn.execute("SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM findings)").fetchone()
    return {
        "q": q,
        "mode": mode,
        "filters": raw,
        "page": page,
        "page_size": PAGE_SIZE,
        "has_next": has_next,
        "hits": [hit_view(h) for h in hits],
        "note": note,
        "reports": counts[0],
        "findings": counts[1],
        "form": _form(store, raw),
    }


def similar_page(store: Any, finding_id: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """``/findings/{id}/similar``: :meth:`Store.similar` — the same issue in other reports."""
    from ..search import SearchError, finding

    target = _finding_target(store, finding_id)
    filters, raw = parse_filters(store, params, finding_kinds_only=True)
    any_kind = _choice(params, "any_kind", ("0", "1"), "0") == "1"
    source = finding(store, target.key)
    assert source is not None  # _finding_target found it
    try:
        hits = store.similar(target.key, filters, top=PAGE_SIZE, same_kind=not any_kind, mark=MARKS, width=160)
        note = None
    except SearchError as exc:
        hits, note = [], str(exc).split(": ", 1)[-1]
    return {
        "finding": _finding_view(source),
        "hits": [hit_view(h) for h in hits],
        "filters": raw,
        "any_kind": any_kind,
        "note": note,
        "form": _form(store, raw),
    }


def _finding_view(row: Mapping[str, Any]) -> dict[str, Any]:
    d = dict(row)
    d["years"] = json_list(d.get("years"))
    d["kind_label"] = KINDS.get(d.get("kind") or "", d.get("kind"))
    d["category_label"] = categories().get(d.get("category") or "", d.get("category"))
    return d


# ----------------------------------------------------------------------------- report
def _finding_target(store: Any, finding_id: str) -> evidence.Target:
    try:
        return evidence.finding_target(store, finding_id)
    except evidence.EvidenceError as exc:
        raise NotFound(str(exc)) from None


def report_page(store: Any, report_id: str) -> dict[str, Any]:
    """``/reports/{report_id}``: the record (:meth:`Store.record`) laid out for reading — fields
    with their evidence, indicators by tier, findings by kind, figures, checks (failed first)."""
    from ..mapping import fields

    try:
        rid = evidence.resolve_report_id(store, report_id)
    except evidence.EvidenceError as exc:
        raise NotFound(str(exc)) from None
    record = store.record(rid)
    ids = store.conn.execute(
        "SELECT finding_id, kind, ordinal FROM findings WHERE report_id = ? ORDER BY id", (rid,)
    ).fetchall()
    labels = categories()
    problems = {f.ordinal: f for f in record.findings if f.kind == "problem"}
    problem_ids = {o: fid for fid, k, o in ids if k == "problem"}
    groups: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for (fid, _k, _o), f in zip(ids, record.findings):
        answered = problems.get(f.responds_to) if f.kind == "recommendation" and f.responds_to else None
        groups.setdefault(f.kind, []).append(
            {
                "finding_id": fid,
                "kind": f.kind,
                "ordinal": f.ordinal,
                "title": f.title,
                "text": f.text,
                "category": f.category,
                "category_label": labels.get(f.category or "", f.category),
                "page": f.page,
                "responds_to": f.responds_to,
                "answers": answered.title if answered else None,
                "answers_id": problem_ids.get(f.responds_to) if answered else None,
            }
        )
    row = store.conn.execute(
        "SELECT d.path, d.format, d.pages, d.ocr FROM reports r JOIN documents d"
        " ON d.doc_id = r.doc_id WHERE r.report_id = ?",
        (rid,),
    ).fetchone()
    sources = [
        dict(zip(("path", "format", "ocr", "is_primary"), r))
        for r in store.conn.execute(
            "SELECT path, format, ocr, is_primary FROM sources WHERE report_id = ? ORDER BY is_primary DESC, path",
            (rid,),
        )
    ]
    field_rows = []
    for fv in fields(record):
        value = _CODE_LABELS.get(fv.key, {}).get(fv.text or "", fv.text)  # the record's codes, in Chinese
        field_rows.append(
            {
                "key": fv.key,
                "label": evidence.FIELD_LABELS.get(fv.key, fv.key),
                "value": value,
                "evidence": fv.evidence.to_dict() if fv.evidence else None,
                "note": _note_zh(fv.note),
            }
        )
    indicators = [{"ordinal": n, **i.to_dict()} for n, i in enumerate(record.indicators, start=1)]
    figures = [{"ordinal": n, **f.to_dict()} for n, f in enumerate(record.figures, start=1)]
    checks = [{"ordinal": n, **c.to_dict()} for n, c in enumerate(record.checks, start=1)]
    checks.sort(key=lambda c: (c["ok"], c["ordinal"]))
    return {
        "report_id": rid,
        "record": record.to_dict(),
        "fields": field_rows,
        "findings": groups,
        "indicators": indicators,
        "figures": figures,
        "checks": checks,
        "failed_checks": sum(1 for c in checks if not c["ok"]),
        "sources": sources,
        "source": {"path": row[0], "format": row[1], "pages": row[2], "ocr": bool(row[3])},
        "mode_label": MODES_OF_EVALUATION.get(record.evaluation_mode or "", record.evaluation_mode),
        "kind_label": REPORT_KINDS.get(record.report_kind or "", record.report_kind),
    }


_CODE_LABELS = {"report_kind": REPORT_KINDS, "evaluation_mode": MODES_OF_EVALUATION}


def _note_zh(note: str | None) -> str | None:
    return {
        "derived from the score": "由得分推算",
        "default (not printed)": "默认值（报告未写明）",
        "no evidence": "无原文位置",
    }.get(note or "", note)


# ----------------------------------------------------------------------------- evidence
def _evidence_view(
    store: Any, target: evidence.Target, page: int | None, roots: Sequence[str | Path]
) -> dict[str, Any]:
    # Beside a page image a short passage will do; for a Word or text source it is all there is to read
    psg = evidence.passage(store, target, context=160 if target.format in evidence.PDF_FORMATS else 600)
    image = None
    image_note = None
    if target.format not in evidence.PDF_FORMATS:
        image_note = f"报告的来源是 {target.format.upper()} 文件，没有页面图像：下面是原文中的这段文字及其上下文。"
    elif target.page is None and page is None:
        image_note = "这一项没有页码。"
    else:
        try:
            img = evidence.page_image(store, target, page, roots=roots)
            image = {
                "page": img.page,
                "width": img.width,
                "height": img.height,
                "boxes": len(img.boxes),
                "method": img.method,
                "complete": img.complete,
                "note": img.note,
                "continues": img.continues,
            }
        except evidence.EvidenceError as exc:
            image_note = _image_problem(str(exc))
    report = store.conn.execute(
        "SELECT title, jurisdiction_name, years, program FROM reports WHERE report_id = ?", (target.report_id,)
    ).fetchone()
    return {
        "target": {
            "report_id": target.report_id,
            "key": target.key,
            "kind": target.kind,
            "label": target.label,
            "value": target.value,
            "page": target.page,
            "span": list(target.span) if target.span else None,
            "format": target.format,
            "pages": target.pages,
        },
        "passage": {"before": psg.before, "words": psg.words, "after": psg.after, "start": psg.start, "end": psg.end},
        "image": image,
        "image_note": image_note,
        "shown_page": (image or {}).get("page") or page or target.page,
        "report": {
            "report_id": target.report_id,
            "title": report[0],
            "jurisdiction": report[1],
            "years": json_list(report[2]),
            "program": report[3],
        },
    }


def _image_problem(reason: str) -> str:
    if "not on this machine" in reason:
        return (
            "找不到报告的源文件（导入后被移动或删除），无法显示页面图像：下面是存储的原文文字。"
            "可用 jixiao serve --sources 目录 指明源文件所在位置。"
        )
    if "is not in" in reason:
        return "报告中没有这一页。"
    return reason


def finding_page(
    store: Any, finding_id: str, params: Mapping[str, Any] = {}, *, roots: Sequence[str | Path] = ()
) -> dict[str, Any]:
    """``/findings/{finding_id}``: the finding with its page image (its words boxed) and the passage."""
    from ..search import finding

    target = _finding_target(store, finding_id)
    page = _optional_page(params, target)
    data = _evidence_view(store, target, page, roots)
    found = finding(store, target.key)
    assert found is not None  # _finding_target found it
    row = _finding_view(found)
    extra = store.conn.execute(
        "SELECT ordinal, responds_to FROM findings WHERE finding_id = ?", (target.key,)
    ).fetchone()
    row["ordinal"], row["responds_to"] = extra
    data["finding"] = row
    answers = []
    if row["kind"] == "recommendation" and row.get("responds_to"):
        answers = store.conn.execute(
            "SELECT finding_id, title FROM findings WHERE report_id = ? AND kind = 'problem' AND ordinal = ?",
            (target.report_id, row["responds_to"]),
        ).fetchall()
    answered_by = []
    if row["kind"] == "problem":
        answered_by = store.conn.execute(
            "SELECT finding_id, title FROM findings WHERE report_id = ? AND"
            " kind = 'recommendation' AND responds_to = ? ORDER BY id",
            (target.report_id, row["ordinal"]),
        ).fetchall()
    data["answers"] = [{"finding_id": a, "title": b} for a, b in answers]
    data["answered_by"] = [{"finding_id": a, "title": b} for a, b in answered_by]
    return data


def evidence_page(
    store: Any, report_id: str, key: str, params: Mapping[str, Any] = {}, *, roots: Sequence[str | Path] = ()
) -> dict[str, Any]:
    """``/reports/{report_id}/evidence/{key}``: a field (``score.total`` …), ``indicator-N``,
    ``figure-N`` or ``check-N`` on its page."""
    try:
        target = evidence.report_target(store, report_id, key)
    except evidence.EvidenceError as exc:
        raise NotFound(str(exc)) from None
    return _evidence_view(store, target, _optional_page(params, target), roots)


def _optional_page(params: Mapping[str, Any], target: evidence.Target) -> int | None:
    value = _get(params, "page")
    if value is None:
        return None
    if not value.isdigit() or not 1 <= int(value) <= (target.pages or 100_000):
        raise BadRequest(f"page must be a page of the report (1 to {target.pages or '?'}), not {value!r}")
    return int(value)


def evidence_png(
    store: Any, target_or_finding: Any, params: Mapping[str, Any] = {}, *, roots: Sequence[str | Path] = ()
) -> evidence.PageImage:
    """The PNG behind ``/findings/{id}/evidence.png`` and ``/reports/{id}/evidence/{key}.png``."""
    target = target_or_finding
    if isinstance(target, str):
        target = _finding_target(store, target)
    page = _optional_page(params, target)
    try:
        return evidence.page_image(store, target, page, roots=roots)
    except evidence.EvidenceError as exc:
        raise NotFound(str(exc)) from None


def report_evidence_target(store: Any, report_id: str, key: str) -> evidence.Target:
    try:
        return evidence.report_target(store, report_id, key)
    except evidence.EvidenceError as exc:
        raise NotFound(str(exc)) from None


# ----------------------------------------------------------------------------- compare
def _compare_args(store: Any, params: Mapping[str, Any]) -> tuple[str, str | None, str, Filters, dict[str, str]]:
    by = _choice(params, "by", BY, "jurisdiction")
    level = _choice(params, "level", LEVELS, None)
    metric = _choice(params, "metric", METRICS, "score")
    filters, raw = parse_filters(store, params)
    return by, level, metric, filters, raw  # type: ignore[return-value]


def _cell(v: Any) -> str:
    from ..compare import _cell as cell

    return cell(v)


def compare_page(store: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """``/compare?by=…&level=…&metric=…`` (+ filters): the table of :meth:`Store.compare`, and
    whether it has a chart (``/compare/chart.png`` with the same parameters)."""
    by, level, metric, filters, raw = _compare_args(store, params)
    cmp = store.compare(by, level=level, metric=metric, filters=filters)
    tables = []
    for t in cmp.tables:
        rows = [
            [{"text": _cell(c), "number": isinstance(c, (int, float)) and not isinstance(c, bool)} for c in r]
            for r in t.rows
        ]
        tables.append({"name": t.name, "title": t.title, "columns": t.columns, "rows": rows, "note": t.note})
    return {
        "by": by,
        "level": level,
        "metric": metric,
        "filters": raw,
        "groups": cmp.groups,
        "tables": tables,
        "has_chart": metric in ("score", "categories") and bool(cmp.groups) and any(t["rows"] for t in tables),
        "comparison": cmp.to_dict(),
        "form": {**_form(store, raw), "by": BY, "levels": LEVELS, "metrics": METRICS},
    }


def compare_file(store: Any, params: Mapping[str, Any], fmt: str) -> tuple[bytes, str, str]:
    """``/compare?…&format=xlsx|csv``: exactly the table the page shows, as ``(bytes, file name, type)``.
    XLSX by :func:`jixiao.store.compare.write_xlsx` (with its chart sheet), CSV (UTF-8 with BOM)
    by :func:`~jixiao.store.compare.write_csv`."""
    from ..compare import write_csv, write_xlsx

    by, level, metric, filters, _raw = _compare_args(store, params)
    cmp = store.compare(by, level=level, metric=metric, filters=filters)
    name = f"jixiao-compare-{by}{'-' + level if level else ''}-{metric}.{fmt}"
    with tempfile.TemporaryDirectory(prefix="jixiao-web-") as tmp:
        out = Path(tmp) / name
        if fmt == "xlsx":
            write_xlsx(cmp, out)
            ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        elif fmt == "csv":
            write_csv(cmp, out)
            ctype = "text/csv; charset=utf-8"
        else:
            raise BadRequest(f"format must be xlsx, csv or json, not {fmt!r}")
        return out.read_bytes(), name, ctype


def compare_chart(store: Any, params: Mapping[str, Any]) -> bytes:
    """``/compare/chart.png``: the chart of the comparison the page shows (Noto Sans SC labels)."""
    from ..charts import stack_pngs

    by, level, metric, filters, _raw = _compare_args(store, params)
    cmp = store.compare(by, level=level, metric=metric, filters=filters)
    images = [png for _, png in cmp.charts()]
    if not images:
        raise NotFound(f"the {metric} comparison has no chart")
    return images[0] if len(images) == 1 else stack_pngs(images)


# ----------------------------------------------------------------------------- status
ERRORS_PAGE = 50


def status_page(store: Any, params: Mapping[str, Any] = {}) -> dict[str, Any]:
    """``/status``: what the store holds (:meth:`Store.stats`) and every import error with its reason."""
    page = _page_number(params, last=None)
    stats = store.stats()
    total = store.conn.execute("SELECT count(*) FROM import_errors").fetchone()[0]
    errors = store._dicts(
        "SELECT e.import_id, i.started_at, e.path, e.sha256, e.reason FROM import_errors e"
        " LEFT JOIN imports i USING (import_id) ORDER BY e.import_id DESC, e.id LIMIT ? OFFSET ?",
        [ERRORS_PAGE, (page - 1) * ERRORS_PAGE],
    )
    imports = store._dicts("SELECT * FROM imports ORDER BY import_id DESC LIMIT 20")
    from ..vectors import stored_model, vector_coverage

    have, n = vector_coverage(store.conn)
    model = stored_model(store.conn)
    return {
        "stats": stats,
        "errors": errors,
        "errors_total": total,
        "page": page,
        "has_next": page * ERRORS_PAGE < total,
        "imports": imports,
        "vectors": {"have": have, "total": n, "model": model.name if model else None},
        "labels": {
            "by_evaluation_mode": MODES_OF_EVALUATION,
            "by_report_kind": REPORT_KINDS,
            "findings_by_kind": KINDS,
        },
    }


__all__ = [
    "search_page",
    "similar_page",
    "report_page",
    "finding_page",
    "evidence_page",
    "evidence_png",
    "compare_page",
    "compare_file",
    "compare_chart",
    "status_page",
    "parse_filters",
    "place_options",
    "divisions",
    "StoreView",
    "BadRequest",
    "NotFound",
    "PAGE_SIZE",
]
