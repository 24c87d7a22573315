"""Report kind and title of issue 8, session 42 (pagesadd38): shapes of dev-half items (tests/devset/texts/),
the new scoring tables among them, each with a short hand-written near miss that must not read.
"""

from __future__ import annotations

import re

from excerpt_records import TEXTS, devset_record, record_of_text
from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record


def test_a_notice_counting_its_projects_still_evaluates_projects() -> None:
    # 2023年度…重点评价 7个项目 / 20个项目 / 41个项目: the several projects a notice lists are projects (the
    # expectations read every such notice as project; only counted departments or units make it another kind)
    for stem in (
        "guangdong-jianghai-undated-key-evaluation-work-summary",
        "hunan-lengshuijiang-2021-finance-bureau-key-evaluations-news",
        "guangdong-dongguan-undated-capital-projects-review",
    ):
        _doc, r = devset_record(stem)
        assert r.report_kind == "project", stem
    # near miss: counted units under a department's whole spending stay no project
    _doc, r = record_of_text("县财政局对3个部门整体支出开展绩效评价,涉及项目资金1200万元。\n")
    assert r.report_kind != "project"


def test_policies_in_general_do_not_make_a_policy_evaluation() -> None:
    # 对照国家相关法律法规和我省相关政策进行分析评价 (a scoring scheme's criteria) and 政策 named in passing in news
    for stem in (
        "anhui-undated-student-nutrition-plan-evaluation-indicator-scheme-portal",
        "national-2016-straw-utilisation-pilot-evaluation-results-news",
        "zhejiang-huzhou-2023-bus-service-purchase-assessment-notice",
    ):
        _doc, r = devset_record(stem)
        assert r.report_kind == "project", stem
    # near miss: a policy's own evaluation is none of a project's
    _doc, r = record_of_text("市财政局对农机购置补贴政策开展政策绩效评价,涉及项目12个。\n")
    assert r.report_kind != "project"


def _cell_a_line(text: str) -> str:
    return "\n".join(
        "\n".join(c.strip() for c in re.split(r"\s*[|｜]\s*", ln) if c.strip()) if "|" in ln else ln
        for ln in text.split("\n")
    )


def test_an_indicator_name_laid_on_its_own_line_is_no_title() -> None:
    # the nutrition plan's scoring scheme, one cell a line: the row 绩效目标情况 after an emptied row
    stem = "anhui-undated-student-nutrition-plan-evaluation-indicator-scheme-portal"
    _doc, published = devset_record(stem)
    text = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")
    relaid = build_record(read_text(_cell_a_line(text), "excerpt.txt"))
    assert (published.title, relaid.title) == (None, None)
    # near miss: a bare form name naming nothing is still a (weak) title
    _doc, r = record_of_text("部门整体支出绩效自评表\n填报单位:某某局\n")
    assert r.title == "部门整体支出绩效自评表"
