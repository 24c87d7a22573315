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
def _rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = patterns.load("figures.yaml")
    town, village = d["recipient_town"], d["recipient_village"]
    below = re.compile(rf"(?:{town})?(?:{village})+")
    return re.compile(town), re.compile(d["not_a_recipient"]), below, re.compile(d["recipient_verb"])


@lru_cache(maxsize=4096)
def names_a_recipient(label: str) -> bool:
    """Whether ``label`` is only a place: a chain of divisions (南宁市良庆区, 宿遷市) or a town (龙涓镇), with the
    villages or groups below them (施甸县何元乡王家庄村), after a verb of giving or not (补助施甸县…)."""
    town, not_one, below, verb = _rx()
    text = re.sub(r"[\s“”\"'‘’:：()（）]", "", fold_one_for_one(label))
    if not text or not_one.search(text):
        return False
    pos = _chain_end(text)
    if pos == len(text):
        return True
    if town.fullmatch(text[pos:]) is not None:
        return True
    if pos == 0 and (m := verb.match(text)) is not None and not not_one.search(text[m.end() :]):
        given = text[m.end() :]
        return names_a_recipient(given) or _chain_and_below(given, _chain_end(given), below)
    return _chain_and_below(text, pos, below)


def _chain_end(text: str) -> int:
    """Where the chain of divisions that opens ``text`` ends (0: none opens it)."""
    pos = 0
    for start, end, _name in sorted(divisions().find(text)):
        if start == pos:
            pos = end
    return pos


def _chain_and_below(text: str, pos: int, below: re.Pattern[str]) -> bool:
    """Whether ``text`` (its chain of divisions ending at ``pos``) is a chain of divisions, a town or both, then
    villages or groups (何元乡王家庄村)."""
    town = _rx()[0]
    rest = text[pos:]
    if pos == 0 and town.match(rest) is None:
        return False  # a village alone, or a kind of one, names no place the words tie down
    return bool(rest) and below.fullmatch(rest) is not None


__all__ = ["names_a_recipient"]
