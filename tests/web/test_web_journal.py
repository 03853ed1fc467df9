"""The journal's pages and API (issue 15): the night page records an episode in one tap and
takes its details later, a quiet night is checked in, a day's factors default to the last
day's, trends, triggers and the N-of-1 experiment show the core's results, and the person's
data can be exported and deleted (after typing the name)."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest

from twitchcheck.web.pages.journal import last_night
from twitchcheck.web.security import csrf_value, style_hashes
from web.conftest import TOKEN
from web.test_web_pages import add_person, page_checks

CSRF = csrf_value(TOKEN)
NOW = dt.datetime(2026, 11, 21, 2, 30)  # in the night of 20 November


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages' clock at 02:30 on 21 November."""
    from twitchcheck.web.pages import journal

    monkeypatch.setattr(journal, "now", lambda: NOW)


def post(client: Any, path: str, **data: str) -> Any:
    return client.post(path, data={"csrf": CSRF, **data}, follow_redirects=False)


def episodes(client: Any, person: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get(f"/api/profiles/{person}/journal/episodes").json()
    return found


def test_one_tap_records_an_episode_now_and_its_details_wait(client: Any) -> None:
    person = add_person(client)
    page = client.get(f"/people/{person}/night").text
    page_checks(page)
    assert '<body class="night"' in page  # dark whatever the system's theme
    assert "Record an episode now" in page
    assert post(client, f"/people/{person}/night/episodes").status_code == 303
    [saved] = episodes(client, person)
    assert saved["details_to_add"] is True
    assert (saved["start"], saved["night"]) == ("2026-11-21T02:30", "2026-11-20")
    page = html.unescape(client.get(f"/people/{person}/night").text)
    for kind in ("Twitch", "Cramp", "Restless legs"):
        assert f"<strong>{kind}</strong>" in page  # told apart in plain words
    assert "The muscle does not go hard" in page
    path = f"/people/{person}/journal/episodes/{saved['id']}"
    refused = post(client, path, kind="cramp", severity="11", count="2.5")
    assert refused.status_code == 422
    assert 'id="severity-error"' in refused.text
    assert 'id="count-error"' in refused.text
    assert episodes(client, person)[0]["details_to_add"] is True  # nothing half-saved
    details = {"kind": "cramp", "where": "left calf, right foot", "count": "1",
               "duration_min": "3", "severity": "6", "sleep_disruption": "5"}  # fmt: skip
    assert post(client, path, **details).status_code == 303
    [done] = episodes(client, person)
    assert (done["kind"], done["where"], done["severity"]) == (
        "cramp",
        ["left calf", "right foot"],
        6,
    )
    assert (done["duration_min"], done["sleep_disruption"], done["details_to_add"]) == (3, 5, False)


def test_a_quiet_night_is_checked_in_and_refused_once_it_had_an_episode(client: Any) -> None:
    person = add_person(client)
    night = last_night(NOW)
    assert post(client, f"/people/{person}/night/quiet").status_code == 303
    days = client.get(f"/api/profiles/{person}/journal/days").json()
    assert days == [{"date": night.isoformat(), "factors": {}, "quiet_night": True}]
    assert "a quiet night, with no episode" in client.get(f"/people/{person}/night").text
    other = add_person(client, name="Bo")
    post(client, f"/people/{other}/night/episodes")
    refused = post(client, f"/people/{other}/night/quiet")
    assert "It was a quiet night" not in refused.text  # a night with an episode offers none
    journal = client.get(f"/people/{other}/journal").text
    page_checks(journal)
    assert "Details to add (1)" in journal


def test_the_days_factors_default_to_the_last_days(client: Any) -> None:
    person = add_person(client)
    yesterday, today = "2026-11-20", "2026-11-21"
    saved = post(
        client, f"/people/{person}/journal/day", date=yesterday, caffeine_mg="300",
        caffeine_after_2pm="yes", stress="7", exercise="light", took="magnesium citrate",
    )  # fmt: skip
    assert saved.status_code == 303
    days = client.get(f"/api/profiles/{person}/journal/days").json()
    assert days[0]["factors"] == {"caffeine_mg": 300, "caffeine_after_2pm": True, "stress": 7,
                                  "exercise": "light", "took_magnesium_citrate": True}  # fmt: skip
    page = client.get(f"/people/{person}/journal/day?date={today}").text
    page_checks(page)
    assert "Filled in from your last recorded day" in page
    assert 'value="300"' in page
    assert 'value="magnesium citrate"' in page
    line = {"csrf": CSRF, "day": today, "text": "a mug of coffee", "time": "15:30"}
    client.post(f"/people/{person}/diary/lines", data=line)
    page = html.unescape(client.get(f"/people/{person}/journal/day?date={today}").text)
    assert re.search(
        r"Your food diary for this day: \d+ mg of caffeine.*, some of it after 2 p\.m\.", page
    )
    refused = post(client, f"/people/{person}/journal/day", date=today, stress="12", fluids_l="x")
    assert refused.status_code == 422
    assert 'id="stress-error"' in refused.text
    assert 'id="fluids_l-error"' in refused.text
    assert len(client.get(f"/api/profiles/{person}/journal/days").json()) == 1  # nothing saved


def test_the_api_gives_the_files_format_and_the_triggers_json(client: Any) -> None:
    person = add_person(client)
    base = f"/api/profiles/{person}/journal"
    made = client.post(f"{base}/episodes", json={"start": "2026-11-21T02:30", "kind": "cramp"})
    assert made.status_code == 201, made.text
    assert made.json()["night"] == "2026-11-20"
    bad = client.post(f"{base}/episodes", json={"start": "2026-11-21T02:30", "kind": "yawn"})
    assert bad.status_code == 400
    assert "error" in bad.json()
    edited = client.patch(f"{base}/episodes/{made.json()['id']}", json={"severity": 4})
    assert edited.json()["severity"] == 4
    day = client.put(
        f"{base}/days/2026-11-22", json={"factors": {"stress": 3}, "quiet_night": True}
    )
    assert day.json() == {"date": "2026-11-22", "factors": {"stress": 3}, "quiet_night": True}
    assert client.get(base).json() == {
        "episodes": [{"start": "2026-11-21T02:30", "kind": "cramp", "severity": 4}],
        "days": [{"date": "2026-11-22", "factors": {"stress": 3}, "quiet_night": True}],
    }
    triggers = client.get(f"{base}/triggers").json()
    assert set(triggers) == {"days", "findings", "not_enough_data"}
    assert triggers["days"] == 2
    assert client.delete(f"{base}/episodes/{made.json()['id']}").status_code == 204


def _seed(client: Any, person: int, nights: int = 21) -> None:
    base = f"/api/profiles/{person}/journal"
    first = dt.date(2026, 10, 1)
    for i in range(nights):
        night = first + dt.timedelta(days=i)
        if i % 3 == 0:
            start = f"{(night + dt.timedelta(days=1)).isoformat()}T02:30"
            body = {"start": start, "kind": "cramp", "severity": 3 + i % 5}
            assert client.post(f"{base}/episodes", json=body).status_code == 201
        else:
            client.put(f"{base}/days/{night.isoformat()}", json={"quiet_night": True})
        client.put(f"{base}/days/{night.isoformat()}", json={"factors": {"stress": i % 10}})


def test_trends_triggers_and_the_experiment(client: Any) -> None:
    person = add_person(client)
    empty = client.get(f"/people/{person}/journal/trends").text
    assert "No night recorded yet" in empty
    _seed(client, person)
    lab = {"taken_on": "2026-10-08", "analyte": "magnesium", "value": 0.7, "unit": "mmol/L"}
    client.post(f"/api/profiles/{person}/labs", json={"results": [lab]})
    diary = {"text": "2026-10-05\n1 banana\n1 cup of coffee\n"}
    assert client.post(f"/api/profiles/{person}/diary/import", json=diary).status_code == 201
    trends = client.get(f"/people/{person}/journal/trends").text
    page_checks(trends)
    assert trends.count('class="bar"') == 3 + 1  # four weeks, each with recorded nights
    assert trends.count('class="lab"') == 1  # the lab on the same weeks
    assert "mean severity" in trends
    assert re.search(r"1 diary day\(s\), magnesium \d+ mg and caffeine \d+ mg a day", trends)
    triggers = html.unescape(client.get(f"/people/{person}/journal/triggers").text)
    page_checks(triggers)
    assert "From 21 recorded night(s)" in triggers
    assert "Not enough data yet" in triggers
    assert "caused" not in triggers
    started = post(client, f"/people/{person}/journal/experiment", change="stretching", weeks="2")
    assert started.status_code == 422
    assert 'id="weeks-error"' in started.text or 'id="change-error"' in started.text
    ok = post(
        client, f"/people/{person}/journal/experiment", change="no_caffeine_after_2pm", weeks="6"
    )
    assert ok.status_code == 303
    page = html.unescape(client.get(f"/people/{person}/journal/experiment").text)
    page_checks(page)
    assert "Now: No caffeine after 2 p.m." in page
    assert "Status: running" in page
    assert re.search(r"Tonight: with(out)? the change", page)


def test_report_export_and_delete_after_confirmation(client: Any) -> None:
    person = add_person(client, name="Dora")
    _seed(client, person, nights=7)
    report = client.get(f"/people/{person}/report")
    assert report.status_code == 200
    assert "Dora" in report.text
    policy = report.headers["content-security-policy"]  # its own inline style, and no other
    [style] = re.findall(r"<style[^>]*>(.*?)</style>", report.text, re.S)
    assert f"'{style_hashes(f'<style>{style}</style>')}'" in policy
    assert "unsafe-inline" not in policy
    assert "x-twitchcheck-style-hash" not in report.headers
    assert "sha256-" not in client.get(f"/people/{person}/").headers["content-security-policy"]
    exported = client.get(f"/people/{person}/export")
    assert exported.headers["content-disposition"].startswith("attachment;")
    tables = exported.json()["tables"]
    assert len(tables["journal_episodes"]) == 3
    form = client.get(f"/people/{person}/delete").text
    page_checks(form)
    refused = post(client, f"/people/{person}/delete", confirm="someone else")
    assert refused.status_code == 422
    assert 'id="confirm-error"' in refused.text
    assert client.get(f"/api/profiles/{person}").status_code == 200  # nothing deleted
    assert post(client, f"/people/{person}/delete", confirm="  dora ").status_code == 303
    assert client.get(f"/api/profiles/{person}").status_code == 404


@pytest.mark.parametrize("page", ["night", "journal", "journal/day", "journal/trends",
                                  "journal/triggers", "journal/experiment", "delete"])  # fmt: skip
def test_every_journal_page_has_labelled_fields(client: Any, page: str) -> None:
    person = add_person(client)
    _seed(client, person, nights=3)
    text = client.get(f"/people/{person}/{page}").text
    page_checks(text)
    for field in re.findall(r"<(?:input|select|textarea)[^>]*>", text):
        if 'type="hidden"' in field or 'type="radio"' in field or "hidden" in field.split():
            continue
        found = re.search(r'id="([^"]+)"', field)
        assert found is not None, field
        assert f'for="{found.group(1)}"' in text, f"no label for {field}"


@pytest.mark.slow
def test_the_report_as_a_pdf(client: Any) -> None:
    person = add_person(client, name="Eli")
    _seed(client, person, nights=7)
    pdf = client.get(f"/people/{person}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_the_report_and_the_files_are_not_swapped_in_by_htmx(client: Any) -> None:
    """A boosted link would put the PDF, the JSON or the report's own document inside this
    page's body: those links load as the browser loads any file."""
    person = add_person(client)
    for page in ("", "journal", "delete"):
        text = client.get(f"/people/{person}/{page}").text
        for link in re.findall(r'<a [^>]*href="/people/\d+/(?:report|export)[^"]*"[^>]*>', text):
            assert 'hx-boost="false"' in link, link
