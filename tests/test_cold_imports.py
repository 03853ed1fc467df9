"""A cold process pays only for what its job needs: the costly packages a job does not use
stay unimported (each figure is bench/cold_start.py's, CPU of a cold process)."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from twitchcheck.knowledge import describe
described = describe("magnesium")
after_kb = set(sys.modules)
from twitchcheck.screen.answers import parse_answers
from twitchcheck.workflows import screen_person
answers = parse_answers({
    "age": 64, "sex": "female", "symptoms": ["cramps", "calf_cramps"],
    "medications": ["hydrochlorothiazide 25 mg"], "labs": ["potassium 3.3 mmol/L"],
})
result = screen_person(answers, None)
print(json.dumps({"kb": sorted(after_kb), "screen": sorted(sys.modules),
                  "triage": result.to_dict()["triage"]["level"], "label": described["label"]}))
"""


def _modules() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=60
    )
    return dict(json.loads(done.stdout))


def test_kb_show_and_a_screening_import_only_what_they_use() -> None:
    seen = _modules()
    assert seen["label"] == "Magnesium"
    assert seen["triage"] in ("see-doctor", "urgent")
    kb, screen = set(seen["kb"]), set(seen["screen"])  # type: ignore[call-overload]
    # describing an entry builds no pydantic validator or serializer (model_data instead):
    # building them is what loads pydantic's plugin scan (importlib.metadata)
    assert "pydantic.plugin._loader" not in kb
    assert "importlib.metadata" not in kb
    # a screening naming no supplement needs neither the food packages nor the optimiser
    assert not {name for name in screen if name.startswith("twitchcheck.foods")}
    assert not {"scipy", "highspy", "yaml", "numpy"} & screen
    # nor the reference intakes, which only a supplement's doses are checked against (issue 12)
    assert "twitchcheck.targets" not in screen
