"""Evaluated unit and evaluator of issue 8, session 43 (orgs39): names a dev-half item states in a shape the
engine did not read (tests/devset/texts/), each with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_forms_own_unit_cell_beside_another_spending_unit_is_the_filer() -> None:
    # 单位名称:农业工作科 … 项目实施单位农业科项目类别1、… (ruling 4): the spending unit is the unit evaluated, the
    # form's own unit (its filer) the evaluator; 项目类别 ends the glued cell before it
    _doc, r = devset_record("unknown-district-2020-fishing-vessel-fuel-subsidy-yangtze-ban-self-table-doc-site")
    assert (r.evaluated_unit, r.evaluator) == ("农业科", "农业工作科")
    form = (
        "2021年度项目自评表\n单位名称:宁远县交通运输局 填报日期:2022年3月1日\n"
        "项目名称农村公路养护主管部门宁远县交通运输局项目实施单位宁远县公路建设养护中心项目类别1、部门预算项目\n"
        "预算执行情况 预算数 100 执行数 95 执行率 95% 得分 19\n总分 92\n"
    )
    _d, r = record_of_text(form)
    assert (r.evaluated_unit, r.evaluator) == ("宁远县公路建设养护中心", "宁远县交通运输局")
    # near miss: the same unit in both cells is one unit, its own evaluator
    _d, r = record_of_text(form.replace("项目实施单位宁远县公路建设养护中心", "项目实施单位宁远县交通运输局"))
    assert (r.evaluated_unit, r.evaluator) == ("宁远县交通运输局", "宁远县交通运输局")


def test_a_name_after_the_reports_own_pronoun_is_the_unit() -> None:
    # 年初预算安排我公路建设养护中心20xx年…项目174万元 (ruling 38): the words after 我 are the body's own name,
    # its function as well as its kind — the unit, its own evaluator in a self-evaluation
    _doc, r = devset_record("hunan-guiyang-undated-four-good-rural-roads-self-report-doc-site")
    assert (r.evaluated_unit, r.evaluator) == ("公路建设养护中心", "公路建设养护中心")
    # near miss: a pronoun and a bare kind word (我中心) names no body (ruling 3)
    text = (
        "农村公路建设项目绩效自评报告\n"
        "根据县财政局要求，年初预算安排我中心2022年农村公路建设项目资金100万元，我中心对该项目开展了绩效自评。\n"
    )
    _d, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (None, None)
    _d, r = record_of_text(text.replace("安排我中心", "安排我公路建设养护中心"))
    assert (r.evaluated_unit, r.evaluator) == ("公路建设养护中心", "公路建设养护中心")


def test_the_unit_after_the_year_an_assessment_checks_is_the_unit() -> None:
    # 对2023年度市公交集团有限公司政策性亏损…等有关补贴数据进行了审核: the year before the unit, the assessment's 审核
    _doc, r = devset_record("zhejiang-huzhou-2023-bus-service-purchase-assessment-notice")
    assert r.evaluated_unit == "市公交集团有限公司"
    _d, r = record_of_text(
        "农村公路养护资金绩效评价报告\n根据工作安排，县财政局对2022年度宁远县交通运输局农村公路养护资金开展了绩效评价。\n"
    )
    assert r.evaluated_unit == "宁远县交通运输局"
    # near miss: a body reviewing a document names no unit by it (对《…办法》进行审核)
    _d, r = record_of_text("资金管理办法审核情况\n县财政局对2022年度《宁远县农村公路养护资金管理办法》进行了审核。\n")
    assert r.evaluated_unit is None
