"""Starting the app: Qt application, fonts, palette, the library, the main window.

Problems a user can act on (a locked or damaged library) are shown in a dialog; anything else
that escapes is a bug, reported in a dialog with the details folded away, never as a raw
traceback in a terminal the user may not even have.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from quotebook import APP_NAME, __version__
from quotebook.cli.main import AppOptions
from quotebook.errors import UserError
from quotebook.paths import LIBRARY_ENV, resolve_library_path
from quotebook.services.seeding import needs_seeding, seed_library
from quotebook.store import Library

ORGANIZATION = "Quotebook"


def create_application(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("quotebook")
    prepare_appearance(app)
    return app


def prepare_appearance(app: QApplication) -> None:
    """Bundled fonts, the app icon, and a style that follows the system's light/dark scheme."""
    from quotebook.resources import resource_path
    from quotebook.ui.fonts import register_fonts
    from quotebook.ui.theme import apply_theme

    register_fonts()
    app.setWindowIcon(QIcon(str(resource_path("icons", "quotebook.svg"))))
    apply_theme(app)


def apply_theme_preference(app: QApplication, settings: QSettings) -> None:
    """A theme pinned in Preferences; the system's is already in place."""
    from quotebook.ui.preferences import load_preferences
    from quotebook.ui.theme import apply_theme

    theme = load_preferences(settings).theme
    if theme != "system":
        apply_theme(app, theme)


def make_settings(path: str | None = None) -> QSettings:
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APP_NAME)


def start_library_path(option: str | None, settings: QSettings) -> Path:
    """The library to start on: the one named on the command line or in the environment,
    else the one open when the app last closed, else the default one."""
    if option or os.environ.get(LIBRARY_ENV):
        return resolve_library_path(option)
    from quotebook.ui.library_settings import last_library

    return last_library(settings) or resolve_library_path(None)


def open_library(path: Path) -> Library:
    """Open the library and, the first time it is ever opened, fill it with the samples."""
    library = Library(path)
    if needs_seeding(library):
        seed_library(library)
    return library


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(details)
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox  # imported when a dialog is due, not at start

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setObjectName("bugDialog")
    if isinstance(exc, UserError):
        box.setText(exc.message)
    else:
        box.setText(
            "Something went wrong inside Quotebook. Your work so far is saved in the library.\n"
            "If this keeps happening, please report it with the details below."
        )
        box.setDetailedText(details)
    box.exec()


def run_app(options: AppOptions) -> int:
    """Open the library in the main window and run until the window closes.

    Expects the garbage collector paused (`quotebook.__main__.collector_paused`) and turns it
    back on once the first frame is on screen.
    """
    app = create_application(options.qt_args)
    sys.excepthook = _excepthook
    settings = make_settings(options.settings)
    apply_theme_preference(app, settings)
    try:
        library = open_library(start_library_path(options.library, settings))
    except UserError as exc:
        gc.enable()  # no window is coming, and the dialog may stay up a while
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, exc.message)
        box.setObjectName("libraryErrorDialog")
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()
        return 1

    from quotebook.ui.library_switcher import LibrarySwitcher

    switcher = LibrarySwitcher(settings, open_library)
    window = switcher.start(library)

    def on_first_frame() -> None:
        if options.exit_after_show:
            # For the start-up benchmark: when the first frame was done, on a clock that all
            # processes share.
            print(f"shown at {time.monotonic():.6f} cpu {time.process_time():.6f}", flush=True)
            app.quit()
        gc.enable()
        # Showing the window only reads; what writing needs is loaded once it is on screen.
        library.load_writer()

    window.viewer.after_next_paint(on_first_frame)
    window.show()
    # A window that starts minimised paints nothing: the collector comes back on regardless.
    QTimer.singleShot(2000, gc.enable)
    try:
        return app.exec()
    finally:
        switcher.close()
