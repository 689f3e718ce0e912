#!/usr/bin/env python3
"""Build ``src/rasd/codebook/data/cameo.tsv`` and copy the PLOVER tables beside it.

Inputs (the shared, read-only data folder, ``../shared/data`` by default):

- ``cameo/CAMEO.goldsteinscale.txt``  GDELT Goldstein score per CAMEO code (primary);
- ``cameo/cameo_codes_icews.csv``     code names (andybega/icews); also the fallback
  Goldstein for the one code GDELT lacks (1213);
- ``cameo/cameo_root_codes.tsv``      ``quad_1to4`` per two-digit root;
- ``plover/CAMEO2PLOVER-2021.txt``    CAMEO -> PLOVER event type and mode.

Output columns: ``cameo name goldstein quad_class plover_type plover_mode``, one row per
CAMEO code (two-digit roots included), sorted by code, codes as strings with leading zeros.

Decisions (documented because the PLOVER manual asks converters to do so):

- Codes without a line in CAMEO2PLOVER (the 01 and 02 families) get an empty
  ``plover_type`` and ``plover_mode``. Two-digit roots take the type of their section
  header (``08`` is split between CONCEDE and RETREAT and is left empty).
- CAMEO2PLOVER (2021) uses some mode names that the 2024 manual dropped or never had.
  A mode is kept only if it is valid for that type in ``plover_modes.tsv``; the renames in
  ``MODE_RENAMES`` are applied first, anything else invalid becomes empty.
- Where CAMEO2PLOVER lists a code twice (175), the first line wins.

Run from anywhere: ``python tools/build_codebook.py [--shared PATH]``. Deterministic:
the same inputs give byte-identical outputs.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "src" / "rasd" / "codebook" / "data"
DEFAULT_SHARED = REPO.parent / "shared"

PLOVER_TABLES = ("plover_event_types.tsv", "plover_modes.tsv", "plover_contexts.tsv")
HEADER = ("cameo", "name", "goldstein", "quad_class", "plover_type", "plover_mode")

# 2021 mode name -> 2024 manual mode name (applied before validation against plover_modes.tsv)
MODE_RENAMES = {
    "assassinate": "targeted",  # 185, 186: manual 'targeted' covers (attempted) assassinations
    "massacre": "targeted",  # 202: 'targeted' covers deliberate mass killings of defenseless actors
    "ban": "restrict",  # 1322, 1722: 'restrict' covers banning parties or individuals
    "political": "restrict",  # 1321: threaten restrictions on freedom of expression
}
# per-code overrides after renaming ('' = no mode)
MODE_OVERRIDES = {
    "200": "",  # generic "use unconventional mass violence": no single mode fits
}

LINE_RE = re.compile(r"^\s*(\d{2,4})\s*:\s*([^#]*?)\s*(?:#.*)?$")


def read_goldstein(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)
        for row in rows:
            if row and row[0].strip():
                out[row[0].strip()] = row[1].strip()
    return out


def read_icews(path: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["code"].strip()] = (" ".join(row["name"].split()), row["goldstein"].strip())
    return out


def read_quad(path: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        out[row["cameo_root"].strip()] = int(row["quad_1to4"])
    return out


def read_valid_modes(path: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        out.setdefault(row["event_type"].strip(), set()).add(row["mode"].strip())
    return out


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    """Map code -> (type, raw mode). Two-digit header lines give the root's type."""
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            m = LINE_RE.match(line)
            if not m:
                continue
            code, body = m.group(1), m.group(2)
            parts = [p.strip() for p in body.split(",")]
            ptype = parts[0].upper() if parts and parts[0] else ""
            mode = parts[1] if len(parts) > 1 else ""
            if len(code) == 2:
                # section header; the YIELD root (08) is split between two types
                if code in out and out[code][0] != ptype:
                    out[code] = ("", "")
                elif code not in out:
                    out[code] = (ptype, "")
                continue
            out.setdefault(code, (ptype, mode))
    return out


def clean_mode(code: str, ptype: str, raw: str, valid: dict[str, set[str]]) -> str:
    if code in MODE_OVERRIDES:
        return MODE_OVERRIDES[code]
    mode = MODE_RENAMES.get(raw.strip(), raw.strip())
    return mode if mode in valid.get(ptype, set()) else ""


def fmt_goldstein(value: str) -> str:
    return f"{float(value):.1f}"


def build(shared: Path, out_dir: Path) -> int:
    cameo_dir, plover_dir = shared / "data" / "cameo", shared / "data" / "plover"
    gold = read_goldstein(cameo_dir / "CAMEO.goldsteinscale.txt")
    icews = read_icews(cameo_dir / "cameo_codes_icews.csv")
    quad = read_quad(cameo_dir / "cameo_root_codes.tsv")
    valid = read_valid_modes(plover_dir / "plover_modes.tsv")
    c2p = read_cameo2plover(plover_dir / "CAMEO2PLOVER-2021.txt")

    codes = sorted(set(gold) | set(icews))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for code in codes:
        if code in icews:
            name = icews[code][0]
        else:
            raise SystemExit(f"no name for CAMEO code {code}: update cameo_codes_icews.csv")
        goldstein = gold.get(code) or icews[code][1]
        ptype, raw_mode = c2p.get(code, ("", ""))
        mode = clean_mode(code, ptype, raw_mode, valid) if ptype else ""
        rows.append((code, name, fmt_goldstein(goldstein), str(quad[code[:2]]), ptype, mode))

    with (out_dir / "cameo.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")

    for name in PLOVER_TABLES:
        shutil.copyfile(plover_dir / name, out_dir / name)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="path to ../shared")
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = ap.parse_args(argv)
    n = build(args.shared, args.out)
    print(f"wrote {n} CAMEO codes to {args.out / 'cameo.tsv'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
