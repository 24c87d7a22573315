"""Renderings of one report agree (issue 8, session 37): development-set excerpts (dev half) written as a
.docx and as a text-layer PDF (``bench/render_agreement.py``'s writers) read as their text does, where
the readers or the rules read a shape the text does not have — a page counter kept as a paragraph or a
line, the second entry of a letter's list of attachments, a page's metadata line set as a table's row, a
cover's labelled lines above a form set as a real table, a date set over a form's cells, a page of short
lines whose longest line is no full line, a line ended by an ASCII colon, and a line that a word
processor broke before a bracketed Latin word."""

from __future__ import annotations

import pytest

from jixiao.extractor import parse
from jixiao.extractor.furniture import is_footer_line
from jixiao.extractor.record.forms import _date_cells

from rendered_excerpts import agrees, rendered_file


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_page_counters_in_the_body_are_furniture(tmp_path, kind):
    # a document site's copy: 常熟河道长效管理项目.docx_第1页 / 第1页 / 共15页 … fifteen times over the
    # report; the counters kept as paragraphs (lines) pushed the title out of the document's first half
    stem = "jiangsu-changshu-2016-river-long-term-management-self-report-doc-site"
    rendered = agrees(tmp_path, stem, kind, "title", "program")
    assert rendered["title"] == "常熟市2016年度河道长效管理项目绩效评价自评报告"
    lines = parse(str(rendered_file(tmp_path, stem, kind))).text.splitlines()
    assert not any(is_footer_line(line) for line in lines)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_second_entry_of_a_letters_list_of_attachments_is_no_title(tmp_path, kind):
    # 附件:1.2022年…安排表 / 2.2022年…绩效目标表 / 安溪县水利局: each entry a paragraph of its own
    stem = "fujian-anxi-2022-provincial-water-fund-seventh-batch-allocation-target-table"
    rendered = agrees(tmp_path, stem, kind, "title")
    assert not (rendered["title"] or "").startswith(
        "2."
    )  # (null since meta38: the annex heading after a signed letter is no title)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_pages_metadata_line_set_as_a_tables_row_is_still_chrome(tmp_path, kind):
    # 海口市档案局…报告 (the page's heading) / 2017-10-10 15:24:00 来源: 市档案局 | 阅读次数: … (a table's row) /
    # 财政支出项目绩效评价报告 (the cover's own title)
    stem = "hainan-haikou-2016-archives-collection-compilation-evaluation-cover"
    assert agrees(tmp_path, stem, kind, "title")["title"] == "财政支出项目绩效评价报告"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_covers_labelled_line_above_a_form_set_as_a_table_is_no_signature(tmp_path, kind):
    # 评价机构:贵州中略管理咨询有限公司 on the cover, then the whole form as a real table: the cover's line
    # is no last line of the document (as it is none over the same rows written as text), so the firm's
    # province is no place of the report's
    stem = "guizhou-huangguoshu-2023-village-cadre-pay-third-party-summary"
    rendered = agrees(tmp_path, stem, kind, "jurisdiction", "evaluator")
    assert rendered["jurisdiction"]["name"] == "黄果树镇"


def test_date_cells():
    assert _date_cells(["報告日期:", "2022 年", "7 月", "8 日"], 1) == 3
    assert _date_cells(["报告日期", "2022年7月", "8日", "盖章"], 1) == 2
    assert _date_cells(["填报日期", "2022年7月8日", "8日"], 1) == 1  # a whole date already
    assert _date_cells(["评价年度", "2022年", "得分", "90"], 1) == 1


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_date_set_over_a_forms_cells_is_one_date(tmp_path, kind):
    # 報(bào)告日期: | 2022 年 | 7 月 | 8 日 (a row of cells set apart by runs of spaces in the text)
    stem = "hunan-yueyangxian-2021-forest-fire-prevention-self-cover-trad"
    assert agrees(tmp_path, stem, kind, "report_date")["report_date"] == "2022-07-08"


def test_a_page_of_short_lines_has_no_full_line(tmp_path):
    # a web page's metadata lines, a title and a form written one cell a line: the longest line
    # (索引号: … 发布机构: 零陵区林业局) ran on into the next, and the page's publication line into the title
    stem = "hunan-lingling-2021-forestry-bureau-department-table"
    path = rendered_file(tmp_path, stem, "pdf")
    lines = parse(str(path)).text.splitlines()
    assert "部门整体支出绩效自评表" in lines
    agrees(tmp_path, stem, "pdf", "title")


def test_a_line_ended_by_an_ascii_colon_ends_its_paragraph(tmp_path):
    # 发表时间:…字体:[ ] 保护视力色: ran to the margin; 项目名称 2023年… on the next line is the form's first row
    stem = "anhui-xiaoxian-2023-yanglou-specialty-farming-subsidy-self-table"
    assert agrees(tmp_path, stem, "pdf", "program")["program"] == "杨楼社区特色种养殖补贴到户"


def test_a_line_short_before_a_bracketed_glossed_word_is_a_wrap(tmp_path):
    # …精品創 ⏎ (chuàng)作經(jīng)費): the breaker takes the opening bracket down with the pinyin gloss it opens
    stem = "yunnan-baoshan-2021-propaganda-dept-culture-fund-self-result-glossed-mirror"
    path = rendered_file(tmp_path, stem, "pdf")
    assert "創(chuàng)作經(jīng)費)" in parse(str(path)).text
    agrees(tmp_path, stem, "pdf", "title", "program")


def test_a_line_short_before_a_number_and_the_space_before_it_is_a_wrap(tmp_path):
    # …发放宣传资料 ⏎ 1000 余份。: the number did not fit with the space before it
    stem = "jiangxi-quannan-2021-geohazard-monitoring-funds-report"
    path = rendered_file(tmp_path, stem, "pdf")
    assert "发放宣传资料\n" not in parse(str(path)).text
    agrees(tmp_path, stem, "pdf", "figures")


def test_a_number_over_the_page_number_in_its_band_is_text(tmp_path):
    # a form written one cell a line: its 7 (the weight) was the last line of a page, right over the page's
    # number 2, and was dropped with it — a page prints its number once, as the outermost line
    stem = "hunan-lingling-2021-forestry-bureau-department-table"
    agrees(tmp_path, stem, "pdf", "figures")


def test_a_row_that_fills_the_columns_the_last_row_fills_is_no_split_row(tmp_path):
    # a funds table of three filled columns out of eleven (名称 | 24 | 24 | ||||||||) broken by a page: the
    # next page's first row is a row of its own, not the rest of the row above it
    stem = "zhejiang-chunan-2020-public-culture-fund"
    path = rendered_file(tmp_path, stem, "pdf")
    rows = [r for b in parse(str(path)).blocks if b.kind == "table" for r in b.rows]
    assert any(r[0] == "编外用工人员经费" for r in rows)
    agrees(tmp_path, stem, "pdf", "figures")


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_headline_over_a_disclosure_pages_metadata_block(tmp_path, kind):
    # 转移支付区域(项目)绩效目标自评表 (2021) / 索引号 : … / 主题分类: … / 名 称: … 发布日期: …: the
    # headline over the block's 索引号 line (the text reader ran the next two fields together)
    stem = "hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table"
    assert agrees(tmp_path, stem, kind, "title")["title"] == "转移支付区域(项目)绩效目标自评表(2021)"
