"""Benchmark `rasd code` on the SaudiNewsNet sample: raw articles in, JSONL out.

Runs the real command in a subprocess (so start-up, reading, coding and writing all count) of
the build on PYTHONPATH (`make bench` puts the compiled one first: see setup.py),
once with one worker and once with two, and prints sentences per second and peak RSS.
The corpus is research-only (CC BY-NC-SA) and is read from ../shared, never copied here.

    python bench/bench_code.py --shared ../shared [--workers 1 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
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


def run_pair(paths: list[str], tmp: str) -> float:
    """Wall seconds of two independent one-worker runs of the whole corpus started together: what
    two cores of this machine give at the moment (the largest speed-up two workers could reach
    is twice one run's time over this)."""
    cmd = [sys.executable, "-m", "rasd.cli.main", "code", *paths, "--workers", "1", "--skip-bad"]
    t0 = time.perf_counter()
    procs = [subprocess.Popen([*cmd, "-o", os.path.join(tmp, f"pair-{i}.jsonl")], stderr=subprocess.DEVNULL)
             for i in range(2)]
    ends = []
    for proc in procs:
        if proc.wait() != 0:
            raise SystemExit(f"bench: rasd code exited with {proc.returncode}")
        ends.append(time.perf_counter() - t0)
    return max(ends)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is reported")
    ap.add_argument("--no-ceiling", action="store_true",
                    help="skip the two side-by-side one-worker runs that measure what two cores give")
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
    # The settings alternate (1, 2, 1, 2, ...) rather than running in blocks: on a shared machine
    # the speed of a core drifts over tens of seconds (the same run took 8.1 to 11.2 CPU seconds
    # here, with no steal time), and a block of one setting can fall in a fast spell and the
    # other's in a slow one. Each round's settings ran within seconds of each other, so their
    # ratio is the fairer comparison; the ratio of the bests is printed as well.
    # Each round also runs two independent one-worker processes side by side (unless --no-ceiling):
    # when the two cores are slower together than apart (shared caches, or a hypervisor that puts
    # both virtual CPUs on one physical core), no way of sharing the work can reach 2x, and this
    # shows by how much.
    walls: dict[int, list[float]] = {w: [] for w in args.workers}
    cpus: dict[int, list[float]] = {w: [] for w in args.workers}
    pairs_wall: list[float] = []
    info: dict[int, tuple[int, float, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for w in args.workers:
                out = os.path.join(tmp, f"events-{w}.jsonl")
                wall, cpu, rss, warnings = run_once(paths, w, out)
                walls[w].append(wall)
                cpus[w].append(cpu)
                n_events = sum(1 for _ in open(out, encoding="utf-8"))
                info[w] = (n_events, max(rss, info.get(w, (0, 0.0, 0))[1]), warnings)
            if 1 in walls and 2 in walls and not args.no_ceiling:
                pairs_wall.append(run_pair(paths, tmp))
    print("runs (wall seconds, in order): " + "; ".join(
        f"workers={w}: " + ", ".join(f"{x:.2f}" for x in walls[w]) for w in args.workers))
    for w in args.workers:
        best, best_cpu = min(walls[w]), min(cpus[w])
        n_events, rss, warnings = info[w]
        print(f"workers={w}: {best:.2f} s, {sents / best:,.0f} sentences/s, {docs / best:,.0f} docs/s, "
              f"{n_events} events, peak RSS {rss:,.0f} MB (largest process), {warnings} input warnings; "
              f"CPU {best_cpu:.2f} s ({sents / best_cpu:,.0f} sentences per CPU second: on a shared machine "
              f"the wall clock also counts time the process waited for a core)")
    if 1 in walls and 2 in walls:
        pairs = sorted(a / b for a, b in zip(walls[1], walls[2]))
        print(f"speed-up with 2 workers: {min(walls[1]) / min(walls[2]):.2f}x (best against best); "
              f"{statistics.median(pairs):.2f}x median of the {len(pairs)} rounds "
              f"({', '.join(f'{x:.2f}' for x in pairs)})")
        if pairs_wall:
            ceilings = [2 * a / p for a, p in zip(walls[1], pairs_wall)]
            print("two cores at the same time: two independent one-worker runs side by side took "
                  + ", ".join(f"{p:.2f}" for p in pairs_wall) + " s, so the most two workers could give was "
                  + ", ".join(f"{c:.2f}x" for c in ceilings) + " in those rounds; two workers reached "
                  + ", ".join(f"{a / b / c:.0%}" for a, b, c in zip(walls[1], walls[2], ceilings)) + " of it")
    return 0

if __name__ == "__main__":
    sys.exit(main())
