"""What a diary becomes: entries, problems, and the collector every format feeds."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from twitchcheck.diary._bounds import cap, clipped
from twitchcheck.diary._leftovers import Leftovers
from twitchcheck.diary._own import OwnFoods
from twitchcheck.diary._plausible import day_verdicts, line_problem, line_warnings
from twitchcheck.errors import DiaryError, InputError, PortionError, UnknownFoodError
from twitchcheck.foods import phrases
from twitchcheck.foods.database import SOURCES
from twitchcheck.foods.phrases import Item, SupplementLineError, resolve_line
from twitchcheck.knowledge.supplements import Supplement
from twitchcheck.nutrient_keys import NUTRIENT_KEYS

ProblemKind = Literal["unmatched", "uncertain", "needs_detail", "invalid", "unusual", "supplement"]
ProgressCallback = Callable[[int, int], None]

FORMATS: tuple[str, ...] = ("text", "csv", "cronometer", "myfitnesspal", "opennutritracker")
PROGRESS_EVERY = 2000  # lines between progress calls: often enough for a bar, cheap enough
TEXT_CHARS = 200  # what is kept of a problem line's text (the message says what was wrong)


@dataclass(frozen=True, slots=True)
class DiaryEntry:
    """One eaten item on one day, with its nutrients (None where unknown, never 0 by default).

    `item` is the food matched in the USDA database; it is None when an export
    already carried the nutrients (`source` then names the export).
    """

    day: datetime.date
    meal: str | None
    line: int
    text: str
    item: Item | None
    nutrients: dict[str, float | None]
    source: str
    grams: float | None
    time: str | None = None  # "HH:MM" when the line gave one ("08:00 latte")
    how: str = "matched"  # how the phrase became this item (phrases' `how`), or "export"

    def where(self) -> dict[str, object]:
        """Where on the diary it was written: its day, time, meal, line and text."""
        return _where(self)

    def to_dict(self) -> dict[str, object]:
        return {
            **_where(self),
            "food": None
            if self.item is None
            else {"id": self.item.food.id, "name": self.item.food.name},
            "uncertain": self.item is not None and self.item.uncertain,
            "how": self.how,
            "source": self.source,
            "grams": None if self.grams is None else round(self.grams, 1),
            "nutrients": {k: None if v is None else round(v, 3) for k, v in self.nutrients.items()},
        }


@dataclass(frozen=True, slots=True)
class DiarySupplement:
    """A supplement written on a diary's line ("vit d3 1000iu"), with what it adds that day."""

    day: datetime.date
    line: int
    text: str
    supplement: Supplement
    meal: str | None = None
    time: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            **_where(self),
            "supplement": self.supplement.id,
            "nutrients": dict(self.supplement.nutrients),
        }


def _where(entry: DiaryEntry | DiarySupplement) -> dict[str, object]:
    """Where on the diary an entry was written: its day, time, meal, line and text."""
    return {
        "day": entry.day.isoformat(),
        "time": entry.time,
        "meal": entry.meal,
        "line": entry.line,
        "text": entry.text,
    }


class _When(NamedTuple):
    """When a line says it was eaten: its meal and its time, either may be missing."""

    meal: str | None
    time: str | None


@dataclass(frozen=True, slots=True)
class DiaryProblem:
    """A line that was not used as written: unmatched, matched with doubt, invalid, unusual.

    An `uncertain` line is still an entry; the problem says what it was matched
    to and which foods were close. An `unusual` line (over 2.5 kg or 3,000 kcal) or day
    (over 5,000 kcal or under 500) is kept too and flagged. `unmatched` and `invalid`
    lines, and the lines of an impossible day, are left out of the entries.
    """

    line: int
    text: str
    message: str
    kind: ProblemKind
    suggestions: tuple[str, ...] = ()
    # When the line said it was eaten, kept so that a line not counted still tells when.
    meal: str | None = None
    time: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "text": self.text,
            "kind": self.kind,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "meal": self.meal,
            "time": self.time,
        }


@dataclass(frozen=True, slots=True)
class Diary:
    """A whole diary: its format, entries in file order, problems, and the days with entries."""

    format: str
    entries: tuple[DiaryEntry, ...]
    problems: tuple[DiaryProblem, ...]
    days: tuple[datetime.date, ...]
    region: str | None = None
    supplements: tuple[DiarySupplement, ...] = ()  # supplements written among the foods

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "region": self.region,
            "days": [d.isoformat() for d in self.days],
            "entries": [e.to_dict() for e in self.entries],
            "problems": [p.to_dict() for p in self.problems],
            "supplements": [s.to_dict() for s in self.supplements],
        }


def empty_nutrients() -> dict[str, float | None]:
    """Every nutrient key, all unknown."""
    return dict.fromkeys(NUTRIENT_KEYS)


# resolve() is pure for a given phrase and region, and diaries repeat their phrases
# ("1 cup coffee" every morning), so each distinct phrase is resolved once.
Outcome = tuple[Item, ...] | InputError
_CACHE: dict[tuple[str, str | None], Outcome] = {}
_CACHE_SIZE = 50_000


def phrase_key(phrase: str) -> str:
    """Phrases that differ only in case and spacing are the same phrase."""
    return " ".join(phrase.lower().split())


# The regions whose measures phrases know ("uk", "us"); any other region (ie, au...) reads
# pints and fluid ounces as USDA does.
_MEASURE_REGIONS: tuple[str, ...] = phrases.REGIONS


def resolve_cached(phrase: str, region: str | None = None) -> Outcome:
    """The items of one line (one, or the foods of a split line), or the InputError it
    raised, remembered per phrase and region."""
    place = region if region in _MEASURE_REGIONS else None
    key = (phrase_key(phrase), place)
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        try:
            hit = resolve_line(phrase, region=place).items
        except InputError as error:
            hit = error
        _CACHE[key] = hit
    return hit


def how_of(item: Item) -> str:
    """The item's `how` ("matched", "dish", "split", "approximation", "needs_detail")."""
    return item.how


@dataclass
class Collector:
    """Gathers entries and problems as a reader walks the file, and reports progress.

    It also holds the diary to its limits: each line and each day must be possible
    (`_plausible`), and the food search is bounded (diary.distinct_foods different lines,
    diary.unmatched_lines that match nothing) so no file can keep it busy for long.
    """

    format: str
    total: int
    on_progress: ProgressCallback | None = None
    region: str | None = None  # the region whose measures phrases use ("uk", "us")
    diary_region: str | None = None  # the region as given ("ie"), kept on the diary
    own: OwnFoods | None = None  # the person's own foods and corrections, tried first
    entries: list[DiaryEntry] = field(default_factory=list)
    problems: list[DiaryProblem] = field(default_factory=list)
    supplements: list[DiarySupplement] = field(default_factory=list)
    _last_tick: int = 0
    _phrases: set[str] = field(default_factory=set)
    _unmatched: dict[str, int] = field(default_factory=dict)  # phrase -> first line
    _leftovers: Leftovers = field(default_factory=Leftovers)  # a leftover is a dish named before

    def phrase(
        self,
        day: datetime.date,
        meal: str | None,
        line: int,
        text: str,
        phrase: str = "",
        time: str | None = None,
    ) -> None:
        """Resolve `phrase` (default: `text`) to foods and grams, or note why it could not be."""
        phrase = phrase or text
        self._count(phrase, line)
        phrase, of_line = self._leftovers.read(line, phrase)
        outcome = self._own(phrase)
        if outcome is None:
            outcome = resolve_cached(phrase, self.region)
        if of_line is not None and not isinstance(outcome, InputError):
            outcome = tuple(_leftover(item, of_line, phrase) for item in outcome)
        when = _When(meal, time)
        if isinstance(outcome, SupplementLineError):
            kept = clipped(text, TEXT_CHARS)
            self.supplements.append(
                DiarySupplement(day, line, kept, outcome.supplement, meal, time)
            )
            self.problems.append(
                DiaryProblem(line, kept, str(outcome), "supplement", (), meal, time)
            )
            return
        if isinstance(outcome, InputError):
            problem = _problem_for(line, clipped(text, TEXT_CHARS), outcome)
            self.problems.append(replace(problem, meal=meal, time=time))
            if isinstance(outcome, UnknownFoodError):
                self._unmatched.setdefault(phrase_key(phrase), line)
                self._check_unmatched()
            return
        detail = [item for item in outcome if how_of(item) == "needs_detail"]
        if detail or not outcome:
            note = detail[0].note if detail else ""
            message = (
                note or "this line names no food that can be looked up"
            ) + "; write what was eaten (e.g. '1 bowl of vegetable soup'); it is not counted"
            self.problem(line, text, message, "needs_detail", when=when)
            return
        for item in outcome:
            wrong = line_problem(item.nutrients, item.grams.grams, export=False)
            if wrong is not None:
                self.problem(line, text, f"{wrong}; the line is left out", when=when)
                return
        for item in outcome:
            self.entries.append(
                DiaryEntry(
                    day, meal, line, text, item, dict(item.nutrients),
                    SOURCES[item.food.source], item.grams.grams, time, how_of(item),
                )
            )  # fmt: skip
            if item.uncertain:
                self.problems.append(replace(_uncertain(line, text, item), meal=meal, time=time))
        for part in outcome[0].left_out if outcome else ():
            message = (
                f"{part!r} matched no food and is not counted; the rest of the line is; write"
                " it on a line of its own, simpler, or with its id in brackets"
            )
            self.problems.append(DiaryProblem(line, text, message, "uncertain", (), meal, time))
        for item in outcome:
            for warning in item.warnings:
                self.problem(line, text, f"{warning}; it is counted", "unusual", when=when)

    def given(
        self,
        day: datetime.date,
        meal: str | None,
        line: int,
        text: str,
        nutrients: Mapping[str, float | None],
        source: str,
        grams: float | None,
        time: str | None = None,
    ) -> None:
        """Keep an entry whose nutrients came with the export, if the line can be true."""
        wrong = line_problem(nutrients, grams, export=True)
        if wrong is not None:
            self.problem(line, text, f"{wrong}; it is left out")
            return
        full = empty_nutrients()
        full.update(nutrients)
        self.entries.append(
            DiaryEntry(day, meal, line, text, None, full, source, grams, time, "export")
        )
        for warning in line_warnings(nutrients, grams):
            self.problem(line, text, f"{warning}; it is counted", "unusual")

    def _own(self, phrase: str) -> Outcome | None:
        """The person's own food or correction for this line, when one applies."""
        if self.own is None:
            return None
        corrected = self.own.corrected(phrase)
        if corrected is not None:
            return resolve_cached(corrected, self.region)
        found = self.own.recipe(phrase)
        if found is None:
            return None
        lines, times = found
        items: list[Item] = []
        for part in lines:
            outcome = resolve_cached(part, self.region)
            if isinstance(outcome, InputError):
                return outcome  # an own food with a line that no longer reads: say so
            items.extend(_own_part(item, times, phrase) for item in outcome)
        return tuple(items)

    def problem(
        self,
        line: int,
        text: str,
        message: str,
        kind: ProblemKind = "invalid",
        suggestions: tuple[str, ...] = (),
        when: _When | None = None,
    ) -> None:
        meal, time = when or (None, None)
        self.problems.append(
            DiaryProblem(line, clipped(text, TEXT_CHARS), message, kind, suggestions, meal, time)
        )

    def tick(self, done: int) -> None:
        """Tell the caller how far we are, every `PROGRESS_EVERY` lines."""
        if self.on_progress is not None and done - self._last_tick >= PROGRESS_EVERY:
            self._last_tick = done
            self.on_progress(done, self.total)

    def finish(self) -> Diary:
        """The diary, once every day has been checked as a whole and the dates' span."""
        if self.on_progress is not None:
            self.on_progress(self.total, self.total)
        self._check_days()
        self._check_span()
        self.problems.sort(key=lambda p: p.line)  # day problems join their lines' order
        days = tuple(sorted({entry.day for entry in self.entries}))
        return Diary(
            self.format, tuple(self.entries), tuple(self.problems), days, self.region,
            tuple(self.supplements),
        )  # fmt: skip

    def _count(self, phrase: str, line: int) -> None:
        """Refuse a diary with more different food lines than diary.distinct_foods."""
        self._phrases.add(phrase_key(phrase))
        most = cap("diary.distinct_foods")
        if len(self._phrases) > most:
            raise DiaryError(
                f"the diary has more than {most:,} different food lines (the last at line "
                f"{line:,}); each is searched in the food database, so a file this varied is "
                "refused: analyse a shorter period, or check that it is one person's diary"
            )

    def _check_unmatched(self) -> None:
        """Refuse a file whose different lines mostly match no food, past diary.unmatched_lines
        of them (a diary with many unknown foods among known ones is read on)."""
        most = cap("diary.unmatched_lines")
        if len(self._unmatched) > most and 2 * len(self._unmatched) > len(self._phrases):
            first = ", ".join(str(n) for n in list(self._unmatched.values())[:5])
            raise DiaryError(
                f"more than {most} different lines match no food (lines {first}, ...); this "
                f"does not look like a food diary read as {self.format}: check the file, or "
                "name its layout with --format"
            )

    def _check_days(self) -> None:
        by_day: dict[datetime.date, list[DiaryEntry]] = defaultdict(list)
        for entry in self.entries:
            by_day[entry.day].append(entry)
        dropped: set[datetime.date] = set()
        for day, items in by_day.items():
            lines = [e.line for e in items]
            for verdict in day_verdicts(day, lines, [e.nutrients for e in items]):
                kind: ProblemKind = "unusual" if verdict.kept else "invalid"
                self.problem(min(lines), day.isoformat(), verdict.message, kind)
                if not verdict.kept:
                    dropped.add(day)
        if dropped:
            self.entries = [e for e in self.entries if e.day not in dropped]

    def _check_span(self) -> None:
        """Refuse dates further apart than diary.span_days (usually one mistyped year)."""
        if not self.entries:
            return
        first = min(self.entries, key=lambda e: (e.day, e.line))
        last = max(self.entries, key=lambda e: (e.day, -e.line))
        most = cap("diary.span_days")
        span = (last.day - first.day).days
        if span > most:
            raise DiaryError(
                f"the dates run from {first.day.isoformat()} (line {first.line}) to "
                f"{last.day.isoformat()} (line {last.line}), {span:,} days apart; check for a "
                f"mistyped year, or analyse at most {most:,} days (about ten years) at a time"
            )


def _leftover(item: Item, of_line: int, phrase: str) -> Item:
    """`item` of a line read as a leftover of line `of_line`, saying so."""
    said = f"read as a leftover of line {of_line}: {clipped(phrase, 80)!r}"
    return replace(item, note=f"{item.note}; {said}" if item.note else said)


def _own_part(item: Item, times: float, name: str) -> Item:
    """One line of an own food, `times` over, marked as a part of it."""
    grams = replace(item.grams, grams=item.grams.grams * times)
    nutrients = {k: None if v is None else v * times for k, v in item.nutrients.items()}
    note = f"part of your own food {name!r}" + (f", {times:g} times" if times != 1 else "")
    return replace(item, grams=grams, nutrients=nutrients, how="split", note=note)


def _problem_for(line: int, text: str, error: InputError) -> DiaryProblem:
    if getattr(error, "code", "") == "needs_detail":
        return DiaryProblem(line, text, str(error), "needs_detail")
    if isinstance(error, UnknownFoodError):
        return DiaryProblem(line, text, str(error), "unmatched", tuple(error.suggestions[:5]))
    if isinstance(error, PortionError):
        return DiaryProblem(line, text, str(error), "invalid", tuple(error.available[:8]))
    return DiaryProblem(line, text, str(error), "invalid")


def _uncertain(line: int, text: str, item: Item) -> DiaryProblem:
    names = tuple(f"{m.name} [{m.id}]" for m in item.alternatives)
    message = (
        f"matched to {item.food.name!r} [{item.food.id}] without certainty; if another food "
        "is meant, add its id in brackets to the line (ids: twitchcheck foods search)"
    )
    return DiaryProblem(line, text, message, "uncertain", names)
