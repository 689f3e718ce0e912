"""Nothing lost, nothing twice: a SIGKILLed ingest resumed with the same command ends with
exactly the records of a clean run (byte-identical JSONL export), on each engine."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

from tests.store.test_store import counts, exported


def _ingest_cmd(corpus, url):
    return [sys.executable, "-m", "rasd.cli.main", "ingest", str(corpus), "--db", url, "--batch-size", "4",
            "--progress"]


def _kill_mid_run(cmd, min_docs: int) -> int:
    """Start ``cmd``, SIGKILL it once its progress line shows ``min_docs`` documents read;
    returns the number read at the kill."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    buf = b""
    seen = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            chunk = os.read(proc.stderr.fileno(), 256)
            if not chunk:
                break
            buf += chunk
            found = re.findall(rb"rasd: (\d+) documents", buf)
            if found:
                seen = int(found[-1])
            if seen >= min_docs:
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"ingest ended before it could be killed: {buf[-300:]!r}"
    # (documents *read* may already be all of them: reading runs ahead of the committed batches;
    # what must hold is checked by the caller on the documents actually stored)
    return seen


def test_sigkill_mid_ingest_then_resume_is_byte_identical(engine, make_db, big_corpus):
    # regression: with the faster coder the 121-document corpus was read completely before the
    # first progress line, so the kill came too late to interrupt anything
    corpus = big_corpus
    total = sum(1 for line in corpus.read_text("utf-8").splitlines() if line.strip())
    clean = make_db()
    subprocess.run(_ingest_cmd(corpus, clean), check=True, capture_output=True)
    want = exported(clean)
    assert want

    killed = make_db()
    _kill_mid_run(_ingest_cmd(corpus, killed), min_docs=24)
    partial = counts(killed)["documents"]
    assert 0 < partial < total - 1, f"{partial} documents stored at the kill"  # some batches committed, not all

    done = subprocess.run(_ingest_cmd(corpus, killed), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{partial + 1} already stored" in done.stderr  # + the exact duplicate in the corpus
    assert exported(killed) == want
    assert counts(killed) == counts(clean)
    # and once more: nothing added
    subprocess.run(_ingest_cmd(corpus, killed), check=True, capture_output=True)
    assert counts(killed) == counts(clean)
