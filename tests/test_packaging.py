"""Every data file the package reads is declared as package data, so a wheel ships it."""

from __future__ import annotations

import tomllib

from conftest import REPO


def test_every_data_file_is_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["twitchcheck"]
    package = REPO / "src" / "twitchcheck"
    declared = {path for pattern in globs for path in package.glob(pattern)}
    files = {
        p for p in (package / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    assert files
    assert files <= declared, sorted(str(p.relative_to(package)) for p in files - declared)
