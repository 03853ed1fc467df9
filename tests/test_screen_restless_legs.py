"""Restless legs in the screening (issue 15): told apart from cramps and twitches, raised with
what the sources say brings it on, with the tests worth asking for, and never above a red flag.
The vignettes (tests/data/vignettes_rls.yaml) are scored one by one."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from conftest import REPO
from twitchcheck.screen import screen
from twitchcheck.screen.answers import parse_answers

VIGNETTES: list[dict[str, Any]] = yaml.safe_load(
    (REPO / "tests/data/vignettes_rls.yaml").read_text(encoding="utf-8")
)["vignettes"]
RLS = "restless_legs_syndrome"


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v["id"] for v in VIGNETTES])
def test_each_vignette_gets_its_level_cause_evidence_and_tests(vignette: dict[str, Any]) -> None:
    expect = vignette["expect"]
    result = screen(parse_answers(vignette["answers"]))
    assert result.level == expect["triage"]
    ranked = [c for c in result.contributors if c.score > 0]
    assert ranked[0].id == expect["top1"], [c.id for c in ranked[:3]]
    found = {c.id: c for c in ranked}
    assert (RLS in found) is expect["rls"]
    if not expect["rls"]:
        return
    said = " ".join(e.answer for e in found[RLS].evidence).lower()
    for words in expect["evidence"]:
        assert words.lower() in said, said
    names = [t.name for t in result.suggested_tests]
    for prefix in expect["tests"]:
        assert any(name.startswith(prefix) for name in names), names


def test_the_vignettes_cover_the_causes_and_the_look_alikes() -> None:
    assert len(VIGNETTES) >= 8
    assert all(v["source"]["citation"] and v["source"]["url"] for v in VIGNETTES)
    told_apart = [v for v in VIGNETTES if not v["expect"]["rls"]]
    assert {"cramps", "twitching"} <= {s for v in told_apart for s in v["answers"]["symptoms"]}


def test_red_flags_come_first_and_outrank_restless_legs() -> None:
    answers = {"age": 59, "sex": "male", "symptoms": ["restless_legs", "chest_pain", "cold_sweat"]}
    result = screen(parse_answers(answers)).to_dict()
    assert next(iter(result)) == "triage"  # the JSON opens with the triage
    assert result["triage"]["level"] == "emergency"
    levels = [r["level"] for r in result["triage"]["reasons"]]
    assert levels == sorted(levels, key=["emergency", "urgent", "see-doctor"].index)
    ids = [c["id"] for c in result["contributors"]]
    assert ids.index("heart_attack") < ids.index(RLS)


def test_restless_legs_contributor_is_a_sourced_rule_out_with_its_strength() -> None:
    result = screen(parse_answers({"age": 45, "sex": "female", "symptoms": ["restless_legs"]}))
    rls = next(c for c in result.contributors if c.id == RLS)
    assert rls.kind == "rule_out"
    assert rls.evidence_strength == "moderate"
    assert all(e.sources for e in rls.evidence)
    assert "ferritin" in (rls.checks or "").lower()
    fired = [r.id for r in result.reasons]
    assert fired == ["restless_legs_pattern"]


def test_old_answers_files_stay_valid_and_keep_their_result() -> None:
    """An answers file written before restless legs existed parses and screens as before:
    without the new symptom nothing about restless legs is said."""
    old = {
        "age": 52, "sex": "female", "symptoms": ["cramps", "night_time"],
        "medications": ["furosemide"], "lifestyle": {"coffee_cups_per_day": 2},
    }  # fmt: skip
    result = screen(parse_answers(json.loads(json.dumps(old))))
    assert RLS not in [c.id for c in result.contributors if c.score > 0]
    assert "restless_legs_pattern" not in [r.id for r in result.reasons]
    assert not [t for t in result.suggested_tests if t.name.startswith("Ferritin")]


def test_restless_legs_words_resolve() -> None:
    """What people type: the symptom by its words, the condition and the medicines by name."""
    answers = parse_answers({
        "age": 40, "sex": "female", "symptoms": ["restless legs"],
        "conditions": ["low ferritin"], "medications": ["Piriton", "mirtazapine"],
    })  # fmt: skip
    result = screen(answers)
    rls = next(c for c in result.contributors if c.id == RLS)
    said = [e.answer for e in rls.evidence if "medicines" in e.answer]
    assert len(said) == 2  # one piece of evidence per medicine class taken, naming only it
    assert not any("dopamine" in answer for answer in said)
    assert "restless_legs" in answers.symptoms
    assert answers.conditions == ("iron_deficiency",)
    assert set(answers.medications) == {"sedating_antihistamine", "serotonergic_antidepressant"}
