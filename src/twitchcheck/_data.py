"""Read the package's own data files (the only I/O the core does).

Everything goes through `importlib.resources`, so it works from a wheel,
an editable install or a zip, and nothing is fetched from the network.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``"foods.sqlite"``."""
    return Path(str(resources.files("twitchcheck") / "data" / name))


@functools.cache
def load_yaml(name: str) -> Any:
    """Parse a packaged YAML file once (relative to ``twitchcheck/data``)."""
    import yaml

    return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))
