"""Phrase-level actor rules that need the sentence around a phrase: where its people come from
(المتظاهرون من ألمانيا), the state a genitive chain ends in (طلبة المدارس العراقية), the body that
owns a unit (دورية مشتركة للقوات العراقية), and actors named only as foreign (CAMEO INT) or as a
coalition led by a state. Run by the pipeline on each sentence's phrases, in place."""

from __future__ import annotations

from typing import Any

from rasd.actors.recognize import Phrase
from rasd.text.tokenize import Tokens, without_conjunction as _bare


def compose_phrases(phrases: list[Phrase], tokens: Tokens, stems: Any) -> None:
    """Apply the rules below to a sentence's phrases, in this order."""
    _origins(phrases, stems)
    _construct_nisba(phrases, tokens, stems)
    _owned_units(phrases, tokens, stems)
    _foreigners(phrases, stems)


# People named by a role of civilians (CVL, journalists, students …) whose origin a من + state name
# gives: جاء المتظاهرون من ألمانيا، خطف 23 متطوعا مسيحيا من كوريا الجنوبية.
ORIGIN_SECTORS = frozenset(("CVL", "MED", "EDU", "HLH", "REL", "LAB", "JRN", "HRI"))


def _origins(phrases: list[Phrase], stems: Any) -> None:
    for k, p in enumerate(phrases[:-1]):
        if p.locative or p.fields.get("country"):
            continue
        q = phrases[k + 1]
        if p.fields.get("sector") in INSURGENT_SECTORS and q.locative and 2 <= q.first - p.last <= 4 \
                and stems[q.first - 1] == "في" and q.fields.get("kind") == "country" and q.has("country") \
                and all(stems[i].startswith("ال") for i in range(p.last + 1, q.first - 1)):
            # المقاومة الإسلامية في العراق، المتمردون في الصومال: armed groups named by the state they
            # fight in are coded with it (adjectives may come between)
            p.fields["country"] = q.fields["country"]
            continue
        if p.fields.get("sector") not in ORIGIN_SECTORS:
            continue
        if q.prep == "من" and q.fields.get("kind") == "country" and q.mentions and q.has("country") \
                and 2 <= q.first - p.last <= 3:
            p.fields["country"] = q.fields["country"]
        elif p.last + 2 < len(stems) and _bare(stems[p.last + 1]) in COMING and stems[p.last + 2] == "من" \
                and q.first - p.last <= 4 and isinstance(q.fields.get("country"), str) \
                and q.fields["country"] not in NON_STATES:
            # المتظاهرون القادمون من ولايات أميركية: those coming from a place are of its state
            p.fields["country"] = q.fields["country"]


INSURGENT_SECTORS = frozenset(("REB", "INS", "SEP"))
NON_STATES = frozenset(("IGO", "IMG", "NGO", "INT", "MNC", "NGM", "UIS"))
COMING = frozenset(("القادمين", "القادمون", "القادمات", "قادمين", "قادمون", "الوافدين", "الوافدون", "وافدين",
                    "المنحدرين", "المنحدرون", "القادم", "القادمه"))


# Endings that a construct head (مضاف) cannot have: the sound plural's and dual's ن and tanween alif.
NOT_CONSTRUCT = ("ون", "ين", "ان", "تان", "تين", "ا")
CONSTRUCT_GAP = 2


def _construct_nisba(phrases: list[Phrase], tokens: Tokens, stems: Any) -> None:
    """طلبة المدارس العراقية، أعضاء حزب الغد المصري: a nationality adjective that closes a genitive
    chain (head noun + definite nouns) gives its state to the actor heading the chain, and is no
    actor of its own."""
    used: set[int] = set()
    for k, p in enumerate(phrases[:-1]):
        q = phrases[k + 1]
        if p.locative or p.fields.get("country") or not p.fields.get("sector") or not p.mentions \
                or q.locative or q.prep or q.coord or len(q.mentions) != 1 or q.kinds != {"nisba"}:
            continue
        head = p.mentions[-1]
        gap = range(p.last + 1, q.first)
        if not 1 <= len(gap) <= CONSTRUCT_GAP or head.prefix.endswith("ال") or head.suffix \
                or tokens.texts[p.last].endswith(NOT_CONSTRUCT) or not q.mentions[0].prefix.endswith("ال"):
            continue
        if any(tokens.breaks[i] or not stems[i].startswith("ال") for i in (*gap, q.first)):
            continue
        p.fields["country"] = q.fields.get("country")
        used.add(id(q))
    if used:
        phrases[:] = [q for q in phrases if id(q) not in used]


# Units, vehicles and posts that a body owns (a patrol, a convoy, a checkpoint of the army).
UNIT_NOUNS = frozenset(("دوريه", "دوريات", "قافله", "قوافل", "موكب", "اليه", "اليات", "مركز", "مراكز", "نقطه",
                        "نقاط", "ثكنه", "قاعده", "مروحيه", "طاءره", "طاءرات", "سفينه", "زورق", "حاجز", "دبابه",
                        "دبابات", "مدرعه", "عربه", "سياره", "سيارات", "موقع", "مواقع", "حافله", "وحده"))


def _owned_units(phrases: list[Phrase], tokens: Tokens, stems: Any) -> None:
    """دورية مشتركة للقوات العراقية، قافلة عسكرية للجيش: a unit named by a ل-genitive after an
    adjective belongs to (is coded as) that body, as دورية للشرطة is (recognize.phrase_code)."""
    used: set[int] = set()
    for k, p in enumerate(phrases[:-1]):
        q = phrases[k + 1]
        if p.locative or q.locative or p.kinds != {"agent"} or q.first != p.last + 2 or not q.fields.get("sector") \
                or not q.mentions or not q.mentions[0].prefix.replace("و", "").startswith("ل") \
                or p.mentions[-1].suffix or id(p) in used:
            continue
        i = p.last + 1
        head = stems[p.first].removeprefix("ال")
        if head not in UNIT_NOUNS or tokens.breaks[i] or tokens.breaks[q.first] \
                or stems[i].startswith(("ال", "و", "ف", "ب", "ل")) or any(r.first <= i <= r.last for r in phrases):
            continue
        p.fields = {**q.fields}
        p.mentions = p.mentions + q.mentions
        p.last, p.end = q.last, q.end
        used.add(id(q))
    if used:
        phrases[:] = [q for q in phrases if id(q) not in used]


# CAMEO INT, "international/transnational actor not otherwise specified": people and forces named
# only as foreign or Western (جنود أجانب، سياح غربيون، القوات الأجنبية، رهائن من الأجانب) and the
# forces of a coalition whose members are not named (قوات التحالف). Normalized forms.
FOREIGN_WORDS = frozenset((
    "اجنبي", "اجنبيه", "اجنبيا", "اجنبيان", "اجنبيين", "اجنبيون", "اجانب", "الاجنبي", "الاجنبيه", "الاجنبيان",
    "الاجنبيين", "الاجنبيون", "الاجانب", "لاجانب", "للاجانب",
    "غربي", "غربيه", "غربيا", "غربيان", "غربيين", "غربيون", "الغربي", "الغربيه", "الغربيين", "الغربيون"))
# … but a coalition "led by" a state is that state's (قوات التحالف التي تقودها الولايات المتحدة)
LED_BY = frozenset(("بقياده", "تقودها", "يقودها", "تقوده", "يقوده", "بزعامه"))
LED_BY_REACH = 3


def _foreigners(phrases: list[Phrase], stems: Any) -> None:
    """INT for actors named only as foreign; the leader's state for a coalition led by one."""
    led: set[int] = set()
    for k, p in enumerate(phrases):
        if p.locative or not p.mentions:
            continue
        c = p.fields.get("country")
        if c is None and p.fields.get("sector"):
            words = [_bare(stems[i]) for i in range(p.first, p.last + 1)]
            nxt = p.last + 1
            if nxt + 1 < len(stems) and stems[nxt] == "من":
                nxt += 1   # رهائن من الأجانب
            after = _bare(stems[nxt]) if nxt < len(stems) else ""
            if after.startswith("غرب") and nxt + 1 < len(stems) and (
                    stems[nxt + 1].startswith("ال") or any(q.first == nxt + 1 for q in phrases)):
                after = ""   # مسلحون غربي بغداد، غربي المدينة: "west of", a place follows
            if any(w in FOREIGN_WORDS or w == "التحالف" for w in words) or after in FOREIGN_WORDS:
                p.fields["country"] = c = "INT"
                head = next((m for m in p.mentions if m.kind == "agent"), None)
                if head is not None and _bare(stems[head.first]) in FOREIGN_WORDS:
                    # ثلاثة أجانب، رهائن من الأجانب: people named only as foreigners are INT with no
                    # sector (CAMEO INT is the whole code); جنود أجانب stay soldiers
                    p.fields["uncoded"] = True
        if c == "INT" or c is None and p.fields.get("sector") or c == "IGO" and p.fields.get("sector") == "MIL":
            lead = next((i for i in range(p.last + 1, min(len(stems), p.last + 1 + LED_BY_REACH))
                         if _bare(stems[i]) in LED_BY), None)
            if lead is None:
                continue
            q = next((q for q in phrases[k + 1:] if 0 < q.first - lead <= 1 and not q.locative
                      and isinstance(q.fields.get("country"), str) and len(str(q.fields["country"])) == 3), None)
            if q is not None:
                p.fields["country"] = q.fields["country"]
                led.add(id(q))   # the leader is named as the coalition's, no actor of its own
    if led:
        phrases[:] = [q for q in phrases if id(q) not in led]
