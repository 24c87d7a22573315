"""Programme, evaluated unit and evaluator of issue 8, session 42 (names38): names a dev-half item states in a
shape the engine did not read (tests/devset/texts/), each with a short hand-written near miss that must not read.
"""

from __future__ import annotations

from excerpt_records import devset_record, record_of_text


def test_a_fund_named_after_its_amount_and_yongyu_with_its_year_is_the_programme() -> None:
    # 安排20万元用于我市20xx年度地质灾害防治技术服务保障经费 (a collection's sample: no title, no other naming)
    _doc, r = devset_record("guizhou-unnamed-undated-geohazard-technical-support-monitoring-essay-site")
    assert r.program == "地质灾害防治技术服务保障经费"
    # near miss: what the money is for, ending in no programme's noun, names no programme
    _doc, r = record_of_text(
        "一、项目基本情况\n根据2022年度年初预算，安排20万元用于我市2022年度道路日常维护，该资金已拨付。\n"
    )
    assert r.program is None


def test_two_bodies_the_model_reads_as_one_name_are_joint_evaluators_whatever_joins_them() -> None:
    # 近期市中小企业局会同市财政局,对2011年以来…资金…进行绩效评价 (ruling 21: 和, 联合, 会同 all join); the pipeline
    # reads 市中小企业局联合市财政局 and 市中小企业局和市财政局 as one name, a body no text prints
    doc, _r = devset_record("tianjin-2011-building-economy-fund-third-party-evaluation-news-repost")
    for joiner in ("会同", "联合", "和"):
        text = doc.text.replace("市中小企业局会同市财政局", f"市中小企业局{joiner}市财政局")
        _d, r = record_of_text(text)
        assert r.evaluator == "市中小企业局、市财政局", joiner
    # near miss: a body whose own name holds 和 (工业和信息化局, 住房和城乡建设局) is one body
    _d, r = record_of_text("近日，竹山县住房和城乡建设局对2022年农村危房改造资金开展了绩效自评。\n")
    assert r.evaluator == "竹山县住房和城乡建设局"


def test_a_headline_saying_how_the_body_did_its_evaluation_names_no_programme() -> None:
    # strip_action's 县住建局开展2018年度…绩效评价工作 with the adverb a headline puts before the verb
    # (圆满完成, 顺利完成, 全面启动): the words left are the report's, and the body names the programme
    _d, r = record_of_text(
        "竹山县交通运输局圆满完成2022年度绩效自评工作\n"
        "近日，竹山县交通运输局对2022年度农村公路养护资金开展了绩效自评，自评得分92分。\n"
    )
    assert (r.program, r.evaluated_unit) == ("农村公路养护资金", "竹山县交通运输局")
    # near miss: a programme named in the headline after the verb stays the headline's
    _d, r = record_of_text("竹山县交通运输局顺利完成2022年度农村公路养护资金绩效自评工作\n近日，该局完成了自评。\n")
    assert r.program == "农村公路养护资金"


def test_the_body_a_sentence_about_this_project_says_carries_it_out_is_its_unit() -> None:
    # 本项目主要依据《县政府20xx年下达关于县乡公路养护经费纳入财政预算的通知》,由县交通局下达实施 (a sample, no title)
    _doc, r = devset_record("unknown-county-undated-road-maintenance-evaluation-essay-site")
    assert r.evaluated_unit == "县交通局"
    # near miss: the body the same sentence says passes the money down does not carry the project out
    _d, r = record_of_text(
        "一、项目概况\n本项目依据县政府文件设立，由竹山县财政局下达资金。\n二、绩效目标\n养护里程300公里。\n"
    )
    assert r.evaluated_unit != "竹山县财政局"


def test_the_programme_a_sentence_opens_with_as_what_a_body_carries_out() -> None:
    # 中央专项彩票公益金支持乡村学校少年宫项目由中央文明办组织实施 (a lottery news page: no heading, no other naming)
    _doc, r = devset_record("national-2021-rural-school-youth-palace-lottery-fund-performance-news")
    assert r.program == "中央专项彩票公益金支持乡村学校少年宫"
    # near miss: two such subjects are two programmes, and none is read
    _d, r = record_of_text(
        "农村公路养护工程由竹山县交通运输局负责实施。\n高标准农田建设项目由竹山县农业农村局负责实施。\n"
    )
    assert r.program is None


def test_a_name_printed_only_after_a_one_letter_mask_of_its_place_is_withheld() -> None:
    # 在x区城市管理局自评的基础上，评价小组对x区城市管理局2017年度部门预算支出进行了绩效评价 (《xxx市x区财政局…》)
    _doc, r = devset_record("unknown-district-2017-riverside-lighting-streetlight-power-evaluation-essay-site")
    assert r.evaluated_unit is None
    # near miss: the same name printed with no mask before it is the unit as printed
    _d, r = record_of_text(
        "2022年度农村公路养护资金绩效自评报告\n区城市管理局对2022年度农村公路养护资金开展了绩效自评，自评得分92分。\n"
    )
    assert r.evaluated_unit == "区城市管理局"
