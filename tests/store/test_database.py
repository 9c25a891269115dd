"""Opening library files: bad files give clear errors, newer files are refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from quotebook.domain import DocumentMeta, NewDocument
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


READS_THEN_WRITES = """
import sys
from quotebook.store import Library

library = Library(sys.argv[1])
library.folders.all()
summaries = library.documents.summaries()
library.annotations.for_document(summaries[0].id)
library.tags.counts()
print("after reads", "sqlite_utils" in sys.modules)
library.set_meta("probe", "1")
print("after a write", "sqlite_utils" in sys.modules)
"""


def test_reads_do_not_load_sqlite_utils_but_writes_do(tmp_path):
    """The window's first screen only reads; sqlite-utils is loaded for the first write."""
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        library.documents.add(NewDocument(DocumentMeta(title="Title"), "Some text."))
    result = subprocess.run(
        [sys.executable, "-c", READS_THEN_WRITES, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split("\n")[:2] == ["after reads False", "after a write True"]
    with Library(path) as library:
        assert library.get_meta("probe") == "1"


def test_query_yields_rows_keyed_by_column(library: Library):
    library.set_meta("a", "1")
    library.set_meta("b", "2")
    rows = list(library._db.query("SELECT key, value FROM meta WHERE key IN (?, ?)", ["a", "b"]))
    assert sorted(rows, key=lambda r: r["key"]) == [
        {"key": "a", "value": "1"},
        {"key": "b", "value": "2"},
    ]


def test_a_failed_write_is_rolled_back(library: Library):
    with pytest.raises(sqlite3.IntegrityError), library._db.atomic():
        library._db.execute("INSERT INTO meta (key, value) VALUES ('x', '1')")
        library._db.execute("INSERT INTO meta (key, value) VALUES ('x', '2')")
    assert library.get_meta("x") is None
