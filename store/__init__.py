"""The jixiao store: every imported report in one SQLite file (WAL mode).

``Store(path)`` opens or creates it and migrates the schema
(:mod:`jixiao.store.schema`); ``jixiao.import_paths(paths, store)`` imports files, folders and
zips (the importer writes through the store; the store does not import it); ``Store.records(filters)`` reads report records back (typed
:class:`~jixiao.extractor.record.model.Record`; ``.to_dict()`` is the contract JSON,
and :mod:`jixiao.store.mapping` is where their fields meet the tables);
``Store.keyword_search`` runs Chinese full-text search over findings;
``Store.export`` writes json/jsonl/csv/xlsx; ``Store.stats`` counts.

Search and comparison take a Store: ``search_findings(store, "资金没到位", kind="problem")``
(keyword, semantic or hybrid; :mod:`jixiao.store.search`), ``similar_findings(store, finding_id)``,
``compare_reports(store, by="jurisdiction", level="province")`` (:mod:`jixiao.store.compare`),
and ``index_missing(store.conn)`` embeds findings that lack vectors (:mod:`jixiao.store.vectors`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Names are imported when first used (PEP 562): the command line builds its filter options
# from jixiao.store.filters at start-up and must not pay for SQLite, numpy and the
# extractor to print ``jixiao parse``'s output.
_WHERE = {
    "Store": ("db", "Store"),
    "StoreError": ("db", "StoreError"),
    "ExtractedDocument": ("db", "ExtractedDocument"),
    "AddResult": ("db", "AddResult"),
    "default_db_path": ("db", "default_db_path"),
    "finding_id": ("db", "finding_id"),
    "Filters": ("filters", "Filters"),
    "parse_years": ("filters", "parse_years"),
    "KeywordHit": ("fts", "KeywordHit"),
    "SearchHit": ("search", "SearchHit"),
    "search_findings": ("search", "search"),
    "similar_findings": ("search", "similar"),
    "Comparison": ("compare", "Comparison"),
    "compare_reports": ("compare", "compare"),
    "index_missing": ("vectors", "index_missing"),
}

if TYPE_CHECKING:
    from .compare import Comparison, compare as compare_reports
    from .db import AddResult, ExtractedDocument, Store, StoreError, default_db_path, finding_id
    from .filters import Filters, parse_years
    from .fts import KeywordHit
    from .search import SearchHit, search as search_findings, similar as similar_findings
    from .vectors import index_missing


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _WHERE[name]
    value = getattr(import_module(f"{__name__}.{module}"), attr)
    globals()[name] = value
    return value


__all__ = [
    "Store",
    "StoreError",
    "Filters",
    "parse_years",
    "ExtractedDocument",
    "AddResult",
    "KeywordHit",
    "default_db_path",
    "finding_id",
    "search_findings",
    "similar_findings",
    "compare_reports",
    "index_missing",
    "SearchHit",
    "Comparison",
]
