"""Duplicate reports: events of one dyad and type close in time form a ``dedup_group_id``.

Events with the same source code, target code and event type are sorted by date; a group
runs on while each event falls within ``window`` days of the one before it (a chain, like
GDELT's clustering of mentions), and ends at the first longer gap. Events without a date are
groups of their own. Each group counts its events, distinct articles (documents) and
distinct sources (outlets; a document without one counts as its own source).

Groups are recomputed from the whole store, so the result does not depend on the order in
which documents were ingested, nor on a crash and resume.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from rasd.store import schema
from rasd.store.backend import Backend

DEFAULT_WINDOW = 1
META_KEY = "dedup_window_days"


def _gid(*parts: object) -> str:
    return "g" + hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:19]


def group_rows(rows: list[tuple[Any, ...]], window: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``rows``: (doc_key, seq, source_code, target_code, event_type, event_date, outlet), sorted by
    (source_code, target_code, event_type, event_date, doc_key, seq) with undated rows last in each dyad.
    Returns (event_groups rows, dedup_groups rows)."""
    members: list[tuple[Any, ...]] = []
    groups: list[tuple[Any, ...]] = []
    cur: list[tuple[Any, ...]] = []

    def close() -> None:
        if not cur:
            return
        first = cur[0]
        gid = _gid(first[2], first[3], first[4], first[5], first[0], first[1])
        docs = {r[0] for r in cur}
        outlets = {r[6] if r[6] is not None else "doc:" + r[0] for r in cur}
        members.extend((r[0], r[1], gid) for r in cur)
        groups.append((gid, first[4], first[2], first[3], first[5], cur[-1][5], len(cur), len(docs), len(outlets)))
        cur.clear()

    prev: tuple[Any, ...] | None = None
    for r in rows:
        date = r[5]
        same = (prev is not None and prev[2:5] == r[2:5] and date is not None and prev[5] is not None
                and (date - prev[5]).days <= window)
        if not same:
            close()
        cur.append(r)
        prev = r
    close()
    return members, groups


def recompute_groups(db: Backend, window: int | None = None) -> int:
    """Regroup every stored event; returns the number of groups. ``window`` (days) defaults to
    the value stored by the last run, else :data:`DEFAULT_WINDOW`, and is remembered."""
    if window is None:
        stored = schema.get_meta(db, META_KEY)
        window = int(stored) if stored is not None else DEFAULT_WINDOW
    rows = db.fetchall(
        "SELECT e.doc_key, e.seq, COALESCE(e.source_code, ''), COALESCE(e.target_code, ''), e.event_type, "
        "e.event_date, d.source FROM events e JOIN documents d ON d.doc_key = e.doc_key "
        "ORDER BY 3, 4, 5, e.event_date NULLS LAST, e.doc_key, e.seq")
    rows = [(*r[:5], _as_date(r[5]), r[6]) for r in rows]
    members, groups = group_rows(rows, window)
    with db.transaction():
        db.execute("DELETE FROM event_groups")
        db.execute("DELETE FROM dedup_groups")
        db.insert("event_groups", schema.EVENT_GROUP_COLUMNS, members)
        db.insert("dedup_groups", schema.GROUP_COLUMNS, groups)
        schema.set_meta(db, META_KEY, str(window))
    return len(groups)


def _as_date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])
