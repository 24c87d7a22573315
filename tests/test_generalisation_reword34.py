"""Wordings bench/reword.py found the rules did not read (issue 8: whole reports in other words, session reword34).

- A client that commissions the firm before it is named, then when the work was done (云南省财政厅绩效评价中心委托
  XX会计师事务所有限公司，于2022年4月至6月对…开展绩效评价; the firm-first sentence has the same time phrase,
  XX公司接受…委托，于2020年6月至7月对…): the firm is the evaluator, commissioned (metadata.yaml evaluator, the
  委托|聘请 rule); a firm commissioned to do other work at a date (委托XX设计有限公司，于2021年3月完成施工图设计) is
  none.
- A tier's score after a bare 得 (满分20分，得15.5分，得分率77.5%; （分值18分，自评得18分，得分率100%）): the
  tier's stated rate is checked as the 得分 wording's is (scores.yaml checks.prose_score_rate).
- A tier table printed with spaces or bars (a PDF's text layer, a web page's table) beside a survey's 满意度得分
  94.47 分: once the tiers' weights make up the whole 100, a score named like a tier with no weight of its own
  is no tier (scores.tier_scores), so the tiers still sum to the total.

Each asserted on invented text in the genre's shapes, worded at least two ways, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "湘潭市2021年污水处理费项目绩效评价报告\n湘潭市财政局委托湖南诚悦达会计师事务所（普通合伙），于2022年7月至"
            "9月对湘潭市城市管理和综合执法局2021年污水处理费项目开展了绩效评价。现将评价情况报告如下：\n",
            "湖南诚悦达会计师事务所（普通合伙）",
        ),
        (
            "根据《关于开展2020年预算绩效评价工作的通知》的要求，省财政厅绩效评价中心委托云南华维会计师事务所有限公司"
            "（以下简称“评价机构”），于 2020 年 5 月至 2020 年 11 月对省应急管理厅地质灾害防治资金开展绩效评价。\n",
            "云南华维会计师事务所有限公司",
        ),
        (
            "县财政局聘请湖南湘诚项目管理咨询有限公司于2023年3月对县农业农村局2022年高标准农田建设项目进行了重点绩效"
            "评价，评价得分86分。\n",
            "湖南湘诚项目管理咨询有限公司",
        ),
    ],
)
def test_a_firm_the_client_names_before_when_it_worked(text: str, firm: str) -> None:
    _doc, r = record_of_text(text)
    assert r.evaluator == firm, r.evaluator
    assert r.evaluation_mode == "third_party", r.evaluation_mode


def test_a_firm_commissioned_for_other_work_at_a_date_is_no_evaluator() -> None:
    _doc, r = record_of_text(
        "2022年度县城供水管网改造项目支出绩效自评报告\n项目单位委托湖南华成工程设计有限公司，于2021年3月完成施工图设计，"
        "2021年6月开工建设。县水利局对项目开展了绩效自评，自评得分92分。\n"
    )
    assert r.evaluator != "湖南华成工程设计有限公司", r.evaluator


def _rates(text: str) -> list[tuple[bool, str]]:
    _doc, r = record_of_text(text)
    return [(c.ok, c.detail) for c in r.checks if c.rule == "score_rate"]


@pytest.mark.parametrize(
    "sentence",
    [
        "（一）投入指标。满分20分，得15.5分，得分率77.5%。该项目立项规范，绩效目标设定合理。",
        "一、决策（分值18分，自评得18分，得分率100%）\n项目立项依据充分，程序规范。",
        "从评价得分情况看，此项满分25分，评价得16.35分，得分率65.40%，具体分析如下：",
    ],
)
def test_a_tiers_rate_after_a_bare_de_is_checked(sentence: str) -> None:
    rates = _rates("项目绩效评价报告\n" + sentence + "\n")
    assert [ok for ok, _ in rates] == [True], rates


def test_a_wrong_rate_after_a_bare_de_is_flagged() -> None:
    rates = _rates("项目绩效评价报告\n（二）过程指标。满分20分，得15分，得分率80%。\n")
    assert [ok for ok, _ in rates] == [False], rates
    # near miss: a rate with no score got before it (满分20分，得分率75%) is no triple to check
    assert _rates("项目绩效评价报告\n（二）过程指标。满分20分，得分率75%。\n") == []


def _tiers(text: str) -> list[tuple[str, object, object]]:
    _doc, r = record_of_text(text)
    return [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]


_SURVEY = "共发放问卷 1,200 份，回收有效问卷 1,150 份，满意度得分 94.47 分。\n"


@pytest.mark.parametrize(
    "table",
    [
        "一级指标 指标分值 评价得分 得分率\n决策 10 7.06 70.60%\n过程 25 16.35 65.40%\n产出 30 27.09 90.30%\n"
        "效益 35 30.64 87.54%\n合计 100 81.14 81.14%\n",
        "| 一级指标 | 分值 | 得分 | 得分率 |\n| 决策 | 10 | 7.06 | 70.60% |\n| 过程 | 25 | 16.35 | 65.40% |\n"
        "| 产出 | 30 | 27.09 | 90.30% |\n| 效益 | 35 | 30.64 | 87.54% |\n| 合计 | 100 | 81.14 | 81.14% |\n",
        "决策指标满分10分，得分7.06分；过程指标满分25分，得分16.35分；产出指标满分30分，得分27.09分；效益指标满分35分，"
        "得分30.64分。\n",
    ],
)
def test_a_survey_score_beside_tiers_that_make_up_100_is_no_tier(table: str) -> None:
    text = "项目绩效评价报告\n该项目绩效评价得分81.14分，评价等级为“良”。\n" + table + _SURVEY
    tiers = _tiers(text)
    assert [n for n, _w, _s in tiers] == ["决策", "过程", "产出", "效益"], tiers
    _doc, r = record_of_text(text)
    assert [c.ok for c in r.checks if c.rule == "indicator_sum"] == [True]


def test_a_weightless_tier_stays_when_the_weights_do_not_make_up_100() -> None:
    # near miss: 产出、效益、满意度 as the system's tiers, 满意度 stated without its weight — there is room for it
    tiers = _tiers("项目绩效自评报告\n产出指标满分50分，得分45分；效益指标满分30分，得分27分；满意度得分9分。\n")
    assert ("满意度", None, 9) in tiers, tiers
