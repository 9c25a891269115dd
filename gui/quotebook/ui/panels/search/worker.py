"""Searching off the UI thread: the latest query wins, the window never waits for one.

Pasting a paragraph into the search box, or searching a common word in a large library, may
take a while; on the UI thread that freezes typing and painting. `SearchWorker` runs each
search on a thread of its own, over a read-only connection of its own (SQLite connections are
not shared between threads; WAL lets the reader run beside the app's writes).

Only the newest request matters. A new one interrupts the query still running (SQLite stops it
within a few steps), requests that were overtaken while waiting are skipped, and every answer
carries its request's number so the panel can drop one that arrives late.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import NamedTuple

from quotebook.errors import UserError
from quotebook.search.query import SearchFilters
from quotebook.store import Interrupted, Library
from quotebook.store.search import SearchOutcome, SearchRepository

# Called on the worker's thread with (request number, SearchOutcome or UserError); the panel
# passes a signal's emit, which Qt delivers on the UI thread.
Deliver = Callable[[int, object], None]


class _Request(NamedTuple):
    number: int
    text: str
    filters: SearchFilters
    limit: int


class SearchWorker:
    def __init__(self, library: Library, deliver: Deliver) -> None:
        self._library = library
        self._deliver = deliver
        self._wake = threading.Condition()
        self._pending: _Request | None = None
        self._latest = 0
        self._stopped = False
        self._repository: SearchRepository | None = None
        # A daemon thread: a search in flight never holds up quitting the app.
        self._thread = threading.Thread(target=self._loop, name="quotebook-search", daemon=True)
        self._thread.start()

    def submit(self, number: int, text: str, filters: SearchFilters, limit: int) -> None:
        """Search for `text`; the answer comes through `deliver` unless a newer one overtakes.

        `number` must grow with each request.
        """
        with self._wake:
            self._latest = number
            running = self._repository
        if running is not None:
            running.interrupt()  # whatever runs now is already out of date
        with self._wake:
            self._pending = _Request(number, text, filters, limit)
            self._wake.notify()

    def stop(self) -> None:
        """End the thread (its connection closes there); later requests are ignored."""
        with self._wake:
            self._stopped = True
            self._pending = None
            running = self._repository
            self._wake.notify()
        if running is not None:
            running.interrupt()

    def wait_stopped(self, timeout: float = 5.0) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        try:
            while (request := self._next()) is not None:
                self._answer(request)
        finally:
            if self._repository is not None:
                self._repository.close()

    def _next(self) -> _Request | None:
        with self._wake:
            while self._pending is None and not self._stopped:
                self._wake.wait()
            if self._stopped:
                return None
            request, self._pending = self._pending, None
            return request

    def _answer(self, request: _Request) -> None:
        outcome: SearchOutcome | UserError
        while True:
            if request.number != self._latest:
                return  # overtaken while it waited
            try:
                if self._repository is None:
                    self._repository = self._library.open_reader()
                outcome = self._repository.find(request.text, request.filters, limit=request.limit)
                break
            except Interrupted:
                if request.number != self._latest or self._stopped:
                    return
                # Interrupted on behalf of an earlier request: this one is still wanted.
            except UserError as exc:
                outcome = exc
                break
        if request.number == self._latest and not self._stopped:
            try:
                self._deliver(request.number, outcome)
            except RuntimeError:  # the panel is gone
                self.stop()
