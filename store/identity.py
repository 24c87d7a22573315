"""Is this file another rendering of a report already in the store?

One report often arrives as several files: the Word original, a PDF printed
from it, a scan of the printout, a text dump.  They differ in bytes, in layout
artefacts (page numbers, running headers, tab-separated tables) and, for scans,
in OCR errors, but they share almost all of their wording.  We decide identity
on two signals:

1. a *fingerprint* from what the record says — squashed title, jurisdiction,
   years and total score — equal fingerprints mean the same report;
2. the *text*: a MinHash signature of the set of 5-character shingles of the
   text (letters, digits and CJK only, so whitespace, punctuation and line
   breaks do not count).  Two renderings of one report share most shingles
   (estimated Jaccard well above :data:`SAME_TEXT`), two different reports —
   even on the same programme in the same place — share only boilerplate.

Guards keep distinct reports apart when the text is similar: reports on
disjoint years are different reports (the same programme evaluated in 2020 and
2021 reads alike), and so are reports for different divisions (adcodes) — county
self-evaluations are often written from one template with the place and the
numbers swapped.  Such a template twin measures 0.6–0.85 on the corpus reports
(place names replaced, every digit changed), while renderings of one report,
OCR included, measure 0.96–1.0; so a division mismatch is overridden only at
:data:`NEAR_IDENTICAL` (0.9), where it can only be an extraction slip in one
rendering (a different place named first).

Which rendering is the report's *primary* source (the one its content comes
from) is decided by :func:`choose_primary`: among the renderings that are complete
enough (at least :data:`COMPLETE_SHARE` of the pages, text and findings of the most
complete one — a one-page extract that states the same title, place, year and score
is an alternate, never the source), the best by :func:`source_rank`: a text layer
before OCR; among text layers PDF first (its page numbers are the ones readers cite),
then DOCX, HTML, Markdown, plain text; ties go to the smallest sha256 so the choice
does not depend on the order files were imported in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
SAME_TEXT = 0.5  # estimated Jaccard at or above which two texts are renderings of one report
NEAR_IDENTICAL = 0.9  # so alike that a division (adcode) mismatch is an extraction slip

# Text layers ranked for the primary source (lower is better); OCR always ranks after them.
# An OFD's text is exact, as a PDF's.
FORMAT_RANK: dict[str, float] = {"pdf": 0, "ofd": 0.5, "docx": 1, "html": 2, "md": 3, "txt": 4}

_rng = np.random.default_rng(20240221)  # fixed: signatures must compare across processes and runs
_A = _rng.integers(1, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63 - 1, size=PERMUTATIONS, dtype=np.uint64)
_KEEP = re.compile(r"[^\w]|_", re.UNICODE)


def _content_chars(text: str) -> str:
    return _KEEP.sub("", text)


def signature(text: str) -> bytes:
    """MinHash signature (``PERMUTATIONS`` uint32 values) of the text's shingles."""
    chars = _content_chars(text)
    sig = np.full(PERMUTATIONS, np.iinfo(np.uint32).max, dtype=np.uint32)
    if len(chars) < SHINGLE:
        if chars:  # a very short text: one shingle of what there is
            chars = chars.ljust(SHINGLE, "\0")
        else:
            return sig.tobytes()
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    # Polynomial hash of each window of SHINGLE code points (uint64 arithmetic wraps).
    h = np.zeros(len(codes) - SHINGLE + 1, dtype=np.uint64)
    for j in range(SHINGLE):
        h = h * np.uint64(1_000_003) + codes[j : len(codes) - SHINGLE + 1 + j]
    h = np.unique(h)
    with np.errstate(over="ignore"):
        for i in range(PERMUTATIONS):
            sig[i] = ((h * _A[i] + _B[i]) >> np.uint64(32)).min()
    return sig.tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


def similarities(sig: bytes, matrix: np.ndarray) -> np.ndarray:
    """:func:`similarity` of ``sig`` against every row of ``matrix`` (n × PERMUTATIONS)."""
    if len(matrix) == 0:
        return np.zeros(0)
    return (matrix == np.frombuffer(sig, np.uint32)).mean(axis=1)


def _squash(text: str | None) -> str:
    return _content_chars(text or "")


@dataclass(frozen=True)
class Identity:
    """What identity needs from a record (read from it by :func:`jixiao.store.mapping.identity_of`)."""

    years: frozenset[int]
    adcode: str | None
    fingerprint: str | None


def fingerprint(
    title: str | None, place_name: str | None, adcode: str | None, years: Iterable[int], total: float | None
) -> str | None:
    """``title|place|years|score``, or ``None`` when too little is known.

    The place is the adcode when known, else the squashed place name.
    """
    title = _squash(title)
    years = sorted(years)
    place = adcode or _squash(place_name)
    if not title or not years or not (place or total is not None):
        return None
    score = "" if total is None else f"{float(total):.2f}"
    return f"{title}|{place}|{','.join(str(y) for y in years)}|{score}"


def compatible(a: Identity, b: Identity, text_similarity: float) -> bool:
    """Could records ``a`` and ``b``, whose texts are this alike, be the same report?"""
    if a.years and b.years and not a.years & b.years:
        return False
    if a.adcode and b.adcode and a.adcode != b.adcode and text_similarity < NEAR_IDENTICAL:
        return False
    return True


def source_rank(format: str, ocr: bool, doc_id: str) -> tuple[int, float, str]:
    """Sort key of a rendering: the smallest is the report's primary source."""
    return (1 if ocr else 0, FORMAT_RANK.get(format, len(FORMAT_RANK)), doc_id)


#: A rendering is complete enough to be a report's primary source when it has at least
#: this share of the pages, the text and the findings of the most complete rendering.
COMPLETE_SHARE = 0.8


@dataclass(frozen=True)
class Rendering:
    """What choosing a report's primary source needs to know about one of its files."""

    doc_id: str
    format: str
    ocr: bool
    pages: int | None
    chars: int  # length of the document's text
    findings: int

    @property
    def rank(self) -> tuple[int, float, str]:
        return source_rank(self.format, self.ocr, self.doc_id)


def _most(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def shortfall(r: Rendering, renderings: list[Rendering]) -> str | None:
    """How ``r`` falls short of the most complete of ``renderings`` (``None``: it does not)."""
    gaps = []
    pages = _most(x.pages for x in renderings)
    if r.pages is not None and pages and r.pages < COMPLETE_SHARE * pages:
        gaps.append(f"{r.pages} of {pages} pages")
    chars = _most(x.chars for x in renderings)
    if chars and r.chars < COMPLETE_SHARE * chars:
        gaps.append(f"{100 * r.chars / chars:.0f}% of the text")
    findings = _most(x.findings for x in renderings)
    if findings and r.findings < COMPLETE_SHARE * findings:
        gaps.append(f"{r.findings} of {findings} findings")
    return ", ".join(gaps) or None


def choose_primary(renderings: list[Rendering]) -> Rendering:
    """The report's primary source: the best-ranked (:func:`source_rank`) of the renderings
    that are complete enough (:data:`COMPLETE_SHARE` of the most complete one's pages, text
    and findings), so that a partial rendering — a one-page extract, a truncated dump — never
    replaces a whole report however well its format ranks.  Independent of import order."""
    eligible = [r for r in renderings if shortfall(r, renderings) is None]
    return min(eligible or renderings, key=lambda r: r.rank)


# --------------------------------------------------------------------------- candidates at scale
#: LSH bands of the signature (BANDS × ROWS_PER_BAND = PERMUTATIONS): two signatures share a
#: band with probability 1 - (1 - s**8)**16 at similarity s: 0.99987 at NEAR_IDENTICAL (0.9),
#: 0.06 at 0.5.  They find near-identical texts whatever their keys say (see SignatureIndex).
BANDS = 16
ROWS_PER_BAND = PERMUTATIONS // BANDS

_BAND_POWERS = np.array([pow(1_000_003, j, 2**64) for j in range(ROWS_PER_BAND)], dtype=np.uint64)


def band_hashes(sig: bytes) -> np.ndarray:
    """One uint64 per LSH band of a signature."""
    rows = np.frombuffer(sig, np.uint32).astype(np.uint64).reshape(BANDS, ROWS_PER_BAND)
    with np.errstate(over="ignore"):
        return (rows * _BAND_POWERS).sum(axis=1, dtype=np.uint64)


class _Bands:
    """Band hash → rows, one sorted array per band plus a small unsorted tail merged in now
    and then (a lookup is a binary search per band and a scan of the tail)."""

    TAIL = 4096

    def __init__(self) -> None:
        self.keys = np.zeros((BANDS, 0), dtype=np.uint64)
        self.rows = np.zeros((BANDS, 0), dtype=np.int64)
        self.limit = self.TAIL
        self.tail_keys = np.zeros((self.limit, BANDS), dtype=np.uint64)
        self.tail_rows = np.zeros(self.limit, dtype=np.int64)
        self.tail = 0

    def add(self, row: int, hashes: np.ndarray) -> None:
        self.tail_keys[self.tail] = hashes
        self.tail_rows[self.tail] = row
        self.tail += 1
        if self.tail == self.limit:
            self._merge()

    def _merge(self) -> None:
        keys = np.concatenate([self.keys, self.tail_keys[: self.tail].T], axis=1)
        rows = np.concatenate([self.rows, np.broadcast_to(self.tail_rows[: self.tail], (BANDS, self.tail))], axis=1)
        order = np.argsort(keys, axis=1, kind="stable")  # radix sort: linear in the rows
        self.keys = np.take_along_axis(keys, order, axis=1)
        self.rows = np.take_along_axis(rows, order, axis=1)
        self.tail = 0

    def query(self, hashes: np.ndarray) -> np.ndarray:
        found = []
        for b in range(BANDS):
            lo, hi = np.searchsorted(self.keys[b], hashes[b], "left"), np.searchsorted(self.keys[b], hashes[b], "right")
            if hi > lo:
                found.append(self.rows[b, lo:hi])
        if self.tail:
            hit = (self.tail_keys[: self.tail] == hashes).any(axis=1)
            found.append(self.tail_rows[: self.tail][hit])
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


class SignatureIndex:
    """The stored documents' signatures and identities, for "which stored files could this one
    be another rendering of?" at a cost per file that does not grow with the store.

    Candidates are *blocked*: a stored document is compared only when it could pass
    :func:`compatible` — its years overlap the new one's (or either has none) and its
    division is the same (or either has none) — or when it shares an LSH band with the new
    signature (texts near-identical whatever their keys say, the case where
    :func:`compatible` overrides a division mismatch), or the same fingerprint.  A block is
    one (division, year); a county's reports of one year are few, so the work per file is
    flat however many reports the store holds.  A file without years or division compares
    against every block it could match (all of them when it has neither).

    ``meta[doc_id]`` is ``{"report_id": …, "identity": Identity}``.

    This is the index in memory; the store keeps the same keys in its own tables
    (:mod:`jixiao.store.identity_index`: nothing to build when a store is opened), and is
    tested to find the same candidates as this class.
    """

    def __init__(self) -> None:
        self.matrix = np.zeros((0, PERMUTATIONS), dtype=np.uint32)
        self.doc_ids: list[str | None] = []
        self.meta: dict[str, dict] = {}
        self.row: dict[str, int] = {}
        self.size = 0
        self._blocks: dict[tuple[str | None, int | None], list[int]] = {}
        self._by_year: dict[int | None, set[tuple[str | None, int | None]]] = {}
        self._by_adcode: dict[str | None, set[tuple[str | None, int | None]]] = {}
        self._fingerprints: dict[str, set[str]] = {}
        self._bands = _Bands()

    def add(self, doc_id: str, sig: bytes, meta: dict) -> None:
        if self.size == len(self.matrix):
            grown = np.zeros((max(64, 2 * len(self.matrix)), PERMUTATIONS), dtype=np.uint32)
            grown[: self.size] = self.matrix[: self.size]
            self.matrix = grown
        i = self.size
        self.matrix[i] = np.frombuffer(sig, np.uint32)
        self.doc_ids.append(doc_id)
        self.row[doc_id] = i
        self.meta[doc_id] = meta
        self.size += 1
        ident: Identity = meta["identity"]
        for year in ident.years or (None,):
            key = (ident.adcode or None, year)
            self._blocks.setdefault(key, []).append(i)
            self._by_year.setdefault(year, set()).add(key)
            self._by_adcode.setdefault(key[0], set()).add(key)
        if ident.fingerprint:
            self._fingerprints.setdefault(ident.fingerprint, set()).add(doc_id)
        self._bands.add(i, band_hashes(sig))

    def remove(self, doc_id: str) -> None:
        """Forget a document (its row stays, dead: blocks and bands skip it)."""
        i = self.row.pop(doc_id, None)
        if i is None:
            return
        self.doc_ids[i] = None
        self.matrix[i] = 0
        meta = self.meta.pop(doc_id, None)
        fp = meta["identity"].fingerprint if meta else None
        if fp and fp in self._fingerprints:
            self._fingerprints[fp].discard(doc_id)

    def set_report(self, doc_id: str, report_id: str) -> None:
        if doc_id in self.meta:
            self.meta[doc_id]["report_id"] = report_id

    def _keys(self, ident: Identity | None) -> list[tuple[str | None, int | None]] | None:
        """The blocks a document with ``ident`` could match (``None``: all of them)."""
        if ident is None or (not ident.years and not ident.adcode):
            return None
        if ident.adcode and ident.years:
            return [k for y in ident.years for k in ((ident.adcode, y), (None, y))] + [
                (ident.adcode, None),
                (None, None),
            ]
        if ident.adcode:  # no years: every year of its division, and of no division
            return sorted(self._by_adcode.get(ident.adcode, set()) | self._by_adcode.get(None, set()), key=repr)
        keys: set[tuple[str | None, int | None]] = set(self._by_year.get(None, set()))
        for y in ident.years:  # no division: every division in its years
            keys |= self._by_year.get(y, set())
        return sorted(keys, key=repr)

    def candidate_rows(self, sig: bytes, ident: Identity | None) -> np.ndarray:
        """Rows worth comparing with ``sig`` (blocks and LSH bands; all rows without keys)."""
        keys = self._keys(ident)
        if keys is None:
            return np.arange(self.size)
        parts = [np.array(self._blocks[k], dtype=np.int64) for k in keys if k in self._blocks]
        parts.append(self._bands.query(band_hashes(sig)))
        return np.unique(np.concatenate(parts))

    def candidates(
        self, sig: bytes, fingerprint: str | None, threshold: float, ident: Identity | None = None
    ) -> list[tuple[float, str]]:
        """(similarity, doc_id) of documents at or above ``threshold`` or with the same fingerprint,
        best first; with ``ident`` only among the blocked candidates (see the class)."""
        rows = self.candidate_rows(sig, ident)
        sims = similarities(sig, self.matrix[rows]) if len(rows) else np.zeros(0)
        out: dict[str, float] = {}
        for j in np.nonzero(sims >= threshold)[0]:
            d = self.doc_ids[int(rows[j])]
            if d is not None:
                out[d] = float(sims[j])
        if fingerprint:
            for d in self._fingerprints.get(fingerprint, ()):
                out[d] = max(out.get(d, 0.0), 1.0)
        return sorted(((s, d) for d, s in out.items()), key=lambda x: (-x[0], x[1]))


__all__ = [
    "SignatureIndex",
    "band_hashes",
    "BANDS",
    "Identity",
    "signature",
    "similarity",
    "similarities",
    "fingerprint",
    "compatible",
    "source_rank",
    "SAME_TEXT",
    "NEAR_IDENTICAL",
    "FORMAT_RANK",
    "Rendering",
    "choose_primary",
    "shortfall",
    "COMPLETE_SHARE",
]
