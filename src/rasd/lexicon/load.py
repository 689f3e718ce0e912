"""Load the dictionaries in ``data/``, validate them and compile the matcher.

The lexicon version is the sha256 of every data file (in name order), so two runs with the
same files code identically and stamp the same ``provenance.lexicon``. The compiled form is
cached outside the package (``$RASD_CACHE_DIR`` or ``~/.cache/rasd``) keyed by that hash.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import pickle
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterator

from rasd.codebook import Codebook, load_codebook
from rasd.errors import LexiconError
from rasd.lexicon import schema
from rasd.lexicon.compile import NOMINAL, VERBAL, VERBAL_PAST, Matcher, has_article, key_words, nisba_forms, verb_forms
from rasd.text.normalize import normalize_key

log = logging.getLogger(__name__)

DATA_FILES = ("countries.jsonl", "people.jsonl", "organizations.jsonl", "agents.tsv", "places.jsonl",
              "events.tsv", "cues.tsv")
CACHE_FORMAT = 5
# البلدين "the two countries" → the last pair of states named; بلاده "his country" → the state
# of the nearest actor before it (sector in the value).
REFERENCE_WORDS: dict[str, tuple[str, str | None]] = {
    "بلدين": ("dual", None), "جانبين": ("dual", None), "طرفين": ("dual", None), "دولتين": ("dual", None),
    # the nominative (اتفق الجانبان); بلدان is also the plural "countries": the pipeline takes it for
    # the two only as the subject of a verb (ووقع البلدان اتفاقية, not في البلدان العربية)
    "جانبان": ("dual", None), "طرفان": ("dual", None), "دولتان": ("dual", None), "بلدان": ("dual", None),
    "بلاد": ("possessive", None), "بلد": ("possessive", None), "دولة": ("possessive", None),
    "حكومة": ("possessive", "GOV"),
    # المملكة alone: the kingdom the document names (أدانت المملكة in Saudi news is Saudi Arabia)
    "مملكة": ("kingdom", None),
}


@dataclass
class Lexicon:
    """Compiled dictionaries plus the codebook; read-only once built."""

    matcher: Matcher
    codebook: Codebook
    version: str
    countries: dict[str, schema.Country] = field(default_factory=dict)
    capitals: dict[str, schema.Capital] = field(default_factory=dict)
    # normalized name -> the other states' places of that name (places.jsonl "homonym": true)
    homonyms: dict[str, list[schema.Place]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def short_version(self) -> str:
        return self.version[:12]


def _data_dir(path: str | os.PathLike[str] | None) -> Traversable:
    if path is not None:
        return Path(path)  # type: ignore[return-value]
    return resources.files("rasd.lexicon").joinpath("data")


def lexicon_hash(data: Traversable) -> str:
    h = hashlib.sha256()
    for name in DATA_FILES:
        f = data.joinpath(name)
        if not f.is_file():
            raise LexiconError(f"dictionary file is missing from {data}", name, None)
        h.update(name.encode())
        h.update(f.read_bytes())
    h.update(resources.files("rasd.codebook").joinpath("data/cameo.tsv").read_bytes())
    return h.hexdigest()


def _code_hash() -> str:
    """Hash of the code that shapes the compiled lexicon: a change to it invalidates the cache."""
    h = hashlib.sha256(str(CACHE_FORMAT).encode())
    for pkg, name in (("rasd.lexicon", "compile.py"), ("rasd.lexicon", "load.py"), ("rasd.lexicon", "schema.py"),
                      ("rasd.text", "tokenize.py"), ("rasd.text", "normalize.py"), ("rasd.codebook", "cameo.py")):
        h.update(resources.files(pkg).joinpath(name).read_bytes())
    return h.hexdigest()


def _cache_dir() -> Path:
    env = os.environ.get("RASD_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rasd"


def load_lexicon(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Lexicon:
    """Load and compile the dictionaries (from the package, or ``path``)."""
    data = _data_dir(path)
    version = lexicon_hash(data)
    cache_file = _cache_dir() / f"lexicon-{version[:16]}-{_code_hash()[:12]}.pickle"
    if use_cache and os.environ.get("RASD_NO_CACHE") is None and cache_file.is_file():
        try:
            with cache_file.open("rb") as fh:
                lex = pickle.load(fh)
            if isinstance(lex, Lexicon) and lex.version == version:
                return lex
        except Exception as exc:  # a stale or truncated cache is rebuilt, never fatal
            log.warning("ignoring unreadable lexicon cache %s: %s", cache_file, exc)
    lex = build_lexicon(data, version)
    if use_cache and os.environ.get("RASD_NO_CACHE") is None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache_file)
            _prune(cache_file)
        except OSError as exc:
            log.info("lexicon cache not written (%s)", exc)
    return lex


CACHE_KEEP = 4   # compiled lexicons kept beside the one just written (other installs, other versions)


def _prune(written: Path) -> None:
    """Remove all but the CACHE_KEEP most recently written other lexicon caches: each lexicon or
    code change writes a new file (1.4 MB), which nothing would ever read again."""
    others = []
    for f in written.parent.glob("lexicon-*.pickle"):
        if f != written:
            try:
                others.append((f.stat().st_mtime, f))
            except OSError:
                continue
    others.sort(reverse=True)
    for _, f in others[CACHE_KEEP:]:
        try:
            f.unlink()
        except OSError:
            pass   # another process removed it, or the folder is shared read-only


def _jsonl(data: Traversable, name: str) -> Iterator[tuple[dict[str, Any], tuple[str, int]]]:
    text = data.joinpath(name).read_text("utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"invalid JSON ({exc.msg})", name, n) from None
        if not isinstance(obj, dict):
            raise LexiconError("expected a JSON object", name, n)
        yield obj, (name, n)


BARE_CUE = frozenset(("", "و", "ف"))
DEFINITE_CUE = frozenset(("ال", "وال", "فال"))


def _tsv(data: Traversable, name: str) -> Iterator[tuple[dict[str, str], tuple[str, int]]]:
    text = data.joinpath(name).read_text("utf-8")
    lines = [ln for ln in text.splitlines()]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, start=2):
        first = next(iter(row.values()), "") or ""
        if not any((v or "").strip() for v in row.values()) or first.startswith("#"):
            continue
        yield {k: (v or "") for k, v in row.items() if k is not None}, (name, n)


DEFINITE = frozenset(p for p in NOMINAL if p.endswith(("ال", "لل")))
INDEFINITE = NOMINAL - DEFINITE


def _name_prefixes(form: str) -> frozenset[str]:
    """A proper name is definite or not as a whole: الرقة never occurs as فرقة "a band", nor
    the capital ماليه as المالية "the finance" (the first word's article decides)."""
    return DEFINITE if has_article(form) else INDEFINITE


def _nominal_phrase(form: str) -> bool:
    """A fixed trigger headed by a noun (غارة جوية، استجابة، صفقة أسلحة) frames like a noun.

    Read on the form as written: a first word in ة or ات, or with the article, is a noun
    (no verb ends in ة; after normalization ة and the pronoun ه look alike)."""
    first = form.split()[0]
    return first.endswith(("ة", "ات")) or (first.startswith("ال") and len(form.split()) > 1)


def _spacing_variants(forms: list[str]) -> list[str]:
    """The forms of a name and the same with عبد joined to the next word or parted from it:
    writers spell عبد العزيز and عبدالعزيز, عبد الله and عبدالله alike (the dictionary need list one)."""
    out = list(forms)
    for f in forms:
        words = f.split()
        joined = " ".join(words).replace("عبد ", "عبد")
        parted = " ".join("عبد " + w[3:] if w.startswith("عبد") and len(w) > 5 else w for w in words)
        out += [v for v in (joined, parted) if v != f]
    return list(dict.fromkeys(out))


def build_lexicon(data: Traversable, version: str) -> Lexicon:
    codebook = load_codebook()
    m = Matcher()
    lex = Lexicon(m, codebook, version)
    counts: dict[str, int] = {}

    for obj, where in _jsonl(data, "countries.jsonl"):
        country, forms, capital, metonyms = schema.parse_country(obj, where)
        lex.countries[country.iso3] = country
        amb = {key_words(a) for a in forms["ambiguous"]}
        if country.ambiguous and not amb:
            amb = {key_words(a) for a in forms["name"]}
        for f in forms["name"]:
            m.add(f, "actor", "country", country, ambiguous=key_words(f) in amb, prefixes=_name_prefixes(f))
        for base in forms["nisba"]:
            for form, number in nisba_forms(base):
                # masculine plurals (الروسيون، اليمنيين) are nouns for people of that nationality
                kind = "demonym" if number == "people" else "nisba"
                m.add(form, "actor", kind, country, tag=number, ambiguous=key_words(base) in amb)
        for f in forms["plural"]:
            m.add(f, "actor", "demonym", country, tag="pl", ambiguous=key_words(f) in amb)
        if capital is not None:
            lex.capitals[country.iso3] = capital
            for f in forms.get("capital", []):
                m.add(f, "actor", "capital", capital, ambiguous=key_words(f) in amb, prefixes=_name_prefixes(f))
        for ar, meto in metonyms:
            m.add(ar, "actor", "metonym", meto)
        counts["countries"] = counts.get("countries", 0) + 1

    for obj, where in _jsonl(data, "people.jsonl"):
        person, forms = schema.parse_person(obj, where)
        for f in _spacing_variants(forms):
            m.add(f, "actor", "person", person, prefixes=_name_prefixes(f))
        counts["people"] = counts.get("people", 0) + 1

    for obj, where in _jsonl(data, "organizations.jsonl"):
        org, forms = schema.parse_org(obj, where)
        for f in forms:
            m.add(f, "actor", "org", org, ambiguous=org.ambiguous)
        counts["organizations"] = counts.get("organizations", 0) + 1

    for row, where in _tsv(data, "agents.tsv"):
        agent, ar = schema.parse_agent(row, where)
        # an entry written with the article (البحرية "the navy") matches only definite forms,
        # so the adjective بحرية "naval" is not taken for the navy
        prefixes = DEFINITE if ar.startswith("ال") and " " not in ar else NOMINAL
        m.add(ar, "actor", "agent", agent, suffix_ok=not ar.startswith("ال"), prefixes=prefixes)
        counts["agents"] = counts.get("agents", 0) + 1

    for obj, where in _jsonl(data, "places.jsonl"):
        place, forms, ambiguous = schema.parse_place(obj, where)
        if obj.get("homonym"):
            for f in forms:
                lex.homonyms.setdefault(" ".join(key_words(f)), []).append(place)
            counts["places"] = counts.get("places", 0) + 1
            continue
        amb = {key_words(a) for a in ambiguous}
        for f in forms:
            m.add(f, "actor", "place", place, ambiguous=key_words(f) in amb, prefixes=_name_prefixes(f))
        counts["places"] = counts.get("places", 0) + 1

    cameo_codes = set(codebook.codes)
    for row, where in _tsv(data, "events.tsv"):
        entry, forms = schema.parse_trigger(row, where, cameo_codes)
        suffix_ok = "bare" not in entry.spelling   # أسرت "she captured", but أسرته is "his family"
        if entry.pos == "V":
            conjugations = verb_forms(forms[0], forms[1])
            left_out = {normalize_key(f) for f in forms[2:]}
            if not left_out <= {f for f, _ in conjugations}:
                raise LexiconError(f"pattern: {sorted(left_out)} left out, but not all are conjugations of "
                                   f"{forms[0]}|{forms[1]}", *where)
            for form, tense in conjugations:
                if form not in left_out:
                    m.add(form, "event", "trigger", entry, prefixes=VERBAL_PAST if tense == "past" else VERBAL,
                          suffix_ok=suffix_ok, tag=tense)
        elif entry.pos == "N":
            for f in forms:
                m.add(f, "event", "trigger", entry, prefixes=NOMINAL, suffix_ok=suffix_ok, tag="noun")
        else:
            prefixes = VERBAL if "verb" in entry.spelling else NOMINAL | VERBAL
            for f in forms:
                tag = "noun" if _nominal_phrase(f) else "fixed"
                m.add(f, "event", "trigger", entry, prefixes=prefixes, suffix_ok=suffix_ok, tag=tag)
        counts["triggers"] = counts.get("triggers", 0) + 1

    for row, where in _tsv(data, "cues.tsv"):
        cue, ar = schema.parse_cue(row, where)
        # a cue written with the article (المزاعم، المرجح) is matched with it: the key drops it
        m.add(ar, "cue", cue.kind, cue, prefixes=DEFINITE_CUE if has_article(ar.split()[0]) else BARE_CUE,
              suffix_ok=cue.kind == "SAY")
        counts["cues"] = counts.get("cues", 0) + 1

    # reference words resolved against the document (actors/recognize.py)
    for word, (kind, sector) in REFERENCE_WORDS.items():
        m.add(word, "ref", kind, sector, suffix_ok=kind == "possessive")

    lex.counts = counts
    return lex
