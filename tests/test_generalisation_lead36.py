"""Session 36 of the lead's (issue 8): a third party's report speaks of the unit's 自评 in three more places
where bench/excerpt.py showed a section read alone as a self-evaluation (the shared yunnan report's 四、六、九):

- a run-in heading naming it, then the sentence that says it was reviewed (（1）绩效自评开展情况。通过对部门自评…
  进行复核，…自评资料能及时报送): the heading is read with that sentence, and a sentence opening with the means
  of a review (通过对…复核，/ 经复核，) reports what the review found in every clause;
- a section whose heading reviews self-evaluations (六、绩效自评复核情况): what it says of 自评 is reviewed;
- a list of annexed documents (7. 绩效自评报告): a document's name, not the writer's work.

A unit's own self-evaluation still reads as one (the last test).
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text


@pytest.mark.parametrize(
    "text",
    [
        # a run-in heading on its own line, the review sentence under it
        "2. 业务管理方面\n(1) 绩效自评开展情况。\n通过对部门自评的真实性、准确性进行复核，部门自评资料填报基本规范，"
        "自评资料能及时报送，自评结果基本符合实际情况。\n",
        # the same, run in
        "（2）绩效自评情况。经复核，单位自评资料能及时报送，自评结果与实际不一致。\n",
        # a section reviewing self-evaluations
        "六、绩效自评复核情况\n（二）自评复核结论及分析\n省社会保险局较为重视绩效自评工作，按时完成了项目绩效自评工作。\n",
        # an annex list
        "九、其它需说明的情况\n无\n附件:1.绩效目标表\n2.绩效评价指标体系及评分表\n7. 绩效自评报告\n8. 绩效评价报告意见反馈表（部门）\n",
    ],
)
def test_a_reviewed_or_listed_self_evaluation_is_no_self_evaluation(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode is None, (r.evaluation_mode, r.evidence.get("evaluation_mode"))


@pytest.mark.parametrize(
    "text",
    [
        "（一）自评工作开展情况。\n我局成立绩效自评工作小组，对2022年度农村公路养护资金开展了绩效自评，自评得分92分。\n",
        "一、绩效自评工作开展情况\n本单位对2021年度项目支出开展了自评，自评结果为优。\n",
        "通过认真梳理项目资料，单位对2022年度项目开展了自评，自评得分95分。\n",
    ],
)
def test_a_units_own_self_evaluation_still_reads_as_one(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self", (r.evaluation_mode, r.evidence.get("evaluation_mode"))
    assert "自评" in evidence(doc, r, "evaluation_mode")


# ---------------------------------------------------------------- titles set on two lines (bench/perturb.py wrap28/40)

BODY = "\n一、基本情况\n纳入本次绩效自评的资金为2023年度安排的省级交通专项资金，合计7505万元。\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a wrap before the report's words: the line over 绩效自评报告 is the title's first words, not a headline
        (
            "茂名市交通运输局关于2023年度省级交通专项资金(普通公路水路建设)\n绩效自评报告\n发布时间: 2024年07月10日"
            + BODY,
            "茂名市交通运输局关于2023年度省级交通专项资金(普通公路水路建设)绩效自评报告",
        ),
        # a wrap inside one of the report's words, under a line longer than a title's first words usually are
        (
            "茂名市交通运输局关于2023年度省级交通专项资金（普通公路水路建设及农村公路养护工程）绩效自\n评报告" + BODY,
            "茂名市交通运输局关于2023年度省级交通专项资金（普通公路水路建设及农村公路养护工程）绩效自评报告",
        ),
        # the programme over a line naming only the years
        (
            "中央集中彩票公益金转移支付(福彩圆梦•孤儿助学工程项目)\n2019年-2020年度绩效自评报告\n主管部门:儿童福利处"
            + BODY,
            "中央集中彩票公益金转移支付(福彩圆梦•孤儿助学工程项目)2019年-2020年度绩效自评报告",
        ),
    ],
)
def test_a_title_wrapped_onto_a_second_line_is_read_whole(text: str, title: str) -> None:
    doc, r = record_of_text(text)
    assert r.title == title, (r.title, r.evidence.get("title"))


def test_a_file_name_over_a_whole_title_is_not_its_first_words() -> None:
    # the page's file name ending in 项目 over a title naming its own place and programme stays apart
    text = "常熟河道长效管理项目\n常熟市2016年度河道长效管理项目绩效评价自评报告" + BODY
    doc, r = record_of_text(text)
    assert r.title == "常熟市2016年度河道长效管理项目绩效评价自评报告", r.title
