"""Benchmark the event store.

1. `rasd code` alone vs `rasd ingest` (coding + storing in DuckDB) on the SaudiNewsNet sample;
   the target is at most 25% more time for ingest. Each command runs in a subprocess,
   alternating, best of --repeat.
2. `rasd stats --by month` for one dyad and `rasd query` with three filters on a store of
   1M events (made by bench/gen_store.py when --store is missing); target < 300 ms each.
   Reports the library call (connection open) and the whole CLI process (interpreter start-up
   included).

    python bench/bench_store.py --shared ../shared [--store bench-1m.duckdb] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def bench_ingest(paths: list[str], repeat: int) -> None:
    rasd = [sys.executable, "-m", "rasd.cli.main"]
    subprocess.run([*rasd, "lexicon"], check=True, stdout=subprocess.DEVNULL)
    code_t, ingest_t = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            code_t.append(_run([*rasd, "code", *paths, "-o", os.path.join(tmp, "e.jsonl"), "--skip-bad"]))
            db = os.path.join(tmp, f"s{i}.duckdb")
            ingest_t.append(_run([*rasd, "ingest", *paths, "--db", db]))
        again = _run([*rasd, "ingest", *paths, "--db", db])
    c, g = min(code_t), min(ingest_t)
    print(f"rasd code:   {c:.2f} s   (runs: {', '.join(f'{x:.2f}' for x in code_t)})")
    print(f"rasd ingest: {g:.2f} s   (runs: {', '.join(f'{x:.2f}' for x in ingest_t)})  "
          f"overhead {100 * (g - c) / c:+.1f}% (target <= 25%)")
    print(f"re-ingest (nothing new): {again:.2f} s")


def bench_queries(store: str, repeat: int) -> None:
    from rasd.store import Filters, connect, select_events, stats

    if not os.path.exists(store):
        subprocess.run([sys.executable, str(HERE / "gen_store.py"), "--db", store], check=True)
    t0 = time.perf_counter()
    with connect(store, read_only=True) as db:
        opened = time.perf_counter() - t0
        n = db.fetchall("SELECT COUNT(*) FROM events")[0][0]
        print(f"store: {n:,} events ({store}); open {1000 * opened:.0f} ms")
        cases = {
            "stats --by month --dyad SAU IRN": lambda: stats(db, Filters(source_country=("SAU",),
                                                                         target_country=("IRN",)), ["month"]),
            "query --source-country SAU --type ASSAULT --since 2020-01-01 (first 50)":
                lambda: select_events(db, Filters(source_country=("SAU",), event_type=("ASSAULT",),
                                                  since="2020-01-01"), limit=50),
            "query ... (all matches)": lambda: select_events(db, Filters(source_country=("SAU",),
                                                                         event_type=("ASSAULT",), since="2020-01-01")),
        }
        for name, fn in cases.items():
            best = min(_timed(fn) for _ in range(max(3, repeat)))
            print(f"  {name}: {1000 * best:.0f} ms")
    rasd = [sys.executable, "-m", "rasd.cli.main"]
    for args in (["stats", "--by", "month", "--dyad", "SAU", "IRN", "--format", "csv"],
                 ["query", "--source-country", "SAU", "--type", "ASSAULT", "--since", "2020-01-01", "--limit", "50",
                  "--format", "csv"]):
        best = min(_run([*rasd, *args, "--db", store]) for _ in range(max(3, repeat)))
        print(f"  CLI rasd {' '.join(args[:1])}: {1000 * best:.0f} ms wall (process start-up included)")


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parents[1] / "shared"))
    ap.add_argument("--store", default="bench-1m.duckdb", help="1M-event store (generated when missing)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-queries", action="store_true")
    args = ap.parse_args()
    if not args.skip_ingest:
        paths = sorted(str(p) for p in (Path(args.shared) / "data" / "news-saudinewsnet").glob("*.zip"))
        if not paths:
            print("bench_store: no SaudiNewsNet zips; pass --shared", file=sys.stderr)
            return 2
        bench_ingest(paths, args.repeat)
    if not args.skip_queries:
        bench_queries(args.store, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
