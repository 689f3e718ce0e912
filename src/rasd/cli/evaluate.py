"""``rasd evaluate``: run the coder on the gold files and print the harness metrics."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rasd.errors import ConfigError


def register(sub: Any) -> None:
    p = sub.add_parser("evaluate", help="score the coder on the Arabic gold standard (../shared/eval)",
                       description="Prints per-type P/R/F1, actor accuracies and the SCORE line defined in "
                                   "../shared/eval/README.md, then throughput (sentences per second).")
    p.add_argument("--eval-dir", default="../shared/eval", help="folder with gsr-detection-*.jsonl and gsr-coding-*.jsonl")
    p.add_argument("--detection", help="detection file (default: <eval-dir>/gsr-detection-dev.jsonl)")
    p.add_argument("--coding", help="coding file (default: <eval-dir>/gsr-coding-dev.jsonl)")
    p.add_argument("--split", default="dev", help="split name printed in the SCORE line")
    p.add_argument("--errors", help="write every error (sentence, gold, predicted, rule) to this JSONL file")
    p.add_argument("--json", action="store_true", help="print all metrics as JSON too")
    p.add_argument("--detector", nargs="?", const="lexical", choices=("lexical", "e5"), default=None,
                   help="filter PROTEST/ASSAULT mentions with the learned detector (docs/accuracy.md): "
                        "'lexical' (the default when no value is given) or 'e5', slower and more accurate "
                        "(needs pip install 'rasd[e5]')")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rasd import load
    from rasd.evaluate import (coding_docs, detection_docs, fmt, read_jsonl, run_coder, score_coding,
                               score_detection, score_line)

    d = Path(args.eval_dir)
    det_path = Path(args.detection) if args.detection else d / f"gsr-detection-{args.split}.jsonl"
    cod_path = Path(args.coding) if args.coding else d / f"gsr-coding-{args.split}.jsonl"
    if not det_path.is_file() and not cod_path.is_file():
        raise ConfigError(f"no gold files found ({det_path}, {cod_path}); pass --eval-dir or --detection/--coding")
    nlp = load(detector=args.detector)

    def coder(docs: list[Any]) -> dict[str, list[dict[str, Any]]]:
        return {doc.id: recs for doc, recs in nlp.pipe(docs)}

    values: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    total_sent = 0
    total_time = 0.0
    for name, path, docs_of, scorer in (("det", det_path, detection_docs, score_detection),
                                        ("cod", cod_path, coding_docs, score_coding)):
        if not path.is_file():
            continue
        rows = read_jsonl(path)
        docs = docs_of(rows)
        preds, sps = run_coder(coder, docs)
        s = scorer(rows, preds)
        values.update(s.values)
        values[f"{name}_sps"] = sps
        errors.extend(s.errors)
        total_sent += len(docs)
        total_time += len(docs) / sps if sps else 0.0
    values["all_sps"] = total_sent / total_time if total_time else None
    out = sys.stdout
    out.write("detection (sentence-level, ambiguous rows skipped)\n")
    for t in ("protest", "assault"):
        out.write(f"  {t:<8} P={fmt(values.get(f'det_{t}_p'))} R={fmt(values.get(f'det_{t}_r'))} "
                  f"F1={fmt(values.get(f'det_{t}_f1'))} difficult-no FPR={fmt(values.get(f'det_{t}_dno_fpr'))}\n")
    out.write("coding (cross-type)\n")
    for t in ("protest", "assault"):
        out.write(f"  {t:<8} P={fmt(values.get(f'cod_{t}_p'))} R={fmt(values.get(f'cod_{t}_r'))} "
                  f"F1={fmt(values.get(f'cod_{t}_f1'))}\n")
    out.write("  actor fields (conditional / end-to-end):\n")
    for f in ("source_country", "source_sector", "target_country", "target_sector"):
        out.write(f"    {f:<15} {fmt(values.get(f'cod_cond_{f}'))} / {fmt(values.get(f'cod_e2e_{f}'))}\n")
    out.write(score_line(values, args.split) + "\n")
    out.write(" ".join(f"{k}={fmt(values.get(k))}" for k in ("det_sps", "cod_sps", "brd_sps", "all_sps")) + "\n")
    if args.json:
        out.write(json.dumps(values, ensure_ascii=False, sort_keys=True) + "\n")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0
