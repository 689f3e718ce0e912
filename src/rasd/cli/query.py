"""``rasd query``: find stored events by actor, type, date, place, text and flags."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rasd.cli.ingest import add_db_arg


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_filter_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (repeat an option or give a comma list for OR; different options AND)")
    for name, help_ in (
        ("source-country", "ISO3 country of the source actor (RUS)"),
        ("target-country", "ISO3 country of the target actor"),
        ("country", "ISO3 country on either side"),
        ("source-sector", "sector of the source (GOV, MIL, REB, …)"),
        ("target-sector", "sector of the target"),
        ("sector", "sector on either side"),
        ("actor", "actor id (Wikidata QID) or actor code (RUSGOV) on either side"),
        ("type", "PLOVER event type (CONSULT, ASSAULT, …)"),
        ("cameo", "CAMEO code prefix (04, 190)"),
        ("doc-id", "document id"),
    ):
        g.add_argument(f"--{name}", action="append", type=_list, default=[], metavar="X", help=help_)
    g.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    g.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")
    g.add_argument("--place", help="place name (substring, English) or ISO3 country of the location")
    g.add_argument("--text", help="Arabic text in the event's sentence or trigger")
    for flag in ("negated", "future", "hypothetical"):
        g.add_argument(f"--{flag}", action=argparse.BooleanOptionalAction, default=None,
                       help=f"only {flag} events (--no-{flag}: only events that are not)")


def filters_from_args(args: argparse.Namespace) -> Any:
    from rasd.store.query import Filters

    def flat(name: str) -> tuple[str, ...]:
        return tuple(v for vals in getattr(args, name) for v in vals)

    return Filters(
        source_country=flat("source_country"), target_country=flat("target_country"), country=flat("country"),
        source_sector=flat("source_sector"), target_sector=flat("target_sector"), sector=flat("sector"),
        actor=flat("actor"), event_type=flat("type"), cameo=flat("cameo"), doc_id=flat("doc_id"),
        since=args.since, until=args.until, place=args.place, text=args.text,
        negated=args.negated, future=args.future, hypothetical=args.hypothetical,
    ).validate()


def add_output_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "csv", "jsonl", "parquet"), default=None,
                   help="output format (default: table on a terminal, else csv)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")


def output_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output != "-" and args.output.endswith((".csv", ".jsonl", ".parquet")):
        return args.output.rsplit(".", 1)[1]
    return "table" if args.output == "-" and sys.stdout.isatty() else "csv"


def register(sub: Any) -> None:
    p = sub.add_parser("query", help="find stored events (filters, table/csv/jsonl/parquet)",
                       description="List stored events matching all the given filters, newest first. "
                                   "jsonl gives whole SCHEMA.md records; table, csv and parquet give flat columns.")
    add_db_arg(p)
    add_filter_args(p)
    add_output_args(p)
    p.add_argument("--limit", type=int, default=None, help="at most N events (default 50 in a table, else all)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.store import check_schema, connect
    from rasd.store.export import public
    from rasd.store.output import write_rows
    from rasd.store.query import TABLE_COLUMNS, select_events

    f = filters_from_args(args)
    fmt = output_format(args)
    limit = args.limit if args.limit is not None else (50 if fmt == "table" else None)
    with connect(args.db, read_only=True) as db:
        check_schema(db)
        if fmt == "jsonl":
            import json

            from rasd.store.export import iter_events

            out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
            try:
                for i, r in enumerate(iter_events(db, f)):
                    if limit is not None and i >= limit:
                        break
                    out.write(json.dumps(public(r), ensure_ascii=False, separators=(",", ":")) + "\n")
            finally:
                if out is not sys.stdout:
                    out.close()
            return 0
        cols, rows = select_events(db, f, limit=limit)
    write_rows(TABLE_COLUMNS, rows, fmt, args.output)
    return 0
