"""Roles across the events of one sentence (an incident): a riot told by its violence verb, a
survivor of an attack, casualties and authors shared by linked events (قتل … في هجوم شنه …), a
claimed author (تبنت حركة … المسؤولية), and victims named among the people counted (بينهم)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasd.actors.recognize import Phrase, is_participant_trigger
from rasd.events.frames import Frame
from rasd.text.tokenize import without_conjunction as _bare


def incident_roles(framed: list[tuple[Any, Frame, Any]], phrases: list[Phrase], stems: Any
                   ) -> list[tuple[Any, Frame, Any]]:
    """The (trigger, frame, modality) triples of a sentence after the incident rules below."""
    if len(framed) > 1 and any(is_participant_trigger(h.entry) for h, _, _ in framed):
        framed = _riot_tells(framed)
    if framed and any(h.entry.type in SHARED_ROLE_TYPES for h, f, _ in framed):
        framed = _survivor(framed, phrases, stems)
    if len(framed) > 1:
        framed = _share_roles(framed, stems)
    if framed and any(h.entry.type in SHARED_ROLE_TYPES and not f.source for h, f, _ in framed):
        framed = _claimed_author(framed, phrases, stems)
    if framed and any(h.entry.type in SHARED_ROLE_TYPES and f.target for h, f, _ in framed):
        framed = _among(framed, phrases, stems)
    return framed


def _riot_tells(framed: list[Any]) -> list[Any]:
    """وهاجم المحتجون محافظ المدينة: an act of violence whose source is the protesters is their
    riot (coded PROTEST 145 below), which tells the protest their participant noun would: the
    noun's own event, with no target, goes."""
    rioters = [f.source for h, f, mod in framed if h.entry.type == "ASSAULT" and f.source and not mod.negated]
    if not rioters:
        return framed
    return [(h, f, mod) for h, f, mod in framed
            if not (is_participant_trigger(h.entry)
                    and any(p.first <= h.head.first <= p.last for src in rioters for p in src))]


SHARED_ROLE_TYPES = frozenset(("ASSAULT",))


# Words that tie a violent event to its cause or outcome within a sentence: قتل … في/جراء/اثر هجوم،
# انفجار … ما أدى/أسفر عن مقتل.
RESULT_WORDS = frozenset(("ادي", "ادت", "اسفر", "اسفرت", "اوقع", "اوقعت", "خلف", "خلفت", "تسبب", "تسببت", "مما",
                          "فقتلت", "فقتل", "اودي", "اودت"))
CAUSE_PREPS = frozenset(("في", "جراء", "اثر", "عقب", "بعد", "بعدما", "خلال", "عندما", "حين"))
LINK_REACH = 12
RESULT_REACH = 20


def _linked(a: Any, b: Any, stems: Any) -> bool:
    """Whether two violence triggers of a sentence tell one incident: the later one is the cause
    (a PP of cause, a ب of means) or the outcome (a result verb in between) of the earlier one."""
    if a.head.first > b.head.first:
        a, b = b, a
    lo, hi = a.head.last + 1, b.head.first
    if hi - lo > RESULT_REACH:
        return False
    if any(stems[i] in RESULT_WORDS for i in range(lo, hi)):
        # قامت دبابة بقصف أحد المنازل في … الأمر الذي أدى إلى مقتل: a result clause may come after a
        # longer description of the attack than a PP of cause
        return True
    m = b.head
    if m.prefix.startswith("ف") and hi - lo <= LINK_REACH:
        return True   # أطلقت القوات صاروخا على المدرسة فقتلت المدرس: ف of consequence
    prev = {stems[i] for i in range(max(lo, m.first - 2), m.first)}
    return bool(prev & CAUSE_PREPS) or "ب" in m.prefix.replace("ال", "")


def _share_roles(framed: list[tuple[Any, Frame, Any]], stems: Any) -> list[tuple[Any, Frame, Any]]:
    """Linked violence words of one sentence tell one incident (قامت دبابة بقصف منزل ما أدى الى
    مقتل مواطنين، قتل ثلاثة مسلحين في ضربة جوية): an attack with no target takes the casualties of
    the nearest linked asserted event of the same type. (Its agent is not shared: reports name the
    victims of an attack far more reliably than they tie its author to each casualty.)"""
    asserted = [k for k, (h, f, m) in enumerate(framed)
                if h.entry.type in SHARED_ROLE_TYPES and not m.negated and not m.hypothetical]
    if len(asserted) < 2:
        return framed
    out = list(framed)
    for k in asserted:
        hit, frame, mod = framed[k]
        if frame.target:
            continue
        pos = hit.head.first
        others = sorted((j for j in asserted if j != k and framed[j][0].entry.type == hit.entry.type
                         and _linked(hit, framed[j][0], stems)),
                        key=lambda j: abs(framed[j][0].head.first - pos))
        groups = {p.group for p in frame.source}
        donor = next((framed[j][1].target for j in others if framed[j][1].target
                      and not groups & {p.group for p in framed[j][1].target}), None)
        if donor:
            out[k] = (hit, replace(frame, target=donor, rule=frame.rule + "+incident"), mod)
        elif groups and hit.match.pattern.form == "noun":
            # قتل جندي في انفجار عبوة: the victim of the linked verb, named before the attack noun, is
            # not the attack's author but its casualty
            victim = next((framed[j][1].target for j in others if framed[j][1].target
                           and framed[j][1].rule.startswith("verb-passive") and framed[j][0].head.first < pos
                           and groups == {p.group for p in framed[j][1].target}), None)
            if victim:
                out[k] = (hit, replace(frame, source=[], target=victim, rule=frame.rule + "+incident"), mod)
    for k in asserted:
        hit, frame, mod = out[k]
        if frame.source or not frame.target:
            continue
        # قامت دبابة إسرائيلية بقصف منزل، الأمر الذي أدى إلى مقتل ثلاثة مواطنين: the outcome told after
        # a result word has the author of the attack it results from
        pos = hit.head.first
        causes = sorted((j for j in asserted if j != k and framed[j][0].head.first < pos
                         and framed[j][0].entry.type == hit.entry.type and _results(framed[j][0], hit, stems)),
                        key=lambda j: pos - framed[j][0].head.first)
        groups = {p.group for p in frame.target}
        author = next((framed[j][1].source for j in causes if framed[j][1].source
                       and not groups & {p.group for p in framed[j][1].source}), None)
        if author is None:
            # قتل ثلاثة مدنيين في غارة جوية إسرائيلية: the cause named after the casualties carries its
            # author's nationality as its adjective: the attack and its author are one phrase
            author = next((framed[j][1].source for j in asserted if j != k and framed[j][0].head.first > pos
                           and framed[j][0].entry.type == hit.entry.type
                           and framed[j][1].rule.startswith(("noun-patient-adj", "noun-lam-agent")) and framed[j][1].source
                           and _in_attack(framed[j][0].head, stems)
                           and not groups & {p.group for p in framed[j][1].source}), None)
        if author:
            out[k] = (hit, replace(frame, source=author, rule=frame.rule + "+cause"), mod)
    return out


IN_ATTACK = frozenset(("في", "جراء", "اثر", "بسبب"))


def _in_attack(m: Any, stems: Any) -> bool:
    """The attack noun is what the casualties fell in (في غارة، جراء قصف، بقذيفة): not a later or
    earlier attack named after عقب or بعد."""
    return m.first > 0 and stems[m.first - 1] in IN_ATTACK or "ب" in m.prefix.replace("ال", "")


def _results(cause: Any, outcome: Any, stems: Any) -> bool:
    """A result word (أدى، أسفر، مما) or ف of consequence stands between a cause and its outcome."""
    lo, hi = cause.head.last + 1, outcome.head.first
    if hi - lo > RESULT_REACH:
        return False
    return any(stems[i] in RESULT_WORDS for i in range(lo, hi)) or outcome.head.prefix.startswith("ف")


# Claims and attributions of an attack: تبنته حركة طالبان، نسب إلى المتمردين، من فعل مقاتلين (the
# author follows); كان متشددو طالبان وراء سلسلة من أعمال الخطف (the author comes before وراء).
CLAIM_BEFORE_AUTHOR = frozenset(("تبناه", "تبنته", "تبنتها", "تبنوه", "تبناها", "نسب", "نسبت", "ينسب", "تنسب"))
# تبنت حركة طالبان المسؤولية: "adopted" claims an attack only with المسؤولية after the author
CLAIM_ADOPT = frozenset(("تبنت", "تبني"))
# من فعل مقاتلين، من تدبير جماعة، من تنفيذ خلية: "the deed of"
CLAIM_DEED = frozenset(("فعل", "تدبير", "تنفيذ"))
CLAIM_AFTER_AUTHOR = frozenset(("وراء", "خلف"))
COPULAS = frozenset(("كان", "كانت", "كانوا", "كانا", "هو", "هي", "هم"))
CLAIM_REACH = 3


def _claimed_author(framed: list[tuple[Any, Frame, Any]], phrases: list[Phrase], stems: Any
                    ) -> list[tuple[Any, Frame, Any]]:
    """An attack with no source takes the author that the sentence says claimed it or is blamed for
    it (واسفر الهجوم عن مقتل ستة مدنيين وتبنته حركة طالبان)."""
    author = None
    for p in phrases:
        if p.locative or not p.fields.get("sector") and not p.fields.get("country"):
            continue
        lo = max(0, p.first - CLAIM_REACH)
        nxt = p.last + 1
        if nxt + 1 < len(stems) and stems[nxt] == "من":
            nxt += 2   # مسلحين من القاعدة كانوا وراء الهجوم
        if nxt < len(stems) and stems[nxt] in COPULAS:
            nxt += 1
        if any(_claim_word(stems, i, p) for i in range(lo, p.first)) \
                or nxt < len(stems) and stems[nxt] in CLAIM_AFTER_AUTHOR:
            author = p
            break
    if author is None:
        return framed
    group = [q for q in phrases if q.group == author.group and not q.locative]
    out = []
    for hit, frame, mod in framed:
        if hit.entry.type in SHARED_ROLE_TYPES and not frame.source and not any(q in frame.target for q in group):
            frame = replace(frame, source=group, rule=frame.rule + "+claim")
        out.append((hit, frame, mod))
    return out


def _claim_word(stems: Any, i: int, author: Phrase) -> bool:
    w = _bare(stems[i])
    if w in CLAIM_BEFORE_AUTHOR:
        return True
    if w in CLAIM_ADOPT:
        return any(stems[j].startswith("مسءولي") or stems[j].startswith("المسءولي")
                   for j in range(author.last + 1, min(len(stems), author.last + 4)))
    return w in CLAIM_DEED and i > 0 and stems[i - 1] == "من"


# مقتل 30 شخصا بينهم قضاة ورجال شرطة: the casualties named among the people counted are the
# target (the most specific actor, as CAMEO codes)
AMONG = frozenset(("بينهم", "منهم", "بينهما", "بينهن", "منهما"))
PEOPLE = frozenset(("شخص", "شخصا", "اشخاص", "شخصين", "شخصان", "الاشخاص", "قتلي", "جرحي", "القتلي", "الجرحي"))
AMONG_REACH = 6


def _among(framed: list[tuple[Any, Frame, Any]], phrases: list[Phrase], stems: Any
           ) -> list[tuple[Any, Frame, Any]]:
    out = []
    for hit, frame, mod in framed:
        t = frame.target[0] if frame.target else None
        if hit.entry.type in SHARED_ROLE_TYPES and t is not None and t.mentions and t.first == t.last \
                and _bare(stems[t.first]) in PEOPLE:
            k = next((i for i in range(t.last + 1, min(len(stems), t.last + 1 + AMONG_REACH))
                      if _bare(stems[i]) in AMONG), None)
            # (not civilians with no state, بينهم أطفال ونساء: they tell no more than the people counted)
            p = next((q for q in phrases if k is not None and 0 < q.first - k <= 2 and not q.locative and not q.prep
                      and q.fields.get("sector") and (q.fields["sector"] != "CVL" or q.fields.get("country"))), None)
            if p is not None:
                group = [q for q in phrases if q.group == p.group and not q.locative]
                frame = replace(frame, target=group, rule=frame.rule + "+among")
        out.append((hit, frame, mod))
    return out


SURVIVE = frozenset(("نجا", "نجت", "نجوا", "ينجو", "تنجو", "ينجون"))
SURVIVE_REACH = 8


def _survivor(framed: list[tuple[Any, Frame, Any]], phrases: list[Phrase], stems: Any
              ) -> list[tuple[Any, Frame, Any]]:
    """نجا قائد الشرطة من محاولة اغتيال، نجا فلان بعد أن فجر انتحاري نفسه: who survived is the target
    of the attack the sentence tells."""
    k = next((i for i in range(len(stems)) if _bare(stems[i]) in SURVIVE), None)
    if k is None:
        return framed
    p = next((q for q in phrases if not q.locative and not q.prep and 0 < q.first - k <= 2), None) \
        or next((q for q in reversed(phrases) if not q.locative and not q.prep and 0 < k - q.last <= 2), None)
    if p is None:
        return framed
    group = [q for q in phrases if q.group == p.group and not q.locative]
    out = []
    for hit, frame, mod in framed:
        first = hit.match.first
        escaped = k < first - 1 and stems[first - 1] == "من" and first - k <= SURVIVE_REACH  # نجا X من محاولة
        if hit.entry.type in SHARED_ROLE_TYPES and escaped:
            # the survivor is no agent of the attempt on him
            source = [q for q in frame.source if q not in group]
            frame = replace(frame, source=source, target=group, rule=frame.rule + "+survivor")
        elif hit.entry.type in SHARED_ROLE_TYPES and first > k:
            source = [q for q in frame.source if q not in group]
            if not frame.target:
                frame = replace(frame, source=source, target=group, rule=frame.rule + "+survivor")
            elif len(source) < len(frame.source):
                frame = replace(frame, source=source, rule=frame.rule + "+survivor")
        out.append((hit, frame, mod))
    return out
