"""Money grids laid out as words and numbers (extractor/record/moneygrids.py): a department-wide
report's 财政资金安排和使用情况 grid, its cells set apart by spaces and its lines often joined, read
as a grid — a part by row and column, the total by column, rates as fractions."""

from __future__ import annotations

from conftest import dev_item_path
from excerpt_records import record_of_text
from jixiao.extractor import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.figures import fold_text
from jixiao.extractor.record.moneygrids import money_grids

# fujian-ningde-2020-earthquake-bureau-department-self-table (dev half): the grid as the page prints it
NINGDE = "fujian-ningde-2020-earthquake-bureau-department-self-table"
HEAD = "某局2020年部门整体支出绩效自评表\n一、部门基本情况\n"


def _figures(text: str) -> dict[str, float]:
    _doc, rec = record_of_text(text)
    return {f.name: float(f.value) for f in rec.figures}


def _cells(text: str) -> list[list[str]]:
    flat = fold_text(text)
    return [[flat[s:e] for s, e in row] for g in money_grids(flat) for row in [g.header, *g.rows]]


def test_ningde_grid_reads_parts_by_row_and_total_by_column():
    rec = build_record(parse(str(dev_item_path(NINGDE)))).to_dict()
    figs = {(f["name"], f["value"]) for f in rec["figures"]}
    assert ("财政资金小计 年初部门预算安排金额", 1305400) in figs
    assert ("项目支出 年度拨付金额", 300000) in figs
    assert ("基本支出 支出实现率", 0.999) in figs
    assert ("年度拨付金额", 1884500) in figs  # the 合 计 row: named by its column
    assert ("小计", 1886100) in figs  # a money column by the grid's header words, though 小计 names no money
    assert ("资金结余率", 0.0008) in figs  # 0.08 under 资金结余率(%): a percent, not a fraction
    assert len(rec["figures"]) == len({(f["name"], f["value"], tuple(f["span"])) for f in rec["figures"]})


def test_lines_joined_by_a_converter_still_split_into_header_and_rows():
    text = (
        "(万元) 年初预算金额① 年中调整金额② 小计 年度拨付金额④ 支出实现率(%)⑤=④/③"
        "财政拨款小计 512.30 20.00 532.30 520.10 97.71基本支出 412.30 10.00 422.30 418.00 98.98"
        "年度总体目标完成情况 完成年度目标\n"
    )
    cells = _cells(text)
    assert cells[0] == ["(万元)", "年初预算金额", "年中调整金额", "小计", "年度拨付金额", "支出实现率(%)"]
    assert cells[1][0] == "财政拨款小计" and cells[2] == ["基本支出", "412.30", "10.00", "422.30", "418.00", "98.98"]
    assert len(cells) == 3  # the next part's heading, glued to the last number, ends the grid


def test_a_rate_glued_to_the_first_row_label_is_the_last_column():
    text = "单位：万元\n项目 年初预算数 调整后预算数 决算数 预算执行率合计 1260.40 1320.80 1298.66 98.32%\n"
    cells = _cells(text)
    assert cells[0][1:] == ["年初预算数", "调整后预算数", "决算数", "预算执行率"]
    assert cells[1][0] == "合计"


def test_budget_grid_in_text_and_under_a_unit_line_with_tabs():
    rows = "合计 1260.40 1320.80 1298.66 98.32%\n基本支出 860.40 880.40 878.12 99.74%\n"
    for sep in (" ", "\t"):
        text = HEAD + "单位：万元\n" + sep.join(["项目", "年初预算数", "调整后预算数", "决算数", "预算执行率"]) + "\n"
        figs = _figures(text + rows.replace(" ", sep))
        assert figs["决算数"] == 12986600 and figs["基本支出 决算数"] == 8781200, sep
        assert figs["预算执行率"] == 0.9832, sep


def test_numbers_under_no_money_header_are_no_grid():
    # counts of people and places (no budget, adjustment, outlay or rate column): not this reader's
    text = "单位名称 在职人数 退休人数 编制数\n某某中心 12 3 15\n某某站 8 1 9\n"
    assert money_grids(fold_text(text)) == []
    # an indicator table's row: numbers with units and words after them are no row of values
    assert money_grids(fold_text("年初预算数 全年执行数 执行率\n开展宣传活动场数 10场 11场 已完成\n")) == []
