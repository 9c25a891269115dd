"""Shared by the packaging tests: paths, a bare environment, and a check of an exported PDF."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
BUNDLE_EXE = REPO / "dist" / "quotebook" / "quotebook"


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i HOME=… PATH=/usr/bin:/bin` leaves: no display, no XDG dirs, no Python vars.

    TMPDIR is set (to a folder the test watches) so that "no trace left behind" covers the
    temporary folder too.
    """
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    env.update(extra)
    return env


def tree(folder: Path) -> list[str]:
    """Every path under `folder`, relative, sorted: to assert that nothing was written there."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def python_with_source_env(home: Path, tmpdir: Path) -> dict[str, str]:
    env = bare_env(home, TMPDIR=str(tmpdir))
    # The source run needs to find the interpreter's own libraries, nothing else.
    for name in ("LD_LIBRARY_PATH", "SYSTEMROOT"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env
