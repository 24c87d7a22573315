"""Hard wraps in text files (bench/perturb.py wrap28/wrap40): a line that a wrap or a converter cut
before a closing mark, and a web page's metadata line cut at the wrap width, go on on the next line.
Invented lines in the genre's shapes."""

from __future__ import annotations

from jixiao.extractor.readers.text import read_text
from test_perturbations import wrapped as wrap_at  # the perturbation test's hard wrap


def _paragraphs(text: str) -> list[str]:
    return [b.text for b in read_text(text).blocks if b.kind == "paragraph"]


def test_a_line_opening_with_a_closing_mark_ends_the_line_before_it() -> None:
    text = (
        "一、项目基本情况\n"
        "根据《某县农村公路养护管理办法(2021-2025年)\n"
        "》和县财政局要求，我局对农村公路养护资金开展了绩效自评。\n"
        "项目总投资120万元(其中省级资金70万元)\n"
        "。\n"
    )
    paragraphs = _paragraphs(text)
    assert "根据《某县农村公路养护管理办法(2021-2025年)》和县财政局要求，我局对农村公路养护资金开展了绩效自评。" in (
        paragraphs
    )
    assert "项目总投资120万元(其中省级资金70万元)。" in paragraphs
    # a line that opens otherwise after a bracketed label still stands apart
    assert "组织及管理情况（包括制度建设）" in _paragraphs("组织及管理情况（包括制度建设）\n项目单位制定了管理办法。\n")


def test_a_pages_metadata_line_cut_at_the_wrap_width_goes_on() -> None:
    body = (
        "按照县财政局关于开展项目支出绩效自评工作的通知要求，我局组织财务股和项目股对农村公路养护资金的使用管理情况进行了认真的自评，"
        * 8
    )
    text = "发布时间:2022-05-10 19:35 来源:县交通运输局 浏览次数: 字体:[ ]\n" + body + "\n"
    wrapped = wrap_at(text, 28)
    assert "来源:县交通\n运输局" in wrapped  # the wrap cut the metadata line inside the publisher's name
    assert any("来源:县交通运输局" in p for p in _paragraphs(wrapped))
    # two fields of a form, the first short of the width, stay two lines
    form = "项目名称：农村公路养护\n项目单位：县交通运输局\n" + wrap_at(body, 28) + "\n"
    assert "项目名称：农村公路养护" in _paragraphs(form)


def test_cells_one_a_line_between_bar_lines_read_as_cells_one_a_line() -> None:
    # a mirror site's flattening of a 绩效目标表: every cell on a line of its own, the cell
    # boundaries left as lines of bars (invented names and amounts)
    barred = "项目支出绩效目标表\n|\n|\n(2024年度)\n|\n|\n项目名称\n|\n某县乡村道路养护项目\n|\n|\n实施单位\n|\n某县交通运输局\n|\n"
    blank = barred.replace("|", "")
    from jixiao.extractor.record import build_record

    assert "|" not in _paragraphs(barred)
    assert _paragraphs(barred) == _paragraphs(blank)
    rec = build_record(read_text(barred, "form.txt"))
    assert rec.program and "乡村道路养护" in rec.program
    assert rec.evaluated_unit == "某县交通运输局"
    assert rec.title == "项目支出绩效目标表(2024年度)"
    again = build_record(read_text(blank, "form.txt"))
    assert (rec.title, rec.program, rec.evaluated_unit, rec.years) == (
        again.title,
        again.program,
        again.evaluated_unit,
        again.years,
    )


def test_a_date_the_break_cut_is_one_date() -> None:
    # a notice's signature, its date set under the signing bodies and cut between year and month
    text = (
        "现将《2016年度困难群众基本生活救助工作绩效评价指标和评价标准》印发给你们，请遵照执行。\n"
        "民政部办公厅   财政部办公厅\n"
        "                                   2016年\n"
        "12月30日\n"
    )
    paragraphs = _paragraphs(text)
    assert "2016年12月30日" in paragraphs
    from jixiao.extractor.record import build_record

    assert build_record(read_text(text)).report_date == "2016-12-30"
    # a year standing alone over a line that is no date's rest stays apart
    assert "2016年" in _paragraphs("2016年\n全年共完成投资120万元。\n")
