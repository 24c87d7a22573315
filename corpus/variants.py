"""Byte-varied copies of report files: same content, different sha256.

Benchmarks and the import tests need many distinct files without many distinct
reports to hand.  Each copy differs from the original only where no reader
looks: a PDF gets a comment line after ``%%EOF``, a DOCX (ZIP) gets an archive
comment, a text file gets trailing whitespace.  Every copy is another rendering
of the same report as far as the store is concerned.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..extractor.detect import sniff_file


def varied_copy(src: str | Path, dest: str | Path, n: int) -> Path:
    """Copy ``src`` to ``dest`` with variation number ``n`` (0 = an exact copy)."""
    src, dest = Path(src), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    if n == 0:
        return dest
    fmt = sniff_file(src)
    if fmt == "pdf":
        with open(dest, "ab") as fh:
            fh.write(f"\n%jixiao-variant {n}\n".encode())
    elif fmt == "docx":
        with zipfile.ZipFile(dest, "a") as zf:
            zf.comment = f"jixiao-variant {n}".encode()
    else:  # text: trailing spaces and a newline, removed by normalisation
        with open(dest, "ab") as fh:
            fh.write(b"\n" + b" " * n + b"\n")
    return dest


def make_variants(files: list[str | Path], out_dir: str | Path, copies: int) -> list[Path]:
    """``copies`` varied copies of each file in ``out_dir`` (``name.v3.pdf``…); returns the paths."""
    out_dir = Path(out_dir)
    made = []
    for n in range(1, copies + 1):
        for f in files:
            f = Path(f)
            stem, suffix = (f.name[: -len("".join(f.suffixes))], "".join(f.suffixes)) if f.suffixes else (f.name, "")
            made.append(varied_copy(f, out_dir / f"{stem}.v{n}{suffix}", n))
    return made


__all__ = ["varied_copy", "make_variants"]
