"""Level-1 (tier) scores (issue 8): the shapes reports print them in, measured on the development
set's dev half and on short genre probes, each with a near miss that must give no tier.

Places, programmes and numbers are varied from the excerpts'.  Every tier keeps its evidence:
``span`` over the words and numbers it was read from.
"""

from __future__ import annotations

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record

TITLE = "儋州市某局2022年度部门整体支出绩效评价报告\n"


def record_of_text(text: str):
    doc = read_text(text, "excerpt.txt")
    return doc, build_record(doc)


def tiers(text: str) -> list[tuple[str, float | None, float | None]]:
    doc, r = record_of_text(TITLE + text)
    out = []
    for i in r.indicators:
        if i.level != 1:
            continue
        s, e = i.span
        assert str(i.score).rstrip("0").rstrip(".") in doc.text[s:e].replace(" ", ""), (i, doc.text[s:e])
        out.append((i.name, i.weight, i.score))
    return out


def test_a_tier_row_of_a_web_table_that_lost_its_header() -> None:
    # A results table whose header row came out garbled: each tier, its weight, its score, its grade.
    text = "绩效评价结果\n绩效等级 | |||\n投入 | 15.00 | 14.00 | 优 |\n产出 | 20.00 | 18.00 | 优 |\n效果\t10\t9\t90%\n"
    assert tiers(text) == [("投入", 15, 14), ("产出", 20, 18), ("效果", 10, 9)]
    # near misses: a self-evaluation table's row names a second-level indicator after the tier, and a
    # target beside its actual value is no weight and score
    assert tiers("产出指标 | 数量指标 | 受益人数 | 500 | 500 | 10 | 10 |\n满意度 | 90% | 95% |\n") == []
