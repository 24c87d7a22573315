"""Findings on short reports written for jixiao (tests/texts/), in phrasings the corpus lacks.

Each text goes through the whole path: ``jixiao.parse`` (the text reader) and
``extract_findings``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extractor import parse
from jixiao.extractor.record.findings import extract_findings
from jixiao.extractor.record.sections import find_sections

TEXTS = Path(__file__).parent / "texts"
# The texts written for findings (other texts in tests/texts/ serve the score and metadata tests).
FINDINGS_TEXTS = [
    "circled-list.txt",
    "paren-list.txt",
    "shi-inline.txt",
    "results-table.txt",
    "problems-and-causes.txt",
    "found-problems-rectify.txt",
    "container-other.txt",
    "repeated-summary.txt",
    "combined-section.txt",
    "runin-unnumbered.txt",
    "bold-headings.txt",
    "problem-cause-parts.txt",
    "runin-shi-label.txt",
    "problems-with-measures.txt",
    "kv-table.txt",
    "problems-and-plans.txt",
    "lead-in-paragraphs.txt",
]


def findings(name: str) -> list[dict]:
    return extract_findings(parse(TEXTS / name))


def titles(fs: list[dict], kind: str) -> list[str]:
    return [f["title"] for f in fs if f["kind"] == kind]


def test_circled_list_items() -> None:
    fs = findings("circled-list.txt")
    assert titles(fs, "problem") == [
        "养护资金拨付滞后，第四季度才下达全年资金的60%，影响养护工程进度",
        "绩效指标设置不够细化，“道路优良率”未设定具体目标值",
        "养护台账登记不完整，部分路段巡查记录缺失",
    ]
    assert [f["category"] for f in fs if f["kind"] == "problem"] == ["funds_arrival", "goal_setting", "records"]
    recs = [f for f in fs if f["kind"] == "recommendation"]
    assert [r["responds_to"] for r in recs] == [1, 2, 3]


def test_parenthesised_arabic_list_items() -> None:
    fs = findings("paren-list.txt")
    probs = titles(fs, "problem")
    assert len(probs) == 3 and probs[1].startswith("社会保险补贴审核把关不严")
    assert [f["category"] for f in fs if f["kind"] == "problem"][1:] == ["eligibility_review", "budget_execution"]
    assert len(titles(fs, "recommendation")) == 3


def test_inline_yishi_erishi_list_in_one_paragraph() -> None:
    fs = findings("shi-inline.txt")
    assert titles(fs, "problem") == [
        "救助对象信息与民政、医保部门数据未实现共享，依靠人工比对",
        "部分街道经办人员业务不熟，救助申请审核时间较长",
        "政策宣传不够深入，部分困难群众不了解救助申请渠道",
    ]
    assert [f["category"] for f in fs if f["kind"] == "problem"] == ["information_system", "staffing", "publicity"]
    # "下一步改进措施和建议" is a recommendations heading; its inline list splits too
    assert titles(fs, "recommendation")[1] == "加强经办人员业务培训"
    # spans cut the paragraph at the markers: no item swallows the next one
    doc = parse(TEXTS / "shi-inline.txt")
    for f in fs:
        assert "二是" not in doc.text[f["span"][0] + 2 : f["span"][1]] or f["title"].startswith("一是")


def test_results_table_holds_problems_and_recommendations() -> None:
    fs = findings("results-table.txt")
    probs = [f for f in fs if f["kind"] == "problem"]
    assert [p["title"] for p in probs] == [
        "项目资金到位不及时，县级配套资金未足额到位",
        "绩效目标设置不够细化，满意度指标未设定目标值",
        "补贴对象动态管理不到位，存在死亡人员未及时停发补贴的情况",
    ]
    assert [p["category"] for p in probs][:2] == ["funds_arrival", "goal_setting"]
    assert probs[2]["category"] in ("benefit_payment", "eligibility_review")  # 动态管理/停发: either reading
    recs = [f for f in fs if f["kind"] == "recommendation"]
    assert len(recs) == 3 and [r["responds_to"] for r in recs] == [1, 2, 3]
    doc = parse(TEXTS / "results-table.txt")
    for f in fs:  # spans point into the table cells
        assert doc.text[f["span"][0] : f["span"][1]] == f["text"]


def test_problems_section_called_main_problems_and_causes() -> None:
    fs = findings("problems-and-causes.txt")
    assert titles(fs, "problem") == ["基金当期收不抵支，可持续运行压力加大", "信息系统数据不一致，数据质量有待提高"]
    assert [f["category"] for f in fs if f["kind"] == "problem"][0] == "fund_sustainability"
    # 意见和建议 is a recommendations section
    assert titles(fs, "recommendation") == ["多渠道筹集基金，确保基金收支平衡", "加强数据治理，统一统计口径"]
    assert [f["responds_to"] for f in fs if f["kind"] == "recommendation"] == [1, 2]


def test_found_problems_subsection_and_rectification_advice() -> None:
    fs = findings("found-problems-rectify.txt")
    probs = titles(fs, "problem")
    assert len(probs) == 3 and probs[2] == "服务档案管理不规范，服务记录与补贴发放名单不一致"
    recs = titles(fs, "recommendation")  # 整改建议
    assert len(recs) == 3 and recs[0] == "优化服务站点布局，提高设施使用效率"
    assert [f["category"] for f in fs if f["kind"] == "problem"][1:] == ["eligibility_review", "records"]


def test_container_parent_gives_way_to_its_sub_items() -> None:
    fs = findings("container-other.txt")
    assert titles(fs, "problem") == [
        "项目资金拨付不及时",
        "绩效目标设置不合理",
        "项目竣工资料归档不及时，部分验收资料缺失",
        "工程管护机制不健全，管护经费未落实",
    ]
    assert "其他" not in " ".join(titles(fs, "problem"))
    # the first item keeps its body text (nested text belongs to its parent)
    first = fs[0]
    assert "820万元" in first["text"]


def test_repeated_summary_list_gives_each_finding_once_from_the_body() -> None:
    doc = parse(TEXTS / "repeated-summary.txt")
    regions = {(s.kind, s.region) for s in find_sections(doc)}
    assert ("problem", "summary") in regions and ("problem", "body") in regions
    fs = extract_findings(doc)
    assert titles(fs, "problem") == ["补助对象认定不精准", "资金拨付滞后"]
    assert titles(fs, "recommendation") == ["严格补助对象认定", "加快资金拨付"]
    body_start = doc.text.index("一、基本情况")
    assert all(f["span"][0] > body_start for f in fs)  # the fuller body copy is kept
    assert "低保" in fs[0]["text"]


def test_combined_section_with_numbered_parts_and_sub_lists() -> None:
    fs = findings("combined-section.txt")
    assert len(titles(fs, "experience")) == 1
    assert titles(fs, "problem") == [
        "部分社区协办员身兼数职，业务不熟悉，经办差错时有发生",
        "与医保、民政部门的死亡数据共享不及时，暂停发放待遇滞后",
    ]
    assert len(titles(fs, "recommendation")) == 2
    assert [f["responds_to"] for f in fs if f["kind"] == "recommendation"] == [1, 2]


def test_run_in_unnumbered_section_labels_and_signature() -> None:
    fs = findings("runin-unnumbered.txt")
    assert titles(fs, "problem") == [
        "普惠性民办幼儿园补助标准偏低，吸引力不强",
        "部分幼儿园设备采购后使用率不高",
        "项目档案资料不完整",
    ]
    recs = [f for f in fs if f["kind"] == "recommendation"]  # 政策建议
    assert len(recs) == 3 and recs[-1]["title"] == "完善项目档案管理，及时收集整理佐证材料"
    assert "教育体育局" not in recs[-1]["text"]  # the signature is not part of the last item
    assert len(titles(fs, "experience")) == 1


def test_unnumbered_bold_headings_as_sections_and_items() -> None:
    fs = findings("bold-headings.txt")
    assert titles(fs, "problem") == ["资金拨付不及时", "项目档案不完整"]
    assert titles(fs, "recommendation") == ["加快资金拨付", "规范档案管理"]
    assert [f["category"] for f in fs if f["kind"] == "problem"] == ["funds_arrival", "records"]


def test_problem_part_and_cause_part_under_one_heading() -> None:
    """ "三、存在的问题及原因分析" split into "（一）存在的问题" (a frame for its items)
    and "（二）原因分析" (no findings)."""
    fs = findings("problem-cause-parts.txt")
    assert titles(fs, "problem") == [
        "补贴资金测算依据不充分，成本规制办法未及时修订",
        "运营里程数据由企业自行上报，缺乏核验",
    ]
    assert [f["responds_to"] for f in fs if f["kind"] == "recommendation"] == [1, 2]


def test_run_in_labels_ending_in_shi_and_ruxia() -> None:
    """ "存在的主要问题是：一是……；二是……" and "建议如下：一是……" inside one paragraph each."""
    fs = findings("runin-shi-label.txt")
    assert titles(fs, "problem") == ["资金拨付不及时", "绩效目标不明确"]
    assert titles(fs, "recommendation") == ["及时拨付资金", "明确绩效目标"]
    assert [f["responds_to"] for f in fs if f["kind"] == "recommendation"] == [1, 2]


def test_combined_heading_without_parts_gives_problems() -> None:
    """ "三、存在的问题及改进措施" whose items each state a problem and then its fix."""
    fs = findings("problems-with-measures.txt")
    assert titles(fs, "problem") == ["部分供水工程水质检测频次不足", "维修养护资金拨付滞后，影响汛前维修"]
    assert "第三方" in fs[0]["text"]  # the fix stays with its problem
    assert not titles(fs, "recommendation")


def test_feedback_form_rows_holding_circled_lists() -> None:
    """A results form with rows "存在问题 | ①……；②……" and "整改建议 | ①……"."""
    fs = findings("kv-table.txt")
    assert titles(fs, "problem") == [
        "运营补贴按床位数拨付，未与服务质量挂钩",
        "部分中心入住率不足40%，床位闲置",
        "服务台账记录不全",
    ]
    assert len(titles(fs, "recommendation")) == 3
    assert [f["responds_to"] for f in fs if f["kind"] == "recommendation"] == [1, 2, 3]
    assert fs[2]["category"] == "records"


def test_part_headings_and_work_plans_are_not_recommendations() -> None:
    """ "第三部分 存在问题及下一步工作打算": the problems part gives problems; the unit's
    own plans (下一步工作打算) are not recommendations."""
    fs = findings("problems-and-plans.txt")
    assert titles(fs, "problem") == ["部分村庄垃圾收运频次不足，群众满意度不高", "公厕管护经费未纳入年度预算"]
    assert fs[1]["category"] == "budget_execution"
    assert not titles(fs, "recommendation")


def test_unmarked_paragraphs_after_a_lead_in() -> None:
    fs = findings("lead-in-paragraphs.txt")
    assert titles(fs, "problem") == ["项目资金拨付滞后，影响实施进度", "绩效目标未量化，难以考核"]
    assert titles(fs, "recommendation") == ["及时拨付资金"]


@pytest.mark.parametrize("name", FINDINGS_TEXTS)
def test_every_text_gives_valid_findings(name: str) -> None:
    doc = parse(TEXTS / name)
    fs = extract_findings(doc)
    assert fs
    for f in fs:
        s, e = f["span"]
        assert 0 <= s < e <= len(doc.text)
        assert f["category"] is not None
        assert f["title"] and f["title"][:4] in doc.text[s:e]


@pytest.mark.parametrize(
    "heading,kind",
    [
        ("四、存在的问题", "problem"),
        ("（三）存在的主要问题", "problem"),
        ("（二）发现问题", "problem"),
        ("五、主要问题", "problem"),
        ("六、问题及原因分析", "problem"),
        ("三、主要问题及原因", "problem"),
        ("七、存在的问题及原因分析", "problem"),
        ("（四）项目实施中存在的问题", "problem"),
        ("（三）评价发现的问题", "problem"),
        ("2.存在的问题。", "problem"),
        ("五、建议", "recommendation"),
        ("六、有关建议", "recommendation"),
        ("三、整改建议", "recommendation"),
        ("3.建议和改进措施。", "recommendation"),
        ("八、政策建议", "recommendation"),
        ("四、意见和建议", "recommendation"),
        ("（三）下一步改进措施", "recommendation"),
        ("五、主要经验及做法", "experience"),
        ("（一）主要做法和经验", "experience"),
        ("三、经验、问题和建议", "combined"),
        ("五、主要经验及做法、存在的问题和建议", "combined"),
        ("四、存在的问题及整改建议", "combined"),
        ("第四部分 存在的主要问题", "problem"),
        ("五、存在问题及下一步工作打算", "combined"),
        ("六、下一步工作计划", None),
        ("四、存在的问趣", "problem"),  # OCR misread by one character
        ("五、建议和改进措旅", "recommendation"),
        ("（四）部门整改情况", None),
        ("一、基本情况", None),
        ("三、评价结论", None),
        ("（二）原因分析", None),
        ("九、其他需要说明的问题", None),
        ("2. 绩效评价指标体系", None),
        ("（三）关键评价问题", None),
        ("（一）资金管理存在不足", None),  # an item's title, not a section
        ("（一）制度激励机制活力不足，吸引力不强", None),
    ],
)
def test_section_names(heading: str, kind: str | None) -> None:
    from jixiao.extractor.record.sections import clean_key, kind_of_key

    assert kind_of_key(clean_key(heading)) == kind
