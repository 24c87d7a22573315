"""Document → report record (``shared/contract``, version 2): candidates, then decisions.

:func:`extract` reads a file (or takes a parsed :class:`Document`) and returns one
:class:`~.model.Record`; :func:`build_record` assembles it:

1. a :class:`~.context.Context` — the document, its matching view (offsets kept),
   the region and section role of every block;
2. key–value pairs of forms (:mod:`.forms`) and indicator tables (:mod:`.indicators`);
3. per field, candidates with evidence (:mod:`.metadata`, :mod:`.jurisdiction`,
   :mod:`.scores`) and one ranking rule that decides (:func:`.candidates.decide`):
   a value the report does not state stays null, a conflict of equal standing is
   left null and reported in ``warnings``;
4. figures (:mod:`.figures`), checks of the report's own arithmetic
   (:mod:`.checks`) and findings (:mod:`.findings`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..document import Document
from ..errors import ReadError
from .assemble import extract_fields
from .model import SCHEMA_VERSION, Finding, Record, Source


def sha256_of(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def build_record(doc: Document, path: str | Path | None = None, sha256: str | None = None) -> Record:
    """The record for a parsed ``doc`` read from ``path`` (whose bytes hash to ``sha256``)."""
    from .findings import extract_findings

    path = str(path if path is not None else doc.path)
    if sha256 is None:
        try:
            sha256 = sha256_of(path)
        except OSError:  # a document built in memory: identify it by its text
            sha256 = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    record = extract_fields(doc)
    record.doc_id = sha256
    record.source = Source(path=path, format=doc.format, pages=doc.pages, ocr=bool(doc.ocr))
    record.findings = [Finding.from_dict(f) for f in extract_findings(doc)]
    return record


def extract(path_or_doc: str | Path | Document, *, ocr: str = "auto") -> Record:
    """Read one report file (or a parsed :class:`Document`) into one :class:`Record`.

    Raises :class:`~jixiao.extractor.errors.ReadError` (one line) for a file that
    cannot be read.
    """
    if isinstance(path_or_doc, Document):
        return build_record(path_or_doc, path_or_doc.path)
    from .. import parse

    path = Path(path_or_doc)
    doc = parse(path, ocr=ocr)
    try:
        sha = sha256_of(path)
    except OSError as exc:
        raise ReadError(str(path), exc.strerror or str(exc)) from None
    return build_record(doc, str(path_or_doc), sha)


__all__ = ["extract", "build_record", "extract_fields", "sha256_of", "SCHEMA_VERSION", "Record"]
