"""A body that hires a third party, a firm or experts it does not name (tests/devset/README.md ruling 44): the
evaluation is the commissioning body's — its own (self) when it opens the title or writes the text, with the body
as evaluator; a body rating each lower unit's use names no unit evaluated (ruling 46). Issue 8, session 45 (lead):
real dev items (tests/devset/texts/) and short hand-written variants and near misses.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_county_bureau_that_hires_a_third_party_for_the_townships_evaluated() -> None:
    # headline 县住建局开展…绩效评价工作 over 县住建局聘请第三方对各乡镇…开展绩效评价
    _doc, r = devset_record("anhui-taihu-2018-rural-housing-toilet-third-party-evaluation-news")
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("self", "县住建局", None)


def test_a_park_committee_that_commissions_an_unnamed_firm_after_a_run_of_clauses() -> None:
    # 贺兰山东麓园区管委会高度重视,成立组织机构,制定工作方案,…,委托第三方机构认真有序开展…绩效评价工作
    _doc, r = devset_record("ningxia-helanshan-2021-wine-industry-evaluation")
    assert (r.evaluation_mode, r.evaluator) == ("self", "宁夏贺兰山东麓葡萄酒产业园区管委会")


_NEWS = (
    "市水务局开展2022年度农村饮水安全工程绩效评价工作\n"
    "发布时间:2023-02-10\n"
    "  为规范农村饮水安全工程资金管理,市水务局聘请第三方对各区县2022年农村饮水安全工程开展绩效评价。"
    "此次评价通过查阅资料、现场查看等方式进行。\n"
)


def test_a_variant_with_another_bureau_and_programme() -> None:
    _d, r = record_of_text(_NEWS)
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("self", "市水务局", None)


def test_a_named_firm_stays_the_third_party() -> None:
    # near miss: a firm named as the one hired is the evaluator, a third party
    _d, r = record_of_text(_NEWS.replace("聘请第三方", "聘请安徽正信会计师事务所"))
    assert r.evaluation_mode == "third_party"
    assert r.evaluator == "安徽正信会计师事务所"


def test_a_finance_bureau_that_hires_an_unnamed_firm_keeps_its_finance_evaluation() -> None:
    # near miss: a finance body commissioning an unnamed firm is a finance evaluation (its own rule)
    _d, r = record_of_text(_NEWS.replace("市水务局", "市财政局"))
    assert r.evaluation_mode == "finance"
