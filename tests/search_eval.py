"""hit@k of a search mode on the query set (tests/search_queries.yaml): used by the search tests
and by bench/search.py, so both count a hit the same way."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yaml"

_SPACE = re.compile(r"\s+")


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def _squash(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def resolve(store, expectation: dict[str, str]) -> set[str]:
    """The finding ids an expectation names: report (path stem) + kind + substring of title or text."""
    needle = _squash(expectation["text"])
    rows = store.conn.execute(
        "SELECT f.finding_id, f.title, f.text FROM findings f JOIN sources s ON s.report_id = f.report_id"
        " WHERE f.kind = ? AND s.path LIKE ?",
        (expectation["kind"], f"%{expectation['report']}%"),
    ).fetchall()
    return {fid for fid, title, text in rows if needle in _squash(title) or needle in _squash(text)}


def evaluate(store, queries: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """hit@1 and hit@3 of ``mode`` over ``queries``; ``misses`` lists the queries missed at 3."""
    from jixiao.store.search import search

    h1 = h3 = 0
    misses = []
    for q in queries:
        expected: set[str] = set()
        for e in q["expect"]:
            expected |= resolve(store, e)
        hits = search(store, q["q"], mode=mode, top=3, kind=q.get("kind"))
        ids = [h.finding_id for h in hits]
        h1 += bool(ids and ids[0] in expected)
        if expected & set(ids):
            h3 += 1
        else:
            misses.append({"q": q["q"], "got": [h.title[:30] for h in hits]})
    n = len(queries)
    return {"mode": mode, "queries": n, "hit@1": h1 / n, "hit@3": h3 / n, "misses": misses}
