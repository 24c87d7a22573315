"""Generalisation of the evaluated years (issue 8, session 27, meta22): a 自评表's year line printed without its
brackets, and a form's 填报年度 / 自评年度 cell. Invented sentences in the genre's shapes (bench/genre_variants.py
holds more), not text copied from the development set."""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text

FORM = "项目名称 农村公路养护资金\n主管部门 临澧县交通运输局\n"


@pytest.mark.parametrize(
    "line, years",
    [("2023年度", [2023]), ("  2023 年度  ", [2023]), ("2021-2023年度", [2021, 2022, 2023])],
)
def test_a_year_line_without_brackets_under_a_forms_title_is_the_forms_year(line: str, years: list[int]) -> None:
    _doc, r = record_of_text("项目支出绩效自评表\n" + line + "\n" + FORM)
    assert r.years == years


def test_a_line_holding_a_date_is_no_year_line() -> None:
    # near miss: a line with 年 but no 年度 under the title is a date (the cover's), not the year evaluated
    _doc, r = record_of_text("项目支出绩效自评表\n2023年5月\n" + FORM)
    assert r.years == []
    assert r.report_date == "2023-05"


@pytest.mark.parametrize("label", ["填报年度", "自评年度", "评价年度"])
def test_a_forms_filing_or_evaluation_year_cell_names_the_year(label: str) -> None:
    _doc, r = record_of_text(f"项目支出绩效自评表\n{label}：2023年\n" + FORM)
    assert r.years == [2023]
