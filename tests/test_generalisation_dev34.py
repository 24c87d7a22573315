"""Genre shapes from the dev half's new items (issue 8, session dev34).

- A news sentence whose time word is glued to the body that opens it, no comma between (近期市中小企业局会同
  市财政局…, 日前县财政局组织专家…, 近日市文化和旅游局对…): the time word is no part of the body's name
  (``org_stop_words`` in patterns/entities.yaml), and such a sentence after a purpose or an instruction
  (根据…要求，近期XX局…) still names who evaluated (``evaluator`` rank 6.5 in patterns/metadata.yaml).
- The years evaluated given as a span before the programme (对2011年以来XX资金…, 对2020年至2022年XX资金…): the
  span is no part of the programme's name (``program_body``'s 对… rule).
- A unit's final-accounts disclosure headed with its 三公 companion (…部门决算公开报告、“三公”经费决算统计数公开情况说明,
  …单位决算及“三公”经费决算情况说明): a final-accounts heading as …决算公开报告 alone is (``title.final_accounts``,
  the department kind), and the portal's publication line the text reader ran onto it, with its font-size widget
  (…发布时间:2025-08-18 18:44【字体大小:, 发布日期:2023-09-20 [字号:大 中 小]), is cut from it (``title.strip_suffix``).
- A news item's headline that reports a programme's money or works rather than naming its evaluation (中央财政已累计安排
  相关资金458亿元 文化场馆更有温度, 我市“千村示范工程”项目顺利推进), set apart by the page's dateline or 来源 right under
  it: its title (ruling 17; ``title.news_headline_money``), but no report kind from its words.

Each class is asserted on invented text in the genre's shapes, worded at least two ways, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text, same_programme


@pytest.mark.parametrize(
    ("text", "evaluator"),
    [
        (
            "根据《楼宇经济发展专项资金管理暂行办法》要求,近期市中小企业局会同市财政局,"
            "对楼宇经济发展专项资金的使用方向、实施效果等进行绩效评价。",
            "市中小企业局、市财政局",
        ),
        ("日前县财政局组织专家对2022年农村公路养护资金开展了绩效评价,评价得分88分。", "县财政局"),
        ("近日市文化和旅游局对全市公共文化服务体系建设补助资金进行了绩效评价。", "市文化和旅游局"),
        ("按照县委县政府部署,日前县财政局组织专家对2022年农村公路养护资金开展了绩效评价。", "县财政局"),
    ],
)
def test_a_time_word_glued_to_the_body_is_not_its_name(text: str, evaluator: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluator == evaluator, r.evaluator
    assert evaluator.split("、")[0] in evidence(doc, r, "evaluator")


def test_a_body_whose_name_opens_with_a_time_like_word_is_not_cut() -> None:
    # (near miss: no body's name opens with 近期/日前; a place that reads like one is not touched)
    doc, r = record_of_text("今年,县交通运输局对2023年农村公路养护资金开展了绩效自评。")
    assert r.evaluator == "县交通运输局", r.evaluator


@pytest.mark.parametrize(
    ("text", "programme", "years"),
    [
        (
            "近期市中小企业局会同市财政局,对2011年以来楼宇经济发展专项资金的使用方向、实施效果等进行绩效评价。",
            "楼宇经济发展专项资金",
            [2011],
        ),
        ("县财政局委托第三方机构,对2019年以来全区农村公路养护资金开展绩效评价。", "农村公路养护资金", [2019]),
        ("县财政局对2020年至2022年高标准农田建设资金进行了绩效评价。", "高标准农田建设资金", [2020, 2021, 2022]),
        ("县财政局对2020-2022年度高标准农田建设资金进行了绩效评价。", "高标准农田建设资金", [2020, 2021, 2022]),
    ],
)
def test_a_span_of_years_before_the_programme_is_not_its_name(text: str, programme: str, years: list[int]) -> None:
    doc, r = record_of_text(text)
    assert same_programme(r.program, programme), r.program
    assert not r.program.startswith(("以来", "至", "年")), r.program
    assert r.years == years, r.years


@pytest.mark.parametrize(
    ("text", "title", "unit", "year"),
    [
        (
            "2023年度包头市财政局部门决算公开报告、“三公”经费决算统计数公开情况说明发布时间:2024-09-01 10:00【字体大小:\n\n"
            "目录\n第一部分 部门概况\n一、主要职能、职责\n第二部分 部门决算情况说明\n",
            "2023年度包头市财政局部门决算公开报告、“三公”经费决算统计数公开情况说明",
            "包头市财政局",
            2023,
        ),
        (
            "网站首页 > 信息公开\n扎兰屯市人民医院2022年度单位决算及“三公”经费决算情况说明 发布日期:2023-09-20 [字号:大 中 小]\n\n"
            "目录\n第一部分 单位概况\n",
            "扎兰屯市人民医院2022年度单位决算及“三公”经费决算情况说明",
            "扎兰屯市人民医院",
            2022,
        ),
    ],
)
def test_a_final_accounts_heading_with_its_three_public_expenses_companion(
    text: str, title: str, unit: str, year: int
) -> None:
    doc, r = record_of_text(text)
    assert r.title == title, r.title
    assert r.report_kind == "department", r.report_kind
    assert r.evaluated_unit == unit, r.evaluated_unit
    assert r.years == [year], r.years
    assert r.evaluation_mode is None, r.evaluation_mode  # a disclosure evaluates nothing
    assert "发布" not in evidence(doc, r, "title")


def test_an_evaluations_title_loses_the_publication_line_run_onto_it() -> None:
    doc, r = record_of_text(
        "2022年度农村公路养护资金绩效自评报告 发布时间:2023-05-06 09:12 [字号:大 中 小]\n一、基本情况\n"
        "我局对2022年度农村公路养护资金开展了自评。\n"
    )
    assert r.title == "2022年度农村公路养护资金绩效自评报告", r.title
    assert r.report_kind == "project", r.report_kind


def test_a_three_public_expenses_note_alone_is_no_final_accounts_heading() -> None:
    # (near miss: the 三公 note without the unit's 决算 before it heads no final-accounts disclosure)
    doc, r = record_of_text("2022年度“三公”经费决算情况说明\n一、“三公”经费支出总体情况\n")
    assert r.title is None, r.title
    assert r.report_kind is None, r.report_kind


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "新华网 正文\n中央财政已累计安排相关资金458亿元 文化场馆更有温度\n2018-06-12 07:27:10 来源: 人民日报\n"
            "日前,中央财政下达补助资金51.85亿元,支持2018年全国公共文化设施免费开放。\n",
            "中央财政已累计安排相关资金458亿元文化场馆更有温度",
        ),
        (
            "索引号: 00841091X/202201-00011\n\n我市“千村示范工程”项目顺利推进\n\n2021-12-28 16:05文章来源: 科技与财务科\n"
            "12月23至24日,省生态环境投资评估与绩效评价中心组织专家对我市项目进行了绩效评价。\n",
            "我市“千村示范工程”项目顺利推进",
        ),
        (
            "县财政下达3000万元补助资金支持农村公路建设\n发布时间:2023-03-02 来源:县交通运输局\n"
            "近日,县财政下达补助资金3000万元,用于全县农村公路提质改造。\n",
            "县财政下达3000万元补助资金支持农村公路建设",
        ),
    ],
)
def test_a_news_headline_reporting_a_programmes_money_over_its_dateline(text: str, title: str) -> None:
    doc, r = record_of_text(text)
    assert r.title == title, r.title
    assert evidence(doc, r, "title").replace(" ", "") == title


def test_a_money_headline_gives_no_report_kind_by_its_words() -> None:
    doc, r = record_of_text(
        "中央财政已累计安排相关资金458亿元 文化场馆更有温度\n2018-06-12 07:27:10 来源: 人民日报\n"
        "截至2018年,中央财政累计安排公共文化设施免费开放相关资金已达458亿元。\n"
    )
    assert r.title is not None
    assert r.report_kind is None, r.report_kind


@pytest.mark.parametrize(
    "text",
    [
        # (near misses: a line naming money with no dateline under it is no headline; a line over a dateline that
        # names neither an evaluation nor money is no headline either)
        "县财政下达3000万元补助资金支持农村公路建设\n近日,县财政下达补助资金3000万元,用于全县农村公路提质改造。\n",
        "春季植树活动圆满结束\n2023-03-12 10:00 来源:县林业局\n近日,县林业局组织干部职工开展植树活动。\n",
    ],
)
def test_no_headline_without_its_dateline_or_its_money(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.title is None, r.title
