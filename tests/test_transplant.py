"""A whole shared report moved to another county and other years gives the moved record (issue 8: rules fit to the
genre, not to the three reports' own places, years and names).  bench/transplant.py does this for many moves; here a
few fixed ones, in .txt and .docx, each field compared with the gold record moved the same way."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import transplant  # noqa: E402

from jixiao.extractor import parse  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

SAMPLES = sorted(p.stem for p in (ROOT / "corpus" / "samples").glob("*.txt"))


@pytest.mark.parametrize("rendering", ["txt", "docx"])
@pytest.mark.parametrize("stem", SAMPLES)
def test_a_moved_report_gives_the_moved_record(stem: str, rendering: str, tmp_path: Path) -> None:
    pool = transplant.places()
    county, shift = pool[(len(stem) * 37 + len(rendering)) % len(pool)], -2 if rendering == "txt" else 3
    source = ROOT / "corpus" / "samples" / f"{stem}.{rendering}"
    path = tmp_path / f"moved.{rendering}"
    if rendering == "docx":
        transplant.move_docx(source, path, county, shift)
    else:
        path.write_text(transplant.move_text(source.read_text(encoding="utf-8"), county, shift), encoding="utf-8")
    gold = json.loads((ROOT / "tests" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    want = transplant.moved_gold(gold, county, shift)
    assert want["jurisdiction"]["adcode"] != gold["jurisdiction"]["adcode"]  # the move did move it
    record = build_record(parse(path), path).to_dict()
    scores = transplant.field_scores(record, want)
    assert {f: v for f, v in scores.items() if v < 1} == {}, (county.name, shift)
    assert record["years"] == [y + shift for y in gold["years"]]


@pytest.mark.parametrize("programme", ["高标准农田建设", "农村饮水安全"])
@pytest.mark.parametrize("stem", [s for s in SAMPLES if not s.startswith("chenggong")])  # a department names none
def test_a_moved_and_renamed_report_gives_the_renamed_programme(stem: str, programme: str, tmp_path: Path) -> None:
    county = transplant.places()[len(programme) * 101 % 2000]
    gold = json.loads((ROOT / "tests" / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    rename = (gold["program"], programme)
    source = ROOT / "corpus" / "samples" / f"{stem}.txt"
    path = tmp_path / "moved.txt"
    path.write_text(transplant.move_text(source.read_text(encoding="utf-8"), county, 1, rename), encoding="utf-8")
    want = transplant.moved_gold(gold, county, 1, rename)
    record = build_record(parse(path), path).to_dict()
    assert record["program"] == programme
    scores = transplant.field_scores(record, want)
    assert {f: v for f, v in scores.items() if v < 1} == {}, county.name
