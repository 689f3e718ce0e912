"""Choose the event triggers of a sentence from the dictionary matches.

A trigger entry may require a companion word within the next few tokens (وقع fires only
with اتفاق…); among entries for the same words, the most specific satisfied one wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.lexicon.compile import Match
from rasd.lexicon.schema import TriggerEntry
from rasd.text.tokenize import Analyzer, Tokens

REQUIRES_WINDOW = 6


@dataclass(frozen=True, slots=True)
class TriggerHit:
    match: Match
    entry: TriggerEntry


def select_triggers(matches: list[Match], tokens: Tokens, analyzer: Analyzer) -> list[TriggerHit]:
    """Non-overlapping triggers, longest first."""
    cands: list[tuple[int, int, Match, TriggerEntry]] = []
    n = len(tokens)
    for m in matches:
        if m.layer != "event":
            continue
        e: TriggerEntry = m.ref
        if e.requires:
            hi = min(n, m.last + 1 + REQUIRES_WINDOW)
            texts = tokens.texts
            if not any(st.startswith(e.requires) for j in range(m.last + 1, hi)
                       for st in analyzer.stems(texts[j])):
                continue
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
        out.append(TriggerHit(m, e))
    out.sort(key=lambda t: t.match.first)
    return out
