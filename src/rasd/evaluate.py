"""The metrics of ``../shared/eval/README.md``, computed exactly as the held-out harness does.

Scoring is separated from running: :func:`score_detection` and :func:`score_coding` take
gold rows and predicted records grouped by ``doc_id``; :func:`evaluate_dir` runs a pipeline
over the files and times it.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import FormatError
from rasd.model import Document

FIELDS = ("source.country", "source.sector", "target.country", "target.sector")
NULLS = {"", "NONE", "NULL", "---"}
DET_TYPES = ("PROTEST", "ASSAULT")


def norm_field(value: Any) -> str | None:
    if value is None:
        return None
    v = str(value).strip().upper()
    return None if v in NULLS else v


def actor_field(event: dict[str, Any], name: str) -> str | None:
    side, key = name.split(".")
    actor = event.get(side)
    if not isinstance(actor, dict):
        return None
    return norm_field(actor.get(key))


def asserts(event: dict[str, Any], etype: str) -> bool:
    return event.get("event_type") == etype and not event.get("negated") and not event.get("hypothetical")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise FormatError(f"invalid JSON ({exc.msg})", str(path), n) from None
    return rows


def group_predictions(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        out[str(r.get("doc_id"))].append(r)
    return out


@dataclass
class Scores:
    values: dict[str, float | int | None] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


def score_detection(rows: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> Scores:
    s = Scores()
    f1s = []
    dno_fp = dno_n = 0
    n = 0
    for t in DET_TYPES:
        tp = fp = fn = 0
        t_dno_fp = t_dno_n = 0
        for row in rows:
            if row.get("event_type") != t or row.get("label") == "ambiguous":
                continue
            n += 1
            gold = row.get("label") == "yes"
            events = preds.get(str(row["id"]), [])
            pred = any(asserts(e, t) for e in events)
            if gold and pred:
                tp += 1
            elif pred:
                fp += 1
            elif gold:
                fn += 1
            if row.get("label") == "difficult no":
                t_dno_n += 1
                t_dno_fp += int(pred)
            if gold != pred:
                s.errors.append({"task": "detection", "id": row["id"], "type": t, "label": row.get("label"),
                                 "text": row.get("text"), "gold": gold, "predicted": pred,
                                 "rules": [e.get("provenance", {}).get("rule") for e in events if e.get("event_type") == t],
                                 "triggers": [e.get("trigger", {}).get("text") for e in events if e.get("event_type") == t]})
        p, r, f = prf(tp, fp, fn)
        key = t.lower()
        s.values.update({f"det_{key}_p": p, f"det_{key}_r": r, f"det_{key}_f1": f,
                         f"det_{key}_dno_fpr": ratio(t_dno_fp, t_dno_n)})
        f1s.append(f)
        dno_fp += t_dno_fp
        dno_n += t_dno_n
    s.values["det_macro_f1"] = sum(f1s) / len(f1s)
    s.values["det_dno_fpr"] = ratio(dno_fp, dno_n)
    s.values["det_n"] = n
    return s


def _best_match(g: dict[str, Any], cands: list[dict[str, Any]]) -> dict[str, Any]:
    gold = {f: actor_field(g, f) for f in FIELDS}
    best, best_key = cands[0], (-1, -1)
    for c in cands:
        agree_nn = sum(1 for f in FIELDS if gold[f] is not None and actor_field(c, f) == gold[f])
        agree_null = sum(1 for f in FIELDS if gold[f] is None and actor_field(c, f) is None)
        key = (agree_nn, agree_null)
        if key > best_key:
            best, best_key = c, key
    return best


def score_coding(rows: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]]) -> Scores:
    s = Scores()
    gold_types = sorted({e["event_type"] for r in rows for e in r.get("events", [])})
    f1s = []
    for t in gold_types:
        tp = fp = fn = 0
        for row in rows:
            pos = any(e["event_type"] == t for e in row.get("events", []))
            pred = any(asserts(e, t) for e in preds.get(str(row["id"]), []))
            tp += int(pos and pred)
            fp += int(pred and not pos)
            fn += int(pos and not pred)
        p, r, f = prf(tp, fp, fn)
        key = t.lower()
        s.values.update({f"cod_{key}_p": p, f"cod_{key}_r": r, f"cod_{key}_f1": f})
        f1s.append(f)
    s.values["cod_macro_f1"] = sum(f1s) / len(f1s) if f1s else 0.0
    cond_num = cond_den = all_den = null_num = null_den = 0
    per_field = {f: [0, 0, 0] for f in FIELDS}  # correct, found non-null, all non-null
    for row in rows:
        events = preds.get(str(row["id"]), [])
        for g in row.get("events", []):
            gold = {f: actor_field(g, f) for f in FIELDS}
            nonnull = [f for f in FIELDS if gold[f] is not None]
            all_den += len(nonnull)
            for f in nonnull:
                per_field[f][2] += 1
            cands = [e for e in events if asserts(e, g["event_type"])]
            if not cands:
                s.errors.append({"task": "coding", "id": row["id"], "text": row.get("text"), "gold": g,
                                 "predicted": None, "why": "event not found",
                                 "other": [(e.get("event_type"), e.get("negated")) for e in events]})
                continue
            best = _best_match(g, cands)
            wrong = {}
            for f in nonnull:
                cond_den += 1
                per_field[f][1] += 1
                if actor_field(best, f) == gold[f]:
                    cond_num += 1
                    per_field[f][0] += 1
                else:
                    wrong[f] = (gold[f], actor_field(best, f))
            for f in FIELDS:
                if gold[f] is None:
                    null_den += 1
                    if actor_field(best, f) is None:
                        null_num += 1
                    else:
                        wrong[f] = (None, actor_field(best, f))
            if wrong:
                s.errors.append({"task": "coding", "id": row["id"], "text": row.get("text"), "gold": g,
                                 "predicted": {f: actor_field(best, f) for f in FIELDS}, "wrong": wrong,
                                 "rule": best.get("provenance", {}).get("rule"),
                                 "source_text": (best.get("source") or {}).get("text"),
                                 "target_text": (best.get("target") or {}).get("text")})
    s.values["cod_actor_cond"] = ratio(cond_num, cond_den)
    s.values["cod_actor_e2e"] = ratio(cond_num, all_den)
    s.values["cod_null_agree"] = ratio(null_num, null_den)
    for f, (ok, found, total) in per_field.items():
        key = f.replace(".", "_")
        s.values[f"cod_cond_{key}"] = ratio(ok, found)
        s.values[f"cod_e2e_{key}"] = ratio(ok, total)
    s.values["cod_n"] = len(rows)
    return s


SCORE_KEYS = (
    "det_protest_p", "det_protest_r", "det_protest_f1", "det_assault_p", "det_assault_r", "det_assault_f1",
    "det_macro_f1", "det_dno_fpr", "det_n",
    "cod_assault_p", "cod_assault_r", "cod_assault_f1", "cod_protest_p", "cod_protest_r", "cod_protest_f1",
    "cod_macro_f1", "cod_actor_cond", "cod_actor_e2e", "cod_null_agree", "cod_n",
    "brd_macro_f1", "brd_neg_fpr", "brd_country_e2e", "brd_sector_e2e", "brd_negated_wrong", "brd_n",
)


def fmt(v: Any) -> str:
    if v is None:
        return "na"
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def score_line(values: dict[str, Any], split: str) -> str:
    return "SCORE " + " ".join(f"{k}={fmt(values.get(k))}" for k in SCORE_KEYS) + f" split={split}"


Coder = Callable[[list[Document]], dict[str, list[dict[str, Any]]]]


def run_coder(coder: Coder, docs: list[Document]) -> tuple[dict[str, list[dict[str, Any]]], float]:
    """Predictions and sentences per second (one document = one sentence here)."""
    t0 = time.perf_counter()
    preds = coder(docs)
    dt = time.perf_counter() - t0
    return preds, (len(docs) / dt if dt > 0 else 0.0)


def detection_docs(rows: list[dict[str, Any]]) -> list[Document]:
    seen: dict[str, Document] = {}
    for r in rows:
        if r.get("label") == "ambiguous":
            continue
        seen.setdefault(str(r["id"]), Document(str(r["id"]), r["text"], None))
    return list(seen.values())


def coding_docs(rows: list[dict[str, Any]]) -> list[Document]:
    return [Document(str(r["id"]), r["text"], r.get("date")) for r in rows]
