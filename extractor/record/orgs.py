"""Organisations: the evaluator, the evaluated unit, the commissioning body, the issuer,
the signing unit and the page's publisher, as candidates.

Names come from the spaCy pipeline (:mod:`.nlp`) run over the matching view; the
phrases that say who did what are in ``patterns/metadata.yaml`` (``evaluator``,
``evaluated_unit``).  :func:`fullest` gives a chosen name under its fullest form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Iterable
from functools import lru_cache

from ... import patterns
from ..normalize import fold_one_for_one
from .candidates import Candidate, Decision
from .context import Context, Line
from .forms import OWN_UNIT_LABEL, SPENDING_UNIT_LABEL, Pair, cut_at_label, form_sections
from .chrome import _metadata_label, line_around, on_metadata_line, on_site_banner
from .divisions import Divisions
from .jurisdiction import divisions
from .nlp import org_suffix
from .phrases import _compiled, _spec, in_citation
from .view import View, fold


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
    for base, chunk in _chunks(text):
        for e in nlp.entities(chunk, {"ORG"}):
            for vstart, vend in _joined_bodies(text, base + e.start, base + e.end):
                s, t = ctx.view.span(vstart, vend)
                name = re.sub(r"\s+", "", ctx.doc.text[s:t])
                if "我" in fold(name):
                    continue  # (批复我局: the writer's pronoun, no name)
                if _bare_kind(re.sub(r"^[一某](?:家|所|个)?", "", fold(name))):
                    continue  # (一会计师事务所受委托, 会计师事务所: a kind of body, named by nothing before it)
                doubled = _DOUBLED_END.search(name)
                cut = 1 if doubled else 0  # (市公安局局[长], 体育局局: the name ends at its first 局)
                out.append(Org(name[: len(name) - cut], vstart, vend - cut))
    return out


def _joined_bodies(text: str, vstart: int, vend: int) -> list[tuple[int, int]]:
    """The view spans of the bodies one entity ``[vstart, vend)`` of the pipeline runs together: two names
    joined by a joiner of ruling 21 (竹山县财政局会同县农业农村局, 县财政局和县水利局 — the model reads the pair
    as one name when the second opens with a bare level word), cut where the words before the joiner end
    like an organisation and the words after it are one (not 人力资源和社会保障局, 住房和城乡建设厅: 人力资源
    and 住房 end like none; not 供销合作社联合社: 社 alone is none)."""
    name = text[vstart:vend]
    for m in re.finditer(_joiner(), name):
        left, right = name[: m.start()], name[m.end() :]
        if len(left) >= 3 and len(right) >= 3 and is_org_name(left) and is_org_name(right):
            return [(vstart, vstart + m.start()), *_joined_bodies(text, vstart + m.end(), vend)]
    return [(vstart, vend)]


# An organ's last character printed twice (嘉定区体育局局, a typo; 市公安局局[长], a cut word): one is the name's.
_DOUBLED_END = re.compile(r"(?<=([局厅委院办处站队馆]))\1$")

CHUNK_CHARS = 200_000  # spaCy refuses texts over a million characters; names never span a line


def _chunks(text: str) -> list[tuple[int, str]]:
    """``text`` in pieces of at most about :data:`CHUNK_CHARS`, cut at line breaks."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def _org_regex(orgs: list[Org]) -> str:
    names = sorted({fold(o.name) for o in orgs}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + ")" if names else "(?!)"


def printed_span(ctx: Context, start: int, end: int, folded: str) -> tuple[int, int] | None:
    """The document span, within ``[start, end)``, whose view text is ``folded``."""
    v = View.of(ctx.doc.text[start:end], start)
    pos = v.text.find(folded)
    return v.span(pos, pos + len(folded)) if pos >= 0 and folded else None


def printed_name(ctx: Context, vstart: int, vend: int, view: View | None = None) -> tuple[str, int, int]:
    """The name at view span ``[vstart, vend)`` as the document prints it (whitespace dropped), and its
    document-text span."""
    s, e = (view or ctx.view).span(vstart, vend)
    return re.sub(r"\s+", "", ctx.doc.text[s:e]), s, e


@lru_cache(maxsize=1)
def _org_end_rx() -> re.Pattern[str]:
    return re.compile("(?:" + org_suffix() + ")$")


def _bare_kind(name: str) -> bool:
    """Whether ``name`` is a firm's kind alone (会计师事务所, 有限责任公司): a kind of body, no name — not a
    body the kind names by itself (红十字会, 总工会)."""
    if _TRADE_WORDS.fullmatch(name):
        return True  # (第三方审计公司, 一家咨询公司: a trade and a firm's kind, no name either)
    return bool(re.fullmatch(org_suffix(), name) and re.search(_spec()["evaluator_kinds"]["third_party"], name))


# The trades a firm's kind may be printed with when no name goes with it (审计公司, 工程咨询公司, 造价咨询公司).
_TRADE_WORDS = re.compile(r"(?:审计|会计|咨询|评估|评价|造价|中介|工程|专业|资产|税务|财务)+(?:有限(?:责任)?)?公司")


def is_org_name(text: str) -> bool:
    """Whether ``text`` ends like an organisation's name (an organ suffix of patterns/entities.yaml)."""
    return bool(_org_end_rx().search(fold(text)))


CODE_PREFIX = re.compile(r"^[0-9A-Z]{2,}[-—－_](?=[\u4e00-\u9fff])")


def is_salutation(text: str, org: Org) -> bool:
    """Whether ``org`` (view span) is the body a report is addressed to: alone on its line, its colon
    perhaps lost, the letter's first words on the next (临夏州退役军人事务局 / 根据《…》通知,…)."""
    start, end = line_around(text, org.vstart, org.vend)
    if text[start : org.vstart].strip() or text[org.vend : end].strip(" 　:："):
        return False
    return bool(re.match(r"\s*(?:根据|按照|依据|为了|为|现将|经)", text[end:]))


# A spending unit's label (实施单位, 项目单位, 资金使用单位 …: patterns/forms.yaml, evaluated_unit at rank 2), and the
# score cells a flattened 自评表's header prints between it and its value (实施单位 | 自评得分 | 98 | 财政审定评分 |
# 银川市第六中学: the unit's cell spans the rows its score cells fill).
_SCORE_CELLS = re.compile(
    r"(?:[\s|｜:：]*[\u4e00-\u9fff]{0,8}?(?:得分|评分|分值|总分)[\s|｜:：]*(?:\d{1,3}(?:\.\d+)?)?)+[\s|｜:：]*"
)


def _displaced_unit(ctx: Context, orgs: list[Org], pairs: list[Pair]) -> list[Candidate]:
    """The spending unit of a flattened 自评表 whose label's value was displaced past the score cells printed beside
    it (实施单位 自评得分 98 财政审定评分 银川市第六中学): the label has no value of its own, and the first name after
    those score cells belongs to no other label — the unit evaluated (8.7: over the form's 主管部门, below a
    unit's own cell)."""
    from .forms import _spec as form_spec

    label = next(rx for field, rank, rx in form_spec()["labels"] if field == "evaluated_unit" and rank == 2)
    text = ctx.view.text
    labelled = {p.label_start for p in pairs}
    values = {p.start for p in pairs}
    for m in label.finditer(text):
        s, _e = ctx.view.span(m.start(), m.end())
        if s in labelled:
            continue  # (a label with its value)
        cells = _SCORE_CELLS.match(text, m.end())
        if cells is None or cells.end() == m.end():
            continue
        org = next((o for o in orgs if o.vstart == cells.end()), None)
        if org is None:
            continue
        name, ds, de = printed_name(ctx, org.vstart, org.vend)
        if ds in values or not is_org_name(name):  # (another label's value)
            continue
        return [ctx.candidate_at("evaluated_unit", name, s, de, 8.7, "form:displaced")]
    return []


def _own_cell_beside_spending(ctx: Context, units: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """``units`` without the form's own-unit cells (单位名称：农业工作科) when the same form names the programme's
    spending unit apart (项目实施单位 农业科, another name), and those cells as the form's filer: the unit that
    fills in the form is its evaluator, the one that spends the unit evaluated (tests/devset/README.md, ruling 4)."""

    def label(c: Candidate) -> str:
        return fold(ctx.doc.text[c.start : c.end])

    cells = [c for c in units if c.rule.startswith("form")]
    own = [c for c in cells if OWN_UNIT_LABEL.match(label(c))]
    spending = {fold(c.value) for c in cells if SPENDING_UNIT_LABEL.match(label(c))}
    if not own or not spending or spending & {fold(c.value) for c in own}:
        return units, []
    filed = [replace(c, field="filer", rank=8.75) for c in own]
    return [c for c in units if c not in own], filed


def _glued_cover(ctx: Context, lines: list[Line], names: list[str]) -> list[Candidate]:
    """A cover's organisation and date run into the lines around them (a document site's one-line
    preview: …考评机构:中介机构( 安 庆 市 财 政 局 二〇一七年六月 目 录 …): an organisation right before
    a date in Chinese numerals, which only covers and signatures print."""
    for line in lines:
        for m in _compiled()["cn_date"].finditer(line.text):
            key = line.text[: m.start()].rstrip(" ，,")
            org = next((n for n in names if key.endswith(n)), None)
            if org:
                printed, s, e = printed_name(ctx, len(key) - len(org), len(key), line.view)
                return [ctx.candidate_at("signature", printed, s, e, 4.4, "cover_glued")]
    return []


@lru_cache(maxsize=1)
def _seal_at_end() -> re.Pattern[str]:
    """A seal's note ending a signing body's line (XX局（盖章）, XX局 公章, XX局（印）: ``seal_note``)."""
    return re.compile(rf"\s*(?:{_compiled()['seal'].pattern})\s*$")


# What follows the date on a notice's printing line (XX局办公室 2023年6月1日印发).
_PRINTED_LINE = re.compile(r"\s*(?:日)?\s*印发")

# A line that is a date and nothing else (2023年3月15日, 二〇二三年三月): a cover's or a signature's.
_DATE_LINE_REST = re.compile(r"[\s日号]*")


def _dated_block(
    ctx: Context, lines: list[Line], names: list[str], rank: float, rule: str, last: bool = False
) -> list[Candidate]:
    """The organisation alone on its line (its seal aside: XX局（盖章）) right over a line that is a date
    alone — how a cover (…自评报告 / XX局 / 2023年3月) and a signature block print the writer; the first
    such block of ``lines``, or the last one."""
    found: list[Candidate] = []
    for above, line in zip(lines, lines[1:]):
        date = _compiled()["date"].match(line.text.strip()) or _compiled()["cn_date"].match(line.text.strip())
        if date is None or not _DATE_LINE_REST.fullmatch(line.text.strip()[date.end() :]):
            continue
        key = _seal_at_end().sub("", above.text).strip()
        if key in names and not _metadata_label().search(key):
            lead = len(above.text) - len(above.text.lstrip())
            printed, s, e = printed_name(ctx, lead, lead + len(key), above.view)
            found = [ctx.candidate_at("signature", printed, s, e, rank, rule)]
            if not last:
                break
    return found


def _wrap_breaks(ctx: Context, orgs: list[Org]) -> list[tuple[int, int]]:
    """The document spans of the line breaks inside names hard-wrapped over two lines (a signature's
    湖南湘诚会计师 / 事务所有限公司, a cover's or a form's value: :func:`.nlp.org_spans` reads such a name whole)."""
    out = []
    for o in orgs:
        k = ctx.view.text.find("\n", o.vstart, o.vend)
        if k >= 0:
            out.append((ctx.view.starts[k], ctx.view.ends[k]))
    return out


def _rejoined(ctx: Context, lines: list[Line], breaks: list[tuple[int, int]]) -> list[Line]:
    """``lines`` with each name hard-wrapped over two of them on one line (whose view drops the break)."""
    if not breaks:
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and any(prev.end <= s and e <= line.start for s, e in breaks):
            v = View.of(ctx.doc.text[prev.start : line.end], prev.start)
            out[-1] = Line(v.text, prev.start, line.end, v, prev.block)
        else:
            out.append(line)
    return out


def _wrapped_value(ctx: Context, p: Pair, orgs: list[Org], breaks: list[tuple[int, int]]) -> Pair:
    """A form's value that is the head of a name hard-wrapped onto the next line (评价机构：湖南湘诚会计师事务所有 /
    限公司): the whole name, its span running on to the name's end."""
    for o in orgs:
        s, e = ctx.view.span(o.vstart, o.vend)
        if p.start <= s < p.end < e and any(p.end <= bs and be <= e for bs, be in breaks):
            name = fold(o.name)
            return replace(p, value=name, cell=name, end=e)
    return p


def org_candidates(
    ctx: Context,
    orgs: list[Org],
    pairs: list[Pair],
    title: Candidate | None,
    titles: list[Candidate],
    lines: list[Line],
) -> dict[str, list[Candidate]]:
    spec = _spec()
    org_rx = _org_regex(orgs)
    text = ctx.view.text
    breaks = _wrap_breaks(ctx, orgs)
    lines = _rejoined(ctx, lines, breaks)
    out: dict[str, list[Candidate]] = {
        "evaluator": [],
        "evaluated_unit": [],
        "client": [],
        "signature": [],
        "issuer": [],
        "publisher": [],
        "self_named": [],
        "addressee": [],
        "filer": [],
        "commissioner": [],
    }
    tv = View.of(ctx.doc.text[title.start : title.end], title.start) if title is not None else None
    title_views = [View.of(ctx.doc.text[t.start : t.end], t.start) for t in titles]
    for fname in ("evaluator", "evaluated_unit"):
        for rule in spec[fname]:
            rx = re.compile(rule["regex"].replace("{ORG}", org_rx))
            where = rule.get("where", "text")
            for view in title_views if where == "title" else [ctx.view]:
                end = 1500 if where == "opening" else len(view.text)
                in_title = [(t.start, t.end) for t in titles] if rule.get("not_in_title") else []
                m = next(
                    (
                        m
                        for m in rx.finditer(view.text, 0, end)
                        if (where == "title" or ctx.region_at(ctx.view.starts[m.start()]) != "annex")
                        and not any(s <= view.starts[m.start()] < e for s, e in in_title)
                        and (
                            where == "title"
                            or rule.get("cited")
                            or not in_citation(view.text, m.start("org"), reach=200)
                        )
                    ),
                    None,
                )
                if m is None:
                    continue
                name, s, e = printed_name(ctx, m.start("org"), m.end("org"), view)
                if fname == "evaluator" or rule.get("joint"):
                    name, s, e = _joint(ctx, view, m.start("org"), m.end("org"), org_rx) or (name, s, e)
                rule_name = f"{where}:{rule['tag']}" if "tag" in rule else where
                out[fname].append(ctx.candidate_at(fname, name, s, e, rule["rank"] - m.start() / 1e7, rule_name))
                break
    # the commissioning body (受XX委托): a place for the jurisdiction, not the evaluator
    for m in re.finditer(r"受(?P<org>" + org_rx + r")(?:的)?委托", text):
        name, s, e = printed_name(ctx, m.start("org"), m.end("org"))
        out["client"].append(ctx.candidate_at("client", name, s, e, 9, "commission"))
        break
    # a body that commissions a third party it does not name (XX财政局委托第三方机构对…开展了重点绩效评价)
    # (聘请/邀请/引入 one, or works with one: 会同第三方机构, 组织第三方机构)
    commissions = r"[^。；\n]{0,30}?(?:委托|聘请|邀请|引入|采购|组织|会同|联合|借助)(?:了)?[^。；，,\n]{0,6}?(?:"
    for m in re.finditer(r"(?P<org>" + org_rx + r")" + commissions + spec["unnamed_third_party"] + ")", text):
        name, s, e = printed_name(ctx, m.start("org"), m.end("org"))
        out["commissioner"].append(ctx.candidate_at("commissioner", name, s, e, 6, "commissions_unnamed"))
        break
    # a body other than a finance one that hires a third party, a firm or experts it does not name (县住建局聘请第三方
    # 对各乡镇…开展绩效评价): the evaluation is the commissioning body's (tests/devset/README.md ruling 44) — its
    # commissioner candidate, and its phrase rules' evaluator candidates stay (a headline's 县住建局开展…绩效评价工作)
    # (not one that leads it, 山西省商务厅牵头委托第三方专家组…进行绩效评价: the lead body's 牵头 rule of ``evaluator``)
    commissioners = {fold(c.value) for c in out["commissioner"]}
    # (the body may be the subject of a run of clauses before it: 贺兰山东麓园区管委会高度重视,成立组织机构,…,委托第三方
    # 机构…; not a body a cited document names, 根据…办公厅关于印发《…》的要求,对重点项目委托第三方机构)
    hires = (
        r"(?P<org>" + org_rx + r")(?!牵头)(?:(?!关于|《|》)[^。；\n]){0,60}?(?:委托|聘请)(?:了)?(?:第三方|中介|专家)"
    )
    for m in re.finditer(hires, text):
        if re.search(spec["evaluator_kinds"]["finance"], fold(m.group("org"))) or fold(m.group("org")) in commissioners:
            continue
        name, s, e = printed_name(ctx, m.start("org"), m.end("org"))
        out["commissioner"].append(ctx.candidate_at("commissioner", name, s, e, 6, "hires_unnamed"))
        break
    for p in pairs:
        if p.field in ("evaluator", "evaluated_unit", "publisher", "client", "filer"):
            p = _wrapped_value(ctx, p, orgs, breaks) if breaks else p
            # (the cover's date glued after the name ends it: 评价机构:XX委员会2017年7月)
            value = CODE_PREFIX.sub(
                "", re.split(r"[，,。；;]|[（(](?!(?:特殊)?普通合伙)|\s*(?:19|20)\d\d\s*年", p.first_cell)[0]
            )
            value = re.sub(r"(?:本级|机关)$", "", value)
            if not is_org_name(value):
                value = cut_at_label(value)  # the name ends where the next cell's label begins
            value = re.sub(r"^(.{2,})\1$", r"\1", value)  # the same name in two cells run together
            value = _DOUBLED_END.sub("", value)  # 预算单位:嘉定区体育局局 (a typo)
            span = printed_span(ctx, p.start, p.end, value)
            # (a section of a body under a unit's own label: 实施单位 | 大气环境科)
            named = is_org_name(value) or (
                p.field != "publisher" and form_sections().fullmatch(fold(value)) is not None
            )
            if 2 <= len(value) <= 40 and not re.search(r"\d", value) and span and named:
                name = re.sub(r"\s+", "", ctx.doc.text[span[0] : span[1]])
                # (the filing unit: below a spending unit's own cell, above a supervisor's)
                rank = {"publisher": 4 + p.rank / 10, "client": 9, "filer": 8.75}.get(p.field, 8 + p.rank / 2)
                if p.layout == "glued":
                    rank -= 0.1  # (a value cut where the next label is guessed to begin: below a cell's own)
                out[p.field].append(ctx.candidate_at(p.field, name, p.label_start, span[1], rank, f"form:{p.layout}"))
    out["evaluated_unit"] += _displaced_unit(ctx, orgs, pairs)
    out["evaluated_unit"], filed = _own_cell_beside_spending(ctx, out["evaluated_unit"])
    out["filer"] += filed
    # the issuer of a notice: "XX财政局关于……" as its title
    if tv is not None and title is not None:  # (tv is the title's view)
        m = re.match(r"(?P<org>" + org_rx + r")关于", tv.text)
        # (a finance body opening the headline of its own notice or news without 关于: 枞阳县财政局2022年度重点
        # 项目绩效评价结果公示 — it evaluates others' spending, never its own in a notice, so it issues it)
        opens = re.match(r"(?P<org>" + org_rx + r")(?=[\u4e00-\u9fff\d])", tv.text)
        if m:
            name, s, e = printed_name(ctx, m.start("org"), m.end("org"), tv)
            # (two issuers of one notice, A、B关于… or printed apart by a space: each, joined with 、 — ruling 21)
            name, s, e = _joint(ctx, tv, m.start("org"), m.end("org"), org_rx) or (name, s, e)
            out["issuer"].append(ctx.candidate_at("issuer", name, s, e, 7, "title"))
        elif (
            opens
            and re.search(_spec()["evaluator_kinds"]["finance"], fold(opens.group("org")))
            and _EVALUATION_NOTICE.match(tv.text, opens.end())
        ):
            name, s, e = printed_name(ctx, opens.start("org"), opens.end("org"), tv)
            out["issuer"].append(ctx.candidate_at("issuer", name, s, e, 6.8, "title_opens"))
        else:
            out["issuer"] += _issuer_above(ctx, lines, title, org_rx)
    # a red-head notice's issuer line (澧县财政局文件 over its document number and title)
    if not out["issuer"]:
        out["issuer"] += _red_head(ctx, lines[: _spec()["report_date"]["head_lines"]], title, org_rx)
    # the one body a notice is addressed to (县教育局：on the line under the title; not 各有关单位,
    # not several, not a finance body a unit reports to)
    if title is not None:
        after = [ln for ln in lines if ln.start >= title.end][:4]
        for line in after:
            m = re.fullmatch(_spec()["addressee_line"], line.text)
            if (
                m
                and is_org_name(m.group("org"))
                and not re.match(r"各|有关", m.group("org"))
                and not re.search(_spec()["evaluator_kinds"]["finance"], m.group("org"))
            ):
                name, s, e = printed_name(ctx, m.start("org"), m.end("org"), line.view)
                out["addressee"].append(ctx.candidate_at("addressee", name, s, e, 7.5, "addressee"))
                break
    # the signing unit: an organisation ending one of the last lines (alone, or after a
    # line the reader ran into it: 附件:…[点击下载]固始县…人民政府)
    names = sorted({fold(o.name) for o in orgs}, key=len, reverse=True)
    body = [ln for ln in lines if not re.search(spec["web_footer"], ln.text)]
    # (a table's rows are lines of the document too: a cover's 评价机构:XX over a form set as a real table is
    # no last line, as it is none over the same form's rows written as text)
    table_ends = [(b.start, len(b.rows or [])) for b in ctx.doc.blocks if b.kind == "table"]
    for k, line in enumerate(reversed(body[-8:])):
        if title is not None and line.end <= title.start:
            break  # (a short page: its last lines reach above the title, into the site's banner)
        if k + sum(n for start, n in table_ends if start >= line.end) >= 8:
            break
        key = _seal_at_end().sub("", line.text)  # (XX局（公章）, XX局（印）)
        date_cut = _compiled()["date"].search(key) or _compiled()["cn_date"].search(key)
        if date_cut:
            if _PRINTED_LINE.match(key, date_cut.end()):
                continue  # (the office that printed a notice, XX局办公室 2023年6月1日印发: not who signed it)
            key = key[: date_cut.start()]
        org = next((n for n in names if key.endswith(n) and (key == n or key[-len(n) - 1] in "]】）)。：:")), None)
        if org and _metadata_label().search(key[: len(key) - len(org)]):
            continue  # a page's metadata line (发布机构：…) is no signature: it names nobody (ruling 3)
        if org:
            printed, s, e = printed_name(ctx, len(key) - len(org), len(key), line.view)
            # (two bodies signing on one line, printed apart: each, joined with 、 — ruling 21)
            printed, s, e = _joint(ctx, line.view, len(key) - len(org), len(key), org_rx) or (printed, s, e)
            out["signature"].append(ctx.candidate_at("signature", printed, s, e, 5 - k / 100, "signature"))
            break
    # a cover line: an organisation and the date it wrote the report, nothing else
    # (…绩效自评报告 / 江西省体育局 / 二〇二二年三月, lines the reader may have joined)
    head = _spec()["report_date"]["head_lines"]
    for line in lines[: head * 3]:
        tail = _compiled()["date"].search(line.text) or _compiled()["cn_date"].search(line.text)
        if tail is None or line.text[tail.end() :].strip(" 日"):
            continue
        key = line.text[: tail.start()].rstrip(" ，,")
        org = next((n for n in names if key.endswith(n)), None)
        if org:
            printed, s, e = printed_name(ctx, len(key) - len(org), len(key), line.view)
            out["signature"].append(ctx.candidate_at("signature", printed, s, e, 4.5, "cover"))
            break
    else:
        # (this loop's own fallback, whatever the signature search above found or where it stopped:
        # a short page's signature search ends at its title, and its cover may still be run into a line)
        out["signature"] += _glued_cover(ctx, lines[: head * 3], names) or _dated_block(
            ctx, lines[: head * 3], names, 4.5, "cover_block"
        )
    if not any(c.rule == "signature" for c in out["signature"]):
        # a signature above the annexes (…/ XX中心 / 2023年3月15日 / 附件1 …): not among the last lines
        tail = lines[len(lines) - max(8, int(len(lines) * _spec()["report_date"]["tail_share"])) :]
        out["signature"] += _dated_block(ctx, tail, names, 4.9, "signature_block", last=True)
    # a self-evaluation says 我局/我中心/我处 of itself: the organisation of that kind it names — when it
    # names only one (besides finance bodies and firms); several (我局 beside 县发改局, 县审计局) leave open
    # which one writes (devset ruling 3: a document speaking only as 我局 names no unit). (我处: a
    # 管理处's; not 处于, 处理)
    for m in re.finditer(
        r"(?:我|本)(?P<kind>单位|局|委|办|厅|中心|院|校|所|站|馆|队|会|处(?![于在理置罚分]))(?![\u4e00-\u9fff]{0,1}(?:级|部|面))",
        text[: len(text) // 2 + 2000],
    ):
        kind = m.group("kind")
        # (not one it works with: 我局会同县防汛办、应急管理局)
        of_kind = [
            o
            for o in orgs
            # (我单位, 本单位: a unit of any kind — still the one body the text names, not a government: 我县, 我市)
            if (fold(o.name).endswith(kind) or (kind == "单位" and not fold(o.name).endswith("政府")))
            and not on_metadata_line(text, o.vstart)
            # (for 我单位, nor the issuer of a document it cites: 根据《抚远市人民政府关于…的批复》, 县教育局制定的《…制度》)
            and not (kind == "单位" and (in_citation(text, o.vstart, reach=200) or _AUTHOR_AFTER.match(text, o.vend)))
            and not on_site_banner(text, o.vstart)
            and not is_salutation(text, o)
            and not re.search(r"(?:会同|联合|协同|配合|、)[^。；，,]{0,8}$", text[max(0, o.vstart - 10) : o.vstart])
            # (nor the body above it that it reports or files to: 上报省移民局备案, 报县交通局审批)
            and not RECIPIENT_BEFORE.search(text[max(0, o.vstart - 4) : o.vstart])
            # (nor one said to have checked its work: 此项工作已全面完成,并经市统计局…评估认定 — another body's act on it)
            and not re.search(r"经(?:过)?$", text[max(0, o.vstart - 2) : o.vstart])
            # (nor a kind of body that names no place: 博物馆, 档案馆 — no name of one)
            and _names_a_place(fold(o.name))
            and not re.search(
                _spec()["evaluator_kinds"]["finance"] + "|" + _spec()["evaluator_kinds"]["third_party"],
                fold(o.name),
            )
        ]
        if of_kind and len(_distinct_bodies(o.name for o in of_kind)) == 1:
            first = of_kind[0]
            name, s, e = printed_name(ctx, first.vstart, first.vend)
            out["self_named"].append(ctx.candidate_at("self_named", name, s, e, 3.5, "pronoun"))
        elif kind == "单位":
            continue  # (我单位 with no one body named: a kinded pronoun further on, 我局, may still tell which)
        break
    if not out["self_named"]:
        out["self_named"] += _named_after_pronoun(ctx, orgs)
    out["evaluated_unit"] += _town_of_title(ctx, title)
    return out


def _named_after_pronoun(ctx: Context, orgs: list[Org]) -> list[Candidate]:
    """The body a report names right after its own pronoun (安排我公路建设养护中心20xx年…): its function as well as
    its kind, so a name, not 我局 (tests/devset/README.md ruling 38) — when it names one such body only, and the
    name opens with no place's level word (我县交通运输局 is the county's, read by the place rules)."""
    text = ctx.view.text
    named = [
        o
        for o in orgs
        if o.vstart > 0
        and text[o.vstart - 1] in "我本"
        and o.vstart < len(text) // 2 + 2000
        and not re.match(r"[省市县区州旗盟乡镇村]", fold(o.name))
        and not re.fullmatch(org_suffix(), fold(o.name))
        and not divisions().find(fold(o.name))
    ]
    if len(_distinct_bodies(o.name for o in named)) != 1:
        return []
    name, s, e = printed_name(ctx, named[0].vstart, named[0].vend)
    return [ctx.candidate_at("self_named", name, s, e, 3.4, "pronoun_name")]


def _town_of_title(ctx: Context, title: Candidate | None) -> list[Candidate]:
    """A town's own report (三堂街镇2021年度村管费支出绩效评价报告 / …我镇人口…): the title opens with the town's
    name, no organ word after it, and the report speaks as the town (我镇, 本乡; ``town_title`` in
    patterns/metadata.yaml) — the town is the unit (devset ruling 7), as printed (7: a name the title gives)."""
    if title is None:
        return []
    spec = _spec()["town_title"]
    # (matched one character for one in simplified characters: a mirror's traditional copy, 三堂街鎮, too)
    printed = ctx.doc.text[title.start : title.end]
    m = re.match(spec["name"], fold_one_for_one(printed))
    if m is None or not re.search(spec["writer"], ctx.view.text):
        return []
    name = printed[: m.end("town")]
    return [ctx.candidate_at("evaluated_unit", name, title.start, title.start + len(name), 7, "title_town")]


@lru_cache(maxsize=1)
def _joint_rules() -> dict[str, str]:
    """Bodies named as acting together (``joint_bodies`` in patterns/entities.yaml, devset ruling 21)."""
    return dict(patterns.load("entities.yaml")["joint_bodies"])


def _joiner() -> str:
    return _joint_rules()["joiner"]


def _bare_organ() -> str:
    return _joint_rules()["bare_organ"]


def _joint(ctx: Context, view: View, vstart: int, vend: int, org_rx: str) -> tuple[str, int, int] | None:
    """The evaluator at ``[vstart, vend)`` of ``view`` with the bodies named with it as acting together
    (A、B对…开展评价, A和B组织…, A会同B…, 《A B关于…》): every name as printed, in order, joined with 、
    (devset ruling 21), and the span from the first to the last; None when it is named alone."""
    text = view.text
    parts = _names_in(ctx, view, vstart, vend, org_rx)
    if not parts:
        return None
    # a body the clause opens with that does it together with this one (县财政局会同XX会计师事务所对…,
    # 市财政局联合XX公司…: ruling 21's joint evaluators, the first named first)
    clause = max(text.rfind(p, 0, vstart) for p in "，,。；;：:\n") + 1
    before = re.fullmatch(
        _joint_rules()["clause_lead"] + r"(?P<n>" + org_rx + "|" + _bare_organ() + r")" + _joint_rules()["acting_with"],
        text[clause:vstart],
    )
    if before is not None:
        a, b = clause + before.start("n"), clause + before.end("n")
        parts = (_names_in(ctx, view, a, b, org_rx) or [(a, b)]) + parts
    nxt = re.compile(_joiner() + r"(?P<n>" + org_rx + "|" + _bare_organ() + ")")
    while m := nxt.match(text, parts[-1][1]):
        parts += _names_in(ctx, view, m.start("n"), m.end("n"), org_rx) or [(m.start("n"), m.end("n"))]
    if len(parts) < 2:
        return None
    names = [printed_name(ctx, a, b, view)[0] for a, b in parts]
    _n, s, _e = printed_name(ctx, parts[0][0], parts[0][1], view)
    _n, _s, e = printed_name(ctx, parts[-1][0], parts[-1][1], view)
    return "、".join(names), s, e


def _names_in(ctx: Context, view: View, vstart: int, vend: int, org_rx: str) -> list[tuple[int, int]]:
    """The view spans of the bodies a matched name ``[vstart, vend)`` holds: one, or several joined
    (A和B, A、B), or printed apart by a space the view drops (内蒙古自治区住房和城乡建设厅 财政厅, two
    issuers of one notice) — each an organisation's name."""
    one = re.compile(r"(?:" + org_rx + "|" + _bare_organ() + r")")
    spans, pos = [], vstart
    while pos < vend:
        m = one.match(view.text, pos, vend)
        if m is None:
            return [(vstart, vend)]
        spans.append((m.start(), m.end()))
        j = re.compile(_joiner()).match(view.text, m.end(), vend)
        pos = j.end() if j else m.end()
    out = []
    for a, b in spans:
        s, e = view.span(a, b)
        pieces = ctx.doc.text[s:e].split()
        if len(pieces) > 1 and all(is_org_name(p) or re.fullmatch(_bare_organ(), p) for p in pieces):
            k = a
            for p in pieces:  # (the view drops the space between two CJK names: lengths line up)
                out.append((k, k + len(fold(p))))
                k += len(fold(p))
        else:
            out.append((a, b))
    return out


# The words right after a body that make it a cited document's author (县教育局制定的《财务管理制度》, XX厅印发《…》),
# a co-issuer named between them (市人社局市财政下发了《…》, XX局和XX局联合印发《…》) — or the document's title
# right after its issuers, no verb between (落实中共新华区委、新华区人民政府《关于…的实施意见》).
_AUTHOR_AFTER = re.compile(
    r"(?:[、和与及]?[^，,。；;：:《》\n]{0,14}?)?(?:(?:联合)?(?:制定|印发|出台|下发|发布|颁布|制发)(?:了|的)?《"
    r"|(?<=[局厅委院办府部会心])《)"
)

# The words right before a body that say the writer reports, files or sends something to it (上报, 报送,
# 呈报, 报请, 向): the body above the writer, not the writer (上报省移民局备案).
RECIPIENT_BEFORE = re.compile(r"(?:上报|报送|呈报|报请|报批|报|向|呈送|送交|抄送)$")


def _names_a_place(name: str) -> bool:
    """Whether an organisation's name names its place: a division's name in it (澧县博物馆, 中共中山市委
    党校) or a level word in it (县交通局, 区民政局; an OCR'd place, 宝垠区农业农村委) — a body's kind alone
    (博物馆) names none."""
    return bool(_LEVEL_WORD.search(name[:-1]) or divisions().find(name))


def _issuer_above(ctx: Context, lines: list[Line], title: Candidate, org_rx: str) -> list[Candidate]:
    """The body alone on the line right above the title: a 关于… notice's letterhead (7: 重庆市铜梁区农业农村
    委员会 / 关于…报告), or a cover's body over its report's title (6.5: 澧县交通运输局 / 澧县2022年度…绩效
    自评报告; a firm over its 评价报告) — not a web page's banner over its metadata block."""
    above = [ln for ln in lines if ln.end <= title.start]
    if above and _DOC_NUMBER_LINE.fullmatch(above[-1].text.strip()):
        above = above[:-1]  # (a letterhead over its document number over the title: 枞阳县财政局 / 枞财绩〔2023〕5号)
    gap = ctx.doc.text[above[-1].end : title.start] if above else ""
    if not above or (gap.strip() and not _DOC_NUMBER_LINE.fullmatch(gap.strip())):
        return []
    if not re.fullmatch(org_rx, above[-1].text):
        return []
    line = above[-1]
    if on_site_banner(ctx.view.text, ctx.view.index(line.start)):
        return []
    rank = 7 if fold(ctx.doc.text[title.start : title.end]).startswith("关于") else 6.5
    name, s, e = printed_name(ctx, 0, len(line.text), line.view)
    return [ctx.candidate_at("issuer", name, s, e, rank, "title_above")]


# What a headline says of an evaluation's outcome (…绩效评价结果公示, …评价情况的通报): a notice of one, not a meeting
# or a plan (市财政局召开预算绩效评审委员会…会议).
_EVALUATION_NOTICE = re.compile(
    r"(?![^。；]*(?:召开|会议|培训|方案|办法))[^。；]*?(?:评价|考评|评估|考核)[^。；]{0,12}?"
    r"(?:结果|情况|报告)[^。；]{0,4}?(?:通知|通报|公示|公告|公开|公布|反馈|报告)?"
)


# A document number alone on its line (枞财绩〔2023〕5号, 澧财预[2023]12号): a notice's, under its letterhead.
_DOC_NUMBER_LINE = re.compile(
    r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)


def _red_head(ctx: Context, lines: list[Line], title: Candidate | None, org_rx: str) -> list[Candidate]:
    """The issuer a red-head document prints as its first line (澧县财政局文件, over its number and title:
    ``red_head`` in patterns/metadata.yaml), above the title."""
    rx = re.compile(_spec()["red_head"].replace("{ORG}", org_rx))
    for line in lines:
        if title is not None and line.start >= title.start:
            break
        m = rx.fullmatch(line.text)
        if m:
            name, s, e = printed_name(ctx, m.start("org"), m.end("org"), line.view)
            return [ctx.candidate_at("issuer", name, s, e, 7, "red_head")]
    return []


def _distinct_bodies(names: Iterable[str]) -> set[str]:
    """The bodies ``names`` name: a short form that ends a longer one is the same body (区民政局 of
    裕安区民政局)."""
    folded = {fold(n) for n in names}
    return {n for n in folded if not any(o != n and o.endswith(n) for o in folded)}


# The level word a short name may open with (县司法局, 自治区文化和旅游厅): the end of a division's name.
_LEVEL_WORD = re.compile(r"自治区|自治州|自治县|自治旗|[省市县区州盟旗镇乡]")


_TOWN_END = re.compile(r"(?:镇|乡|街道)$")
_TOWN_OFFICE = re.compile(r"人民政府|办事处")


def _opens_with_division(table: Divisions, name: str) -> bool:
    """Whether ``name`` opens with a division's full name (乡宁县城乡居民…局, 镇江市…)."""
    return any(s == 0 and n in table.by_name for s, _e, n in table.find(name))


def fullest(ctx: Context, decision: Decision, orgs: list[Org]) -> Decision:
    """The chosen organisation under its fullest name in the document: 呈贡区…局 → 昆明市呈贡区…局,
    县司法局 → 紫金县司法局.

    A longer name counts when it is the chosen one led by division names only.
    """
    if decision.chosen is None:
        return decision
    if "、" in decision.value:
        # bodies acting together (ruling 21: 县财政局、XX公司 from 县财政局联合XX公司对…): each in full where the
        # document prints it so (江永县财政局 signing); the evidence stays the words that name them together.
        # Not when a place printed once is shared by the bodies after it (自治区财政厅、水利厅): as printed.
        names = decision.value.split("、")
        # (read folded: a mirror's traditional copy, 自治區財政廳、水利廳, shares its place as the original does)
        if any(re.fullmatch(_bare_organ(), fold(n)) and not divisions().find(fold(n)) for n in names[1:]):
            return decision
        names = [_fullest_name(ctx, n, orgs) or n for n in names]
        value = "、".join(names)
        if value == decision.value:
            return decision
        c = decision.chosen
        chosen = Candidate(c.field, value, c.start, c.end, c.rank, c.rule + "+fullest", c.page)
        return Decision(decision.field, value, chosen, decision.warnings, decision.candidates)
    best = _fullest_org(ctx, decision.value, orgs)
    if best is None:
        return decision
    s, e = ctx.view.span(best.vstart, best.vend)
    c = decision.chosen
    chosen = Candidate(c.field, best.name, s, e, c.rank, c.rule + "+fullest", ctx.page(s))
    return Decision(decision.field, best.name, chosen, decision.warnings, decision.candidates)


def _fullest_name(ctx: Context, name: str, orgs: list[Org]) -> str | None:
    best = _fullest_org(ctx, name, orgs)
    return best.name if best is not None else None


def _fullest_org(ctx: Context, value: str, orgs: list[Org]) -> Org | None:
    """The organisation printed under the fullest name of ``value`` (see :func:`fullest`), or None."""
    key = fold(value)
    table = divisions()
    best: Org | None = None
    text = ctx.view.text
    for o in orgs:
        name = fold(o.name)
        if on_metadata_line(text, o.vstart) or on_site_banner(text, o.vstart):
            continue  # (the page's metadata and banner name no unit, not even in full: devset ruling 3)
        if _TOWN_OFFICE.fullmatch(name[len(key) :]) and name.startswith(key) and _TOWN_END.search(key):
            # 塘桥街道 → 塘桥街道办事处, 杨楼镇 → 杨楼镇人民政府: a town's or street's name stands for its
            # government or office, printed in full elsewhere (devset ruling 7)
            if best is None or len(name) > len(fold(best.name)):
                best = o
            continue
        if _same_division_in_full(table, key, name) and (best is None or len(name) > len(fold(best.name))):
            best = o  # 红河州生态环境局 → 红河哈尼族彝族自治州生态环境局: the division's short name, printed in full
            continue
        if len(name) <= len(key) or not name.endswith(key):
            continue
        prefix = name[: -len(key)]
        # 县司法局 → 紫金县司法局, 自治区文化和旅游厅 → 广西壮族自治区…: the short name's own level
        # word ends the division's name — unless the short name opens with a division's own name
        # (乡宁县…局, 镇沅…自治县…局, 镇江市…: a county named with 乡 or 镇 first is no level word)
        level = _LEVEL_WORD.match(key) if not _opens_with_division(table, key) else None
        head = prefix + level.group() if level else prefix
        covered = sum(e - s for s, e, _n in table.find(head))
        if covered == len(head) and (best is None or len(name) > len(fold(best.name))):
            best = o
    return best


def _same_division_in_full(table: Divisions, key: str, name: str) -> bool:
    """Whether ``name`` is ``key`` with the division ``key`` opens with under its full name: the same organ
    words after it, and the division's name (and those above it) before them — 红河州生态环境局 in full
    红河哈尼族彝族自治州生态环境局, 德宏州财政局 in full 德宏傣族景颇族自治州财政局 (the alias table's short
    form of the same division, ``patterns/division_aliases.csv``)."""
    head = next((n for s, _e, n in table.find(key) if s == 0 and n in table.short), None)
    if head is None or len(name) <= len(key):
        return False
    rest = key[len(head) :]
    if len(rest) < 2 or not name.endswith(rest):
        return False
    full = name[: -len(rest)]
    found = table.find(full)
    if not found or sum(e - s for s, e, _n in found) != len(full) or found[-1][1] != len(full):
        return False
    codes = {d.code for d in table.short[head]}
    return any(d.code in codes for d in table.by_name.get(found[-1][2], []))


def as_field(field: str, cands: list[Candidate]) -> list[Candidate]:
    """The same candidates, for another field (a signing unit as the unit evaluated …)."""
    return [Candidate(field, c.value, c.start, c.end, c.rank, c.rule, c.page) for c in cands]


__all__ = [
    "CODE_PREFIX",
    "Org",
    "line_around",
    "on_metadata_line",
    "orgs_in",
    "org_candidates",
    "fullest",
    "is_org_name",
    "printed_span",
    "as_field",
]
