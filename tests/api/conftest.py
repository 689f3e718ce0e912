"""API fixtures: the demo corpus ingested once into a DuckDB store, and apps over it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "articles.jsonl"
TOKEN = "test-token-0123456789abcdef"
LOOPBACK = ("127.0.0.1", 50000)

pytest.importorskip("fastapi", reason="fastapi is not installed: pip install -e '.[dev]'")
pytest.importorskip("httpx", reason="httpx is not installed: pip install -e '.[dev]'")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, nlp) -> str:
    """A DuckDB store holding the 40 demo articles (read-only for the tests that use it)."""
    from rasd.store import connect, ingest

    path = str(tmp_path_factory.mktemp("api") / "demo.duckdb")
    with connect(path) as db:
        summary = ingest(db, [str(DEMO)], nlp=nlp)
    assert summary.coded == 40 and summary.events > 100
    return path


def make_client(config, nlp, client=LOOPBACK):
    from rasd.api import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # newer starlette warns about httpx; irrelevant here
        from fastapi.testclient import TestClient

        return TestClient(create_app(config, nlp=nlp), client=client)


@pytest.fixture(scope="module")
def client(demo_db, nlp):
    from rasd.api import ApiConfig

    with make_client(ApiConfig(db=demo_db), nlp) as c:
        yield c


@pytest.fixture
def writable(tmp_path, nlp):
    """A client over a new, empty, writable store with the token configured."""
    from rasd.api import ApiConfig

    with make_client(ApiConfig(db=str(tmp_path / "w.duckdb"), token=TOKEN), nlp) as c:
        yield c
