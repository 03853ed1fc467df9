"""schemathesis over every route of /openapi.json: no 500s, no status or body off the
document, no schema-valid input refused without a documented reason."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import settings

from twitchcheck.store.location import sqlite_url
from twitchcheck.web import WebSettings, create_app
from web.conftest import AUTH, HOST, TOKEN

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis.config import SchemathesisConfig


def _app() -> object:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="twitchcheck-schemathesis-"))
    settings = WebSettings(
        token=TOKEN, store_url=sqlite_url(folder / "twitchcheck.sqlite"), hosts=(HOST,)
    )
    return create_app(settings)


CONFIG = SchemathesisConfig.from_dict(
    {
        "headers": AUTH,
        "generation": {"max-examples": 25, "mode": "all"},
        "checks": {
            # A schema cannot say "a food that exists" or "a symptom the knowledge base
            # holds": the core's refusals of such input are its documented 400s.
            "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]},
        },
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", _app(), config=CONFIG, headers=AUTH)


@pytest.mark.slow
@schema.parametrize()
@settings(derandomize=True, database=None, deadline=None)  # the same examples on every run
def test_every_route_keeps_to_its_document(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={**AUTH, "host": HOST})
