"""_data reads each bundle entry on its own (decoding the whole bundle cost every cold
command): what it finds must be exactly the entry the whole bundle holds, for every file."""

from __future__ import annotations

import json

from twitchcheck import _data


def test_each_entry_read_alone_is_the_entry_of_the_whole_bundle() -> None:
    text = _data.data_path(_data.BUNDLE).read_text(encoding="utf-8")
    whole = json.loads(text)
    alone = _data._Bundle(text)
    assert len(whole) > 20
    for name, entry in whole.items():
        assert alone.get(name) == entry, name
    assert alone.get("no-such-file.yaml") is None


def test_a_name_written_inside_a_value_is_not_taken_for_an_entry() -> None:
    inner = {"sha256": "x", "data": {"note": '"b.yaml":{"sha256":'}}
    text = json.dumps({"a.yaml": inner}, ensure_ascii=False, separators=(",", ":"))
    bundle = _data._Bundle(text)
    assert bundle.get("a.yaml") == inner
    assert bundle.get("b.yaml") is None
    assert _data._Bundle("").get("a.yaml") is None
    assert _data._Bundle('{"a.yaml":{"sha256":"x"').get("a.yaml") is None  # cut short


def test_the_data_folder_is_the_one_importlib_resources_names() -> None:
    from importlib import resources

    assert (
        _data.data_path("foods.sqlite") == resources.files("twitchcheck") / "data" / "foods.sqlite"
    )
