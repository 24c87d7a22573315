"""The ``jixiao`` command: a thin click shell over the library.

Exit status: 0 success, 1 partial success (a batch where some files failed),
2 bad input or usage (a file that cannot be read is refused with one line).
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .extractor import parse as parse_document
from .extractor.errors import ReadError


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"jixiao: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jixiao")
def main() -> None:
    """jixiao (绩效): read budget performance-evaluation reports into searchable data."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
@click.option("--ocr", type=click.Choice(["auto", "never", "always"]), default="auto", show_default=True,
              help="OCR PDF pages without a usable text layer.")
def parse(file: str, as_json: bool, ocr: str) -> None:
    """Read FILE (PDF, scanned PDF, DOCX, TXT) into blocks with page numbers.

    Exits 2 with a one-line reason when the file cannot be read.
    """
    try:
        doc = parse_document(file, ocr=ocr)
    except ReadError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"{doc.path}  format={doc.format} pages={doc.pages} ocr={str(doc.ocr).lower()} "
               f"blocks={len(doc.blocks)} chars={len(doc.text)}")
    for b in doc.blocks:
        page = f"p{b.page}" if b.page is not None else "p-"
        if b.kind == "heading":
            click.echo(f"{page:>5} {'  ' * ((b.level or 1) - 1)}# {b.text}")
        elif b.kind == "table":
            click.echo(f"{page:>5}   [table {len(b.rows or [])}×{max(len(r) for r in b.rows or [[]])}] "
                       f"{(b.rows or [[]])[0][:4]}")
    for w in doc.warnings:
        click.echo(f"warning: {w}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
