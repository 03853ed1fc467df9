"""The screening's questions are defined once, in the core: the terminal and the web page
read the same lists, and a step that cannot apply is skipped."""

from __future__ import annotations

from twitchcheck.cli import _questions as terminal
from twitchcheck.screen import questions


def test_the_terminal_renders_every_kind_of_question() -> None:
    """The terminal words no question itself: it has one renderer per kind of the core's."""
    from typing import get_args

    assert set(terminal._ASKERS) == set(get_args(questions.Kind))
    kinds = {q.kind for step in questions.steps() for q in step.questions}
    assert kinds == set(get_args(questions.Kind))


def _asked(answers: dict) -> dict[str, list[str]]:
    return {
        step.id: [q.key for q in step.asked(answers)]
        for step in questions.steps()
        if step.asked(answers)
    }


def test_steps_that_cannot_apply_are_skipped() -> None:
    man = _asked({"age": 30, "sex": "male"})
    assert "pregnancy" not in man
    assert "twitch" not in man
    woman = _asked({"age": 30, "sex": "female", "symptoms": ["cramps"]})
    assert woman["pregnancy"] == ["pregnant", "lactating"]
    assert "twitch" in woman
    vegan = _asked({"age": 30, "sex": "male", "diet": {"pattern": "vegan"}})
    assert vegan["dairy"] == ["diet.fortified_foods", "diet.b12_supplement"]
    b12 = _asked({"age": 30, "sex": "male", "supplements": ["vitamin B12 1000 ug"]})
    assert "diet.b12_supplement" not in b12["dairy"]
    weak = _asked({"age": 30, "sex": "male", "warning_signs": ["progressive_weakness"]})
    assert "weakness" in weak


def test_bounds_and_choices_come_from_the_answers_model() -> None:
    from twitchcheck.limits import limit

    by_key = {q.key: q for step in questions.steps() for q in step.questions}
    assert by_key["age"].high == limit("person.age_years")
    assert by_key["twitch.how_often"].options == ("rarely", "weekly", "daily", "constant")
    assert by_key["diet.pattern"].options == ("omnivore", "pescatarian", "vegetarian", "vegan")


def test_collected_answers_become_the_answers_json() -> None:
    from twitchcheck.screen.answers import parse_answers

    collected = {
        "age": 40.0, "sex": "female", "symptoms": ["cramps"], "warning_signs": ["fainting"],
        "recent": ["vomiting"], "supplements": ["vitamin B12 1000 ug"],
    }  # fmt: skip
    answers = questions.to_answers(collected)
    assert answers["symptoms"] == ["cramps", "fainting"]
    assert answers["recent"] == {"vomiting": True}
    assert answers["diet"]["b12_supplement"] is True
    parse_answers(answers)  # the core takes them as they are
    assert questions.merge({"a": {"b": 1}}, ("a", "b"), None) == {}
