"""Food diaries in, dated entries out: each a USDA food and grams, or the nutrients an export gave.

    diary = read_diary(Path("week.txt"))
    diary.entries[0].day, diary.entries[0].item.food.name, diary.entries[0].grams
    [(p.line, p.kind, p.message) for p in diary.problems]

Formats: plain text with date headings, CSV (date, food, amount), and the
exports of Cronometer (Servings), MyFitnessPal (Nutrition-Summary) and
OpenNutriTracker (user_intake.json / .csv, or the whole zip). The format is
detected from the content or named. Lines that match no food, match with
doubt or hold an impossible amount are collected as problems with their line
numbers; a file that cannot be read as a whole (empty, binary, an unknown
layout, an impossible date) raises DiaryError. Pure: no printing. The
formats, their columns and the rules for dates are in docs/diary.md.
"""

from __future__ import annotations

from twitchcheck.diary._model import FORMATS as FORMATS
from twitchcheck.diary._model import Diary as Diary
from twitchcheck.diary._model import DiaryEntry as DiaryEntry
from twitchcheck.diary._model import DiaryProblem as DiaryProblem
from twitchcheck.diary._model import DiarySupplement as DiarySupplement
from twitchcheck.diary._model import ProblemKind as ProblemKind
from twitchcheck.diary._model import ProgressCallback as ProgressCallback
from twitchcheck.diary._own import OwnFoods as OwnFoods
from twitchcheck.diary._reader import detect_format as detect_format
from twitchcheck.diary._reader import diary_text as diary_text
from twitchcheck.diary._reader import parse_diary_text as parse_diary_text
from twitchcheck.diary._reader import read_diary as read_diary

__all__ = [
    "FORMATS",
    "Diary",
    "DiaryEntry",
    "DiaryProblem",
    "DiarySupplement",
    "OwnFoods",
    "ProblemKind",
    "ProgressCallback",
    "detect_format",
    "diary_text",
    "parse_diary_text",
    "read_diary",
]
