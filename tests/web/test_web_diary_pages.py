"""The food diary and analysis pages: lines read as the core reads them (splits, doubt),
type-ahead with the food's own portions, one click to pick another food (remembered), and
the analysis as the core's figures in a chart and a table."""

from __future__ import annotations

import html
import re
from typing import Any

from twitchcheck.web.pages._common import number
from twitchcheck.web.security import csrf_value
from web.conftest import TOKEN
from web.test_web_pages import add_person, page_checks

CSRF = csrf_value(TOKEN)
DAY = "2026-11-20"


def add_line(client: Any, person: int, text: str, day: str = DAY, **extra: str) -> Any:
    data = {"csrf": CSRF, "day": day, "text": text, **extra}
    return client.post(f"/people/{person}/diary/lines", data=data, follow_redirects=False)


def test_a_typed_line_is_read_as_the_core_reads_it(client: Any) -> None:
    from twitchcheck.diary import parse_diary_text

    person = add_person(client, age_years="40")
    assert add_line(client, person, "2 slices of toast with butter").status_code == 303
    page = client.get(f"/people/{person}/diary?day={DAY}").text
    page_checks(page)
    core = parse_diary_text(f"{DAY}\n2 slices of toast with butter\n", "text")
    assert len(core.entries) == 2  # a split line: the page shows both parts
    for entry in core.entries:
        assert html.escape(entry.item.food.name) in page
    assert page.count("one part of the line") == 2


def test_a_doubtful_line_offers_other_foods_and_the_pick_is_remembered(client: Any) -> None:
    person = add_person(client, age_years="40")
    add_line(client, person, "chicken salad sandwich")
    page = client.get(f"/people/{person}/diary?day={DAY}").text
    assert "not sure" in page
    pattern = r'action="(/people/\d+/diary/lines/\d+/food)".*?name="food" value="([^"]+)"'
    forms = re.findall(pattern, page, re.S)
    assert forms
    action, food = forms[0]
    response = client.post(action, data={"csrf": CSRF, "food": food}, follow_redirects=False)
    assert response.status_code == 303
    corrections = client.get(f"/api/profiles/{person}/corrections").json()
    assert corrections == [{"wording": "chicken salad sandwich", "food_id": food}]
    add_line(client, person, "chicken salad sandwich", day="2026-11-21")
    page = client.get(f"/people/{person}/diary?day=2026-11-21").text
    assert "the food you picked" in page


def test_type_ahead_gives_foods_and_their_household_portions(client: Any) -> None:
    from twitchcheck.foods import get, search

    person = add_person(client)
    fragment = client.get(
        f"/people/{person}/diary/search", params={"q": "banana", "day": DAY},
        headers={"HX-Request": "true"},
    ).text  # fmt: skip
    assert "<main" not in fragment  # a fragment for HTMX
    first = search("banana", limit=1)[0]
    assert html.escape(first.name) in fragment
    whole = client.get(f"/people/{person}/diary/search", params={"q": "banana", "day": DAY})
    assert "<main" in whole.text  # without HTMX, the whole page
    pick = client.get(
        f"/people/{person}/diary/pick", params={"food": "sr28:09040", "day": DAY},
        headers={"HX-Request": "true"},
    ).text  # fmt: skip
    portions = get("sr28:09040").to_dict()["portions"]
    assert html.escape(f"{portions[0]['unit']} ({portions[0]['grams']:g} g)") in pick
    response = client.post(
        f"/people/{person}/diary/lines",
        data={"csrf": CSRF, "day": DAY, "food": "sr28:09040", "amount": "2", "portion": "1"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    saved = client.get(f"/api/profiles/{person}/diary").json()[0]["entries"][0]
    assert saved["food_id"] == "sr28:09040"
    assert saved["grams"] == 2 * portions[0]["grams"]


def test_bad_lines_are_refused_next_to_their_field_and_nothing_saved(client: Any) -> None:
    person = add_person(client)
    response = add_line(client, person, "", day="2026-13-01", time="25:00")
    assert response.status_code == 422
    page_checks(response.text)
    for field in ("text", "time", "day"):
        assert f'id="{field}-error"' in response.text
    assert client.get(f"/api/profiles/{person}/diary").json() == []


def test_a_line_is_edited_and_removed(client: Any) -> None:
    person = add_person(client)
    add_line(client, person, "1 banana")
    line = client.get(f"/api/profiles/{person}/diary").json()[0]["entries"][0]
    client.post(
        f"/people/{person}/diary/lines/{line['id']}",
        data={"csrf": CSRF, "day": DAY, "text": "2 bananas", "meal": "breakfast"},
    )
    edited = client.get(f"/api/profiles/{person}/diary").json()[0]["entries"][0]
    assert (edited["text"], edited["meal"]) == ("2 bananas", "breakfast")
    assert edited["grams"] > line["grams"]
    client.post(
        f"/people/{person}/diary/lines/{line['id']}/delete", data={"csrf": CSRF, "day": DAY}
    )
    assert client.get(f"/api/profiles/{person}/diary").json() in ([], [{"day": DAY, "entries": []}])


def test_an_own_food_counts_its_lines(client: Any) -> None:
    person = add_person(client)
    client.post(
        f"/people/{person}/foods",
        data={
            "csrf": CSRF,
            "day": DAY,
            "name": "my porridge",
            "lines": "40 g oats\n250 ml oat milk",
        },
    )
    add_line(client, person, "my porridge")
    page = client.get(f"/people/{person}/diary?day={DAY}").text
    assert "my porridge" in page
    assert page.count("one part of the line") + page.count("<li>") > 2


def test_the_analysis_shows_the_cores_figures_in_a_chart_and_a_table(client: Any) -> None:
    from twitchcheck.diary import parse_diary_text
    from twitchcheck.profile import Person
    from twitchcheck.workflows import analyse_diary

    person = add_person(client, age_years="40")
    empty = client.get(f"/people/{person}/analysis").text
    assert "nothing in the diary yet" in empty
    lines = {"2026-11-20": ["porridge with milk", "1 banana"], "2026-11-21": ["2 eggs", "1 apple"]}
    for day, texts in lines.items():
        for text in texts:
            add_line(client, person, text, day=day)
    page = client.get(f"/people/{person}/analysis").text
    page_checks(page)
    assert '<svg class="chart"' in page
    assert "<table" in page
    diary = parse_diary_text(
        "\n".join(f"{day}\n" + "\n".join(texts) for day, texts in lines.items()), "text"
    )
    core = analyse_diary(diary, Person.parse("40", "female")).to_dict()
    magnesium = core["adequacy"]["magnesium_mg"]
    from twitchcheck.web.pages._common import number

    assert f"{number(magnesium['percent_of_target'])}% of RDA" in html.unescape(page)
    assert core["energy_check"]["verdict"] == "under_recorded"
    assert "under-recorded" in page


def test_an_export_is_previewed_and_saved_only_when_confirmed(client: Any) -> None:
    from pathlib import Path

    from twitchcheck.diary import read_diary

    person = add_person(client)
    export = Path(__file__).resolve().parent.parent / "data/diaries/cronometer_servings.csv"
    core = read_diary(export)
    preview = client.post(
        f"/people/{person}/diary/import",
        data={"csrf": CSRF, "format": ""},
        files={"file": ("servings.csv", export.read_bytes(), "text/csv")},
    )
    assert preview.status_code == 200, preview.text
    page_checks(preview.text)
    assert f"{len(core.entries)} line(s)" in preview.text
    assert "cronometer" in preview.text
    assert client.get(f"/api/profiles/{person}/diary").json() == []  # nothing saved yet
    text = html.unescape(
        re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', preview.text, re.S).group(1)
    )
    confirmed = client.post(
        f"/people/{person}/diary/import/confirm",
        data={"csrf": CSRF, "format": "", "text": text},
        follow_redirects=False,
    )
    assert confirmed.status_code == 303
    days = client.get(f"/api/profiles/{person}/diary").json()
    assert [day["day"] for day in days] == [d.isoformat() for d in core.days]
    assert sum(len(day["entries"]) for day in days) == len(core.entries)


def test_an_unreadable_file_is_refused_next_to_the_file_field(client: Any) -> None:
    person = add_person(client)
    response = client.post(
        f"/people/{person}/diary/import",
        data={"csrf": CSRF},
        files={"file": ("x.bin", b"\x00\x01\x02" * 50, "application/octet-stream")},
    )
    assert response.status_code == 422
    assert 'id="file-error"' in response.text
    refused = client.post(
        f"/people/{person}/diary/import", files={"file": ("x.txt", b"2026-11-20\n1 banana\n")}
    )
    assert refused.status_code == 403  # a multipart form needs the CSRF token too


def test_any_line_can_be_given_another_food_from_the_type_ahead(client: Any) -> None:
    from twitchcheck.foods import search

    person = add_person(client)
    add_line(client, person, "1 banana")
    saved = client.get(f"/api/profiles/{person}/diary").json()[0]["entries"][0]
    line = saved["id"]
    # another banana than the one the core chose, one that comes in whole fruit
    wanted = next(m for m in search("bananas raw", limit=10) if m.id != saved["food_id"])
    fragment = client.get(
        f"/people/{person}/diary/search", params={"q": "bananas raw", "day": DAY, "line": line},
        headers={"HX-Request": "true"},
    ).text  # fmt: skip
    assert f'action="/people/{person}/diary/lines/{line}/food"' in fragment
    assert f'value="{wanted.id}"' in fragment
    whole = client.get(
        f"/people/{person}/diary/search", params={"q": "bananas raw", "day": DAY, "line": line}
    ).text
    assert f'action="/people/{person}/diary/lines/{line}/food"' in whole  # without HTMX too
    client.post(f"/people/{person}/diary/lines/{line}/food", data={"csrf": CSRF, "food": wanted.id})
    page = client.get(f"/people/{person}/diary?day={DAY}").text
    assert html.escape(wanted.name) in page
    assert "the food you picked for this wording" in page


def _zipped(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_an_opennutritracker_zip_is_uploaded_previewed_then_saved(client: Any) -> None:
    from pathlib import Path

    from twitchcheck.diary import read_diary

    person = add_person(client)
    intake = (
        Path(__file__).resolve().parent.parent / "data/diaries/opennutritracker_user_intake.json"
    )
    core = read_diary(intake)
    export = _zipped({"user_activity.json": b"[]", "user_intake.json": intake.read_bytes()})
    preview = client.post(
        f"/people/{person}/diary/import",
        data={"csrf": CSRF, "format": ""},
        files={"file": ("opennutritracker-export.zip", export, "application/zip")},
    )
    assert preview.status_code == 200, preview.text
    page_checks(preview.text)
    assert f"{len(core.entries)} line(s)" in preview.text
    assert "read as <strong>opennutritracker</strong>" in preview.text
    assert client.get(f"/api/profiles/{person}/diary").json() == []  # nothing saved yet
    text = html.unescape(
        re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', preview.text, re.S).group(1)
    )
    assert text == intake.read_text(encoding="utf-8")  # the member, not the zip's bytes
    confirmed = client.post(
        f"/people/{person}/diary/import/confirm",
        data={"csrf": CSRF, "format": "", "text": text},
        follow_redirects=False,
    )
    assert confirmed.status_code == 303
    days = client.get(f"/api/profiles/{person}/diary").json()
    assert sum(len(day["entries"]) for day in days) == len(core.entries)


def test_a_zip_bomb_a_zip_without_a_diary_and_a_broken_zip_are_refused(client: Any) -> None:
    from twitchcheck.limits import limit

    person = add_person(client)
    most = int(limit("input.file_bytes"))
    bomb = _zipped({"user_intake.json": b" " * (most + 1)})  # ~10 KB that unpacks past 10 MB
    assert len(bomb) < 100_000
    cases = {
        "bomb.zip": (bomb, "too large to be a food diary"),
        "photos.zip": (_zipped({"cat.jpg": b"\xff\xd8"}), "expected an OpenNutriTracker export"),
        "broken.zip": (b"PK\x03\x04" + b"\x00" * 40, "cannot be opened"),
    }
    for name, (data, message) in cases.items():
        response = client.post(
            f"/people/{person}/diary/import",
            data={"csrf": CSRF, "format": ""},
            files={"file": (name, data, "application/octet-stream")},
        )
        assert response.status_code == 422, name
        error = re.search(r'<p class="error" id="file-error">(.*?)</p>', response.text, re.S)
        assert error is not None, name
        assert message in html.unescape(error.group(1)), name
    assert client.get(f"/api/profiles/{person}/diary").json() == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    import pytest

    from twitchcheck.errors import InputError
    from twitchcheck.limits import limit
    from twitchcheck.web.pages.diary import uploaded_text

    most = int(limit("input.file_bytes"))
    assert uploaded_text(b"2026-11-20\n1 banana\n") == "2026-11-20\n1 banana\n"
    with pytest.raises(InputError, match="too large to be a food diary"):
        uploaded_text(b"2026-11-20\n" + b"1 banana\n" * (most // 9 + 1))


CRONOMETER = "data/diaries/cronometer_servings.csv"


def _usual(analysis: dict[str, Any], key: str) -> float:
    return float(analysis["adequacy"][key]["total"])


def test_an_exports_own_nutrients_are_kept_and_counted_when_chosen(client: Any) -> None:
    from pathlib import Path

    from twitchcheck.diary import read_diary
    from twitchcheck.profile import Person
    from twitchcheck.workflows import analyse_diary

    export = Path(__file__).resolve().parent.parent / CRONOMETER
    core = read_diary(export)
    figures = analyse_diary(core, Person.parse("40", "female")).to_dict()
    both, people = {}, {}
    for use in (True, False):
        person = add_person(client, name=f"Cro {use}", age_years="40")
        body = {"text": export.read_text(encoding="utf-8"), "use_given": use}
        saved = client.post(f"/api/profiles/{person}/diary/import", json=body)
        assert saved.status_code == 201, saved.text
        lines = [
            e for d in client.get(f"/api/profiles/{person}/diary").json() for e in d["entries"]
        ]
        assert len(lines) == len(core.entries)
        for line, entry in zip(lines, core.entries, strict=True):  # kept either way
            assert line["given"]["source"] == "Cronometer export"
            assert line["given"]["use"] is use
            assert line["given"]["nutrients"]["magnesium_mg"] == entry.nutrients["magnesium_mg"]
        page = html.unescape(client.get(f"/people/{person}/analysis").text)
        page_checks(page)
        both[use], people[use] = page, person
    chosen, matched = both[True], both[False]
    shown = f"{len(core.entries)} line(s) from the Cronometer export"
    assert shown in chosen  # which figures were used
    assert shown not in matched
    magnesium = number(_usual(figures, "magnesium_mg"))
    assert f"{magnesium} mg" in chosen  # the export's own figures, as diet analyze reads them
    assert f"{magnesium} mg" not in matched  # USDA's figures for the foods' names differ
    day = html.unescape(client.get(f"/people/{people[True]}/diary?day=2026-11-16").text)
    assert "(the Cronometer export's own figures)" in day


def test_the_import_page_asks_which_figures_count(client: Any) -> None:
    from pathlib import Path

    person = add_person(client)
    text = (Path(__file__).resolve().parent.parent / CRONOMETER).read_text(encoding="utf-8")
    preview = client.post(
        f"/people/{person}/diary/import", data={"csrf": CSRF, "format": "", "text": text}
    ).text
    page_checks(preview)
    assert 'name="use_given" value="yes" checked' in preview
    client.post(
        f"/people/{person}/diary/import/confirm",
        data={"csrf": CSRF, "format": "", "text": text, "use_given": "no"},
    )
    lines = client.get(f"/api/profiles/{person}/diary").json()[0]["entries"]
    assert {line["given"]["use"] for line in lines} == {False}
    day = html.unescape(client.get(f"/people/{person}/diary?day=2026-11-16").text)
    assert "Matched by its name; the Cronometer export's own figures are kept" in day
    plain = add_person(client, name="Plain")
    client.post(
        f"/people/{plain}/diary/import/confirm",
        data={"csrf": CSRF, "format": "", "text": "2026-11-20\n1 banana\n"},
    )
    assert client.get(f"/api/profiles/{plain}/diary").json()[0]["entries"][0]["given"] is None
