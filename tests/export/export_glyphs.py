"""Run as a script: export a document with emoji and CJK in its text, title and notes; print the
export's warnings and the annotation ids as JSON.

Started by `test_export_pdf_glyphs.py`, in the test's own process environment or with
fontconfig pointed at an empty configuration (a machine with no fonts at all).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.export import ExportOptions, collect_items, export
from quotebook.store import Library

TEXT = (
    "Reactions 🔥 and 👍🏽 came from 🇷🇺 and the 👨\u200d👩\u200d👧 family ✅ while 中文 was "
    "spoken in Beijing, and the envoy answered them all.\n\n"
    "A plain second paragraph closes the text."
)
NOTE = "Hot 🔥 👍🏽 🇷🇺 👨\u200d👩\u200d👧 ✅ 中文 note"


def main(folder: Path) -> None:
    app = QGuiApplication([])
    with Library(folder / "library.sqlite") as library:
        doc = library.documents.add(NewDocument(DocumentMeta(title="Emoji 🔥 and 中文"), TEXT))
        first = library.annotations.create(
            doc.id, locate_quote(TEXT, "Reactions 🔥 and 👍🏽"), color="pink", note=NOTE
        )
        after = library.annotations.create(
            doc.id, locate_quote(TEXT, "the envoy answered them all."), color="green"
        )
        result = export(collect_items(library, [doc.id]), folder / "glyphs.pdf", ExportOptions())
    print(json.dumps({"warnings": result.warnings, "first": first.id, "after": after.id}))
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]))
