"""Fixtures for the web app: one app from the factory per session, on a SQLite store made
afresh for each test, a client that carries the launch token, and helpers to start the real
`twitchcheck serve`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from conftest import SQLITE_FILES, place_store
from twitchcheck.store.location import sqlite_url
from twitchcheck.web import WebSettings, create_app

with warnings.catch_warnings():
    # Starlette 1.x would rather TestClient ran on httpx2 (not in our index); httpx works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-" + "x" * 32
HOST = "testserver"  # what TestClient sends as Host
ORIGIN = f"http://{HOST}"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the shared app's store is: one file per session, made afresh for each test."""
    return tmp_path_factory.mktemp("web") / "home" / "twitchcheck.sqlite"


@pytest.fixture(scope="session")
def app_settings(web_store: Path) -> WebSettings:
    """The shared app's settings: the test token and host, and the session's store file."""
    return WebSettings(token=TOKEN, store_url=sqlite_url(web_store), hosts=(HOST,))


@pytest.fixture(scope="session")
def app(app_settings: WebSettings) -> FastAPI:
    """One app from the factory for the tests of a session (each xdist worker): FastAPI
    builds every route's validators on an app's first requests (~0.1 s CPU, half the web
    tests' time when each test made its own app). The app keeps nothing of a request but
    its store, which each test gets fresh (`settings`) and which is closed between tests:
    the app's lifespan closes it when a test's client stops."""
    return create_app(app_settings)


@pytest.fixture
def settings(
    app_settings: WebSettings, web_store: Path, migrated_store: Path
) -> Iterator[WebSettings]:
    """The app's settings, its store replaced by an empty one at the current schema (a copy
    of the session's migrated file). A test must leave the store closed: the next one's copy
    replaces the file."""
    place_store(migrated_store, web_store)
    yield app_settings
    left = [
        Path(f"{web_store}{end}").name
        for end in SQLITE_FILES[1:]
        if Path(f"{web_store}{end}").exists()
    ]
    assert not left, f"the test left the web store open: {left}"


@pytest.fixture
def client(app: FastAPI, settings: WebSettings) -> Iterator[TestClient]:
    """A client with the token, as a script would call the API."""
    with TestClient(app, headers=AUTH) as test_client:
        yield test_client


@pytest.fixture
def bare(app: FastAPI, settings: WebSettings) -> Iterator[TestClient]:
    """A client without the token (and that does not follow redirects)."""
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def person(client: TestClient) -> int:
    """A saved profile's id."""
    response = client.post("/api/profiles", json={"name": "Ann", "age_years": 42, "sex": "female"})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def error_of(response: Any) -> tuple[int, str]:
    """A refusal's status and code, checking the one error shape on the way."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    return response.status_code, body["error"]["code"]


ADDRESS = re.compile(r"twitchcheck is running at (http://127\.0\.0\.1:(\d+)/)\?token=(\S+)")


class Server:
    """A real `twitchcheck serve` child process."""

    def __init__(self, home: Path, token: str = TOKEN, *extra: str) -> None:
        environment = {**os.environ, "TWITCHCHECK_HOME": str(home), "TWITCHCHECK_TOKEN": token}
        environment.pop("TWITCHCHECK_DATABASE_URL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "twitchcheck", "serve", "--no-open", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = ADDRESS.search(line)
        if found is None:
            self.process.kill()
            _, errors = self.process.communicate(timeout=10)
            pytest.fail(f"serve printed {line!r}; stderr: {errors}")
        self.url, self.port, self.token = found.group(1), int(found.group(2)), found.group(3)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=10)
