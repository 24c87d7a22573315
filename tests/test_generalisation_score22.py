"""Scores and tiers of issue 8, session 27 (score22): results rows flattened with tabs, a form's total
row with its grade after it, the whole's own name before its score, tier rows over their weight —
each on a short hand-written text in a shape the genre prints it in, with a near miss that must not
read.  (bench/genre_variants.py keeps more of these shapes; none is copied from the development set.)
"""

from __future__ import annotations

from excerpt_records import record_of_text

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record.context import Context
from jixiao.extractor.record.forms import form_pairs


def pairs(text: str) -> list[tuple[str, str, str]]:
    return [(p.field, p.label, p.value) for p in form_pairs(Context(read_text(text, "x.txt"))) if p.layout == "inline"]


def test_labels_and_values_in_turn_on_a_tabbed_line() -> None:
    # a form's row flattened with tabs: each label's value is the cell after its tab
    got = pairs("项目名称\t城乡医疗救助资金\t主管部门\t县民政局\t实施单位\t县医疗保障局\n")
    assert got == [
        ("program", "项目名称", "城乡医疗救助资金"),
        ("evaluated_unit", "主管部门", "县民政局"),
        ("evaluated_unit", "实施单位", "县医疗保障局"),
    ]
    assert pairs("综合得分\t98\t评价等级\t优\n") == [("score.total", "综合得分", "98"), ("score.grade", "评价等级", "优")]
    # near miss: a label with nothing after its tab gives no pair
    assert pairs("项目名称\t\n") == []


def test_a_tabbed_results_row_gives_the_total_and_grade() -> None:
    _doc, r = record_of_text("评价结果\n综合得分\t98\t评价等级\t优\n")
    assert (r.score.total, r.score.grade) == (98, "优")
    _doc, r = record_of_text("项目名称\t城乡医疗救助资金\t主管部门\t县民政局\n")
    assert r.program == "城乡医疗救助资金"
