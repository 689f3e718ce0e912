#!/usr/bin/env python3
"""Build src/rasd/lexicon/data/people.jsonl.

Inputs
  * holders21_all.csv (every-politician-scrapers, Wikidata P39 facts; path as first argument,
    default ../shared/data/office-holders/holders21_all.csv relative to the repo root)
  * tools/data/people_ar.tsv     qid <TAB> name_en <TAB> arabic forms separated by "|"
  * tools/data/people_extra.jsonl  full records for people not (or not fully) in the CSV;
    a record whose id is also in the CSV/TSV is merged: its roles are added, its "ar" forms
    appended, and an optional "close" list ([{"office": ..., "end": ...}]) sets the end date of
    roles that are still open (end null) in the CSV snapshot (mid-2022).

Only people with at least one Arabic form are written. Output is sorted by id and
deterministic (no timestamps).  Usage:  python tools/build_people.py [CSV] [--out PATH]
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as _dt
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CSV = REPO.parent / "shared" / "data" / "office-holders" / "holders21_all.csv"
AR_TSV = REPO / "tools" / "data" / "people_ar.tsv"
EXTRA = REPO / "tools" / "data" / "people_extra.jsonl"
OUT = REPO / "src" / "rasd" / "lexicon" / "data" / "people.jsonl"

# Jurisdictions (CSV "jurisdiction" column) -> ISO3.  The first block is the required coverage
# (Arab League, Iran, Turkey, Israel, P5); the second only supplies roles of people listed in
# people_ar.tsv for other reasons (Chávez, Ban Ki-moon, Guterres ...).
TARGET = {
    "Algeria": "DZA", "Bahrain": "BHR", "Comoros": "COM", "Djibouti": "DJI", "Egypt": "EGY",
    "Iraq": "IRQ", "Jordan": "JOR", "Kuwait": "KWT", "Lebanon": "LBN", "Libya": "LBY",
    "Mauritania": "MRT", "Morocco": "MAR", "Oman": "OMN", "Palestine": "PSE", "Qatar": "QAT",
    "Saudi Arabia": "SAU", "Somalia": "SOM", "Sudan": "SDN", "Syria": "SYR", "Tunisia": "TUN",
    "United Arab Emirates": "ARE", "Yemen": "YEM",
    "Iran": "IRN", "Turkey": "TUR", "Israel": "ISR",
    "the United States of America": "USA", "Russia": "RUS", "China": "CHN",
    "the United Kingdom": "GBR", "France": "FRA",
}
OTHER_JURIS = {
    "Venezuela": "VEN", "South Korea": "KOR", "Portugal": "PRT",
}
ROLE_GUESSES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
SINCE = "2000-01-01"

# Sector for "other" CSV positions held by people in the TSV (default GOV).
SKIP_POSITION = re.compile(r"first lady|spouse", re.I)
SECTOR_RULES = [
    (re.compile(r"^(minister|secretary of state|deputy prime|prime minister|vice president|"
                r"parliamentary|secretary of the (army|navy|air force))|commander-in-chief", re.I), "GOV"),
    (re.compile(r"security service|intelligence|\bFSB\b|\bKGB\b", re.I), "SPY"),
    (re.compile(r"^speaker|^president of the (national assembly|senate|council of the nation|"
                r"people's national assembly|kurdistan national council|parliament|house)", re.I), "LEG"),
    (re.compile(r"general staff|chief of staff of the (army|people's|armed|air|naval|navy)|"
                r"chief of (the )?armed forces|joint chiefs|^commander|land forces|air staff|"
                r"military cabinet", re.I), "MIL"),
    (re.compile(r"prosecutor|judge|court", re.I), "JUD"),
]

AR_BAD = re.compile(r"[\u064B-\u065F\u0670\u0640\uFB50-\uFDFF\uFE70-\uFEFF]")


def sector_for(position: str, role_guess: str) -> str | None:
    if role_guess in ROLE_GUESSES:
        return "GOV"
    if SKIP_POSITION.search(position):
        return None
    for rx, sec in SECTOR_RULES:
        if rx.search(position):
            return sec
    return "GOV"


def _lo(d: str) -> str:
    """Comparable lower bound of a partial date."""
    return {4: d + "-01-01", 7: d + "-01"}.get(len(d), d)


def _hi(d: str | None) -> str:
    """Comparable upper bound of a partial end date (None = open)."""
    if d is None:
        return "9999-12-31"
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        return d + "-31"
    return d


def _next_day(d: str) -> str:
    try:
        return (_dt.date.fromisoformat(d) + _dt.timedelta(days=1)).isoformat()
    except ValueError:
        return d


def merge_roles(roles: list[dict]) -> list[dict]:
    """Merge overlapping/adjacent terms of the same (country, sector, office)."""
    groups: dict[tuple, list[dict]] = collections.defaultdict(list)
    for r in roles:
        groups[(r["country"], r["sector"], r.get("office") or "")].append(r)
    out = []
    for _, rs in groups.items():
        rs.sort(key=lambda r: (_lo(r["start"]), _hi(r["end"])))
        cur = dict(rs[0])
        for r in rs[1:]:
            if _lo(r["start"]) <= _next_day(_hi(cur["end"])):
                if _hi(r["end"]) > _hi(cur["end"]):
                    cur["end"] = r["end"]
                # prefer the more precise start when both denote the same moment
                if _lo(r["start"]) == _lo(cur["start"]) and len(r["start"]) > len(cur["start"]):
                    cur["start"] = r["start"]
            else:
                out.append(cur)
                cur = dict(r)
        out.append(cur)
    out.sort(key=lambda r: (_lo(r["start"]), r["country"], r["sector"], r.get("office") or ""))
    return out


_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"})


def norm_key(form: str) -> str:
    """Approximation of the matcher's normalization (alef/ya/ta marbuta/hamza seats, ال)."""
    words = form.translate(_NORM).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


def clean_ar(forms: list[str], where: str, have: list[str] | None = None) -> list[str]:
    """Strip, validate and de-duplicate forms (also forms equal after normalization)."""
    out: list[str] = []
    keys = {norm_key(f) for f in (have or [])}
    for f in forms:
        f = unicodedata.normalize("NFC", re.sub(r"\s+", " ", f.strip()))
        if not f:
            continue
        if AR_BAD.search(f) or not re.search(r"[\u0621-\u064A]", f):
            raise SystemExit(f"{where}: bad Arabic form {f!r}")
        if norm_key(f) in keys:
            continue
        keys.add(norm_key(f))
        out.append(f)
    return out


def read_tsv(path: Path) -> dict[str, tuple[str, list[str]]]:
    people: dict[str, tuple[str, list[str]]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("qid\t"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{n}: expected 3 tab-separated columns, got {len(parts)}")
            qid, name, ar = (p.strip() for p in parts)
            if qid in people:
                raise SystemExit(f"{path}:{n}: duplicate id {qid}")
            people[qid] = (name, clean_ar(ar.split("|"), f"{path}:{n}"))
    return people


def read_csv(path: Path, tsv_ids: set[str]) -> tuple[dict[str, str], dict[str, list[dict]]]:
    names: dict[str, str] = {}
    roles: dict[str, list[dict]] = collections.defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            qid = row["person_qid"].strip()
            juris = row["jurisdiction"]
            end = row["end"].strip() or None
            if end is not None and _hi(end) < SINCE:
                continue
            iso = TARGET.get(juris) or OTHER_JURIS.get(juris)
            if iso is None:
                continue
            core = row["role_guess"] in ROLE_GUESSES
            if not core and qid not in tsv_ids:
                continue
            if core and juris not in TARGET and qid not in tsv_ids:
                continue
            sector = sector_for(row["position"], row["role_guess"])
            if sector is None or not row["start"].strip():
                continue
            names.setdefault(qid, row["person"].strip())
            roles[qid].append({"country": iso, "sector": sector, "start": row["start"].strip(),
                               "end": end, "office": row["position"].strip()})
    return names, roles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", nargs="?", default=str(DEFAULT_CSV))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)

    tsv = read_tsv(AR_TSV)
    names, roles = read_csv(Path(args.csv), set(tsv))

    extras: dict[str, dict] = {}
    with EXTRA.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            rec = json.loads(line)
            if rec["id"] in extras:
                raise SystemExit(f"{EXTRA}:{n}: duplicate id {rec['id']}")
            extras[rec["id"]] = rec

    people = []
    missing_roles = []
    for pid in sorted(set(tsv) | set(extras)):
        name, ar = tsv.get(pid, (None, []))
        rs = [dict(r) for r in roles.get(pid, [])]
        ex = extras.get(pid)
        if ex:
            name = ex.get("name") or name
            ar = ar + clean_ar(ex.get("ar", []), pid, ar)
            for c in ex.get("close", []):
                hit = False
                for r in rs:
                    if r["end"] is None and r["office"] == c["office"] and \
                            (c.get("country") is None or c["country"] == r["country"]):
                        r["end"] = c["end"]
                        hit = True
                if not hit:
                    print(f"WARNING: {pid}: close {c} matched no open role", file=sys.stderr)
            for r in ex.get("roles", []):
                rs.append({"country": r["country"], "sector": r["sector"], "start": r["start"],
                           "end": r.get("end"), "office": r.get("office")})
        name = name or names.get(pid)
        if not ar:
            continue
        if not rs:
            missing_roles.append(pid)
            continue
        rs = merge_roles(rs)
        people.append({"id": pid, "name": name, "ar": ar,
                       "roles": [{k: r[k] for k in ("country", "sector", "start", "end", "office")}
                                 for r in rs]})

    # validation
    seen_forms: dict[str, list[str]] = collections.defaultdict(list)
    for p in people:
        assert p["id"] and p["name"] and p["ar"] and p["roles"], p
        for r in p["roles"]:
            assert r["country"] and r["sector"] and r["start"], (p["id"], r)
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["start"]), (p["id"], r)
            assert r["end"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["end"]), (p["id"], r)
        for a in p["ar"]:
            seen_forms[norm_key(a)].append(p["id"])

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for p in people:
            fh.write(json.dumps(p, ensure_ascii=False, separators=(", ", ": ")) + "\n")

    # report
    for line in out.read_text(encoding="utf-8").splitlines():
        json.loads(line)
    dup = {a: ids for a, ids in seen_forms.items() if len(ids) > 1}
    if dup:
        print("WARNING: Arabic forms shared by several people:", file=sys.stderr)
        for a, ids in sorted(dup.items()):
            print(f"  {a}: {', '.join(ids)}", file=sys.stderr)
    if missing_roles:
        print(f"WARNING: {len(missing_roles)} people with Arabic but no roles: "
              f"{', '.join(missing_roles)}", file=sys.stderr)
    core_ids = {pid for pid, rs in roles.items()
                if any(r["country"] in TARGET.values() and r["office"] for r in rs)}
    no_ar = sorted(core_ids - {p["id"] for p in people})
    if no_ar:
        print(f"note: {len(no_ar)} office holders in scope without Arabic forms: "
              + ", ".join(f"{q} ({names.get(q)})" for q in no_ar), file=sys.stderr)
    by_country = collections.Counter()
    for p in people:
        for c in sorted({r["country"] for r in p["roles"]}):
            by_country[c] += 1
    print(f"wrote {len(people)} people to {out}")
    print("people per country (a person counts once per country they held a role in):")
    for c, n in sorted(by_country.items()):
        print(f"  {c}\t{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
