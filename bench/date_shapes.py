"""Robustness of the report date to the shapes the genre prints dates in (issue 8, session 42).

    nice -n 10 python bench/date_shapes.py            # dev half (rules are written against it)
    nice -n 10 python bench/date_shapes.py --list     # also: which items lose their date, per shape

Each dev-half item whose stated ``report_date`` is printed with 年/月 (2023年9月18日, 2024 年 6 月) has
that printing — the last one in its text — rewritten in each other shape of the genre: spaced
(``2023 年 9 月 18 日``), full-width digits, Chinese numerals (``二〇二三年九月十八日``) and, for a date
with its day, separators (``2023-09-18``, ``2023.9.18``, ``2023/09/18``). The record of each rewritten
text is read as a .txt report; the count per shape says how often the same date is still read.
A page's own time stamp is no report date (tests/devset/README.md), so a separator date is read only
where the document signs or dates itself: under or after its signing unit, after a cover's firm.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from devset_compare import items  # noqa: E402
from excerpt_records import record_of_text  # noqa: E402

_CN = "〇一二三四五六七八九"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
# a date printed with 年/月 (its spaces within the line only: the line break after a month stays)
_PRINTED = re.compile(r"(?P<y>(?:19|20)\d\d)[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月(?:[ \t]*(?P<d>\d{1,2})[ \t]*[日号])?")


def _cn_number(n: int) -> str:
    tens, units = divmod(n, 10)
    return _CN[n] if n < 10 else ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


def shapes(y: int, m: int, d: int | None) -> dict[str, str]:
    """The date ``y``-``m``(-``d``) in each shape the genre prints it in."""
    day = f"{d}日" if d else ""
    out = {
        "spaces": f"{y} 年 {m} 月" + (f" {d} 日" if d else ""),
        "fullwidth": f"{y}年{m}月{day}".translate(_FULL),
        "chinese": "".join(_CN[int(c)] for c in str(y)) + f"年{_cn_number(m)}月" + (f"{_cn_number(d)}日" if d else ""),
    }
    if d:
        out |= {"iso": f"{y}-{m:02d}-{d:02d}", "dots": f"{y}.{m}.{d}", "slash": f"{y}/{m:02d}/{d:02d}"}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="name the items that lose their date, per shape")
    args = ap.parse_args()
    total: dict[str, int] = {}
    kept: dict[str, int] = {}
    lost: list[tuple[str, str, str, str | None]] = []
    for it in items("dev"):
        want = it.expected.get("report_date")
        if not want:
            continue
        text = Path(it.path).read_text(encoding="utf-8")
        y, m, *rest = (int(x) for x in want.split("-"))
        d = rest[0] if rest else None
        printed = [
            p
            for p in _PRINTED.finditer(text)
            if (int(p["y"]), int(p["m"]), int(p["d"]) if p["d"] else None) == (y, m, d)
        ]
        if not printed:
            continue  # printed otherwise (in Chinese numerals, glued digits): no shape to start from
        at = printed[-1]
        for shape, written in shapes(y, m, d).items():
            got = record_of_text(text[: at.start()] + written + text[at.end() :])[1].to_dict()["report_date"]
            total[shape] = total.get(shape, 0) + 1
            if got == want:
                kept[shape] = kept.get(shape, 0) + 1
            else:
                lost.append((shape, it.stem, want, got))
    for shape, n in total.items():
        print(f"{shape:10} {kept.get(shape, 0):3d} / {n}")
    if args.list:
        for shape, stem, want, got in lost:
            print(f"{shape}\t{stem}\twant={want}\tgot={got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
