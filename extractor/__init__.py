"""Files → :class:`~jixiao.extractor.document.Document`.

:func:`parse` detects the format from the file's bytes and hands it to one
reader in :mod:`jixiao.extractor.readers`; every reader returns the same
document model (ordered blocks with page numbers and text offsets).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from .detect import sniff_file
from .document import Block, Document, DocumentBuilder
from .errors import ReadError

if TYPE_CHECKING:  # pragma: no cover
    from .readers.pdf import OcrMode

#: What ``parse(ocr=…)`` takes: OCR pages without a usable text layer, never, or every page.
OCR_MODES = ("auto", "never", "always")


def parse(path: str | Path, *, ocr: str = "auto") -> Document:
    """Read the report at ``path`` into a :class:`Document`: a file, or a folder of the numbered
    page images of one scan (``scan-001.png``, ``scan-002.png`` …, read in that order).

    ``ocr``: ``"auto"`` OCRs PDF pages that have no usable text layer (and page images, and
    OFD pages that hold only images), ``"never"`` refuses them, ``"always"`` OCRs every PDF page.  Raises :class:`ReadError`
    (one line: path and reason) for anything that cannot be read.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    if Path(path).is_dir():  # the numbered page images of one scan, else a one-line error
        from .readers import image

        doc = image.read_folder(path, ocr=ocr)
    else:
        doc = _read(path, sniff_file(path), ocr)
    if not doc.text.strip():
        # nothing to extract from (blank pages, an empty body): one line saying so, as an empty
        # text file gets, not an empty record
        pages = f" on its {doc.pages} page{'s' if doc.pages != 1 else ''}" if doc.pages else ""
        notes = f" ({'; '.join(doc.warnings[:2])})" if doc.warnings else ""
        raise ReadError(str(path), f"no text{pages}{notes}")
    return doc


def _read(path: str | Path, fmt: str, ocr: str) -> Document:
    """The document at ``path`` read by the reader of its format ``fmt``; any failure a one-line
    :class:`ReadError`."""
    try:
        if fmt == "pdf":
            from .readers import pdf

            return pdf.read(path, ocr=cast("OcrMode", ocr))
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
