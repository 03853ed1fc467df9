"""What a diary becomes: entries, problems, and the collector every format feeds."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from twitchcheck.errors import InputError, PortionError, UnknownFoodError
from twitchcheck.fooddb import SOURCES
from twitchcheck.nutrient_keys import NUTRIENT_KEYS
from twitchcheck.phrases import Item, resolve
from twitchcheck.portions import MAX_GRAMS

ProblemKind = Literal["unmatched", "uncertain", "invalid"]
ProgressCallback = Callable[[int, int], None]

FORMATS: tuple[str, ...] = ("text", "csv", "cronometer", "myfitnesspal", "opennutritracker")
PROGRESS_EVERY = 2000  # lines between progress calls: often enough for a bar, cheap enough


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
    """A line that was not used as written: unmatched, matched with doubt, or invalid.

    An `uncertain` line is still an entry; the problem says what it was matched
    to and which foods were close. `unmatched` and `invalid` lines are left out
    of the entries.
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


def resolve_cached(phrase: str) -> Item | InputError:
    """resolve(phrase), or the InputError it raised, remembered per phrase."""
    key = " ".join(phrase.lower().split())
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
    """Gathers entries and problems as a reader walks the file, and reports progress."""

    format: str
    total: int
    on_progress: ProgressCallback | None = None
    entries: list[DiaryEntry] = field(default_factory=list)
    problems: list[DiaryProblem] = field(default_factory=list)
    _last_tick: int = 0

    def phrase(
        self, day: datetime.date, meal: str | None, line: int, text: str, phrase: str = ""
    ) -> None:
        """Resolve `phrase` (default: `text`) to a food and grams, or note why it could not be."""
        outcome = resolve_cached(phrase or text)
        if isinstance(outcome, InputError):
            self.problems.append(_problem_for(line, text, outcome))
            return
        self.entries.append(
            DiaryEntry(
                day, meal, line, text, outcome, dict(outcome.nutrients),
                SOURCES[outcome.food.source], outcome.grams.grams,
            )
        )  # fmt: skip
        if outcome.uncertain:
            self.problems.append(_uncertain(line, text, outcome))

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
        """Keep an entry whose nutrients came with the export, after a sanity check."""
        if grams is not None and grams > MAX_GRAMS:
            message = (
                f"{grams:,.0f} g is over the {MAX_GRAMS / 1000:g} kg limit for one item; "
                "check the amount in the app"
            )
            self.problem(line, text, message)
            return
        full = empty_nutrients()
        full.update(nutrients)
        self.entries.append(DiaryEntry(day, meal, line, text, None, full, source, grams))

    def problem(
        self,
        line: int,
        text: str,
        message: str,
        kind: ProblemKind = "invalid",
        suggestions: tuple[str, ...] = (),
    ) -> None:
        self.problems.append(DiaryProblem(line, text, message, kind, suggestions))

    def tick(self, done: int) -> None:
        """Tell the caller how far we are, every `PROGRESS_EVERY` lines."""
        if self.on_progress is not None and done - self._last_tick >= PROGRESS_EVERY:
            self._last_tick = done
            self.on_progress(done, self.total)

    def finish(self) -> Diary:
        if self.on_progress is not None:
            self.on_progress(self.total, self.total)
        days = tuple(sorted({entry.day for entry in self.entries}))
        return Diary(self.format, tuple(self.entries), tuple(self.problems), days)


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
