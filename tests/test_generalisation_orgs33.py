"""A unit under its fullest name when its county's own name opens with 乡 or 镇 (乡宁县, 乡城县, 镇沅…自治县, 镇江市):
the first character is the county's name, not a level word (县司法局 → 紫金县司法局).  Found by bench/transplant.py:
a shared report moved to 甘孜藏族自治州乡城县 lost the prefecture in its unit and evaluator."""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text


def _report(short: str, full: str) -> str:
    return (
        f"2023年{short}部门整体支出绩效评价报告\n\n"
        f"{short}对2023年度部门整体支出绩效进行了全面综合自评。\n\n{full}\n2024年2月21日\n"
    )


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("乡宁县城乡居民社会养老保险局", "临汾市乡宁县城乡居民社会养老保险局"),
        ("乡城县医疗保障局", "甘孜藏族自治州乡城县医疗保障局"),
        ("镇沅彝族哈尼族拉祜族自治县民政局", "普洱市镇沅彝族哈尼族拉祜族自治县民政局"),
        ("东川区城乡居民社会养老保险局", "昆明市东川区城乡居民社会养老保险局"),
    ],
)
def test_the_unit_takes_its_fullest_name_whatever_its_county_opens_with(short: str, full: str) -> None:
    doc, record = record_of_text(_report(short, full))
    assert record.evaluated_unit == full
    assert record.evaluator == full
    assert full in evidence(doc, record, "evaluated_unit")


def test_a_short_name_opening_with_its_level_word_still_takes_the_county() -> None:
    _doc, record = record_of_text(_report("县司法局", "紫金县司法局"))
    assert record.evaluated_unit == "紫金县司法局"
