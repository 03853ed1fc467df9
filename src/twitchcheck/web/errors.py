"""One error shape for every refusal: `{"error": {"code", "message"}}` with a 4xx status.

Core errors keep the command line's codes (twitchcheck.errors, twitchcheck.store.errors);
the web adds its own for what only a server refuses (no token, a foreign Host or Origin, a
body that is not JSON). Every status a route can give is listed in `RESPONSES`, so the
OpenAPI document names it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from twitchcheck.errors import InputError, TwitchcheckError
from twitchcheck.text import shorten

LOG = logging.getLogger("twitchcheck.web")
MESSAGE_CHARS = 2000  # as on the command line: no message repeats more than this

# Codes only the web app gives (the core's are in twitchcheck.errors).
UNAUTHORIZED = "unauthorized"
FORBIDDEN_HOST = "forbidden_host"
FORBIDDEN_ORIGIN = "forbidden_origin"
FORBIDDEN_CSRF = "forbidden_csrf"
UNSUPPORTED_MEDIA = "unsupported_media_type"
TOO_LARGE = "too_large"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"

_HTTP_CODES = {404: NOT_FOUND, 405: METHOD_NOT_ALLOWED, 413: TOO_LARGE, 415: UNSUPPORTED_MEDIA}


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a sentence naming the problem and the fix."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error the API returns."""

    error: ErrorDetail


def _documented(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


# The statuses every /api route may give, besides its own success.
RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _documented("Input the core refuses (the command line's codes: invalid_input, ...)"),
    401: _documented("No launch token, or a wrong one (unauthorized)"),
    403: _documented("A Host or Origin that is not the app's own"),
    404: _documented("No such record or food (not_found, unknown_food)"),
    413: _documented("A body over the size limit (too_large)"),
    415: _documented("A body that is not application/json (unsupported_media_type)"),
    422: _documented("A body or parameter of the wrong shape (invalid_input)"),
}


class ApiJSONResponse(JSONResponse):
    """Strict JSON (NaN is a bug and raises), UTF-8; text the store or core echoed back with
    a broken character is written escaped rather than failing."""

    def render(self, content: Any) -> bytes:
        try:
            return json.dumps(content, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


def error_response(status: int, code: str, message: str) -> ApiJSONResponse:
    """The one error shape."""
    if len(message) > MESSAGE_CHARS:
        message = message[: MESSAGE_CHARS - 1] + "…"
    return ApiJSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def status_of(error: TwitchcheckError) -> int:
    """The HTTP status of a core error: not found is 404, other bad input 400, the rest 500."""
    if error.code == "not_found":
        return 404
    if isinstance(error, InputError):
        return 400
    return 500


def _explain(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors()[:5]:
        where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "the body"
        parts.append(f"{where}: {problem.get('msg', 'not accepted')}")
    more = len(error.errors()) - 5
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "") + "; see /openapi.json"


def allowed_methods(request: Request) -> list[str]:
    """The methods some route of the app takes at this request's path."""
    from starlette.routing import Match, Route

    found: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, Route) and route.matches(request.scope)[0] != Match.NONE:
            found |= set(route.methods or ())
    return sorted(found)


def is_page(request: Request) -> bool:
    """Whether a request is for a page (a person's browser), not the API or an asset."""
    path = request.url.path
    return not (path.startswith(("/api/", "/static/")) or path in ("/api", "/openapi.json"))


def _page_error(request: Request, status: int, message: str) -> Response:
    from twitchcheck.web.pages._common import render

    return render(request, "error.html", status, message=shorten(message, MESSAGE_CHARS))


def install_handlers(app: FastAPI) -> None:
    """Map every exception to the one shape (a bug is a plain 500, logged, never a trace);
    a page gets the same message as a page."""

    async def core(request: Request, error: Exception) -> Response:
        assert isinstance(error, TwitchcheckError)
        if is_page(request):
            return _page_error(request, status_of(error), str(error))
        return error_response(status_of(error), error.code, str(error))

    async def validation(_request: Request, error: Exception) -> ApiJSONResponse:
        assert isinstance(error, RequestValidationError)
        return error_response(422, InputError.code, shorten(_explain(error), MESSAGE_CHARS))

    async def http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = getattr(error, "code", None) or _HTTP_CODES.get(error.status_code, "error")
        detail = error.detail if isinstance(error.detail, str) else "not accepted"
        if error.status_code == 404 and detail == "Not Found":
            detail = "no such page or route; the API's routes are listed in /openapi.json"
            if is_page(request):
                return _page_error(request, 404, "There is no such page here.")
        response = error_response(error.status_code, code, detail)
        response.headers.update(error.headers or {})
        if error.status_code == 405:  # every method of the path, not only the first route's
            response.headers["allow"] = ", ".join(allowed_methods(request))
        return response

    async def bug(_request: Request, error: Exception) -> ApiJSONResponse:
        LOG.exception("internal error", exc_info=error)
        return error_response(
            500,
            "internal_error",
            f"twitchcheck hit an internal error ({type(error).__name__}); nothing was saved. "
            "Please report it with what you did.",
        )

    app.add_exception_handler(TwitchcheckError, core)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(StarletteHTTPException, http)
    app.add_exception_handler(Exception, bug)
