"""The report's title: title lines (hard-wrapped ones joined) and titles inside longer lines.

A title names an evaluation and ends like a report, a form or a notice
(``patterns/metadata.yaml``: ``title``).  The earliest title line wins (rank 10, a
file's name 8); a title inside a line of a flattened form or a run-together page
ranks 9.  Annex labels, page numbers, file suffixes, site names and dates are cut
(:func:`clean_title`); the evidence is the title's printed words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns
from ..structure import is_prose_paragraph
from .candidates import Candidate
from .context import Context, Line
from .jurisdiction import divisions
from .orgs import is_org_name
from .phrases import _compiled, _spec
from .programmes import ends_like_a_programme
from .view import View, fold

_PUNCT = re.compile(r"[。，,；;：:！!？?]")


def text_lines(ctx: Context) -> list[Line]:
    """Every line of every non-table block, in order (computed once per document)."""
    return ctx.lines


# ------------------------------------------------------------------ title
def clean_title(text: str) -> str:
    """A title as printed: whitespace removed, annex labels, page numbers and site names cut."""
    c = _compiled()
    # a page number set before the title's line (" 8 2018 年农业保险…报告", "1 澧县…", "— 1 — …"): cut
    # while the space still tells it from the year or the title's first words
    text = c["page_number"].sub("", text)
    text = re.sub(r"\s+", "", text)
    # a form flattened with its cells kept (标题 | ||||| / (2024年度) | |||||): the empty cells are no words
    # (only around the year line: 预算绩效管理情况 | ||| is a row of the form)
    text = re.sub(r"(?<=[表告书])[|｜]+(?=[(（](?:19|20)\d\d年(?:度)?[)）][|｜]*$)", "", text)
    text = re.sub(r"(?<=[(（](?:19|20)\d\d年度[)）])[|｜]+$", "", text)
    for _ in range(2):
        text = c["strip_prefix"].sub("", text)
        text = c["strip_suffix"].sub("", text)
    # a portal that sets its page heading and the document's own heading on one line prints the same words
    # twice (…办案业务费项目的绩效评价报告…办案业务费项目的绩效评价报告): one title
    if len(text) >= 16 and _printed_twice(text):
        text = text[: len(text) // 2]
    # (or the article's own heading, wrapped on its first words, run onto the page's: 中央财政已累计安排相关资金458亿元
    # 文化场馆更有温度 / 中央财政已累计安排相关资金458亿元 — the page's heading, once)
    return text[: _again_at(text)]


def _again_at(text: str) -> int:
    """Where ``text`` starts printing its own opening words again (8 characters or more, to its end), or its
    length when it doesn't."""
    for k in range(8, len(text) - 7):
        if text.startswith(text[k:]):
            return k
    return len(text)


def _printed_twice(text: str) -> bool:
    """Whether ``text`` is the same words twice in a row (a heading a portal or a sharing site prints twice)."""
    half = len(text) // 2
    return len(text) % 2 == 0 and text[:half] == text[half:]


def clean_title_span(ctx: Context, start: int, end: int) -> tuple[str, int, int] | None:
    """The title inside the document text ``[start, end)``: its printed words (no whitespace) and span."""
    page = _compiled()["page_number"].match(ctx.doc.text[start:end])
    if page is not None:
        start += page.end()  # (a page number before the title's words: the view runs them together)
    v = View.of(ctx.doc.text[start:end], start)
    key = clean_title(v.text)
    pos = v.text.find(key) if key else -1
    if pos >= 0:
        s, e = v.span(pos, pos + len(key))
    else:
        # the title's words across the empty cells of a flattened form (…自评表 | |||| / (2024年度))
        m = re.search(r"[\s|｜]*".join(map(re.escape, key)), v.text) if key and re.search("[|｜]", v.text) else None
        if m is None:
            return None
        s, e = v.span(m.start(), m.end())
    return re.sub(r"[\s|｜]+", "", ctx.doc.text[s:e]), s, e


# a numbered heading of the report's own (一、…, (二)…, 3.…): no title, nor a news headline
_NUMBERED_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.](?![0-9]))"
)


def _is_title(view_text: str) -> bool:
    if _NUMBERED_HEADING.match(view_text.lstrip("-•●▪ \t")):
        return False  # a numbered heading (a list's bullet before it too: • 一、绩效目标分解下达情况)
    key = clean_title(view_text)
    return (
        bool(key)
        and len(key) <= _spec()["title"]["max_chars"]
        and bool(_compiled()["title"].search(key))
        and not re.search(r"[。；;]", key)
        and not _compiled()["not_title"].search(key)
    )


def metadata_cell(lines: list[Line], i: int) -> bool:
    """Whether ``lines[i]`` is the title field of a page's metadata block: its label and value (名称: X,
    信息名称: X 主题分类: …, 标  题: X), or the value under a label left alone on its line (标题: / X). The
    field is the page's catalogue entry, not the document's heading (tests/devset/README.md, ruling 20)."""
    label = _spec()["title"]["metadata_label"]
    if re.match(label, lines[i].text):
        return True
    return i > 0 and re.fullmatch(label + r"[\s|｜]*", lines[i - 1].text) is not None


def _can_continue(line: Line, room: int | None = None) -> bool:
    """Whether ``line`` can be a title's first words over the lines under it: short (``room`` characters
    when given, else ``continuation_max_chars``), no sentence, date, numbered heading or report name."""
    if re.match(_spec()["title"]["metadata_label"], line.text):
        return False  # a metadata field's label and value (名称: …): no first words of the title under it
    key = clean_title(line.text)  # 附件3：… opens a title; its colon is no sentence
    if len(re.findall(r"[\u4e00-\u9fff]", key)) < 2:
        return False  # 0/200, a page counter: no words of a title
    if _TITLE_END.search(key):
        return False  # a line holding a report's name of its own opens no other title
    return (
        0 < len(key) <= (room if room is not None else _spec()["title"]["continuation_max_chars"])
        and not _PUNCT.search(key)
        and not _compiled()["not_title"].search(key)
        and not re.match(r"^[（(]?[一二三四五六七八九十0-9]{1,2}[、.）)]", key)
        and not _compiled()["date"].search(key)
    )


def title_candidates(ctx: Context, lines: list[Line]) -> list[Candidate]:
    half = len(ctx.doc.text) / 2
    head = [ln for ln in lines if ln.start <= half or ln in lines[: int(_spec()["title"]["first_lines"])]]
    out: list[Candidate] = []
    used: set[int] = set()
    for i, line in enumerate(head):
        if _annex_list_entry(head, i) or _ATTACHED_FILE.match(line.text):
            continue  # one entry of a list of attachments, not this document's title
        if metadata_cell(head, i):
            continue  # the page's catalogue entry (名称: …, 标题 / …): never the document's title (ruling 20)
        parts = [i]
        headline = ""  # a news item's headline in words of its own (ruling 17): the rule it was read by
        if not _is_title(line.text):
            # a title wrapped before its last words: this line and the next together
            if (
                i + 1 < len(head)
                and _can_continue(
                    line,
                    _spec()["title"]["max_chars"]
                    if _word_cut_at_wrap(line.text, clean_title(head[i + 1].text))
                    else None,
                )
                and _is_title(line.text + head[i + 1].text)
                and len(head[i + 1].text) <= 20
                # (a line of the report's words alone under it — 绩效自评报告 — is its last words too: alone it
                # names nothing)
                and (
                    not _is_title(head[i + 1].text)
                    or not _REPORT_WORDS.sub("", clean_title(head[i + 1].text))
                    # (nor is a line under it that opens mid-words, the title wrapped at the width: 广西城乡居民基本养老
                    # 保险补助资金 / 转移支付2022年度绩效自评报告)
                    or _wrapped_at_width(ctx, line, head[i + 1])
                )
                # (a numbered heading of the report is no title's last words: a chrome line wrapped onto its
                # own line above 一、绩效目标分解下达情况 — 恢复默认 — is no title's first words either)
                and not _NUMBERED_HEADING.match(head[i + 1].text.lstrip(" \t\u3000|｜"))
            ):
                parts = [i, i + 1]
            elif (
                i + 1 < len(head)
                and _is_title(re.sub(r"[\s|｜]+$", "", line.text))
                and _BRACKET_LINE.fullmatch(re.sub(r"[\s|｜]+", "", head[i + 1].text))
            ):
                pass  # a form's heading flattened with its empty cells, its year line under it (below)
            elif headline := _news_headline(head, i):
                pass
            else:
                continue
        # lines before it that continue it (a title set on two or three lines); a line
        # that is a whole title by itself (a place or programme before 报告) takes none
        j = parts[0]
        alone = clean_title("".join(head[k].text for k in parts))
        complete, so_far = _complete(alone), alone
        while (
            j > 0
            and (
                not complete
                or _TITLE_START.search(head[j - 1].text)
                or _place_over_placeless(head[j - 1], head[j])
                or _programme_over_years(head[j - 1].text, so_far)
                or _closes_what_above_opens(head[j - 1].text, so_far)
                or _wrapped_at_width(ctx, head[j - 1], head[j])
            )
            and parts[0] - j < 2
            # (over a line of the report's words alone — 绩效评价报告, …结果的通报 — the line above is the
            # title's start however long, within the title's length: a wrapped name that a reader rejoined)
            and _can_continue(
                head[j - 1],
                _spec()["title"]["max_chars"] - len(so_far)
                if not _REPORT_WORDS.sub("", so_far) or _word_cut_at_wrap(head[j - 1].text, so_far)
                else None,
            )
            and (j - 1) not in used
            and not _LABELLED_TITLE.match(head[j].text)
        ):
            if so_far.startswith("关于") and is_org_name(head[j - 1].text) and len(head[j - 1].text) <= 32:
                break  # the issuer's name above a 关于… title is its letterhead (发文机关标志), not its first words
            if complete and _opens_with_place(head[j].text) and is_org_name(fold(re.sub(r"\s+", "", head[j - 1].text))):
                break  # so is a body's name above a whole title that names its place first (澧县财政局 /
                # 澧县2022年度…绩效评价报告); above a title that opens with its year it is the title's first
                # words (XX县人民医院 / 2021年度部门整体支出绩效评价报告)
            if (
                complete
                and _YEAR.search(head[j - 1].text)
                and _YEAR.search(so_far)
                and not _RANGE_CUT.search(head[j - 1].text)
                and not _wrapped_at_width(ctx, head[j - 1], head[j])
            ):
                break  # a title names its year once: a line above with a year of its own is another's (2020年度部门
                # 整体支出 / 2021年度XX局 / 整体支出绩效自评报告), unless a range is cut there (关于2015年至 / 2017年…)
                # or the line is the title's first, wrapped at the width (its rest opens mid-words)
            joined = "".join(head[k].text for k in [j - 1, *parts])
            if not _is_title(joined) or len(clean_title(joined)) > _spec()["title"]["max_chars"]:
                break
            parts.insert(0, j - 1)
            j -= 1
            # a title made whole by the line joined takes no more lines above it (常熟河道长效管理项目 /
            # 常熟市2016年度河道长效管理项目 / 绩效评价自评报告: the page's file name is not its start)
            so_far = clean_title(joined)
            complete = _complete(so_far)
        # the line under it that is only a bracket — the year or the programme (…自评报告 /
        # (林业专项行动经费项目)) — is the title's last words
        k = parts[-1] + 1
        if (
            k < len(head)
            and (
                _BRACKET_LINE.fullmatch(re.sub(r"[\s|｜]+", "", head[k].text))
                or _YEAR_LINE.fullmatch(re.sub(r"[\s|｜]+", "", head[k].text))
            )
            and not _BRACKET_LINE.search(clean_title(head[parts[-1]].text))
        ):
            parts.append(k)
        elif _programme_line_under(head, parts):
            parts.append(k)
        year_cell = _year_cell_under(ctx, head, parts[-1]) if k == parts[-1] + 1 else None
        year_after_chrome = _year_line_after_chrome(head, parts[-1]) if k == parts[-1] + 1 else None
        if any(p in used for p in parts):
            continue
        used.update(parts)
        first, last = head[parts[0]], head[parts[-1]]
        raw = ctx.doc.text[first.start : last.end]
        found = clean_title_span(ctx, first.start, last.end)
        if found is None:
            continue
        printed, start, end = found
        start = _after_column_name(ctx, _after_cover_line(ctx, start, end), end)
        printed = re.sub(r"[\s|｜]+", "", ctx.doc.text[start:end]) if start != found[1] else printed
        if year_cell is not None:
            # the year line's first cell, the form's unit or filer beside it (( 2022年度)    金额单位:万元)
            used.add(parts[-1] + 1)
            printed += re.sub(r"\s+", "", ctx.doc.text[year_cell[0] : year_cell[1]])
            end = year_cell[1]
        elif year_after_chrome is not None:
            # the form's year line, the page's publication line printed between it and its heading
            # (区级部门预算项目支出绩效自评表 / 发布时间:… / ( 2019 年度)): the title's last words
            used.add(head.index(year_after_chrome))
            year = ctx.doc.text[year_after_chrome.start : year_after_chrome.end].rstrip(" \t|｜")
            printed += re.sub(r"[\s|｜]+", "", year)
            end = year_after_chrome.start + len(year)
        rank = (8 if _FILE_NAME.search(raw.strip()) else 10) - i / 100  # a file's name is weaker than a title line
        if headline:
            rank = 8.5 - i / 100  # a headline in words of its own: below a title inside a line (9)
        if not _NAMES_SOMETHING.search(fold(printed)):
            if re.search(_spec()["title"]["bare_heading"], printed):
                continue  # a section's or an indicator's name (绩效目标情况): no title, however early
            rank -= 0.5  # a title names a year, a place or a unit; a bare report name is a weak title
        if re.search(_spec()["title"]["final_accounts"], fold(printed)):
            rank = 7.5 - i / 100  # a final-accounts disclosure's heading: any evaluation's title it holds wins
        rule = "title_file_name" if _FILE_NAME.search(raw.strip()) else headline or "title_line"
        out.append(ctx.candidate_at("title", printed, start, end, rank, rule))
    if not out:
        out += _headline_run_into_lead(ctx, head)
    return out


_YEAR_CELL = re.compile(
    r"[ \t　|｜]*(?P<y>[(（]\s*(?:19|20)\d\d\s*年\s*度?\s*[)）]?|(?:19|20)\d\d\s*年\s*度?\s*[)）])"
    r"(?:[ 　]{2,}|[ 　]*[\t|｜])[ \t　|｜]*(?P<rest>\S.*)$"
)


def _year_cell_under(ctx: Context, head: list[Line], i: int) -> tuple[int, int] | None:
    """The year words of the line under the heading ``head[i]`` that names no year of its own, as a form
    prints them: its first cell, the next cells a form's note (( 2022年度)      金额单位:万元, (2022年度)\t
    填报单位:…). The document span of those words, or None. (A year without any bracket alone on its
    line is no year line: tests/test_generalisation_classes.py.)"""
    if i + 1 >= len(head) or _YEAR_NOTE.search(fold(head[i].text)) or _BRACKET_LINE.search(clean_title(head[i].text)):
        return None
    line = head[i + 1]
    raw = ctx.doc.text[line.start : line.end]
    m = _YEAR_CELL.match(raw)
    if m is not None and re.search(_spec()["title"]["year_cell_note"], m.group("rest")):
        return line.start + m.start("y"), line.start + m.end("y")
    return None


def _programme_line_under(head: list[Line], parts: list[int]) -> bool:
    """Whether the line under the title on lines ``parts`` of ``head`` is the programme its words leave
    out: the title names nothing of its own (项目支出绩效评价报告; a year line over it is something:
    2022年度 / 项目支出绩效自评表), the line names a project or a fund (海口市公安局指挥大厅升级改造建设
    项目), short and no sentence, no form's label (项目名称 XX: the form's first row) — a cover's two
    lines, the report's words first."""
    i = parts[-1]
    if i + 1 >= len(head) or _NAMES_SOMETHING.search(fold(clean_title("".join(head[k].text for k in parts)))):
        return False
    below = re.sub(r"\s+", "", head[i + 1].text)
    return (
        4 <= len(below) <= 40
        and not _FORM_LABEL.match(below)
        and not _PUNCT.search(below)
        and re.search(_spec()["program"]["noun_end"], below) is not None
        and not _TITLE_END.search(below)
        # (a line that opens a title of its own, its report words on the next line — 吉首市XX办事处部门整体支出 /
        # 绩效评价报告 under a site's generic 部门整体支出绩效评价报告 — is that title's start, no programme)
        and not (i + 2 < len(head) and _is_title(below + head[i + 2].text))
    )


_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"), ("〈", "〉"), ("【", "】"))


def _closes_what_above_opens(above: str, title: str) -> bool:
    """Whether ``title`` closes a mark it never opened (…暂行办法》的通知, …部分）绩效评价报告) that the line
    ``above`` opens and leaves open (关于印发《中小河流治理…, …补助资金（农村公路…): a name in title marks
    or brackets wrapped inside its marks, so the line above is the title's first words."""
    for o, c in _PAIRS:
        at = title.find(c)
        if at >= 0 and o not in title[:at] and above.rfind(o) > above.rfind(c):
            return True
    return False


def _word_cut_at_wrap(above: str, below: str) -> bool:
    """Whether the break between the line ``above`` and the title words ``below`` cuts one of a report
    name's words (…省级交通专项资金(普通公路水路建设)绩⏎效自评报告): a hard wrap at the width, so the line above
    is the title's start however long it is, as over a line of the report's words alone."""
    head = clean_title(above)
    if not head or not below:
        return False
    m = _REPORT_WORDS.search(head + below)
    return m is not None and m.start() < len(head) and head[-1] + below[0] in _spec()["title"]["report_name_words"]


def _programme_over_years(above: str, title: str) -> bool:
    """Whether ``above`` is a programme's name over a title that names nothing but its years and the
    report's words (中央集中彩票公益金转移支付(福彩圆梦•孤儿助学工程项目) / 2019年-2020年度绩效自评报告): the title
    set on two lines, its programme first.  Over a title naming a place or programme of its own (常熟河道长效管理项目 /
    常熟市2016年度河道长效管理项目绩效评价自评报告) the line above is something else (the page's file name)."""
    rest = re.sub(r"(?:19|20)\d\d\s*年?(?:度)?\s*[-—－~～至到、]?", "", _REPORT_WORDS.sub("", title))
    return not rest and _PROGRAMME_END.search(clean_title(above)) is not None


def _wrapped_at_width(ctx: Context, above: Line, line: Line) -> bool:
    """Whether ``above`` is the first line of a title hard-wrapped at the page's width, ``line`` its rest
    however much that names (安徽省宁国市省级非物质文化遗产保 / 护资金转移支付2023年度绩效自评报告): the two
    lines run on with no blank line between, the first at least as long as the rest (a full line over
    the remainder), and the rest opens in the middle of the title's words — not with a place, a year,
    关于, an annex label or a bracket, where a title starts. Not a body's name (a letterhead over the
    title), the page's chrome or a title of its own (the lines above a title that aren't its words)."""
    top = clean_title(above.text)
    rest = fold(clean_title(line.text))
    spec = _spec()["title"]
    return (
        ctx.doc.text.count("\n", above.end, line.start) <= 1
        and 6 <= len(top) <= spec["continuation_max_chars"]
        and len(top) >= len(rest) - 2
        and not _opens_with_place(rest)
        and not re.match(r"(?:19|20)\d\d|关于|附件|附表|[(（《“\"]", rest)
        and not is_org_name(fold(top))
        and not _is_title(above.text)
        and not re.search(spec["page_chrome"] + "|" + spec["breadcrumb"] + "|" + spec["news_metadata"], above.text)
    )


def _complete(title: str) -> bool:
    """Whether ``title`` names enough before its report words to stand alone (a place, a year or a
    programme: 8 characters or more), or is long, or opens with 关于."""
    return len(_REPORT_WORDS.sub("", title)) >= 8 or len(title) >= 24 or title.startswith("关于")


def _year_line_after_chrome(head: list[Line], i: int) -> Line | None:
    """The year line (( 2019 年度)) under the heading ``head[i]`` past one or two lines of the page's
    chrome (发布时间, 来源, 字号): a form's heading that a web page set above its publication line, the
    form's year line under that line. None when the heading has its year or no such line follows."""
    if _BRACKET_LINE.search(clean_title(head[i].text)) or _YEAR_NOTE.search(fold(head[i].text)):
        return None
    chrome = re.compile(_spec()["title"]["page_chrome"])
    for k in range(i + 1, min(i + 4, len(head))):
        line = re.sub(r"[\s|｜]+", "", head[k].text)
        if _YEAR_LINE.fullmatch(line) and re.match(r"[(（]", line) and k > i + 1:
            return head[k]
        if not chrome.search(head[k].text):
            return None
    return None


def _news_headline(head: list[Line], i: int) -> str:
    """The rule by which ``head[i]`` is a news item's own headline, or "" when it is none: ``title_news``
    for a headline about an evaluation (ruling 17), ``title_news_money`` for one that reports a programme's
    money or works instead (``news_headline_money``: it says nothing of the evaluation's kind). A short line
    without a sentence's punctuation that names an evaluation, set apart by the page as its headline —
    its metadata block (发布时间, 来源, 点击: ``news_metadata``) on one of the two lines under it, or its
    breadcrumb (您当前的位置, 首页 > … > 正文) on one of the two lines over it."""
    spec = _spec()["title"]
    key = clean_title(head[i].text)
    under = any(re.search(spec["news_metadata"], fold(ln.text)) for ln in head[i + 1 : i + 3])
    # (or the news item's lead right under it: 2021年…绩效评价评定等次为优 / 自2022年3月份起,根据…)
    under = under or (i + 1 < len(head) and re.match(_news_lead(), head[i + 1].text) is not None)
    # (or it opens the document, a paragraph of prose right under it: a news item copied without the
    # page's chrome — 周宁县获评…绩效综合评价第一名 / 根据财政部日前公布的…,…)
    under = under or (i == 0 and i + 1 < len(head) and is_prose_paragraph(head[i + 1].text))
    over = any(re.search(spec["breadcrumb"], fold(ln.text)) for ln in head[max(0, i - 2) : i])
    # (framed by the page on both sides, a headline may name the evaluation's work in other words)
    names = spec["news_headline_framed"] if under and over else spec["news_headline"]
    # (with the page's metadata right under it, a headline may report the programme's money or works instead)
    under_meta = any(re.search(spec["news_metadata"], fold(ln.text)) for ln in head[i + 1 : i + 3])
    # (or the item prints its headline again right under it or run onto it — the article's own heading under the
    # page's: 中央财政已累计安排相关资金458亿元 文化场馆更有温度 / 中央财政已累计安排相关资金458亿元 / 免费开放 文化场馆更有温度)
    twice = _again_at(re.sub(r"\s+", "", head[i].text)) < len(re.sub(r"\s+", "", head[i].text)) or (
        i + 1 < len(head) and _headline_printed_again(key, head[i + 1].text)
    )
    under = under or twice
    if (under_meta and not over) or twice:
        names = names + "|" + spec["news_headline_money"]
    # (under the page's breadcrumb a headline may open with who speaks and a colon: 湖南专员办:“四个注重”…)
    said = re.sub(spec["news_headline_speaker"], "", key) if over else key
    if (
        not key
        or len(key) > spec["news_headline_max_chars"]
        or _PUNCT.search(said)
        or not re.search(names, key)
        or _compiled()["not_title"].search(key)
        or re.search(spec["page_chrome"], head[i].text)
        or re.search(spec["breadcrumb"], head[i].text)
        or re.search(spec["collection_mark"], key)  # an essay site's heading (ruling 10)
        or _LABELLED_TITLE.match(head[i].text)  # a 标题: field of the page's metadata (ruling 17)
        or _NUMBERED_HEADING.match(head[i].text.lstrip())
    ):
        return ""  # (and a numbered heading of the report's own)
    if not (under or over):
        return ""
    # (read only through its money or works, the headline names no evaluation: metadata takes no kind from it)
    return "title_news" if re.search(spec["news_headline_framed"], fold(key)) else "title_news_money"


def _headline_printed_again(key: str, below: str) -> bool:
    """Whether the line ``below`` a headline ``key`` prints its opening words again (8 characters or more) — the
    article's own heading under the page's: the page sets the line apart as its headline."""
    line = re.sub(r"\s+", "", fold(below))
    head = fold(key)
    n = min(len(head), len(line))
    return n >= 8 and head[:n] == line[:n]


def _headline_run_into_lead(ctx: Context, head: list[Line]) -> list[Candidate]:
    """A news item's headline printed on one line with its first paragraph, a space between them (兰考县…
    绩效评价良好 按照…,通过…): the words before the space, when they are a headline about an evaluation
    (``news_headline``, no sentence's punctuation) and the words after it a paragraph of prose. Only in the
    item's first lines; ranked as a headline the page sets apart (8.5)."""
    spec = _spec()["title"]
    out: list[Candidate] = []
    for i, line in enumerate(head[: int(spec["headline_lead_lines"])]):
        raw = ctx.doc.text[line.start : line.end]
        m = re.match(r"\s*(?P<h>\S{6,})[ \t\u3000]+(?P<rest>\S.*)$", raw)
        if m is None or not is_prose_paragraph(m.group("rest")):
            continue
        if re.search(r"[0-9０-９]$", m.group("h")) or re.match(r"[0-9０-９]", m.group("rest")):
            continue  # a space a converter put between CJK and a digit (森林防火 4 个项目) parts no headline
        # (matched in simplified characters: a mirror's traditional copy reads as the original)
        key = fold(clean_title(m.group("h")))
        if (
            not key
            or len(key) > spec["news_headline_max_chars"]
            or _PUNCT.search(key)
            or not re.search(spec["news_headline"], key)
            or _compiled()["not_title"].search(key)
            or re.search(spec["page_chrome"], m.group("h"))
            or _NUMBERED_HEADING.match(key)
        ):
            continue
        found = clean_title_span(ctx, line.start + m.start("h"), line.start + m.end("h"))
        if found is not None:
            out.append(ctx.candidate_at("title", found[0], found[1], found[2], 8.5 - i / 100, "title_news"))
        break
    return out


@lru_cache(maxsize=1)
def _news_lead() -> re.Pattern[str]:
    """A news item's lead (8月2日-6日,…, 近日,…): the text reader's pattern, which ends a headline's line."""
    return re.compile(patterns.load("converter_artefacts.yaml")["news_lead"])


_YEAR_NOTE = re.compile(r"(?:19|20)\d\d年")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_CUT = re.compile(r"(?:19|20)\d\d年?度?\s*(?:至|到|-|—|－|~|～|、|和)\s*$")


def _after_cover_line(ctx: Context, start: int, end: int) -> int:
    """Where the title ``[start, end)`` starts once a cover's programme line run into it is left out:
    a cover prints the programme with its place, unit and year on a line of its own (黄果树镇人民政府
    2023年村干部报酬项目) over a title that names it again (村干部报酬项目 / 绩效评价报告), and a reader that
    rejoins wrapped lines runs the two together. The programme's name twice in a row, the second
    copy followed by the report's words, marks where the title starts; ``start`` when it is not so."""
    v = View.of(ctx.doc.text[start:end], start)
    m = re.search(r"(?P<w>[^\d\s]{4,30}?)(?P=w)", v.text)
    if m is None or m.start() == 0 or not ends_like_a_programme(m.group("w")):
        return start
    rest = v.text[m.end() :]
    if not _REPORT_WORDS.fullmatch(rest) and not _REPORT_WORDS.fullmatch(re.sub(r"^绩效", "", rest)):
        return start
    return v.span(m.start() + len(m.group("w")), len(v.text))[0]


def _after_column_name(ctx: Context, start: int, end: int) -> int:
    """Where the title ``[start, end)`` starts once the site's column name printed before it on its line
    is left out (预算绩效管理 澧县2022年度…报告, 信息公开 澧县…报告): a short word apart by a space, no number,
    place, organisation or programme's noun in it, before words that are a whole title by themselves and
    open with a place or 关于. A unit's name before the year (澧县人民医院 2021年度…) and a programme's words
    (耕地地力保护项目 2022年度…) are the title's."""
    raw = ctx.doc.text[start:end]
    m = re.match(r"(\S{2,10})[ \t　]+(?=\S)", raw)
    if m is None:
        return start
    column, rest = fold(m.group(1)), fold(re.sub(r"\s+", "", raw[m.end() :]))
    if (
        re.search(r"[0-9０-９]", column)
        or is_org_name(column)
        or _opens_with_place(column)
        or _TITLE_END.search(column)
        or not (_is_title(rest) and _complete(clean_title(rest)))
        or ends_like_a_programme(column)
        or not (_opens_with_place(rest) or rest.startswith("关于"))
    ):
        return start
    return start + m.end()


def _opens_with_place(text: str) -> bool:
    """Whether ``text`` (a line, whitespace aside) begins with a division's name (天津市…, 宿州市埇桥区…)."""
    key = fold(re.sub(r"\s+", "", text))
    return any(s == 0 for s, _e, _n in divisions().find(key[:12]))


def _place_over_placeless(above: Line, line: Line) -> bool:
    """Whether ``above`` is the first part of a title set on two lines whose second part, ``line``, is a
    whole title by its words but opens with neither a place nor a year (天津市东丽湖新建光辉路(…) /
    工程项目2020年度绩效自评报告): a title names its place first, so the line that does is its start.
    Not an organisation's name alone (a letterhead over the title) nor a sentence."""
    below = fold(re.sub(r"\s+", "", line.text))
    return (
        _opens_with_place(above.text)
        and not _opens_with_place(below)
        and not re.match(r"(?:19|20)\d\d|关于|附件|[(（]", below)
        and not is_org_name(fold(re.sub(r"\s+", "", above.text)))
        and not _TITLE_END.search(fold(above.text))
    )


# A year, or a period of years (2020-2022年度), as a title's bracket or year line prints it.
# (a budget year as a form prints it: (2020预算年度), as the dates' year line reads it)
_PERIOD = r"(?:(?:19|20)\d\d(?:年度?)?(?:至|到|-|—|－|~|～))?(?:19|20)\d\d(?:预算)?年(?:度)?"
_BRACKET_LINE = re.compile(r"[(（](?:" + _PERIOD + r"|[^()（）]{2,30}?(?:资金|项目|经费|工程|补助|补贴|专项))[)）]$")
# A year line that lost one of its brackets on the way to text (项目支出绩效自评表 / 2019年度)).
_YEAR_LINE = re.compile(r"[(（]?" + _PERIOD + r"[)）]|[(（]" + _PERIOD)
_NAMES_SOMETHING = re.compile(
    r"(?:19|20)\d\d|[省市县区州盟旗镇乡]|(?:局|厅|委|院|中心|学校|政府)|.{4,}(?:项目|资金|经费|工程)"
)
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|wps)[》」)）]?$", re.I)
_ANNEX = re.compile(r"^(?:附件|附表)\s*(?P<n>[0-9一二三四五六七八九十]{1,3})")
# a page's link to the one file it attaches (附件:广东省财政厅关于…的通知.pdf): another document's name
_ATTACHED_FILE = re.compile(r"^\s*(?:附件|附表)\s*[：:]\s*\S.*\.(?:pdf|docx?|xlsx?|wps)[》」)）]?\s*$", re.I)


# a letter's list of its attachments under one label, numbered (附件:1.XX安排表 / 2.XX绩效目标表)
_ANNEX_LIST_HEAD = re.compile(r"^\s*(?:附件|附表)\s*[:：]\s*1\s*[.、．]")
_LIST_ITEM = re.compile(r"^\s*(?P<n>[1-9][0-9]?)\s*[.、．]")


def _annex_list_entry(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is one of several lines naming different attachments (附件1… 附件2…, or 附件:1.…
    over 2.…, each entry a line of its own — a reader that keeps a letter's lines apart gives the list's
    second entry as a line that reads like a title: 2.2022年…绩效目标表; the first, on the label's line, is
    left to the title rules, as a reader that runs the list together gives it)."""
    return _annex_list_entry_of([ln.text for ln in lines[max(0, i - 10) : i + 2]], min(i, 10))


def _ten_lines_to(text: str, line_start: int) -> tuple[list[str], int]:
    """The texts of the line starting at ``line_start`` and of up to nine lines above it, and its index among them."""
    line_end = text.find("\n", line_start)
    above = text[: line_end if line_end >= 0 else len(text)].split("\n")[-10:]
    return above, len(above) - 1


def _annex_list_entry_of(texts: list[str], i: int) -> bool:
    """:func:`_annex_list_entry` on the lines' texts."""
    item = _LIST_ITEM.match(texts[i])
    if item is not None and int(item.group("n")) >= 2:
        n = int(item.group("n"))
        for k in range(i - 1, max(-1, i - 10), -1):
            n -= 1
            if n == 1:
                return bool(_ANNEX_LIST_HEAD.match(texts[k]))
            above = _LIST_ITEM.match(texts[k])
            if above is None or int(above.group("n")) != n:
                return False
    m = _ANNEX.match(texts[i])
    if not m:
        return False
    for k in (i - 1, i + 1):
        other = _ANNEX.match(texts[k]) if 0 <= k < len(texts) else None
        if other and other.group("n") != m.group("n"):
            return True
    return False


_TITLE_END = re.compile(
    r"(?:报告书|报告|自评表|评价表|结果表|目标表|情况表)(?:[(（](?:" + _PERIOD + r""
    r"|[^()（）\n]{2,30}?(?:资金|项目|经费|工程|补助|补贴|专项))[)）])?"
    r"|(?:支出)?绩效(?:自评|评价)(?=委托单位|预算单位|评价机构|报告单位|项目单位)"
)
_TITLE_AFTER = re.compile(
    r"(?:$|[\n\t.。，,：:;；》」)）(（【]|[一二三四五六七八九十]{1,2}、|[0-9]{1,2}[、.]|附件"
    # a form's first label glued after it (…自评报告部门(单位)名称XX局); a page's tags glued after it
    # (…评价报告【字体：大 中 小】)
    r"|(?:部门|单位|预算单位)[(（]?(?:单位)?[)）]?(?:名称|全称)|项目名称|主管部门|实施单位|填报单位|委托单位|评价机构)"
)
# The words that end any title (…项目支出绩效自评报告): what is left names the report.
_REPORT_WORDS = re.compile(
    r"(?:项目支出|项目|支出)?(?:整体)?(?:绩效)?(?:目标)?(?:自评|评价|考评|自评价)?(?:工作)?(?:情况)?"
    r"(?:报告书|报告|自评表|评价表|表|结果|说明|总结|(?:结果|情况)?的?(?:通报|公示|公告|通知))"
    r"(?:[(（](?:19|20)\d\d年(?:度)?[)）])?$"
)
# A line that can open a title: it names a year or an organisation.
# a page's metadata field that holds the title (标题: …): the line above it is none of its words
_LABELLED_TITLE = re.compile(r"\s*(?:标\s*题|题\s*名)\s*[:：]")
# (or a line that ends in 关于, a title's opening words, the rest of it under them: 澧县财政局关于 / 2022年度…)
_TITLE_START = re.compile(r"(?:19|20)\d\d年|(?:局|厅|委|院|中心|政府|办公室|公司|关于(?:对|印发)?)$")
# A programme's name closing with its fund or project word (…转移支付(福彩圆梦•孤儿助学工程项目)): over a title that
# names only its years (2019年-2020年度绩效自评报告), its first words (titles._programme_over_years)
_PROGRAMME_END = re.compile(r"(?:资金|项目|工程|经费|转移支付)(?:[(（][^()（）]{2,30}(?:资金|项目|工程|经费)[)）])?$")
_FORM_LABEL = re.compile(
    # (a form's label may carry the budget level it is filed at: 区级预算单位名称, 市级主管部门)
    r"(?:(?:省|自治区|市|州|盟|区|县|旗)级)?"
    r"(?:项目名称|主管部门|实施单位|单位名称|部门名称|预算单位|填报单位|评价年度|委托单位|评价机构|报告单位)"
)
_TITLE_BOUNDARY = "\n\t。，,；;:：>》《、|_【】[]"
_CLOSING = ")）]】》〉」』”’>"


def inline_title_candidates(ctx: Context, limit: int = 3000) -> list[Candidate]:
    """Titles inside longer lines (forms flattened to one line, pages whose lines were run together).

    A title ends with 报告/自评表/… followed by a boundary (a line end, a bracket, a
    numbered heading) and starts after the nearest boundary before it: punctuation,
    or a space the original put between two words (not one between digits and 年).
    """
    v = ctx.view
    text = v.text[:limit]
    doc_text = ctx.doc.text
    out: list[Candidate] = []
    annexes = set(re.findall(r"附件\s*([0-9]{1,2})\s*[:：、.]", text))
    for m in _TITLE_END.finditer(text):
        spaced_after = (
            m.end() < len(text)
            and doc_text[v.ends[m.end() - 1] : v.starts[m.end()]].strip() == ""
            and v.starts[m.end()] > v.ends[m.end() - 1]
            and not text[m.end()].isdigit()
        )  # 报告 1 根据: a converter's space
        spec = _spec()["title"]
        glued_note = re.match(spec["glued_form_note"], text[m.end() :]) is not None
        glued_clause = re.match(spec["glued_clause"], text[m.end() :]) is not None
        if not (
            _TITLE_AFTER.match(text, m.end())
            or spaced_after
            or _FORM_LABEL.match(text, m.end())
            or glued_note
            or glued_clause
        ):
            continue
        start = m.start()
        while start > 0 and m.end() - start < 70:
            prev = text[start - 1]
            if prev in _TITLE_BOUNDARY or re.search(
                r"\.(?:pdf|docx?|xlsx?|wps)$", text[max(0, start - 5) : start], re.I
            ):
                break
            if ctx.wide_gap(v.ends[start - 1], v.starts[start]) and not (
                text[start - 1].isdigit() or text[start].isdigit()
            ):
                break  # a wide space between two words: a cell boundary of a flattened form (one
                # space is often a wrapped line run together: 绩效评价 报告)
            start -= 1
        if text[m.end() : m.end() + 1] == "。":
            continue  # a sentence that ends with the words (设立…区域绩效目标表。), no title
        if _cited_in_a_sentence(text, start, m.end()):
            continue  # 近日,…厅发布《2022年…绩效自评报告》: another document's title, quoted
        dates = list(_compiled()["date"].finditer(text, start, m.start()))
        if dates:
            start = dates[-1].end()  # a title never holds a date: it starts after one run into it
        if len(annexes) >= 2 and re.search(r"附件\s*[0-9]{1,2}\s*[:：、.]?$", text[max(0, start - 6) : start]):
            continue  # one entry of a list of attachments
        line_start = text.rfind("\n", 0, start) + 1
        if start - line_start <= 4 and _annex_list_entry_of(*_ten_lines_to(text, line_start)):
            continue  # 附件:1.…安排表 / 2.…绩效目标表: the list's second entry, on a line of its own
        label = re.match(spec["metadata_label"], text[line_start : start + 1])
        if label is not None and label.end() >= start - line_start:
            continue  # the value of the page's 名称: / 标题: field (ruling 20), not a heading the document prints
        if re.search(r"(?:^|[\n。；;])\s*[一二三四五六七八九十]{1,3}、\s*$", text[max(0, start - 8) : start]):
            continue  # a numbered part of the document (十四、部门预算项目支出绩效自评表): a heading inside it
        if _compiled()["caption"].search(clean_title(text[line_start : m.end()])):
            continue  # its line is a table's caption (表 2：绩效评价得分情况表)
        if _printed_twice(text[start : m.end()]):
            start += (m.end() - start) // 2  # a heading printed twice in a row (a sharing site's copy): once
        title = clean_title(text[start : m.end()])
        if not _is_title(title) or len(title) < 6 or not re.search("绩效|评价|自评|考评", title):
            continue
        if re.search(spec["cites"], title):
            continue  # a sentence citing another document by its name (…主要根据部门项目支出自评报告（表），…)
        if title[0] in _CLOSING:
            continue  # the boundary fell inside the title's own brackets (…治安防控<三期>)项目…报告): a title
            # opens with no closing mark, so these are a title's last words, not a title
        if text[start - 1 : start] in ("，", ",") and not _NAMES_SOMETHING.search(title):
            continue  # a clause after a comma that names no year, place, unit or programme (…资料,最终形成
            # 评价报告,现将…): a sentence's words, not a title run into the line
        if (
            glued_clause
            and not (glued_note or _TITLE_AFTER.match(text, m.end()) or spaced_after)
            and not _opens_a_line_naming_something(text, start, title)
        ):
            continue  # the words before a clause are a title only where they open the line and name a report
        # (a file's name may carry a copy number before its extension: 自评表(4).docx)
        file_name = re.match(r"(?:[(（]\d{1,2}[)）])?\.(?:pdf|docx?|xlsx?|wps)", text[m.end() : m.end() + 9], re.I)
        found = clean_title_span(ctx, v.starts[start], v.ends[m.end() - 1])
        if found is None:
            continue
        printed, s, e = found
        rank, rule = (8.0, "title_file_name") if file_name else (9.0, "title_inline")
        out.append(ctx.candidate_at("title", printed, s, e, rank - m.start() / 1e5, rule))
    return out


def annexed_to_a_letter(ctx: Context, title: Candidate) -> bool:
    """Whether the title ``title`` is the heading of an annex to a letter that passes money down to its
    addressee (现将2022年XX资金397万元下达你单位, …下达给你们): the letter's text before it, then an annex
    label (附件 / 附件：1.…) between the letter's words and the heading. The annexed table (…区域绩效目标表,
    …资金分配表) is another document than the letter, whose own heading is its title."""
    text = ctx.view.text
    at = ctx.view.index(title.start)
    letter = re.search(_spec()["title"]["letter_allocation"], text[:at])
    return (
        letter is not None and re.search(r"附件|附表", text[letter.end() : at]) is not None
    ) or _after_signed_letter(ctx, title)


# an annex's label alone on its line (附件 / 附件2 / 附件1:)
_ANNEX_LABEL_LINE = re.compile(r"(?:附件|附表)[0-9一二三四五六七八九十]{0,3}[:：]?")


def _after_signed_letter(ctx: Context, title: Candidate) -> bool:
    """Whether ``title`` stands after a letter that has ended — its signing unit over its date, each a line of
    its own (安溪县水利局 / 2023年3月20日) — and an annex label under that (附件2 / 2022年…绩效目标表): the
    attached table's or rules' caption, not the heading of the letter (whose page may print none: it opens
    with its addressees, 西坪镇、…人民政府:)."""
    c = _compiled()
    lines = [ln for ln in ctx.lines if ln.start < title.start]
    for k in range(1, len(lines)):
        # (a signing date names its day: a cover's 2023年5月 under its firm is no letter's end)
        date = c["date"].fullmatch(lines[k].text.strip()) or c["cn_date"].fullmatch(lines[k].text.strip())
        if date and (date.group("d") or date.groupdict().get("d2")) and is_org_name(lines[k - 1].text):
            return any(_ANNEX_LABEL_LINE.fullmatch(ln.text.strip()) for ln in lines[k + 1 :])
    return False


def _opens_a_line_naming_something(text: str, start: int, title: str) -> bool:
    """Whether the title ``title`` found at ``text[start:]`` opens its line (nothing but spaces or cell
    bars before it) and names what its report is of (a year, a place, a unit or a programme, and enough
    words before its report words): a page run together glues the body's first sentence to it (…评价报告
    根据《…》要求, …自评报告我局按照…), where a sentence's own 本次绩效评价报告为… names nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        text[line_start:start].strip(" \t\u3000|｜") == ""
        and _NAMES_SOMETHING.search(title) is not None
        and _complete(title)
        and "了" not in title  # (县财政局发布了…报告根据报告: a sentence's words)
    )


def labelled_title_candidates(ctx: Context, lines: list[Line]) -> list[Candidate]:
    """The document's title that the page's metadata names (名  称: X, 标  题: X) and the page then prints
    as a line of its own, whatever its last words (…项目资金使用情况): two statements that it is the
    heading. Ranked below a title line (10) that says it is a report, over a title inside a line (9)."""
    t = _spec()["title"]
    out: list[Candidate] = []
    # (a web page's metadata set in a table, one cell a row — 名称: X over 时效性: 有效 — reads as its lines)
    head = sorted([*lines, *one_cell_rows(ctx)], key=lambda ln: ln.start)[: int(t["first_lines"])]
    for i, line in enumerate(head):
        m = re.match(t["metadata_label"], line.text)
        if m is None:
            continue
        value, first = line.text[m.end() :], i + 1
        if not value.strip(" \t　|｜") and i + 1 < len(head):
            value, first = head[i + 1].text, i + 2  # (the label alone on its line, its value on the next: 标题: / X)
        key = re.sub(r"[\s|｜]+", "", value)
        if len(key) < 6 or re.search(r"[。；;]", key):
            continue
        for own in head[first:]:
            printed = re.sub(r"[\s|｜]+", "", own.text)
            # (the next field's label may run into the value: 名称:…资金使用情况词: — 主题词 cut short;
            # 信息名称: X 主题分类: 财政信息)
            if len(printed) >= 6 and (
                key == printed or re.fullmatch(re.escape(printed) + t["metadata_next_field"], key)
            ):
                found = clean_title_span(ctx, own.start, own.end)
                if found is not None:
                    out.append(ctx.candidate_at("title", found[0], found[1], found[2], 9.6, "title_labelled"))
                break
        break
    return out


def one_cell_rows(ctx: Context) -> list[Line]:
    """The rows of the document's tables that hold words in one cell only (a web page's metadata block
    or a heading set in a table, its other cells empty), as lines: the same words as a line of text
    in another rendering of the page."""
    out: list[Line] = []
    for bi, b in enumerate(ctx.doc.blocks):
        if b.kind != "table":
            continue
        for row in b.cells():
            filled = [(s, e) for s, e, text in row if text.strip()]
            if len(filled) != 1:
                continue
            s, e = filled[0]
            v = View.of(ctx.doc.text[s:e], s)
            if v.text:
                vs, ve = v.span(0, len(v.text))
                out.append(Line(v.text, vs, ve, v, bi))
    return out


def _cited_in_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in title marks (《…》) that a sentence's words lead into on
    the same line (…发布《2022年省级城市建设专项资金绩效自评报告》。): a citation, not a heading."""
    if text[start - 1 : start] != "《" or text[end : end + 1] != "》":
        return False
    line_start = text.rfind("\n", 0, start - 1) + 1
    return len(re.findall(r"[\u4e00-\u9fff]", text[line_start : start - 1])) >= 2


def collection_sample_start(ctx: Context) -> int | None:
    """Where the first sample's text starts on an essay-collection page, or None on any other page.

    Such a site (范文, 精选N篇, 小编为大家整理的…) prints a collection heading, then each sample under
    that heading with a number (…报告1, …报告 篇1); neither is a document's title (tests/devset/README.md,
    ruling 10). A page is one when its opening holds a collection mark and such a label whose heading
    words the page printed before it, or — no mark — the heading twice in a row, the second time with
    the number; everything before the end of that label is the site's. A page with the mark that shows one
    sample, unnumbered, has its site's intro sentence (小编为大家整理的…，供大家参考。) end the site's text.
    """
    t = _spec()["title"]
    text = ctx.view.text[: int(t["collection_scan_chars"])]
    if not re.search(t["collection_mark"], text):
        repeat = re.search(t["collection_repeat"], text)
        return ctx.view.ends[repeat.end() - 1] if repeat else None
    width = int(t["collection_heading_chars"])
    for m in re.finditer(t["collection_label"], text):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("\t", 0, m.start())) + 1
        heading = text[max(line_start, m.end("word") - width) : m.end("word")]
        before = text.find(heading, 0, m.end("word") - len(heading))
        if len(heading) >= 6 and before >= 0:
            return ctx.view.ends[m.end() - 1]
    intro = re.search(t["collection_intro"], text)
    return ctx.view.ends[intro.end() - 1] if intro else None


def doc_site_title_candidates(ctx: Context, limit: int = 4000) -> list[Candidate]:
    """The document's own title on a document site's copy.

    Such a page names the file (《XX.docx》由会员分享，…请在XX上搜索。) and then prints the document's text
    in numbered chunks (1、2、…) with its lines run together: the first chunk opens with the document's
    own title, glued to what follows it (…自评表主管部门…, …评价报告根据…). That title, as the document
    prints it, ranks over the file's name (the uploader's, 8) and over a title found inside a line (9).
    """
    v = ctx.view
    text = v.text[:limit]
    m = re.search(_spec()["title"]["doc_site_text"], text)
    if not m:
        return []
    end = _TITLE_END.search(text, m.end(), m.end() + _spec()["title"]["doc_site_max_chars"])
    if not end:
        return []
    title = clean_title(text[m.end() : end.end()])
    if not _is_title(title) or not re.search("绩效|评价|自评|考评", title):
        return []
    found = clean_title_span(ctx, v.starts[m.end()], v.ends[end.end() - 1])
    if found is None:
        return []
    printed, s, e = found
    return [ctx.candidate_at("title", printed, s, e, 9.5, "title_doc_site")]


__all__ = [
    "Line",
    "text_lines",
    "clean_title",
    "clean_title_span",
    "title_candidates",
    "inline_title_candidates",
    "labelled_title_candidates",
    "doc_site_title_candidates",
    "annexed_to_a_letter",
    "collection_sample_start",
]
