"""Opening a library file: connection, pragmas, version checks and migration.

A library is one SQLite file in WAL mode with foreign keys on. Its schema version lives in
``PRAGMA user_version``; a file newer than this program is refused rather than damaged, and an
older one is migrated in place inside one transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from quotebook.errors import LibraryError
from quotebook.store.migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 3000


def connect(path: Path | str, *, target_version: int = SCHEMA_VERSION) -> sqlite_utils.Database:
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
        # No third-party sqlite-utils plugins: they could change our connection, and looking
        # them up scans every installed package's metadata at each start.
        db = sqlite_utils.Database(conn, execute_plugins=False)
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


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _migrate(db: sqlite_utils.Database, target_version: int) -> None:
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
