"""The report's own arithmetic (issue 8, session checks24): sums and rates whose parts stand apart
from their whole — on the lines after a list opener (其中：, 资金来源如下：), in numbered items or
；-clauses past the first clause, in the paragraph after a total, in an enumeration closed by 共, and
a rate whose budget an earlier section under the same heading states.  Each shape is checked on
dev-half items that print it (they add up: the check must be there and pass) and on short texts
with a slip (the failure must name both numbers), with a near miss that must say nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from excerpt_records import record_of_text

from jixiao import parse
from jixiao.extractor.record import build_record

sys.path.insert(0, str(Path(__file__).parent))
from devset_compare import DEVSET  # noqa: E402

HEAD = "澧县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n"


def checks_of_item(stem: str) -> list[tuple[str, bool, str]]:
    doc = parse(DEVSET / f"{stem}.txt")
    record = build_record(doc)
    for c in record.checks:
        assert c.span and doc.text[c.span[0] : c.span[1]], c
    return [(c.rule, c.ok, c.detail.split(" (p.")[0]) for c in record.checks]


def failed(text: str) -> list[str]:
    doc, r = record_of_text(HEAD + text)
    for c in r.checks:
        assert c.span and doc.text[c.span[0] : c.span[1]], c
    return [c.detail.split(" (p.")[0] for c in r.checks if not c.ok]


def passed(text: str) -> list[str]:
    doc, r = record_of_text(HEAD + text)
    return [c.detail.split(" (p.")[0] for c in r.checks if c.ok]


def test_a_list_opener_ending_its_line_hands_one_part_a_line_to_the_lines_after_it() -> None:
    # guangxi (dev): 合计13,804万元。各批次…下达情况如下： then one batch a line, and a line of no amount
    sums = checks_of_item("guangxi-2024-central-lottery-welfare-fund-transfer-report-excerpt")
    assert ("prose_sum", True, "合计: 11,193万元 + 2,611万元 = 13,804万元, stated 13,804万元") in sums
    # bayannaoer (dev): the lines that make the whole agree; the next category's line is no part of it
    sums = checks_of_item("neimenggu-bayannaoer-2023-soil-air-pollution-transfer-self-report")
    assert [c for c in sums if c[0] == "prose_sum"] == [
        ("prose_sum", True, "我市土壤污染防治资金: 1300万元 + 437万元 = 1737万元, stated 1737万元")
    ]
    lines = "2022年共下达资金500万元，其中：\n中央资金300万元；\n省级资金150万元；\n县级资金60万元。\n"
    assert failed(lines) == ["下达资金: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元"]
    assert failed(lines.replace("60万元", "50万元")) == []
    source = "项目总投资500万元。资金来源如下：\n中央资金300万元；\n省级资金150万元；\n县级资金60万元。\n"
    assert failed(source) == ["项目总投资: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元"]
    # near misses: after 如下 a list short of an amount no word names a total says nothing; nor does a
    # run of lines ended by a line naming a whole of its own (the list may go on past it)
    assert failed("项目预算500万元。资金来源如下：\n中央资金300万元；\n省级资金150万元。\n") == []
    assert failed("2022年共下达资金500万元，其中：\n中央资金300万元；\n省级资金150万元；\n县级共计安排90万元。\n") == []


def test_a_total_ending_its_paragraph_has_its_parts_in_the_next_one() -> None:
    text = "2022年共下达资金500万元。\n中央资金300万元，省级资金150万元，县级资金60万元。\n"
    assert failed(text) == ["下达资金: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元"]
    assert failed(text.replace("60万元", "50万元")) == []
    lines = "2022年共下达资金500万元。\n中央资金300万元；\n省级资金150万元；\n县级资金60万元。\n"
    assert failed(lines) == ["下达资金: 300万元 + 150万元 + 60万元 = 510万元, stated 500万元"]
    # near misses: what became of the money is no part of it; a total its words do not name is none
    assert failed("2022年共下达资金500万元。\n实际支出480万元，结余10万元。\n") == []
    assert failed("2022年下达资金500万元。\n中央资金300万元，省级资金150万元，县级资金60万元。\n") == []


def test_numbered_items_in_one_paragraph_and_semicolon_clauses_are_the_lists_parts() -> None:
    # 南县 (dev): 其中: 1. 610办专项30万元:… 2. 平安创建专项经费39万元:… — each item past its own 。
    sums = checks_of_item("hunan-nanxian-2020-political-legal-committee-projects-self-report-doc-site")
    assert ("prose_sum", True) in [(r, ok) for r, ok, d in sums if "30万元 + 39万元 + 7.5万元" in d]
    # 广州 (dev): 其中，下达A 400.00万元，共扶持4个项目…；下达B 1766.00万元…
    sums = checks_of_item("guangdong-guangzhou-2022-private-economy-sme-funds")
    assert [(r, ok) for r, ok, d in sums if "400.00万元 + 1766.00万元 = 2166.00万元" in d] == [("prose_sum", True)]
    # 武威 (dev): 共计下达…资金60万元，涉及2个项目，分别为：A 30万元；B 30万元 — the whole is the amount
    # of the parts' unit, not the count right before the opener
    sums = checks_of_item("gansu-wuwei-2020-youth-league-projects-self-report")
    assert ("prose_sum", True, "下达单位市级项目资金: 30万元 + 30万元 = 60万元, stated 60万元") in sums
    semis = "2022年安排资金500万元，其中：中央资金300万元，用于道路养护；省级资金210万元，用于桥梁维修。\n"
    assert failed(semis) == ["安排资金: 300万元 + 210万元 = 510万元, stated 500万元"]
    assert failed(semis.replace("210万元", "200万元")) == []
    items = "项目预算121万元。其中：1. 甲专项30万元：用于宣传。2. 乙专项39万元：用于创建。3. 丙专项62万元：用于维稳。\n"
    assert failed(items) == ["项目预算: 30万元 + 39万元 + 62万元 = 131万元, stated 121万元"]
    # near miss: a ；-clause without an amount of its own leaves one part: no list
    assert failed(semis.replace("省级资金210万元，", "省级资金")) == []


def test_an_enumeration_closed_by_a_clause_of_totals_whatever_its_labels() -> None:
    # 六安信访局 (dev): 即驻京驻肥工作组经费120万元、…、市本级涉法涉诉救助资金30万元，共219万元
    sums = checks_of_item("anhui-luan-2023-petition-bureau-project-self-report")
    assert ("prose_sum", True, "total: 120万元 + 59万元 + 10万元 + 30万元 = 219万元, stated 219万元") in sums
    # a distillery's costs (dev), set apart by ；, then 共计
    sums = checks_of_item("unknown-town-poverty-fund-distillery-self-report-docsite")
    assert [(r, ok) for r, ok, d in sums if "= 40.83万元, stated 40.83万元" in d] == [("prose_sum", True)]
    text = "购买变压器一套18.8万元；购置电锅炉一台6.75万元；增设发酵池十二个3.2万元；共计29.75万元。\n"
    assert failed(text) == ["共计: 18.8万元 + 6.75万元 + 3.2万元 = 28.75万元, stated 29.75万元"]
    # near misses: the amount before the enumeration is no part of it; two kinds of mark make no run
    assert failed("项目预算500万元，已支付施工费120万元、设计费50万元，合计170万元。\n") == []
    assert failed("项目预算500万元，施工费120万元；设计费50万元、监理费10万元，共计190万元。\n") == []


def test_a_rate_whose_budget_an_earlier_section_under_the_same_heading_states() -> None:
    # 云南 (dev): (1)项目资金投入情况。10441万元资金全部拨付到位… (2)项目资金执行情况。实际执行…，执行率88.74%
    sums = checks_of_item("yunnan-yunnan-2022-central-disaster-fund-self-report")
    assert ("execution_rate", True, "项目执行率: 9265.353442万元 ÷ 10441万元 = 88.74%, stated 88.74%") in sums
    text = "（一）资金投入情况\n2022年预算安排资金240万元。\n（二）资金执行情况\n实际支出228.6万元，执行率为92.25%。\n"
    assert failed(text) == ["执行率: 228.6万元 ÷ 240万元 = 95.25%, stated 92.25%"]
    assert failed(text.replace("92.25%", "95.25%")) == []
    # near miss: two budgets stated earlier — which one the rate is of is not sure: no failure
    two = text.replace("2022年预算安排资金240万元。", "2022年预算安排资金240万元，追加预算安排资金20万元。")
    assert failed(two) == []


def test_the_same_spent_label_at_two_dates_is_no_second_breakdown() -> None:
    # 江苏 (dev): 获批…12300万元，其中2021年3300万元，2022年9000万元，至2022年底实际使用7880万元，…，至
    # 2023年5月31日，实际使用12046万元 — one amount at two dates, not two parts of the 12300
    sums = checks_of_item("jiangsu-jiangsu-undated-university-lab-building-special-bond-self-report-mirror")
    assert not [d for r, ok, d in sums if "7880万元 + 12046万元" in d]
    assert [(r, ok) for r, ok, d in sums if "3300万元 + 9000万元 = 12300万元" in d] == [("prose_sum", True)]
    # near miss: what was used and what is left are two parts of the whole, checked as before
    assert passed("项目总投资800万元，其中中央资金500万元，县级资金300万元，实际使用760万元，结余40万元。\n") == [
        "项目总投资: 500万元 + 300万元 = 800万元, stated 800万元",
        "项目总投资: 760万元 + 40万元 = 800万元, stated 800万元",
    ]


def test_tier_scores_of_the_decision_management_output_benefit_set_against_the_total() -> None:
    # 项目决策 / 项目管理 / 项目产出 / 项目效益 is the 决策/过程/产出/效益 set as many forms name it (the dev
    # half's 银川 and 广水 tables): its scores make the total
    text = (
        "四、评价结论\n项目综合得分89分，其中项目决策得分18分，项目管理得分17分，项目产出得分27分，项目效益得分26分。\n"
    )
    doc, r = record_of_text(text)
    assert [c.detail.split(" (p.")[0] for c in r.checks if not c.ok] == [
        "一级指标: 18 + 17 + 27 + 26 = 88, stated total 89"
    ]
    doc, r = record_of_text(text.replace("89分", "88分"))
    assert [(c.rule, c.ok) for c in r.checks] == [("indicator_sum", True)]
    # near miss: three of the four are no complete set, whatever they add up to
    doc, r = record_of_text(text.replace("，项目效益得分26分", ""))
    assert [c for c in r.checks if c.rule == "indicator_sum"] == []


def test_a_mirror_copy_s_form_is_read_without_its_pinyin_glosses() -> None:
    # 鄂州 (dev, traditional characters with glosses: 預(yù)算數(shù)(A) 執(zhí)行數(shù)(B) …): the budget score
    # 20分 × 执行率 99.97% is 19.99, printed 19; the rate is printed without its % in a 执行率 column
    stem = "hubei-ezhou-2022-science-popularisation-fund-self-table-trad"
    sums = checks_of_item(stem)
    assert ("budget_score", False, "年度财政资金总额 得分: 20 × 99.97% = 19.994, stated 19") in sums
    assert ("execution_rate", True, "执行率(B/A): 103.97 ÷ 104 = 99.97%, stated 99.97%") in sums
    # near miss: the same form with the score printed right says nothing
    text = (DEVSET / f"{stem}.txt").read_text(encoding="utf-8").replace("99.97 19\n", "99.97 19.99\n")
    doc, r = record_of_text(text)
    assert [c.detail for c in r.checks if not c.ok] == []
    assert [c.rule for c in r.checks if c.ok] == ["execution_rate", "budget_score"]
