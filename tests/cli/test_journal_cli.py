"""End to end: `twitchcheck journal ...` on a SQLite store in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import place_store
from twitchcheck.cli import app
from twitchcheck.store import ProfileDetails, open_store
from twitchcheck.store.location import sqlite_url
from twitchcheck.store.profiles import add_profile, list_profiles

EXAMPLE = {
    "episodes": [{"start": "2026-11-21T02:30", "kind": "cramp", "where": ["left calf"],
                  "count": 1, "duration_min": 3, "severity": 6, "sleep_disruption": 5}],
    "days": [{"date": "2026-11-20",
              "factors": {"alcohol_drinks": 1, "caffeine_after_2pm": True, "caffeine_mg": 300,
                          "exercise": "intense", "fluids_l": 1.2, "sleep_hours": 6.5,
                          "stress": 7}},
             {"date": "2026-11-21", "quiet_night": True, "factors": {}}],
}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_store: Path) -> str:
    monkeypatch.delenv("TWITCHCHECK_DATABASE_URL", raising=False)
    monkeypatch.setenv("TWITCHCHECK_HOME", str(tmp_path / "home"))
    return sqlite_url(place_store(migrated_store, tmp_path / "store.sqlite"))


def run(runner: CliRunner, db: str, *args: str) -> Any:
    result = runner.invoke(app, ["journal", *args, "--db", db, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def refused(runner: CliRunner, db: str, *args: str) -> str:
    """The error code of a refused command, checked to follow the CLI's error contract."""
    result = runner.invoke(app, ["journal", *args, "--db", db, "--json"])
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    error = json.loads(result.stdout)["error"]
    assert error["message"] in result.stderr
    return str(error["code"])


def profiles(db: str) -> list[str]:
    store = open_store(db)
    try:
        return [p.name for p in list_profiles(store)]
    finally:
        store.close()


def test_one_tap_at_night_then_the_details_in_the_morning(runner: CliRunner, db: str) -> None:
    added = run(runner, db, "add")  # no option at all, in a store with nobody yet
    assert added["details_to_add"] is True
    assert profiles(db) == ["me"]
    edited = run(runner, db, "edit", str(added["id"]), "--kind", "cramp", "--where", "left calf",
                 "--severity", "6", "--sleep-disruption", "4")  # fmt: skip
    assert (edited["kind"], edited["where"], edited["severity"]) == ("cramp", ["left calf"], 6)
    assert edited["details_to_add"] is False
    assert run(runner, db, "list")["episodes"] == [edited]
    cleared = run(runner, db, "edit", str(added["id"]), "--clear", "severity")
    assert "severity" not in cleared
    assert run(runner, db, "delete", str(added["id"])) == {"deleted": added["id"]}
    assert run(runner, db, "list")["episodes"] == []


def test_a_backdated_episode_belongs_to_the_night_it_began(runner: CliRunner, db: str) -> None:
    added = run(runner, db, "add", "--at", "2026-11-21T02:30", "--kind", "restless_legs")
    assert (added["start"], added["night"]) == ("2026-11-21T02:30", "2026-11-20")
    daytime = run(runner, db, "add", "--at", "2026-11-21T15:00", "--kind", "twitch")
    assert daytime["night"] is None


@pytest.mark.parametrize(
    "args",
    [
        ("add", "--at", "2999-01-01T02:00"),  # the future
        ("add", "--at", "last night"),
        ("add", "--severity", "11"),
        ("add", "--kind", "spasm"),
        ("add", "--count", "0"),
        ("edit", "99", "--kind", "cramp"),
        ("day", "--stress", "70"),
        ("day", "--exercise", "extreme"),
        ("day", "--date", "2999-01-01", "--stress", "2"),
        ("day", "--factor", "mood"),
        ("checkin", "--night", "someday"),
    ],
)
def test_a_bad_entry_is_refused_plainly_and_nothing_is_saved(
    runner: CliRunner, db: str, args: tuple[str, ...]
) -> None:
    assert refused(runner, db, *args) in {"bad_journal", "not_found"}
    assert run(runner, db, "list") == {"nights": [], "episodes": [], "days": []}


def test_a_quiet_night_is_a_zero_and_an_unrecorded_one_is_missing(
    runner: CliRunner, db: str
) -> None:
    run(runner, db, "add", "--at", "2026-11-21T02:30")
    assert run(runner, db, "checkin", "--night", "2026-11-22") == {
        "night": "2026-11-22", "quiet_night": True
    }  # fmt: skip
    assert refused(runner, db, "checkin", "--night", "2026-11-20") == "bad_journal"
    nights = run(runner, db, "list")["nights"]
    assert nights == [
        {"night": "2026-11-20", "state": "episodes", "episodes": 1},
        {"night": "2026-11-21", "state": "missing", "episodes": None},
        {"night": "2026-11-22", "state": "quiet", "episodes": 0},
    ]


def test_the_days_factors_can_be_kept_from_the_day_before(runner: CliRunner, db: str) -> None:
    first = run(runner, db, "day", "--date", "2026-11-20", "--caffeine-mg", "300",
                "--no-caffeine-after-2pm", "--stress", "6", "--exercise", "light",
                "--took", "Magnesium citrate", "--factor", "nap=yes")  # fmt: skip
    assert first["factors"] == {"caffeine_mg": 300, "caffeine_after_2pm": False, "stress": 6,
                                "exercise": "light", "took_magnesium_citrate": True,
                                "nap": True}  # fmt: skip
    second = run(runner, db, "day", "--date", "2026-11-21", "--stress", "3", "--same",
                 "--clear", "nap")  # fmt: skip
    assert second["factors"]["stress"] == 3
    assert second["factors"]["caffeine_mg"] == 300
    assert "nap" not in second["factors"]
    assert second["carried"] == ["caffeine_after_2pm", "caffeine_mg", "exercise",
                                 "took_magnesium_citrate"]  # fmt: skip
    alone = run(runner, db, "day", "--date", "2026-11-22", "--stress", "1")
    assert alone["factors"] == {"stress": 1}  # nothing carried without --same
    assert run(runner, db, "day", "--date", "2026-11-21")["factors"] == second["factors"]
    assert run(runner, db, "day", "--date", "2026-11-01")["factors"] == {}


def test_import_and_export_round_trip_in_design_mds_format(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    source = tmp_path / "journal.json"
    source.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    assert run(runner, db, "import", str(source)) == {
        "episodes_added": 1, "episodes_already_stored": 0, "days_set": 2
    }  # fmt: skip
    assert run(runner, db, "import", str(source))["episodes_added"] == 0  # twice: nothing new
    assert run(runner, db, "export") == EXAMPLE
    saved = tmp_path / "out.json"
    assert run(runner, db, "export", str(saved)) == {"file": str(saved), "episodes": 1, "days": 2}
    assert json.loads(saved.read_text(encoding="utf-8")) == EXAMPLE


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "invalid_input"),
        (b"\x00\xff\xfe binary", "bad_file"),
        (b'{"episodes": [', "invalid_input"),
        (b"[" * 5000 + b"]" * 5000, "invalid_input"),
        (b'{"episodes": [{"start": "2026-11-21T02:30", "severity": 99}]}', "bad_journal"),
        (b'{"days": [{"date": "2026-11-20"}, {"date": "2026-11-20"}]}', "bad_journal"),
        (b'{"days": [{"date": "2026-11-20", "factors": {"caffeine_mg": 1e400}}]}',
         "invalid_input"),
        (b'{"days": [{"date": "2026-11-20", "factors": {"caffeine_mg": "300"}}]}',
         "bad_journal"),
    ],
)  # fmt: skip
def test_a_hostile_file_is_refused_whole(
    runner: CliRunner, db: str, tmp_path: Path, content: bytes, code: str
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"episodes": EXAMPLE["episodes"]}), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert refused(runner, db, "import", str(bad)) == code
    assert run(runner, db, "export") == {"episodes": [], "days": []}
    assert refused(runner, db, "import", str(tmp_path / "missing.json")) == "bad_file"


def test_several_people_need_a_profile_named(runner: CliRunner, db: str) -> None:
    store = open_store(db)
    try:
        for name in ("Ann", "Bob"):
            add_profile(store, ProfileDetails(name=name))
    finally:
        store.close()
    assert refused(runner, db, "add") == "invalid_input"
    assert run(runner, db, "add", "--profile", "Bob", "--at", "2026-11-21T02:30")["night"]
    assert refused(runner, db, "list", "--profile", "Cy") == "invalid_input"
    assert run(runner, db, "list", "--profile", "Ann")["episodes"] == []


def test_the_kinds_are_told_apart_in_plain_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["journal", "kinds", "--json"])
    kinds = {k["kind"]: k for k in json.loads(result.stdout)}
    assert set(kinds) == {"twitch", "cramp", "restless_legs"}
    assert all(k["plain"] and k["sources"] for k in kinds.values())


def test_the_tables_show_what_json_holds(runner: CliRunner, db: str) -> None:
    run(runner, db, "add", "--at", "2026-11-21T02:30", "--where", "[bold]calf")
    result = runner.invoke(app, ["journal", "list", "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "details" in result.stdout  # no kind yet
    assert "[bold]" in result.stdout  # user text shown as typed, never as markup
    assert "2026-11-20" in result.stdout


def simulated_journal(seed: int, nights: int = 90) -> dict[str, Any]:
    """A seeded journal: caffeine after 2 p.m. on about 40% of days and five times the
    episodes on those nights (Poisson), stress unrelated."""
    import datetime as dt

    import numpy as np

    rng = np.random.default_rng(seed)
    first = dt.date(2026, 8, 1)
    episodes: list[dict[str, Any]] = []
    days: list[dict[str, Any]] = []
    for i in range(nights):
        day = first + dt.timedelta(days=i)
        late = bool(rng.random() < 0.4)
        count = int(rng.poisson(1.5 if late else 0.3))
        factors = {"caffeine_after_2pm": late, "stress": int(rng.integers(0, 11))}
        days.append({"date": day.isoformat(), "quiet_night": count == 0, "factors": factors})
        morning = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(1))
        episodes += [
            {"start": (morning + dt.timedelta(minutes=20 * j)).isoformat(timespec="minutes"),
             "kind": "cramp"}
            for j in range(count)
        ]  # fmt: skip
    return {"episodes": episodes, "days": days}


def test_triggers_reads_the_stored_journal_in_design_mds_shape(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    empty = run(runner, db, "triggers")
    assert empty == {"days": 0, "findings": [], "not_enough_data": []}
    source = tmp_path / "journal.json"
    source.write_text(json.dumps(simulated_journal(seed=3)), encoding="utf-8")
    run(runner, db, "import", str(source))
    found = run(runner, db, "triggers")
    assert found["days"] == 90
    assert set(found["findings"][0]) == {"factor", "lag_days", "effect", "ci", "p", "q", "status"}
    associated = {
        (f["factor"], f["lag_days"]) for f in found["findings"] if f["status"] == "associated"
    }
    assert ("caffeine_after_2pm", 0) in associated
    assert not any(factor == "stress" for factor, _ in associated)
    table = runner.invoke(app, ["journal", "triggers", "--db", db])
    assert table.exit_code == 0, table.stderr
    assert "associated" in table.stdout
    assert "not a cause" in table.stdout


def test_weeks_count_episodes_per_recorded_night(runner: CliRunner, db: str) -> None:
    assert run(runner, db, "weeks") == []
    run(runner, db, "add", "--at", "2026-11-17T02:30", "--kind", "cramp", "--severity", "4")
    run(runner, db, "checkin", "--night", "2026-11-17")
    [week] = run(runner, db, "weeks")
    assert (week["week"], week["nights_recorded"], week["nights_missing"]) == ("2026-11-16", 2, 0)
    assert (week["episodes_per_night"], week["severity_mean"]) == (0.5, 4)
    table = runner.invoke(app, ["journal", "weeks", "--db", db])
    assert "2026-11-16" in table.stdout


def test_an_experiment_is_laid_out_then_judged_after_its_last_night(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    import datetime as dt

    assert refused(runner, db, "experiment", "status") == "invalid_input"  # none started
    assert refused(runner, db, "experiment", "start", "coffee", "--weeks", "6") == "invalid_input"
    assert (
        refused(runner, db, "experiment", "start", "more_fluids", "--weeks", "3") == "invalid_input"
    )
    started = run(runner, db, "experiment", "start", "no_caffeine_after_2pm", "--weeks", "6",
                  "--start", "2026-01-05")  # fmt: skip
    assert started["label"] == "No caffeine after 2 p.m."
    assert len(started["blocks"]) == 12
    # two cramps on every night without the change, none with it
    episodes, days = [], []
    for block in started["blocks"]:
        first = dt.date.fromisoformat(block["start"])
        for i in range(block["nights"]):
            night = first + dt.timedelta(days=i)
            if block["on"]:
                days.append({"date": night.isoformat(), "quiet_night": True})
            else:
                morning = dt.datetime.combine(night + dt.timedelta(days=1), dt.time(2))
                starts = (morning, morning + dt.timedelta(hours=1))
                episodes += [{"start": at.isoformat(), "kind": "cramp"} for at in starts]
    source = tmp_path / "journal.json"
    source.write_text(json.dumps({"episodes": episodes, "days": days}), encoding="utf-8")
    run(runner, db, "import", str(source))
    status = run(runner, db, "experiment", "status")
    assert (status["status"], status["weeks_used"]) == ("done", 6)
    assert (status["rate_on"], status["rate_off"], status["difference"]) == (0, 2, -2)
    assert status["p"] <= 0.05
    assert status["tonight"] is None  # the experiment is over
    table = runner.invoke(app, ["journal", "experiment", "status", "--db", db])
    assert "difference -2" in table.stdout
