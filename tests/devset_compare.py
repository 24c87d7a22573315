"""The development set (tests/devset/): items, their halves, and per-field scoring.

Items are split in two halves **by source site**, fixed before any rule was
written: the host of ``source_url`` (lower-cased, without ``www.``/``m.``) goes
to ``dev`` when its CRC-32 is even and to ``holdout`` when it is odd.  Rules are
written against ``dev``; ``holdout`` is only measured.

Scoring (per field, over the items whose expectation states a value):

* ``found`` — the record's value equals the stated one (titles, names and units
  compared in the matching view without spaces; the jurisdiction by its code;
  years as sets; numbers exactly; programmes without a trailing 项目, which the
  excerpts' readers kept or dropped by habit);
* ``tier_scores`` — each stated level-1 score found (a level-1 indicator whose
  name contains or is contained in the stated name, with the same score);
* ``figures`` — each stated figure found (same unit and value, names sharing
  their last two characters or one containing the other; units compared as the
  contract's base units, so a count of people written 名 is 人, and in the
  matching view, so 臺 is 台);
* ``inconsistencies`` — for an item stating k of them, at least k failed checks;
* ``false`` — per field, the items that state *no* value for which the record
  gives one anyway (a guess).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jixiao.extractor.record.view import squash_fold

DEVSET = Path(__file__).parent / "devset" / "texts"
SCALARS = [
    "title",
    "report_kind",
    "evaluation_mode",
    "years",
    "report_date",
    "jurisdiction",
    "program",
    "evaluated_unit",
    "evaluator",
    "score.total",
    "score.max",
    "score.grade",
]
LISTS = ["tier_scores", "figures", "inconsistencies"]
FIELDS = SCALARS + LISTS


@dataclass(frozen=True)
class Item:
    stem: str
    path: Path  # the .txt
    meta: dict[str, Any]

    @property
    def expected(self) -> dict[str, Any]:
        return self.meta["expected"]

    @property
    def host(self) -> str:
        host = urlparse(self.meta.get("source_url") or "").netloc.lower().split(":")[0]
        return re.sub(r"^(?:www|m|wap)\.", "", host)

    @property
    def half(self) -> str:
        return "dev" if zlib.crc32(self.host.encode()) % 2 == 0 else "holdout"


def items(half: str | None = None) -> list[Item]:
    out = []
    for meta_path in sorted(DEVSET.glob("*.json")):
        txt = meta_path.with_suffix(".txt")
        if not txt.exists():
            continue
        item = Item(meta_path.stem, txt, json.loads(meta_path.read_text(encoding="utf-8")))
        if half is None or item.half == half:
            out.append(item)
    return out


def _key(v: Any) -> Any:
    return squash_fold(v) if isinstance(v, str) else v


def _num_eq(a: Any, b: Any) -> bool:
    try:
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return False


def stated(expected: dict[str, Any], field: str) -> Any:
    """The value the item states for ``field`` (None / [] when it states none)."""
    if field.startswith("score."):
        score = expected.get("score") or {}
        sub = field.split(".", 1)[1]
        if sub == "max":
            return score.get("max") if score.get("total") is not None else None
        if sub == "grade":
            return score.get("grade") if score.get("grade_stated") else None
        return score.get(sub)
    if field == "jurisdiction":
        j = expected.get("jurisdiction") or {}
        return j.get("adcode") or j.get("name")
    return expected.get(field)


def got(record: dict[str, Any], field: str) -> Any:
    if field.startswith("score."):
        sub = field.split(".", 1)[1]
        score = record["score"]
        if sub == "grade":
            return score.get("grade") if score.get("grade_source") == "stated" else None
        if sub == "max":
            return score.get("max") if score.get("total") is not None else None
        return score.get(sub)
    if field == "jurisdiction":
        return record["jurisdiction"].get("adcode") or record["jurisdiction"].get("name")
    return record.get(field)


# Units the contract stores as another (base units: people are 人).
BASE_UNITS = {"名": "人", "位": "人"}


def _unit(u: str | None) -> str:
    key = squash_fold(u or "")
    return BASE_UNITS.get(key, key)


def _names_match(a: str, b: str) -> bool:
    a, b = squash_fold(a), squash_fold(b)
    return bool(a and b) and (a in b or b in a or a[-2:] == b[-2:])


def score_item(record: dict[str, Any], expected: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """Per field ``(found, stated, false)`` counts for one item."""
    out: dict[str, tuple[int, int, int]] = {}
    for f in SCALARS:
        want, have = stated(expected, f), got(record, f)
        if f == "years":
            want, have = sorted(want or []), sorted(have or [])
            if not want:
                out[f] = (0, 0, int(bool(have)))
            else:
                out[f] = (int(want == have), 1, 0)
            continue
        if want is None:
            out[f] = (0, 0, int(have is not None))
            continue
        if isinstance(want, (int, float)):
            ok = _num_eq(want, have)
        elif f == "program":
            ok = have is not None and re.sub("项目$", "", _key(want)) == re.sub("项目$", "", _key(have))
        else:
            ok = have is not None and _key(want) == _key(have)
        out[f] = (int(ok), 1, 0)
    # level-1 scores
    want_tiers = [t for t in expected.get("tier_scores") or [] if t.get("score") is not None]  # weights alone aside
    level1 = [i for i in record["indicators"] if i["level"] == 1]
    hit = 0
    for t in want_tiers:
        if any(_names_match(t["name"], i["name"]) and _num_eq(t["score"], i["score"]) for i in level1):
            hit += 1
    out["tier_scores"] = (hit, len(want_tiers), 0 if want_tiers else int(any(i["score"] is not None for i in level1)))
    # figures
    want_figs = expected.get("figures") or []
    used: set[int] = set()
    hit = 0
    for fig in want_figs:
        for k, g in enumerate(record["figures"]):
            if k in used or _unit(g["unit"]) != _unit(fig["unit"]) or not _num_eq(g["value"], fig["value"]):
                continue
            if _names_match(fig["name"], g["name"]):
                used.add(k)
                hit += 1
                break
    out["figures"] = (hit, len(want_figs), len(record["figures"]) - len(used))
    # the report's own arithmetic
    want_bad = len(expected.get("inconsistencies") or [])
    failed = sum(1 for c in record["checks"] if not c["ok"])
    out["inconsistencies"] = (min(failed, want_bad), want_bad, 0 if want_bad else int(failed > 0))
    return out


__all__ = ["Item", "items", "score_item", "FIELDS", "SCALARS", "LISTS", "stated", "got"]
