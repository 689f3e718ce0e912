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
