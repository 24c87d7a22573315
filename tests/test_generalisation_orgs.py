"""Who evaluated and which unit was evaluated (issue 8): the shapes the development set's dev half
misses recur in, each on a short excerpt built from the words of a real report.

tests/devset/README.md rulings 3 (page metadata names nobody) and 4 (forms) say what the fields mean.
"""

from __future__ import annotations

import pytest

from excerpt_records import evidence, record_of_text

from jixiao import patterns


def test_a_firm_after_a_place_is_the_firms_seat_not_the_place_evaluated() -> None:
    # the firm-name ending is data (patterns/metadata.yaml, firm_after_place), read by the jurisdiction
    assert "firm_after_place" in patterns.load("metadata.yaml")
    _doc, r = record_of_text("湖南财正会计师事务所接受委托,对农村公路养护资金开展了绩效评价。\n")
    assert r.jurisdiction.name is None  # 湖南 is where the firm sits
    _doc, r = record_of_text("湖南省财政厅委托立信会计师事务所,对农村公路养护资金开展了绩效评价。\n")
    assert r.jurisdiction.adcode == "430000"


def test_a_short_unit_name_is_not_completed_from_the_pages_metadata() -> None:
    # ruling 3: 来源单位 names no unit, not even the full form of the one the report names (区民政局)
    text = (
        "裕安区2020年生活无着人员社会救助民生工程绩效自评报告\n\n来源单位:裕安区民政局 发布时间:2021-01-08 17:07\n\n"
        "区民生办:\n\n对我区2020年生活无着人员社会救助民生工程进行了认真的自我评价,自评得分95分。\n\n"
        "我局根据要求,联合区财政局下发了实施办法,明确保障对象、保障标准。区民政局按照股室职能,"
        "将生活无着人员救助工作纳入社会救助。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "区民政局"
    # the document's own fuller naming still completes it
    _doc, r = record_of_text(text + "裕安区民政局将继续做好救助工作。\n")
    assert r.evaluated_unit == "裕安区民政局"


def test_an_autonomous_regions_unit_takes_its_full_name() -> None:
    text = (
        "自治区文化和旅游厅关于2021年度中央转移支付专项资金绩效自评的报告\n\n广西壮族自治区文化和旅游厅 | 2022-12-30\n"
        "现将中央非物质文化遗产保护专项资金转移支付2021年度绩效自评报告公开如下:一、绩效目标分解下达情况\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "广西壮族自治区文化和旅游厅"


def test_a_self_evaluations_cover_naming_its_filer_apart_from_the_projects_unit() -> None:
    # ruling 4: the filing unit (评价单位(盖章), 评价实施部门) evaluated; the project's unit was evaluated
    text = (
        "财政支出项目绩效评价报告\n\n评价类型:□实施过程评价 完成结果评价\n\n项目名称:海南省森林生态效益补偿基金\n\n"
        "项目单位:海南省林业厅生态公益林管理中心\n\n主管部门:海南省林业厅\n\n评价时间:2014 年5 月15 日\n\n"
        "组织方式:□财政部门□主管部门 项目单位\n\n评价单位(盖章):海南省生态公益林管理中心\n\n上报时间:2014年5月15日\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluator == "海南省生态公益林管理中心" and r.evaluated_unit == "海南省林业厅生态公益林管理中心"
    text = (
        "麦积区社棠镇不稳定斜坡治理工程(二期)治理工程支出绩效评价报告\n\n 项目名称:麦积区社棠镇不稳定斜坡治理工程\n\n"
        "         项目主管部门: 天水市自然资源局\n\n         评价实施部门: 天水市自然资源局麦积分局\n\n"
        "         评价机构名称: 天水市自然资源局麦积分局\n\n2024年6月\n\n报告摘要\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "天水市自然资源局麦积分局" and r.evaluated_unit == "天水市自然资源局"
    # the form naming the same unit in both cells: that unit, evaluating itself
    _doc, r = record_of_text(text.replace("项目主管部门: 天水市自然资源局", "项目主管部门: 天水市自然资源局麦积分局"))
    assert r.evaluator == r.evaluated_unit == "天水市自然资源局麦积分局"


def test_a_management_office_writing_of_itself_as_wo_chu() -> None:
    # 我处 is a 管理处's 我局: the first 处 the report names is the unit, evaluating itself
    text = (
        "2022年度项目支出绩效自评报告\n为切实做好项目支出绩效评价工作,本着早行动、早落实的工作理念,对我处2022年度"
        "项目支出绩效进行了自评。现将情况报告如下:一、本部门项目绩效目标情况(一)南昌市烈士陵园管理处2022年度共有"
        "5个项目1、烈士纪念设施维修项目:预算35.3万元。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "南昌市烈士陵园管理处"
    # 我处理 (自我处理) is no self-reference
    _doc, r = record_of_text(text.replace("对我处2022年度", "自我处理2022年度"))
    assert r.evaluated_unit is None


def test_a_self_report_naming_its_unit_only_in_prose() -> None:
    # a transfer payment's self-report (绩效目标分解下达情况 …) that names its unit only where it says
    # who managed the funds, or whom they were passed down to
    head = "银川市兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目绩效自评报告\n\n一、绩效目标分解下达情况\n\n"
    managed = (
        "3.项目资金管理情况分析。\n\n项目资金已全额支付。兴庆区住建局严格按照《宁夏回族自治区财政衔接推进乡村振兴"
        "补助资金管理办法》要求,进行衔接资金的使用管理,认真做好项目档案管理工作。\n"
    )
    _doc, r = record_of_text(head + managed)
    assert r.evaluated_unit == r.evaluator == "兴庆区住建局"
    passed_down = (
        "(二)资金管理情况分析\n安徽省财政厅下达资金后,市财政局及时将专项资金分配下达到宁国市文旅局,按专项资金"
        "管理办法规范使用,按使用方向严格按程序规定执行。\n"
    )
    _doc, r = record_of_text(head + passed_down)
    assert r.evaluated_unit == r.evaluator == "宁国市文旅局"  # not the finance bureau that passed them down
    # a finance bureau as the subject is no unit of the report
    _doc, r = record_of_text(head + managed.replace("兴庆区住建局严格", "兴庆区财政局严格"))
    assert r.evaluated_unit is None


def test_a_cover_run_into_the_lines_around_it_names_its_unit_before_a_chinese_date() -> None:
    # a document site's preview: title, unit, date and the first table on one line
    text = (
        "江西省省级公共文化专项资金和省级体彩公益金专项转移支付2021年度绩效自评报告.docx\n"
        "1、江西省省级公共文化专项资金和省级体彩公益金专项转移支付2021年度绩效自评报江西省体育局二O二二年三月"
        "序号各设区市名称全年预算数全年执行数预算执行率2省田游运动管理 中心319.65134.0241.93%\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "江西省体育局"
    # a finance bureau's review cover: the bureau that issued it evaluated
    text = (
        "安庆市财政支出项目绩效考评报告 项目名称 2016年度数字化城管系统维护项目 项目单位 安庆市城市管理行政执法局 "
        "主管部门 安庆市城市管理行政执法局 考评类型:项目实施过程考评□ 项目完成结果考评□ 考评方式:部门自评□ "
        "财政部门组织评价( 考评机构:中介机构( 部门评价组□ 财政评价组□ 安 庆 市 财 政 局 二〇一七年六月 目 录 "
        "基本概况\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "安庆市财政局"
    # an arabic date after a name in a sentence is no cover
    _doc, r = record_of_text(text.replace("二〇一七年六月", "2017年6月"))
    assert r.evaluator is None


def test_the_sites_header_above_the_title_names_no_unit() -> None:
    # ruling 3: the site's header and breadcrumbs are the page's, like its 发布机构 line
    page = (
        "    • 无障碍\n    • 长辈版\n    宣州区教体局\n    您现在所在的位置: 网站首页> 政府信息公开首页 > 宣州区教体局> 财政资金\n"
        "    发布机构: 宣州区教体局 主题分类: 科技、教育\n    生成日期: 2024-03-15 发布日期: 2024-03-15\n\n"
    )
    body = (
        "    宣州区教育督导评价奖励补助资金转移支付2023年度绩效自评报告\n\n        一、绩效目标分解下达情况\n\n"
        "    2023年下达我区教育督导评价奖励补助资金70万元(其中省级资金70万元)。\n"
    )
    _doc, r = record_of_text(page + body)
    assert r.evaluation_mode == "self" and r.evaluated_unit is None and r.evaluator is None
    # the document naming the publisher itself, under its title: the unit
    _doc, r = record_of_text(page + body + "    宣州区教体局将严格管理资金。\n")
    assert r.evaluated_unit == r.evaluator == "宣州区教体局"


def test_a_short_pages_header_above_its_title_signs_nothing() -> None:
    # the last lines of a short page reach its header: a signature is printed under the title
    text = (
        "    宣州区教体局\n    发布日期: 2024-03-15\n\n    宣州区教育督导评价奖励补助资金转移支付2023年度绩效自评报告\n\n"
        "    2023年下达我区教育督导评价奖励补助资金70万元(其中省级资金70万元)。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None and r.evaluator is None
    _doc, r = record_of_text(text + "\n    宣州区教体局\n    2024年3月15日\n")
    assert r.evaluated_unit == r.evaluator == "宣州区教体局"


def test_a_department_tables_budget_unit_of_its_level() -> None:
    # Hunan's department tables label the unit 区级预算单位名称 / 一级预算单位名称 (here its first
    # character lost); the page's 发布机构 gives no fuller name (ruling 3)
    text = (
        "索引号: 431102009/2022-00132 发文日期: 2022-04-07 发布机构: 零陵区林业局\n"
        "2021年林业局部门整体支出绩效自评表\n2022-04-07 15:25 来源: 零陵区林业局 发布机构: 零陵区林业局\n\n"
        "部门整体支出绩效自评表\n\n2021年度)\n\n级预算单位名称\n\n 陵区林业局\n\n年度预\n\n算申请\n\n(万元)\n\n"
        "年初\n\n预算数\n\n全年预算数\n\n全年\n\n执行数\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "陵区林业局"
    _doc, r = record_of_text(text.replace("级预算单位名称\n\n 陵区林业局", "区级预算单位名称\n\n 零陵区林业局"))
    assert r.evaluated_unit == r.evaluator == "零陵区林业局"


def test_a_units_cell_outranks_a_name_cut_from_a_run_of_glued_cells() -> None:
    # the cover's own cell (项目单位:…) and the next form's cells run together (项目实施单位…主管部门…):
    # the glued value is cut where the next label is guessed to begin, and yields to the cell
    text = (
        "财政支出项目绩效评价报告\n\n项目名称:海南省森林生态效益补偿基金\n\n项目单位:海南省林业厅生态公益林管理中心\n\n"
        "主管部门:海南省林业厅\n\n评价单位(盖章):海南省生态公益林管理中心\n\n附件4-2\n\n"
        "项目实施单位海南林业厅生态中心主管部门海南省林业厅项目负责人李大江联系电话65367801 地址海南省林业厅邮编572600 "
        "项目类型经常性项目(√)一次性项目()\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == "海南省林业厅生态公益林管理中心" and r.evaluator == "海南省生态公益林管理中心"


def test_a_body_that_engaged_an_unnamed_third_party_is_the_evaluator() -> None:
    # (tests/devset/README.md ruling 44, session 45: the evaluation is the commissioning body's; before it this test
    # asserted third_party with no evaluator)
    text = (
        "县住建局开展2018年度农村危房改造和农村自然村改厕民生工程绩效评价工作\n发布时间:2019-01-07\n\n"
        "  为进一步规范全县农村危房改造和农村自然村改厕两项民生工程项目管理,按照相关文件要求,县住建局聘请第三方"
        "对各乡镇2018年农村危房改造和农村自然村改厕工作开展绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self" and r.evaluator == "县住建局"
    # the body evaluating by itself is the evaluator too
    _doc, r = record_of_text(text.replace("县住建局聘请第三方对", "县住建局组织专人对"))
    assert r.evaluator == "县住建局"


def test_a_department_wide_report_silent_on_who_evaluated_names_its_unit_only() -> None:
    text = (
        "丽水市文化馆2018年度整体支出绩效评价报告\n时间:2020-03-26 16:11 浏览次数: 信息来源: 丽水市政府\n\n"
        "  一、部门基本概况 \n\n  (一)主要部门职能及组成:1)运用各种文化艺术手段宣传党的路线方针政策;(2)组织开展文艺演出、"
        "比赛、展览等群众性文化艺术娱乐活动。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == "丽水市文化馆" and r.evaluator is None
    # saying it evaluated itself makes it the evaluator
    _doc, r = record_of_text(text + "  二、自评情况\n  丽水市文化馆对2018年度整体支出开展了绩效自评。\n")
    assert r.evaluated_unit == r.evaluator == "丽水市文化馆"


def test_the_body_a_report_is_addressed_to_is_not_the_we_of_its_writer() -> None:
    # the addressee's colon lost (临夏州退役军人事务局 / 根据…): the first 局 named is not the 我局 who writes
    text = (
        "临市退军发[2024]6号\n\n关于上报2023年1-4级残疾军人护理费项目\n\n支出绩效自评的报告\n\n \n\n临夏州退役军人事务局\n\n"
        "根据《甘肃省退役军人事务厅关于开展2023年度中央对地方转移支付绩效自评工作(优抚)的通知》通知,临夏市对2023"
        "转移支付资金进行了绩效自评,现将自评报告如下:\n\n三、绩效评价指标自评分析\n\n1.我局按照上级部门相关文件精神,"
        "对发放人员进行了严格的身份审核。\n\n2.资金严格按照规定时间发放到优抚对象个人账户。\n\n"
        "3.资金在转移支付管理办法规定的方向范围、标准内使用。\n\n4.无截留挪用。\n\n5.档案完整。\n\n6.群众满意。\n\n"
        "7.按时公开。\n\n8.无违规。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "self" and r.evaluated_unit is None and r.evaluator is None
    # the unit named in the letter's body is its 我局
    _doc, r = record_of_text(text.replace("临夏市对2023", "临夏市退役军人事务局对2023"))
    assert r.evaluated_unit == r.evaluator == "临夏市退役军人事务局"


def test_a_unit_whose_name_the_copy_masks_is_not_named() -> None:
    text = (
        "红十字会整体支出绩效评价报告.docx\n\n红十字会整体支出绩效评价报告\n\n"
        "一、部门(单位)基本情况及概况1、设立背景XX市红十字会依据关于理顺红十字会管理体制的通知设立。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None and any("masks its name" in w for w in r.warnings)
    _doc, r = record_of_text(text.replace("XX市红十字会", "丽水市红十字会"))
    assert r.evaluated_unit == "丽水市红十字会"


def test_the_unit_a_finance_notice_passed_the_funds_down_to() -> None:
    text = (
        "普洱市财政局委托云南泛正会计师事务所(普通合伙)对“2022年农村最低生活保障专项资金项目”进行绩效评价,"
        "下达景东县民政局农村低保资金4,758.00万元,下达景东县民政局省级农村低保资金485.00万元,二、绩效再评价结论\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "云南泛正会计师事务所(普通合伙)" and r.evaluated_unit == "景东县民政局"


def test_a_school_named_xiaoxuexiao_is_an_organisation() -> None:
    # Sichuan's schools end 小学校 / 中学校: the name ends there, not at 小学 inside the word
    text = (
        "2024年度部门整体支出绩效自评报告\n一、单位概况\n仁寿县慈航镇小学校是一所公办小学校。其宗旨和业务范围是实施"
        "小学义务教育。我校现有在职教师48人。\n二、自评情况\n我校对2024年度部门整体支出开展了绩效自评。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "仁寿县慈航镇小学校"


def test_an_organs_last_character_printed_twice_is_the_name_once() -> None:
    # a cut word at the excerpt's end (市公安局局[长]) signs nothing beyond the bureau's name
    text = (
        "根据湛财评[2018]20号文要求,我局对2017年度单位整体支出开展了自我绩效评价。\n一、单位基本情况\n"
        "湛江市公安局是市政府主管全市公安工作的职能部门,属财政拨款的一级行政单位(正处级)。\n二、自评工作情况\n"
        "结合本单位预算绩效管理实际情况,我局成立湛江市公安局绩效评价工作小组(湛公警保(财)[2018]115号)。市公安局局\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "湛江市公安局"
    # a typo in a cover's cell (预算单位:嘉定区体育局局)
    text = (
        "2017 年嘉定区体育局全民健身经费项目 财政支出绩效评价 委托单位:嘉定区财政局 预算单位:嘉定区体育局局 "
        "评价机构:上海祁骋商务咨询有限公司 二零一八年六月\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == "嘉定区体育局" and r.evaluator == "上海祁骋商务咨询有限公司"


def test_a_units_own_scored_form_is_its_self_evaluation() -> None:
    # ruling 4: the form never says 自评, but its 实施单位 scored its own indicators
    text = (
        "2023年杨楼社区特色种养殖补贴到户项目资金使用情况\n\n"
        "项目名称 2023年杨楼社区特色种养殖补贴到户项目 项目负责人及电话 黄蓓蓓0557-5271001\n"
        "主管部门 县农业农村局 实施单位 杨楼镇人民政府\n资金情况\n(万元)\n"
        "全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n年度资金总额: 8.408 8.408 10 100.00% 10\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "杨楼镇人民政府"
    # a form that scores nothing names the unit only
    _doc, r = record_of_text(
        text.replace(" 分值 执行率(B/A) 得分", " 执行率(B/A)").replace(" 10 100.00% 10", " 100.00%")
    )
    assert r.evaluated_unit == "杨楼镇人民政府" and r.evaluator is None


def test_a_fund_word_before_an_organ_is_no_part_of_its_name() -> None:
    # 整合资金 / 交通局: the fund the report evaluates, then the unit — an organisation's name does not
    # run back over a fund word (patterns/entities.yaml, org_stop_words)
    text = (
        "2019年度整合资金交通局专项资金绩效评价报告\n\n一、项目概况\n(一)项目基本情况\n1、农村危桥改造11座;\n"
        "2、生命安全防护线路35条;\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit != "整合资金交通局"
    assert r.program == "整合资金交通局专项资金"


def test_a_bodys_report_on_its_evaluation_of_anothers_funds_names_its_evaluator_before_about() -> None:
    # ORG1关于ORG2…绩效评价的报告: ORG1 evaluated ORG2's funds — a 自评 the body mentions (its evaluation
    # builds on the unit's self-evaluation) does not make it the unit's own; 财政部驻 opens the name
    text = (
        "财政部驻黑龙江省财政监察专员办事处关于黑龙江省林业厅2016年林业补助资金绩效评价的报告 财政部农业司:   "
        "按照《关于开展2016年林业补助资金绩效评价工作的通知》(财农便[2017]98号)要求,黑龙江专员办于2017年7月至8月"
        "对黑龙江省林业厅2016年林业补助资金使用情况开展了绩效评价,本次绩效评价采取自评和他评相结合的方式。"
        "由黑龙江省财政厅、林业厅组织部署开展自评,出具绩效自评报告,黑龙江专员办在自评基础上开展绩效评价工作。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "财政部驻黑龙江省财政监察专员办事处"
    assert r.evaluated_unit == "黑龙江省林业厅"
    assert r.evaluation_mode == "finance"
    # a unit's report on its own self-evaluation is no such report
    _doc, r = record_of_text(
        text.replace(
            "财政部驻黑龙江省财政监察专员办事处关于黑龙江省林业厅2016年林业补助资金绩效评价的报告",
            "黑龙江省林业厅关于黑龙江省林业厅2016年林业补助资金绩效自评的报告",
        )
    )
    assert r.evaluation_mode == "self" and r.evaluator == r.evaluated_unit == "黑龙江省林业厅"


def test_a_short_pages_glued_cover_is_read_though_its_signature_search_stops_at_the_title() -> None:
    # a document site's page: the file's name, the site's notes, then the whole cover on one line. Its
    # last lines reach above the title, so the signature search stops there (the site's banner is no
    # signature); the cover run into its line still names the evaluator before its date
    text = (
        "安庆市财政支出项目绩效考评报告.DOC\n\n"
        "  1. 1、原创力文档(book118)网站文档一经付费(服务费),不意味着购买了该文档的版权,仅供个人/单位学习、研究之用。\n"
        "查看更多\n安庆市财政支出项目绩效考评报告.DOC\n\n"
        "安庆市财政支出项目绩效考评报告 项目名称 2016年度数字化城管系统维护项目 项目单位 安庆市城市管理行政执法局 "
        "主管部门 安庆市城市管理行政执法局 考评类型:项目实施过程考评□ 项目完成结果考评□ 考评方式:部门自评□ "
        "财政部门组织评价( 考评机构:中介机构( 部门评价组□ 财政评价组□ 安 庆 市 财 政 局 二〇一七年六月 目 录 "
        "基本概况\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "安庆市财政局"
    assert evidence(doc, r, "evaluator") == "安 庆 市 财 政 局"


def test_a_news_item_names_the_bodies_that_announced_the_result_as_evaluators() -> None:
    # 省财政厅、省水利厅通报了…绩效考评结果: the bodies announcing a result evaluated, both as printed
    text = (
        "日前,省财政厅、省水利厅通报了2014年度第四批至第六批全省小型农田水利重点县建设绩效考评结果。"
        "吴兴区作为第四批小型农田水利重点县建设单位,在全省绩效考核中获得优秀等次。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "省财政厅、省水利厅" and r.evaluation_mode == "finance"
    assert evidence(doc, r, "evaluator") == "省财政厅、省水利厅"
    # a body that announces something else evaluated nothing
    _doc, r = record_of_text(text.replace("绩效考评结果", "建设任务"))
    assert r.evaluator is None


def test_a_news_item_citing_a_result_notice_names_its_issuer_as_evaluator() -> None:
    # 《XX厅 财政厅关于…绩效评价情况的通知》(文号)显示: the notice's issuer evaluated — a cited title,
    # which names no actor otherwise
    text = (
        "2024年,我市共完成63个老旧小区的改造任务,累计争取城镇保障性安居工程补助资金7121.4万元。"
        "《内蒙古自治区住房和城乡建设厅 财政厅关于2024年度城镇保障性安居工程补助资金绩效评价情况的通知》"
        "(内建保金函〔2025〕163号)显示,全区仅有三个盟市老旧小区改造补助资金绩效评价得分在90分以上,"
        "我市以99分的高分在全区各盟市中排名第一。\n"
    )
    doc, r = record_of_text(text)
    # (two issuers printed apart by a space: joint evaluators, joined with 、 — devset ruling 21)
    assert r.evaluator == "内蒙古自治区住房和城乡建设厅、财政厅"
    assert evidence(doc, r, "evaluator") == "内蒙古自治区住房和城乡建设厅 财政厅"
    # a cited document that is no result notice (根据《…关于开展…绩效评价工作的通知》) names no evaluator
    _doc, r = record_of_text(text.replace("绩效评价情况的通知》", "绩效评价工作的通知》"))
    assert r.evaluator is None


def test_a_finance_body_grading_the_units_self_evaluations_evaluated() -> None:
    # the finance bureau reviewed the self-evaluations and graded them (根据市财政局审核结果,…审核等级为): it
    # evaluated, as finance — the units' 绩效自评 it reviewed make no self-evaluation of the review
    text = (
        "有关要求,纳入本次绩效自评的基建项目有72个,绩效自评审核涉及5个科室,涉及调整后预算金额136976.4万元。"
        "根据市财政局的抽查审核,共计对虎门中学增建二期学生宿舍工程等41个项目进行了审核,涉及调整后预算金额"
        "110790.58万元。根据市财政局审核结果,抽审的41个项目审核等级为:1个项目评为优,占评定项目的2.44%。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "市财政局" and r.evaluation_mode == "finance"
    # a finance bureau merely named (its funds, its notice) grades nothing
    _doc, r = record_of_text(
        text.replace("根据市财政局审核结果,抽审的41个项目审核等级为", "市财政局下达资金后,41个项目")
    )
    assert r.evaluator is None


def test_a_cover_ticking_an_unnamed_intermediary_names_no_evaluator() -> None:
    # 评价机构:中介机构R (the tick a converter shows as R): a firm evaluated and is not named — the unit is
    # not its own evaluator, whatever 评价方式 says
    text = (
        "淳安县财政支出政策绩效评价报告\n项目名称 2020年公共文化活动专项资金\n项目单位 淳安县文化和广电旅游体育局\n"
        "主管部门 淳安县财政局\n评价类型 事前评价□ 事中评价□ 事后评价R\n评价方式:部门(单位)绩效自评R 财政部门组织评价□\n"
        "评价机构:中介机构R 部门(单位)评价组□ 财政评价组□\n2021年 11月15日\n淳安县财政局(制)\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == "淳安县文化和广电旅游体育局" and r.evaluator is None
    assert any("unnamed intermediary" in w for w in r.warnings)
    # the unit's own group ticked: it evaluated itself
    _doc, r = record_of_text(text.replace("中介机构R 部门(单位)评价组□", "中介机构□ 部门(单位)评价组R"))
    assert r.evaluator == "淳安县文化和广电旅游体育局"


def test_we_the_bureau_names_the_one_bureau_the_report_names_not_one_of_several() -> None:
    text = (
        "裕安区2020年生活无着人员社会救助民生工程绩效自评报告\n\n"
        "区民生办:\n\n对我区2020年生活无着人员社会救助民生工程进行了认真的自我评价,自评得分95分。\n\n"
        "我局根据要求,联合区财政局下发了实施办法,明确保障对象、保障标准。区民政局按照股室职能,"
        "将生活无着人员救助工作纳入社会救助。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "区民政局"  # the finance bureau is no writer of 我局
    # another bureau named as well: which one says 我局 is not written (ruling 3) — null, not a guess
    _doc, r = record_of_text(text + "区公安局配合做好救助对象身份查询工作。\n")
    assert r.evaluated_unit is None and r.evaluator is None
    # the same bureau again under its full name is still one body
    _doc, r = record_of_text(text + "裕安区民政局将继续做好救助工作。\n")
    assert r.evaluated_unit == "裕安区民政局"


def test_a_kind_of_body_with_no_name_before_it_is_no_evaluator() -> None:
    # 一会计师事务所受委托 (a spun news copy: "an accounting firm"): a third party, unnamed — no evaluator
    text = (
        "兰考县年“全面改薄”建设项目事后绩效评价良好 按照关联实施意见,通过公开招投标程序,一会计师事务所受委托"
        "对该县此建设项目进行了事后绩效评价,评价总得分85分,绩效评价等级为良好。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluation_mode == "third_party" and r.evaluator is None
    # the firm named: its name
    _doc, r = record_of_text(text.replace("一会计师事务所受委托", "河南中平会计师事务所受委托"))
    assert r.evaluator == "河南中平会计师事务所"


def test_a_school_the_programme_builds_is_not_the_unit_evaluated() -> None:
    # …智慧学校 / 建设项目: the facility built, in the title and in the sentence that evaluates it
    text = (
        "宿州市义务教育小规模(教学点)智慧学校建设项目绩效自评报告\n"
        "根据《关于进一步做好2020年度民生工程绩效评价相关工作的通知》要求,现将义务教育小规模学校(教学点)"
        "智慧学校建设自评情况报告如下:\n一、基本情况\n"
        "我市对照绩效自评指标,对小规模学校(教学点)智慧学校建设资金认真开展自评,较好完成绩效自评工作。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None and r.evaluator is None
    assert r.program.removesuffix("项目") == "义务教育小规模(教学点)智慧学校建设"
    # a school that spends on its own programme is its unit (耒阳市第四中学专项资金绩效自评价报告)
    _doc, r = record_of_text("耒阳市第四中学专项资金绩效自评价报告\n一、基本情况\n本校2022年专项资金100万元。\n")
    assert r.evaluated_unit == "耒阳市第四中学"


def test_a_research_office_is_an_organisation() -> None:
    # 史志研究室, 政策研究室: a unit of its own, opening its self-evaluation's title
    text = (
        "沅陵县史志研究室2023年专项资金绩效自评报告\n一、项目基本情况\n(一)项目概况\n1、项目单位基本情况\n"
        "机构设置及在职人员情况。史志研究室设有综合办公室、地方志编辑部、党史研究室、年鉴编辑部。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "沅陵县史志研究室"


def test_a_news_item_on_a_visit_names_the_visiting_evaluator_and_the_unit_that_took_part() -> None:
    text = (
        "3月22日,昆明市民宗委二级调研员蒋守红一行到安宁市开展2020年民族宗教专项资金绩效评价工作,"
        "安宁市民宗局主要领导及相关项目人员参加评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "昆明市民宗委" and r.evaluated_unit == "安宁市民宗局"
    assert r.evaluation_mode is None  # a body evaluating another's funds: no self-evaluation
    assert evidence(doc, r, "evaluated_unit") == "安宁市民宗局"


def test_the_body_named_before_its_partners_announcing_a_result_evaluated() -> None:
    # 浙江省水利厅等4部门公布…绩效评价结果: the body named and the rest counted, as printed (devset ruling 21); a
    # department, not finance: no mode by its name
    text = (
        "近日,浙江省水利廳等4部門公佈全省農業水價綜合改革工作年度績效評價結果。\n"
        "11個市均為“優秀”,其中,嘉興市綜合成效較好,寧波市更新升級數量較多。\n"
    )
    _doc, r = record_of_text(text)
    assert r.evaluator == "浙江省水利廳等4部門" and r.evaluated_unit is None and r.evaluation_mode is None


@pytest.mark.parametrize(
    "sentence",
    [
        "按照县财政局要求，澧县交通运输局对2022年度农村公路养护资金开展了绩效自评。",
        "澧县交通运输局是县政府工作部门，主要负责全县公路建设和养护。",
    ],
)
def test_an_organ_name_before_a_word_jieba_glues_to_its_last_character(sentence: str) -> None:
    # jieba's guess at unknown words segments 交通运输局对 as 交通运输 / 局对: the name must still end at 局
    doc, r = record_of_text(f"2022年度农村公路养护资金绩效自评报告\n一、基本情况\n{sentence}\n")
    assert (r.evaluated_unit, r.evaluator, r.evaluation_mode) == ("澧县交通运输局", "澧县交通运输局", "self")
    assert "澧县交通运输局" in evidence(doc, r, "evaluated_unit")


# ---------------------------------------------------------------- issue 8, session 19: roles the genre prints
# (short texts in the genre's common shapes; bench/genre_variants.py keeps the whole set, "unit and evaluator")


def test_a_forms_filing_unit_is_the_evaluator_and_its_spending_unit_the_unit_evaluated() -> None:
    # ruling 4: 填报单位 files the form; the 实施单位 spends. Both cells once tied at the same rank (null)
    text = (
        "项目支出绩效自评表\n（2022年度）\n填报单位（盖章）：澧县交通运输局\n项目名称：农村公路养护资金\n"
        "实施单位：澧县公路建设养护中心\n"
    )
    doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == ("澧县公路建设养护中心", "澧县交通运输局")
    assert evidence(doc, r, "evaluator").endswith("澧县交通运输局")
    # a filing unit alone files its own form: both; over a supervisor's cell
    text = "项目支出绩效自评表\n（2022年度）\n填报单位：澧县交通运输局\n项目名称：农村公路养护资金\n主管部门：常德市交通运输局\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


@pytest.mark.parametrize("label", ["评估机构名称", "考评单位", "评审机构", "考核机构", "受托单位", "评价单位名称"])
def test_the_genres_other_words_for_the_evaluating_body_label_it(label: str) -> None:
    text = (
        f"澧县2022年度农村公路养护资金绩效评价报告\n项目单位：澧县交通运输局\n{label}：湖南湘诚会计师事务所有限公司\n"
    )
    # (the cover's lines well above the end: not read as a signature)
    _doc, r = record_of_text(text + "报告日期：2023年5月12日\n一、基本情况\n" + "……\n" * 9)
    assert (r.evaluated_unit, r.evaluator) == ("澧县交通运输局", "湖南湘诚会计师事务所有限公司")


@pytest.mark.parametrize("label", ["实施单位名称", "项目建设单位", "建设单位", "业主单位"])
def test_the_spending_units_other_labels(label: str) -> None:
    text = f"项目支出绩效自评表\n（2022年度）\n项目名称：农村公路养护资金\n{label}：澧县公路建设养护中心\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "澧县公路建设养护中心"


def test_a_unit_carrying_out_the_programme_over_its_supervisor_in_prose() -> None:
    text = (
        "澧县2022年度农村公路养护资金绩效评价报告\n项目主管部门为澧县交通运输局，项目实施单位为澧县公路建设养护中心。"
        "受澧县财政局委托，湖南湘诚会计师事务所有限公司对该项目开展了绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == ("澧县公路建设养护中心", "湖南湘诚会计师事务所有限公司")
    # the supervisor alone still names the unit
    _doc, r = record_of_text(text.replace("，项目实施单位为澧县公路建设养护中心", ""))
    assert r.evaluated_unit == "澧县交通运输局"
    # 项目由…负责实施
    text = "澧县2022年度农村公路养护资金绩效评价报告\n该项目由澧县公路建设养护中心负责实施，资金由县财政局拨付。\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == "澧县公路建设养护中心"


def test_a_pages_metadata_line_at_the_end_is_no_signature() -> None:
    # ruling 3: 发布机构：… names nobody, wherever the page prints it
    text = "澧县2022年度农村公路养护资金绩效自评报告\n发布机构：澧县交通运输局\n我局对2022年度农村公路养护资金开展了绩效自评。\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit is None and r.evaluator is None
    # a signature line after it still signs
    _doc, r = record_of_text(text + "澧县交通运输局\n2023年3月15日\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


@pytest.mark.parametrize("name", ["澧县城市建设投资公司", "澧县公共交通集团", "澧县蔬菜专业合作社"])
def test_a_company_a_group_or_a_cooperative_without_limited_liability_in_its_name(name: str) -> None:
    text = f"项目支出绩效自评表\n（2022年度）\n项目名称：城区公交运营补贴\n实施单位：{name}\n"
    _doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == name


@pytest.mark.parametrize(
    "sentence",
    [
        "澧县交通运输局根据《关于开展2022年度项目支出绩效自评工作的通知》要求，对农村公路养护资金开展了绩效自评。",
        "澧县交通运输局按照县财政局的统一安排，组织相关股室对2022年度农村公路养护资金开展了绩效自评。",
        "2022年，澧县交通运输局认真贯彻落实预算绩效管理要求，对农村公路养护资金开展了绩效自评。",
    ],
)
def test_the_subject_of_a_sentence_that_evaluates_after_a_clause(sentence: str) -> None:
    doc, r = record_of_text(f"澧县2022年度农村公路养护资金绩效自评报告\n{sentence}\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    assert evidence(doc, r, "evaluator").startswith("澧县交通运输局")


@pytest.mark.parametrize(
    "sentence",
    [
        # a body that commissions, or tells others to evaluate, did not evaluate
        "澧县交通运输局按照县财政局的安排，委托湖南湘诚会计师事务所有限公司对农村公路养护资金开展了绩效评价。",
        "澧县交通运输局印发通知，要求各乡镇对农村公路养护资金开展绩效自评。",
    ],
)
def test_a_sentences_subject_that_hands_the_evaluation_to_others(sentence: str) -> None:
    _doc, r = record_of_text(f"澧县2022年度农村公路养护资金绩效评价报告\n{sentence}\n")
    assert r.evaluator != "澧县交通运输局"


def test_the_body_an_evaluation_is_said_to_be_carried_out_by_and_its_object() -> None:
    text = (
        "澧县2022年度农村公路养护资金绩效评价报告\n本次绩效评价由湖南湘诚会计师事务所有限公司实施，"
        "评价对象为澧县交通运输局2022年度农村公路养护资金。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == ("澧县交通运输局", "湖南湘诚会计师事务所有限公司")


def test_a_finance_body_commissioning_a_third_party_it_does_not_name_evaluated() -> None:
    # devset README (evaluation_mode): it stays finance when the firm is not named; the bureau evaluated
    text = (
        "澧县2022年度农村公路养护资金重点绩效评价报告\n为提高资金使用效益，澧县财政局委托第三方机构对澧县交通运输局"
        "2022年度农村公路养护资金开展了重点绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("finance", "澧县财政局", "澧县交通运输局")
    assert evidence(doc, r, "evaluator") == "澧县财政局"
    # (聘请 one, as well)
    _doc, r = record_of_text(text.replace("委托第三方机构对", "聘请专业机构，对"))
    assert (r.evaluation_mode, r.evaluator) == ("finance", "澧县财政局")
    # a firm named after its kind is the evaluator: third party
    _doc, r = record_of_text(text.replace("第三方机构", "第三方机构湖南湘诚会计师事务所有限公司"))
    assert (r.evaluation_mode, r.evaluator) == ("third_party", "湖南湘诚会计师事务所有限公司")
    # a unit that is no finance body commissioning an unnamed one: not the finance mode
    _doc, r = record_of_text(text.replace("澧县财政局委托", "澧县交通运输局委托").replace("重点绩效", "绩效"))
    assert r.evaluation_mode != "finance"


def test_a_body_acting_as_the_programmes_unit_and_a_signature_with_its_official_seal() -> None:
    title = "澧县2022年度农村公路养护资金绩效自评报告\n"
    _doc, r = record_of_text(title + "澧县交通运输局作为项目实施单位，负责全县农村公路养护工作。\n")
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"
    _doc, r = record_of_text(
        title + "一、基本情况\n……\n澧县交通运输局（公章）\n2023年3月15日\n附件：1.项目支出绩效自评表\n"
    )
    assert r.evaluated_unit == r.evaluator == "澧县交通运输局"


def test_a_report_to_the_body_whose_funds_it_says_it_evaluated() -> None:
    # 对你局…开展了绩效评价: the body it is addressed to (澧县交通运输局： under the title) was evaluated
    text = (
        "澧县2022年度农村公路养护资金绩效评价报告\n澧县交通运输局：\n受你局委托，湖南湘诚会计师事务所有限公司"
        "对你局2022年度农村公路养护资金开展了绩效评价。\n"
    )
    _doc, r = record_of_text(text)
    assert (r.evaluated_unit, r.evaluator) == ("澧县交通运输局", "湖南湘诚会计师事务所有限公司")
    # addressed, but no word that its own funds were evaluated: not named as the unit
    _doc, r = record_of_text(text.replace("对你局2022年度", "对2022年度"))
    assert r.evaluated_unit is None


@pytest.mark.parametrize("name", ["财政部山西省监管局", "财政部湖南监管局", "审计署长沙特派员办事处"])
def test_a_central_ministrys_regional_office_keeps_the_ministry_in_its_name(name: str) -> None:
    # 财政部XX监管局 (the ministry's office in a province) is one body: not the province's 监管局
    text = (
        f"2021年度草原生态修复治理补助资金重点绩效评价\n{name}对2021年度草原生态修复治理补助资金开展了重点绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == name and evidence(doc, r, "evaluator") == name
