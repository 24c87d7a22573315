"""Checks (issue 8, checks35): the report's own arithmetic that ``bench/arithmetic.py`` found stated in dev-half
items but unchecked, each on short texts shaped the way reports print them — one that adds up (a passed check) and
one that does not (a failed check naming both numbers).
"""

from __future__ import annotations

from excerpt_records import checks_of_text as checks

_SELF = "某县2021年度项目支出绩效自评报告\n二、绩效情况分析\n（一）资金投入情况分析。\n"


# ---------------------------------------------------------------- a mirror copy's pinyin glosses in the rate's name


def test_an_execution_rate_named_with_pinyin_glosses_is_checked() -> None:
    # 執(zhí)行率: mirror sites print pinyin after characters; the rate's name is read without them, as the
    # figures' names are (yunnan-baoshan, a propaganda department's culture fund; anhui-xuanzhou, a drought fund)
    for text, detail in (
        (
            "“文化發(fā)展及精品創(chuàng)作經(jīng)費”預算資金240.00萬元，年內使用資金165.15萬元，執(zhí)行率{}%。\n",
            "执行率: 165.15万元 ÷ 240.00万元 = 68.81%, stated {}%",
        ),
        (
            "截止2022年12月31日，此專項經費預算數(shù)70萬元，全年執(zhí)行數(shù)70萬元，實際執(zhí)行率{}%。\n",
            "实际执行率: 70万元 ÷ 70万元 = 100.00%, stated {}%",
        ),
    ):
        right = "68.81" if "68.81" in detail else "100"
        assert ("execution_rate", True, detail.format(right)) in checks(_SELF + text.format(right)), text
        wrong = "78.81" if right == "68.81" else "90"
        assert ("execution_rate", False, detail.format(wrong)) in checks(_SELF + text.format(wrong)), text


# ---------------------------------------------------------------- a 自评表's 其中 rows print their own 执行率

_TABLE = "某区2020年度项目支出绩效自评表\n项目名称 | 民办养老机构补助 | |||\n主管部门 | 某区民政局 | 实施单位 | 某区民政局 |\n"


def test_the_rate_of_a_qizhong_row_of_a_self_evaluation_table_is_checked() -> None:
    # 其中：中央财政资金 | 350 | 342.07 | 97.73%: a 其中 row with a rate of its own, under the total row (chongqing-kaizhou,
    # a lottery fund's subsidy; chongqing-zhongxian, a resettlement fund with spaces between the cells)
    for text, detail in (
        (
            "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | |||||\n"
            "年度资金总额: | 400 | 342.07 | 85.52% | |||||\n"
            "其中:中央财政资金 | 350 | 342.07 | {}% | |||||\n地方资金 | 50 | 0 | 0% | |||||\n其他资金 | ||||||||\n",
            "预算执行率(B/A) (其中:中央财政资金): 342.07 ÷ 350 = 97.73%, stated {}%",
        ),
        (
            "项目资金(万元)\n全年预算数(A)  全年执行数(B)  执行率(B/A)\n"
            "年度资金总额:  372.29万元 372.29万元 100%\n其中:中央、市级补助  372.29万元 372.29万元 {}%\n县级资金\n\n",
            "执行率(B/A) (其中:中央、市级补助): 372.29万元 ÷ 372.29万元 = 100.00%, stated {}%",
        ),
    ):
        right = "97.73" if "97.73" in detail else "100"
        got = checks(_TABLE + text.format(right))
        assert ("execution_rate", True, detail.format(right)) in got, got
        wrong = "96.73" if right == "97.73" else "90"
        got = checks(_TABLE + text.format(wrong))
        assert ("execution_rate", False, detail.format(wrong)) in got, got


# ---------------------------------------------------------------- the whole a rate is of, said with a bare 共


def test_a_rate_of_the_money_pooled_with_a_bare_gong_is_said_wrong_when_it_is() -> None:
    # 项目资金共8010万元 … 已完成拨付8010万元，执行率100% (henan-xiping, a produce market's storage); 整合项目资金共
    # 2600万元，支付2600万元，支付完成率100% (hunan-xintian, integrated transport funds): the pooled money is the whole
    for text, detail in (
        (
            "项目资金共8010万元，截止2023年11月30日，已完成拨付8010万元，执行率{}%。\n",
            "执行率: 8010万元 ÷ 8010万元 = 100.00%, stated {}%",
        ),
        (
            "2019年整合项目资金共2600万元，支付2600万元，支付完成率{}%，其中危桥改造11座820万元、生命安全防护工程1780万元。\n",
            "支付完成率: 2600万元 ÷ 2600万元 = 100.00%, stated {}%",
        ),
    ):
        assert ("execution_rate", True, detail.format("100")) in checks(_SELF + text.format("100")), text
        assert ("execution_rate", False, detail.format("90")) in checks(_SELF + text.format("90")), text


# ---------------------------------------------------------------- 支出进度 names an execution rate


def test_a_spending_progress_rate_is_an_execution_rate() -> None:
    # 年初预算数6万元，年末结算支出6万元，项目资金支出进度比率为100% (hainan-danzhou, a court's department report);
    # 预算支出进度 after the budget and the amount spent, as department reports print it
    for text, detail, right, wrong in (
        (
            "我院2018年共有8个支出项目，所有项目皆按照年初预算执行。其中，两庭及装备更新维护年初预算数195.00万元，"
            "年末结算支出195万元，项目资金支出进度比率为{}%；\n",
            "项目资金支出进度比率: 195万元 ÷ 195.00万元 = 100.00%, stated {}%",
            "100",
            "98",
        ),
        (
            "该项目年初预算安排资金120万元，截至12月31日实际支出114万元，预算支出进度为{}%。\n",
            "预算支出进度: 114万元 ÷ 120万元 = 95.00%, stated {}%",
            "95",
            "98",
        ),
    ):
        assert ("execution_rate", True, detail.format(right)) in checks(_SELF + text.format(right)), text
        assert ("execution_rate", False, detail.format(wrong)) in checks(_SELF + text.format(wrong)), text


# ---------------------------------------------------------------- 投入…资金 29.6万 (magnitude, no unit) and its rate


def test_a_rate_of_the_money_put_in_printed_without_a_unit() -> None:
    # （一）资金投入情况分析。投入中央直达资金29.6万，执行数29.6万，执行率100% (anhui-jinghu, a disabled persons'
    # federation's transfer): amounts with 万 and no 元, read as the figures read them, and the money put in the whole
    for text, detail, right, wrong in (
        (
            "投入中央直达资金29.6万，执行数29.6万，执行率{}%。\n",
            "执行率: 29.6万 ÷ 29.6万 = 100.00%, stated {}%",
            "100",
            "90",
        ),
        (
            "投入省级专项资金45.8万，执行数42万，执行率{}%。项目总投资约1260万，受益群众3.2万。\n",
            "执行率: 42万 ÷ 45.8万 = 91.70%, stated {}%",
            "91.7",
            "95",
        ),
    ):
        assert ("execution_rate", True, detail.format(right)) in checks(_SELF + text.format(right)), text
        assert ("execution_rate", False, detail.format(wrong)) in checks(_SELF + text.format(wrong)), text


def test_the_whole_in_the_rates_own_section_though_an_earlier_section_prints_amounts() -> None:
    # 1.项目资金到位情况分析。…8010万元均已到位… 2.项目资金执行情况分析。项目资金共8010万元，…已完成拨付8010万元，执行率
    # 100% (henan-xiping; hunan-xintian's 到位情况 then 实际支出使用情况): the whole named in the rate's own section
    # makes a wrong rate wrong, whatever amounts the section before prints
    for text, detail in (
        (
            "1.项目资金到位情况分析。项目资金8010万元均已到位及时安排到相关项目。\n2.项目资金执行情况分析。项目资金共"
            "8010万元，截止2023年11月30日，已完成拨付8010万元，执行率{}%。\n3.项目资金管理情况分析。严格按照规定管理。\n",
            "执行率: 8010万元 ÷ 8010万元 = 100.00%, stated {}%",
        ),
        (
            "2、项目资金到位情况\n2019年项目资金2600万元已全部到位。\n3、项目资金实际支出使用情况\n2019年整合项目资金共"
            "2600万元，支付2600万元，支付完成率{}%，其中危桥改造11座820万元、生命安全防护工程1780万元。\n",
            "支付完成率: 2600万元 ÷ 2600万元 = 100.00%, stated {}%",
        ),
    ):
        assert ("execution_rate", True, detail.format("100")) in checks(_SELF + text.format("100")), text
        assert ("execution_rate", False, detail.format("101")) in checks(_SELF + text.format("101")), text


# ---------------------------------------------------------------- the whole of an arrival rate: planned, or allotted


def test_an_arrival_rate_of_the_money_planned_or_allotted_is_said_wrong_when_it_is() -> None:
    # 计划到位资金41.8萬元，實際到位經費53萬元，經費到位率127% (anhui-lieshan, a legal-aid fund; its 到位 is the plan's);
    # 实际分配1746.00万元，已到位1746.00万元，资金到位率100% (guangdong-guangzhou, an SME fund's directions)
    for text, detail, right, wrong in (
        (
            "今年，烈山區司法局計劃到位資金41.8萬元，實際到位經費53萬元，經費到位率{}%，其中，中央轉移支付21萬元、"
            "省以獎代補經費5萬元、區財政配套27萬元。\n",
            "经费到位率: 53万元 ÷ 41.8万元 = 126.79%, stated {}%",
            "127",
            "137",
        ),
        (
            "已分配资金中：（1）中小微企业服务体系建设资金实际分配400.00万元，实际到位400.00万元，资金到位率为100%；"
            "（2）专精特新等中小微企业贷款贴息方向实际分配1746.00万元，已到位1746.00万元，资金到位率{}%；\n",
            "资金到位率: 1746.00万元 ÷ 1746.00万元 = 100.00%, stated {}%",
            "100",
            "101",
        ),
    ):
        assert ("arrival_rate", True, detail.format(right)) in checks(_SELF + text.format(right)), text
        assert ("arrival_rate", False, detail.format(wrong)) in checks(_SELF + text.format(wrong)), text


# ---------------------------------------------------------------- a rate per head before the clause of a total


def test_a_total_after_a_rate_per_head_in_the_clause_before_is_no_rate_per_head() -> None:
    # 按生均1000元安排,共计239万元,其中上级资金179.25万元,本级59.75万元 (hunan-leiyang, a school's public funds): the
    # 生均 is the 1000元's, in the clause before; the 239万元 is the money, its parts checked
    for text, detail, right, wrong in (
        (
            "我校2022年按生均1000元安排,共计239万元,其中上级资金179.25万元,本级{}万元,项目绩效目标是保证学校的正常运转\n",
            "共计: 179.25万元 + {}万元 = {}万元, stated 239万元",
            ("59.75", "239"),
            ("69.75", "249"),
        ),
        (
            "全县按户均500元发放，共计42万元，其中中央资金30万元，县级资金{}万元。\n",
            "共计: 30万元 + {}万元 = {}万元, stated 42万元",
            ("12", "42"),
            ("14", "44"),
        ),
    ):
        assert ("prose_sum", True, detail.format(*right)) in checks(_SELF + text.format(right[0])), text
        assert ("prose_sum", False, detail.format(*wrong)) in checks(_SELF + text.format(wrong[0])), text
