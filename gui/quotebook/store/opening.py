"""Opening a library file: is it ours, can it be written, which schema; then migrate.

A library is one SQLite file in WAL mode with foreign keys on, marked as Quotebook's by
``PRAGMA application_id``. Its schema version lives in ``PRAGMA user_version``; a file newer
than this program is refused rather than damaged, and an older one is migrated in place inside
one transaction.

A database that is not ours (another program's, with tables of its own) is refused before
anything could change it: turning on WAL or creating our tables would alter another program's
file. A library that cannot be written (a read-only disk, no permission, a full disk) is opened
for reading, so its documents can still be read, searched and exported.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quotebook.errors import LibraryError
from quotebook.store import database
from quotebook.store.database import (
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_READONLY,
    LibraryDatabase,
    error_code,
    is_busy,
)
from quotebook.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

T = TypeVar("T")

# Tables every Quotebook library has had since schema 1: how an older library, made before
# libraries were marked with the application id, is told from another program's database.
CORE_TABLES = frozenset({"meta", "folders", "documents", "tags", "annotations", "annotation_tags"})

READ_ONLY_REASON = "The library is read-only: it is on a read-only disk, or you may not change it."
DISK_FULL_REASON = "The disk holding the library is full, so it is open for reading only."
# Less free space than this on the library's disk counts as full (SQLite writes in pages).
NEARLY_FULL_BYTES = 64 * 1024


class _CannotWrite(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def connect(path: Path | str, *, target_version: int = SCHEMA_VERSION) -> LibraryDatabase:
    """Open (creating if needed) and migrate the library at `path`.

    Raises `LibraryError` with a sentence for the user when the file is not a library, is
    locked by another program, or was written by a newer Quotebook. A library that cannot be
    written comes back with `read_only` set to the reason.
    """
    path = Path(path)
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"Cannot create the folder for the library {path}.", detail=str(exc)
            ) from exc
    if _writable(path):
        try:
            return _open_for_writing(path, target_version)
        except _CannotWrite as cannot:
            reason = cannot.reason
    else:
        reason = READ_ONLY_REASON
    if not path.is_file() or path.stat().st_size == 0:
        raise LibraryError(f"The library {path} cannot be created here. {reason}")
    return _open_for_reading(path, target_version, reason)


def _writable(path: Path) -> bool:
    """Whether the file (or, for a new library, its folder) may be written, with its side files.

    WAL mode keeps ``-wal`` and ``-shm`` files beside the library, so the folder must be
    writable as well.
    """
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    if path.exists():
        return folder_ok and os.access(path, os.R_OK | os.W_OK)
    return folder_ok


def _open_for_writing(path: Path, target_version: int) -> LibraryDatabase:
    timeout = database.BUSY_TIMEOUT_MS / 1000
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=timeout)
    except sqlite3.Error as exc:
        raise LibraryError(f"Cannot open the library {path}.", detail=str(exc)) from exc
    try:
        check_identity(conn, path)
        _configure(conn)
        db = LibraryDatabase(conn, path)
        _migrate(db, target_version)
    except LibraryError as exc:
        conn.close()
        if isinstance(exc.__cause__, sqlite3.Error) and _needs_reading_only(exc.__cause__, path):
            raise _CannotWrite(_reason(exc.__cause__, path)) from exc
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _needs_reading_only(exc, path):
            raise _CannotWrite(_reason(exc, path)) from exc
        raise explain_open_error(path, exc) from exc
    return db


def _needs_reading_only(exc: sqlite3.Error, path: Path) -> bool:
    """Whether the error says "cannot write here" about a library that is there to be read."""
    readable = path.is_file() and path.stat().st_size > 0
    return readable and error_code(exc) in (
        SQLITE_FULL,
        SQLITE_IOERR,
        SQLITE_READONLY,
        SQLITE_CANTOPEN,
    )


def _reason(exc: sqlite3.Error, path: Path) -> str:
    if error_code(exc) == SQLITE_FULL:
        return DISK_FULL_REASON
    try:
        if shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES:
            return DISK_FULL_REASON
    except OSError:
        pass
    return READ_ONLY_REASON


def _open_for_reading(path: Path, target_version: int, reason: str) -> LibraryDatabase:
    """Open with ``mode=ro``; where even that needs to write (a WAL index cannot be created on
    a full or read-only disk), as immutable, but only when no committed change waits in the
    write-ahead log, which an immutable reader would not see."""
    timeout = database.BUSY_TIMEOUT_MS / 1000
    base = path.absolute().as_uri()
    failure: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        if "immutable" in flags and _log_holds_changes(path):
            break
        uri = f"{base}?{flags}"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            failure = exc
            continue
        try:
            check_identity(conn, path)
            conn.execute(f"PRAGMA busy_timeout = {database.BUSY_TIMEOUT_MS}")
            db = LibraryDatabase(conn, path, read_only=reason, uri=uri)
            _check_version(db, target_version, reason)
            return db
        except LibraryError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            failure = exc
            if error_code(exc) not in (SQLITE_CANTOPEN, SQLITE_IOERR):
                raise explain_open_error(path, exc) from exc
    raise LibraryError(
        f"Cannot open the library {path}. {reason}", detail=str(failure or "")
    ) from failure


def _log_holds_changes(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    try:
        return log.stat().st_size > 0
    except FileNotFoundError:
        return False


def check_identity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that belongs to another program, before anything changes it.

    Ours: marked with our application id; or unmarked but empty (a new library); or unmarked
    with our tables and a schema version (made before libraries were marked).
    """
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    if app_id == 0:
        names = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
        if not names:
            return
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version >= 1 and names >= CORE_TABLES:
            return
    raise LibraryError(
        f"{path} is not a Quotebook library: it holds another program's data. "
        "It was left as it was; choose another file, or a new name for a new library."
    )


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {database.BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = _retry_while_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
    if str(mode).lower() != "wal":
        # A network share may refuse WAL; the library still works.
        conn.execute("PRAGMA journal_mode = DELETE")
    # Durable on power loss in WAL mode while keeping each commit cheap.
    conn.execute("PRAGMA synchronous = NORMAL")


def _retry_while_busy(step: Callable[[], T]) -> T:
    """Run `step`, trying again while another program holds the lock, up to the busy timeout.

    Switching a new library to WAL needs the file to itself, and SQLite answers "locked" at
    once instead of waiting when another program is setting it up at the same moment.
    """
    deadline = time.monotonic() + database.BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(database.RETRY_PAUSE_S)


def schema_version(db: LibraryDatabase) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _newer_error(current: int) -> LibraryError:
    return LibraryError(
        f"This library was written by a newer Quotebook (schema {current}; this version "
        f"knows up to {SCHEMA_VERSION}). Please update Quotebook to open it."
    )


def _check_version(db: LibraryDatabase, target_version: int, reason: str) -> None:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise _newer_error(current)
    if current < target_version:
        raise LibraryError(
            f"The library {db.path} was made by an older Quotebook and must be upgraded before "
            f"this one can open it, but it cannot be written here. {reason} "
            "Open it once where it can be written."
        )


def _migrate(db: LibraryDatabase, target_version: int) -> None:
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise _newer_error(current)
    if current >= target_version:
        return
    with db.atomic():
        # Another program may have upgraded the file while this one waited for the lock.
        current = schema_version(db)
        for version in range(current + 1, target_version + 1):
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version}")


def explain_open_error(path: Path, exc: sqlite3.Error) -> LibraryError:
    text = str(exc).lower()
    if is_busy(exc):
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
