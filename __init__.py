"""jixiao (绩效): read Chinese budget performance-evaluation reports into data.

The library is the product; the ``jixiao`` command is a thin shell over it::

    import jixiao
    doc = jixiao.parse("report.pdf")        # Document: blocks with pages and offsets
    record = jixiao.extract("report.pdf")   # the contract's report record (dict)
    summary = jixiao.import_paths(["reports/"], "jixiao.db")   # a store of many reports
"""

from __future__ import annotations

__version__ = "0.1.0"

from .extractor import parse  # noqa: E402
from .extractor.errors import ReadError  # noqa: E402


def extract(path, **kwargs):
    """The report record (``shared/contract``) read from the file at ``path``."""
    from .extractor.record import extract as _extract

    return _extract(path, **kwargs)


def import_paths(paths, db=None, **kwargs):
    """Import files, folders and .zip archives into the store ``db`` (a path or a
    :class:`jixiao.store.Store`); see :func:`jixiao.corpus.importer.import_paths`."""
    from .corpus.importer import import_paths as _import_paths

    return _import_paths(paths, db, **kwargs)


__all__ = ["parse", "extract", "import_paths", "ReadError", "__version__"]
