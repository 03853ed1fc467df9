"""Read the package's own data files (the only I/O the core does).

Everything goes through `importlib.resources`, so it works from a wheel,
an editable install or a zip, and nothing is fetched from the network.

YAML is the source of every fact, but parsing 330 KB of it took most of a cold
`twitchcheck screen`. `tools/build_yaml_bundle.py` stores each packaged YAML file's parsed
content in ``data/yaml_bundle.json`` beside the SHA-256 of its text; a file is read from
the bundle only while its text still has that hash, so an edited file is always parsed
afresh (and tests/test_data.py fails until the bundle is rebuilt).
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from twitchcheck.errors import DataError

BUNDLE = "yaml_bundle.json"


def data_path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``"foods.sqlite"``."""
    return Path(str(resources.files("twitchcheck") / "data" / name))


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


def read_yaml(name: str, error: type[DataError] = DataError) -> Any:
    """A packaged YAML file (relative to ``twitchcheck/data``), from the bundle while it is
    current, else parsed. A missing file raises `error` naming it."""
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"data file {name} is missing (looked in {path.parent})") from None
    entry = _bundle().get(name)
    if entry is not None and entry["sha256"] == text_hash(text):
        return entry["data"]
    return parse_yaml(text, name, error)


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML file once (relative to ``twitchcheck/data``)."""
    return read_yaml(name)


def text_hash(text: str) -> str:
    """The hash that ties a bundled file to its source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _bundle() -> dict[str, Any]:
    try:
        files: dict[str, Any] = json.loads(data_path(BUNDLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no usable bundle: every file is parsed from its YAML
    return files
