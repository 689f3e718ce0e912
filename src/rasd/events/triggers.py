"""Choose the event triggers of a sentence from the dictionary matches.

A trigger entry may require a companion word within the next few tokens (وقع fires only
with اتفاق…); among entries for the same words, the most specific satisfied one wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rasd.lexicon.compile import Match
from rasd.lexicon.schema import HAMZAS, TriggerEntry
from rasd.text.tokenize import (NOMINAL_ENDINGS, NOMINAL_PREFIXES, SUFFIXES, Analyzer, Tokens, proclitic_splits,
                                readings, strip_article, taa_stems, with_proclitics, without_conjunction)

_NONE: frozenset[str] = frozenset()

# Verbs that only carry an event noun (أجرت مناورات، عقد محادثات، شن هجوما، نظم اعتصاما): they
# yield to the noun whatever their own type. A content verb (رفضت المفاوضات) yields only to a
# noun of its own type.
LIGHT_VERBS = ("اجر", "يجر", "تجر", "نجر", "جري", "جرت", "عقد", "يعقد", "تعقد", "شن", "يشن", "تشن", "نفذ", "ينفذ",
               "تنفذ", "نظم", "ينظم", "تنظم", "شارك", "يشارك", "تشارك", "قام", "يقوم", "تقوم", "قامت", "بدا", "بدات",
               "يبدا", "تبدا", "واصل", "يواصل", "تواصل",
               # تعرض لهجوم: what is undergone is the noun's event (هجوم إعلامي is criticism)
               "تعرض", "يتعرض", "تتعرض")
# قام ب + verbal noun (قامت دبابة بقصف المنزل، قام الجنود بقتل): the noun is the event, قام its verb.
DO_VERBS = ("قام", "يقوم", "تقوم", "قامت", "قاموا", "يقومون")
# تجمع آلاف المتظاهرين: a noun naming the participants (events.tsv notes ending so) is the subject
# of the verb that requires it, not an event noun that the verb only carries.
PARTICIPANTS = "(they are its source)"
REQUIRES_WINDOW = 12   # tokens after the trigger, within its clause (VSO puts the subject between)
# أطلقت الشرطة النار في الهواء: shots fired into the air warn or disperse, they attack no one.
AIRWARD = frozenset(("الهواء", "الهوا", "بالهواء", "للهواء"))
AIRWARD_REACH = 4
# احتشد المارة لمساعدة الجرحى، تجمع الأهالي لاستقبال الحجاج: a crowd that gathers to help, welcome,
# watch or celebrate is no protest. Verbs of gathering, and the purposes (ل + verbal noun) that
# make them another kind of assembly.
GATHER_VERBS = ("تجمع", "يتجمع", "تتجمع", "تجمهر", "يتجمهر", "احتشد", "يحتشد", "تحتشد")
OTHER_PURPOSES = frozenset(("مساعده", "اسعاف", "انقاذ", "اغاثه", "مشاهده", "متابعه", "استقبال", "توديع", "احتفال",
                            "الاحتفال", "الصلاه", "صلاه", "شراء", "تهنءه", "تشجيع", "الاستماع", "استماع"))
PURPOSE_REACH = 8
# تجمعت مئات السيارات عند الحدود، تتجمع السحب، تجمعت المياه: things that gather are no crowd (read
# through _plain, within GATHERER_REACH words after the verb or right before it)
THINGS_GATHERED = frozenset(("سيارات", "سياره", "شاحنات", "حافلات", "مركبات", "اليات", "سفن", "زوارق", "سحب", "غيوم",
                             "مياه", "امطار", "ثلوج", "رمال", "غبار", "دخان", "نفايات", "قمامه", "حشرات", "جراد",
                             "طيور", "اسماك", "مواشي", "اموال", "ديون", "معلومات", "بيانات", "ادله"))
GATHERER_REACH = 3
# Verbs of a crowd that, in a sentence about a game (_sports), tell of its spectators: they gather,
# mass, chant and raise banners (a protest or a riot at a match is still named as one)
FAN_VERBS = GATHER_VERBS + ("هتف", "يهتف", "تهتف", "ردد", "يردد", "تردد", "رفع", "يرفع", "ترفع")
# مسيرة is a march, and also a course or a career: مسيرة السلام (the peace process), مسيرة التنمية،
# مسيرة المنتخب، مسيرته الفنية. With the genitive of a process or a team, or the possessive of one
# person, it names no protest.
MARCH_WORDS = ("مسيره", "مسيرات")
MARCH_GENITIVES = frozenset(("المتظاهرين", "المحتجين", "المعتصمين", "الغضب", "التضامن", "الطلاب", "العمال",
                             "الاكفان", "العوده", "المليون", "الاحتجاج", "الرفض"))
PROCESS_NOUNS = frozenset((
    "السلام", "التسويه", "التنميه", "الاصلاح", "الاصلاحات", "الديمقراطيه", "البناء", "التاسيس", "تاسيس", "الحياه",
    "العمل", "النضال", "الكفاح", "المفاوضات", "التطوير", "التحديث", "الحوار", "المصالحه", "التعاون", "الاعمار",
    "التقدم", "النهضه", "التحرير", "الوحده", "التغيير", "المنتخب", "الفريق", "النادي", "اللاعب", "المدرب",
))


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


# A two-letter companion (the prepositions عن، من، مع، ضد; حل، رد، خط، ضم) is a word of its own, with
# at most a pronoun or an ending (عنه، معهم، ردا) or its broken plural (حلول، ردود، خطوط): as the
# beginning of a longer stem it would be any word (حليف "ally" is no حل "solution", منطقة no من).
SHORT_TAILS = frozenset(SUFFIXES) | frozenset(("ي", "ك", "كم", "كما", "ول", "ود", "وط"))   # مني، معك


class Requirements:
    """Which `requires` words a token satisfies (a stem starting with one), memoized per word.

    A word satisfies a companion that begins one of its stems (اتفاق → اتفاقيات), or, for a
    two-letter companion, that is the stem with at most a pronoun, an ending or a broken plural
    (SHORT_TAILS). Built from the trigger entries; a word is looked up once, by comparing each
    of its stems with the words that begin with the same two letters, so a sentence costs a few
    set operations per trigger.
    """

    def __init__(self, entries: Iterable[TriggerEntry], analyzer: Analyzer):
        self.words = frozenset(w for e in entries for w in e.requires)
        # the words by their first two letters (the loader allows no shorter word): a stem is
        # compared with the few words that begin like it, not sliced at every length
        by_head: dict[str, list[str]] = {}
        for w in sorted(self.words):
            by_head.setdefault(w[:2], []).append(w)
        self._by_head = {h: tuple(ws) for h, ws in by_head.items()}
        self.analyzer = analyzer
        self._cache: dict[str, frozenset[str]] = {}

    def of(self, word: str) -> frozenset[str]:
        got = self._cache.get(word)
        if got is None:
            found = set()
            words = self.words
            by_head = self._by_head
            # the beginnings of every reading's stem: those of the word after each proclitic chain
            # (an enclitic only shortens the stem) and the stems in ة before an enclitic
            for _, rest in proclitic_splits(word):
                for w in by_head.get(rest[:2], ()):
                    if rest.startswith(w) and (len(w) > 2 or len(rest) == 2 or rest[2:] in SHORT_TAILS):
                        found.add(w)
                for st in taa_stems(rest):
                    if st in words:
                        found.add(st)
            got = frozenset(found) if found else _NONE
            if len(self._cache) >= 500_000:
                self._cache.clear()
            self._cache[word] = got
        return got


    def after(self, tokens: Tokens, first: int, words: int, need: frozenset[str]) -> bool:
        """Whether a trigger of at most ``words`` words starting at token ``first`` can find
        one of ``need`` where :func:`select_triggers` looks: within REQUIRES_WINDOW tokens
        after it, in its clause (no pattern spans a clause break)."""
        texts, breaks = tokens.texts, tokens.breaks
        of = self.of
        end = min(len(texts), first + words + REQUIRES_WINDOW)
        for j in range(first + 1, end):   # (the common case inline: this runs for most words)
            if breaks[j]:
                return any(not need.isdisjoint(of(texts[k])) for k in clause_indices(texts, breaks, j, end))
            if not need.isdisjoint(of(texts[j])):
                return True
        return False


# A short adjunct of time or place set off by commas (تعقد الحكومة، اليوم الأحد، جلسة طارئة؛ هدد الوزير، في
# مؤتمر صحفي، باللجوء إلى القوة) leaves the clause open: a trigger's companion may follow it.
PAREN_OPENERS = frozenset(("اليوم", "امس", "غدا", "في", "خلال", "صباح", "مساء", "ظهر", "فجر", "عصر", "ليل", "يوم",
                           "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "حسب", "بحسب"))
PAREN_MAX = 4


FIELD_HEADS = frozenset(("مجال", "مجالات", "المجال", "المجالات", "بمجال", "ميدان", "قطاع", "صناعه", "تجاره"))


def clause_indices(texts: list[str], breaks: list[bool], start: int, end: int) -> Iterator[int]:
    """The token indices from ``start`` (to ``end``, exclusive) that stand in one clause: up to the next
    break, passing over a short adjunct set off by commas (paren_end): the adjunct's own words are
    skipped, the clause resumes after it."""
    while True:
        for j in range(start, end):
            if breaks[j]:
                break
            yield j
        else:
            return
        k = paren_end(texts, breaks, j)   # (اليوم الأحد،): the clause goes on after it
        if k < 0 or k >= end:
            return
        yield k
        start = k + 1


def paren_end(texts: list[str], breaks: list[bool], j: int) -> int:
    """At a clause break before token j: the token after a short time or place adjunct that
    begins there and ends at the next break, or -1."""
    if texts[j] not in PAREN_OPENERS:
        return -1
    for k in range(j + 1, min(len(texts), j + 1 + PAREN_MAX)):
        if breaks[k]:
            # the clause resumes after it, unless another clause begins there (استشهدوا، أمس؛ بعد تعرض
            # المركز لقذائف، وقال …)
            w = texts[k]
            return -1 if w in PAREN_CLOSERS or len(w) > 3 and w[0] in "وف" else k
    return -1


PAREN_CLOSERS = frozenset(("بعد", "قبل", "عقب", "اثر", "حيث", "حين", "عندما", "بينما", "لان", "كما", "الا", "لكن",
                           "ثم", "اذ", "اذا", "ان", "انه", "انها", "التي", "الذي", "الذين", "ما", "مما"))


# A cardinal governs the noun after it (مائة طالب "a hundred students", 300 طالب): a bare
# verb-shaped word right after a numeral is that counted noun, not a verb (طالب "demanded").
NUMERAL_WORDS = frozenset(("ماءه", "مءه", "ماءتين", "مءتين", "الف", "الفي", "الفين", "الاف", "مءات", "ماءات",
                           "عشرات", "مليون", "ملايين", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع", "عشر",
                           "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                           "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"))


KIN_NAMES = frozenset(("ابو", "ابي", "ابا", "بن", "ابن", "بنت"))


def _numeral(w: str) -> bool:
    """A cardinal in digits or words; not a year (في سبتمبر 1970 خطفت: a date before the verb)."""
    if w.isdigit():
        return not (len(w) == 4 and w[:2] in ("19", "20"))
    return w in NUMERAL_WORDS or (w.endswith("ماءه") and len(w) > 4)


TANWEEN = frozenset("\u064b\u064c\u064d")


def select_triggers(matches: list[Match], tokens: Tokens, requirements: Requirements,
                    written: Callable[[Match], str] | None = None) -> list[TriggerHit]:
    """Non-overlapping triggers, longest first. ``written(m)`` is the match as written in the
    input: an entry with spelling "hamza" must carry one there (without ``written``: assumed),
    and a past verb of form IV (أصاب، أطلق) written with إ is its verbal noun (إصابتها، إطلاق)."""
    cands: list[tuple[int, int, Match, TriggerEntry]] = []
    do_verbs: list[Match] = []   # قام whose own object (زيارة) is missing: a light verb for a ب-noun
    n = len(tokens)
    texts = tokens.texts
    breaks = tokens.breaks
    of = requirements.of
    sat_at: dict[int, frozenset[str]] = {}  # per-sentence memo: windows of several triggers overlap
    required_at: dict[int, int] = {}   # id(match) → token index of the word that satisfied `requires`
    # ياسر عرفات: a word of a person's full name (يأسر "captures" is spelt so) is no trigger; nor
    # a word of an organisation's (مركز الملك سلمان للإغاثة "relief", مجلس التعاون "cooperation")
    named = {i for m in matches if m.layer == "actor" and m.kind in ("person", "org") and m.last > m.first
             for i in range(m.first, m.last + 1)}
    # a surname written as it is, or after a conjunction (ليبرمان, not ل + يبرمان "they two conclude")
    named.update(m.first for m in matches if m.layer == "actor" and m.kind == "person" and m.prefix in ("", "و", "ف"))
    # علي بن أبي طالب، أبو حمزة: the word after a kunya or a patronymic is a name
    if not KIN_NAMES.isdisjoint(texts):
        named.update(i + 1 for i, w in enumerate(texts[:-1]) if w in KIN_NAMES)
    for m in matches:
        if m.layer != "event":
            continue
        if named and m.first in named:
            continue
        e: TriggerEntry = m.ref
        form_iv = m.pattern.form == "past" and m.pattern.words[0][0] == "ا"
        # قتلاً، وعدواً: a word in ا may be a verb (the dual, the plural) or a noun with tanween
        verb_in_alif = texts[m.last][-1:] == "ا" and (m.pattern.form in ("past", "present") or "verb" in e.spelling)
        if written is not None and (e.spelling or form_iv or verb_in_alif):
            w = written(m)   # the original text, read once for the checks below
            if verb_in_alif and not TANWEEN.isdisjoint(w):
                continue   # خصماً وعدواً "an enemy", not وعدوا "they promised": no verb takes tanween
            if "hamza" in e.spelling and HAMZAS.isdisjoint(w):
                continue   # هنا "here", not هنأ; the name ياسر, not يأسر
            if "kasra" in e.spelling and _article_off(w)[:1] == "أ":
                continue   # الأبعاد "the dimensions", not الإبعاد "the expulsion"
            if "single" in e.spelling and "\u0651" in w:
                continue   # وعدّ الأمين العام: و + عدّ "considered", not وعد "promised"
            if form_iv and w[:1] == "إ":
                continue   # بعد إصابتها بإجهاد: no past verb begins with إ
        if m.first == m.last and not m.prefix and not m.suffix and m.pattern.form in ("past", "present") \
                and m.first > 0 and _numeral(texts[m.first - 1]):
            continue
        if e.requires:
            at = -1
            req = e.requires
            for j in clause_indices(texts, breaks, m.last + 1, min(n, m.last + 1 + REQUIRES_WINDOW)):
                sat = sat_at.get(j)
                if sat is None:
                    sat = sat_at[j] = of(texts[j])
                # أصدرت منظمة العفو الدولية تقريرا: no companion in a name; تقدم إيران في مجال السلاح
                # النووي: nor a field named after مجال (progress, not arms provided)
                if sat and not sat.isdisjoint(req) and not (named and j in named or texts[j - 1] in FIELD_HEADS):
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
    out = _other_gatherings(_warning_shots(_govern(out, required_at), texts, breaks), texts, breaks)
    if any(_is_targeting(h.match) for h in out):
        out = [h for h in out if not (_is_targeting(h.match) and _aims(h.match, texts, breaks))]
    if any(h.entry.mode == "crowd-control" for h in out):
        out = _peaceful_dispersals(out, texts)
    out = [h for h in out if not _other_sense(h.match, texts, breaks) and not _hospitality(h, texts, breaks)]
    if len(out) > 1:
        out = _reason_adverbs(out)
    if out and _sports(texts):
        out = [h for h in out if not _sports_sense(h)]
    if out and (not _NATURAL_FORMS.isdisjoint(texts) or "الشمس" in texts or "شمس" in texts):
        out = [h for h in out if not (h.entry.type == "ASSAULT" and _natural_cause(h.match, texts))]
    if out and not DEFUSED.isdisjoint(texts):
        out = [h for h in out if not (h.entry.type == "ASSAULT" and h.match.pattern.form in ("noun", "fixed")
                                      and _defused(h.match, texts))]
    return out


# استهدف is "to target" and also "to aim at": حملات تستهدف تعزيز القيم، الدراسة استهدفت 110 كليات،
# برنامج يستهدف 5050 عائلة. A plan, a study or a service as subject (before it, or right after
# it in VSO), or a constructive act or a group of beneficiaries as object make it an aim.
AIM_SUBJECTS = frozenset((
    "حمله", "حملات", "برنامج", "برامج", "دراسه", "دراسات", "مبادره", "مبادرات", "فعاليه", "فعاليات", "دوره", "دورات",
    "خطه", "خطط", "مشروع", "مشاريع", "ورشه", "ورش", "مسابقه", "خدمات", "خدمه", "استراتيجيه", "سياسه", "حزمه",
    "اجراءات", "جهود", "اصلاحات", "منتج", "منتجات", "علاج", "دواء", "لقاح", "توجه", "رؤيه", "مهرجان", "معرض",
    "فكره",
    # a phase of a programme, a shop (استهدفت المرحلة الأولى 13 منطقة، يستهدف متجر آبل مليار زائر)
    "مرحله", "متجر", "متاجر",
))
AIM_OBJECTS = frozenset((
    "تعزيز", "تنميه", "توفير", "تطوير", "تحسين", "رفع", "زياده", "دعم", "تاهيل", "تدريب", "توعيه", "تحقيق", "بناء",
    "ايجاد", "تمكين", "مساعده", "حمايه", "خدمه", "تسهيل", "تشجيع", "نشر", "تعريف", "استقطاب", "جذب", "توظيف",
    "تثقيف", "ادخال", "اسعاد", "رعايه", "تحفيز", "خفض", "تقليل", "حد", "معالجه", "علاج", "فءه", "فءات", "شريحه",
    "شراءح", "خلايا", "احسان",
    # customers a product or a firm aims at (لتستهدف مستخدمي الأجهزة الذكية)
    "مستخدمي", "مستخدمين", "عملاء", "زباءن", "مستهلكين", "مستهلكي",
    # a season or a time aimed at (استهدفت الشركة فصل الصيف للبدء في التشغيل)
    "فصل", "موسم", "صيف", "شتاء", "ربيع", "خريف", "مطلع", "منتصف", "نهايه", "بدايه",
))
AIM_REACH = 4   # words before the verb that may name its subject (الدراسة التي أجراها المركز استهدفت)


def _is_targeting(m: Match) -> bool:
    return "ستهدف" in m.pattern.words[0]   # استهدف، استهدفت، يستهدفون، استهداف


def _aims(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """Whether a targeting verb or noun names an aim (AIM_SUBJECTS, AIM_OBJECTS), not an attack."""
    nxt = m.last + 1
    if nxt < len(texts) and not breaks[nxt]:
        w = _plain(texts[nxt])
        if w in AIM_OBJECTS or w in AIM_SUBJECTS:   # its object, or its subject (VSO: استهدفت الدراسة)
            return True
    for j in range(m.first - 1, max(-1, m.first - 1 - AIM_REACH), -1):
        if _plain(texts[j]) in AIM_SUBJECTS:
            return True
        if breaks[j]:
            break
    return False


def _plain(w: str) -> str:
    """A word without a conjunction and the article (والحملات → حملات), for the short lists above;
    و or ف only before the article (فعاليات keeps its ف)."""
    return strip_article(w[1:] if w[:1] in "وف" and w[1:3] == "ال" else w)


# A sentence about a game: يلتقي الهلال مع النصر، مواجهاته الودية، إصابته في الركبة، وقع اللاعب عقدا،
# يدين برشلونة بلقبه. Its meetings, agreements, injuries and clashes are fixtures, contracts and
# plays, no political events (a protest or a killing there still is one). Words that only sports
# use: المنتخب is also "elected", نادي الأسير a prisoners' association, الدوري "periodic",
# الودية "friendly (visit)", بطولات "heroic deeds", so they are not listed.
SPORTS_WORDS = frozenset((
    "مباراه", "مباريات", "مباراته", "مباراتها", "مباراتين", "مباراتي", "مبارياته", "مبارياتها", "لاعب", "لاعبين", "لاعبو", "لاعبي", "لاعبا",
    "مدرب", "ملعب", "شوط", "مرمي", "احتراف", "ركله", "هداف", "متفرج", "متفرجا", "متفرجين", "منافسات",
    # football clubs whose names are no other word (يلتقي أرسنال مع وست هام يونايتد)
    "ارسنال", "تشلسي", "تشيلسي", "ليفربول", "برشلونه", "يوفنتوس", "بايرن", "توتنهام", "ايفرتون", "يونايتد",
    "نيوكاسل", "سندرلاند", "ساوثهامبتون", "دورتموند", "فالنسيا", "اشبيليه", "انتر", "الانتر",
))
# The types a sports sentence makes noise in, and the violent words it uses for plays and
# injuries (the other violence is kept).
SPORTS_TYPES = frozenset(("CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "REJECT", "ACCUSE", "SANCTION",
                          "RETREAT", "COERCE", "CONCEDE", "THREATEN"))
SPORTS_PLAYS = ("مواجه", "اصاب", "اصيب", "يصاب", "هجوم", "هجمات", "ضرب", "معرك", "تدمير", "سحق")
BALL_GAMES = frozenset(("القدم", "المضرب", "السله", "الطاءره", "اليد"))
BALL_WORDS = with_proclitics(("كره",), ("", "و", "ب", "وب"))
# every sports word with the proclitic chains a noun takes (والمباراة، بالملعب، للاعب): one set test
_SPORTS_FORMS = with_proclitics(SPORTS_WORDS, ("",) + NOMINAL_PREFIXES)


# Receiving, hosting and visiting are political contacts (CAMEO 042/043) between actors; the same
# words tell of the public a place or a service takes in (تستقبل المداخل الملايين من الزوار، الحدائق
# لاستقبال المواطنين والمقيمين، فنادق لاستقبال المستثمرين، زار دبي 12 مليون سائح), of events a city
# hosts (تستضيف طوكيو دورة الألعاب الأولمبية، يستضيف المهرجان منشدين) and of rooms and desks (قاعة
# الاجتماعات، موظف استقبال). Words that also name political guests or gatherings are left out: the
# participants, the members, the youth (استقبل الملك المشاركين في المؤتمر), a session (استضافت الكويت
# الدورة 42 لمجلس وزراء الخارجية), a forum. Guests, hosted events and visitors are read within HOSPITALITY_REACH
# words after the trigger in its clause (after the subject of a verb-first clause). Rooms and desks
# (ROOM_HEADS) are read for every type by _facility.
PUBLIC_GUESTS = frozenset((
    "الزوار", "زوار", "الزاءرين", "زاءرين", "الزاءرات", "الحجاج", "حجاج", "المعتمرين", "معتمرين", "المصلين", "مصلين",
    "المواطنين", "مواطنين", "المقيمين", "مقيمين", "السياح", "سياح", "ساءح", "ساءحا", "الساءحين", "الجمهور", "الجماهير",
    "الطلاب", "طلاب", "الطلبه", "طلبه", "الطالبات", "طالبات", "طالب", "طالبا", "طالبه", "المرضي", "مرضي", "الحالات", "حالات", "المراجعين",
    "مراجعين", "العملاء", "عملاء", "المسافرين", "مسافرين", "الركاب", "ركاب", "المستثمرين", "مستثمرين", "المتسوقين",
    "الاطفال", "اطفال", "الاسر", "العاءلات", "عاءلات", "الاهالي", "اهالي", "المهنءين", "المعزين", "المتقدمين",
    "المتقدمات", "المتدربين", "المتسابقين", "الوافدين", "منشدين", "المنشدين", "الملايين",
    # batches and caravans of pilgrims (تستقبل المملكة أول فوج من قوافل الحجاج)
    "فوج", "افواج", "الافواج", "قوافل", "القوافل",
    "ملايين", "الاف", "الالاف", "الفتيات", "الجدد", "المستفيدين", "المبتعثين", "المعلمين", "حاله", "الجرحي", "جرحي",
    "المصابين", "مصابين",
    "المعلمات", "الزبائن", "المتبرعين", "الصاءمين", "الراغبين", "الراغبات", "راغبين", "راغبات",
    # the bodies of the dead, received by their town or a hospital
    "جثمان", "جثامين", "الجثامين", "جثث", "الجثث",
))
# Places and services that take in the public (استقبل مستشفى قوى الأمن ثماني حالات، تستقبل الغرفة طلبات
# الشركات، استقبل مطار عدن أول طائرة): as the subject, next to the verb, they make no political host.
PUBLIC_HOSTS = frozenset((
    "مستشفي", "المستشفي", "مستشفيات", "المستشفيات", "طوارء", "الطوارء", "قسم", "مطار", "المطار", "ميناء", "الميناء",
    "مسجد", "المسجد", "مخيمات", "المخيمات", "غرفه", "الغرفه", "المقر", "الفرع", "شركه", "الشركه", "فندق", "الفندق",
    "فنادق", "الفنادق", "حديقه", "الحديقه", "جاده", "عياده", "العياده", "عيادات", "العيادات",
))
HOSTED_EVENTS = frozenset((
    "بطوله", "البطوله", "مهرجان", "المهرجان", "معرض", "المعرض", "كاس", "الالعاب", "العاب",
    "مباراه", "المباراه", "مباريات", "سباق", "السباق", "فعاليات", "الفعاليات", "مسابقه", "المسابقه", "اولمبياد",
    "المونديال", "ماراثون", "نهاءيات", "حفل", "حفلات", "عرض", "عروض", "منافسات", "دوري",
    # places visited that are no actors: websites, libraries, museums, sights
    "موقع", "الموقع", "مواقع", "المواقع", "المكتبه", "متحف", "المتحف", "متاحف", "المتاحف", "المعالم", "معالم",
))
VISITOR_SUBJECTS = ("ساءح", "سياح", "السياح", "زاءر", "زوار", "الزوار", "حاج", "حجاج", "الحجاج", "معتمر", "المعتمرين")
# Things and seasons received, no guests: استقبال المكالمات، استقبال الطلبات، استقبال عيد الفطر، ميناء
# يستقبل السفن، ألمانيا التي تستقبل اللاجئين (an asylum policy, no meeting)
RECEIVED_THINGS = frozenset((
    "مكالمات", "المكالمات", "اتصالات", "الاتصالات", "طلبات", "الطلبات", "بلاغات", "البلاغات", "شكاوي", "الشكاوي",
    "ملاحظات", "الملاحظات", "مقترحات", "المقترحات", "استفسارات", "الاستفسارات", "رساءل", "الرساءل", "ترشيحات",
    "الترشيحات", "تبرعات", "التبرعات", "عيد", "العيد", "شهر", "الشهر", "العام", "موسم", "الموسم", "رمضان", "السفن",
    "حادثا", "حادث", "الصور", "صور", "اعدادا",
    "سفن", "الرحلات", "رحلات", "الشاحنات", "شحنات", "الشحنات", "اللاجءين", "لاجءين", "النازحين", "نازحين",
    "الطاءرات", "طاءرات",
))
ROOM_HEADS = frozenset(("قاعه", "قاعات", "صاله", "صالات", "غرفه", "غرف", "مكتب", "مكاتب", "موظف", "موظفي", "موظفه",
                        "موظفو", "مكان", "اماكن", "مركز", "مراكز", "معسكر", "معسكرات",
                        # schools and titles named after an act: مدارس التدريب، مجلة الدعوة، فيلم الاغتيال
                        "مدرسه", "مدارس", "معهد", "معاهد", "كليه", "اكاديميه", "مجله", "صحيفه", "جريده", "كتاب",
                        "فيلم", "روايه", "مسلسل", "مسرحيه",
                        # launchers: منصات إطلاق الصواريخ
                        "منصه", "منصات",
                        # منشأة الاعتقال "the detention facility"
                        "منشاه", "منشات",
                        # committees named after their task: لجنة الإغاثة، لجنة التحقيق، لجان المساعدات
                        "لجنه", "لجان"))
HOSPITALITY_CAMEOS = frozenset(("040", "042", "043"))
EXCHANGE_NEXT = frozenset(("اي", "مبلغ", "مبالغ", "ما"))
CURRENCIES = frozenset(("دولار", "ريال", "يورو", "جنيه", "دينار", "درهم", "ليره", "دولارا", "ريالا"))
HOSPITALITY_REACH = 4


def _facility(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """قاعة الاجتماعات، صالة الاستقبال، مركز الاعتقال، مكتب تحقيقات الطيران: a room, a facility or a
    title named after an act (definite, or the head of a definite genitive), any type."""
    if m.first == 0 or breaks[m.first] or m.pattern.form != "noun" \
            or not any(stem in ROOM_HEADS for _, stem in proclitic_splits(texts[m.first - 1])):
        return False   # also with ل or ب: لمكتب التحقيقات، بقاعة الاجتماعات
    if "ال" in m.prefix:
        return True
    if m.prefix or m.suffix:
        return False
    # the head of a definite genitive, or of a chain that ends in one (مكتب تحقيقات حوادث الطيران)
    for j in (m.last + 1, m.last + 2):
        if j >= len(texts) or breaks[j]:
            return False
        if texts[j].startswith("ال"):
            return True
    return False


def _hospitality(h: TriggerHit, texts: list[str], breaks: list[bool]) -> bool:
    e = h.entry
    m = h.match
    if e.type != "CONSULT" or e.cameo not in HOSPITALITY_CAMEOS or e.requires:
        return False
    if e.cameo == "040":
        # مكافأة قدرها 7 ملايين دولار لقاء أي معلومات: لقاء "in exchange for"
        return m.pattern.words[0] == "لقاء" and not m.prefix and not m.suffix and (
            (texts[m.last + 1] if m.last + 1 < len(texts) else "") in EXCHANGE_NEXT
            or (texts[m.first - 1] if m.first > 0 else "") in CURRENCIES)
    after = []
    for j in range(m.last + 1, min(len(texts), m.last + 1 + HOSPITALITY_REACH)):
        if breaks[j]:
            break
        after.append(texts[j])
    before = texts[m.first - 1] if m.first > 0 and not breaks[m.first] else ""
    if not PUBLIC_GUESTS.isdisjoint(after) or not HOSTED_EVENTS.isdisjoint(after) \
            or after and after[0] in RECEIVED_THINGS \
            or not PUBLIC_HOSTS.isdisjoint(after[:1]) or without_conjunction(before) in PUBLIC_HOSTS \
            or any(stem in HOSTED_EVENTS for w in after for prefix, stem, suffix in readings(w)
                   if not prefix and suffix in ("ه", "ها")):
        return True   # زار معرضها: a hosted event with its possessor
    return any(w.startswith(VISITOR_SUBJECTS) for w in after)


# Deaths, wounds and destruction a flood, a storm, an earthquake, a road accident or an animal caused
# are no attack (الفيضانات تتسبب في مقتل 27 شخصا، أسفر الإعصار عن مقتل ستة، أدت الأمطار إلى تدمير الطرق). Not
# fire (a fire may be set: حريق أضرمه مستوطنون) nor سيول (also Seoul).
NATURAL_CAUSES = frozenset(("فيضان", "فيضانات", "الفيضانات", "زلزال", "الزلزال", "اعصار", "الاعصار", "عاصفه",
                            "العاصفه", "امطار", "الامطار", "تصادم", "انهيارات", "الانهيارات", "الجفاف",
                            # animals (صارع سمكة قرش بعدما هاجمته، هاجم قرد أحد المنتزهات، هجمات الدببة)
                            "قرش", "القرش", "قرد", "القرد", "دب", "الدب", "دببه", "الدببه", "ذءب", "الذءب", "ذءاب",
                            "الذءاب", "تمساح", "التمساح", "ثعبان", "الثعبان", "افعي", "الافعي"))
_NATURAL_FORMS = with_proclitics(NATURAL_CAUSES, ("", "و", "ب", "وب", "ل"))
NATURAL_REACH = 10


# ضربة شمس، ضربات الشمس: sunstroke (تعرض بعضهم إلى ضربات الشمس)
SUNSTROKES = with_proclitics(("ضربه", "ضربات"), ("", "و", "ب", "ل"))


def _natural_cause(m: Match, texts: list[str]) -> bool:
    lo, hi = max(0, m.first - NATURAL_REACH), min(len(texts), m.last + 1 + NATURAL_REACH)
    return not _NATURAL_FORMS.isdisjoint(texts[lo:m.first]) or not _NATURAL_FORMS.isdisjoint(texts[m.last + 1:hi]) \
        or any(texts[i] in ("الشمس", "شمس") and texts[i - 1] in SUNSTROKES for i in range(max(1, m.first), hi))


# A device defused, dismantled, found or seized (أبطل الخبراء مفعول عبوة ناسفة، تفكيك سيارة مفخخة، العثور
# على حزام ناسف، ضبط متفجرات) went off nowhere: no attack.
DEFUSED = with_proclitics(("مفعول", "تفكيك", "فكك", "فككت", "ابطال", "العثور", "عثر", "عثرت", "ضبط", "ضبطت"),
                          ("", "و", "ب"))
DEFUSED_REACH = 3


def _defused(m: Match, texts: list[str]) -> bool:
    return not DEFUSED.isdisjoint(texts[max(0, m.first - DEFUSED_REACH):m.first])


def _sports(texts: list[str]) -> bool:
    """Whether a word of the sentence is a sports word (SPORTS_WORDS) with its proclitics, or a
    game is named (نجم كرة القدم، كرة المضرب: كرة alone is also كُره "hatred" once normalized)."""
    if not _SPORTS_FORMS.isdisjoint(texts):
        return True
    # (not لكرة القدم: a federation's name, in news of its courts and elections too)
    return not BALL_GAMES.isdisjoint(texts) and any(
        w in BALL_WORDS and texts[i + 1] in BALL_GAMES for i, w in enumerate(texts[:-1]))


def _sports_sense(h: TriggerHit) -> bool:
    words = h.match.pattern.words
    return h.entry.type in SPORTS_TYPES or (h.entry.type == "ASSAULT" and words[0].startswith(SPORTS_PLAYS)) \
        or (h.entry.type == "PROTEST" and len(words) == 1 and h.match.pattern.form != "noun"
            and words[0].startswith(FAN_VERBS))


# Nouns with a second, non-event sense that their neighbours give away:
# - مسيرة is also a course or a career (_course);
# - الطلب is also market demand: الطلب على النفط، ارتفاع الطلب، العرض والطلب، الطلب المحلي;
# - المساندة after a definite noun is the adjective "supporting": الخدمات المساندة، المعدات المساندة.
MARKET_HEADS = frozenset(("العرض", "ارتفاع", "انخفاض", "تراجع", "زياده", "ضعف", "نمو", "تضرر", "حجم", "تباطء"))
MARKET_NEXT = frozenset(("المحلي", "العالمي", "الخارجي", "الاستهلاكي",
                         # الطلب سيزيد، ارتفع الطلب: demand that rises or falls
                         "سيزيد", "يزيد", "زاد", "ارتفع", "يرتفع", "سيرتفع", "تراجع", "يتراجع", "انخفض", "ينخفض"))
# Active participles that, right after a definite noun, are its adjective ("the ... that supports,
# rejects, demands"): الأصوات المتشددة المطالبة بالمواجهة، الدول الرافضة للحوار describe a stance, they
# report no act. (A masdar after a definite noun is no idafa either: المطالبة there is the participle.)
ADJECTIVE_NOUNS = frozenset(("مسانده", "مطالبه", "رافض", "رافضه", "رافضين", "رافضون"))
# دعا الله أن يحفظ …، دعا له بالشفاء: a prayer, not a call on anyone (REQUEST). The verbs of the
# دعا entries, the names of God they take, and the blessings asked for someone (دعا لهم بالمغفرة).
PRAYER_VERBS = frozenset(("دعا", "دعت", "دعوا", "دعتا", "دعيا", "يدعو", "تدعو", "يدعون", "يدعوان", "تدعوان"))
PRAYED_TO = frozenset(("الله", "لله", "ربه", "ربها", "ربهم", "المولي", "الباري", "الخالق", "اللهم"))
# names of God that are no part of a person's or a party's name (حزب الله، عبد الله): enough anywhere
# within reach (ودعا فضيلته المولى القدير أن …)
GOD_ONLY = PRAYED_TO - {"الله", "لله"}
BLESSINGS = ("بالخير", "بالمغفره", "بالرحمه", "بالشفاء", "بالتوفيق", "بالنصر", "بالسداد", "بالصحه", "بالعافيه", "بطول",
             "بدوام", "بالثبات", "بالفرج", "بالهدايه", "بالبركه")
# After a subject (ودعا الوزير الله أن يحفظ …) the name of God must be followed by أن or a praise
# (سبحانه، عز وجل، تعالى): حزب الله، عبد الله، نصر الله are names (دعا حزب الله إلى …).
PRAISE_NEXT = frozenset(("ان", "سبحانه", "عز", "تعالي", "جل"))
PRAYER_REACH = 6   # words after the verb where the name of God is looked for (دعا سموه في اتصال هاتفي المولى)


def _other_sense(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """Whether the neighbours of a trigger give it another sense: the rules of its first word
    (SENSE_RULES) or of the heads it begins with (PREFIX_SENSE_RULES), the facility and institution
    names any noun may be part of, market demand and adjectives."""
    w = m.pattern.words[0]
    if any(rule(m, texts, breaks) for rule in SENSE_RULES.get(w, ())) \
            or any(w.startswith(heads) and rule(m, texts, breaks) for heads, rule in PREFIX_SENSE_RULES) \
            or _facility(m, texts, breaks) or _institution(m, texts, breaks):
        return True
    if m.pattern.form not in ("noun", "fixed") or "ال" not in m.prefix or m.first != m.last:
        return False
    prev = without_conjunction(texts[m.first - 1]) if m.first > 0 else ""
    if w == "طلب":
        nxt = texts[m.first + 1] if m.first + 1 < len(texts) else ""
        return nxt.startswith("علي") or nxt in MARKET_NEXT or prev in MARKET_HEADS
    if w in ADJECTIVE_NOUNS:
        # right after its noun (or another adjective: الجهات المشاركة والمساندة), not after a comma
        # (المستمرة، والمطالبة بإدراج …: a second object, the demand)
        return not breaks[m.first] and prev.startswith(("ال", "لل", "بال")) and len(prev) > 4
    return False


# يدّعون أن …: "they claim that", which normalization writes like يدعون "they call"; الدعوة والإرشاد is
# religious outreach (a ministry's or an office's name), no call on anyone
CLAIM_NEXT = frozenset(("ان", "بان", "انه", "بانه", "انها", "بانها", "انهم", "بانهم"))


def _claim_or_outreach(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    w = m.pattern.words[0]
    nxt = texts[m.last + 1] if m.last + 1 < len(texts) else ""
    if w in ("يدعون", "تدعون") and not m.suffix:
        return nxt in CLAIM_NEXT
    return w == "دعوه" and not m.suffix and nxt == "والارشاد"


def _prayer(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """دعا الله أن …، ودعا الوزير الله …، دعوا لهم بالمغفرة: a prayer (PRAYER_VERBS)."""
    if m.pattern.words[0] not in PRAYER_VERBS or m.suffix or m.first != m.last:
        return False
    after = texts[m.last + 1:m.last + 2 + PRAYER_REACH]   # one more: the word after the last
    for j, w in enumerate(after[:PRAYER_REACH]):
        if w in GOD_ONLY or w in PRAYED_TO and (j == 0 or j + 1 < len(after) and after[j + 1] in PRAISE_NEXT):
            return True
    # a blessing asked for someone, named or not (دعا لهم بالمغفرة، دعا آخرون للأم بالرحمة)
    return any(w.startswith(BLESSINGS) for w in after)


# فرّج الله كربه، أن يفرج كرب الأخ: relieving distress, a prayer (فرّج normalizes like أفرج "released")
DISTRESS = ("كرب", "الكرب", "همه", "همهم", "همومه", "غمه", "ضيق")


def _relief(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    return any(w.startswith(DISTRESS) for w in texts[m.last + 1:m.last + 3])


# استشهد بقول الشاعر، الاستشهاد بالآيات: "cited", not "was martyred" (استشهد برصاص قناص stays)
CITED = ("بقول", "بايه", "بايات", "بالايه", "بالايات", "بحديث", "بالحديث", "بمثل", "بالمثل", "بكلام", "بما", "بنص",
         "بالنص", "ببيت", "بابيات", "بشعر", "بالشعر", "بمقول", "بعبار", "بتصريح", "بتجرب", "بمقطع", "بكتاب", "بدراس",
         "بالقران", "باقوال", "بالاقوال", "باراء", "بالارقام", "بارقام", "بالتاريخ", "بمواقف", "بامثل", "بالامثل",
         "براي", "بالراي", "بمقال", "بقصه", "بقصيد", "بشهاد", "بمثال", "بالمثال")


def _citing(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """The saying cited right after the verb or after its subject (استشهد الكاتب بقول الشاعر)."""
    for j in range(m.last + 1, min(len(texts), m.last + 4)):
        if breaks[j]:
            return False
        if texts[j].startswith(CITED):
            return True
    return False


# قدمتهم النيابة للمحاكمة "brought to trial", قدم استقالته "resigned", تقدم للحصول على "applied for",
# قدم شكره، قدم طلبا: presented something, no aid given (the aid words of events.tsv may stand further on)
PRESENTED = ("للمحاكم", "للقضاء", "للعدال", "للحصول", "استقال", "اعتذار", "شكر", "طلب", "بطلب", "شكوي", "بشكوي")


def _presented(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return m.ref.type == "AID" and j < len(texts) and not breaks[j] and texts[j].startswith(PRESENTED)


SUCCESSION_PREPS = with_proclitics(("مع", "في", "بعد", "رغم", "عبر", "خلال"))   # ومع تعاقب، وفي


def _succession(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """مع تعاقب العمليات، بتعاقب الحكومات: the noun "succession" after a preposition, not تعاقب "she
    punishes"."""
    if m.pattern.words[0] != "تعاقب" or m.suffix:
        return False
    return "ب" in m.prefix or "ل" in m.prefix or m.first > 0 and texts[m.first - 1] in SUCCESSION_PREPS


def _preaching(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """الدعوة إلى الله، يدعون إلى الله على بصيرة: preaching the faith, no call on anyone."""
    j = m.last + 1
    return m.ref.type == "REQUEST" and j + 1 < len(texts) and texts[j] == "الي" and texts[j + 1] == "الله"


# بارك "congratulated" is also a blessing asked of God (بارك الله فيكم، وبارك في جهودكم، وصلى الله وسلم
# وبارك على سيدنا محمد) and the transcription of Barack, Park and Park Geun-hye (بارك أوباما، كوينز بارك،
# 40 بارك ستريت، الرئيسة بارك).
BLESS_VERBS = frozenset(("بارك", "يبارك", "باركت", "تبارك"))
BLESS_NEXT = frozenset(("الله", "في", "فيكم", "فيك", "فيه", "فيها", "فيهم", "علي", "عليه", "اوباما", "ستريت", "افنيو",
                        "الذي"))   # تبارك الذي بيده الملك: the Quran
PARK_BEFORE = frozenset(("الرءيسه", "كوينز", "يوروبا", "هايد", "سنترال", "ديزني", "جوراسيك", "سيتي"))


# يدعو للقلق، تدعو إلى التفاؤل، ما يدعو للشك: "gives cause for" a feeling, no call on anyone.
FEELINGS = frozenset(("شك", "قلق", "تفاءل", "استغراب", "دهشه", "ارتياح", "فخر", "اعتزاز", "حزن", "اسف", "سخريه",
                      "تساءل", "تامل", "حيره", "ريبه", "خوف", "اطمءنان", "استياء", "عجب", "تعجب", "ياس", "احباط"))


def _cause_for(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.pattern.words[0] not in PRAYER_VERBS or m.first != m.last or m.suffix not in ("", "نا"):
        return False
    after = texts[m.last + 1:m.last + 3]
    if not after:
        return False
    w = after[0]
    if w.startswith("لل"):
        return w[2:] in FEELINGS
    return w == "الي" and len(after) > 1 and after[1].startswith("ال") and after[1][2:] in FEELINGS


# عريضة "petition" is also the adjective "wide, broad" after the nouns it qualifies
# (شريحة عريضة من الجمهور، آمالا عريضة، بعدسات عريضة الزاوية، الخطوط العريضة).
BROAD_HEADS = frozenset(("شريحه", "شراءح", "امال", "امالا", "الامال", "عدسات", "خطوط", "الخطوط", "اوراق", "اوراقها",
                         "منشتات", "ابتسامه", "فءه", "فءات", "قاعده", "مساحه", "مساحات", "اكتاف", "جماهير", "عناوين"))


def _broad(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.pattern.words[0] != "عريضه" or m.suffix:
        return False
    prev = texts[m.first - 1] if m.first > 0 else ""
    nxt = texts[m.last + 1] if m.last + 1 < len(texts) else ""
    prev = prev[1:] if prev[:1] in ("ل", "ب") and prev[1:] in BROAD_HEADS else prev
    return without_conjunction(prev) in BROAD_HEADS or nxt == "الزاويه"


# تعبئة is mobilization, and also filling (تعبئة الغاز، تعبئة النموذج، تعبئة الحقول، تعبئة الفراغات), the
# mobilizing of money (تعبئة المدخرات، تعبئة الموارد) and Egypt's statistics agency (الجهاز المركزي
# للتعبئة العامة والإحصاء).
FILLED = ("الغاز", "غاز", "الوقود", "وقود", "البنزين", "المياه", "الاسطوان", "اسطوان", "الخزان", "الزيت", "الرصيد",
          "الاستمار", "استمار", "النموذج", "نموذج", "نماذج", "الحقول", "حقول", "البيانات", "بيانات", "الفراغات",
          "الهواء", "الاطارات", "مدخرات", "المدخرات", "موارد", "الموارد", "اموال", "الاموال", "الطلب", "طلبات")


def _filling(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if not m.pattern.words[0].startswith("تعبء"):
        return False
    after = texts[m.last + 1:m.last + 4]
    if after and after[0] in ("كافه", "جميع", "كل", "بعض"):
        after = after[1:]   # تعبئة كافة الحقول
    return bool(after) and (after[0].startswith(FILLED) or "والاحصاء" in after[:2] or after[0] == "والتغليف")


# أصاب/يصيب "hit, wounded" is violence only among words of violence (قتل خمسة جنود وأصاب متطوعا، شظايا
# القصف أصابت المتجمهرين، أطلق النار عليه وأصابه); elsewhere something befalls someone or hits its mark
# (مرض يصيب العضلات، أصاب كبد الحقيقة، أصابه الدمار، أي تعثر يصيب أحدهما، يصيب عصافير عدة بحجر).
STRIKE_VERBS = ("اصاب", "يصيب", "تصيب", "يصيبون", "نصيب")
VIOLENCE_HEADS = ("قتل", "قتيل", "مقتل", "رصاص", "قذيف", "قذاءف", "شظاي", "غاره", "غارات", "الغار", "صاروخ",
                  "صواريخ", "حجار", "طلق", "قصف", "ضرب", "هجوم", "هاجم", "انفجار", "عبوه", "قناص", "مسلح",
                  "سلاح", "طعن", "دهس", "رشق", "اعتداء", "اعتدت", "اعتدوا", "جروح", "جراح")
STRIKE_REACH = 25


def _afflicts(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.pattern.form not in ("past", "present"):
        return False   # the noun إصابة has its own companions (events.tsv)
    lo, hi = max(0, m.first - STRIKE_REACH), min(len(texts), m.last + 1 + STRIKE_REACH)
    for j in range(lo, hi):
        if m.first <= j <= m.last:
            continue
        w = texts[j]
        if w in ("النار", "والنار"):
            return False   # أطلق النار
        for prefix, stem in proclitic_splits(w):
            if stem.startswith(VIOLENCE_HEADS) or stem[:2] == "ال" and stem[2:].startswith(VIOLENCE_HEADS):
                return False
    return True


def _anonymity(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """المسؤول الذي طلب عدم ذكر اسمه، مصادر طلبت عدم كشف هوياتها: a source asking not to be named
    (DISCLOSE) makes no request of anyone."""
    j = m.last + 1
    return j + 1 < len(texts) and texts[j] == "عدم" and texts[j + 1] in DISCLOSE


# قطع شوطا طويلا "went a long way", قطع مسافة "covered a distance": no road blocked; قطع طرق الإمداد
# cuts an army's supply lines, no protest.
DISTANCE_WORDS = ("شوط", "اشواط", "مسافه", "مسافات", "الشوط", "المسافه")
SUPPLY_WORDS = ("الامداد", "امداد", "خطوط")


def _distance(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    if j >= len(texts) or breaks[j]:
        return False
    if texts[j].startswith(DISTANCE_WORDS):
        return True
    return m.ref.type == "PROTEST" and any(w.startswith(SUPPLY_WORDS) for w in texts[j + 1:j + 3])


# خطف الفوز، خطف الأضواء، تخطف نجومية، يخطفنا الموت: a win, the spotlight or a life snatched, no
# one kidnapped (what a kidnapping takes is people: خطف الصحفيين، خطف عدد من).
SNATCHED = frozenset(("الفوز", "فوز", "النصر", "التعادل", "تعادل", "الاضواء", "الانظار", "الالباب", "القلوب",
                      "المركز", "مركز", "مكانه", "نجوميه", "اللقب", "لقب", "الصداره", "البطاقه", "بطاقه",
                      "النقاط", "نقطه", "الميداليه", "ميداليه", "الذهبيه", "الموت", "الحياه", "الدين",
                      "الاعجاب", "الكاس", "كاس", "هدف", "الهدف"))


def _snatch(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return j < len(texts) and not breaks[j] and texts[j] in SNATCHED


# علم الاجتماع "sociology" (أستاذ علم الاجتماع، علماء الاجتماع) and الاجتماع among the other disciplines
# (حوليات التاريخ والاقتصاد والاجتماع): a science, no meeting.
SCIENCE_HEADS = with_proclitics(("علم", "علماء", "عالم"), ("", "و", "ل", "ب"))
DISCIPLINES = frozenset(("الاقتصاد", "التاريخ", "السياسه", "الفلسفه", "الانثروبولوجيا", "النفس", "الاداب"))


def _sociology(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.prefix not in ("ال", "وال") or m.suffix or m.first == 0:
        return False
    prev = texts[m.first - 1]
    return prev in SCIENCE_HEADS or m.prefix == "وال" and prev in DISCIPLINES


# وزارته، وزارتها "his, her ministry", which the matcher also reads و + زارت + ه "and she visited him"
MINISTRY_FORMS = frozenset(("وزارته", "وزارتها", "وزارتهم", "وزارتنا", "وزارتي", "وزارتك", "وزارتكم", "وزارتهما"))


def _ministry(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    return m.first == m.last and texts[m.first] in MINISTRY_FORMS


# اغتصاب السلطة، اغتصب الحكم، تغتصب الأرض: power, land or rights usurped, no one raped
USURPED = frozenset(("السلطه", "سلطه", "الحكم", "الشرعيه", "الارض", "الاراضي", "اراضي", "الحقوق", "حقوق", "الحق",
                     "حق", "القرار", "المنصب", "الحريه", "الوطن", "الثروه", "الممتلكات", "العرش"))


def _usurped(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return j < len(texts) and not breaks[j] and texts[j] in USURPED


# رفع مستوى الوعي، رفع كفاءة الأداء، ترفع نسبة النمو: a level raised, no ban lifted (the companion
# word of the ban, رقابة، قيود, can stand further on: رفع مستوى الإصحاح البيئي من خلال تكثيف الرقابة)
RAISED = frozenset(("مستوي", "مستويات", "نسبه", "سعر", "اسعار", "معدل", "معدلات", "كفاءه", "قيمه", "جوده", "درجه",
                    "وعي", "الوعي", "سقف", "حجم", "عدد", "قدره", "قدرات", "مكانه", "اداء", "الاداء", "انتاج",
                    "انتاجيه", "حصه", "رصيد", "التقرير", "تقرير", "تقارير"))


def _raised(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """The object raised right after the verb, or after a one-word subject (رفعت البلدية مستوى)."""
    j = m.last + 1
    return m.pattern.form != "noun" and any(k < len(texts) and not any(breaks[j:k + 1]) and texts[k] in RAISED
                                            for k in (j, j + 1))


# تظاهرة ثقافية، تظاهرة أيام قرطاج السينمائية: in Maghrebi usage an event or a festival, no demonstration
FESTIVAL_NEXT = frozenset(("ثقافيه", "فنيه", "سينماءيه", "رياضيه", "ادبيه", "علميه", "اقتصاديه", "سياحيه",
                           "تجاريه", "موسيقيه", "مسرحيه", "ايام", "الثقافيه", "الفنيه", "السينماءيه", "الرياضيه"))


def _festival(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return m.pattern.form == "noun" and j < len(texts) and not breaks[j] and texts[j] in FESTIVAL_NEXT


def _hands(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """أيدٍ مصرية، أيدٍ عاملة "hands", not أيّد "supported": an indefinite adjective in ة follows (an
    object of the verb with the article, أيد السعودية، stays)."""
    j = m.last + 1
    if m.suffix or m.prefix not in ("", "و", "ب", "وب") or j >= len(texts) or breaks[j]:
        return False
    w = texts[j]
    return w[:1] not in "لبكفو" and not w.startswith("ال") and len(w) > 3 and w.endswith(("يه", "له", "ره", "فه", "نه"))


# فجّر الأزمة، فجروا الزوبعة، تفجرت الخلافات، يفجر مفاجأة: "sparked" or "broke out" said of an
# abstract thing (its object or subject right after), not a bombing
SPARKED = frozenset(("ازمه", "زوبعه", "خلاف", "خلافات", "جدل", "مفاجاه", "مفاجات", "غضب", "قضيه", "فضيحه", "طاقات",
                     "موجه", "صراع", "ثوره", "انتفاضه", "مشكله", "وضع", "اوضاع", "موقف", "نقاش", "ملف", "ينابيع",
                     "مواهب"))   # read through _plain: the article and a conjunction before it are dropped
# عذب الحديث، عذب الصوت: the adjective "sweet (of)"; ماء عذب: "fresh" water
SWEET_OF = frozenset(("الحديث", "الصوت", "الكلام", "اللسان", "المعشر", "الطباع", "الروح", "المذاق", "الطعم",
                      "اللحن", "الالحان", "العباره"))
FRESH_WATER = frozenset(("ماء", "مياه", "بحيره", "نهر", "ابار"))   # through _plain too
# غناء عذبا، صوت عذب، لحن عذب: the adjective after the noun it describes (with tanween too)
SWEET_NOUNS = FRESH_WATER | frozenset(("غناء", "صوت", "لحن", "الحان", "كلام", "شعر", "حديث", "نغم", "نغمات", "اغنيه",
                                       "اسلوب", "لغه"))
# عوامل تفجير إضافية: "factors of explosion", of a crisis; جرح كرامته، جرح مشاعر المسلمين: hurt feelings
EXPLOSIVE_FACTORS = frozenset(("عوامل", "عامل"))
HURT_FEELINGS = ("كرام", "مشاعر", "كبرياء", "شعور", "احاسيس")


# فجرت في مكتب الهيئة: ف + جرت "then took place", not فجّرت "blew up", which takes an object
TOOK_PLACE_NEXT = frozenset(("في", "خلال", "بين", "امس", "اليوم", "يوم", "بعد", "قبل", "عبر", "وسط"))
# تعذب نفسها من أجل موسيقاها: torment oneself; اعتداء على شؤونها الداخلية، على السيادة: an infringement
REFLEXIVES = frozenset(("نفسه", "نفسها", "انفسهم", "نفسي", "نفسك"))
INFRINGED = ("شءون", "سياده", "حقوق", "حق", "كرامه", "صلاحيات", "حريه", "حريات", "القانون", "الدستور", "قرار",
             "استقلال", "الشءون", "السياده", "الحقوق", "الكرامه", "الحريات", "المقدسات", "الثوابت")


def _took_place(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return m.first == m.last and not m.suffix and j < len(texts) and texts[j] in TOOK_PLACE_NEXT


def _self_torment(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return j < len(texts) and texts[j] in REFLEXIVES


def _infringement(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return j + 1 < len(texts) and without_conjunction(texts[j]) in ("علي", "عليه", "عليها") \
        and _plain(texts[j + 1]).startswith(INFRINGED)


def _sparked(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return not m.suffix and j < len(texts) and not breaks[j] and _plain(texts[j]) in SPARKED


def _sweet(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.prefix or m.suffix not in ("", "ا"):
        return False
    j = m.last + 1
    return (not m.suffix and j < len(texts) and not breaks[j] and texts[j] in SWEET_OF
            or m.first > 0 and not breaks[m.first] and _plain(texts[m.first - 1]) in SWEET_NOUNS)


def _figurative_blast(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    return m.first > 0 and not breaks[m.first] and not m.prefix and _plain(texts[m.first - 1]) in EXPLOSIVE_FACTORS


def _hurt_feelings(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    j = m.last + 1
    return j < len(texts) and not breaks[j] and _plain(texts[j]).startswith(HURT_FEELINGS)


def _club_colours(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """دافع عن ألوان فيورنتينا: played for a club, no one defended."""
    return m.last + 2 < len(texts) and texts[m.last + 1] == "عن" and texts[m.last + 2] in ("الوان", "شعار", "قميص")


# شكره على حسن الاستقبال، كرم الضيافة: the hospitality thanked for, no meeting reported
HOSPITALITY_HEADS = with_proclitics(("حسن", "كرم", "حفاوه"), ("", "و", "ل", "ب"))


def _kind_welcome(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    return m.first > 0 and texts[m.first - 1] in HOSPITALITY_HEADS and "ال" in m.prefix


def _challenge(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """التحدي، تحديا، تحديان: the noun "challenge", which normalization merges with تحدّى "defied"
    (ى → ي); the article or a noun ending tells it (a bare تحدي stays ambiguous)."""
    return m.pattern.words[0] == "تحدي" and ("ال" in m.prefix or m.suffix in NOMINAL_ENDINGS)


# رافضا الكشف عن اسمه: a source who asks not to be named reports no refusal; تحمل مسؤولية with no
# object between is bearing it, not blaming; عارض is also a
# noun or adjective, "symptom, incidental" (أي عارض صحي، بطلب عارض، تباطؤ عارض وعابر), and عارضا عليه
# is "presenting to him".
UNNAMED = frozenset(("اسمه", "اسمها", "اسمهم", "هويته", "هويتها", "هويتهم"))
DISCLOSE = frozenset(("الكشف", "كشف", "ذكر", "الافصاح", "نشر", "الاعلان"))
COMMENTING = frozenset(("التعليق", "تعليق", "الادلاء", "بالتعليق"))
REFUSED_REACH = 6


def _other_refusal(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    w = m.pattern.words[0]
    if w.startswith(("حمل", "يحمل", "تحمل")) and not m.suffix and m.last + 1 < len(texts) \
            and texts[m.last + 1].startswith(("مسءوليه", "المسءوليه")):
        return True   # تحمّل المسؤولية "bear the responsibility"; حمّلهم المسؤولية (with its object) blames
    after = texts[m.last + 1:m.last + 4]
    if w.startswith(("رفض", "رافض")):
        # its subject and a time word may come first: رفض الشاهد الكشف عن اسمه، رفضت الخارجية
        # الألمانية أمس التعليق (declining comment, CAMEO 011, is no rejection)
        clause = []
        for j in range(m.last + 1, min(len(texts), m.last + 1 + REFUSED_REACH)):
            if breaks[j]:
                break
            clause.append(texts[j])
        if not COMMENTING.isdisjoint(clause):
            return True
        k = next((i for i, x in enumerate(clause) if x in DISCLOSE), None)
        return k is not None and any(x in UNNAMED for x in clause[k + 1:k + 4])
    if w == "عارض" and not m.prefix:
        prev = texts[m.first - 1] if m.first > 0 else ""
        nxt = after[0] if after else ""
        return prev in ("اي", "طلب", "بطلب", "تباطء", "مرض") or nxt in ("صحي", "وعابر", "عابر") \
            or (m.suffix == "ا" and nxt == "عليه")
    return False


# مركز الملك عبدالعزيز للحوار الوطني، اللجنة العليا للإغاثة، المكتب التعاوني للدعوة والإرشاد: لل + an
# event noun within a few words after the head of an institution names the institution (a call on an
# institution, دعت منظمة العفو للإفراج, is left: منظمة and مجلس are not listed). With ل alone the noun
# is a purpose (شكلت لجنة لتقصي الحقائق), read elsewhere.
INSTITUTION_HEADS = frozenset(("مركز", "معهد", "مءسسه", "جمعيه", "هيءه", "لجنه", "جاءزه", "برنامج", "كرسي",
                               "صندوق", "منتدي", "ملتقي", "مكتب", "اكاديميه", "كليه", "وحده", "اداره", "مجمع"))
INSTITUTION_REACH = 4


def _institution(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if not m.prefix.endswith("لل") or m.pattern.form not in ("noun", "fixed"):
        return False
    for j in range(m.first - 1, max(-1, m.first - 1 - INSTITUTION_REACH), -1):
        if breaks[j + 1]:
            return False
        if any(rest in INSTITUTION_HEADS for _, rest in proclitic_splits(texts[j])):
            return True
    return False


COMMENT_WORDS = frozenset(("علق", "يعلق", "تعلق", "علقت", "تعليق", "التعليق"))
COMMENT_REACH = 5


def _comment(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """علق الوزير على المفاوضات، في تعليق على الحكم: commented on, not suspended."""
    if m.pattern.words[0] not in COMMENT_WORDS:
        return False
    for j in range(m.last + 1, min(len(texts), m.last + 1 + COMMENT_REACH)):
        if breaks[j]:
            return False
        if texts[j] in ("علي", "عليه", "عليها", "عليهم"):
            return True
    return False


# تهدد السلام والأمن، مشكلة تهدد بيئتهم، مشاريع تهدد مواردها المائية: "endanger", said of a thing or a
# trend; a threat (THREATEN) is made by an actor, with ب (هدد بقتل) or an addressee (هدده).
THREAT_VERBS = ("يهدد", "تهدد", "هدد", "هددت")
ENDANGERED = frozenset((
    "السلام", "سلام", "الامن", "امن", "الاستقرار", "استقرار", "حياه", "الحياه", "مستقبل", "سلامه", "بقاء", "وحده",
    "تماسك", "مصالح", "المصالح", "الاقتصاد", "اقتصاد", "البيءه", "بيءه", "صحه", "الصحه", "مصير", "موارد", "الموارد",
    "حقوق", "الحقوق", "وجود", "النسيج", "السلم", "الوحده", "العالم", "المنطقه", "ملايين", "الاف", "الملايين",
))


# A threat is made with what is threatened, after ب (هدد بقتل الرهائن، هددوا باحتجاجات، تهديد بالقتل، هدد
# الحوثيون بـ), or to someone (هدده، هددهم). Without either, هدد/تهديد is "endanger", "a danger": يهدد
# الأمن العالمي، الإرهاب يهدد الجميع، يشكل تهديدا للتقليد البرلماني، وجود تهديد إرهابي.
NOT_THREATENED = frozenset(("بعد", "بين", "بعض", "بشكل", "بسبب", "بكل", "بلاد", "بلد", "بدء", "بيان", "بينما", "بها",
                            "به", "بهم", "بدوره", "بدورها", "بصوره", "بالغ", "بالغا", "بالغه"))
# words after the verb (its subject, set off by a comma, may come first: هدد قيادي في الجمعية، باللجوء
# للقضاء) and after the noun
THREAT_REACH = {"verb": 9, "noun": 4}
THREATENED_PRONOUNS = frozenset(("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ني"))
THREAT_HEADS = ("هدد", "يهدد", "تهدد", "نهدد", "تهديد")


def _no_threat_made(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    e = m.ref
    if e.type != "THREATEN" or e.requires or m.suffix in THREATENED_PRONOUNS:
        return False   # هدده، هددهن: threatened someone
    verb = m.pattern.form != "noun"
    if verb and m.last + 1 < len(texts) and texts[m.last + 1] == "اي":
        return False   # لا تهدد أي دولة: any state threatened (in denials)
    for j in range(m.last + 1, min(len(texts), m.last + 1 + THREAT_REACH["verb" if verb else "noun"])):
        w = texts[j]
        threatened = w[:1] == "ب" and (len(w) > 2 or w == "ب") and w not in NOT_THREATENED \
            or w in ("ان", "بان", "بانه", "بانها")
        if breaks[j]:
            # past a comma only the ب-phrase right after it (the subject set off before it)
            return not (verb and threatened)
        if threatened:
            return False
    return True


def _endangers(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.pattern.words[0] not in THREAT_VERBS or m.suffix or m.last + 1 >= len(texts):
        return False
    # the object with or without the article and a pronoun (تماسكها، بيئتهم)
    return any(stem in ENDANGERED for prefix, stem, suffix in readings(texts[m.last + 1])
               if prefix in ("", "ال") and suffix in ("", "ه", "ها", "هم", "هما"))


# لقمة العيش "a living", لقمة سائغة "easy prey": the word لقمة "a morsel", not ل + قمة "a summit"
MORSEL_NEXT = ("عيش", "العيش", "ساءغ")


def _morsel(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.prefix not in ("ل", "ول", "فل") or m.suffix or m.last + 1 >= len(texts) or breaks[m.last + 1]:
        return False
    return texts[m.last + 1].startswith(MORSEL_NEXT)


def _open_heart(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """أجاب بصدر رحب "with an open heart": the adjective "wide", nobody welcomed."""
    return not m.prefix and m.first > 0 and texts[m.first - 1] in ("بصدر", "صدر", "وبصدر")


def _spacious(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """مجالا رحبا، صدرا رحبا: the adjective "wide" agreeing with an indefinite accusative noun, not
    رحبا "the two welcomed" (after a subject: الطرفان رحبا، كلاهما رحبا)."""
    if m.pattern.words[0] != "رحبا" or m.prefix or m.first == 0:
        return False
    prev = texts[m.first - 1]
    return prev.endswith("ا") and not prev.endswith(("هما", "كلا")) and not prev.startswith("ال") and len(prev) > 2


# استعداد "readiness" is an offer after a verb of expression (أبدى استعداده، أكد استعداد لبنان
# لاستضافة الحوار); after these words it is preparation or its extent (في الاستعداد لاستقبال
# الحجاج، أثناء استعدادهم، حالة الاستعداد العسكري، مدى استعدادها)
PREPARATION_BEFORE = with_proclitics(("في", "اثناء", "خلال", "حاله", "مدي", "اطار", "ضمن", "قبل", "بعد", "عند"))


def _preparation(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """استعدادا لاستقبال الحجاج (in preparation for), للاستعداد الكامل, or after PREPARATION_BEFORE."""
    if m.suffix == "ا" or "ل" in m.prefix:
        return True
    return m.first > 0 and not m.prefix.startswith("و") and texts[m.first - 1] in PREPARATION_BEFORE


# وعدّ "and considered" is written as وعد "promised": a demonstrative object soon after it (وعد
# الزياني هذه التصريحات استفزازية، وعد ذلك مؤشرا) before any ب or أن of a promise tells it
DEMONSTRATIVE_OBJECTS = frozenset(("هذه", "هذا", "ذلك", "تلك", "هذين", "هاتين", "هءلاء"))
DEMONSTRATED_TIMES = frozenset(("المره", "الفتره", "الايام", "الاثناء", "السنه", "العام", "الاسبوع", "الليله"))
CONSIDERED_REACH = 7


def _considered(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """وعد الأمين العام في بيان له هذه الجريمة بشعة: و + عدّ "considered", not "promised" (also
    after a comma closing the subject's words: وعد العربي في بيان له أمس، هذه الجريمة)."""
    if m.prefix or m.suffix or m.first != m.last:
        return False
    for j in range(m.last + 1, min(len(texts), m.last + 1 + CONSIDERED_REACH)):
        w = texts[j]
        if w in DEMONSTRATIVE_OBJECTS:
            # not a time (وعد الوزير، هذه المرة، بتحسين الخدمات)
            return j + 1 >= len(texts) or texts[j + 1] not in DEMONSTRATED_TIMES
        if breaks[j] or w in CLAIM_NEXT or w == "ب" or w.startswith("ب") and len(w) > 4 and w != "بيان":
            return False
    return False


def _comparative(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """إلى أبعد الحدود، بشكل أسرع وأبعد: the comparative "farther", not أبعد "deported"."""
    if m.pattern.words[0] != "ابعد" or m.suffix:
        return False
    if "ال" in m.prefix:
        return True   # الأبعد "the farthest": no verb takes the article
    prev = texts[m.first - 1] if m.first > 0 else ""
    nxt = texts[m.last + 1] if m.last + 1 < len(texts) and not breaks[m.last + 1] else ""
    # أبعد ما يكون عن، أبعد من، أبعد نقطة، قواعد أبعد، في مرحلة أبعد: farther, a comparative;
    # a verb has an object after it
    return prev == "الي" or m.prefix == "و" and len(prev) == 4 and prev[0] == "ا" \
        or nxt in ("", "ما", "من", "مما", "نقطه", "بكثير", "مكان") or prev in ("مرحله", "باتجاه", "قواعد")


def _not_congratulation(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.pattern.words[0] not in BLESS_VERBS or m.suffix or m.first != m.last:
        return False
    nxt = texts[m.last + 1] if m.last + 1 < len(texts) else ""
    prev = texts[m.first - 1] if m.first > 0 else ""
    return nxt in BLESS_NEXT or prev in PARK_BEFORE or prev[:1].isdigit()


def _course(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    """مسيرة السلام، مسيرته الفنية: a course or a career, not a march (see PROCESS_NOUNS)."""
    if m.pattern.form != "noun" or m.pattern.words[0] not in MARCH_WORDS:
        return False
    if m.suffix in ("ه", "ها"):
        return True
    nxt = texts[m.last + 1] if m.last + 1 < len(texts) and not breaks[m.last + 1] else ""
    if nxt in PROCESS_NOUNS or nxt.startswith("حيات"):
        return True   # (مسيرة حياته العملية: a life's course)
    # مسيرة الصحافة السعودية، مسيرة الفرسان، مسيرة الشعلة: in construct with a definite noun it is a
    # course, a parade or a relay; a march is named by its marchers or its cause
    return not m.prefix.endswith("ال") and not m.suffix and nxt.startswith("ال") and len(nxt) > 4 \
        and nxt not in MARCH_GENITIVES


# سحبت قطر سفيرها احتجاجا على التصريحات، تظاهر الآلاف احتجاجا على الغلاء: the accusative masdar
# after another event gives that event's reason; it is no event of its own. (Not after force: in
# مئات الطلاب يقتحمون الوزارة احتجاجا على the storming is how a protest took place.)
REASON_ADVERBS = frozenset(("احتجاجا", "تنديدا", "استنكارا"))
FORCE_TYPES = frozenset(("ASSAULT", "COERCE", "MOBILIZE"))


def _reason_adverbs(hits: list[TriggerHit]) -> list[TriggerHit]:
    out: list[TriggerHit] = []
    for h in hits:
        m = h.match
        if out and not m.prefix and m.first == m.last and m.pattern.words[0] + m.suffix in REASON_ADVERBS \
                and out[-1].entry.type not in FORCE_TYPES:
            continue
        out.append(h)
    return out


def _other_gatherings(hits: list[TriggerHit], texts: list[str], breaks: list[bool]) -> list[TriggerHit]:
    """Drop a verb of gathering whose clause gives it a purpose other than protest (احتشد المارة
    لمساعدة الجرحى): the first ل + verbal noun after it, within a few tokens."""
    return [h for h in hits if not (h.entry.type == "PROTEST" and h.match.pattern.form != "noun"
                                    and h.match.pattern.words[0].startswith(GATHER_VERBS)
                                    and (_other_purpose(h.match.last, texts, breaks)
                                         or _things_gather(h.match, texts, breaks)))]


def _things_gather(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if m.first > 0 and not breaks[m.first] and _plain(texts[m.first - 1]) in THINGS_GATHERED:
        return True
    for j in range(m.last + 1, min(len(texts), m.last + 1 + GATHERER_REACH)):
        if breaks[j]:
            return False
        if _plain(texts[j]) in THINGS_GATHERED:
            return True
    return False


def _other_purpose(last: int, texts: list[str], breaks: list[bool]) -> bool:
    for j in range(last + 1, min(len(texts), last + 1 + PURPOSE_REACH)):
        if breaks[j]:
            return False
        w = texts[j]
        if w.startswith("ل") and len(w) > 3:
            rest = w[2:] if w.startswith("لل") else w[1:]
            return rest in OTHER_PURPOSES or ("ال" + rest) in OTHER_PURPOSES
    return False


# A dispersal that ends peacefully (فضت الشرطة الاعتصام وانفض المحتجون سلميا، فرقت الحشد بهدوء) is no
# violent repression (CAMEO 175 is the use of force against a crowd).
PEACEFUL = frozenset(("سلميا", "بسلام", "بهدوء", "سلمي"))
PEACEFUL_REACH = 10


def _peaceful_dispersals(hits: list[TriggerHit], texts: list[str]) -> list[TriggerHit]:
    return [h for h in hits if not (h.entry.type == "ASSAULT" and h.entry.mode == "crowd-control"
                                    and _peaceful(max(h.match.last, h.required), texts))]


def _peaceful(last: int, texts: list[str]) -> bool:
    for j in range(last + 1, min(len(texts), last + 1 + PEACEFUL_REACH)):
        w = texts[j]
        if w in PEACEFUL and not (w == "سلمي" and texts[j - 1] != "بشكل"):
            return True
        if w in ("عنف", "العنف") and texts[j - 1] in ("دون", "بدون", "بلا"):
            return True
    return False


def _warning_shots(hits: list[TriggerHit], texts: list[str], breaks: list[bool]) -> list[TriggerHit]:
    """Firing into the air (أطلقوا النار في الهواء، أطلقت الأعيرة النارية في الهواء لتفريقهم) is no
    attack: drop a shooting trigger whose clause goes on, within a few tokens of the trigger or of
    the object it requires (أطلقت قوات الأمن النار في الهواء), to الهواء."""
    return [h for h in hits if not (h.entry.type == "ASSAULT" and h.entry.mode == "firearms"
                                    and _airward(max(h.match.last, h.required), texts, breaks))]


def _airward(last: int, texts: list[str], breaks: list[bool]) -> bool:
    n = len(texts)
    for j in range(last + 1, min(n, last + 1 + AIRWARD_REACH)):
        if breaks[j] or texts[j] in ("علي", "على", "باتجاه", "صوب", "نحو"):
            return False   # أطلقوا النار على حشد في الهواء الطلق: a target is named
        if texts[j] in AIRWARD:
            return not (j + 1 < n and texts[j + 1] == "الطلق")   # في الهواء الطلق: in the open air
    return False


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


LIFTING_TYPES = frozenset(("CONCEDE", "RETREAT"))
LIFTED_TYPES = frozenset(("SANCTION", "COERCE"))


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
                    and h.entry.type in LIFTING_TYPES and h2.entry.type in LIFTED_TYPES:
                drop.add(k2)   # رفع حظر السلاح، إلغاء حالة الطوارئ: the ban lifted is the object, no ban imposed
                break
            if k2 != k and h2.match.first <= at <= h2.match.last and h2.match.pattern.form in ("noun", "fixed") \
                    and (light or h2.entry.type == h.entry.type) and not h2.entry.note.endswith(PARTICIPANTS):
                drop.add(k)
                anchors[k2] = h.match
                break
    return [TriggerHit(h.match, h.entry, anchors.get(k), h.required) for k, h in enumerate(hits) if k not in drop]


def _article_off(word: str) -> str:
    """A written word without its article (الأبعاد → أبعاد, للإبعاد → إبعاد, لأبعاد → أبعاد)."""
    for art in ("ال", "لل"):
        if word.startswith(art) and len(word) > len(art) + 1:
            return word[len(art):]
    if word[:1] == "ل" and word[1:2] in ("أ", "إ", "ا"):
        return word[1:]   # للأبعاد: the evidence keeps one ل of لل
    return word


SenseRule = Callable[[Match, list[str], list[bool]], bool]


# خرج إلى الشارع is taking to the street; يخرج في المساء ليمشي في الشارع is a walk: with the singular
# شارع as its only companion, خرج is a protest only when the street is where one goes (إلى، نحو، للشارع)
STREET_REACH = 12


def _street_walk(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    to_street = False
    for j in range(m.last + 1, min(len(texts), m.last + 1 + STREET_REACH)):
        w = without_conjunction(texts[j])
        if w.startswith(("شوارع", "الشوارع", "مظاهر", "مسير", "تظاهر", "بمظاهر", "بمسير", "بتظاهر")):
            return False
        if w in ("شارع", "الشارع", "للشارع", "بالشارع"):
            to_street = to_street or w == "للشارع" or j > 0 and without_conjunction(texts[j - 1]) in ("الي", "نحو")
    return not to_street


# أعلنت بريطانيا تقديم 20 مليون جنيه لدعم اللاجئين: support as the purpose (ل) of what is announced
# is no declared support (أعلنت دعمها، أعلن تأييده للقرار)
SUPPORT_NOUNS = ("دعم", "تاييد", "مسانده")


def _support_as_purpose(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    if getattr(m.ref, "type", None) != "SUPPORT":
        return False
    for j in range(m.last + 1, min(len(texts), m.last + 1 + REQUIRES_WINDOW)):
        w = without_conjunction(texts[j])
        if w.startswith(SUPPORT_NOUNS) or w.startswith("ال") and w[2:].startswith(SUPPORT_NOUNS):
            return False
        if w[:1] == "ل" and w[2 if w[:2] == "لل" else 1:].startswith(SUPPORT_NOUNS):
            return True   # لدعم، للدعم
    return False


# سيطرت فرق الدفاع المدني على حريق مبنى: firefighters containing a fire seize nothing
FIRE_WORDS = frozenset(("حريق", "الحريق", "حراءق", "الحراءق", "النيران", "نيران", "النار", "اللهب", "السنه"))
FIRE_REACH = 8


def _fire_contained(m: Match, texts: list[str], breaks: list[bool]) -> bool:
    return any(without_conjunction(texts[j]) in ("علي", "عليه") and j + 1 < len(texts) and texts[j + 1] in FIRE_WORDS
               for j in range(m.last + 1, min(len(texts) - 1, m.last + 1 + FIRE_REACH)))


def _by_word(rules: Iterable[tuple[Iterable[str], SenseRule]]) -> dict[str, tuple[SenseRule, ...]]:
    table: dict[str, list[SenseRule]] = {}
    for words, rule in rules:
        for word in words:
            table.setdefault(word, []).append(rule)
    return {word: tuple(rs) for word, rs in table.items()}


# The trigger words each neighbour-read sense rule is about: a trigger is tested by its own rules only.
SENSE_RULES = _by_word((
    (MARCH_WORDS, _course), (PRAYER_VERBS, _prayer), (PRAYER_VERBS, _cause_for), (BLESS_VERBS, _not_congratulation),
    (("ابعد",), _comparative), (("عريضه",), _broad), (("تحدي",), _challenge), (("رحبا",), _spacious),
    (COMMENT_WORDS, _comment), (("يدعون", "تدعون", "دعوه"), _claim_or_outreach), (THREAT_VERBS, _endangers),
    (("استعداد",), _preparation), (("وعد", "وعدت"), _considered), (("قمه",), _morsel),
    (("اجتماع",), _sociology), (("استقبال", "ضيافه"), _kind_welcome), (("تظاهره", "تظاهرات"), _festival),
    (("ايد",), _hands), (("دافع",), _club_colours), (("فجرت", "فجروا", "يفجر", "تفجر", "يفجرون"), _sparked),
    (("رحب",), _open_heart), (("عذب", "عذبا"), _sweet), (("تفجير",), _figurative_blast),
    (("جرح", "يجرح", "تجرح"), _hurt_feelings), (("فجرت", "فجر"), _took_place),
    (("تعذب", "يعذب", "عذب"), _self_torment), (("اعتداء", "اعتداءات"), _infringement),
))
# rules about the words that begin with a head (تعبئة، التعبئة؛ حمّل، رفض، رافضا، عارض)
PREFIX_SENSE_RULES: tuple[tuple[tuple[str, ...], SenseRule], ...] = (
    (("تعبء",), _filling), (("حمل", "يحمل", "تحمل", "رفض", "رافض", "عارض"), _other_refusal),
    (STRIKE_VERBS, _afflicts), (("تعاقب",), _succession), (("قدم", "يقدم", "تقدم", "نقدم"), _presented),
    (THREAT_HEADS, _no_threat_made), (("استشهد", "استشهاد"), _citing), (("افرج", "يفرج", "تفرج", "فرج"), _relief),
    (("دع", "يدع", "تدع", "ندع"), _preaching), (("قطع", "يقطع", "تقطع", "نقطع"), _distance),
    (("طلب", "يطلب", "تطلب", "طالب", "مفضل", "فضل"), _anonymity), (("خطف", "يخطف", "تخطف"), _snatch),
    (("زار",), _ministry), (("سيطر", "يسيطر", "تسيطر"), _fire_contained), (("خرج", "يخرج", "تخرج"), _street_walk),
    (("اعلن", "يعلن", "تعلن", "نعلن"), _support_as_purpose),
    (("اغتصاب", "اغتصب", "يغتصب", "تغتصب"), _usurped), (("رفع", "يرفع", "ترفع", "نرفع"), _raised),
)
