"""OCR reads the glyph that stands alone (issue 8: renderings of one report agree).

The text detector skips short isolated marks outside ruled tables: a lone ``0`` cell of a self-evaluation
form printed one cell a line, the ``(`` of a year line ``( 2019 年度)`` set apart by a gap.  Read from their
scans, development-set items lost a figure or their title's year line.  ``ocr.recover_lone_glyphs`` reads the
uncovered ink of a glyph's size with the recogniser alone and keeps what reads as digits or a bracket.
The items are typeset onto page images as ``bench/scan_agreement.py`` does and read through OCR.
"""

from __future__ import annotations

import pytest
from rendered_excerpts import agrees

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("stem", "fields"),
    [
        # 其中:中央资金 / 871 / 0 / 0: the execution's 0 under the budget was lost (a figure of the form)
        ("hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table", ("figures",)),
        # 其他资金 0 0: the second 0 of a row set apart by gaps
        ("anhui-xiaoxian-2023-yanglou-specialty-farming-subsidy-self-table", ("figures",)),
        # the form's heading over ( 2019 年度): the lone ( lost, the year line no longer read as the title's
        ("shandong-licheng-2019-cultural-center-free-opening-self-table-page", ("title", "years")),
    ],
)
def test_a_lone_glyph_is_read_from_the_scan(tmp_path, stem: str, fields: tuple[str, ...]) -> None:
    agrees(tmp_path, stem, "scan", *fields)
