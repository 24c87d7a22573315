"""OCR lines read like the text they were printed from: wide gaps and wrapped numbers.

A printed form's label and value, or the cells of an unruled table, are set apart by a gap
of an em or more that the recogniser reads as nothing (项目名称2016年度…项目单位安庆市…); the
gap is measured on the image and kept as a separator.  A line wrap inside a decimal number
(…资金7121 / .4万元) joins without a space.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest

from jixiao.extractor.cjk import join_lines
from jixiao.extractor.readers import ocr

H = 28  # box height (pixels) of a line of 12.5 pt text at 150 dpi


def _ink_and_fragment(text: str, gaps: dict[int, int]) -> tuple[np.ndarray, ocr.Fragment]:
    """A one-line ink image of ``text`` in 24-pixel glyph cells (a solid block each), with
    ``gaps[i]`` extra blank pixels before character ``i``, and the box a recogniser gives for it."""
    ink = np.zeros((H + 10, 40 + 60 * len(text)), dtype=np.uint8)
    x, pieces = 20, []
    for i, ch in enumerate(text):
        x += gaps.get(i, 0)
        ink[8 : 8 + 22, x + 1 : x + 23] = 1
        pieces.append((ch, float(x), float(x + 24)))
        x += 25
    return ink, ocr.Fragment(text, 20.0, 5.0, float(x), 5.0 + H, 0.99, pieces)


def test_a_gap_of_an_em_inside_one_box_is_a_separator():
    # typeset as 项目名称 安庆市城管局: one detector box over a 46-pixel (1.6 em) gap
    ink, frag = _ink_and_fragment("项目名称安庆市城管局", {4: 46})
    assert ocr.join_fragments([frag], ink) == "项目名称\u3000安庆市城管局"


def test_running_text_and_punctuation_gaps_stay_joined():
    # a comma leaves ~0.6 em of its cell empty: no separator
    ink, frag = _ink_and_fragment("资金，用于", {2: 16})
    assert ocr.join_fragments([frag], ink) == "资金，用于"
    assert ocr.join_fragments([frag]) == "资金，用于"  # without the image: as before


def test_a_gap_between_two_boxes_is_a_separator():
    ink, left = _ink_and_fragment("得分", {})
    right = ocr.Fragment("94.04", 20.0 + 50 + 40, 5.0, 20.0 + 50 + 40 + 60, 5.0 + H, 0.99)
    ink[8:30, int(right.x0) + 1 : int(right.x1) - 1] = 1
    assert ocr.join_fragments([left, right], ink) == "得分\u300094.04"
    near = ocr.Fragment("94.04", 20.0 + 50 + 4, 5.0, 20.0 + 50 + 64, 5.0 + H, 0.99)
    ink2, _ = _ink_and_fragment("得分", {})
    ink2[8:30, int(near.x0) + 1 : int(near.x1) - 1] = 1
    assert ocr.join_fragments([left, near], ink2) == "得分94.04"


def test_a_box_whose_pieces_do_not_spell_it_is_left_whole():
    ink, frag = _ink_and_fragment("项目名称安庆市", {4: 46})
    frag.pieces = frag.pieces[:-1]
    assert ocr.split_at_gaps(frag, ink) == [frag]


def test_a_glyph_read_again_by_the_next_box_is_dropped():
    # measured on a printed 自评表 line (资金使用单位 | 广元市…): the value's box starts inside
    # 位, and the recogniser reads 位's right half once more as 立
    left = ocr.Fragment(
        "使用单位",
        660.0,
        334.0,
        771.0,
        365.0,
        0.99,
        [("使", 660.0, 685.0), ("用", 687.0, 711.0), ("单", 710.0, 735.0), ("位", 740.0, 765.0)],
    )
    right = ocr.Fragment(
        "立广元市",
        754.0,
        334.0,
        880.0,
        367.0,
        0.99,
        [("立", 754.0, 769.0), ("广", 804.0, 829.0), ("元", 829.0, 854.0), ("市", 855.0, 880.0)],
    )
    kept = ocr.drop_rereadings([left, right])
    assert [f.text for f in kept] == ["使用单位", "广元市"]
    assert kept[1].x0 == 804.0
    # a box that merely touches the one before (detector padding) keeps its first glyph
    touching = ocr.Fragment(
        "广元市", 760.0, 334.0, 851.0, 367.0, 0.99, [("广", 776.0, 800.0), ("元", 801.0, 825.0), ("市", 826.0, 850.0)]
    )
    assert [f.text for f in ocr.drop_rereadings([left, touching])] == ["使用单位", "广元市"]


@pytest.mark.parametrize(
    "a,b,joined",
    [
        ("补助资金7121", ".4万元", "补助资金7121.4万元"),  # the point opens the next line
        ("得分为18.", "2.质量指标", "得分为18. 2.质量指标"),  # a point closing a line may end a sentence
        ("共1,234", ".5万元", "共1,234.5万元"),
        ("version 2", ".4 was", "version 2 .4 was"),  # not after a Latin word
        ("安排资金70", "0万元", "安排资金700万元"),  # the digits run on to their unit
        ("合计100", "95", "合计100 95"),  # two numbers of a table's cell: no unit after the second
    ],
)
def test_a_wrap_inside_a_decimal_number_joins_without_a_space(a, b, joined):
    assert join_lines(a, b) == joined


@lru_cache(maxsize=1)
def _printed_form() -> ocr.OcrPage:
    """A small page printed like a flattened form: label, gap, value (Noto Sans SC, 150 dpi)."""
    from PIL import Image, ImageDraw, ImageFont
    import pylopdf_fonts_zh_cn

    font = ImageFont.truetype(pylopdf_fonts_zh_cn.sans_path(), 26)
    img = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(img)
    x = 40.0
    for word in ["项目单位", "安庆市城市管理行政执法局", "得分", "94.04"]:
        draw.text((x, 40), word, font=font, fill=0)
        x += font.getlength(word) + 40
    return ocr.read_image(np.asarray(img), 150 / 72)


def test_a_printed_form_line_keeps_its_gaps():
    lines = [ln.text for ln in _printed_form().content.lines]
    assert lines == ["项目单位\u3000安庆市城市管理行政执法局\u3000得分\u300094.04"]
