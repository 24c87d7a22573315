"""One self-evaluation form in the layouts the genre prints it in (issue 8): the same cells give the
same record whether each cell is a line, label and value share a line, or a row is flattened with
spaces or bars.

The form is the dev item hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table
(a 转移支付区域(项目)绩效目标自评表 whose spending unit is a section of the bureau, 大气环境科); each
layout below keeps its cells and words.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, evidence, record_of_text

HEAD = "转移支付区域(项目)绩效目标自评表\n(2021年度)\n"
CELLS = [
    ("转移支付(项目)名称", "2021年第一批中央大气污染防治资金"),
    ("负责人及电话", "潘志明13329984226"),
    ("地方主管部门", "咸宁市生态环境局"),
    ("实施单位", "大气环境科"),
]
INDICATORS = "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n建设环境空气质量自动监测子站\n11个\n"

LAYOUTS = {
    # one cell a line, blank lines between (the portal's page)
    "cell_per_line": HEAD + "\n".join(f"{k}\n\n{v}\n" for k, v in CELLS) + "\n" + INDICATORS,
    # label and value on one line, a colon between
    "colon": HEAD + "\n".join(f"{k}：{v}" for k, v in CELLS) + "\n" + INDICATORS,
    # a row flattened with bars (two cells a row)
    "bars": HEAD
    + "\n".join(f"{a} | {x} | {b} | {y}" for (a, x), (b, y) in zip(CELLS[::2], CELLS[1::2]))
    + "\n"
    + INDICATORS,
    # one cell a line, the label cells too narrow: each label split over two lines
    "split_labels": HEAD + "\n".join(f"{k[:-1]}\n{k[-1]}\n{v}" for k, v in CELLS) + "\n" + INDICATORS,
    # a row flattened with spaces
    "spaces": HEAD
    + "\n".join(f"{a}  {x}  {b}  {y}" for (a, x), (b, y) in zip(CELLS[::2], CELLS[1::2]))
    + "\n"
    + INDICATORS,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_section_under_the_unit_label_is_the_unit_in_every_layout(layout: str) -> None:
    # (大气环境科 ends in no organ's suffix; the form's 实施单位 label says it is the unit that spends,
    # and an indicator cell ending in 站 is no signature)
    doc, rec = record_of_text(LAYOUTS[layout])
    assert rec.evaluated_unit == "大气环境科"
    assert "大气环境科" in evidence(doc, rec, "evaluated_unit")
    assert rec.program == "中央大气污染防治资金"  # 第一批 cut: tests/devset/README.md ruling 28


def test_the_dev_item_reads_its_section_as_unit_and_evaluator() -> None:
    _item, rec = dev_record("hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table")
    assert rec["evaluated_unit"] == "大气环境科"
    assert rec["evaluator"] == "大气环境科"


def test_a_section_word_in_a_sentence_is_no_unit() -> None:
    # (the section rule reads only a unit label's value: 科 in running text names nobody)
    doc, rec = record_of_text(HEAD + "项目名称：大气污染防治资金\n本项目由大气环境科负责实施。\n")
    assert rec.evaluated_unit is None
