"""The web app: a read-only JSON API under /api and server-rendered pages over one store.

    app = create_app("kronika.db")        # FastAPI; serve with uvicorn on 127.0.0.1

Every API error has one shape, {"error": {"status", "code", "message", "param"}}; a bad
parameter is a 422 naming it. Pages escape everything (Jinja2 autoescape; article text is
untrusted), and every response carries a Content-Security-Policy that allows scripts from
this server only. Nothing here writes to the store.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronika.errors import ConfigError, KronikaError, StoreError
from kronika.store import connect
from kronika.store import queries as store_queries
from kronika.web import queries as q
from kronika.web import render

log = logging.getLogger("kronika")

HERE = Path(__file__).parent
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets inline style attributes; its page may use them (scripts stay 'self' only).
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ApiError(Exception):
    """An error with the API's shape: HTTP status, a stable code, a message, the parameter at fault."""

    def __init__(self, status: int, code: str, message: str, param: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.param = status, code, message, param


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(description="invalid_parameter, not_found, method_not_allowed, store_error or internal_error")
    message: str
    param: Optional[str] = Field(None, description="The parameter at fault, when one is")


class ErrorResponse(BaseModel):
    """The one shape of every error this API returns."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "A parameter is invalid; error.param names it"},
    404: {"model": ErrorResponse, "description": "Nothing with that id"},
}


def error_body(status: int, code: str, message: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "param": param}}


def _bad(param: str, fn, *args):
    """Run a validator; a ConfigError becomes a 422 naming ``param``."""
    try:
        return fn(*args)
    except ConfigError as e:
        raise ApiError(422, "invalid_parameter", str(e), param) from None


# -- parameters shared by routes -------------------------------------------------------------
Since = Annotated[Optional[str], Query(pattern=DATE_PATTERN, description="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[Optional[str], Query(pattern=DATE_PATTERN, description="Up to this date, inclusive at its precision.")]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items (paging).")]
Interval = Annotated[str, Query(pattern="^(day|week|month|year)$", description="Bucket size.")]


def event_filter_params(
    actor: Annotated[Optional[str], Query(max_length=200, description="Actor id, name or country code.")] = None,
    country: Annotated[Optional[str], Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code (or IGO) of a participant.")] = None,
    dyad: Annotated[Optional[str], Query(max_length=200, description="SOURCE-TARGET country codes (RUS-BLR), or SOURCE>TARGET actor ids.")] = None,
    type: Annotated[Optional[str], Query(max_length=300, description="PLOVER type(s), comma-separated.")] = None,
    quad: Annotated[Optional[str], Query(max_length=40, description="Quad class name or code 1-4.")] = None,
    modality: Annotated[Optional[str], Query(description="asserted, claimed, planned or denied.")] = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """The event filters, checked; each bad value is a 422 naming its parameter."""
    from kronika.store.store import plover_types

    if type:
        bad = [t for t in (x.strip().upper() for x in type.split(",")) if t and t not in plover_types()]
        if bad:
            raise ApiError(422, "invalid_parameter",
                           f"unknown event type {', '.join(bad)}; use one of: {', '.join(plover_types())}", "type")
        type = ",".join(x.strip().upper() for x in type.split(",") if x.strip())
    if quad:
        quad = _bad("quad", store_queries._parse_quad, quad)
    if modality and modality not in store_queries.MODALITIES:
        raise ApiError(422, "invalid_parameter",
                       f"unknown modality {modality!r}; use one of: {', '.join(store_queries.MODALITIES)}", "modality")
    if dyad:
        _bad("dyad", q.split_dyad, dyad)
    if since and until and since > until + "~":
        raise ApiError(422, "invalid_parameter", f"since {since} is after until {until}", "since")
    return {"actor": actor or None, "country": country.upper() if country else None, "dyad": dyad or None,
            "type": type or None, "quad": quad or None, "modality": modality or None,
            "since": since or None, "until": until or None}


Filters = Annotated[dict, Depends(event_filter_params)]


def _db(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request (cheap to open; never shared across threads)."""
    conn = connect(request.app.state.db_path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


Db = Annotated[sqlite3.Connection, Depends(_db)]


# -- the app ---------------------------------------------------------------------------------
def create_app(db_path: str | Path = "kronika.db") -> FastAPI:
    """A FastAPI app reading ``db_path`` (read-only connections; the file must exist)."""
    db_path = Path(db_path)
    connect(db_path, readonly=True).close()  # fail now, with a message, if there is no database
    app = FastAPI(
        title="Kronika",
        description="Read-only API over a Kronika store: documents, actors, PLOVER events, timelines, "
                    "the actor network and full-text search. Every error has the shape "
                    '{"error": {"status", "code", "message", "param"}}.',
        version="0.1.0", docs_url=None, redoc_url=None, responses=ERROR_RESPONSES,
    )
    app.state.db_path = db_path
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescape is on for .html
    env = templates.env
    env.filters["u"] = lambda s: quote(str(s), safe="")
    env.globals.update(quad_colours=render.QUAD_COLOURS, quad_labels=render.QUAD_LABELS, qs=_qs)

    # -- headers and errors ------------------------------------------------------------------
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        started = time.perf_counter()
        if not request.url.path.startswith("/api") and request.scope.get("query_string"):
            # A filter form sends its empty fields too ("since="): on pages, empty means unset.
            pairs = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True)
            request.scope["query_string"] = urlencode([(k, v) for k, v in pairs if v.strip()]).encode("latin-1")
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP_DOCS if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    def _error(request: Request, status: int, code: str, message: str, param: str | None = None) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
            return JSONResponse(error_body(status, code, message, param), status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message,
                                                                  "param": param}, status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error(request, exc.status, exc.code, exc.message, exc.param)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body", "header")]
        param = loc[-1] if loc else None
        message = f"{param}: {first.get('msg', 'invalid value')}" if param else first.get("msg", "invalid request")
        if first.get("input") is not None and param:
            message += f" (got {str(first['input'])[:80]!r})"
        return _error(request, 422, "invalid_parameter", message, param)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return _error(request, exc.status_code, code, message)

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, exc: ConfigError):
        return _error(request, 422, "invalid_parameter", str(exc))

    @app.exception_handler(KronikaError)
    async def kronika_error(request: Request, exc: KronikaError):
        return _error(request, 503 if isinstance(exc, StoreError) else 500, "store_error", str(exc))

    @app.exception_handler(sqlite3.Error)
    async def sqlite_error(request: Request, exc: sqlite3.Error):
        log.exception("web: database error on %s", request.url.path)
        return _error(request, 503, "store_error", f"database error: {exc}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        log.exception("web: internal error on %s", request.url.path)
        return _error(request, 500, "internal_error", f"internal error: {type(exc).__name__}")

    # -- API -----------------------------------------------------------------------------------
    @app.get("/api/stats", tags=["overview"], summary="Counts, quad totals, top actors and dyads")
    def api_stats(conn: Db):
        return _json({"counts": store_queries.count_documents(conn), "quads": q.quad_totals(conn),
                      "top_actors": q.actor_summary(conn, limit=10), "top_dyads": q.top_dyads(conn, limit=10)})

    @app.get("/api/documents", tags=["documents"], summary="Documents, newest first")
    def api_documents(conn: Db, language: Annotated[Optional[str], Query(pattern="^[a-z]{2}$")] = None,
                      since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0):
        return _json({"documents": store_queries.list_documents(conn, language=language, since=since, until=until,
                                                                limit=limit, offset=offset),
                      "limit": limit, "offset": offset})

    @app.get("/api/documents/{doc_id:path}", tags=["documents"],
             summary="One document: clean text, sentences, mentions, events, removed lines")
    def api_document(conn: Db, doc_id: str):
        doc = q.document_view(conn, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}", "doc_id")
        doc.pop("raw", None)
        return _json(doc)

    @app.get("/api/actors", tags=["actors"], summary="Actors by number of events")
    def api_actors(conn: Db, since: Since = None, until: Until = None, limit: Limit = 50):
        return _json({"actors": q.actor_summary(conn, since=since, until=until, limit=limit)})

    @app.get("/api/actors/{actor_id:path}", tags=["actors"], summary="One actor with its counts, partners and events")
    def api_actor(conn: Db, actor_id: str, limit: Limit = 50, offset: Offset = 0):
        actor = q.actor_detail(conn, actor_id)
        if actor is None:
            raise ApiError(404, "not_found", f"no actor {actor_id!r} in this store", "actor_id")
        return _json({"actor": actor, **q.find_events(conn, actor=actor["id"], limit=limit, offset=offset)})

    @app.get("/api/events", tags=["events"], summary="Events, filtered and paged (newest first)")
    def api_events(conn: Db, filters: Filters, limit: Limit = 50, offset: Offset = 0,
                   order: Annotated[str, Query(pattern="^(date|timeline)$")] = "date"):
        return _json(q.find_events(conn, limit=limit, offset=offset, order=order, **filters))

    @app.get("/api/events/{event_id:path}", tags=["events"], summary="One event with the other reports of it")
    def api_event(conn: Db, event_id: str):
        event = q.get_event(conn, event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "event_id")
        return _json({**event, "related": q.related_events(conn, event)})

    @app.get("/api/timeline", tags=["charts"], summary="Events per day/week/month/year per quad class")
    def api_timeline(conn: Db, filters: Filters, interval: Interval = "month"):
        return _json(q.timeline(conn, interval=interval, **filters))

    @app.get("/api/dyad", tags=["charts"], summary="Cooperation versus conflict between two sides, both ways")
    def api_dyad(conn: Db, dyad: Annotated[str, Query(max_length=200, description="RUS-BLR or actor>actor")],
                 interval: Interval = "month", since: Since = None, until: Until = None):
        _bad("dyad", q.split_dyad, dyad)
        return _json(q.dyad_balance(conn, dyad, interval=interval, since=since, until=until))

    @app.get("/api/network", tags=["charts"], summary="Actors as nodes, weighted source-target edges")
    def api_network(conn: Db, since: Since = None, until: Until = None,
                    actor: Annotated[Optional[str], Query(max_length=200)] = None,
                    quad: Annotated[Optional[str], Query(max_length=40)] = None,
                    max_edges: Annotated[int, Query(ge=1, le=1000)] = 100):
        if quad:
            quad = _bad("quad", store_queries._parse_quad, quad)
        return _json(q.network(conn, since=since, until=until, actor=actor, quad=quad, max_edges=max_edges))

    @app.get("/api/search", tags=["search"], summary="Full-text search over lemmas and linked actors")
    def api_search(conn: Db, q_: Annotated[str, Query(alias="q", min_length=1, max_length=300)],
                   language: Annotated[Optional[str], Query(pattern="^[a-z]{2}$")] = None,
                   limit: Limit = 20, offset: Offset = 0):
        from kronika.search import search

        return _json(_bad("q", lambda: search(conn, q_, language=language, limit=limit, offset=offset)))

    # -- pages ---------------------------------------------------------------------------------
    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status)

    @app.get("/docs", include_in_schema=False)
    def docs_page(request: Request):
        return page(request, "docs.html")

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def overview_page(request: Request, conn: Db):
        return page(request, "overview.html", nav="overview", counts=store_queries.count_documents(conn),
                    quads=q.quad_totals(conn), actors=q.actor_summary(conn, limit=12),
                    dyads=q.top_dyads(conn, limit=10), recent=q.find_events(conn, limit=12)["events"])

    @app.get("/timeline", include_in_schema=False, response_class=HTMLResponse)
    def timeline_page(request: Request, conn: Db, filters: Filters, interval: Interval = "month",
                      offset: Offset = 0):
        data = q.timeline(conn, interval=interval, **filters)
        chart = render.stacked_bars(data["buckets"], q.QUADS, interval)
        events = q.find_events(conn, limit=50, offset=offset, order="timeline", **filters)
        balance = None
        if filters["dyad"]:
            bal = q.dyad_balance(conn, filters["dyad"], interval=interval, since=filters["since"],
                                 until=filters["until"])
            balance = {**bal, "chart": render.balance_bars(bal["buckets"], interval)}
        return page(request, "timeline.html", nav="timeline", filters=filters, interval=interval, data=data,
                    chart=chart, events=events, balance=balance, options=q.options(conn), offset=offset)

    @app.get("/network", include_in_schema=False, response_class=HTMLResponse)
    def network_page(request: Request, conn: Db, since: Since = None, until: Until = None,
                     actor: Annotated[Optional[str], Query(max_length=200)] = None,
                     quad: Annotated[Optional[str], Query(max_length=40)] = None):
        if quad:
            quad = _bad("quad", store_queries._parse_quad, quad)
        data = q.network(conn, since=since, until=until, actor=actor, quad=quad, max_edges=60)
        layout = render.network_layout(data["nodes"], data["edges"])
        events = q.find_events(conn, actor=actor, since=since, until=until, quad=quad, limit=30) if actor else None
        return page(request, "network.html", nav="network", layout=layout, data=data, actor=actor,
                    actor_label=q.label(actor) if actor else None, since=since, until=until, quad=quad,
                    events=events, options=q.options(conn))

    @app.get("/events/{event_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def event_page(request: Request, conn: Db, event_id: str):
        event = q.get_event(conn, event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "event_id")
        doc = q.document_view(conn, event["doc_id"])
        spans = _mention_spans(doc) + [
            {"start": event["trigger_start"], "end": event["trigger_end"], "kind": "trigger", "title": "trigger"},
            {"start": event["evidence_start"], "end": event["evidence_end"], "kind": "evidence",
             "title": "evidence", "anchor": "evidence"},
        ]
        return page(request, "event.html", nav="timeline", event=event, doc=doc,
                    text=render.segments(doc["clean"], spans), related=q.related_events(conn, event))

    @app.get("/documents", include_in_schema=False, response_class=HTMLResponse)
    def documents_page(request: Request, conn: Db, language: Annotated[Optional[str], Query(pattern="^[a-z]{2}$")] = None,
                       since: Since = None, until: Until = None, offset: Offset = 0):
        docs = store_queries.list_documents(conn, language=language, since=since, until=until, limit=51, offset=offset)
        return page(request, "documents.html", nav="documents", docs=docs[:50], more=len(docs) > 50, offset=offset,
                    language=language, since=since, until=until, counts=store_queries.count_documents(conn))

    @app.get("/documents/{doc_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def document_page(request: Request, conn: Db, doc_id: str):
        doc = q.document_view(conn, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}", "doc_id")
        spans = _mention_spans(doc) + [
            {"start": e["trigger_start"], "end": e["trigger_end"], "kind": "trigger",
             "title": f"{e['type']} ({e['modality']})", "href": "/events/" + quote(e["id"], safe="")}
            for e in doc["events"]]
        return page(request, "document.html", nav="documents", doc=doc, text=render.segments(doc["clean"], spans))

    @app.get("/actors", include_in_schema=False, response_class=HTMLResponse)
    def actors_page(request: Request, conn: Db):
        return page(request, "actors.html", nav="actors", actors=q.actor_summary(conn, limit=200),
                    mentioned=store_queries.top_actors(conn, limit=100))

    @app.get("/actors/{actor_id:path}", include_in_schema=False, response_class=HTMLResponse)
    def actor_page(request: Request, conn: Db, actor_id: str, offset: Offset = 0):
        actor = q.actor_detail(conn, actor_id)
        if actor is None:
            raise ApiError(404, "not_found", f"no actor {actor_id!r} in this store", "actor_id")
        data = q.timeline(conn, actor=actor["id"], interval="month")
        return page(request, "actor.html", nav="actors", actor=actor, chart=render.stacked_bars(data["buckets"], q.QUADS, "month"),
                    events=q.find_events(conn, actor=actor["id"], limit=50, offset=offset), offset=offset)

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(request: Request, conn: Db, q_: Annotated[Optional[str], Query(alias="q", max_length=300)] = None,
                    offset: Offset = 0):
        from kronika.search import search

        result = None
        if q_ and q_.strip():
            result = _bad("q", lambda: search(conn, q_, limit=20, offset=offset))
            for r in result["results"]:
                for s in r["snippets"]:
                    s["segments"] = render.segments(s["text"], [{"start": a, "end": b, "kind": "hit"}
                                                                 for a, b in s["marks"]])
        return page(request, "search.html", nav="search", query=q_ or "", result=result, offset=offset)

    return app


def _mention_spans(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spans = []
    for m in doc["mentions"]:
        key = m["actor_id"] or (m["country"] if m["kind"] == "country" else None)
        title = f"{m['kind']}: {q.label(key, m['name'])}" if key else f"{m['kind']} (not linked)"
        spans.append({"start": m["start"], "end": m["end"], "kind": "mention" if key else "mention unlinked",
                      "title": title, "href": ("/actors/" + quote(key, safe="")) if key else None})
    return spans


def _json(data: Any) -> JSONResponse:
    """Query results are plain JSON values already: skip FastAPI's per-value re-encoding."""
    return JSONResponse(data)


def _qs(**params: Any) -> str:
    """A query string of the non-empty parameters (for links that keep the current filters)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "", 0) or k == "offset" and v})


def warm_up(db_path: str | Path) -> None:
    """Load the KB and morphologies before the first request (the first search would wait for them)."""
    try:
        from kronika.search import parse_query

        parse_query("warm up Путин")
        q.actor_names()
    except Exception as e:  # a cold first search is slower, not broken
        log.warning("web: warm-up failed (%s)", e)


__all__ = ["create_app", "error_body", "warm_up"]
