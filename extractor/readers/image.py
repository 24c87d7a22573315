"""Page images (JPG, PNG, TIFF including multi-page TIFF) read as scanned pages.

Archives hold scanned reports as images as often as scanned PDFs: one image a page, or a
multi-page TIFF.  Each page is decoded to 8-bit grey and read by the OCR reader's entry point
for page images (:func:`jixiao.extractor.readers.ocr.ocr_image`: deskew, tables, lines in PDF
points, the OCR page cache), and the pages are laid out like a scanned PDF's
(:func:`jixiao.extractor.layout.assemble`: running heads, paragraphs, headings).  The result
is a :class:`Document` of format ``image`` whose blocks carry page numbers (a multi-page
TIFF's frames, or the images of :func:`read_pages` in order).  A folder of numbered page
images (``scan-001.png``, ``scan-002.png`` …) is one document (:func:`read_folder`), its
pages in the numbers' order.

Resolution: the image's own (its DPI tag); an image without one is taken to be a page of
A4 height (the long side 11.69 in), which is what a scan of a report page is.  A page larger
than the ``ocr_pixels`` limit is scaled down to it first, as a PDF page is rendered coarser;
a page with next to no ink (a blank sheet) is not OCR'd, and the warnings say so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from .. import limits as _limits
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..layout import PageContent

#: The long side of an A4 page in inches: a page image without a DPI tag is taken to be one.
A4_LONG_INCHES = 11.69
#: DPI tags below this are taken as missing (72 is what many tools write when they know nothing).
MIN_TRUSTED_DPI = 100
#: A page whose darkest share of pixels is below this shows next to nothing (a blank sheet).
BLANK_INK_SHARE = 0.0005


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


def gray_page(frame, source: str, dpi: float | None = None):
    """``(grey uint8 array, dpi)`` of a decoded page, scaled down to the ``ocr_pixels`` limit."""
    import numpy as np

    try:
        frame.load()
    except Exception as exc:  # a truncated or corrupt image
        raise ReadError(source, f"cannot decode the image: {exc}".splitlines()[0]) from None
    w, h = frame.size
    dpi = dpi or _dpi(frame, w, h)
    if frame.mode in ("RGBA", "LA", "PA", "P"):  # transparent parts are paper
        from PIL import Image

        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(paper, rgba)
    gray = frame.convert("L")
    limit = _limits.current().ocr_pixels
    if w * h > limit:
        from PIL import Image

        s = (limit / (w * h)) ** 0.5
        gray = gray.resize((max(1, int(w * s)), max(1, int(h * s))), Image.Resampling.LANCZOS)
        dpi *= s
    return np.asarray(gray, dtype=np.uint8), dpi


def is_blank(gray) -> bool:
    """Whether a grey page shows next to no ink (judged on every 4th pixel)."""
    sample = gray[::4, ::4]
    return sample.size == 0 or float((sample < 128).mean()) < BLANK_INK_SHARE


def ocr_gray(gray, dpi: float, number: int, source: str, notes: list[str]) -> PageContent:
    """OCR one grey page (``number`` 1-based) of the file ``source``, unless it is blank."""
    from . import ocr as ocr_reader

    if is_blank(gray):
        notes.append(f"page {number} not OCR'd: near-empty (no ink to read)")
        h, w = gray.shape[:2]
        return PageContent(number=number, width=w / dpi * 72.0, height=h / dpi * 72.0)
    with ocr_reader.reading(source):  # the OCR page cache, if one is in force
        content = ocr_reader.ocr_image(gray, dpi, number)
    content.number = number
    content.ocr = True
    return content


def read_pages(paths: Iterable[str | Path], ocr: str = "auto", *, path: str | Path | None = None) -> Document:
    """Read several page images, in the order given, as one document (``report_001.jpg``,
    ``report_002.jpg`` …).  ``path`` is the document's path (default: the first image)."""
    from ..layout import assemble

    files = [str(p) for p in paths]
    if not files:
        raise ValueError("no page images given")
    name = str(path) if path is not None else files[0]
    if ocr == "never":
        raise ReadError(name, "a page image has no text layer; it can only be read with OCR (--ocr auto)")
    limit = _limits.current().pages
    pages: list[PageContent] = []
    notes: list[str] = []
    for source in files:
        for frame in _frames(source):
            if len(pages) >= limit:
                raise ReadError(source, "too many pages: " + _limits.exceeded("pages", f"over {limit:,} pages"))
            gray, dpi = gray_page(frame, source)
            pages.append(ocr_gray(gray, dpi, len(pages) + 1, source, notes))
    builder = DocumentBuilder(name, "image", pages=len(pages), ocr=any(p.ocr for p in pages))
    builder.warnings.extend(notes[:5] + ([f"… and {len(notes) - 5} more pages not OCR'd"] if len(notes) > 5 else []))
    assemble(pages, builder)
    return builder.build()


def read(path: str | Path, ocr: str = "auto") -> Document:
    """Read one image file (a page, or the pages of a multi-page TIFF) into a :class:`Document`."""
    return read_pages([path], ocr, path=path)


_DIGITS = re.compile(r"\d+")


def page_sequence(files: Iterable[str | Path]) -> list[Path] | None:
    """``files`` in page order when they are the numbered page images of one scan
    (``scan-001.png``, ``scan-002.png`` … ``scan-10.png``: two or more images whose names are
    the same but for their numbers), else None.  The order is the numbers' (natural order:
    ``scan-2`` before ``scan-10``); the content decides what is an image, not the name."""
    from ..detect import sniff_file

    paths = [Path(f) for f in files]
    if len(paths) < 2 or len({_DIGITS.sub("#", p.name) for p in paths}) != 1 or not _DIGITS.search(paths[0].name):
        return None
    try:
        if any(sniff_file(p) != "image" for p in paths):
            return None
    except (ReadError, OSError):
        return None
    return sorted(paths, key=lambda p: [int(n) for n in _DIGITS.findall(p.name)])


def folder_pages(folder: str | Path) -> list[Path] | None:
    """The page images of ``folder`` in page order (:func:`page_sequence` of the files in it,
    less those :func:`~jixiao.extractor.detect.ignored_name` skips: Thumbs.db, hidden files),
    or None when it holds anything else (another file, a folder)."""
    from ..detect import ignored_name

    folder = Path(folder)
    entries = [e for e in folder.iterdir() if not ignored_name(e.name)]
    if any(not e.is_file() for e in entries):
        return None
    return page_sequence(entries)


def _page_files(path: str | Path) -> list[str]:
    """The image files of a document: a folder's page images in page order, else the file itself."""
    if Path(path).is_dir():
        pages = folder_pages(path)
        if pages is None:
            raise ReadError(path, "a folder, not the numbered page images of one scan (scan-001.png, scan-002.png …)")
        return [str(p) for p in pages]
    return [str(path)]


def ocr_plan(path: str | Path) -> list[int]:
    """The 0-based pages of an image file or a folder of page images (:func:`read_folder`),
    every one of them: an import splits them among its workers (:func:`ocr_pages`), then reads
    the document with its pages cached, as it does a scanned PDF's (a blank page is found when
    it is decoded, and not OCR'd).  Only the files' headers are read; [] when they cannot be,
    or hold more pages than the ``pages`` limit (reading the document will say why)."""
    from PIL import Image

    count = 0
    try:
        for source in _page_files(path):
            with Image.open(source) as im:
                count += getattr(im, "n_frames", 1)
    except Exception:  # not listable, not an image, a decompression bomb: the read says why
        return []
    return list(range(count)) if count <= _limits.current().pages else []


def ocr_pages(path: str | Path, indices: Iterable[int]) -> None:
    """OCR pages ``indices`` (0-based) of an image file or a folder of page images into the OCR
    page cache in force (:func:`jixiao.extractor.readers.ocr.caching`), as :func:`read_pages`
    would read them (a blank page is not OCR'd), for a later read to take."""
    wanted = set(indices)
    number = 0
    for source in _page_files(path):
        for frame in _frames(source):  # frames are decoded only when read (gray_page)
            number += 1
            if number - 1 in wanted:
                gray, dpi = gray_page(frame, source)
                ocr_gray(gray, dpi, number, source, [])


def read_folder(folder: str | Path, ocr: str = "auto") -> Document:
    """Read a folder of numbered page images (:func:`folder_pages`) as one document whose
    path is the folder; :class:`ReadError` when the folder is not one."""
    try:
        pages = folder_pages(folder)
    except OSError as exc:
        raise ReadError(folder, f"cannot list folder: {exc.strerror or exc}") from None
    if pages is None:
        raise ReadError(folder, "a folder, not the numbered page images of one scan (scan-001.png, scan-002.png …)")
    return read_pages(pages, ocr, path=folder)


__all__ = [
    "read",
    "read_pages",
    "read_folder",
    "folder_pages",
    "page_sequence",
    "gray_page",
    "ocr_gray",
    "is_blank",
    "ocr_plan",
    "ocr_pages",
]
