"""Reporting progress and honouring a cancel from deep inside an export.

Exporters call `Ticker.advance` between units of work; when the caller's callback answers False
the ticker raises `ExportCancelled`, which unwinds through the atomic writer and removes the
temporary file, so a cancel needs no special paths in the exporters themselves.
"""

from __future__ import annotations

from quotebook.export.atomic import ExportCancelled
from quotebook.export.options import Progress


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
