"""The journal in the store, on SQLite and PostgreSQL: one-tap episodes edited in the
morning, quiet nights that stay honest, factors remembered from the day before, an
all-or-nothing import, and everything gone with its profile."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from twitchcheck.journal import Day, Episode, Journal, JournalError, nights, parse_journal
from twitchcheck.store import NotFoundError, ProfileDetails, Store, StoreInputError
from twitchcheck.store import journal as jstore
from twitchcheck.store.models import Base
from twitchcheck.store.profiles import add_profile, delete_profile

NIGHT = dt.date(2026, 11, 20)
AT_3AM = dt.datetime(2026, 11, 21, 3, 0)


def test_an_episode_recorded_in_one_tap_gets_its_details_in_the_morning(
    store: Store, person: int
) -> None:
    row = jstore.add_episode(store, person, Episode(AT_3AM))
    assert jstore.episode_of(jstore.get_episode(store, person, row.id)).needs_details
    jstore.edit_episode(
        store, person, row.id, {"kind": "cramp", "where": ["left calf"], "severity": 6}
    )
    episode = jstore.episode_of(jstore.get_episode(store, person, row.id))
    assert (episode.start, episode.kind, episode.where, episode.severity) == (
        AT_3AM, "cramp", ("left calf",), 6
    )  # fmt: skip
    jstore.edit_episode(store, person, row.id, {"severity": None})
    assert jstore.episode_of(jstore.get_episode(store, person, row.id)).severity is None


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"severity": 12}, JournalError, "severity is 12"),
        ({"kind": "spasm"}, JournalError, "twitch, cramp, restless_legs"),
        ({"colour": "red"}, JournalError, "no detail 'colour'"),
        ({"start": None}, JournalError, "keeps its start"),
        ({"where": ["calf\ud800"]}, StoreInputError, "broken character"),
    ],
)
def test_a_bad_edit_changes_nothing(
    store: Store, person: int, changes: dict[str, object], error: type[Exception], message: str
) -> None:
    row = jstore.add_episode(store, person, Episode(AT_3AM, "twitch", severity=2))
    with pytest.raises(error, match=message):
        jstore.edit_episode(store, person, row.id, changes)
    assert jstore.episode_of(jstore.get_episode(store, person, row.id)) == Episode(
        AT_3AM, "twitch", severity=2
    )


def test_nobody_reaches_another_persons_episode(store: Store, person: int) -> None:
    row = jstore.add_episode(store, person, Episode(AT_3AM))
    bob = add_profile(store, ProfileDetails(name="Bob")).id
    for call in (
        lambda: jstore.get_episode(store, bob, row.id),
        lambda: jstore.edit_episode(store, bob, row.id, {"kind": "cramp"}),
        lambda: jstore.delete_episode(store, bob, row.id),
    ):
        with pytest.raises(NotFoundError, match="no episode"):
            call()
    with pytest.raises(NotFoundError, match="no profile"):
        jstore.add_episode(store, 999, Episode(AT_3AM))


def test_a_quiet_night_is_refused_while_it_has_an_episode_and_cleared_by_a_new_one(
    store: Store, person: int
) -> None:
    jstore.check_in_quiet(store, person, NIGHT)
    [night] = nights(jstore.load_journal(store, person))
    assert (night.state, night.count) == ("quiet", 0)
    jstore.add_episode(store, person, Episode(AT_3AM, "cramp"))  # woke later that night
    [night] = nights(jstore.load_journal(store, person))
    assert (night.state, night.count) == ("episodes", 1)
    with pytest.raises(JournalError, match="already has 1 episode"):
        jstore.check_in_quiet(store, person, NIGHT)
    jstore.check_in_quiet(store, person, NIGHT + dt.timedelta(days=2))
    states = [n.state for n in nights(jstore.load_journal(store, person))]
    assert states == ["episodes", "missing", "quiet"]  # the night between is missing, not zero


def test_a_days_factors_are_merged_and_remembered_as_the_next_days_defaults(
    store: Store, person: int
) -> None:
    jstore.set_factors(store, person, NIGHT, {"caffeine_mg": 300, "stress": 6})
    jstore.set_factors(store, person, NIGHT, {"stress": 7, "exercise": "light"})
    assert jstore.factor_defaults(store, person, NIGHT + dt.timedelta(days=1)) == {
        "caffeine_mg": 300, "stress": 7, "exercise": "light"
    }  # fmt: skip
    assert jstore.get_day(store, person, NIGHT + dt.timedelta(days=1)) is None
    jstore.set_factors(store, person, NIGHT, {"exercise": None})  # removed
    assert "exercise" not in jstore.day_of(jstore.day_rows(store, person)[0]).factors
    assert jstore.factor_defaults(store, person, NIGHT) == {}  # nothing before it
    far = NIGHT + dt.timedelta(days=jstore.DEFAULT_DAYS + 1)
    assert jstore.factor_defaults(store, person, far) == {}  # too long ago to assume
    with pytest.raises(JournalError, match="from 0 to 10"):
        jstore.set_factors(store, person, NIGHT, {"caffeine_mg": 100, "stress": 70})
    assert jstore.day_of(jstore.day_rows(store, person)[0]).factors["caffeine_mg"] == 300


def test_import_is_all_or_nothing_and_a_second_import_adds_nothing(
    store: Store, person: int
) -> None:
    journal = Journal(
        (Episode(AT_3AM, "cramp", ("left calf",), 1, 3, 6, 5), Episode(AT_3AM.replace(hour=4))),
        (Day(NIGHT, {"caffeine_mg": 300, "caffeine_after_2pm": True}),
         Day(NIGHT + dt.timedelta(days=1), quiet_night=True)),
    )  # fmt: skip
    counts = jstore.import_journal(store, person, journal)
    assert counts == jstore.ImportCounts(2, 0, 2)
    assert jstore.load_journal(store, person) == journal
    assert jstore.import_journal(store, person, journal) == jstore.ImportCounts(0, 2, 2)
    assert jstore.load_journal(store, person) == journal
    # an episode in the stored quiet night of the 21st: refused whole, nothing saved
    clash = Journal(
        (Episode(dt.datetime(2026, 11, 22, 1, 0)), Episode(dt.datetime(2026, 11, 25, 1, 0))),
        (Day(dt.date(2026, 11, 24), {"stress": 2}),),
    )
    with pytest.raises(JournalError, match="night of 2026-11-21 is checked in as quiet"):
        jstore.import_journal(store, person, clash)
    assert jstore.load_journal(store, person) == journal


def test_export_is_the_design_md_file_and_reads_back(store: Store, person: int) -> None:
    jstore.add_episode(store, person, Episode(AT_3AM, "restless_legs", duration_min=40))
    jstore.set_factors(store, person, NIGHT, {"took_iron": True, "sleep_hours": 6.5})
    exported = jstore.export_journal(store, person)
    assert exported == {
        "episodes": [{"start": "2026-11-21T03:00", "kind": "restless_legs", "duration_min": 40}],
        "days": [{"date": "2026-11-20", "factors": {"sleep_hours": 6.5, "took_iron": True}}],
    }
    assert parse_journal(exported) == jstore.load_journal(store, person)
    assert json.dumps(exported["episodes"][0]["duration_min"]) == "40"  # as typed, not 40.0


def test_an_experiment_is_saved_with_its_schedule(store: Store, person: int) -> None:
    assert jstore.latest_experiment(store, person) is None
    jstore.start_experiment(store, person, "no caffeine after 2 pm", NIGHT, 6, {"blocks": [1, 0]})
    row = jstore.latest_experiment(store, person)
    assert row is not None
    assert (row.change, row.weeks, row.schedule) == (
        "no caffeine after 2 pm",
        6,
        {"blocks": [1, 0]},
    )
    with pytest.raises(StoreInputError, match="weeks"):
        jstore.start_experiment(store, person, "stretching", NIGHT, 0, {})


def test_every_journal_table_is_owned_directly_and_goes_with_its_profile(
    store: Store, person: int
) -> None:
    tables = [t for t in Base.metadata.tables if t.startswith("journal_")]
    assert tables == ["journal_episodes", "journal_days", "journal_experiments"]
    assert all("profile_id" in Base.metadata.tables[t].c for t in tables)
    jstore.add_episode(store, person, Episode(AT_3AM))
    jstore.set_factors(store, person, NIGHT, {"stress": 3})
    jstore.start_experiment(store, person, "more fluids", NIGHT, 4, {})
    delete_profile(store, person)
    with store.read() as session:
        left = {t: session.scalar(text(f"SELECT count(*) FROM {t}")) for t in tables}
    assert left == dict.fromkeys(tables, 0)


def test_the_stored_diarys_caffeine_comes_with_the_time_of_day(store: Store, person: int) -> None:
    from twitchcheck.store.diaries import EntryInput, add_entry

    assert jstore.diary_caffeine(store, person) == {}
    add_entry(store, person, EntryInput(NIGHT, "1 cup coffee", time=dt.time(8, 0)))
    add_entry(store, person, EntryInput(NIGHT, "1 cup coffee", time=dt.time(16, 0)))
    add_entry(store, person, EntryInput(NIGHT + dt.timedelta(days=1), "1 cup coffee"))
    found = jstore.diary_caffeine(store, person)
    assert found[NIGHT].caffeine_mg == pytest.approx(192, abs=1)
    assert found[NIGHT].after_2pm is True
    assert found[NIGHT + dt.timedelta(days=1)].after_2pm is None  # no time, no meal


def test_the_history_joins_the_journal_and_the_diarys_caffeine(store: Store, person: int) -> None:
    from twitchcheck.store.diaries import EntryInput, add_entry

    jstore.add_episode(store, person, Episode(AT_3AM, "cramp"))
    jstore.check_in_quiet(store, person, NIGHT + dt.timedelta(days=2))
    add_entry(store, person, EntryInput(NIGHT, "1 cup coffee", time=dt.time(17, 0)))
    history = jstore.journal_history(store, person)
    assert history.episodes == (1, None, 0)
    assert history.factors["caffeine_after_2pm"] == (1.0, None, None)
