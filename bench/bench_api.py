"""API figures: GET /v1/events latency with filters on a large store, and a bounded load test.

    .venv/bin/python bench/bench_api.py                   # 1M events, 50 clients for 30 s
    .venv/bin/python bench/bench_api.py --events 100000 --clients 10 --duration 5   # quick

It builds (once, cached in bench/out/) a synthetic DuckDB store of ``--events`` events by
coding the demo corpus and replicating its rows with shifted dates, countries and keys;
starts ``rasd serve`` on a free loopback port; measures each filter query sequentially
(p50/p95/p99); then runs ``--clients`` concurrent keep-alive clients for ``--duration``
seconds (at most 120 s, 200 clients and 2 million requests) and counts errors. Everything
stays on 127.0.0.1. Results print as a table and are written to bench/out/bench_api.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DEMO = ROOT / "demo" / "articles.jsonl"
MAX_DURATION, MAX_CLIENTS, MAX_REQUESTS = 120.0, 200, 2_000_000

COUNTRIES = ["RUS", "USA", "SYR", "IRN", "TUR", "EGY", "SAU", "ISR", "VEN", "IRQ", "YEM", "LBN", "JOR", "QAT",
             "ARE", "FRA", "GBR", "CHN", "DEU", "LBY"]

QUERIES: list[tuple[str, dict[str, str]]] = [
    ("no filter", {}),
    ("type", {"type": "ASSAULT"}),
    ("country", {"country": "RUS"}),
    ("dyad", {"source_country": "RUS", "target_country": "SYR"}),
    ("cameo prefix", {"cameo": "19"}),
    ("date range", {"since": "2012-01-01", "until": "2012-12-31"}),
    ("actor id", {"actor": "Q8440"}),
    ("sector + type", {"sector": "MIL", "type": "COERCE,ASSAULT"}),
    ("place", {"place": "aleppo"}),
    ("not negated", {"negated": "false", "type": "CONSULT"}),
    ("dyad + dates + type", {"source_country": "USA", "target_country": "IRN", "since": "2010-01-01",
                             "until": "2015-12-31", "type": "ACCUSE,THREATEN,SANCTION"}),
    ("arabic text", {"text": "مناورات"}),
    ("1000 a page", {"type": "CONSULT", "limit": "1000"}),
    ("csv", {"country": "SYR", "format": "csv"}),
]


# ------------------------------------------------------------------ the synthetic store


def build_store(path: Path, events: int) -> int:
    """Code the demo corpus, then replicate its rows until the store holds ``events`` events."""
    from rasd.store import connect, ingest

    tmp = path.with_suffix(".building")
    for p in (tmp, Path(str(tmp) + ".wal")):
        if p.exists():
            p.unlink()
    with connect(str(tmp)) as db:
        ingest(db, [str(DEMO)])
        base = db.fetchall("SELECT COUNT(*) FROM events")[0][0]
        copies = max(0, -(-events // base) - 1)
        con = db.con  # type: ignore[attr-defined]
        con.execute(f"CREATE TEMP TABLE copies AS SELECT range AS i FROM range(1, {copies + 1})")
        countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
        n = len(COUNTRIES)
        # new keys per copy; dates spread over ~8 years; countries rotated so filters have spread
        shift_c = (f"CASE WHEN {{col}} IS NULL THEN NULL ELSE list_extract({countries}, "
                   f"CAST(((hash({{col}}) + c.i * 7) % {n}) AS INTEGER) + 1) END")
        con.execute("CREATE TEMP TABLE ev0 AS SELECT * FROM events")
        con.execute("CREATE TEMP TABLE doc0 AS SELECT * FROM documents")
        con.execute("CREATE TEMP TABLE sen0 AS SELECT * FROM sentences")
        con.execute(
            "INSERT INTO documents SELECT d.doc_key || '-' || c.i, d.doc_id || '-' || c.i, d.origin, "
            "d.pub_date + CAST(c.i % 3000 AS INTEGER), d.source, d.title, d.url, d.text, d.meta, d.n_chars, "
            "d.n_sentences, d.n_events, d.lexicon, d.coder FROM doc0 d, copies c")
        con.execute(
            "INSERT INTO sentences SELECT s.doc_key || '-' || c.i, s.sentence_index, s.start_char, s.end_char, s.text "
            "FROM sen0 s, copies c")
        cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE "
                                          "table_name = 'ev0' ORDER BY ordinal_position").fetchall()]
        sel = []
        for col in cols:
            if col == "doc_key":
                sel.append("e.doc_key || '-' || c.i")
            elif col == "doc_id":
                sel.append("e.doc_id || '-' || c.i")
            elif col == "event_id":
                sel.append("substr(md5(e.event_id || '-' || c.i), 1, 20)")
            elif col == "event_date":
                sel.append("e.event_date + CAST(c.i % 3000 AS INTEGER)")
            elif col in ("source_country", "target_country"):
                sel.append(shift_c.format(col="e." + col))
            else:
                sel.append("e." + col)
        con.execute(f"INSERT INTO events SELECT {', '.join(sel)} FROM ev0 e, copies c")
        # keep exactly `events` rows
        total = db.fetchall("SELECT COUNT(*) FROM events")[0][0]
        if total > events:
            con.execute(f"DELETE FROM events WHERE rowid IN (SELECT rowid FROM events "
                        f"ORDER BY doc_key DESC, seq DESC LIMIT {total - events})")
        con.execute("CHECKPOINT")
        total = db.fetchall("SELECT COUNT(*) FROM events")[0][0]
    tmp.rename(path)
    return int(total)


# ------------------------------------------------------------------ server and clients


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RASD_API_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "rasd.cli.main", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port), "--read-only", "--log-level", "warning"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"rasd serve exited with {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                c.close()
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("rasd serve did not start within 60 s")


def first_paint(port: int, runs: int = 5) -> dict[str, object]:
    """The dashboard's first paint in Debian's Chromium (Performance API), best and median of
    ``runs`` fresh pages; skipped with the reason when Chromium or Playwright is missing."""
    chromium = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed (pip install -e '.[dev]')"}
    if not os.path.exists(chromium):
        return {"skipped": f"{chromium} is missing (apt-get install -y chromium)"}
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            for _ in range(runs):
                page = browser.new_page()
                page.goto("about:blank")  # renderer start-up is the browser's cost, not the page's
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("#events-table tbody tr")
                fp = page.evaluate("() => (performance.getEntriesByType('paint')"
                                   ".find((e) => e.name === 'first-contentful-paint') || {}).startTime")
                if fp is not None:
                    times.append(float(fp))
                page.close()
        finally:
            browser.close()
    if not times:
        return {"skipped": "the browser reported no paint entry"}
    return {"best_ms": round(min(times)), "median_ms": round(statistics.median(times)), "runs": len(times)}


def path_of(params: dict[str, str]) -> str:
    return "/v1/events?" + urllib.parse.urlencode({"limit": "100", **params})


def timed_get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float, bytes]:
    t = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return r.status, (time.perf_counter() - t) * 1000, body


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def latency(port: int, repeat: int) -> list[dict[str, object]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    rows = []
    for name, params in QUERIES:
        path = path_of(params)
        timed_get(conn, path)  # warm
        times, status, n = [], set(), 0
        for _ in range(repeat):
            st, ms, body = timed_get(conn, path)
            status.add(st)
            times.append(ms)
        if "format" not in params:
            n = json.loads(body)["count"]
        rows.append({"query": name, "params": params, "status": sorted(status), "returned": n,
                     "p50_ms": round(statistics.median(times), 1), "p95_ms": round(pct(times, 95), 1),
                     "p99_ms": round(pct(times, 99), 1), "max_ms": round(max(times), 1)})
    # page 2 through the cursor
    _, _, body = timed_get(conn, path_of({"type": "CONSULT"}))
    cur = json.loads(body)["next_cursor"]
    times = [timed_get(conn, path_of({"type": "CONSULT", "cursor": cur}))[1] for _ in range(repeat)]
    rows.append({"query": "next page (cursor)", "params": {"type": "CONSULT", "cursor": "…"}, "status": [200],
                 "returned": 100, "p50_ms": round(statistics.median(times), 1), "p95_ms": round(pct(times, 95), 1),
                 "p99_ms": round(pct(times, 99), 1), "max_ms": round(max(times), 1)})
    conn.close()
    return rows


def load(port: int, clients: int, duration: float, max_requests: int) -> dict[str, object]:
    stop = time.monotonic() + duration
    lock = threading.Lock()
    times: list[float] = []
    errors: list[str] = []
    count = [0]
    paths = [path_of(p) for _, p in QUERIES]

    def worker(seed: int) -> None:
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        local_t, local_e = [], []
        while time.monotonic() < stop:
            with lock:
                if count[0] >= max_requests:
                    break
                count[0] += 1
            try:
                st, ms, _ = timed_get(conn, rnd.choice(paths))
                local_t.append(ms)
                if st != 200:
                    local_e.append(f"HTTP {st}")
            except (OSError, http.client.HTTPException) as exc:
                local_e.append(type(exc).__name__)
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.close()
        with lock:
            times.extend(local_t)
            errors.extend(local_e)

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 120)
    wall = time.monotonic() - t0
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(times) + len(errors),
            "errors": len(errors), "error_kinds": sorted(set(errors))[:10],
            "throughput_rps": round(len(times) / wall, 1),
            "p50_ms": round(statistics.median(times), 1) if times else None,
            "p95_ms": round(pct(times, 95), 1) if times else None,
            "p99_ms": round(pct(times, 99), 1) if times else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic store (default 1M)")
    ap.add_argument("--db", type=Path, default=None, help="store to use (default bench/out/api-<events>.duckdb)")
    ap.add_argument("--repeat", type=int, default=40, help="sequential runs of each query (default 40)")
    ap.add_argument("--clients", type=int, default=50, help=f"concurrent clients (default 50, at most {MAX_CLIENTS})")
    ap.add_argument("--duration", type=float, default=30.0, help=f"load seconds (default 30, at most {MAX_DURATION:.0f})")
    ap.add_argument("--max-requests", type=int, default=MAX_REQUESTS, help="stop the load test after N requests")
    args = ap.parse_args()
    if not (1 <= args.clients <= MAX_CLIENTS and 0 < args.duration <= MAX_DURATION and 1 <= args.repeat <= 1000
            and 1 <= args.max_requests <= MAX_REQUESTS and 1000 <= args.events <= 20_000_000):
        ap.error(f"bounds: clients 1..{MAX_CLIENTS}, duration ≤ {MAX_DURATION:.0f} s, repeat 1..1000, "
                 f"max-requests ≤ {MAX_REQUESTS}, events 1000..20M")
    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"api-{args.events}.duckdb"
    if not db.exists():
        t = time.monotonic()
        n = build_store(db, args.events)
        print(f"built {db} with {n} events in {time.monotonic() - t:.0f} s", file=sys.stderr)
    port = free_port()
    proc = start_server(db, port)
    try:
        rows = latency(port, args.repeat)
        under = load(port, args.clients, args.duration, args.max_requests)
        paint = first_paint(port)
    finally:
        proc.terminate()
        proc.wait(15)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    n_events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]  # type: ignore[index]
    con.close()
    print(f"\nGET /v1/events on {n_events:,} events (DuckDB, {args.repeat} sequential runs each, limit 100)")
    print(f"{'query':<22}{'rows':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for r in rows:
        print(f"{r['query']:<22}{r['returned']:>6}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}")
    worst = max(float(r["p95_ms"]) for r in rows)  # type: ignore[arg-type]
    print(f"worst p95: {worst} ms (target < 200 ms)")
    print(f"\nload: {under['clients']} clients for {under['seconds']} s: {under['requests']} requests, "
          f"{under['errors']} errors, {under['throughput_rps']} req/s, p50 {under['p50_ms']} ms, "
          f"p95 {under['p95_ms']} ms, p99 {under['p99_ms']} ms")
    if "skipped" in paint:
        print(f"\ndashboard first paint: skipped ({paint['skipped']})")
    else:
        print(f"\ndashboard first contentful paint: best {paint['best_ms']} ms, median {paint['median_ms']} ms "
              f"over {paint['runs']} fresh pages (target < 1000 ms)")
    result = {"events": n_events, "latency": rows, "worst_p95_ms": worst, "load": under, "first_paint": paint,
              "cpus": os.cpu_count(), "python": sys.version.split()[0]}
    (OUT / "bench_api.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if worst < 200 and under["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
