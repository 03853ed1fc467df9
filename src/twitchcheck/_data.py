"""Read the package's own data files (the only I/O the core does).

Every file is read from the package's own data folder (beside this module), so it works
from an installed wheel or an editable install, and nothing is fetched from the network.

YAML and TOML files are the source of every fact, but parsing 330 KB of YAML took most of
a cold `twitchcheck screen`. `tools/build_yaml_bundle.py` stores each packaged YAML and TOML
file's parsed content in ``data/yaml_bundle.json`` beside the SHA-256 of its text; a file
is read from the bundle only while its text still has that hash, so an edited file is always
parsed afresh (and tests/test_data.py fails until the bundle is rebuilt).

Some tables are costly to build from their files at every start (the knowledge base is
validated, cross-checked and indexed). `write_artefact` stores such a built value in
``data/`` under a key saying what it was built from; `read_artefact` returns it only while
the key still matches, so a stale artefact is never used (the caller builds afresh).

`load_toml` and `load_yaml` return `DataTable`s: a missing entry raises a DataError naming
the file and the entry's path, never a bare KeyError.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import pickle
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any

from twitchcheck.errors import DataError

BUNDLE = "yaml_bundle.json"


# The package's folder, as `importlib.resources.files("twitchcheck")` gives it for a package
# on the file system (a regular one: the folder this module is in); importing
# importlib.resources cost a cold process ~10 ms.
_PACKAGE = Path(__file__).parent


def data_path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``"foods.sqlite"``."""
    return _PACKAGE / "data" / name


def parse_yaml(text: str, name: str, error: type[DataError] = DataError) -> Any:
    """Parse YAML `text` (safe subset, C loader when available); a syntax error raises
    `error` naming `name` and the line."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        reason = getattr(problem, "problem", None) or str(problem)
        raise error(f"{name}: not valid YAML{where}: {reason}") from None


def parse_toml(text: str, name: str, error: type[DataError] = DataError) -> Any:
    """Parse TOML `text`; a syntax error raises `error` naming `name` and where."""
    import tomllib  # only for a file the bundle does not hold as it is now

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{name}: not valid TOML: {problem}") from None


def read_text(name: str, error: type[DataError] = DataError) -> str:
    """A packaged text file; a missing one raises `error` naming it."""
    path = data_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"data file {name} is missing (looked in {path.parent})") from None


def read_artefact(name: str, key: object) -> Any | None:
    """The value `write_artefact` stored as `name` under `key`, or None when the file is
    missing, unreadable or was built from something else (its key differs).

    The artefact is a pickle, read only from the package's own data folder: it is trusted
    exactly as far as the package's code beside it."""
    try:
        with data_path(name).open("rb") as file:
            if pickle.load(file) != key:  # the key is stored first: a stale file stops here
                return None
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def write_artefact(name: str, key: object, value: object) -> Path:
    """Store `value` as `name` in the data folder, behind `key` (see `read_artefact`)."""
    path = data_path(name)
    with path.open("wb") as file:
        pickle.dump(key, file, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def read_yaml(name: str, error: type[DataError] = DataError) -> Any:
    """A packaged YAML or TOML file (relative to ``twitchcheck/data``), from the bundle while
    it is current, else parsed. A missing file raises `error` naming it."""
    text = read_text(name, error)
    entry = _bundle().get(name)
    if entry is not None and entry["sha256"] == text_hash(text):
        return entry["data"]
    parse = parse_toml if name.endswith(".toml") else parse_yaml
    return parse(text, name, error)


@functools.cache
def load_yaml(name: str) -> Any:
    """A packaged YAML file, read once (relative to ``twitchcheck/data``), as a DataTable
    when it is a mapping."""
    return _table(read_yaml(name), name)


def raw_data(name: str) -> Any:
    """A packaged YAML or TOML file as plain dicts and lists (for tables built in one pass
    inside `reading`)."""
    return read_yaml(name)


@contextlib.contextmanager
def reading(name: str) -> Generator[None, None, None]:
    """Build a table from `name`: a missing entry or one of the wrong shape raises a
    DataError naming the file and the entry, never a bare KeyError or TypeError."""
    try:
        yield
    except KeyError as error:
        raise DataError(
            f"{name}: entry {error.args[0]!r} is missing; reinstall twitchcheck or restore the file"
        ) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise DataError(
            f"{name}: an entry has the wrong form ({error}); reinstall twitchcheck"
        ) from None


@functools.cache
def load_toml(name: str) -> DataTable:
    """A packaged TOML file, read once, as a DataTable."""
    return DataTable(read_yaml(name), name)


class DataTable(Mapping[str, Any]):
    """A read-only view of a data file's mapping: a missing key raises a DataError naming
    the file and the entry ("units.toml: entry 'by_food.wine' is missing"); nested
    mappings are DataTables too, lists are tuples."""

    __slots__ = ("_data", "_file", "_path")

    def __init__(self, data: Mapping[str, Any], file: str, path: str = "") -> None:
        self._data, self._file, self._path = data, file, path

    def __getitem__(self, key: str) -> Any:
        where = f"{self._path}.{key}" if self._path else str(key)
        try:
            value = self._data[key]
        except (KeyError, TypeError):
            raise DataError(
                f"{self._file}: entry {where!r} is missing; reinstall twitchcheck or restore "
                "the file"
            ) from None
        return _table(value, self._file, where)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._data else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"DataTable({self._file}:{self._path or '/'})"


def _table(value: Any, file: str, path: str = "") -> Any:
    if isinstance(value, Mapping):
        return DataTable(value, file, path)
    if isinstance(value, list):
        return tuple(_table(v, file, f"{path}[{i}]") for i, v in enumerate(value))
    return value


def text_hash(text: str) -> str:
    """The hash that ties a bundled file to its source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Bundle:
    """The bundle's entries, each decoded when first asked for: a command reads a few of its
    24 files, and decoding all 400 KB cost a cold process ~15 ms.

    The bundle is one JSON object written compactly (tools/build_yaml_bundle.py), so an
    entry starts at `"NAME":{"sha256":`; that text cannot occur inside a JSON string (its
    quotes would be escaped), and the entry found must have exactly the two keys."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._decoder = json.JSONDecoder()

    def get(self, name: str) -> dict[str, Any] | None:
        key = json.dumps(name, ensure_ascii=False) + ":"
        start = self._text.find(key + '{"sha256":')
        if start < 0:
            return None
        try:
            entry, _ = self._decoder.raw_decode(self._text, start + len(key))
        except ValueError:
            return None
        return entry if isinstance(entry, dict) and set(entry) == {"sha256", "data"} else None


@functools.cache
def _bundle() -> _Bundle:
    try:
        text = data_path(BUNDLE).read_text(encoding="utf-8")
    except (OSError, ValueError):
        text = ""  # no usable bundle: every file is parsed from its YAML
    return _Bundle(text)
