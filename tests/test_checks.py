"""Checks of a report's own arithmetic on real reports: the shared corpus and development items.

A failed check names both numbers and where they are; every check's span runs from
the first number checked to the last, so ``doc.text[span]`` holds them.  The
report is never corrected.  Development items are from the *dev* half only.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ALL_RENDERINGS, REPORTS, TEXT_LAYERS, dev_item_path, parsed, record_of, rendering
from jixiao.extractor import parse
from jixiao.extractor.record import extract_fields
from record_compare import list_keys, load_gold

TEXTS = Path(__file__).parent / "texts"
_REC: dict[str, tuple] = {}


def checks_of(path: Path) -> tuple[object, list[dict]]:
    key = str(path)
    if key not in _REC:
        _REC[key] = (parsed(path), record_of(path).to_dict()["checks"])  # the record's checks (extract_fields')
    return _REC[key]


def dev_checks(stem: str) -> tuple[object, list[dict]]:
    return checks_of(dev_item_path(stem))


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def span_text(doc, c: dict) -> str:
    s, e = c["span"]
    return _squash(doc.text[s:e])


def failed(checks: list[dict]) -> list[dict]:
    return [c for c in checks if not c["ok"]]


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("suffix", ALL_RENDERINGS)
def test_checks_equal_gold(report: str, suffix: str) -> None:
    _doc, checks = checks_of(rendering(report, suffix))
    assert list_keys("checks", checks) == list_keys("checks", load_gold(report)["checks"])


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("suffix", TEXT_LAYERS)
def test_every_check_has_a_span_over_its_numbers(report: str, suffix: str) -> None:
    doc, checks = checks_of(rendering(report, suffix))
    for c in checks:
        assert c["span"] is not None, c
        text = span_text(doc, c)
        # The last number of the detail (the stated one) is inside the span, as printed.
        stated = re.search(r"stated ([-\d.,]+)", c["detail"]) or re.search(r"expected ([-\d.,]+)", c["detail"])
        if c["rule"] not in ("grade_threshold", "percent_column") and stated:
            assert stated.group(1).rstrip(".,") in text, (c, text[:200])
        if suffix == ".pdf":
            assert isinstance(c["page"], int) and f"p.{c['page']}" in c["detail"]


@pytest.mark.parametrize("report", REPORTS)
def test_renderings_agree(report: str) -> None:
    got = [
        Counter(
            (c["rule"], c["ok"], re.sub(r" \(p\.[\d, p.]+\)$", "", c["detail"]))
            for c in checks_of(rendering(report, s))[1]
        )
        for s in TEXT_LAYERS
    ]
    assert got[0] == got[1] == got[2]


def test_yunnan_benefit_rate_mistake_is_flagged_with_both_numbers() -> None:
    doc, checks = checks_of(rendering("yunnan-2021-resident-pension", ".pdf"))
    (c,) = [c for c in failed(checks) if c["rule"] == "score_rate"]
    assert c["detail"] == "效益: 30.64 ÷ 35 = 87.54%, stated 87.74% (p.22)"
    assert c["page"] == 22
    text = span_text(doc, c)
    assert text.startswith("效益") and "35" in text and "30.64" in text and text.endswith("87.74%")
    # The same tier stated in prose (满分为 35 分，绩效评价得分 30.64 分，得分率 87.54%) agrees with itself.
    prose = [c for c in checks if c["rule"] == "score_rate" and c["ok"] and "30.64 ÷ 35" in c["detail"]]
    assert len(prose) == 1 and "87.54%" in span_text(doc, prose[0])


def test_yunnan_sum_off_by_two_cents_is_rounding_not_a_mistake() -> None:
    # 559,920.95 + 141,308.13 + 15,870.21 + 51,730.22 = 768,829.51 against a stated 768,829.53:
    # four parts each rounded to 0.01万元 may drift by 0.02 (checks.sum_rounding: per_number)
    doc, checks = checks_of(rendering("yunnan-2021-resident-pension", ".txt"))
    (c,) = [c for c in checks if c["rule"] == "prose_sum" and "768,829.53" in c["detail"]]
    assert c["ok"] and "= 768,829.51万元, stated 768,829.53万元" in c["detail"]
    text = span_text(doc, c)
    assert text.startswith("768,829.53万元") and text.endswith("51,730.22万元")
    assert [x["rule"] for x in failed(checks)] == ["score_rate"]  # the one real mistake: 效益's rate


def test_yunnan_table_totals_pass() -> None:
    doc, checks = checks_of(rendering("yunnan-2021-resident-pension", ".docx"))
    sums = {c["detail"].split(":")[0]: c for c in checks if c["rule"] == "table_sum"}
    c = sums["表1 中央补助资金（万元） (抽样地区合计)"]
    assert c["ok"] and "58,752.30 + 79,623.10 + " in c["detail"] and "= 359,371.50, stated 359,371.50" in c["detail"]
    assert "58,752.30" in span_text(doc, c) and span_text(doc, c).endswith("359,371.50")
    assert all(c["ok"] for c in sums.values()) and len(sums) == 8
    rates = [c for c in checks if c["rule"] == "arrival_rate"]
    assert [c["ok"] for c in rates] == [True, True]
    assert "753,638.62万元 ÷ 873,094.04万元 = 86.32%, stated 86.32%" in rates[0]["detail"]


def test_chenggong_execution_rate_and_prose_sums() -> None:
    doc, checks = checks_of(rendering("chenggong-2023-department", ".pdf"))
    (rate,) = [c for c in checks if c["rule"] == "execution_rate"]
    assert rate["ok"] and "600.02万元 ÷ 1905.71万元 = 31.49%, stated 31.49%" in rate["detail"]
    sums = [c["detail"] for c in checks if c["rule"] == "prose_sum"]
    assert any("578.66万元 + 8.63万元 + 12.73万元 = 600.02万元" in d for d in sums)
    assert any("137.36万元 + 462.66万元 = 600.02万元" in d for d in sums)
    # 项目支出462.66万元，包括 278.17、159.53、24.78 万元等: a partial list (等) is no sum.
    assert not any("278.17" in d for d in sums)


def test_self_evaluation_form_total_row_against_its_parts() -> None:
    doc, checks = dev_checks("anhui-guichi-2022-commissioned-services-table")
    bad = failed(checks)
    assert len(bad) == 3 and all(c["rule"] == "table_sum" for c in bad)
    assert bad[0]["detail"] == "年初预算数 (年度资金总额): 90 = 90, stated 0"
    assert span_text(doc, bad[0]).startswith("0") and "90" in span_text(doc, bad[0])
    _doc, checks = dev_checks("anhui-huoshan-2024-special-education-table")
    assert checks and all(c["ok"] for c in checks)
    assert any(c["rule"] == "execution_rate" and "28.1 ÷ 28.1 = 100.00%" in c["detail"] for c in checks)


def test_table_copied_as_text_sum_within_rounding() -> None:
    # thirteen parts printed to 0.01 add to 1020.03 against a stated 1020.02: rounding, not a mistake
    doc, checks = dev_checks("zhejiang-chunan-2020-public-culture-fund")
    sums = [c for c in checks if c["rule"] == "table_sum"]
    assert any(
        c["detail"].endswith("+ 41.40 + 87.40 + 49.95 + 24 + 139.21 + 41.16 + 18.00 + 49.34 = 1020.03, stated 1020.02")
        and c["ok"]
        for c in sums
    )
    c = next(c for c in sums if "1020.02" in c["detail"])
    assert span_text(doc, c).startswith("129.05") and span_text(doc, c).endswith("1020.02")
    assert not failed(checks)  # and the plan column adds up to 1088.00


def test_share_of_a_whole() -> None:
    doc, checks = dev_checks("guangdong-dongguan-undated-capital-projects-review")
    (c,) = failed(checks)
    assert (c["rule"], c["detail"]) == ("share", "35个 ÷ 41个 = 85.37%, stated 85.36%")
    assert span_text(doc, c).startswith("41个") or "41个" in span_text(doc, c)
    assert len([x for x in checks if x["rule"] == "share" and x["ok"]]) == 3
    _doc, checks = dev_checks("zhejiang-wencheng-2023-evaluation-results-notice")
    assert [c["detail"] for c in checks if c["rule"] == "share"] == [
        "5个 ÷ 50个 = 10.00%, stated 10%",
        "23个 ÷ 50个 = 46.00%, stated 46%",
        "22个 ÷ 50个 = 44.00%, stated 44%",
    ]
    assert all(c["ok"] for c in checks)


def test_headings_carrying_weight_and_score() -> None:
    _doc, checks = dev_checks("anhui-yuan-2020-vagrant-relief-self-report")
    bad = {c["rule"]: c["detail"] for c in failed(checks)}
    assert bad == {
        "weight_sum": "投入 weights: 10 + 10 = 20, stated 18",
        "indicator_sum": "投入: 10 + 10 = 20, stated 18",
    }


def test_levels_of_one_system_are_no_sum() -> None:
    # 共编制15个绩效目标指标，其中一级指标3个，二级指标8个，三级指标15个
    _doc, checks = dev_checks("henan-xiping-2023-produce-market-storage-self-report")
    assert not failed(checks)
    assert any(c["rule"] == "execution_rate" and c["ok"] for c in checks)


def test_fixture_report_fails_where_its_numbers_disagree() -> None:
    doc = parse(TEXTS / "inconsistent_report.txt")
    checks = extract_fields(doc).to_dict()["checks"]
    bad = {c["rule"]: c["detail"] for c in failed(checks)}
    assert bad == {
        "indicator_sum": "决策: 12 + 12 = 24, stated 25",
        "grade_threshold": "85 of 100 → 良 (良 ≥ 80), stated 优",
        "percent_column": "占比 (金额（万元）): 60.00 + 30.00 + 12.00 = 102.00%, expected 100.00%",
        "execution_rate": "预算执行率: 450万元 ÷ 500万元 = 90.00%, stated 95.00%",
    }
    ok = [c["detail"] for c in checks if c["ok"] and c["rule"] == "table_sum"]
    assert ok == ["表1 金额（万元） (合计): 300 + 150 + 50 = 500, stated 500"]
    for c in checks:
        s, e = c["span"]
        assert doc.text[s:e].strip()


def _dev_item_or_skip(stem: str):
    return checks_of(dev_item_path(stem, skip_if_missing=True))


def test_execution_rate_of_a_form_that_says_100_percent() -> None:
    doc, checks = _dev_item_or_skip("hunan-lingling-2021-forestry-bureau-department-table")
    (c,) = failed(checks)
    assert c["detail"] == "执行率: 3824.26万元 ÷ 4753.66万元 = 80.45%, stated 100%"
    text = span_text(doc, c)
    assert text.startswith("4753.66万元") and "3824.26万元" in text and text.endswith("100%")
    # Two breakdowns of the total (按收入性质分 / 按支出性质分) are not one list that adds up to twice it.
    assert not [x for x in checks if x["rule"] == "table_sum"]


def test_form_weights_over_100() -> None:
    _doc, checks = _dev_item_or_skip("sichuan-zhongjiang-2022-water-gauge-linkage-fund-table")
    w, s = sorted(failed(checks), key=lambda c: c["rule"], reverse=True)
    assert w["detail"] == "一级指标 weights: 产出70 + 效益20 + 满意度10 + 预算执行10 = 110, stated 100"
    # (and the third-level scores, read by the header's column order, with the budget row's make 110 too)
    assert s["rule"] == "indicator_sum" and s["detail"].startswith(
        "三级指标 + 预算执行: 10 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 110, stated total 100"
    )
