"""A learned society commissioned to evaluate (湖北省卫生经济学会, XX市财政科学研究会): an organisation like a
firm or an association, so the evaluator and a third party's mode (issue 8; left open by session 35's
helpers). A meeting (专题研究会议) is no organisation."""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

TITLE = "2021年度城乡居民基本医疗保险补助资金绩效评价报告\n"


@pytest.mark.parametrize(
    ("sentence", "society"),
    [
        ("受荆州市财政局委托，湖北省卫生经济学会对该项目开展了绩效评价。", "湖北省卫生经济学会"),
        ("受荆州市财政局委托，荆州市财政科学研究会组织专家组对该项目开展了绩效评价。", "荆州市财政科学研究会"),
        ("荆州市财政局委托湖北省卫生经济学会对该项目开展绩效评价。", "湖北省卫生经济学会"),
    ],
)
def test_a_commissioned_society_is_the_third_party_evaluator(sentence: str, society: str) -> None:
    doc, record = record_of_text(TITLE + sentence + "\n")
    assert record.evaluator == society
    assert record.evaluation_mode == "third_party"
    assert society in evidence(doc, record, "evaluator")
    assert record.jurisdiction.adcode == "421000"  # the commissioning bureau's place, not the society's


def test_a_meeting_is_no_organisation() -> None:
    _doc, record = record_of_text(TITLE + "局党组召开专题研究会议，部署绩效自评工作。\n")
    assert record.evaluator is None
