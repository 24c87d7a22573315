"""Every rendering of every corpus report gives one schema-valid record equal to the gold,
and every chosen value shows the words it came from.

The gold records (tests/gold/<report>.json) were written by reading the reports;
the findings are compared in the findings tests, and both in bench/accuracy.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPORTS, RENDERINGS, parsed, record_of, rendering
from record_compare import LIST_FIELDS, SCALAR_FIELDS, list_keys, load_gold

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.model import Record
from jixiao.extractor.record.view import squash_fold

SCHEMA = json.loads((Path(__file__).parent / "contract" / "report.schema.json").read_text(encoding="utf-8"))
CASES = [
    pytest.param(r, s, id=f"{r}{s}", marks=[pytest.mark.slow] if "scan" in s else [])
    for r in REPORTS
    for s in RENDERINGS
]


def fields_of(report: str, suffix: str) -> dict:
    """The record's fields: ``build_record`` is ``extract_fields`` plus the source and findings,
    and its record is built once per session (conftest ``record_of``)."""
    return record_of(rendering(report, suffix)).to_dict()


@pytest.mark.parametrize("report, suffix", CASES)
def test_record_validates_against_the_contract(report: str, suffix: str) -> None:
    path = rendering(report, suffix)
    typed = record_of(path)
    record = typed.to_dict()
    jsonschema.validate(record, SCHEMA)
    assert record["schema_version"] == 2
    assert Record.from_dict(json.loads(json.dumps(record))).to_dict() == record  # the typed record round-trips
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
    people = [f for f in got["figures"] if f["value"] == 24603100 and f["unit"] == "人"]
    assert people and "2,460.31" in people[0]["raw"]
    assert all(isinstance(f["page"], int) and 1 <= f["page"] <= 40 for f in got["figures"])


def _shows(field: str, value, words: str) -> bool:
    """Whether the evidence ``words`` show ``value`` (the score's digits, the grade's word, the year …)."""
    key = squash_fold(words)
    if field == "years":
        return all(str(y) in key for y in value)
    if field == "report_date":
        return value[:4] in key or any(c in key for c in "〇零○一二")  # digits, or a date in Chinese numerals
    if field in ("score.total", "score.max"):
        number = f"{value:g}" if isinstance(value, float) else str(value)
        return number in key or not any(ch.isdigit() for ch in key)  # digits, or 九十七 in Chinese numerals
    if field == "score.grade":
        return value in key
    if field == "jurisdiction":
        return squash_fold(value["name"]) in key
    if field == "program":  # the printed name, its batch words (第八批) cut: ruling 28
        from jixiao.extractor.record.programmes import cut_batch_words

        return squash_fold(value) in cut_batch_words(key)
    if field in ("title", "evaluated_unit", "evaluator"):
        return squash_fold(value) in key
    return bool(key)  # kind and mode: the words that tell them


@pytest.mark.parametrize("report, suffix", CASES)
def test_every_evidence_is_the_documents_text_and_shows_its_value(report: str, suffix: str) -> None:
    path = rendering(report, suffix)
    doc = parsed(path)
    record = record_of(path).to_dict()
    values = {
        "score.total": record["score"]["total"],
        "score.max": record["score"]["max"],
        "score.grade": record["score"]["grade"],
    }
    assert record["evidence"], "no value carries evidence"
    for field, ev in record["evidence"].items():
        start, end = ev["span"]
        assert ev["text"] == doc.text[start:end], field
        assert ev["page"] == doc.page_at(start) or doc.pages is None, field
        value = values[field] if field in values else record[field]
        assert value is not None, f"{field} has evidence but no value"
        assert _shows(field, value, ev["text"]), (field, value, ev["text"])
    # a value the report states has evidence; a derived grade and a default maximum have none
    for field in ("title", "years", "evaluation_mode", "jurisdiction", "score.total"):
        stated = values.get(field, record.get(field))
        if stated not in (None, [], {}) and (field != "jurisdiction" or stated["adcode"]):
            assert field in record["evidence"], field
    if record["score"]["grade_source"] == "derived":
        assert "score.grade" not in record["evidence"]
    for key in ("indicators", "figures", "checks"):
        for item in record[key]:
            if item.get("span"):
                s, e = item["span"]
                assert 0 <= s < e <= len(doc.text), key


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


def test_an_ofd_record_keeps_to_the_contract_and_says_what_the_file_was() -> None:
    # contract v2 lists pdf/docx/txt/md/html: an OFD (or a page image) is written as the paged
    # format it reads as, with a warning, so outside tools reading the schema are not broken
    path = Path(__file__).parent / "ofd" / "luqiao-health-bureau-reply.ofd"
    doc = parse(path)
    record = build_record(doc, str(path)).to_dict()
    jsonschema.validate(record, SCHEMA)
    assert record["source"]["format"] == "pdf" and record["source"]["pages"] == doc.pages
    assert any(w.startswith("source.format: the file is ofd") for w in record["warnings"])
    assert build_record(doc, str(path)).source.format == "ofd"  # the store keeps what it was
