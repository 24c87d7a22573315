"""The jixiao store: every imported report in one SQLite file (WAL mode).

``Store(path)`` opens or creates it and migrates the schema
(:mod:`jixiao.store.schema`); ``Store.import_paths`` imports files, folders and
zips; ``Store.records(filters)`` reads contract records back;
``Store.keyword_search`` runs Chinese full-text search over findings;
``Store.export`` writes json/jsonl/csv/xlsx; ``Store.stats`` counts.
"""

from .db import AddResult, ExtractedDocument, Store, default_db_path, finding_id
from .filters import Filters, parse_years
from .fts import KeywordHit

__all__ = ["Store", "Filters", "parse_years", "ExtractedDocument", "AddResult", "KeywordHit", "default_db_path",
           "finding_id"]
