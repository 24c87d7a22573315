"""The phrases of ``patterns/metadata.yaml``, loaded and compiled once for the metadata finders."""

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
        "not_title": re.compile(t["not_title"]),
        "year": re.compile(s["years"]["year"]),
        "range": re.compile(s["years"]["range"]),
        "ignore": re.compile(s["years"]["ignore_inside"]),
        "date": re.compile(d["date"]),
        "cn_date": re.compile(d["chinese"]),
    }


__all__ = ["_spec", "_compiled"]
