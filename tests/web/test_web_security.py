"""Each refusal of docs/security.md, and the headers every response carries."""

from __future__ import annotations

from typing import Any

import pytest

from twitchcheck.web import WebSettings
from twitchcheck.web.security import session_value
from twitchcheck.web.settings import SettingsError, host_names, is_loopback
from web.conftest import AUTH, ORIGIN, TOKEN, error_of

ROUTES = ["/", "/openapi.json", "/api/foods/search?q=milk", "/api/profiles", "/api/nothing"]


@pytest.mark.parametrize("route", ROUTES)
def test_no_token_no_answer(bare: Any, route: str) -> None:
    response = bare.get(route)
    assert error_of(response) == (401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN}x"},
     {"Authorization": f"Bearer {TOKEN[:-1]}"}, {"Cookie": "twitchcheck_session=" + TOKEN},
     {"Cookie": "twitchcheck_session=" + session_value("another token entirely")},
     {"Authorization": "Basic " + TOKEN}],
)  # fmt: skip
def test_a_wrong_token_or_cookie_is_refused(bare: Any, headers: dict[str, str]) -> None:
    assert error_of(bare.get("/api/profiles", headers=headers)) == (401, "unauthorized")


def test_a_wrong_token_in_the_address_is_refused(bare: Any) -> None:
    assert error_of(bare.get("/?token=nope")) == (401, "unauthorized")
    assert error_of(bare.get(f"/?token={TOKEN}&token={TOKEN}")) == (401, "unauthorized")


def test_the_token_in_the_address_sets_a_strict_cookie_once(bare: Any) -> None:
    response = bare.get(f"/api/profiles?token={TOKEN}&x=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/api/profiles?x=1"  # the token leaves the address
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Path=/" in cookie
    assert TOKEN not in cookie  # the cookie is derived, never the token itself
    assert response.headers["cache-control"] == "no-store"
    # the browser now sends the cookie, and is let in without the token
    follow = bare.get("/api/profiles")
    assert follow.status_code == 200
    assert follow.json() == []


def test_a_bearer_token_needs_no_cookie(bare: Any) -> None:
    assert bare.get("/api/profiles", headers=AUTH).status_code == 200
    assert "set-cookie" not in bare.get("/api/profiles", headers=AUTH).headers


@pytest.mark.parametrize(
    "host", ["evil.example:80", "attacker.test", "127.0.0.1", "localhost:1", "", "testserver.evil"]
)
def test_a_foreign_host_is_refused_even_with_the_token(bare: Any, host: str) -> None:
    """A DNS-rebinding page reaches the port under its own name: its Host gives it away."""
    response = bare.get("/api/profiles", headers={**AUTH, "Host": host})
    assert error_of(response) == (403, "forbidden_host")


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "null", "http://testserver.evil", "https://testserver"]
)
def test_a_write_from_another_origin_is_refused(client: Any, origin: str) -> None:
    response = client.post("/api/profiles", json={"name": "Mallory"}, headers={"Origin": origin})
    assert error_of(response) == (403, "forbidden_origin")
    assert client.get("/api/profiles").json() == []  # nothing was saved


def test_a_cross_site_write_without_origin_is_refused(client: Any) -> None:
    response = client.post(
        "/api/profiles", json={"name": "Mallory"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert error_of(response) == (403, "forbidden_origin")


def test_a_write_from_the_apps_own_origin_or_a_script_is_accepted(client: Any) -> None:
    own = client.post("/api/profiles", json={"name": "Ann"}, headers={"Origin": ORIGIN})
    assert own.status_code == 201
    script = client.post("/api/profiles", json={"name": "Bob"})  # curl sends no Origin
    assert script.status_code == 201


def test_a_read_from_another_origin_is_allowed_but_not_shared(client: Any) -> None:
    """A GET changes nothing; with no CORS header the other page cannot read the answer."""
    response = client.get("/api/profiles", headers={"Origin": "http://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    ("kind", "body"),
    [("text/plain", b'{"name": "Ann"}'), ("application/x-www-form-urlencoded", b"name=Ann"),
     ("multipart/form-data; boundary=x", b"--x--"), ("application/json; charset=latin-1", b"{}"),
     ("application/jsonp", b"{}"), (None, b'{"name": "Ann"}')],
)  # fmt: skip
def test_api_takes_json_bodies_only(client: Any, kind: str | None, body: bytes) -> None:
    """A form or text/plain POST is what another site can send without CORS: never read."""
    headers = {"Content-Type": kind} if kind else {}
    response = client.post("/api/profiles", content=body, headers=headers)
    assert error_of(response) == (415, "unsupported_media_type")
    assert client.get("/api/profiles").json() == []


@pytest.mark.parametrize(
    "body",
    [b'{"name": NaN}', b'{"age_years": Infinity, "name": "a"}', b'{"name": 1e999}',
     b"[" * 100 + b"]" * 100, b'{"name": "a"', b"\xff\xfe", b'{"name": "' + b"1" * 50 + b'"}x'],
)  # fmt: skip
def test_a_body_that_is_not_strict_json_is_refused(client: Any, body: bytes) -> None:
    response = client.post(
        "/api/profiles", content=body, headers={"Content-Type": "application/json"}
    )
    assert error_of(response) == (400, "invalid_input")


def test_a_huge_number_is_refused_not_a_crash(client: Any) -> None:
    body = b'{"name": "a", "age_years": ' + b"9" * 5000 + b"}"
    response = client.post(
        "/api/profiles", content=body, headers={"Content-Type": "application/json"}
    )
    assert error_of(response) == (400, "invalid_input")


def test_a_body_over_the_limit_is_refused(settings: WebSettings) -> None:
    from dataclasses import replace

    from twitchcheck.web import create_app
    from web.conftest import TestClient

    small = replace(settings, most_body_bytes=1000)
    with TestClient(create_app(small), headers=AUTH) as client:
        big = {"phrases": ["milk"] * 500}
        assert error_of(client.post("/api/nutrients", json=big)) == (413, "too_large")


@pytest.mark.parametrize("route", ["/", "/openapi.json", "/api/profiles", "/api/nothing"])
def test_every_response_carries_the_safe_headers(client: Any, route: str) -> None:
    headers = client.get(route).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    if route != "/":
        assert headers["cache-control"] == "no-store"


def test_refusals_carry_the_safe_headers_too(bare: Any) -> None:
    headers = bare.get("/api/profiles").headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "no-store"


def test_no_docs_page_loads_scripts_from_elsewhere(client: Any) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_a_short_fixed_token_is_refused() -> None:
    with pytest.raises(SettingsError, match="at least"):
        WebSettings(token="short", store_url="sqlite:////tmp/x", hosts=("h",))


def test_the_host_names_of_a_loopback_app() -> None:
    assert host_names("127.0.0.1", 8000) == ("127.0.0.1:8000", "localhost:8000", "[::1]:8000")
    assert host_names("192.168.1.5", 80) == ("192.168.1.5:80",)
    assert is_loopback("127.0.0.2")
    assert is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("example.com")
