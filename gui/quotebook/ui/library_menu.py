"""File → New Library…, Open Library… and Open Recent: choosing which library file to work in.

The menu only asks: it shows the file dialogs and the recent list and emits `libraryRequested`
with the path and whether to create it. Opening the file and putting a window on it is the
`LibrarySwitcher`'s job, so a file that cannot be opened leaves the current library as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from quotebook.ui.library_settings import forget_recent, recent_libraries

LIBRARY_SUFFIX = ".sqlite"
LIBRARY_FILTER = "Quotebook libraries (*.sqlite *.db);;All files (*)"
KEY_LIBRARY_FOLDER = "libraries/lastFolder"


def ask_new_library(parent: QWidget | None, start: Path) -> Path | None:
    """Where to make a new library; None if cancelled. The name gets `.sqlite` if it has no
    suffix; an existing file is not replaced (the switcher refuses it with a reason)."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        "New Library",
        str(start / f"New library{LIBRARY_SUFFIX}"),
        LIBRARY_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(LIBRARY_SUFFIX)


def ask_open_library(parent: QWidget | None, start: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(parent, "Open Library", str(start), LIBRARY_FILTER)
    return Path(chosen) if chosen else None


class LibraryMenu(QObject):
    """The library commands of the File menu for the window on `current`."""

    libraryRequested = Signal(str, bool)  # path, create

    def __init__(
        self,
        parent: QWidget,
        settings: QSettings,
        current: Path,
        *,
        new_action: QAction,
        open_action: QAction,
        clear_action: QAction,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryMenu")
        self._window = parent
        self._settings = settings
        self._current = current.expanduser().resolve()
        self.recent_menu = QMenu("Open &Recent", parent)
        self.recent_menu.setObjectName("recentLibrariesMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self._clear_action = clear_action
        new_action.triggered.connect(self.new_library)
        open_action.triggered.connect(self.open_library)
        clear_action.triggered.connect(self.clear_recent)
        self.fill_recent()

    def _start_folder(self) -> Path:
        return Path(str(self._settings.value(KEY_LIBRARY_FOLDER, str(self._current.parent))))

    def new_library(self) -> None:
        path = ask_new_library(self._window, self._start_folder())
        if path is not None:
            self._settings.setValue(KEY_LIBRARY_FOLDER, str(path.parent))
            self.libraryRequested.emit(str(path), True)

    def open_library(self) -> None:
        path = ask_open_library(self._window, self._start_folder())
        if path is not None:
            self._settings.setValue(KEY_LIBRARY_FOLDER, str(path.parent))
            self.libraryRequested.emit(str(path), False)

    def fill_recent(self) -> None:
        """The recent libraries, newest first; the open one is checked, a missing one greyed."""
        menu = self.recent_menu
        menu.clear()
        recent = recent_libraries(self._settings)
        if self._current not in recent:
            recent.insert(0, self._current)
        for n, path in enumerate(recent, start=1):
            label = f"&{n} {path.name}" if n < 10 else path.name
            action = menu.addAction(label)
            action.setObjectName(f"recentLibrary{n}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setCheckable(True)
            action.setChecked(path == self._current)
            action.setEnabled(path != self._current and path.is_file())
            action.triggered.connect(
                lambda _checked=False, p=str(path): self.libraryRequested.emit(p, False)
            )
        menu.addSeparator()
        menu.addAction(self._clear_action)
        self._clear_action.setEnabled(len(recent) > 1)

    def clear_recent(self) -> None:
        forget_recent(self._settings, self._current)
        self.fill_recent()
