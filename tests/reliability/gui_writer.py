"""Run as a script: the app's code path writing a library for a while, offscreen.

A `Session` makes every change through its undo commands, as the window's actions do:
highlights (with tags), notes, undo and redo, deletes and their undo. It prints one JSON line:
what it did, what failed, and every annotation it expects in the library with its note.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from quotebook.store import Library
from quotebook.ui.session import Session


def main(path: str, seconds: float) -> None:
    app = QApplication([])
    library = Library(path)
    library.load_writer()
    session = Session(library)
    documents = [library.documents.get(s.id) for s in library.documents.summaries()[:5]]
    rng = random.Random(11)
    expected: dict[int, str] = {}
    done = {"highlights": 0, "notes": 0, "undo_redo": 0, "deletes": 0, "restores": 0}
    failures: list[str] = []
    print("started", flush=True)
    deadline = time.monotonic() + seconds
    step = 0
    while time.monotonic() < deadline:
        step += 1
        document = rng.choice(documents)
        start = rng.randrange(0, len(document.text) - 60)
        end = start + rng.randint(5, 60)
        try:
            annotation = session.create_annotation(
                document.id, start, end, tags=[f"gui/{step % 7}"], seen=document
            )
            expected[annotation.id] = ""
            done["highlights"] += 1
            if step % 3 == 0:
                note = f"gui note {step}"
                session.set_note(annotation.id, note)
                expected[annotation.id] = note
                done["notes"] += 1
            if step % 5 == 0:
                session.undo()
                session.redo()
                done["undo_redo"] += 1
            if step % 7 == 0:
                session.delete_annotation(annotation.id)
                del expected[annotation.id]
                done["deletes"] += 1
            elif step % 11 == 0:
                session.delete_annotation(annotation.id)
                session.undo()
                done["restores"] += 1
        except Exception:
            failures.append(traceback.format_exc(limit=3))
    print(json.dumps({"done": done, "failures": failures, "expected": expected}), flush=True)
    library.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
