"""What every fuzz test shares: the documented contract, the corpus, the hypothesis profiles.

The contract (issue 10, ../shared/DESIGN.md): exit 0, 1 (bad input) or 2 (bad usage); never a
traceback, an escaping exception or a hang; exit 1 comes with a message on stderr; with
`--json`, stdout is strict JSON (no NaN or Infinity) and an error is
`{"error": {"code", "message"}}`. Nothing else is asserted: these tests do not judge answers.

Profiles: `fuzz-quick` (the default, deterministic and small, so `make test` stays fast) and
`fuzz` (many random examples), chosen with HYPOTHESIS_PROFILE=fuzz (`make fuzz`). The
settings are applied per test with `@FUZZ`, so other tests' hypothesis settings are untouched.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import typer.main
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, settings

from twitchcheck.cli import app

# Typer's CliRunner rebuilds the Click command from the app on every call (~35 ms); the fuzz
# tests make thousands of calls, so the command is built once and Click's runner is used.
COMMAND = typer.main.get_command(app)

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests/data/hostile"
NOT_CORPUS = {"README.md", "make_corpus.py", "strings.json"}
STRINGS: dict[str, list[str]] = json.loads((HOSTILE / "strings.json").read_text("ascii"))

# --- hypothesis profiles -------------------------------------------------------------------

_CHECKS = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "fuzz-quick",
    max_examples=12,
    deadline=None,  # time is the contract's own check (BOUND), measured per call
    derandomize=True,  # `make test` sees the same examples every run
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure costs seconds, not minutes
    suppress_health_check=_CHECKS,
    print_blob=True,
)
settings.register_profile(
    "fuzz",
    max_examples=400,
    deadline=None,
    suppress_health_check=_CHECKS,
    print_blob=True,
)
PROFILE = "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "fuzz-quick"
FUZZ = settings(settings.get_profile(PROFILE))
FULL = PROFILE == "fuzz"  # the long run also crosses every corpus file with every entry

# --- the contract ----------------------------------------------------------------------------

BOUND = 5.0  # seconds for one in-process call, however pathological its input
HARD_STOP = 30  # an in-process call still running after this is interrupted as a hang
PROCESS_BOUND = 15.0  # seconds for one subprocess call (start-up included, machine shared)
PROCESS_KILL = 20  # a subprocess still running after this is killed as a hang
PROCESS_MEMORY = 3 * 1024**3  # address-space cap for a subprocess: unbounded reads fail fast
TRACEBACK = "Traceback (most recent call last)"
EXIT_CODES = {0, 1, 2}
# What the CLI's last safety net prints for a bug (cli/_common.py): a bug, not a refusal.
INTERNAL = ("hit an internal error", "a system error stopped twitchcheck")


class Hang(BaseException):  # a BaseException, so CliRunner does not swallow it
    """Raised in a call that outlived HARD_STOP."""


@contextmanager
def _watchdog(seconds: int) -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Call:
    """One command run and what it did."""

    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    exception: BaseException | None = None
    json_mode: bool = False
    reader_gone: bool = False  # stdout's reader left early: a silent exit 1 is Click's way

    def describe(self) -> str:
        shown = " ".join(repr(a) if len(a) < 60 else repr(a[:57] + "...") for a in self.args)
        return f"twitchcheck {shown}"[:400]


def strict_json(text: str) -> Any:
    """`json.loads` that refuses NaN and Infinity, as a strict parser would."""

    def refuse(token: str) -> Any:
        raise ValueError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


def invoke(
    args: Sequence[str],
    *,
    input: str | bytes | None = None,
    env: dict[str, str] | None = None,
    json_mode: bool | None = None,
    bound: float = BOUND,
) -> Call:
    """Run `twitchcheck ARGS` in-process and check the contract; return the call."""
    args = [str(a) for a in args]
    runner = CliRunner()
    start = time.perf_counter()
    try:
        with _watchdog(HARD_STOP):
            result: Result = runner.invoke(COMMAND, args, input=input, env=env)
    except Hang as hang:
        raise AssertionError(f"HANG: {describe(args)}: {hang}") from None
    call = Call(
        args,
        result.exit_code,
        result.stdout,
        result.stderr,
        time.perf_counter() - start,
        result.exception,
        _asks_for_json(args) if json_mode is None else json_mode,
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        error = result.exception
        raise AssertionError(
            f"EXCEPTION {type(error).__name__}: {str(error)[:300]}\n  from {call.describe()}\n"
            f"  at {_where(error)}"
        )
    cause = _hidden_bug(result.exception)
    if cause is not None:
        raise AssertionError(
            f"INTERNAL ERROR (a {type(cause).__name__} caught by the CLI's safety net, reported "
            f"as exit {call.exit_code}): {str(cause)[:300]}\n  from {call.describe()}\n"
            f"  at {_where(cause)}"
        )
    check(call, bound)
    return call


def _hidden_bug(ended: BaseException | None) -> BaseException | None:
    """The exception behind an exit, when it is a bug rather than a refusal.

    A refusal is a TwitchcheckError (other than InternalError) or Click's own usage error or
    abort. Anything else that ended in an exit was caught by a catch-all: the contract wants
    bad input refused with a message naming the problem, so that is a bug to report.
    """
    from twitchcheck import errors

    internal = getattr(errors, "InternalError", ())  # the CLI helper's; absent before it lands
    error = ended
    while isinstance(error, (SystemExit, click.exceptions.Exit)):
        error = error.__context__
    if error is None or isinstance(error, (click.ClickException, click.Abort)):
        return None
    if isinstance(error, errors.TwitchcheckError) and not isinstance(error, internal):
        return None
    return error


def _where(error: BaseException) -> str:
    """The innermost twitchcheck frame and the innermost frame: who should fix it."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/twitchcheck/" in f.filename]
    shown = [*ours[-1:], *frames[-1:]] if ours and ours[-1] is not frames[-1] else frames[-1:]
    return " -> ".join(
        f"{f.filename.split('site-packages/')[-1]}:{f.lineno} ({f.name})" for f in shown
    )


def _asks_for_json(args: Sequence[str]) -> bool:
    """`--json` among the options (after `--` it is a positional word, not the flag)."""
    options = args[: list(args).index("--")] if "--" in args else args
    return "--json" in options


def describe(args: Sequence[str]) -> str:
    return Call(list(args), 0, "", "", 0.0).describe()


def check(call: Call, bound: float) -> None:
    """Assert the documented contract on one finished call."""
    what = call.describe()
    assert call.exit_code in EXIT_CODES, f"EXIT {call.exit_code}: {what}\n{call.stderr[-500:]}"
    for stream, text in (("stdout", call.stdout), ("stderr", call.stderr)):
        assert TRACEBACK not in text, f"TRACEBACK on {stream}: {_traceback_gist(text)}: {what}"
    assert call.seconds <= bound, f"SLOW {call.seconds:.1f} s (bound {bound} s): {what}"
    if call.exit_code == 1 and not call.reader_gone:
        assert call.stderr.strip(), f"EXIT 1 WITHOUT A MESSAGE on stderr: {what}"
    for marker in INTERNAL:
        assert marker not in call.stderr, (
            f"INTERNAL ERROR reported: {what}\n{call.stderr.strip()[-300:]}"
        )
    if call.json_mode:
        check_json(call)


def _traceback_gist(text: str) -> str:
    """The exception and the innermost twitchcheck frame of a printed traceback."""
    lines = text[text.index(TRACEBACK) :].splitlines()
    ours = [line.strip() for line in lines if "/twitchcheck/" in line and "File " in line]
    exception = next((line for line in reversed(lines) if line and not line[0].isspace()), "")
    where = ours[-1].split("src/")[-1] if ours else "?"
    return f"{exception[:200]} (at {where})"


def check_json(call: Call) -> None:
    what = call.describe()
    if call.exit_code == 2 and not call.stdout.strip():
        return  # a usage error is Click's: a message on stderr, nothing on stdout
    try:
        data = strict_json(call.stdout)
    except ValueError as error:
        raise AssertionError(
            f"INVALID JSON (exit {call.exit_code}, {error}): {what}\n"
            f"stdout: {call.stdout[:300]!r}\nstderr: {call.stderr[-300:]!r}"
        ) from None
    if call.exit_code != 0:
        assert isinstance(data, dict), f"JSON ERROR NOT AN OBJECT (exit {call.exit_code}): {what}"
        error = data.get("error")
        assert isinstance(error, dict), f"JSON WITHOUT 'error' (exit {call.exit_code}): {what}"
        assert isinstance(error.get("code"), str), f"JSON ERROR WITHOUT 'code': {what}"
        assert isinstance(error.get("message"), str), f"JSON ERROR WITHOUT 'message': {what}"
        assert error["message"].strip(), f"JSON ERROR WITH AN EMPTY MESSAGE: {what}"


# --- subprocesses, for what might read forever or grow without bound -------------------------


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (PROCESS_MEMORY, PROCESS_MEMORY))


def _close_stdin() -> None:  # pragma: no cover - runs in the child
    _limit_memory()
    os.close(0)


@dataclass
class Process:
    """A command to run as its own process (a hang can be killed, memory is capped)."""

    args: list[str | bytes]
    stdin: bytes | None = None
    close_stdin: bool = False
    json_mode: bool = False
    stdout: str | None = None  # "closed": the reader goes away after 64 bytes; or a path

    def run(self) -> Call:
        if self.stdout is not None:
            return self._run_with_odd_stdout(self.stdout)
        argv: list[str | bytes] = [sys.executable, "-m", "twitchcheck", *self.args]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "100"}
        shown = [a if isinstance(a, str) else a.decode("utf-8", "replace") for a in self.args]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                argv,
                input=self.stdin,
                stdin=None if self.stdin is not None or self.close_stdin else subprocess.DEVNULL,
                capture_output=True,
                timeout=PROCESS_KILL,
                env=env,
                cwd=REPO,
                preexec_fn=_close_stdin if self.close_stdin else _limit_memory,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise AssertionError(
                f"HANG: killed after {PROCESS_KILL} s: {describe(shown)}"
            ) from None
        return Call(
            shown,
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
            time.perf_counter() - start,
            json_mode=self.json_mode,
        )

    def _run_with_odd_stdout(self, where: str) -> Call:
        """Stdout to a reader that goes away early, or to a file such as /dev/full.

        What reaches stdout cannot be checked here; stderr and the exit code can.
        """
        argv: list[str | bytes] = [sys.executable, "-m", "twitchcheck", *self.args]
        shown = [a if isinstance(a, str) else a.decode("utf-8", "replace") for a in self.args]
        shown.append(f"(stdout: {where})")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "100"}
        start = time.perf_counter()
        with open(where if where != "closed" else os.devnull, "wb") as sink:
            child = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if where == "closed" else sink,
                stderr=subprocess.PIPE,
                env=env,
                cwd=REPO,
                preexec_fn=_limit_memory,
            )
            if child.stdout is not None:
                child.stdout.read(64)
                child.stdout.close()
            try:
                _, err = child.communicate(timeout=PROCESS_KILL)
            except subprocess.TimeoutExpired:
                child.kill()
                child.communicate()
                raise AssertionError(
                    f"HANG: killed after {PROCESS_KILL} s: {describe(shown)}"
                ) from None
        return Call(
            shown,
            child.returncode,
            "",
            err.decode("utf-8", "replace"),
            time.perf_counter() - start,
            reader_gone=where == "closed",
        )


def check_process(call: Call) -> None:
    if call.exit_code < 0:
        raise AssertionError(f"KILLED by signal {-call.exit_code}: {call.describe()}")
    if "MemoryError" in call.stderr:
        raise AssertionError(
            f"MEMORY: grew past {PROCESS_MEMORY >> 30} GB: {call.describe()}\n{call.stderr[-300:]}"
        )
    check(call, PROCESS_BOUND)


# --- the corpus --------------------------------------------------------------------------------


def corpus() -> list[Path]:
    """Every committed hostile file, sorted by name."""
    return sorted(p for p in HOSTILE.iterdir() if p.is_file() and p.name not in NOT_CORPUS)


def is_answers_like(path: Path) -> bool:
    """Files meant for `--answers` (JSON); the rest are meant for diaries."""
    return path.suffix == ".json" or path.name.startswith("answers_")


def is_generic(path: Path) -> bool:
    """Files hostile to every reader alike: empty, binary, wrong encodings."""
    return not path.name.startswith(("answers_", "diary_", "mfp_", "cronometer_", "ont_"))
