"""Generalisation of the mode, the place and the years (issue 8, meta25): a body the text says was commissioned to
evaluate is a third party whatever its name calls it (an association, a society), over a results notice's
title; a commission of something other than an evaluation (受市政府委托负责…筹措) or an audit (聘请第三方审计公司…
专项审计) makes nobody a third-party evaluator; a news item's dateline (新华社北京…电, XX讯) names the
reporter's place and a higher supervisor's form cell (省级主管部门) names the supervisor's, neither the
place of the spending; a results disclosure (关于…评价结果公开) is a notice whose title names the year of
the work, below the body's 对…年度…进行评价. Each rule is checked on dev-half items of the development set and on sentences
written the way the genre writes them."""

from __future__ import annotations

from functools import lru_cache

import pytest
from devset_compare import items
from excerpt_records import evidence, record_of_text

from jixiao.extractor import parse
from jixiao.extractor.record import build_record


@lru_cache(maxsize=None)
def _dev_record(stem: str):
    item = next(i for i in items("dev") if i.stem == stem)
    doc = parse(item.path)
    return doc, build_record(doc), item.expected


# ---------------------------------------------------------------- the mode: who was commissioned to evaluate
def test_a_body_commissioned_to_evaluate_is_a_third_party_over_a_results_notices_title() -> None:
    # 我厅委托广东省矿业协会对…进行绩效评价 under …绩效评价结果的公示: the association evaluated (ruling 25b)
    doc, r, expected = _dev_record(
        "guangdong-guangdong-2010-2011-mineral-conservation-reward-evaluation-results-notice"
    )
    assert r.evaluation_mode == expected["evaluation_mode"] == "third_party"
    assert "矿业协会" in evidence(doc, r, "evaluation_mode")
    # the department publishing the results is not the unit evaluated (11 enterprises were)
    assert r.evaluated_unit is None


def test_a_commission_of_something_else_is_no_third_party_evaluation() -> None:
    # 受市政府委托负责…建设资金的筹措 (a company building the works) beside the report's own 自评
    doc, r, expected = _dev_record("guangdong-masked-undated-sewage-plant-network-self-report-doc-site")
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"


def test_a_commissioned_audit_makes_no_third_party() -> None:
    # 接受市民政局聘请第三方审计公司对…进行专项审计: an audit, not the evaluation of this self-report
    _doc, r, expected = _dev_record("shanxi-guangling-2022-welfare-lottery-fund-use-notice")
    assert r.evaluation_mode == expected["evaluation_mode"] == "self"


# ---------------------------------------------------------------- the place: datelines and supervisors
@pytest.mark.parametrize(
    "dateline",
    ["新华社北京12月3日电", "人民网成都5月8日电", "本报讯(记者 张三)", "新青阳9月15日讯"],
)
def test_a_news_items_dateline_names_no_place(dateline: str) -> None:
    text = (
        "农村公路养护资金绩效评价工作顺利完成\n"
        f"{dateline} 近日，我省对农村公路养护资金开展了绩效评价，评价结果为良好。"
        "各地进一步加强资金管理，提高资金使用效益。\n"
    )
    _doc, r = record_of_text(text)
    assert r.jurisdiction.adcode is None and r.jurisdiction.name is None


def test_the_body_still_names_the_place_after_a_dateline() -> None:
    # the dateline is blanked, not the item: a place its body names is still read
    text = (
        "农村公路养护资金绩效评价工作顺利完成\n"
        "新华社北京12月3日电 近日，青阳县对农村公路养护资金开展了绩效评价，评价结果为良好。\n"
    )
    doc, r = record_of_text(text)
    assert r.jurisdiction.name == "青阳县"
    assert evidence(doc, r, "jurisdiction") == "青阳县"


def test_a_higher_supervisors_form_cell_names_no_place() -> None:
    # 省级主管部门 四川省财政厅 is the only place printed in a locality's flattened form (ruling 4)
    _doc, r, expected = _dev_record("sichuan-unnamed-undated-inclusive-finance-fund-table")
    assert expected["jurisdiction"]["adcode"] is None
    assert r.jurisdiction.adcode is None


# ---------------------------------------------------------------- years: a results disclosure's title
def test_a_results_disclosures_title_names_the_year_of_the_work_not_of_the_funds() -> None:
    # 阳高县财政局关于2025年财政重点绩效评价结果公开 over 对“阳高县2024年度部分财政重点支出项目”进行绩效评价
    doc, r, expected = _dev_record("shanxi-yanggao-2024-key-evaluation-results-notice")
    assert r.years == expected["years"] == [2024]
    assert "2024" in evidence(doc, r, "years")
