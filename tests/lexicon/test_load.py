"""The compiled-lexicon cache: written once, read back, rebuilt when unreadable, pruned."""

from __future__ import annotations

import os

import pytest

from rasd.lexicon import load as load_mod
from rasd.lexicon.load import CACHE_KEEP, load_lexicon


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("RASD_NO_CACHE", raising=False)
    return tmp_path


def test_second_load_reads_the_cache(cache_dir, monkeypatch):
    first = load_lexicon()
    [written] = list(cache_dir.glob("lexicon-*.pickle"))

    def no_build(*args, **kwargs):
        raise AssertionError("the cached lexicon should have been read")

    monkeypatch.setattr(load_mod, "build_lexicon", no_build)
    again = load_lexicon()
    assert again.version == first.version
    assert list(cache_dir.glob("lexicon-*.pickle")) == [written]


def test_truncated_cache_is_rebuilt(cache_dir):
    lex = load_lexicon()
    [written] = list(cache_dir.glob("lexicon-*.pickle"))
    written.write_bytes(written.read_bytes()[:100])
    assert load_lexicon().version == lex.version
    assert written.stat().st_size > 1000


def test_old_caches_are_pruned(cache_dir):
    stale = []
    for i in range(CACHE_KEEP + 3):
        f = cache_dir / f"lexicon-{i:016x}-000000000000.pickle"
        f.write_bytes(b"old")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))   # i = 0 is the oldest
        stale.append(f)
    unrelated = cache_dir / "notes.txt"
    unrelated.write_text("kept")
    load_lexicon()
    left = sorted(cache_dir.glob("lexicon-*.pickle"))
    assert len(left) == CACHE_KEEP + 1   # the one just written and the most recent others
    assert all(f in left for f in stale[-CACHE_KEEP:])
    assert not any(f.exists() for f in stale[:3])
    assert unrelated.exists()
