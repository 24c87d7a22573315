"""A mirror site's copy in traditional characters (bench/perturb.py's ``traditional``, OpenCC s2t) reads as the
original does: rules that compared raw text with words written in simplified characters now read it folded.

* a department evaluating a unit under it (林业厅组织专家对林科院承担的…: ruling 13) — the words between the two
  names were matched raw, so 組織專家對 was no 对 and the unit became its own evaluator;
* bodies sharing the place printed once (自治区财政厅、水利厅) — 水利廳 was no bare organ, so the place of
  another mention (宁夏水利厅) was put before it;
* one fund printed two ways (…资金(草原生态修复治理补助) / 中央财政草原生态修复治理补助资金) — the fund's core was
  cut with simplified lead and tail words, so the two printings tied and the programme was left null;
* a list item 项目一: opening each part (完成预算的100% once per part) — the item's mark was matched raw, so
  項目一: opened no part and the parts' rates were taken for one restated.

Each is shown on the real dev item the bench's perturbation lost it on, and on a synthetic text of the shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rendered_excerpts import excerpt_text, record_of

from jixiao.extractor.record.view import squash_fold
from perturb import traditional  # bench/perturb.py (rendered_excerpts puts bench/ on the path)


def _both(tmp_path: Path, text: str) -> tuple[dict, dict]:
    """The record of ``text`` as given and as a traditional-character mirror prints it."""
    out = []
    for name, t in (("published", text), ("traditional", traditional(text))):
        path = tmp_path / name / "item.txt"
        path.parent.mkdir()
        path.write_text(t, encoding="utf-8")
        out.append(record_of(path))
    return out[0], out[1]


def _key(value: object) -> object:
    return squash_fold(value) if isinstance(value, str) else value


def _figures(record: dict) -> list[tuple[str, float, str]]:
    return sorted((squash_fold(f["name"]), f["value"], f["unit"]) for f in record["figures"])


@pytest.mark.parametrize(
    ("stem", "field", "value"),
    [
        ("neimenggu-2015-wolfberry-forestry-extension-evaluation-news", "evaluator", "林业厅"),
        ("ningxia-2010-small-farmland-water-key-county-assessment-news", "evaluator", "自治区财政厅、水利厅"),
        (
            "shanxi-2021-grassland-restoration-subsidy-finance-key-evaluation-news",
            "program",
            "中央财政林业草原生态保护恢复资金(草原生态修复治理补助)",
        ),
    ],
)
def test_a_dev_item_in_traditional_characters_reads_as_published(
    tmp_path: Path, stem: str, field: str, value: str
) -> None:
    published, mirror = _both(tmp_path, excerpt_text(stem))
    assert published[field] == value
    assert _key(mirror[field]) == value


def test_parts_listed_as_xiangmu_yi_keep_their_rates_in_traditional(tmp_path: Path) -> None:
    stem = "neimenggu-alashanzuoqi-2023-wuliji-sumu-transfers-masked-amounts"
    published, mirror = _both(tmp_path, excerpt_text(stem))
    assert sum(1 for f in published["figures"] if f["name"] == "完成预算的") == 3
    assert _figures(mirror) == _figures(published)


DEPARTMENT_OVER_UNIT = (
    "中央财政林业科技推广示范项目“沙棘丰产栽培技术推广示范”通过绩效评价\n"
    "2016年5月10日,根据《青海省中央财政林业科技推广示范资金绩效评价实施办法(暂行)》要求,"
    "林业厅组织专家对林科院承担的中央财政林业科技推广示范项目“沙棘丰产栽培技术推广示范”进行了绩效评价工作。\n"
    "专家组认为,青海省林科院按照项目实施方案完成了各项建设任务,同意通过绩效评价。\n"
)

SHARED_PLACE = (
    "首页 > 水利资讯 > 地方动态 > 正文\n"
    "宁夏完成对第三批小农水重点县2014年度建设项目的绩效考评\n"
    "  宁夏水利厅农水处     王强  \n"
    "    编辑:管理员 归档时间:2015/6/15    \n\n"
    "2015年5月20日至6月1日,自治区财政厅、水利厅组织考核组对全区小型农田水利重点县2014年度建设项目进行了绩效考评。\n"
    "考评结束后,宁夏水利厅将考评结果通报各县。\n"
)

ONE_FUND_TWO_WAYS = (
    "我省退耕还林补助绩效评价全国第一\n"
    "  省林业局5月10日消息,在财政部组织开展的2022年中央财政林业改革发展资金(退耕还林补助)重点绩效评价中,"
    "河北省得到95.1分,位居全国第一。\n"
    "  2023年6月,财政部河北监管局组成的绩效评价组深入有关县,对2022年中央财政退耕还林补助资金使用情况和绩效开展了评价。\n"
)

PARTS_LISTED = (
    "2023年度边境转移支付项目绩效自评结果综述如下:\n"
    "项目一:边民补助项目,项目全年预算数50万元,执行数50万元,完成预算的100%。补助发放及时。\n"
    "项目二:护边员补助项目,项目全年预算数30万元,执行数30万元,完成预算的100%。补助发放及时。\n"
)


@pytest.mark.parametrize(
    ("text", "field"),
    [(DEPARTMENT_OVER_UNIT, "evaluator"), (SHARED_PLACE, "evaluator"), (ONE_FUND_TWO_WAYS, "program")],
)
def test_a_synthetic_text_of_the_shape_reads_as_published(tmp_path: Path, text: str, field: str) -> None:
    published, mirror = _both(tmp_path, text)
    assert published[field]
    assert _key(mirror[field]) == _key(published[field])


def test_synthetic_parts_keep_their_rates_in_traditional(tmp_path: Path) -> None:
    published, mirror = _both(tmp_path, PARTS_LISTED)
    assert sum(1 for f in published["figures"] if f["value"] == 1 and f["unit"] == "%") == 2
    assert _figures(mirror) == _figures(published)
