"""Nothing a user did is lost when the app is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from quotebook.store import Library

TARGET = Path(__file__).with_name("kill_target.py")


def test_annotations_survive_sigkill(tmp_path: Path):
    library_path = tmp_path / "library.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, str(TARGET), str(library_path), str(tmp_path / "s.ini"), "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    made = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("made "):
            made.append(int(line.split()[1]))
        if line.strip() == "ready":
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    errors = proc.stderr.read() if proc.stderr else ""
    proc.stdout.close()
    if proc.stderr:
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, errors
    assert len(made) == 5

    with Library(library_path) as library:
        assert sorted(a.id for a in library.annotations.all()) == sorted(made)
