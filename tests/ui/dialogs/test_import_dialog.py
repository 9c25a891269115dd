"""The app's import: worker thread, progress with Cancel, changed files, summary, one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from import_samples import ARTICLE, PAGE, RUSSIAN, write
from quotebook.anchoring import locate_quote
from quotebook.services import importing
from quotebook.services.importing import ImportOptions, ImportResult
from quotebook.ui.dialogs import import_dialog
from quotebook.ui.dialogs.import_dialog import ImportController, run_import, summary_text


@pytest.fixture
def answers(monkeypatch):
    """Answers to the import's questions, and the summaries it would have shown."""
    state: dict[str, object] = {"mirror": False, "changed": "keep", "summaries": []}
    monkeypatch.setattr(import_dialog, "ask_mirror", lambda parent, folders: state["mirror"])
    monkeypatch.setattr(import_dialog, "ask_changed", lambda parent, changed: state["changed"])

    def summary(parent, results, *, cancelled=False, not_reached=0):
        text = summary_text(results, cancelled=cancelled, not_reached=not_reached)
        state["summaries"].append((text, cancelled))

    monkeypatch.setattr(import_dialog, "show_summary", summary)
    return state


def test_import_runs_off_the_gui_thread_reports_and_is_one_undo_step(
    qtbot, session, tmp_path: Path, answers
):
    library = session.library
    before = library.documents.count()
    paths = [
        write(tmp_path / "a.txt", ARTICLE),
        write(tmp_path / "page.html", PAGE),
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "copy.txt", ARTICLE),
    ]
    changes: list[bool] = []
    session.documentsChanged.connect(lambda: changes.append(True))

    results = run_import(None, session, paths)

    assert [r.status for r in results] == ["imported", "imported", "failed", "duplicate"]
    assert library.documents.count() == before + 2  # the app's own connection sees them
    assert changes
    (headline, details), cancelled = answers["summaries"][0]
    assert headline == "2 imported; 1 already in the library; 1 failed."
    assert "empty.txt: empty.txt is empty." in details and not cancelled

    stack = session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Import 2 files"
    stack.undo()
    assert library.documents.count() == before
    stack.redo()
    assert library.documents.count() == before + 2
    assert library.documents.get(results[0].id).text == ARTICLE  # same ids come back


def test_progress_counts_files_and_cancel_stops_between_them(
    qtbot, session, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(importing, "BATCH_FILES", 1)
    paths = [write(tmp_path / f"{n:02d}.txt", f"Story {n}\n\n{ARTICLE}") for n in range(30)]
    controller = ImportController(None, session, paths=paths, options=ImportOptions())
    assert controller.progress.objectName() == "importProgress"

    def progressed(done: int, result: ImportResult) -> None:
        # Runs in the worker thread (a plain function has no thread of its own), where only
        # the thread-safe part of cancelling may be touched.
        if done == 3:
            controller.worker.cancel()

    controller.worker.progressed.connect(progressed)
    controller.start()
    qtbot.waitUntil(lambda: controller.done, timeout=20_000)

    assert controller.cancelled and not controller.error
    assert controller.total == len(paths)
    assert 3 <= len(controller.results) < len(paths)
    assert controller.shown == len(controller.results)
    assert len(controller.log.added) == len(controller.results)


def test_the_cancel_button_stops_the_worker(qtbot, session, tmp_path: Path):
    paths = [write(tmp_path / f"{n:03d}.txt", f"Story {n}\n\n{ARTICLE}") for n in range(300)]
    controller = ImportController(None, session, paths=paths)
    controller.start()
    button = controller.progress.findChild(QPushButton)
    assert button.text() == "Cancel"
    button.click()
    qtbot.waitUntil(lambda: controller.done, timeout=20_000)
    assert controller.cancelled
    assert len(controller.results) < len(paths)


def test_changed_files_are_replaced_when_the_user_says_so_and_undo_restores_them(
    qtbot, session, tmp_path: Path, answers
):
    library = session.library
    story = write(tmp_path / "story.txt", ARTICLE)
    (first,) = run_import(None, session, [story])
    text = library.documents.get(first.id).text
    kept = library.annotations.create(first.id, locate_quote(text, "both delegations promised"))
    lost = library.annotations.create(first.id, locate_quote(text, "appropriate response"))
    new_text = RUSSIAN + "\n" + ARTICLE.replace("appropriate", "adequate")
    write(story, new_text)

    answers["changed"] = "keep"
    (skipped,) = run_import(None, session, [story])
    assert skipped.status == "changed" and library.documents.get(first.id).text == ARTICLE

    answers["changed"] = "replace"
    (replaced,) = run_import(None, session, [story])
    assert (replaced.status, replaced.id, replaced.orphaned) == ("replaced", first.id, 1)
    assert library.documents.get(first.id).text == new_text
    moved = library.annotations.get(kept.id)
    assert new_text[moved.start : moved.end] == "both delegations promised"
    assert library.annotations.get(lost.id).orphaned
    (headline, _), _ = answers["summaries"][-1]
    assert headline == "1 replaced."

    session.undo_stack.undo()
    assert library.documents.get(first.id).text == ARTICLE
    assert library.annotations.get(kept.id).start == kept.start
    assert not library.annotations.get(lost.id).orphaned
    session.undo_stack.redo()
    assert library.documents.get(first.id).text == new_text
    assert library.annotations.get(lost.id).orphaned


def test_changed_files_can_come_in_as_new_documents(qtbot, session, tmp_path: Path, answers):
    story = write(tmp_path / "story.txt", ARTICLE)
    (first,) = run_import(None, session, [story])
    write(story, ARTICLE + "\nUpdate.\n")
    answers["changed"] = "new"
    (second,) = run_import(None, session, [story])
    assert second.status == "imported" and second.id != first.id


def test_a_dropped_folder_can_be_mirrored_and_undo_removes_the_folders(
    qtbot, session, tmp_path: Path, answers
):
    library = session.library
    folders_before = len(library.folders.all())
    write(tmp_path / "press" / "a.txt", ARTICLE)
    write(tmp_path / "press" / "ru" / "b.txt", RUSSIAN)
    answers["mirror"] = True
    results = run_import(None, session, [tmp_path / "press"])
    assert [r.status for r in results] == ["imported", "imported"]
    names = {f.name for f in library.folders.all()}
    assert {"press", "ru"} <= names
    session.undo_stack.undo()
    assert len(library.folders.all()) == folders_before
    session.undo_stack.redo()
    assert {"press", "ru"} <= {f.name for f in library.folders.all()}


def test_the_summary_box_lists_reasons(qtbot, monkeypatch):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    results = [
        ImportResult("/x/a.txt", "imported", 1, title="A"),
        ImportResult("/x/b.pdf", "failed", error="b.pdf has no text layer"),
    ]
    import_dialog.show_summary(None, results, cancelled=True, not_reached=3)
    (box,) = shown
    assert box.text() == "Import stopped. 1 imported; 1 failed. 3 files were not reached."
    assert "b.pdf: b.pdf has no text layer" in box.detailedText()
    assert box.icon() == QMessageBox.Icon.Warning
