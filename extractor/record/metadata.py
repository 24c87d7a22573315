"""Report metadata as candidates: title, years, date, kind, mode, programme, unit, evaluator.

Phrases are data (``patterns/metadata.yaml``) matched in the document's matching
view; every candidate keeps the words it came from.  The ranking rule of each
field (higher wins, see :func:`~.candidates.decide`):

``title``
    the earliest title-like line (hard-wrapped lines joined) among the first lines.
``years``
    the title's years (10) over a form's 年度 (8) over evaluation phrases in the
    body (7 … 5).
``report_date``
    a form's 报告日期 (10) over a signature or 印发 line at the end (8) over a
    date alone on a cover line (6).  A web page's 发布日期 is never one.
``report_kind``
    the title's words (10) over the body's (5).
``evaluation_mode``
    a finance bureau's results notice as title (12) over 自评 in the title (11)
    over a commission (受…委托, 9) over a finance bureau organising the
    evaluation (8) over 自评 in the body (5).
``evaluated_unit`` / ``evaluator``
    a form's label (9/8) or a commission sentence (10) over evaluation sentences
    (8) over the issuer of a finance notice (7) over the signing unit (5); in a
    self-evaluation the unit is its own evaluator.
``program``
    a form's 项目名称 (10) over the title without places, years, unit and suffix (8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cn2an

from ... import patterns
from .candidates import Candidate, Decision, decide
from .context import Context
from .forms import Pair
from .jurisdiction import divisions
from .view import View, fold

_PUNCT = re.compile(r"[。，,；;：:！!？?]")


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return patterns.load("metadata.yaml")


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    s = _spec()
    t = s["title"]
    d = s["report_date"]
    return {
        "title": re.compile(t["regex"]),
        "strip_prefix": re.compile(t["strip_prefix"]),
        "strip_suffix": re.compile(t["strip_suffix"]),
        "not_title": re.compile(t["not_title"]),
        "year": re.compile(s["years"]["year"]),
        "range": re.compile(s["years"]["range"]),
        "ignore": re.compile(s["years"]["ignore_inside"]),
        "date": re.compile(d["date"]),
        "cn_date": re.compile(d["chinese"]),
    }


# ------------------------------------------------------------------ lines
@dataclass(frozen=True)
class Line:
    """One line of text (not a table), as the view shows it, with its document span."""

    text: str  # view text
    start: int
    end: int
    view: View
    block: int  # block index


def text_lines(ctx: Context) -> list[Line]:
    """Every line of every non-table block, in order."""
    out: list[Line] = []
    for bi, b in enumerate(ctx.doc.blocks):
        if b.kind == "table":
            continue
        pos = b.start
        for raw in b.text.split("\n"):
            if raw.strip():
                v = View.of(raw, pos)
                if v.text:
                    s, e = v.span(0, len(v.text))
                    out.append(Line(v.text, s, e, v, bi))
            pos += len(raw) + 1
    return out


# ------------------------------------------------------------------ title
def clean_title(text: str) -> str:
    """A title as printed: whitespace removed, annex labels, page numbers and site names cut."""
    c = _compiled()
    text = re.sub(r"\s+", "", text)
    for _ in range(2):
        text = c["strip_prefix"].sub("", text)
        text = c["strip_suffix"].sub("", text)
    return text


def clean_title_span(ctx: Context, start: int, end: int) -> tuple[str, int, int] | None:
    """The title inside the document text ``[start, end)``: its printed words (no whitespace) and span."""
    v = View.of(ctx.doc.text[start:end], start)
    key = clean_title(v.text)
    pos = v.text.find(key) if key else -1
    if pos < 0:
        return None
    s, e = v.span(pos, pos + len(key))
    return re.sub(r"\s+", "", ctx.doc.text[s:e]), s, e


def _is_title(view_text: str) -> bool:
    if re.match(r"^(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.](?![0-9]))", view_text):
        return False  # a numbered heading
    key = clean_title(view_text)
    return bool(key) and len(key) <= _spec()["title"]["max_chars"] and bool(_compiled()["title"].search(key)) \
        and not re.search(r"[。；;]", key) and not _compiled()["not_title"].search(key)


def _can_continue(line: Line) -> bool:
    key = clean_title(line.text)  # 附件3：… opens a title; its colon is no sentence
    return (0 < len(key) <= _spec()["title"]["continuation_max_chars"] and not _PUNCT.search(key)
            and not _compiled()["not_title"].search(key) and not re.match(r"^[（(]?[一二三四五六七八九十0-9]{1,2}[、.）)]", key)
            and not _compiled()["date"].search(key))


def title_candidates(ctx: Context, lines: list[Line]) -> list[Candidate]:
    half = len(ctx.doc.text) / 2
    head = [ln for ln in lines if ln.start <= half or ln in lines[:int(_spec()["title"]["first_lines"])]]
    out: list[Candidate] = []
    used: set[int] = set()
    for i, line in enumerate(head):
        if _annex_list_entry(head, i):
            continue  # one entry of a list of attachments, not this document's title
        parts = [i]
        if not _is_title(line.text):
            # a title wrapped before its last words: this line and the next together
            if i + 1 < len(head) and _can_continue(line) and _is_title(line.text + head[i + 1].text) \
                    and len(head[i + 1].text) <= 20:
                parts = [i, i + 1]
            else:
                continue
        # lines before it that continue it (a title set on two or three lines); a line
        # that is a whole title by itself (a place or programme before 报告) takes none
        j = parts[0]
        alone = clean_title("".join(head[k].text for k in parts))
        complete = len(_compiled()["title"].sub("", alone)) >= 10 or len(alone) >= 24
        while j > 0 and (not complete or _TITLE_START.search(head[j - 1].text)) and parts[0] - j < 2 and _can_continue(head[j - 1]) and (j - 1) not in used:
            joined = "".join(head[k].text for k in [j - 1, *parts])
            if not _is_title(joined) or len(clean_title(joined)) > _spec()["title"]["max_chars"]:
                break
            parts.insert(0, j - 1)
            j -= 1
        if any(p in used for p in parts):
            continue
        used.update(parts)
        first, last = head[parts[0]], head[parts[-1]]
        raw = ctx.doc.text[first.start:last.end]
        found = clean_title_span(ctx, first.start, last.end)
        if found is None:
            continue
        printed, start, end = found
        rank = (8 if _FILE_NAME.search(raw.strip()) else 10) - i / 100  # a file's name is weaker than a title line
        if not _NAMES_SOMETHING.search(printed):
            rank -= 0.5  # a title names a year, a place or a unit; a bare 绩效目标完成情况 is a heading
        out.append(ctx.candidate_at("title", printed, start, end, rank, "title_line"))
    return out


_NAMES_SOMETHING = re.compile(r"(?:19|20)\d\d|[省市县区州盟旗镇乡]|(?:局|厅|委|院|中心|学校|政府|项目|资金|经费|工程)")
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|wps)[》」)）]?$", re.I)
_ANNEX = re.compile(r"^(?:附件|附表)\s*(?P<n>[0-9一二三四五六七八九十]{1,3})")


def _annex_list_entry(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is one of several lines naming different attachments (附件1… 附件2…)."""
    m = _ANNEX.match(lines[i].text)
    if not m:
        return False
    for k in (i - 1, i + 1):
        other = _ANNEX.match(lines[k].text) if 0 <= k < len(lines) else None
        if other and other.group("n") != m.group("n"):
            return True
    return False


_TITLE_END = re.compile(r"(?:报告书|报告|自评表|评价表|结果表|目标表|情况表)(?:[(（](?:19|20)\d\d年(?:度)?[)）])?")
_TITLE_AFTER = re.compile(r"(?:$|[\n\t.。，,：:;；》」)）(（]|[一二三四五六七八九十]{1,2}、|[0-9]{1,2}[、.]|附件)")
# A line that can open a title: it names a year or an organisation.
_TITLE_START = re.compile(r"(?:19|20)\d\d年|(?:局|厅|委|院|中心|政府|办公室|公司)$")
_FORM_LABEL = re.compile(r"(?:项目名称|主管部门|实施单位|单位名称|部门名称|预算单位|填报单位|评价年度)")
_TITLE_BOUNDARY = "\n\t。，,；;:：>》《、|_【】[]"


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
        spaced_after = m.end() < len(text) and doc_text[v.ends[m.end() - 1]:v.starts[m.end()]].strip() == "" \
            and v.starts[m.end()] > v.ends[m.end() - 1]
        if not (_TITLE_AFTER.match(text, m.end()) or spaced_after or _FORM_LABEL.match(text, m.end())):
            continue
        start = m.start()
        while start > 0 and m.end() - start < 70:
            prev = text[start - 1]
            if prev in _TITLE_BOUNDARY or re.search(r"\.(?:pdf|docx?|xlsx?|wps)$", text[max(0, start - 5):start], re.I):
                break
            gap = doc_text[v.ends[start - 1]:v.starts[start]]
            if gap.strip() == "" and gap and not (text[start - 1].isdigit() or text[start].isdigit()):
                break  # a space between two words: a cell boundary of a flattened form
            start -= 1
        dates = list(_compiled()["date"].finditer(text, start, m.start()))
        if dates:
            start = dates[-1].end()  # a title never holds a date: it starts after one run into it
        if len(annexes) >= 2 and re.search(r"附件\s*[0-9]{1,2}\s*[:：、.]?$", text[max(0, start - 6):start]):
            continue  # one entry of a list of attachments
        title = clean_title(text[start:m.end()])
        if not _is_title(title) or len(title) < 6 or not re.search("绩效|评价|自评|考评", title):
            continue
        file_name = re.match(r"\.(?:pdf|docx?|xlsx?|wps)", text[m.end():m.end() + 5], re.I)
        found = clean_title_span(ctx, v.starts[start], v.ends[m.end() - 1])
        if found is None:
            continue
        printed, s, e = found
        out.append(ctx.candidate_at("title", printed, s, e,
                                    (8 if file_name else 9) - m.start() / 1e5, "title_inline"))
    return out


# ------------------------------------------------------------------ years
def years_in(text: str) -> list[tuple[int, int, list[int]]]:
    """``(start, end, years)`` of the years named in view ``text`` (ranges expanded, citations and dates ignored)."""
    c = _compiled()
    masked = c["ignore"].sub(lambda m: " " * len(m.group(0)), text)
    out: list[tuple[int, int, list[int]]] = []
    taken = [False] * len(masked)
    for m in c["range"].finditer(masked):
        a, b = int(m.group("a")), int(m.group("b"))
        if a <= b <= a + 10:
            out.append((m.start(), m.end(), list(range(a, b + 1))))
            for k in range(m.start(), m.end()):
                taken[k] = True
    for m in c["year"].finditer(masked):
        if not taken[m.start()]:
            out.append((m.start(), m.end(), [int(m.group("y"))]))
    return sorted(out)


def _years_value(found: list[tuple[int, int, list[int]]]) -> list[int]:
    return sorted({y for _s, _e, yy in found for y in yy})


def year_candidates(ctx: Context, titles: list[Candidate], pairs: list[Pair]) -> list[Candidate]:
    """The evaluated years: the title's (a notice's title names the year of the work: ranked
    below the body's evaluation phrase), a year note right after the title ((2024年度)),
    a form's 年度 or 项目名称, evaluation phrases in the body, and — weakest — a year the
    opening ties to the funds at least twice."""
    out: list[Candidate] = []
    for t in titles[:1]:
        v = View.of(ctx.doc.text[t.start:t.end], t.start)
        found = years_in(v.text)
        notice = re.search(r"关于.{0,80}的?(?:通知|通报|公告|公示|函|批复)$", v.text)
        if found:
            s, e = v.span(found[0][0], found[-1][1])
            out.append(ctx.candidate_at("years", _years_value(found), s, e, 5.5 if notice else 10, "title"))
        else:  # 霍山县…自评表 / (2024年度) on the line below
            vs = ctx.view.index(t.end)
            m = re.match(r"\s*[(（]\s*(?P<y>(?:19|20)\d\d)\s*年(?:度)?\s*[)）]", ctx.view.text[vs:vs + 20])
            if m:
                out.append(ctx.candidate("years", [int(m.group("y"))], vs + m.start("y"), vs + m.end(), 10,
                                         "title_note"))
    for p in pairs:
        if p.field in ("years", "program"):
            found = years_in(p.value + ("年" if re.fullmatch(r"(?:19|20)\d\d", p.value) else ""))
            if found and (p.field == "years" or found[0][0] == 0):
                out.append(ctx.candidate_at("years", _years_value(found), p.label_start, p.end,
                                            8 if p.field == "years" else 7, f"form:{p.layout}"))
    text = ctx.view.text
    masked = _compiled()["ignore"].sub(lambda m: " " * len(m.group(0)), text)
    masked = re.sub(r"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*第?\s*\d+\s*号|(?:19|20)\d\d-\d{1,2}-\d{1,2}",
                    lambda m: " " * len(m.group(0)), masked)
    cited = re.sub(r"《[^》]*》", lambda m: " " * len(m.group(0)), text)  # citations only
    for rule in _spec()["years"]["body"]:
        for m in re.finditer(rule["regex"], cited if rule.get("keep_dates") else masked):
            if ctx.region_at(ctx.view.starts[m.start()]) == "annex":
                continue
            y = int(m.group("y"))
            out.append(ctx.candidate("years", [y], m.start("y"), m.end("y") + 1, rule["rank"] - m.start() / 1e6,
                                     "body"))
            break  # the first phrase of each kind
    opening = masked[:1500]
    funds = [m for m in re.finditer(_spec()["years"]["funds"], opening)]
    counts: dict[int, list[re.Match[str]]] = {}
    for m in funds:
        counts.setdefault(int(m.group("y")), []).append(m)
    if counts:
        y, ms = max(counts.items(), key=lambda kv: len(kv[1]))
        if len(ms) >= 2 and sum(len(v) == len(ms) for v in counts.values()) == 1:
            out.append(ctx.candidate("years", [y], ms[0].start("y"), ms[0].end("y") + 1, 3, "funds"))
    return out


# ------------------------------------------------------------------ report date
def _date_value(m: re.Match[str], chinese: bool) -> str | None:
    try:
        if chinese:
            digits = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
            y = int("".join(digits[c] for c in m.group("y")))
            mo = int(cn2an.cn2an(m.group("m"), "smart"))
            d = int(cn2an.cn2an(m.group("d"), "smart")) if m.group("d") else None
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


_SIG_TAIL = re.compile(r"^(?:印发|印|发布|签发|制)?[。.]?$")
_SIG_HEAD = re.compile(r"^[^。；;，,、：:]{0,40}$")
_NOT_DATE_LABEL = re.compile(r"(?:发布|更新|生成|打印|浏览|访问|来源|点击)(?:日期|时间)?[：:]?$|(?:时间|日期)[：:]$")


def date_candidates(ctx: Context, lines: list[Line], pairs: list[Pair]) -> list[Candidate]:
    spec = _spec()["report_date"]
    out: list[Candidate] = []
    for p in pairs:
        if p.field == "report_date":
            found = _dates_in(p.value)
            if found and p.generic and "年" not in p.value[:found[0][1]]:
                continue  # 日期：2023-03-06 beside 来源/点击 is a web page's date
            if found and found[0][0] == 0:
                s, e, iso, _cn = found[0]
                _s, end = View.of(ctx.doc.text[p.start:p.end], p.start).span(s, e)
                out.append(ctx.candidate_at("report_date", iso, p.label_start, end, 10, f"form:{p.layout}"))

    def signature(line: Line) -> tuple[int, int, str] | None:
        """The date of a line that is only a date, or a signing unit and a date, or an 印发 line.

        Written as 年/月 (or in Chinese numerals): a date alone in ISO form is a web page's.
        """
        for s, e, iso, _cn in _dates_in(line.text):
            if "月" not in line.text[s:e]:
                continue
            head, tail = line.text[:s], line.text[e:]
            if _SIG_TAIL.match(tail) and _SIG_HEAD.match(head) and not _NOT_DATE_LABEL.search(head):
                if re.search(r"\d", head) and not re.search(r"[\u4e00-\u9fff]", head):
                    continue  # a date inside a run of numbers (a table row), not a signature
                return s, e, iso
        return None

    body = [ln for ln in lines if ctx.region_at(ln.start) != "annex"] or lines
    tail = body[-max(int(spec["tail_lines"]), int(len(body) * float(spec["tail_share"]))):]
    # the signing date (8) over a notice's 印发 line (7.5: the day it was printed)
    for kind, rank in (("signature", 8), ("printed", 7.5)):
        for k, line in enumerate(reversed(tail)):
            sig = signature(line)
            if sig and ("印" in line.text[sig[1]:]) == (kind == "printed"):
                s, e, iso = sig
                out.append(ctx.candidate("report_date", iso, s, e, rank - k / 100, kind, view=line.view))
                break
    for k, line in enumerate(lines[:int(spec["head_lines"])]):
        sig = signature(line)
        if sig and line not in tail:
            s, e, iso = sig
            out.append(ctx.candidate("report_date", iso, s, e, 6 - k / 100, "cover", view=line.view))
            break
    return out


# ------------------------------------------------------------------ kind and mode
def kind_candidates(ctx: Context, title: Candidate | None) -> list[Candidate]:
    out: list[Candidate] = []
    if title is not None:
        v = View.of(ctx.doc.text[title.start:title.end], title.start)
        for r in _spec()["report_kind"]:
            m = re.search(r["regex"], v.text)
            if m:
                out.append(ctx.candidate("report_kind", r["kind"], m.start(), m.end(), 10, "title", view=v))
                break
    if not out:
        text = _compiled()["ignore"].sub(lambda m: " " * len(m.group(0)), ctx.view.text[:len(ctx.view.text) // 2 + 2000])
        for r in _spec()["report_kind"]:
            m = next((m for m in re.finditer(r["body"], text)
                      if ctx.region_at(ctx.view.starts[m.start()]) != "annex"), None)
            if m:
                out.append(ctx.candidate("report_kind", r["kind"], m.start(), m.end(), r.get("rank", 5), "body"))
    return out


def mode_candidates(ctx: Context, title: Candidate | None) -> list[Candidate]:
    out: list[Candidate] = []
    tv = View.of(ctx.doc.text[title.start:title.end], title.start) if title is not None else None
    text = ctx.view.text
    for rule in _spec()["evaluation_mode"]:
        if rule["where"] == "title":
            if tv is None:
                continue
            m = re.search(rule["regex"], tv.text)
            if m:
                out.append(ctx.candidate("evaluation_mode", rule["mode"], m.start(), m.end(), rule["rank"], "title",
                                         view=tv))
        else:
            for m in re.finditer(rule["regex"], text):
                if ctx.region_at(ctx.view.starts[m.start()]) == "annex":
                    continue
                out.append(ctx.candidate("evaluation_mode", rule["mode"], m.start(), m.end(), rule["rank"], "text"))
                break
    # only the strongest rule of each mode counts
    best: dict[str, Candidate] = {}
    for c in out:
        if c.value not in best or c.rank > best[c.value].rank:
            best[c.value] = c
    return list(best.values())


def _as(field: str, cands: list[Candidate]) -> list[Candidate]:
    """The same candidates, for another field (a signing unit as the unit evaluated …)."""
    return [Candidate(field, c.value, c.start, c.end, c.rank, c.rule, c.page) for c in cands]


def _mode_from_evaluator(ctx: Context, evaluators: list[Candidate]) -> list[Candidate]:
    """The mode what the evaluator is tells (``evaluator_kinds`` in ``patterns/metadata.yaml``).

    A firm named as evaluator is a third party, a finance body a finance
    evaluation, and any other unit carrying out the evaluation itself a
    self-evaluation (weakest: rank 4).
    """
    kinds = _spec()["evaluator_kinds"]
    out = []
    for c in evaluators:
        name = fold(c.value)
        if re.search(kinds["third_party"], name):
            mode, rank = "third_party", 9
        elif re.search(kinds["finance"], name):
            mode, rank = "finance", 9.5 if c.rank >= 9 else 7.5
        elif c.rank < 9:
            mode, rank = "self", 4
        else:
            continue
        out.append(Candidate("evaluation_mode", mode, c.start, c.end, rank, "evaluator", c.page))
    return out


# ------------------------------------------------------------------ organisations
@dataclass(frozen=True)
class Org:
    name: str  # as printed (whitespace removed)
    vstart: int  # view span
    vend: int


def orgs_in(ctx: Context) -> list[Org]:
    """Organisation names in the document (the spaCy pipeline of :mod:`.nlp`, over the view)."""
    from . import nlp

    text = ctx.view.text
    out = []
    for e in nlp.entities(text, {"ORG"}):
        s, t = ctx.view.span(e.start, e.end)
        out.append(Org(re.sub(r"\s+", "", ctx.doc.text[s:t]), e.start, e.end))
    return out


def _org_regex(orgs: list[Org]) -> str:
    names = sorted({fold(o.name) for o in orgs}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else "(?!)"


def printed_span(ctx: Context, start: int, end: int, folded: str) -> tuple[int, int] | None:
    """The document span, within ``[start, end)``, whose view text is ``folded``."""
    v = View.of(ctx.doc.text[start:end], start)
    pos = v.text.find(folded)
    return v.span(pos, pos + len(folded)) if pos >= 0 and folded else None


def _printed(ctx: Context, vstart: int, vend: int, view: View | None = None) -> tuple[str, int, int]:
    s, e = (view or ctx.view).span(vstart, vend)
    return re.sub(r"\s+", "", ctx.doc.text[s:e]), s, e


@lru_cache(maxsize=1)
def _org_end_rx() -> re.Pattern[str]:
    return re.compile("(?:" + patterns.load("entities.yaml")["org_suffix"] + ")$")


def is_org_name(text: str) -> bool:
    """Whether ``text`` ends like an organisation's name (an organ suffix of patterns/entities.yaml)."""
    return bool(_org_end_rx().search(fold(text)))


_CODE_PREFIX = re.compile(r"^[0-9A-Z]{2,}[-—－_](?=[\u4e00-\u9fff])")


def org_candidates(ctx: Context, orgs: list[Org], pairs: list[Pair], title: Candidate | None,
                   titles: list[Candidate], lines: list[Line]) -> dict[str, list[Candidate]]:
    spec = _spec()
    org_rx = _org_regex(orgs)
    text = ctx.view.text
    out: dict[str, list[Candidate]] = {"evaluator": [], "evaluated_unit": [], "client": [], "signature": [],
                                       "issuer": [], "publisher": []}
    tv = View.of(ctx.doc.text[title.start:title.end], title.start) if title is not None else None
    title_views = [View.of(ctx.doc.text[t.start:t.end], t.start) for t in titles]
    for fname in ("evaluator", "evaluated_unit"):
        for rule in spec[fname]:
            rx = re.compile(rule["regex"].replace("{ORG}", org_rx))
            where = rule.get("where", "text")
            for view in (title_views if where == "title" else [ctx.view]):
                end = 1500 if where == "opening" else len(view.text)
                m = next((m for m in rx.finditer(view.text, 0, end)
                          if where == "title" or ctx.region_at(ctx.view.starts[m.start()]) != "annex"), None)
                if m is None:
                    continue
                name, s, e = _printed(ctx, m.start("org"), m.end("org"), view)
                out[fname].append(ctx.candidate_at(fname, name, s, e, rule["rank"] - m.start() / 1e7, where))
                break
    # the commissioning body (受XX委托): a place for the jurisdiction, not the evaluator
    for m in re.finditer(r"受(?P<org>" + org_rx + r")(?:的)?委托", text):
        name, s, e = _printed(ctx, m.start("org"), m.end("org"))
        out["client"].append(ctx.candidate_at("client", name, s, e, 9, "commission"))
        break
    for p in pairs:
        if p.field in ("evaluator", "evaluated_unit", "publisher"):
            value = _CODE_PREFIX.sub("", re.split(r"[，,。；;]|[（(](?!(?:特殊)?普通合伙)", p.first_cell)[0])
            value = re.sub(r"(?:本级|机关)$", "", value)
            span = printed_span(ctx, p.start, p.end, value)
            if 2 <= len(value) <= 40 and not re.search(r"\d", value) and span and is_org_name(value):
                name = re.sub(r"\s+", "", ctx.doc.text[span[0]:span[1]])
                rank = 8 + p.rank / 2 if p.field != "publisher" else 4
                out[p.field].append(ctx.candidate_at(p.field, name, p.label_start, span[1], rank, f"form:{p.layout}"))
    # the issuer of a notice: "XX财政局关于……" as its title
    if tv is not None:
        m = re.match(r"(?P<org>" + org_rx + r")关于", tv.text)
        if m:
            name, s, e = _printed(ctx, m.start("org"), m.end("org"), tv)
            out["issuer"].append(ctx.candidate_at("issuer", name, s, e, 7, "title"))
    # the signing unit: an organisation ending one of the last lines (alone, or after a
    # line the reader ran into it: 附件:…[点击下载]固始县…人民政府)
    names = sorted({fold(o.name) for o in orgs}, key=len, reverse=True)
    for k, line in enumerate(reversed(lines[-8:])):
        key = re.sub(r"[\s（(]*(?:盖章|章)[)）]?$", "", line.text)
        date_cut = _compiled()["date"].search(key) or _compiled()["cn_date"].search(key)
        if date_cut:
            key = key[:date_cut.start()]
        name = next((n for n in names if key.endswith(n) and (key == n or key[-len(n) - 1] in "]】）)。：:")), None)
        if name:
            printed, s, e = _printed(ctx, len(key) - len(name), len(key), line.view)
            out["signature"].append(ctx.candidate_at("signature", printed, s, e, 5 - k / 100, "signature"))
            break
    return out


def fullest(ctx: Context, decision: Decision, orgs: list[Org]) -> Decision:
    """The chosen organisation under its fullest name in the document: 呈贡区…局 → 昆明市呈贡区…局.

    A longer name counts when it is the chosen one led by division names only.
    """
    if decision.chosen is None:
        return decision
    key = fold(decision.value)
    table = divisions()
    best: Org | None = None
    for o in orgs:
        name = fold(o.name)
        if len(name) <= len(key) or not name.endswith(key):
            continue
        prefix = name[:-len(key)]
        covered = sum(e - s for s, e, _n in table.find(prefix))
        if covered == len(prefix) and (best is None or len(name) > len(fold(best.name))):
            best = o
    if best is None:
        return decision
    s, e = ctx.view.span(best.vstart, best.vend)
    c = decision.chosen
    chosen = Candidate(c.field, best.name, s, e, c.rank, c.rule + "+fullest", ctx.page(s))
    return Decision(decision.field, best.name, chosen, decision.warnings, decision.candidates)


# ------------------------------------------------------------------ programme
def program_name(text: str, unit: str | None = None) -> str:
    """A programme's name from a title or a form's value (view text): places, years, unit and suffix cut."""
    spec = _spec()["program"]
    if unit and fold(unit) in text:
        text = text.replace(fold(unit), "", 1)
    text = re.sub(spec["strip_years"], "", text)
    # what leads the name and is not it: 关于, years, division names (云南省, 昆明市东川区)
    # and a town after them, 本级/部门 — in any order, until nothing more goes
    table = divisions()
    stripped_place = False
    while True:
        before = text
        text = re.sub(r"^(?:关于|对)", "", text)
        text = re.sub("^" + spec["strip_years"], "", text) if re.match(r"[（(]?(?:19|20)\d\d", text) else text
        found = [(s, e) for s, e, _n in table.find(text) if s == 0]
        if found:
            text = text[found[0][1]:]
            stripped_place = True
        elif stripped_place:
            text = re.sub(spec["strip_town"], "", text)
        text = re.sub(r"^(?:(?:市|县|区|省)?本级|部门|单位)+", "", text)
        if text == before:
            break
    text = re.sub(spec["strip_suffix"], "", text).strip("，,：:、 ")
    text = re.sub(r"^的", "", text)
    text = re.sub(spec["strip_tail"], "", text)
    if re.fullmatch(spec["generic"], text) or is_org_name(text):
        return ""  # the title names no programme (部门项目支出绩效自评表) or only the firm
    return text


def _program_candidate(ctx: Context, start: int, end: int, unit: str | None, rank: float,
                       rule: str, evidence_start: int | None = None) -> Candidate | None:
    """The programme named by the text ``[start, end)``, with its printed words as evidence."""
    text = program_name(View.of(ctx.doc.text[start:end], start).text, unit)
    span = printed_span(ctx, start, end, text) if len(text) >= 2 else None
    if span is None:
        return None
    s, e = span
    return ctx.candidate_at("program", re.sub(r"\s+", "", ctx.doc.text[s:e]),
                            s if evidence_start is None else evidence_start, e, rank, rule)


def program_candidates(ctx: Context, pairs: list[Pair], title: Candidate | None, unit: str | None,
                       kind: str | None) -> list[Candidate]:
    if kind in _spec()["program"]["strip_kinds"]:
        return []
    out: list[Candidate | None] = []
    for p in pairs:
        if p.field == "program":
            value = _CODE_PREFIX.sub("", re.split(r"[，,。；;]", p.first_cell)[0].strip())
            span = printed_span(ctx, p.start, p.end, value)
            if 2 <= len(value) <= 60 and span:
                out.append(_program_candidate(ctx, span[0], span[1], unit, 10, f"form:{p.layout}", p.label_start))
    if title is not None and not re.search(r"关于.{0,80}(?:通知|通报|公告|公示)$", fold(title.value)):
        out.append(_program_candidate(ctx, title.start, title.end, unit, 8, "title"))
    text = ctx.view.text[:len(ctx.view.text) // 2 + 2000]
    for rule in _spec()["program_body"]:
        for m in re.finditer(rule["regex"], text):
            prog = m.group("prog")
            if re.search(r"我|本|各|该|全|以下|委托|结果|\d+个|(?:局|厅|委|政府|中心|单位|部门)$|^(?:部门|单位)", prog) \
                    or not re.search(_spec()["program"]["noun_end"], prog):
                continue
            s, e = ctx.view.span(m.start("prog"), m.end("prog"))
            out.append(_program_candidate(ctx, s, e, unit, rule["rank"], "body"))
            break
    return [c for c in out if c is not None]


# ------------------------------------------------------------------ all metadata
@dataclass
class Metadata:
    decisions: dict[str, Decision]
    orgs: dict[str, list[Candidate]]


def extract_metadata(ctx: Context, pairs: list[Pair]) -> Metadata:
    """A decision for every metadata field (jurisdiction aside, see :mod:`.jurisdiction`)."""
    doc = ctx.doc
    lines = text_lines(ctx)
    d: dict[str, Decision] = {}
    titles = sorted(title_candidates(ctx, lines) + inline_title_candidates(ctx), key=lambda c: -c.rank)
    d["title"] = decide("title", titles[:1], doc)  # the earliest title line; its repeats are the same title
    title = d["title"].chosen
    d["years"] = decide("years", year_candidates(ctx, titles, pairs), doc)
    d["report_date"] = decide("report_date", date_candidates(ctx, lines, pairs), doc)
    d["report_kind"] = decide("report_kind", kind_candidates(ctx, title), doc)
    orgs = orgs_in(ctx)
    found = org_candidates(ctx, orgs, pairs, title, titles, lines)
    modes = mode_candidates(ctx, title) + _mode_from_evaluator(ctx, found["evaluator"])
    if d["report_kind"].value == "department" and d["report_kind"].chosen is not None:
        # a department's evaluation of its own overall spending, unless something says otherwise
        c = d["report_kind"].chosen
        modes.append(Candidate("evaluation_mode", "self", c.start, c.end, 2, "department", c.page))
    d["evaluation_mode"] = decide("evaluation_mode", modes, doc)
    mode = d["evaluation_mode"].value
    unit_c = list(found["evaluated_unit"])
    eval_c = list(found["evaluator"])
    if mode == "finance":
        # the issuer of a finance bureau's notice, or the bureau signing it
        eval_c += _as("evaluator", found["issuer"] + [c for c in found["signature"] if "财政" in fold(c.value)])
    if mode == "self":
        # a self-evaluation: the unit that signs, publishes or carries out the evaluation is the
        # unit evaluated, and it is its own evaluator (one decision, one evidence)
        kinds = _spec()["evaluator_kinds"]
        own = [c for c in found["evaluator"]
               if not re.search(kinds["third_party"] + "|" + kinds["finance"], fold(c.value))]
        unit_c += _as("evaluated_unit", found["signature"] + found["publisher"] + own)
        d["evaluated_unit"] = fullest(ctx, decide("evaluated_unit", unit_c, doc), orgs)
        unit = d["evaluated_unit"]
        d["evaluator"] = Decision("evaluator", unit.value, unit.chosen, [], unit.candidates)
    else:
        d["evaluated_unit"] = fullest(ctx, decide("evaluated_unit", unit_c, doc), orgs)
        d["evaluator"] = fullest(ctx, decide("evaluator", eval_c, doc), orgs)
        if d["evaluated_unit"].value is not None and d["evaluated_unit"].value == d["evaluator"].value \
                and mode is not None:
            d["evaluated_unit"] = Decision("evaluated_unit")  # the firm that evaluated is not the unit evaluated
    d["program"] = decide("program", program_candidates(ctx, pairs, title, d["evaluated_unit"].value,
                                                        d["report_kind"].value), doc)
    return Metadata(d, found)


__all__ = ["extract_metadata", "Metadata", "title_candidates", "years_in", "text_lines", "clean_title", "Line",
           "orgs_in", "Org"]
