"""The journal's pages in a real browser (issue 15): every page passes axe-core in light and
dark with no serious or critical finding, has no horizontal scroll at 390 px, and the night
page works by keyboard alone: one Enter records an episode, its details are given with the
arrow keys and saved."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from browser.conftest import TOKEN, check_accessibility, check_phone_width
from browser.test_browser_keyboard import focused, label_is, press_and_wait, tab_to, text_is

pytestmark = pytest.mark.slow


def seeded(page: Any, name: str) -> int:
    """A person with three weeks of nights, factors, a diary day and a lab (through the API)."""
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def send(method: str, path: str, body: dict[str, Any]) -> Any:
        answer = page.request.fetch(path, method=method, data=json.dumps(body), headers=auth)
        assert answer.ok, answer.text()
        return answer.json()

    person = send("POST", "/api/profiles", {"name": name, "age_years": 52, "sex": "male"})["id"]
    base = f"/api/profiles/{person}"
    for day in range(1, 22):
        night = f"2026-10-{day:02d}"
        if day % 3 == 0:
            episode = {"start": f"2026-10-{day + 1:02d}T03:10", "kind": "cramp", "severity": 5}
            send("POST", f"{base}/journal/episodes", episode)
        else:
            send("PUT", f"{base}/journal/days/{night}", {"quiet_night": True})
        send("PUT", f"{base}/journal/days/{night}", {"factors": {"stress": day % 8}})
    send("POST", f"{base}/diary/import", {"text": "2026-10-05\n1 banana\n2 eggs\n"})
    lab = {"taken_on": "2026-10-10", "analyte": "magnesium", "value": 0.7, "unit": "mmol/L"}
    send("POST", f"{base}/labs", {"results": [lab]})
    return int(person)


def test_the_journal_pages_are_accessible_and_fit_a_phone(page: Any) -> None:
    person = seeded(page, "Jo")
    for label, path in (
        ("night", "night"), ("journal", "journal"), ("journal-day", "journal/day"),
        ("trends", "journal/trends"), ("triggers", "journal/triggers"),
        ("experiment", "journal/experiment"), ("delete", "delete"),
    ):  # fmt: skip
        page.goto(f"/people/{person}/{path}")
        check_accessibility(page, label)
        check_phone_width(page, label)
    page.goto(f"/people/{person}/journal/trends")
    assert page.locator("svg.chart rect.bar").count() == 4  # 1-21 Oct 2026: four weeks


def test_the_night_page_by_keyboard_alone(page: Any) -> None:
    person = seeded(page, "Kim")
    page.goto(f"/people/{person}/night")
    tab_to(page, text_is("^Record an episode now$"))
    press_and_wait(page, "Enter", "/night")
    page.wait_for_url(re.compile(r"/night\?recorded=\d+"))
    now = tab_to(page, lambda f: f["type"] == "radio")  # the details form, open
    assert now["label"] == "Not sure yet"  # the kind chosen until the morning
    page.keyboard.press("ArrowDown")  # round to the first kind, twitch
    page.keyboard.press("ArrowDown")  # and the next, cramp
    assert focused(page)["label"].startswith("Cramp")  # type: ignore[index]
    tab_to(page, label_is("Where (comma-separated)"))
    page.keyboard.type("left calf")
    tab_to(page, label_is("How bad (0 none, 10 the worst)"))
    for _ in range(7):  # "not given", then 0 to 6
        page.keyboard.press("ArrowDown")
    tab_to(page, text_is("^Save the details$"))
    press_and_wait(page, "Enter", "/night")
    check_accessibility(page, "night with an episode")
    episode = page.locator("ol.entries > li").last.inner_text()
    assert "cramp" in episode
    assert "severity 6" in episode
