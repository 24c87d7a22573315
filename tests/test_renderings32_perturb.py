"""A hard wrap at a fixed width cuts words, numbers and table rows anywhere (bench/perturb.py's
``wrap28``/``wrap40``, as a PDF's text layer or a converter breaks lines): real development-set
items (dev half), wrapped as the bench wraps them, give the record their text gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rendered_excerpts import excerpt_text, record_of

from perturb import PERTURBATIONS  # bench/perturb.py (rendered_excerpts puts bench/ on the path)


def _records(tmp_path: Path, stem: str, perturbation: str) -> tuple[dict, dict]:
    """The record of item ``stem`` as published and as ``perturbation`` leaves its text."""
    out = []
    for name in ("none", perturbation):
        path = tmp_path / name / f"{stem}.txt"
        path.parent.mkdir()
        path.write_text(PERTURBATIONS[name](excerpt_text(stem)), encoding="utf-8")
        out.append(record_of(path))
    return out[0], out[1]


def _figures(record: dict) -> set[tuple[str, float, str]]:
    return {(f["name"], f["value"], f["unit"]) for f in record["figures"]}


@pytest.mark.parametrize(
    ("stem", "perturbation", "field"),
    [
        # a file name cut by the wrap (…评价报告.do⏎cx》由会员分享): the programme named in it is read
        ("tianjin-baodi-2019-forestry-reform-pest-control-ocr", "wrap28", "program"),
        # a mirror's pinyin gloss cut by the wrap (績效評價(ji⏎à)自評報(bào)告): the title is one line
        ("hunan-yueyangxian-2021-forest-fire-prevention-self-cover-trad", "wrap28", "title"),
        # a gloss cut mid-syllable (自評(pín⏎g)報(bào)告): the title keeps its words
        ("guangdong-suixi-2022-reservoir-reinforcement", "wrap28", "title"),
        ("anhui-xuanzhou-2023-education-supervision-award", "wrap28", "program"),
    ],
)
def test_a_word_the_wrap_cuts_is_read_whole(tmp_path: Path, stem: str, perturbation: str, field: str) -> None:
    published, wrapped = _records(tmp_path, stem, perturbation)
    assert published[field]
    assert wrapped[field] == published[field]


@pytest.mark.parametrize(
    ("stem", "perturbation"),
    [
        # a space-set table row cut after a number's word space (…188.45 99.92 ⏎0.16 0.08): two numbers,
        # not 99.920.16
        ("fujian-ningde-2020-earthquake-bureau-department-self-table", "wrap40"),
        # rows of cells cut right after a bar (主管部门 | 黄石市文化和旅游局 | 项目实施单位 |⏎黄石市图书馆 | …):
        # the row goes on on the next line
        ("hubei-huangshi-2022-library-sharing-project-self-table", "wrap28"),
        ("yunnan-longyang-2022-fertilizer-reduction-self-table", "wrap28"),
        # a web page's text set in by four spaces, cut at 28 with the indent counted (its lines hold 24
        # characters): the wrap width is the printed one, and the budget rows cut mid-number go on
        ("fujian-shishi-2022-detention-centre-basic-business-self-table", "wrap28"),
    ],
)
def test_a_table_row_the_wrap_cuts_gives_its_figures(tmp_path: Path, stem: str, perturbation: str) -> None:
    published, wrapped = _records(tmp_path, stem, perturbation)
    assert published["figures"]
    assert _figures(wrapped) == _figures(published)


def test_a_full_width_time_under_a_headline_keeps_the_news_items_title(tmp_path: Path) -> None:
    # hunan-lengshuijiang-2021-finance-bureau-key-evaluations-news: its headline stands over a dateline
    # (2021-09-15 10:17:38); set full-width (10：17：38) the colon between digits is read as the time's
    published, spelled = _records(tmp_path, "hunan-lengshuijiang-2021-finance-bureau-key-evaluations-news", "fullwidth")
    assert published["title"]
    for field in ("title", "evaluation_mode", "evaluator"):
        assert (
            spelled[field] == PERTURBATIONS["fullwidth"](published[field] or "") or spelled[field] == published[field]
        )
