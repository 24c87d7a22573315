"""Evaluator and evaluated unit of issue 8, session 41 (names37): names a dev-half item states in a shape the
engine did not read (tests/devset/texts/), each with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from excerpt_records import devset_record, evidence, record_of_text


def test_a_form_filled_by_a_unit_names_it_with_the_label_tianbiao() -> None:
    # 填表单位: 上海市嘉定区文化和旅游局 over a form rating the firm that evaluated its project (ruling 4's filer)
    doc, r = devset_record("shanghai-jiading-2018-poly-theatre-subsidy-evaluation-agency-work-rating-form")
    assert r.evaluated_unit == "上海市嘉定区文化和旅游局"
    assert r.evaluator == "上海立丰税务师事务所有限公司"
    # near miss: the person who filled it (填表人) is no unit
    _doc, r = record_of_text(
        "项目支出绩效自评表\n填表人: 张明 |\n评价机构名称:竹山县诚信会计师事务所有限公司 |\n"
        "评价项目名称:2022年竹山县农村公路养护项目\n"
    )
    assert r.evaluated_unit != "张明"


def test_the_body_that_goes_into_or_has_rectify_the_units_under_evaluation_evaluates_them() -> None:
    # 保康县财政局绩效评价股联合…，带领专业第三方中介机构，组成联合工作组，正式进驻首批7家被评价单位 (the firm unnamed)
    doc, r = devset_record("hubei-baokang-2025-finance-bureau-third-party-evaluation-launch-news")
    assert (r.evaluator, r.evaluation_mode) == ("保康县财政局", "finance")
    assert evidence(doc, r, "evaluator") == "保康县财政局"
    # 紫阳县财政局将督促被评价单位做好问题整改，并将评价结果在相关网站公开
    _doc, r = devset_record("shaanxi-ziyang-undated-key-evaluation-preliminary-results-acceptance-news")
    assert r.evaluator == "紫阳县财政局"
    # 南雄市财政局绩效评价股会同第三方评价机构到被评价部门及具体项目实施单位
    _doc, r = devset_record("guangdong-nanxiong-undated-key-projects-onsite-evaluation-news")
    assert r.evaluator == "南雄市财政局"
    # near miss: a line department that hands the work to a third party which goes in did not evaluate (names36)
    _doc, r = record_of_text("近日，竹山县商务局委托第三方评价机构，进驻首批5家被评价单位开展现场评价。\n")
    assert r.evaluator != "竹山县商务局"


def test_a_final_accounts_first_part_headed_with_the_unit_names_it() -> None:
    # 第一部分 南昌市公安局东湖分局部门概括 (the template's 部门概况, misprinted), under the disclosure's contents
    doc, r = devset_record("jiangxi-donghu-2020-police-branch-department-final-accounts-spam-mirror")
    assert r.evaluated_unit == "南昌市公安局东湖分局"
    # the branch is named by the district it serves: 东湖区 of 南昌市
    assert r.jurisdiction is not None and r.jurisdiction.adcode == "360102"
    assert evidence(doc, r, "jurisdiction") == "东湖"


def test_a_branch_named_by_no_district_of_its_city_keeps_the_city() -> None:
    # near miss: 交警分局 names a task, no district of 南昌市
    _doc, r = record_of_text(
        "南昌市公安局交警分局2022年度交通管理经费绩效自评报告\n"
        "一、基本情况\n南昌市公安局交警分局高度重视，对2022年度交通管理经费开展了绩效自评。\n"
    )
    assert r.jurisdiction is not None and r.jurisdiction.adcode == "360100"


def test_several_units_named_as_the_programmes_implementing_units_are_all_the_unit() -> None:
    # 项目实施单位为市卫生健康局、市城投集团、市妇幼保健院 (joined with 、 as ruling 21 joins evaluators)
    _doc, r = devset_record("zhejiang-haining-2023-childcare-expansion-evaluation-report")
    assert r.evaluated_unit == "市卫生健康局、市城投集团、市妇幼保健院"
    assert r.evaluator == "市财政局"
    # near miss: one unit named so stays one, the words after it no second unit
    _doc, r = record_of_text(
        "竹山县2022年农村公路养护资金绩效评价报告\n一、项目概况\n项目实施单位为竹山县交通运输局，资金由县财政局拨付。\n"
    )
    assert r.evaluated_unit == "竹山县交通运输局"


def test_a_self_evaluation_listed_in_a_table_of_contents_is_no_mode() -> None:
    # 决算公开目录 … 九、整体支出绩效自评报告 …: the excerpt ends before that part — the unit's disclosure, no evaluation
    _doc, r = devset_record("hubei-suizhou-zengdu-2019-police-branch-final-accounts")
    assert (r.evaluation_mode, r.evaluator) == (None, None)
    assert r.evaluated_unit == "随州市公安局曾都区分局"
    # near miss: the part itself, under the same contents, says the unit evaluated itself
    _doc, r = record_of_text(
        "竹山县交通运输局2022年决算公开报告\n决算公开目录\n一、竹山县交通运输局基本情况\n二、整体支出绩效自评报告\n"
        "一、竹山县交通运输局基本情况\n竹山县交通运输局内设6个股室。\n二、整体支出绩效自评报告\n"
        "竹山县交通运输局对2022年度整体支出开展了绩效自评，自评得分92分。\n"
    )
    assert r.evaluation_mode == "self"
