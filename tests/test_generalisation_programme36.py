"""Programme names that start and end where the report's name does (issue 8, session programme36).

- A province's bare stem (海南, 上海 — no 省/市 after it) run straight into the programme's words is the first word
  of a base's or a theatre's own name (海南热带果蔬科创基地建设项目, 上海保利大剧院…补贴项目), not the title's leading
  place: a leading place is printed with its level word or its county after it (ruling 5: names inside the
  programme's own name stay as printed). Near misses: the full name (广东省…), a stem with the title's year after
  it, a stem that is who acted (重庆开展…), a stem with its county after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.programmes import program_name

TEXTS = Path(__file__).parent / "devset" / "texts"


@pytest.mark.parametrize(
    ("stem", "program"),
    [
        ("hainan-baoting-undated-tropical-fruit-veg-base", "海南熱帶果蔬科創基地建設項目"),
        (
            "shanghai-jiading-2018-poly-theatre-subsidy-evaluation-agency-work-rating-form",
            "上海保利大剧院演出、管理运行及能源费补贴",
        ),
    ],
)
def test_dev_items_keep_the_stem_their_name_opens_with(stem: str, program: str) -> None:
    record = build_record(parse(TEXTS / f"{stem}.txt")).to_dict()
    assert record["program"].removesuffix("项目").removesuffix("項目") == program.removesuffix("項目")


@pytest.mark.parametrize(
    ("title", "program"),
    [
        ("海南热带果蔬科创基地建设项目自评报告", "海南热带果蔬科创基地建设"),
        ("2018年上海保利大剧院演出、管理运行及能源费补贴项目", "上海保利大剧院演出、管理运行及能源费补贴"),
        ("关于2021年宁夏滩羊良种补贴资金绩效评价报告", "宁夏滩羊良种补贴资金"),
        # near misses: the place with its level word, its year after it, its county after it
        ("广东省少数民族发展资金绩效评价报告", "少数民族发展资金"),
        ("海南2020年热带作物种植补贴资金绩效评价报告", "热带作物种植补贴资金"),
        ("上海嘉定区文化设施运行补贴项目绩效评价报告", "文化设施运行补贴"),
    ],
)
def test_bare_province_stem(title: str, program: str) -> None:
    assert program_name(title) == program
