"""Supplements as people write them: name, dose, unit and frequency; refusals that help."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import HANG_BOUND
from twitchcheck.errors import AmountError, InputError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.knowledge.supplements import (
    parse_supplement,
    parse_supplements,
    suggest_supplements,
    supplement_names,
)

READ = [
    ("magnesium citrate 400 mg daily", "magnesium", {"magnesium_mg": 400}),
    ("vitamin D 4000 IU", "vitamin_d", {"vitamin_d_ug": 100}),
    ("D3 50,000 IU weekly", "vitamin_d", {"vitamin_d_ug": 178.57}),
    ("B12 1000 mcg", "vitamin_b12", {"vitamin_b12_ug": 1000}),
    ("calcium carbonate 500 mg twice a day", "calcium", {"calcium_mg": 1000}),
    ("potassium chloride salt substitute", "salt_substitute_potassium", {}),
    ("multivitamin", "multivitamin", {}),
    ("Epsom salt baths", "epsom_salt_bath", {}),
    ("vitamin D 10 micrograms daily", "vitamin_d", {"vitamin_d_ug": 10}),
    ("vitamin d3 1000iu 2 capsules daily", "vitamin_d", {"vitamin_d_ug": 50}),
    ("2 x 500mg calcium", "calcium", {"calcium_mg": 1000}),
    ("Slow-K 600mg bd", "potassium", {"potassium_mg": 1200}),
    ("potassium 8 mmol three times a day", "potassium", {"potassium_mg": 938.4}),
    ("hydroxocobalamin 1mg every 3 months", "vitamin_b12", {"vitamin_b12_ug": 10.95}),
    ("vitamin D 1000 IU 3 times a week", "vitamin_d", {"vitamin_d_ug": 10.71}),
    ("magnesium 1-2 tablets of 100 mg", "magnesium", {"magnesium_mg": 150}),
    ("calcium 500 mg with vitamin D 400 IU", "calcium_and_vitamin_d",
     {"calcium_mg": 500, "vitamin_d_ug": 10}),
    ("LoSalt salt substitute every day", "salt_substitute_potassium", {}),
    ("Adcal-D3 twice daily", "calcium_and_vitamin_d", {}),
    ("zinc and antioxidant eye vitamins", "other", {}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "supplement_id", "per_day"), READ)
def test_reads_name_dose_and_frequency(text: str, supplement_id: str, per_day: dict) -> None:
    supplement = parse_supplement(text)
    assert supplement.id == supplement_id
    assert dict(supplement.nutrients) == pytest.approx(per_day, abs=0.01)
    assert supplement.dose_given == bool(per_day)


def test_what_each_raises_is_sourced() -> None:
    kb = load_knowledge()
    assert parse_supplement("potassium chloride salt substitute").raises == ("potassium",)
    assert "calcium" in parse_supplement("vitamin D 4000 IU").raises
    assert parse_supplement("magnesium glycinate").raises == ("magnesium",)
    assert parse_supplement("fish oil").raises == ()
    for entry in kb.supplements.values():
        assert entry.about.sources, entry.id
    salt = parse_supplement("LoSalt")
    assert salt.why
    assert salt.sources
    assert set(salt.sources) <= set(kb.sources)


def test_potassium_tablets_carry_their_medicine_class() -> None:
    assert (
        parse_supplement("Sando-K 2 tablets twice a day").medicine_class == "potassium_supplement"
    )


def test_the_salt_form_is_named_in_a_note() -> None:
    note = parse_supplement("magnesium citrate 400 mg daily").note
    assert "elemental" in note
    assert "citrate" in note
    assert "elemental" not in parse_supplement("magnesium 400 mg elemental").note.split(";")[0]


def test_notes_say_what_was_assumed() -> None:
    assert "daily" in parse_supplement("vitamin D 4000 IU").note
    assert "needed" in parse_supplement("magnesium 250 mg as needed").note
    no_unit = parse_supplement("magnesium 400")
    assert (no_unit.nutrients, no_unit.dose_given) == ({}, False)
    assert "no unit" in no_unit.note
    bath = parse_supplement("Epsom salt bath")
    assert bath.raises == ()
    assert "not swallowed" in bath.note
    assert "not counted" in parse_supplement("fish oil 1000 mg").note


def test_a_poisoning_dose_is_read_not_refused() -> None:
    # A published case took 150,000 IU a day: it must reach the screening.
    assert parse_supplement("vitamin D 150000 IU daily").nutrients["vitamin_d_ug"] == 3750


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("vitamin D 1000000 IU daily", r"accepts up to 10,000 µg \(400,000 IU\) a day"),
        ("magnesium 50 g daily", "accepts up to 10,000 mg"),
        ("vitamin D 0 IU", "more than zero"),
        ("magnesium 400 IU", "IU is not a unit for magnesium"),
    ],
)
def test_absurd_amounts_are_refused_with_the_range(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_supplement(text)


def test_absurd_amount_is_an_amount_error() -> None:
    with pytest.raises(AmountError):
        parse_supplement("calcium 100 g a day")


def test_unknown_names_get_accepted_suggestions() -> None:
    with pytest.raises(InputError, match=r"not a known supplement; did you mean: .*'magnesium'"):
        parse_supplement("magnesum citrate 400 mg")
    with pytest.raises(InputError, match="is a medicine: list it under medications"):
        parse_supplement("furosemide 40 mg")


def test_parse_supplements_keeps_order() -> None:
    parsed = parse_supplements(["multivitamin", "vitamin D 1000 IU"])
    assert [s.id for s in parsed] == ["multivitamin", "vitamin_d"]
    assert parse_supplements(()) == ()


# --- properties --------------------------------------------------------------------------

NAMES = supplement_names()
DOSES = st.sampled_from(["", "400 mg", "1000 IU", "25 mcg", "2 tablets", "1 g", "8 mmol", "5 ml"])
FREQUENCIES = st.sampled_from(
    ["", "daily", "twice a day", "bd", "weekly", "every other day", "at night", "prn", "od",
     "3 times a week", "every 2 weeks", "with food", "in the morning"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_never_a_traceback(text: str) -> None:
    message = ""
    try:
        supplement = parse_supplement(text)
    except InputError as error:
        message = str(error)
    else:
        assert all(amount >= 0 for amount in supplement.nutrients.values())
        return
    assert message


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), DOSES, FREQUENCIES)
def test_doses_and_frequencies_never_change_what_it_is(name: str, dose: str, often: str) -> None:
    bare = parse_supplement(name)
    try:
        written = parse_supplement(f"{name} {dose} {often}")
    except InputError as error:  # a unit that does not fit (IU of magnesium) is refused
        message = str(error)
    else:
        assert (written.id, written.raises) == (bare.id, bare.raises)
        return
    assert "is not a unit for" in message or "accepts up to" in message


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_every_suggestion_is_itself_accepted(text: str) -> None:
    for suggestion in suggest_supplements(text):
        parse_supplement(suggestion)


def test_every_listed_name_is_accepted_alone() -> None:
    kb = load_knowledge()
    for entry in kb.supplements.values():
        for name in entry.names:
            assert parse_supplement(name).id == entry.id, name


def test_a_single_dose_is_not_a_daily_amount() -> None:
    once = parse_supplement("vitamin D 300000 IU once")
    assert (dict(once.nutrients), once.dose_given) == ({}, True)
    assert "single dose" in once.note
    assert parse_supplement("vitamin D 1000 IU once daily").nutrients == {"vitamin_d_ug": 25.0}


# --- issue 10: impossible refused, dangerous read; bounded cost -----------------------------


def test_every_nutrient_a_supplement_adds_has_a_limit_with_a_reason() -> None:
    from twitchcheck.limits import all_limits

    keys = {key for entry in load_knowledge().supplements.values() for key in entry.nutrients}
    for key in keys:
        assert all_limits()[f"supplement.{key}"].kind == "impossible"


def test_dangerous_doses_are_read_impossible_ones_refused() -> None:
    assert parse_supplement("vitamin D 50000 IU daily").nutrients["vitamin_d_ug"] == 1250
    assert parse_supplement("magnesium 5 g daily").nutrients["magnesium_mg"] == 5000
    with pytest.raises(AmountError, match="accepts up to 10,000 µg"):
        parse_supplement("vitamin D 10000000 IU daily")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("magnesium 400 mg every 0 days", "how often cannot be read"),
        ("vitamin D " + "9" * 180 + " IU", "too large to be real|accepts up to"),
    ],
)
def test_frequencies_and_numbers_that_are_not_real_are_refused(text: str, message: str) -> None:
    with pytest.raises(AmountError, match=message):
        parse_supplement(text)


def test_long_text_is_refused_at_once_and_quoted_short() -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(InputError, match="at most 200") as caught:
        parse_supplement("magnesium " * 100_000)
    assert time.perf_counter() - started < HANG_BOUND
    assert len(str(caught.value)) < 300
    started = time.perf_counter()
    assert suggest_supplements("x" * 1_000_000) == []
    assert time.perf_counter() - started < HANG_BOUND


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(NAMES),
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(lambda x: f"{x}"),
        st.integers(-(10**30), 10**30).map(str),
        st.text(alphabet="0123456789.,-e", max_size=12),
    ),
    st.sampled_from(["mg", "g", "mcg", "IU", "mmol", ""]),
    FREQUENCIES | st.sampled_from(["every 0 days", "0 times a day", "999999999 times a day"]),
)
def test_any_number_with_any_unit_and_frequency_is_a_finite_dose_or_refused(
    name: str, number: str, unit: str, often: str
) -> None:
    import math

    try:
        supplement = parse_supplement(f"{name} {number} {unit} {often}")
    except InputError:
        return  # refused with a message: fine
    for key, amount in supplement.nutrients.items():
        assert math.isfinite(amount)
        assert 0 <= amount <= limit_of(f"supplement.{key}")


def limit_of(name: str) -> float:
    from twitchcheck.limits import limit

    return limit(name)
