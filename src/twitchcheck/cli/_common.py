"""What every command shares: JSON output, error reporting, input files, the console.

The error contract, the same for every command:
- a core error (`TwitchcheckError`: bad input, broken data) is one line "Error: ..." on
  stderr and exit 1; with `--json` the same error is also printed on stdout as
  `{"error": {"code": ..., "message": ...}}` so scripts can parse it;
- bad usage (an unknown flag, a missing option) is Click's business: exit 2, nothing on
  stdout;
- Ctrl-C ends with "Interrupted" on stderr and exit 130 (the shell's code for SIGINT);
- anything unexpected is reported as an internal error (exit 1), never as a traceback.
JSON output is strict (no NaN or Infinity), and input files are read in bounded chunks.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import click
import typer

from twitchcheck.errors import InputFileError, InternalError, TwitchcheckError

if TYPE_CHECKING:
    from rich.console import Console

P = ParamSpec("P")
R = TypeVar("R")

# Options several commands take, declared once.
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AgeOption = Annotated[
    str,
    typer.Option(
        "--age", help="Age in years ('30', '2.5') or, for infants, months ('8m', '8 months')."
    ),
]
SexOption = Annotated[str, typer.Option("--sex", help="female or male.")]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Pregnancy values (14-50 y).")]
LactatingOption = Annotated[bool, typer.Option("--lactating", help="Lactation values (14-50 y).")]
INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C
_MESSAGE_CHARS = 2000  # no error message repeats more than this (each quote is shortened too)


def console(stderr: bool = False) -> Console:
    """A Rich console on stdout, or stderr (imported lazily: Rich costs start-up time)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, stderr=stderr)


def emit_json(value: Any) -> None:
    """Print `value` as indented, strict JSON on stdout (NaN or Infinity is a bug: it raises)."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def fail(error: TwitchcheckError, as_json: bool) -> NoReturn:
    """Report a core error the documented way and exit 1."""
    message = str(error)
    if len(message) > _MESSAGE_CHARS:
        message = message[: _MESSAGE_CHARS - 1] + "…"
    if as_json:
        emit_json({"error": {"code": error.code, "message": message}})
    sys.stderr.write(f"Error: {message}\n")
    raise typer.Exit(1)


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn everything `command` raises into the CLI's error contract (see the module doc).

    The command's `json_output` parameter (if any) decides the JSON shape. Click's own
    exits, usage errors and a closed pipe pass through to Click, which handles them.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        as_json = bool(kwargs.get("json_output", False))
        try:
            return command(*args, **kwargs)
        except TwitchcheckError as error:
            fail(error, as_json)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            sys.stderr.write("Interrupted; nothing was saved.\n")
            raise typer.Exit(INTERRUPTED) from None
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # stdout closed early (`| head`): Click exits quietly
            fail(InternalError(f"a system error stopped twitchcheck: {error}"), as_json)
        except RecursionError:
            fail(InternalError("the input is nested too deeply to be read"), as_json)
        except MemoryError:
            fail(InternalError("the input is too large to hold in memory"), as_json)
        except Exception as error:  # the last safety net: a bug, reported plainly
            fail(
                InternalError(
                    f"twitchcheck hit an internal error ({type(error).__name__}); nothing was "
                    "saved. Please report it with the command you ran."
                ),
                as_json,
            )

    return wrapper


# --- input files ------------------------------------------------------------------------------

_CHUNK = 1 << 16


def read_input_file(path: Path, what: str) -> str:
    """The text of `path` (UTF-8, a BOM allowed), read in bounded chunks.

    Refuses, with an InputFileError naming `what` ("answers file") and the problem: a missing
    file, a folder, no permission, more than input.file_bytes (a 10 GB file or /dev/zero stop at
    the limit), and bytes that are not UTF-8 text.
    """
    from twitchcheck.limits import limit

    most = int(limit("input.file_bytes"))
    name = _shown(path)
    chunks: list[bytes] = []
    size = 0
    try:
        with path.open("rb") as handle:
            if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
                raise InputFileError(f"{what} {name} is a folder; give the file inside it")
            while size <= most:
                chunk = handle.read(min(_CHUNK, most + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise InputFileError(f"{what} {name} does not exist") from None
    except IsADirectoryError:
        raise InputFileError(f"{what} {name} is a folder; give the file inside it") from None
    except PermissionError:
        raise InputFileError(f"{what} {name} cannot be opened: permission denied") from None
    except OSError as error:
        raise InputFileError(f"{what} {name} cannot be read: {error.strerror or error}") from None
    if size > most:
        raise InputFileError(
            f"{what} {name} is larger than {most:,} bytes, far more than a real one; "
            "give the right file"
        )
    data = b"".join(chunks)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(
            f"{what} {name} is not UTF-8 text (byte {error.start:,} cannot be read); "
            "save it as UTF-8 JSON"
        ) from None


# Strings are skipped whole (escapes and all); of the rest only the brackets that nest count.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SMALL = 100_000  # brackets counted in Python below this; above, with numpy in one pass


def json_depth(text: str, most: int) -> int:
    """How deeply `text` nests (or more than `most`), found without recursion, in time linear
    in the text whatever its shape."""
    outside = _JSON_STRING.sub("", text).encode("utf-8", "replace")
    brackets = outside.translate(None, _NOT_BRACKETS)
    if len(brackets) < _SMALL:
        depth = deepest = 0
        for char in brackets:
            depth += 1 if char in b"[{" else -1
            if depth > deepest:
                deepest = depth
                if deepest > most:
                    break
        return deepest
    import numpy as np

    steps = np.frombuffer(brackets, dtype=np.uint8)
    return int(np.cumsum(np.where((steps == 91) | (steps == 123), 1, -1)).max())


def load_json(text: str, what: str) -> Any:
    """Strict JSON from `text`: nesting bounded (input.json_depth), no NaN or Infinity, no
    number too long to be real; InputError naming `what` and the problem."""
    from twitchcheck.errors import InputError
    from twitchcheck.limits import limit

    most = int(limit("input.json_depth"))
    if json_depth(text, most) > most:
        raise InputError(
            f"{what} nests more than {most} levels deep; an answers file nests four at most"
        )

    def constant(name: str) -> Any:
        raise InputError(f"{what} holds {name}, which JSON does not allow; write a number")

    def number(literal: str) -> float:
        if len(literal.lstrip("-")) > 30:
            raise InputError(
                f"{what} holds a number {len(literal):,} digits long; write it in plain digits"
            )
        value = float(literal)
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{what} holds the number {literal[:30]}, too large to be real")
        return value

    def integer(literal: str) -> int:
        number(literal)
        return int(literal)

    try:
        return json.loads(text, parse_constant=constant, parse_float=number, parse_int=integer)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{what} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:  # the depth check makes this unreachable; kept as a guard
        raise InputError(f"{what} nests too deeply to be read") from None


# --- output files -----------------------------------------------------------------------------


def write_atomically(path: Path, text: str | bytes, what: str) -> None:
    """Write `text` (UTF-8) or bytes to `path` so that it is either the whole new file or left
    as it was, private to the user (mode 0600: what twitchcheck saves holds health details).

    A temporary file in the same folder is written, flushed and fsync'ed, then renamed over
    `path` (os.replace is atomic on one file system). On any failure the temporary file is
    removed, an existing file is untouched, and the error names `what` and the problem.
    """
    name = check_writable(path, what)
    folder = path.parent
    data = text.encode("utf-8") if isinstance(text, str) else text
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        reason = "no space left on the disk" if error.errno == errno.ENOSPC else error.strerror
        raise InputFileError(
            f"cannot save the {what} to {name}: {reason or error}; nothing was changed"
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def check_writable(path: Path, what: str) -> str:
    """Refuse a path `what` cannot be saved to (a folder, a folder that does not exist) before
    any work is done; returns the path as messages quote it."""
    name = _shown(path)
    if path.is_dir():
        raise InputFileError(f"cannot save the {what} to {name}: it is a folder; give a file name")
    if not path.parent.is_dir():
        raise InputFileError(
            f"cannot save the {what} to {name}: the folder {_shown(path.parent)} does not exist"
        )
    return name


def _shown(path: Path) -> str:
    from twitchcheck.text import shorten

    return repr(shorten(str(path)))
