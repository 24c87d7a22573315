"""Report kind and years (issue 8, session 36 helper meta36): genre classes of the dev half.

Each test extracts the record from the real dev-half excerpt and asserts the value its hand-written
expectation states.
"""

from __future__ import annotations

import pytest
from excerpt_records import devset_dict


@pytest.mark.parametrize(
    "stem",
    [
        "neimenggu-genhe-hedong-street-2023-department-final-accounts",  # 第二部分 部门决算情况说明 (no year)
        "sichuan-renshou-cihang-2024-primary-school-final-accounts-spam",  # lists a 项目支出绩效自评表 too
        "sichuan-unnamed-town-2021-unit-final-accounts-contents",  # no 目录 line
    ],
)
def test_final_accounts_contents_are_the_department_kind(stem: str) -> None:
    assert devset_dict(stem)["report_kind"] == "department"


def test_final_accounts_part_heading_gives_the_year_without_a_contents_line() -> None:
    # 第二部分 2021年度单位决算情况说明, the page opening at 第一部分 单位概况
    assert devset_dict("sichuan-unnamed-town-2021-unit-final-accounts-contents")["years"] == [2021]
