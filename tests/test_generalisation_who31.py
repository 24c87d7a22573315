"""Who evaluated and who was evaluated (issue 8, session 35, who31): shapes the dev half does not show.

A name hard-wrapped over two short lines — a signature's 湖南湘诚会计师 / 事务所有限公司, a cover's or a form's
value cut before its organ, a title printed in short lines — is read whole, never cut to its last line; a
line over a whole short name (太原日报 / 省林业和草原局) or a label over its value (主管部门 / XX局) joins
nothing. On short excerpts in the genre's shapes (``bench/genre_variants.py`` holds more).
"""

from __future__ import annotations

from excerpt_records import record_of_text

_REPORT = "澧县2022年度农村公路养护资金绩效评价报告\n"
_SELF = "澧县2022年度农村公路养护资金绩效自评报告\n"
_BODY = "一、基本情况\n农村公路养护资金用于全县农村公路日常养护，2022年预算500万元。\n"
_FIRM = "湖南湘诚会计师事务所有限公司"
_CENTRE = "澧县公路建设养护中心"


# ---------------------------------------------------------------- a name hard-wrapped over two lines
def test_a_signing_firm_wrapped_over_two_lines_is_read_whole() -> None:
    _doc, r = record_of_text(_REPORT + _BODY + "……\n湖南湘诚会计师\n事务所有限公司\n2023年5月12日\n")
    assert r.evaluator == _FIRM
    assert r.evaluation_mode == "third_party"


def test_a_labelled_signature_wrapped_over_two_lines() -> None:
    _doc, r = record_of_text(_REPORT + _BODY + "……\n评价机构：湖南湘诚会计师\n事务所有限公司\n2023年5月12日\n")
    assert r.evaluator == _FIRM


def test_a_cover_value_cut_before_its_organ() -> None:
    _doc, r = record_of_text(_REPORT + "评价机构：湖南湘诚会计师事务所有\n限公司\n" + _BODY)
    assert r.evaluator == _FIRM


def test_a_form_value_cut_inside_its_last_word() -> None:
    _doc, r = record_of_text(_SELF + "项目实施单位：澧县公路建设养\n护中心\n" + _BODY)
    assert r.evaluated_unit == r.evaluator == _CENTRE


def test_a_signing_unit_wrapped_over_two_lines() -> None:
    _doc, r = record_of_text(_SELF + "一、基本情况\n……\n澧县公路建设\n养护中心\n2023年3月15日\n")
    assert r.evaluated_unit == r.evaluator == _CENTRE
    assert r.evaluation_mode == "self"


def test_a_title_whose_unit_is_wrapped() -> None:
    _doc, r = record_of_text("澧县公路建设\n养护中心2022年度农村公路养护资金绩效自评报告\n" + _BODY)
    assert r.evaluated_unit == _CENTRE


# ---------------------------------------------------------------- lines that join nothing
def test_a_label_over_its_value_joins_nothing() -> None:
    _doc, r = record_of_text(_SELF + "主管部门\n澧县交通运输局\n实施单位\n" + _CENTRE + "\n")
    assert r.evaluated_unit == _CENTRE


def test_a_line_over_a_short_name_joins_nothing() -> None:
    from jixiao.extractor.record.context import Context
    from jixiao.extractor.record.orgs import orgs_in

    doc, _r = record_of_text("太原日报\n省林业和草原局对全省草原生态修复资金开展了绩效评价。\n")
    assert "省林业和草原局" in {o.name for o in orgs_in(Context(doc))}


def test_a_whole_name_over_its_office_joins_nothing() -> None:
    from jixiao.extractor.record.context import Context
    from jixiao.extractor.record.orgs import orgs_in

    doc, _r = record_of_text(_SELF + _BODY + "……\n澧县交通运输局\n办公室\n2023年3月15日\n")
    names = {o.name for o in orgs_in(Context(doc))}
    assert "澧县交通运输局" in names and "澧县交通运输局办公室" not in names


def test_a_masked_firm_stays_unnamed() -> None:
    _doc, r = record_of_text(_REPORT + "评价机构：***会计师事务所有限公司\n" + _BODY)
    assert r.evaluator is None


# ---------------------------------------------------------------- a firm named in the ways a report names it
def test_a_note_in_brackets_after_the_commissioned_firm() -> None:
    _doc, r = record_of_text(_REPORT + "澧县财政局委托" + _FIRM + "（第三方机构）开展绩效评价。\n")
    assert r.evaluator == _FIRM
    assert r.evaluation_mode == "third_party"


def test_a_firm_chosen_to_carry_the_work() -> None:
    _doc, r = record_of_text(_REPORT + "澧县财政局通过竞争性磋商选定" + _FIRM + "承担本次绩效评价工作。\n")
    assert r.evaluator == _FIRM


def test_the_evaluating_body_named_in_a_sentence_not_the_evaluated_one() -> None:
    _doc, r = record_of_text(_REPORT + "被评价单位为澧县交通运输局，评价机构为" + _FIRM + "。\n")
    assert r.evaluator == _FIRM
    assert r.evaluated_unit == "澧县交通运输局"


def test_the_body_that_issued_the_report_or_set_up_the_group() -> None:
    for sentence in ("本报告由" + _FIRM + "出具。", "评价工作组由" + _FIRM + "组建，对该项目开展了评价。"):
        _doc, r = record_of_text(_REPORT + sentence + "\n")
        assert r.evaluator == _FIRM, sentence


def test_a_group_word_glued_to_the_preposition_before_the_unit() -> None:
    # (jieba guesses 评价 / 组对 / 县…: the unit's name starts at its level word, not at 组对)
    _doc, r = record_of_text(
        "澧县财政局开展农村公路养护资金绩效评价\n近日，澧县财政局组织评价组对县交通运输局农村公路养护资金开展绩效评价。\n"
    )
    assert r.evaluated_unit == "县交通运输局"
    assert r.evaluator == "澧县财政局"
    assert r.evaluation_mode == "finance"


def test_a_real_flattened_cover_of_a_department_self_evaluation() -> None:
    # fashionfield.cn/zhuantifanwen/gongwenfanwen/47664.html (not in the devset): 部门名称:… 评价单位:…评价小组 on one line
    _doc, r = record_of_text(
        "部门整体支出绩效自评报告\n（2019年度）部门名称:十堰市城市管理执法委员会评价单位:十堰市城市管理执法委员会"
        "评价小组二〇二〇年三月\n一、部门概况\n"
    )
    assert r.evaluated_unit == r.evaluator == "十堰市城市管理执法委员会"
    assert r.evaluation_mode == "self"


# ---------------------------------------------------------------- the mode stated as such
def test_a_form_cell_or_a_sentence_stating_a_self_evaluation() -> None:
    for line in (
        "评价方式：单位自评\n",
        "本次评价为单位自评，评价组由局机关各股室人员组成。\n",
        "本次绩效评价采用自评方式进行。\n",
    ):
        _doc, r = record_of_text(_REPORT + line + _BODY)
        assert r.evaluation_mode == "self", line


def test_the_units_self_evaluations_a_finance_notice_reviews_are_not_its_mode() -> None:
    _doc, r = record_of_text(
        "澧县财政局关于2022年度重点绩效评价结果的通报\n各预算单位：\n在各单位自评的基础上，我局对农村公路养护资金开展了重点绩效评价。\n"
    )
    assert r.evaluation_mode == "finance"


# ---------------------------------------------------------------- a unit signing its own report; 评价对象 on a cover
_BUREAU = "澧县交通运输局"


def test_a_unit_signing_the_report_its_title_opens_with_evaluated_itself() -> None:
    _doc, r = record_of_text(
        _BUREAU
        + "2022年度农村公路养护资金项目绩效评价报告\n一、项目基本情况\n……\n六、评价结论\n经评价，本项目得分92分。\n"
        + _BUREAU
        + "\n2023年3月20日\n"
    )
    assert r.evaluation_mode == "self"
    assert r.evaluator == r.evaluated_unit == _BUREAU


def test_a_cover_cell_naming_the_unit_is_no_signature() -> None:
    # (devset: yunnan-dongchuan-2020-urban-management-bureau-department-report-cover — 项目单位:XX局 on the cover,
    # nothing saying who evaluated: mode and evaluator stay null)
    _doc, r = record_of_text(
        _BUREAU + "2022年度部门整体支出绩效评价报告\n项目单位:" + _BUREAU + "\n报告日期:2023年5月\n"
    )
    assert r.evaluation_mode is None and r.evaluator is None


def test_a_report_the_unit_does_not_sign_is_not_its_own() -> None:
    _doc, r = record_of_text(
        _BUREAU + "2022年度农村公路养护资金项目绩效评价报告\n一、项目基本情况\n……\n" + _FIRM + "\n2023年5月12日\n"
    )
    assert r.evaluation_mode == "third_party" and r.evaluator == _FIRM


def test_a_department_alone_as_the_covers_evaluation_object() -> None:
    _doc, r = record_of_text(
        "澧县2022年度部门整体支出绩效评价报告\n评价对象：" + _BUREAU + "\n评价机构：" + _FIRM + "\n"
    )
    assert r.evaluated_unit == _BUREAU
    assert r.evaluator == _FIRM


def test_a_news_lead_opening_with_a_time_word() -> None:
    _doc, r = record_of_text(
        "县财政局扎实开展重点绩效评价\n今年以来，县财政局聚焦民生领域，对农村公路养护资金开展了重点绩效评价。\n"
    )
    assert r.evaluator == "县财政局"
    assert r.evaluation_mode == "finance"
