"""Renderings of one report agree (issue 8, session 30): what the .docx and text-layer PDF renderings of
real development-set excerpts (dev half; ``bench/render_agreement.py``'s writers) read differently
from their text, fixed where the reading differs — a form's cell holding its value and the next cell's
label, a page's metadata set in one-cell table rows, a title cut inside its own brackets, a budget
year line under a title, a form's row of fields in the text reader, and lines that a word processor
broke before a character and its closing mark or before a file extension."""

from __future__ import annotations


import pytest

from jixiao.extractor import parse

from rendered_excerpts import TEXTS, record_of, rendered_file

from devset_compare import _key, got  # noqa: E402  (the devset's own scoring of a field)


def _field(record: dict, field: str):
    value = got(record, field)
    return _key(value) if isinstance(value, str) else value


ZHONGXIAN = "chongqing-zhongxian-2021-tujing-town-resettlement-aid-prog-self-table"


def test_a_cell_ending_with_the_next_cells_label_is_read_as_two_cells():
    from jixiao.extractor.record.forms import run_in_label

    # 县级主管部门 | 忠县水利局实施单位 | 忠县涂井乡人民政府: the label 实施单位 ran into its left cell
    assert run_in_label("忠县水利局实施单位") == 5
    # …帮扶项目负责人及电话: another label of the form (glued_stops) ends the value
    assert run_in_label("忠县涂井乡龙滩村农村移民安置区精准帮扶项目负责人及电话") is not None
    # a cell with a colon is a label and its value of its own; a unit's name alone holds no label
    assert run_in_label("实施单位:忠县涂井乡人民政府") is None
    assert run_in_label("忠县涂井乡人民政府") is None


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_form_cells_with_a_run_in_label_read_as_the_text_does(tmp_path, kind):
    text = record_of(TEXTS / f"{ZHONGXIAN}.txt")
    rendered = record_of(rendered_file(tmp_path, ZHONGXIAN, kind))
    for field in ("evaluated_unit", "evaluator", "program"):
        assert _field(rendered, field) == _field(text, field), field
    assert _field(rendered, "evaluated_unit") == "忠县涂井乡人民政府"


def test_a_budget_year_line_under_a_title_paragraph_is_the_titles(tmp_path):
    stem = "guangdong-heshan-2020-family-planning-special-support-ex-ante-expert-review"
    title = "财政预算项目事前绩效评审专家组综合评价报告表(2020预算年度)"
    assert _field(record_of(rendered_file(tmp_path, stem, "docx")), "title") == _key(title)
    assert _field(record_of(TEXTS / f"{stem}.txt"), "title") == _key(title)


def test_a_title_named_in_a_metadata_table_and_cut_inside_its_brackets(tmp_path):
    # 名称: X in a one-cell table row; the inline reader's )项目绩效自评报告 (cut at <三期>) is no title
    stem = "hainan-dongfang-2023-police-social-management-platform-self-report-bid-site"
    rendered = record_of(rendered_file(tmp_path, stem, "docx"))
    assert not rendered["title"].startswith(")")
    assert _field(rendered, "title") == _field(record_of(TEXTS / f"{stem}.txt"), "title")
    assert "<三期>" in rendered["title"]


def test_a_line_short_by_a_character_and_its_closing_mark_is_a_wrap(tmp_path):
    # …资金使用率70.29%。河东 ⏎ 区、平邑县…: the word processor took 区 down with the 、 after it
    stem = "shandong-linyi-2018-air-quality-eco-compensation"
    path = rendered_file(tmp_path, stem, "pdf")
    doc = parse(str(path))
    assert "河东区、平邑县" in doc.text
    assert _field(record_of(path), "jurisdiction") == _field(record_of(TEXTS / f"{stem}.txt"), "jurisdiction")


def test_a_line_short_before_a_file_extension_is_a_wrap(tmp_path):
    stem = "shaanxi-masked-2017-2019-industrial-zone-sewage-stations-template"
    path = rendered_file(tmp_path, stem, "pdf")
    assert "\n.docx" not in parse(str(path)).text
    text = record_of(TEXTS / f"{stem}.txt")
    assert _field(record_of(path), "report_date") == _field(text, "report_date")


def test_a_forms_row_of_fields_ends_its_line_in_the_text_reader(tmp_path):
    # 單位名稱:…協會         填報日期:2023年 5 月 17日 ⏎ 項目名稱 科學普及經費: two rows of a form
    stem = "hubei-ezhou-2022-science-popularisation-fund-self-table-trad"
    text = record_of(TEXTS / f"{stem}.txt")
    assert _field(text, "program") == _key("科学普及经费")
    assert _field(record_of(rendered_file(tmp_path, stem, "docx")), "program") == _field(text, "program")


def test_a_wrap_inside_brackets_or_before_a_percent_sign_joins_without_a_space():
    from jixiao.extractor.cjk import join_lines

    # 支出实现率( ⏎ %)⑤=④/③: a table header wrapped inside its unit's brackets (fujian-ningde)
    assert join_lines("年度拨付金额 支出实现率(", "%)⑤=④/③") == "年度拨付金额 支出实现率(%)⑤=④/③"
    assert join_lines("完成率95", "%") == "完成率95%"
    assert join_lines("PM2.5 (fine", "particles)") == "PM2.5 (fine particles)"  # words still take their space


def test_a_header_wrapped_inside_its_unit_bracket_names_the_figures_as_the_text_does(tmp_path):
    stem = "fujian-ningde-2020-earthquake-bureau-department-self-table"
    path = rendered_file(tmp_path, stem, "pdf")
    names = {f["name"] for f in record_of(path)["figures"]}
    assert not any(n.endswith("(") for n in names)
    text = {f["name"] for f in record_of(TEXTS / f"{stem}.txt")["figures"]}
    assert {n for n in names if "实现率" in n} == {n for n in text if "实现率" in n}
