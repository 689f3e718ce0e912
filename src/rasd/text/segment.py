"""Sentence segmentation over the normalized view (offsets are shared with it)."""

from __future__ import annotations

import re

from rasd.model import Span

# A sentence ends at . ! ? (Arabic ؟ is mapped to ? by normalization) followed by space,
# at a line break, or at the end of the text. Decimal points (3.5) and runs (..) stay inside.
# (Written to begin with one character class, so that sre skips to the candidates in C.)
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[.!?]*(?=[\s\"')\]]|$)[\"')\]]*)")
_MAX_SENTENCE = 2000


def split_sentences(norm: str) -> list[Span]:
    """Sentence spans in ``norm`` with surrounding white space trimmed.

    Over-long sentences (no punctuation for thousands of characters) are cut at the last
    comma or space before the limit, so that one run-on paragraph cannot stall the coder.
    """
    spans: list[Span] = []
    pos = 0
    n = len(norm)
    for m in _BOUNDARY.finditer(norm):
        _add(norm, pos, m.end(), spans)
        pos = m.end()
    if pos < n:
        _add(norm, pos, n, spans)
    return spans


def _add(norm: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE:
        cut = max(norm.rfind(",", start, start + _MAX_SENTENCE), norm.rfind(" ", start, start + _MAX_SENTENCE))
        if cut <= start:
            cut = start + _MAX_SENTENCE
        _add(norm, start, cut + 1 if norm[cut:cut + 1] == "," else cut, spans)
        start = cut + 1
        while start < end and norm[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
