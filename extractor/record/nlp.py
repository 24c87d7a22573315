"""The spaCy pipeline: blank ``zh`` with the jieba segmenter and an EntityRuler.

Entities (labels in ``patterns/entities.yaml``): GPE (every division name and
alias from the division table — added to the pipeline's own jieba tokenizer too,
so that segmentation keeps 西双版纳州 or 呈贡区 whole), DOCNO (云财绩〔2020〕11号),
MONEY, PERCENT, DATE and ORG.  Token patterns come straight from the YAML; the
regex patterns, for what jieba splits unpredictably (``119`` ``,`` ``455.42``),
are turned into token-aligned spans by a small component that runs before the
ruler, so the ruler's longest-match resolution decides overlaps for both.

The pipeline is built once per process (:func:`pipeline`, lazy): importing spaCy
(without torch, which thinc would import when installed) and compiling the ruler take
about a second; jieba's dictionary is read once per process (:mod:`..jieba_dict`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ... import patterns
from ...importing import without
from .. import jieba_dict
from ..cjk import HAN
from .divisions import names as division_names


@dataclass(frozen=True)
class Entity:
    label: str
    text: str
    start: int  # character offsets into the analysed text
    end: int


@lru_cache(maxsize=1)
def _regexes() -> list[tuple[str, re.Pattern[str]]]:
    data = patterns.load("entities.yaml")
    return [(p["label"], re.compile(p["regex"])) for p in data.get("regex_patterns", [])]


@lru_cache(maxsize=1)
def org_suffix() -> str:
    """The organ suffixes an organisation's name ends with (``org_suffix`` of patterns/entities.yaml),
    the ministries (``org_national``) written into it where it names them."""
    data = patterns.load("entities.yaml")
    return data["org_suffix"].replace("(?:ORG_NATIONAL)", "(?:" + data["org_national"] + ")")


@lru_cache(maxsize=1)
def _org_rules() -> tuple[re.Pattern[str], int, frozenset[str], frozenset[str], tuple[str, ...], re.Pattern[str]]:
    data = patterns.load("entities.yaml")
    return (
        re.compile(org_suffix()),
        int(data["org_max_chars"]),
        frozenset(data["org_stop_words"]),
        frozenset(data["org_not_words"]),
        tuple(data.get("org_prefixes", [])),
        re.compile(data["org_particle"]),
    )


@lru_cache(maxsize=1)
def _kept_inside() -> tuple[frozenset[str], re.Pattern[str]]:
    """The stop words a name keeps when its next word goes on naming the organ's work (省财政厅预算资金评审中心,
    住房公积金管理中心: ``org_stop_words_inside`` in patterns/entities.yaml)."""
    data = patterns.load("entities.yaml")["org_stop_words_inside"]
    return frozenset(data["words"]), re.compile("(?:" + data["before"] + ")")


@lru_cache(maxsize=1)
def _national() -> re.Pattern[str]:
    return re.compile(patterns.load("entities.yaml")["org_national"])


@lru_cache(maxsize=1)
def _glued_level() -> re.Pattern[str]:
    """A token that is a function word glued to the level word opening a short name (年县, 由县, 对县:
    ``org_glued_lead`` and ``org_level_chars`` in patterns/entities.yaml)."""
    data = patterns.load("entities.yaml")
    return re.compile(f"[{data['org_glued_lead']}][{data['org_level_chars']}]")


_JOINERS = frozenset({"和", "与", "及"})
_NAME_CHAR = re.compile(f"^[{HAN}（）()]+$")


def org_spans(doc, text: str | None = None) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Character spans of organisation names in a spaCy ``doc`` (see ``patterns/entities.yaml``).

    A name ends with an organ suffix at a token end; it runs back over name-like
    tokens (CJK words, not stop words) up to ``org_max_chars``, and starts at the
    first division name (GPE) inside that run when there is one.  ``text``: ``doc.text``
    if the caller has it (spaCy rebuilds it from every token each time it is asked).
    """
    from spacy.attrs import IDX, LENGTH  # spaCy is imported when the pipeline is built, not before

    suffix, max_chars, stops, not_words, prefixes, particle = _org_rules()
    text = doc.text if text is None else text
    # (offset, text) of every token, read from the doc's arrays: making spaCy's token
    # objects costs more than the rest of this function
    toks = [(i, text[i : i + n]) for i, n in doc.to_array([IDX, LENGTH]).tolist()]
    ends = {idx + len(t): i for i, (idx, t) in enumerate(toks)}
    gpe_starts = sorted(e.start_char for e in doc.ents if e.label_ == "GPE")
    out: list[tuple[int, int]] = []
    for m in suffix.finditer(text):
        end = m.end()
        if end not in ends:
            continue  # the suffix must end a word (布局 is one word)
        i = ends[end]
        last_idx, last_text = toks[i]
        if m.start() > last_idx and any(last_text.endswith(w) for w in not_words):
            continue  # the suffix is the end of an ordinary word (布局, 网站, 举办)
        if m.group() == "所" and particle.match(text, m.start()):
            continue  # the particle before a verb (流程所包含), no organ
        while i > 0 and toks[i][0] > m.start():  # the whole suffix belongs to the name
            i -= 1
        start = toks[i][0]
        if _national().fullmatch(m.group()):
            out.append((m.start(), end))  # a ministry: its name is its own, with nothing before it
            continue
        while i > 0:
            prev_idx, prev_text = toks[i - 1]
            if end - prev_idx > max_chars or not _NAME_CHAR.match(prev_text):
                break
            if prev_text in _JOINERS:
                # 住房和城乡建设局 is one name; 区民政局和县财政局 are two
                before = toks[i - 2][1] if i >= 2 else ""
                if i >= 2 and not before.endswith(
                    ("局", "厅", "委", "院", "会", "协", "府", "所", "站", "心", "校", "司")
                ):
                    i -= 1
                    start = prev_idx
                    continue
                break
            if prev_text in stops and not (prev_text in _kept_inside()[0] and _kept_inside()[1].match(toks[i][1])):
                break
            i -= 1
            start = prev_idx
        inside = [g for g in gpe_starts if start <= g < m.start()]
        if not inside and i > 1 and toks[i - 1][1] == "\n":
            start = _wrapped_head(toks, i - 1, start, end, gpe_starts)
        if inside:
            before = text[start : inside[0]]
            start = inside[0] - next((len(p) for p in prefixes if before.endswith(p)), 0)
        name = text[start:end]
        if len(name) < 3 or name in stops:
            continue
        if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
            continue  # a bracket opened outside the name (…区域(全民健身中心): not a name
        out.append((start, end))
    return out


_LINE_LEAD = frozenset({"\n", "：", ":"})


@lru_cache(maxsize=1)
def _wrap_rules() -> tuple[re.Pattern[str], str]:
    """A name's last line that ends in an organ (the head line must not), and the level words that open a
    short name (省林业和草原局: a whole name on its line, ``org_level_chars`` in patterns/entities.yaml)."""
    return re.compile(f"(?:{org_suffix()})$"), patterns.load("entities.yaml")["org_level_chars"]


def _wrapped_head(toks: list[tuple[int, str]], brk: int, start: int, end: int, gpe_starts: list[int]) -> int:
    """Where a name that opens its line starts when the line before it holds the name's head, hard-wrapped
    (a signature, a cover's or a form's value, a title printed in short lines: 湖南湘诚会计师 / 事务所有限公司,
    澧县公路建设养 / 护中心): that line (or its value after a label's colon) is name words only, opens with a
    place and ends in no organ of its own, and the rest opens with no level word. Else ``start``: a line
    that names no place is no head (主管部门 / 澧县交通运输局), nor one that is a name already (澧县交通运输局 /
    办公室), nor any line over a short name (太原日报 / 省林业和草原局)."""
    _suffix, max_chars, stops, _not_words, _prefixes, _particle = _org_rules()
    organ_end, level_chars = _wrap_rules()
    if toks[brk + 1][1][:1] in level_chars:
        return start
    k = brk
    while k > 0 and toks[k - 1][1] not in _LINE_LEAD:
        if not _NAME_CHAR.match(toks[k - 1][1]) or toks[k - 1][1] in stops:
            return start
        k -= 1
    head = "".join(t for _i, t in toks[k:brk])
    if not head or toks[k][0] not in gpe_starts or end - toks[k][0] > max_chars or len(head) > 16:
        return start
    return start if organ_end.search(head) else toks[k][0]


class _OrganSplit:
    """A jieba segmenter whose guessed words never glue an organ's last character to the next one, nor a
    function word to the level word that opens a short name (2022年县交通运输局: 年县 / 交通运输局).

    jieba's HMM joins characters it has no word for (交通运输局对资金… → 交通运输 / 局对 / 资金), so an
    organisation's name could not end at its 局; such a two-character token that starts with an
    organ's last character (``organ_end_chars``) and is no dictionary word is cut in two.  spaCy's
    Chinese tokenizer only calls ``cut``.  Nor does one glue a function word to the character before it
    (评价组对县交通运输局 → 组对: ``org_glued_tail``), which would start the name after it at that word.
    """

    def __init__(self, segmenter: Any, organ_ends: str, glued_tail: str = "") -> None:
        self.segmenter = segmenter
        self.organ_ends = frozenset(organ_ends)
        self.glued_tail = frozenset(glued_tail)

    def cut(self, text: str, *args: Any, **kwargs: Any) -> Any:
        freq = self.segmenter.FREQ
        glued = _glued_level()
        for token in self.segmenter.cut(text, *args, **kwargs):
            if (
                len(token) == 2
                and (token[0] in self.organ_ends or token[1] in self.glued_tail or glued.fullmatch(token))
                and not freq.get(token)
            ):
                # (局对 → 局 / 对; 年县 → 年 / 县, so a short name can start at its level word; 组对 → 组 / 对)
                yield token[0]
                yield token[1]
            else:
                yield token

    def __getattr__(self, name: str) -> Any:
        # everything else (FREQ, total, add_word …) is the wrapped segmenter's own; the guard
        # keeps a half-built copy (unpickling) from recursing
        if name == "segmenter" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.segmenter, name)


@lru_cache(maxsize=1)
def pipeline():
    """The shared ``spacy.Language`` (blank zh + jieba + entity rules)."""
    import jieba

    with without("torch"):  # thinc imports torch if installed (~1 s); this pipeline has no use for it
        import spacy
        from spacy.language import Language
        from spacy.util import filter_spans

    jieba.setLogLevel(logging.WARNING)
    names = division_names()
    # Our own jieba tokenizer (same default dictionary), so that adding the division
    # names does not change how other code in the process segments text.
    segmenter = jieba_dict.tokenizer()
    jieba_dict.start(jieba.dt)  # spaCy's Chinese tokenizer initialises jieba's global one at once
    for name in names:
        segmenter.add_word(name, freq=50000)  # keep division names whole in segmentation

    if not Language.has_factory("jixiao_regex_entities"):

        @Language.component("jixiao_regex_entities")
        def regex_entities(doc):  # type: ignore[no-untyped-def]
            """Regex entities and organisation names, merged with the ruler's (longest wins)."""
            spans = []
            text = doc.text  # spaCy joins every token's text again on each doc.text
            for label, rx in _regexes():
                for m in rx.finditer(text):
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
            for start, end in org_spans(doc, text):
                span = doc.char_span(start, end, label="ORG", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.ents = filter_spans(list(doc.ents) + spans)
            return doc

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    data = patterns.load("entities.yaml")
    nlp.tokenizer.jieba_seg = _OrganSplit(segmenter, data["organ_end_chars"], data["org_glued_tail"])
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "TEXT"})
    rules = [{"label": p["label"], "pattern": p["pattern"]} for p in data.get("token_patterns", [])]
    rules += [{"label": "GPE", "pattern": n} for n in names]
    ruler.add_patterns(rules)
    nlp.add_pipe("jixiao_regex_entities", after="entity_ruler")
    return nlp


def entities(text: str, labels: set[str] | None = None) -> list[Entity]:
    """Entities in ``text`` (optionally only ``labels``), in reading order."""
    doc = pipeline()(text)
    out = [Entity(e.label_, e.text, e.start_char, e.end_char) for e in doc.ents]
    return [e for e in out if labels is None or e.label in labels]


def tokens(text: str) -> list[str]:
    """jieba tokens of ``text`` as the pipeline segments it."""
    return [t.text for t in pipeline().make_doc(text)]


__all__ = ["Entity", "pipeline", "entities", "tokens", "org_spans"]
