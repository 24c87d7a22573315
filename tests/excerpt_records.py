"""Records of short excerpts, for the generalisation tests: a text read as a .txt report, and a
field's evidence checked against the document's text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from devset_compare import Item, items

from jixiao import parse
from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record
from jixiao.extractor.record.view import squash_fold

TEXTS = Path(__file__).resolve().parent / "devset" / "texts"


def record_of_text(text: str):
    doc = read_text(text, "excerpt.txt")
    return doc, build_record(doc)


def devset_record(stem: str):
    """The document of the devset item named exactly ``stem`` (either half) and its typed record."""
    doc = parse(TEXTS / f"{stem}.txt")
    return doc, build_record(doc)


def devset_dict(stem: str) -> dict:
    """The devset item ``stem``'s record as contract v2's dict."""
    return devset_record(stem)[1].to_dict()


def figures_of_item(stem: str) -> set[tuple[str, float, str]]:
    """The devset item ``stem``'s figures as ``(name, value, unit)``."""
    _doc, r = devset_record(stem)
    return {(f["name"], f["value"], f["unit"]) for f in r.to_dict()["figures"]}


def figures_of_text(text: str) -> set[tuple[str, float, str]]:
    """A short text's figures as ``(name, value, unit)``."""
    _doc, r = record_of_text(text)
    return {(f["name"], f["value"], f["unit"]) for f in r.to_dict()["figures"]}


def checks_of_text(text: str) -> list[tuple[str, bool, str]]:
    """A short text's checks as ``(rule, ok, detail)``, each asserted to quote the text at its span."""
    doc, r = record_of_text(text)
    for c in r.checks:
        s, e = c.span
        assert doc.text[s:e], c
    return [(c.rule, c.ok, c.detail) for c in r.checks]


def item_checks(stem: str) -> list[tuple[str, bool, str]]:
    """The devset item ``stem``'s checks as ``(rule, ok, detail)``."""
    _doc, r = devset_record(stem)
    return [(c.rule, c.ok, c.detail) for c in r.checks]


def evidence(doc, record, field: str) -> str:
    """The words ``field``'s evidence quotes, asserted to be the document's text at its span."""
    ev = record.evidence[field]
    assert ev.text == doc.text[ev.span[0] : ev.span[1]]
    return ev.text


def dev_record(stem: str) -> tuple[Item, dict]:
    """The dev-half item whose stem starts with ``stem``, and its record as a dict."""
    (it,) = [it for it in items("dev") if it.stem.startswith(stem)]
    return it, build_record(parse(it.path)).to_dict()


@lru_cache(maxsize=None)
def dev_document(stem: str):
    """The dev-half item named exactly ``stem``: its document, its typed record and its expectations
    (cached: several tests read one item)."""
    (it,) = [it for it in items("dev") if it.stem == stem]
    doc = parse(it.path)
    return doc, build_record(doc), it.expected


def same_programme(a: str | None, b: str | None) -> bool:
    """Two programme names the devset's comparison counts as one (a closing 项目 aside)."""

    def key(v: str) -> str:
        return re.sub("项目$", "", squash_fold(v))

    return a is not None and b is not None and key(a) == key(b)
