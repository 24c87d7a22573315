"""Format detection by content (magic bytes), never by file name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import ReadError

# Reports larger than this are refused before reading: no real report comes near it,
# and reading one would only exhaust memory.
MAX_BYTES = 512 * 1024 * 1024


def sniff(head: bytes, path: str | Path = "") -> str:
    """Return ``pdf``, ``docx``, ``html``, ``txt``, or raise :class:`ReadError`.

    ``head`` is the first few KiB of the file.
    """
    if not head:
        raise ReadError(str(path), "empty file (0 bytes)")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # resolved to docx (or an archive) by sniff_file
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReadError(str(path), "legacy Word/OLE document (.doc); save it as .docx or PDF")
    if head.startswith(b"{\\rtf"):
        raise ReadError(str(path), "RTF document is not supported; save it as .docx or PDF")
    lower = stripped[:512].lower()
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:200]:
        return "html"
    if _looks_binary(head):
        raise ReadError(str(path), "binary file of unknown type (not PDF, DOCX or text)")
    return "txt"


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM
    sample = head[:4096]
    if b"\x00" not in sample:
        return False
    # NUL bytes: binary, unless the bytes are UTF-16 text without a BOM (Chinese
    # UTF-16 has NULs only beside its ASCII digits and newlines, so count nothing:
    # decode and see whether what comes out is text).
    return not any(_is_utf16_text(sample, enc) for enc in ("utf-16-le", "utf-16-be"))


def _is_utf16_text(sample: bytes, encoding: str) -> bool:
    try:
        text = sample[: len(sample) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return False
    if not text:
        return False
    good = sum(1 for ch in text if ch in "\t\n\r" or (ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF))
    return good / len(text) > 0.95


def sniff_file(path: str | Path) -> str:
    """Detect the format of the file at ``path``: ``pdf``, ``docx``, ``txt``, ``md`` or ``html``."""
    p = Path(path)
    if p.is_dir():
        raise ReadError(str(p), "is a directory, not a file")
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(8192)
    except FileNotFoundError:
        raise ReadError(str(p), "no such file") from None
    except PermissionError:
        raise ReadError(str(p), "permission denied") from None
    except OSError as exc:
        raise ReadError(str(p), f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise ReadError(str(p), f"file too large ({size // (1024 * 1024)} MiB > {MAX_BYTES // (1024 * 1024)} MiB)")
    kind = sniff(head, p)
    if kind == "zip":
        try:
            with zipfile.ZipFile(p) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            raise ReadError(str(p), "corrupt ZIP/DOCX container") from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            raise ReadError(str(p), "Excel workbook, not a report document")
        raise ReadError(str(p), "ZIP archive, not a document (import walks archives; parse reads one file)")
    if kind == "txt" and p.suffix.lower() in {".md", ".markdown"}:
        return "md"
    return kind
