"""Checks (issue 8, checks41): parts listed before their total (…、…，共26人) when a part carries a bracketed note
or the list's first part is set apart by another mark than the rest — on a real dev item and on short texts, right
(an agreement, never a failure) and wrong (the slip said).
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def _sums(record):  # type: ignore[no-untyped-def]
    return [(c.ok, c.detail) for c in record.checks if c.rule == "prose_sum"]


def test_a_part_with_a_bracketed_note_on_a_real_item() -> None:
    # hunan-yuanling: 实有编制12人,2016年末在职12人(含2005年撤区并乡3人)、退休14人,共26人 — the 3人 is a note on a part
    doc, r = devset_record("hunan-yuanling-2016-archives-bureau-project-performance-report")
    (c,) = [c for c in r.checks if c.rule == "prose_sum" and c.detail.startswith("total: 12人 + 14人")]
    assert c.ok and c.detail.startswith("total: 12人 + 14人 = 26人, stated 26人")
    assert doc.text[c.span[0] : c.span[1]].endswith("退休14人,共26人")


_NOTE = "2016年末在职12人（含借调3人）、退休14人，共{t}人。"


def test_a_bracketed_note_right_and_wrong() -> None:
    _doc, r = record_of_text(_NOTE.format(t=26))
    assert _sums(r) == [(True, "total: 12人 + 14人 = 26人, stated 26人")]
    _doc, r = record_of_text(_NOTE.format(t=27))
    assert _sums(r) == [(False, "total: 12人 + 14人 = 26人, stated 27人")]


# the dev item's list of spending (unknown-town distillery) with its first part set apart by ， not ；
_MIXED = "建厂房、酒窖及基础设施建设12.08万元，购买变压器一套18.8万元；购置电锅炉一台6.75万元；增设发酵池十二个3.2万元；共计{t}万元。"


def test_a_first_part_set_apart_by_another_mark_is_a_part_not_a_failure() -> None:
    _doc, r = record_of_text(_MIXED.format(t="40.83"))
    assert _sums(r) == [(True, "共计: 12.08万元 + 18.8万元 + 6.75万元 + 3.2万元 = 40.83万元, stated 40.83万元")]
    # wrong by a tenth and more of the run: where the list starts is not known, nothing is said
    _doc, r = record_of_text(_MIXED.format(t="41.83"))
    assert not [c for c in r.checks if not c.ok]


def test_a_whole_before_the_list_leaves_the_run_whole() -> None:
    text = (
        "项目总投资40.83万元，建厂房12.08万元；购买变压器18.8万元；购置电锅炉6.75万元；增设发酵池3.2万元；共计{t}万元。"
    )
    _doc, r = record_of_text(text.format(t="40.83"))
    assert all(c.ok for c in r.checks)
    _doc, r = record_of_text(text.format(t="41.83"))
    assert (False, "共计: 12.08万元 + 18.8万元 + 6.75万元 + 3.2万元 = 40.83万元, stated 41.83万元") in _sums(r)


def test_a_part_with_a_bracketed_note_in_an_enumeration_of_amounts() -> None:
    text = "即驻京工作组经费120万元(含租金20万元)、信访接待59万元、维稳经费40万元，共219万元。"
    _doc, r = record_of_text(text)
    assert _sums(r) == [(True, "total: 120万元 + 59万元 + 40万元 = 219万元, stated 219万元")]


# Scores: a total, then 其中 and each tier's score, then the grade after the last tier — built from dev wordings
# (shandong-linyi: 该项目绩效评价得分为84分,评价等级为“良”; zhejiang-haining: 本次评价综合得分为87.22分; the tiers' 产出指标
# 自评得分50分、效益指标自评得分30分 of a dev self-report).  The last tier's 22分，评价等次 is no total.
_TOTAL_THEN_TIERS = [
    "本次评价综合得分为87.22分，其中：项目决策得分18分，项目过程得分17.22分，项目产出得分30分，项目效益得分22分，"
    "评价等次为“良”。",
    "该项目评价得分为87.22分，其中决策类指标得分为18分，过程类指标得分为17.22分，产出类指标得分为30分，"
    "效益类指标得分为22分，评价等级为良。",
    "经评价，该项目总得分为87.22分，其中：投入得分18分、过程得分17.22分、产出得分30分、效果得分22分，"
    "绩效评价结果为“良”。",
]


def test_a_total_then_each_tier_then_the_grade_keeps_the_total() -> None:
    for sentence in _TOTAL_THEN_TIERS:
        doc, r = record_of_text("某县2022年农村公厕改造项目绩效评价报告\n四、评价结论\n" + sentence + "\n")
        assert (r.score.total, r.score.grade, r.score.grade_source) == (87.22, "良", "stated"), sentence
        assert [(i.name, i.score) for i in r.indicators if i.level == 1][-1][1] == 22
        assert all(c.ok for c in r.checks)
        ev = r.evidence["score.total"]
        assert "87.22" in doc.text[ev.span[0] : ev.span[1]]


# A results notice's row set one cell a line, its 序号 first (the header of dev items shanxi-yanggao / zhejiang-wencheng:
# 序号 | ⏎ 项目名称 | ⏎ 实施单位 | ⏎ … ⏎ 评价等级 |) — for one project the row's total and grade; for several, none.
_NOTICE = "某县财政局关于2022年度重点项目绩效评价结果的公告\n序号\n项目名称\n预算单位\n综合得分\n评价等次\n{rows}"
_ROW = "{n}\n{name}\n县农业农村局\n{score}\n{grade}\n"


def test_a_notice_row_one_cell_a_line_after_its_ordinal() -> None:
    one = _ROW.format(n=1, name="农村公厕改造项目", score="87.22", grade="良好")
    _doc, r = record_of_text(_NOTICE.format(rows=one))
    assert (r.score.total, r.score.grade, r.score.grade_source) == (87.22, "良", "stated")
    two = one + _ROW.format(n=2, name="乡村道路项目", score="91", grade="优秀")
    _doc, r = record_of_text(_NOTICE.format(rows=two))
    assert (r.score.total, r.score.grade) == (None, None)
