"""Report kind, mode, years and place (issue 8, session 41 helper meta37): genre shapes of the dev half.

Each test extracts the record from the real dev-half excerpt and asserts the value its hand-written
expectation states.
"""

from __future__ import annotations

import pytest
from excerpt_records import devset_dict


@pytest.mark.parametrize(
    "stem",
    [
        "hubei-suizhou-zengdu-2019-police-branch-final-accounts",  # 九、整体支出绩效自评报告 in the contents only
        "sichuan-renshou-cihang-2024-primary-school-final-accounts-spam",  # 十四、…自评表(2024年度); 我校 twice
    ],
)
def test_a_contents_line_naming_a_self_evaluation_tells_no_mode(stem: str) -> None:
    rec = devset_dict(stem)
    assert rec["evaluation_mode"] is None
    assert rec["evaluator"] is None


def test_projects_selected_for_a_key_evaluation_beside_an_unnamed_third_party_are_finance() -> None:
    # 区本级…中选取7个项目开展重点评价…经过第三方机构评审
    assert devset_dict("guangdong-jianghai-undated-key-evaluation-work-summary")["evaluation_mode"] == "finance"


def test_a_policys_implementation_assessed_is_the_policy_kind() -> None:
    # 对四县三区2017年度农机购置补贴政策落实情况进行绩效考核
    assert devset_dict("sichuan-guangyuan-2017-farm-machinery-subsidy-assessment-news")["report_kind"] == "policy"


def test_funds_joined_before_the_verb_give_each_its_years() -> None:
    # 对该县2021年司法援助专项资金和2019-2021年招商引资专项资金开展实地绩效评价
    rec = devset_dict("shaanxi-shiquan-2019-2021-legal-aid-investment-promotion-provincial-key-evaluation-news")
    assert rec["years"] == [2019, 2020, 2021]


@pytest.mark.parametrize(
    "stem",
    [
        "anhui-2017-employment-subsidy-fund-evaluation-indicator-system-doc-site",  # 安徽省实施办法: a rule's issuer
        "liaoning-unnamed-2019-private-small-enterprise-finance-pilot-city-scores-notice",  # 我省…鞍山市、辽阳市
        "national-2018-public-cultural-facilities-free-opening-subsidy-news",  # 支持2018年全国…; 杭州 an example
        "national-2018-public-cultural-facilities-free-opening-subsidy-news-xinhua-mirror-trad",
    ],
)
def test_places_the_body_merely_mentions_give_no_jurisdiction(stem: str) -> None:
    assert devset_dict(stem)["jurisdiction"]["adcode"] is None


def test_a_rankings_places_are_not_its_own() -> None:
    # 得分前3名分别是杭州、温州、绍兴: the province that ranks them is the place
    rec = devset_dict("zhejiang-zhejiang-2019-intangible-heritage-protection-index-ranking-news-glossed-mirror")
    assert rec["jurisdiction"]["adcode"] == "330000"


def test_one_city_a_province_report_names_as_its_programmes_owner_stays() -> None:
    # 我省 printed, but the body names only 六安市 (2021年六安市妇女儿童健康水平提升民生工程)
    assert devset_dict("anhui-luan-2021-women-children-health-self-report")["jurisdiction"]["adcode"] == "341500"


def test_a_provincial_departments_notice_acted_on_names_no_place() -> None:
    # 按照黑龙江省财政厅等五部门关于转发《…》要求: the province issued the notice; 《抚远市人民政府关于抚远市…》 is its own
    rec = devset_dict("heilongjiang-fuyuan-2022-rural-drinking-water-self-report")
    assert rec["jurisdiction"]["adcode"] == "230883"


def test_the_writers_own_government_acted_on_keeps_its_place() -> None:
    # 根据中共株洲市石峰区委办公室、株洲市石峰区人民政府办公室关于印发《…》
    assert (
        devset_dict("hunan-shifeng-2020-cdc-department-self-report-mirror-trad")["jurisdiction"]["adcode"] == "430204"
    )
