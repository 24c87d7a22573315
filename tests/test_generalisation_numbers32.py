"""A full-width comma typed as a thousands separator (1，234.56万元): an input method's comma between a
number's digit groups, read as the ASCII one — by the figures' one-for-one folding and by the matching
view alike — while a list of numbers set apart by the same comma stays a list (issue 8, point 4)."""

from __future__ import annotations

import pytest
from excerpt_records import record_of_text

from jixiao.extractor.normalize import fold_one_for_one, normalize_text
from jixiao.extractor.record.view import View

FUNDS = "一、项目基本情况\n2022年度，县财政安排农村公路养护资金{a}万元，实际支出{b}万元，惠及农户{c}户。\n"


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        ("1，234.56", "1，200.00", "3，256"),  # full-width commas, ASCII digits
        ("１，２３４．５６", "１，２００．００", "３，２５６"),  # all full-width, as an input method types them
        ("1,234.56", "1,200.00", "3,256"),  # the ASCII form reads the same
    ],
)
def test_thousands_with_a_full_width_comma_are_one_number(a: str, b: str, c: str) -> None:
    doc, record = record_of_text(FUNDS.format(a=a, b=b, c=c))
    figures = {f.name: (f.value, f.unit) for f in record.figures}
    assert figures == {
        "农村公路养护资金": (12345600, "元"),
        "实际支出": (12000000, "元"),
        "惠及农户": (3256, "户"),
    }
    for f in record.figures:  # the evidence is the words as printed, full-width comma and all
        assert f.span is not None and doc.text[f.span[0] : f.span[1]].endswith(("元", "户"))
    printed = {doc.text[f.span[0] : f.span[1]] for f in record.figures if f.span}
    assert any(normalize_text(a) in words for words in printed)  # (the text reader makes digits half-width)


def test_a_list_set_apart_by_full_width_commas_stays_a_list() -> None:
    # four tier scores in a row (18，19，38，18分) and a score of 100 after 95: no thousands
    _doc, record = record_of_text(
        "三、评价结论\n经评价，决策、过程、产出、效益四项指标得分分别为18，19，38，18分，总得分93分，等级为优。\n"
    )
    tiers = [(i.name, i.score) for i in record.indicators if i.level == 1]
    assert tiers == [("决策", 18), ("过程", 19), ("产出", 38), ("效益", 18)]
    assert record.score.total == 93
    for text in ("得分分别为95，100分", "2021，2022年", "共5，100，20个"):
        assert fold_one_for_one(text) == text  # unchanged: no number of thousands
        assert "，" in View.of(text).text


def test_the_view_keeps_offsets_one_for_one() -> None:
    text = "资金1，234.56万元"
    view = View.of(text, 100)
    assert view.text == "资金1,234.56万元"
    s, e = view.span(2, len(view.text))
    assert (s, e) == (102, 100 + len(text))
