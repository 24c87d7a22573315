"""Programme names of issue 8, session 42 (lead42): rulings 28 and 30 of tests/devset/README.md read from the
dev-half items they decide, each with a short hand-written near miss.
"""

from __future__ import annotations

import pytest
from excerpt_records import devset_record, evidence, record_of_text


@pytest.mark.parametrize(
    "stem, programme, printed",
    [
        # (第八批) after the name, in brackets
        (
            "chongqing-tongliang-2022-agri-disaster-relief-transfer-self-report",
            "中央农业生产和水利救灾资金",
            "中央农业生产和水利救灾资金(第八批)",
        ),
        # inside the name, after its level word
        ("fujian-anxi-2022-provincial-water-fund-seventh-batch-allocation-target-table", "省级水利专项资金", None),
        # before it
        ("hubei-xianning-2021-central-air-pollution-fund-transfer-target-self-table", "中央大气污染防治资金", None),
    ],
)
def test_a_batch_word_is_cut_from_the_programme_and_kept_in_its_evidence(
    stem: str, programme: str, printed: str | None
) -> None:
    doc, r = devset_record(stem)
    assert r.program == programme
    words = evidence(doc, r, "program")
    assert "批" in words  # the evidence quotes the name as printed, batch and all
    assert printed is None or words.endswith(printed)


def test_no_batch_word_is_cut_where_there_is_none() -> None:
    # near misses: 第三方 and 第一期 are no batches
    _doc, r = record_of_text("关于2022年第三方评价服务经费绩效评价的报告\n对2022年第三方评价服务经费开展绩效评价。\n")
    assert r.program is None or "第三方" in r.program
    _doc, r = record_of_text("2021年某县污水处理厂第一期工程项目绩效自评报告\n")
    assert r.program is None or "第一期" in r.program


@pytest.mark.parametrize(
    "stem, programme",
    [
        # 现将2022年生猪调出大县奖励资金397万元下达你单位 over the annex's 资金名称 生猪(牛羊)调出大县奖励资金
        ("chongqing-zhongxian-2022-pig-county-reward-fund-allocation-target-table-spam-mirror", "生猪调出大县奖励资金"),
        # 现将2025年中央财政动物疫病强制免疫补助35万(附件1)下达给你们 over 项目名称 强制免疫补助
        ("fujian-anxi-2025-animal-compulsory-immunisation-allocation-target-table", "中央财政动物疫病强制免疫补助"),
        # 现将2023年中央残疾人事业发展补助资金134.39万元下达给你们 over 项目名称 残疾人事业发展补助资金
        ("shaanxi-chencang-2023-disabled-persons-fund-allocation-target-table", "中央残疾人事业发展补助资金"),
    ],
)
def test_an_allocation_notice_names_the_fund_it_allocates_over_its_annexed_form(stem: str, programme: str) -> None:
    doc, r = devset_record(stem)
    assert r.program == programme
    assert evidence(doc, r, "program") == programme


def test_a_form_without_an_allocation_sentence_keeps_its_cell() -> None:
    # near miss: a self-evaluation table's 项目名称 cell, no notice around it
    _doc, r = record_of_text(
        "项目支出绩效自评表\n项目名称 | 残疾人事业发展补助资金\n主管部门 | 某县残疾人联合会\n"
        "本年度下达中央残疾人事业发展补助资金134.39万元。\n"
    )
    assert r.program == "残疾人事业发展补助资金"


def test_amounts_labelled_by_their_receiving_places_are_no_figures() -> None:
    # ruling 34: 南宁市良庆区900万元、柳州市鹿寨县900万元… split the transfer among counties; the total stays
    _doc, r = devset_record("guangxi-guangxi-2021-rural-environment-improvement-transfer-self-report")
    names = {f.name for f in r.figures}
    assert "中央农村环境整治专项资金" in names
    assert not names & {"南宁市良庆区", "柳州市鹿寨县", "来宾市忻城县"}
    # the same in traditional characters (a mirror copy): 無錫市, 宿遷市
    _doc, r = devset_record("jiangsu-jiangsu-2021-sponge-city-transfer")
    names = {f.name for f in r.figures}
    assert not names & {"無錫市", "宿遷市"}
    assert any(f.value == 360000000 for f in r.figures)


def test_a_count_of_a_kind_of_town_is_still_a_figure() -> None:
    # near miss: 民族乡193个 counts townships of a kind, it is no recipient of money
    _doc, r = devset_record("guizhou-guizhou-2017-2019-ethnic-affairs-work-fund-third-party")
    assert ("民族乡", 193) in {(f.name, f.value) for f in r.figures}
