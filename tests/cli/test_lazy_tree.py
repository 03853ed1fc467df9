"""A cold process builds only its command's topic (cli/__init__.py): the map from command
names to topics must hold every command, and one topic's group must behave as the whole."""

from __future__ import annotations

import gc
import subprocess
import sys

import click
import pytest
from typer.main import get_command

from twitchcheck.cli import TOPICS, build_app, topics_for


def names(topics: tuple[str, ...]) -> set[str]:
    root = get_command(build_app(topics))
    assert isinstance(root, click.Group)
    return set(root.commands)


def test_the_topic_map_lists_every_command_of_the_whole_tree() -> None:
    assert names(tuple(TOPICS)) == {name for commands in TOPICS.values() for name in commands}


@pytest.mark.parametrize("topic", list(TOPICS))
def test_each_topic_alone_registers_exactly_its_commands(topic: str) -> None:
    assert names((topic,)) == set(TOPICS[topic])


def test_only_a_command_name_first_narrows_the_tree() -> None:
    assert topics_for(["nutrients", "2 eggs"]) == ("foods",)
    assert topics_for(["backup", "x"]) == ("store",)
    whole = tuple(TOPICS)
    for argv in ([], ["--help"], ["--help", "labs"], ["lab"], ["show", "kb"]):
        assert topics_for(argv) == whole, argv


@pytest.mark.parametrize(
    "argv",
    [
        ["labs", "K 9 mmol/L", "--json"],
        ["labs"],
        ["labs", "--help"],
        ["targets", "--age", "x", "--sex", "female"],
        ["kb", "show"],
        ["foods"],
    ],
)
def test_a_cold_process_answers_as_the_whole_tree_does(argv: list[str]) -> None:
    """The entry point (one topic) and the whole tree give the same output and exit code."""
    env = {"COLUMNS": "100", "PATH": "/usr/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, *argv],
            capture_output=True,
            text=True,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        for code in (
            "import sys; sys.argv[0] = 'twitchcheck'; from twitchcheck.cli import main; main()",
            "import sys; sys.argv[0] = 'twitchcheck'; from twitchcheck.cli import app; app()",
        )
    ]
    one, whole = ((r.returncode, r.stdout, r.stderr) for r in runs)
    assert one == whole


def test_the_server_and_the_demo_keep_pythons_garbage_collection() -> None:
    from twitchcheck.cli import LONG_LIVED

    assert topics_for(["serve", "--port", "8000"]) in LONG_LIVED
    assert topics_for(["demo"]) in LONG_LIVED
    assert topics_for(["screen", "--answers", "a.json"]) not in LONG_LIVED


def test_a_one_off_command_collects_its_youngest_objects_less_often() -> None:
    from twitchcheck.cli import ONE_OFF_GC_THRESHOLD

    assert gc.get_threshold()[0] < ONE_OFF_GC_THRESHOLD  # less often than Python's default
    code = (
        "import atexit, gc, sys; sys.argv[0] = 'twitchcheck'\n"
        "atexit.register(lambda: print(gc.get_threshold()[0], file=sys.stderr))\n"
        "from twitchcheck.cli import main; main()"
    )
    one_off = (["labs", "K 4 mmol/L", "--json"], str(ONE_OFF_GC_THRESHOLD))
    for argv, threshold in (one_off, (["demo"], "700")):
        run = subprocess.run(
            [sys.executable, "-c", code, *argv],
            capture_output=True,
            text=True,
            input="",
            check=False,
        )
        assert run.stderr.splitlines()[-1] == threshold, argv
