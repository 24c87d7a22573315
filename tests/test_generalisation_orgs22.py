"""Who evaluated and which unit (issue 8, session 27, orgs22): joint evaluators (devset ruling 21) —
bodies named as doing the evaluation together (A、B对…, A和B组织…, A会同B…, two issuers of a cited
notice printed apart by a space) are all the evaluator, in the order printed, joined with 、; a place
printed once before the first stays as printed — on short excerpts in the genre's shapes
(bench/genre_variants.py, UNITS).
"""

from __future__ import annotations

from excerpt_records import evidence, record_of_text

CENTRE = "澧县公路建设养护中心"
FIRM = "湖南湘诚会计师事务所有限公司"
REPORT = "澧县2022年度农村公路养护资金绩效评价报告\n"
NOTICE = "关于2022年度农村公路养护资金绩效评价情况的通报\n"


def test_bodies_joined_by_a_comma_of_enumeration_are_one_joint_evaluator() -> None:
    doc, r = record_of_text(
        REPORT + "澧县财政局、澧县交通运输局对" + CENTRE + "2022年度农村公路养护资金开展了绩效评价。\n"
    )
    assert r.evaluator == "澧县财政局、澧县交通运输局"
    assert r.evaluation_mode == "finance"  # (a finance body among them, evaluating another unit's spending)
    assert r.evaluated_unit == CENTRE
    assert evidence(doc, r, "evaluator") == "澧县财政局、澧县交通运输局"


def test_a_place_printed_once_for_two_departments_stays_as_printed() -> None:
    # (a regional news item: 自治区财政厅、水利厅组织考核组对…进行了绩效考评)
    text = (
        NOTICE + "2023年5月，自治区财政厅、水利厅组织考核组对全区小型农田水利重点县2022年度建设项目进行了绩效考评。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "自治区财政厅、水利厅"


def test_bodies_joined_by_he_or_huitong_are_joined_with_the_comma() -> None:
    _doc, r = record_of_text(
        NOTICE + "湖南省财政厅和湖南省交通运输厅组织专家组，对全省2022年度农村公路养护资金进行了绩效评价。\n"
    )
    assert r.evaluator == "湖南省财政厅、湖南省交通运输厅"
    _doc, r = record_of_text(
        NOTICE + "澧县财政局会同澧县交通运输局对" + CENTRE + "2022年度农村公路养护资金开展了重点绩效评价。\n"
    )
    assert r.evaluator == "澧县财政局、澧县交通运输局"


def test_two_issuers_of_a_cited_notice_printed_apart_by_a_space_are_two_names() -> None:
    text = "《湖南省交通运输厅 湖南省财政厅关于2022年度农村公路养护资金绩效评价结果的通知》显示，我县获评优秀等次。\n"
    _doc, r = record_of_text(text)
    assert r.evaluator == "湖南省交通运输厅、湖南省财政厅"


def test_a_list_of_commissioning_bodies_is_no_joint_evaluator() -> None:
    text = (
        REPORT
        + "受澧县财政局、澧县交通运输局委托，"
        + FIRM
        + "对"
        + CENTRE
        + "2022年度农村公路养护资金开展了绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == FIRM
    assert r.evaluation_mode == "third_party"


def test_a_body_named_alone_is_no_joint_evaluator() -> None:
    # (the list after what it did is not its partners: 县财政局对县交通局、县水利局的资金开展了评价)
    text = REPORT + "澧县财政局对澧县交通运输局、澧县水利局2022年度专项资金开展了重点绩效评价。\n"
    _doc, r = record_of_text(text)
    assert r.evaluator == "澧县财政局"


SELF_TITLE = "澧县2022年度农村公路养护资金绩效自评报告\n"


def test_the_body_a_writer_reports_to_is_not_the_writer_of_its_pronoun() -> None:
    # (a provincial bureau's letter, 我局 throughout, naming the body it files with: 上报省移民局备案 in a
    # county's procedure — ruling 3: a document speaking only as 我局 names no unit)
    text = (
        SELF_TITLE
        + "我局对2022年度农村公路养护资金开展了绩效自评。项目计划经县人民政府审定后上报常德市交通运输局备案。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None and r.evaluator is None


def test_a_kind_of_body_without_a_place_names_no_writer() -> None:
    _doc, r = record_of_text(
        "2022年度免费开放资金绩效自评报告\n我馆对2022年度免费开放资金开展了绩效自评。博物馆全年接待观众12万人次。\n"
    )
    assert r.evaluated_unit is None and r.evaluator is None


def test_the_one_body_of_its_kind_named_with_its_place_is_the_writer() -> None:
    text = "2022年度免费开放资金绩效自评报告\n一、基本情况\n澧县博物馆现有在编人员12人。我馆对2022年度免费开放资金开展了绩效自评。\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "澧县博物馆"


def test_a_body_publishing_its_own_self_evaluation_report_evaluated() -> None:
    # (a news item: 近日,江西省住房和城乡建设厅发布《2022年省级城市建设专项资金绩效自评报告》)
    text = "县交通运输局公开农村公路养护资金绩效自评结果\n近日，澧县交通运输局发布《2022年度农村公路养护资金绩效自评报告》，自评得分92分。\n"
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluator == "澧县交通运输局"
    assert evidence(doc, r, "evaluator") == "澧县交通运输局"
    # (publishing a report of another kind names nobody by that alone: the rule wants 自评 in the title cited)
    _doc, r = record_of_text(text.replace("绩效自评报告", "重点绩效评价报告").replace("，自评得分92分", ""))
    assert r.evaluator is None


def test_a_federation_named_in_its_title_writing_of_itself_as_wohui_evaluated_itself() -> None:
    # (南縣婦女聯合會2021年度項目支出績效評價報告 / …綜合評價我會財政預算資金的使用和管理情況)
    text = "澧县妇女联合会2022年度项目支出绩效评价报告\n一、基本情况\n本次绩效评价的目的是全面分析我会财政预算资金的使用和管理情况。\n"
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == "澧县妇女联合会"
    # (我会同: "I, together with", no body's pronoun)
    _doc, r = record_of_text(
        text.replace("全面分析我会财政预算资金", "由澧县财政局牵头，我会同有关单位分析财政预算资金")
    )
    assert r.evaluation_mode is None


def test_ministries_are_bodies_that_evaluate() -> None:
    # (a provincial news item on a central evaluation: the State Council's ministries have no place in
    # their names — 财政部, 水利部 — and were not recognised as organisations at all)
    doc, r = record_of_text("2022年，财政部、水利部对我省水利发展资金开展了绩效评价，我省评价结果为优秀。\n")
    assert r.evaluator == "财政部、水利部"
    assert r.evaluation_mode == "finance"
    assert evidence(doc, r, "evaluator") == "财政部、水利部"
    # a ministry's notice cited as the reason for a self-evaluation does not evaluate
    doc, r = record_of_text(
        "澧县交通运输局2022年度农村公路养护资金绩效自评报告\n"
        "根据《财政部关于开展2022年度项目支出绩效自评工作的通知》要求，我局对农村公路养护资金开展了绩效自评。\n"
    )
    assert r.evaluator == "澧县交通运输局"
    assert r.evaluation_mode == "self"
