"""The terminal asks exactly the core's questions (screen/questions.py): the same texts in the
same order, skipping what does not apply, and the answers it builds are the ones the web
page builds from the same replies."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import Runner
from twitchcheck.cli import app
from twitchcheck.screen.questions import Question, merge, steps, to_answers

# Two people, as collected values by question key: what a person would answer.
MAN = {
    "age": 58.0, "sex": "male", "symptoms": ["cramps", "calf_cramps", "night_time"],
    "warning_signs": [], "twitch.where": ["left calf", "right calf"], "twitch.since_weeks": 6.0,
    "twitch.how_often": "weekly", "twitch.when": "night", "medications": ["furosemide 40mg"],
    "conditions": ["kidney disease stage 3"], "supplements": ["magnesium citrate 200 mg daily"],
    "diet.pattern": "vegan", "diet.fortified_foods": True, "diet.b12_supplement": False,
    "sun_exposure": "low", "lifestyle.coffee_cups_per_day": 3.0,
    "lifestyle.alcohol_drinks_per_week": 4.0, "lifestyle.exercise": "moderate",
    "lifestyle.stress": "high", "lifestyle.sleep_hours": 5.5, "recent": ["heavy_sweating"],
    "region": "uk", "labs": ["magnesium 0.65 mmol/L"],
}  # fmt: skip
WOMAN = {
    "age": 31.0, "sex": "female", "pregnant": True, "lactating": False,
    "symptoms": ["numbness_tingling", "fatigue"], "numbness.since_weeks": 3.0,
    "numbness.where": ["feet"], "numbness.spreading": False, "numbness.sides": "both",
    "diet.pattern": "omnivore", "diet.dairy": False, "diet.fish": True,
    "lifestyle.nicotine": False, "lifestyle.fluids_l_per_day": 1.2, "region": "us",
}  # fmt: skip


def walk(person: Mapping[str, Any]) -> Iterator[tuple[Question, Any]]:
    """The core's questions for `person`, in order, each with the person's answer (None when
    they leave it blank), deciding each step on the answers before it, as both shells do."""
    collected: dict[str, Any] = {}
    for step in steps():
        for question in step.asked(collected):
            value = person.get(question.key)
            collected = merge(collected, question.path, kept(question, value))
            yield question, value


def kept(question: Question, value: Any) -> Any:
    """What a blank answer keeps: a yes/no question's default, else nothing."""
    return question.default if value is None and question.kind == "yes_no" else value


def prompted(text: str, output: str, start: int = 0) -> int:
    """Where `text` starts a prompt line of `output` (its hint or choices after it), or -1."""
    found = re.compile(rf"^{re.escape(text)}(?= [\[(]|$)", re.M).search(output, start)
    return found.start() if found else -1


def typed(question: Question, value: Any) -> list[str]:
    """The lines a person types in the terminal to give `value`."""
    if question.kind == "lines":
        return [*(value or []), ""]
    if value is None:
        return [""]
    if question.kind == "yes_no":
        return ["y" if value else "n"]
    if question.kind == "number":
        return [f"{value:g}"]
    if isinstance(value, list):
        return [", ".join(value)]
    return [str(value)]


def formed(question: Question, value: Any) -> Any:
    """The form field the web page posts for `value`."""
    if value is None:
        return ""
    if question.kind == "yes_no":
        return "yes" if value else "no"
    if question.kind == "number":
        return f"{value:g}"
    if question.kind == "lines":
        return "\n".join(value)
    if question.kind in ("places", "names"):
        return ", ".join(value)
    return value


def expected(person: Mapping[str, Any]) -> dict[str, Any]:
    collected: dict[str, Any] = {}
    for question, value in walk(person):
        collected = merge(collected, question.path, kept(question, value))
    return to_answers(collected)


def terminal(person: Mapping[str, Any], tmp_path: Path) -> tuple[str, dict[str, Any]]:
    script = "\n".join(line for q, v in walk(person) for line in typed(q, v)) + "\n"
    saved = tmp_path / "answers.json"
    result = Runner().invoke(app, ["screen", "--save", str(saved)], input=script)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout, json.loads(saved.read_text(encoding="utf-8"))


@pytest.mark.parametrize("person", [MAN, WOMAN], ids=["man", "pregnant-woman"])
def test_the_terminal_asks_the_cores_questions_in_order(
    person: Mapping[str, Any], tmp_path: Path
) -> None:
    output, answers = terminal(person, tmp_path)
    asked = [question for question, _ in walk(person)]
    position = 0
    for question in asked:  # every text, in the core's order
        found = prompted(question.text, output, position)
        assert found >= 0, f"{question.key}: {question.text!r} not asked after {position}"
        position = found + len(question.text)
    texts = {q.text for q in asked}  # numbness and weakness share "On one side ... or both"
    unasked = {q.key: q.text for s in steps() for q in s.questions if q.text not in texts}
    for key, text in unasked.items():
        assert prompted(text, output) < 0, f"{key} does not apply but was asked"
    assert answers == expected(person)


def test_what_is_skipped_follows_the_answers() -> None:
    man = {q.key for q, _ in walk(MAN)}
    woman = {q.key for q, _ in walk(WOMAN)}
    assert "pregnant" not in man  # a man
    assert {"pregnant", "lactating"} <= woman
    assert "diet.dairy" not in man  # a vegan
    assert {"diet.dairy", "diet.fish"} <= woman
    assert "twitch.where" in man
    assert "twitch.where" not in woman  # no twitches or cramps
    assert "numbness.since_weeks" in woman


def test_refused_answers_are_asked_again_naming_what_is_accepted(tmp_path: Path) -> None:
    script = "\n".join([
        "forty", "40",          # age: not a number, then a number
        "other", "male",        # sex: not a choice
        "99", "2", "",          # symptoms: no number 99, then cramps
        "", "", "",             # twitch where, weeks, how often
        "sometimes", "night",   # when: not a choice
    ]) + "\n" * 40  # fmt: skip
    result = Runner().invoke(app, ["screen"], input=script)
    assert result.exit_code == 0, result.stdout
    assert "'forty' is not a number; give 0 to 120" in result.stdout
    assert "choose one of: female/male" in result.stdout
    assert "not in the list: 99; give the numbers or names shown" in result.stdout
    assert "choose one of: night/day/after exercise/any" in result.stdout


def web_answers(person: Mapping[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The answers the web screening saves when `person` fills in its pages."""
    from twitchcheck.store.location import sqlite_url
    from twitchcheck.web import WebSettings, create_app
    from twitchcheck.web.security import csrf_value
    from web.conftest import AUTH, HOST, TOKEN, TestClient  # imported there without warnings

    store = sqlite_url(tmp_path / "home" / "twitchcheck.sqlite")
    settings = WebSettings(token=TOKEN, store_url=store, hosts=(HOST,))
    by_key = {q.key: q for s in steps() for q in s.questions}
    with TestClient(create_app(settings), headers=AUTH) as client:
        profile = client.post("/api/profiles", json={"name": "Ann"}).json()["id"]
        page = client.get(f"/people/{profile}/screen").text
        for _ in steps():
            state = html.unescape(re.search(r'name="answers" value="([^"]*)"', page).group(1))
            step = re.search(r'name="step" value="([^"]*)"', page).group(1)
            fields = re.findall(r'name="([a-z_.]+)"', page)
            data = {k: formed(by_key[k], person.get(k)) for k in fields if k in by_key}
            data |= {"csrf": csrf_value(TOKEN), "answers": state, "step": step}
            response = client.post(f"/people/{profile}/screen", data=data, follow_redirects=False)
            if response.status_code == 303:
                saved: dict[str, Any] = client.get(f"/api/profiles/{profile}/screenings").json()
                return saved[0]["answers"]  # type: ignore[no-any-return]
            assert response.status_code == 200, response.text
            page = response.text
    raise AssertionError("the web screening did not end")


# The first web screening of a run pays for the app, the store and the labs (~10 s): the man's
# is in the slow tier, the woman's in the fast one.
@pytest.mark.parametrize(
    "person",
    [pytest.param(MAN, marks=pytest.mark.slow), WOMAN],
    ids=["man", "pregnant-woman"],
)
def test_the_terminal_builds_the_answers_the_web_page_builds(
    person: Mapping[str, Any], tmp_path: Path
) -> None:
    _, from_terminal = terminal(person, tmp_path)
    assert from_terminal == web_answers(person, tmp_path)
