"""twitchcheck: investigate night-time muscle twitches and cramps.

The core is a plain library; the command line and web app are shells over it.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
