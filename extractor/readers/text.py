"""Plain-text and Markdown reports (``.txt``/``.md`` dumps made by other converters).

Reading a dump is three steps:

1. **Decode** (:func:`decode_bytes`): BOMs first (UTF-8, UTF-16 LE/BE, UTF-32), then
   strict UTF-8, then UTF-16 without a BOM (NUL bytes), then charset-normalizer with
   GB18030 preferred for any GB-family answer (GBK/GB2312 files are GB18030).
2. **Clean** (:func:`clean_line`): the converter leftovers listed in
   ``patterns/converter_artefacts.yaml`` — ``$\\geq 1.5\\%$`` → ``≥1.5%``, ``**bold**``,
   ``# heading``, ``[bookmark: …]``, page-footer lines (``— 7 —``, ``第 3 页 共 7 页``),
   layout spaces next to CJK punctuation.
3. **Rebuild** paragraphs and tables: lines a page break or a hard wrap split
   mid-sentence are rejoined (:func:`continues`); runs of tab-separated lines become
   tables (an empty cell is a merged cell; a table that repeats its header rows after
   a page break is one table); each paragraph is classified as heading or body text by
   :func:`emit_paragraph`, the helper every reader shares.

Table-of-contents lines (a title, dot leaders, a page number) stay paragraphs and
never become headings (:func:`is_toc_line`), so a report's heading sequence is the
same whichever rendering it is read from.

Pages are ``None`` for text, except that form feeds (``\\f``, as ``pdftotext`` writes
between pages) are honoured as page breaks when present.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ... import patterns
from .. import structure
from ..cjk import CJK, inside_number, is_cjk
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..furniture import is_footer_line
from ..normalize import RUBY, fold_chars, normalize_text
from ..tables import fill_blank_merged, join_continued, rectangular

ARTEFACTS = "converter_artefacts.yaml"

# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "iso2022_cn"}


# Characters a Chinese report is written in: CJK text and punctuation, printable ASCII, common
# whitespace, general punctuation (dashes, quotes, ellipsis).
_PLAUSIBLE = re.compile(f"[\n\r\t -~{CJK}\u2010-\u2027]")


def _plausibility(text: str) -> float:
    """Share of characters that are CJK, ASCII printable or common whitespace."""
    if not text:
        return 0.0
    return len(_PLAUSIBLE.findall(text)) / len(text)


def decode_bytes(data: bytes, path: str = "") -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; :class:`ReadError` when it is not text."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"invalid {enc} text after its byte-order mark: {exc.reason}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 without a BOM: the byte order whose decoding reads as text wins.
        best: tuple[float, str, str] | None = None
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data[: len(data) - len(data) % 2].decode(enc)
            except UnicodeDecodeError:
                continue
            score = _plausibility(text[:20000])
            if best is None or score > best[0]:
                best = (score, text, enc)
        if best and best[0] > 0.9:
            return best[1], best[2]
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    candidates: list[str] = []
    if match is not None:
        enc = match.encoding.lower().replace("-", "_")
        candidates.append("gb18030" if enc in _GB_FAMILY else match.encoding)
    candidates += ["gb18030", "big5"]
    best_text: tuple[float, str, str] | None = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text[:20000])
        if best_text is None or score > best_text[0] + 0.02:
            best_text = (score, text, enc)
    if best_text and best_text[0] > 0.85:
        return best_text[1], best_text[2]
    raise ReadError(path, "cannot detect the text encoding (not UTF-8/UTF-16/GB18030 text)")


# ---------------------------------------------------------------------------
# Cleaning converter leftovers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    tags: list[re.Pattern[str]]
    math_span: re.Pattern[str]
    math_command: re.Pattern[str]
    math_map: dict[str, str]
    math_wrapper: re.Pattern[str]
    degree: re.Pattern[str]
    md_heading: re.Pattern[str]
    md_table_rule: re.Pattern[str]
    md_bold: list[re.Pattern[str]]
    substitutions: list[tuple[re.Pattern[str], str]]
    stray_spaces: list[re.Pattern[str]]
    toc: list[tuple[re.Pattern[str], bool]]
    sentence_end: re.Pattern[str]
    continuation_start: re.Pattern[str]
    date_wrap: tuple[re.Pattern[str], re.Pattern[str]]
    title_end: re.Pattern[str]
    prose_punct: re.Pattern[str]
    label_end: re.Pattern[str]
    label_max: int
    short_line: int
    firm_wrap_lines: int
    chrome_line: re.Pattern[str]
    form_line: re.Pattern[str]
    cell_gap: re.Pattern[str]
    cell_bar: re.Pattern[str]
    inner_punct: re.Pattern[str]
    paragraph_start: list[re.Pattern[str]]
    news_lead: re.Pattern[str]
    headline: re.Pattern[str]
    headline_max: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = patterns.load(ARTEFACTS)
    commands: dict[str, str] = data["math"]["commands"]
    # Longest first, and an alphabetic command must not run on into letters (\le vs \left).
    alternatives = []
    for cmd in sorted(commands, key=len, reverse=True):
        alt = re.escape(cmd)
        if cmd[-1].isalpha():
            alt += "(?![A-Za-z])"
        alternatives.append(alt)
    md = data["markdown"]
    return _Rules(
        tags=[re.compile(p) for p in data["inline_tags"]],
        math_span=re.compile(data["math"]["span"]),
        math_command=re.compile("|".join(alternatives)),
        math_map=commands,
        math_wrapper=re.compile(data["math"]["wrappers"]),
        degree=re.compile(data["math"]["superscript_degree"]),
        md_heading=re.compile(md["heading"]),
        md_table_rule=re.compile(md["table_rule"]),
        md_bold=[re.compile(md["bold"]), re.compile(md["bold_underscore"])],
        substitutions=[(re.compile(s["pattern"]), s["replace"]) for s in data["word_substitutions"]],
        stray_spaces=[re.compile(p) for p in data["stray_spaces"]],
        toc=[(re.compile(t["regex"]), bool(t["heading_title_only"])) for t in data["toc_lines"]],
        sentence_end=re.compile(data["sentence_end"]),
        continuation_start=re.compile(data["continuation_start"]),
        date_wrap=(re.compile(data["date_wrap"]["end"]), re.compile(data["date_wrap"]["start"])),
        title_end=re.compile(data["title_end"]),
        prose_punct=re.compile(data["prose_punctuation"]),
        label_end=re.compile(data["label_end"]),
        label_max=int(data["label_max_chars"]),
        short_line=int(data["short_line_chars"]),
        firm_wrap_lines=int(data["firm_wrap_lines"]),
        chrome_line=re.compile(data["chrome_line"]),
        form_line=re.compile(data["form_line"]),
        cell_gap=re.compile(data["cell_gap"]),
        cell_bar=re.compile(data["cell_bar"]),
        inner_punct=re.compile(data["inner_punctuation"]),
        paragraph_start=[re.compile(p) for p in data["paragraph_start"]],
        news_lead=re.compile(data["news_lead"]),
        headline=re.compile(data["headline"]["words"]),
        headline_max=int(data["headline"]["max_chars"]),
    )


def _math(m: re.Match[str]) -> str:
    rules = _rules()
    inner = rules.math_wrapper.sub(r"\1", m.group(1))
    inner = rules.math_command.sub(lambda c: rules.math_map[c.group(0)], inner)
    inner = rules.degree.sub("°", inner)
    inner = inner.replace("{", "").replace("}", "")
    return "\x00" + re.sub(r"\s+", "", inner) + "\x00"


# Spaces a converter put around a $…$ span next to CJK text are layout: "为 $\\geq 95\\%$ ，" → "为≥95%，".
_MATH_EDGE = re.compile(rf"(?:(?<=[{CJK}]) *\x00|\x00 *(?=[{CJK}])|\x00)")


def clean_line(line: str, *, normalized: bool = False) -> tuple[str, bool]:
    """One line without converter leftovers, and whether it carried heading markup.

    Heading markup is a markdown ``#`` heading or a line that is bold as a whole.
    ``normalized``: the caller already ran :func:`normalize_text` over the line.
    """
    rules = _rules()
    text = line if normalized else normalize_text(line)
    for tag in rules.tags:
        text = tag.sub("", text)
    text = _MATH_EDGE.sub("", rules.math_span.sub(_math, text))
    styled = False
    m = rules.md_heading.match(text)
    if m:
        text, styled = m.group(2), True
    stripped = text.strip()
    for bold in rules.md_bold:
        whole = bold.fullmatch(stripped)
        if whole:
            styled = True
        text = bold.sub(r"\1", text)
    for pattern, replacement in rules.substitutions:
        text = pattern.sub(replacement, text)
    for pattern in rules.stray_spaces:
        text = pattern.sub("", text)
    return text, styled


# ---------------------------------------------------------------------------
# Paragraph classification shared by the readers
# ---------------------------------------------------------------------------


_ENDS_WITH_PAGE_NUMBER = re.compile(r"[0-9０-９ivxlcIVXLC]\s*$")


def is_toc_line(text: str) -> bool:
    """A table-of-contents line: a title, dot leaders (or a tab) and a page number."""
    if not _ENDS_WITH_PAGE_NUMBER.search(text):
        return False
    line = normalize_text(text).strip()
    for pattern, heading_title_only in _rules().toc:
        m = pattern.match(line)
        if not m:
            continue
        if not heading_title_only:
            return True
        title = m.group("title")
        if structure.numbering_of(title) or structure.classify(title) is not None:
            return True
    return False


def emit_paragraph(
    builder: DocumentBuilder,
    text: str,
    page: int | None = None,
    *,
    styled: bool = False,
    style_level: int | None = None,
) -> None:
    """Append one recovered paragraph as heading and/or paragraph blocks.

    The rule is the same for every format, so that all renderings of a report give
    one heading sequence: TOC lines are paragraphs; otherwise
    :func:`jixiao.extractor.structure.classify` decides, with ``styled`` (a Word
    heading style, bold, markdown ``#``, an HTML ``<h2>``) as the reader's evidence
    for unnumbered lines.  A run-in heading ("（一）参保情况。截止10月底……") becomes a
    heading block with the title and a paragraph block with the rest, so no
    character is lost.  ``style_level`` (e.g. 2 for "Heading 2") is used as the
    level of an unnumbered heading.
    """
    text = text.strip()
    if not text:
        return
    if is_toc_line(text):
        builder.add("paragraph", text, page)
        return
    info = structure.classify(text, styled_heading=styled)
    if info is None:
        builder.add("paragraph", text, page)
        return
    level = info.level
    if info.numbering is None and style_level:
        level = style_level
    builder.add("heading", info.title, page, level=level, numbering=info.numbering)
    if info.rest:
        builder.add("paragraph", info.rest, page)


# ---------------------------------------------------------------------------
# Rebuilding paragraphs and tables from lines
# ---------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    styled: bool
    page: int | None
    indented: bool
    last: str = ""  # the last physical line of a paragraph being rebuilt ("" for a single line)
    indent: int = 0  # the whitespace before the last physical line (a paragraph's first line is indented)
    after_blank: bool = False  # a blank line stands between this line and the text line before it
    spaced_end: bool = False  # the (last) physical line ends in a space: a word space where it wraps

    @property
    def tail(self) -> str:
        return self.last or self.text

    @property
    def printed_width(self) -> int:
        """How far the last physical line runs, its indent counted: a paragraph's indented first
        line wraps at the same width as the lines under it, with fewer characters."""
        return self.indent + len(self.tail.strip())


@dataclass
class _Table:
    rows: list[list[str]]
    page: int | None


def _is_heading_line(line: _Line) -> bool:
    info = structure.classify(line.text, styled_heading=line.styled)
    return info is not None and not info.rest


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at, when it was: a line length (±1) that at least
    three lines and two fifths of the long lines share.  ``None`` for text with one line a
    paragraph (web pages, most converters), where line lengths vary.  A line's length is as given,
    its leading whitespace counted (pass the lines stripped to leave a paragraph's indent out)."""
    from collections import Counter

    lengths = [len(ln.rstrip()) for ln in lines if len(ln.strip()) >= 20]
    if len(lengths) < 3:
        return None
    counts = Counter(lengths)
    width, n = max(((w, counts[w] + counts[w - 1] + counts[w + 1]) for w in counts), key=lambda x: (x[1], x[0]))
    return (
        max(width, max(w for w in (width - 1, width, width + 1) if counts.get(w)))
        if n >= 3 and n >= 0.4 * len(lengths)
        else None
    )


def lines_at_width(lines: list[str], width: int | None) -> int:
    """How many of ``lines`` run to ``width`` (±1), their leading whitespace counted."""
    if width is None:
        return 0
    return sum(1 for ln in lines if width - 1 <= len(ln.rstrip()) <= width + 1)


def _clause_free(line: str) -> bool:
    """A line with no clause punctuation in it (，。；、 …): a title, a heading, a label, a form's
    row or a page's chrome line, not a sentence."""
    rules = _rules()
    return not rules.prose_punct.search(line) and not rules.inner_punct.search(line)


def _headline_over_paragraph(a: str, b: str) -> bool:
    """Whether ``a`` reads as a news item's headline about an evaluation and ``b`` as the paragraph of prose
    under it: ``a`` names an evaluation (``headline.words``), no longer than a headline, with no clause in it
    and no title marks (a sentence cut before its 《通知》 names one too); ``b`` long, with a sentence's
    punctuation, not opening with what ends the line before it."""
    rules = _rules()
    # in simplified characters without glosses: a mirror's traditional copy (績效評價) reads as the original
    key = fold_chars(re.sub(r"\s", "", a))
    return (
        len(key) <= rules.headline_max
        and _clause_free(a)
        and "《" not in key
        and "》" not in key
        and rules.headline.search(key) is not None
        and structure.is_prose_paragraph(b)
    )


def _blank_ends(a: str, b: str, at_wrap: bool) -> bool:
    """Whether the blank line between ``a`` and ``b`` ends a paragraph, in a text that puts a blank
    line under most of its lines (a web page's paragraphs, a form written one cell a paragraph, a
    converter's dump of one line a paragraph), where a blank line alone cannot tell.

    It does when either side reads as no part of a sentence: ``b`` short with no clause in it that
    ends no sentence (a form's label, a cell's value, a heading: 计划投资额, 数量指标, 8.80), or ``a``
    with no clause punctuation at all (a headline, a page's metadata line, a form's row of fields:
    …开展…绩效评价工作 ⏎⏎ 4月15日,…).  A line at the wrap width (``at_wrap``) was cut by the wrap; the
    tail of a sentence ends that sentence (…评价⏎⏎工作。); and a line that opens with a bracket
    qualifies the name before it (项目名称:…治理工程⏎⏎(二期)治理工程)."""
    rules = _rules()
    if at_wrap or (b[:1] in "(（" and not structure.numbering_of(b)):
        return False
    short = len(re.sub(r"\s", "", b)) < rules.short_line
    label = short and _clause_free(b) and not rules.sentence_end.search(b)
    return label or _clause_free(a)


def _row_of_fields(line: str) -> bool:
    """Whether ``line`` is a form's row of two fields or more, each a label and its colon, set apart by a
    gap of spaces (单位名称:XX协会         填报日期:2023年5月17日): cells of a row, never a sentence the
    next line goes on with."""
    rules = _rules()
    cells = [c for c in re.split(r"[ \t\u3000]{2,}|\t", line.strip()) if c]
    return (
        len(cells) >= 2
        and all(re.match(r"(?:[^，。；：:,\s|｜]\s?){2,8}[：:]\s*\S", c) for c in cells)
        and not any(rules.sentence_end.search(c) for c in cells[:-1])
    )


def _cuts_gloss(a: str, b: str) -> bool:
    """Whether the break between a line ending ``a`` and one opening ``b`` falls inside a pinyin
    gloss a mirror prints after a character (績效評價(ji⏎à)): a gloss spans the break."""
    a, b = a.rstrip()[-9:], b.lstrip()[:9]
    return any(m.start() < len(a) < m.end() for m in RUBY.finditer(a + b))


def continues(prev: _Line, nxt: _Line, width: int | None = None, firm: bool = False) -> bool:
    """Whether ``nxt`` carries on the sentence ``prev`` left unfinished (a hard wrap).

    ``prev`` must not end a sentence, be a heading, a title, a TOC line or a short
    bracketed label; ``nxt`` must not start a paragraph of its own (indented,
    numbered, "一是…", a date line, a run-in label "资金来源：").  ``firm``: the text is hard-wrapped
    beyond doubt (:func:`lines_at_width`), so a line at the width goes on even where it reads as a
    heading, a page's metadata or a short label.
    """
    rules = _rules()
    # the rules are written in simplified characters: a traditional mirror copy reads the same;
    # they look at the last physical line of what is being rebuilt, not the whole paragraph
    # (and read without the pinyin a mirror prints after characters: 項(xiàng)目名稱 is 项目名称)
    a, b = (fold_chars(RUBY.sub("", x)).strip() for x in (prev.tail, nxt.text))
    if not a or not b or prev.styled or nxt.styled:
        return False
    if _cuts_gloss(prev.tail, nxt.text):
        return True  # the line break cuts a mirror's pinyin gloss (評價(ji⏎à)自評): one word
    if rules.continuation_start.match(b) and not is_toc_line(b):
        return True  # a line opening with a closing mark (。, 》和…, ）) is the end of the line before it
    if rules.date_wrap[0].search(a) and rules.date_wrap[1].match(b):
        return True  # a date the break cut (a signature's 2016年⏎12月30日): one date
    at_width = firm and width is not None and width - 1 <= prev.printed_width <= width + 1
    # a row of cells that ran to the wrap width ends in a cell's bar where the wrap cut it after one
    # (主管部门 | 黄石市文化和旅游局 | 项目实施单位 |⏎黄石市图书馆 | ||||||): the row goes on
    cut_after_bar = at_width and a[-1:] in "|｜" and len(rules.cell_bar.findall(a)) >= 2
    if (rules.sentence_end.search(a) and not cut_after_bar) or is_toc_line(a) or is_toc_line(b):
        return False
    # (a line of prose the wrap cut where it ends like a title goes on: …绩效评价。现将评价情况报告⏎如下:)
    if rules.title_end.search(a) and not rules.prose_punct.search(a):
        return False
    if len(re.sub(r"\s", "", a)) <= rules.label_max and rules.label_end.search(a):
        return False
    # a line that ran to the wrap width goes on on the next line, even where it opens with a heading's
    # number ((一)项目概况 (1)项目实施单位:石家庄市新华区农业⏎农村局), holds a page's metadata
    # (…信息来源:会⏎同县财政局) or reads short once a mirror's pinyin is out (…辦法》(⏎財(cái)國(guó)合…);
    # at the width, not past it: a line longer than the width was no line the wrap cut
    if len(re.sub(r"\s", "", a)) < rules.short_line and not rules.inner_punct.search(a) and not at_width:
        return False  # a short line with no clause in it is a title, label or heading, not a wrapped sentence
    at_wrap = width is not None and width - 1 <= prev.printed_width <= width + 1
    if nxt.after_blank and _blank_ends(a, b, at_wrap):
        return False  # a blank line after a headline, or before a label or heading (计划投资额), ends the paragraph
    if _is_heading_line(prev) and not at_width:
        return False
    if nxt.indented or structure.numbering_of(b):
        return False
    if rules.chrome_line.search(a) and not at_width:
        return False  # a web page's line of 发布时间/信息来源: its own line
    # a row of cells that ran to the wrap width: the wrap cut it, its cells go on on the next line
    # (项目名称 | 12350安全生产举报奖及安全生产专项督查⏎等工作经费 | 项目分类 |, a number cut in its cell:
    # 年度资金总额: | 3359.62万 | 3359.62⏎万 | 100% |)
    # (nor a page's metadata line that ran to the width: 发布时间:… 来源:市地震⏎局 浏览次数:, its fields go on)
    cut_row = at_width and (rules.cell_bar.search(a) or rules.chrome_line.search(a))
    if rules.form_line.match(a) and rules.form_line.match(b) and not cut_row:
        return False  # 项目名称：… / 单位名称：…: two fields of a form
    if _row_of_fields(a) and not cut_row:
        return False  # 单位名称:XX协会      填报日期:2023年5月17日 / 项目名称 XX经费: a form's row of fields ends there
    if any(len(rules.cell_gap.findall(x)) >= 2 for x in (a, b)) and not at_width:
        return False  # a row of cells set apart by bars or runs of spaces (序号 | 项目名称 | 得分): a table's line
    if not at_wrap and rules.news_lead.match(b) and not rules.prose_punct.search(a):
        return False  # a headline, then its news item's lead (…开展绩效评价工作 / 8月2日-6日,由…)
    if not at_wrap and _headline_over_paragraph(a, b):
        return False  # a headline naming an evaluation, then its item's first paragraph (…绩效综合评价第一名 / 根据…,…)
    if width is not None and prev.printed_width >= width - 1:
        return True  # the line ran to the wrap width (or past it): the text goes on on the next line
    if rules.title_end.search(b) and len(b) <= 60:
        return False  # a title stands on its own line
    if any(p.match(b) for p in rules.paragraph_start):
        return False
    return True


# Latin letters, with the tone marks of pinyin (ā, ǎ, ü)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _join(a: str, b: str, wrapped: bool = False) -> str:
    a, b = a.rstrip(), b.lstrip()
    if a and b and (is_cjk(a[-1]) or is_cjk(b[0])):
        return a + b
    if wrapped and a and b and re.match(r"[0-9.,%]", a[-1]) and re.match(r"[0-9.,%]", b[0]):
        return a + b  # a hard wrap inside a number (9 / 2.3分): no space was printed there
    if wrapped and a and b and (a[-1] in "(（[" or b[0] in ")）]"):
        return a + b  # a hard wrap inside brackets (贈(⏎zèng)款): no space was printed there
    if wrapped and a and b and _LATIN.match(a[-1]) and _LATIN.match(b[0]):
        # a hard wrap inside a Latin word: a pinyin gloss (評(pín⏎g)報), a file name (.do⏎cx), a web
        # address; a layout that breaks between words leaves a line ending in a word short of the width
        return a + b
    if a.endswith("-") and b[:1].isdigit():
        return a + b
    if inside_number(a[-24:], b[:24]):
        return a + b  # a number the break split, wrapped or not (…执行率为88. / 06%, …资金1, / 234.56万元)
    return a + " " + b


def _is_table_line(raw: str) -> bool:
    return "\t" in raw.strip("\n") and raw.strip() != "" and not is_toc_line(raw)


_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _pipe_cells(raw: str) -> list[str] | None:
    s = raw.strip()
    if s.startswith("|") and s.count("|") >= 2:
        return [c.strip() for c in s.strip("|").split("|")]
    return None


def _table_rows(lines: list[str], md: bool) -> list[list[str]]:
    rows = []
    for raw in lines:
        if md and _PIPE_SEPARATOR.match(raw):
            continue
        cells = _pipe_cells(raw) if md else None
        if cells is None:
            cells = raw.rstrip("\n").split("\t")
        rows.append([clean_line(c, normalized=True)[0].strip() for c in cells])
    return rectangular(rows)


def file_bytes(path: Path) -> bytes:
    """The bytes of ``path``, or a :class:`ReadError` that says why not (one wording for every
    reader that reads a file whole)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), f"cannot read: {exc.strerror or exc}") from None


def read(path: str | Path, fmt: str = "txt") -> Document:
    """Read a text or Markdown report into a :class:`Document` (``fmt``: ``txt``/``md``)."""
    path = Path(path)
    data = file_bytes(path)
    if not data.strip():
        raise ReadError(str(path), "empty file (no text)")
    raw_text, _encoding = decode_bytes(data, str(path))
    return read_text(raw_text, str(path), fmt=fmt)


def read_text(raw_text: str, path: str = "<text>", fmt: str = "txt") -> Document:
    """Build the document model from already-decoded text (see :func:`read`)."""
    md = fmt == "md"
    raw_text = raw_text.replace("\r\n", "\n").replace("\r", "\n")
    # Form feeds are page breaks; normalisation would drop them, so split first.
    page_texts = [normalize_text(p) for p in raw_text.split("\f")]
    paged = len(page_texts) > 1
    builder = DocumentBuilder(path, "md" if md else "txt", pages=len(page_texts) if paged else None)

    # Pass 1: classify raw lines into table runs and cleaned text lines.
    items: list[_Line | _Table] = []
    for page_no, page_text in enumerate(page_texts, start=1):
        page = page_no if paged else None
        raw_lines = page_text.split("\n")
        i = 0
        blank = False  # a blank line since the last text line
        while i < len(raw_lines):
            raw = raw_lines[i]
            is_table = _is_table_line(raw) or (md and _pipe_cells(raw) is not None)
            if is_table:
                j = i
                while j < len(raw_lines) and (
                    _is_table_line(raw_lines[j]) or (md and _pipe_cells(raw_lines[j]) is not None)
                ):
                    j += 1
                run = raw_lines[i:j]
                if len(run) >= 2:
                    items.append(_Table(_table_rows(run, md), page))
                    i = j
                    continue
            i += 1
            # a line of bars alone is the boundary between cells a converter wrote one a line
            # (项目名称 / | / XX项目): no text of its own, so it reads as the blank line it stands for
            if not raw.strip(" \t\u3000|｜"):
                blank = True
                continue
            if is_footer_line(raw) or _rules().md_table_rule.match(raw):
                continue
            text, styled = clean_line(raw, normalized=True)
            if not text.strip():
                continue
            indented = bool(re.match(r"^[ \t\u3000]{2,}", raw)) or raw.startswith("\u3000")
            indent = len(raw) - len(raw.lstrip())
            spaced_end = text != text.rstrip()
            items.append(
                _Line(text.strip(), styled, page, indented, indent=indent, after_blank=blank, spaced_end=spaced_end)
            )
            blank = False

    # Pass 2: join continued tables, rejoin wrapped lines, emit blocks.
    texts = [v.text for v in items if isinstance(v, _Line)]
    width = wrap_width(texts)
    at_width = lines_at_width(texts, width)
    # a text set in by a few spaces whose lines were cut at a width, indent counted (a web page's
    # text at four spaces, wrapped at 28: its lines hold 24 characters, its unindented ones 28)
    printed = [" " * v.indent + v.text for v in items if isinstance(v, _Line)]
    printed_width = wrap_width(printed)
    printed_at_width = lines_at_width(printed, printed_width)
    long_lines = sum(1 for t in texts if len(t) >= 20)
    # (most of the long lines at that width, as a hard wrap leaves them: a list of short entries set in
    # by two spaces has some at any width)
    if (
        printed_at_width > at_width
        and printed_at_width >= _rules().firm_wrap_lines
        and printed_at_width * 3 >= long_lines * 2
    ):
        width, at_width = printed_width, printed_at_width
    firm = at_width >= _rules().firm_wrap_lines
    # a blank line ends a paragraph (a hard wrap never leaves one), unless the text puts one under
    # most of its lines (a converter that writes every line as a paragraph of its own)
    lines = [v for v in items if isinstance(v, _Line)]
    blank_ends = sum(v.after_blank for v in lines) * 2 < len(lines)
    k = 0
    pending: _Line | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            emit_paragraph(builder, pending.text, pending.page, styled=pending.styled)
            pending = None

    while k < len(items):
        line = items[k]
        if isinstance(line, _Table):
            flush()
            rows, page = line.rows, line.page
            # A table interrupted by a page break repeats its header rows: one table.
            while k + 1 < len(items) and isinstance(nxt := items[k + 1], _Table):
                joined = join_continued(rows, nxt.rows)
                if joined is None:
                    break
                rows = joined
                k += 1
            builder.add("table", rows=fill_blank_merged(rows), page=page)
            k += 1
            continue
        if pending is not None and not (blank_ends and line.after_blank) and continues(pending, line, width, firm):
            # a space at the wrap (…99.92 ⏎0.16, a line cut after a word) is a word space: the wrap
            # cut no word or number there
            spaced = pending.spaced_end or line.indent > 0
            wrapped = width is not None and pending.printed_width >= width - 1 and not spaced
            rejoined = _join(pending.text, line.text, wrapped)
            pending = _Line(
                rejoined, False, pending.page, pending.indented, line.text, line.indent, spaced_end=line.spaced_end
            )
        else:
            flush()
            pending = line
        k += 1
    flush()
    return builder.build()


__all__ = [
    "read",
    "read_text",
    "decode_bytes",
    "file_bytes",
    "clean_line",
    "is_toc_line",
    "emit_paragraph",
    "continues",
]
