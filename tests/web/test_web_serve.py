"""The real `twitchcheck serve`: a free port, the address with its token, Ctrl-C stops it
cleanly, and a SIGKILL in the middle of a diary import leaves all of it or none of it."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from twitchcheck.store import open_store
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.models import DiaryEntryRow
from web.conftest import TOKEN, Server


def call(server: Server, method: str, path: str, body: Any = None, **headers: str) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        server.url.rstrip("/") + path, data=data, method=method,
        headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json",
                 **headers},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, json.loads(response.read() or b"null")


def test_serve_prints_its_address_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    server = Server(tmp_path / "home")
    try:
        assert server.token == TOKEN  # TWITCHCHECK_TOKEN fixes it
        assert call(server, "GET", "/api/foods/search?q=milk&limit=1")[1][0]["name"]
        assert call(server, "POST", "/api/profiles", {"name": "Ann"})[0] == 201
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url + "api/profiles", timeout=10)
        assert refused.value.code == 401
        refused.value.close()  # the error holds the response and its socket
        os.kill(server.process.pid, signal.SIGINT)
        _, errors = server.process.communicate(timeout=20)
        assert server.process.returncode == 0, errors
        assert "Traceback" not in errors
        assert "twitchcheck stopped" in errors
    finally:
        server.stop()
    store = open_store(sqlite_url(tmp_path / "home" / "twitchcheck.sqlite"))
    store.close()
    assert (tmp_path / "home" / "twitchcheck.sqlite").stat().st_mode & 0o077 == 0


def test_serve_makes_a_token_when_none_is_fixed(tmp_path: Path) -> None:
    server = Server(tmp_path / "home", "")  # an empty TWITCHCHECK_TOKEN: not fixed
    try:
        assert len(server.token) >= 32
        assert server.token != TOKEN
    finally:
        server.stop()


def test_serve_warns_off_loopback(tmp_path: Path) -> None:
    server = Server(tmp_path / "home", TOKEN, "--host", "0.0.0.0")
    try:
        os.kill(server.process.pid, signal.SIGINT)
        _, errors = server.process.communicate(timeout=20)
        assert "Warning: listening on 0.0.0.0" in errors
    finally:
        server.stop()


def diary_text(days: int, per_day: int) -> str:
    start = dt.date(2025, 1, 1)
    foods = ["1 banana", "2 eggs", "1 cup milk", "30 g almonds", "1 slice toast"]
    blocks = []
    for n in range(days):
        lines = [foods[(n + i) % len(foods)] for i in range(per_day)]
        blocks.append((start + dt.timedelta(days=n)).isoformat() + "\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def entries(home: Path) -> int:
    store = open_store(sqlite_url(home / "twitchcheck.sqlite"))
    try:
        with store.engine.connect() as connection:
            assert connection.scalar(text("PRAGMA integrity_check")) == "ok"
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(DiaryEntryRow)) or 0)
    finally:
        store.close()


@pytest.mark.slow
def test_a_server_killed_during_a_diary_import_saves_all_or_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    server = Server(home)
    wal = home / "twitchcheck.sqlite-wal"
    try:
        person = call(server, "POST", "/api/profiles", {"name": "Ann"})[1]["id"]
        body = {"text": diary_text(days=600, per_day=40)}  # 24,000 lines
        writer = threading.Thread(
            target=_quietly, args=(server, f"/api/profiles/{person}/diary/import", body)
        )
        writer.start()
        before = wal.stat().st_size if wal.exists() else 0
        deadline = time.monotonic() + 120
        # The import writes as it goes (a flush every 1,000 lines, one transaction): kill it
        # once the log has grown by a few hundred kB, long before it can commit.
        while (wal.stat().st_size if wal.exists() else 0) < before + 400_000:
            assert time.monotonic() < deadline, "the import never started writing"
            assert server.process.poll() is None
            time.sleep(0.005)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=20)
        writer.join(timeout=30)
    finally:
        server.stop()
    assert entries(home) == 0  # killed mid-transaction: nothing was kept

    again = Server(home)  # the store opens again and takes the whole import
    try:
        status, result = call(
            again, "POST", f"/api/profiles/{person}/diary/import", {"text": diary_text(20, 10)}
        )
        assert status == 201
        assert result["added"] == 200
    finally:
        again.stop()
    assert entries(home) == 200


def _quietly(server: Server, path: str, body: Any) -> None:
    """POST `body`, ignoring the dropped connection of a killed server; the socket is
    closed whatever happens (an unclosed one would warn in a later test)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    try:
        connection.request(
            "POST", path, json.dumps(body),
            {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
        )  # fmt: skip
        connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        pass  # the server was killed under it
    finally:
        connection.close()


def test_serve_lan_prints_the_network_address_with_its_token_and_a_qr_code(
    tmp_path: Path,
) -> None:
    from twitchcheck.web.settings import lan_address

    network = lan_address()
    if network is None:
        pytest.skip("this machine has no address on a local network")
    server = Server(tmp_path / "home", TOKEN, "--lan")
    try:
        assert server.process.stdout is not None
        phone = server.process.stdout.readline()
        assert phone.startswith("On the local network (a phone): ")
        url = phone.split(": ", 1)[1].strip()
        assert url == f"http://{network}:{server.port}/?token={TOKEN}"
        server.process.stdout.readline()  # "Scan this..."
        drawn = [server.process.stdout.readline() for _ in range(5)]
        assert all(set(line.strip()) <= set("█▀▄ ") and line.strip() for line in drawn)
        # The app answers at that address (this machine's own interface) and sets its cookie.
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as answer:
            opener.open(url, timeout=10)
        assert answer.value.code == 303
        assert "twitchcheck_session" in answer.value.headers["set-cookie"]
        answer.value.close()
        os.kill(server.process.pid, signal.SIGINT)
        _, errors = server.process.communicate(timeout=20)
        assert "Warning: listening on 0.0.0.0" in errors
    finally:
        server.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_serve_refuses_lan_with_a_host(tmp_path: Path, runner: Any) -> None:
    from twitchcheck.cli import app

    result = runner.invoke(app, ["serve", "--lan", "--host", "10.0.0.1", "--no-open"])
    assert result.exit_code != 0
    assert "either --lan or --host" in result.output + (result.stderr or "")
