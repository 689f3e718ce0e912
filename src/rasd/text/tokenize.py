"""Tokenization with clitic analysis.

A surface token such as ``وبالمناورات`` is one :class:`Token`; :class:`Analyzer` proposes
its readings as (proclitics, stem, enclitic) triples, e.g. ``("وبال", "مناورات", "")``.
Every piece keeps its offsets: the stem starts at ``token.start + len(prefix)`` in the
normalized view, which maps back to the input through :class:`~rasd.text.normalize.Normalized`.
The lexicon decides which reading is valid (a verb takes و ف س ل, a noun و ف ب ل ك ال).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress, count
from operator import add
from typing import Any, NamedTuple

_WORD = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")
# Punctuation that closes a clause. Quotation marks are not among them: Arabic news quotes
# names (جنود «المارينز») as often as speech.
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]\-–—،؛]")

# Proclitic chains, longest first. ال is part of the chain; لل is ل + ال.
NOMINAL_PREFIXES: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
    "ال", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك",
)
VERBAL_PREFIXES: tuple[str, ...] = ("وس", "فس", "ول", "فل", "و", "ف", "س", "ل")
# Negation particles written glued to the verb in informal or careless typing (ولايهدد).
NEGATION_PREFIXES: tuple[str, ...] = ("ولا", "فلا", "لا", "ولم", "فلم", "لم", "ولن", "فلن", "لن")
# Third-person and "our" pronouns, plus the nominal endings that dictionary entries leave out:
# accusative tanween written ا (مسؤولا، هجوما) and the dual (جنديان، جنديين). First and second
# person (ي، ك، كم) are left out: rare in news, they mostly misread nisba adjectives (شعبي).
SUFFIXES: tuple[str, ...] = ("هما", "هم", "هن", "ها", "نا", "ه", "ان", "ين", "ا")
MIN_STEM = 2


class Token(NamedTuple):
    """A surface word: offsets in the normalized view and the normalized text."""

    start: int
    end: int
    text: str
    clause_break_before: bool


class Analysis(NamedTuple):
    """One reading of a word (a tuple: thousands are made for words seen the first time)."""

    prefix: str
    stem: str
    suffix: str


class Tokens:
    """The words of one sentence as parallel lists (cheap to build); ``tokens[i]`` is a Token view."""

    __slots__ = ("texts", "starts", "breaks", "taa")

    def __init__(self, texts: list[str], starts: list[int], breaks: list[bool], taa: frozenset[int] = frozenset()):
        self.texts = texts
        self.starts = starts
        self.breaks = breaks
        # tokens whose final ه was a ta marbuta (ة) in the input: no pronoun reading for them
        self.taa = taa

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        t = self.texts[i]
        s = self.starts[i]
        return Token(s, s + len(t), t, self.breaks[i])

    def __iter__(self):  # type: ignore[no-untyped-def]
        return (self[i] for i in range(len(self.texts)))


def tokenize(norm: str, start: int = 0, end: int | None = None, original: Any = None) -> Tokens:
    """Word tokens of ``norm[start:end]``; punctuation between words marks clause breaks.

    ``original`` (a :class:`~rasd.text.normalize.Normalized`) lets the tokenizer tell a final
    ta marbuta (ة) from the pronoun ه, which normalization merges.
    """
    return tokenize_sentences(norm, [(start, len(norm) if end is None else end)], original)[0]


def tokenize_sentences(norm: str, sentences: list[tuple[int, int]], original: Any = None) -> list[Tokens]:
    """:func:`tokenize` for every sentence span of a document, in one pass over the text.

    Per-word work is done by the regex engine and C-level map/compress calls over the whole
    document; the per-sentence loop only slices.
    """
    if not sentences:
        return []
    lo_all, hi_all = sentences[0][0], sentences[-1][1]
    pieces = _SPLIT.split(norm[lo_all:hi_all])            # separator, word, separator, ...
    texts_all = pieces[1::2]
    starts_all = list(accumulate(map(len, pieces), initial=lo_all))[1:-1:2]
    puncts = [m.start() for m in _CLAUSE_PUNCT.finditer(norm, lo_all, hi_all)]
    ta = original.ta_marbuta if original is not None else ()
    taa_all: list[int] = []   # document-level indices of the words that end in a ta marbuta
    if ta:
        ta_ends = set(map((1).__add__, ta))
        taa_all = list(compress(count(), map(ta_ends.__contains__, map(add, starts_all, map(len, texts_all)))))
    out: list[Tokens] = []
    for s, e in sentences:
        lo, hi = bisect_left(starts_all, s), bisect_left(starts_all, e)
        starts = starts_all[lo:hi]
        texts = texts_all[lo:hi]
        breaks = [False] * len(texts)
        for k in range(bisect_left(puncts, s), bisect_left(puncts, e)):
            i = bisect_left(starts, puncts[k])
            if i < len(breaks):
                breaks[i] = True
        taa: frozenset[int] = frozenset()
        if taa_all:
            a, b = bisect_left(taa_all, lo), bisect_left(taa_all, hi)
            if a < b:
                taa = frozenset(map((-lo).__add__, taa_all[a:b]))
        out.append(Tokens(texts, starts, breaks, taa))
    return out


def strip_article(word: str) -> str:
    """Drop a leading ال when a stem of at least two letters remains (dictionary keys)."""
    if word.startswith("ال") and len(word) >= 2 + MIN_STEM:
        return word[2:]
    return word


class Analyzer:
    """Proposes clitic readings of a word, memoized per instance (no global cache)."""

    def __init__(self, max_cache: int = 500_000):
        self._cache: dict[str, tuple[Analysis, ...]] = {}
        self._suffixed: dict[str, tuple[tuple[str, str], ...]] = {}
        self._max = max_cache

    def suffixed(self, word: str) -> tuple[tuple[str, str], ...]:
        """(stem, enclitic) of the readings of ``word`` that carry an enclitic and at most the
        article (خارجيتها → ("خارجيه", "ها")): the last word of a name with a pronoun."""
        got = self._suffixed.get(word)
        if got is None:
            got = tuple((s, x) for p, s, x in readings(word) if x and (p == "" or p == "ال"))
            if len(self._suffixed) >= self._max:
                self._suffixed.clear()
            self._suffixed[word] = got
        return got

    def analyses(self, word: str) -> tuple[Analysis, ...]:
        got = self._cache.get(word)
        if got is not None:
            return got
        got = _analyses(word)
        if len(self._cache) >= self._max:
            self._cache.clear()
        self._cache[word] = got
        return got


_ALL_PREFIXES = frozenset(NOMINAL_PREFIXES + VERBAL_PREFIXES + NEGATION_PREFIXES)
_PREFIX_LENGTHS = tuple(sorted({len(p) for p in _ALL_PREFIXES}))
# every beginning of a proclitic chain (وا of وال included): a word whose first k letters are
# none of these has no longer chain either, so the scan stops there (most words: at k = 1)
_PREFIX_HEADS = frozenset(p[:i] for p in _ALL_PREFIXES for i in range(1, len(p) + 1))
_SUFFIX_SET = frozenset(SUFFIXES)
NOMINAL_ENDINGS = frozenset(("ا", "ان", "ين"))   # tanween and the dual: nouns only
_SUFFIX_LAST = frozenset(x[-1] for x in SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in SUFFIXES}))


def without_conjunction(w: str) -> str:
    """A word of four letters or more without the conjunction و or ف glued to it (وقتل → قتل)."""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


CONJUNCTIONS = ("", "و", "ف")


def with_proclitics(words: Iterable[str], proclitics: Iterable[str] = CONJUNCTIONS) -> frozenset[str]:
    """Every word as written with each proclitic chain glued to it (وحين، فنفت، بالفيضانات): the
    short word lists of the rules are tested against tokens with one set operation."""
    chains = tuple(proclitics)
    return frozenset(p + w for w in words for p in chains)


def proclitic_splits(word: str) -> list[tuple[str, str]]:
    """(proclitics, rest) for every proclitic chain the word can begin with, ("", word) first."""
    n = len(word)
    stems: list[tuple[str, str]] = [("", word)]
    for k in _PREFIX_LENGTHS:
        if n - k < MIN_STEM:
            break
        p = word[:k]
        if p not in _PREFIX_HEADS:
            break
        if p in _ALL_PREFIXES:
            stems.append((p, word[k:]))
    return stems


def taa_stems(rest: str) -> list[str]:
    """The stems in ة that ``rest`` (a word without its proclitics) reads as before an enclitic
    (زيارته → زياره): the stems of :func:`readings` that are not beginnings of ``rest``."""
    out = []
    m = len(rest)
    for k in _SUFFIX_LENGTHS:
        if m - k < MIN_STEM + 1:
            break
        if rest[-k - 1] == "ت" and rest[-k:] in _SUFFIX_SET:
            out.append(rest[:-k - 1] + "ه")
    return out


def readings(word: str) -> list[tuple[str, str, str]]:
    """Every (proclitics, stem, enclitic) reading of a word, as plain tuples (the hot path)."""
    stems = proclitic_splits(word)
    out: list[tuple[str, str, str]] = []
    for p, s in stems:
        out.append((p, s, ""))
        if s[-1] not in _SUFFIX_LAST:
            continue
        m = len(s)
        for k in _SUFFIX_LENGTHS:
            if m - k < MIN_STEM + 1:
                break
            suf = s[-k:]
            if suf in _SUFFIX_SET:
                base = s[:-k]
                if base[-1] == "ه" and suf in NOMINAL_ENDINGS:
                    continue  # سفيرها is سفير + ها: a noun in ة takes no alif of tanween
                out.append((p, base, suf))
                if base[-1] == "ت":  # زيارته → زياره (ta marbuta before a suffix)
                    out.append((p, base[:-1] + "ه", suf))
    return out


def _analyses(word: str) -> tuple[Analysis, ...]:
    return tuple(map(Analysis._make, readings(word)))
