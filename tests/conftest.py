"""Shared fixtures: real library files in temporary folders, the seed library, a session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Qt must not look for a display, whatever the machine has; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import pytest

from quotebook.seeding import seed_library
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
def session(qapp, seeded_library: Library):  # noqa: ANN001, ANN201
    from quotebook.ui.session import Session

    s = Session(seeded_library)
    yield s
    s.undo_stack.clear()
    s.deleteLater()
