"""Report date, title, mode and place (issue 8, session 42 helper meta38): genre shapes of the dev half.

The dates: each dev-half item's own signature or cover date, rewritten in the other shapes the genre prints
dates in (separators, full-width digits, Chinese numerals, spaces), must still be read as the same date; a page's
byline or dateline still gives none (tests/devset/README.md: 发布时间 is no report date).
"""

from __future__ import annotations

import pytest
from excerpt_records import TEXTS, devset_dict, record_of_text


def date_of(text: str) -> str | None:
    return record_of_text(text)[1].to_dict()["report_date"]


def reshaped(stem: str, printed: str, shape: str) -> str:
    """The dev item's text with its date as printed (the last time) written in ``shape``."""
    text = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8")
    at = text.rindex(printed)
    return text[:at] + shape + text[at + len(printed) :]


# (dev item, its date as printed, the stated report date)
_SIGNED = [
    # 上海市长宁区民政局 / 2021年5月26日 under a notice, its opinion's text after it
    ("shanghai-changning-2021-elderly-service-centres-operation-evaluation-opinion", "2021年5月26日", "2021-05-26"),
    # 乌拉特中旗财政局 / 2022年3月16日 / 附件1: — the unit the last line before the text's tail
    ("neimenggu-wulatezhongqi-2022-evaluation-management-methods-notice", "2022年3月16日", "2022-03-16"),
    # 附件:…目标表 run into 忠县财政局 on one line, the date under it
    (
        "chongqing-zhongxian-2022-pig-county-reward-fund-allocation-target-table-spam-mirror",
        "2022年1月18日",
        "2022-01-18",
    ),
    # …再评价报告景东彝族自治县财政局2023年12月12日(此件公开发布)。 — a signature run into the text
    ("yunnan-jingdong-2022-rural-minimum-living-reevaluation-notice", "2023年12月12日", "2023-12-12"),
    # 评价机构 : 上海申杰社会组织培育中心 2019 年 6 月 14 日 — a cover flattened into one line
    (
        "shanghai-pudong-tangqiao-2018-residential-renovation-third-party-cover-doc-site",
        "2019 年 6 月 14 日",
        "2019-06-14",
    ),
]


@pytest.mark.parametrize(("stem", "printed", "iso"), _SIGNED)
@pytest.mark.parametrize("shape", ["{y}-{m:02d}-{d:02d}", "{y}.{m}.{d}", "{y}/{m:02d}/{d:02d}"])
def test_a_signing_units_date_with_separators_is_its_date(stem: str, printed: str, iso: str, shape: str) -> None:
    y, m, d = (int(x) for x in iso.split("-"))
    assert date_of(reshaped(stem, printed, shape.format(y=y, m=m, d=d))) == iso


_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    tens, units = divmod(n, 10)
    return _CN[n] if n < 10 else ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


@pytest.mark.parametrize(
    ("stem", "printed", "iso"),
    [
        *_SIGNED[:3],
        # 评价机构名称:中共甘谷县委政法委员会 / 2024年09月 / 报告摘要: a cover's month
        ("gansu-gangu-undated-skynet-video-surveillance-project-self-report-cover", "2024年09月", "2024-09"),
        # 评价机构:上海闻政管理咨询有限公司 / 2018 年 4 月
        ("shanghai-shanghai-2017-patent-subsidy-fund-third-party-report-cover-doc-site", "2018 年 4 月", "2018-04"),
    ],
)
def test_the_same_date_spaced_full_width_or_in_chinese_numerals(stem: str, printed: str, iso: str) -> None:
    y, m, *day = (int(x) for x in iso.split("-"))
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    shapes = [
        f"{y} 年 {m} 月" + (f" {day[0]} 日" if day else ""),
        (f"{y}年{m}月" + (f"{day[0]}日" if day else "")).translate(full),
        "".join(_CN[int(c)] for c in str(y)) + f"年{_cn_number(m)}月" + (f"{_cn_number(day[0])}日" if day else ""),
    ]
    for shape in shapes:
        assert date_of(reshaped(stem, printed, shape)) == iso, shape


def test_a_covers_month_with_a_separator_under_its_firm() -> None:
    # 评价机构:上海闻政管理咨询有限公司 / 2018.04 / 目 录
    stem = "shanghai-shanghai-2017-patent-subsidy-fund-third-party-report-cover-doc-site"
    assert date_of(reshaped(stem, "2018 年 4 月", "2018.04")) == "2018-04"


_BODY = (
    "一、项目基本情况\n该项目年初预算100万元，实际支出95万元，预算执行率95%。\n二、绩效目标完成情况\n项目完成了全部目标。\n"
    "三、存在问题\n无。\n四、下一步措施\n继续加强管理。\n"
)


@pytest.mark.parametrize("label", ["填表日期", "填表时间", "制表日期", "报告完成时间", "报告出具日期", "提交日期"])
def test_a_forms_or_covers_date_in_other_words_of_its_label(label: str) -> None:
    # the dev half prints 填报日期 / 报告日期 / 报告时间 (hubei-ezhou, hunan-yueyang, guizhou-huangguoshu …)
    text = f"XX县2022年道路维护项目绩效评价报告\n评价机构：XX会计师事务所\n{label}：2023年3月5日\n" + _BODY
    assert date_of(text) == "2023-03-05"


@pytest.mark.parametrize(
    "head",
    [
        "发布时间：2023-03-05 10:20\n来源：XX县财政局",  # the page's byline
        "2023-03-05",  # a news item's date under its headline
        "来源：XX县财政局 2023-03-05",  # a byline with its source before the date
        "日期：2023年03月05日  来源：XX县财政局",
        "XX县财政局\n2023-03-05 10:20",  # a portal's banner, then the page's time stamp
    ],
)
def test_a_pages_byline_or_dateline_is_no_report_date(head: str) -> None:
    assert date_of("XX县财政局开展2022年度重点绩效评价\n" + head + "\n" + _BODY) is None


def test_an_indicators_deadline_is_no_report_date() -> None:
    # 完成时间 is an indicator's (anhui-yuan: 完成时间为2022年12月30日): no label of the report's date
    text = "XX县2022年道路维护项目绩效自评表\n完成时间：2022年12月30日\n" + _BODY
    assert date_of(text) is None


@pytest.mark.parametrize(
    "stem",
    [
        # 西坪镇、…人民政府: / …现下达… / 安溪县水利局 / 2023年3月20日 / … / 附件2 / 2022年…绩效目标表
        "fujian-anxi-2022-provincial-water-fund-seventh-batch-allocation-target-table",
        "chongqing-zhongxian-2022-pig-county-reward-fund-allocation-target-table-spam-mirror",
        "neimenggu-wulatezhongqi-2022-evaluation-management-methods-notice",
    ],
)
def test_an_annex_caption_after_the_letters_signature_is_no_title(stem: str) -> None:
    assert devset_dict(stem)["title"] is None


def test_a_letters_own_heading_stays_its_title_over_its_annex() -> None:
    text = (
        "关于下达2022年省级水利专项资金的通知\n各乡镇人民政府:\n现下达2022年省级水利专项资金100万元,用于小型水利工程建设。\n"
        "附件:2022年省级水利专项资金绩效目标表\n安溪县水利局\n2023年3月20日\n附件\n2022年省级水利专项资金绩效目标表\n"
        "项目名称 | 省级水利专项资金\n"
    )
    assert record_of_text(text)[1].to_dict()["title"] == "关于下达2022年省级水利专项资金的通知"


_PAGE_LINKS = (
    "【打印本页】【关闭窗口】\n上一篇：关于开展2023年绩效评价工作的通知\n下一篇：XX县财政局2023年工作计划\n相关链接\n县政府网\n"
    "市财政局\n省财政厅\n财政部\n网站纠错\n分享到：\n微信\n微博\n"
)


def test_a_signature_the_pages_links_push_out_of_the_last_lines() -> None:
    # …公开的通知.pdf / 天水市财政局 / 2022年12月15日, then the page's links and buttons
    stem = "gansu-tianshui-2021-key-evaluation-disclosure"
    text = (TEXTS / f"{stem}.txt").read_text(encoding="utf-8").rstrip("\n") + "\n" + _PAGE_LINKS
    assert date_of(text) == "2022-12-15"
