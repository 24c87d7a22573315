"""Do the development set's excerpts read the same when they arrive as .docx or as a text-layer PDF?

    python bench/render_agreement.py --rendering docx --half dev
    python bench/render_agreement.py --rendering pdf --half dev --show
    python bench/render_agreement.py --rendering pdf --half holdout

Each excerpt (tests/devset/texts/STEM.txt) is written out the way a word processor would save it:

- **docx** (python-docx): each text line a paragraph; a run of lines that shows cells — cell bars
  (``a | b | c |``, also a converter's one-cell-a-line form ``a |`` … ``||``) or a flattened form row
  whose cells are set apart by runs of spaces or tabs — becomes a real Word table.
- **pdf** (fpdf2, bench-only: ``pip install jixiao[bench]``): the same blocks typeset on A4 pages with
  Noto Sans SC (``pylopdf-fonts-zh-cn``) embedded, paragraphs filled to the page width (a long line
  wraps onto the next, as a printed report's do), tables drawn as ruled cells, a page number at the foot.

For each field the record of the rendering is compared with the record of the text itself
(agreement: the renderings of one report must agree) and both with the hand-written expectations
(found / stated), with the scoring of ``bench/scan_agreement.py``.  ``--show`` prints each differing
field of the dev half.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from scan_agreement import _fields, _value, print_table  # noqa: E402  (the scan bench's scoring, shared)

_BAR = re.compile(r"\s*[|｜]\s*")
_GAP = re.compile(r"(?<=\S)[ \t\u3000]{2,}(?=\S)|\t")

Block = tuple[str, object]  # ("para", str) or ("table", list[list[str]])


def _bar_cells(line: str) -> list[str]:
    """The cells of a line with cell bars: the text before each bar (and after the last, if any)."""
    pieces = _BAR.split(line.strip())
    if pieces and pieces[-1] == "":
        pieces.pop()  # the closing bar ends the last cell
    return pieces


def _shows_cells(line: str) -> bool:
    """Whether a line is (part of) a table's row: a cell bar, or two gaps of spaces/tabs (three cells)
    between short pieces."""
    s = line.strip()
    if "|" in s or "｜" in s:
        return bool(s)
    # runs of spaces between short pieces; between long ones they are a web page's collapsed
    # paragraph breaks (…报告如下:   一、基本情况   (一)…), no cells
    return len(_GAP.findall(s)) >= 2 and max(len(c) for c in _GAP.split(s)) <= 40


def _rows(run: list[str]) -> list[list[str]]:
    """Rows of a run of cell lines.  A converter that writes one cell a line (``项目名称 |``) ends a row
    with a line of two or more bars (``||``); otherwise each line is a row."""
    barred = [ln for ln in run if "|" in ln or "｜" in ln]
    one_cell = sum(len(_bar_cells(ln)) <= 1 for ln in barred)
    rows: list[list[str]] = []
    if barred and one_cell >= 0.6 * len(run) and len(run) >= 3:
        row: list[str] = []
        for ln in run:
            cells = _bar_cells(ln) if ("|" in ln or "｜" in ln) else _GAP.split(ln.strip())
            row.extend(cells)
            if len(cells) >= 2:
                rows.append(row)
                row = []
        if row:
            rows.append(row)
        # where the terminating lines are missing (a row's empty cells each on a line of their own),
        # a row runs on: cut it to the width the terminated rows have
        widths = sorted(len(r) for r in rows if len(r) <= 20) or [8]
        width = widths[len(widths) // 2]
        rows = [r[k : k + width] for r in rows for k in range(0, len(r), width)]
    else:
        for ln in run:
            rows.append(_bar_cells(ln) if ("|" in ln or "｜" in ln) else _GAP.split(ln.strip()))
    width = max(len(r) for r in rows)
    return [[c.strip() for c in r] + [""] * (width - len(r)) for r in rows]


def blocks(text: str) -> list[Block]:
    """The excerpt as a word processor's blocks: paragraphs (one a text line) and tables."""
    out: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if _shows_cells(lines[i]):
            j = i
            while j < len(lines) and _shows_cells(lines[j]):
                j += 1
            rows = _rows(lines[i:j])
            if sum(bool(c) for r in rows for c in r) >= 2:
                out.append(("table", rows))
            else:
                out.extend(("para", ln.strip()) for ln in lines[i:j])
            i = j
            continue
        if lines[i].strip():
            out.append(("para", lines[i].strip()))
        i += 1
    return out


def _caption_rows(rows: list[list[str]]) -> int:
    """How many of a table's first rows hold only their first cell (a title or year line set in the
    table: a converter writes the merged row as ``标题 | |||||``); they are drawn merged across."""
    n = 0
    while n < len(rows) - 1 and len(rows[n]) > 1 and rows[n][0] and not any(rows[n][1:]):
        n += 1
    return n


def write_docx(text: str, path: Path) -> None:
    """``text`` as a .docx: paragraphs and real Word tables."""
    import docx

    d = docx.Document()
    for kind, value in blocks(text):
        if kind == "para":
            d.add_paragraph(str(value))
            continue
        rows = value  # type: ignore[assignment]
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
        for r in range(_caption_rows(rows)):
            table.cell(r, 0).merge(table.cell(r, len(rows[0]) - 1))
        d.add_paragraph("")  # Word keeps a paragraph between two tables
    d.save(str(path))


# (a Latin word keeps its accented letters: a pinyin gloss 创(chuàng) is one word, never broken at its à)
_UNBREAKABLE = re.compile(r"[A-Za-z\u00c0-\u024f0-9.,:%/+\-=≥≤<>~*#&_'\"]+|\s+|.", re.S)
_WORD_END = re.compile(r"[A-Za-z\u00c0-\u024f0-9.,:%/+\-=≥≤<>~*#&_'\"]+$")


def wrap(pdf, text: str, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` as a word processor breaks Chinese text:
    between any two CJK characters, at spaces, never inside a number or a Latin word (accents and all; one longer
    than the line is cut), no line starting with closing punctuation (，。、；：）》 move back) and none ending
    with an opening mark (（《“ go down)."""
    lines: list[str] = []
    line = ""
    for token in _UNBREAKABLE.findall(text):
        if pdf.get_string_width(line + token) <= width or not line.strip():
            if not line.strip() and pdf.get_string_width(token) > width:
                for ch in token:  # a word longer than the whole line
                    if line and pdf.get_string_width(line + ch) > width:
                        lines.append(line)
                        line = ""
                    line += ch
                continue
            line += token
            continue
        if token.isspace():
            lines.append(line)
            line = ""
            continue
        if token in "，。、；：！？）》」』”’,.;:!?)" and len(line) > 1:
            # kinsoku: the last character goes down with it (the last word, when the line ends with one)
            word = _WORD_END.search(line)
            cut = word.start() if word and word.start() > 0 else len(line) - 1
            line, token = line[:cut], line[cut:] + token
        while len(line) > 1 and line[-1] in "（(《「『“‘【[":
            line, token = line[:-1], line[-1] + token  # nor does a line end with an opening mark
        lines.append(line.rstrip())
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def truetype_font(chars: set[str]) -> Path:
    """Noto Sans SC (``pylopdf-fonts-zh-cn``) cut to ``chars`` and converted to TrueType outlines, cached.

    The font ships as CFF (.otf); fpdf2 subsets a CFF font for every document it writes, about 5 s a
    report on this machine, a glyf font in a tenth of that.  The glyphs are the same outlines (cubic
    curves approximated by quadratic ones), so the text PDF reads the same."""
    import hashlib

    import pylopdf_fonts_zh_cn
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    key = hashlib.sha1("".join(sorted(chars)).encode()).hexdigest()[:12]
    out = Path(tempfile.gettempdir()) / f"jixiao-bench-NotoSansSC-{key}.ttf"
    if out.exists():
        return out
    font = TTFont(pylopdf_fonts_zh_cn.sans_path())
    options = subset.Options()
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for name in (
        "maxZones maxTwilightPoints maxStorage maxFunctionDefs maxInstructionDefs maxStackElements "
        "maxSizeOfInstructions maxComponentElements maxPoints maxContours maxCompositePoints "
        "maxCompositeContours maxComponentDepth"
    ).split():
        setattr(maxp, name, 0)
    maxp.maxZones, maxp.numGlyphs = 1, len(order)
    font["head"].glyphDataFormat = 0
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.sfntVersion = "\x00\x01\x00\x00"
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.save(str(out) + ".part")
    os.replace(str(out) + ".part", out)
    return out


def write_pdf(text: str, path: Path, font: Path | None = None) -> None:
    """``text`` typeset on A4 pages with an embedded CJK font (``font``: a TrueType cut from
    :func:`truetype_font`; by default the .otf itself): filled paragraphs (:func:`wrap`), ruled
    tables (cell text wrapped the same way), a page number at each page's foot."""
    import pylopdf_fonts_zh_cn
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class _Report(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("sans", size=9)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = _Report(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_font("sans", fname=str(font or pylopdf_fonts_zh_cn.sans_path()))
    pdf.add_page()
    for kind, value in blocks(text):
        if kind == "para":
            pdf.set_font("sans", size=10.5)
            for line in wrap(pdf, str(value), pdf.epw):
                pdf.cell(pdf.epw, 6, line, new_x="LMARGIN", new_y="NEXT")
            continue
        rows = value  # type: ignore[assignment]
        ncols = len(rows[0])
        size = 8 if ncols > 5 else 9.5
        pdf.set_font("sans", size=size)
        inner = pdf.epw / ncols - 2.5  # the cell's width inside its padding
        merged = _caption_rows(rows)
        # a row taller than a page (a cell of a whole essay) is set as paragraphs: fpdf2 cannot
        # split a row over two pages, a word processor would
        captions = {id(r) for r in rows[:merged]}

        def too_tall(row: list[str], inner: float = inner, size: float = size) -> bool:
            return max(len(wrap(pdf, c, inner)) for c in row) * size * 0.45 > 230  # mm of a page's 247

        for piece, tall in _pieces(rows, too_tall):
            if tall:
                pdf.set_font("sans", size=10.5)
                for cell in (c for r in piece for c in r if c):
                    for line in wrap(pdf, cell, pdf.epw):
                        pdf.cell(pdf.epw, 6, line, new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("sans", size=size)
                continue
            with pdf.table(
                wrapmode=WrapMode.CHAR, first_row_as_headings=False, line_height=size * 0.45, text_align="LEFT"
            ) as t:
                for row in piece:
                    r = t.row()
                    if id(row) in captions:
                        r.cell("\n".join(wrap(pdf, row[0], pdf.epw - 2.5)), colspan=ncols)
                        continue
                    for cell in row:
                        r.cell("\n".join(wrap(pdf, cell, inner)))
        pdf.ln(2)
    pdf.output(str(path))


def _pieces(rows: list[list[str]], tall) -> list[tuple[list[list[str]], bool]]:
    """``rows`` cut into runs of ordinary rows and single rows too tall for a page."""
    out: list[tuple[list[list[str]], bool]] = []
    for row in rows:
        t = bool(tall(row))
        if out and not t and not out[-1][1]:
            out[-1][0].append(row)
        else:
            out.append(([row], t))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rendering", choices=("docx", "pdf"), required=True)
    ap.add_argument("--half", choices=("dev", "holdout"), default=None)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--only", default="", help="stems containing this")
    ap.add_argument("--keep", default="", help="write the renderings into this folder")
    ap.add_argument("--show", action="store_true", help="print each differing field (dev half only)")
    args = ap.parse_args()

    import pylopdf_fonts_zh_cn
    from devset_compare import items, score_item

    from jixiao import parse
    from jixiao.extractor.record import build_record
    from jixiao.store.charts import missing_glyphs

    chosen = [it for it in items(args.half) if args.only in it.stem]
    if args.limit:
        chosen = chosen[: args.limit]
    tmp = Path(args.keep or tempfile.mkdtemp(prefix=f"jixiao-{args.rendering}-agree-"))
    tmp.mkdir(parents=True, exist_ok=True)
    agree: collections.Counter[str] = collections.Counter()
    compared: collections.Counter[str] = collections.Counter()
    found: dict[str, collections.Counter[str]] = {"text": collections.Counter(), "render": collections.Counter()}
    stated: collections.Counter[str] = collections.Counter()
    differ: set[str] = set()
    skipped, failed = [], []
    fields = _fields()
    if args.rendering == "pdf":
        chars = set("0123456789")  # the page numbers
        for it in chosen:
            chars |= set(Path(it.path).read_text(encoding="utf-8"))
        font = truetype_font(chars)
    write = write_docx if args.rendering == "docx" else (lambda text, out: write_pdf(text, out, font))
    t0 = time.time()
    for it in chosen:
        text = Path(it.path).read_text(encoding="utf-8")
        if args.rendering == "pdf" and missing_glyphs(pylopdf_fonts_zh_cn.sans_path(), text):
            skipped.append(it.stem)  # a glyph the font lacks would print as nothing
            continue
        out = tmp / f"{it.stem}.{args.rendering}"
        try:
            write(text, out)
            render_rec = build_record(parse(str(out))).to_dict()
        except Exception as exc:  # a rendering the bench cannot write or jixiao cannot read: counted
            failed.append(f"{it.stem}: {type(exc).__name__}: {exc}"[:160])
            continue
        text_rec = build_record(parse(it.path)).to_dict()
        scores = {"text": score_item(text_rec, it.expected), "render": score_item(render_rec, it.expected)}
        for field in fields:
            a, b = _value(text_rec, field), _value(render_rec, field)
            compared[field] += 1
            agree[field] += a == b
            if a != b:
                differ.add(it.stem)
                if args.show and it.half == "dev":
                    print(f"  {it.stem[:58]:58} {field:16} text={a[:90]} {args.rendering}={b[:90]}")
            for which in ("text", "render"):
                found[which][field] += scores[which].get(field, (0, 0, 0))[0]
            stated[field] += scores["text"].get(field, (0, 0, 0))[1]
    n_items = len(chosen) - len(skipped) - len(failed)
    print(
        f"{args.rendering}: {n_items} items, {time.time() - t0:.0f} s, {len(differ)} items differ somewhere "
        f"({len(skipped)} left out for glyphs the font lacks, {len(failed)} failed)"
    )
    for f in failed:
        print("  failed:", f)
    print_table(args.rendering, fields, agree, compared, found["text"], found["render"], stated)


if __name__ == "__main__":
    main()
