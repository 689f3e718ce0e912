"""Lint of the dictionary files: schema, forbidden characters, duplicates, manifest."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest

from rasd.errors import LexiconError
from rasd.lexicon.load import DATA_FILES, build_lexicon, lexicon_hash
from rasd.lexicon.schema import FORBIDDEN

DATA = resources.files("rasd.lexicon").joinpath("data")


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_forbidden_characters(name):
    text = DATA.joinpath(name).read_text("utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        bad = FORBIDDEN.search(line)
        assert bad is None, f"{name}:{n}: U+{ord(bad.group()):04X} (tatweel, diacritic or presentation form)"
        assert line == line.rstrip(), f"{name}:{n}: trailing white space"


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".tsv")])
def test_tsv_rows_have_every_column(name):
    rows = list(csv.reader(DATA.joinpath(name).read_text("utf-8").splitlines(), delimiter="\t",
                           quoting=csv.QUOTE_NONE))
    width = len(rows[0])
    for n, row in enumerate(rows[1:], start=2):
        assert len(row) == width, f"{name}:{n}: {len(row)} columns, header has {width}"


def test_every_file_passes_the_schema():
    lex = build_lexicon(DATA, "test")
    assert lex.counts["countries"] >= 193
    assert lex.counts["triggers"] >= 16 * 10
    assert {c for c in lex.countries} >= {"RUS", "VEN", "USA", "SAU", "PSE"}


def test_people_ids_are_unique():
    ids = [json.loads(line)["id"] for line in DATA.joinpath("people.jsonl").read_text("utf-8").splitlines() if line]
    assert len(ids) == len(set(ids))


def test_manifest_is_current():
    manifest = json.loads(DATA.joinpath("MANIFEST.json").read_text("utf-8"))
    assert manifest["lexicon"] == lexicon_hash(DATA), "dictionaries changed: run `python tools/manifest.py`"


def test_schema_errors_name_file_and_line(tmp_path):
    for name in DATA_FILES:
        (tmp_path / name).write_bytes(DATA.joinpath(name).read_bytes())
    with open(tmp_path / "agents.tsv", "a", encoding="utf-8") as fh:
        fh.write("جيش\tmilitary\tbad sector code\n")
    n_lines = len((tmp_path / "agents.tsv").read_text("utf-8").splitlines())
    with pytest.raises(LexiconError) as err:
        build_lexicon(tmp_path, "test")  # type: ignore[arg-type]
    assert f"agents.tsv:{n_lines}" in str(err.value)
