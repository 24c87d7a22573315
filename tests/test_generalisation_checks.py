"""Figures and checks (issue 8): the classes of miss measured on the development set's dev half,
each on a short text shaped like the excerpts that showed it, with a near miss that must not
give the figure or the failed check.

Places, programmes and numbers are varied from the development set's.  Every figure and check
keeps its evidence: ``span`` over exactly the words and numbers it names.
"""

from __future__ import annotations

from excerpt_records import record_of_text


def figures(text: str) -> list[tuple[str, float, str]]:
    doc, r = record_of_text(text)
    out = []
    for f in r.figures:
        s, e = f.span
        assert f.raw.replace(" ", "") in doc.text[s:e].replace(" ", ""), f
        out.append((f.name, f.value, f.unit))
    return out


def failed(text: str) -> list[str]:
    doc, r = record_of_text(text)
    out = []
    for c in r.checks:
        s, e = c.span
        assert doc.text[s:e], c
        if not c.ok:
            out.append(c.detail)
    return out


# ---------------------------------------------------------------------------- figures


def test_the_same_rate_of_each_listed_part_is_a_figure_of_its_own() -> None:
    text = (
        "一、基本情况\n"
        "截至2023年6月30日，资金实际到位860.00万元，到位率为100%。已到位资金中：（1）农机购置补贴"
        "实际到位520.00万元，资金到位率为100%；（2）农机报废更新补贴实际到位340.00万元，资金到位率100%。\n"
        "2022年度支出312.40万元，其中基本支出312.40万元，项目支出0万元。\n"
    )
    figs = figures(text)
    assert [f for f in figs if f[2] == "%"] == [("到位率", 1, "%"), ("资金到位率", 1, "%"), ("资金到位率", 1, "%")]
    assert ("基本支出", 3124000, "元") in figs and ("支出", 3124000, "元") in figs


def test_a_figure_restated_by_a_later_paragraph_is_one_figure() -> None:
    # The overview and the body state the same amount: one figure; a numbered list item opening with a part's
    # amount restates it too (tests/devset/README.md ruling 43: one label, one value, one figure).
    text = (
        "一、基本情况\n"
        "2021年度下达农村饮水安全工程补助资金420万元。\n"
        "二、资金使用情况\n"
        "农村饮水安全工程补助资金420万元已全部拨付。\n"
        "本年支出合计516.5万元，其中：基本支出96.5万元，项目支出420万元。\n"
        "1.基本支出96.5万元，其中工资福利支出80万元。\n"
        "基本支出96.5万元主要用于人员工资。\n"
    )
    figs = figures(text)
    assert [f for f in figs if f[1] == 4200000 and f[0].endswith("补助资金")] == [
        ("农村饮水安全工程补助资金", 4200000, "元")
    ]
    assert figs.count(("基本支出", 965000, "元")) == 1  # the overview's; the list item's and the third restate it


def test_a_count_named_by_its_noun_and_what_is_said_of_them() -> None:
    text = (
        "一、项目基本情况\n"
        "全县共安排项目36个，其中31个项目已完工，4个项目实施中，1个项目尚未开工。"
        "抽查的20个项目中，2个项目评为优，15个项目评为良。本次评价涉及6个乡镇，均已完成。\n"
    )
    figs = figures(text)
    # the projects done, under way or per grade are the year's progress and an evaluation's result, not the
    # programme's size (devset ruling 26); the projects planned and the ones evaluated are
    assert ("安排项目", 36, "个") in figs and ("项目", 20, "个") in figs, figs
    assert not [f for f in figs if f[1] in (31, 4, 2, 15)], figs
    # not what was left undone (1个项目尚未开工: an outcome, not a figure of the basic situation)
    assert not [f for f in figs if f[1] == 1 and f[2] == "个"]
    # the noun alone when the clause goes on (涉及6个乡镇，…): no predicate taken from the next clause
    assert ("乡镇", 6, "个") in figs


def test_a_number_right_after_a_half_width_comma() -> None:
    # Pages that print half-width commas between clauses: 已完工,4个 is a number; 1,280.50 one number.
    text = "一、项目基本情况\n共安排项目12个,其中8个项目已完工,4个项目实施中,下达资金1,280.50万元,执行率为96.2%。\n"
    figs = figures(text)
    assert ("安排项目", 12, "个") in figs
    assert not [f for f in figs if f[1] in (8, 4)]  # projects done or under way: progress (devset ruling 26)
    assert ("下达资金", 12805000, "元") in figs
    assert not [f for f in figs if f[1] in (280.5, 2805000)]


def test_a_head_count_in_a_form_flattened_one_cell_a_line() -> None:
    # 部门整体 basic-data forms: the label cell, then its bare number on the next line.
    text = "一、部门基本概况\n联系电话\n0731-8XXXX66\n人员编制\n38\n实有人数\n41\n办公面积\n1200\n"
    figs = figures(text)
    assert ("人员编制", 38, "人") in figs and ("实有人数", 41, "人") in figs
    assert not [f for f in figs if f[1] == 1200]  # a bare number under a label of no count: no figure


def test_a_head_count_label_over_a_number_with_decimals_is_no_count() -> None:
    figs = figures("一、部门基本概况\n人员编制\n38.5\n实有人数\n41\n")
    assert ("实有人数", 41, "人") in figs and not [f for f in figs if f[1] == 38.5]


def test_an_amount_with_its_magnitude_and_no_unit() -> None:
    # 29.6万 with no 元: an amount when its label names money, nothing otherwise.
    text = (
        "一、基本情况\n"
        "投入省级专项资金45.8万，执行数45.8万，执行率100%。项目总投资约1260万，"
        "受益群众3.2万，完成造林1.5万亩。\n"
    )
    figs = figures(text)
    assert ("投入省级专项资金", 458000, "元") in figs and ("执行数", 458000, "元") in figs
    assert ("项目总投资", 12600000, "元") in figs
    assert not [f for f in figs if f[1] in (32000, 15000)]


def test_a_count_after_a_count_is_named_by_the_words_between() -> None:
    text = "一、项目基本情况\n经评价小组现场核实9个乡镇共计安排项目47个，总投资3120万元；危桥改造6座410万元。\n"
    figs = figures(text)
    assert [f for f in figs if f[1] == 47] == [("安排项目", 47, "个")]
    # an amount after a count keeps the label before the count, unless the words between name money
    assert ("危桥改造", 4100000, "元") in figs
    figs = figures("一、项目基本情况\n城关镇、龙泉镇、石桥镇等3个乡镇总计应拨付补助资金为86.4万元。\n")
    assert figs == [("应拨付补助资金", 864000, "元")]


def test_rates_of_quality_or_satisfaction_are_no_figures() -> None:
    text = (
        "一、项目基本情况\n项目总投资86万元，资金到位率100%，预算执行率95.3%，项目验收合格率100%，受益群众满意度98%。\n"
    )
    figs = figures(text)
    assert ("资金到位率", 1, "%") in figs and ("预算执行率", 0.953, "%") in figs
    assert not [f for f in figs if f[0].endswith(("合格率", "满意度"))]


def test_a_dash_placeholder_cell_is_no_minus_sign() -> None:
    # A 自评表 flattened one cell a line: the 分值 and 得分 cells of a part row hold a dash.
    cells = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额:"]
    cells += ["86", "86", "85", "10", "98.84%", "10", "其中:本年财政拨款", "86", "86", "85", "-", "98.84%", "-"]
    text = "项目支出绩效自评表\n项目资金(万元)\n\n" + "\n\n".join("    " + c for c in cells) + "\n"
    figs = figures(text)
    assert ("执行率", 0.9884, "%") in figs
    assert not [f for f in figs if f[1] < 0]


def test_a_form_row_printed_without_spaces_split_at_one_precision() -> None:
    # 1320.46 | 1320.46 | 1320.46 | 10 | 100% | 10 glued: ~500 ways to cut it, four that the rate
    # allows (1320.4 | 61320.46 …); one prints its amounts at one precision.
    head = "部门整体支出绩效自评表(2022年度)单位名称某某县卫生健康局年度预算申请(万元)年初预算数全年预算数全年执行数分值执行率得分"
    figs = figures(head + "年度资金总额1320.461320.461320.4610100%10按收入性质分:1320.46\n")
    assert ("年初预算数", 13204600, "元") in figs and ("全年执行数", 13204600, "元") in figs
    assert ("执行率", 1, "%") in figs
    assert not [f for f in figs if f[1] in (13204000, 613204600, 13204610)]
    # a cut whose amounts differ in precision is none (1320.4 | 6 | 1320.4613 would make the rate 100%)
    figs = figures(head + "年度资金总额1320.461320.461310.4610100%10按收入性质分:1320.46\n")
    assert not [f for f in figs if f[1] in (13204000, 60000, 13204613)]


def test_a_period_line_is_no_label_over_a_form_flattened_one_cell_a_line() -> None:
    lines = [
        "项目实施期",
        "2022年 1 月起至 2022 年 12 月止",
        "计划安排资金",
        "(万元)",
        "42",
        "实际到位资金",
        "(万元)",
        "42",
    ]
    figs = figures("一、项目基本情况\n" + "\n\n".join(lines) + "\n")
    assert ("计划安排资金", 420000, "元") in figs and ("实际到位资金", 420000, "元") in figs


# ---------------------------------------------------------------------------- checks


def prose_sums(text: str) -> list[tuple[bool, str]]:
    doc, r = record_of_text(text)
    out = []
    for c in r.checks:
        if c.rule == "prose_sum":
            s, e = c.span
            out.append((c.ok, c.detail, doc.text[s:e]))
    return out


def test_a_list_opened_by_a_line_ending_in_qizhong_and_parts_off_by_more_than_rounding() -> None:
    # The total's line ends with 其中: (read as a heading of its own); the parts follow on the next line.
    # 400.00 + 100.15 + 12.3 = 512.45 against 512.36: more than each number's rounding (0.005 × 3 + 0.05).
    text = (
        "一、部门基本情况\n2022年度支出900.50万元。\n"
        "1.基本支出512.36万元,其中:\n"
        "工资福利支出400.00万元,商品和服务支出100.15万元,其他资本性支出12.3万元。\n"
    )
    (c,) = [c for c in prose_sums(text) if "512.36" in c[1]]
    assert not c[0] and "400.00万元 + 100.15万元 + 12.3万元 = 512.45万元, stated 512.36万元" in c[1]
    assert c[2].startswith("400.00万元") and c[2].endswith("512.36万元") or c[2].startswith("512.36万元")


def test_parts_within_their_own_rounding_pass() -> None:
    # 512.41 is 0.04 from 512.45: within the rounding of 12.3 (0.05), no mistake.
    text = (
        "一、部门基本情况\n"
        "1.基本支出512.41万元,其中:\n"
        "工资福利支出400.00万元,商品和服务支出100.15万元,其他资本性支出12.3万元。\n"
    )
    (c,) = [c for c in prose_sums(text) if "512.41" in c[1]]
    assert c[0]


def test_a_list_after_baokuo_that_falls_short_names_some_of_the_whole() -> None:
    some = "一、基本情况\n将考核合格的47家图书馆全部纳入奖励范围，包括11家县级图书馆和8家乡镇图书馆。\n"
    assert not [c for c in prose_sums(some) if not c[0]]
    # more than the whole is a mistake whatever the word
    over = "一、基本情况\n将考核合格的17家图书馆全部纳入奖励范围，包括11家县级图书馆和8家乡镇图书馆。\n"
    (c,) = [c for c in prose_sums(over) if not c[0]]
    assert "11家 + 8家 = 19家, stated 17家" in c[1] and c[2].startswith("17家") and c[2].endswith("8家")


def test_a_bracketed_aside_before_a_list_is_not_the_total_the_list_adds_up_to() -> None:
    # 55个(其中2个…): the bracket's own 其中 is an aside; the list after it adds up to the 55
    text = (
        "一、项目基本情况\n12个乡镇共计安排项目48个(其中3个用于补偿金上缴)，其中41个项目已完工，5个项目实施中，"
        "2个项目未开工。\n"
    )
    doc, r = record_of_text(text)
    sums = [c for c in r.checks if c.rule == "prose_sum"]
    assert [(c.ok, c.detail.split(" (")[0]) for c in sums] == [(True, "安排项目: 41个 + 5个 + 2个 = 48个, stated 48个")]
    # near miss: the same list one short of the total is named with both numbers
    bad = failed(text.replace("2个项目未开工", "1个项目未开工"))
    assert [d.split(" (")[0] for d in bad] == ["安排项目: 41个 + 5个 + 1个 = 47个, stated 48个"]


def test_parts_listed_before_their_total() -> None:
    # the parts first, each in its own clause, then 合计/共计/总计: a sum like a 其中 list's
    assert failed("一、资金情况\n下达中央资金50.5万元，省级资金30.2万元，市级资金10万元，合计90.7万元。\n") == []
    # the first part's label carries the sentence's opening words (下达中央资金 beside 省级资金, 市级资金):
    # still one whole's parts, by the words after their budget levels
    three = "一、资金情况\n2022年下达中央资金50.5万元，省级资金30.2万元，市级资金10万元，合计91.7万元。\n"
    assert [c.split(" (")[0] for c in failed(three)] == [
        "合计: 50.5万元 + 30.2万元 + 10万元 = 90.7万元, stated 91.7万元"
    ]
    doc, r = record_of_text("一、资金情况\n下达中央资金50.5万元，省级资金30.2万元，合计：81.7万元。\n")
    bad = [c for c in r.checks if not c.ok]
    assert [c.detail.split(" (")[0] for c in bad] == ["total: 50.5万元 + 30.2万元 = 80.7万元, stated 81.7万元"]
    assert doc.text[bad[0].span[0] : bad[0].span[1]].startswith("50.5万元")
    # near misses: amounts that are no parts of one whole (a budget and a spending), and two
    # amounts in one clause
    assert [c for c in record_of_text("一、资金情况\n年初预算50万元，实际支出30万元，合计81万元。\n")[1].checks] == []
    assert failed("一、资金情况\n中央资金50万元和省级资金30万元，合计81万元。\n") == []


def test_amounts_side_by_side_in_a_flattened_form_row_are_no_parts() -> None:
    # A 自评表 flattened to text (忠县涂井乡): the 其中 row's budget and spending stand side by side,
    # one source's two columns, not two parts of the 372.29 before
    text = (
        "项目资金(万元)\n全年预算数(A)  全年执行数(B)  执行率(B/A)\n"
        "年度资金总额:  372.29万元 372.29万元 100%\n其中:中央、市级补助  372.29万元 372.29万元 100%\n"
    )
    assert not [c for c in prose_sums(text) if not c[0]]
    # near miss: the same amounts in a list, each named, are parts and are added up
    listed = "一、资金情况\n下达资金372.29万元，其中中央补助372.29万元，市级补助20万元。\n"
    (c,) = [c for c in prose_sums(listed) if not c[0]]
    assert "372.29万元 + 20万元 = 392.29万元, stated 372.29万元" in c[1]


def test_a_total_no_words_name_is_checked_for_agreement_only() -> None:
    # A department report cut mid-number (红十字会): "2、7万元" is a list number and the tail of an amount
    cut = "2、7万元,其中人员经费580.72万元,公用经费167.75万元;项目支出162万元。\n"
    assert not [c for c in prose_sums(cut) if not c[0]]
    # near miss: the total named (支出总额) and off from its parts is said
    named = "一、部门概况\n2022年支出总额750万元,其中人员经费580.72万元,公用经费167.75万元;项目支出162万元。\n"
    (c,) = [c for c in prose_sums(named) if not c[0]]
    assert "580.72万元 + 167.75万元 = 748.47万元, stated 750万元" in c[1]


def test_a_rate_after_the_budget_rate_of_a_part_is_no_failure_against_the_whole() -> None:
    # 达州 非遗: the whole's 42万元, then one part's rate (no amount), then another part's amount and rate
    text = (
        "一、资金情况\n2021年我市国家非物质文化遗产保护资金下达42万元,资金到位率100%,截至目前,国家级非遗代表性"
        "传承人补助已及时划拨国家级传承人,资金使用率100%;薅草锣鼓项目资金使用334896元,资金使用率83.72%。\n"
    )
    doc, r = record_of_text(text)
    assert not [c for c in r.checks if c.rule == "execution_rate" and not c.ok]
    # near miss: without the part's rate between them the amount is the budget's, and the rate is wrong
    direct = (
        "一、资金情况\n2021年我市国家非物质文化遗产保护资金下达42万元,资金到位率100%,截至目前,"
        "项目资金使用334896元,资金使用率83.72%。\n"
    )
    doc, r = record_of_text(direct)
    (c,) = [c for c in r.checks if c.rule == "execution_rate" and not c.ok]
    assert "334896元 ÷ 42万元 = 79.74%, stated 83.72%" in c.detail


def test_parts_in_another_magnitude_than_their_total_are_added_in_its_magnitude() -> None:
    # 亿元 of 万元 parts (and 万元 of 元 parts): compared as amounts, not as printed digits
    assert failed("一、资金情况\n2022年下达资金1.2亿元，其中中央资金8000万元，省级资金4000万元。\n") == []
    assert failed("一、资金情况\n2022年下达资金12万元，其中中央资金80000元，省级资金40000元。\n") == []
    # near miss: off by more than the total's rounding (1.3亿元 ± 0.05亿元)
    (bad,) = failed("一、资金情况\n2022年下达资金1.3亿元，其中中央资金8000万元，省级资金4000万元。\n")
    assert "8000万元 + 4000万元 = 1.2亿元, stated 1.3亿元" in bad


# A 自评表 flattened to text (稷山县, one line): the budget row weighs 10 and scored 9; the
# third-level rows print target, actual, weight and score; the total row's pair 100 94 follows.
JISHAN_FORM = (
    "稷山县项目支出绩效自评表 (2020年度) 项目名称 建档立卡个人缴费县级配套资金 项目资金 年初预算数 (万元) "
    "年度资金总额 全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 上年结转资金 — — 其他资金 — — "
    "绩效指标 一级 指标 二级指标 三级指标 实际 指标值 完成值 8755 分值 得分 偏差原因分析及改进措 施 8676 15 13 "
    "建档立卡中有新增死亡 人员,导致有偏差 质量指标 指标1:资金是否全部纳入医 保统筹 100% 100% 15 15 "
    "时效指标 指标1:资金是否全部及时纳 入 100% 100% 10 10 75元 75元 10 10 95% 95% 30 27 95% 95% 10 9 "
    "100 {total} 成本指标 指标1:配套资金每人每年 效益指 标(30 分) 总分\n"
)


def indicator_sums(text: str) -> list[tuple[bool, str]]:
    doc, r = record_of_text(text)
    out = []
    for c in r.checks:
        if c.rule == "indicator_sum":
            s, e = c.span
            assert doc.text[s:e], c
            out.append((c.ok, c.detail.split(" (")[0]))
    return out


def test_a_flattened_form_s_third_level_scores_and_budget_score_add_up_to_its_total() -> None:
    assert indicator_sums(JISHAN_FORM.format(total=94)) == [
        (False, "三级指标 + 预算执行: 13 + 15 + 10 + 10 + 27 + 9 + 9 = 93, stated total 94")
    ]
    assert indicator_sums(JISHAN_FORM.format(total=93)) == [
        (True, "三级指标 + 预算执行: 13 + 15 + 10 + 10 + 27 + 9 + 9 = 93, stated total 93")
    ]
    # near misses: a row the reader cannot read (its weight and score lost) leaves the weights
    # short of 100: the rows are not all the form's, and nothing is said
    short = JISHAN_FORM.format(total=94).replace("75元 75元 10 10", "75元 75元")
    assert indicator_sums(short) == []
    # a header without a weight column (年初目标值 | 实际完成值 | 得分) gives no rows
    assert indicator_sums(JISHAN_FORM.format(total=94).replace("分值 得分 偏差", "得分 偏差")) == []


def test_a_glued_form_with_the_weight_before_the_values_is_read_by_its_header_s_order() -> None:
    # 中江县 (a web page glued every cell): 三级指标 分值 年度指标值 全年实际值 得分; the level-1
    # weights printed (70 + 20 + 10) are the rows' weights, so the rows are complete
    text = (
        "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10"
        "其中:本年财政拨款2020其他资金\n"
        "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
        "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
        "质量指标项目(工程)验收合格率20100%100%20时效指标及时(按期)开工率10≥90%≥90%10"
        "及时(按期)完工率10≥90%≥90%10成本指标项目计划总投资1020万元20万元10"
        "效益指标(20分)社会效益指标受益脱贫户人口数10≥1000人≥1000人10群众生产生活条件改善状况10显著提升显著提升10"
        "满意度指标(10分)服务对象满意度指标受益脱贫户满意度10≥95%≥95%10……总分100100注:1.一级指标分值统一设置\n"
    )
    sums = indicator_sums(text)
    assert (
        False,
        "三级指标 + 预算执行: 10 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 = 110, stated total 100",
    ) in sums


def test_parts_far_from_their_total_are_checked_for_agreement_only() -> None:
    # the 红十字会 excerpt's total cut to "7万元" even when a label names it: parts a hundred times the
    # total are a misread total (or another whole's parts), not a slip in the report's sums
    far = "一、部门概况\n2022年支出总额7万元,其中人员经费580.72万元,公用经费167.75万元;项目支出162万元。\n"
    assert not [c for c in prose_sums(far) if not c[0]]
    # parts listed before their total, the same
    assert failed("一、资金情况\n下达中央资金50.5万元，省级资金30.2万元，合计：8.7万元。\n") == []
    # near miss: a sum within twice the total is a slip and is said
    near = "一、部门概况\n2022年支出总额1000万元,其中人员经费580.72万元,公用经费167.75万元;项目支出162万元。\n"
    (c,) = [c for c in prose_sums(near) if not c[0]]
    assert "580.72万元 + 167.75万元 = 748.47万元, stated 1000万元" in c[1]


def test_a_completion_rate_of_an_activity_is_no_execution_rate() -> None:
    # 六安 自评表's summary: the budget and its spending, then an output indicator's 活动完成率
    text = (
        "一、预算执行情况\n全年预算数为200万元,执行数为179.43万元,完成预算的89.7%。项目绩效目标完成情况:一是产出指标方面,"
        "开展“社区一家亲”活动130场,线下观众达到13万人次;活动完成率达到100%。\n"
    )
    doc, r = record_of_text(text)
    rates = [(c.ok, c.detail.split(" (")[0]) for c in r.checks if c.rule == "execution_rate"]
    assert rates == [(True, "完成预算的: 179.43万元 ÷ 200万元 = 89.72%, stated 89.7%")]
    # near miss: a 完成率 whose label names the money is the execution rate, and a wrong one is said
    paid = text.replace("完成预算的89.7%", "资金支付完成率为100%")
    bad = [c.detail.split(" (")[0] for c in record_of_text(paid)[1].checks if not c.ok]
    assert bad == ["资金支付完成率: 179.43万元 ÷ 200万元 = 89.72%, stated 100%"]


def test_a_qizhong_row_with_the_total_row_s_numbers_gets_its_score() -> None:
    # 六安 自评表 one cell a line: 其中:当年财政拨款 repeats the total row's 200 / 200 / 179.43 / 10 / 89.7%
    # but scores 8 where the total row scores 9
    form = (
        "年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n(万元)\n"
        "年度资金总额\n200\n200\n179.43\n10\n89.7%\n9\n其中:当年财政拨款\n200\n200\n179.43\n10\n89.7%\n{score}\n"
    )
    doc, r = record_of_text(form.format(score=8))
    (c,) = [c for c in r.checks if c.rule == "budget_score"]
    assert not c.ok and c.detail.startswith("其中:当年财政拨款 得分 8, 年度资金总额 得分 9")
    assert [c.ok for c in record_of_text(form.format(score=9))[1].checks if c.rule == "budget_score"] == [True]
    # near miss: a 其中 row with other amounts may score otherwise
    other = form.format(score=8).replace("其中:当年财政拨款\n200\n200\n179.43", "其中:当年财政拨款\n150\n150\n120")
    assert [c for c in record_of_text(other)[1].checks if c.rule == "budget_score"] == []


def test_a_list_well_off_an_amount_not_named_as_a_total_is_checked_for_agreement_only() -> None:
    # the 红十字会 excerpt (dev) with its total whole: 预算支出910.47万元 is divided by 人员经费 and 公用经费
    # before the ；and by 项目支出 after it — the list read up to the ；is 18% short of the amount, which no
    # word names a total: no slip is said
    cut = (
        "一、部门概况\n(三)部门预算及支出情况XX年度预算支出910.47万元,其中人员经费580.72万元,"
        "公用经费167.75万元;项目支出162万元。\n"
    )
    assert not [c for c in prose_sums(cut) if not c[0]]
    # near miss, the 棠溪 self-table (dev): a list 14% short of an amount named a total (共申请) is a slip
    named = (
        "一、项目概况\n本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,"
        "村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。\n"
    )
    (c,) = [c for c in prose_sums(named) if not c[0]]
    assert "= 1740000元, stated 2026400元" in c[1]
    # near miss: a small slip needs no word of totals (儋州: 1.基本支出2956.36万元，其中：… = 2956.27万元)
    small = (
        "一、部门概况\n1.基本支出2956.36万元,其中:工资福利支出2424.00万元,商品和服务支出432.65万元,"
        "对个人和家庭的补助93.12万元,其他资本性支出6.5万元。\n"
    )
    assert [c for c in prose_sums(small) if not c[0]]


def test_a_part_stated_for_each_of_several_makes_no_sum_of_the_printed_numbers() -> None:
    # 各50万元 stands for two (or three) parts: the printed numbers need not add up to the total
    each = "一、资金情况\n共申报资金250万元（甲街道试点资金50万元；乙社区和丙社区试点资金各50万元；丁社区、戊社区试点资金各50万元）。\n"
    assert failed(each) == []
    # near miss: the same list without 各 is summed, and its slip is said
    plain = "一、资金情况\n共申报资金250万元（甲街道试点资金50万元；乙社区试点资金60万元；丁社区试点资金50万元）。\n"
    assert [c.split(" (")[0] for c in failed(plain)] == ["申报资金: 50万元 + 60万元 + 50万元 = 160万元, stated 250万元"]


def test_a_list_with_two_breakdowns_of_its_total_checks_the_first() -> None:
    # where the money came from, then where it went: each pair makes the 800
    two = "一、资金情况\n项目总投资800万元，其中中央资金500万元，县级资金300万元，实际使用760万元，结余40万元。\n"
    assert failed(two) == []
    # (since checks22: the list ends at the money spent, and what was spent and left is checked too)
    c, spent = [c for c in record_of_text(two)[1].checks if c.rule == "prose_sum"]
    assert c.ok and "500万元 + 300万元 = 800万元" in c.detail
    assert spent.ok and "760万元 + 40万元 = 800万元" in spent.detail
    # near miss: a second pair that does not make the total leaves the whole list summed and flagged
    off = "一、资金情况\n项目总投资800万元，其中中央资金500万元，县级资金300万元，实际使用760万元，结余30万元。\n"
    assert len(failed(off)) == 1


def test_amounts_handed_out_by_fenbie_add_up_to_the_stated_total() -> None:
    before = "一、资金情况\n2022年共下达资金500万元，中央、省级、县级分别下达300万元、150万元、60万元。\n"
    (c,) = failed(before)
    assert c.startswith("下达资金: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元")
    after = "一、资金情况\n中央、省级、县级资金分别为300万元、150万元、50万元，合计500万元。\n"
    assert failed(after) == [] and [c.ok for c in record_of_text(after)[1].checks] == [True]
    # near misses: as many names as amounts, or nothing is said; a total no words name is no total;
    # tier scores (分) are the tier checks'
    assert (
        record_of_text("一、资金情况\n共下达资金500万元，中央、省级分别下达300万元、150万元、60万元。\n")[1].checks
        == []
    )
    assert (
        record_of_text("一、资金情况\n下达资金500万元，中央、省级、县级分别下达300万元、150万元、60万元。\n")[1].checks
        == []
    )


def test_a_list_opener_ending_its_line_hands_the_parts_to_the_numbered_lines_after_it() -> None:
    lines = (
        "一、资金情况\n2022年共安排资金500万元，其中：\n1.中央资金300万元；\n2.省级资金150万元；\n3.县级资金60万元。\n"
    )
    (c,) = failed(lines)
    assert c.startswith("安排资金: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元")
    right = lines.replace("60万元", "50万元")
    assert failed(right) == [] and [c.ok for c in record_of_text(right)[1].checks] == [True]
    # near misses: a line that states no amount, or a list that names only some (等), is no sure whole
    gap = "一、资金情况\n2022年共安排资金500万元，其中：\n1.中央资金300万元；\n2.省级资金用于道路养护；\n3.县级资金60万元。\n"
    assert failed(gap) == []
    some = "一、资金情况\n项目总投资480万元，具体如下：\n（1）工程建设费420万元；\n（2）监理费等25万元。\n"
    assert failed(some) == []


def test_a_qizhong_list_ends_at_its_restated_total_or_at_the_money_spent() -> None:
    restated = "一、资金情况\n2022年共安排资金500万元，其中：中央资金300万元，省级资金200万元，合计500万元。\n"
    assert failed(restated) == [] and [c.ok for c in record_of_text(restated)[1].checks] == [True]
    # the restated total is the parts' total too: a second total that disagrees is said
    (c,) = failed(restated.replace("合计500万元", "合计520万元"))
    assert c.startswith("安排资金: 300万元 + 200万元 = 500万元, stated 520万元")
    spent = "一、资金情况\n项目总预算500万元，其中中央资金300万元、省级资金200万元，实际支出480万元，执行率96%。\n"
    assert failed(spent) == []
    # the parts before the money spent still add up or not
    (c,) = failed(spent.replace("省级资金200万元", "省级资金150万元"))
    assert c.startswith("项目总预算: 300万元 + 150万元 = 450万元, stated 500万元")
    # near misses: a grant named 转移支付 is a part like the others; so is a part of a list of spending
    grants = "一、资金情况\n共下达资金500万元，其中造林补贴资金300万元、森林公安转移支付150万元、湿地补助资金60万元。\n"
    (c,) = failed(grants)
    assert c.startswith("下达资金: 300万元 + 150万元 + 60万元 = 510万元")
    spending = "一、资金情况\n项目实际支出480万元，其中：工程建设费420万元，已支付监理费25万元，设计费30万元。\n"
    (c,) = failed(spending)
    assert c.startswith("项目实际支出: 420万元 + 25万元 + 30万元 = 475万元")


def test_an_execution_rate_is_not_confirmed_by_a_budget_and_the_money_arrived() -> None:
    text = "一、资金情况\n2022年预算资金240万元，到位240万元，实际支出228.6万元，执行率100%。\n"
    (c,) = failed(text)
    assert c.startswith("执行率: 228.6万元 ÷ 240万元 = 95.25%, stated 100%")
    assert failed(text.replace("执行率100%", "执行率95.25%")) == []
    # near misses: an arrival rate keeps any pair; an amount not labelled as spent leaves the search open
    assert failed("一、资金情况\n2022年预算资金240万元，到位240万元，到位率100%。\n") == []
    assert failed("一、资金情况\n2022年下拨资金3.89万元，实际发放3.89万元，执行率100%。\n") == []


def test_an_execution_rate_of_a_whole_named_without_a_budget_word() -> None:
    # (checks23) 资金总额, 总投资, 共计 and, for an execution rate, the money arrived are the whole a rate
    # is of when no amount is labelled a budget — with an amount labelled as spent
    total = "一、资金情况\n项目资金总额200万元，实际支出180万元，资金执行率为95%。\n"
    (c,) = failed(total)
    assert c.startswith("资金执行率: 180万元 ÷ 200万元 = 90.00%, stated 95%")
    assert failed(total.replace("95%", "90%")) == []
    arrived = "一、资金情况\n2022年到位资金300万元，实际支出270万元，资金执行率为95%。\n"
    (c,) = failed(arrived)
    assert c.startswith("资金执行率: 270万元 ÷ 300万元 = 90.00%")
    # near misses: an amount not labelled as spent names no numerator; an arrival rate is not of the money arrived
    assert failed("一、资金情况\n2022年项目资金300万元，用于农村公路养护270万元，资金执行率为95%。\n") == []
    assert failed("一、资金情况\n2022年资金总额300万元，到位资金270万元，到位率为90%。\n") == []
    # an amount pooled and paid out (共计…已拨付) is no whole
    paid = "一、资金情况\n省级补助资金共计135,028.69万元已拨付至财政专户；实际到位省级补助资金141,308.13万元，预算执行率78.50%。\n"
    assert failed(paid) == []


def test_a_rate_stated_before_the_amounts_it_is_of() -> None:
    after = "一、资金情况\n2022年项目预算执行率为95%，全年预算资金200万元，实际支出180万元。\n"
    (c,) = failed(after)
    assert c.startswith("项目预算执行率: 180万元 ÷ 200万元 = 90.00%, stated 95%")
    assert failed(after.replace("95%", "90%")) == []
    bracket = "一、资金情况\n资金执行率为95%（实际支出180万元/预算资金200万元）。\n"
    (c,) = failed(bracket)
    assert c.startswith("资金执行率: 180万元 ÷ 200万元")
    # near misses: amounts in the next sentence, or only one of them named, say nothing
    assert failed("一、资金情况\n资金执行率为95%。全年预算资金200万元，实际支出180万元。\n") == []
    assert failed("一、资金情况\n资金执行率为95%，全年预算资金200万元，用于养护180万元。\n") == []


def test_a_table_total_far_from_its_parts_or_over_nested_rows() -> None:
    # (checks23) a total row under half its parts' sum is rows the reading lost: only an agreement
    head = "一、资金情况\n| 资金来源 | 金额（万元） |\n| 中央资金 | 100 |\n| 省级资金 | 50 |\n"
    assert failed(head + "| 合计 | 500 |\n") == []
    # a total row left at 0 is a slip whatever its parts
    (c,) = failed(head + "| 合计 | 0 |\n")
    assert "stated 0" in c
    # rows that break down the row above them are not added to the total again
    nested = (
        "一、资金情况\n| 支出内容 | 金额（万元） |\n| 基本支出 | 300 |\n| 工资福利支出 | 200 |\n"
        "| 商品和服务支出 | 100 |\n| 项目支出 | 160 |\n| 养护工程 | 150 |\n| 设备购置 | 10 |\n| 其他 | 30 |\n"
    )
    assert failed(nested + "| 合计 | 490 |\n") == []
    (c,) = failed(nested + "| 合计 | 480 |\n")
    assert "stated 480" in c
    # near miss: three sources, the first equal to the other two, are three parts
    (c,) = failed(head + "| 县级资金 | 50 |\n| 合计 | 210 |\n")
    assert "100 + 50 + 50 = 200" in c


def test_two_parts_with_a_gap_and_parts_of_parts() -> None:
    # (checks23) a small gap in two parts is a slip
    (c,) = failed("一、资金情况\n项目总投资800万元（中央补助500万元，地方配套280万元）。\n")
    assert c.startswith("项目总投资: 500万元 + 280万元 = 780万元, stated 800万元")
    # a part whose label names an earlier part as its whole is not added to the total
    sub = "一、资金情况\n2022年支出合计500万元，其中：基本支出300万元，项目支出200万元，项目支出中专项资金150万元。\n"
    assert failed(sub) == []
    (c,) = failed(sub.replace("合计500万元", "合计520万元"))
    assert c.startswith("支出合计: 300万元 + 200万元 = 500万元, stated 520万元")
    # parts broken down right after them: the parents make the total
    nested = (
        "一、资金情况\n2022年支出共计500万元，其中：基本支出300万元，工资福利支出180万元，商品和服务支出120万元，"
        "项目支出200万元，养护工程150万元，设备购置50万元。\n"
    )
    assert failed(nested) == []
    assert len(failed(nested.replace("共计500万元", "共计510万元"))) == 1
