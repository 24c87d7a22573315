"""Scores, grades, years and the report's own arithmetic in more of the genre's wordings (issue 8,
session nums28).  The texts are synthetic — short statements written from the genre's usual
wordings (a conclusion's total and grade, a results form, a budget-execution table), not copied from
any item — and each asserts the value a reader takes from it; a near miss that states nothing must
give nothing.
"""

from __future__ import annotations

from excerpt_records import dev_record, record_of_text

TITLE = "澧县2022年度农村公路养护资金绩效评价报告\n"
HEAD = TITLE + "一、基本情况\n"
CONCLUSION = TITLE + "四、评价结论\n"


def score_of(text: str) -> tuple[float | None, float | None, str | None, str | None]:
    _doc, r = record_of_text(text)
    s = r.score
    return (s.total, s.max, s.grade, s.grade_source) if s else (None, None, None, None)


# ------------------------------------------------------------------ total, maximum and grade


def test_the_scale_in_brackets_after_a_score_is_its_maximum_not_a_second_total() -> None:
    # 得分86.5分（总分100分）: 总分 in the brackets is the scale the score is out of
    assert score_of(CONCLUSION + "该项目绩效评价得分86.5分（总分100分），等级为良。\n") == (86.5, 100, "良", "stated")
    assert score_of(CONCLUSION + "该项目绩效评价得分86.5分(总分100分)，等级为良。\n") == (86.5, 100, "良", "stated")
    assert score_of(CONCLUSION + "项目最终得分92分（满分为100分），评价等级为优。\n") == (92, 100, "优", "stated")
    # a total in brackets after a grade is still the total (评价结果：优秀（综合得分92分）)
    assert score_of(CONCLUSION + "评价结果：优秀（综合得分92分）。\n")[:3] == (92, 100, "优")


def test_a_grade_stated_as_the_result_of_the_rating() -> None:
    # 评定结果为良 / 评定结论：良好: 评定 is the rating's word as 评价 is
    assert score_of(CONCLUSION + "最终评定得分为86.5分，评定结果为良。\n") == (86.5, 100, "良", "stated")
    assert score_of(CONCLUSION + "该项目得分86.5分，评定结论：良好。\n") == (86.5, 100, "良", "stated")


def test_a_quoted_letter_grade_is_read_by_the_word_in_brackets_after_it() -> None:
    assert score_of(CONCLUSION + "该项目综合得分86.5分，评价等级为“B”（良）。\n") == (86.5, 100, "良", "stated")
    assert score_of(CONCLUSION + "该项目综合得分86.5分，评价等级为B级（良）。\n") == (86.5, 100, "良", "stated")


def test_a_results_form_labels_its_grade_cell_with_its_conclusion() -> None:
    # | 总得分 | 86.5 | 评价结论 | 良 |: the conclusion's cell holds the grade
    text = "绩效评价结果表\n| 项目名称 | 农村公路养护资金 |\n| 总得分 | 86.5 | 评价结论 | 良 |\n"
    assert score_of(text) == (86.5, 100, "良", "stated")
    text = "绩效评价结果表\n项目名称\t农村公路养护资金\n自评得分\t95\n自评结论\t优秀\n"
    assert score_of(text) == (95, 100, "优", "stated")
    # a conclusion in words is no grade: the grade is derived from the score
    text = "绩效评价结果表\n| 项目名称 | 农村公路养护资金 |\n| 总得分 | 86.5 | 评价结论 | 项目实施效果较好 |\n"
    assert score_of(text) == (86.5, 100, "良", "derived")


def test_more_wordings_of_a_total_and_grade_are_read() -> None:
    # (shapes already read before this session, kept as a guard)
    for text, want in [
        ("该项目绩效评价分数为86.5分，评价等级为良。\n", (86.5, "良")),
        ("经评价，本项目评价总分为86.5分，等级良好。\n", (86.5, "良")),
        ("项目得分为86.5分，绩效评级：良好。\n", (86.5, "良")),
        ("该项目绩效评价结果为优，得分为92分。\n", (92, "优")),
        ("综合绩效得分：86.5\n绩效等次：良好\n", (86.5, "良")),
        ("自评分数：95分，自评等次：优秀。\n", (95, "优")),
        ("项目评价得分86.5分，结果为合格。\n", (86.5, "中")),
        ("项目评价得分55分，评价等级为“不合格”。\n", (55, "差")),
        ("本次评价得分86.5分，对应绩效等级为良。\n", (86.5, "良")),
    ]:
        total, _mx, grade, source = score_of(CONCLUSION + text)
        assert (total, grade, source) == (*want, "stated"), text


# ------------------------------------------------------------------ the report's own arithmetic


def checks_of(text: str) -> tuple[list[str], list[str]]:
    doc, r = record_of_text(HEAD + text)
    for c in r.checks:
        assert c.span and doc.text[c.span[0] : c.span[1]], c
    details = [(c.ok, c.detail.split(" (p.")[0]) for c in r.checks]
    return [d for ok, d in details if ok], [d for ok, d in details if not ok]


def test_a_budget_execution_table_s_rate_column_is_each_row_s_spent_over_its_budget() -> None:
    table = "| 项目 | 预算数（万元） | 执行数（万元） | 执行率 |\n| 道路养护 | 300 | 290 | 96.67% |\n| 桥梁维修 | 200 | 160 | {r} |\n| 合计 | 500 | 450 | {t} |\n"
    ok, bad = checks_of("（二）资金情况\n" + table.format(r="80%", t="90%"))
    assert not bad
    assert "执行率: 450 ÷ 500 = 90.00%, stated 90%" in ok and "执行率: 290 ÷ 300 = 96.67%, stated 96.67%" in ok
    # the total row's rate slipped
    _ok, bad = checks_of("（二）资金情况\n" + table.format(r="80%", t="95%"))
    assert bad == ["执行率: 450 ÷ 500 = 90.00%, stated 95%"]
    # a part's rate slipped
    _ok, bad = checks_of("（二）资金情况\n" + table.format(r="70%", t="90%"))
    assert bad == ["执行率: 160 ÷ 200 = 80.00%, stated 70%"]


def test_a_table_with_an_initial_and_an_adjusted_budget_rates_against_the_adjusted_one() -> None:
    table = (
        "| 项目 | 年初预算数 | 调整后预算数 | 执行数 | 执行率 |\n"
        "| 道路养护 | 300 | 280 | 266 | 95% |\n| 桥梁维修 | 200 | 220 | 209 | 95% |\n| 合计 | 500 | 500 | 475 | 95% |\n"
    )
    ok, bad = checks_of("（二）资金情况\n" + table)
    assert not bad and "执行率: 266 ÷ 280 = 95.00%, stated 95%" in ok


def test_an_arrival_rate_column_is_the_arrived_amount_over_the_budget() -> None:
    table = "| 资金来源 | 预算数（万元） | 到位数（万元） | 到位率 |\n| 中央资金 | 300 | 300 | 100% |\n| 县级资金 | 200 | 150 | 80% |\n"
    ok, bad = checks_of("（二）资金情况\n" + table)
    assert bad == ["到位率: 150 ÷ 200 = 75.00%, stated 80%"]
    assert "到位率: 300 ÷ 300 = 100.00%, stated 100%" in ok


def test_the_budget_s_economic_classes_are_parts_of_a_list_not_money_spent() -> None:
    # 项目支出 is a class of the budget (基本支出 / 项目支出), listed beside 人员经费 and 公用经费: the
    # list does not end at it
    ok, bad = checks_of(
        "（二）资金情况\n该项目资金共计510万元，其中：人员经费200万元，公用经费150万元，项目支出160万元。\n"
    )
    assert not bad and any("200万元 + 150万元 + 160万元 = 510万元" in d for d in ok)
    _ok, bad = checks_of(
        "（二）资金情况\n该项目资金共计500万元，其中：人员经费200万元，公用经费150万元，项目支出160万元。\n"
    )
    assert len(bad) == 1 and "200万元 + 150万元 + 160万元 = 510万元" in bad[0]
    # money spent still ends a list of where it came from (其中…，实际支出…)
    ok, bad = checks_of("（二）资金情况\n项目资金500万元，其中中央资金300万元，省级资金200万元，实际支出480万元。\n")
    assert not bad


# ------------------------------------------------------------------ years evaluated


def years_of(text: str) -> list[int]:
    _doc, r = record_of_text(text)
    return sorted(r.years or [])


def test_a_year_opening_the_first_sentence_over_who_spent_names_the_funds_year() -> None:
    # a title with no year; the basic situation opens with the year, then the unit that spent or
    # allocated, then the project or funds (farther than a fund's own name reaches)
    assert years_of(
        "临澧县农村公路养护资金绩效自评报告\n一、项目概况\n2023年，临澧县交通运输局实施农村公路养护项目，全年安排资金500万元。\n"
    ) == [2023]
    assert years_of(
        "石门县农村公路养护资金绩效评价报告\n一、基本情况\n2020—2022年，县财政累计安排农村公路养护资金1500万元，用于全县农村公路日常养护。\n"
    ) == [2020, 2021, 2022]
    # a year in the middle of a sentence keeps the short reach: 截至2023年，… is no year of the funds
    assert (
        years_of(
            "临澧县农村公路养护资金绩效自评报告\n一、项目概况\n全县农村公路总里程1200公里，截至2023年底，县交通运输局累计完成农村公路养护里程900公里。\n"
        )
        == []
    )


def test_an_evaluation_called_a_kaoping_or_kaohe_names_its_year_as_an_evaluation_does() -> None:
    # 对2020年…项目…进行了绩效考评: 考评 / 考核 are the genre's words for the evaluation too
    text = "某县污水收集处理项目绩效评价情况报告\n受县住建局委托，我所于2021年9月对2020年某县城区污水收集处理项目使用资金情况进行了绩效考评。\n"
    assert years_of(text) == [2020]
    text = "某县污水收集处理项目绩效评价情况报告\n县财政局于2021年9月对2020年城区污水收集处理项目资金开展了绩效考核。\n"
    assert years_of(text) == [2020]


def test_dev_items_whose_year_opens_the_funds_sentence() -> None:
    # bazhou (dev): 2023年,巴州区申报实施了百花溪小流域综合治理提质增效项目 — the title has no year
    _it, rec = dev_record("sichuan-bazhou-2023-baihuaxi-small-watershed-project-report")
    assert rec["years"] == [2023]
    # quyang (dev, traditional characters): 對2020年…項目…進行了績效考評
    _it, rec = dev_record("hebei-quyang-2020-urban-sewage-collection-project-evaluation-mirror-trad")
    assert rec["years"] == [2020]


def test_level_one_weights_listed_in_one_sentence_add_up_to_the_whole() -> None:
    body = TITLE + "三、评价指标体系\n"
    ok, bad = checks_of_text(body + "一级指标权重分别为：决策20分、过程20分、产出30分、效益30分。\n")
    assert ok == ["一级指标 weights: 20 + 20 + 30 + 30 = 100, stated 100"] and not bad
    _ok, bad = checks_of_text(body + "一级指标权重分别为：决策20分、过程20分、产出30分、效益35分。\n")
    assert bad == ["一级指标 weights: 20 + 20 + 30 + 35 = 105, stated 100"]
    # against the total the sentence states after them
    _ok, bad = checks_of_text(
        body + "指标分值设置为：决策指标20分，过程指标20分，产出指标30分，效益指标35分，合计100分。\n"
    )
    assert bad == ["一级指标 weights: 20 + 20 + 30 + 35 = 105, stated 100"]
    # scores listed are no weights; an incomplete set says nothing
    ok, bad = checks_of_text(body + "各一级指标得分为：决策18分、过程17.5分、产出27分、效益26分。\n")
    assert not any("weights" in d for d in ok + bad)
    ok, bad = checks_of_text(body + "一级指标权重分别为：决策20分、过程25分。\n")
    assert not ok and not bad


def checks_of_text(text: str) -> tuple[list[str], list[str]]:
    doc, r = record_of_text(text)
    for c in r.checks:
        assert c.span and doc.text[c.span[0] : c.span[1]], c
    details = [(c.ok, c.detail.split(" (p.")[0]) for c in r.checks]
    return [d for ok, d in details if ok], [d for ok, d in details if not ok]
