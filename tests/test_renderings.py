"""One report in several renderings reads the same (issue 8): development-set excerpts written as a
.docx (python-docx) and as a text-layer PDF (fpdf2, ``bench/render_agreement.py``'s typesetting)
give the records their text gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jixiao.extractor import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.context import Context
from jixiao.extractor.record.figures import find_figures
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


def _figures(path: Path) -> set[tuple[str, float, str]]:
    return {(f["name"], f["value"], f["unit"]) for f in _record(path)["figures"]}


# A transfer-payment 自评表's funds block, written for these tests: a part whose label runs on past its
# money word (…公益金用于…), an empty part, parts executed at the total's rate.
TRANSFER_FUNDS = """某县2023年度残疾人事业发展补助资金绩效自评表 | |||||
资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||
年度资金总额: | 1200万 | 1080万 | 90% | ||
其中:中央财政资金 | 800万 | 720万 | 90% | ||
彩票公益金用于残疾人康复 | 0 | 0 | 100% | ||
地方资金 | 400万 | 360万 | 90% | ||
"""


@pytest.mark.parametrize("render", [_docx, _pdf])
def test_funds_rows_past_a_long_part_label_read_as_in_text(tmp_path, render):
    # a real table's cells end in tabs, not bars: the label 彩票公益金用于残疾人康复 ends at its cell, so
    # the rows after it are read; a part is named without 其中. The text's bars are read by the grid
    # reader, the Word/PDF table by the 自评表's form reader: both list every part row as devset ruling
    # 24(c) says — its printed zeros and its rate at the total's included (funds_row_name, one rule)
    text = _figures(_txt(tmp_path, TRANSFER_FUNDS))
    assert ("地方资金 全年执行数", 3600000, "元") in text
    assert ("中央财政资金 全年预算数", 8000000, "元") in text
    assert ("中央财政资金 预算执行率", 0.9, "%") in text and ("地方资金 预算执行率", 0.9, "%") in text
    assert {f for f in text if "彩票" in f[0]} == {
        ("彩票公益金用于残疾人康复 全年预算数", 0, "元"),
        ("彩票公益金用于残疾人康复 全年执行数", 0, "元"),
        ("彩票公益金用于残疾人康复 预算执行率", 1, "%"),
    }
    assert _figures(render(tmp_path, TRANSFER_FUNDS)) == text


# A 自评表's funds block written for these tests: a group's heading, the only part repeating the
# total, a part of printed zeros, a part of dashes.
PART_ROWS = """某县2023年度农村公路养护补助资金绩效自评表 | |||||
资金投入情况(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | ||
年度资金总额: | 450 | 500 | 475 | 95% | ||
按收入性质分: | 450 | 500 | 475 | | ||
其中:中央财政资金 | 450 | 500 | 475 | 95% | ||
省级资金 | 0 | 0 | 0 | — | ||
其他资金 | — | — | — | — | ||
"""


def test_part_rows_read_alike_by_the_grid_reader_and_the_form_reader(tmp_path):
    # the bars in text are read as a grid (grid_figures), the Word table as a 自评表 (self_eval_figures):
    # one rule (funds_row_name) decides what each part row gives, so the two list the same figures
    def read(path: Path) -> tuple[set[str], set[tuple[str, float, str]]]:
        found = find_figures(Context(parse(str(path))))
        return {f.source for f in found}, {(f.name, f.value, f.unit) for f in found}

    grid_sources, grid = read(_txt(tmp_path, PART_ROWS))
    form_sources, form = read(_docx(tmp_path, PART_ROWS))
    assert (grid_sources, form_sources) == ({"table"}, {"self_eval"})
    assert grid == form
    # devset ruling 24(c): the only part is listed though it repeats the total, printed zeros are
    # values; a dash states nothing, and the group's heading repeats the total its parts add up to
    assert {f for f in grid if f[0].startswith("中央财政资金")} == {
        ("中央财政资金 年初预算数", 4500000, "元"),
        ("中央财政资金 全年预算数", 5000000, "元"),
        ("中央财政资金 全年执行数", 4750000, "元"),
        ("中央财政资金 执行率", 0.95, "%"),
    }
    assert {f for f in grid if f[0].startswith("省级资金")} == {
        ("省级资金 年初预算数", 0, "元"),
        ("省级资金 全年预算数", 0, "元"),
        ("省级资金 全年执行数", 0, "元"),
    }
    assert not [f for f in grid if f[0].startswith(("其他资金", "按收入性质分"))]


# A 目标审批表 (written for these tests) in one table: funds rows, then its indicator part.
APPROVAL_FORM = """项目支出绩效目标审批表 | ||||
项目名称 | 乡镇敬老院运行经费 | 金额单位:万元 | ||
项目总预算 | 60 | 资金性质 | 一般公共预算 |
当年年度预算 | 60 | |||
年度预算执行率 | 100% | 分值 | 10分 |
一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
成本指标 | 经济成本指标 | 0 | 0 | 0 |
产出指标 | 数量指标 | 入住老人人数 | 45 | 20 |
"""


@pytest.mark.parametrize("render", [_txt, _docx, _pdf])
def test_funds_rows_above_an_indicator_part_are_figures_its_rows_are_not(tmp_path, render):
    got = _figures(render(tmp_path, APPROVAL_FORM))
    assert {("项目总预算", 600000, "元"), ("当年年度预算", 600000, "元")} <= got
    assert not [f for f in got if "指标" in f[0] or "老人" in f[0]]


# A grid's total row whose label spans the columns before its values (written for these tests).
SUBSIDY_GRID = """表1 补助资金分配情况(万元) | |||||
序号 | 乡镇 | 补助对象 | 下达资金 | 追加资金 | 合计资金 |
1 | 东岭镇 | 种粮大户 | 120.5 | 10 | 130.5 |
2 | 西岭镇 | 种粮大户 | 80 | 5 | 85 |
合计 | 200.5 | 15 | 215.5 |
"""


@pytest.mark.parametrize("render", [_docx, _pdf])
def test_total_row_ending_in_empty_cells_reads_under_its_columns(tmp_path, render):
    # in a real table the short total row is padded with empty cells: its values still sit under the
    # columns the rows above hold numbers in
    text = _figures(_txt(tmp_path, SUBSIDY_GRID))
    assert {("下达资金", 2005000, "元"), ("追加资金", 150000, "元"), ("合计资金", 2155000, "元")} <= text
    assert _figures(render(tmp_path, SUBSIDY_GRID)) == text


# hunan-yueyang-2015-2020-electronic-port (a mirror's copy): a cover's title over short form lines and a
# ruled table; every line outside the table is short, so the longest of them — the title — was taken for
# the right margin, and the title ran on into 评价类型 (no title found in the PDF)
YUEYANG_PORT = """岳阳市人民政府口岸管理办公室财政支出项目绩效评价自评报告
评价类型:项目完成结果评价
项目名称:岳阳市电子口岸建设
项目单位:岳阳市人民政府口岸管理办公室
报告日期:2020年 6月 13 日
项目负责人 | 陈建文 | 联系电话 | |
项目地址 | 岳阳城陵矶新港区口岸联建大楼 | 邮编 | 414000 |
计划安排资金(万元) | 2,489.4 | 实际到位资金(万元) | 2,489.4 |
"""


def test_a_ruled_table_marks_the_right_margin_of_a_page_of_short_lines(tmp_path):
    path = _pdf(tmp_path, YUEYANG_PORT)
    texts = [b.text for b in parse(str(path)).blocks if b.kind != "table"]
    assert texts[:2] == ["岳阳市人民政府口岸管理办公室财政支出项目绩效评价自评报告", "评价类型:项目完成结果评价"]
    assert _record(path)["title"] == _record(_txt(tmp_path, YUEYANG_PORT))["title"]


# ningxia-helanshan-2021-wine-industry-evaluation: left-aligned prose whose line ends short because the
# next line opens with a number the line breaker keeps whole (…认真有序开展 / 2021年葡萄酒…): a wrap,
# not the end of a paragraph
HELANSHAN = """宁夏贺兰山东麓葡萄酒产业园区管委会
2021年葡萄酒产业发展项目支出绩效评价评定等次为优
自2022年3月份起,根据《自治区财政厅关于开展2021年度转移支付预算执行情况绩效自评和项目支出绩效评价工作的通知》(宁财〔绩〕发〔2022〕68号)要求,贺兰山东麓园区管委会高度重视,成立组织机构,制定工作方案,结合产业发展实际,科学建立指标体系,委托第三方机构认真有序开展2021年葡萄酒产业发展项目支出绩效评价工作。经多次与西夏区等7个市、县(区)葡萄酒产业主管部门及宁夏农垦集团等相关单位沟通交流,进行数据采集、实地核查、资料确认,对照年初绩效目标,从数量指标、质量指标、效益指标、满意度指标等方面,客观、公正评价2021年葡萄酒产业发展项目14500万元资金使用情况,评定结果得分为90.15分,评定等次为“优”。
"""


def test_a_line_short_before_a_number_that_did_not_fit_is_a_wrap(tmp_path):
    path = _pdf(tmp_path, HELANSHAN)
    from jixiao.extractor.readers import pdf as pdf_reader

    lines = next(iter(pdf_reader.read_pages(str(path)))).lines
    assert any(ln.text.startswith("2021年葡萄酒产业发展项目支出绩效评价工作") for ln in lines)  # the excerpt's shape
    texts = [b.text for b in parse(str(path)).blocks]
    assert len(texts) == 3 and texts[2].startswith("自2022年3月份起") and texts[2].endswith("评定等次为“优”。")
    assert _record(path)["program"] == _record(_txt(tmp_path, HELANSHAN))["program"]


# chongqing-zhongxian-2021-tujing (dev half), shape: a 自评表's column labels on a line of their own set apart
# by runs of spaces (a Word rendering makes it a one-row table), its value rows as lines under it
SPLIT_HEADER = """中央、市级专项转移支付绩效目标自评表
项目资金(万元)
全年预算数(A)  全年执行数(B)  执行率(B/A)
年度资金总额:  372.29万元 372.29万元 100%
其中:中央、市级补助  372.29万元 372.29万元 100%
"""


def _figure_set(path: Path) -> set[tuple[str, float, str]]:
    return {(f["name"], f["value"], f["unit"]) for f in _record(path)["figures"]}


def test_a_header_set_apart_as_a_table_still_heads_its_value_lines(tmp_path):
    text = _figure_set(_txt(tmp_path, SPLIT_HEADER))
    assert ("全年预算数", 3722900, "元") in text
    assert ("中央、市级补助 执行率", 1, "%") in text
    docx = _docx(tmp_path, SPLIT_HEADER)
    assert any(b.kind == "table" for b in parse(str(docx)).blocks)  # the header line became a table
    assert _figure_set(docx) == text


# anhui-bozhou-2023-weather-modification (dev half), shape: a form copied one cell a line, a bar alone on
# the line between two cells — in Word each bar its own paragraph
ONE_CELL_A_LINE = (
    "项目支出绩效目标表\n|\n项目资金\n(万元)\n|\n年度资金总额:\n|\n189.8万\n|\n|\n其中:财政拨款\n|\n189.8万\n|\n"
)


@pytest.mark.parametrize("render", [_docx, _pdf])
def test_paragraphs_of_bars_alone_read_as_the_text_readers_lines_of_bars(tmp_path, render):
    path = render(tmp_path, ONE_CELL_A_LINE)
    assert not [b for b in parse(str(path)).blocks if b.text.strip() == "|"]
    text = _figure_set(_txt(tmp_path, ONE_CELL_A_LINE))
    assert ("年度资金总额", 1898000, "元") in text
    assert _figure_set(path) == text


# anhui-huoshan-2024-special-education (dev half), shape: a form's header of goals on a line of its own, the
# cell under it a sentence of what was achieved (a rate of completion: an indicator's result, ruling 24(d))
GOALS_HEADER = """项目支出绩效自评表
年度总体目标  年初设定目标  全年实际完成情况
采购教学软件两套，完成设备安装调试，提升特殊教育质量。 严格按照年初预算执行，采购手续合规合法，完成率100%。
"""


@pytest.mark.parametrize("render", [_txt, _docx])
def test_a_sentence_under_a_header_of_goals_gives_no_figure(tmp_path, render):
    assert not [f for f in _figure_set(render(tmp_path, GOALS_HEADER)) if f[2] == "%"]
