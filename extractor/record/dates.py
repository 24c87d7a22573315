"""The years evaluated and the date the report was issued.

Years: the title's (a notice's title names the year of the work and ranks below the
body's evaluation phrase), a year note under the title, a form's 年度 or 项目名称,
evaluation phrases in the body, and — weakest — a year the opening ties to the funds
twice.  Citations, document numbers and dates with a month are no evaluated year.

Report date: a form's 报告日期 (10) over a signing date at the end (8) over a
notice's 印发 line (7.5) over a date alone on a cover line (6); written with 年/月 or
in Chinese numerals — a web page's ISO date is never one.
"""

from __future__ import annotations

import re
from functools import lru_cache


from ..cjk import chinese_number
from .candidates import Candidate
from .context import Context, Line
from .forms import Pair
from .orgs import is_org_name, line_around
from .phrases import _compiled, _spec
from .view import View


# (a zero may be typed as a letter O or a digit 0: 二0二二年度)
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {c: "0" for c in "零○Ｏ0０"}
_CN_YEAR = re.compile(r"[一二][〇○零Ｏ0０一二三四五六七八九]{3}(?=年)")
# what joins the two years of a period (2020年至2022年, 2013-2019年度)
_TO = r"(?:至|到|-|—|－|~|～)"
# a year note in brackets: (2024年度), （2023 预算年度）, or a period's (2020-2022年度): group y is its
# (last) year, group a a period's first (the brackets may be square or lenticular: 【2023年度】, 〔2023年度〕 — a
# document number's 〔2024〕 holds no 年)
_YEAR_NOTE = (
    r"[(（【〔［\[]\s*(?:(?P<a>(?:19|20)\d\d)\s*(?:年度?)?\s*" + _TO + r"\s*)?"
    r"(?P<y>(?:19|20)\d\d)\s*(?:预算)?年(?:度)?\s*[)）】〕］\]]"
)


# the same year line without its brackets, alone on a line under a form's title (项目支出绩效自评表 / 2023年度):
# 年度 required (a bare 2023年 line may be a date's)
_YEAR_LINE = r"(?:(?P<a>(?:19|20)\d\d)\s*(?:年度?)?\s*" + _TO + r"\s*)?(?P<y>(?:19|20)\d\d)\s*(?:预算)?年度"


def _period(a: int, b: int) -> list[int] | None:
    """Every year from ``a`` to ``b``, or None when that is no period of an evaluation (backwards, or over ten
    years: a slip or two unrelated years)."""
    return list(range(a, b + 1)) if a <= b <= a + 10 else None


def _note_years(m: re.Match[str]) -> list[int]:
    """The years a year note names (:data:`_YEAR_NOTE`): its year, or every year of its period."""
    y = int(m.group("y"))
    a = int(m.group("a")) if m.group("a") else y
    return _period(a, y) or [y]


def _plan_years(plan: str) -> list[int]:
    """The years of a five-year plan's period (十三五 → 2016…2020; ``years.plan_periods``)."""
    first, last = _spec()["years"]["plan_periods"][plan]
    return list(range(first, last + 1))


def arabic_years(text: str) -> str:
    """``text`` with years written in Chinese numerals (二〇二二年) in digits, one for one (offsets kept)."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[ch] for ch in m.group()), text)


def _listed_years(listed: re.Match[str]) -> list[int]:
    """Each year of a match of the ``years.list`` pattern (2010、2011年度; 2019年和2020年), in order, once."""
    return sorted({int(y) for y in re.findall(r"(?:19|20)\d\d", listed.group())})


def years_in(text: str) -> list[tuple[int, int, list[int]]]:
    """``(start, end, years)`` of the years named in view ``text`` (ranges expanded, citations and dates ignored;
    二〇二二年 is 2022)."""
    c = _compiled()
    masked = c["ignore"].sub(lambda m: " " * len(m.group(0)), arabic_years(text))
    out: list[tuple[int, int, list[int]]] = []
    taken = [False] * len(masked)
    for m in c["range"].finditer(masked):
        period = _period(int(m.group("a")), int(m.group("b")))
        if period:
            out.append((m.start(), m.end(), period))
            for k in range(m.start(), m.end()):
                taken[k] = True
    for m in c["list"].finditer(masked):  # 2010、2011年度: each year listed
        if not any(taken[m.start() : m.end()]):
            out.append((m.start(), m.end(), _listed_years(m)))
            for k in range(m.start(), m.end()):
                taken[k] = True
    for m in c["year"].finditer(masked):
        if not taken[m.start()]:
            out.append((m.start(), m.end(), [int(m.group("y"))]))
    return sorted(out)


def _years_value(found: list[tuple[int, int, list[int]]]) -> list[int]:
    return sorted({y for _s, _e, yy in found for y in yy})


def _period_at(src: str, m: re.Match[str]) -> tuple[list[int], int, int]:
    """The years a phrase names at its year (group ``y`` of ``m`` in ``src``), with their span: that year, or
    the period it opens (评价范围为2020年至2022年) or closes (对2013-2019年度…, 2020—2022年，县财政…)."""
    y = int(m.group("y"))
    # a period running to a later year: every year of it
    # (起至, and a dash typed two or three times: 2015年11月起至2020年1月; 2017年12月1日---2019年8月)
    to = re.match(
        r"年?度?(?:\d{1,2}月(?:\d{1,2}日)?)?起?(?:至|到|[-—－~～]{1,3})(?P<b>(?:19|20)\d\d)年", src[m.end("y") :]
    )
    years = (_period(y, int(to.group("b"))) if to else None) or [y]
    end = m.end("y") + (to.end() if to and len(years) > 1 else 1)
    # … or from an earlier year named first (the phrase's year is the period's last)
    window = max(0, m.start("y") - 8)
    since = re.search(r"(?P<a>(?:19|20)\d\d)年?度?" + _TO + "$", src[window : m.start("y")])
    start = m.start("y")
    if since and int(since.group("a")) < y and len(years) == 1:
        earlier = _period(int(since.group("a")), y)
        if earlier:
            years, start = earlier, window + since.start("a")
    # … or in a list of years (对我省2010、2011年度…; 就2019年和2020年…): each year listed
    if len(years) == 1:
        for listed in _compiled()["list"].finditer(src, max(0, m.start("y") - 40), m.end("y") + 40):
            if listed.start() <= m.start("y") < listed.end():
                years = _listed_years(listed)
                start, end = listed.start(), max(end, listed.end())
                break
    return years, start, end


def _joined_years(src: str, m: re.Match[str], years: list[int], end: int) -> tuple[list[int], int]:
    """``years`` with those of the further funds a phrase joins to its first before its verb (对该县2021年司法援助
    专项资金和2019-2021年招商引资专项资金开展…评价): each fund joined (和, 及, 与, 、) with a year or period of its
    own is evaluated over its years too; the span ``end`` reaches the last of them."""
    joined = re.compile(r"(?:和|及|以及|与|、)(?P<y>(?:19|20)\d\d)年?度?")
    found = set(years)
    for j in joined.finditer(src, end, m.end()):
        more, _s, e = _period_at(src, j)
        found.update(more)
        end = max(end, e)
    return sorted(found), end


def year_candidates(ctx: Context, titles: list[Candidate], pairs: list[Pair], start: int = 0) -> list[Candidate]:
    """The evaluated years: the title's (a notice's title names the year of the work: ranked
    below the body's evaluation phrase), a year note right after the title ((2024年度)),
    a form's 年度 or 项目名称, evaluation phrases in the body, and — weakest — a year the
    opening ties to the funds at least twice.  Text before ``start`` (an essay-collection
    site's heading and intro before its sample) is the site's, not the document's."""
    out: list[Candidate] = []
    for t in titles[:1]:
        v = View.of(ctx.doc.text[t.start : t.end], t.start)
        found = years_in(v.text)
        # (a results disclosure is a notice too: 关于2025年财政重点绩效评价结果公开 names the year of the work)
        notice = re.search(r"关于.{0,80}的?(?:通知|通报|公告|公示|公开|公布|函|批复)$", v.text)
        # a year note the title ends with ((2024年度)) is the fiscal year evaluated; a year earlier in
        # the title may be part of the fund's name (2023年异地造林补助资金…自评报告(2024年度))
        note = re.search(_YEAR_NOTE + r"\s*$", v.text)
        if note:
            s, e = v.span(note.start("a") if note.group("a") else note.start("y"), note.end() - 1)
            out.append(ctx.candidate_at("years", _note_years(note), s, e, 10, "title_note"))
        elif found:
            s, e = v.span(found[0][0], found[-1][1])
            out.append(ctx.candidate_at("years", _years_value(found), s, e, 5.5 if notice else 10, "title"))
        elif (quoted := re.match(_spec()["years"]["quoted_report"], v.text)) and (inner := years_in(quoted.group("q"))):
            # a notice that hands on a report it quotes (关于印发《2022年度…绩效评价报告》的通知): the quoted
            # report's title names the years it evaluated, as its own title would
            at = quoted.start("q")
            s, e = v.span(at + inner[0][0], at + inner[-1][1])
            out.append(ctx.candidate_at("years", _years_value(inner), s, e, 10, "title_quoted"))
        else:  # 霍山县…自评表 / (2024年度) on the line below
            vs = ctx.view.index(t.end)
            m = re.match(r"\s*" + _YEAR_NOTE, ctx.view.text[vs : vs + 30])
            if m:
                first = m.start("a") if m.group("a") else m.start("y")
                out.append(ctx.candidate("years", _note_years(m), vs + first, vs + m.end(), 10, "title_note"))
        if not out and (plan := re.search(_spec()["years"]["plan_title"], v.text)):
            # a title naming a five-year plan's period and no year (“十三五”时期…政策绩效评价报告): its years
            s, e = v.span(plan.start("p"), plan.end("p"))
            out.append(ctx.candidate_at("years", _plan_years(plan.group("p")), s, e, 9, "title_plan"))
    if not any(c.rule == "title_note" for c in out):
        # a line holding only a year note near the top (a 自评表's (2023年度) under a title
        # the page lost or split)
        for line in ctx.lines[: _spec()["report_date"]["head_lines"] * 2]:
            if line.start < start:
                continue
            m = re.fullmatch(r"[\s|｜]*" + _YEAR_NOTE + r"[\s|｜]*", line.text) or re.fullmatch(
                r"[\s|｜]*" + _YEAR_LINE + r"[\s|｜]*", line.text
            )
            if m:
                first = m.start("a") if m.group("a") else m.start("y")
                out.append(
                    ctx.candidate_at("years", _note_years(m), *line.view.span(first, m.end() - 1), 9, "year_note")
                )
                break
    for p in pairs:
        if p.field in ("years", "program"):
            found = years_in(p.value + ("年" if re.fullmatch(r"(?:19|20)\d\d", p.value) else ""))
            if found and (p.field == "years" or found[0][0] == 0):
                out.append(
                    ctx.candidate_at(
                        "years",
                        _years_value(found),
                        p.label_start,
                        p.end,
                        8 if p.field == "years" else 7,
                        f"form:{p.layout}",
                    )
                )
    text = ctx.blank_before(ctx.view.text, start)
    masked = _compiled()["ignore"].sub(lambda m: " " * len(m.group(0)), text)
    masked = re.sub(
        r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*第?\s*\d+\s*号|(?:19|20)\d\d-\d{1,2}-\d{1,2}",
        lambda m: " " * len(m.group(0)),
        masked,
    )
    cited = re.sub(r"《[^》]*》", lambda m: " " * len(m.group(0)), text)  # citations only
    for rule in _spec()["years"]["body"]:
        for m in re.finditer(rule["regex"], cited if rule.get("keep_dates") else masked):
            if ctx.region_at(ctx.view.starts[m.start()]) == "annex":
                continue
            src = cited if rule.get("keep_dates") else masked
            years, start, end = _period_at(src, m)
            if rule.get("joined"):
                years, end = _joined_years(src, m, years, end)
            out.append(ctx.candidate("years", years, start, end, rule["rank"] - m.start() / 1e6, "body"))
            break  # the first phrase of each kind
    # a five-year plan's period the text says it evaluates (对“十三五”期间…进行评价): every year of it
    for rule in _spec()["years"]["plan_body"]:
        for m in re.finditer(rule["regex"], cited):
            if ctx.region_at(ctx.view.starts[m.start()]) == "annex":
                continue
            years = _plan_years(m.group("p"))
            out.append(
                ctx.candidate("years", years, m.start("p"), m.end("p"), rule["rank"] - m.start() / 1e6, "body_plan")
            )
            break
    # the funds' own budget or allocation document, cited (《…关于2022年度涉农资金…计划安排的批复》), names
    # their year: its years count for the funds (not other citations: 《…2019年…管理办法》)
    budget_doc = re.compile(_spec()["years"]["budget_citation"])
    opening = masked
    for m in re.finditer(r"《[^》]*》", text[: text.find("》", 1500) + 1 or None]):
        if m.start() < 1500 and budget_doc.fullmatch(m.group()):
            opening = opening[: m.start()] + m.group() + opening[m.end() :]
    opening = opening[:1500]
    # weakest: the year the opening ties to the funds twice (3), or names far more than any
    # other (2) — 2018年，市财政局…下达…；截至2018年底…；2018年，全市PM2.5…
    for rx, rank, rule in ((_spec()["years"]["funds"], 3, "funds"), (_compiled()["year"].pattern, 2, "dominant")):
        counts: dict[int, list[re.Match[str]]] = {}
        for m in re.finditer(rx, opening):
            counts.setdefault(int(m.group("y")), []).append(m)
        if not counts:
            continue
        ranked = sorted(counts.values(), key=len, reverse=True)
        ms = ranked[0]
        runner_up = len(ranked[1]) if len(ranked) > 1 else 0
        clear = runner_up < len(ms) if rule == "funds" else len(ms) >= max(3, 2 * runner_up + 1)
        alone = rule == "funds" and len(ms) == 1 and len({tuple(yy) for _s, _e, yy in years_in(opening)}) == 1
        if (
            alone
        ):  # the only year (or period: 2020年至2022年，县财政共安排…资金) the opening names, tied to the funds once
            years, s, e = _period_at(opening, ms[0])
            out.append(ctx.candidate("years", years, s, e, 2.5, "funds_alone"))
            break
        if len(ms) >= 2 and clear:
            y = int(ms[0].group("y"))
            out.append(ctx.candidate("years", [y], ms[0].start("y"), ms[0].end("y") + 1, rank, rule))
            break
    if not out:
        # weakest: the notice that launched this evaluation names the funds' year
        m = re.search(_spec()["years"]["launch_notice"], text)
        if m:
            out.append(ctx.candidate("years", [int(m.group("y"))], m.start("y"), m.end("y") + 1, 1.5, "launch_notice"))
    if not out:
        out += _only_year(ctx, masked)
    return out


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``start``…``end`` (between stops, semicolons or line breaks)."""
    left = max(text.rfind(ch, 0, start) for ch in "。；;\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。；;\n") if i >= 0]
    return text[left : min(ends, default=len(text))]


def _only_year(ctx: Context, masked: str) -> list[Candidate]:
    """Weakest of all: the one year an evaluation's text names (citations, document numbers and dates with a
    month aside), named once or more and no other year or period beside it (确保我市2019年度增殖放流工作顺利实施;
    中心2021年较好地完成了履职任务): the year whose money and work it reports."""
    found = [f for f in years_in(masked) if ctx.region_at(ctx.view.starts[f[0]]) != "annex"]
    if not found or len({tuple(yy) for _s, _e, yy in found}) != 1 or len(found[0][2]) != 1:
        return []
    not_spent = re.compile(_spec()["years"]["only_year_not"])
    if any(not_spent.search(_sentence_at(masked, s, e)) for s, e, _yy in found):
        return []
    s, e, years = found[0]
    return [ctx.candidate("years", years, s, e, 1.2, "only_year")]


# ------------------------------------------------------------------ report date
def _date_value(m: re.Match[str], chinese: bool) -> str | None:
    try:
        if chinese:
            digits = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {c: "0" for c in "零○OoΟＯ0０"}
            y = int("".join(digits[c] for c in m.group("y")))
            mo_n = chinese_number(m.group("m"))
            d_n = chinese_number(m.group("d")) if m.group("d") else None
            if mo_n is None or (m.group("d") and d_n is None):
                return None
            mo, d = int(mo_n), (int(d_n) if d_n is not None else None)
        else:
            y = int(m.group("y"))
            mo = int(m.group("m") or m.group("m2"))
            dd = m.group("d") or m.group("d2")
            d = int(dd) if dd else None
    except (ValueError, KeyError, TypeError):
        return None
    if not (1990 <= y <= 2100 and 1 <= mo <= 12 and (d is None or 1 <= d <= 31)):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}" if d else f"{y:04d}-{mo:02d}"


def _glued_date(value: str) -> str | None:
    """The date a labelled value is when its 年/月/日 were lost (``report_date.glued``: 2017915, 2024926,
    202510月15): the whole value, and only when one month/day split of its digits is a real date."""
    m = _compiled()["glued_date"].fullmatch(value.strip())
    if m is None:
        return None
    y = int(m.group("y"))
    if m.group("md") is None:
        splits = [(m.group("m"), m.group("d"))]
    else:
        md = m.group("md")
        splits = [(md[:k], md[k:]) for k in (1, 2) if 1 <= len(md) - k <= 2]
    found = {f"{y:04d}-{int(mo):02d}-{int(d):02d}" for mo, d in splits if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31}
    return found.pop() if len(found) == 1 and 1990 <= y <= 2100 else None


def _dates_in(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, iso, written_in_chinese)`` of the dates in view ``text``."""
    c = _compiled()
    out = []
    for rx, chinese in ((c["date"], False), (c["cn_date"], True)):
        for m in rx.finditer(text):
            iso = _date_value(m, chinese)
            if iso:
                out.append((m.start(), m.end(), iso, chinese))
    return sorted(out)


@lru_cache(maxsize=1)
def _signature_tails() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may follow a signing date on its line: its printing word and a note in brackets (印发, (此件公开发布),
    a seal's note: ``seal_note``); and, after a signature glued into running text, the end, the list of
    attachments that follows it, or the annexed form itself, its heading run on after the date
    (…中江县水利局2022年12月30日绩效目标自评表(2022年度)…)."""
    note = rf"(?:[（(](?:此件|此页)[^)）]{{0,8}}[)）]|{_compiled()['seal'].pattern})"
    alone = re.compile(rf"^(?:印发|印|发布|签发|制)?[。.]?(?:{note}[。.]?)?$")
    glued = re.compile(
        rf"^[。.]?\s*{note}?[。.]?\s*"
        r"(?:附件|附表|[^。；;，,、：:\s]{0,24}?(?:自评表|评价表|目标表)\s*[（(](?:19|20)\d\d年度?[)）])"
    )
    return alone, glued


# a year and month written with a separator (2023.03, 2023-3, 2023/03), the whole of a line
_MONTH_ALONE = re.compile(r"\s*(?P<y>(?:19|20)\d\d)\s*[-./]\s*(?P<m>0?[1-9]|1[0-2])\s*")
# the labels of a page's metadata block (a document's own (此件公开发布) is none)
_PAGE_METADATA = re.compile(r"来源|发布(?:时间|日期|机构|单位|部门|者)|索引号|文号|所属|主题分类|成文日期")


def _metadata_line(text: str) -> bool:
    """Whether the line ``text`` is a page's byline or metadata (来源：…, 发布机构：…, 浏览次数): its names and
    dates are the page's."""
    return bool(re.search(_spec()["report_date"]["chrome_line"], text) or _PAGE_METADATA.search(text))


def _signing_unit(text: str) -> bool:
    """Whether the line ``text`` ends with an organisation's name and is no line of a page's metadata."""
    return is_org_name(text) and not _metadata_line(text)


# what follows a date that opens a period (…至2023年9月30日, …-12月)
_PERIOD_ON = re.compile(rf"\s*{_TO}\s*(?:(?:19|20)\d\d|\d{{1,2}}\s*月)")
_SIG_HEAD = re.compile(r"^[^。；;，,、：:]{0,40}$")
_NOT_DATE_LABEL = re.compile(r"(?:发布|更新|生成|打印|浏览|访问|来源|点击)(?:日期|时间)?[：:]?$|(?:时间|日期)[：:]$")


def date_candidates(
    ctx: Context, lines: list[Line], pairs: list[Pair], title_start: int | None = None
) -> list[Candidate]:
    spec = _spec()["report_date"]
    out: list[Candidate] = []
    for p in pairs:
        if p.field == "report_date":
            found = _dates_in(p.value)
            glued = None if found else _glued_date(p.value)
            if glued is not None:
                # a date whose 年/月/日 were lost (上报时间:2017915): the whole value, off a byline's line
                label_line = slice(*line_around(ctx.doc.text, p.label_start))
                if not re.search(spec["chrome_line"], ctx.doc.text[label_line]):
                    out.append(
                        ctx.candidate_at("report_date", glued, p.label_start, p.end, 10, f"form_glued:{p.layout}")
                    )
                continue
            if found and p.generic and "年" not in p.value[: found[0][1]]:
                continue  # 日期：2023-03-06 beside 来源/点击 is a web page's date
            label_line = slice(*line_around(ctx.doc.text, p.label_start))
            if found and p.generic and re.search(spec["chrome_line"], ctx.doc.text[label_line]):
                continue  # 日期：2023年06月01日  来源：…  浏览次数：…: the page's byline, however written
            if found and found[0][0] == 0:
                s, e, iso, _cn = found[0]
                if _PERIOD_ON.match(p.value[e:]):
                    continue  # 评价时间：2023年9月1日至2023年9月30日: a period, not the day of issue
                # a form's date whose 日 was lost (填报日期:2022 年 8 月 10): the day is what ends the value
                day = re.fullmatch(r"\s*(\d{1,2})\s*", p.value[e:]) if len(iso) == 7 else None
                if day and 1 <= int(day.group(1)) <= 31:
                    iso, e = f"{iso}-{int(day.group(1)):02d}", e + day.end(1)
                # (a date set over a form's cells is the whole value: its span ends with the value's)
                end = p.end if e >= len(p.value) else View.of(ctx.doc.text[p.start : p.end], p.start).span(s, e)[1]
                out.append(ctx.candidate_at("report_date", iso, p.label_start, end, 10, f"form:{p.layout}"))
        elif p.field == "evaluator":
            # a cover flattened into its form: the evaluator's name, then the report's date
            # (评价机构:XX委员会2017年7月 / 评价机构:XX公司 2023年5月)
            found = _dates_in(p.value)
            # (its date may be written with separators, 评价机构:XX中心 2019.6.14: after the firm's name on its cover
            # line it is no web page's)
            if found and is_org_name(p.value[: found[0][0]].strip()):
                s, e, iso, _cn = found[0]
                _s, end = View.of(ctx.doc.text[p.start : p.end], p.start).span(s, e)
                out.append(ctx.candidate_at("report_date", iso, p.label_start, end, 6, "cover_form"))

    def signature(line: Line, after_unit: bool = False, signed_before: bool = True) -> tuple[int, int, str] | None:
        """The date of a line that is only a date, or a signing unit and a date, or an 印发 line.

        Written as 年/月 (or in Chinese numerals): a date alone in ISO form is a web page's,
        unless it stands right under the signing unit (``after_unit``) or, where ``signed_before``,
        after it on its line.
        """
        for s, e, iso, _cn in _dates_in(line.text):
            head, tail = line.text[:s], line.text[e:]
            # a date written with separators (2023-09-18, 2023.9.18, 2023/09/18) is a web page's unless a
            # signing unit stands right over it or before it on its line (忠县财政局 / 2022-01-18; …景东县财政局
            # 2023.12.12(此件公开发布)), on a line no page metadata is (来源：…局 2023-09-18 is a byline)
            if "月" not in line.text[s:e] and not (
                (after_unit and s == 0) or (signed_before and is_org_name(head) and not _metadata_line(line.text))
            ):
                continue
            if re.search(r"[（(]\s*$", head) and re.match(r"\s*[)）]", tail):
                # a date in brackets under or after the title (（2023年10月）): the cover's
                head, tail = re.sub(r"[（(]\s*$", "", head), re.sub(r"^\s*[)）]", "", tail)
            glued = bool(re.search(r"[\u4e00-\u9fff]{4}", head)) and is_org_name(
                head
            )  # …报告景东县财政局2023年12月12日
            alone, glued_tail = _signature_tails()
            tail_ok = alone.match(tail) or (glued and glued_tail.match(tail))
            # (a bare 时间： / 日期： label right under the signing unit is its signing date: 汉寿县交通运输局 /
            # 时间：2024 年 10 月 8 日 — elsewhere such a label is left to the form's pairs)
            labelled = after_unit and re.fullmatch(r"\s*(?:时\s*间|日\s*期)\s*[：:]\s*", head)
            if tail_ok and (labelled or ((_SIG_HEAD.match(head) or glued) and not _NOT_DATE_LABEL.search(head))):
                if re.search(r"\d", head) and not re.search(r"[\u4e00-\u9fff]", head):
                    continue  # a date inside a run of numbers (a table row), not a signature
                return s, e, iso
        # a month written with a separator, alone on its line right under the signing unit or a cover's firm
        # (XX会计师事务所 / 2023.03): a number alone elsewhere (2023.5) may be anything
        month = _MONTH_ALONE.fullmatch(line.text) if after_unit else None
        if month:
            return month.start(), month.end(), f"{int(month.group('y')):04d}-{int(month.group('m')):02d}"
        return None

    body = [
        ln for ln in lines if ctx.region_at(ln.start) != "annex" and not re.search(_spec()["web_footer"], ln.text)
    ] or lines
    tail = body[-max(int(spec["tail_lines"]), int(len(body) * float(spec["tail_share"]))) :]
    # the line right above each (the signing unit over its date may be the last line before the tail)
    above = {id(ln): prev for prev, ln in zip(lines, lines[1:])}
    # the signing date (8) over a notice's 印发 line (7.5: the day it was printed)
    for kind, rank in (("signature", 8), ("printed", 7.5)):
        for k, line in enumerate(reversed(tail)):
            prev = above.get(id(line))
            sig = signature(line, after_unit=prev is not None and is_org_name(prev.text))
            if sig and ("印" in line.text[sig[1] :]) == (kind == "printed"):
                s, e, iso = sig
                out.append(ctx.candidate("report_date", iso, s, e, rank - k / 100, kind, view=line.view))
                break
    if not out:
        # a signature further up (7): the page's links and buttons after it (上一篇 / 下一篇 / 相关链接 / 分享到 …)
        # or an annex's rows push it out of the last lines — a dated line alone, its day named, right under a
        # line ending with the signing unit (XX县交通运输局 / 2023年3月5日)
        for k, line in enumerate(reversed(body)):
            prev = above.get(id(line))
            if prev is None or line in tail or not _signing_unit(prev.text):
                continue
            sig = signature(line, after_unit=True, signed_before=False)
            if sig and sig[0] == 0 and len(sig[2]) == 10 and not line.text[sig[1] :].strip():
                s, e, iso = sig
                out.append(ctx.candidate("report_date", iso, s, e, 7 - k / 1000, "signature_above", view=line.view))
                break
    # the cover: the first lines, or the lines under the title when a web page's chrome comes first
    head = lines[: int(spec["head_lines"])]
    if title_start is not None:
        at = next((k for k, ln in enumerate(lines) if ln.end > title_start), len(lines))
        head = head + [ln for ln in lines[at : at + int(spec["head_lines"])] if ln not in head]
    for k, line in enumerate(head):
        prev = above.get(id(line))
        # (a cover's date under its signing unit, 上海市长宁区民政局 / 2021-05-26, as a signature's; a unit
        # glued on before its date on the cover is rather a 评价机构's line, left to the 年/月 forms)
        sig = signature(line, after_unit=prev is not None and _signing_unit(prev.text), signed_before=False)
        if sig and line not in tail:
            s, e, iso = sig
            out.append(ctx.candidate("report_date", iso, s, e, 6 - k / 100, "cover", view=line.view))
            break
    else:
        # a cover flattened to one line (…评价机构:XX公司 二零一八年六月): a date in Chinese
        # numerals on the first lines is a cover's date (events in the text are written in digits)
        opening = ctx.view.text[:600]
        m = next((m for m in _compiled()["cn_date"].finditer(opening)), None)
        cover_iso = _date_value(m, True) if m else None
        if m and cover_iso:
            out.append(ctx.candidate("report_date", cover_iso, m.start(), m.end(), 5.5, "cover_inline"))
    return out


__all__ = ["years_in", "year_candidates", "date_candidates"]
