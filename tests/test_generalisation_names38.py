"""Programme, evaluated unit and evaluator of issue 8, session 42 (names38): names a dev-half item states in a
shape the engine did not read (tests/devset/texts/), each with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_fund_named_after_its_amount_and_yongyu_with_its_year_is_the_programme() -> None:
    # 安排20万元用于我市20xx年度地质灾害防治技术服务保障经费 (a collection's sample: no title, no other naming)
    _doc, r = devset_record("guizhou-unnamed-undated-geohazard-technical-support-monitoring-essay-site")
    assert r.program == "地质灾害防治技术服务保障经费"
    # near miss: what the money is for, ending in no programme's noun, names no programme
    _doc, r = record_of_text(
        "一、项目基本情况\n根据2022年度年初预算，安排20万元用于我市2022年度道路日常维护，该资金已拨付。\n"
    )
    assert r.program is None
