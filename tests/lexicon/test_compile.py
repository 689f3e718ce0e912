import importlib.resources

import pytest

from rasd.lexicon.compile import has_article, key_words, verb_forms
from rasd.lexicon.load import _tsv
from rasd.lexicon.schema import parse_cue
from rasd.text.normalize import normalize
from rasd.text.segment import split_sentences
from rasd.text.tokenize import tokenize_sentences


def _forms(past, present):
    return {f for f, _ in verb_forms(past, present)}


def test_regular_verb_conjugations():
    forms = _forms("قتل", "يقتل")
    assert {"قتل", "قتلت", "قتلوا", "قتلن", "قتلنا", "يقتل", "تقتل", "يقتلون", "نقتل"} <= forms


def test_hollow_verb_keeps_no_alif_before_a_consonant_suffix():
    # regression: لام + ن gave لامن, which is ل + أمن ("for the security of": قمة لأمن الفضاء
    # was coded as blame); a hollow verb's alif drops there (لُمن، قمنا), so those forms are not made
    forms = _forms("لام", "يلوم")
    assert {"لام", "لامت", "لاموا", "يلوم", "تلوم", "يلومون"} <= forms
    assert not {"لامن", "لامنا", "لامتم"} & forms
    # a doubled verb written with two letters parts them there (حضضن): حض + ن would be حضن "lap"
    assert not {"حضن", "حضنا", "حضتم"} & _forms("حض", "يحض")


def test_for_the_security_of_is_no_blame(nlp):
    records = nlp.code("عقد أوباما أول قمة له لأمن الفضاء الإلكتروني في وادي السيليكون.", "2015-02-13")
    assert not [r for r in records if r["event_type"] == "ACCUSE"]


def test_a_verb_takes_no_noun_ending(nlp):
    # regression: طالب "demanded" + the dual ending ان read the Taliban as a demand, and لام + ين
    # read لأمين "to the secretary of" as blame; a verb takes pronouns, not tanween or the dual
    records = nlp.code("وعقد اللقاء الأول بين قياديين من طالبان وممثلين عن حكومة كابل، وشكروا لأمين المنطقة جهوده.",
                       "2015-07-30")
    assert not [r for r in records if r["event_type"] in ("REQUEST", "ACCUSE")]
    # a present verb before نا keeps it (يقتلونا: يقتلوننا "they kill us")
    records = nlp.code("وقال إن المسلحين يقتلونا كل يوم في القرية.", "2015-07-30")
    assert [r for r in records if r["event_type"] == "ASSAULT"]


def test_hamza_lam_is_no_article():
    # ألماني begins with its own ال (a hamza on the alef tells it): the key keeps it, so that the
    # definite الألمانية (normalized ال + المانيه) is read; البحرية loses its article as before
    assert key_words("ألماني") == ("الماني",)
    assert key_words("البحرية") == ("بحريه",)
    assert key_words("رفع إلغاء الحظر", keep_first=True) == ("رفع", "الغاء", "حظر")
    assert has_article("البحرية") and not has_article("ألمانيا")


@pytest.mark.parametrize("text", ["رفض الرئيس الألماني العقوبات.", "رفضت الحكومة الألمانية العقوبات.",
                                  "رفضت ألمانيا العقوبات.", "رفضت المانيا العقوبات."])
def test_german_nisba_and_name(nlp, text):
    # regression: الألماني/الألمانية matched nothing (the key was مانيه), and ألمانيا as a
    # definite-only name lost to the accusative nisba, so Germany was a target
    records = nlp.code(text, "2015-08-01")
    assert [(r["source"] or {}).get("country") for r in records] == ["DEU"]


def test_every_cue_matches_as_written(nlp):
    # a cue written with the article (المزاعم، المرجح) was keyed without it and allowed no article
    # on the token: it never matched. Every cue of cues.tsv must match its own text.
    data = importlib.resources.files("rasd.lexicon") / "data"
    dead = []
    for row, where in _tsv(data, "cues.tsv"):
        cue, ar = parse_cue(row, where)
        n = normalize(ar)
        toks = next(iter(tokenize_sentences(n.norm, split_sentences(n.norm), n)))
        if not any(m.layer == "cue" and m.first == 0 and m.last == len(toks.texts) - 1
                   for m in nlp.lexicon.matcher.match(toks, nlp.analyzer)):
            dead.append(ar)
    assert not dead, dead
