"""``rasd summary``: a readable digest of an event file (what `make run` prints)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from rasd.errors import FormatError


def register(sub: Any) -> None:
    p = sub.add_parser("summary", help="summarise an event JSONL file for humans")
    p.add_argument("events", help="event records (JSONL) as written by `rasd code`")
    p.add_argument("--top", type=int, default=10, help="rows per table")
    p.set_defaults(func=run)


def _code(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    return str(a.get("code") or "---")


def run(args: argparse.Namespace) -> int:
    records: list[dict[str, Any]] = []
    with open(args.events, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise FormatError(f"invalid JSON ({exc.msg})", args.events, n) from None
    out = sys.stdout
    docs = {r["doc_id"] for r in records}
    out.write(f"{len(records)} events in {len(docs)} documents\n\n")
    types = Counter(r["event_type"] for r in records)
    quads = Counter(r["quad_class"] for r in records)
    out.write("events by PLOVER type\n")
    for t, c in types.most_common():
        out.write(f"  {t:<10} {c:>6}\n")
    names = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
    out.write("\nevents by quad class\n")
    for q in sorted(quads):
        out.write(f"  {q} {names.get(q, '?'):<22} {quads[q]:>6}\n")
    dyads = Counter((_code(r.get("source")), _code(r.get("target"))) for r in records
                    if not r.get("negated") and not r.get("hypothetical"))
    out.write(f"\ntop {args.top} dyads (asserted events)\n")
    for (s, t), c in dyads.most_common(args.top):
        out.write(f"  {s:>10} -> {t:<10} {c:>6}\n")
    flags = Counter(k for r in records for k in ("negated", "future", "hypothetical") if r.get(k))
    out.write(f"\nflags: {dict(flags) or 'none'}\n")
    out.write("\nexamples\n")
    for r in records[: args.top]:
        loc = (r.get("location") or {}).get("name")
        flag = "".join(f for f, k in (("!", "negated"), ("~", "future"), ("?", "hypothetical")) if r.get(k))
        out.write(f"  [{r['doc_id']}#{r['sentence_index']}] {r['event_type']}{flag} {r['cameo']} "
                  f"{_code(r.get('source'))} -> {_code(r.get('target'))} «{r['trigger']['text']}»"
                  f"{' @ ' + loc if loc else ''} {r.get('date') or ''}\n")
    return 0
