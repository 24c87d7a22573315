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


# ---------------------------------------------------------------- one fund under different verbs (ruling 33's exception)


def test_one_fund_received_and_spent_is_named_by_each_verb() -> None:
    # 共收到上级拨付的福利彩票公益金6万元 … 累计支出福利彩票公益金6万元: received and spent, two figures named by their verbs
    got = _figures("shanxi-guangling-2022-welfare-lottery-fund-use-notice")
    assert ("共收到", 60000, "元") in got and ("累计支出", 60000, "元") in got
    assert not any(n == "福利彩票公益金" for n, _v, _u in got)


def test_one_fund_allocated_and_put_in_with_a_receiver_and_a_level_word() -> None:
    # 共下达我市中央福彩公益金870.2万元 … 我市共投入中央福彩公益金870.2万元 (the receiver 我市 and the level word aside)
    got = _figures("sichuan-leshan-2024-central-welfare-lottery-fund-transfer-self-report-spam")
    assert ("共下达", 8702000, "元") in got and ("共投入", 8702000, "元") in got


def test_one_fund_under_two_verbs_in_another_genre() -> None:
    # synthetic: another fund, other verbs and amounts that differ
    got = _figures_of_text(
        "一、项目基本情况\n2023年，我县共到位农村饮水安全维修养护资金85万元。\n"
        "截至年底，实际支出农村饮水安全维修养护资金80.5万元，执行率94.7%。\n"
    )
    assert ("共到位", 850000, "元") in got and ("实际支出", 805000, "元") in got


def test_one_fund_under_one_verb_keeps_its_name() -> None:
    # near miss: the fund named once before its amount (ruling 33's rule, not its exception) keeps the fund's name
    got = _figures_of_text("一、项目基本情况\n2023年下达我县体育强省建设专项资金412万元，用于全民健身设施建设。\n")
    assert not any(n in ("下达", "共下达") for n, _v, _u in got)


def test_two_allocations_of_one_fund_keep_the_funds_name() -> None:
    # near miss: allocated twice, spent never (实际下达…补助资金共计783,451万元 … 共安排…补助资金873,094.04万元, the
    # shared corpus's yunnan pension report): no money received against money spent, the fund's name stays
    got = _figures_of_text(
        "一、资金情况\n2021年度，中央、省级财政实际下达城乡居民医疗救助补助资金共计7,834万元。\n"
        "2021年各级财政共安排城乡居民医疗救助补助资金8,730.5万元。\n"
    )
    assert not any(n in ("实际下达", "共安排") for n, _v, _u in got)


def test_a_generic_fund_word_groups_nothing() -> None:
    # near miss: 财政补助资金 names no particular money (ruling 33's bare fund words), so two amounts under it are not one
    # fund received and spent
    got = _figures_of_text(
        "一、项目基本情况\n2024年，财政部下达城镇保障性安居工程财政补助资金40957万元。\n"
        "我区通过债券方式投入自治区财政补助资金3.30亿元。\n"
    )
    assert not any(n == "投入" and v == 330000000 for n, v, _u in got)
