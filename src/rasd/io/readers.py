"""Read input files into :class:`~rasd.model.Document` objects.

:func:`iter_documents` takes files, directories and ``-`` (stdin) and yields one
``Document`` per input document, dispatching on the file extension:

``.jsonl`` / ``.ndjson``
    one JSON object a line (``id``, ``text``, ``date``, ``title``, ``source``, ``url``;
    SaudiNewsNet's ``content`` / ``date_extracted`` / ``url`` are accepted too).
``.json``
    an array of such objects (the SaudiNewsNet layout), one object, or several
    concatenated objects.
``.csv`` / ``.tsv``
    a header row, then one document a row.
``.zip``
    members are read as if they were files (SaudiNewsNet ships ``.json`` lists in zips).
``.html`` / ``.htm``
    the main text of the page (navigation, scripts and asides dropped).
``.xml`` / ``.rss`` / ``.atom``
    one document per RSS ``<item>`` or Atom ``<entry>``.
anything else (``.txt``)
    the whole file is one document whose id is the file name.

Text is kept verbatim (only a byte-order mark is removed) because every span the coder
emits indexes it. Bytes are read as UTF-8, or as Windows-1256 when that decoding looks like
Arabic text.

Error policy: every problem becomes an :class:`~rasd.errors.InputError` subclass naming
the file (``source``, as given) and, where there is one, the 1-based ``line``. With
``on_error`` the error is passed to it and reading continues with the next line, record
or file; without it the error is raised. A bad record never costs the others.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import email.utils
import functools
import io
import itertools
import json
import logging
import os
import re
import sys
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, BinaryIO, Union

from rasd.errors import ConfigError, DecodeError, FormatError, InputError
from rasd.model import Document

__all__ = ["DEFAULT_MAX_CHARS", "STDIN_NAME", "html_to_text", "iter_documents"]

log = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 10_000_000
STDIN_NAME = "<stdin>"

_CHUNK = 1 << 16
_BINARY_SNIFF = 8192
_JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
_FEED_EXTS = frozenset({".xml", ".rss", ".atom"})
_HTML_EXTS = frozenset({".html", ".htm"})
_CSV_FALLBACK_COLUMNS = ("content", "text", "sentence")

_DATE_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")
_JSON_WS = re.compile(r"[ \t\n\r]*")
_LONE_SURROGATE = re.compile("[\udc80-\udcff]")
# Plausibility of a Windows-1256 decoding: Arabic letters vs. all letters, no controls.
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE = re.compile(r"\s")

_Item = Union[Document, InputError]


@dataclass(frozen=True, slots=True)
class _Options:
    date: str | None
    text_field: str
    id_field: str
    max_chars: int


def iter_documents(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    date: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int = DEFAULT_MAX_CHARS,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` (files, directories, ``"-"`` for stdin), in order.

    ``date`` (``YYYY-MM-DD``) is the publication date of documents that carry none.
    ``text_field`` / ``id_field`` name the text and id keys of JSON records and CSV columns.
    Documents longer than ``max_chars`` characters are rejected. Problems are raised as
    :class:`InputError` subclasses, or passed to ``on_error`` and skipped.

    Arguments are checked at once (:class:`ConfigError`); files are read lazily.
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]  # type: ignore[list-item]
    if date is not None and _iso_date(date) != date:
        raise ConfigError(f"the date must be YYYY-MM-DD, got {date!r}")
    if max_chars < 1:
        raise ConfigError(f"max_chars must be a positive number, got {max_chars}")
    opts = _Options(date=date, text_field=text_field, id_field=id_field, max_chars=max_chars)
    return _iterate(list(inputs), opts, on_error)


def _iterate(
    inputs: list[str | os.PathLike[str]],
    opts: _Options,
    on_error: Callable[[InputError], None] | None,
) -> Iterator[Document]:
    for given in inputs:
        for item in _read_input(given, opts):
            if isinstance(item, InputError):
                if on_error is None:
                    raise item
                on_error(item)
            else:
                yield item


# --- dispatch -------------------------------------------------------------------------


def _read_input(given: str | os.PathLike[str], opts: _Options) -> Iterator[_Item]:
    if isinstance(given, str) and given == "-":
        yield from _read_stdin(opts)
        return
    path = os.fsdecode(os.fspath(given))
    if os.path.isdir(path):
        errors: list[OSError] = []
        for file_path in _walk(path, errors):
            yield from _read_path(file_path, opts)
        for err in errors:
            yield InputError(f"cannot read the directory: {err.strerror or err}", err.filename or path)
    else:
        yield from _read_path(path, opts)


def _walk(root: str, errors: list[OSError]) -> list[str]:
    """Files under ``root``, hidden files and folders skipped, in sorted path order."""
    found: list[tuple[list[str], str]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = os.path.relpath(dirpath, root)
        parts = [] if rel == os.curdir else rel.split(os.sep)
        for name in filenames:
            if not name.startswith("."):
                found.append(([*parts, name], os.path.join(dirpath, name)))
    found.sort(key=lambda pair: pair[0])
    return [p for _, p in found]


def _ext(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _read_path(path: str, opts: _Options) -> Iterator[_Item]:
    ext = _ext(path)
    name = os.path.basename(path)
    try:
        if ext == ".zip":
            yield from _read_zip(path, opts)
            return
        if ext in _JSONL_EXTS:
            with open(path, "rb") as fh:
                yield from _read_jsonl(iter(functools.partial(fh.read, _CHUNK), b""), path, name, opts)
            return
        too_big = _too_big(os.path.getsize(path), ext, path, opts)
        if too_big is not None:
            yield too_big
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        yield InputError(f"cannot read the file: {err.strerror or err}", path)
        return
    yield from _read_bytes(data, ext, path, name, opts)


def _too_big(size: int, ext: str, source: str, opts: _Options) -> FormatError | None:
    """Refuse a one-document file whose size alone proves it exceeds ``max_chars``."""
    single = ext not in _JSONL_EXTS and ext not in _FEED_EXTS and ext not in {".json", ".csv", ".tsv"}
    if single and size > 4 * opts.max_chars + 4:  # UTF-8 needs at most 4 bytes a character
        return FormatError(
            f"file has {size} bytes, more than the limit of {opts.max_chars} characters; "
            "split it or raise --max-chars",
            source,
        )
    return None


def _read_bytes(data: bytes, ext: str, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    if ext in _JSONL_EXTS:
        yield from _read_jsonl(iter((data,)), source, name, opts)
    elif ext == ".json":
        yield from _read_json(data, source, name, opts)
    elif ext in (".csv", ".tsv"):
        yield from _read_csv(data, "\t" if ext == ".tsv" else ",", source, name, opts)
    elif ext in _HTML_EXTS:
        yield from _read_html(data, source, name, opts)
    elif ext in _FEED_EXTS:
        yield from _read_feed(data, source, name, opts)
    else:
        yield from _read_text(data, source, name, opts)


def _read_stdin(opts: _Options) -> Iterator[_Item]:
    """Read stdin as bytes; JSON Lines when it starts with ``{``, else one text document."""
    stream: BinaryIO = sys.stdin.buffer
    read = stream.read
    read1 = getattr(stream, "read1", read)
    head = b""
    while True:
        chunk = read1(_CHUNK)
        if not chunk:
            break
        head += chunk
        if _strip_bom(head).lstrip():
            break
    first = _strip_bom(head).lstrip()[:1]
    chunks = itertools.chain((head,), iter(functools.partial(read, _CHUNK), b""))
    if first == b"{":
        yield from _read_jsonl(chunks, STDIN_NAME, "stdin", opts)
    elif first == b"[":
        yield from _read_json(b"".join(chunks), STDIN_NAME, "stdin", opts)
    else:
        yield from _read_text(b"".join(chunks), STDIN_NAME, "stdin", opts)


# --- decoding -------------------------------------------------------------------------


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(codecs.BOM_UTF8) else data


def _line_at(data: bytes | str, pos: int) -> int:
    return data.count(b"\n" if isinstance(data, bytes) else "\n", 0, pos) + 1


def _binary_error(data: bytes, source: str) -> DecodeError | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    nul = data.find(b"\x00", 0, _BINARY_SNIFF)
    if nul < 0:
        return None
    return DecodeError(
        "binary file (it contains NUL bytes); Rasd reads UTF-8 or Windows-1256 text",
        source,
        _line_at(data, nul),
    )


def _as_cp1256(data: bytes) -> str | None:
    """``data`` decoded as Windows-1256 if the result is plausibly Arabic text, else None."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    sample = text[:65536]
    if _CONTROL.search(sample):
        return None
    arabic = len(_ARABIC_LETTER.findall(sample))
    letters = len(_ANY_LETTER.findall(sample))
    if arabic == 0 or arabic < 0.6 * letters:
        return None
    if len(sample) >= 40 and len(_WHITESPACE.findall(sample)) < 0.05 * len(sample):
        return None
    return text


def _decode(data: bytes, source: str) -> str:
    """Decode a whole file: UTF-8 (BOM removed), UTF-16 with a BOM, or Arabic Windows-1256."""
    binary = _binary_error(data, source)
    if binary is not None:
        raise binary
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise DecodeError("invalid UTF-16 text", source, _line_at(data, err.start)) from None
    body = _strip_bom(data)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_pos = err.start
    text = _as_cp1256(body)
    if text is not None:
        log.info("%s: not UTF-8; read as Windows-1256 Arabic", source)
        return text
    raise DecodeError(
        f"not UTF-8 (invalid byte 0x{body[bad_pos]:02x}) and not Arabic Windows-1256 text; "
        "convert the file to UTF-8",
        source,
        _line_at(body, bad_pos),
    )


# --- documents ------------------------------------------------------------------------


def _iso_date(value: Any) -> str | None:
    """The ``YYYY-MM-DD`` prefix of ``value`` if it is a real date, else None."""
    if not isinstance(value, str):
        return None
    match = _DATE_PREFIX.match(value.strip())
    if not match:
        return None
    try:
        _dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return match.group(1)


def _checked_date(value: Any, source: str, line: int | None, opts: _Options) -> str | None:
    """A document's own date, else the caller's default; a bad date is only a warning."""
    if value is None or value == "":
        return opts.date
    iso = _iso_date(value)
    if iso is None:
        log.warning("%s:%s: ignoring the date %r: expected YYYY-MM-DD", source, line, value)
        return opts.date
    return iso


def _make_doc(
    doc_id: str,
    text: str,
    date: str | None,
    meta: dict[str, Any],
    source: str,
    line: int | None,
    opts: _Options,
) -> _Item:
    if not text or text.isspace():
        return FormatError("empty document", source, line)
    if len(text) > opts.max_chars:
        return FormatError(
            f"document has {len(text)} characters, more than the limit of {opts.max_chars}; "
            "split it or raise --max-chars",
            source,
            line,
        )
    return Document(id=doc_id, text=text, date=date, meta=meta)


def _read_text(data: bytes, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    try:
        text = _decode(data, source)
    except DecodeError as err:
        yield err
        return
    yield _make_doc(name, text, opts.date, {}, source, 1, opts)


# --- JSON -----------------------------------------------------------------------------

_JSON_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
                    int: "a number", float: "a number", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _record_to_doc(obj: Any, source: str, line: int, fallback_id: str, opts: _Options) -> _Item:
    """One JSON object → a Document (also accepts SaudiNewsNet's field names)."""
    if not isinstance(obj, dict):
        return FormatError(f"expected a JSON object, got {_json_type(obj)}", source, line)
    text_key = next((k for k in (opts.text_field, "text", "content") if k in obj), None)
    if text_key is None:
        return FormatError(f'missing "{opts.text_field}" field (also looked for "content")', source, line)
    text = obj[text_key]
    if not isinstance(text, str):
        return FormatError(f'"{text_key}" must be a string, got {_json_type(text)}', source, line)
    raw_id = obj.get(opts.id_field)
    if raw_id is None or raw_id == "":
        url = obj.get("url")
        raw_id = url if isinstance(url, str) and url else None
    if raw_id is None:
        doc_id = fallback_id
    elif isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        return FormatError(f'"{opts.id_field}" must be a string, got {_json_type(raw_id)}', source, line)
    else:
        doc_id = str(raw_id)
    raw_date = obj.get("date")
    if raw_date is None or raw_date == "":
        raw_date = obj.get("date_extracted")
    date = _checked_date(raw_date, source, line, opts)
    meta = {k: v for k, v in obj.items() if k not in (text_key, opts.id_field, "date")}
    return _make_doc(doc_id, text, date, meta, source, line, opts)


def _iter_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Split a stream of byte chunks into lines (without joining long lines repeatedly)."""
    pending: list[bytes] = []
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                if start < len(chunk):
                    pending.append(chunk[start:])
                break
            pending.append(chunk[start : nl + 1])
            yield b"".join(pending)
            pending = []
            start = nl + 1
    if pending:
        yield b"".join(pending)


def _read_jsonl(chunks: Iterator[bytes], source: str, name: str, opts: _Options) -> Iterator[_Item]:
    first = next(chunks, b"")
    binary = _binary_error(first, source)
    if binary is not None:
        yield binary
        return
    for lineno, raw in enumerate(_iter_lines(itertools.chain((first,), chunks)), 1):
        if lineno == 1:
            raw = _strip_bom(raw)
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            decoded = _as_cp1256(raw)
            if decoded is None:
                yield DecodeError(
                    f"line is not UTF-8 (invalid byte 0x{raw[err.start]:02x} at byte {err.start + 1}) "
                    "and not Arabic Windows-1256; convert the file to UTF-8",
                    source,
                    lineno,
                )
                continue
            line = decoded
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield FormatError(f"malformed JSON: {err.msg} (column {err.colno})", source, lineno)
            continue
        yield _record_to_doc(obj, source, lineno, f"{name}:{lineno}", opts)


def _read_json(data: bytes, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    """A JSON array of records, one record, or records one after another.

    Parsed record by record so that a truncated or broken file still yields every
    record before the damage.
    """
    try:
        text = _decode(data, source)
    except DecodeError as err:
        yield err
        return
    decoder = json.JSONDecoder()
    end = len(text)
    line, counted = 1, 0

    def line_of(pos: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, pos)
        counted = pos
        return line

    def skip(pos: int) -> int:
        return _JSON_WS.match(text, pos).end()  # type: ignore[union-attr]

    def broken(err: json.JSONDecodeError) -> FormatError:
        return FormatError(
            f"malformed JSON: {err.msg} (column {err.colno}); the rest of the file is skipped",
            source,
            err.lineno,
        )

    def item(pos: int) -> tuple[Any, int]:
        """The record (or its error) starting at ``pos`` and where the next one starts (-1: stop)."""
        item_line = line_of(pos)
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as err:
            return broken(err), -1
        return _record_to_doc(obj, source, item_line, f"{name}:{item_line}", opts), skip(pos)

    pos = skip(0)
    if pos == end:
        yield FormatError("empty JSON file", source, 1)
        return
    if text[pos] != "[":
        while pos < end:  # one object, or several (JSON Lines saved as .json)
            got, pos = item(pos)
            yield got
            if pos < 0:
                return
        return
    pos = skip(pos + 1)
    if pos < end and text[pos] == "]":
        pos = skip(pos + 1)
    else:
        while True:
            got, pos = item(pos)
            yield got
            if pos < 0:
                return
            if pos >= end:
                yield FormatError("truncated JSON: the array is not closed with ']'", source, line_of(end))
                return
            if text[pos] == ",":
                pos = skip(pos + 1)
                continue
            if text[pos] == "]":
                pos = skip(pos + 1)
                break
            yield FormatError(
                f"malformed JSON: expected ',' or ']' after a record, found {text[pos]!r}; "
                "the rest of the file is skipped",
                source,
                line_of(pos),
            )
            return
    if pos < end:
        yield FormatError("unexpected data after the JSON array", source, line_of(pos))


# --- CSV / TSV ------------------------------------------------------------------------


def _read_csv(data: bytes, delimiter: str, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    binary = _binary_error(data, source)
    if binary is not None:
        yield binary
        return
    lenient = False
    try:
        text = _decode(data, source)
    except DecodeError:
        # Undecodable bytes: keep them as lone surrogates and report only the rows holding them.
        text = _strip_bom(data).decode("utf-8", "surrogateescape")
        lenient = True
    # Documents may be long: the csv module's process-wide field limit (128 KiB) is only
    # ever raised here, never lowered.
    if csv.field_size_limit() < opts.max_chars + 1:
        csv.field_size_limit(opts.max_chars + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield FormatError("empty file: no header row", source, 1)
        return
    except csv.Error as err:
        yield FormatError(f"malformed header row: {err}", source, 1)
        return
    candidates = (opts.text_field, *_CSV_FALLBACK_COLUMNS)
    text_col = next((c for c in candidates if c in header), None)
    if text_col is None:
        wanted = ", ".join(f'"{c}"' for c in dict.fromkeys(candidates))
        yield FormatError(f"no text column (looked for {wanted}; the header has {header})", source, 1)
        return
    ti = header.index(text_col)
    ii = header.index(opts.id_field) if opts.id_field in header else None
    di = header.index("date") if "date" in header else None
    special = {ti, ii, di}
    done = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            yield FormatError(f"malformed row: {err}", source, done + 1)
            if reader.line_num == done:
                break
            done = reader.line_num
            continue
        line, done = done + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if lenient and any(_LONE_SURROGATE.search(cell) for cell in row):
            yield DecodeError("row is not UTF-8 (nor Arabic Windows-1256); convert the file to UTF-8", source, line)
            continue
        doc_text = row[ti] if ti < len(row) else ""
        if not doc_text.strip():
            yield FormatError(f'empty text in column "{text_col}"', source, line)
            continue
        raw_id = row[ii].strip() if ii is not None and ii < len(row) else ""
        raw_date = row[di] if di is not None and di < len(row) else None
        meta = {header[j]: v for j, v in enumerate(row[: len(header)]) if j not in special and v != ""}
        date = _checked_date(raw_date, source, line, opts)
        yield _make_doc(raw_id or f"{name}:{line}", doc_text, date, meta, source, line, opts)


# --- HTML -----------------------------------------------------------------------------

_HTML_SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript",
                        "template", "svg", "iframe"})
_HTML_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
                         "h4", "h5", "h6", "tr", "table", "section", "blockquote", "pre", "hr",
                         "figure", "figcaption", "address", "body"})
_HTML_MAIN = frozenset({"article", "main"})
_HTML_DATE_META = frozenset({"article:published_time", "og:published_time", "date", "pubdate",
                             "dc.date", "datepublished"})


class _HTMLText(HTMLParser):
    """Collect paragraph texts; prefer those inside ``<article>``/``<main>`` when present."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.main = 0
        self.in_title = False
        self.title: list[str] = []
        self.parts: list[str] = []
        self.blocks: list[str] = []
        self.main_blocks: list[str] = []
        self.date: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            found = dict(attrs)
            key = (found.get("property") or found.get("name") or found.get("itemprop") or "").lower()
            if key in _HTML_DATE_META and self.date is None:
                self.date = found.get("content")
        elif tag in _HTML_BLOCK:
            self.flush()
        elif tag in _HTML_MAIN:
            self.flush()
            self.main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _HTML_BLOCK:
            self.flush()
        elif tag in _HTML_MAIN and self.main:
            self.flush()
            self.main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        self.parts = []
        if text:
            (self.main_blocks if self.main else self.blocks).append(text)

    def result(self) -> tuple[str, str]:
        self.close()
        self.flush()
        return "\n".join(self.main_blocks or self.blocks), " ".join("".join(self.title).split())


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page or fragment, one paragraph a line."""
    parser = _HTMLText()
    parser.feed(markup)
    return parser.result()[0]


def _read_html(data: bytes, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    try:
        markup = _decode(data, source)
    except DecodeError as err:
        yield err
        return
    parser = _HTMLText()
    parser.feed(markup)
    text, title = parser.result()
    meta: dict[str, Any] = {"title": title} if title else {}
    date = _checked_date(parser.date, source, 1, opts)
    yield _make_doc(name, text, date, meta, source, 1, opts)


# --- RSS / Atom -----------------------------------------------------------------------


class _Forbidden(Exception):
    pass


class _ItemCollector:
    """expat handlers that build an ElementTree element per RSS item / Atom entry."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.builder: ET.TreeBuilder | None = None
        self.depth = 0
        self.line = 0
        self.done: list[tuple[int, ET.Element]] = []

    @staticmethod
    def _clark(name: str) -> str:
        return "{" + name if "}" in name else name

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._clark(name)
        if self.builder is None:
            if _local(tag) not in ("item", "entry"):
                return
            self.builder = ET.TreeBuilder()
            self.line = self.parser.CurrentLineNumber
            self.depth = 0
        self.depth += 1
        self.builder.start(tag, {_local(self._clark(k)): v for k, v in attrs.items()})

    def end(self, name: str) -> None:
        if self.builder is None:
            return
        self.builder.end(self._clark(name))
        self.depth -= 1
        if self.depth == 0:
            self.done.append((self.line, self.builder.close()))
            self.builder = None

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    @staticmethod
    def forbid(*_args: Any) -> None:
        raise _Forbidden


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_feed(data: bytes, source: str, name: str, opts: _Options) -> Iterator[_Item]:
    """RSS 2.0 / RSS 1.0 items and Atom entries, streamed; DOCTYPE and ENTITY refused."""
    binary = _binary_error(data, source)
    if binary is not None:
        yield binary
        return
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    collector = _ItemCollector(parser)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    parser.StartDoctypeDeclHandler = collector.forbid
    parser.EntityDeclHandler = collector.forbid
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    count = 0
    failure: FormatError | None = None
    for offset in range(0, len(data) + 1, _CHUNK):
        chunk = data[offset : offset + _CHUNK]
        final = offset + _CHUNK > len(data)
        try:
            parser.Parse(chunk, final)
        except _Forbidden:
            failure = FormatError(
                "DOCTYPE or ENTITY declarations are not accepted (entity-expansion risk); "
                "remove the <!DOCTYPE …> line",
                source,
                parser.CurrentLineNumber,
            )
        except xml.parsers.expat.ExpatError as err:
            message = xml.parsers.expat.ErrorString(err.code)
            failure = FormatError(
                f"malformed XML: {message} (column {err.offset + 1}); the rest of the file is skipped",
                source,
                err.lineno,
            )
        for line, element in collector.done:
            count += 1
            yield _feed_item(element, line, count, source, name, opts)
        collector.done.clear()
        if failure is not None:
            yield failure
            return
    if count == 0:
        yield FormatError("no RSS <item> or Atom <entry> elements found", source, 1)


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def _element_text(element: ET.Element) -> str:
    if len(element):  # Atom XHTML content: child elements
        return " ".join("".join(element.itertext()).split())
    raw = element.text or ""
    if "<" in raw or "&" in raw:  # escaped HTML inside a description
        return html_to_text(raw)
    return raw.strip()


def _feed_date(element: ET.Element, source: str, line: int) -> str | None:
    for child in _children(element, "pubDate"):
        value = (child.text or "").strip()
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            iso = _iso_date(value)
            if iso:
                return iso
            log.warning("%s:%s: ignoring the date %r", source, line, value)
    for tag in ("published", "date", "updated"):  # Atom, Dublin Core
        for child in _children(element, tag):
            iso = _iso_date((child.text or "").strip())
            if iso:
                return iso
            log.warning("%s:%s: ignoring the date %r", source, line, child.text)
    return None


def _feed_item(element: ET.Element, line: int, number: int, source: str, name: str,
               opts: _Options) -> _Item:
    title = next((_element_text(c) for c in _children(element, "title")), "")
    body = ""
    for tag in ("encoded", "content", "description", "summary"):  # content:encoded first
        body = next((t for t in map(_element_text, _children(element, tag)) if t), "")
        if body:
            break
    link = None
    for child in _children(element, "link"):
        href = child.get("href")
        if (child.text or "").strip():
            link = (child.text or "").strip()
            break
        if href and child.get("rel", "alternate") == "alternate":
            link = href.strip()
            break
    guid = next(((c.text or "").strip() for c in _children(element, "guid", "id") if (c.text or "").strip()), None)
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    if link:
        meta["url"] = link
    if guid:
        meta["guid"] = guid
    date = _feed_date(element, source, line) or opts.date
    doc_id = link or guid or f"{name}:item-{number}"
    return _make_doc(doc_id, body or title, date, meta, source, line, opts)


# --- zip ------------------------------------------------------------------------------

_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError)


def _hidden_member(member: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in member.split("/") if part)


def _read_zip(path: str, opts: _Options) -> Iterator[_Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        yield FormatError(f"not a readable zip archive ({err})", path)
        return
    zip_name = os.path.basename(path)
    with archive:
        members = sorted(
            (i for i in archive.infolist() if not i.is_dir() and not _hidden_member(i.filename)),
            key=lambda i: i.filename,
        )
        for info in members:
            source = f"{path}/{info.filename}"
            name = f"{zip_name}/{info.filename}"
            ext = _ext(info.filename)
            if ext == ".zip":
                yield FormatError("zip archives inside zip archives are not read; extract it first", source)
                continue
            too_big = _too_big(info.file_size, ext, source, opts)
            if too_big is not None:
                yield too_big
                continue
            try:
                if ext in _JSONL_EXTS:
                    with archive.open(info) as fh:
                        yield from _read_jsonl(iter(functools.partial(fh.read, _CHUNK), b""), source, name, opts)
                    continue
                data = archive.read(info)
            except _ZIP_ERRORS as err:
                yield FormatError(f"cannot read this archive member ({err})", source)
                continue
            yield from _read_bytes(data, ext, source, name, opts)
