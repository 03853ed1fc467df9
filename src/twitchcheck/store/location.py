"""Where the store is: `--db URL`, else TWITCHCHECK_DATABASE_URL, else a SQLite file in
TWITCHCHECK_HOME or the platform's user data directory.

The shells pass their environment in (`store_url(db, os.environ)`), so this stays a pure
function the core may call and tests can aim anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

FILE_NAME = "twitchcheck.sqlite"
URL_VARIABLE = "TWITCHCHECK_DATABASE_URL"
HOME_VARIABLE = "TWITCHCHECK_HOME"


def store_home(environment: Mapping[str, str]) -> Path:
    """The folder of the default SQLite store."""
    home = environment.get(HOME_VARIABLE, "").strip()
    if home:
        return Path(home).expanduser()
    import platformdirs  # imported here: only the default location needs it

    return Path(platformdirs.user_data_dir("twitchcheck", appauthor=False))


def store_url(db: str | None, environment: Mapping[str, str]) -> str:
    """The SQLAlchemy URL of the store to open (see the module doc for the order)."""
    if db and db.strip():
        return db.strip()
    url = environment.get(URL_VARIABLE, "").strip()
    if url:
        return url
    return sqlite_url(store_home(environment) / FILE_NAME)


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file store at `path`."""
    return f"sqlite+pysqlite:///{path.resolve()}"
