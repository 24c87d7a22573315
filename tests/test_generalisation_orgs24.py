"""Which unit (issue 8, session 29, orgs24): a role decision over the organisations a text names
(extractor/record/orgroles.py).  A mention that opens its clause and goes on with what only the unit
itself does — takes the evaluation to heart (高度重视), describes itself (的主要职责是, 内设), acts on a cited
document (按照《…》), names the year of its spending (XX局2022年度…), writes a letter (XX局关于…) — or is
named as the agent of the spending (由XX中心负责实施) is the body the report speaks as; the body with the
most such mentions, well ahead of the next, is the unit when no phrase rule names one.  Finance bodies,
firms, working groups and a place's name alone are never that body; two bodies acting alike leave it
open.  On real dev-half items of the development set and on short excerpts in the genre's shapes.
"""

from __future__ import annotations

import pytest
from devset_compare import _key, items
from excerpt_records import evidence, record_of_text

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.context import Context
from jixiao.extractor.record.orgroles import writer_candidates
from jixiao.extractor.record.orgs import orgs_in

DEV = {it.stem: it for it in items("dev")}


@pytest.mark.parametrize(
    "stem",
    [
        # 區疾控中心的主要職責是… (a department report that describes its own duties)
        "hunan-shifeng-2020-cdc-department-self-report-mirror-trad",
        # 項目…由南縣不動產登記中心負責實施 (the agent of the spending)
        "hunan-nanxian-2020-real-estate-registration-ex-ante-assessment-essay-site-trad",
        # 張店區市容環衛事業服務中心根據《…》 / 按照《…》 (a unit acting on cited documents, twice)
        "shandong-zhangdian-undated-urban-rural-sanitation-essay-site-trad",
    ],
)
def test_the_body_a_report_speaks_as_is_its_unit(stem: str) -> None:
    it = DEV[stem]
    doc = parse(it.path)
    record = build_record(doc)
    want = it.expected["evaluated_unit"]
    assert record.evaluated_unit is not None and _key(record.evaluated_unit) == _key(want)
    assert record.evidence["evaluated_unit"].text == doc.text[slice(*record.evidence["evaluated_unit"].span)]


def test_a_higher_governments_letter_names_no_unit() -> None:
    # (hunan-2016-resettlement-hardship-aid-fund: 省人民政府 acts in the body; the item states no unit)
    it = DEV["hunan-2016-resettlement-hardship-aid-fund-evaluation-letter-mirror"]
    assert it.expected.get("evaluated_unit") is None
    assert build_record(parse(it.path)).evaluated_unit is None


def _writers(text: str) -> list[str]:
    doc, _r = record_of_text(text)
    ctx = Context(doc)
    return [c.value for c in writer_candidates(ctx, orgs_in(ctx))]


CENTRE = "澧县公路建设养护中心"
HEAD = "农村公路养护资金项目支出绩效报告\n一、基本情况\n"
TAIL = "项目全年完成养护里程120公里，养护质量稳步提升。\n"


def test_a_unit_describing_itself_is_the_unit_and_its_own_evaluator_in_a_self_evaluation() -> None:
    text = (
        "2022年度农村公路养护资金项目支出绩效自评报告\n一、基本情况\n"
        f"根据县委编办的批复，{CENTRE}的主要职责是负责全县农村公路的日常养护。\n{TAIL}"
    )
    doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (CENTRE, CENTRE)
    assert evidence(doc, r, "evaluated_unit") == CENTRE


def test_a_unit_acting_on_a_cited_document_and_naming_its_years_spending() -> None:
    text = HEAD + f"{CENTRE}按照《澧县农村公路养护管理办法》要求，落实养护责任。\n{TAIL}"
    assert _writers(text) == [CENTRE]
    text = HEAD + f"{CENTRE}2022年度共安排养护资金300万元。\n{TAIL}"
    assert _writers(text) == [CENTRE]


def test_the_agent_of_the_spending_is_the_unit() -> None:
    assert _writers(HEAD + f"项目总投资300万元，由{CENTRE}负责实施。\n{TAIL}") == [CENTRE]


def test_a_body_doing_ordinary_business_is_not_the_writer() -> None:
    # (制定, 印发, 组织, 下达: a supervisor, a department mentioned or a company does them as well)
    text = HEAD + f"{CENTRE}制定了养护资金管理制度，{CENTRE}印发了考核办法。\n{TAIL}"
    assert _writers(text) == []


def test_a_body_named_in_passing_is_not_the_writer() -> None:
    # (a cited document's issuer, the body reported to, a body named inside a clause)
    text = (
        HEAD + f"根据《{CENTRE}关于开展绩效自评的通知》要求，上报{CENTRE}备案。\n"
        f"全县养护工作由县政府统一部署，{CENTRE}所属道班参与。\n{TAIL}"
    )
    assert _writers(text) == []


@pytest.mark.parametrize(
    "body", ["澧县财政局", "湖南明信会计师事务所有限公司", "澧县绩效评价工作领导小组", "省人民政府"]
)
def test_finance_bodies_firms_groups_and_a_bare_government_never_write_a_self_evaluation(body: str) -> None:
    assert _writers(HEAD + f"{body}高度重视，{body}按照《绩效评价管理办法》开展工作。\n{TAIL}") == []


def test_two_bodies_acting_alike_leave_the_unit_open() -> None:
    other = "澧县交通运输局"
    text = HEAD + f"{CENTRE}高度重视养护工作。\n{other}高度重视资金监管。\n{TAIL}"
    assert _writers(text) == []
