"""Figures (issue 8, figures39): shapes the dev half showed unread, asserted on the real dev items, with near misses
that must not change.
"""

from __future__ import annotations

from excerpt_records import figures_of_item as _figures
from excerpt_records import figures_of_text as _figures_of_text

# ---------------------------------------------------------------- a decimal split by a wrap space


def test_a_decimal_split_by_a_wrap_space_is_one_amount() -> None:
    # 1、烈士纪念设施维修项目:预算35. 3万元,2022年全 年实际支付35. 3万元 (a document site's text, its line ended after 35.)
    got = _figures("jiangxi-nanchang-2022-martyrs-cemetery-projects-self-evaluation-summary-doc-site")
    assert ("预算", 353000, "元") in got
    assert any(n.endswith("实际支付") and v == 353000 for n, v, _u in got)
    assert not any(v == 30000 for _n, v, _u in got)  # not the 3万元 after the space


def test_a_list_number_before_an_amount_is_no_decimal() -> None:
    # near miss: a list number after a stop (。1. 30万元用于…) is no integer part of the amount
    got = _figures_of_text("一、项目资金情况\n项目资金如下。1. 30万元用于设备购置。\n")
    assert not any(abs(v - 13000) < 1 for _n, v, _u in got)


# ---------------------------------------------------------------- a year as the name of a part


def test_years_after_qizhong_name_the_parts_of_a_total() -> None:
    # 目前获批省政府专项债券资金12300万元,其中2021年3300万元,2022年9000万元,…占已发行债券金额60%
    got = _figures("jiangsu-jiangsu-undated-university-lab-building-special-bond-self-report-mirror")
    assert ("2021年", 33000000, "元") in got
    assert ("2022年", 90000000, "元") in got
    assert ("占已发行债券金额", 0.6, "%") in got
    assert ("占已发行债券金额", 0.979, "%") in got


def test_a_year_with_no_qizhong_before_it_names_no_amount() -> None:
    # near miss: 2021年下达500万元，2022年800万元 lists no parts of a total: the second amount stays unnamed
    got = _figures_of_text("一、项目资金情况\n2021年下达500万元，2022年800万元。\n")
    assert not any(n.startswith("2022") for n, _v, _u in got)


# ---------------------------------------------------------------- beds


def test_beds_are_counted_under_a_label_of_beds() -> None:
    # 編制總床位800張,實(shí)際開放床位722張 (a glossed mirror of a hospital's bond report)
    got = _figures("guangdong-xingning-2022-peoples-hospital-special-bond-evaluation-glossed-mirror")
    assert ("編制總床位", 800, "张") in got
    assert ("實際開放床位", 722, "张") in got


def test_sheets_handed_out_are_no_figure() -> None:
    # near miss: 发放宣传单5000张, 张贴海报20张 — outputs of the year's work, not the size of anything
    got = _figures_of_text("一、项目基本情况\n发放宣传单5000张,张贴海报20张。\n")
    assert not any(u == "张" for _n, _v, u in got)


# ---------------------------------------------------------------- villages that receive the money (ruling 34)


def test_amounts_to_villages_below_a_county_are_a_distribution() -> None:
    # 补助施甸县何元乡王家庄村2万元、隆阳区水寨乡新路4万元、隆阳区沙坝社区武家三组2万元、龙陵县龙江大汉坝村2万元
    got = _figures("yunnan-baoshan-2017-rural-environment-improvement-self-report-mirror")
    names = {n for n, _v, _u in got}
    assert not any(n.endswith(("王家庄村", "武家三组", "大汉坝村")) for n in names)


def test_a_kind_of_village_is_no_recipient() -> None:
    # near misses: a kind of village counted (施甸县贫困村), a village alone, a fund after a verb of giving
    from jixiao.extractor.record.recipients import names_a_recipient

    assert names_a_recipient("补助施甸县何元乡王家庄村")
    assert names_a_recipient("何元乡王家庄村")
    assert not names_a_recipient("施甸县贫困村")
    assert not names_a_recipient("王家庄村")
    assert not names_a_recipient("补助资金")
    assert not names_a_recipient("下达我县")


# ---------------------------------------------------------------- a run of counts after one label


def test_households_and_people_in_a_run_of_counts_take_its_label() -> None:
    # 项目受益6个村128户500人: the households and people the project benefits, named by the label before the run
    got = _figures("hunan-luxi-2022-heshui-camellia-oil-industry-self-report")
    assert ("项目受益", 128, "户") in got
    assert ("项目受益", 500, "人") in got


def test_a_run_under_a_label_of_another_count_names_no_people() -> None:
    # near misses: 威胁总户数793户3411人 — the label counts households, so the people after it stay unnamed; a run
    # of work done (共完成3个村128户500人的改造) stays out
    got = _figures_of_text("一、项目基本情况\n威胁总户数 793 户 3411 人、威胁财产 6671 万元。\n")
    assert ("威胁总户数", 793, "户") in got
    assert not any(u == "人" for _n, _v, u in got)
    assert not _figures_of_text("一、项目基本情况\n共完成3个村128户500人的改造。\n")


# ---------------------------------------------------------------- the money of the things a clause counts


def test_bare_zijin_after_a_count_names_the_money_of_what_is_counted() -> None:
    # 共涉及项目3个,资金2890.00万元(含对下转移支付资金700万元)
    got = _figures("hubei-hubei-2019-red-cross-evaluation-work-summary")
    assert ("资金", 28900000, "元") in got


def test_bare_zijin_after_words_names_nothing() -> None:
    # near miss: 资金 after a clause of words (项目资金如下，资金500万元) still names nothing (`not_labels`)
    assert not _figures_of_text("一、项目资金情况\n项目资金如下,资金500万元。\n")
