"""Proper names are definite or not as a whole (الرقة never matches فرقة "a band")."""

from __future__ import annotations

import pytest

from rasd.text.normalize import normalize
from rasd.text.segment import split_sentences
from rasd.text.tokenize import tokenize_sentences


def _names(nlp, text: str) -> set[str]:
    n = normalize(text)
    spans = split_sentences(n.norm)
    out: set[str] = set()
    for toks in tokenize_sentences(n.norm, spans, n):
        for m in nlp.lexicon.matcher.match(toks, nlp.analyzer):
            if m.layer == "actor" and m.kind in ("country", "capital", "place", "person"):
                out.add(m.ref.name)
    return out


@pytest.mark.parametrize("text", [
    "قتلت فرقة مظلية أربعة مسلحين",        # ف + رقة is not Raqqa
    "كتبت الصحيفة أن الوزارة المالية رفضت",  # ك + تبت is not Tibet; المالية is not Male
    "خرج الآلاف إلى الشوارع",               # خرج is not Al-Kharj
])
def test_bare_or_wrongly_definite_words_are_not_names(nlp, text):
    assert not _names(nlp, text) & {"Raqqa", "Tibet", "Male", "Al-Kharj"}


@pytest.mark.parametrize("text,name", [
    ("سيطر المسلحون على الرقة", "Raqqa"),
    ("وقعت اشتباكات بالرقة", "Raqqa"),
    ("زار الوزير ألمانيا", "Germany"),
    ("وصل الوفد إلى القاهرة", "Cairo"),
    ("التقى الرئيس بشار الأسد", "Bashar al-Assad"),
])
def test_names_keep_their_own_article(nlp, text, name):
    assert name in _names(nlp, text)


@pytest.mark.parametrize("text,source,target", [
    # the Custodian of the Two Holy Mosques is the Saudi king (a metonym of SAU, GOV), a blessing
    # between dashes does not cut his clause, and a light verb's object is looked for after its noun
    ("أجرى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود - حفظه الله - اتصالاً هاتفياً أمس "
     "بفخامة الرئيس عبدالفتاح السيسي رئيس جمهورية مصر العربية.", "SAUGOV", "EGYGOV"),
    # a definite title after a name is the object of a verb-first clause, not an apposition; عبد
    # joined to the next word (عبدالعزيز) is the dictionary's عبد العزيز
    ("واستقبل الملك سلمان بن عبدالعزيز الرئيس المصري في جدة أمس.", "SAUGOV", "EGYGOV"),
    ("وبعث نائب خادم الحرمين الشريفين برقية تهنئة للرئيس الفرنسي.", "SAUGOV", "FRAGOV"),
])
def test_saudi_royal_protocol(nlp, text, source, target):
    records = nlp.code(text, "2015-08-01")
    assert any((r["source"] or {}).get("code") == source and (r["target"] or {}).get("code") == target
               for r in records), [(r["source"], r["target"]) for r in records]
