"""The mode, the unit and the evaluator (issue 8, session 31, orgs27): a department-wide report (部门整体支出)
that names its own unit — in its form's own-unit cell (单位名称, 预算部门、单位名称, 部门（单位）名称: the unit
whose whole budget the form reports, filing it, ruling 4), or as the body speaking of itself in the first
person (本部门, 本单位, 我局) when nothing else tells the mode — is the unit's own evaluation (self), below every
word that says who evaluated; a department-wide report that names no writer in any of those ways keeps the mode
open. On dev-half items of the development set and on short excerpts in the genre's shapes.
"""

from __future__ import annotations


import pytest
from devset_compare import _key
from excerpt_records import dev_document, evidence, record_of_text


# ---------------------------------------------------------------- a department-wide report's own unit
@pytest.mark.parametrize(
    "stem",
    [
        # 单位名称 | 湘潭县中路铺镇人民政府 under the town's 部门整体支出绩效评价报告 (no 自评 anywhere)
        "hunan-xiangtan-2023-zhongluopu-town-department",
        # 预算部门、单位名称 / 衡山县贯塘乡人民政府 in the 部门整体支出绩效自评表 of a final-accounts page
        "hunan-hengshan-2023-guantang-township-department-tables",
    ],
)
def test_a_department_forms_own_unit_cell_makes_it_a_self_evaluation(stem: str) -> None:
    doc, r, expected = dev_document(stem)
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"
    assert _key(r.evaluated_unit) == _key(expected["evaluated_unit"])
    assert _key(r.evaluator) == _key(expected["evaluator"])
    assert "单位名称" in evidence(doc, r, "evaluation_mode")


def test_a_department_report_in_the_first_person_is_its_units_own() -> None:
    # 本部門共有編制人數23人 (the CDC describing itself; its duties name it: 區疾控中心的主要職責是…)
    doc, r, expected = dev_document("hunan-shifeng-2020-cdc-department-self-report-mirror-trad")
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"
    assert _key(r.evaluator) == _key(expected["evaluator"])
    assert evidence(doc, r, "evaluation_mode") == "本部門"


@pytest.mark.parametrize(
    "stem",
    [
        # department-wide reports of a unit that never speaks of itself nor says who evaluated (mode null)
        "hunan-hunan-2017-provincial-procuratorate-department-evaluation-mirror",
        "yunnan-dongchuan-2020-urban-management-bureau-department-report-cover",
        "zhejiang-lishui-2018-cultural-center-department",
    ],
)
def test_a_department_report_that_names_no_writer_keeps_the_mode_open(stem: str) -> None:
    _doc, r, expected = dev_document(stem)
    assert expected["evaluation_mode"] is None
    assert r.evaluation_mode is None


UNIT = "临澧县卫生健康局"


@pytest.mark.parametrize(
    "text",
    [
        f"部门整体支出绩效评价表\n单位名称：{UNIT}\n年度预算金额：800万元\n",
        f"2022年度部门整体支出绩效评价表\n| 部门（单位）名称 | {UNIT} |\n| 年度预算金额 | 800万元 |\n",
        f"2022年度部门整体支出绩效评价表\n预算部门、单位名称\n{UNIT}\n年初预算数\n800\n",
        f"{UNIT}2022年度部门整体支出绩效评价报告\n一、部门基本情况\n本单位内设6个股室。本单位2022年度收入合计800万元。\n",
        f"{UNIT}2022年度部门整体支出绩效评价报告\n一、部门基本情况\n我局内设6个股室，2022年度收入合计800万元。\n",
    ],
)
def test_department_reports_naming_their_own_unit(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == UNIT


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # the same form under a finance bureau's results notice: the notice's title decides
        (f"临澧县财政局关于2022年度部门整体支出绩效评价结果的通知\n单位名称：{UNIT}\n评价得分：86分\n", "finance"),
        # a commissioned firm evaluated the department's budget
        (
            f"{UNIT}2022年度部门整体支出绩效评价报告\n受临澧县财政局委托，湖南某某会计师事务所有限公司对{UNIT}"
            "2022年度部门整体支出开展了绩效评价。本单位内设6个股室。\n",
            "third_party",
        ),
    ],
)
def test_stronger_words_or_another_kind_keep_their_mode(text: str, mode: str | None) -> None:
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == mode


# ---------------------------------------------------------------- a unit's own scored form
def test_a_units_own_scored_form_is_its_self_evaluation() -> None:
    # a town's form (实施单位 杨楼镇人民政府, 分值 / 得分 filled) under a heading that never says 自评 (ruling 4)
    doc, r, expected = dev_document("anhui-xiaoxian-2023-yanglou-specialty-farming-subsidy-self-table")
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"
    assert r.evaluated_unit == r.evaluator == expected["evaluator"]
    assert "杨楼镇人民政府" in evidence(doc, r, "evaluation_mode")


FORM = (
    "农村公路养护资金项目绩效目标完成情况表\n项目名称：农村公路养护资金\n实施单位：澧县公路建设养护中心\n"
    "一级指标 二级指标 三级指标 分值 指标值 实际完成值 得分\n产出指标 数量指标 养护里程 20 100公里 100公里 20\n"
)


def test_a_scored_form_with_no_word_of_its_mode_is_the_spending_units() -> None:
    _doc, r = record_of_text(FORM)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == "澧县公路建设养护中心"


def test_a_project_form_naming_its_own_unit_is_that_units() -> None:
    # 单位名称: the unit filing the form (ruling 4), its evaluator, and so its own evaluation
    _doc, r = record_of_text(f"2022年度农村公路养护资金绩效评价表\n单位名称：{UNIT}\n项目名称：农村公路养护资金\n")
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == UNIT


def test_a_scored_form_under_a_finance_notice_stays_the_finance_bureaus() -> None:
    _doc, r = record_of_text("澧县财政局关于2022年度农村公路养护资金绩效评价结果的通知\n" + FORM)
    assert r.evaluation_mode == "finance"


# ---------------------------------------------------------------- a unit opening the title, by its organ
@pytest.mark.parametrize(
    "unit",
    [
        "澧县农机服务站",
        "澧县动物卫生监督所",
        "澧县消防救援大队",
        "澧县实验幼儿园",
        "澧县人民政府办公室",
        "澧县澧阳街道办事处",
        "中共澧县县委宣传部",
        "澧县农业农村局",  # (as before)
    ],
)
def test_a_unit_opening_the_title_is_read_by_any_organ_suffix(unit: str) -> None:
    doc, r = record_of_text(f"{unit}农村公路养护资金项目绩效自评报告\n一、基本情况\n该项目2022年安排资金100万元。\n")
    assert r.evaluated_unit == r.evaluator == unit
    assert evidence(doc, r, "evaluated_unit") == unit


@pytest.mark.parametrize(
    "title",
    [
        # a facility the programme builds, a place's street alone: no unit
        "澧县垃圾转运站提升改造项目绩效自评报告",
        "澧县澧阳街道三村示范村提质增效项目资金支出绩效评价报告",
    ],
)
def test_a_facility_or_a_street_opening_the_title_is_no_unit(title: str) -> None:
    _doc, r = record_of_text(title + "\n一、基本情况\n该项目2022年安排资金100万元。\n")
    assert r.evaluated_unit is None


def test_a_street_opening_a_dev_title_is_no_unit() -> None:
    # 富民县大营街道三村村委会大鱼塘示范村提质增效项目… (the street is where the village is)
    _doc, r, expected = dev_document("yunnan-fumin-2023-dayutang-demonstration-village-fund-report")
    assert expected["evaluated_unit"] is None
    assert r.evaluated_unit is None


@pytest.mark.parametrize(
    ("title", "mode", "evaluator"),
    [
        ("关于澧县农机服务站2022年度农村公路养护资金绩效自评情况的报告", "self", "澧县农机服务站"),
        ("关于2022年度澧县农机服务站农村公路养护资金绩效自评的报告", "self", "澧县农机服务站"),
        ("澧县财政局关于澧县农机服务站2022年度农村公路养护资金绩效评价结果的通知", "finance", "澧县财政局"),
    ],
)
def test_the_unit_a_titles_about_names(title: str, mode: str, evaluator: str) -> None:
    # 关于XX站…: what the report or the notice is about is that unit's spending
    doc, r = record_of_text(title + "\n一、基本情况\n该项目2022年安排资金100万元。\n")
    assert r.evaluation_mode == mode
    assert r.evaluated_unit == "澧县农机服务站"
    assert r.evaluator == evaluator


def test_a_unit_issuing_a_document_after_about_is_not_read_so() -> None:
    _doc, r = record_of_text("关于澧县交通运输局印发农村公路养护资金管理办法的通知\n各乡镇：\n现将办法印发给你们。\n")
    assert r.evaluated_unit is None


# ---------------------------------------------------------------- a spending unit's cell displaced past the scores
_HEAD = "银川市本级部门项目支出绩效自评表(2021年)\n"


@pytest.mark.parametrize(
    "form",
    [
        # the form's header flattened: 实施单位's cell spans the rows its score cells fill, its name printed after them
        "项目名称初中公用经费主管部门银川市教育局实施单位自评得分98财政审定评分银川市第六中学项目资金(万元)年度资金总额\n",
        "项目名称 初中公用经费 主管部门 银川市教育局 实施单位 自评得分 98 财政审定评分 银川市第六中学 项目资金(万元)\n",
        "项目名称\n初中公用经费\n主管部门\n银川市教育局\n实施单位\n自评得分\n98\n财政审定评分\n\n银川市第六中学\n项目资金(万元)\n",
        "| 项目名称 | 初中公用经费 | 主管部门 | 银川市教育局 | 实施单位 | | 自评得分 | 98 | 财政审定评分 | | 银川市第六中学 |\n",
    ],
)
def test_a_spending_units_name_displaced_past_the_score_cells_is_still_its(form: str) -> None:
    doc, r = record_of_text(_HEAD + form)
    assert r.evaluated_unit == r.evaluator == "银川市第六中学"  # (not the 主管部门, ruling 4)
    assert evidence(doc, r, "evaluated_unit").startswith("实施单位")


def test_a_name_that_is_another_labels_value_is_not_displaced() -> None:
    # 实施单位 left empty, the name after the scores is the 填报单位's own: read as the filing unit's, not displaced
    doc, r = record_of_text(
        _HEAD + "项目名称 初中公用经费 主管部门 银川市教育局 实施单位 自评得分 98 填报单位 银川市第六中学\n"
    )
    assert evidence(doc, r, "evaluated_unit") == "填报单位 银川市第六中学"
