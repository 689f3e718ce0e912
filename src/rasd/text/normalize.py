"""Offset-preserving normalization of Arabic text for matching.

``normalize(text)`` returns a :class:`Normalized` view: ``norm`` is the matching form
(alef and hamza variants merged, ى→ي, ة→ه, ؤ/ئ→ء, diacritics and tatweel dropped,
Arabic-Indic digits → ASCII, presentation forms expanded, Latin lower-cased) and
``to_orig(i)`` maps any index of ``norm`` back to the original string, so evidence spans
always index the caller's text. The character map is data (``data/charmap.json``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CharMap:
    table: dict[int, int | str | None]
    special: re.Pattern[str]     # anything that is dropped or expanded
    deleting: re.Pattern[str]    # dropped characters
    expanding: re.Pattern[str]   # presentation forms
    # The same map as Windows-1256 byte tables: most Arabic text encodes to cp1256 one byte per
    # character, and bytes.translate is several times faster than str.translate.
    byte_table: bytes = bytes(range(256))
    byte_delete: bytes = b""

    def translate(self, text: str) -> str:
        try:
            raw = text.encode("cp1256")
        except UnicodeEncodeError:
            return text.translate(self.table)
        return raw.translate(self.byte_table, self.byte_delete).decode("cp1256")

    @classmethod
    def load(cls) -> "CharMap":
        raw = json.loads(resources.files("rasd.text").joinpath("data/charmap.json").read_text("utf-8"))
        table: dict[int, int | str | None] = {ord(k): v for k, v in raw["map"].items()}
        for ch in raw["delete"]:
            table[ord(ch)] = None
        for c in range(ord("A"), ord("Z") + 1):
            table[c] = chr(c + 32)
        deletions = "".join(re.escape(ch) for ch in raw["delete"])
        special = re.compile("[" + deletions + "\ufb50-\ufdff\ufe70-\ufefe]")
        byte_table, byte_delete = bytearray(range(256)), bytearray()
        for b in range(256):
            try:
                ch = bytes([b]).decode("cp1256")
            except UnicodeDecodeError:
                continue
            m = table.get(ord(ch), ch)
            if m is None:
                byte_delete.append(b)
                continue
            m = chr(m) if isinstance(m, int) else m
            try:
                enc = m.encode("cp1256")
            except UnicodeEncodeError:
                raise ValueError(f"charmap maps {ch!r} to {m!r}, which Windows-1256 cannot encode") from None
            if len(enc) != 1:
                raise ValueError(f"charmap maps {ch!r} to more than one character")
            byte_table[b] = enc[0]
        return cls(table, special, re.compile("[" + deletions + "]"), re.compile("[\ufb50-\ufdff\ufe70-\ufefe]"),
                   bytes(byte_table), bytes(byte_delete))


@lru_cache(maxsize=1)
def default_charmap() -> CharMap:
    """The packaged character map (read on first use, never at import)."""
    return CharMap.load()


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string plus the map back to the original.

    Three cases keep this cheap: nothing dropped (``offsets`` and ``dropped`` are None: the
    identity); characters only dropped (``dropped[j]`` is the normalized index before which the
    j-th dropped character stood, so ``to_orig(i) = i + #{j: dropped[j] <= i}``); presentation
    forms expanded (``offsets[i]`` is the original index of ``norm[i]``, with one extra entry
    for the end of the string).
    """

    original: str
    norm: str
    offsets: tuple[int, ...] | None
    dropped: tuple[int, ...] | None = None
    ta_marbuta: tuple[int, ...] = ()  # positions in ``norm`` whose ه was a ة in the input

    def to_orig(self, i: int) -> int:
        if self.offsets is not None:
            return self.offsets[i]
        if self.dropped is not None:
            return i + bisect_right(self.dropped, i)
        return i

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``norm`` to the original string.

        The end extends over characters normalization dropped right after the span
        (a final diacritic), so the evidence reads as written.
        """
        if self.offsets is None and self.dropped is None:
            return start, end
        if end <= start:
            o = self.to_orig(start)
            return o, o
        return self.to_orig(start), max(self.to_orig(end), self.to_orig(end - 1) + 1)


def normalize(text: str, charmap: CharMap | None = None) -> Normalized:
    cm = charmap or default_charmap()
    if not cm.special.search(text):
        return Normalized(text, cm.translate(text), None, None, _ta_positions(text))
    if not cm.expanding.search(text):
        deleted = [m.start() for m in cm.deleting.finditer(text)]
        dropped = tuple(p - j for j, p in enumerate(deleted))
        ta = tuple(p - bisect_left(deleted, p) for p in _ta_positions(text))
        return Normalized(text, cm.translate(text), None, dropped, ta)
    out: list[str] = []
    offs: list[int] = []
    table = cm.table
    for i, ch in enumerate(text):
        o = ord(ch)
        if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFE:
            piece = unicodedata.normalize("NFKC", ch).translate(table)
        else:
            m = table.get(o, ch)
            piece = "" if m is None else (chr(m) if isinstance(m, int) else m)
        for p in piece:
            out.append(p)
            offs.append(i)
    offs.append(len(text))
    norm = "".join(out)
    ta = tuple(i for i, o in enumerate(offs[:-1]) if norm[i] == "ه" and text[o] in TA_MARBUTA_FORMS)
    return Normalized(text, norm, tuple(offs), None, ta)


# ة and its isolated and final presentation forms (ﺓ ﺔ), which NFKC turns into ة
TA_MARBUTA_FORMS = "\u0629\ufe93\ufe94"


def _ta_positions(text: str) -> tuple[int, ...]:
    out = []
    i = text.find("ة")
    while i >= 0:
        out.append(i)
        i = text.find("ة", i + 1)
    return tuple(out)


# Blessings after a name (الملك سلمان -حفظه الله-، الأمير نايف -رحمه الله-، القيادة -حفظها الله-) stand
# between the subject and the rest of its clause, often set off by dashes that read as clause breaks.
# They tell nothing of the event: mask_honorifics blanks them in the normalized view.
_BLESSING_VERBS = frozenset((
    "حفظه", "حفظها", "حفظهم", "حفظهما", "يحفظه", "يحفظها", "يحفظهم", "يحفظهما", "رعاه", "رعاها", "رعاهم", "يرعاه",
    "يرعاها", "يرعاهم", "رحمه", "رحمها", "رحمهم", "رحمهما", "ايده", "سلمه", "وفقه"))


# Styles of address before a title (صاحب السمو الملكي الأمير …، صاحب المعالي الوزير، معالي الدكتور،
# فخامة الرئيس) stand between a word and the title it governs (زيارة صاحب السمو الملكي الأمير محمد:
# the visit of the prince). Blanked too, when written bare (not وصاحب: its و coordinates the title).
_STYLE_STARTS = ("صاحب", "معالي", "فخامه")
_STYLES = re.compile(r"(?:صاحب|صاحبه) (?:السمو الملكي|السمو|الجلاله|المعالي|الفضيله|السعاده|الدوله)(?= \S)"
                     r"|(?:معالي|فخامه)(?= \S)")


def _style_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of the styles of address that begin a word (str.find, then one match)."""
    spans = []
    for word in _STYLE_STARTS:
        i = norm.find(word)
        while i >= 0:
            if i == 0 or norm[i - 1].isspace():
                m = _STYLES.match(norm, i)
                if m is not None:
                    spans.append(m.span())
            i = norm.find(word, i + len(word))
    return spans


def _blessing_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of the blessings after names, with their dashes or brackets: each الله (str.find)
    and the word before it, not every character."""
    spans = []
    done = 0
    i = norm.find("الله")
    while i >= 0:
        end = i + 4
        k = i
        while k > done and norm[k - 1].isspace():
            k -= 1
        start = k
        while start > done and norm[start - 1].isalnum():
            start -= 1
        if k < i and norm[start:k] in _BLESSING_VERBS and (end == len(norm) or not norm[end].isalnum()):
            j = start
            while j > done and norm[j - 1] == " ":
                j -= 1
            if j > done and norm[j - 1] in "-–(":
                start = j - 1
            j = end
            while j < len(norm) and norm[j] == " ":
                j += 1
            if j < len(norm) and norm[j] in "-–)":
                end = j + 1
            spans.append((start, end))
            done = end
        i = norm.find("الله", end)
    return spans


def mask_honorifics(n: Normalized) -> Normalized:
    """``n`` with the blessings after names (حفظه الله، رحمه الله, with their dashes or brackets)
    and the styles of address before titles (صاحب السمو الملكي، معالي) turned into spaces in
    ``norm``: the same length, so every offset still maps to the input."""
    norm = n.norm
    spans = sorted(_style_spans(norm) + _blessing_spans(norm))
    if not spans:
        return n
    pieces: list[str] = []
    done = 0
    for a, b in spans:
        a = max(a, done)
        pieces += (norm[done:a], " " * (b - a))
        done = max(done, b)
    pieces.append(norm[done:])
    return replace(n, norm="".join(pieces))


def normalize_key(text: str) -> str:
    """Normalize a dictionary string (no offsets needed)."""
    return normalize(text).norm
