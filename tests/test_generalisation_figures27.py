"""Figures (issue 8, fig27): where a form's and a report's structure says what a number is — a part row's
执行率 under the rate column, the parts of a basic situation whatever their headings' words, an indicator grid's
numbers not read as figures where its bars were lost (devset rulings 9, 19, 24(c)).  Each rule on the dev items it
was written from and on a short invented text shaped the way reports print it, with a near miss that must not
change.
"""

from __future__ import annotations

from test_figures import dev_figures
from test_generalisation_checks import figures

_HEAD = "某县2022年度农村公路养护资金绩效评价报告\n"


def _values(figs: list[tuple[str, float, str]], name: str) -> list[float]:
    return [v for n, v, _u in figs if n == name]


# ---------------------------------------------------------------- a part row's rate


_FORM = "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率(%) 得分\n{total}\n其中:当年财政拨款 {part}\n"


def test_a_part_rows_last_number_is_its_rate_when_the_total_row_prints_the_scores() -> None:
    # ruling 24(c): the part row leaves the 分值 and 得分 cells out; its fourth number is its 执行率
    _doc, figs = dev_figures("fujian-shishi-2022-detention-centre-basic-business-self-table")
    rates = {f["name"]: f["value"] for f in figs if f["unit"] == "%"}
    assert rates == {"执行率": 1, "当年财政拨款 执行率": 1, "其他资金 执行率": 0, "上年结转资金 执行率": 0}
    figs = figures(
        _HEAD + _FORM.format(total="年度资金总额 100.00 80.00 72.00 10 90.00 9", part="100.00 80.00 72.00 90.00")
    )
    assert _values(figs, "当年财政拨款 执行率") == [0.9]
    assert _values(figs, "当年财政拨款 全年执行数") == [720000]


def test_a_part_row_that_prints_every_column_is_read_as_printed() -> None:
    # near miss: a part row with its own 分值 and 得分 (or dashes there) keeps the columns as printed
    figs = figures(
        _HEAD + _FORM.format(total="年度资金总额 100.00 80.00 72.00 10 90.00 9", part="100.00 80.00 72.00 — 90.00 —")
    )
    assert _values(figs, "当年财政拨款 执行率") == [0.9]
    assert not any(n.endswith("分值") or n.endswith("得分") for n, _v, _u in figs)


# ---------------------------------------------------------------- the basic situation's parts


def test_a_part_of_the_basic_situation_headed_with_an_analysis_word_is_still_the_basic_situation() -> None:
    # ruling 19: a unit's staff in its basic situation are figures, under 一、基本情况 > 2、人员管理 too
    _doc, figs = dev_figures("gansu-zhouqu-2024-chengguan-community-health-center-budget-self-evaluation")
    staff = {f["name"]: f["value"] for f in figs if f["unit"] == "人"}
    assert {"共有职工": 68, "正式员工": 24, "招聘职工": 25, "乡村医生": 19}.items() <= staff.items()
    figs = figures(
        _HEAD + "一、基本情况\n（一）单位概况\n本单位为全额拨款事业单位。\n2、人员管理:\n单位共有职工68人。\n"
    )
    assert _values(figs, "共有职工") == [68]


def test_a_part_of_the_evaluations_own_situation_stays_out() -> None:
    # near miss: 评价基本情况 is how the evaluation was done; its analysis parts are not the programme's situation
    text = "三、评价基本情况\n（一）绩效评价目的、对象和范围\n对象是村级保洁员417人。\n"
    assert not _values(figures(_HEAD + "一、项目概况\n本项目为农村保洁项目。\n" + text), "村级保洁员")


# ---------------------------------------------------------------- indicator grids


def test_an_indicator_kind_on_a_line_of_its_own_does_not_end_the_indicator_grid() -> None:
    # ruling 9: the cost indicator's target and result (200万, 195.5万元) are no figures, though the converter put
    # 成本指标 on a line of its own and prose would read the cell before them as a label
    _doc, figs = dev_figures("hubei-huangshi-2022-sponge-city-application-funds-self-table")
    assert sorted((f["name"], f["value"]) for f in figs) == [
        ("执行数", 1955000),
        ("执行率", 0.9775),
        ("预算数", 2000000),
    ]


_GRID = (
    "项目名称 | 某县农村公路养护 |\n"
    "预算执行情况(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) |\n"
    "年度财政资金总额 | 200 | 195.5 | 97.75% |\n"
    "{indicators}"
    "成本指标\n"
    "| 宣传片制作费 | 200万 | 195.5万元 | 10 |\n"
)


def test_a_grid_without_an_indicator_header_keeps_its_amounts() -> None:
    figs = figures(_HEAD + _GRID.format(indicators="一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 得分 |\n"))
    assert not _values(figs, "宣传片制作费")
    # near miss: with no indicator header above it, the line is a grid's row of amounts like any other
    figs = figures(_HEAD + _GRID.format(indicators=""))
    assert _values(figs, "宣传片制作费") == [2000000]


def test_counts_and_shares_under_an_indicator_tables_header_are_its_rows() -> None:
    # ruling 9: under 一级指标 二级指标 三级指标 指标值 …, a count is an indicator's target or result
    _doc, figs = dev_figures("sichuan-zhaohua-2021-special-hardship-family-aid-target-declaration-table")
    assert not [f for f in figs if f["value"] == 63]
    _doc, figs = dev_figures("hainan-hainan-undated-forest-ecological-compensation-fund-report-cover")
    assert not [f for f in figs if f["unit"] == "项"]
    table = "一级指标 二级指标 三级指标 指标值 实际完成值\n产出指标 数量指标 救助困难群众 500人 480人\n"
    assert not [v for _n, v, u in figures(_HEAD + "一、基本情况\n" + table) if u == "人"]
    # near miss: the counts of the basic situation before the header, and after the next heading, stay
    text = "一、基本情况\n本年度救助困难群众500人。\n" + table + "二、资金情况\n共救助困难群众480人。\n"
    assert sorted(v for _n, v, u in figures(_HEAD + text) if u == "人") == [480, 500]


def test_people_named_by_a_word_in_yuan_are_counted_by_that_noun() -> None:
    # ruling 26: the people the money pays (发放417名村级保洁员生活补贴), named by the noun after the number
    _doc, figs = dev_figures("unknown-town-village-cleaner-subsidy-poverty-project-self-report-sample")
    assert [f["name"] for f in figs if f["value"] == 417] == ["村级保洁员"]
    # near miss: 员工 is no noun in 员 (25名员工 keeps the label before it)
    assert _values(figures(_HEAD + "一、基本情况\n单位共有25名员工。\n"), "单位共有") == [25]


def test_the_projects_content_stated_in_a_section_of_targets_is_read() -> None:
    # ruling 26: what the project is to build, stated as its content (建设内容包括…沉沙池31座), and its investment
    _doc, figs = dev_figures("sichuan-bazhou-2023-baihuaxi-small-watershed-project-report")
    got = {(f["name"], f["value"]) for f in figs}
    assert {("沉沙池", 31), ("蓄水池", 2), ("项目概算总投资", 31500000)} <= got
    head = "一、项目概况\n（一）项目基本情况\n本项目位于某县。\n（二）项目绩效目标\n"
    figs = figures(_HEAD + head + "建设内容包括沉沙池31座,蓄水池2口,项目概算总投资3150万元。\n")
    assert _values(figs, "沉沙池") == [31] and _values(figs, "项目概算总投资") == [31500000]
    # near miss: a target in the same section stays out
    assert not figures(_HEAD + head + "年度目标:新建沉沙池31座,蓄水池2口。\n")


def test_a_part_rows_last_bare_number_that_is_no_rate_of_its_amounts_is_not_read_as_its_rate() -> None:
    # near miss: 10 is not 72 ÷ 80; the part row is read as printed, its 10 under 分值
    figs = figures(
        _HEAD + _FORM.format(total="年度资金总额 100.00 80.00 72.00 10 90.00 9", part="100.00 80.00 72.00 10")
    )
    assert not _values(figs, "当年财政拨款 执行率")
    assert _values(figs, "当年财政拨款 全年执行数") == [720000]
