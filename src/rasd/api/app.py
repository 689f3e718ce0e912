"""The HTTP API (FastAPI) and the analyst dashboard it serves.

Endpoints (all JSON unless said; errors are ``{"error": {"code", "message"}}``)::

    GET  /healthz                 liveness and store status
    POST /v1/code                 code posted Arabic text, store nothing
    GET  /v1/events               stored events: filters, cursor pages, json or csv
    GET  /v1/documents/{id}       a stored document: text, sentences, events, spans
    POST /v1/documents            ingest documents (bearer token)
    GET  /v1/stats                time series and dyad aggregates
    GET  /v1/places               event locations with coordinates (for the map)
    GET  /v1/actors               actor directory: names, codes, dated roles
    GET  /                        the dashboard (static files under /static)
    GET  /docs, /openapi.json     API documentation (Swagger UI served locally)

Reads are open to loopback clients; other clients, and every write, need
``Authorization: Bearer $RASD_API_TOKEN``. Request bodies are limited to 1 MB and pages to
1000 events. See docs/api.md.
"""


import contextlib
import datetime as dt
import hmac
import io
import ipaddress
import json
import logging
import re
import threading
from collections.abc import AsyncIterator
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasd import __version__
from rasd.api.actors import Directory
from rasd.api.config import DEFAULT_PAGE, ApiConfig
from rasd.api.labels import annotate, annotated_json
from rasd.api.store import Store, count_events, event_page, find_document, ingest_documents, places, spans_of
from rasd.errors import ConfigError, InputError, RasdError, StoreError
from rasd.model import PLOVER_TYPES, Document
from rasd.store.query import Filters

log = logging.getLogger(__name__)

_CODE = re.compile(r"^[A-Za-z0-9-]{2,16}$")
_CAMEO = re.compile(r"^\d{1,4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BODY_METHODS = {"POST", "PUT", "PATCH"}
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _json(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str), status_code=status,
                    media_type="application/json", headers=headers)


# ------------------------------------------------------------------ middleware


class LimitsAndHeaders:
    """Refuse request bodies over ``max_body`` bytes (413) and add security headers."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = _error(413, "payload_too_large", f"request body over {self.max_body} bytes; send smaller batches")
        if scope["method"] in _BODY_METHODS:
            length = dict(scope["headers"]).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body):
                await too_big(scope, receive, send)
                return
            # Read the body here (bounded), then replay it: chunked uploads are counted too.
            chunks, size = [], 0
            while True:
                msg = await receive()
                if msg["type"] == "http.disconnect":
                    return
                chunk = msg.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    await too_big(scope, receive, send)
                    return
                chunks.append(chunk)
                if not msg.get("more_body"):
                    break
            body = b"".join(chunks)
            sent = False

            async def replay() -> Message:
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            receive = replay
        path = scope["path"]

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if path == "/" or path.startswith("/static/"):
                    headers += [(b"content-security-policy", _CSP.encode()), (b"x-frame-options", b"DENY")]
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, send_with_headers)


# ------------------------------------------------------------------ request bodies


def _check_date(v: str | None) -> str | None:
    if v is None:
        return v
    try:
        if not _DATE.match(v):
            raise ValueError
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise ValueError("date must be a real day written YYYY-MM-DD") from None


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, description="Arabic text: one sentence or a whole article")
    date: str | None = Field(default=None, description="publication date YYYY-MM-DD (anchor for relative dates)")
    id: str | None = Field(default=None, max_length=200, description="document id echoed as doc_id")

    @field_validator("date")
    @classmethod
    def _day(cls, v: str | None) -> str | None:
        return _check_date(v)


class DocumentIn(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    date: str | None = None
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("date")
    @classmethod
    def _day(cls, v: str | None) -> str | None:
        return _check_date(v)


class IngestRequest(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)


# ------------------------------------------------------------------ filters


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for vals in values or () for v in vals.split(",") if v.strip())


def _codes(name: str, values: list[str] | None) -> tuple[str, ...]:
    out = _split(values)
    for v in out:
        if not _CODE.match(v):
            raise ApiError(400, "invalid_parameter", f"{name}={v!r} is not a code (letters, digits, '-')")
    return out


ListParam = Annotated[list[str] | None, Query()]


def event_filters(
    source_country: ListParam = None, target_country: ListParam = None,
    country: Annotated[list[str] | None, Query(description="ISO3 country on either side (comma list = OR)")] = None,
    source_sector: ListParam = None, target_sector: ListParam = None,
    sector: Annotated[list[str] | None, Query(description="sector code on either side (GOV, MIL, …)")] = None,
    actor: Annotated[list[str] | None, Query(description="actor id (Wikidata QID) or code (RUSGOV), either side")]
    = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event type (CONSULT, ASSAULT, …)")] = None,
    cameo: Annotated[list[str] | None, Query(description="CAMEO code prefix (04, 190)")] = None,
    doc_id: ListParam = None,
    since: Annotated[str | None, Query(description="events on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events on or before YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name (English substring) or ISO3")] = None,
    text: Annotated[str | None, Query(max_length=500, description="Arabic text in the sentence or trigger")] = None,
    negated: bool | None = None, future: bool | None = None, hypothetical: bool | None = None,
) -> Filters:
    """The filters of ``rasd query``, as query parameters (repeat one or give a comma list for OR)."""
    types = tuple(t.upper() for t in _split(type))
    for t in types:
        if t not in PLOVER_TYPES:
            raise ApiError(400, "invalid_parameter", f"type={t!r} is not a PLOVER type; use one of "
                                                     f"{', '.join(PLOVER_TYPES)}")
    cameos = _split(cameo)
    for c in cameos:
        if not _CAMEO.match(c):
            raise ApiError(400, "invalid_parameter", f"cameo={c!r} must be 1 to 4 digits")
    for name, v in (("since", since), ("until", until)):
        try:
            _check_date(v)
        except ValueError:
            raise ApiError(400, "invalid_parameter", f"{name}={v!r} must be a real day written YYYY-MM-DD") from None
    actors = _split(actor)
    for a in actors:
        if len(a) > 64:
            raise ApiError(400, "invalid_parameter", "actor ids are at most 64 characters")
    return Filters(
        source_country=_codes("source_country", source_country), target_country=_codes("target_country",
                                                                                      target_country),
        country=_codes("country", country), source_sector=_codes("source_sector", source_sector),
        target_sector=_codes("target_sector", target_sector), sector=_codes("sector", sector), actor=actors,
        event_type=types, cameo=cameos, doc_id=_split(doc_id), since=since, until=until, place=place or None,
        text=text or None, negated=negated, future=future, hypothetical=hypothetical,
    )


# ------------------------------------------------------------------ the app


class _State:
    """What the app holds: settings, the store, the coder (loaded on first use), the actor directory."""

    def __init__(self, config: ApiConfig, nlp: Any = None):
        self.config = config
        self.store: Store | None = None
        self._nlp = nlp
        self._directory: Directory | None = None
        self._init_lock = threading.Lock()
        self.code_lock = threading.Lock()

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            with self._init_lock:
                if self._nlp is None:
                    import rasd

                    self._nlp = rasd.load()
        return self._nlp

    @property
    def directory(self) -> Directory:
        if self._directory is None:
            with self._init_lock:
                if self._directory is None:
                    self._directory = Directory.load()
        return self._directory

    def require_store(self) -> Store:
        if self.store is None:
            raise ApiError(503, "no_store", "this server runs without an event store; start it with --db")
        return self.store


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _check_token(state: _State, request: Request, why: str) -> None:
    token = state.config.token
    if token is None:
        raise ApiError(403, "forbidden", f"{why}: the server has no RASD_API_TOKEN configured")
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "unauthorized", f"{why}: send Authorization: Bearer <RASD_API_TOKEN>",
                       {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "unauthorized", "the bearer token is wrong", {"WWW-Authenticate": 'Bearer error="invalid_token"'})


def create_app(config: ApiConfig | None = None, *, nlp: Any = None) -> FastAPI:
    """The ASGI app. ``nlp``: a ready :class:`rasd.Pipeline` (else loaded on first use)."""
    config = (config or ApiConfig()).validate()
    state = _State(config, nlp)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.db:
            state.store = Store(config.db, writable=config.writable)
        try:
            yield
        finally:
            if state.store is not None:
                state.store.close()
                state.store = None

    app = FastAPI(title="Rasd", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Arabic news → PLOVER/CAMEO political event data. Errors are "
                              '`{"error": {"code", "message"}}`. Reads are open on loopback; writes need '
                              "`Authorization: Bearer $RASD_API_TOKEN`.")
    app.state.rasd = state
    app.add_middleware(LimitsAndHeaders, max_body=config.max_body)

    # -------------------------------------------------------------- errors

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{loc or 'request'}: {e.get('msg')}")
        return _error(400, "invalid_parameter", "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"no such endpoint: {request.url.path}"
        return _error(exc.status_code, codes.get(exc.status_code, "http_error"), msg,
                      dict(exc.headers) if exc.headers else None)

    @app.exception_handler(RasdError)
    async def _rasd(request: Request, exc: RasdError) -> Response:
        if isinstance(exc, StoreError):
            return _error(503, "store_unavailable", str(exc))
        if isinstance(exc, (ConfigError, InputError)):
            return _error(400, "bad_request", str(exc))
        return _error(500, "internal", str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "internal", "internal error; the server log has the details")

    # -------------------------------------------------------------- auth

    def read_access(request: Request) -> None:
        if not _is_loopback(request.client.host if request.client else None):
            _check_token(state, request, "reads from other hosts need the token")

    def write_access(request: Request) -> None:
        _check_token(state, request, "ingest needs the token")

    Read = Depends(read_access)

    # -------------------------------------------------------------- endpoints

    @app.get("/healthz", tags=["meta"], summary="liveness and store status")
    def healthz() -> Response:
        info: dict[str, Any] = {"status": "ok", "version": __version__}
        if state.store is None:
            info["store"] = None
        else:
            try:
                state.store.reader().fetchall("SELECT 1")
                info["store"] = {"dialect": "postgresql" if state.store.postgres else "duckdb",
                                 "writable": state.store.writable}
            except RasdError as exc:
                return _json({"status": "degraded", "version": __version__, "error": str(exc)}, 503)
        return _json(info)

    @app.post("/v1/code", tags=["coding"], dependencies=[Read],
              summary="code Arabic text and return its events (SCHEMA.md records); nothing is stored")
    def code(body: CodeRequest) -> Response:
        if len(body.text) > config.max_code_chars:
            raise ApiError(413, "payload_too_large", f"text over {config.max_code_chars} characters; "
                                                     f"split it or ingest it with POST /v1/documents")
        from rasd.store.ingest import sentence_spans

        doc_id = body.id or "posted"
        nlp = state.nlp
        with state.code_lock:
            records = nlp.code(body.text, date=body.date, doc_id=doc_id)
        sentences = [{"index": i, "span": [s, e]} for i, (s, e) in enumerate(sentence_spans(body.text))]
        return _json({"doc_id": doc_id, "events": [annotate(r) for r in records],
                      "spans": spans_of(body.text, records), "sentences": sentences})

    @app.get("/v1/events", tags=["events"], dependencies=[Read],
             summary="stored events matching the filters, newest first, one page at a time",
             responses={200: {"content": {"application/json": {}, "text/csv": {}}}})
    def events(
        f: Annotated[Filters, Depends(event_filters)],
        limit: Annotated[int, Query(ge=1, le=config.max_page, description="events per page")] = DEFAULT_PAGE,
        cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")]
        = None,
        format: Annotated[Literal["json", "csv"], Query(description="json (records) or csv (flat columns)")]
        = "json",
        total: Annotated[bool, Query(description="also count all matching events")] = False,
    ) -> Response:
        db = state.require_store().reader()
        page, nxt = event_page(db, f, limit=limit, cursor=cursor)
        headers = {"X-Next-Cursor": nxt} if nxt else {}
        if format == "csv":
            from rasd.io.writers import open_writer

            buf = io.StringIO()
            with open_writer(buf, "csv") as w:
                for _, _, rec in page:
                    w.write(json.loads(rec))
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        events = ",".join(annotated_json(rec, doc_key=key, seq=seq) for key, seq, rec in page)
        tail: dict[str, Any] = {"count": len(page), "next_cursor": nxt}
        if total:
            tail["total"] = count_events(db, f)
        body = '{"events":[' + events + "]," + json.dumps(tail, separators=(",", ":"))[1:]
        return Response(body, media_type="application/json", headers=headers)

    @app.get("/v1/documents/{doc_id}", tags=["documents"], dependencies=[Read],
             summary="a stored document: text, sentences, events and the character spans they cite")
    def document(doc_id: Annotated[str, Path(max_length=200)]) -> Response:
        doc = find_document(state.require_store().reader(), doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no stored document with id {doc_id!r}")
        doc["spans"] = spans_of(doc["text"], doc["events"])
        doc["events"] = [annotate(r) for r in doc["events"]]
        return _json(doc)

    @app.post("/v1/documents", tags=["documents"], status_code=201, dependencies=[Depends(write_access)],
              summary="code and store documents (needs the bearer token)")
    def ingest(body: IngestRequest) -> Response:
        store = state.require_store()
        docs = [Document(d.id, d.text, d.date, {k: v for k, v in (("title", d.title), ("source", d.source),
                                                                   ("url", d.url), ("origin", "api")) if v})
                for d in body.documents]
        nlp = state.nlp
        with state.code_lock:
            report = ingest_documents(store, nlp, docs)
        return _json(report, 201)

    @app.get("/v1/stats", tags=["events"], dependencies=[Read],
             summary="time series (counts, Goldstein sum, quad-class shares and counts) and top dyads")
    def stats_(
        f: Annotated[Filters, Depends(event_filters)],
        period: Annotated[Literal["day", "week", "month", "year"], Query()] = "month",
        dyads: Annotated[Literal["code", "country", "actor"], Query(
            description="dyads by actor code (RUSGOV→VENGOV), by country, or by actor id")] = "code",
        top: Annotated[int, Query(ge=1, le=1000, description="at most N dyads")] = 20,
        asserted: Annotated[bool, Query(description="leave out negated events")] = False,
    ) -> Response:
        from rasd.store.query import stats

        db = state.require_store().reader()
        cols, rows = stats(db, f, [period], asserted_only=asserted)
        qcols, qrows = stats(db, f, [period, "quad"], asserted_only=asserted)
        quads: dict[str, list[int]] = {}
        for r in qrows:
            d = dict(zip(qcols, r))
            key = str(d[period])
            if d["quad_class"] not in (None, "None"):
                quads.setdefault(key, [0, 0, 0, 0])[int(d["quad_class"]) - 1] = int(d["events"])
        series = []
        for r in rows:
            d = dict(zip(cols, r))
            key = str(d.pop(period))
            series.append({"period": key, **d, "quad_counts": quads.get(key, [0, 0, 0, 0])})
        tcols, trows = stats(db, f, [], asserted_only=asserted)
        totals = dict(zip(tcols, trows[0])) if trows else {}
        if dyads == "actor":
            dyad_rows = _actor_dyads(db, f, top, asserted)
        else:
            dcols, drows = stats(db, f, ["dyad" if dyads == "code" else "country-dyad"], top=top,
                                 asserted_only=asserted)
            dyad_rows = [dict(zip(dcols, r)) for r in drows]
            if dyads == "country":
                for d in dyad_rows:
                    d["source"], d["target"] = d.pop("source_country"), d.pop("target_country")
        return _json({"period": period, "series": series, "totals": totals, "dyads": dyad_rows})

    @app.get("/v1/places", tags=["events"], dependencies=[Read],
             summary="event locations with coordinates: counts, Goldstein sums and quad-class counts")
    def places_(f: Annotated[Filters, Depends(event_filters)],
                top: Annotated[int, Query(ge=1, le=5000)] = 500) -> Response:
        return _json({"places": places(state.require_store().reader(), f, top=top)})

    @app.get("/v1/actors", tags=["actors"], dependencies=[Read],
             summary="search the actor dictionaries by Arabic or English name; codes and dated roles")
    def actors(
        q: Annotated[str, Query(max_length=200, description="Arabic or English name, id or code")] = "",
        kind: Annotated[Literal["country", "organization", "person"] | None, Query()] = None,
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
        at: Annotated[str | None, Query(description="YYYY-MM-DD: also give the code and role held that day")]
        = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        counts: Annotated[bool, Query(description="also count stored events per actor")] = False,
    ) -> Response:
        try:
            at = _check_date(at)
        except ValueError:
            raise ApiError(400, "invalid_parameter", f"at={at!r} must be a real day written YYYY-MM-DD") from None
        found = [e.to_dict(at) for e in state.directory.search(q.strip(), kind=kind, country=country, limit=limit)]
        if counts and found and state.store is not None:
            _add_counts(state.store.reader(), found)
        return _json({"actors": found, "count": len(found)})

    # -------------------------------------------------------------- dashboard and docs

    static = resources.files("rasd.web").joinpath("static")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Rasd API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def _actor_dyads(db: Any, f: Filters, top: int, asserted: bool) -> list[dict[str, Any]]:
    """Top dyads by actor id (falling back to the code), with names, for the network view."""
    from rasd.store.query import where

    if asserted and f.negated is None:
        f = Filters(**{**f.__dict__, "negated": False})
    w, params = where(f)
    w = (w + " AND " if w else "WHERE ") + "e.target_code IS NOT NULL"
    cols, rows = db.query(
        "SELECT COALESCE(e.source_actor, e.source_code, '-') AS source, COALESCE(e.target_actor, e.target_code, '-') "
        "AS target, MIN(COALESCE(e.source_name, e.source_code)) AS source_name, "
        "MIN(COALESCE(e.target_name, e.target_code)) AS target_name, MIN(e.source_code) AS source_code, "
        "MIN(e.target_code) AS target_code, COUNT(*) AS events, "
        "ROUND(CAST(SUM(e.goldstein) AS NUMERIC), 2) AS goldstein_sum, "
        "ROUND(CAST(AVG(e.goldstein) AS NUMERIC), 2) AS goldstein_mean "
        f"FROM events e {w} GROUP BY 1, 2 ORDER BY events DESC, 1, 2 LIMIT {int(top)}", params)
    return [{k: (float(v) if type(v).__name__ == "Decimal" else v) for k, v in zip(cols, r)} for r in rows]


def _add_counts(db: Any, found: list[dict[str, Any]]) -> None:
    ids = [a["id"] for a in found if a["kind"] != "country"]
    isos = [a["id"] for a in found if a["kind"] == "country"]
    n: dict[str, int] = {}
    if ids:
        m = ", ".join("?" * len(ids))
        for col in ("source_actor", "target_actor"):
            for k, c in db.fetchall(f"SELECT {col}, COUNT(*) FROM events WHERE {col} IN ({m}) GROUP BY 1", ids):
                n[k] = n.get(k, 0) + int(c)
    if isos:
        m = ", ".join("?" * len(isos))
        for col in ("source_country", "target_country"):
            for k, c in db.fetchall(f"SELECT {col}, COUNT(*) FROM events WHERE {col} IN ({m}) GROUP BY 1", isos):
                n[k] = n.get(k, 0) + int(c)
    for a in found:
        a["events"] = n.get(a["id"], 0)

