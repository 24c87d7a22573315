"""Importing a dependency without the optional modules it would import only because they are installed.

Some libraries import a heavy or unwanted module as soon as it is installed, whether or not it is
used: thinc (under spaCy) imports torch when the ``[st]`` extra has put it there (about a second of
every process that builds the entity pipeline, which never uses it); sqlite-utils imports pandas
(a third of a second, for pandas values jixiao never stores); ``import openvino`` imports its model
converter, whose import sends a usage event over the network.  :func:`without` makes such imports
fail, as if the module were not installed, while one import runs; the libraries above all expect
that (``except ImportError``).  A module already imported is left alone, and afterwards anyone may
import the blocked ones.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator


@contextlib.contextmanager
def without(*names: str) -> Iterator[None]:
    """Inside this block an import of any of ``names`` not imported yet raises ImportError.

    (A ``None`` in ``sys.modules`` is Python's documented way to make an import fail.)  Meant for
    module-level imports: another thread importing one of ``names`` during the block fails too.
    """
    blocked = [n for n in names if n not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


__all__ = ["without"]
