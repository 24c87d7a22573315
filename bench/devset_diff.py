"""Per-item change on the development set between an earlier commit and the working tree.

    python bench/devset_diff.py [BASE] [--half dev|holdout]

BASE (default HEAD) is checked out in a temporary git worktree; each development-set item
is extracted by both versions (each in its own process) and scored with
``tests/devset_compare.py``.  Prints every (item, field) whose (found, stated, false) counts
changed, then the totals of both.  Run it before committing a rule: a rule written against
``dev`` should move ``dev`` and leave ``holdout`` no worse.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SCORE = r"""
import json, sys
sys.path.insert(0, {tests!r})
from devset_compare import items, score_item
from jixiao import parse
from jixiao.extractor.record import build_record
out = {{}}
for it in items({half!r}):
    rec = build_record(parse(it.path)).to_dict()
    out[it.stem] = {{f: list(v) for f, v in score_item(rec, it.expected).items()}}
print(json.dumps(out))
"""


def _scores(half: str, pythonpath: str | None) -> dict:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    code = _SCORE.format(tests=str(ROOT / "tests"), half=half)
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", nargs="?", default="HEAD")
    ap.add_argument("--half", default="dev", choices=["dev", "holdout"])
    ap.add_argument(
        "--only",
        metavar="FILE",
        help="only the items whose stems FILE lists, one a line "
        "(e.g. the items added since BASE: measured before any rule saw them)",
    )
    args = ap.parse_args()
    only = set(Path(args.only).read_text(encoding="utf-8").split()) if args.only else None
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / "jixiao"  # the repository root is the package: its parent goes on the path
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(wt), args.base], check=True)
        try:
            before = _scores(args.half, tmp)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], check=False)
    after = _scores(args.half, None)
    totals = {"base": collections.Counter(), "now": collections.Counter()}
    for stem in sorted(set(before) & set(after)):
        if only is not None and stem not in only:
            continue
        for f, now in after[stem].items():
            was = before[stem][f]
            for i, k in enumerate(("found", "stated", "false")):
                totals["base"][k] += was[i]
                totals["now"][k] += now[i]
            if was != now:
                print(f"  {stem[:60]:60} {f:16} {was} -> {now}")
    for name, t in totals.items():
        print(f"{name}: {t['found']}/{t['stated']} = {t['found'] / max(1, t['stated']):.3f} found, {t['false']} false")


if __name__ == "__main__":
    main()
