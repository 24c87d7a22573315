"""The evaluator and the mode of news items and finance bodies' evaluations (issue 8, session 33, orgs28): a body
that launches or announces an evaluation (布置开展…绩效评价工作, 于近期启动…绩效评价工作, 根据XX日前公布的…绩效综合评价
结果), that bodies acting together evaluate (A和B将组织专家成立…小组，对…进行评价; 通过A和B组织的…考评), that a headline
opens with (XX财政局重点绩效评价工作积极推进), or that opens its sentence after the purpose it serves (为…，XX厅…，对…
实施绩效评价); a body that hands the evaluation to a third party it does not name is not its evaluator, and a body
announcing a result beside a third party that evaluated is not either. On dev-half items of the development set
and on short excerpts in the genre's shapes.
"""

from __future__ import annotations


import pytest
from devset_compare import _key
from excerpt_records import dev_document, record_of_text


# ---------------------------------------------------------------- who evaluated, in news items
@pytest.mark.parametrize(
    "stem",
    [
        # 市财政局布置开展2020年市级部分重点项目财政绩效评价工作
        "guangdong-shantou-2019-city-key-projects-evaluation-launch-news",
        # 财政部、水利部于近期启动《…规划》项目绩效评价工作 (two ministries, joined with 、)
        "national-small-reservoir-reinforcement-plan-evaluation-launch-news",
        # 根据财政部日前公布的2021年度县级财政管理绩效综合评价结果显示
        "fujian-zhouning-2021-county-fiscal-management-evaluation-first-place-news",
        # 近日,,財政部通報2019年度縣級財政管理績效綜合評價結果 (a mirror with pinyin glosses)
        "guangdong-2019-county-fiscal-management-evaluation-ranking-news-trad",
        # 顺利通过市水务局和市财政局组织的市级绩效考评 (ruling 21: both organisers)
        "shanghai-fengxian-2009-rural-sewage-municipal-assessment-news",
        # 住房城鄉建設部和財政部將組織專家成立績效評價小組,對…進行評價 (the ministry's short name)
        "national-2015-utility-tunnel-pilot-evaluation-news-mirror-trad",
        # 为进一步加强…管理,福建省财政厅采取…的方式,对…就业专项资金实施绩效评价
        "fujian-fujian-2009-employment-special-fund-finance-evaluation-essay-site",
        # the headline 冷水江市财政局重点绩效评价工作积极推进 over a body speaking only as 我局
        "hunan-lengshuijiang-2021-finance-bureau-key-evaluations-news",
    ],
)
def test_the_body_that_launches_announces_or_carries_out_the_evaluation(stem: str) -> None:
    _doc, r, expected = dev_document(stem)
    assert _key(r.evaluator) == _key(expected["evaluator"])
    assert expected["evaluation_mode"] == "finance"


def test_a_body_that_hires_an_unnamed_third_party_is_the_evaluator() -> None:
    # the headline 县住建局开展…绩效评价工作 over 县住建局聘请第三方对各乡镇…开展绩效评价
    _doc, r, expected = dev_document("anhui-taihu-2018-rural-housing-toilet-third-party-evaluation-news")
    assert expected["evaluator"] == "县住建局"
    assert expected["evaluation_mode"] == "self"
    assert _key(r.evaluator) == _key(expected["evaluator"])
    assert r.evaluation_mode == expected["evaluation_mode"]


def test_a_finance_body_that_hires_unnamed_experts_stays_the_evaluator() -> None:
    # 此次绩效评价是由省财政厅委托专家组进行的重点绩效评价 (the README: unnamed, it stays the finance body's)
    _doc, r, expected = dev_document("jiangxi-pingxiang-2014-new-network-guidance-fund-finance-evaluation-news")
    assert _key(r.evaluator) == _key(expected["evaluator"]) == "省财政厅"
    assert r.evaluation_mode == "finance"


# ---------------------------------------------------------------- the same shapes, in short excerpts
@pytest.mark.parametrize(
    ("text", "evaluator"),
    [
        ("近日，县财政局部署开展2023年度县级重点项目财政绩效评价工作，共选取8个项目。\n", "县财政局"),
        ("根据省财政厅日前公布的2022年度市县财政管理绩效综合评价结果，我市位列全省第三。\n", "省财政厅"),
        ("为加强专项资金管理，某某市财政局采取分级评价的方式，对全市各县区专项资金实施绩效评价。\n", "某某市财政局"),
        ("该工程顺利通过市水利局和市财政局组织的绩效考评。\n", "市水利局、市财政局"),
    ],
)
def test_excerpts_name_the_finance_body_that_evaluated(text: str, evaluator: str) -> None:
    _doc, r = record_of_text(text)
    assert r.evaluator == evaluator
    assert r.evaluation_mode == "finance"


def test_a_unit_acting_on_a_bureaus_deployment_is_not_the_bureaus_launch() -> None:
    # the writer works on the bureau's deployment (按照县财政局部署): the bureau launched nothing the text reports
    _doc, r = record_of_text(
        "按照县财政局部署开展绩效评价工作的要求，县交通运输局对2022年度农村公路养护资金开展了绩效自评。\n"
    )
    assert r.evaluator != "县财政局"


# ---------------------------------------------------------------- a finance evaluation beside an unnamed third party
@pytest.mark.parametrize(
    "stem",
    [
        # 市财政局布置开展…财政绩效评价工作 … 将通过与第三方机构合作检验…
        "guangdong-shantou-2019-city-key-projects-evaluation-launch-news",
        # 财政重点绩效评价项目初评结果验收 … 加强了各预算单位、业务股室和第三方机构沟通协调
        "shaanxi-ziyang-undated-key-evaluation-preliminary-results-acceptance-news",
    ],
)
def test_the_bare_words_third_party_beside_a_finance_evaluation_keep_it_the_finance_bodys(stem: str) -> None:
    _doc, r, expected = dev_document(stem)
    assert r.evaluation_mode == expected["evaluation_mode"] == "finance"


def test_the_bare_words_third_party_alone_still_tell_a_third_party() -> None:
    _doc, r = record_of_text("经第三方机构评价，该项目2022年度绩效评价得分为88分，等级为良。\n")
    assert r.evaluation_mode == "third_party"


def test_a_named_firm_beside_a_finance_evaluation_is_a_third_party() -> None:
    _doc, r = record_of_text(
        "县财政局组织开展2022年度财政重点绩效评价，委托某某会计师事务所有限公司对农村公路养护资金进行绩效评价，"
        "第三方机构按照评价方案开展了现场核查。\n"
    )
    assert r.evaluation_mode == "third_party"


# ---------------------------------------------------------------- the name reader: words that open or end no name
@pytest.mark.parametrize(
    ("stem", "name", "not_names"),
    [
        # 保障融媒体中心正常人事基础/日常运转: the verb's object, not part of its name
        ("chongqing-kexuecheng-2021-media-center-department-table", "融媒体中心", ["保障融媒体中心"]),
        # 完成镇人民政府交办…, 落到实处: 交办 and 实处 end no organ's name
        ("hunan-santangjie-2021-village-management-fee-evaluation-report", "大栗港镇人民政府", ["完成镇人民政府交办"]),
        # 办学条件改善学校, 二年初设定目标保障学校: what a sentence does to a school
        ("ningxia-yinchuan-2021-junior-school-public-funds-table", "银川市第六中学", ["改善学校", "办学条件改善学校"]),
    ],
)
def test_verbs_before_a_body_and_common_words_are_not_names(stem: str, name: str, not_names: list[str]) -> None:
    from jixiao.extractor.record.context import Context
    from jixiao.extractor.record.orgs import orgs_in

    doc, _r, _expected = dev_document(stem)
    names = {o.name for o in orgs_in(Context(doc))}
    assert name in names
    assert not names & set(not_names)
    assert not any(n.endswith(("交办", "实处")) for n in names)


def test_a_generic_reference_to_bodies_is_no_joint_evaluator() -> None:
    # 財政部會同有關部委對各試點城市開展冬季清潔取暖績效評價: the relevant ministries are not named (ruling 21 joins names)
    _doc, r, expected = dev_document("tianjin-2017-clean-heating-pilot-city-assessment-news-mirror-trad")
    assert _key(r.evaluator) == _key(expected["evaluator"]) == _key("財政部")


@pytest.mark.parametrize("joined", ["会同有关部委", "会同相关部门", "和其他部委"])
def test_excerpts_a_generic_reference_joins_no_evaluator(joined: str) -> None:
    _doc, r = record_of_text(f"近日，财政部{joined}对各试点城市开展了绩效评价。\n")
    assert r.evaluator == "财政部"


def test_bodies_named_and_counted_are_the_phrase_as_printed() -> None:
    # 浙江省水利廳等4部門公布…績效評價結果 (ruling 21: some named, the rest counted)
    _doc, r, expected = dev_document("zhejiang-zhejiang-undated-agricultural-water-price-reform-grades-news-trad")
    assert _key(r.evaluator) == _key(expected["evaluator"])
    assert "等4" in r.evaluator
