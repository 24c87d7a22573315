"""Scores, grades and tiers of issue 8, session 29 (tiers24): each rule on the real dev-half item
that showed it (tests/devset/texts/), with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from pathlib import Path

from excerpt_records import evidence, record_of_text
from jixiao.extractor import parse
from jixiao.extractor.record import build_record

TEXTS = Path(__file__).parent / "devset" / "texts"


def devset_record(stem: str):
    doc = parse(TEXTS / f"{stem}.txt")
    return doc, build_record(doc)


def tiers(record) -> list[tuple[str, float | int | None, float | int | None]]:
    return [(i.name, i.weight, i.score) for i in record.indicators if i.level == 1]


def test_a_grade_after_a_colon_after_wei() -> None:
    # 自評等級為:優(yōu)秀 (a mirror's traditional characters with pinyin glosses)
    doc, r = devset_record("yunnan-baoshan-2021-propaganda-dept-culture-fund-self-result-glossed-mirror")
    assert (r.score.total, r.score.grade, r.score.grade_source) == (90.76, "优", "stated")
    assert "優(yōu)秀" in evidence(doc, r, "score.grade")
    # near miss: a colon before a count of graded projects is no grade
    _doc, r = record_of_text("某县2022年度项目绩效评价结果公告\n抽审的41个项目审核等级为：1个项目评为优。\n")
    assert r.score.grade_source != "stated"


def test_a_grade_as_the_result_right_after_the_score() -> None:
    doc, r = devset_record("zhejiang-haining-2023-childcare-expansion-evaluation-report")
    assert (r.score.total, r.score.grade, r.score.grade_source) == (87.22, "良", "stated")
    assert evidence(doc, r, "score.grade").endswith("结果为“良好”")
    # near miss: a result after a rate, not after the score, is no grade
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n满意度调查结果为良好。\n")
    assert r.score is None or r.score.grade_source != "stated"


def test_a_grade_a_news_item_says_the_evaluation_was_passed_with() -> None:
    doc, r = devset_record("neimenggu-2015-wolfberry-forestry-extension-evaluation-news")
    assert (r.score.grade, r.score.grade_source) == ("优", "stated")
    assert evidence(doc, r, "score.grade") == "以优秀成绩通过"


def test_a_grade_of_several_evaluations_at_once_is_no_documents() -> None:
    doc, r = devset_record("shanxi-yanggao-2024-key-evaluation-results-notice")
    assert r.score is None or r.score.grade is None
    # near miss: 均 after one project's name is that project's grade
    _doc, r = record_of_text("某县农村公路养护资金绩效自评报告\n该项目绩效自评等次均为优。\n")
    assert (r.score.grade, r.score.grade_source) == ("优", "stated")


def test_a_total_row_whose_two_line_label_is_read_bottom_line_first() -> None:
    doc, r = devset_record("anhui-huoshan-2024-special-education-table")
    assert r.score.total == 100
    assert evidence(doc, r, "score.total") == "分总 100 100"


def test_a_lone_100_in_an_indicator_system_that_prints_no_score_is_no_total() -> None:
    _doc, r = devset_record("hebei-ningjin-2019-high-school-grant-indicator-table")
    assert r.score is None or r.score.total is None
    # near miss: a form's 总分 with its maximum and score is the total though no 得分 is printed
    _doc, r = record_of_text("项目支出绩效自评表\n（2022年度）\n总分\t100\t96\t优\n")
    assert (r.score.total, r.score.grade) == (96, "优")


def test_a_self_evaluation_score_compared_in_a_re_evaluation_is_not_its_total() -> None:
    _doc, r = devset_record("yunnan-jingdong-2022-rural-minimum-living-reevaluation-notice")
    assert r.score is None or r.score.total is None
    # near miss: a self-evaluation report's own 自评分 is its total
    _doc, r = record_of_text("某县农村公路养护资金绩效自评报告\n三、绩效自评结论\n项目自评分为97.40分。\n")
    assert r.score.total == 97.4


def test_a_budget_block_tier_read_through_a_mirrors_pinyin_glosses() -> None:
    doc, r = devset_record("hubei-ezhou-2022-science-popularisation-fund-self-table-trad")
    got = [t for t in tiers(r) if t[0].startswith("预算执行")]
    assert got == [("预算执行情况", 20, 19)]
    ind = next(i for i in r.indicators if i.level == 1 and i.name == "预算执行情况")
    assert ind.span is not None
    said = doc.text[ind.span[0] : ind.span[1]]
    assert said.startswith("預(yù)算執(zhí)行情況") and said.endswith("19")


def test_tiers_listed_one_a_line_with_numbers() -> None:
    _doc, r = record_of_text(
        "四、评价结论\n该项目评价得分88.5分。具体如下：\n1.决策：18分；\n2.过程：17.5分；\n3.产出：27分；\n4.效益：26分。\n"
    )
    assert tiers(r) == [("决策", None, 18), ("过程", None, 17.5), ("产出", None, 27), ("效益", None, 26)]
    # near miss: numbered weights (they make 100) are no scores
    _doc, r = record_of_text("四、指标体系\n1.决策：20分；\n2.过程：20分；\n3.产出：40分；\n4.效益：20分。\n")
    assert [t for t in tiers(r) if t[2] is not None] == []


def test_a_total_row_of_a_web_tables_bar_rows() -> None:
    _doc, r = record_of_text(
        "某县农村公路养护资金绩效评价报告\n| 一级指标 | 分值 | 得分 |\n| 决策 | 20 | 18 |\n| 过程 | 20 | 17 |\n"
        "| 产出 | 40 | 36 |\n| 效益 | 20 | 18 |\n| 合计 | 100 | 89 |\n"
    )
    assert r.score.total == 89
    assert tiers(r) == [("决策", 20, 18), ("过程", 20, 17), ("产出", 40, 36), ("效益", 20, 18)]


def test_a_multi_level_bar_tables_rows_hold_their_lowest_levels_numbers() -> None:
    # 产出指标 | 数量指标 | 修建道路 | 20 | 20: the 20s are 修建道路's, no tier's
    _doc, r = record_of_text(
        "某县农村公路养护资金绩效自评表\n一级指标 | 二级指标 | 三级指标 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 修建道路 | 20 | 20\n效益指标 | 社会效益 | 通行改善 | 30 | 28\n"
    )
    assert [t for t in tiers(r) if t[2] is not None] == []
    # near miss: a tier's own row, its lower levels' cells empty, is the tier's
    _doc, r = record_of_text(
        "某县农村公路养护资金绩效自评表\n一级指标 | 二级指标 | 分值 | 得分\n产出指标 |  | 50 | 48\n效益指标 |  | 30 | 28\n"
    )
    assert tiers(r) == [("产出", 50, 48), ("效益", 30, 28)]


def test_the_wholes_label_then_how_it_was_reached_then_the_score() -> None:
    doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n该项目绩效评价最终得分按照指标体系计算为86.5分。\n")
    assert r.score.total == 86.5
    assert evidence(doc, r, "score.total").endswith("计算为86.5分")
    # near miss: a part of the whole named between is that part's score
    _doc, r = record_of_text("某县农村公路养护资金绩效评价报告\n项目最终得分中决策指标为18分。\n")
    assert r.score is None or r.score.total is None
