"""Rows out: a readable table on a terminal, or CSV, JSON Lines, Parquet.

Shared by ``rasd query``, ``rasd stats`` and ``rasd export`` so that the same option means
the same thing everywhere. Tables follow ``rasd summary``: plain columns, right-aligned numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

from rasd.errors import ConfigError

FORMATS = ("table", "csv", "jsonl", "parquet")


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if type(v).__name__ == "Decimal":
        return float(v)
    return v


def _cell(v: Any) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float):
        return f"{v:g}" if abs(v) >= 1e-4 or v == 0 else f"{v:.4g}"
    if isinstance(v, (list, tuple)):
        return ";".join(_cell(x) for x in v)
    return str(v)


def write_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], out: IO[str], max_width: int = 40) -> None:
    cells = [[_cell(v) for v in r] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(_plain(r[i]), (int, float)) and not isinstance(r[i], bool) for r in rows
                   if r[i] is not None) and rows for i in range(len(columns))]
    def fmt(vals: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(vals, widths, numeric)).rstrip()
    out.write(fmt(columns) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write(fmt(r) + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def write_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str, output: str = "-") -> int:
    """Write ``rows`` in ``fmt`` to ``output`` (a path or ``-``); returns the number of rows."""
    if fmt == "parquet":
        if output == "-":
            raise ConfigError("parquet output needs a file: add -o FILE.parquet")
        return write_parquet(columns, [[_plain(v) for v in r] for r in rows], output)
    stream: IO[str] = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        n = 0
        if fmt == "table":
            rows = list(rows)
            write_table(columns, rows, stream)
            return len(rows)
        if fmt == "csv":
            w = csv.writer(stream, lineterminator="\n")
            w.writerow(columns)
            for r in rows:
                w.writerow([_cell(v) for v in r])
                n += 1
            return n
        if fmt == "jsonl":
            for r in rows:
                stream.write(json.dumps({c: _plain(v) for c, v in zip(columns, r)}, ensure_ascii=False,
                                        separators=(",", ":")) + "\n")
                n += 1
            return n
        raise ConfigError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    finally:
        if stream is not sys.stdout:
            stream.close()


def write_parquet(columns: Sequence[str], rows: Sequence[Sequence[Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
    arrays = {}
    for c, vals in data.items():
        try:
            arrays[c] = pa.array(vals)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays[c] = pa.array([None if v is None else str(v) for v in vals], type=pa.string())
    pq.write_table(pa.table(arrays), path)
    return len(rows)
