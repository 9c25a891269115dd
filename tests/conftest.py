"""Shared fixtures: real library files in temporary folders, the seed library, a session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Qt must not look for a display, whatever the machine has; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest

from quotebook.services.seeding import seed_library
from quotebook.store import Library

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """A fresh, migrated, empty library file."""
    lib = Library(library_path)
    yield lib
    lib.close()


@pytest.fixture
def seeded_library(library: Library) -> Library:
    """A library holding the five seed documents in their folder."""
    seed_library(library)
    return library


@pytest.fixture
def session(qapp, seeded_library: Library):
    from quotebook.ui.session import Session

    s = Session(seeded_library)
    yield s
    s.undo_stack.clear()
    s.deleteLater()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, library_path: Path, settings_path: Path, monkeypatch):
    """Builds real main windows on one library file, as successive app starts would.

    Each call opens the library anew (seeding it the first time, like the app); `make(path)`
    opens another library file with the same settings. Modal dialogs
    the window would open are answered through `answers`: set ``answers["tags"]`` or
    ``answers["note"]`` before triggering the action.
    """
    from quotebook.app import make_settings, open_library, prepare_appearance
    from quotebook.ui import main_window as main_window_module
    from quotebook.ui.main_window import MainWindow
    from quotebook.ui.session import Session

    answers: dict[str, object] = {}
    monkeypatch.setattr(main_window_module, "ask_tags", lambda *a: answers.get("tags"))
    monkeypatch.setattr(main_window_module, "ask_note", lambda *a: answers.get("note"))
    prepare_appearance(qtbot_app())
    opened: list[Library] = []

    def make(path: Path | None = None):
        library = open_library(path or library_path)
        opened.append(library)
        window = MainWindow(Session(library), make_settings(str(settings_path)))
        window.answers = answers
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    yield make
    for library in opened:
        library.close()


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


# -- the seed documents the quote tests read -----------------------------------------------


def document_id(library: Library, title_part: str) -> int:
    """A seed document's id by a piece of its title, so tests do not hang on import order."""
    return next(s.id for s in library.documents.summaries() if title_part in s.title)


@pytest.fixture
def envoy_id(seeded_library: Library) -> int:
    """The article quoting Ambassador Michael Carpenter, Landsbergis and the Baltic ministers."""
    return document_id(seeded_library, "No Planned Interactions")


@pytest.fixture
def interview_id(seeded_library: Library) -> int:
    """The interview transcript: speaker turns and a single scare quote."""
    return document_id(seeded_library, "interview with Rossiyskaya Gazeta")
