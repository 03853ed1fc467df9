"""/api/profiles/...: every stored kind of record, round trip, over the store."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import REPO
from web.conftest import error_of

WEEK = REPO / "tests" / "data" / "diaries" / "week.txt"
ANSWERS = json.loads((REPO / "examples" / "answers.json").read_text())


def test_profiles_round_trip(client: Any) -> None:
    made = client.post(
        "/api/profiles",
        json={"name": "Ann", "age_years": 42, "sex": "female", "weight_kg": 61.5,
              "region": "uk"},
    )  # fmt: skip
    assert made.status_code == 201
    ann = made.json()
    assert ann["name"] == "Ann"
    assert ann["age_years"] == 42
    assert ann["weight_kg"] == 61.5
    assert client.get(f"/api/profiles/{ann['id']}").json() == ann
    changed = client.put(f"/api/profiles/{ann['id']}", json={"name": "Ann B", "sex": "female"})
    assert changed.status_code == 200
    assert changed.json()["name"] == "Ann B"
    assert [p["name"] for p in client.get("/api/profiles").json()] == ["Ann B"]
    assert client.delete(f"/api/profiles/{ann['id']}").status_code == 204
    assert error_of(client.get(f"/api/profiles/{ann['id']}")) == (404, "not_found")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [({"name": "Ann"}, 400, "bad_record"),  # taken
     ({"name": "Bo", "sex": "male", "pregnant": True}, 400, "bad_record"),
     ({"name": "Bo\x00"}, 400, "bad_record"),
     ({"name": "  "}, 400, "bad_record"),
     ({"name": "Bo", "age_years": 200}, 422, "invalid_input"),
     ({"name": "Bo", "sex": "robot"}, 422, "invalid_input"),
     ({"name": ""}, 422, "invalid_input")],
)  # fmt: skip
def test_a_bad_profile_is_refused_by_name(
    client: Any, person: int, body: dict[str, Any], status: int, code: str
) -> None:
    assert error_of(client.post("/api/profiles", json=body)) == (status, code)
    assert len(client.get("/api/profiles").json()) == 1


def test_diary_lines_with_time_or_meal_are_editable(client: Any, person: int) -> None:
    base = f"/api/profiles/{person}/diary"
    first = client.post(
        f"{base}/lines", json={"day": "2026-11-20", "text": "porridge", "meal": "breakfast"}
    )
    assert first.status_code == 201
    second = client.post(
        f"{base}/lines",
        json={"day": "2026-11-20", "text": "latte", "time": "10:30", "food_id": "sr28:01077",
              "grams": 250, "how": "typed"},
    )  # fmt: skip
    line = second.json()
    assert line["time"] == "10:30"
    assert line["position"] == 1
    days = client.get(base).json()
    assert [d["day"] for d in days] == ["2026-11-20"]
    assert [e["text"] for e in days[0]["entries"]] == ["porridge", "latte"]
    moved = client.put(
        f"{base}/lines/{line['id']}", json={"day": "2026-11-21", "text": "flat white"}
    )
    assert moved.status_code == 200
    assert moved.json()["text"] == "flat white"
    assert [d["day"] for d in client.get(base).json()] == ["2026-11-20", "2026-11-21"]
    assert client.get(base, params={"start": "2026-11-21"}).json()[0]["day"] == "2026-11-21"
    assert client.delete(f"{base}/lines/{line['id']}").status_code == 204
    assert error_of(client.delete(f"{base}/lines/{line['id']}")) == (404, "not_found")


def test_a_diary_import_saves_its_lines_and_names_its_problems(client: Any, person: int) -> None:
    response = client.post(
        f"/api/profiles/{person}/diary/import", json={"text": WEEK.read_text(), "region": "uk"}
    )
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["added"] > 10
    assert result["days"]
    days = client.get(f"/api/profiles/{person}/diary").json()
    assert sum(len(d["entries"]) for d in days) == result["added"]
    assert any(e["food_id"] for d in days for e in d["entries"])


def test_a_diary_import_that_cannot_be_read_saves_nothing(client: Any, person: int) -> None:
    response = client.post(f"/api/profiles/{person}/diary/import", json={"text": ""})
    assert error_of(response) == (400, "bad_diary")
    assert client.get(f"/api/profiles/{person}/diary").json() == []


def test_labs_supplements_round_trip(client: Any, person: int) -> None:
    base = f"/api/profiles/{person}"
    saved = client.post(
        f"{base}/labs",
        json={"results": [
            {"taken_on": "2026-10-01", "analyte": "magnesium", "value": 0.68, "unit": "mmol/L",
             "range_low": 0.7, "range_high": 1.0},
            {"taken_on": "2026-09-01", "analyte": "vitamin D", "value": 40, "unit": "nmol/L",
             "range_text": "50-125"}]},
    )  # fmt: skip
    assert saved.status_code == 201
    labs = client.get(f"{base}/labs").json()
    assert [lab["analyte"] for lab in labs] == ["vitamin D", "magnesium"]  # oldest first
    assert client.delete(f"{base}/labs/{labs[0]['id']}").status_code == 204
    bad = {"taken_on": "2026-10-01", "analyte": "x", "value": 1, "unit": "u", "range_low": 5,
           "range_high": 1}  # fmt: skip
    assert error_of(client.post(f"{base}/labs", json={"results": [bad]})) == (400, "bad_record")
    supplement = client.post(
        f"{base}/supplements", json={"text": "magnesium citrate 400 mg daily",
                                     "started_on": "2026-01-01"}
    )  # fmt: skip
    assert supplement.status_code == 201
    assert client.get(f"{base}/supplements").json() == [supplement.json()]
    assert client.delete(f"{base}/supplements/{supplement.json()['id']}").status_code == 204


def test_a_screening_is_run_by_the_core_and_saved(client: Any, person: int) -> None:
    base = f"/api/profiles/{person}/screenings"
    saved = client.post(base, json=ANSWERS)
    assert saved.status_code == 201
    screening = saved.json()
    assert screening["answers"] == ANSWERS
    assert screening["result"] == client.post("/api/screen", json=ANSWERS).json()
    assert client.get(f"{base}/{screening['id']}").json() == screening
    assert [s["id"] for s in client.get(base).json()] == [screening["id"]]
    assert client.delete(f"{base}/{screening['id']}").status_code == 204
    bad = client.post(base, json={"age": 40, "sex": "female", "symptoms": ["nope_nope"]})
    assert error_of(bad)[0] == 400
    assert client.get(base).json() == []


def test_a_plan_is_made_and_saved(client: Any, person: int) -> None:
    base = f"/api/profiles/{person}/plans"
    options = {"age": 42, "sex": "female", "gaps": ["magnesium"]}
    saved = client.post(base, json=options)
    assert saved.status_code == 201, saved.text
    assert saved.json()["request"]["gaps"] == ["magnesium"]
    assert saved.json()["result"]["plan"]["feasible"] is True
    assert len(client.get(base).json()) == 1
    assert client.delete(f"{base}/{saved.json()['id']}").status_code == 204


def test_own_foods_and_corrections(client: Any, person: int) -> None:
    base = f"/api/profiles/{person}"
    food = client.post(
        f"{base}/foods", json={"name": "my porridge", "lines": ["40 g oats", "250 ml oat milk"]}
    )
    assert food.status_code == 200
    again = client.post(f"{base}/foods", json={"name": "My  Porridge", "lines": ["50 g oats"]})
    assert again.json()["id"] == food.json()["id"]  # the same food, replaced
    assert client.get(f"{base}/foods").json() == [again.json()]
    assert client.delete(f"{base}/foods/{food.json()['id']}").status_code == 204
    choice = {"wording": "Oat Milk", "food_id": "sr28:12061"}
    picked = client.put(f"{base}/corrections", json=choice)
    assert picked.json() == {"wording": "oat milk", "food_id": "sr28:12061"}
    assert client.get(f"{base}/corrections").json() == [picked.json()]
    unknown = client.put(f"{base}/corrections", json={"wording": "x", "food_id": "sr28:0"})
    assert error_of(unknown) == (400, "unknown_food")


def test_another_persons_records_are_not_found(client: Any, person: int) -> None:
    other = client.post("/api/profiles", json={"name": "Bob"}).json()["id"]
    line = client.post(
        f"/api/profiles/{person}/diary/lines", json={"day": "2026-11-20", "text": "tea"}
    ).json()
    reach = client.delete(f"/api/profiles/{other}/diary/lines/{line['id']}")
    assert error_of(reach) == (404, "not_found")
    for kind in ("diary", "labs", "supplements", "screenings", "plans", "foods", "corrections"):
        assert error_of(client.get(f"/api/profiles/999/{kind}")) == (404, "not_found"), kind


@pytest.mark.parametrize("path", ["/api/profiles/0", "/api/profiles/99999999999999999999",
                                  "/api/profiles/abc"])  # fmt: skip
def test_an_impossible_id_is_a_422(client: Any, path: str) -> None:
    assert error_of(client.get(path)) == (422, "invalid_input")


def test_an_imported_diary_reads_the_persons_own_foods_and_corrections(
    client: Any, person: int
) -> None:
    base = f"/api/profiles/{person}"
    client.post(f"{base}/foods", json={"name": "my porridge", "lines": ["40 g oats", "1 banana"]})
    client.put(f"{base}/corrections", json={"wording": "brekkie", "food_id": "fndds:56202960"})
    text = "2026-11-20\n2 my porridge\n1 cup brekkie\n"
    imported = client.post(f"{base}/diary/import", json={"text": text})
    assert imported.status_code == 201, imported.text
    (day,) = client.get(f"{base}/diary").json()
    saved = [(e["text"], e["food_id"], e["grams"]) for e in day["entries"]]
    porridge = [s for s in saved if s[0] == "2 my porridge"]
    assert len(porridge) == 2  # its two lines, each twice over
    assert min(grams for _, _, grams in porridge) == 80  # 2 x 40 g oats
    assert ("1 cup brekkie", "fndds:56202960") in [(t, f) for t, f, _ in saved]
