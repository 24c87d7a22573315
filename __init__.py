"""jixiao (绩效): read Chinese budget performance-evaluation reports into data.

The library is the product; the ``jixiao`` command is a thin shell over it::

    import jixiao
    doc = jixiao.parse("report.pdf")        # Document: blocks with pages and offsets
    record = jixiao.extract("report.pdf")   # the contract's report record (dict)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .extractor import parse  # noqa: E402
from .extractor.errors import ReadError  # noqa: E402


def extract(path, **kwargs):
    """The report record (``shared/contract``) read from the file at ``path``."""
    from .extractor.record import extract as _extract

    return _extract(path, **kwargs)


__all__ = ["parse", "extract", "ReadError", "__version__"]
