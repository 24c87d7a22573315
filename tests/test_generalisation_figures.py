"""Figures (issue 8): the classes of miss and of false figure measured on the development set's
dev half after checks8, each on a short text shaped like the excerpts that showed it, with a near
miss that must not give the figure.

Places, programmes and numbers are varied from the development set's.  ``figures`` (from
tests/test_generalisation_checks.py) also asserts that each figure's span holds its raw quantity.
"""

from __future__ import annotations

from test_generalisation_checks import figures

_TRANSFER_FORM = (
    "中央非物质文化遗产保护资金转移支付绩效目标自评表(2021年度)资金情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)"
)


def test_a_glued_form_row_is_cut_where_its_rate_confirms_it() -> None:
    # 4560 | 4560 | 100% glued: 456045601 | 0 | 0% and 45604560 | 10 | 0% fit the rate as well,
    # but a rate of 0% confirms no cut (0 of anything rounds to 0%)
    figs = figures(_TRANSFER_FORM + "年度资金总额:45604560100%其中:中央财政资金45604560100%地方资金\n")
    assert ("全年预算数", 45600000, "元") in figs and ("全年执行数", 45600000, "元") in figs
    assert ("预算执行率", 1, "%") in figs
    assert not [f for f in figs if f[2] == "%" and f[1] > 10]
    # near miss: when 0% is the only cut there is, it stands (30 | 0 | 0%)
    figs = figures(_TRANSFER_FORM + "年度资金总额:3000%其中:中央财政资金3000%地方资金\n")
    assert ("全年预算数", 300000, "元") in figs and ("全年执行数", 0, "元") in figs
    assert ("预算执行率", 0, "%") in figs


def test_a_label_does_not_start_with_the_unit_of_the_amount_before() -> None:
    # a form's cells run together: 208万元资金使用情况… — 万元 is the unit of 208, not of the next label
    text = (
        "一、基本情况\n"
        "专项名称农村金融发展专项资金资金情况(万元)年度金额(提前下达):316万元"
        "资金使用情况(万元)合计:172.4万元中央财政96万元省级财政76.4万元\n"
    )
    figs = figures(text)
    assert ("中央财政", 960000, "元") in figs and ("省级财政", 764000, "元") in figs
    # near miss: the label's own unit in brackets stays (and the 合计 before the amount: a total, figures34)
    assert ("资金使用情况(万元)合计", 1724000, "元") in figs
    assert not [f for f in figs if f[0].startswith("万元")]


def test_the_abstract_states_figures_and_the_body_restating_one_adds_none() -> None:
    text = (
        "某工业园区污水处理站建设项目绩效评价报告\n"
        "摘要\n"
        "某工业园区污水处理站建设项目于2018年立项，投资总额458万元，项目实际支出金额412万元。评价得分85分，等级为良。\n"
        "一、项目基本情况\n"
        "（一）项目概况\n"
        "项目投资总额458万元，建设污水处理站2座。\n"
        "二、评价结论\n"
        "评价得分85分。\n"
    )
    figs = figures(text)
    assert ("项目实际支出金额", 4120000, "元") in figs
    # near miss: the body's 项目投资总额 restates the abstract's 投资总额: one figure
    assert [f for f in figs if f[1] == 4580000] == [("投资总额", 4580000, "元")]


def test_a_count_of_households_and_people_spaced_by_the_converter_is_no_row_of_values() -> None:
    # 615 户 2738 人: a converter that spaces every number is not a table's row (100% 98% 10 10),
    # so the figures of its sentence stay
    text = (
        "一、项目基本情况\n"
        "2022 年,我县地质灾害隐患点共 412 处,威胁总户数 615 户 2738 人、 威胁财产 5230 万元。\n"
        "资金到位率 100 % 98 % 10 10\n"
    )
    figs = figures(text)
    assert ("威胁总户数", 615, "户") in figs and ("威胁财产", 52300000, "元") in figs
    # near miss: spaced values of one unit are still a row of values, not figures
    assert not [f for f in figs if f[2] == "%"]


def test_a_count_of_people_named_by_the_noun_after_it_is_no_labelled_figure() -> None:
    # 为35.2万名…居民发放: the number counts the residents after it; nothing before it labels it
    text = (
        "一、基本情况\n"
        "截至2023年底，全市为35.2万名符合条件的城乡老年居民按时足额发放基础养老金。"
        "全市城乡居民养老保险参保居民81.6万人。\n"
    )
    figs = figures(text)
    assert not [f for f in figs if f[1] == 352000]
    # near miss: residents named before the number label it
    assert [f for f in figs if f[1] == 816000 and f[2] == "人"]


def test_a_table_copied_as_text_takes_its_caption_scale_and_a_merged_total_row_its_columns() -> None:
    # 单位:万元 on the caption line; 合计 spans 序号 | 支出方向 | 政策任务, so its three values sit
    # under the three columns the rows above hold numbers in (额度 names money)
    text = (
        "一、基本情况\n"
        "（一）专项资金安排情况\n"
        "表1 某市2022年度省级专项资金安排情况表 单位:万元\n"
        "序号 | 支出方向 | 政策任务 | 预算额度 | 调整额度 | 实际安排额度 | 资金下达文件 |\n"
        "1 | A1.企业技术改造 | A101.技术改造奖补 | 420.00 | 35.50 | 455.50 | 注1 |\n"
        "2 | A2.中小企业发展 | A201.中小企业公共服务 | 180.00 | 180.00 | |\n"
        "合计 | 600.00 | 35.50 | 635.50 |\n"
        "（二）资金使用情况\n"
        "表2 资金使用情况表 单位:万元\n"
        "项目 | 预算数 | 执行数 |\n"
        "培训经费 | 12 | 11 |\n"
        "合计 | 30 | 28 |\n"
    )
    figs = figures(text)
    assert ("预算额度", 6000000, "元") in figs and ("调整额度", 355000, "元") in figs
    assert ("实际安排额度", 6355000, "元") in figs
    assert not [f for f in figs if f[0] in ("支出方向", "政策任务")]
    # near miss: a total row with a cell per column stays where it is
    assert ("预算数", 300000, "元") in figs and ("执行数", 280000, "元") in figs
    assert ("培训经费 预算数", 120000, "元") in figs


def test_counts_after_words_of_goals_achieved_are_indicator_results() -> None:
    # jiangxi-quannan (dev): the basic situation's counts are figures; after (一)…项目目标完成情况 the
    # paragraph reports what the indicators achieved (群测群防员95名, 596人次) — no figures
    text = (
        "一、基本情况\n"
        "我县地质灾害隐患点共 571 处,其中:崩塌 76 处、滑坡 487 处,威胁财产 6671 万元。"
        "二、项目执行情况 (一)2021 年 12 月 31 日项目目标完成情况 1.截止到 2021 年 12 月 31 日,"
        "地质灾害重点村全部配 备群测群防员 95 名,安排了主汛期及非主汛期现场巡查, 组织人员 596 人次进行隐患点实地排查。"
        "落实地质灾害防治 群测群防员 99 人。\n"
    )
    figs = figures(text)
    assert [f for f in figs if f[1] == 571 and f[2] == "处"]
    assert [f for f in figs if f[1] == 66710000 and f[2] == "元"]
    assert not [f for f in figs if f[1] in (95, 596, 99)]
    # hunan-lingling (dev) form: 年度总体目标 预期目标 实际完成情况 1:…接种率290% is a goal's result
    text = (
        "一、基本情况\n"
        "年度总体目标预期目标实际完成情况1:适龄儿童国家免疫规划接种率290%。"
        "2:减少艾滋病新发感染,降低艾滋病病死率,暗娼、男性同性性行为人群艾滋病检测比例70%\n"
    )
    assert not [f for f in figures(text) if f[2] == "%"]


def test_amounts_and_their_rate_after_words_of_goals_achieved_stay_figures() -> None:
    # near miss, neimenggu-zhalantun (dev): under 绩效目标完成情况 the funds and the rate of the amount
    # its sentence states (实际支出2700万元，完成率90%) are figures
    text = (
        "一、基本情况\n"
        "二、绩效目标完成情况分析 数量指标:建设产业园综合管理服务中心、产业园专家工作站、大数据中心等8个项目,"
        "年度指标值3000万元,实际支出2700万元,完成率90%。\n"
    )
    figs = figures(text)
    assert ("实际支出", 27000000, "元") in figs
    assert ("完成率", 0.9, "%") in figs


def test_cells_under_a_form_header_of_goals_achieved_are_indicator_results() -> None:
    # anhui-huoshan and sichuan-chaotian (dev), 转移支付 forms copied as text: the line under
    # 总体目标完成情况 | 总体目标 | 全年实际完成情况 holds the goal and what was achieved, no figures
    header = "总体目标完成情况 | 总体目标 | 全年实际完成情况 | |||||\n"
    text = (
        "一、基本情况\n"
        "支出责任履行情况 | 资金支出责任履行到位 | 暂无 | |||||\n"
        + header
        + "通过医疗救助的实施将改善困难群众就医待遇,更好的确保困难群众不因罹患重特大疾病影响基本生活。"
        " | 2024年度医疗救助惠及11万人次,完成了预期目标,强化了基本医疗保险、大病保险、医疗救助综合保障水平。 | ||||||\n"
    )
    assert not [f for f in figures(text) if f[1] == 110000]
    text = (
        "一、基本情况\n" + header + "新建全民健身中心1个,总建筑面积6500平方米,配套室外健身场地。"
        " | 2023年完成前期工作,完成可行性研究、项目设计。 | ||||||\n"
    )
    assert not [f for f in figures(text) if f[1] == 1 and f[2] == "个"]
    # near miss: under a header that is no goals' (支出责任履行情况 | …) the same count is a figure
    text = "一、基本情况\n支出责任履行情况 | 资金支出责任履行到位 | 暂无 | |||||\n2024年度医疗救助惠及11万人次,完成了预期目标。\n"
    assert [f for f in figures(text) if f[1] == 110000]


def test_a_quantity_after_da_dao_is_reached_not_the_end_of_a_range() -> None:
    # hunan-yongxing (dev): 达到 (reached) before the amount is a link word, not the 到 that ends a range
    text = "一、基本情况\n实现了新的突破,全年度各险种总保费达到4435.53万元。\n"
    assert [f for f in figures(text) if f[1] == 44355300 and f[0].endswith("总保费")]
    # near miss: the end of a range (从100元到1500元) stays no figure
    text = "一、基本情况\n发放补助金额从100元到1500元。\n"
    assert not [f for f in figures(text) if f[1] == 1500]


def test_amounts_in_a_conclusion_are_figures_its_counts_are_not() -> None:
    # a 医保中心 department self-evaluation (dev): the funds are stated under (二)项目支出绩效自评结果 (a
    # conclusion, ruling 9) — its amounts are figures; its counts of projects per grade are results
    text = (
        "一、部门基本情况\n本中心内设科室5个。\n"
        "(二)项目支出绩效自评结果。\n"
        "1.项目绩效自评总体情况:我部门及所属二层单位2024年度\n"
        "项目21个,项目支出总额656.93万元。其中,本级项目8个,本\n"
        "级项目支出385.58万元;对下转移支付项目0个,对下转移支付0\n"
        "万元。\n"
    )
    figs = figures(text)
    assert [f for f in figs if f[1] == 6569300 and f[0].endswith("项目支出总额")]
    assert [f for f in figs if f[1] == 3855800]
    # near miss: the counts stay out
    assert not [f for f in figs if f[2] == "个" and f[1] in (21, 8)]


def test_the_subsections_of_a_section_of_targets_are_targets() -> None:
    # anhui-nanling (dev): (二)部门重点项目绩效目标 > 2.年度绩效目标(阶段性目标) > (1)数量指标 — the rate under
    # the innermost heading is a target, as the section above says
    text = (
        "一、项目基本情况\n(一)项目概况\n2023年初我局申请预算资金2000万元。\n"
        "(二)部门重点项目绩效目标\n1.项目绩效总体目标\n为我县居民提供公共交通出行服务。\n"
        "2.年度绩效目标(阶段性目标)\n项目预期产出、效益指标及指标值\n(1)数量指标\n"
        "指标:乡镇、建制村通公交完成率100%。\n"
    )
    figs = figures(text)
    assert [f for f in figs if f[1] == 20000000]
    assert not [f for f in figs if f[2] == "%"]
    # near miss: a section of targets achieved (三、绩效目标完成情况 > (一)资金投入) states figures
    text = (
        "一、项目基本情况\n2023年初我局申请预算资金2000万元。\n"
        "三、绩效目标完成情况\n(一)资金投入情况\n资金到位率为100%。\n"
    )
    assert [f for f in figures(text) if f[2] == "%"]


def test_a_count_planned_to_be_done_is_a_target() -> None:
    # zhejiang water-price reform news (dev): 全省計劃完成…更新升級4257座 is what the plan asks for
    text = "一、基本情况\n2023年,全省計劃完成農田水利灌溉工程更新升級4257座,包括泵站機埠3333座。\n"
    assert not [f for f in figures(text) if f[1] == 4257]
    # near miss: the funds a plan arranges are figures (计划安排资金)
    text = "一、基本情况\n2023年计划安排资金850万元,全年执行数850万元。\n"
    assert [f for f in figures(text) if f[1] == 8500000 and f[0].startswith("计划安排")]
