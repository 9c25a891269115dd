"""Opening library files: bad files give clear errors, newer files are refused."""

from __future__ import annotations

import sqlite3

import pytest

from quotebook.errors import LibraryError
from quotebook.store import Library
from quotebook.store.migrations import SCHEMA_VERSION


def test_new_library_has_current_schema(library: Library):
    assert library.schema_version == SCHEMA_VERSION


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LibraryError, match="not a Quotebook library or is damaged"):
        Library(path)
    assert path.read_bytes().startswith(b"this is not")  # untouched


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(LibraryError, match="newer Quotebook"):
        Library(path)


def test_locked_library_gives_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.sqlite"
    Library(path).close()
    # Another program holds an exclusive lock on the file.
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("quotebook.store.database.BUSY_TIMEOUT_MS", 50)
    try:
        with pytest.raises(LibraryError, match="in use by another program"):
            Library(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_unwritable_folder_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError):
        Library(blocker / "sub" / "library.sqlite")
