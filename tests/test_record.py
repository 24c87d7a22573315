"""Every rendering of every corpus report gives one schema-valid record equal to the gold.

The gold records (tests/gold/<report>.json) were written by reading the reports;
the findings are compared in the findings engineer's tests, and both in
bench/accuracy.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPORTS, RENDERINGS, parsed, rendering
from record_compare import LIST_FIELDS, SCALAR_FIELDS, list_keys, load_gold

from jixiao.extractor.record import build_record, extract_fields

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))
CASES = [pytest.param(r, s, id=f"{r}{s}", marks=[pytest.mark.slow] if "scan" in s else [])
         for r in REPORTS for s in RENDERINGS]
_FIELDS: dict[str, dict] = {}


def fields_of(report: str, suffix: str) -> dict:
    key = report + suffix
    if key not in _FIELDS:
        _FIELDS[key] = extract_fields(parsed(rendering(report, suffix)))
    return _FIELDS[key]


@pytest.mark.parametrize("report, suffix", CASES)
def test_record_validates_against_the_contract(report: str, suffix: str) -> None:
    path = rendering(report, suffix)
    record = build_record(parsed(path), path)
    jsonschema.validate(record, SCHEMA)
    assert record["doc_id"] == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    assert list(record)[:3] == ["schema_version", "doc_id", "source"]
    gold = load_gold(report)
    for k, v in gold["source"][suffix].items():
        assert record["source"][k] == v, k


@pytest.mark.parametrize("report, suffix", CASES)
def test_scalar_fields_equal_gold(report: str, suffix: str) -> None:
    got, gold = fields_of(report, suffix), load_gold(report)
    for f in SCALAR_FIELDS:
        assert got[f] == gold[f], f


@pytest.mark.parametrize("report, suffix", CASES)
def test_list_fields_equal_gold(report: str, suffix: str) -> None:
    got, gold = fields_of(report, suffix), load_gold(report)
    for f in LIST_FIELDS:
        assert list_keys(f, got[f]) == list_keys(f, gold[f]), f
    page = gold.get("indicator_pages", {}).get(suffix)
    if page is not None:
        assert {i["page"] for i in got["indicators"]} == {page}


def test_yunnan_benefit_rate_mistake_is_reported_not_fixed() -> None:
    got = fields_of("yunnan-2021-resident-pension", ".txt")
    failed = [c for c in got["checks"] if not c["ok"]]
    assert len(failed) == 1
    (c,) = failed
    assert c["rule"] == "score_rate"
    for number in ("效益", "30.64", "35", "87.54%", "87.74%"):
        assert number in c["detail"]
    # The indicator keeps the printed numbers.
    (benefit,) = [i for i in got["indicators"] if i["name"] == "效益"]
    assert (benefit["weight"], benefit["score"]) == (35, 30.64)


def test_figures_carry_raw_text_and_pages_on_pdf() -> None:
    got = fields_of("yunnan-2021-resident-pension", ".pdf")
    people = [f for f in got["figures"] if f["name"] == "people_insured"]
    assert people and people[0]["value"] == 24603100 and "2,460.31" in people[0]["raw"]
    assert all(isinstance(f["page"], int) and 1 <= f["page"] <= 40 for f in got["figures"])


def test_cli_extract_json_and_unreadable_file(tmp_path) -> None:
    from click.testing import CliRunner

    from jixiao.cli import main

    runner = CliRunner()
    ok = runner.invoke(main, ["extract", str(rendering("dongchuan-2019-poverty-pension", ".txt")), "--json"])
    assert ok.exit_code == 0, ok.output
    record = json.loads(ok.output)
    jsonschema.validate(record, SCHEMA)
    assert record["score"]["total"] == 97 and record["jurisdiction"]["adcode"] == "530113"
    missing = runner.invoke(main, ["extract", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2
    assert "nope.pdf" in missing.output and len(missing.output.strip().splitlines()) == 1
