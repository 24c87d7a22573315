"""Turn paragraph text into heading/paragraph blocks, the same way for every format.

Every reader first recovers paragraphs (joining lines a page or a converter broke),
then calls :func:`classify` on each; so a heading that is a Word heading style, a
bold line in a PDF, a line of a text dump or an OCR'd line gets the same level and
numbering.  The numbering styles are data: ``patterns/numbering.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterns
from .normalize import fold_one_for_one, normalize_text


@dataclass(frozen=True)
class HeadingInfo:
    level: int
    numbering: str | None
    title: str  # the heading text, numbering included
    rest: str  # run-in paragraph text after the heading ("" for a plain heading)


@lru_cache(maxsize=1)
def _styles() -> list[tuple[str, int, re.Pattern[str]]]:
    data = patterns.load("numbering.yaml")
    return [(s["name"], int(s["level"]), re.compile(s["regex"])) for s in data["styles"]]


@lru_cache(maxsize=1)
def _unnumbered() -> re.Pattern[str]:
    data = patterns.load("numbering.yaml")
    return re.compile("^(?:" + "|".join(data["unnumbered_headings"]) + ")$")


@lru_cache(maxsize=1)
def _prose() -> tuple[int, re.Pattern[str]]:
    data = patterns.load("converter_artefacts.yaml")
    return int(data["headline"]["paragraph_chars"]), re.compile(data["prose_punctuation"])


def is_prose_paragraph(text: str) -> bool:
    """Whether ``text`` (a line) reads as a paragraph of prose: this long at least without its spaces
    (``headline.paragraph_chars``) and with a sentence's punctuation in it (``prose_punctuation``, both
    in ``patterns/converter_artefacts.yaml``). The text reader starts a paragraph of its own under a
    headline with it, and the title reader tells a headline from the lead under it with it."""
    chars, punct = _prose()
    return len(re.sub(r"\s", "", text)) >= chars and punct.search(text) is not None


def numbering_of(line: str) -> tuple[str, int, str] | None:
    """``(style name, level, marker)`` when ``line`` starts with a numbering marker."""
    text = normalize_text(line).lstrip()
    for name, level, rx in _styles():
        m = rx.match(text)
        if m:
            return name, level, m.group(0)
    return None


def classify(paragraph: str, *, styled_heading: bool = False) -> HeadingInfo | None:
    """Heading information for a paragraph, or ``None`` for body text.

    ``styled_heading`` is the reader's own evidence (a Word heading style, a bold or
    larger font) and lets an unnumbered short line count as a heading.
    """
    data = patterns.load("numbering.yaml")
    text = normalize_text(paragraph).strip()
    if not text:
        return None
    max_chars = int(data["max_heading_chars"])
    found = numbering_of(text)
    if found is None:
        key = fold_one_for_one(re.sub(r"\s+", "", text))  # (a mirror's 評價結論 is 评价结论)
        if _unnumbered().match(key) or (styled_heading and len(key) <= max_chars and not key.endswith("。")):
            return HeadingInfo(level=1, numbering=None, title=text, rest="")
        return None
    _name, level, marker = found
    body = text[len(marker) :]
    if not body.strip():
        return None
    if len(text) <= max_chars and not re.search(r"[。；;]\S", text):
        return HeadingInfo(level, marker.strip(), text, "")
    # Run-in heading: the title is the text up to the first terminator.
    m = re.search("[" + re.escape(data["run_in_terminators"]) + "]", body)
    if m and m.start() + len(marker) <= max_chars:
        cut = len(marker) + m.end()
        return HeadingInfo(level, marker.strip(), text[:cut].strip(), text[cut:].strip())
    return None
