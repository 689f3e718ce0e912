"""``rasd recode``: re-code stored documents after a lexicon change and report what changed."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rasd.cli.ingest import add_db_arg


def register(sub: Any) -> None:
    p = sub.add_parser("recode", help="re-code stored documents coded with another lexicon version",
                       description="Re-code every stored document whose lexicon version differs from the current "
                                   "one (all with --all), replace its events and report events added, removed "
                                   "and changed (same event_id, different record).")
    add_db_arg(p)
    p.add_argument("--all", action="store_true", help="re-code every document, whatever its lexicon version")
    p.add_argument("--details", metavar="FILE", help="write each change as a JSON line to FILE")
    p.add_argument("--batch-size", type=int, default=64, help="documents per committed batch")
    p.add_argument("--dedup-window", type=int, default=None, metavar="DAYS", help="see `rasd ingest`")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.store import check_schema, connect, recode

    with connect(args.db) as db:
        check_schema(db)
        report = recode(db, everything=args.all, batch_size=args.batch_size, dedup_window=args.dedup_window,
                        keep_details=bool(args.details))
    if args.details:
        with open(args.details, "w", encoding="utf-8") as fh:
            for d in report.details:
                fh.write(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"rasd: {report.line()}", file=sys.stdout)
    return 1 if report.failed else 0
