"""Starting the app as a user does: the window appears before the library's writer is loaded."""

from __future__ import annotations

import os
import subprocess
import sys


def test_window_shows_before_sqlite_utils_loads_and_it_loads_right_after(tmp_path):
    library = tmp_path / "library.sqlite"
    cmd = [
        sys.executable,
        "-m",
        "quotebook",
        "--library",
        str(library),
        "--settings",
        str(tmp_path / "settings.ini"),
        "--exit-after-show",
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)  # seeds
    # -X importtime reports each import on stderr as it finishes; with both streams on one
    # unbuffered pipe, the order of the lines is the order of events.
    result = subprocess.run(
        [sys.executable, "-u", "-X", "importtime", *cmd[1:]],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    shown = next(i for i, line in enumerate(lines) if line.startswith("shown at "))
    loads = [i for i, line in enumerate(lines) if line.endswith("| sqlite_utils")]
    assert loads, "sqlite-utils was never loaded"
    assert loads[0] > shown
