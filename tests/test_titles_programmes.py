"""Titles and programmes (issue 8): shapes that recur across the development set's sites.

Excerpts are real page openings of the development set (tests/devset/texts), cut short; every
value is asserted with the words it came from.
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text

# sichuan-mianyang-2021-science-bureau-projects-essay-site: a collection heading, the site's
# intro, the heading again with the sample's number over the sample
ESSAY_NUMBERED = (
    "项目绩效自评报告\n\n时间:2024-06-12 13:25:38 自评报告 我要投稿\n\n项目绩效自评报告精品15篇\n\n"
    "  在现在社会,报告对我们来说并不陌生,我们在写报告的时候要注意涵盖报告的基本要素。"
    "以下是小编为大家整理的项目绩效自评报告,仅供参考,欢迎大家阅读。\n\n项目绩效自评报告精品15篇\n\n"
    "项目绩效自评报告1\n\n  一、项目基本情况\n\n  (一)绩效目标情况\n\n"
    "  绵阳市科学技术局主要有部门预算项目支出、专项预算支出二类支出,项目资金总预算为2455.5万元。\n"
)
# hebei-weichang-undated-public-toilets-essay-site: 篇1 labels, the page heading first
ESSAY_PIAN = (
    "农村厕所改造项目绩效评价报告\n\n知远网\n\n2025-03-15报告\n\n"
    "知远网整理的农村厕所改造项目绩效评价报告(精选10篇),希望能帮助到大家,请阅读参考。\n\n"
    "农村厕所改造项目绩效评价报告 篇1\n\n一、项目基本情况(自评得分100分)\n\n"
    "农业农村局编制《关于农村公共厕所建设项目的请示》上报围场县人民政府批复。"
    "20xx年围场县农村公共厕所建设项目总投资850万元,全部来源于统筹整合资金。\n"
)
# unknown-province-…-farmland-…-essay-doc-site: another document's heading first, the label run
# into the sample's first sentence
ESSAY_GLUED = (
    "2017年度耕地质量提升计划资金绩效评价报告\n\n合集下载\n\n农田建设补助资金绩效评价报告(通用7篇)\n\n"
    "一起来参考报告是怎么写的吧,下面是小编为大家整理的农田建设补助资金绩效评价报告(通用7篇),仅供参考。\n\n"
    "农田建设补助资金绩效评价报告1根据农业农村部计划财务司、农田建设管理司,财政部农业农村司"
    "《关于抓紧报送20xx年中央财政农田建设补助资金绩效自评材料的通知》,我们高度重视,认真组织。\n"
)


def test_an_essay_collections_heading_and_its_sample_label_are_no_title() -> None:
    # ruling 10 (tests/devset/README.md): the site's heading and its …报告1 / …报告 篇1 label
    for text in (ESSAY_NUMBERED, ESSAY_PIAN, ESSAY_GLUED):
        doc, r = record_of_text(text)
        assert r.title is None, text[:20]
        assert r.years == []  # (2017年度… is another document's heading: no year of this sample)


def test_an_essay_collections_heading_still_says_what_kind_of_report_it_collected() -> None:
    # the weakest kind evidence, when the sample itself says none (its heading: 项目绩效评价报告)
    text = (
        "公交公司绩效评价报告(精选9篇)\n\n公交公司绩效评价报告(精选9篇)\n\n公交公司绩效评价报告 篇1\n\n"
        "一、基本情况\n\n公交公司于20xx年购买新能源公交车20辆,并全部投入营运。\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    # (公交公司…报告 names no kind: 公司 is none of the kind words) — the heading is no title either way
    text = ESSAY_PIAN.replace("项目基本情况", "基本情况").replace("农村公共厕所建设项目总投资", "总投资")
    doc, r = record_of_text(text)
    assert r.title is None and r.report_kind == "project"
    assert evidence(doc, r, "report_kind") == "项目"


def test_a_samples_own_heading_under_the_sites_label_is_its_title() -> None:
    text = ESSAY_PIAN.replace(
        "农村厕所改造项目绩效评价报告 篇1\n\n",
        "农村厕所改造项目绩效评价报告 篇1\n\n围场县2021年农村公共厕所建设项目绩效自评报告\n\n",
    )
    doc, r = record_of_text(text)
    assert r.title == "围场县2021年农村公共厕所建设项目绩效自评报告"
    assert evidence(doc, r, "title") == "围场县2021年农村公共厕所建设项目绩效自评报告"


def test_a_document_sites_preview_of_one_document_keeps_its_heading() -> None:
    # jiangsu-nanjing-2018-preschool-award-subsidy-funds: 合集下载 and download notes, no collection
    text = (
        "南京2018年学前教育奖补资金绩效评价报告\n\n合集下载\n"
        "  1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。\n\n"
        "南京市2018年学前教育奖补资金\n绩效评价报告\n一、项目概况\n(一)基本情况\n1.项目背景\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "南京市2018年学前教育奖补资金绩效评价报告"
    # a report's own title followed by a page number 1 is no collection's label
    doc, r = record_of_text("南京市2018年学前教育奖补资金绩效评价报告 1\n一、项目概况\n")
    assert r.title == "南京市2018年学前教育奖补资金绩效评价报告"


def test_a_collection_copied_to_a_document_site_repeats_its_heading_before_the_samples_number() -> None:
    # guangxi-hechi-undated-cultivated-land-monitoring-self-report: no 精选N篇, the heading twice, then 1
    text = (
        "《耕地保护项目绩效自评报告.docx》由会员分享,可在线阅读,更多相关《耕地保护项目绩效自评报告.docx(27页珍藏版)》"
        "请在优知文库上搜索。\n1、耕地保护项目绩效自评报告耕地保护项目绩效自评报告1根据河池市直财政专项支出绩效评价"
        "管理暂行办法的通知要求,结合我市20_耕地质量定点监测项目工作进展实际情况,现将20_年河池市耕地质量定点监测"
        "项目实施情况自评如下:一、项目基本概况\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    # the sample names its programme: its 现将…项目实施情况自评如下 (a masked year 20_年, the place cut)
    # (its trailing 项目 goes, as from any programme's name: the contract's 城乡居民基本养老保险)
    assert r.program == "耕地质量定点监测" and evidence(doc, r, "program") == "耕地质量定点监测"


def test_the_programme_a_sample_reports_on_under_a_masked_year() -> None:
    # anhui-liuan-area-…-essay-site-trad: 现将我县20xx年…项目绩效评价自评情况汇报如下
    text = (
        "工程項目績效評價報告精選(15篇)\n\n工程項目績效評價報告1\n\n  根據《安徽省教育廳安徽省財政廳關于印發"
        "安徽省義務教育小規模學校(教學點)智慧學校建設項目績效評價辦法的通知》(皖教〔20xx〕10號)文件精神,"
        "現將我縣20xx年義務教育小規模學校(教學點)智慧學校建設項目績效評價自評情況匯報如下:\n\n  一、投入(20分)\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    assert r.program == "義務教育小規模學校(教學點)智慧學校建設"
    # unknown-province-…-farmland-…: the fund a notice asks to self-evaluate, its year masked
    doc, r = record_of_text(ESSAY_GLUED)
    assert r.program == "中央财政农田建设补助资金" and evidence(doc, r, "program") == "中央财政农田建设补助资金"


def test_the_funds_an_allocation_notice_passes_down_keep_their_level() -> None:
    # guangdong-guangzhou-2022-resident-medical-insurance-subsidy-advance-notice (simplified here)
    text = (
        "市医保局:\n根据《广东省财政厅关于提前下达中央财政2022年城乡居民基本医疗保险补助资金的通知》(粤财社〔2021〕"
        "305号,见附件),现将2022年中央财政城乡居民基本医疗保险补助资金预算70,076万元提前下达给你们。"
        "具体有关事项通知如下:\n一、该项资金用于对参保人员的补助。\n广州市财政局\n2021年12月23日\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "中央财政城乡居民基本医疗保险补助资金"
    assert evidence(doc, r, "program") == "中央财政城乡居民基本医疗保险补助资金"
    # (关于下达2021年XX资金预算的通知: the level before the fund's name is part of it too)
    text = "各县(区)财政局:\n根据《关于下达2021年中央财政农业生产发展资金预算的通知》,资金已拨付。\n"
    doc, r = record_of_text(text)
    assert r.program == "中央财政农业生产发展资金"


def test_a_files_name_is_no_title_unless_the_document_prints_it() -> None:
    # hebei-beidaihe-2020-bathing-beach-market-operation-third-party: the excerpt starts mid-report;
    # only the uploader's file name reads like a title (it still names the firm that evaluated)
    text = (
        "《秦皇岛正扬联合会计师事务所绩效评价报告.docx》由会员分享,可在线阅读,更多相关《秦皇岛正扬联合会计师事务所"
        "绩效评价报告.docx(5页珍藏版)》请在第壹文秘上搜索。\n1、(二)评价方法及评价结论本次财政支出绩效评价工作组"
        "成员到秦皇岛市北戴河区海浴场服务中心进行了现场座谈,听取了相关人员关于2020年度“市场化运作费项目”的"
        "整体实施管理情况。\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    assert r.evaluator == "秦皇岛正扬联合会计师事务所"
    # jiangxi-jiangxi-2021-sports-lottery-culture-transfer-self-report: the document prints the file's
    # name too, its copy a word short (…绩效自评报): the name is the title
    name = "江西省省级公共文化专项资金和省级体彩公益金专项转移支付2021年度绩效自评报告"
    text = (
        f"{name}.docx\n《{name}.docx》由会员分享,可在线阅读,更多相关《{name}.docx(35页珍藏版)》请在淘文阁上搜索。\n"
        f"1、{name[:-1]}江西省体育局二O二二年三月序号各设区市名称全年预算数全年执行数预算执行率\n"
    )
    doc, r = record_of_text(text)
    assert r.title == name and evidence(doc, r, "title") == name


def test_a_forms_own_heading_with_its_year_line_under_the_pages_heading_is_the_title() -> None:
    # sichuan-chaotian-2023-fitness-center-transfer-self-table: the page's heading, then the form's own
    text = (
        "2023年度中央转移支付区域(全民健身中心项目)绩效自评表\n"
        "中央转移支付广元市朝天区全民健身中心项目绩效自评表 | |||||||\n(2023年度) | |||||||\n"
        "转移支付(项目)名称 | 广元市朝天区全民健身中心项目 | ||||||\n中央主管部门 | 国家体育总局 | ||||||\n"
        "地方主管部门 | 广元市朝天区人民政府 | 资金使用单位 | 广元市朝天区体育发展中心 | ||||\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "中央转移支付广元市朝天区全民健身中心项目绩效自评表(2023年度)"
    assert evidence(doc, r, "title").startswith("中央转移支付广元市朝天区")
    # a report's title keeps its place over an annex's form further down (another document's heading)
    text = (
        "凤阳县民政局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n本局共有职工20人。\n"
        "附表1\n项目支出绩效自评表\n(2023年度)\n项目名称 | 城乡低保 |\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "凤阳县民政局2023年度部门整体支出绩效自评报告"


def test_what_of_a_programme_was_evaluated_is_cut_from_the_title_as_from_the_body() -> None:
    from jixiao.extractor.record.programmes import program_name

    # the body's 对2017年度农村公路生命安全防护工程专项资金管理使用情况进行…评价 names the funds without
    # 管理使用情况 (unknown-city-2017-rural-road-safety-protection-…); the title's words the same way
    text = (
        "2017年度农村公路生命安全防护工程专项资金管理使用情况绩效评价报告\n"
        "市交通运输局组织开展了2017年度农村公路生命安全防护工程专项资金管理使用情况进行财政重点绩效评价工作。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "农村公路生命安全防护工程专项资金"
    assert evidence(doc, r, "program") == "农村公路生命安全防护工程专项资金"
    assert program_name("临泉县2022年农村公路养护资金使用情况绩效评价报告") == "农村公路养护资金"
    assert program_name("2021年度城乡居民养老保险项目实施情况绩效自评报告") == "城乡居民养老保险"
    # a budget's execution alone names no programme (ruling 5's generic heading)
    assert program_name("2022年度部门预算执行情况绩效自评报告") == ""


def test_the_writers_own_place_before_the_year_of_the_programme_it_evaluates() -> None:
    # anhui-unnamed-undated-teacher-training-self-report-essay-site-prose-tiers: 对我县20xx年…项目工作进行自评
    text = (
        "国培计划绩效自评报告范文(精选6篇)\n国培计划绩效自评报告范文 篇1\n"
        "根据《安徽省教育厅安徽省财政厅关于印发的通知》(皖教师〔20xx〕9号),结合我县中小学教师培训工程项目工作实际,"
        "对照安徽省中小学及中职学校教师培训民生工程绩效评价指标体系,对我县\n"
        "20xx年中小学教师培训民生工程项目工作进行自评,现将自评情况汇报如下:\n一、决策(15分)\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    assert r.program == "中小学教师培训民生工程"
    assert evidence(doc, r, "program") == "中小学教师培训民生工程"


# tianjin-dongli-2020-guanghui-road: the page's heading, its chrome, then the document's own title
# set on two lines, the place opening the upper one
TITLE_ON_TWO_LINES = (
    "(直达资金)天津市东丽湖新建光辉路(智景东道-星宇道)工程项目2020年度绩效自评报告\n\n"
    "发布时间:2021-05-14 11:40      来源:天津市东丽区财政局\n字号:\n    \n\n"
    "天津市东丽湖新建光辉路(智景东道-星宇道)\n\n工程项目2020年度绩效自评报告\n\n"
    "一、绩效目标分解下达情况\n\n东丽区雨污分流改造工程项目估算投资2082.48万元。\n"
)


def test_a_title_on_two_lines_starts_at_the_line_that_names_its_place() -> None:
    doc, r = record_of_text(TITLE_ON_TWO_LINES)
    assert r.title == "天津市东丽湖新建光辉路(智景东道-星宇道)工程项目2020年度绩效自评报告"
    assert evidence(doc, r, "title").startswith("天津市东丽湖新建光辉路(智景东道-星宇道)\n")
    # near miss: a lower line that opens with its own place is a title of its own (the upper line,
    # a place's phrase, stays out)
    doc, r = record_of_text(TITLE_ON_TWO_LINES.replace("\n\n工程项目2020年度", "\n\n东丽区工程项目2020年度"))
    assert r.title == "东丽区工程项目2020年度绩效自评报告"


# hainan-hainan-undated-forest-ecological-compensation-fund-report-cover: a document site's heading
# (its own words for the file), its download notes, then the cover's own title
COVER_UNDER_SITE_HEADING = (
    "海南省森林生态效益补偿基金财政支出项目绩效评价报告\n合集下载\n"
    "1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。\n"
    "附件4-1\n财政支出项目绩效评价报告\n评价类型:实施过程评价□ 完成结果评价□\n"
    "项目名称:森林生态效益补偿基金\n"
)


def test_the_documents_own_title_after_the_pages_chrome_wins_whatever_the_page_heading_says() -> None:
    doc, r = record_of_text(COVER_UNDER_SITE_HEADING)
    assert r.title == "财政支出项目绩效评价报告"
    assert evidence(doc, r, "title") == "财政支出项目绩效评价报告"
    # near miss: nothing between them, no chrome and no annex label (an annex label alone also marks the
    # document under it: test_generalisation_titles) — the first heading is the document's, the second a part's
    doc, r = record_of_text(
        COVER_UNDER_SITE_HEADING.replace(
            "合集下载\n1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。\n"
            "附件4-1\n",
            "",
        )
    )
    assert r.title == "海南省森林生态效益补偿基金财政支出项目绩效评价报告"


# hunan-yongxing-2020-agricultural-insurance-premium-subsidy-self-report, its heading's last words
# varied the ways other sites end a title (…结果公开, …情况说明, …及自评表, a draft's tag)
YONGXING = (
    "永兴县农业保险保费补贴2020年度{end}\n\n发布时间:2021-10-26 17:11 来源:县财政局 作者: 【字体:\n\n"
    "一、绩效目标分解下达情况\n\n2020年,永兴县农业保险保费补贴资金预算1580万元。\n"
)


@pytest.mark.parametrize(
    "end",
    [
        "绩效自评报告",
        "绩效自评结果公开",
        "绩效评价情况说明",
        "绩效自评工作总结",
        "绩效目标完成情况自评报告",
        "绩效自评报告及自评表",
        "绩效评价报告(征求意见稿)",
    ],
)
def test_the_words_that_say_what_kind_of_document_it_is_are_no_part_of_the_programme(end: str) -> None:
    doc, r = record_of_text(YONGXING.format(end=end))
    assert r.program == "农业保险保费补贴"
    assert evidence(doc, r, "program") == "农业保险保费补贴"


def test_a_results_publication_is_a_title() -> None:
    doc, r = record_of_text(YONGXING.format(end="绩效自评结果公开"))
    assert r.title == "永兴县农业保险保费补贴2020年度绩效自评结果公开"
    # near miss: a page's section name (预算绩效信息公开) is no title
    doc, r = record_of_text(
        YONGXING.format(end="绩效自评结果公开").replace(
            "永兴县农业保险保费补贴2020年度绩效自评结果公开", "预算绩效信息公开"
        )
    )
    assert r.title is None


def test_a_title_whose_words_before_the_report_are_an_evaluations_names_no_programme() -> None:
    # yunnan-honghe-2024-data-center-project-self-report: 项目支出绩效单位自评报告 — what is left once the
    # report's words go (项目支出绩效单位) is no programme: abstain
    doc, r = record_of_text(
        "红河州数据发展中心2024年度项目支出绩效单位自评报告\n一、基本情况\n"
        "2024年,红河州数据发展中心(以下简称“州数据发展中心”)实施项目共15个。\n"
    )
    assert r.program is None


def test_quotation_marks_around_the_whole_programme_are_no_part_of_it() -> None:
    # anhui-panji-2024-opera-to-villages-evaluation: 2024年度潘集区“送戏进万村”绩效评价报告 → 送戏进万村
    # (devset ruling 18, which replaced the earlier reading “送戏进万村”)
    doc, r = record_of_text(
        "2024年度潘集区“送戏进万村”绩效评价报告\n一、基本情况\n为丰富群众文化生活,潘集区开展送戏进万村活动。\n"
    )
    assert r.program == "送戏进万村"


# shandong-licheng-2019-cultural-center-free-opening-self-table-page: the form's heading set as the
# page's heading, the publication line, then the form's year line
HEADING_CHROME_YEAR = (
    "当前位置:首页 >> 内容详情内容详情\n\n区级部门预算项目支出绩效自评表\n\n"
    "发布时间:2020-04-27 发布者:admin\n\n( 2019 年度)\n"
    "主管部门(盖章):                                       单位:万元\n"
    "项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局\n"
)


def test_a_forms_year_line_past_the_pages_publication_line_ends_its_title() -> None:
    doc, r = record_of_text(HEADING_CHROME_YEAR)
    assert r.title == "区级部门预算项目支出绩效自评表(2019年度)"
    assert evidence(doc, r, "title").endswith("( 2019 年度)")
    # near miss: a line of the form between them — the year line is the form's own, not the heading's
    doc, r = record_of_text(
        HEADING_CHROME_YEAR.replace("发布者:admin\n\n", "发布者:admin\n\n项目名称 商品和服务支出\n")
    )
    assert r.title == "区级部门预算项目支出绩效自评表"


# anhui-xiaoxian-2023-yanglou-specialty-farming-subsidy-self-table: an information-disclosure page's
# metadata names the document (名  称: …), the next field's label cut short and run in (词:), and the
# page prints it again as its heading — a heading that does not say it is a report
LABELLED = (
    "信息分类: 内容分类: 行业扶贫相关财政资金和县域结对帮扶财政支援资金使用情况\n"
    "发文日期: 2023-09-28 10:42:51 生成日期: 2023-09-28 10:42:51\n"
    "发布机构: 杨楼镇人民政府 文  号:\n名  称: 2023年杨楼社区特色种养殖补贴到户项目资金使用情况\n词:\n\n"
    "2023年杨楼社区特色种养殖补贴到户项目资金使用情况\n\n"
    "发表时间:2023-09-28 10:42信息来源:杨楼镇人民政府作者:杨楼镇阅读人次: 字体:[    ]\n"
    "项目名称 2023年杨楼社区特色种养殖补贴到户项目\n"
)


def test_a_heading_the_pages_metadata_names_as_the_document_is_its_title() -> None:
    doc, r = record_of_text(LABELLED)
    assert r.title == "2023年杨楼社区特色种养殖补贴到户项目资金使用情况"
    assert evidence(doc, r, "title") == "2023年杨楼社区特色种养殖补贴到户项目资金使用情况"
    assert r.evidence["title"].span[0] > LABELLED.index("词:")  # the heading, not the metadata field
    # near miss: the metadata names it but the page never prints it as a heading — no title
    doc, r = record_of_text(LABELLED.replace("\n2023年杨楼社区特色种养殖补贴到户项目资金使用情况\n\n", "\n"))
    assert r.title is None


# guangxi-guangxi-2021-rural-environment-improvement-transfer-self-report: no title; the funds named
# first in a cited notice's title, then in the writer's own sentence with the amount passed down
CITED_THEN_OWN = (
    "一、绩效目标分解下达情况\n(一)中央下达农村环境整治资金预算情况。\n"
    "财政部《关于下达2021年农村环境整治资金预算的通知》(财资环〔2021〕54号),"
    "下达广西壮族自治区2021年中央农村环境整治专项资金共计5404万元。\n"
    "(二)自治区分配下达资金预算情况。\n"
)


def test_the_writers_own_sentence_names_the_funds_over_a_cited_notices_title() -> None:
    doc, r = record_of_text(CITED_THEN_OWN)
    assert r.program == "中央农村环境整治专项资金"
    assert evidence(doc, r, "program") == "中央农村环境整治专项资金"
    # near miss: only the citation names them — its name is the programme
    doc, r = record_of_text(CITED_THEN_OWN.replace(",下达广西壮族自治区2021年中央农村环境整治专项资金共计5404万元", ""))
    assert r.program == "农村环境整治资金"


# sichuan-renshou-cihang-2024-primary-school-final-accounts-spam: a final-accounts publication's table
# of contents, one of its numbered entries a self-evaluation form — no title of this document
CONTENTS = (
    "目录\n第一部分单位概况\n一、职能简介\n二、2024年重点工作完成情况\n"
    "第二部分 2024年度单位决算情况说明\n一、收入支出决算总体情况说明\n"
    "十三、财政拨款“三公”经费支出决算表\n十四、部门预算项目支出绩效自评表(2024年度)\n"
    "第一部分 单位概况\n一、职能简介\n仁寿县慈航镇小学校是一所公办小学校。\n"
)


def test_a_numbered_entry_of_the_documents_contents_is_no_title() -> None:
    doc, r = record_of_text(CONTENTS)
    assert r.title is None
    # near miss: the same form's heading as an annex's (附件1:) is a title
    doc, r = record_of_text(CONTENTS.replace("十四、部门预算", "附件1:部门预算"))
    assert r.title == "部门预算项目支出绩效自评表(2024年度)"


# jiangsu-changshu-2016-river-long-term-management-self-report-doc-site: a document site's file name,
# printed again, over the document's own title set on two lines
FILE_NAME_OVER_TWO_LINES = (
    "《常熟河道长效管理项目.docx》由会员分享,可在线阅读,更多相关《常熟河道长效管理项目.docx(15页珍藏版)》"
    "请在冰点文库上搜索。\n\n常熟河道长效管理项目.docx\n\n常熟河道长效管理项目\n\n"
    "常熟市2016年度河道长效管理项目\n\n绩效评价自评报告\n\n"
    "为建立健全“预算编制有目标、预算执行有监控、预算完成有评价”的全过程预算绩效管理机制。\n"
)


def test_a_title_made_whole_by_its_first_line_takes_no_line_above_it() -> None:
    doc, r = record_of_text(FILE_NAME_OVER_TWO_LINES)
    assert r.title == "常熟市2016年度河道长效管理项目绩效评价自评报告"
    assert evidence(doc, r, "title").startswith("常熟市2016年度")
    assert r.program == "河道长效管理"


# chongqing-fengjie-2023-work-safety-reporting-award-target-approval-table: a form whose name ends in a
# form word of its own (审批表), flattened with its cells, its year line under it
APPROVAL_FORM = (
    "附件3 | |||||||\n财政项目支出绩效目标审批表 | |||||||\n( 2023年度) | |||||||\n"
    "预算单位: | 奉节县应急管理局 | 金额单位:万元 | |||||\n"
    "项目名称 | 12350安全生产举报奖及安全生产专项督查等工作经费 | 项目分类 | 运转类--日常管理类 | ||||\n"
)


def test_any_performance_form_is_a_title_with_its_year_line() -> None:
    doc, r = record_of_text(APPROVAL_FORM)
    assert r.title == "财政项目支出绩效目标审批表(2023年度)"
    # near miss: a form with no evaluation's words (…预算审批表) is no title
    doc, r = record_of_text(APPROVAL_FORM.replace("财政项目支出绩效目标审批表", "财政项目支出预算审批表"))
    assert r.title is None


# hainan-haikou-undated-police-command-hall-upgrade-project-report: the page's heading, its chrome, then
# the cover's two lines — the report's words first, the project's name under them
COVER_REPORT_WORDS_FIRST = (
    "首页 >> 信息公开 >> 财政公开 >> 正文\n"
    "海口市公安局项目支出绩效评价报告(海口市公安局指挥大厅升级改造建设项目)\n"
    "2024-04-24 14:20:00 来源: 海口市公安局 【字体:   打印\n\n项目支出绩效评价报告\n\n"
    "海口市公安局指挥大厅升级改造建设项目\n\n一、基本情况  \n\n(一)项目概况。包括项目背景、主要内容及实施情况。\n"
)


def test_a_project_line_under_a_title_that_names_nothing_is_its_last_words() -> None:
    doc, r = record_of_text(COVER_REPORT_WORDS_FIRST)
    assert r.title == "项目支出绩效评价报告海口市公安局指挥大厅升级改造建设项目"
    assert r.program == "指挥大厅升级改造建设"
    assert evidence(doc, r, "program") == "指挥大厅升级改造建设"
    # near miss: a title that names its place already takes no line under it
    doc, r = record_of_text(
        COVER_REPORT_WORDS_FIRST.replace("\n\n项目支出绩效评价报告\n\n", "\n\n海口市项目支出绩效评价报告\n\n")
    )
    assert r.title == "海口市项目支出绩效评价报告"


def test_a_reports_name_quoted_in_a_sentence_is_no_title() -> None:
    # jiangxi-jiangxi-2022-urban-construction-fund-self-report-news-trad: a news item quoting the report
    text = (
        "近日,江西省住房和城鄉建設廳發布《2022年省級城市建設專項資金績效自評報告》。\n"
        "2022年度,江西省安排1.9億元城市建設專項資金,用于加快促進城市建設和發展。\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    # near miss: the same name in title marks on a line of its own is the page's heading
    doc, r = record_of_text(text.replace("近日,江西省住房和城鄉建設廳發布《", "《").replace("》。\n", "》\n"))
    assert r.title == "2022年省級城市建設專項資金績效自評報告"


def test_a_heading_marked_as_a_bundle_of_samples_is_no_title() -> None:
    # shandong-zhangdian-undated-urban-rural-sanitation-essay-site-trad (ruling 10): the collection's
    # heading with its (熱門16篇) mark, the samples labelled 篇一
    text = (
        "建筑施工项目评价报告(热门16篇)\n字号:\n报告可以用于学术领域、商业行业、社会科学等各个领域。\n"
        "建筑施工项目评价报告 篇一\n为深化环卫体制改革,张店区设立城乡环卫一体化项目。\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None
    # near miss: without the mark the heading is the title
    doc, r = record_of_text(text.replace("(热门16篇)", "").replace(" 篇一", "附件"))
    assert r.title == "建筑施工项目评价报告"


def test_a_bodys_name_over_a_whole_title_that_names_its_place_first_is_a_letterhead() -> None:
    # the genre's letterhead (发文机关标志) over a title that already opens with the place: not the title's
    # first words, as over a 关于… title (written from the convention, not from a devset item)
    doc, r = record_of_text("澧县财政局\n澧县2022年度农村公路养护资金绩效评价报告\n一、项目基本情况\n")
    assert r.title == "澧县2022年度农村公路养护资金绩效评价报告"
    doc, r = record_of_text("湖南省澧县交通运输局\n澧县农村公路养护项目2022年度绩效自评报告\n一、项目概况\n")
    assert r.title == "澧县农村公路养护项目2022年度绩效自评报告"
    # near miss: a body's name over a title that opens with its year is the title's first words
    doc, r = record_of_text("某县人民医院\n2021年度部门整体支出绩效评价报告\n一、部门概况\n")
    assert r.title == "某县人民医院2021年度部门整体支出绩效评价报告"


def test_a_transfer_payment_passed_down_keeps_its_fund_word() -> None:
    # ruling 11: the programme a body names where it states what was passed down keeps the fund word
    # attached to the name (转移支付, 转移支付资金); 预算 and the amount after it are no part of it.
    # chongqing-zhongxian-2022-…-rural-reform-transfer-prog-self-report (its title names no programme)
    doc, r = record_of_text(
        "忠县金声乡人民政府转移支付2022年度绩效自评报告\n一、绩效目标分解下达情况\n"
        "2022年金声乡收到中央、市级下达农村综合改革转移支付预算共计50万元,主要用于村级集体经济发展试点项目建设。\n"
    )
    assert r.program == "农村综合改革转移支付"
    assert evidence(doc, r, "program") == "农村综合改革转移支付"
    # guangxi-guangxi-2024-rural-urban-resident-pension-transfer-self-report: 转移支付资金 before the amount
    doc, r = record_of_text(
        "(一)中央资金下达情况。2024年度,中央大力支持广西城乡居民基本养老保险工作,"
        "分三批向广西下达城乡居民基本养老保险转移支付资金900304万元,\n"
    )
    assert r.program == "城乡居民基本养老保险转移支付资金"


def test_the_funds_the_basic_situation_allocates_name_the_programme_when_nothing_else_does() -> None:
    # genre shape (bench/genre_variants.py PROGRAMMES): a title that names no programme, and the basic
    # situation saying what money was passed down or arranged, its amount right after the name
    doc, r = record_of_text(
        "项目支出绩效自评报告\n一、基本情况\n2022年，县财政安排城乡医疗救助资金500万元，用于困难群众医疗救助。\n"
    )
    assert r.program == "城乡医疗救助资金"
    assert evidence(doc, r, "program") == "城乡医疗救助资金"
    # two funds allocated so: two programmes of equal standing, and a warning names both
    _doc, r = record_of_text(
        "项目支出绩效自评报告\n一、基本情况\n2022年，省财政厅下达我县义务教育薄弱环节改善补助资金1200万元，"
        "县财政安排城乡医疗救助资金500万元。\n"
    )
    assert r.program is None
    assert any("program: conflicting values" in w and "城乡医疗救助资金" in w for w in r.warnings)
    # money named by its level, source or channel alone is no programme
    _doc, r = record_of_text("项目支出绩效自评报告\n一、基本情况\n2022年，市财政下达市级项目资金50万元。\n")
    assert r.program is None
    # a title that names the programme outranks it
    _doc, r = record_of_text(
        "某县2022年度高标准农田建设项目绩效评价报告\n一、基本情况\n县财政安排城乡医疗救助资金500万元。\n"
    )
    assert r.program == "高标准农田建设"


def test_a_flattened_forms_funds_source_label_ends_the_programme_before_it() -> None:
    # genre shape: 项目名称：… with the next cell's label (资金来源) glued to the value
    _doc, r = record_of_text("项目名称：城区背街小巷改造工程资金来源：县本级财政\n")
    assert r.program == "城区背街小巷改造工程"


def test_a_news_items_headline_in_words_of_its_own_is_its_title() -> None:
    # ruling 17; chongqing-chongqing-2015-free-museums-assessment-news: the metadata line under it
    doc, r = record_of_text(
        "重庆开展免费开放博物馆绩效考核成效明显\n发布时间:2016-12-09\n\n"
        "        为提升免费开放博物馆的社会服务水平,自2011年起,重庆市率先在全国实施免费开放博物馆(纪念馆)年度绩效考核。\n"
    )
    assert r.title == "重庆开展免费开放博物馆绩效考核成效明显"
    assert evidence(doc, r, "title") == r.title
    # shanxi-2021-grassland-…-news: the breadcrumb over it; its words after the programme name no programme
    _doc, r = record_of_text(
        "首页 > 生态山西 > 正文\n我省草原生态修复治理补助绩效评价全国第一\n2023-04-26 15:23:52 来源:太原日报\n"
        "  省林业和草原局4月25日消息,山西省得到94.2分,位居全国第一。\n"
    )
    assert r.title == "我省草原生态修复治理补助绩效评价全国第一"
    assert r.program is None
    # a numbered heading of a report, or a page's 标题: field, is no headline
    _doc, r = record_of_text("四、绩效自评结果拟应用和公开情况\n本次自评结果在系统内部公开。\n附件:自评表[点击下载]\n")
    assert r.title is None
    # (an Arabic-numbered one too, as _is_title reads it: one pattern serves both)
    _doc, r = record_of_text("2.项目绩效评价结果应用情况\n发布时间:2023-05-10\n本次评价结果在系统内部公开。\n")
    assert r.title is None


def test_a_news_body_names_what_was_assessed_or_announced() -> None:
    # national-small-reservoir-…-launch-news: the evaluation launched (启动…绩效评价工作), a 《》 plan's project
    doc, r = record_of_text(
        "为加强全国重点小型病险水库除险加固专项资金管理,提高财政资金使用效益,"
        "财政部、水利部于近期启动《全国重点小型病险水库除险加固规划》项目绩效评价工作。\n"
    )
    assert r.program == "《全国重点小型病险水库除险加固规划》"  # (its trailing 项目 goes, as in a title)
    assert evidence(doc, r, "program") == r.program
    # shaanxi-hanzhong-2023-reservoir-resettlement-…-news: a 基金 whose evaluation result was announced
    doc, r = record_of_text(
        "近日,省水利厅通报2023年度中央水库移民扶持基金绩效评价结果,我市荣获“优秀”等次。"
        "至此,我市中央水库移民扶持基金绩效评价已连续三年被评为全省“优秀”等次。\n"
    )
    assert r.program == "中央水库移民扶持基金"
    # genre shape: the places assessed before the year, 落实情况, 绩效考核
    doc, r = record_of_text("日前,市农业局对各县区2022年度农机购置补贴资金落实情况进行了绩效考核。\n")
    assert r.program == "农机购置补贴资金"
    assert evidence(doc, r, "program") == r.program
    # near miss: the writer's own unit's spending as a whole is no programme
    _doc, r = record_of_text("日前,市农业局对各县区2022年度部门整体支出进行了绩效考核。\n")
    assert r.program is None


def test_an_indicator_tables_title_and_an_allocation_with_its_total_name_the_programme() -> None:
    # hebei-ningjin-2019-high-school-grant-indicator-table: …项目绩效评价指标表 is the document's kind
    _doc, r = record_of_text("2019年度宁晋县高中助学金项目绩效评价指标表\n\n发布时间: 2020-12-02\n")
    assert r.program == "高中助学金"
    # guangdong-zhuhai-2021-industry-provincial-funds-coded: 合计 between the fund and its amount
    doc, r = record_of_text(
        "珠海市工业和信息化局2021年度省级财政专项资金绩效评价报告\n一、基本情况\n"
        "省工业和信息化厅2021年通过项目制下达至珠海市的省级促进经济高质量发展专项资金合计12,358.67万元,"
        "用于战略性产业集群产业链支撑。\n"
    )
    assert r.program == "省级促进经济高质量发展专项资金"
    assert evidence(doc, r, "program") == r.program
    # near miss: money named by its use alone (工作经费) names no programme, 共 or not
    _doc, r = record_of_text("项目支出绩效自评报告\n一、基本情况\n2022年县财政安排工作经费共20万元。\n")
    assert r.program is None


def test_a_quoted_programme_and_a_lottery_fund_are_named_as_programmes() -> None:
    # neimenggu-2015-wolfberry-forestry-extension-evaluation-news: quotation marks say where the name
    # starts and ends, so it need not end in a programme's noun (…推广示范)
    doc, r = record_of_text(
        "中央财政林业科技推广示范项目“枸杞高效栽培经营技术推广示范”通过绩效评价\n30.06.2015 13:14\n本文来源: 林业厅\n"
        "林业厅政府网6月30日讯 2015 年6月12日,林业厅组织专家对林科院承担的中央财政林业科技推广示范项目"
        "“枸杞高效栽培经营技术推广示范”进行了绩效评价工作。\n"
    )
    assert r.program == "枸杞高效栽培经营技术推广示范"
    assert evidence(doc, r, "program") == r.program
    # shanxi-guangling-2022-welfare-lottery-fund-use-notice: 彩票公益金 ends a fund's name as 资金 does
    doc, r = record_of_text(
        "一、福利彩票公益金使用情况\n2022年,广灵县共收到上级拨付的福利彩票公益金6万元。其中:省级6万元。\n"
    )
    assert r.program == "福利彩票公益金"
    assert evidence(doc, r, "program") == r.program
    # near miss: a quoted phrase with no evaluation after it names nothing
    _doc, r = record_of_text("林业厅坚持“绿水青山就是金山银山”理念,推进造林绿化。\n")
    assert r.program is None
