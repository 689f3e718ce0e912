"""The event store: ingest, deduplicate, query, aggregate, export (DuckDB or PostgreSQL).

    >>> from rasd.store import connect, ingest, export
    >>> with connect("rasd.duckdb") as db:
    ...     summary = ingest(db, ["corpus/"])
    ...     export(db, "jsonl", "events.jsonl")

See docs/store.md for the schema and every export column.
"""

from __future__ import annotations

from rasd.store.backend import DEFAULT_DB, Backend, connect
from rasd.store.dedup import recompute_groups
from rasd.store.export import export
from rasd.store.ingest import RecodeReport, Summary, ingest, recode
from rasd.store.query import Filters, select_events, stats
from rasd.store.schema import check_schema, ensure_schema

__all__ = ["DEFAULT_DB", "Backend", "Filters", "RecodeReport", "Summary", "check_schema", "connect", "ensure_schema",
           "export", "ingest", "recode", "recompute_groups", "select_events", "stats"]
