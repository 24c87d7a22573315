"""The jurisdiction of a town's own spending (issue 8, session 34; devset ruling 7): when the unit evaluated is a
town or its government and nothing names a coded place, the town is the jurisdiction's name, as printed, with no
code, and its evidence quotes the town's words where the unit is printed. A coded place named anywhere the
jurisdiction may be read from still wins. On dev-half items of the development set and on short excerpts in the
genre's shapes.
"""

from __future__ import annotations

import pytest
from excerpt_records import dev_document, evidence, record_of_text


@pytest.mark.parametrize(
    "stem, town",
    [
        # a self-evaluation form: 实施单位 杨楼镇人民政府
        ("anhui-xiaoxian-2023-yanglou-specialty-farming-subsidy-self-table", "杨楼镇"),
        # a third party's summary: 主管部门 | 黄果树镇人民政府
        ("guizhou-huangguoshu-2023-village-cadre-pay-third-party-summary", "黄果树镇"),
        # a town's own report named at its head (三堂街镇2021年度…, 我镇)
        ("hunan-santangjie-2021-village-management-fee-evaluation-report", "三堂街镇"),
    ],
)
def test_a_towns_own_spending_is_placed_at_the_town(stem: str, town: str) -> None:
    doc, r, expected = dev_document(stem)
    assert r.jurisdiction.name == expected["jurisdiction"]["name"] == town
    assert r.jurisdiction.adcode is None
    assert evidence(doc, r, "jurisdiction") == town
    assert any("jurisdiction: no coded place" in w for w in r.warnings)


def test_a_town_government_filing_a_form() -> None:
    doc, r = record_of_text(
        "2023年度项目支出绩效自评表\n项目名称 道路养护资金\n实施单位 石门镇人民政府\n"
        "年初预算数 52 全年执行数 50 分值 10 得分 9.6\n"
    )
    assert r.evaluated_unit == "石门镇人民政府"
    assert r.jurisdiction.name == "石门镇" and r.jurisdiction.adcode is None


def test_a_coded_place_printed_with_the_town_wins() -> None:
    _doc, r = record_of_text(
        "2023年度项目支出绩效自评表\n项目名称 道路养护资金\n实施单位 池州市贵池区棠溪镇人民政府\n"
        "年初预算数 52 全年执行数 50 分值 10 得分 9.6\n"
    )
    assert r.jurisdiction.adcode == "341702"


def test_a_unit_that_is_no_town_names_no_place() -> None:
    _doc, r = record_of_text(
        "2023年度项目支出绩效自评表\n项目名称 道路养护资金\n实施单位 交通运输局\n"
        "年初预算数 52 全年执行数 50 分值 10 得分 9.6\n"
    )
    assert r.jurisdiction.name is None and r.jurisdiction.adcode is None
