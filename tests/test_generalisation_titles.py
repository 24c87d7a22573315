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


def test_a_heading_after_the_notices_own_sentences_is_its_attachments_not_the_title() -> None:
    # (session 27, title22) the page's headline, its chrome, the notice's sentence, then the report it
    # attaches: the notice has begun under the headline, the heading further down is no page's heading
    headline = "石门县2022年度重点项目绩效评价情况"
    doc, r = record_of_text(
        headline + "\n发布时间：2023-06-01 来源：县财政局 浏览次数：88\n为提高财政资金使用效益，县财政局对3个项目"
        "开展了重点绩效评价，现将评价情况公开如下。\n附件：\n" + T + "\n一、基本情况\n"
    )
    assert r.title == headline
    assert evidence(doc, r, "title") == headline


@pytest.mark.parametrize(
    "after",
    [
        "根据《澧县预算绩效管理办法》要求，县财政局对农村公路养护资金开展了绩效评价。",
        "为进一步提高财政资金使用效益，县财政局组织开展了绩效评价。",
        "我局按照县财政局要求开展了绩效评价。",
    ],
)
def test_a_title_opening_a_run_together_line_ends_where_the_first_sentence_begins(after: str) -> None:
    doc, r = record_of_text(T + after + "一、基本情况\n")
    assert r.title == T
    assert evidence(doc, r, "title") == T


@pytest.mark.parametrize("note", ["填报日期：2023年3月1日", "项目单位：澧县交通运输局", "金额单位：万元"])
def test_a_forms_heading_glued_to_its_first_note_ends_before_it(note: str) -> None:
    form = "澧县交通运输局2022年度农村公路养护资金绩效自评表"
    doc, r = record_of_text(form + note + " 项目名称 农村公路养护资金\n")
    assert r.title == form


@pytest.mark.parametrize(
    "text",
    [
        "一、基本情况\n本次绩效评价报告根据县财政局要求编制。\n",  # names nothing of its own
        "一、基本情况\n县财政局发布了2022年度农村公路养护资金绩效评价报告根据其要求整改。\n",
        "一、基本情况\n项目资金500万元，2022年度农村公路养护资金绩效评价报告根据要求报送。\n",  # not a line's start
    ],
)
def test_a_sentence_glued_to_report_words_is_no_title(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.title is None


@pytest.mark.parametrize("before", ["1 ", "12  ", "— 1 —  ", "- 2 - ", "第1页 ", "第 1 页 共 12 页 "])
def test_a_page_number_before_the_title_on_its_line_is_no_word_of_it(before: str) -> None:
    doc, r = record_of_text(before + T + "\n一、基本情况\n2022年县财政安排资金500万元。\n")
    assert r.title == T
    assert evidence(doc, r, "title") == T


@pytest.mark.parametrize("count", ["10个", "10 个", "10個"])
def test_a_count_opening_the_titles_own_words_stays(count: str) -> None:
    _doc, r = record_of_text(count + "乡镇农村公路养护资金绩效评价报告\n一、基本情况\n")
    assert (r.title or "").replace(" ", "") == count.replace(" ", "") + "乡镇农村公路养护资金绩效评价报告"


@pytest.mark.parametrize("label", ["附件：", "附件: ", "主题：", "信息标题：", "通知公告："])
def test_an_unnumbered_annex_label_or_a_pages_label_before_the_title_is_no_word_of_it(label: str) -> None:
    _doc, r = record_of_text(label + T + "\n一、基本情况\n")
    assert r.title == T


def test_a_pages_link_to_the_file_it_attaches_names_another_document() -> None:
    text = (
        "县交通运输局：\n根据《湖南省财政厅关于下达2022年农村公路养护资金的通知》，现将资金下达给你们。\n"
        "附件:湖南省财政厅关于下达2022年农村公路养护资金的通知.pdf\n澧县财政局\n2022年3月1日\n"
    )
    _doc, r = record_of_text(text)
    assert r.title is None
