"""Opening a library file: connection, pragmas, version checks and migration.

A library is one SQLite file in WAL mode with foreign keys on. Its schema version lives in
``PRAGMA user_version``; a file newer than this program is refused rather than damaged, and an
older one is migrated in place inside one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotebook.errors import LibraryError
from quotebook.store.migrations import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 3000

Params = Sequence[Any] | dict[str, Any]


class LibraryDatabase:
    """The library's one SQLite connection, as the repositories see it.

    Reads are plain SELECTs on the connection. Writes run inside `atomic()`, which is
    sqlite-utils' transaction (nested blocks become savepoints). sqlite-utils and what it pulls
    in take longer to import than everything else the main window needs to read its first
    screen, so it is loaded on the first write, or by `load_writer()` once the window is up,
    instead of before the window can appear.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._writer: sqlite_utils.Database | None = None

    @property
    def writer(self) -> sqlite_utils.Database:
        if self._writer is None:
            import sqlite_utils

            # No third-party sqlite-utils plugins: they could change our connection, and
            # looking them up scans every installed package's metadata.
            self._writer = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._writer

    def load_writer(self) -> None:
        """Load sqlite-utils now, so the first edit does not wait for it."""
        self.writer  # noqa: B018 - the property does the work

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cursor = self.conn.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def atomic(self) -> AbstractContextManager[Any]:
        """One transaction, committed when the block ends, rolled back if it raises."""
        return self.writer.atomic()

    def close(self) -> None:
        self.conn.close()


def connect(path: Path | str, *, target_version: int = SCHEMA_VERSION) -> LibraryDatabase:
    """Open (creating if needed) and migrate the library at `path`.

    Raises `LibraryError` with a sentence for the user when the file is not a library, is
    locked by another program, or was written by a newer Quotebook.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"Cannot create the folder for the library {path}.", detail=str(exc)
        ) from exc
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise LibraryError(f"Cannot open the library {path}.", detail=str(exc)) from exc
    try:
        db = LibraryDatabase(conn)
        _configure(conn)
        _migrate(db, target_version)
    except LibraryError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _explain(path, exc) from exc
    return db


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # A read-only medium or a network share may refuse WAL; the library still works.
        conn.execute("PRAGMA journal_mode = DELETE")
    # Durable on power loss in WAL mode while keeping each commit cheap.
    conn.execute("PRAGMA synchronous = NORMAL")


def schema_version(db: LibraryDatabase) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _migrate(db: LibraryDatabase, target_version: int) -> None:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise LibraryError(
            f"This library was written by a newer Quotebook (schema {current}; this version "
            f"knows up to {SCHEMA_VERSION}). Please update Quotebook to open it."
        )
    if current >= target_version:
        return
    with db.atomic():
        for version in range(current + 1, target_version + 1):
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version}")


def _explain(path: Path, exc: sqlite3.DatabaseError) -> LibraryError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LibraryError(
            f"The library {path} is in use by another program. Close it there and try again.",
            detail=str(exc),
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return LibraryError(
            f"The file {path} is not a Quotebook library or is damaged. "
            "Choose another file or restore it from a backup.",
            detail=str(exc),
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return LibraryError(f"The library {path} cannot be written.", detail=str(exc))
    return LibraryError(f"Cannot open the library {path}.", detail=str(exc))
