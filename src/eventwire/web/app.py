"""The JSON API over a store, read-only: FastAPI over the same query functions as the CLI (store/queries.py).

Every error, 4xx or 5xx, has one shape: {"error": {"status": 400, "message": "..."}}. Unknown query parameters
are refused (a misspelt filter must not silently return everything), a body over 1 MB is refused with 413, and all
SQL is parameterised (in queries.py). No page or script here loads anything from another host.
"""

from __future__ import annotations

import csv
import io
import threading
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire import __version__
from eventwire.errors import EventwireError, QueryError
from eventwire.store import queries
from eventwire.store.queries import EventFilter
from eventwire.store.schema import connect, one

MAX_BODY = 1_000_000
FILTERS = EventFilter.names()


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_BODY)
    date: str | None = None


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


class BodyLimit:
    """413 for a request body over MAX_BODY bytes, whether it says its length or streams it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BODY:
            await _error(413, f"the body is {int(length)} bytes; at most {MAX_BODY} are accepted")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise HTTPException(413, f"the body is over {MAX_BODY} bytes")
            return message

        await self.app(scope, limited, send)


def _only(request: Request, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(request.query_params) - set(allowed))
    if unknown:
        raise QueryError(f"unknown parameter {unknown[0]!r}; this endpoint takes {', '.join(allowed)}")


def _filter(request: Request) -> EventFilter:
    return EventFilter.parse(**{name: request.query_params.get(name) for name in FILTERS})


def _csv(rows: list[dict]) -> Response:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")


def create_app(db: str, coder: Any = None) -> FastAPI:
    """The app over the store at `db` (opened read-only once; each request reads through its own cursor)."""
    store = connect(db, read_only=True)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political event data from news: events, dyads, actors and articles with their evidence.",
        openapi_url="/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
    )
    app.state.coder = coder
    coding = threading.Lock()  # one spaCy pipeline, requests on many threads: code one text at a time

    def cursor() -> duckdb.DuckDBPyConnection:
        return store.cursor()

    @app.exception_handler(QueryError)
    async def query_error(_: Request, e: QueryError) -> JSONResponse:
        return _error(400, str(e))

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, e: EventwireError) -> JSONResponse:
        return _error(400, str(e))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, e: HTTPException) -> JSONResponse:
        return _error(e.status_code, str(e.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        first = e.errors()[0] if e.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}" if where else "invalid request")

    @app.exception_handler(Exception)
    async def crashed(_: Request, e: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(e).__name__})")

    app.add_middleware(BodyLimit)

    from eventwire.web.pages import add_pages

    add_pages(app, cursor)

    @app.get("/healthz")
    def healthz() -> dict:
        """Alive, and which store it serves."""
        con = cursor()
        return {"status": "ok", "version": __version__, "articles": one(con, "SELECT count(*) FROM articles")[0]}

    @app.get("/v1/events")
    def events(request: Request, limit: str = "50", offset: str = "0", format: str = "json") -> Any:
        """Events matching the filters (those of `eventwire events`), newest first, with their evidence."""
        _only(request, (*FILTERS, "limit", "offset", "format"))
        lim, off = queries.check_limit(limit, offset)
        queries.check_choice("format", format, ("json", "csv"))
        flt = _filter(request)
        con = cursor()
        rows = queries.events(con, flt, lim, off)
        if format == "csv":
            return _csv(rows)
        total = queries.count_events(con, flt)
        following = off + len(rows) if off + len(rows) < total else None
        return {"events": rows, "total": total, "limit": lim, "offset": off, "next_offset": following}

    @app.get("/v1/dyads")
    def dyads(request: Request, by: str | None = None, level: str = "country", top: str = "20") -> Any:
        """Events per dyad, or per dyad and period (`by` day, week, month or year)."""
        _only(request, (*FILTERS, "by", "level", "top"))
        if by is not None:
            queries.check_choice("by", by, queries.PERIODS)
        queries.check_choice("level", level, queries.LEVELS)
        count, _ = queries.check_limit(top)
        return {"dyads": queries.dyads(cursor(), _filter(request), by=by, level=level, top=count)}

    @app.get("/v1/actors")
    def actors(request: Request, level: str = "country", top: str = "20") -> Any:
        """The actors in most events."""
        _only(request, (*FILTERS, "level", "top"))
        queries.check_choice("level", level, queries.LEVELS)
        count, _ = queries.check_limit(top)
        return {"actors": queries.actors(cursor(), _filter(request), top=count, level=level)}

    @app.get("/v1/articles/{article_id}")
    def article(request: Request, article_id: str) -> Any:
        """An article's text with the spans of its mentions (offsets into `text`)."""
        _only(request, ())
        found = queries.article(cursor(), article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    @app.post("/v1/code")
    def code(body: CodeRequest) -> Any:
        """Code a text as `eventwire code` does; nothing is stored."""
        from eventwire.coding.coder import Coder
        from eventwire.dates import parse_date
        from eventwire.model import Document

        if body.date is not None and parse_date(body.date) is None:
            raise QueryError(f"date must be a date as YYYY-MM-DD, not {body.date!r}")
        with coding:
            if app.state.coder is None:
                app.state.coder = Coder()
            events = app.state.coder.code_document(Document("text", body.text, body.date))
        return {"events": [e.as_dict() for e in events]}

    return app
