"""Finding the files that ship inside the package: icons, fonts and the sample library.

They live in ``quotebook/assets/`` as package data, so an editable checkout, an installed wheel
and the PyInstaller bundle (which collects the package's data beside its modules) all find them
the same way, through `importlib.resources`. Callers need real paths (Qt loads fonts and icons
from files), and every way Quotebook is installed keeps the package on disk.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache  # every icon asks; resolving the package walks the import system each time
def assets_dir() -> Path:
    return Path(str(files("quotebook").joinpath("assets")))


def resource_path(*parts: str) -> Path:
    """A bundled file, e.g. ``resource_path("icons", "highlight.svg")``."""
    return assets_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """The sample library that a new, empty library is filled with."""
    return assets_dir() / "samples"
