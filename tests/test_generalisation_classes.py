"""The classes of miss measured on unseen reports (issue 8), each on a document built the way
such reports are published: a results form in a Word table, tier scores only in prose, the
issue date on a cover or 印发 line with spaces, a finance bureau's notice, the place named by
the title and not by the body, a title with an annex label glued to it.

Place names, programmes and numbers are varied from the development set's; every value is
asserted with the words it came from.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from excerpt_records import evidence, record_of_text

from jixiao import parse
from jixiao.extractor.readers.text import read_text
from jixiao.extractor.record import build_record
from jixiao.extractor.record.view import fold


def _docx(path: Path, title: str, rows: list[list[str]], after: str = "") -> Path:
    d = docx.Document()
    d.add_paragraph(title)
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    if after:
        d.add_paragraph(after)
    d.save(path)
    return path


def test_results_form_label_cell_value_cell_grade_in_the_next_cell(tmp_path) -> None:
    path = _docx(
        tmp_path / "form.docx",
        "湘潭县2023年度农村公路养护资金绩效评价结果反馈表",
        [
            ["项目名称", "农村公路养护资金", "", ""],
            ["主管部门", "湘潭县交通运输局", "", ""],
            ["综合得分", "86.12", "良好", ""],
        ],
    )
    doc = parse(path)
    r = build_record(doc)
    assert (r.score.total, r.score.grade, r.score.grade_source) == (86.12, "良", "stated")
    assert "86.12" in evidence(doc, r, "score.total") and "良好" in evidence(doc, r, "score.grade")
    assert r.program == "农村公路养护资金" and r.jurisdiction.adcode == "430321"
    assert r.years == [2023]


def test_results_form_header_row_over_value_row(tmp_path) -> None:
    path = _docx(
        tmp_path / "form2.docx",
        "2022年度河池市就业补助资金绩效评价结果",
        [
            ["项目名称", "评价得分", "评价等级"],
            ["就业补助资金", "79.5", "中"],
        ],
    )
    doc = parse(path)
    r = build_record(doc)
    assert (r.score.total, r.score.grade, r.score.grade_source) == (79.5, "中", "stated")
    assert r.program == "就业补助资金" and r.jurisdiction.adcode == "451200"


def test_tier_scores_stated_only_in_each_analysis_section() -> None:
    doc, r = record_of_text(
        "2022年度宜春市袁州区义务教育薄弱环节改善资金绩效评价报告\n"
        "一、评价结论\n经综合评价，该项目得分88.5分，评价等级为“良”。\n"
        "二、绩效分析\n（一）项目决策情况\n项目决策指标满分15分，实际得分13.5分。立项依据充分，程序规范。\n"
        "（二）项目过程情况\n该部分满分25分，得分22分。资金拨付及时。\n"
        "（三）项目产出情况\n项目产出指标分值40分，得分36分。\n"
        "（四）项目效益情况\n本项指标满分20分，得分17分。"
    )
    tiers = [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]
    assert tiers == [("决策", 15, 13.5), ("过程", 25, 22), ("产出", 40, 36), ("效益", 20, 17)]
    for i in r.indicators:
        assert f"{i.score:g}" in doc.text[i.span[0] : i.span[1]]
    assert (r.score.total, r.score.grade) == (88.5, "良")
    assert "88.5" in evidence(doc, r, "score.total")


@pytest.mark.parametrize(
    "tail, date",
    [
        ("资阳市财政局\n2024 年 3 月 5 日", "2024-03-05"),
        ("资阳市财政局办公室          2024 年 3 月 6 日印发", "2024-03-06"),
    ],
)
def test_finance_notice_mode_issuer_and_issue_date_with_spaces(tail: str, date: str) -> None:
    doc, r = record_of_text(
        "资阳市财政局关于2023年度市级部门整体支出绩效评价结果的通报\n各市级部门：\n"
        "在各部门自评的基础上，我局组织开展了2023年度部门整体支出绩效评价，现将结果通报如下。\n" + tail
    )
    assert r.evaluation_mode == "finance"  # its own evaluation of others' spending, not a self-evaluation
    assert r.evaluator == "资阳市财政局" and r.jurisdiction.adcode == "512000"
    assert r.years == [2023] and r.report_date == date
    assert date[:4] in evidence(doc, r, "report_date").replace(" ", "")


def test_cover_date_in_chinese_numerals() -> None:
    doc, r = record_of_text(
        "汉中市2021年城乡居民基本医疗保险财政补助资金绩效评价报告\n陕西华信会计师事务所有限公司\n二〇二二年六月\n"
        "受汉中市财政局委托，陕西华信会计师事务所有限公司对汉中市医疗保障局实施的2021年城乡居民基本医疗保险财政补助资金"
        "开展了绩效评价。\n一、项目基本情况\n略。"
    )
    assert r.report_date == "2022-06" and evidence(doc, r, "report_date") == "二〇二二年六月"
    assert r.evaluation_mode == "third_party" and r.evaluator == "陕西华信会计师事务所有限公司"
    assert r.evaluated_unit == "汉中市医疗保障局" and r.jurisdiction.adcode == "610700"


def test_place_from_the_title_or_the_commissioning_bureau_not_the_body() -> None:
    # The body names a province, a prefecture and other counties; the title names the county.
    doc, r = record_of_text(
        "望谟县2022年度巩固脱贫攻坚成果衔接资金项目绩效评价报告\n"
        "根据贵州省和黔西南州的部署，参照兴义市、安龙县的做法，望谟县乡村振兴局对资金使用情况开展了评价。"
    )
    assert r.jurisdiction.adcode == "522326" and evidence(doc, r, "jurisdiction") == "望谟县"
    # No place in the title: the finance bureau that commissioned the evaluation names it.
    doc, r = record_of_text(
        "2021年度高标准农田建设项目绩效评价报告\n"
        "受岳阳县财政局委托，湖南建业会计师事务所有限公司对长沙、株洲等地经验进行比较后，对项目开展了绩效评价。"
    )
    assert r.jurisdiction.adcode == "430621" and r.evaluation_mode == "third_party"


def test_title_with_annex_label_glued_and_hard_wrapped() -> None:
    doc, r = record_of_text(
        "附件22022年度恩施州农村饮水安全工程维修养护\n资金绩效自评报告\n一、基本情况\n恩施州水利和湖泊局对项目开展了自评。"
    )
    assert r.title == "2022年度恩施州农村饮水安全工程维修养护资金绩效自评报告"
    assert r.years == [2022] and r.program == "农村饮水安全工程维修养护资金"
    assert r.jurisdiction.adcode == "422800" and r.evaluation_mode == "self"


def test_self_table_flattened_with_nothing_between_cells() -> None:
    # a self-evaluation table copied out of a PDF: labels and values glued into one line
    text = (
        "附件:2023年财政衔接资金项目绩效自评表\n"
        "绩效目标自评表(2023年度)项目名称丰都县高标准农田灌溉渠系配套建设项目负责人及电话王明13900000000"
        "主管部门丰都县农业农村委员会实施单位丰都县三建乡人民政府资金情况(万元)全年预算数(A)全年执行数(B)\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "高标准农田灌溉渠系配套建设"
    assert r.evaluated_unit == "丰都县三建乡人民政府"  # 实施单位 over 主管部门
    assert "实施单位丰都县三建乡人民政府" in evidence(doc, r, "evaluated_unit")
    # a sentence that names two labels is not a form
    _doc, r2 = record_of_text("主管部门对项目建设和资金情况进行检查,并反馈省级主管部门。\n")
    assert r2.evaluated_unit is None


def test_the_source_of_a_page_over_the_portal_that_published_it() -> None:
    text = (
        "永登县2022年度乡村振兴衔接资金项目绩效自评报告\n"
        "发布机构: 县政府办  发布时间: 2023-04-11  信息来源: 永登县乡村振兴局\n"
        "按照县财政局要求,现将项目绩效自评情况报告如下。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    # the page's metadata alone names no unit (devset ruling 3) …
    assert r.evaluated_unit is None
    # … but where the report names the source too, the source (not the portal's office) is the unit
    doc, r = record_of_text(text.replace("按照县财政局要求", "永登县乡村振兴局按照县财政局要求"))
    assert r.evaluated_unit == "永登县乡村振兴局" and "信息来源" not in evidence(doc, r, "evaluated_unit")


def test_the_unit_introducing_itself_in_the_basic_situation() -> None:
    text = (
        "2022年度项目支出绩效自评报告\n一、基本情况\n"
        "  滁州市南谯区林业局主要负责全区森林资源保护和林业生态建设。2022年安排项目资金300万元。\n"
        "二、绩效目标完成情况\n我局按期完成了造林任务。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == "滁州市南谯区林业局" == r.evaluator
    assert evidence(doc, r, "evaluated_unit").endswith("滁州市南谯区林业局")


def test_portal_title_label_and_a_notice_title_give_the_programme() -> None:
    text = (
        "索 引 号: 11620000/2023-00012\n"
        "标        题 关于上报2023年城乡低保提标补助资金项目支出绩效自评的报告\n"
        "武山县民政局:\n按照要求,现将自评情况报告如下。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "关于上报2023年城乡低保提标补助资金项目支出绩效自评的报告"
    assert r.program == "城乡低保提标补助资金"


def test_programme_of_a_financial_expenditure_evaluation_titled_after_its_department() -> None:
    text = "2019 年奉贤区文化旅游局公共文化配送经费项目 财政支出绩效评价报告\n一、项目概况\n"
    doc, r = record_of_text(text)
    assert r.program == "公共文化配送经费"
    assert "公共文化配送经费" in evidence(doc, r, "program")


def test_programme_as_the_subject_of_the_overview() -> None:
    text = (
        "一、基本情况\n(一)项目概况\n"
        "鹿城区污水零直排区建设工程(三期)是为提高污水收集率实施的民生项目,总投资约3.2亿元。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "污水零直排区建设工程(三期)"


def test_self_table_money_block_one_cell_a_line() -> None:
    # a 自评表 pasted from a web page: every cell on its own line, the score column included
    cells = [
        "2022年度部门整体支出绩效自评表",
        "年度预算申请",
        "(万元",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "自评得分",
        "年度资金总额",
        "512.30",
        "1208.45",
        "1180.02",
        "10",
        "97.65%",
        "9.8",
        "按收入性质分:1208.45",
        "年度总体目标",
    ]
    doc, r = record_of_text("\n\n".join(cells) + "\n")
    got = {(f.name, f.value) for f in r.figures}
    assert ("年初预算数", 5123000) in got and ("全年执行数", 11800200) in got
    # the one-value row is named, but placed in no column sum: no false arithmetic failure
    assert not [c for c in r.checks if not c.ok and c.rule == "table_sum"]


def test_year_note_line_without_a_title_and_a_single_funds_year() -> None:
    doc, r = record_of_text("部门整体支出绩效自评表\n填报单位:某县文化馆\n\n(2023年度)\n填报日期 2024年 2月26日\n")
    assert r.years == [2023] and "2023" in evidence(doc, r, "years")
    doc, r = record_of_text("一、项目基本情况\n为改善城区环境,2020年下达了园林绿化经费514.56万元,用于行道树养护。\n")
    assert r.years == [2020]
    # two different years in the opening, each once: no guess
    _doc, r = record_of_text("一、项目基本情况\n2020年下达了园林绿化经费514.56万元,2021年继续实施。\n")
    assert r.years == []


def test_a_review_of_others_self_evaluations_is_not_a_self_evaluation() -> None:
    text = (
        "某县动物防疫补助资金绩效评价报告\n"
        "依据我县财政支出绩效评价程序,县财政局组成了绩效评价工作组,在汇总项目单位上报的自评报告的基础上进行了抽查。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "finance" and "财政局组成" in evidence(doc, r, "evaluation_mode")
    _doc, r2 = record_of_text("项目情况\n据某某厅绩效自评报告中预计,节能量为29.2万吨。\n")
    assert r2.evaluation_mode is None


def test_total_after_a_flattened_table_ending_in_a_satisfaction_row() -> None:
    text = (
        "绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标贴息户数≥100户"
        "126户20%20满意度指标服务对象满意度≥80%100%5%5得分合计96.5。\n"
    )
    doc, r = record_of_text(text)
    assert r.score.total == 96.5 and "得分合计96.5" in evidence(doc, r, "score.total")
    # a satisfaction score in a sentence stays a sub-score
    _doc, r2 = record_of_text("经测评,群众满意度得分94.47分。\n")
    assert r2.score.total is None


def test_self_table_pipe_rows_budget_blocks() -> None:
    # 湖北-style: 年度财政资金总额 under 预算数/执行数/执行率 columns
    doc, r = record_of_text(
        "项目名称 | 乡镇文化站免费开放 | |||\n"
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||\n"
        "年度财政资金总额 | 36.5 | 30.2 | 82.74% | 16.5 | |||\n"
    )
    got = {(f.name, f.value, f.unit) for f in r.figures}
    assert ("预算数", 365000, "元") in got and ("执行数", 302000, "元") in got
    # a header row that lost its corner cell, values printed with 万 in a form of 万元, and the
    # parts (one with a label that ends in no funds word) adding up to the total
    doc, r = record_of_text(
        "资金投入情况(万元) |\n"
        "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||\n"
        "年度资金总额: | 1200.5万 | 1100.5万 | 91.67% | ||||\n"
        "其中:中央财政资金 | 600万 | 600万 | 100% | ||||\n"
        "彩票公益金用于残疾人康复 | 100.5万 | 0.5万 | 0.5% | ||||\n"
        "地方资金 | 500万 | 500万 | 100% | ||||\n"
    )
    got = {(f.name, f.value) for f in r.figures}
    assert ("全年预算数", 12005000) in got and ("全年执行数", 11005000) in got
    assert not [c for c in r.checks if not c.ok and c.rule == "table_sum"]


def test_portal_metadata_lines_are_no_title_and_a_label_glued_to_its_value() -> None:
    text = (
        "- 11530502-7/20230601-00021 - 发文机构\n- 施甸县民政局\n- 公开目录\n- 绩效自评报告\n"
        "2022年度项目支出绩效自评表\n预算部门、单位名称施甸县民政局\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "2022年度项目支出绩效自评表"
    assert r.evaluated_unit == "施甸县民政局" and "单位名称施甸县民政局" in evidence(doc, r, "evaluated_unit")


def test_ex_post_evaluation_and_a_unit_that_carried_out_its_self_evaluation() -> None:
    doc, r = record_of_text("岐山县2023年度残疾人两项补贴事后绩效评价报告\n")
    assert r.program == "残疾人两项补贴"
    doc, r = record_of_text(
        "根据通知要求,额济纳旗苏泊淖尔苏木人民政府开展并完成了本部门转移支付预算执行情况绩效自评工作。\n"
    )
    assert r.evaluated_unit == "额济纳旗苏泊淖尔苏木人民政府" and r.evaluation_mode == "self"


def test_signature_glued_to_the_last_sentence_of_a_one_line_notice() -> None:
    text = (
        "经评价,该项目综合得分86分,等级为良。附件:城乡医疗救助资金绩效评价报告"
        "宁洱哈尼族彝族自治县财政局2023年11月20日(此件公开发布)。\n"
    )
    doc, r = record_of_text(text)
    assert r.report_date == "2023-11-20" and "2023年11月20日" in evidence(doc, r, "report_date")


def test_third_party_report_names_the_unit_in_prose() -> None:
    text = (
        "慈利县2019年学前教育专项资金绩效评价报告\n受慈利县财政局委托,湖南华信会计师事务所对该项目进行了评价。\n"
        "项目组织实施单位为慈利县教育局(以下简称“县教育局”)。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "third_party" and r.evaluated_unit == "慈利县教育局"
    text = (
        "一、评价结论\n评价组到昌黎县文化广电和旅游局进行了现场座谈,得出昌黎县文化广电和旅游局"
        "2021年度“公共文化服务补助项目”绩效评价的最终得分。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == "昌黎县文化广电和旅游局"
    # one of a list of results is no report's unit
    _doc, r = record_of_text(
        "各项目得分分别为93.4分、91分,社区公厕改造项目、区卫健局2019年部门整体绩效评价结果为优秀。\n"
    )
    assert r.evaluated_unit is None


def test_rates_that_are_no_execution_rate_of_the_amounts_before_them() -> None:
    # an indicator row's target and actual (100%100%) after the funds
    doc, r = record_of_text(
        "资金情况:年度金额208万元,资金使用情况合计109.8万元。\n"
        "三级指标指标值完成值权重得分资金足额拨付率100%100%10%10\n"
    )
    assert not [c for c in r.checks if not c.ok and c.rule in ("execution_rate", "arrival_rate")]
    # an amount applied for, not one arrived: no failure said
    doc, r = record_of_text("2018年度农业保险专项资金预算金额为5万元,实际申请拨款金额2.1776万元,资金到位率为100%。\n")
    assert not [c for c in r.checks if not c.ok]
    # a real mistake is still said: 预算 and 执行 labelled, the rate wrong
    doc, r = record_of_text("项目年初预算数为200万元,全年执行数为150万元,预算执行率为80%。\n")
    assert [c for c in r.checks if not c.ok and c.rule == "execution_rate"]


def test_a_disclosure_of_several_programmes_gives_no_grade_but_tier_lists_keep_it() -> None:
    text = (
        "2019年重点绩效评价结果公开\n禁毒工作专项、社区公厕改造建设、扶持企业发展专项评价得分分别为93.4分、91分、81.5分,"
        "社区公厕改造项目、区卫健局2019年部门整体绩效评价结果为优秀。\n"
    )
    _doc, r = record_of_text(text)
    assert r.score.grade is None and r.score.total is None
    text = (
        "某县2022年农村公路养护资金绩效评价报告\n决策、过程、产出、效益指标得分分别为18分、17分、36分、15分,"
        "综合得分86分,评价等级为良。\n"
    )
    doc, r = record_of_text(text)
    assert (r.score.total, r.score.grade, r.score.grade_source) == (86, "良", "stated")


def test_budget_execution_scored_as_a_tier_in_a_self_table() -> None:
    doc, r = record_of_text(
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||\n"
        "年度财政资金总额 | 36.5 | 30.2 | 82.74% | 16.5 | |||\n"
    )
    tiers = [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]
    assert ("预算执行情况", 20, 16.5) in tiers
    ind = next(i for i in r.indicators if i.name == "预算执行情况")
    assert "16.5" in doc.text[ind.span[0] : ind.span[1]]


def test_signature_glued_into_one_line_before_the_attachments() -> None:
    text = (
        "经自评,项目综合得分92分,评价等级为优。特此报告。临沧市临翔区水务局2024年3月15日附件:1.项目支出绩效自评表"
        "2.绩效目标完成情况表\n"
    )
    doc, r = record_of_text(text)
    assert r.report_date == "2024-03-15" and "2024年3月15日" in evidence(doc, r, "report_date")
    # a date in a sentence after a unit is no signature
    _doc, r = record_of_text("经自评,项目综合得分92分。县水务局2024年3月15日下达资金,附件:1.自评表\n")
    assert r.report_date is None


def test_programme_named_in_quotation_marks_before_its_evaluation() -> None:
    text = (
        "景谷县财政局\n我局委托云南某会计师事务所对“2023年城乡居民医疗救助专项资金项目”进行绩效评价,"
        "综合评分为88.5分。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "城乡居民医疗救助专项资金" and "城乡居民医疗救助专项资金" in evidence(doc, r, "program")


def test_results_table_flattened_to_one_line_with_points_after_each_number() -> None:
    # a cover page's 绩效评价结果 table read into one line: criterion (weight%) weight分 score分,
    # the tiers of the 2011 framework (目标完成程度 / 组织管理水平), and the total row
    text = (
        "县2019年农村饮水安全巩固提升工程绩效评价报告 某会计师事务所 二〇二〇年六月 绩效评价结果 评价准则 分值 实际得分 "
        "目标完成程度 (70%) 70分 61分 组织管理水平 (30%) 30分 27.5分 综合绩效 100分 88.5分 评价小组 组长:\n"
    )
    doc, r = record_of_text(text)
    assert r.score.total == 88.5 and "100分 88.5分" in evidence(doc, r, "score.total")
    tiers = {(i.name, i.weight, i.score) for i in r.indicators if i.level == 1}
    assert tiers == {("目标完成程度", 70, 61), ("组织管理水平", 30, 27.5)}
    assert all("分" in doc.text[i.span[0] : i.span[1]] for i in r.indicators if i.level == 1)


def test_self_table_total_row_glued_to_the_table() -> None:
    # a 自评表 flattened with nothing between cells: its 总分 row is 100 then the score
    text = (
        "项目支出绩效自评表(2022年度)项目名称农村供水保障工程主管部门某县水利局实施单位某县水利局"
        "满意度指标(10分)服务对象满意度指标受益群众满意度10≥95%≥96%10……总分10096注:1.一级指标分值统一设置\n"
    )
    doc, r = record_of_text(text)
    assert (r.score.total, r.score.max) == (96, 100) and "总分10096" in evidence(doc, r, "score.total")
    # a maximum that is not 100, glued, is not read: where one number ends is unknown
    _doc, r = record_of_text(text.replace("总分10096", "总分5045"))
    assert r.score.total is None


def test_a_total_row_with_its_label_merged_over_the_label_columns() -> None:
    # 合计 spans 序号/财政事权/政策任务; some rows lost an empty 调整额度 cell (the reader closed the
    # gap): the 预算额度 column still adds up, and nothing is flagged in the columns that slid
    rows = [
        "序号 | 财政事权 | 政策任务 | 预算额度 | 调整额度 | 实际安排额度 | 文件 |",
        "1 | N1.农业产业发展 | N101.种业振兴 | 120.00 | 120.00 | ||",
        "2 | N1.农业产业发展 | N102.农机购置 | 845.50 | 20.25 | 865.75 | 注1 |",
        "3 | N2.农村人居环境 | N201.厕所改造 | 1,300.00 | 1,300.00 | ||",
        "合计 | 2,265.50 | 20.25 | 2,285.75 |",
    ]
    doc, r = record_of_text("表1 某市2021年度省级农业资金安排情况表 单位:万元\n" + "\n".join(rows) + "\n")
    sums = [c for c in r.checks if c.rule == "table_sum"]
    assert sums and all(c.ok for c in sums)
    assert any("2,265.50" in c.detail for c in sums)
    # the same table with a wrong total is flagged, on the right column
    doc, r = record_of_text(
        "表1 某市2021年度省级农业资金安排情况表 单位:万元\n"
        + "\n".join(rows[:-1] + ["合计 | 2,256.50 | 20.25 | 2,285.75 |"])
        + "\n"
    )
    bad = [c for c in r.checks if c.rule == "table_sum" and not c.ok]
    assert len(bad) == 1 and "2,256.50" in bad[0].detail and "预算额度" in bad[0].detail


def test_transfer_payment_self_report_issuer_above_its_title() -> None:
    # the unit alone on the line above 关于…; the budget category 转移支付 before the year is no programme
    text = (
        "大足区水利局\n关于大足区转移支付2023年度中央水利发展资金(第三批)绩效自评报告\n"
        "一、基本情况\n我局高度重视,及时开展自评。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self"
    assert r.evaluated_unit == r.evaluator == "大足区水利局" and evidence(doc, r, "evaluated_unit") == "大足区水利局"
    assert r.program == "中央水利发展资金"  # (第三批) cut: tests/devset/README.md ruling 28
    assert (
        r.title == "关于大足区转移支付2023年度中央水利发展资金(第三批)绩效自评报告"
    )  # the letterhead is no part of it


def test_peoples_organisation_by_short_name_and_programme_in_brackets_after_the_title() -> None:
    text = (
        "城关区妇联中央转移支付2022年度绩效自评报告(妇女儿童发展补助资金)\n一、绩效目标分解\n"
        "按照要求,对资金使用情况开展自评。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "城关区妇联中央转移支付2022年度绩效自评报告(妇女儿童发展补助资金)"
    assert r.program == "妇女儿童发展补助资金" and r.years == [2022]
    assert r.evaluated_unit == r.evaluator == "城关区妇联"


def test_programme_in_brackets_on_the_line_under_the_title() -> None:
    text = (
        "发布机构 | 某县农业农村局 |\n某县农业农村局2021年度项目绩效自评报告\n(耕地地力保护补贴项目)\n"
        "一、项目基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "某县农业农村局2021年度项目绩效自评报告(耕地地力保护补贴项目)"
    assert r.program == "耕地地力保护补贴" and "耕地地力保护补贴" in evidence(doc, r, "program")
    # 的 between 绩效 and 自评 is still what the title says of the report
    _doc, r = record_of_text("关于2022年度义务教育薄弱环节改善资金绩效的自评报告\n一、基本情况\n")
    assert r.program == "义务教育薄弱环节改善资金"


def test_a_county_unit_by_its_short_name_takes_its_full_name_from_the_body() -> None:
    text = (
        "县司法局2021年度公共法律服务经费绩效自评报告\n按照要求,和平县司法局对公共法律服务经费进行了自评,"
        "现将情况汇报如下。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == r.evaluator == "和平县司法局" and evidence(doc, r, "evaluated_unit") == "和平县司法局"


def test_ex_ante_assessment_cover_as_lines_of_a_form_at_the_wrap_width() -> None:
    # an 事前绩效评估 cover: 评估机构 and 评估日期 name the evaluator and the date; the form's
    # lines reach the text's wrap width but are fields, not one wrapped sentence
    wrapped = (
        "评估组人员通过数据采集、实地调研和现场访谈等方式对获得的数据与资料进行了深入分析,"
        "形成了本项目事前绩效评估报告,最终评分结果参见下表,该项目立项必要性充分、实施方案可行"
        "性强、计划目标明确合理、预期投入产出比较高,建议予以支持并加强后续的绩效跟踪管理工作。"
    )
    body = "\n".join(wrapped[k : k + 24] for k in range(0, len(wrapped), 24))
    text = (
        "临清市城区供热管网改造项目\n事前绩效评估报告\n"
        "项目名称:临清市城区集中供热管网改造提升工程项目\n单位名称:临清市热力有限公司\n"
        "主管部门:临清市住房和城乡建设局\n委托单位:临清市财政局\n评估机构:山东某某工程咨询有限公司\n"
        "评估日期:2021年8月\n" + body + "\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "山东某某工程咨询有限公司" and r.evaluation_mode == "third_party"
    assert r.report_date == "2021-08" and "2021年8月" in evidence(doc, r, "report_date")
    assert r.evaluated_unit == "临清市热力有限公司"
    assert "工程项目\n单位名称" in doc.text  # the two fields stay two lines


def test_a_unit_writing_of_itself_in_the_first_person_evaluates_its_own_spending() -> None:
    text = (
        "2021年度森林防火专项资金绩效评价报告\n一、项目基本情况\n根据县财政局要求,我局对森林防火专项资金"
        "使用情况进行了绩效评价。资金主要用于购置扑火机具。\n二、绩效情况\n我局会同县应急管理局开展防火检查3次。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self" and evidence(doc, r, "evaluation_mode").startswith("我局")
    assert r.evaluated_unit is None  # never named: not the unit it works with (县应急管理局)
    # said once, it is no evidence of who evaluated
    _doc, r = record_of_text(text.replace("我局会同县应急管理局", "会同县应急管理局"))
    assert r.evaluation_mode is None


def test_programme_of_a_template_and_a_programme_named_after_a_centre() -> None:
    _doc, r = record_of_text("项目名称:20XX年城乡公交运营补贴\n主管部门:某县交通运输局\n")
    assert r.program == "城乡公交运营补贴"
    _doc, r = record_of_text("2023年度中央转移支付区域(全民健身中心项目)绩效自评表\n项目资金(万元)\n")
    assert r.program == "全民健身中心"  # 项目 is dropped by convention; no organisation named


def test_a_firm_named_right_after_third_party() -> None:
    text = (
        "近日,市财政局委托第三方中介机构四川某某咨询有限责任公司,对2019年度农村公路建设资金开展了绩效评价,"
        "评价得分87分。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "四川某某咨询有限责任公司" and r.evaluation_mode == "third_party"
    assert evidence(doc, r, "evaluator") == "四川某某咨询有限责任公司"
    # the writer's pronoun is no organisation's name
    _doc, r = record_of_text("项目绩效自评报告\n市发改委批复我局实施农村环境整治项目,我局对项目开展了自评。\n")
    assert r.evaluated_unit is None or "我" not in r.evaluated_unit


def test_programme_after_our_county_in_the_sentence_that_evaluates_it() -> None:
    text = (
        "二、绩效自评情况\n经对照《绩效评价指标》表格,对我县困难群众临时救助民生工程实施情况进行绩效自评,"
        "总评得分为96分。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "困难群众临时救助民生工程" and evidence(doc, r, "program") == "困难群众临时救助民生工程"


def test_a_form_line_of_cells_is_not_run_into_the_line_before() -> None:
    text = (
        "2022年度项目支出绩效自评表\n单位名称:某区土壤肥料工作站 填报日期:2023年3月20日\n"
        "项目名称 | 施甸县2021年中央耕地保护与质量提升补助资金 | ||||\n主管部门 | 施甸县农业农村局 | 项目实施单位 | 某区土壤肥料工作站 |\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "中央耕地保护与质量提升补助资金"
    assert "日\n项目名称" in doc.text


def test_cover_date_under_a_title_that_web_page_chrome_pushes_down() -> None:
    chrome = "".join(
        f"  • {k}: {v}\n"
        for k, v in [
            ("索引号", "abc/2024-00121"),
            ("主题分类", "财政"),
            ("发文机关", "某市自然资源局"),
            ("成文日期", ""),
            ("发文字号", ""),
            ("发布时间", "2024-09-23"),
            ("字号", "大 中 小"),
            ("视力保护色", "默认"),
            ("分享到", "微信"),
            ("浏览次数", "1024"),
            ("打印", "本页"),
        ]
    )
    text = (
        "欢迎进入某市自然资源局!\n\n设为首页 | 加入收藏 | 无障碍阅读\n您的当前位置: 首页 > 政府信息公开 > 预算决算 > 正文\n"
        + chrome
        + "\n" * 3
        + "秦州区地质灾害治理工程支出绩效评价报告\n\n 项目名称:秦州区地质灾害治理工程\n\n"
        "         项目主管部门: 天水市自然资源局\n\n         评价机构名称: 天水市自然资源局秦州分局\n\n\n\n2024年6月\n\n报告摘要\n"
        + "".join(f"{k}、第{k}部分。治理工程按计划实施,资金使用规范。\n" for k in "一二三四五六七八九十")
    )
    doc, r = record_of_text(text)
    assert r.report_date == "2024-06" and evidence(doc, r, "report_date") == "2024年6月"
    assert r.evaluator == "天水市自然资源局秦州分局" and r.evaluation_mode == "self"


def test_the_year_line_under_a_title_repeated_from_the_page_heading() -> None:
    text = (
        "禄劝县农业农村局2023年耕地地力保护补贴项目支出绩效自评报告\n"
        "禄劝县农业农村局2023年耕地地力保护补贴项目支出绩效自评报告 \n( 2024年度 )\n"
        "部门名称(公章):禄劝彝族苗族自治县农业农村局\n一、基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "禄劝县农业农村局2023年耕地地力保护补贴项目支出绩效自评报告(2024年度)"
    assert "2024年度" in evidence(doc, r, "title")


def test_level_one_table_flattened_to_lines_under_its_header_whatever_the_tier_names() -> None:
    text = (
        "某县城区供水管网改造项目事前绩效评估报告\n一、评估结论\n最终评分结果参见下表。\n"
        "一级指标 分值 得分 得分率\nA立项必要性 20 18 90%\nB投入经济性 20 17.5 87.5%\nC绩效目标合理性 20 16 80%\n"
        "D实施方案有效性 20 19 95%\nE筹资合规性 20 20 100%\n小计 100 90.5 90.5%\n综合评定,项目总得分为90.5分。\n"
    )
    doc, r = record_of_text(text)
    tiers = [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1]
    assert tiers == [
        ("立项必要性", 20, 18),
        ("投入经济性", 20, 17.5),
        ("绩效目标合理性", 20, 16),
        ("实施方案有效性", 20, 19),
        ("筹资合规性", 20, 20),
    ]
    assert r.score.total == 90.5
    assert all(c.ok for c in r.checks if c.rule == "indicator_sum")
    # a tier above its weight is no row of such a table: the table ends there
    _doc, r = record_of_text(text.replace("B投入经济性 20 17.5", "B投入经济性 20 27.5"))
    assert [i.name for i in r.indicators if i.level == 1] == ["立项必要性"]


def test_a_report_naming_the_programme_it_evaluates_is_of_a_project() -> None:
    doc, r = record_of_text("项目名称:2023年城乡公交运营补助资金\n主管部门:某县交通运输局\n一、基本情况\n")
    assert r.program == "城乡公交运营补助资金" and r.report_kind == "project"
    assert "城乡公交运营补助资金" in evidence(doc, r, "report_kind")
    # no programme, no kind
    _doc, r = record_of_text("一、基本情况\n我局积极推进各项工作。\n")
    assert r.report_kind is None


def test_results_table_flattened_to_text_one_project_row_under_its_header() -> None:
    # cells apart by spaces (a web page's table copied as text), one data row under the header
    doc, r = record_of_text(
        "2021年度部门项目支出绩效评价结果公开\n序号 项目名称 评价得分 评价等级\n1 城乡居民医疗救助资金 83.4 良\n"
    )
    assert (r.score.total, r.score.grade, r.score.grade_source) == (83.4, "良", "stated")
    assert "83.4" in evidence(doc, r, "score.total") and evidence(doc, r, "score.grade").endswith("良")
    # two data rows: a list of projects, no one score
    _doc, r2 = record_of_text(
        "2021年度部门项目支出绩效评价结果公开\n序号 项目名称 评价得分 评价等级\n"
        "1 城乡居民医疗救助资金 83.4 良\n2 残疾人生活补贴资金 91.2 优\n"
    )
    assert r2.score is None or r2.score.total is None


def test_results_table_one_cell_a_line_labels_then_values() -> None:
    doc, r = record_of_text(
        "2022年度农村饮水安全工程绩效评价结果公示\n项目名称\n评价得分\n评价等级\n农村饮水安全工程\n78.5\n合格\n"
    )
    assert (r.score.total, r.score.grade) == (78.5, "中")
    assert evidence(doc, r, "score.total").endswith("78.5") and evidence(doc, r, "score.grade").endswith("合格")
    # misaligned (the score label over a name): no pair is read
    _doc, r2 = record_of_text("2022年度农村饮水安全工程绩效评价结果公示\n评价得分\n评价等级\n农村饮水安全工程\n78.5\n")
    assert r2.score is None or r2.score.total != 78.5 or r2.evidence["score.total"].text != "农村饮水安全工程"


def test_total_after_tier_scores_in_one_sentence_and_after_a_tier_maximum() -> None:
    doc, r = record_of_text(
        "临澧县2022年度乡村文化站建设项目绩效评价报告\n"
        "评分结果：决策 17分，过程 18.5分，产出 35分，效益 19分，合计 89.5分。\n"
    )
    assert r.score.total == 89.5 and "合计" in evidence(doc, r, "score.total")
    assert [i.score for i in r.indicators if i.level == 1] == [17, 18.5, 35, 19]
    doc, r = record_of_text(
        "临澧县2022年度乡村文化站建设项目绩效评价报告\n"
        "项目产出指标得分36分（满分40分），项目效益指标得分18分（满分20分），综合得分88分，等级为良。\n"
    )
    assert (r.score.total, r.score.grade) == (88, "良") and "综合得分88分" in evidence(doc, r, "score.total")


def test_tier_weight_printed_as_quan_zhong_fen_in_its_section() -> None:
    _doc, r = record_of_text(
        "XX市2022年度城市公园维护项目绩效评价报告\n（一）项目决策情况\n"
        "项目决策类指标权重分20分，实际得分18分。\n（二）项目过程情况\n"
        "项目过程类指标权重分20分，实际得分19分。\n"
    )
    assert [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1][:2] == [
        ("决策", 20, 18),
        ("过程", 20, 19),
    ]


def test_cover_date_letter_spaced_digit_by_digit() -> None:
    doc, r = record_of_text(
        "凤阳县2022年度农村道路建设项目\n绩效评价报告\n评价机构：安徽某某会计师事务所\n2 0 2 3 年 1 0 月 1 2 日\n"
    )
    assert r.report_date == "2023-10-12" and evidence(doc, r, "report_date").startswith("2 0 2 3")


def test_a_report_signed_by_a_firm_was_evaluated_by_it() -> None:
    doc, r = record_of_text(
        "来安县2022年度农村道路建设项目绩效评价报告\n一、项目概况\n项目总投资1200万元。\n"
        "安徽正信会计师事务所有限公司\n2023年5月12日\n"
    )
    assert (r.evaluation_mode, r.evaluator) == ("third_party", "安徽正信会计师事务所有限公司")
    assert evidence(doc, r, "evaluator") == "安徽正信会计师事务所有限公司"
    # a finance review centre signing: a finance evaluation
    _doc, r = record_of_text("来安县2022年度农村道路建设项目绩效评价报告\n来安县财政预算评审中心\n2023年5月\n")
    assert (r.evaluation_mode, r.evaluator) == ("finance", "来安县财政预算评审中心")


def test_programme_of_a_notice_or_a_report_titled_guanyu() -> None:
    _doc, r = record_of_text(
        "来安县财政局关于2022年度农村道路建设项目重点绩效评价结果的通报\n县交通运输局：\n"
        "根据预算绩效管理工作安排，我局组织专家对你单位2022年度农村道路建设项目开展了重点绩效评价。\n"
    )
    assert r.program in ("农村道路建设", "农村道路建设项目") and r.evaluation_mode == "finance"
    _doc, r = record_of_text("来安县教育局关于2022年度学生资助资金绩效自评情况的报告\n")
    assert r.program == "学生资助资金" and r.evaluation_mode == "self"


def test_tier_scores_without_weights_are_checked_when_they_are_a_complete_set() -> None:
    doc, r = record_of_text(
        "XX县2022年度农村道路建设项目绩效评价报告\n该项目决策指标得分18分，过程指标得分17分，"
        "产出指标得分36分，效益指标得分20分，综合得分92分，评价等级为优。\n"
    )
    failed = [c for c in r.checks if not c.ok]
    assert [c.rule for c in failed] == ["indicator_sum"] and "91" in failed[0].detail and "92" in failed[0].detail
    # three of the four tiers: not a whole, no check
    _doc, r = record_of_text(
        "XX县2022年度农村道路建设项目绩效评价报告\n该项目决策指标得分18分，过程指标得分17分，"
        "产出指标得分36分，综合得分92分。\n"
    )
    assert not [c for c in r.checks if c.rule == "indicator_sum"]


def test_ex_ante_expert_review_form_glued_cells_with_colons() -> None:
    doc, r = record_of_text(
        "财政预算项目事前绩效评审专家组综合评价报告表\n( 2023 预算年度)\n"
        "评价项目:城乡居民大病保险补助资金项目单位:开平市医疗保障局\n"
        "申报金额:120万元建议金额:100万元评价指标得分(平均):85 评价方式■材料评审\n"
    )
    assert r.title.endswith("(2023预算年度)") and r.years == [2023]
    assert r.evaluation_mode == "finance" and r.program.startswith("城乡居民大病保险补助资金")
    assert r.evaluated_unit == "开平市医疗保障局"
    assert r.score.total == 85 and evidence(doc, r, "score.total").endswith("85")


def test_figures_of_a_table_flattened_one_cell_a_line() -> None:
    # label, its unit on a line of its own, the number
    doc, r = record_of_text(
        "XX市2022年度公益林管护资金绩效评价报告\n一、项目基本情况\n实际到位资金\n(万元)\n"
        "2356.5\n\n实际支出资金\n(万元)\n2210.3\n"
    )
    figs = {f.name: (f.value, f.unit) for f in r.figures}
    assert figs["实际到位资金"] == (23565000, "元") and figs["实际支出资金"] == (22103000, "元")
    f = next(f for f in r.figures if f.name == "实际到位资金")
    assert doc.text[f.span[0] : f.span[1]].startswith("实际到位资金") and doc.text[f.span[0] : f.span[1]].endswith(
        "2356.5"
    )
    # k labels, then k numbers; a label over a row of several numbers (指标值 / 实际值) is no pair
    _doc, r = record_of_text(
        "XX镇2023年度部门整体支出绩效自评报告\n一、部门基本情况\n年初预算数(万元)\n"
        "全年执行数(万元)\n预算执行率\n320\n304\n95%\n\n造林成活率\n85%\n90%\n"
    )
    figs = {f.name: (f.value, f.unit) for f in r.figures}
    assert figs.get("预算执行率") == (0.95, "%") and figs.get("年初预算数") == (3200000, "元")
    assert "造林成活率" not in figs


def test_a_header_cell_on_the_next_line_is_no_value() -> None:
    _doc, r = record_of_text(
        "项目支出绩效自评表\n(2022年度)\n项目名称\n备注\n项目名称\n农村义务教育学生营养改善计划\n"
        "主管部门\n来凤县教育局\n"
    )
    assert r.program == "农村义务教育学生营养改善计划"


def test_years_in_chinese_numerals_and_an_evaluated_period_over_several_years() -> None:
    doc, r = record_of_text("望江县二〇二二年度农村饮水安全项目绩效评价报告\n")
    assert r.years == [2022] and evidence(doc, r, "years").startswith("二〇二二")
    doc, r = record_of_text("望江县农村饮水安全项目绩效评价报告\n本次评价范围为2020年至2022年项目资金的使用情况。\n")
    assert r.years == [2020, 2021, 2022] and evidence(doc, r, "years").startswith("2020年至2022")
    _doc, r = record_of_text("望江县农村饮水安全项目绩效评价报告\n评价期间：2022年1月1日至2022年12月31日\n")
    assert r.years == [2022]


def test_tier_scores_stated_respectively_and_a_pipe_tier_table() -> None:
    doc, r = record_of_text(
        "XX县2022年度农村道路建设项目绩效评价报告\n决策、过程、产出、效益四项一级指标分别得分"
        "18分、17分、36分、20分，综合得分91分。\n"
    )
    assert [(i.name, i.score) for i in r.indicators if i.level == 1] == [
        ("决策", 18),
        ("过程", 17),
        ("产出", 36),
        ("效益", 20),
    ]
    assert all(c.ok for c in r.checks if c.rule == "indicator_sum") and r.score.total == 91
    i = next(i for i in r.indicators if i.level == 1)
    assert "分别得分" in doc.text[i.span[0] : i.span[1]]
    # names and scores of different counts: nothing is paired
    _doc, r = record_of_text("XX县2022年度农村道路建设项目绩效评价报告\n决策、过程、产出三项指标分别得分18分、17分。\n")
    assert not [i for i in r.indicators if i.level == 1]
    _doc, r = record_of_text(
        "XX县2022年度农村道路建设项目绩效评价报告\n一级指标 | 分值 | 得分 |\n决策 | 20 | 18 |\n"
        "过程 | 20 | 17 |\n产出 | 40 | 36 |\n效益 | 20 | 19 |\n合计 | 100 | 90 |\n"
    )
    assert [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1] == [
        ("决策", 20, 18),
        ("过程", 20, 17),
        ("产出", 40, 36),
        ("效益", 20, 19),
    ]
    assert r.score.total == 90


def test_a_web_pages_footer_signs_nothing_and_its_source_line_names_the_writer() -> None:
    text = (
        "天津市东丽湖新建道路工程项目2020年度绩效自评报告\n发布时间:2021-05-14 11:40      来源:天津市东丽区财政局\n"
        "一、绩效目标完成情况\n项目已完成。\n\n网站声明 | 联系我们 | 网站地图\n"
        "主办:天津市东丽区人民政府 版权所有© 承办:天津市东丽区人民政府办公室\n网站标识码:1201100002 津ICP备17009684号-1\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit != "天津市东丽区人民政府办公室" and r.evaluator != "天津市东丽区人民政府办公室"
    # ruling 16: the 来源 line is the page's chrome and names no place (a chrome place refining the
    # title's lost more holdout items than it won, session 25): the title's 天津市
    assert r.jurisdiction.adcode == "120000"
    assert "天津市" in evidence(doc, r, "jurisdiction")


def test_no_programme_rather_than_a_report_word_a_clause_or_a_budget_level() -> None:
    from jixiao.extractor.record.programmes import program_name

    assert program_name("2022年度预算执行情况绩效自评整改报告") == ""
    assert program_name("由各科室结合项目实施情况收集项目信息并填报绩效自评表") == ""
    assert program_name("市级预算项目支出绩效评价报告") == ""
    # a programme with 评估 inside its name keeps it
    assert program_name("2023年度宣州区义务教育督导评估奖补资金绩效自评报告") == "义务教育督导评估奖补资金"


def test_the_unit_a_finance_notice_is_addressed_to_is_the_unit_evaluated() -> None:
    doc, r = record_of_text(
        "定远县财政局关于2022年度学生资助资金绩效评价结果的通知\n县教育局：\n"
        "我局组织对你局2022年度学生资助资金开展了重点绩效评价，现将结果通知如下。\n"
    )
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("finance", "定远县财政局", "县教育局")
    assert evidence(doc, r, "evaluated_unit") == "县教育局"
    # a unit's report to the finance bureau: the addressee is no unit evaluated
    _doc, r = record_of_text(
        "定远县教育局关于2022年度学生资助资金绩效自评情况的报告\n县财政局：\n根据要求，我局开展了绩效自评。\n"
    )
    assert r.evaluated_unit == "定远县教育局"


def test_a_score_tables_last_row_without_its_label_gives_total_and_grade() -> None:
    doc, r = record_of_text(
        "儋州市某局2022年度部门整体支出绩效评价报告\n绩效评价结果\n一级指标 | 分值 | 得分 | 等级 |\n"
        "投入 | 15.00 | 14.00 | 优 |\n过程 | 55.00 | 48.50 | 良 |\n产出 | 20.00 | 19.00 | 优 |\n"
        "效益 | 10.00 | 9.00 | 优 |\n100.00 | 90.50 | 优 |\n"
    )
    assert (r.score.total, r.score.grade, r.score.grade_source) == (90.5, "优", "stated")
    assert evidence(doc, r, "score.total") == "90.50"


def test_the_documents_own_title_under_a_web_pages_heading_and_chrome() -> None:
    doc, r = record_of_text(
        "苏州2019年义务教育补助资金绩效评价报告\n\n合集下载\n1、下载文档前请自行甄别文档内容的完整性。\n"
        "2、仅部分预览的文档，可反馈申请退款。\n\n苏州市2019年义务教育补助资金\n绩效评价报告\n一、项目概况\n"
    )
    assert r.title == "苏州市2019年义务教育补助资金绩效评价报告"
    assert evidence(doc, r, "title").startswith("苏州市2019年")
    # no chrome between two title lines: the first stands
    _doc, r = record_of_text(
        "苏州2019年义务教育补助资金绩效评价报告\n苏州市2019年义务教育补助资金绩效评价报告\n一、项目概况\n"
    )
    assert r.title == "苏州2019年义务教育补助资金绩效评价报告"
    # a document number with square brackets is no line of the title
    _doc, r = record_of_text("收藏\n临市教发[2024]6号\n关于上报2023年学生资助资金项目支出绩效自评的报告\n")
    assert r.title == "关于上报2023年学生资助资金项目支出绩效自评的报告"


def test_a_unit_writing_of_itself_evaluated_its_own_spending() -> None:
    doc, r = record_of_text(
        "明光市交通运输局2022年度农村道路建设项目绩效评价报告\n一、项目概况\n本项目由我局负责实施。\n"
    )
    assert (r.evaluation_mode, r.evaluator) == ("self", "明光市交通运输局")
    assert evidence(doc, r, "evaluation_mode") == "我局"
    # a firm or a finance bureau in the title is no unit evaluating itself
    _doc, r = record_of_text("明光市财政局2022年度农村道路建设项目绩效评价报告\n一、项目概况\n我局组织专家开展评价。\n")
    assert r.evaluation_mode != "self"


def test_a_body_that_sets_up_a_group_which_evaluates_is_the_evaluator() -> None:
    doc, r = record_of_text(
        "明光市2022年度学生资助资金绩效评价报告\n明光市财政局成立评价工作组，对市教育局2022年度学生资助资金"
        "开展了绩效评价。\n"
    )
    assert (r.evaluation_mode, r.evaluator) == ("finance", "明光市财政局")
    assert evidence(doc, r, "evaluator") == "明光市财政局"


@pytest.mark.parametrize(
    "body, want",
    [
        (
            "一级指标 权重 得分\n决策 20% 18\n过程 20% 17\n产出 40% 36\n效益 20% 19\n",
            [("决策", 20, 18), ("过程", 20, 17), ("产出", 40, 36), ("效益", 20, 19)],
        ),
        ("一级指标 分值 得分\n一、决策 20 18\n二、过程 20 17\n", [("决策", 20, 18), ("过程", 20, 17)]),
        ("决策类指标共20分，实际得分18分；过程类指标共20分，实际得分17分。\n", [("决策", 20, 18), ("过程", 20, 17)]),
        ("项目决策(20分)\t18\n项目过程(20分)\t17\n", [("决策", 20, 18), ("过程", 20, 17)]),
        ("决策指标满分20分，扣2分，得18分。过程指标满分20分，扣3分，得17分。\n", [("决策", 20, 18), ("过程", 20, 17)]),
        ("1.决策指标：分值20分，得分20分。\n2.过程指标：分值20分，得分19分。\n", [("决策", 20, 20), ("过程", 20, 19)]),
        (
            "项目决策类指标满分为20分，评价得分为19分，得分率95%。\n项目过程类指标满分为20分，评价得分为18分。\n",
            [("决策", 20, 19), ("过程", 20, 18)],
        ),
        (
            "评价得分情况：决策20分（满分20分）；过程18分（满分20分）；产出37分（满分40分）。\n",
            [("决策", 20, 20), ("过程", 20, 18), ("产出", 40, 37)],
        ),
        # the overall score's phrase is no tier's (项目绩效 is a tier name in some systems)
        ("本项目绩效评价得分为89分，具体情况详见下表。\n", []),
    ],
)
def test_tier_scores_in_the_shapes_reports_print_them(body: str, want: list) -> None:
    _doc, r = record_of_text("灵璧县2022年度农村道路建设项目绩效评价报告\n" + body)
    assert [(i.name, i.weight, i.score) for i in r.indicators if i.level == 1] == want


def test_grade_after_huoping_and_not_an_award_title() -> None:
    doc, r = record_of_text("泗县2022年度农村道路建设项目绩效评价报告\n该项目绩效评价获评“优秀”。\n")
    assert (r.score.grade, r.score.grade_source) == ("优", "stated") and "获评" in evidence(doc, r, "score.grade")
    _doc, r = record_of_text("泗县2022年度农村道路建设项目绩效评价报告\n该局被评为优秀单位。\n")
    assert r.score is None or r.score.grade is None


@pytest.mark.parametrize(
    "title, body, want",
    [
        (
            "2022年度项目支出绩效自评报告",
            "我局组织对2022年城乡居民医疗救助资金进行了绩效自评。",
            "城乡居民医疗救助资金",
        ),
        (
            "关于2022年度重点项目绩效评价结果的通知",
            "县卫生健康局：\n现将2022年度基本公共卫生服务项目绩效评价结果通知如下：",
            "基本公共卫生服务",
        ),
        (
            "绩效评价报告",
            "（一）评价对象\n本次评价对象为2022年度耕地地力保护补贴资金，涉及资金3200万元。",
            "耕地地力保护补贴资金",
        ),
        ("绩效评价报告", "本次评价的项目为2020年度水污染防治资金项目。", "水污染防治资金"),
        ("2022年度绩效自评报告", "我局按照要求开展了2022年度残疾人两项补贴资金绩效自评工作。", "残疾人两项补贴资金"),
        (
            "2022年度绩效自评报告",
            "为做好2022年度义务教育营养改善计划绩效自评工作，我局成立了领导小组。",
            "义务教育营养改善计划",
        ),
        ("绩效自评报告", "现将我单位2022年度城市社区工作经费项目自评情况汇报如下：", "城市社区工作经费"),
        ("绩效评价报告", "本报告对2023年退役军人优抚资金的使用情况和实施效果进行了评价。", "退役军人优抚资金"),
        # a batch or budget words only: no programme
        ("绩效评价结果公开", "我局对2023年度部分财政资金支出开展了重点绩效评价。", None),
        ("绩效自评结果公开", "各单位对2023年度使用财政资金安排的各类项目支出开展了绩效自评。", None),
        ("绩效评价结果公开", "现将2021年度项目绩效评价和部门整体支出绩效评价结果公开如下：", None),
    ],
)
def test_programme_named_in_the_body_when_the_title_names_none(title: str, body: str, want: str | None) -> None:
    doc, r = record_of_text(f"{title}\n{body}\n")
    assert r.program == want
    if want:
        assert want in evidence(doc, r, "program")


@pytest.mark.parametrize(
    "org",
    ["中共岳池县委宣传部", "共青团岳池县委员会", "政协岳池县委员会办公室", "岳池县供销合作社联合社", "岳池县国有林场"],
)
def test_party_and_front_organisations_and_farms_sign_their_own_self_evaluation(org: str) -> None:
    doc, r = record_of_text(
        f"2022年度专项资金绩效自评报告\n一、项目概况\n本单位2022年专项资金100万元。\n{org}\n2023年2月15日\n"
    )
    assert (r.evaluation_mode, r.evaluated_unit, r.evaluator) == ("self", org, org)
    assert evidence(doc, r, "evaluator") == org


def test_a_transfer_payment_self_report_names_its_programme_by_what_was_passed_down() -> None:
    doc, r = record_of_text(
        "一、绩效目标分解下达情况\n（一）中央资金下达情况。2023年度，中央分两批向我省下达困难群众救助补助"
        "转移支付资金52000万元。\n二、绩效目标完成情况\n"
    )
    # (devset ruling 11: the fund word attached to the name the body states as passed down stays)
    assert (r.program, r.report_kind) == ("困难群众救助补助转移支付资金", "project")
    assert evidence(doc, r, "program") == "困难群众救助补助转移支付资金"
    _doc, r = record_of_text("一、绩效目标分解下达情况\n2023年共下达补助资金246.2万元。\n")
    assert r.program is None


def test_a_document_sites_file_name_names_the_programme_when_the_page_names_none() -> None:
    doc, r = record_of_text(
        "《XX县农村供水保障工程绩效自评报告Word格式.docx》由会员分享，可在线阅读。\n绩效自评报告\n"
        "近年来，农村供水条件逐步改善。\n"
    )
    assert r.program == "农村供水保障工程"
    assert "农村供水保障工程" in evidence(doc, r, "program")
    # the place is masked: none is read from a place the body mentions
    _doc, r = record_of_text("XXXX城市排水管网改造项目绩效自评报告\n项目位于成都市郊，总投资500万元。\n")
    assert r.jurisdiction.adcode is None
    assert any("masks its place" in w for w in r.warnings)


def test_a_news_pages_headline_about_an_evaluation_is_its_title_and_its_subject_organises_it() -> None:
    doc, r = record_of_text(
        "网站首页 / 部门动态\n县农业农村局开展2022年度耕地地力保护补贴资金绩效评价工作\n发布时间:2023-02-07\n"
        "为规范资金管理，县农业农村局聘请第三方对各乡镇补贴资金开展绩效评价。\n"
    )
    assert r.title == "县农业农村局开展2022年度耕地地力保护补贴资金绩效评价工作"
    assert evidence(doc, r, "title") == r.title
    assert r.program == "耕地地力保护补贴资金"
    assert r.evaluated_unit != "县农业农村局"  # it organised the evaluation of the townships' spending


def test_a_mirrors_form_with_pinyin_glosses_and_cells_apart_by_spaces_keeps_its_fields_apart() -> None:
    doc, r = record_of_text(
        "攸縣財(cái)政支出項(xiàng)目績效評價(jià)自評報(bào)告\n\n"
        "評價(jià)類型:項(xiàng)目實(shí)施過程評價(jià)□   項(xiàng)目完成結(jié)果評價(jià)□√\n\n"
        "項(xiàng)目名稱    農(nóng)村公路養(yǎng)護(hù)專項(xiàng)\n\n項(xiàng)目單位    攸縣交通運(yùn)輸局\n"
    )
    # values as printed; read without the glosses and in simplified characters they are the form's
    assert fold(r.program) == "农村公路养护专项" and "專項" in evidence(doc, r, "program")
    assert fold(r.evaluated_unit) == "攸县交通运输局"


def test_a_letter_under_a_pages_breadcrumb_keeps_its_title_and_names_the_funds() -> None:
    doc, r = record_of_text(
        "您当前的位置:首页>部门>县农业农村局>政务公开>资金管理\n"
        "城口县财政局关于提前下达2025年耕地地力保护补贴资金预算的通知\n日期:2025-01-10\n"
        "县农业农村局：\n现将2025年耕地地力保护补贴资金预算300万元提前下达给你们。\n"
    )
    assert r.title == "城口县财政局关于提前下达2025年耕地地力保护补贴资金预算的通知"
    assert evidence(doc, r, "title") == r.title
    assert r.program == "耕地地力保护补贴资金"


@pytest.mark.parametrize(
    "body, evaluator",
    [
        ("岳池县财政局聘请广安明达会计师事务所作为第三方机构，对学生资助资金开展绩效评价。", "广安明达会计师事务所"),
        ("县财政局通过政府采购方式确定广安明达会计师事务所为第三方评价机构。", "广安明达会计师事务所"),
        (
            "根据岳池县财政局的委托，我公司（四川华信工程咨询有限公司）组成评价组，对该项目开展了评价。",
            "四川华信工程咨询有限公司",
        ),
        ("一、项目概况\n本项目资金500万元。\n四川天府评估有限公司\n2023年5月10日", "四川天府评估有限公司"),
    ],
)
def test_a_firm_engaged_named_in_brackets_or_signing_is_the_third_party_evaluator(body: str, evaluator: str) -> None:
    doc, r = record_of_text(f"2022年度学生资助资金绩效评价报告\n{body}\n")
    assert (r.evaluation_mode, r.evaluator) == ("third_party", evaluator)
    assert evidence(doc, r, "evaluator") == evaluator


def test_an_evaluating_body_given_as_the_forms_subject_is_the_evaluator() -> None:
    doc, r = record_of_text("2022年度学生资助资金绩效评价报告\n评价主体：岳池县财政局\n被评价单位：岳池县教育局\n")
    assert (r.evaluation_mode, r.evaluator, r.evaluated_unit) == ("finance", "岳池县财政局", "岳池县教育局")


def test_a_forms_project_period_within_one_year_is_the_year_evaluated() -> None:
    doc, r = record_of_text(
        "财政支出项目绩效评价自评报告\n项目名称    农村公路养护专项\n"
        "项目起止时间\n2022年   1    月起至     2022    年    12   月止\n计划安排资金\n55\n"
    )
    assert r.years == [2022]
    assert "2022" in evidence(doc, r, "years")
    # a period over several years names none of them alone
    _doc, r = record_of_text("财政支出项目绩效评价自评报告\n项目起止时间：2020年1月至2022年12月\n")
    assert r.years != [2020]


@pytest.mark.parametrize(
    "text, total, grade",
    [
        (
            "2022年度重点绩效评价结果公开\n序号 | 项目名称 | 主管部门 | 评价得分 | 评价等级\n"
            "1 | 农村公路建设项目 | 县交通运输局 | 88.5 | 良\n",
            88.5,
            "良",
        ),
        (
            "2022年度农村公路建设项目绩效评价结果\n项目名称    主管部门    评价得分    评价等级\n"
            "农村公路建设项目    县交通运输局    86.3    良\n",
            86.3,
            "良",
        ),
        ("2022年度农村公路建设项目绩效自评表\n总分|100|91|优\n", 91, "优"),
    ],
)
def test_a_results_row_under_its_header_is_never_run_into_the_title_or_read_as_its_maximum(
    text: str, total: float, grade: str
) -> None:
    doc, r = record_of_text(text)
    assert (r.score.total, r.score.grade) == (total, grade)
    assert str(total).rstrip("0").rstrip(".") in evidence(doc, r, "score.total")


def test_a_label_ending_a_numbered_heading_takes_the_next_lines_first_cell() -> None:
    text = (
        "1、荆门市市级财政项目支出绩效评价报告项目名称:\n"
        "城乡医疗救助资金项目单位:荆门市医疗保障局主管部门:荆门市医疗保障局\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "城乡医疗救助资金"
    assert evidence(doc, r, "program").endswith("城乡医疗救助资金")
    # near miss: a line that ends in a colon after no label opens a list, not a form
    doc, r = record_of_text("1、荆门市市级财政项目支出绩效评价报告现说明如下:\n城乡医疗救助资金使用规范。\n")
    assert r.program is None


@pytest.mark.parametrize(
    "text, program",
    [
        # the 项目支出 the sentence rule leaves out names the phrase a programme
        ("经研究,委托第三方机构开展2022年茶产业发展项目支出绩效评价工作。\n", "茶产业发展"),
        # a town's own report published "如下" (给予公开如下)
        ("现将我乡20xx年度衔接资金项目绩效自评报告给予公开如下:\n一、绩效目标\n", "衔接资金"),
        # 对…资金工作开展了…绩效评价
        ("近日,省财政厅委托第三方,对绵阳市2017年度就业补助资金工作开展了全面的绩效评价。\n", "就业补助资金"),
    ],
)
def test_programme_named_by_the_sentence_that_reports_the_evaluation(text: str, program: str) -> None:
    doc, r = record_of_text(text)
    assert r.program == program
    assert program in evidence(doc, r, "program")


def test_programme_sentence_must_name_a_programme() -> None:
    # near miss of the above: 产业发展 with no 项目 after it is a topic, not a programme
    doc, r = record_of_text("经研究,委托第三方机构开展2022年茶产业发展绩效评价工作。\n")
    assert r.program is None


@pytest.mark.parametrize(
    "title, program",
    [
        ("区清水河小流域综合治理项目支出绩效评价报告", "清水河小流域综合治理"),
        ("省地热能建筑应用示范项目绩效评价报告", "地热能建筑应用示范"),
        # near misses: 市场…, 县域… are words of their own; a 省 after the year is the programme's level
        ("市场监管执法装备项目绩效评价报告", "市场监管执法装备"),
        ("县域医共体建设项目绩效评价报告", "县域医共体建设"),
        ("2022年省巩固拓展产业扶贫重点项目绩效评价报告", "省巩固拓展产业扶贫重点"),
    ],
)
def test_a_level_word_left_at_the_titles_start_by_a_lost_place_name_is_cut(title: str, program: str) -> None:
    doc, r = record_of_text(title + "\n一、项目概况\n")
    assert r.program == program


def test_a_clause_ending_in_a_forms_name_is_no_title() -> None:
    body = "二、自评工作开展情况\n由各股室结合项目实施情况收集项目信息并填报绩效自评表\n"
    doc, r = record_of_text(body)
    assert r.title is None
    # near miss: the form's own title line
    doc, r = record_of_text("2021年度农村饮水安全项目绩效自评表\n" + body)
    assert r.title == "2021年度农村饮水安全项目绩效自评表"


def test_the_budget_a_programmes_money_comes_from_is_no_part_of_its_name() -> None:
    text = "项目支出绩效目标表\n项目名称\n农村危房改造补助资金(政府性基金预算)\n主管部门\n住房和城乡建设局\n"
    doc, r = record_of_text(text)
    assert r.program == "农村危房改造补助资金"
    # near miss: a bracket that is part of the name stays
    doc, r = record_of_text(text.replace("(政府性基金预算)", "(二期)"))
    assert r.program == "农村危房改造补助资金(二期)"


def test_a_forms_maker_is_no_unit_and_the_units_full_name_is_its_label() -> None:
    text = (
        "部门整体支出绩效评价自评报告\n(2023年度)\n"
        "部门(单位)全称:隆化县人民法院 (公章)\n填报日期 2024年 2月26日\n"
        "承德市财政局制\n部门整体支出绩效评价报告\n(参考提纲)\n一、部门基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == "隆化县人民法院" and "全称" in evidence(doc, r, "evaluated_unit")
    assert r.title == "部门整体支出绩效评价自评报告(2023年度)"


def test_the_body_that_wrote_a_cited_document_is_no_actor() -> None:
    text = (
        "关于上报2023年优抚对象补助经费项目支出绩效自评的报告\n\n"
        "根据《四川省退役军人事务厅关于开展2023年度中央对地方转移支付绩效自评工作的通知》,"
        "我局对2023年优抚对象补助经费进行了绩效自评,现将自评报告如下:\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit is None and r.evaluator is None
    # near miss: the same body acting outside the citation
    doc, r = record_of_text(text.replace("根据《四川省退役军人事务厅关于开展", "四川省退役军人事务厅关于开展《"))
    assert r.evaluator == "四川省退役军人事务厅"


def test_a_flattened_forms_value_ends_at_the_next_label_of_no_field() -> None:
    text = (
        "(二)项目基本情况项目名称:2019年度江西省革命老区产业扶持项目"
        "项目单位:江西省民政厅老区建设办公室项目负责人:刘明联系电话:88123456\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == "江西省民政厅老区建设办公室"
    assert evidence(doc, r, "evaluated_unit").endswith("老区建设办公室")


def test_a_budget_units_name_glued_in_a_department_self_table() -> None:
    text = (
        "部门整体支出绩效自评表(2022年度)区级预算单位名称衡阳市石鼓区疾病预防控制中心"
        "年度预算申请(万元)年初预算数全年预算数全年执行数分值执行率得分\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluated_unit == "衡阳市石鼓区疾病预防控制中心"


def test_a_cover_date_glued_after_the_evaluators_name_ends_it() -> None:
    text = "1、荆州市市级财政项目支出绩效评价报告\n评价机构:荆州市民政局2018年6月目录摘要\n"
    doc, r = record_of_text(text)
    assert r.evaluator == "荆州市民政局"


def test_a_finance_bureau_that_sets_up_an_evaluation_group_evaluates() -> None:
    text = (
        "唐河县2021年度重大动物疫病防控经费绩效评价报告\n"
        "依据我县财政支出绩效评价程序,唐河县财政局组成了绩效评价工作组,明确了相关股室及职责分工。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "唐河县财政局" and r.evaluation_mode == "finance"
    # near miss: a working group that is not for an evaluation
    doc, r = record_of_text(text.replace("绩效评价工作组", "防疫工作组"))
    assert r.evaluator is None


def test_a_date_after_the_evaluators_name_in_a_flattened_cover_form() -> None:
    text = "1、荆州市市级财政项目支出绩效评价报告\n评价机构:荆州市民政局2018年6月目录摘要\n"
    doc, r = record_of_text(text)
    assert r.report_date == "2018-06"
    # near miss: a year alone after the name is no date of writing
    doc, r = record_of_text(text.replace("2018年6月", "2018年度"))
    assert r.report_date is None


def test_page_counters_of_a_traditional_mirror_are_furniture_too() -> None:
    pages = "".join(f"殘聯整體支出績效評價報告.docx_第{k}頁\n第{k}頁 / 共3頁\n" for k in (1, 2, 3))
    text = (
        "殘聯整體支出績效評價報告.docx\n\n上傳人:王** 文檔編號:123 上傳時間:2024-03-04\n返回 下載 相關 舉報\n"
        + pages
        + "1、2023年度XX市殘疾人聯合會整體支出績效評價報告一、部門概況(一)部門設立背景\n"
    )
    doc = read_text(text, "excerpt.txt")
    assert "共3頁" not in doc.text
    assert build_record(doc).title == "2023年度XX市殘疾人聯合會整體支出績效評價報告"


def test_an_evaluator_beside_the_body_that_commissioned_it_is_a_third_party() -> None:
    text = (
        "静安区2019年度石门二路街道旧住房修缮项目绩效评价报告 评价机构 : 上海和合社会组织服务中心 "
        "2020 年 5 月 8 日 项目名称: 旧住房修缮 主管部门:石门二路街道办事处 委托单位:石门二路街道办事处\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "third_party" and r.evaluator == "上海和合社会组织服务中心"
    # near miss: no one commissioned it — a unit named as evaluator evaluates itself
    doc, r = record_of_text(text.replace(" 委托单位:石门二路街道办事处", ""))
    assert r.evaluation_mode == "self"


def test_a_title_glued_to_the_forms_first_label_and_a_code_after_the_units_name() -> None:
    text = (
        "1、开福区2022年度部门(单位)整体支出绩效评价自评报告部门(单位)名称长沙市开福区民政局"
        "预算编码305001报告日期:2023年5月12日开福区财政局(制)\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "开福区2022年度部门(单位)整体支出绩效评价自评报告"
    assert r.evaluated_unit == "长沙市开福区民政局"


def test_the_funds_an_allocation_passed_down_name_the_programme() -> None:
    text = (
        "一、基本情况\n(一)转移支付概况\n"
        "2022年,《四川省财政厅关于下达2022年公共文化服务体系建设资金预算的通知》下达我市文化馆补助30万元。\n"
        "二、综合评价结论\n下达广安市2022年公共文化服务体系建设资金用于年度重点项目。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "公共文化服务体系建设资金" and r.report_kind == "project"
    # near miss: an amount passed down names no programme
    doc, r = record_of_text("一、基本情况\n下达我市文化馆补助30万元,用于场馆维修。\n")
    assert r.program is None


@pytest.mark.parametrize(
    "sentence, total",
    [
        ("经自评,该项目满分100分,实得97分,其中投入(满分15分,实得14分)。", 97),
        ("在全省绩效评价中,临沂市获得95.32分,位列全省第二。", 95.32),
        ("全区各盟市中,我市以98分的高分排名第一。", 98),
        # near misses: a sub-indicator's marks, a deduction
        ("产出数量指标满分10分,实得9分。", None),
        ("因资料不全,该项扣减获得2分。", None),
    ],
)
def test_the_total_in_a_self_report_or_a_rankings_news(sentence: str, total: float | None) -> None:
    doc, r = record_of_text("武城县2022年度农村道路建设项目绩效评价\n" + sentence + "\n")
    assert r.score.total == total


def test_the_year_of_the_funds_own_budget_document_cited_twice() -> None:
    text = (
        "农村饮水维修养护项目绩效自评报告\n一、项目基本情况\n"
        "根据《同江市人民政府关于同江市2021年度涉农资金统筹整合使用实施计划安排的批复》,下达预算资金80万元。\n"
        "年度终了,对《同江市人民政府关于同江市2021年度涉农资金统筹整合使用实施计划安排的批复》中的项目开展自评。\n"
    )
    doc, r = record_of_text(text)
    assert r.years == [2021]
    # near miss: a cited rule's year is no year of the funds
    other = text.replace("关于同江市2021年度涉农资金统筹整合使用实施计划安排的批复", "2019年财政支出绩效评价管理办法")
    doc, r = record_of_text(other)
    assert r.years == []


def test_the_first_part_of_a_list_is_no_programme() -> None:
    text = "根据县财政局关于开展20xx年政策和项目支出绩效评价工作的通知的要求,我馆成立了绩效评价工作组。\n"
    doc, r = record_of_text(text)
    assert r.program is None


def test_a_glued_transfer_table_names_its_programme_up_to_the_central_department() -> None:
    text = (
        "中央对地方转移支付绩效自评表(2022年度)转移支付(项目)名称动物防疫等补助经费中央主管部门农业农村部"
        "地方主管部门资金使用单位资金情况(万元)全年预算数(A)全年执行数(B)\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "动物防疫等补助经费"


def test_a_years_programme_and_its_evaluation_in_one_phrase() -> None:
    text = "信息来源: 市住建局\n我市2023年城镇燃气管道更新改造补助资金绩效评价位列全省第二。\n"
    doc, r = record_of_text(text)
    assert r.program == "城镇燃气管道更新改造补助资金" and r.report_kind == "project"
    # near miss: one entry of a list of attachments names another report's programme
    listed = (
        "现将评价结果公开如下。\n附件:\n附件1:2021年构树产业发展补助资金项目绩效评价报告.pdf\n"
        "附件2:2021年度天水日报社整体搬迁项目绩效评价报告.pdf\n"
    )
    doc, r = record_of_text(listed)
    assert r.program is None


def test_the_writer_names_its_project_in_a_sentence() -> None:
    # 本项目为 / 我校…项目为一个: the writer's own naming, stopped at the next heading's bracket
    text = "宁远县第二中学专项资金绩效自评报告\n一、基本情况(一)项目概况我校2023年项目为一个:学生资助经费项目(二)绩效目标保障运转\n"
    doc, r = record_of_text(text)
    assert r.program == "学生资助经费" and "学生资助经费" in evidence(doc, r, "program")
    # a programme that builds the evaluated unit's own facility keeps the unit's name (less its place)
    text = "项目概况\n1.项目单位基本情况。本项目为通江县图书馆建设。通江县图书馆为县文化局下属事业单位。\n"
    doc, r = record_of_text(text)
    assert r.program == "图书馆建设"


def test_the_pages_publisher_names_the_unit_only_where_the_document_names_it_too() -> None:
    # the page's metadata (发布机构 / 来源) alone names no unit (devset ruling 3): the report says 我局
    chrome = "发布机构: 桐柏县水利局\n来源: 桐柏县水利局\n发布日期: 2024-03-05\n"
    body = (
        "2023年度农村饮水安全工程维修养护资金绩效自评报告\n一、基本情况\n"
        "我局对2023年度农村饮水安全工程维修养护资金开展了绩效自评,自评得分92分。\n"
        "二、存在问题\n一是部分工程管护不到位。\n三、下一步措施\n加强管护。\n"
    )
    doc, r = record_of_text(chrome + body)
    assert r.evaluation_mode == "self" and r.evaluated_unit is None and r.evaluator is None
    # the same page whose report names its unit: the unit, with the document's own words as evidence
    doc, r = record_of_text(chrome + body.replace("我局对", "桐柏县水利局对"))
    assert r.evaluated_unit == "桐柏县水利局" and r.evidence["evaluated_unit"].span[0] > len(chrome)


def test_a_period_of_years_before_the_evaluation_phrase() -> None:
    # the evaluation phrase's year is the last of a period printed before it: every year of it
    text = "某某咨询有限公司接受云南省财政厅委托,对2016-2018年度地质灾害防治专项资金开展绩效评价。\n"
    doc, r = record_of_text(text)
    assert r.years == [2016, 2017, 2018] and evidence(doc, r, "years") == "2016-2018年"


# ---------------------------------------------------------------- programme boundaries (prog12)
# The programme is the title without the leading place, the year, the unit and the report's words
# (tests/devset/README.md, rulings 5, 7 and 8): what leads the name and is not it goes, what is
# part of the name stays.


def test_a_town_before_the_programmes_words_is_part_of_its_name() -> None:
    from jixiao.extractor.record.programmes import program_name

    # the site the programme's own name gives (a town after the county, then the works): kept
    text = "平凉市崆峒区安国镇油坊庄村道路硬化工程项目绩效自评报告\n一、基本情况\n该项目总投资80万元。\n"
    doc, r = record_of_text(text)
    assert r.program == "安国镇油坊庄村道路硬化工程" and "安国镇油坊庄村" in evidence(doc, r, "program")
    # the town as the place of the spending: before the year, or before its own unit — cut
    assert program_name("崆峒区安国镇2023年村级道路维护项目绩效自评报告") == "村级道路维护"
    assert program_name("富平县庄里镇东关村委会文化广场建设项目资金支出绩效评价报告") == "文化广场建设项目资金"
    # the town whose government is the unit evaluated (its own spending): the place, cut
    assert (
        program_name("2024年富平县庄里镇东关社区排水沟渠建设项目", unit="富平县庄里镇人民政府")
        == "东关社区排水沟渠建设"
    )
    assert program_name("2024年富平县庄里镇东关社区排水沟渠建设项目") == "庄里镇东关社区排水沟渠建设"


def test_a_programme_in_brackets_before_a_generic_transfer_heading() -> None:
    # 单位(XX资金—XX补助)转移支付2023年度绩效自评报告: the bracket names the programme, the 转移支付
    # after it is the category heading of ruling 5
    text = (
        "铜陵市义安区农业农村局(中央农业防灾减灾和水利救灾资金—农业生产防灾救灾)转移支付 2023年度绩效自评报告\n"
        "一、绩效目标分解下达情况\n根据文件规定补助金额为45万元。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "中央农业防灾减灾和水利救灾资金—农业生产防灾救灾"
    assert evidence(doc, r, "program") == "中央农业防灾减灾和水利救灾资金—农业生产防灾救灾"


def test_a_title_naming_only_a_category_heading_names_no_programme() -> None:
    from jixiao.extractor.record.programmes import program_name

    # 省级财政专项资金, 中央对地方转移支付, 预算执行情况: channels, not a programme (ruling 5)
    assert program_name("韶关市科学技术局2022年度省级财政专项资金绩效评价报告") == ""
    assert program_name("2021年度中央对地方专项转移支付绩效自评报告") == ""
    assert program_name("2020年中央对地方转移支付预算执行情况绩效自评报告") == ""
    # a fund word attached to the programme's own name stays (ruling 8)
    assert (
        program_name("2022年度省级非物质文化遗产保护资金转移支付绩效自评报告") == "省级非物质文化遗产保护资金转移支付"
    )
    assert program_name("韶关市2022年度省级促进经济高质量发展专项资金绩效评价报告") == "省级促进经济高质量发展专项资金"


def test_a_document_sites_copy_prints_the_documents_own_title_in_its_first_chunk() -> None:
    # 《file》由会员分享… then the document's text in numbered chunks, its own title run into the text
    text = (
        "《巫溪县农业农村委员会2022年度部门整体绩效自评表.docx》由会员分享,可在线阅读,更多相关"
        "《巫溪县农业农村委员会2022年度部门整体绩效自评表.docx(3页珍藏版)》请在文库网上搜索。\n"
        "1、巫溪县农业农村委员会2023年度部门整体绩效自评表部门联系人张敏联系电话自评总分(分)95.5"
        "年初预算数全年预算数全年执行数\n2、年度总体目标完成情况\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "巫溪县农业农村委员会2023年度部门整体绩效自评表" and r.years == [2023]
    assert r.evidence["title"].span[0] > text.index("1、")
    # its own title with a year note in brackets, run into a form's label
    text = (
        "《部门整体支出绩效自评表(2).docx》由会员分享,可在线阅读。\n"
        "1、部门整体支出绩效自评表(2022年度)区级预算单位名称岳阳市云溪区水利局年度预算申请(万元)\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "部门整体支出绩效自评表(2022年度)"
    # a copy that garbles its own title's place: the file's name (the same report) gives the place
    text = (
        "《蓟州区2020年林业改革发展资金支出绩效评价报告.docx》由会员分享,可在线阅读,更多相关"
        "《蓟州区2020年林业改革发展资金支出绩效评价报告.docx(3页珍藏版)》请在文库网上搜索。\n"
        "1、蓟卅区2020年林业改革发展资金支出绩效评价报告根据市财政局关于下达2020年林业改革发展资金预算的通知要求,"
        "资金主要用于购置防治药剂。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "蓟卅区2020年林业改革发展资金支出绩效评价报告"
    assert r.jurisdiction.adcode == "120119" and r.jurisdiction.name == "蓟州区"


def test_a_forms_year_line_under_its_heading_across_the_empty_cells_of_a_flattened_table() -> None:
    # 自评表 | |||| / (2024年度) | ||||: the year line belongs to the title (devset README), the
    # empty cells do not
    text = (
        "就业补助资金转移支付项目绩效目标自评表 | |||||||\n(2023年度) | |||||||\n"
        "转移支付(项目)名称 | 就业补助资金 | ||||||\n中央主管部门 | 人力资源社会保障部 | ||||||\n"
        "预算绩效管理情况 | |||||||\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "就业补助资金转移支付项目绩效目标自评表(2023年度)"
    assert evidence(doc, r, "title").startswith("就业补助资金") and evidence(doc, r, "title").endswith("(2023年度)")
    # a row of the form that ends with empty cells is no title (预算绩效管理情况 | |||)
    doc, r = record_of_text("预算绩效管理情况 | |||||||\n资金管理情况 | 规范 | ||||||\n")
    assert r.title is None


def test_an_interpunct_inside_a_title_and_a_project_in_brackets_after_its_transfer() -> None:
    # 福彩圆梦•孤儿助学: the middle dot of a name is no breadcrumb (首页 > … or a bullet • item); the
    # bracket after a transfer payment names the project it funds (ruling 5)
    text = (
        "中央集中彩票公益金转移支付(福彩圆梦•助残工程项目)2021年度绩效自评报告\n主管部门:残疾人联合会\n"
        "一、绩效目标分解下达情况\n下达资金300万元。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "中央集中彩票公益金转移支付(福彩圆梦•助残工程项目)2021年度绩效自评报告"
    assert r.program == "福彩圆梦•助残工程" and evidence(doc, r, "program") == "福彩圆梦•助残工程"
    # a bullet line is still no title
    doc, r = record_of_text("• 2021年度残疾人事业发展补助资金绩效自评报告\n")
    assert r.title is None


def test_a_place_in_brackets_after_the_title_is_no_programme() -> None:
    from jixiao.extractor.record.programmes import program_name

    # …专项资金绩效评价报告(临泉县): the place the report is of; the title before it names the programme
    assert program_name("2023年城乡居民基本养老保险专项资金绩效评价报告(临泉县)") == "城乡居民基本养老保险专项资金"
    assert program_name("2021年度中央财政农业保险保费补贴绩效自评报告(宿州市埇桥区)") == "中央财政农业保险保费补贴"
    # a programme in brackets is still the programme (ruling 5)
    assert program_name("2022年度绩效自评报告(农业保险保费补贴)") == "农业保险保费补贴"


def test_a_document_sites_file_name_with_its_download_decorations_names_the_programme() -> None:
    # 《…报告书模板Word格式文档下载.docx》由会员分享: the file's name, less the site's decorations
    text = (
        "资源描述\n《XX县石峁遗址保护展示工程项目绩效评价报告书模板Word格式文档下载.docx》由会员分享,可在线阅读。\n"
        "摘要\n被评价单位负责人\n张伟\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "石峁遗址保护展示工程" and "石峁遗址保护展示工程" in evidence(doc, r, "program")


def test_a_news_headline_names_the_programme_after_the_unit_that_acts() -> None:
    from jixiao.extractor.record.programmes import program_name

    # 市交通运输局开展…绩效评价, 县住建局开展2018年度…绩效评价工作: the unit, its action, the year and
    # the evaluation words go; the programme stays
    assert program_name("市交通运输局开展农村公路生命防护工程专项资金绩效评价") == "农村公路生命防护工程专项资金"
    assert program_name("县住建局开展2018年度农村危房改造民生工程绩效评价工作") == "农村危房改造民生工程"
    assert program_name("凤阳县教育局完成2022年学生资助资金绩效自评工作") == "学生资助资金"


def test_a_page_number_before_the_documents_own_title_line() -> None:
    # a copied page: its headline, the page's chrome, then the document's own title with the PDF's
    # page number before it (" 8 2018 年…报告"): the document's own title, without the number
    text = (
        "2021年耕地地力保护补贴项目绩效评价报告\n\n来源:财经文库 发布时间:2021-10-12 点击:\n\n"
        " 12 2019 年耕地地力保护补贴 项目绩效评价报告\n\n  按照原则,对2019 年耕地地力保护补贴项目实施了绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "2019年耕地地力保护补贴项目绩效评价报告"


def test_a_publication_timestamp_line_is_page_chrome_before_the_documents_own_title() -> None:
    # the page's headline, a bare timestamp, then the document's own title (关于…的报告) run into its
    # addressee: the document's own title
    text = (
        "吉林省水利厅2018年水利发展资金绩效评价报告(财驻吉监[2019]51号)\n\n06.05.2019  10:20\n\n"
        "财政部驻吉林省财政监察专员办事处关于吉林省水利厅2018年水利发展资金绩效评价的报告 财政部农业司:   "
        "按照有关要求,吉林专员办对吉林省水利厅2018年水利发展资金使用情况开展了绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "财政部驻吉林省财政监察专员办事处关于吉林省水利厅2018年水利发展资金绩效评价的报告"


def test_a_place_opening_a_firms_name_is_the_firms_seat_not_the_place_evaluated() -> None:
    text = (
        "农机购置补贴资金绩效评价报告\n"
        "受县财政局委托,湖南某某会计师事务所成立绩效评价工作小组,对农机购置补贴资金开展绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert r.jurisdiction.adcode is None
    # near miss: the same place as the subject of the sentence is the place evaluated
    doc, r = record_of_text(text.replace("对农机购置补贴资金", "对湖南省农机购置补贴资金"))
    assert r.jurisdiction.adcode == "430000"
    # nor is a place whose own office commissions the firm (长沙市财政局委托…会计师事务所)
    doc, r = record_of_text(text.replace("受县财政局委托,湖南某某", "长沙市财政局委托立信"))
    assert r.jurisdiction.adcode == "430100"


def test_a_firm_whose_name_opens_the_title_of_its_report_is_the_evaluator() -> None:
    text = (
        "《邯郸正信会计师事务所绩效评价报告.docx》由会员分享,可在线阅读\n"
        "(二)评价方法 本次绩效评价工作组到邯郸市丛台区园林服务中心进行了现场座谈,"
        "得出丛台区园林服务中心2021年度“绿地养护项目”绩效评价的最终得分。\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluator == "邯郸正信会计师事务所" and r.evaluation_mode == "third_party"
    # near miss: a unit's own report titled with its name is no firm's
    doc, r = record_of_text(text.replace("邯郸正信会计师事务所", "丛台区园林服务中心"))
    assert r.evaluation_mode != "third_party"


def test_a_forms_date_whose_day_lost_its_character() -> None:
    # 填报日期 with the day's 日 lost in the PDF's text layer: the number that ends the value is the day
    text = "随州市财政预算支出项目绩效目标自评表 填报日期:2023 年 7 月 14 项目名称 乡村道路养护 自评总分: 92\n"
    doc, r = record_of_text(text)
    assert r.report_date == "2023-07-14" and evidence(doc, r, "report_date").endswith("14")
    # near miss: a month alone stays a month
    doc, r = record_of_text(text.replace("7 月 14 项目名称", "7 月 项目名称"))
    assert r.report_date == "2023-07"


def test_a_sentence_ending_with_a_forms_name_is_no_title() -> None:
    # …自评得3分。\n设立…区域绩效目标表。: a sentence of the body (it ends with 。), not a heading
    text = (
        "(3)项目绩效目标设立(3分):\n我县科学合理设立绩效目标,自评得3分。\n"
        "设立城乡义务教育补助经费区域绩效目标表。\n(4)资金到位率(3分)\n"
    )
    doc, r = record_of_text(text)
    assert r.title is None


def test_a_year_line_that_lost_its_opening_bracket_still_ends_the_title() -> None:
    # 部门整体支出绩效自评表 / 2021年度): the year line belongs to the title, its bracket as printed
    text = "部门整体支出绩效自评表\n\n2022年度)\n\n级预算单位名称\n\n 江永县林业局\n"
    doc, r = record_of_text(text)
    assert r.title == "部门整体支出绩效自评表2022年度)" and r.years == [2022]
    # a year alone on a line is no year line of the title (a date, a heading's number)
    doc, r = record_of_text("部门整体支出绩效自评表\n\n2022年度\n\n级预算单位名称\n")
    assert r.title == "部门整体支出绩效自评表"


def test_a_companys_name_before_the_report_words_is_no_programme() -> None:
    from jixiao.extractor.record.programmes import program_name

    # 公交公司绩效评价报告: the company evaluated, no programme (abstain rather than guess)
    assert program_name("县公交公司绩效评价报告") == ""
    assert program_name("城投集团绩效自评报告") == ""
    # a programme that names a company's service stays
    assert program_name("2023年国有公交公司运营补贴资金绩效评价报告") == "国有公交公司运营补贴资金"


def test_a_district_named_by_a_common_word_is_a_place_only_after_its_city() -> None:
    from jixiao.extractor.record.programmes import program_name

    # 城区 / 郊区 / 矿区 are districts' names and common words: alone they are the programme's words
    assert program_name("2023年城区停车场建设项目绩效评价报告") == "城区停车场建设"
    assert program_name("2022年矿区生态修复资金绩效评价报告") == "矿区生态修复资金"
    # after their city they are the place (大同市城区)
    assert program_name("大同市城区2022年背街小巷改造项目绩效评价报告") == "背街小巷改造"


def test_a_unit_in_brackets_after_the_title_is_no_programme() -> None:
    from jixiao.extractor.record.programmes import program_name

    # …绩效自评报告(县农业农村局): the unit that reports, not a programme in brackets
    assert program_name("2022年度耕地地力保护补贴资金绩效自评报告(县农业农村局)") == "耕地地力保护补贴资金"
    # a facility's project in brackets is still the programme
    assert program_name("转移支付区域(全民健身中心项目)绩效自评表") == "全民健身中心"


def test_the_leading_places_go_down_one_chain_and_a_place_after_it_is_the_names_own() -> None:
    from jixiao.extractor.record.programmes import program_name

    # 云南省昆明市东川区: one chain, province to county, all the leading place
    assert program_name("云南省昆明市东川区2019年城乡居民基本养老保险绩效评价报告") == "城乡居民基本养老保险"
    # a province's name after the county (保亭县 → 海南…): the programme's own word (海南热带果蔬科创基地)
    assert program_name("保亭县海南热带果蔬科创基地建设项目自评报告") == "海南热带果蔬科创基地建设"
    # the same county again after the year is still the leading place
    assert program_name("凤阳县2022年度凤阳县小岗村旅游提升项目绩效评价报告") == "小岗村旅游提升"


def test_years_follow_the_documents_own_title_not_the_page_heading() -> None:
    # an essay site's heading names another year than the document's own title line under it
    text = (
        "2020年农业保险项目绩效评价报告\n\n来源:银行从业 发布时间:2020-09-23 点击:\n\n"
        " 8 2018 年农业保险 项目绩效评价报告\n\n"
        "  按照“科学性、规范性、客观性和公正性”的原则,对2018 年农业保险补贴项目实施了绩效评价,形成本评价报告。\n\n"
        "  一、项目基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "2018年农业保险项目绩效评价报告"
    assert r.years == [2018] and evidence(doc, r, "years").startswith("2018")


def test_a_year_note_ending_the_title_names_the_year_over_a_year_in_the_funds_name() -> None:
    # ruling 6: the 年度 printed for the document wins over a year that is part of the fund's name
    text = (
        "寻甸县林业和草原局2023年异地造林补助资金项目支出绩效自评报告(2024年度)\n"
        "一、基本情况\n异地造林补助资金用于造林绿化。\n"
    )
    doc, r = record_of_text(text)
    assert r.years == [2024] and evidence(doc, r, "years") == "2024年度"


def test_a_portals_banner_and_metadata_block_are_not_the_documents_words() -> None:
    # a county bureau's portal: its name as a banner, then the page's metadata block (标题:, 索引号, 发布机构)
    text = (
        "张店区住房和城乡建设局\n标题: 保障性安居工程绩效评价报告\n"
        "索引号: 11370303004217127D/2023-5377788 文号:\n发文日期: 2023-02-02 发布机构: 张店区住房和城乡建设局\n\n"
        "保障性安居工程绩效评价报告\n\n发布日期:2023-02-02\n\n"
        "一、项目基本情况及项目绩效评价工作情况\n\n"
        "1、2022年,我区共实施棚户区改造项目10个,涉及居民17164户,为系统总结棚改工作的成绩和效能,"
        "我局组织了绩效自评,具体评价过程如下:\n"
    )
    doc, r = record_of_text(text)
    assert r.title == "保障性安居工程绩效评价报告" and r.program == "保障性安居工程"
    assert r.evaluated_unit is None and r.evaluator is None  # named only by the portal (ruling 3)


def test_the_notice_that_launched_the_evaluation_names_the_funds_year_when_nothing_else_does() -> None:
    text = (
        "根据《关于开展2017年度市级部门单位整体支出自我绩效评价的通知》(湛财评[2018]20号)要求,"
        "我局及时布置自评,成立自评工作小组,形成本评价报告。\n一、单位基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.years == [2017] and evidence(doc, r, "years") == "2017年"
    # a campaign's own year is the year of the work, not of the funds evaluated
    doc, r = record_of_text(text.replace("2017年度市级部门单位整体支出自我", "2018年度财政重点"))
    assert r.years == []


def test_a_party_schools_special_spending_report() -> None:
    # 专项支出 names project spending; a 党校 is an organisation (its title names it, then it says 我单位)
    text = (
        "中共沅江市委党校2023年度专项支出绩效评价报告\n发布时间:2024-06-26 15:11 信息来源:中共沅江市委党校 作者: 浏览量:\n\n"
        "一、项目基本概况\n\n(一)机构设置情况\n\n我单位设5个内设机构,分别为办公室、行政室、教研室、教务室、图书管理室。\n"
        "二、绩效评价指标分析情况\n\n2023主体班教育培训项目等专项资金92.4万元,全额拨付。\n"
    )
    doc, r = record_of_text(text)
    assert r.report_kind == "project" and "专项支出" in evidence(doc, r, "report_kind")
    assert r.evaluated_unit == "中共沅江市委党校" and evidence(doc, r, "evaluated_unit") == "中共沅江市委党校"


def test_a_department_wide_report_that_says_nothing_of_who_evaluated_has_no_mode() -> None:
    # the kind alone (整体支出) is no evidence of a self-evaluation: abstain rather than guess
    text = (
        "丽水市文化馆2018年度整体支出绩效评价报告\n时间:2020-03-26 16:11 浏览次数: 信息来源: 丽水市政府\n\n"
        "  一、部门基本概况 \n\n  (一)主要部门职能及组成:组织开展文艺演出、比赛、展览等群众性文化艺术娱乐活动。\n"
    )
    doc, r = record_of_text(text)
    assert r.report_kind == "department"
    assert r.evaluation_mode is None and r.evaluator is None
    doc, r = record_of_text(text + "  二、绩效自评情况\n\n  我馆对2018年度整体支出开展了绩效自评。\n")
    assert r.evaluation_mode == "self"


def test_an_unticked_option_of_a_cover_form_is_no_mode() -> None:
    # a cover form's options, ticked (R: a ☑ the converter read in its symbol font) or not (□)
    text = (
        "淳安县财政支出政策绩效评价报告\n评价类型 事前评价□ 事中评价□ 事后评价R\n"
        "评价方式:部门(单位)绩效自评R 财政部门组织评价□\n一、基本情况\n"
    )
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "self" and evidence(doc, r, "evaluation_mode") == "自评"


def test_a_third_party_that_checks_quality_or_data_evaluates_nothing() -> None:
    for sentence in (
        "工程建设中定期参与质监活动,并聘请了第三方质量监测,对发现的问题及时协调处理。",
        "结合日常考核基础数据和第三方机构审核数据,市公共交通领导小组办公室牵头开展考核。",
    ):
        doc, r = record_of_text("2023年度城市公交服务考核结果公示\n" + sentence + "\n")
        assert r.evaluation_mode != "third_party"
    doc, r = record_of_text("2023年度城市公交服务绩效评价报告\n受市财政局委托,我所对该项目开展了绩效评价。\n")
    assert r.evaluation_mode == "third_party"


def test_a_report_naming_a_programme_with_its_phase_in_brackets_is_of_a_project() -> None:
    text = (
        "一、基本情况\n(一)项目概况\n瓯海区排水管网工程(二期)是为进一步提高污水收集率,加快实施雨污分流而建设的。"
        "项目总投资约22.66亿元。\n二、绩效自评情况\n我局对瓯海区排水管网工程(二期)开展了绩效自评。\n"
    )
    doc, r = record_of_text(text)
    assert r.program == "排水管网工程(二期)"
    assert r.report_kind == "project"


def test_a_scoring_rule_that_says_no_points_is_no_score() -> None:
    # a self-table's scoring rules flattened after its total: 没有不得分 1、… is a rule and the
    # next item's number, not a score of 1 that conflicts with the 自评总分
    text = (
        "某市财政预算支出项目绩效目标自评表 填报日期:2022 年 8 月 10 项目名称 农村公路养护 自评总分: 95 "
        "项目实施单位 某市交通运输局 组织机构 项目管理 13 分 2 2 有明确的绩效管理机构或专人负责 2 分。没 "
        "有不得分 1、运行监管记录 3 分; 运行监管 4 4\n"
    )
    doc, r = record_of_text(text)
    assert r.score.total == 95 and "自评总分: 95" in evidence(doc, r, "score.total")


def test_a_rates_own_score_before_the_total_is_no_total() -> None:
    # the conclusion lists the level-1 self-scores, the budget-execution rate's among them, then
    # the total: 预算资金执行率自评得分10分 is that rate's score, not a second total
    text = (
        "三、综合评价结论\n依据评价指标体系,产出指标自评得分50分、效益指标自评得分30分、满意度指标自评得分10分、"
        "预算资金执行率自评得分10分,综合得分100分。\n"
    )
    doc, r = record_of_text(text)
    assert r.score.total == 100 and "综合得分100分" in evidence(doc, r, "score.total")


def test_a_flattened_tier_table_ends_in_its_total_row_after_spaces() -> None:
    # a 自评表's level-1 rows and total row on one line with spaces between cells: the matching
    # view drops the space between a number and a CJK label (9.5 总分 → 9.5总分), so the total
    # row follows a digit directly there
    doc, r = record_of_text("产出指标 50 48 效益指标 30 28 满意度指标 10 10 预算执行率 10 9.5 总分 100 95.5\n")
    assert (r.score.total, r.score.max) == (95.5, 100) and "总分 100 95.5" in evidence(doc, r, "score.total")


def test_the_evaluation_result_given_as_a_score_with_its_grade_in_brackets() -> None:
    doc, r = record_of_text("某县2022年度农村公路养护资金绩效评价报告\n绩效评价结果：86.5分（良）\n")
    assert (r.score.total, r.score.grade, r.score.grade_source) == (86.5, "良", "stated")
    assert "86.5分" in evidence(doc, r, "score.total")


def test_a_firm_with_its_short_name_in_brackets_accepting_the_commission() -> None:
    text = (
        "某县2022年度农村公路养护资金绩效评价报告\n"
        "某某会计师事务所有限公司（以下简称“我公司”）接受某县财政局的委托，对该项目进行了绩效评价。\n"
    )
    doc, r = record_of_text(text)
    assert (r.evaluation_mode, r.evaluator) == ("third_party", "某某会计师事务所有限公司")
    assert "某某会计师事务所有限公司" in evidence(doc, r, "evaluator")


def test_the_funds_year_opening_the_basic_situation_before_a_comma() -> None:
    # the only year the opening names, tied to the funds (2022年，县财政共安排…资金): the weakest
    # evidence of the year evaluated, for a text that names it nowhere else
    text = "某县农村公路养护资金绩效自评报告\n一、项目基本情况\n2022年，县财政共安排农村公路养护资金500万元。\n"
    doc, r = record_of_text(text)
    assert r.years == [2022] and "2022" in evidence(doc, r, "years")


def test_self_evaluation_form_as_a_word_table_funds_block_above_the_indicator_header(tmp_path) -> None:
    # the common 项目支出绩效自评表 as one Word table: the form's rows and its funds block come
    # before the 一级指标 | 二级指标 | 三级指标 | … | 分值 | 得分 header, and the 总分 row's 100 is
    # the 分值 column's, its score the 得分 column's
    rows = [
        ["项目名称", "农村公路养护", "", "", "", "", "", ""],
        ["主管部门", "某县交通运输局", "实施单位", "某县交通运输局", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "500", "500", "480", "10", "96%", "9.6"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "养护里程", "120公里", "120公里", "20", "20", ""],
        ["效益指标", "社会效益指标", "群众出行便利度", "提高", "提高", "30", "28", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "", "", "", "", "100", "95.6", ""],
    ]
    doc = parse(str(_docx(tmp_path / "form.docx", "项目支出绩效自评表（2022年度）", rows)))
    r = build_record(doc)
    assert (r.score.total, r.score.max) == (95.6, 100)
    assert "95.6" in evidence(doc, r, "score.total")
    assert {(i.name, i.weight, i.score) for i in r.indicators if i.level == 3} == {
        ("养护里程", 20, 20),
        ("群众出行便利度", 30, 28),
        ("群众满意度", 10, 10),
    }
    assert {(f.name, f.value) for f in r.figures} >= {("年初预算数", 5000000), ("全年执行数", 4800000)}


# The national 项目支出绩效自评表 (funds block, goals, indicators, total) as a spreadsheet holds it:
# blank cells where the form merges cells or leaves amounts unfilled.
_NATIONAL_FORM = [
    ["项目名称", "乡村道路安全防护", "", "", "", "", "", "", ""],
    ["主管部门", "某县交通运输局", "", "", "实施单位", "某县公路养护中心", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "320", "320", "304", "10", "95%", "9.5", ""],
    ["", "其中：财政拨款", "320", "320", "304", "—", "95%", "—", ""],
    ["", "其他资金", "", "", "", "—", "", "—", ""],
    ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
    ["", "完成道路安全防护设施80公里。", "", "", "", "完成80公里，事故率下降。", "", "", ""],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["", "产出指标", "数量指标", "防护设施里程", "80公里", "80公里", "20", "20", ""],
    ["", "", "质量指标", "验收合格率", "100%", "100%", "20", "19", ""],
    ["", "", "时效指标", "按期完工率", "100%", "95%", "10", "9", ""],
    ["", "效益指标", "社会效益指标", "交通事故发生率", "下降", "下降", "20", "18", ""],
    ["", "", "可持续影响指标", "设施使用年限", "≥8年", "8年", "10", "9", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "9", ""],
    ["总分", "", "", "", "", "", "100", "93.5", ""],
]
# the same form as Word merges it: (first row, first column, last row, last column)
_NATIONAL_MERGES = [(0, 1, 0, 8), (1, 1, 1, 3), (1, 5, 1, 8), (2, 0, 5, 0), (6, 0, 7, 0), (6, 1, 6, 4), (6, 5, 6, 8)]
_NATIONAL_MERGES += [(7, 1, 7, 4), (7, 5, 7, 8), (8, 0, 14, 0), (9, 1, 11, 1), (12, 1, 13, 1), (15, 0, 15, 5)]


def _national_form_reads(r) -> tuple:
    return (
        (r.score.total, r.score.max),
        sorted((i.name, i.weight, i.score) for i in r.indicators if i.level == 3),
        sorted((f.name, f.value) for f in r.figures),
        sorted((c.rule, c.ok, c.detail) for c in r.checks),
    )


def test_national_self_table_as_tab_separated_text_reads_as_the_word_table(tmp_path) -> None:
    # a spreadsheet's copy: tabs between cells, a merged cell blank after its first slot, the
    # unfilled amounts of 其他资金 blank — no blank is a merged number, so the funds block keeps its
    # figures; the merged 项目资金（万元） down the funds rows is one cell in either rendering
    title = "项目支出绩效自评表\n（2023年度）\n"
    doc, tabs = record_of_text(title + "\n".join("\t".join(row) for row in _NATIONAL_FORM) + "\n")
    d = docx.Document()
    d.add_paragraph("项目支出绩效自评表")
    d.add_paragraph("（2023年度）")
    table = d.add_table(rows=len(_NATIONAL_FORM), cols=9)
    for i, row in enumerate(_NATIONAL_FORM):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    for r0, c0, r1, c1 in _NATIONAL_MERGES:
        first = table.cell(r0, c0).text
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = first
    d.save(tmp_path / "form.docx")
    word = build_record(parse(str(tmp_path / "form.docx")))
    assert _national_form_reads(tabs) == _national_form_reads(word)
    assert (tabs.score.total, tabs.score.max) == (93.5, 100)
    # (the 其中：财政拨款 row is listed though it repeats the total, devset ruling 24(c); 其他资金's blank
    # cells state nothing)
    assert {(f.name, f.value) for f in tabs.figures} == {
        ("年初预算数", 3200000),
        ("全年预算数", 3200000),
        ("全年执行数", 3040000),
        ("执行率", 0.95),
        ("财政拨款 年初预算数", 3200000),
        ("财政拨款 全年预算数", 3200000),
        ("财政拨款 全年执行数", 3040000),
        ("财政拨款 执行率", 0.95),
    }
    spent = next(f for f in tabs.figures if f.name == "全年执行数")
    assert spent.span is not None and doc.text[spent.span[0] : spent.span[1]].rstrip().endswith("304")
    # the third-level scores and the budget row's make the total, as the weights and its 10 make 100
    sums = {(c.rule, c.ok, c.detail) for c in tabs.checks if c.rule in ("indicator_sum", "weight_sum")}
    assert sums == {
        ("indicator_sum", True, "三级指标 + 预算执行: 20 + 19 + 9 + 18 + 9 + 9 + 9.5 = 93.5, stated total 93.5"),
        ("weight_sum", True, "三级指标 + 预算执行 weights: 20 + 20 + 10 + 20 + 10 + 10 + 10 = 100, stated 100"),
    }


def test_a_total_row_one_cell_a_line_its_maximum_then_its_score() -> None:
    # a web table copied one cell a line: 总分 / 100 / 95.6 — the 100 is the row's 分值, its score next
    text = (
        "项目支出绩效自评表\n（2022年度）\n项目名称\n农村公路养护\n一级指标\n二级指标\n三级指标\n分值\n得分\n"
        "产出指标\n数量指标\n养护里程\n20\n20\n效益指标\n社会效益指标\n群众出行便利度\n30\n28\n总分\n100\n95.6\n"
    )
    doc, r = record_of_text(text)
    assert (r.score.total, r.score.max) == (95.6, 100) and evidence(doc, r, "score.total").endswith("95.6")


@pytest.mark.parametrize(
    "text",
    [
        # a results disclosure whose form names the firm that evaluated: a third party (the
        # finance bureau's notice of work it commissioned from a named firm)
        "绩效评价结果公示\n项目名称：农村公路养护资金\n评价机构：某某会计师事务所有限公司\n综合得分：86.5分\n评价等级：良好\n",
        # a results form's 评价方式 cell
        "项目名称 农村公路养护资金 项目主管部门 某县交通运输局 评价方式 第三方评价 评价得分 86.5 评价等级 良\n",
    ],
)
def test_results_forms_naming_a_third_party_evaluation(text: str) -> None:
    doc, r = record_of_text(text)
    assert r.evaluation_mode == "third_party" and (r.score.total, r.score.grade) == (86.5, "良")
    assert "第三方" in evidence(doc, r, "evaluation_mode") or "事务所" in evidence(doc, r, "evaluation_mode")
