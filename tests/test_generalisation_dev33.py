"""Shapes read from the dev half of the items session 36 (dev33) added from unseen sites (issue 8).

- A portal prints a notice's document number in brackets after its heading, on the same line
  (…资金安排有关情况的通知(桂乡振发〔2021〕18号)): the number is the document's reference, not part of
  its title, and it does not make the heading a non-title line.

Each class is asserted on the development-set item it comes from (against its hand-written
expectation) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations

import pytest
from devset_compare import stated
from excerpt_records import dev_record, record_of_text

from jixiao.extractor.record.view import squash_fold


def test_a_notice_heading_with_its_document_number_is_the_title() -> None:
    it, rec = dev_record("guangxi-guangxi-2021-rural-revitalization-fund-fourth-batch-allocation-notice")
    assert squash_fold(rec["title"] or "") == squash_fold(stated(it.expected, "title")), rec["title"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "湖北省财政厅关于开展2023年度财政重点绩效评价工作的通知（鄂财绩发〔2023〕3号）",
            "湖北省财政厅关于开展2023年度财政重点绩效评价工作的通知",
        ),
        (
            "某县财政局关于2022年度部门整体支出绩效评价结果的通报(某财绩〔2023〕12号)",
            "某县财政局关于2022年度部门整体支出绩效评价结果的通报",
        ),
    ],
)
def test_the_bracketed_document_number_after_a_heading_is_cut(heading: str, title: str) -> None:
    _, r = record_of_text(heading + "\n各有关单位：\n现将有关事项通知如下。\n一、总体要求\n按照规定开展工作。\n")
    assert r.title == title, r.title


def test_a_sentence_citing_a_notice_with_its_number_is_no_title() -> None:
    doc, r = record_of_text(
        "各有关单位：\n根据《财政部关于印发项目支出绩效评价管理办法的通知》(财预〔2020〕10号)要求，现将有关事项通知如下。\n"
        "一、总体要求\n按照规定开展工作。\n"
    )
    assert r.title is None, r.title
