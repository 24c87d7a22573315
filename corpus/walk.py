"""Find the files to import under the paths a user gives: folders, files, .zip archives.

Formats are told by content (:mod:`jixiao.extractor.detect`), never by name: a
ZIP container holding ``word/document.xml`` is a Word file and one holding ``OFD.xml`` an
OFD document, and they are imported; any other ZIP is an archive whose members are walked (archives inside archives too,
up to the ``archive_depth`` limit).  Names only decide what is not looked at
(``patterns/import_walk.yaml``: hidden files, Office lock files, system litter).

What cannot be walked — a broken link, a FIFO or device, a directory named like
a document, an unreadable folder, a corrupt, encrypted or oversized archive
member, a member whose name climbs out of the archive (``../``, ``/etc/…``) — is
yielded as a :class:`WalkError` so the importer can list it with its reason.  What
is deliberately not walked twice — a folder reached again through a symbolic link
(a link loop) — is yielded as a :class:`WalkSkip`.  Paths are yielded in a stable
(sorted) order.

An archive member's path is ``archive.zip!dir/member.pdf``.  Member names are
decoded by the ZIP's UTF-8 flag, else as UTF-8 or GB18030 (GBK) when the bytes
decode cleanly (Chinese Windows writes GBK without saying so), else as the ZIP
standard's CP437.  Two members of one archive with the same name are two items:
the second is shown as ``name#2``.  Control characters in names (a newline) are
shown escaped (``\\n``), so that every path is one line.

Linear in the size of the input: each archive is opened once and its members
indexed once (:class:`Archives`); a nested archive is inflated once into a
temporary file; directories are walked with an explicit stack, each real
directory once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..extractor import limits as _limits
from ..extractor.detect import MAX_BYTES, ignored_name, special_kind  # noqa: F401  (MAX_BYTES: the default, re-exported)
from ..patterns import load

MEMBER_SEP = "!"
_CHUNK = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with control characters (newlines, tabs …) escaped: ``a\\nb``."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), str(text))


@dataclass(frozen=True)
class FileItem:
    """One file to import: on disk, or a member of a (possibly nested) archive."""

    path: str  # as shown to the user and stored (one line): a/b.pdf or a/c.zip!d/e.pdf
    fs_path: str  # the file on disk (the outermost archive for members)
    members: tuple[str, ...] = ()  # member names as stored in each archive, outermost first
    indexes: tuple[int, ...] = ()  # each member's position in its archive's directory (duplicates differ)
    local: str | None = None  # a copy of an archive member on disk, made by the importer

    @property
    def name(self) -> str:
        if self.members:
            return self.path.rsplit(MEMBER_SEP, 1)[-1].rsplit("/", 1)[-1]
        return os.path.basename(self.fs_path)

    def read_bytes(self) -> bytes:
        """The file's bytes (raises OSError / zipfile errors when it cannot be read)."""
        if self.local is not None or not self.members:
            with open(self.local or self.fs_path, "rb") as fh:
                return fh.read(_limits.current().file_bytes + 1)
        with Archives() as archives, archives.open_member(self) as fh:
            return fh.read()


@dataclass(frozen=True)
class WalkError:
    """A path that could not be walked, with the reason (one line)."""

    path: str
    reason: str


@dataclass(frozen=True)
class WalkSkip:
    """A path deliberately not walked (a folder already walked through another path)."""

    path: str
    reason: str


def _rules() -> dict:
    return load("import_walk.yaml")


def _looks_like_document(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in set(_rules().get("document_suffixes") or [])


# --------------------------------------------------------------------------- archives
def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it (see the module docstring)."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    if raw.isascii():
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def unsafe_name(name: str) -> bool:
    """An absolute name or one with a ``..`` part: it names a place outside the archive."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def describe_error(exc: BaseException) -> str:
    """An exception as one short line: ``zlib.error: Error -3 …``."""
    kind = type(exc).__name__
    module = type(exc).__module__
    if module not in ("builtins", "zipfile"):
        kind = f"{module}.{kind}"
    text = getattr(exc, "strerror", None) or str(exc)
    return one_line(f"{kind}: {text}" if text else kind)


class Archives:
    """Open archives, each opened and indexed once, for the walk and for the importer.

    At most :attr:`MAX_OPEN` archives are open at a time (the least recently used is
    closed, and reopened if needed).  A nested archive is inflated once into a
    temporary file, deleted on :meth:`close`.
    """

    MAX_OPEN = 32

    def __init__(self) -> None:
        self._zf: OrderedDict[tuple[str, tuple[int, ...]], tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]] = (
            OrderedDict()
        )
        self._local: dict[tuple[str, tuple[int, ...]], str] = {}
        self._tmp: str | None = None

    def __enter__(self) -> "Archives":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for zf, _ in self._zf.values():
            with contextlib.suppress(Exception):
                zf.close()
        self._zf.clear()
        self._local.clear()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def _tmpdir(self) -> str:
        if self._tmp is None:
            self._tmp = tempfile.mkdtemp(prefix="jixiao-archives-")
        return self._tmp

    def archive(self, fs_path: str, indexes: tuple[int, ...] = ()) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
        """The archive at ``fs_path`` (``indexes`` ``()``), or the one nested at ``indexes`` in it:
        ``(ZipFile, its members in directory order)``."""
        key = (fs_path, tuple(indexes))
        hit = self._zf.get(key)
        if hit is not None:
            self._zf.move_to_end(key)
            return hit
        if indexes:
            local = self._local.get(key)
            if local is None:
                parent, infos = self.archive(fs_path, indexes[:-1])
                local = os.path.join(self._tmpdir(), f"{len(self._local)}.zip")
                with parent.open(infos[indexes[-1]]) as src, open(local, "wb") as dst:
                    shutil.copyfileobj(src, dst, _CHUNK)
                self._local[key] = local
            zf = zipfile.ZipFile(local)
        else:
            zf = zipfile.ZipFile(fs_path)
        entry = (zf, zf.infolist())
        self._zf[key] = entry
        while len(self._zf) > self.MAX_OPEN:
            _, (old, _infos) = self._zf.popitem(last=False)
            with contextlib.suppress(Exception):
                old.close()
        return entry

    @contextlib.contextmanager
    def open_member(self, item: FileItem) -> Iterator[IO[bytes]]:
        """A stream of an archive member's bytes (the last of ``item.members``)."""
        if not item.indexes:  # made by hand from names only: find each by name
            indexes: list[int] = []
            for name in item.members:
                _, infos = self.archive(item.fs_path, tuple(indexes))
                found = [i for i, info in enumerate(infos) if info.filename == name]
                if not found:
                    raise KeyError(f"no member {name!r} in the archive")
                indexes.append(found[-1])
            item = FileItem(item.path, item.fs_path, item.members, tuple(indexes))
        zf, infos = self.archive(item.fs_path, item.indexes[:-1])
        with zf.open(infos[item.indexes[-1]]) as fh:
            yield fh

    def copy_member(self, item: FileItem, dest: str | Path, max_bytes: int | None = None) -> tuple[str, int]:
        """Inflate a member to ``dest`` and hash it on the way: ``(sha256, size)``."""
        sha = hashlib.sha256()
        size = 0
        limit = max_bytes if max_bytes is not None else _limits.current().file_bytes
        with self.open_member(item) as src, open(dest, "wb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise ValueError("archive member too large: " + _limits.exceeded("file_bytes", size))
                sha.update(chunk)
                dst.write(chunk)
        return sha.hexdigest(), size


def hash_file(path: str | Path) -> tuple[str, int]:
    """``(sha256, size)`` of a file on disk, read in chunks; of a folder of page images
    (:func:`jixiao.extractor.readers.image.folder_pages`), of their bytes in page order."""
    sha = hashlib.sha256()
    size = 0
    if os.path.isdir(path):
        from ..extractor.readers.image import folder_pages

        files = folder_pages(path)
        if files is None:
            raise IsADirectoryError(21, "a folder, not the numbered page images of one scan", str(path))
    else:
        files = [Path(path)]
    for file in files:
        with open(file, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                sha.update(chunk)
    return sha.hexdigest(), size


# --------------------------------------------------------------------------- the walk
Entry = FileItem | WalkError | WalkSkip


def walk(paths: Iterable[str | Path], archives: Archives | None = None) -> Iterator[Entry]:
    """Every importable file under ``paths`` (in order given, each walked in sorted order).

    ``archives``: the open archives to use (and keep open for reading members later);
    by default the walk opens and closes its own.
    """
    if archives is None:
        with Archives() as own:
            yield from walk(paths, own)
        return
    walker = _Walker(archives)
    for p in paths:
        yield from walker.path(str(p))


class _Walker:
    def __init__(self, archives: Archives):
        self.archives = archives
        self.limits = _limits.current()
        self.seen_dirs: dict[str, str] = {}  # real path -> the path it was first walked as

    def path(self, top: str) -> Iterator[Entry]:
        stack: list[tuple[str, bool]] = [(top, True)]
        while stack:
            path, is_top = stack.pop()
            for entry in self._one(path, is_top):
                if isinstance(entry, list):  # a folder's children, to walk in sorted order
                    stack.extend((child, False) for child in reversed(entry))
                else:
                    yield entry

    def _one(self, path: str, top: bool) -> Iterator[Entry | list[str]]:
        shown = one_line(path)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                yield WalkError(shown, "broken symbolic link (its target does not exist)")
            else:
                yield WalkError(shown, "no such file or directory")
            return
        except PermissionError:
            yield WalkError(shown, "permission denied")
            return
        except OSError as exc:  # ELOOP (a link to itself), ENAMETOOLONG …
            yield WalkError(shown, f"cannot stat: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(st.st_mode):
            if not top and _looks_like_document(os.path.basename(path)):
                yield WalkError(shown, "is a directory named like a document, not a file (not walked)")
                return
            real = os.path.realpath(path)
            if real in self.seen_dirs:
                yield WalkSkip(
                    shown,
                    f"folder already walked as {one_line(self.seen_dirs[real])} "
                    "(reached again through a symbolic link)",
                )
                return
            self.seen_dirs[real] = path
            try:
                names = sorted(os.listdir(path))
            except PermissionError:
                yield WalkError(shown, "permission denied (cannot list folder)")
                return
            except OSError as exc:
                yield WalkError(shown, f"cannot list folder: {exc.strerror or exc}")
                return
            children = [os.path.join(path, name) for name in names if not ignored_name(name)]
            if self._page_images(children):  # one scan as numbered page images: one document
                yield FileItem(shown, path)
                return
            yield children
            return
        if not stat.S_ISREG(st.st_mode):
            yield WalkError(shown, f"not a regular file ({special_kind(st.st_mode)})")
            return
        if st.st_size > self.limits.file_bytes:
            yield WalkError(shown, "file too large: " + _limits.exceeded("file_bytes", st.st_size, self.limits))
            return
        yield from self._file(FileItem(shown, path))

    def _page_images(self, children: list[str]) -> bool:
        """Whether a folder's ``children`` are the numbered page images of one scan, each a
        regular file within the size limit (:func:`jixiao.extractor.readers.image.page_sequence`)."""
        from ..extractor.readers.image import page_sequence

        try:
            if not all(
                os.path.isfile(c) and not os.path.islink(c) and os.path.getsize(c) <= self.limits.file_bytes
                for c in children
            ):
                return False
        except OSError:
            return False
        return page_sequence(children) is not None

    def _head(self, item: FileItem) -> bytes:
        if not item.members:
            with open(item.fs_path, "rb") as fh:
                return fh.read(4)
        with self.archives.open_member(item) as fh:
            return fh.read(4)

    def _file(self, item: FileItem) -> Iterator[Entry]:
        """Yield ``item`` itself, or the members of the archive it is."""
        try:
            head = self._head(item)
        except PermissionError:
            yield WalkError(item.path, "permission denied")
            return
        except Exception as exc:  # zlib.error, BadZipFile, NotImplementedError (compression) …
            what = "cannot read archive member" if item.members else "cannot read"
            yield WalkError(item.path, f"{what}: {describe_error(exc)}")
            return
        if head != b"PK\x03\x04":
            yield item
            return
        try:
            zf, infos = self.archives.archive(item.fs_path, item.indexes)
        except Exception:
            yield item  # a broken container: the reader says why
            return
        names = {info.filename for info in infos}
        if {"word/document.xml", "xl/workbook.xml", "ppt/presentation.xml", "[Content_Types].xml"} & names or any(
            n.lstrip("/").lower() == "ofd.xml" for n in names
        ):
            yield item  # an Office or OFD (GB/T 33190) document, not an archive of files
            return
        if os.path.splitext(item.path)[1].lower() in (_rules().get("zip_documents") or {}):
            yield item  # a damaged or renamed .docx: one failure, the reader saying what it lacks
            return
        if len(item.members) >= self.limits.archive_depth:
            yield WalkError(
                item.path,
                "archive nested too deep: "
                + _limits.exceeded("archive_depth", f"{len(item.members) + 1} levels", self.limits),
            )
            return
        order = sorted(range(len(infos)), key=lambda i: (member_name(infos[i]), i))
        used: set[str] = set()
        for i in order:
            info = infos[i]
            name = member_name(info)
            display = one_line(name)
            if display in used:  # a second member of the same name: a distinct item
                n = 2
                while f"{display}#{n}" in used:
                    n += 1
                display = f"{display}#{n}"
            used.add(display)
            child = FileItem(
                f"{item.path}{MEMBER_SEP}{display}", item.fs_path, item.members + (info.filename,), item.indexes + (i,)
            )
            if unsafe_name(name):
                yield WalkError(child.path, "unsafe member name (absolute, or climbing out with ..): not read")
                continue
            parts = name.rstrip("/").split("/")
            if info.is_dir() or any(ignored_name(part) for part in parts):
                continue
            if _is_symlink(info):
                yield WalkError(child.path, "symbolic link inside the archive: not followed")
            elif info.flag_bits & 0x1:
                yield WalkError(child.path, "encrypted archive member (password-protected ZIP)")
            elif info.file_size > self.limits.file_bytes:
                yield WalkError(
                    child.path,
                    "archive member too large: " + _limits.exceeded("file_bytes", info.file_size, self.limits),
                )
            else:
                yield from self._file(child)


__all__ = [
    "walk",
    "FileItem",
    "WalkError",
    "WalkSkip",
    "Archives",
    "MEMBER_SEP",
    "member_name",
    "one_line",
    "hash_file",
    "describe_error",
]
