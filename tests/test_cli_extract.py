"""``jixiao extract FILE``: a person checks a record against the report in a minute.

Each field is shown with its page and the words it came from; the tests take the
record extraction produced (``extract``) and check that the output shows exactly
that, so they hold whatever the extractor's current values are.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from click.testing import CliRunner

from conftest import rendering
from jixiao.cli import main, record_lines
from jixiao.extractor import parse
from jixiao.extractor.record import extract
from jixiao.extractor.record.model import Check, Evidence
from jixiao.store.mapping import fields

DONGCHUAN_PDF = rendering("dongchuan-2019-poverty-pension", ".pdf")


def field_line(output: str, key: str) -> str:
    (line,) = [ln for ln in output.splitlines() if ln.split(" ", 1)[0] == key]
    return line


def run_extract(path, *args: str) -> str:
    result = CliRunner().invoke(main, ["extract", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def dongchuan():
    return extract(DONGCHUAN_PDF)


def test_score_is_shown_with_the_words_and_page_it_came_from(monkeypatch, dongchuan):
    """The score line carries the report's own words and their page (evidence cut from the real text
    when extraction gives none yet)."""
    import jixiao.extractor.record as record_module

    record = copy.deepcopy(dongchuan)
    if "score.total" not in record.evidence:
        doc = parse(DONGCHUAN_PDF)
        m = re.search(r"自评分为\s*97\s*分", doc.text)
        assert m, "the report states its score as 自评分为97分"
        record.evidence["score.total"] = Evidence(doc.page_at(m.start()), m.span(), m.group())
    ev = record.evidence["score.total"]
    monkeypatch.setattr(record_module, "extract", lambda path, ocr="auto": record)
    out = run_extract(DONGCHUAN_PDF)
    line = field_line(out, "score.total")
    assert re.search(rf"score\.total\s+{re.escape(str(record.score.total))}\s+p\.{ev.page}\s+«", line), line
    assert f"«{' '.join(ev.text.split())}»" in line
    assert ev.page is not None and 1 <= ev.page <= 7


def test_every_field_is_shown_as_extracted_and_nothing_is_styled_when_piped(dongchuan):
    out = run_extract(DONGCHUAN_PDF)
    assert "\x1b[" not in out  # piped: plain text
    assert out.splitlines()[0] == dongchuan.title
    for f in fields(dongchuan):
        line = field_line(out, f.key)
        if f.value is None:
            assert re.fullmatch(rf"{re.escape(f.key)}\s+—", line), line
        elif f.evidence is not None:
            assert f"p.{f.evidence.page}" in line and "«" in line, line
        else:  # derived, default or unsupported: said so
            assert line.endswith(f.note), line
    if dongchuan.score.grade_source == "derived":
        assert field_line(out, "score.grade").endswith("derived from the score")
    for finding in dongchuan.findings:
        assert f"[{finding.kind} {finding.ordinal}] p{finding.page or '-'} {finding.title}" in out
    for fig in dongchuan.figures:
        assert re.search(
            rf"{re.escape(fig.name)}\s+{re.escape(str(fig.value))} {fig.unit}\s+«{re.escape(fig.raw)}»\s+"
            rf"p\.{fig.page}",
            out,
        ), fig
    assert f"indicators ({len(dongchuan.indicators)})" in out
    assert f"warnings ({len(dongchuan.warnings)})" in out


def plain(lines: list[str]) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", ln) for ln in lines]


def test_failed_checks_come_first_with_detail_and_page(dongchuan):
    record = copy.deepcopy(dongchuan)
    record.checks = [
        Check("weight_sum", True, "weights add up to 100", 3, (10, 20)),
        Check("score_rate", False, "效益 30.64/35 = 87.54%, printed 87.74%", 5, (30, 60)),
    ]
    lines = plain(record_lines(record))
    start = lines.index("checks (2, 1 failed)")
    assert lines[start + 1 : start + 3] == [
        "  FAIL score_rate  p.5  效益 30.64/35 = 87.54%, printed 87.74%",
        "  ok   weight_sum  p.3  weights add up to 100",
    ]


def test_long_evidence_is_shortened_keeping_both_ends(dongchuan):
    record = copy.deepcopy(dongchuan)
    words = "经评价，该项目" + "资金使用规范" * 20 + "综合得分97分"
    record.evidence["score.total"] = Evidence(3, (0, len(words)), words)
    line = next(ln for ln in plain(record_lines(record)) if ln.startswith("score.total"))
    shown = line[line.index("«") + 1 : line.index("»")]
    assert "…" in shown and shown.startswith("经评价") and shown.endswith("综合得分97分")
    assert len(shown) < len(words)


def test_json_is_the_record(dongchuan):
    out = run_extract(DONGCHUAN_PDF, "--json")
    assert json.loads(out) == extract(DONGCHUAN_PDF).to_dict()
