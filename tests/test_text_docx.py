"""DOCX, TXT/MD and HTML readers on the real reports and on generated edge cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import YUNNAN_TABLE2, REPORTS, parsed, rendering
from jixiao.extractor import parse
from jixiao.extractor.errors import ReadError
from jixiao.extractor.normalize import squash
from jixiao.extractor.readers import text as text_reader
from jixiao.extractor.tables import (
    SpanCell,
    fill_blank_merged,
    is_value_cell,
    merged_repeats,
    grid_from_spans,
    join_continued,
    repeated_header_rows,
)

YUNNAN = "yunnan-2021-resident-pension"
CHENGGONG = "chenggong-2023-department"
DONGCHUAN = "dongchuan-2019-poverty-pension"

TABLE2 = YUNNAN_TABLE2


def _numbered(doc) -> list[tuple[str, str]]:
    return [(squash(b.numbering), squash(b.text)) for b in doc.headings if b.numbering]


# --------------------------------------------------------------------------- docx


def test_docx_pages_from_app_xml_and_block_pages_none():
    doc = parsed(rendering(YUNNAN, ".docx"))
    assert doc.format == "docx" and doc.pages == 40
    assert all(b.page is None for b in doc.blocks)
    assert parsed(rendering(CHENGGONG, ".docx")).pages == 7


def test_docx_tables_in_document_order_between_their_captions():
    doc = parsed(rendering(YUNNAN, ".docx"))
    assert len(doc.tables) == 5
    for n, table in enumerate(doc.tables, start=1):
        i = doc.blocks.index(table)
        before = [b.text for b in doc.blocks[max(0, i - 3) : i]]
        assert any(re.match(rf"表\s*{n}\s*[：:]", t) for t in before), (n, before)
    assert doc.tables[1].rows == TABLE2


def test_docx_merged_header_cells_resolved_and_repeated_header_once():
    t3 = parsed(rendering(YUNNAN, ".docx")).tables[2]
    assert t3.rows[0][:3] == ["绩效指标"] * 3  # gridSpan=3
    assert t3.rows[0][3] == t3.rows[1][3] == "指标值"  # vMerge over the two header rows
    assert t3.rows[1][:3] == ["一级指标", "二级指标", "三级指标"]
    # w:tblHeader rows repeat on every printed page but are in the table once.
    assert sum(1 for r in t3.rows if r[0] == "绩效指标") == 1
    assert len(t3.rows) == 2 + 9  # two header rows, nine indicators
    assert all(len(r) == 6 for r in t3.rows)


def test_docx_style_headings_and_bold_headings():
    yunnan = parsed(rendering(YUNNAN, ".docx"))
    h = {b.text: b for b in yunnan.headings}
    assert h["（一）项目概况"].level == 2 and h["（一）项目概况"].numbering == "（一）"
    # chenggong sets its headings in bold, not in heading styles.
    cg = parsed(rendering(CHENGGONG, ".docx"))
    titles = [b.text for b in cg.headings]
    assert "一、基本情况" in titles and "五、有关建议" in titles
    # dongchuan's bold subheading that lost its number is still a (unnumbered) heading.
    dc = parsed(rendering(DONGCHUAN, ".docx"))
    assert any(b.text.startswith("组织及管理情况") and b.numbering is None for b in dc.headings)


def test_docx_toc_lines_are_paragraphs_not_headings():
    doc = parsed(rendering(YUNNAN, ".docx"))
    toc = [b for b in doc.blocks if text_reader.is_toc_line(b.text)]
    assert len(toc) >= 40
    assert all(b.kind == "paragraph" for b in toc)
    assert not any(re.search(r"\t(\d+|[ivx]+)$", b.text) for b in doc.headings)


def test_docx_run_in_heading_split_without_losing_text():
    doc = parsed(rendering(YUNNAN, ".docx"))
    i = next(i for i, b in enumerate(doc.blocks) if b.kind == "heading" and b.text == "（1）科学公正原则。")
    assert doc.blocks[i + 1].kind == "paragraph"
    assert doc.blocks[i + 1].text.startswith("运用科学合理的方法")


# --------------------------------------------------------------------------- txt


@pytest.mark.parametrize("report", REPORTS)
def test_txt_reads_same_headings_and_tables_as_docx(report):
    txt, docx = parsed(rendering(report, ".txt")), parsed(rendering(report, ".docx"))
    assert txt.pages is None and all(b.page is None for b in txt.blocks)
    assert _numbered(txt) == _numbered(docx)
    assert [[[squash(c) for c in r] for r in t.rows] for t in txt.tables] == [
        [[squash(c) for c in r] for r in t.rows] for t in docx.tables
    ]


def test_txt_converter_artefacts_cleaned():
    doc = parsed(rendering(YUNNAN, ".txt"))
    assert "$" not in doc.text and "\\geq" not in doc.text and "\\leq" not in doc.text
    assert "基金收益率≥1.5%" in squash(doc.text)
    assert "良（80≤得分<90分）" in squash(doc.text)
    assert " and " not in doc.text and "财政部门和专员办" in doc.text
    assert "53262119*****" in doc.text  # masked ID digits are content, not markdown
    cg = parsed(rendering(CHENGGONG, ".txt"))
    assert "[bookmark" not in cg.text
    assert any(b.text == "五、有关建议" for b in cg.headings)


def test_txt_hard_wraps_rejoined():
    doc = parsed(rendering(YUNNAN, ".txt"))
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert any("经办管理、信息系统等方面" in p for p in paragraphs)
    assert any("绩效评价得分30.64分" in squash(p) for p in paragraphs)
    # ... but a title is not glued to the paragraph after it, nor a date to a signature.
    assert not any(p.startswith("云南省 2021 年城乡居民基本养老保险") and "根据《" in p for p in paragraphs)
    cg = [b.text for b in parsed(rendering(CHENGGONG, ".txt")).blocks]
    assert "2024年2月21日" in cg and "昆明市呈贡区城乡居民社会养老保险局" in cg


def test_txt_table_split_by_page_break_is_one_table():
    doc = parsed(rendering(YUNNAN, ".txt"))
    t3 = doc.tables[2]
    assert len(doc.tables) == 5
    assert sum(1 for r in t3.rows if r[1] == "二级指标") == 1
    assert [r[2] for r in t3.rows[2:]] == [
        "参保目标任务完成率",
        "补助对象精准性",
        "养老待遇足额发放",
        "待遇发放及时性",
        "保障水平",
        "政策知晓率",
        "收支平衡",
        "保值增值",
        "参保居民满意度",
    ]
    assert doc.tables[1].rows == TABLE2


def test_txt_toc_is_not_headings_and_summary_headings_kept():
    doc = parsed(rendering(YUNNAN, ".txt"))
    firsts = [b.text for b in doc.headings if b.numbering == "一、"]
    # summary (摘要) and body both start with 一、基本情况; the TOC line does not count.
    assert firsts == ["一、基本情况", "一、基本情况"]
    assert not any(re.search(r"\.{3,}", b.text) for b in doc.headings)


@pytest.mark.parametrize("report", REPORTS)
def test_txt_reading_drops_no_cjk_character_of_docx_body(report):
    def cjk(s: str) -> str:
        return "".join(re.findall(r"[\u4e00-\u9fff]", s))

    assert cjk(parsed(rendering(report, ".txt")).text) == cjk(parsed(rendering(report, ".docx")).text)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_txt_encodings_detected(tmp_path, encoding):
    source = rendering(DONGCHUAN, ".txt").read_text(encoding="utf-8")
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(source.encode(encoding))
    doc = parse(path)
    reference = parsed(rendering(DONGCHUAN, ".txt"))
    assert doc.text == reference.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gbk", "utf-32"])
def test_decode_bytes_without_bom(encoding):
    source = rendering(CHENGGONG, ".txt").read_text(encoding="utf-8")
    text, detected = text_reader.decode_bytes(source.encode(encoding), "x.txt")
    assert text.lstrip("\ufeff") == source


def test_txt_footers_markdown_and_page_breaks(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# 一、基本情况\n\n**项目概况**\n\n本项目资金到位率为 $\\geq 95\\%$ ，评价工作\n\n— 7 —\n\n"
        "按计划完成。\n\n第 3 页 共 7 页\n\n- 4 -\n\n## 二、存在的问题\n\n"
        "| 指标 | 得分 |\n|---|---|\n| 决策 | 10 |\n| 合计 | 100 |\n",
        encoding="utf-8",
    )
    doc = parse(path)
    assert doc.format == "md"
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "一、基本情况")
    assert kinds[1] == ("heading", "项目概况")  # whole-line bold is heading evidence
    assert ("paragraph", "本项目资金到位率为≥95%，评价工作按计划完成。") in kinds
    assert not any("页" in t or "7 —" in t or t == "- 4 -" for _, t in kinds)
    assert doc.tables[0].rows == [["指标", "得分"], ["决策", "10"], ["合计", "100"]]


def test_txt_form_feeds_give_pages(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text("一、基本情况\n\n第一页的内容。\n\f二、评价结论\n\n第二页的内容。\n", encoding="utf-8")
    doc = parse(path)
    assert doc.pages == 2
    assert [(b.text, b.page) for b in doc.headings] == [("一、基本情况", 1), ("二、评价结论", 2)]


def test_txt_binary_garbage_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 50)
    with pytest.raises(ReadError) as err:
        parse(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


# --------------------------------------------------------------------------- provenance


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_provenance_offsets_exact(report, suffix):
    doc = parsed(rendering(report, suffix))
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


# --------------------------------------------------------------------------- table helpers


def test_grid_from_spans_resolves_colspan_and_rowspan():
    rows = [
        [SpanCell("绩效指标", colspan=3), SpanCell("指标值", rowspan=2)],
        [SpanCell("一级"), SpanCell("二级"), SpanCell("三级")],
        [SpanCell("产出"), SpanCell("数量"), SpanCell("完成率"), SpanCell("100%")],
    ]
    assert grid_from_spans(rows) == [
        ["绩效指标", "绩效指标", "绩效指标", "指标值"],
        ["一级", "二级", "三级", "指标值"],
        ["产出", "数量", "完成率", "100%"],
    ]


def test_fill_blank_merged_and_join_continued():
    first = [["绩效指标", "", "指标值"], ["一级", "二级", ""], ["产出", "数量", "100%"]]
    cont = [["绩效指标", "", "指标值"], ["一级", "二级", ""], ["效益", "社会", "90%"]]
    assert repeated_header_rows(first, cont) == 2
    joined = join_continued(first, cont)
    assert fill_blank_merged(joined) == [
        ["绩效指标", "绩效指标", "指标值"],
        ["一级", "二级", "指标值"],
        ["产出", "数量", "100%"],
        ["效益", "社会", "90%"],
    ]
    assert join_continued(first, [["决策", "10", "7.06"]]) is None
    assert join_continued(first, [["决策", "10", "7.06"]], require_header=False)[-1] == ["决策", "10", "7.06"]


# --------------------------------------------------------------------------- html

HTML_SAMPLE = """<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>报告</title><script>var a = "一、不是标题";</script></head>
<body>
<h1>云南省 2021 年城乡居民基本养老保险<br>绩效评价报告</h1>
<h2>一、基本情况</h2>
<p>项目绩效评价得分81.14分，
评价等级为&ldquo;良&rdquo;。</p>
<p><b>存在的主要问题</b></p>
<p>（一）参保情况。截止10月底，累计完成参保87670人。</p>
<p>表 3：绩效指标完成情况表</p>
<table border=1>
<tr><th colspan="3">绩效指标</th><th rowspan=2>指标值</th></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th></tr>
<tr><td>产出指标</td><td>产出数量</td><td>参保目标任务
完成率</td><td>100%</td></tr>
</table>
<div>摘 要.....\ti</div>
</body></html>
"""


def test_html_headings_paragraphs_and_spanned_tables(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(HTML_SAMPLE.encode("gb18030"))
    doc = parse(path)
    assert doc.format == "html" and doc.pages is None
    blocks = [(b.kind, b.numbering, b.text) for b in doc.blocks]
    assert blocks[0] == ("heading", None, "云南省 2021 年城乡居民基本养老保险绩效评价报告")
    assert ("heading", "一、", "一、基本情况") in blocks
    assert ("paragraph", None, "项目绩效评价得分81.14分，评价等级为“良”。") in blocks
    assert ("heading", None, "存在的主要问题") in blocks  # bold paragraph
    assert ("heading", "（一）", "（一）参保情况。") in blocks  # run-in heading split
    assert not any("不是标题" in t for _, _, t in blocks)
    assert doc.tables[0].rows == [
        ["绩效指标", "绩效指标", "绩效指标", "指标值"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "产出数量", "参保目标任务完成率", "100%"],
    ]
    assert doc.blocks[-1].kind == "paragraph"  # the TOC line is not a heading
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


def test_html_export_of_a_real_report_reads_like_the_docx(tmp_path):
    """The yunnan report written out as HTML (h1-h4, p, table) reads back the same."""
    from html import escape

    docx = parsed(rendering(YUNNAN, ".docx"))
    parts = ["<html><body>"]
    for b in docx.blocks:
        if b.kind == "heading":
            parts.append(f"<h{min(b.level or 1, 6)}>{escape(b.text)}</h{min(b.level or 1, 6)}>")
        elif b.kind == "paragraph":
            parts.append(f"<p>{escape(b.text)}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>\n" for r in b.rows)
            parts.append(f"<table>{rows}</table>")
    path = tmp_path / "yunnan.html"
    path.write_text("\n".join(parts) + "</body></html>", encoding="utf-8")
    doc = parse(path)
    assert _numbered(doc) == _numbered(docx)
    assert [t.rows for t in doc.tables] == [t.rows for t in docx.tables]


def _generated_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("目 录")
    d.add_paragraph("一、基本情况\t1")
    d.add_heading("一、基本情况", level=1)
    d.add_heading("项目概况", level=2)  # unnumbered: the style gives its level
    p = d.add_paragraph()
    p.add_run("存在的问题").bold = True
    d.add_paragraph("表 1：得分表")
    # One table split by hand: its header again after an empty paragraph.
    for k, row in enumerate([("决策", "依据", "7.06"), ("过程", "管理", "16.35")]):
        if k:
            d.add_paragraph("")
        t = d.add_table(rows=3, cols=3)
        t.cell(0, 0).merge(t.cell(0, 1)).text = "指标"
        t.cell(0, 2).merge(t.cell(1, 2)).text = "得分"
        t.cell(1, 0).text, t.cell(1, 1).text = "一级", "二级"
        t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = row
    d.add_paragraph("（一）参保情况。截止10月底，累计完成参保87670人。")
    d.save(str(path))


def test_docx_generated_styles_merges_and_hand_split_table(tmp_path):
    path = tmp_path / "generated.docx"
    _generated_docx(path)
    doc = parse(path)
    assert doc.format == "docx"
    heads = [(b.text, b.level, b.numbering) for b in doc.headings]
    assert heads == [
        ("目 录", 1, None),
        ("一、基本情况", 1, "一、"),
        ("项目概况", 2, None),
        ("存在的问题", 1, None),
        ("（一）参保情况。", 2, "（一）"),
    ]
    assert [b.text for b in doc.blocks if b.kind == "paragraph"][0] == "一、基本情况\t1"  # TOC line
    assert len(doc.tables) == 1
    assert doc.tables[0].rows == [
        ["指标", "指标", "得分"],
        ["一级", "二级", "得分"],
        ["决策", "依据", "7.06"],
        ["过程", "管理", "16.35"],
    ]
    assert doc.blocks[doc.blocks.index(doc.tables[0]) - 1].text == "表 1：得分表"


def test_repeated_header_with_ocr_tolerance():
    first = [
        ["州（市）", "参保人数（人）", "实际缴费人数（人）"],
        ["昆明市", "2,180,617", "1,381,312"],
    ]
    cont = [["州（市）", "参保人数", "实际缴费人数（人）"], ["文山州", "2,110,981", "1,596,036"]]
    assert repeated_header_rows(first, cont) == 0
    assert repeated_header_rows(first, cont, tolerance=0.2) == 1
    assert join_continued(first, cont, tolerance=0.2)[-1] == ["文山州", "2,110,981", "1,596,036"]
    # a data row is never mistaken for a repeated header
    assert repeated_header_rows(first, [["曲靖市", "3,268,705", "2,314,804"]], tolerance=0.2) == 0


def test_fill_blank_merged_carries_words_not_values():
    # a spreadsheet copied as tabs: an unfilled amount under a filled one is an empty cell, a blank
    # under a row label the continuation of a merged label
    rows = [["资金", "年初预算数", "全年执行数"], ["年度资金总额", "320", "—"], ["其他资金", "", ""], ["", "", ""]]
    assert fill_blank_merged(rows) == [
        ["资金", "年初预算数", "全年执行数"],
        ["年度资金总额", "320", "—"],
        ["其他资金", "", ""],
        ["其他资金", "", ""],
    ]
    assert is_value_cell("120公里") and is_value_cell("≥95%") and is_value_cell("—")
    assert not is_value_cell("2019 年合计") and not is_value_cell("完成养护120公里")


def test_merged_repeats_are_the_words_a_merged_cell_repeats():
    grid = [["项目资金", "", "全年预算数", "全年执行数"], ["项目资金", "年度资金总额", "500", "500"]]
    assert merged_repeats(grid) == {(1, 0)}  # equal amounts side by side are two cells
