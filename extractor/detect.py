"""Format detection by content (magic bytes), never by file name."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from . import limits as _limits
from .errors import ReadError

# The default size limit (see :mod:`jixiao.extractor.limits`: ``file_bytes``).
MAX_BYTES = _limits.Limits().file_bytes


# Page images (scans): magic bytes of JPEG, PNG and TIFF (both byte orders).
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")
_UNKNOWN = "binary file of unknown type (not PDF, DOCX or text)"


def sniff(head: bytes, path: str | Path = "") -> str:
    """Return ``pdf``, ``zip``, ``image``, ``html``, ``txt``, or raise :class:`ReadError`.

    ``head`` is the first few KiB of the file.
    """
    if not head:
        raise ReadError(str(path), "empty file (0 bytes)")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # resolved to docx, ofd (or an archive) by sniff_file
    if head.startswith(IMAGE_MAGIC):
        return "image"  # confirmed by sniff_file (an image library must read its header)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReadError(str(path), "legacy Word/OLE document (.doc); save it as .docx or PDF")
    if head.startswith(b"{\\rtf"):
        raise ReadError(str(path), "RTF document is not supported; save it as .docx or PDF")
    lower = stripped[:512].lower()
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:200]:
        return "html"
    if _looks_binary(head):
        raise ReadError(str(path), _UNKNOWN)
    return "txt"


def _is_image(path: Path) -> bool:
    """Whether an image library reads the file's header (a PNG's checksums included): bytes
    that merely start like an image are binary junk, not a scan."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.size[0] > 0 and im.size[1] > 0
    except Exception:
        return False


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM
    sample = head[:4096]
    if b"\x00" not in sample:
        return False
    # NUL bytes: binary, unless the bytes are UTF-16 text without a BOM (Chinese
    # UTF-16 has NULs only beside its ASCII digits and newlines, so count nothing:
    # decode and see whether what comes out is text) ...
    if any(_is_utf16_text(sample, enc) for enc in ("utf-16-le", "utf-16-be")):
        return False
    # ... or text with a stray NUL or two (a converter's slip): a handful of NULs in
    # what otherwise decodes as UTF-8 or GB18030 text does not make a file binary.
    return not _is_text_with_stray_nuls(sample)


def _is_text_with_stray_nuls(sample: bytes) -> bool:
    nuls = sample.count(b"\x00")
    if nuls > max(2, len(sample) // 512):
        return False
    rest = sample.replace(b"\x00", b"")
    for enc in ("utf-8", "gb18030"):
        for trim in range(4):  # the sample may end inside a multi-byte character
            try:
                text = rest[: len(rest) - trim].decode(enc)
            except UnicodeDecodeError:
                continue
            if text and _mostly_printable(text):
                return True
            break
    return False


def _mostly_printable(text: str) -> bool:
    good = sum(1 for ch in text if ch in "\t\n\r\f" or ch.isprintable())
    return good / len(text) > 0.98


def _is_utf16_text(sample: bytes, encoding: str) -> bool:
    try:
        text = sample[: len(sample) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return False
    if not text:
        return False
    good = sum(1 for ch in text if ch in "\t\n\r" or (ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF))
    return good / len(text) > 0.95


def ignored_name(name: str) -> bool:
    """Whether a file named ``name`` is never a report: system and editor litter, hidden
    files, a collection's README (``patterns/import_walk.yaml``).  Only what is skipped goes
    by name; a format never does."""
    from .. import patterns

    rules = patterns.load("import_walk.yaml")
    return name in set(rules.get("ignore_names") or []) or name.startswith(tuple(rules.get("ignore_prefixes") or []))


def special_kind(mode: int) -> str:
    """``FIFO``, ``socket``, ``device`` or ``special file`` for a non-regular file's mode."""
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def sniff_file(path: str | Path) -> str:
    """Detect the format of the file at ``path``: ``pdf``, ``docx``, ``ofd``, ``image``, ``txt``, ``md`` or
    ``html``."""
    p = Path(path)
    limits = _limits.current()
    try:
        st = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            raise ReadError(str(p), "broken symbolic link (its target does not exist)") from None
        raise ReadError(str(p), "no such file") from None
    except PermissionError:
        raise ReadError(str(p), "permission denied") from None
    except OSError as exc:
        raise ReadError(str(p), f"cannot stat: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(str(p), "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        # Never open a FIFO, socket or device: opening a FIFO waits for a writer forever.
        raise ReadError(str(p), f"not a regular file ({special_kind(st.st_mode)})")
    size = st.st_size
    if size > limits.file_bytes:
        raise ReadError(str(p), "file too large: " + _limits.exceeded("file_bytes", size, limits))
    try:
        with open(p, "rb") as fh:
            head = fh.read(8192)
    except PermissionError:
        raise ReadError(str(p), "permission denied") from None
    except OSError as exc:
        raise ReadError(str(p), f"cannot read: {exc.strerror or exc}") from None
    kind = sniff(head, p)
    if kind == "image" and not _is_image(p):
        raise ReadError(str(p), _UNKNOWN)
    if kind in ("txt", "html") and size > limits.text_bytes:
        raise ReadError(str(p), f"{kind} file too large: " + _limits.exceeded("text_bytes", size, limits))
    if kind == "zip":
        try:
            with zipfile.ZipFile(p) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise ReadError(str(p), "corrupt ZIP/DOCX container") from None
        if "word/document.xml" in names:
            return "docx"
        if any(n.lstrip("/").lower() == "ofd.xml" for n in names):
            return "ofd"  # GB/T 33190: OFD.xml at the root of the package
        if "xl/workbook.xml" in names:
            raise ReadError(str(p), "Excel workbook, not a report document")
        from .. import patterns

        named = (patterns.load("import_walk.yaml").get("zip_documents") or {}).get(p.suffix.lower())
        if named:  # (a .docx of other files: damaged or renamed, not an archive of reports)
            raise ReadError(str(p), f"not {named['what']}: a ZIP archive without {named['part']}")
        raise ReadError(str(p), "ZIP archive, not a document (import walks archives; parse reads one file)")
    if kind == "txt" and p.suffix.lower() in {".md", ".markdown"}:
        return "md"
    return kind
