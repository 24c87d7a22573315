"""Checks (issue 8, checks37): the report's own arithmetic that dev-half items state — on the real dev items and
on short texts shaped the way reports print them, one that adds up (a passed check) and one that does not (a failed
check naming the numbers).
"""

from __future__ import annotations

from excerpt_records import checks_of_text as checks
from excerpt_records import TEXTS, item_checks


# ---------------------------------------------------------------- a rate's own clause: its two amounts are its operands


def test_rates_of_their_own_clause_pair_are_checked_on_real_items() -> None:
    # guangdong-guangzhou: (2)…实际分配1746.00万元，已到位1746.00万元，资金到位率100%；(3)计提工作经费20.00万元，实际支出17.05万元，
    # 资金支出率85%
    got = item_checks("guangdong-guangzhou-2022-private-economy-sme-funds")
    assert ("arrival_rate", True, "资金到位率: 1746.00万元 ÷ 1746.00万元 = 100.00%, stated 100%") in got
    assert ("execution_rate", True, "资金支出率: 17.05万元 ÷ 20.00万元 = 85.25%, stated 85%") in got
    # hainan-danzhou: 案件审判411.95万元，年末结算支出411.95万元，项目资金支出进度比率为100% (a project named, no budget word)
    got = item_checks("hainan-danzhou-2018-peoples-court-department")
    assert ("execution_rate", True, "项目资金支出进度比率: 411.95万元 ÷ 411.95万元 = 100.00%, stated 100%") in got


_OWN = (
    "某县2022年度项目支出绩效自评报告\n二、资金情况\n项目资金共计520万元，实际到位520万元，资金到位率100%。"
    "其中：（1）培训方向实际分配500.00万元，已到位500.00万元，资金到位率{}%；"
    "（2）计提工作经费20.00万元，实际支出17.05万元，资金支出率{}%。\n"
)


def test_a_wrong_rate_of_its_own_clause_is_flagged_though_another_pair_would_give_it() -> None:
    right = checks(_OWN.format("100", "85"))
    assert not [c for c in right if not c[1]], right
    # 520 ÷ 500 = 104%: a pair of the section gives the changed rate, the clause's own pair does not
    wrong = checks(_OWN.format("104", "85"))
    assert ("arrival_rate", False, "资金到位率: 500.00万元 ÷ 500.00万元 = 100.00%, stated 104%") in wrong
    wrong = checks(_OWN.format("100", "86"))
    assert ("execution_rate", False, "资金支出率: 17.05万元 ÷ 20.00万元 = 85.25%, stated 86%") in wrong


def test_a_part_or_an_amount_named_by_the_words_after_it_is_no_operand() -> None:
    # the rate after a 其中 part is the whole's (经费369万元，其中幼师国培资金97.875万元，资金到位率和及时率达100%), and an amount
    # applied for is not the amount arrived though the rate's words follow it
    part = "某县2019年度项目支出绩效自评报告\n二、资金情况\n项目资金落实到位，经费369万元，其中幼师国培资金97.875万元，资金到位率达100%。\n"
    assert not [c for c in checks(part) if not c[1]]
    applied = "某县2018年度项目支出绩效自评报告\n二、资金情况\n年度预算金额为5万元，实际申请拨款金额2.1776万元，资金到位率为100%。\n"
    assert not [c for c in checks(applied) if not c[1]]


# ---------------------------------------------------------------- a 完成率 of money its own clause names


def test_a_completion_rate_of_money_completed_is_checked() -> None:
    # neimenggu-zhalantun (traditional characters): 收到中央財政獎補資金3000萬元，已制定《…》，實際完成2700萬元，完成率達到90%
    # (printed right, it repeats the 使用率 sentence's check; printed 95%, it is flagged)
    text = (TEXTS / "neimenggu-zhalantun-2022-modern-agri-park.txt").read_text(encoding="utf-8")
    assert "完成率達到90%" in text
    assert not [c for c in item_checks("neimenggu-zhalantun-2022-modern-agri-park") if not c[1]]
    got = checks(text.replace("完成率達到90%", "完成率達到95%"))
    assert ("execution_rate", False, "完成率: 2700万元 ÷ 3000万元 = 90.00%, stated 95%") in got


def test_a_completion_rate_right_and_wrong_and_an_activity_s_rate_unchecked() -> None:
    text = "某县2022年度项目支出绩效自评报告\n二、资金情况\n2022年收到奖补资金3000万元，实际完成2700万元，完成率达到{}%。\n"
    assert ("execution_rate", True, "完成率: 2700万元 ÷ 3000万元 = 90.00%, stated 90%") in checks(text.format("90"))
    assert ("execution_rate", False, "完成率: 2700万元 ÷ 3000万元 = 90.00%, stated 95%") in checks(text.format("95"))
    # an output's completion rate after amounts that name no completed money says nothing
    task = "某县2022年度项目支出绩效自评报告\n二、资金情况\n2022年收到奖补资金3000万元，实际支付2700万元，培训完成率达到100%。\n"
    assert not [c for c in checks(task) if "完成率" in c[2]]
