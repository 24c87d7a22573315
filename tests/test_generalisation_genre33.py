"""Genre shapes left open by session 36 (issue 8, session genre33).

- A notice that only hands on a report it quotes (关于印发《2022年度…绩效评价报告》的通知, 关于公开《…2021年度…
  自评报告》的通知): the years evaluated and the programme come from the quoted report's title, as that
  report's own title would give them (``years.quoted_report`` in patterns/metadata.yaml).
- A title that names several programmes (A资金、B资金绩效评价报告, A、B、C等3个项目…): the programme is null with
  a warning (ruling 5: several evaluated), not the first one nor one the body names; the report is still a
  project report. Two names joined by 及/和 stay one name as printed (the set's 园林绿化养护经费及城区行道树养护经费).
- A five-year plan's period as what is evaluated (对“十三五”期间…进行评价, 评价期间为“十三五”时期, a title
  “十三五”时期…政策绩效评价报告): years 2016–2020, the period cut from the programme like a year; a background
  mention (“十三五”以来…) or a review of the sector's work (…“十三五”期间…情况进行总结评估) names no year evaluated.
- A notice to the unit evaluated that tells it the result or the evaluator's opinion (绩效评价结果告知书, 绩效评价
  反馈意见, 评价意见书; 致XX局： or XX局： under the title): the addressee is the unit evaluated, the issuer or
  signer the evaluator, and the mode finance when that is a finance body (``addressed_notice_title``); signed by
  a line department it is not made finance (ruling 25a).
- A finance bureau evaluating together with a named firm (县财政局会同XX会计师事务所对…, 市财政局联合XX公司…):
  ruling 21's joint evaluators — the evaluator is both, in the order printed, and the mode finance (a finance
  body among them evaluating others' spending), each in full where the notice prints it so (县财政局 signing as
  澧县财政局: session 38); a bureau that commissions the firm (委托XX事务所) stays
  third_party with the firm alone (the README's mode rule). The firm's seat (湖南省长沙市XX会计师事务所) is never
  the jurisdiction: the bureau's place is.

Each class is asserted on invented text in the genre's shapes, worded at least two ways, with near misses.
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text, same_programme


@pytest.mark.parametrize(
    ("text", "years", "programme"),
    [
        (
            "澧县财政局关于印发《2022年度农村公路养护资金绩效评价报告》的通知\n各有关单位：\n"
            "现将报告印发给你们，请认真抓好整改。\n澧县财政局\n2023年5月12日\n",
            [2022],
            "农村公路养护资金",
        ),
        (
            "关于公开《临澧县城乡医疗救助资金2021年度绩效自评报告》的通知\n县医疗保障局：\n"
            "根据预算公开要求，现将自评报告予以公开。\n",
            [2021],
            "城乡医疗救助资金",
        ),
        (
            "关于公布《2020—2022年度学生资助资金重点绩效评价报告》的通知\n各学校：\n现予公布。\n",
            [2020, 2021, 2022],
            "学生资助资金",
        ),
    ],
)
def test_a_quoted_reports_title_names_the_years_and_the_programme(text: str, years: list[int], programme: str) -> None:
    doc, r = record_of_text(text)
    assert r.years == years, r.years
    assert same_programme(r.program, programme), r.program
    assert str(years[-1]) in evidence(doc, r, "years")


def test_a_quoted_rule_or_plan_names_no_year_evaluated() -> None:
    # a notice handing on rules or a plan (…管理办法, …工作方案) quotes no evaluation's report
    _doc, r = record_of_text(
        "关于印发《2023年度预算绩效管理工作方案》的通知\n各单位：\n现将方案印发给你们，请遵照执行。\n"
    )
    assert r.years != [2023], r.years


@pytest.mark.parametrize(
    "title",
    [
        "澧县2022年度农村公路养护、城乡医疗救助、学生资助等3个项目绩效评价报告",
        "澧县2022年度农村公路养护资金、城乡医疗救助资金绩效评价报告",
        "关于2022年度农村公路养护资金等5个项目重点绩效评价结果的通报",
    ],
)
def test_a_title_naming_several_programmes_names_none(title: str) -> None:
    _doc, r = record_of_text(f"{title}\n一、基本情况\n2022年，县财政安排农村公路养护资金500万元。\n")
    assert r.program is None, r.program
    assert any(w.startswith("program: the title names several programmes") for w in r.warnings), r.warnings
    assert r.report_kind == "project", r.report_kind


def test_one_programme_and_two_joined_by_ji_stay() -> None:
    _doc, r = record_of_text("澧县2022年度城乡医疗救助资金绩效评价报告\n一、基本情况\n")
    assert r.program == "城乡医疗救助资金", r.program
    _doc, r = record_of_text("龙南市园林绿化养护经费及城区行道树养护经费绩效评价报告\n一、基本情况\n")
    assert r.program == "园林绿化养护经费及城区行道树养护经费", r.program


FIVE = [2016, 2017, 2018, 2019, 2020]


@pytest.mark.parametrize(
    "text",
    [
        "澧县农村公路建设政策绩效评价报告\n一、基本情况\n受澧县财政局委托，我所对“十三五”期间农村公路建设资金的使用情况进行了绩效评价。\n",
        "澧县农村公路建设政策绩效评价报告\n一、基本情况\n按照县政府部署，县财政局对“十三五”时期全县农村公路建设政策实施情况开展了绩效评价。\n",
        "澧县农村公路建设政策绩效评价报告\n一、评价对象\n评价期间为“十三五”时期，评价对象为农村公路建设政策。\n",
        "“十三五”时期澧县农村公路建设政策绩效评价报告\n一、基本情况\n",
    ],
)
def test_a_five_year_plans_period_evaluated(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.years == FIVE, r.years
    assert "十三五" in evidence(doc, r, "years")
    assert r.program is None or "十三五" not in r.program, r.program


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("澧县2022年度农村公路养护资金绩效评价报告\n“十三五”以来，我县共投入农村公路养护资金5000万元。\n", [2022]),
        (
            "2022年度城市建设专项资金绩效自评报告\n2022年度，省级安排城市建设专项资金1.9亿元。"
            "对全省设市城市“十三五”期间海绵城市建设情况进行总结评估。\n",
            [2022],
        ),
    ],
)
def test_a_background_mention_of_the_period_names_no_year(text: str, years: list[int]) -> None:
    _doc, r = record_of_text(text)
    assert r.years == years, r.years


@pytest.mark.parametrize(
    ("text", "unit", "evaluator"),
    [
        (
            "绩效评价结果告知书\n澧县交通运输局：\n我局对你单位2022年度农村公路养护资金开展了重点绩效评价，"
            "评价得分86分，等级为良。请你单位认真整改。\n澧县财政局\n2023年5月12日\n",
            "澧县交通运输局",
            "澧县财政局",
        ),
        (
            "关于2022年度农村卫生项目绩效评价反馈意见\n致澧县卫生健康局：\n根据工作安排，我局组织对你局农村卫生项目"
            "进行了绩效评价，现将评价意见反馈如下。\n常德市财政局\n2023年6月1日\n",
            "澧县卫生健康局",
            "常德市财政局",
        ),
        (
            "石门县财政局\n关于城乡医疗救助资金绩效评价意见书\n石门县医疗保障局：\n我局对你局2022年度城乡医疗救助资金"
            "进行了绩效评价，评价意见如下。\n2023年4月3日\n",
            "石门县医疗保障局",
            "石门县财政局",
        ),
    ],
)
def test_a_finance_bodys_notice_to_the_unit_it_evaluated(text: str, unit: str, evaluator: str) -> None:
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator, r.evaluation_mode) == (unit, evaluator, "finance")


def test_a_line_departments_opinion_is_not_a_finance_evaluation() -> None:
    _doc, r = record_of_text(
        "关于2022年度农村卫生项目绩效评价反馈意见\n致澧县卫生健康局：\n根据工作安排，我委组织对你局农村卫生项目"
        "进行了绩效评价，现将评价意见反馈如下。\n常德市卫生健康委员会\n2023年6月1日\n"
    )
    assert r.evaluation_mode != "finance", r.evaluation_mode
    assert r.evaluated_unit == "澧县卫生健康局", r.evaluated_unit


FIRM = "湖南省长沙市湘诚会计师事务所有限公司"


@pytest.mark.parametrize(
    ("sentence", "evaluator"),
    [
        (
            f"2023年，县财政局会同{FIRM}对县交通运输局2022年度农村公路养护资金开展了重点绩效评价。",
            f"澧县财政局、{FIRM}",
        ),
        (f"县财政局联合{FIRM}对2022年度农村公路养护资金进行了绩效评价。", f"澧县财政局、{FIRM}"),
        (f"为提高资金使用效益，澧县财政局会同{FIRM}对该项目开展了绩效评价。", f"澧县财政局、{FIRM}"),
    ],
)
def test_a_bureau_evaluating_with_a_named_firm(sentence: str, evaluator: str) -> None:
    doc, r = record_of_text(
        f"关于2022年度农村公路养护资金绩效评价结果的通报\n各有关单位：\n{sentence}评价得分86分。\n澧县财政局\n2023年5月12日\n"
    )
    assert (r.evaluator, r.evaluation_mode) == (evaluator, "finance")
    assert r.jurisdiction.adcode == "430723", r.jurisdiction  # 澧县, the bureau's — not the firm's 长沙市
    assert "长沙" not in evidence(doc, r, "jurisdiction")


def test_a_bureau_commissioning_a_named_firm_is_third_party() -> None:
    _doc, r = record_of_text(
        f"澧县2022年度农村公路养护资金绩效评价报告\n受澧县财政局委托，{FIRM}对该项目开展了绩效评价。\n{FIRM}\n2023年5月12日\n"
    )
    assert (r.evaluator, r.evaluation_mode) == (FIRM, "third_party")
    assert r.jurisdiction.adcode == "430723", r.jurisdiction
