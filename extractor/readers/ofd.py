"""OFD (GB/T 33190, 版式文档): the national standard for electronic official documents.

An OFD file is a ZIP of XML: ``OFD.xml`` names the document, its ``Document.xml`` lists the
pages, and each page's ``Content.xml`` places text objects (``TextObject``/``TextCode``,
Unicode text with positions in millimetres) and image objects (a ``MultiMedia`` resource:
JPEG, PNG, BMP, TIFF …).  The text, with the position and size of each run, and templates and
composite objects resolved, is read with `ofdkit <https://pypi.org/project/ofdkit/>`_ (standard
library only; it reads the many files that bend the standard: wrong path case, prefixes,
encodings).  The runs of a page become positioned lines (points, top-left origin), so the
PDF reader's layout step (:func:`jixiao.extractor.layout.assemble`: running heads, paragraphs,
headings) gives the blocks, each with its page.

A page with no text but images (a scanned page saved as OFD) is OCR'd: its images are placed
at their boundaries on a white page of the same size, which is read like a page image
(:func:`jixiao.extractor.readers.ocr.ocr_image`, as :mod:`jixiao.extractor.readers.image` does).  A page whose text is in an embedded font's private
code points (no Unicode behind the glyphs) cannot be read as text; it is OCR'd when it holds
images, and named in the document's warnings.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import limits as _limits
from ..document import Document, DocumentBuilder
from ..errors import ReadError
from ..layout import Line, PageContent

MM_TO_PT = 72.0 / 25.4
#: A page whose text is mostly private-use code points (an embedded font without a Unicode
#: map) is not read as text.
MAX_PRIVATE_SHARE = 0.3
#: Image formats PIL decodes (JBIG2, common in scanned OFD, is not among them).
_DECODABLE = {"JPEG", "JPG", "PNG", "BMP", "TIFF", "TIF", "GIF"}


@dataclass
class _Image:
    member: str  # the ZIP member holding the image
    format: str
    box: tuple[float, float, float, float]  # x, y, width, height in mm, top-left origin


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _kids(el: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if el is None else [c for c in el if _local(c.tag) == name]


def _kid(el: ET.Element | None, name: str) -> ET.Element | None:
    found = _kids(el, name)
    return found[0] if found else None


class _Package:
    """The ZIP with case-insensitive member lookup (producers mix ``Doc_0`` and ``DOC_0``)."""

    def __init__(self, zf: zipfile.ZipFile, limits: "_limits.Limits", path: str):
        self.zf = zf
        self.path = path
        self.limits = limits
        self.names = {n.lower().lstrip("/"): n for n in zf.namelist()}

    def find(self, name: str) -> str | None:
        return self.names.get(posixpath.normpath(name.replace("\\", "/")).lstrip("/").lower())

    def read(self, member: str) -> bytes:
        info = self.zf.getinfo(member)
        if info.file_size > self.limits.file_bytes:
            raise ReadError(
                self.path,
                f"OFD member {member} too large: " + _limits.exceeded("file_bytes", info.file_size, self.limits),
            )
        return self.zf.read(member)

    def xml(self, name: str) -> tuple[ET.Element | None, str | None]:
        member = self.find(name)
        if member is None:
            return None, None
        try:
            return ET.fromstring(self.read(member)), member
        except ET.ParseError:
            return None, member

    def resolve(self, base_member: str, ref: str) -> str:
        """``ref`` as written in ``base_member`` (relative to its folder, or from the root with ``/``)."""
        ref = (ref or "").strip().replace("\\", "/")
        if ref.startswith("/"):
            return ref.lstrip("/")
        return posixpath.join(posixpath.dirname(base_member), ref)


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    try:
        x, y, w, h = (float(v) for v in (text or "").split()[:4])
    except ValueError:
        return None
    return x, y, w, h


def _page_images(pkg: _Package) -> list[list[_Image]]:
    """The image objects of every page, in page order (ofdkit reads text only)."""
    root, ofd_member = pkg.xml("OFD.xml")
    body = _kid(root, "DocBody")
    doc_root = _kid(body, "DocRoot")
    if doc_root is None or ofd_member is None:
        return []
    doc_member_name = pkg.resolve(ofd_member, doc_root.text or "")
    doc, doc_member = pkg.xml(doc_member_name)
    if doc is None or doc_member is None:
        return []
    media: dict[str, tuple[str, str]] = {}
    common = _kid(doc, "CommonData")
    for kind in ("DocumentRes", "PublicRes"):
        for ref in _kids(common, kind):
            res, res_member = pkg.xml(pkg.resolve(doc_member, ref.text or ""))
            if res is None or res_member is None:
                continue
            base = res.get("BaseLoc") or ""
            for group in _kids(res, "MultiMedias"):
                for mm in _kids(group, "MultiMedia"):
                    file_el = _kid(mm, "MediaFile")
                    if file_el is None or not (file_el.text or "").strip():
                        continue
                    ref_text = (file_el.text or "").strip()
                    loc = ref_text if ref_text.startswith("/") else posixpath.join(base, ref_text)
                    member = pkg.find(pkg.resolve(res_member, loc)) or pkg.find(pkg.resolve(res_member, ref_text))
                    if member:
                        media[(mm.get("ID") or "").strip()] = (member, (mm.get("Format") or "").upper())
    out: list[list[_Image]] = []
    for page_el in _kids(_kid(doc, "Pages"), "Page"):
        images: list[_Image] = []
        page, _ = pkg.xml(pkg.resolve(doc_member, page_el.get("BaseLoc") or ""))
        if page is not None:
            for el in page.iter():
                if _local(el.tag) != "ImageObject":
                    continue
                found = media.get((el.get("ResourceID") or "").strip())
                box = _box(el.get("Boundary"))
                if found and box and box[2] > 0 and box[3] > 0:
                    fmt = found[1] or Path(found[0]).suffix.lstrip(".").upper()
                    images.append(_Image(found[0], fmt, box))
        out.append(images)
    return out


def _private(text: str) -> int:
    return sum(1 for ch in text if 0xE000 <= ord(ch) <= 0xF8FF)


def _lines(runs, page_height_mm: float) -> list[Line]:
    """Runs (mm, baseline y) grouped into visual lines (points, top-left origin)."""
    items = []
    for r in runs:
        text = (r.text or "").replace("\u3000", " ")
        if not text.strip():
            continue
        size = r.size if r.size and r.size > 0 else 3.5
        if r.y < -size or r.y > page_height_mm + size:
            continue  # off the page
        items.append((r.y, r.x, r.x + max(r.width, size * 0.5), size, text))
    items.sort(key=lambda it: (it[0], it[1]))
    grouped: list[list[tuple]] = []
    for it in items:
        if grouped and abs(it[0] - grouped[-1][0][0]) <= 0.35 * max(it[3], grouped[-1][0][3]):
            grouped[-1].append(it)
        else:
            grouped.append([it])
    lines = []
    for members in grouped:
        members.sort(key=lambda it: it[1])
        text, last_x1 = "", None
        for _y, x0, x1, size, t in members:
            if last_x1 is not None and x0 - last_x1 > 0.8 * size and not text.endswith(" "):
                text += " "  # a visible gap: a space (CJK neighbours lose it again in assembly)
            text += t
            last_x1 = x1
        size = max(m[3] for m in members)
        base = max(m[0] for m in members)
        lines.append(
            Line(
                text=text.strip(),
                x0=round(members[0][1] * MM_TO_PT, 2),
                top=round((base - size * 0.88) * MM_TO_PT, 2),
                x1=round(max(m[2] for m in members) * MM_TO_PT, 2),
                bottom=round((base + size * 0.12) * MM_TO_PT, 2),
                size=round(size * MM_TO_PT, 1),
            )
        )
    return lines


def _ocr_page(
    pkg: _Package, images: list[_Image], number: int, width_mm: float, height_mm: float, notes: list[str]
) -> PageContent | None:
    """OCR a page's images, placed on a white page as the OFD places them; ``None`` when none
    can be decoded."""
    import io

    import numpy as np
    from PIL import Image

    from . import image as image_reader

    usable = [im for im in images if im.format in _DECODABLE or im.format == ""]
    if len(usable) < len(images):
        skipped = sorted({im.format for im in images if im not in usable})
        notes.append(f"page {number}: image format {', '.join(skipped)} cannot be decoded for OCR")
    decoded = []
    for im in usable:
        try:
            pil = Image.open(io.BytesIO(pkg.read(im.member)))
            pil.load()
        except ReadError:
            raise
        except Exception as exc:  # a corrupt or unsupported image
            notes.append(f"page {number}: image {im.member} cannot be decoded: {exc}".splitlines()[0])
            continue
        decoded.append((im, pil))
    if not decoded:
        return None
    # The page at the finest resolution its images have (150-300 dpi, what the OCR models suit),
    # within the ocr_pixels limit.
    native = max(pil.size[0] / (im.box[2] / 25.4) for im, pil in decoded)
    dpi = min(300.0, max(150.0, native))
    w_in, h_in = width_mm / 25.4, height_mm / 25.4
    dpi = min(dpi, (_limits.current().ocr_pixels / max(w_in * h_in, 1e-6)) ** 0.5)
    page = Image.new("L", (max(1, round(w_in * dpi)), max(1, round(h_in * dpi))), 255)
    for im, pil in decoded:
        x, y, w, h = (v / 25.4 * dpi for v in im.box)
        gray, _ = image_reader.gray_page(pil, im.member, dpi=dpi)
        piece = Image.fromarray(gray).resize((max(1, round(w)), max(1, round(h))), Image.Resampling.LANCZOS)
        page.paste(piece, (round(x), round(y)))
    return image_reader.ocr_gray(np.asarray(page, dtype=np.uint8), dpi, number, pkg.path, notes)


def read(path: str | Path, ocr: str = "auto") -> Document:
    """Read an OFD file into a :class:`Document` (format ``ofd``), one page per OFD page.

    ``ocr``: ``"auto"`` OCRs pages that have images but no readable text, ``"never"`` leaves
    them empty (with a warning), ``"always"`` is taken as ``"auto"`` (an OFD's text is exact).
    """
    import ofdkit

    path = str(path)
    limits = _limits.current()
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(path, f"corrupt OFD container: {exc}") from None
    notes: list[str] = []
    pages: list[PageContent] = []
    with zf:
        pkg = _Package(zf, limits, path)
        try:
            doc = ofdkit.open(path)
        except ofdkit.OFDError as exc:
            raise ReadError(path, f"cannot read OFD: {exc}".splitlines()[0]) from None
        with doc:
            n = len(doc.pages)
            if n == 0:
                raise ReadError(path, "OFD has no pages")
            if n > limits.pages:
                raise ReadError(path, "too many pages: " + _limits.exceeded("pages", f"{n:,} pages"))
            try:
                images = _page_images(pkg)
            except ReadError:
                raise
            except Exception as exc:  # images are a fallback: their absence must not stop the text
                notes.append(f"image resources not read: {type(exc).__name__}: {exc}".splitlines()[0])
                images = []
            for i, page in enumerate(doc.pages):
                try:
                    _x, _y, width_mm, height_mm = page.box
                    runs = page.runs
                except ofdkit.OFDError as exc:
                    notes.append(f"page {i + 1} not read: {exc}".splitlines()[0])
                    pages.append(PageContent(number=i + 1, width=210 * MM_TO_PT, height=297 * MM_TO_PT))
                    continue
                text = "".join(r.text or "" for r in runs)
                private = _private(text)
                readable = text.strip() and private <= MAX_PRIVATE_SHARE * len(text.strip())
                page_images = images[i] if i < len(images) else []
                content = None
                if not readable and page_images:
                    if ocr == "never":
                        notes.append(f"page {i + 1}: image only, not OCR'd (--ocr never)")
                    else:
                        content = _ocr_page(pkg, page_images, i + 1, width_mm, height_mm, notes)
                if content is None:
                    if text.strip() and not readable:
                        notes.append(
                            f"page {i + 1}: text in an embedded font without Unicode "
                            f"({private} of {len(text.strip())} characters unreadable); left out"
                        )
                        runs = [r for r in runs if not _private(r.text or "")]
                    content = PageContent(
                        number=i + 1,
                        width=width_mm * MM_TO_PT,
                        height=height_mm * MM_TO_PT,
                        lines=_lines(runs, height_mm),
                    )
                pages.append(content)
    ocr_count = sum(1 for p in pages if p.ocr)
    builder = DocumentBuilder(path, "ofd", pages=len(pages), ocr=ocr_count > 0)
    if ocr_count:
        builder.warnings.append(f"{ocr_count} of {len(pages)} pages OCR'd (images, no text)")
    builder.warnings.extend(notes[:5] + ([f"… and {len(notes) - 5} more notes"] if len(notes) > 5 else []))
    from ..layout import assemble

    assemble(pages, builder)
    return builder.build()


__all__ = ["read"]
