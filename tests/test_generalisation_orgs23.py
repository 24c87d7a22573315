"""Who evaluated and which unit (issue 8, session 28, orgs23): the writer printed as a block — alone on a
line over a date line of its own — on a long report's cover or above its annexes; a unit opening its basic
situation with its duties (XX中心主要职能是…); a line department's 绩效考核 of the places under it (it
evaluated others: no self-evaluation by its name) — on short excerpts in the genre's shapes
(bench/genre_variants.py, UNITS and MODES).
"""

from __future__ import annotations

from excerpt_records import evidence, record_of_text

BUREAU = "澧县交通运输局"
CENTRE = "澧县公路建设养护中心"
SELF = "2022年度农村公路养护资金项目支出绩效自评报告\n"
# (a body long enough that the cover is not among the last lines, nor the signature among them when annexes follow)
BODY = "".join(
    f"（{i}）本年度完成农村公路养护里程{100 + i}公里，养护质量稳步提升，群众满意度较高。\n" for i in range(1, 30)
)


def test_a_cover_prints_the_unit_alone_over_its_date_line() -> None:
    doc, r = record_of_text(SELF + "\n" + CENTRE + "\n二〇二三年三月\n一、基本情况\n" + BODY)
    assert (r.evaluated_unit, r.evaluator) == (CENTRE, CENTRE)
    assert evidence(doc, r, "evaluated_unit") == CENTRE


def test_a_signature_block_above_the_annexes_names_the_writer() -> None:
    text = SELF + "一、基本情况\n" + BODY + "\n" + CENTRE + "（盖章）\n2023年3月15日\n附件1\n" + BODY[:400]
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (CENTRE, CENTRE)


def test_a_name_over_a_line_that_is_not_a_date_alone_signs_nothing() -> None:
    # (the bureau heads a paragraph: the next line says more than a date)
    text = SELF + "一、基本情况\n" + BODY + "\n" + BUREAU + "\n2023年3月15日召开了专题会议\n附件1\n" + BODY[:400]
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None


def test_a_unit_opening_its_basic_situation_with_its_duties() -> None:
    _doc, r = record_of_text(SELF + "一、基本情况\n" + CENTRE + "主要职能是负责全县农村公路的日常养护和管理。\n" + BODY)
    assert (r.evaluated_unit, r.evaluator) == (CENTRE, CENTRE)


def test_a_departments_performance_assessment_of_the_places_under_it() -> None:
    doc, r = record_of_text("近日，澧县农业农村局对全县各乡镇2022年度耕地地力保护补贴发放情况开展了绩效考核。\n")
    assert r.evaluator == "澧县农业农村局"
    assert r.evaluation_mode is None  # (it rates others: no self-evaluation of its own spending)
    assert r.evaluated_unit is None
    assert evidence(doc, r, "evaluator") == "澧县农业农村局"


def test_an_assessment_method_is_no_assessment() -> None:
    _doc, r = record_of_text("澧县农业农村局对全县各乡镇耕地地力保护补贴组织制定了绩效考核办法。\n")
    assert r.evaluator is None


VISIT = "澧县第一中学迎来学生资助资金绩效评价\n"


def test_bodies_that_came_to_evaluate_are_the_evaluator() -> None:
    doc, r = record_of_text(VISIT + "5月10日，省财政厅、教育厅来我校开展2022年度学生资助资金绩效评价工作。\n")
    assert r.evaluator == "省财政厅、教育厅"  # (a bare organ named with the first: devset ruling 21)
    assert r.evaluation_mode == "finance"  # (a finance body among them, evaluating another's spending)
    assert evidence(doc, r, "evaluator") == "省财政厅、教育厅"
    _doc, r = record_of_text(
        VISIT + "5月10日，常德市教育局组织工作人员到澧县，对2022年度学生资助资金进行了绩效评价。\n"
    )
    assert r.evaluator == "常德市教育局"
    assert r.evaluation_mode is None  # (it came to evaluate others: no self-evaluation by its name)


def test_funds_arriving_are_no_visit() -> None:
    # (到位: the funds arrived; the bureau evaluated its own spending, said elsewhere)
    text = "澧县交通运输局到位资金500万元，全县开展了农村公路养护资金绩效评价。\n"
    _doc, r = record_of_text(text)
    assert r.evaluator is None


def test_an_evaluation_passed_or_received_names_its_evaluator() -> None:
    _doc, r = record_of_text(
        "澧县农村公路养护资金项目获好评\n近日，澧县2022年度农村公路养护资金项目顺利通过省财政厅重点绩效评价，并获得好评。\n"
    )
    assert r.evaluator == "省财政厅"
    doc, r = record_of_text(
        "澧县农村公路养护资金接受绩效评价\n5月中旬，澧县交通运输局接受了常德市财政局组织的农村公路养护资金绩效评价。\n"
    )
    assert (r.evaluated_unit, r.evaluator) == (BUREAU, "常德市财政局")
    assert evidence(doc, r, "evaluated_unit") == BUREAU
