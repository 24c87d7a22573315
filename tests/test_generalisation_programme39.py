"""The programme evaluated, read in shapes the engine did not read before (issue 8, session programme39).

- A rules document for one named programme gives that programme (tests/devset/README.md ruling 32), from its
  title as ruling 5 takes a report's title, the rules words (管理办法, 评价办法, 指标体系) cut
  (``program.rules_title`` / ``program.rules_words``): the page still evaluates nothing, so the other fields
  of an evaluation abstain, but the programme read so stands (``keeps`` in ``patterns/evaluates.yaml``).
  Rules for evaluations in general (…财政支出事前绩效评估管理办法) leave no programme's name and give null.
- The whole a document reports on, named with its year and its total (2021年农业生产发展资金合计671037万元): the name
  the writer gives its own money, over other printings of it (…专项转移支付预算: ruling 30; ``program_body``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import parse
from jixiao.extractor.record import build_record

TEXTS = Path(__file__).parent / "devset" / "texts"


def _record(stem: str) -> dict:
    return build_record(parse(TEXTS / f"{stem}.txt")).to_dict()


@pytest.mark.parametrize(
    ("stem", "program"),
    [
        # a method's own heading (困难群众基本生活救助工作绩效评价办法): 工作绩效评价办法 goes
        ("national-undated-basic-living-assistance-work-evaluation-method", "困难群众基本生活救助"),
        # a notice issuing rules (关于印发《汉阴县过渡期统筹整合使用财政涉农资金管理办法》的通知): the quoted name, its
        # place and 管理办法 cut
        ("shaanxi-hanyin-2021-agri-funds-integration-management-method-notice", "过渡期统筹整合使用财政涉农资金"),
        # rules for evaluations in general: no programme
        ("neimenggu-xinganmeng-2021-ex-ante-assessment-methods-notice", None),
    ],
)
def test_rules_document_names_its_programme(stem: str, program: str | None) -> None:
    record = _record(stem)
    assert record["program"] == program
    # (what the page lacks is an act of evaluation: who evaluated stays null)
    assert record["evaluator"] is None


@pytest.mark.parametrize(
    ("stem", "program"),
    [
        # 2021年农业生产发展资金合计671037万元 over the allocation's …专项转移支付预算 (ruling 30's own example)
        ("guangxi-unnamed-2021-agri-production-transfer-report", "农业生产发展资金"),
        # (the same sentence where other rules already read the name: the total's naming agrees)
        ("guangdong-zhuhai-2021-industry-provincial-funds-coded", "省级促进经济高质量发展专项资金"),
        ("guangxi-guangxi-2021-rural-environment-improvement-transfer-self-report", "中央农村环境整治专项资金"),
    ],
)
def test_the_whole_named_with_its_total(stem: str, program: str) -> None:
    assert _record(stem)["program"] == program
