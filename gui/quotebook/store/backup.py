"""Backing up a library while it is in use, with SQLite's online backup.

Copying ``library.sqlite`` with a file manager while Quotebook runs can miss what is still in
``library.sqlite-wal`` (recent changes not yet merged into the main file), or catch the file
half-way through a merge. SQLite's backup reads the library as one consistent snapshot,
whatever is in the log, and writes a self-contained copy: no ``-wal`` beside it, ready to be
opened as a library of its own.

The copy is written beside the target and renamed over it only once complete, as exports are
(`quotebook.output_files`), so a failed backup leaves no partial file and an older backup at the
same path stays as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from quotebook.errors import UserError
from quotebook.output_files import (
    OutputRefused,
    describe_os_error,
    replace_target,
    resolve_target,
    temporary_beside,
)

if TYPE_CHECKING:
    from quotebook.store.database import LibraryDatabase

# Called with (pages copied, pages in all) between steps.
BackupProgress = Callable[[int, int], None]
PAGES_PER_STEP = 1024


class BackupFailed(UserError):
    """The backup could not be written; no partial file was left behind."""


def backup_library(
    db: LibraryDatabase, target: Path, progress: BackupProgress | None = None
) -> Path:
    """Copy the library to `target` (created or replaced); returns the file written."""
    try:
        final = resolve_target(target)
    except OutputRefused as refused:
        raise BackupFailed(refused.message) from None
    if final.exists() and final.samefile(db.path):
        raise BackupFailed("A backup cannot replace the library itself; choose another file.")

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        with temporary_beside(final) as (_fd, temp):
            copy = sqlite3.connect(str(temp), isolation_level=None)
            try:
                db.conn.backup(copy, pages=PAGES_PER_STEP, progress=step)
                # One self-contained file: the copy leaves WAL mode, which needs side files.
                copy.execute("PRAGMA journal_mode = DELETE")
                if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise BackupFailed("The backup copy did not check out; nothing was written.")
            finally:
                copy.close()
            _sync(temp)
            replace_target(temp, final)
    except OSError as exc:
        raise BackupFailed(describe_os_error(exc, final)) from exc
    except sqlite3.Error as exc:
        message = "The backup could not be written; nothing was written."
        if "full" in str(exc).lower():
            message = (
                f"There is not enough space on the disk to write {final.name}; nothing was written."
            )
        raise BackupFailed(message, detail=str(exc)) from exc
    return final


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
