"""The web app's settings: where it listens, its launch token, its store, who it answers.

The environment is read here and only here (`settings_from_environment`), so the app factory
takes plain values and tests can build an app with any settings.

    TWITCHCHECK_TOKEN         the launch token (default: a new random one each start)
    TWITCHCHECK_DATABASE_URL  the store (see docs/store.md; `--db` wins over it)
    TWITCHCHECK_HOME          the folder of the default SQLite store
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

TOKEN_VARIABLE = "TWITCHCHECK_TOKEN"
LOOPBACK = "127.0.0.1"
MIN_TOKEN_CHARS = 16  # a fixed token shorter than this could be guessed


class SettingsError(ValueError):
    """A setting that cannot be used, naming the variable or option."""


@dataclass(frozen=True)
class WebSettings:
    """What one running app needs: its token, its store and the names it answers to.

    `hosts` are the Host headers the app accepts (anything else is a DNS-rebinding attempt);
    the origins a write may come from are the same names over http.
    """

    token: str
    store_url: str
    hosts: tuple[str, ...]
    cookie_name: str = "twitchcheck_session"
    most_body_bytes: int = 16_000_000  # a 10 MB diary as JSON text, with room to spare
    origins: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        if len(self.token) < MIN_TOKEN_CHARS:
            raise SettingsError(
                f"{TOKEN_VARIABLE} is {len(self.token)} characters long; give at least "
                f"{MIN_TOKEN_CHARS}, e.g. the output of "
                "python3 -c 'import secrets; print(secrets.token_urlsafe())'"
            )
        object.__setattr__(self, "origins", tuple(f"http://{host}" for host in self.hosts))


def new_token() -> str:
    """A launch token no one can guess (32 random bytes, URL-safe)."""
    return secrets.token_urlsafe(32)


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address() -> str | None:
    """This machine's IPv4 address on its local network, or None when it has none.

    A UDP socket "connected" to an address outside this machine takes the address of the
    interface that would carry it; nothing is sent (UDP connect only picks a route).
    """
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737), discard port: never reached
        address: str = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if is_loopback(address) or address == "0.0.0.0" else address


def host_names(host: str, port: int) -> tuple[str, ...]:
    """The Host headers a browser sends to the app listening on `host`:`port`."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    names = [f"{shown}:{port}"]
    if is_loopback(host) or host in ("0.0.0.0", "::"):
        names += [f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"]
    return tuple(dict.fromkeys(names))


def settings_from_environment(
    environment: Mapping[str, str], *, db: str | None, host: str, port: int
) -> WebSettings:
    """The settings of `twitchcheck serve` from its options and the environment."""
    from twitchcheck.store import store_url

    token = environment.get(TOKEN_VARIABLE, "").strip() or new_token()
    return WebSettings(
        token=token,
        store_url=store_url(db, environment),
        hosts=host_names(host, port),
        cookie_name=f"twitchcheck_session_{port}",  # cookies ignore ports: one per app
    )
