"""Funds grids copied from the web with their cells between bars (figures.grid_figures): a header naming
an amount with its unit over a column of amounts, rows named by their label — beside a form-field-like
corner (项目名称 | 计划投资（万元）), a 序号 column, a 备注 column."""

from __future__ import annotations

from conftest import dev_item_path
from excerpt_records import record_of_text
from jixiao.extractor import parse
from jixiao.extractor.record import build_record

HEAD = "某县农业农村局2022年度部门整体支出绩效自评报告\n一、部门基本情况\n（二）部门预算执行情况\n"


def _figures(text: str) -> set[tuple[str, float]]:
    _doc, rec = record_of_text(HEAD + text)
    return {(f.name, round(float(f.value), 6)) for f in rec.figures}


def test_an_amount_column_beside_a_name_corner_is_a_column_not_a_fields_value():
    figs = _figures(
        "项目名称 | 计划投资（万元） | 到位资金（万元） | 已支付（万元） |\n村道硬化 | 120 | 120 | 98.5 |\n桥梁维修 | 80 | 60 | 60 |\n"
    )
    assert ("村道硬化 计划投资", 1200000) in figs
    assert ("桥梁维修 计划投资", 800000) in figs
    assert ("桥梁维修 已支付", 600000) in figs
    figs = _figures(
        "资金名称 | 下达金额（元） |\n高标准农田建设补助 | 3,500,000 |\n耕地地力保护补贴 | 1,250,000.50 |\n"
    )
    assert figs == {("高标准农田建设补助 下达金额", 3500000), ("耕地地力保护补贴 下达金额", 1250000.5)}


def test_row_numbers_under_a_numbering_column_are_no_values():
    figs = _figures("序号 | 项目名称 | 金额（万元） |\n1 | 村道硬化 | 120 |\n2 | 桥梁维修 | 80 |\n合计 |  | 200 |\n")
    # (the total under a column that names nothing by itself is named by its row too, 合计 金额 — figures38: the dev
    # half names a list's total 合计, fujian-anxi, fujian-dehua; 金额 alone is one of figures.yaml's not_labels)
    assert figs == {("村道硬化 金额", 1200000), ("桥梁维修 金额", 800000), ("合计 金额", 2000000)}


def test_words_under_a_remark_column_leave_the_row_read():
    figs = _figures("项目 | 金额（万元） | 备注 |\n办公设备购置 | 35.6 | 已完成 |\n培训费 | 12 | 无 |\n")
    assert figs == {("办公设备购置 金额", 356000), ("培训费 金额", 120000)}


def test_numbered_rows_that_name_themselves_twice_are_not_read_by_column():
    # guangdong-zhuhai-2021-industry-provincial-funds-coded (dev half): 序号 | 财政事权 | 政策任务 | 预算额度 | …,
    # rows 1 | M1.工业企业转型升级 | M102.… | 70.00 | 70.00 whose cells do not stand one per column
    rec = build_record(parse(str(dev_item_path("guangdong-zhuhai-2021-industry-provincial-funds-coded")))).to_dict()
    names = {f["name"] for f in rec["figures"]}
    assert not any(n.startswith("M1.") for n in names)
    assert {"预算额度", "调整额度", "实际安排额度"} <= names  # the 合计 row, named by its columns


def test_a_list_row_is_named_by_its_item_name_cell_not_its_other_words():
    # 序号 | 项目名称 | 实施单位 | 金额: the unit beside the name says who spends, not what the number is
    figs = _figures(
        "序号 | 项目名称 | 实施单位 | 金额（万元） |\n1 | 村道硬化 | 城关镇人民政府 | 120 |\n"
        "2 | 桥梁维修 | 县交通运输局 | 80 |\n合计 |  |  | 200 |\n"
    )
    # (the total under a column that names nothing by itself is named by its row too, 合计 金额 — figures38: the dev
    # half names a list's total 合计, fujian-anxi, fujian-dehua; 金额 alone is one of figures.yaml's not_labels)
    assert figs == {("村道硬化 金额", 1200000), ("桥梁维修 金额", 800000), ("合计 金额", 2000000)}
    # a column of words that is no amount (建设内容) gives nothing; the amount takes the unit line's scale
    figs = _figures(
        "单位：万元\n序号 | 项目类别 | 项目名称 | 建设地点 | 建设内容 | 补助资金 | 备注 |\n"
        "1 | 基础设施 | 村道硬化 | 城头山镇 | 硬化村组道路 | 120 | 已完工 |\n"
    )
    assert figs == {("村道硬化 补助资金", 1200000)}


def test_a_list_without_an_item_name_column_is_still_not_read_by_row():
    # the header names no 项目名称 column: the numbered rows' two names stay unread (as zhuhai's)
    figs = _figures("序号 | 财政事权 | 政策任务 | 预算额度 |\n1 | 产业发展 | 平台建设 | 70.00 |\n")
    assert not any("平台建设" in n or "产业发展" in n for n, _v in figs)
