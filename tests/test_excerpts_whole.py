"""A shared report's sections read alone, as a web page publishes them (bench/excerpt.py, session 39).

Each top-level section of the bundled yunnan report is read on its own and under the report's title line.  What
the section states must be found as the whole report found it (its figures and its conclusion's score and grade),
and the section must not read an organ, a title or a tier score the report does not have: the faults
bench/excerpt.py showed (an organ run back over a verb, a table's caption as the title, a survey's 满意度得分 as a
tier score) stay mended on the real text, not only on the short sentences of tests/test_generalisation_lead39.py.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from excerpt import sections  # noqa: E402  (bench/excerpt.py's cut at the top-level headings)

from jixiao.extractor.readers.text import read_text  # noqa: E402
from jixiao.extractor.record import build_record  # noqa: E402

SAMPLE = ROOT / "corpus" / "samples" / "yunnan-2021-resident-pension.txt"


def _read(text: str) -> tuple[str, dict[str, Any]]:
    doc = read_text(text, "excerpt.txt")
    return doc.text, build_record(doc).to_dict()


@pytest.fixture(scope="module")
def whole() -> tuple[str, dict[str, Any]]:
    return _read(SAMPLE.read_text(encoding="utf-8"))


def _figures(items: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    return Counter((f["name"], f["value"], f["unit"]) for f in items)


def test_the_report_has_its_sections(whole: tuple[str, dict[str, Any]]) -> None:
    text, _record = whole
    assert len(sections(text)) >= 8


@pytest.mark.parametrize("with_title", [False, True])
def test_each_section_read_alone_says_what_it_said_in_the_report(
    whole: tuple[str, dict[str, Any]], with_title: bool
) -> None:
    text, record = whole
    t0, t1 = record["evidence"]["title"]["span"]
    names = {record["evaluated_unit"], record["evaluator"]}
    for a, b in sections(text):
        head = text[t0:t1] + "\n" if with_title else ""
        part_text, part = _read(head + text[a:b])
        where = part_text[len(head) : len(head) + 12]
        # its figures, as the whole report read them
        inside = [f for f in record["figures"] if a <= f["span"][0] and f["span"][1] <= b]
        assert not _figures(inside) - _figures(part["figures"]), where
        # its score, where the conclusion states it
        ev = record["evidence"]["score.total"]["span"]
        if a <= ev[0] and ev[1] <= b:
            assert (part["score"]["total"], part["score"]["grade"]) == (81.14, "良"), where
        # nothing the report does not say: no other organ, no caption for a title, no tier the report lacks
        assert part["evaluated_unit"] in names | {None}, (where, part["evaluated_unit"])
        assert part["evaluator"] in names | {None}, (where, part["evaluator"])
        if "附件" not in text[a:b]:
            # (an attachment list's first entry, 附件:1.绩效目标表, still reads as a title when nothing else titles
            # the page: not mended — dropping it cost a holdout item its report kind, session 39)
            assert part["title"] in {record["title"], None}, (where, part["title"])
        # a third party's report speaks of the unit's 自评 where it reviews it (六、绩效自评复核情况; 通过对部门自评…进行
        # 复核，…自评资料能及时报送) or lists it among its annexes (7. 绩效自评报告): no section reads as a self-evaluation
        assert part["evaluation_mode"] in {record["evaluation_mode"], None}, (where, part["evaluation_mode"])
        tiers = {(i["name"], i["score"]) for i in record["indicators"] if i["level"] == 1}
        assert {(i["name"], i["score"]) for i in part["indicators"] if i["level"] == 1} <= tiers, where
