"""The screening, step by step: the core's questions (screen/questions.py), the ones that
apply, in plain words with their choices shown; then the core's result, triage first.

The answers so far travel with the form (a hidden JSON field), so nothing is saved until
the last step, when the core screens them and the answers are saved with their result.
Each answer is checked as it is given, with the core's own checks (medicine and condition
names, supplements, labs), and a refusal is shown next to its field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from twitchcheck.errors import InputError
from twitchcheck.screen.questions import Question, Step, merge, steps, symptom_label, value_at
from twitchcheck.web.pages._common import form_of, one, profile_of, redirect, render, store_of

router = APIRouter(include_in_schema=False)
STATE_CHARS = 200_000  # the answers so far, as JSON: far more than every question allows


def _applicable(answers: Mapping[str, Any]) -> list[Step]:
    return [step for step in steps() if step.asked(answers)]


def _next_step(after: str | None, answers: Mapping[str, Any]) -> Step | None:
    """The first step after `after` (or the first of all) that applies to `answers`."""
    order = [step.id for step in steps()]
    start = 0 if after is None else order.index(after) + 1
    for step in steps()[start:]:
        if step.asked(answers):
            return step
    return None


def _previous_step(before: str, answers: Mapping[str, Any]) -> Step | None:
    order = [step.id for step in steps()]
    for step in reversed(steps()[: order.index(before)]):
        if step.asked(answers):
            return step
    return None


def _read(question: Question, fields: Mapping[str, list[str]]) -> Any:
    """One answer from the form, checked as the core checks it; ValueError says why not."""
    from twitchcheck.web.pages._common import parse_number

    key = question.key
    text = one(fields, key)
    if question.kind == "number":
        if not text:
            if not question.optional:
                raise ValueError(f"give a number from {question.low:g} to {question.high:g}")
            return None
        assert question.low is not None
        assert question.high is not None
        return parse_number(text, question.low, question.high, "a number")
    if question.kind == "choice":
        if not text:
            if not question.optional:
                raise ValueError(f"choose one of: {', '.join(question.options)}")
            return None
        if text not in question.options:
            raise ValueError(f"choose one of: {', '.join(question.options)}")
        return text
    if question.kind == "yes_no":
        return {"yes": True, "no": False}.get(text, question.default)
    if question.kind == "multi":
        chosen = [value for value in fields.get(key, []) if value]
        bad = [value for value in chosen if value not in question.options]
        if bad:
            raise ValueError(f"not in the list: {', '.join(bad)[:80]}")
        return chosen
    if question.kind == "places":
        return [place.strip().lower() for place in text.split(",") if place.strip()]
    if question.kind == "names":
        return _names(question, text)
    return _lines(question, text)


def _names(question: Question, text: str) -> list[str]:
    from twitchcheck.screen.answers import known_ids, medicine_class_ids

    names = tuple(name.strip() for name in text.split(",") if name.strip())
    try:
        if question.kind_of_name == "medicine":
            medicine_class_ids(names)
        else:
            known_ids(names, question.kind_of_name, "conditions")
    except InputError as error:
        raise ValueError(str(error)) from None
    return list(names)


def _lines(question: Question, text: str) -> list[str]:
    from twitchcheck.knowledge.supplements import parse_supplement
    from twitchcheck.labs import parse_lab

    check = parse_lab if question.path == ("labs",) else parse_supplement
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if question.most is not None and len(lines) > question.most:
        raise ValueError(f"{len(lines)} lines; at most {question.most} are read")
    for line in lines:
        try:
            check(line)
        except InputError as error:
            raise ValueError(f"{line[:60]!r}: {error}") from None
    return lines


def _state(fields: Mapping[str, list[str]]) -> dict[str, Any]:
    text = one(fields, "answers")
    if not text or len(text) > STATE_CHARS:
        return {}
    try:
        found = json.loads(text)
    except json.JSONDecodeError:
        return {}
    return found if isinstance(found, dict) else {}


def _shown(question: Question, answers: Mapping[str, Any]) -> str | list[str]:
    """The answer already given to `question`, as the form shows it."""
    value = value_at(answers, question.path)
    if value is None:
        return ""
    if question.kind == "yes_no":
        return "yes" if value else "no"
    if question.kind in ("places", "names"):
        return ", ".join(value)
    if question.kind == "lines":
        return "\n".join(value)
    if question.kind == "multi":
        return list(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _page(
    request: Request,
    person: Any,
    step: Step,
    answers: Mapping[str, Any],
    errors: dict[str, str],
) -> HTMLResponse:
    from twitchcheck.screen.questions import region_options

    asked = step.asked(answers)
    order = _applicable(answers)
    number = next((i for i, s in enumerate(order, 1) if s.id == step.id), 1)
    return render(
        request, "screen_step.html", 422 if errors else 200, person=person, active="screen",
        step=step, questions=asked, answers_json=json.dumps(answers), errors=errors,
        shown={q.key: _shown(q, answers) for q in asked}, number=number, total=len(order),
        label=symptom_label, regions=dict(region_options()),
        first=_previous_step(step.id, answers) is None,
    )  # fmt: skip


def _start(person: Any) -> dict[str, Any]:
    """What the profile already says (age, sex, pregnancy, region): asked again, prefilled."""
    answers: dict[str, Any] = {}
    if person.age_years is not None:
        answers["age"] = float(person.age_years)
    if person.sex:
        answers["sex"] = person.sex
    if person.pregnant:
        answers["pregnant"] = True
    if person.lactating:
        answers["lactating"] = True
    if person.region:
        answers["region"] = person.region
    return answers


@router.get("/people/{profile_id}/screen", response_class=HTMLResponse)
def screen_start(request: Request, profile_id: int) -> HTMLResponse:
    person = profile_of(request, profile_id)
    first = steps()[0]
    return _page(request, person, first, _start(person), {})


@router.post("/people/{profile_id}/screen", response_class=HTMLResponse)
async def screen_step(request: Request, profile_id: int) -> Response:
    from twitchcheck.screen.questions import to_answers

    person = profile_of(request, profile_id)
    fields = await form_of(request)
    answers = _state(fields)
    by_id = {step.id: step for step in steps()}
    step = by_id.get(one(fields, "step"), steps()[0])
    errors: dict[str, str] = {}
    for question in step.asked(answers):
        try:
            answers = merge(answers, question.path, _read(question, fields))
        except ValueError as error:
            errors[question.key] = str(error)
    if one(fields, "go") == "back":
        previous = _previous_step(step.id, answers)
        return _page(request, person, previous or step, answers, {})
    if not errors and step.id == "person":
        errors.update(_age_refusal(answers))
    if errors:
        return _page(request, person, step, answers, errors)
    following = _next_step(step.id, answers)
    if following is not None:
        return _page(request, person, following, answers, {})
    try:
        return _save(request, profile_id, to_answers(answers))
    except (InputError, TypeError) as error:  # TypeError: answers tampered with on the way
        return _page(request, person, step, answers, {"_all": str(error)})


def _age_refusal(answers: Mapping[str, Any]) -> dict[str, str]:
    from twitchcheck.screen.answers import check_screening_age

    try:
        check_screening_age(float(answers["age"]))
    except InputError as error:
        return {"age": str(error)}
    return {}


def _save(request: Request, profile_id: int, answers: dict[str, Any]) -> Response:
    """Screen the answers with the core, the person's food diary weighed as evidence when
    they keep one (screen_person), and save the answers with the result."""
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.store.results import save_screening
    from twitchcheck.web.pages.analysis import stored_diary
    from twitchcheck.workflows import screen_person

    diary = stored_diary(request, profile_of(request, profile_id))
    result = screen_person(parse_answers(answers), diary).to_dict()
    if diary is not None:
        result["diary_days"] = len(diary.days)
    row = save_screening(store_of(request), profile_id, answers, result)
    return redirect(f"/people/{profile_id}/screenings/{row.id}")


@router.get("/people/{profile_id}/screenings/{screening_id}", response_class=HTMLResponse)
def screening_result(request: Request, profile_id: int, screening_id: int) -> HTMLResponse:
    from twitchcheck.knowledge import load_knowledge
    from twitchcheck.store.results import get_screening

    person = profile_of(request, profile_id)
    row = get_screening(store_of(request), profile_id, screening_id)
    return render(
        request, "screen_result.html", person=person, active="screen", saved=row,
        result=row.result, known=load_knowledge().sources,
    )  # fmt: skip


@router.post("/people/{profile_id}/screenings/{screening_id}/delete")
async def delete_screening(request: Request, profile_id: int, screening_id: int) -> Response:
    from twitchcheck.store.results import delete_screening as delete

    delete(store_of(request), profile_id, screening_id)
    return redirect(f"/people/{profile_id}/")
