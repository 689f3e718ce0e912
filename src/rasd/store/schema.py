"""The store's tables, identical on DuckDB and PostgreSQL (see docs/store.md).

Keys are content hashes, never sequences, so that the same input gives the same rows on
every engine, in every run, and after a crash and resume.
"""

from __future__ import annotations

from rasd.errors import StoreError
from rasd.store.backend import Backend

SCHEMA_VERSION = "1"

DOCUMENT_COLUMNS = ("doc_key", "doc_id", "origin", "pub_date", "source", "title", "url", "text", "meta",
                    "n_chars", "n_sentences", "n_events", "lexicon", "coder")
SENTENCE_COLUMNS = ("doc_key", "sentence_index", "start_char", "end_char", "text")
ACTOR_COLUMNS = ("actor_key", "actor_id", "name", "country", "sector", "sectors", "code")
EVENT_COLUMNS = (
    "doc_key", "seq", "event_id", "doc_id", "sentence_index", "event_type", "mode", "cameo", "quad_class",
    "goldstein", "source_code", "source_country", "source_sector", "source_actor", "source_name",
    "target_code", "target_country", "target_sector", "target_actor", "target_name", "trigger_text",
    "negated", "future", "hypothetical", "event_date", "date_source", "place_name", "place_country", "lat", "lon",
    "confidence", "lexicon", "coder", "rule", "record",
)
ERROR_COLUMNS = ("error_key", "stage", "origin", "line", "doc_id", "reason")
EVENT_GROUP_COLUMNS = ("doc_key", "seq", "dedup_group_id")
GROUP_COLUMNS = ("dedup_group_id", "event_type", "source_code", "target_code", "first_date", "last_date",
                 "num_events", "num_articles", "num_sources")

DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_key TEXT PRIMARY KEY, doc_id TEXT NOT NULL, origin TEXT, pub_date DATE, source TEXT, title TEXT,
        url TEXT, text TEXT NOT NULL, meta TEXT, n_chars INTEGER, n_sentences INTEGER, n_events INTEGER,
        lexicon TEXT, coder TEXT)""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_key TEXT NOT NULL, sentence_index INTEGER NOT NULL, start_char INTEGER, end_char INTEGER, text TEXT,
        PRIMARY KEY (doc_key, sentence_index))""",
    """CREATE TABLE IF NOT EXISTS actors (
        actor_key TEXT PRIMARY KEY, actor_id TEXT, name TEXT, country TEXT, sector TEXT, sectors TEXT, code TEXT)""",
    """CREATE TABLE IF NOT EXISTS events (
        doc_key TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL, doc_id TEXT NOT NULL,
        sentence_index INTEGER, event_type TEXT, mode TEXT, cameo TEXT, quad_class INTEGER,
        goldstein DOUBLE PRECISION, source_code TEXT, source_country TEXT, source_sector TEXT, source_actor TEXT,
        source_name TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_actor TEXT,
        target_name TEXT, trigger_text TEXT, negated BOOLEAN, future BOOLEAN, hypothetical BOOLEAN,
        event_date DATE, date_source TEXT, place_name TEXT, place_country TEXT, lat DOUBLE PRECISION,
        lon DOUBLE PRECISION, confidence DOUBLE PRECISION, lexicon TEXT, coder TEXT, rule TEXT, record TEXT NOT NULL,
        PRIMARY KEY (doc_key, seq))""",
    """CREATE TABLE IF NOT EXISTS event_groups (
        doc_key TEXT NOT NULL, seq INTEGER NOT NULL, dedup_group_id TEXT NOT NULL, PRIMARY KEY (doc_key, seq))""",
    """CREATE TABLE IF NOT EXISTS dedup_groups (
        dedup_group_id TEXT PRIMARY KEY, event_type TEXT, source_code TEXT, target_code TEXT, first_date DATE,
        last_date DATE, num_events INTEGER, num_articles INTEGER, num_sources INTEGER)""",
    """CREATE TABLE IF NOT EXISTS errors (
        error_key TEXT PRIMARY KEY, stage TEXT, origin TEXT, line INTEGER, doc_id TEXT, reason TEXT)""",
)

# DuckDB scans columns fast without indexes (and its indexes slow bulk loads); PostgreSQL needs them.
PG_INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_date ON events (event_date)",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, event_date)",
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_country, event_date)",
    "CREATE INDEX IF NOT EXISTS events_type ON events (event_type, event_date)",
    "CREATE INDEX IF NOT EXISTS events_src_actor ON events (source_actor)",
    "CREATE INDEX IF NOT EXISTS events_tgt_actor ON events (target_actor)",
    "CREATE INDEX IF NOT EXISTS documents_id ON documents (doc_id)",
)


def ensure_schema(db: Backend) -> None:
    """Create the tables when missing; refuse a store written by another schema version."""
    with db.transaction():
        for stmt in DDL:
            db.execute(stmt)
        if db.dialect == "postgresql":
            for stmt in PG_INDEXES:
                db.execute(stmt)
        rows = db.fetchall("SELECT value FROM meta WHERE key = 'schema_version'")
        if not rows:
            db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif rows[0][0] != SCHEMA_VERSION:
            raise StoreError(f"{db.url} holds store schema {rows[0][0]}, this Rasd writes {SCHEMA_VERSION}; "
                             f"use a new --db")


def check_schema(db: Backend) -> None:
    """For readers: fail with one line when ``db`` is not a Rasd store."""
    try:
        rows = db.fetchall("SELECT value FROM meta WHERE key = 'schema_version'")
    except Exception:  # noqa: BLE001 - any engine error here means "not a store"
        raise StoreError(f"{db.url} is not a Rasd event store; create one with `rasd ingest`") from None
    if not rows or rows[0][0] != SCHEMA_VERSION:
        raise StoreError(f"{db.url} is not a Rasd event store of schema {SCHEMA_VERSION}")


def get_meta(db: Backend, key: str) -> str | None:
    rows = db.fetchall("SELECT value FROM meta WHERE key = ?", (key,))
    return rows[0][0] if rows else None


def set_meta(db: Backend, key: str, value: str) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (key,))
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
