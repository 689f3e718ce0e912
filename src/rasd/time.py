"""Date expressions in Arabic news, resolved against the publication date.

:func:`find_dates` scans the raw text (spans index it exactly) and understands:

* relative days: اليوم، أمس/الأمس/البارحة، أول أمس، غداً، بعد غد، with an optional time of
  day (مساء/صباح/ليلة … أمس = the same day as the word);
* weekdays: الأحد (the most recent Sunday on or before the anchor: news tells the past),
  الأحد الماضي (strictly before), الأحد المقبل/القادم (strictly after);
* periods: الأسبوع/الشهر/العام الماضي، المقبل، الجاري، هذا العام (first day of the period;
  weeks start on Saturday);
* explicit dates: ``12 يوليو 2009``, ``12 تموز/يوليو 2009``, ``الثاني عشر من يوليو``,
  ``12/7/2009`` (day first), ``2009-07-12``, month + year, a month alone (its nearest past
  occurrence), a year after عام/سنة or a preposition (4 digits, 1900–2100);
* month names of MSA, the Levant and Iraq, the Maghreb and Egypt, and Hijri dates
  (``15 رمضان 1436 هـ``) converted with ``hijridate``.

Spelling variants (أ/إ/آ/ا، ى/ي، ة/ه), diacritics and tatweel, Arabic-Indic and Persian
digits, and the proclitics و ف ب ل ك are tolerated. Percentages, prices and counts are never
dates: a number is only read as a date next to a month name, in a numeric date, or as a
year after عام/سنة or a preposition.

Speed: the grammar is one precompiled regex (built on first use, ~0.5 s), but it only
runs where a date can start. A pre-check folds the sentence with C-level operations only
(Windows-1256 encoding, one ``bytes.translate`` that merges spelling variants, maps digits
to ``0`` and punctuation to spaces, and deletes diacritics) and looks its words up in a set:
a sentence without a digit or a date word costs ~2–5 µs and never touches the grammar.
Otherwise a prefix-tree regex over the folded bytes lists the word starts to try. Tests
check that this gives exactly what a full scan with the grammar gives.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Callable, Literal

from hijridate import Gregorian, Hijri

__all__ = ["DateMention", "find_dates", "resolve_event_date"]

log = logging.getLogger(__name__)

Precision = Literal["day", "month", "year"]
Kind = Literal["absolute", "relative"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: ``text[span[0]:span[1]]`` means ``date`` at ``precision``."""

    span: tuple[int, int]
    date: _dt.date
    precision: Precision
    kind: Kind


# --- vocabulary (normalized spellings: ا ي ه, no diacritics) ---------------------------

_GREGORIAN_MONTHS: dict[str, int] = {
    # MSA / Egypt
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Levant / Iraq
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Maghreb
    "ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7,
}
_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6,
    "جمادي الاخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
# Month names that are also ordinary words or names: alone they need شهر or الماضي/المقبل.
_AMBIGUOUS_MONTHS = frozenset({"مارس", "ماي", "اب", "نيسان", "جوان", *_HIJRI_MONTHS})

_WEEKDAYS: dict[str, int] = {  # datetime.weekday(): Monday = 0
    "الاثنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الاربعا": 2, "الخميس": 3,
    "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
_PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "السابقه")
_NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
_CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه")
_PERIODS = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
_TIMES_OF_DAY = ("مساء", "صباح", "ليله", "ظهر", "ظهيره", "فجر", "عصر", "منتصف ليل")
_UNITS_ONES = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
               "الثامن", "التاسع")
_UNITS = ("دولار", "ريال", "يورو", "جنيه", "درهم", "دينار", "ليره", "شخص", "شخصا", "حاله",
          "طن", "برميل", "متر", "كيلو", "كيلومتر", "قتيل", "جندي", "مليون", "مليار", "الف",
          "الاف", "منزل", "مواطن", "لاجي", "عنصر", "سجين", "صاروخ", "وحده", "نسمه", "مرشح")
_PREPOSITIONS = ("في", "منذ", "خلال", "حتي", "قبل", "بعد", "مطلع", "اوائل", "اواخر",
                 "نهايه", "بدايه", "منتصف", "اواسط")


def _ordinals() -> dict[str, int]:
    table = {word: n for n, word in enumerate(_UNITS_ONES, 1)}
    table["العاشر"] = 10
    table["الحادي عشر"] = 11
    for n, word in enumerate(_UNITS_ONES[1:], 2):
        table[f"{word} عشر"] = 10 + n
    for tens, tens_word in ((20, "العشرين"), (30, "الثلاثين")):
        table[tens_word] = tens
        for n, word in enumerate(("الحادي", *_UNITS_ONES[1:]), 1):
            if tens + n <= 31:
                table[f"{word} و{tens_word}"] = tens + n
    return table


# --- normalization (for lookups only; spans always index the raw text) -----------------

_DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي",
                             "ة": "ه", "ک": "ك", "ئ": "ي"})
_STRIP = re.compile(f"[{_DIACRITICS}]")


def _fallback_map() -> dict[int, str]:
    """For text outside Windows-1256: digits to ASCII, Persian ya/kaf to Arabic, and
    diacritics cp1256 lacks to one it has (so the pre-check deletes exactly the _STRIP set)."""
    table = {ord(c): str(i % 10) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")}
    table.update({ord("ی"): "ي", ord("ک"): "ك"})
    for code in range(0x0600, 0x0700):
        ch = chr(code)
        if _STRIP.match(ch):
            try:
                ch.encode("cp1256")
            except UnicodeEncodeError:
                table[code] = "\u064e"
    return table
_SPACES = re.compile(r"\s+")
_MEDIAL_HAMZA = re.compile(r"ء(?=[^\W\d_])")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", _STRIP.sub("", text).translate(_LETTER_MAP)).strip()


def _num(text: str) -> int:
    return int(text.translate(_DIGIT_MAP))


# --- regex construction ---------------------------------------------------------------

_D = f"[{_DIACRITICS}]*"
_CLASSES = {"ا": "[اأإآٱ]", "ي": "[يىیئ]", "ه": "[هة]", "ك": "[كک]", "ء": "ء?"}
_NOT_LETTER = rf"(?![^\W\d_]|[{_DIACRITICS}])"  # a diacritic here would mean mid-word
_NUM = f"[{_DIGITS}]"


def _word(normalized: str) -> str:
    """A regex for a normalized word or phrase, tolerant of variants and diacritics."""
    out = []
    for i, ch in enumerate(normalized):
        if ch == " ":
            out.append(r"\s+")
            continue
        out.append(_CLASSES.get(ch, re.escape(ch)))
        if i + 1 < len(normalized) and normalized[i + 1] != " ":
            out.append(_D)
    return "".join(out) + _D


def _plain_word(normalized: str) -> str:
    """:func:`_word` for normalized text: the letters themselves."""
    return re.escape(normalized).replace("\\ ", r"\s+").replace(" ", r"\s+").replace("ء", "ء?")


_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك")


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    ordinals: dict[str, int]
    # Pre-check on the text encoded as Windows-1256 and folded (variants merged, digits → 0,
    # diacritics deleted, everything else → space): cheap C-level operations only.
    table: bytes
    delete: bytes
    triggers: frozenset[bytes]
    starts: re.Pattern[bytes]
    fallback: dict[int, str]


def _with_clitics(words: set[str]) -> set[str]:
    out = set()
    for word in words:
        for clitic in _CLITICS:
            out.add(clitic + word)
            if word.startswith("ال") and clitic.endswith("ل"):
                out.add(clitic + word[1:])  # ل + الشهر = للشهر
    return out


def _fold_table() -> tuple[bytes, bytes]:
    table, delete = bytearray(range(256)), bytearray()
    for byte in range(256):
        ch = bytes([byte]).decode("cp1256", errors="replace")
        if ch.isdigit():
            table[byte] = ord("0")
        elif _STRIP.match(ch):
            delete.append(byte)
        elif ch.isalpha() and ch != "\ufffd":
            table[byte] = ch.translate(_LETTER_MAP).encode("cp1256", errors="replace")[0]
        else:
            table[byte] = ord(" ")
    return bytes(table), bytes(delete)


@functools.cache
def _grammar(clean: bool = False) -> _Grammar:
    """Compile the date grammar once per process (lazily, not at import).

    ``clean``: for text already normalized by :mod:`rasd.text.normalize` (no diacritics or
    tatweel, letter variants merged, ASCII digits). Its regex is mostly literals, so it
    compiles in a fraction of the time and matches faster; results are the same (a test
    compares both on real news).
    """
    if clean:
        DIGITS, DIACR_LOOKBEHIND, NOT_LETTER = "0-9", "", r"(?![^\W\d_])"
        word: Callable[[str], str] = _plain_word
    else:
        DIGITS, DIACR_LOOKBEHIND, NOT_LETTER = _DIGITS, f"(?<![{_DIACRITICS}])", _NOT_LETTER
        word = _word
    NUM = f"[{DIGITS}]"

    def alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
        return "(?:" + "|".join(word(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"

    ordinals = _ordinals()
    month = alt({*_GREGORIAN_MONTHS, *_HIJRI_MONTHS})
    month2 = rf"(?:\s*[/(\-]\s*{month}\s*\)?)?"  # تموز/يوليو, تموز (يوليو)
    weekday = alt(set(_WEEKDAYS))
    rel = alt({*_PAST, *_NEXT, *_CURRENT})
    tod = alt(_TIMES_OF_DAY)
    year_kw = alt(("عام", "العام", "سنه", "السنه"))
    hijri_mark = r"(?:\s*ه\u0640?(?![^\W\d_])|\s*هـ)"
    greg_mark = r"(?:\s*م(?![^\W\d_]))"
    num_before = f"(?<![{DIGITS}.,٫٬])"
    day = f"{num_before}{NUM}{{1,2}}(?!{NUM})"
    year4 = f"{num_before}{NUM}{{4}}(?!{NUM})"
    weekday_prefix = (rf"(?:(?:{tod}\s+)?(?:{word('يوم')}\s+)?{weekday}(?:\s*[,،(]\s*|\s+)"
                      rf"(?:{word('الموافق')}\s+)?)?")
    not_today = alt(("الوطني", "العالمي", "التالي", "السابق", "الاخير", "الدولي", "نفسه", "ذاته",
                      *_UNITS_ONES))
    units = alt(_UNITS)
    alternatives = [
        # 2009-07-12
        rf"(?P<iso>{num_before}(?P<iso_y>{NUM}{{4}})(?P<iso_s>[-/.])(?P<iso_m>{NUM}{{1,2}})"
        rf"(?P=iso_s)(?P<iso_d>{NUM}{{1,2}})(?!{NUM}))",
        # 12/7/2009
        rf"(?P<dmy>(?P<dmy_d>{day})(?P<dmy_s>[/.\-])(?P<dmy_m>{NUM}{{1,2}})(?P=dmy_s)"
        rf"(?P<dmy_y>{year4}){greg_mark}?)",
        # [الأحد] 12 [من] [شهر] تموز/يوليو [2009 م], الثاني عشر من يوليو, يوليو 2009,
        # شهر رمضان 1436 هـ, يوليو الماضي
        rf"(?P<nm>(?:{weekday_prefix}(?:(?P<nm_d>{day})|(?P<nm_o>{alt(set(ordinals))}))"
        rf"(?:\s+{word('من')})?(?:\s+|(?<=[{DIGITS}])))?(?P<nm_s>{word('شهر')}\s+)?(?P<nm_m>{month}){month2}"
        rf"(?:(?:\s*[,،]\s*|\s+|(?=[{DIGITS}]))(?:{word('من')}\s+)?(?:{year_kw}\s+)?(?P<nm_y>{year4})"
        rf"(?P<nm_h>{hijri_mark})?{greg_mark}?|\s+(?P<nm_r>{rel}))?)",
        # عام 2009, 1436 هـ
        rf"(?P<yr>(?:{year_kw}\s+)?(?P<yr_y>{year4})(?P<yr_h>{hijri_mark})?{greg_mark}?)",
        # في 2009 (the preposition is context, not part of the span)
        rf"(?P<py>{alt(_PREPOSITIONS)}\s+(?P<py_y>{year4}){greg_mark}?"
        rf"(?!\s*(?:[%٪]|{units}{NOT_LETTER})))",
        # مساء أمس, أول أمس, بعد غد, غداً, صباح الغد, اليوم (الأحد)
        rf"(?P<rd>(?:(?P<rd_t>{tod})\s+)?(?:"
        rf"(?P<rd_m2>{word('اول')}\s+(?:{word('من')}\s+)?{alt(('امس', 'البارحه'))})"
        rf"|(?P<rd_m1>{alt(('امس', 'الامس', 'البارحه'))})"
        rf"|(?P<rd_p2>{word('بعد')}\s+{alt(('غد', 'الغد'))})"
        rf"|(?P<rd_p1>{word('غدا')}|(?(rd_t){alt(('الغد', 'غد'))}|(?!)))"
        rf"|(?P<rd_0>{word('اليوم')}(?:\s+{weekday}{NOT_LETTER})?(?!\s+{not_today}{NOT_LETTER}))"
        rf"))",
        # (يوم) الأحد (الماضي)
        rf"(?P<wd>(?:{tod}\s+)?(?:{word('يوم')}\s+)?(?P<wd_d>{weekday})(?:\s+(?P<wd_r>{rel}))?)",
        # الأسبوع الماضي, هذا العام
        rf"(?P<pr>(?P<pr_u>{alt(set(_PERIODS))})\s+(?P<pr_r>{rel})"
        rf"|{alt(('هذا', 'هذه'))}\s+(?P<pr_t>{alt(set(_PERIODS))}))",
    ]
    body = "|".join(alternatives)
    pattern = re.compile(rf"(?<![^\W\d_]){DIACR_LOOKBEHIND}(?:[وف]?[بلك]?)(?P<x>{body}){NOT_LETTER}")

    # Words without which no date expression exists (besides digits) ...
    content = {name.split(" ")[0] for name in (*_GREGORIAN_MONTHS, *_HIJRI_MONTHS)}
    content |= {*_WEEKDAYS, *_PERIODS, "امس", "الامس", "البارحه", "غد", "غدا", "الغد", "اليوم"}
    # ... and every word a date expression may start with.
    first = content | {w.split(" ")[0] for w in (*_TIMES_OF_DAY, *ordinals, *_PREPOSITIONS)}
    first |= {"يوم", "شهر", "اول", "بعد", "هذا", "هذه", "عام", "العام", "سنه", "السنه"}

    def encode(words: set[str]) -> list[bytes]:
        return sorted((w.encode("cp1256") for w in _with_clitics(words)), key=lambda b: (-len(b), b))

    starts = _bytes_trie(encode(first))
    table, delete = _fold_table()
    return _Grammar(
        pattern=pattern,
        ordinals=ordinals,
        table=table,
        delete=delete,
        triggers=frozenset(encode(content)),
        fallback=_fallback_map(),
        # every branch begins with the space or digit before the start (the match starts one
        # byte early) and leaves the byte after it unconsumed: sre then scans for the two
        # literals in C instead of trying the whole pattern at every byte
        starts=re.compile(rb" (?:" + starts + rb")(?=[ 0])|0(?:" + starts + rb")(?=[ 0])"
                          rb"| [\xe6\xdd\xc8\xe1\xdf]{0,2}(?=0)|0[\xe6\xdd\xc8\xe1\xdf]{1,2}(?=0)"),
    )


def _bytes_trie(words: list[bytes]) -> bytes:
    """A prefix-tree regex for ``words``: sre tests one literal a branch, no backtracking."""
    root: dict[int, dict] = {}
    for word in words:
        node = root
        for byte in word:
            node = node.setdefault(byte, {})
        node[-1] = {}

    def emit(node: dict[int, dict]) -> bytes:
        branches = [re.escape(bytes([b])) + emit(child) for b, child in sorted(node.items()) if b >= 0]
        if not branches:
            return b""
        group = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
        if -1 in node:
            group = b"(?:" + group + b")?"
        return group

    return emit(root)


def _candidates(text: str, grammar: _Grammar) -> list[int]:
    """Offsets where a date expression may start ([] for most sentences, cheaply)."""
    try:
        raw = text.encode("cp1256")
    except UnicodeEncodeError:  # Arabic-Indic digits, Persian letters, other scripts
        raw = text.translate(grammar.fallback).encode("cp1256", errors="replace")
    folded = raw.translate(grammar.table, grammar.delete)
    if b"0" not in folded and grammar.triggers.isdisjoint(folded.split()):
        return []
    starts = [m.start() for m in grammar.starts.finditer(b" " + folded + b" ")]
    if len(folded) == len(text) or not starts:
        return starts
    # Diacritics were deleted from the folded copy: map its offsets back to the text.
    deleted = [m.start() for m in _STRIP.finditer(text)]
    mapped, shift = [], 0
    for pos in starts:
        original = pos + shift
        while shift < len(deleted) and deleted[shift] <= original:
            shift += 1
            original += 1
        mapped.append(original)
    return mapped


# --- resolution -----------------------------------------------------------------------


def _add_months(day: _dt.date, months: int) -> _dt.date:
    index = day.year * 12 + day.month - 1 + months
    return _dt.date(index // 12, index % 12 + 1, 1)


def _direction(rel: str | None) -> int:
    """-1 past, +1 future, 0 current or unspecified."""
    if not rel:
        return 0
    word = _norm(rel)
    return -1 if word in _PAST else 1 if word in _NEXT else 0


def _hijri_to_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _month_lookup(raw: str) -> tuple[str, int, str] | None:
    """(calendar, month number, normalized name) of a month name as written."""
    name = _norm(raw)
    if name in _GREGORIAN_MONTHS:
        return "g", _GREGORIAN_MONTHS[name], name
    if name in _HIJRI_MONTHS:
        return "h", _HIJRI_MONTHS[name], name
    return None


def _nearest_year(candidates: list[tuple[int, _dt.date | None]], anchor: _dt.date) -> _dt.date | None:
    """The candidate date closest to the anchor (ties go to the past)."""
    best = None
    for _, day in candidates:
        if day is None:
            continue
        key = (abs((day - anchor).days), day > anchor)
        if best is None or key < best[0]:
            best = (key, day)
    return best[1] if best else None


def _day_month(cal: str, month: int, day: int, year: int | None, hijri_mark: bool,
               anchor: _dt.date | None) -> tuple[_dt.date, Kind] | None:
    if cal == "g" and not hijri_mark:
        if year is not None:
            if not 1 <= year <= 9999:
                return None
            try:
                return _dt.date(year, month, day), "absolute"
            except ValueError:
                return None
        if anchor is None:
            return None
        options: list[tuple[int, _dt.date | None]] = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append((y, _dt.date(y, month, day)))
            except ValueError:
                options.append((y, None))
        found = _nearest_year(options, anchor)
        return (found, "relative") if found else None
    if cal == "g":
        return None  # a Gregorian month with a Hijri year marker
    if year is not None:
        found = _hijri_to_date(year, month, day)
        return (found, "absolute") if found else None
    if anchor is None:
        return None
    try:
        hy = Gregorian.fromdate(anchor).to_hijri().year
    except (ValueError, OverflowError):
        return None
    found = _nearest_year([(y, _hijri_to_date(y, month, day)) for y in (hy - 1, hy, hy + 1)], anchor)
    return (found, "relative") if found else None


def _resolve_named(m: re.Match[str], anchor: _dt.date | None, grammar: _Grammar) -> DateMention | None:
    """A date written with a month name: day + month (+ year), month + year, month alone."""
    g = m.group
    span = m.span("x")
    found = _month_lookup(g("nm_m"))
    if found is None:
        return None
    cal, month, name = found
    year = _num(g("nm_y")) if g("nm_y") else None
    hijri_mark = bool(g("nm_h"))
    if g("nm_d") or g("nm_o"):
        day_no = _num(g("nm_d")) if g("nm_d") else grammar.ordinals.get(_norm(g("nm_o")))
        result = _day_month(cal, month, day_no, year, hijri_mark, anchor) if day_no else None
        return DateMention(span, result[0], "day", result[1]) if result else None
    if year is not None:
        if cal == "g" and not hijri_mark and 1900 <= year <= 2100:
            return DateMention(span, _dt.date(year, month, 1), "month", "absolute")
        if cal == "h":
            day = _hijri_to_date(year, month, 1)
            return DateMention(span, day, "month", "absolute") if day else None
        return None
    if anchor is None or (name in _AMBIGUOUS_MONTHS and not g("nm_s") and not g("nm_r")):
        return None
    direction = _direction(g("nm_r"))
    if cal == "g":
        this_year = _dt.date(anchor.year, month, 1)
        current = _dt.date(anchor.year, anchor.month, 1)
        if direction < 0:
            day = this_year if this_year < current else _add_months(this_year, -12)
        elif direction > 0:
            day = this_year if this_year > current else _add_months(this_year, 12)
        else:
            day = this_year if this_year <= current else _add_months(this_year, -12)
        return DateMention(span, day, "month", "relative")
    try:
        now = Gregorian.fromdate(anchor).to_hijri()
    except (ValueError, OverflowError):  # an anchor beyond hijridate's range (1924-2077)
        return None
    if direction < 0:
        hijri_year = now.year if month < now.month else now.year - 1
    elif direction > 0:
        hijri_year = now.year if month > now.month else now.year + 1
    else:
        hijri_year = now.year if month <= now.month else now.year - 1
    day = _hijri_to_date(hijri_year, month, 1)
    return DateMention(span, day, "month", "relative") if day else None


def _resolve(m: re.Match[str], anchor: _dt.date | None, grammar: _Grammar) -> DateMention | None:
    g = m.group
    span = m.span("x")
    if g("iso"):
        try:
            day = _dt.date(_num(g("iso_y")), _num(g("iso_m")), _num(g("iso_d")))
        except ValueError:
            return None
        return DateMention(span, day, "day", "absolute") if 1900 <= day.year <= 2100 else None
    if g("dmy"):
        d, mo, y = _num(g("dmy_d")), _num(g("dmy_m")), _num(g("dmy_y"))
        if mo > 12 and d <= 12:
            d, mo = mo, d  # month first (US style), unambiguous only when day > 12
        if not 1900 <= y <= 2100:
            return None
        try:
            return DateMention(span, _dt.date(y, mo, d), "day", "absolute")
        except ValueError:
            return None
    if g("nm"):
        return _resolve_named(m, anchor, grammar)
    if g("yr"):
        year = _num(g("yr_y"))
        if g("yr_h"):
            first = _hijri_to_date(year, 1, 1)
            return DateMention(span, first, "year", "absolute") if first else None
        if not 1900 <= year <= 2100:
            return None
        if span[1] - span[0] == 4 and g("x") == g("yr_y"):
            return None  # a bare number: only with عام/سنة, a marker or a preposition
        return DateMention(span, _dt.date(year, 1, 1), "year", "absolute")
    if g("py"):
        year = _num(g("py_y"))
        if not 1900 <= year <= 2100:
            return None
        return DateMention((m.start("py_y"), span[1]), _dt.date(year, 1, 1), "year", "absolute")
    if anchor is None:
        return None
    if g("rd"):
        if g("rd_m2"):
            offset = -2
        elif g("rd_m1"):
            offset = -1
        elif g("rd_p2"):
            offset = 2
        elif g("rd_p1"):
            offset = 1
        else:
            offset = 0
        return DateMention(span, anchor + _dt.timedelta(days=offset), "day", "relative")
    if g("wd"):
        weekday = _WEEKDAYS.get(_norm(g("wd_d")))
        if weekday is None:
            return None
        direction = _direction(g("wd_r"))
        if direction > 0:
            delta = (weekday - anchor.weekday()) % 7 or 7
        else:
            delta = -((anchor.weekday() - weekday) % 7)
            if direction < 0 and delta == 0:
                delta = -7
        return DateMention(span, anchor + _dt.timedelta(days=delta), "day", "relative")
    if g("pr"):
        unit = _PERIODS[_norm(g("pr_u") or g("pr_t"))]
        direction = _direction(g("pr_r"))
        if unit == "week":
            start = anchor - _dt.timedelta(days=(anchor.weekday() - 5) % 7)  # Saturday
            return DateMention(span, start + _dt.timedelta(days=7 * direction), "day", "relative")
        if unit == "month":
            return DateMention(span, _add_months(anchor.replace(day=1), direction), "month", "relative")
        return DateMention(span, _dt.date(anchor.year + direction, 1, 1), "year", "relative")
    return None


# --- public API -----------------------------------------------------------------------


def warm_up() -> None:
    """Compile the date grammar the pipeline uses (normalized text) now, so that a process
    that forks workers does it once for all. The raw-text grammar is not compiled here: it
    takes 0.6 s, and the pipeline never uses it (that cost was paid serially before forking)."""
    _grammar(True)


def find_dates(text: str, anchor: _dt.date | None, *, normalized: bool = False) -> list[DateMention]:
    """Date mentions in ``text``, in order; relative ones need ``anchor`` (else skipped).

    ``normalized``: ``text`` is the output of :func:`rasd.text.normalize.normalize` (faster)."""
    grammar = _grammar(normalized)
    if normalized:
        # rasd's normalization turns ئ into ء; the grammar spells it ي (الفائت → الفايت)
        text = _MEDIAL_HAMZA.sub("ي", text)
    matches, done = [], 0
    for pos in _candidates(text, grammar):
        if pos < done:
            continue
        match = grammar.pattern.match(text, pos)
        if match is not None:
            matches.append(match)
            done = match.end()
    mentions = []
    for match in matches:
        try:
            mention = _resolve(match, anchor, grammar)
        except (ValueError, OverflowError):  # beyond datetime's or hijridate's calendar range
            log.debug("date out of range: %r (anchor %s)", match.group("x"), anchor)
            continue
        if mention is not None:
            mentions.append(_trimmed(mention, text))
    return mentions


def _trimmed(m: DateMention, text: str) -> DateMention:
    """The span without surrounding white space (regression: a trailing space after a slash)."""
    start, end = m.span
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return m if (start, end) == m.span else DateMention((start, end), m.date, m.precision, m.kind)


RANGE_GAP = 40   # characters between a bare month and the dated month that gives it its year
# a month told relative to the text (فبراير الماضي، مطلع الشهر المقبل) has its year already
_RELATIVE_MONTH_WORDS = frozenset((*_PAST, *_NEXT, *_CURRENT, *_PERIODS, *_PREPOSITIONS))
# A line of a this-day-in-history column opens with its year and a dash (1967 - بدء تظاهرات …، 1969- مقتل …).
_ALMANAC = re.compile(r"\s*([12]\d{3})\s*[-–—ـ]")


def resolve_event_date(sentence: str, anchor: _dt.date | None, *, normalized: bool = False
                       ) -> tuple[str | None, str]:
    """The date of an event sentence and where it came from: ``text``, ``publication``, ``none``.

    A this-day-in-history line (1967 - بدء تظاهرات …) is dated on the text's day in the year it opens
    with. Otherwise the first day-precision mention wins, else the first coarser one (its first
    day); without a mention the anchor (publication date) is used.
    """
    almanac = _ALMANAC.match(sentence)
    if almanac is not None and anchor is not None and 1000 <= int(almanac.group(1)) < anchor.year:
        # "1952 - الضباط الأحرار يقومون بانقلاب": a this-day-in-history line, dated on the text's
        # day and month of that year
        year = int(almanac.group(1))
        day = anchor.day if (anchor.month, anchor.day) != (2, 29) or calendar.isleap(year) else 28
        return _dt.date(year, anchor.month, day).isoformat(), "text"
    mentions = find_dates(sentence, anchor, normalized=normalized)
    best = next((m for m in mentions if m.precision == "day"), mentions[0] if mentions else None)
    if best is not None:
        if best.precision == "month" and best.kind == "relative" \
                and not any(w in _RELATIVE_MONTH_WORDS for w in sentence[best.span[0]:best.span[1]].split()):
            # من فبراير حتى نوفمبر 1943، يوليو تموز 2013: a bare month, the year of the date right after it
            # (not فبراير الماضي, nor a year further on)
            later = next((m for m in mentions if m.span[0] > best.span[0] and m.kind == "absolute"
                          and m.span[0] - best.span[1] <= RANGE_GAP), None)
            if later is not None:
                year = later.date.year if best.date.month <= later.date.month else later.date.year - 1
                return best.date.replace(year=year).isoformat(), "text"
        return best.date.isoformat(), "text"
    if anchor is not None:
        return anchor.isoformat(), "publication"
    return None, "none"
