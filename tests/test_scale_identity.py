"""Identity at scale (issue 14): candidates blocked by division and year, plus LSH bands for
near-identical texts, find what comparing with every stored signature finds, and the number
of signatures compared per file does not grow with the store.  The store keeps those keys in
its own tables (:mod:`jixiao.store.identity_index`), which give the same candidates, and a
store closed and opened again decides identity as before.

The texts are the real reports; the crowd around them is made of template twins (the same
report with its place and every digit changed), as a province's county reports are.
"""

from __future__ import annotations

import functools
import random
import re
import sqlite3

import numpy as np
import pytest

from conftest import CORPUS, REPORTS
from jixiao.corpus.walk import FileItem
from jixiao.corpus.work import extract_file
from jixiao.store import Store, identity, identity_index
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


@functools.lru_cache(maxsize=1)
def _crowd() -> list[tuple[str, bytes, Identity]]:
    """The three reports among 600 template twins over 40 divisions and 2015–2024 (some with no
    division, one with no year); the real reports last."""
    rng = random.Random(14)
    places = [f"53{n:04d}" for n in range(40)]
    out = []
    for n in range(600):
        report = REPORTS[n % 3]
        years = frozenset(rng.sample(range(2015, 2025), rng.choice([1, 2]))) if n != 5 else frozenset()
        adcode = rng.choice(places + [None])  # some reports name no division
        out.append((f"twin{n}", signature(_twin(TEXTS[report], rng)), Identity(years, adcode, None)))
    out.append(("yunnan-2021-resident-pension", signature(TEXTS[REPORTS[0]]), REAL[REPORTS[0]]))
    out.append(("chenggong-2023-department", signature(TEXTS[REPORTS[1]]), REAL[REPORTS[1]]))
    out.append(("dongchuan-2019-poverty-pension", signature(TEXTS[REPORTS[2]]), REAL[REPORTS[2]]))
    return out


REAL = {
    "yunnan-2021-resident-pension": Identity(frozenset({2021}), "530000", "fp-yunnan"),
    "chenggong-2023-department": Identity(frozenset({2023}), "530114", None),
    "dongchuan-2019-poverty-pension": Identity(frozenset({2019}), "530113", None),
}


def _in_memory() -> SignatureIndex:
    """The crowd in a :class:`SignatureIndex`."""
    saved, identity._Bands.TAIL = identity._Bands.TAIL, 64  # most band lookups go through merged, sorted rows
    try:
        index = SignatureIndex()
    finally:
        identity._Bands.TAIL = saved
    for doc_id, sig, ident in _crowd():
        index.add(doc_id, sig, _meta(ident, doc_id))
    return index


@pytest.fixture(scope="module")
def crowd() -> tuple[SignatureIndex, dict]:
    return _in_memory(), dict(REAL)


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


# ----------------------------------------------------------------------------- the store's tables
def _put(store: Store, doc_id: str, sig: bytes, ident: Identity) -> None:
    """A stored file as the identity index sees it: its document and source rows and its keys
    (the report rows, which identity does not read, are left out)."""
    store.conn.execute(
        "INSERT INTO documents (doc_id, path, format, pages, ocr, size, text, record, fingerprint, signature)"
        " VALUES (?, ?, 'txt', 1, 0, 0, '', '{}', ?, ?)",
        (doc_id, doc_id, ident.fingerprint, sig),
    )
    store.conn.execute(
        "INSERT INTO sources (doc_id, report_id, path, format, ocr, is_primary) VALUES (?, ?, ?, 'txt', 0, 1)",
        (doc_id, f"report-of-{doc_id}", doc_id),
    )
    identity_index.add(store.conn, doc_id, sig, ident)


def test_the_stores_tables_give_the_candidates_of_the_index_in_memory(tmp_path):
    index, real = _in_memory(), REAL  # its own: files are removed below
    store = Store(tmp_path / "crowd.db")
    store.conn.execute("PRAGMA foreign_keys = OFF")  # no report rows: identity reads none
    try:
        for doc_id, sig, ident in _crowd():
            _put(store, doc_id, sig, ident)
        probes = []
        for r, ident in real.items():
            sig = signature(_rendering(TEXTS[r]))
            probes += [
                (sig, ident.fingerprint, ident),
                (sig, None, Identity(ident.years, "530102", None)),  # another division named first
                (sig, None, Identity(ident.years, None, None)),  # years only
                (sig, None, Identity(frozenset(), ident.adcode, None)),  # a division only
                (sig, None, None),  # nothing to block on: every file
            ]
        probes.append((signature("完全不同的一段文字，只有指纹相同。" * 20), "fp-yunnan", real[REPORTS[0]]))

        def same(label: str) -> None:
            for sig, fp, ident in probes:
                stored = identity_index.candidates(store.conn, sig, fp, SAME_TEXT, ident)
                assert [(c.similarity, c.doc_id) for c in stored] == index.candidates(sig, fp, SAME_TEXT, ident), label
                for c in stored:  # each with the identity and report it was stored with
                    assert c.identity.years == index.meta[c.doc_id]["identity"].years
                    assert c.identity.adcode == index.meta[c.doc_id]["identity"].adcode
                    assert c.report_id == f"report-of-{c.doc_id}"
            assert any(identity_index.candidates(store.conn, s, f, SAME_TEXT, i) for s, f, i in probes)

        same("as stored")
        gone = ["chenggong-2023-department", "twin0", "twin5", "twin7"]
        for doc_id in gone:  # removed from both
            index.remove(doc_id)
            identity_index.remove(store.conn, doc_id)
            store.conn.execute("DELETE FROM sources WHERE doc_id = ?", (doc_id,))
            store.conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        same("after removals")
        assert identity_index.count(store.conn) == len(_crowd()) - len(gone)
        for table in ("identity_blocks", "identity_bands"):  # nothing of the removed files is left
            left = store.conn.execute(f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT id FROM identity_docs)")
            assert left.fetchone()[0] == 0
    finally:
        store.close()


def _extracted(name: str):
    path = str(CORPUS / name)
    return extract_file(FileItem(path, path))


def test_a_store_opened_again_decides_identity_as_before(tmp_path):
    """The identity keys are rows of the store: closed and opened again (or opened by another
    process), it joins a new rendering to the stored report, and a store made before the
    index was kept in tables is indexed when opened (migration 4)."""
    from sqlite_utils import Database

    from jixiao.store import schema as schema_mod

    db = tmp_path / "s.db"
    with Store(db) as store:
        for r in REPORTS:
            assert store.add_document(_extracted(f"{r}.txt")).status == "new report"
        keys = store.conn.execute("SELECT doc_id, adcode, years FROM identity_docs ORDER BY doc_id").fetchall()
    assert len(keys) == 3 and all(adcode for _, adcode, _ in keys)
    docx = _extracted(f"{REPORTS[1]}.docx")
    with Store(db) as store:  # opened again: nothing built, the rendering joins its report
        res = store.add_document(docx)
        assert res.status in ("better rendering", "another rendering")
        assert store.table_counts()["reports"] == 3 and store.table_counts()["documents"] == 4
        txt_report = store.conn.execute(
            "SELECT report_id FROM sources WHERE path LIKE ?", (f"%{REPORTS[1]}.txt",)
        ).fetchone()[0]
        assert res.report_id == txt_report
        store.remove_document(docx.doc_id)
        assert store.table_counts()["documents"] == 3 and identity_index.count(store.conn) == 3

    # A store as jixiao left it before migration 4: no identity tables; indexed on open.
    conn = sqlite3.connect(db, isolation_level=None)
    for table in ("identity_bands", "identity_blocks", "identity_docs"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM schema_version WHERE version = 4")
    conn.execute("PRAGMA user_version = 3")
    assert schema_mod.schema_version(Database(conn)) == 3
    conn.close()
    with Store(db) as store:
        assert store.schema_version == schema_mod.latest_version()
        again = store.conn.execute("SELECT doc_id, adcode, years FROM identity_docs ORDER BY doc_id").fetchall()
        assert again == keys
        res = store.add_document(docx)
        assert res.report_id == txt_report and store.table_counts()["reports"] == 3
