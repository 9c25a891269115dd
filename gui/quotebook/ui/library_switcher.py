"""Which library the app has open, and moving to another one while it runs.

The app keeps one main window on one library. When the user asks for another library (File →
New Library…, Open Library…, Open Recent), the switcher opens that file first; if it cannot (not
a library, locked, newer, already there for a new one) the reason is shown on the current window,
which stays as it was. Otherwise a new window is put on the new library in place of the old one,
at the same size and place, and the old window, its undo history and its library are closed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from quotebook.errors import UserError
from quotebook.store import Library
from quotebook.ui.library_settings import remember_library
from quotebook.ui.main_window import MainWindow
from quotebook.ui.session import Session

Opener = Callable[[Path], Library]


def create_library(path: Path) -> Library:
    """A new, empty library file: File → New Library… gives a blank one, not the samples."""
    if path.exists():
        raise UserError(
            f"There is already a file named {path.name} in {path.parent}. Choose another name, "
            "or open it with File → Open Library…"
        )
    library = Library(path)
    try:
        library.mark_seeded()  # the samples are for the first library only
    except UserError:
        library.close()
        raise
    return library


class LibrarySwitcher(QObject):
    def __init__(self, settings: QSettings, open_library: Opener) -> None:
        super().__init__()
        self.setObjectName("librarySwitcher")
        self._settings = settings
        self._open = open_library
        self.window: MainWindow | None = None
        self.library: Library | None = None

    def start(self, library: Library) -> MainWindow:
        """The first window, on the library the app started with (not shown yet)."""
        self.library = library
        self.window = self._make_window(library)
        remember_library(self._settings, library.path)
        return self.window

    def switch(self, path: Path | str, *, create: bool = False) -> bool:
        """Put the app on the library at `path` (made new when `create`); False if it stays
        where it was (the reason has been shown)."""
        path = Path(path).expanduser()
        old_window, old_library = self.window, self.library
        if old_library is not None and not create and _same_file(path, old_library.path):
            return True
        try:
            library = create_library(path) if create else self._open(path)
        except UserError as exc:
            if old_window is not None:
                old_window.show_error(exc)
            return False
        if old_window is not None:
            old_window.save_settings()  # the new window takes its size, place and docks
        self.library = library
        self.window = self._make_window(library)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
            if old_library is not None:
                # Closed once its window is gone: nothing may read it after that.
                old_window.destroyed.connect(partial(old_library.close))
        elif old_library is not None:
            old_library.close()
        remember_library(self._settings, library.path)  # after the old one saved itself
        self.window.statusBar().showMessage(f"Opened the library {library.path}", 6000)
        return True

    def close(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None

    def _make_window(self, library: Library) -> MainWindow:
        window = MainWindow(Session(library), self._settings)
        window.libraryRequested.connect(self._on_requested)
        return window

    def _on_requested(self, path: str, create: bool) -> None:
        self.switch(Path(path), create=create)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
