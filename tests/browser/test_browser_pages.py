"""The whole investigation in a real browser: add a person, screen them and read the result,
log three days of food with type-ahead and see the analysis, enter labs in two units, get a
plan, edit and delete an entry, reload and find everything kept. Every page is checked with
axe-core in light and dark, at 390 px without horizontal scroll, and makes no request off
this machine (the `page` fixture)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from browser.conftest import check_accessibility, check_phone_width

pytestmark = pytest.mark.slow


def add_person(page: Any, name: str, age: str = "64") -> str:
    page.goto("/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Age in years").fill(age)
    page.get_by_label("female").check()
    submit(page, page.get_by_role("button", name="Add this person"))
    page.wait_for_url(re.compile(r"/people/\d+/$"))
    return str(page.url)


def submit(page: Any, button: Any) -> None:
    """Click a form's button and wait until HTMX has swapped in the answer (a boosted form
    is sent without a page load, so there is no load event to wait for)."""

    def answered(response: Any) -> bool:
        return response.status in (200, 404, 422) and "/static/" not in response.url

    with page.expect_response(answered):
        button.click()
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def next_step(page: Any) -> None:
    submit(page, page.get_by_role("button", name="Next"))


def test_screen_a_person_and_read_the_result(page: Any) -> None:
    check_accessibility(page, "home empty")
    check_phone_width(page, "home")
    person = add_person(page, "Ann")
    check_accessibility(page, "person page")
    page.get_by_role("link", name="Screening").first.click()
    page.wait_for_url(re.compile(r"/screen$"))
    check_accessibility(page, "screening first step")
    next_step(page)  # age and sex come from the profile
    page.get_by_label("Muscle cramps").check()
    page.get_by_label("Symptoms at night").check()
    next_step(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Screening: The twitches or cramps"
    page.get_by_label("For how many weeks").fill("lots")
    next_step(page)
    error = page.locator("#twitch-since_weeks-error")
    assert "is not a number" in error.inner_text()  # shown next to its field
    check_accessibility(page, "screening with an error")
    page.get_by_label("For how many weeks").fill("8")
    next_step(page)
    page.get_by_label("Medicines you take").fill("hydrochlorothiazide, omeprazole")
    page.get_by_label("Supplements, one per line").fill("magnesium citrate 400 mg daily")
    next_step(page)
    while page.get_by_role("button", name="Next").count():
        if page.get_by_label("Recent blood tests, one per line").count():
            page.get_by_label("Recent blood tests, one per line").fill("potassium 3.3 mmol/L")
        next_step(page)
    page.wait_for_url(re.compile(r"/screenings/\d+$"))
    triage = page.locator(".triage")
    assert "See a doctor" in triage.inner_text()
    assert triage.locator(".icon").inner_text().strip()  # an icon beside the words
    first = page.locator("ol.contributors > li").first
    first.locator("summary").first.click()
    assert first.locator("details").first.get_attribute("open") is not None
    check_accessibility(page, "screening result")
    check_phone_width(page, "screening-result")
    page.emulate_media(media="print")  # the print style: the result without nav or forms
    assert not page.locator("header nav").is_visible()
    assert page.locator(".triage").is_visible()
    assert not page.get_by_role("button", name="Screen again").is_visible()
    page.emulate_media(media="screen")
    page.reload()
    assert "See a doctor" in page.locator(".triage").inner_text()
    page.goto(person)
    assert "Last screening" in page.locator("main").inner_text()


def test_three_days_of_food_with_type_ahead_and_the_analysis(page: Any) -> None:
    person = add_person(page, "Ben", age="40")
    page.goto(person + "diary")
    check_accessibility(page, "diary empty")
    page.get_by_label("Time (optional)").last.fill("25:99")
    submit(page, page.get_by_role("button", name="Add the line"))
    assert page.locator("#text-error").count() == 1
    assert page.locator("#time-error").count() == 1
    check_accessibility(page, "diary with errors")
    days = {
        "2026-11-18": ["porridge with milk", "2 slices of toast with butter"],
        "2026-11-19": ["chicken salad sandwich", "a mug of tea with milk"],
        "2026-11-20": ["2 eggs", "1 apple"],
    }
    for day, lines in days.items():
        page.goto(f"{person}diary?day={day}")
        search = page.get_by_label("Food name")
        search.press_sequentially("banan", delay=40)
        result = page.locator("#food-results a").first
        result.wait_for()  # type-ahead: the results came without a page load
        assert "anana" in result.inner_text()
        result.click()
        page.locator("#pick-form").wait_for()
        page.get_by_label("Portion").select_option(index=1)
        submit(page, page.get_by_role("button", name=re.compile("^Add ")).first)
        for text in lines:
            page.get_by_label("What was eaten").last.fill(text)
            submit(page, page.get_by_role("button", name="Add the line"))
        assert page.locator("ol.entries > li").count() == len(lines) + 1
    page.goto(f"{person}diary?day=2026-11-18")
    assert page.get_by_text("one part of the line").count() >= 2  # toast with butter, split
    check_accessibility(page, "diary filled")
    check_phone_width(page, "diary")
    page.goto(f"{person}diary?day=2026-11-19")
    assert page.get_by_text("not sure").count() >= 1
    submit(page, page.locator("form[action$='/food'] button").first)  # pick another food
    assert page.get_by_text("the food you picked for this wording").count() == 1
    entry = page.locator("ol.entries > li").last
    entry.get_by_text("Edit or remove").click()
    entry.get_by_label("What was eaten").fill("2 apples")
    submit(page, entry.get_by_role("button", name="Save the line"))
    assert page.get_by_text("2 apples").count() >= 1
    entry = page.locator("ol.entries > li").last
    entry.get_by_text("Edit or remove").click()
    submit(page, entry.get_by_role("button", name="Remove this line"))
    assert page.get_by_text("2 apples").count() == 0
    page.goto(f"{person}diary?day=2026-11-20")
    entry = page.locator("ol.entries > li").last  # "1 apple"
    entry.get_by_text("Another food for this line").click()
    entry.get_by_label("The food it meant").press_sequentially("apples raw", delay=30)
    use = entry.get_by_role("button", name=re.compile("^Use ")).first
    use.wait_for()  # type-ahead results for this line, as buttons
    submit(page, use)
    assert page.get_by_text("the food you picked for this wording").count() == 1
    page.goto(person + "analysis")
    assert page.locator("svg.chart").count() == 1
    assert page.locator("table tbody tr").count() == 5
    check_accessibility(page, "analysis")
    check_phone_width(page, "analysis")
    page.reload()
    assert "3 day(s)" in page.locator("main").inner_text()  # kept across a reload


def test_labs_in_two_units_and_a_plan(page: Any) -> None:
    person = add_person(page, "Cal", age="60")
    page.goto(person + "labs")
    check_accessibility(page, "labs empty")
    for day, value, unit in (("2026-10-01", "1.5", "mg/dL"), ("2026-11-01", "0.8", "mmol/L")):
        page.get_by_label("Date the blood was taken").fill(day)
        page.get_by_label("Test", exact=True).select_option("magnesium")
        page.get_by_label("Result", exact=True).fill(value)
        page.get_by_label("Unit, as on the report").select_option(unit)
        submit(page, page.get_by_role("button", name="Save the result"))
    page.get_by_label("Result", exact=True).fill("-1")
    submit(page, page.get_by_role("button", name="Save the result"))
    assert page.locator("#value-error").count() == 1
    check_accessibility(page, "labs with an error")
    page.reload()
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    assert "low" in rows.first.inner_text()
    assert "normal" in rows.last.inner_text()
    assert page.locator("svg.chart circle").count() == 2
    check_accessibility(page, "labs filled")
    check_phone_width(page, "labs")
    page.goto(person + "plan")
    check_accessibility(page, "plan form")
    page.get_by_label("Medicines (comma-separated)").fill("notadrug")
    submit(page, page.get_by_role("button", name="Make the plan"))
    assert page.locator("#medications-error").count() == 1
    check_accessibility(page, "plan with errors")
    page.get_by_label("potassium").check()
    page.get_by_label("magnesium", exact=True).check()
    page.get_by_label("Medicines (comma-separated)").fill("spironolactone")
    page.get_by_label("Conditions (comma-separated)").fill("chronic kidney disease stage 4")
    submit(page, page.get_by_role("button", name="Make the plan"))
    page.wait_for_url(re.compile(r"/plans/\d+$"))
    main = page.locator("main").inner_text()
    assert main.index("Cautions first") < main.index("The plan: add these each day")
    assert "spironolactone" in main
    check_accessibility(page, "plan result")
    check_phone_width(page, "plan")
    page.reload()
    assert "Cautions first" in page.locator("main").inner_text()


def test_import_a_cronometer_export_after_its_preview(page: Any) -> None:
    from pathlib import Path

    export = Path(__file__).resolve().parent.parent / "data/diaries/cronometer_servings.csv"
    person = add_person(page, "Eve", age="50")
    page.goto(person + "diary")
    page.get_by_role("link", name="Import a diary or an app's export").click()
    page.wait_for_url(re.compile(r"/diary/import$"))
    check_accessibility(page, "import form")
    page.get_by_label("The file").set_input_files(str(export))
    submit(page, page.get_by_role("button", name="Show what will be added"))
    assert "read as cronometer" in page.locator("main").inner_text()
    check_accessibility(page, "import preview")
    check_phone_width(page, "import-preview")
    submit(page, page.get_by_role("button", name=re.compile("^Add these")))
    page.wait_for_url(re.compile(r"/diary\?day="))
    assert page.locator("ol.entries > li").count() >= 1
    page.reload()
    assert page.locator(".days li").count() == 2  # the export's two days, kept
