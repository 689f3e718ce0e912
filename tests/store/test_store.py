"""Ingest, dedup, query, stats, export and recode against real engines."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from rasd.store import Filters, connect, export, ingest, recode, select_events, stats
from rasd.store.export import mapping

TABLES = ("documents", "sentences", "actors", "events", "errors", "event_groups", "dedup_groups")
SHARED_FORMATS = Path(__file__).resolve().parents[3] / "shared" / "data" / "formats"


def counts(url: str) -> dict[str, int]:
    with connect(url) as db:
        return {t: db.fetchall(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}


def exported(url: str, fmt: str = "jsonl", **kw) -> str:
    with connect(url, read_only=True) as db:
        return exported_db(db, fmt, **kw)


def exported_db(db, fmt: str = "jsonl", **kw) -> str:
    import os
    import tempfile

    fd, path = tempfile.mkstemp(suffix="." + fmt)
    os.close(fd)
    try:
        export(db, fmt, path, **kw)
        return Path(path).read_text("utf-8")
    finally:
        os.unlink(path)


def rasd(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasd.cli.main", *args], capture_output=True, text=True, **kw)


def test_ingest_then_reingest_adds_nothing(engine, make_db, small_corpus, nlp):
    url = make_db()
    with connect(url) as db:
        first = ingest(db, [str(small_corpus)], nlp=nlp, batch_size=5)
    assert first.read == first.coded == 12 and first.skipped == 0 and first.events > 0
    before = counts(url)
    assert before["documents"] == 12 and before["events"] == first.events
    assert before["sentences"] >= 12 and before["actors"] > 0 and before["dedup_groups"] > 0
    with connect(url) as db:
        again = ingest(db, [str(small_corpus)], nlp=nlp, batch_size=5)
    assert (again.coded, again.duplicates, again.events) == (0, 12, 0)
    assert counts(url) == before


@pytest.mark.parametrize("workers,nlp_given,cpus,expected", [
    (1, False, 2, 1),   # one coding process beside the one that stores: two cores used
    (1, False, 1, 0),   # one core: coded in this process
    (1, True, 2, 0),    # the caller's own pipeline is used where it is
    (3, True, 2, 3),
])
def test_coding_processes(monkeypatch, workers, nlp_given, cpus, expected):
    from rasd.store.ingest import coding_processes

    monkeypatch.setattr("os.cpu_count", lambda: cpus)
    assert coding_processes(workers, nlp_given) == expected


def test_ingest_in_a_coding_process_stores_what_in_process_does(engine, make_db, small_corpus, nlp):
    # ingest without a pipeline codes in a worker process while this one stores (batch i+1 coded
    # while batch i is written): the same rows as coding here, batch after batch
    urls = []
    for given in (nlp, None):
        url = make_db()
        with connect(url) as db:
            s = ingest(db, [str(small_corpus)], nlp=given, batch_size=5)
        assert (s.read, s.coded, s.skipped) == (12, 12, 0)
        urls.append(url)
    assert counts(urls[0]) == counts(urls[1])
    assert exported(urls[0]) == exported(urls[1])


def test_records_round_trip_and_match_rasd_code(engine, make_db, small_corpus, nlp):
    url = make_db()
    with connect(url) as db:
        ingest(db, [str(small_corpus)], nlp=nlp)
    lines = exported(url).splitlines()
    stored = [json.loads(x) for x in lines]
    from rasd.io.readers import iter_documents

    direct = [r for _d, recs in nlp.pipe(iter_documents([str(small_corpus)])) for r in recs]
    strip = ("dedup_group_id", "num_articles", "num_sources")
    assert sorted(json.dumps({k: v for k, v in r.items() if k not in strip}, ensure_ascii=False) for r in stored) \
        == sorted(json.dumps(r, ensure_ascii=False) for r in direct)
    assert all(r["provenance"]["lexicon"] == nlp.lexicon.short_version for r in stored)
    assert all(r["dedup_group_id"] and r["num_articles"] >= 1 and r["num_sources"] >= 1 for r in stored)
    # sentences: spans index the document text
    with connect(url) as db:
        for key, start, end, text in db.fetchall("SELECT doc_key, start_char, end_char, text FROM sentences"):
            doc = db.fetchall("SELECT text FROM documents WHERE doc_key = ?", (key,))[0][0]
            assert doc[start:end] == text


def test_duckdb_and_postgres_export_the_same_bytes(small_corpus, nlp, tmp_path):
    import os

    if not os.environ.get("RASD_TEST_POSTGRES"):
        pytest.skip("set RASD_TEST_POSTGRES to compare DuckDB and PostgreSQL exports")
    from tests.store.conftest import _drop, _pg_database

    name, pg = _pg_database(os.environ["RASD_TEST_POSTGRES"])
    try:
        dd = str(tmp_path / "x.duckdb")
        for url in (dd, pg):
            with connect(url) as db:
                ingest(db, [str(small_corpus)], nlp=nlp, batch_size=4)
        for fmt in ("jsonl", "csv", "gdelt", "icews", "polecat"):
            assert exported(dd, fmt) == exported(pg, fmt), fmt
    finally:
        _drop(os.environ["RASD_TEST_POSTGRES"], name)


def test_dedup_groups_across_documents(engine, make_db, corpus, nlp):
    """The three copies of each article report the same events: one group, three articles."""
    url = make_db()
    with connect(url) as db:
        s = ingest(db, [str(corpus)], nlp=nlp, dedup_window=1)
        assert s.duplicates == 1  # the exact copy under another id
        rows = db.fetchall("SELECT num_events, num_articles, num_sources FROM dedup_groups WHERE first_date IS NOT NULL")
    assert rows and max(r[1] for r in rows) >= 3
    assert all(r[2] == 1 for r in rows)  # one outlet in the demo corpus
    oad = [json.loads(x) for x in exported(url, one_a_day=True).splitlines()]
    full = exported(url).splitlines()
    assert 0 < len(oad) < len(full)
    keys = [(r["date"], (r["source"] or {}).get("code"), (r["target"] or {}).get("code"), r["cameo"]) for r in oad]
    assert len(keys) == len(set(keys))


def test_query_filters_and_stats(engine, make_db, small_corpus, nlp):
    url = make_db()
    with connect(url) as db:
        ingest(db, [str(small_corpus)], nlp=nlp)
        cols, rows = select_events(db, Filters())
        total = len(rows)
        sau = select_events(db, Filters(country=("sau",)))[1]
        assert 0 < len(sau) < total
        consult = select_events(db, Filters(event_type=("CONSULT",), since="2000-01-01", cameo=("04",)))[1]
        assert consult and all(r[cols.index("event_type")] == "CONSULT" for r in consult)
        assert all(r[cols.index("cameo")].startswith("04") for r in consult)
        neg = select_events(db, Filters(negated=True))[1]
        pos = select_events(db, Filters(negated=False))[1]
        assert len(neg) + len(pos) == total
        trig = rows[0][cols.index("trigger_text")]
        assert select_events(db, Filters(text=trig))[1]
        assert not select_events(db, Filters(text="لا يوجد هذا النص"))[1]
        c, r = stats(db, Filters())
        assert r[0][c.index("events")] == total
        shares = [r[0][c.index(f"q{q}_share")] for q in (1, 2, 3, 4)]
        assert abs(sum(shares) - 1) < 0.01
        c, r = stats(db, Filters(), ["month", "dyad"])
        assert sum(x[c.index("events")] for x in r) == len(select_events(db, Filters(since="0001-01-01"))[1])
        c, r = stats(db, Filters(), ["dyad"], top=3)
        assert len(r) <= 3 and r == sorted(r, key=lambda x: -x[c.index("events")])


def test_export_formats(engine, make_db, small_corpus, nlp, tmp_path):
    url = make_db()
    with connect(url) as db:
        ingest(db, [str(small_corpus)], nlp=nlp)
        n = len(select_events(db, Filters())[1])
        export(db, "parquet", str(tmp_path / "e.parquet"))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "e.parquet").num_rows == n
    rows = list(csv.reader(io.StringIO(exported(url, "csv"))))
    assert len(rows) == n + 1 and "dedup_group_id" in rows[0]
    gdelt = exported(url, "gdelt").splitlines()
    assert len(gdelt) == n and all(len(line.split("\t")) == 61 for line in gdelt)
    first = gdelt[0].split("\t")
    assert first[26] and first[26][0] in "01"  # EventCode keeps its leading zero
    for fmt, ref in (("icews", "icews_columns.tsv"), ("polecat", "polecat_columns.tsv")):
        lines = exported(url, fmt).splitlines()
        header = lines[0].split("\t")
        assert header == [c for c, _ in mapping(fmt)] and len(lines) == n + 1
        assert all(len(x.split("\t")) == len(header) for x in lines)
        if (SHARED_FORMATS / ref).exists():
            want = [line.split("\t")[1] for line in (SHARED_FORMATS / ref).read_text("utf-8").splitlines()
                    if line and not line.startswith("#") and not line.startswith("idx")]
            assert header == want


def test_recode_reports_changes(engine, make_db, small_corpus, nlp):
    url = make_db()
    with connect(url) as db:
        ingest(db, [str(small_corpus)], nlp=nlp)
        assert recode(db, nlp=nlp).documents == 0  # nothing coded with another lexicon
        key = db.fetchall("SELECT doc_key FROM events GROUP BY doc_key HAVING COUNT(*) >= 2 ORDER BY doc_key")[0][0]
        seq, rec = db.fetchall("SELECT seq, record FROM events WHERE doc_key = ? AND seq = 0", (key,))[0]
        r = json.loads(rec)
        r["goldstein"] = 99.0
        with db.transaction():
            db.execute("UPDATE events SET record = ? WHERE doc_key = ? AND seq = ?", (json.dumps(r), key, seq))
            db.execute("DELETE FROM events WHERE doc_key = ? AND seq = 1", (key,))
            db.execute("UPDATE documents SET lexicon = 'old'")
        before = exported_db(db)
        rep = recode(db, nlp=nlp, keep_details=True)
        assert rep.documents == 12 and rep.changed == 1 and rep.removed == 0 and rep.added == 1
        assert {d["change"] for d in rep.details} == {"added", "changed"}
        assert db.fetchall("SELECT COUNT(*) FROM documents WHERE lexicon = 'old'")[0][0] == 0
        assert exported_db(db) != before


class _Crashy:
    """A pipeline that fails on one document, to check that a crashing stage is recorded."""

    def __init__(self, nlp):
        self.nlp, self.lexicon, self.coder = nlp, nlp.lexicon, nlp.coder

    def code_sentences(self, doc):
        if doc.id == "demo-003":
            raise RuntimeError("boom")
        return self.nlp.code_sentences(doc)


def test_bad_inputs_are_recorded_and_skipped(engine, make_db, small_corpus, nlp, tmp_path):
    bad_zip = tmp_path / "broken.zip"
    bad_zip.write_bytes(b"PK\x03\x04 not really a zip")
    good_zip = tmp_path / "good.zip"
    with zipfile.ZipFile(good_zip, "w") as z:
        z.writestr("a.json", json.dumps([{"id": "z1", "text": "اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة",
                                          "date": "2011-01-26"}, {"id": "z2", "text": ""}], ensure_ascii=False))
    url = make_db()
    with connect(url) as db:
        s = ingest(db, [str(small_corpus), str(bad_zip), str(good_zip)], nlp=_Crashy(nlp))
        errors = db.fetchall("SELECT stage, origin, doc_id, reason FROM errors ORDER BY stage, origin")
    assert s.coded == 12 and s.skipped == 3  # crash, corrupt zip, empty document
    stages = [e[0] for e in errors]
    assert stages.count("code") == 1 and stages.count("read") == 2
    assert any(e[2] == "demo-003" and "boom" in e[3] for e in errors)
    assert any(e[1] and "broken.zip" in e[1] for e in errors)
    # the CLI: summary line and a non-zero exit code
    out = rasd("ingest", str(bad_zip), str(good_zip), "--db", url)
    assert out.returncode == 1
    assert "1 documents read, 0 coded, 1 already stored, 2 skipped" in out.stderr
    assert "Traceback" not in out.stderr


def test_locked_or_unreachable_store_is_one_line(tmp_path, small_corpus):
    db = tmp_path / "locked.duckdb"
    with connect(str(db)) as con:
        from rasd.store import ensure_schema

        ensure_schema(con)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (("ingest", str(small_corpus)), ("query",), ("stats",), ("export",)):
            out = rasd(*args, "--db", str(db))
            assert out.returncode == 5, out.stderr
            assert out.stderr.strip().count("\n") == 0 and "locked" in out.stderr, out.stderr
    finally:
        holder.kill()
        holder.wait()
    out = rasd("query", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert out.returncode == 5 and out.stderr.startswith("rasd: error: cannot reach PostgreSQL")
    assert out.stderr.strip().count("\n") == 0
    out = rasd("query", "--db", str(tmp_path / "missing.duckdb"))
    assert out.returncode == 5 and "no event store" in out.stderr


def test_cli_commands(engine, make_db, small_corpus, tmp_path):
    url = make_db()
    assert rasd("ingest", str(small_corpus), "--db", url).returncode == 0
    q = rasd("query", "--db", url, "--country", "SAU", "--type", "CONSULT,AGREE", "--format", "jsonl")
    assert q.returncode == 0 and q.stdout
    assert all(json.loads(x)["event_type"] in ("CONSULT", "AGREE") for x in q.stdout.splitlines())
    t = rasd("query", "--db", url, "--format", "table", "--limit", "3")
    assert t.returncode == 0 and "(3 rows)" in t.stdout
    s = rasd("stats", "--db", url, "--by", "month", "--format", "csv")
    assert s.returncode == 0 and s.stdout.startswith("month,events,goldstein_sum")
    s = rasd("stats", "--db", url, "--format", "table")
    assert s.returncode == 0 and "top dyads" in s.stdout
    p = rasd("query", "--db", url, "--format", "parquet", "-o", str(tmp_path / "q.parquet"))
    assert p.returncode == 0 and (tmp_path / "q.parquet").stat().st_size > 0
    e = rasd("export", "--db", url, "--format", "icews", "--source-country", "SAU")
    assert e.returncode == 0 and e.stdout.startswith("Event ID\t")
    r = rasd("recode", "--db", url)
    assert r.returncode == 0 and "0 documents re-coded" in r.stdout
    bad = rasd("query", "--db", url, "--since", "yesterday")
    assert bad.returncode == 4 and "YYYY-MM-DD" in bad.stderr


def _children(pid: int) -> list[str]:
    """The processes whose parent is ``pid`` (read from /proc: no procps needed)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(d.name)
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")
def test_a_killed_ingest_leaves_no_worker(tmp_path):
    # regression: kill -9 of rasd ingest left its coding process alive, holding the store's connection
    # (and on PostgreSQL its open transaction, on which a re-run then waited forever)
    import os
    import signal
    import time

    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"id": str(i), "text": "قتل مسلحون ثلاثة جنود في بغداد أمس. " * 20 + str(i)},
                                ensure_ascii=False) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "rasd.cli.main", "ingest", str(src), "--db",
                             str(tmp_path / "s.duckdb"), "--batch-size", "4"], stderr=subprocess.DEVNULL)
    kids: list[str] = []
    deadline = time.monotonic() + 60
    while not kids and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        kids = _children(proc.pid)
    if not kids:
        proc.kill()
        pytest.skip("ingest coded in its own process (one core) or ended before a worker was seen")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(os.path.exists(f"/proc/{k}") for k in kids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(os.path.exists(f"/proc/{k}") for k in kids)
