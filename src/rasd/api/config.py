"""The API's settings: one frozen object, built from arguments and the environment once."""

from __future__ import annotations

import os
from dataclasses import dataclass

from rasd.errors import ConfigError

MAX_BODY = 1_000_000      # bytes accepted in one request body
MAX_PAGE = 1000           # events in one page of GET /v1/events
DEFAULT_PAGE = 100
MAX_CODE_CHARS = 200_000  # characters of text accepted by POST /v1/code


@dataclass(frozen=True)
class ApiConfig:
    """``db``: DuckDB path or ``postgresql://`` URL (None: no store, only coding works).
    ``token``: the bearer token for writes (and for reads from other hosts); None disables
    ingest. ``read_only``: open the store read-only (default: read-only unless a token is set,
    so that ``rasd query`` can read a DuckDB file while the server runs)."""

    db: str | None = None
    token: str | None = None
    read_only: bool | None = None
    max_body: int = MAX_BODY
    max_page: int = MAX_PAGE
    max_code_chars: int = MAX_CODE_CHARS

    @classmethod
    def from_env(cls, db: str | None = None, token: str | None = None, read_only: bool | None = None) -> "ApiConfig":
        token = token if token is not None else (os.environ.get("RASD_API_TOKEN") or None)
        db = db or os.environ.get("RASD_DB") or None
        return cls(db=db, token=token, read_only=read_only).validate()

    def validate(self) -> "ApiConfig":
        if self.token is not None and len(self.token) < 16:
            raise ConfigError("RASD_API_TOKEN must be at least 16 characters (e.g. `python -c 'import secrets; "
                              "print(secrets.token_urlsafe())'`)")
        if not (1 <= self.max_page <= 100_000) or self.max_body < 1024:
            raise ConfigError("max_page must be 1..100000 and max_body at least 1024 bytes")
        return self

    @property
    def writable(self) -> bool:
        if self.read_only is not None:
            return not self.read_only
        return self.token is not None
