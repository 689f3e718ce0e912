"""The coding pipeline: text → sentences → mentions → actors → events → records.

``Pipeline.pipe`` is the batch path (optionally over worker processes); ``Pipeline.code``
wraps it for one text. A pipeline holds the compiled lexicon and a per-instance analysis
cache; nothing is global.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from rasd import __version__
from rasd.actors.recognize import Phrase, build_phrases, phrase_code, select
from rasd.events.frames import assign
from rasd.events.modality import modality
from rasd.events.triggers import select_triggers
from rasd.geo import location_of
from rasd.lexicon import Lexicon, load_lexicon
from rasd.model import Actor, Document, Event, Location, Trigger
from rasd.records import to_record
from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import split_sentences
from rasd.text.tokenize import Analyzer, Token, tokenize
from rasd.time import resolve_event_date

log = logging.getLogger(__name__)

JOINT_TYPES = frozenset(("CONSULT", "COOPERATE", "AGREE", "SUPPORT"))
DUAL_WORDS = frozenset(("بلدين", "جانبين", "طرفين", "دولتين"))
_FUNCTION_WORDS = frozenset((
    "في", "مع", "علي", "ضد", "الي", "من", "عن", "بين", "لدي", "قد", "لن", "لم", "لا", "دون", "بدون", "عدم", "غير",
    "بيد", "يد", "قبل", "برصاص", "نيران", "بنيران", "داخل", "قرب", "امام", "وسط", "نحو", "تجاه",
))


def _stem(word: str) -> str:
    if len(word) > 2 and word[0] in "وف" and word[1:] in _FUNCTION_WORDS:
        return word[1:]
    return word


@dataclass
class _DocState:
    """What earlier sentences of a document told us (for البلدين and implicit countries)."""

    countries: list[str]


class Pipeline:
    """Codes Arabic documents into PLOVER/CAMEO event records (SCHEMA.md)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.analyzer = Analyzer()
        self.coder = f"rasd {__version__}"

    # ---------------------------------------------------------------- public API
    def code(self, text: str, date: str | None = None, doc_id: str = "doc") -> list[dict[str, Any]]:
        """Event records of one text."""
        return self.code_document(Document(doc_id, text, date))

    def code_document(self, doc: Document) -> list[dict[str, Any]]:
        lv = self.lexicon.short_version
        return [to_record(e, self.coder, lv) for e in self.events(doc)]

    def pipe(self, docs: Iterable[Document], batch_size: int = 64, workers: int = 1
             ) -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        """(document, records) for each document, in input order."""
        if workers <= 1:
            for doc in docs:
                yield doc, self.code_document(doc)
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
            pending: list[Any] = []
            batch: list[Document] = []
            for doc in docs:
                batch.append(doc)
                if len(batch) >= batch_size:
                    pending.append((batch, pool.submit(_worker_code, batch)))
                    batch = []
                    while len(pending) > workers * 2:
                        b, fut = pending.pop(0)
                        yield from zip(b, fut.result())
            if batch:
                pending.append((batch, pool.submit(_worker_code, batch)))
            for b, fut in pending:
                yield from zip(b, fut.result())

    # ---------------------------------------------------------------- internals
    def events(self, doc: Document) -> list[Event]:
        n = normalize(doc.text)
        anchor = _parse_date(doc.date)
        state = _DocState([])
        out: list[Event] = []
        for si, (s, e) in enumerate(split_sentences(n.norm)):
            out.extend(self._sentence(doc, n, si, s, e, anchor, state))
        return out

    def _sentence(self, doc: Document, n: Normalized, si: int, s: int, e: int, anchor: dt.date | None,
                  state: _DocState) -> list[Event]:
        tokens = tokenize(n.norm, s, e)
        if not tokens:
            return []
        matches = self.lexicon.matcher.match(tokens, self.analyzer)
        triggers_raw = [m for m in matches if m.layer == "event"]
        stems = [_stem(t.text) for t in tokens]
        mentions = select(matches)
        phrases = build_phrases(tokens, mentions, stems)
        self._add_dual_references(tokens, phrases, state, stems)
        for p in phrases:
            if not p.fields:
                p.fields = phrase_code(p, doc.date, self.lexicon.capitals)
        self._fill_countries(phrases)
        for p in phrases:
            c = p.fields.get("country")
            if not p.locative and isinstance(c, str) and len(c) == 3 and c in self.lexicon.countries:
                if c not in state.countries[-2:]:
                    state.countries.append(c)
        if not triggers_raw:
            return []
        stem_sets = [frozenset(a.stem for a in self.analyzer.analyses(t.text)) for t in tokens]
        hits = select_triggers(matches, stem_sets)
        if not hits:
            return []
        cues = [m for m in matches if m.layer == "cue"]
        orig = doc.text
        sent_span = n.span_to_orig(s, e)
        sent_text = orig[sent_span[0]:sent_span[1]]
        date, date_source = resolve_event_date(sent_text, anchor)
        out: list[Event] = []
        for hit in hits:
            frame = assign(hit, phrases, tokens, stems)
            mod = modality(hit, cues, tokens, stems)
            entry = hit.entry
            code = self.lexicon.codebook.get(entry.cameo)
            tspan = n.span_to_orig(hit.match.start, hit.match.end)
            trigger = Trigger(orig[tspan[0]:tspan[1]], tspan)
            loc = self._location(hit.match.first, phrases, n, orig)
            speaker = self._speaker(mod.say, phrases, n, orig) if mod.say is not None else None
            sources = [self._actor(p, n, orig) for p in frame.source]
            targets = [self._actor(p, n, orig) for p in frame.target]
            rule = f"{frame.rule}:{entry.type.lower()}@events.tsv:{entry.line}"
            dyads: list[tuple[Actor | None, Actor | None]]
            if sources and targets:
                dyads = [(a, b) for a in sources for b in targets if a.span != b.span]
            elif len(sources) >= 2 and entry.type in JOINT_TYPES:
                dyads = [(a, b) for a in sources for b in sources if a.span != b.span]
            elif len(targets) >= 2 and not sources and frame.target and frame.target[0].prep == "بين":
                dyads = [(a, b) for a in targets for b in targets if a.span != b.span]
            elif sources:
                dyads = [(a, None) for a in sources]
            elif targets:
                dyads = [(None, b) for b in targets]
            else:
                dyads = [(None, None)]
            for src, tgt in dyads:
                conf = 0.4 + (0.25 if src is not None else 0) + (0.2 if tgt is not None else 0)
                conf += 0.1 if entry.pos == "V" or entry.pos == "F" else 0.0
                out.append(Event(
                    doc_id=doc.id, sentence_index=si, sentence_span=sent_span, event_type=entry.type,
                    cameo=entry.cameo, quad_class=code.quad_class, goldstein=code.goldstein,
                    mode=entry.mode, context=entry.context, source=src, target=tgt, trigger=trigger,
                    negated=mod.negated, future=mod.future, hypothetical=mod.hypothetical,
                    attributed_to=speaker, date=date, date_source=date_source, location=loc,
                    confidence=round(min(conf, 0.95), 2), rule=rule,
                ))
        return out

    def _actor(self, p: Phrase, n: Normalized, orig: str) -> Actor:
        span = n.span_to_orig(p.start, p.end)
        f = p.fields
        sectors = f.get("sectors") or ()
        return Actor(orig[span[0]:span[1]], span, f.get("name"), f.get("id"), f.get("country"),  # type: ignore[arg-type]
                     f.get("sector"), tuple(sectors), str(f.get("kind") or "agent"))  # type: ignore[arg-type]

    def _location(self, trigger_tok: int, phrases: list[Phrase], n: Normalized, orig: str) -> Location | None:
        locs = [p for p in phrases if p.locative]
        if not locs:
            return None
        best = min(locs, key=lambda p: (abs(p.first - trigger_tok) + (0 if p.first > trigger_tok else 3)))
        span = n.span_to_orig(best.start, best.end)
        return location_of(best, self.lexicon, orig[span[0]:span[1]], span)

    def _speaker(self, say: Any, phrases: list[Phrase], n: Normalized, orig: str) -> Actor | None:
        after = [p for p in phrases if not p.locative and p.first > say.last and p.first - say.last <= 4 and not p.prep]
        before = [p for p in phrases if not p.locative and p.last < say.first and say.first - p.last <= 6 and not p.prep]
        p = after[0] if after else (before[-1] if before else None)
        return self._actor(p, n, orig) if p is not None else None

    def _add_dual_references(self, tokens: list[Token], phrases: list[Phrase], state: _DocState,
                             stems: list[str]) -> None:
        """البلدين / الجانبين → the last two states the document named."""
        if len(state.countries) < 2:
            return
        covered = {i for p in phrases for i in range(p.first, p.last + 1)}
        for i, t in enumerate(tokens):
            if i in covered:
                continue
            an = next((a for a in self.analyzer.analyses(t.text) if a.stem in DUAL_WORDS and not a.suffix), None)
            if an is None:
                continue
            group = max((p.group for p in phrases), default=0) + 1
            prep = stems[i - 1] if i > 0 else ""
            start = t.start + len(an.prefix) - (2 if an.prefix.endswith("ال") else 0)
            for c in state.countries[-2:]:
                country = self.lexicon.countries[c]
                ph = Phrase(i, i, start, t.end, [], prep=prep if prep in ("بين", "مع", "علي", "ضد", "الي", "من") else "")
                ph.group = group
                ph.fields = {"country": c, "sector": None, "sectors": (), "name": country.name, "id": None,
                             "kind": "country"}
                phrases.append(ph)
        phrases.sort(key=lambda p: (p.first, p.group))

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


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        log.warning("ignoring unparseable document date %r", value)
        return None


_WORKER: Pipeline | None = None


def _worker_init() -> None:
    global _WORKER
    os.environ.setdefault("RASD_WORKER", "1")
    _WORKER = Pipeline()


def _worker_code(batch: list[Document]) -> list[list[dict[str, Any]]]:
    assert _WORKER is not None
    return [_WORKER.code_document(d) for d in batch]
