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
    assert pairs("综合得分\t98\t评价等级\t优\n") == [
        ("score.total", "综合得分", "98"),
        ("score.grade", "评价等级", "优"),
    ]
    # near miss: a label with nothing after its tab gives no pair
    assert pairs("项目名称\t\n") == []


def test_a_tabbed_results_row_gives_the_total_and_grade() -> None:
    _doc, r = record_of_text("评价结果\n综合得分\t98\t评价等级\t优\n")
    assert (r.score.total, r.score.grade) == (98, "优")
    _doc, r = record_of_text("项目名称\t城乡医疗救助资金\t主管部门\t县民政局\n")
    assert r.program == "城乡医疗救助资金"


def test_a_total_row_with_its_grade_label_after_it() -> None:
    head = "项目支出绩效自评表\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t养护里程\t20\t20\n"
    for row in ("总分\t100\t96\t自评等级\t优\n", "总分\t\t\t100\t96\t自评等级\t优\n"):
        _doc, r = record_of_text(head + row)
        assert (r.score.total, r.score.grade, r.score.grade_source) == (96, "优", "stated"), row
    _doc, r = record_of_text("总分\t100\t96\t优\n")
    assert (r.score.total, r.score.grade) == (96, "优")
    # near miss: a form's 总分 of 100 with no number after it is the score itself
    _doc, r = record_of_text("项目名称\t城乡医疗救助资金\n自评总分\t100\n")
    assert r.score.total == 100


def test_the_wholes_own_name_before_the_totals_score_is_no_tier() -> None:
    _doc, r = record_of_text("部门整体支出绩效自评报告\n……\n经自评，我单位整体绩效得分96分，自评等级为优。\n")
    assert r.score.total == 96 and [i for i in r.indicators if i.level == 1] == []
    _doc, r = record_of_text("经评价，该部门整体绩效得分96分，其中决策指标得分18分。\n")
    assert r.score.total == 96 and [(i.name, i.score) for i in r.indicators if i.level == 1] == [("决策", 18)]
    # near miss: weightless tiers whose scores are no total stay tiers
    _doc, r = record_of_text("决策指标得分18分，过程指标得分17.5分。\n")
    assert [i.score for i in r.indicators if i.level == 1] == [18, 17.5]


def test_a_flattened_tier_row_over_its_weight_is_kept_and_flagged() -> None:
    _doc, r = record_of_text("一级指标 分值 得分\n决策 20 18\n过程 20 17.5\n产出 30 32\n效益 30 26\n合计 100 93.5\n")
    assert [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1] == [
        ("决策", 20, 18),
        ("过程", 20, 17.5),
        ("产出", 30, 32),
        ("效益", 30, 26),
    ]
    assert any(c.rule == "score_over_weight" and not c.ok and "32" in c.detail for c in r.checks)
    _doc, r = record_of_text("A决策 20 18\nB过程 20 17.5\nC产出 30 31\nD效益 30 26\n")
    assert {i.score for i in r.indicators if i.level == 1} == {18, 17.5, 31, 26}
    # near miss: a score over 100 is no row's score
    _doc, r = record_of_text("A决策 20 18\nB过程 20 175\n")
    assert {i.score for i in r.indicators if i.level == 1} == {18}


def level1(text: str) -> dict[str, float]:
    _doc, r = record_of_text(text)
    return {i.name: i.score for i in r.indicators if i.level == 1}


def test_the_analysis_numbered_headings_are_its_tiers_whatever_their_names() -> None:
    text = (
        "四、评价指标分析\n（一）项目立项（20分）\n项目立项规范，该部分得分18分。\n（二）资金管理（20分）\n"
        "资金使用规范，该部分得分17分。\n（三）组织实施（20分）\n组织实施有序，该部分得分19分。\n"
        "（四）项目绩效（40分）\n项目效益明显，该部分得分36分。\n"
    )
    assert sorted(level1(text).values()) == [17, 18, 19, 36]
    # a section whose sub-items come first: its closing 本部分得分
    text = (
        "三、绩效分析\n（一）前期准备（15分）\n1.立项依据（5分）：依据充分，得5分。\n2.方案设计（10分）：方案较完善，得8分。\n"
        "本部分得分13分。\n（二）资金管理（25分）\n……本部分得分23分。\n（三）项目实施（30分）\n……本部分得分27分。\n"
        "（四）社会效益（30分）\n……本部分得分28分。\n"
    )
    assert sorted(level1(text).values()) == [13, 23, 27, 28]
    # near miss: a tier's sub-items (weights adding up to its own, not the whole) are no tiers
    assert (
        level1(
            "一、投入（14分）\n（一）项目立项（8分）：立项规范，得8分。\n（二）资金落实（6分）：资金到位，得6分。\n二、过程（43分）\n"
        )
        == {}
    )
