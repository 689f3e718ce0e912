"""Benchmark `rasd code` on the SaudiNewsNet sample: raw articles in, JSONL out.

Runs the real command in a subprocess (so start-up, reading, coding and writing all count) of
the build on PYTHONPATH (`make bench` puts the compiled one first: see setup.py),
once with one worker and once with two, and prints sentences per second and peak RSS.
The corpus is research-only (CC BY-NC-SA) and is read from ../shared, never copied here.

    python bench/bench_code.py --shared ../shared [--workers 1 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def count_sentences(paths: list[str]) -> tuple[int, int]:
    from rasd.io.readers import iter_documents
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences

    docs = sents = 0
    for doc in iter_documents(paths, on_error=lambda e: None):
        docs += 1
        sents += len(split_sentences(normalize(doc.text).norm))
    return docs, sents


def run_once(paths: list[str], workers: int, out: str) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system, all processes), peak RSS in MB of the largest
    process, and the number of input warnings of one ``rasd code`` run."""
    cmd = [sys.executable, "-m", "rasd.cli.main", "code", *paths, "-o", out, "--workers", str(workers), "--skip-bad"]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu0 = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    t0 = time.perf_counter()
    # the corpus has empty articles: their one-line warnings are counted, not printed every run
    proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench: rasd code exited with {proc.returncode}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu0
    warnings = sum(1 for line in proc.stderr.splitlines() if "warning" in line)
    return wall, cpu, max(usage.ru_maxrss, before) / 1024.0, warnings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is reported")
    args = ap.parse_args()
    corpus = Path(args.shared) / "data" / "news-saudinewsnet"
    paths = sorted(str(p) for p in corpus.glob("*.zip"))
    if not paths:
        print(f"bench: no SaudiNewsNet zips under {corpus}; pass --shared", file=sys.stderr)
        return 2
    docs, sents = count_sentences(paths)
    import rasd

    compiled = rasd.compiled_modules()
    print(f"build: {len(compiled)} modules compiled with mypyc ({os.path.dirname(rasd.__file__)})" if compiled
          else f"build: pure Python ({os.path.dirname(rasd.__file__)}; `make bench` compiles: see setup.py)")
    print(f"corpus: {docs} articles, {sents} sentences ({', '.join(os.path.basename(p) for p in paths)})")
    # warm the lexicon cache so that every run measures the same thing, and compile the
    # package's bytecode as an installed wheel has it (with PYTHONDONTWRITEBYTECODE set, as on
    # some machines, every run would otherwise recompile every module: 0.1 s per start)
    import compileall

    compileall.compile_dir(os.path.dirname(rasd.__file__), quiet=1)
    subprocess.run([sys.executable, "-m", "rasd.cli.main", "lexicon"], check=True, stdout=subprocess.DEVNULL)
    results: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for w in args.workers:
            best = best_cpu = None
            for _ in range(args.repeat):
                out = os.path.join(tmp, f"events-{w}.jsonl")
                wall, cpu, rss, warnings = run_once(paths, w, out)
                best = wall if best is None else min(best, wall)
                best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
            assert best is not None and best_cpu is not None
            n_events = sum(1 for _ in open(out, encoding="utf-8"))
            results[w] = sents / best
            print(f"workers={w}: {best:.2f} s, {sents / best:,.0f} sentences/s, {docs / best:,.0f} docs/s, "
                  f"{n_events} events, peak RSS {rss:,.0f} MB (largest process), {warnings} input warnings; "
                  f"CPU {best_cpu:.2f} s ({sents / best_cpu:,.0f} sentences per CPU second: on a shared machine "
                  f"the wall clock also counts time the process waited for a core)")
    if 1 in results and 2 in results:
        print(f"speed-up with 2 workers: {results[2] / results[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
