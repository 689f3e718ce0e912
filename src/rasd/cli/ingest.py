"""``rasd ingest``: code documents into the event store (DuckDB file or PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

DB_HELP = "store: a DuckDB file (default ./rasd.duckdb, or $RASD_DB) or a postgresql:// URL"


def add_db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="PATH|URL", help=DB_HELP)


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="code documents and store them (documents, sentences, actors, events)",
                       description="Read .txt directories, JSONL, CSV, JSON, zip archives, RSS/Atom and HTML; code "
                                   "each new document (keyed by a hash of its text) and store it in batches, each "
                                   "one transaction. Re-running adds nothing; a killed run resumes.")
    p.add_argument("inputs", nargs="+", metavar="SOURCE", help="files or directories ('-' for stdin)")
    add_db_arg(p)
    p.add_argument("--batch-size", type=int, default=256, help="documents per committed batch (default 256)")
    p.add_argument("--workers", type=int, default=1, help="coding processes (default 1)")
    p.add_argument("--date", help="publication date YYYY-MM-DD for documents that carry none")
    p.add_argument("--max-chars", type=int, default=10_000_000, help="longest document accepted")
    p.add_argument("--dedup-window", type=int, default=None, metavar="DAYS",
                   help="days between reports of one dyad and type that still count as one event "
                        "(default: the store's last value, else 1)")
    p.add_argument("--progress", action="store_true", help="force the progress line on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd.cli.code import Progress
    from rasd.errors import ConfigError
    from rasd.store import connect, ingest

    if args.batch_size < 1 or args.workers < 1:
        raise ConfigError("--batch-size and --workers must be positive")
    if args.dedup_window is not None and args.dedup_window < 0:
        raise ConfigError("--dedup-window must be 0 or more days")
    progress = Progress(sys.stderr, args.progress or sys.stderr.isatty())
    with connect(args.db) as db:
        summary = ingest(
            db, args.inputs, batch_size=args.batch_size, workers=args.workers, date=args.date,
            max_chars=args.max_chars, dedup_window=args.dedup_window,
            on_error=lambda msg: print(f"rasd: error: {msg}", file=sys.stderr),
            on_progress=lambda s: progress.update(s.read, s.events),
        )
        progress.close(summary.read, summary.events)
        print(f"rasd: {summary.line()} ({db.url if db.dialect == 'duckdb' else 'postgresql'})", file=sys.stderr)
    if summary.read == 0 and summary.skipped:
        return 2
    return 1 if summary.skipped else 0
