"""The typed data model shared by every stage.

All spans are ``(start, end)`` character offsets into the *original* input string of the
document (Python ``str`` indices, end exclusive): ``doc.text[start:end]`` is the evidence.
Objects are frozen: stages build new ones instead of mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: caller's id, raw text, optional publication date and metadata."""

    id: str
    text: str
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor mention: who, with CAMEO-style country and sector codes."""

    text: str
    span: Span
    name: str | None = None
    id: str | None = None
    country: str | None = None
    sector: str | None = None
    sectors: tuple[str, ...] = ()
    kind: str = "agent"  # country | capital | nationality | person | org | agent | place

    @property
    def code(self) -> str:
        return (self.country or "---") + "".join(self.sectors or ((self.sector,) if self.sector else ()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "name": self.name,
            "id": self.id,
            "country": self.country,
            "sector": self.sector,
            "sectors": list(self.sectors),
            "code": self.code,
        }


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str = "city"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
        }


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event (one dyad). Serialised by :mod:`rasd.records`."""

    doc_id: str
    sentence_index: int
    sentence_span: Span
    event_type: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str | None
    context: tuple[str, ...]
    source: Actor | None
    target: Actor | None
    trigger: Trigger
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    attributed_to: Actor | None = None
    date: str | None = None
    date_source: str = "none"
    location: Location | None = None
    confidence: float = 0.5
    rule: str = ""
    # the other words of the sentence that express this same event (same type and dyad: the
    # triggers of one incident), merged into it by the pipeline
    other_triggers: tuple[Trigger, ...] = ()
