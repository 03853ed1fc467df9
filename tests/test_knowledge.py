"""The knowledge base loads, every fact is sourced, and the must-have facts hold as data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from twitchcheck import _data
from twitchcheck.errors import KnowledgeError, UnknownEntryError
from twitchcheck.knowledge import (
    FILES,
    Entry,
    KnowledgeBase,
    MedicineClass,
    _walk,
    describe,
    load_knowledge,
    lookup,
    medicine_class_for,
    medicine_classes_for,
    red_flags,
    related,
    sources,
    vocabulary,
)

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
    "persistent_twitching": "see-doctor",
}


@pytest.mark.parametrize(("symptom", "level"), RED_FLAG_LEVELS.items())
def test_red_flag_levels(symptom: str, level: str, kb: KnowledgeBase) -> None:
    assert max(levels_for(symptom, kb), key=vocabulary().triage_levels.index) == level


def test_swallowing_or_speaking_is_urgent_alone_and_an_emergency_with_weakness(
    kb: KnowledgeBase,
) -> None:
    flags = {flag.id: flag for flag in kb.red_flags}
    assert flags["motor_signs"].triage == "urgent"
    assert "difficulty_swallowing" in flags["motor_signs"].symptoms
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
    assert isinstance(medicine_class_for("PPI"), MedicineClass)
