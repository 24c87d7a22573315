"""Comparison of the shared corpus: tables, xlsx/csv/html/png exports, and charts whose
Chinese labels are drawn with a font that has the glyphs."""

from __future__ import annotations

import io
import json
import warnings

import numpy as np
import pytest
from click.testing import CliRunner

from jixiao.cli import main
from jixiao.store import Store
from jixiao.store.charts import bar_chart, cjk_font, font_name, has_glyphs, heatmap, missing_glyphs
from jixiao.store.compare import compare, render_html, write


@pytest.fixture(scope="module")
def store(indexed_store):
    with Store(indexed_store) as s:
        yield s


def _problems_by_place(store) -> dict[str, int]:
    return dict(
        store.conn.execute(
            "SELECT jurisdiction_name, count(*) FROM findings WHERE kind = 'problem' GROUP BY jurisdiction_name"
        )
    )


def _not_blank(png: bytes) -> float:
    import matplotlib.image as mpimg

    img = mpimg.imread(io.BytesIO(png), format="png")[..., :3]
    assert img.shape[0] > 100 and img.shape[1] > 100
    inked = (img.mean(axis=2) < 0.9).mean()  # share of pixels that are not (near) white
    assert inked > 0.01 and img.std() > 0.05
    return inked


def test_scores_side_by_side(store):
    t = compare(store, "jurisdiction", metric="score").table("score")
    rows = {r[0]: dict(zip(t.columns, r)) for r in t.rows}
    assert set(rows) == {"云南省", "呈贡区", "东川区"}
    yn = rows["云南省"]
    assert yn["总分"] == pytest.approx(81.14) and yn["等级"] == "良"
    # First-level indicator rates = score / weight: 决策 7.06/10, 效益 30.64/35.
    assert yn["决策得分率(%)"] == pytest.approx(70.6) and yn["效益得分率(%)"] == pytest.approx(87.5)
    assert rows["东川区"]["总分"] == pytest.approx(97)
    assert rows["呈贡区"]["总分"] is None  # the report states no score: blank, not a guess


def test_category_matrix_counts_every_problem_once(store):
    t = compare(store, "jurisdiction", metric="categories").table("categories")
    places = t.columns[2:-1]
    body = [r for r in t.rows if r[0] != "合计"]
    totals = {p: sum(r[2 + i] for r in body) for i, p in enumerate(places)}
    assert totals == _problems_by_place(store)
    by_code = {r[1]: dict(zip(places, r[2:-1])) for r in body}
    assert by_code["information_system"]["云南省"] >= 1 and by_code["information_system"]["东川区"] >= 1
    assert by_code["staffing"]["呈贡区"] >= 1
    assert t.rows[-1][0] == "合计" and t.rows[-1][-1] == sum(totals.values())


def test_categories_by_year_use_the_evaluated_years(store):
    t = compare(store, "year", metric="categories").table("categories")
    assert t.columns[2:-1] == ["2019", "2021", "2023"]


def test_recurring_problems_roll_up_to_the_level(store):
    # Each place has one report, so nothing recurs per county; rolled up to the province,
    # staffing (2019 东川, 2023 呈贡) and information systems (2019 东川, 2021 云南) recur.
    assert compare(store, "jurisdiction", metric="recurring").table("recurring").rows == []
    rec = compare(store, "jurisdiction", level="province", metric="recurring").table("recurring")
    found = {(r[0], r[2]): r[3] for r in rec.rows}
    assert found[("云南省", "staffing")] == "2019、2023"
    assert found[("云南省", "information_system")] == "2019、2021"
    pref = compare(store, "jurisdiction", level="prefecture", metric="recurring").table("recurring")
    assert {(r[0], r[2]) for r in pref.rows} >= {("昆明市", "staffing")}
    assert all(r[0] == "昆明市" for r in pref.rows)  # the province-level report has no prefecture


def test_xlsx_opens_with_the_expected_rows(store, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "cmp.xlsx"
    write(compare(store, "jurisdiction"), "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["得分", "指标", "问题类别", "反复出现", "图表"]
    ws = wb["得分"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("地区", "报告数", "总分", "等级")
    assert {r[0] for r in rows[1:4]} == {"云南省", "呈贡区", "东川区"}
    assert ws.freeze_panes == "A2"
    yn = next(r for r in rows if r[0] == "云南省")
    assert yn[2] == pytest.approx(81.14)
    cats = list(wb["问题类别"].iter_rows(values_only=True))
    total = next(r for r in cats if r[0] == "合计")  # the note (依据 …) follows the table
    assert total[-1] == sum(_problems_by_place(store).values())
    assert len(wb["图表"]._images) == 2  # score bars and the category heat map


def test_png_is_not_blank_and_its_font_has_every_cjk_glyph_used(store, tmp_path):
    out = tmp_path / "cmp.png"
    cmp = compare(store, "jurisdiction")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write(cmp, "png", out)
    assert not [w for w in caught if "missing from" in str(w.message)]  # matplotlib warns on tofu
    _not_blank(out.read_bytes())
    labels = "".join(cmp.groups) + "".join(r[0] for r in cmp.table("categories").rows)
    labels += "评价得分与一级指标得分率问题类别分布条数总分决策过程产出效益"
    assert any("\u4e00" <= c <= "\u9fff" for c in labels)
    font = cjk_font()
    assert has_glyphs(font, labels), missing_glyphs(font, labels)
    from matplotlib import font_manager

    # matplotlib resolves the family the charts ask for to exactly that file.
    assert font_manager.findfont(font_manager.FontProperties(family=font_name())) == str(font)


def test_glyph_check_can_fail():
    from matplotlib import font_manager

    latin = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    assert not has_glyphs(latin, "云南省")
    assert missing_glyphs(latin, "云a") == "云"


def test_charts_render_chinese_without_missing_glyph_warnings():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        a = bar_chart("得分率对比", ["云南省", "呈贡区"], {"总分": [81.1, None], "决策": [70.6, 50]})
        b = heatmap("问题类别", ["信息化与数据共享", "人员与经办能力"], ["云南省", "东川区"], [[1, 1], [0, 2]])
    assert not [w for w in caught if "missing from" in str(w.message)]
    _not_blank(a)
    _not_blank(b)


def test_html_is_one_self_contained_page(store):
    page = render_html(compare(store, "jurisdiction"))
    assert page.count("data:image/png;base64,") == 2
    assert "<table>" in page and "云南省" in page and "反复出现" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page and "<script" not in page


def test_csv_has_bom_and_one_file_per_metric(store, tmp_path):
    paths = write(compare(store, "year"), "csv", tmp_path / "cmp.csv")
    assert [p.name for p in paths] == ["cmp-score.csv", "cmp-indicators.csv", "cmp-categories.csv", "cmp-recurring.csv"]
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "年度" in raw.decode("utf-8-sig").splitlines()[0]
    single = write(compare(store, "year", metric="score"), "csv", tmp_path / "one.csv")
    assert [p.name for p in single] == ["one.csv"]


def test_cli_compare_search_and_similar(indexed_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "c.xlsx"
    r = runner.invoke(
        main, ["compare", "--by", "jurisdiction", "--format", "xlsx", "--out", str(out), "--db", str(indexed_store)]
    )
    assert r.exit_code == 0, r.output
    assert out.exists()
    r = runner.invoke(main, ["compare", "--by", "year", "--metric", "score", "--db", str(indexed_store)])
    assert r.exit_code == 0 and "2021" in r.output and "81.14" in r.output
    r = runner.invoke(main, ["search", "数据不共享", "--top", "2", "--json", "--db", str(indexed_store)])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)
    assert hits[0]["title"].startswith("信息平台建设落后") and hits[0]["rank"] == 1
    r = runner.invoke(
        main, ["search", "资金没到位", "--kind", "problem", "--years", "2019-2023", "--db", str(indexed_store)]
    )
    assert r.exit_code == 0 and "部分地区未及时将财政资金足额拨付到位" in r.output and "云南省" in r.output
    r = runner.invoke(main, ["similar", hits[0]["finding_id"], "--top", "1", "--db", str(indexed_store)])
    assert r.exit_code == 0 and "东川区" in r.output
    r = runner.invoke(main, ["similar", "nope-p1", "--db", str(indexed_store)])
    assert r.exit_code == 2 and "no finding" in r.output
    r = runner.invoke(main, ["index", "--db", str(indexed_store)])
    assert r.exit_code == 0 and "embedded 0 finding(s)" in r.output
    r = runner.invoke(main, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no such store" in r.output
