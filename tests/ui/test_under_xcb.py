"""Runs tests/ui/xcb in its own process under Xvfb with the xcb platform.

A process keeps the Qt platform it started with, and this suite runs offscreen, so the tests
that need a real X server (shortcuts as the platform binds them, focus, real dialogs, what is
painted on screen) run in a child pytest under `xvfb-run`. Skipped where Xvfb is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

XCB_TESTS = Path(__file__).with_name("xcb")
SCREEN = "1440x900x24"


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("Xvfb") is None,
    reason="Xvfb is not installed (apt-get install xvfb xauth); the xcb tests need an X server",
)
def test_the_app_under_a_real_x_server(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    proc = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            f"-screen 0 {SCREEN}",
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(XCB_TESTS.parents[2]),
            str(XCB_TESTS),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=XCB_TESTS.parents[2],
    )
    elapsed = time.monotonic() - started
    report = proc.stdout[-6000:] + proc.stderr[-3000:]
    assert proc.returncode == 0, report
    assert " passed" in proc.stdout and "skipped" not in proc.stdout.split("\n")[-2], report
    print(f"xcb tests: {proc.stdout.strip().splitlines()[-1]} ({elapsed:.1f} s with Xvfb)")
