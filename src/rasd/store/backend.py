"""One small interface over the two engines: embedded DuckDB (default) and PostgreSQL.

Every statement is written once with ``?`` placeholders and portable SQL; the PostgreSQL
backend rewrites the placeholders for psycopg. Writes happen inside :meth:`Backend.transaction`
so that a batch is stored whole or not at all. Connection problems (a file locked by another
process, a server that does not answer) become one :class:`~rasd.errors.StoreError`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

from rasd.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "rasd.duckdb"
_PG_PREFIXES = ("postgresql://", "postgres://")


def is_postgres(url: str) -> bool:
    return url.startswith(_PG_PREFIXES)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Backend:
    """A connection to the store. Subclasses implement the engine specifics."""

    dialect = ""
    url = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.query(sql, params)[1]

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a SELECT."""
        raise NotImplementedError

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
               new_keys: bool = False) -> None:
        """Insert rows, silently keeping rows whose primary key is already stored. ``new_keys``
        promises that no row is stored yet (checked under the writer's lock), which lets an
        engine with a single writer skip the conflict check."""
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield  # pragma: no cover

    def clone(self) -> "Backend":
        """A second connection to the same store, for a writer thread."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DuckDBBackend(Backend):
    dialect = "duckdb"

    def __init__(self, path: str, read_only: bool = False):
        import duckdb

        self._duckdb = duckdb
        self.url = path
        if read_only and not os.path.exists(path):
            raise StoreError(f"no event store at {path}; create one with `rasd ingest SOURCE --db {path}`")
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = _first_line(exc)
            if "lock" in msg.lower():
                raise StoreError(f"the store {path} is locked by another process; wait for it to finish "
                                 f"or use another --db") from None
            raise StoreError(f"cannot open the store {path}: {msg}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {path}: {_first_line(exc)}") from None
        self._n = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description or ()]
        return cols, cur.fetchall()

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> Any:
        res = self.con.execute(sql, list(params))
        return res.to_arrow_table() if hasattr(res, "to_arrow_table") else res.fetch_arrow_table()

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
               new_keys: bool = False) -> None:
        if not rows:
            return
        import pyarrow as pa

        data = pa.table(dict(zip(columns, map(list, zip(*rows)))))  # rows to columns in C
        self._n += 1
        name = f"_rasd_rows_{self._n}"
        self.con.register(name, data)
        try:
            cols = ", ".join(columns)
            # One writer holds the file lock, so keys checked before the batch are still new.
            tail = "" if new_keys else " ON CONFLICT DO NOTHING"
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}{tail}")
        finally:
            self.con.unregister(name)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def clone(self) -> "DuckDBBackend":
        other = object.__new__(DuckDBBackend)
        other._duckdb, other.url, other._n = self._duckdb, self.url, 0
        other.con = self.con.cursor()
        return other

    def close(self) -> None:
        self.con.close()


class PostgresBackend(Backend):
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False):
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL support is an extra: pip install 'rasd[postgres]'") from None

        self._psycopg = psycopg
        self.url = url
        try:
            self.con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot reach PostgreSQL at {_redact(url)}: {_first_line(exc)}") from None
        if read_only:
            self.con.execute("SET default_transaction_read_only = on")

    @staticmethod
    def _sql(sql: str) -> str:
        """``?`` placeholders → psycopg's ``%s`` (outside string literals), ``%`` escaped."""
        parts = sql.replace("%", "%%").split("'")
        return "'".join(p.replace("?", "%s") if i % 2 == 0 else p for i, p in enumerate(parts))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.con.execute(self._sql(sql), list(params))  # type: ignore[arg-type]
        except self._psycopg.OperationalError as exc:
            raise StoreError(f"PostgreSQL at {_redact(self.url)}: {_first_line(exc)}") from None

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        try:
            cur = self.con.execute(self._sql(sql), list(params))  # type: ignore[arg-type]
        except self._psycopg.OperationalError as exc:
            raise StoreError(f"PostgreSQL at {_redact(self.url)}: {_first_line(exc)}") from None
        cols = [d.name for d in cur.description or ()]
        return cols, cur.fetchall()

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
               new_keys: bool = False) -> None:
        # Concurrent writers are possible here: always let the primary key settle conflicts.
        if not rows:
            return
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"
        with self.con.cursor() as cur:
            cur.executemany(sql, [tuple(r) for r in rows])  # type: ignore[arg-type]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def clone(self) -> "PostgresBackend":
        return PostgresBackend(self.url)

    def close(self) -> None:
        self.con.close()


def connect(db: str | None = None, *, read_only: bool = False) -> Backend:
    """Open the store at ``db``: a DuckDB file path (default ``./rasd.duckdb``) or a
    ``postgresql://`` URL. Raises :class:`StoreError` with one clear line on failure."""
    db = db or os.environ.get("RASD_DB") or DEFAULT_DB
    if is_postgres(db):
        return PostgresBackend(db, read_only=read_only)
    return DuckDBBackend(db, read_only=read_only)
