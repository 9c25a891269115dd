"""The library's one SQLite connection as the repositories see it: reads, and transactions.

Reads are plain SELECTs. Writes run inside `LibraryDatabase.atomic()`, which starts with
``BEGIN IMMEDIATE``: the write lock is taken (or waited for, up to `BUSY_TIMEOUT_MS`) before
anything is read or written. A deferred ``BEGIN`` would take it only at the first write, and
SQLite refuses such an upgrade at once, without waiting, while another program writes: that
was how a second Quotebook made every edit fail. When the wait runs out the user gets a sentence
(`LibraryBusy`) and nothing of the write is kept.

SQLite's errors that mean something to a person (locked, disk full, read-only, disk error) become
`LibraryError`s with a sentence; any other error is a bug and stays what it is.
Opening a file (identity, version, read-only fallback) is `quotebook.store.opening`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from quotebook.errors import LibraryBusy, LibraryError, LibraryReadOnly

if TYPE_CHECKING:
    import sqlite_utils

# How long a write waits for another program's write to finish before giving up.
BUSY_TIMEOUT_MS = 5000
# BEGIN IMMEDIATE is tried this often: SQLite waits out an ordinary lock itself, but a few busy
# states (another process recovering the WAL after a crash) answer at once without waiting.
LOCK_ATTEMPTS = 4
RETRY_PAUSE_S = 0.05

BUSY_MESSAGE = "The library is busy in another Quotebook; try again."

Params = Sequence[Any] | dict[str, Any]

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_INTERRUPT = 9
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class Interrupted(Exception):
    """A query stopped by `interrupt()` from another thread (a newer search replaced it)."""


def error_code(exc: sqlite3.Error) -> int:
    """The primary SQLite result code of an error (0 when sqlite3 did not say)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    code = error_code(exc)
    if code:
        return code in (SQLITE_BUSY, SQLITE_LOCKED)
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


class LibraryDatabase:
    """The library's connection, as the repositories see it.

    Writes run inside `atomic()`: ``BEGIN IMMEDIATE`` outside, sqlite-utils' savepoints inside
    (so nested blocks nest). sqlite-utils and what it pulls in take longer to import than
    everything else the main window needs for its first screen, so it is loaded on the first
    write, or by `load_writer()` once the window is up.

    `read_only` is empty for a library that can be written, else the sentence saying why not.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path, *, read_only: str = "", uri: str = ""
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.uri = uri  # how a read-only connection opened it, for more readers alike
        self.busy_timeout_ms = BUSY_TIMEOUT_MS  # as `opening` set it on the connection
        self._writer: sqlite_utils.Database | None = None
        self._closed = False
        self._data_version = 0

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
        if not self.read_only:
            self.writer  # noqa: B018 - the property does the work

    # -- reading -------------------------------------------------------------------------------

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            self._raise_explained(exc)

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        try:
            rows = cursor.fetchall()
        except sqlite3.OperationalError as exc:
            self._raise_explained(exc)
        for row in rows:
            yield dict(zip(keys, row, strict=True))

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the library.

        A closed library no longer changes: it keeps answering its last number, so a timer
        that asks can outlive it.
        """
        if not self._closed:
            self._data_version = int(self.execute("PRAGMA data_version").fetchone()[0])
        return self._data_version

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def atomic(self, *, wait_ms: int | None = None) -> Iterator[None]:
        """One transaction, committed when the block ends, rolled back if it raises.

        Inside another transaction the block is a savepoint of it. `wait_ms` shortens the wait
        for the write lock, for writes that may as well be skipped (a cache).
        """
        if self.conn.in_transaction:
            with self.writer.atomic():
                yield
            return
        self._begin(self.busy_timeout_ms if wait_ms is None else wait_ms)
        try:
            with self.writer.atomic():
                yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                self._raise_explained(exc)
            raise

    def _begin(self, wait_ms: int) -> None:
        if self.read_only:
            raise LibraryReadOnly(f"{self.read_only} Nothing was changed.")
        if wait_ms != self.busy_timeout_ms:
            self.conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            deadline = time.monotonic() + wait_ms / 1000
            for attempt in range(LOCK_ATTEMPTS):
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    last = attempt == LOCK_ATTEMPTS - 1 or time.monotonic() >= deadline
                    if not is_busy(exc) or last:
                        self._raise_explained(exc)
                time.sleep(RETRY_PAUSE_S * (attempt + 1))
        finally:
            if wait_ms != self.busy_timeout_ms:
                self.conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")

    def _raise_explained(self, exc: sqlite3.OperationalError) -> NoReturn:
        explained = self.explain(exc)
        if explained is exc:
            raise exc
        raise explained from exc

    def explain(self, exc: sqlite3.OperationalError) -> Exception:
        """A `LibraryError` with a sentence for errors a person can act on; else `exc` itself.

        Inside a transaction the error stopped a write, and nothing of it was kept.
        """
        writing = self.conn.in_transaction
        code = error_code(exc)
        detail = str(exc)
        if code == SQLITE_INTERRUPT:
            return Interrupted(detail)
        if is_busy(exc):
            return LibraryBusy(BUSY_MESSAGE, detail=detail)
        if code == SQLITE_FULL:
            return LibraryError(
                "There is not enough space on the disk for the library; nothing was changed. "
                "Free some space and try again.",
                detail=detail,
            )
        if code == SQLITE_READONLY:
            return LibraryReadOnly(
                "The library cannot be written (it is read-only here); nothing was changed.",
                detail=detail,
            )
        if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
            if writing:
                return LibraryError(
                    "The library could not be written (a disk error); nothing was changed.",
                    detail=detail,
                )
            return LibraryError("The library could not be read (a disk error).", detail=detail)
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return LibraryError(
                f"The library {self.path} is damaged. Restore it from a backup.", detail=detail
            )
        return exc

    # -- other connections ---------------------------------------------------------------------

    def open_reader(self) -> sqlite3.Connection:
        """A second, read-only connection to the same file, for a thread of its own."""
        uri = self.uri or f"{self.path.absolute().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
        return conn

    def interrupt(self) -> None:
        """Stop the query running on this connection now (safe from any thread)."""
        if not self._closed:
            self.conn.interrupt()

    def close(self) -> None:
        self._closed = True
        self.conn.close()
