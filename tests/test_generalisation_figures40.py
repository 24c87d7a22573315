"""Figures (issue 8, figures40): shapes the dev half showed unread or read falsely, asserted on the real dev items,
with near misses that must not change.
"""

from __future__ import annotations

from excerpt_records import figures_of_item as _figures
from excerpt_records import devset_dict, record_of_text
from excerpt_records import figures_of_text as _figures_of_text

# ---------------------------------------------------------------- a self-evaluation form flattened to one line


def test_a_form_flattened_under_a_worded_formula_header_gives_its_funds() -> None:
    # 年初预算数 全年预算数 全年执行数 分值 执行率(全年 执行数/全年 预算数) 年度资金总额: 620.82万元 … 100% 10
    # 其中:当年财政 拨款 620.82万元 620.82万元 620.82万元 100 100% 10 (a 自评表 .xls flattened to one line)
    got = _figures("jiangxi-shangrao-2021-judicial-affairs-funds-self-table")
    for column in ("年初预算数", "全年预算数", "全年执行数"):
        assert any(n.endswith(column) and not n.startswith("当年") and v == 6208200 for n, v, _u in got)
        assert any(n.startswith("当年财政拨款") and n.endswith(column) and v == 6208200 for n, v, _u in got)
    assert sum(1 for n, v, u in got if "执行率" in n and v == 1 and u == "%") == 2
    assert not any(n.startswith("拨款") for n, _v, _u in got)  # the part's label whole, not its wrapped half


_FORM = (
    "项目支出绩效自评表\n项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率(全年 执行数/全年 预算数) 得分 "
    "年度资金总额: 50万元 50万元 45万元 10 90% 9 上年结转资金 其他资金 5万元 5万元 5万元 100%\n"
)


def test_a_whole_row_label_is_not_joined_to_the_next() -> None:
    # near miss: 上年结转资金 and 其他资金 are two rows' labels, each whole; the values are 其他资金's
    got = _figures_of_text(_FORM)
    assert not any("上年结转资金其他资金" in n for n, _v, _u in got)
    assert any(n.startswith("其他资金") and v == 50000 for n, v, _u in got)


# ---------------------------------------------------------------- candidate pools (ruling 37)


def test_projects_recommended_before_a_selection_are_no_figure() -> None:
    # 从各县(区)推荐的5个项目中筛选出4个项目作全市供销系统2018年度“新网工程”项目
    got = _figures("anhui-luan-2018-supply-marketing-new-network-project-self-report")
    assert not any(v == 5 and u == "个" for _n, v, u in got)


def test_applicant_cities_of_a_competition_are_no_figure() -> None:
    # 在28個申報城市中以第6名的成績獲得示范資格 (a mirror's traditional text)
    got = _figures("tianjin-2017-clean-heating-pilot-city-assessment-news-mirror-trad")
    assert not any(v == 28 for _n, v, _u in got)


def test_the_units_an_evaluation_covers_stay() -> None:
    # near miss: 在纳入评价的1852个县(县级市)中 is the evaluation's scope (ruling 37: in)
    got = _figures_of_text("一、项目基本情况\n在纳入评价的1852个县(县级市)中，我县排名第12位。\n")
    assert any(v == 1852 and u == "个" for _n, v, u in got)


# ---------------------------------------------------------------- a table's row flattened, each cell with its label


def _named(stem: str, name: str) -> list[float]:
    return [f["value"] for f in devset_dict(stem)["figures"] if f["name"] == name]


def test_the_next_columns_cell_with_the_same_label_is_no_restatement() -> None:
    # 计划投资额 / 实际到位资金 / 实际使用情况 (万元) flattened: 其中:中央财政4676 其中:中央财政4676 其中:中央财政4676 …
    # 市县财政0 市县财政0 市县财政0 — one cell per column, each printing its row's label
    stem = "hainan-hainan-undated-forest-ecological-compensation-fund-report-cover"
    assert _named(stem, "中央财政") == [46760000] * 3
    assert _named(stem, "市县财政") == [0] * 3


def test_an_amount_restated_in_another_paragraph_is_still_one_figure() -> None:
    # near miss: the overview restating the body's amount on a line of its own is the same figure, kept once
    text = "一、项目资金情况\n中央财政资金100万元已全部到位。\n二、项目概况\n中央财政资金100万元\n"
    _doc, r = record_of_text(text)
    assert [f["value"] for f in r.to_dict()["figures"] if f["name"] == "中央财政资金"] == [1000000]


# ---------------------------------------------------------------- a funds row carrying its weight (分值 | 10分)


def test_a_rate_row_with_its_weight_beside_it_is_a_funds_row() -> None:
    # 其中:其它资金 | 0 | … ⏎ 年度预算执行率 | 100% | 分值 | 10分 | ⏎ 年度绩效目标(90分) | 一级指标 | … | 分值 | 指标解释
    got = _figures("chongqing-fengjie-2023-work-safety-reporting-award-target-approval-table")
    assert ("年度预算执行率", 1, "%") in got


def test_the_indicator_header_still_ends_the_funds() -> None:
    # near miss: a header row of the indicator part (… | 指标值 | 分值 | 得分) with no value beside 分值 cuts the grid there
    text = (
        "项目资金 | 金额 |\n年度预算数 | 100万元 |\n一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 资金拨付金额 | 90万元 | 10 | 10 |\n"
    )
    got = _figures_of_text(text)
    assert not any(v == 900000 for _n, v, _u in got)


# ---------------------------------------------------------------- people at a meeting


def test_people_attending_a_review_meeting_are_no_figure() -> None:
    # 有关生态环保专家、财务审计专家和中心技术人员等20余人参加会议 (a news item on the review of an evaluation report)
    got = _figures("sichuan-sichuan-2019-rural-sewage-thousand-villages-award-fund-evaluation-review-news")
    assert not any(u == "人" for _n, _v, u in got)


def test_staff_followed_by_a_clause_of_training_stay() -> None:
    # near miss: the count closes its clause (在职教师20人，参加培训3次): the unit's staff, a figure (ruling 19)
    got = _figures_of_text("一、项目基本情况\n学校在职教师20人,参加培训3次。\n")
    assert ("学校在职教师", 20, "人") in got
