"""Reported event or mere mention? A learned filter over trigger candidates.

The dictionary finds every trigger; many are not reports of an event that took place
(a call to protest, "the protest movement", a denial, background). For the types the
model was trained on, each candidate is scored by a logistic model over lexical and
contextual features (``features``); candidates under the type's threshold are dropped.
The weights are data (``data/detector.json``), trained by ``tools/train_detector.py``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the detector sees of one trigger in its sentence (normalized text)."""

    event_type: str
    tokens: tuple[str, ...]
    first: int                 # trigger token span, inclusive
    last: int
    form: str                  # past | present | noun | fixed
    prefix: str
    suffix: str
    negated: bool
    future: bool
    hypothetical: bool
    source_sector: str | None
    target_sector: str | None
    has_source: bool
    has_target: bool
    has_location: bool
    has_date: bool
    rule: str
    n_triggers: int            # triggers of any type in the sentence


def features(c: Candidate) -> list[str]:
    """Sparse binary features of a candidate (names are stable: they key the weights)."""
    t = c.tokens
    trig = " ".join(t[c.first:c.last + 1])
    f = [f"type={c.event_type}", f"trig={trig}", f"form={c.form}", f"rule={c.rule.split(':')[0]}",
         f"pre={c.prefix}", f"suf={bool(c.suffix)}", f"neg={c.negated}", f"fut={c.future}", f"hyp={c.hypothetical}",
         f"src={c.source_sector}", f"tgt={c.target_sector}", f"hasrc={c.has_source}", f"hastgt={c.has_target}",
         f"loc={c.has_location}", f"date={c.has_date}", f"ntrig={min(c.n_triggers, 4)}",
         f"pos={'start' if c.first < 3 else 'mid' if c.first < 15 else 'late'}"]
    for k in (1, 2, 3):
        i = c.first - k
        f.append(f"l{k}={t[i] if i >= 0 else '<s>'}")
        j = c.last + k
        f.append(f"r{k}={t[j] if j < len(t) else '</s>'}")
    lo, hi = max(0, c.first - 6), min(len(t), c.last + 7)
    f.extend(f"win={w}" for w in set(t[lo:c.first]) | set(t[c.last + 1:hi]))
    f.extend(f"bag={w}" for w in set(t))
    return [f"{c.event_type}|{x}" for x in f] + f


@dataclass(frozen=True, slots=True)
class Detector:
    """Logistic scores per event type; types without a model pass through untouched."""

    weights: dict[str, float]
    bias: dict[str, float]
    thresholds: dict[str, float]

    @classmethod
    def load(cls, text: str | None = None) -> "Detector":
        if text is None:
            f = resources.files("rasd.events").joinpath("data/detector.json")
            if not f.is_file():
                return cls({}, {}, {})
            text = f.read_text("utf-8")
        raw: dict[str, Any] = json.loads(text)
        return cls(dict(raw["weights"]), dict(raw["bias"]), dict(raw["thresholds"]))

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.thresholds)

    def score(self, c: Candidate) -> float:
        if c.event_type not in self.thresholds:
            return 1.0
        w = self.weights
        z = self.bias.get(c.event_type, 0.0) + sum(w.get(x, 0.0) for x in features(c))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, c: Candidate) -> tuple[bool, float]:
        s = self.score(c)
        return s >= self.thresholds.get(c.event_type, 0.0), s
