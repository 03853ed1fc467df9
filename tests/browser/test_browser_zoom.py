"""Every page, the journal's too, at 200% zoom as a browser zooms: a 1280 × 900 window at
200% lays the page out in 640 × 450 CSS pixels drawn with two device pixels each
(device_scale_factor 2), so text, fields and media queries all behave as under Ctrl++. On
each page, filled (a person with a screening, three diary days, labs, a plan and journal
episodes, saved through the API): no horizontal scroll, no control cut off at either edge,
and every control reachable, i.e. scrolled into view, it is the element at its own centre
(not hidden under another or clipped by a box)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from browser.conftest import ARTIFACTS, TOKEN, LiveApp

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
ZOOM = 2
WINDOW = (1280, 900)
DIARY = """2026-11-18
porridge with milk
2 slices of toast with butter
2026-11-19
chicken salad sandwich
a mug of tea with milk
2026-11-20
2 eggs
1 apple
"""

# Each visible control: cut off at an edge, or not the element found at its own centre once
# scrolled into view (a <label> or the control's own part counts as reaching it); and every
# box that clips or scrolls sideways (a table's wrapper) whose content is wider than it.
UNREACHABLE = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary');
  for (const e of controls) {
    if (!e.checkVisibility() || e.closest('.visually-hidden') || e.classList.contains('skip'))
      continue;
    e.scrollIntoView({block: 'center', inline: 'center'});
    const r = e.getBoundingClientRect();
    const name = e.tagName + ' ' + (e.id || e.name || e.textContent.trim().slice(0, 40));
    if (r.left < -0.5 || r.right > width + 0.5) { found.push('cut off: ' + name); continue; }
    const x = r.left + Math.min(r.width / 2, 8), y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const ok = hit && (hit === e || e.contains(hit) || hit.contains(e) ||
                       (hit.tagName === 'LABEL' && hit.control === e));
    if (!ok)
      found.push('covered: ' + name + ' by ' + (hit ? hit.tagName + ' ' + hit.className : '-'));
  }
  for (const box of document.querySelectorAll('body *:not(input, select, textarea, button)')) {
    const x = getComputedStyle(box).overflowX;
    if (x !== 'visible' && box.checkVisibility() && box.scrollWidth > box.clientWidth + 1 &&
        box.clientWidth > 1)
      found.push(`clipped: ${box.tagName}.${box.className} ${box.scrollWidth}>${box.clientWidth}`);
  }
  return found;
}"""


@pytest.fixture
def zoomed(browser: Any, app: LiveApp) -> Iterator[Any]:
    """A page in a window zoomed to 200%, signed in, recording where its requests go."""
    context = browser.new_context(
        viewport={"width": WINDOW[0] // ZOOM, "height": WINDOW[1] // ZOOM},
        device_scale_factor=ZOOM,
        base_url=app.url,
    )
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(f"/?token={TOKEN}")
    yield page
    context.close()
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in seen if url.startswith("http"))


def seeded(page: Any) -> tuple[int, int, int]:
    """A person with a screening, a diary, two lab values and a plan (through the API)."""
    api = page.request
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def post(path: str, body: dict[str, Any]) -> Any:
        answer = api.post(path, data=json.dumps(body), headers={**auth,
                          "Content-Type": "application/json"})  # fmt: skip
        assert answer.status == 201, answer.text()
        return answer.json()

    person = post("/api/profiles", {"name": "Zoe", "age_years": 61, "sex": "female"})["id"]
    base = f"/api/profiles/{person}"
    answers = json.loads((REPO / "examples" / "answers.json").read_text())
    screening = post(f"{base}/screenings", answers)["id"]
    post(f"{base}/diary/import", {"text": DIARY})
    post(f"{base}/labs", {"results": [
        {"taken_on": "2026-10-01", "analyte": "magnesium", "value": 1.5, "unit": "mg/dL"},
        {"taken_on": "2026-11-01", "analyte": "magnesium", "value": 0.8, "unit": "mmol/L",
         "range_low": 0.7, "range_high": 1.0},
    ]})  # fmt: skip
    plan = post(f"{base}/plans", {"age": 61, "sex": "female", "gaps": ["magnesium", "potassium"]})
    for day in range(18, 21):
        post(f"{base}/journal/episodes", {"start": f"2026-11-{day + 1}T02:30", "kind": "cramp"})
    return person, screening, plan["id"]


def test_every_page_at_200_percent_zoom(zoomed: Any) -> None:
    person, screening, plan = seeded(zoomed)
    root = f"/people/{person}"
    pages = {
        "home": "/",
        "person": f"{root}/",
        "screening-step": f"{root}/screen",
        "screening-result": f"{root}/screenings/{screening}",
        "diary": f"{root}/diary?day=2026-11-18",
        "diary-search": f"{root}/diary/search?q=banana&day=2026-11-18",
        "import": f"{root}/diary/import",
        "analysis": f"{root}/analysis",
        "labs": f"{root}/labs",
        "plan-form": f"{root}/plan",
        "plan": f"{root}/plans/{plan}",
        "night": f"{root}/night",
        "journal": f"{root}/journal",
        "journal-day": f"{root}/journal/day",
        "trends": f"{root}/journal/trends",
        "triggers": f"{root}/journal/triggers",
        "experiment": f"{root}/journal/experiment",
        "delete": f"{root}/delete",
    }
    assert zoomed.evaluate("window.devicePixelRatio") == ZOOM
    ARTIFACTS.mkdir(exist_ok=True)
    problems: dict[str, list[str]] = {}
    for label, path in pages.items():
        zoomed.goto(path)
        for details in zoomed.locator("details").all():  # what a click opens counts too
            details.evaluate("d => d.open = true")
        wide = zoomed.evaluate("document.documentElement.scrollWidth")
        found = [f"{wide} px wide"] if wide > WINDOW[0] // ZOOM else []
        found += zoomed.evaluate(UNREACHABLE)
        if found:
            problems[label] = found[:8]
        if label in ("diary", "plan"):
            zoomed.evaluate("window.scrollTo(0, 0)")
            zoomed.screenshot(path=str(ARTIFACTS / f"{label}-zoom200.png"))
    assert not problems, problems
