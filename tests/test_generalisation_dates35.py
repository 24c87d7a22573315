"""A form's or cover's date whose 年/月/日 the text layer lost (issue 8, dev35).

- 上报时间:2017915 on a 财政支出项目绩效评价报告 cover (hainan-haikou), 公开日期:2024926 under a unit's final-accounts
  heading (sichuan-luzhou): the value after a date label is the year's four digits with the month's and day's run
  together. It is that date when exactly one month/day split is a real date (``report_date.glued`` in
  ``patterns/metadata.yaml``): 2017915 is 9月15日, 2017111 (1月11日 or 11月1日) is none. Read only as a labelled
  date's whole value — never in running text, not a period (评价时间: 2017913日至 2017915), not on a byline's line.
- 上报时间 / 上报日期 is a report-date label (``patterns/forms.yaml``): the day the cover says the report was
  submitted, as 填报日期 / 报送日期 are.

Asserted on the two dev items the shape comes from and on invented text, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, evidence, record_of_text


@pytest.mark.parametrize(
    "stem",
    [
        "hainan-haikou-2016-archives-collection-compilation-evaluation-cover",  # 上报时间:2017915
        "sichuan-luzhou-2023-tcm-hospital-unit-final-accounts-contents",  # 公开日期:2024926
    ],
)
def test_glued_date_dev_items(stem: str) -> None:
    it, rec = dev_record(stem)
    assert rec["report_date"] == it.expected["report_date"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a cover's submission date, its 年/月/日 lost
        (
            "财政支出项目绩效评价报告\n项目名称: 农村公路养护\n评价单位:桃源县交通运输局\n上报时间:2023916\n",
            "2023-09-16",
        ),
        # a disclosure's own line
        ("桃源县交通运输局2023年决算公开报告\n公开日期:2024926\n目录\n第一部分 部门概况\n", "2024-09-26"),
        # the year's 年 lost, the 月 kept
        ("桃源县交通运输局2023年决算公开报告\n公开时间:202510月15\n目录\n", "2025-10-15"),
        # eight digits: month and day two each
        ("桃源县农村公路养护资金绩效自评表\n填报日期:20231018\n项目名称 农村公路养护资金\n", "2023-10-18"),
        # with its 年/月/日 printed, as before
        ("财政支出项目绩效评价报告\n项目名称: 农村公路养护\n上报时间:2023年9月16日\n", "2023-09-16"),
    ],
)
def test_glued_date_invented(text: str, date: str) -> None:
    doc, r = record_of_text(text)
    assert r.report_date == date
    assert evidence(doc, r, "report_date")


@pytest.mark.parametrize(
    "text",
    [
        # two splits are real dates (1月11日, 11月1日): none read
        "桃源县交通运输局2023年决算公开报告\n公开日期:2024111\n目录\n",
        # a period, not a day of issue
        "财政支出项目绩效评价报告\n项目名称: 农村公路养护\n评价时间: 2023913日至 2023915\n",
        # a byline's date
        "桃源县交通运输局2023年决算公开报告\n公开日期:2024926  来源:桃源县财政局  浏览次数:12\n",
        # digits in running text, no label
        "桃源县交通运输局2023年决算公开报告\n本年支出2024926元。\n",
        # no month 13
        "桃源县交通运输局2023年决算公开报告\n公开日期:20241326\n目录\n",
    ],
)
def test_glued_date_near_misses(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.report_date is None
