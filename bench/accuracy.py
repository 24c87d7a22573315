"""Accuracy of the report record: the shared corpus (every rendering) and both halves of the development set.

Run from the repository root::

    python bench/accuracy.py                   # all four renderings of each report (scans are OCR'd: minutes)
    python bench/accuracy.py --scans none      # .txt, .docx, .pdf only
    python bench/accuracy.py --cache /tmp/jx   # keep parsed documents between runs (pickles)
    python bench/accuracy.py --devset-only     # only the development set (seconds)
    python bench/accuracy.py --devset-only --by-form   # and each half split by the items' form

**Development set** (``tests/devset/``, see ``tests/devset_compare.py``): real
published excerpts with expectations written by hand, split by source site into
``dev`` (rules were written against it) and ``holdout`` (only measured).  Per
field it prints the share of the values the items state that the record gets
right, and how many items state no value where the record gives one anyway.

For each report and rendering (``.txt``, ``.docx``, ``.pdf``, ``-scan.pdf``) it
builds the record with ``jixiao.extractor.record.build_record`` and prints:

* per field, the accuracy against ``tests/gold/<report>.json`` (written by
  reading the reports): 1/0 for scalar fields (title, years, jurisdiction,
  score …), F1 for list fields (indicators on code/level/name/parent/weight/score;
  figures on name/value/unit; checks on rule/ok), and whether ``source`` is right;
* precision / recall / F1 of problems and of recommendations against
  ``tests/gold/<report>.findings.json``: a finding matches a gold finding of the
  same kind when their titles are similar (difflib ratio ≥ 0.6 on the texts
  without whitespace) or the gold anchor occurs in the finding's text; each gold
  finding matches at most one finding (greedy, best similarity first).

The last table gives each field's mean over the reports, per rendering, against
the targets (every field ≥ 0.97, finding F1 ≥ 0.95).
"""

from __future__ import annotations

import argparse
import difflib
import json
import pickle
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from devset_compare import FIELDS as DEV_FIELDS  # noqa: E402
from devset_compare import items as devset_items  # noqa: E402
from devset_compare import score_item  # noqa: E402
from record_compare import field_scores, load_gold  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
GOLD = ROOT / "tests" / "gold"
REPORTS = ["yunnan-2021-resident-pension", "chenggong-2023-department", "dongchuan-2019-poverty-pension"]
RENDERINGS = [".txt", ".docx", ".pdf", "-scan.pdf"]
FIELD_TARGET, FINDING_TARGET = 0.97, 0.95
MATCH_THRESHOLD = 0.6


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def similarity(found: dict, gold: dict) -> float:
    title = difflib.SequenceMatcher(None, _key(found["title"]), _key(gold["title"])).ratio()
    anchor = _key(gold.get("anchor", ""))
    in_text = 1.0 if anchor and anchor[:20] in _key(found["text"]) else 0.0
    return max(title, in_text)


def finding_prf(found: list[dict], gold: list[dict], kind: str) -> tuple[float, float, float, int, int]:
    f = [x for x in found if x["kind"] == kind]
    g = [x for x in gold if x["kind"] == kind]
    pairs = sorted(((similarity(a, b), i, j) for i, a in enumerate(f) for j, b in enumerate(g)), reverse=True)
    used_f, used_g, tp = set(), set(), 0
    for s, i, j in pairs:
        if s < MATCH_THRESHOLD or i in used_f or j in used_g:
            continue
        used_f.add(i)
        used_g.add(j)
        tp += 1
    p = tp / len(f) if f else (1.0 if not g else 0.0)
    r = tp / len(g) if g else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, len(f), len(g)


def parsed(path: Path, cache: Path | None):
    if cache is None:
        return parse(path)
    cache.mkdir(parents=True, exist_ok=True)
    pkl = cache / (path.name + ".pkl")
    if pkl.exists() and pkl.stat().st_mtime >= path.stat().st_mtime:
        with open(pkl, "rb") as fh:
            return pickle.load(fh)
    doc = parse(path)
    with open(pkl, "wb") as fh:
        pickle.dump(doc, fh)
    return doc


DEVSET_TARGET = 0.9  # on the half no rule was written against


def devset_scores(by_form: bool = False) -> dict[str, dict[str, list[int]]]:
    """Per half, per field: [right, stated, false] summed over the items.

    With ``by_form`` each half is also split by the item's ``form`` (self_report,
    self_table, result_notice …) under keys ``"<half> <form>"``: where the halves
    differ most says which forms the dev half has too few shapes of.
    """
    out: dict[str, dict[str, list[int]]] = {}
    for item in devset_items():
        record = build_record(parse(item.path), item.path).to_dict()
        keys = [item.half]
        if by_form:
            keys.append(f"{item.half} {item.meta.get('form') or 'unknown'}")
        for key in keys:
            per = out.setdefault(key, {f: [0, 0, 0] for f in DEV_FIELDS})
            for f, (right, n, false) in score_item(record, item.expected).items():
                per[f][0] += right
                per[f][1] += n
                per[f][2] += false
    return out


def print_forms(scores: dict[str, dict[str, list[int]]]) -> None:
    """One line per half and form: the share found and the false values, with the item count."""
    counts: dict[str, int] = {}
    for item in devset_items():
        key = f"{item.half} {item.meta.get('form') or 'unknown'}"
        counts[key] = counts.get(key, 0) + 1
    print(f"{'half and form':<28}{'items':>6}{'found':>16}{'false':>7}")
    for key in sorted(k for k in scores if " " in k):
        right = sum(v[0] for v in scores[key].values())
        n = sum(v[1] for v in scores[key].values())
        false = sum(v[2] for v in scores[key].values())
        print(f"{key:<28}{counts.get(key, 0):>6}{right:>7}/{n:<4} {right / n if n else float('nan'):.2f}{false:>6}")


def print_devset(scores: dict[str, dict[str, list[int]]]) -> bool:
    """The per-field table of both halves; False when a holdout field is below the target."""
    halves = [h for h in ("dev", "holdout") if h in scores]
    n_items = {h: sum(1 for i in devset_items() if i.half == h) for h in halves}
    print(f"{'field (development set)':<22}" + "".join(f"{h + f' ({n_items[h]} items)':>28}" for h in halves))
    ok = True
    for f in DEV_FIELDS:
        row = ""
        for h in halves:
            right, n, false = scores[h][f]
            share = right / n if n else float("nan")
            row += f"{share:>10.2f} {right:>4}/{n:<4} false {false:<3}"
            if h == "holdout" and n and share < DEVSET_TARGET:
                ok = False
        print(f"{f:<22}" + row)
    for h in halves:
        right = sum(v[0] for v in scores[h].values())
        n = sum(v[1] for v in scores[h].values())
        false = sum(v[2] for v in scores[h].values())
        print(
            f"{h}: {right}/{n} = {right / n:.2f} of the stated values found; {false} values given where none is stated"
        )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", choices=["all", "none"], default="all", help="include the -scan.pdf renderings")
    ap.add_argument("--cache", type=Path, default=None, help="directory for pickled parsed documents")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    ap.add_argument("--devset-only", action="store_true", help="only the development set")
    ap.add_argument("--by-form", action="store_true", help="also split each half of the development set by form")
    args = ap.parse_args()
    renderings = [r for r in RENDERINGS if args.scans == "all" or "scan" not in r]
    dev = devset_scores(by_form=args.by_form)
    if args.devset_only:
        if args.json:
            print(json.dumps(dev, ensure_ascii=False, indent=1))
            return 0
        print_devset(dev)
        if args.by_form:
            print()
            print_forms(dev)
        return 0

    results: dict[str, dict[str, dict]] = {}
    for report in REPORTS:
        gold = load_gold(report)
        gold_findings = json.loads((GOLD / f"{report}.findings.json").read_text(encoding="utf-8"))["findings"]
        for suffix in renderings:
            path = CORPUS / f"{report}{suffix}"
            t0 = time.perf_counter()
            doc = parsed(path, args.cache)
            record = build_record(doc, path).to_dict()
            seconds = time.perf_counter() - t0
            scores = field_scores(record, gold, suffix)
            for kind in ("problem", "recommendation"):
                p, r, f1, n_found, n_gold = finding_prf(record["findings"], gold_findings, kind)
                scores[f"{kind}_P"], scores[f"{kind}_R"], scores[f"{kind}_F1"] = p, r, f1
            results.setdefault(report, {})[suffix] = {"scores": scores, "seconds": round(seconds, 2)}
            if not args.json:
                bad = [
                    k
                    for k, v in scores.items()
                    if v < (FINDING_TARGET if k.endswith("F1") else FIELD_TARGET) and not k.endswith(("_P", "_R"))
                ]
                print(
                    f"{report}{suffix:<10} {seconds:6.1f}s  "
                    f"problems P/R/F1 {scores['problem_P']:.2f}/{scores['problem_R']:.2f}/{scores['problem_F1']:.2f}  "
                    f"recs {scores['recommendation_P']:.2f}/{scores['recommendation_R']:.2f}/"
                    f"{scores['recommendation_F1']:.2f}  below target: {', '.join(bad) or '-'}",
                    flush=True,
                )

    if args.json:
        print(json.dumps({"shared": results, "devset": dev}, ensure_ascii=False, indent=1))
        return 0
    fields: list[str] = []
    for per_report in results.values():
        for res in per_report.values():
            fields += [k for k in res["scores"] if k not in fields]
    print()
    print(f"{'field (mean over reports)':<28}" + "".join(f"{s:>11}" for s in renderings))
    all_ok = True
    for f in fields:
        row = []
        for s in renderings:
            vals = [results[r][s]["scores"][f] for r in REPORTS if f in results[r][s]["scores"]]
            row.append(sum(vals) / len(vals) if vals else float("nan"))
        target = FINDING_TARGET if f.endswith("F1") else (None if f.endswith(("_P", "_R")) else FIELD_TARGET)
        flag = ""
        if target is not None and any(v < target for v in row if v == v):
            flag, all_ok = "  < target", False
        print(f"{f:<28}" + "".join(f"{v:>11.3f}" for v in row) + flag)
    print()
    all_ok = print_devset(dev) and all_ok
    if args.by_form:
        print()
        print_forms(dev)
    print()
    print("all targets met" if all_ok else "some targets missed (marked < target, or holdout below 0.9)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
