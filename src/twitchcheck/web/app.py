"""The app factory: the JSON API under /api, its OpenAPI document, and the door in front.

    app = create_app(WebSettings(token=..., store_url=..., hosts=("127.0.0.1:8000",)))

The store is opened on first use (migrated to the current schema) and closed when the app
stops; a caller may hand in one already open. The pages (web/pages) and their assets
(/static: htmx, the stylesheet) are served by the app itself: nothing comes from elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from twitchcheck import __version__
from twitchcheck.store import Store
from twitchcheck.web import api, pages, profiles
from twitchcheck.web.errors import ApiJSONResponse, install_handlers
from twitchcheck.web.security import SecurityMiddleware
from twitchcheck.web.settings import WebSettings

WORKER_THREADS = 4
STATIC = Path(__file__).resolve().parent / "static"


class _StoreOpener:
    """Opens the store once, on first use, from any thread; closes it at shutdown."""

    def __init__(self, url: str, store: Store | None) -> None:
        self.url, self.store, self.owned = url, store, store is None
        self.lock = threading.Lock()

    def __call__(self) -> Store:
        with self.lock:
            if self.store is None:
                from twitchcheck.store import open_store

                self.store = open_store(self.url)
            return self.store

    def close(self) -> None:
        with self.lock:
            if self.store is not None and self.owned:
                self.store.close()
                self.store = None


def create_app(settings: WebSettings, store: Store | None = None) -> FastAPI:
    """The web app for `settings` (and `store`, if one is already open)."""
    opener = _StoreOpener(settings.store_url, store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        # The core's work is CPU-bound under one GIL: a few threads give the same throughput
        # as anyio's default 40 with far less contention (a shorter tail under load).
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        opener.close()

    app = FastAPI(
        title="twitchcheck",
        version=__version__,
        description=(
            "The JSON API of twitchcheck: the same results as the command line's --json, and "
            "the user's own stored records. Every request needs the launch token "
            '(Authorization: Bearer TOKEN). Errors: {"error": {"code", "message"}}.'
        ),
        docs_url=None,  # Swagger and ReDoc load scripts from a CDN: nothing leaves the machine
        redoc_url=None,
        default_response_class=ApiJSONResponse,
        lifespan=lifespan,
    )
    app.state.open_store = opener
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(profiles.router)
    install_handlers(app)

    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app


def _document(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with the answers' own schema (the one `screen --schema` prints)
    and the bearer token every route needs."""
    from twitchcheck.screen.answers import Answers

    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    answers = Answers.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(answers.pop("$defs", {}))
    schemas["Answers"] = answers
    for operations in document["paths"].values():
        for operation in operations.values():
            if operation.pop("x-twitchcheck-body", None) == "Answers":
                body = {"schema": {"$ref": "#/components/schemas/Answers"}}
                operation["requestBody"] = {"required": True, "content": {"application/json": body}}
    components["securitySchemes"] = {"launchToken": {"type": "http", "scheme": "bearer"}}
    document["security"] = [{"launchToken": []}]
    return document
