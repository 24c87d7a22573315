"""Generalisation of the place and the mode (issue 8, session 29, meta24): a place the body names only
in passing — one example of several, one left out, a footer's address, a place above the level the
document calls itself by (我市, 我镇), a central ministry's office — gives no jurisdiction; an evaluation
commissioned from a third party the text does not name is the commissioner's, never ``third_party``.
Each rule is checked on dev-half items of the development set and on invented sentences in the way
the genre writes them."""

from __future__ import annotations

from functools import lru_cache

import pytest
from devset_compare import items
from excerpt_records import evidence, record_of_text

from jixiao.extractor import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.jurisdiction import divisions, lies_above, own_level


@lru_cache(maxsize=None)
def _dev_record(stem: str):
    item = next(i for i in items("dev") if i.stem == stem)
    doc = parse(item.path)
    return doc, build_record(doc), item.expected


def _place(record) -> tuple[str | None, str | None]:
    return record.jurisdiction.adcode, record.jurisdiction.name


def _warnings(record, field: str) -> list[str]:
    return [w for w in record.warnings if w.startswith(field)]


# ---------------------------------------------------------------- the place: what the body merely mentions
@pytest.mark.parametrize(
    "stem, why",
    [
        # 我市 report citing only 贵州省 notices: the province encloses the city, which is not named
        ("guizhou-unnamed-undated-geohazard-technical-support-monitoring-essay-site", "我市"),
        # 我镇 report naming 儋州 only inside a project's name: every coded place lies above a town
        ("hainan-unnamed-undated-township-linkage-funds-essay-site", "我镇"),
        # the region's 住建厅、财政厅 rate the cities; the 我市 news item's city is not named
        ("neimenggu-wuhai-2024-old-residential-renovation-subsidy-score-news", "我市"),
    ],
)
def test_a_place_above_the_level_the_document_calls_itself_by_is_not_read(stem: str, why: str) -> None:
    _doc, r, expected = _dev_record(stem)
    assert _place(r) == (None, None)
    assert (expected["jurisdiction"] or {}).get("adcode") is None
    assert any(why in w for w in _warnings(r, "jurisdiction"))


@pytest.mark.parametrize(
    "stem",
    [
        "national-2015-utility-tunnel-pilot-evaluation-news-mirror-trad",  # 包頭等10個…試點城市: one of ten
        "fujian-unnamed-2015-university-student-aid-provincial-evaluation-news",  # (除部属及厦门市属高校): left out
        "hunan-loudi-2013-forestry-special-funds-self-evaluation-news",  # 地址:湖南省娄底市…: the paper's footer
        "unknown-province-2019-modern-hospital-management-self-report",  # XX省 in the opening: place withheld
    ],
)
def test_a_place_the_body_names_in_passing_gives_no_jurisdiction(stem: str) -> None:
    _doc, r, expected = _dev_record(stem)
    assert expected["jurisdiction"]["adcode"] is None
    assert _place(r) == (None, None)


def test_a_city_report_s_city_wins_over_a_county_it_mentions() -> None:
    doc, r, expected = _dev_record("sichuan-panzhihua-2022-water-development-fund-provincial-result-news")
    assert r.jurisdiction.adcode == expected["jurisdiction"]["adcode"] == "510400"
    assert evidence(doc, r, "jurisdiction").startswith("攀枝花")


def test_a_ministry_office_s_place_is_its_territory_not_the_spending_s() -> None:
    doc, r, expected = _dev_record(
        "shanxi-changzhi-2019-2020-farmland-construction-subsidy-regulator-evaluation-news-mirror"
    )
    assert r.evaluator == "财政部山西监管局"
    assert r.jurisdiction.adcode == expected["jurisdiction"]["adcode"] == "140400"
    assert evidence(doc, r, "jurisdiction") == "长治市"


def test_own_level_knows_cities_and_towns() -> None:
    assert own_level("我镇获得衔接资金，我镇组织") == ("town", "我镇")
    assert own_level("本街道共有") == ("town", "本街道")
    assert own_level("我市共安排资金") == ("city", "我市")
    assert own_level("我乡村振兴局") is None  # 乡村, not the township
    table = divisions()
    guizhou, tianjin, liupanshui = (table.candidates(n)[0] for n in ("贵州省", "天津市", "六盘水市"))
    assert lies_above(guizhou, "city") and not lies_above(tianjin, "city")  # a municipality is a 我市
    assert not lies_above(liupanshui, "city") and lies_above(liupanshui, "town")


def test_invented_city_report_citing_its_province_gives_no_place_but_a_municipality_keeps_its() -> None:
    body = "根据《{p}财政厅关于开展绩效自评的通知》要求，我市对地质灾害防治经费开展了自评。我市共安排资金20万元。\n"
    _doc, r = record_of_text("地质灾害防治经费绩效自评报告\n" + body.format(p="贵州省"))
    assert _place(r) == (None, None)
    doc, r = record_of_text("地质灾害防治经费绩效自评报告\n" + body.format(p="天津市"))
    assert r.jurisdiction.adcode == "120000"


def test_invented_examples_and_exclusions_are_not_the_place() -> None:
    _doc, r = record_of_text("地下综合管廊试点绩效评价\n两部将组织专家对苏州等10个试点城市2015年度绩效进行评价。\n")
    assert _place(r) == (None, None)
    _doc, r = record_of_text("学生资助项目绩效评价\n评价小组对全省（除厦门市属高校）所有高校陆续进行评价检查。\n")
    assert _place(r) == (None, None)
    doc, r = record_of_text("学生资助项目绩效评价\n评价小组对三明市所有高校陆续进行评价检查。\n")
    assert evidence(doc, r, "jurisdiction") == "三明市"


# ---------------------------------------------------------------- the mode: a commission naming no firm
@pytest.mark.parametrize(
    "stem, mode",
    [
        ("gansu-tianshui-2021-key-evaluation-disclosure", "finance"),  # 我局委托第三方评价机构, signed 天水市财政局
        ("jiangxi-pingxiang-2014-new-network-guidance-fund-finance-evaluation-news", "finance"),  # 省财政厅委托专家组
        (
            "hebei-quyang-2020-urban-sewage-collection-project-evaluation-mirror-trad",
            "self",
        ),  # 我局聘請第三方, a 住建局
        ("fujian-fengze-2019-key-evaluation-results-disclosure", "third_party"),  # 委托第三方集美大学: named
    ],
)
def test_an_unnamed_third_party_makes_the_commissioner_s_mode(stem: str, mode: str) -> None:
    _doc, r, expected = _dev_record(stem)
    assert r.evaluation_mode == expected["evaluation_mode"] == mode


def test_a_counsellors_office_is_no_firm() -> None:
    _doc, r, expected = _dev_record("gansu-qinan-undated-agri-insurance-counsellors-office-evaluation-news")
    assert expected["evaluation_mode"] is None
    assert r.evaluation_mode is None


def test_invented_writer_commissioning_an_unnamed_third_party() -> None:
    text = (
        "关于2022年度重点绩效评价结果的公开\n为提高财政资金使用效益，我局委托第三方评价机构，"
        "对2022年市级预算执行的5个项目开展了绩效评价。\n{sig}\n2023年5月10日\n"
    )
    _doc, r = record_of_text(text.format(sig="安化县财政局"))
    assert r.evaluation_mode == "finance"
    _doc, r = record_of_text(text.format(sig=""))
    assert r.evaluation_mode != "third_party"  # the writer names itself nowhere: not a named firm's
    _doc, r = record_of_text(text.replace("第三方评价机构", "湖南天平会计师事务所").format(sig="安化县财政局"))
    assert r.evaluation_mode == "third_party"
