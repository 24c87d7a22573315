"""Domain patterns as data.

Everything a domain expert may want to read or extend — heading numbering,
section names, score phrases, the problem taxonomy, the division table — lives
in YAML/CSV files in this folder.  The engine only loads them through
:func:`load` and :func:`path`, so adding a synonym never means touching code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Absolute path of a pattern file shipped in this folder."""
    p = HERE / name
    if not p.exists():
        raise FileNotFoundError(f"pattern file not found: {p}")
    return p


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed contents of ``patterns/<name>`` (YAML), cached for the process."""
    with open(path(name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)
