"""Importing off the GUI thread.

Reading a folder of PDFs or web pages takes seconds to minutes; the worker does it in a
`QThread` with a library connection of its own on the same file (SQLite's WAL lets the app keep
reading meanwhile, and the importer's short batch transactions leave room for the app's writes).
A connection may only be used by the thread that opened it, so the worker opens and closes its
own inside `run`. The import is one undo step (`quotebook.ui.commands.imports.UndoImport`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from quotebook.errors import UserError
from quotebook.services.importing import (
    ImportItem,
    ImportOptions,
    collect_files,
    import_items,
)
from quotebook.store import Library


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
