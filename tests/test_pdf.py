"""The PDF text-layer reader on the three real reports.

The reference is the Word file each PDF was printed from, read here directly with
python-docx (heading styles / bold runs, real tables), so the PDF reader is checked
against an independent reading, not against itself.
"""

from __future__ import annotations

import re

import docx
import pytest

from conftest import YUNNAN_TABLE2, REPORTS, parsed, rendering
from jixiao.extractor.errors import ReadError
from jixiao.extractor.normalize import squash
from jixiao.extractor.structure import classify

TOC_ENTRY = re.compile(r"\t\s*(\d+|[ivxlcdm]+)\s*$", re.IGNORECASE)


def _docx_numbered_headings(report: str) -> list[str]:
    d = docx.Document(str(rendering(report, ".docx")))
    out = []
    for p in d.paragraphs:
        text = p.text.strip()
        if not text or TOC_ENTRY.search(p.text):
            continue
        runs = [r for r in p.runs if r.text.strip()]
        styled = p.style.name.startswith("Heading") or (bool(runs) and all(r.bold for r in runs))
        info = classify(text, styled_heading=styled)
        if info and info.numbering:
            out.append(squash(info.title))
    return out


def _docx_tables(report: str) -> list[list[list[str]]]:
    d = docx.Document(str(rendering(report, ".docx")))
    return [[[squash(c.text) for c in row.cells] for row in t.rows] for t in d.tables]


def _pdf(report: str):
    return parsed(rendering(report, ".pdf"))


@pytest.mark.parametrize("report", REPORTS)
def test_numbered_headings_match_the_word_file(report):
    doc = _pdf(report)
    got = [squash(b.text) for b in doc.headings if b.numbering]
    expected = _docx_numbered_headings(report)
    assert len(expected) > 10
    assert got == expected


@pytest.mark.parametrize("report", REPORTS)
def test_tables_match_the_word_file(report):
    doc = _pdf(report)
    got = [[[squash(c) for c in row] for row in b.rows] for b in doc.tables]
    assert got == _docx_tables(report)


def test_yunnan_table2_row_by_row_on_page_22():
    doc = _pdf("yunnan-2021-resident-pension")
    table2 = [b for b in doc.tables if b.rows and squash(b.rows[0][0]) == "一级指标"]
    assert len(table2) == 1
    assert table2[0].page == 22
    assert [[squash(c) for c in r] for r in table2[0].rows] == YUNNAN_TABLE2
    caption = doc.blocks[doc.blocks.index(table2[0]) - 1]
    assert caption.kind == "paragraph" and squash(caption.text).startswith("表2")


def test_yunnan_tables_pages_and_continued_table_joined():
    doc = _pdf("yunnan-2021-resident-pension")
    # 表1 runs over pages 19-20 and 表3 over 22-23: each is one table starting on its first page.
    assert [b.page for b in doc.tables] == [19, 22, 22, 30, 33]
    table3 = doc.tables[2]
    # Header rows (two, merged cells resolved) appear once, not again after the page break.
    assert [squash(c) for c in table3.rows[0]] == ["绩效指标"] * 3 + ["指标值", "指标实现情况", "完成情况说明"]
    assert [squash(c) for c in table3.rows[1]] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标实现情况",
        "完成情况说明",
    ]
    assert sum(1 for r in table3.rows if squash(r[0]) == "绩效指标") == 1
    # The row the page break split is whole again: its text runs on from page 22 into page 23.
    split_row = next(r for r in table3.rows if squash(r[2]) == "补助对象精准性")
    assert "违规领取待遇均已足额追回" in squash(split_row[5])
    assert len(table3.rows) == 11


@pytest.mark.parametrize("report", REPORTS)
def test_every_block_is_its_slice_of_the_text(report):
    doc = _pdf(report)
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        assert b.page is not None and 1 <= b.page <= doc.pages


@pytest.mark.parametrize(
    "report, heading, page",
    [
        ("yunnan-2021-resident-pension", "摘要", 3),
        ("yunnan-2021-resident-pension", "三、绩效评价结论", 21),
        ("yunnan-2021-resident-pension", "（二）绩效目标实现情况", 22),
        ("yunnan-2021-resident-pension", "九、其它需说明的情况", 40),
        ("chenggong-2023-department", "二、绩效评价工作情况", 4),
        ("chenggong-2023-department", "五、有关建议", 6),
        ("dongchuan-2019-poverty-pension", "一、项目基本情况", 3),
        ("dongchuan-2019-poverty-pension", "五、主要经验及做法、存在的问题和建议", 7),
    ],
)
def test_page_numbers_of_known_headings(report, heading, page):
    doc = _pdf(report)
    pages = [b.page for b in doc.headings if squash(b.text) == squash(heading)]
    assert pages and pages[-1] == page


def test_page_numbers_follow_the_text_of_the_printed_pages():
    """Each block starts on the page whose text layer holds its first characters."""
    import pypdfium2 as pdfium

    path = rendering("yunnan-2021-resident-pension", ".pdf")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page_text = [squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()
    doc = _pdf("yunnan-2021-resident-pension")
    checked = 0
    for b in doc.blocks:
        if b.kind != "paragraph" or len(squash(b.text)) < 30:
            continue
        head = squash(b.text)[:12]
        assert head in page_text[b.page - 1], (b.page, b.text[:40])
        checked += 1
    assert checked > 100


FURNITURE = [
    re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$"),
    re.compile(r"^[ivx]{1,4}$", re.IGNORECASE),
    re.compile(r"第\s*\d+\s*页"),
    re.compile(r"—\s*\d+\s*—"),
]


@pytest.mark.parametrize("report", REPORTS)
def test_no_page_numbers_or_running_headers_in_the_text(report):
    doc = _pdf(report)
    for b in doc.blocks:
        if b.kind == "table":
            continue
        assert not any(rx.search(b.text) for rx in FURNITURE[2:]), b.text[:60]
        assert not any(rx.match(b.text.strip()) for rx in FURNITURE[:2]), b.text[:60]
    if report.startswith("yunnan"):
        # The running header (the report's title) is printed on 38 pages; it stays only
        # where it is the title on the cover page.
        header = "云南省2021年城乡居民基本养老保险绩效评价报告"
        assert squash(doc.text).count(header) == 1
        assert [b.page for b in doc.blocks if squash(b.text) == header] == [8]


def test_negative_amounts_keep_their_minus_across_line_ends():
    doc = _pdf("yunnan-2021-resident-pension")
    text = squash(doc.text)
    for amount in ("1,680.12", "3,531.29", "1,308.39"):
        hits = [m.start() for m in re.finditer(re.escape(amount), text)]
        assert len(hits) == 3, amount  # the table, the analysis and the problems section
        assert all(text[i - 1] == "-" for i in hits), amount


@pytest.mark.parametrize("report", REPORTS)
def test_paragraphs_rejoined_across_lines_and_pages(report):
    """Body paragraphs of the PDF are the Word file's paragraphs, not its printed lines."""
    d = docx.Document(str(rendering(report, ".docx")))
    expected = {squash(p.text) for p in d.paragraphs if len(p.text.strip()) > 60 and not TOC_ENTRY.search(p.text)}
    doc = _pdf(report)
    got = set()
    blocks = [b for b in doc.blocks if b.kind != "table"]
    for i, b in enumerate(blocks):
        got.add(squash(b.text))
        if b.kind == "heading" and i + 1 < len(blocks):  # run-in heading + its paragraph
            got.add(squash(b.text + blocks[i + 1].text))
    missing = expected - got
    assert len(expected) > 20
    assert not missing, sorted(missing)[:3]


def test_format_pages_and_no_ocr_for_text_pdfs():
    for report in REPORTS:
        doc = _pdf(report)
        assert doc.format == "pdf" and doc.ocr is False
    assert _pdf("yunnan-2021-resident-pension").pages == 40
    assert _pdf("chenggong-2023-department").pages == 7


def test_scan_without_ocr_is_refused_in_one_line():
    from jixiao.extractor import parse

    path = rendering("chenggong-2023-department", "-scan.pdf")
    with pytest.raises(ReadError) as err:
        parse(path, ocr="never")
    msg = str(err.value)
    assert "\n" not in msg and str(path) in msg and "no text layer" in msg


# --------------------------------------------------------------------------------------
# pages without a usable text layer go to OCR
# --------------------------------------------------------------------------------------

from jixiao.extractor.layout import Line, PageContent, TableArea  # noqa: E402
from pdf_samples import HELVETICA, UNMAPPED, report_pages, write_pdf  # noqa: E402


def _mixed_pdf(tmp_path):
    """Page 1 a good text layer, page 2 unmapped glyphs, page 3 nothing at all."""
    pages = report_pages(3)
    pages[2] = []
    return write_pdf(tmp_path / "mixed.pdf", pages, fonts=[HELVETICA, UNMAPPED, HELVETICA])


def test_pages_of_unmapped_glyphs_are_ocred_and_only_they(tmp_path, fake_ocr):
    from jixiao.extractor import parse

    doc = parse(_mixed_pdf(tmp_path))
    assert fake_ocr == [1]  # page 2 only: page 1 has text, page 3 is blank
    assert doc.ocr is True and doc.pages == 3
    assert [b.page for b in doc.blocks if "Recognised text" in b.text] == [2]
    assert any(b.page == 1 and b.text.startswith("Section 1.") for b in doc.blocks)
    assert any("OCR" in w for w in doc.warnings)


def test_ocr_always_sends_every_page(tmp_path, fake_ocr):
    from jixiao.extractor import parse

    doc = parse(_mixed_pdf(tmp_path), ocr="always")
    assert fake_ocr == [0, 1, 2] and doc.ocr is True
    assert [b.page for b in doc.blocks] == [1, 2, 3]


def test_unmapped_glyphs_with_ocr_never_are_refused(tmp_path):
    from jixiao.extractor import parse

    path = _mixed_pdf(tmp_path)
    with pytest.raises(ReadError) as err:
        parse(path, ocr="never")
    assert "page 2" in str(err.value) and "unmapped glyphs" in str(err.value)


def test_missing_ocr_engine_is_a_one_line_refusal(tmp_path, monkeypatch):
    import sys

    from jixiao.extractor import parse

    monkeypatch.setitem(sys.modules, "jixiao.extractor.readers.ocr", None)  # import now fails
    with pytest.raises(ReadError) as err:
        parse(_mixed_pdf(tmp_path))
    assert "no text layer" in str(err.value) and "OCR unavailable" in str(err.value)


# --------------------------------------------------------------------------------------
# assemble() on laid-out pages as the OCR reader delivers them
# --------------------------------------------------------------------------------------


def _ocr_like_pages() -> list[PageContent]:
    """Three OCR-like pages: running header, '— N —' footers, a paragraph and a table running on."""

    def line(text, x0, top, x1, size=17.0):
        return Line(text, x0, top, x1, top + size, size=size)

    def page(number, lines, tables=()):
        return PageContent(number, 595, 842, ocr=True, lines=lines, tables=list(tables))

    header = "某某区2023年项目支出绩效评价报告"
    p1 = page(
        1,
        [
            line(header, 200, 40, 395, 12),
            line("一、基本情况", 114, 100, 190),
            line("项目总投入为 1,200 万元，当期结余为-", 90, 130, 505),
            line("1,680.12 万元。", 90, 155, 200),
            line("二、绩效评价结论", 114, 190, 230),
            line("该项目设置了绩效指标，详见下表，各项指标完成情况良好，评价得分较高，", 90, 220, 505),
            line("— 1 —", 280, 800, 315, 12),
        ],
        [TableArea((90, 600, 505, 760), [["指标", "分值"], ["决策", "10"]])],
    )
    p2 = page(
        2,
        [line(header, 200, 40, 395, 12), line("— 2 —", 280, 800, 315, 12)],
        [TableArea((90, 80, 505, 200), [["指标", "分值"], ["过程", "25"], ["合计", "35"]])],
    )
    p3 = page(
        3,
        [
            line(header, 200, 40, 395, 12),
            line("评价等级为良。", 90, 100, 200),
            line("— 3 —", 280, 800, 315, 12),
        ],
    )
    return [p1, p2, p3]


def test_assemble_ocr_like_pages():
    from jixiao.extractor.document import DocumentBuilder
    from jixiao.extractor.layout import assemble

    doc = assemble(_ocr_like_pages(), DocumentBuilder("x.pdf", "pdf", pages=3, ocr=True)).build()
    kinds = [(b.kind, b.page, b.text if b.kind != "table" else b.rows) for b in doc.blocks]
    assert kinds[0] == ("heading", 1, "一、基本情况")
    # The minus at the end of a line stays with its number; no header or page number survives.
    assert kinds[1] == ("paragraph", 1, "项目总投入为 1,200 万元，当期结余为-1,680.12 万元。")
    assert kinds[2] == ("heading", 1, "二、绩效评价结论")
    assert kinds[3][0] == "paragraph" and kinds[3][2].endswith("评价得分较高，")
    # The table continued on page 2 is one table; its repeated header row is dropped.
    assert kinds[4] == ("table", 1, [["指标", "分值"], ["决策", "10"], ["过程", "25"], ["合计", "35"]])
    assert kinds[5] == ("paragraph", 3, "评价等级为良。")
    assert len(kinds) == 6
    assert "评价报告" not in doc.text and "—" not in doc.text
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


def test_paragraph_running_over_a_page_break_is_one_block():
    from jixiao.extractor.document import DocumentBuilder
    from jixiao.extractor.layout import assemble

    pages = _ocr_like_pages()
    pages[1].tables = []  # page 2 now continues the paragraph that page 1 left open
    pages[0].tables = []
    pages[1].lines.insert(1, Line("得到有效落实。", 90, 100, 180, 117, size=17.0))
    doc = assemble(pages, DocumentBuilder("x.pdf", "pdf", pages=3, ocr=True)).build()
    para = [b for b in doc.blocks if "评价得分较高" in b.text]
    assert len(para) == 1 and para[0].page == 1 and para[0].text.endswith("评价得分较高，得到有效落实。")


def test_kangxi_radicals_from_a_text_layer_read_as_ideographs():
    """Some producers map 一 to the Kangxi radical ⼀ (U+2F00): headings must still be found."""
    from jixiao.extractor.readers.pdf import _COMPAT_IDEOGRAPHS, _unify_ideograph

    text = "⼀、基本情况 ⼆、⾦额"
    fixed = _COMPAT_IDEOGRAPHS.sub(_unify_ideograph, text)
    assert fixed == "一、基本情况 二、金额" and len(fixed) == len(text)
    assert classify(fixed.split()[0]).numbering == "一、"


@pytest.mark.parametrize("in_form", [False, True], ids=["page-content", "form-xobject"])
def test_ruled_table_in_a_generated_pdf(tmp_path, in_form):
    """A ruled table is found from the page's paths, or by pdfplumber when they sit in a Form XObject."""
    from jixiao.extractor import parse
    from pdf_samples import grid_ops

    cells = [["Indicator", "Score"], ["Decision", "7.06"], ["Process", "16.35"]]
    texts = [(72, 760, 11, "Table 2 Scores")]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            texts.append((80 + 150 * c, 730 - 20 * r, 10, text))
    texts.append((72, 640, 11, "The scores above are final."))
    path = write_pdf(
        tmp_path / "table.pdf", [texts], drawings=[grid_ops(72, 745, [150, 150], [20, 20, 20])], in_form=in_form
    )
    doc = parse(path)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    assert doc.tables[0].rows == cells
    assert "Decision" not in doc.blocks[2].text  # cell text is not repeated as a paragraph


def test_tables_from_pdfium_edges_equal_pdfplumbers_own():
    """The fast path (PDFium paths → pdfplumber's table finder, PDFium text) finds the same
    tables, cell for cell, as pdfplumber parsing the page itself (the fallback path)."""
    import pypdfium2 as pdfium

    from jixiao.extractor.readers.pdf import _TableFinder, _TextLayer, find_tables, has_ruling

    path = str(rendering("yunnan-2021-resident-pension", ".pdf"))
    pdf = pdfium.PdfDocument(path)
    plumber = _TableFinder(path)
    ruled = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            layer = _TextLayer(page)
            try:
                if not has_ruling(page):
                    continue
                ruled.append(index + 1)
                fast = find_tables(layer, layer.width, layer.height)
                slow = plumber.tables(index)
                assert [[[squash(c) for c in r] for r in t.rows] for t in fast] == [
                    [[squash(c) for c in r] for r in t.rows] for t in slow
                ], index + 1
                for f, s in zip(fast, slow):
                    assert all(abs(a - b) < 1.0 for a, b in zip(f.bbox, s.bbox))
            finally:
                layer.close()
                page.close()
    finally:
        plumber.close()
        pdf.close()
    assert ruled == [19, 20, 22, 23, 30, 33]


def test_repeated_header_misread_by_ocr_is_still_dropped():
    from jixiao.extractor.layout import _join_tables

    first = [["州（市）", "参保人数（人）", "实际缴费人数（人）"], ["昆明市", "2,180,617", "1,381,312"]]
    cont = [["州（市）", "参保人数", "实际缴费人数（人）"], ["文山州", "2,110,981", "1,596,036"]]
    assert _join_tables(first, cont) == first + cont[1:]
    # a first row that is data, not a repeated header, is kept
    other = [["曲靖市", "3,268,705", "2,314,804"]]
    assert _join_tables(first, other) == first + other


def test_page_stored_sideways_with_rotate_reads_like_the_original(tmp_path):
    """Landscape-stored pages shown upright by /Rotate 90: boxes are taken in the displayed frame."""
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import NameObject, NumberObject, RectangleObject

    from jixiao.extractor import parse

    writer = pypdf.PdfWriter(clone_from=str(rendering("yunnan-2021-resident-pension", ".pdf")))
    for page in writer.pages[18:23]:  # the pages of 表1-表3
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(pypdf.Transformation((0, 1, -1, 0, h, 0)))  # draw the page turned 90°
        page.mediabox = RectangleObject([0, 0, h, w])
        page.cropbox = RectangleObject([0, 0, h, w])
        page[NameObject("/Rotate")] = NumberObject(90)  # ...and display it turned back
    path = tmp_path / "sideways.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    doc = parse(path)
    original = _pdf("yunnan-2021-resident-pension")
    assert [(b.kind, b.page, b.text) for b in doc.blocks] == [(b.kind, b.page, b.text) for b in original.blocks]
