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
