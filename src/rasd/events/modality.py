"""Modality of a trigger: negated, future, hypothetical, and who reported it.

Cues come from ``cues.tsv`` (NEG, FUT, HYP, SAY). A cue counts when it stands in the
same clause shortly before the trigger; negation glued to the verb (ولايهدد) and the future
prefix س on a present verb are read from the trigger's own clitics.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.triggers import TriggerHit
from rasd.lexicon.compile import Match
from typing import Any

NEG_REACH = 3
FUT_REACH = 6
HYP_REACH = 8
DENIAL_STEMS = frozenset(("نفي", "نفت", "نفوا", "ينفي", "تنفي", "نفيه", "ينفون", "تنفي"))
NEG_BEFORE_NOUN = frozenset(("دون", "بدون", "عدم", "غير"))


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    future: bool
    hypothetical: bool
    say: Match | None


def modality(hit: TriggerHit, cues: list[Match], tokens: Any, stems: Any) -> Modality:
    m = hit.head
    prefix = m.prefix
    negated = any(prefix.endswith(p) for p in ("لا", "لم", "لن"))
    future = "س" in prefix or prefix.endswith("لن")
    hypothetical = False
    say: Match | None = None
    # clause start: the last punctuation before the trigger
    left = m.first
    breaks = tokens.breaks
    while left > 0 and not breaks[left]:
        left -= 1
    for c in cues:
        if c.last >= m.first:
            continue
        dist = m.first - c.last
        same_clause = c.first >= left
        if c.kind == "NEG" and dist <= NEG_REACH and same_clause:
            negated = True
            if stems[c.first] in ("لن",):
                future = True
        elif c.kind == "FUT" and dist <= FUT_REACH and same_clause:
            future = True
        elif c.kind == "HYP" and dist <= HYP_REACH and same_clause:
            if stems[c.first] == "قد" and m.pattern.form == "past":
                continue  # قد + past = certainty, not possibility
            hypothetical = True
        elif c.kind == "SAY":
            say = c
    if m.pattern.form == "noun" and m.first > 0 and stems[m.first - 1] in NEG_BEFORE_NOUN:
        negated = True
    for i in range(max(0, m.first - 12), m.first):
        if stems[i] in DENIAL_STEMS:
            negated = True
            break
    return Modality(negated, future, hypothetical, say)
