"""What takes a pass over a whole document's text: its word count and the reader view's verdict.

Both are worked out once per text, never per highlight. A short text gets them at once; a long
one on a worker thread started after the viewer's next paint, so that opening it paints the
first screen without waiting or sharing the processor, and the reader can scroll meanwhile (the
worker is plain Python and shares the interpreter with the window a few milliseconds at a time).
The answer comes back through a queued signal, also when another document has been opened
meanwhile (the verdict is still worth keeping). The word counts of the last documents opened
are remembered, so opening one again (its verdict kept in the library) takes no pass over its
text at all.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

# Texts up to this many characters are measured on the spot (a few milliseconds).
SYNC_CHARS = 200_000
KEPT_COUNTS = 64  # word counts remembered, for documents opened again
START_LATEST_MS = 500  # the worker starts by then even if nothing was painted (a hidden window)
WORD_CHUNK = 1 << 16  # words are counted a slice at a time, so no list of every word is made


class Facts(NamedTuple):
    document_id: int
    text_hash: str  # of the text these facts are about
    words: int
    furniture: list[tuple[int, int]] | None  # None: not asked for


def count_words(text: str) -> int:
    """White-space separated words, as `len(text.split())` counts them, in bounded memory."""
    words = 0
    for start in range(0, len(text), WORD_CHUNK):
        words += len(text[start : start + WORD_CHUNK].split())
        # A word running over the cut was counted in both slices.
        if start and not text[start - 1].isspace() and not text[start].isspace():
            words -= 1
    return words


def work_out(document_id: int, text_hash: str, text: str, furniture: bool) -> Facts:
    ranges = None
    if furniture:
        from quotebook.reader_view.rules import furniture_ranges  # ~12 ms: only when needed

        ranges = furniture_ranges(text)
    return Facts(document_id, text_hash, count_words(text), ranges)


class DocumentFacts(QObject):
    """Works facts out, one document at a time; `ready` carries a `Facts`."""

    ready = Signal(object)
    _done = Signal(object, int)  # (Facts, length of the text): from the worker

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentFacts")
        self._request = 0
        self._started = 0
        self._counts: dict[tuple[int, str, int], int] = {}  # (id, text hash, length) -> words
        self._done.connect(self._on_done)

    def request(
        self,
        document_id: int,
        text: str,
        *,
        furniture: bool,
        text_hash: str = "",
        after_paint: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Work out the facts of this text; a request made before is forgotten.

        A word count is remembered by document, `text_hash` and length, so a document opened
        again needs no pass over its text unless its reader-view verdict is asked for too. A
        long text is worked out on a worker thread, started once the viewer has painted the
        document's first screen (`after_paint` is the viewer's `after_next_paint`).
        """
        self._request += 1
        words = self._counts.get((document_id, text_hash, len(text)))
        if words is not None and not furniture:
            self.ready.emit(Facts(document_id, text_hash, words, None))
            return
        if len(text) <= SYNC_CHARS:
            self._on_done(work_out(document_id, text_hash, text, furniture), len(text))
            return
        start = partial(self._start, self._request, document_id, text, furniture, text_hash)
        if after_paint is None:
            start()
            return
        after_paint(start)
        QTimer.singleShot(START_LATEST_MS, start)

    def _start(
        self, number: int, document_id: int, text: str, furniture: bool, text_hash: str
    ) -> None:
        if number != self._request or number == self._started:
            return  # superseded, or started already
        self._started = number
        thread = threading.Thread(
            target=self._work,
            args=(number, document_id, text, furniture, text_hash),
            name="document-facts",
            daemon=True,
        )
        thread.start()

    def cancel(self) -> None:
        """Do not start the request made last (its document was closed before it started)."""
        self._request += 1

    def _work(
        self, number: int, document_id: int, text: str, furniture: bool, text_hash: str
    ) -> None:
        facts = work_out(document_id, text_hash, text, furniture)
        with contextlib.suppress(RuntimeError):  # the window went away meanwhile
            self._done.emit(facts, len(text))

    def _on_done(self, facts: Facts, length: int) -> None:
        if len(self._counts) >= KEPT_COUNTS:
            self._counts.pop(next(iter(self._counts)))  # the oldest
        self._counts[(facts.document_id, facts.text_hash, length)] = facts.words
        self.ready.emit(facts)
