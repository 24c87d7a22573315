"""One report in several renderings reads the same (issue 8): development-set excerpts written as a
.docx (python-docx) and as a text-layer PDF (fpdf2, ``bench/render_agreement.py``'s typesetting)
give the records their text gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jixiao.extractor import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.tables import caption_rows

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

# sichuan-chaotian-2023-fitness-center-transfer-self-table: a 自评表 whose title and year line are
# set in the table's first rows (a converter flattened the merged rows to ``标题 | |||||``)
CHAOTIAN = """中央转移支付广元市朝天区全民健身中心项目绩效自评表 | |||||||
(2023年度) | |||||||
转移支付(项目)名称 | 广元市朝天区全民健身中心项目 | ||||||
中央主管部门 | 国家体育总局 | ||||||
地方主管部门 | 广元市朝天区人民政府 | 资金使用单位 | 广元市朝天区体育发展中心 | ||||
"""
CHAOTIAN_TITLE = "中央转移支付广元市朝天区全民健身中心项目绩效自评表(2023年度)"


def _record(path: Path) -> dict:
    return build_record(parse(str(path))).to_dict()


def _txt(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "excerpt.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _pdf(tmp_path: Path, text: str) -> Path:
    pytest.importorskip("fpdf")
    from render_agreement import write_pdf

    path = tmp_path / "excerpt.pdf"
    write_pdf(text, path)
    return path


def _docx(tmp_path: Path, text: str) -> Path:
    from render_agreement import write_docx

    path = tmp_path / "excerpt.docx"
    write_docx(text, path)
    return path


def test_caption_rows_are_full_width_merged_leading_rows():
    rows = [["标题"] * 3, ["(2023年度)"] * 3, ["项目名称", "X", "X"], ["单位", "Y", ""]]
    assert caption_rows(rows) == 2
    assert caption_rows([["项目名称", "X", "X"], ["单位", "Y", ""], ["a", "b", "c"]]) == 0
    assert caption_rows([["标题"] * 3, ["a", "b", "c"]]) == 0  # two ordinary rows must follow


@pytest.mark.parametrize("render", [_docx, _pdf])
def test_title_set_in_the_tables_first_rows_reads_as_the_title(tmp_path, render):
    path = render(tmp_path, CHAOTIAN)
    doc = parse(str(path))
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:2] != ["table", "table"] and "table" in kinds
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows[0][0] == "转移支付(项目)名称"
    assert _record(path)["title"] == _record(_txt(tmp_path, CHAOTIAN))["title"] == CHAOTIAN_TITLE


def test_inherited_mediabox_is_the_pages_size(tmp_path):
    """fpdf2 writes /MediaBox on the page tree node, not the page: PDFium's own lookup falls back
    to US Letter, which moved every line 50 points up (the first line of a page above its top)."""
    from jixiao.extractor.readers import pdf as pdf_reader

    path = _pdf(tmp_path, "岳陽縣財政支出項目績效評價自評報告\n來源:縣林業局 2022-07-14 09:53\n")
    page = next(iter(pdf_reader.read_pages(str(path))))
    assert (round(page.width), round(page.height)) == (595, 842)
    assert 60 < page.lines[0].top < 80  # 25 mm margin = 71 pt


# anhui-yuan-2022-heritage-protection-self-table: a form's cells set apart by typed spaces
YUAN = """市级文物保护专项经费绩效自评表(2022年度)
项目名称 市级文物保护专项经费
主管部门 裕安区文化和旅游局   实施单位 裕安区文化和旅游局
"""


def test_typed_spaces_between_cjk_characters_are_kept(tmp_path):
    path = _pdf(tmp_path, YUAN)
    texts = [b.text for b in parse(str(path)).blocks if b.kind != "table"]
    assert "项目名称 市级文物保护专项经费" in texts
    text_rec, pdf_rec = _record(_txt(tmp_path, YUAN)), _record(path)
    assert pdf_rec["evaluated_unit"] == text_rec["evaluated_unit"]
    assert pdf_rec["evaluated_unit"] == "裕安区文化和旅游局"


# hunan-yueyangxian-2021-forest-fire-prevention-self-cover-trad (ruby readings dropped): a cover whose
# lines are all short; the 95th percentile of line ends fell on a short line and no line ended short
YUEYANG = """岳阳县财政支出项目绩效评价自评报告
来源:县林业局   2022-07-14 09:53
评价类型:项目实施过程评价□   项目完成结果评价□√
项目名称    森林防火专项
项目单位    岳阳县林业局
主管部门   岳阳县林业局
评价方式:部门(单位)绩效自评
评价机构:部门(单位)评价组
报告日期:  2022 年  7 月  8 日
岳阳县财政局(制)
"""


def test_short_lines_of_a_cover_stay_apart(tmp_path):
    path = _pdf(tmp_path, YUEYANG)
    texts = [b.text for b in parse(str(path)).blocks if b.kind != "table"]
    assert texts[0] == "岳阳县财政支出项目绩效评价自评报告"
    assert _record(path)["title"] == "岳阳县财政支出项目绩效评价自评报告"


def test_label_copula_value_line(tmp_path):
    """hainan-dongfang-2023: 主管部门为东方市公安局 — the copula is no part of the unit's name."""
    text = "东方市公安局2023年度东方市社管平台公安分平台项目绩效自评报告\n一、项目概况\n主管部门为东方市公安局\n项目负责人为:黎晓鹏\n"
    rec = _record(_txt(tmp_path, text))
    assert rec["evaluated_unit"] == "东方市公安局"
