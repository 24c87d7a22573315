"""Cross-rendering consistency: a report reads the same from its .txt, .docx, .pdf and scan.

The .docx is the reference (the clean rebuild of each report).  For every rendering:

- the sequence of *numbered* headings (numbering + title, whitespace removed) is the
  same — exactly for .txt/.docx/.pdf, at least 90 % of it (in order) for the scan.
  The sequence includes the summary (摘要) headings, which repeat the body's, and
  excludes table-of-contents lines: which lines are headings is decided from the text
  (numbering, TOC dot leaders), never from the format;
- the tables are the same, cell by cell with whitespace removed (the scan: same
  number and shape of tables, ≥ 90 % of cells equal, and the yunnan 表2 exact);
- provenance holds: ``doc.text[b.start:b.end] == b.text`` for every block;
- no CJK character of the reference body is lost (the scan: ≤ 5 % missing);
- for the PDF renderings, tables start on the pages the corpus README lists.

Scan cases are marked ``slow`` (OCR); every rendering is parsed once per session
through the cached ``parsed()`` of conftest.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

import pytest

from conftest import YUNNAN_TABLE2, REPORTS, RENDERINGS, parsed, rendering
from jixiao.extractor.normalize import squash

YUNNAN = "yunnan-2021-resident-pension"
TABLE2 = YUNNAN_TABLE2
# Pages of the printed yunnan report on which each table (表1..表5) starts (corpus README).
YUNNAN_TABLE_PAGES = [19, 22, 22, 30, 33]


def _cases(suffixes=RENDERINGS, reports=REPORTS):
    out = []
    for report in reports:
        for suffix in suffixes:
            marks = [pytest.mark.slow] if suffix == "-scan.pdf" else []
            out.append(pytest.param(report, suffix, marks=marks, id=f"{report}{suffix}"))
    return out


def _doc(report: str, suffix: str):
    return parsed(rendering(report, suffix))


def _reference(report: str):
    return parsed(rendering(report, ".docx"))


def numbered_headings(doc) -> list[str]:
    """The report's heading sequence: numbering + title of numbered headings, whitespace removed."""
    return [squash(b.text) for b in doc.blocks if b.kind == "heading" and b.numbering]


def squashed_tables(doc) -> list[list[list[str]]]:
    return [[[squash(c) for c in row] for row in b.rows or []] for b in doc.tables]


def _cjk(text: str) -> Counter:
    return Counter(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("report,suffix", _cases())
def test_same_numbered_headings(report, suffix):
    expected = numbered_headings(_reference(report))
    got = numbered_headings(_doc(report, suffix))
    assert len(expected) >= 10
    if suffix == "-scan.pdf":
        matched = sum(m.size for m in SequenceMatcher(None, expected, got, autojunk=False).get_matching_blocks())
        assert matched / len(expected) >= 0.9, f"{matched}/{len(expected)} headings in order"
        assert len(got) <= len(expected) * 1.1
    else:
        assert got == expected


@pytest.mark.parametrize("report,suffix", _cases())
def test_same_tables(report, suffix):
    expected = squashed_tables(_reference(report))
    got = squashed_tables(_doc(report, suffix))
    if suffix != "-scan.pdf":
        assert got == expected
        return
    assert [(len(t), len(t[0]) if t else 0) for t in got] == [(len(t), len(t[0]) if t else 0) for t in expected]
    cells = [(a, b) for te, tg in zip(expected, got) for re_, rg in zip(te, tg) for a, b in zip(re_, rg)]
    if cells:
        assert sum(a == b for a, b in cells) / len(cells) >= 0.9


@pytest.mark.parametrize("report,suffix", _cases(reports=[YUNNAN]))
def test_yunnan_table2_row_by_row(report, suffix):
    doc = _doc(report, suffix)
    tables = [t for t in doc.tables if t.rows and squash(t.rows[0][0]) == "一级指标" and len(t.rows[0]) == 4]
    assert len(tables) == 1
    assert [[squash(c) for c in row] for row in tables[0].rows] == TABLE2
    # its caption is the paragraph just before it
    i = doc.blocks.index(tables[0])
    assert squash(doc.blocks[i - 1].text).startswith("表2")


@pytest.mark.parametrize("report,suffix", _cases())
def test_provenance(report, suffix):
    doc = _doc(report, suffix)
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
    assert all(a.end <= b.start for a, b in zip(doc.blocks, doc.blocks[1:]))


@pytest.mark.parametrize("report,suffix", _cases())
def test_no_cjk_character_of_content_dropped(report, suffix):
    expected = _cjk(_reference(report).text)
    missing = expected - _cjk(_doc(report, suffix).text)
    lost = sum(missing.values())
    if suffix == "-scan.pdf":
        assert lost / sum(expected.values()) <= 0.05
    else:
        assert lost == 0, missing.most_common(10)


@pytest.mark.parametrize("report,suffix", _cases(suffixes=[".pdf", "-scan.pdf"], reports=[YUNNAN]))
def test_pdf_table_pages(report, suffix):
    doc = _doc(report, suffix)
    assert doc.pages == 40
    assert [t.page for t in doc.tables] == YUNNAN_TABLE_PAGES
