"""`twitchcheck journal ...`: night episodes in one tap, quiet nights, daily factors, the
journal file in and out (../shared/DESIGN.md), and what the journal shows.

Each command opens the store (`--db`, else as `backup` finds it), picks the person
(`--profile NAME`; without it the only profile there is, or a new one named 'me' in an empty
store, so `journal add` at 3 a.m. needs no option), calls one store function and prints a
table, or JSON with `--json`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from twitchcheck.cli._common import JsonOption, console, emit_json, guarded
from twitchcheck.cli.store import DbOption

if TYPE_CHECKING:
    from twitchcheck.journal import Episode, FactorValue
    from twitchcheck.store import Store

journal_app = typer.Typer(
    help="Record twitch, cramp and restless-legs episodes and the day's factors.",
    no_args_is_help=True,
)
DEFAULT_PROFILE = "me"  # the person of a store that has none yet
SHOWN_NIGHTS = 14
LAG_WORDS = {0: "that day", 1: "the day before"}  # the factor's day, before the night
DETAIL_COLUMNS = ("count", "duration_min", "severity", "sleep_disruption")

ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help="The stored person (default: the only one, or 'me' in an empty store).",
    ),
]
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        help="twitch (a painless flicker), cramp (a hard, painful muscle) or restless_legs "
        "(an urge to move, eased by moving); see `journal kinds`.",
    ),
]
WhereOption = Annotated[
    list[str] | None,
    typer.Option("--where", help="Where it was felt ('left calf'); repeat for each place."),
]
CountOption = Annotated[
    int | None, typer.Option("--count", help="How many (a burst of twitches, 3 cramps).")
]
DurationOption = Annotated[
    float | None, typer.Option("--duration-min", help="How long it lasted, in minutes.")
]
SeverityOption = Annotated[
    int | None, typer.Option("--severity", help="How bad, 0 (not at all) to 10 (the worst).")
]
SleepOption = Annotated[
    int | None,
    typer.Option("--sleep-disruption", help="How much it broke your sleep, 0 to 10."),
]


@contextmanager
def _person(db: str | None, name: str | None) -> Iterator[tuple[Store, int]]:
    """The open store and the chosen person's id (closed after the block)."""
    from twitchcheck.cli.store import open_chosen_store

    store = open_chosen_store(db)
    try:
        yield store, _profile_id(store, name)
    finally:
        store.close()


def _profile_id(store: Store, name: str | None) -> int:
    from twitchcheck.errors import InputError
    from twitchcheck.store import ProfileDetails
    from twitchcheck.store.profiles import add_profile, find_profile, list_profiles

    if name is not None:
        found = find_profile(store, name)
        if found is None:
            names = ", ".join(repr(p.name) for p in list_profiles(store)) or "none yet"
            raise InputError(f"no stored profile is named {name!r}; profiles: {names}")
        return found.id
    everyone = list_profiles(store)
    if not everyone:
        return add_profile(store, ProfileDetails(name=DEFAULT_PROFILE)).id
    if len(everyone) > 1:
        names = ", ".join(repr(p.name) for p in everyone)
        raise InputError(f"this store holds several people ({names}); say whose with --profile")
    return everyone[0].id


def _now() -> dt.datetime:
    """The local clock, to the minute: the night an episode belongs to is read from it."""
    return dt.datetime.now().replace(second=0, microsecond=0)


def _shown(text: str) -> str:
    from twitchcheck.cli.diet import shown

    return shown(text)


def _details(
    kind: str | None,
    where: list[str] | None,
    count: int | None,
    duration_min: float | None,
    severity: int | None,
    sleep_disruption: int | None,
) -> dict[str, Any]:
    """The details given on the command line (the ones left out are not touched)."""
    given = {
        "kind": kind, "where": tuple(where) if where else None, "count": count,
        "duration_min": duration_min, "severity": severity, "sleep_disruption": sleep_disruption,
    }  # fmt: skip
    return {key: value for key, value in given.items() if value is not None}


def _episode_json(row_id: int, episode: Episode) -> dict[str, Any]:
    from twitchcheck.journal.files import episode_dict

    night = episode.night
    return {
        "id": row_id,
        **episode_dict(episode),
        "night": night.isoformat() if night else None,
        "details_to_add": episode.needs_details,
    }


def _print_episode(done: str, row_id: int, episode: Episode) -> None:
    night = f"night of {episode.night}" if episode.night else "daytime, in no night"
    what = episode.kind.replace("_", " ") if episode.kind else "details to add"
    console().print(f"{done} episode {row_id} at {episode.start:%Y-%m-%d %H:%M} ({night}): {what}")
    if episode.needs_details:
        console().print(
            f"[dim]Add the details in the morning: twitchcheck journal edit {row_id} "
            "--kind cramp --where 'left calf' --severity 6[/dim]"
        )


@journal_app.command("add")
@guarded
def add_command(
    at: Annotated[
        str | None,
        typer.Option("--at", help="When, if not now: '02:30' (the last 02:30) or a full date."),
    ] = None,
    kind: KindOption = None,
    where: WhereOption = None,
    count: CountOption = None,
    duration_min: DurationOption = None,
    severity: SeverityOption = None,
    sleep_disruption: SleepOption = None,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Record an episode now (every detail may wait for the morning: `journal edit`)."""
    import dataclasses

    from twitchcheck.journal import Episode
    from twitchcheck.journal.moments import parse_moment
    from twitchcheck.store.journal import add_episode, episode_of

    now = _now()
    start = parse_moment(at, now) if at is not None else now
    details = _details(kind, where, count, duration_min, severity, sleep_disruption)
    episode = dataclasses.replace(Episode(start), **details)
    with _person(db, profile) as (store, person):
        row = add_episode(store, person, episode)
    _done("Recorded", row.id, episode_of(row), json_output)


def _done(done: str, row_id: int, episode: Episode, json_output: bool) -> None:
    if json_output:
        emit_json(_episode_json(row_id, episode))
    else:
        _print_episode(done, row_id, episode)


@journal_app.command("edit")
@guarded
def edit_command(
    episode_id: Annotated[
        int, typer.Argument(metavar="ID", help="The episode's id (journal list).")
    ],
    at: Annotated[
        str | None, typer.Option("--at", help="A corrected time: '02:30' or a full date.")
    ] = None,
    kind: KindOption = None,
    where: WhereOption = None,
    count: CountOption = None,
    duration_min: DurationOption = None,
    severity: SeverityOption = None,
    sleep_disruption: SleepOption = None,
    clear: Annotated[
        list[str] | None,
        typer.Option("--clear", help="A detail to empty (kind, where, count, severity...)."),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Fill in or correct an episode's details; what is not given stays as it was."""
    from twitchcheck.journal.moments import parse_moment
    from twitchcheck.store.journal import edit_episode, episode_of

    changes: dict[str, Any] = dict.fromkeys(clear or ())
    changes.update(_details(kind, where, count, duration_min, severity, sleep_disruption))
    if at is not None:
        changes["start"] = parse_moment(at, _now())
    with _person(db, profile) as (store, person):
        row = edit_episode(store, person, episode_id, changes)
    _done("Updated", row.id, episode_of(row), json_output)


@journal_app.command("delete")
@guarded
def delete_command(
    episode_id: Annotated[
        int, typer.Argument(metavar="ID", help="The episode's id (journal list).")
    ],
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Remove an episode recorded by mistake."""
    from twitchcheck.store.journal import delete_episode

    with _person(db, profile) as (store, person):
        delete_episode(store, person, episode_id)
    if json_output:
        emit_json({"deleted": episode_id})
    else:
        console().print(f"Deleted episode {episode_id}.")


@journal_app.command("checkin")
@guarded
def checkin_command(
    night: Annotated[
        str | None,
        typer.Option(
            "--night",
            help="The night, by the date it began (default: last night, which began yesterday).",
        ),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Record a quiet night: no twitch, cramp or restless legs (a night not checked in is
    missing, not zero)."""
    from twitchcheck.journal.moments import parse_day
    from twitchcheck.store.journal import check_in_quiet

    today = _now().date()
    # Whatever the hour, the last night that has begun and can be told about began yesterday.
    date = _past_day(parse_day(night, today)) if night is not None else today - dt.timedelta(days=1)
    with _person(db, profile) as (store, person):
        check_in_quiet(store, person, date)
    if json_output:
        emit_json({"night": date.isoformat(), "quiet_night": True})
    else:
        console().print(f"Checked in the night of {date} as quiet.")


def _past_day(day: dt.date) -> dt.date:
    from twitchcheck.journal import JournalError

    if day > _now().date():
        raise JournalError(f"{day} has not come yet; record a day once it has begun")
    return day


def _factor_value(text: str) -> FactorValue:
    """A `--factor NAME=VALUE` value: yes/no, a number, or a level's name."""
    word = text.strip().casefold()
    if word in ("yes", "true", "y"):
        return True
    if word in ("no", "false", "n"):
        return False
    try:
        return float(word)
    except ValueError:
        return word


def _typed_factors(given: dict[str, Any], took: list[str], more: list[str]) -> dict[str, Any]:
    from twitchcheck.journal import JournalError, taken_factor

    factors = {name: value for name, value in given.items() if value is not None}
    for name in took:
        factors[taken_factor(name)] = True
    for pair in more:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise JournalError(
                f"--factor {pair[:40]!r}: write NAME=VALUE, e.g. steps_k=8 or nap=yes"
            )
        factors[name.strip()] = _factor_value(value)
    return factors


@journal_app.command("day")
@guarded
def day_command(
    date: Annotated[
        str, typer.Option("--date", help="The day: 2026-11-20, today or yesterday.")
    ] = "today",
    caffeine_mg: Annotated[
        float | None, typer.Option("--caffeine-mg", help="Caffeine that day, in mg.")
    ] = None,
    caffeine_after_2pm: Annotated[
        bool | None,
        typer.Option(
            "--caffeine-after-2pm/--no-caffeine-after-2pm", help="Any caffeine after 2 p.m."
        ),
    ] = None,
    alcohol_drinks: Annotated[
        float | None, typer.Option("--alcohol-drinks", help="Alcoholic drinks that day.")
    ] = None,
    sleep_hours: Annotated[
        float | None, typer.Option("--sleep-hours", help="Hours slept the night before.")
    ] = None,
    stress: Annotated[float | None, typer.Option("--stress", help="Stress, 0 to 10.")] = None,
    exercise: Annotated[
        str | None, typer.Option("--exercise", help="none, light, moderate or intense.")
    ] = None,
    fluids_l: Annotated[
        float | None, typer.Option("--fluids-l", help="Fluids drunk, in litres.")
    ] = None,
    took: Annotated[
        list[str] | None,
        typer.Option("--took", help="A medicine or supplement taken that day; repeat for each."),
    ] = None,
    factor: Annotated[
        list[str] | None,
        typer.Option("--factor", help="Another factor as NAME=VALUE (steps_k=8, nap=yes)."),
    ] = None,
    clear: Annotated[
        list[str] | None, typer.Option("--clear", help="A factor to remove from that day.")
    ] = None,
    same: Annotated[
        bool,
        typer.Option("--same", help="Keep the last recorded day's values for what is not given."),
    ] = False,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Set the day's factors (caffeine, alcohol, sleep, stress, exercise, fluids, what you took)."""
    from twitchcheck.journal.moments import parse_day
    from twitchcheck.store.journal import day_of, factor_defaults, get_day, set_factors

    day = _past_day(parse_day(date, _now().date()))
    given = {
        "caffeine_mg": caffeine_mg, "caffeine_after_2pm": caffeine_after_2pm,
        "alcohol_drinks": alcohol_drinks, "sleep_hours": sleep_hours, "stress": stress,
        "exercise": exercise, "fluids_l": fluids_l,
    }  # fmt: skip
    factors: dict[str, Any] = _typed_factors(given, took or [], factor or [])
    with _person(db, profile) as (store, person):
        carried = factor_defaults(store, person, day) if same else {}
        if not factors and not carried and not clear:  # nothing to set: show the day
            known = get_day(store, person, day)
            _show_day(day, dict(known.factors) if known else {}, set(), json_output)
            return
        carried = {k: v for k, v in carried.items() if k not in factors and k not in (clear or ())}
        changes = {**carried, **factors, **dict.fromkeys(clear or ())}
        recorded = day_of(set_factors(store, person, day, changes))
    _show_day(day, dict(recorded.factors), set(carried), json_output)


def _show_day(day: dt.date, factors: dict[str, Any], carried: set[str], json_output: bool) -> None:
    if json_output:
        emit_json({"date": day.isoformat(), "factors": factors, "carried": sorted(carried)})
    else:
        _print_day(day, factors, carried)


def _print_day(day: dt.date, factors: dict[str, Any], carried: set[str]) -> None:
    from rich.table import Table

    table = Table(title=f"Factors of {day}")
    table.add_column("factor")
    table.add_column("value", justify="right")
    for name, value in sorted(factors.items()):
        table.add_row(name, _value(value) + (" (as before)" if name in carried else ""))
    console().print(table if factors else f"No factors recorded for {day}.")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return _shown(str(value))


@journal_app.command("list")
@guarded
def list_command(
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """The nights (episodes, quiet or missing), the episodes with their ids, and the days."""
    from twitchcheck.store.journal import diary_caffeine, episode_of, episode_rows, load_journal

    with _person(db, profile) as (store, person):
        rows = [(row.id, episode_of(row)) for row in episode_rows(store, person)]
        journal = load_journal(store, person)
        caffeine = diary_caffeine(store, person)
    listing = _listing(journal, rows, caffeine)
    if json_output:
        emit_json(listing)
    else:
        _print_listing(listing)


def _listing(journal: Any, rows: list[tuple[int, Episode]], caffeine: Any) -> dict[str, Any]:
    from twitchcheck.journal import nights
    from twitchcheck.journal.caffeine import day_factors
    from twitchcheck.journal.files import day_dict

    typed = {day.date: day for day in journal.days}
    days: list[dict[str, Any]] = []
    for date, factors in day_factors(journal, caffeine).items():
        entry: dict[str, Any] = (
            day_dict(typed[date]) if date in typed else {"date": date.isoformat()}
        )
        diary = {
            k: v for k, v in factors.items() if date not in typed or k not in typed[date].factors
        }
        entry["from_diary"] = diary
        days.append(entry)
    return {
        "nights": [
            {"night": n.date.isoformat(), "state": n.state, "episodes": n.count}
            for n in nights(journal)
        ],
        "episodes": [_episode_json(row_id, episode) for row_id, episode in rows],
        "days": days,
    }


def _print_listing(listing: dict[str, Any]) -> None:
    from rich.table import Table

    out = console()
    shown_nights = listing["nights"][-SHOWN_NIGHTS:]
    table = Table(title="Nights (18:00 to 12:00, named by the date they began)")
    for column in ("night", "episodes"):
        table.add_column(column)
    words = {"missing": "[dim]missing (no entry)[/dim]", "quiet": "quiet (0)"}
    for night in shown_nights:
        table.add_row(night["night"], words.get(night["state"], str(night["episodes"])))
    out.print(table if shown_nights else "No nights recorded yet: `twitchcheck journal add`.")
    if len(listing["nights"]) > len(shown_nights):
        out.print(
            f"[dim](last {SHOWN_NIGHTS} of {len(listing['nights'])} nights; all in --json)[/dim]"
        )
    episodes = Table(title="Episodes")
    for column in ("id", "start", "kind", "where", "count", "min", "severity", "sleep"):
        episodes.add_column(column)
    for e in listing["episodes"][-50:]:
        episodes.add_row(
            str(e["id"]), e["start"].replace("T", " "),
            e.get("kind", "[yellow]details to add[/yellow]").replace("_", " "),
            _shown(", ".join(e.get("where", []))),
            *(_value(e.get(k, "")) for k in DETAIL_COLUMNS),
        )  # fmt: skip
    if listing["episodes"]:
        out.print(episodes)


@journal_app.command("weeks")
@guarded
def weeks_command(
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Week by week: nights recorded and missing, episodes per recorded night, severity."""
    from twitchcheck.journal.trends import weekly
    from twitchcheck.store.journal import load_journal

    with _person(db, profile) as (store, person):
        weeks = [week.to_dict() for week in weekly(load_journal(store, person))]
    if json_output:
        emit_json(weeks)
        return
    from rich.table import Table

    table = Table(title="Weeks (Monday to Sunday, by the night's date)")
    for column in ("week", "nights recorded", "missing", "episodes", "per night", "severity"):
        table.add_column(column, justify="right")
    for w in weeks:
        rate, severity = w["episodes_per_night"], w["severity_mean"]
        table.add_row(
            str(w["week"]), str(w["nights_recorded"]), str(w["nights_missing"]), str(w["episodes"]),
            "—" if rate is None else f"{rate:.2g}", "—" if severity is None else f"{severity:.1f}",
        )  # fmt: skip
    console().print(table if weeks else "No nights recorded yet: `twitchcheck journal add`.")


@journal_app.command("kinds")
@guarded
def kinds_command(json_output: JsonOption = False) -> None:
    """Twitch, cramp and restless legs told apart in plain words, with their sources."""
    from twitchcheck.journal import rules

    found = rules()
    kinds = [
        {"kind": k.id, "label": k.label, "plain": k.plain,
         "sources": [found.sources[s] for s in k.sources]}
        for k in found.kinds.values()
    ]  # fmt: skip
    if json_output:
        emit_json(kinds)
        return
    for kind in kinds:
        console().print(f"[bold]{kind['label']}[/bold] ({kind['kind']}): {kind['plain']}")
        for source in kind["sources"]:
            console().print(f"[dim]  {_shown(source)}[/dim]")


@journal_app.command("triggers")
@guarded
def triggers_command(
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Which factors go with more or fewer episodes, with their uncertainty (associations,
    never causes; nothing is said without enough nights on each side)."""
    from twitchcheck.journal.triggers import analyse
    from twitchcheck.store.journal import journal_history

    with _person(db, profile) as (store, person):
        history = journal_history(store, person)
    report = analyse(history)
    if json_output:
        emit_json(report.to_json())
    else:
        _print_triggers(report)


def _print_triggers(report: Any) -> None:
    from rich.table import Table

    from twitchcheck.journal import rules

    out = console()
    labels = {name: f.label for name, f in rules().factors.items()}
    out.print(f"[bold]Triggers[/bold]: {report.days} recorded night(s)")
    if report.findings:
        table = Table(title="Factors and that night's episodes (rate ratio, 95% interval)")
        for column in ("factor", "when", "ratio", "interval", "q", "finding"):
            table.add_column(column)
        for f in report.findings:
            found = (
                "[bold]associated[/bold]" if f.status == "associated" else "no clear association"
            )
            table.add_row(
                _shown(labels.get(f.factor, f.factor)), LAG_WORDS.get(f.lag_days, str(f.lag_days)),
                f"{f.effect:.2g}",
                f"{f.ci[0]:.2g} to {f.ci[1]:.2g}", f"{f.q:.2g}", found,
            )  # fmt: skip
        out.print(table)
        for f in report.associated:
            out.print(f"• {_shown(f.sentence(labels.get(f.factor)))}")
    for short in report.not_enough_data:
        name = labels.get(short.factor, short.factor)
        out.print(f"[yellow]Not enough data yet[/yellow] for {_shown(name)}: {_shown(short.why)}")
    out.print(
        "[dim]An association is not a cause: a factor may go with episodes because of "
        "something else that goes with both. Method and limits: docs/triggers.md.[/dim]"
    )


FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="The journal file (JSON).")]


@journal_app.command("import")
@guarded
def import_command(
    file: FileArgument,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Add a journal file's episodes and days, all or nothing (a second import adds nothing)."""
    from twitchcheck.cli._common import load_json, read_input_file
    from twitchcheck.journal import parse_journal
    from twitchcheck.store.journal import import_journal

    journal = parse_journal(load_json(read_input_file(file, "journal file"), "the journal file"))
    with _person(db, profile) as (store, person):
        counts = import_journal(store, person, journal)
    found = {
        "episodes_added": counts.episodes_added,
        "episodes_already_stored": counts.episodes_skipped,
        "days_set": counts.days_set,
    }
    if json_output:
        emit_json(found)
    else:
        console().print(
            f"Imported {counts.episodes_added} episode(s) ({counts.episodes_skipped} already "
            f"stored) and {counts.days_set} day(s)."
        )


@journal_app.command("export")
@guarded
def export_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]", help="Where to save it (default: print it).", show_default=False
        ),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """The whole journal in the file format `journal import` reads."""
    import json

    from twitchcheck.cli._common import check_writable, write_atomically
    from twitchcheck.store.journal import export_journal

    if file is not None:
        check_writable(file, "journal")
    with _person(db, profile) as (store, person):
        exported = export_journal(store, person)
    if file is None:
        emit_json(exported)
        return
    write_atomically(file, json.dumps(exported, indent=2, ensure_ascii=False) + "\n", "journal")
    counts = {
        "file": str(file),
        "episodes": len(exported["episodes"]),
        "days": len(exported["days"]),
    }
    if json_output:
        emit_json(counts)
    else:
        saved = f"{counts['episodes']} episode(s) and {counts['days']} day(s)"
        console().print(f"Saved {saved} to {_shown(str(file))}.")


experiment_app = typer.Typer(
    help="Test one change on yourself: randomised half-weeks with and without it.",
    no_args_is_help=True,
)


@experiment_app.command("start")
@guarded
def experiment_start_command(
    change: Annotated[
        str,
        typer.Argument(
            metavar="CHANGE",
            help="no_caffeine_after_2pm, stretching_before_bed or more_fluids.",
        ),
    ],
    weeks: Annotated[int, typer.Option("--weeks", help="How many weeks (6 to 26).")],
    start: Annotated[
        str, typer.Option("--start", help="The first night: a date, today or yesterday.")
    ] = "today",
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Lay out a randomised schedule: each week, half with the change and half without."""
    import secrets

    from twitchcheck.journal.experiment import CHANGES, propose
    from twitchcheck.journal.moments import parse_day
    from twitchcheck.store.journal import start_experiment

    first = parse_day(start, _now().date())
    # The coin is the shell's to toss: a seed nobody chose, kept with the schedule.
    schedule = propose(change.strip(), weeks, first, secrets.randbelow(2**31))
    with _person(db, profile) as (store, person):
        start_experiment(store, person, schedule.change, first, weeks, schedule.to_json())
    chosen = CHANGES[schedule.change]
    if json_output:
        emit_json({**schedule.to_json(), "label": chosen.label, "do": chosen.do})
        return
    _print_schedule(schedule, chosen)


def _print_schedule(schedule: Any, chosen: Any) -> None:
    from rich.table import Table

    out = console()
    out.print(f"[bold]{chosen.label}[/bold], {schedule.weeks} weeks from {schedule.start}")
    out.print(f"On a night marked [bold]with[/bold]: {chosen.do}")
    table = Table(title="Schedule (the nights, by the date they begin)")
    for column in ("from", "to", "nights", "the change"):
        table.add_column(column)
    for block in schedule.blocks:
        table.add_row(str(block.start), str(block.last), str(block.nights),
                      "[bold]with[/bold]" if block.on else "without")  # fmt: skip
    out.print(table)
    out.print(
        f"[dim]Record every night (an episode or a check-in) and {chosen.factor} each day; "
        "the result comes after the last night: `twitchcheck journal experiment status`.[/dim]"
    )


@experiment_app.command("status")
@guarded
def experiment_status_command(
    profile: ProfileOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """How the experiment stands, and its result once the last night is over."""
    from twitchcheck.errors import InputError
    from twitchcheck.journal.experiment import CHANGES, Schedule, evaluate
    from twitchcheck.store.journal import journal_history, latest_experiment

    with _person(db, profile) as (store, person):
        row = latest_experiment(store, person)
        if row is None:
            raise InputError(
                "no experiment is started; start one with `twitchcheck journal experiment "
                "start no_caffeine_after_2pm --weeks 8`"
            )
        history = journal_history(store, person)
    schedule = Schedule.from_json(row.schedule)
    result = evaluate(schedule, history)
    now = _now()
    # Before noon the night in progress began yesterday; from noon on, tonight begins today.
    tonight = schedule.on(now.date() - dt.timedelta(days=now.hour < 12))
    found = {
        **result.to_json(),
        "label": CHANGES[schedule.change].label,
        "start": schedule.start.isoformat(),
        "last_night": schedule.last.isoformat(),
        "tonight": None if tonight is None else ("with" if tonight else "without"),
    }
    if json_output:
        emit_json(found)
    else:
        _print_status(found)


def _print_status(found: dict[str, Any]) -> None:
    out = console()
    out.print(f"[bold]{found['label']}[/bold]: {found['start']} to {found['last_night']}")
    if found["tonight"] is not None:
        out.print(f"Tonight: {found['tonight']} the change.")
    if found["status"] != "done":
        words = "running" if found["status"] == "running" else "too short to tell"
        out.print(f"{words.capitalize()}: {_shown(found['why'])}")
        return
    lo, hi = found["ci"]
    out.print(
        f"Episodes per night: {found['rate_on']:.2g} with the change, {found['rate_off']:.2g} "
        f"without ({found['nights_on']} and {found['nights_off']} nights over "
        f"{found['weeks_used']} weeks); difference {found['difference']:+.2g} (95% interval "
        f"{lo:+.2g} to {hi:+.2g}, p = {found['p']:.2g})."
    )
    out.print(
        "[dim]One person's experiment: it says what went with the change in these weeks, "
        "not why. Method: docs/triggers.md.[/dim]"
    )


journal_app.add_typer(experiment_app, name="experiment")


def register(app: typer.Typer) -> None:
    """Add the journal commands to `app`."""
    app.add_typer(journal_app, name="journal")
