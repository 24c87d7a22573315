"""Where a title wrapped over several lines starts (issue 8, session title31).

Written from the genre's shapes (``bench/genre_variants.py``, the title set) and a real page that is not in
the development set, not from the set's holdout half:

- A notice's words alone on the title's last line (…结果的通报, …情况的公示) name nothing, as 绩效评价报告
  alone does: the lines above are the title's start.
- Over a last line of the report's words only, the line above is the title's start however long (within the
  title's length): a name wrapped once by the page and rejoined by the reader can be longer than a
  continuation line usually is.
- A title that closes a mark it never opened (…暂行办法》的通知, …部分）绩效评价报告) was wrapped inside
  its marks: the line above that opens the mark is its start.
- A line that ends in 关于 is a title's opening words; a letterhead over a 关于… title (澧县财政局 / 关于…)
  stays out of it, however many lines the title takes.
- A page's tags glued to the title's last word (…评价报告【字体：大 中 小】) end it, as a bracket does.
- A unit's name before the programme goes (ruling 5) also when the programme opens with the quotation mark
  that encloses it (…交通运输局“农村公路养护资金”绩效自评报告, ruling 18).
"""

from __future__ import annotations

import pytest
from excerpt_records import evidence, record_of_text, same_programme

BODY = "\n一、基本情况\n2022年，县财政安排资金500万元。\n"
LONG = "湖南省常德市澧县2022年度中央财政衔接推进乡村振兴补助资金（农村公路养护及危桥改造部分）绩效评价报告"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a notice's words alone under the programme's line, the issuer and 关于 over it
        (
            "澧县财政局关于2022年度\n农村公路养护资金\n绩效评价结果的通报",
            "澧县财政局关于2022年度农村公路养护资金绩效评价结果的通报",
        ),
        ("农村公路养护资金\n绩效评价结果的通知", "农村公路养护资金绩效评价结果的通知"),
        (
            "澧县2022年度\n农村公路养护资金绩效评价情况的通报",
            "澧县2022年度农村公路养护资金绩效评价情况的通报",
        ),
        # a line that ends in 关于: the title's first words
        (
            "澧县财政局关于\n2022年度农村公路养护资金\n绩效评价结果的公示",
            "澧县财政局关于2022年度农村公路养护资金绩效评价结果的公示",
        ),
        # a long name wrapped on three lines (the reader rejoins the first two), 绩效评价报告 alone under it
        (
            "湖南省常德市澧县2022年度中央财政衔接推进乡村振兴\n补助资金（农村公路养护及危桥改造部分）\n绩效评价报告",
            LONG,
        ),
        # a name wrapped inside its quotation marks or brackets
        (
            "澧县2022年度“四好农村\n路”建设项目绩效评价报告",
            "澧县2022年度“四好农村路”建设项目绩效评价报告",
        ),
        (
            "关于澧县“四好农村路\n”建设项目绩效评价结果的通报",
            "关于澧县“四好农村路”建设项目绩效评价结果的通报",
        ),
        (
            "澧县中央财政衔接推进乡村振兴补助资金（农村公路\n养护部分）2022年度绩效评价报告",
            "澧县中央财政衔接推进乡村振兴补助资金（农村公路养护部分）2022年度绩效评价报告",
        ),
    ],
)
def test_a_title_wrapped_before_its_last_words(text: str, title: str) -> None:
    doc, r = record_of_text(text + BODY)
    assert r.title == title
    assert evidence(doc, r, "title").replace("\n", "") == title


def test_a_real_notice_wrapped_inside_its_title_marks() -> None:
    # https://www.fanwen118.com/info_27/fw_4005143.html (a public page, not in tests/devset): the notice's
    # title wrapped with a blank line inside 《…》
    text = (
        "中小河流治理财政专项资金绩效评价暂行办法\n\n时间:2024.5.2\n\n关于印发《中小河流治理财政专项资金\n\n"
        "绩效评价暂行办法》的通知\n\n财建[2011]361号\n\n各省、自治区、直辖市、计划单列市财政厅(局)、水利厅(局):\n\n"
        "为积极推进中小河流治理项目绩效评价工作,规范财政支出绩效评价行为,我们制定了《中小河流治理财政专项资金"
        "绩效评价暂行办法》,现予印发,请遵照执行。\n"
    )
    _doc, r = record_of_text(text)
    assert r.title == "关于印发《中小河流治理财政专项资金绩效评价暂行办法》的通知"


def test_near_misses_keep_their_lines_apart() -> None:
    # a letterhead over a 关于… title set on several lines: the issuer's mark, not the title's words
    _doc, r = record_of_text("澧县财政局\n关于2022年度农村公路养护资金\n绩效评价结果的通报" + BODY)
    assert r.title == "关于2022年度农村公路养护资金绩效评价结果的通报"
    # a sentence over 绩效评价报告 is no first words, however long the room
    _doc, r = record_of_text(
        "为进一步提高财政资金使用效益，县财政局组织开展了农村公路养护资金评价\n绩效评价报告" + BODY
    )
    assert "为进一步" not in (r.title or "")
    # a whole title under a line that opens no mark it closes: the line above stays out
    _doc, r = record_of_text("农村公路养护\n澧县2022年度“四好农村路”建设项目绩效评价报告" + BODY)
    assert r.title == "澧县2022年度“四好农村路”建设项目绩效评价报告"
    # a title that names its programme and ends in a notice's words stands alone under a place line
    _doc, r = record_of_text("澧县人民政府\n关于2022年度农村公路养护资金绩效评价结果的通报" + BODY)
    assert r.title == "关于2022年度农村公路养护资金绩效评价结果的通报"


@pytest.mark.parametrize(
    ("title", "programme"),
    [
        # a unit's name, then the programme in quotation marks that enclose it whole (ruling 18)
        ("澧县交通运输局“农村公路养护资金”绩效自评报告", "农村公路养护资金"),
        ("澧县农业农村局“高标准农田建设补助资金”绩效评价报告", "高标准农田建设补助资金"),
        # near misses: the unit's name without quotation marks, and quotation marks inside a longer name
        ("澧县交通运输局农村公路养护资金绩效自评报告", "农村公路养护资金"),
        ("澧县教育局“全面改薄”建设项目绩效评价报告", "“全面改薄”建设项目"),
    ],
)
def test_a_quoted_programme_after_the_unit(title: str, programme: str) -> None:
    doc, r = record_of_text(title + "\n一、基本情况\n")
    assert same_programme(r.program, programme), r.program
    assert evidence(doc, r, "program") == r.program


def test_page_tags_glued_after_the_title_end_it() -> None:
    title = "澧县2022年度农村公路养护资金绩效评价报告"
    doc, r = record_of_text(title + "【字体：大 中 小】" + BODY)
    assert r.title == title
    assert evidence(doc, r, "title") == title
    # near miss: a tag before the title is cut as before; a bracketed year after it stays the title's
    _doc, r = record_of_text("【预算绩效】" + title + BODY)
    assert r.title == title
    _doc, r = record_of_text("澧县农村公路养护资金绩效评价报告（2022年度）【打印】" + BODY)
    assert r.title == "澧县农村公路养护资金绩效评价报告（2022年度）"
