"""Run as a script inside a private mount namespace: export onto a tiny, nearly full disk.

`test_export_atomic.py` mounts a 64 KiB tmpfs at the target folder first. Prints what the
export said and what the folder holds afterwards, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QGuiApplication

from quotebook.errors import ExportFailed
from quotebook.export import ExportOptions, collect_items, export
from quotebook.services.seeding import seed_library
from quotebook.store import Library


def main(work: Path, target_dir: Path) -> None:
    app = QGuiApplication([])
    existing = target_dir / "library.pdf"
    existing.write_bytes(b"an older export\n")
    report: dict[str, object] = {}
    with Library(work / "library.sqlite") as library:
        seed_library(library)
        try:
            export(collect_items(library), existing, ExportOptions())
            report["error"] = None
        except ExportFailed as exc:
            report["error"] = str(exc)
    report["files"] = sorted(os.listdir(target_dir))
    report["existing"] = existing.read_bytes().decode()
    print(json.dumps(report))
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
