"""Places as users write them, resolved through the GB/T 2260 division table.

``resolve("昆明")`` is the prefecture 昆明市 in 云南省; ``resolve("云南")`` and
``resolve("Yunnan")`` the province 云南省; ``resolve("呈贡")`` the county 呈贡区;
``resolve("云南省昆明市")`` reads the longest names first; ``resolve("530114")`` takes an
adcode.  The division table and its short forms are ``patterns/divisions.csv`` and
``patterns/division_aliases.csv``; Latin spellings of the provinces are
``patterns/place_names.csv``.

A place the table does not know (a development zone, a misspelling) is kept as typed
and matched by containment in the stored names, as before: it finds what it finds, and
an empty result says what the store holds (:mod:`jixiao.store.values`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..extractor.record.divisions import Division, _rows
from ..extractor.record.jurisdiction import divisions

LEVELS = ("province", "prefecture", "county")
LEVEL_WORDS = {"province": "province", "prefecture": "prefecture", "county": "county"}
LEVEL_ZH = {"province": "省", "prefecture": "市（州）", "county": "县（市、区）"}


class PlaceError(ValueError):
    """A place that names another level than asked, or several divisions at once."""


@dataclass(frozen=True)
class Place:
    """What a place filter means: the official names a report's columns must hold.

    ``names`` maps a level to the official name at that level (the division's own and
    its ancestors'); empty when the table does not know the words, which are then
    matched by containment (``text``).
    """

    text: str
    level: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    code: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.names)

    def describe(self) -> str:
        """``昆明市（云南省）``; the words as typed when the table does not know them."""
        if not self.names or self.level is None:
            return self.text
        own = self.names[self.level]
        up = [self.names[lv] for lv in LEVELS[: LEVELS.index(self.level)] if lv in self.names]
        return f"{own}（{'，'.join(reversed(up))}）" if up else own


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).lower()


@lru_cache(maxsize=1)
def _stems() -> dict[str, list[Division]]:
    """Short forms at every level (the extractor uses county stems only in context; a user
    typing 呈贡 means 呈贡区)."""
    table = divisions()
    out: dict[str, list[Division]] = {}
    for alias, code, _kind in _rows("division_aliases.csv"):
        d = table.by_code.get(code)
        if d is not None and d not in out.get(alias, []):
            out.setdefault(alias, []).append(d)
    return out


@lru_cache(maxsize=1)
def _latin() -> dict[str, Division]:
    table = divisions()
    out = {}
    for name, code in _rows("place_names.csv"):
        d = table.by_code.get(code)
        if d is not None:
            out[_fold(name)] = d
    return out


def candidates(text: str) -> list[Division]:
    """Every division ``text`` may name: full names first, then short forms, then Latin names."""
    table = divisions()
    text = text.strip()
    if re.fullmatch(r"\d{6}", text):
        d = table.by_code.get(text)
        return [d] if d else []
    found = table.by_name.get(text) or _stems().get(text)
    if found:
        return list(found)
    d = _latin().get(_fold(text))
    if d is not None:
        return [d]
    # 云南省昆明市 / 云南昆明: the last division named, settled by the ones before it.
    mentions = table.find(text)
    if mentions and "".join(n for _, _, n in mentions) == text and len(mentions) > 1:
        from ..extractor.record.jurisdiction import resolve as resolve_in_context

        d = resolve_in_context(mentions[-1][2], context=text)
        if d is None:
            cands = table.candidates(mentions[-1][2])
            parents = {c.code for _, _, n in mentions[:-1] for c in table.candidates(n)}
            cands = [c for c in cands if set(x.code for x in table.chain(c).values()) & parents]
            d = cands[0] if len(cands) == 1 else None
        return [d] if d is not None else []
    return []


def _names(d: Division) -> dict[str, str]:
    return {lv: x.name for lv, x in divisions().chain(d).items()}


def resolve(text: str, level: str | None = None) -> Place:
    """The place ``text`` names, at ``level`` if given (``None``: any level).

    Several divisions of one name at one level (朝阳区 in Beijing and in Changchun) are
    all meant: the filter keeps the name and the ancestors they share.  Several names at
    different levels (吉林: the province and the prefecture) mean the higher one.  Raises
    :class:`PlaceError` when ``text`` names only divisions of another level than ``level``.
    """
    text = str(text).strip()
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    cands = candidates(text)
    if not cands:
        return Place(text, level)
    if level is not None:
        at_level = [d for d in cands if d.level == level]
        if not at_level:
            d = min(cands, key=lambda d: LEVELS.index(d.level))
            where = Place(text, d.level, _names(d), d.code).describe()
            raise PlaceError(
                f"{text} is a {d.level}, {where}, not a {level}: filter by place (--place {text}) or by {d.level}"
            )
        cands = at_level
    top = min(LEVELS.index(d.level) for d in cands)
    cands = [d for d in cands if LEVELS.index(d.level) == top]
    if len(cands) == 1:
        d = cands[0]
        return Place(text, d.level, _names(d), d.code)
    if len({d.name for d in cands}) == 1:
        chains = [_names(d) for d in cands]
        shared = {lv: n for lv, n in chains[0].items() if all(c.get(lv) == n for c in chains)}
        return Place(text, cands[0].level, shared, None)
    listed = "、".join(Place(text, d.level, _names(d), d.code).describe() for d in cands[:6])
    raise PlaceError(f"{text} names several places: {listed}; give the full name or the adcode")


__all__ = ["Place", "PlaceError", "resolve", "candidates", "LEVELS", "LEVEL_ZH"]
