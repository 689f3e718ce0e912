"""``rasd stats``: counts, Goldstein sums and quad-class shares by period, dyad or actor."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rasd.cli.ingest import add_db_arg
from rasd.cli.query import add_filter_args, add_output_args, filters_from_args, output_format


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="aggregate stored events by day/week/month, dyad, actor or type",
                       description="Event counts, Goldstein sum and mean, and the share of each quad class "
                                   "(1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict), "
                                   "grouped by --by. Without --by: totals, then the top dyads.")
    add_db_arg(p)
    add_filter_args(p)
    add_output_args(p)
    p.add_argument("--by", default="", metavar="KEYS",
                   help="comma list: one of day, week, month, year and/or dyad, country-dyad, source, target, "
                        "actor, type, quad")
    p.add_argument("--dyad", nargs=2, metavar=("SOURCE", "TARGET"),
                   help="shortcut for --source-country SOURCE --target-country TARGET")
    p.add_argument("--top", type=int, default=None, help="at most N rows (groups by count, largest first)")
    p.add_argument("--asserted", action="store_true", help="leave out negated events")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.store import check_schema, connect
    from rasd.store.output import write_rows
    from rasd.store.query import stats

    if args.dyad:
        args.source_country.append([args.dyad[0]])
        args.target_country.append([args.dyad[1]])
    f = filters_from_args(args)
    fmt = output_format(args)
    by = [b.strip() for b in args.by.split(",") if b.strip()]
    with connect(args.db, read_only=True) as db:
        check_schema(db)
        cols, rows = stats(db, f, by, top=args.top, asserted_only=args.asserted)
        if by:
            write_rows(cols, rows, fmt, args.output)
            return 0
        top = stats(db, f, ["dyad"], top=args.top or 10, asserted_only=args.asserted)
    if fmt == "table":
        write_rows(cols, rows, fmt, args.output)
        sys.stdout.write("\ntop dyads\n")
        write_rows(*top, fmt, "-")
    else:
        write_rows(cols, rows, fmt, args.output)
    return 0
