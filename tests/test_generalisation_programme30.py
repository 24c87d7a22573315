"""Programme and title, in the renderings a PDF's text layer or a page run together gives them (issue 8,
session prog30).

- The evaluation a body organised, named with its kind, as the frame of its result (在财政部组织开展的2021年
  XX资金(XX补助)重点绩效评价中, 得到94.2分) names its programme as 开展了XX绩效评价 does.
- A numbered heading of the report (一、绩效目标分解下达情况) is no title's last words: neither when a wrap put
  a chrome line's last word (恢复默认) on its own line over it, nor when a page run together put it on the
  title's own line (…绩效自评报告 一、绩效目标分解下达情况).

Each class is asserted on invented text in the genre's shapes, with near misses, and on development-set items
in the rendering (``bench/perturb.py``'s hard wraps) that lost them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from devset_compare import items, stated
from excerpt_records import dev_record, evidence, record_of_text, same_programme

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from perturb import PERTURBATIONS  # noqa: E402

PROG = "农村饮水安全工程维修养护项目"


@pytest.mark.parametrize(
    "sentence",
    [
        f"在市财政局组织开展的2022年度{PROG}重点绩效评价中，该项目得分92分。",
        f"在省财政厅开展的{PROG}事后绩效评价中，该项目得分92分。",
    ],
)
def test_the_evaluation_organised_as_the_frame_of_its_result(sentence: str) -> None:
    doc, r = record_of_text(f"关于2022年度重点绩效评价结果的通报\n各单位：\n{sentence}\n")
    assert same_programme(r.program, PROG), r.program
    assert evidence(doc, r, "program").startswith(PROG.removesuffix("项目"))


def test_an_evaluation_of_the_units_work_in_that_frame_names_no_programme() -> None:
    _doc, r = record_of_text(
        "关于2022年度重点绩效评价结果的通报\n各单位：\n在市财政局组织开展的重点绩效评价中，我局得分92分。\n"
    )
    assert r.program is None, r.program


def test_a_numbered_heading_is_no_titles_last_words() -> None:
    head = "银川市兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目绩效自评报告"
    for chrome in ("保护视力色:          字体颜色: 【      绿】\n恢复默认\n", "字号：大 中 小\n打印\n"):
        doc, r = record_of_text(f"{head}\n\n{chrome}\n一、绩效目标分解下达情况\n\n根据文件，下达资金100万元。\n")
        assert r.title == head, r.title
        assert evidence(doc, r, "title") == head
    # a title wrapped before its last words still joins them
    _doc, r = record_of_text("银川市兴庆区月牙湖乡滨河家园垃圾转运站\n提升改造项目绩效自评报告\n一、基本情况\n")
    assert r.title == head, r.title


@pytest.mark.parametrize("sep", [" ", "  ", "\u3000"])
def test_the_first_heading_run_onto_the_titles_line_is_cut(sep: str) -> None:
    doc, r = record_of_text(
        f"财政专项扶贫资金绩效自评报告{sep}一、绩效目标分解下达情况\n1、资金下达情况。年度资金40.83万元。\n"
    )
    assert r.title == "财政专项扶贫资金绩效自评报告", r.title
    assert evidence(doc, r, "title") == r.title
    assert r.program == "财政专项扶贫资金"


def test_a_headline_in_words_of_its_own_still_names_none() -> None:
    # (ruling 17's headline: what became of the evaluation after the programme is no title's words to cut)
    _doc, r = record_of_text(
        "首页 > 生态山西 > 正文\n我省草原生态修复治理补助绩效评价全国第一\n2023-04-26 15:23:52 来源:太原日报\n"
        "  省林业和草原局4月25日消息,山西省得到94.2分,位居全国第一。\n"
    )
    assert r.program is None, r.program


def _wrapped_record(stem: str, width: int):
    (it,) = [it for it in items("dev") if it.stem.startswith(stem)]
    return it, record_of_text(PERTURBATIONS[f"wrap{width}"](it.path.read_text(encoding="utf-8")))[1]


@pytest.mark.parametrize("width", [28, 40])
def test_a_dev_item_hard_wrapped_keeps_its_title_and_programme(width: int) -> None:
    it, r = _wrapped_record("ningxia-xingqing-2022-garbage-transfer-station", width)
    assert r.title == stated(it.expected, "title")
    assert same_programme(r.program, stated(it.expected, "program")), r.program


def test_a_dev_item_run_together_by_a_wrap_keeps_its_title() -> None:
    it, r = _wrapped_record("unknown-town-poverty-fund-distillery-self-report", 28)
    assert r.title == stated(it.expected, "title")
    assert same_programme(r.program, stated(it.expected, "program")), r.program


@pytest.mark.parametrize(
    "stem",
    [
        "ningxia-xingqing-2022-garbage-transfer-station",
        "unknown-town-poverty-fund-distillery-self-report",
        "shanghai-jiading-2017-fitness-for-all",  # …全民健身经费项目财政支出绩效评价
        "jiangxi-pingxiang-2014-new-network",  # the body's “新网工程”引导资金项目
    ],
)
def test_dev_items_as_published_keep_their_programme(stem: str) -> None:
    it, rec = dev_record(stem)
    assert same_programme(rec["program"], stated(it.expected, "program")), rec["program"]
