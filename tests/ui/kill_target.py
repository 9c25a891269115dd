"""A child process for the crash test: opens the real main window, highlights, then waits.

It prints one line per annotation it made and then "ready"; the test kills it with SIGKILL
at that point, without letting Qt or Python shut down.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor

from quotebook.app import create_application, make_settings, open_library
from quotebook.ui.actions import ActionId
from quotebook.ui.main_window import MainWindow
from quotebook.ui.session import Session


def main() -> None:
    library_path, settings_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = create_application()
    window = MainWindow(Session(open_library(library_path)), make_settings(settings_path))
    window.show()
    app.processEvents()
    for n in range(count):
        cursor = window.viewer.textCursor()
        cursor.setPosition(100 + 40 * n)
        cursor.setPosition(110 + 40 * n, QTextCursor.MoveMode.KeepAnchor)
        window.viewer.setTextCursor(cursor)
        window.action(ActionId.HIGHLIGHT).trigger()
        print(f"made {window.current_annotation_id}", flush=True)
    print("ready", flush=True)
    while True:  # keep the process alive until it is killed
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
