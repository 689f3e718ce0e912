"""Compile dictionary forms into one token-trie matcher.

Each dictionary form becomes a :class:`Pattern`: a tuple of normalized, article-stripped
words plus the clitics it may carry. Matching walks the tokens of a sentence once; for
every token the :class:`~rasd.text.tokenize.Analyzer` proposes (prefix, stem, suffix)
readings and the first word of each pattern is looked up in a dict, so the cost is a few
dict probes per token whatever the size of the lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from itertools import compress, count, repeat
from operator import is_not
from typing import Any, NamedTuple

from rasd.text.normalize import normalize_key
from rasd.text.tokenize import (NEGATION_PREFIXES, NOMINAL_ENDINGS, NOMINAL_PREFIXES, VERBAL_PREFIXES, Analyzer, Tokens,
                                readings, strip_article)

NOMINAL = frozenset(("",) + NOMINAL_PREFIXES)
VERBAL_PAST = frozenset(p for p in ("",) + VERBAL_PREFIXES if "س" not in p and not p.endswith("ل"))
VERBAL = frozenset(("",) + VERBAL_PREFIXES + NEGATION_PREFIXES)
INTERNAL = frozenset(("", "ال"))
# ألماني، ألبانيا، إلغاء: a hamza on the alef tells a stem that begins with ال, no article; once
# normalized the two look alike (الألمانية is ال + المانيه), so dictionary forms are read as written
HAMZA_LAM = ("أل", "إل", "آل")


VERB_FORMS = frozenset(("past", "present"))


def has_article(form: str) -> bool:
    """Whether a dictionary form begins with the article (البحرية), read as written: ألمانيا does not."""
    return normalize_key(form).startswith("ال") and not form.lstrip().startswith(HAMZA_LAM)


# Function words that a one-word name must never match (وإن is not the Turkish city Van).
FUNCTION_WORDS = frozenset((
    "ان", "وان", "فان", "لان", "بان", "كان", "وكان", "من", "في", "عن", "الي", "علي", "مع", "ما", "لا", "لم", "لن",
    "اما", "اذا", "لكن", "حتي", "ليس", "غير", "عند", "بعد", "قبل", "حين", "ثم", "منذ", "لدي", "كما", "اي", "هو",
    "هي", "هم", "ها", "انه", "انها", "لانه", "بانه", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "بين",
    "كل", "بعض", "نحو", "حول", "دون", "خلال", "عبر", "ضد", "اليوم", "امس", "غدا", "وقد", "قد", "لقد", "او", "ام",
    "امام",  # أمام "in front of" normalizes like إمام "imam"
))


class Pattern(NamedTuple):
    """One dictionary form as the matcher sees it (a tuple: thousands unpickle fast)."""

    words: tuple[str, ...]
    layer: str          # actor | event | cue
    kind: str           # country | nisba | demonym | capital | metonym | person | org | agent | place | trigger | NEG ...
    prefixes: frozenset[str]
    suffix_ok: bool
    ref: Any            # the dictionary entry
    form: str = ""      # past | present | noun | fixed | sg | pl ...
    ambiguous: bool = False  # also a common word: needs context (مالي، صور، القاعدة)


class Match(NamedTuple):
    """One occurrence of a pattern: token indices (inclusive), clitics, evidence offsets."""

    pattern: Pattern
    first: int          # token index
    last: int           # token index, inclusive
    prefix: str         # proclitics on the first token
    suffix: str         # enclitic on the last token
    start: int          # normalized offsets of the evidence (conjunction/preposition proclitics excluded)
    end: int
    layer: str          # copied from the pattern: hot loops read them
    kind: str
    ref: Any


def key_words(form: str, *, keep_first: bool = False) -> tuple[str, ...]:
    """Normalized, article-stripped words of a dictionary form.

    ``keep_first`` keeps an initial ال on the first word: trigger verbs such as التقى، التزم
    begin with those letters (the matcher strips a real article from the text itself).
    """
    words = normalize_key(form).replace("-", " ").split()
    raw = form.replace("-", " ").split()
    if len(raw) != len(words):   # a diacritic or tatweel standing alone: no word to compare with
        raw = words
    out = tuple(strip_article(w) if has_article(r) else w for w, r in zip(words, raw))
    if keep_first and words:
        out = (words[0],) + out[1:]
    return out


Candidates = tuple[list[tuple["Pattern", str, str, int]], dict[str, list[tuple["Pattern", str]]],
                   dict[str, list[tuple["Pattern", str]]]]
_EMPTY: Candidates = ([], {}, {})  # shared by every word that starts no pattern (never mutated)
# Layers whose patterns make a sentence worth a full match on its own (actors and cues alone do not).
STARTS_LAYERS = frozenset(("event", "ref"))


class Matcher:
    """All patterns indexed by first word."""

    def __init__(self) -> None:
        self.index: dict[str, list[Pattern]] = {}
        self.size = 0
        self._cache: dict[str, Candidates] = {}
        self._starts: dict[str, "StartInfo"] = {}

    def add(self, form: str, layer: str, kind: str, ref: Any, *, prefixes: frozenset[str] = NOMINAL,
            suffix_ok: bool = False, tag: str = "", ambiguous: bool = False) -> None:
        words = key_words(form, keep_first=layer == "event")
        if not words or not words[0]:
            return
        if layer == "actor" and len(words) == 1 and words[0] in FUNCTION_WORDS:
            return
        pat = Pattern(words, layer, kind, prefixes, suffix_ok, ref, tag, ambiguous)
        self._cache.clear()
        self._starts.clear()
        bucket = self.index.setdefault(words[0], [])
        if pat not in bucket:
            bucket.append(pat)
            self.size += 1

    def candidates(self, word: str, analyzer: Analyzer, taa: bool = False) -> Candidates:
        """Patterns a reading of ``word`` can start: one-word ones as (pattern, prefix, suffix,
        characters of the prefix left out of the evidence),
        longer ones as {second word: [(pattern, prefix)]}, and two-word ones whose second word
        may carry a pronoun (وزير خارجيتها) apart. ``taa``: the word's final ه is a ة."""
        key = word + "\x01" if taa else word
        got = self._cache.get(key)
        if got is not None:
            return got
        singles: list[tuple[Pattern, str, str, int]] = []
        multis: dict[str, list[tuple[Pattern, str]]] = {}
        suffixed: dict[str, list[tuple[Pattern, str]]] = {}
        index = self.index
        for prefix, stem, suffix in readings(word):
            pats = index.get(stem)
            if not pats or (taa and suffix == "ه"):
                continue  # taa: استجابة، مدرسة end in ة, not استجاب، مدرس + "him"
            for pat in pats:
                if prefix not in pat.prefixes:
                    continue
                if not suffix and pat.ref is not None and (spelling := getattr(pat.ref, "spelling", ())):
                    if taa and "ha" in spelling:
                        continue  # طالبة "a student" is not the form طالبه "demanded of him" (spelling "ha")
                    if not taa and "taa" in spelling:
                        continue  # مصادره "its sources" is not مصادرة "confiscation" (spelling "taa")
                if len(pat.words) == 1:
                    # a verb takes pronouns, not the endings of nouns: طالبان is no طالب + ان, لأمن no لام + ن
                    # (but يقتلونا is يقتلوننا "they kill us", its ن merged)
                    if not suffix or pat.suffix_ok and not (
                            suffix in NOMINAL_ENDINGS and pat.form in VERB_FORMS
                            and not (suffix == "ا" and pat.form == "present" and stem.endswith("ون"))):
                        singles.append((pat, prefix, suffix, _skip(prefix)))
                elif not suffix or suffix in DUAL_CONSTRUCT and pat.kind == "agent" and pat.layer == "actor":
                    # وزيرا الخارجية: the dual of a title in construct starts its entry too
                    multis.setdefault(pat.words[1], []).append((pat, prefix))
                    if len(pat.words) == 2 and pat.suffix_ok and not suffix:
                        suffixed.setdefault(pat.words[1], []).append((pat, prefix))
        got = (singles, multis, suffixed) if (singles or multis) else _EMPTY
        if len(self._cache) >= 1_000_000:
            self._cache.clear()
        self._cache[key] = got
        return got

    def starts_any(self, tokens: Tokens, analyzer: Analyzer,
                   requirement: Callable[[Tokens, int, int, frozenset[str]], bool] | None = None) -> bool:
        """Whether a pattern of a layer in STARTS_LAYERS (an event trigger or a reference such
        as البلدين) can occur in ``tokens``: a sentence with none needs no full match unless
        the document asks for its actors.

        A multi-word pattern counts only if the next word is its second one; a trigger that
        requires a companion word (رفع … العقوبات، تقدم … بطلب) only if
        ``requirement(tokens, i, words, need)`` (:meth:`rasd.events.triggers.Requirements.after`)
        finds one of ``need`` after a trigger of at most ``words`` words starting at word i.
        Without ``requirement`` such triggers count. The answer is conservative: a sentence for
        which it is False has no trigger and no reference. Memoized per word."""
        starts = self._starts
        texts = tokens.texts
        keys = _cache_keys(tokens)
        n = len(texts)
        # most words start nothing (False): they are passed over in C, and only the others
        # (unseen words included: None) are read again here
        for i in compress(count(), map(is_not, map(starts.get, keys), repeat(False))):
            info: StartInfo | None = starts.get(keys[i])
            if info is None:
                info = self._start_info(texts[i], analyzer, i in tokens.taa)
                if len(starts) >= 1_000_000:
                    starts.clear()
                starts[keys[i]] = info
            if info is False:
                continue   # an unseen word that starts nothing
            if info is True:
                return True
            need, multis, suffixed, span = info
            if (multis or suffixed) and i + 1 < n and not tokens.breaks[i + 1]:
                nxt = texts[i + 1]
                for key in ((nxt, nxt[2:]) if len(nxt) >= 4 and nxt.startswith("ال") else (nxt,)):
                    req = multis.get(key)
                    if req is not None:
                        if not req:
                            return True
                        need = need | req
                if suffixed and nxt not in suffixed and len(nxt) > 3:
                    for stem, _ in analyzer.suffixed(nxt):
                        req = suffixed.get(stem)
                        if req is not None:
                            if not req:
                                return True
                            need = need | req
            if need and (requirement is None or requirement(tokens, i, span, need)):
                return True
        return False

    def _start_info(self, word: str, analyzer: Analyzer, taa: bool) -> "StartInfo":
        """What ``word`` can start, for :meth:`starts_any`: False (nothing), True (a pattern
        that needs nothing more), or (companion words required by the one-word triggers it
        starts, {second word: companions required (empty: none)} of longer patterns, the same
        for two-word patterns whose second word carries a pronoun, the words of the longest)."""
        got = self.candidates(word, analyzer, taa)
        if got is _EMPTY:
            return False
        singles, multis, suffixed = got
        need: set[str] = set()
        for p, *_ in singles:
            if p.layer in STARTS_LAYERS:
                req = _requires(p)
                if not req:
                    return True
                need.update(req)
        longer = _start_requirements(multis)
        with_pronoun = _start_requirements(suffixed)
        if not need and not longer and not with_pronoun:
            return False
        # the words of its longest pattern: the companion is looked for after the trigger's end
        span = max((len(p.words) for pats in multis.values() for p, _ in pats), default=1)
        return frozenset(need), longer, with_pronoun, span

    def match(self, tokens: Tokens, analyzer: Analyzer) -> list[Match]:
        """Every pattern occurrence in ``tokens``, overlapping ones included."""
        out: list[Match] = []
        append = out.append
        texts = tokens.texts
        starts = tokens.starts
        breaks = tokens.breaks
        n = len(texts)
        taa = tokens.taa
        cache = self._cache
        keys = _cache_keys(tokens)
        # dictionary probes in C; the words known to start nothing (_EMPTY) are passed over there
        for i in compress(count(), map(is_not, map(cache.get, keys), repeat(_EMPTY))):
            got = cache.get(keys[i])
            if got is None:
                got = self.candidates(texts[i], analyzer, i in taa)
                if got is _EMPTY:
                    continue
            singles, multis, suffixed = got
            if singles:
                start = starts[i]
                end = start + len(texts[i])
                for pat, prefix, suffix, skip in singles:
                    append(_new_match((pat, i, i, prefix, suffix, start + skip, end, pat.layer, pat.kind, pat.ref)))
            if not multis or i + 1 >= n or breaks[i + 1]:
                continue
            nxt = texts[i + 1]
            for key in ((nxt, nxt[2:]) if len(nxt) >= 4 and nxt.startswith("ال") else (nxt,)):
                for pat, prefix in multis.get(key, ()):
                    k = len(pat.words)
                    if i + k > n:
                        continue
                    last_suffix = "" if k == 2 else self._rest_matches(pat, tokens, i, k, analyzer)
                    if last_suffix is not None:
                        append(_make(pat, tokens, i, i + k - 1, prefix, last_suffix))
            if suffixed and nxt not in suffixed and len(nxt) > 3:
                # a two-word pattern whose last word carries a pronoun suffix (وزير خارجيتها)
                for stem, suffix in analyzer.suffixed(nxt):
                    for pat, prefix in suffixed.get(stem, ()):
                        append(_make(pat, tokens, i, i + 1, prefix, suffix))
        return out

    @staticmethod
    def _rest_matches(pat: Pattern, tokens: Tokens, i: int, k: int, analyzer: Analyzer) -> str | None:
        """The enclitic of the last word if words 3..k of ``pat`` follow, else None."""
        for j in range(2, k):
            if tokens.breaks[i + j]:
                return None
            w = pat.words[j]
            text = tokens.texts[i + j]
            if w == text or (text.startswith("ال") and len(text) >= 4 and w == text[2:]):
                continue
            if j == k - 1 and pat.suffix_ok:
                hit = next((a.suffix for a in analyzer.analyses(text)
                            if a.stem == w and a.prefix in INTERNAL and a.suffix), None)
                if hit:
                    return hit
            return None
        return ""

    def __getstate__(self) -> dict[str, object]:
        return {"index": self.index, "size": self.size}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.index = state["index"]  # type: ignore[assignment]
        self.size = state["size"]  # type: ignore[assignment]
        self._cache = {}
        self._starts = {}


StartInfo = bool | tuple[frozenset[str], dict[str, frozenset[str]], dict[str, frozenset[str]], int]


def _requires(p: Pattern) -> tuple[str, ...]:
    """The companion words a trigger pattern requires (none for references)."""
    return getattr(p.ref, "requires", ()) if p.layer == "event" else ()


def _start_requirements(by_next: dict[str, list[tuple[Pattern, str]]]) -> dict[str, frozenset[str]]:
    """{next word: union of the companions its STARTS_LAYERS patterns require}; an empty set
    where one of them requires none."""
    out: dict[str, frozenset[str]] = {}
    for nxt, pats in by_next.items():
        reqs = [_requires(p) for p, _ in pats if p.layer in STARTS_LAYERS]
        if reqs:
            out[nxt] = frozenset() if not all(reqs) else frozenset(w for r in reqs for w in r)
    return out


DUAL_CONSTRUCT = frozenset(("ا",))   # the nominative dual in construct has lost its ن: وزيرا الخارجية


def _cache_keys(tokens: Tokens) -> list[str]:
    """The per-word cache keys of a sentence: the word, marked where its final ه is a ة."""
    texts = tokens.texts
    if not tokens.taa:
        return texts
    keys = list(texts)
    for i in tokens.taa:
        keys[i] = texts[i] + "\x01"
    return keys


@lru_cache(maxsize=256)
def _skip(prefix: str) -> int:
    """Characters of a proclitic chain left out of the evidence: conjunctions and prepositions
    go, the article and the future س stay."""
    keep = ""
    if prefix.endswith("ال"):
        keep = "ال"
    elif prefix.endswith("لل"):
        keep = "ل"
    elif prefix.endswith("س"):
        keep = "س"
    return len(prefix) - len(keep)


_new_match = partial(tuple.__new__, Match)  # Match(*fields) without the Python-level __new__ (hot loop)


def _make(pat: Pattern, tokens: Tokens, first: int, last: int, prefix: str, suffix: str) -> Match:
    start = tokens.starts[first] + _skip(prefix)
    end = tokens.starts[last] + len(tokens.texts[last])
    return _new_match((pat, first, last, prefix, suffix, start, end, pat.layer, pat.kind, pat.ref))


def verb_forms(past: str, present: str) -> list[tuple[str, str]]:
    """Regular conjugations of a verb given as 3rd person masculine singular past|present."""
    p = normalize_key(past)
    q = normalize_key(present)
    suffixes: tuple[str, ...] = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما")
    if len(p) == 3 and p[1] == "ا" or len(p) == 2:
        # a hollow verb (لام، قام، زار) loses its alif before a suffix that begins with a consonant
        # (لُمنَ، قمنا، زرتم): لام + ن would be لامن, which is ل + أمن "for the security of"; a doubled
        # verb written with two letters (حض، رد، شد) parts its letters there (حضضن، رددنا): حض + ن is
        # حضن "lap"
        suffixes = ("", "ت", "ا", "تا", "وا")
    out = [(p + s, "past") for s in suffixes]
    stem = q[1:] if q[:1] in ("ي", "ت", "ن", "ا") else q
    for pre in ("ي", "ت", "ن"):
        for suf in ("", "ون", "ان", "وا", "ا", "ن"):
            out.append((pre + stem + suf, "present"))
    return list(dict.fromkeys(out))


def nisba_forms(base: str) -> list[tuple[str, str]]:
    """A nationality adjective and its regular inflections (روسي → روسية، روسيون …)."""
    b = base.strip()   # as written: key_words reads the hamza of ألماني (see HAMZA_LAM)
    forms = [(b, "sg"), (b + "ه", "sg"), (b + "ا", "sg"), (b + "ان", "pl"), (b + "تان", "pl"), (b + "ين", "people"),
             (b + "ون", "people"), (b + "ات", "pl"), (b + "تين", "pl")]
    return forms
