"""What an import writes through: the few calls the importer and the shard loader make.

:class:`jixiao.store.Store` implements it; the corpus package depends on this
interface, and the store never imports the corpus (no import cycle: the store is a
library of its own, the importer one of its users).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Protocol

from ..store.db import AddResult, ExtractedDocument


class Writer(Protocol):
    """A store an import writes into (one writer per import; each file in one transaction)."""

    path: Path

    def begin_import(self, paths: list[str], workers: int, force: bool) -> int: ...

    def finish_import(self, import_id: int, *, files: int, imported: int, skipped: int, failed: int) -> None: ...

    def record_error(self, import_id: int, path: str, reason: str, sha256: str | None = None) -> None: ...

    def add_document(self, ext: ExtractedDocument, *, replace: bool = False) -> AddResult: ...

    def document_paths(self) -> dict[str, str]: ...  # doc_id (sha256) -> path, every stored file

    def report_of(self, doc_ids: Iterable[str]) -> dict[str, str]: ...  # doc_id -> report_id, those stored

    def table_counts(self) -> dict[str, int]: ...

    def index(self, embedder: Any = None, **kwargs: Any) -> int: ...


__all__ = ["Writer"]
