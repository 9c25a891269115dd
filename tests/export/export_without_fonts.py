"""Run as a script: export a seed document with annotations where Qt can see no system fonts.

Started by `test_export_without_system_fonts.py` with fontconfig pointed at an empty
configuration, as on a fresh machine. Prints the font families Qt saw, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtGui import QFontDatabase, QGuiApplication

from quotebook.anchoring import make_anchor
from quotebook.export import ExportOptions, collect_items, export
from quotebook.resources import seeds_dir
from quotebook.services.seeding import seed_library
from quotebook.store import Library


def main(folder: Path, source_file: str) -> None:
    app = QGuiApplication([])
    before = QFontDatabase.families()
    with Library(folder / "library.sqlite") as library:
        seed_library(library)
        gold = json.loads((seeds_dir() / "quotes.gold.json").read_text(encoding="utf-8"))
        quotes = gold["documents"][source_file]["quotes"]
        (summary,) = [
            s
            for s in library.documents.summaries()
            if library.documents.get(s.id).meta.source_path == source_file
        ]
        document = library.documents.get(summary.id)
        for n, q in enumerate(quotes):
            library.annotations.create(
                document.id,
                make_anchor(document.text, q["start"], q["end"]),
                color=["yellow", "green", "blue", "pink", "orange"][n % 5],
                note=f"{q['kind']} quote",
                tags=[q["kind"]],
            )
        export(collect_items(library, [document.id]), folder / "seed.pdf", ExportOptions())
        result = {"before": before, "after": QFontDatabase.families(), "id": document.id}
    print(json.dumps(result))
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
