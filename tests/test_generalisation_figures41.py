"""Figures (issue 8, figures41): false values the dev half showed dropped and misses found, asserted on the real dev
items, with synthetic variants of each shape (another label, unit or place) and near misses that must not change.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def _figures(stem: str) -> list[tuple[str, float, str]]:
    """The item's figures as a list (a set would fold two entries of one name and value into one)."""
    return [(f["name"], f["value"], f["unit"]) for f in devset_record(stem)[1].to_dict()["figures"]]


def _figures_of_text(text: str) -> list[tuple[str, float, str]]:
    return [(f["name"], f["value"], f["unit"]) for f in record_of_text(text)[1].to_dict()["figures"]]

# ---------------------------------------------------------------- a breakdown's heading restates its amount (ruling 43)


def test_a_breakdown_headed_by_its_amount_restates_it() -> None:
    # 2018年度支出5560.46万元,其中:基本支出2956.36万元,项目支出2604.1万元。 … 1.基本支出2956.36万元,其中:工资福利支出…
    # … 2.项目支出2604.1万元,其中: 案件审判414.35万元 — each of the two amounts once, the second under its whole label
    got = _figures("hainan-danzhou-2018-peoples-court-department")
    assert sum(1 for _n, v, _u in got if v == 29563600) == 1
    assert [n for n, v, _u in got if v == 26041000] == ["项目支出"]


_BREAKDOWN = (
    "一、单位基本情况\n2023年度收入812.5万元，其中：财政拨款收入760万元，其他收入52.5万元。\n"
    "1.财政拨款收入760万元，其中：一般公共预算拨款700万元，政府性基金60万元。\n"
    "2.其他收入52.5万元，其中：事业收入52.5万元。\n"
)


def test_a_breakdown_heading_in_another_unit_restates_it() -> None:
    # synthetic: income instead of spending, another place's words; the heading's amount is the overview's
    got = _figures_of_text(_BREAKDOWN)
    assert sum(1 for n, v, _u in got if v == 7600000) == 1
    assert sum(1 for n, v, _u in got if v == 525000 and n.endswith("其他收入")) == 1
    assert any(n == "事业收入" and v == 525000 for n, v, _u in got)  # a part named by its own label stays


def test_listed_parts_of_their_own_keep_their_amounts() -> None:
    # near miss: 1、XX项目：预算… names a part of its own before its figures — the same amount twice is two projects'
    got = _figures_of_text(
        "一、项目基本情况\n本年度预算资金40万元。\n1、道路养护项目：预算资金20万元。\n2、路灯维修项目：预算资金20万元。\n"
    )
    assert sum(1 for _n, v, _u in got if v == 200000) == 2


# ---------------------------------------------------------------- a line's numbering is no count before the label


def test_a_numbered_line_keeps_the_first_character_of_its_label() -> None:
    # 2.项目支出2604.1万元 (not 目支出: the 2. is the line's numbering, not 2项); synthetic 3.项目经费, 1.个人部分
    assert ("项目经费", 150000, "元") in _figures_of_text("一、基本情况\n3.项目经费15万元，全部用于设备购置。\n")
    assert ("个人部分", 30000, "元") in _figures_of_text("一、基本情况\n1.个人部分3万元，由单位代缴。\n")


def test_a_count_glued_before_a_label_still_goes() -> None:
    # near miss: a count between label and amount (年初批复预算8个项目985万元, 危桥改造11座820万元) is read as before
    assert ("年初批复预算", 9850000, "元") in _figures_of_text("一、项目基本情况\n年初批复预算8个项目985万元。\n")
    assert ("危桥改造", 8200000, "元") in _figures_of_text("一、项目基本情况\n危桥改造11座820万元。\n")
