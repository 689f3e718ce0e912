#!/usr/bin/env python3
"""Build ``src/rasd/lexicon/data/agents.tsv`` from UniversalPetrarch agents + our curated list.

UniversalPetrarch (MIT, see ``src/rasd/lexicon/data/LICENSE.UniversalPetrarch``) ships two
noisy Arabic agent dictionaries:

* ``agents.all.ar.txt``: ``ENGLISH_KEY {PLURAL} [~CODE]arabic  # comment``
* ``agents.all.ar_v3.txt``: ``arabic_with_underscores [~CODE]`` (lemmatised, more noise)

This tool cleans them into candidate rows (underscores to spaces, diacritics/tatweel and the
article ال removed, Latin letters or broken brackets dropped, compound CAMEO codes mapped to
one primary sector, generic words that are not actors dropped), deduplicates them after the
same normalization the matcher uses, and merges them with ``tools/data/agents_curated.tsv``.
Curated rows win on any conflict. UP rows carry a note starting with ``up:``.

The output is sorted and byte-for-byte deterministic::

    python tools/convert_up_agents.py                    # rebuild agents.tsv
    python tools/convert_up_agents.py --candidates c.tsv # also dump cleaned UP rows
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_UP_DIR = REPO.parent / "shared" / "data" / "up-arabic"
DEFAULT_CURATED = REPO / "tools" / "data" / "agents_curated.tsv"
DEFAULT_OUT = REPO / "src" / "rasd" / "lexicon" / "data" / "agents.tsv"

HEADER = "ar\tsector\tnote"

# Sector codes an agent row may carry (CAMEO actor codebook + PLOVER sectors).
SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP REB UAF SPY PTY INS SEP PRM CVL BUS MED JRN HLH EDU LAB REF "
    "AGR REL CRM ELI DEV ENV HRI SOC UNK".split()
)
# Religion/ideology codes in UP compounds: not sectors; alone they mean a religious actor.
RELIGION = frozenset("MUS JEW BUD CHR HIN CTH ORT SHI SUN".split())
IGNORED = frozenset("RAD MOD IMG IGO".split())

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_LATIN = re.compile("[A-Za-z]")
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
_NORM_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                           "ؤ": "ء", "ئ": "ء"})

# UP entries that are common words, places, objects, events or adjectives rather than actors,
# or whose UP code is wrong for news text (e.g. جراح "surgeon" is mostly "wounds", طالب
# "student" is mostly the verb "demanded", مجلس الأمن is the UN Security Council, an org).
# Written as spelled; compared after ``norm_key``. Curated rows are never affected.
_STOP_WORDS = """
حصاد زراعة صيد فلاحة بستاني محاصص مرابع مزارع بائع تجمع تجمهر تكتل ثري حاوية داعية رئيس
زراعية صناعة صهريج طيران عمل مالك متعهد مزيتة مساوم مقايض منتج نادرة نادل هوائية مصدر مقاول
أصلي أم تأسيسي تبني حي رحال رياضي زبون سياحي ضيعة طائرة عالم فقير قرية متجنس متنزه مجتمع
مستأجر مستعمر مستوطنة مشاهد مقيم بقال متفجع مصوت ضحايا ضحية مهندس علامة جامعة كلية مرب
توحيد حاكمة سيادة عمولة لجنة منظم دولة مطافئ مملكة وكالة دواويني طاغية مستبد دستوري قضاء
مدافع ملتمس مناشد غرفة معلن ولاية مجالس موقع منشور اتصالات مخرج مدونة ممثلين بحري خدمة فريق
قافلة مقدم ثكنات قادة احتياطي جبان حملة صليبي فار مرتد معترض معتقل منفى مصلح سياسي انتفاضة
تمرد تمردية غانم معتد ناهب عائدين مغترب إسلامي إسلامية حاج ديانة دير سني عابد مؤمن متسول
مسلم هازيدي هازيدية يهودي عميلة جهادية قاتل ميليشا نهاب جراح طالب مربية معتني مصحة تنجنيست
مستشار مندوب موفد مفوض
أمن عسكري بحرية مدنية أنظمة إدارة رائد مرجعية مدرسة مدارس جامعات عسكرية أمني أمنية
"""
_STOP_PHRASES = (
    "مجلس أمن", "عدد سكان", "غير مقيم", "غير أصليين", "سيارة سياحية", "طائرة تجارية",
    "طائرة ركاب", "صناعة ألبان", "رعاية ماشية", "عربة شحن", "عربة بضائع", "سفينة تجارية",
    "سفينة بضائع", "سفينة حاويات", "بنك رائد", "لغة عبرية", "بلدة صغيرة", "أوبوزيشون ديلي",
    "حرب عصابات", "جيش طالب", "وحدة معلومات", "إدارة خارجية", "ملك دولة", "شبه رسمي",
    "أمانة السر", "قصر رئاسي", "قصر ملكي", "خزان نفط", "طائرة جامبو", "ابن مدن", "ابناء مدن",
    "مسؤول أجنبي", "خدمة عامة", "قطاع عام", "ضمانات بورصة", "ضمانات مقايضة", "إدخار والقروض",
    "عمارة مدرسة", "مرحلة تحضيرية", "مؤتمر علمي", "معلومات استخباراتية", "نشاط استخباري",
    "عملية استخباراتية", "موقع قتالي", "موقع هاون", "نظام مدفعي", "حكم عسكري", "تمرد مسلح",
    "تمرد منخفض مستوى", "تمرد عرقي", "مصدر متمردين", "قاعدة متمردين", "بوليس سري",
    "مسؤؤل حكومي", "منظمة غير حكومية", "جمعية عامة", "جماعة إسلامية", "جنجويد",
    "وكالة استخبارات مركزية",
)
# Words that show a UP entry is a fragment of a longer pattern ("سفير إلى", "سفارة في").
_FUNCTION_WORDS = frozenset("في من إلى الى على عن لل ل ب و مع".split())
MAX_UP_WORDS = 3


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel; NFC; collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return " ".join(text.split())


def strip_article(text: str) -> str:
    """Drop a leading ال from every word (the matcher ignores it anyway)."""
    words = []
    for w in text.split():
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        words.append(w)
    return " ".join(words)


def norm_key(text: str) -> str:
    """The matcher's comparison key: letter normalization + article removal."""
    return strip_article(strip_marks(text)).translate(_NORM_MAP)


STOPLIST = frozenset(norm_key(w) for w in _STOP_WORDS.split()) | frozenset(
    norm_key(p) for p in _STOP_PHRASES)


def clean_arabic(raw: str) -> str | None:
    """Clean one UP Arabic string; ``None`` when it must be dropped."""
    if _LATIN.search(raw) or any(c in raw for c in "[]{}()<>!#~"):
        return None
    text = strip_article(strip_marks(raw.replace("_", " ")))
    words = text.split()
    if not words or any(not _ARABIC_WORD.match(w) for w in words):
        return None
    if any(len(w) < 2 or w in _FUNCTION_WORDS for w in words):  # fragments: "ب دون", "سفير إلى"
        return None
    if len(words) > MAX_UP_WORDS:  # long calques rarely occur verbatim in news
        return None
    if unicodedata.normalize("NFKC", text) != text:  # presentation forms
        return None
    return text


def map_code(code: str) -> str | None:
    """Map a UP code such as ``~GOVMED`` or ``~REBMUS`` to one primary sector."""
    code = code.strip().lstrip("~")
    if not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return None
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    for part in parts:
        if part in SECTORS:
            return part
    if any(p in RELIGION for p in parts):
        return "REL"
    return None


_AR_LINE = re.compile(r"^(?P<key>[^\[\s][^\[]*?)\s*(?:\{[^}]*\}\s*)?\[(?P<code>[^\]\[]*)\](?P<ar>[^#]*)")
_V3_LINE = re.compile(r"^\s*(?P<ar>\S+)\s*\[(?P<code>[^\]\[]*)\]\s*(?:#.*)?$")


def parse_up_ar(path: Path) -> list[tuple[str, str, str]]:
    """Rows (arabic, sector, english) from ``agents.all.ar.txt``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _AR_LINE.match(line.strip())
        if not m:
            continue
        sector = map_code(m["code"])
        ar = clean_arabic(m["ar"])
        if sector and ar:
            english = m["key"].replace("!PERSON!", "PERSON").replace("!MINIST!", "MINIST")
            english = english.strip().strip("_").replace("_", " ").lower()
            english = re.sub(r"\bminist\b", "ministry", english)
            rows.append((ar, sector, english))
    return rows


def parse_up_v3(path: Path) -> list[tuple[str, str, str]]:
    """Rows (arabic, sector, '') from ``agents.all.ar_v3.txt``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _V3_LINE.match(line)
        if not m:
            continue
        sector = map_code(m["code"])
        ar = clean_arabic(m["ar"])
        if sector and ar:
            rows.append((ar, sector, ""))
    return rows


# Tie-break when UP gives one word several sectors: the more specific / actor-like first.
_PRIORITY = ("MIL", "COP", "SPY", "REB", "UAF", "JUD", "LEG", "GOV", "OPP", "PTY", "MED",
             "HLH", "EDU", "LAB", "REF", "REL", "BUS", "AGR", "ENV", "DEV", "HRI", "CRM",
             "ELI", "CVL")


def up_candidates(up_dir: Path) -> list[tuple[str, str, str]]:
    """Cleaned, deduplicated UP rows (ar, sector, note) sorted by Arabic."""
    ar_rows = parse_up_ar(up_dir / "agents.all.ar.txt")
    # v3 is a lemmatised copy of the same list with worse spelling ("أقلية عرقي", "ب دون"):
    # it only adds votes to entries that agents.all.ar.txt also has, never new entries.
    v3_rows = parse_up_v3(up_dir / "agents.all.ar_v3.txt")
    known = {norm_key(r[0]) for r in ar_rows}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surface: dict[str, str] = {}
    gloss: dict[tuple[str, str], str] = {}
    for ar, sector, english in ar_rows + v3_rows:
        key = norm_key(ar)
        if key in STOPLIST or key not in known:
            continue
        votes[key][sector] += 1
        surface.setdefault(key, ar)
        if english:
            gloss.setdefault((key, sector), english)
    out = []
    for key, counter in votes.items():
        best = max(counter.values())
        sector = min((s for s, n in counter.items() if n == best),
                     key=lambda s: _PRIORITY.index(s) if s in _PRIORITY else len(_PRIORITY))
        note = "up:" + (gloss.get((key, sector)) or "v3")
        out.append((surface[key], sector, note))
    return sorted(out)


def read_curated(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != HEADER:
        raise SystemExit(f"{path}: first line must be the header {HEADER!r}")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            raise SystemExit(f"{path}:{n}: expected 3 tab-separated columns, got {len(cols)}")
        ar, sector, note = (c.strip() for c in cols)
        if sector not in SECTORS:
            raise SystemExit(f"{path}:{n}: unknown sector {sector!r}")
        if strip_marks(ar) != ar or _LATIN.search(ar):
            raise SystemExit(f"{path}:{n}: {ar!r} has diacritics, tatweel, Latin or extra spaces")
        rows.append((ar, sector, note))
    return rows


def merge(curated: list[tuple[str, str, str]], up: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Curated rows first (first curated row per key wins), then UP rows with new keys."""
    seen: dict[str, tuple[str, str, str]] = {}
    for row in curated:
        key = norm_key(row[0])
        if key in seen:
            print(f"warning: curated duplicate {row[0]!r} (kept {seen[key][0]!r} {seen[key][1]})",
                  file=sys.stderr)
            continue
        seen[key] = row
    for row in up:
        seen.setdefault(norm_key(row[0]), row)
    return sorted(seen.values(), key=lambda r: (norm_key(r[0]), r[0]))


def write_tsv(path: Path, rows: list[tuple[str, str, str]]) -> None:
    text = HEADER + "\n" + "".join(f"{a}\t{s}\t{n}\n" for a, s, n in rows)
    path.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--up-dir", type=Path, default=DEFAULT_UP_DIR)
    p.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--candidates", type=Path, help="also write the cleaned UP rows here")
    args = p.parse_args(argv)

    up = up_candidates(args.up_dir)
    if args.candidates:
        write_tsv(args.candidates, up)
    curated = read_curated(args.curated)
    rows = merge(curated, up)
    write_tsv(args.out, rows)
    n_up = sum(1 for r in rows if r[2].startswith("up:"))
    by_sector = Counter(r[1] for r in rows)
    print(f"{args.out}: {len(rows)} rows ({len(rows) - n_up} curated, {n_up} from UP; "
          f"{len(up)} UP candidates)")
    print("  " + " ".join(f"{s}={n}" for s, n in sorted(by_sector.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
