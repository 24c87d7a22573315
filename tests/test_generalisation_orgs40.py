"""Evaluated unit and evaluator of issue 8, session 44 (orgs40): names a dev-half item states in a shape the
engine did not read, or read where no evaluation was said (tests/devset/texts/), each with a short hand-written
near miss.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_numbered_overview_items_implementing_body_is_the_unit() -> None:
    # 1.项目实施主体:自治区国土资源厅 2.主要内容:… (a project overview's numbered list flattened to one line): the
    # 实施主体 is the unit that spends; the next numbered item (2.主要内容:) ends the value
    _doc, r = devset_record("xinjiang-xinjiang-2017-central-major-geohazard-fund-transfer-evaluation-doc-site")
    assert r.evaluated_unit == "自治区国土资源厅"
    text = (
        "农村公路建设专项资金 2022年度 绩效评价报告 一、项目概述 (一)项目概况 1.项目实施主体:宁远县交通运输局"
        " 2.主要内容:宁远县交通运输局组织实施农村公路建设,改善群众出行条件。 3.立项依据:《公路法》。\n"
    )
    _d, r = record_of_text(text)
    assert r.evaluated_unit == "宁远县交通运输局"
    # near miss: a 主体 that is no body's name (项目实施主体:各乡镇) names no unit
    _d, r = record_of_text(text.replace("项目实施主体:宁远县交通运输局", "项目实施主体:各乡镇"))
    assert r.evaluated_unit is None


def test_a_divisions_short_name_is_given_in_full_where_printed() -> None:
    # the title's 红河州生态环境局 and the body's 红河哈尼族彝族自治州生态环境局 are one body: in full (README: full
    # name as printed)
    _doc, r = devset_record("yunnan-honghe-2021-central-yunnan-city-air-pollution-joint-control-fund-third-party")
    assert r.evaluated_unit == "红河哈尼族彝族自治州生态环境局"
    text = (
        "德宏州财政局2022年度项目支出绩效自评报告\n"
        "我局对2022年度项目支出开展了绩效自评。德宏傣族景颇族自治州财政局印发了管理办法。\n"
    )
    _d, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == ("德宏傣族景颇族自治州财政局", "德宏傣族景颇族自治州财政局")
    # near miss: another division's body with the same organ words is another body — the title's name stays
    _d, r = record_of_text(text.replace("德宏傣族景颇族自治州财政局印发", "楚雄彝族自治州财政局印发"))
    assert (r.evaluated_unit, r.evaluator) == ("德宏州财政局", "德宏州财政局")


def test_a_bureaus_appraisal_of_lower_units_work_is_no_evaluation() -> None:
    # 霍邱县教育局年终对乡镇中心学校的营养餐工作开展民生工程工作考评: a routine appraisal of how schools worked,
    # not an evaluation of the programme's spending — no evaluator, no unit, no mode (both renderings)
    for stem in (
        "anhui-huoqiu-undated-student-nutrition-evaluation-essay-site",
        "anhui-huoqiu-undated-student-nutrition-evaluation-essay-site-trad",
    ):
        _doc, r = devset_record(stem)
        assert (r.evaluated_unit, r.evaluator, r.evaluation_mode) == (None, None, None)
    # near miss: the same bureau evaluating the programme (绩效考评) is its evaluator
    text = "霍邱县教育局年终对乡镇中心学校的营养餐资金开展了绩效考评。考评结果良好。\n"
    _d, r = record_of_text(text)
    assert r.evaluator == "霍邱县教育局"
    _d, r = record_of_text(text.replace("开展了绩效考评", "开展民生工程工作考评"))
    assert r.evaluator is None


def test_a_body_publishing_a_ratings_data_is_its_evaluator() -> None:
    # 浙江省文化和旅游廳發布了2019年度《…保護發展指數評估指標數據》, 排名結果一並出爐: a provincial department rating
    # lower governments (rulings 13, 25a): the evaluator as printed, no mode
    _doc, r = devset_record("zhejiang-zhejiang-2019-intangible-heritage-protection-index-ranking-news-glossed-mirror")
    assert (r.evaluator, r.evaluation_mode) == ("浙江省文化和旅游廳", None)
    text = "日前，江苏省体育局发布了2022年度《江苏省公共体育服务评价结果》，各设区市排名结果一并出炉。\n"
    _d, r = record_of_text(text)
    assert r.evaluator == "江苏省体育局"
    # near miss: a body publishing data that rates nothing (《…统计数据》) evaluated nothing
    _d, r = record_of_text(text.replace("评价结果", "统计数据").replace("，各设区市排名结果一并出炉", ""))
    assert r.evaluator is None


def test_a_body_said_to_have_checked_the_writers_work_is_not_the_writer() -> None:
    # 我局 … 此项工作已全面完成,并经市统计局和市重点民生实事办公室评估认定: the only 局 named checked the work, it did
    # not write — the writer speaks only as 我局 (ruling 3)
    _doc, r = devset_record("hunan-unnamed-undated-rural-dilapidated-housing-self-report-essay-site")
    assert (r.evaluated_unit, r.evaluator) == (None, None)
    text = "我局对2022年度农村危房改造项目开展了绩效自评。改造任务已全面完成,并经市统计局评估认定。\n"
    _d, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == (None, None)
    # near miss: the same bureau named without 经 is the one body the pronoun can be
    _d, r = record_of_text(text.replace("并经市统计局评估认定", "市住建局负责实施"))
    assert (r.evaluated_unit, r.evaluator) == ("市住建局", "市住建局")


def test_a_projects_central_builder_is_not_the_unit() -> None:
    # 项目集中建设单位为省公建中心 … 学校作为项目使用与接收的主体: the agency that builds for the unit that uses it is not
    # the unit evaluated (the school's name is not printed: null)
    _doc, r = devset_record("jiangsu-jiangsu-undated-university-lab-building-special-bond-self-report-mirror")
    assert (r.evaluated_unit, r.evaluator) == (None, None)
    text = "实验楼建设项目绩效自评报告\n本项目实行集中建设,项目集中建设单位为省公建中心。项目进展顺利。\n"
    _d, r = record_of_text(text)
    assert r.evaluated_unit is None
    # near miss: the project's own 建设单位 is the unit that spends
    _d, r = record_of_text(text.replace("项目集中建设单位为", "项目建设单位为"))
    assert r.evaluated_unit == "省公建中心"


def test_the_central_government_cited_is_never_the_writer() -> None:
    # 国务院关于进一步做好城镇棚户区…的意见明确要求 (a cited policy, its brackets lost): its issuer does not write
    _doc, r = devset_record("shandong-shandong-2017-urban-affordable-housing-fund-evaluation-doc-site")
    assert r.evaluated_unit is None


def test_a_headlines_body_evaluating_in_another_place_is_the_evaluator_not_the_unit() -> None:
    # 省政府参事室在秦安开展政策性农业保险财政资金绩效评价工作: the counsellors' office evaluates 秦安's spending — the
    # evaluator as printed, not the unit, no mode (rulings 13, 25a); not its division 咨询业务处 named in the body
    _doc, r = devset_record("gansu-qinan-undated-agri-insurance-counsellors-office-evaluation-news")
    assert (r.evaluator, r.evaluated_unit, r.evaluation_mode) == ("省政府参事室", None, None)
    # the same headline shape with a bureau: the evaluator, no unit
    text = "省林业厅在会宁县开展林业补助资金绩效评价工作\n近日,省林业厅评价组来到会宁县,听取了汇报。\n"
    _d, r = record_of_text(text)
    assert (r.evaluator, r.evaluated_unit) == ("省林业厅", None)
