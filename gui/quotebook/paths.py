"""Where the library lives: ``--library``, then ``QUOTEBOOK_LIBRARY``, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from quotebook import APP_NAME

LIBRARY_ENV = "QUOTEBOOK_LIBRARY"
LIBRARY_FILE = "library.sqlite"


def default_library_path() -> Path:
    # Only the default needs platformdirs, which takes tens of milliseconds to load.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / LIBRARY_FILE


def resolve_library_path(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return default_library_path()
