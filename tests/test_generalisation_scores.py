"""Scores, indicators, figures and jurisdictions on short texts the corpus lacks.

Each text in tests/texts/ is parsed through ``jixiao.parse`` like any report, so
these tests exercise the readers and the record extraction together.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import parse
from jixiao.extractor.record import extract_fields

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module")
def fields():
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            cache[name] = extract_fields(parse(TEXTS / name)).to_dict()
        return cache[name]

    return get


def test_grade_stated_as_youxiu_in_quotes(fields) -> None:
    r = fields("grade_youxiu.txt")
    assert r["score"] == {"total": 93, "max": 100, "grade": "优", "grade_source": "stated"}
    assert r["evaluation_mode"] == "third_party"
    assert r["evaluator"] == "云南中和会计师事务所有限公司"
    assert r["evaluated_unit"] == "曲靖市麒麟区农业农村局"
    assert r["jurisdiction"]["adcode"] == "530302"  # 麒麟区, 曲靖市
    assert r["title"] == "2022年度曲靖市麒麟区农业农村局高标准农田建设项目绩效评价报告"  # 附件2： stripped


def test_zonghe_pingfen_decimal_score(fields) -> None:
    r = fields("score_zonghepingfen.txt")
    # "…指标体系逐项打分，综合评分92.5分": the word 指标 before it does not make it a sub-score.
    assert r["score"] == {"total": 92.5, "max": 100, "grade": "优", "grade_source": "derived"}
    assert r["evaluation_mode"] == "self"


def test_dengji_lianghao_maps_to_liang(fields) -> None:
    r = fields("grade_dengji_lianghao.txt")
    assert r["score"] == {"total": 85, "max": 100, "grade": "良", "grade_source": "stated"}
    assert {"rule": "grade_threshold", "ok": True} == {k: r["checks"][0][k] for k in ("rule", "ok")}


def test_score_given_only_as_rate(fields) -> None:
    r = fields("rate_only.txt")
    assert r["score"] == {"total": 78.6, "max": 100, "grade": "中", "grade_source": "derived"}
    assert r["years"] == [2020]


def test_fullwidth_digits_in_score_and_figures(fields) -> None:
    r = fields("fullwidth_digits.txt")
    assert r["score"]["total"] == 86.5 and r["score"]["grade"] == "良"
    assert r["years"] == [2022]
    got = {(f["name"], f["value"]) for f in r["figures"]}
    # names as printed; values in base units from full-width digits
    assert {("部门年初预算", 12005000), ("决算支出", 11404750), ("完成年初预算的", 0.95), ("完成参保", 87670)} <= got
    (check,) = [c for c in r["checks"] if c["rule"] == "execution_rate"]
    assert check["ok"] is True and "95.00%" in check["detail"]


def test_coded_indicator_table(fields) -> None:
    r = fields("coded_indicator_table.txt")
    by_code = {i["code"]: i for i in r["indicators"]}
    assert set(by_code) == {"A", "A1", "A2", "B", "B1", "B2", "C", "C1", "C2"}
    assert by_code["A"] | {} == {**by_code["A"], "level": 1, "name": "决策", "parent": None, "weight": 20, "score": 18}
    assert (by_code["B2"]["level"], by_code["B2"]["parent"], by_code["B2"]["weight"], by_code["B2"]["score"]) == (
        2,
        "过程",
        15,
        13,
    )
    assert r["score"]["total"] == 87
    rules = [(c["rule"], c["ok"]) for c in r["checks"]]
    assert rules.count(("indicator_sum", True)) == 4  # level 1 → total, and each parent's children
    assert ("weight_sum", True) in rules
    assert rules.count(("score_rate", True)) == 10  # nine indicators and the 合计 row


def test_tiered_indicator_table_with_merged_cells(fields) -> None:
    r = fields("tiered_indicator_table.txt")
    names = [(i["level"], i["name"], i["parent"]) for i in r["indicators"]]
    assert names == [
        (3, "立项依据充分性", "项目立项"),
        (3, "立项程序规范性", "项目立项"),
        (3, "绩效目标合理性", "绩效目标"),
        (3, "绩效指标明确性", "绩效目标"),
        (3, "资金到位率", "资金管理"),
        (3, "资金使用合规性", "资金管理"),
    ]
    assert r["score"] == {"total": 89, "max": 100, "grade": "良", "grade_source": "stated"}


def test_county_report_resolved_to_adcode(fields) -> None:
    r = fields("county_menghai.txt")
    assert r["jurisdiction"] == {
        "name": "勐海县",
        "level": "county",
        "province": "云南省",
        "prefecture": "西双版纳傣族自治州",
        "county": "勐海县",
        "adcode": "532822",
    }
    assert r["report_date"] == "2023-03-15"
    assert r["years"] == [2022]
    assert r["evaluation_mode"] == "self"
    assert r["score"]["grade"] == "优" and r["score"]["grade_source"] == "derived"


def test_derived_grade_below_sixty(fields) -> None:
    r = fields("derived_grade_low.txt")
    assert r["score"] == {"total": 58.5, "max": 100, "grade": "差", "grade_source": "derived"}
    # 到位率仅为62.50% is stated in 存在的问题: a finding's words, not a figure of the basic situation
    assert r["figures"] == []


def test_chinese_numeral_score(fields) -> None:
    r = fields("chinese_numeral_score.txt")
    assert r["score"] == {"total": 97, "max": 100, "grade": "优", "grade_source": "derived"}
    assert r["years"] == [2018]


def test_finance_mode_year_range_chinese_date_and_subscore(fields) -> None:
    r = fields("finance_mode_chinese_date.txt")
    assert r["evaluation_mode"] == "finance"
    assert r["evaluator"] == "大理白族自治州财政局"
    assert r["years"] == [2020, 2021, 2022]  # 2020—2022年 in the title
    assert r["report_date"] == "2023-05-10"  # 二〇二三年五月十日
    assert r["jurisdiction"]["adcode"] == "532900" and r["jurisdiction"]["name"] == "大理州"
    # 资金管理得分 16.5 分 follows 此项评价满分为 20 分: a sub-score, not the total.
    assert r["score"] == {"total": 88, "max": 100, "grade": "良", "grade_source": "stated"}
    assert r["program"] == "农村饮水安全巩固提升资金"


def test_weights_per_tier_columns(fields) -> None:
    r = fields("per_tier_weights.txt")
    got = {(i["level"], i["name"], i["parent"], i["weight"], i["score"]) for i in r["indicators"]}
    assert (1, "决策", None, 20, None) in got
    assert (2, "绩效目标", "决策", 12, None) in got
    assert (3, "资金到位率", "资金管理", 40, 36) in got
    assert len(r["indicators"]) == 11  # 2 + 3 + 6
    checks = {c["detail"]: c["ok"] for c in r["checks"]}
    assert checks["三级指标: 4 + 3 + 5 + 6 + 36 + 38 = 92, stated total 92"] is True
    assert checks["决策 weights: 8 + 12 = 20, stated 20"] is True


def test_inconsistent_report_fails_checks_without_correcting(fields) -> None:
    r = fields("inconsistent_report.txt")
    failed = {c["rule"]: c["detail"] for c in r["checks"] if not c["ok"]}
    assert failed == {
        "indicator_sum": "决策: 12 + 12 = 24, stated 25",
        "grade_threshold": "85 of 100 → 良 (良 ≥ 80), stated 优",
        "percent_column": "占比 (金额（万元）): 60.00 + 30.00 + 12.00 = 102.00%, expected 100.00%",
        "execution_rate": "预算执行率: 450万元 ÷ 500万元 = 90.00%, stated 95.00%",
    }
    # The report's own numbers stay as printed.
    assert r["score"] == {"total": 85, "max": 100, "grade": "优", "grade_source": "stated"}
    (a,) = [i for i in r["indicators"] if i["code"] == "A"]
    assert a["score"] == 25


def test_self_assessment_form_table_figures(fields) -> None:
    r = fields("self_assessment_form.txt")
    got = {(f["name"], f["value"]) for f in r["figures"]}
    # 万元 from the header's first cell: 120 → 1,200,000 yuan. The only part, 其中：本年财政拨款, repeats
    # the total and is listed too (devset ruling 24(c)); its dashes state nothing.
    assert got == {
        ("年初预算数", 1200000),
        ("全年预算数", 1200000),
        ("全年执行数", 1080000),
        ("执行率", 0.9),
        ("本年财政拨款 年初预算数", 1200000),
        ("本年财政拨款 全年预算数", 1200000),
        ("本年财政拨款 全年执行数", 1080000),
        ("本年财政拨款 执行率", 0.9),
    }
    # (each row that prints a rate has it checked: the total's and the part's, 其中：本年财政拨款)
    assert [(c["rule"], c["ok"]) for c in r["checks"]] == [("table_sum", True)] * 3 + [("execution_rate", True)] * 2
    assert r["indicators"] == []  # 分值/得分 columns without indicator names are not an indicator table
