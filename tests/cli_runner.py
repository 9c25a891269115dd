"""Running the command line as a user would: a real process on a real library file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    library: Path, *args: str, expect: int = 0, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``quotebook --library LIBRARY ARGS…``; check the exit code and that no traceback
    reached the user."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QUOTEBOOK_LIBRARY", None)
    proc = subprocess.run(
        [sys.executable, "-m", "quotebook", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    assert proc.returncode == expect, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc
