"""Store every packaged YAML and TOML file's parsed content in data/yaml_bundle.json (see
_data.py).

    python tools/build_yaml_bundle.py          # rebuild the bundle
    python tools/build_yaml_bundle.py --check  # exit 1 when it is out of date

The bundle only speeds up reading: each entry carries its source text's SHA-256, and a
file whose text no longer matches is parsed from the YAML instead.
"""

from __future__ import annotations

import argparse
import json
import sys

from twitchcheck._data import BUNDLE, data_path, parse_toml, parse_yaml, text_hash


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
        return 0
    target.write_text(fresh, encoding="utf-8")
    print(f"wrote {target} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
