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
    # The first start worked out which lines of the document the reader view hides and kept
    # that in the library: this start does not need the reader view's rules at all.
    assert not any(line.endswith("| quotebook.reader_view.rules") for line in lines[:shown])


GC_DRIVER = """
import gc, sys
import quotebook.ui.first_paint as first_paint

seen = []
real = first_paint.after_first_paint

def spy(widget, callback):
    def wrapped():
        seen.append(gc.isenabled())
        callback()
        seen.append(gc.isenabled())
    real(widget, wrapped)

first_paint.after_first_paint = spy
from quotebook.__main__ import main
code = main(sys.argv[1:])
print("collector", seen, gc.isenabled(), code)
"""


def last_line_of(driver: str, *args: str) -> str:
    """Run `driver` as a fresh offscreen process with `args`; the last line it printed."""
    result = subprocess.run(
        [sys.executable, "-c", driver, *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.splitlines()[-1]


def test_collector_is_paused_for_start_up_and_back_on_after_the_first_frame(tmp_path):
    args = ["--library", str(tmp_path / "l.sqlite"), "--settings", str(tmp_path / "s.ini")]
    last = last_line_of(GC_DRIVER, *args, "--exit-after-show")
    assert last == "collector [False, True] True 0"


def test_collector_is_back_on_when_start_up_stops_early(tmp_path):
    (tmp_path / "broken.sqlite").write_bytes(b"not a database" * 100)
    driver = (
        "import gc, sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "during = []\n"
        "# The error dialog, answered at once; what matters is the collector while it is up.\n"
        "QMessageBox.exec = lambda self: during.append(gc.isenabled()) or 0\n"
        "from quotebook.__main__ import main\n"
        "code = main(sys.argv[1:])\n"
        "print('collector', during, gc.isenabled(), code)\n"
    )
    last = last_line_of(driver, "--library", str(tmp_path / "broken.sqlite"))
    assert last == "collector [True] True 1"
