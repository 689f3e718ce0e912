"""The coding pipeline: text → sentences → mentions → actors → events → records.

``Pipeline.pipe`` is the batch path (optionally over worker processes); ``Pipeline.code``
wraps it for one text. A pipeline holds the compiled lexicon and a per-instance analysis
cache; nothing is global.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from rasd import __version__
from rasd.actors.recognize import LOCATIVE_WORDS, Phrase, build_phrases, is_crowd, is_participant_trigger, phrase_code, select
from rasd.events.detector import Candidate, Detector
from rasd.actors.compose import compose_phrases
from rasd.actors.surnames import alias_surnames, surname_forms, surnames_of
from rasd.events.frames import DEMAND_TIME, assign, back_reference, carried_subject, shared_subject, verbal_attack
from rasd.events.incidents import incident_roles
from rasd.events.modality import conditional_after, coordinated, historical, modality, named_event
from rasd.events.triggers import CLAIM_NEXT, Requirements, select_triggers
from rasd.geo import location_of
from rasd.lexicon import Lexicon, load_lexicon
from rasd.lexicon.compile import Match
from rasd.model import Actor, Document, Event, Location, Trigger
from rasd.io.writers import encode_record
from rasd.records import to_record
from rasd.text.normalize import Normalized, mask_honorifics, normalize
from rasd.text.segment import split_sentences
from rasd.text.tokenize import Analyzer, Tokens, tokenize_sentences, without_conjunction
from rasd.time import resolve_event_date
from rasd.time import warm_up

log = logging.getLogger(__name__)

LOCATION_REACH = 12
# PLOVER: cooperative actions reported in the future tense are intentions, coded AGREE with
# the CAMEO "express intent" code of the action.
FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "030", "AID": "033"}
JOINT_TYPES = frozenset(("CONSULT", "COOPERATE", "AGREE", "SUPPORT"))
PR_SET_PDEATHSIG = 1   # prctl(2)
EXCHANGE_VERBS = ("تبادل", "يتبادل", "تتبادل")
EXCHANGE_REACH = 6   # تبادلت إسرائيل وحزب الله إطلاق النار: the two sides between the verb and the fire
DUAL_PREPS = frozenset(("بين", "مع", "علي", "ضد", "الي", "من"))
_FUNCTION_WORDS = frozenset((
    "في", "مع", "علي", "ضد", "الي", "من", "عن", "بين", "لدي", "قد", "لن", "لم", "لا", "دون", "بدون", "عدم", "غير",
    "بيد", "يد", "قبل", "برصاص", "نيران", "بنيران", "داخل", "قرب", "امام", "وسط", "نحو", "تجاه",
    "هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "بسبب", "حول",
))
# الطرفان، الطرفين "the two parties" (of a fight, of talks) are states only when a pair of them was named
# in this sentence or the one before; the two sides of a civil war are not the last two states of the
# document (مواجهات عنيفة بين الطرفين after a mention of وكالة الأنباء الألمانية). البلدين always are.
PARTY_DUALS = frozenset(("طرفين", "طرفان"))
PARTY_REACH = 1
# البلدان is the dual "the two countries" only as a verb's subject (ووقع البلدان اتفاقية، يرتبط البلدان
# بعلاقات); after a preposition, a quantifier, a demonstrative or a noun, or before an adjective of the
# plural (في البلدان العربية، جميع البلدان، تلك البلدان، البلدان الأعضاء، البلدان النفطية) it is "the
# countries" (a nisba in ية after it: the plural's adjective, seldom the object, as in وقع البلدان الاتفاقية).
PLURAL_COUNTRIES = "بلدان"
NOT_DUAL_BEFORE = frozenset((
    "في", "من", "الي", "علي", "عن", "بين", "مع", "ضد", "لدي", "جميع", "كل", "بعض", "معظم", "اغلب", "مختلف", "عدد",
    "ساءر", "باقي", "بقيه", "كافه", "عشرات", "مءات", "احد", "احدي", "اكثر", "اقل", "مثل", "تلك", "هذه",
))
NOT_DUAL_AFTER = frozenset((
    "العربيه", "الاسلاميه", "الاوروبيه", "الافريقيه", "الاسيويه", "الخليجيه", "الغربيه", "الناميه", "الصناعيه",
    "الاعضاء", "الاخري", "المجاوره", "المتقدمه", "الناشءه", "الفقيره", "الغنيه", "المشاركه", "المعنيه", "المصدره",
    "المستورده", "المنتجه", "المانحه", "الكبري", "الصغيره", "النفطيه", "الشقيقه", "الصديقه", "التي", "المختلفه",
))
# A line of tags at an article's end (سمات أبها تفجير طوارئ عسير، الوسوم: …) lists words, it tells nothing.
TAG_LIST_HEADS = frozenset(("سمات", "الوسوم", "وسوم"))
# Types whose victims or protesters counted as شخص code no sector (recognize.UNCODED).
ANONYMOUS_TYPES = frozenset(("PROTEST", "ASSAULT"))
# Types kept even when no actor is found (the gold standard codes "وقتل شخص" with no actors). The
# others need a source or a target (as GDELT and ICEWS events need an actor), or else a place or a
# date the text gives: an act of no one toward no one, nowhere and at no time, is mostly a generic
# statement (الإسلام يدعو الناس، هذه النتائج تدعم اتجاه السوق), while رُفع حظر التجول عن مدينة السويس
# (a passive, its agent unstated) is told.
ACTORLESS_TYPES = frozenset(("PROTEST", "ASSAULT", "COERCE"))


def _written(m: Match, n: Normalized) -> str:
    """The original text of match ``m`` (its evidence span), hamzas and all: normalization merges
    هنأ "congratulated" with هنا "here", يأسر "captures" with the name ياسر, and the verbal noun
    إصابة with the verb أصاب; the writer's hamza tells them apart (select_triggers)."""
    a, b = n.span_to_orig(m.start, m.end)
    return n.original[a:b]


def _stem(word: str) -> str:
    if len(word) > 2 and word[0] in "وف" and word[1:] in _FUNCTION_WORDS:
        return word[1:]
    return word


def _stem_list(texts: list[str]) -> list[str]:
    fw = _FUNCTION_WORDS
    return [w[1:] if len(w) > 2 and w[0] in "وف" and w[1:] in fw else w for w in texts]


class _Stems:
    """``stems[i]``: token i without a conjunction glued to a function word (وفي → في), on demand."""

    __slots__ = ("texts",)

    def __init__(self, texts: list[str]):
        self.texts = texts

    def __getitem__(self, i: int) -> str:
        return _stem(self.texts[i])

    def __len__(self) -> int:
        return len(self.texts)


@dataclass
class _Sentence:
    """One sentence after matching: tokens, dictionary matches and actor phrases."""

    start: int
    end: int
    tokens: Tokens
    matches: Any   # list[Match]; None: not matched (no word starts an event or a reference)
    stems: "list[str] | _Stems"
    phrases: list[Phrase]
    triggers: list[Any]   # TriggerHit: the triggers that survived selection


def _country_pairs(sentences: list[_Sentence | None], lexicon: Lexicon) -> list[tuple[int, int, tuple[str, str]]]:
    """Where the document names two states: coordinated pairs, else the last two distinct ones."""
    out: list[tuple[int, int, tuple[str, str]]] = []
    seen: list[str] = []
    for si, sa in enumerate(sentences):
        if sa is None:
            continue
        groups: dict[int, list[str]] = {}
        for p in sa.phrases:
            c = p.fields.get("country")
            if p.locative or not isinstance(c, str) or c not in lexicon.countries or p.fields.get("sector") == "MED":
                continue   # (لوكالة الأنباء الألمانية: a source of the news, no side of it)
            groups.setdefault(p.group, [])
            if c not in groups[p.group]:
                groups[p.group].append(c)
            if not seen or seen[-1] != c:
                seen = [x for x in seen if x != c] + [c]
            if len(groups[p.group]) == 2:
                out.append((si, p.first, (groups[p.group][0], groups[p.group][1])))
            elif len(seen) >= 2:
                out.append((si, p.first, (seen[-2], seen[-1])))
    return out


class Pipeline:
    """Codes Arabic documents into PLOVER/CAMEO event records (SCHEMA.md)."""

    def __init__(self, lexicon: Lexicon | None = None, *, detector: Detector | None = None,
                 infer_country: bool = False, on_candidate: Callable[[str, Candidate], None] | None = None):
        """``detector`` filters mentions from reports (default: none; ``Detector.load()`` is the
        learned filter trained on the gold standard's dev split, see docs/accuracy.md);
        ``on_candidate`` sees every scored trigger (used to train the detector)."""
        self.lexicon = lexicon or load_lexicon()
        self.analyzer = Analyzer()
        self.requirements = Requirements(
            (p.ref for pats in self.lexicon.matcher.index.values() for p in pats if p.layer == "event"), self.analyzer)
        self.detector = detector if detector is not None else Detector({}, {}, {})
        self.on_candidate = on_candidate
        self.infer_country = infer_country
        self.surnames = surnames_of(self.lexicon.matcher, _FUNCTION_WORDS)
        self.surname_forms = surname_forms(self.surnames)
        self.coder = f"rasd {__version__}"

    # ---------------------------------------------------------------- public API
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[dict[str, Any]]:
        """Event records of one text."""
        return self.code_document(Document(doc_id, text, date))

    def code_document(self, doc: Document) -> list[dict[str, Any]]:
        lv = self.lexicon.short_version
        return [to_record(e, self.coder, lv) for e in self.events(doc)]

    def code_sentences(self, doc: Document) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
        """The records of ``doc`` and its sentence spans in input offsets, from one
        normalization and segmentation (the event store keeps both)."""
        lv = self.lexicon.short_version
        events, n, spans = self._events(doc)
        return [to_record(e, self.coder, lv) for e in events], [n.span_to_orig(s, e) for s, e in spans]

    def pipe(self, docs: Iterable[Document], batch_size: int = 64, workers: int = 1, *, as_json: bool = False,
             on_error: Callable[[Document, str], None] | None = None) -> Iterator[tuple[Document, list[Any]]]:
        """(document, records) for each document, in input order.

        With ``workers > 1`` batches are coded in worker processes that share this
        pipeline's lexicon and detector. ``as_json`` yields each record already encoded as a
        JSON Lines string (encoded in the workers, which is what makes two workers pay).
        ``on_error(doc, "Type: message")`` receives a document whose coding raised, which is
        then skipped (the others are coded); without it the exception propagates.
        """
        if workers <= 1:
            for doc in docs:
                res = _code_safe(self, doc, as_json, on_error is not None)
                if isinstance(res, str):
                    on_error(doc, res)  # type: ignore[misc]
                    continue
                yield doc, res
            return
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        if ctx is not None:
            # Forked workers inherit this process's memory: compile the date grammar once here.
            # No documents are coded here before the fork: a word first seen costs the same wall
            # time whether this process or both workers (in parallel) pay for it, while the
            # rest of a document costs twice as much here as in a worker. Measured on the bench
            # corpus: a 64-document warm-up here gave 7.0 s best-of-6 against 6.8 s without.
            warm_up()
            # Move everything alive now (the lexicon above all) out of the collector's reach, as
            # the gc documentation advises before a fork: the workers' collections then neither
            # traverse it nor write to its pages, which stay shared instead of being copied.
            gc.freeze()
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                 initargs=(self,)) as pool:
            pending: deque[tuple[list[Document], Any]] = deque()
            batch: list[Document] = []
            for doc in docs:
                batch.append(doc)
                if len(batch) >= batch_size:
                    pending.append((batch, pool.submit(_worker_code, batch, as_json, on_error is not None)))
                    batch = []
                    while len(pending) > workers * 2:
                        b, fut = pending.popleft()
                        yield from _coded(b, fut.result(), on_error)
            if batch:
                pending.append((batch, pool.submit(_worker_code, batch, as_json, on_error is not None)))
            for b, fut in pending:
                yield from _coded(b, fut.result(), on_error)

    def _code_one(self, doc: Document, as_json: bool) -> list[Any]:
        recs = self.code_document(doc)
        return [encode_record(r) for r in recs] if as_json else recs

    # ---------------------------------------------------------------- internals
    def events(self, doc: Document) -> list[Event]:
        return self._events(doc)[0]

    def _events(self, doc: Document) -> tuple[list[Event], Normalized, list[tuple[int, int]]]:
        n = mask_honorifics(normalize(doc.text))
        anchor = _parse_date(doc.date)
        spans = split_sentences(n.norm)
        sentences = [self._analyse(s, e, toks, n) for (s, e), toks in zip(spans, tokenize_sentences(n.norm, spans, n))]
        # Actor phrases are built where events need them; every sentence when the document
        # refers back to a pair of states (البلدين) and the pairs must be collected.
        has_refs = any(m.layer == "ref" and m.kind == "dual" for sa in sentences if sa and sa.matches
                       for m in sa.matches)
        # المملكة: the kingdom is counted in the sentences matched anyway (matching every sentence
        # of a document for it cost a third more time on the documents that have the word)
        has_kingdom = any(m.layer == "ref" and m.kind == "kingdom" for sa in sentences if sa and sa.matches
                          for m in sa.matches)
        homonyms = self.lexicon.homonyms
        need_evidence = bool(homonyms) and any(
            sa is not None and sa.triggers and any(m.layer == "actor" and _ambiguous_place(m, homonyms)
                                                   for m in sa.matches) for sa in sentences)
        alias_surnames(sentences, self.surnames, self.surname_forms)
        if has_refs or need_evidence:
            self._match_all(sentences)   # the actors of every sentence are needed
        evidence = _country_evidence(sentences, homonyms) if need_evidence else None
        for sa in sentences:
            if sa is not None and (sa.triggers or has_refs):
                self._build_phrases(doc, sa)
                if evidence:
                    _resolve_places(sa, evidence, homonyms)
        pairs = _country_pairs(sentences, self.lexicon) if has_refs else []
        kingdom = None
        if has_kingdom:
            counts = _kingdoms(sentences)
            if not counts or max(counts.values()) < 2:
                self._match_all(sentences)   # few mentions where events are: match (not phrase) the rest
                counts = _kingdoms(sentences)
            kingdom = max(sorted(counts), key=lambda c: counts[c]) if counts else None
        out: list[Event] = []
        topic: list[Phrase] = []   # the last event source, for pronouns and light verbs
        for si, sa in enumerate(sentences):
            if sa is not None and sa.triggers:
                self._add_references(si, sa, pairs, topic, kingdom)
                out.extend(self._sentence(doc, n, si, sa, anchor, topic))
        return out, n, spans

    def _match_all(self, sentences: list["_Sentence | None"]) -> None:
        """Match the sentences not matched yet (those where no word starts an event or a reference)."""
        for sa in sentences:
            if sa is not None and sa.matches is None:
                sa.matches = self.lexicon.matcher.match(sa.tokens, self.analyzer)

    def _analyse(self, s: int, e: int, tokens: Tokens, n: Normalized) -> "_Sentence | None":
        if not tokens:
            return None
        if tokens.texts[0] in TAG_LIST_HEADS or not self.lexicon.matcher.starts_any(
                tokens, self.analyzer, self.requirements.after):
            # no word starts an event or a reference: no trigger here; its matches (actors) are
            # made only if the document asks for them (_events: homonym evidence, البلدين pairs)
            return _Sentence(s, e, tokens, None, _Stems(tokens.texts), [], [])
        matches = self.lexicon.matcher.match(tokens, self.analyzer)
        hits = select_triggers(matches, tokens, self.requirements, lambda m: _written(m, n)) if any(
            m.layer == "event" for m in matches) else []
        # every word's stem at once where the rules will read them (a sentence with triggers reads
        # each several times); on demand elsewhere
        stems: list[str] | _Stems = _stem_list(tokens.texts) if hits else _Stems(tokens.texts)
        if len(hits) > 2:
            hits = _enumerations(hits)   # قتل واغتصاب وتعذيب: kinds of crime listed, no incident
        if len(hits) > 1 and any(is_participant_trigger(h.entry) for h in hits):
            # المتظاهرون told a protest took place; a protest trigger of the sentence tells it already
            # (not a definite noun that only refers back to a protest: ورفع المتظاهرون … بحق الاحتجاج)
            told = any(h.entry.type == "PROTEST" and not is_participant_trigger(h.entry)
                       and not back_reference(h, stems) for h in hits)
            first = next(h for h in hits if is_participant_trigger(h.entry))
            hits = [h for h in hits if not is_participant_trigger(h.entry) or (h is first and not told)]
        return _Sentence(s, e, tokens, matches, stems, [], hits)

    def _build_phrases(self, doc: Document, sa: "_Sentence") -> None:
        sa.phrases = build_phrases(sa.tokens, select(sa.matches, sa.stems), sa.stems)
        for k, p in enumerate(sa.phrases):
            p.fields = phrase_code(p, doc.date, self.lexicon.capitals)
            if p.fields.get("country") is None and p.mentions and p.mentions[0].suffix in ("ه", "ها", "هم", "نا"):
                # طائراته، قواتها: the forces of the state named just before; جنودنا in a quote: of
                # the speaker's state (قال المتحدث باسم الجيش الأميركي «فقدنا خمسة من جنودنا»)
                ante = next((q for q in reversed(sa.phrases[:k]) if q.fields.get("country") in self.lexicon.countries
                             and not q.locative), None)
                if ante is not None:
                    p.fields["country"] = ante.fields["country"]
        compose_phrases(sa.phrases, sa.tokens, sa.stems)
        if self.infer_country:
            self._fill_countries(sa.phrases)

    def _sentence(self, doc: Document, n: Normalized, si: int, sa: "_Sentence", anchor: dt.date | None,
                  topic: list[Phrase]) -> list[Event]:
        s, e, tokens, matches, stems, phrases = sa.start, sa.end, sa.tokens, sa.matches, sa.stems, sa.phrases
        hits = sa.triggers
        cues = [m for m in matches if m.layer == "cue"]
        orig = doc.text
        sent_span = n.span_to_orig(s, e)
        when: tuple[str | None, str] | None = None   # (date, date_source), resolved for the first event kept
        out: list[Event] = []
        framed = []
        last_mod = None   # the previous trigger told and its modality, for a verb coordinated with it
        previous = None   # the previous trigger framed and its frame, for a verb sharing its subject
        untold = None     # the previous violence or protest trigger found to name no event of the sentence
        # a sentence that asks (لماذا قتل …؟، أليس الهجوم على …؟) reports nothing: what it names is
        # hypothetical, as in a polar question (modality.QUESTION_WORDS)
        question = n.norm[s:e].rstrip(QUOTE_CLOSERS).endswith("?")
        for hit in hits:
            if untold is not None and _same_act(untold, hit):
                untold = hit
                continue
            frame = shared_subject(hit, assign(hit, phrases, tokens, stems, topic[-1] if topic else None), previous,
                                   tokens)
            frame = carried_subject(hit, frame, previous, phrases, tokens, stems)
            if frame.mention:
                untold = hit
                continue
            entry = hit.entry
            if not frame.source and not frame.target and entry.pos == "N" and entry.type not in ACTORLESS_TYPES:
                # an actorless noun goes before its modality is read or it becomes the coordination
                # context of the next trigger; an actorless verb needs its place and date (below)
                continue
            mod = coordinated(hit, modality(hit, cues, tokens, stems), last_mod)
            if question and not mod.hypothetical:
                mod = replace(mod, hypothetical=True)
            last_mod = (hit, mod)
            # احتجاجا على مقتل، غداة اعتداء، تفجير السفارة عام 1998، تفجيرات مدريد: the reason, setting,
            # history or a known named event, not an event of the sentence
            if mod.grievance or mod.background or historical(hit, tokens, anchor.year if anchor else None) \
                    or named_event(hit, matches, stems):
                untold = hit
                continue
            untold = None
            previous = (hit, frame)
            if frame.source:
                topic.append(frame.source[0])
            framed.append((hit, frame, mod))
        if framed:
            framed = incident_roles(framed, phrases, stems)
        for hit, frame, mod in framed:
            entry = hit.entry
            etype, cameo, mode = entry.type, entry.cameo, entry.mode
            if mod.future and etype in FUTURE_AS_AGREE:
                etype, cameo, mode = "AGREE", FUTURE_AS_AGREE[etype], None
            elif mod.future and etype == "ASSAULT" and not mod.negated and conditional_after(hit.match.last, tokens):
                # قواته ستدمر القواعد الأمريكية إذا تعرضت إيران لهجوم: violence promised on a condition
                # is a threat (PLOVER THREATEN, CAMEO 138)
                etype, cameo, mode = "THREATEN", "138", None
            elif mod.future and etype == "RETREAT":
                etype = "CONCEDE"  # PLOVER: a declared, not yet implemented, retreat is a concession
            elif etype == "PROTEST" and hit.match.pattern.words[0] == OFFICIAL_PROTEST and frame.source and all(
                    p.fields.get("sector") in OFFICIAL_SECTORS for p in frame.source):
                # سلمته الخارجية مذكرة احتجاج، أبدت الحكومة احتجاجها: a state protests by complaining
                # officially (CAMEO 114), it does not demonstrate (the singular احتجاج: not احتجاجات،
                # مظاهرات، مسيرة, whose official source is a misread role)
                etype, cameo, mode = "ACCUSE", "114", None
            if etype == "ASSAULT" and verbal_attack(hit, frame, stems):
                etype, cameo, mode = "ACCUSE", "111", None   # هاجم الوزير السياسات الإيرانية: criticism
            code = self.lexicon.codebook.get(cameo)
            loc = self._location(hit.head.first, phrases, n, orig)
            score = None
            if when is None:
                when = resolve_event_date(n.norm[s:e], anchor, normalized=True)
            date, date_source = when
            if not frame.source and not frame.target and entry.type not in ACTORLESS_TYPES \
                    and loc is None and date_source != "text":
                continue   # no one, toward no one, nowhere, at no time told: a generic statement
            if etype in self.detector.types or self.on_candidate is not None:
                cand = Candidate(
                    etype, tuple(tokens.texts), hit.match.first, hit.match.last, hit.match.pattern.form,
                    hit.match.prefix, hit.match.suffix, mod.negated, mod.future, mod.hypothetical,
                    _sector(frame.source), _sector(frame.target), bool(frame.source), bool(frame.target),
                    loc is not None, date_source == "text", frame.rule, len(hits))
                if self.on_candidate is not None:
                    self.on_candidate(doc.id, cand)
                keep, score = self.detector.keep(cand)
                if not keep:
                    continue
            tspan = n.span_to_orig(hit.match.start, hit.match.end)
            trigger = Trigger(orig[tspan[0]:tspan[1]], tspan)
            speaker = self._speaker(mod.say, phrases, stems, n, orig) if mod.say is not None else None
            sources = [self._actor(p, n, orig, entry.type) for p in frame.source]
            targets = [self._actor(p, n, orig, entry.type) for p in frame.target]
            rule = f"{frame.rule}:{entry.type.lower()}@events.tsv:{entry.line}"
            # تبادلت إسرائيل وحزب الله إطلاق النار: fire exchanged is each side's on the other
            joint = entry.type in JOINT_TYPES or any(
                without_conjunction(stems[i]).startswith(EXCHANGE_VERBS)
                for i in range(max(0, hit.match.first - EXCHANGE_REACH), hit.match.first))
            dyads: list[tuple[Actor | None, Actor | None]]
            if sources and targets:
                dyads = [(a, b) for a in sources for b in targets if _distinct(a, b)]
                if _symmetric(entry.type, entry.cameo, frame.target) or _reciprocal(hit.match):
                    dyads += [(b, a) for a, b in dyads]
            elif len(sources) >= 2 and joint:
                dyads = [(a, b) for a in sources for b in sources if _distinct(a, b)]
            elif len(targets) >= 2 and not sources and frame.target and frame.target[0].prep == "بين":
                dyads = [(a, b) for a in targets for b in targets if _distinct(a, b)]
            elif sources:
                dyads = [(a, None) for a in sources]
            elif targets:
                dyads = [(None, b) for b in targets]
            else:
                dyads = [(None, None)]
            if loc is not None and loc.country and loc.country in self.lexicon.countries:
                # the victims or the targeted body of an event in a known place belong to that state
                dyads = [(a, _with_country(b, loc.country)) for a, b in dyads]
                if etype == "ASSAULT" and not mod.negated:
                    # نفذت إسرائيل ضربة جوية في سورية: a state's attack in another state, no target
                    # named, is an attack on that state
                    dyads = [(a, _state(loc, self.lexicon.countries, loc.span) if b is None and a is not None
                              and a.country in self.lexicon.countries and a.country != loc.country else b)
                             for a, b in dyads]
            if etype == "ASSAULT" and _reciprocal(hit.match):
                # a clash between protesters and the police is the protesters' riot (PLOVER PROTEST riot,
                # below): the crowd is its source, whichever side the clause named first
                turned: list[tuple[Actor | None, Actor | None]] = []
                for a, b in dyads:
                    if b is not None and _crowd(b) and (a is None or not _crowd(a)):
                        a, b = b, a
                    if not any(a is a2 and b is b2 for a2, b2 in turned):
                        turned.append((a, b))
                dyads = turned
            for src, tgt in dyads:
                ev_type, ev_cameo, ev_mode, ev_code = etype, cameo, mode, code
                if etype == "ASSAULT" and src is not None and _crowd(src):
                    # PLOVER: violence by protesters or rioters is a riot, PROTEST (CAMEO 145)
                    ev_type, ev_cameo, ev_mode, ev_code = "PROTEST", "145", "riot", self.lexicon.codebook.get("145")
                conf = 0.4 + (0.25 if src is not None else 0) + (0.2 if tgt is not None else 0)
                conf += 0.1 if entry.pos == "V" or entry.pos == "F" else 0.0
                if score is not None:
                    conf = (conf + score) / 2
                out.append(Event(
                    doc_id=doc.id, sentence_index=si, sentence_span=sent_span, event_type=ev_type,
                    cameo=ev_cameo, quad_class=ev_code.quad_class, goldstein=ev_code.goldstein,
                    mode=ev_mode, context=entry.context if ev_type == etype else (), source=src, target=tgt,
                    trigger=trigger,
                    negated=mod.negated, future=mod.future, hypothetical=mod.hypothetical,
                    attributed_to=speaker, date=date, date_source=date_source, location=loc,
                    confidence=round(min(conf, 0.95), 2), rule=rule,
                ))
        return _one_per_dyad(out) if len(out) > 1 else out

    def _actor(self, p: Phrase, n: Normalized, orig: str, etype: str | None = None) -> Actor:
        span = n.span_to_orig(p.start, p.end)
        f = p.fields
        # أجانب: people named only as foreign are INT with no sector; شخص: people counted with no
        # role are the victims or protesters of violence and protest but code no sector
        # (recognize.UNCODED; the recipients of aid stay civilians)
        uncoded = f.get("uncoded") or f.get("anonymous") and etype in ANONYMOUS_TYPES
        sector = None if uncoded else f.get("sector")
        sectors = () if uncoded else f.get("sectors") or ()
        return Actor(orig[span[0]:span[1]], span, f.get("name"), f.get("id"), f.get("country"),  # type: ignore[arg-type]
                     sector, tuple(sectors), str(f.get("kind") or "agent"))  # type: ignore[arg-type]

    def _location(self, trigger_tok: int, phrases: list[Phrase], n: Normalized, orig: str) -> Location | None:
        """The place phrase nearest the trigger (after it preferred), within LOCATION_REACH tokens."""
        locs = [p for p in phrases if p.locative and (
            0 < p.first - trigger_tok <= LOCATION_REACH or 0 < trigger_tok - p.last <= LOCATION_REACH // 2)]
        if not locs:
            return None
        best = min(locs, key=lambda p: (abs(p.first - trigger_tok) + (0 if p.first > trigger_tok else 3)))
        span = n.span_to_orig(best.start, best.end)
        loc = location_of(best, self.lexicon, orig[span[0]:span[1]], span)
        other: Any = best.fields.get("place") if best.fields else None
        if loc is not None and other is not None:
            # a name two states share, read by the document's context (طرابلس of Lebanon)
            loc = Location(loc.text, loc.span, other.name, other.country, other.lat, other.lon, other.geonameid,
                           other.feature)
        return loc

    def _speaker(self, say: Any, phrases: list[Phrase], stems: Any, n: Normalized, orig: str) -> Actor | None:
        """Who said it: the actor right after the verb of saying (قال أمس المتحدث) or before it
        (المتحدث قال). What follows أن/إن (قال الشهود إن الطائرات قصفت) is what was said, and an
        actor after another noun is no speaker (أبلغت المصادر «الشرق الأوسط»: the addressee)."""
        after = [p for p in phrases if not p.locative and p.first > say.last and p.first - say.last <= 4 and not p.prep
                 and not any(stems[j] in CLAIM_NEXT or stems[j][:2] == "ال" and stems[j] not in DEMAND_TIME
                             for j in range(say.last + 1, p.first))]
        before = [p for p in phrases if not p.locative and p.last < say.first and say.first - p.last <= 6 and not p.prep]
        p = after[0] if after else (before[-1] if before else None)
        return self._actor(p, n, orig) if p is not None else None

    def _add_references(self, si: int, sa: "_Sentence", pairs: list[tuple[int, int, tuple[str, str]]],
                        topic: list[Phrase], kingdom: str | None = None) -> None:
        """Resolve البلدين / الجانبين (the pair of states named last before it, else first in
        the document), بلاده / حكومتها (the state of the nearest actor before it) and المملكة
        (the kingdom the document names most)."""
        refs = [m for m in sa.matches if m.layer == "ref"]
        if not refs:
            return
        covered = {i for p in sa.phrases for i in range(p.first, p.last + 1)}
        countries = self.lexicon.countries
        for m in refs:
            i = m.first
            if i in covered:
                continue
            if m.kind == "dual":
                if m.suffix:
                    continue
                if m.pattern.words[0] == PLURAL_COUNTRIES and (
                        m.prefix not in ("ال", "وال", "فال") or i == 0
                        or sa.stems[i - 1][:2] == "ال" or without_conjunction(sa.stems[i - 1]) in NOT_DUAL_BEFORE
                        or i + 1 < len(sa.tokens.texts) and (sa.tokens.texts[i + 1] in NOT_DUAL_AFTER or (
                            sa.tokens.texts[i + 1][:2] == "ال" and sa.tokens.texts[i + 1].endswith("يه")))):
                    continue
                before = [pair for (psi, tok, pair) in pairs if (psi, tok) < (si, i)]
                pair = before[-1] if before else (pairs[0][2] if pairs else None)
                if m.pattern.words[0] in PARTY_DUALS and not any(
                        si - psi <= PARTY_REACH for (psi, tok, _) in pairs if (psi, tok) < (si, i)) and not any(
                        r.kind == "dual" and r.pattern.words[0] not in PARTY_DUALS for r in refs):
                    continue   # الطرفين: the two parties of a fight are seldom two states named far before
                    # (but التعاون بين البلدين، وقد اتفق الطرفان: the states of البلدين)
                if pair is None:
                    continue
                states, sector = list(pair), None
            elif m.kind == "kingdom":
                nxt = sa.tokens.texts[i + 1] if i + 1 < len(sa.tokens.texts) else ""
                if kingdom is None or m.suffix or m.prefix not in ("ال", "وال", "فال", "لل", "ولل") \
                        or nxt.startswith("ال") and nxt.endswith(("يه", "ه")) \
                        or i > 0 and without_conjunction(sa.stems[i - 1]) in KINGDOM_NOT_ACTOR:
                    # المملكة الأردنية، المملكة المتحدة: a kingdom named after it; في المملكة، شمال غرب
                    # المملكة، بالمملكة: where, not who
                    continue
                states, sector = [kingdom], None
            else:
                if m.suffix not in ("ه", "ها", "هم"):
                    continue
                ante = [p for p in sa.phrases if p.last < i and p.fields.get("country") in countries and not p.locative]
                if ante:
                    states = [str(ante[-1].fields["country"])]
                elif topic and topic[-1].fields.get("country") in countries:
                    states = [str(topic[-1].fields["country"])]
                else:
                    continue
                sector = m.ref
            prep = sa.stems[i - 1] if i > 0 else ""
            group = max((p.group for p in sa.phrases), default=0) + 1
            for c in states:
                ph = Phrase(i, i, m.start, m.end, [], prep=prep if prep in DUAL_PREPS else "")
                ph.group = group
                ph.fields = {"country": c, "sector": sector, "sectors": (sector,) if sector else (),
                             "name": countries[c].name, "id": None, "kind": "country"}
                sa.phrases.append(ph)
        sa.phrases.sort(key=lambda p: (p.first, p.group))

    def _fill_countries(self, phrases: list[Phrase]) -> None:
        """A sector actor with no country takes the country of a place in the same sentence."""
        places = [p for p in phrases if p.locative]
        if not places:
            return
        loc_country = None
        for p in places:
            for m in p.mentions:
                c = getattr(m.ref, "country", None) or getattr(m.ref, "iso3", None)
                if c:
                    loc_country = c
                    break
            if loc_country:
                break
        if loc_country is None:
            return
        for p in phrases:
            if not p.locative and p.fields.get("sector") and not p.fields.get("country"):
                p.fields["country"] = loc_country


OFFICIAL_SECTORS = frozenset(("GOV", "LEG", "JUD"))
OFFICIAL_PROTEST = "احتجاج"
SAME_ACT_REACH = 15
QUOTE_CLOSERS = " »\"')]"
_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")
# Verbal nouns of protest that, after ل, give the purpose of a gathering (للاحتجاج على، للاعتصام);
# not plurals of events (اليوم الثالث للمظاهرات: "of the demonstrations").
_PURPOSE_NOUNS = frozenset(("احتجاج", "اعتصام", "تظاهر", "اضراب"))


def _identity(a: Actor | None) -> tuple[Any, ...] | None:
    # the span and the code: one reference (البلدين) stands for two states at the same span
    return (a.span, a.code, a.id) if a is not None else None


def _one_per_dyad(events: list[Event]) -> list[Event]:
    """One event per type and dyad in a sentence: the triggers of one incident (خمسة أشخاص قتلوا
    في انفجار سيارة مفخخة: قتلوا، انفجار، سيارة مفخخة) or of one act told twice (أدان واستنكر)
    are one event, as PETRARCH codes one event per sentence and dyad. Events merge when their
    type, source, target, place, speaker and modality agree; the one with the most specific
    CAMEO code (the longest; the first of equals) stays, with the highest confidence of the
    group, and the other triggers stay as its ``other_triggers`` evidence, in text order."""
    kept: dict[tuple[Any, ...], int] = {}
    out: list[Event] = []
    for ev in events:
        loc = ev.location
        key = (ev.event_type, _identity(ev.source), _identity(ev.target), loc.name if loc is not None else None,
               ev.negated, ev.future, ev.hypothetical, _identity(ev.attributed_to))
        at = kept.get(key)
        if at is None:
            kept[key] = len(out)
            out.append(ev)
            continue
        first = out[at]
        best = ev if len(ev.cameo) > len(first.cameo) else first
        triggers = sorted((first.trigger, *first.other_triggers, ev.trigger, *ev.other_triggers), key=lambda t: t.span)
        out[at] = replace(best, confidence=max(first.confidence, ev.confidence),
                          other_triggers=tuple(t for t in triggers if t is not best.trigger))
    return out


def _same_act(prev: Any, hit: Any) -> bool:
    """A verbal noun that continues a violence or protest word just found to be background or a
    topic shares its status: joined by و with a pronoun taking up its object (التحقيق في خطف الشابين
    … وقتلهما), or as its purpose (أثناء مظاهرة نظمتها الحركة … للاحتجاج على الغلاء)."""
    m = hit.match
    if prev.entry.type != hit.entry.type or hit.entry.type not in ("ASSAULT", "PROTEST") or hit.anchor is not None \
            or not 0 < m.first - prev.match.last <= SAME_ACT_REACH:
        return False
    return (m.prefix == "و" and m.suffix in _OBJECT_PRONOUNS) or (
        m.pattern.form == "noun" and m.prefix in ("ل", "لل") and m.pattern.words[0] in _PURPOSE_NOUNS)


ENUMERATION_MIN = 3


def _enumerations(hits: list[Any]) -> list[Any]:
    """تتهمها بالاضطهاد والتعذيب والاغتصاب والقتل، جرائم ضد الإنسانية وقتل واغتصاب وتعذيب: three or
    more verbal nouns of violence in a row, each joined to the one before by و and none with an
    object between, list kinds of crime (a charge, a record, a category), not an incident."""
    out: list[Any] = []
    run: list[Any] = []

    def flush() -> None:
        if len(run) < ENUMERATION_MIN:
            out.extend(run)
        run.clear()

    for h in hits:
        m = h.match
        nominal = h.entry.type == "ASSAULT" and h.anchor is None and not m.suffix and m.first == m.last \
            and m.pattern.form in ("noun", "past")
        if nominal and run and m.first == run[-1].match.last + 1 and m.prefix.startswith("و"):
            run.append(h)
            continue
        flush()
        if nominal:
            run.append(h)
        else:
            out.append(h)
    flush()
    return out


def _ambiguous_place(m: Any, homonyms: dict[str, Any]) -> str | None:
    """The name if ``m`` matched a one-word place name that another state's place shares
    (طرابلس، عمان; places.jsonl ``"homonym": true``): the dictionary key, clitics aside."""
    words = m.pattern.words
    return words[0] if len(words) == 1 and words[0] in homonyms else None


# Words before المملكة that make it a place or a genitive of no act: في المملكة، شمال غرب المملكة،
# مدن ومحافظات المملكة، بطولة المملكة، مجتمع المملكة
KINGDOM_NOT_ACTOR = LOCATIVE_WORDS | frozenset((
    "بطوله", "مجتمع", "سياسه", "اقتصاد", "سوق", "اسواق", "شباب", "مواطني", "سكان", "ارجاء", "خارج", "حدود", "تاريخ",
    "ربوع", "عموم", "كافه", "جميع"))
# States that Arabic news calls المملكة
KINGDOMS = frozenset(("SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA", "KHM"))


def _kingdoms(sentences: list[_Sentence | None]) -> dict[str, int]:
    """How often the matched sentences of the document name each kingdom (by name, nationality,
    capital or metonym)."""
    counts: dict[str, int] = {}
    for sa in sentences:
        if sa is None or not sa.matches:
            continue
        for m in sa.matches:
            if m.layer == "actor":
                c = _mention_country(m)
                if c in KINGDOMS:
                    counts[c] = counts.get(c, 0) + 1
    return counts


def _mention_country(m: Any) -> str | None:
    ref = m.ref
    return getattr(ref, "iso3", None) or getattr(ref, "country", None)


def _country_evidence(sentences: list[_Sentence | None], homonyms: dict[str, Any]) -> dict[str, int]:
    """How often each state is named in the document other than by an ambiguous place name."""
    out: dict[str, int] = {}
    for sa in sentences:
        if sa is None:
            continue
        for m in sa.matches:
            if m.layer != "actor" or _ambiguous_place(m, homonyms):
                continue
            c = _mention_country(m)
            if isinstance(c, str) and len(c) == 3:
                out[c] = out.get(c, 0) + 1
    return out


def _resolve_places(sa: _Sentence, evidence: dict[str, int], homonyms: dict[str, Any]) -> None:
    """وفي طرابلس تجمع أنصار الحريري … لبنان: the reading whose state the document names most
    (the dictionary's own reading on a tie)."""
    for p in sa.phrases:
        if len(p.mentions) != 1:
            continue
        word = _ambiguous_place(p.mentions[0], homonyms)
        if word is None:
            continue
        others = {h.country: h for h in homonyms[word]}
        options = [p.fields.get("country"), *others]
        best = max(options, key=lambda c: (evidence.get(c, 0) if isinstance(c, str) else 0, -options.index(c)))
        if best in others and evidence.get(best, 0) > 0:
            p.fields["country"] = best
            p.fields["kind"] = "place"
            p.fields["place"] = others[best]


def _state(loc: Location, countries: dict[str, Any], span: tuple[int, int]) -> Actor:
    """The state a location belongs to, as an actor (country code only)."""
    c = str(loc.country)
    return Actor(loc.text, span, countries[c].name, None, c, None, (), "country")


# Gunmen, rebels, insurgents: an armed group attacked somewhere is not thereby of that state
# (ضربة جوية في مدينة الصدر قتلت ثلاثة مسلحين: unidentified gunmen keep no country).
STATELESS_ARMED = frozenset(("UAF", "REB", "INS"))


def _with_country(a: Actor | None, country: str) -> Actor | None:
    # (an actor named by a noun: with a sector, or an uncoded one such as شخص; not a state)
    if a is None or a.country or not a.sector and a.kind != "agent" or a.sector in STATELESS_ARMED:
        return a
    return replace(a, country=country)


def _sector(phrases: list[Phrase]) -> str | None:
    return str(phrases[0].fields.get("sector")) if phrases and phrases[0].fields.get("sector") else None


RECIPROCAL_STEMS = ("اشتبك", "اشتباك", "مواجهات", "اقتتال", "تبادل")


def _reciprocal(m: Any) -> bool:
    """Clashes and exchanges of fire are coded in both directions."""
    return m.pattern.words[0].startswith(RECIPROCAL_STEMS)


def _symmetric(etype: str, cameo: str, target: list[Phrase]) -> bool:
    """Meetings, joint cooperation and signed agreements are coded in both directions
    (SCHEMA.md); a visit to a place (زار طهران) stays visitor → host."""
    if etype == "CONSULT":
        return bool(target) and target[0].fields.get("kind") not in ("country", "capital", "place")
    if etype == "COOPERATE":  # but buying arms from a state (ابتاع من روسيا) has a direction
        return not (target and target[0].prep == "من")
    return etype == "AGREE" and cameo == "057"


def _crowd(a: Actor) -> bool:
    """Protesters, demonstrators, rioters (a civilian crowd named by its role)."""
    if a.sector == "CVL" and is_crowd(a.name):
        return True
    # الطلاب المتظاهرين، العمال المحتجون: a group named by what it is, qualified as protesting
    return a.sector not in _STATE_SECTORS and any(w in a.text for w in _PROTESTER_WORDS)


_STATE_SECTORS = frozenset(("COP", "MIL", "GOV", "JUD", "LEG", "SPY"))
_PROTESTER_WORDS = ("متظاهر", "محتج")


def _distinct(a: Actor, b: Actor) -> bool:
    """Two different actors (the two states behind one البلدين share a span)."""
    return (a.span, a.code, a.name) != (b.span, b.code, b.name) and not (a.code == b.code and a.code[:3] != "---" and a.name == b.name)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.warning("ignoring unparseable document date %r", value)
        return None


# One pipeline per worker process, set by the pool initializer (process-local by design).
_WORKER: Pipeline | None = None


def _worker_init(pipeline: Pipeline) -> None:
    global _WORKER
    die_with_parent()
    _WORKER = pipeline


def die_with_parent() -> None:
    """Make this worker process end when the process that started it dies (Linux).

    A worker forked by `rasd code` or `rasd ingest` blocks on its task queue, whose pipe it holds
    both ends of, so a killed parent (kill -9, a closed terminal) would leave it waiting forever,
    and ingest's worker would keep the parent's store connection, and its open transaction, alive.
    """
    import ctypes
    import os
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    except (OSError, AttributeError):
        return   # not Linux: the worker ends with its queue when the parent exits normally
    if os.getppid() == 1:
        os._exit(1)   # the parent died before the signal was asked for


def _worker_code(batch: list[Document], as_json: bool, catch: bool = False) -> "list[list[Any] | str]":
    assert _WORKER is not None
    return [_code_safe(_WORKER, d, as_json, catch) for d in batch]


def _code_safe(nlp: Pipeline, doc: Document, as_json: bool, catch: bool) -> "list[Any] | str":
    """The document's records, or with ``catch`` the failure as a string "Type: message" (a plain
    str crosses from a worker process in any build: a compiled class would not pickle)."""
    if not catch:
        return nlp._code_one(doc, as_json)
    try:
        return nlp._code_one(doc, as_json)
    except Exception as exc:  # noqa: BLE001 - one document's failure is reported, the rest coded
        log.debug("coding %s failed", doc.id, exc_info=True)
        return f"{type(exc).__name__}: {exc}"


def _coded(batch: list[Document], results: "list[list[Any] | str]",
           on_error: Callable[[Document, str], None] | None) -> Iterator[tuple[Document, list[Any]]]:
    for doc, res in zip(batch, results):
        if isinstance(res, str):
            on_error(doc, res)  # type: ignore[misc]
        else:
            yield doc, res
