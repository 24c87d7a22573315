"""The unit evaluated (issue 8, session 33, unit29): a town's own report whose title opens with the town's name
printed without an organ word (三堂街镇2021年度…, the writer speaking as 我镇) names the town as its unit and, a
self-evaluation, as its evaluator (devset ruling 7). On dev-half items of the development set and on short
excerpts in the genre's shapes.
"""

from __future__ import annotations


from devset_compare import _key
from excerpt_records import dev_document, record_of_text


# ---------------------------------------------------------------- a town's own report
def test_a_town_named_at_the_head_of_its_own_report_is_the_unit() -> None:
    _doc, r, expected = dev_document("hunan-santangjie-2021-village-management-fee-evaluation-report")
    assert _key(r.evaluated_unit) == _key(expected["evaluated_unit"]) == _key("三堂街镇")
    assert r.evaluator == r.evaluated_unit
    assert r.evaluation_mode == "self"


def test_a_town_report_in_the_genre_shape() -> None:
    _doc, r = record_of_text(
        "石门乡2022年度道路养护资金绩效自评报告\n一、项目概况\n石门乡地处山区，我乡2022年道路养护资金共计52万元，"
        "用于乡村道路日常养护。\n二、绩效目标完成情况\n全年完成道路养护42公里。\n"
    )
    assert r.evaluated_unit == "石门乡"


def test_a_town_named_in_the_title_without_its_writer_is_no_unit() -> None:
    # (a project sited in a town, the writer not speaking as the town: ruling 7 leaves it aside)
    _doc, r = record_of_text(
        "石门乡2022年度道路养护项目绩效评价报告\n一、项目概况\n该项目2022年安排资金52万元，用于乡村道路日常养护。\n"
    )
    assert r.evaluated_unit != "石门乡"


# ---------------------------------------------------------------- a street's or town's office in full
def test_a_street_named_short_is_its_office_printed_in_full() -> None:
    # 项目单位:塘桥街道 党政办… beside 主管部门:塘桥街道办事处: the street's office, in full
    _doc, r, expected = dev_document("shanghai-pudong-tangqiao-2018-residential-renovation-third-party-cover-doc-site")
    assert _key(r.evaluated_unit) == _key(expected["evaluated_unit"]) == _key("塘桥街道办事处")
