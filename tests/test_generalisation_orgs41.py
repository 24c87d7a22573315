"""Evaluated unit and evaluator of issue 8, session 45 (orgs41): a unit's own performance report named by its title,
and a page's publisher named in the document only as one of a cited joint notice's issuers (tests/devset/texts/),
each with a short hand-written near miss.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_units_own_performance_report_is_its_self_evaluation() -> None:
    # 沅陵县档案局2016年度项目绩效报告, printed above and below the portal's line: the unit's own 绩效报告 on its
    # projects — self, the unit its own evaluator
    _doc, r = devset_record("hunan-yuanling-2016-archives-bureau-project-performance-report")
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("self", "沅陵县档案局", "沅陵县档案局")
    text = (
        "宁远县档案局2021年度项目绩效报告\n"
        "县人民政府门户网站 发布时间:2022-05-10\n"
        "宁远县档案局2021年度项目绩效报告\n"
        "一、项目概况\n宁远县档案局位于舜陵街道，实有编制10人。2021年县财政安排档案管理经费20万元。\n"
    )
    _d, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluator) == ("self", "宁远县档案局")
    # near miss: a 绩效评价报告 another body may have written tells no mode by its title alone
    _d, r = record_of_text(text.replace("项目绩效报告", "项目绩效评价报告"))
    assert (r.evaluation_mode, r.evaluator) == (None, None)


def test_a_publisher_named_only_among_a_cited_joint_notices_issuers_names_no_unit() -> None:
    # 来源:云南省应急管理厅 (page metadata) and, in the document, only 《云南省财政厅 云南省应急管理厅关于下达…》: a body
    # that issued an allocation with another, not the writer naming itself (ruling 3)
    _doc, r = devset_record("yunnan-yunnan-2023-emergency-central-transfers-self-report-spam-mirror")
    assert (r.evaluated_unit, r.evaluator) == (None, None)


def test_a_publisher_citing_its_own_notice_alone_names_itself() -> None:
    # near miss of the above: the publisher's own notice cited alone (根据《XX市财政局关于开展…的通知》, 我市财政局…)
    # is its naming of itself in the document
    text = (
        "XX市2023年度绩效自评报告\n"
        "发布机构: 宁远市财政局\n"
        "根据《宁远市财政局关于开展2023年度转移支付绩效自评工作的通知》，我市财政局对农业保险保费补贴进行了绩效自评。\n"
        "一、基本情况\n2023年保费补贴预算271万元。\n"
    )
    _d, r = record_of_text(text.replace("XX市", "宁远市"))
    assert r.evaluated_unit == "宁远市财政局"
    joint = text.replace("XX市", "宁远市").replace("《宁远市财政局关于", "《宁远市财政局 宁远市农业农村局关于")
    _d, r = record_of_text(joint.replace("发布机构: 宁远市财政局", "发布机构: 宁远市农业农村局"))
    assert r.evaluated_unit is None
