"""Department-wide reports that name their kind in other words (issue 8, session kind29).

- A title that names a unit's year budget as a whole, no project named — …2024年度部门预算执行情况绩效自评…,
  …2021年度部门预算整体绩效自评报告, …幼儿园2024年财政预算支出绩效自评情况报告 — is a department-wide report
  (``report_kind`` in ``patterns/metadata.yaml``); a title with the project named (…财政预算支出项目绩效目标
  自评表) stays a project.
- The notice the writer acts on, when it names a department's whole spending and no project (根据《关于开展…
  部门单位整体支出自我绩效评价的通知》要求, …), names the kind (``cited``); a notice on both kinds tells neither.
- The body's phrase for an evaluation of a project takes news's word 绩效考核 too (对…试点城市项目绩效考核),
  and does not run across an evaluation already
  named before the project's word (开展自评自查工作,…核实有关账务及项目等执行情况,填写自评).

Each is asserted on the development-set items it comes from and on invented text, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_record, record_of_text


@pytest.mark.parametrize(
    "stem",
    [
        "gansu-wushan-2024-fire-rescue-brigade-rectification",  # …2024年度部门预算执行情况绩效自评整改报告
        "sichuan-panzhihua-xiqu-2021-first-kindergarten-department-self-report-mirror",  # 部门预算整体绩效自评报告
        "yunnan-xishan-2024-seventh-kindergarten-budget-self-evaluation-report",  # 2024年财政预算支出绩效自评情况报告
        "guangdong-zhanjiang-2017-public-security-bureau-department-self-report",  # 根据《…整体支出自我绩效评价的通知》要求
    ],
)
def test_department_wide_reports_in_other_words(stem: str) -> None:
    it, rec = dev_record(stem)
    assert it.expected["report_kind"] == "department"
    assert rec["report_kind"] == "department"


_BODY = "一、基本情况\n我单位认真组织开展绩效自评工作，全年预算执行率98%，各项工作任务均已完成。\n"


@pytest.mark.parametrize(
    "title, kind",
    [
        ("某县第一小学2023年度部门预算执行情况绩效自评报告", "department"),
        ("某县第一小学2023年度部门预算整体绩效自评报告", "department"),
        ("某县第一小学2023年财政预算支出绩效自评情况报告", "department"),
        # near misses: a project named in the title
        ("某县第一小学2023年度学生营养餐补助资金绩效自评报告", "project"),
        ("某县财政预算支出项目绩效目标自评表", "project"),
    ],
)
def test_a_title_naming_the_whole_budget(title: str, kind: str) -> None:
    _, rec = record_of_text(title + "\n" + _BODY)
    assert rec.report_kind == kind


def test_the_notice_acted_on_names_the_kind() -> None:
    text = (
        "根据《关于开展2023年度市级部门单位整体支出绩效自评的通知》要求，我局成立自评工作小组，"
        "认真开展自评自查工作，经核实有关账务及项目等执行情况，填写自评表格，形成本评价报告。\n"
    )
    assert record_of_text(text)[1].report_kind == "department"
    # near miss: a notice on both kinds names neither
    both = text.replace("部门单位整体支出绩效自评", "部门整体支出和项目支出绩效自评")
    assert record_of_text(both)[1].report_kind != "department"


def test_a_project_rated_by_a_performance_assessment() -> None:
    """News says 绩效考核 for an evaluation: 通过国家对…试点城市项目绩效考核 names a project evaluated."""
    it, rec = dev_record("tianjin-2017-clean-heating-pilot-city-assessment-news-mirror-trad")
    assert it.expected["report_kind"] == rec["report_kind"] == "project"
    # (several projects named elsewhere: no project by default, the phrase alone tells it)
    text = "日前，我市顺利通过省里对城区污水管网改造项目绩效考核，考核得分92分。全省共有3个项目纳入考核。\n"
    assert record_of_text(text)[1].report_kind == "project"
