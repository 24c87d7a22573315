"""Which words are the programme, and where the title starts (issue 8, session 29, prog24): a bond's
channel (专项债券) and money named by its kind of payment (奖励资金) name no programme; a programme in
brackets after 自评结果 is that bracketed name; a zone and the district it is (高新区(江海区)) is a place;
a column's header under 项目名称 in a list of projects is no value; a unit's short name in brackets may
stand before 实施的 in 对…实施的XX项目开展评价; a news item names its programme where it says the
evaluation's results were announced; a cover's programme line run into its title is not the title.

Each class is asserted on the development-set items it comes from (against their hand-written
expectations) and on invented text in the genre's shapes, with near misses.
"""

from __future__ import annotations


import pytest
from devset_compare import stated
from excerpt_records import dev_record, evidence, record_of_text, same_programme

from jixiao.extractor.record.view import squash_fold


@pytest.mark.parametrize(
    "stem",
    [
        "yunnan-baoshan-2021-propaganda-dept-culture-fund",  # …項目績效自評結果(文化發展及精品創作經費)
        "guangdong-guangdong-2010-2011-mineral-conservation",  # 对奖励资金的使用情况进行评价: no rival
        "hunan-shaoshan-undated-seventh-census",  # 对韶山市统计局(以下简称“市统计局”)实施的…
        "zhejiang-wuxing-2014-small-farmland-water",  # 通报了…小型农田水利重点县建设绩效考评结果
        "zhejiang-zhejiang-undated-agricultural-water-price",  # 公佈全省農業水價綜合改革工作年度績效評價結果
        "guizhou-huangguoshu-2023-village-cadre-pay",  # the cover's programme line over its title
        "anhui-xuancheng-2021-earthquake-prevention",  # a form's cell over the form's heading (…自评表)
    ],
)
def test_the_programme_of_dev_items_is_the_one_they_state(stem: str) -> None:
    it, rec = dev_record(stem)
    assert same_programme(rec["program"], stated(it.expected, "program"))


@pytest.mark.parametrize(
    "stem",
    [
        "shanxi-yanggao-2024-key-evaluation-results-notice",  # 项目名称 over a column's header 预算资金(万元)
        "guangdong-jianghai-undated-key-evaluation-work-summary",  # 高新区(江海区)预算绩效工作开展情况说明
        "zhejiang-jiaxinggang-undated-special-bond",  # 浙江省地方政府专项债券项目资金绩效评价报告
    ],
)
def test_dev_items_that_name_no_programme_get_none(stem: str) -> None:
    it, rec = dev_record(stem)
    assert stated(it.expected, "program") is None
    assert rec["program"] is None


@pytest.mark.parametrize(
    "stem",
    [
        "guizhou-huangguoshu-2023-village-cadre-pay",  # XX镇人民政府2023年村干部报酬项目村干部报酬项目 / 绩效评价报告
        "hunan-shaoshan-undated-seventh-census",  # …资料,最终形成评价报告,现将…: no title
    ],
)
def test_the_title_of_dev_items_is_the_one_they_state(stem: str) -> None:
    it, rec = dev_record(stem)
    want = stated(it.expected, "title")
    assert (rec["title"] is None) if want is None else squash_fold(rec["title"] or "") == squash_fold(want)


@pytest.mark.parametrize(
    "title",
    [
        "浙江省地方政府专项债券项目资金绩效评价报告",
        "江苏省政府专项债券项目绩效自评价报告",
        "2022年专项债券项目资金绩效评价报告",
    ],
)
def test_a_bonds_channel_names_no_programme(title: str) -> None:
    _doc, r = record_of_text(title + "\n一、基本情况\n")
    assert r.program is None


def test_a_programme_named_before_the_bond_stays() -> None:
    # near miss: the project the bond paid for is named
    doc, r = record_of_text("澧县2022年城区供水管网改造专项债券项目绩效评价报告\n一、基本情况\n")
    assert r.program is not None and "城区供水管网改造" in r.program
    evidence(doc, r, "program")


def test_a_programme_in_brackets_after_the_results_words_is_that_name() -> None:
    doc, r = record_of_text("中共澧县县委宣传部2021年度项目绩效自评结果(文化发展及精品创作经费)\n一、基本情况\n")
    assert r.program == "文化发展及精品创作经费"
    assert evidence(doc, r, "program") == "文化发展及精品创作经费"


def test_a_zone_and_its_district_is_no_programme() -> None:
    _doc, r = record_of_text("高新区(江海区)预算绩效工作开展情况说明\n一、基本情况\n")
    assert r.program is None


def test_a_zones_project_stays() -> None:
    # near miss: the zone's project is named after it
    _doc, r = record_of_text("澧县高新区(澧阳街道)污水管网建设项目绩效评价报告\n一、基本情况\n")
    assert r.program is not None and "污水管网建设" in r.program


@pytest.mark.parametrize(
    ("sentence", "programme"),
    [
        (
            "近日，省财政厅、省水利厅通报了2014年度第四批至第六批全省小型农田水利重点县建设绩效考评结果。",
            "小型农田水利重点县建设",
        ),
        ("近日，省水利厅等4部门公布全省农业水价综合改革工作年度绩效评价结果。", "农业水价综合改革"),
    ],
)
def test_a_news_item_names_the_programme_whose_results_were_announced(sentence: str, programme: str) -> None:
    doc, r = record_of_text(sentence + "\n澧县获得优秀等次。\n")
    assert r.program == programme
    assert evidence(doc, r, "program") == programme


@pytest.mark.parametrize(
    "sentence",
    ["近日，县财政局通报了2023年度部门整体支出绩效评价结果。", "近日，县财政局公布了2022年度财政重点绩效评价结果。"],
)
def test_a_batchs_results_name_no_programme(sentence: str) -> None:
    _doc, r = record_of_text(sentence + "\n澧县获得优秀等次。\n")
    assert r.program is None


def test_money_named_by_its_kind_of_payment_is_no_programme() -> None:
    _doc, r = record_of_text("评价组对奖励资金的使用情况进行评价。\n")
    assert r.program is None


def test_a_unit_with_its_short_name_before_what_it_carries_out() -> None:
    text = (
        "湖南某某会计师事务所接受澧县财政局的委托，对澧县统计局(以下简称“县统计局”)实施的2020年度"
        "第七次全国人口普查项目支出开展绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "第七次全国人口普查"
    assert evidence(doc, r, "program") == "第七次全国人口普查"


@pytest.mark.parametrize(
    "title", ["澧县2022年耕地地力保护补贴资金绩效运行监控报告", "澧县2022年度耕地地力保护补贴资金绩效监控情况报告"]
)
def test_a_monitoring_report_names_its_programme_as_an_evaluation_does(title: str) -> None:
    doc, r = record_of_text(title + "\n一、基本情况\n")
    assert r.program == "耕地地力保护补贴资金"
    assert evidence(doc, r, "program") == "耕地地力保护补贴资金"


def test_monitoring_in_a_programmes_own_name_stays() -> None:
    # near miss: 监控 not after 绩效 is the programme's word
    _doc, r = record_of_text("澧县2022年度视频监控建设项目绩效评价报告\n一、基本情况\n")
    assert r.program == "视频监控建设"


@pytest.mark.parametrize("column", ["预算绩效管理", "信息公开"])
def test_a_site_column_name_before_the_title_on_its_line_is_no_part_of_it(column: str) -> None:
    title = "澧县2022年度耕地地力保护补贴资金绩效自评报告"
    doc, r = record_of_text(f"{column} {title}\n发布时间：2023-05-06\n一、基本情况\n")
    assert r.title == title
    assert evidence(doc, r, "title") == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "澧县农业农村局 2022年度耕地地力保护补贴资金绩效自评报告",
            "澧县农业农村局2022年度耕地地力保护补贴资金绩效自评报告",
        ),
        ("澧县人民医院 2021年度部门整体支出绩效评价报告", "澧县人民医院2021年度部门整体支出绩效评价报告"),
        ("耕地地力保护 2022年度补贴资金绩效自评报告", "耕地地力保护2022年度补贴资金绩效自评报告"),
    ],
)
def test_a_unit_or_programme_before_the_year_is_the_titles(line: str, title: str) -> None:
    # near miss: words apart by a space that are the title's own
    _doc, r = record_of_text(line + "\n一、基本情况\n")
    assert r.title == title


def test_a_forms_cell_outranks_the_forms_heading() -> None:
    # near miss: the heading is a form's (…自评表), whose cell names the programme in full
    text = "澧县2022年度防震减灾项目支出绩效自评表\n项目名称：防震减灾综合保障\n主管部门：澧县应急管理局\n"
    _doc, r = record_of_text(text)
    assert r.program == "防震减灾综合保障"
