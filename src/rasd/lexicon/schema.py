"""Typed dictionary entries and their validation.

Every entry read from ``data/`` passes through one of the ``parse_*`` functions below,
which raise :class:`~rasd.errors.LexiconError` naming the file and line on any violation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from rasd.errors import LexiconError
from rasd.model import PLOVER_TYPES
from rasd.text.normalize import normalize_key
from rasd.text.tokenize import strip_article

FORBIDDEN = re.compile("[\u0640\u064b-\u065f\u0670\ufb50-\ufdff\ufe70-\ufeff]")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE = re.compile(r"^[A-Z]{3}$")
CUE_KINDS = ("NEG", "FUT", "HYP", "SAY")
SPELLINGS = ("hamza", "bare", "ha", "taa", "kasra", "verb", "single")
HAMZAS = frozenset("أإآءئؤ")
POS = ("V", "N", "F")


def _pickled_as_tuple(cls: type) -> type:
    """Pickle a frozen, slotted entry as its class and field values: the compiled lexicon
    holds thousands of them, and the dataclass default (a state dict rebuilt through
    ``fields()`` for every object) made up most of the cache's load time."""
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names)
    if len(names) == 1:
        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, (values(self),)
    else:
        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, values(self)
    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    start: str
    end: str | None
    office: str


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    ambiguous: bool = False


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Capital:
    country: str
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Metonym:
    country: str
    sector: str
    name: str


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    roles: tuple[Role, ...]

    def role_on(self, date: str | None) -> Role:
        """The role valid on ``date`` (YYYY-MM-DD); the latest-starting one otherwise."""
        roles = sorted(self.roles, key=lambda r: r.start)
        if date:
            valid = [r for r in roles if r.start[: len(date)] <= date and (r.end is None or date <= _end_key(r.end))]
            if valid:
                return valid[-1]
            before = [r for r in roles if r.start <= date]
            if before:
                return before[-1]
            return roles[0]
        return roles[-1]


    def active_near(self, date: str | None, years: int) -> bool:
        """Whether a role of the person overlaps the ``years`` before or after ``date`` (True
        without a date)."""
        if not date or len(date) < 4 or not date[:4].isdigit():
            return True
        lo, hi = f"{int(date[:4]) - years:04d}{date[4:10]}", f"{int(date[:4]) + years:04d}{date[4:10]}"
        return any(r.start <= hi and (r.end is None or _end_key(r.end) >= lo) for r in self.roles)


def _end_key(end: str) -> str:
    # A month- or year-precision end covers the whole period.
    return end + ("-99" if len(end) == 7 else "-99-99" if len(end) == 4 else "")


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Org:
    id: str
    name: str
    country: str
    sector: str | None
    sectors: tuple[str, ...]
    ambiguous: bool = False


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Agent:
    sector: str
    note: str


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    cameo: str
    mode: str | None
    context: tuple[str, ...]
    requires: tuple[str, ...]
    pos: str
    note: str
    line: int
    # how the word must be spelled in the text (SPELLINGS): "hamza" (هنأ, not the adverb هنا
    # "here"; يأسر, not the name ياسر), "bare" (no pronoun: أسرت, not أسرته "his family"), "ha" (a
    # final ه written ه: طالبه "demanded of him", not طالبة "a student"), "taa" (a final ة written ة:
    # مصادرة "confiscation", not مصادره "its sources"), "kasra" (not written with
    # أ: إبعاد "expulsion", not أبعاد "dimensions"), "verb" (fixed forms that are all verbs: no
    # article or preposition before them, no tanween: بوعده، كوعد، وعدواً are nouns, not وعد "promised"),
    # "single" (no shadda written: وعدّ is و + عدّ "considered")
    spelling: frozenset[str] = frozenset()


@_pickled_as_tuple
@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    note: str


def check_arabic(value: Any, where: tuple[str, int], field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{field}: expected a non-empty string, got {value!r}", *where)
    if value != value.strip():
        raise LexiconError(f"{field}: leading or trailing space in {value!r}", *where)
    bad = FORBIDDEN.search(value)
    if bad:
        raise LexiconError(
            f"{field}: {value!r} has U+{ord(bad.group()):04X} (tatweel, diacritic or presentation form)", *where
        )
    return value


def check_list(value: Any, where: tuple[str, int], field: str, allow_empty: bool = False) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        raise LexiconError(f"{field}: expected a {'possibly empty ' if allow_empty else 'non-empty '}list", *where)
    return [check_arabic(v, where, field) for v in value]


def _num(value: Any, where: tuple[str, int], field: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise LexiconError(f"{field}: expected a number, got {value!r}", *where)
    return float(value)


def _gid(value: Any, where: tuple[str, int]) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise LexiconError(f"geonameid: expected an integer, got {value!r}", *where) from None


def _code(value: Any, where: tuple[str, int], field: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not CODE.match(value):
        raise LexiconError(f"{field}: expected a three-letter upper-case code, got {value!r}", *where)
    return value


def _require(obj: dict[str, Any], keys: tuple[str, ...], where: tuple[str, int]) -> None:
    missing = [k for k in keys if k not in obj]
    if missing:
        raise LexiconError(f"missing field(s) {', '.join(missing)}", *where)


def parse_country(obj: dict[str, Any], where: tuple[str, int]) -> tuple[Country, dict[str, list[str]], Capital | None, list[tuple[str, Metonym]]]:
    _require(obj, ("iso3", "name", "ar"), where)
    iso3 = _code(obj["iso3"], where, "iso3")
    assert iso3 is not None
    country = Country(iso3, str(obj["name"]), _num(obj.get("lat"), where, "lat"), _num(obj.get("lon"), where, "lon"),
                      _gid(obj.get("geonameid"), where), bool(obj.get("ambiguous", False)))
    forms = {
        "ambiguous": check_list(obj.get("ambiguous_ar", []), where, "ambiguous_ar", allow_empty=True),
        "name": check_list(obj["ar"], where, "ar"),
        "nisba": check_list(obj.get("nisba", []), where, "nisba", allow_empty=True),
        "plural": check_list(obj.get("plural", []), where, "plural", allow_empty=True),
    }
    capital = None
    cap = obj.get("capital")
    if cap:
        if not isinstance(cap, dict):
            raise LexiconError("capital: expected an object", *where)
        forms["capital"] = check_list(cap.get("ar", []), where, "capital.ar", allow_empty=True)
        capital = Capital(iso3, str(cap.get("name", "")), _num(cap.get("lat"), where, "capital.lat"),
                          _num(cap.get("lon"), where, "capital.lon"), _gid(cap.get("geonameid"), where))
    metonyms: list[tuple[str, Metonym]] = []
    for m in obj.get("metonyms", []) or []:
        if not isinstance(m, dict):
            raise LexiconError("metonyms: expected objects", *where)
        ar = check_arabic(m.get("ar"), where, "metonyms.ar")
        sector = _code(m.get("sector"), where, "metonyms.sector")
        assert sector is not None
        metonyms.append((ar, Metonym(iso3, sector, str(m.get("name") or ar))))
    return country, forms, capital, metonyms


def parse_person(obj: dict[str, Any], where: tuple[str, int]) -> tuple[Person, list[str]]:
    _require(obj, ("id", "name", "ar", "roles"), where)
    forms = check_list(obj["ar"], where, "ar")
    roles = []
    if not isinstance(obj["roles"], list) or not obj["roles"]:
        raise LexiconError("roles: expected a non-empty list", *where)
    for r in obj["roles"]:
        if not isinstance(r, dict):
            raise LexiconError("roles: expected objects", *where)
        country = _code(r.get("country"), where, "roles.country")
        sector = _code(r.get("sector"), where, "roles.sector")
        start, end = r.get("start"), r.get("end")
        if not isinstance(start, str) or not DATE.match(start):
            raise LexiconError(f"roles.start: expected YYYY[-MM[-DD]], got {start!r}", *where)
        if end is not None and (not isinstance(end, str) or not DATE.match(end)):
            raise LexiconError(f"roles.end: expected YYYY[-MM[-DD]] or null, got {end!r}", *where)
        assert country is not None and sector is not None
        roles.append(Role(country, sector, start, end, str(r.get("office", ""))))
    return Person(str(obj["id"]), str(obj["name"]), tuple(roles)), forms


def parse_org(obj: dict[str, Any], where: tuple[str, int]) -> tuple[Org, list[str]]:
    _require(obj, ("id", "name", "ar", "country"), where)
    forms = check_list(obj["ar"], where, "ar")
    country = _code(obj["country"], where, "country")
    sector = _code(obj.get("sector"), where, "sector", nullable=True)
    sectors = tuple(obj.get("sectors") or ([sector] if sector else []))
    for s in sectors:
        _code(s, where, "sectors")
    assert country is not None
    return Org(str(obj["id"]), str(obj["name"]), country, sector, sectors, bool(obj.get("ambiguous", False))), forms


def parse_place(obj: dict[str, Any], where: tuple[str, int]) -> tuple[Place, list[str], set[str]]:
    """A place, its Arabic forms and the forms that are also common words (``ambiguous_ar``).

    ``"homonym": true`` marks the second reading of a name another entry already gives to
    another state (طرابلس of Lebanon beside the Libyan capital): it is not matched by itself,
    the document's other mentions choose between the readings."""
    _require(obj, ("name", "ar", "feature"), where)
    forms = check_list(obj["ar"], where, "ar")
    ambiguous = set(check_list(obj.get("ambiguous_ar", []), where, "ambiguous_ar", allow_empty=True))
    if obj.get("ambiguous") and not ambiguous:
        ambiguous = set(forms)
    country = _code(obj.get("country"), where, "country", nullable=True)
    feature = obj["feature"]
    if not isinstance(obj.get("homonym", False), bool):
        raise LexiconError("homonym: must be true or false", *where)
    if obj.get("homonym") and country is None:
        raise LexiconError("homonym: a homonym reading needs its country", *where)
    if feature not in ("country", "city", "region", "sea", "river", "mountain"):
        raise LexiconError(f"feature: unknown {feature!r}", *where)
    return Place(str(obj["name"]), country, _num(obj.get("lat"), where, "lat"), _num(obj.get("lon"), where, "lon"),
                 _gid(obj.get("geonameid"), where), feature), forms, ambiguous


def parse_agent(row: dict[str, str], where: tuple[str, int]) -> tuple[Agent, str]:
    ar = check_arabic(row.get("ar"), where, "ar")
    sector = _code(row.get("sector"), where, "sector")
    assert sector is not None
    return Agent(sector, row.get("note") or ""), ar


def parse_trigger(row: dict[str, str], where: tuple[str, int], cameo_codes: set[str]) -> tuple[TriggerEntry, list[str]]:
    pattern = check_arabic(row.get("pattern"), where, "pattern")
    pos = row.get("pos", "")
    if pos not in POS:
        raise LexiconError(f"pos: expected one of {POS}, got {pos!r}", *where)
    etype = row.get("type", "")
    if etype not in PLOVER_TYPES:
        raise LexiconError(f"type: {etype!r} is not a PLOVER type", *where)
    cameo = row.get("cameo", "")
    if cameo_codes and cameo not in cameo_codes:
        raise LexiconError(f"cameo: unknown CAMEO code {cameo!r}", *where)
    if pos == "V":
        # PAST|PRESENT, and optionally |-FORM,-FORM: conjugations that are left out because they are
        # another word (أصاب|يصيب|-نصيب,-نصيبا: نصيب "we hit" is the noun "a share")
        parts = pattern.split("|")
        if len(parts) not in (2, 3) or not all(p.strip() for p in parts):
            raise LexiconError(f"pattern: a V entry is PAST|PRESENT[|-FORM,…], got {pattern!r}", *where)
        left_out = [f.strip() for f in parts[2].split(",")] if len(parts) == 3 else []
        if not all(f.startswith("-") and len(f) > 1 for f in left_out):
            raise LexiconError(f"pattern: forms left out are written -FORM, got {parts[2]!r}", *where)
        forms = [p.strip() for p in parts[:2]] + [f[1:] for f in left_out]
    else:
        forms = [f.strip() for f in pattern.split(",") if f.strip()]
        if not forms:
            raise LexiconError("pattern: no forms", *where)
    requires = tuple(strip_article(normalize_key(w.strip())) for w in (row.get("requires") or "").split(",") if w.strip())
    if any(len(w) < 2 for w in requires):
        # a companion is read as the beginning of a stem: one letter would be any word
        raise LexiconError(f"requires: a word of one letter ({row.get('requires')!r})", *where)
    context = tuple(c.strip() for c in (row.get("context") or "").split(",") if c.strip())
    spelling = frozenset(w.strip() for w in (row.get("spelling") or "").split(",") if w.strip())
    if not spelling <= set(SPELLINGS):
        raise LexiconError(f"spelling: expected some of {SPELLINGS}, got {row.get('spelling')!r}", *where)
    if "hamza" in spelling and not all(HAMZAS & set(f) for f in forms):
        raise LexiconError("spelling: hamza, but a form is written without one", *where)
    if "taa" in spelling and not all(f.endswith("ة") for f in forms):
        raise LexiconError("spelling: taa, but a form does not end in ة", *where)
    if "kasra" in spelling and not all(f.startswith("إ") for f in forms):
        raise LexiconError("spelling: kasra, but a form does not begin with إ", *where)
    entry = TriggerEntry(etype, cameo, (row.get("mode") or "").strip() or None, context, requires, pos,
                         row.get("note") or "", where[1], spelling)
    return entry, forms


def parse_cue(row: dict[str, str], where: tuple[str, int]) -> tuple[Cue, str]:
    ar = check_arabic(row.get("ar"), where, "ar")
    kind = row.get("kind", "")
    if kind not in CUE_KINDS:
        raise LexiconError(f"kind: expected one of {CUE_KINDS}, got {kind!r}", *where)
    return Cue(kind, row.get("note") or ""), ar
