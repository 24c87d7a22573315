"""Filters in the users' words (labels, synonyms, places through the division table, years as
written), ``values`` listings, and what an empty filter says — on the store built from the
real reports (text layers)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest

from jixiao.store import Filters, Store
from jixiao.store import labels
from jixiao.store.filters import parse_years
from jixiao.store.places import PlaceError, resolve
from jixiao.store.search import search
from jixiao.store.values import explain_empty, values


@pytest.fixture(scope="module")
def store(indexed_store):
    with Store(indexed_store) as s:
        yield s


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao.cli", *args], capture_output=True, text=True, timeout=600)


def _ids(store, **kw) -> list[str]:
    return store.report_ids(Filters(**kw))


# ------------------------------------------------------------------ words and codes select the same
def test_every_held_category_label_finds_what_its_code_finds(store):
    held = values(store, "category")
    assert len(held) >= 5
    for v in held:
        by_code = search(store, "数据 资金 人员", mode="keyword", category=v.value, top=50)
        by_label = search(store, "数据 资金 人员", mode="keyword", category=v.label, top=50)
        assert [h.finding_id for h in by_label] == [h.finding_id for h in by_code]
        assert _ids(store, category=v.label) == _ids(store, category=v.value) != []
        assert all(h.category == v.value for h in by_label)


def test_finding_kinds_modes_report_kinds_and_grades_in_chinese(store):
    for word, code in [("问题", "problem"), ("建议", "recommendation"), ("经验", "experience")]:
        assert Filters(kind=word) == Filters(kind=code)
        got = search(store, "管理 资金 人员 宣传 审核 数据", mode="keyword", kind=word, top=50)
        assert got and {h.kind for h in got} == {code}
    reports = list(store.records())
    modes = Counter(r.evaluation_mode for r in reports)
    for word, code in [("自评", "self"), ("第三方", "third_party"), ("第三方评价", "third_party")]:
        assert _ids(store, evaluation_mode=word) == _ids(store, evaluation_mode=code)
        assert len(_ids(store, evaluation_mode=word)) == modes[code] > 0
    kinds = Counter(r.report_kind for r in reports)
    for code, n in kinds.items():
        if code:
            assert len(_ids(store, kind=labels.label("report_kind", code))) == n
    grades = Counter(r.score.grade for r in reports if r.score.grade)
    assert grades
    for grade, n in grades.items():
        long_form = {"优": "优秀", "良": "良好", "中": "中等", "差": "较差"}[grade]
        assert len(_ids(store, grade=long_form)) == len(_ids(store, grade=grade)) == n


def test_unknown_words_are_refused_naming_what_is_accepted():
    with pytest.raises(ValueError, match="问题 \\(problem\\)"):
        Filters(kind="毛病")
    with pytest.raises(ValueError, match="自评"):
        Filters(evaluation_mode="互评")
    assert Filters(category="天气").category == "天气"  # not in the taxonomy: kept, and an empty result says why


# ------------------------------------------------------------------ places
def test_places_at_any_level_and_their_aliases(store):
    reports = list(store.records())
    in_kunming = sorted(r.title for r in reports if r.jurisdiction.prefecture == "昆明市")
    in_yunnan = sorted(r.title for r in reports if r.jurisdiction.province == "云南省")
    assert in_kunming and len(in_yunnan) > len(in_kunming)

    def titles(**kw):
        return sorted(r.title for r in store.records(Filters(**kw)))

    assert titles(place="昆明") == titles(place="昆明市") == titles(prefecture="昆明") == in_kunming
    assert titles(place="云南") == titles(place="Yunnan") == titles(province="云南省") == in_yunnan
    assert titles(place="530000") == in_yunnan
    chenggong = [r.title for r in reports if r.jurisdiction.county == "呈贡区"]
    assert titles(place="呈贡") == titles(county="呈贡") == titles(place="云南省昆明市呈贡区") == chenggong != []


def test_a_place_at_the_wrong_level_says_what_it_is():
    with pytest.raises(PlaceError, match="昆明 is a prefecture, 昆明市（云南省）, not a province"):
        Filters(province="昆明")
    p = resolve("朝阳区")  # two districts of this name: both are meant
    assert p.level == "county" and p.names == {"county": "朝阳区"}
    assert resolve("吉林").names == {"province": "吉林省"}
    with pytest.raises(ValueError, match="exclude each other"):
        Filters(place="昆明", province="广东")


def test_years_as_people_write_them(store):
    for text in ["2021", "2021年", "2021年度", "２０２１年"]:
        assert parse_years(text) == (2021, 2021)
    for text in ["2019-2021", "2019至2021年", "2019年-2021年", "2019到2021", "2019—2021"]:
        assert parse_years(text) == (2019, 2021)
    assert _ids(store, years="2019至2021年") == _ids(store, years="2019-2021")
    reports = list(store.records())
    assert len(_ids(store, years="2019至2021年")) == sum(1 for r in reports if any(2019 <= y <= 2021 for y in r.years))


# ------------------------------------------------------------------ values
def test_values_count_what_the_records_hold(store):
    reports = list(store.records())
    findings = [f for r in reports for f in r.findings]
    cats = {v.value: v.count for v in values(store, "category")}
    assert cats == dict(Counter(f.category for f in findings))
    kinds = {(v.what, v.value): v.count for v in values(store, "kind")}
    for k, n in Counter(f.kind for f in findings).items():
        assert kinds[("kind", k)] == n
    modes = {v.value: (v.label, v.count) for v in values(store, "mode")}
    assert modes == {m: (labels.label("mode", m), n) for m, n in Counter(r.evaluation_mode for r in reports).items()}
    years = {v.value: v.count for v in values(store, "year")}
    assert years == dict(Counter(y for r in reports for y in r.years))
    places = values(store, "place")
    top = [v for v in places if v.depth == 0]
    assert {v.value: v.count for v in top} == dict(Counter(r.jurisdiction.province for r in reports))
    kunming = next(v for v in places if v.value == "昆明市")
    assert kunming.depth == 1 and kunming.count == sum(r.jurisdiction.prefecture == "昆明市" for r in reports)
    # within a filter
    in_chenggong = {v.value: v.count for v in values(store, "category", Filters(place="呈贡"))}
    assert in_chenggong == dict(
        Counter(f.category for r in reports if r.jurisdiction.county == "呈贡区" for f in r.findings)
    )


# ------------------------------------------------------------------ nothing found
def test_an_empty_filter_names_the_nearest_values(store):
    reports = list(store.records())
    n_yunnan = sum(r.jurisdiction.province == "云南省" for r in reports)
    why = explain_empty(store, Filters(place="广东"))
    assert why == f"no reports in 广东省; the store holds 云南省 ({n_yunnan})"
    assert explain_empty(store, Filters(place="云南")) is None
    years = sorted({y for r in reports for y in r.years})
    why = explain_empty(store, Filters(years="2030"))
    assert why.startswith("no reports for 2030年; the store holds ") and str(years[-1]) in why
    # every value held, not together
    county_years = {y for r in reports if r.jurisdiction.county == "呈贡区" for y in r.years}
    other = next(y for y in years if y not in county_years)
    why = explain_empty(store, Filters(place="呈贡", years=str(other)))
    assert why.startswith("no reports match all the filters together") and "呈贡区 (1 report)" in why
    # a finding filter: categories the store does not hold are named with those it does
    held = values(store, "category")
    absent = next(c for c in labels.labels("category") if c not in {v.value for v in held})
    why = explain_empty(store, Filters(category=absent), findings=True)
    assert why.startswith(f"no findings in category {labels.label('category', absent)}; the store holds ")
    top = max(held, key=lambda v: v.count)
    assert f"{top.label} ({top.count})" in why


def test_an_empty_store_says_so(tmp_path):
    with Store(tmp_path / "empty.db") as s:
        assert explain_empty(s, Filters()).startswith("the store is empty")
        assert values(s, "place") == []


def test_cli_filters_in_chinese_and_exit_1_for_nothing(indexed_store):
    db = str(indexed_store)
    out = cli("search", "数据", "--category", "信息化与数据共享", "--mode", "keyword", "--json", "--db", db)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits and {h["category"] for h in hits} == {"information_system"}
    out = cli("search", "数据", "--province", "广东", "--db", db)
    assert out.returncode == 1
    assert "no reports in 广东省; the store holds 云南省" in out.stderr and out.stdout == ""
    out = cli("search", "数据", "--province", "昆明", "--db", db)
    assert out.returncode == 2 and "昆明 is a prefecture" in out.stderr
    out = cli("compare", "--years", "2030年", "--db", db)
    assert out.returncode == 1 and "nothing to compare: no reports for 2030年" in out.stderr
    out = cli("values", "place", "--json", "--db", db)
    assert out.returncode == 0
    listed = json.loads(out.stdout)
    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM reports WHERE prefecture = '昆明市'").fetchone()[0]
    assert {"what": "place", "value": "昆明市", "label": "昆明市", "count": n, "unit": "reports", "depth": 1} in listed
    out = cli("values", "kind", "--db", db)
    assert out.returncode == 0 and "问题" in out.stdout and "problem" in out.stdout
