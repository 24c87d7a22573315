"""Evaluator and evaluated unit of issue 8, session 36 (names36): each rule on the real dev-half item
that showed it (tests/devset/texts/), with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from excerpt_records import devset_record, evidence, record_of_text


def test_a_body_that_leads_an_evaluation_it_hands_to_unnamed_experts_is_the_evaluator() -> None:
    # 山西省商务厅牵头委托第三方专家组到达沁源县,对…项目进行绩效评价 (ruling 25b: the experts are unnamed)
    doc, r = devset_record("shanxi-qinyuan-2021-rural-ecommerce-demonstration-provincial-evaluation-news")
    assert r.evaluator == "山西省商务厅"
    assert evidence(doc, r, "evaluator") == "山西省商务厅"
    # the same shape elsewhere
    _doc, r = record_of_text(
        "电商动态\n5月9日，湖北省商务厅牵头委托第三方专家组到达竹山县，"
        "对竹山县2021年电子商务进农村综合示范项目进行绩效评价。\n"
    )
    assert r.evaluator == "湖北省商务厅"
    # near miss: a line department that hands the evaluation to a third party without leading it did not evaluate
    _doc, r = record_of_text(
        "电商动态\n5月9日，竹山县商务局委托第三方机构对竹山县2021年电子商务进农村综合示范项目进行绩效评价。\n"
    )
    assert r.evaluator != "竹山县商务局"


def test_a_unit_named_alone_on_a_heading_line_over_a_form_is_its_filer() -> None:
    # 重庆市开州区民政局 / 2020年度…绩效评价公告 over a form whose 实施单位 cell prints 开州区区民政局 (ruling 4)
    _doc, r = devset_record("chongqing-kaizhou-2020-lottery-fund-private-elderly-care-subsidy-self-table")
    assert (r.evaluator, r.evaluated_unit) == ("重庆市开州区民政局", "开州区区民政局")
    # near miss: a unit the title's own words open with (石狮市公安局看守所2022年度…) is the spending unit's
    # name in the title, not a filer apart from the form's 实施单位 | 石狮市看守所
    _doc, r = devset_record("fujian-shishi-2022-detention-centre-basic-business-self-table")
    assert r.evaluator == "石狮市看守所"


def test_a_group_named_after_a_body_is_the_evaluator_not_the_body() -> None:
    # 省国有林场绩效考核组对安远县2021年实施的…项目进行绩效考评: no body forms or leads the group
    doc, r = devset_record("jiangxi-anyuan-2021-state-forest-farm-seedling-provincial-assessment-news-mirror")
    assert r.evaluator == "省国有林场绩效考核组"
    assert evidence(doc, r, "evaluator") == "省国有林场绩效考核组"
    # near miss: a body that forms the group is the evaluator (县财政局成立评价工作组，对…开展了绩效评价)
    _doc, r = record_of_text(
        "某县2022年度项目绩效评价情况\n2023年5月，竹山县财政局成立绩效评价工作组，"
        "对竹山县2022年农村公路养护资金开展了绩效评价。\n"
    )
    assert r.evaluator == "竹山县财政局"
