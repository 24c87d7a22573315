"""Session 39 (lead): what bench/excerpt.py found — a report's sections read alone, as a web page publishes them.

- A third-party report's sections that review the unit's self-evaluation (通过对部门自评的真实性、准确性进行复核;
  抽查验证自评数据) or list it among the stages of performance management (包括绩效监控和自评、第三方绩效评价) read
  as a self-evaluation when the commissioning sentence was not in the excerpt: the bare 自评 rule now skips a
  clause that reviews or lists it (metadata.yaml ``unless_clause``) — a self-evaluation's own clause, in the same
  sentence as a review of others' (在对各地报送的…自评材料进行审核评价基础上，对…进行了绩效自评), still counts.
- Organisation names ran back over a verb of money or papers flowing to a body (…人员名单报区居保局业务科室核实,
  财政将下达款项拨入东川居保局) and over the particle 所 (…以项目管理流程所包含的…): the run stops at the verb, and
  所 before a verb is no organ (entities.yaml ``org_stop_words``, ``org_glued_lead``, ``org_particle``).
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

from jixiao.extractor.record import nlp
from jixiao.extractor.record.nlp import org_spans, pipeline


def orgs(text: str) -> list[str]:
    return [text[s:e] for s, e in org_spans(pipeline()(text), text)]


@pytest.mark.parametrize(
    "text",
    [
        # a third party's section reviewing the unit's self-evaluation
        "经评价组核查，通过对部门自评的真实性、准确性进行复核，发现个别指标与实际不符。\n"
        "二是抽查验证自评数据的真实性、准确性。\n",
        # a recommendation naming self-evaluation among the stages of performance management
        "（一）健全制度\n按照有关要求,实施全过程绩效管理,包括绩效监控和自评、第三方绩效评价、结果应用等。\n",
    ],
)
def test_a_review_or_a_list_of_self_evaluations_is_no_self_evaluation(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode is None, (r.evaluation_mode, r.evidence.get("evaluation_mode"))


@pytest.mark.parametrize(
    "text",
    [
        "2021年3—4月，我部在对各地报送的年度绩效自评材料进行审核评价基础上，对2020年度支持学前教育发展资金项目进行了绩效自评。\n",
        "县教育局在对各学校自评情况进行抽查的基础上，对2022年度学生资助资金开展了绩效自评，自评得分92分。\n",
    ],
)
def test_a_self_evaluation_beside_a_review_of_others_still_reads_as_one(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self", r.evaluation_mode
    assert "自评" in evidence(doc, r, "evaluation_mode")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("乡镇完成保费返还后将使用财政补助资金人员名单报区居保局业务科室核实确认后核销资金。", "人员名单报区居保局"),
        ("项目实施流程：财政将下达款项拨入东川居保局，居保局拨资金到乡镇。", "款项拨入东川居保局"),
        ("绩效评价指标体系以项目管理流程所包含的环节为依据，将指标划分为决策、过程、产出、效益。", "流程所"),
        ("评价组对项目资金所涉及的各个环节进行了核查。", "资金所"),
    ],
)
def test_no_organ_runs_back_over_a_verb_or_ends_in_a_particle(text: str, wrong: str) -> None:
    found = orgs(text)
    assert not any(wrong in name or name.endswith(wrong) for name in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("乡镇完成代缴后将人员名单报区居保局核实。", "区居保局"),
        ("财政将下达款项拨入东川居保局。", "东川居保局"),
        ("县农业农村局委托县农业技术推广研究所开展评价。", "县农业技术推广研究所"),
        ("镇财政所负责资金拨付。", "镇财政所"),
    ],
)
def test_the_body_after_the_verb_keeps_its_name(text: str, name: str) -> None:
    assert name in orgs(text), (orgs(text), nlp.tokens(text))


@pytest.mark.parametrize(
    "text",
    [
        # a report's section read alone: its table's caption is no title (the devset's captions never are)
        "三、绩效评价结论\n经综合评价，项目得分81.14分，等级为良。\n表 2：绩效评价得分情况表\n"
        "一级指标\t分值\t得分\n决策\t10\t7.06\n",
        "四、评价得分\n表1:部门整体支出绩效评价得分明细表\n指标\t分值\t得分\n",
        "表2-1珠海市2021年度省级财政资金总体安排情况表 单位:万元\n项目\t金额\n",
        # an attachment's list entry either
        "九、其它需说明的情况\n无\n附件：\n1.绩效目标表\n2.绩效评价指标体系\n",
    ],
)
def test_a_tables_caption_or_a_list_entry_is_no_title(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.title is None, r.title
    assert r.program is None or "表" not in r.program, r.program


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("2021年度项目支出绩效自评表\n项目名称\t乡村道路建设养护项目\n", "2021年度项目支出绩效自评表"),
        (
            "云南省2021年城乡居民基本养老保险绩效评价报告\n八、建议\n（一）完善制度。\n",
            "云南省2021年城乡居民基本养老保险绩效评价报告",
        ),
    ],
)
def test_a_forms_heading_or_a_reports_title_over_a_section_is_still_the_title(text: str, title: str) -> None:
    doc, r = record_of_text(text)
    assert r.title == title, r.title


@pytest.mark.parametrize(
    "text",
    [
        "1. 自评复核内容\n主要对项目的自评报告（表）有关数据真实性、准确性开展复核，以提高自评结果的客观性。\n",
        "本次绩效自评复核主要根据部门项目支出自评报告（表），结合绩效评价工作，对相关数据进行抽查验证。\n",
        "评价组按照单位自评报告，对各项指标完成情况逐项核实。\n",
    ],
)
def test_a_reports_name_inside_a_sentence_is_no_title(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.title is None, r.title


@pytest.mark.parametrize(
    "text",
    [
        "5. 参保居民满意度。评价工作组以问卷调查的形式开展满意度调查，共发放问卷 12,352 份，回收有效问卷 10,686 份，"
        "问卷有效回收率 86.51%，满意度得分 94.47 分。\n",
        "经对200户受益群众抽样调查，群众满意度得分92分，满意度较高。\n",
    ],
)
def test_a_surveys_satisfaction_score_is_no_tier_score(text: str) -> None:
    doc, r = record_of_text(text)
    assert not [i for i in r.indicators if i.level == 1], r.indicators


def test_a_satisfaction_tier_with_its_weight_beside_a_survey_is_still_a_tier() -> None:
    doc, r = record_of_text("（四）满意度指标。满意度指标满分10分，通过问卷调查，该指标得分9分。\n")
    tiers = [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]
    assert tiers == [("满意度", 10, 9)], tiers


@pytest.mark.parametrize(
    "text",
    [
        "二、绩效评价工作情况\n为深入贯彻党的十九大精神,全民落实中共新华区委、新华区人民政府《关于全面落实预算绩效管理的"
        "实施意见》(新华区【2019】9 号),进一步推进绩效预算管理工作,我单位积极开展绩效自评工作。\n",
        "根据县财政局《关于开展2022年度项目支出绩效自评工作的通知》要求，我单位对项目开展了自评。\n",
    ],
)
def test_the_issuer_of_a_cited_document_is_not_the_writer(text: str) -> None:
    # (the document's title right after its issuers, no verb between: they wrote the document, not this report)
    doc, r = record_of_text(text)
    assert r.evaluator is None and r.evaluated_unit is None, (r.evaluator, r.evaluated_unit)
