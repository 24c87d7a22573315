"""Where the programme evaluated starts and ends, and when there is none (issue 8, session programme37).

- The rules an evaluation follows, named by the programme they are for (…救助工作绩效评价指标和评价标准, …资金绩效
  评价办法): the programme is the name before them, as before a report's words (``program.kind_words``); a
  national document's "every province" (省(自治区、直辖市)…, 各省(区、市)…) is the place, cut as a province's name
  leading the programme is (``program.every_province``, ruling 5).
- A page announcing how one fund was used (现将2020年福州市体育彩票公益金筹集、使用情况公告如下) names that fund as an
  evaluation's report names its programme (``program_body``).
- The body saying the evaluation or its money covers several projects (这次绩效评价包括…4个林业项目, …转移支付涉及两类
  项目，分别是…): ruling 5 — several evaluated, so a programme only the body's sentences name is read as none
  (``program.several_in_body``); a title's or a form's programme stands.
- A year's programme by its short name between 对 and the act of evaluating it (对我区2022年基本公卫进行现场绩效评价):
  the year before and 进行/开展…绩效评价 right after fence the name, which need not end in a programme's noun.
- A quoted name with the programme's noun after the marks, right before its evaluation (“全面改薄”建设项目事后绩效评价,
  “四好农村公路”建设工程绩效自评): marks and noun both kept (ruling 18), the noun saying where the name ends.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from excerpt_records import record_of_text

from jixiao import parse
from jixiao.extractor.record import build_record
from jixiao.extractor.record.programmes import program_name

TEXTS = Path(__file__).parent / "devset" / "texts"


def _program(stem: str) -> str | None:
    return build_record(parse(TEXTS / f"{stem}.txt")).to_dict()["program"]


@pytest.mark.parametrize(
    ("stem", "program"),
    [
        (
            "national-2016-basic-living-assistance-evaluation-indicators-notice-civil-affairs-mirror",
            "困难群众基本生活救助",
        ),
        ("fujian-fuzhou-2020-sports-lottery-public-welfare-fund-use-announcement", "体育彩票公益金"),
        ("hunan-loudi-2013-forestry-special-funds-self-evaluation-news", None),
        ("neimenggu-bayannaoer-2023-soil-air-pollution-transfer-self-report", None),
        ("hebei-unnamed-2022-basic-public-health-onsite-evaluation-news", "基本公卫"),
        ("henan-lankao-2016-school-improvement-ex-post-evaluation-news-spun", "“全面改薄”建设"),
        ("hunan-guiyang-undated-four-good-rural-roads-self-report-doc-site", "“四好农村公路”建设工程"),
    ],
)
def test_dev_items(stem: str, program: str | None) -> None:
    assert _program(stem) == program


@pytest.mark.parametrize(
    ("title", "program"),
    [
        ("2016年度省(自治区、直辖市)困难群众基本生活救助工作绩效评价指标和评价标准", "困难群众基本生活救助"),
        ("各省(区、市)农村危房改造补助资金绩效评价办法", "农村危房改造补助资金"),
        ("城乡居民基本医疗保险补助资金绩效评价实施细则", "城乡居民基本医疗保险补助资金"),
        # near misses: rules with no evaluation word keep their words; a province named as such is cut as before
        ("广东省少数民族发展资金绩效评价报告", "少数民族发展资金"),
    ],
)
def test_rules_named_by_their_programme(title: str, program: str) -> None:
    assert program_name(title) == program


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "根据《彩票公益金管理办法》的要求,现将2023年某市体育彩票公益金筹集、使用情况公告如下。\n一、销售情况\n",
            "体育彩票公益金",
        ),
        ("现将2022年度残疾人事业发展补助资金分配使用情况公示如下:\n一、资金分配情况\n", "残疾人事业发展补助资金"),
    ],
)
def test_a_funds_use_announced_names_it(text: str, program: str) -> None:
    _doc, r = record_of_text(text)
    assert r.program == program


@pytest.mark.parametrize(
    "text",
    [
        "近日,市林业局组织开展了2013年度林业项目财政专项资金绩效评价工作。\n"
        "这次绩效评价包括森林生态效益补偿、造林绿化和森林防火3个林业项目,涉及专项资金516.4万元。\n",
        "我市2023年度中央专项资金转移支付涉及两类项目,分别是:水污染防治类和大气污染防治类。\n"
        "中央下达我市水污染防治资金共1737万元。\n",
    ],
)
def test_several_projects_in_the_body_leave_no_programme(text: str) -> None:
    _doc, r = record_of_text(text)
    assert r.program is None


def test_one_programme_with_several_sites_is_still_named_by_its_title() -> None:
    # near miss: the title names the programme; the body's list of its projects does not unsay it
    text = "2022年度农村公路养护资金绩效评价报告\n一、项目概况\n该资金涉及3个项目,分别为…\n"
    _doc, r = record_of_text(text)
    assert r.program == "农村公路养护资金"


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("2023年3月,市财政局对我县2022年城乡低保进行现场绩效评价。\n", "城乡低保"),
        ("近日,省考核组对2021年度农村改厕开展了重点绩效评价。\n", "农村改厕"),
        # near misses: the unit's whole spending, and a batch of projects, are no programme
        ("县财政局对我局2022年度部门整体支出进行绩效评价。\n", None),
        ("县财政局对2022年度项目资金进行绩效评价。\n", None),
    ],
)
def test_a_short_name_fenced_by_its_year_and_the_act(text: str, program: str | None) -> None:
    _doc, r = record_of_text(text)
    assert r.program == program


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "近日,县财政局对我县“雨露计划”培训补助资金绩效评价结果进行了通报。\n现将“雨露计划”培训补助资金绩效自评如下:\n",
            "“雨露计划”培训补助资金",
        ),
        ("现将“农村清洁工程”建设项目绩效自评情况报告如下:\n", "“农村清洁工程”建设"),
    ],
)
def test_a_quoted_name_with_its_noun_after_the_marks(text: str, program: str) -> None:
    _doc, r = record_of_text(text)
    assert r.program == program
