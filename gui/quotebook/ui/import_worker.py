"""Importing off the GUI thread, and undoing an import as one step.

Reading a folder of PDFs or web pages takes seconds to minutes; the worker does it in a
`QThread` with a library connection of its own on the same file (SQLite's WAL lets the app keep
reading meanwhile, and the importer's short batch transactions leave room for the app's writes).
A connection may only be used by the thread that opened it, so the worker opens and closes its
own inside `run`.

`UndoImport` lands on the session's undo stack once the import is done: undo removes what the
import added (documents, and the folders it made to mirror the source) and puts replaced texts
back with their annotations where they were; redo brings all of it back under the same ids.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from quotebook.errors import UserError
from quotebook.importing import (
    ImportItem,
    ImportLog,
    ImportOptions,
    ImportResult,
    collect_files,
    import_items,
)
from quotebook.store import Library
from quotebook.store.records import DeletedDocument, DeletedFolder, ReplacedDocument
from quotebook.ui.commands import StoreCommand
from quotebook.ui.session_events import SessionEvents


class ImportWorker(QObject):
    """Collects and imports files; lives in a worker thread, talks through signals only."""

    collected = Signal(object)  # list[ImportItem]: the files the import covers
    progressed = Signal(int, object)  # files done, the last ImportResult
    finished = Signal(object, object)  # list[ImportResult], ImportLog
    failed = Signal(str)  # the library could not be opened: nothing was imported

    def __init__(
        self,
        library_path: Path,
        *,
        paths: Sequence[Path] = (),
        items: Sequence[ImportItem] = (),
        options: ImportOptions | None = None,
    ) -> None:
        super().__init__()
        self._library_path = library_path
        self._paths = tuple(paths)
        self._items = tuple(items)
        self._options = options or ImportOptions()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the file being read; what was imported so far stays imported."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            library = Library(self._library_path)
        except UserError as exc:
            self.failed.emit(exc.message)
            return
        try:
            items = self._items or collect_files(self._paths, recursive=self._options.recursive)
            self.collected.emit(list(items))
            results, log = import_items(
                library,
                items,
                self._options,
                progress=lambda n, result: self.progressed.emit(n, result),
                cancelled=self._cancel.is_set,
            )
        except Exception as exc:  # reported to the user; the app must not lose its thread
            self.failed.emit(f"The import stopped: {exc}")
            return
        finally:
            library.close()
        self.finished.emit(results, log)


class UndoImport(StoreCommand):
    """An import batch as one undo step (pushed after the import already happened)."""

    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        log: ImportLog,
        results: Sequence[ImportResult],
    ) -> None:
        done = sum(r.status in ("imported", "replaced") for r in results)
        super().__init__(f"Import {done} file{'s' if done != 1 else ''}", library, events)
        self._log = log
        self._deleted_documents: list[DeletedDocument] = []
        self._deleted_folders: list[DeletedFolder] = []
        self._replaced: list[ReplacedDocument] = list(log.replaced)

    def revert(self) -> None:
        documents, folders = self.library.documents, self.library.folders
        with documents.transaction():
            current = []
            for replaced in reversed(self._replaced):
                doc_id = replaced.before.id
                now = documents.get(doc_id)
                current.append(
                    ReplacedDocument(now, tuple(self.library.annotations.for_document(doc_id)), 0)
                )
                documents.restore_replaced(replaced)
            self._replaced = current[::-1]
            self._deleted_documents = [documents.delete(i) for i in reversed(self._log.added)]
            self._deleted_folders = [folders.delete(i) for i in reversed(self._log.folders)]
        for deleted in self._deleted_documents:
            self.events.document_removed(deleted.document.id)
        self._changed()

    def apply(self) -> None:
        documents, folders = self.library.documents, self.library.folders
        with documents.transaction():
            for folder in reversed(self._deleted_folders):
                folders.restore(folder)
            for document in reversed(self._deleted_documents):
                documents.restore(document)
            current = []
            for replaced in self._replaced:
                doc_id = replaced.before.id
                now = documents.get(doc_id)
                current.append(
                    ReplacedDocument(now, tuple(self.library.annotations.for_document(doc_id)), 0)
                )
                documents.restore_replaced(replaced)
            self._replaced = current
        self._deleted_documents, self._deleted_folders = [], []
        self._changed()

    def _changed(self) -> None:
        self.events.documents_changed()
        if self._replaced:
            self.events.annotations_changed(None, None)
