"""The `twitchcheck` command line: one Typer group, one module per topic.

Each topic module exposes `register(app)`; commands stay thin and call the core.

A cold process builds only the topic of the command it was given (`twitchcheck labs ...`
imports cli/labs.py and turns its one function into a Click command): building the whole
tree costs more CPU time than most commands themselves (every module's imports, every
function's signature read by Typer). A command's help, errors and output are its own, so
they are the same either way; `twitchcheck`, `--help`, an unknown name or an option before
the command get the whole tree, so the listing and Click's "Did you mean" stay as they were.
"""

from __future__ import annotations

import gc
import importlib
import io
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

# The topics in the order `twitchcheck --help` lists them, and the commands each registers.
TOPICS: dict[str, tuple[str, ...]] = {
    "screen": ("screen",),
    "diet": ("diet",),
    "plan": ("plan",),
    "foods": ("foods", "nutrients"),
    "labs": ("labs",),
    "targets": ("targets",),
    "journal": ("journal",),
    "kb": ("kb",),
    "report": ("report",),
    "store": ("backup", "restore"),
    "data": ("export", "import", "delete"),
    "serve": ("serve",),
    "demo": ("demo",),
}
TOPIC_OF = {command: topic for topic, names in TOPICS.items() for command in names}
LONG_LIVED = (("serve",), ("demo",))  # a server and an interactive session keep Python's GC
ONE_OFF_GC_THRESHOLD = 100_000


def build_app(topics: tuple[str, ...] = tuple(TOPICS)) -> typer.Typer:
    """The command group with the commands of `topics` (all of them unless told)."""
    import typer

    group = typer.Typer(
        name="twitchcheck",
        help=(
            "Investigate muscle twitches and cramps: foods, diet, labs, habits,"
            " and when to see a doctor."
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for topic in topics:
        importlib.import_module(f"twitchcheck.cli.{topic}").register(group)
    if len(topics) == 1:
        # Typer runs an app of one command as that command (no name to type); a callback
        # that does nothing keeps it a group, as the whole tree is.
        group.callback()(_group_callback)
    return group


def _group_callback() -> None:
    """Nothing to do before the command: the group only chooses it."""


def topics_for(argv: list[str]) -> tuple[str, ...]:
    """The topics a process given `argv` (without the program name) needs: the command's own
    when the first argument names one, else all."""
    if argv and argv[0] in TOPIC_OF:
        return (TOPIC_OF[argv[0]],)
    return tuple(TOPICS)


def __getattr__(name: str) -> typer.Typer:
    """`twitchcheck.cli.app`, the whole tree, built on first use (tests and tools use it)."""
    if name == "app":
        whole = build_app()
        globals()["app"] = whole
        return whole
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point.

    Output that cannot be written (a full disk behind `> file`) is an error, not a silent
    success; a reader that stops early (`| head`) is not.
    """
    code: int | str | None = 0
    topics = topics_for(sys.argv[1:])
    if topics not in LONG_LIVED:
        # A one-off command creates tens of thousands of lasting objects while it imports
        # and loads, few of them garbage: collecting the youngest every 700 (Python's
        # default) made 94 collections, ~50 ms of a cold screening; every 10,000, 13 and
        # ~25 ms; every 100,000 (issue 12), 5-9% fewer instructions again for diet analyze
        # and plan, 2% for kb show, with peak memory 1 MB higher (a year's diary too).
        # The server and the interactive demo keep Python's default.
        gc.set_threshold(ONE_OFF_GC_THRESHOLD, *gc.get_threshold()[1:])
    try:
        build_app(topics)()
    except SystemExit as done:
        code = done.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stdout = io.StringIO()  # nothing more to deliver: keep the exit quiet
    except OSError as error:
        sys.stdout = io.StringIO()
        sys.stderr.write(f"Error: the output could not be written ({error.strerror})\n")
        code = 1
    # The process ends here: what is left goes with it. Python's last garbage collection
    # would walk every object still alive (the knowledge base, the food index, the models)
    # only to find nothing to free: 40-130 ms of a cold command. Frozen objects are skipped;
    # files are closed and exit handlers run as before.
    gc.freeze()
    sys.exit(code)
