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


def test_a_weighted_criteria_table_gives_tiers_total_and_a_check_per_row() -> None:
    # A loan project's results notice: criteria, weight, score out of 100, weighted score, glued
    # together as the web page printed the table (traditional characters and all).
    text = (
        "評價準則權重(%)評價分值(百分制)加權平均得分績效等級相關性20%95.0019.00高度相關效率50%80.1040.05"
        "效率較高效果20%70.0014.00比較滿意可持續性10%90.009.00可持續項目績效100%/82.05實施順利。\n"
    )
    assert tiers(text) == [("相关性", 20, 19), ("效率", 50, 40.05), ("效果", 20, 14), ("可持续性", 10, 9)]
    doc, r = record_of_text(TITLE + text)
    assert r.score.total == 82.05 and "82.05" in doc.text[slice(*r.evidence["score.total"].span)]
    assert [c.ok for c in r.checks if c.rule == "weighted_score"] == [True] * 4
    # a weighted score that is not weight × score is named with both numbers
    _doc, r = record_of_text(TITLE + "评价准则 | 权重 | 评价分值 | 加权得分 |\n相关性 | 20% | 95.00 | 18.00 |\n")
    assert [c.detail.split(" (")[0] for c in r.checks if not c.ok] == ["相关性: 20% × 95 = 19, stated 18"]
    # near misses: weights without a weighted score, and glued numbers that no cut makes weight × score
    assert tiers("评价准则权重(%)评价分值\n相关性20%95.00\n") == []
    assert tiers("评价准则权重(%)加权得分\n相关性20%95.0017.5\n") == []
