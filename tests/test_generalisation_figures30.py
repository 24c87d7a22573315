"""Figures (issue 8, fig30): false values removed where the structure around a number says it is no figure of
the programme, and figures found that the genre prints in other renderings.  Each rule on the dev items it was
written from and on a short invented text shaped the way reports print it, with a near miss that must not change.
"""

from __future__ import annotations

from test_figures import dev_figures
from test_generalisation_checks import figures

_HEAD = "某县2022年度农村污水治理资金绩效评价报告\n一、基本情况\n"


# ---------------------------------------------------------------- a list of works run on after commas


def test_the_complete_that_opens_a_list_of_works_after_commas_is_each_items() -> None:
    # ruling 26: 完成了…的收集处理，新建管道73030米，处理池131座，检查井3828座 — the works the year's work did, each item
    # after the commas as much as the first (fig28 read the 、 lists only)
    for stem in (
        "shanghai-fengxian-2009-rural-sewage-municipal-assessment-news",
        "zhejiang-zhejiang-undated-agricultural-water-price-reform-grades-news-trad",
        "tianjin-2017-clean-heating-pilot-city-assessment-news-mirror-trad",
    ):
        _doc, figs = dev_figures(stem)
        assert not [
            f for f in figs if f["unit"] in ("座", "台") and f["value"] in (131, 3828, 325, 886, 3333, 924, 2292)
        ]
    figs = figures(
        _HEAD + "项目共计投入500万元，完成了320户农村污水的收集处理，新建污水管道7300米，处理池13座，检查井380座。\n"
    )
    assert not [f for f in figs if f[2] == "座"]
    assert [v for _n, v, u in figs if u == "元"] == [5000000]


def test_a_list_of_the_projects_content_after_commas_stays() -> None:
    # near miss: the same list as what the project is to build (建设内容包括…) has no 完成: its items stay (ruling 26)
    _doc, figs = dev_figures("sichuan-bazhou-2023-baihuaxi-small-watershed-project-report")
    assert {(f["name"], f["value"]) for f in figs if f["unit"] in ("座", "口")} == {
        ("沉沙池", 31),
        ("蓄水池", 2),
        ("山坪塘整治", 9),
    }
    figs = figures(_HEAD + "项目总投资500万元，建设内容包括新建污水管道7300米，处理池13座，检查井380座。\n")
    assert sorted(v for _n, v, u in figs if u == "座") == [13, 380]


# ---------------------------------------------------------------- a list of targets after its lead


def test_the_numbered_items_after_a_lead_of_targets_are_targets() -> None:
    # 其具体绩效目标如下：1、村支书年工资总额达到34406元 … 3、服务群众专项经费村均达10000元 — what was planned (ruling 9)
    _doc, figs = dev_figures("hunan-santangjie-2021-village-management-fee-evaluation-report")
    assert not [f for f in figs if f["value"] in (34406, 30000, 10000)]
    text = (
        "项目年度预算资金80万元。\n其具体绩效目标如下：\n1、村级公务经费每村达到3万元；\n2、服务群众专项经费达到12000元；\n"
        "项目实际支出资金78万元。\n"
    )
    figs = figures(_HEAD + text)
    assert sorted(v for _n, v, u in figs if u == "元") == [780000, 800000]


def test_a_numbered_list_without_a_lead_of_targets_stays() -> None:
    # near miss: the same numbered items under a lead of funds (资金安排如下：) are the funds
    text = "资金安排如下：\n1、村级公务经费3万元；\n2、服务群众专项经费12000元；\n"
    figs = figures(_HEAD + text)
    assert sorted(v for _n, v, u in figs if u == "元") == [12000, 30000]
