"""Diary reading speed: a generated 100,000-line diary in each table and text format.

Run with `.venv/bin/python bench/diary_bench.py` (not part of the tests). Prints
lines per second cold (every distinct phrase searched once) and warm (as in a
running web app, where the phrases are already resolved). The target is
5,000 lines/s.
"""

from __future__ import annotations

import csv
import datetime
import io
import sys
import time

from run import everyday_foods

LINES = 100_000
# 30 items a day keeps 100,000 lines within the ten years a diary may span (limits.toml).
ITEMS_PER_DAY = 30
FOODS = everyday_foods()
MEALS = ["Breakfast", "Lunch", "Dinner", "Snacks"]
CRONOMETER_HEADER = [
    "Day", "Time", "Group", "Food Name", "Amount", "Energy (kcal)", "Magnesium (mg)",
    "Vitamin D (IU)", "Potassium (mg)",
]  # fmt: skip


def rows(items: int) -> list[tuple[datetime.date, str, str, str]]:
    """(day, meal, amount, food) for `items` foods eaten, 40 foods in 16 amounts each."""
    out = []
    start = datetime.date(2017, 1, 1)
    for i in range(items // ITEMS_PER_DAY):
        for j in range(ITEMS_PER_DAY):
            food = FOODS[(i * 7 + j * 5) % len(FOODS)]
            amount = f"{(i + 3 * j) % 16 * 5 + 10} g"  # 10-85 g: a plausible day
            meal = MEALS[j * len(MEALS) // ITEMS_PER_DAY]
            out.append((start + datetime.timedelta(days=i), meal, amount, food))
    return out


def as_text(data: list[tuple[datetime.date, str, str, str]]) -> str:
    lines: list[str] = []
    last_day, last_meal = None, None
    for day, meal, amount, food in data:
        if day != last_day:
            lines.append(day.isoformat())
            last_day, last_meal = day, None
        if meal != last_meal:
            lines.append(f"{meal}:")
            last_meal = meal
        lines.append(f"{amount} {food}")
    return "\n".join(lines) + "\n"


def as_csv(data: list[tuple[datetime.date, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "meal", "food", "amount"])
    writer.writerows((d.isoformat(), meal, food, amount) for d, meal, amount, food in data)
    return out.getvalue()


def as_cronometer(data: list[tuple[datetime.date, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CRONOMETER_HEADER)
    for d, meal, amount, food in data:
        grams = float(amount.split()[0])
        values = [f"{grams * factor:.2f}" for factor in (1.5, 0.3, 0.4, 3.0)]
        writer.writerow([d.isoformat(), "8:00 AM", meal, food.title(), f"{grams:.2f} g", *values])
    return out.getvalue()


def timed(label: str, text: str, fmt: str) -> float:
    from twitchcheck.diary import parse_diary_text

    lines = text.count("\n")
    start = time.perf_counter()
    diary = parse_diary_text(text, fmt)
    elapsed = time.perf_counter() - start
    rate = lines / elapsed
    print(
        f"{label:<28} {lines:>7,} lines {elapsed:6.2f} s {rate:>9,.0f} lines/s  "
        f"({len(diary.entries):,} entries, {len(diary.problems):,} problems)"
    )
    return rate


def main() -> int:
    from twitchcheck.diary._model import _CACHE
    from twitchcheck.foods.search import clear_cache

    data = rows(LINES)
    # a text day is a date, four meal headings and its items
    text = as_text(rows(LINES * ITEMS_PER_DAY // (ITEMS_PER_DAY + 5)))
    table, export = as_csv(data), as_cronometer(data)
    clear_cache()
    _CACHE.clear()
    rates = [timed("text, cold", text, "text")]
    rates.append(timed("text, warm", text, "text"))
    rates.append(timed("csv, warm", table, "csv"))
    rates.append(timed("cronometer export", export, "cronometer"))
    slowest = min(rates)
    print(f"slowest: {slowest:,.0f} lines/s (target 5,000)")
    return 0 if slowest >= 5000 else 1


if __name__ == "__main__":
    sys.exit(main())
