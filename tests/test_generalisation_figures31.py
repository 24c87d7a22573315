"""Figures (issue 8, fig31): shapes of the funds and basic-situation figures that the dev half does not show, found
with bench/genre_variants.py's `figure shapes` set (written from the genre, not from the devset) and checked on short
real snippets of public pages that are not in tests/devset.  Each rule on an invented text shaped the way reports
print it, with a near miss that must not change.
"""

from __future__ import annotations

from excerpt_records import record_of_text
from test_generalisation_checks import figures

_HEAD = "澧县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n（一）资金情况\n"


def _values(text: str) -> dict[float, tuple[str, str]]:
    return {round(float(v), 6): (n, u) for n, v, u in figures(_HEAD + text)}


# ---------------------------------------------------------------- a rate printed as a formula


def test_a_rate_after_an_equals_sign_is_named_by_the_words_before_it() -> None:
    # 预算执行率＝96.1%: the equals sign links the label to its rate as 为 does
    assert _values("预算执行率＝96.1%。\n") == {0.961: ("预算执行率", "%")}
    assert _values("资金到位率=100%，预算资金500万元。\n") == {1.0: ("资金到位率", "%"), 5000000: ("预算资金", "元")}


def test_a_rate_printed_as_a_formula_is_named_by_the_words_before_the_formula() -> None:
    # the operands and the ×100% between the first equals sign (or colon) and the last are the formula, not a label
    for text in (
        "预算执行率=实际支出/预算数×100%=96.1%。\n",
        "预算执行率=480.5/500=96.1%。\n",
        "预算执行率：480.5÷500×100%=96.1%。\n",
    ):
        assert _values(text) == {0.961: ("预算执行率", "%")}, text
    assert _values("预算执行率=全年执行数÷全年预算数×100%=480.5÷520×100%=92.4%。\n") == {0.924: ("预算执行率", "%")}


def test_an_indicator_line_with_an_equals_sign_stays_out() -> None:
    # near miss: a 自评表's indicator rows flattened to a line, a target after its kind and an equals sign, then the
    # weight and the score — an indicator's target, no figure
    text = "产出指标 数量指标 补助发放率=100% 20 20 时效指标 资金拨付及时率=100% 10 10 合计 100\n"
    assert not [f for f in figures(_HEAD + text) if f[2] == "%"]


def test_an_operand_after_a_slash_is_named_without_the_slash() -> None:
    # （全年执行数480.5万元/全年预算数520万元）: the denominator's label starts after the operator
    got = _values("资金执行率为92.4%（全年执行数480.5万元/全年预算数520万元）。\n")
    assert got[5200000] == ("全年预算数", "元")
    assert not [n for n, _u in got.values() if n[:1] in "/／÷×"]


def test_two_amounts_divided_by_a_slash_are_each_a_figure() -> None:
    # the numerator and the denominator of a rate, each an amount with its label: the slash between is no "per"
    got = _values("资金执行率为92.4%（全年执行数480.5万元/全年预算数520万元）。\n")
    assert got == {0.924: ("资金执行率", "%"), 4805000: ("全年执行数", "元"), 5200000: ("全年预算数", "元")}
    got = _values("执行率=实际支出480.5万元/预算数500万元=96.1%。\n")
    assert got == {0.961: ("执行率", "%"), 4805000: ("实际支出", "元"), 5000000: ("预算数", "元")}


def test_an_amount_per_head_stays_out() -> None:
    # near miss (ruling 22): a slash before a unit of what is paid for (元/人/月, 元/亩) is a rate per head
    assert _values("补助标准为1,300元/人/月，共发放补助资金156万元。\n") == {1560000: ("发放补助资金", "元")}
    assert _values("项目按500元/亩的标准补助，共补助资金20万元。\n") == {200000: ("补助资金", "元")}


# ---------------------------------------------------------------- a run-in label of targets


def test_numbers_after_a_run_in_label_of_targets_are_no_figures() -> None:
    # ruling 9: what was planned is no figure, whether a heading of targets or a run-in label opens it; the label
    # reaches over semicolons and commas to the sentence's end
    assert _values("绩效目标：预算执行率达到100%，群众满意度≥95%。\n") == {}
    assert _values("年度绩效目标：资金到位率100%；覆盖12个乡镇。项目资金500万元。\n") == {5000000: ("项目资金", "元")}
    assert _values("（2）成本目标：项目资金投入绩效目标值是10万元，实际完成值为0万元。\n") == {}


def test_the_funds_beside_a_goal_achieved_stay() -> None:
    # near miss: a sentence with no run-in label of targets, and a label of goals achieved (目标完成情况：) keep their
    # amounts (the goals achieved are the indicator passage's rule, which keeps amounts)
    assert _values("资金到位率100%，覆盖12个乡镇。\n") == {1.0: ("资金到位率", "%"), 12: ("乡镇", "个")}
    got = _values("项目目标完成情况：年初预算500万元，实际支出480.5万元。\n")
    assert {5000000, 4805000} <= set(got)


# ---------------------------------------------------------------- thousands separators in a glued count and amount


def test_a_count_glued_to_its_amount_with_thousands_separators_is_read() -> None:
    # 补助脱贫户1,250户3,825,000元 is 危桥改造11座820万元 with separators: the comma inside a number does not cut the
    # sentence into a false row of values (256户3 beside 825 …) that hid both
    got = _values("本年度补助脱贫户1,250户3,825,000元。\n")
    assert {1250, 3825000} <= set(got)
    assert got[1250][1] == "户" and got[3825000][1] == "元"


def test_a_row_of_values_is_still_a_row() -> None:
    # near miss: values side by side (a row of a table in text) stay the table readers', not prose figures
    got = _values(
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 500 520 480.5 10 92.4% 9.2\n"
    )
    assert {5000000, 5200000, 4805000, 0.924} <= set(got)
    assert 10 not in got and 9.2 not in got


# ---------------------------------------------------------------- approximate, the qualifier after the magnitude


def test_an_approximate_quantity_with_its_qualifier_after_the_magnitude_is_read() -> None:
    # ruling 23: 1.2万余人 is 150余万人 with 余 after the magnitude; the value is the number printed, raw keeps 余
    doc_figs = figures(_HEAD + "全年累计发放低保金3,256.8万元，惠及困难群众1.2万余人，投入配套资金5万多元。\n")
    got = {round(float(v), 6): (n, u) for n, v, u in doc_figs}
    assert got[12000] == ("惠及困难群众", "人") and got[50000][1] == "元"


def test_a_time_with_a_qualifier_stays_out() -> None:
    # near miss: 余 / 多 before a time (20余年, 3个多月) is no quantity of people or money
    assert _values("项目已持续实施20余年，建设周期3个多月。\n") == {}


# ---------------------------------------------------------------- copies handed out


def test_copies_handed_out_are_outputs() -> None:
    # rulings 19 and 26: materials handed out or collected (份) are what the year's work produced, as 培训1,200人次 is
    assert _values("全年培训农民1,200人次，发放宣传资料5,000份。项目资金500万元。\n") == {5000000: ("项目资金", "元")}
    # near miss: the people and items the money pays for stay
    got = _values("全年为1,200名困难群众发放补贴，覆盖12个乡镇。\n")
    assert {1200, 12} <= set(got)


# ---------------------------------------------------------------- real pages (not in tests/devset)


def test_real_pages_of_funds_and_rates_are_read() -> None:
    # http://bdt.semi.ac.cn/swgk/contents/549/8041.html: an amount spent and its share of the budget after it
    got = _values("截至7月底，全所累计支出16873万元，完成预算（含结余）的56.47%，支出进度低于序时进度1.53个百分点。\n")
    assert got[168730000] == ("累计支出", "元") and got[0.5647][1] == "%"
    # https://hzrunxin.com/zgfzzt/czzj/czzjzdjc/202111/t20211125_4252779.htm: a total, its outlay and the rate
    got = _values("截至2021年8月底，全市直达资金总量75.20亿元，支出45.76亿元，支付率为60.8%。\n")
    assert got == {7520000000: ("全市直达资金总量", "元"), 4576000000: ("支出", "元"), 0.608: ("支付率", "%")}


# ---------------------------------------------------------------- people counted by a verb under a target label


def test_people_counted_by_a_verb_under_a_run_in_target_label_stay_out() -> None:
    # 1500人受益 after 年度目标： or 绩效目标： is what was planned (ruling 9), as 受益人数1500人 there already was; the
    # same count in the basic situation's own sentence is a figure
    for text in (
        "年度目标：项目实施后1500人受益。\n",
        "绩效目标：全年1500人受益，群众满意度达到90%。\n",
        "总体目标：通过项目实施，带动320户1500人受益。\n",
    ):
        assert 1500 not in _values(text), text
    assert _values("项目实施后，全县1500人受益。\n") == {1500: ("受益", "人")}
    assert _values("项目共涉及3个乡镇，使1500人受益。\n")[1500] == ("受益", "人")


# ---------------------------------------------------------------- 标准 inside a programme's name


def test_a_programme_named_with_biaozhun_keeps_its_money() -> None:
    # 高标准农田建设资金3500万元 and 标准化考场建设资金 are a programme's money; 补助标准1500元 is a rate per unit
    # (found by bench/transplant.py --programme: every figure of a report renamed to 高标准农田建设 was lost)
    assert _values("全县高标准农田建设项目总投资3500万元。\n") == {35000000: ("高标准农田建设项目总投资", "元")}
    assert _values("县级标准化考场建设资金120万元。\n") == {1200000: ("县级标准化考场建设资金", "元")}
    assert _values("高标准农田建设受益农户1200户。\n") == {1200: ("高标准农田建设受益农户", "户")}
    assert _values("补助标准1500元。\n") == {}
    assert _values("执行补助标准为每亩1500元。\n") == {}


# ---------------------------------------------------------------- 生均 of the programme 生均公用经费


def test_the_money_of_the_programme_shengjun_gongyong_jingfei_is_a_figure() -> None:
    # 生均公用经费 is a nationwide programme: its 补助资金 / 项目资金 are its money; its per-pupil rate and any other
    # per-head amount stay out (found by bench/transplant.py --programme dev)
    assert _values("2022年共安排生均公用经费补助资金5000万元。\n") == {50000000: ("安排生均公用经费补助资金", "元")}
    assert _values("义务教育生均公用经费项目资金1200万元。\n") == {12000000: ("生均公用经费项目资金", "元")}
    assert 650 not in _values("小学生均公用经费650元。\n")
    assert _values("人均补助资金300元。\n") == {}
    assert _values("全县农民人均可支配收入2.1万元。\n") == {}


def test_an_arrival_rate_over_the_programmes_money_is_checked_against_it() -> None:
    # the budget 生均公用经费补助资金 was read as per pupil, so the rate had no budget to check against here, and in a
    # whole report was checked against another amount and flagged wrongly (753.6 ÷ 783.4 = 96.2%, stated 86.3%)
    text = (
        "2022年度，上级财政实际下达义务教育生均公用经费补助资金783.45万元。\n"
        "2022年各级财政共安排义务教育生均公用经费补助资金873.09万元，截至2022年12月31日，"
        "实际到位资金753.64万元，资金到位率86.32%。\n"
    )
    doc, record = record_of_text(_HEAD + text)
    rates = [(c.ok, c.detail) for c in record.checks if c.rule == "arrival_rate"]
    assert rates == [(True, "资金到位率: 753.64万元 ÷ 873.09万元 = 86.32%, stated 86.32%")]
