"""``rasd serve``: the HTTP API and the analyst dashboard (FastAPI on uvicorn)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from typing import Any

from rasd.cli.ingest import add_db_arg

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    p = sub.add_parser("serve", help="HTTP API (/v1, /docs) and the analyst dashboard (/)",
                       description="Serve the event store over HTTP: the JSON API under /v1 (OpenAPI at "
                                   "/openapi.json, docs at /docs) and the dashboard at /. Reads are open to "
                                   "loopback clients; ingest (POST /v1/documents) and reads from other hosts "
                                   "need Authorization: Bearer $RASD_API_TOKEN.")
    add_db_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--read-only", action=argparse.BooleanOptionalAction, default=None,
                   help="open the store read-only (default: read-only unless RASD_API_TOKEN is set)")
    p.add_argument("--no-store", action="store_true", help="serve without a store (only POST /v1/code works)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from rasd.api import ApiConfig, create_app
    from rasd.errors import ConfigError
    from rasd.store.backend import DEFAULT_DB

    if not 0 < args.port < 65536:
        raise ConfigError("--port must be 1..65535")
    config = ApiConfig.from_env(db=None if args.no_store else (args.db or None), read_only=args.read_only)
    if not args.no_store and config.db is None:
        config = ApiConfig(db=DEFAULT_DB, token=config.token, read_only=config.read_only).validate()
    if not _loopback(args.host) and config.token is None:
        raise ConfigError(f"--host {args.host} is reachable from other machines; set RASD_API_TOKEN first "
                          f"(reads from other hosts need it)")
    if config.db:
        # Open the store once here so that a missing or locked store fails with one line, not a traceback.
        from rasd.api.store import Store

        Store(config.db, writable=config.writable).close()
    app = create_app(config)
    print(f"rasd: serving {config.db or 'no store'} on http://{args.host}:{args.port}/ "
          f"({'ingest enabled' if config.writable else 'read-only'}; docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, server_header=False,
                limit_concurrency=1000, timeout_keep_alive=5)
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
