"""One test of whether a phrase stands inside a cited document's title (《…》), shared by the
organisation finders (a body that wrote a cited notice is no actor of this report) and the
programme finder (the writer's own naming of the programme over its name in a cited title)."""

from __future__ import annotations

from jixiao.extractor.record.phrases import in_citation

CITED = "根据《湖南省财政厅关于开展2022年度省级预算绩效自评工作的通知》要求，我局对项目开展了绩效自评。"


def test_a_body_named_inside_the_cited_notice_is_in_a_citation() -> None:
    at = CITED.index("湖南省财政厅")
    assert in_citation(CITED, at, reach=200)
    assert in_citation(CITED, at, closed_after=True)


def test_the_words_after_the_closing_mark_are_the_writers_own() -> None:
    at = CITED.index("我局")
    assert not in_citation(CITED, at, reach=200)
    assert not in_citation(CITED, at, closed_after=True)
    assert not in_citation("某县农业农村局2022年度项目绩效自评报告", 3)


def test_a_stray_opening_mark_far_back_hides_nothing_with_a_reach() -> None:
    # a 《 the converter kept without its 》, then a long paragraph and a body's own sentence
    text = "见《附件" + "，" * 300 + "临夏州退役军人事务局对项目开展了绩效评价。"
    at = text.index("临夏州")
    assert not in_citation(text, at, reach=200)
    assert in_citation(text, at)  # no reach, no closing mark asked for: the stray 《 still opens
    assert not in_citation(text, at, closed_after=True)


def test_a_programme_deep_in_a_long_cited_title_is_cited_without_a_reach() -> None:
    title = "《" + "关于下达" + "省级" * 110 + "2021年农村环境整治资金预算的通知》下达资金共计100万元。"
    at = title.index("2021年农村环境整治")
    assert at > 200
    assert in_citation(title, at, closed_after=True)
    assert not in_citation(title, at, reach=200)
