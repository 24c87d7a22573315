"""The spaCy pipeline: blank ``zh`` with the jieba segmenter and an EntityRuler.

Entities (labels in ``patterns/entities.yaml``): GPE (every division name and
alias from the division table — added to the pipeline's own jieba tokenizer too,
so that segmentation keeps 西双版纳州 or 呈贡区 whole), DOCNO (云财绩〔2020〕11号),
MONEY, PERCENT, DATE and ORG.  Token patterns come straight from the YAML; the
regex patterns, for what jieba splits unpredictably (``119`` ``,`` ``455.42``),
are turned into token-aligned spans by a small component that runs before the
ruler, so the ruler's longest-match resolution decides overlaps for both.

The pipeline is built once per process (:func:`pipeline`, lazy): loading jieba's
dictionary and compiling the ruler takes about a second.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ... import patterns
from .jurisdiction import divisions


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
def _org_suffix() -> re.Pattern[str]:
    return re.compile(patterns.load("entities.yaml")["org_suffix"])


@lru_cache(maxsize=1)
def pipeline():
    """The shared ``spacy.Language`` (blank zh + jieba + entity rules)."""
    import jieba
    import spacy
    from spacy.language import Language
    from spacy.util import filter_spans

    jieba.setLogLevel(logging.WARNING)
    table = divisions()
    names = table.names()
    # Our own jieba tokenizer (same default dictionary), so that adding the division
    # names does not change how other code in the process segments text.
    segmenter = jieba.Tokenizer()
    for name in names:
        segmenter.add_word(name, freq=50000)  # keep division names whole in segmentation

    if not Language.has_factory("jixiao_regex_entities"):

        @Language.component("jixiao_regex_entities")
        def regex_entities(doc):  # type: ignore[no-untyped-def]
            """Regex entities and GPE-led ORGs, merged with the ruler's (longest wins)."""
            spans = []
            for label, rx in _regexes():
                for m in rx.finditer(doc.text):
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
            suffix = _org_suffix()
            for ent in doc.ents:
                if ent.label_ == "GPE":
                    m = suffix.match(doc.text, ent.end_char)
                    if m:
                        span = doc.char_span(ent.start_char, m.end(), label="ORG", alignment_mode="expand")
                        if span is not None:
                            spans.append(span)
            doc.ents = filter_spans(list(doc.ents) + spans)
            return doc

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer.jieba_seg = segmenter
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "TEXT"})
    data = patterns.load("entities.yaml")
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


__all__ = ["Entity", "pipeline", "entities", "tokens"]
