"""Matching that survives what extraction does to text (issue 8, point 4; bench/perturb.py).

Each test takes a real excerpt of the development set (tests/devset/texts, dev half), perturbs it
the way bench/perturb.py does, and asserts that the record still finds the value, with evidence
that is the document's own text at its span.
"""

from __future__ import annotations

from devset_compare import DEVSET
from excerpt_records import evidence, record_of_text

import re

import opencc

from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record.view import space_unit

# jiangxi-quannan-2021-geohazard-monitoring-funds-report: a Word file's text run together, one space
# where the original had a line break (评价 报告) and between digits and CJK
QUANNAN = (
    "附件3:项目资金绩效评价报告.doc\n"
    "关于 2021 年度地质灾害群测群防项目资金绩效评价 报告 一、项目基本情况 (一)地质灾害群测群防项目概况: "
    "2021 年,根据 1/5 万地质灾害调查单位和各乡(镇、 场、公司)及相关单位开展地质灾害隐患巡查、排查、核查, "
    "我县地质灾害隐患点共 571 处,其中:崩塌 76 处、滑坡 487 处、塌陷 6 处、泥石流 2 处,威胁总户数 793 户 3411 人、 "
    "威胁财产 6671 万元。\n"
)

# guangdong-guangzhou-2022-private-economy-sme-funds: a web page whose paragraphs are indented by two
# spaces; the title line under 公示原文 is one such paragraph
GUANGZHOU = (
    "当前位置: 立项公示  广州市2022年度省级财政专项资金支持民营经济及中小微企业发展绩效评价报告\n\n"
    "广州市2022年度省级财政专项资金支持民营经济及中小微企业发展绩效评价报告\n\n"
    "发布时间:2023-10-20 浏览量:1084 收藏\n\n具体信息\n\n"
    "  • 发布部门 :\n      工业和信息化部门\n  • 项目类型 :\n      奖项评选,专精特新/瞪羚/小巨人/独角兽\n"
    "  • 扶持方式 :\n      事后补助\n\n公示原文\n\n"
    "  广州市2022年度省级财政专项资金支持民营经济及中小微企业发展绩效评价报告\n\n\n  一、基本情况\n\n"
    "  (一)资金情况。\n\n"
    "  根据《广东省工业和信息化厅关于下达2022年省级促进经济高质量发展专项资金(民营经济及中小微企业发展)"
    "项目计划的通知》,我市获得省级专项资金共计2166万元。\n"
)


# guangdong-dongguan-undated-capital-projects-review: shares of the projects reviewed, in prose
DONGGUAN = (
    "根据财政局审核结果,抽审的41个项目审核等级为:1个项目评为优,占评定项目的2.44%;"
    "3个项目评为良,占评定项目的7.32%;35个项目评为中,占评定项目的85.36%;2个项目评为差,占评定项目的4.88%。\n"
)


# a part's share of the funds, as the set's self-evaluations print it (invented amounts)
FUNDS_SHARES = "项目总投资2089万元,其中中央资金1777万元,占比85.06%;地方配套资金312万元,占比14.94%。\n"


# yunnan-honghe-2024-data-center-project-self-report: counts of projects next to their money
HONGHE = (
    "2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个(含2023年转列暂付性款项项目5个),"
    "年初批复预算8个项目985万元(含1个年初结转结余项目50万元),调整预算后项目预算861.46万元。\n"
)


def opening(stem: str, lines: int) -> str:
    """The first ``lines`` lines of a development-set text (a real page, as published)."""
    return "\n".join((DEVSET / f"{stem}.txt").read_text(encoding="utf-8").split("\n")[:lines]) + "\n"


# hebei-xinhua-2018-agri-insurance-self-report: a numbered line that carries a form's field
XINHUA = opening("hebei-xinhua-2018-agri-insurance-self-report", 30)
# hunan-huitong-2022-bamboo-shoot-base-third-party: a page's metadata line over a cover
HUITONG = opening("hunan-huitong-2022-bamboo-shoot-base-third-party", 16)


def spaced(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


def doubled(text: str) -> str:
    return text.replace(" ", "  ")


def wrapped(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def test_a_text_with_every_space_doubled_keeps_a_title_set_apart_by_one_of_them() -> None:
    # one space inside the title (评价 报告) is an ordinary word space, also when it comes doubled;
    # the cut at a wide gap (a flattened form's cell) is measured against the document's own spacing
    for text in (QUANNAN, doubled(QUANNAN)):
        doc, record = record_of_text(text)
        assert record.title == "关于2021年度地质灾害群测群防项目资金绩效评价报告"
        assert evidence(doc, record, "title").startswith("关于")


def test_the_space_unit_is_two_only_where_no_single_space_is_left() -> None:
    assert space_unit(QUANNAN) == 1
    assert space_unit(doubled(QUANNAN)) == 2
    # a form whose cells are set apart by wide gaps, next to single spaces, keeps unit 1
    form = "项目名称  公共文化服务体系建设  主管部门  县文旅局  实施单位  县文化馆  " + QUANNAN
    assert space_unit(form) == 1


def test_an_indented_first_line_that_runs_to_the_wrap_width_goes_on_on_the_next() -> None:
    # hard-wrapped at 28 characters, indent counted: the title under 公示原文 is cut after 中小 (26
    # characters and its two spaces of indent) and must be read as one line again
    doc, record = record_of_text(wrapped(GUANGZHOU, 28))
    assert record.title == "广州市2022年度省级财政专项资金支持民营经济及中小微企业发展绩效评价报告"
    assert evidence(doc, record, "title") == record.title


def test_a_share_in_traditional_characters_is_judged_as_in_simplified() -> None:
    # a percentage's label is judged in simplified characters (佔比 is 占比, 佔評定項目的 is 占评定项目的):
    # a part's share of the funds is a figure (devset ruling 24(c)), the share of evaluated projects per
    # grade an evaluation's result (ruling 24(d)) — in either script
    convert = opencc.OpenCC("s2t").convert
    for text, wanted in ((FUNDS_SHARES, [0.1494, 0.8506]), (DONGGUAN, [])):
        for version in (text, convert(text)):
            doc, record = record_of_text(version)
            assert sorted(f.value for f in record.figures if f.unit == "%") == wanted
            for f in record.figures:
                assert f.span is not None and f.raw in doc.text[f.span[0] : f.span[1]]


def test_a_count_before_a_spaced_number_keeps_the_amount_its_own() -> None:
    # 8 个项目 985 万元: the space a converter puts before 985 is no break after 项目, so the amount
    # stays 年初批复预算's, and the count is a figure of its own named by its noun (devset ruling 26:
    # the projects budgeted; the item's expectation lists 年初批复预算项目 8个), as without spaces
    def figures(text: str) -> list[tuple[str, float, str]]:
        return sorted((f.name, f.value, f.unit) for f in record_of_text(text)[1].figures)

    published = figures(HONGHE)
    assert ("年初批复预算", 9850000, "元") in published
    assert [(n, v) for n, v, unit in published if unit == "个" and v == 8] == [("年初批复预算项目", 8)]
    assert figures(spaced(HONGHE)) == published


def test_a_numbered_line_cut_at_the_wrap_width_goes_on_on_the_next() -> None:
    # wrapped at 28: (一)项目概况 (1)项目实施单位:石家庄市新华区农业⏎农村局 — a heading's number opens the
    # line, but it ran to the width (as 16 lines of the page do), so 农村局 is the rest of the unit's name
    doc, record = record_of_text(wrapped(XINHUA, 28))
    assert record.evaluated_unit == "石家庄市新华区农业农村局"
    assert evidence(doc, record, "evaluated_unit").endswith("石家庄市新华区农业农村局")


def test_a_metadata_line_cut_at_the_wrap_width_does_not_leave_its_tail_over_the_title() -> None:
    # wrapped at 28: 发布时间:2023-10-27 09:11 信息来源:会⏎同县财政局 — the tail 同县财政局 is the source's,
    # and is no line of its own to be read into the title under it
    for text in (HUITONG, wrapped(HUITONG, 28)):
        doc, record = record_of_text(text)
        assert record.title == "2022年省巩固拓展产业扶贫重点项目会同县湖南绿地高新竹笋产业基地建设项目绩效评价报告"
        assert evidence(doc, record, "title").startswith("2022年省")


def test_a_mirrors_pinyin_cut_by_the_wrap_is_read_as_the_line_it_was() -> None:
    # sichuan-ziyang-undated-adb-green-transition-notice-trad, wrapped at 40: 贈(⏎zèng)款 and a line that
    # reads short without its pinyin (…辦法》(⏎財(cái)國(guó)合…) are rejoined, so the results table after
    # them keeps its total and its level-1 scores
    text = opening("sichuan-ziyang-undated-adb-green-transition-notice-trad", 100)
    for page in (text, wrapped(text, 40)):
        doc, record = record_of_text(page)
        assert record.score.total == 82.68
        assert evidence(doc, record, "score.total").endswith("82.68")
        tiers = [(i.name, i.score) for i in record.indicators if i.level == 1]
        assert tiers == [("相关性", 20), ("效率", 38.7), ("效果", 14.78), ("可持续性", 9.2)]


def test_a_row_of_cells_cut_at_the_wrap_width_goes_on_on_the_next() -> None:
    # wrapped at 28, rows of a flattened form are cut mid-cell: 地方主管部门 | 医疗保障局 | 资金使用单位 | 医疗⏎
    # 保障局 |, 年度资金总额: | 3359.62万 | 3359.62⏎万 |, 全年预算数(A) | 全年执行⏎数(B) — a row that ran to
    # the width is one row again, so the unit and the funds' labels read as published
    # (anhui-huoshan-2024-medical-assistance-transfer-table-no-place)
    text = opening("anhui-huoshan-2024-medical-assistance-transfer-table-no-place", 25)
    for page in (text, wrapped(text, 28)):
        doc, record = record_of_text(page)
        assert record.evaluated_unit == "医疗保障局"
        assert evidence(doc, record, "evaluated_unit").endswith("保障局")
        funds = {(f.name, f.value) for f in record.figures}
        assert {("全年执行数", 33596200), ("地方资金 全年执行数", 25303200)} <= funds


def test_a_forms_row_with_bars_cut_at_the_wrap_width_keeps_the_programmes_whole_name() -> None:
    # wrapped at 28: 项目名称 | 12350安全生产举报奖及安全生产专项督查⏎等工作经费 | 项目分类 | — both lines
    # open like a form's field, but the first is a row of bar cells that ran to the width: the wrap cut it
    # (chongqing-fengjie-2023-work-safety-reporting-award-target-approval-table)
    text = opening("chongqing-fengjie-2023-work-safety-reporting-award-target-approval-table", 40)
    for page in (text, wrapped(text, 28)):
        doc, record = record_of_text(page)
        assert record.program == "12350安全生产举报奖及安全生产专项督查等工作经费"
        assert evidence(doc, record, "program").endswith("等工作经费")


def test_a_row_set_apart_by_wide_gaps_cut_at_the_wrap_width_keeps_the_units_name() -> None:
    # wrapped at 28: 县级主管部门  忠县水利局 实施单位  忠县涂井乡人民政⏎府 — cells set apart by runs of spaces
    # (chongqing-zhongxian-2021-tujing-town-resettlement-aid-prog-self-table)
    text = opening("chongqing-zhongxian-2021-tujing-town-resettlement-aid-prog-self-table", 60)
    for page in (text, wrapped(text, 28)):
        doc, record = record_of_text(page)
        assert record.evaluated_unit == record.evaluator == "忠县涂井乡人民政府"
        assert evidence(doc, record, "evaluated_unit").endswith("人民政府")


def _blocks(text: str) -> list[str]:
    doc = read_text(text, "excerpt.txt")
    return [doc.text[b.start : b.end] for b in doc.blocks]


def test_a_blank_line_ends_a_paragraph_even_after_a_line_at_the_wrap_width() -> None:
    # ningxia-xingqing-2022-garbage-transfer-station wrapped at 28: the page's metadata line 公开方式 … 有效
    # runs to the width by chance, then a blank line, then the title — no wrap leaves a blank line
    text = wrapped(opening("ningxia-xingqing-2022-garbage-transfer-station", 12), 28)
    title = "银川市兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目绩效自评报告"
    assert title in _blocks(text)
    # a converter that writes every line as a paragraph of its own (a blank line under each): there
    # the blank lines say nothing, and the title cut at the width (…绩效自⏎评报告) is still rejoined
    assert any(title in b for b in _blocks(text.replace("\n", "\n\n")))


def test_prose_cut_where_it_ends_like_a_title_goes_on() -> None:
    # guizhou-guizhou-2017-2019-ethnic-affairs-work-fund-third-party wrapped at 28: …开展绩效评价。现将评价
    # 情况报告⏎如下: — a line with a sentence's full stop in it is prose, not a title, whatever it ends with
    text = wrapped(opening("guizhou-guizhou-2017-2019-ethnic-affairs-work-fund-third-party", 20), 28)
    assert any(b.endswith("现将评价情况报告如下:") for b in _blocks(text))
    # a title alone on its line still stands apart from the line under it
    assert "贵州省民族宗教事务委员会民族工作经费专项资金(2017-2019年度)绩效评价报告" in _blocks(text)
