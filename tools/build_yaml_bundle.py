"""Store every packaged YAML and TOML file's parsed content in data/yaml_bundle.json (see
_data.py), the validated knowledge base in data/knowledge.pickle (knowledge/loading.py) and
the validated screening model in data/screening.pickle (screen/model.py).

    python tools/build_yaml_bundle.py          # rebuild both
    python tools/build_yaml_bundle.py --check  # exit 1 when either is out of date

Both only speed up reading: each bundle entry carries its source text's SHA-256, and a
file whose text no longer matches is parsed from the YAML instead; the knowledge base is
stored under the hashes of its files and of the code that builds it, and is validated
from the files when they differ (the screening model likewise). A pickle is rewritten only
when its content changes (its bytes vary from run to run with the order of sets), so a
rebuild with nothing new leaves git quiet.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from twitchcheck import _data
from twitchcheck._data import BUNDLE, data_path, parse_toml, parse_yaml, text_hash
from twitchcheck.knowledge.base import KnowledgeBase
from twitchcheck.knowledge.loading import ARTEFACT, artefact_key, validate_knowledge
from twitchcheck.screen import model as screening


def build() -> str:
    """The bundle's JSON text, from the packaged YAML files as they are now."""
    root = data_path("")
    files = {}
    for path in sorted([*root.rglob("*.yaml"), *root.rglob("*.toml")]):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        parse = parse_toml if path.suffix == ".toml" else parse_yaml
        files[name] = {"sha256": text_hash(text), "data": parse(text, name)}
    return json.dumps(files, ensure_ascii=False, separators=(",", ":")) + "\n"


def same_knowledge(one: KnowledgeBase, other: KnowledgeBase) -> bool:
    """Whether two knowledge bases hold equal entries, files and name index."""
    return all(getattr(one, f.name) == getattr(other, f.name) for f in dataclasses.fields(one))


def knowledge_is_current() -> bool:
    """Whether data/knowledge.pickle is current: its key matches and it holds what
    validating the knowledge files gives (validated afresh, never from the pickle)."""
    stored = _data.read_artefact(ARTEFACT, artefact_key())
    return isinstance(stored, KnowledgeBase) and same_knowledge(stored, validate_knowledge())


def write_knowledge() -> bool:
    """Store the validated knowledge base unless the stored one is current; True if written.
    The bundle is written first, so the validation reads the files' current content."""
    if knowledge_is_current():
        return False
    _data.write_artefact(ARTEFACT, artefact_key(), validate_knowledge())
    return True


def screening_is_current() -> bool:
    """Whether data/screening.pickle is current: its key matches and it equals the model
    validated afresh from screening.yaml."""
    stored = _data.read_artefact(screening.ARTEFACT, screening.artefact_key())
    return isinstance(stored, screening.ScreeningModel) and stored == screening.validate_model()


def write_screening() -> bool:
    """Store the validated screening model unless the stored one is current; True if
    written (after the knowledge base, whose key is part of its own)."""
    if screening_is_current():
        return False
    key = screening.artefact_key()
    _data.write_artefact(screening.ARTEFACT, key, screening.validate_model())
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check it is current")
    args = parser.parse_args()
    target = data_path(BUNDLE)
    fresh = build()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != fresh:
            print(f"{target} is out of date: run python tools/build_yaml_bundle.py")
            return 1
        for name, is_current in (
            (ARTEFACT, knowledge_is_current),
            (screening.ARTEFACT, screening_is_current),
        ):
            if not is_current():
                print(f"{data_path(name)} is out of date: run python tools/build_yaml_bundle.py")
                return 1
        return 0
    target.write_text(fresh, encoding="utf-8")
    print(f"wrote {target} ({len(fresh):,} bytes)")
    _data._bundle.cache_clear()  # the knowledge base is validated from the bundle just written
    written = write_knowledge()
    print(f"{'wrote' if written else 'kept'} {data_path(ARTEFACT)} (the knowledge base)")
    written = write_screening()
    print(f"{'wrote' if written else 'kept'} {data_path(screening.ARTEFACT)} (the screening model)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
