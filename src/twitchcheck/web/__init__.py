"""The web shell: a FastAPI app over the same core workflows as the command line.

    from twitchcheck.web import WebSettings, create_app
    app = create_app(WebSettings(token=..., store_url=..., hosts=("127.0.0.1:8000",)))

Only /api (the JSON API), /openapi.json and a placeholder "/" for now; the pages come in a
later issue. `twitchcheck serve` runs it under uvicorn; docs/security.md says what guards it.
"""

from __future__ import annotations

from twitchcheck.web.app import create_app as create_app
from twitchcheck.web.settings import WebSettings as WebSettings
from twitchcheck.web.settings import settings_from_environment as settings_from_environment

__all__ = ["WebSettings", "create_app", "settings_from_environment"]
