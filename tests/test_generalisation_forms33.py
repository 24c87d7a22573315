"""A form written one cell a line with blank cells (issue 8, session 38): a label's value cell left blank
leaves the label over the next cell's label — an empty line, or a converter's line of a bar alone, stands
for the blank cell — and that label (a field's, or another cell's: 联系电话, 项目负责人) is no value."""

from __future__ import annotations

import pytest

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record
from jixiao.extractor.record.context import Context
from jixiao.extractor.record.forms import another_label, form_pairs

# a self-evaluation form's cells each a paragraph (a web page's copy): 主管部门 and 项目负责人 left blank
BLANK_LINES = """2023年度项目支出绩效自评表

项目名称

乡村道路养护

主管部门

实施单位

某某县交通运输局

项目负责人

联系电话

自评得分

92.5
"""

# a converter's one-cell-a-line table: a blank cell is a line of its bar alone
BAR_LINES = """项目支出绩效自评表
项目名称 |
农村饮水安全维修养护 |
主管部门 |
|
实施单位 |
某某县水利局 |
评价机构 |
|
联系电话 |
"""


@pytest.mark.parametrize(
    "text,unit",
    [(BLANK_LINES, "某某县交通运输局"), (BAR_LINES, "某某县水利局")],
)
def test_a_label_over_a_blank_cell_takes_no_label_for_its_value(text, unit):
    doc = read_text(text)
    pairs = form_pairs(Context(doc))
    assert not [p for p in pairs if another_label(p.value)], pairs
    assert {p.value for p in pairs if p.field == "evaluated_unit"} == {unit}
    record = build_record(doc).to_dict()
    assert record["evaluated_unit"] == unit
    assert record["evaluator"] in (None, unit)  # (a self-evaluation: the unit), never 联系电话


def test_another_label():
    assert another_label("联系电话") and another_label("项目负责人 |") and another_label("实施单位")
    assert not another_label("某某县水利局") and not another_label("92.5")
