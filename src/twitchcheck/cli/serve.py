"""`twitchcheck serve`: the web app on this machine, with its launch token.

It listens on 127.0.0.1 (a free port unless --port is given), prints the address with the
token, and opens the browser through a private file (so the token never appears on a
command line other accounts can read with `ps`). Ctrl-C stops it cleanly. With --lan it
listens on every interface and also prints the machine's address on the local network with
the token and a QR code of it, so a phone at the bedside can open the app.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from typing import Annotated

import typer

from twitchcheck.cli._common import guarded
from twitchcheck.cli.store import DbOption


def register(app: typer.Typer) -> None:
    """Add the `serve` command to `app`."""
    app.command("serve")(serve)


@guarded
def serve(
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on (default 127.0.0.1: this machine only)."),
    ] = "127.0.0.1",
    port: Annotated[
        int | None,
        typer.Option("--port", help="Port to listen on (default: a free one).", min=1, max=65535),
    ] = None,
    db: DbOption = None,
    no_open: Annotated[
        bool, typer.Option("--no-open", help="Do not open the browser; just print the address.")
    ] = False,
    lan: Annotated[
        bool,
        typer.Option(
            "--lan",
            help="Listen on the local network too, for a phone: print that address and a QR code.",
        ),
    ] = False,
) -> None:
    """Run the web app and its JSON API on this machine (Ctrl-C stops it)."""
    import dataclasses

    import uvicorn

    from twitchcheck.errors import InputError
    from twitchcheck.store import open_store
    from twitchcheck.web import create_app, settings_from_environment
    from twitchcheck.web.settings import SettingsError, host_names, is_loopback, lan_address

    network = None
    if lan:
        if host != "127.0.0.1":
            raise InputError("give either --lan or --host, not both (--lan listens everywhere)")
        network = lan_address()
        if network is None:
            raise InputError(
                "this machine has no address on a local network; connect it, or give --host"
            )
        host = "0.0.0.0"
    listener = _listen(host, port)
    chosen = listener.getsockname()[1]
    try:
        settings = settings_from_environment(os.environ, db=db, host=host, port=chosen)
    except SettingsError as error:
        raise InputError(str(error)) from None
    if network is not None:  # the phone's browser sends the network address as its Host
        hosts = (*host_names(network, chosen), *settings.hosts)
        settings = dataclasses.replace(settings, hosts=tuple(dict.fromkeys(hosts)))
    store = open_store(settings.store_url)  # migrated before the address is printed
    _warm()
    local = is_loopback(host) or host in ("0.0.0.0", "::")  # reachable here as 127.0.0.1
    shown = "127.0.0.1" if local else f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{chosen}/"
    if not is_loopback(host):
        typer.echo(
            f"Warning: listening on {host}, not only on this machine: other devices on the "
            "network can reach this app (the token still guards it, but the connection is "
            "not encrypted). Use the default --host 127.0.0.1 unless you need this.",
            err=True,
        )
    typer.echo(f"twitchcheck is running at {address}?token={settings.token}", nl=True)
    if network is not None:
        _print_phone_address(f"http://{network}:{chosen}/?token={settings.token}")
    sys.stdout.flush()
    if not no_open:
        _open_browser(f"{address}?token={settings.token}")
    config = uvicorn.Config(
        create_app(settings, store),
        log_level="warning",
        access_log=False,
        server_header=False,
        date_header=False,
        timeout_graceful_shutdown=5,
    )
    try:
        uvicorn.Server(config).run(sockets=[listener])
    except KeyboardInterrupt:
        pass  # uvicorn re-raises the Ctrl-C it shut down on; stopping is what was asked
    finally:
        store.close()
        listener.close()
    typer.echo("twitchcheck stopped.", err=True)


def _print_phone_address(url: str) -> None:
    """The address a phone on the same network opens, and a QR code of it for its camera."""
    import io

    import segno

    drawn = io.StringIO()
    segno.make(url, error="m").terminal(out=drawn, compact=True)
    typer.echo(f"On the local network (a phone): {url}")
    typer.echo("Scan this with the phone's camera (it holds the token: do not share it):")
    typer.echo(drawn.getvalue().rstrip("\n"))


def _warm() -> None:
    """Load the food index and the knowledge base once, before the first request: the core
    caches them without locks, so 50 first requests at once would each build them."""
    from twitchcheck.foods import search
    from twitchcheck.foods.search import warm
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.workflows import screen_person

    warm()  # rapidfuzz, the vocabulary and numpy: else the first misspelt prefix pays them
    search("milk", limit=1)
    screen_person(parse_answers({"age": 40, "sex": "female", "symptoms": ["cramps"]}))


def _listen(host: str, port: int | None) -> socket.socket:
    """A listening socket on `host`:`port` (port 0: the system picks a free one), so the
    address printed is the one already bound."""
    from twitchcheck.errors import InputError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host.strip("[]"), port or 0))
    except OSError as error:
        listener.close()
        raise InputError(
            f"cannot listen on {host}:{port or 'a free port'}: {error.strerror}; "
            "choose another --port or leave it out"
        ) from None
    except (socket.gaierror, UnicodeError):
        listener.close()
        raise InputError(f"--host {host!r} is not an address of this machine") from None
    listener.listen(128)
    listener.setblocking(False)
    return listener


def _open_browser(url: str) -> None:
    """Open `url` through a private file that redirects to it (mode 0600 in a private
    folder), as Jupyter does: the browser's own command line then shows only the file."""
    import tempfile
    import webbrowser
    from html import escape

    folder = Path(tempfile.mkdtemp(prefix="twitchcheck-"))  # mode 0700
    page = folder / "open.html"
    descriptor = os.open(page, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(
            '<!doctype html><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0;url={escape(url)}">'
            f'<a href="{escape(url)}">Open twitchcheck</a>\n'
        )
    with contextlib.suppress(Exception):  # no browser here: the printed address is enough
        webbrowser.open(page.as_uri())
