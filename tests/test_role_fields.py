"""The organisations' roles that stand for the unit evaluated and the evaluator by mode (``role_fields``
in patterns/metadata.yaml, read by extractor/record/metadata._by_role): the table and the code agree,
and the table's rows decide invented reports of the genre's common shapes."""

from __future__ import annotations

import pytest

from excerpt_records import record_of_text

from jixiao import patterns
from jixiao.extractor.record.metadata import _ROLE_CHOICES, _of_role


def test_every_role_and_choice_in_the_table_is_one_the_engine_knows() -> None:
    roles = {"evaluator", "evaluated_unit", "client", "signature", "issuer", "publisher"}
    roles |= {"self_named", "addressee", "filer", "commissioner", "writer"}  # writer: orgroles' acting body
    table = patterns.load("metadata.yaml")["role_fields"]
    assert "other" in table
    for fields in table.values():
        assert set(fields) <= {"evaluated_unit", "evaluator"}
        for entries in fields.values():
            for entry in entries:
                role, _, which = entry.partition(":")
                assert role in roles
                assert which in _ROLE_CHOICES


def test_an_unknown_choice_of_a_roles_bodies_is_an_error_not_all_of_them() -> None:
    with pytest.raises(ValueError, match="role_fields"):
        _of_role(None, [], "finanse", None, [])  # type: ignore[arg-type]


def test_a_finance_notice_addressed_to_the_unit_it_evaluated() -> None:
    # finance: the issuing bureau evaluated, the body it addresses was evaluated
    text = (
        "桃源县财政局关于2022年度农村饮水安全工程资金绩效评价结果的通知\n\n桃源县水利局：\n\n"
        "根据安排，我局对你局2022年度农村饮水安全工程资金开展了重点绩效评价，评价得分86分，等级为良。\n\n"
        "桃源县财政局\n2023年6月10日\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("finance", "桃源县水利局", "桃源县财政局")


def test_a_self_evaluation_signed_by_its_unit() -> None:
    # self: the signing unit is the unit evaluated and its own evaluator
    text = (
        "2022年度乡村道路养护资金绩效自评报告\n\n根据县财政局要求，我单位对2022年度乡村道路养护资金开展了绩效自评，"
        "自评得分92分。\n\n一、项目基本情况\n本项目主要用于乡村道路日常养护。\n\n安仁县交通运输局\n2023年3月1日\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("self", "安仁县交通运输局", "安仁县交通运输局")
