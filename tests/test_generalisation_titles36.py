"""The document's own title, whole and clean (issue 8, session titles36), on the dev items it fixed.

- A list item's bullet a page sets before the title (``- 2015-2017年度…报告``, the value of a metadata
  list's 内容概述 entry once the reader folds its space away) is no word of the title.
- A line under a generic heading (部门整体支出绩效评价报告) that opens a title of its own, its report words on
  the next line (吉首市XX办事处部门整体支出 / 绩效评价报告), is that title's start, not the programme the
  generic heading leaves out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from excerpt_records import record_of_text

from jixiao import parse
from jixiao.extractor.record import build_record

TEXTS = Path(__file__).parent / "devset" / "texts"


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        (
            "jiangsu-wuxi-2015-2017-preschool-education-fund-third-party-report-spam-mirror",
            "2015-2017年度无锡市教育发展专项资金学前教育经费绩效评价报告",
        ),
        (
            "hunan-jishou-2018-qianzhou-street-office-department-report-essay-site",
            "吉首市乾州街道办事处部门整体支出绩效评价报告",
        ),
    ],
)
def test_dev_item_title(stem: str, title: str) -> None:
    record = build_record(parse(TEXTS / f"{stem}.txt"))
    assert record.title == title


def test_a_programme_line_under_a_generic_heading_still_joins_it() -> None:
    # (the near miss: a programme's line under the report's words, no report words of its own under it)
    _, r = record_of_text(
        "项目支出绩效评价报告\n海口市公安局指挥大厅升级改造建设项目\n一、基本情况\n2022年，安排资金50万元。\n"
    )
    assert r.title == "项目支出绩效评价报告海口市公安局指挥大厅升级改造建设项目"


def test_a_bulleted_numbered_heading_is_no_title() -> None:
    # (the bullet cut from a title is no licence for a numbered heading under it: • 一、… stays a heading)
    text = "XX市民政局关于2021年度困难群众救助补助资金绩效自评报告\n  • 来源:XX市民政局\n  • 一、绩效目标分解下达情况\n一、基本情况\n"
    _, r = record_of_text(text)
    assert r.title == "XX市民政局关于2021年度困难群众救助补助资金绩效自评报告"
