"""Files → :class:`~jixiao.extractor.document.Document`.

:func:`parse` detects the format from the file's bytes and hands it to one
reader in :mod:`jixiao.extractor.readers`; every reader returns the same
document model (ordered blocks with page numbers and text offsets).
"""

from __future__ import annotations

from pathlib import Path

from .detect import sniff_file
from .document import Block, Document, DocumentBuilder
from .errors import ReadError


def parse(path: str | Path, *, ocr: str = "auto") -> Document:
    """Read the report at ``path`` into a :class:`Document`.

    ``ocr``: ``"auto"`` OCRs PDF pages that have no usable text layer (and page images, and
    OFD pages that hold only images), ``"never"`` refuses them, ``"always"`` OCRs every PDF page.  Raises :class:`ReadError`
    (one line: path and reason) for anything that cannot be read.
    """
    fmt = sniff_file(path)
    try:
        if fmt == "pdf":
            from .readers import pdf

            return pdf.read(path, ocr=ocr)
        if fmt == "docx":
            from .readers import docx

            return docx.read(path)
        if fmt in ("txt", "md"):
            from .readers import text

            return text.read(path, fmt=fmt)
        if fmt == "html":
            from .readers import html

            return html.read(path)
        if fmt == "image":
            from .readers import image

            return image.read(path, ocr=ocr)
        if fmt == "ofd":
            from .readers import ofd

            return ofd.read(path, ocr=ocr)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(str(path), "out of memory while reading") from None
    except Exception as exc:  # a reader bug or a corrupt file: still one line, naming the file
        raise ReadError(str(path), f"cannot read {fmt}: {type(exc).__name__}: {exc}".splitlines()[0]) from exc
    raise ReadError(str(path), f"unsupported format {fmt}")


__all__ = ["parse", "Document", "Block", "DocumentBuilder", "ReadError"]
