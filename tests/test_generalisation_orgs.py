"""Who evaluated and which unit was evaluated (issue 8): the shapes the development set's dev half
misses recur in, each on a short excerpt built from the words of a real report.

tests/devset/README.md rulings 3 (page metadata names nobody) and 4 (forms) say what the fields mean.
"""

from __future__ import annotations

from excerpt_records import record_of_text

from jixiao import patterns


def test_a_firm_after_a_place_is_the_firms_seat_not_the_place_evaluated() -> None:
    # the firm-name ending is data (patterns/metadata.yaml, firm_after_place), read by the jurisdiction
    assert "firm_after_place" in patterns.load("metadata.yaml")
    _doc, r = record_of_text("湖南财正会计师事务所接受委托,对农村公路养护资金开展了绩效评价。\n")
    assert r.jurisdiction.name is None  # 湖南 is where the firm sits
    _doc, r = record_of_text("湖南省财政厅委托立信会计师事务所,对农村公路养护资金开展了绩效评价。\n")
    assert r.jurisdiction.adcode == "430000"
