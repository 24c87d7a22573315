"""Shapes read from the dev half of the items session 36 (dev33) added from unseen sites (issue 8).

- A portal prints a notice's document number in brackets after its heading, on the same line
  (…资金安排有关情况的通知(桂乡振发〔2021〕18号)): the number is the document's reference, not part of
  its title, and it does not make the heading a non-title line.
- A notice's heading may open with its issuer's 办公室 (XX县人民政府办公室关于印发…的通知), as with 局, 委, 办.
- A notice passing money down (关于下达…资金的通知, 关于做好…资金安排有关情况的通知) evaluates nothing: no
  mode, no evaluator, no evaluated unit (its issuer is the giver); the fund stays its programme.
- Rules being issued (…管理办法, 印发《…办法》的通知) name no evaluator and no evaluated unit either: the
  issuing office evaluated nothing.
- A document addressed to every province (各省、自治区、直辖市…; 各省(自治区、直辖市)…) is national: when no
  title, unit, issuer or signature names a place, none is read from its body (the places it names there are
  examples or recipients) — ruling 16's null rather than a guess.
- A plan being issued or submitted (…特制定本方案) is work to come: no kind, mode, score, evaluator or unit.
- A final-accounts disclosure printed without its heading still says what it is in its contents
  (二、2022年度部门决算公开表; 第二部分 2021年度部门决算表): a department's whole accounts, of that year.

Each class is asserted on the development-set item it comes from (against its hand-written
expectation) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

import pytest
from devset_compare import stated
from excerpt_records import dev_record, record_of_text

from jixiao.extractor.record.view import squash_fold


def test_a_notice_heading_with_its_document_number_is_the_title() -> None:
    it, rec = dev_record("guangxi-guangxi-2021-rural-revitalization-fund-fourth-batch-allocation-notice")
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "湖北省财政厅关于开展2023年度财政重点绩效评价工作的通知（鄂财绩发〔2023〕3号）",
            "湖北省财政厅关于开展2023年度财政重点绩效评价工作的通知",
        ),
        (
            "某县财政局关于2022年度部门整体支出绩效评价结果的通报(某财绩〔2023〕12号)",
            "某县财政局关于2022年度部门整体支出绩效评价结果的通报",
        ),
    ],
)
def test_the_bracketed_document_number_after_a_heading_is_cut(heading: str, title: str) -> None:
    _, r = record_of_text(heading + "\n各有关单位：\n现将有关事项通知如下。\n一、总体要求\n按照规定开展工作。\n")
    assert r.title == title, r.title


def test_a_sentence_citing_a_notice_with_its_number_is_no_title() -> None:
    doc, r = record_of_text(
        "各有关单位：\n根据《财政部关于印发项目支出绩效评价管理办法的通知》(财预〔2020〕10号)要求，现将有关事项通知如下。\n"
        "一、总体要求\n按照规定开展工作。\n"
    )
    assert r.title is None, r.title


def test_a_notice_issued_by_an_office_has_its_heading_as_title() -> None:
    it, rec = dev_record("shaanxi-hanyin-2021-agri-funds-integration-management-method-notice")
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]
    assert rec["evaluated_unit"] is None and rec["evaluator"] is None, (rec["evaluated_unit"], rec["evaluator"])


@pytest.mark.parametrize(
    "heading",
    [
        "某市人民政府办公室关于印发某市市级预算绩效管理办法的通知",
        "某县财政局办公室关于做好2023年度部门整体支出绩效自评工作的通知",
    ],
)
def test_an_office_opens_a_notice_heading(heading: str) -> None:
    _, r = record_of_text(heading + "\n各有关单位：\n现将有关事项通知如下。\n一、总体要求\n按照规定开展工作。\n")
    assert r.title == heading, r.title


def test_an_allocation_notice_names_no_evaluator() -> None:
    it, rec = dev_record("guangxi-guangxi-2021-rural-revitalization-fund-fourth-batch-allocation-notice")
    assert rec["evaluation_mode"] is None, rec["evaluation_mode"]
    assert rec["evaluated_unit"] is None and rec["evaluator"] is None, (rec["evaluated_unit"], rec["evaluator"])


@pytest.mark.parametrize(
    "heading",
    [
        "某县财政局关于下达2023年中央财政衔接推进乡村振兴补助资金的通知",
        "某市财政局关于提前下达2024年农业相关转移支付资金预算的通知",
    ],
)
def test_a_notice_passing_money_down_evaluates_nothing(heading: str) -> None:
    _, r = record_of_text(
        heading + "\n各乡镇人民政府：\n现将2023年补助资金120万元下达给你们，我局对资金使用情况开展绩效自评。\n"
        "一、资金用途\n用于产业发展。\n"
    )
    assert r.title == heading, r.title
    assert r.evaluation_mode is None and r.evaluator is None and r.evaluated_unit is None, (
        r.evaluation_mode,
        r.evaluator,
        r.evaluated_unit,
    )


def test_a_notice_passing_down_results_still_has_its_evaluator() -> None:
    heading = "某县财政局关于下达2022年度财政重点绩效评价结果的通知"
    _, r = record_of_text(
        heading + "\n各有关单位：\n某县财政局对2022年度农村公路养护项目开展了重点绩效评价，评价得分85分，等级为良。\n"
    )
    assert r.title == heading, r.title
    assert r.evaluator is not None, r.evaluator


def test_a_notice_to_every_province_takes_no_place_from_its_body() -> None:
    _, rec = dev_record("national-2016-basic-living-assistance-evaluation-indicators-notice-civil-affairs-mirror")
    assert rec["jurisdiction"] is None or rec["jurisdiction"].get("adcode") is None, rec["jurisdiction"]


@pytest.mark.parametrize(
    "addressee",
    [
        "各省、自治区、直辖市、计划单列市财政厅（局），新疆生产建设兵团财政局：",
        "各省(自治区、直辖市)民政厅(局)、财政厅(局)：",
    ],
)
def test_a_national_addressee_keeps_the_body_places_out(addressee: str) -> None:
    _, r = record_of_text(
        addressee + "\n近年来，浙江省在基本生活救助工作中积累了经验。现将有关事项通知如下。\n"
        "一、工作要求\n按照规定开展工作。\n"
    )
    assert r.jurisdiction is None or r.jurisdiction.adcode is None, r.jurisdiction


def test_a_provincial_addressee_still_lets_the_body_name_the_place() -> None:
    _, r = record_of_text(
        "各市、县（市、区）财政局：\n浙江省2022年度基本生活救助资金已下达，现将有关事项通知如下。\n"
        "一、工作要求\n按照规定开展工作。\n"
    )
    assert r.jurisdiction is not None and r.jurisdiction.adcode == "330000", r.jurisdiction


def test_final_accounts_contents_give_kind_and_year() -> None:
    it, rec = dev_record("zhejiang-quzhou-2022-police-bureau-department-final-accounts-contents")
    assert rec["report_kind"] == stated(it.expected, "report_kind"), rec["report_kind"]
    assert sorted(rec["years"]) == sorted(stated(it.expected, "years")), rec["years"]


@pytest.mark.parametrize(
    ("contents", "year"),
    [
        ("目  录\n一、部门概况\n二、2022年度部门决算公开表\n三、2022年度部门决算情况说明\n四、名词解释\n", 2022),
        (
            "目录\n第一部分 单位概况\n第二部分 2021年度单位决算表\n第三部分 2021年度单位决算情况说明\n第四部分 名词解释\n",
            2021,
        ),
    ],
)
def test_a_disclosure_without_heading_is_a_department_of_its_year(contents: str, year: int) -> None:
    _, r = record_of_text(contents + "一、部门概况\n（一）部门职责\n负责全市有关工作。\n")
    assert r.report_kind == "department", r.report_kind
    assert year in (r.years or []), r.years


def test_a_report_citing_last_years_accounts_keeps_its_own_kind() -> None:
    _, r = record_of_text(
        "某县农村公路养护项目绩效自评报告\n一、项目基本情况\n根据2022年度部门决算，本项目支出120万元。\n"
        "二、绩效自评情况\n我局对农村公路养护项目开展了绩效自评，自评得分92分。\n"
    )
    assert r.report_kind == "project", r.report_kind


def test_a_plan_submitted_is_no_evaluation() -> None:
    _, rec = dev_record("ningxia-pengyang-2021-agri-funds-integration-plan-submission")
    assert rec["report_kind"] is None and rec["evaluation_mode"] is None, (rec["report_kind"], rec["evaluation_mode"])


@pytest.mark.parametrize(
    "sentence",
    [
        "为做好2023年度部门整体支出绩效评价工作，结合我县实际，特制定本实施方案。",
        "为规范2022年涉农资金项目管理，加快项目实施进度，制定本方案。",
    ],
)
def test_a_plan_evaluates_nothing(sentence: str) -> None:
    _, r = record_of_text(
        "各乡镇人民政府、县直各单位：\n"
        + sentence
        + "\n一、总体要求\n本项目由我局对各单位项目资金开展绩效自评，得分90分。\n"
    )
    assert r.report_kind is None and r.evaluation_mode is None and r.evaluator is None, (
        r.report_kind,
        r.evaluation_mode,
        r.evaluator,
    )


def test_a_report_following_a_plan_stays_an_evaluation() -> None:
    _, r = record_of_text(
        "某县农村公路养护项目绩效自评报告\n一、项目基本情况\n按照县财政局制定的评价方案，我局对农村公路养护项目开展了绩效自评，"
        "自评得分92分。\n"
    )
    assert r.report_kind == "project" and r.evaluation_mode == "self", (r.report_kind, r.evaluation_mode)
