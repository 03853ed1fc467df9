"""Round trips through the repository API, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from twitchcheck.store import (
    EntryInput,
    LabInput,
    NotFoundError,
    ProfileDetails,
    Store,
    StoreInputError,
    diaries,
    labs,
    own_foods,
    profiles,
    results,
    supplements,
)

DAY = dt.date(2026, 11, 20)


def test_profiles_round_trip(store: Store) -> None:
    ann = profiles.add_profile(
        store,
        ProfileDetails(name="Ann", birth_year=1984, sex="female", pregnant=True,
                       weight_kg=61.5, height_cm=168, region="uk"),
    )  # fmt: skip
    bob = profiles.add_profile(store, ProfileDetails(name="Bob", age_years=9.5, sex="male"))
    assert [p.name for p in profiles.list_profiles(store)] == ["Ann", "Bob"]
    got = profiles.get_profile(store, ann.id)
    assert (got.birth_year, got.pregnant, got.weight_kg, got.region) == (1984, True, 61.5, "uk")
    profiles.update_profile(store, bob.id, ProfileDetails(name="Robert", age_years=10))
    assert profiles.find_profile(store, "Robert") is not None
    assert profiles.find_profile(store, "Bob") is None
    profiles.delete_profile(store, bob.id)
    with pytest.raises(NotFoundError, match="no profile"):
        profiles.get_profile(store, bob.id)


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (ProfileDetails(name=""), "empty"),
        (ProfileDetails(name="A", sex="other"), "female, male"),
        (ProfileDetails(name="A", sex="male", pregnant=True), "cannot be pregnant"),
        (ProfileDetails(name="A", age_years=-3), "age"),
        (ProfileDetails(name="A", weight_kg=float("nan")), "weight"),
        (ProfileDetails(name="A", birth_year=1066), "birth year"),
    ],
)
def test_an_impossible_profile_is_refused(store: Store, details, message: str) -> None:
    with pytest.raises(StoreInputError, match=message):
        profiles.add_profile(store, details)
    assert profiles.list_profiles(store) == []


def test_a_taken_name_is_refused(store: Store, person: int) -> None:
    with pytest.raises(StoreInputError, match="already exists"):
        profiles.add_profile(store, ProfileDetails(name="Ann"))


def test_deleting_a_profile_deletes_what_it_saved(store: Store, person: int) -> None:
    diaries.add_entry(store, person, EntryInput(DAY, "tea"))
    labs.add_lab_results(store, person, [LabInput(DAY, "magnesium", 0.7, "mmol/L")])
    profiles.delete_profile(store, person)
    other = profiles.add_profile(store, ProfileDetails(name="Other")).id
    assert diaries.diary(store, other) == []
    with store.read() as session:
        from sqlalchemy import func, select

        from twitchcheck.store.models import DiaryEntryRow, LabResultRow

        assert session.scalar(select(func.count()).select_from(DiaryEntryRow)) == 0
        assert session.scalar(select(func.count()).select_from(LabResultRow)) == 0


def test_a_diary_imports_edits_and_reads_back(store: Store, person: int) -> None:
    lines = [
        EntryInput(DAY, "40 g oats", meal="breakfast", food_id="sr28:08120", grams=40,
                   how="typed"),
        EntryInput(DAY, "coffee", time=dt.time(10, 30)),
        EntryInput(DAY + dt.timedelta(days=1), "2 eggs", food_id="sr28:01123", grams=100,
                   how="portion"),
    ]  # fmt: skip
    assert diaries.import_diary(store, person, lines) == 3
    days = diaries.diary(store, person)
    assert [d.day for d in days] == [DAY, DAY + dt.timedelta(days=1)]
    first = days[0].entries
    assert [(e.text, e.meal, e.time, e.grams) for e in first] == [
        ("40 g oats", "breakfast", None, 40.0),
        ("coffee", None, dt.time(10, 30), None),
    ]
    edited = diaries.update_entry(
        store, person, first[1].id, EntryInput(DAY, "coffee with milk", grams=250, how="edited")
    )
    assert edited.text == "coffee with milk"
    moved = diaries.update_entry(
        store, person, first[0].id, EntryInput(DAY + dt.timedelta(1), "oats")
    )
    assert moved.day_id == days[1].id
    diaries.delete_entry(store, person, first[1].id)
    days = diaries.diary(store, person)
    assert [[e.text for e in d.entries] for d in days] == [[], ["2 eggs", "oats"]]
    assert [d.id for d in diaries.diary(store, person, start=DAY + dt.timedelta(1))] == [days[1].id]


def test_another_persons_lines_cannot_be_reached(store: Store, person: int) -> None:
    line = diaries.add_entry(store, person, EntryInput(DAY, "tea"))
    other = profiles.add_profile(store, ProfileDetails(name="Other")).id
    with pytest.raises(NotFoundError):
        diaries.update_entry(store, other, line.id, EntryInput(DAY, "mine now"))
    with pytest.raises(NotFoundError):
        diaries.delete_entry(store, other, line.id)


def test_lab_results_keep_what_the_report_said(store: Store, person: int) -> None:
    saved = labs.add_lab_results(
        store,
        person,
        [
            LabInput(DAY, "Magnesium, serum", 1.5, "mg/dL", 1.7, 2.2, "1.7 - 2.2"),
            LabInput(DAY - dt.timedelta(days=30), "25-OH vit D", 18, "ng/mL"),
        ],
    )
    assert len(saved) == 2
    got = labs.lab_results(store, person)
    assert [(r.analyte, r.value, r.unit, r.range_low, r.range_high, r.range_text) for r in got] == [
        ("25-OH vit D", 18.0, "ng/mL", None, None, None),
        ("Magnesium, serum", 1.5, "mg/dL", 1.7, 2.2, "1.7 - 2.2"),
    ]
    with pytest.raises(StoreInputError, match="swap"):
        labs.add_lab_results(store, person, [LabInput(DAY, "K", 4, "mmol/L", 5.1, 3.5)])
    labs.delete_lab_result(store, person, got[0].id)
    assert len(labs.lab_results(store, person)) == 1


def test_supplements_round_trip(store: Store, person: int) -> None:
    row = supplements.add_supplement(store, person, "magnesium citrate 400 mg daily", DAY)
    assert [(s.text, s.started_on) for s in supplements.supplements(store, person)] == [
        ("magnesium citrate 400 mg daily", DAY)
    ]
    supplements.delete_supplement(store, person, row.id)
    assert supplements.supplements(store, person) == []


def test_screenings_and_plans_keep_their_json(store: Store, person: int) -> None:
    answers = {"age": 42, "sex": "female", "symptoms": ["cramp"], "region": "uk"}
    result = {"triage": {"level": "self-care", "reasons": []}, "scores": [0.5, 1e-9, None]}
    saved = results.save_screening(store, person, answers, result)
    got = results.get_screening(store, person, saved.id)
    assert (got.answers, got.result) == (answers, result)
    assert got.created_at <= dt.datetime.now(dt.UTC).replace(tzinfo=None)
    plan = results.save_plan(store, person, {"gaps": ["magnesium_mg"]}, {"items": []})
    assert [p.request for p in results.plans(store, person)] == [{"gaps": ["magnesium_mg"]}]
    results.delete_plan(store, person, plan.id)
    results.delete_screening(store, person, saved.id)
    assert results.screenings(store, person) == results.plans(store, person) == []


def test_own_foods_are_found_by_name_in_any_case(store: Store, person: int) -> None:
    own_foods.save_own_food(store, person, "My porridge", ["40 g oats", "250 ml oat milk"])
    found = own_foods.own_food(store, person, "  my   PORRIDGE ")
    assert found is not None
    assert (found.name, found.lines) == ("My porridge", ["40 g oats", "250 ml oat milk"])
    own_foods.save_own_food(store, person, "my porridge", ["50 g oats", "300 ml oat milk"])
    assert [f.lines for f in own_foods.own_foods(store, person)] == [
        ["50 g oats", "300 ml oat milk"]
    ]
    with pytest.raises(StoreInputError, match="at least one line"):
        own_foods.save_own_food(store, person, "empty", [])
    own_foods.delete_own_food(store, person, found.id)
    assert own_foods.own_food(store, person, "my porridge") is None


def test_a_correction_is_remembered_for_its_wording(store: Store, person: int) -> None:
    own_foods.remember_correction(store, person, "Mum's Stew", "fndds:27211200")
    assert own_foods.correction_for(store, person, "mum's  stew") == "fndds:27211200"
    own_foods.remember_correction(store, person, "mum's stew", "fndds:27211100")
    assert own_foods.corrections(store, person) == {"mum's stew": "fndds:27211100"}
    other = profiles.add_profile(store, ProfileDetails(name="Other")).id
    assert own_foods.correction_for(store, other, "mum's stew") is None


def test_writing_for_a_missing_person_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no profile 99"):
        diaries.import_diary(store, 99, [EntryInput(DAY, "tea")])
