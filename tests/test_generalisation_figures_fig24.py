"""Figures (issue 8, fig24): values given where none is stated — rates of what was achieved, counts of the
year's work, honours won and the evaluation's own fieldwork (devset rulings 19, 24(d), 26).  Each rule on a
short invented text shaped the way reports print it, with a near miss that must not change, and on the
dev items it was written from.
"""

from __future__ import annotations

from test_figures import dev_figures
from test_generalisation_checks import figures

_HEAD = "某县2022年度农村公路养护资金绩效评价报告\n一、项目基本情况\n"


def _figs(text: str) -> list[tuple[str, float, str]]:
    return figures(_HEAD + text)


def _values(text: str) -> set[float]:
    return {v for _n, v, _u in _figs(text)}


def test_a_rate_of_what_was_achieved_is_no_figure() -> None:
    # ruling 24(d): completion of works or tasks, detection, coverage, policy implementation are results
    text = "全区共完成农村危房改造任务，完工率243%。全市疾病检出率达11.25%，政策落实率达到100%。\n"
    assert not {2.43, 0.1125, 1.0} & _values(text)
    assert 1.8084 not in _values("全年共免费婚检61486人，完成任务的180.84%。\n")


def test_a_rate_of_the_money_or_of_the_amount_its_sentence_states_stays() -> None:
    # near misses: the label names the money (到位, 执行, 支付), or the sentence states the amount it is a rate of
    values = _values("项目资金到位率为100%，预算执行率为95.5%，支付率98%。\n")
    assert {1.0, 0.955, 0.98} <= values
    assert 0.9 in _values("中央奖补资金3000万元，实际完成2700万元，完成率达到90%。\n")
    assert 0.8506 in _values("项目总投资2089万元，其中中央资金1777万元，占比85.06%。\n")


def test_counts_of_work_done_honours_won_and_the_evaluations_fieldwork_are_no_figures() -> None:
    # ruling 26 "out": what the year's work completed; ruling 19: outputs; the evaluators' own visits
    assert 129 not in _values("截至2023年11月30日，全区共完成农村危房改造129户。\n")
    assert 3 not in _values("移民直补资金已按时发放完，已完工项目3个。\n")
    assert not {1, 65} & _values("共创评全国巾帼文明岗1个、最美家庭1个，市县级三八红旗手和各类家庭共65个。\n")
    assert not {8, 1006} & _values("评价组先后实地走访了8家托育机构，召开座谈会3场，发放并回收问卷1006份。\n")
    assert 4 not in _values("由省监管局带领绩效评价组一行4人赴县区开展评价。\n")


def test_counts_of_what_the_money_covers_stay() -> None:
    # near misses: the places an evaluation covers, and what the money upgrades (ruling 26 "in")
    figs = _figs("评价组从我省6个地市中抽取了13个县区开展绩效评价。\n")
    assert {6, 13} <= {v for _n, v, _u in figs}
    assert 30 in _values("总预算242万元，用于我区已建成的30个社区微型消防站进行装备优化。\n")
    assert 87670 in _values("全县累计完成参保87670人。\n")  # people the scheme covers, 完成 or not


def test_an_indicators_line_with_its_score_in_brackets_states_a_result() -> None:
    text = "1.数量指标(自评得分20分)：完成新建农村公共厕所50座。\n2.时效指标(自评得分10分)：项目竣工及时率为100%。\n"
    assert not {50, 1.0} & _values(text)
    assert 50 in _values("项目总投资850万元，用于新建农村公厕50座。\n")  # the project's content stays


def test_the_evaluations_sample_is_not_the_programmes_money() -> None:
    # a dev form (guizhou, 村干部报酬): the funds stand, the sampled amounts and shares do not
    _doc, figs = dev_figures("guizhou-huangguoshu-2023-village-cadre-pay-third-party-summary")
    names = {f["name"] for f in figs}
    assert "区级财政资金拨付数" in names
    assert not [n for n in names if "抽查" in n]


def test_dev_items_keep_their_funds_and_lose_their_results() -> None:
    _doc, figs = dev_figures("anhui-luan-2021-women-children-health-self-report")
    assert not [f for f in figs if f["unit"] == "%" and f["name"] in ("婚检率", "完成任务的", "全市疾病检出率")]
    _doc, figs = dev_figures("neimenggu-zhalantun-2022-modern-agri-park")
    assert [f for f in figs if f["unit"] == "%" and f["value"] == 0.9 and f["name"] == "完成率"]


def test_payments_counted_per_recipient_are_figures_services_are_not() -> None:
    # ruling 26's 户次 line: 贴息74户次 counts who the money pays; 上门服务126户次 is an output (ruling 19)
    figs = _figs("2022年4个季度共贴息74户次2.584271万元，资金使用流程严格。\n")
    assert [f for f in figs if f[1] == 74 and f[2] == "户次" and "贴息" in f[0]]
    assert 25842.71 in {v for _n, v, _u in figs}  # the amount after the count keeps its label
    assert 126 not in _values("全年上门服务126户次。\n")
    assert 200 not in _values("走访慰问困难群众200户次。\n")


def test_the_projects_planned_are_counted_a_plan_to_build_is_a_target() -> None:
    # ruling 26: the projects funded, planned or implemented; a plan of works to do is a target (ruling 9)
    figs = _figs("2022年中央财政专项资金3000万元，计划实施8个项目。\n")
    assert ("项目", 8, "个") in figs
    assert 12 not in _values("计划新建12个村级服务站。\n")
    assert 4257 not in _values("全省计划完成农田水利灌溉工程更新升级4257座。\n")
