"""Checks (issue 8, checks39): a rate's own clause read within its paragraph and with a kind of money (转移支付) as its
whole and money paid over (拨付) as the money arrived; a 自评表 flattened one cell a line whose total row's last cell
holds the form's numbered notes (1.预算执行率=…) — its rows under the notes read, and a rate placed by the columns
up to it said wrong — on the real dev items and on short texts that add up and that do not.
"""

from __future__ import annotations

from pathlib import Path

from excerpt_records import TEXTS, checks_of_text, item_checks


def _failed(got: list[tuple[str, bool, str]]) -> list[tuple[str, bool, str]]:
    return [c for c in got if not c[1]]


# ---------------------------------------------------------------- an arrival rate: the transfer named, then money paid over

_SPONGE = "jiangsu-jiangsu-2021-sponge-city-transfer"


def test_a_transfer_and_the_money_paid_over_on_a_real_item() -> None:
    # 2021年度中央轉移支付…補助資金(…)3.6億元,省級財政實際撥付3.6億元,資金到位率100% (under a headline ending 資金到位率100%)
    got = item_checks(_SPONGE)
    assert ("arrival_rate", True, "资金到位率: 3.6亿元 ÷ 3.6亿元 = 100.00%, stated 100%") in got
    assert not _failed(got)


def test_a_transfer_and_the_money_paid_over_wrong_on_the_real_item(tmp_path: Path) -> None:
    from jixiao import parse
    from jixiao.extractor.record import build_record

    text = (TEXTS / f"{_SPONGE}.txt").read_text(encoding="utf-8")
    assert text.count("資金到位率100%。") == 1
    p = tmp_path / f"{_SPONGE}.txt"
    p.write_text(text.replace("資金到位率100%。", "資金到位率110%。"), encoding="utf-8")
    got = [(c.rule, c.ok, c.detail) for c in build_record(parse(p), p).checks]
    assert ("arrival_rate", False, "资金到位率: 3.6亿元 ÷ 3.6亿元 = 100.00%, stated 110%") in got


_ARRIVAL = "某省2021年度转移支付绩效自评报告\n二、资金情况\n2021年度中央转移支付城市管网补助资金3.6亿元，省级财政实际拨付3.6亿元，资金到位率{}。\n"


def test_an_arrival_rate_of_a_transfer_right_and_wrong() -> None:
    assert ("arrival_rate", True, "资金到位率: 3.6亿元 ÷ 3.6亿元 = 100.00%, stated 100%") in checks_of_text(
        _ARRIVAL.format("100%")
    )
    assert ("arrival_rate", False, "资金到位率: 3.6亿元 ÷ 3.6亿元 = 100.00%, stated 90%") in checks_of_text(
        _ARRIVAL.format("90%")
    )


# ---------------------------------------------------------------- a 自评表 one cell a line, its notes in the total row


_FORM = "sichuan-qingshen-2023-wage-expenditure-self-table"


def test_a_form_with_its_notes_in_the_total_row_on_a_real_item() -> None:
    # 总额 | 238.93 | 251.89 | 251.89 | 100.00% | 10 | (blank) | 1.预算执行率=预算执行数/调整后预算数,… | 其中:财政资金 | 238.93 | …
    got = item_checks(_FORM)
    assert ("execution_rate", True, "预算执行率: 251.89 ÷ 251.89 = 100.00%, stated 100.00%") in got
    assert ("execution_rate", True, "预算执行率 (其中:财政资金): 251.89 ÷ 251.89 = 100.00%, stated 100.00%") in got
    assert ("table_sum", True, "预算执行数 (总额): 251.89 + 0.00 + 0.00 = 251.89, stated 251.89") in got
    assert not _failed(got)


def _form(rate: str) -> str:
    text = (TEXTS / f"{_FORM}.txt").read_text(encoding="utf-8")
    first = text.index("100.00% |")
    return text[:first] + rate + text[first + len("100.00%") :]


def test_a_form_total_row_with_blank_cells_after_its_rate_said_wrong() -> None:
    got = checks_of_text(_form("100.01%"))
    assert ("execution_rate", False, "预算执行率: 251.89 ÷ 251.89 = 100.00%, stated 100.01%") in got
    assert not _failed(checks_of_text(_form("100.00%")))


# ---------------------------------------------------------------- a score table's total row under tiers read from lines


def _sums(got: list, rule: str, total: str) -> list:
    return [c for c in got if c[0] == rule and c[1] and f"= {total}," in c[2]]


def test_the_total_row_under_line_tiers_on_real_items() -> None:
    # shandong-wucheng: 一级指标 分值 得分 得分率 ⏎ A立项必要性 20 20 100% … E筹资合规性 20 20 100% ⏎ 小计 100 90.5 90.5%
    # The row states the record's own maximum and total, so each sum is checked once (not again for the row).
    got = item_checks("shandong-wucheng-undated-sewage-concession-ex-ante-assessment")
    assert len(_sums(got, "weight_sum", "100")) == 1, got
    assert len(_sums(got, "indicator_sum", "90.5")) == 1, got
    # hainan-danzhou, one cell a line: 效果 ⏎ 15分 ⏎ 15.00分 ⏎ 总分 ⏎ 100 ⏎ 82.97
    got = item_checks("hainan-danzhou-2017-justice-bureau-department-third-party")
    assert len(_sums(got, "weight_sum", "100")) == 1, got
    assert len(_sums(got, "indicator_sum", "82.97")) == 1, got


_TIERS = (
    "某县污水处理项目事前绩效评估报告\n一、评估结论\n评分结果参见下表。\n一级指标 分值 得分 得分率\n"
    "A立项必要性 20 20 100%\nB投入经济性 20 20 100%\nC绩效目标合理性 20 11.5 57.5%\nD实施方案有效性 20 19 95%\n"
    "E筹资合规性 20 20 100%\n{row}\n综合评定,该项目总得分为90.5分。\n"
)


def test_the_total_row_under_line_tiers_right_and_wrong() -> None:
    assert not _failed(checks_of_text(_TIERS.format(row="合计 100 90.5 90.5%")))
    got = checks_of_text(_TIERS.format(row="合计 105 92.5 92.5%"))
    assert ("weight_sum", False, "一级指标 weights (合计): 20 + 20 + 20 + 20 + 20 = 100, stated 105") in got
    assert ("indicator_sum", False, "一级指标 (合计): 20 + 20 + 11.5 + 19 + 20 = 90.5, stated 92.5") in got


def test_no_total_row_check_where_the_next_line_is_a_sentence() -> None:
    # 总分100分，得分90.5分: a sentence, no row of the table (the prose total is checked as before)
    got = checks_of_text(_TIERS.format(row="本次评价总分100分，得分90.5分。"))
    assert not [c for c in got if "(" in c[2] and c[0] in ("weight_sum", "indicator_sum")]
