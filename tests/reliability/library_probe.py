"""Run as a script, often inside a private mount namespace: what a user can do with a library.

``library_probe.py LIBRARY OUT_DIR`` opens the library as the app and the CLI do and prints one
JSON line: whether it opened read-only and why, what reading, searching and exporting gave,
what a write said, and what the main window shows (status bar, editing actions).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def cli(library: Path, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "quotebook", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return {"code": done.returncode, "out": done.stdout, "err": done.stderr}


def main(library: Path, out: Path) -> None:
    from quotebook.anchoring import make_anchor
    from quotebook.errors import UserError
    from quotebook.store import Library

    report: dict[str, object] = {}
    report["list"] = cli(library, "list", "--json")
    report["search"] = cli(library, "search", "OSCE", "--json")
    report["export"] = cli(library, "export", "--format", "csv", "-o", str(out / "out.csv"))
    report["annotate"] = cli(library, "annotate", "1", "--quote", "OSCE")
    with Library(library) as opened:
        report["read_only"] = opened.read_only
        text = opened.documents.get(1).text
        try:
            opened.annotations.create(1, make_anchor(text, 0, 4))
            report["write"] = "written"
        except UserError as exc:
            report["write"] = exc.message

    from PySide6.QtWidgets import QApplication, QLabel

    from quotebook.app import make_settings, open_library, prepare_appearance
    from quotebook.ui.actions import ActionId
    from quotebook.ui.main_window import MainWindow
    from quotebook.ui.session import Session

    app = QApplication([])
    prepare_appearance(app)
    opened = open_library(library)
    window = MainWindow(Session(opened), make_settings(str(out / "settings.ini")))
    window.show()
    app.processEvents()
    label = window.findChild(QLabel, "statusReadOnly")
    report["window"] = {
        "label": label.text() if label is not None and label.isVisible() else None,
        "tip": label.toolTip() if label is not None else None,
        "message": window.statusBar().currentMessage(),
        "enabled": {
            name: window.action(ActionId[name]).isEnabled()
            for name in ("HIGHLIGHT", "IMPORT", "NOTE", "MANAGE_TAGS", "EXPORT", "SEARCH", "BACKUP")
        },
        "document": window.document.title if window.document is not None else None,
    }
    window.close()
    opened.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
