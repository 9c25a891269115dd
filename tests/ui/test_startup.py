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
    # "import time: self | cumulative | name", the name indented by how deep it was imported.
    imported = [line.rsplit("|", 1)[-1].strip() for line in lines]
    loads = [i for i, name in enumerate(imported) if name == "sqlite_utils"]
    assert loads, "sqlite-utils was never loaded"
    assert loads[0] > shown
    before_window = set(imported[:shown])
    assert "quotebook.ui.main_window" in before_window  # the names are read right
    # The first start worked out which lines of the document the reader view hides and kept
    # that in the library: this start does not need the reader view's rules at all.
    assert "quotebook.reader_view.rules" not in before_window
    # The values the store hands out are named tuples: each frozen dataclass cost about half a
    # millisecond to define, on every start.
    assert "dataclasses" not in before_window
    # Only a drag (JSON) or a tooltip and the About box (HTML escaping) need these.
    assert "json" not in before_window
    assert "html" not in before_window


GC_DRIVER = """
import gc, sys
from quotebook.ui.widgets.viewer import Viewer

seen = []
real = Viewer.after_next_paint

def spy(viewer, callback):
    def wrapped():
        seen.append(gc.isenabled())
        callback()
        seen.append(gc.isenabled())
    real(viewer, wrapped)

Viewer.after_next_paint = spy
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


CORE_DRIVER = """
import builtins, gc, sys
seen = []
real_import = builtins.__import__

def spy(name, *args, **kwargs):
    if name == "quotebook.store" and name not in sys.modules:
        seen.append(gc.isenabled())
    return real_import(name, *args, **kwargs)

builtins.__import__ = spy
from quotebook.__main__ import main
code = main(sys.argv[1:])
print("collector", seen, gc.isenabled(), code)
"""

COMMAND_DRIVER = """
import gc, sys
import quotebook.cli.main as cli
seen = []
real = cli.run_command

def spy(invocation):
    seen.append(gc.isenabled())
    return real(invocation)

cli.run_command = spy
from quotebook.__main__ import main
code = main(sys.argv[1:])
print("collector", seen, gc.isenabled(), code)
"""


def test_collector_is_paused_from_the_first_import_of_the_core(tmp_path):
    args = ["--library", str(tmp_path / "l.sqlite"), "--settings", str(tmp_path / "s.ini")]
    last = last_line_of(CORE_DRIVER, *args, "--exit-after-show")
    assert last == "collector [False] True 0"


def test_a_command_runs_with_the_collector_on(tmp_path):
    last = last_line_of(COMMAND_DRIVER, "list", "--library", str(tmp_path / "l.sqlite"))
    assert last.startswith("collector [True] True 0"), last


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


# Records every enum PySide6 makes, and which had been made when the first frame was done.
ENUMS_DRIVER = """
import enum, sys

made = []
real_create = enum.EnumType._create_

def create(*args, **kwargs):
    made.append(args[1])
    return real_create(*args, **kwargs)

enum.EnumType._create_ = create
import builtins
real_print = builtins.print

def report(*args, **kwargs):
    if args and str(args[0]).startswith("shown at"):
        real_print("made before the first frame:", " ".join(made))
    return real_print(*args, **kwargs)

builtins.print = report
from quotebook.__main__ import main
main(sys.argv[1:])
"""


def enums_made_before_the_first_frame(tmp_path) -> set[str]:
    """The names of the enums PySide6 had made when the app's first frame was done."""
    args = ["--library", str(tmp_path / "l.sqlite"), "--settings", str(tmp_path / "s.ini")]
    last_line_of(ENUMS_DRIVER, *args, "--exit-after-show")  # seeds the library
    result = subprocess.run(
        [sys.executable, "-c", ENUMS_DRIVER, *args, "--exit-after-show"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("made before"))
    return set(line.split(":", 1)[1].split())


def test_first_frame_comes_before_python_meets_a_widget_that_qt_made(tmp_path):
    """A scroll area's own viewport is a widget Qt made. The first such widget Python is handed
    makes PySide6 set up every widget class it has, with all their enums (~9 ms); the window
    must not pay that before its first frame. QLCDNumber and QWizard stand for the classes the
    window never uses: their enums are made only by that set-up."""
    made = enums_made_before_the_first_frame(tmp_path)
    assert "TextFormat" in made  # the record works: an enum the window does use
    assert "SegmentStyle" not in made  # QLCDNumber
    assert "WizardButton" not in made  # QWizard


def test_dialog_classes_are_not_set_up_before_the_first_frame(tmp_path):
    """Naming a PySide6 class makes all its enums (QMessageBox's standard buttons, QFileDialog's
    options…): the dialogs that only an action opens are named where the action is."""
    made = enums_made_before_the_first_frame(tmp_path)
    assert "TextFormat" in made  # the record works
    assert "StandardButton" not in made  # QMessageBox
    assert "FileMode" not in made  # QFileDialog
    assert "InputDialogOption" not in made  # QInputDialog
