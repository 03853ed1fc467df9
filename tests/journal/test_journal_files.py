"""The journal file of ../shared/DESIGN.md: DESIGN.md's own example reads, every journal
round-trips, and any JSON at all is either a journal or one JournalError naming the entry."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchcheck.journal import Day, Episode, Journal, JournalError, journal_dict, parse_journal
from twitchcheck.journal.definitions import rules

DESIGN_EXAMPLE = {
    "episodes": [{"start": "2026-11-21T02:30", "kind": "cramp", "where": ["left calf"],
                  "count": 1, "duration_min": 3, "severity": 6, "sleep_disruption": 5}],
    "days": [{"date": "2026-11-20",
              "factors": {"caffeine_mg": 300, "caffeine_after_2pm": True, "alcohol_drinks": 1,
                          "sleep_hours": 6.5, "stress": 7, "exercise": "intense",
                          "fluids_l": 1.2}}],
}  # fmt: skip


def test_design_md_example_reads_and_writes_back_as_given() -> None:
    journal = parse_journal(DESIGN_EXAMPLE)
    [episode] = journal.episodes
    assert (episode.night, episode.kind, episode.severity) == (dt.date(2026, 11, 20), "cramp", 6)
    assert journal.days[0].factors["exercise"] == "intense"
    written = journal_dict(journal)
    assert written["episodes"] == DESIGN_EXAMPLE["episodes"]
    assert written["days"][0]["factors"] == DESIGN_EXAMPLE["days"][0]["factors"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "a journal file is a JSON object"),
        ("text", "a journal file is a JSON object"),
        (None, "not null"),
        ({"episode": []}, "unknown key 'episode'; its keys are: episodes, days"),
        ({"episodes": {}}, '"episodes" must be a list'),
        ({"episodes": [3]}, r"episodes\[0\] must be a JSON object"),
        ({"episodes": [{}]}, r'episodes\[0\]: an episode needs its "start"'),
        ({"episodes": [{"start": "last night"}]}, r"episodes\[0\] \(last night\): start is"),
        ({"episodes": [{"start": "2026-11-21T02:30+01:00"}]}, "without a zone"),
        ({"episodes": [{"start": 20261121}]}, "give a local time"),
        ({"episodes": [{"start": "2026-11-21T02:30", "severty": 3}]}, "unknown key 'severty'"),
        ({"episodes": [{"start": "2026-11-21T02:30", "severity": "6"}]}, "severity is '6'"),
        ({"episodes": [{"start": "2026-11-21T02:30", "where": "calf"}]}, '"where" must be a list'),
        ({"episodes": [{"start": "2026-11-21T02:30", "kind": "Cramp"}]}, "give one of: twitch"),
        ({"days": [{"factors": {}}]}, r'days\[0\]: a day needs its "date"'),
        ({"days": [{"date": "20/11/2026"}]}, "give a date like 2026-11-20"),
        ({"days": [{"date": "2026-11-20", "factors": []}]}, '"factors" must be an object'),
        ({"days": [{"date": "2026-11-20", "quiet_night": "yes"}]}, "give true or false"),
        ({"days": [{"date": "2026-11-20", "factors": {"stress": 70}}]},
         r"days\[0\] \(2026-11-20\): stress is 70; give a number from 0 to 10"),
        ({"days": [{"date": "2026-11-20", "factors": {"exercise": 3}}]}, "none, light"),
        ({"days": [{"date": "2026-11-20", "factors": {"mood": "fine"}}]}, "mood is 'fine'"),
        ({"days": [{"date": "2026-11-20"}, {"date": "2026-11-20"}]}, "given twice"),
        ({"days": [{"date": "9999-01-01"}]}, "from 1900 to 2200"),
        ({"episodes": [{"start": "2026-11-21T02:30"}],
          "days": [{"date": "2026-11-20", "quiet_night": True}]}, "checked in as quiet"),
    ],
)  # fmt: skip
def test_a_bad_file_names_the_entry_and_what_is_accepted(data: Any, message: str) -> None:
    with pytest.raises(JournalError, match=message):
        parse_journal(data)


def test_a_huge_file_is_refused_before_its_entries_are_read() -> None:
    most = rules().episodes_max
    with pytest.raises(JournalError, match=f"at most {most:,}"):
        parse_journal({"episodes": [{}] * (most + 1)})


def test_a_deeply_nested_value_is_refused_plainly() -> None:
    nested: Any = 1
    for _ in range(50):
        nested = {"a": nested}
    with pytest.raises(JournalError, match="give a number"):
        parse_journal({"days": [{"date": "2026-11-20", "factors": {"x": nested}}]})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(["episodes", "days", "start", "date", "kind", "factors", "severity",
                        "where", "count", "quiet_night", "stress", "exercise"])  # fmt: skip
near_journals = st.recursive(
    json_values,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(near_journals)
def test_any_json_is_a_journal_or_one_plain_error(data: Any) -> None:
    try:
        journal = parse_journal(data)
    except JournalError as error:
        message = error.message
    else:
        assert parse_journal(journal_dict(journal)) == journal
        return
    assert 0 < len(message) < 600


starts = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)).map(
    lambda t: t.replace(second=0, microsecond=0)
)
episodes = st.builds(
    Episode,
    start=starts,
    kind=st.sampled_from([None, "twitch", "cramp", "restless_legs"]),
    where=st.lists(st.sampled_from(["left calf", "right foot", "eyelid"]), max_size=3).map(tuple),
    count=st.none() | st.integers(1, 500),
    duration_min=st.none() | st.integers(0, 1440) | st.floats(0, 1440),
    severity=st.none() | st.integers(0, 10),
    sleep_disruption=st.none() | st.integers(0, 10),
)
factors = st.fixed_dictionaries(
    {},
    optional={
        "caffeine_mg": st.integers(0, 5000) | st.floats(0, 5000),
        "caffeine_after_2pm": st.booleans(),
        "exercise": st.sampled_from(["none", "light", "moderate", "intense"]),
        "stress": st.integers(0, 10),
        "took_magnesium": st.booleans(),
        "steps_k": st.floats(-1e9, 1e9),
    },
)
days = st.builds(Day, date=st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), factors=factors)


@settings(max_examples=200, deadline=None)
@given(st.lists(episodes, max_size=8), st.lists(days, max_size=8, unique_by=lambda d: d.date))
def test_every_journal_round_trips_through_its_json_text(
    some_episodes: list[Episode], some_days: list[Day]
) -> None:
    journal = Journal(tuple(some_episodes), tuple(some_days))
    text = json.dumps(journal_dict(journal), allow_nan=False)
    assert parse_journal(json.loads(text)) == journal


file_contents = (
    st.binary(max_size=300)
    | near_journals.map(lambda d: json.dumps(d).encode())
    | st.text(max_size=200).map(str.encode)
)


@settings(max_examples=200, deadline=None)
@given(file_contents)
def test_any_file_the_command_line_reads_is_a_journal_or_one_plain_error(content: bytes) -> None:
    """The CLI's path (bounded read, strict JSON, the journal reader) on any bytes at all."""
    import tempfile
    from pathlib import Path

    from twitchcheck.cli._common import load_json, read_input_file
    from twitchcheck.errors import InputError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.json"
        path.write_bytes(content)
        message = ""
        try:
            parse_journal(load_json(read_input_file(path, "journal file"), "the journal file"))
        except InputError as error:
            message = str(error)
            assert message  # a refusal always says why
    assert len(message) < 2000
