"""Renderings of one report agree (issue 8, session 38): what a scan of the devset's dev excerpts read
differently from their text (``bench/scan_agreement.py --half dev --show``), each cause mended where the
scan's pages are laid out, on lines shaped as the OCR'd pages are."""

from __future__ import annotations

from jixiao.extractor.furniture import find_furniture
from jixiao.extractor.page import Line, PageContent


def _page(number: int, lines: list[str], head: float = 52.8, pitch: float = 21.1) -> PageContent:
    """An OCR'd A4 page (points) whose ``lines`` stand one under another from ``head`` down (the body's
    lines, ``BODY``, worded as on page ``number``: a running header repeats, the body does not)."""
    lines = [_worded(t, number) if t in BODY else t for t in lines]
    rows = [Line(t, 53.0, head + pitch * k, 53.0 + 13 * len(t), head + pitch * k + 12.5) for k, t in enumerate(lines)]
    return PageContent(number, 595.2, 841.9, rows, tables=[], ocr=True)


def _furniture(pages: list[PageContent]) -> list[set[str]]:
    return [{p.lines[i].text for i in f} for p, f in zip(pages, find_furniture(pages))]


BODY = [f"本项目第{k}项内容按计划完成" for k in range(30)]
_HAN = "资金预算执行绩效目标完成情况产出效益满意度指标数量质量时效成本社会经济生态可持续服务对象"


def _worded(line: str, number: int) -> str:
    """A body line as page ``number`` words it: no two pages' lines alike, digits aside."""
    k = BODY.index(line)
    return "".join(_HAN[(number * 7 + k * 3 + j * j * (number + 1)) % len(_HAN)] for j in range(14))


def test_a_cell_heading_a_page_of_an_unnumbered_scan_is_text():
    # anhui-chuzhou (dev): a 自评表 one cell a line, scanned with no page numbers; a page break falls
    # inside 本年财政拨款's row, so page 5 opens with its first 99 (the row lost a cell, three figures)
    pages = [_page(k, BODY) for k in (1, 2, 3)]
    pages.append(_page(4, [*BODY, "其中：本年财政拨款"]))
    pages.append(_page(5, ["99", "99", "99", "100%", "上年结转资金", *BODY]))
    pages.append(_page(6, BODY))
    assert _furniture(pages) == [set()] * 6
    # hunan-hengshan (dev): two pages of a table open with a cell's 0 and 10, out of step with each other
    pages = [_page(k, BODY) for k in range(1, 9)]
    pages[2] = _page(3, ["0", "全年执行数", *BODY])
    pages[6] = _page(7, ["10", "分值", *BODY])
    assert _furniture(pages) == [set()] * 8


def test_page_numbers_in_step_are_still_furniture():
    # a cover with no number, then pages numbered from 1 at the head; and numbered at the foot
    head = [_page(1, BODY)] + [_page(k + 1, [str(k), *BODY]) for k in (1, 2, 3)]
    assert _furniture(head) == [set(), {"1"}, {"2"}, {"3"}]
    foot = [_page(k, [*BODY[:10], str(k + 40)], pitch=72.0) for k in (1, 2, 3)]
    assert _furniture(foot) == [{"41"}, {"42"}, {"43"}]
    # a one-page document's lone number is its page number, as before; a dashed number is one anywhere
    assert _furniture([_page(1, [*BODY[:10], "3"], pitch=72.0)]) == [{"3"}]
    dashed = [_page(1, BODY), _page(2, ["— 7 —", *BODY])]
    assert _furniture(dashed) == [set(), {"— 7 —"}]
