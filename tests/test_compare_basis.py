"""Comparisons say what each number rests on (reports, years, modes; unlike reports marked),
and the HTML page carries the Chinese font its text needs — on the store built from the real
reports (text layers)."""

from __future__ import annotations

import base64
import io
import re

import pytest

from jixiao.store import Store, labels
from jixiao.store.compare import compare, render_html, write


@pytest.fixture(scope="module")
def store(indexed_store):
    with Store(indexed_store) as s:
        yield s


def _groups(store, level):
    out: dict[str, list] = {}
    for r in store.records():
        name = getattr(r.jurisdiction, level)
        if name:
            out.setdefault(name, []).append(r)
    return out


@pytest.mark.parametrize("level", ["province", "prefecture", "county"])
def test_each_score_row_names_its_reports_years_modes_and_unlikeness(store, level):
    t = compare(store, "jurisdiction", level=level, metric="score").table("score")
    rows = {r[0]: dict(zip(t.columns, r)) for r in t.rows}
    groups = _groups(store, level)
    assert set(rows) == set(groups)
    for name, reps in groups.items():
        row = rows[name]
        years = sorted({y for r in reps for y in r.years})
        modes = sorted({r.evaluation_mode for r in reps if r.evaluation_mode})
        assert row["报告数"] == len(reps)
        assert row["年度"] == "、".join(map(str, years))
        assert row["评价方式"] == "、".join(labels.label("mode", m) for m in modes)
        assert row["有总分的报告数"] == sum(r.score.total is not None for r in reps)
        unlike_years = len({tuple(r.years) for r in reps}) > 1
        unlike_levels = len({r.jurisdiction.level for r in reps}) > 1
        unlike_modes = len(modes) > 1
        mark = row["可比性"] or ""
        assert mark.startswith("※") == (unlike_years or unlike_levels or unlike_modes)
        assert ("年度不同" in mark) == unlike_years
        assert ("级次不同" in mark) == unlike_levels
        assert ("评价方式不同" in mark) == unlike_modes
        assert (row["可比性"] is None) == (len(reps) == 1)
    if level == "province":  # the three reports: 2019/2021/2023, county and province, self and third party
        mark = rows["云南省"]["可比性"]
        assert "年度不同（2019、2021、2023）" in mark and "级次不同（省级、县级）" in mark
        assert "评价方式不同（自评、第三方评价）" in mark


def test_indicator_and_category_tables_name_each_columns_reports(store):
    cmp = compare(store, "jurisdiction", level="prefecture")
    groups = _groups(store, "prefecture")
    for name in ("indicators", "categories"):
        note = cmp.table(name).note
        for g, reps in groups.items():
            years = "、".join(map(str, sorted({y for r in reps for y in r.years})))
            assert f"{g} {len(reps)}份（{years}年）" in note
    assert "※年度不同" in cmp.table("categories").note  # 昆明市: a 2019 and a 2023 report


def test_html_embeds_the_font_subset_its_text_needs(store, tmp_path):
    from fontTools.ttLib import TTFont

    out = tmp_path / "cmp.html"
    write(compare(store, "jurisdiction"), "html", out)
    page = out.read_text(encoding="utf-8")
    m = re.search(r"@font-face\{font-family:'([^']+)'.*?base64,([A-Za-z0-9+/=]+)\)", page)
    assert m, "no embedded font"
    family, data = m.group(1), base64.b64decode(m.group(2))
    assert re.search(r"body\{font-family:'" + re.escape(family) + "'", page)
    font = TTFont(io.BytesIO(data))
    assert font.flavor == "woff"
    cmap = font.getBestCmap()
    visible = re.sub(r"<[^>]+>", "", page.split("</style>", 1)[1])
    cjk = {c for c in visible if "\u4e00" <= c <= "\u9fff" or c in "（）：；、，"}
    assert len(cjk) > 50
    assert not [c for c in cjk if ord(c) not in cmap]
    assert len(data) < 600_000  # a subset, not the 8 MB font
    # without embedding, the same page and no font
    plain = render_html(compare(store, "jurisdiction"), embed_font=False)
    assert "@font-face" not in plain and len(plain) < len(page)
