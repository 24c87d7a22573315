"""A 自评表's budget block whose cells a doc site ran together, digits and all (issue 8, dev35).

The Hubei municipal 项目自评表 scores its budget block as a tier of its own (预算执行情况(万元)(20分) | 预算数(A) |
执行数(B) | 执行率(B/A) | 得分(20分*执行率), then 年度财政资金总额 | 5 | 5 | 100% | 20: ``budget_tier``). A doc site's
preview may print the row with nothing between its cells: 年度财政资金总额10001000100%20 (hubei-xiangyang),
年度财政资金总额1.561.56120 (a district 长江禁捕 form). The run is read (``budget_tier_glued`` in
``patterns/scores.yaml``) only when exactly one split of it into 预算数, 执行数, 执行率, 得分 agrees with the columns —
执行数 ÷ 预算数 = 执行率 and 得分 = the weight × 执行率, each to its printed digits — and then its 得分 is the tier's.

Asserted on the two dev items, on invented rows, and on near misses (several splits, a score over the weight,
a run its columns do not agree with).
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, record_of_text

from jixiao.extractor.record.scores import budget_glued_run


def _tier(rec: dict, name: str = "预算执行情况") -> tuple | None:
    got = [(i["weight"], i["score"]) for i in rec["indicators"] if i["level"] == 1 and i["name"] == name]
    return got[0] if got else None


@pytest.mark.parametrize(
    "stem",
    [
        "hubei-xiangyang-2021-central-hospital-dongjin-campus-subsidy-self-table-doc-site",  # 10001000100%20
        "unknown-district-2020-fishing-vessel-fuel-subsidy-yangtze-ban-self-table-doc-site",  # 1.561.56120
    ],
)
def test_glued_budget_row_dev_items(stem: str) -> None:
    it, rec = dev_record(stem)
    (want,) = [t for t in it.expected["tier_scores"] if t["name"] == "预算执行情况"]
    assert _tier(rec) == (want["weight"], want["score"])


_HEAD = (
    "2022年度文化馆免费开放项目自评表单位名称:桃源县文化馆填报日期:2023年3月18日项目名称文化馆免费开放"
    "主管部门桃源县文化旅游广电体育局项目实施单位桃源县文化馆"
)


@pytest.mark.parametrize(
    ("row", "weight", "score"),
    [
        # a percentage rate, the caption's weight with a space
        (
            "预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额10001000100%20",
            20,
            20,
        ),
        # a rate short of 100%, its score the weight × the rate
        ("预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额20019095%19", 20, 19),
        # the rate as a fraction, a ten-point weight
        ("项目预算执行情况(万元)(10分)预算数(A)执行数(B)执行率(B/A)得分(10分*执行率)年度资金总额8.58.5110", 10, 10),
    ],
)
def test_glued_budget_row_invented(row: str, weight: int, score: int) -> None:
    _doc, r = record_of_text(_HEAD + row + "年度绩效目标1(80分)一级指标二级指标三级指标\n")
    rec = r.to_dict()
    got = [(i["weight"], i["score"]) for i in rec["indicators"] if i["level"] == 1 and "预算执行" in i["name"]]
    assert got == [(weight, score)]


@pytest.mark.parametrize(
    ("run", "weight", "score"),
    [
        ("10001000100%20", 20, 20),
        ("1.561.56120", 20, 20),
        ("20019095%19", 20, 19),
        # no split agrees with the columns (1|1|1|110: a score over the weight; 11|1|1|10: 1 ÷ 11 is no 100%)
        ("111110", 10, None),
        # a score over the weight
        ("1010100%25", 20, None),
        # the columns disagree: 执行数 ÷ 预算数 is 50%, the rate printed 100%
        ("105100%20", 20, None),
        # no percentage sign and no fraction: 100 is no rate
        ("1001009019", 20, None),
    ],
)
def test_glued_run_splits(run: str, weight: int, score: int | None) -> None:
    assert budget_glued_run(run, weight) == score


def test_separated_row_unchanged() -> None:
    # the same block with its cells apart is read as before (budget_tier), once
    text = (
        _HEAD + "\n预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
        "年度财政资金总额 | 5 | 5 | 100% | 20 |\n"
    )
    _doc, r = record_of_text(text)
    rec = r.to_dict()
    got = [(i["weight"], i["score"]) for i in rec["indicators"] if i["level"] == 1 and "预算执行" in i["name"]]
    assert got == [(20, 20)]
