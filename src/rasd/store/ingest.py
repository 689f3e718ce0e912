"""Code documents and store them: batches committed in transactions, keyed by content hash.

A document's key is the sha256 of its text. Before coding a batch the store is asked which
keys it already holds; those documents are skipped, so re-ingesting adds nothing and a run
killed at any moment resumes where its last committed batch ended. Every batch (documents,
sentences, actors, events and the errors met on the way) is one transaction. Duplicate
groups are recomputed at the end of each run from the whole store.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import InputError
from rasd.io.writers import encode_record
from rasd.model import Document
from rasd.store import schema
from rasd.store.backend import Backend
from rasd.store.dedup import DEFAULT_WINDOW, recompute_groups

log = logging.getLogger(__name__)

DEFAULT_BATCH = 256


@dataclass
class Summary:
    """What one ingest or recode run did."""

    read: int = 0          # documents read from the inputs
    duplicates: int = 0    # already in the store (or twice in the input)
    coded: int = 0         # newly coded and stored
    skipped: int = 0       # unreadable input or a stage that crashed
    events: int = 0        # events stored by this run
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.read} documents read, {self.coded} coded, {self.duplicates} already stored, "
                f"{self.skipped} skipped, {self.events} events stored")


@dataclass(frozen=True)
class Coded:
    """The result of coding one document, made in a worker process when there are several."""

    records: list[dict[str, Any]] | None
    sentences: list[tuple[int, int]]
    error: str | None


def doc_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8",
                        "surrogatepass")).hexdigest()[:20]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """All sentence spans of ``text`` in input offsets (the segmentation the coder uses)."""
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences

    n = normalize(text)
    return [n.span_to_orig(s, e) for s, e in split_sentences(n.norm)]


def code_one(nlp: Any, doc: Document) -> Coded:
    try:
        records, spans = nlp.code_sentences(doc)
    except Exception as exc:  # noqa: BLE001 - a crashing document is recorded and skipped
        log.debug("coding %s failed", doc.id, exc_info=True)
        return Coded(None, [], f"{type(exc).__name__}: {exc}")
    return Coded(records, spans, None)


# ------------------------------------------------------------------ rows


def actor_key(a: dict[str, Any]) -> str:
    return a.get("id") or _hash(a.get("code"), a.get("name") or a.get("text"))


def _date(value: Any) -> str | None:
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def document_row(key: str, doc: Document, origin: str | None, n_sentences: int, n_events: int,
                 lexicon: str, coder: str) -> tuple[Any, ...]:
    meta = doc.meta or {}
    return (key, doc.id, origin, _date(doc.date), meta.get("source"), meta.get("title"), meta.get("url"), doc.text,
            json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str), len(doc.text), n_sentences, n_events,
            lexicon, coder)


def sentence_rows(key: str, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[Any, ...]]:
    return [(key, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]


def actor_rows(records: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    for r in records:
        for role in ("source", "target", "attributed_to"):
            a = r.get(role)
            if a:
                k = actor_key(a)
                if k not in out:
                    out[k] = (k, a.get("id"), a.get("name"), a.get("country"), a.get("sector"),
                              ";".join(a.get("sectors") or ()), a.get("code"))
    return list(out.values())


def event_row(key: str, seq: int, r: dict[str, Any]) -> tuple[Any, ...]:
    src, tgt, loc = r.get("source") or {}, r.get("target") or {}, r.get("location") or {}
    prov = r.get("provenance") or {}
    return (
        key, seq, r["event_id"], r["doc_id"], r.get("sentence_index"), r.get("event_type"), r.get("mode"),
        r.get("cameo"), r.get("quad_class"), r.get("goldstein"),
        src.get("code"), src.get("country"), src.get("sector"), actor_key(src) if src else None, src.get("name"),
        tgt.get("code"), tgt.get("country"), tgt.get("sector"), actor_key(tgt) if tgt else None, tgt.get("name"),
        (r.get("trigger") or {}).get("text"), bool(r.get("negated")), bool(r.get("future")),
        bool(r.get("hypothetical")), _date(r.get("date")), r.get("date_source"), loc.get("name"), loc.get("country"),
        loc.get("lat"), loc.get("lon"), r.get("confidence"), prov.get("lexicon"), prov.get("coder"), prov.get("rule"),
        dump_record(r),
    )


def dump_record(r: dict[str, Any]) -> str:
    return encode_record(r)


def error_row(stage: str, origin: str | None, line: int | None, doc_id: str | None, reason: str) -> tuple[Any, ...]:
    return (_hash(stage, origin, line, doc_id, reason), stage, origin, line, doc_id, reason)


def write_batch(db: Backend, docs: list[tuple[Any, ...]], sents: list[tuple[Any, ...]], actors: list[tuple[Any, ...]],
                events: list[tuple[Any, ...]], errors: list[tuple[Any, ...]]) -> None:
    """Store one batch whole or not at all."""
    seen: set[str] = set()
    errors = [e for e in errors if not (e[0] in seen or seen.add(e[0]))]  # type: ignore[func-returns-value]
    with db.transaction():
        db.insert("documents", schema.DOCUMENT_COLUMNS, docs, new_keys=True)
        db.insert("sentences", schema.SENTENCE_COLUMNS, sents, new_keys=True)
        db.insert("actors", schema.ACTOR_COLUMNS, actors)
        db.insert("events", schema.EVENT_COLUMNS, events, new_keys=True)
        db.insert("errors", schema.ERROR_COLUMNS, errors)


def stored_keys(db: Backend, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    marks = ", ".join("?" * len(keys))
    return {r[0] for r in db.fetchall(f"SELECT doc_key FROM documents WHERE doc_key IN ({marks})", list(keys))}


# ------------------------------------------------------------------ workers

_WORKER: Any = None


def _worker_init(nlp: Any = None) -> None:
    """A coding process: the parent's pipeline where it was forked (nothing to load), else a new one."""
    global _WORKER
    import rasd
    from rasd.pipeline import die_with_parent

    die_with_parent()   # a killed ingest must not leave its worker holding the store's connection
    os.environ.setdefault("RASD_WORKER", "1")
    _WORKER = nlp if nlp is not None else rasd.load()
    # as `rasd code` does: the lexicon out of the collector's reach, a larger first generation for
    # the short-lived containers coding makes by the million
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _worker_code(docs: list[Document]) -> list[Coded]:
    return [code_one(_WORKER, d) for d in docs]


class _Coder:
    """Codes batches in this process, or in worker processes while this one stores.

    ``submit`` starts a batch and returns a function that gives its results: with processes the
    batch is coded while the caller stores the one before (coding and storing then use two
    cores; a thread could not, the coder holds the GIL); in this process it is coded when the
    results are asked for."""

    def __init__(self, nlp: Any, processes: int):
        self.nlp = nlp
        # a forked worker inherits the loaded pipeline (the argument is not pickled, as in
        # Pipeline.pipe); where there is no fork, a spawned one loads its own
        fork = "fork" in multiprocessing.get_all_start_methods()
        if processes and fork:
            gc.freeze()   # the loaded pipeline's pages stay shared with the forked worker (Pipeline.pipe)
        self.pool = ProcessPoolExecutor(
            max_workers=processes, mp_context=multiprocessing.get_context("fork" if fork else None),
            initializer=_worker_init, initargs=(nlp if fork else None,)) if processes else None
        self.processes = processes

    def submit(self, docs: list[Document]) -> Callable[[], list[Coded]]:
        if self.pool is None or not docs:
            return lambda: [code_one(self.nlp, d) for d in docs]
        size = max(1, -(-len(docs) // self.processes))
        futures = [self.pool.submit(_worker_code, docs[i:i + size]) for i in range(0, len(docs), size)]
        return lambda: [c for f in futures for c in f.result()]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def coding_processes(workers: int, nlp_given: bool) -> int:
    """Worker processes for ``ingest``: ``workers`` when several; with one, a separate coding
    process on a machine of several cores unless the caller passed its own pipeline (0: code in
    this process)."""
    if workers > 1:
        return workers
    return 0 if nlp_given or (os.cpu_count() or 1) < 2 else 1


# ------------------------------------------------------------------ ingest


def _chunks(it: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in it:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    db: Backend,
    inputs: Sequence[str],
    *,
    nlp: Any = None,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    date: str | None = None,
    max_chars: int | None = None,
    dedup_window: int | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[Summary], None] | None = None,
) -> Summary:
    """Read, code and store the documents of ``inputs``; return what happened."""
    import rasd
    from rasd.io.readers import DEFAULT_MAX_CHARS, iter_documents

    schema.ensure_schema(db)
    processes = coding_processes(workers, nlp is not None)
    nlp = nlp or rasd.load()
    lexicon, coder_name = nlp.lexicon.short_version, nlp.coder
    summary = Summary()
    pending_errors: list[tuple[Any, ...]] = []

    def reader_error(exc: InputError) -> None:
        summary.skipped += 1
        reason = getattr(exc, "message", str(exc))
        pending_errors.append(error_row("read", exc.source, exc.line, None, reason))
        summary.errors.append(str(exc))
        if on_error:
            on_error(str(exc))

    docs = iter_documents(list(inputs), date=date, max_chars=max_chars or DEFAULT_MAX_CHARS, on_error=reader_error)
    coder = _Coder(nlp, processes)
    # Batch i is written by a second connection in a thread while batch i+1 is coded (the
    # engines release the GIL; with coding processes, batch i+1 is coded while batch i's rows
    # are made and written); at most one batch is in flight, so a crash loses at most two.
    writer_db = db.clone()
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rasd-store")
    in_flight: Future[None] | None = None
    queued: set[str] = set()   # keys of this run, committed or in flight
    coding: tuple[list[tuple[str, Document]], Callable[[], list[Coded]], list[tuple[Any, ...]]] | None = None

    def store(todo: list[tuple[str, Document]], results: list[Coded], errors: list[tuple[Any, ...]]) -> None:
        nonlocal in_flight
        doc_rows, sent_rows, event_rows, all_records = [], [], [], []
        for (key, d), res in zip(todo, results):
            if res.records is None:
                summary.skipped += 1
                msg = f"{d.id}: coding failed: {res.error}"
                summary.errors.append(msg)
                if on_error:
                    on_error(msg)
                errors.append(error_row("code", (d.meta or {}).get("origin"), None, d.id, res.error or "?"))
                continue
            origin = (d.meta or {}).get("origin")
            doc_rows.append(document_row(key, d, origin, len(res.sentences), len(res.records), lexicon, coder_name))
            sent_rows += sentence_rows(key, d.text, res.sentences)
            event_rows += [event_row(key, i, r) for i, r in enumerate(res.records)]
            all_records += res.records
            summary.coded += 1
            summary.events += len(res.records)
        if in_flight is not None:
            in_flight.result()
        in_flight = writer.submit(write_batch, writer_db, doc_rows, sent_rows, actor_rows(all_records),
                                  event_rows, errors)
        if on_progress:
            on_progress(summary)

    try:
        for batch in _chunks(docs, batch_size):
            summary.read += len(batch)
            keyed: dict[str, Document] = {}
            for d in batch:
                k = doc_key(d.text)
                if k not in queued:
                    keyed.setdefault(k, d)
            have = stored_keys(db, list(keyed))
            todo = [(k, d) for k, d in keyed.items() if k not in have]
            queued.update(keyed)
            summary.duplicates += len(batch) - len(todo)
            errors, pending_errors[:] = list(pending_errors), []
            started = (todo, coder.submit([d for _, d in todo]), errors)
            if coding is not None:
                store(coding[0], coding[1](), coding[2])
            coding = started
        if coding is not None:
            store(coding[0], coding[1](), coding[2])
            coding = None
        if in_flight is not None:
            in_flight.result()
            in_flight = None
        if pending_errors:
            write_batch(db, [], [], [], [], pending_errors)
    finally:
        if in_flight is not None:
            with contextlib.suppress(Exception):
                in_flight.result()
        writer.shutdown()
        writer_db.close()
        coder.close()
    recompute_groups(db, dedup_window)
    return summary


# ------------------------------------------------------------------ recode


@dataclass
class RecodeReport:
    documents: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.documents} documents re-coded: {self.added} events added, {self.removed} removed, "
                f"{self.changed} changed, {self.unchanged} unchanged" + (f", {self.failed} failed" if self.failed
                                                                          else ""))


def _keyed(records: Iterable[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
    """Records by (event_id, occurrence), so that repeated ids stay distinct."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for r in records:
        n = 0
        while (r["event_id"], n) in out:
            n += 1
        out[(r["event_id"], n)] = r
    return out


def _comparable(r: dict[str, Any]) -> dict[str, Any]:
    prov = dict(r.get("provenance") or {})
    prov.pop("lexicon", None)
    prov.pop("coder", None)
    return {**r, "provenance": prov}


def recode(db: Backend, *, nlp: Any = None, everything: bool = False, batch_size: int = DEFAULT_BATCH,
           dedup_window: int | None = None, keep_details: bool = False,
           on_progress: Callable[[RecodeReport], None] | None = None) -> RecodeReport:
    """Re-code stored documents coded with another lexicon (all with ``everything``)."""
    import rasd

    schema.ensure_schema(db)
    nlp = nlp or rasd.load()
    lexicon, coder_name = nlp.lexicon.short_version, nlp.coder
    where = "" if everything else "WHERE lexicon IS DISTINCT FROM ?"
    params: list[Any] = [] if everything else [lexicon]
    keys = [r[0] for r in db.fetchall(f"SELECT doc_key FROM documents {where} ORDER BY doc_key", params)]
    report = RecodeReport()
    for i in range(0, len(keys), batch_size):
        part = keys[i:i + batch_size]
        marks = ", ".join("?" * len(part))
        docs = db.fetchall(f"SELECT doc_key, doc_id, text, pub_date, meta FROM documents WHERE doc_key IN ({marks}) "
                           f"ORDER BY doc_key", part)
        old_rows = db.fetchall(f"SELECT doc_key, record FROM events WHERE doc_key IN ({marks}) ORDER BY doc_key, seq",
                               part)
        old: dict[str, list[dict[str, Any]]] = {}
        for k, rec in old_rows:
            old.setdefault(k, []).append(json.loads(rec))
        sent_rows, event_rows, all_records, done = [], [], [], []
        counts: list[tuple[str, int, int]] = []
        for key, doc_id, text, pub_date, meta in docs:
            d = Document(doc_id, text, pub_date.isoformat() if pub_date else None, json.loads(meta or "{}"))
            res = code_one(nlp, d)
            if res.records is None:
                report.failed += 1
                continue
            report.documents += 1
            before, after = _keyed(old.get(key, [])), _keyed(res.records)
            for k in after.keys() - before.keys():
                report.added += 1
                if keep_details:
                    report.details.append({"change": "added", "doc_id": doc_id, "event": after[k]})
            for k in before.keys() - after.keys():
                report.removed += 1
                if keep_details:
                    report.details.append({"change": "removed", "doc_id": doc_id, "event": before[k]})
            for k in sorted(before.keys() & after.keys()):
                if _comparable(before[k]) == _comparable(after[k]):
                    report.unchanged += 1
                else:
                    report.changed += 1
                    if keep_details:
                        report.details.append({"change": "changed", "doc_id": doc_id, "before": before[k],
                                               "after": after[k]})
            done.append(key)
            counts.append((key, len(res.sentences), len(res.records)))
            sent_rows += sentence_rows(key, text, res.sentences)
            event_rows += [event_row(key, j, r) for j, r in enumerate(res.records)]
            all_records += res.records
        if done:
            marks = ", ".join("?" * len(done))
            with db.transaction():
                db.execute(f"DELETE FROM events WHERE doc_key IN ({marks})", done)
                db.execute(f"DELETE FROM sentences WHERE doc_key IN ({marks})", done)
                db.insert("sentences", schema.SENTENCE_COLUMNS, sent_rows)
                db.insert("actors", schema.ACTOR_COLUMNS, actor_rows(all_records))
                db.insert("events", schema.EVENT_COLUMNS, event_rows)
                for key, n_s, n_e in counts:
                    db.execute("UPDATE documents SET lexicon = ?, coder = ?, n_sentences = ?, n_events = ? "
                               "WHERE doc_key = ?", (lexicon, coder_name, n_s, n_e, key))
        if on_progress:
            on_progress(report)
    recompute_groups(db, dedup_window)
    return report


__all__ = ["DEFAULT_BATCH", "DEFAULT_WINDOW", "RecodeReport", "Summary", "doc_key", "ingest", "recode"]
