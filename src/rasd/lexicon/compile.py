"""Compile dictionary forms into one token-trie matcher.

Each dictionary form becomes a :class:`Pattern`: a tuple of normalized, article-stripped
words plus the clitics it may carry. Matching walks the tokens of a sentence once; for
every token the :class:`~rasd.text.tokenize.Analyzer` proposes (prefix, stem, suffix)
readings and the first word of each pattern is looked up in a dict, so the cost is a few
dict probes per token whatever the size of the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasd.text.normalize import normalize_key
from rasd.text.tokenize import (NEGATION_PREFIXES, NOMINAL_PREFIXES, VERBAL_PREFIXES, Analyzer, Token,
                                strip_article)

NOMINAL = frozenset(("",) + NOMINAL_PREFIXES)
VERBAL_PAST = frozenset(p for p in ("",) + VERBAL_PREFIXES if "س" not in p and not p.endswith("ل"))
VERBAL = frozenset(("",) + VERBAL_PREFIXES + NEGATION_PREFIXES)
INTERNAL = frozenset(("", "ال"))
# Function words that a one-word name must never match (وإن is not the Turkish city Van).
FUNCTION_WORDS = frozenset((
    "ان", "وان", "فان", "لان", "بان", "كان", "وكان", "من", "في", "عن", "الي", "علي", "مع", "ما", "لا", "لم", "لن",
    "اما", "اذا", "لكن", "حتي", "ليس", "غير", "عند", "بعد", "قبل", "حين", "ثم", "منذ", "لدي", "كما", "اي", "هو",
    "هي", "هم", "ها", "انه", "انها", "لانه", "بانه", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "بين",
    "كل", "بعض", "نحو", "حول", "دون", "خلال", "عبر", "ضد", "اليوم", "امس", "غدا", "وقد", "قد", "لقد", "او", "ام",
))


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[str, ...]
    layer: str          # actor | event | cue
    kind: str           # country | nisba | demonym | capital | metonym | person | org | agent | place | trigger | NEG ...
    prefixes: frozenset[str]
    suffix_ok: bool
    ref: Any            # the dictionary entry
    form: str = ""      # past | present | noun | fixed | sg | pl ...
    ambiguous: bool = False  # also a common word: needs context (مالي، صور، القاعدة)


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    first: int          # token index
    last: int           # token index, inclusive
    prefix: str         # proclitics on the first token
    suffix: str         # enclitic on the last token
    start: int          # normalized offsets of the evidence (conjunction/preposition proclitics excluded)
    end: int

    @property
    def layer(self) -> str:
        return self.pattern.layer

    @property
    def kind(self) -> str:
        return self.pattern.kind

    @property
    def ref(self) -> Any:
        return self.pattern.ref


def key_words(form: str) -> tuple[str, ...]:
    """Normalized, article-stripped words of a dictionary form."""
    words = normalize_key(form).replace("-", " ").split()
    return tuple(strip_article(w) for w in words)


class Matcher:
    """All patterns indexed by first word."""

    def __init__(self) -> None:
        self.index: dict[str, list[Pattern]] = {}
        self.size = 0

    def add(self, form: str, layer: str, kind: str, ref: Any, *, prefixes: frozenset[str] = NOMINAL,
            suffix_ok: bool = False, tag: str = "", ambiguous: bool = False) -> None:
        words = key_words(form)
        if not words or not words[0]:
            return
        if layer == "actor" and len(words) == 1 and words[0] in FUNCTION_WORDS:
            return
        pat = Pattern(words, layer, kind, prefixes, suffix_ok, ref, tag, ambiguous)
        bucket = self.index.setdefault(words[0], [])
        if pat not in bucket:
            bucket.append(pat)
            self.size += 1

    def match(self, tokens: list[Token], analyzer: Analyzer) -> list[Match]:
        """Every pattern occurrence in ``tokens``, overlapping ones included."""
        index = self.index
        out: list[Match] = []
        n = len(tokens)
        internal_cache: dict[int, set[str]] = {}
        for i, tok in enumerate(tokens):
            for an in analyzer.analyses(tok.text):
                pats = index.get(an.stem)
                if not pats:
                    continue
                for pat in pats:
                    if an.prefix not in pat.prefixes:
                        continue
                    k = len(pat.words)
                    if k == 1:
                        if an.suffix and not pat.suffix_ok:
                            continue
                        out.append(_make(pat, tokens, i, i, an.prefix, an.suffix))
                        continue
                    if an.suffix or i + k > n:
                        continue
                    ok = True
                    last_suffix = ""
                    for j in range(1, k):
                        t = tokens[i + j]
                        if t.clause_break_before:
                            ok = False
                            break
                        w = pat.words[j]
                        forms = internal_cache.get(i + j)
                        if forms is None:
                            forms = _internal_forms(t.text)
                            internal_cache[i + j] = forms
                        if w in forms:
                            continue
                        if j == k - 1 and pat.suffix_ok:
                            hit = next((a.suffix for a in analyzer.analyses(t.text)
                                        if a.stem == w and a.prefix in INTERNAL and a.suffix), None)
                            if hit:
                                last_suffix = hit
                                continue
                        ok = False
                        break
                    if ok:
                        out.append(_make(pat, tokens, i, i + k - 1, an.prefix, last_suffix))
        return out


def _internal_forms(word: str) -> set[str]:
    forms = {word}
    if word.startswith("ال") and len(word) >= 4:
        forms.add(word[2:])
    return forms


def _make(pat: Pattern, tokens: list[Token], first: int, last: int, prefix: str, suffix: str) -> Match:
    # Evidence keeps the article and future س but not conjunctions or prepositions.
    keep = ""
    if prefix.endswith("ال"):
        keep = "ال"
    elif prefix == "لل" or prefix.endswith("لل"):
        keep = "ل"
    elif prefix.endswith("س"):
        keep = "س"
    start = tokens[first].start + len(prefix) - len(keep)
    return Match(pat, first, last, prefix, suffix, start, tokens[last].end)


def verb_forms(past: str, present: str) -> list[tuple[str, str]]:
    """Regular conjugations of a verb given as 3rd person masculine singular past|present."""
    p = normalize_key(past)
    q = normalize_key(present)
    out = [(p + s, "past") for s in ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما")]
    stem = q[1:] if q[:1] in ("ي", "ت", "ن", "ا") else q
    for pre in ("ي", "ت", "ن"):
        for suf in ("", "ون", "ان", "وا", "ا", "ن"):
            out.append((pre + stem + suf, "present"))
    return list(dict.fromkeys(out))


def nisba_forms(base: str) -> list[tuple[str, str]]:
    """A nationality adjective and its regular inflections (روسي → روسية، روسيون …)."""
    b = normalize_key(base)
    forms = [(b, "sg"), (b + "ه", "sg"), (b + "ان", "pl"), (b + "تان", "pl"), (b + "ين", "pl"),
             (b + "ون", "pl"), (b + "ات", "pl"), (b + "تين", "pl")]
    return forms
