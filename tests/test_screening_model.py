"""The screening model file is validated, cross-checked and fully sourced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from twitchcheck._data import data_path
from twitchcheck.errors import KnowledgeError
from twitchcheck.knowledge import load_knowledge
from twitchcheck.screen.model import load_model


def test_packaged_model_loads() -> None:
    model = load_model()
    assert {c.id for c in model.contributors} >= {
        "magnesium", "calcium", "vitamin_d", "potassium", "vitamin_b12", "dehydration",
        "stress_anxiety", "caffeine", "nicotine", "intense_exercise", "sleep_loss", "pregnancy",
        "no_specific_cause",
    }  # fmt: skip
    assert {"statin", "beta_agonist", "loop_diuretic", "thiazide_diuretic"} <= set(
        model.medicine_contributors
    )


def test_every_rule_caution_and_test_cites_a_known_source() -> None:
    model, kb = load_model(), load_knowledge()
    cited = [s for r in model.rules for s in r.sources]
    cited += [s for c in model.cautions for s in c.sources]
    cited += [s for c in model.contributors for t in c.tests for s in t.sources]
    assert cited
    assert all(source in kb.sources for source in cited)


def test_every_contributor_states_its_evidence_strength() -> None:
    for contributor in load_model().contributors:
        assert contributor.evidence.strength
        assert contributor.evidence.summary.strip()


def test_magnesium_evidence_is_not_overstated() -> None:
    magnesium = load_model().contributor("magnesium")
    assert magnesium is not None
    assert magnesium.evidence.strength == "weak"
    assert magnesium.evidence.claim == "magnesium_typical_cramps_older_adults"


def broken_copy(tmp_path: Path, change) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(data_path("knowledge"), folder)
    raw = yaml.safe_load((folder / "screening.yaml").read_text(encoding="utf-8"))
    change(raw)
    (folder / "screening.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    return folder


def test_a_rule_without_sources_fails_naming_the_entry(tmp_path: Path) -> None:
    def drop_sources(raw: dict) -> None:
        raw["rules"][0]["sources"] = []

    with pytest.raises(KnowledgeError, match=r"entry 'caffeine_high'.*sources"):
        load_model(broken_copy(tmp_path, drop_sources))


def test_an_unknown_source_fails(tmp_path: Path) -> None:
    def bad_source(raw: dict) -> None:
        raw["rules"][0]["sources"] = ["S9999"]

    with pytest.raises(KnowledgeError, match="S9999"):
        load_model(broken_copy(tmp_path, bad_source))


def test_an_unknown_symptom_in_a_rule_fails(tmp_path: Path) -> None:
    def bad_symptom(raw: dict) -> None:
        raw["rules"][0]["when"]["symptoms_any"] = ["hiccups"]

    with pytest.raises(KnowledgeError, match="hiccups"):
        load_model(broken_copy(tmp_path, bad_symptom))
