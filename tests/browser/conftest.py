"""Browser tests: the real app on a free loopback port, driven by Playwright on Debian's
chromium (../shared/COMPONENTS.md; never `playwright install`), with axe-core served from
the test's own copy (npm pack axe-core, cached beside these tests) and a record of every
request each page makes, which must stay on this machine.

All of them are in the slow tier: `make quick` skips them, `make test` runs them.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE_VERSION = "4.14.1"
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
ARTIFACTS = HERE / "artifacts"
TOKEN = "browser-test-token-" + "x" * 24
AXE_PATH = "/__tests__/axe.min.js"  # answered by the test itself (page.route), never the app


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": ["--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LiveApp:
    """The app under uvicorn in a thread, on its own fresh store."""

    def __init__(self, home: Path) -> None:
        import uvicorn

        from twitchcheck.store.location import sqlite_url
        from twitchcheck.web import WebSettings, create_app
        from twitchcheck.web.settings import host_names

        self.port = _free_port()
        settings = WebSettings(
            token=TOKEN, store_url=sqlite_url(home / "twitchcheck.sqlite"),
            hosts=host_names("127.0.0.1", self.port),
            cookie_name=f"twitchcheck_session_{self.port}",
        )  # fmt: skip
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                pytest.fail("the app did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def app() -> Iterator[LiveApp]:
    home = Path(tempfile.mkdtemp(prefix="twitchcheck-browser-"))
    live = LiveApp(home)
    yield live
    live.stop()
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(app: LiveApp) -> str:
    """The app's address (in place of pytest-playwright's own, which pytest 9 warns about)."""
    return app.url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from npm (packed once into tests/browser/.cache)."""
    script = CACHE / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is missing (apt-get install -y npm): the tests pack axe-core with it")
        work = Path(tempfile.mkdtemp())
        subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", str(work)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        with tarfile.open(next(work.glob("axe-core-*.tgz"))) as packed:
            member = packed.extractfile("package/axe.min.js")
            assert member is not None
            script.parent.mkdir(parents=True, exist_ok=True)
            script.write_bytes(member.read())
        shutil.rmtree(work, ignore_errors=True)
    return script.read_text(encoding="utf-8")


@pytest.fixture
def requests_seen() -> list[str]:
    return []


@pytest.fixture
def page(page: Any, app: LiveApp, axe_source: str, requests_seen: list[str]) -> Iterator[Any]:
    """A page signed in with the launch token, recording every request it makes; axe-core
    is answered at AXE_PATH by the test itself. At the end, every request must have gone to
    the app on 127.0.0.1."""
    page.on("request", lambda request: requests_seen.append(request.url))
    page.route(
        f"**{AXE_PATH}",
        lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
    )
    page.goto(f"{app.url}/?token={TOKEN}")
    yield page
    elsewhere = [
        url for url in requests_seen
        if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "about:"))
    ]  # fmt: skip
    assert not elsewhere, f"requests left the machine: {elsewhere[:5]}"


def check_accessibility(page: Any, label: str) -> None:
    """axe-core on the page as it is, in light and in dark: no serious or critical finding."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=AXE_PATH)
        found = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target)"
            ".join(' | '))"
        )
        assert not found, f"{label} ({scheme}): {found}"
    page.emulate_media(color_scheme="light")


def check_phone_width(page: Any, label: str) -> None:
    """No horizontal scroll at 390 px; a screenshot at 1280 and 390 px (200% zoom, with a
    real device scale, is test_browser_zoom.py's)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(ARTIFACTS / f"{label}-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"{label}: the page is {wide} px wide at 390 px"
    page.screenshot(path=str(ARTIFACTS / f"{label}-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
