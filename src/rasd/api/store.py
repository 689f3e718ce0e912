"""The store as the API sees it: a connection per worker thread, keyset pages of events,
whole documents with their spans, place aggregates, and ingest of posted documents.

Request handlers run in a thread pool. DuckDB connections are not safe to share between
threads, so each thread reads through its own cursor of one database instance (PostgreSQL:
its own connection); writes go through one connection under a lock.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Sequence
from typing import Any

from rasd.errors import ConfigError, StoreError
from rasd.model import Document
from rasd.store import schema
from rasd.store.backend import Backend, DuckDBBackend, connect, is_postgres
from rasd.store.query import Filters, where

log = logging.getLogger(__name__)


class _DuckCursor(DuckDBBackend):
    """A DuckDB backend over a cursor of another connection (same database, own thread)."""

    def __init__(self, parent: DuckDBBackend):  # noqa: D107 - no call to super: the connection exists
        self._duckdb = parent._duckdb
        self.url = parent.url
        self.con = parent.con.cursor()
        self._n = 0


class Store:
    """Thread-aware access to one event store."""

    def __init__(self, url: str, *, writable: bool):
        self.url = url
        self.writable = writable
        self.postgres = is_postgres(url)
        if writable:
            self._root = connect(url)
            schema.ensure_schema(self._root)
        else:
            if not self.postgres and not os.path.exists(url):
                raise StoreError(f"no event store at {url}; create one with `rasd ingest SOURCE --db {url}` "
                                 f"or start the server with RASD_API_TOKEN set to create it")
            self._root = connect(url, read_only=True)
            schema.check_schema(self._root)
        self._local = threading.local()
        self._readers: list[Backend] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def reader(self) -> Backend:
        """This thread's connection for reads."""
        b = getattr(self._local, "backend", None)
        if b is None:
            b = connect(self.url, read_only=True) if self.postgres else _DuckCursor(self._root)  # type: ignore[arg-type]
            self._local.backend = b
            with self._lock:
                self._readers.append(b)
        return b

    @property
    def writer(self) -> Backend:
        if not self.writable:
            raise StoreError("the store is open read-only; restart the server with RASD_API_TOKEN set "
                             "(or without --read-only) to ingest")
        return self._root

    def close(self) -> None:
        with self._lock:
            for b in self._readers:
                try:
                    b.close()
                except Exception:  # noqa: BLE001 - closing at shutdown; nothing left to do
                    log.debug("closing a reader failed", exc_info=True)
            self._readers.clear()
        self._root.close()


# ------------------------------------------------------------------ events (keyset pages)

_ORDER = "e.event_date DESC NULLS LAST, e.doc_id, e.doc_key, e.seq"


def encode_cursor(date: Any, doc_id: str, doc_key: str, seq: int) -> str:
    d = date.isoformat() if isinstance(date, dt.date) else date
    raw = json.dumps([d, doc_id, doc_key, seq], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, str, str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        d, doc_id, doc_key, seq = json.loads(raw.decode("utf-8"))
        if d is not None:
            dt.date.fromisoformat(d)
        if not (isinstance(doc_id, str) and isinstance(doc_key, str) and isinstance(seq, int)):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ConfigError("cursor is not one this server issued; start again without it") from None
    return d, doc_id, doc_key, seq


def _after(cursor: tuple[str | None, str, str, int]) -> tuple[str, list[Any]]:
    """Rows after ``cursor`` in :data:`_ORDER`."""
    d, doc_id, doc_key, seq = cursor
    tail = "(e.doc_id > ? OR (e.doc_id = ? AND (e.doc_key > ? OR (e.doc_key = ? AND e.seq > ?))))"
    tail_params: list[Any] = [doc_id, doc_id, doc_key, doc_key, seq]
    if d is None:
        return f"(e.event_date IS NULL AND {tail})", tail_params
    return (f"(e.event_date < CAST(? AS DATE) OR e.event_date IS NULL OR "
            f"(e.event_date = CAST(? AS DATE) AND {tail}))", [d, d, *tail_params])


def event_page(db: Backend, f: Filters, *, limit: int, cursor: str | None = None) -> tuple[
        list[tuple[str, int, str]], str | None]:
    """One page of matching events, newest first: (doc_key, seq, record JSON) each, and the
    next cursor (None on the last page)."""
    w, params = where(f)
    if cursor:
        cond, more = _after(decode_cursor(cursor))
        w = (w + " AND " if w else "WHERE ") + cond
        params = params + more
    # One query: DuckDB sorts on the small key columns and fetches the JSON records of the
    # top rows only (late materialization), which beats a second lookup by key.
    rows = db.fetchall(f"SELECT e.event_date, e.doc_id, e.doc_key, e.seq, e.record FROM events e {w} "
                       f"ORDER BY {_ORDER} LIMIT {int(limit) + 1}", params)
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode_cursor(*rows[-1][:4])
    return [(doc_key, seq, rec) for _, _, doc_key, seq, rec in rows], nxt


def count_events(db: Backend, f: Filters) -> int:
    w, params = where(f)
    return int(db.fetchall(f"SELECT COUNT(*) FROM events e {w}", params)[0][0])


# ------------------------------------------------------------------ documents


def find_document(db: Backend, ident: str) -> dict[str, Any] | None:
    """The stored document whose id (or content key) is ``ident``, with sentences and events."""
    cols = ("doc_key", "doc_id", "pub_date", "source", "title", "url", "text", "lexicon", "coder")
    sel = ", ".join(cols)
    rows = db.fetchall(f"SELECT {sel} FROM documents WHERE doc_id = ? ORDER BY doc_key LIMIT 2", [ident])
    if not rows:
        rows = db.fetchall(f"SELECT {sel} FROM documents WHERE doc_key = ?", [ident])
    if not rows:
        return None
    doc = dict(zip(cols, rows[0]))
    if isinstance(doc["pub_date"], dt.date):
        doc["pub_date"] = doc["pub_date"].isoformat()
    doc["ambiguous_id"] = len(rows) > 1
    key, text = doc["doc_key"], doc["text"]
    doc["sentences"] = [{"index": i, "span": [s, e], "text": text[s:e]} for i, s, e in db.fetchall(
        "SELECT sentence_index, start_char, end_char FROM sentences WHERE doc_key = ? ORDER BY sentence_index", [key])]
    doc["events"] = [json.loads(r[0]) for r in db.fetchall(
        "SELECT record FROM events WHERE doc_key = ? ORDER BY seq", [key])]
    return doc


def spans_of(text: str, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every actor, trigger and place span the events cite, once each, with the events citing it.

    ``kind`` is ``actor``, ``trigger`` or ``place``; ``role`` says how the events use it
    (source, target, attributed_to). Spans that do not index ``text`` are left out."""
    found: dict[tuple[int, int, str], dict[str, Any]] = {}

    def add(obj: Any, kind: str, role: str, i: int) -> None:
        if not isinstance(obj, dict):
            return
        span = obj.get("span")
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            return
        s, e = span
        if not (0 <= s < e <= len(text)):
            return
        item = found.setdefault((s, e, kind), {"start": s, "end": e, "kind": kind, "text": text[s:e],
                                               "label": None, "roles": [], "events": []})
        if role not in item["roles"]:
            item["roles"].append(role)
        if i not in item["events"]:
            item["events"].append(i)
        if kind == "actor" and not item["label"]:
            item["label"] = obj.get("code") and f"{obj.get('name') or ''} {obj.get('code')}".strip()
        elif kind == "place" and not item["label"]:
            item["label"] = obj.get("name")
        elif kind == "trigger" and not item["label"]:
            item["label"] = None

    for i, r in enumerate(events):
        add(r.get("source"), "actor", "source", i)
        add(r.get("target"), "actor", "target", i)
        add(r.get("attributed_to"), "actor", "attributed_to", i)
        add(r.get("trigger"), "trigger", "trigger", i)
        for t in r.get("other_triggers") or ():
            add(t, "trigger", "trigger", i)
        add(r.get("location"), "place", "location", i)
    return sorted(found.values(), key=lambda x: (x["start"], -x["end"], x["kind"]))


# ------------------------------------------------------------------ places


def places(db: Backend, f: Filters, *, top: int) -> list[dict[str, Any]]:
    """Event locations with coordinates: count, Goldstein sum and quad-class counts per place."""
    w, params = where(f)
    cond = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    w = (w + " AND " if w else "WHERE ") + cond
    q = ", ".join(f"SUM(CASE WHEN e.quad_class = {i} THEN 1 ELSE 0 END) AS q{i}" for i in (1, 2, 3, 4))
    cols, rows = db.query(
        f"SELECT e.place_name, e.place_country, ROUND(CAST(e.lat AS NUMERIC), 4) AS lat, "
        f"ROUND(CAST(e.lon AS NUMERIC), 4) AS lon, COUNT(*) AS events, "
        f"ROUND(CAST(SUM(e.goldstein) AS NUMERIC), 2) AS goldstein_sum, {q} FROM events e {w} "
        f"GROUP BY 1, 2, 3, 4 ORDER BY events DESC, 1 LIMIT {int(top)}", params)
    out = []
    for r in rows:
        d = dict(zip(cols, r))
        out.append({"name": d["place_name"], "country": d["place_country"], "lat": float(d["lat"]),
                    "lon": float(d["lon"]), "events": int(d["events"]),
                    "goldstein_sum": float(d["goldstein_sum"] or 0),
                    "quad_counts": [int(d[f"q{i}"] or 0) for i in (1, 2, 3, 4)]})
    return out


# ------------------------------------------------------------------ ingest


def ingest_documents(store: Store, nlp: Any, docs: Sequence[Document]) -> dict[str, Any]:
    """Code and store posted documents as one batch (one transaction), skipping stored ones."""
    from rasd.store.dedup import recompute_groups
    from rasd.store.ingest import (actor_rows, code_one, doc_key, document_row, error_row, event_row,
                                   sentence_rows, stored_keys, write_batch)

    with store.write_lock:
        db = store.writer
        keyed: dict[str, Document] = {}
        for d in docs:
            keyed.setdefault(doc_key(d.text), d)
        have = stored_keys(db, list(keyed))
        report: dict[str, Any] = {"read": len(docs), "coded": 0, "duplicates": len(docs) - len(keyed) + len(have),
                                  "skipped": 0, "events": 0, "documents": [], "errors": []}
        doc_rows: list[tuple[Any, ...]] = []
        sent_rows: list[tuple[Any, ...]] = []
        ev_rows: list[tuple[Any, ...]] = []
        errors: list[tuple[Any, ...]] = []
        records: list[dict[str, Any]] = []
        for key, d in keyed.items():
            if key in have:
                report["documents"].append({"id": d.id, "doc_key": key, "status": "duplicate", "events": None})
                continue
            res = code_one(nlp, d)
            if res.records is None:
                report["skipped"] += 1
                report["errors"].append(f"{d.id}: coding failed: {res.error}")
                report["documents"].append({"id": d.id, "doc_key": key, "status": "failed", "events": None})
                errors.append(error_row("code", "api", None, d.id, res.error or "?"))
                continue
            doc_rows.append(document_row(key, d, "api", len(res.sentences), len(res.records), nlp.lexicon.short_version,
                                         nlp.coder))
            sent_rows += sentence_rows(key, d.text, res.sentences)
            ev_rows += [event_row(key, i, r) for i, r in enumerate(res.records)]
            records += res.records
            report["coded"] += 1
            report["events"] += len(res.records)
            report["documents"].append({"id": d.id, "doc_key": key, "status": "coded", "events": len(res.records)})
        if doc_rows or errors:
            write_batch(db, doc_rows, sent_rows, actor_rows(records), ev_rows, errors)
        if doc_rows:
            recompute_groups(db, None)
    return report
