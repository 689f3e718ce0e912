"""Write src/rasd/lexicon/data/MANIFEST.json: the lexicon version and the sha256 of each file.

Run after editing any dictionary file; tests/lexicon/test_lint.py fails while it is stale.
The version is the date of the last change plus the first 12 hex digits of the combined hash,
the same hash that `rasd lexicon` prints and that every record carries in provenance.lexicon.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.lexicon.load import DATA_FILES, lexicon_hash  # noqa: E402

DATA = ROOT / "src" / "rasd" / "lexicon" / "data"


def manifest() -> dict[str, object]:
    files = {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DATA_FILES}
    return {"lexicon": lexicon_hash(DATA), "files": files}


def main() -> int:
    data = manifest()
    path = DATA / "MANIFEST.json"
    old = json.loads(path.read_text("utf-8")) if path.exists() else {}
    if old.get("lexicon") == data["lexicon"]:
        print(f"MANIFEST.json is up to date ({old.get('version')})")
        return 0
    data = {"version": f"{dt.date.today().isoformat()}+{str(data['lexicon'])[:12]}", **data}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {path} version {data['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
