"""Writing an export so that a failure or a cancel never leaves a partial file behind.

The file is written beside the target and renamed over it (`quotebook.output_files`, which also
follows links, refuses devices, pipes and folders, and clears temporary files that a killed
export left behind). Operating-system errors become `ExportFailed` with a sentence that says
what to do.

Exporters call `Ticker.advance` between units of work; when the caller's progress callback
answers False the ticker raises `ExportCancelled`, which unwinds through the atomic writer and
removes the temporary file, so a cancel needs no special paths in the exporters themselves.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quotebook.errors import ExportFailed
from quotebook.export.options import Progress
from quotebook.output_files import (
    OutputRefused,
    describe_os_error,
    replace_target,
    resolve_target,
    temporary_beside,
)


class ExportCancelled(ExportFailed):
    """The user cancelled; like any failed export it leaves nothing behind."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled; no file was written.")


def check_target(path: Path) -> Path:
    """The file the export will replace (links followed), or `ExportFailed` when it cannot
    possibly be written: a folder, a device, a pipe, a missing folder."""
    try:
        return resolve_target(path)
    except OutputRefused as refused:
        raise ExportFailed(refused.message) from None


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary file that becomes `path` only if the block finishes without error."""
    target = check_target(path)
    try:
        with temporary_beside(target) as (fd, temp):
            with os.fdopen(os.dup(fd), "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            replace_target(temp, target)
    except OSError as exc:
        raise ExportFailed(describe_os_error(exc, target)) from exc


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
