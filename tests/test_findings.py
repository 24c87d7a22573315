"""Findings (problems, recommendations, experiences) on every rendering of every corpus report.

Gold: tests/gold/<report>.findings.json, written by reading the reports.  A
predicted finding matches a gold one of the same kind when their titles are
similar or the gold anchor (the first characters of the finding's text) is found,
fuzzily, near the start of the predicted text — OCR text has small errors, so no
exact string comparison.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import jsonschema
import pytest

from conftest import REPORTS, RENDERINGS, parsed, rendering
from jixiao.extractor.record.findings import clean_text, extract_findings

GOLD = Path(__file__).parent / "gold"
SCHEMA = Path(__file__).parent / "contract" / "report.schema.json"
MATCH_THRESHOLD = 0.6
MIN_F1 = {".txt": 0.95, ".docx": 0.95, ".pdf": 0.95, "-scan.pdf": 0.95}

_FINDINGS: dict[str, list[dict]] = {}


def gold(report: str) -> list[dict]:
    return json.loads((GOLD / f"{report}.findings.json").read_text(encoding="utf-8"))["findings"]


def findings_of(path: Path) -> list[dict]:
    key = str(path)
    if key not in _FINDINGS:
        _FINDINGS[key] = extract_findings(parsed(path))
    return _FINDINGS[key]


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def fuzzy_find(needle: str, hay: str) -> float:
    """Best similarity of ``needle`` to any window of ``hay`` of the same length."""
    if not needle or not hay:
        return 0.0
    n = len(needle)
    best = 0.0
    for i in range(0, max(1, len(hay) - n + 1)):
        r = SequenceMatcher(None, needle, hay[i : i + n], autojunk=False).ratio()
        if r > best:
            best = r
            if best == 1.0:
                break
    return best


def match_score(g: dict, p: dict) -> float:
    title = SequenceMatcher(None, squash(g["title"]), squash(p["title"]), autojunk=False).ratio()
    opening = squash(p["text"])[: len(squash(g["title"])) + 120]
    return max(title, fuzzy_find(squash(g["anchor"]), opening))


def match(golds: list[dict], preds: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of gold and predicted findings of the same kind."""
    pairs = []
    for kind in ("problem", "recommendation", "experience"):
        gs = [g for g in golds if g["kind"] == kind]
        ps = [p for p in preds if p["kind"] == kind]
        scored = sorted(
            ((match_score(g, p), gi, pi) for gi, g in enumerate(gs) for pi, p in enumerate(ps)),
            key=lambda t: -t[0],
        )
        used_g, used_p = set(), set()
        for s, gi, pi in scored:
            if s < MATCH_THRESHOLD or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gs[gi], ps[pi]))
    return pairs


def prf(golds: list[dict], preds: list[dict]) -> tuple[float, float, float]:
    tp = len(match(golds, preds))
    p = tp / len(preds) if preds else 0.0
    r = tp / len(golds) if golds else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


CASES = [
    pytest.param(report, suffix, id=f"{report}{suffix}", marks=[pytest.mark.slow] if "scan" in suffix else [])
    for report in REPORTS
    for suffix in RENDERINGS
]


@pytest.mark.parametrize("report,suffix", CASES)
def test_findings_match_gold(report: str, suffix: str) -> None:
    preds = findings_of(rendering(report, suffix))
    p, r, f = prf(gold(report), preds)
    assert f >= MIN_F1[suffix], f"{report}{suffix}: P={p:.2f} R={r:.2f} F1={f:.2f}"


@pytest.mark.parametrize("report,suffix", [c for c in CASES if "pdf" in c.id])
def test_pages_on_pdf_renderings(report: str, suffix: str) -> None:
    pairs = match(gold(report), findings_of(rendering(report, suffix)))
    wrong = [(g["title"], g["page"], p["page"]) for g, p in pairs if g["page"] != p["page"]]
    assert pairs and not wrong, wrong


@pytest.mark.parametrize("report,suffix", CASES)
def test_spans_point_at_the_findings(report: str, suffix: str) -> None:
    doc = parsed(rendering(report, suffix))
    preds = findings_of(rendering(report, suffix))
    assert preds
    for f in preds:
        start, end = f["span"]
        assert 0 <= start < end <= len(doc.text)
        assert clean_text(doc.text[start:end]) == f["text"]
        # the title is where the span starts (after a list marker at most)
        head = squash(doc.text[start : start + len(f["title"]) + 12])
        assert fuzzy_find(squash(f["title"])[:20], head) >= 0.9, (f["title"], doc.text[start : start + 40])


@pytest.mark.parametrize("report,suffix", CASES)
def test_ordinals_categories_and_links(report: str, suffix: str) -> None:
    preds = findings_of(rendering(report, suffix))
    for kind in ("problem", "recommendation", "experience"):
        ords = [f["ordinal"] for f in preds if f["kind"] == kind]
        assert ords == list(range(1, len(ords) + 1))
    pairs = match(gold(report), preds)
    # categories: the taxonomy is a judgement; most must agree with the gold reading
    agree = sum(1 for g, p in pairs if g["category"] == p["category"])
    assert agree / len(pairs) >= 0.85, [
        (g["title"], g["category"], p["category"]) for g, p in pairs if g["category"] != p["category"]
    ]
    # responds_to: the problem a recommendation answers, mapped through the matching
    pred_to_gold_problem = {p["ordinal"]: g["ordinal"] for g, p in pairs if g["kind"] == "problem"}
    for g, p in pairs:
        if g["kind"] != "recommendation":
            continue
        got = pred_to_gold_problem.get(p["responds_to"]) if p["responds_to"] is not None else None
        assert got == g["responds_to"], (g["title"], g["responds_to"], p["responds_to"])


def test_findings_follow_the_contract_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    item_schema = {**schema["properties"]["findings"], "$defs": schema.get("$defs", {})}  # span is a $ref (v2)
    for report in REPORTS:
        jsonschema.validate(findings_of(rendering(report, ".txt")), item_schema)


def test_each_finding_once_despite_the_summary() -> None:
    """Yunnan repeats experiences, problems and recommendations in its 摘要; Dongchuan
    repeats its whole 经验、问题和建议 part.  The body's copies are kept."""
    yunnan = findings_of(rendering("yunnan-2021-resident-pension", ".pdf"))
    assert sum(f["kind"] == "problem" for f in yunnan) == 8
    assert sum(f["kind"] == "recommendation" for f in yunnan) == 7
    assert sum(f["kind"] == "experience" for f in yunnan) == 2
    assert min(f["page"] for f in yunnan) >= 28  # none from the summary on pages 1–7
    dongchuan = findings_of(rendering("dongchuan-2019-poverty-pension", ".pdf"))
    assert {f["page"] for f in dongchuan} == {7}
