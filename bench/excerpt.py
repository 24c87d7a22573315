"""Whole reports cut into the excerpts a web page publishes: does each excerpt say what it said inside the report?

    python bench/excerpt.py                      # the shared reports' sections, alone and under the title line
    python bench/excerpt.py --show               # and each value an excerpt lost or changed
    python bench/excerpt.py --devset dev         # also the dev half's long items (values the hand expectations confirm)

The hidden measurement reads short unseen excerpts — a report's conclusion, its score table, its basic situation —
as well as whole reports.  The shared reports read 1.000 whole; this bench asks whether a value depends on context
an excerpt no longer has (the title's programme, a table header's unit, the cover's date).

Each report is read whole; its record's values and their evidence spans are the reference (on the shared reports
that record equals the gold one, which the suite asserts).  The report is then cut at its top-level headings
(一、 二、 …) and each section is read on its own, and again with the report's title line over it (as a web page
prints a section under its headline).  For each excerpt:

* **stated** — the reference values whose evidence lies inside the excerpt (scalar fields by their evidence; score
  total and grade; indicators, figures and checks by their span);
* **found** — of those, the ones the excerpt's record gives equal (figures by name key, value and unit, as
  ``tests/record_compare.py``; indicators by level, name, weight and score; checks by rule and outcome);
* **changed** — a scalar value the excerpt's record gives that differs from the whole report's, or a figure,
  indicator or failed check the whole report does not have: the excerpt read something the report does not say.

With ``--devset dev`` (or ``holdout``), the development set's items longer than ``--min-chars`` are cut the same
way; a field is a reference only where the item's whole record equals its hand-written expectation.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from record_compare import figure_name_key  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402
from jixiao.extractor.record.model import EVIDENCE_KEYS  # noqa: E402

SAMPLES = HERE.parent / "corpus" / "samples"
#: A top-level heading of a report: 一、 … 十、 at a line's start, a line of words (no table row's cells).
HEADING = re.compile(r"^[ \u3000]*[一二三四五六七八九十]{1,3}[、.．][^\t|｜\n]{2,40}$", re.M)
#: The record's scalar fields whose evidence the bench follows: contract v2's evidence keys but the maximum score,
#: which shares the total's evidence.
SCALARS = [k for k in EVIDENCE_KEYS if k != "score.max"]
LISTS = ["indicators", "figures", "checks"]


def scalar(record: dict[str, Any], field: str) -> Any:
    if field.startswith("score."):
        return (record.get("score") or {}).get(field.split(".")[1])
    value = record.get(field)
    if field == "jurisdiction":
        return (value or {}).get("adcode") or (value or {}).get("name")
    if field == "years":
        return value or None
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


def item_key(field: str, item: dict[str, Any]) -> tuple:
    if field == "figures":
        return (figure_name_key(item["name"]), round(float(item["value"]), 6), item["unit"])
    if field == "indicators":
        return (item["level"], re.sub(r"\s+", "", item["name"]), item["weight"], item["score"])
    return (item["rule"], item["ok"])


def read(text: str) -> tuple[str, dict[str, Any]]:
    """The document text the reader made of ``text`` (a converter's artefacts dropped) and its record: evidence
    spans are offsets in the former."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "excerpt.txt"
        path.write_text(text, encoding="utf-8")
        doc = parse(path)
        return doc.text, build_record(doc).to_dict()


def sections(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each top-level section: from one heading's line to the next's."""
    starts = [m.start() for m in HEADING.finditer(text)]
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(text)]) if text[a:b].strip()]


def excerpts(text: str, whole: dict[str, Any]) -> list[tuple[str, str, list[tuple[int, int, int]]]]:
    """Each excerpt: a name, its text, and how its pieces map back (excerpt offset, report start, report end)."""
    out = []
    title_ev = whole.get("evidence", {}).get("title")
    for a, b in sections(text):
        heading = text[a : text.find("\n", a)].strip()[:16]
        out.append((heading, text[a:b], [(0, a, b)]))
        if title_ev is not None:
            t0, t1 = title_ev["span"]
            if t1 <= a:
                head = text[t0:t1] + "\n"
                out.append(("title + " + heading, head + text[a:b], [(0, t0, t1), (len(head), a, b)]))
    return out


def inside(span: list[int] | tuple[int, int] | None, pieces: list[tuple[int, int, int]]) -> bool:
    return span is not None and any(a <= span[0] and span[1] <= b for _o, a, b in pieces)


def compare(
    whole: dict[str, Any], part: dict[str, Any], pieces: list[tuple[int, int, int]], trusted: set[str] | None
) -> dict[str, list[str]]:
    """Per field: ``stated`` / ``found`` / ``changed`` lists of short descriptions."""
    out: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: {"stated": [], "found": [], "changed": []})
    evidence = whole.get("evidence", {})
    for f in SCALARS:
        if trusted is not None and f not in trusted:
            continue
        want, got = scalar(whole, f), scalar(part, f)
        ev = evidence.get(f)
        if want is not None and ev is not None and inside(ev["span"], pieces):
            out[f]["stated"].append(repr(want))
            if got == want:
                out[f]["found"].append(repr(want))
        if got is not None and want is not None and got != want:
            said = (part.get("evidence", {}).get(f) or {}).get("text", "")
            out[f]["changed"].append(f"{got!r} from «{said[:40]}» (report: {want!r})")
    for f in LISTS:
        if trusted is not None and f not in trusted:
            continue
        whole_keys = collections.Counter(item_key(f, i) for i in whole.get(f, []))
        want = collections.Counter(item_key(f, i) for i in whole.get(f, []) if inside(i.get("span"), pieces))
        got = collections.Counter(item_key(f, i) for i in part.get(f, []))
        out[f]["stated"] += [str(k) for k in want.elements()]
        out[f]["found"] += [str(k) for k in (want & got).elements()]
        extra = got - whole_keys
        if f == "checks":  # a passed check more is no reading the report contradicts
            extra = collections.Counter({k: n for k, n in extra.items() if not k[1]})
        out[f]["changed"] += [str(k) for k in extra.elements()]
    return out


def devset_reports(half: str, min_chars: int) -> list[tuple[str, str, set[str]]]:
    """(name, text, fields the hand expectation confirms) of the half's items of at least ``min_chars`` with two
    or more top-level sections.  A field is a reference only where the whole item's record finds every value the
    expectation states and gives none it does not (tier scores stand for the indicators, inconsistencies for the
    checks)."""
    from devset_compare import items, score_item

    names = {"tier_scores": "indicators", "inconsistencies": "checks"}
    out = []
    for it in items(half):
        text = it.path.read_text(encoding="utf-8")
        if len(text) < min_chars or len(sections(text)) < 2:
            continue
        _text, record = read(text)
        scores = score_item(record, it.expected)
        trusted = {names.get(f, f) for f, (found, n, false) in scores.items() if n and found == n and not false}
        out.append((it.stem, text, trusted))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print each value an excerpt lost or changed")
    ap.add_argument("--devset", choices=["dev", "holdout"], help="also the development set's long items")
    ap.add_argument("--min-chars", type=int, default=600, help="devset items at least this long (default 600)")
    args = ap.parse_args()

    reports: list[tuple[str, str, set[str] | None]] = [
        (p.stem, p.read_text(encoding="utf-8"), None) for p in sorted(SAMPLES.glob("*.txt"))
    ]
    if args.devset:
        reports += devset_reports(args.devset, args.min_chars)
    totals: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    n_excerpts = 0
    for name, text, trusted in reports:
        text, whole = read(text)  # (cut from the document's text, where the evidence spans are)
        for heading, ex_text, pieces in excerpts(text, whole):
            n_excerpts += 1
            _ex, part = read(ex_text)
            for f, res in compare(whole, part, pieces, trusted).items():
                group = "shared" if trusted is None else args.devset
                for k in ("stated", "found", "changed"):
                    totals[(group, f)][k] += len(res[k])
                lost = collections.Counter(res["stated"]) - collections.Counter(res["found"])
                if args.show and (lost or res["changed"]):
                    print(f"{name} | {heading} | {f}: lost {sorted(lost.elements())} changed {res['changed']}")
    print(f"\n{len(reports)} reports, {n_excerpts} excerpts")
    print(f"{'group':8} {'field':18} {'found/stated':>14} {'share':>6} {'changed':>8}")
    for (group, f), c in sorted(totals.items()):
        share = c["found"] / c["stated"] if c["stated"] else float("nan")
        print(f"{group:8} {f:18} {c['found']:>6}/{c['stated']:<7} {share:6.3f} {c['changed']:>8}")


if __name__ == "__main__":
    main()
