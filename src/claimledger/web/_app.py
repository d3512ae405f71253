"""The FastAPI app: server-rendered pages, each with a JSON twin, and `POST /documents`.

A page is JSON when its path ends in `.json` or the client asks for `application/json`
first; otherwise HTML. Errors have one shape, `{"error": {"status", "code", "message"}}`,
rendered as a page for browsers. Nothing a request names is ever opened as a file:
static files are looked up in a fixed table of package resources.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from claimledger import __version__
from claimledger.config import Settings
from claimledger.errors import ClaimledgerError, NotFoundError
from claimledger.store import Store
from claimledger.web import _views as views
from claimledger.web._ingest import IngestRequest, ingest
from claimledger.web._render import STATIC, WebLinks, render, static_file

# No script at all on the pages; styles only from our own stylesheet.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class SecurityHeaders:
    """Adds the security headers to every HTTP response, errors included (pure ASGI: no
    per-request task, unlike BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD like GET without the body (RFC 9110: a server supporting GET should
    support HEAD): link checkers and monitors probe pages with HEAD."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class RateLimit:
    """At most `per_minute` requests per client in any sliding minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.seen: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self.lock:
            q = self.seen.setdefault(client, deque())
            while q and now - q[0] >= 60.0:
                q.popleft()
            if len(q) >= self.per_minute:
                return False
            q.append(now)
            return True


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large", 422: "invalid"}


def _wants_json(request: Request) -> bool:
    if request.url.path.endswith(".json") or request.method != "GET":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/stories"
    q = request.url.query
    return f"{path}.json" + (f"?{q}" if q else "")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.load()
    db = settings.db
    if db != ":memory:" and not Path(db).exists():
        raise ClaimledgerError(f"no database at {db}: run `claimledger analyze PATH --db {db}` first")
    local = threading.local()
    write_lock = threading.Lock()
    limiter = RateLimit(settings.post_per_minute)
    links = WebLinks()

    def store() -> Store:
        # One connection per worker thread: a sqlite3 connection must not serve two threads at once.
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = Store(db)
        return s

    app = FastAPI(
        title="claimledger",
        version=__version__,
        description="The claims ledger: stories, claims with their status and reasons, entities, documents. "
        "Every HTML page has this JSON twin (path + `.json`, or `Accept: application/json`).",
        docs_url=None,  # the interactive docs load scripts from a CDN: the spec alone is served
        redoc_url=None,
        openapi_url="/openapi.json",
    )

    def respond(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        if _wants_json(request):
            return JSONResponse(data)
        html = render(template, data=data, links=links, json_url=_json_url(request), **extra)
        return HTMLResponse(html)

    def error_response(request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        body = {"error": {"status": status, "code": code, "message": message}}
        if _wants_json(request):
            return JSONResponse(body, status_code=status, headers=headers)
        html = render("error.html", error=body["error"], links=links, json_url="/stories.json")
        return HTMLResponse(html, status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, "not_found", str(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, _CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid", _one_line(exc.errors()))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal", f"internal error: {type(exc).__name__}")

    def page(path: str, summary: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
        """Register a page at `path` (HTML, JSON on request) and `path.json` (in the OpenAPI spec)."""

        def register(fn: Callable[..., Response]) -> Callable[..., Response]:
            app.get(path + ".json", summary=summary, response_class=JSONResponse, response_model=None)(fn)
            app.get(path, include_in_schema=False, response_model=None)(fn)
            return fn

        return register

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/stories")

    @page("/stories", "All stories with their size and claims by status")
    def stories(request: Request) -> Response:
        return respond(request, "stories.html", views.stories_view(store()))

    @page("/stories/{story_id}", "A story: timeline, claims ledger, stance per outlet, discrepancies")
    def story(request: Request, story_id: str) -> Response:
        return respond(request, "story.html", views.story_view(store(), story_id))

    @page("/claims/{claim_id}", "A claim: status, reasons, every stance with its source")
    def claim(request: Request, claim_id: str) -> Response:
        return respond(request, "claim.html", views.claim_view(store(), claim_id))

    @page("/entities/{entity_id}", "An entity and what it said")
    def entity(request: Request, entity_id: str) -> Response:
        return respond(request, "entity.html", views.entity_view(store(), entity_id))

    @page("/documents/{doc_id}", "A document's text and its statements (with offsets into the text)")
    def document(request: Request, doc_id: str, s: str | None = None) -> Response:
        return respond(request, "document.html", views.document_view(store(), doc_id, s))

    @page("/search", "Full-text search over documents and statements")
    def search(request: Request, q: str = "") -> Response:
        if len(q) > 500:
            raise ApiError(400, "bad_request", "query is longer than 500 characters")
        return respond(request, "search.html", views.search_view(store(), q), query=q)

    @page("/status", "Counts, claims by status, rejected inputs")
    def status(request: Request) -> Response:
        return respond(request, "status.html", views.status_view(store()))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:  # a fixed table: the name never reaches the filesystem
            raise ApiError(404, "not_found", "no such static file")
        return Response(static_file(name), media_type=STATIC[name], headers={"cache-control": "public, max-age=3600"})

    @app.post(
        "/documents",
        status_code=201,
        summary="Add articles: analysed and linked into the ledger (needs the API token)",
        response_model=None,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": IngestRequest.model_json_schema()}},
            }
        },
    )
    async def post_documents(request: Request) -> Response:
        if not settings.api_token:
            raise ApiError(403, "ingest_disabled", "POST /documents is off: set CLAIMLEDGER_API_TOKEN to turn it on")
        client = request.client.host if request.client else "?"
        if not limiter.allow(client):
            raise ApiError(
                429, "rate_limited", f"more than {settings.post_per_minute} posts a minute", {"retry-after": "60"}
            )
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {settings.api_token}".encode()):
            raise ApiError(401, "unauthorized", "missing or wrong bearer token", {"www-authenticate": "Bearer"})
        body = await _read_limited(request, settings.post_max_bytes)
        try:
            payload = IngestRequest.model_validate(json.loads(body))
        except (ValueError, ValidationError) as exc:
            message = _one_line(exc.errors()) if isinstance(exc, ValidationError) else f"malformed JSON: {exc}"
            raise ApiError(422, "invalid", message) from None

        def work() -> dict[str, Any]:
            with write_lock, Store(db) as writer:
                return ingest(writer, payload, settings)

        return JSONResponse(await run_in_threadpool(work), status_code=201)

    return _with_headers(app)


def _with_headers(app: FastAPI) -> FastAPI:
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"request body over the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:  # a lying or absent Content-Length: stop reading at the limit
            raise ApiError(413, "too_large", f"request body over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _one_line(errors: Any) -> str:
    try:
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors]
    except (TypeError, AttributeError):
        return " ".join(str(errors).split())
    return "; ".join(parts)[:500]
