"""Validation of single dictionary rows (rasd.lexicon.schema)."""

from __future__ import annotations

import pytest

from rasd.errors import LexiconError
from rasd.lexicon.schema import parse_trigger

ROW = {"pattern": "هنأ|يهنئ", "pos": "V", "type": "SUPPORT", "cameo": "051", "mode": "", "context": "diplomatic",
       "requires": "", "note": "congratulate"}


def test_conjugations_left_out_are_parsed():
    _, forms = parse_trigger({**ROW, "pattern": "أصاب|يصيب|-نصيب, -نصيبا"}, ("events.tsv", 7), set())
    assert forms == ["أصاب", "يصيب", "نصيب", "نصيبا"]


def test_spelling_is_parsed():
    entry, forms = parse_trigger({**ROW, "spelling": "hamza, bare"}, ("events.tsv", 7), set())
    assert entry.spelling == {"hamza", "bare"} and forms == ["هنأ", "يهنئ"]
    assert parse_trigger(ROW, ("events.tsv", 7), set())[0].spelling == frozenset()


@pytest.mark.parametrize("row, message", [
    ({**ROW, "spelling": "hamzah"}, "spelling: expected"),
    # a form without a hamza could never match under `hamza`
    ({**ROW, "pattern": "هنا|يهنئ", "spelling": "hamza"}, "written without one"),
    # conjugations left out are written -FORM
    ({**ROW, "pattern": "أصاب|يصيب|نصيب"}, "written -FORM"),
    # `kasra` is for verbal nouns in إ (إبعاد, not أبعاد)
    ({**ROW, "pattern": "أبعد|يبعد", "spelling": "kasra"}, "does not begin with إ"),
    # `taa` is for nouns written with a final ة (مصادرة, not مصادره "its sources")
    ({**ROW, "pattern": "مصادرة,مصادرات", "pos": "N", "spelling": "taa"}, "does not end in ة"),
    # a one-letter companion would be the beginning of any word
    ({**ROW, "requires": "اتفاق,ب"}, "requires: a word of one letter"),
])
def test_bad_row_names_file_and_line(row, message):
    with pytest.raises(LexiconError, match=message) as err:
        parse_trigger(row, ("events.tsv", 7), set())
    assert "events.tsv" in str(err.value) and "7" in str(err.value)
