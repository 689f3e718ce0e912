"""Choose the event triggers of a sentence from the dictionary matches.

A trigger entry may require a companion word within the next few tokens (وقع fires only
with اتفاق…); among entries for the same words, the most specific satisfied one wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasd.lexicon.compile import Match
from rasd.lexicon.schema import TriggerEntry
from rasd.text.tokenize import Analyzer, Tokens, readings

_NONE: frozenset[str] = frozenset()

# Verbs that only carry an event noun (أجرت مناورات، عقد محادثات، شن هجوما، نظم اعتصاما): they
# yield to the noun whatever their own type. A content verb (رفضت المفاوضات) yields only to a
# noun of its own type.
LIGHT_VERBS = ("اجر", "يجر", "تجر", "نجر", "جري", "جرت", "عقد", "يعقد", "تعقد", "شن", "يشن", "تشن", "نفذ", "ينفذ",
               "تنفذ", "نظم", "ينظم", "تنظم", "شارك", "يشارك", "تشارك", "قام", "يقوم", "تقوم", "قامت", "بدا", "بدات",
               "يبدا", "تبدا", "واصل", "يواصل", "تواصل")
# قام ب + verbal noun (قامت دبابة بقصف المنزل، قام الجنود بقتل): the noun is the event, قام its verb.
DO_VERBS = ("قام", "يقوم", "تقوم", "قامت", "قاموا", "يقومون")
REQUIRES_WINDOW = 12   # tokens after the trigger, within its clause (VSO puts the subject between)


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger; ``anchor`` is the light verb that governs an event noun (أجرت … مناورات),
    whose position and clitics give the arguments and modality of the noun's event."""

    match: Match
    entry: TriggerEntry
    anchor: Match | None = None
    required: int = -1         # token that satisfied the entry's `requires` (its object), or -1

    @property
    def head(self) -> Match:
        return self.anchor if self.anchor is not None else self.match


class Requirements:
    """Which `requires` words a token satisfies (a stem starting with one), memoized per word.

    Built from the trigger entries; a word is looked up once, by probing its stems'
    prefixes in a set, so a sentence costs a few set operations per trigger.
    """

    def __init__(self, entries: Iterable[TriggerEntry], analyzer: Analyzer):
        self.words = frozenset(w for e in entries for w in e.requires)
        self.lengths = tuple(sorted({len(w) for w in self.words}))
        self.analyzer = analyzer
        self._cache: dict[str, frozenset[str]] = {}

    def of(self, word: str) -> frozenset[str]:
        got = self._cache.get(word)
        if got is None:
            found = set()
            words = self.words
            for _, st, _ in readings(word):
                for k in self.lengths:
                    if k > len(st):
                        break
                    if st[:k] in words:
                        found.add(st[:k])
            got = frozenset(found) if found else _NONE
            if len(self._cache) >= 500_000:
                self._cache.clear()
            self._cache[word] = got
        return got


def select_triggers(matches: list[Match], tokens: Tokens, requirements: Requirements) -> list[TriggerHit]:
    """Non-overlapping triggers, longest first."""
    cands: list[tuple[int, int, Match, TriggerEntry]] = []
    do_verbs: list[Match] = []   # قام whose own object (زيارة) is missing: a light verb for a ب-noun
    n = len(tokens)
    texts = tokens.texts
    breaks = tokens.breaks
    of = requirements.of
    sat_at: dict[int, frozenset[str]] = {}  # per-sentence memo: windows of several triggers overlap
    required_at: dict[int, int] = {}   # id(match) → token index of the word that satisfied `requires`
    for m in matches:
        if m.layer != "event":
            continue
        e: TriggerEntry = m.ref
        if e.requires:
            at = -1
            req = e.requires
            for j in range(m.last + 1, min(n, m.last + 1 + REQUIRES_WINDOW)):
                if breaks[j]:
                    break
                sat = sat_at.get(j)
                if sat is None:
                    sat = sat_at[j] = of(texts[j])
                if sat and not sat.isdisjoint(req):
                    at = j
                    break
            if at < 0:
                if m.pattern.form != "noun" and m.pattern.words[0].startswith(DO_VERBS):
                    do_verbs.append(m)
                continue
            required_at[id(m)] = at
        specificity = 1 if e.requires else 0
        cands.append((-(m.last - m.first), -specificity, m, e))
    cands.sort(key=lambda c: (c[0], c[1], c[2].first, c[3].line))
    taken: set[int] = set()
    out: list[TriggerHit] = []
    for _, _, m, e in cands:
        span = range(m.first, m.last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        out.append(TriggerHit(m, e, None, required_at.get(id(m), -1)))
    out.sort(key=lambda t: t.match.first)
    if do_verbs:
        out = _do_verb(out, do_verbs, breaks)
    return _govern(out, required_at)


def _do_verb(hits: list[TriggerHit], verbs: list[Match], breaks: list[bool]) -> list[TriggerHit]:
    """قامت دبابة إسرائيلية بقصف …: the first event noun with ب after قام, in its clause and with
    no trigger between, takes قام as its anchor (the subject of قام is the noun's agent)."""
    out = list(hits)
    for v in verbs:
        for k, h in enumerate(out):
            m = h.match
            if m.first <= v.last:
                continue
            if m.first - v.last > REQUIRES_WINDOW or any(breaks[j] for j in range(v.last + 1, m.first + 1)):
                break
            if m.pattern.form == "noun" and h.anchor is None and m.prefix.endswith("ب"):
                out[k] = TriggerHit(m, h.entry, v, h.required)
            break
    return out


def _govern(hits: list[TriggerHit], required_at: dict[int, int]) -> list[TriggerHit]:
    """A verb whose required object is itself an event noun (أجرت مناورات، عقد محادثات، شن
    هجوما) yields to the noun, which takes the verb as its anchor."""
    if not required_at:
        return hits
    drop: set[int] = set()
    anchors: dict[int, Match] = {}
    for k, h in enumerate(hits):
        at = required_at.get(id(h.match))
        if at is None or h.match.pattern.form == "noun":
            continue
        light = h.match.pattern.words[0].startswith(LIGHT_VERBS)
        for k2, h2 in enumerate(hits):
            if k2 != k and h2.match.first <= at <= h2.match.last and h2.match.pattern.form in ("noun", "fixed") \
                    and (light or h2.entry.type == h.entry.type):
                drop.add(k)
                anchors[k2] = h.match
                break
    return [TriggerHit(h.match, h.entry, anchors.get(k), h.required) for k, h in enumerate(hits) if k not in drop]
