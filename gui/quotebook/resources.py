"""Finding bundled files (icons, fonts, seeds) from the source tree and from a frozen bundle.

PyInstaller unpacks data next to the executable under ``sys._MEIPASS``; in the source tree the
folders sit at the repository root, two levels above this package.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache  # every icon asks; resolving the path walks the file system each time
def base_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, e.g. ``resource_path("icons", "highlight.svg")``."""
    return base_dir().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return base_dir() / "seeds"
