"""The phrases of ``patterns/metadata.yaml``, loaded and compiled once for the metadata finders, and
where a phrase stands inside a cited document's title (《…》), which no finder reads as this report's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ... import patterns


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("metadata.yaml")


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    s = _spec()
    t = s["title"]
    d = s["report_date"]
    return {
        "title": re.compile(t["regex"]),
        "strip_prefix": re.compile(t["strip_prefix"]),
        "strip_suffix": re.compile(t["strip_suffix"]),
        "page_number": re.compile(t["page_number"]),
        "not_title": re.compile(t["caption"] + "|" + t["not_title"]),
        "caption": re.compile(t["caption"]),
        "year": re.compile(s["years"]["year"]),
        "range": re.compile(s["years"]["range"]),
        "list": re.compile(s["years"]["list"]),
        "ignore": re.compile(s["years"]["ignore_inside"]),
        "date": re.compile(d["date"]),
        "cn_date": re.compile(d["chinese"]),
        "glued_date": re.compile(d["glued"]),
        "seal": re.compile(d["seal_note"]),
    }


def in_citation(text: str, at: int, *, reach: int | None = None, closed_after: bool = False) -> bool:
    """Whether position ``at`` of ``text`` lies inside a cited document's title (根据《XX厅关于开展…的
    通知》): a 《 before ``at`` not closed before it.  The finders differ in how sure they need to be:

    * ``reach`` — look for the 《 only this many characters back (None: anywhere before).  An
      organisation's name is cited close after the 《 (《XX厅关于…》), and a stray 《 that never
      closes must not hide every body named after it;
    * ``closed_after`` — also require a 》 after ``at``: the same guard for a finder that looks back
      without a reach (a programme's name is cited anywhere in a long title).
    """
    opened = text.rfind("《", 0 if reach is None else max(0, at - reach), at)
    if opened < 0 or "》" in text[opened:at]:
        return False
    return not closed_after or text.find("》", at) >= 0


__all__ = ["_spec", "_compiled", "in_citation"]
