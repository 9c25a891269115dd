"""The app under a real X server (Xvfb, the xcb platform), driven by keys and the mouse.

These tests run only where QT_QPA_PLATFORM is xcb: `tests/ui/test_under_xcb.py` starts them in
their own pytest process under `xvfb-run`, since a process has one Qt platform for good and the
rest of the suite runs offscreen. Run on their own:

    xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python -m pytest -p no:cacheprovider tests/ui/xcb
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

if os.environ.get("QT_QPA_PLATFORM") != "xcb":
    collect_ignore_glob = ["test_*.py"]

# The helpers the offscreen window tests use (person.py, test_actions.py) sit one level up.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture
def window(qtbot, library_path: Path, settings_path: Path):
    """The real main window on the seed library, with its real dialogs, shown and active."""
    from quotebook.app import make_settings, open_library, prepare_appearance
    from quotebook.ui.main_window import MainWindow
    from quotebook.ui.session import Session

    prepare_appearance(qtbot_app())
    library = open_library(library_path)
    main = MainWindow(Session(library), make_settings(str(settings_path)))
    qtbot.addWidget(main)
    main.resize(1440, 900)
    with qtbot.waitExposed(main):
        main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.close()
    library.close()


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
