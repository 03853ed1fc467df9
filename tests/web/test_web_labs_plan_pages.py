"""The labs and plan pages: a value in any unit is read by the core and kept with the lab's
own range; the plan is the core's, saved, with what changed it shown before the foods."""

from __future__ import annotations

import html
import re
from typing import Any

from twitchcheck.web.security import csrf_value
from web.conftest import TOKEN
from web.test_web_pages import add_person, page_checks

CSRF = csrf_value(TOKEN)


def add_lab(client: Any, person: int, **fields: str) -> Any:
    data = {"csrf": CSRF, "taken_on": "2026-10-01", "analyte": "magnesium", **fields}
    return client.post(f"/people/{person}/labs", data=data, follow_redirects=False)


def test_labs_in_two_units_are_read_by_the_core_and_charted(client: Any) -> None:
    from twitchcheck.labs import interpret_labs

    person = add_person(client)
    first = add_lab(client, person, value="1.5", unit="mg/dL", range_low="1.7", range_high="2.2")
    assert first.status_code == 303
    second = add_lab(client, person, taken_on="2026-11-01", value="0.8", unit="mmol/L")
    assert second.status_code == 303
    page = client.get(f"/people/{person}/labs").text
    page_checks(page)
    low, normal = interpret_labs(["magnesium 1.5 mg/dL", "magnesium 0.8 mmol/L"])
    assert (low.status, normal.status) == ("low", "normal")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "below the lab's range" in text
    assert f"{low.si_value:.3g} mmol/L" in text
    assert page.count('<circle class="dot"') == 2  # one history, two results
    assert '<rect class="band"' not in page  # the latest result gave no range of its own
    saved = client.get(f"/api/profiles/{person}/labs").json()
    assert [(lab["value"], lab["unit"]) for lab in saved] == [(1.5, "mg/dL"), (0.8, "mmol/L")]
    assert saved[0]["range_low"] == 1.7


def test_a_unit_the_test_is_not_reported_in_is_refused_next_to_it(client: Any) -> None:
    person = add_person(client)
    response = add_lab(client, person, value="0.8", unit="ng/mL")
    assert response.status_code == 422
    page_checks(response.text)
    error = re.search(r'id="unit-error">(.*?)</p>', response.text, re.S)
    assert error is not None
    assert "mmol/L" in error.group(1)
    swapped = add_lab(client, person, value="0.8", unit="mmol/L", range_low="2", range_high="1")
    assert 'id="range_high-error"' in swapped.text
    assert client.get(f"/api/profiles/{person}/labs").json() == []


def test_a_plan_shows_what_changed_it_first_and_is_saved(client: Any) -> None:
    person = add_person(client, age_years="60")
    page = client.get(f"/people/{person}/plan").text
    page_checks(page)
    refused = client.post(f"/people/{person}/plan", data={"csrf": CSRF, "source": "gaps"})
    assert refused.status_code == 422
    assert 'id="gaps-error"' in refused.text
    data = {
        "csrf": CSRF, "source": "gaps", "gaps": ["potassium", "magnesium"],
        "medications": "spironolactone", "conditions": "chronic kidney disease stage 4",
    }  # fmt: skip
    response = client.post(f"/people/{person}/plan", data=data, follow_redirects=False)
    assert response.status_code == 303
    result = client.get(response.headers["location"]).text
    page_checks(result)
    saved = client.get(f"/api/profiles/{person}/plans").json()[0]
    change = saved["result"]["plan_changes"][0]["text"]
    text = html.unescape(result)
    assert change in text
    assert text.index(change) < text.index("The plan: add these each day")
    for item in saved["result"]["plan"]["items"]:
        assert item["food"]["name"] in text
    assert "Before and after" in text
    assert saved["request"]["medications"] == ["spironolactone"]


def test_a_bad_medicine_is_shown_next_to_its_field(client: Any) -> None:
    person = add_person(client)
    data = {"csrf": CSRF, "source": "gaps", "gaps": ["magnesium"], "medications": "notadrug"}
    response = client.post(f"/people/{person}/plan", data=data)
    assert response.status_code == 422
    assert 'id="medications-error"' in response.text
    assert client.get(f"/api/profiles/{person}/plans").json() == []
