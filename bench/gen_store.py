"""Generate a synthetic event store of N events (default 1,000,000) for the query benchmarks.

Countries follow a Zipf-like law (a few dyads dominate, as in news), dates span 2015-2024,
types, CAMEO codes, Goldstein scores and quad classes are consistent with the codebook. The
store has the real schema, so every `rasd query/stats/export` option works on it.

    python bench/gen_store.py --db bench-1m.duckdb [--events 1000000] [--seed 7]
    python bench/gen_store.py --db postgresql://…  (same rows through COPY)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time

from rasd.codebook.cameo import load_codebook
from rasd.store import connect, ensure_schema
from rasd.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS

COUNTRIES = ("SAU IRN USA RUS SYR IRQ YEM EGY ISR PSE TUR QAT ARE JOR LBN KWT BHR OMN GBR FRA DEU CHN LBY TUN DZA "
             "MAR SDN IGO UNO PAK AFG IND JPN ITA ESP CAN").split()
SECTORS = ("GOV", "MIL", "REB", "CVL", "COP", "OPP", "JUD", "MED", "BUS", None)
PLACES = ("Riyadh", "Tehran", "Washington", "Moscow", "Damascus", "Baghdad", "Sanaa", "Cairo", "Jerusalem", "Gaza",
          "Ankara", "Doha", "Dubai", "Amman", "Beirut", None, None, None)


def _choose_codes() -> list[tuple[str, str, float, int]]:
    book = load_codebook()
    return [(c, e.plover_type, e.goldstein, e.quad_class) for c, e in book.codes.items() if e.plover_type]


def rows(n_events: int, seed: int, per_doc: int = 5):
    rnd = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(COUNTRIES))]
    codes = _choose_codes()
    start = dt.date(2015, 1, 1)
    n_docs = n_events // per_doc
    for d in range(n_docs):
        key = f"{d:064x}"
        date = start + dt.timedelta(days=rnd.randrange(3650))
        doc = (key, f"gen-{d}", "gen", date.isoformat(), f"outlet{rnd.randrange(40)}", None, None, f"وثيقة {d}",
               "{}", 10, per_doc, per_doc, "gen", "gen")
        evs = []
        for seq in range(per_doc):
            sc, tc = rnd.choices(COUNTRIES, weights, k=2)
            ss, ts = rnd.choice(SECTORS), rnd.choice(SECTORS)
            code, etype, gold, quad = rnd.choice(codes)
            edate = date - dt.timedelta(days=rnd.randrange(3))
            place = rnd.choice(PLACES)
            eid = f"{d:012x}{seq:08x}"
            neg, fut = rnd.random() < 0.05, rnd.random() < 0.05
            rec = {"event_id": eid, "doc_id": f"gen-{d}", "sentence_index": seq, "event_type": etype, "cameo": code,
                   "quad_class": quad, "goldstein": gold, "date": edate.isoformat(),
                   "source": {"country": sc, "sector": ss, "code": sc + (ss or "")},
                   "target": {"country": tc, "sector": ts, "code": tc + (ts or "")}, "negated": neg, "future": fut}
            evs.append((key, seq, eid, f"gen-{d}", seq, etype, None, code, quad, gold,
                        sc + (ss or ""), sc, ss, sc, None, tc + (ts or ""), tc, ts, tc, None, "حدث", neg, fut, False,
                        edate.isoformat(), "text", place, None, None, None, 0.8, "gen", "gen", "gen",
                        json.dumps(rec, ensure_ascii=False, separators=(",", ":"))))
        yield doc, evs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="bench-1m.duckdb")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--chunk", type=int, default=100_000, help="events per transaction")
    args = ap.parse_args()
    t0 = time.perf_counter()
    with connect(args.db) as db:
        ensure_schema(db)
        if db.fetchall("SELECT COUNT(*) FROM events")[0][0]:
            print(f"gen_store: {args.db} already holds events; use a new --db", file=sys.stderr)
            return 2
        docs: list[tuple] = []
        events: list[tuple] = []
        n = 0

        def flush() -> None:
            with db.transaction():
                db.insert("documents", DOCUMENT_COLUMNS, docs, new_keys=True)
                db.insert("events", EVENT_COLUMNS, events, new_keys=True)
            docs.clear()
            events.clear()

        for doc, evs in rows(args.events, args.seed):
            docs.append(doc)
            events.extend(evs)
            n += len(evs)
            if len(events) >= args.chunk:
                flush()
                print(f"\rgen_store: {n:,} events", end="", file=sys.stderr)
        if events:
            flush()
        from rasd.store.dedup import recompute_groups

        recompute_groups(db, 1)
        if db.dialect == "postgresql":
            db.execute("ANALYZE")
    print(f"\rgen_store: {n:,} events in {args.db} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
