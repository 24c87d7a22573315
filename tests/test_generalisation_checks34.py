"""Checks (issue 8, figures34): prose sums the dev half read wrongly, each on short texts shaped the way reports
print them (places, programmes and numbers varied), with a near miss that must still be said.
"""

from __future__ import annotations

from test_generalisation_checks import failed

_LOTTERY = "2020年某市体育彩票公益金使用情况公告\n二、本级体育彩票公益金使用情况\n"
_DEPARTMENT = "某区第一幼儿园2021年度部门整体支出绩效自评报告\n一、基本情况\n"


# ---------------------------------------------------------------- a 其中 inside one item of a numbered list


def test_the_next_numbered_item_is_no_part_of_the_item_before() -> None:
    # 1、A 654.17万元，其中补助地方30万元；2、B…: the ；-clause opening with 2、 is the next item of the list A is an
    # item of, not a second part of A (fujian-fuzhou, a lottery fund's use announcement)
    for text in (
        "1、群众性综合运动会654.17万元，其中补助地方30万元；2、示范性全民健身活动559.52万元；3、其他活动219.41万元。\n",
        "（1）青少年体育活动120万元，其中补助县区40万元；（2）体育场地维护85.5万元；（3）体育培训36万元。\n",
    ):
        assert failed(_LOTTERY + text) == [], text


def test_a_list_of_parts_after_qizhong_is_still_checked() -> None:
    # near misses: the parts of the 其中 in ；-clauses, numbered or not, that miss their whole are still a slip
    for text in (
        "体育活动经费120万元，其中：补助县区40万元，用于赛事；市本级70万元，用于培训。\n",
        "体育活动经费120万元，其中：1.补助县区40万元；2.市本级70万元。\n",
    ):
        assert failed(_LOTTERY + text) == ["体育活动经费: 40万元 + 70万元 = 110万元, stated 120万元"], text


# ---------------------------------------------------------------- 其中 after a sentence of several amounts


def test_parts_within_another_amount_of_the_sentence_before_are_no_slip() -> None:
    # a department's assets: 原值, 累计折旧, 净值, then 其中 in a sentence of its own — the parts are of the 原值
    # (or of the 资产总额), not of the last amount; which one they divide is not told, so nothing is said
    for text in (
        "2021年本单位固定资产期末账面数原值482.46万元，累计折旧162.14万元，净值320.32万元。其中：土地、房屋及构筑物"
        "134.67万元，占固定资产的27.91%；通用设备195.56万元，占固定资产的40.53%。\n",
        "截至年末，资产总额1000万元，负债总额200万元，净资产800万元。其中：流动资产350万元，固定资产650万元。\n",
    ):
        assert failed(_DEPARTMENT + text) == [], text


def test_parts_over_every_amount_of_the_sentence_before_are_a_slip() -> None:
    # near misses: parts over every amount before, or a sentence of one amount, are still a slip
    text = "截至年末，资产总额1000万元，负债总额200万元，净资产800万元。其中：流动资产550万元，固定资产650万元。\n"
    assert failed(_DEPARTMENT + text) == ["净资产: 550万元 + 650万元 = 1200万元, stated 800万元"]
    text = "2021年收入合计500万元。其中：财政拨款300万元，其他收入250万元。\n"
    assert failed(_DEPARTMENT + text) == ["收入合计: 300万元 + 250万元 = 550万元, stated 500万元"]


# ---------------------------------------------------------------- a budget line named …保障支出


def test_what_was_spent_of_a_budget_line_named_zhichu_is_no_part_of_it() -> None:
    # 收到…发展保障支出520万元，其中：…补助资金520万元，已支出388.16万元: the line's name holds 支出, but it names the
    # money received (a 保障支出 line, as 项目支出 is a class of the budget); 已支出 is what became of it, not a part
    head = "茂名市2023年省级交通专项资金绩效自评报告\n一、基本情况\n"
    for text in (
        "收到省交通事业发展保障支出520万元，其中：超限车辆电子抓拍监控设施建设补助资金520万元，已支出388.16万元，"
        "资金支付率74.65%。\n",
        "2023年收到市级运转保障支出80万元，其中：办公设备购置补助资金80万元，已支出60万元。\n",
    ):
        assert failed(head + text) == [], text
    # near miss: two parts of the line that miss it are still a slip
    text = "收到省交通事业发展保障支出520万元，其中：抓拍设施建设补助资金300万元，养护补助资金250万元，已支出388.16万元。\n"
    assert failed(head + text) == ["省交通事业发展保障支出: 300万元 + 250万元 = 550万元, stated 520万元"]
