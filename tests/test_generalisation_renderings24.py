"""Renderings of one report agree (issue 8, session 29): the text reader's paragraphs where a text
puts a blank line under most of its lines, and a number line a page break set at the head of a PDF
page, on real development-set excerpts (dev half) and their .docx / PDF renderings
(``bench/render_agreement.py``'s writers)."""

from __future__ import annotations


import pytest

from jixiao.extractor import parse
from jixiao.extractor.record import build_record

from rendered_excerpts import TEXTS, record_of, rendered_file


def _figures(rec: dict) -> set[tuple[str, float]]:
    return {(f["name"], f["value"]) for f in rec["figures"]}


# hainan-hainan: a form written one cell a paragraph with a blank line under each (计划投资额 / (万元)18821.06)
HAINAN = "hainan-hainan-undated-forest-ecological-compensation-fund-report-cover"


def test_a_label_after_a_blank_line_starts_its_own_paragraph():
    doc = parse(str(TEXTS / f"{HAINAN}.txt"))
    texts = [b.text for b in doc.blocks]
    assert "计划投资额" in texts  # not run onto the row of fields above it (…一次性项目()计划投资额)
    assert ("计划投资额", 188210600) in _figures(build_record(doc).to_dict())


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_label_after_a_blank_line_reads_as_its_renderings_read_it(tmp_path, kind):
    text_rec = record_of(TEXTS / f"{HAINAN}.txt")
    render_rec = record_of(rendered_file(tmp_path, HAINAN, kind))
    assert ("计划投资额", 188210600) in _figures(text_rec) & _figures(render_rec)


# web pages whose paragraphs a blank line sets apart: the headline has no clause punctuation and
# is a paragraph of its own, not the first words of the body's first sentence
HEADLINES = {
    "gansu-qinan-undated-agri-insurance-counsellors-office-evaluation-news": (
        "省政府参事室在秦安开展政策性农业保险财政资金绩效评价工作"
    ),
    "guangdong-zhongshan-2017-party-school-project-evaluation-results-note": (
        "中共中山市委党校关于2017年度项目绩效评价结果的说明"
    ),
}


@pytest.mark.parametrize("stem", sorted(HEADLINES))
def test_a_headline_over_a_blank_line_is_a_paragraph_of_its_own(tmp_path, stem):
    text_rec = record_of(TEXTS / f"{stem}.txt")
    assert (text_rec["title"] or "").replace(" ", "") == HEADLINES[stem]
    assert record_of(rendered_file(tmp_path, stem, "docx"))["title"] == text_rec["title"]


def test_a_bracket_line_after_a_blank_line_goes_on_the_name_above_it():
    # gansu-maiji: 项目名称:麦积区社棠镇不稳定斜坡治理工程 ⏎⏎ (二期)治理工程 — one cover field wrapped
    rec = record_of(TEXTS / "gansu-maiji-undated-unstable-slope-treatment-cover.txt")
    assert rec["program"] == "社棠镇不稳定斜坡治理工程(二期)治理工程"


def test_a_sentence_cut_at_a_page_goes_on_over_the_blank_line():
    # hunan-linli: a PDF's text, one page a line with a blank line between: …确保全县烟叶种植面 ⏎⏎ 2 积、…
    doc = parse(str(TEXTS / "hunan-linli-2018-tobacco-development-third-party-pdf-text.txt"))
    assert any("确保全县烟叶种植面" in b.text and "收购任务" in b.text for b in doc.blocks)


# anhui-chuzhou: a 自评表 one cell a line; a page break of its PDF falls inside 年度资金总额's three 99s
CHUZHOU = "anhui-chuzhou-2022-hrss-bureau-project-self-tables"


def test_a_number_at_the_head_of_a_page_numbered_at_its_foot_is_text(tmp_path):
    pdf = rendered_file(tmp_path, CHUZHOU, "pdf")
    doc = parse(str(pdf))
    values = [b.text for b in doc.blocks]
    at = values.index("年度资金总额:")
    assert values[at + 1 : at + 4] == ["99", "99", "99"]
    assert _figures(record_of(pdf)) == _figures(record_of(TEXTS / f"{CHUZHOU}.txt"))


def _page(number: int, lines: list[tuple[str, float]]):
    from jixiao.extractor.page import Line, PageContent

    return PageContent(number, 595, 842, [Line(t, 70, top, 120, top + 10) for t, top in lines])


def test_a_page_prints_its_number_once_in_the_band_the_document_uses():
    from jixiao.extractor.furniture import find_furniture

    body = [(f"正文第{k}行", 100 + 20 * k) for k in range(20)]
    foot = [_page(1, [*body, ("1", 806)]), _page(2, [("99", 70), *body, ("2", 806)]), _page(3, [*body, ("3", 806)])]
    found = [{p.lines[i].text for i in f} for p, f in zip(foot, find_furniture(foot))]
    assert found == [{"1"}, {"2"}, {"3"}]  # the 99 heading page 2 is a cell's value, not its number
    head = [_page(k, [(str(k), 60), *body]) for k in (1, 2, 3)]
    assert [{p.lines[i].text for i in f} for p, f in zip(head, find_furniture(head))] == [{"1"}, {"2"}, {"3"}]
