"""Final-accounts disclosures, the years and the kinds in shapes the dev half showed little of (issue 8, dates31).

- A unit's final-accounts disclosure heading — its name and year over 决算 / 决算公开 / 决算公开报告, on one line
  or wrapped (2023年度包头市交通运输局(部门) / 决算公开) — is the page's title, and its year the year of the
  accounts; the disclosure is of the unit's whole accounts (``report_kind`` department). It ranks below any
  other title the page prints: an evaluation's own title annexed to the disclosure is the record's.
- A disclosure's own 公开时间 / 公开日期 line is its date (``patterns/forms.yaml`` report_date); the label is
  generic, so a page's metadata cell with an ISO timestamp, or on a byline, stays the page's (ruling 16).
- A year note under a title may sit in square or lenticular brackets (【2023年度】, 〔2023年度〕); a document
  number's 〔2024〕 holds no 年 and names no year.
- A signing date may be followed by the seal's note (2024年3月8日（印章）).

Each is asserted on the development-set items it comes from and on invented text, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, evidence, record_of_text


@pytest.mark.parametrize(
    "stem",
    [
        "hubei-suizhou-zengdu-2019-police-branch-final-accounts",  # …分局2019年决算公开报告
        "neimenggu-baotou-2023-transport-bureau-department-final-accounts",  # …(部门) / 决算公开
        "sichuan-suining-middle-school-2022-unit-final-accounts",  # …2022年度四川省遂宁中学校单位决算 -…网站
    ],
)
def test_final_accounts_heading_is_the_title(stem: str) -> None:
    it, rec = dev_record(stem)
    for field in ("title", "years", "report_kind"):
        assert rec[field] == it.expected[field], field


@pytest.mark.parametrize(
    ("text", "title", "years"),
    [
        ("桃源县交通运输局2023年决算公开报告\n目录\n一、部门基本情况\n", "桃源县交通运输局2023年决算公开报告", [2023]),
        (
            "2023年度桃源县交通运输局(部门)\n决算公开\n目  录\n第一部分 部门概况\n",
            "2023年度桃源县交通运输局(部门)决算公开",
            [2023],
        ),
        ("桃源县交通运输局2023年度部门决算\n目录\n第一部分 部门概况\n", "桃源县交通运输局2023年度部门决算", [2023]),
    ],
)
def test_final_accounts_heading_invented(text: str, title: str, years: list[int]) -> None:
    doc, r = record_of_text(text)
    assert r.title == title
    assert r.years == years
    assert r.report_kind == "department"
    assert evidence(doc, r, "report_kind")


def test_an_evaluation_title_under_the_disclosure_wins() -> None:
    text = (
        "桃源县自然资源局2023年度部门决算\n目录\n一、部门概况\n"
        "2023年度桃源县不动产登记经费项目支出绩效自评表\n项目名称 不动产登记经费\n主管部门 桃源县自然资源局\n"
    )
    _doc, r = record_of_text(text)
    assert r.title == "2023年度桃源县不动产登记经费项目支出绩效自评表"
    assert r.report_kind == "project"


@pytest.mark.parametrize(
    "text",
    [
        # no year, or a contents line: no disclosure's heading
        "部门决算\n一、收入支出决算总体情况\n",
        "一、基本情况\n第二部分 2023年度部门决算情况说明\n",
        # the evaluation of projects inside a unit's accounts stays a project's
        "六安市某局2023年度部门决算中项目绩效评价报告\n一、项目基本情况\n",
    ],
)
def test_no_final_accounts_heading(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.report_kind != "department"


@pytest.mark.parametrize(
    "stem",
    [
        "neimenggu-baotou-2023-transport-bureau-department-final-accounts",  # 公开时间:2024年09月26日
        "sichuan-suining-middle-school-2022-unit-final-accounts",  # 公开时间:2023年8月25日 (发布时间 the page's)
    ],
)
def test_a_disclosures_own_date(stem: str) -> None:
    it, rec = dev_record(stem)
    assert rec["report_date"] == it.expected["report_date"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023年度桃源县交通运输局(部门)\n决算公开\n公开时间：2024年9月26日\n目  录\n", "2024-09-26"),
        ("桃源县交通运输局2023年决算公开报告\n公开日期：2024 年 9 月 26 日\n目录\n", "2024-09-26"),
        # the page's metadata: an ISO timestamp cell, a byline
        ("成文日期：| 2024-09-20 | 公开日期： | 2024-09-26 10:01:39\n桃源县交通运输局2023年决算公开报告\n", None),
        ("桃源县交通运输局2023年决算公开报告\n公开时间：2024年9月26日  来源：桃源县财政局  浏览次数：12\n", None),
        # a seal's note after the signing date
        (
            "桃源县交通运输局2023年度部门整体支出绩效自评报告\n……\n桃源县交通运输局\n2024年3月8日（印章）\n",
            "2024-03-08",
        ),
    ],
)
def test_disclosure_and_seal_dates(text: str, date: str | None) -> None:
    _doc, r = record_of_text(text)
    assert r.report_date == date


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("桃源县农村公路养护资金绩效评价报告\n【2023年度】\n一、基本情况\n", [2023]),
        ("桃源县农村公路养护资金绩效评价报告\n〔2023年度〕\n一、基本情况\n", [2023]),
        ("桃源县农村公路养护资金绩效评价报告\n【2021-2023年度】\n一、基本情况\n", [2021, 2022, 2023]),
        # a document number's year is none
        ("桃源县农村公路养护资金绩效评价报告\n桃财绩〔2024〕3号\n一、基本情况\n", []),
    ],
)
def test_year_note_in_other_brackets(text: str, years: list[int]) -> None:
    _doc, r = record_of_text(text)
    assert r.years == years


def test_real_unit_final_accounts_page() -> None:
    # http://www.lzszyyy.com/content/3654.html (not in the devset): a hospital's unit final accounts under the
    # site's banner, its 发布时间 the page's, its 公开日期 printed without separators — read as 2024-09-26 since
    # dev35 (a labelled date whose 年/月/日 were lost, one month/day split: tests/test_generalisation_dates35.py;
    # the devset's sichuan-luzhou item, the same page, states it)
    text = (
        "欢迎来到泸州市中医医院\n国家三级甲等中医医院\n"
        "2023年度泸州市中医医院单位决算\n来源:泸州市中医医院    发布时间:2024-09-24 16:08:34\n"
        "/泸州市中医医院2023年度决算报表.xls\n目录\n公开日期:2024926\n第一部分 单位概况\n一、 主要职责\n"
        "第二部分 2023年度单位决算情况说明\n一、收入支出决算总体情况说明\n"
    )
    _doc, r = record_of_text(text)
    assert r.title.endswith("2023年度泸州市中医医院单位决算")  # (the banner's lines above it still join: open)
    assert r.years == [2023]
    assert r.report_kind == "department"
    assert r.report_date == "2024-09-26"
