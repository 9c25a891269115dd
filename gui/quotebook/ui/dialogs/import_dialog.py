"""The import flow of the app: progress with Cancel, a question about changed files, a summary.

`run_import` is what the menu action and drops onto the document tree call. The files are read
in a worker thread (see `import_worker`); meanwhile a progress dialog shows how far it got and
lets the user stop. Files that are changed versions of documents already in the library are
held back and the user is asked once for all of them whether to replace the old documents
(annotations move with their quotes), add them as separate documents, or skip them. The summary
says what was imported and skipped: in the status bar, or in a box with the reasons when a file
failed. The whole import is one undo step.

The questions and the summary are module-level functions, so tests (and any caller that wants a
silent import) can answer them without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from quotebook.services.importing import (
    ImportItem,
    ImportLog,
    ImportOptions,
    ImportResult,
    OnChanged,
)
from quotebook.ui.dialogs.import_worker import ImportWorker
from quotebook.ui.session import Session
from quotebook.wording import plural

SUMMARY_LINES = 40  # the summary names at most this many files per group; the rest are counted
STATUS_MS = 10_000  # how long an import's outcome stays in the status bar


class ImportController(QObject):
    """One run of the worker with its progress dialog; `finished` fires when it is over."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        session: Session,
        *,
        paths: Sequence[Path] = (),
        items: Sequence[ImportItem] = (),
        options: ImportOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.results: list[ImportResult] = []
        self.items: list[ImportItem] = list(items)
        self.total = len(self.items)
        self.shown = 0  # files the progress dialog has counted
        self.log = ImportLog()
        self.error = ""
        self.done = False
        self.progress = QProgressDialog("Looking for files…", "Cancel", 0, 0, parent)
        self.progress.setObjectName("importProgress")
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.worker = ImportWorker(session.library.path, paths=paths, items=items, options=options)
        self._thread = QThread(self)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.collected.connect(self._collected)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.progress.canceled.connect(self.cancel)

    @property
    def cancelled(self) -> bool:
        return self.worker.cancelled

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        if self.done:  # closing the finished progress dialog also reports "canceled"
            return
        self.worker.cancel()
        self.progress.setLabelText("Stopping after the current file…")

    def _collected(self, items: list[ImportItem]) -> None:
        self.items = items
        self.total = len(items)
        self.progress.setMaximum(max(len(items), 1))
        self.progress.setValue(0)

    def _progressed(self, done: int, result: ImportResult) -> None:
        self.shown = done
        if not self.cancelled:
            self.progress.setLabelText(
                f"{done} of {self.progress.maximum()}: {Path(result.path).name}"
            )
        self.progress.setValue(min(done, self.progress.maximum()))

    def _finished(self, results: list[ImportResult], log: ImportLog) -> None:
        self.results, self.log = results, log
        self._end()

    def _failed(self, message: str) -> None:
        self.error = message
        self._end()

    def _end(self) -> None:
        self.done = True
        self._thread.quit()
        self._thread.wait()
        self.progress.close()
        self.progress.deleteLater()
        self.finished.emit()


def _wait(controller: ImportController) -> None:
    if controller.done:
        return
    loop = QEventLoop()
    controller.finished.connect(loop.quit)
    controller.start()
    loop.exec()


def ask_mirror(parent: QWidget | None, folders: Sequence[Path]) -> bool:
    """Whether to recreate the picked folders' structure as folders of the library."""
    names = ", ".join(f"“{f.name}”" for f in folders[:3]) + (" …" if len(folders) > 3 else "")
    answer = QMessageBox.question(
        parent,
        "Import folders",
        f"Recreate the structure of {names} as folders in the library?\n\n"
        "No puts every document found into one place.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_changed(parent: QWidget | None, changed: Sequence[ImportResult]) -> OnChanged:
    """What to do with files whose text changed since they were imported."""
    box = QMessageBox(parent)
    box.setObjectName("importChangedQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Changed files")
    count = len(changed)
    box.setText(
        f"{count} file{'s are changed versions' if count != 1 else ' is a changed version'} "
        "of documents already in the library."
    )
    box.setInformativeText(
        "Replace keeps each document's annotations and moves them to their quotes in the new "
        "text; those whose quote is gone are kept and marked orphaned."
    )
    box.setDetailedText("\n".join(f"{Path(r.path).name}: {r.error}" for r in changed))
    replace_button = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton("Import as new documents", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Skip", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(replace_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace_button:
        return "replace"
    return "new" if clicked is new_button else "keep"


def summary_text(
    results: Sequence[ImportResult], *, cancelled: bool = False, not_reached: int = 0
) -> tuple[str, str]:
    """(headline, details) of an import: counts, then each file that was not simply imported."""
    groups: dict[str, list[ImportResult]] = {}
    for result in results:
        groups.setdefault(result.status, []).append(result)
    labels = (
        ("imported", "imported"),
        ("replaced", "replaced"),
        ("duplicate", "already in the library"),
        ("changed", "changed, skipped"),
        ("skipped", "skipped"),
        ("failed", "failed"),
    )
    counts = [f"{len(groups[k])} {label}" for k, label in labels if groups.get(k)]
    headline = ("Import stopped. " if cancelled else "") + (
        "; ".join(counts) + "." if counts else "No files were imported."
    )
    highlights = sum(r.annotations or 0 for r in results)  # brought in by projects
    if highlights:
        headline += f" {plural(highlights, 'highlight')} came with them."
    if not_reached:
        headline += f" {not_reached} file{'s were' if not_reached != 1 else ' was'} not reached."
    details: list[str] = []
    for key, label in labels:
        members = groups.get(key, [])
        shown = [r for r in members if key != "imported" or r.error]
        if not shown:
            continue
        details.append(f"{label.capitalize()}:")
        details += [f"  {Path(r.path).name}: {r.error or r.title}" for r in shown[:SUMMARY_LINES]]
        if len(shown) > SUMMARY_LINES:
            details.append(f"  … and {len(shown) - SUMMARY_LINES} more")
    return headline, "\n".join(details)


def show_summary(
    parent: QWidget | None,
    results: Sequence[ImportResult],
    *,
    cancelled: bool = False,
    not_reached: int = 0,
) -> None:
    """Tell the user how the import went: in the window's status bar when every file went in
    (or was already there, or was skipped as asked), in a box with the reasons when any failed."""
    headline, details = summary_text(results, cancelled=cancelled, not_reached=not_reached)
    failed = any(r.status == "failed" for r in results)
    if not failed and isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(headline, STATUS_MS)
        return
    box = QMessageBox(parent)
    box.setObjectName("importSummary")
    box.setIcon(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information)
    box.setWindowTitle("Import")
    box.setText(headline)
    if details:
        box.setInformativeText("Details list each file that was skipped or failed, and why.")
        box.setDetailedText(details)
    box.exec()


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "Import", message)


def run_import(
    parent: QWidget | None,
    session: Session,
    paths: Sequence[Path],
    folder_id: int | None = None,
    *,
    mirror_folders: bool | None = None,
    options: ImportOptions | None = None,
) -> list[ImportResult]:
    """Import files and folders into the session's library; returns one result per file.

    `mirror_folders` None asks the user when folders are among `paths`.
    """
    paths = [Path(p) for p in paths]
    folders = [p for p in paths if p.is_dir()]
    if mirror_folders is None:
        mirror_folders = bool(folders) and ask_mirror(parent, folders)
    options = replace(
        options or ImportOptions(),
        folder_id=folder_id,
        mirror_folders=mirror_folders,
        on_changed="keep",
    )
    first = ImportController(parent, session, paths=paths, options=options)
    _wait(first)
    results, log, cancelled = list(first.results), first.log, first.cancelled
    if first.error:
        show_error(parent, first.error)
    changed = [r for r in results if r.status == "changed"]
    if changed and not cancelled and not first.error:
        choice = ask_changed(parent, changed)
        if choice != "keep":
            results, log, cancelled = _second_pass(
                parent, session, options, choice, first.items, results, log
            )
    if log:
        session.record_import(log, results)
    show_summary(
        parent, results, cancelled=cancelled, not_reached=max(0, first.total - len(results))
    )
    return results


def _second_pass(
    parent: QWidget | None,
    session: Session,
    options: ImportOptions,
    choice: OnChanged,
    items: list[ImportItem],
    results: list[ImportResult],
    log: ImportLog,
) -> tuple[list[ImportResult], ImportLog, bool]:
    """Import the held-back changed files as the user chose; merge results and logs."""
    changed = {r.path: i for i, r in enumerate(results) if r.status == "changed"}
    items = [item for item in items if str(item.path) in changed]
    second = ImportController(
        parent, session, items=items, options=replace(options, on_changed=choice)
    )
    _wait(second)
    merged = list(results)
    for result in second.results:
        merged[changed[result.path]] = result
    if second.error:
        show_error(parent, second.error)
    combined = ImportLog(
        added=log.added + second.log.added,
        replaced=log.replaced + second.log.replaced,
        folders=log.folders + second.log.folders,
    )
    return merged, combined, second.cancelled
