"""Resource limits: how much of a file jixiao will read before refusing it, in one place.

Reports are untrusted input.  A few kilobytes can claim gigabytes (a DOCX part that
inflates to 2 GB, a Word table whose ``gridSpan`` claims 10^9 columns, an HTML cell
with ``colspan=1000 rowspan=1000``, a 200 × 200-inch page rendered for OCR), so every
reader checks the claim against a limit *before* allocating, and a file past a limit is
refused with one line naming it, the limit and how to raise it.  No real report comes
near the defaults; together they keep a worker under about 1 GiB.

Every limit is a field of :class:`Limits`.  Change one with an environment variable
(``JIXIAO_LIMIT_<NAME>``, e.g. ``JIXIAO_LIMIT_FILE_SECONDS=600``; sizes take K/M/G
suffixes: ``JIXIAO_LIMIT_TEXT_BYTES=64M``), with ``jixiao import --limit NAME=VALUE``,
or from Python::

    from jixiao.extractor.limits import Limits, using
    with using(Limits(file_seconds=600)):
        jixiao.import_paths(["reports/"], "jixiao.db")

The import passes the limits in force to its worker processes.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
from dataclasses import dataclass, fields, replace
from typing import Iterator, Mapping

MiB = 1024 * 1024
ENV_PREFIX = "JIXIAO_LIMIT_"


@dataclass(frozen=True)
class Limits:
    """Every resource limit (see the README's "Limits" section)."""

    #: Bytes of a file on disk, or of an archive member once inflated.
    file_bytes: int = 512 * MiB
    #: Bytes of a text, Markdown or HTML file (these are read whole into memory).
    text_bytes: int = 32 * MiB
    #: Inflated bytes of any one part of a DOCX package (document.xml, an image …).
    docx_part_bytes: int = 64 * MiB
    #: Inflated bytes of all parts of a DOCX package together (python-docx holds them all).
    docx_total_bytes: int = 256 * MiB
    #: Cells (rows × columns) of one table in a DOCX or HTML file, merged cells resolved.
    table_cells: int = 250_000
    #: Pages of one PDF.
    pages: int = 5_000
    #: Pixels of one page rendered for OCR (the resolution is lowered to fit; an A4 page at
    #: the highest OCR resolution, 216 dpi, is 4.5 million, untouched; the recogniser needs ~200 bytes a pixel).
    ocr_pixels: int = 4_600_000
    #: Area of one page, in square inches, above which it is not rendered for OCR (A0 is 1,550).
    ocr_page_area: int = 3_000
    #: Seconds one file may take in an import worker; past it the file fails, the batch goes on.
    file_seconds: int = 1_800
    #: Archives inside archives, outermost included.
    archive_depth: int = 8

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Limits":
        """The defaults, each overridden by ``JIXIAO_LIMIT_<NAME>`` when set."""
        environ = os.environ if environ is None else environ
        changes = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw not in (None, ""):
                changes[f.name] = parse_value(f.name, raw)
        return cls(**changes)

    def with_settings(self, settings: Iterator[str] | list[str] | tuple[str, ...]) -> "Limits":
        """A copy with ``NAME=VALUE`` settings applied (``file_seconds=600``, ``text-bytes=64M``)."""
        changes = {}
        for item in settings:
            name, sep, value = item.partition("=")
            if not sep:
                raise ValueError(f"limit {item!r}: expected NAME=VALUE (names: {', '.join(names())})")
            key = name.strip().lower().replace("-", "_")
            if key.startswith(ENV_PREFIX.lower()):
                key = key[len(ENV_PREFIX) :]
            changes[key] = parse_value(key, value)
        return replace(self, **changes)

    def describe(self) -> list[tuple[str, int]]:
        return [(f.name, getattr(self, f.name)) for f in fields(self)]


def names() -> list[str]:
    return [f.name for f in fields(Limits)]


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.I)
_FACTOR = {"": 1, "k": 1024, "m": MiB, "g": 1024 * MiB, "t": 1024 * 1024 * MiB}


def parse_value(name: str, raw: str) -> int:
    """A limit's value from text: an integer, sizes with K/M/G suffixes (``64M``)."""
    if name not in names():
        raise ValueError(f"unknown limit {name!r} (limits: {', '.join(names())})")
    m = _SIZE.match(str(raw))
    if not m:
        raise ValueError(f"limit {name}: {raw!r} is not a number")
    value = int(float(m.group(1)) * _FACTOR[m.group(2).lower()])
    if value <= 0:
        raise ValueError(f"limit {name}: must be positive, not {raw!r}")
    return value


def env_name(name: str) -> str:
    return ENV_PREFIX + name.upper()


def human(name: str, value: int) -> str:
    """``512 MiB``, ``250,000``: a limit's value as the one-line refusals print it."""
    if name.endswith("_bytes"):
        return f"{value / MiB:g} MiB" if value >= MiB else f"{value} bytes"
    if name.endswith("_seconds"):
        return f"{value:,} s"
    return f"{value:,}"


def exceeded(name: str, actual: str | int, limits: Limits | None = None) -> str:
    """The reason for a refusal: what the file claims, the limit, and how to raise it."""
    value = getattr(limits or current(), name)
    shown = human(name, actual) if isinstance(actual, int) else actual
    return f"{shown} exceeds the limit {name} = {human(name, value)} (set {env_name(name)} to raise it)"


_CURRENT: contextvars.ContextVar[Limits | None] = contextvars.ContextVar("jixiao_limits", default=None)


def current() -> Limits:
    """The limits in force: those set by :func:`using`, else the environment's."""
    limits = _CURRENT.get()
    return limits if limits is not None else Limits.from_env()


@contextlib.contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Put ``limits`` in force for the block (``None``: leave what is in force)."""
    if limits is None:
        yield current()
        return
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


__all__ = ["Limits", "current", "using", "names", "parse_value", "exceeded", "env_name", "human", "MiB"]
