"""Places with coordinates from the offline gazetteer (countries, capitals, places.jsonl)."""

from __future__ import annotations

from rasd.actors.recognize import Phrase
from rasd.lexicon import Lexicon
from rasd.model import Location, Span


def location_of(p: Phrase, lexicon: Lexicon, text: str, span: Span) -> Location | None:
    """The most specific place a locative phrase names (city over country)."""
    best = None
    for m in p.mentions:
        if m.kind == "place":
            best = m
            break
        if m.kind == "capital" and (best is None or best.kind != "capital"):
            best = m
        elif m.kind in ("country", "nisba") and best is None:
            best = m
    if best is None:
        return None
    ref = best.ref
    if best.kind == "place":
        return Location(text, span, ref.name, ref.country, ref.lat, ref.lon, ref.geonameid, ref.feature)
    if best.kind == "capital":
        return Location(text, span, ref.name, ref.country, ref.lat, ref.lon, ref.geonameid, "city")
    return Location(text, span, ref.name, ref.iso3, ref.lat, ref.lon, ref.geonameid, "country")
