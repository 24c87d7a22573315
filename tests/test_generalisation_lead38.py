"""Genre shapes the lead found in session 38 (issue 8), each with differently worded real-shaped sentences.

- A sentence opening with the month (and day) the evaluation was done, and a comma before what the body did
  (2022年5月，县财政局联合XX公司，对…进行了绩效评价): the bodies opening it evaluated.
- Bodies acting together (devset ruling 21) are each named in full where the document prints them so
  (县财政局 signing as 江永县财政局), while a place printed once and shared by the bodies after it stays as
  printed (自治区财政厅、水利厅).
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

FIRM = "北京中财绩效评价咨询有限公司"


@pytest.mark.parametrize(
    ("sentence", "evaluator"),
    [
        (f"2022年5月，县财政局联合{FIRM}，对江永县2021年度学生资助资金进行了绩效评价。", f"江永县财政局、{FIRM}"),
        (f"2022年5月12日，县财政局会同{FIRM}，对2021年度学生资助资金开展了重点绩效评价。", f"江永县财政局、{FIRM}"),
        ("2022年6月份，县财政局对2021年度学生资助资金进行了绩效评价。", "江永县财政局"),
    ],
)
def test_a_month_opening_the_sentence_and_a_comma_before_the_work(sentence: str, evaluator: str) -> None:
    doc, r = record_of_text(
        f"关于2021年度学生资助资金绩效评价情况的通报\n{sentence}评价得分91分，等级为优。\n江永县财政局\n2022年6月10日\n"
    )
    assert (r.evaluator, r.evaluation_mode) == (evaluator, "finance")
    assert "县财政局" in evidence(doc, r, "evaluator")


def test_joint_bodies_sharing_a_place_stay_as_printed() -> None:
    _doc, r = record_of_text(
        "宁夏2010年度小型农田水利重点县考核结果\n2011年5月30日至6月10日，自治区财政厅、水利厅组织考核组对全区"
        "小型农田水利重点县2010年度建设项目进行了绩效考评。\n宁夏水利厅 宁夏财政厅\n"
    )
    assert r.evaluator == "自治区财政厅、水利厅", r.evaluator


_SCORE_TABLE = (
    "XX县2022年度农村公路养护资金绩效评价报告\n一、评价结论\n经综合评价，该项目评价得分为86.5分，评价等级为“良”。"
    "各一级指标得分情况如下：\n\n{rows}\n二、存在的问题\n"
)


@pytest.mark.parametrize(
    "rule", ["|---|---|---|---|", "| :--- | :---: | ---: | --- |", "|------|------|------|------|"]
)
def test_a_markdown_score_table_in_a_text_dump_keeps_its_rows_checks(rule: str) -> None:
    """A converter's Markdown table in a .txt (a delimiter row under the header): the delimiter is markup,
    so the rows stay one run of cells and every row's stated rate is checked — a slip is flagged."""
    rows = [
        "| 一级指标 | 分值 | 得分 | 得分率 |",
        rule,
        "| 决策 | 20 | 18 | 90.00% |",
        "| 过程 | 20 | 17.5 | 87.50% |",
        "| 产出 | 40 | 34 | 85.00% |",
        "| 效益 | 20 | 17 | 85.00% |",
        "| 合计 | 100 | 86.5 | 86.50% |",
    ]
    _doc, r = record_of_text(_SCORE_TABLE.format(rows="\n".join(rows)))
    rates = [c for c in r.checks if c.rule == "score_rate"]
    assert len(rates) == 5 and all(c.ok for c in rates), r.checks
    assert [(i.name, i.score) for i in r.indicators] == [("决策", 18), ("过程", 17.5), ("产出", 34), ("效益", 17)]
    rows[2] = "| 决策 | 20 | 18 | 95.00% |"
    _doc, r = record_of_text(_SCORE_TABLE.format(rows="\n".join(rows)))
    assert [c.ok for c in r.checks if c.rule == "score_rate"].count(False) == 1, r.checks
