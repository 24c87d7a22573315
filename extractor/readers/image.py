"""Page images (JPG, PNG, TIFF including multi-page TIFF) read as scanned pages.

Archives hold scanned reports as images as often as scanned PDFs: one image a page, or a
multi-page TIFF.  Each image is placed, at its own resolution, on a page of an in-memory
PDF (pypdfium2; a JPEG is embedded as it is, other images losslessly), and that PDF is read
by the PDF reader with OCR (:func:`jixiao.extractor.readers.pdf.read_pages`): deskew,
tables, near-blank pages, page furniture and paragraph joining are the scanned PDF's,
and so is the OCR page cache.  The result is a :class:`Document` of format ``image`` whose
blocks carry page numbers (a multi-page TIFF's frames, or the images of :func:`read_pages`
in order).

Resolution: the image's own (its DPI tag); an image without one is taken to be a page of
A4 height (the long side 11.69 in), which is what a scan of a report page is.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from .. import limits as _limits
from ..document import Document, DocumentBuilder
from ..errors import ReadError

#: The long side of an A4 page in inches: a page image without a DPI tag is taken to be one.
A4_LONG_INCHES = 11.69
#: DPI tags below this are taken as missing (72 is what many tools write when they know nothing).
MIN_TRUSTED_DPI = 100


def _frames(path: str) -> Iterator:
    """Each page of the image file as a PIL image (a TIFF may hold several)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        im = Image.open(path)
    except UnidentifiedImageError:
        raise ReadError(path, "not an image PIL can read (JPG, PNG or TIFF expected)") from None
    except Image.DecompressionBombError as exc:
        raise ReadError(path, f"image too large to read safely: {exc}") from None
    with im:
        n = getattr(im, "n_frames", 1)
        if n > _limits.current().pages:
            raise ReadError(path, "too many pages: " + _limits.exceeded("pages", f"{n:,} pages"))
        for frame in ImageSequence.Iterator(im):
            yield frame


def _dpi(frame, width: int, height: int) -> float:
    dpi = frame.info.get("dpi")
    if dpi:
        try:
            value = float(dpi[0])
        except (TypeError, ValueError, IndexError):
            value = 0.0
        if value >= MIN_TRUSTED_DPI:
            return value
    return max(width, height) / A4_LONG_INCHES


def _add_page(pdf, frame, source: str) -> None:
    """Put ``frame`` on a new page of ``pdf`` at the frame's resolution."""
    import pypdfium2 as pdfium

    try:
        frame.load()
    except Exception as exc:  # a truncated or corrupt image
        raise ReadError(source, f"cannot decode the image: {exc}".splitlines()[0]) from None
    if frame.mode not in ("L", "RGB"):
        frame = frame.convert("RGB" if frame.mode in ("RGBA", "P", "CMYK", "LA", "PA") else "L")
    w, h = frame.size
    dpi = _dpi(frame, w, h)
    width_pt, height_pt = w / dpi * 72.0, h / dpi * 72.0
    page = pdf.new_page(width_pt, height_pt)
    try:
        obj = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.from_pil(frame)
        obj.set_bitmap(bitmap)
        obj.set_matrix(pdfium.PdfMatrix().scale(width_pt, height_pt))
        page.insert_obj(obj)
        page.gen_content()
    finally:
        page.close()


def to_pdf(paths: Iterable[str | Path], out: str | Path) -> int:
    """Write the pages of the image files ``paths``, in order, as a PDF at ``out``; the page count."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    n = 0
    limit = _limits.current().pages
    try:
        for path in paths:
            for frame in _frames(str(path)):
                n += 1
                if n > limit:
                    raise ReadError(str(path), "too many pages: " + _limits.exceeded("pages", f"over {limit:,} pages"))
                _add_page(pdf, frame, str(path))
        pdf.save(str(out))
    finally:
        pdf.close()
    return n


def read_pages(paths: Iterable[str | Path], ocr: str = "auto", *, path: str | Path | None = None) -> Document:
    """Read several page images, in the order given, as one document (``report_001.jpg``,
    ``report_002.jpg`` …).  ``path`` is the document's path (default: the first image)."""
    paths = [str(p) for p in paths]
    if not paths:
        raise ValueError("no page images given")
    name = str(path) if path is not None else paths[0]
    if ocr == "never":
        raise ReadError(name, "a page image has no text layer; it can only be read with OCR (--ocr auto)")
    from ..layout import assemble
    from . import pdf as pdf_reader

    fd, tmp = tempfile.mkstemp(prefix="jixiao-image-", suffix=".pdf")
    os.close(fd)
    try:
        n = to_pdf(paths, tmp)
        notes: list[str] = []
        # A page image has no text layer: "auto" OCRs every page that shows ink.
        pages = list(pdf_reader.read_pages(tmp, "always" if ocr == "always" else "auto", notes))
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    builder = DocumentBuilder(name, "image", pages=n, ocr=any(p.ocr for p in pages))
    builder.warnings.extend(note.replace(tmp, name) for note in notes)
    assemble(pages, builder)
    return builder.build()


def read(path: str | Path, ocr: str = "auto") -> Document:
    """Read one image file (a page, or the pages of a multi-page TIFF) into a :class:`Document`."""
    return read_pages([path], ocr, path=path)


__all__ = ["read", "read_pages", "to_pdf"]
