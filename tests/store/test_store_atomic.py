"""Never half-saved: an import that fails, is interrupted or is killed saves nothing."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from twitchcheck.store import EntryInput, Store, StoreInputError, diaries, open_store
from twitchcheck.store.models import DiaryDayRow, DiaryEntryRow

DAY = dt.date(2026, 11, 1)


def count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def lines(n: int, fail_at: int | None = None, bad: str | None = None) -> Iterator[EntryInput]:
    for i in range(n):
        if i == fail_at:
            if bad is None:
                raise RuntimeError("the reader broke half-way")
            yield EntryInput(DAY, bad)
        yield EntryInput(DAY + dt.timedelta(days=i % 30), f"line {i}", grams=i % 500)


def test_an_import_that_raises_half_way_saves_nothing(store: Store, person: int) -> None:
    diaries.add_entry(store, person, EntryInput(DAY, "already there"))
    with pytest.raises(RuntimeError, match="half-way"):
        diaries.import_diary(store, person, lines(3000, fail_at=2500))
    assert count(store, DiaryEntryRow) == 1
    assert count(store, DiaryDayRow) == 1


def test_an_import_with_a_bad_line_saves_nothing(store: Store, person: int) -> None:
    with pytest.raises(StoreInputError, match="NUL"):
        diaries.import_diary(store, person, lines(1500, fail_at=1200, bad="tea\x00"))
    assert count(store, DiaryEntryRow) == 0


CHILD = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from twitchcheck.store import EntryInput, ProfileDetails, open_store
    from twitchcheck.store import diaries, profiles

    url, total, wait = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = open_store(url)
    person = profiles.add_profile(store, ProfileDetails(name="Ann")).id
    def lines():
        for i in range(total):
            if i == total // 2 and wait == "halfway":
                print("halfway", flush=True)
            yield EntryInput(dt.date(2026, 1, 1) + dt.timedelta(days=i % 90), f"line {i}")
    diaries.import_diary(store, person, lines())
    print("done", flush=True)
    time.sleep(60)
    """
)


def killed_child(url: str, total: int, wait: str) -> None:
    """Run CHILD, wait for it to say `wait`, then SIGKILL it."""
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, url, str(total), wait], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == wait
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            assert child.returncode == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()


@pytest.mark.slow
@pytest.mark.parametrize(("wait", "expected"), [("halfway", 0), ("done", 20_000)])
def test_a_process_killed_during_an_import_leaves_all_or_nothing(
    url: str, wait: str, expected: int
) -> None:
    killed_child(url, 20_000, wait)
    store = open_store(url)
    try:
        assert count(store, DiaryEntryRow) == expected
        if store.is_sqlite:
            with store.engine.connect() as connection:
                assert connection.scalar(text("PRAGMA integrity_check")) == "ok"
        # the store still takes writes: no lock was left behind
        with store.read() as session:
            from twitchcheck.store.models import ProfileRow

            ann = session.scalar(select(ProfileRow.id))
        assert ann is not None
        assert diaries.import_diary(store, ann, [EntryInput(DAY, "after")]) == 1
    finally:
        store.close()
