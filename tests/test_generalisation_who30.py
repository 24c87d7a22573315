"""Who evaluated and who was evaluated (issue 8, session 34, who30): the issuer of a finance body's results
notice is its evaluator — named at the head of its headline without 关于, or on its letterhead over a document
number —, two issuers printed apart are both named, a finance body's centre keeps the fund words of its name
(省财政厅预算资金评审中心), a delegation's body is named however long its officials' titles run, and a finance
body is never the unit a finance evaluation evaluates. On dev-half items and on short excerpts in the genre's
shapes.
"""

from __future__ import annotations

from devset_compare import _key
from excerpt_records import dev_document, record_of_text

_RESULTS = "现将2022年度重点项目绩效评价结果公示如下：\n1.农村公路养护项目，得分85分，等级良。\n"


# ---------------------------------------------------------------- a finance body's centre, a delegation
def test_a_review_centre_keeps_the_fund_words_of_its_name() -> None:
    # 省财政厅预算资金评审中心统计评价处郭超处长带领省绩效评价组一行,到石泉县开展…绩效评价
    _doc, r, expected = dev_document(
        "shaanxi-shiquan-2019-2021-legal-aid-investment-promotion-provincial-key-evaluation-news"
    )
    assert _key(r.evaluator) == _key(expected["evaluator"]) == _key("省财政厅预算资金评审中心")
    assert r.evaluation_mode == "finance"


def test_a_review_centre_commissioned_by_its_finance_body() -> None:
    _doc, r = record_of_text(
        "2022年度农村公路养护项目绩效评价报告\n一、项目基本情况\n受省财政厅委托，省财政厅预算资金评审中心对农村公路"
        "养护项目开展了重点绩效评价。评价得分85分。\n"
    )
    assert r.evaluator == "省财政厅预算资金评审中心"
    assert r.evaluation_mode == "finance"


def test_fund_words_before_a_place_still_end_the_run() -> None:
    # (下达资金县教育局: the fund word stays a stop before a place)
    _doc, r = record_of_text(
        "2022年度学生资助项目绩效自评报告\n一、项目基本情况\n2022年市财政下达资金县教育局120万元，用于学生资助。\n"
        "二、自评结论\n经自评，得分92分。\n\n县教育局\n2023年3月15日\n"
    )
    assert r.evaluated_unit == "县教育局"


# ---------------------------------------------------------------- the issuer of a results notice
def test_a_finance_body_heading_its_results_notice_is_its_evaluator_not_the_unit() -> None:
    _doc, r = record_of_text("枞阳县财政局2022年度重点项目绩效评价结果公示\n" + _RESULTS)
    assert r.evaluator == "枞阳县财政局"
    assert r.evaluated_unit is None
    assert r.evaluation_mode == "finance"


def test_a_traditional_copy_of_the_same_headline() -> None:
    _doc, r = record_of_text(
        "樅陽縣財政局2022年度重點項目績效評價結果公示\n現將2022年度重點項目績效評價結果公示如下：得分85分。\n"
    )
    assert r.evaluator == "樅陽縣財政局"
    assert r.evaluated_unit is None


def test_a_finance_body_heading_a_meeting_is_no_issuer_of_results() -> None:
    _doc, r, expected = dev_document("shaanxi-unnamed-2023-finance-bureau-evaluation-committee-meeting-news")
    assert expected["evaluator"] is None and r.evaluator is None


def test_a_letterhead_over_its_document_number_issues_the_notice() -> None:
    _doc, r = record_of_text(
        "枞阳县财政局\n枞财绩〔2023〕5号\n关于2022年度重点绩效评价结果的通报\n各预算单位：\n"
        "现将2022年度重点绩效评价结果通报如下：农村公路养护项目85分。\n"
    )
    assert r.evaluator == "枞阳县财政局"
    assert r.evaluation_mode == "finance"


def test_two_issuers_printed_apart_in_the_headline_are_both_named() -> None:
    _doc, r = record_of_text(
        "枞阳县财政局 枞阳县交通运输局关于2022年度农村公路养护项目绩效评价结果的通报\n各乡镇：\n"
        "现将结果通报如下：得分85分。\n"
    )
    assert r.evaluator == "枞阳县财政局、枞阳县交通运输局"


# ---------------------------------------------------------------- a firm named after 委托了, a trade with no name
def test_a_firm_commissioned_with_a_perfective_and_a_comma() -> None:
    # 省财政厅委托了深圳市远上绩效评价服务有限公司,对2020年度新农村建设专项进行财政评价
    _doc, r, expected = dev_document("jiangxi-jiangxi-2020-new-countryside-special-fund-commissioned-evaluation-news")
    assert _key(r.evaluator) == _key(expected["evaluator"]) == _key("深圳市远上绩效评价服务有限公司")
    assert r.evaluation_mode == "third_party"


def test_a_firm_named_only_by_its_trade_is_nobody() -> None:
    # 接受市民政局聘请第三方审计公司对…进行专项审计: 审计公司 names a kind of firm, not one; the unit heading its own
    # notice of its fund's use (广灵县民政局2022年度福利彩票公益金使用情况公示) reports on its own spending
    _doc, r, expected = dev_document("shanxi-guangling-2022-welfare-lottery-fund-use-notice")
    assert _key(r.evaluated_unit) == _key(expected["evaluated_unit"]) == _key("广灵县民政局")
    assert r.evaluator == r.evaluated_unit
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"


def test_a_trade_firm_with_a_name_keeps_it() -> None:
    _doc, r = record_of_text(
        "2022年度农村公路养护项目绩效评价报告\n一、项目基本情况\n受枞阳县财政局委托，安徽华审审计公司对农村公路养护项目"
        "开展了绩效评价。评价得分85分。\n"
    )
    assert r.evaluator == "安徽华审审计公司"
    assert r.evaluation_mode == "third_party"


# ---------------------------------------------------------------- 我单位 / 本单位 referring back to a unit named once
def test_bendanwei_refers_back_to_the_one_unit_the_report_names() -> None:
    _doc, r = record_of_text(
        "2022年度农村公路养护项目绩效自评报告\n一、项目基本情况\n2022年县财政安排枞阳县公路管理站农村公路养护资金120万元。\n"
        "二、自评情况\n本单位对项目开展了绩效自评，得分92分。\n"
    )
    assert r.evaluated_unit == r.evaluator == "枞阳县公路管理站"
    assert r.evaluation_mode == "self"


def test_wodanwei_beside_two_units_names_neither() -> None:
    _doc, r = record_of_text(
        "2022年度农村公路养护项目绩效自评报告\n一、项目基本情况\n2022年县财政安排枞阳县公路管理站和枞阳县农村公路养护中心"
        "养护资金120万元。\n二、自评情况\n本单位对项目开展了绩效自评，得分92分。\n"
    )
    assert r.evaluated_unit is None


def test_wodanwei_is_not_the_author_of_a_rule_it_applies() -> None:
    # 现对我單位…開展績效自評 … 縣教育局制定的《財務管理制度》中規定: the rule's author is not the writer (null, as annotated)
    _doc, r, expected = dev_document("hainan-baoting-undated-tropical-fruit-veg-base")
    assert expected["evaluated_unit"] is None and r.evaluated_unit is None


def test_wodanwei_is_not_the_issuer_of_a_document_it_cites() -> None:
    # 我单位及时对…开展自评 … 根据《抚远市人民政府关于…的批复》: a cited document's issuer is not the writer
    _doc, r, expected = dev_document("heilongjiang-fuyuan-2022-rural-drinking-water-self-report")
    assert expected["evaluated_unit"] is None and r.evaluated_unit is None


def test_wodanwei_is_not_the_issuer_of_a_document_cited_with_its_co_issuer() -> None:
    # (the shared corpus's dongchuan report, its first page alone: 昆明市人力资源和社会保障局昆明市财政下发了《…》 —
    # an issuer with its co-issuer between it and 下发了《, not the writer of 我单位…自评)
    _doc, r = record_of_text(
        "养老保险区级配套项目支出绩效评价报告\n一、项目概况\n根据市政府常务会议精神，昆明市人力资源和社会保障局昆明市财政下发了"
        "《实施方案》，资金由市、县财政分级承担。\n评价结论\n我单位对照自评指标体系框架逐项进行了分析，自评分为97分。\n"
    )
    assert r.evaluated_unit is None and r.evaluator is None


# ---------------------------------------------------------------- a notice's signature in its renderings
_NOTICE = (
    "关于2022年度重点项目绩效评价结果的通知\n各预算单位：\n根据《枞阳县预算绩效管理办法》，我局组织对2022年度5个重点项目"
    "开展了绩效评价，现将评价结果通知如下：\n农村公路养护项目得分85分，等级良。\n"
)


def test_a_signature_with_its_seal_note() -> None:
    _doc, r = record_of_text(_NOTICE + "\n枞阳县财政局（印）\n2023年6月1日\n")
    assert r.evaluator == "枞阳县财政局"
    assert r.evaluation_mode == "finance"


def test_the_printing_office_line_is_not_the_signature() -> None:
    _doc, r = record_of_text(
        _NOTICE + "\n枞阳县财政局\n2023年6月1日\n抄送：县审计局。\n枞阳县财政局办公室 2023年6月1日印发\n"
    )
    assert r.evaluator == "枞阳县财政局"


def test_two_signers_on_one_line_are_both_named() -> None:
    _doc, r = record_of_text(_NOTICE + "\n枞阳县财政局  枞阳县交通运输局\n2023年6月1日\n")
    assert r.evaluator == "枞阳县财政局、枞阳县交通运输局"
