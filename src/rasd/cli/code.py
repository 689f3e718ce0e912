"""``rasd code``: code documents into event records (JSONL by default)."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from typing import Any, TextIO

from rasd.errors import InputError


def register(sub: Any) -> None:
    p = sub.add_parser("code", help="code Arabic documents into event records",
                       description="Read .txt (UTF-8 or Windows-1256), JSONL, CSV, JSON, zip, HTML, RSS/Atom files, "
                                   "directories or stdin ('-'); write one event record per line (SCHEMA.md).")
    p.add_argument("inputs", nargs="*", default=["-"], help="files or directories (default: stdin)")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument("--format", choices=("jsonl", "csv", "tsv"), default="jsonl", help="output format")
    p.add_argument("--date", help="publication date YYYY-MM-DD for documents that carry none")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--batch-size", type=int, default=64, help="documents per worker batch")
    p.add_argument("--skip-bad", action="store_true", help="warn about unreadable documents and exit 0")
    p.add_argument("--max-chars", type=int, default=10_000_000, help="longest document accepted")
    p.add_argument("--progress", action="store_true", help="force the progress line on stderr")
    p.add_argument("--detector", nargs="?", const="lexical", default=None, metavar="{lexical,e5}",
                   help="filter PROTEST/ASSAULT mentions with the learned detector (docs/accuracy.md): "
                        "'lexical' (the default when no value is given) or 'e5', slower and more accurate "
                        "(needs pip install 'rasd[e5]')")
    p.set_defaults(func=run)


class Progress:
    """A one-line progress report on stderr, refreshed at most twice a second."""

    def __init__(self, stream: TextIO, enabled: bool):
        self.stream, self.enabled = stream, enabled
        self.t0 = self.last = time.monotonic()

    def update(self, docs: int, events: int) -> None:
        now = time.monotonic()
        if self.enabled and now - self.last >= 0.5:
            self.last = now
            rate = docs / max(now - self.t0, 1e-9)
            self.stream.write(f"\rrasd: {docs} documents, {events} events ({rate:,.0f} docs/s)")
            self.stream.flush()

    def close(self, docs: int, events: int) -> None:
        if self.enabled and time.monotonic() - self.t0 >= 0.5:
            self.stream.write(f"\rrasd: {docs} documents, {events} events{' ' * 20}\n")


def run(args: argparse.Namespace) -> int:
    from rasd import load
    from rasd.io.readers import iter_documents
    from rasd.io.writers import open_writer

    errors: list[InputError] = []

    def on_error(exc: InputError) -> None:
        errors.append(exc)
        level = "warning" if args.skip_bad else "error"
        print(f"rasd: {level}: {exc}", file=sys.stderr)

    failed: list[str] = []

    def coding_error(doc: Any, message: str) -> None:
        # a bug met by one document: reported in one line, the other documents are still coded
        failed.append(doc.id)
        print(f"rasd: error: document {doc.id!r}: coding failed: {message}", file=sys.stderr)

    if args.detector not in (None, "lexical", "e5"):   # `--detector FILE`: the flag without a value
        args.inputs = [args.detector] + [x for x in args.inputs if x != "-"]
        args.detector = "lexical"
    nlp = load(detector=args.detector)
    # The lexicon lives as long as the process: keep the cyclic collector from traversing it on
    # every full collection (1% of the instructions of a long run, callgrind). Coding makes
    # short-lived containers by the million and few cycles: a larger first generation lets most
    # die before a collection scans them (collector 2.4% -> 1.7% of the instructions, callgrind).
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    docs = iter_documents(args.inputs, date=args.date, max_chars=args.max_chars, on_error=on_error)
    n_docs = n_events = 0
    progress = Progress(sys.stderr, args.progress or sys.stderr.isatty())
    out = sys.stdout if args.output == "-" else args.output
    with open_writer(out, args.format) as writer:
        as_json = args.format == "jsonl"
        for _doc, records in nlp.pipe(docs, batch_size=args.batch_size, workers=args.workers, as_json=as_json,
                                      on_error=coding_error):
            n_docs += 1
            for r in records:
                if as_json:
                    writer.write_encoded(r)
                else:
                    writer.write(r)
            n_events += len(records)
            progress.update(n_docs, n_events)
    progress.close(n_docs, n_events)
    if n_docs == 0:
        print("rasd: error: no document could be coded", file=sys.stderr)
        return 2
    if failed:
        print(f"rasd: {len(failed)} document(s) could not be coded; {n_docs} document(s) coded", file=sys.stderr)
        return 1
    if errors and not args.skip_bad:
        print(f"rasd: {len(errors)} input problem(s); {n_docs} document(s) coded", file=sys.stderr)
        return 1
    return 0
