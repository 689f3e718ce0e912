"""Train the report-vs-mention detector (src/rasd/events/data/detector.json).

    .venv/bin/python tools/train_detector.py [--eval-dir ../shared/eval] [--dry-run]

1. Runs the pipeline *without* the detector over the DEV gold rows and collects every
   PROTEST/ASSAULT trigger candidate (``Pipeline(on_candidate=...)``).
2. Labels the asserted candidates (neither negated nor hypothetical: the others never count):
   - detection row of file type T: T-candidates are positive iff the row is ``yes``
     (``easy no`` / ``difficult no`` are negatives, ``ambiguous`` rows are skipped);
     candidates of the other type play no part (the metric ignores them);
   - coding row of gold type G: G-candidates are positive, candidates of the other
     detector type are negative (the coding metric counts them as cross-type false positives).
3. L2 logistic regression (scikit-learn, training only) over ``rasd.events.detector.features``.
   Stratified 5-fold CV **grouped by sentence text** picks C and, per type, the threshold that
   maximises the sentence-level detection F1 subject to difficult-no FPR <= the cap, scored
   exactly as the metric does (a row is predicted positive if ANY asserted candidate of its
   type survives). The reported CV figures are nested: for every outer fold, C and the
   thresholds are chosen by an inner grouped CV on the other four folds only, and the fold is
   scored with a model that never saw it.
4. Trains on all rows with the chosen C and writes detector.json (weights rounded to 4
   decimals, |w| < 1e-3 dropped, sorted keys) and docs/accuracy-cv.json (the CV figures).

The runtime needs only the JSON (``rasd.events.detector.Detector``), never scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from rasd.events.detector import Candidate, Detector, features
from rasd.model import Document
from rasd.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("PROTEST", "ASSAULT")
C_GRID = (0.03, 0.1, 0.3, 1.0)
DNO_CAP = 0.20          # the target on difficult-no FPR
DNO_SELECT = 0.18       # the cap used when choosing thresholds (a margin for unseen data)
OBJECTIVE = "det+cod"   # what the thresholds maximise (see choose_threshold)
MIN_DF = 2              # a feature must occur in >= MIN_DF training sentences
SEED = 0
CLASS_WEIGHT: str | None = "balanced"
ROW_WEIGHT = True       # a row's candidates share one unit of weight


@dataclass
class Row:
    """One scored unit: a detection row (kind "det", type = file type) or a coding row."""

    kind: str                     # det | cod
    rid: str
    text: str
    etype: str                    # det: the file type; cod: the gold type
    label: str                    # det: yes / easy no / difficult no; cod: "yes"
    cands: list[Candidate] = field(default_factory=list)

    @property
    def strat(self) -> str:
        return f"{self.kind}:{self.etype}:{self.label}"


_FEATS: dict[int, list[str]] = {}


def feats(c: Candidate) -> list[str]:
    """features(c), computed once per candidate object."""
    f = _FEATS.get(id(c))
    if f is None:
        f = _FEATS[id(c)] = features(c)
    return f


def asserted(c: Candidate) -> bool:
    return c.event_type in TYPES and not c.negated and not c.hypothetical


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def collect(eval_dir: Path) -> list[Row]:
    """Rows with the asserted PROTEST/ASSAULT candidates of their sentence (no detector)."""
    rows: list[Row] = []
    docs: list[Document] = []
    for i, r in enumerate(read_jsonl(eval_dir / "gsr-detection-dev.jsonl")):
        if r["label"] == "ambiguous":
            continue
        rows.append(Row("det", f"det{i}", r["text"], r["event_type"], r["label"]))
        docs.append(Document(f"det{i}", r["text"], None))
    for i, r in enumerate(read_jsonl(eval_dir / "gsr-coding-dev.jsonl")):
        gold = sorted({e["event_type"] for e in r["events"]} & set(TYPES))
        if len(gold) != 1:
            continue
        rows.append(Row("cod", f"cod{i}", r["text"], gold[0], "yes"))
        docs.append(Document(f"cod{i}", r["text"], r.get("date")))
    by_id: dict[str, list[Candidate]] = defaultdict(list)
    nlp = Pipeline(detector=Detector({}, {}, {}), on_candidate=lambda d, c: by_id[d].append(c))
    for _ in nlp.pipe(docs):
        pass
    for row in rows:
        row.cands = [c for c in by_id.get(row.rid, []) if asserted(c)]
    return rows


def examples(rows: list[Row], idx: list[int]) -> tuple[list[list[str]], list[int], list[float]]:
    """Training examples (feature lists, labels, weights) of the rows ``idx``.

    A row's candidates share its weight (1/n each), so a sentence with many triggers does not
    count more than one with a single trigger."""
    X: list[list[str]] = []
    y: list[int] = []
    w: list[float] = []
    for i in idx:
        row = rows[i]
        if row.kind == "det":
            mine = [(c, row.label == "yes") for c in row.cands if c.event_type == row.etype]
        else:
            mine = [(c, c.event_type == row.etype) for c in row.cands]
        for c, lab in mine:
            X.append(feats(c))
            y.append(int(lab))
            w.append(1.0 / len(mine) if ROW_WEIGHT else 1.0)
    return X, y, w


@dataclass
class Model:
    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float

    def score_feats(self, feats: list[str]) -> float:
        z = self.intercept + sum(self.coef[j] for j in {self.vocab[f] for f in feats if f in self.vocab})
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows: list[Row], idx: list[int], C: float) -> Model:
    X, y, w = examples(rows, idx)
    df: Counter[str] = Counter()
    for i in idx:   # document frequency over sentences
        df.update({f for c in rows[i].cands for f in feats(c)})
    vocab = {f: j for j, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    indptr, indices = [0], []
    for fs in X:
        cols = sorted({vocab[f] for f in fs if f in vocab})
        indices.extend(cols)
        indptr.append(len(indices))
    M = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(X), len(vocab)))
    lr = LogisticRegression(C=C, solver="liblinear", intercept_scaling=10.0, class_weight=CLASS_WEIGHT, random_state=SEED)
    lr.fit(M, np.array(y), sample_weight=np.array(w))
    return Model(vocab, lr.coef_[0], float(lr.intercept_[0]))


def row_scores(rows: list[Row], idx: list[int], model: Model) -> dict[int, dict[str, float]]:
    """Per row and type: the best score of its asserted candidates of that type (absent: none)."""
    out: dict[int, dict[str, float]] = {}
    for i in idx:
        best: dict[str, float] = {}
        for c in rows[i].cands:
            s = model.score_feats(feats(c))
            if s > best.get(c.event_type, -1.0):
                best[c.event_type] = s
        out[i] = best
    return out


def det_metrics(rows: list[Row], scores: dict[int, dict[str, float]], t: str, thr: float) -> dict[str, float]:
    tp = fp = fn = dno = dno_fp = 0
    for i, sc in scores.items():
        r = rows[i]
        if r.kind != "det" or r.etype != t:
            continue
        pred = sc.get(t, -1.0) >= thr
        gold = r.label == "yes"
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        if r.label == "difficult no":
            dno += 1
            dno_fp += pred
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return {"p": p, "r": rc, "f1": f, "dno_fp": dno_fp, "dno_n": dno, "dno_fpr": dno_fp / dno if dno else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def cod_metrics(rows: list[Row], scores: dict[int, dict[str, float]], t: str, thr: float) -> dict[str, float]:
    tp = fp = fn = 0
    for i, sc in scores.items():
        r = rows[i]
        if r.kind != "cod":
            continue
        pred = sc.get(t, -1.0) >= thr
        pos = r.etype == t
        tp += pos and pred
        fp += pred and not pos
        fn += pos and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": rc, "f1": 2 * p * rc / (p + rc) if p + rc else 0.0}


def _prf(pred: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """F1 of every row of ``pred`` (cuts x rows) against ``gold``; 0 where undefined."""
    tp = (pred & gold).sum(1)
    fp = (pred & ~gold).sum(1)
    fn = (~pred & gold).sum(1)
    p = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
    r = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
    return np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0)


def choose_threshold(rows: list[Row], scores: dict[int, dict[str, float]], t: str, cap: float) -> float:
    """The threshold for ``t`` maximising the objective subject to difficult-no FPR <= cap.

    OBJECTIVE "det": the sentence-level detection F1; "det+cod": detection F1 + coding F1 of
    ``t`` (the coding sentences are all positives of their gold type, so a threshold that only
    looks at the detection rows kills coding recall). Ties go to the lowest threshold. Cuts are
    midpoints between adjacent observed scores; every cut is scored at once (vectorised)."""
    det = [i for i in scores if rows[i].kind == "det" and rows[i].etype == t]
    cod = [i for i in scores if rows[i].kind == "cod"]
    s = np.array([scores[i].get(t, -1.0) for i in det])
    gold = np.array([rows[i].label == "yes" for i in det], dtype=bool)
    dno = np.array([rows[i].label == "difficult no" for i in det], dtype=bool)
    cs = np.array([scores[i].get(t, -1.0) for i in cod])
    cgold = np.array([rows[i].etype == t for i in cod], dtype=bool)
    vals = np.unique(np.concatenate([s, cs]))
    vals = vals[vals >= 0]
    if not len(vals):
        return 1.0
    cuts = np.concatenate([[0.0], (vals[:-1] + vals[1:]) / 2, [vals[-1] + 1e-9]])
    pred = s[None, :] >= cuts[:, None]
    obj = _prf(pred, gold)
    if OBJECTIVE == "det+cod" and len(cs):
        obj = obj + _prf(cs[None, :] >= cuts[:, None], cgold)
    fpr = (pred & dno).sum(1) / max(int(dno.sum()), 1)
    obj = np.where(fpr <= cap + 1e-12, np.round(obj, 6), -1.0)
    return float(cuts[int(np.argmax(obj))])   # argmax: the first (lowest) cut among ties


def folds(rows: list[Row], idx: list[int], k: int, seed: int) -> list[tuple[list[int], list[int]]]:
    y = [rows[i].strat for i in idx]
    g = [rows[i].text for i in idx]
    cv = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return [([idx[j] for j in tr], [idx[j] for j in te]) for tr, te in cv.split(np.zeros(len(idx)), y, g)]


def oof_scores(rows: list[Row], idx: list[int], C: float, k: int, seed: int) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = {}
    for tr, te in folds(rows, idx, k, seed):
        out.update(row_scores(rows, te, fit(rows, tr, C)))
    return out


def select(rows: list[Row], idx: list[int], k: int, seed: int, log: bool = False
           ) -> tuple[float, dict[str, float], dict[float, Any]]:
    """C and per-type thresholds by grouped k-fold CV on the rows ``idx``."""
    best: tuple[float, float, dict[str, float]] | None = None
    table: dict[float, Any] = {}
    for C in C_GRID:
        sc = oof_scores(rows, idx, C, k, seed)
        thr = {t: choose_threshold(rows, sc, t, DNO_SELECT) for t in TYPES}
        f1s = {t: det_metrics(rows, sc, t, thr[t])["f1"] for t in TYPES}
        cf1 = {t: cod_metrics(rows, sc, t, thr[t])["f1"] for t in TYPES}
        det_macro = sum(f1s.values()) / len(f1s)
        cod_macro = sum(cf1.values()) / len(cf1)
        macro = det_macro + (cod_macro if OBJECTIVE == "det+cod" else 0.0)
        table[C] = {"det_macro_f1": det_macro, "cod_macro_f1": cod_macro,
                    **{f"det_{t.lower()}_f1": f for t, f in f1s.items()},
                    **{f"thr_{t.lower()}": thr[t] for t in TYPES}}
        if log:
            print(f"  C={C:<5} " + " ".join(f"{t}: F1={f1s[t]:.3f} thr={thr[t]:.3f}" for t in TYPES)
                  + f"  det_macro={det_macro:.3f} cod_macro={cod_macro:.3f}", file=sys.stderr)
        if best is None or macro > best[1] + 1e-9:
            best = (C, macro, thr)
    assert best is not None
    return best[0], best[2], table


def summarize(rows: list[Row], scores: dict[int, dict[str, float]], thr: dict[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    dfp = dn = 0
    f1s = []
    for t in TYPES:
        m = det_metrics(rows, scores, t, thr[t])
        c = cod_metrics(rows, scores, t, thr[t])
        k = t.lower()
        out.update({f"det_{k}_p": m["p"], f"det_{k}_r": m["r"], f"det_{k}_f1": m["f1"],
                    f"det_{k}_dno_fpr": m["dno_fpr"], f"cod_{k}_p": c["p"], f"cod_{k}_r": c["r"],
                    f"cod_{k}_f1": c["f1"]})
        dfp += m["dno_fp"]
        dn += m["dno_n"]
        f1s.append(m["f1"])
    out["det_macro_f1"] = sum(f1s) / len(f1s)
    out["det_dno_fpr"] = dfp / dn if dn else None
    out["cod_macro_f1"] = sum(out[f"cod_{t.lower()}_f1"] for t in TYPES) / len(TYPES)
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def export(model: Model, thr: dict[str, float], C: float, n_rows: int) -> str:
    weights = {}
    for f, j in model.vocab.items():
        w = round(float(model.coef[j]), 4)
        if abs(w) >= 1e-3:
            weights[f] = w
    b = round(model.intercept, 4)
    raw = {
        "about": "report-vs-mention detector; trained by tools/train_detector.py on the DEV gold rows",
        "C": C, "n_rows": n_rows,
        "bias": {t: b for t in TYPES},
        "thresholds": {t: round(thr[t], 4) for t in TYPES},
        "weights": weights,
    }
    return json.dumps(raw, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def main() -> int:
    global OBJECTIVE
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "src/rasd/events/data/detector.json"))
    ap.add_argument("--cv-out", default=str(ROOT / "docs/accuracy-cv.json"))
    ap.add_argument("--dry-run", action="store_true", help="report the CV figures, write nothing")
    ap.add_argument("--no-nested", action="store_true", help="skip the nested CV estimate (faster)")
    ap.add_argument("--objective", choices=("det", "det+cod"), default="det+cod")
    args = ap.parse_args()
    OBJECTIVE = args.objective

    t0 = time.perf_counter()
    rows = collect(Path(args.eval_dir))
    n_c = Counter((c.event_type, r.kind) for r in rows for c in r.cands)
    print(f"rows: {len(rows)} ({Counter(r.strat for r in rows)}); asserted candidates: {dict(n_c)} "
          f"[{time.perf_counter() - t0:.1f}s]", file=sys.stderr)
    idx = list(range(len(rows)))

    # no detector: every asserted candidate survives
    base = summarize(rows, {i: {c.event_type: 1.0 for c in rows[i].cands} for i in idx}, {t: 0.5 for t in TYPES})

    # model selection on all DEV rows (grouped 5-fold CV)
    print("selection (5-fold grouped CV, OOF):", file=sys.stderr)
    C, thr, table = select(rows, idx, 5, SEED, log=True)
    oof = oof_scores(rows, idx, C, 5, SEED)
    flat = summarize(rows, oof, thr)
    print(f"chosen C={C} thresholds={thr}\nOOF at the chosen setting: {flat}", file=sys.stderr)

    nested: dict[str, Any] | None = None
    if not args.no_nested:
        # honest estimate: everything (C, thresholds, weights) chosen without the scored fold
        scores: dict[int, dict[str, float]] = {}
        fold_thr: list[dict[str, Any]] = []
        decided: dict[int, dict[str, float]] = {}
        for k, (tr, te) in enumerate(folds(rows, idx, 5, SEED + 1)):
            Ck, thr_k, _ = select(rows, tr, 4, SEED)
            m = fit(rows, tr, Ck)
            sc = row_scores(rows, te, m)
            scores.update(sc)
            # apply the fold's own thresholds: encode as pass/fail scores
            for i, s in sc.items():
                decided[i] = {t: (1.0 if v >= thr_k[t] else 0.0) for t, v in s.items()}
            fold_thr.append({"C": Ck, "thresholds": {t: round(v, 4) for t, v in thr_k.items()}})
            print(f"  outer fold {k}: C={Ck} thr={thr_k}", file=sys.stderr)
        nested = summarize(rows, decided, {t: 0.5 for t in TYPES})
        nested["folds"] = fold_thr
        print(f"nested CV: {nested}", file=sys.stderr)

    final = fit(rows, idx, C)
    text = export(final, thr, C, len(rows))
    cv = {
        "about": "Cross-validated detector figures on the DEV rows (tools/train_detector.py). "
                 "Folds are stratified and grouped by sentence text; every figure is scored on "
                 "out-of-fold predictions only.",
        "folds": 5, "objective": OBJECTIVE, "dno_cap": DNO_CAP, "dno_select": DNO_SELECT, "min_df": MIN_DF, "C_grid": list(C_GRID),
        "rows": dict(sorted(Counter(r.strat for r in rows).items())),
        "candidates": {f"{t}/{k}": n for (t, k), n in sorted(n_c.items())},
        "chosen": {"C": C, "thresholds": {t: round(v, 4) for t, v in thr.items()}},
        "selection": {str(c): {k: round(v, 4) for k, v in d.items()} for c, d in table.items()},
        "no_detector": base,
        "oof_chosen": flat,
        "nested": nested,
        "n_weights": len(json.loads(text)["weights"]),
    }
    if args.dry_run:
        print(json.dumps(cv, ensure_ascii=False, indent=1))
        return 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    Path(args.cv_out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.cv_out).write_text(json.dumps(cv, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({cv['n_weights']} weights) and {args.cv_out} [{time.perf_counter() - t0:.1f}s]",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
