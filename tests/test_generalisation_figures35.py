"""Figures (issue 8, figures35): shapes the dev half showed unread, each on short texts shaped the way reports and
news items print them (places and numbers varied), with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_checks import figures
from test_generalisation_figures31 import _HEAD, _values

# ---------------------------------------------------------------- counts in Chinese numerals


def test_a_count_in_chinese_numerals_after_its_label() -> None:
    # 所属事业单位三个，, 项目资金两项：: read as the same count in digits (ruling 26), value in base units
    assert _values("本局所属事业单位三个，分别为稽查大队、服务中心和检验所。\n") == {3: ("本局所属事业单位", "个")}
    got = _values("其中基层社恢复重建项目两个，农资连锁经营网络新建项目五个。\n")
    assert got == {2: ("基层社恢复重建项目", "个"), 5: ("农资连锁经营网络新建项目", "个")}
    assert _values("全院内设科室十二个，编制人数四十五人。\n") == {12: ("全院内设科室", "个"), 45: ("编制人数", "人")}
    assert _values("2021年部门预算总计100.46万元，其中项目资金两项：妇女儿童事业发展专项经费34.5万元。\n")[2] == (
        "项目资金",
        "项",
    )


def test_a_chinese_numeral_that_is_no_count_stays_out() -> None:
    # near misses: a count of one (发现一户、改造一户: a slogan; 一个 an article as often), a count before its noun (四个项目,
    # 三项工程: a name or a list's words as often as a size), words (统一, 之一, 第一), times and aspects (两次, 三个方面),
    # an office's name (公诉三处)
    assert _values("坚持发现一户、改造一户，我校2022年项目为一个：生均公用经费项目。\n") == {}
    assert _values("该工程涉及六个镇，对学前教育三项工程实施奖补。\n") == {}
    assert _values("这是全市重点工作之一，必须统一标准。\n") == {}
    assert _values("项目组召开了两次推进会，从三个方面开展工作。\n") == {}
    assert _values("第一个项目于2014年10月通过验收，公诉三处、侦查监督二处参与。\n") == {}


# ---------------------------------------------------------------- counts of targets


def test_a_count_of_targets_stays_out() -> None:
    # 共编制15个绩效目标指标, 绩效目标设定分四项: the parts of a target system (ruling 26), whichever the order or numerals
    assert _values("该项目共编制15个绩效目标指标，其中一级指标3个。\n") == {}
    assert _values("项目资金绩效目标设定分四项：产出、效益、成本和满意度。\n") == {}
    assert _values("年度绩效目标共5个，均已完成。\n") == {}
    # near miss: a count of projects or an amount under a label with 指标 stays (省级第一批指标1080万元)
    assert _values("下达省级第一批指标1080万元，涉及项目6个。\n") == {
        10800000: ("下达省级第一批指标", "元"),
        6: ("涉及项目", "个"),
    }


# ---------------------------------------------------------------- 了 after the verb of allocation


def test_the_aspect_after_a_verb_of_allocation_is_no_part_of_its_label() -> None:
    # 共安排了700万元专项奖励资金, 累计投入了1200万元: the verb and its qualifiers name the amount (ruling 14), as without 了
    assert _values("根据考核等级，市财政共安排了700万元专项奖励资金。\n") == {7000000: ("共安排", "元")}
    assert _values("近三年来，县财政累计投入了1200万元，用于农村公路养护。\n") == {12000000: ("累计投入", "元")}
    # near miss: without 了 the same
    assert _values("根据考核等级，市财政共安排700万元专项奖励资金。\n") == {7000000: ("共安排", "元")}


# ---------------------------------------------------------------- a modifier clause before the amount


def test_an_amount_after_a_modifier_clause_is_named_by_its_verb() -> None:
    # 2022年安排的1.9亿元…资金, 已下达的500万元资金: the clause's words name the amount, 的 is no part of them, so the
    # restatement of 江西省安排1.9亿元 is one figure with it
    text = "江西省安排1.9亿元城市建设专项资金。\n《报告》显示，2022年安排的1.9亿元省级城市建设专项资金实际执行1.8918亿元。\n"
    got = [(n, v) for n, v, _u in figures(_HEAD + text)]
    assert [v for _n, v in got].count(190000000) == 1, got
    assert ("江西省安排", 190000000) in got
    assert _values("截至年底，县财政已拨付的500万元资金全部用于村道养护。\n") == {5000000: ("县财政已拨付", "元")}
    # near miss: a rate keeps its 的 (占部门预算数的34.34%)
    got2 = _values("项目资金34.5万元，占部门预算数的34.34%。\n")
    assert got2 == {345000: ("项目资金", "元"), 0.3434: ("占部门预算数的", "%")}


# ---------------------------------------------------------------- the 达 of 下达


def test_the_verb_xiada_keeps_its_last_character() -> None:
    # 县财政下达500万元, 省财政厅直达资金…: 达 is the verb's, not the link word 达 (资金到位率达100%)
    assert _values("2023年，县财政下达500万元用于村道养护。\n") == {5000000: ("县财政下达", "元")}
    assert _values("截至年底，市财政已下达380万元。\n") == {3800000: ("市财政已下达", "元")}
    # …and 高达 / 多达 are links whole (受益群众高达20000人 → 受益群众)
    assert _values("项目受益群众高达20000人。\n") == {20000: ("项目受益群众", "人")}
    assert _values("全县参保人数多达12万人。\n") == {120000: ("全县参保人数", "人")}
    # near miss: the link word 达 is still dropped
    assert _values("资金到位率达100%。\n") == {1.0: ("资金到位率", "%")}
