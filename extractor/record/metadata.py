"""Report metadata: one decision per field from the candidates of the finders.

The finders live in their own modules — :mod:`.titles` (the title), :mod:`.dates`
(years evaluated, report date), :mod:`.orgs` (evaluator, evaluated unit and the
organisations around them), :mod:`.programmes` (the programme) — and here: the report
kind and the evaluation mode.  Phrases are data (``patterns/metadata.yaml``).  The ranking rules:

``report_kind``
    the title's words (10) over what the body says it evaluates (5; two kinds named
    there is a mixed notice: null).
``evaluation_mode``
    a finance bureau's results notice as title (12) over 自评 in the title (11) over a
    commission (受…委托, 9) over a finance body as evaluator (9.5/7.5) or a 重点评价
    title (8.5) over a finance bureau organising the evaluation (8) over 自评 in the
    body (5) over a unit evaluating its own spending (4) over a department-wide report's
    form naming its own unit (单位名称, 3.5) over the writer's first person (3, 2.5; in a
    department-wide report naming its unit, 本部门/本单位 too).
``evaluated_unit`` / ``evaluator``
    a commission sentence (10) or a form's label (9/8.5) over evaluation sentences (8, 7)
    over the issuer of a finance notice (7) over the signing unit (5) over the page's
    publisher (4) over the body the report speaks as (1.5, :mod:`.orgroles`: the subject of most of
    its clauses); in a self-evaluation the unit is its own evaluator.
``program``
    a form's 项目名称 (10) over the title without places, years, unit and suffix (8) over
    a sentence naming what was evaluated (6, 5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from .candidates import Candidate, Decision, decide
from .context import Context, Line
from .dates import date_candidates, year_candidates
from .forms import OWN_UNIT_LABEL, SUPERVISOR_LABEL, Pair
from .jurisdiction import divisions
from .orgs import (
    Org,
    as_field,
    fullest,
    on_metadata_line,
    on_site_banner,
    org_candidates,
    orgs_in,
)
from .orgroles import never_own_body, writer_candidates
from .phrases import _compiled, _spec, in_citation
from .programmes import ends_like_a_programme, first_printing_of_one_fund, program_candidates
from .titles import (
    collection_sample_start,
    annexed_to_a_letter,
    doc_site_title_candidates,
    inline_title_candidates,
    labelled_title_candidates,
    text_lines,
    title_candidates,
)
from .view import View, fold, squash_fold


# ------------------------------------------------------------------ kind and mode
def _kind_in_title(ctx: Context, title: Candidate, rank: float, rule: str) -> Candidate | None:
    v = View.of(ctx.doc.text[title.start : title.end], title.start)
    for r in _spec()["report_kind"]:
        if "regex" not in r:
            continue  # (a body-only entry)
        m = re.search(r["regex"], v.text)
        if m:
            return ctx.candidate("report_kind", r["kind"], m.start(), m.end(), rank, rule, view=v)
    return None


def kind_candidates(
    ctx: Context, title: Candidate | None, site_heading: Candidate | None = None, start: int = 0
) -> list[Candidate]:
    """The report kind from the title's words (10), else from what the body says it evaluates (5;
    the body from ``start``: an essay-collection site's heading and intro before its sample are the
    site's), else from that site's heading (3: its word for what it collected, the weakest, as a
    document site's file name is for the programme)."""
    # (a news headline that reports a programme's money or works, not its evaluation — 中央财政已累计安排相关资金
    # 458亿元 — says nothing of what kind of evaluation the item is about: no kind from its words)
    reports_money = title is not None and title.rule == "title_news_money"  # (titles.py decides it)
    found = _kind_in_title(ctx, title, 10, "title") if title is not None and not reports_money else None
    out: list[Candidate] = [found] if found is not None else []
    if not out:
        opening = ctx.blank_before(ctx.view.text[: len(ctx.view.text) // 2 + 2000], start)
        text = _compiled()["ignore"].sub(lambda m: " " * len(m.group(0)), opening)
        for r in _spec()["report_kind"]:
            if "body" not in r:
                continue  # (a title-only entry)
            m = next(
                (m for m in re.finditer(r["body"], text) if ctx.region_at(ctx.view.starts[m.start()]) != "annex"), None
            )
            if m is None and "cited" in r:
                # (a citation the body's words skip, when it names the work the writer does: the notice
                # it acts on, or its own annexed form)
                m = next(
                    (
                        m
                        for m in re.finditer(r["cited"], opening)
                        if ctx.region_at(ctx.view.starts[m.start()]) != "annex"
                    ),
                    None,
                )
            if m:
                out.append(ctx.candidate("report_kind", r["kind"], m.start(), m.end(), r.get("rank", 5), "body"))
    if not out and site_heading is not None:
        found = _kind_in_title(ctx, site_heading, 3, "collection_heading")
        out += [found] if found is not None else []
    return out


def _project_by_default(ctx: Context, start: int) -> list[Candidate]:
    """The weakest evidence of a project (0.5): a body that speaks of its 项目 and of nothing that
    makes it another kind or several things (``report_kind_default`` in ``patterns/metadata.yaml``);
    citations 《…》, annexes and a collection site's text before its sample aside."""
    spec = _spec()["report_kind_default"]
    text = re.sub(r"《[^》]*》", lambda m: " " * len(m.group(0)), ctx.blank_before(ctx.view.text, start))
    if re.search(spec["unless"], text):
        return []
    for m in re.finditer(spec["regex"], text):
        if ctx.region_at(ctx.view.starts[m.start()]) != "annex":
            return [ctx.candidate("report_kind", "project", m.start(), m.end(), 0.5, "body:default")]
    return []


def mode_candidates(ctx: Context, title: Candidate | None) -> list[Candidate]:
    out: list[Candidate] = []
    tv = View.of(ctx.doc.text[title.start : title.end], title.start) if title is not None else None
    text = ctx.view.text
    for rule in _spec()["evaluation_mode"]:
        if rule["where"] == "title":
            if tv is None:
                continue
            m = re.search(rule["regex"], tv.text)
            if m:
                out.append(
                    ctx.candidate("evaluation_mode", rule["mode"], m.start(), m.end(), rule["rank"], "title", view=tv)
                )
        else:
            if rule.get("needs_evaluation") and not _reports_an_evaluation(text):
                continue  # (the page names an evaluation only as another document's: 九、整体支出绩效自评报告)
            for m in re.finditer(rule["regex"], text):
                if ctx.region_at(ctx.view.starts[m.start()]) == "annex":
                    continue
                if ctx.block_index(ctx.view.starts[m.start()]) in ctx.contents:
                    # a table of contents' entry (九、整体支出绩效自评报告 in a final-accounts disclosure's 目录)
                    # lists a part the text may not hold: no mode by it — the part's own words tell it
                    continue
                if re.match(r"\s*[□☐]", text[m.end() : m.end() + 3]):
                    continue  # an option of a form left unticked (财政部门组织评价□ beside 部门绩效自评☑)
                if "unless_clause" in rule and re.search(
                    rule["unless_clause"], _clause_at(text, m) + _means_before(text, m)
                ):
                    continue  # the clause speaks of the word otherwise (a review of others' 自评)
                if "unless_section" in rule and _under_heading(ctx, ctx.view.starts[m.start()], rule["unless_section"]):
                    continue  # a section that reviews others' 自评 (六、绩效自评复核情况)
                out.append(ctx.candidate("evaluation_mode", rule["mode"], m.start(), m.end(), rule["rank"], "text"))
                break
    # only the strongest rule of each mode counts
    best: dict[str, Candidate] = {}
    for c in _visited_writer(ctx, out):
        if c.value not in best or c.rank > best[c.value].rank:
            best[c.value] = c
    return list(best.values())


def _clause_at(text: str, m: re.Match[str]) -> str:
    """The clause (between commas, stops or line ends) holding match ``m``; for a run-in heading —
    a short clause opening its line and closed by a stop (（1）绩效自评开展情况。通过对部门自评…进行复核)
    — the heading and the sentence it opens, which says what the heading's words are about."""
    start = max(text.rfind(c, 0, m.start()) for c in "，,。；;！\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in "，,。；;！\n") if i >= 0]
    end = min(ends) if ends else len(text)
    if text[end : end + 1] == "。" and (start == 0 or text[start - 1] == "\n") and end - start <= _RUN_IN_HEADING:
        body = end + 1 + len(text[end + 1 :]) - len(text[end + 1 :].lstrip())  # (on its own line or run in)
        nxt = [i for i in (text.find(c, body) for c in "。；;！\n") if i >= 0]
        end = min(nxt) if nxt else len(text)
    return text[start:end]


def _means_before(text: str, m: re.Match[str]) -> str:
    """The opening clause of match ``m``'s sentence when it says by what means the rest was found
    (通过对部门自评的真实性进行复核，…自评资料能及时报送; 经复核，…): what the sentence's later clauses report
    is what that review found.  Empty when the sentence opens otherwise or ``m`` is in its first clause."""
    start = max(text.rfind(c, 0, m.start()) for c in "。；;！\n") + 1
    lead = re.match(r"\s*(?:通过|经过?)[^，,。；;！\n]*[，,]", text[start : m.start()])
    return "\n" + lead.group(0) if lead else ""


#: The longest run-in heading (characters, its numbering included) :func:`_clause_at` reads on past.
_RUN_IN_HEADING = 24


def _under_heading(ctx: Context, offset: int, words: str) -> bool:
    """Whether a heading of a section open at document ``offset`` (any level) matches ``words``."""
    if not ctx.doc.blocks:
        return False
    return any(re.search(words, ctx.doc.blocks[h].text) for h in ctx.open_sections[ctx.block_index(offset)])


def _mode_from_evaluator(
    ctx: Context, evaluators: list[Candidate], clients: list[Candidate] | None = None
) -> list[Candidate]:
    """The mode what the evaluator is tells (``evaluator_kinds`` in ``patterns/metadata.yaml``).

    A firm named as evaluator is a third party, a finance body a finance
    evaluation, and any other unit carrying out the evaluation itself a
    self-evaluation (weakest: rank 4) — unless another body commissioned it (委托单位：XX街道办事处
    beside 评价机构：XX培育中心): then the evaluator is a third party too.
    """
    kinds = _spec()["evaluator_kinds"]
    out = []
    rank: float
    others = {fold(c.value) for c in clients or []}
    for c in evaluators:
        name = fold(c.value)
        if re.search(kinds["third_party"], name) and not re.search(kinds["finance"], name):
            # a firm named as the evaluator: a third party, even in a finance bureau's notice of
            # its result (above the notice title's finance rule, below a title saying 自评)
            mode, rank = "third_party", 10.75
        elif "、" in name and any(
            re.search(kinds["finance"], part) and not re.search(kinds["third_party"], part) for part in name.split("、")
        ):
            # a finance body and a firm evaluating together (县财政局会同XX会计师事务所对…): joint evaluators with
            # a finance body among them, evaluating others' spending — finance (devset ruling 21)
            mode, rank = "finance", 9.5
        elif re.search(kinds["third_party"], name) and not re.search(kinds["finance_centre"], name):
            mode, rank = "third_party", 9
        elif (
            c.rule.endswith(":commissioned")
            and not re.search(kinds["finance"], name)
            and re.match(_spec()["commissioned_evaluates"], fold(ctx.doc.text[c.end : c.end + 200]))
        ):
            # a body the text says was commissioned to evaluate (我厅委托广东省矿业协会对…进行绩效评价): a third
            # party, whatever its name calls it — as a named firm, over a finance notice's title (ruling 25b)
            mode, rank = "third_party", 10.75
        elif others - {name} and not re.search(kinds["finance"], name):
            mode, rank = "third_party", 8.5
        elif re.search(kinds["finance"], name):
            mode, rank = "finance", 9.5 if c.rank >= 9 else 7.5
        elif c.rule.endswith((":others", ":leads")):
            continue  # a body reporting on or leading others' evaluation (通报…结果, 一行到…, 牵头…): not its own
        elif _evaluates_another(ctx, c):
            continue  # a line department rating a lower place's or another unit's spending (ruling 25a)
        elif c.rank < 9 or c.rule.startswith("form"):  # (a cover's 评价机构：XX局 too)
            mode, rank = "self", 4
        else:
            continue
        out.append(Candidate("evaluation_mode", mode, c.start, c.end, rank, "evaluator", c.page))
    return out


def _evaluates_another(ctx: Context, evaluator: Candidate) -> bool:
    """Whether the clause after an evaluator's name says it evaluated a place not in its name
    (常德市交通运输局考评组对汉寿县…进行了绩效考评) or the writer (…到我馆开展…考评): not its own spending
    (``evaluates_another``; tests/devset/README.md, ruling 25a)."""
    after = fold(ctx.doc.text[evaluator.end : evaluator.end + 120])
    m = re.match(_spec()["evaluates_another"], after)
    if m is None:
        return False
    if m.group("me"):
        return True
    named = [n for s, _e, n in divisions().find(m.group("place")) if s == 0]
    if not named:
        return False  # what it evaluates opens with no place (对2022年度城乡居保补贴…): its own funds
    evaluator_name = fold(evaluator.value)
    if re.match(r"[县区旗镇乡]", evaluator_name):
        return False  # a county's own bureau named without its county (县交通运输局对汉寿县…): may be its own
    return not any(d.name in evaluator_name or n in evaluator_name for n in named for d in divisions().candidates(n))


def _visited_writer(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the writer's own words for a self-evaluation (rank 5 and below) when the writer says
    another body came to evaluate it (考评组到我馆开展…考评; ``evaluated_by_visitor``): its 我馆 is the unit
    evaluated."""
    if not re.search(_spec()["evaluated_by_visitor"], ctx.view.text):
        return cands
    return [c for c in cands if not (c.value == "self" and c.rank <= 5)]


def _finance_commissions_unnamed(commissioners: list[Candidate], evaluators: list[Candidate]) -> list[Candidate]:
    """A finance evaluation where a finance body commissions a third party it does not name (XX财政局委托
    第三方机构对…开展了重点绩效评价) and no firm is named as the evaluator anywhere: the finance body's
    (tests/devset/README.md: it stays ``finance`` when the firm is not named) — above the bare words
    第三方机构 (9), below a named firm (10.75)."""
    if any(re.search(_spec()["evaluator_kinds"]["third_party"], fold(c.value)) for c in evaluators):
        return []
    return [
        Candidate("evaluation_mode", "finance", c.start, c.end, 9.25, "commissions_unnamed", c.page)
        for c in _finance_bodies(commissioners)
    ][:1]


def _finance_commission(ctx: Context) -> list[Candidate]:
    """The words saying a finance body commissioned the evaluation (受县财政局委托, 受XX市财政局和XX局委托;
    ``finance_commission``), as a commissioning body's candidate: its name may be a short form no
    organisation rule reads (县财政局) or one of several bodies."""
    for m in re.finditer(_spec()["finance_commission"], ctx.view.text):
        if ctx.region_at(ctx.view.starts[m.start()]) != "annex":
            return [ctx.candidate("client", m.group(0), m.start(), m.end(), 9, "finance_commission")]
    return []


def _first_person_mode(ctx: Context, title: Candidate | None, found: dict[str, list[Candidate]]) -> list[Candidate]:
    """The mode of a report whose writer says, in the first person, that it evaluated (我局对…开展了绩效评价,
    本单位…对…进行了评价; ``first_person_evaluation``) and names itself: a finance body writing — the title
    opens with one, or one issues or signs it — evaluated others' spending (finance); a unit named as the
    issuer, signer or unit evaluated, its own (self). A writer that names itself nowhere (我局 alone) tells
    no mode. Weak (3): only when nothing names who evaluated."""
    m = re.search(_spec()["first_person_evaluation"], ctx.view.text)
    if m is None or ctx.region_at(ctx.view.starts[m.start()]) == "annex":
        return []
    mode = _writer_mode(title, found)
    if mode is None and _reports_to_finance(ctx, title):
        # a report the writer sends to the finance body that asked for it (省财政厅: / 根据贵厅通知…，我局对…进行了
        # 绩效评价): the writer evaluated the money it spends, itself — a finance body that evaluated others
        # would say so by its own name (issuer, signature), read above
        mode = "self"
    if mode is None:
        return []
    return [ctx.candidate("evaluation_mode", mode, m.start(), m.end(), 3, "first_person_evaluation")]


def _reports_to_finance(ctx: Context, title: Candidate | None) -> bool:
    """Whether the report is addressed to a finance body: a line naming one alone (省财政厅：, 县财政局：) among the
    first lines under the title (``addressee_line``; a letter's document number or a page's byline may stand
    between them), the writer naming no body of its own."""
    if title is None:
        return False
    finance = _spec()["evaluator_kinds"]["finance"]
    after = [ln for ln in ctx.lines if ln.start >= title.end and ln.text.strip()][: _spec()["addressed_report_lines"]]
    for line in after:
        m = re.fullmatch(r"\s*" + _spec()["addressee_line"] + r"\s*", line.text)
        if m and re.fullmatch(r"[^，,、]{0,12}?(?:" + finance + ")", fold(m.group("org"))):
            return True
    return False


def _writer_mode(title: Candidate | None, found: dict[str, list[Candidate]]) -> str | None:
    """The mode of what the writer (我局, 本单位) evaluated itself: a finance body writing — the title opens
    with one, or one issues or signs it — evaluated others' spending (finance); a unit named as the issuer,
    signer or unit evaluated, its own (self); ``None`` when the writer names itself nowhere."""
    finance = _spec()["evaluator_kinds"]["finance"]
    opens_title = title is not None and re.match(r"[^，。；:：]{0,24}?(?:" + finance + ")", fold(title.value))
    if opens_title or _finance_bodies(found["issuer"] + found["signature"]):
        return "finance"
    if _own_bodies(found["issuer"] + found["signature"] + found["evaluated_unit"] + found["self_named"]):
        return "self"
    return None


def _unnamed_commission(
    ctx: Context, title: Candidate | None, found: dict[str, list[Candidate]], modes: list[Candidate]
) -> list[Candidate]:
    """``modes`` with an evaluation commissioned from a third party the text does not name
    (``unnamed_commission``) read as the commissioner's: its words (委托第三方) no longer make it
    ``third_party``; a finance body commissioning, or a finance body writing 我局委托…, makes it ``finance``
    and a named spending unit writing it ``self`` (9.25: over 第三方 in the text, under a named firm).
    Unchanged when a firm is named as the evaluator anywhere."""
    kinds = _spec()["evaluator_kinds"]
    if any(re.search(kinds["third_party"], fold(c.value)) for c in found["evaluator"]):
        return modes
    text = ctx.view.text
    for who, regex in _spec()["unnamed_commission"].items():
        for m in re.finditer(regex, text):
            if ctx.region_at(ctx.view.starts[m.start()]) == "annex" or re.search(kinds["third_party"], m["whom"]):
                continue
            if re.search(r"受[^。；，,\n]{0,30}$", text[max(0, m.start() - 30) : m.start()]):
                continue  # (受省财政厅委托: the commissioned party writes)
            mode = "finance" if who == "finance" else _writer_mode(title, found)
            kept = [c for c in modes if not (c.value == "third_party" and c.rule == "text" and _overlaps(ctx, c, m))]
            if mode is not None:
                kept.append(ctx.candidate("evaluation_mode", mode, m.start(), m.end(), 9.25, "commissions_unnamed"))
            return kept
    return _hired_unnamed(ctx, title, found, modes)


def _hired_unnamed(
    ctx: Context, title: Candidate | None, found: dict[str, list[Candidate]], modes: list[Candidate]
) -> list[Candidate]:
    """``modes`` when a body other than a finance one hires a third party, a firm or experts it does not name
    (县住建局聘请第三方对各乡镇…开展绩效评价; tests/devset/README.md ruling 44): the words 第三方 no longer make it
    ``third_party`` — the evaluation is the commissioning body's; its own (``self``, 9.25) when that body opens
    the title or writes the text, and no mode said (ruling 25(a): a line department on others' spending)
    otherwise. Unchanged when a firm is named as the evaluator anywhere."""
    hired = _hiring_bodies(found)
    if not hired:
        return modes
    c = hired[0]
    reach = ctx.doc.text[c.end : c.end + 48]
    words = re.search(r"(?:委托|聘请)", reach)
    until = c.end + (words.end() + 16 if words else 0)
    kept = [m for m in modes if not (m.value == "third_party" and m.rule == "text" and c.start <= m.start < until)]
    writes = _writer_mode(title, found) == "self" or (title is not None and fold(title.value).startswith(fold(c.value)))
    if writes:
        kept.append(Candidate("evaluation_mode", "self", c.start, c.end, 9.25, "hires_unnamed", c.page))
    return kept


def _rates_each_below(ctx: Context, body: Candidate) -> bool:
    """Whether the sentence in which ``body`` hires its evaluators has them evaluate each of several lower units
    (…聘请第三方对各乡镇…, 对全县各…): 对 then 各 in the same clause run."""
    sentence = re.split(r"[。；;\n]", fold(ctx.doc.text[body.end : body.end + 80]), maxsplit=1)[0]
    return re.search(r"(?:委托|聘请)[^。；]*?对(?:全[县市区省旗])?各", sentence) is not None


def _hiring_bodies(found: dict[str, list[Candidate]]) -> list[Candidate]:
    """The bodies, neither finance ones nor firms, that hire a third party they do not name (ruling 44) — none
    when a firm is named as the evaluator anywhere."""
    kinds = _spec()["evaluator_kinds"]
    if any(re.search(kinds["third_party"], fold(c.value)) for c in found["evaluator"]):
        return []
    return [
        c for c in found["commissioner"] if not re.search(kinds["finance"] + "|" + kinds["third_party"], fold(c.value))
    ]


def _unnamed_beside_finance(ctx: Context, found: dict[str, list[Candidate]], modes: list[Candidate]) -> list[Candidate]:
    """``modes`` without the bare words 第三方机构 (no firm named, no commission: 通过与第三方机构合作, 经过第三方机构评审,
    加强…与第三方机构沟通) when a finance evaluation is told too (财政重点绩效评价, a finance body evaluating): a
    finance body working with a third party it does not name keeps its evaluation (tests/devset/README.md: it
    stays ``finance`` when the firm is not named). Unchanged when a firm is named as the evaluator anywhere, or
    when the words say who was commissioned (受…委托: the commissioned party writes)."""
    kinds = _spec()["evaluator_kinds"]
    if not any(c.value == "finance" for c in modes) or any(
        re.search(kinds["third_party"], fold(c.value)) for c in found["evaluator"]
    ):
        return modes
    return [c for c in modes if not (c.value == "third_party" and c.rule == "text" and _bare_third_party(ctx, c))]


def _bare_third_party(ctx: Context, cand: Candidate) -> bool:
    """Whether ``cand``'s words are the bare kind 第三方(评价)机构, nothing said of who commissioned whom."""
    return bool(re.fullmatch(r"第三方(?:评价)?机构", fold(ctx.doc.text[cand.start : cand.end])))


def _overlaps(ctx: Context, cand: Candidate, m: re.Match[str]) -> bool:
    """Whether ``cand``'s words lie within the view match ``m``'s (the same words read by two rules)."""
    s, e = ctx.view.span(m.start(), m.end())
    return cand.start < e and s < cand.end


def _results_notice(title: Candidate | None) -> bool:
    """Whether ``title`` is a results notice's (a finance title rule of ``evaluation_mode`` ranked 10.5 and
    over: …绩效评价结果的公示, XX财政局关于…评价结果的通知)."""
    if title is None:
        return False
    text = fold(title.value)
    return any(
        r["where"] == "title" and r["mode"] == "finance" and r["rank"] >= 10.5 and re.search(r["regex"], text)
        for r in _spec()["evaluation_mode"]
    )


def _department_own(ctx: Context, found: dict[str, list[Candidate]], told: bool) -> list[Candidate]:
    """The mode of a department-wide report (部门整体支出) that names its own unit: in its form's own-unit cell
    (单位名称, 预算部门、单位名称, 部门（单位）名称 — the unit whose whole budget the form reports, filing it,
    tests/devset/README.md ruling 4; 3.5), or, when nothing else tells the mode (``told`` false), as the body
    that speaks of itself in the first person (本部门, 本单位, 我局 …, ``department_first_person``; 2.5): the
    unit's evaluation of its own budget (self) — below every word that says who evaluated."""
    out = []
    for c in found["evaluated_unit"]:
        label = fold(ctx.doc.text[c.start : c.end])
        if c.rule.startswith("form") and OWN_UNIT_LABEL.match(label) and _own_bodies([c]):
            out.append(Candidate("evaluation_mode", "self", c.start, c.end, 3.5, "department_form", c.page))
            break
    if out or told:
        return out
    if not _reports_an_evaluation(ctx.view.text):
        return []  # (a final-accounts disclosure whose contents only list a 自评表: no evaluation to tell)
    named = _own_bodies(found["evaluated_unit"] + found["self_named"] + found["writer"])
    for m in re.finditer(_spec()["department_first_person"], ctx.view.text):
        if named and ctx.region_at(ctx.view.starts[m.start()]) != "annex":
            return [ctx.candidate("evaluation_mode", "self", m.start(), m.end(), 2.5, "department_first_person")]
    return []


@lru_cache(maxsize=4)
def _reports_an_evaluation(text: str) -> bool:
    """Whether ``text`` speaks of an evaluation (``evaluation_words``) outside the lines that only name other
    documents (``document_list_line``: a disclosure's contents, a list of annexes).  Asked of one document's
    text by the mode rules, the department's own mode and the first-person fallback: read once."""
    spec = _spec()
    return bool(re.search(spec["evaluation_words"], re.sub(spec["document_list_line"], "", text)))


def _finance_bodies(cands: list[Candidate]) -> list[Candidate]:
    """The candidates whose name is a finance body's (``evaluator_kinds.finance``: 财政局, 财政厅 …)."""
    return [c for c in cands if re.search(_spec()["evaluator_kinds"]["finance"], fold(c.value))]


def _dated_signature(ctx: Context, c: Candidate) -> bool:
    """Whether the signing body ``c`` stands alone on its line (its seal aside) over a line that opens with a
    date — a signature block, not a cover's or a form's labelled cell (项目单位:XX局)."""
    text = ctx.doc.text
    before = text[text.rfind("\n", 0, c.start) + 1 : c.start]
    seal = _compiled()["seal"].pattern
    after = re.match(rf"[ \t　]*(?:{seal})?[ \t　]*\n[ \t　]*(?P<rest>[^\n]*)", text[c.end :])
    if before.strip() or after is None:
        return False
    rest = fold(after.group("rest"))
    return bool(_compiled()["date"].match(rest) or _compiled()["cn_date"].match(rest))


def _department_over_unit(ctx: Context, evaluators: list[Candidate], unit: Decision) -> Candidate | None:
    """The body a sentence names as evaluating the unit chosen as evaluated, in a self-evaluation: ``X…对Y…``
    with X one of ``evaluators`` (own bodies, phrase rules) and Y the unit, in one clause, X another body than Y
    (neither name ends the other) — a department evaluating the spending of a unit under it (ruling 13).
    ``None`` otherwise (the unit evaluating itself, as most self-evaluations say)."""
    if unit.chosen is None or unit.value is None:
        return None
    name = fold(unit.value)
    # (the unit's mentions its candidates hold: the chosen name may be the fuller one printed elsewhere)
    mentions = [u for u in unit.candidates if fold(u.value) in name]
    for c in evaluators:
        other = fold(c.value)
        if c.rule.endswith((":others", ":leads")) or other in name or name in other:
            continue
        for u in mentions:
            between = ctx.doc.text[c.end : u.start] if c.end <= u.start else "。"
            # (read folded: a mirror's traditional copy says 組織專家對)
            if re.fullmatch(r"[^。；;\n]{0,24}?对", re.sub(r"\s+", "", fold(between))):
                return c
    return None


def _opens_title(ctx: Context, unit: Candidate, title: Candidate) -> bool:
    """Whether ``unit`` was read from the title's opening words — at the title chosen, or at another printing of the
    same title (a page's heading printed again under its site line: 沅陵县档案局2016年度项目绩效报告 twice)."""
    if unit.rule != "title":
        return False
    # (compared without spaces: a PDF's 沅陵县档案局 2016 年度… is the same printing)
    printed = ctx.doc.text[unit.start : unit.start + 2 * len(title.value) + 8]
    return unit.start == title.start or squash_fold(printed).startswith(squash_fold(title.value))


def _own_bodies(cands: list[Candidate]) -> list[Candidate]:
    """The candidates whose name is neither a firm's nor a finance body's (``evaluator_kinds``) nor a working
    group's (试点城市评审小组, …绩效考评组: a group a body forms, never the unit whose spending it is): a unit that
    would evaluate its own spending."""
    return [c for c in cands if not never_own_body(fold(c.value))]


# ------------------------------------------------------------------ all metadata
@dataclass
class Metadata:
    decisions: dict[str, Decision]
    orgs: dict[str, list[Candidate]]


def _own_title_after_chrome(ctx: Context, page: Candidate, own: Candidate) -> bool:
    """Whether ``own`` is the document's own title under a web page's heading ``page``: it comes after
    the page's chrome (发布时间/来源, a document site's 下载…预览 notes). The page's heading is the
    site's words for the document, whether it says the same (南京2018年…报告 / 南京市2018年…报告) or
    not (海南省森林生态效益补偿基金…报告 over the cover's 财政支出项目绩效评价报告): the title is the
    document's own (tests/devset/README.md: the title as printed, without site chrome)."""
    if own.start <= page.end or not _opens_its_line(ctx, own):
        return False
    # (every line between, a table's rows too: a page's metadata line that a converter set as a table's row,
    # its fields in cells — 2017-10-10 15:24:00 来源: 市档案局 | 阅读次数: — is the same chrome)
    # (whole lines only: the rest of the heading's line and the start of the title's are neither)
    between = [View.of(raw, 0).text for raw in ctx.doc.text[page.end : own.start].split("\n")[1:-1]]
    between = [ln for ln in between if ln.strip()]
    chrome = re.compile(_spec()["title"]["page_chrome"])
    if any(_a_sentence(ln) and not chrome.search(ln) for ln in between):
        return False  # the page's text has begun under its heading (a notice's body): a heading further
        # down is its annex's or a quoted document's, not the page's own
    return any(chrome.search(ln) for ln in between)


def _opens_its_line(ctx: Context, title: Candidate) -> bool:
    """Whether ``title`` opens its line (nothing but spaces, bullets, a table's bar or a page number before
    it: `` 8 2018 年农业保险…报告``). A report's name inside a sentence of the body (…逐项对照转移支付区域
    (项目)绩效自评表, 分别对…) is the name of a form it works through, not a heading the document prints
    under the page's chrome."""
    line_start = ctx.doc.text.rfind("\n", 0, title.start) + 1
    return not re.search(r"[^\s|｜•·*\-—0-9]", ctx.doc.text[line_start : title.start])


def _a_sentence(text: str) -> bool:
    """Whether ``text`` (a line) holds a sentence of a document's body: words ended by 。 or ；."""
    return re.search(r"[\u4e00-\u9fff]{4}[^。；;\n]*[。；;]", text) is not None


_ANNEX_LABEL = re.compile(r"(?:附件|附表)\s*[0-9一二三四五六七八九十]{0,3}(?:[-—－][0-9]{1,2})?\s*[：:、.]?")


def _own_title_under_annex_label(ctx: Context, page: Candidate, own: Candidate) -> bool:
    """Whether ``own`` is the attached document's own title under an annex label (附件1 / 附件：) that a
    page's heading ``page`` stands over, nothing but short lines between (no sentence: a notice's body
    that publishes the document makes the notice the document): the page's words for the document are
    the site's, the heading the document prints under its label is its title (as for chrome, above)."""
    if own.start <= page.end:
        return False
    between = [ln.strip(" \t|｜　") for ln in ctx.doc.text[page.end : own.start].splitlines()]
    between = [ln for ln in between if ln]
    if len(between) > 4 or any(re.search("[。；;]", ln) for ln in between):
        return False
    return any(_ANNEX_LABEL.fullmatch(ln) for ln in between)


_YEAR_NOTE_END = re.compile(r"[(（]?(?:19|20)\d\d(?:预算)?年度?[)）]$")


def _own_heading_with_year(ctx: Context, page: Candidate, own: Candidate) -> bool:
    """Whether ``own``, a heading with its year line under it (…绩效自评表 / (2023年度)), is the form's or
    the cover's own title right under a page heading ``page`` that says mostly the same words without
    that year line (2023年度中央转移支付区域(全民健身中心项目)绩效自评表 over 中央转移支付广元市朝天区
    全民健身中心项目绩效自评表 / (2023年度)): the document's own title is the title. Right under it
    only — at most two short lines between (an annex label, a stamp line), no sentence: an annex's form
    further down is another document's."""
    a, b = fold(page.value), fold(own.value)
    between = [ln.strip() for ln in ctx.doc.text[page.end : own.start].splitlines() if ln.strip(" \t|｜")]
    if own.start <= page.end or len(between) > 2 or any(re.search("[。；;]", ln) for ln in between):
        return False
    if not _YEAR_NOTE_END.search(b) or _YEAR_NOTE_END.search(a):
        return False
    common = set(a) & set(b)
    return len(common) >= 0.7 * min(len(set(a)), len(set(b)))


def _file_name_printed(ctx: Context, name: Candidate) -> bool:
    """Whether the document's text, outside its file's name, prints ``name`` (a file's name taken as a
    title) — its first two thirds at least, a copy cutting its last words (…自评报告 → …自评报)."""
    key = fold(name.value)
    head = key[: max(6, len(key) * 2 // 3)]
    text = ctx.view.text
    for m in re.finditer(re.escape(head), text):
        after = text[m.end() : m.end() + len(key) - len(head) + 12]
        if not re.search(r"\.(?:pdf|docx?|xlsx?|wps)", after, re.I):
            return True
    return False


def _without_uploader_tag(ctx: Context, name: Candidate) -> Candidate:
    """A file's name taken as a title, without the bracket its uploader put at its end (…绩效评价报告(山东).docx,
    …自评表(4).docx: a place tag or a copy's number) when the document prints the name without it and never with
    it outside the file's name: the title as printed (tests/devset/README.md)."""
    tag = re.search(r"[(（][^()（）]{1,10}[)）]$", name.value)
    if tag is None:
        return name
    bare = name.value[: tag.start()]
    text = ctx.view.text
    files = re.compile(r"\.(?:pdf|docx?|xlsx?|wps)", re.I)
    with_tag = [m for m in re.finditer(re.escape(fold(name.value)), text) if not files.match(text, m.end())]
    without = [m for m in re.finditer(re.escape(fold(bare)), text) if not re.match(r"[(（]|\.", text[m.end() :])]
    if with_tag or not without:
        return name
    end = name.end - len(tag.group()) if ctx.doc.text[name.start : name.end] == name.value else name.end
    return Candidate(name.field, bare, name.start, end, name.rank, name.rule, name.page)


def _co_issuer_cited(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of several issuers a cited document's title opens with (《A B关于…》,
    《A、B关于…》): words other than it stand between the 《 and the 关于."""
    if not in_citation(text, start, reach=60):
        return False
    opened = text.rfind("《", 0, start)
    about = text.find("关于", end, end + 40)
    if about < 0:
        return False
    issuers = re.sub(r"[\s、,，]+", "", text[opened + 1 : about])
    return issuers != re.sub(r"\s+", "", text[start:end])


def _named_in_document(ctx: Context, publishers: list[Candidate], title: Candidate | None) -> list[Candidate]:
    """The page's publisher (发布机构 / 来源) where the document itself names it too, at that naming:
    the page's metadata alone names no unit (tests/devset/README.md, ruling 3), but it tells which
    of the document's organisations published it.  The document begins at its title: the site's
    own header and breadcrumbs above it (宣州区教体局 / 网站首页 > 宣州区教体局 > …) are the page's.  Nor is one of
    a cited joint document's issuers a naming of the writer (《云南省财政厅 云南省应急管理厅关于下达…》: a body
    that issued an allocation with another, whoever reports on it); the publisher's own notice cited alone
    (根据《宁国市财政局关于开展…自评工作的通知》, 我市财政局对…) is its naming of itself."""
    out = []
    begins = ctx.view.index(title.start) if title is not None else 0
    for c in publishers:
        key, text = fold(c.value), ctx.view.text
        for m in re.finditer(re.escape(key), text) if len(key) >= 3 else ():
            if on_metadata_line(text, m.start()) or on_site_banner(text, m.start()) or m.start() < begins:
                continue  # another line of the page's metadata (来源: … after 发布机构: …), its banner or header
            if _co_issuer_cited(text, m.start(), m.end()):
                continue  # one of a cited joint document's issuers
            s, e = ctx.view.span(m.start(), m.end())
            out.append(ctx.candidate_at(c.field, c.value, s, e, c.rank, "publisher_named_in_document"))
            break
    return out


def _own_scored_form(ctx: Context, unit: Decision) -> bool:
    """Whether the unit evaluated was read from a form's cell and the form scores its indicators
    (a 分值 column, then a 得分 one), or the cell is the form's own unit's (单位名称, 部门名称: the unit
    that files it, tests/devset/README.md ruling 4)."""
    chosen = unit.chosen
    if chosen is None or not chosen.rule.startswith("form"):
        return False
    label = fold(ctx.doc.text[chosen.start : chosen.end])
    return bool(re.search(r"分值[^\n]{0,40}得分", ctx.view.text) or re.match(OWN_UNIT_LABEL, label))


# A name opening with a bare level word (区城市管理局): its place may be masked by one letter (x区).
_LEVEL_FIRST = re.compile(r"^(?:省|市|县|区|州|旗|镇|乡)")


def _masked_name(ctx: Context, name: str) -> bool:
    """Whether the document prints ``name`` after a masked place (XX市红十字会, ××县财政局), or only ever
    right after a mask of its specific part (XX镇人民政府 read as 镇人民政府; a 县财政局 also printed bare is
    the text's own short name), or the name holds a mask itself."""
    key, text, spec = fold(name), ctx.view.text, _spec()
    # a name holding a mask of letters or crosses (XX市红十字会); 某县人民医院 is a template's stand-in name,
    # kept as printed (a placeholder 某 masks only the place the title or opening gives: masked_place)
    if re.search(spec["masked_name"], key):
        return True
    if re.search("(?:" + spec["masked_place"] + ")" + re.escape(key), text):
        return True
    at = [m.start() for m in re.finditer(re.escape(key), text)]
    mask = re.compile("(?:" + spec["masked_name"] + ")$")
    if _LEVEL_FIRST.match(key):
        mask = re.compile("(?:" + spec["masked_name"] + ")$|" + spec["masked_letter"])
    return bool(at) and all(mask.search(text[max(0, i - 6) : i]) for i in at)


def _alone_on_its_line(text: str, c: Candidate) -> bool:
    """Whether the candidate's name is all its line prints (a heading line naming a unit, 重庆市开州区民政局)."""
    begin = text.rfind("\n", 0, c.start) + 1
    end = text.find("\n", c.end)
    return not (text[begin : c.start].strip() or text[c.end : end if end >= 0 else len(text)].strip())


def _form_filer(
    text: str, units: list[Candidate], evaluators: list[Candidate], filed: list[Candidate]
) -> list[Candidate]:
    """The evaluator cells of a self-evaluation's form (评价单位(盖章), 评价实施部门) and its filing
    unit's (填报单位, ``filed``) where the form names another unit as the one whose programme it is
    (项目单位, 项目主管部门): the filing unit is the evaluator, the spending unit the unit evaluated
    (devset ruling 4).  Empty when the form names no unit apart, or the same one."""
    cells = [c for c in units if c.rule.startswith("form")]
    # (a supervisor's cell, 主管部门, is no unit apart beside a spending unit's: the department that files its
    # unit's form may head it too — 主管部门 XX局, 项目实施单位 XX中心, 单位名称 XX局)
    spending = [c for c in cells if not SUPERVISOR_LABEL.match(fold(text[c.start : c.end]))]
    form_units = {fold(c.value) for c in spending or cells}
    filers = [c for c in evaluators if c.rule.startswith("form")] + as_field("evaluator", filed)
    # (or the unit a line of the heading names alone, 重庆市开州区民政局 over the notice's title and the form's
    # 实施单位 | 开州区区民政局: ruling 4's "a unit named in the form's heading" files it — not a unit the
    # title's own words open with, 石狮市公安局看守所2022年度…自评表, which is the spending unit's name)
    filers += as_field("evaluator", [c for c in units if c.rule == "title" and _alone_on_its_line(text, c)])
    if not form_units or not filers or form_units & {fold(c.value) for c in filers}:
        return []
    return filers


_ROLE_CHOICES = ("", "finance", "not_finance", "own", "in_document", "addressed")


def _of_role(
    ctx: Context, cands: list[Candidate], which: str, title: Candidate | None, filing: list[Candidate]
) -> list[Candidate]:
    """The candidates of one role that count (``role:which`` in ``role_fields``, patterns/metadata.yaml):
    all (""), finance bodies only, all but them, the units evaluating their own spending that are not
    the form's filing unit (``filing``), the page's publisher where the document names it, or all when
    the report says it evaluated the body it addresses."""
    if which not in _ROLE_CHOICES:
        raise ValueError(f"role_fields: no such choice of a role's bodies: {which!r}")
    if which == "finance":
        return _finance_bodies(cands)
    if which == "not_finance":
        finance = _finance_bodies(cands)
        return [c for c in cands if c not in finance]
    if which == "own":
        return [c for c in _own_bodies(cands) if c not in filing]
    if which == "in_document":
        return _named_in_document(ctx, cands, title)
    if which == "addressed":
        return cands if re.search(_spec()["addressee_evaluated"], ctx.view.text) else []
    return cands


def _by_role(
    ctx: Context, found: dict[str, list[Candidate]], mode: str | None, title: Candidate | None, filing: list[Candidate]
) -> dict[str, list[Candidate]]:
    """The unit's and the evaluator's candidates from the organisations' roles, in this mode
    (``role_fields`` in patterns/metadata.yaml)."""
    table = _spec()["role_fields"]
    out: dict[str, list[Candidate]] = {"evaluated_unit": [], "evaluator": []}
    for field, roles in table.get(mode or "other", table["other"]).items():
        for entry in roles:
            role, _, which = entry.partition(":")
            out[field] += as_field(field, _of_role(ctx, found[role], which, title, filing))
    return out


def extract_metadata(ctx: Context, pairs: list[Pair]) -> Metadata:
    """A decision for every metadata field (jurisdiction aside, see :mod:`.jurisdiction`)."""
    doc = ctx.doc
    lines = text_lines(ctx)
    d: dict[str, Decision] = {}
    titles = sorted(
        title_candidates(ctx, lines)
        + inline_title_candidates(ctx)
        + doc_site_title_candidates(ctx)
        + labelled_title_candidates(ctx, lines),
        key=lambda c: -c.rank,
    )
    # a heading an essay-collection site marks as a bundle (…评价报告(热门16篇)) is the site's, whatever
    # follows it (tests/devset/README.md, ruling 10)
    # (and the label it sets over one sample: …报告 篇一)
    mark = re.compile(r"[(（](?:精选|通用|精品|优秀|热门)?\d{1,2}篇[)）]")
    label = re.compile(r"[ \t　]*篇[一二三四五六七八九十0-9]{1,3}[ \t　]*(?:\n|$)")
    marked = [
        t for t in titles if mark.match(fold(ctx.doc.text[t.end : t.end + 12])) or label.match(ctx.doc.text, t.end)
    ]
    titles = [t for t in titles if t not in marked]
    # an annex of a letter whose own heading the excerpt lost (县农业农村委: / 现将…资金下达你单位 … 附件 / XX资金
    # 区域绩效目标表): the annexed table's heading is not the letter's title
    titles = [t for t in titles if not annexed_to_a_letter(ctx, t)]
    sample = collection_sample_start(ctx)
    site_titles = marked + [t for t in titles if sample is not None and t.start < sample]
    if sample is not None:
        # an essay-collection page: its heading and its label over the sample are the site's
        titles = [t for t in titles if t.start >= sample]
    # the earliest title line; its repeats are the same title, unless one goes on with the year
    # or the programme in brackets (a page's heading, then the document's own with its year line).
    # A file's name (…报告.docx, a document site's 《…》由会员分享) is the uploader's, not a title the
    # document prints — unless the document prints it too (its copy cut a word short: …绩效自评报)
    printed = [
        _without_uploader_tag(ctx, t) if t.rule == "title_file_name" else t
        for t in titles
        if t.rule != "title_file_name" or _file_name_printed(ctx, t)
    ]
    first = printed[:1]
    for t in printed[1:3]:
        if first and re.fullmatch(re.escape(fold(first[0].value)) + r"[(（][^()（）]{2,30}[)）]", fold(t.value)):
            first = [t]
            break
        if first and (
            _own_title_after_chrome(ctx, first[0], t)
            or _own_heading_with_year(ctx, first[0], t)
            or _own_title_under_annex_label(ctx, first[0], t)
        ):
            first = [t]
            break
    d["title"] = decide("title", first, doc)
    title = d["title"].chosen
    d["years"] = decide("years", year_candidates(ctx, first, pairs, sample or 0), doc)  # the chosen title's years
    d["report_date"] = decide(
        "report_date", date_candidates(ctx, lines, pairs, title.start if title is not None else None), doc
    )
    d["report_kind"] = decide(
        "report_kind", kind_candidates(ctx, title, next(iter(site_titles), None), sample or 0), doc
    )
    orgs = orgs_in(ctx)
    found = org_candidates(ctx, orgs, pairs, title, titles, lines)
    # the body the report speaks as, from the roles of its organisations' mentions (the weakest unit)
    found["writer"] = writer_candidates(ctx, orgs)
    # a document site's file name (8) under the document's own title it prints (title_doc_site) names
    # the same report: the place it names stands in where the copy's own title garbles its place
    found["file_title"] = [t for t in titles if t.rank < 8.5] if title and title.rule == "title_doc_site" else []
    # a report signed by a firm (…会计师事务所 / 2023年5月) or a finance review centre was written by
    # its evaluator: a unit signing its own report is no evaluator by that alone
    signer = _spec()["signature_evaluator"]
    # (so is one whose name stands over the report's title: 湖南XX会计师事务所 / 关于…绩效评价报告)
    found["evaluator"] += [
        Candidate("evaluator", c.value, c.start, c.end, 6, "signature" if c.field == "signature" else c.rule, c.page)
        for c in found["signature"] + found["issuer"]
        if re.search(signer, fold(c.value))
    ]
    modes = mode_candidates(ctx, title) + _mode_from_evaluator(ctx, found["evaluator"], found["client"])
    if title is not None and _writer_mode(title, found) == "finance":
        notice = re.search(_spec()["addressed_notice_title"], fold(title.value))
        if notice:
            # a finance body's notice to the unit it evaluated (绩效评价结果告知书, …反馈意见): its evaluation,
            # as a results notice is
            modes.append(
                Candidate("evaluation_mode", "finance", title.start, title.end, 10.5, "addressed_notice", title.page)
            )
    # (a finance body that commissions it, 受XX财政局委托, names no firm either: its evaluation — unless the
    # firm writes the report itself, 受XX财政局委托，我所…: then a third party evaluated, named or not)
    firm_writes = re.search(_spec()["firm_first_person"], ctx.view.text)
    clients = [] if firm_writes else found["client"] + _finance_commission(ctx)
    modes += _finance_commissions_unnamed(found["commissioner"] + clients, found["evaluator"])
    modes = _unnamed_commission(ctx, title, found, modes)
    modes = _unnamed_beside_finance(ctx, found, modes)
    if not modes:
        modes += _first_person_mode(ctx, title, found)
    if not modes:
        # a unit that names itself in the title (凤阳县交通运输局…绩效评价报告, 凤阳县教育局关于…) and
        # writes of itself in the first person (我局…), nothing saying another body evaluated:
        # its own spending, evaluated by itself (weakest) — when it speaks of an evaluation at all
        own_named = _own_bodies(found["issuer"] + found["evaluated_unit"] + found["self_named"])
        # (我会: a federation's or association's; 我处: an administration office's — not 我会同, 处于, 处理)
        me = re.search(
            r"我(?:局|委|办|厅|单位|中心|院|校|站|所|馆|队|镇|乡(?!村)|街道|会(?![同议计])|处(?![于在理置罚分]))(?![级部面])",
            ctx.view.text,
        )
        if own_named and me and _reports_an_evaluation(ctx.view.text):
            modes.append(ctx.candidate("evaluation_mode", "self", me.start(), me.end(), 2.5, "first_person"))
    if not modes and title is not None:
        # a report whose title opens with a unit (neither a finance body nor a firm) and that the same unit signs
        # (澧县交通运输局2022年度…绩效评价报告 / … / 澧县交通运输局 / 2023年3月20日), nothing saying another body
        # evaluated: the unit's report on its own spending (self), weakest
        opener = [c for c in _own_bodies(found["evaluated_unit"]) if _opens_title(ctx, c, title)]
        signed = [c for c in found["signature"] if c.start > title.end and _dated_signature(ctx, c)]
        if opener and signed and fold(signed[0].value) == fold(opener[0].value):
            c = signed[0]
            modes.append(Candidate("evaluation_mode", "self", c.start, c.end, 2, "own_signed", c.page))
    if not modes and title is not None:
        # a unit's own notice of how its money was used (广灵县民政局2022年度福利彩票公益金使用情况公示): the title
        # opens with the unit (neither a finance body nor a firm) and the year, and says it publishes its own use
        # (``own_use_notice``) — its report on its own spending (self), weakest
        opener = [c for c in _own_bodies(found["evaluated_unit"]) if _opens_title(ctx, c, title)]
        if opener and re.search(_spec()["own_use_notice"], fold(title.value)):
            c = opener[0]
            modes.append(Candidate("evaluation_mode", "self", c.start, c.end, 2, "own_use_notice", c.page))
    if d["report_kind"].value == "department":
        modes += _department_own(ctx, found, bool(modes))
    d["evaluation_mode"] = decide("evaluation_mode", _visited_writer(ctx, modes), doc)
    mode = d["evaluation_mode"].value
    if mode != "self" and _results_notice(title):
        # a notice publishing the results of an evaluation (…绩效评价结果的公示): the body it speaks as publishes
        # others' results, as a finance bureau's notice does — it is not the unit evaluated
        found["writer"] = []
    own = _own_bodies(found["evaluator"])
    filer = _form_filer(doc.text, found["evaluated_unit"], own, found["filer"]) if mode == "self" else []
    roles = _by_role(ctx, found, mode, title, filer)
    units = found["evaluated_unit"] + roles["evaluated_unit"]
    if mode == "finance":
        # a finance body's evaluation is of others' spending (its own is a self-evaluation, the README's
        # mode): the finance body a headline or a sentence names is not the unit evaluated
        finance = _finance_bodies(units)
        units = [c for c in units if c not in finance]
    d["evaluated_unit"] = fullest(ctx, decide("evaluated_unit", units, doc), orgs)
    hiring = _hiring_bodies(found) if mode == "self" else []
    if hiring and _rates_each_below(ctx, hiring[0]) and fold(d["evaluated_unit"].value or "") == fold(hiring[0].value):
        # a body that hired the evaluation of each lower unit's use of its money (县住建局聘请第三方对各乡镇…): it is
        # the evaluator, the units evaluated are several and unnamed (ruling 46)
        d["evaluated_unit"] = Decision("evaluated_unit", candidates=d["evaluated_unit"].candidates)
    unit = d["evaluated_unit"]
    if mode == "self":
        # a self-evaluation: the unit evaluated is its own evaluator (one decision, one evidence)
        if filer:
            d["evaluator"] = fullest(ctx, decide("evaluator", filer, doc), orgs)
        elif not own and (ticked := re.search(_spec()["unnamed_firm_ticked"], ctx.view.text)):
            # the cover ticks an intermediary as the evaluating body and names none (评价机构:中介机构R
            # 部门(单位)评价组□): the unit did not evaluate itself, and who did is not printed
            d["evaluator"] = Decision(
                "evaluator",
                warnings=[f"evaluator: the cover ticks an unnamed intermediary ({ticked.group(0)})"],
                candidates=unit.candidates,
            )
        elif unit.value is None and (hiring := _hiring_bodies(found)):
            # a body that hired an unnamed third party to evaluate others' use of its money (县住建局聘请第三方对各乡镇…):
            # the evaluation is its own, the body the evaluator (ruling 44)
            d["evaluator"] = fullest(ctx, decide("evaluator", hiring[:1], doc), orgs)
        elif (head := _department_over_unit(ctx, own, unit)) is not None:
            # a department evaluating the transfer it administers, spent by a unit under it (林业厅组织专家对林科院
            # 承担的…项目进行了绩效评价; ruling 13): its own evaluation (self), the department the evaluator
            d["evaluator"] = fullest(ctx, decide("evaluator", [head], doc), orgs)
        else:
            d["evaluator"] = Decision("evaluator", unit.value, unit.chosen, [], unit.candidates)
    else:
        evaluators = found["evaluator"] + roles["evaluator"]
        if mode == "third_party":
            # (a body that announced or passed on the result — 通报, 公布, 一行到… — beside a third party that
            # evaluated: not who evaluated)
            evaluators = [c for c in evaluators if not c.rule.endswith(":others")]
        d["evaluator"] = fullest(ctx, decide("evaluator", evaluators, doc), orgs)
        if mode is None and d["evaluator"].value is None and _own_scored_form(ctx, unit):
            # a unit's own scored form (实施单位 …, 分值 / 得分 filled) is its self-evaluation, whether
            # or not it says 自评 (devset ruling 4): the spending unit filed it
            d["evaluator"] = Decision("evaluator", unit.value, unit.chosen, [], unit.candidates)
            if not d["evaluation_mode"].candidates and unit.chosen is not None:
                # (and, when no words tell the mode at all, the mode: its own evaluation, by the cell that
                # names the unit — the weakest evidence of a mode)
                cell = unit.chosen
                by_form = Candidate("evaluation_mode", "self", cell.start, cell.end, 1, "own_scored_form", cell.page)
                d["evaluation_mode"] = Decision("evaluation_mode", "self", by_form, [], [by_form])
        if (
            d["evaluated_unit"].value is not None
            and d["evaluated_unit"].value == d["evaluator"].value
            and mode is not None
        ):
            d["evaluated_unit"] = Decision("evaluated_unit")  # the firm that evaluated is not the unit evaluated
    for f in ("evaluated_unit", "evaluator"):
        if d[f].value is not None and _masked_name(ctx, d[f].value):
            # a template's or a redacted copy's unit (XX市红十字会 …, the file name printing 红十字会):
            # its name is withheld, not the short form chosen
            d[f] = Decision(
                f, warnings=[f"{f}: the document masks its name (XX…{d[f].value})"], candidates=d[f].candidates
            )
    d["program"] = first_printing_of_one_fund(
        decide(
            "program",
            program_candidates(ctx, pairs, title, d["evaluated_unit"].value, d["report_kind"].value, sample or 0),
            doc,
        ),
        doc.text,
    )
    several = [
        c
        for c in d["program"].candidates
        if c.rule.startswith("title") and re.search(_spec()["program"]["several"], fold(c.value))
    ]
    if several:
        # the title names several programmes (A项目、B项目…, …等3个项目): none is the programme (ruling 5)
        d["program"] = Decision(
            "program",
            warnings=[f"program: the title names several programmes {several[0].describe(doc)}; none is read"],
            candidates=d["program"].candidates,
        )
    if (body_only := d["program"].chosen) is not None and _several_in_body(ctx, body_only):
        # the body says several projects were evaluated, and only its sentences name one: ruling 5, none
        d["program"] = Decision(
            "program",
            warnings=[f"program: the body says several projects are evaluated; {body_only.describe(doc)} not read"],
            candidates=d["program"].candidates,
        )
    if (
        d["report_kind"].value is None
        and d["program"].chosen is not None
        and (
            ends_like_a_programme(fold(d["program"].value))
            or d["program"].chosen.rule == "body:name"  # (…转移支付: named as a programme by the words around it)
            # (a sentence's phrase ends in a programme's noun, which the name may have shed: 对…第七次全国人口
            # 普查项目支出开展绩效评价 → 第七次全国人口普查)
            or d["program"].chosen.rule == "body"
            or d["program"].chosen.rule
            == "title"  # (潘集区“送戏进万村”绩效评价报告: the title names what it evaluates)
            # (a headline that reports the evaluation as an act names what was evaluated as the act's object:
            # …到我馆开展2018年度博物馆免费开放绩效考评… → 博物馆免费开放, a programme's work however it ends)
            or d["program"].chosen.rule == "title:action"
        )
    ):
        # a report that names the programme it evaluates (…资金, …项目, …工程) evaluates a project,
        # with the programme's words as evidence
        c = d["program"].chosen
        d["report_kind"] = Decision(
            "report_kind",
            "project",
            Candidate("report_kind", "project", c.start, c.end, 1, "program", c.page),
            [],
            d["report_kind"].candidates,
        )
    if d["report_kind"].value is None and several:
        # several programmes are still projects evaluated: the title's list is the evidence
        c = several[0]
        d["report_kind"] = Decision(
            "report_kind",
            "project",
            Candidate("report_kind", "project", c.start, c.end, 1, "program", c.page),
            [],
            d["report_kind"].candidates,
        )
    if d["report_kind"].value is None:
        d["report_kind"] = decide("report_kind", _project_by_default(ctx, sample or 0), doc)
    return Metadata(d, found)


def _several_in_body(ctx: Context, chosen: Candidate) -> bool:
    """Whether the programme ``chosen`` was read from the body's sentences alone while the body says the
    evaluation or its money covers several projects (``program.several_in_body``: 这次绩效评价包括…4个林业项目)."""
    if not chosen.rule.startswith("body"):
        return False
    return re.search(_spec()["program"]["several_in_body"], ctx.view.text[: len(ctx.view.text) // 2 + 2000]) is not None


__all__ = [
    "extract_metadata",
    "Metadata",
    "kind_candidates",
    "mode_candidates",
    "Line",
    "Org",
]
