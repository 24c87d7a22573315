"""Make N distinct evaluation-report files from the bundled samples (issue 14's scale generator).

    python bench/generate.py 1000 /tmp/reports          # 1,000 .txt reports
    python bench/generate.py 300 /tmp/reports --seed 7

Each file is one of the sample reports (``corpus/samples/*.txt``) moved to another
county (a county of the division table, its prefecture and province replacing every
division the text names), to other years (every year shifted by the same amount),
with another programme word in its title and every other number changed (scaled by
a random factor, digits and decimals kept; scores stay at most 100).  So identity,
the loader and search see N different reports — different places, years, scores and
signatures — not N copies of three.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "corpus" / "samples"

#: Programme words swapped into a report's title (the first occurrence of its own).
PROGRAMMES = [
    "城乡居民基本养老保险",
    "义务教育营养改善计划",
    "农村道路建设",
    "高标准农田建设",
    "公共卫生服务",
    "乡村振兴衔接资金",
    "城市绿化养护",
    "文化惠民工程",
    "就业创业补助",
    "农村饮水安全",
]
_OWN_PROGRAMME = re.compile(r"(城乡居民(?:基本|社会)?养老保险|部门整体支出|社会养老保险)")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")
_NUMBER = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?![\d.])")


def _counties() -> list[tuple[str, str, str]]:
    """(county, prefecture, province) names from the division table."""
    from jixiao.extractor.record.jurisdiction import divisions

    table = divisions()
    out = []
    for d in table.by_code.values():
        if d.level != "county":
            continue
        chain = table.chain(d)
        if "province" in chain:
            out.append((d.name, chain.get("prefecture", chain["province"]).name, chain["province"].name))
    return sorted(out)


def _relocate(text: str, place: tuple[str, str, str]) -> str:
    """Every division the text names replaced by the one of the same level in ``place``."""
    from jixiao.extractor.record.jurisdiction import divisions

    table = divisions()
    county, prefecture, province = place
    new = {"county": county, "prefecture": prefecture, "province": province}
    out, last = [], 0
    for start, end, name in table.find(text):
        found = table.candidates(name)
        if not found:
            continue
        out.append(text[last:start])
        out.append(new.get(found[0].level, name))
        last = end
    out.append(text[last:])
    return "".join(out)


def _renumber(text: str, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        if _YEAR.fullmatch(whole) and not frac:
            return whole  # years are shifted on their own
        value = float(whole + frac) * rng.uniform(0.7, 1.3)
        if float(whole + frac) <= 100 and value > 100:  # a score or a percentage stays one
            value = rng.uniform(60, 100)
        decimals = len(frac) - 1 if frac else 0
        return f"{value:.{decimals}f}" if decimals else str(max(0, round(value)))

    return _NUMBER.sub(one, text)


def generate(n: int, out: str | Path, seed: int = 14) -> list[Path]:
    """Write ``n`` distinct report files into ``out``; returns their paths."""
    rng = random.Random(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(SAMPLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    places = _counties()
    paths = []
    for i in range(n):
        k = i % len(texts)
        place = rng.choice(places)
        shift = rng.randrange(-6, 4)
        text = _YEAR.sub(lambda m, shift=shift: str(int(m.group(1)) + shift), texts[k])
        text = _relocate(text, place)
        text = _OWN_PROGRAMME.sub(rng.choice(PROGRAMMES), text, count=1)
        text = _renumber(text, rng)
        path = out / f"{i:06d}-{place[0]}-{sources[k].stem.split('-')[-1]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    paths = generate(args.n, args.out, args.seed)
    print(f"{len(paths)} reports in {args.out}")


if __name__ == "__main__":
    main()
