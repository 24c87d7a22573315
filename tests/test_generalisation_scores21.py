"""Grades, a score over its weight, and sums stated without a list word (issue 8, session 26):
each behaviour on a short hand-written text in a shape the genre prints it in, with a near miss
that must not read.  (bench/genre_variants.py keeps more of these shapes; none is copied from the
development set.)
"""

from __future__ import annotations

from excerpt_records import evidence, record_of_text

from jixiao.extractor.readers.html import read_html
from jixiao.extractor.record import build_record


def stated_grade(text: str) -> object:
    _doc, r = record_of_text(text)
    return r.score.grade if r.score and r.score.grade_source == "stated" else None


def failed(doc: object, r: object) -> list[str]:
    out = []
    for c in r.checks:  # type: ignore[attr-defined]
        s, e = c.span
        assert doc.text[s:e], c  # type: ignore[attr-defined]
        if not c.ok:
            out.append(c.detail)
    return out


def test_a_grade_right_after_its_result_label_without_a_verb() -> None:
    assert stated_grade("本项目自评综合得分为86.5分，自评结果“良”。\n") == "良"
    assert stated_grade("通过自评，该项目自评得分95分，评价结果优秀。\n") == "优"
    # near misses: a one-character grade needs its quotes, a grade word needs its clause to end
    assert stated_grade("项目综合得分86.5分，评价结果良。\n") is None
    assert stated_grade("评价结果优秀率达到80%。\n") is None


def test_a_grade_under_a_jibie_label() -> None:
    assert stated_grade("项目最终评分86.5分，绩效评价级别为良。\n") == "良"
    assert stated_grade("该项目绩效评价得分86.5分，绩效级别：良。\n") == "良"


def test_the_grade_cell_after_a_forms_labelled_total_row() -> None:
    form = (
        "项目支出绩效自评表\n一级指标 二级指标 三级指标 分值 得分\n产出指标 数量指标 养护里程 20 20\n总分 100 96 优\n"
    )
    doc, r = record_of_text(form)
    assert (r.score.total, r.score.grade, r.score.grade_source) == (96, "优", "stated")
    assert evidence(doc, r, "score.grade").endswith("优")
    assert stated_grade("合计 | 100 | 96 | 优秀 |\n") == "优"
    # near miss: a row that goes on after the grade word is no total row with its grade
    assert stated_grade("总分 100 96 优秀率高\n") is None


def test_a_score_stated_over_its_weight_is_flagged() -> None:
    doc, r = record_of_text("四、评价结论\n产出指标满分30分，得分32分。\n")
    (c,) = failed(doc, r)
    assert "32" in c and "30" in c
    # near misses: within the weight, a score rate, or another number between the two
    for ok in (
        "四、评价结论\n产出指标满分30分，得分28分。\n",
        "四、评价结论\n产出指标满分30分，得分率95%。\n",
        "四、评价结论\n产出指标满分30分，共12项指标，得分32分。\n",
    ):
        d, rr = record_of_text(ok)
        assert failed(d, rr) == []


def test_a_table_rows_score_over_its_weight_is_flagged() -> None:
    html = (
        "<p>评价指标得分情况</p><table>"
        "<tr><td>一级指标</td><td>二级指标</td><td>分值</td><td>得分</td></tr>"
        "<tr><td>产出</td><td>产出数量</td><td>10</td><td>12</td></tr>"
        "<tr><td>产出</td><td>产出质量</td><td>10</td><td>9</td></tr>"
        "</table>"
    )
    doc = read_html(html, "t.html")
    bad = failed(doc, build_record(doc))
    assert any(c.startswith("产出数量: score 12 over its weight 10") for c in bad), bad
    # a weight column in shares (权重 0.2) is no points: nothing to compare
    shares = html.replace("<td>分值</td>", "<td>权重</td>").replace("<td>10</td>", "<td>0.5</td>")
    doc = read_html(shares, "t.html")
    assert not any("over its weight" in c for c in failed(doc, build_record(doc)))


def total(text: str) -> object:
    _doc, r = record_of_text(text)
    return r.score.total if r.score else None


def test_a_total_after_a_colon_after_wei_or_its_maximum_in_brackets() -> None:
    assert total("经评价，该项目自评得分为：96分。\n") == 96
    assert total("该项目自评得分（满分100分）为96分。\n") == 96
    assert total("自评得分情况：96分\n") == 96
    # near miss: a tier's points are no total, whatever the colon
    assert total("决策指标得分为：18分。\n") is None


HEAD = "澧县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n"


def test_parts_then_a_total_clause_with_words_beside_its_total_word() -> None:
    text = HEAD + "中央资金300万元，省级资金150万元，县级资金60万元，共计下达资金500万元。\n"
    doc, r = record_of_text(text)
    (c,) = failed(doc, r)
    assert "300万元 + 150万元 + 60万元 = 510万元" in c and "500万元" in c
    right = text.replace("60万元", "50万元")
    doc, r = record_of_text(right)
    assert failed(doc, r) == [] and [c.ok for c in r.checks] == [True]
    # near miss: 累计支出 after the amounts allocated is another quantity, no total of them
    doc, r = record_of_text(HEAD + "中央资金300万元，省级资金150万元，累计支出资金480万元。\n")
    assert r.checks == []


def test_a_total_then_its_parts_in_the_next_sentence() -> None:
    text = HEAD + "2022年共下达资金500万元。中央资金300万元，省级资金150万元，县级资金60万元。\n"
    doc, r = record_of_text(text)
    (c,) = failed(doc, r)
    assert "= 510万元" in c and "500万元" in c
    doc, r = record_of_text(text.replace("60万元", "50万元"))
    assert failed(doc, r) == [] and [c.ok for c in r.checks] == [True]
    # near misses: amounts of other things after the total, or a total its words do not name
    doc, r = record_of_text(HEAD + "2022年共下达资金500万元。实际支出480万元，结余20万元。\n")
    assert r.checks == []
    doc, r = record_of_text(HEAD + "2022年下达资金500万元。中央资金300万元，省级资金150万元，县级资金60万元。\n")
    assert failed(doc, r) == []
