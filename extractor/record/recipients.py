"""Amounts labelled by the place that receives them: a distribution, not the programme's figures.

A transfer split among counties (其中南宁市良庆区900万元、柳州市鹿寨县900万元…) or an allocation table's rows by
乡镇 name recipients, not what the money is: tests/devset/README.md ruling 34 keeps them out of ``figures``.
Their sums are still read by the checks, which do not read the record's figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import patterns
from ..normalize import fold_one_for_one
from .divisions import plain as divisions


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = patterns.load("figures.yaml")
    return re.compile(d["recipient_town"]), re.compile(d["not_a_recipient"])


@lru_cache(maxsize=4096)
def names_a_recipient(label: str) -> bool:
    """Whether ``label`` is only a place: a chain of divisions (南宁市良庆区, 宿遷市) or a town (龙涓镇)."""
    town, not_one = _rx()
    text = re.sub(r"[\s“”\"'‘’:：()（）]", "", fold_one_for_one(label))
    if not text or not_one.search(text):
        return False
    pos = 0
    for start, end, _name in sorted(divisions().find(text)):
        if start == pos:
            pos = end
    if pos == len(text):
        return True
    return town.fullmatch(text[pos:]) is not None


__all__ = ["names_a_recipient"]
