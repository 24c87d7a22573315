"""A programme's name that begins with words ending like an organ or naming the government as buyer keeps them
(issue 8).  Found by bench/transplant.py --programme dev, which renames a shared report to real programme names of
the devset's dev half: 指挥大厅升级改造建设项目 lost 指挥大厅 and 政府购买公交服务资金 lost 政府, cut as a unit's name."""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text

BODY = "\n\n一、基本情况\n项目实施情况良好。\n"


@pytest.mark.parametrize(
    ("title", "programme"),
    [
        ("澧县2021年政务服务大厅运行经费绩效评价报告", "政务服务大厅运行经费"),
        ("海口市2022年指挥大厅升级改造建设项目绩效自评报告", "指挥大厅升级改造建设"),
        ("2021年澧县政府购买服务资金绩效评价报告", "政府购买服务资金"),
        ("云南省2021年政府购买公交服务资金绩效评价报告", "政府购买公交服务资金"),
        ("2023年桃源县政府投资项目审计经费绩效自评报告", "政府投资项目审计经费"),
        ("2021年澧县产业布局调整资金绩效评价报告", "产业布局调整资金"),
    ],
)
def test_words_that_only_end_like_an_organ_stay_in_the_programme(title: str, programme: str) -> None:
    _doc, record = record_of_text(title + BODY)
    assert record.program is not None
    assert record.program.removesuffix("项目") == programme


@pytest.mark.parametrize(
    ("title", "programme"),
    [
        ("澧县体育局2021年全民健身经费绩效评价报告", "全民健身经费"),
        ("2021年澧县文化和旅游局全民健身经费绩效评价报告", "全民健身经费"),
        ("2021年祖师庙镇人民政府高标准农田建设资金绩效评价报告", "高标准农田建设资金"),
    ],
)
def test_a_units_own_name_before_the_programme_still_goes(title: str, programme: str) -> None:
    _doc, record = record_of_text(title + BODY)
    assert record.program == programme
