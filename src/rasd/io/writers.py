"""Write event records (SCHEMA.md dicts) as JSON Lines, CSV or TSV.

JSON Lines keeps the nested record as it is. CSV and TSV flatten it into the fixed column
list :data:`CSV_COLUMNS` (actors, trigger, location spread into ``prefix_field`` columns,
``context`` joined by ``;``, booleans as ``true``/``false``, None as an empty cell), always
preceded by the header, so that the same records always give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import IO, Any, Literal

import orjson

__all__ = ["CSV_COLUMNS", "Writer", "flatten_record", "open_writer"]

Format = Literal["jsonl", "csv", "tsv"]

_ACTOR_FIELDS = ("text", "name", "id", "country", "sector", "code")

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "sentence_start", "sentence_end",
    "event_type", "mode", "context", "cameo", "quad_class", "goldstein",
    *(f"source_{f}" for f in _ACTOR_FIELDS),
    *(f"target_{f}" for f in _ACTOR_FIELDS),
    "trigger_text", "trigger_start", "trigger_end",
    "negated", "future", "hypothetical", "attributed_to_code",
    "date", "date_source",
    "location_text", "location_name", "location_country", "location_lat", "location_lon",
    "confidence", "provenance_rule",
)


def _get(record: Mapping[str, Any], key: str, field: str | int) -> Any:
    """``record[key][field]`` when both exist (field may index a span list), else None."""
    inner = record.get(key)
    if isinstance(inner, Mapping):
        return inner.get(field) if isinstance(field, str) else None
    if isinstance(inner, (list, tuple)) and isinstance(field, int) and len(inner) > field:
        return inner[field]
    return None


def _span(record: Mapping[str, Any], key: str, index: int) -> Any:
    inner = record.get(key)
    span = inner.get("span") if isinstance(inner, Mapping) else None
    return span[index] if isinstance(span, (list, tuple)) and len(span) > index else None


def flatten_record(record: Mapping[str, Any]) -> list[Any]:
    """The values of :data:`CSV_COLUMNS` for one record (missing fields are None)."""
    row: list[Any] = [
        record.get("event_id"),
        record.get("doc_id"),
        record.get("sentence_index"),
        _get(record, "sentence_span", 0),
        _get(record, "sentence_span", 1),
        record.get("event_type"),
        record.get("mode"),
        record.get("context"),
        record.get("cameo"),
        record.get("quad_class"),
        record.get("goldstein"),
    ]
    for role in ("source", "target"):
        row.extend(_get(record, role, f) for f in _ACTOR_FIELDS)
    row += [
        _get(record, "trigger", "text"),
        _span(record, "trigger", 0),
        _span(record, "trigger", 1),
        record.get("negated"),
        record.get("future"),
        record.get("hypothetical"),
        _get(record, "attributed_to", "code"),
        record.get("date"),
        record.get("date_source"),
        *(_get(record, "location", f) for f in ("text", "name", "country", "lat", "lon")),
        record.get("confidence"),
        _get(record, "provenance", "rule"),
    ]
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)


def encode_record(record: Mapping[str, Any]) -> str:
    """One JSON Lines line (without the newline) for a record: the JSONL writer's encoding.

    orjson writes exactly what ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``
    writes (a test pins this), three times faster.
    """
    for v in record.values():
        if isinstance(v, float) and not math.isfinite(v) or isinstance(v, dict) and any(
                isinstance(x, float) and not math.isfinite(x) for x in v.values()):
            raise ValueError(f"record {record.get('event_id')!r} holds a NaN or infinite number: not valid JSON")
    return orjson.dumps(record).decode("utf-8")


class Writer:
    """Writes records to a text stream; use as a context manager or call :meth:`close`."""

    def __init__(self, stream: IO[str], fmt: Format, *, owns_stream: bool,
                 release: Callable[[], None] | None = None) -> None:
        if fmt not in ("jsonl", "csv", "tsv"):
            raise ValueError(f"unknown output format {fmt!r}: use jsonl, csv or tsv")
        self.fmt = fmt
        self._stream = stream
        self._owns = owns_stream
        self._release = release
        self._closed = False
        self._csv = None
        if fmt != "jsonl":
            self._csv = csv.writer(stream, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
            self._csv.writerow(CSV_COLUMNS)

    def write(self, record: Mapping[str, Any]) -> None:
        if self._closed:
            raise ValueError("write to a closed writer")
        if not isinstance(record, Mapping):
            raise TypeError(f"a record must be a dict, got {type(record).__name__}")
        if self._csv is None:
            self._stream.write(encode_record(record) + "\n")
        else:
            self._csv.writerow([_cell(v) for v in flatten_record(record)])

    def write_encoded(self, line: str) -> None:
        """Write a line already made by :func:`encode_record` (JSONL only)."""
        if self._csv is not None:
            raise ValueError("write_encoded is for JSON Lines output")
        self._stream.write(line + "\n")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._owns:
            self._stream.close()
        elif self._release is not None:
            self._release()
        else:
            self._stream.flush()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_writer(path_or_stream: str | os.PathLike[str] | IO[Any], fmt: Format) -> Writer:
    """A :class:`Writer` to a path (``"-"`` is stdout), a text stream or a binary stream.

    Files are written as UTF-8 with ``\\n`` line ends. Streams passed in are flushed, not
    closed, by :meth:`Writer.close`.
    """
    if fmt not in ("jsonl", "csv", "tsv"):
        raise ValueError(f"unknown output format {fmt!r}: use jsonl, csv or tsv")
    if isinstance(path_or_stream, (str, os.PathLike)):
        if os.fspath(path_or_stream) == "-":
            return Writer(sys.stdout, fmt, owns_stream=False)
        stream = open(path_or_stream, "w", encoding="utf-8", newline="")  # noqa: SIM115
        return Writer(stream, fmt, owns_stream=True)
    if isinstance(path_or_stream, io.TextIOBase):
        return Writer(path_or_stream, fmt, owns_stream=False)  # type: ignore[arg-type]
    # A binary stream: encode as UTF-8 and hand the stream back untouched on close.
    wrapper = io.TextIOWrapper(path_or_stream, encoding="utf-8", newline="", write_through=True)

    def release() -> None:
        wrapper.flush()
        wrapper.detach()

    return Writer(wrapper, fmt, owns_stream=False, release=release)
