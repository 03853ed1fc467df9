"""The knowledge base loads, every fact is sourced, and the must-have facts hold as data."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from twitchcheck import _data
from twitchcheck.errors import KnowledgeError, UnknownEntryError
from twitchcheck.knowledge import (
    Entry,
    KnowledgeBase,
    MedicineClass,
    condition_mention,
    describe,
    load_knowledge,
    lookup,
    medicine_class_for,
    medicine_classes_for,
    red_flags,
    related,
    sources,
    suggest,
    symptom_id,
    vocabulary,
)
from twitchcheck.knowledge.loading import _walk
from twitchcheck.knowledge.models import FILES

KNOWLEDGE_DIR = _data.data_path("knowledge")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge files to break on purpose."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit(directory: Path, name: str, change) -> None:
    data = yaml.safe_load((directory / name).read_text(encoding="utf-8"))
    change(data)
    (directory / name).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


# --- loading and sourcing ------------------------------------------------------------------


def test_packaged_files_load(kb: KnowledgeBase) -> None:
    assert set(kb.nutrients) == {"magnesium", "calcium", "vitamin_d", "potassium", "vitamin_b12"}
    for table in (kb.red_flags, kb.symptoms, kb.conditions, kb.factors, kb.evidence):
        assert table


def test_every_reference_source_id_is_kept(kb: KnowledgeBase) -> None:
    # data/dri.yaml and data/labs.yaml cite these ids too.
    reference = {f"S{n}" for n in range(1, 119)} - {"S71", "S82", "S83"} | {"S88b"}
    assert reference <= set(kb.sources)


def sourced_models(kb: KnowledgeBase) -> list[tuple[str, tuple, BaseModel]]:
    return [
        (name, loc, model)
        for name, root in kb.files.items()
        for loc, model in _walk(root)
        if loc and "sources" in type(model).model_fields  # loc () is sources.yaml itself
    ]


def test_every_fact_has_a_source_that_resolves(kb: KnowledgeBase) -> None:
    facts = sourced_models(kb)
    assert len(facts) > 300  # the walk really reaches nested facts
    for name, loc, model in facts:
        cited = model.sources  # type: ignore[attr-defined]
        assert cited, f"{name} {loc} has no source"
        assert all(source in kb.sources for source in cited), f"{name} {loc}: {cited}"


FACT_FIELDS = ("text", "mechanism", "claim", "reason", "summary")


def test_every_statement_lives_on_a_sourced_model(kb: KnowledgeBase) -> None:
    """A model that states something in words must carry `sources` (or it slipped through)."""
    for root in kb.files.values():
        for loc, model in _walk(root):
            fields = type(model).model_fields
            if any(f in fields and isinstance(getattr(model, f), str) for f in FACT_FIELDS):
                assert "sources" in fields, f"{type(model).__name__} at {loc} has no sources"


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("nutrients.yaml", ("nutrients", 0, "role", 0)),
        ("medicines.yaml", ("classes", 0, "effects", 0)),
        ("red_flags.yaml", ("red_flags", 0)),
        ("evidence.yaml", ("claims", 0)),
        ("symptoms.yaml", ("symptoms", 0, "related", 0)),
        ("conditions.yaml", ("conditions", 0, "summary")),
        ("factors.yaml", ("factors", 0, "how", 0)),
        ("interactions.yaml", ("interactions", 0)),
    ],
)
def test_a_fact_without_sources_fails_to_load(broken_copy: Path, name: str, path: tuple) -> None:
    def drop_sources(data: dict) -> None:
        node = data
        for part in path:
            node = node[part]
        del node["sources"]

    edit(broken_copy, name, drop_sources)
    with pytest.raises(KnowledgeError, match=rf"{name}: entry .*field .*sources.*Field required"):
        load_knowledge(broken_copy)


# --- broken files name file, entry and field -------------------------------------------------


def test_bad_value_names_file_entry_and_field(broken_copy: Path) -> None:
    def bad_direction(data: dict) -> None:
        data["classes"][0]["effects"][1]["direction"] = "lower"

    edit(broken_copy, "medicines.yaml", bad_direction)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(broken_copy)
    message = str(caught.value)
    assert "medicines.yaml" in message
    assert "'loop_diuretic'" in message
    assert "'effects[1].direction'" in message
    assert "'lower'" in message


def test_unknown_source_id_is_named(broken_copy: Path) -> None:
    def cite_nothing(data: dict) -> None:
        data["red_flags"][0]["sources"] = ["S999"]

    edit(broken_copy, "red_flags.yaml", cite_nothing)
    with pytest.raises(KnowledgeError, match=r"red_flags.yaml: entry 'breathing_difficulty'.*S999"):
        load_knowledge(broken_copy)


def test_name_mapped_to_missing_class_is_named(broken_copy: Path) -> None:
    def bad_class(data: dict) -> None:
        data["names"][0]["classes"] = ["loop_diuretics"]

    edit(broken_copy, "medicines.yaml", bad_class)
    with pytest.raises(
        KnowledgeError, match=r"entry 'furosemide', field 'classes'.*loop_diuretics"
    ):
        load_knowledge(broken_copy)


def test_invalid_triage_level_is_named(broken_copy: Path) -> None:
    def bad_level(data: dict) -> None:
        data["red_flags"][0]["triage"] = "critical"

    edit(broken_copy, "red_flags.yaml", bad_level)
    with pytest.raises(KnowledgeError, match=r"'breathing_difficulty', field 'triage'"):
        load_knowledge(broken_copy)


def test_red_flag_with_unknown_symptom_is_named(broken_copy: Path) -> None:
    def bad_symptom(data: dict) -> None:
        data["red_flags"][0]["symptoms"] = ["cant_breathe"]

    edit(broken_copy, "red_flags.yaml", bad_symptom)
    with pytest.raises(KnowledgeError, match=r"unknown symptom id 'cant_breathe'"):
        load_knowledge(broken_copy)


def test_invalid_yaml_names_file_and_line(broken_copy: Path) -> None:
    path = broken_copy / "factors.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"factors.yaml: not valid YAML at line \d+"):
        load_knowledge(broken_copy)


def test_missing_file_is_named(broken_copy: Path) -> None:
    (broken_copy / "evidence.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"evidence\.yaml is missing"):
        load_knowledge(broken_copy)


def test_each_file_has_a_model() -> None:
    # screening.yaml holds the screening model's weights; screening_model.py validates it.
    assert {p.name for p in KNOWLEDGE_DIR.glob("*.yaml")} == set(FILES) | {"screening.yaml"}


# --- lookups ---------------------------------------------------------------------------


LOOKUPS = {
    "Lasix": ("medicine", "loop_diuretic"),
    "furosemide": ("medicine", "loop_diuretic"),
    "omeprazole": ("medicine", "ppi"),
    "Prilosec": ("medicine", "ppi"),
    "NEXIUM": ("medicine", "ppi"),
    "Glucophage": ("medicine", "metformin"),
    "lisinopril": ("medicine", "ace_inhibitor"),
    "losartan": ("medicine", "arb"),
    "spironolactone": ("medicine", "potassium_sparing_diuretic"),
    "HCTZ": ("medicine", "thiazide_diuretic"),
    "hydrochlorothiazide": ("medicine", "thiazide_diuretic"),
    "chlorthalidone": ("medicine", "thiazide_diuretic"),
    "atorvastatin": ("medicine", "statin"),
    "Lipitor": ("medicine", "statin"),
    "salbutamol": ("medicine", "beta_agonist"),
    "albuterol": ("medicine", "beta_agonist"),
    "Ventolin": ("medicine", "beta_agonist"),
    "magnesium": ("nutrient", "magnesium"),
    "Vitamin D": ("nutrient", "vitamin_d"),
    "vitamin_b12_ug": ("nutrient", "vitamin_b12"),
    "B12": ("nutrient", "vitamin_b12"),
    "caffeine": ("factor", "caffeine"),
    "coffee": ("factor", "caffeine"),
    "diarrhoea": ("factor", "fluid_loss"),
    "Crohn's disease": ("condition", "crohns_disease"),
    "eyelid twitching": ("symptom", "eyelid_twitching"),
    "symptom:anxiety": ("symptom", "anxiety"),
    "anxiety": ("factor", "stress_anxiety"),
}


@pytest.mark.parametrize(("name", "expected"), LOOKUPS.items())
def test_lookup(name: str, expected: tuple[str, str]) -> None:
    entry = lookup(name)
    assert (entry.kind, entry.id) == expected


def test_brand_lookup_keeps_the_generic() -> None:
    entry = lookup("Lasix")
    assert entry.medicine is not None
    assert entry.medicine.generic == "furosemide"
    assert entry.medicine.brand


@pytest.mark.parametrize(("typo", "expected"), [("lasixx", "lasix"), ("magnesum", "magnesium")])
def test_unknown_name_suggests_close_matches(typo: str, expected: str) -> None:
    with pytest.raises(UnknownEntryError, match=rf"did you mean: .*'{expected}'"):
        lookup(typo)


def test_nonsense_gets_a_hint() -> None:
    with pytest.raises(UnknownEntryError, match="nothing called 'qqqqzzzz'"):
        lookup("qqqqzzzz")


def test_combination_product_has_both_classes() -> None:
    assert [c.id for c in medicine_classes_for("Hyzaar")] == ["arb", "thiazide_diuretic"]


def test_at_least_sixty_medicine_names(kb: KnowledgeBase) -> None:
    assert len(kb.medicine_names) >= 60
    assert all(name == name.lower() for name in kb.medicine_names)


# --- the must-have facts, as data ----------------------------------------------------------


def effect(class_id: str, nutrient: str, kb: KnowledgeBase) -> str | None:
    for item in kb.medicine_classes[class_id].effects:
        if item.nutrient == nutrient:
            return item.direction
    return None


MUST_HAVE = [
    ("hydrochlorothiazide", "potassium", "lowers"),
    ("hydrochlorothiazide", "magnesium", "lowers"),
    ("furosemide", "potassium", "lowers"),
    ("furosemide", "magnesium", "lowers"),
    ("omeprazole", "magnesium", "lowers"),
    ("omeprazole", "vitamin_b12", "lowers"),
    ("metformin", "vitamin_b12", "lowers"),
    ("spironolactone", "potassium", "raises"),
    ("lisinopril", "potassium", "raises"),
    ("losartan", "potassium", "raises"),
]


@pytest.mark.parametrize(("drug", "nutrient", "direction"), MUST_HAVE)
def test_must_have_drug_effects(
    drug: str, nutrient: str, direction: str, kb: KnowledgeBase
) -> None:
    assert effect(medicine_class_for(drug).id, nutrient, kb) == direction


@pytest.mark.parametrize("class_id", ["statin", "beta_agonist"])
def test_drugs_that_cause_muscle_symptoms_themselves(class_id: str, kb: KnowledgeBase) -> None:
    assert kb.medicine_classes[class_id].symptom_effects


def test_must_have_nutrient_interactions(kb: KnowledgeBase) -> None:
    pairs = {(i.nutrient, i.affects, i.effect) for i in kb.interactions}
    assert ("magnesium", "potassium", "blocks_correction") in pairs
    assert ("magnesium", "calcium", "blocks_correction") in pairs
    assert ("vitamin_d", "calcium", "needed_for_absorption") in pairs


def test_magnesium_for_typical_cramps_is_graded_honestly(kb: KnowledgeBase) -> None:
    claim = kb.evidence["magnesium_typical_cramps_older_adults"]
    assert (claim.verdict, claim.strength) == ("no_benefit", "strong")
    assert "S32" in claim.sources


def levels_for(symptom: str, kb: KnowledgeBase) -> set[str]:
    return {flag.triage for flag in kb.red_flags if symptom in flag.symptoms}


RED_FLAG_LEVELS = {
    "difficulty_breathing": "emergency",
    "seizures": "emergency",
    "fainting": "emergency",
    "tetany_carpopedal_spasm": "emergency",
    "dark_urine": "emergency",
    "sudden_weakness": "emergency",
    "muscle_wasting": "urgent",
    "progressive_weakness": "urgent",
    "one_sided_weakness": "emergency",  # with slurred speech (stroke signs); urgent alone
    "spreading_numbness": "emergency",  # with weakness; urgent alone
    "prolonged_cramp": "urgent",
    "numbness_tingling": "urgent",  # with a low mineral result; see-doctor otherwise
    "persistent_twitching": "urgent",  # with wasting or worsening weakness; see-doctor alone
}


@pytest.mark.parametrize(("symptom", "level"), RED_FLAG_LEVELS.items())
def test_red_flag_levels(symptom: str, level: str, kb: KnowledgeBase) -> None:
    assert max(levels_for(symptom, kb), key=vocabulary().triage_levels.index) == level


def test_swallowing_or_speaking_is_urgent_alone_and_an_emergency_with_weakness(
    kb: KnowledgeBase,
) -> None:
    flags = {flag.id: flag for flag in kb.red_flags}
    assert flags["swallowing_or_speech_difficulty"].triage == "urgent"
    assert "difficulty_swallowing" in flags["swallowing_or_speech_difficulty"].symptoms
    assert flags["bulbar_weakness"].triage == "emergency"
    assert "weakness" in flags["bulbar_weakness"].with_symptoms


def test_red_flags_come_highest_first() -> None:
    levels = [flag.triage for flag in red_flags()]
    order = vocabulary().triage_levels
    assert levels == sorted(levels, key=order.index, reverse=True)


def test_vocabulary_covers_the_screening_ids() -> None:
    vocab = vocabulary()
    assert {
        "twitching", "cramps", "spasms", "night_time", "eyelid_twitching", "calf_cramps",
        "numbness_tingling", "weakness", "fatigue", "headache_migraine", "anxiety", "low_mood",
        "bone_pain", "fractures", "palpitations", "muscle_wasting", "progressive_weakness",
        "one_sided_weakness", "difficulty_swallowing", "difficulty_speaking",
        "difficulty_breathing", "dark_urine", "spreading_numbness", "tetany_carpopedal_spasm",
        "seizures", "fainting",
    } <= set(vocab.symptoms)  # fmt: skip
    assert {
        "kidney_disease", "type_2_diabetes", "coeliac_disease", "crohns_disease",
        "bariatric_surgery", "alcohol_use_disorder", "hyperthyroidism", "hypothyroidism",
        "hypoparathyroidism", "eating_disorder",
    } <= set(vocab.conditions)  # fmt: skip
    assert {
        "dehydration", "fluid_loss", "stress_anxiety", "caffeine", "nicotine", "alcohol",
        "intense_exercise", "sleep_loss", "pregnancy", "no_specific_cause", "medication",
    } <= set(vocab.factors)  # fmt: skip


# --- describe and related ----------------------------------------------------------------


def test_nutrient_gathers_what_changes_it() -> None:
    entry: Entry = lookup("magnesium")
    found = {(e.kind, e.id) for e in related(entry).effects}
    assert {
        ("medicine", "ppi"),
        ("medicine", "loop_diuretic"),
        ("condition", "type_2_diabetes"),
    } <= found


def test_describe_lists_every_cited_source() -> None:
    described = describe("omeprazole")
    assert described["kind"] == "medicine"
    assert described["medicine"]["name"] == "omeprazole"
    cited = {source["id"] for source in described["sources"]}
    assert {"S31", "S49"} <= cited
    assert all(source["title"] for source in described["sources"])


def test_sources_have_titles() -> None:
    assert all(source.title and source.id for source in sources())


def test_medicine_class_for_class_name() -> None:
    ppi = medicine_class_for("PPI")
    assert isinstance(ppi, MedicineClass)
    assert ppi.id == "ppi"
    lowered = {e.nutrient for e in ppi.effects if e.direction == "lowers"}
    assert lowered == {"magnesium", "vitamin_b12"}  # FDA 2011 (S31), Lam 2013 (S49)


# --- names as people write them (issue 9) -------------------------------------------------

WRITTEN_MEDICINES = {
    "furosemide 40mg": ["loop_diuretic"],
    "ramipril 5 mg once daily": ["ace_inhibitor"],
    "lisinopril 10mg od": ["ace_inhibitor"],
    "spironolactone 25mg tablets": ["potassium_sparing_diuretic"],
    "metformin 500mg bd": ["metformin"],
    "Ventolin inhaler 2 puffs prn": ["beta_agonist"],
    "omeprazole 20 mg in the morning": ["ppi"],
    "insulin glargine 10 units at night": ["insulin"],
    "frusemide (Lasix) 40 mg": ["loop_diuretic"],
    "lisinopril/hctz 20/12.5": ["ace_inhibitor", "thiazide_diuretic"],
    "lisinopril and hydrochlorothiazide": ["ace_inhibitor", "thiazide_diuretic"],
    "trimethoprim 200 mg bd": ["trimethoprim"],
    "co-trimoxazole 960mg": ["trimethoprim"],
    "lithium carbonate 400 mg at night": ["lithium"],
    "Slow-K 600 mg twice a day": ["potassium_supplement"],
    "Sando-K": ["potassium_supplement"],
    "potassium chloride tablets": ["potassium_supplement"],
    "Milk of Magnesia 10 ml as needed": ["magnesium_antacid_laxative"],
    "magnesium hydroxide": ["magnesium_antacid_laxative"],
    "magnesium citrate laxative": ["magnesium_antacid_laxative"],
    "Epsom salts": ["magnesium_antacid_laxative"],
    "Rennie indigestion tablets, many a day": ["calcium_antacid", "magnesium_antacid_laxative"],
    "water tablets": ["loop_diuretic"],
    "enoxaparin 40 mg injection": ["heparin"],
}


@pytest.mark.parametrize(("written", "classes"), WRITTEN_MEDICINES.items())
def test_medicines_as_written_resolve_to_their_class(written: str, classes: list[str]) -> None:
    assert [c.id for c in medicine_classes_for(written)] == classes


@pytest.mark.parametrize(
    ("written", "close"),
    [("furosemid 40mg", "furosemide"), ("lisinoprill 10mg od", "lisinopril")],
)
def test_misspelt_medicine_suggests_the_accepted_name(written: str, close: str) -> None:
    with pytest.raises(
        UnknownEntryError, match=rf"not a known medicine; did you mean: .*'{close}'"
    ):
        medicine_classes_for(written)


def test_a_dose_alone_or_an_unknown_word_is_refused() -> None:
    with pytest.raises(UnknownEntryError, match="not a known medicine"):
        medicine_classes_for("40 mg twice a day")
    with pytest.raises(UnknownEntryError, match=r"not understood: wonderpill"):
        medicine_classes_for("furosemide wonderpill")


RAISES = [
    ("ace_inhibitor", "potassium"),
    ("arb", "potassium"),
    ("potassium_sparing_diuretic", "potassium"),
    ("heparin", "potassium"),
    ("trimethoprim", "potassium"),
    ("potassium_supplement", "potassium"),
    ("magnesium_antacid_laxative", "magnesium"),
    ("thiazide_diuretic", "calcium"),
    ("lithium", "calcium"),
    ("calcium_antacid", "calcium"),
]


@pytest.mark.parametrize(("class_id", "nutrient"), RAISES)
def test_medicines_that_raise_a_nutrient(class_id: str, nutrient: str, kb: KnowledgeBase) -> None:
    assert effect(class_id, nutrient, kb) == "raises"


def test_lithium_notes_the_thyroid(kb: KnowledgeBase) -> None:
    assert any("thyroid" in note.text for note in kb.medicine_classes["lithium"].notes)


WRITTEN_CONDITIONS = {
    "chronic kidney disease stage 4": ("kidney_disease", "4", None),
    "CKD 3b": ("kidney_disease", "3b", None),
    "stage 5 CKD on dialysis": ("kidney_disease", "5", None),
    "CKD G3a": ("kidney_disease", "3a", None),
    "thyroidectomy 2 weeks ago": ("thyroid_surgery", None, 2.0),
    "total thyroidectomy 2 days ago": ("thyroid_surgery", None, 0.29),
    "had my parathyroids removed last month": ("parathyroid_surgery", None, 4.35),
    "thyroid removed on 2026-11-10": ("thyroid_surgery", None, 3.0),
    "parathyroid surgery in March 2026": ("parathyroid_surgery", None, 39.29),
    "acute gastroenteritis": ("gastroenteritis", None, None),
    "chronic diarrhoea": ("chronic_diarrhoea", None, None),
    "heart failure": ("heart_failure", None, None),
    "congestive heart failure": ("heart_failure", None, None),
    "type 2 diabetes (diet controlled)": ("type_2_diabetes", None, None),
    "primary hyperparathyroidism": ("hyperparathyroidism", None, None),
    "sarcoidosis": ("sarcoidosis", None, None),
    "multiple myeloma": ("cancer", None, None),
    "kidney failure on dialysis": ("kidney_disease", None, None),
}


@pytest.mark.parametrize(("written", "expected"), WRITTEN_CONDITIONS.items())
def test_conditions_as_written(written: str, expected: tuple) -> None:
    mention = condition_mention(written, today=datetime.date(2026, 12, 1))
    assert (mention.id, mention.stage, mention.since_weeks) == expected
    assert mention.text == written


def test_heart_failure_is_not_an_unrelated_condition(kb: KnowledgeBase) -> None:
    assert condition_mention("heart failure").id != "other_condition"
    directions = {(e.nutrient, e.direction) for e in kb.conditions["heart_failure"].effects}
    assert {("potassium", "lowers"), ("potassium", "raises"), ("magnesium", "lowers")} <= directions


@pytest.mark.parametrize(
    ("condition", "nutrient", "direction"),
    [
        ("thyroid_surgery", "calcium", "lowers"),
        ("parathyroid_surgery", "calcium", "lowers"),
        ("gastroenteritis", "potassium", "lowers"),
        ("gastroenteritis", "magnesium", "lowers"),
        ("chronic_diarrhoea", "magnesium", "lowers"),
        ("hyperparathyroidism", "calcium", "raises"),
        ("sarcoidosis", "calcium", "raises"),
        ("cancer", "calcium", "raises"),
    ],
)
def test_new_conditions_carry_their_implications(
    condition: str, nutrient: str, direction: str, kb: KnowledgeBase
) -> None:
    assert (nutrient, direction) in {
        (e.nutrient, e.direction) for e in kb.conditions[condition].effects
    }


def test_symptoms_as_written() -> None:
    assert symptom_id("severe calf cramps") == "calf_cramps"
    assert symptom_id("mild twitching") == "twitching"


# Every name the vocabulary holds, and the same names with typos, words added or cut.
MEDICINE_NAMES = sorted(
    n for n, targets in load_knowledge().names.items() if any(k == "medicine" for k, _ in targets)
)
CONDITION_NAMES = sorted(
    n for n, targets in load_knowledge().names.items() if any(k == "condition" for k, _ in targets)
)


def _garbled(names: list[str]) -> st.SearchStrategy[str]:
    def garble(name: str, cut: int, extra: str) -> str:
        return (name[: max(1, len(name) - cut)] + extra).strip()

    return st.builds(
        garble, st.sampled_from(names), st.integers(0, 3), st.sampled_from(["", "x", " 40mg", "e"])
    ) | st.text(max_size=20)


@settings(max_examples=300, deadline=None)
@given(_garbled(MEDICINE_NAMES))
def test_every_medicine_suggestion_is_itself_accepted(text: str) -> None:
    for suggestion in suggest(text, kind="medicine", limit=5):
        medicine_classes_for(suggestion)


@settings(max_examples=300, deadline=None)
@given(_garbled(CONDITION_NAMES))
def test_every_condition_suggestion_is_itself_accepted(text: str) -> None:
    for suggestion in suggest(text, kind="condition", limit=5):
        condition_mention(suggestion)


@settings(max_examples=300, deadline=None)
@given(_garbled(MEDICINE_NAMES))
def test_refusals_only_suggest_accepted_medicines(text: str) -> None:
    try:
        medicine_classes_for(text)
    except UnknownEntryError as error:
        message = str(error)
        for suggestion in re.findall(r"'([^']+)'", message.split("did you mean:", 1)[-1]):
            if "did you mean" in message:
                medicine_classes_for(suggestion)


DOSING = st.sampled_from(
    ["", "40mg", "5 mg once daily", "10mg od", "25mg tablets", "500mg bd", "2 puffs prn",
     "20 mg in the morning", "1 tablet at night", "as needed", "x2 daily", "1-2 tablets qds"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(load_knowledge().medicine_names)), DOSING)
def test_doses_and_frequencies_never_change_the_class(name: str, dosing: str) -> None:
    assert medicine_classes_for(f"{name} {dosing}") == medicine_classes_for(name)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_no_text_gives_a_traceback(text: str) -> None:
    for resolve in (medicine_classes_for, condition_mention, symptom_id):
        message = "resolved"
        try:
            resolve(text)
        except UnknownEntryError as error:
            message = str(error)
        assert message


# --- the new files load and fail clearly --------------------------------------------------


def test_supplements_regions_drinks_and_wording_load(kb: KnowledgeBase) -> None:
    assert {"magnesium", "vitamin_d", "potassium", "salt_substitute_potassium"} <= set(
        kb.supplements
    )
    assert {"uk", "us", "eu", "ie", "au", "nz", "ca", "in"} <= set(kb.regions)
    assert kb.regions["uk"].emergency_number == "999"
    assert kb.supplement_units["vitamin_d_ug"].per_iu == 0.025  # 40 IU = 1 µg (S10)
    assert "S10" in kb.supplement_units["vitamin_d_ug"].sources
    assert set(kb.drinks) == {"coffee", "tea", "cola", "energy_drink"}
    assert kb.wording.frequencies


def test_supplement_with_an_unknown_medicine_class_is_named(broken_copy: Path) -> None:
    def bad_class(data: dict) -> None:
        data["supplements"][0]["medicine_class"] = "not_a_class"

    edit(broken_copy, "supplements.yaml", bad_class)
    with pytest.raises(KnowledgeError, match=r"supplements.yaml: entry 'magnesium'.*not_a_class"):
        load_knowledge(broken_copy)


def test_region_without_a_source_fails_to_load(broken_copy: Path) -> None:
    def unsourced(data: dict) -> None:
        del data["regions"][0]["sources"]

    edit(broken_copy, "regions.yaml", unsourced)
    with pytest.raises(KnowledgeError, match=r"regions.yaml: entry 'uk', field 'sources'"):
        load_knowledge(broken_copy)


def test_a_supplement_name_meaning_two_things_is_refused(broken_copy: Path) -> None:
    def clash(data: dict) -> None:
        data["supplements"][1]["names"].append("magnesium")

    edit(broken_copy, "supplements.yaml", clash)
    with pytest.raises(KnowledgeError, match=r"'magnesium' means both magnesium and calcium"):
        load_knowledge(broken_copy)
