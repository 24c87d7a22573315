"""Figures (issue 8, figures38): shapes the dev half showed unread or read wrongly, asserted on the real dev
items, with near misses that must not change.
"""

from __future__ import annotations

from pathlib import Path

from excerpt_records import figures_of_item as _figures
from excerpt_records import figures_of_text as _figures_of_text


TEXTS = Path(__file__).parent / "devset" / "texts"


# ---------------------------------------------------------------- a numbered list copied one cell a line


def test_a_numbered_list_one_cell_a_line_gives_each_items_amount_and_the_total() -> None:
    # 单位:万元 / 序号 | / 乡镇名称 | / 项 目 名 称 | / 金额 | / 备注 | / 1 | / 西坪镇 | / 尧山村排洪排水工程建设 | / 20 | / | …
    # / 合计 | / 100 |: each item's amount under 金额, named by its 项目名称 cell; the total by its row and column
    got = _figures("fujian-anxi-2022-provincial-water-fund-seventh-batch-allocation-target-table")
    assert {
        ("尧山村排洪排水工程建设 金额", 200000, "元"),
        ("吾培村前村洋头水圳修复 金额", 150000, "元"),
        ("尤俊村堤岸修复 金额", 150000, "元"),
        ("合计 金额", 1000000, "元"),
    } <= got


def test_a_list_row_after_a_group_row_is_read_under_its_column() -> None:
    # 序号 | / 项目名称 | / 实施单位 | / 预算资金(万元) | / 评分情况 | / 评价等级 | / 一 | / 项目绩效评价 | / |||| / 1 | /
    # 区域养老服务中心消防改造项目 | / 山西省阳高县民政局 | / 162.00 | / 89.72: the score column gives no figure
    got = _figures("shanxi-yanggao-2024-key-evaluation-results-notice")
    assert ("区域养老服务中心消防改造项目 预算资金", 1620000, "元") in got
    assert not any(v == 89.72 for _n, v, _u in got)


def test_a_list_ends_at_a_line_of_words_and_a_scoreless_list_gives_no_score() -> None:
    # near misses: the total's row takes no cell after the words 附件2 (the next table's 项目名称 | 资金总额 …), and a list
    # of indicators (序号 | 一级指标 | … | 指标分值) gives no figure from its weights
    text = (
        "一、项目资金情况\n单位:万元\n序号 |\n项目名称 |\n金额 |\n备注 |\n1 |\n村道硬化 |\n20 |\n|\n"
        "合计 |\n20 |\n附件2\n项目名称 |\n某某资金 |\n资金总额 |\n100 |\n"
    )
    got = _figures_of_text(text)
    assert ("村道硬化 金额", 200000, "元") in got
    assert ("合计 金额", 200000, "元") in got
    assert not any(n.startswith("合计") and v != 200000 for n, v, _u in got)
    weights = "一、项目资金情况\n序号 |\n一级指标 |\n二级指标 |\n指标分值 |\n1 |\n投入 |\n项目立项 |\n2 |\n"
    assert not any(v == 2 for _n, v, _u in _figures_of_text(weights))


# ---------------------------------------------------------------- counts of indicators behind a mirror's glosses


def test_counts_of_indicators_glossed_by_a_mirror_stay_out() -> None:
    # 設(shè)立2個一級指標(biāo) … 設立4個二級指標(biāo) … 13個三級指標(biāo): the structure of a target system (ruling 26),
    # the glosses after 標 no part of the noun
    got = _figures("unknown-2014-corn-straw-return-project-scoring-scheme-mirror-trad")
    assert not any(u == "个" for _n, _v, u in got)


def test_a_count_of_projects_beside_a_count_of_indicators_is_still_counted() -> None:
    # near miss: the noun check reads the noun's words, a count of projects stays a figure
    got = _figures_of_text("一、基本情况\n本年度共实施2个项目，资金50万元，设立3个一级指标。\n")
    assert ("共实施项目", 2, "个") in got
    assert not any(v == 3 for _n, v, _u in got)


def test_a_cells_glosses_are_dropped_from_its_figures_name() -> None:
    # 計(jì)劃安排資金 / (萬元) / 55 in a mirror's form copied one cell a line: named without the gloss
    got = _figures("hunan-yueyangxian-2021-forest-fire-prevention-self-cover-trad")
    assert ("计划安排资金", 550000, "元") in got
    assert not any("(" in n and any("a" <= ch <= "z" for ch in n) for n, _v, _u in got)


# ---------------------------------------------------------------- what the year's work has bought


def test_a_purchase_reported_done_is_no_figure_while_the_projects_content_is() -> None:
    # 项目已完成并通过验收。已购置生活垃圾压缩对换车1辆、配套转运箱2个: the purchase done (ruling 26's "out"); the
    # content 购置1辆垃圾压缩车辆及2个配套压缩箱 stays
    got = _figures("ningxia-xingqing-2022-garbage-transfer-station")
    assert {("垃圾压缩车辆", 1, "辆"), ("配套压缩箱", 2, "个")} <= got
    assert not any(n.startswith("已购置") or n == "配套转运箱" for n, _v, _u in got)


# ---------------------------------------------------------------- the money of a grade's items


def test_the_money_of_a_grades_items_is_no_figure() -> None:
    # 自评结果为:21 个项目评为一等,涉及资金 656.93 万元: the items the grade holds (ruling 26) and their money alike; the
    # programme's 项目支出总额656.93万元 stays
    got = _figures("unknown-unnamed-2024-medical-insurance-centre-department-self-evaluation-results")
    assert ("项目支出总额", 6569300, "元") in got
    assert not any(n == "涉及资金" and v == 6569300 for n, v, _u in got)


def test_money_beside_a_grade_with_no_count_of_items_stays() -> None:
    # near miss: a sentence naming a grade but counting no items keeps its amount
    got = _figures_of_text("一、基本情况\n该项目评价等级为优，项目资金共计50万元。\n")
    assert any(v == 500000 for _n, v, _u in got)
