"""Title shapes (issue 8, session 45 helper meta41): a title hard-wrapped at the page's width.

A centred heading too long for its line wraps where the width ends, often in the middle of a word: the
first line is the full width, the rest opens mid-words (not with a place, a year, 关于 or an annex label,
where a title starts). The rest may name enough to stand alone; it is still the title's end, not the title.
"""

from __future__ import annotations

import pytest
from excerpt_records import devset_dict, record_of_text


def title(text: str) -> str | None:
    return record_of_text(text)[1].to_dict()["title"]


_BODY = "一、绩效目标分解下达情况\n2022年下达资金100万元，已全部到位。\n"


@pytest.mark.parametrize(
    ("top", "rest"),
    [
        # the rest names a programme and a year of its own: still the title's end
        ("广西城乡居民基本养老保险补助资金", "转移支付2022年度绩效自评报告"),
        # the wrap cuts a word (保 / 护), both lines print the year
        ("宁国市2023年省级非物质文化遗产保", "护资金转移支付2023年度绩效自评报告"),
        ("某某县农村饮水安全工程维修养护", "专项资金项目支出绩效评价报告"),
    ],
)
def test_title_wrapped_at_the_width(top: str, rest: str) -> None:
    assert title(f"{top}\n{rest}\n{_BODY}") == top + rest
    # (under a portal's chrome too, where the first line alone could pass for a news headline)
    assert title(f"无障碍浏览 注册 登录\n\n{top}\n{rest}\n\n{_BODY}") == top + rest


@pytest.mark.parametrize(
    ("above", "heading"),
    [
        # a letterhead over the title: a body's name, not its first words
        ("澧县财政局", "澧县2022年度农业保险保费补贴项目绩效评价报告"),
        # the rest opens with a place or a year: a title starts there
        ("政务公开专栏财政资金信息", "澧县2022年度农业保险保费补贴项目绩效评价报告"),
        ("部门预算绩效信息公开专栏", "2022年度农业保险保费补贴项目绩效评价报告"),
    ],
)
def test_no_wrap_where_a_title_starts(above: str, heading: str) -> None:
    assert title(f"{above}\n{heading}\n{_BODY}") == heading


def test_a_short_line_over_a_whole_title_is_no_wrap() -> None:
    # (a first line shorter than the rest is no full-width line: chrome or a section's label)
    assert (
        title(f"通知公告栏目\n农业保险保费补贴项目2022年度绩效评价报告\n{_BODY}")
        == "农业保险保费补贴项目2022年度绩效评价报告"
    )


# ------------------------------------------------------------------ a news headline printed twice
_CULTURE = "national-2018-public-cultural-facilities-free-opening-subsidy-news"


def test_headline_printed_again_under_the_page_heading() -> None:
    # 首页>… / 中央财政已累计安排相关资金458亿元 文化场馆更有温度 / 中央财政已累计安排相关资金458亿元 / 免费开放 文化场馆更有温度:
    # the page's heading, then the article's own on two lines; the reader runs the first onto the page's
    assert devset_dict(_CULTURE)["title"] == "中央财政已累计安排相关资金458亿元文化场馆更有温度"


@pytest.mark.parametrize(
    "headline",
    ["某县下达农村公路养护补助资金3200万元", "某市投入1.2亿元支持中小学校舍改造"],
)
def test_headline_printed_again_in_other_words(headline: str) -> None:
    # the page's heading, the article's own printed again under it
    text = f"首页>新闻中心>财经要闻\n{headline}\n{headline}\n日前，某县财政局下达资金，支持全县项目建设。\n"
    assert title(text) == headline


def test_a_headline_printed_once_names_an_evaluation() -> None:
    # (under the breadcrumb alone, a line reporting money is no headline: it may be a section's name)
    text = "首页>新闻中心>财经要闻\n某市投入1.2亿元支持中小学校舍改造\n日前，某县财政局下达资金，支持全县项目建设。\n"
    assert title(text) is None


def test_a_repeated_opening_is_cut_from_a_title() -> None:
    # a report's heading run onto its own first words printed again (a page's heading over the document's)
    text = "某县2022年度农业保险保费补贴项目绩效评价报告某县2022年度农业保险\n一、项目基本情况\n"
    assert title(text) == "某县2022年度农业保险保费补贴项目绩效评价报告"
