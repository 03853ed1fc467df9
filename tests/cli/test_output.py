"""Output that cannot be written is an error; a reader that stops early is not."""

from __future__ import annotations

import errno
import io
import sys

import pytest

from twitchcheck.cli import main


class Full(io.StringIO):
    """A stdout on a full disk: writes are buffered, the flush fails."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def flush(self) -> None:
        raise self.error


def run_main(monkeypatch: pytest.MonkeyPatch, stdout: io.StringIO, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["twitchcheck", *args])
    monkeypatch.setattr(sys, "stdout", stdout)
    with pytest.raises(SystemExit) as done:
        main()
    return int(done.value.code or 0)


def test_a_full_disk_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = Full(OSError(errno.ENOSPC, "No space left on device"))
    assert run_main(monkeypatch, full, "kb", "sources", "--json") == 1
    assert "could not be written (No space left on device)" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = Full(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert run_main(monkeypatch, closed, "kb", "sources", "--json") == 0
    assert capsys.readouterr().err == ""
