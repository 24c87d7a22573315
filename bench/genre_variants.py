"""Hand-written variants of how reports state each field, read by the extractor.

    python bench/genre_variants.py          # per set: variants read as written / all
    python bench/genre_variants.py --show   # and each variant that is not

Each set holds the common shapes of one field as the genre prints them (a total and grade in a
conclusion, tier scores in prose or a flattened table, a signature date, the mode, the years, the
place, the kind and programme, the title on a page, figures in the funds section, results forms),
written by hand from knowledge of the genre — not copied from the development set, and never from its
holdout half. They are synthetic sentences, so they measure coverage of shapes, not accuracy on real
reports (``bench/accuracy.py`` does that); a failing variant points at a shape no rule reads. Each
failure found this way became a general rule with a test in ``tests/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from excerpt_records import record_of_text  # noqa: E402

TIERS = {18, 17.5, 27, 26}
# (text, total, grade)
SCORES = [
    ("经综合评价，该项目绩效评价得分为86.5分，绩效等级为“良”。\n", 86.5, "良"),
    ("评价结论：项目综合得分86.5分，评价等级：良好。\n", 86.5, "良"),
    ("经评价，该项目最终得分86.5分，评定等级为良。\n", 86.5, "良"),
    ("根据评价指标体系，项目总得分为86.5分，绩效评价结果为“良”。\n", 86.5, "良"),
    ("综合评分86.5分，评价结果为良好等次。\n", 86.5, "良"),
    ("评价得分：86.5分  评价等级：良\n", 86.5, "良"),
    ("项目名称 某某项目\n评价得分 86.5\n评价等级 良\n", 86.5, "良"),
    ("本项目绩效评价综合得分为86.50分，按照评价等级划分标准，评价结果为“良”。\n", 86.5, "良"),
    ("该项目自评得分95分，自评等级为优。\n", 95, "优"),
    ("自评结果：自评得分95分，等级为“优秀”。\n", 95, "优"),
    ("经评价组评定，该项目得分86.5分，属于“良”级。\n", 86.5, "良"),
    ("项目绩效评价总分86.5分，等次为良。\n", 86.5, "良"),
    ("绩效评价结果：86.5分（良）\n", 86.5, "良"),
    ("该项目绩效评价结果等级为“中”，综合得分72.3分。\n", 72.3, "中"),
    ("经第三方机构评价，该项目综合得分为九十分，评价等级为优。\n", 90, "优"),
    ("评价得分86.5分，根据《项目支出绩效评价管理办法》规定，绩效评级为“良”。\n", 86.5, "良"),
    ("序号 项目名称 评价得分 评价等级\n1 某某项目 86.5 良\n", 86.5, "良"),
    ("该项目绩效评价得分为８６．５分，等级为良。\n", 86.5, "良"),
    ("经评价，2022年度该项目得分 86.5 分，等级为“良”。\n", 86.5, "良"),
    ("评价结论为“合格”，综合得分为75分。\n", 75, "中"),
    (
        "某县财政局2022年度农村公路养护资金绩效评价结果公开\n项目名称 | 农村公路养护资金 |\n主管部门 | 某县交通运输局 |\n评价得分 | 86.5 |\n评价等级 | 良 |\n",
        86.5,
        "良",
    ),
    (
        "绩效评价结果公示\n项目名称：农村公路养护资金\n评价机构：某某会计师事务所有限公司\n综合得分：86.5分\n评价等级：良好\n",
        86.5,
        "良",
    ),
    (
        "某县2022年度农村公路养护资金绩效评价结果\n项目名称\t农村公路养护资金\n评价得分\t86.5\n评价等级\t良\n",
        86.5,
        "良",
    ),
    (
        "项目名称 农村公路养护资金 项目主管部门 某县交通运输局 评价方式 第三方评价 评价得分 86.5 评价等级 良\n",
        86.5,
        "良",
    ),
    (
        "绩效评价结果通知书\n某县交通运输局：\n我局委托某某会计师事务所有限公司对你单位2022年度农村公路养护资金进行了绩效评价，评价得分为86.5分，评价等级为“良”。现将评价结果通知如下：\n",
        86.5,
        "良",
    ),
    ("项目名称\n农村公路养护资金\n评价得分\n86.5\n评价等级\n良\n", 86.5, "良"),
    ("评价结果：\n得分：86.5\n等级：良\n", 86.5, "良"),
]
# (text, the level-1 scores)
TIER_SCORES = [
    (
        "四、评价结论\n经评价，该项目综合得分88.5分，等级为良。其中：决策指标满分20分，评价得分18分；过程指标满分20分，得分17.5分；产出指标满分30分，得分27分；效益指标满分30分，得分26分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "四、评价结论\n该项目决策、过程、产出、效益四项一级指标分别得分18分、17.5分、27分、26分，综合得分88.5分，评价等级为“良”。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "四、评价结论\n项目决策（20分）得分18分，项目过程（20分）得分17.5分，项目产出（30分）得分27分，项目效益（30分）得分26分，总分88.5分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "（一）决策情况\n……该部分满分20分，实际得分18分。\n（二）过程情况\n……该部分满分20分，实际得分17.5分。\n（三）产出情况\n……该部分满分30分，实际得分27分。\n（四）效益情况\n……该部分满分30分，实际得分26分。\n综合得分88.5分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "评价结论：综合得分88.5分。决策指标得分18分(满分20分)，过程指标得分17.5分(满分20分)，产出指标得分27分(满分30分)，效益指标得分26分(满分30分)。\n",
        {18, 17.5, 27, 26},
    ),
    ("一级指标 分值 得分\n决策 20 18\n过程 20 17.5\n产出 30 27\n效益 30 26\n合计 100 88.5\n", {18, 17.5, 27, 26}),
    ("评价得分情况：决策指标18分，过程指标17.5分，产出指标27分，效益指标26分，合计88.5分。\n", {18, 17.5, 27, 26}),
    (
        "（一）项目决策情况（20分，得分18分）\n……\n（二）项目过程情况（20分，得分17.5分）\n……\n（三）项目产出情况（30分，得分27分）\n……\n（四）项目效益情况（30分，得分26分）\n……\n",
        {18, 17.5, 27, 26},
    ),
    (
        "经评价组评定，决策类指标得18分，过程类指标得17.5分，产出类指标得27分，效益类指标得26分，总得分88.5分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "决策指标：满分20分，得分18分。过程指标：满分20分，得分17.5分。产出指标：满分30分，得分27分。效益指标：满分30分，得分26分。\n",
        {18, 17.5, 27, 26},
    ),
    ("决策、过程、产出、效益指标得分分别为18分、17.5分、27分、26分，合计88.5分。\n", {18, 17.5, 27, 26}),
    (
        "一级指标 | 权重 | 得分 | 得分率\n决策 | 20 | 18 | 90%\n过程 | 20 | 17.5 | 87.5%\n产出 | 30 | 27 | 90%\n效益 | 30 | 26 | 86.67%\n合计 | 100 | 88.5 | 88.5%\n",
        {18, 17.5, 27, 26},
    ),
    (
        "本次评价从决策、过程、产出、效益4个维度进行，其中决策得分18分，过程得分17.5分，产出得分27分，效益得分26分，最终得分88.5分，评价等级为“良”。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "1.决策指标（权重20%）：得分18分\n2.过程指标（权重20%）：得分17.5分\n3.产出指标（权重30%）：得分27分\n4.效益指标（权重30%）：得分26分\n",
        {18, 17.5, 27, 26},
    ),
    (
        "A 决策 20 18\nA1 项目立项 6 6\nB 过程 20 17.5\nB1 资金管理 10 9\nC 产出 30 27\nD 效益 30 26\n合计 100 88.5\n",
        {18, 17.5, 27, 26},
    ),
    (
        "部门整体支出绩效评价得分情况：投入指标得分14分，过程指标得分27分，产出指标得分28分，效果指标得分20分，总分89分。\n",
        {14, 27, 28, 20},
    ),
    (
        "评价结果：履职效能得分45分，管理效率得分28分，运行成本得分9分，服务对象满意度得分9分，总得分91分，等级为优。\n",
        {45, 28, 9},
    ),
    (
        "指标体系由决策、过程、产出和效益四部分构成，权重分别为20%、20%、30%、30%。评价结果显示，决策部分得分18分，过程部分得分17.5分，产出部分得分27分，效益部分得分26分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "（一）决策指标分析（满分20分，实得18分）\n（二）过程指标分析（满分20分，实得17.5分）\n（三）产出指标分析（满分30分，实得27分）\n（四）效益指标分析（满分30分，实得26分）\n",
        {18, 17.5, 27, 26},
    ),
    (
        "一级指标：决策（20分）、过程（20分）、产出（30分）、效益（30分）。得分：决策18分、过程17.5分、产出27分、效益26分。\n",
        {18, 17.5, 27, 26},
    ),
    ("产出指标 50 48 效益指标 30 28 满意度指标 10 10 预算执行率 10 9.5 总分 100 95.5\n", {48, 28, 10}),
    (
        "项目决策方面，该项目满分20分，评分18分。项目管理方面，满分20分，评分17.5分。项目产出方面，满分30分，评分27分。项目效益方面，满分30分，评分26分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "决策指标扣2分，得18分；过程指标扣2.5分，得17.5分；产出指标扣3分，得27分；效益指标扣4分，得26分。\n",
        {18, 17.5, 27, 26},
    ),
    (
        "决策类指标得分率90%（18/20），过程类指标得分率87.5%（17.5/20），产出类指标得分率90%（27/30），效益类指标得分率86.67%（26/30）。\n",
        {18, 17.5, 27, 26},
    ),
]
# (text, report_date)
DATES = [
    ("某县农村公路养护资金绩效评价报告\n一、基本情况\n……\n某某会计师事务所\n2023年5月12日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n二〇二三年五月十二日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n某某会计师事务所\n二〇二三年五月\n一、基本情况\n……\n", "2023-05"),
    ("关于2022年度农村公路养护资金绩效评价结果的通知\n各乡镇：\n……\n某县财政局\n2023 年 5 月 12 日\n", "2023-05-12"),
    ("某县财政局办公室 2023年5月12日印发\n", "2023-05-12"),
    ("报告日期：2023年5月12日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效自评报告\n……\n填报单位（盖章）：某县交通运输局\n填报日期：2023年5月12日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某某会计师事务所有限公司\n2023.5.12\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某某会计师事务所有限公司\n2023-05-12\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n2023年5月12日\n\n附件：绩效评价指标体系\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n2023年05月12日\n（此页无正文）\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局 2023年5月12日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n２０２３年５月１２日\n", "2023-05-12"),
    ("某县农村公路养护资金绩效评价报告\n……\n某县交通运输局\n2023年5月\n", "2023-05"),
    ("某县农村公路养护资金绩效评价报告\n……截至2022年12月31日，资金已全部拨付。\n", None),
    ("发布时间：2023-06-01\n某县农村公路养护资金绩效评价报告\n……\n", None),
]
# (text, evaluation_mode, evaluator or None when not checked)
MODES = [
    ("某县交通运输局2022年度农村公路养护资金绩效自评报告\n一、基本情况\n", "self", None),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n受某县财政局委托，某某会计师事务所有限公司对该项目开展了绩效评价。\n",
        "third_party",
        "某某会计师事务所有限公司",
    ),
    (
        "关于2022年度农村公路养护资金重点绩效评价结果的通报\n各有关单位：\n为提高财政资金使用效益，我局对2022年度农村公路养护资金开展了重点绩效评价。\n某县财政局\n2023年5月12日\n",
        "finance",
        "某县财政局",
    ),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n根据《某县财政局关于开展2022年度绩效评价工作的通知》，县财政局委托某某咨询有限公司对该项目进行了第三方绩效评价。\n",
        "third_party",
        "某某咨询有限公司",
    ),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n某某会计师事务所有限公司（以下简称“我公司”）接受某县财政局的委托，对该项目进行了绩效评价。\n",
        "third_party",
        "某某会计师事务所有限公司",
    ),
    ("某县财政局2022年度部门整体支出绩效自评报告\n一、部门概况\n", "self", "某县财政局"),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n县财政局聘请某某资产评估有限公司组成评价组，对该项目开展绩效评价。\n",
        "third_party",
        "某某资产评估有限公司",
    ),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n县财政局组织成立评价工作组，对该项目开展了财政重点绩效评价。\n",
        "finance",
        None,
    ),
    (
        "项目支出绩效自评表\n（2022年度）\n项目名称 农村公路养护 主管部门 某县交通运输局 实施单位 某县交通运输局\n",
        "self",
        None,
    ),
    (
        "某县2022年度农村公路养护资金绩效评价报告\n根据县财政局的统一部署，我局组织开展了绩效自评工作。\n某县交通运输局\n",
        "self",
        "某县交通运输局",
    ),
    (
        # (a bureau's notice of work it commissioned from an unnamed third party stays finance: devset README)
        "某市财政局关于2022年度市级财政重点绩效评价结果的公告\n我局委托第三方机构对12个项目开展了重点绩效评价，现将结果公告如下。\n",
        "finance",
        None,
    ),
]
# (text, years)
YEARS = [
    ("某县2022年度农村公路养护资金绩效评价报告\n", [2022]),
    ("某县农村公路养护资金2022年度绩效评价报告\n", [2022]),
    ("某县农村公路养护资金绩效评价报告\n（2022年度）\n", [2022]),
    ("关于2022年度农村公路养护资金绩效评价结果的通知\n", [2022]),
    ("某县农村公路养护资金绩效评价报告\n按照要求，我局对2022年度农村公路养护资金开展了绩效评价。\n", [2022]),
    ("某县2020-2022年农村公路养护资金绩效评价报告\n", [2020, 2021, 2022]),
    ("某县2020—2022年度农村公路养护资金绩效评价报告\n", [2020, 2021, 2022]),
    ("某县农村公路养护资金绩效评价报告\n评价范围为2021年1月1日至2022年12月31日。\n", [2021, 2022]),
    ("某县二〇二二年度农村公路养护资金绩效评价报告\n", [2022]),
    ("某县 2022 年度农村公路养护资金绩效评价报告\n", [2022]),
    ("项目支出绩效自评表\n( 2022 年度)\n项目名称 农村公路养护\n", [2022]),
    ("某县农村公路养护资金绩效评价报告\n评价对象为2022年农村公路养护资金，共计500万元。\n", [2022]),
    ("某县农村公路养护资金绩效自评报告\n一、项目基本情况\n2022年，县财政共安排农村公路养护资金500万元。\n", [2022]),
]
# (text, adcode)
PLACES = [
    ("广州市海珠区2022年度农村公路养护资金绩效评价报告\n", "440105"),
    ("2022年度农村公路养护资金绩效评价报告\n受南宁市财政局委托，某某会计师事务所对该项目开展绩效评价。\n", "450100"),
    ("2022年度农村公路养护资金绩效自评报告\n……\n澧县交通运输局\n2023年5月12日\n", "430723"),
    ("湖南省常德市澧县2022年度农村公路养护资金绩效评价报告\n", "430723"),
    ("2022年度农村公路养护资金绩效评价报告\n项目单位：澧县交通运输局\n", "430723"),
    ("关于2022年度农村公路养护资金绩效评价结果的通知\n……\n澧县财政局\n2023年5月12日\n", "430723"),
    ("澧县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n项目涉及常德市、长沙市等地。\n", "430723"),
    ("黔东南州2022年度农村公路养护资金绩效评价报告\n", "522600"),
    ("恩施州2022年度农村公路养护资金绩效评价报告\n", "422800"),
    ("新疆生产建设兵团第十四师2022年度农村公路养护资金绩效评价报告\n", None),
    ("广西壮族自治区2022年度农村公路养护资金绩效评价报告\n", "450000"),
    ("内蒙古2022年度草原生态保护补奖资金绩效评价报告\n", "150000"),
    ("宁夏回族自治区吴忠市利通区2022年度农村公路养护资金绩效评价报告\n", "640302"),
    ("省交通运输厅2022年度农村公路养护资金绩效自评报告\n……\n湖南省交通运输厅\n", "430000"),
    ("鄂尔多斯市达拉特旗2022年度农村牧区公路养护资金绩效评价报告\n", "150621"),
]
# (text, report_kind, programme or None when not checked)
KINDS = [
    ("某县交通运输局2022年度部门整体支出绩效自评报告\n", "department", None),
    ("某县交通运输局2022年度整体支出绩效评价报告\n", "department", None),
    ("某县交通运输局2022年度部门整体绩效自评报告\n", "department", None),
    ("某县2022年度农村公路养护资金绩效评价报告\n", "project", "农村公路养护资金"),
    ("某县2022年度农村公路养护项目支出绩效自评报告\n", "project", "农村公路养护"),
    # (ruling 5: only place, year, unit and the report's words go — 政策 stays)
    ("某县2022年度耕地地力保护补贴政策绩效评价报告\n", "policy", "耕地地力保护补贴政策"),
    ("某县2022年度中央财政衔接推进乡村振兴补助资金绩效自评报告\n", "project", "中央财政衔接推进乡村振兴补助资金"),
    ("关于某县2022年度农村公路养护资金绩效评价的报告\n", "project", "农村公路养护资金"),
    ("某县交通运输局关于2022年度农村公路养护项目绩效自评情况的报告\n", "project", "农村公路养护"),
    ("某县2022年度“四好农村路”建设项目绩效评价报告\n", "project", "“四好农村路”建设"),
    ("某县2022年度农村公路养护专项资金绩效自评报告\n", "project", "农村公路养护专项资金"),
    ("某县2022年度乡镇卫生院基本公共卫生服务项目绩效评价报告\n", "project", "乡镇卫生院基本公共卫生服务"),
    ("2022年度某县农村公路养护工程绩效评价报告\n", "project", "农村公路养护工程"),
    ("某县财政局关于2022年度农村公路养护资金重点绩效评价情况的报告\n", "project", "农村公路养护资金"),
    ("某县交通运输局2022年度农村公路养护经费绩效自评报告\n", "project", "农村公路养护经费"),
    # words that qualify the evaluation, between the programme and 绩效评价 (session 19)
    ("某县2022年度农村公路养护资金财政重点绩效评价报告\n", "project", "农村公路养护资金"),
    ("某县2022年度农村公路养护资金第三方绩效评价报告\n", "project", "农村公路养护资金"),
    ("关于对2022年度农村公路养护资金开展绩效评价的报告\n", "project", "农村公路养护资金"),
    # what was evaluated, as the body's sentence says it (no programme in the title)
    ("我局对2022年度农村公路养护资金的绩效目标完成情况进行了自评。\n", "project", "农村公路养护资金"),
    ("县财政局对农村公路养护资金的资金使用、项目管理及实施效果开展了绩效评价。\n", "project", "农村公路养护资金"),
    (
        "评价组对2022年度农村公路养护资金从决策、过程、产出、效益四个方面进行了综合评价。\n",
        "project",
        "农村公路养护资金",
    ),
    ("按照县财政局要求，对本单位2022年度农村公路养护资金开展了绩效自评。\n", "project", "农村公路养护资金"),
    ("县财政局组织开展了农村公路养护资金绩效评价。\n", "project", "农村公路养护资金"),
    ("本次评价项目名称为农村公路养护资金。\n", "project", "农村公路养护资金"),
    # quotation marks around the whole programme are no part of it (devset ruling 18)
    ("某县2022年度“农村公路养护”项目绩效评价报告\n", "project", "农村公路养护"),
    ("县财政局对“2022年度农村公路养护资金”开展了绩效评价。\n", "project", "农村公路养护资金"),
]
# (text, title or None when not checked)
TITLE_BASE = "澧县2022年度农村公路养护资金绩效评价报告"
T = TITLE_BASE
TITLES = [
    (T + "\n一、基本情况\n", T),
    ("澧县2022年度农村公路养护资金\n绩效评价报告\n一、基本情况\n", T),
    ("澧县2022年度农村公路养护\n资金绩效评价报告\n一、基本情况\n", T),
    ("首页 > 政务公开 > 财政信息\n" + T + "\n发布时间：2023-05-12 来源：澧县财政局\n一、基本情况\n", T),
    ("附件1\n" + T + "\n一、基本情况\n", T),
    ("附件1：" + T + "\n一、基本情况\n", T),
    (T + "\n（第三方评价）\n一、基本情况\n", None),
    ("澧 县 2022 年 度 农 村 公 路 养 护 资 金 绩 效 评 价 报 告\n一、基本情况\n", T),
    ("澧县2022年度农村公路养护资金绩效评价报告 - 澧县人民政府网\n一、基本情况\n", T),
    ("标题：" + T + "\n一、基本情况\n", T),
    ("澧县财政局\n" + "2022年度农村公路养护资金绩效评价报告" + "\n一、基本情况\n", None),
    ("目录\n一、基本情况……1\n二、绩效评价工作开展情况……3\n" + T + "\n一、基本情况\n", T),
    (T + "\n澧县财政局 2023年5月12日\n一、基本情况\n", T),
    ("  " + T + "  \n\n一、基本情况\n", T),
    # a form's year line with its notes beside it; a form's first row under its heading (session 19)
    (
        "项目支出绩效自评表\n（2022年度）        金额单位：万元\n项目名称 农村公路养护资金\n",
        "项目支出绩效自评表（2022年度）",
    ),
    ("2022年度\n项目支出绩效自评表\n项目名称 农村公路养护资金\n", "2022年度项目支出绩效自评表"),
    # the document's own heading under a news page's byline, or under an annex label
    ("农村公路养护资金绩效评价报告\n作者：澧县财政局  点击数：125\n" + T + "\n一、基本情况\n", T),
    ("农村公路养护资金绩效评价报告\n附件1\n" + T + "\n一、基本情况\n", T),
]
# (sentence after a funds-section heading, figure values in base units that must be read)
FIGURE_HEAD = "澧县2022年度农村公路养护资金绩效评价报告\n一、基本情况\n（一）资金情况\n"
FIGURES = [
    (
        "2022年，县财政共下达农村公路养护资金2,460.31万元，其中中央资金1,200万元，县级资金1,260.31万元。\n",
        {24603100, 12000000, 12603100},
    ),
    ("项目总投资1.2亿元。\n", {120000000}),
    (
        "年初预算数500万元，全年预算数520万元，全年执行数480.5万元，预算执行率92.4%。\n",
        {5000000, 5200000, 4805000, 0.924},
    ),
    ("项目受益人口2.3万人，惠及农户1,250户。\n", {23000, 1250}),
    ("截至2022年12月31日，实际支出资金４８０．５万元。\n", {4805000}),
    ("共安排资金叁佰万元整。\n", {3000000}),
    ("资金到位480.5万元，到位率100%。\n", {4805000, 1.0}),
    ("全年共完成农村公路养护里程1,520公里。\n", {1520}),
    ("该项目预算资金为 500 万元，实际支出 480.5 万元。\n", {5000000, 4805000}),
    ("项目资金来源：省级补助300万元、县级配套200万元。\n", {3000000, 2000000}),
    # a list of amounts that drops 元 on one item: its siblings say it is money
    ("本年度下达资金：省级补助资金520万元、市级配套180万、县级配套95万元。\n", {5200000, 1800000, 950000}),
    ("中央补助资金260万元，省级补助资金140万元，共计400万元。\n", {2600000, 1400000, 4000000}),
]

# (text, evaluated_unit, evaluator): who was evaluated and who evaluated, as self-evaluations, forms,
# third-party reports and finance notices state them (tests/devset/README.md, rulings 3 and 4); None
# where the text names nobody for the role (a pronoun alone, the page's metadata, several bodies)
U_BUREAU = "澧县交通运输局"
U_FIRM = "湖南湘诚会计师事务所有限公司"
U_FINANCE = "澧县财政局"
U_CENTRE = "澧县公路建设养护中心"
U_SELF_TITLE = "澧县2022年度农村公路养护资金绩效自评报告\n"
U_TITLE = "澧县2022年度农村公路养护资金绩效评价报告\n"
U_TOWN = "澧县城头山镇人民政府"
UNITS = [
    # self-evaluations: the unit in the title, in a sentence, in the signature, as issuer
    (U_BUREAU + "2022年度农村公路养护资金绩效自评报告\n一、基本情况\n", U_BUREAU, U_BUREAU),
    (
        U_SELF_TITLE + "按照县财政局要求，" + U_BUREAU + "对2022年度农村公路养护资金开展了绩效自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (U_SELF_TITLE + "一、基本情况\n……\n" + U_BUREAU + "\n2023年3月15日\n", U_BUREAU, U_BUREAU),
    (U_SELF_TITLE + "一、基本情况\n……\n" + U_BUREAU + " 2023年3月15日\n", U_BUREAU, U_BUREAU),
    (U_SELF_TITLE + "一、基本情况\n……\n" + U_BUREAU + "（盖章）\n2023年3月15日\n", U_BUREAU, U_BUREAU),
    (U_SELF_TITLE + "一、基本情况\n……\n" + U_BUREAU + "\n二〇二三年三月十五日\n", U_BUREAU, U_BUREAU),
    (
        U_BUREAU + "关于2022年度农村公路养护资金绩效自评情况的报告\n县财政局：\n现将自评情况报告如下。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (U_BUREAU + "\n关于2022年度农村公路养护资金绩效自评情况的报告\n现将自评情况报告如下。\n", U_BUREAU, U_BUREAU),
    (
        U_SELF_TITLE
        + "一、基本情况\n"
        + U_BUREAU
        + "是县人民政府工作部门，主要负责全县公路建设和养护。我局对该项目开展了自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (U_SELF_TITLE + "一、基本情况\n" + U_BUREAU + "（以下简称“县交通局”）负责全县农村公路养护。\n", U_BUREAU, U_BUREAU),
    (
        U_SELF_TITLE + "根据县财政局安排，" + U_BUREAU + "组织开展了2022年度农村公路养护资金绩效自评工作。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (
        U_SELF_TITLE
        + "为加强资金管理，"
        + U_BUREAU
        + "成立了绩效自评工作小组，对2022年度农村公路养护资金进行了自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (
        U_SELF_TITLE + "项目实施单位为" + U_BUREAU + "，项目资金由县财政局拨付。我局对该项目开展了绩效自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    # self-evaluation forms (ruling 4)
    (
        "项目支出绩效自评表\n（2022年度）\n项目名称：农村公路养护资金\n主管部门："
        + U_BUREAU
        + "\n实施单位："
        + U_CENTRE
        + "\n",
        U_CENTRE,
        U_CENTRE,
    ),
    (
        "项目支出绩效自评表\n（2022年度）\n项目名称\t农村公路养护资金\n主管部门\t"
        + U_BUREAU
        + "\t实施单位\t"
        + U_CENTRE
        + "\n",
        U_CENTRE,
        U_CENTRE,
    ),
    (
        "项目支出绩效自评表\n（2022年度）\n| 项目名称 | 农村公路养护资金 |\n| 主管部门 | "
        + U_BUREAU
        + " | 实施单位 | "
        + U_CENTRE
        + " |\n",
        U_CENTRE,
        U_CENTRE,
    ),
    (
        "项目支出绩效自评表\n（2022年度）\n填报单位（盖章）："
        + U_BUREAU
        + "\n项目名称：农村公路养护资金\n实施单位："
        + U_CENTRE
        + "\n",
        U_CENTRE,
        U_BUREAU,
    ),
    ("部门整体支出绩效自评表\n（2022年度）\n单位名称：" + U_BUREAU + "\n年度预算：500万元\n", U_BUREAU, U_BUREAU),
    (
        "项目支出绩效自评表\n（2022年度）\n项目名称 农村公路养护资金\n主管部门 "
        + U_BUREAU
        + " 实施单位 "
        + U_BUREAU
        + "\n",
        U_BUREAU,
        U_BUREAU,
    ),
    # third-party reports
    (
        U_TITLE + "受" + U_FINANCE + "委托，" + U_FIRM + "对" + U_BUREAU + "2022年度农村公路养护资金开展了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (U_TITLE + "项目单位：" + U_BUREAU + "\n评价机构：" + U_FIRM + "\n报告日期：2023年5月\n", U_BUREAU, U_FIRM),
    (
        U_TITLE + "委托单位：" + U_FINANCE + "\n被评价单位：" + U_BUREAU + "\n评价单位：" + U_FIRM + "\n",
        U_BUREAU,
        U_FIRM,
    ),
    (U_TITLE + "一、基本情况\n……\n" + U_FIRM + "\n2023年5月12日\n", None, U_FIRM),
    (
        U_TITLE + U_FINANCE + "委托" + U_FIRM + "对" + U_BUREAU + "实施的农村公路养护项目进行了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE
        + U_FIRM
        + "（以下简称“我公司”）接受"
        + U_FINANCE
        + "委托，对"
        + U_BUREAU
        + "2022年度农村公路养护资金进行了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE
        + U_FINANCE
        + "通过政府采购确定"
        + U_FIRM
        + "为第三方评价机构，对该项目开展绩效评价。项目实施单位为"
        + U_BUREAU
        + "。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE
        + "项目主管部门为"
        + U_BUREAU
        + "，项目实施单位为"
        + U_CENTRE
        + "。受"
        + U_FINANCE
        + "委托，"
        + U_FIRM
        + "对该项目开展了绩效评价。\n",
        U_CENTRE,
        U_FIRM,
    ),
    # finance notices and reviews
    (
        U_FINANCE
        + "关于2022年度农村公路养护资金重点绩效评价结果的通知\n"
        + U_BUREAU
        + "：\n根据预算绩效管理要求，我局对你局2022年度农村公路养护资金开展了重点绩效评价。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    (
        "关于2022年度农村公路养护资金重点绩效评价结果的通知\n"
        + U_BUREAU
        + "：\n我局对你局2022年度农村公路养护资金开展了重点绩效评价，评价等级为良。\n"
        + U_FINANCE
        + "\n2023年6月1日\n",
        U_BUREAU,
        U_FINANCE,
    ),
    (
        U_TITLE + U_FINANCE + "成立评价工作组，对" + U_BUREAU + "2022年度农村公路养护资金开展了重点绩效评价。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    # abstain: a pronoun alone, the page's metadata, several bodies of that kind
    (U_SELF_TITLE + "我局对2022年度农村公路养护资金开展了绩效自评，自评得分92分。\n", None, None),
    (U_SELF_TITLE + "发布机构：" + U_BUREAU + "\n我局对2022年度农村公路养护资金开展了绩效自评。\n", None, None),
    (U_SELF_TITLE + "我局会同澧县发展和改革局、澧县审计局，对2022年度农村公路养护资金开展了绩效自评。\n", None, None),
    # (more shapes: a clause before what the subject did, covers, notices, prose naming the roles)
    (
        U_SELF_TITLE
        + U_BUREAU
        + "根据《关于开展2022年度项目支出绩效自评工作的通知》要求，对农村公路养护资金开展了绩效自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (
        U_SELF_TITLE + U_BUREAU + "按照县财政局的统一安排，组织相关股室对2022年度农村公路养护资金开展了绩效自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (
        U_SELF_TITLE + "2022年，" + U_BUREAU + "认真贯彻落实预算绩效管理要求，对农村公路养护资金开展了绩效自评。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (U_TOWN + "2022年度乡村振兴衔接资金绩效自评报告\n一、基本情况\n", U_TOWN, U_TOWN),
    ("单位名称：" + U_BUREAU + "（盖章）\n报告日期：2023年3月15日\n" + U_SELF_TITLE, U_BUREAU, U_BUREAU),
    ("报告单位：" + U_BUREAU + "\n" + U_SELF_TITLE + "一、基本情况\n", U_BUREAU, U_BUREAU),
    (
        U_BUREAU + "关于报送2022年度农村公路养护资金绩效自评报告的报告\n县财政局：\n现将我局自评情况报告如下。\n",
        U_BUREAU,
        U_BUREAU,
    ),
    ("附件2\n" + U_BUREAU + "2022年度农村公路养护资金绩效自评报告\n一、基本情况\n", U_BUREAU, U_BUREAU),
    # third party
    (
        U_TITLE
        + U_FIRM
        + "受"
        + U_FINANCE
        + "委托，对2022年度农村公路养护资金开展了绩效评价。项目实施单位为"
        + U_BUREAU
        + "。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE + "本次绩效评价由" + U_FIRM + "实施，评价对象为" + U_BUREAU + "2022年度农村公路养护资金。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE + U_FIRM + "组成评价工作组，对" + U_BUREAU + "2022年度农村公路养护资金开展了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (U_TITLE + U_FIRM + "\n二〇二三年五月\n一、基本情况\n", None, U_FIRM),
    (
        U_TITLE + "| 项目单位 | " + U_BUREAU + " | 评价机构 | " + U_FIRM + " |\n| 评价得分 | 86.5 | 评价等级 | 良 |\n",
        U_BUREAU,
        U_FIRM,
    ),
    (U_TITLE + "评价机构：" + U_FIRM + "（盖章）\n报告日期：2023年5月12日\n", None, U_FIRM),
    (
        U_TITLE
        + "我所接受"
        + U_FINANCE
        + "委托，对"
        + U_BUREAU
        + "2022年度农村公路养护资金进行了绩效评价。\n……\n"
        + U_FIRM
        + "\n2023年5月12日\n",
        U_BUREAU,
        U_FIRM,
    ),
    # finance
    (
        U_FINANCE
        + "关于"
        + U_BUREAU
        + "2022年度农村公路养护资金绩效评价结果的通知\n"
        + U_BUREAU
        + "：\n现将评价结果通知如下。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    (
        U_TITLE
        + U_FINANCE
        + "组织专家对"
        + U_BUREAU
        + "2022年度农村公路养护资金开展了重点绩效评价，评价得分86.5分。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    (
        "关于2022年度农村公路养护资金绩效评价结果的通知\n"
        + U_BUREAU
        + "：\n"
        + U_FINANCE
        + "对你局2022年度农村公路养护资金开展了重点绩效评价。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    # nobody named for the role
    (
        U_SELF_TITLE + "根据县财政局《关于开展绩效自评工作的通知》要求，我单位对2022年度农村公路养护资金开展了自评。\n",
        None,
        None,
    ),
    (
        "关于2022年度项目支出绩效自评结果的公示\n各乡镇人民政府、县直各单位：\n现将2022年度项目支出绩效自评结果公示如下。\n",
        None,
        None,
    ),
    (U_SELF_TITLE + U_BUREAU + "作为项目实施单位，负责全县农村公路养护工作。\n", U_BUREAU, U_BUREAU),
    (
        U_SELF_TITLE + "一、基本情况\n……\n" + U_BUREAU + "（公章）\n2023年3月15日\n附件：1.项目支出绩效自评表\n",
        U_BUREAU,
        U_BUREAU,
    ),
    (
        U_TITLE + U_BUREAU + "：\n受你局委托，" + U_FIRM + "对你局2022年度农村公路养护资金开展了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
    (
        U_TITLE + "财政部湖南监管局对" + U_BUREAU + "2022年度农村公路养护资金开展了重点绩效评价。\n",
        U_BUREAU,
        "财政部湖南监管局",
    ),
    # a finance body commissioning a third party it does not name: its own evaluation (devset README)
    (
        U_TITLE
        + "为提高资金使用效益，"
        + U_FINANCE
        + "委托第三方机构对"
        + U_BUREAU
        + "2022年度农村公路养护资金开展了重点绩效评价。\n",
        U_BUREAU,
        U_FINANCE,
    ),
    (
        U_TITLE
        + U_FINANCE
        + "委托第三方机构"
        + U_FIRM
        + "对"
        + U_BUREAU
        + "2022年度农村公路养护资金开展了绩效评价。\n",
        U_BUREAU,
        U_FIRM,
    ),
]


def _scores(r, want):
    return r.score.total == want[0] and r.score.grade == want[1]


def _tiers(r, want):
    return {i.score for i in r.indicators if i.level == 1} == want[0]


def _modes(r, want):
    return r.evaluation_mode == want[0] and (want[1] is None or r.evaluator == want[1])


def _kinds(r, want):
    strip = lambda s: (s or "").replace("项目", "")  # noqa: E731
    return r.report_kind == want[0] and (want[1] is None or strip(r.program) == strip(want[1]))


SETS = {
    "total and grade": (SCORES, _scores),
    "tier scores": (TIER_SCORES, _tiers),
    "report date": (DATES, lambda r, w: r.report_date == w[0]),
    "mode and evaluator": (MODES, _modes),
    "unit and evaluator": (UNITS, lambda r, w: (r.evaluated_unit, r.evaluator) == (w[0], w[1])),
    "years": (YEARS, lambda r, w: sorted(r.years or []) == w[0]),
    "jurisdiction": (PLACES, lambda r, w: (r.jurisdiction.adcode if r.jurisdiction else None) == w[0]),
    "kind and programme": (KINDS, _kinds),
    "title": (TITLES, lambda r, w: w[0] is None or (r.title or "").replace(" ", "") == w[0]),
    "figures": (FIGURES, lambda r, w: w[0] <= {f.value for f in r.figures}),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each variant not read as written")
    args = ap.parse_args()
    for name, (variants, ok) in SETS.items():
        good = 0
        for text, *want in variants:
            _doc, r = record_of_text(FIGURE_HEAD + text if variants is FIGURES else text)
            if ok(r, want):
                good += 1
            elif args.show:
                print(f"  {name}: {text.strip()[:70]!r}")
        print(f"{name:20} {good:>3}/{len(variants)}")


if __name__ == "__main__":
    main()
