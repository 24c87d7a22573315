"""Relevance on every search hit, weak-match marking, --min-score, and highlighting that marks
the query's words rather than its lone function characters — on the store built from the real
reports, with the query set of tests/search_queries.yaml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.store import Store
from jixiao.store.fts import snippet
from jixiao.store.search import WEAK_BELOW, search, similar
from search_eval import load_queries, resolve

ROOT = Path(__file__).resolve().parent.parent

# Things none of the three reports discusses (their findings are about pension insurance).
UNRELATED = [
    "档案管理不规范",
    "政府采购程序不规范",
    "固定资产账实不符",
    "公务用车使用不规范",
    "会议费超标准列支",
    "工程招投标程序不合规",
    "图书馆借阅量下降",
    "合同管理不规范",
    "学校食堂食品安全",
    "道路建设进度滞后",
    "农田水利设施损毁",
    "医疗设备闲置",
    "森林防火",
    "污水处理厂运行不正常",
    "扶贫产业项目效益差",
]


@pytest.fixture(scope="module")
def store(indexed_store):
    with Store(indexed_store) as s:
        yield s


def test_expected_findings_score_strong_and_unrelated_queries_weak(store):
    strong = total = 0
    for q in load_queries():
        expected = set()
        for e in q["expect"]:
            expected |= resolve(store, e)
        hits = search(store, q["q"], kind=q.get("kind"), top=3)
        found = next((h for h in hits if h.finding_id in expected), None)
        if found is None:
            continue
        total += 1
        strong += not found.weak
    assert total >= 45
    assert strong / total >= 0.85, f"{strong} of {total} expected findings scored as strong matches"
    weak = n = 0
    for q in UNRELATED:
        for h in search(store, q, top=3):
            n += 1
            weak += h.weak
    assert n == 3 * len(UNRELATED)
    assert weak / n >= 0.85, f"only {weak} of {n} hits of unrelated queries were marked weak"


def test_every_hit_has_a_relevance_and_weak_follows_the_threshold(store):
    for mode in ("keyword", "semantic", "hybrid"):
        hits = search(store, "信息系统数据不共享", mode=mode, top=10)
        assert hits
        for h in hits:
            assert 0.0 <= h.relevance <= 1.0
            assert h.weak == (h.relevance < WEAK_BELOW)
            d = h.to_dict()
            assert d["relevance"] == h.relevance and d["weak"] == h.weak
    # the best hit of an exact phrase holds all its words
    best = search(store, "数据信息不互通", mode="keyword", top=1)[0]
    assert "数据信息不互通" in best.title and best.relevance == 1.0 and not best.weak
    first = search(store, "数据信息不互通", top=1)[0]
    peers = similar(store, first.finding_id, top=3)
    assert peers and all(0 <= p.relevance <= 1 and p.weak == (p.relevance < WEAK_BELOW) for p in peers)


def test_min_score_leaves_out_weak_matches(store):
    every = search(store, "森林防火", top=10)
    assert every and any(h.weak for h in every)
    kept = search(store, "森林防火", top=10, min_score=WEAK_BELOW)
    assert [h.finding_id for h in kept] == [h.finding_id for h in every if not h.weak][: len(kept)]
    assert all(h.relevance >= WEAK_BELOW for h in kept)
    assert [h.rank for h in kept] == list(range(1, len(kept) + 1))
    strong = search(store, "数据不共享", top=3, min_score=WEAK_BELOW)
    assert strong and not strong[0].weak


def test_highlighting_marks_the_query_words_not_lone_function_characters(store):
    hits = search(store, "数据不共享", mode="keyword", top=10)
    marked_lone = [h.snippet for h in hits if "【不】" in h.snippet]
    assert marked_lone == []
    assert any("不" in h.snippet.replace("【", "").replace("】", "") for h in hits)
    assert any("【数据" in h.snippet for h in hits)
    text, spans = snippet("系统数据不共享，信息不互通，管理不规范", ["数据", "不", "共享"])
    assert text == "系统【数据不共享】，信息不互通，管理不规范" and len(spans) == 1
    # a query of one character still marks it
    assert snippet("不及时", ["不"])[0] == "【不】及时"


def test_cli_shows_relevance_and_marks_weak_matches(indexed_store):
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "jixiao.cli", *a, "--db", str(indexed_store)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = run("search", "森林防火", "--top", "3", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits and all("relevance" in h and "weak" in h for h in hits)
    text = run("search", "森林防火", "--top", "3")
    assert text.stdout.count("weak match") == sum(h["weak"] for h in hits) > 0
    assert "relevance " in text.stdout
    none = run("search", "森林防火", "--min-score", "0.99")
    assert none.returncode == 1 and "no matching findings" in none.stderr
