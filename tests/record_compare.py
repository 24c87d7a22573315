"""Field-by-field comparison of a record with a gold record (shared by tests and bench)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

GOLD = Path(__file__).parent / "gold"
SCALAR_FIELDS = [
    "title",
    "report_kind",
    "evaluation_mode",
    "years",
    "report_date",
    "jurisdiction",
    "program",
    "evaluated_unit",
    "evaluator",
    "score",
]
LIST_FIELDS = ["indicators", "figures", "checks"]


def load_gold(report: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{report}.json").read_text(encoding="utf-8"))


def _squash(v: Any) -> Any:
    return re.sub(r"\s+", "", v) if isinstance(v, str) else v


def _num(v: Any) -> Any:
    return round(float(v), 6) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def list_keys(field: str, items: list[dict[str, Any]]) -> Counter:
    """What a list field is compared on (pages and free-text details aside)."""
    if field == "indicators":
        return Counter(
            (i.get("code"), i["level"], i["name"], i.get("parent"), _num(i["weight"]), _num(i["score"])) for i in items
        )
    if field == "figures":
        # Names as printed vary in how much of the label they keep (参保人数 / 城乡居民基本养老保险参保人数):
        # a figure is its value, unit and the last two characters of its name (as tests/devset_compare does).
        return Counter((figure_name_key(f["name"]), _num(f["value"]), f["unit"]) for f in items)
    return Counter((c["rule"], c["ok"]) for c in items)


def figure_name_key(name: str) -> str:
    from jixiao.extractor.record.view import squash_fold

    return re.sub(r"[“”\"]", "", squash_fold(name))[-2:]


def f1(got: Counter, want: Counter) -> float:
    if not got and not want:
        return 1.0
    tp = sum((got & want).values())
    p = tp / sum(got.values()) if got else 0.0
    r = tp / sum(want.values()) if want else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def field_scores(
    record: dict[str, Any], gold: dict[str, Any], suffix: str | None = None, bare_programme: bool = False
) -> dict[str, float]:
    """Per field: 1.0/0.0 for scalar fields, F1 for list fields, and with ``suffix`` this rendering's source fields.

    ``bare_programme`` counts a programme with or without a trailing 项目 as the same programme (as
    tests/devset_compare.py does); the benches that rename programmes use it.
    """
    out: dict[str, float] = {}
    for f in SCALAR_FIELDS:
        out[f] = float(_squash(record.get(f)) == _squash(gold.get(f)))
    if bare_programme:
        got, want = record.get("program"), gold.get("program")
        bare = [re.sub("项目$", "", _squash(x or "")) for x in (got, want)]
        out["program"] = float(bare[0] == bare[1] and (got is None) == (want is None))
    for f in LIST_FIELDS:
        out[f] = f1(list_keys(f, record.get(f, [])), list_keys(f, gold.get(f, [])))
    if suffix is None:
        return out
    src = gold["source"][suffix]
    out["source"] = float(all(record["source"].get(k) == v for k, v in src.items()))
    pages = gold.get("indicator_pages", {}).get(suffix)
    if pages is not None:
        out["indicator_pages"] = float(all(i.get("page") == pages for i in record["indicators"]))
    return out
