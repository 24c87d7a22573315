"""A web page's chrome and metadata around a name: the lines that are the portal's, not the document's.

Read by the organisation finders (:mod:`.orgs`) and by the jurisdiction's opening reader
(:mod:`.jurisdiction`), which is why it is a module of its own: ``orgs`` reads the division table
from ``jurisdiction``, so ``jurisdiction`` cannot import ``orgs``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns


@lru_cache(maxsize=1)
def _metadata_label() -> re.Pattern[str]:
    labels = "|".join(f"(?:{r['label']})" for r in patterns.load("forms.yaml")["fields"]["publisher"])
    return re.compile(rf"(?:{labels})\s*[:：]?\s*$")


def line_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Where the line of ``text`` holding ``[start, end)`` begins and ends (its line break aside)."""
    stop = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def on_metadata_line(text: str, pos: int) -> bool:
    """Whether the name at ``pos`` of the view ``text`` is the value of a page's metadata line
    (发布机构: …, 来源: …): the page's metadata names no unit of the report (devset ruling 3)."""
    return bool(_metadata_label().search(text[line_around(text, pos)[0] : pos]))


def on_site_banner(text: str, pos: int) -> bool:
    """Whether the name at ``pos`` of the view ``text`` is a line of its own right above a page's
    metadata block (the site's banner: 张店区住房和城乡建设局 / 标题: … / 索引号: …) — the portal's
    name, not the document's words."""
    start, end = line_around(text, pos)
    if _greeting().match(text[start:pos]):
        return True  # (欢迎访问XX人民检察院 本网站…: the portal greets its reader by its own name)
    if text[start:end].strip(" |｜") == "" or end - start > 40:
        return False
    below = text[end + 1 :].split("\n", 3)[:3]
    return any(_metadata_line().search(line) for line in below)


@lru_cache(maxsize=1)
def _greeting() -> re.Pattern[str]:
    """A portal's greeting that opens a line (欢迎访问…, 欢迎来到…): the site's name follows."""
    return re.compile(patterns.load("converter_artefacts.yaml")["site_greeting"])


@lru_cache(maxsize=1)
def _metadata_line() -> re.Pattern[str]:
    """A line of a web page's metadata block or chrome (索引号, 发布机构:, 发布时间: …)."""
    return re.compile(patterns.load("converter_artefacts.yaml")["chrome_line"])
