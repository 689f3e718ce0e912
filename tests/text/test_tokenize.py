from hypothesis import given
from hypothesis import strategies as st

from rasd.text.normalize import normalize
from rasd.text.segment import split_sentences
from rasd.text.tokenize import Analysis, Analyzer, tokenize


def test_clitic_readings_keep_the_stem():
    an = Analyzer()
    readings = an.analyses("وبالمناورات")
    assert Analysis("وبال", "مناورات", "") in readings
    assert Analysis("", "وبالمناورات", "") in readings


def test_suffix_with_ta_marbuta_restored():
    readings = Analyzer().analyses("زيارته")
    assert Analysis("", "زياره", "ه") in readings


def test_glued_negation_is_a_reading():
    assert any(a.prefix == "ولا" and a.stem == "يهدد" for a in Analyzer().analyses("ولايهدد"))


def test_tokens_and_clause_breaks():
    toks = tokenize("قال الوزير، إن البلدين")
    assert [t.text for t in toks] == ["قال", "الوزير", "إن", "البلدين"]
    assert [t.clause_break_before for t in toks] == [False, False, True, False]


def test_sentences_split_on_arabic_question_mark_and_newline():
    n = normalize("هل حضر الوزير؟ نعم حضر.\nخبر آخر")
    spans = split_sentences(n.norm)
    assert [n.norm[s:e] for s, e in spans] == ["هل حضر الوزير?", "نعم حضر.", "خبر اخر"]


def test_decimal_point_does_not_split():
    assert len(split_sentences("ارتفع المؤشر 3.5 في المئة اليوم.")) == 1


def test_run_on_text_is_cut():
    spans = split_sentences("كلمة " * 2000)
    assert len(spans) > 1
    assert all(e - s <= 2000 for s, e in spans)


@given(st.text(st.sampled_from("ابتث جحخ.،؟\n و"), max_size=200))
def test_tokens_lie_inside_sentences(text):
    n = normalize(text)
    for s, e in split_sentences(n.norm):
        assert n.norm[s:e] == n.norm[s:e].strip()
        for t in tokenize(n.norm, s, e):
            assert s <= t.start < t.end <= e
            assert n.norm[t.start:t.end] == t.text


@given(st.text(st.sampled_from("ابتةه َـ\u200f ﻻﺓﺔ"), max_size=60))
def test_ta_marbuta_flags_follow_the_input(text):
    """Also for the presentation forms of ة (regression: ﻭﺯﺍﺭﺓ was read و + زار + ه "visited her")."""
    from rasd.text.normalize import normalize

    n = normalize(text)
    toks = tokenize(n.norm, 0, len(n.norm), n)
    for i, (t, s) in enumerate(zip(toks.texts, toks.starts)):
        s0, e0 = n.span_to_orig(s, s + len(t))
        ends_in_ta = text[s0:e0].rstrip("\u064e\u0640\u200f").endswith(("ة", "\ufe93", "\ufe94"))
        assert (i in toks.taa) == ends_in_ta, (text, t)


def test_ta_marbuta_is_not_a_pronoun():
    from rasd.text.normalize import normalize

    n = normalize("استجابة لمطالبه")
    toks = tokenize(n.norm, 0, len(n.norm), n)
    assert toks.taa == {0}


@given(st.text(st.sampled_from("ابتةه َ.،؟\n "), max_size=120))
def test_document_tokenization_equals_sentence_by_sentence(text):
    from rasd.text.normalize import normalize
    from rasd.text.tokenize import tokenize_sentences

    n = normalize(text)
    spans = split_sentences(n.norm)
    for (s, e), toks in zip(spans, tokenize_sentences(n.norm, spans, n)):
        one = tokenize(n.norm, s, e, n)
        assert (toks.texts, toks.starts, toks.breaks, toks.taa) == (one.texts, one.starts, one.breaks, one.taa)


@given(st.text(alphabet="والبفكسته" + "ارزيمنعدشق", min_size=1, max_size=9))
def test_splits_and_taa_stems_give_every_stem_beginning(word):
    # Requirements.of reads the beginnings of every reading's stem from proclitic_splits and
    # taa_stems instead of readings(): the two must name the same strings
    from rasd.text.tokenize import proclitic_splits, readings, taa_stems

    def beginnings(stems):
        return {s[:k] for s in stems for k in range(1, len(s) + 1)}

    old = beginnings(st_ for _, st_, _ in readings(word))
    new = set()
    for _, rest in proclitic_splits(word):
        new |= beginnings([rest])
        new |= set(taa_stems(rest))
    assert old == new


def test_with_proclitics_glues_each_chain():
    from rasd.text.tokenize import with_proclitics
    assert with_proclitics(("حين",)) == {"حين", "وحين", "فحين"}
    assert with_proclitics(("ضبط",), ("", "ب")) == {"ضبط", "بضبط"}
