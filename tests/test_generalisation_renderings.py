"""What extraction does to text must not change the record: the same excerpt with spaces
between CJK and digits, full-width digits, traditional characters (a mirror copy), its
paragraphs hard-wrapped, or saved as a Word file gives the same title, years, date, kind,
mode, place, score, grade and tier scores as the excerpt as published.

The excerpts are the development half of tests/devset (real published text).
"""

from __future__ import annotations

import re

import docx
import opencc
import pytest
from devset_compare import items

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record
from jixiao.extractor.record.view import squash_fold

ITEMS = items("dev")
_S2T = opencc.OpenCC("s2t")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def spaced(text: str) -> str:
    """2024年10月 → 2024 年 10 月 (what PDF converters do)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


def fullwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


def traditional(text: str) -> str:
    return _S2T.convert(text)


def wrapped(text: str, width: int = 38) -> str:
    """Paragraphs (lines over 60 characters) hard-wrapped at ``width``, mid-word and mid-number."""
    out = []
    for line in text.split("\n"):
        if len(line) > 60:
            while len(line) > width:
                out.append(line[:width])
                line = line[width:]
        out.append(line)
    return "\n".join(out)


def key(text: str) -> dict:
    return key_of(build_record(read_text(text, "excerpt.txt")).to_dict())


def key_of(r: dict) -> dict:
    return {
        "title": r["title"] and squash_fold(r["title"]),
        "years": r["years"],
        "report_date": r["report_date"],
        "report_kind": r["report_kind"],
        "evaluation_mode": r["evaluation_mode"],
        "adcode": r["jurisdiction"]["adcode"],
        "score": (r["score"]["total"], r["score"]["grade"]),
        "tiers": [(squash_fold(i["name"]), i["score"]) for i in r["indicators"] if i["level"] == 1],
    }


@pytest.fixture(scope="module")
def published() -> dict[str, dict]:
    return {it.stem: key(it.path.read_text(encoding="utf-8")) for it in ITEMS}


@pytest.mark.parametrize(
    "transform, share",
    [(spaced, 1.0), (fullwidth, 1.0), (traditional, 1.0), (wrapped, 0.8)],
    ids=["spaces", "fullwidth", "traditional", "hard-wrapped"],
)
def test_the_record_survives_what_extraction_does_to_text(published, transform, share) -> None:
    assert len(ITEMS) >= 30
    differ = {}
    for it in ITEMS:
        got = key(transform(it.path.read_text(encoding="utf-8")))
        diff = {k: (published[it.stem][k], got[k]) for k in got if got[k] != published[it.stem][k]}
        if diff:
            differ[it.stem] = diff
    assert 1 - len(differ) / len(ITEMS) >= share, differ


def test_a_word_rendering_gives_the_same_record(published, tmp_path) -> None:
    """Each excerpt saved as a .docx (a paragraph a line) reads like the text (renderings agree)."""
    from jixiao import parse

    differ = {}
    for it in ITEMS:
        d = docx.Document()
        for line in it.path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                d.add_paragraph(line.strip())
        path = tmp_path / f"{it.stem}.docx"
        d.save(path)
        r = build_record(parse(path))
        got = key_of(r.to_dict())
        diff = {k: (published[it.stem][k], got[k]) for k in got if got[k] != published[it.stem][k]}
        if diff:
            differ[it.stem] = diff
    assert 1 - len(differ) / len(ITEMS) >= 0.95, differ
