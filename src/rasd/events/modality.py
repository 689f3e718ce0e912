"""Modality of a trigger: negated, future, hypothetical, and who reported it.

Cues come from ``cues.tsv`` (NEG, FUT, HYP, SAY). A cue counts when it stands in the
same clause shortly before the trigger; negation glued to the verb (ولايهدد) and the future
prefix س on a present verb are read from the trigger's own clitics.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.frames import BACKGROUND_HEADS
from rasd.events.triggers import TriggerHit
from rasd.lexicon.compile import Match
from typing import Any

NEG_REACH = 3
FUT_REACH = 6
HYP_REACH = 8
DENIAL_STEMS = frozenset(("نفي", "نفت", "نفوا", "ينفي", "تنفي", "نفيه", "ينفون", "تنفي"))
NEG_BEFORE_NOUN = frozenset(("دون", "بدون", "عدم", "غير"))
# Nominal negators (بدون طيار، غير مسلحة، عدم اعتقال) negate only their complement: the word right
# after them, or the verb of دون أن يقتله.
NOMINAL_NEG = frozenset(("دون", "بدون", "بلا", "غير", "عدم"))
# A negated verb of stopping or ceasing asserts what goes on: لم تتوقف عن تعذيب، لا يزال، ما زال.
CESSATIVE = ("توقف", "يتوقف", "تتوقف", "يتوقفون", "كف", "يكف", "تكف", "يكفون", "زال", "يزال", "تزال", "يزالون",
             "انقطع", "ينقطع", "تنقطع", "يتوان", "تتوان", "يتواني", "تتواني", "برح", "يبرح", "تبرح", "انفك", "ينفك", "تنفك")
# لا سيما "especially" is no negation.
NOT_NEGATED = frozenset(("سيما", "سيم"))
# The imperfect prefixes that make قد + verb "may" (قد يقتل، قد نشهد، قد تتعرض); قد + past is "has".
_PRESENT_MARKS = ("ي", "ن", "تت", "تس")
# An event noun that is the object of a demand to stop or prevent it (وقف الهجمات، لمنع تفجير، لجنة
# تفادي التعذيب) or of a call for it (تدعو إلى قتل) is not asserted to take place: irrealis.
IRREALIS_HEADS = frozenset(("وقف", "بوقف", "لوقف", "ووقف", "منع", "لمنع", "بمنع", "تفادي", "لتفادي", "بتفادي",
                            "انهاء", "بانهاء", "لانهاء"))
CALL_HEADS = ("دعو", "تدعو", "يدعو", "يدعون", "دعا", "دعت", "دعوا", "داعين", "داعيه", "مطالبين", "يطالب", "تطالب",
              "يطالبون", "طالب", "طالبت", "طالبوا")
# The grievance of a protest or a denunciation (احتجاجا على مقتل، تندد بالمعارك، تنديدا بإعدامه) is
# what the protest is about, told as its reason, not reported as an event of the sentence.
GRIEVANCE_HEADS = ("احتجاج", "للاحتجاج", "الاحتجاج", "والاحتجاج", "تندد", "يندد", "ينددون", "منددين", "مندده",
                   "منددا", "تنديد", "للتنديد", "استنكار", "للاستنكار", "احتجاجا", "تنديدا", "استنكارا")
# Prepositions of time and circumstance (أثناء مظاهرة، غداة اعتداء، إبان الاحتجاجات، وسط مظاهرة، في
# أعقاب هجوم) make an event noun of violence or protest the time frame or setting of another event,
# as بعد and خلال do (frames.EVENT_BACKGROUND_HEADS): not an event the sentence reports.
TIME_FRAME_HEADS = frozenset(("اثناء", "غداه", "ابان", "عشيه", "وسط", "اعقاب"))
SETTING_TYPES = frozenset(("ASSAULT", "PROTEST"))
# A polar question (هل يبرر …؟، فهل يعقل أن …) asks whether something is so: what it names is not
# reported (hypothetical), as after إذا.
QUESTION_WORDS = frozenset(("هل", "وهل", "فهل", "اهل"))


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    future: bool
    hypothetical: bool
    say: Match | None
    grievance: bool = False
    background: bool = False   # the time frame or setting of another event (غداة اعتداء، أثناء مظاهرة)


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
            word = stems[c.last]
            nxt = stems[c.last + 1]
            if nxt in NOT_NEGATED or nxt.startswith(CESSATIVE):
                continue
            if word in NOMINAL_NEG and not (dist == 1 or (dist == 2 and nxt in ("ان", "أن"))):
                continue  # طائرة بدون طيار بإطلاق: دون negates طيار, not the launch
            if word == "ما" and dist != 1:
                continue  # ما أدى إلى مقتل، مما أسفر عن إصابة: relative "which", or a negated other verb
            negated = True
            if stems[c.first] in ("لن",):
                future = True
        elif c.kind == "FUT" and dist <= FUT_REACH and same_clause:
            future = True
        elif c.kind == "HYP" and dist <= HYP_REACH and same_clause:
            if stems[c.first] == "قد" and not _present_after(c.last, m, stems):
                continue  # قد + past = certainty ("has"), not possibility
            hypothetical = True
        elif c.kind == "SAY":
            say = c
    if m.pattern.form == "noun" and m.first > 0 and stems[m.first - 1] in NEG_BEFORE_NOUN:
        negated = True
    for i in range(max(0, m.first - 12), m.first):
        if stems[i] in DENIAL_STEMS:
            negated = True
            break
    if not hypothetical and any(stems[i] in QUESTION_WORDS for i in range(m.first)):
        hypothetical = True
    grievance = False
    background = False
    # The heads below are nouns and prepositions: what follows them is a verbal noun even where
    # its spelling is also a verb's (تدعو إلى قتل، لوقف قتل): no check of the matched form.
    if m.first > 0:
        prev = _bare(stems[m.first - 1])
        if prev in IRREALIS_HEADS:
            hypothetical = True
        elif prev == "الي" and m.first > 1 and _bare(stems[m.first - 2]).startswith(CALL_HEADS):
            hypothetical = True
        elif prev.startswith(GRIEVANCE_HEADS) and m.prefix.endswith(("ب", "ل")):
            grievance = True   # تندد بالمعارك، استنكارا لاغتيال
        elif prev in ("علي", "ضد") and m.first > 1 and _bare(stems[m.first - 2]).startswith(GRIEVANCE_HEADS):
            grievance = True   # احتجاجا على مقتل
        elif prev in TIME_FRAME_HEADS and hit.entry.type in SETTING_TYPES and hit.anchor is None \
                and "ب" not in m.prefix.replace("ال", ""):
            background = True  # غداة اعتداء بسيارة مفخخة، أثناء مظاهرة نظمتها الحركة
        elif prev in BACKGROUND_HEADS and hit.entry.type in SETTING_TYPES and hit.anchor is None \
                and m.pattern.form in ("past", "present") and not m.prefix and not m.suffix:
            # قضية خطف الشابين، التحقيق في … : after a noun the verb-shaped word is the verbal noun,
            # and the noun heads that make an event noun a topic (frames) make it one too
            background = True
    return Modality(negated, future, hypothetical, say, grievance, background)


def coordinated(hit: TriggerHit, mod: Modality, prev: tuple[TriggerHit, Modality] | None) -> Modality:
    """A verb joined by و right after a negated or irrealis verb shares its scope (لا يستحق أن يعتقل
    ويعذب، لم يعتقل ولم يعذب is told by the verb's own particle)."""
    if prev is None or mod.negated or mod.hypothetical:
        return mod
    p_hit, p_mod = prev
    m, pm = hit.head, p_hit.head
    if not (p_mod.negated or p_mod.hypothetical) or pm.last + 1 != m.first or not m.prefix.startswith("و") \
            or m.pattern.form not in ("past", "present") or pm.pattern.form != m.pattern.form:
        return mod
    return Modality(p_mod.negated, mod.future or p_mod.future, p_mod.hypothetical, mod.say, mod.grievance,
                    mod.background)


def _bare(w: str) -> str:
    """A word without the conjunction و glued to it (وتنديدا → تنديدا)."""
    return w[1:] if len(w) > 4 and w[0] == "و" else w


def _present_after(i: int, m: Match, stems: Any) -> bool:
    """Whether the verb after قد at ``i`` is imperfect (قد يقتل "may kill"), not perfect (قد قتل، قد أعلن)."""
    j = i + 1
    if j == m.first and m.pattern.form in ("past", "present"):
        return m.pattern.form == "present"
    if j >= len(stems):
        return False
    w = stems[j]
    return w.startswith(_PRESENT_MARKS) and len(w) > 2
