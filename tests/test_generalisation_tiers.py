"""Level-1 (tier) scores (issue 8): the shapes reports print them in, measured on the development
set's dev half and on short genre probes, each with a near miss that must give no tier.

Places, programmes and numbers are varied from the excerpts'.  Every tier keeps its evidence:
``span`` over the words and numbers it was read from.
"""

from __future__ import annotations

from excerpt_records import record_of_text


TITLE = "儋州市某局2022年度部门整体支出绩效评价报告\n"


def tiers(text: str) -> list[tuple[str, float | None, float | None]]:
    doc, r = record_of_text(TITLE + text)
    out = []
    for i in r.indicators:
        if i.level != 1:
            continue
        s, e = i.span
        assert str(i.score).rstrip("0").rstrip(".") in doc.text[s:e].replace(" ", ""), (i, doc.text[s:e])
        out.append((i.name, i.weight, i.score))
    return out


def test_a_tier_row_of_a_web_table_that_lost_its_header() -> None:
    # A results table whose header row came out garbled: each tier, its weight, its score, its grade.
    text = "绩效评价结果\n绩效等级 | |||\n投入 | 15.00 | 14.00 | 优 |\n产出 | 20.00 | 18.00 | 优 |\n效果\t10\t9\t90%\n"
    assert tiers(text) == [("投入", 15, 14), ("产出", 20, 18), ("效果", 10, 9)]
    # near misses: a self-evaluation table's row names a second-level indicator after the tier, and a
    # target beside its actual value is no weight and score
    assert tiers("产出指标 | 数量指标 | 受益人数 | 500 | 500 | 10 | 10 |\n满意度 | 90% | 95% |\n") == []


def test_a_weighted_criteria_table_gives_tiers_total_and_a_check_per_row() -> None:
    # A loan project's results notice: criteria, weight, score out of 100, weighted score, glued
    # together as the web page printed the table (traditional characters and all).
    text = (
        "評價準則權重(%)評價分值(百分制)加權平均得分績效等級相關性20%95.0019.00高度相關效率50%80.1040.05"
        "效率較高效果20%70.0014.00比較滿意可持續性10%90.009.00可持續項目績效100%/82.05實施順利。\n"
    )
    assert tiers(text) == [("相关性", 20, 19), ("效率", 50, 40.05), ("效果", 20, 14), ("可持续性", 10, 9)]
    doc, r = record_of_text(TITLE + text)
    assert r.score.total == 82.05 and "82.05" in doc.text[slice(*r.evidence["score.total"].span)]
    assert [c.ok for c in r.checks if c.rule == "weighted_score"] == [True] * 4
    # a weighted score that is not weight × score is named with both numbers
    _doc, r = record_of_text(TITLE + "评价准则 | 权重 | 评价分值 | 加权得分 |\n相关性 | 20% | 95.00 | 18.00 |\n")
    assert [c.detail.split(" (")[0] for c in r.checks if not c.ok] == ["相关性: 20% × 95 = 19, stated 18"]
    # near misses: weights without a weighted score, and glued numbers that no cut makes weight × score
    assert tiers("评价准则权重(%)评价分值\n相关性20%95.00\n") == []
    assert tiers("评价准则权重(%)加权得分\n相关性20%95.0017.5\n") == []


def test_tier_sentences_with_the_weight_in_brackets_or_in_the_clause_after_the_tier() -> None:
    # Shapes of results sentences (genre probes): the weight bracketed right after the tier, the
    # score right after it; the tier named, its weight and score in the clauses after; full marks
    # said in words; the score first, its maximum bracketed after.
    assert tiers("决策（20分）18分，过程（20分）17.5分，产出（40分）36分，效益（20分）19分。\n") == [
        ("决策", 20, 18),
        ("过程", 20, 17.5),
        ("产出", 40, 36),
        ("效益", 20, 19),
    ]
    assert tiers("在项目决策方面，满分20分，该项目得分18分；在项目过程方面，满分20分，得分17分。\n") == [
        ("决策", 20, 18),
        ("过程", 20, 17),
    ]
    assert tiers("决策指标满分20分，得满分；过程指标，权重20分，评价得分17分。\n") == [
        ("决策", 20, 20),
        ("过程", 20, 17),
    ]
    assert tiers("决策指标18分（满分20分），过程指标17分（满分20分）。\n") == [("决策", 20, 18), ("过程", 20, 17)]
    # near misses: a tier's weight before its second-level indicators' numbers, a sub-indicator's
    # maximum and score after the tier's name, and a list of weights
    assert tiers("产出指标（50分）1、数量指标：完成道路硬化12公里。\n") == []
    assert tiers("在项目决策方面，其中立项依据满分5分，得分5分。\n") == []
    assert tiers("指标分值设置为：决策20分，过程20分，产出40分，效益20分。\n") == []


def test_tier_scores_that_do_not_add_up_to_the_total_are_left_out_with_a_warning() -> None:
    text = "四、评价结论\n综合得分91分，其中决策指标得分18分，过程指标得分17分，产出指标得分36分，效益指标得分19分。\n"
    doc, r = record_of_text(TITLE + text)
    assert [i for i in r.indicators if i.level == 1] == []
    assert any(w.startswith("tier_scores: 决策18 + 过程17 + 产出36 + 效益19 = 90, total 91") for w in r.warnings)
    # the failed check still names both numbers, over the words they were read from
    bad = [c for c in r.checks if not c.ok]
    assert [c.detail for c in bad] == ["一级指标: 18 + 17 + 36 + 19 = 90, stated total 91"]
    assert "决策指标得分18分" in doc.text[bad[0].span[0] : bad[0].span[1]]
    # near misses: the same tiers adding up are kept; three of the four say nothing about the total
    _doc, r = record_of_text(TITLE + text.replace("91分", "90分"))
    assert [i.score for i in r.indicators if i.level == 1] == [18, 17, 36, 19] and not r.warnings
    _doc, r = record_of_text(TITLE + text.replace("，效益指标得分19分", ""))
    assert [i.score for i in r.indicators if i.level == 1] == [18, 17, 36]


def test_a_tier_table_printed_sideways_and_one_printed_on_one_line() -> None:
    # the tiers across the header, weights and scores in the rows under them (bars or tabs)
    text = "评价结果\n一级指标 | 决策 | 过程 | 产出 | 效益 | 合计 |\n分值 | 20 | 20 | 40 | 20 | 100 |\n得分 | 18 | 17 | 36 | 19 | 90 |\n"
    assert tiers(text) == [("决策", 20, 18), ("过程", 20, 17), ("产出", 40, 36), ("效益", 20, 19)]
    doc, r = record_of_text(TITLE + text)
    assert r.score.total == 90 and doc.text[slice(*r.evidence["score.total"].span)] == "90"
    text = "指标\t投入\t过程\t产出\t效果\t总分\n得分\t14\t17\t36\t19\t86\n"
    assert tiers(text) == [("投入", None, 14), ("过程", None, 17), ("产出", None, 36), ("效果", None, 19)]
    assert record_of_text(TITLE + text)[1].score.total == 86  # the total column's, not the row's first score
    # a whole table flattened to one line
    assert tiers("一级指标 分值 得分 决策 20 18 过程 20 17 合计 40 35\n") == [("决策", 20, 18), ("过程", 20, 17)]
    # near misses: a row of scores under the tiers that is one cell short, and a row that is no score
    assert tiers("一级指标 | 决策 | 过程 | 产出 |\n得分 | 18 | 17 |\n") == []
    assert tiers("一级指标 | 决策 | 过程 | 产出 |\n指标数 | 3 | 5 | 8 |\n") == []


def test_a_tier_read_clause_by_clause_whatever_the_order_and_labels() -> None:
    # Shapes of the analysis sections (genre probes, issue 8): the section heading and its first
    # sentence on one line; the tier's bracketed weight, then words, then its score; the tier's
    # count of indicators and a deduction read past; 满分为…，本次评价得分为…; no 分 after the numbers.
    text = (
        "（一）项目决策情况 该指标满分20分，得分19分。立项符合规定。\n（二）项目过程情况 该指标满分20分，得分18分。\n"
    )
    assert tiers(text) == [("决策", 20, 19), ("过程", 20, 18)]
    text = (
        "项目决策(20分)：该项目立项依据充分，绩效目标明确，得20分。\n项目过程(20分)：资金到位及时，管理规范，得18分。\n"
    )
    assert tiers(text) == [("决策", 20, 20), ("过程", 20, 18)]
    text = "决策类指标共3项，满分20分，扣1分，得19分；过程类指标共6项，满分20分，扣2分，得18分。\n"
    assert tiers(text) == [("决策", 20, 19), ("过程", 20, 18)]
    assert tiers("项目产出指标满分为40分，本次评价得分为37.5分；项目效益指标满分为20分，本次评价得分为19分。\n") == [
        ("产出", 40, 37.5),
        ("效益", 20, 19),
    ]
    assert tiers("项目决策满分20，得分18；项目过程满分20，得分17。\n") == [("决策", 20, 18), ("过程", 20, 17)]
    assert tiers("效益指标共计30分，得分28分。决策指标满分20分，实得18分。\n") == [("效益", 30, 28), ("决策", 20, 18)]
    # near misses: the score after a sub-item's words or after a measured value is the sub-item's;
    # a 其中 between the weight and the score; a tier word inside another word (实施过程中)
    assert tiers("项目决策(20分)：立项依据充分性得3分，立项程序规范性得3分。\n") == []
    assert tiers("效益指标：受益人数500人，得5分。\n") == []
    assert tiers("决策指标满分20分，其中立项依据5分，得分18分。\n") == []
    assert tiers("在项目实施过程中，满分20分，得分18分。\n") == []
    # (and a number spaced out digit by digit is no bare number: 满分2 0分 is not a weight of 2)
    assert tiers("决 策 指 标 满 分 2 0 分 ， 得 分 1 8 分 。\n") == []
    # nor after the score: the score stands, with no weight (not a weight of 2 that drops it)
    assert tiers("项目决策：实得18分，满分2 0分。\n") == [("决策", None, 18)]


def test_the_clause_reader_takes_the_framework_names_of_the_one_list_of_tiers() -> None:
    # patterns/scores.yaml `tiers` is the one list of tier names; the clause reader takes all but
    # `tier_clause.not_names`: a department framework's tiers (运行成本, 管理效率) head a clause ...
    text = "运行成本类指标共3项，满分15分，扣1分，得14分；管理效率类指标共4项，满分25分，扣2分，得23分。\n"
    assert tiers(text) == [("运行成本", 15, 14), ("管理效率", 25, 23)]
    assert tiers("项目绩效类指标共3项，满分15分，扣1分，得14分。\n") == [("项目绩效", 15, 14)]
    # near misses: a name of the list outside the frameworks (预算执行, a form's row) heads no clause,
    # and 项目绩效自评 is the project's own evaluation, not its 项目绩效 tier
    assert tiers("预算执行类指标共3项，满分15分，扣1分，得14分。\n") == []
    assert tiers("项目绩效自评，满分100分，得分95分。\n") == []


def test_a_tier_section_is_read_up_to_its_first_sub_item() -> None:
    # 1.项目决策（20分） heading the section, then its sub-items each with its own weight and score:
    # the first score in the section is a sub-item's, no tier score (it was read as 决策 3 of 20)
    text = "1.项目决策（20分）\n（1）立项依据充分性（3分）：得3分。\n（2）立项程序规范性（3分）：得3分。\n"
    assert tiers(text) == []
    # near miss: the section's own score before its sub-items is the tier's
    text = "1.项目决策（20分）\n该部分得分18分。\n（1）立项依据充分性（3分）：得3分。\n"
    assert tiers(text) == [("决策", 20, 18)]


def test_a_tier_score_rate_is_no_total() -> None:
    # 决策指标得分19分，得分率95%: the tier's rate; with no total stated, the record has none
    doc, r = record_of_text(TITLE + "项目决策类指标得分19分，得分率95%。\n")
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [("决策", 19)]
    assert r.score is None or r.score.total is None
    # near miss: the report's own rate, in a sentence of its own, still gives the total
    doc, r = record_of_text(TITLE + "项目决策类指标得分19分。项目综合得分率为91%。\n")
    assert r.score is not None and r.score.total == 91


def test_a_framework_s_tiers_whose_weights_do_not_make_100_are_flagged() -> None:
    # 决策/过程/产出/效益 stated with weights that add up to 110: the weights are checked against the
    # maximum (they were taken as a whole only when they made 100, so the error was never named)
    text = (
        "四、评价结论\n综合得分90分。决策指标满分20分，得分18分；过程指标满分20分，得分17分；"
        "产出指标满分40分，得分36分；效益指标满分30分，得分19分。\n"
    )
    _doc, r = record_of_text(TITLE + text)
    assert [c.detail.split(" (")[0] for c in r.checks if c.rule == "weight_sum" and not c.ok] == [
        "一级指标 weights: 20 + 20 + 40 + 30 = 110, stated 100"
    ]
    # near misses: the same tiers weighted 20/20/40/20 pass; three tiers of the four say nothing
    _doc, r = record_of_text(TITLE + text.replace("满分30分", "满分20分"))
    assert [c.ok for c in r.checks if c.rule == "weight_sum"] == [True]
    _doc, r = record_of_text(TITLE + text.replace("效益指标满分30分，得分19分", "另有说明"))
    assert [c for c in r.checks if c.rule == "weight_sum"] == []


def test_a_tier_table_one_row_a_line_is_read_by_its_header_in_any_column_order() -> None:
    # A web page's score table flattened with bars: the header says which column is the score and
    # which the weight (得分 before 分值 here); the total row's score is the total
    text = "评价得分情况\n一级指标 | 得分 | 分值 |\n决策 | 18 | 20 |\n过程 | 17 | 20 |\n产出 | 36 | 40 |\n效益 | 19 | 20 |\n合计 | 90 | 100 |\n"
    assert tiers(text) == [("决策", 20, 18), ("过程", 20, 17), ("产出", 40, 36), ("效益", 20, 19)]
    doc, r = record_of_text(TITLE + text)
    assert r.score.total == 90 and "90" in doc.text[slice(*r.evidence["score.total"].span)]
    # a 序号 column before the tiers, tabs between the cells
    assert tiers("序号\t指标名称\t得分\t权重\n1\t投入\t14\t15\n2\t过程\t50\t55\n") == [
        ("投入", 15, 14),
        ("过程", 55, 50),
    ]
    # the tiers' column last: each tier's evidence still runs over its whole row (the tiers helper
    # asserts the score is inside it), and the total's over its name and score
    assert tiers("分值 | 得分 | 一级指标\n20 | 18 | 决策\n30 | 27 | 过程\n") == [("决策", 20, 18), ("过程", 30, 27)]
    doc, r = record_of_text(TITLE + "分值 | 得分 | 一级指标\n20 | 18 | 决策\n80 | 70 | 过程\n100 | 88 | 合计\n")
    assert doc.text[slice(*r.evidence["score.total"].span)] == "88 | 合计"
    # near misses: rows one cell short, and a row of words where the score should be
    assert tiers("一级指标 | 得分 | 分值 |\n决策 | 18 |\n过程 | 17 |\n") == []
    assert tiers("一级指标 | 得分 | 分值 |\n决策 | 较好 | 20 |\n过程 | 一般 | 20 |\n") == []


def test_the_total_row_of_some_tiers_is_no_total() -> None:
    # 合计 of two tiers (weight 40): their subtotal, not the report's score
    for text in (
        "一级指标 | 分值 | 得分 | 得分率 |\n决策 | 20 | 18 | 90% |\n过程 | 20 | 17 | 85% |\n合计 | 40 | 35 | |\n",
        "指标名称\t分值\t得分\t得分率\n决策\t20分\t18分\t90%\n过程\t20分\t17分\t85%\n合计\t40分\t35分\n",
    ):
        _doc, r = record_of_text(TITLE + text)
        assert r.score is None or r.score.total is None
    # near miss: the total row of the whole (weight 100) is the total
    _doc, r = record_of_text(TITLE + "指标名称\t分值\t得分\n决策\t20分\t18分\n过程\t80分\t70分\n合计\t100分\t88分\n")
    assert r.score.total == 88


def test_a_list_of_tiers_each_with_a_bare_number_is_read_as_scores_only_when_the_sentence_says_so() -> None:
    # The tiers listed with their scores and no score word: the total after them is their sum, or
    # they are a framework's complete set adding up to less than 100
    text = "决策：18分；过程：17分；产出：36分；效益：19分；总分：90分。\n"
    assert tiers(text) == [("决策", None, 18), ("过程", None, 17), ("产出", None, 36), ("效益", None, 19)]
    text = "其中，投入指标14分，过程指标50分，产出指标9分，效果指标15分。\n"
    assert tiers(text) == [("投入", None, 14), ("过程", None, 50), ("产出", None, 9), ("效果", None, 15)]
    # near misses: the weights of the framework (they make 100), weights named as such, and a
    # total that is not the sum of the numbers before it
    assert tiers("决策20分，过程20分，产出40分，效益20分。\n") == []
    assert tiers("指标分值设置为：决策20分，过程20分，产出30分，效益20分。\n") == []
    assert tiers("决策：18分；过程：17分；总分：90分。\n") == []
    # a framework's complete set whose total is not their sum: read, checked, the failure named
    _doc, r = record_of_text(TITLE + "四、评价结论\n决策：18分；过程：17分；产出：36分；效益：19分；总分：91分。\n")
    assert [c.detail.split(" (")[0] for c in r.checks if not c.ok] == [
        "一级指标: 18 + 17 + 36 + 19 = 90, stated total 91"
    ]


def test_a_budget_execution_score_is_the_weight_times_the_rate_its_column_names() -> None:
    # A 自评表's budget block whose score column states its formula (得分 (20分*执行率)): the score
    # printed must be 20 × the rate printed (20 × 10.77% = 2.154, printed 2.16, is flagged)
    head = "项目名称 | 某县化肥减量增效项目 |\n预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
    _doc, r = record_of_text(TITLE + head + "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.16 |\n")
    bad = [c.detail.split(" (")[0] for c in r.checks if c.rule == "budget_score" and not c.ok]
    assert bad == ["年度财政资金总额 得分: 20 × 10.77% = 2.154, stated 2.16"]
    # near misses: the score rounded right passes; a score column without a formula says nothing
    _doc, r = record_of_text(TITLE + head + "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.15 |\n")
    assert [c.ok for c in r.checks if c.rule == "budget_score"] == [True]
    plain = head.replace("得分 (20分*执行率)", "得分")
    _doc, r = record_of_text(TITLE + plain + "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 2.16 |\n")
    assert [c for c in r.checks if c.rule == "budget_score"] == []
    # a spent column named 预算执行数 is the spending, not the budget (20 × 30 ÷ 30 = 20 would pass
    # the full weight whatever the rate)
    spent_named = head.replace("执行数(B)", "预算执行数(B)")
    _doc, r = record_of_text(TITLE + spent_named + "年度财政资金总额 | 278.4449 | 30.00 | 10.77% | 20 |\n")
    assert [c.ok for c in r.checks if c.rule == "budget_score"] == [False]


def test_a_budget_block_captioned_by_a_cell_wrapped_over_lines_is_a_tier() -> None:
    # 历城区 自评表 copied from a web page: the caption cell 项目预算执行情况(10分) wrapped over three
    # lines above the block's columns, and a last column 得分计算方法 (no number of its own)
    form = (
        "区级部门预算项目支出绩效自评表\n( 2019 年度)\n项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局\n"
        "项目预算\n执行情况\n(10分)\n"
        "  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法\n"
        "年度资金总额 45 45 10 100% {score} 执行率*该指标分值,最高不得超过分值上限。\n"
        "其中:财政拨款 45 45 - - -\n"
    )
    doc, r = record_of_text(form.format(score=10))
    got = [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]
    assert got == [("项目预算执行情况", 10, 10)]
    (t,) = [i for i in r.indicators if i.level == 1]
    assert doc.text[t.span[0] : t.span[1]].startswith("项目预算\n执行情况")
    # near misses: a score above the caption's weight is no tier's; a caption with other words
    # between it and the columns captions something else
    assert [i for i in record_of_text(form.format(score=12))[1].indicators if i.level == 1] == []
    other = form.format(score=10).replace("(10分)\n", "(10分)\n单位:万元 说明见附表\n")
    assert [i for i in record_of_text(other)[1].indicators if i.level == 1] == []


def test_tier_headings_carrying_their_maximum_and_score_in_brackets() -> None:
    # each analysis section's heading states its tier's maximum and what it got (实得): the
    # bracket holds both, so the heading still names a tier and the section's score is read
    text = (
        "（一）决策指标分析（满分20分，实得18分）\n立项依据充分。\n"
        "（二）过程指标分析（满分20分，实得17.5分）\n资金管理规范。\n"
        "（三）产出指标分析（满分30分，实得27分）\n任务全部完成。\n"
        "（四）效益指标分析（满分30分，实得26分）\n效益明显。\n"
    )
    doc, r = record_of_text(text)
    tiers = {(i.name, i.weight, i.score) for i in r.indicators if i.level == 1}
    assert tiers == {("决策", 20, 18), ("过程", 20, 17.5), ("产出", 30, 27), ("效益", 30, 26)}
    assert all("实得" in doc.text[i.span[0] : i.span[1]] for i in r.indicators if i.level == 1)


def test_a_coded_indicator_table_flattened_to_lines() -> None:
    # a coded system (A 决策, A1 项目立项, …): a one-letter code is a level-1 row, a letter and a
    # digit a lower level — B1 资金管理 is no tier although 资金管理 names one elsewhere
    text = (
        "A 决策 20 18\nA1 项目立项 6 6\nB 过程 20 17.5\nB1 资金管理 10 9\nC 产出 30 27\nD 效益 30 26\n合计 100 88.5\n"
    )
    doc, r = record_of_text(text)
    tiers = {(i.name, i.weight, i.score) for i in r.indicators if i.level == 1}
    assert tiers == {("决策", 20, 18), ("过程", 20, 17.5), ("产出", 30, 27), ("效益", 30, 26)}
    assert r.score.total == 88.5
