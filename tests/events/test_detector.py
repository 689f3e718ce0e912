"""The report-vs-mention detector: loading, determinism, and the packaged model's decisions."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from rasd.events.detector import Candidate, Detector, features
from rasd.pipeline import Pipeline


def _cand(**kw) -> Candidate:
    base = dict(event_type="PROTEST", tokens=("تظاهر", "الاف", "الطلاب", "امس", "في", "عمان"), first=0, last=0,
                form="past", prefix="", suffix="", negated=False, future=False, hypothetical=False,
                source_sector="EDU", target_sector=None, has_source=True, has_target=False,
                has_location=True, has_date=False, rule="verb-vso", n_triggers=1)
    base.update(kw)
    return Candidate(**base)  # type: ignore[arg-type]


def test_load_small_json_scores_and_thresholds():
    c = _cand()
    f = features(c)
    raw = {"bias": {"PROTEST": -1.0}, "thresholds": {"PROTEST": 0.5},
           "weights": {"PROTEST|type=PROTEST": 0.5, "cue:time@s": 2.0}}
    det = Detector.load(json.dumps(raw))
    assert det.types == frozenset({"PROTEST"})
    assert "cue:time@s" in f and "PROTEST|type=PROTEST" in f   # امس is a time word
    keep, s = det.keep(c)
    assert keep and s == pytest.approx(1 / (1 + 2.718281828459045 ** -1.5), rel=1e-6)
    # without the time word the score falls under the threshold
    c2 = _cand(tokens=("تظاهر", "الاف", "الطلاب", "في", "عمان"))
    assert det.keep(c2)[0] is False
    # types without a threshold pass through
    assert det.keep(_cand(event_type="ASSAULT")) == (True, 1.0)
    # negated candidates assert nothing: always kept, whatever the score
    assert det.keep(_cand(tokens=("تظاهر", "الاف"), negated=True))[0] is True


def test_features_deterministic_and_duplicate_free():
    c = _cand(tokens=("وقال", "مصدر", "ان", "الاف", "المتظاهرين", "تظاهروا", "امس", "امام", "مقر", "الحكومه"),
              first=5, last=5)
    a, b = features(c), features(c)
    assert a == b
    assert len(a) == len(set(a))
    assert features(_cand()) != features(_cand(form="noun"))


def _packaged() -> Detector:
    if not resources.files("rasd.events").joinpath("data/detector.json").is_file():
        pytest.skip("no packaged detector.json (run tools/train_detector.py)")
    return Detector.load()


def _asserting(text: str, etype: str, det: Detector) -> list[bool]:
    cands: list[Candidate] = []
    Pipeline(detector=Detector({}, {}, {}), on_candidate=lambda d, c: cands.append(c)).code(text)
    return [det.keep(c)[0] for c in cands if c.event_type == etype and not c.negated and not c.hypothetical]


def test_packaged_model_keeps_a_clear_report():
    det = _packaged()
    assert det.types >= {"PROTEST", "ASSAULT"}
    kept = _asserting("تظاهر آلاف الطلاب أمس أمام مقر الحكومة في عمّان احتجاجا على رفع الأسعار", "PROTEST", det)
    assert kept and any(kept)


def test_packaged_model_drops_a_clear_mention():
    det = _packaged()
    kept = _asserting("تناول المؤتمر ظاهرة الاحتجاجات في العالم العربي وأسبابها الاقتصادية", "PROTEST", det)
    assert not any(kept)


def test_packaged_json_is_canonical():
    if not resources.files("rasd.events").joinpath("data/detector.json").is_file():
        pytest.skip("no packaged detector.json")
    raw = json.loads(resources.files("rasd.events").joinpath("data/detector.json").read_text("utf-8"))
    assert list(raw["weights"]) == sorted(raw["weights"])
    assert all(abs(w) >= 1e-3 and round(w, 4) == w for w in raw["weights"].values())
