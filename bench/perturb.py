"""Robustness of the record to what extraction does to text (issue 8, point 4).

    nice -n 10 python bench/perturb.py                 # every perturbation, both halves (2 processes)
    nice -n 10 python bench/perturb.py --only spaces,wrap28 --jobs 1
    nice -n 10 python bench/perturb.py --list          # also: which dev items lose what, per perturbation
    nice -n 10 python bench/perturb.py --json out.json # the counts as JSON (for a before/after diff)

Each item of the development set (``tests/devset``) is read as published and then once per
perturbation, one perturbation at a time, each applied to the whole ``.txt``:

* ``spaces`` — a space between every CJK character and an adjacent digit (``2024 年 10 月``);
* ``wrap28`` / ``wrap40`` — every line longer than N characters hard-wrapped at N, mid-word and
  mid-number, as a PDF's text layer breaks lines (tab-separated lines are table rows, not
  printed lines, and are left as they are);
* ``fullwidth`` — ASCII digits, letters and ``% . : ( )`` in full-width forms (``８６．５``);
* ``traditional`` — simplified → traditional characters (OpenCC ``s2t``, a mirror site's copy);
* ``double`` — every ASCII and ideographic space doubled.

Each perturbed text is written to a file of the item's name in a temporary directory, parsed and
extracted as ``bench/accuracy.py`` does (``build_record(parse(path))``), and scored with
``tests/devset_compare.score_item`` (for ``fullwidth`` and ``traditional`` against the expectation's
printed strings — title, programme, units' names, figure names and units — perturbed the same way,
since the README takes them as printed: a title printed ``（2022年度）`` is right so).  Per perturbation and half it prints, per field, the values
found of those stated, the values given where none is stated, and the DROP against the unperturbed
text (found before − found after; a negative drop is a gain).  Per item it checks the contract on the
perturbed text: every evidence ``text`` equals ``document.text[start:end]``, and every span of an
indicator, figure, check or finding lies inside the document text; a breach is printed and makes
the exit status 1.

``--list`` names the (item, field) pairs that lose a value, for the dev half only (rules are written
from the dev half; the holdout half is only counted).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from devset_compare import FIELDS, Item, items  # noqa: E402
from devset_compare import score_item  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.cjk import HAN  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

# --------------------------------------------------------------------------- perturbations

_CJK_DIGIT = re.compile(rf"(?<=[{HAN}])(?=[0-9])|(?<=[0-9])(?=[{HAN}])")
_TO_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c).isalnum() or chr(c) in "%.:()"}
_FULLWIDTH_TABLE = str.maketrans(_TO_FULLWIDTH)


def spaces(text: str) -> str:
    """A space between every CJK character and an adjacent digit: 2024年10月 → 2024 年 10 月."""
    return _CJK_DIGIT.sub(" ", text)


def wrap(width: int) -> Callable[[str], str]:
    def wrapped(text: str) -> str:
        """Every line longer than ``width`` cut at ``width`` characters, wherever that falls."""
        out: list[str] = []
        for line in text.split("\n"):
            if "\t" not in line:
                while len(line) > width:
                    out.append(line[:width])
                    line = line[width:]
            out.append(line)
        return "\n".join(out)

    wrapped.__name__ = f"wrap{width}"
    return wrapped


def fullwidth(text: str) -> str:
    """ASCII digits, letters and % . : ( ) in full-width forms: 86.5% → ８６．５％."""
    return text.translate(_FULLWIDTH_TABLE)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """Simplified → traditional characters (OpenCC s2t), as a mirror site prints them."""
    return _s2t().convert(text)


def double(text: str) -> str:
    """Every ASCII space and ideographic space doubled."""
    return text.replace(" ", "  ").replace("\u3000", "\u3000\u3000")


def none(text: str) -> str:
    return text


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "none": none,
    "spaces": spaces,
    "wrap28": wrap(28),
    "wrap40": wrap(40),
    "fullwidth": fullwidth,
    "traditional": traditional,
    "double": double,
}

# Perturbations that change characters one for one: the expectation's printed strings are read
# through them too, because the README's rules take titles and names "as printed" (brackets as
# printed: a title printed （2022年度） in the perturbed text is right as （2022年度）).
SPELLED = {"fullwidth", "traditional"}
_PRINTED = ("title", "program", "evaluated_unit", "evaluator")


def expected_as_printed(expected: dict, perturb: Callable[[str], str]) -> dict:
    """The item's expectation with every printed string (title, names, units, grade) perturbed."""
    out = dict(expected)
    for key in _PRINTED:
        if isinstance(out.get(key), str):
            out[key] = perturb(out[key])
    if out.get("score") and isinstance(out["score"].get("grade"), str):
        out["score"] = {**out["score"], "grade": perturb(out["score"]["grade"])}
    out["tier_scores"] = [{**t, "name": perturb(t["name"])} for t in out.get("tier_scores") or []]
    out["figures"] = [
        {**f, "name": perturb(f["name"]), "unit": perturb(f["unit"] or "")} for f in out.get("figures") or []
    ]
    return out


# --------------------------------------------------------------------------- one item


def contract_breaches(record: dict, text: str) -> list[str]:
    """Evidence whose text is not ``text[start:end]``; spans outside the text."""
    out = []
    for key, ev in record["evidence"].items():
        s, e = ev["span"]
        if text[s:e] != ev["text"]:
            out.append(f"evidence {key}: {ev['text']!r} != text[{s}:{e}] {text[s:e]!r}")
    for name in ("indicators", "figures", "checks", "findings"):
        for k, x in enumerate(record[name]):
            span = x.get("span")
            if span and not (0 <= span[0] <= span[1] <= len(text)):
                out.append(f"{name}[{k}] span {span} outside the text ({len(text)} characters)")
    return out


def run_one(args: tuple[str, str, str]) -> tuple[str, str, dict[str, list[int]], list[str]]:
    """``(stem, perturbation, scores per field, contract breaches)`` of one item, perturbed."""
    stem, name, tmp = args
    item = _items_by_stem()[stem]
    text = PERTURBATIONS[name](item.path.read_text(encoding="utf-8"))
    path = Path(tmp) / name / item.path.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    record = build_record(doc, path).to_dict()
    expected = expected_as_printed(item.expected, PERTURBATIONS[name]) if name in SPELLED else item.expected
    scores = {f: list(v) for f, v in score_item(record, expected).items()}
    return stem, name, scores, contract_breaches(record, doc.text)


@lru_cache(maxsize=1)
def _items_by_stem() -> dict[str, Item]:
    return {it.stem: it for it in items()}


# --------------------------------------------------------------------------- report


def totals(results: dict, half_of: dict[str, str], name: str, half: str) -> dict[str, list[int]]:
    per = {f: [0, 0, 0] for f in FIELDS}
    for stem, scores in results[name].items():
        if half_of[stem] == half:
            for f, v in scores.items():
                for k in range(3):
                    per[f][k] += v[k]
    return per


def print_half(results: dict, half_of: dict[str, str], half: str, names: list[str]) -> None:
    n = sum(1 for h in half_of.values() if h == half)
    base = totals(results, half_of, "none", half)
    cols = [p for p in names if p != "none"]
    print(f"\n{half} half ({n} items): found/stated as published; per perturbation found (DROP) false")
    print(f"{'field':<16}{'published':>16}" + "".join(f"{p:>20}" for p in cols))
    rows = FIELDS + ["all"]
    per = {p: totals(results, half_of, p, half) for p in cols}
    for f in rows:
        if f == "all":
            b = [sum(base[x][k] for x in FIELDS) for k in range(3)]
        else:
            b = base[f]
        line = f"{f:<16}{f'{b[0]}/{b[1]} f{b[2]}':>16}"
        for p in cols:
            got = [sum(per[p][x][k] for x in FIELDS) for k in range(3)] if f == "all" else per[p][f]
            drop = b[0] - got[0]
            mark = f"({drop:+d})".replace("+0", " 0") if drop else "    "
            line += f"{f'{got[0]} {mark} f{got[2]}':>20}"
        print(line)


def print_drops(results: dict, half_of: dict[str, str], names: list[str]) -> None:
    """Per perturbation, the dev items and fields that lose a found value or gain a false one."""
    for p in names:
        if p == "none":
            continue
        lines = []
        for stem, scores in sorted(results[p].items()):
            if half_of[stem] != "dev":
                continue
            before = results["none"][stem]
            lost = [f for f in FIELDS if scores[f][0] < before[f][0]]
            false = [f for f in FIELDS if scores[f][2] > before[f][2]]
            if lost or false:
                lines.append(
                    f"  {stem}: lost {', '.join(f'{f} {before[f][0]}→{scores[f][0]}' for f in lost) or '-'}"
                    + (f"; false {', '.join(false)}" if false else "")
                )
        print(f"\n{p}: {len(lines)} dev items lose a value or gain a false one")
        print("\n".join(lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated perturbations (default: all)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--list", action="store_true", help="list the dev items that lose a value")
    ap.add_argument("--json", type=Path, help="write the per-item scores and breaches here")
    args = ap.parse_args()
    names = ["none"] + [p for p in (args.only.split(",") if args.only else PERTURBATIONS) if p != "none"]
    unknown = [p for p in names if p not in PERTURBATIONS]
    if unknown:
        ap.error(f"unknown perturbation(s): {', '.join(unknown)}; known: {', '.join(PERTURBATIONS)}")
    all_items = items()
    half_of = {it.stem: it.half for it in all_items}
    results: dict[str, dict[str, dict[str, list[int]]]] = {p: {} for p in names}
    breaches: dict[str, dict[str, list[str]]] = {p: {} for p in names}
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(it.stem, p, tmp) for p in names for it in all_items]
        if args.jobs > 1:
            with ProcessPoolExecutor(args.jobs) as pool:
                done = list(pool.map(run_one, jobs, chunksize=8))
        else:
            done = [run_one(j) for j in jobs]
    for stem, p, scores, bad in done:
        results[p][stem] = scores
        if bad:
            breaches[p][stem] = bad
    print(f"{len(all_items)} items × {len(names)} texts in {time.time() - t0:.0f} s")
    for half in ("dev", "holdout"):
        print_half(results, half_of, half, names)
    if args.list:
        print_drops(results, half_of, names)
    n_bad = sum(len(v) for v in breaches.values())
    print(f"\ncontract (evidence text == document.text[start:end], spans inside the text): {n_bad} items breach it")
    for p, per in breaches.items():
        for stem, bad in per.items():
            for b in bad:
                print(f"  {p} {stem}: {b}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "breaches": breaches, "half": half_of}, indent=0))
    return 1 if n_bad else 0


if __name__ == "__main__":
    sys.exit(main())
