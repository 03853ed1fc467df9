"""What a diary becomes: entries, problems, and the collector every format feeds."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from twitchcheck.diary._bounds import cap, clipped
from twitchcheck.diary._plausible import day_verdicts, line_problem, line_warnings
from twitchcheck.errors import DiaryError, InputError, PortionError, UnknownFoodError
from twitchcheck.fooddb import SOURCES
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.phrases import Item, resolve

ProblemKind = Literal["unmatched", "uncertain", "invalid", "unusual"]
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

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "meal": self.meal,
            "line": self.line,
            "text": self.text,
            "food": None
            if self.item is None
            else {"id": self.item.food.id, "name": self.item.food.name},
            "uncertain": self.item is not None and self.item.uncertain,
            "source": self.source,
            "grams": None if self.grams is None else round(self.grams, 1),
            "nutrients": {k: None if v is None else round(v, 3) for k, v in self.nutrients.items()},
        }


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

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "text": self.text,
            "kind": self.kind,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class Diary:
    """A whole diary: its format, entries in file order, problems, and the days with entries."""

    format: str
    entries: tuple[DiaryEntry, ...]
    problems: tuple[DiaryProblem, ...]
    days: tuple[datetime.date, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "days": [d.isoformat() for d in self.days],
            "entries": [e.to_dict() for e in self.entries],
            "problems": [p.to_dict() for p in self.problems],
        }


def empty_nutrients() -> dict[str, float | None]:
    """Every nutrient key, all unknown."""
    return dict.fromkeys(NUTRIENT_KEYS)


# resolve() is pure for a given phrase, and diaries repeat their phrases
# ("1 cup coffee" every morning), so each distinct phrase is resolved once.
_CACHE: dict[str, Item | InputError] = {}
_CACHE_SIZE = 50_000


def phrase_key(phrase: str) -> str:
    """Phrases that differ only in case and spacing are the same phrase."""
    return " ".join(phrase.lower().split())


def resolve_cached(phrase: str) -> Item | InputError:
    """resolve(phrase), or the InputError it raised, remembered per phrase."""
    key = phrase_key(phrase)
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        try:
            hit = resolve(phrase)
        except InputError as error:
            hit = error
        _CACHE[key] = hit
    return hit


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
    entries: list[DiaryEntry] = field(default_factory=list)
    problems: list[DiaryProblem] = field(default_factory=list)
    _last_tick: int = 0
    _phrases: set[str] = field(default_factory=set)
    _unmatched: dict[str, int] = field(default_factory=dict)  # phrase -> first line

    def phrase(
        self, day: datetime.date, meal: str | None, line: int, text: str, phrase: str = ""
    ) -> None:
        """Resolve `phrase` (default: `text`) to a food and grams, or note why it could not be."""
        phrase = phrase or text
        self._count(phrase, line)
        outcome = resolve_cached(phrase)
        if isinstance(outcome, InputError):
            self.problems.append(_problem_for(line, clipped(text, TEXT_CHARS), outcome))
            if isinstance(outcome, UnknownFoodError):
                self._unmatched.setdefault(phrase_key(phrase), line)
                self._check_unmatched()
            return
        wrong = line_problem(outcome.nutrients, outcome.grams.grams, export=False)
        if wrong is not None:
            self.problem(line, text, f"{wrong}; the line is left out")
            return
        self.entries.append(
            DiaryEntry(
                day, meal, line, text, outcome, dict(outcome.nutrients),
                SOURCES[outcome.food.source], outcome.grams.grams,
            )
        )  # fmt: skip
        if outcome.uncertain:
            self.problems.append(_uncertain(line, text, outcome))
        for warning in outcome.warnings:
            self.problem(line, text, f"{warning}; it is counted", "unusual")

    def given(
        self,
        day: datetime.date,
        meal: str | None,
        line: int,
        text: str,
        nutrients: Mapping[str, float | None],
        source: str,
        grams: float | None,
    ) -> None:
        """Keep an entry whose nutrients came with the export, if the line can be true."""
        wrong = line_problem(nutrients, grams, export=True)
        if wrong is not None:
            self.problem(line, text, f"{wrong}; it is left out")
            return
        full = empty_nutrients()
        full.update(nutrients)
        self.entries.append(DiaryEntry(day, meal, line, text, None, full, source, grams))
        for warning in line_warnings(nutrients, grams):
            self.problem(line, text, f"{warning}; it is counted", "unusual")

    def problem(
        self,
        line: int,
        text: str,
        message: str,
        kind: ProblemKind = "invalid",
        suggestions: tuple[str, ...] = (),
    ) -> None:
        self.problems.append(
            DiaryProblem(line, clipped(text, TEXT_CHARS), message, kind, suggestions)
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
        return Diary(self.format, tuple(self.entries), tuple(self.problems), days)

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


def _problem_for(line: int, text: str, error: InputError) -> DiaryProblem:
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
