"""From dictionary mentions to actor phrases.

Adjacent mentions compose into one phrase the way Arabic noun phrases do:
head noun + nationality adjective (الرئيس الفنزويلي), head + genitive state (رئيس وزراء
إسرائيل), title + name (الرئيس الفنزويلي أوغو شافيز) and name + apposition (نيكولاي
باتروشيف سكرتير مجلس الأمن الروسي). Phrases joined by و form a coordination group
(روسيا وفنزويلا). A state, capital or city after a locative preposition (في القاهرة،
بالقاهرة) is a place, not an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.lexicon import schema
from rasd.lexicon.compile import Match
from rasd.text.tokenize import Tokens, with_proclitics, without_conjunction

# Priority when several entries match the same tokens (lower wins).
PRIORITY = {"person": 0, "org": 1, "metonym": 2, "country": 3, "capital": 4, "demonym": 5, "nisba": 6,
            "place": 7, "agent": 8}
NAME_KINDS = frozenset(("country", "capital", "place", "demonym"))
LOCATIVE_WORDS = frozenset((
    "في", "داخل", "قرب", "بالقرب", "امام", "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "مدينه", "محافظه", "منطقه", "عاصمه", "ضواحي", "انحاء", "اقليم", "ولايه", "قضاء", "بلده", "قريه",
    "مخيم", "حي", "ميناء", "مطار", "سواحل", "ساحل", "مياه", "اجواء", "اراضي", "حدود", "مقاطعه", "شوارع",
    "شهد", "شهدت", "تشهد", "يشهد", "وشهدت",  # شهدت تركيا مسيرات: the country is where, not who
    "عاشت", "تعيش", "عاش", "يعيش",  # عاشت مصر يوما مشحونا بالتوتر: the same
    # plural place nouns before a nationality adjective: في مناطق بحرينية، مدن عراقية، ولايات أميركية
    "مناطق", "مدن", "قري", "بلدات", "محافظات", "ولايات", "مخيمات", "احياء",
    # بجامعة بغداد، في جامعة القاهرة: a university named by its city is in that city
    "جامعه",
))
PLACE_CONTEXT = LOCATIVE_WORDS - {"في", "حي", "ساحل", "حدود"}
# After a minister an ambiguous nationality adjective names the portfolio (وزير المالية: finance, not Mali)
MINISTER_HEADS = with_proclitics(("وزير", "وزيرا", "وزيري", "وزراء", "وزاره"), ("", "و", "ل", "ب"))
# An agreement, a meeting or talks named by the city that hosted them (اتفاق فيينا، توافق فيينا، مباحثات
# القاهرة، مؤتمر لندن، إعلان جدة): the city is the venue
VENUE_HEADS = with_proclitics(("اتفاق", "اتفاقيه", "الاتفاق", "الاتفاقيه", "توافق", "معاهده", "اعلان", "مؤتمر",
                               "قمه", "محادثات", "مفاوضات", "مباحثات", "مشاورات", "اجتماع", "اجتماعات", "لقاء", "مسار",
                               "جوله"), ("", "و", "ف", "ب", "ل", "وب", "ول", "فب"))


# A group after a name is no title of it (التقى ولد الشيخ أحمد وفد الحوثيين): the object
GROUP_NOUNS = frozenset(("وفد", "وفدا", "قوات", "عناصر", "ممثلي", "اعضاء", "مسؤولي", "قاده", "زعماء", "سفراء", "جنود",
                         "مقاتلي", "مجموعه", "عددا", "وفود"))
# نظيره، نظيرتها "his, her counterpart": written with a pronoun, never a title in apposition to a name
COUNTERPARTS = frozenset(("نظير", "نظيره"))
# Honorifics before a title (فخامة الرئيس، معالي الوزير، سمو الأمير، سعادة السفير، جلالة الملك)
HONORIFICS = frozenset(("فخامه", "معالي", "سمو", "سعاده", "جلاله"))
TARGET_PREPS = frozenset(("مع", "علي", "ضد", "الي", "من", "عن", "بين", "لدي", "تجاه", "حيال", "نحو", "لصالح",
                          "بشان", "حول", "ازاء", "بخصوص",
                          "بحق", "امام", "عند"))


@dataclass(slots=True)
class Phrase:
    """An actor phrase in a sentence (token indices inclusive, normalized offsets)."""

    first: int
    last: int
    start: int
    end: int
    mentions: list[Match]
    locative: bool = False
    prep: str = ""
    group: int = -1
    coord: bool = False          # joined to the previous phrase by و
    shared_head: Match | None = None  # the head noun a coordinated adjective shares
    fields: dict[str, object] = field(default_factory=dict)

    @property
    def kinds(self) -> set[str]:
        return {m.kind for m in self.mentions} if len(self.mentions) != 1 else {self.mentions[0].kind}

    def has(self, kind: str) -> bool:
        return any(m.kind == kind for m in self.mentions)

    def first_of(self, kind: str) -> Match | None:
        return next((m for m in self.mentions if m.kind == kind), None)


def select(matches: list[Match], stems: Any) -> list[Match]:
    """Non-overlapping actor mentions: longest first, then dictionary priority.

    A name that is also a common word (مالي، صور) counts only after a place word
    (شمال مالي، مدينة صور) or as part of a longer name.
    """
    # حشد the verb is not the crowd; but المتظاهرون is both a protest (a trigger) and its protesters
    events = [m for m in matches if m.layer == "event"]
    actors = [m for m in matches if m.layer == "actor"]
    trigger_tokens = {m.first for m in events if m.first == m.last
                      and not (m.ref.type == "PROTEST" and m.pattern.form == "noun" and m.ref.note.endswith(PARTICIPANT_NOTE))}
    # هجوم انتحاري، عملية إرهابية، الهجوم المسلح: an agent word right after an event noun is its adjective
    # (not a bare form that also reads as a verb: in قتل مسلح شرطيين the agent is the verb's subject)
    verb_tokens = {m.first for m in events if m.pattern.form in ("past", "present")}
    event_ends = {m.last for m in events if m.pattern.form == "noun"
                  and not (m.first in verb_tokens and m.prefix in ("", "و", "ف") and not m.suffix)}
    # a nationality adjective that is also a common word (قطري "regional") counts after a head
    heads = {m.last for m in actors if not m.pattern.ambiguous}
    # عبدالله بن محمد السويد، علي بن سالم اليمني: a state or its adjective after بن and a name is a family name
    # (and an agent noun with the article there and no actor after it: صالح بن عبدالله القاضي أمس;
    # but استقبل محمد بن سلمان الرئيس التركي: a title of the next actor)
    # جامعة الملك خالد، مستشفى الملك فهد، جامعة الإمام: a title after a named institution is its name
    starts = {a.first for a in actors}
    # حركة الشباب (al-Shabaab, and "the youth movement"): an ambiguous organisation's name of two words
    # or more counts where the sentence names its state (في الصومال، الصومالية); one word (النصرة
    # "support", الاتحاد "the union", a newspaper's name) still needs a place word before it
    states = {getattr(a.ref, "iso3", None) for a in actors if a.kind in ("country", "nisba", "capital")} | {
        getattr(a.ref, "country", None) for a in actors if a.kind in ("capital", "place")}
    cands = [m for m in actors if not (
        (m.kind in ("country", "capital", "nisba") and m.prefix in ("", "ال")
         or m.kind == "agent" and m.first == m.last and m.prefix == "ال" and m.last + 1 not in starts)
        and m.first >= 2 and stems[m.first - 2] in KIN_LINKS) and not (
        _namesake(m, stems)) and not (_common_word(m, stems)) and not (
        m.pattern.ambiguous and not (m.first > 0 and stems[m.first - 1] in PLACE_CONTEXT)
        and not (m.kind == "org" and m.last > m.first and (
            getattr(m.ref, "country", None) in states
            # عناصر حركة الشباب، مقاتلي حركة الشباب: members name an organisation
            or m.first > 0 and without_conjunction(stems[m.first - 1]) in MEMBER_WORDS))
        and not (m.kind == "nisba" and m.first - 1 in heads
                 # وزير المالية، وزراء المالية: a portfolio after a minister, not the nationality (Malian)
                 and stems[m.first - 1] not in MINISTER_HEADS)) and not (
        m.kind == "agent" and m.first == m.last and m.first in trigger_tokens  # حشد the verb, not the crowd
        and not (m.first > 0 and _quantity(stems[m.first - 1])))  # but مائة طالب: a counted noun
        and not (m.kind == "agent" and m.first == m.last and (
            m.first - 1 in event_ends or m.first - 2 in event_ends and stems[m.first - 1] in TIME_GENITIVES)
                 and m.pattern.words[0] in ADJECTIVE_AGENTS and not m.suffix)]
    if len(cands) > 1:
        cands.sort(key=_select_key)
    taken: set[int] = set()
    out: list[Match] = []
    for m in cands:
        if m.first == m.last:
            if m.first in taken:
                continue
            taken.add(m.first)
        else:
            span = range(m.first, m.last + 1)
            if not taken.isdisjoint(span):
                continue
            taken.update(span)
        out.append(m)
    out.sort(key=_first)
    return out


# Names that are common words in a context told by the word before or after them: أذان المغرب، صلاة
# المغرب (the sunset prayer, not Morocco), حماة الوطن (protectors of the homeland, not Hama).
COMMON_WORD_CONTEXT: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "مغرب": (frozenset(("صلاه", "اذان", "وقت", "موعد", "صلاتي", "قبيل", "عقب")), frozenset()),
    # تدريبات الأسد المتأهب: the Eager Lion exercise, not Assad
    "اسد": (frozenset(("تدريبات", "مناورات", "تمرين")), frozenset(("المتاهب",))),
    "حماه": (frozenset(), frozenset(("الوطن", "الديار", "الحدود", "الحرمين", "العقيده", "الدين", "البيءه",
                                      "المستهلك", "الثغور", "الارض", "العرين"))),
}


def _common_word(m: Match, stems: Any) -> bool:
    ctx = COMMON_WORD_CONTEXT.get(m.pattern.words[0]) if m.first == m.last else None
    if ctx is None:
        return False
    before, after = ctx
    return m.first > 0 and without_conjunction(stems[m.first - 1]) in before \
        or m.last + 1 < len(stems) and stems[m.last + 1] in after


# Institutions named after a king, a prince or an imam (جامعة الملك سعود، مطار الملك خالد، مستشفى
# الأمير سلطان، جامعة الإمام محمد بن سعود): the title there is part of a name, no actor
NAMED_INSTITUTIONS = with_proclitics((
    "جامعه", "مستشفي", "مستشفيات", "مطار", "مدينه", "مركز", "مجمع", "شارع", "طريق", "جسر", "قاعده", "ميناء", "كليه",
    "معهد", "مءسسه", "جاءزه", "برنامج", "جامع", "مسجد", "ملعب", "استاد", "ستاد", "قصر", "مكتبه", "داره", "وقف",
    "صندوق", "كرسي", "مدرسه", "قاعه", "حديقه", "منتزه", "مشروع", "كورنيش", "ميدان", "ساحه", "نادي", "وسام",
    "قلاده", "حي", "مستوصف", "مصحه"), ("", "و", "ب", "ل", "وب", "ول", "ف", "فب", "لل"))
NAMESAKE_TITLES = frozenset(("الملك", "الامير", "الاميره", "الامام", "السلطان", "الشيخ", "الشهيد"))


def _namesake(m: Match, stems: Any) -> bool:
    """The title (or the person named after it) in the name of an institution: مطار الملك خالد،
    مدينة الأمير سلطان بن عبدالعزيز الإنسانية."""
    i = m.first
    if i >= 2 and stems[i - 1] in NAMESAKE_TITLES:
        i -= 1
    return i > 0 and stems[i] in NAMESAKE_TITLES and stems[i - 1] in NAMED_INSTITUTIONS


# هجمات الأمس الانتحارية: a genitive of time may stand between an event noun and its adjective
TIME_GENITIVES = frozenset(("الامس", "امس", "اليوم", "الليله"))
PARTICIPANT_NOTE = "(they are its source)"
# Agent words that are also adjectives (normalized dictionary keys).
ADJECTIVE_AGENTS = frozenset(("مسلح", "مسلحه", "انتحاري", "انتحاريه", "ارهابي", "ارهابيه", "حاكم", "حاكمه",
                             # the dual after a dual event noun: تفجيران انتحاريان، هجومين انتحاريين
                             "انتحاريان", "انتحاريتان", "انتحاريين", "انتحاريتين"))
CROWD_GLOSSES = ("protester", "demonstrator", "crowd", "rioter", "striker", "sit-in", "gathered crowd", "angry crowd",
                 "marcher")


def is_participant_trigger(entry: Any) -> bool:
    """An events.tsv entry whose word names the participants (المتظاهرون: a protest took place)."""
    return entry.note.endswith(PARTICIPANT_NOTE)


def is_crowd(name: object) -> bool:
    """A protest-role noun's gloss: protesters, crowds, rioters, strikers."""
    return isinstance(name, str) and name.startswith(CROWD_GLOSSES)


def _select_key(m: Match) -> tuple[int, int, int]:
    return (m.first - m.last, m.first, PRIORITY.get(m.kind, 9))


def _first(m: Match) -> int:
    return m.first


def build_phrases(tokens: Tokens, mentions: list[Match], stems: Any) -> list[Phrase]:
    """Compose adjacent mentions into phrases and mark places and coordination."""
    phrases: list[Phrase] = []
    breaks = tokens.breaks
    texts = tokens.texts
    for k, m in enumerate(mentions):
        prev = phrases[-1] if phrases else None
        # العاهل السعودي الملك عبد الله: a second title before a name joins the phrase; but after a
        # name, a title with a name of its own (… الصباح رئيس الوزراء العراقي حيدر العبادي) is
        # another person's, the object of a verb-first clause
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        title_chain = m.kind == "agent" and nxt is not None and nxt.kind == "person" and nxt.first == m.last + 1
        other_name = title_chain or m.kind == "agent" and prev is not None and prev.has("person") \
            and _titles_name(mentions, k)
        # أمير الكويت الشيخ صباح الأحمد: a courtesy title between the office and the name
        courtesy = prev is not None and m.kind == "person" and m.first == prev.last + 2 and not breaks[m.first - 1] \
            and texts[m.first - 1] in NAME_TITLES and not prev.has("person")
        # الأمير فيصل بن بندر أمير منطقة الرياض: a title, a name the dictionaries lack (a chain of بن),
        # and the office in apposition are one person
        if prev is not None and m.kind == "agent" and m.prefix in ("", "ل") and (
                not m.prefix and prev.mentions[-1].kind == "agent" and not prev.has("person")
                and _name_chain(texts, breaks, prev.last + 1, m.first - 1)
                # الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد: the rest of a known name
                or not m.prefix and prev.mentions[-1].kind == "person"
                and _name_chain(texts, breaks, prev.last + 1, m.first - 1, True)
                # النائب الثاني لرئيس مجلس الوزراء: an ordinal between a deputy's title and its genitive
                or m.prefix == "ل" and prev.mentions[-1].kind == "agent" and m.first == prev.last + 2
                and texts[m.first - 1] in ORDINALS and not breaks[m.first - 1] and not breaks[m.first]):
            prev.mentions.append(m)
            prev.last = m.last
            prev.end = m.end
            continue
        if prev is not None and (m.first == prev.last + 1 or courtesy) and not breaks[m.first] \
                and not m.prefix.startswith(("و", "ف")) and (
                    _composes(prev, m, texts) and not (other_name and prev.has("person"))
                    or title_chain and not prev.has("person")):
            prev.mentions.append(m)
            prev.last = m.last
            prev.end = m.end
            continue
        phrases.append(Phrase(m.first, m.last, m.start, m.end, [m]))
    phrases = _split_foreign_titles(phrases)
    group = 0
    for k, p in enumerate(phrases):
        head = p.mentions[0]
        before = stems[p.first - 1] if p.first > 0 else ""
        if p.kinds <= NAME_KINDS | {"nisba"} and (
            before in LOCATIVE_WORDS or _ba_locative(before)
            # شمال وجنوب وزيرستان: the second of two coordinated place nouns
            or len(before) > 3 and before[0] in "وف" and before[1:] in PLACE_CONTEXT
            or (head.prefix.replace("و", "").replace("ف", "").startswith("ب") and not _b_object(p, stems, breaks))
        ) and not p.has("demonym"):
            p.locative = True
        elif p.kinds == {"metonym"} and before == "في":
            p.locative = True  # في البيت الأبيض: where, not who
        elif p.kinds <= {"capital", "place"} and head.prefix in ("", "ال") and before in VENUE_HEADS:
            p.locative = True  # اتفاق فيينا، مباحثات القاهرة، مؤتمر جنيف: where it was made, no party
        elif p.kinds == {"place"} and all(getattr(m.ref, "feature", None) in NATURAL_FEATURES for m in p.mentions):
            p.locative = True  # البحر الكاريبي، نهر الفرات، جبال الألب: where, never who
        honorific_prep = ""
        if before in HONORIFICS or before[1:] in HONORIFICS and before[0] in "بل":
            # بفخامة الرئيس، مع معالي الوزير: the preposition is the honorific's
            if before in HONORIFICS:
                before = stems[p.first - 2] if p.first > 1 else ""
            else:
                honorific_prep, before = before[0], ""
        if before == "من" and p.first >= 2 and (_quantity(stems[p.first - 2]) or p.first >= 3 and _unit_adjective(
                stems[p.first - 3], stems[p.first - 2])):
            pass  # مئات من الطلبة، ثلاثة من الجنود، فرقة مظلية من القوات: a partitive, not a preposition
        elif before in TARGET_PREPS:
            p.prep = before
        elif p.first >= 2 and stems[p.first - 2] in TARGET_PREPS and _quantity(before) \
                and _counted_prep(stems, p.first - 2):
            p.prep = stems[p.first - 2]   # أفرج عن عشرين صيادا، ضد عشرات المتظاهرين: a count between
        elif honorific_prep:
            p.prep = honorific_prep
        elif head.prefix.replace("و", "").replace("ف", "")[:1] in ("ب", "ل"):
            p.prep = head.prefix.replace("و", "").replace("ف", "")[:1]
        prev = phrases[k - 1] if k else None
        if prev is not None and head.prefix.startswith("و") and p.first == prev.last + 1 \
                and not breaks[p.first] and prev.locative == p.locative:
            p.coord = True
            p.group = prev.group
            if not p.prep:
                p.prep = prev.prep
            if p.kinds <= {"nisba"} and prev.has("agent"):
                # القوات المصرية والروسية: the second adjective shares the head noun
                p.shared_head = prev.first_of("agent")
        else:
            group += 1
            p.group = group
    return _merge_partitives(phrases, stems)


# Courtesy titles written between an office and a name (أمير الكويت الشيخ صباح الأحمد، وزير الخارجية
# الدكتور …): not actors themselves
NAME_TITLES = frozenset(("الشيخ", "الشيخه", "السيد", "السيده", "الدكتور", "الدكتوره", "المهندس", "الحاج", "الاستاذ"))


KIN_LINKS = frozenset(("بن", "ابن", "بنت"))


def _split_foreign_titles(phrases: list[Phrase]) -> list[Phrase]:
    """استقبل الملك سلمان وزير الخارجية الأمريكي: a title after a name, whose nationality adjective
    is a state the person never served, is another person (the object), not an apposition."""
    out: list[Phrase] = []
    for p in phrases:
        ms = p.mentions
        if len(ms) < 3:   # a person, a title and an adjective at least
            out.append(p)
            continue
        person = next((i for i, m in enumerate(ms) if m.kind == "person"), None)
        cut = None
        if person is not None:
            served = {r.country for r in getattr(ms[person].ref, "roles", ())}
            for k in range(person + 1, len(ms) - 1):
                if ms[k].kind == "agent" and ms[k + 1].kind == "nisba" and served \
                        and getattr(ms[k + 1].ref, "iso3", None) not in served:
                    cut = k
                    break
        if cut is None:
            out.append(p)
            continue
        head, tail = ms[:cut], ms[cut:]
        out.append(Phrase(p.first, head[-1].last, p.start, head[-1].end, head))
        out.append(Phrase(tail[0].first, p.last, tail[0].start, p.end, tail))
    return out


def _name_chain(texts: list[str], breaks: list[bool], a: int, b: int, tail: bool = False) -> bool:
    """Whether tokens a..b are a personal name of the form X بن Y (بن Z …): three words or more, a
    link at every second place, in one clause; with ``tail``, the rest of a name (بن Y, بن Y بن Z)."""
    n = b - a + 1
    if n < 2 or n % 2 == tail or n > 9 or any(breaks[a:b + 2]):
        return False
    first_link = a if tail else a + 1
    return all(texts[i] in KIN_LINKS for i in range(first_link, b, 2)) \
        and all(len(texts[i]) > 1 and texts[i].isalpha() and texts[i] not in KIN_LINKS
                for i in range(first_link + 1, b + 1, 2)) \
        and (tail or len(texts[a]) > 1 and texts[a].isalpha() and texts[a] not in KIN_LINKS)


def _titles_name(mentions: list[Match], k: int) -> bool:
    """Whether the title mentions[k] heads a name: a person follows it, adjacent, through
    adjectives and genitives (رئيس الوزراء العراقي حيدر العبادي، العاهل السعودي الملك سلمان)."""
    last = mentions[k].last
    prev_kind = "agent"
    for j in range(k + 1, len(mentions)):
        m = mentions[j]
        if m.first != last + 1:
            return False
        if m.kind == "person":
            return True
        if m.kind not in ("agent", "nisba", "country"):
            return False
        if m.kind == "agent" and prev_kind == "agent":
            after = mentions[j + 1] if j + 1 < len(mentions) else None
            if after is None or after.kind != "person" or after.first != m.last + 1:
                # ولي ولي العهد وزير الدفاع وزير الخارجية الأمريكي جون كيري: offices listed one after
                # another belong to the name before; the next name's title begins later
                return False
        prev_kind = m.kind
        last = m.last
    return False


# Places that are never actors (a continent or a region may be: أوروبا ترفض)
NATURAL_FEATURES = frozenset(("sea", "river", "mountain"))


AMOUNT_VERBS = frozenset(("يقل", "تقل", "لايقل", "لاتقل", "يزيد", "تزيد", "يصل", "تصل", "وصل", "يربو", "يناهز"))


def _counted_prep(stems: Any, i: int) -> bool:
    """Whether stems[i], before a number, is the preposition of the counted phrase: not نحو or من
    "about, (more) than" (نحو 260 مقاتلا، أكثر من 200 مدرس), nor one after a verb of amount."""
    w = stems[i]
    if w not in TARGET_PREPS or w in ("نحو", "من"):
        return False
    return not (i > 0 and stems[i - 1] in AMOUNT_VERBS)   # لا يقل عن 25، يصل إلى 390: an amount


# Verbs and nouns whose object takes ب (أشاد بروسيا، رحب بمصر، ندد بإسرائيل، اتصل بواشنطن): a
# state after them is the object, not where the act took place.
B_OBJECT_WORDS = with_proclitics((
    "اشاد", "اشادت", "اشادوا", "يشيد", "تشيد", "اشاده", "مشيدا", "رحب", "رحبت", "رحبوا", "يرحب", "ترحب", "ترحيب",
    "ترحيبا", "مرحبا", "ندد", "نددت", "نددوا", "يندد", "تندد", "تنديد", "تنديدا", "منددا", "نوه", "نوهت", "ينوه",
    "تنوه", "اتصل", "اتصلت", "يتصل", "تتصل", "اتصال", "اتصالا", "هاتفيا", "اعترف", "اعترفت", "يعترف", "تعترف",
    "اعتراف", "استنجد", "استعان", "احتفي", "احتفت", "تمسك", "تمسكت", "هيب", "اهاب", "اهابت", "يهيب")) | with_proclitics(
    # their verbal nouns with the article (رفضت الاعتراف بإسرائيل، أعرب عن الترحيب بمصر)
    ("الاشاده", "الترحيب", "التنديد", "الاتصال", "الاعتراف"), ("", "و", "ف", "ب", "وب", "ل", "ول"))
B_OBJECT_REACH = 6   # the verb, its subject (الأمين العام للجامعة العربية) and the ب-phrase


def _b_object(p: "Phrase", stems: Any, breaks: list[bool]) -> bool:
    """Whether a ب-phrase is the object of a word of B_OBJECT_WORDS a few words before it."""
    for i in range(p.first - 1, max(-1, p.first - 1 - B_OBJECT_REACH), -1):
        if breaks[i + 1]:
            return False
        if stems[i] in B_OBJECT_WORDS:
            return True
        if stems[i].startswith("ب"):
            return False
    return False


def _ba_locative(word: str) -> bool:
    """بمدينة، وبمحافظة، بشمال: a place noun with the preposition ب (in) glued to it."""
    if len(word) > 4 and word[0] in "وف" and word[1] == "ب":
        word = word[1:]
    return len(word) > 3 and word[0] == "ب" and word[1:] in LOCATIVE_WORDS and word[1:] not in ("شهد", "شهدت")


QUANTITY_WORDS = frozenset((
    "عشرات", "مئات", "الاف", "الالاف", "المئات", "العشرات", "عدد", "عددا", "العديد", "مجموعه", "مجموعات", "بعض",
    "احد", "احدي", "اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "كثير",
    "حشود", "جموع", "الاكثر", "اكثر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "مءات", "عشرين",
    "ماءه", "مءه", "مءتي", "ماءتي", "الف", "الفا", "الفي", "الفين",   # مائة، مئتي، ألف (normalized)
    # unit nouns: قوة من المستعربين، وحدة من الجيش، مفرزة من الشرطة (a detachment of Y is coded as Y)
    "قوه", "وحده", "مفرزه", "كتيبه", "سريه", "فرقه",
))


UNIT_WORDS = frozenset(("قوه", "وحده", "مفرزه", "كتيبه", "سريه", "فرقه", "دوريه", "مجموعه"))


def _unit_adjective(unit: str, adjective: str) -> bool:
    """فرقة مظلية، قوة خاصة، وحدة عسكرية: a unit noun and the adjective qualifying it."""
    unit_ok = unit in UNIT_WORDS or len(unit) > 3 and unit[0] in "وف" and unit[1:] in UNIT_WORDS
    return unit_ok and not adjective.startswith("ال") and adjective.endswith(("يه", "ه"))


def _quantity(word: str) -> bool:
    return word[:1].isdigit() or word in QUANTITY_WORDS


def _merge_partitives(phrases: list[Phrase], stems: Any) -> list[Phrase]:
    """وحدات من الجيش الأردني، عدد من المتظاهرين: "some of Y" is coded as Y."""
    out: list[Phrase] = []
    k = 0
    while k < len(phrases):
        p = phrases[k]
        q = phrases[k + 1] if k + 1 < len(phrases) else None
        if (q is not None and p.kinds == {"agent"} and not p.locative and q.first == p.last + 2
                and stems[p.last + 1] == "من" and q.kinds & {"agent", "org", "person"} and not q.locative):
            # مسلحون من القبائل: gunmen stay gunmen; وحدات من الجيش، عناصر من الشرطة: the body named
            head_first = q.mentions + p.mentions
            if q.mentions[0].kind == "agent" and getattr(q.mentions[0].ref, "sector", None) == "CVL" \
                    and getattr(p.mentions[0].ref, "sector", None) != "CVL":
                head_first = p.mentions + q.mentions
            merged = Phrase(p.first, q.last, p.start, q.end, head_first, p.locative, p.prep, p.group, p.coord)
            out.append(merged)
            for r in phrases[k + 2:]:
                if r.group == q.group:
                    r.group = p.group
            k += 2
            continue
        out.append(p)
        k += 1
    return out


def _composes(prev: Phrase, m: Match, texts: list[str] | None = None) -> bool:
    kinds = prev.kinds
    k = m.kind
    if k in ("nisba", "demonym"):
        # جنود إسرائيليون، المسؤولين الأمريكيين: a plural adjective after a head noun;
        # مدينة القصرين التونسية: an adjective of a place
        if prev.has("nisba") or prev.has("demonym"):
            return False
        return bool(kinds & {"agent", "person", "org", "metonym"}) or (k == "nisba" and kinds <= {"place", "capital"})
    prep = m.prefix.replace("و", "").replace("ف", "")[:1]
    if prep == "ب" or (prep == "ل" and k in ("country", "capital", "place")):
        return False  # ببغداد، لفنزويلا start a new phrase; لحركة حماس is a genitive
    if k in ("country", "capital", "place"):
        # genitive: رئيس وزراء إسرائيل، شرطة دبي (but not two bare names in a row). Only a construct
        # head takes one: after a definite noun or an adjective the name is the object of a verb-first
        # clause (زار الرئيس الروسي الرياض، هاجم الجيش الإسرائيلي غزة)
        last = prev.mentions[-1]
        if not kinds <= {"agent"} or last.kind != "agent":
            return False
        word = texts[m.last] if texts is not None else ""
        if last.prefix.endswith(("ال", "لل")):
            # القوات المسلحة السعودية: a definite name that is also the adjective agrees with the noun
            return m.prefix.endswith("ال") and word.endswith("يه")
        if last.suffix:
            return last.suffix == "ا" and not m.prefix and word.endswith("يا")   # جنديا تركيا
        return True
    if k == "person":
        # خادم الحرمين الشريفين الملك سلمان: a metonymic title too
        return kinds <= {"agent", "nisba", "country", "org", "metonym"} and not prev.has("person")
    if k == "agent":
        if prev.mentions[-1].kind in ("country", "capital", "place"):
            return False  # التقى رئيس وزراء إسرائيل الرئيس المصري: the genitive closes the construct
        if prev.mentions[-1].kind == "org" and not (
                texts is not None and m.prefix.endswith("ال") and _adjective_like(m, texts[m.last])):
            return False  # انتقدت حركة حماس الحكومة المصرية: a name is complete, the noun after it is the
            # object of a verb-first clause (but جبهة النصرة المتشددة: an adjective)
        if prev.mentions[-1].kind == "person" and (m.prefix.endswith("ال") or m.pattern.words[0] in COUNTERPARTS
                                                    or texts is not None and texts[m.first] in GROUP_NOUNS):
            return False  # استقبل الملك سلمان الرئيس المصري، التقى الجبير نظيره المصري: a definite title
            # (or the counterpart, made definite by its pronoun) after a name is the object
            # of a verb-first clause; an apposition is a construct (محمد بن سلمان ولي ولي العهد وزير الدفاع)
        if texts is not None and prev.mentions[-1].kind == "agent" and prev.mentions[-1].last > prev.mentions[-1].first \
                and texts[prev.last].startswith("ال") and m.prefix.endswith("ال") and not m.suffix \
                and not _adjective_like(m, texts[m.last]) \
                and not (m.last + 1 < len(texts) and (texts[m.last + 1] in ORDINALS or texts[m.last + 1][:1] == "ل")):
            return False  # استقبل … وزير الدفاع الوفد الكويتي: a construct closed by its definite genitive
            # takes no second one; the definite noun after it is the object (but ولي العهد النائب الثاني
            # لرئيس مجلس الوزراء: a title with its ordinal or its ل-complement is apposed)
        if prev.mentions[-1].kind == "agent" and prev.mentions[-1].prefix.endswith("ال") \
                and not m.prefix.endswith(("ال", "لل")) and not prev.mentions[-1].suffix:
            return False  # وهاجم المتظاهرون محافظ العاصمة: a definite noun is no construct head, so an
            # indefinite noun after it starts a new phrase (the object)
        if texts is not None and prev.mentions[-1].kind == "agent" and prev.mentions[-1].prefix.endswith("ال") \
                and not prev.mentions[-1].suffix and m.prefix.endswith("ال") and not m.suffix \
                and (not _adjective_like(m, texts[m.last]) or _disagree(texts[prev.last], texts[m.last])):
            return False  # اعتقلت الشرطة المتظاهرين، دعا الرئيس الحكومة: a definite noun after a definite
            # noun is the object of a verb-first clause unless it can be its adjective (القوات المسلحة،
            # الميليشيات المتمردة، النائب المعارض، النساء العاملات) or a title in apposition (الضابط العقيد)
        if texts is not None and prev.mentions[-1].kind == "agent" and not prev.mentions[-1].suffix \
                and texts[prev.last].endswith(("ون", "ين")) \
                and (not m.prefix.endswith(("ال", "لل")) or prev.mentions[-1].prefix.endswith("ال")) \
                and texts[m.last][-2:] != texts[prev.last][-2:]:
            return False  # هاجم مسلحون طائرة: a sound plural with its ن is no construct head either, and
            # an indefinite noun that does not agree with it is no adjective (مسلحين مجهولين is); nor a
            # definite noun after a definite plural (سلم المحتجون القنصل، but المسلحون المجهولون agree)
        return bool(kinds & {"person", "agent", "org"}) and not prev.has("nisba") and not prev.has("demonym")
    if k == "org":
        return kinds <= {"agent"}
    if k == "metonym":
        return kinds <= {"agent"}   # نائب خادم الحرمين الشريفين: a construct
    return False


# Titles that stand in apposition after a definite noun (وزير الحرس الوطني الأمير متعب، الضابط العقيد).
ORDINALS = frozenset(("الاول", "الثاني", "الثالث", "الاولي", "الثانيه"))
APPOSED_TITLES = frozenset(("الامير", "الملك", "الشيخ", "الرءيس", "السيد", "الدكتور", "المهندس", "العقيد", "اللواء",
                            "العميد", "الفريق", "المقدم", "الراءد", "النقيب", "الامام", "المستشار"))


MEMBER_WORDS = frozenset(("عناصر", "مقاتلي", "مقاتلو", "مسلحي", "مسلحو", "قاده", "زعيم", "قادة", "اعضاء", "عضو",
                          "انصار", "متشددي", "متشددو"))
# Plural nouns of bodies in ات, never adjectives: طالبت منظمة العفو الدولية السلطات البحرينية (the object)
PLURAL_BODIES = frozenset(("السلطات", "القوات", "الحكومات", "الجماعات", "الميليشيات", "المليشيات", "المنظمات",
                           "الهيءات", "الوزارات", "الجهات", "الاجهزه"))


def _adjective_like(m: Match, word: str) -> bool:
    """An agent word that can be an adjective or an apposed title after a definite noun:
    ADJECTIVE_AGENTS, a nisba (الأمنية، العسكري)، a participle (المتمردة، المعارض، المسؤولين),
    a sound plural (العاملات، الباحثين) or APPOSED_TITLES."""
    return m.pattern.words[0] in ADJECTIVE_AGENTS or word in APPOSED_TITLES or word.startswith("الم") \
        or word.endswith(("يه", "ي", "ون", "ين", "ات")) and word not in PLURAL_BODIES


def gender(word: str) -> str:
    """f (ة), fpl (ات), mpl (ون، ين) or m (masculine singular, or a broken plural: any agreement),
    read from a normalized word's ending (a final ه is taken for ة)."""
    return "fpl" if word.endswith("ات") else "mpl" if word.endswith(("ون", "ين")) else "f" if word.endswith("ه") else "m"


def _disagree(noun: str, adjective: str) -> bool:
    """A definite word after ``noun`` that cannot agree with it (الشرطة المتظاهرين، الوزارة المصرف)."""
    a, b = gender(noun), gender(adjective)
    if adjective in APPOSED_TITLES:
        return False
    return a == "f" and b in ("m", "mpl") or a == "fpl" and b in ("m", "mpl") or a == "mpl" and b in ("m", "f")


def _gloss(note: str) -> str | None:
    """A short English label from a dictionary note ("up:protesters (acc/gen)" → "protesters")."""
    text = note.removeprefix("up:").split("(")[0].split(";")[0].strip()
    return text or None


def phrase_code(p: Phrase, date: str | None, capitals: dict[str, schema.Capital]) -> dict[str, object]:
    """Country, sector(s), name and id of a phrase, with roles valid on ``date``."""
    first: dict[str, Match] = {}
    state = None
    for m in p.mentions:
        first.setdefault(m.kind, m)
        if state is None and m.kind in ("country", "nisba", "demonym"):
            state = m
    person = first.get("person")
    if person is not None and len(person.pattern.words) == 1 and not person.ref.active_near(date, SURNAME_YEARS) \
            and not any(m.kind == "agent" and m.first < person.first and m.ref.sector in TITLE_SECTORS
                        for m in p.mentions):   # الرئيس السابق بوش: a title of office tells who is meant
        # a bare surname far from its bearer's offices names someone else: ميليباند in 2015 is Ed,
        # not David (foreign secretary until 2010); بوش is Jeb, شارون تيت an actress
        person = None
    org = first.get("org")
    meto = first.get("metonym")
    agent = first.get("agent") or p.shared_head
    owner = next((m for m in p.mentions if m.kind == "agent" and m is not agent and agent is not None
                  and m.first > agent.first and m.prefix.replace("و", "").startswith("ل")), None)
    if owner is not None:
        agent = owner  # دورية للشرطة، قافلة للجيش: a unit named by a ل-genitive belongs to (is) that body
    capital = first.get("capital")
    place = first.get("place")
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    ident: str | None = None
    if state is not None:
        country = state.ref.iso3
        name = state.ref.name
    elif capital is not None:
        country = capital.ref.country
        name = capital.ref.name
    elif place is not None:
        country = place.ref.country
        name = place.ref.name
    if person is not None and agent is not None and agent.first < person.first and (
            agent.ref.sector == "CVL" or agent.pattern.words[0] in FORCES_OF):
        # أنصار الحريري، عائلات الضحايا: civilians around a person, not the person's office; قوات صالح،
        # ميليشيات حفتر: the forces of a person are armed men of the person's state
        country, sector = person.ref.role_on(date).country, agent.ref.sector
        name = _gloss(agent.ref.note)
    elif person is not None:
        role = person.ref.role_on(date)
        country, sector = role.country, role.sector
        name, ident = person.ref.name, person.ref.id
        title = next((m for m in p.mentions[::-1] if m.kind == "agent" and m.first < person.first), None)
        if title is not None and title.ref.sector == "ELI" or title is None and _former(role, date) \
                and sector in OFFICE_SECTORS:
            # CAMEO codes former officials ELI: الرئيس السابق فلان; a name alone whose last office
            # ended before the date (a title of office before it, الرئيس فلان، tells the office held)
            sector = "ELI"
    elif org is not None:
        o = org.ref
        if o.country == "IGO" and state is not None and state.kind == "nisba":
            sector = "GOV"  # مجلس الأمن الروسي: a national body, not the UN one
            name = f"{o.name} ({country})"
        elif o.country == "NGO" and state is not None and state.kind == "nisba":
            sector = "NGO"  # الهلال الأحمر القطري: the national society
            name, ident = f"{o.name} ({country})", o.id
        else:
            country, sector, name, ident = o.country, o.sector, o.name, o.id
    elif meto is not None:
        country, sector, name = meto.ref.country, meto.ref.sector, meto.ref.name
    elif agent is not None:
        sector = agent.ref.sector
        name = _gloss(agent.ref.note)
    sectors: tuple[str, ...] = ()
    if org is not None and person is None and org.ref.sectors and sector == org.ref.sector:
        sectors = tuple(org.ref.sectors)
    elif sector:
        sectors = (sector,)
    out: dict[str, object] = {"country": country, "sector": sector, "sectors": sectors, "name": name, "id": ident,
            "kind": person and "person" or org and "org" or meto and "metonym" or agent and "agent"
            or (state and "country") or (capital and "capital") or "place"}
    if agent is not None and len(p.mentions) == 1 and agent.pattern.words in UNCODED:
        out["anonymous"] = True
    return out


# Bodies of armed men named after the person who leads them (قوات صالح، ميليشيات حفتر، أنصار الحوثي)
FORCES_OF = frozenset(("قوات", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "مسلحو", "مسلحي", "مقاتلو", "مقاتلي",
                       "عناصر", "كتاءب", "جيش"))
# A name given by its surname alone is its bearer's only within this many years of an office, or
# after a title of office (TITLE_SECTORS).
SURNAME_YEARS = 3
# Sectors of an office; who held one and holds none on the date is a former official.
OFFICE_SECTORS = frozenset(("GOV", "LEG", "MIL", "JUD", "COP", "SPY"))
TITLE_SECTORS = OFFICE_SECTORS | {"ELI"}


def _former(role: Any, date: str | None) -> bool:
    """The role ended before ``date`` (role_on falls back to the last role begun before it)."""
    if not date or role.end is None or len(date) < 10:
        return False
    end = role.end + ("-99" if len(role.end) == 7 else "-99-99" if len(role.end) == 4 else "")
    return date[:10] > end


# The counted singular "person" (قتل شخص، مقتل 30 شخصا، تظاهر ألفا شخص) names people by no role: it
# takes the victim's or protester's role (its sector CVL counts for the roles) but, in violence and
# protest, codes no sector, as the gold standard codes it; the plural أشخاص codes civilians.
UNCODED = frozenset((("شخص",), ("شخصا",)))
