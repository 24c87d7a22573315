"""Figures (issue 8, figures35): shapes the dev half showed unread, each on short texts shaped the way reports and
news items print them (places and numbers varied), with a near miss that must not change.
"""

from __future__ import annotations

from test_generalisation_figures31 import _values

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
