"""English one-line descriptions of events for people reading the API or the dashboard:
``Russia (GOV) → Venezuela (GOV): CONSULT / 043 Meet at a third location, Caracas``."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def country_names() -> dict[str, str]:
    text = resources.files("rasd.lexicon").joinpath("data/countries.jsonl").read_text("utf-8")
    return {o["iso3"]: o["name"] for o in (json.loads(line) for line in text.splitlines() if line.strip())}


@functools.cache
def _cameo() -> dict[str, str]:
    from rasd.codebook.cameo import load_codebook

    return {c: e.name for c, e in load_codebook().codes.items()}


def cameo_name(code: Any) -> str | None:
    names = _cameo()
    c = str(code or "")
    while c and c not in names:
        c = c[:-1]
    return names.get(c)


def actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return "(unknown)"
    country = a.get("country")
    base = country_names().get(country or "") or a.get("name") or country or a.get("text") or "(unknown)"
    sector = a.get("sector")
    return f"{base} ({sector})" if sector else base


def summary(r: dict[str, Any]) -> str:
    text = f"{actor_label(r.get('source'))} → {actor_label(r.get('target'))}: {r.get('event_type')} / {r.get('cameo')}"
    name = cameo_name(r.get("cameo"))
    if name:
        text += f" {name}"
    loc = r.get("location") or {}
    if loc.get("name"):
        text += f", {loc['name']}"
    flags = [f for f in ("negated", "future", "hypothetical") if r.get(f)]
    if flags:
        text += f" [{', '.join(flags)}]"
    return text


def annotate(r: dict[str, Any]) -> dict[str, Any]:
    """The record with ``cameo_name`` and ``summary`` added (SCHEMA.md allows added fields)."""
    r["cameo_name"] = cameo_name(r.get("cameo"))
    r["summary"] = summary(r)
    return r


def annotated_json(record_json: str, **extra: Any) -> str:
    """A stored record's JSON with ``cameo_name``, ``summary`` and ``extra`` fields spliced in,
    without re-encoding the record (pages of 1000 events stay fast)."""
    r = json.loads(record_json)
    fields = {**extra, "cameo_name": cameo_name(r.get("cameo")), "summary": summary(r)}
    tail = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    inner = record_json.rstrip()[:-1].rstrip()  # the record without its closing brace
    return inner + ("" if inner.endswith("{") else ",") + tail[1:]
