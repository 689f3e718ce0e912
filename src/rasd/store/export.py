"""Exports of stored events: JSONL per SCHEMA.md, CSV, Parquet, and column-compatible
GDELT 2.0 / ICEWS / POLECAT tables whose column mappings are data (``data/*.tsv``).

Every export is ordered by (doc_id, document key, event order in the document), so the
same store gives the same bytes whatever the ingest order, engine or crash history.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from typing import IO, Any

from rasd.errors import ConfigError
from rasd.io.writers import CSV_COLUMNS, flatten_record
from rasd.store.backend import Backend
from rasd.store.query import Filters, select_records

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "icews", "polecat")
MAPPED = ("gdelt", "icews", "polecat")
EXTRA_COLUMNS = ("dedup_group_id", "num_articles", "num_sources", "doc_source", "doc_url", "pub_date")


def _date(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, dt.date) else str(v)[:10]


def iter_events(db: Backend, f: Filters, *, one_a_day: bool = False) -> Iterator[dict[str, Any]]:
    """Each stored event as its SCHEMA.md record plus ``dedup_group_id``, ``num_articles``,
    ``num_sources`` (and ``_doc`` / ``_group`` context for the mapped formats)."""
    rows = select_records(db, f)
    events = (_event(r) for r in rows)
    yield from (_one_a_day(events) if one_a_day else events)


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    rec_json, gid, n_events, n_articles, n_sources, source, url, pub_date, title = row
    r = json.loads(rec_json)
    r["dedup_group_id"] = gid
    r["num_articles"] = n_articles
    r["num_sources"] = n_sources
    r["_doc"] = {"source": source, "url": url, "pub_date": _date(pub_date), "title": title}
    r["_group"] = {"num_events": n_events, "num_articles": n_articles, "num_sources": n_sources}
    return r


def _one_a_day(events: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Phoenix's one-a-day filter: one event per (date, source code, target code, CAMEO code),
    the first in export order; counts cover the reports merged into it."""
    firsts: dict[tuple[Any, ...], dict[str, Any]] = {}
    docs: dict[tuple[Any, ...], set[str]] = {}
    outlets: dict[tuple[Any, ...], set[str]] = {}
    for r in events:
        key = (r.get("date") or r["_doc"]["pub_date"], (r.get("source") or {}).get("code"),
               (r.get("target") or {}).get("code"), r.get("cameo"))
        if key not in firsts:
            firsts[key] = r
        docs.setdefault(key, set()).add(r["doc_id"])
        outlets.setdefault(key, set()).add(r["_doc"]["source"] or "doc:" + r["doc_id"])
    for key, r in firsts.items():
        r["num_articles"] = r["_group"]["num_articles"] = len(docs[key])
        r["num_sources"] = r["_group"]["num_sources"] = len(outlets[key])
        r["_group"]["num_events"] = len(docs[key])
        yield r


def public(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if not k.startswith("_")}


def flat_row(r: dict[str, Any]) -> list[Any]:
    d = r["_doc"]
    return [*flatten_record(r), r.get("dedup_group_id"), r.get("num_articles"), r.get("num_sources"),
            d["source"], d["url"], d["pub_date"]]


FLAT_COLUMNS = (*CSV_COLUMNS, *EXTRA_COLUMNS)


# ------------------------------------------------------------------ mapped formats

@functools.cache
def _country_names() -> dict[str, str]:
    text = resources.files("rasd.lexicon").joinpath("data/countries.jsonl").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip():
            obj = json.loads(line)
            out[obj["iso3"]] = obj["name"]
    return out


@functools.cache
def _cameo_names() -> dict[str, str]:
    from rasd.codebook.cameo import load_codebook

    return {c: e.name for c, e in load_codebook().codes.items()}


def _cameo_name(code: Any) -> Any:
    names = _cameo_names()
    c = str(code or "")
    while c and c not in names:
        c = c[:-1]
    return names.get(c)


def _fraction(v: Any) -> Any:
    d = dt.date.fromisoformat(str(v)[:10])
    return f"{d.year + d.timetuple().tm_yday / 365:.4f}"


_QUADS = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}
_GEOTYPE = {"country": 1, "city": 4, "region": 5, "province": 5, "state": 5}


def _nth(i: int) -> Callable[[Any], Any]:
    return lambda v: v[i] if isinstance(v, list) and len(v) > i else None


FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "yyyymmdd": lambda v: str(v)[:10].replace("-", ""),
    "yearmonth": lambda v: str(v)[:7].replace("-", ""),
    "year": lambda v: str(v)[:4],
    "fraction": _fraction,
    "datetime14": lambda v: str(v)[:10].replace("-", "") + "000000",
    "root": lambda v: str(v)[:2],
    "base": lambda v: str(v)[:3],
    "nth0": _nth(0), "nth1": _nth(1), "nth2": _nth(2),
    "join_comma": lambda v: ",".join(v) if isinstance(v, list) else v,
    "join_semicolon": lambda v: ";".join(v) if isinstance(v, list) else v,
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "is_zero": lambda v: 1 if v == 0 else 0,
    "plus1": lambda v: int(v) + 1,
    "quad_name": lambda v: _QUADS.get(v),
    "country_name": lambda v: _country_names().get(v, v),
    "cameo_name": _cameo_name,
    "gdelt_geotype": lambda v: _GEOTYPE.get(v, 4),
    "city": lambda v: v.get("name") if isinstance(v, dict) and v.get("feature") == "city" else None,
    "province": lambda v: v.get("name") if isinstance(v, dict) and v.get("feature") in ("region", "province",
                                                                                        "state") else None,
    "version": lambda v: f"{v.get('coder')} lexicon {v.get('lexicon')}" if isinstance(v, dict) else None,
}


@functools.cache
def mapping(fmt: str) -> tuple[tuple[str, str], ...]:
    """(column, value expression) pairs of a mapped format, from ``data/<fmt>.tsv``."""
    text = resources.files("rasd.store").joinpath(f"data/{fmt}.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0][:2] == ["column", "value"], f"{fmt}.tsv: bad header"
    out = []
    for n, parts in enumerate(rows[1:], start=2):
        expr = parts[1] if len(parts) > 1 else ""
        for fn in expr.split("|")[1:]:
            if fn not in FUNCTIONS:
                raise ConfigError(f"{fmt}.tsv:{n}: unknown function {fn!r}")
        out.append((parts[0], expr))
    return tuple(out)


def evaluate(expr: str, r: dict[str, Any]) -> Any:
    if not expr:
        return None
    if expr.startswith("'") and expr.endswith("'"):
        return expr[1:-1]
    path, *fns = expr.split("|")
    v: Any = r
    for part in path.split("."):
        part = {"doc": "_doc", "group": "_group"}.get(part, part) if v is r else part
        v = v.get(part) if isinstance(v, dict) else None
        if v is None:
            return None
    for fn in fns:
        v = FUNCTIONS[fn](v)
        if v is None:
            return None
    return v


def _tsv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v).replace("\t", " ").replace("\n", " ")


# ------------------------------------------------------------------ driver

def export(db: Backend, fmt: str, output: str = "-", f: Filters | None = None, *, one_a_day: bool = False,
           header: bool | None = None) -> int:
    """Write the matching events in ``fmt``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")
    f = f or Filters()
    events = iter_events(db, f, one_a_day=one_a_day)
    if fmt == "parquet":
        from rasd.store.output import write_parquet

        if output == "-":
            raise ConfigError("parquet output needs a file: add -o FILE.parquet")
        return write_parquet(FLAT_COLUMNS, [flat_row(r) for r in events], output)
    stream: IO[str] = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    n = 0
    try:
        if fmt == "jsonl":
            for r in events:
                stream.write(json.dumps(public(r), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
                             + "\n")
                n += 1
        elif fmt == "csv":
            from rasd.io.writers import _cell

            w = csv.writer(stream, lineterminator="\n")
            w.writerow(FLAT_COLUMNS)
            for r in events:
                w.writerow([_cell(v) for v in flat_row(r)])
                n += 1
        else:
            cols = mapping(fmt)
            if header if header is not None else fmt != "gdelt":
                stream.write("\t".join(c for c, _ in cols) + "\n")
            for r in events:
                stream.write("\t".join(_tsv_cell(evaluate(e, r)) for _, e in cols) + "\n")
                n += 1
    finally:
        if stream is not sys.stdout:
            stream.close()
        else:
            stream.flush()
    return n
