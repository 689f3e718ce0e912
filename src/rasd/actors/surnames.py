"""A person named in full earlier in a document, named again by the surname alone.

وقال كارتر after وزير الدفاع الأمريكي آشتون كارتر: the dictionary lists a surname alone only where it
is unambiguous everywhere; in a document that has named the person in full, it is unambiguous
there. Used by the pipeline on the matches of the sentences with triggers, before phrases are built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasd.lexicon.compile import Match
from rasd.text.tokenize import strip_article

# Surnames that are a dictionary form of their own, or shorter than three letters, are left to the dictionary.
NAME_PROCLITICS = ("ول", "وب", "فل", "فب", "و", "ف", "ل", "ب")   # longest first
KIN_WORDS = frozenset(("بن", "ابن", "بنت", "ابو", "ولد"))


def surname_forms(surnames: dict[str, tuple[Any, ...]]) -> frozenset[str]:
    """Every way a surname key may be written as a word (كارتر، وكارتر، لكارتر): a sentence's words are
    intersected with these before any is looked at. A word with the article (الشهرستاني، العربي) is
    left to the dictionary: alone, most such last names are common words."""
    return frozenset(h + k for k in surnames for h in ("",) + NAME_PROCLITICS)


# Last words of names that are common words (حتى، الثاني of عبدالله الثاني، العربي of نبيل العربي):
# alone they seldom name the person.
COMMON_SURNAMES = frozenset((   # dictionary keys: normalized, no article
    "حتي", "ثاني", "ثانيه", "ثالث", "رابع", "سادس", "اول", "عربي", "مبارك", "رمضان", "صباح", "خميس", "جمعه", "سلام",
    "دين", "ديني", "امين", "كبير", "صغير", "حكيم", "عظيم", "جديد", "خير", "خيري", "نور", "حق", "الله", "عيد", "حرب",
    "نصر", "بشير", "منصور", "عادل", "اسد", "ابن", "جوده", "حجر", "خيال", "رءيسي", "رحمن", "سفر", "شاهد", "شرع", "شرف",
    "صعب", "صيد", "طايع", "علوم", "عامي", "عاطفي", "فال", "كافي", "ماري", "ماي", "مادي", "مين", "واقف", "جراح", "عبيد",
    "صوف", "نجار", "صقر", "مرجان", "قصره", "نفطي", "حميد", "عوف", "زكي", "شامي", "لامي", "غاس", "غول", "مون", "بري",
    "دياب", "عدي", "عمار", "غانم", "فتوح", "ماهر", "مجيد", "هاشم", "بلال", "جاسم", "ايوب", "زيدان", "شفيق", "عطيه",
))


def surnames_of(matcher: Any, function_words: frozenset[str]) -> dict[str, tuple[Any, ...]]:
    """Last word of a person's multi-word form -> the person patterns that end with it. Not a word
    that is a dictionary form of its own, a given name (the first word of someone's name: محمد،
    عبدالله، سلمان), one of ``function_words`` or a common word (COMMON_SURNAMES)."""
    people = [p for pats in matcher.index.values() for p in pats if p.layer == "actor" and p.kind == "person"]
    excluded = {p.words[0] for pats in matcher.index.values() for p in pats if len(p.words) == 1}
    excluded |= {p.words[0] for p in people} | function_words | COMMON_SURNAMES
    out: dict[str, list[Any]] = {}
    for p in people:
        if len(p.words) > 1 and len(p.words[-1]) >= 3 and p.words[-1] not in excluded:
            out.setdefault(p.words[-1], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _name_word(w: str) -> tuple[str, str]:
    """(the word as a dictionary key: without a conjunction or preposition glued to it and without
    the article, that proclitic). وكارتر → (كارتر, و); والشهرستاني → (شهرستاني, و)."""
    for pre in NAME_PROCLITICS:
        if w.startswith(pre) and len(w) - len(pre) >= 3:
            return strip_article(w[len(pre):]), pre
    return strip_article(w), ""


def alias_surnames(sentences: Sequence[Any], surnames: dict[str, tuple[Any, ...]],
                    forms: frozenset[str]) -> None:
    """Add a person match for a surname alone (وقال كارتر) to the matches of each sentence with
    triggers (pipeline._Sentence: ``tokens``, ``matches``, ``triggers``) where the document named
    exactly one person of that surname in full before it."""
    first: dict[int, tuple[int, int] | None] = {}   # id(pattern) -> where the document names it in full
    for si, sa in enumerate(sentences):
        if sa is None or not sa.triggers or forms.isdisjoint(sa.tokens.texts):
            continue
        texts = sa.tokens.texts
        covered = {i for m in sa.matches if m.layer in ("actor", "event") for i in range(m.first, m.last + 1)}
        for i, w in enumerate(texts):
            if i in covered or w not in forms or i + 1 < len(texts) and texts[i + 1] in KIN_WORDS:
                continue   # صالح بن عبدالله: a first name
            bare, pre = _name_word(w)
            pats = surnames.get(bare)
            if not pats and pre:
                bare, pre = w, ""   # a name that begins with one of those letters (بوتين، لابيد، فيون)
                pats = surnames.get(bare)
            if not pats:
                continue
            named = {}
            for p in pats:
                if id(p) not in first:
                    first[id(p)] = _first_mention(p.words, sentences)
                at = first[id(p)]
                if at is not None and at < (si, i):
                    named[id(p.ref)] = p
            if len(named) != 1:
                continue
            # the full name's pattern: the name is known, as if written whole (recognize.phrase_code
            # doubts a surname alone far from its bearer's offices)
            (p,) = named.values()
            sa.matches.append(Match(p, i, i, pre, "", sa.tokens.starts[i] + len(pre), sa.tokens.starts[i] + len(w),
                                    "actor", "person", p.ref))
            covered.add(i)


def _first_mention(name: tuple[str, ...], sentences: Sequence[Any]) -> tuple[int, int] | None:
    """(sentence, token) where the words of ``name`` first occur in a row (clitics and article aside)."""
    head = name[0]
    for sj, sb in enumerate(sentences):
        if sb is None:
            continue
        texts = sb.tokens.texts
        for k in range(len(texts) - len(name) + 1):
            t = texts[k]
            if head in t and _name_word(t)[0] == head and all(
                    strip_article(texts[k + x]) == name[x] for x in range(1, len(name))):
                return sj, k
    return None
