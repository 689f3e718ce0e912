"""Tests for rasd.time: Arabic date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.time import DateMention, _candidates, _grammar, _resolve, _trimmed, find_dates, resolve_event_date

THURSDAY = dt.date(2015, 7, 23)  # a Thursday


def only(text: str, anchor: dt.date | None = THURSDAY) -> tuple[str, str, str, str]:
    mentions = find_dates(text, anchor)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    return text[m.span[0] : m.span[1]], m.date.isoformat(), m.precision, m.kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الرئيس أمس إن", ("أمس", "2015-07-22", "day", "relative")),
        ("قال الرئيس امس", ("امس", "2015-07-22", "day", "relative")),
        ("وبالأمس", ("الأمس", "2015-07-22", "day", "relative")),
        ("أَمْسِ", ("أَمْسِ", "2015-07-22", "day", "relative")),
        ("أعلن اليوم الأحد", ("اليوم الأحد", "2015-07-23", "day", "relative")),
        ("أول أمس", ("أول أمس", "2015-07-21", "day", "relative")),
        ("مساء أمس", ("مساء أمس", "2015-07-22", "day", "relative")),
        ("صباح اليوم", ("صباح اليوم", "2015-07-23", "day", "relative")),
        ("ليلة أمس", ("ليلة أمس", "2015-07-22", "day", "relative")),
        ("يصل غداً", ("غداً", "2015-07-24", "day", "relative")),
        ("بعد غد", ("بعد غد", "2015-07-25", "day", "relative")),
        ("صباح الغد", ("صباح الغد", "2015-07-24", "day", "relative")),
        ("الأحد الماضي", ("الأحد الماضي", "2015-07-19", "day", "relative")),
        ("يوم الأحد", ("يوم الأحد", "2015-07-19", "day", "relative")),
        ("الخميس", ("الخميس", "2015-07-23", "day", "relative")),  # on or before the anchor
        ("الخميس الماضي", ("الخميس الماضي", "2015-07-16", "day", "relative")),  # strictly before
        ("الخميس المقبل", ("الخميس المقبل", "2015-07-30", "day", "relative")),
        ("الجمعة القادمة", ("الجمعة القادمة", "2015-07-24", "day", "relative")),
        ("الاثنين", ("الاثنين", "2015-07-20", "day", "relative")),
        ("الثلاثاء", ("الثلاثاء", "2015-07-21", "day", "relative")),
        ("الاربعاء الماضي", ("الاربعاء الماضي", "2015-07-22", "day", "relative")),
        ("الأسبوع الماضي", ("الأسبوع الماضي", "2015-07-11", "day", "relative")),  # Saturday
        ("الشهر الماضي", ("الشهر الماضي", "2015-06-01", "month", "relative")),
        ("الشهر المقبل", ("الشهر المقبل", "2015-08-01", "month", "relative")),
        ("العام الماضي", ("العام الماضي", "2014-01-01", "year", "relative")),
        ("السنة المقبلة", ("السنة المقبلة", "2016-01-01", "year", "relative")),
        ("هذا العام", ("هذا العام", "2015-01-01", "year", "relative")),
        ("في 12 يوليو 2009", ("12 يوليو 2009", "2009-07-12", "day", "absolute")),
        ("في ١٢ يوليو ٢٠٠٩", ("١٢ يوليو ٢٠٠٩", "2009-07-12", "day", "absolute")),
        ("في ۱۲ يوليو ۲۰۰۹", ("۱۲ يوليو ۲۰۰۹", "2009-07-12", "day", "absolute")),
        ("12 تموز/يوليو 2009", ("12 تموز/يوليو 2009", "2009-07-12", "day", "absolute")),
        ("12 تموز (يوليو) 2009", ("12 تموز (يوليو) 2009", "2009-07-12", "day", "absolute")),
        ("الثاني عشر من يوليو", ("الثاني عشر من يوليو", "2015-07-12", "day", "relative")),
        ("الحادي والثلاثين من ديسمبر 2014", ("الحادي والثلاثين من ديسمبر 2014", "2014-12-31", "day", "absolute")),
        ("الأحد 12 يوليو 2015", ("الأحد 12 يوليو 2015", "2015-07-12", "day", "absolute")),
        ("12/7/2009", ("12/7/2009", "2009-07-12", "day", "absolute")),
        ("التاريخ:12/7/2009", ("12/7/2009", "2009-07-12", "day", "absolute")),
        ("2009-07-12", ("2009-07-12", "2009-07-12", "day", "absolute")),
        ("يوليو 2009", ("يوليو 2009", "2009-07-01", "month", "absolute")),
        ("كانون الثاني 2010", ("كانون الثاني 2010", "2010-01-01", "month", "absolute")),
        ("تشرين الأول 2010", ("تشرين الأول 2010", "2010-10-01", "month", "absolute")),
        ("في يوليو", ("يوليو", "2015-07-01", "month", "relative")),
        ("في ديسمبر", ("ديسمبر", "2014-12-01", "month", "relative")),  # nearest past
        ("يوليو الماضي", ("يوليو الماضي", "2014-07-01", "month", "relative")),
        ("أغسطس المقبل", ("أغسطس المقبل", "2015-08-01", "month", "relative")),
        ("شهر مارس", ("شهر مارس", "2015-03-01", "month", "relative")),
        ("وفي 12 غشت 2015", ("12 غشت 2015", "2015-08-12", "day", "absolute")),
        ("5 شتنبر 2014", ("5 شتنبر 2014", "2014-09-05", "day", "absolute")),
        ("3 يوليوز 2014", ("3 يوليوز 2014", "2014-07-03", "day", "absolute")),
        ("3 دجنبر 2014", ("3 دجنبر 2014", "2014-12-03", "day", "absolute")),
        ("3 ماي 2014", ("3 ماي 2014", "2014-05-03", "day", "absolute")),
        ("3 يونيه 2014", ("3 يونيه 2014", "2014-06-03", "day", "absolute")),
        ("3 آب 2014", ("3 آب 2014", "2014-08-03", "day", "absolute")),
        ("3 أيار 2014", ("3 أيار 2014", "2014-05-03", "day", "absolute")),
        ("15 رمضان 1436 هـ", ("15 رمضان 1436 هـ", "2015-07-02", "day", "absolute")),
        ("15 رمضان 1436", ("15 رمضان 1436", "2015-07-02", "day", "absolute")),
        ("ذي الحجة 1435", ("ذي الحجة 1435", "2014-09-25", "month", "absolute")),
        ("شهر رمضان", ("شهر رمضان", "2015-06-18", "month", "relative")),
        ("عام 2009", ("عام 2009", "2009-01-01", "year", "absolute")),
        ("في 2009", ("2009", "2009-01-01", "year", "absolute")),
        ("2009م", ("2009م", "2009-01-01", "year", "absolute")),
        ("عام 1436 هـ", ("عام 1436 هـ", "2014-10-25", "year", "absolute")),
        ("(12 يوليو)", ("12 يوليو", "2015-07-12", "day", "relative")),
        ("الاحــد", ("الاحــد", "2015-07-19", "day", "relative")),  # tatweel
    ],
)
def test_expressions(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت الأسعار 10%",
        "بلغت الصفقة 2009 دولار",
        "قتل 12 شخصا في الهجوم",
        "في 2000 شخص",
        "الأمين العام للأمم المتحدة",
        "اليوم الوطني للمملكة",
        "حزب الغد",
        "مارس الجيش ضغوطا",  # the verb, not March
        "رمضان",  # a month name that is also a name: needs شهر
        "2009",  # a bare number
        "قال 1850 متظاهرا",
        "العلاقات الثنائية بين البلدين",
        "بغداد",
        "32 يوليو 2009",  # no such day
        "31/2/2009",
    ],
)
def test_not_dates(text):
    assert find_dates(text, THURSDAY) == []


def test_relative_expressions_need_an_anchor():
    assert find_dates("أمس الأحد الماضي في يوليو", None) == []
    assert only("في 12 يوليو 2009", None)[1] == "2009-07-12"


def test_day_month_without_year_picks_the_nearest_year():
    assert only("28 ديسمبر", dt.date(2015, 1, 5))[1] == "2014-12-28"
    assert only("3 يناير", dt.date(2014, 12, 28))[1] == "2015-01-03"


def test_spans_point_into_longer_text():
    text = "وقال المتحدث إن الوزير التقى نظيره أمس، على أن يجتمعا مجددا في 12 تموز/يوليو 2009."
    mentions = find_dates(text, THURSDAY)
    assert [text[m.span[0] : m.span[1]] for m in mentions] == ["أمس", "12 تموز/يوليو 2009"]
    assert mentions[0] == DateMention((35, 38), dt.date(2015, 7, 22), "day", "relative")


def test_resolve_event_date():
    assert resolve_event_date("اجتمع الوزيران أمس", THURSDAY) == ("2015-07-22", "text")
    assert resolve_event_date("في يوليو 2009 ثم في 12 أغسطس 2009", THURSDAY) == ("2009-08-12", "text")
    assert resolve_event_date("في يوليو 2009", THURSDAY) == ("2009-07-01", "text")
    assert resolve_event_date("اجتمع الوزيران", THURSDAY) == ("2015-07-23", "publication")
    assert resolve_event_date("اجتمع الوزيران", None) == (None, "none")
    assert resolve_event_date("اجتمع الوزيران أمس", None) == (None, "none")


@pytest.mark.parametrize("sentence,expected", [
    # a this-day-in-history line: the year it opens with, the text's day (regression: the
    # publication date, so a 1952 coup was a 2015 event)
    ("1952 - الضباط الأحرار يقومون بانقلاب على الملك فاروق", ("1952-07-23", "text")),
    ("1951 - الحكومة البريطانية توافق على مبدأ تأميم النفط الذي أقره البرلمان في 15 مارس", ("1951-07-23", "text")),
    ("1969- مقتل الممثلة الأميركية شارون تيت في منزلها", ("1969-07-23", "text")),
    ("2015 - قتل مسلحون ثلاثة جنود", ("2015-07-23", "publication")),   # the text's own year
    ("1500 شخص قتلوا في المعارك", ("2015-07-23", "publication")),        # a count, no dash
])
def test_almanac_lines_take_their_year(sentence, expected):
    assert resolve_event_date(sentence, THURSDAY) == expected


def test_a_month_without_its_year_takes_the_year_of_a_later_date():
    # regression: من فبراير حتى نوفمبر 1943 was February 2015
    assert resolve_event_date("خلال الفترة من فبراير حتى نوفمبر 1943 قصف اليابانيون داروين", THURSDAY) == \
        ("1943-02-01", "text")
    assert resolve_event_date("بين ديسمبر ومارس 2014 قتل مئات", THURSDAY) == ("2013-12-01", "text")
    assert resolve_event_date("في فبراير الماضي قتل مئات", THURSDAY) == ("2015-02-01", "text")
    assert resolve_event_date("وأعلن الجيش عزله في يوليو تموز 2013", THURSDAY) == ("2013-07-01", "text")
    # a year further on dates something else (not the month, which the text's year keeps)
    assert resolve_event_date("وأعلن الحزب في يوليو تصعيد هجماته بسبب انتهاكات القوات التركية لاتفاق وقف إطلاق "
                              "النار الذي تم التوصل إليه عام 2013", THURSDAY) == ("2015-07-01", "text")


def test_almanac_line_on_a_leap_day():
    assert resolve_event_date("1970 - مصر توافق على خطة روجرز", dt.date(2016, 2, 29)) == ("1970-02-28", "text")


def test_plain_sentences_take_the_fast_path():
    sentence = "وقال المتحدث باسم الحكومة إن الوزير التقى نظيره الروسي في العاصمة لبحث العلاقات"
    assert _candidates(sentence, _grammar()) == []


# --- properties ---------------------------------------------------------------------------

ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ" "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"
    "\u064b\u064e\u064f\u0650\u0651\u0652\u0640" " \n\t.,،:/-()%«»\"'"
)
WORDS = ["أمس", "اليوم", "غدا", "الأحد", "الماضي", "المقبل", "يوليو", "تموز", "رمضان", "شهر",
         "عام", "العام", "في", "من", "الثاني", "عشر", "1436", "2009", "12", "هـ", "م", "/", "-"]
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=80),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=4)), max_size=14).map(" ".join),
    st.text(max_size=60),
)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(texts, anchors)
def test_spans_index_the_input(text, anchor):
    mentions = find_dates(text, anchor)
    previous_end = 0
    for m in mentions:
        start, end = m.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        assert m.precision in ("day", "month", "year") and m.kind in ("absolute", "relative")
        previous_end = end
    resolve_event_date(text, anchor)


@settings(max_examples=400, deadline=None)
@given(texts, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_fast_path_finds_what_the_full_scan_finds(text, anchor):
    grammar = _grammar()
    full = [_resolve(m, anchor, grammar) for m in grammar.pattern.finditer(text)]
    assert find_dates(text, anchor) == [_trimmed(m, text) for m in full if m is not None]


def test_span_never_ends_in_white_space():
    # regression, found by hypothesis: a slash-separated pair ended its span with the space after it
    text = "ئولئه/ئولئه "
    for m in find_dates(text, dt.date(2000, 1, 1)):
        assert text[m.span[0]:m.span[1]] == text[m.span[0]:m.span[1]].strip()


def test_anchors_at_the_edge_of_the_calendars_do_not_crash():
    # found by hypothesis: hijridate only covers 1343–1500 AH (about 1924–2077)
    assert find_dates("رمضآن آلمآضئ", dt.date(1924, 1, 1)) == []
    assert find_dates("غدا", dt.date(9999, 12, 31)) == []
    assert only("أمس", dt.date(9999, 12, 31))[1] == "9999-12-30"


def _same_dates(text: str, anchor: dt.date) -> None:
    from rasd.text.normalize import normalize

    raw = [(m.date, m.precision, m.kind) for m in find_dates(text, anchor)]
    clean = [(m.date, m.precision, m.kind) for m in find_dates(normalize(text).norm, anchor, normalized=True)]
    assert clean == raw, text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join),
       st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2070, 12, 31)))
def test_normalized_grammar_agrees_with_the_raw_one(text, anchor):
    # The pipeline resolves dates on the normalized sentence with the literal (fast) grammar.
    # Compared on real date words in any order; on random letter soup the two differ only on
    # non-words (ئولئه, a word opening with a diacritic), which the raw grammar reads as dates.
    _same_dates(text, anchor)


def test_normalized_grammar_agrees_on_real_news():
    import glob

    from rasd.io.readers import iter_documents

    from .conftest import shared_path

    zips = sorted(glob.glob(str(shared_path("data", "news-saudinewsnet") / "*.zip")))
    for k, doc in enumerate(iter_documents(zips[:1], on_error=lambda e: None)):
        if k >= 400:
            break
        for sentence in doc.text.split("."):
            _same_dates(sentence, THURSDAY)


def test_relative_hijri_month_with_an_anchor_beyond_the_hijri_range_is_no_date():
    # regression (found by hypothesis): رمضان الماضي against a 2078 publication date raised
    # hijridate's OverflowError instead of giving no date
    from rasd.time import find_dates

    assert find_dates("رمضان الماضي", dt.date(2078, 1, 1)) == []


def test_warm_up_compiles_only_the_grammar_the_pipeline_uses():
    # regression: warm_up() also compiled the raw-text grammar (0.6 s), which the pipeline never
    # uses; `--workers N` paid it serially before forking.
    from rasd import load
    from rasd.time import warm_up

    _grammar.cache_clear()
    try:
        warm_up()
        records = load().code("تظاهر آلاف الطلاب أمس في القاهرة يوم 3 مارس 2011.", date="2011-03-04")
        assert records and records[0]["date"] == "2011-03-03"
        assert _grammar.cache_info().currsize == 1
    finally:
        _grammar.cache_clear()
