"""The door every request goes through (docs/security.md has the threat model).

In order, for every request:
1. the Host header must be one of the app's own names (a DNS-rebinding page sends its own);
2. the launch token must come with it: `Authorization: Bearer TOKEN`, the session cookie, or
   `?token=TOKEN` on a GET, which sets the cookie (HttpOnly, SameSite=Strict) and redirects
   to the same address without the token, so it stays out of history and Referer;
3. a write (POST, PUT, PATCH, DELETE) must come from the app's own Origin;
4. a body sent to /api must be application/json, strict JSON (no NaN, bounded nesting),
   within the size limit;
5. a write to a page (anything outside /api) must be a form (urlencoded, or multipart for a
   file, within the size limit) carrying the CSRF token, as its `csrf` field or an
   X-CSRF-Token header: the token is derived from the launch token, so only the app's own
   pages know it.
Every response then carries the safe headers (`SAFE_HEADERS`, and no-store on /api).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from starlette.exceptions import HTTPException

from twitchcheck.web import errors
from twitchcheck.web.settings import WebSettings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SAFE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
NO_STORE = (b"cache-control", b"no-store")
FORM_TYPE = "application/x-www-form-urlencoded"
MULTIPART_TYPE = "multipart/form-data"
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
JSON_DEPTH = 64  # as input.json_depth: our documents nest a few levels
_JSON_TYPE = re.compile(r"^application/json\s*(;\s*charset\s*=\s*\"?utf-8\"?\s*)?$", re.I)
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class _Disconnected(Exception):
    """The client left before its whole body arrived; `message` is its disconnect."""

    def __init__(self, message: Message) -> None:
        super().__init__("disconnected")
        self.message = message


async def _read_whole(receive: Receive, most: int, what: str) -> bytes:
    """A request's whole body, refused (413) past `most` bytes; _Disconnected if the client
    leaves first."""
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Disconnected(message)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > most:
            raise Refusal(413, errors.TOO_LARGE, f"the {what} is larger than {most:,} bytes")
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


class Refusal(HTTPException):
    """A request the door turns away: its status, code and message. Raised while a route
    reads its body, it passes through FastAPI to the one error handler."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, message)
        self.status, self.code, self.message = status, code, message


def session_value(token: str) -> str:
    """The session cookie's value: derived from the token, so the cookie never holds it."""
    return hmac.new(token.encode(), b"twitchcheck session", hashlib.sha256).hexdigest()


def csrf_value(token: str) -> str:
    """The pages' CSRF token: derived from the launch token, never equal to the cookie."""
    return hmac.new(token.encode(), b"twitchcheck csrf", hashlib.sha256).hexdigest()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode())


def check_json(body: bytes) -> None:
    """Refuse a body that is not strict JSON: broken, NaN or Infinity, a number too long to
    be real, or nested deeper than JSON_DEPTH (which would exhaust the parser)."""
    brackets = _STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    depth = 0
    for char in brackets:
        depth += 1 if char in b"[{" else -1
        if depth > JSON_DEPTH:
            raise Refusal(400, "invalid_input", f"the body nests more than {JSON_DEPTH} levels")

    def constant(name: str) -> Any:
        raise ValueError(f"the body holds {name}, which JSON does not allow; write a number")

    def number(literal: str) -> float:
        if len(literal) > 40:
            raise ValueError(f"the body holds a number {len(literal):,} characters long")
        value = float(literal)
        if value in (float("inf"), float("-inf")):
            raise ValueError(f"the body holds the number {literal}, too large to be real")
        return value

    try:
        json.loads(body, parse_constant=constant, parse_float=number, parse_int=number)
    except UnicodeDecodeError:
        raise Refusal(400, "invalid_input", "the body is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise Refusal(
            400,
            "invalid_input",
            f"the body is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
        ) from None
    except (ValueError, RecursionError) as error:
        raise Refusal(400, "invalid_input", str(error) or "the body cannot be read") from None


class SecurityMiddleware:
    """Pure ASGI middleware applying the door's rules to `app` (see the module doc)."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings
        self.session = session_value(settings.token)
        self.csrf = csrf_value(settings.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        is_api = path == "/api" or path.startswith("/api/")

        async def send_safe(message: Message) -> None:
            if message["type"] == "http.response.start":
                given = message.get("headers", [])
                headers = [(k, v) for k, v in given if k not in _OURS and k != STYLE_HASH]
                headers += _safe_headers([v for k, v in given if k == STYLE_HASH])
                if is_api or path == "/openapi.json" or message.get("status", 200) >= 300:
                    headers.append(NO_STORE)
                message["headers"] = headers
            await send(message)

        try:
            headers = _headers(scope)
            self._check_host(headers)
            login = self._check_token(scope, headers)
            if login is not None:
                await _redirect(send_safe, login, self.settings.cookie_name, self.session)
                return
            if scope["method"] in WRITES:
                self._check_origin(headers)
            if is_api:
                receive = await self._checked_body(scope, headers, receive)
            elif scope["method"] in WRITES:
                receive = await self._checked_form(headers, receive)
        except Refusal as refusal:
            response = errors.error_response(refusal.status, refusal.code, refusal.message)
            if refusal.status == 401:
                response.headers["www-authenticate"] = 'Bearer realm="twitchcheck"'
            await response(scope, receive, send_safe)
            return
        await self.app(scope, receive, send_safe)

    def _check_host(self, headers: dict[str, str]) -> None:
        host = headers.get("host", "").lower()
        if host not in self.settings.hosts:
            raise Refusal(
                403,
                errors.FORBIDDEN_HOST,
                f"this app answers only to {', '.join(self.settings.hosts)}, not to the host "
                f"{host[:100]!r}; open the address twitchcheck serve printed",
            )

    def _check_token(self, scope: Scope, headers: dict[str, str]) -> str | None:
        """Pass a request with the token; for `?token=` on a GET, the address to send the
        browser to instead (the same one without the token)."""
        authorization = headers.get("authorization", "")
        if authorization[:7].lower() == "bearer ":
            if _same(authorization[7:].strip(), self.settings.token):
                return None
            raise Refusal(401, errors.UNAUTHORIZED, "the launch token is wrong")
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for key, value in query if key == "token"]
        if given:
            if len(given) == 1 and _same(given[0], self.settings.token):
                if scope["method"] in ("GET", "HEAD"):
                    rest = urlencode([(k, v) for k, v in query if k != "token"])
                    return quote(str(scope["path"])) + (f"?{rest}" if rest else "")
                return None
            raise Refusal(401, errors.UNAUTHORIZED, "the launch token is wrong")
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header carries no session
            cookie = SimpleCookie()
        morsel = cookie.get(self.settings.cookie_name)
        if morsel is not None and _same(morsel.value, self.session):
            return None
        raise Refusal(
            401,
            errors.UNAUTHORIZED,
            "this app needs its launch token: open the address twitchcheck serve printed "
            "(…/?token=…), or send 'Authorization: Bearer TOKEN'",
        )

    def _check_origin(self, headers: dict[str, str]) -> None:
        origin = headers.get("origin")
        if origin is None:
            # Browsers send Origin on every cross-origin write; Sec-Fetch-Site covers old ones.
            if headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none"):
                return
            origin = f"a {headers['sec-fetch-site']} page"
        if origin.lower() not in self.settings.origins:
            raise Refusal(
                403,
                errors.FORBIDDEN_ORIGIN,
                f"a write must come from this app's own pages, not from {origin[:100]!r}",
            )

    async def _checked_body(
        self, scope: Scope, headers: dict[str, str], receive: Receive
    ) -> Receive:
        """A `receive` that, when the route reads the body (so only once the method and path
        matched a route), reads it whole (bounded), checks it and hands it on unchanged."""
        most = self.settings.most_body_bytes
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > most):
            raise Refusal(413, errors.TOO_LARGE, f"the body is larger than {most:,} bytes")
        body: bytes | None = None

        async def checked() -> Message:
            nonlocal body
            if body is not None:
                return await receive()  # the body was handed on: wait for the disconnect
            try:
                body = await _read_whole(receive, most, "body")
            except _Disconnected as gone:
                return gone.message
            _check_body(body, headers.get("content-type"), scope["method"])
            return {"type": "http.request", "body": body, "more_body": False}

        return checked

    async def _checked_form(self, headers: dict[str, str], receive: Receive) -> Receive:
        """Read a page's form whole (bounded), check its CSRF token, and hand it on."""
        declared = headers.get("content-type", "")
        kind = declared.split(";")[0].strip().lower()
        if kind not in (FORM_TYPE, MULTIPART_TYPE):
            raise Refusal(
                415,
                errors.UNSUPPORTED_MEDIA,
                f"the pages take forms only ({FORM_TYPE} or {MULTIPART_TYPE}), not "
                f"{(kind or 'no content type')[:80]!r}",
            )
        try:
            body = await _read_whole(receive, self.settings.most_body_bytes, "form")
        except _Disconnected:
            raise Refusal(400, "invalid_input", "the form was cut off") from None
        given = headers.get("x-csrf-token")
        if given is None:
            found = [value for key, value in form_fields(declared, body) if key == "csrf"]
            given = found[0] if len(found) == 1 and isinstance(found[0], str) else ""
        if not _same(given, self.csrf):
            raise Refusal(
                403,
                errors.FORBIDDEN_CSRF,
                "this form did not come from this app's own page (its CSRF token is missing "
                "or wrong); reload the page and send it again",
            )
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay


def form_fields(content_type: str, body: bytes) -> list[tuple[str, str | bytes]]:
    """A form's fields in order: text for urlencoded ones and multipart text fields, bytes
    for a multipart file. A multipart body is read with the standard library's MIME parser."""
    kind = content_type.split(";")[0].strip().lower()
    if kind != MULTIPART_TYPE:
        decoded = body.decode("utf-8", "replace")
        return list(parse_qsl(decoded, keep_blank_values=True))
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n" + body
    )
    fields: list[tuple[str, str | bytes]] = []
    if not message.is_multipart():
        return fields
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        raw = part.get_payload(decode=True)
        payload = raw if isinstance(raw, bytes) else b""
        if part.get_filename() is None:
            fields.append((name, payload.decode("utf-8", "replace")))
        else:
            fields.append((name, payload))
    return fields


def _check_body(body: bytes, kind: str | None, method: str) -> None:
    if body or method in ("POST", "PUT", "PATCH"):
        if kind is None or not _JSON_TYPE.match(kind.strip()):
            raise Refusal(
                415,
                errors.UNSUPPORTED_MEDIA,
                f"/api takes JSON bodies only (Content-Type: application/json), not "
                f"{(kind or 'no content type')[:80]!r}",
            )
        if body:
            check_json(body)


_OURS = frozenset(name for name, _ in (*SAFE_HEADERS, NO_STORE))
# A standalone document with its own inline <style> (the clinician report, which is also
# made into a PDF) names that style's hash in this header; the policy then allows exactly
# that style and no other. The header itself is not sent on.
STYLE_HASH = b"x-twitchcheck-style-hash"
_HASH = re.compile(rb"sha256-[A-Za-z0-9+/]{43}=")


def _safe_headers(given: list[bytes]) -> tuple[tuple[bytes, bytes], ...]:
    allowed = [h for value in given for h in value.split() if _HASH.fullmatch(h)]
    if not allowed:
        return SAFE_HEADERS
    styles = b" ".join(b"'" + h + b"'" for h in allowed)
    policy = CSP.encode().replace(b"style-src 'self'", b"style-src 'self' " + styles)
    return ((b"content-security-policy", policy), *SAFE_HEADERS[1:])


def style_hashes(html: str) -> str:
    """The CSP sources ("sha256-...", space-separated) of a document's inline <style>
    elements, for STYLE_HASH."""
    import base64

    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    digests = (hashlib.sha256(css.encode("utf-8")).digest() for css in styles)
    return " ".join("sha256-" + base64.b64encode(d).decode() for d in digests)


def _headers(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        name = key.decode("latin-1").lower()
        if name in found and name in ("host", "authorization", "origin", "content-type"):
            raise Refusal(400, "invalid_input", f"the request has two {name} headers")
        found[name] = value.decode("latin-1")
    return found


async def _redirect(send: Send, location: str, cookie: str, value: str) -> None:
    set_cookie = f"{cookie}={value}; Path=/; HttpOnly; SameSite=Strict"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1", "replace")),
                (b"set-cookie", set_cookie.encode()),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
