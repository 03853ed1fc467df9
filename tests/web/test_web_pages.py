"""The pages over the store and the core: each renders, every form carries the CSRF token
and is refused without it, bad input is shown next to its field with nothing saved, and the
screening asks what applies and ends on the core's own result."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from twitchcheck.web.security import csrf_value
from web.conftest import TOKEN

CSRF = csrf_value(TOKEN)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)


def page_checks(text: str) -> None:
    """What every page must hold: no inline script or handler (the CSP forbids them), a
    skip link, one main, and a CSRF token in every form."""
    assert not INLINE_SCRIPT.search(text), "an inline <script>"
    assert not INLINE_HANDLER.search(text), "an inline on* handler"
    assert 'href="#main"' in text
    assert text.count("<main") == 1
    for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", text, re.S):
        assert f'name="csrf" value="{CSRF}"' in form, form[:200]


def add_person(client: Any, **fields: str) -> int:
    data = {"csrf": CSRF, "name": "Ann", "age_years": "64", "sex": "female", **fields}
    response = client.post("/people", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].split("/")[2])


def test_home_renders_with_its_own_assets_only(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page_checks(response.text)
    for asset in re.findall(r'(?:src|href)="([^"#]+)"', response.text):
        assert asset.startswith("/"), f"{asset} is not served by the app"
    assert client.get("/static/htmx.min.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_a_form_without_the_csrf_token_is_refused_and_saves_nothing(client: Any) -> None:
    for data in ({"name": "Ann"}, {"name": "Ann", "csrf": "x" * 64}):
        response = client.post("/people", data=data)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden_csrf"
    assert client.get("/api/profiles").json() == []


def test_a_page_takes_forms_only(client: Any) -> None:
    response = client.post("/people", json={"name": "Ann", "csrf": CSRF})
    assert response.status_code == 415


def test_the_csrf_header_is_accepted_as_htmx_sends_it(client: Any) -> None:
    response = client.post(
        "/people", data={"name": "Bo"}, headers={"X-CSRF-Token": CSRF}, follow_redirects=False
    )
    assert response.status_code == 303


def test_bad_input_is_shown_next_to_its_field_and_nothing_is_saved(client: Any) -> None:
    response = client.post("/people", data={"csrf": CSRF, "name": "Ann", "age_years": "400"})
    assert response.status_code == 422
    page_checks(response.text)
    error = re.search(r'id="age_years-error">(.*?)</p>', response.text, re.S)
    assert error is not None
    assert "1 to 120" in html.unescape(error.group(1))
    assert 'aria-describedby="age_years-error"' in response.text
    assert client.get("/api/profiles").json() == []


def test_a_person_page_says_what_to_do_next(client: Any) -> None:
    person = add_person(client)
    response = client.get(f"/people/{person}/")
    page_checks(response.text)
    assert f'href="/people/{person}/screen">Answer the screening' in response.text


def _submit(client: Any, person: int, page: str, **fields: Any) -> Any:
    answers = html.unescape(re.search(r'name="answers" value="([^"]*)"', page).group(1))
    step = re.search(r'name="step" value="([^"]*)"', page).group(1)
    data = {"csrf": CSRF, "answers": answers, "step": step, **fields}
    return client.post(f"/people/{person}/screen", data=data, follow_redirects=False)


def _title(page: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", page).group(1)


def test_the_screening_asks_what_applies_and_ends_on_the_cores_result(client: Any) -> None:
    person = add_person(client)
    page = client.get(f"/people/{person}/screen").text
    page_checks(page)
    page = _submit(client, person, page, age="64", sex="female").text
    assert _title(page) == "Screening: What you notice"  # 64: no pregnancy question
    page = _submit(client, person, page, symptoms=["cramps", "night_time"]).text
    assert _title(page) == "Screening: The twitches or cramps"
    refused = _submit(client, person, page, **{"twitch.since_weeks": "many"})
    assert refused.status_code == 422
    assert "is not a number" in html.unescape(refused.text)
    page = _submit(client, person, page, **{"twitch.since_weeks": "8"}).text
    assert _title(page) == "Screening: Medicines, conditions, supplements"
    refused = _submit(client, person, page, medications="hydrochlorothiazide, notadrug")
    assert "not a known medicine" in html.unescape(refused.text)
    page = _submit(client, person, page, medications="hydrochlorothiazide").text
    page = _submit(client, person, page, **{"diet.pattern": "vegan"}).text
    assert "milk, yogurt or cheese" not in page  # dairy and fish are not asked of a vegan
    assert "fortified" in page
    while 'name="step"' in page:
        response = _submit(client, person, page)
        if response.status_code == 303:
            break
        page = response.text
    result = client.get(response.headers["location"])
    page_checks(result.text)
    saved = client.get(f"/api/profiles/{person}/screenings").json()[0]
    assert saved["answers"]["medications"] == ["hydrochlorothiazide"]
    assert saved["answers"]["diet"]["pattern"] == "vegan"
    level = saved["result"]["triage"]["level"]
    text = html.unescape(result.text)
    assert saved["result"]["triage"]["header"] in text
    assert text.index(saved["result"]["triage"]["header"]) < text.index("most likely first")
    assert f"triage-{level}" in result.text
    first = saved["result"]["contributors"][0]
    assert first["label"] in text
    assert "<details" in result.text


def test_a_man_is_not_asked_about_pregnancy(client: Any) -> None:
    person = add_person(client, sex="male", age_years="30")
    page = client.get(f"/people/{person}/screen").text
    page = _submit(client, person, page, age="30", sex="male").text
    assert _title(page) == "Screening: What you notice"
    person2 = add_person(client, name="Cat", age_years="30")
    page = client.get(f"/people/{person2}/screen").text
    page = _submit(client, person2, page, age="30", sex="female").text
    assert _title(page) == "Screening: Pregnancy"


@pytest.mark.parametrize("path", ["/people/999/", "/people/999/screen"])
def test_a_missing_person_is_not_found_as_a_page(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    page_checks(response.text)
    assert "no profile 999 is stored" in html.unescape(response.text)
    api = client.get("/api/profiles/999")  # the API keeps its one JSON shape
    assert api.json()["error"]["code"] == "not_found"


def test_the_screening_weighs_the_persons_food_diary(client: Any) -> None:
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.screen.answers import parse_answers
    from twitchcheck.workflows import screen_person

    person = add_person(client, age_years="40")
    lines = {"2026-11-20": ["1 banana", "2 slices of toast"], "2026-11-21": ["1 apple"]}
    for day, texts in lines.items():
        for text in texts:
            data = {"csrf": CSRF, "day": day, "text": text}
            client.post(f"/people/{person}/diary/lines", data=data)
    page = client.get(f"/people/{person}/screen").text
    page = _submit(client, person, page, age="40", sex="female").text
    page = _submit(client, person, page, pregnant="no", lactating="no").text
    page = _submit(client, person, page, symptoms=["cramps"]).text
    while 'name="step"' in page:
        response = _submit(client, person, page)
        if response.status_code == 303:
            break
        page = response.text
    result = client.get(response.headers["location"]).text
    assert "Your food diary (2 day(s)) was weighed too" in result
    saved = client.get(f"/api/profiles/{person}/screenings").json()[0]
    diary = parse_diary_text(
        "\n".join(f"{day}\n" + "\n".join(texts) for day, texts in lines.items()), "text"
    )
    core = screen_person(parse_answers(saved["answers"]), diary).to_dict()
    assert [c["id"] for c in saved["result"]["contributors"]] == [
        c["id"] for c in core["contributors"]
    ]
    without = screen_person(parse_answers(saved["answers"])).to_dict()
    assert core["contributors"] != without["contributors"]  # the diary changed the ranking


def test_every_template_and_asset_is_package_data() -> None:
    """The wheel carries the pages: each file of web/templates and web/static matches a
    package-data pattern (a template the wheel lacked would fail only when served)."""
    import fnmatch
    import tomllib
    from pathlib import Path

    import twitchcheck

    package = Path(twitchcheck.__file__).parent
    root = package.parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["twitchcheck"]
    files = [
        path.relative_to(package).as_posix()
        for folder in ("web/templates", "web/static")
        for path in (package / folder).iterdir()
    ]
    assert len(files) > 10
    missing = [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert not missing, missing


def test_supplements_are_saved_checked_and_counted_by_the_analysis(client: Any) -> None:
    person = add_person(client, age_years="40")
    refused = client.post(
        f"/people/{person}/supplements", data={"csrf": CSRF, "supplement": "foo bar pill"}
    )
    assert refused.status_code == 422
    assert 'id="supplement-error"' in refused.text
    assert client.get(f"/api/profiles/{person}/supplements").json() == []
    text = "magnesium citrate 400 mg daily"
    client.post(f"/people/{person}/supplements", data={"csrf": CSRF, "supplement": text})
    assert [s["text"] for s in client.get(f"/api/profiles/{person}/supplements").json()] == [text]
    client.post(
        f"/people/{person}/diary/lines",
        data={"csrf": CSRF, "day": "2026-11-20", "text": "1 banana"},
    )
    page = html.unescape(client.get(f"/people/{person}/analysis").text)
    assert "incl. 400 from supplements" in page
    plan = client.get(f"/people/{person}/plan").text
    assert text in plan  # the plan's form is filled with it
