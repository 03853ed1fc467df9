"""The layers of docs/architecture.md hold: the core never imports a shell or a UI library,
never reads the environment, and the shells are the only place that does either."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "twitchcheck"
SHELLS = ("cli", "web")  # packages that talk to people; everything else is the core
ENTRY_POINTS = ("__main__.py",)
SHELL_LIBRARIES = ("typer", "click", "rich", "fastapi", "starlette", "uvicorn", "jinja2")
ENVIRONMENT = ("environ", "getenv", "putenv", "environb")


def core_modules() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in SHELLS and path.name not in ENTRY_POINTS
    ]


def imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_there_is_a_core_to_check() -> None:
    assert len(core_modules()) > 20


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_core_module_imports_no_shell_and_reads_no_environment(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name in imported(tree):
        top = name.split(".")[0]
        assert top not in SHELL_LIBRARIES, f"{path.name} imports {name}: UI belongs in a shell"
        for shell in SHELLS:
            assert not name.startswith(f"twitchcheck.{shell}"), f"{path.name} imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT:
            pytest.fail(f"{path.name}:{node.lineno} reads the environment ({node.attr})")
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            assert not {a.name for a in node.names} & set(ENVIRONMENT), path.name


def test_the_check_catches_a_violation(tmp_path: Path) -> None:
    bad = ast.parse("import os\nfrom twitchcheck.cli import app\nx = os.environ['HOME']\n")
    assert "twitchcheck.cli" in imported(bad)
    assert any(isinstance(n, ast.Attribute) and n.attr == "environ" for n in ast.walk(bad))


def test_no_two_public_classes_share_a_name() -> None:
    """A name means one thing across the package (a lab's note is a LabNote, advice's an
    AdviceNote), so that a reader, an import or the web API never confuses the two."""
    homes: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                homes.setdefault(node.name, []).append(path.relative_to(PACKAGE).as_posix())
    shared = {name: where for name, where in homes.items() if len(where) > 1}
    assert not shared, shared


def test_no_source_id_is_written_in_python() -> None:
    """Sourced sentences and their source ids live in the data files, where the source tests
    see them; Python names a source only through those files."""
    literal = re.compile(r"""["'](?:S|X)\d{1,3}["']""")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line.split("#")[0])
    ]
    assert not found, found


def test_packaged_data_is_parsed_in_one_place() -> None:
    """Only _data parses YAML or TOML, so every data file is read through the bundle and
    every broken entry is a DataError naming the file and the entry."""
    parsers = {"yaml", "tomllib"}
    found = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "_data.py"
        for name in imported(ast.parse(path.read_text(encoding="utf-8")))
        if name.split(".")[0] in parsers
    ]
    assert not found, found
