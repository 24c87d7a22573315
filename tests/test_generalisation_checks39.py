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
