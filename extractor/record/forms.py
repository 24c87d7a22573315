"""Key–value pairs of forms: a label that names a field, and its value.

Results forms, self-evaluation tables and cover pages state values as label and
value rather than in sentences.  :func:`form_pairs` finds them in three layouts,
with the labels of ``patterns/forms.yaml``:

* ``right`` — a table cell holding only a label, the value in the next non-empty
  cell of the row (项目名称 | 社区养老服务 …);
* ``below`` — a label heading a column, the value in the cell under it
  (评价得分 | 评价等级 over 86.5 | 良);
* ``inline`` — a label in text followed by a colon, a tab or spaces (a form
  flattened to one line: ``项目名称：XX  主管部门：YY  评价得分 86.5``); the value
  runs to the next label or the end of the line;
* ``next_line`` — a line holding only a label, the value on the next line (a
  table flattened to one cell a line: ``单位名称 |`` then ``XX镇人民政府 |``);
* ``columns`` — a header row of labels over one row of values, flattened to text:
  either one line each, cells apart by spaces (``序号 项目名称 评价得分 评价等级``
  over ``1 社区养老服务 89.5 良``), or one cell a line (three label lines, then
  three value lines).  A header over several rows is a list of projects, not one
  form, and gives no pair;
* ``glued`` — a form flattened with nothing between its cells
  (``项目名称XX项目负责人及电话…主管部门YY实施单位ZZ资金情况…``, as text copied
  out of a PDF table comes): labels of several cells follow each other closely, and
  each names-field label's value runs to the next label (``glued_stops`` of
  ``patterns/forms.yaml`` lists the form's other labels, which only end values).

Each :class:`Pair` keeps the document span of its label and of its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet, Any

from ... import patterns
from .context import Context
from .view import View, fold

_UNIT = r"(?:[（(][^）)]{0,8}[）)])?"


@dataclass(frozen=True)
class Pair:
    field: str  # the record field the label names
    label: str  # the label as the view shows it
    value: str  # the value as the view shows it
    start: int  # document span of the value
    end: int
    label_start: int  # document span of the label
    label_end: int
    layout: str  # right / below / inline / next_line
    rank: int  # the label's rank within its field (patterns/forms.yaml)
    generic: bool  # a label too generic to head a column (得分, 等级 …)
    row: tuple[str, ...] = ()  # the folded cells of the value's row (tables)
    cell: str = ""  # an inline value up to the first gap between two words (the next cell of a flattened form)

    @property
    def first_cell(self) -> str:
        return self.cell or self.value


def _unit_role(role: str) -> re.Pattern[str]:
    return re.compile(patterns.load("forms.yaml")["unit_roles"][role])


# Which unit a form's unit cell names (patterns/forms.yaml ``unit_roles``): the form's own unit (单位名称, 部门(单位)
# 名称, 预算单位名称), not a programme's spending unit (实施单位) or its supervisor (主管部门); the programme's
# spending unit (项目实施单位, 资金使用单位, 建设单位); the programme's supervising department (主管部门, 项目主管单位).
OWN_UNIT_LABEL = _unit_role("own_unit")
SPENDING_UNIT_LABEL = _unit_role("spending_unit")
SUPERVISOR_LABEL = _unit_role("supervisor")


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    data = patterns.load("forms.yaml")
    labels = []
    for name, entries in data["fields"].items():
        for e in entries:
            labels.append((name, int(e["rank"]), e["label"]))
    alternation = "|".join(f"(?:{rx})" for _n, _r, rx in labels)
    return {
        "labels": [(n, r, re.compile(f"(?:{rx}){_UNIT}")) for n, r, rx in labels],
        "any": re.compile(f"(?:{alternation}){_UNIT}"),
        "unit_label": re.compile(f"(?:{alternation})[（(][^）)]{{1,4}}[）)](?=\\d)"),
        "generic": re.compile(f"(?:{data['generic']}){_UNIT}"),
        "total_row": re.compile(f"(?:{data['total_row']}){_UNIT}"),
        "results_row": re.compile(data["results_row"]),
        "not_labels": re.compile(data["not_labels"]),
        "not_values": re.compile(data["not_values"]),
        "unit_section": re.compile(data["unit_section"]),
        "glued_any": re.compile(f"(?:{data['glued_stops']})|{alternation}"),
        "glued_stop": re.compile(f"(?:{data['glued_stops']}){_UNIT}"),
    }


def label_of(cell: str) -> tuple[str, int, bool] | None:
    """``(field, rank, generic)`` when the folded ``cell`` is a label and nothing else."""
    key = re.sub(r"\s+", "", cell).rstrip("：:")
    spec = _spec()
    if not key or spec["not_labels"].search(key):
        return None
    for name, rank, rx in spec["labels"]:
        if rx.fullmatch(key):
            return name, rank, bool(spec["generic"].fullmatch(key))
    return None


def another_label(value: str) -> bool:
    """Whether the folded ``value`` is a form's label and nothing else — a field's (label_of) or another
    cell's (``glued_stops``: 联系电话, 项目负责人): the next cell's label, no value (a blank cell between, in a
    form written one cell a line: 评价机构 ⏎ (blank) ⏎ 联系电话)."""
    key = re.sub(r"\s+", "", value).strip("|｜：:")
    return label_of(key) is not None or bool(key and _spec()["glued_stop"].fullmatch(key))


def form_sections() -> re.Pattern[str]:
    """A section of a body (大气环境科, 财务股): a unit's name when a form's unit label names it."""
    return _spec()["unit_section"]


def in_results_row(text: str, p: Pair) -> bool:
    """Whether the label of ``p`` is the second cell of a results row (评价结果 | 得分 | 88.5 …: ``results_row``):
    all that stands before it on its line is the row's first cell naming the evaluation's result."""
    before = text[text.rfind("\n", 0, p.label_start) + 1 : p.label_start]
    key = re.sub(r"[\s|｜：:]+", "", fold(before))
    return bool(key) and _spec()["results_row"].fullmatch(key) is not None


def is_total_row(cell: str) -> bool:
    return bool(_spec()["total_row"].fullmatch(re.sub(r"\s+", "", fold(cell)).rstrip("：:")))


def _names_a_cell(cell: str) -> bool:
    """Whether the folded ``cell`` is a form's label: a field's, or another label of the form
    (``glued_stops``: 县级主管部门, 项目负责人及电话)."""
    key = re.sub(r"\s+", "", cell).rstrip("：:")
    return bool(key) and (label_of(key) is not None or _spec()["glued_stop"].fullmatch(key) is not None)


def run_in_label(cell: str) -> int | None:
    """Where, in the folded ``cell``, the next cell's label begins when it ran into this cell's value
    (忠县水利局实施单位, …精准帮扶项目负责人及电话: a table whose rule between two cells was lost, or a form
    whose cells were split at the wrong gap): a field's label or another label of the form, two
    characters or more into the cell, not after a conjunction, and not in a cell that holds a colon (a
    label and its value of its own)."""
    if _SEP.search(cell):
        return None
    for k in range(2, len(cell) - 3):
        if cell[k - 1] not in "及和与或、" and _names_a_cell(cell[k:]):
            return k
    return None


def _table_pairs(ctx: Context) -> list[Pair]:
    out: list[Pair] = []
    for b in ctx.doc.tables:
        cells = b.cells()
        folded = [[fold(t) for _s, _e, t in row] for row in cells]
        for r, row in enumerate(cells):
            for c, (ls, le, text) in enumerate(row):
                lab = label_of(folded[r][c])
                label_text = folded[r][c]
                before = [x for x in folded[r][:c] if x.strip()]
                run_in = run_in_label(folded[r][c]) if lab is None and before and _names_a_cell(before[-1]) else None
                if run_in is not None:
                    # a label cell, then a cell holding its value and the next cell's label (县级主管部门 |
                    # 忠县水利局实施单位 | 忠县涂井乡人民政府): that label names the cell to its right, as
                    # the same form flattened to lines reads (_line_pairs)
                    label_text = folded[r][c][run_in:]
                    lab = label_of(label_text)
                    v = View.of(text, ls)
                    ls, le = v.span(run_in, len(v.text))
                if lab is None:
                    continue
                name, rank, generic = lab
                # right: the next non-empty cell, unless it is a label itself
                for c2 in range(c + 1, len(row)):
                    if folded[r][c2].strip():
                        if label_of(folded[r][c2]) is None:
                            s, e, t2 = row[c2]
                            value = folded[r][c2]
                            cut = run_in_label(value)
                            if cut is not None:  # (…帮扶项目负责人及电话: the value ends where the next label begins)
                                value = value[:cut]
                                s, e = View.of(t2, s).span(0, cut)
                            last = _date_cells(folded[r], c2)
                            if last > c2:  # a date set over cells (报告日期: | 2022 年 | 7 月 | 8 日): one value
                                value = "".join(folded[r][c2 : last + 1])
                                e = row[last][1]
                            out.append(
                                Pair(
                                    name,
                                    label_text,
                                    value,
                                    s,
                                    e,
                                    ls,
                                    le,
                                    "right",
                                    rank,
                                    generic,
                                    tuple(folded[r]),
                                )
                            )
                        break
                # below: the label heads a column of a header row
                if generic or r + 1 >= len(cells) or c >= len(cells[r + 1]):
                    continue
                if sum(label_of(x) is not None for x in folded[r] if x.strip()) < 2:
                    continue  # one label in a row of values is a row header, not a column header
                below = folded[r + 1][c]
                further = {
                    folded[r2][c]
                    for r2 in range(r + 2, len(cells))
                    if c < len(folded[r2]) and folded[r2][c].strip() and label_of(folded[r2][c]) is None
                }
                if further - {below}:
                    continue  # a column of several items (a list of projects), not one form's value
                if below.strip() and label_of(below) is None:
                    s, e, _t = cells[r + 1][c]
                    out.append(
                        Pair(name, folded[r][c], below, s, e, ls, le, "below", rank, generic, tuple(folded[r + 1]))
                    )
    return out


_SEP = re.compile(r"[：:]")
_LINE_END = "\n\t"
_DATE_HEAD = re.compile(r"(?:19|20)\d\d年(?:\d{1,2}月)?")
_DATE_PART = re.compile(r"\d{1,2}[月日号]")


def _date_cells(row: list[str], c: int) -> int:
    """The last cell of a date that a form sets over several cells, its year in cell ``c`` (2022 年 | 7 月 |
    8 日, as the same form written as text prints 2022 年 7 月 8 日 on one line); ``c`` when it is not so."""
    if not _DATE_HEAD.fullmatch(re.sub(r"\s+", "", row[c])):
        return c
    last = c
    while last + 1 < len(row) and _DATE_PART.fullmatch(re.sub(r"\s+", "", row[last + 1])):
        last += 1
        if row[last].strip().endswith(("日", "号")):
            break
    return last


def _colon_label_starts(text: str) -> list[int]:
    """Starts of labels of four characters or more that end right before a colon."""
    spec = _spec()
    out = []
    for c in (m.start() for m in _SEP.finditer(text)):
        for k in range(max(0, c - 16), c - 3):
            if spec["any"].fullmatch(text, k, c) and label_of(text[k:c]) is not None:
                out.append(k)
                break
    return out


def _inline_pairs_in(ctx: Context, view: View) -> list[Pair]:
    text = view.text
    spec = _spec()
    doc_text = ctx.doc.text

    def gap_before(k: int) -> bool:
        """Whether the original has white space (a space, a line break) between view characters
        ``k - 1`` and ``k``: a cell boundary of a flattened form, or two words it set apart."""
        return view.starts[k] > view.ends[k - 1] and doc_text[view.ends[k - 1] : view.starts[k]].strip() == ""

    hits: list[tuple[int, int, str, int, bool, bool]] = []
    # where a label may start: the line's start, after a separator, or after a space
    # the original put between two words (a flattened form's cell boundary)
    starts = [0] + [
        k
        for k in range(1, len(text))
        if text[k - 1] in "\n\t 。；;，,、）)|｜"
        or gap_before(k)
        or (text[k - 1].isdigit() and "\u4e00" <= text[k] <= "\u9fff")
        or (k >= 2 and text[k - 2 : k - 1].isdigit() and text[k - 1] == "日")
    ]  # …2022-10-25发布机构; a date's 日 ends a cell too (填报日期:2023年5月17日项目名称 XX: a reader's joined line)
    # a label with its unit in brackets right before a number needs no separator (自评总分(分)97.6)
    starts += [m.start() for m in spec["unit_label"].finditer(text)]
    # nor does a full label right before its colon (…万元评价指标得分(平均):80): the longest label
    # ending there, four characters or more
    starts += _colon_label_starts(text)
    starts = sorted(set(starts))
    taken = -1
    for s in starts:
        m = spec["any"].match(text, s)
        if m is None or s < taken:
            continue
        e = m.end()
        colon = e < len(text) and text[e] in "：:"
        spaced = e < len(text) and gap_before(e)
        unit_ended = bool(re.search(r"[)）]$", text[s:e])) and e < len(text) and text[e].isdigit()
        spaced = spaced or unit_ended  # 自评总分(分)97.6: the unit ends the label
        celled = e < len(text) and text[e] in "|｜\t"  # a cell boundary drawn in the text
        spaced = spaced or celled
        if not (colon or spaced):
            continue
        lab = label_of(text[s:e])
        if lab is None or spec["not_labels"].search(text[max(0, s - 2) : e]):
            continue
        gap = s > 0 and gap_before(s)
        if s > 0 and text[s - 1].isdigit() and e - s < 4 and not gap:
            continue  # glued to a number only a full label (发布机构), not 年度 or 得分 (11:40  来源: had a gap)
        starts_line = s == 0 or text[s - 1] in "\n\t"
        # (the value starts after the colon or the tab that ends the label's cell: a tab is also where a
        # value ends, 项目名称\tXX\t主管部门\tYY)
        skip = 1 if colon or (e < len(text) and text[e] == "\t") else 0
        hits.append((s, e + skip, lab[0], lab[1], lab[2], colon or starts_line or unit_ended or celled))
        taken = e

    # the form's other labels (中央主管部门, 联系电话 …: ``glued_stops``), set apart like a cell
    # (a colon, a gap or a drawn cell boundary after them): they name no field, but each is a
    # cell of the form and ends the value before it
    def _cell_follows(e: int) -> bool:
        return e < len(text) and (text[e] in "：:|｜\t" or gap_before(e))

    stops = []
    for s in starts:
        m = spec["glued_stop"].match(text, s)
        if m is not None and not any(h[0] <= s < h[1] for h in hits) and _cell_follows(m.end()):
            stops.append(s)
    # a label run into the value before it, a cell boundary after it (…全民健身中心项目中央主管部门
    # 国家体育总局: two lines a reader joined) also ends that value
    run_in = [
        m.start()
        for m in spec["glued_any"].finditer(text)
        if m.start() not in starts
        and len(m.group()) >= 4
        and not spec["generic"].search(m.group())
        and _cell_follows(m.end())
    ]
    # In running prose a label must open a line or take a colon; several labels
    # in one line separated by spaces are a flattened form.
    if len(hits) + len(stops) < 2:
        hits = [h for h in hits if h[5]]
    # any short word before a colon, after a space, also ends a value (主题分类: in web chrome), also the next
    # numbered item of a list flattened to one line (1.项目实施主体:XX 2.主要内容:…)
    other_labels = [
        k
        for k in starts
        if k > 0
        and view.starts[k] > view.ends[k - 1]
        and re.match(r"(?:\d{1,2}[.．、])?[\u4e00-\u9fff]{2,8}[：:]", text[k : k + 12])
    ]
    # and a label of no field glued before its colon (…老区工作办公室项目负责人:陈晨光)
    other_labels += [m.start() for m in spec["glued_stop"].finditer(text) if text[m.end() : m.end() + 1] in ("：", ":")]
    other_labels += stops + run_in
    out: list[Pair] = []
    for i, (s, e, name, rank, generic, _strong) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        stop = min([stop] + [o for o in other_labels if e < o < stop])
        for ch in _LINE_END:
            j = text.find(ch, e, stop)
            if j != -1:
                stop = j
        value = text[e:stop].strip(" |｜")
        if not value:
            continue
        vs = text.find(value, e)
        start, end = view.span(vs, vs + len(value))
        ls, le = view.span(s, e)
        cut = next(
            (
                k
                for k in range(vs + 1, vs + len(value))
                if gap_before(k) and not (text[k - 1].isdigit() or text[k].isdigit())
            ),
            None,
        )
        cell = text[vs:cut] if cut else ""
        out.append(Pair(name, text[s:e].rstrip("：:\t"), value, start, end, ls, le, "inline", rank, generic, (), cell))
    return out


def _line_pairs(ctx: Context, headers: AbstractSet[int] = frozenset()) -> list[Pair]:
    """A line that is only a label (``单位名称 |``), its value the next line (a table flattened to lines);
    not the lines of a header row (``headers``: their starts)."""
    out: list[Pair] = []
    blocks = [b for b in ctx.doc.blocks if b.kind != "table"]
    keys = [fold(b.text).strip(" |｜:：\t") for b in blocks]  # each line's text, bars and colons aside
    labels = [label_of(k) if k else None for k in keys]
    for i, (b, nxt) in enumerate(zip(blocks, blocks[1:])):
        key, lab = keys[i], labels[i]
        label_start, label_end = b.start, b.end
        split = _split_label(keys, labels, i)
        if split is not None and b.start not in headers and i + 2 < len(blocks):
            # a label's cell too narrow for it, split over two lines (实施单 / 位, 年度预 / 算申请): the
            # two lines are the label, its value the line after them
            key, lab, nxt, label_end = split, label_of(split), blocks[i + 2], blocks[i + 1].end
        elif lab is None and b.start not in headers:
            tail = trailing_label(key)
            dangling = _dangling_label_pair(b, nxt)
            after_label = i > 0 and labels[i - 1] is not None
            if dangling or tail is None or not after_label or _SEP.search(key) or key[tail - 1] in "及和与或、":
                out.extend(dangling)
                continue
            # a label line, then a line that is its value and the next cell's label (项目名称 /
            # …经费主管部门 / 廊坊市发改委: a cell run into the next one's label): that label's
            # value is the next line
            lab = label_of(key[tail:])
            bv = View.of(b.text, b.start)
            label_start = bv.span(bv.text.find(key[tail:]), len(bv.text))[0]
            key = key[tail:]
        if lab is None or b.start in headers:
            continue
        value = fold(nxt.text).strip(" |｜\t")
        tail = trailing_label(value)
        value = value[:tail] if tail is not None else value  # the value ends where the next label begins
        if not value or another_label(value) or _spec()["not_values"].fullmatch(value):
            continue
        v = View.of(nxt.text, nxt.start)
        pos = v.text.find(value)
        start, end = v.span(pos, pos + len(value))
        out.append(Pair(lab[0], key, value, start, end, label_start, label_end, "next_line", lab[1], lab[2]))
    return out


def _split_label(keys: list[str], labels: list[Any], i: int) -> str | None:
    """The label that lines ``i`` and ``i + 1`` print together when neither is a label alone and the
    second is a fragment (one to three characters: 实施单 / 位), else None."""
    if i + 1 >= len(keys) or labels[i] is not None or labels[i + 1] is not None:
        return None
    head, tail = keys[i], keys[i + 1]
    if not head or not 1 <= len(tail) <= 3 or _SEP.search(head + tail):
        return None
    whole = head + tail
    lab = label_of(whole)
    return whole if lab is not None and not lab[2] else None


def cut_at_label(value: str) -> str:
    """The folded ``value`` up to the first label of another cell run into it (实施单位:XX中心项目资金
    (万元)年初预算数… → XX中心): a field's label or another label of a form (``glued_stops``), two
    characters or more into the value; the whole value when none is."""
    m = _spec()["glued_any"].search(value, 2)
    return value[: m.start()] if m else value


def trailing_label(value: str) -> int | None:
    """Where a label of another cell begins at the end of the folded ``value`` (``XX经费主管部门``:
    a value and the next cell's label read as one line), when it does: the label is a whole field
    label of four characters or more, not a generic one (年度, 得分), and two characters or more of
    the value come before it."""
    for k in range(2, len(value) - 3):
        lab = label_of(value[k:])
        if lab is not None and not lab[2] and not _spec()["generic"].search(value[k:]):
            return k
    return None


def _dangling_label_pair(b: Any, nxt: Any) -> list[Pair]:
    """A line that ends with a label and its colon after other words (``1、…评价报告项目名称:``), its value
    the next line up to that line's own first label (``计划生育事业费项目单位:…``): a form flattened
    across a line break."""
    view = View.of(b.text, b.start)
    text = view.text.rstrip(" \t")
    if not text.endswith((":", "：")):
        return []
    starts = [k for k in _colon_label_starts(text) if re.fullmatch(r"[^：:\n]+[：:]", text[k:])]
    if not starts:
        return []
    k = starts[-1]
    lab = label_of(text[k:-1])
    if lab is None:
        return []
    nv = View.of(nxt.text, nxt.start)
    line = re.match(r"[^\n]*", nv.text.lstrip(" \t|｜"))
    lead = len(nv.text) - len(nv.text.lstrip(" \t|｜"))
    value = line.group() if line else ""
    cut = [*_colon_label_starts(value), *(m.start() for m in re.finditer(r"[，,。；;：:|｜\t]", value))]
    value = value[: min(cut)] if cut else value
    value = value.strip()
    if not 2 <= len(value) <= 60 or label_of(value) is not None or _spec()["not_values"].fullmatch(value):
        return []
    start, end = nv.span(lead, lead + len(value))
    ls, le = view.span(k, len(text) - 1)
    return [Pair(lab[0], text[k:-1], value, start, end, ls, le, "next_line", lab[1], lab[2])]


def _cells(line: Any, ctx: Context) -> list[tuple[int, int, str]]:
    """The cells of a line whose cells the original set apart with spaces: ``(start, end, folded text)``."""
    raw = ctx.doc.text[line.start : line.end]
    return [(line.start + m.start(), line.start + m.end(), fold(m.group())) for m in re.finditer(r"[^\s|｜]+", raw)]


def _header(cells: list[str]) -> list[tuple[str, int, bool] | None] | None:
    """Per cell its label, when ``cells`` are a header row (two labels or more, one naming a score,
    a grade or the programme, and no cell holding a number)."""
    labs = [label_of(c) for c in cells]
    named = [lab for lab in labs if lab is not None]
    if len(named) < 2 or any(re.search(r"\d", c) for c in cells):
        return None
    return labs


def _fits(field: str, value: str) -> bool:
    """Whether ``value`` can be the value of ``field`` (a score is a number, a grade a grade word):
    a header row whose cells do not fit the row under it is misaligned and gives nothing."""
    if field.startswith("score.total"):
        return bool(re.fullmatch(r"\d{1,3}(?:\.\d+)?分?", value))
    if field == "score.grade":
        return bool(re.fullmatch(r"[“\"]?(?:优秀|良好|合格|不合格|优|良|中|差)[”\"]?(?:等级|等次|级)?", value))
    return not re.fullmatch(r"[\d.]+%?分?", value)


def _ordinal_column(lines: list[Any], k: int) -> int:
    """1 when line ``k`` is a results notice's 序号 header cell, set one cell a line before the labels (序号 ⏎ 项目名称 ⏎ …
    ⏎ 综合得分 ⏎ 评价等次 over 1 ⏎ …): its value is the row's ordinal, no field's; else 0."""
    return 1 if re.fullmatch(r"\s*序\s*号\s*[|｜]?\s*", lines[k].text) else 0


def _column_pairs(ctx: Context) -> tuple[list[Pair], set[int]]:
    """Header rows of labels over one row of values, flattened to text (``columns``); and the
    starts of the header lines used, which name no value of the line after them."""
    out: list[Pair] = []
    used: set[int] = set()
    lines = ctx.lines
    # one line a row, cells apart by spaces
    for k, line in enumerate(lines[:-1]):
        head = _cells(line, ctx)
        labs = _header([c for _s, _e, c in head]) if len(head) >= 2 else None
        if labs is None:
            continue
        row = _cells(lines[k + 1], ctx)
        if len(row) != len(head) or _header([c for _s, _e, c in row]) is not None:
            continue
        if (
            k + 2 < len(lines)
            and len(_cells(lines[k + 2], ctx)) == len(head)
            and _header([c for _s, _e, c in _cells(lines[k + 2], ctx)]) is None
        ):
            continue  # a second row of as many cells: a list of projects
        if not all(_fits(lab[0], value) for lab, (_s, _e, value) in zip(labs, row) if lab is not None):
            continue
        for (ls, le, lab_text), lab, (vs, ve, value) in zip(head, labs, row):
            if lab is not None and not lab[2] and label_of(value) is None:
                out.append(
                    Pair(
                        lab[0],
                        lab_text,
                        value,
                        vs,
                        ve,
                        ls,
                        le,
                        "columns",
                        lab[1],
                        lab[2],
                        tuple(c for _s, _e, c in row),
                    )
                )
        used.add(line.start)
    # one cell a line: K label lines, then K value lines
    k = 0
    while k < len(lines):
        numbered = _ordinal_column(lines, k)
        j = k + numbered
        while j < len(lines) and label_of(lines[j].text.strip(" |｜:：\t")) is not None:
            j += 1
        width = j - k
        if width >= 2 + numbered and j + width <= len(lines):
            values = lines[j : j + width]
            after = lines[j + width : j + 2 * width]
            more = (
                len(after) == width
                and all(label_of(v.text) is None for v in after)
                and any(re.fullmatch(r"[\d.]+分?", v.text) for v in after)
            )
            if numbered and not re.fullmatch(r"\s*\d{1,3}\s*[|｜]?\s*", values[0].text):
                k += 1
                continue
            labs = [label_of(h.text.strip(" |｜:：\t")) for h in lines[k + numbered : j]]
            values = values[numbered:]
            fits = all(lab is not None and _fits(lab[0], v.text.strip(" |｜")) for lab, v in zip(labs, values))
            if fits and not any(another_label(fold(v.text)) for v in values) and not more:
                for head_line, value_line in zip(lines[k + numbered : j], values):
                    lab = label_of(head_line.text.strip(" |｜:：\t"))
                    assert lab is not None
                    if not lab[2]:
                        out.append(
                            Pair(
                                lab[0],
                                head_line.text,
                                value_line.text,
                                value_line.start,
                                value_line.end,
                                head_line.start,
                                head_line.end,
                                "columns",
                                lab[1],
                                lab[2],
                                tuple(v.text for v in values),
                            )
                        )
                used.update(ln.start for ln in lines[k:j])
        k = max(j, k + 1)
    return out, used


GLUED_FIELDS = ("program", "evaluated_unit", "evaluator", "client", "filer")
_GLUED_GAP = 45  # the longest value between two glued labels (a programme's name)


def _label_at(text: str, pos: int) -> tuple[int, str | None, int] | None:
    """The longest label starting at ``pos``: ``(end, field or None for a stop label, rank)``."""
    spec = _spec()
    best: tuple[int, str | None, int] | None = None
    for name, rank, rx in spec["labels"]:
        m = rx.match(text, pos)
        if m and m.end() > pos and (best is None or m.end() > best[0]) and not spec["generic"].fullmatch(m.group()):
            best = (m.end(), name, rank)
    m = spec["glued_stop"].match(text, pos)
    if m and m.end() > pos and (best is None or m.end() > best[0]):
        best = (m.end(), None, 0)
    return best


def _glued_pairs_in(ctx: Context, view: View) -> list[Pair]:
    text = view.text
    spec = _spec()
    hits: list[tuple[int, int, str | None, int]] = []
    pos = 0
    while True:
        m = spec["glued_any"].search(text, pos)
        if m is None:
            break
        lab = _label_at(text, m.start())
        if lab is None or spec["not_labels"].search(text[max(0, m.start() - 2) : lab[0]]):
            pos = m.start() + 1
            continue
        hits.append((m.start(), lab[0], lab[1], lab[2]))
        pos = lab[0]
    out: list[Pair] = []
    # a line that is a label and its value and nothing else (预算部门、单位名称衡山县贯塘乡人民政府:
    # two cells a reader joined; or a sentence of them, 主管部门为东方市公安局)
    for line in re.finditer(r"[^\n]+", text):
        lab = _label_at(text, line.start())
        if lab is None or lab[1] not in GLUED_FIELDS:
            continue
        value = text[lab[0] : line.end()].strip()
        if re.match(r"为[^，,。；;：:\s]{2}", value):
            value = value[1:]  # 主管部门为东方市公安局: the label, its copula, the value
        if (
            2 <= len(value) <= _GLUED_GAP
            and not re.search(r"[，,。；;：:！？|｜\s]", value)
            and spec["glued_any"].search(value) is None
        ):
            vs = text.find(value, lab[0])
            start, end = view.span(vs, vs + len(value))
            ls, le = view.span(line.start(), lab[0])
            out.append(Pair(lab[1], text[line.start() : lab[0]], value, start, end, ls, le, "glued", lab[2], False))
    # runs of labels close together, nothing between them that ends a sentence
    run: list[tuple[int, int, str | None, int]] = []
    for h in hits + [(len(text) + _GLUED_GAP + 1, 0, None, 0)]:
        if run and (h[0] - run[-1][1] > _GLUED_GAP or re.search(r"[。；;！？!?\n，,]", text[run[-1][1] : h[0]])):
            fields = [r for r in run if r[2] is not None]
            glued_labels = sum(1 for r in run[:-1] if r[1] < len(text) and not re.match(r"[\s：:|｜/]", text[r[1]]))
            if len(run) >= 3 and fields and glued_labels >= 2:
                for (s, e, name, rank), nxt in zip(run, run[1:]):
                    value = text[e : nxt[0]].strip(" /|｜")
                    glued = e < len(text) and not re.match(r"[\s：:|｜/]", text[e : e + 1])
                    if name not in GLUED_FIELDS or not glued or not 2 <= len(value) <= _GLUED_GAP:
                        continue
                    vs = text.find(value, e)
                    start, end = view.span(vs, vs + len(value))
                    ls, le = view.span(s, e)
                    out.append(Pair(name, text[s:e], value, start, end, ls, le, "glued", rank, False))
            run = []
        run.append(h)
    return out


def form_pairs(ctx: Context) -> list[Pair]:
    """Every key–value pair of the document (tables first, then text and cells as text)."""
    columns, headers = _column_pairs(ctx)
    out = _table_pairs(ctx) + columns + _line_pairs(ctx, headers)
    for b in ctx.doc.blocks:
        if b.kind == "table":
            for row in b.cells():
                for s, _e, t in row:
                    if _SEP.search(t):
                        out.extend(_inline_pairs_in(ctx, View.of(t, s)))
        else:
            lines = [b.start + m.start() for m in re.finditer("\n", b.text)]
            view = View.of(b.text, b.start, lines)
            out.extend(_inline_pairs_in(ctx, view))
            out.extend(_glued_pairs_in(ctx, view))
    return out


__all__ = [
    "OWN_UNIT_LABEL",
    "SPENDING_UNIT_LABEL",
    "SUPERVISOR_LABEL",
    "Pair",
    "form_pairs",
    "label_of",
    "in_results_row",
    "is_total_row",
    "trailing_label",
    "cut_at_label",
]
