"""Identity at scale (issue 14): candidates blocked by division and year, plus LSH bands for
near-identical texts, find what comparing with every stored signature finds, and the number
of signatures compared per file does not grow with the store.

The texts are the real reports; the crowd around them is made of template twins (the same
report with its place and every digit changed), as a province's county reports are.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from conftest import CORPUS, REPORTS
from jixiao.store import identity
from jixiao.store.identity import SAME_TEXT, Identity, SignatureIndex, compatible, signature

TEXTS = {r: (CORPUS / f"{r}.txt").read_text(encoding="utf-8") for r in REPORTS}


def _twin(text: str, rng: random.Random) -> str:
    """The same report for another county: every digit changed, a place name swapped in."""
    text = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
    return text.replace("云南", rng.choice(["贵州", "四川", "广西"])).replace("昆明", rng.choice(["遵义", "绵阳"]))


def _rendering(text: str) -> str:
    """Another rendering: other line breaks and spacing, a running header, a few OCR slips."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = "\n".join(f"{ln}  " if i % 7 else f"— {i // 7 + 1} —\n{ln}" for i, ln in enumerate(lines))
    return out.replace("绩效", "绩敫", 3)


def _meta(ident: Identity, report: str) -> dict:
    return {"report_id": report, "identity": ident}


def _full_scan(index: SignatureIndex, sig: bytes, fp: str | None) -> list[tuple[float, str]]:
    return index.candidates(sig, fp, SAME_TEXT, None)  # no identity: every signature compared


def _matches(index: SignatureIndex, cands: list[tuple[float, str]], ident: Identity) -> list[str]:
    return [d for s, d in cands if compatible(ident, index.meta[d]["identity"], s)]


@pytest.fixture(scope="module")
def crowd() -> tuple[SignatureIndex, dict]:
    """The three reports among 600 template twins over 40 divisions and 2015–2024."""
    rng = random.Random(14)
    saved, identity._Bands.TAIL = identity._Bands.TAIL, 64  # most band lookups go through merged, sorted rows
    try:
        index = SignatureIndex()
    finally:
        identity._Bands.TAIL = saved
    places = [f"53{n:04d}" for n in range(40)]
    for n in range(600):
        report = REPORTS[n % 3]
        years = frozenset(rng.sample(range(2015, 2025), rng.choice([1, 2])))
        adcode = rng.choice(places + [None])  # some reports name no division
        ident = Identity(years, adcode, None)
        index.add(f"twin{n}", signature(_twin(TEXTS[report], rng)), _meta(ident, f"twin{n}"))
    real = {
        "yunnan-2021-resident-pension": Identity(frozenset({2021}), "530000", "fp-yunnan"),
        "chenggong-2023-department": Identity(frozenset({2023}), "530114", None),
        "dongchuan-2019-poverty-pension": Identity(frozenset({2019}), "530113", None),
    }
    for r, ident in real.items():
        index.add(r, signature(TEXTS[r]), _meta(ident, r))
    return index, real


def test_blocked_candidates_find_what_the_full_scan_finds(crowd):
    index, real = crowd
    for r, ident in real.items():
        sig = signature(_rendering(TEXTS[r]))
        blocked = index.candidates(sig, ident.fingerprint, SAME_TEXT, ident)
        assert _matches(index, blocked, ident) == _matches(index, _full_scan(index, sig, ident.fingerprint), ident)
        assert _matches(index, blocked, ident)[0] == r  # another rendering of the stored report


def test_a_near_identical_text_under_another_division_is_still_found(crowd):
    index, real = crowd
    ident = real["chenggong-2023-department"]
    slip = Identity(ident.years, "530102", None)  # one rendering names another district first
    sig = signature(_rendering(TEXTS["chenggong-2023-department"]))
    rows = index.candidate_rows(sig, slip)
    assert index.row["chenggong-2023-department"] in set(rows.tolist())  # through an LSH band, not a block
    assert _matches(index, index.candidates(sig, None, SAME_TEXT, slip), slip) == ["chenggong-2023-department"]


def test_same_fingerprint_is_a_candidate_whatever_the_text(crowd):
    index, real = crowd
    ident = real["yunnan-2021-resident-pension"]
    other = signature("完全不同的一段文字，只有指纹相同。" * 20)
    assert [d for _, d in index.candidates(other, "fp-yunnan", SAME_TEXT, ident)] == ["yunnan-2021-resident-pension"]


def test_signatures_compared_per_file_stay_flat_as_the_store_grows():
    """Synthetic signatures (random minima) over 2,800 divisions × 10 years: the rows compared
    for one file with a division and a year grow with its block, not with the store."""
    rng = np.random.default_rng(14)
    places = [f"{n:06d}" for n in range(2800)]
    index = SignatureIndex()
    compared = []
    probe = Identity(frozenset({2020}), places[7], None)
    probe_sig = rng.integers(0, 2**32, 128, dtype=np.uint32).tobytes()
    for size in (2_000, 20_000, 60_000):
        while index.size < size:
            n = index.size
            ident = Identity(frozenset({2015 + n % 10}), places[(n // 10) % len(places)], None)
            index.add(f"d{n}", rng.integers(0, 2**32, 128, dtype=np.uint32).tobytes(), _meta(ident, f"d{n}"))
        compared.append(len(index.candidate_rows(probe_sig, probe)))
    assert compared[-1] <= 3 * max(compared[0], 1)  # 30x the signatures, about the same work
    assert compared[-1] < index.size / 1000
    # a file with no keys at all is compared with everything (the exact fallback)
    assert len(index.candidate_rows(probe_sig, Identity(frozenset(), None, None))) == index.size
