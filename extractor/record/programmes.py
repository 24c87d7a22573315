"""The programme a report evaluates: candidates from a form's 项目名称 (10), the title without its
places, years, unit and suffix (8; a notice's title 5) and the body's sentences naming what was
evaluated (``program_body``), and the name cut from each (:func:`program_name`).  Phrases are data
(``patterns/metadata.yaml``: ``program``, ``program_body``); :mod:`.metadata` decides among the
candidates."""

from __future__ import annotations

import re
from typing import Any

from .candidates import Candidate, Decision
from .context import Context
from .divisions import Division, Divisions
from .forms import Pair
from .jurisdiction import divisions, lies_inside, resolve
from .nlp import tokens
from .orgs import CODE_PREFIX, is_org_name, printed_span
from .phrases import _spec, in_citation
from .view import View, fold


def ends_like_a_programme(name: str) -> bool:
    """Whether ``name`` ends in a programme's noun (…项目, …工程), a short bracket after it aside (…工程(二期))."""
    return bool(re.search(_spec()["program"]["noun_end"], re.sub(r"[（(][^）)]{1,10}[)）]$", "", name)))


# "Our county" before a programme (对我县…民生工程): the writer's place, no part of the name.
# the writer's own place before the programme (对我县…民生工程, 对我县2021年…: its year after it)
_OUR_PLACE = re.compile(
    r"^(?:我|本|全)(?:省|市|县|区|州|旗|乡|镇)(?=[\u4e00-\u9fff]{2}|(?:19|20)(?:\d\d|[xX×_＿]{1,2})年)"
)


def _goes_on(place: Division | None, before: Division) -> bool:
    """Whether a place printed right after the leading place ``before`` still leads the title: the
    same place again (凤阳县2022年度凤阳县…), or one inside it; a name the table cannot settle counts
    after a province or a prefecture, not after a county (nothing coded lies inside one)."""
    if place is None:
        return before.level != "county"
    return place.code == before.code or lies_inside(place, before)


def _all_places(text: str) -> bool:
    """Whether ``text`` is only division names, one after another (宿州市埇桥区)."""
    at = 0
    for s, e, _n in sorted(divisions().find(text)):
        if s == at:
            at = e
    return 0 < at == len(text)


def _unbracket(spec: dict[str, Any], text: str) -> str:
    m = re.match(spec["bracketed"], text)
    if m is None:
        return text
    prog = m.group("prog")
    if _all_places(prog) or (is_org_name(prog) and re.search(spec["bracketed_unit"], prog)):
        # the place the report is of, or its unit, in brackets after its title (…专项资金绩效评价报告
        # (临泉县), …(县农业农村局)): no programme; the title before it names one
        return text[: m.start("prog") - 1]
    return prog


def _cut_blanked_place(spec: dict[str, Any], text: str) -> str:
    """``text`` without the bare level word a copy's missing place name left at its start
    (区百花溪小流域… once 巴州 was lost, 省太阳能… once 海南 was masked): the level word on its own
    as jieba reads it (not 市场…, 省道…, 县域…), a word of two characters or more after it."""
    if not re.match(spec["blanked_place"], text):
        return text
    words = tokens(text[:12])
    if len(words) >= 2 and len(words[0]) == 1 and len(words[1]) >= 2:
        return text[1:]
    return text


def _cut_kind_words(spec: dict[str, Any], text: str) -> str:
    """``text`` without the words after the programme that say what kind of document this is, however
    many and in whatever order (…项目绩效自评结果公开, …绩效目标完成情况自评报告, …绩效自评表及自评报告,
    …绩效评价情况说明): a run of ``kind_words`` at the end that holds an evaluation word, with none
    before it."""
    m = re.search(spec["kind_words"], text)
    if m is None or not re.search(spec["kind_words_evaluation"], m.group(0)):
        return text
    if m.start() < 2:
        return ""  # the kind's words and nothing else (绩效评价结果公开): no programme is named
    if re.search(spec["kind_words_evaluation"] + "|评审", text[: m.start()]):
        return text  # an evaluation's words before the run (…事前绩效评审专家组综合评价报告表): no programme's name
    return text[: m.start()]


def _name_before_year_and_category(spec: dict[str, Any], text: str) -> str:
    """``text`` up to its year when the year stands between the programme's name and a generic category
    heading that the report's words close (中央新疆特大型地质灾害防治经费2017年度专项转移支付绩效评价报告 →
    中央新疆特大型地质灾害防治经费): the heading after the year says what kind of money the document is
    about (ruling 5: 中央对地方(专项)转移支付, 省级财政专项资金 go), so the name ends where the year
    begins; cutting the year alone would glue the name to the heading, words never printed together. Only a
    name that ends as a programme's does (…经费, …资金, …项目) is so read."""
    for m in re.finditer(spec["strip_years"], text):
        if m.start() < 2:
            continue
        rest = re.sub(spec["strip_suffix"], "", _cut_kind_words(spec, text[m.end() :])).strip()
        if (
            rest
            and rest != text[m.end() :]
            and re.fullmatch(spec["generic"], rest)
            and re.search(spec["noun_end"], text[: m.start()].strip())
        ):  # (a sector before the year, 应急管理领域2023年度中央转移支付资金…, names no programme: its funds are many)
            return text[: m.start()]
    return text


def _after_unit_and_year(spec: dict[str, Any], text: str) -> str | None:
    """What a title prints after its unit and year (东方市公安局2023年度东方市社管平台…项目绩效自评报告 →
    东方市社管平台…): the words before the year are the place and the body that reports — an organisation's
    name or a sector's units (六安市供销系统) once the places are cut — so the programme is what follows
    the year, its own places kept (ruling 5: only the leading place, the year and the unit go). ``None``
    when the title opens otherwise (a place alone, a programme, a sentence before the year)."""
    year = re.search(spec["strip_years"], text)
    if year is None or year.start() == 0:
        return None
    lead = re.sub(r"^(?:关于|对)", "", text[: year.start()])
    table = divisions()
    while found := [e for s, e, _n in table.find(lead) if s == 0]:
        lead = lead[found[0] :]
    if not lead or not (is_org_name(lead) or re.fullmatch(spec["sector_units"], lead)):
        return None
    return text[year.end() :]


def program_name(text: str, unit: str | None = None, *, after_unit: bool = False) -> str:
    """A programme's name from a title or a form's value (view text): places, years, unit and suffix cut.
    ``after_unit``: ``text`` follows the unit's name, and a place it opens with is the programme's own."""
    spec = _spec()["program"]
    text = re.sub(r"[|｜]+", "", text)  # a flattened form's cell bars (…自评表||||(2024年度)): no words
    if not after_unit and (rest := _after_unit_and_year(spec, text)) is not None:
        name = program_name(rest, unit, after_unit=True)
        if name:
            return name
    if unit and fold(unit) in text and len(text.replace(fold(unit), "", 1)) >= 4:
        # (not when the unit is what the programme builds: 本项目为南江县档案馆建设 → 档案馆建设)
        # the unit the title opens with: a place after it is the programme's (曲阳县住房和城乡建设局曲阳县
        # 城区散排污水收集处理项目…)
        after_unit = after_unit or re.fullmatch(r"(?:关于|对)?", text[: text.find(fold(unit))]) is not None
        text = text.replace(fold(unit), "", 1)
    blanked = _cut_blanked_place(spec, text)
    text, stripped_place = blanked, blanked != text  # (a lost place is a place: its 局 after it goes too)
    text = re.sub(spec["city_proper_before_year"], "", text) if not after_unit else text
    towns_before_year = re.findall(spec["town_before_year"], text)  # (鸡飞镇2022年…: the town is the place)
    if not after_unit and (town := re.match(spec["town_before_year"], text)) and not divisions().find(town.group(0)):
        # a title that opens with a town and its year, no county before it (三堂街镇2021年度村管费支出…): the
        # town is the title's place (ruling 7), as a county printed there would be — no programme's words
        text, stripped_place = text[town.end() :], True
    text = _name_before_year_and_category(spec, text)
    # (a place before the year is the title's place even after the unit: XX县财政局XX县2022年…)
    places_before_year = {n for _s, e, n in divisions().find(text) if re.match(spec["strip_years"], text[e:])}
    text = re.sub(spec["strip_years"], "", text)
    # what leads the name and is not it: 关于, years, division names (云南省, 昆明市东川区)
    # and a town after them, 本级/部门 — in any order, until nothing more goes
    table = divisions()
    original, last_place = text, None  # (the leading places go down a chain: 云南省昆明市东川区)
    first_place: Division | None = None
    stem_lead: tuple[str, str] | None = None  # a bare province stem the name opened with, and what followed it
    # a town's or a street's own spending (ruling 7): its government is the unit evaluated
    own_town = fold(unit) if unit and re.search(spec["town_government"], fold(unit)) else ""
    while True:
        before = text
        text = re.sub(r"^(?:关于|对)", "", text)
        text = re.sub(spec["strip_tag"], "", text)
        text = re.sub(spec["every_province"], "", text)  # (省(自治区、直辖市)…: all provinces, a place)
        text = re.sub(spec["strip_plan"], "", text)  # (“十三五”时期…: a period, as a year is)
        text = re.sub(spec["report_words_first"], "", text)  # 项目支出绩效评价报告 / 海口市公安局…项目
        text = re.sub(spec["strip_action"], "", text)
        text = _OUR_PLACE.sub("", text)  # 对我县…民生工程
        text = re.sub(spec["strip_verb"], "", text) if text != before else text
        text = re.sub("^" + spec["strip_years"], "", text) if re.match(r"[（(]?(?:19|20)\d\d", text) else text
        found = [
            (s, e, n)
            for s, e, n in table.find(text)
            if s == 0 and (stripped_place or not re.fullmatch(spec["common_word_place"], text[s:e]))
        ]  # (城区停车场…: a district's name that is also a common word counts after its city only)
        place = resolve(found[0][2], original) if found else None
        if found and last_place is not None and not _goes_on(place, last_place):
            found = []  # a place outside the one cut before it (保亭县海南热带果蔬…): the name's own word
        if found and after_unit and found[0][2] not in places_before_year:
            found = []  # a place after the unit's name: the programme's own (东方市公安局…东方市社管平台…)
        masked = re.match(_spec()["masked_place"], text)  # a template's or a redacted copy's XX市
        if masked:
            found, place = [(0, masked.end(), "")], None
        if (
            found
            and last_place is None
            and stem_lead is None
            and found[0][2] not in places_before_year  # (海南2020年…: the title's place, its year after it)
            and _bare_province_stem(table, found[0][2])
        ):
            stem_lead = (found[0][2], text[found[0][1] :])
        if found:
            text = text[found[0][1] :]
            stripped_place = True
            first_place, last_place = first_place or place, place
            # a list of places inside the first (长治市屯留区、壶关县农田建设补助资金): all of them lead
            while first_place is not None and re.match("[、和]", text):
                listed = [(e, n) for s, e, n in table.find(text[1:]) if s == 0]
                other = resolve(listed[0][1], original) if listed else None
                if other is None or not lies_inside(other, first_place):
                    break
                text = text[1 + listed[0][0] :]
        elif stripped_place:
            text = re.sub(spec["strip_town"], "", text)
            town = re.match(spec["town"], text)
            if town and (
                (own_town and town.group(0) in own_town) or any(t.endswith(town.group(0)) for t in towns_before_year)
            ):
                text = text[town.end() :]  # the town whose own spending it is: the place
        text = re.sub(r"^(?:(?:市|县|区|省)?本级|部门|单位)+", "", text)
        text = re.sub(spec["strip_category"], "", text)
        if stripped_place:
            text = re.sub(spec["strip_department"], "", text)
        if text == before:
            break
    # a programme in brackets: after the report's words (…自评报告(XX资金)), or left alone once they
    # are cut (转移支付区域(全民健身中心项目)绩效自评表)
    text = re.sub(spec["draft_tag"], "", text)
    text = re.sub(spec["strip_fund_source"], "", text)
    text = _unbracket(spec, re.sub(spec["strip_allocation_tail"], "", text))
    text = _cut_kind_words(spec, text)
    text = _unbracket(spec, re.sub(spec["strip_suffix"], "", text).strip("，,：:、 "))
    text = re.sub(r"^的", "", text)
    named_as_programme = bool(re.search(r"(?:项目|工程|资金|经费)$", text))  # 全民健身中心项目: no organisation
    # quotation marks around the whole name mark where it starts and ends, as brackets do (devset ruling
    # 18: 潘集区“送戏进万村”绩效评价报告 → 送戏进万村); inside a longer name they stay (“全面改薄”建设项目,
    # “困难学生资助”项目: read before its 项目 goes, and the 项目 kept, lest the marks seem to enclose it)
    quoted = r"^[“\"‘]([^“”\"‘’]{2,})[”\"’]"
    if not re.fullmatch(quoted + r"项目", text):
        text = re.sub(quoted + "$", r"\1", re.sub(spec["strip_tail"], "", text))
    text = _landmark_stem(stem_lead, text)
    if re.fullmatch(spec["generic"], text) or (is_org_name(text) and not named_as_programme):
        return ""  # the title names no programme (部门项目支出绩效自评表) or only the firm
    if re.search(spec["not_programme"], text) or _zone_with_its_place(spec, text):
        return ""  # what is left is no programme's name: abstain rather than guess
    return text


def _bare_province_stem(table: Divisions, name: str) -> bool:
    """Whether ``name`` is a province's bare stem, its level word left off (海南, 上海 — not 海南省)."""
    return name in table.stems and any(d.level == "province" for d in table.stems[name])


def _landmark_stem(stem_lead: tuple[str, str] | None, name: str) -> str:
    """``name`` with the bare province stem it was printed right after put back (海南热带果蔬科创基地建设项目,
    上海保利大剧院演出…补贴项目): a title's or form's leading place is printed with its level word (海南省,
    上海市) or its county after it; a bare stem run straight into the programme's words, nothing else
    cut after it, is the first word of a base's, a theatre's or a breed's own name (ruling 5: names inside
    the programme's own name stay as printed). Not when anything was cut between (重庆开展免费开放…: the
    stem is who acted; 上海嘉定区…: a place chain)."""
    if stem_lead is None or not name:
        return name
    stem, after = stem_lead
    return stem + name if after.startswith(name) else name


def _zone_with_its_place(spec: dict[str, Any], text: str) -> bool:
    """Whether ``text`` is only a development zone and the division it is, in brackets (高新区(江海区)):
    the place a report is of, which the title names before its report words, not a programme."""
    m = re.match(spec["zone_place"], text)
    return m is not None and _all_places(m.group("place"))


def _program_candidate(
    ctx: Context, start: int, end: int, unit: str | None, rank: float, rule: str, evidence_start: int | None = None
) -> Candidate | None:
    """The programme named by the text ``[start, end)``, with its printed words as evidence."""
    text = program_name(View.of(ctx.doc.text[start:end], start).text, unit)
    span = printed_span(ctx, start, end, text) if len(text) >= 2 else None
    if span is None:
        return None
    s, e = span
    name = cut_batch_words(re.sub(r"\s+", "", ctx.doc.text[s:e]))
    if len(name) < 2:
        return None
    return ctx.candidate_at("program", name, s if evidence_start is None else evidence_start, e, rank, rule)


def cut_batch_words(name: str) -> str:
    """``name`` without its batch or tranche words (第八批, (第一批)): which allocation of a fund a document
    speaks of, as its year does, is no part of the fund's name (tests/devset/README.md ruling 28).  The
    evidence keeps the printed words, batch and all."""
    return re.sub(_spec()["program"]["batch_words"], "", name).strip("—-－ ")


def _headline_object(ctx: Context, title: Candidate) -> tuple[int, int] | None:
    """The span (document offsets) of what a headline says was evaluated when it reports the evaluation
    as an act (重庆开展免费开放博物馆绩效考核成效明显 → 免费开放博物馆; ``headline_action``): the verb's object,
    without who acted and without what became of the evaluation.  ``None`` when the headline is no such
    act, or its object is several things (第一、二批…, …资金和…资金: ruling 5, several evaluated)."""
    view = View.of(ctx.doc.text[title.start : title.end], title.start)
    spec = _spec()["program"]
    m = re.search(spec["headline_action"], view.text) or re.search(spec["headline_on"], view.text)
    if m is None or ends_like_a_programme(m.group("agent")):
        return None  # (XX项目开展绩效自评…: the programme acts in its own title; the title is read whole)
    # (a list of the places it was evaluated in is no list of programmes: 对长治市屯留区、壶关县…资金)
    if "、" in program_name(m.group("prog")) or re.search(spec["not_in_sentence"], m.group("prog")):
        return None
    return view.span(m.start("prog"), m.end("prog"))


def _rules_name(ctx: Context, title: Candidate) -> tuple[int, int] | None:
    """The span (document offsets) of the name a rules document's title gives the programme its rules are
    for (关于印发《XX资金管理办法》的通知 → XX资金; XX工作绩效评价办法 → XX工作绩效评价), its rules words cut and
    the rest left to :func:`program_name` (ruling 32); ``None`` when the title issues no rules."""
    spec = _spec()["program"]
    view = View.of(ctx.doc.text[title.start : title.end], title.start)
    m = re.match(spec["rules_title"], view.text)
    if m is None:
        return None
    group = "quoted" if m.group("quoted") is not None else "rules"
    words = re.search(spec["rules_words"], m.group(group))
    if words is None or words.start() < 2:
        return None
    return view.span(m.start(group), m.start(group) + words.start())


def program_candidates(
    ctx: Context, pairs: list[Pair], title: Candidate | None, unit: str | None, kind: str | None, start: int = 0
) -> list[Candidate]:
    """The programme from a form's 项目名称 (10), the title (8, a notice's 5) and the body's sentences
    (``program_body``; from ``start``: an essay-collection site's heading and intro are the site's)."""
    if kind in _spec()["program"]["strip_kinds"]:
        return []
    out: list[Candidate | None] = []
    for p in pairs:
        if p.field == "program":
            value = CODE_PREFIX.sub("", re.split(r"[，,。；;]", p.first_cell)[0].strip())
            if re.search(_spec()["program"]["form_header_value"], value):
                continue  # a column's header under the label (预算资金(万元)): a list of projects, no value
            span = printed_span(ctx, p.start, p.end, value)
            if 2 <= len(value) <= 60 and span:
                out.append(_program_candidate(ctx, span[0], span[1], unit, 10, f"form:{p.layout}", p.label_start))
    rules = _rules_name(ctx, title) if title is not None else None
    acted = _headline_object(ctx, title) if title is not None and rules is None else None
    if rules is not None:
        # a document issuing rules for one programme names it in its title (ruling 32), however the title
        # was read (a method's own heading reads as a headline): the rules' name without its rules words
        out.append(_program_candidate(ctx, rules[0], rules[1], unit, 8, "title:rules"))
    elif acted is not None:
        # a headline that reports the evaluation as an act names the programme as the act's object
        out.append(_program_candidate(ctx, acted[0], acted[1], unit, 8, "title:action"))
    elif title is not None and not title.rule.startswith("title_news"):
        # (a news headline in words of its own, …绩效评价获得全省优秀等次, says what became of the
        # evaluation after the programme: its words are no title's to cut; the body names the programme)
        # a notice's title names the programme of the evaluation it reports (关于…项目重点绩效评价结果的
        # 通报) — or the batch (…部门预算项目…): below a form's or the body's naming of it
        notice = re.search(r"关于.{0,80}(?:通知|通报|公告|公示)$", fold(title.value))
        tv = View.of(ctx.doc.text[title.start : title.end], title.start)
        quoted = re.match(_spec()["years"]["quoted_report"], tv.text)
        if quoted:
            # a notice that hands on a report it quotes (关于印发《…绩效评价报告》的通知): the quoted
            # report's title names its programme, as that report's own title would
            s, e = tv.span(quoted.start("q"), quoted.end("q"))
            out.append(_program_candidate(ctx, s, e, unit, 8, "title_quoted"))
        else:
            out.append(_program_candidate(ctx, title.start, title.end, unit, 5 if notice else 8, "title"))
    text = ctx.blank_before(ctx.view.text[: len(ctx.view.text) // 2 + 2000], start)
    for rule in _spec()["program_body"]:
        matches: list[re.Match[str]] = []
        for m in re.finditer(rule["regex"], text):
            prog = _OUR_PLACE.sub("", m.group("prog"))  # (program_name drops it from the evidence too)
            shape = rule.get("shape", "sentence")
            if re.match(r"[ 　]*附件\s*\d", text[text.rfind("\n", 0, m.start()) + 1 :]):
                continue  # one entry of a list of attachments (附件1:XX项目绩效评价报告.pdf), not this report's
            if (
                shape != "title"
                and re.search(_spec()["program"]["not_in_sentence"], prog)
                or (
                    shape == "sentence"
                    and not ends_like_a_programme(prog)
                    # (…葡萄酒产业发展项目支出绩效评价: the 项目 the rule leaves out names it a programme)
                    and not text.startswith("项目", m.end("prog"))
                )
            ):
                continue
            matches.append(m)
        # the programme as the writer's own sentence names it, over its name in a cited document's
        # title (《关于下达2021年农村环境整治资金预算的通知》 before 下达…中央农村环境整治专项资金共计…)
        own = [m for m in matches if not in_citation(text, m.start("prog"), closed_after=True)]
        for m in own or matches:
            s, e = ctx.view.span(m.start("prog"), m.end("prog"))
            found = _program_candidate(
                ctx,
                s,
                e,
                unit,
                rule["rank"],
                "body" if rule.get("shape", "sentence") == "sentence" else f"body:{rule['shape']}",
            )
            if found is not None:
                out.append(found)
                if not rule.get("every"):
                    break  # (the rule's first phrase that names a programme: 对项目资金…进行评价 names none)
                # (a rule that reads every phrase: two funds it names are two programmes of equal
                # standing, and the decision abstains with both as its warning)
    return [c for c in out if c is not None]


def _fund_core(spec: dict[str, Any], name: str) -> str:
    """``name`` without the level words before it and the fund words after it (中央财政草原生态修复治理补助资金
    → 草原生态修复治理): the words that tell one fund from another."""
    return re.sub(spec["fund_core_tail"], "", re.sub(spec["fund_core_lead"], "", name))


def _one_fund(spec: dict[str, Any], first: str, other: str) -> bool:
    """Whether ``first`` and ``other`` print one fund two ways: the core of one (4 characters or more) stands in
    the other's name (read folded: a mirror's traditional copy prints the same fund)."""
    first, other = fold(first), fold(other)
    a, b = _fund_core(spec, first), _fund_core(spec, other)
    return (len(b) >= 4 and b in first) or (len(a) >= 4 and a in other)


def first_printing_of_one_fund(decision: Decision, text: str) -> Decision:
    """The programme ``decision`` abstained on when its equals are one fund printed two ways by the document's
    own sentences: the first printing (tests/devset/README.md ruling 30 — a document that prints its fund's
    name in more than one way is read by the name that states its whole or what it evaluates, else by the
    first printing; two body sentences that both say what is evaluated tie, and the first decides).  Funds
    that are different money (two names neither of which holds the other's core) still abstain, and so do
    printings one of which a cited document's title holds (《关于开展XX工程项目绩效评价工作的意见》: not the
    document's own words, ruling 30). ``text``: the document's text the candidates' offsets are in."""
    if decision.chosen is not None or not decision.candidates:
        return decision
    top = max(c.rank for c in decision.candidates)
    tied = [c for c in decision.candidates if c.rank == top]
    if len({c.value for c in tied}) < 2 or not all(
        c.rule.startswith("body") and not in_citation(text, c.start, closed_after=True) for c in tied
    ):
        return decision
    spec = _spec()["program"]
    first = min(tied, key=lambda c: c.start)
    if not all(_one_fund(spec, first.value, c.value) for c in tied):
        return decision
    return Decision(decision.field, first.value, first, [], decision.candidates)


def blanked_place(title: str) -> str | None:
    """The bare level word a title opens with where its place name was lost or masked (省太阳能…,
    区百花溪…): the title then withholds its place as a masked one (XX市) does; ``None`` otherwise."""
    return title[0] if _cut_blanked_place(_spec()["program"], title) != title else None


def masked_place(text: str) -> re.Match[str] | None:
    """A masked place (XX市, ××县, 某区) in ``text`` (view text), if any."""
    return re.search(_spec()["masked_place"], text)
