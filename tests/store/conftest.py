"""Store fixtures: every store test runs on DuckDB and, when ``RASD_TEST_POSTGRES`` names a
server (``eval "$(bash .ci/postgres.sh)"`` starts one), on PostgreSQL in a fresh database."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "articles.jsonl"
PG_ENV = "RASD_TEST_POSTGRES"


def _pg_database(dsn: str) -> tuple[str, str]:
    import psycopg

    name = "rasd_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return name, urlsplit(dsn)._replace(path="/" + name).geturl()


def _drop(dsn: str, name: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def make_db(tmp_path, request):
    """``make_db()`` → a new empty store URL of the engine under test (see ``engine``)."""
    engine = request.getfixturevalue("engine")
    made: list[str] = []

    def make() -> str:
        if engine == "duckdb":
            return str(tmp_path / f"store-{uuid.uuid4().hex[:8]}.duckdb")
        dsn = os.environ[PG_ENV]
        name, url = _pg_database(dsn)
        made.append(name)
        return url

    yield make
    for name in made:
        _drop(os.environ[PG_ENV], name)


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        params = [
            "duckdb",
            pytest.param("postgresql", marks=pytest.mark.skipif(
                not os.environ.get(PG_ENV),
                reason=f"set {PG_ENV} to a PostgreSQL URL (eval \"$(bash .ci/postgres.sh)\") to run store tests "
                       f"on PostgreSQL")),
        ]
        metafunc.parametrize("engine", params)


def _copies(path: Path, n: int) -> Path:
    """The demo articles ``n`` times over, each copy with its own id and a marker sentence (so
    its content hash differs), plus one exact duplicate of the first article under another id."""
    docs = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(n):
            for d in docs:
                d2 = dict(d, id=f"{d['id']}-{copy}", text=d["text"] + ("" if copy == 0 else f" النسخة {copy}."))
                fh.write(json.dumps(d2, ensure_ascii=False) + "\n")
        fh.write(json.dumps(dict(docs[0], id="dup-of-first"), ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    return _copies(tmp_path_factory.mktemp("corpus") / "articles.jsonl", 3)


@pytest.fixture(scope="session")
def big_corpus(tmp_path_factory) -> Path:
    """Long enough that an ingest can be killed mid-run however fast the coder gets."""
    return _copies(tmp_path_factory.mktemp("big") / "articles.jsonl", 20)


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small") / "articles.jsonl"
    lines = [line for line in DEMO.read_text("utf-8").splitlines() if line.strip()][:12]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
