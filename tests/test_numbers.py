"""Number normalisation: units to base units, full-width digits, Chinese numerals."""

from __future__ import annotations

import pytest

from jixiao.extractor.record.numbers import iter_chinese_amounts, iter_quantities, parse_chinese_number, parse_number


@pytest.mark.parametrize(
    "raw, value, unit",
    [
        ("2,460.31万人", 24603100, "人"),
        ("119,455.42万元", 1194554200, "元"),
        ("1.2亿元", 120000000, "元"),
        ("88.06%", 0.8806, "%"),
        ("3‰", 0.003, "%"),
        ("１２，３５２份".replace("，", ","), 12352, "份"),
        ("９７分", 97, "分"),
        ("-1,680.12 万元", -16801200, "元"),
        ("1383.8386万元", 13838386, "元"),
        ("600.02万元", 6000200, "元"),
        ("12,352 份", 12352, "份"),
    ],
)
def test_parse_number_gives_base_units(raw: str, value: float, unit: str) -> None:
    q = parse_number(raw)
    assert q is not None
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_money_in_wan_is_exact_not_float_noise() -> None:
    # Decimal arithmetic: 119,455.42 × 10000 must be exactly 1194554200.
    assert parse_number("119,455.42万元").value == 1194554200
    assert isinstance(parse_number("119,455.42万元").value, int)


def test_chinese_numerals_via_cn2an() -> None:
    assert parse_chinese_number("自评分为九十七分").value == 97
    assert parse_chinese_number("综合得分九十二点五分").value == pytest.approx(92.5)
    q = parse_chinese_number("知晓率达到百分之八十八点零六")
    assert q.unit == "%" and q.value == pytest.approx(0.8806)


def test_quantities_keep_offsets_into_the_text() -> None:
    text = "共发放问卷 12,352 份，回收有效问卷 10,686 份，资金到位率 88.06%。"
    found = list(iter_quantities(text))
    assert [q.value for q in found if q.unit] == [12352, 10686, pytest.approx(0.8806)]
    for q in found:
        assert text[q.start : q.end].strip() == q.raw


def test_no_number_no_quantity() -> None:
    assert parse_number("无") is None
    assert parse_chinese_number("无数据") is None


def test_counts_with_dot_thousands_are_whole() -> None:
    # OCR (and some typesetting) prints 12,352 份 as 12.352份; a count is whole.
    assert parse_number("12.352份").value == 12352
    assert parse_number("1.234.567人").value == 1234567
    # Not for amounts with a magnitude or for money.
    assert parse_number("12.352万人").value == 123520
    assert parse_number("12.352万元").value == 123520


def test_amounts_in_chinese_numerals() -> None:
    # ordinary and financial numerals before 元, with their offsets
    text = "共安排资金叁佰万元整，其中县级配套一百二十万元，每户补助三千五百元。"
    found = [(int(v), text[s:e]) for v, s, e in iter_chinese_amounts(text)]
    assert found == [(3000000, "叁佰万元"), (1200000, "一百二十万元"), (3500, "三千五百元")]
    # near misses: no place (一元化), no 元 (三个方面, 两百余人)
    assert not list(iter_chinese_amounts("推进一元化管理，从三个方面，两百余人参加"))
