"""Generalisation of the short metadata fields (issue 8, session 25): the place, the kind and the mode
read by general rules from shapes the genre prints — invented sentences in the way such reports state
them (bench/genre_variants.py holds more), not text copied from the development set."""

from __future__ import annotations

from excerpt_records import evidence, record_of_text

from jixiao.extractor.record.jurisdiction import own_level


def _place(record) -> tuple[str | None, str | None]:
    return record.jurisdiction.adcode, record.jurisdiction.name


def _warnings(record, field: str) -> list[str]:
    return [w for w in record.warnings if w.startswith(field)]


# ---------------------------------------------------------------- the place: page chrome (ruling 16)
def test_a_publisher_field_names_no_place() -> None:
    text = (
        "发布机构：澧县财政局\n2022年度农村公路养护资金绩效自评报告\n一、基本情况\n"
        "为改善我县农村公路通行条件，我县安排养护资金500万元。\n"
    )
    _doc, r = record_of_text(text)
    assert _place(r) == (None, None)


def test_a_source_field_names_no_place_but_the_body_still_does() -> None:
    chrome = "来源：澧县交通运输局  发布时间：2023-05-20\n农村公路养护资金绩效自评报告\n一、项目基本情况\n"
    _doc, r = record_of_text(chrome + "我县共有农村公路1200公里。\n")
    assert _place(r) == (None, None)
    doc, r = record_of_text(chrome + "2022年，临澧县共安排农村公路养护资金500万元。\n")
    assert _place(r) == ("430724", "临澧县")
    assert evidence(doc, r, "jurisdiction") == "临澧县"


def test_a_unit_evaluated_names_the_place_whoever_publishes_the_page() -> None:
    text = "发布机构：湖南省交通运输厅\n2022年度农村公路养护资金绩效自评报告\n项目单位：澧县交通运输局\n"
    _doc, r = record_of_text(text)
    assert r.jurisdiction.adcode == "430723"


# ---------------------------------------------------------------- the place: 我县 and what encloses it
def test_own_level_is_the_level_a_document_calls_itself_by_most() -> None:
    assert own_level("我县共有农村公路1200公里，我县安排资金。根据我省要求") == ("county", "我县")
    assert own_level("本旗牧区公路") == ("county", "本旗")
    assert own_level("我省共安排资金") == ("province", "我省")
    assert own_level("我区共有") is None  # 我区 fixes no level (a district or an autonomous region)
    # 我市 fixes a ceiling, a prefecture or a county-level city (meta24: lies_above)
    assert own_level("我市共安排资金，我区共有") == ("city", "我市")


def test_a_county_report_naming_only_its_province_gives_no_place() -> None:
    text = (
        "农村公路养护资金绩效自评报告\n根据《湖南省财政厅关于开展2022年度绩效自评工作的通知》要求，"
        "我县对农村公路养护资金开展了自评。我县共安排资金500万元。\n"
    )
    _doc, r = record_of_text(text)
    assert _place(r) == (None, None)
    assert any("我县" in w and "430000" in w for w in _warnings(r, "jurisdiction"))


def test_a_county_report_naming_only_its_prefecture_gives_no_place() -> None:
    text = "农村公路养护资金绩效自评报告\n一、基本情况\n2022年常德市下达我县农村公路养护资金500万元，我县全部拨付到乡镇。\n"
    _doc, r = record_of_text(text)
    assert _place(r) == (None, None)


def test_a_county_report_naming_its_county_keeps_it() -> None:
    text = (
        "农村公路养护资金绩效自评报告\n一、基本情况\n2022年，澧县共安排农村公路养护资金500万元，我县全部拨付到乡镇。\n"
    )
    _doc, r = record_of_text(text)
    assert r.jurisdiction.adcode == "430723"


def test_a_prefecture_named_by_a_prefecture_report_is_read() -> None:
    text = "农村公路养护资金绩效自评报告\n一、基本情况\n2022年，常德市本级安排农村公路养护资金500万元，常德市交通运输局负责实施。\n"
    _doc, r = record_of_text(text)
    assert r.jurisdiction.adcode == "430700"


# ---------------------------------------------------------------- the place: rivals in the body
def test_two_counties_side_by_side_in_the_body_leave_the_place_null() -> None:
    text = "农村公路养护资金绩效评价报告\n一、基本情况\n项目涉及澧县、桃源县两地，共养护公路300公里。\n"
    _doc, r = record_of_text(text)
    assert _place(r) == (None, None)
    (w,) = [w for w in _warnings(r, "jurisdiction") if "conflicting" in w]
    assert "澧县" in w and "桃源县" in w


def test_a_county_named_with_its_prefecture_is_no_rival_of_it() -> None:
    text = "农村公路养护资金绩效自评报告\n一、基本情况\n常德市澧县2022年共安排农村公路养护资金500万元，澧县交通运输局负责实施。\n"
    _doc, r = record_of_text(text)
    assert r.jurisdiction.adcode == "430723"


# ---------------------------------------------------------------- the place: a blanked title
def test_a_title_s_bare_province_word_in_a_masked_copy_withholds_the_place() -> None:
    filler = "项目按计划实施，资金按进度拨付，养护质量稳步提升。" * 20  # (the mask far from the title)
    text = f"省农村公路养护资金绩效评价报告\n一、基本情况\n{filler}\n某某省交通运输厅安排资金5000万元，项目地点包括长沙市、常德市。\n"
    _doc, r = record_of_text(text)
    assert _place(r) == (None, None)
    assert any("masks its place" in w for w in _warnings(r, "jurisdiction"))


# ---------------------------------------------------------------- the kind and the mode
def test_a_title_naming_its_programme_without_a_project_word_is_a_project() -> None:
    for title, prog in (
        ("2022年度澧县“送戏进万村”绩效评价报告\n一、基本情况\n", "送戏进万村"),
        ("澧县2022年度全民健身活动绩效自评报告\n", "全民健身活动"),
    ):
        _doc, r = record_of_text(title)
        assert (r.report_kind, r.program) == ("project", prog)


def test_a_title_of_a_department_stays_a_department() -> None:
    _doc, r = record_of_text("澧县交通运输局2022年度单位整体支出绩效自评报告\n")
    assert r.report_kind == "department"


def test_a_finance_bureau_s_evaluation_centre_is_the_finance_body() -> None:
    text = (
        "澧县2022年度农村公路养护资金绩效评价报告\n根据县财政局工作安排，县财政局预算绩效评价中心组成评价组，"
        "对该项目开展了重点绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "finance"


# ---------------------------------------------------------------- the report date
def test_a_bare_date_field_on_a_line_of_the_page_s_byline_is_no_report_date() -> None:
    for text in (
        "澧县农村公路养护资金绩效自评报告\n日期：2023年06月01日  来源：澧县交通运输局  浏览次数：120\n一、基本情况\n……\n",
        "澧县农村公路养护资金绩效自评报告\n一、基本情况\n……\n作者：办公室  日期：2023年6月1日  点击：35\n",
    ):
        _doc, r = record_of_text(text)
        assert r.report_date is None


def test_a_bare_date_field_under_the_signing_unit_is_the_report_date() -> None:
    doc, r = record_of_text("澧县农村公路养护资金绩效自评报告\n一、基本情况\n……\n澧县交通运输局\n日期：2023年5月12日\n")
    assert r.report_date == "2023-05-12"
    assert "2023年5月12日" in evidence(doc, r, "report_date")


# ---------------------------------------------------------------- the kind when nothing names it
def test_a_body_that_speaks_of_its_project_is_a_project_by_default() -> None:
    doc, r = record_of_text("一、项目基本情况\n（一）项目概况\n本项目主要用于农村公路日常养护，资金来源为县级财政。\n")
    assert r.report_kind == "project"
    assert evidence(doc, r, "report_kind") == "项目"


def test_several_units_or_a_policy_evaluation_make_no_project_by_default() -> None:
    for text in (
        "一、基本情况\n县财政局对县直3个单位的项目开展了抽查。\n",
        "市财政局对农机购置补贴政策开展政策绩效评价，涉及项目12个。\n",
    ):
        _doc, r = record_of_text(text)
        assert r.report_kind != "project"
    # (session 42: several projects counted, or a policy named in passing, still speak of projects — the
    # development set's notices of N个项目 and news naming 政策 are all read as project: dev items
    # guangdong-jianghai…, hunan-lengshuijiang…, national-2016-straw…, zhejiang-huzhou…)
    for text in (
        "县财政局对12个项目开展了重点绩效评价，现将结果公布如下：\n序号 项目名称 得分\n",
        "一、基本情况\n耕地地力保护补贴政策覆盖全县，项目资金按面积发放。\n",
    ):
        _doc, r = record_of_text(text)
        assert r.report_kind == "project"


def test_a_department_s_whole_spending_evaluated_in_a_sentence_is_a_department() -> None:
    _doc, r = record_of_text("近日，县财政局对县直5个部门2022年度整体支出开展了绩效评价，各部门项目管理规范。\n")
    assert r.report_kind == "department"
