"""Years and mode (issue 8, session 43 helper meta39): genre shapes of the dev half.

Years: the year of a finance bureau's round of key evaluations (开展2020年市级部分重点项目财政绩效评价工作) is the
year of the work, not of the funds it rates; the year that numbers a meeting (2023年第一次会议) is no fiscal year.
Mode: a unit that reports to the finance body that asked for it (省财政厅: / 我局对…进行了绩效评价) evaluated itself.
"""

from __future__ import annotations

import pytest
from excerpt_records import TEXTS, devset_record, record_of_text

from jixiao.extractor.record.dates import years_in


def record(stem: str) -> dict:
    return devset_record(stem)[1].to_dict()


def text_of(stem: str) -> str:
    return (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")


_SHANTOU = "guangdong-shantou-2019-city-key-projects-evaluation-launch-news"
_LETTER = "hunan-2016-resettlement-hardship-aid-fund-evaluation-letter-mirror"


def test_campaign_year_is_not_the_funds_year() -> None:
    # 市财政局布置开展2020年市级部分重点项目财政绩效评价工作，…确定了…等12项2019年度市级预算资金作为此次财政绩效评价项目
    assert record(_SHANTOU)["years"] == [2019]


@pytest.mark.parametrize(
    "campaign",
    [
        "2020年市级部分重点项目财政绩效评价",
        "2020年度财政重点绩效评价",
        "2020年县级财政重点评价",
        "2020年重点项目绩效评价",
    ],
)
def test_campaign_year_in_other_words(campaign: str) -> None:
    text = text_of(_SHANTOU).replace("2020年市级部分重点项目财政绩效评价", campaign)
    assert record_of_text(text)[1].to_dict()["years"] == [2019]


def test_funds_year_still_read_when_no_campaign() -> None:
    # (the funds' own year before 绩效评价 is still the year evaluated: 对2022年度重点项目开展了绩效评价 names its funds)
    text = "关于某县农村公路养护资金绩效评价报告\n县财政局对2022年度农村公路养护资金开展了绩效评价。\n"
    assert record_of_text(text)[1].to_dict()["years"] == [2022]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("市财政局召开预算绩效评审委员会2023年第一次会议", []),
        ("省人民政府2007年第109次常务会议将移民口粮补贴更名", []),
        ("黄山区统计局2023年度第五次全国经济普查项目支出绩效评价报告", [2023]),  # a census's ordinal, no meeting
    ],
)
def test_meeting_number_year_is_no_fiscal_year(text: str, years: list[int]) -> None:
    assert sorted({y for _s, _e, yy in years_in(text) for y in yy}) == years


def test_report_to_the_finance_body_is_self() -> None:
    # 湘移函〔2017〕29号 / 省财政厅: / 根据贵厅通知…要求，我局对2016年度移民困难扶助专项资金…进行了绩效评价
    assert record(_LETTER)["evaluation_mode"] == "self"


@pytest.mark.parametrize("addressee", ["市财政局:", "县财政局：", "自治区财政厅:"])
def test_report_to_a_finance_body_at_any_level(addressee: str) -> None:
    text = text_of(_LETTER).replace("省财政厅:", addressee, 1)
    assert record_of_text(text)[1].to_dict()["evaluation_mode"] == "self"


def test_no_addressee_no_mode() -> None:
    # (the writer naming itself nowhere and reporting to no one: 我局 alone tells no mode)
    text = text_of(_LETTER).replace("省财政厅:", "", 1)
    assert record_of_text(text)[1].to_dict()["evaluation_mode"] is None


def test_addressed_to_a_line_department_tells_nothing() -> None:
    # (a report sent to the department over the writer is no report to the finance body that asked for it)
    text = text_of(_LETTER).replace("省财政厅:", "省水利厅:", 1)
    assert record_of_text(text)[1].to_dict()["evaluation_mode"] is None


_DOC_SITE = "shandong-shandong-2017-urban-affordable-housing-fund-evaluation-doc-site"
_DOC_TITLE = "2017年度中央及省级城镇保障性安居工程财政专项资金绩效评价报告"


@pytest.mark.parametrize("tag", ["(山东)", "（4）", "(定稿)"])
def test_uploader_tag_after_a_file_name_is_no_title_word(tag: str) -> None:
    # 《…绩效评价报告(山东).docx》 over a text that prints …绩效评价报告 run into 一、项目基本情况: the title as printed
    text = text_of(_DOC_SITE).replace(f"{_DOC_TITLE}(山东).docx", f"{_DOC_TITLE}{tag}.docx", 1)
    assert record_of_text(text)[1].to_dict()["title"] == _DOC_TITLE


def test_bracket_the_document_prints_stays() -> None:
    # (the document printing the bracket after the name too: its title's own words)
    text = text_of(_DOC_SITE).replace(f"{_DOC_TITLE}一、", f"{_DOC_TITLE}(山东)一、", 1)
    assert record_of_text(text)[1].to_dict()["title"] == f"{_DOC_TITLE}(山东)"


_MIRROR_NEWS = "tianjin-2011-building-economy-fund-third-party-evaluation-news-repost"
_HEADLINE = "天津市楼宇经济发展专项资金引入第三方评价机构开展绩效评价"


@pytest.mark.parametrize("stamp", ["27.09.2017  13:05", "27/09/2017 13:05", "27-09-2017 13:05:41", "2017-09-27 13:05"])
def test_headline_over_a_day_first_timestamp(stamp: str) -> None:
    # a mirror's headline with its publication time printed day first under it (27.09.2017  13:05)
    text = text_of(_MIRROR_NEWS).replace("27.09.2017  13:05", stamp, 1)
    assert record_of_text(text)[1].to_dict()["title"] == _HEADLINE


def test_timestamp_is_no_title() -> None:
    assert record(_MIRROR_NEWS)["title"] == _HEADLINE
    assert record(_MIRROR_NEWS)["report_date"] is None  # (a page's publication time is no report date)


_ALLOCATION = "chongqing-zhongxian-2022-pig-county-reward-fund-allocation-target-table-spam-mirror"


def test_allocation_letter_funds_year_over_targets_sent_along() -> None:
    # 现将2022年生猪调出大县奖励资金397万元下达你单位 … 本次将2021年…奖励资金年度绩效目标一并下达 (ruling 29)
    assert record(_ALLOCATION)["years"] == [2022]


@pytest.mark.parametrize("verb", ["拨付给你单位", "下拨你单位", "分配给你们"])
def test_allocation_letter_in_other_verbs(verb: str) -> None:
    text = text_of(_ALLOCATION).replace("397万元下达你单位", "397万元" + verb, 1)
    assert record_of_text(text)[1].to_dict()["years"] == [2022]


_ACTION_HEADLINE = "gansu-linxia-2018-museum-free-opening-prefecture-assessment-news"


def test_headline_reporting_the_act_names_a_project() -> None:
    # 临夏州文化广电和旅游局到我馆开展2018年度博物馆免费开放绩效考评州级考评工作: the act's object is the programme
    rec = record(_ACTION_HEADLINE)
    assert (rec["program"], rec["report_kind"]) == ("博物馆免费开放", "project")


@pytest.mark.parametrize("programme", ["美术馆免费开放", "公共图书馆免费开放"])
def test_headline_act_object_in_other_words(programme: str) -> None:
    text = text_of(_ACTION_HEADLINE).replace("2018年度博物馆免费开放绩效考评", f"2018年度{programme}绩效考评")
    assert record_of_text(text)[1].to_dict()["report_kind"] == "project"


_WHOLE = "unknown-department-2017-whole-expenditure-self-evaluation-score-table-forum-fragment"


def test_fund_word_before_whole_spending_is_no_project() -> None:
    # …及时拨付资金. 2017 年部门整体支出绩效评价得分表 (an ASCII stop ends the sentence): the whole spending evaluated
    assert record(_WHOLE)["report_kind"] == "department"


def test_fund_phrase_still_reads_a_project() -> None:
    # (a fund evaluated, no whole spending in the phrase: 对2022年农村公路养护资金开展了绩效评价)
    text = "县交通运输局对2022年农村公路养护资金开展了绩效评价，评价得分90分。\n"
    assert record_of_text(text)[1].to_dict()["report_kind"] == "project"
