"""Find the files to import under the paths a user gives: folders, files, .zip archives.

Formats are told by content (:mod:`jixiao.extractor.detect`), never by name: a
ZIP container holding ``word/document.xml`` is a Word file and is imported; any
other ZIP is an archive whose members are walked (archives inside archives too).
Names only decide what is not looked at (``patterns/import_walk.yaml``: hidden
files, Office lock files, system litter).

What cannot be walked — a broken link, a FIFO or device, a directory named like
a document, an unreadable folder — is yielded as a :class:`WalkError` so the
importer can list it with its reason.  Paths are yielded in a stable (sorted)
order.  An archive member's path is ``archive.zip!dir/member.pdf``.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..extractor.detect import MAX_BYTES
from ..patterns import load

MEMBER_SEP = "!"


@dataclass(frozen=True)
class FileItem:
    """One file to import: on disk, or a member of a (possibly nested) archive."""

    path: str  # as shown to the user and stored: a/b.pdf or a/c.zip!d/e.pdf
    fs_path: str  # the file on disk (the outermost archive for members)
    members: tuple[str, ...] = ()  # member names, outermost archive first

    @property
    def name(self) -> str:
        return self.members[-1].rsplit("/", 1)[-1] if self.members else os.path.basename(self.fs_path)

    def read_bytes(self) -> bytes:
        """The file's bytes (raises OSError / zipfile errors when it cannot be read)."""
        if not self.members:
            with open(self.fs_path, "rb") as fh:
                return fh.read(MAX_BYTES + 1)
        data: bytes | None = None
        source: str | io.BytesIO = self.fs_path
        for member in self.members:
            with zipfile.ZipFile(source) as zf:
                data = zf.read(member)
            source = io.BytesIO(data)
        assert data is not None
        return data


@dataclass(frozen=True)
class WalkError:
    """A path that could not be walked, with the reason (one line)."""

    path: str
    reason: str


def _rules() -> dict:
    return load("import_walk.yaml")


def _ignored(name: str) -> bool:
    rules = _rules()
    return name in set(rules.get("ignore_names") or []) or name.startswith(tuple(rules.get("ignore_prefixes") or []))


def _looks_like_document(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in set(_rules().get("document_suffixes") or [])


def walk(paths: list[str | Path]) -> Iterator[FileItem | WalkError]:
    """Every importable file under ``paths`` (in order given, each walked in sorted order)."""
    for p in paths:
        yield from _walk_path(str(p), top=True)


def _walk_path(path: str, top: bool = False) -> Iterator[FileItem | WalkError]:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            yield WalkError(path, "broken symbolic link (its target does not exist)")
        else:
            yield WalkError(path, "no such file or directory")
        return
    except PermissionError:
        yield WalkError(path, "permission denied")
        return
    except OSError as exc:
        yield WalkError(path, f"cannot stat: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(st.st_mode):
        if not top and _looks_like_document(os.path.basename(path)):
            yield WalkError(path, "is a directory named like a document, not a file (not walked)")
            return
        try:
            names = sorted(os.listdir(path))
        except PermissionError:
            yield WalkError(path, "permission denied (cannot list folder)")
            return
        except OSError as exc:
            yield WalkError(path, f"cannot list folder: {exc.strerror or exc}")
            return
        for name in names:
            if not _ignored(name):
                yield from _walk_path(os.path.join(path, name))
        return
    if not stat.S_ISREG(st.st_mode):
        kind = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                else "device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special file")
        yield WalkError(path, f"not a regular file ({kind})")
        return
    yield from _walk_file(FileItem(path, path))


def _is_archive(zf: zipfile.ZipFile) -> bool:
    """A ZIP that is an archive of files, not an Office document (DOCX/XLSX/PPTX)."""
    names = set(zf.namelist())
    return not ({"word/document.xml", "xl/workbook.xml", "ppt/presentation.xml", "[Content_Types].xml"} & names)


def _walk_file(item: FileItem) -> Iterator[FileItem | WalkError]:
    """Yield ``item`` itself, or the members of the archive it is."""
    try:
        if item.members:
            data = item.read_bytes()
            head = data[:4]
        else:
            with open(item.fs_path, "rb") as fh:
                head = fh.read(4)
            data = None
    except PermissionError:
        yield WalkError(item.path, "permission denied")
        return
    except (OSError, zipfile.BadZipFile, RuntimeError, EOFError) as exc:
        yield WalkError(item.path, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    if head != b"PK\x03\x04":
        yield item
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else item.fs_path)
    except (zipfile.BadZipFile, OSError):
        yield item  # a broken container: the reader says why
        return
    with zf:
        if not _is_archive(zf):
            yield item
            return
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            name = info.filename
            parts = name.rstrip("/").split("/")
            if info.is_dir() or any(_ignored(part) for part in parts):
                continue
            child = FileItem(f"{item.path}{MEMBER_SEP}{name}", item.fs_path, item.members + (name,))
            if info.flag_bits & 0x1:
                yield WalkError(child.path, "encrypted archive member (password-protected ZIP)")
            elif info.file_size > MAX_BYTES:
                yield WalkError(child.path, f"archive member too large ({info.file_size // 2**20} MiB)")
            else:
                yield from _walk_file(child)


__all__ = ["walk", "FileItem", "WalkError", "MEMBER_SEP"]
