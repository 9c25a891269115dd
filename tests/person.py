"""Driving the app as a person does, and looking at what it paints.

A modal dialog runs its own event loop, so the test cannot act after the call that opens it
returns. `when_modal` arms a timer before that call; once a modal dialog of the wanted kind is
up, the timer hands it to the test's function, which clicks, types or closes it.

`highlight_pixels` counts what a person would see as highlighter ink in an image of the viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QTextFormat
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit, QWidget

from quotebook.domain import PALETTE

POLL_MS = 10


Act = Callable[[QWidget], None]


class ModalWatch:
    """Answers modal dialogs in the order given: each step is (kind of dialog, what to do)."""

    def __init__(self, steps: list[tuple[type[QWidget], Act]]) -> None:
        self.steps = steps
        self.seen: list[QWidget] = []
        self.unexpected: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    @property
    def done(self) -> bool:
        return len(self.seen) == len(self.steps)

    def _check(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            if self.done:
                self.timer.stop()  # every dialog was answered and nothing else came up
            return
        if widget in self.seen:
            return
        if not self.done and isinstance(widget, self.steps[len(self.seen)][0]):
            act = self.steps[len(self.seen)][1]
            self.seen.append(widget)
            # Acted on from a fresh turn of the event loop: if the act opens the next dialog,
            # this timer keeps firing inside it (Qt never nests a timer's own event).
            QTimer.singleShot(0, partial(act, widget))
        else:
            # Some other dialog came up: note it and close it, so the test goes on to fail on
            # what it checks rather than wait for ever.
            text = widget.text() if isinstance(widget, QMessageBox) else ""
            self.unexpected.append(f"{type(widget).__name__} {widget.objectName()} {text}")
            widget.close()

    def stop(self) -> None:
        self.timer.stop()


def when_modal(kind: type[QWidget], act: Act) -> ModalWatch:
    """Run `act(dialog)` once a visible modal `kind` is up; keep the result until then."""
    return ModalWatch([(kind, act)])


def when_modals(*steps: tuple[type[QWidget], Act]) -> ModalWatch:
    """Answer several modal dialogs, one after the other, in this order."""
    return ModalWatch(list(steps))


class PopupWatch:
    """Runs `act(popup)` once a pop-up (a context menu) is open."""

    def __init__(self, act: Act) -> None:
        self.act = act
        self.seen: list[QWidget] = []
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None and popup.isVisible():
            self.timer.stop()
            self.seen.append(popup)
            QTimer.singleShot(0, partial(self.act, popup))


def when_popup(act: Act) -> PopupWatch:
    return PopupWatch(act)


def highlight_colours() -> set[int]:
    """Every colour a single highlight is painted in: the palette, light and dark, and the
    selected highlight's darker shade of each."""
    plain = [QColor(hex_) for pair in PALETTE.values() for hex_ in pair]
    return {c.rgb() for c in plain} | {c.darker(125).rgb() for c in plain}


def highlight_pixels(image: QImage, step: int = 4) -> int:
    """How many pixels of `image` (every `step`-th of every `step`-th row) are highlighter ink."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    colours = highlight_colours()
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixel(x, y) in colours
    )


def painted_backgrounds(viewer: QTextEdit) -> list[tuple[int, int, str]]:
    """Every fragment (and paragraph break) of the viewer's document that has a background."""
    found = []
    block = viewer.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
                color = fmt.background().color().name()
                found.append((fragment.position(), fragment.length(), color))
            it += 1
        if block.charFormat().hasProperty(QTextFormat.Property.BackgroundBrush):
            found.append((block.position(), 0, "block"))
        block = block.next()
    return found
