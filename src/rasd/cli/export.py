"""``rasd export``: stored events as JSONL (SCHEMA.md), CSV, Parquet, GDELT 2.0, ICEWS or POLECAT."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rasd.cli.ingest import add_db_arg
from rasd.cli.query import add_filter_args, filters_from_args


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export stored events (jsonl, csv, parquet, gdelt, icews, polecat)",
                       description="Write stored events in a deterministic order (doc_id, then position). jsonl: "
                                   "SCHEMA.md records plus dedup_group_id, num_articles, num_sources. gdelt/icews/"
                                   "polecat: column-compatible tab-separated tables (docs/store.md).")
    add_db_arg(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "gdelt", "icews", "polecat"), default="jsonl")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument("--one-a-day", action="store_true",
                   help="one event per (date, source code, target code, CAMEO code), as Phoenix's filter")
    p.add_argument("--header", action=argparse.BooleanOptionalAction, default=None,
                   help="header row for gdelt/icews/polecat (default: none for gdelt, as its files; else yes)")
    add_filter_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.store import check_schema, connect, export

    f = filters_from_args(args)
    with connect(args.db, read_only=True) as db:
        check_schema(db)
        n = export(db, args.format, args.output, f, one_a_day=args.one_a_day, header=args.header)
    if args.output != "-":
        print(f"rasd: {n} events written to {args.output}", file=sys.stderr)
    return 0
