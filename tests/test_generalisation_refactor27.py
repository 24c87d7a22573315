"""The one walk of a document's sections (``Context.headings``, ``open_sections``, ``section_of_block``,
``section_ends``) on real dev-half items: which section a block stands in, where a section ends, and the
heading-tree check that reads both.  Expected sections are read off the printed numbering (一、 > （一） >
1. > （1）), not computed the way the code computes them."""

from __future__ import annotations

import re

from devset_compare import items
from excerpt_records import dev_record

from jixiao import parse
from jixiao.extractor.record.context import Context


def _context(stem: str) -> Context:
    (it,) = [it for it in items("dev") if it.stem.startswith(stem)]
    return Context(parse(it.path))


def _block(ctx: Context, words: str) -> int:
    """The index of the one block whose text (spaces removed) starts with ``words``."""
    (i,) = [i for i, b in enumerate(ctx.doc.blocks) if re.sub(r"\s+", "", b.text).startswith(words)]
    return i


def _text(ctx: Context, i: int) -> str:
    return re.sub(r"\s+", "", ctx.doc.blocks[i].text)


LUXI = "hunan-luxi-2022-heshui-camellia-oil-industry-self-report"


def test_a_paragraph_stands_in_every_heading_printed_above_it_at_a_shallower_level():
    ctx = _context(LUXI)
    i = _block(ctx, "项目受益6个村128户500人")
    assert [_text(ctx, h) for h in ctx.open_sections[i]] == [
        "三、绩效目标完成情况分析",
        "(二)项目绩效指标完成情况",
        "1.产出指标完成情况分析",
        "(1)项目完成数量;",
    ]
    assert _text(ctx, ctx.section_of_block(i)) == "(1)项目完成数量;"
    assert _text(ctx, ctx.parent_section_of_block(i)) == "1.产出指标完成情况分析"


def test_a_heading_is_in_its_own_section_and_closes_its_siblings():
    ctx = _context(LUXI)
    second = _block(ctx, "2.资金项目绩效目标设定情况")
    assert ctx.section_of_block(second) == second
    assert [_text(ctx, h) for h in ctx.open_sections[second]] == [
        "一、绩效目标分解下达情况",
        "2.资金项目绩效目标设定情况。",
    ]
    assert ctx.is_heading(second) and not ctx.is_heading(_block(ctx, "用于油茶培管5750亩"))


def test_the_title_and_page_lines_before_the_first_heading_stand_in_no_section():
    ctx = _context(LUXI)
    for words in ("泸溪县合水油茶产业建设绩效自评报告", "来源:泸溪县林业局"):
        for i in [k for k, b in enumerate(ctx.doc.blocks) if re.sub(r"\s+", "", b.text).startswith(words)]:
            assert ctx.open_sections[i] == ()
            assert ctx.section_of_block(i) == -1 and ctx.parent_section_of_block(i) == -1
            assert ctx.roles[i] is None


def test_a_section_ends_at_the_next_heading_of_its_level_or_an_outer_one():
    ctx = _context(LUXI)
    n = len(ctx.doc.blocks)
    end = ctx.section_ends
    # 1. ends at its sibling 2.; （一） at （二）, past its own 1. 2. 3.; 二、 at 三、
    assert end[_block(ctx, "1.资金下达预算及项目情况")] == _block(ctx, "2.资金项目绩效目标设定情况")
    assert end[_block(ctx, "(一)项目资金情况分析")] == _block(ctx, "(二)项目绩效指标完成情况")
    assert end[_block(ctx, "二、绩效自评工作开展情况")] == _block(ctx, "三、绩效目标完成情况分析")
    # 2.资金项目绩效目标设定情况 (level 1.) ends at 二、 (an outer level), not at a later 1. or 2.
    assert end[_block(ctx, "2.资金项目绩效目标设定情况")] == _block(ctx, "二、绩效自评工作开展情况")
    # (3)项目实施进度 ends at 2.效益指标 (outer), whose section and every one around it run to the end
    assert end[_block(ctx, "(3)项目实施进度")] == _block(ctx, "2.效益指标完成情况分析")
    for words in ("2.效益指标完成情况分析", "(二)项目绩效指标完成情况", "三、绩效目标完成情况分析"):
        assert end[_block(ctx, words)] == n
    # a paragraph's entry is its innermost section's end
    assert end[_block(ctx, "项目受益6个村128户500人")] == _block(ctx, "(2)项目完成质量")


def test_a_deeper_numbering_under_a_long_list_item_stays_in_its_section():
    # 青川: （三）绩效指标完成情况分析 > 1.产出指标完成情况分析 > （1）数量指标 … the excerpt is cut in （3）
    ctx = _context("sichuan-qingchuan-2021-political-legal-transfer-self-report")
    i = _block(ctx, "办理法律援助案件94件")
    assert [_text(ctx, h) for h in ctx.open_sections[i]] == [
        "二、绩效目标完成情况分析",
        "(三)绩效指标完成情况分析。",
        "1.产出指标完成情况分析。",
        "(1)数量指标。",
    ]
    assert ctx.section_ends[_block(ctx, "(一)资金投入情况分析")] == _block(ctx, "(二)总体绩效目标完成情况分析")
    assert ctx.section_ends[_block(ctx, "一、绩效目标分解下达情况")] == _block(ctx, "二、绩效目标完成情况分析")


def test_the_heading_tree_checks_a_heading_whose_section_the_next_one_closes():
    # 裕安: 一、投入(分值18分) holds (一)项目立项(分值10分) and (二)资金落实(分值10分): 20 ≠ 18, the slip the
    # expectation names; 二、过程 runs to the end of the excerpt (cut), so its parts are never checked
    stem = "anhui-yuan-2020-vagrant-relief-self-report"
    ctx = _context(stem)
    first, second = _block(ctx, "一、投入"), _block(ctx, "二、过程")
    assert ctx.section_ends[first] == second
    assert ctx.section_ends[second] == len(ctx.doc.blocks)
    assert [_text(ctx, ctx.section_of_block(k)) for k in range(first, second) if ctx.is_heading(k)] == [
        "一、投入(分值18分,自评得18分)",
        "(一)项目立项(分值10分,自评得10分)",
        "(二)资金落实(分值10分,自评得10分)",
    ]
    _it, record = dev_record(stem)
    tree = [c for c in record["checks"] if c["rule"] == "weight_sum" and not c["detail"].startswith("一级指标")]
    assert [(c["detail"].split(" ")[0], c["ok"]) for c in tree] == [("投入", False)]
    assert "10 + 10 = 20, stated 18" in tree[0]["detail"]


def test_a_heading_the_walk_is_told_to_refuse_is_a_line_of_the_section_it_stands_in():
    # (the figures' scope refuses its captions so): refusing 2.资金项目绩效目标设定情况, its paragraph
    # stands in 1.资金下达预算及项目情况, which that heading no longer closes; the rest is as before
    ctx = _context(LUXI)
    refused = _block(ctx, "2.资金项目绩效目标设定情况")
    opened = ctx.open_sections_where(lambda i: i != refused)
    i = _block(ctx, "用于油茶培管5750亩")
    assert [_text(ctx, h) for h in opened[i]] == ["一、绩效目标分解下达情况", "1.资金下达预算及项目情况。"]
    assert [_text(ctx, h) for h in opened[refused]] == ["一、绩效目标分解下达情况", "1.资金下达预算及项目情况。"]
    assert [o for k, o in enumerate(opened) if k not in (refused, i)] == [
        o for k, o in enumerate(ctx.open_sections) if k not in (refused, i)
    ]
