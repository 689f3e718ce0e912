"""Tests for rasd.io.writers: JSONL keeps records, CSV/TSV flatten them deterministically."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rasd.io.writers import CSV_COLUMNS, flatten_record, open_writer

RECORD = {
    "event_id": "e1", "doc_id": "seed", "sentence_index": 1, "sentence_span": [612, 1011],
    "event_type": "CONSULT", "mode": "visit", "context": ["diplomatic", "military"], "cameo": "043",
    "quad_class": 1, "goldstein": 2.8,
    "source": {"text": "نيكولاي باتروشيف", "span": [700, 716], "name": "Nikolai Patrushev",
               "id": "Q316434", "country": "RUS", "sector": "GOV", "sectors": ["GOV"], "code": "RUSGOV"},
    "target": None,
    "trigger": {"text": "لقائه", "span": [749, 754]}, "negated": False, "future": True,
    "hypothetical": False, "attributed_to": {"code": "VENGOV"}, "date": None, "date_source": "none",
    "location": {"text": "كاراكاس", "name": "Caracas", "country": "VEN", "lat": 10.49, "lon": -66.88},
    "confidence": 0.9, "provenance": {"coder": "rasd 0.1.0", "rule": "r42"},
}


def test_jsonl_is_compact_utf8_and_keeps_key_order(tmp_path):
    path = tmp_path / "out.jsonl"
    with open_writer(path, "jsonl") as writer:
        writer.write(RECORD)
        writer.write({"b": 1, "a": "ب"})
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[2] == "" and len(lines) == 3
    assert json.loads(lines[0]) == RECORD
    assert lines[0].startswith('{"event_id":"e1","doc_id":"seed",')
    assert "باتروشيف" in lines[0] and '", "' not in lines[0]
    assert lines[1] == '{"b":1,"a":"ب"}'


def test_jsonl_refuses_nan():
    writer = open_writer(io.StringIO(), "jsonl")
    with pytest.raises(ValueError):
        writer.write({"goldstein": float("nan")})


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_columns(tmp_path, fmt, delimiter):
    path = tmp_path / f"out.{fmt}"
    with open_writer(path, fmt) as writer:
        writer.write(RECORD)
        writer.write({"event_id": "e2", "context": []})
    raw = path.read_text(encoding="utf-8")
    assert "\r" not in raw
    rows = list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter))
    assert tuple(rows[0]) == CSV_COLUMNS
    row = dict(zip(rows[0], rows[1]))
    assert row["sentence_start"] == "612" and row["sentence_end"] == "1011"
    assert row["context"] == "diplomatic;military"
    assert row["cameo"] == "043" and row["goldstein"] == "2.8"
    assert row["source_code"] == "RUSGOV" and row["source_text"] == "نيكولاي باتروشيف"
    assert row["target_code"] == "" and row["target_name"] == ""
    assert row["trigger_start"] == "749" and row["trigger_end"] == "754"
    assert (row["negated"], row["future"]) == ("false", "true")
    assert row["attributed_to_code"] == "VENGOV"
    assert row["date"] == "" and row["location_lon"] == "-66.88"
    assert row["provenance_rule"] == "r42"
    empty = dict(zip(rows[0], rows[2]))
    assert empty["event_id"] == "e2" and set(empty.values()) == {"e2", ""}


def test_header_written_even_without_records_and_output_deterministic(tmp_path):
    outputs = []
    for name in ("a.csv", "b.csv"):
        with open_writer(tmp_path / name, "csv") as writer:
            writer.write(RECORD)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    with open_writer(tmp_path / "empty.csv", "csv"):
        pass
    assert (tmp_path / "empty.csv").read_text(encoding="utf-8") == ",".join(CSV_COLUMNS) + "\n"


def test_fields_with_delimiters_and_newlines_round_trip():
    stream = io.StringIO()
    writer = open_writer(stream, "tsv")
    record = dict(RECORD, trigger={"text": 'قال\t"نعم"\nثم', "span": [1, 2]})
    writer.write(record)
    writer.close()
    assert not stream.closed  # a stream passed in is the caller's
    rows = list(csv.reader(io.StringIO(stream.getvalue(), newline=""), delimiter="\t"))
    assert dict(zip(rows[0], rows[1]))["trigger_text"] == 'قال\t"نعم"\nثم'


def test_binary_stream_and_closed_writer():
    buffer = io.BytesIO()
    writer = open_writer(buffer, "jsonl")
    writer.write({"a": "ب"})
    writer.close()
    assert buffer.getvalue() == '{"a":"ب"}\n'.encode("utf-8")
    assert not buffer.closed
    with pytest.raises(ValueError):
        writer.write({"a": 1})


def test_flatten_matches_columns_and_bad_format():
    assert len(flatten_record(RECORD)) == len(CSV_COLUMNS)
    assert len(flatten_record({})) == len(CSV_COLUMNS)
    with pytest.raises(ValueError):
        open_writer(io.StringIO(), "parquet")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        open_writer(io.StringIO(), "jsonl").write(["not", "a", "dict"])  # type: ignore[arg-type]


def test_encode_record_is_the_standard_json_encoding():
    import json

    from rasd.io.writers import encode_record

    rec = {"doc_id": "x", "goldstein": -10.0, "confidence": 0.85, "context": ["military"], "source": None,
           "text": "قصفت «طائرات» إسرائيلية\n\u2028", "span": [0, 5], "negated": False, "cameo": "0874"}
    assert encode_record(rec) == json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
