"""Self-evaluation tables (自评表) flattened to text, read as forms (issue 8): the shapes of the
development set's dev-half tables — one cell a line with blank lines between, rows run together
with no separator, a scrambled PDF text layer — with the programme, the units and the title
read from their labels and cut where the next label begins.

Each text below keeps the shape of a real published table (the dev item it comes from is
named); values are asserted with the words they came from.
"""

from __future__ import annotations

import re

import pytest
from devset_compare import items
from excerpt_records import evidence, record_of_text

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record


# hebei-langfang-2019-food-school-hvac-self-table-cell-per-line: one cell a paragraph, and the
# year line under the heading lost its opening bracket
CELL_PER_LINE = (
    "附件1\n\n项目支出绩效自评表\n\n2020年度)\n\n项目名称\n\n教学楼、食堂屋面防水维修经费\n\n主管部门\n\n"
    "保定市教育局\n\n实施单位\n\n保定市第二职业中学\n\n项目资金\n(万元)\n\n \n\n年初\n\n预算数\n\n"
    "全年\n\n预算数\n\n全年\n\n执行数\n\n分值\n\n执行率\n\n得分\n\n年度资金总额\n\n38.5\n\n38.5\n\n"
    "36.1\n\n10\n\n94%\n\n9\n"
)


def test_year_line_that_lost_a_bracket_is_the_titles_last_words() -> None:
    doc, rec = record_of_text(CELL_PER_LINE)
    assert rec.title == "项目支出绩效自评表2020年度)"
    assert rec.years == [2020]
    assert "2020年度" in evidence(doc, rec, "title")


def test_a_value_run_into_the_next_cells_label_ends_where_the_label_begins() -> None:
    # (the reader runs 教学楼、食堂屋面防水维修经费 and 主管部门 into one paragraph)
    doc, rec = record_of_text(CELL_PER_LINE)
    assert rec.program == "教学楼、食堂屋面防水维修经费"
    assert evidence(doc, rec, "program").endswith("教学楼、食堂屋面防水维修经费")
    assert rec.evaluated_unit == "保定市第二职业中学"  # 实施单位 over 主管部门
    assert rec.evaluator == "保定市第二职业中学"


# beijing-haidian-2016-xueyuanlu-street-cleaning-self-table-doc-site: a document site's preview,
# the table's rows run together with no separator
RUN_TOGETHER = (
    "1、项目支出绩效自评表(2017年度)           项目名称【体制】背街小巷环境整治工作经费"
    "主管部门及代码北京市朝阳区人民政府和平街街道办事处实施单位:北京市朝阳区和平街街道城市管理服务中心"
    "项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法"
    "年度资金总额:120.588.21073%7.3执行率*该指标分值,最高不得超过分值上限。\n"
)


def test_a_units_name_ends_where_the_next_cells_label_begins() -> None:
    doc, rec = record_of_text(RUN_TOGETHER)
    # 实施单位 over 主管部门及代码, its name cut before 项目资金(万元)
    assert rec.evaluated_unit == "北京市朝阳区和平街街道城市管理服务中心"
    assert evidence(doc, rec, "evaluated_unit").endswith("北京市朝阳区和平街街道城市管理服务中心")


def test_a_category_tag_before_the_programme_is_not_its_name() -> None:
    doc, rec = record_of_text(RUN_TOGETHER)
    assert rec.program == "背街小巷环境整治工作经费"  # not 【体制】…
    assert evidence(doc, rec, "program").endswith("背街小巷环境整治工作经费")


# hubei-guangshui-2021-transport-rural-roads-self-table-pdf-site: a PDF table's scrambled text
# layer, the 主管单位 and 实施单位 cells (the same bureau) printed one after the other
SCRAMBLED = (
    "随州市财政预算支出项目绩效目标自评表 填报日期:2023 年 7 月 5 项目名称 项目主管单 位 自评总分: 88 "
    "项目实施单位 随县农业农村局 随县农业农村局 项目负责人 李明 1、常年性 2、延续性□ 3、一次性□ "
    "合计 执行数 执行 (万元) (万元) 率 120 120 来源 项目年度目 标 单位领导审签: 农田水利设施维护项目\n"
)


def test_the_same_name_in_two_cells_run_together_is_one_name() -> None:
    doc, rec = record_of_text(SCRAMBLED)
    assert rec.evaluated_unit == "随县农业农村局"
    assert rec.evaluator == "随县农业农村局"


# hunan-lingling-2021-cdc-department-self-table-doc-site: a document site's copy, the file's name
# (with a copy number) repeated on every page thumbnail, the table's own heading run into its first
# label (区级预算单位名称)
DOC_SITE = (
    "部门整体支出绩效自评表(2).docx\n\n上传人:李** 文档编号:318822 上传时间:2023-05-10 格式:DOCX 页数:9\n"
    "部门整体支出绩效自评表(2).docx_第1页\n第1页 / 共9页\n部门整体支出绩效自评表(2).docx_第2页\n"
    "第2页 / 共9页\n资源描述\n\n《部门整体支出绩效自评表(2).docx》由会员分享,可在线阅读。\n\n"
    "1、部门整体支出绩效自评表(2022年度)县级预算单位名称祁阳市妇幼保健计划生育服务中心年度预算申请(万元)"
    "年初预算数全年预算数全年执行数分值执行率得分年度资金总额1210.51210.51180.31097.5%9.8\n"
)


def test_the_tables_own_heading_over_a_file_name_with_a_copy_number() -> None:
    doc, rec = record_of_text(DOC_SITE)
    assert rec.title == "部门整体支出绩效自评表(2022年度)"
    assert rec.years == [2022]


# The same tables in the other layouts a table takes when flattened to text: the development
# half's tables published with drawn cell boundaries (项目名称 | XX | …), their cells one a line,
# set apart by spaces, or run together with nothing between them.
def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*[|｜]\s*", line) if c.strip()]


def _relaid(text: str, sep: str) -> str:
    return "\n".join(sep.join(_cells(ln)) if "|" in ln else ln for ln in text.split("\n"))


TABLES = [it for it in items("dev") if it.path.read_text(encoding="utf-8").count("|") >= 10]
FORM_FIELDS = ("title", "program", "evaluated_unit", "evaluator", "years")


@pytest.mark.parametrize("sep", ["\n", "  ", ""], ids=["cell_a_line", "spaced", "run_together"])
def test_the_form_reads_the_same_in_every_layout_of_a_flattened_table(sep: str) -> None:
    assert len(TABLES) >= 15
    differ = {}
    for it in TABLES:
        text = it.path.read_text(encoding="utf-8")
        published = build_record(read_text(text, "excerpt.txt"))
        relaid = build_record(read_text(_relaid(text, sep), "excerpt.txt"))
        diff = {f: (getattr(published, f), getattr(relaid, f)) for f in FORM_FIELDS}
        diff = {f: v for f, v in diff.items() if v[0] != v[1]}
        if diff:
            differ[it.stem] = diff
    assert 1 - len(differ) / len(TABLES) >= 0.85, differ


# The same tables under the other names forms give the same cells (label synonyms of
# patterns/forms.yaml): the development half's tables with one label renamed.
SYNONYMS = [
    ("项目名称", "预算项目名称"),
    ("项目名称", "项目(单位)名称"),
    ("实施单位", "项目执行单位"),
    ("实施单位", "执行单位"),
    ("主管部门", "项目主管单位"),
    ("项目名称", "专项(项目)名称"),
]
FORMS = [
    it
    for it in items("dev")
    if it.meta.get("form") in ("self_table", "department") or it.path.read_text(encoding="utf-8").count("|") >= 10
]


@pytest.mark.parametrize(
    "label, synonym",
    SYNONYMS,
    ids=[
        "budget_project_name",
        "project_unit_name",
        "project_executor",
        "executor",
        "project_supervisor",
        "special_fund_name",
    ],
)
def test_a_label_under_another_name_reads_the_same(label: str, synonym: str) -> None:
    fields = ("program", "evaluated_unit", "evaluator")
    tables = [it for it in FORMS if label in it.path.read_text(encoding="utf-8")]
    assert len(tables) >= 10
    differ = {}
    for it in tables:
        text = it.path.read_text(encoding="utf-8")
        published = build_record(read_text(text, "excerpt.txt"))
        renamed = build_record(read_text(text.replace(label, synonym), "excerpt.txt"))
        diff = {f: (getattr(published, f), getattr(renamed, f)) for f in fields}
        diff = {f: v for f, v in diff.items() if v[0] != v[1]}
        if diff:
            differ[it.stem] = diff
    assert 1 - len(differ) / len(tables) >= 0.9, differ


def test_a_forms_date_whose_day_lost_its_character() -> None:
    doc, rec = record_of_text(SCRAMBLED)  # 填报日期:2023 年 7 月 5 项目名称 …
    assert rec.report_date == "2023-07-05"
    assert evidence(doc, rec, "report_date").replace(" ", "").endswith("2023年7月5")


# anhui-luan-2021-public-culture-system-self-table-with-summary: a bureau's page, a summary
# paragraph over its self-evaluation table
SUMMARY_OVER_TABLE = (
    "全民健身活动经费项目绩效自评综述:根据年初设定的绩效目标,项目绩效自评得分为92.5分。全年预算数为150万元,"
    "执行数为141.2万元,完成预算的94.1%。\n\n项目支出绩效自评表\n\n（2022年度）\n\n项目名称\n\n全民健身活动经费\n\n"
    "主管部门\n\n滁州市体育局\n\n实施单位\n\n滁州市全民健身中心\n"
)


def test_the_projects_own_self_evaluation_score_is_its_total_not_a_tiers() -> None:
    doc, rec = record_of_text(SUMMARY_OVER_TABLE)
    assert rec.score.total == 92.5  # 项目绩效自评得分: the project's, not a 项目绩效 tier's
    assert "92.5" in evidence(doc, rec, "score.total")
    assert not any(i.level == 1 and i.name == "项目绩效" for i in rec.indicators)
