"""Names read from prose that says them (session names35): who evaluated, what was evaluated.

The body that leads (牵头) an evaluation of others' spending is its evaluator — whoever it sends, a group it
organises or experts it commissions (zhejiang-huzhou, dev: 市公共交通领导小组办公室牵头组织…考核工作小组,对…进行了
审核).  Not a body said to lead a programme (…牵头的…保证金), nor one another body is led by (由…牵头)."""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text


@pytest.mark.parametrize(
    ("text", "evaluator"),
    [
        (
            "经县政府同意，县财政局牵头组成考核组，对各乡镇2022年度村级组织运转经费使用情况进行了绩效考核，考核结果为良好。",
            "县财政局",
        ),
        (
            "2024年12月19日，市公共交通领导小组办公室牵头组织由交通运输、财政等部门相关负责人组成的考核工作小组，"
            "对2023年度市公交集团有限公司政策性亏损等有关补贴数据进行了审核，现将考核结果公示如下。",
            "市公共交通领导小组办公室",
        ),
        (
            "为规范资金管理，省教育厅牵头，对各市2022年度学生资助补助资金落实情况开展绩效评价，评价结果将作为分配依据。",
            "省教育厅",
        ),
    ],
)
def test_the_body_that_leads_an_evaluation_of_others_is_its_evaluator(text: str, evaluator: str) -> None:
    doc, record = record_of_text(text)
    assert record.evaluator == evaluator
    assert evaluator in evidence(doc, record, "evaluator")


@pytest.mark.parametrize(
    "text",
    [
        "评价项目为：市金融局牵头的韶关市“政银保”保证金、市农业局牵头的农业“政银保”，市财政局对上述项目进行了绩效评价。",
        "扫黑专项斗争领导小组办公室由县委政法委牵头，对各成员单位开展了绩效考评。",
    ],
)
def test_a_body_leading_a_programme_or_led_by_another_is_not_read_so(text: str) -> None:
    _doc, record = record_of_text(text)
    assert record.evaluator not in ("市金融局", "县委政法委")


# A group named for the evaluation that opens its sentence and does it is the evaluator when no body is said to
# lead or form it (liaoning-unnamed-2019, dev: 试点城市评审小组按照职责分工,…,对我省…进行了评分) — below every body's rule.
@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "一、试点城市绩效评价结果\n试点城市评审小组按照职责分工，根据财金〔2019〕62号文规定的绩效指标评分标准，"
            "对我省2019年度试点城市提交的绩效评价指标表进行了评分，两市得分为87.29分和81.01分。",
            "试点城市评审小组",
        ),
        (
            "2023年5月，全省义务教育经费绩效考评组对各县2022年度义务教育经费使用情况进行了绩效考评，我县得分92分。",
            "全省义务教育经费绩效考评组",
        ),
    ],
)
def test_a_group_named_for_the_evaluation_is_its_evaluator_when_no_body_leads_it(text: str, group: str) -> None:
    doc, record = record_of_text(text)
    assert record.evaluator == group
    assert group in evidence(doc, record, "evaluator")
    assert record.evaluated_unit is None  # (a group is never the unit whose spending it is)


def test_a_body_that_forms_the_group_outranks_it() -> None:
    text = "临夏州文化广电和旅游局成立免费开放绩效考评工作小组，对我馆2018年度免费开放资金进行了绩效考评，得分92分。"
    _doc, record = record_of_text(text)
    assert record.evaluator == "临夏州文化广电和旅游局"


def test_a_unit_s_own_working_group_is_neither_its_evaluator_nor_the_unit() -> None:
    # (a self-evaluation: the group is the unit's own, the unit the title names evaluated itself)
    text = (
        "澧县第一中学2022年度学生资助资金绩效自评报告\n"
        "2023年3月，学校学生资助资金绩效评价工作小组对2022年度学生资助资金使用情况进行了绩效评价，自评得分95分。\n"
    )
    _doc, record = record_of_text(text)
    assert record.evaluation_mode == "self"
    assert record.evaluated_unit == "澧县第一中学"
    assert record.evaluator == "澧县第一中学"


def test_a_self_evaluation_that_names_only_its_working_group_names_no_unit() -> None:
    text = (
        "2022年度学生资助资金绩效自评报告\n"
        "2023年3月，学校学生资助资金绩效评价工作小组对2022年度学生资助资金使用情况进行了绩效评价，自评得分95分。\n"
    )
    _doc, record = record_of_text(text)
    assert record.evaluation_mode == "self"
    assert record.evaluated_unit is None
    assert record.evaluator is None


# A pilot programme evaluated in the places that pilot it: the pilot (…试点) is the programme, the cities or
# provinces after it are who is evaluated (national-2015-utility-tunnel, tianjin-2017-clean-heating, dev).
@pytest.mark.parametrize(
    ("text", "programme"),
    [
        (
            "本月中旬，住房城乡建设部和财政部将组织专家成立绩效评价小组，对包头等10个第一批中央财政支持地下综合管廊建设"
            "试点城市2015年度绩效进行评价。",
            "中央财政支持地下综合管廊建设试点",
        ),
        ("日前，天津市顺利通过国家对北方地区冬季清洁取暖试点城市项目绩效考核。", "北方地区冬季清洁取暖试点"),
        (
            "财政部、农业部对河北等10个农作物秸秆综合利用试点省份2016年度绩效进行了评价，平均得分82分。",
            "农作物秸秆综合利用试点",
        ),
    ],
)
def test_a_pilot_evaluated_in_its_pilot_places_is_the_programme(text: str, programme: str) -> None:
    doc, record = record_of_text(text)
    assert record.program == programme
    assert programme in evidence(doc, record, "program")


# A department evaluating the transfer it administers, spent by a unit under it (ruling 13: self): the department is
# the evaluator, the unit the one evaluated — not the unit twice (neimenggu-2015-wolfberry, dev: 林业厅组织专家对林科院
# 承担的…项目…进行了绩效评价).
@pytest.mark.parametrize(
    ("text", "evaluator", "unit"),
    [
        (
            "中央财政林业科技推广示范项目通过绩效评价\n2015年6月12日，林业厅组织专家对林科院承担的中央财政林业科技推广"
            "示范项目“枸杞高效栽培技术推广示范”进行了绩效评价。本项目以优秀成绩通过绩效评价。\n",
            "林业厅",
            "林科院",
        ),
        (
            "2022年度学生资助资金绩效自评报告\n2023年3月，澧县教育局组织专家对澧县第一中学2022年度学生资助资金使用情况进行了"
            "绩效评价，得分95分。\n",
            "澧县教育局",
            "澧县第一中学",
        ),
    ],
)
def test_a_department_evaluating_a_unit_under_it_is_the_evaluator(text: str, evaluator: str, unit: str) -> None:
    doc, record = record_of_text(text)
    assert record.evaluation_mode == "self"
    assert record.evaluator == evaluator
    assert record.evaluated_unit == unit
    assert evaluator in evidence(doc, record, "evaluator")


def test_a_unit_evaluating_its_own_spending_stays_its_own_evaluator() -> None:
    text = "2022年度学生资助资金绩效自评报告\n2023年3月，澧县教育局对2022年度学生资助资金使用情况开展了绩效自评，自评得分95分。\n"
    _doc, record = record_of_text(text)
    assert record.evaluated_unit == record.evaluator == "澧县教育局"
