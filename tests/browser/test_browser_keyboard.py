"""The whole flow by keyboard alone: home → a person → every screening step → the result →
the diary (a line added, another food picked from the type-ahead) → the analysis → labs → a
plan, moving only with Tab, Shift+Tab, Enter, Space and the arrow keys. Every control the
focus lands on must show it (a focus outline of at least 2 px)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.slow

Focus = dict[str, Any]
MOST_PRESSES = 120  # Tab presses before giving up on reaching a control

# What has the focus: enough to find a control by its label or text, and whether the focus
# is drawn (an outline of 2 px or more; the stylesheet draws 3 px on :focus-visible).
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const s = getComputedStyle(e);
  // A date field's last Tab stop is its own calendar button, inside the browser's shadow
  // tree: the field no longer matches :focus and the browser rings the button itself.
  const inPicker = e.type === 'date' && !e.matches(':focus');
  const label = e.labels && e.labels.length ? e.labels[0].innerText.trim() : '';
  return {tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', value: e.value || '',
          checked: !!e.checked, label: label, in_picker: inPicker,
          text: (e.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 120),
          drawn: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""


def focused(page: Any) -> Focus | None:
    found: Focus | None = page.evaluate(FOCUSED)
    return found


def tab_to(page: Any, wanted: Callable[[Focus], bool], back: bool = False) -> Focus:
    """Press Tab (Shift+Tab with `back`) until the focused control is `wanted`; every stop on
    the way must show its focus."""
    for _ in range(MOST_PRESSES):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        if now is None:
            continue
        assert now["drawn"] or now["in_picker"], f"the focus is not visible on {now}"
        if wanted(now):
            return now
    pytest.fail(f"{MOST_PRESSES} presses of {'Shift+' if back else ''}Tab did not reach it")


def label_is(words: str) -> Callable[[Focus], bool]:
    return lambda f: f["label"] == words


def text_is(pattern: str) -> Callable[[Focus], bool]:
    return lambda f: re.search(pattern, f["text"]) is not None


def settled(page: Any) -> None:
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def press_and_wait(page: Any, key: str, path: str) -> None:
    """Press `key` on the focused control and wait for the answer from a URL containing
    `path` (a boosted form or link is sent without a page load)."""

    def answered(response: Any) -> bool:
        return path in response.url and response.status in (200, 422)

    with page.expect_response(answered):
        page.keyboard.press(key)
    settled(page)


def type_and_wait(page: Any, text: str, path: str) -> None:
    """Type `text` into the focused type-ahead and wait for its answer to the whole text.

    Waiting for the first result to appear is not enough: on a busy machine a pause between
    keys longer than the debounce sends a search for part of the text, its results appear,
    and the answer for the whole text then replaces them, taking the focus with them."""

    def answered(response: Any) -> bool:
        query = parse_qs(urlparse(response.url).query).get("q", [""])[0]
        return path in response.url and query == text and response.status == 200

    with page.expect_response(answered):
        page.keyboard.type(text, delay=30)
    settled(page)


def choose(page: Any, value: str) -> None:
    """On a focused <select>, press the arrow keys until `value` is chosen."""
    page.keyboard.press("Home")
    for _ in range(60):
        if page.evaluate("document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{value!r} is not among the options")


def go_to(page: Any, link: str, path: str) -> None:
    """Follow a link in the page header by keyboard."""
    tab_to(page, lambda f: f["tag"] == "a" and f["text"] == link)
    press_and_wait(page, "Enter", path)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The date field's segments are typed in the locale's order (month, day, year here).
    return {**browser_context_args, "locale": "en-US"}


def test_the_whole_flow_by_keyboard_alone(page: Any) -> None:
    add_person_by_keyboard(page)
    screen_by_keyboard(page)
    diary_by_keyboard(page)
    go_to(page, "Diet analysis", "/analysis")
    assert page.locator("svg.chart").count() == 1
    labs_by_keyboard(page)
    plan_by_keyboard(page)


def add_person_by_keyboard(page: Any) -> None:
    first = tab_to(page, lambda f: True)
    assert first["text"] == "Skip to the content"
    page.keyboard.press("Enter")  # to the content: the next Tab is inside <main>
    tab_to(page, label_is("Name"))
    page.keyboard.type("Kay")
    tab_to(page, label_is("Age in years"))
    page.keyboard.type("58")
    now = tab_to(page, lambda f: f["type"] == "radio")
    assert now["label"] == "female"
    page.keyboard.press("ArrowRight")  # within the group: male
    page.keyboard.press("ArrowLeft")  # and back to female, checked by the arrow
    assert focused(page)["checked"]  # type: ignore[index]
    tab_to(page, text_is("^Add this person$"))
    press_and_wait(page, "Enter", "/people/")
    page.wait_for_url(re.compile(r"/people/\d+/$"))
    assert "Kay" in page.locator("h1").inner_text()


def next_step(page: Any) -> None:
    tab_to(page, text_is("^Next$"))
    press_and_wait(page, "Enter", "/screen")


def screen_by_keyboard(page: Any) -> None:
    go_to(page, "Screening", "/screen")
    next_step(page)  # age and sex come from the profile
    tab_to(page, label_is("Muscle cramps"))
    page.keyboard.press("Space")
    tab_to(page, label_is("Symptoms at night"))
    page.keyboard.press("Space")
    next_step(page)
    heading = page.get_by_role("heading", level=1).inner_text()
    tab_to(page, text_is("^Next$"))
    tab_to(page, text_is("^Back$"), back=True)  # Shift+Tab back to the previous step
    press_and_wait(page, "Enter", "/screen")
    assert page.get_by_label("Muscle cramps").is_checked()  # kept
    next_step(page)
    assert page.get_by_role("heading", level=1).inner_text() == heading
    tab_to(page, lambda f: f["label"].startswith("For how many weeks"))
    page.keyboard.type("8")
    steps = 0
    while page.get_by_role("button", name="Next").count():
        next_step(page)
        steps += 1
        assert steps < 20, "the screening did not end"
    page.wait_for_url(re.compile(r"/screenings/\d+$"))
    assert page.locator(".triage").count() == 1
    tab_to(page, text_is("^Why: "))
    page.keyboard.press("Enter")  # opens the first contributor's evidence
    assert page.locator("ol.contributors details").first.get_attribute("open") is not None


def diary_by_keyboard(page: Any) -> None:
    go_to(page, "Food diary", "/diary")
    tab_to(page, label_is("Food name"))
    type_and_wait(page, "banan", "/diary/search")
    page.locator("#food-results a").first.wait_for()  # the type-ahead answered
    tab_to(page, lambda f: f["tag"] == "a" and "anana" in f["text"])
    press_and_wait(page, "Enter", "/diary/pick")
    tab_to(page, label_is("Portion"))
    page.keyboard.press("ArrowDown")  # the next portion
    tab_to(page, text_is("^Add "))
    press_and_wait(page, "Enter", "/diary?day=")
    tab_to(page, label_is("What was eaten"))
    page.keyboard.type("1 apple")
    tab_to(page, text_is("^Add the line$"))
    press_and_wait(page, "Enter", "/diary?day=")
    assert page.locator("ol.entries > li").count() == 2
    tab_to(page, text_is("^Another food for this line “1 apple”"))
    page.keyboard.press("Enter")  # opens the line's own type-ahead
    tab_to(page, label_is("The food it meant"))
    type_and_wait(page, "apples raw", "/diary/search")
    line = page.locator("ol.entries > li").last
    line.get_by_role("button", name=re.compile("^Use ")).first.wait_for()  # its type-ahead
    tab_to(page, text_is("^Use "))
    press_and_wait(page, "Enter", "/diary?day=")
    assert page.get_by_text("the food you picked for this wording").count() == 1


def labs_by_keyboard(page: Any) -> None:
    go_to(page, "Labs", "/labs")
    tab_to(page, label_is("Date the blood was taken"))
    page.keyboard.type("10012026")  # mm dd yyyy
    assert page.evaluate("document.activeElement.value") == "2026-10-01"
    tab_to(page, label_is("Test"))
    choose(page, "magnesium")
    tab_to(page, label_is("Result"))
    page.keyboard.type("1.5")
    tab_to(page, label_is("Unit, as on the report"))
    choose(page, "mg/dL")
    tab_to(page, text_is("^Save the result$"))
    press_and_wait(page, "Enter", "/labs")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert "low" in rows.first.inner_text()


def plan_by_keyboard(page: Any) -> None:
    go_to(page, "Advice and plan", "/plan")
    tab_to(page, label_is("potassium"))
    page.keyboard.press("Space")
    tab_to(page, text_is("^Make the plan$"))
    press_and_wait(page, "Enter", "/plan")
    page.wait_for_url(re.compile(r"/plans/\d+$"))
    assert "The plan: add these each day" in page.locator("main").inner_text()
