"""Renderings of one report agree (issue 8, session 37): a text-layer PDF's lines that a word processor
broke before a piece it cannot split — a contents entry's run of leader dots, an opening mark with the
character it opens (no line ends with an opening mark) — are a wrap, not the end of a paragraph, as in the
text, where the same words stand on one line."""

from __future__ import annotations

import functools

import pytest

from jixiao.extractor import parse

from rendered_excerpts import agrees


def _pdf_of(tmp_path, text: str, name: str = "excerpt"):
    pytest.importorskip("fpdf")
    from render_agreement import write_pdf

    path = tmp_path / f"{name}.pdf"
    write_pdf(text, path)
    return path


@functools.lru_cache(maxsize=1)
def _page():
    pytest.importorskip("fpdf")
    import pylopdf_fonts_zh_cn
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.add_font("sans", fname=str(pylopdf_fonts_zh_cn.sans_path()))
    pdf.add_page()
    pdf.set_font("sans", size=10.5)
    return pdf


def _wrapped(text: str) -> list[str]:
    """``text`` as the bench's PDF writer breaks a paragraph into lines (its page, its font)."""
    from render_agreement import wrap

    pdf = _page()
    return wrap(pdf, text, pdf.epw)


# A web copy's table of contents run onto one line (unknown-province-2019, dev half: 1 健全…报告 目 目 录
# 一、基本情况 ……… 2 (一)资金情况 ……… 2 …): each run of leader dots is wider than the room left on the line
# before it, so the line ends short; the dots went down whole.
CONTENTS = [
    "1 农村饮水安全工程项目绩效评价报告 目 录 一、项目基本情况 "
    + "." * 120
    + " 1 (一)项目概况 "
    + "." * 126
    + " 1 (二)资金投入和使用情况 "
    + "." * 118
    + " 3",
    "目录 第一部分 部门概况 "
    + "." * 130
    + " 2 第二部分 部门整体支出绩效自评情况 "
    + "." * 124
    + " 4 第三部分 存在的问题及改进措施 "
    + "." * 96
    + " 9",
]


@pytest.mark.parametrize("contents", CONTENTS)
def test_a_contents_run_onto_one_line_stays_one_paragraph(tmp_path, contents):
    lines = _wrapped(contents)
    assert len(lines) >= 3 and lines[1].lstrip()[:1] in ".…"  # the shape: leader dots open the next line
    text = "健全现代医院管理制度项目绩效自评报告\n\n" + contents + "\n\n一、基本情况\n"
    blocks = [b.text for b in parse(str(_pdf_of(tmp_path, text))).blocks]
    assert len(blocks) == 3, blocks
    assert blocks[1].startswith(contents[:10]) and blocks[1].endswith(contents[-2:].strip())


def test_a_web_copys_contents_line_is_no_title(tmp_path):
    # the page's heading, its 发布时间 | 来源 line (set as a one-row table), then the contents on one line:
    # the line cut at its first run of dots was taken for the document's own title after the page's chrome
    stem = "unknown-province-2019-modern-hospital-management-self-report"
    rendered = agrees(tmp_path, stem, "pdf", "title", "program")
    assert rendered["title"] == "健全现代医院管理制度项目绩效自评报告"


def _opening_mark_at_wrap(tmp_path, sentence: str, pad: str):
    """A PDF of :data:`INTRO` and the end of ``pad`` before ``sentence``, cut so that the bench's breaker sends
    the sentence's opening mark down with the character it opens and the line before ends more than 1.5 ems
    short of where the page's full lines end (the shape of a document site's note)."""
    from jixiao.extractor.readers import pdf as pdf_reader

    for k in range(len(pad), 0, -1):
        text = pad[-k:] + sentence
        lines = _wrapped(text)
        if not any(b.startswith(sentence[:2]) for b in lines[1:]):
            continue
        path = _pdf_of(tmp_path, INTRO + "\n" + text)
        page = next(iter(pdf_reader.read_pages(str(path))))
        right = max(ln.x1 for ln in page.lines)
        for a, b in zip(page.lines, page.lines[1:]):
            if b.text.startswith(sentence[:2]) and a.x1 < right - 1.5 * a.size:  # (short_line)
                return path, text
    raise AssertionError("no padding puts the mark at a wrap")


# a paragraph of full lines before: where the page's lines end
INTRO = (
    "为贯彻落实预算法及其实施条例,全面实施预算绩效管理,提高财政资源配置效率和使用效益,我局按照区财政局的统一部署,"
    "成立了由局主要负责人任组长、分管负责人任副组长、各科室负责人为成员的绩效自评工作领导小组,对照年初设定的绩效目标,"
    "对项目资金的投入、过程、产出和效益进行了全面的梳理和分析,形成本报告。"
)


OPENING = [
    # chongqing-liangping-2023 (dev half): a document site's note over the document
    (
        "《重庆市梁平区林业局2022年度部门整体绩效自评表.docx(2页珍藏版)》请在第一文库网上搜索。",
        "《重庆市梁平区林业局2022年度部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关" * 3,
    ),
    # a report's basis, the notice it quotes opened at the wrap
    (
        "《财政部关于印发〈项目支出绩效评价管理办法〉的通知》(财预〔2020〕10号)要求,我局组织开展了绩效自评。",
        "为加强2021年度财政资金管理,提高资金使用效益,根据" * 5,
    ),
]


@pytest.mark.parametrize("sentence,pad", OPENING)
def test_a_line_short_before_an_opening_mark_and_its_character_is_a_wrap(tmp_path, sentence, pad):
    path, text = _opening_mark_at_wrap(tmp_path, sentence, pad)
    blocks = [b.text for b in parse(str(path)).blocks]
    assert len(blocks) == 2 and blocks[1].endswith(sentence[-12:]) and sentence[:20] in blocks[1], blocks


def test_a_document_sites_note_over_a_run_together_form_keeps_the_title(tmp_path):
    # 《…自评表.docx》由会员分享,…更多相关 ⏎ 《…》请在第一文库网上搜索。 ⏎ 1、重庆市梁平区林业局2023年度…自评表主管部n…:
    # the note broken in two left its second half, a file's name, over the form's run-together first line
    stem = "chongqing-liangping-2023-forestry-bureau-department-table"
    rendered = agrees(tmp_path, stem, "pdf", "title")
    assert rendered["title"] == "重庆市梁平区林业局2023年度部门整体绩效自评表"


# A number a line break split where no firm wrap says the line was cut (a scan's OCR lines filled to the page,
# a converter that broke one long line, a text with a few wrapped lines): the rest of the number on the
# next line is the same number, in the text reader and the layout step alike; two numbers that are cells of
# a row stay two.
SPLIT_NUMBERS = [
    ("2022年,县财政安排项目资金1,234.\n56万元,用于农村道路养护。", "项目资金1,234.56万元"),
    ("项目资金到位率为100%,预算执行率为88.\n06%,较上年提高3个百分点。", "预算执行率为88.06%"),
    ("全年下达补助资金2,\n460.31万元,惠及农户1,026户。", "补助资金2,460.31万元"),
    ("本年度共安排资金2,460.31\n万元,全年执行数为2,460.31万元。", "安排资金2,460.31万元"),
    ("项目全年预算数1290.00万元,执行数为1206.0\n1万元,资金执行率为93.49%。", "执行数为1206.01万元"),
    ("下达直达资金2300万元,其中一类费2156.789\n9万元,二类费143.2101万元,均已支付到位。", "一类费2156.7899万元"),
]


@pytest.mark.parametrize("text,joined", SPLIT_NUMBERS)
def test_a_number_split_by_a_line_break_is_one_number(text, joined):
    from jixiao.extractor.cjk import join_lines
    from jixiao.extractor.readers.text import read_text

    assert joined in read_text("一、基本情况\n\n" + text + "\n").text
    first, rest = text.split("\n")
    assert joined in join_lines(first, rest)  # (the PDF and OCR layout's join)


KEPT_APART = [
    ("执行率 | 99.92 \n0.16 |", "99.920.16"),
    ("综合评分为99.92\n0.16分为扣分", "99.920.16"),
    ("项目综合得分为99.92\n0.16分为扣分项", "99.920.16"),
    ("项目综合得分为18.\n2.质量指标完成情况", "18.2."),
    ("新建蓄水池数量为3,\n125户农户受益", "3,125"),
]


@pytest.mark.parametrize("text,wrong", KEPT_APART)
def test_two_numbers_a_line_break_sets_apart_stay_two(text, wrong):
    from jixiao.extractor.cjk import join_lines
    from jixiao.extractor.readers.text import read_text

    first, rest = text.split("\n")
    assert wrong not in read_text(text + "\n").text
    assert wrong not in join_lines(first.strip(" |"), rest.strip(" |"))
