"""Two shapes of a score the helpers of session 35 left open (issue 8): a tier's score taken out of its
maximum (决策指标20分中得18分: the first number is the weight, not the score), and a results row whose score
and grade cells carry generic labels (评价结果 | 得分 | 88.5 | 等级 | 良)."""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

TITLE = "XX县2022年度农村公路养护资金绩效评价报告\n四、评价结论\n"


def _tiers(record) -> list[tuple[str, float | None, float | None]]:
    return [(i.name, i.score, i.weight) for i in record.indicators if i.level == 1]


@pytest.mark.parametrize(
    "sentence",
    [
        "项目决策指标20分中得18分，过程指标20分中得17分，产出指标40分中得36分，效益指标20分中得17分，综合得分88分，评价等级为良。",
        "该项目综合得分88分，评价等级为良。其中，决策20分中得了18分，过程20分中得17分，产出40分中实得36分，效益20分中得17分。",
    ],
)
def test_a_tier_scored_out_of_its_maximum(sentence: str) -> None:
    doc, record = record_of_text(TITLE + sentence + "\n")
    assert _tiers(record) == [("决策", 18, 20), ("过程", 17, 20), ("产出", 36, 40), ("效益", 17, 20)]
    assert record.score.total == 88 and record.score.grade == "良"


def test_a_bare_tier_score_is_still_read_with_its_maximum_after_it() -> None:
    # the shape the guard must leave alone: the score, then its maximum in brackets
    _doc, record = record_of_text(TITLE + "经评价，决策18分（满分20分），过程17分（满分20分），总得分88分。\n")
    assert _tiers(record)[:2] == [("决策", 18, 20), ("过程", 17, 20)]


NOTICE = "关于2022年度农村饮水安全工程项目绩效评价结果的通知\n各有关单位：\n现将评价结果通知如下：\n"


@pytest.mark.parametrize(
    "row",
    ["评价结果 | 得分 | 88.5 | 等级 | 良 |", "评价结论：得分 88.5，等级 良。", "综合评价\t得分\t88.5\t等级\t良"],
)
def test_a_results_row_with_generic_labels_gives_the_total(row: str) -> None:
    doc, record = record_of_text(NOTICE + row + "\n")
    assert record.score.total == 88.5 and record.score.grade == "良"
    assert "88.5" in evidence(doc, record, "score.total")


@pytest.mark.parametrize(
    "row",
    [
        "一级指标 | 得分 | 18 | 17 | 36 | 17 |",  # an indicator table's header row before its values
        "资金管理 | 得分 | 8.5 | 等级 | 良 |",  # a lower indicator's row: no results label first
    ],
)
def test_a_generic_label_outside_a_results_row_gives_no_total(row: str) -> None:
    _doc, record = record_of_text(NOTICE + row + "\n")
    assert record.score.total is None
