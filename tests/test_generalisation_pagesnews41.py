"""Shapes read from the dev half of the news items session 45 (pagesnews41) added (issue 8).

- A group named for the evaluation (…考核组, …评价工作组) opens a news item's clause after the day alone (12月15日,) or
  after the purpose clause's comma (为…,5月29日,…工作组莅临我校), and evaluates 就 what it evaluates as well as 对 it: the
  group as printed is the evaluator. A group named as a third party's (第三方绩效评价组) names no evaluator (ruling 25b).
- Such a group's own clause naming the place it went to evaluate (一行4人来桐城,就桐城市…): that place is the spending's;
  the group's own place (安庆市) is not read as the jurisdiction. A body rating the places of its own territory
  (广元市农业局对四县三区…) keeps its place.
- What is evaluated may follow 就 as well as 对 for the kind too (就桐城市2018年度…等两项民生工程进行绩效评价): project.

Each class is asserted on the development-set item it comes from (against its hand-written expectation)
and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

from devset_compare import stated
from excerpt_records import dev_record, record_of_text


def test_a_visiting_group_after_the_day_alone_evaluates() -> None:
    it, rec = dev_record("anhui-tongcheng-2018-culture-livelihood-projects-city-assessment-news")
    assert rec["evaluator"] == stated(it.expected, "evaluator") == "安庆市文化民生工程考核组"
    assert rec["jurisdiction"]["adcode"] == "340881", rec["jurisdiction"]
    assert rec["report_kind"] == stated(it.expected, "report_kind") == "project"


def test_a_body_rating_its_own_territory_keeps_its_place() -> None:
    _it, rec = dev_record("sichuan-guangyuan-2017-farm-machinery-subsidy-assessment-news")
    assert rec["jurisdiction"]["adcode"] == "510800", rec["jurisdiction"]


def test_a_visiting_group_invented() -> None:
    text = (
        "11月3日,宣城市农业综合开发考评组一行5人来宁国,就宁国市2021年度高标准农田建设项目进行绩效评价。\n"
        "考评组查阅了项目档案资料,并实地察看了项目区。"
    )
    rec = record_of_text(text)[1].to_dict()
    assert rec["evaluator"] == "宣城市农业综合开发考评组", rec["evaluator"]
    assert rec["jurisdiction"]["adcode"] == "341881", rec["jurisdiction"]
    assert rec["report_kind"] == "project", rec["report_kind"]


def test_a_third_partys_group_names_no_evaluator_invented() -> None:
    text = (
        "3月23日,省商务厅派出的第三方绩效评价组对我县2019年电子商务进农村综合示范项目开展绩效评价工作。\n"
        "评价组分成两组开展现场检查。"
    )
    rec = record_of_text(text)[1].to_dict()
    assert rec["evaluator"] != "省商务厅派出的第三方绩效评价组", rec["evaluator"]
