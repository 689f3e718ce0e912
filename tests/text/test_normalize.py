from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize, normalize_key

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.one_of(ARABIC, st.sampled_from(" .،؟!\n\u0640\ufefb\ufe8d\u200f0123456789abcXYZ"),
                  st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC))


def test_merges_spelling_variants():
    assert normalize_key("أحمد") == normalize_key("احمد") == normalize_key("إحمد")
    assert normalize_key("مستشفى") == normalize_key("مستشفي")
    assert normalize_key("مدينة") == normalize_key("مدينه")
    assert normalize_key("مسؤول") == normalize_key("مسئول")
    assert normalize_key("١٢٣") == "123"


def test_drops_diacritics_and_tatweel_with_offsets():
    text = "قَتَلَ الجنـــود"
    n = normalize(text)
    assert n.norm == "قتل الجنود"
    start = n.norm.index("الجنود")
    s, e = n.span_to_orig(start, start + len("الجنود"))
    assert text[s:e] == "الجنـــود"
    s, e = n.span_to_orig(0, 3)
    assert text[s:e] == "قَتَلَ"  # a final diacritic stays with its word


def test_presentation_forms_expand():
    n = normalize("\ufefb\ufe8e")  # lam-alef ligature + alef final form
    assert n.norm == "لاا"
    assert n.span_to_orig(0, 3) == (0, 2)


def test_plain_text_keeps_identity_offsets():
    n = normalize("روسيا وفنزويلا")
    assert n.offsets is None
    assert n.span_to_orig(0, 5) == (0, 5)


@settings(max_examples=300)
@given(st.text(MIXED, max_size=60))
def test_offsets_always_index_the_input(text):
    n = normalize(text)
    for i in range(len(n.norm) + 1):
        for j in range(i, min(len(n.norm), i + 6) + 1):
            s, e = n.span_to_orig(i, j)
            assert 0 <= s <= e <= len(text)
    # every kept character maps back to a character that normalizes to it
    for i, ch in enumerate(n.norm):
        s, e = n.span_to_orig(i, i + 1)
        assert ch in normalize(text[s:e]).norm


@settings(max_examples=200)
@given(st.text(MIXED, max_size=40))
def test_normalization_is_idempotent(text):
    once = normalize(text).norm
    assert normalize(once).norm == once


@settings(max_examples=300)
@given(st.text(MIXED, max_size=60))
def test_byte_path_equals_the_character_map(text):
    # Windows-1256 byte tables must give exactly what the character map gives
    from rasd.text.normalize import default_charmap

    cm = default_charmap()
    assert cm.translate(text) == text.translate(cm.table)


def test_blessings_after_names_are_blanked_in_place():
    from rasd.text.normalize import mask_honorifics
    text = "أجرى الملك سلمان - حفظه الله - اتصالاً، ونعى الأمير نايف (رحمه الله)."
    n = normalize(text)
    m = mask_honorifics(n)
    assert len(m.norm) == len(n.norm) and m.offsets == n.offsets and m.dropped == n.dropped
    assert "حفظه" not in m.norm and "رحمه" not in m.norm and "اتصالا" in m.norm
    assert m.norm.split()[:4] == ["اجري", "الملك", "سلمان", "اتصالا,"]   # (، is normalized to ,)
    assert m.norm.split()[-1] == "."   # the bracketed blessing is gone, its full stop stays


def test_styles_of_address_are_blanked_in_place():
    from rasd.text.normalize import mask_honorifics
    text = "زيارة صاحب السمو الملكي الأمير محمد بن سلمان، ولقاء معالي الوزير وفخامة الرئيس."
    n = normalize(text)
    m = mask_honorifics(n)
    assert len(m.norm) == len(n.norm) and m.offsets == n.offsets
    assert m.norm.split()[:3] == ["زياره", "الامير", "محمد"]
    assert "معالي" not in m.norm and "وفخامه" in m.norm   # a style after و stays: its و coordinates


@given(st.text(alphabet="حفظه الله-() رحمها صاحب السمو معالي", max_size=40))
def test_masking_keeps_every_offset(text):
    from rasd.text.normalize import mask_honorifics
    n = normalize(text)
    m = mask_honorifics(n)
    assert len(m.norm) == len(n.norm)
    assert all(a == b or a == " " for a, b in zip(m.norm, n.norm))
