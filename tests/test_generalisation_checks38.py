"""Checks (issue 8, checks38): amounts per unit times their units (amount_product), counts and totals whose words
count or name their parts (prose_sum), and a level's weights listed under the count of its indicators (weight_sum) —
on the real dev items and on short texts shaped the way reports print them, one that adds up (a passed check) and one
that does not (a failed check naming the numbers).
"""

from __future__ import annotations

from excerpt_records import checks_of_text as checks
from excerpt_records import TEXTS, item_checks


def _failed(got: list[tuple[str, bool, str]]) -> list[tuple[str, bool, str]]:
    return [c for c in got if not c[1]]


# ---------------------------------------------------------------- an amount per 亩, per school … times the units


def test_a_yield_per_mu_times_the_mu_against_the_product_on_real_items() -> None:
    # hunan-luxi: 盛产茶林每亩每年能产油40kg,3194亩每年预计可生产茶油12.78kg (the 万 of 12.78万kg missing)
    got = item_checks("hunan-luxi-2022-heshui-camellia-oil-industry-self-report")
    assert ("amount_product", False, "每亩每年能产油: 3194亩 × 40kg = 127760kg, stated 12.78kg") in got
    # chongqing-zhongxian: 30亩 … 每年每亩产李子1000公斤,每公斤售价5元,可实现总收入15万元 … 成本每亩4000元,计12万元
    got = item_checks("chongqing-zhongxian-2022-jinsheng-town-rural-reform-transfer-prog-self-report")
    assert ("amount_product", True, "每年每亩产李子: 30亩 × 1000公斤 × 5元/公斤 = 15万元, stated 15万元") in got
    assert ("amount_product", True, "每亩: 30亩 × 4000元 = 12万元, stated 12万元") in got
    assert ("amount_product", True, "每年亩产: 50亩 × 1500公斤 × 4元/公斤 = 30万元, stated 30万元") in got
    assert not _failed(got)


def test_a_subsidy_per_school_times_the_schools_on_a_real_item() -> None:
    # national-2021: 新建1000所乡村学校少年宫(修缮装备补助每所15万元,共计15000万元) … 8868所 … (平均每所1.5万元,运转补助共计13302万元)
    got = item_checks("national-2021-rural-school-youth-palace-lottery-fund-performance-news")
    assert ("amount_product", True, "每所: 1000所 × 15万元 = 15000万元, stated 15000万元") in got
    assert ("amount_product", True, "每所: 8868所 × 1.5万元 = 13302万元, stated 13302万元") in got


_SCHOOLS = "某县2021年度项目支出绩效自评报告\n二、资金情况\n全县新建120所乡村学校少年宫，修缮装备补助每所15万元，共计{}万元。\n"


def test_a_product_right_and_wrong() -> None:
    assert ("amount_product", True, "每所: 120所 × 15万元 = 1800万元, stated 1800万元") in checks(
        _SCHOOLS.format("1800")
    )
    got = checks(_SCHOOLS.format("1500"))
    assert ("amount_product", False, "每所: 120所 × 15万元 = 1800万元, stated 1500万元") in got


def test_no_product_where_the_words_name_no_total_or_the_rate_is_per_month() -> None:
    # an amount after the units that no 共/计/总 names is not their product (下达资金 may hold other money)
    allotted = (
        "某县2021年度项目支出绩效自评报告\n二、资金情况\n按每亩300元标准补助，全县完成造林1000亩，下达资金50万元。\n"
    )
    assert not [c for c in checks(allotted) if c[0] == "amount_product"]
    # 每人每月: the product needs the months, which the sentence does not give
    monthly = (
        "某县2021年度项目支出绩效自评报告\n二、资金情况\n全县共有高龄老人1200人，每人每月发放100元，共计发放144万元。\n"
    )
    assert not [c for c in checks(monthly) if c[0] == "amount_product"]


# ---------------------------------------------------------------- weights listed under the count of their indicators


def test_a_counted_list_of_weights_against_the_total_on_a_real_item() -> None:
    # unknown-2014 (traditional, with pinyin glosses): 總分值100分 … 設立13個三級指標,分別是計劃任務完成情況占分值10分,…
    text = (TEXTS / "unknown-2014-corn-straw-return-project-scoring-scheme-mirror-trad.txt").read_text(encoding="utf-8")
    assert "13個三級指標" in text
    got = item_checks("unknown-2014-corn-straw-return-project-scoring-scheme-mirror-trad")
    assert ("weight_sum", True, "2个一级指标 weights: 80 + 20 = 100, stated 100") in got
    assert ("weight_sum", True, "4个二级指标 weights: 50 + 30 + 5 + 15 = 100, stated 100") in got
    assert (
        "weight_sum",
        False,
        "13个三级指标 weights: 10 + 30 + 10 + 4 + 6 + 2 + 6 + 10 + 2 + 2 + 5 + 10 + 5 = 102, stated 100",
    ) in got


def test_a_counted_list_right_wrong_and_short() -> None:
    text = (
        "评价指标体系总分值100分。设立3个一级指标，分别是项目决策占分值20分，项目管理占分值{}分，项目绩效占分值50分。\n"
    )
    assert ("weight_sum", True, "3个一级指标 weights: 20 + 30 + 50 = 100, stated 100") in checks(text.format("30"))
    assert ("weight_sum", False, "3个一级指标 weights: 20 + 35 + 50 = 105, stated 100") in checks(text.format("35"))
    # a list shorter than its count is not the whole level
    short = (
        "评价指标体系总分值100分。设立4个一级指标，分别是项目决策占分值20分，项目管理占分值30分，项目绩效占分值40分。\n"
    )
    assert not [c for c in checks(short) if c[0] == "weight_sum"]


# ---------------------------------------------------------------- a total whose words count its parts; a count and its parts


def test_a_total_counting_its_parts_on_a_real_item() -> None:
    # anhui-luan: 下达…资金134万元(其中…补助资金40万元),…专项经费20万元,两项合计154万元 (the bracketed 其中 is a part's part)
    got = item_checks("anhui-luan-2018-supply-marketing-new-network-project-self-report")
    assert ("prose_sum", True, "两项合计: 134万元 + 20万元 = 154万元, stated 154万元") in got


def test_a_total_counting_its_parts_right_and_wrong() -> None:
    text = "某市2018年度项目支出绩效自评报告\n二、资金情况\n下达省级资金134万元（其中示范社补助40万元），市本级安排经费20万元，两项合计{}万元。\n"
    assert ("prose_sum", True, "两项合计: 134万元 + 20万元 = 154万元, stated 154万元") in checks(text.format("154"))
    assert ("prose_sum", False, "两项合计: 134万元 + 20万元 = 154万元, stated 164万元") in checks(text.format("164"))


def test_a_count_and_its_parts_named_by_when_they_came_on_a_real_item() -> None:
    # yunnan-honghe: 实施项目共15个(含…5个),年初批复预算8个项目985万元(…),调整预算后…,年中增加8个项目(含…5个)
    got = item_checks("yunnan-honghe-2024-data-center-project-self-report")
    assert ("prose_sum", False, "项目共15个: 8个项目 + 8个项目 = 16个, stated 15个") in got


def test_a_count_right_and_parts_named_otherwise_unchecked() -> None:
    text = "某县2024年度部门整体支出绩效自评报告\n一、基本情况\n本单位实施项目共{}个，年初批复预算8个项目985万元，年中增加7个项目。\n"
    assert ("prose_sum", True, "项目共15个: 8个项目 + 7个项目 = 15个, stated 15个") in checks(text.format("15"))
    # parts that may overlap (已完工…, 其中超期…) say nothing of the total
    other = "某县2024年度部门整体支出绩效自评报告\n一、基本情况\n本单位实施项目共15个，已完工8个项目，3个项目超期。\n"
    assert not [c for c in checks(other) if c[0] == "prose_sum"]
