"""Totals, grades, tier scores and report dates in shapes the genre prints them in (issue 8,
session 23): each behaviour on a short hand-written text, with a near miss that must not read.

The texts are written from the genre's common shapes (bench/genre_variants.py keeps more of them),
not copied from the development set.
"""

from __future__ import annotations

from excerpt_records import evidence, record_of_text

FORM = (
    "项目支出绩效自评表\n（2022年度）\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
    "产出指标 数量指标 养护里程 100公里 100公里 20 20\n"
    "效益指标 社会效益指标 通行条件改善 明显改善 明显改善 30 27\n"
)


def score(text: str) -> tuple[object, object, object]:
    _doc, r = record_of_text(text)
    s = r.score
    return (s.total, s.max, s.grade if s.grade_source == "stated" else None) if s else (None, None, None)


def test_a_forms_total_row_with_tab_cells_or_a_label_glued_after_it() -> None:
    doc, r = record_of_text(FORM + "总分\t\t\t\t100\t95.5\t\n")
    assert r.score.total == 95.5 and "95.5" in evidence(doc, r, "score.total")
    # the next cell's label right after the score (the view drops the space: 总分100 95.5自评等级优)
    assert score(FORM + "总分 100 95.5 自评等级 优\n") == (95.5, 100, "优")
    # near miss: an amount after the row's numbers is money, not a score
    assert score(FORM + "合计 100 95万元\n")[0] is None


def test_a_previous_years_score_is_not_the_total() -> None:
    assert score("上一年度该项目绩效评价得分为82分。本次评价得分为91分，等级为优。\n") == (91, 100, "优")
    assert score("该项目去年绩效评价得分为82分。\n")[0] is None
    # near miss: a year of this evaluation before the score is no previous year
    assert score("经评价，2022年度该项目绩效评价得分为86.5分。\n")[0] == 86.5


def test_a_bare_score_after_a_rate_is_that_indicators() -> None:
    assert score("资金到位率100%，得分10分。\n")[0] is None
    assert score("预算执行率为95.2%，得分9.5分。\n")[0] is None
    # near miss: a score that says whose it is stays the total after a rate
    assert score("该项目预算执行率为98%，绩效评价得分为92分。\n")[0] == 92


def test_a_total_above_100_needs_a_maximum_in_its_sentence() -> None:
    assert score("本次评价满分为120分，项目最终得分105分，评价等级为“良”。\n") == (105, 120, "良")
    # near miss: the total's own words are no maximum (总分105分 is not out of 105)
    assert score("项目总分为105分。\n")[0] is None


def test_a_letter_grade_is_read_by_the_word_in_brackets() -> None:
    assert score("根据评价结果，该项目绩效评价等级为B级（良）。\n")[2] == "良"
    assert score("经评价，该项目得分92分，评价等级为A（优）。\n") == (92, 100, "优")
    # near miss: a letter alone maps to no grade of the contract
    assert score("该项目绩效评价等级为B级。\n")[2] is None


def test_a_tier_score_over_its_weight() -> None:
    _doc, r = record_of_text("各一级指标得分为：决策18/20分、过程17.5/20分、产出27/30分、效益26/30分。\n")
    assert sorted((i.name, i.weight, i.score) for i in r.indicators if i.level == 1) == [
        ("产出", 30, 27),
        ("决策", 20, 18),
        ("效益", 30, 26),
        ("过程", 20, 17.5),
    ]
    _doc, r = record_of_text("决策类指标得分率90%（18/20），过程类指标得分率87.5%（17.5/20）。\n")
    assert {(i.name, i.score) for i in r.indicators if i.level == 1} == {("决策", 18), ("过程", 17.5)}
    # near miss: a score above its "weight" is a ratio of something else
    _doc, r = record_of_text("决策指标25/20分。\n")
    assert not [i for i in r.indicators if i.level == 1]


def test_a_date_in_brackets_on_the_cover() -> None:
    doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n（2023年10月）\n一、基本情况\n项目概况。\n")
    assert r.report_date == "2023-10" and evidence(doc, r, "report_date") == "2023年10月"
    _doc, r = record_of_text("某县农村公路养护资金2022年度绩效自评报告（2023年10月）\n一、基本情况\n")
    assert r.report_date == "2023-10"
    # near miss: a year note in brackets is no date
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n（2022年度）\n一、基本情况\n")
    assert r.report_date is None


def test_a_forms_date_that_opens_a_period_is_no_report_date() -> None:
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n评价时间：2023年9月1日至2023年9月30日。\n")
    assert r.report_date is None
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n报告时间：2023年9月-10月\n")
    assert r.report_date is None
    # near miss: a form's date alone is the report's
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n……\n出具日期：2023年10月20日\n")
    assert r.report_date == "2023-10-20"


def test_a_grade_word_in_brackets_or_after_an_adverb() -> None:
    assert score("该项目评价得分及绩效等级为（良）。\n")[2] == "良"
    assert score("经评价，该项目评价得分86.5分，绩效评价等级为（良好）。\n") == (86.5, 100, "良")
    assert score("该项目绩效自评等次均为优。\n")[2] == "优"
    # near miss: the grades listed in brackets are the grading scale, no grade
    assert score("绩效评价等级为（优、良、中、差）四档。\n")[2] is None


def test_a_signing_date_with_a_digit_zero_or_a_day_written_hao() -> None:
    tail = "某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n"
    doc, r = record_of_text(tail + "二0二三年十月二十日\n")
    assert r.report_date == "2023-10-20" and evidence(doc, r, "report_date") == "二0二三年十月二十日"
    _doc, r = record_of_text(tail + "2023年10月20号\n")
    assert r.report_date == "2023-10-20"
    # near miss: a document number's 号 after a year and a count is no date
    _doc, r = record_of_text(tail + "某财绩〔2023〕10号\n")
    assert r.report_date is None
    # the evaluated year with a digit zero: 二0二二年度
    _doc, r = record_of_text("某县二0二二年度农村公路养护资金绩效评价报告\n一、基本情况\n")
    assert r.years == [2022]


def test_a_tier_clause_opening_with_its_indicators_word() -> None:
    _doc, r = record_of_text("1、项目决策方面，指标评价得分18分。\n2、项目过程方面，指标评价得分17.5分。\n")
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [("决策", 18), ("过程", 17.5)]
    _doc, r = record_of_text("（一）产出指标完成情况方面，指标评价得分27分，得分率90%。\n")
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [("产出", 27)]
    assert r.score is None or r.score.total is None  # the tier's rate is no total
    # near miss: a sub-item's score after the tier's heading stays the sub-item's
    _doc, r = record_of_text("（一）产出指标完成情况方面，共设置5个指标，其中数量指标得分10分。\n")
    assert not [i for i in r.indicators if i.level == 1]


def test_a_line_tables_last_score_column_is_the_evaluations() -> None:
    text = (
        "| 一级指标 | 分值 | 自评得分 | 评价得分 |\n| 决策 | 20 | 19 | 18 |\n| 过程 | 20 | 18 | 17.5 |\n"
        "| 产出 | 30 | 28 | 27 |\n| 效益 | 30 | 28 | 26 |\n| 合计 | 100 | 93 | 88.5 |\n"
    )
    _doc, r = record_of_text(text)
    assert [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1] == [
        ("决策", 20, 18),
        ("过程", 20, 17.5),
        ("产出", 30, 27),
        ("效益", 30, 26),
    ]
    assert r.score.total == 88.5
    # one score column: that one
    _doc, r = record_of_text("| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 19 |\n| 过程 | 20 | 18 |\n")
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [("决策", 19), ("过程", 18)]


def test_a_news_items_result() -> None:
    assert score("在省财政厅组织的2022年度重点绩效评价中，我县得到94.2分，位居全省第一。\n")[0] == 94.2
    assert score("该项目在全市绩效评价中取得92分的好成绩，被评为优秀等次。\n") == (92, 100, "优")
    assert score("我市水利发展资金绩效评价获得全省优秀等次。\n")[2] == "优"
    assert score("经评价，我县该项资金获得绩效评价“良好”等次。\n")[2] == "良"
    # near misses: an indicator's points are no total, and the grade word must be rated (等次 after it)
    assert score("其中资金到位率指标得到5分。\n")[0] is None
    assert score("我市获得全省优秀组织奖。\n")[2] is None
