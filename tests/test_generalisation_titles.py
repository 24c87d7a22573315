"""Where a title starts and ends (issue 8), in the shapes reports and their pages print it: a form's
year line with the form's notes beside it, a news page's byline between the
page's heading and the document's own, an annex label over the document's own heading, a form's first
row under its heading.

The texts are written by hand in the way such documents are published (not copied from the development
set); every value is asserted with the words it came from.
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

T = "澧县2022年度农村公路养护资金绩效评价报告"
FORM_ROWS = "项目名称 农村公路养护资金\n主管部门 澧县交通运输局\n"


@pytest.mark.parametrize(
    "year_line",
    ["（2022年度）        金额单位：万元", "（2022年度）\t填报单位：澧县交通运输局", "（ 2022 年度 ）    单位：万元"],
)
def test_a_forms_year_cell_is_the_titles_last_words_not_the_note_beside_it(year_line: str) -> None:
    doc, r = record_of_text("项目支出绩效自评表\n" + year_line + "\n" + FORM_ROWS)
    assert r.title == "项目支出绩效自评表（2022年度）"
    assert evidence(doc, r, "title").replace(" ", "").replace("\n", "") == "项目支出绩效自评表（2022年度）"


def test_a_heading_that_names_its_year_takes_no_year_cell() -> None:
    doc, r = record_of_text("2022年度项目支出绩效自评表\n（2022年度）    金额单位：万元\n" + FORM_ROWS)
    assert r.title == "2022年度项目支出绩效自评表"


def test_a_year_beside_a_sentence_is_no_year_cell() -> None:
    doc, r = record_of_text("项目支出绩效自评表\n（2022年度）    根据县财政局要求填报。\n" + FORM_ROWS)
    assert r.title == "项目支出绩效自评表"


@pytest.mark.parametrize("byline", ["作者：澧县财政局  点击数：125", "信息来源：澧县财政局 阅读次数：125"])
def test_the_documents_own_heading_under_a_news_pages_byline_is_the_title(byline: str) -> None:
    doc, r = record_of_text("农村公路养护资金绩效评价报告\n" + byline + "\n" + T + "\n一、基本情况\n")
    assert r.title == T
    assert evidence(doc, r, "title") == T


@pytest.mark.parametrize("label", ["附件1\n", "附件\n", "附件1：", "附表2\n"])
def test_the_documents_own_heading_under_an_annex_label_is_the_title(label: str) -> None:
    doc, r = record_of_text("农村公路养护资金绩效评价报告\n" + label + T + "\n一、基本情况\n")
    assert r.title == T
    assert evidence(doc, r, "title") == T


def test_a_notices_title_stays_over_the_report_it_publishes() -> None:
    # near miss of the annex label: the notice's own sentence between makes the notice the document
    notice = "关于公开2022年度农村公路养护资金绩效评价报告的公告"
    doc, r = record_of_text(notice + "\n根据有关规定，现将评价报告予以公开。\n附件：" + T + "\n一、基本情况\n")
    assert r.title == notice


def test_a_forms_first_row_is_no_programme_line_under_its_heading() -> None:
    doc, r = record_of_text("2022年度\n项目支出绩效自评表\n" + FORM_ROWS)
    assert r.title == "2022年度项目支出绩效自评表"
    assert r.program == "农村公路养护资金"
    # near miss: a cover's programme line under a heading that names nothing is its last words
    doc, r = record_of_text("项目支出绩效评价报告\n澧县农村公路养护工程项目\n一、基本情况\n")
    assert r.title == "项目支出绩效评价报告澧县农村公路养护工程项目"
