import re

from hypothesis import given
from hypothesis import strategies as st

from rasd.text.normalize import normalize
from rasd.text.segment import _BOUNDARY, split_sentences

# The boundary as first written: "one or more of . ! ? followed by white space, a closing
# quote or bracket, or the end; or a line break". _BOUNDARY is the same language written to
# begin with a character class (faster search); this pins the two together.
_SPEC = re.compile(r"(?:[.!?]+(?=[\s\"')\]]|$)[\"')\]]*|\n)")


@given(st.text(alphabet=".!?\n \"')]x،ق3", max_size=30))
def test_boundary_is_the_specified_one(text):
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in _SPEC.finditer(text)]


def test_sentences_end_at_punctuation_and_line_breaks():
    text = normalize("قال الوزير: وصل 3.5 مليون. هل وصل؟ نعم!\nسطر جديد..الخ دون نهاية").norm
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["قال الوزير: وصل 3.5 مليون.", "هل وصل?", "نعم!",
                                             "سطر جديد..الخ دون نهايه"]


def test_quotes_close_with_their_sentence():
    text = 'قال «لن نتراجع.» ثم غادر. وقال "انتهى." وسكت'
    assert [text[s:e] for s, e in split_sentences(text)] == ['قال «لن نتراجع.» ثم غادر.', 'وقال "انتهى."', "وسكت"]
