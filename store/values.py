"""What the store holds, in the users' words: the values a filter can take, with counts,
and why a filter found nothing.

::

    from jixiao.store import Store
    from jixiao.store.values import values, explain_empty

    with Store("jixiao.db") as store:
        for v in values(store, "place"):          # 云南省 (3) / 昆明市 (2) / 呈贡区 (1) …
            print("  " * v.depth + v.label, v.count, v.unit)
        flt = Filters(place="广东")
        print(explain_empty(store, flt))            # no reports in 广东省; the store holds 云南省 (3)

:func:`values` lists ``category``, ``kind`` (finding kinds, then report kinds), ``mode``,
``place`` (provinces with their prefectures and counties), ``program``, ``year`` and
``grade``, each with its code (what JSON and ``--labels codes`` show), its Chinese label
and how many reports (findings, for categories and finding kinds) hold it, within
``filters``.  :func:`explain_empty` says, for a filter that selects nothing, which of its
values the store does not hold and what it holds instead (the nearest names first for
places and programmes); ``None`` when the filter selects something.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from . import labels
from .filters import FINDING, Filters, filter_fields
from .places import LEVELS

WHAT = ("category", "kind", "mode", "place", "program", "year", "grade")


@dataclass
class Value:
    """One value the store holds: ``value`` is the code or name as stored."""

    what: str  # category | kind | report_kind | mode | place | program | year | grade
    value: Any
    label: str
    count: int
    unit: str  # "reports" or "findings"
    depth: int = 0  # places: 0 province, 1 prefecture, 2 county

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _conn(store: Any):
    return store.conn if hasattr(store, "conn") else store


def _report_where(flt: Filters) -> tuple[str, list]:
    where, params = flt.reports_where("r")
    return (f" WHERE {where}" if where else ""), params


def values(store: Any, what: str, filters: Filters | None = None) -> list[Value]:
    """The values of ``what`` the store holds within ``filters``, with counts (see module docstring)."""
    if what not in WHAT:
        raise ValueError(f"what must be one of {', '.join(WHAT)}, not {what!r}")
    conn = _conn(store)
    flt = filters or Filters()
    w, params = _report_where(flt)
    if what in ("category", "kind"):
        fw, fp = flt.findings_where("f")
        col = "category" if what == "category" else "kind"
        rows = conn.execute(
            f"SELECT f.{col}, count(*) FROM findings f{' WHERE ' + fw if fw else ''} GROUP BY f.{col}", fp
        ).fetchall()
        vocab = "category" if what == "category" else "kind"
        order = list(labels.labels(vocab))
        rows.sort(key=lambda r: (order.index(r[0]) if r[0] in order else len(order), -r[1], str(r[0])))
        out = [Value(vocab, v, labels.label(vocab, v) or "（未分类）", n, "findings") for v, n in rows]
        if what == "kind":
            rk = conn.execute(
                f"SELECT r.report_kind, count(*) FROM reports r{w} GROUP BY 1 ORDER BY 2 DESC, 1", params
            ).fetchall()
            out += [
                Value("report_kind", v, labels.label("report_kind", v) or "（未注明）", n, "reports") for v, n in rk
            ]
        return out
    if what in ("mode", "grade", "program"):
        col = {"mode": "evaluation_mode", "grade": "grade", "program": "program"}[what]
        rows = conn.execute(
            f"SELECT r.{col}, count(*) FROM reports r{w} GROUP BY 1 ORDER BY 2 DESC, 1", params
        ).fetchall()
        coded = {"mode": "mode", "grade": "grade"}.get(what)
        return [Value(what, v, (labels.label(coded, v) if coded else v) or "（未注明）", n, "reports") for v, n in rows]
    if what == "year":
        rows = conn.execute(
            f"SELECT j.value, count(DISTINCT r.report_id) FROM reports r, json_each(r.years) j{w}"
            " GROUP BY 1 ORDER BY 1",
            params,
        ).fetchall()
        return [Value("year", int(v), f"{int(v)}年", n, "reports") for v, n in rows]
    # place: each report counts at every level of its chain; a place outside the table by its name.
    rows = conn.execute(
        f"SELECT r.province, r.prefecture, r.county, r.jurisdiction_name FROM reports r{w}", params
    ).fetchall()
    tree: dict[tuple, int] = {}
    for prov, pref, county, name in rows:
        chain = [x for x in (prov, pref, county) if x] or [name or "（未注明）"]
        for i in range(len(chain)):
            key = tuple(chain[: i + 1])
            tree[key] = tree.get(key, 0) + 1

    def walk(prefix: tuple) -> list[Value]:
        kids = sorted(
            (k for k in tree if len(k) == len(prefix) + 1 and k[: len(prefix)] == prefix),
            key=lambda k: (-tree[k], k[-1]),
        )
        out = []
        for k in kids:
            out.append(Value("place", k[-1], k[-1], tree[k], "reports", len(prefix)))
            out += walk(k)
        return out

    return walk(())


# ------------------------------------------------------------------------------------ empty results
_SHOWN = 6  # values named in a message


def _single(flt: Filters, name: str) -> Filters:
    """``flt`` with only field ``name`` (its place fields together: a place is one filter)."""
    keep = set(LEVELS) | {"place"} if name in LEVELS or name == "place" else {name}
    values = {f.name: getattr(flt, f.name) for f in fields(flt) if f.name in keep}
    out = type(flt)()
    for k, v in values.items():  # already codes and official names: set, not parsed again
        setattr(out, k, v)
    return out


def _count(conn, flt: Filters, findings: bool) -> int:
    if findings:
        where, params = flt.findings_where("f")
        return conn.execute(f"SELECT count(*) FROM findings f{' WHERE ' + where if where else ''}", params).fetchone()[
            0
        ]
    w, params = _report_where(flt)
    return conn.execute(f"SELECT count(*) FROM reports r{w}", params).fetchone()[0]


def _asked(flt: Filters, name: str) -> str:
    """The filter's value in words (official names, Chinese labels)."""
    if name in LEVELS or name == "place":
        parts = [getattr(flt, lv) for lv in LEVELS if getattr(flt, lv)] + ([flt.place] if flt.place else [])
        return parts[-1]  # the smallest unit named (its province is implied)
    value = getattr(flt, name)
    if name == "years":
        lo, hi = value
        return f"{lo}年" if lo == hi else f"{lo or ''}–{hi or ''}年"
    # The vocabulary the value is a code of (kind: finding kinds or report kinds).
    words = dict(filter_fields(type(flt)))[name].words
    vocab = next((v for v in words if value in labels.labels(v)), None)
    return (labels.label(vocab, value) or str(value)) if vocab else str(value)


def _holdings(store: Any, flt: Filters, name: str) -> str:
    """What the store holds for the dimension of filter ``name``: ``云南省 (3), 山西省 (1)``."""
    asked = _asked(flt, name)
    if name in LEVELS or name == "place":
        depth = max([LEVELS.index(lv) for lv in LEVELS if getattr(flt, lv)] or [0])
        held = [v for v in values(store, "place") if v.depth == depth] or [
            v for v in values(store, "place") if v.depth == 0
        ]
        return _near(asked, held)
    what = {
        "years": "year",
        "program": "program",
        "category": "category",
        "evaluation_mode": "mode",
        "grade": "grade",
        "kind": "kind",
    }.get(name)
    if what is None:
        held = values(store, "place") if name == "adcode" else _column_values(store, flt, name)
        return _near(asked, held)
    held = values(store, what)
    if name == "kind":
        finding = flt.kind in labels.FINDING_KINDS
        held = [v for v in held if (v.what == "kind") == finding]
    if name == "years":
        lo, hi = flt.years or (None, None)
        mid = ((lo or hi or 0) + (hi or lo or 0)) / 2
        held = sorted(held, key=lambda v: (abs(v.value - mid), v.value))
        return ", ".join(f"{v.value} ({v.count})" for v in held[:_SHOWN])
    return _near(asked, held, by_name=name == "program")


def _column_values(store: Any, flt: Filters, name: str) -> list[Value]:
    """A filter that :func:`values` does not list: the values of its (first) column in the store."""
    match = dict(filter_fields(type(flt)))[name].matches[0]
    table, column = ("findings", match.columns[0]) if match.level == FINDING else ("reports", match.columns[0])
    rows = _conn(store).execute(f"SELECT {column}, count(*) FROM {table} GROUP BY 1 ORDER BY 2 DESC").fetchall()
    return [Value(name, v, str(v), n, table) for v, n in rows]


def _near(asked: str, held: list[Value], by_name: bool = True) -> str:
    held = sorted((v for v in held if v.value is not None), key=lambda v: -v.count)
    if not held:
        return "nothing"
    if by_name and len(held) > _SHOWN:
        from rapidfuzz import fuzz

        held = sorted(held, key=lambda v: (-fuzz.partial_ratio(asked, v.label), -v.count))
    shown = ", ".join(f"{v.label} ({v.count})" for v in held[:_SHOWN])
    return shown + (f" and {len(held) - _SHOWN} more" if len(held) > _SHOWN else "")


def is_empty(store: Any) -> bool:
    """True when the store holds no report."""
    return _conn(store).execute("SELECT count(*) FROM reports").fetchone()[0] == 0


def explain_empty(store: Any, filters: Filters | None = None, *, findings: bool = False) -> str | None:
    """Why ``filters`` select no report (no finding, with ``findings=True``); ``None`` when they do.

    Names each filter value the store does not hold and what it holds instead
    (``no reports in 广东省; the store holds 云南省 (3), 山西省 (1)``); when every value is
    held but not together, names each with its own count.
    """
    conn = _conn(store)
    flt = filters or Filters()
    if is_empty(conn):
        return "the store is empty: no reports imported yet (jixiao import FOLDER)"
    findings = findings or flt.filters_findings
    if _count(conn, flt, findings):
        return None
    unit = "findings" if findings else "reports"
    set_fields = [f.name for f in fields(flt) if getattr(flt, f.name) not in (None, "")]
    names: list[str] = []
    for n in set_fields:  # a place is one filter, whichever of its fields are set
        key = "place" if n in LEVELS else n
        if key not in names:
            names.append(key)
    if not names:
        return f"the store holds no {unit}"
    missing: list[tuple[str, int, bool]] = []
    held: list[tuple[str, int, bool]] = []
    for n in names:
        single = _single(flt, n)
        by_findings = findings and flt.is_finding_level(n)
        k = _count(conn, single, by_findings)
        (held if k else missing).append((n, k, by_findings))
    if missing:
        parts = []
        for n, _, by_findings in missing:
            what = "findings" if by_findings else "reports"
            parts.append(f"no {what} {_preposition(n)} {_asked(flt, n)}; the store holds {_holdings(store, flt, n)}")
        return "; ".join(parts)
    each = ", ".join(f"{_asked(flt, n)} ({_n(k, 'finding' if f else 'report')})" for n, k, f in held)
    return f"no {unit} match all the filters together; each alone matches: {each}"


def _n(k: int, noun: str) -> str:
    return f"{k} {noun}" + ("" if k == 1 else "s")


def _preposition(name: str) -> str:
    return {
        "years": "for",
        "program": "for programme",
        "category": "in category",
        "kind": "of kind",
        "evaluation_mode": "by",
        "grade": "graded",
        "adcode": "for adcode",
    }.get(name, "in")


def describe(flt: Filters) -> dict[str, str]:
    """The filter in words, field by field (for messages and page headings)."""
    out = {}
    for f in fields(flt):
        if getattr(flt, f.name) not in (None, ""):
            out[f.name] = _asked(flt, f.name)
    return out


__all__ = ["values", "explain_empty", "is_empty", "describe", "Value", "WHAT"]
