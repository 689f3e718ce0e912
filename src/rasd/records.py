"""Event → SCHEMA.md record, with a deterministic ``event_id``."""

from __future__ import annotations

import hashlib
from typing import Any

from rasd.model import Actor, Event


def event_id(e: Event) -> str:
    key = "|".join((
        e.doc_id, str(e.sentence_index), f"{e.trigger.span[0]}:{e.trigger.span[1]}", e.event_type,
        e.source.code if e.source else "", e.target.code if e.target else "",
    ))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def _actor(a: Actor | None) -> dict[str, Any] | None:
    return a.to_dict() if a is not None else None


def to_record(e: Event, coder: str, lexicon: str) -> dict[str, Any]:
    return {
        "event_id": event_id(e),
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "sentence_span": [e.sentence_span[0], e.sentence_span[1]],
        "event_type": e.event_type,
        "mode": e.mode,
        "context": list(e.context),
        "cameo": e.cameo,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "source": _actor(e.source),
        "target": _actor(e.target),
        "trigger": {"text": e.trigger.text, "span": [e.trigger.span[0], e.trigger.span[1]]},
        "other_triggers": [{"text": t.text, "span": [t.span[0], t.span[1]]} for t in e.other_triggers],
        "negated": e.negated,
        "future": e.future,
        "hypothetical": e.hypothetical,
        "attributed_to": _actor(e.attributed_to),
        "date": e.date,
        "date_source": e.date_source,
        "location": e.location.to_dict() if e.location else None,
        "confidence": e.confidence,
        "provenance": {"coder": coder, "lexicon": lexicon, "rule": e.rule},
    }
