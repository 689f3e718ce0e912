"""Filters, event queries and aggregates over the store, as portable SQL.

:class:`Filters` is what ``rasd query``, ``rasd stats`` and ``rasd export`` share; it turns
into one WHERE clause with bound parameters (never string-pasted values).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import ConfigError
from rasd.store.backend import Backend

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Filters:
    source_country: tuple[str, ...] = ()
    target_country: tuple[str, ...] = ()
    country: tuple[str, ...] = ()          # either side
    source_sector: tuple[str, ...] = ()
    target_sector: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()           # either side
    actor: tuple[str, ...] = ()            # actor id (QID) or actor code, either side
    event_type: tuple[str, ...] = ()
    cameo: tuple[str, ...] = ()            # prefixes
    since: str | None = None
    until: str | None = None
    place: str | None = None
    text: str | None = None
    negated: bool | None = None
    future: bool | None = None
    hypothetical: bool | None = None
    doc_id: tuple[str, ...] = ()
    lexicon: str | None = None
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=())

    def validate(self) -> "Filters":
        for name in ("since", "until"):
            v = getattr(self, name)
            if v is not None and not _DATE.match(v):
                raise ConfigError(f"--{name} must be YYYY-MM-DD, got {v!r}")
        return self


def _in(column: str, values: Sequence[str], upper: bool = True) -> tuple[str, list[Any]]:
    vals = [v.upper() if upper else v for v in values]
    return f"{column} IN ({', '.join('?' * len(vals))})", vals


def where(f: Filters, alias: str = "e") -> tuple[str, list[Any]]:
    """``WHERE …`` (or an empty string) and its parameters."""
    f.validate()
    a = alias + "."
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, vals: Sequence[Any] = ()) -> None:
        parts.append(sql)
        params.extend(vals)

    for side_field in ("country", "sector"):  # source_X, target_X, and X on either side
        if getattr(f, "source_" + side_field):
            add(*_in(a + "source_" + side_field, getattr(f, "source_" + side_field)))
        if getattr(f, "target_" + side_field):
            add(*_in(a + "target_" + side_field, getattr(f, "target_" + side_field)))
        if getattr(f, side_field):
            s1, v1 = _in(a + "source_" + side_field, getattr(f, side_field))
            s2, v2 = _in(a + "target_" + side_field, getattr(f, side_field))
            add(f"({s1} OR {s2})", v1 + v2)
    if f.actor:
        vals = list(f.actor)
        m = ", ".join("?" * len(vals))
        add(f"({a}source_actor IN ({m}) OR {a}target_actor IN ({m}) OR {a}source_code IN ({m}) "
            f"OR {a}target_code IN ({m}))", vals * 4)
    if f.event_type:
        add(*_in(a + "event_type", f.event_type))
    if f.cameo:
        add("(" + " OR ".join(f"{a}cameo LIKE ?" for _ in f.cameo) + ")", [c + "%" for c in f.cameo])
    if f.since:
        add(f"{a}event_date >= CAST(? AS DATE)", [f.since])
    if f.until:
        add(f"{a}event_date <= CAST(? AS DATE)", [f.until])
    if f.place:
        add(f"(LOWER({a}place_name) LIKE ? OR {a}place_country = ?)", [f"%{f.place.lower()}%", f.place.upper()])
    if f.text:
        add(f"({a}trigger_text LIKE ? OR EXISTS (SELECT 1 FROM sentences s WHERE s.doc_key = {a}doc_key "
            f"AND s.sentence_index = {a}sentence_index AND s.text LIKE ?))", [f"%{f.text}%", f"%{f.text}%"])
    for flag in ("negated", "future", "hypothetical"):
        v = getattr(f, flag)
        if v is not None:
            add(f"{a}{flag} = ?", [v])
    if f.doc_id:
        add(*_in(a + "doc_id", f.doc_id, upper=False))
    if f.lexicon:
        add(f"{a}lexicon = ?", [f.lexicon])
    return (("WHERE " + " AND ".join(parts)) if parts else ""), params


EVENT_ORDER = "e.doc_id, e.doc_key, e.seq"

# Columns of the readable table and of flat (csv/parquet) query output.
TABLE_COLUMNS = ("event_date", "event_type", "cameo", "source_code", "target_code", "goldstein", "quad_class",
                 "flags", "place_name", "doc_id", "sentence_index", "trigger_text", "event_id")


def select_events(db: Backend, f: Filters, *, limit: int | None = None, order: str = "date") -> tuple[
        list[str], list[tuple[Any, ...]]]:
    """Flat rows of matching events: newest first (``order="date"``) or in export order."""
    w, params = where(f)
    ob = ("e.event_date DESC NULLS LAST, " + EVENT_ORDER) if order == "date" else EVENT_ORDER
    sql = (
        "SELECT e.event_date, e.event_type, e.cameo, e.source_code, e.target_code, e.goldstein, e.quad_class, "
        "CONCAT(CASE WHEN e.negated THEN '!' ELSE '' END, CASE WHEN e.future THEN '~' ELSE '' END, "
        "CASE WHEN e.hypothetical THEN '?' ELSE '' END) AS flags, e.place_name, e.doc_id, e.sentence_index, "
        f"e.trigger_text, e.event_id FROM events e {w} ORDER BY {ob}"
    )
    return db.query(_limited(sql, limit), params)


def select_records(db: Backend, f: Filters, *, limit: int | None = None) -> list[tuple[Any, ...]]:
    """(record JSON, dedup_group_id, num_events, num_articles, num_sources, doc source, url, pub_date,
    title) of matching events in export order."""
    w, params = where(f)
    sql = (
        "SELECT e.record, g.dedup_group_id, dg.num_events, dg.num_articles, dg.num_sources, d.source, d.url, "
        "d.pub_date, d.title FROM events e JOIN documents d ON d.doc_key = e.doc_key "
        "LEFT JOIN event_groups g ON g.doc_key = e.doc_key AND g.seq = e.seq "
        f"LEFT JOIN dedup_groups dg ON dg.dedup_group_id = g.dedup_group_id {w} ORDER BY {EVENT_ORDER}"
    )
    return db.fetchall(_limited(sql, limit), params)


def _limited(sql: str, limit: int | None) -> str:
    return sql if limit is None else f"{sql} LIMIT {int(limit)}"


# ------------------------------------------------------------------ stats

_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_GROUPS = {
    "dyad": ("COALESCE(e.source_code, '-')", "COALESCE(e.target_code, '-')"),
    "source": ("COALESCE(e.source_code, '-')",),
    "target": ("COALESCE(e.target_code, '-')",),
    "country-dyad": ("COALESCE(e.source_country, '-')", "COALESCE(e.target_country, '-')"),
    "actor": ("COALESCE(e.source_actor, e.source_code, '-')",),
    "type": ("e.event_type",),
    "quad": ("CAST(e.quad_class AS TEXT)",),
}
_GROUP_NAMES = {"dyad": ("source", "target"), "source": ("source",), "target": ("target",),
                "country-dyad": ("source_country", "target_country"), "actor": ("actor",), "type": ("event_type",),
                "quad": ("quad_class",)}
STAT_COLUMNS = ("events", "goldstein_sum", "goldstein_mean", "q1_share", "q2_share", "q3_share", "q4_share")


def stats(db: Backend, f: Filters, by: Sequence[str] = (), *, top: int | None = None,
          asserted_only: bool = False) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Counts, Goldstein sum/mean and quad-class shares, grouped by ``by`` (period names
    day/week/month/year and/or dyad, source, target, country-dyad, actor, type, quad)."""
    if asserted_only and f.negated is None:
        f = Filters(**{**f.__dict__, "negated": False})
    w, params = where(f)
    keys: list[str] = []
    names: list[str] = []
    period = None
    for b in by:
        if b in _PERIODS:
            if period is not None:
                raise ConfigError("give at most one period in --by")
            period = b
            keys.append(f"CAST(date_trunc('{_PERIODS[b]}', e.event_date) AS DATE)")
            names.append(b)
        elif b in _GROUPS:
            keys.extend(_GROUPS[b])
            names.extend(_GROUP_NAMES[b])
        else:
            raise ConfigError(f"unknown --by {b!r}: use day, week, month, year, "
                              f"{', '.join(_GROUPS)}")
    if period is not None:
        w = (w + " AND " if w else "WHERE ") + "e.event_date IS NOT NULL"
    aggs = ("COUNT(*) AS events, ROUND(CAST(SUM(e.goldstein) AS NUMERIC), 2) AS goldstein_sum, "
            "ROUND(CAST(AVG(e.goldstein) AS NUMERIC), 2) AS goldstein_mean, "
            + ", ".join(f"ROUND(CAST(AVG(CASE WHEN e.quad_class = {q} THEN 1.0 ELSE 0.0 END) AS NUMERIC), 3) "
                        f"AS q{q}_share" for q in (1, 2, 3, 4)))
    select = ", ".join(f"{k} AS {n}" for k, n in zip(keys, names))
    sql = f"SELECT {select + ', ' if select else ''}{aggs} FROM events e {w}"
    if keys:
        gb = ", ".join(str(i + 1) for i in range(len(keys)))
        sql += f" GROUP BY {gb}"
        if period is not None:
            sql += " ORDER BY " + ", ".join(str(i + 1) for i in range(len(keys)))
        else:
            sql += f" ORDER BY events DESC, {gb}"
    if top is not None:
        sql += f" LIMIT {int(top)}"
    cols, rows = db.query(sql, params)
    return cols, [tuple(float(v) if _is_decimal(v) else v for v in r) for r in rows]


def _is_decimal(v: Any) -> bool:
    return type(v).__name__ == "Decimal"
