"""The programme evaluated, read in shapes the engine did not read before (issue 8, session programme40).

- A title that sets its year between the programme's name and a generic category heading
  (中央新疆特大型地质灾害防治经费2017年度专项转移支付绩效评价报告): the name ends where the year begins
  (ruling 5: 专项转移支付 is a category heading); a sector before the year (应急管理领域2023年度中央转移支付资金…)
  names no programme and still gives none.
- One fund printed two ways by two of the document's own sentences of equal standing (…资金(草原生态修复治理补助)
  and …草原生态修复治理补助资金): the first printing (ruling 30), not an abstention; a printing a cited
  document's title holds keeps the abstention.
- A fund named …补助 passed down with its year (下达2019年中央财政困难群众救助补助预算指标): fenced by its 预算 as a
  …资金 is by its own end.
- A line that is only a year and a fund, its place and section number before it (一、湖州市区2023年度政府购买公交
  服务资金): a heading naming the money, read weakly when nothing else names it; 市区 after a city is the city.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.programmes import program_name
from jixiao.extractor.record.view import fold

TEXTS = Path(__file__).parent / "devset" / "texts"


def _program(stem: str) -> str | None:
    return build_record(parse(TEXTS / f"{stem}.txt")).to_dict()["program"]


@pytest.mark.parametrize(
    ("stem", "program"),
    [
        # a doc site's cover line: the fund, its year, 专项转移支付绩效评价报告
        (
            "xinjiang-xinjiang-2017-central-major-geohazard-fund-transfer-evaluation-doc-site",
            "中央新疆特大型地质灾害防治经费",
        ),
        # a sector's transfers, several funds: none
        ("yunnan-yunnan-2023-emergency-central-transfers-self-report-spam-mirror", None),
        # 在财政部组织开展的2021年中央财政林业草原生态保护恢复资金(草原生态修复治理补助)重点绩效评价中 before
        # 对2021年中央财政草原生态修复治理补助资金使用情况…进行了综合评价: one fund, the first printing
        (
            "shanxi-2021-grassland-restoration-subsidy-finance-key-evaluation-news",
            "中央财政林业草原生态保护恢复资金(草原生态修复治理补助)",
        ),
        # a research article whose tied printing stands in a cited title (《关于开展国家电子政务工程项目…的意见》)
        ("unknown-undated-digital-government-project-evaluation-research-article", None),
        # 提前下达2019年中央财政困难群众救助补助预算指标绩效目标表: a fund named …补助, fenced by its 预算 (printed in
        # traditional characters with glosses; the value is compared folded)
        ("hebei-handan-2019-difficult-groups-relief-target-tables-doc-site-trad", "中央財政困難群眾救助補助"),
        # 一、湖州市区2023年度政府购买公交服务资金: the heading names the money assessed
        ("zhejiang-huzhou-2023-bus-service-purchase-assessment-notice", "政府购买公交服务资金"),
    ],
)
def test_programme_read_from_the_dev_items(stem: str, program: str | None) -> None:
    got = _program(stem)
    assert (fold(got) if got else got) == (fold(program) if program else program)


@pytest.mark.parametrize(
    ("title", "program"),
    [
        ("中央新疆特大型地质灾害防治经费2017年度专项转移支付绩效评价报告", "中央新疆特大型地质灾害防治经费"),
        ("农村危房改造资金2021年度绩效自评报告", "农村危房改造资金"),
        ("霍邱县2022年度专项转移支付绩效评价报告", ""),
        ("湖州市区2023年度政府购买公交服务资金绩效评价报告", "政府购买公交服务资金"),
    ],
)
def test_program_name_of_a_title(title: str, program: str) -> None:
    assert program_name(title) == program
