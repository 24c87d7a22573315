"""Title shapes (issue 8, session 45 helper meta41): a title hard-wrapped at the page's width.

A centred heading too long for its line wraps where the width ends, often in the middle of a word: the
first line is the full width, the rest opens mid-words (not with a place, a year, 关于 or an annex label,
where a title starts). The rest may name enough to stand alone; it is still the title's end, not the title.
"""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text


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
