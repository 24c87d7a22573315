"""Tier scores of the central-transfer self-evaluation template (issue 8, session scoresadd37).

The template that 中央对地方转移支付 self-evaluations follow scores four level-1 tiers: 产出 50, 效益 30,
满意度 10 and 预算资金执行率 10.  A report that states its tiers in prose states the fourth with its
own name (预算资金执行率自评得分10分 — anhui-suzhou-2020, dev), which is no lower indicator's: it is
read as a level-1 score like the other three.  The template's own footnote, which states the weights
every form must use (一级指标分值统一设置为：产出指标50分、…、预算资金执行率10分 — sichuan-zhongjiang-2022,
dev), gives no tier: the form's own weights stand.
"""

from __future__ import annotations

from excerpt_records import dev_record, record_of_text

HEAD = "某县2021年度中央对地方转移支付项目绩效自评报告\n"


def _tiers(record: dict) -> dict[str, tuple]:
    return {i["name"]: (i["weight"], i["score"]) for i in record["indicators"] if i["level"] == 1}


def test_the_budget_execution_tier_is_read_with_the_other_three_in_prose() -> None:
    it, r = dev_record("anhui-suzhou-2020-small-rural-school-smart-school-self-report")
    assert "预算资金执行率自评得分10分" in it.path.read_text(encoding="utf-8")
    tiers = _tiers(r)
    assert tiers["预算资金执行率"] == (None, 10)
    assert {tiers[k][1] for k in ("产出", "效益", "满意度")} == {50, 30, 10}
    assert r["score"]["total"] == 100


def test_a_lower_score_of_the_tier_and_its_weight_are_read_too() -> None:
    # (near miss: the tier with its weight and a score below it)
    doc, rec = record_of_text(
        HEAD
        + "经自评，产出指标得分48分，效益指标得分28分，满意度指标得分9分，预算资金执行率满分10分，得分9.5分，综合得分94.5分。\n"
    )
    tiers = _tiers(rec.to_dict())
    assert tiers["预算资金执行率"] == (10, 9.5)
    assert rec.score.total == 94.5


def test_the_templates_footnote_of_weights_gives_no_tier() -> None:
    it, r = dev_record("sichuan-zhongjiang-2022-water-gauge-linkage-fund-table")
    assert "预算资金执行率10分" in it.path.read_text(encoding="utf-8")
    assert "预算资金执行率" not in _tiers(r)
