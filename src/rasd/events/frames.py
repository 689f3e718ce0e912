"""Argument frames: which actor phrase is the source and which the target of a trigger.

Arabic news is mostly VSO (اتهم الرئيس المعارضة), with SVO after a topic (روسيا وفنزويلا
أجرتا), unvocalized passives (قتل ثلاثة مدنيين) and nominal triggers whose genitive is the
agent (زيارة الرئيس) or, for violence and coercion, the victim (مقتل ثلاثة مدنيين، اعتقال
ناشطين). The rules below are deliberately few; each returns the name of the rule that fired
so that errors can be traced (``provenance.rule``).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from rasd.actors.recognize import ADJECTIVE_AGENTS, Phrase, gender, is_crowd, is_participant_trigger
from rasd.events.triggers import NUMERAL_WORDS, TriggerHit, _numeral, clause_indices
from rasd.text.tokenize import Tokens, without_conjunction as _bare

PATIENT_NOUN_TYPES = frozenset(("ASSAULT", "COERCE"))
# Verbal nouns of other types whose genitive is who undergoes the act, not its agent: تجنيد متشددين
# (the recruits), استجواب المعتقلين، محاكمة المتهمين، تسليح العشائر، تدريب القوات
PATIENT_NOUNS = frozenset(("تجنيد", "استجواب", "محاكمه", "محاكمات", "تسليح", "تدريب"))
VICTIM_SECTORS = frozenset(("CVL", "REF", "JRN", "MED", "EDU", "HLH", "REL", "LAB", "AGR", "CRM"))
ARMED_SECTORS = frozenset(("UAF", "REB", "INS", "SPY"))
AGENT_MARKERS = frozenset(("برصاص", "بيد", "يد", "قبل", "نيران", "بنيران", "بقذائف", "بغاره", "بهجوم",
                           # هجوم شنه مسلحون، الهجوم الذي نفذته خلية: the relative verb's subject is the agent
                           "شنه", "شنته", "شنها", "شنوه", "نفذه", "نفذته", "نفذها", "نفذوه", "ارتكبه", "ارتكبته",
                           "ارتكبها", "تبناه", "تبنته", "تبنتها",
                           # حملة الاعتقالات التي تشنها السلطات: the present too
                           "يشنه", "يشنها", "تشنه", "تشنها", "ينفذه", "ينفذها", "تنفذه", "تنفذها", "يرتكبه",
                           "يرتكبها", "ترتكبه", "ترتكبها"))
AGENT_QUANTIFIERS = frozenset(("عده", "بعض", "احد", "عدد", "مجموعه", "عشرات", "مءات", "جميع"))
DEMONSTRATIVES = frozenset(("هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "هولاء", "هاتان", "هذان"))
# Nouns and prepositions that make the following event noun a background or a topic:
# في وجه التهديدات، بسبب الاحتجاجات، حول الهجمات.
BACKGROUND_HEADS = frozenset(("وجه", "بسبب", "حول", "ازاء", "حيال", "خلفيه", "مواجهه", "لمواجهه", "تجاه",
                              "موجه", "ظاهره", "ثقافه",
                              # التحقيق في اغتيال، ذكرى اغتيال، قضية خطف، منذ اغتيال: the event is the topic
                              # of an investigation, an anniversary or a case, not news of the day
                              "تحقيق", "التحقيق", "ذكري", "الذكري", "قضيه", "ملف", "منذ", "محاكمه", "ضحايا",
                              "مكافحه", "لمكافحه", "ادانه", "تدين", "يدين", "استنكار", "عمليات", "سلسله", "موجه",
                              "تنفيذ", "مسءوليه", "مسءوليتها", "مسءوليته"))
# For violence and protest, which news reports as events of the day and otherwise cites as
# background, some more heads make the noun a mention:
EVENT_BACKGROUND_HEADS = frozenset((
                              # بعد اغتيال، قبل الهجوم، خلال المظاهرة: a temporal preposition makes the
                              # event the time frame of another one, not the news of the sentence
                              "بعد", "قبل", "خلال",
                              # أي هجوم، لأي اعتداء: a free-choice quantifier names no particular event
                              "اي", "لاي", "باي",
                              # ردا على الهجوم، تحت التعذيب، من يقف وراء التفجير: a reaction to, a
                              # circumstance or the authors of an event told elsewhere
                              "علي", "تحت", "وراء",
                              # جريمة الاغتيال، عقوبة الإعدام، بتهمة القتل، التخطيط لهجوم: a legal category,
                              # a charge or a plan, not an event that took place
                              "جريمه", "بجريمه", "جرائم", "عقوبه", "بعقوبه", "تهمه", "بتهمه", "تهم", "بتهم",
                              "التخطيط", "بالتخطيط", "تخطيط"))
# عن after a verb of result (أسفر عن مقتل، فضلا عن إصابة) introduces the outcome, an event of the
# sentence; after anything else (تحدث عن، كشف عن، المسؤولية عن) it introduces a topic.
RESULT_BEFORE_AN = ("اسفر", "واسفر", "نجم", "ناجم", "ناتج", "نتج", "فضلا", "علاوه", "ناهيك", "تمخض", "يسفر",
                    "تسفر", "نجمت", "ادي",
                    # مسؤوليتها عن خطف: a claim of an attack reports it; لم تتوقف عن تعذيب: it goes on
                    "مسءول", "توقف", "يتوقف", "تتوقف", "كف", "يكف", "تكف", "امتنع", "يمتنع", "تمتنع")
# A verb right after a relative pronoun (الجنود الذين قتلوا، المجموعة التي خطفت) describes a
# participant named in the sentence: background, not an event the sentence reports.
RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"))
PROTESTER_SECTORS = frozenset(("CVL", "OPP", "LAB", "EDU", "REF", "HRI", "JRN", "REL", "PTY"))
NOT_PROTEST_TARGETS = frozenset(("CVL", "EDU", "REF", "LAB", "MED", "JRN", "HRI", "REL", "HLH", "AGR"))
UNDERGO = ("تعرض", "يتعرض", "تتعرض", "لتعرض", "اثر تعرض")
TOPIC_PREPS = frozenset(("بشان", "حول", "حيال", "ازاء", "بخصوص", "خصوص"))
RECIPROCAL_TYPES = frozenset(("CONSULT", "COOPERATE", "AGREE"))
PRONOUNS = frozenset(("ه", "ها", "هم", "هما", "هن"))
NOUN_PREPS = frozenset(("في", "علي", "الي", "عن", "بعد", "اثر", "جراء", "عقب", "خلال", "منذ", "لدي", "حول"))
COMPLEMENTIZERS = frozenset(("ان", "بان", "لان"))
SUBJECT_REACH = 4
LIGHT_VERB_REACH = 3   # قام الوزير بزيارة: subject, light verb, event noun      # tokens between a verb and its postposed subject
PREPOSED_REACH = 10    # tokens between a preposed subject and its verb
OBJECT_REACH = 12
POSTPOSED_OBJECT_REACH = 8   # tokens between the end of a postposed subject and the object
NOUN_OBJECT_REACH = 5   # after the event noun of a light verb (اتصالا هاتفيا أمس بفخامة الرئيس)


@dataclass(frozen=True, slots=True)
class Frame:
    source: list[Phrase]
    target: list[Phrase]
    rule: str
    mention: bool = False   # the trigger names an event already told or a background one: no new event


def _group(phrases: list[Phrase], p: Phrase | None) -> list[Phrase]:
    if p is None:
        return []
    if not p.mentions:  # a reference phrase (البلدين): its own group only
        return [q for q in phrases if q.group == p.group]
    return [q for q in phrases if q.group == p.group and not q.locative]


def _subject_ok(p: Phrase) -> bool:
    # a bare nationality adjective modifies a non-actor noun (السياسات الأميركية): never a subject
    return not p.prep and not (p.mentions and p.kinds == {"nisba"})


RECIPIENT_PREPS = frozenset(("ل", "لل", "الي"))
THREAT_OBJECT_REACH = 4   # words between the threatened act (بضرب) and its object's nationality
VISIT_CAMEO = "042"
PLACE_KINDS = frozenset(("country", "capital", "place"))
SEND_VERBS = ("ارسل", "يرسل", "ترسل", "حشد", "يحشد", "تحشد", "نشر", "ينشر", "تنشر")


def assign(hit: TriggerHit, phrases: list[Phrase], tokens: Tokens, stems: Any,
           topic: Phrase | None = None) -> Frame:
    """Source and target phrases of a trigger (see :func:`_assign`), with the protest conventions
    of the gold standard: protesters named anywhere in the sentence are the source, and a
    protest with no named target is aimed at the state where it takes place."""
    noun = hit.match
    if hit.anchor is not None and noun.first > 0 and stems[noun.first - 1] in DEMONSTRATIVES:
        return Frame([], [], "noun-mention", mention=True)  # تشارك في هذه المناورات: told already
    if is_participant_trigger(hit.entry):
        # وحمل المتظاهرون لافتات: the protesters named are the protest and its source
        why = _participant_background(noun, tokens, stems)
        if why:
            return Frame([], [], why, mention=True)
        own = next((p for p in phrases if p.first <= noun.first <= p.last and not p.locative), None)
        frame = Frame(_group(phrases, own), [], "participants")
    else:
        frame = _assign(hit, phrases, tokens, stems, topic)
    if frame.source and not frame.target and not frame.mention and _bare(stems[noun.first]) in MARTYRED:
        # والعريف أحمد البارقي استشهد، فلسطينيين اثنين استشهدا: the subject the clause rules found,
        # before the verb or after it, is the one killed, never the killer
        return Frame([], frame.source, frame.rule + "+martyred")
    if frame.target and not frame.mention and hit.entry.type == "ACCUSE" and _condemned_victim(noun, frame.target[0], stems):
        # أدان الرئيس الاعتداء على المستشفيات، استنكر الحادث الذي استهدف رجال قوات الطوارئ: the
        # victims of the act condemned are not the accused
        frame = Frame(frame.source, [], frame.rule + "+victims")
    if not frame.mention and hit.entry.cameo == "063" and frame.source:
        # لم تسلم تركيا أيا من المطلوبين لمصر، تسليم المتهمين إلى السلطات الأمريكية: an extradition is
        # to the state that receives the wanted, named after ل or إلى; the wanted are its object
        to = next((p for p in phrases if p.first > noun.last and p.prep in RECIPIENT_PREPS and not p.locative
                   and (p.fields.get("country") or p.fields.get("sector") in ("GOV", "JUD", "COP"))
                   and all(p.group != q.group for q in frame.source)), None)
        if to is not None:
            frame = Frame(frame.source, _group(phrases, to), frame.rule + "+recipient")
    if not frame.mention and hit.entry.type == "MOBILIZE" and _bare(stems[noun.first]).startswith(SEND_VERBS) \
            and frame.source and frame.target and all(p.mentions and p.kinds == {"agent"}
                                                      and p.fields.get("sector") == "MIL" for p in frame.target):
        # أرسلت روسيا طائرات حربية إلى سوريا: the forces sent are the sender's, not the target; the
        # target is the state they are sent to (إلى + a state), if named as an actor
        dest = next((p for p in phrases if p.first > frame.target[-1].last and p.prep == "الي" and not p.locative
                     and p.fields.get("country")), None)
        frame = Frame(frame.source, _group(phrases, dest), frame.rule + "+sent")
    if not frame.mention and noun.first > 0 and _bare(stems[noun.first - 1]) in HANDED_NOTES:
        handed = _handed(noun, phrases, tokens, stems)
        if handed is not None:
            return handed
    if not frame.mention and hit.entry.type in RECEIVED_TYPES:
        received = _received(noun, phrases, tokens, stems, frame)
        if received is not None:
            return received
    if not frame.target and not frame.mention and noun.pattern.form == "present" \
            and _bare(stems[noun.first]) in TARGETING:
        # خلية تستهدف أمن البلاد، فعالية تستهدف 25 ألف زائر، البرنامج يستهدف الموظفين: the present
        # of "target" with no actor after it is an aim or a threat in general, no attack
        return Frame([], [], "verb-aim", mention=True)
    if hit.entry.type != "PROTEST" or frame.mention:
        return frame
    source, target = frame.source, frame.target
    addressee = _demand_addressee(phrases, stems, source) or _grievance_actor(phrases, stems, source) \
        or _demanded_actor(phrases, stems, source) or _slogan_target(phrases, stems, source) \
        or _memo_addressee(phrases, stems, source)
    if addressee is not None:
        # مطالبين الحكومة التركية بالتدخل: whom protesters make demands of is what they protest
        # against (rather than the building they gather before, تجمعوا أمام مبنى المجلس)
        target = _group(phrases, addressee)
    if target and target[0].mentions and any(_bare(stems[i]) in SUPPORT for i in range(max(0, target[0].first - 2),
                                                                                    target[0].first)):
        # تأييدا لقرار مجلس الأمن، دعما للرئيس: whom or what a rally supports is not what it protests
        target = []
    if target and target[0].fields.get("sector") in NOT_PROTEST_TARGETS:
        # احتجاجات من قبل متظاهرين، احتجاجا على مقتل صبي: civilians a protest names are its
        # protesters or its cause; the protested are authorities
        target = []
    if source and source[0].first > 0 and _bare(stems[source[0].first - 1]) in VICTIM_HEADS:
        source = []   # يحتجون على مقتل مواطن: the victim the protest is about is not the protester
    if not source or not _protester(source[0]):
        # رامسفيلد، الشرطة، طرابلس … ورددوا هتافات: where the sentence names protesters they are the
        # source, not an official, the police or a city that the protest concerns
        m = hit.head
        civ = [p for p in phrases if not p.locative and _protester(p) and p not in target
               and not (p.first > 0 and _bare(stems[p.first - 1]) in VICTIM_HEADS)]
        if civ:
            best = min(civ, key=lambda p: (bool(p.prep) and p.prep != "من",
                                           abs(p.first - m.first) + (0 if p.first < m.first else 3), not _crowd(p)))
            # مواجهات بين الشرطة ومتظاهرين: of a coordination, the protesters
            source = [q for q in _group(phrases, best) if _protester(q)] or _group(phrases, best)
        elif source and source[0].fields.get("kind") in ("capital", "place"):
            source = []
    if not source:
        crowd = next((p for p in phrases if not p.locative and p.fields.get("sector") in PROTESTER_SECTORS
                      and p not in target), None)
        source = _group(phrases, crowd)
    if not target:
        # مواجهات بين قوى الأمن والمتظاهرين، اشتبكوا مع الشرطة: the forces a protest clashes with
        # are what it is against
        clash = next((p for p in phrases if not p.locative and p not in source and p.mentions
                      and p.fields.get("sector") in ("COP", "MIL")
                      and any(_bare(stems[i]).startswith(CLASH) for i in range(max(0, p.first - 3), p.first))), None)
        if clash is not None:
            target = _group(phrases, clash)
            target = [q for q in target if q.fields.get("sector") in ("COP", "MIL")] or target
            home = next((p.fields["country"] for p in phrases if p.locative and p.fields.get("country")), None)
            if home is not None and not target[0].fields.get("country"):
                # the police of the state where the protest takes place
                t = Phrase(target[0].first, target[0].last, target[0].start, target[0].end, target[0].mentions)
                t.group, t.prep = target[0].group, target[0].prep
                t.fields = {**target[0].fields, "country": home}
                target = [t]
    if not target:
        # تجمعوا في باحة البرلمان، أمام مبنى وزارة الداخلية، خارج السفارة الصينية: the authority
        # whose seat is the protest's site is what it is aimed at
        seat = next((p for p in phrases if p.first > 0 and not p.locative and p not in source
                     and _bare(stems[p.first - 1]) in SITE_NOUNS and p.fields.get("sector")
                     and p.fields.get("sector") not in NOT_PROTEST_TARGETS), None)
        if seat is not None:
            target = _group(phrases, seat)
    if not target:
        m = hit.head
        places = [p for p in phrases if p.locative and p.fields.get("country")]
        home = {p.fields["country"] for p in places} | {p.fields.get("country") for p in source}
        foreign = next((p for p in phrases if p.mentions and p.kinds <= {"nisba", "demonym"} and not p.locative
                        and p.fields.get("country") not in home and p.first > m.first
                        and not any(_bare(stems[i]) in SOLIDARITY for i in range(max(0, p.first - 2), p.first))),
                       None)
        demand = _demand(stems, PROTESTERS_DEMAND)
        if foreign is not None and places:
            # يطالبون بوقف الاستيطان الإسرائيلي، رفضهم للسياسات الأميركية: the foreign state whose
            # policy the protest names is its target, rather than the state where it takes place
            target = [foreign]
        elif demand is not None or places and _nearest(places, m.first).fields.get("country") in _states_named(phrases):
            # مطالبين بإلغاء القرار، للمطالبة بالإفراج عن: demands for an act of state with no
            # addressee named are made of the government (of the state where the protest is).
            # With no demand, a city only locates the protest (تظاهروا في الموصل، أحرقوا الإطارات في
            # القدس): the state is its target where the sentence names it (في لبنان، القصرين التونسية)
            loc = _nearest(places, m.first) if places or demand is None else _token_phrase(demand, tokens)
            state = Phrase(loc.first, loc.last, loc.start, loc.end, [])
            state.group = -2
            state.fields = {"country": loc.fields.get("country") if places else None,
                            "sector": "GOV" if demand is not None else None,
                            "sectors": ("GOV",) if demand is not None else (),
                            "name": "government" if demand is not None else None, "id": None,
                            "kind": "agent" if demand is not None else "country"}
            target = [state]
    if source is frame.source and target is frame.target:
        return frame
    return Frame(source, target, frame.rule + "+protest-defaults")


# A verb with the conjunction (زار كيري القاهرة والتقى الرئيس، شنت قوات التحالف غارات على مواقع
# الحوثيين ودمرت آليات) shares the subject of the clause it is joined to: a phrase between the
# previous trigger and it is that trigger's object, not a subject placed before the verb.
COORDINATING = frozenset(("و", "ف", "وس", "فس"))
WITH_PRONOUN = frozenset(("معه", "معها", "معهم", "معهما"))
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")


def shared_subject(hit: TriggerHit, frame: Frame, previous: tuple[TriggerHit, Frame] | None,
                   tokens: Tokens) -> Frame:
    """The frame of a coordinated verb whose subject the clause rules took from the arguments of
    the previous trigger of the sentence (``previous``): that trigger's source instead, and for a
    joint act with "with him" (واستقبل الملك الرئيس وبحث معه) its target. A verb that shares the
    previous subject and carries an object pronoun (وطالبه) takes the previous target."""
    m = hit.match
    if previous is not None and hit.anchor is None and m.prefix in COORDINATING and not frame.source \
            and frame.rule.startswith("verb-passive") and hit.entry.type in PATIENT_NOUN_TYPES \
            and previous[0].entry.type in PATIENT_NOUN_TYPES and previous[1].source \
            and not any(tokens.breaks[j] for j in range(previous[0].match.last + 1, m.first)):
        # داهمت قوات الأمن منزل الناشط واعتقلته، هاجم مسلحون الحافلة وقتلوا ثلاثة: a verb of force
        # joined to another is active, with its subject (the passive reading اُعتقل has no agent); its
        # object follows it (واعتدت على المصلين) or is its pronoun (واعتقلته: the previous target),
        # never the previous clause's object (وقتل مسلحون ثلاثة مدنيين وجرحوا خمسة آخرين)
        after = [p for p in frame.target if p.first > m.last]
        pronoun = m.suffix in OBJECT_PRONOUNS and m.last not in tokens.taa
        target = after or (previous[1].target if pronoun else [])
        return Frame(previous[1].source, target, frame.rule + "+shared-subject")
    if previous is None or hit.anchor is not None or m.prefix not in COORDINATING \
            or not frame.rule.startswith("verb-svo") or not frame.source:
        return frame
    prev_hit, prev = previous
    subj = frame.source[0]
    if any(p.group == subj.group for p in prev.source):
        # its subject too (وصل كيري والتقى); an object pronoun on the verb is the previous target
        # (اتصل كيري بنظيره التركي وطالبه بإغلاق الحدود)
        word = tokens.texts[m.last]
        if prev.target and m.last not in tokens.taa and word.endswith(OBJECT_PRONOUNS) \
                and not any(tokens.breaks[j] for j in range(prev_hit.match.last + 1, m.first)):
            return Frame(frame.source, prev.target, frame.rule + "+shared-object")
        return frame
    if subj.first <= prev_hit.match.last:
        return frame   # named before the previous trigger
    if any(tokens.breaks[j] for j in range(prev_hit.match.last + 1, m.first)):
        # a clause between (… مفوضية المدينة، فعمد عناصر الشرطة إلى الرد عليهم، وقتل): its verb may be
        # the one joined to; a comma right before the conjunction is no clause
        return frame
    source = prev.source
    target = [p for p in frame.target if all(p.group != q.group for q in source)]
    if not target and hit.entry.type in RECIPROCAL_TYPES and m.last + 1 < len(tokens.texts) \
            and tokens.texts[m.last + 1] in WITH_PRONOUN:
        target = [p for p in prev.target if all(p.group != q.group for q in source)]
    return Frame(source, target, frame.rule + "+shared-subject")


CARRIED_REACH = 8   # words between the subject of the clause joined to and the coordinated verb


def carried_subject(hit: TriggerHit, frame: Frame, previous: tuple[TriggerHit, Frame] | None,
                    phrases: list[Phrase], tokens: Tokens, stems: Any) -> Frame:
    """وصل الرئيس الروسي إلى كاراكاس والتقى الرئيس الفنزويلي: a coordinated verb read with the phrase
    after it as subject (VSO) and no object, joined to a clause that opens with a verb (no trigger)
    and its subject, shares that subject; the phrase after it is its object. A verb with an object
    pronoun (واستقبله الرئيس الفنزويلي) keeps the phrase after it as subject, and the pronoun is that
    clause's subject. Not when the verb has an object of its own (والتقى الرئيس الفنزويلي بالوفد), nor
    across a complementizer or another actor."""
    m = hit.match
    if m.prefix not in COORDINATING or not frame.rule.startswith("verb-vso") or frame.target \
            or not frame.source or frame.source[0].first != m.last + 1 or _is_nominal(m, stems) \
            or m.suffix and (m.suffix not in OBJECT_PRONOUNS or m.last in tokens.taa):
        return frame
    breaks = tokens.breaks
    start = next((j for j in range(m.first - 1, 0, -1) if breaks[j]), 0)
    if previous is not None and previous[0].match.last >= start:
        return frame   # a trigger in the clause: shared_subject's
    opener = _bare(stems[start])
    subj = next((p for p in phrases if p.first == start + 1), None)
    if subj is None or subj.last >= m.first or subj.locative or not _subject_ok(subj) or opener[:2] == "ال" \
            or opener in RELATIVES \
            or m.first - subj.last > CARRIED_REACH + 1:
        return frame
    if any(stems[j] in COMPLEMENTIZERS for j in range(start, m.first)) or any(
            p.group != subj.group and subj.last < p.first < m.first and not p.locative and not p.prep for p in phrases):
        return frame
    if m.suffix:
        return Frame(frame.source, _group(phrases, subj), frame.rule + "+carried-object")
    return Frame(_group(phrases, subj), frame.source, frame.rule + "+carried-subject")


FRONTING_HEADS = frozenset(("في", "خلال", "عقب", "بعد", "اثناء", "لدي", "قبيل", "اثر", "ختام", "مستهل", "بدايه"))
FRONTED_SUBJECT_REACH = 3   # words between the comma that ends the fronted phrase and the main clause's subject


def _fronted_possessor(m: Any, actors: list[Phrase], tokens: Tokens, stems: Any) -> Phrase | None:
    """The subject of the main clause after a sentence-initial time phrase that holds the trigger."""
    if not m.first or _bare(stems[0]) not in FRONTING_HEADS:
        return None
    breaks = tokens.breaks
    end = next((j for j in range(m.last + 1, len(breaks)) if breaks[j]), None)
    if end is None or any(breaks[j] for j in range(1, m.first + 1)):
        return None
    return next((p for p in actors if end < p.first <= end + FRONTED_SUBJECT_REACH and _subject_ok(p)), None)


def _nearest(places: list[Phrase], first: int) -> Phrase:
    """The place nearest a trigger, after it preferred."""
    return min(places, key=lambda p: abs(p.first - first) + (0 if p.first > first else 3))


def _states_named(phrases: list[Phrase]) -> set[object]:
    """The states a sentence names by their name or nationality (not by a city's)."""
    return {p.fields.get("country") for p in phrases if p.mentions and p.kinds & {"country", "nisba", "demonym"}}


# تضامنا مع الفلسطينيين، دعما للعراقيين: whom a protest supports is not its target
SOLIDARITY = frozenset(("تضامنا", "دعما", "تاييدا", "نصره", "مع"))
CLASH = ("مواجهات", "المواجهات", "اشتباكات", "الاشتباكات", "صدامات", "الصدامات", "اشتبك", "اصطدم", "تصادم",
         "مصادمات", "المصادمات")
# مقتل مواطن، اعتقال ناشطين: the genitive of a noun of violence is its victim, not a protester
VICTIM_HEADS = frozenset(("مقتل", "اغتيال", "اعتقال", "قتل", "اختطاف", "خطف", "اعدام", "احتجاز", "استشهاد",
                          "وفاه", "اصابه", "تعذيب", "سجن"))
VICTIM_STEMS = tuple(VICTIM_HEADS) + tuple("ب" + w for w in VICTIM_HEADS)
SUPPORT = frozenset(("تضامنا", "دعما", "تاييدا", "نصره", "تاييد", "دعم", "مؤيده", "مويده", "مؤيدين", "مويدين",
                     "مؤيدا", "مويدا"))
# Nouns of a building or its grounds, before the body whose seat it is (مقر الحكومة، باحة البرلمان).
SITE_NOUNS = frozenset(("مقر", "مبني", "باحه", "ساحه", "بوابه", "مدخل", "قصر", "مكاتب", "مكتب", "خارج", "محيط",
                        "امام"))
# Endings of an active participle on an event noun's stem (منددين، مناشدا); participles listed whole in
# the lexicon (مطالبين، مطالبا) are read from DEMAND_VERBS.
PARTICIPLE_ENDINGS = frozenset(("ين", "ون", "ا"))
# Participles and verbs of demand whose direct object is the addressee of a protest's demands:
# مطالبين الحكومة، وطالبوا الرئيس، داعين السلطات (not the noun مطالبة, whose genitive is who demands).
DEMAND_VERBS = frozenset(("مطالبين", "مطالبا", "مطالبون", "طالبوا", "طالبو", "يطالبون", "طالب", "يطالب",
                          "تطالب", "طالبت", "داعين", "داعيا", "يدعون", "دعوا", "مناشدين", "ناشدوا", "يناشدون"))


# Words of demand whose complement, with ب, is the act demanded (مطالبين بإلغاء، للمطالبة بالإفراج).
DEMAND_WORDS = DEMAND_VERBS | frozenset(("مطالبه", "المطالبه", "للمطالبه", "بالمطالبه", "مطالبتهم", "تطالب",
                                         "يطالب", "مطالبه"))


# Demands the protesters voice themselves: a participle or plural verb whose subject they are
# (مطالبين بإلغاء، ويطالبون بـ) or the purpose of their gathering (للمطالبة بـ). Not a banner's or a
# slogan's (لافتات تطالب بـ، شعارات المطالبة بـ، هتافات تدعو إلى): what they call for names the cause,
# not an addressee, and the protest is coded with no target.
PROTESTERS_DEMAND = frozenset(("مطالبين", "مطالبا", "مطالبون", "طالبوا", "طالبو", "يطالبون", "داعين", "داعيا",
                               "يدعون", "دعوا", "مناشدين", "ناشدوا", "يناشدون", "للمطالبه", "بالمطالبه",
                               "مطالبتهم"))


def _demand(stems: Any, words: frozenset[str] = DEMAND_WORDS) -> int | None:
    """The token before the act demanded (its complement starts with ب: مطالبين بإلغاء، تطالب السبت
    باستقالة, a word of time may come between), or None."""
    for i in range(len(stems) - 1):
        if _bare(stems[i]) in words:
            j = i + 2 if stems[i + 1] in DEMAND_TIME and i + 2 < len(stems) else i + 1
            if stems[j][:1] == "ب" and len(stems[j]) > 3:
                return j - 1
    return None


DEMAND_TIME = frozenset(("امس", "اليوم", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                         "ايضا", "مجددا"))


def _demanded_actor(phrases: list[Phrase], stems: Any, source: list[Phrase]) -> Phrase | None:
    """The authority named in the act a protest demands: للمطالبة باستقالة الحكومة، يطالبون بتدخل الأمم
    المتحدة (the genitive right after the verbal noun)."""
    i = _demand(stems)
    if i is None:
        return None
    taken = {p.group for p in source}
    p = next((q for q in phrases if q.first == i + 2), None)
    if p is None or p.locative or p.prep or p.group in taken or not p.mentions \
            or p.fields.get("sector") in NOT_PROTEST_TARGETS or not (p.fields.get("sector") or p.fields.get("country")):
        return None
    return p


# Slogans against an actor: يسقط بوش، فليسقط النظام، الموت لأمريكا.
DOWN_WITH = frozenset(("يسقط", "تسقط", "ليسقط", "لتسقط", "فليسقط", "فلتسقط"))
DEATH = frozenset(("الموت", "موت"))


def _slogan_target(phrases: list[Phrase], stems: Any, source: list[Phrase]) -> Phrase | None:
    """The actor a slogan of the protest wishes down or dead is what it protests against."""
    taken = {p.group for p in source}
    for i in range(len(stems) - 1):
        w = _bare(stems[i])
        if w in DOWN_WITH:
            p = next((q for q in phrases if i < q.first <= i + 2 and not q.prep), None)
        elif w in DEATH:
            p = next((q for q in phrases if q.first == i + 1 and q.prep == "ل"), None)
        else:
            continue
        if p is not None and not p.locative and p.group not in taken and p.mentions \
                and p.fields.get("sector") not in NOT_PROTEST_TARGETS \
                and (p.fields.get("sector") or p.fields.get("country")):
            return p
    return None


# سلم المتظاهرون السفير مذكرة احتجاج، قدموا عريضة إلى المحافظ: whom protesters hand a memo or a
# petition is whom they protest to.
HAND_VERBS = frozenset(("سلم", "سلموا", "يسلمون", "سلمت", "قدم", "قدموا", "يقدمون", "قدمت", "تقدم", "تقدموا",
                        "رفع", "رفعوا", "يرفعون", "ارسل", "ارسلوا", "وجه", "وجهوا"))
MEMO_NOUNS = frozenset(("مذكره", "مذكرات", "بمذكره", "بمذكرات", "عريضه", "عرائض", "بعريضه", "رساله", "برساله"))
MEMO_REACH = 8


def _memo_addressee(phrases: list[Phrase], stems: Any, source: list[Phrase]) -> Phrase | None:
    taken = {p.group for p in source if _protester(p)}   # (an official read as the source is the addressee)
    for i in range(len(stems) - 1):
        if _bare(stems[i]) not in HAND_VERBS:
            continue
        memo = next((j for j in range(i + 1, min(len(stems), i + 1 + MEMO_REACH)) if _bare(stems[j]) in MEMO_NOUNS),
                    None)
        if memo is None:
            continue
        # the first object (سلموا السفير مذكرة) or the addressee after إلى (قدموا مذكرة إلى المحافظ)
        for q in phrases:
            if q.first <= i or q.locative or q.group in taken or not q.mentions:
                continue
            if q.first > memo + MEMO_REACH:
                break
            if q.prep not in ("", "الي", "ل") or q.first > memo and q.prep == "":
                continue
            sector = q.fields.get("sector")
            if sector and sector not in NOT_PROTEST_TARGETS:
                return q
    return None


def _token_phrase(i: int, tokens: Tokens) -> Phrase:
    """A phrase standing for token ``i`` (where a role named by no phrase is read)."""
    return Phrase(i, i, tokens.starts[i], tokens.starts[i] + len(tokens.texts[i]), [])


def _demand_addressee(phrases: list[Phrase], stems: Any, source: list[Phrase]) -> Phrase | None:
    """The authority right after a verb of demand in a protest sentence (its direct object: no
    preposition), e.g. مطالبين رئيس الوزراء العراقي بفتح تحقيق."""
    taken = {p.group for p in source}
    for p in phrases:
        if p.first == 0 or p.locative or p.prep or p.group in taken or not p.mentions:
            continue
        if _bare(stems[p.first - 1]) in DEMAND_VERBS and p.fields.get("sector") not in NOT_PROTEST_TARGETS \
                and (p.fields.get("sector") or p.fields.get("country")):
            return p
    return None


# احتجاجا على، للاحتجاج على، تنديدا ب: what a protest is against (its grievance) follows.
GRIEVANCE_HEADS = frozenset(("احتجاجا", "للاحتجاج", "بالاحتجاج", "احتجاج", "الاحتجاج", "تنديدا", "استنكارا",
                             "رفضا", "ضد", "رفضهم", "رفضها", "رفضه"))
GRIEVANCE_REACH = 3
GRIEVANCE_AGENT_REACH = 8


def _grievance_actor(phrases: list[Phrase], stems: Any, source: list[Phrase]) -> Phrase | None:
    """The authority whose act a protest is against: احتجاجا على انتهاكات الرئيس الباكستاني, the actor
    named in the genitive of the grievance noun right after احتجاجا على."""
    taken = {p.group for p in source}
    for k in range(len(stems) - 1):
        head = _bare(stems[k])
        if head not in GRIEVANCE_HEADS or "احتجاج" in head and stems[k + 1] != "علي":
            continue
        start = k + 2 if stems[k + 1] in ("علي", "ل") else k + 1
        if start < len(stems) and not any(q.first == start for q in phrases) and _possessed(stems[start]):
            # احتجاجا على زيارته، تنديدا بسياساتها: the possessor of the act protested is the actor named
            # before (the nearest authority that is not the protesters)
            a = next((q for q in reversed(phrases) if q.last < k and not q.locative and not q.prep and q.mentions
                      and q.group not in taken and q.fields.get("sector")
                      and q.fields.get("sector") not in NOT_PROTEST_TARGETS), None)
            if a is not None:
                return a
        p = next((q for q in phrases if start < q.first <= start + GRIEVANCE_REACH), None)
        if p is None or p.locative or p.prep or p.group in taken or not p.mentions:
            continue
        if p.fields.get("sector") and p.fields.get("sector") not in NOT_PROTEST_TARGETS \
                and not any(q.first < p.first and q.last >= start for q in phrases if q is not p):
            return p
        # احتجاجا على مقتل ثلاثة مدنيين على أيدي قوات التحالف: the author of the act protested
        for i in range(start, min(len(stems) - 1, start + GRIEVANCE_AGENT_REACH)):
            if stems[i] in AGENT_MARKERS or stems[i] in ("ايدي", "بايدي") or (
                    stems[i] == "قبل" and stems[i - 1] == "من"):
                a = next((q for q in phrases if 0 < q.first - i <= 2 and not q.locative), None)
                if a is not None and a.group not in taken and a.mentions and a.fields.get("sector") \
                        and a.fields.get("sector") not in NOT_PROTEST_TARGETS:
                    return a
                break
    return None


# A noun with a possessive pronoun: a feminine or plural noun + ه/ها/هم (زيارته، سياساتها،
# تصريحاتهم), any noun + ها/هم (قرارها). (A bare final ه is also the normalized ة.)
POSSESSED_ENDINGS = ("ته", "تها", "تهم", "تهما")
POSSESSED_PLURAL = ("ها", "هم")


def _possessed(word: str) -> bool:
    w = _bare(word)
    if len(w) < 5 or w.startswith(("ال", "لل")) or w.startswith(VICTIM_STEMS):
        return False   # احتجاجا على اعتقاله: the pronoun of a noun of violence is its victim
    return w.endswith(POSSESSED_ENDINGS) or w.endswith(POSSESSED_PLURAL)


# (not لدى: a preposition, لدى وصوله, and normalized لدي besides; كما هاجم الجبير: "as well" before
# a verb starts a clause, and before a noun (كما تنظيم داعش "as well as") it rarely matters)
CLAUSE_OPENERS = frozenset(("بعدما", "عندما", "حينما", "بينما", "فيما", "حيث", "كلما", "ريثما", "كما"))
OPENER_REACH = 4


# فيما بينها "among them", فيما يخص "as for", فيما بعد "later": no subordinator
NOT_OPENING = frozenset(("بين", "بينها", "بينهم", "بينهما", "بيننا", "يخص", "يتعلق", "بعد", "يلي", "عدا", "سبق"))


def _opener(stems: Any, i: int) -> bool:
    """Whether token i is a subordinator, with or without a conjunction (وبينما، فيما: _bare alone
    would cut the ف of فيما)."""
    word = stems[i]
    if word not in CLAUSE_OPENERS and _bare(word) not in CLAUSE_OPENERS:
        return False
    return not (word.endswith("فيما") and i + 1 < len(stems) and stems[i + 1] in NOT_OPENING)
NEAR = frozenset(("قرب", "بقرب", "قربه"))
NEAR_FROM = frozenset(("بالقرب", "مقربه", "بمقربه"))
BUILDINGS = frozenset(("مقر", "مبني", "منزل", "بيت", "مكتب", "مكاتب", "قصر", "مدخل", "بوابه"))


def _landmark(p: Phrase, stems: Any) -> bool:
    """قرب السفارة، بالقرب من مقر الحاكم: the actor names where something is, by what it is near."""
    i = p.first - 1
    if i >= 0 and stems[i] in BUILDINGS:
        i -= 1
    if i < 0:
        return False
    return _bare(stems[i]) in NEAR or stems[i] == "من" and i > 0 and _bare(stems[i - 1]) in NEAR_FROM


def _assign(hit: TriggerHit, phrases: list[Phrase], tokens: Tokens, stems: Any,
            topic: Phrase | None = None) -> Frame:
    """Source and target phrases of a trigger; ``topic`` is the document's last event source.

    A noun governed by a light verb (عقد … محادثات) takes its arguments as the verb would."""
    m = hit.head
    etype = hit.entry.type
    actors = [p for p in phrases if not p.locative]
    if etype in PATIENT_NOUN_TYPES:
        # انفجرت سيارة مفخخة بالقرب من مقر حاكم كابل: what an attack is near is a landmark of its place,
        # neither its target nor its author
        actors = [p for p in actors if not _landmark(p, stems)]
    left = m.first
    breaks, texts = tokens.breaks, tokens.texts
    while left > 0 and not breaks[left]:
        left -= 1
    if m.pattern.form in ("past", "present") and not texts[m.last].endswith(("وا", "ون")):
        # وجاء تعيين الجنرال قائدا للقوة المشتركة فيما قتل ستة أشخاص: a verb after فيما، بينما، حيث،
        # عندما opens its own clause; the actors before the subordinator are the other clause's.
        # (A plural verb has a pronoun for subject, whose antecedent may stand before: حقق الثوار
        # تقدما عندما بسطوا سيطرتهم.)
        for i in range(m.first - 1, max(left, m.first - OPENER_REACH) - 1, -1):
            if _opener(stems, i):
                left = i + 1
                break
    # the end of its clause (شنت طائرات التحالف، أمس، غارات على مواقع الحوثيين: the clause goes on)
    right = max(clause_indices(texts, breaks, m.last + 1, len(texts)), default=m.last) + 1
    # بعدما، عندما، حيث: a subordinator after a verb opens another clause, whose actors are not the verb's
    # the object is looked for after the event noun of a light verb (أجرى خادم الحرمين الشريفين الملك
    # سلمان بن عبدالعزيز آل سعود اتصالا هاتفيا بالرئيس …: a long subject between them)
    reach_end = max(m.last + 1 + OBJECT_REACH, hit.match.last + 1 + NOUN_OBJECT_REACH)
    # and after a long postposed subject (ناقش الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب
    # الثاني لرئيس مجلس الوزراء وزير الدفاع مع الوزير الأمريكي): counted from its end
    subject = next((p for p in actors if m.last < p.first <= m.last + SUBJECT_REACH), None)
    if subject is not None:
        reach_end = max(reach_end, subject.last + 1 + POSTPOSED_OBJECT_REACH)
    clause_end = next((i for i in range(m.last + 1, min(right, reach_end))
                       if _opener(stems, i)), right) if not _is_nominal(m, stems) else right
    after = [p for p in actors if m.last < p.first < min(right + 1, clause_end, reach_end)
             and not p.coord]
    # قال مصدر أمني إن …، نجا فلان بعد أن فجر انتحاري …، أبلغت المصادر «الشرق الأوسط» بأن قصفا
    # جويا طال: an actor before a complementizer أن/إن belongs to the main clause (the speaker, the
    # survivor, the addressee), not to the event inside it
    barrier = max((i for i in range(max(0, m.first - PREPOSED_REACH - 2), m.first) if stems[i] in COMPLEMENTIZERS),
                  default=-1) if _is_nominal(m, stems) else -1
    before = [p for p in actors if left <= p.first and barrier < p.first and p.last < m.first
              and m.first - p.last <= PREPOSED_REACH and not p.coord]
    before_any = [p for p in actors if barrier < p.first and p.last < m.first and m.first - p.last <= PREPOSED_REACH
                  and not p.coord]
    agent_marked = next((p for p in after if p.first > 0 and (stems[p.first - 1] in AGENT_MARKERS or (
        # من قبل عدة ضباط، على يد بعض المسلحين: a quantifier between the marker and the agent
        p.first > 1 and stems[p.first - 1] in AGENT_QUANTIFIERS and stems[p.first - 2] in AGENT_MARKERS))), None)
    if agent_marked is None:
        agent_marked = next((p for p in after if texts[p.first].startswith(("برصاص", "بنيران"))), None)

    if (hit.anchor is not None or m.pattern.form == "fixed") and _bare(stems[m.first]).startswith(UNDERGO):
        # القوات الأمريكية تعرضت لهجوم، تعرضت قاعدة للجيش الى هجوم: who undergoes the attack is its target
        preposed = [p for p in before_any if _subject_ok(p)]
        tgt = preposed[-1] if preposed else next((p for p in after if _subject_ok(p) and p is not agent_marked), None)
        return Frame(_group(phrases, agent_marked), _group(phrases, tgt), "verb-undergo")
    nominal = _is_nominal(m, stems)
    if nominal:  # a fixed form with ب, ل or ال (بقتل، لهجوم، الاعتقال) is a verbal noun: verbs take none
        prev = stems[m.first - 1] if m.first > 0 else ""
        if prev in DEMONSTRATIVES or prev in BACKGROUND_HEADS or etype in DEFINITE_MENTION_TYPES and (
                _event_background(m, stems)):
            return Frame([], [], "noun-mention", mention=True)
        definite = m.prefix.endswith(("ال", "لل"))
        if back_reference(hit, stems):
            return Frame([], [], "noun-definite", mention=True)
        if etype == "ASSAULT" and m.prefix.endswith("لل") and not _undergone(m, stems):
            # مجهزة للتفجير، العقل المدبر للهجوم، الإدانات للاعتداء، الذكرى الخامسة للهجوم: لل + a
            # definite noun of violence is a purpose or the complement of another noun, not an event
            # reported (but تعرض للخطف, undergone)
            return Frame([], [], "noun-purpose", mention=True)
        gen: Phrase | None = None
        source: Phrase | None
        target: Phrase | None
        if after and after[0].first - m.last <= 1 and not after[0].prep:
            nxt = after[0]
            if not definite or (nxt.mentions and nxt.kinds <= {"nisba", "demonym"}):
                gen = nxt
            if gen is not None and gen.kinds == {"agent"} and not gen.mentions[0].prefix.endswith("ال") \
                    and texts[gen.last].endswith(("يه", "ي")):
                gen = None  # مناورات بحرية: an indefinite nisba-shaped word is an adjective
            if gen is not None and gen.first == gen.last and not definite and texts[gen.first] in ADJECTIVE_AGENTS:
                gen = None  # هجوم مسلح "an armed attack", عملية انتحارية: an adjective agreeing with the noun
            if gen is not None and gen.first <= hit.required <= gen.last:
                gen = None  # شراء طائرات: the word the trigger requires is its object, not its agent
        if (etype in PATIENT_NOUN_TYPES or m.pattern.words[0] in PATIENT_NOUNS) and not (
                # تجنيد الحوثيين للأطفال، اقتحام السلطات لمكاتب الشركة، اعتقال الشرطة للمتظاهرين:
                # with an object in ل right after it the genitive is the agent
                gen is not None and gen.first == m.last + 1
                and (any(p.first > gen.last and p.prep == "ل" and p.first - gen.last <= 2 for p in after)
                     # إعدام السلطات الإيرانية لثلاثة ناشطين: ل on the number that counts the object
                     or gen.last + 2 < len(texts) and texts[gen.last + 1][:1] == "ل"
                     and _numeral(texts[gen.last + 1][1:])
                     and any(p.first == gen.last + 2 for p in after))):
            if gen is not None and (gen.kinds <= {"nisba"} or not definite and _group_adjective(gen, texts)):
                # الغارات الإسرائيلية: the adjective names the attacker (its military)
                source, target = gen, None
                rest = [p for p in after if p is not gen and p.prep]
                target = rest[0] if rest else None
                if "military" in hit.entry.context and not source.fields.get("sector"):
                    source.fields = {**source.fields, "sector": "MIL", "sectors": ("MIL",)}
                return Frame(_group(phrases, source), _group(phrases, target), "noun-patient-adj")
            lam = next((p for p in after if p.first == m.last + 1 and p.prep == "ل" and p.mentions), None) \
                if etype == "ASSAULT" and m.pattern.words[0] in ATTACK_NOUNS and not m.suffix else None
            if lam is not None:
                # في هجوم لحزب العمال الكردستاني: ل right after an attack noun names its author (على: its target)
                on = next((p for p in after if p.first > lam.last and p.prep == "علي" and p.group != lam.group), None)
                return Frame(_group(phrases, lam), _group(phrases, on), "noun-lam-agent")
            target = gen
            preposed = [p for p in before if _subject_ok(p)]
            met = next((i for i in range(m.first - 1, max(-1, m.first - 1 - MET_REACH), -1)
                        if _bare(stems[i]) in MET_VERBS), None) if m.suffix in PRONOUNS else None
            if met is not None:
                # لقي خمسة مسلحين مصرعهم في اشتباكات مع الجيش: who met his death is its victim
                victim = [p for p in before if p.first > met and _subject_ok(p)]
                return Frame(_group(phrases, agent_marked), _group(phrases, victim[0] if victim else None),
                             "noun-met-death")
            if _bare(prev).startswith(UNDERGO) or (m.first > 1 and _bare(stems[m.first - 2]).startswith(UNDERGO)):
                # القوات الأمريكية تعرضت لهجوم: the one who underwent the attack is its target
                return Frame(_group(phrases, agent_marked), _group(phrases, preposed[-1] if preposed else gen),
                             "noun-undergo")
            if preposed and etype == "ASSAULT" and _reporter(preposed[-1], m.first, stems):
                # أعلن الجيش الأميركي مقتل اثنين من جنوده: who reports the killing is not its agent (but
                # أعلنت الشرطة اعتقال خمسة، أعلنت الحكومة حالة الطوارئ: who announces arrests made them)
                preposed = []
            source = agent_marked or (preposed[-1] if preposed else None)
            rule = "noun-patient"
            if source is None and m.suffix in PRONOUNS and m.suffix != "ه" \
                    and texts[m.last][:-len(m.suffix)].endswith("ات"):
                # واصلت إسرائيل … اعتداءاتها، غاراتهم: the possessor of a plural attack noun is its
                # author, the nearest actor named before. (Not a verbal noun, whose pronoun is its
                # object: تدميرها، قتله; nor ه, which after normalization is also ة.)
                cand = [p for p in actors if p.last < m.first and _subject_ok(p)
                        and not any(_casualties(q, stems) for q in _group(phrases, p))
                        and p.fields.get("kind") not in ("place", "capital")
                        and not (p.first == p.last and texts[p.first] in ADJECTIVE_AGENTS)]
                source = cand[-1] if cand else None
                rule = "noun-patient-pronoun"
            if source is not None and source is not agent_marked and _casualties(source, stems):
                # خمسة أشخاص قتلوا في انفجار سيارة مفخخة: the people counted before are its victims
                target = target or source
                source = None
            if target is None:
                target = _targeted(m.last, actors, stems, source)
            if target is None:
                # (not the adjective of the noun: تفجيران انتحاريان, two suicide bombings)
                rest = [p for p in after if p is not source
                        and not (p.first == m.last + 1 and p.first == p.last and texts[p.first] in ADJECTIVE_AGENTS)]
                target = rest[0] if rest else None
            return Frame(_group(phrases, source), _group(phrases, target), rule)
        rule = "noun-agent"
        if "ب" in m.prefix.replace("ال", "") and gen is not None:
            # قام بزيارة / استهلها بلقاء X: X is met or visited; the agent is the light verb's subject
            preposed = [p for p in before if _subject_ok(p) and m.first - p.last <= LIGHT_VERB_REACH]
            source = preposed[-1] if preposed else topic
            if source is not None and source.group == gen.group:
                source = None
            return Frame(_group(phrases, source), _group(phrases, gen), "noun-light-verb")
        if gen is not None and not definite and (
                m.suffix in PARTICIPLE_ENDINGS or not m.suffix and m.pattern.words[0] in DEMAND_VERBS):
            # مطالبين الحكومة بالتدخل، منددين بـ: an active participle (a حال) takes its object after it;
            # its subject is the clause's, named before
            preposed = [p for p in before_any if _subject_ok(p) and p.group != gen.group]
            return Frame(_group(phrases, preposed[-1] if preposed else None), _group(phrases, gen),
                         "noun-participle")
        if gen is not None and hit.entry.cameo == VISIT_CAMEO and gen.mentions and gen.kinds <= PLACE_KINDS:
            # يعتزم وزير الخارجية الألماني زيارة طهران: the place visited is the genitive, the visitor
            # the subject named before
            visitor = [p for p in before if _subject_ok(p) and p.group != gen.group]
            source = visitor[-1] if visitor else topic
            return Frame(_group(phrases, source), _group(phrases, gen), "noun-visit")
        source = gen
        obj_group = next((p.group for p in after if p.first <= hit.required <= p.last), None)
        rest = [p for p in after if p is not gen and p.group != obj_group]
        if source is None:
            cand = [p for p in before if _subject_ok(p)]
            source = cand[-1] if cand else None
        if source is None and m.suffix in PRONOUNS:
            # لقائه: the possessor is the antecedent, the nearest actor before in the sentence; in a
            # fronted time phrase (وفي ختام لقائه مع أمير قطر، قال الرئيس الفلسطيني …) the subject of
            # the clause that follows it
            cand = [p for p in actors if p.last < m.first and _subject_ok(p)]
            source = cand[-1] if cand else _fronted_possessor(m, actors, tokens, stems) or topic
            rule = "noun-pronoun"
        if source is gen and gen is not None:
            # زيارة الرئيس للقاهرة / مناورات البلدين مع …: the recipient takes a preposition
            target = next((p for p in rest if p.prep and p.group != gen.group), None)
            if target is None and etype == "THREATEN":
                # تهديد باراك بضرب المنشآت النووية الإيرانية: whom the act threatened (after its ب) aims at
                act = next((i for i in range(gen.last + 1, min(len(texts), gen.last + 3)) if texts[i][:1] == "ب"), None)
                target = next((p for p in rest if act is not None and act < p.first <= act + THREAT_OBJECT_REACH
                               and p.group != gen.group), None)
        else:
            # X أجرى مناورات مع Y / لقائه … الرئيس الفنزويلي: the first actor after the noun
            target = next((p for p in rest if (p.prep or p.first - m.last <= 4) and _subject_ok(p) or p.prep), None)
        if source is not None and target is not None and target.group == source.group:
            target = None
        return Frame(_group(phrases, source), _group(phrases, target), rule)

    # verbal and fixed triggers
    if m.pattern.form == "present" and "س" not in m.prefix and any(
            stems[i] in HABITUAL for i in range(max(left, m.first - 4), m.first)):
        # كان نظام صدام يعذبهم، كانوا يهتفون، سمعت المتظاهرين يهتفون، كانت طهران ترفض، وهو يدافع عن
        # الوطن: a past habit or a scene described, not an event reported (any type)
        return Frame([], [], "verb-habitual", mention=True)
    if etype in DEFINITE_MENTION_TYPES and not m.prefix and not m.suffix and m.first > 0 \
            and stems[m.first - 1] in EVENT_BACKGROUND_HEADS and _event_background(m, stems):
        # بتهمة قتل شرطي، بعد قتل: after a noun or a preposition the bare form is the verbal noun
        return Frame([], [], "noun-mention", mention=True)
    if etype == "ASSAULT" and m.first > 0 and stems[m.first - 1] in RELATIVES and not m.prefix:
        # الجنود الذين قتلوا: identifies the soldiers. (Not for protest: المواطنين الذين يحتجون names
        # the protesters, and so reports the protest.)
        return Frame([], [], "verb-relative", mention=True)
    first_after = after[0] if after else None
    if etype == "ASSAULT" and _bare(stems[m.first]) in TARGETING and first_after is not None \
            and _attack_subject(m.first, actors, stems):
        # هجوم انتحاري بسيارة مفخخة استهدف دورية للجيش: the attack targets; the actor after is its object
        return Frame([], _group(phrases, first_after), "verb-targeting")
    weapon = next((p for p in after if p.mentions and p.kinds <= {"nisba"} and p.first - m.last <= 3
                   and _bare(stems[p.first - 1]) in WEAPONS), None) if etype == "ASSAULT" else None
    if weapon is not None and not [p for p in before if _subject_ok(p)]:
        # أصاب صاروخ إسرائيلي السيارة، سقطت قذيفة أميركية على المنزل: the state of the weapon is the
        # attacker (its military); an actor after it is the target
        if not weapon.fields.get("sector"):
            weapon.fields = {**weapon.fields, "sector": "MIL", "sectors": ("MIL",)}
        obj = next((p for p in after if p.first > weapon.last and p.group != weapon.group and _subject_ok(p)), None)
        return Frame(_group(phrases, weapon), _group(phrases, obj), "verb-weapon")
    if etype == "ASSAULT" and first_after is not None and not agent_marked \
            and any(_bare(stems[i]) in TARGETING and first_after.first - i <= 3
                    for i in range(m.last + 1, min(first_after.first, m.last + 5))):
        # انفجرت سيارة مفخخة استهدفت دورية للجيش: the object of the verb of targeting after the
        # attack is its target, not the subject of the attack verb
        return Frame([], _group(phrases, first_after), "verb-targeted")
    passive_like = (
        etype in PATIENT_NOUN_TYPES and first_after is not None
        and (first_after.fields.get("sector") in VICTIM_SECTORS or _numeric_before(first_after, tokens, m.last)
             # أصيب شرطيان: a verb that has only a passive (أُصيب "was wounded") has its victim after it
             or _bare(stems[m.first]) in PASSIVE_ONLY)
        and not [p for p in before if _subject_ok(p)]
        # وهاجم المحتجون: protesters in the nominative after a verb of violence are rioting; هاجم
        # مستوطنون: a nominative plural after a verb with no passive of its spelling is its subject
        and not (texts[first_after.last].endswith("ون")
                 and (_crowd(first_after) or _bare(stems[m.first]) not in PASSIVE_READING))
    )
    if not passive_like and etype in PATIENT_NOUN_TYPES and first_after is not None \
            and first_after.first == m.last + 1 and not m.suffix and m.pattern.form in ("past", "fixed") \
            and _bare(stems[m.first]) in PASSIVE_READING and not [p for p in before if _subject_ok(p)] \
            and first_after.fields.get("sector") not in ARMED_SECTORS \
            and _no_object(first_after, phrases, tokens, stems):
        # قتل جندي في انفجار، خطف صحفي فرنسي أمس: a transitive verb of violence whose only noun is
        # followed by no object (a preposition, a time word, the clause's end) is an unvocalized
        # passive (قُتل جندي): the noun is the victim
        passive_like = True
    if passive_like:
        src = agent_marked if agent_marked is not first_after else None
        return Frame(_group(phrases, src), _group(phrases, first_after), "verb-passive")
    if m.first > 0 and stems[m.first - 1] in RELATIVES and not m.prefix and m.suffix not in PRONOUNS \
            and m.pattern.form in ("past", "present"):
        # الدول التي ساندت طهران: the verb of a relative clause without an object pronoun has the
        # antecedent for subject and the noun after it for object; but where a pronoun resumes the
        # antecedent in the clause (كوباني التي رفض أردوغان التدخل فيها، الذي ينتقد بعض المتمردين
        # علاقاته) the antecedent is no subject: the noun after the verb is
        if _resumed(m.last + 1, right, tokens):
            if first_after is not None and _subject_ok(first_after) and first_after.first - m.last <= 2:
                obj = next((p for p in after if p.group != first_after.group and p.prep not in TOPIC_PREPS
                            and not _own(p)), None)
                return Frame(_group(phrases, first_after), _group(phrases, obj), "verb-relative-resumed")
        else:
            # a name the dictionaries do not know may end the antecedent (بخاري); عضو المجلس عن
            # التركمان الذي: a phrase after عن qualifies the antecedent
            ante = next((p for p in reversed(actors) if m.first - 4 <= p.last <= m.first - 2
                         and not (p.mentions and p.kinds == {"nisba"}) and p.prep != "عن"
                         and all(_name_word(texts[i]) for i in range(p.last + 1, m.first - 1))), None)
            obj = next((p for p in after if not (p.mentions and p.kinds == {"nisba"})
                        and p.prep not in TOPIC_PREPS and p.prep != "في" and not _own(p)
                        and (ante is None or p.group != ante.group)), None)
            return Frame(_group(phrases, ante), _group(phrases, obj), "verb-relative-subject")
    subj: Phrase | None = None
    rule = "verb-vso"
    adjacent = [p for p in before if _subject_ok(p) and m.first - p.last <= 2]
    if adjacent and m.suffix in PRONOUNS and first_after is not None and _subject_ok(first_after) \
            and first_after.first - m.last <= 2 and first_after.group != adjacent[-1].group:
        # عسكريين ماليين خطفهم مقاتلو الطوارق: the verb's object pronoun resumes the topic before it;
        # the noun after it is the subject
        return Frame(_group(phrases, first_after), _group(phrases, adjacent[-1]), "verb-resumptive")
    if adjacent:
        # أن تكون طائراته قد قصفت مدرسة / قال إن الجيش قصف: a subject right before the verb
        subj = adjacent[-1]
        rule = "verb-svo"
    elif first_after is not None and _subject_ok(first_after) and first_after.first - m.last <= SUBJECT_REACH \
            and not (etype in PATIENT_NOUN_TYPES and _victims_after(first_after, tokens, m.last)
                     and any(_subject_ok(p) for p in before)) \
            and not (etype == "MOBILIZE" and first_after.first <= hit.required <= first_after.last
                     and any(_subject_ok(p) for p in before)) \
            and not (first_after.first == m.last + 1
                     and (_verb_position(m, left, stems) or m.pattern.form == "past" and m.pattern.words[0].endswith("ت"))
                     and _disagrees(m, first_after, tokens)):
        # but نفت موسكو أن تكون أرسلت قوات: the forces a verb of deployment requires are its object
        # but كما دعا الأمم المتحدة، دعت الرئيس: a verb right before a noun agrees with its subject
        # but اقتحم الجيش القرية واعتقل ثلاثة شبان: counted people or civilians after a second verb
        # of violence are its object, and the subject is the one named before
        subj = first_after
    else:
        subjects = [p for p in before if _subject_ok(p)]
        if subjects:
            subj = subjects[-1]
            rule = "verb-svo"
        elif m.suffix == "" and before_any:
            subjects = [p for p in before_any if _subject_ok(p)]
            if subjects:
                subj = subjects[-1]
                rule = "verb-svo-far"
    if etype in PATIENT_NOUN_TYPES and subj is not None and rule != "verb-vso" and not agent_marked \
            and (_casualties(subj, stems) or not after and _bare(stems[m.first]) in PASSIVE_READING
                 and m.last + 1 < len(stems) and (_opener(stems, m.last + 1)
                                                  or _bare(stems[m.last + 1]) in AFTER_PASSIVE_SUBJECT)):
        # ثلاثة عراقيين قتلوا، 42 جنديا قد قتلوا: counted people before a verb of violence are its
        # casualties (an unvocalized passive), as after it
        return Frame([], _group(phrases, subj), "verb-passive-svo")
    rest = [p for p in after if p is not subj and (subj is None or p.group != subj.group)
            and p.prep not in TOPIC_PREPS and not _own(p)]
    obj = rest[0] if rest else None
    if subj is not None and hit.entry.type in RECIPROCAL_TYPES and len(_group(phrases, subj)) >= 2 \
            and (obj is None or not obj.prep or obj.first - m.last > 3):
        obj = None  # بغداد ودمشق تتبادلان المعلومات: a joint action among the subjects
    return Frame(_group(phrases, subj), _group(phrases, obj), rule)


# Transitive verbs of violence and coercion whose unvocalized past is also the passive (قتل = قُتل).
# لقي مصرعه، لقوا حتفهم: "met his death", the subject between the verb and the noun is the victim
MET_VERBS = frozenset(("لقي", "لقيت", "لقوا", "لقيا", "يلقي", "تلقي", "يلقون"))
MET_REACH = 5
# استشهد: its subject is always the victim (استشهد جندي في القصف، والعريف فلان استشهد)
MARTYRED = frozenset(("استشهد", "استشهدت", "استشهدوا", "استشهدا"))
PASSIVE_READING = frozenset(("قتل", "خطف", "اختطف", "جرح", "ذبح", "اعدم", "اعتقل", "احتجز", "اسر", "عذب")) | MARTYRED
PASSIVE_ONLY = frozenset(("اصيب", "اصيبت", "اصيبوا", "اصيبا", "يصاب", "تصاب", "يصابون", "يصابان"))
# What may follow the passive's subject: a preposition, an adverb of time, a conjunction.
AFTER_PASSIVE_SUBJECT = frozenset(("في", "جراء", "اثر", "عقب", "خلال", "بعد", "امس", "اليوم", "صباح", "مساء", "ليل",
                                   "فجر", "عندما", "حين", "حينما", "اثناء", "اثر", "بينما", "فيما", "علي", "قرب",
                                   "داخل", "وسط", "عند", "لدي", "برصاص", "بنيران", "بانفجار", "بهجوم", "بقصف",
                                   "منذ", "قبل", "اول", "مع")) | RELATIVES


def _no_object(subj: Phrase, phrases: list[Phrase], tokens: Tokens, stems: Any) -> bool:
    """Nothing after the noun (and the nouns coordinated with it) can be the verb's object."""
    last = max(q.last for q in phrases if q.group == subj.group) if subj.mentions else subj.last
    j = last + 1
    if j >= len(stems) or tokens.breaks[j]:
        return True
    w = stems[j]
    return w in AFTER_PASSIVE_SUBJECT or (w[:1] == "و" and len(w) > 3 and not any(q.first == j for q in phrases))


# Verbs of reporting whose object is an event noun: أعلن الجيش مقتل، أفادت الشرطة بمقتل.
REPORT_VERBS = frozenset((
    "اعلن", "اعلنت", "اعلنوا", "يعلن", "تعلن", "افاد", "افادت", "افادوا", "يفيد", "تفيد", "ذكر", "ذكرت", "ذكروا",
    "اكد", "اكدت", "اكدوا", "يوكد", "توكد", "نقل", "نقلت", "اورد", "اوردت", "روي", "روت", "اعلان", "تاكيد",
    # who condemns or mourns a killing did not do it (نددت الحكومة بمقتل الجنود، أدانت السعودية تفجير)
    "ندد", "نددت", "نددوا", "يندد", "تندد", "ادان", "ادانت", "ادانوا", "يدين", "تدين", "استنكر", "استنكرت",
    "استنكروا", "يستنكر", "تستنكر", "شجب", "شجبت", "يشجب", "تشجب", "عزي", "عزت", "يعزي", "تعزي",
))


def _reporter(p: Phrase, noun_first: int, stems: Any) -> bool:
    """The actor is the subject of a reporting verb right before it (VSO) or between it and the
    event noun (SVO), so it reports the event rather than takes part in it."""
    lo = max(0, p.first - 2)
    if any(stems[i].startswith(("مسءوليت", "مسءوليه")) for i in range(p.last + 1, noun_first)):
        return False   # أعلنت المقاومة مسؤوليتها عن خطف: who claims the act did it
    return any(_bare(stems[i]) in REPORT_VERBS for i in range(lo, noun_first) if not p.first <= i <= p.last)


# ضربات جوية … مستهدفة مقاتلي الشباب، هجوم استهدف دورية: the object of "targeting" after an attack
# noun is the attack's target.
TARGETING = frozenset(("مستهدفه", "مستهدفا", "مستهدفين", "مستهدفتين", "استهدف", "استهدفت", "استهدفا", "استهدفتا",
                       "استهدفوا", "يستهدف", "تستهدف"))
TARGETING_REACH = 10


def _targeted(last: int, actors: list[Phrase], stems: Any, source: Phrase | None) -> Phrase | None:
    for i in range(last + 1, min(len(stems), last + 1 + TARGETING_REACH)):
        if stems[i] in TARGETING:
            obj = next((p for p in actors if i < p.first <= i + 3 and p is not source), None)
            return obj if obj is not None and (source is None or obj.group != source.group) else None
    return None


# Nouns of an attack or its weapon, the subject of a verb of targeting (هجوم استهدف، سيارة مفخخة استهدفت).
ATTACK_NOUNS = frozenset(("هجوم", "هجومين", "هجمات", "الهجوم", "انفجار", "الانفجار", "تفجير", "التفجير", "تفجيرات",
                          "غاره", "الغاره", "غارات", "ضربه", "ضربات", "قصف", "القصف", "اعتداء", "كمين", "مفخخه",
                          "ناسفه", "ناسفتين", "انتحاري", "انتحاريه", "صاروخ", "قذيفه", "هجوما"))
ATTACK_SUBJECT_REACH = 6
# The acts a condemnation names (أدان الهجوم، استنكر الحادث الإجرامي، ندد بجريمة حرق الطفل) and the
# words that name their authors (الجريمة التي نفذها مستوطنون، تصريحات المالكي is no act)
CONDEMNED_ACTS = ATTACK_NOUNS | frozenset((
    "الاعتداء", "اعتداءات", "الاعتداءات", "الهجمات", "التفجيرات", "حادث", "الحادث", "جريمه", "الجريمه", "جراءم",
    "الجراءم", "العمل", "عمل", "العمليه", "عمليه", "اختطاف", "خطف", "قتل", "حرق", "احراق", "اغتيال", "استهداف",
    "ذبح", "مقتل", "استشهاد", "تفجيرين", "الانفجارات"))
AUTHOR_VERBS = ("نفذ", "ارتكب", "اقدم", "قام", "يرتكب", "ترتكب", "ينفذ", "تنفذ", "تبني", "يقف")
CONDEMN_REACH = 12


def _condemned_victim(trigger: Any, target: Phrase, stems: Any) -> bool:
    """Whether the target of a condemnation stands after the act condemned, with no word naming
    the act's author between them: then it is the act's victim."""
    between = [_bare(stems[i]) for i in range(trigger.last + 1, min(target.first, trigger.last + 1 + CONDEMN_REACH))]
    return any(w in CONDEMNED_ACTS for w in between) and not any(w.startswith(AUTHOR_VERBS) for w in between) \
        and target.first - trigger.last <= CONDEMN_REACH
# Weapons and strikes that a nationality adjective gives a state (صاروخ إسرائيلي، قذيفة أميركية).
WEAPONS = frozenset(("صاروخ", "صواريخ", "قذيفه", "قذاءف", "قذائف", "غاره", "غارات", "ضربه", "ضربات", "طاءره",
                     "طاءرات", "مروحيه", "مروحيات", "دبابه", "دبابات", "زورق", "بارجه", "مدفعيه"))


def _attack_subject(verb: int, actors: list[Phrase], stems: Any) -> bool:
    """An attack noun stands before a verb of targeting, with no actor in between: it is the subject."""
    lo = max(0, verb - ATTACK_SUBJECT_REACH)
    k = next((i for i in range(verb - 1, lo - 1, -1) if _bare(stems[i]) in ATTACK_NOUNS), None)
    return k is not None and not any(k < p.first < verb for p in actors)


# وقع الهجوم، تجددت المظاهرات، الاحتجاجات تواصلت: a verb of occurrence or continuation asserts the
# event its definite subject names.
OCCUR = frozenset(("وقع", "تقع", "يقع", "تجدد", "تتجدد", "يتجدد", "تواصل", "تتواصل", "يتواصل", "استمر", "تستمر",
                   "يستمر", "اندلع", "تندلع", "يندلع", "انطلق", "تنطلق", "ينطلق", "جرت", "جري", "تجري", "يجري",
                   "تصاعد", "تتصاعد", "يتصاعد", "عم", "تعم", "امتد", "تمتد", "يمتد", "اسفر", "اسفرت", "ادي", "ادت",
                   "اوقع", "اوقعت", "خلف", "خلفت", "تزايد", "تتزايد", "اتسع", "تتسع", "بدا", "بدات", "تبدا", "يبدا",
                   "شهد", "شهدت", "يشهد", "تشهد", "عاد", "تعود", "يعود", "تكرر", "تتكرر", "يتكرر", "حدث", "يحدث",
                   "حصل", "تحصل", "يحصل", "تم"))
# Violence and protest: the types whose definite nouns and background heads are mentions.
DEFINITE_MENTION_TYPES = frozenset(("ASSAULT", "PROTEST"))
# شارك العمال في الإضراب: taking part in a (definite) protest reports it.
PARTICIPATE = frozenset(("شارك", "شاركوا", "شاركت", "يشارك", "يشاركون", "تشارك", "شاركن", "يشاركن", "مشاركين",
                         "انخرط", "انخرطوا"))
# أقدم مسلحون على قتل: على after "venture to" introduces the act itself.
VENTURE = ("اقدم", "واقدم", "يقدم", "تقدم", "فاقدم")
# كان + imperfect is a past habit (كان النظام يعذبهم، كانوا يهتفون); a verb of perception + imperfect
# describes a scene (سمعت المتظاهرين يهتفون): neither reports an event.
HABITUAL = frozenset(("كان", "كانت", "كانوا", "كانا", "كن", "وكان", "وكانت", "وكانوا", "فكان", "سمع", "سمعت",
                      "شاهد", "شاهدت", "شاهدوا", "راي", "رات", "راوا", "يري", "تري",
                      # وهم يهتفون، وهن يرددن: و + pronoun + imperfect is a circumstantial clause (حال)
                      # that paints the scene of another verb
                      "وهم", "وهن", "وهو", "وهي"))


# Nouns and participles of investigation, involvement and charge, before في or ب + the event noun.
INVOLVED = frozenset(("تحقيق", "التحقيق", "تحقيقات", "التحقيقات", "تحقق", "يحقق", "تحقيقا", "المتورط", "متورط",
                      "متورطين", "المتورطين", "التورط", "تورط", "بالتورط", "ضلوع", "الضلوع", "بالضلوع", "المتهم",
                      "متهم", "المتهمين", "متهمين", "المتهمون", "متهمون", "المشتبه", "مشتبه", "اتهام", "اتهامه",
                      "اتهامها", "اتهامهم"))
# Verbs and nouns of opinion, expectation and warning (not of report: قال، أعلن، ذكر).
OPINION = frozenset(("اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر", "اعتقد", "اعتقدت", "يعتقد", "تعتقد", "يعتقدون",
                     "اعتقاد", "راي", "رات", "يري", "تري", "يرون", "توقع", "توقعت", "يتوقع", "تتوقع", "حذر", "حذرت",
                     "يحذر", "تحذر", "حذروا", "رجح", "رجحت", "يرجح", "ترجح", "خشي", "يخشي", "تخشي"))
# مخطط لاغتيال، خططوا لتفجير، بهدف اغتياله: a plan or an aim, not a deed
PLANNED = frozenset(("مخطط", "مخططا", "مخططات", "خطه", "خطط", "خططت", "خططوا", "خططا", "يخطط", "تخطط", "يخططون",
                     "بهدف", "هدف", "يهدف", "تهدف"))


def _event_background(m: Any, stems: Any) -> bool:
    """The head before an event noun of violence or protest makes it background (بعد اغتيال،
    أي هجوم، بتهمة القتل) or a topic (كشف عن اغتيال), not an event the sentence reports."""
    prev = stems[m.first - 1]
    prev2 = _bare(stems[m.first - 2]) if m.first > 1 else ""
    if prev == "في" and prev2 in INVOLVED or "ب" in m.prefix.replace("ال", "") and _bare(prev) in INVOLVED \
            or _bare(prev) in PLANNED or "ل" in m.prefix and prev2 in ("ذكري", "الذكري"):
        # التحقيق في اغتيال، المتورط في اغتيال، المتهم باغتصاب، مخطط لاغتيال، الذكرى الثالثة لاغتيال:
        # an investigation, a charge, a plan or an anniversary names the event as its topic
        return True
    if prev in ("ان", "بان") and any(_bare(stems[i]) in OPINION for i in range(max(0, m.first - 4), m.first - 1)):
        # واعتبر أن اغتيال الصحافي يشكل، يعتقد أن ضربة جوية باتت وشيكة: the subject of a clause of
        # opinion, expectation or warning is judged or foreseen, not reported
        return True
    if prev in EVENT_BACKGROUND_HEADS:
        return not (prev == "علي" and any(stems[i].startswith(VENTURE)
                                          for i in range(max(0, m.first - 5), m.first - 1)))
    return prev == "عن" and not any(stems[i].startswith(RESULT_BEFORE_AN)
                                    for i in range(max(0, m.first - 5), m.first - 1))


CLAIM_VERBS = frozenset(("تبني", "تبنت", "يتبني", "تتبني", "تبنوا", "مسءوليته", "مسءوليتها", "مسءوليتهم",
                         "المسءوليه"))   # أعلن التنظيم مسؤوليته عن الهجوم
CLAIMED_ACTS = frozenset(("هجوم", "هجمات", "تفجير", "تفجيرات", "انفجار", "اعتداء", "اعتداءات", "عمليه", "عمليات",
                          "اغتيال", "هجومين"))
CLAIM_REACH = 5
UNCLAIMED = frozenset(("لا", "لم", "لن", "عاده", "غالبا", "نفي", "نفت"))


def back_reference(hit: TriggerHit, stems: Any) -> bool:
    """A definite event noun of violence or protest (الهجوم، الاغتيالات، المظاهرات) refers back to
    an event already known or names the kind of event: news introduces a new one indefinite (قتل
    ثلاثة في هجوم). Not so when a verb of occurrence asserts it (وقع الهجوم، تجددت المظاهرات),
    when its agent is told (الهجوم الذي نفذته طالبان), when its participants are said to take part
    (شاركوا في الإضراب), nor for لل + verbal noun, a purpose (خرجوا للاحتجاج)."""
    m = hit.match
    if hit.anchor is not None or hit.entry.type not in DEFINITE_MENTION_TYPES:
        return False
    if not m.prefix.endswith("ال") or m.prefix.endswith("لال") or not (
            m.pattern.form == "noun" or m.pattern.form == "fixed"):
        return False
    if _occurs(m, stems) or any(stems[i] in AGENT_MARKERS for i in range(m.last + 1, min(len(stems), m.last + 6))):
        return False
    claim = next((i for i in range(max(0, m.first - CLAIM_REACH), m.first) if _bare(stems[i]) in CLAIM_VERBS), None) \
        if m.pattern.words[0] in CLAIMED_ACTS and m.prefix == "ال" else None
    if claim is not None and not any(_bare(stems[i]) in UNCLAIMED for i in range(max(0, claim - 3), m.first)):
        # تبنى تنظيم داعش الهجوم، أعلن مسؤوليته عن الهجوم: a claim tells the attack and its author (not
        # تتبنى سياسات القتل والتفجير, nor ولا يعلن المتمردون عادة مسؤوليتهم عن الهجمات: no claim, in general)
        return False
    return not (m.first > 1 and stems[m.first - 1] == "في"
                and any(stems[i] in PARTICIPATE or stems[i][:1] in "وف" and stems[i][1:] in PARTICIPATE
                        for i in range(max(0, m.first - 5), m.first - 1)))


def _occurs(m: Any, stems: Any) -> bool:
    """The event noun is the subject of a verb of occurrence right before or after it."""
    for i in (m.first - 1, m.last + 1, m.last + 2):
        if 0 <= i < len(stems) and not (i > 0 and stems[i - 1] == "علي"):   # على وقع: "to the sound of"
            w = stems[i]
            w = w[1:] if len(w) > 3 and w[0] in "وف" else w
            if w in OCCUR or (w[-1:] in "ت" and w[:-1] in OCCUR) or (w.endswith("وا") and w[:-2] in OCCUR):
                return True
    return False


def _undergone(m: Any, stems: Any) -> bool:
    """تعرض للخطف، تعرضوا خلاله للتعذيب: the noun is what someone underwent."""
    return any(stems[i].startswith(UNDERGO) or stems[i][1:].startswith(UNDERGO)
               for i in range(max(0, m.first - 4), m.first))


def _is_nominal(m: Any, stems: Any) -> bool:
    """An event noun: a noun entry, or a fixed form with ب، ل or ال (بقتل، لهجوم، الاعتقال), or a
    verb form right after a preposition (نجح في قتل: there قتل is the noun qatl)."""
    form = m.pattern.form
    return form == "noun" or (form == "fixed" and ("ب" in m.prefix or "ل" in m.prefix or m.prefix.endswith("ال"))) \
        or (form in ("fixed", "past") and m.first > 0 and not m.prefix and not m.suffix
            and stems[m.first - 1] in NOUN_PREPS)


def _protester(p: Phrase) -> bool:
    """Protesters, activists, students, opposition; people of a nationality (الفلسطينيون)."""
    f = p.fields
    return f.get("sector") in PROTESTER_SECTORS or (not f.get("sector") and f.get("kind") == "country"
                                                    and bool(p.mentions) and p.has("demonym"))


def _crowd(p: Phrase) -> bool:
    """A protest-role noun: protesters, crowds, rioters, strikers (المتظاهرون، الحشود، المضربون)."""
    return is_crowd(p.fields.get("name"))


# a preposition carrying the pronoun that resumes a relative clause's antecedent (التي وقع عليها)
RESUMPTIVE = frozenset(prep + pron for prep in ("علي", "في", "ب", "ل", "من", "عن", "مع", "الي", "عبر", "ضد")
                       for pron in ("ه", "ها", "هم", "هما", "هن"))


def _name_word(word: str) -> bool:
    """A word that may continue a name the dictionaries do not know (الرئيس النيجيري محمد بخاري الذي):
    neither definite nor a preposition (an indefinite noun takes no relative pronoun)."""
    return len(word) > 2 and not word.startswith(("ال", "وال", "بال", "لل", "فال", "كال")) \
        and word not in NOUN_PREPS and word not in COMPLEMENTIZERS


# Gender agreement of a verb with the noun right after it (VSO): a verb of the third person
# masculine singular (دعا، يدعو) takes no feminine subject (الحكومة، السلطات، الأمم المتحدة، روسيا),
# a feminine one (دعت، تدعو) no masculine singular title (الرئيس، وزير الخارجية).
FEMININE_HEADS = frozenset(("الامم", "امم", "الدول", "دول"))
# Masculine singular nouns of people: a feminine verb before one is not its verb (كما دعت الرئيس;
# وقبل أيام قتلت الجندي سامي الحربي: the soldier is killed, the killer is the feminine subject)
MASCULINE_TITLES = frozenset(w for t in ("رءيس", "وزير", "امين", "ملك", "امير", "ولي", "نايب", "سفير", "مبعوث",
                                         "متحدث", "ناطق", "قاءد", "مدير", "شيخ", "زعيم", "مستشار", "مندوب",
                                         "محافظ", "مرشد", "رجل",
                                         # people, no title
                                         "جندي", "شرطي", "ضابط", "مواطن", "طفل", "شاب", "صحفي", "صحافي", "مسءول",
                                         "عسكري", "مجند", "رقيب", "عريف", "جنرال", "عقيد", "ملازم", "طالب", "معلم",
                                         "طبيب", "مهندس", "موظف", "عامل", "سجين", "معتقل", "ناشط", "قيادي", "عضو",
                                         "قاضي", "محامي", "امام", "خطيب", "مقاتل", "مسلح", "متهم", "مشتبه")
                             for w in (t, "ال" + t))
MASCULINE_IN_TA = frozenset(("ايه", "خليفه", "حجه", "علامه", "الخليفه", "العلامه"))   # آية الله: a man
MASCULINE_COUNTRY_HEADS = frozenset(("العراق", "اليمن", "لبنان", "السودان", "الاردن", "المغرب", "البحرين",
                                     "الصومال", "الكونغو", "الفاتيكان"))


# words after which a trigger spelt like a verb is read as one (a verbal noun follows nouns:
# أسباب رفض السفارة، خلاف … وتمسك نيوزيلندا, and its genitive is its agent whatever the gender)
VERB_INTRODUCERS = frozenset(("كما", "ثم", "قد", "وقد", "لقد", "فقد", "بعدما", "عندما", "حين", "حينما", "بينما",
                              "فيما", "كان", "وكان", "اذ", "حيث", "لكن", "ولكن", "بل"))


def _verb_position(m: Any, left: int, stems: Any) -> bool:
    """A trigger that opens its clause or follows a VERB_INTRODUCER (كما دعا، وقد طالب)."""
    return m.first == left or stems[m.first - 1] in VERB_INTRODUCERS


def _disagrees(m: Any, p: Phrase, tokens: Tokens) -> bool:
    """Whether verb match ``m`` cannot agree with phrase ``p`` right after it as its subject
    (people and nationalities are left alone: آية الله، دعا أفغان مواطنيهم)."""
    if p.has("person") or p.has("demonym") or p.has("nisba") and len(p.mentions) == 1:
        return False
    form = m.pattern.form
    verb = m.pattern.words[0]
    if m.suffix or len(m.pattern.words) > 1 or form not in ("past", "present", "fixed"):
        return False
    if verb.endswith(("ون", "ان", "وا", "تا")):
        return False   # dual and plural verbs
    if form == "present" or verb[0] == "ي":
        feminine_verb, masculine_verb = verb[0] == "ت", verb[0] == "ي"
    elif verb.endswith("ت"):
        feminine_verb, masculine_verb = True, False
    elif form == "past" or verb[0] != "ت":   # a listed form in ت may be a past (تبادل) or a present (تدعو)
        feminine_verb, masculine_verb = False, not verb.endswith("ا") or len(verb) == 3
    else:
        return False
    head = tokens.texts[p.first]
    if masculine_verb:
        g = gender(head)
        if g == "fpl" or g == "f" and p.first in tokens.taa and head not in MASCULINE_IN_TA or head in FEMININE_HEADS:
            return True
        return p.fields.get("kind") in ("country", "capital") and len(p.mentions) == 1 \
            and head not in MASCULINE_COUNTRY_HEADS and not p.fields.get("sector")
    return feminine_verb and head in MASCULINE_TITLES


# تلقى الرئيس برقية تهنئة من نظيره، تسلم الملك رسالة شكر من الرئيس: the sender after من is the
# source of the act the received thing carries, the receiver its target
RECEIVE_VERBS = frozenset(("تلقي", "تلقت", "يتلقي", "تتلقي", "تلقوا", "تسلم", "تسلمت", "استلم", "استلمت"))
RECEIVE_REACH = 9   # words between the verb of receiving and the event noun (the receiver's name)
RECEIVED_TYPES = frozenset(("SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "AID"))
SENDER_REACH = 4    # words between the event noun and من + sender (هاتفيا، مكتوبة …)


def _verb_before(m: Any, stems: Any, breaks: list[bool], reach: int, is_verb: Callable[[str], bool]) -> int | None:
    """The nearest word before event noun ``m`` in its clause, within ``reach`` words, for which
    ``is_verb`` holds of the word without its conjunction."""
    for i in range(m.first - 1, max(-1, m.first - 1 - reach), -1):
        if is_verb(_bare(stems[i])):
            return i
        if breaks[i + 1]:
            return None
    return None


def _received(m: Any, phrases: list[Phrase], tokens: Tokens, stems: Any, frame: Frame) -> Frame | None:
    breaks = tokens.breaks
    verb = _verb_before(m, stems, breaks, RECEIVE_REACH, RECEIVE_VERBS.__contains__)
    if verb is None:
        return None
    actors = [p for p in phrases if not p.locative]
    sender = next((p for p in actors if p.prep == "من" and m.last < p.first <= m.last + 1 + SENDER_REACH
                   and not any(breaks[j] for j in range(m.last + 1, p.first + 1))), None)
    if sender is None:
        return None
    receiver = next((p for p in actors if verb < p.first < m.first and _subject_ok(p)), None)
    if receiver is None:
        receiver = next((p for p in reversed(actors) if p.last < verb and verb - p.last <= 2 and _subject_ok(p)), None)
    if receiver is None and frame.source and frame.source[0].group != sender.group:
        receiver = frame.source[0]   # قيادة جماعة الحوثي في المحافظة تسلمت رسالة إنذار من المقاومة
    return Frame(_group(phrases, sender), _group(phrases, receiver), "noun-received")


# سلمت الخارجية المصرية السفير التركي مذكرة احتجاج، استدعت الخارجية السفير لتسليمه مذكرة احتجاج: a
# note handed is the giver's act towards the one who receives it (the object of سلم, or its pronoun)
HANDED_NOTES = frozenset(("مذكره", "مذكرات", "رساله", "لمذكره"))   # the word before the event noun
HAND_HEADS = ("سلم", "يسلم", "تسليم", "لتسليم", "بتسليم")
HAND_REACH = 7


def _handing(w: str) -> bool:
    return w.startswith(HAND_HEADS) and not w.startswith("تسلم")   # تسلم "received"


def _handed(m: Any, phrases: list[Phrase], tokens: Tokens, stems: Any) -> Frame | None:
    verb = _verb_before(m, stems, tokens.breaks, HAND_REACH, _handing)
    if verb is None:
        return None
    actors = [p for p in phrases if not p.locative and _subject_ok(p)]
    between = [p for p in actors if verb < p.first and p.last < m.first]
    word = tokens.texts[verb]
    if word.endswith(OBJECT_PRONOUNS) and verb not in tokens.taa and not between:
        # لتسليمه مذكرة: the pronoun is the one named last before, the giver the clause's subject
        before = [p for p in actors if p.last < verb]
        if len(before) < 2:
            return None
        return Frame(_group(phrases, before[0]), _group(phrases, before[-1]), "noun-handed")
    groups: list[Phrase] = []
    for p in between:
        if not groups or p.group != groups[-1].group:
            groups.append(p)
    if len(groups) >= 2:
        return Frame(_group(phrases, groups[0]), _group(phrases, groups[1]), "noun-handed")
    return None


RESUMED_REACH = 10   # words after a relative clause's verb searched for the resuming pronoun
RESUMED_STOPS = COMPLEMENTIZERS | RELATIVES | frozenset(("و" + w for w in COMPLEMENTIZERS))


def _resumed(start: int, end: int, tokens: Tokens) -> bool:
    """Whether a word of the clause from ``start`` (up to its break, at most RESUMED_REACH words)
    carries a third-person pronoun (فيها، دفعها، علاقاته; not a ta marbuta, as in زياره)."""
    texts, taa = tokens.texts, tokens.taa
    for j in range(start, min(end, start + RESUMED_REACH)):
        w = texts[j]
        if w in RESUMED_STOPS:
            return False   # another clause begins (…توعد بسحق التمرد إن الجيش سيواصل عملياته)
        if w in RESUMPTIVE or len(w) > 3 and j not in taa and w.endswith(OBJECT_PRONOUNS) \
                and w not in ("الله", "لله", "والله"):
            return True
    return False


def _own(p: Phrase) -> bool:
    """سفيرها، قواته: the subject's own envoy or forces, not a target (استدعت سفيرها من طهران)."""
    return bool(p.mentions) and p.mentions[0].kind == "agent" and p.mentions[0].suffix in PRONOUNS


def _group_adjective(p: Phrase, texts: list[str]) -> bool:
    """قصف حوثي، هجوم داعشي: one bare nisba-shaped word naming a group after an indefinite noun is
    its adjective, the attacker (as الغارات الإسرائيلية names Israel's)."""
    m = p.mentions[0] if p.mentions else None
    return m is not None and p.first == p.last and m.kind in ("org", "agent") and not m.prefix and not m.suffix \
        and texts[p.first].endswith("ي") and len(texts[p.first]) > 3 and texts[p.first] not in ADJECTIVE_AGENTS


def _casualties(p: Phrase, stems: Any) -> bool:
    """Civilians, or counted people other than armed groups (3 مسلحين أطلقوا النار act), named
    before a violent event: its casualties."""
    sector = p.fields.get("sector")
    # شرطيان، جنديان: a dual counts its people as a numeral does
    counted = _numeral_before(p, stems) or bool(p.mentions) and p.mentions[-1].kind == "agent" \
        and p.mentions[-1].suffix in ("ان", "تان")
    return sector in VICTIM_SECTORS or (sector not in ARMED_SECTORS and counted)


def _numeral_before(p: Phrase, stems: Any) -> bool:
    """خمسة أشخاص، 42 جنديا، أربعة من حراس الأمن: a counted phrase."""
    i = p.first - 1
    if i >= 0 and stems[i] == "من":
        i -= 1
    if i < 0:
        return False
    w = stems[i]
    return w[:1].isdigit() or w in _NUMBER_WORDS


def _victims_after(p: Phrase, tokens: Tokens, trigger_last: int) -> bool:
    return p.fields.get("sector") in VICTIM_SECTORS or _numeric_before(p, tokens, trigger_last)


def _numeric_before(p: Phrase, tokens: Tokens, trigger_last: int) -> bool:
    texts = tokens.texts
    return any(texts[i][:1].isdigit() or texts[i] in _NUMBER_WORDS for i in range(trigger_last + 1, p.first + 1))


# Words that count the people after them: the cardinals (triggers.NUMERAL_WORDS) and quantifiers.
_NUMBER_WORDS = NUMERAL_WORDS | frozenset((
    "احد", "احدي",   # قتل أحد عناصر الشرطة: one of (the passive's subject is counted)
    "واحد", "اثنين", "اثنان", "ثماني", "مئات", "عده", "بضعه", "نحو",
))


# The participant noun (المتظاهرون) tells that a protest took place only where the protesters act in
# the clause. As the subject of a verb of demand, appeal or judgement (وطالب المتظاهرون بـ، واعتبر
# المتظاهرون القرار إهانة) it states the stance of a crowd whose protest is told elsewhere.
STANCE_VERBS = frozenset((
    "طالب", "يطالب", "طالبوا", "يطالبون", "دعا", "يدعو", "دعوا", "يدعون", "حث", "يحث", "حثوا", "انتقد", "ينتقد",
    "انتقدوا", "اعتبر", "يعتبر", "اعتبروا", "يعتبرون", "وصف", "يصف", "وصفوا", "حذر", "يحذر", "حذروا", "رفض",
    "يرفض", "رفضوا", "يرفضون", "اعتقد", "يعتقد", "اعتقدوا", "اصر", "يصر", "اصروا", "يصرون", "عبر", "يعبر", "عبروا",
    "اعرب", "يعرب", "اعربوا", "طرح", "يطرح", "طرحوا", "تبني", "يتبني", "تبنوا"))
# عندما بدأ المتظاهرون، طالما حصل المتظاهرون، كي يتراجع المتظاهرون، اللذان يطالب المتظاهرون: a
# clause of time, condition, purpose or a relative clause makes them background.
SUBORDINATORS = frozenset(("عندما", "حين", "حينما", "طالما", "كي", "لكي", "بينما", "فيما", "ريثما", "كلما",
                           "اذا", "لو")) | RELATIVES
PREDICATE_SUBJECTS = frozenset(("هم", "وهم", "فهم", "انهم", "بانهم", "لانهم"))
# ودعا متظاهرون أمام مقر المجلة: protesters placed at a site are at their protest
PLACE_HEADS = frozenset(("امام", "قرب", "بالقرب", "داخل", "خارج", "وسط", "ساحه", "ميدان"))


def _participant_background(noun: Any, tokens: Tokens, stems: Any) -> str:
    """Why a participant noun (المتظاهرون) names no protest of this sentence, or ''."""
    i = noun.first
    if i == 0:
        return ""
    verb = _bare(stems[i - 1])
    nxt = [stems[j] for j in range(i + 1, min(len(stems), i + 5))]
    if verb in ("كان", "كانت") and any(w.startswith(("ي", "ت")) and w.endswith("ون") for w in nxt[:2]) \
            and "قد" not in nxt[:2]:
        # كان المتظاهرون يرددون: a past habit or a scene, as for a verb (HABITUAL)
        return "participants-habitual"
    if stems[i - 1] in PREDICATE_SUBJECTS:
        # فهم متظاهرون، إنهم محتجون: a predicate describes people, it reports nothing
        return "participants-predicate"
    if (verb in STANCE_VERBS or nxt[:1] and _bare(nxt[0]) in STANCE_VERBS) and not any(w in PLACE_HEADS for w in nxt):
        # وطالب المتظاهرون بالإفراج: the demands of protesters (not ودعا متظاهرون أمام مقر المجلة,
        # who are at the site of their protest)
        return "participants-stance"
    if verb == "حمل" and any(w.startswith("مسءولي") for w in nxt):
        return "participants-stance"   # وحمل المتظاهرون فلانا مسؤولية: blame, a judgement
    k = i - 2
    if k >= 0 and (_bare(stems[k]) in SUBORDINATORS or stems[k] == "ان" and k > 0 and _bare(stems[k - 1]) == "منذ"):
        return "participants-subordinate"
    if k >= 0 and stems[k] in ("ان", "بان") and verb.startswith(("ي", "ت")):
        # أن يركز المتظاهرون: أن + imperfect (subjunctive) names a possible act, not one reported
        return "participants-subordinate"
    return ""


# An attack by an official, a cleric, a legislator or a party on a person, a policy or the press
# (شن السيناتور هجوما عنيفا على الاتفاق، هاجم ظريف وسائل الإعلام الأميركية، هاجم نتنياهو الدور
# الأوروبي) is criticism, PLOVER ACCUSE, where the sentence names no weapon and no casualty.
VERBAL_ATTACK_HEADS = ("هاجم", "يهاجم", "تهاجم", "هجوم")
SPEAKER_SECTORS = frozenset(("GOV", "LEG", "REL", "JUD", "MED", "PTY", "ELI", "HRI"))
NOT_SPEAKER_SECTORS = frozenset(("MIL", "COP", "UAF", "REB", "INS", "SPY", "CRM"))
VIOLENCE_EVIDENCE = ("قتل", "قتيل", "قتلي", "مقتل", "جرح", "جرحي", "اصاب", "اصيب", "مسلح", "انتحار", "صاروخ",
                     "صواريخ", "قذيف", "قذاءف", "رصاص", "طاءر", "غار", "مدفع", "عبو", "تفجير", "انفجار", "سلاح",
                     "اسلح", "نار", "سكين", "دبابات", "قصف", "مفخخ", "عسكر", "جيش", "قوات")


def verbal_attack(hit: TriggerHit, frame: Frame, stems: Any) -> bool:
    """Whether an ASSAULT trigger is an attack in words (see VERBAL_ATTACK_HEADS)."""
    m = hit.match
    if hit.entry.type != "ASSAULT" or not frame.source or "ال" in m.prefix \
            or not _bare(stems[m.first]).startswith(VERBAL_ATTACK_HEADS):
        return False
    sectors: set[Any] = set(frame.source[0].fields.get("sectors") or ())  # type: ignore[call-overload]
    if not sectors & SPEAKER_SECTORS or sectors & NOT_SPEAKER_SECTORS:
        return False
    return not any(_bare(w).removeprefix("ب").removeprefix("ال").startswith(VIOLENCE_EVIDENCE) for w in stems)

