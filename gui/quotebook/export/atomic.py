"""Writing an export so that a failure or a cancel never leaves a partial file behind.

Everything is written to a temporary file in the target's own folder (so the final rename stays
on one file system and is atomic), flushed to disk, then moved over the target with
`os.replace`. Any error or a cancel removes the temporary file, and operating-system errors are
turned into `ExportFailed` with a sentence that says what to do.

Exporters call `Ticker.advance` between units of work; when the caller's progress callback
answers False the ticker raises `ExportCancelled`, which unwinds through the atomic writer and
removes the temporary file, so a cancel needs no special paths in the exporters themselves.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quotebook.errors import ExportFailed
from quotebook.export.options import Progress


class ExportCancelled(ExportFailed):
    """The user cancelled; like any failed export it leaves nothing behind."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


def check_target(path: Path) -> Path:
    """The absolute target path, or `ExportFailed` when it cannot possibly be written."""
    path = path.expanduser().absolute()
    if path.is_dir():
        raise ExportFailed(f"{path} is a folder; choose a file name to export to.")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise ExportFailed(f"{path.parent} is not a folder; nothing was written.")
        raise ExportFailed(f"The folder {path.parent} does not exist; nothing was written.")
    return path


def describe_os_error(exc: OSError, path: Path) -> str:
    """A sentence for the user about why `path` could not be written."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"There is not enough space on the disk to write {path.name}; nothing was written."
    if code in (errno.EACCES, errno.EPERM):
        return f"Quotebook may not write to {path.parent}; nothing was written."
    if code == errno.EROFS:
        return f"{path.parent} is on a read-only disk; nothing was written."
    if code == errno.ENOENT:
        return f"The folder {path.parent} does not exist; nothing was written."
    reason = exc.strerror or str(exc)
    return f"{path.name} could not be written ({reason}); nothing was written."


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only if the block finishes without error."""
    target = check_target(path)
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise ExportFailed(describe_os_error(exc, target)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _default_mode(target))
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise ExportFailed(describe_os_error(exc, target)) from exc
    except BaseException:
        _remove(temp)
        raise


def _default_mode(target: Path) -> int:
    """Keep an existing file's mode; a new file gets what the umask allows (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


class Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self.total = max(1, total)
        self.done = 0

    def advance(self, done: int | None = None) -> None:
        """Move to `done` (or one step on) and ask the callback whether to go on."""
        self.done = min(self.total, self.done + 1 if done is None else max(self.done, done))
        if self._progress is not None and self._progress(self.done, self.total) is False:
            raise ExportCancelled()

    def start(self) -> None:
        if self._progress is not None and self._progress(0, self.total) is False:
            raise ExportCancelled()
