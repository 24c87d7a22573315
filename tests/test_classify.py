"""Finding categories: the taxonomy, the training examples and a held-out set.

The held-out examples below are not in patterns/category_examples.yaml (a test
checks that); they are phrased as reports phrase problems and recommendations.
Run ``python -m pytest -q tests/test_classify.py -s`` to print the accuracies.
"""

from __future__ import annotations

import re

import pytest

from jixiao import patterns
from jixiao.extractor.record import classify as C

HELD_OUT: list[tuple[str, str]] = [
    ("年度绩效目标过于宽泛，未分解为可考核的具体指标", "goal_setting"),
    ("部分指标目标值设定明显低于上年实际完成值", "goal_setting"),
    ("合理设定绩效指标值，确保指标可衡量、可考核", "goal_setting"),
    ("中央补助资金下达后滞留县级财政三个月才拨付", "funds_arrival"),
    ("州级配套资金到位率低，累计欠拨资金较多", "funds_arrival"),
    ("督促各县及时足额落实配套资金", "funds_arrival"),
    ("年初预算编制未充分考虑实际需求，年中追加预算频繁", "budget_execution"),
    ("项目预算执行率仅为68%，大量资金结转下年", "budget_execution"),
    ("加快支出进度，提高预算执行率", "budget_execution"),
    ("基金仍为县级统筹，各县基金结余差异大，调剂困难", "fund_sustainability"),
    ("基金累计结余可支付月数持续下降，长期收支平衡面临挑战", "fund_sustainability"),
    ("积极稳妥推进基金委托投资运营，提高基金收益", "fund_sustainability"),
    ("部分服刑人员在服刑期间仍领取养老金，未及时暂停发放", "benefit_payment"),
    ("对多发的养老金追回不力，追回率偏低", "benefit_payment"),
    ("按月足额发放养老金，不得拖欠", "benefit_payment"),
    ("低保对象代缴资格审核不严，存在已退出低保人员仍享受代缴", "eligibility_review"),
    ("待遇领取资格认证不及时，认证方式单一", "eligibility_review"),
    ("加强参保人员身份信息比对核查，防止重复参保", "eligibility_review"),
    ("经办系统与税务征收系统数据不同步，缴费信息更新滞后", "information_system"),
    ("信息系统不能自动校验参保人员身份信息", "information_system"),
    ("推进经办信息系统升级改造，实现与相关部门数据互联互通", "information_system"),
    ("社保、税务、财政部门之间对账机制不健全，沟通不畅", "coordination"),
    ("乡镇与县级部门职责不清，工作相互推诿", "coordination"),
    ("建立部门协同工作机制，定期召开联席会议", "coordination"),
    ("乡镇社保服务中心仅有1名专职人员，工作量大", "staffing"),
    ("基层经办人员更换频繁，新手对业务流程不熟悉", "staffing"),
    ("充实基层经办力量，加强业务培训", "staffing"),
    ("群众对个人账户和缴费档次政策理解不透，宣传效果不佳", "publicity"),
    ("政策宣传覆盖面不广，偏远山区群众知晓率低", "publicity"),
    ("多渠道开展政策宣传，提高政策知晓度", "publicity"),
    ("参保群众普遍选择最低档次缴费，个人账户积累少", "coverage_incentive"),
    ("基础养老金标准多年未调整，待遇水平偏低", "coverage_incentive"),
    ("完善多缴多得激励机制，提高缴费补贴标准", "coverage_incentive"),
    ("参保档案未按规定分类整理，查阅困难", "records"),
    ("资金发放台账与银行流水不一致，佐证资料不全", "records"),
    ("建立健全档案管理制度，及时整理归档", "records"),
    ("基金稽核检查覆盖面小，稽核发现问题整改不到位", "internal_control"),
    ("财务岗位设置不符合不相容岗位分离要求", "internal_control"),
    ("加强内部控制，定期开展基金安全风险排查", "internal_control"),
    ("部门自评得分与复核得分相差较大，自评不客观", "self_assessment"),
    ("自评表中指标完成值填报错误，与实际不符", "self_assessment"),
    ("如实开展绩效自评，提高自评数据质量", "self_assessment"),
]


def _normal(t: str) -> str:
    return re.sub(r"\W+", "", t)


def accuracy(predict) -> float:
    return sum(1 for text, cat in HELD_OUT if predict(text) == cat) / len(HELD_OUT)


def test_taxonomy_has_the_issue_categories() -> None:
    assert set(C.categories()) == {
        "goal_setting",
        "funds_arrival",
        "budget_execution",
        "fund_sustainability",
        "benefit_payment",
        "eligibility_review",
        "information_system",
        "coordination",
        "staffing",
        "publicity",
        "coverage_incentive",
        "records",
        "internal_control",
        "self_assessment",
        "other",
    }
    for key, spec in patterns.load("taxonomy.yaml")["categories"].items():
        assert spec["label"], key


def test_training_examples_cover_every_category_and_exclude_the_held_out() -> None:
    examples = C.training_examples()
    assert len(examples) >= 60
    assert {c for _, c in examples} == set(C.categories())
    train = {_normal(t) for t, _ in examples}
    assert not [t for t, _ in HELD_OUT if _normal(t) in train]


def test_held_out_accuracy() -> None:
    blended = accuracy(lambda t: C.classify(t))
    nb_only = accuracy(lambda t: max(C.model().proba(t).items(), key=lambda kv: kv[1])[0])

    def rules_only(t: str) -> str:
        scores = C.rule_scores(t, t)
        return max(scores.items(), key=lambda kv: kv[1])[0] if scores else "other"

    rules = accuracy(rules_only)
    print(f"\nheld-out ({len(HELD_OUT)}): blended {blended:.3f}  rules {rules:.3f}  naive Bayes {nb_only:.3f}")
    assert blended >= 0.85
    assert blended >= max(rules, nb_only) - 0.05  # the blend is not worse than either step alone


def test_naive_bayes_learns_from_examples_not_keywords() -> None:
    """The learned step classifies phrasings with no taxonomy keyword at all."""
    text = "乡镇社保所只有一个人负责全部业务"
    assert not C.rule_scores(text, text).get("staffing")
    assert max(C.model().proba(text).items(), key=lambda kv: kv[1])[0] == "staffing"


@pytest.mark.parametrize(
    "title,expected",
    [
        ("资金拨付不及时", "funds_arrival"),
        ("信息平台建设落后，数据信息不互通", "information_system"),
        ("绩效目标设置科学性、合理性不足", "goal_setting"),
        ("自评结果不够准确", "self_assessment"),
    ],
)
def test_rules_decide_clear_titles(title: str, expected: str) -> None:
    assert C.classify(title) == expected


def test_unrelated_text_is_other() -> None:
    assert C.classify("会议室空调老化") == "other"


def test_taxonomy_keywords_do_not_change_the_shared_jieba_dictionary() -> None:
    """The store's full-text index segments with the default jieba dictionary; loading the
    classifier must leave it as it was, or index and queries would be cut differently."""
    from jixiao.store.fts import words as segment_words
    from jixiao.extractor.record import classify

    sentence = "经办审核不严格，监督检查责任落实有待加强，信息平台建设落后，数据信息不互通"
    before = segment_words(sentence)
    classify.taxonomy()
    classify.tokens(sentence)
    assert segment_words(sentence) == before
