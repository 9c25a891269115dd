"""The document viewer: read-only text in a reading column, with highlights, find and zoom.

Positions in the `QTextDocument` are UTF-16 units of the canonical text (it is set as plain
text, one position per unit, paragraph breaks included), while everything the viewer says to
the rest of the app is in code points; `Utf16Map` converts at this boundary and nowhere else.
A line too long for Qt to lay out in bounded time is shown as several blocks (`long_lines`);
the map counts those extra breaks too, and copying gives the canonical text, not the blocks.

Work follows the change: one highlight added, changed or removed re-formats the characters it
covers and re-decides the reader view's hidden lines it touches, nothing else.

Three kinds of colour meet here. Highlights are character formats kept by the
`HighlightLayer`, merged over the document's own formatting (a Markdown import's headings,
emphasis and links, laid on by `formatting_layer`) when it has any. The selected annotation,
its flash and the find matches are extra selections: they change often and there are few of
them, because only the matches inside the visible part of the document are handed to Qt (every
extra selection makes Qt lay the document out up to it).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QMenu, QStyle, QTextEdit, QToolTip, QWidget

from quotebook.anchoring import Utf16Map, snap_to_words
from quotebook.domain import Annotation, Document
from quotebook.formatting import apply_formatting
from quotebook.ui.fonts import READING_POINT_SIZE, reading_font
from quotebook.ui.theme import is_dark
from quotebook.ui.widgets.find_bar import MAX_PAINTED_MATCHES, FindBar, find_matches
from quotebook.ui.widgets.hidden_lines import HiddenLines
from quotebook.ui.widgets.highlight_layer import HighlightLayer, blend
from quotebook.ui.widgets.long_lines import display_breaks, shown_text

READING_COLUMN = 70  # characters per line at most; the column is centred in wider windows
DOCUMENT_MARGIN = 24
LINE_HEIGHT_PERCENT = 125
ZOOM_MIN, ZOOM_MAX = -5, 20  # steps of one point around the reading size
TEXT_SIZE_MIN, TEXT_SIZE_MAX = 9.0, 24.0  # the reading size Preferences may choose, in points
FLASH_MS = 900
_SAMPLE = "the quick brown fox jumps over the lazy dog, The Quick Brown Fox Jumps"
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
FIND_COLORS = ("#c9b3ff", "#5a3f99")  # (light, dark): a colour no highlight uses
FLASH_COLORS = ("#ff7a45", "#d9480f")
# Code points: hidden lines this far into a document are hidden before its first paint, the
# rest in batches of HIDE_BATCH lines just after it (a web page's furniture is mostly at its
# top; a huge verdict would otherwise hold the first paint back).
HIDE_AT_ONCE = 200_000
HIDE_BATCH = 20_000
HIDE_LATEST_MS = 300


class Viewer(QTextEdit):
    """Shows one document and paints its annotations; says what the reader selects and clicks.

    It never changes the library: the main window reads `selected_range()` and reacts to
    `annotationClicked`, and hands back the new annotation list through `set_annotations`.
    """

    annotationClicked = Signal(int)
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layer = HighlightLayer(self.document())
        self._hidden = HiddenLines(self.document())
        self._document: Document | None = None
        self._annotations: dict[int, Annotation] = {}
        self._hidden_ranges: list[tuple[int, int]] = []  # code points: the reader view's
        self._selected: int | None = None
        self._context_annotation: int | None = None
        self._context_actions: list[QAction] = []
        self._exact = False  # the current selection was made holding Alt: do not snap it
        self._interacting = False
        self._press_pos: QPoint | None = None
        self._matches: list[tuple[int, int]] = []  # UTF-16
        self._match_starts: list[int] = []
        self._match_index = -1
        self._zoom_steps = 0
        self._text_size = READING_POINT_SIZE  # points at zoom 0 (Preferences → Text size)
        self._flash_level = 0.0
        # The find bar lives in the bottom viewport margin; it is built when first asked for.
        self._find_bar: FindBar | None = None
        # Called on the turn of the event loop after the viewport's next paint (`after_next_paint`).
        self._after_paint: list[Callable[[], None]] = []

        self.setObjectName("viewer")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The side margins outside the viewport should look like the page, not the window.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)

        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setStartValue(0.0)
        self._flash.setKeyValueAt(0.25, 1.0)
        self._flash.setKeyValueAt(0.5, 0.2)
        self._flash.setKeyValueAt(0.75, 1.0)
        self._flash.setEndValue(0.0)
        self._flash.valueChanged.connect(self._on_flash)
        self._flash.finished.connect(lambda: self._on_flash(0.0))

        self.selectionChanged.connect(self._on_selection_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.setFont(reading_font(READING_POINT_SIZE))
        self._update_margins()

    # -- the document and its annotations --------------------------------------------------

    def show_document(
        self,
        document: Document,
        annotations: Sequence[Annotation],
        hidden: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Show `document` with its highlights, scrolled to the top; `hidden` are the reader
        view's ranges when they are known now (hidden before Qt lays anything out, they cost
        one flag a line)."""
        self._document = document
        self._selected = None
        self._flash.stop()
        self._flash_level = 0.0
        self._matches, self._match_starts, self._match_index = [], [], -1
        self._annotations = {a.id: a for a in annotations}
        text = document.text
        breaks = display_breaks(text)
        self._hidden_ranges = list(hidden)
        self._hidden.reset(text, breaks)
        self._reset_insertion_format()
        # One edit block around text, line height and highlights: Qt then sees one change and
        # lays the document out lazily, as it does for bare text.
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self.setPlainText(shown_text(text, breaks))
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(LINE_HEIGHT_PERCENT, _PROPORTIONAL)
        cursor.mergeBlockFormat(spacing)
        # Formatting goes under the highlights, which then merge their backgrounds over it.
        self._layer.reset(text, Utf16Map(text, breaks), keep_formats=bool(document.formatting))
        self._apply_formatting()
        self._layer.paint(annotations, dark=self.is_dark())
        if self._hidden_ranges:
            self._hidden.set_ranges(
                self._hidden_ranges, self._layer.covers, laid_out=False, now_until=HIDE_AT_ONCE
            )
        cursor.endEditBlock()
        if self._hidden.pending:
            self.after_next_paint(self._hide_pending)
            QTimer.singleShot(HIDE_LATEST_MS, self._hide_pending)
        if self._find_bar_open() and self.find_bar.query():
            self.find_text(self.find_bar.query())
        else:
            self._refresh_overlays()

    def _reset_insertion_format(self) -> None:
        """Put the text cursor at the top with a plain character format.

        `QTextEdit.setPlainText` gives the whole new text the format of the character before
        the cursor. After a highlight that character carries the highlight's background, so
        without this the next document (or the same one reloaded) would be painted in it, with
        nothing in the highlight layer to take it off again.
        """
        fresh = QTextCursor(self.document())
        fresh.setCharFormat(QTextCharFormat())  # no selection: the format for what comes next
        self.setTextCursor(fresh)

    def _apply_formatting(self) -> None:
        """Show the document's own formatting (a Markdown import's headings, emphasis, links)."""
        if self._document is None or not self._document.formatting:
            return
        link = self.palette().color(QPalette.ColorRole.Link)
        apply_formatting(
            self.document(), self._document.formatting, self._layer.utf16, link_color=link
        )

    def clear_document(self) -> None:
        self._document = None
        self._annotations = {}
        self._hidden_ranges = []
        self._hidden.reset()
        self._selected = None
        self.setPlainText("")
        self._layer.reset("")
        if self._find_bar is not None:
            self._find_bar.close_bar()
        self._refresh_overlays()

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Show this list of highlights; only those that differ from the shown ones are
        re-formatted, and a long list that differs a lot is painted again as a whole."""
        wanted = {a.id: a for a in annotations}
        changed = [a for a in annotations if self._annotations.get(a.id) != a]
        gone = [i for i in self._annotations if i not in wanted]
        if len(changed) + len(gone) > max(8, len(wanted) // 8):
            self._annotations = wanted
            self._layer.paint(annotations, dark=self.is_dark())
            if self._hidden_ranges:
                self.set_hidden_ranges(self._hidden_ranges)
        else:
            for annotation_id in gone:
                self.remove_annotation(annotation_id, refresh=False)
            for annotation in changed:
                self.update_annotation(annotation, refresh=False)
        if self._selected not in self._annotations:
            self._selected = None
        self._refresh_overlays()

    def update_annotation(self, annotation: Annotation, *, refresh: bool = True) -> None:
        """Show one highlight that was added or changed: its characters are re-formatted, and
        a hidden line it now touches shows again."""
        before = self._annotations.get(annotation.id)
        self._annotations[annotation.id] = annotation
        self._layer.update(annotation, dark=self.is_dark())
        spans = [(a.start, a.end) for a in (before, annotation) if a is not None]
        self._refresh_hidden(spans)
        if refresh:
            self._refresh_overlays()

    def remove_annotation(self, annotation_id: int, *, refresh: bool = True) -> None:
        """Take one highlight away (a line it kept in view may hide again)."""
        before = self._annotations.pop(annotation_id, None)
        if before is None:
            return
        self._layer.remove(annotation_id, dark=self.is_dark())
        self._refresh_hidden([(before.start, before.end)])
        if self._selected == annotation_id:
            self._selected = None
        if refresh:
            self._refresh_overlays()

    def set_hidden_ranges(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Hide the lines wholly inside `ranges` (code points), except those with highlights.

        The reader view's page furniture: the text and every offset stay as they are.
        """
        self._hidden_ranges = list(ranges)
        self._hidden.set_ranges(self._hidden_ranges, self._layer.covers)

    @property
    def hidden_line_count(self) -> int:
        return self._hidden.count

    def _hide_pending(self) -> None:
        """Hide the next batch of the reader view's lines left for after the first paint."""
        if self._hidden.flush(self._layer.covers, HIDE_BATCH):
            QTimer.singleShot(0, self._hide_pending)

    def _refresh_hidden(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlights changed over these code-point spans: the hidden lines there may change."""
        if self._hidden_ranges:
            for start, end in spans:
                self._hidden.refresh(start, end, self._layer.covers)

    def current_document_id(self) -> int | None:
        return self._document.id if self._document is not None else None

    def annotation_count(self) -> int:
        return len(self._annotations)

    def annotations(self) -> list[Annotation]:
        return sorted(self._annotations.values(), key=lambda a: (a.start, a.end, a.id))

    def annotation_spanning(self, start: int, end: int) -> int | None:
        """The highlight covering exactly code points `start`…`end`, if there is one."""
        for annotation in self._annotations.values():
            if annotation.start == start and annotation.end == end and not annotation.orphaned:
                return annotation.id
        return None

    @property
    def highlight_layer(self) -> HighlightLayer:
        return self._layer

    def painted_ranges(self) -> list[tuple[int, int]]:
        """Code-point ranges that carry a highlight colour, read back from the document."""
        return [(start, end) for start, end, _ in self._layer.painted_ranges()]

    def is_dark(self) -> bool:
        return is_dark(self.palette())

    # -- selection -------------------------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in code points, grown to whole words unless it was made with Alt."""
        cursor = self.textCursor()
        if self._document is None or not cursor.hasSelection():
            return None
        to_cp = self._layer.utf16.to_codepoint
        start, end = to_cp(cursor.selectionStart()), to_cp(cursor.selectionEnd())
        if not self._exact:
            start, end = snap_to_words(self._document.text, start, end)
        return (start, end) if start < end else None

    def _selected_text(self) -> str:
        """The selection as the canonical text has it (without the breaks of long lines)."""
        cursor = self.textCursor()
        if self._document is None or not cursor.hasSelection():
            return ""
        to_cp = self._layer.utf16.to_codepoint
        return self._document.text[to_cp(cursor.selectionStart()) : to_cp(cursor.selectionEnd())]

    def copy(self) -> None:
        """Copy the selected text exactly as stored: a long line shown as several blocks comes
        out as the one line it is.

        The clipboard is handed plain text, so the object it keeps is Qt's own. (Handing it a
        QMimeData made in Python, from `createMimeDataFromSelection`, crashed the app on its
        way out after any copy.)
        """
        text = self._selected_text()
        if text:
            QApplication.clipboard().setText(text)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def select_range(self, start: int, end: int, *, exact: bool = False) -> None:
        """Select code points [start, end), as if the reader had (with Alt when `exact`)."""
        to_u16 = self._layer.utf16.to_utf16
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_u16(start))
        cursor.setPosition(to_u16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._exact = exact

    def setTextCursor(self, cursor: QTextCursor) -> None:
        super().setTextCursor(cursor)
        # A selection made by code rather than by the reader's hand is snapped.
        if not self._interacting:
            self._exact = False

    def _on_selection_changed(self) -> None:
        # Select All from the menu, or a change Qt makes on its own: not made with Alt.
        if not self._interacting:
            self._exact = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        self._interacting = True
        try:
            super().mousePressEvent(event)
        finally:
            self._interacting = False
        self._exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._interacting = True
        try:
            super().mouseMoveEvent(event)
        finally:
            self._interacting = False
        if event.buttons() and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self._exact = True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._interacting = True
        try:
            super().mouseReleaseEvent(event)
        finally:
            self._interacting = False
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self._exact = True
        press, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved < QApplication.startDragDistance() and not self.textCursor().hasSelection():
            annotation_id = self.annotation_at_point(event.position().toPoint())
            if annotation_id is not None:
                self.annotationClicked.emit(annotation_id)
        elif not self._exact:
            self._show_snapped_selection()

    def _show_snapped_selection(self) -> None:
        """Let the reader see the whole words a highlight of this selection would cover."""
        snapped = self.selected_range()
        if snapped is not None:
            self._interacting = True
            try:
                self.select_range(*snapped)
            finally:
                self._interacting = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.open_find_bar()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.key() == Qt.Key.Key_Escape and self._find_bar_open():
            self.find_bar.close_bar()
            return
        before = (self.textCursor().anchor(), self.textCursor().position())
        self._interacting = True
        try:
            super().keyPressEvent(event)
        finally:
            self._interacting = False
        if (self.textCursor().anchor(), self.textCursor().position()) != before:
            self._exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)

    # -- hit testing, clicks, tooltips, context menu ---------------------------------------

    def annotation_at(self, codepoint_offset: int) -> int | None:
        """The topmost annotation covering the character at this offset."""
        return self._layer.annotation_at(codepoint_offset)

    def annotation_at_point(self, point: QPoint) -> int | None:
        """The topmost annotation under a point of the viewport, if it is on a character."""
        position = self._char_at_point(point)
        if position is None:
            return None
        return self._layer.annotation_at(self._layer.utf16.to_codepoint(position))

    def annotation_under_context(self) -> int | None:
        """The annotation the open context menu was asked for, while it is open."""
        return self._context_annotation

    def _char_at_point(self, point: QPoint) -> int | None:
        """The document position of the character drawn under `point` (None: not on text)."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        at = QPointF(point) + offset
        layout = self.document().documentLayout()
        position = layout.hitTest(at, Qt.HitTestAccuracy.FuzzyHit)
        if position < 0:
            return None
        block = self.document().findBlock(position)
        text_layout = block.layout()
        local = at - text_layout.position()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            rect = line.naturalTextRect()
            if rect.top() <= local.y() < rect.bottom() and rect.left() <= local.x() < rect.right():
                column = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                return block.position() + column
        return None

    def tooltip_text(self, annotation_id: int) -> str:
        """Rich text naming an annotation's tags and note, for the hover tooltip."""
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return ""

        from html import escape

        tags = ", ".join(annotation.tags)
        parts = [f"<b>Tags:</b> {escape(tags)}" if tags else "<i>No tags</i>"]
        if annotation.note:
            note = annotation.note if len(annotation.note) <= 400 else annotation.note[:399] + "…"
            parts.append(escape(note).replace("\n", "<br>"))
        return "<br>".join(parts)

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for a viewport point: every annotation stacked there, topmost first."""
        position = self._char_at_point(point)
        if position is None:
            return ""
        segment = self._layer.segment_at(self._layer.utf16.to_codepoint(position))
        if segment is None:
            return ""
        texts = [self.tooltip_text(i) for i in segment.annotation_ids]
        return "<qt>" + "<hr>".join(t for t in texts if t) + "</qt>"

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, on the event loop, after the viewport has next been painted.

        Watched here rather than with an event filter on the viewport: Qt makes the viewport, and
        the first time Python meets a widget Qt made, PySide6 sets up every widget class it has
        (~9 ms, see `quotebook.ui.widgets.python_viewport`), which start-up would pay before its
        first frame.
        """
        self._after_paint.append(callback)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._after_paint:
            # The paint event arrives before the viewport paints, and the rest of the window is
            # painted in the same pass: the next turn of the event loop comes after the frame.
            for callback in self._after_paint:
                QTimer.singleShot(0, callback)
            self._after_paint.clear()
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """The commands the context menu offers above Copy and Select All."""
        self._context_actions = list(actions)

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The context menu for a viewport point; right-clicking a highlight selects it."""
        self._context_annotation = self.annotation_at_point(point)
        if self._context_annotation is not None:
            self.annotationClicked.emit(self._context_annotation)
        menu = QMenu(self)
        menu.setObjectName("viewerContextMenu")
        menu.addActions(self._context_actions)
        if self._context_actions:
            menu.addSeparator()
        copy = menu.addAction("&Copy")
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        select_all = menu.addAction("Select &All")
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.triggered.connect(self.selectAll)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        try:
            menu.exec(event.globalPos())
        finally:
            self._context_annotation = None
            menu.deleteLater()

    # -- the selected annotation -----------------------------------------------------------

    def select_annotation(
        self, annotation_id: int | None, *, scroll: bool = True, flash: bool = False
    ) -> None:
        """Emphasise an annotation (None: none), bring it into view, and maybe flash it."""
        self._selected = annotation_id if annotation_id in self._annotations else None
        if self._selected is None:
            self._flash.stop()
            self._flash_level = 0.0
            self._refresh_overlays()
            return
        if scroll:
            self._scroll_into_view(self._annotations[self._selected])
        self._refresh_overlays()
        if flash:
            self._flash.stop()
            self._flash.start()

    def selected_annotation(self) -> int | None:
        return self._selected

    def is_flashing(self) -> bool:
        return self._flash.state() == QVariantAnimation.State.Running

    def annotation_rect(self, annotation_id: int) -> tuple[QPoint, QPoint] | None:
        """Viewport points where an annotation's first and last characters are drawn."""
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return None
        first, last = self._cursor_rects(annotation)
        return first.center(), last.center()

    def _cursor_rects(self, annotation: Annotation) -> tuple[QRect, QRect]:
        to_u16 = self._layer.utf16.to_utf16
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_u16(annotation.start))
        first = self.cursorRect(cursor)
        cursor.setPosition(to_u16(annotation.end))
        return first, self.cursorRect(cursor)

    def _scroll_into_view(self, annotation: Annotation) -> None:
        first, last = self._cursor_rects(annotation)
        visible = self.viewport().rect()
        if visible.contains(first) and visible.contains(last):
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + first.top() - visible.height() // 4)

    def _on_flash(self, value: object) -> None:
        self._flash_level = float(value)  # type: ignore[arg-type]
        self._refresh_overlays()

    # -- find ------------------------------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            bar = FindBar(self)
            bar.setFont(QApplication.font())
            bar.queryChanged.connect(self.find_text)
            bar.nextRequested.connect(self.find_next)
            bar.previousRequested.connect(self.find_previous)
            bar.closed.connect(self._on_find_closed)
            self._find_bar = bar
        return self._find_bar

    def _find_bar_open(self) -> bool:
        return self._find_bar is not None and self._find_bar.isVisible()

    def open_find_bar(self) -> None:
        """Show the find bar, seeded with the selection when it is a short single line."""
        selected = self._selected_text()
        seed = selected if 0 < len(selected) <= 80 and "\n" not in selected else None
        self.find_bar.open_bar(seed)
        self._update_margins()
        if self.find_bar.query():
            self.find_text(self.find_bar.query())

    def close_find_bar(self) -> None:
        self.find_bar.close_bar()

    def find_text(self, needle: str) -> int:
        """Mark every match of `needle`, go to the first one after the cursor; the count.

        Not named `find`: that would override QTextEdit.find and QWidget.find with another
        signature, so code holding the viewer as a QTextEdit or QWidget would call this instead.
        """
        if self.find_bar.query() != needle:
            self.find_bar.field.blockSignals(True)
            self.find_bar.field.setText(needle)
            self.find_bar.field.blockSignals(False)
        text = self._document.text if self._document is not None else ""
        to_u16 = self._layer.utf16.to_utf16
        self._matches = [(to_u16(s), to_u16(e)) for s, e in find_matches(text, needle)]
        self._match_starts = [s for s, _ in self._matches]
        self._match_index = -1
        if self._matches:
            after = bisect.bisect_left(self._match_starts, self.textCursor().selectionStart())
            self._go_to_match(after % len(self._matches))
        else:
            self._refresh_overlays()
        self.find_bar.set_result(self._match_index, len(self._matches))
        return len(self._matches)

    def find_next(self) -> int:
        """Go to the next match (wrapping); its 0-based index, or -1 without matches."""
        if self._matches:
            self._go_to_match((self._match_index + 1) % len(self._matches))
        return self._match_index

    def find_previous(self) -> int:
        if self._matches:
            self._go_to_match((self._match_index - 1) % len(self._matches))
        return self._match_index

    def find_status(self) -> tuple[int, int]:
        """(index of the current match or -1, number of matches)."""
        return self._match_index, len(self._matches)

    def find_ranges(self) -> list[tuple[int, int]]:
        """The matches, in code points."""
        to_cp = self._layer.utf16.to_codepoint
        return [(to_cp(s), to_cp(e)) for s, e in self._matches]

    def _go_to_match(self, index: int) -> None:
        self._match_index = index
        start, end = self._matches[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._refresh_overlays()
        self.find_bar.set_result(index, len(self._matches))

    def _on_find_closed(self) -> None:
        self._matches, self._match_starts, self._match_index = [], [], -1
        self._update_margins()
        self._refresh_overlays()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- extra selections: find matches, the selected annotation, its flash ---------------

    def _visible_span(self) -> tuple[int, int]:
        rect = self.viewport().rect()
        first = self.cursorForPosition(rect.topLeft()).position()
        last = self.cursorForPosition(rect.bottomRight()).position()
        return first, last

    def _on_scrolled(self) -> None:
        if self._matches:
            self._refresh_overlays()

    def _refresh_overlays(self) -> None:
        dark = self.is_dark()
        selections: list[QTextEdit.ExtraSelection] = []
        if self._matches:
            first, last = self._visible_span()
            lo = max(0, bisect.bisect_left(self._match_starts, first) - 1)
            hi = min(bisect.bisect_right(self._match_starts, last), lo + MAX_PAINTED_MATCHES)
            found = QTextCharFormat()
            found.setBackground(QColor(FIND_COLORS[dark]))
            for start, end in self._matches[lo:hi]:
                selections.append(self._extra(start, end, found))
        annotation = self._annotations.get(self._selected) if self._selected is not None else None
        if annotation is not None:
            to_u16 = self._layer.utf16.to_utf16
            start, end = to_u16(annotation.start), to_u16(annotation.end)
            emphasis = QTextCharFormat()
            color = blend([annotation.color], dark=dark).darker(125)
            if self._flash_level > 0:
                color = _mix(color, QColor(FLASH_COLORS[dark]), self._flash_level)
            emphasis.setBackground(color)
            emphasis.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            emphasis.setUnderlineColor(self.palette().color(QPalette.ColorRole.Text))
            selections.append(self._extra(start, end, emphasis))
        self.setExtraSelections(selections)

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    # -- zoom, reading column, scrolling, palette ------------------------------------------

    @property
    def zoom_steps(self) -> int:
        return self._zoom_steps

    @zoom_steps.setter
    def zoom_steps(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, int(steps)))
        if steps == self._zoom_steps:
            return
        self._zoom_steps = steps
        self.setFont(reading_font(self._text_size + steps))
        self._update_margins()
        self.zoomChanged.emit(steps)

    @property
    def text_size(self) -> float:
        return self._text_size

    def set_text_size(self, points: float) -> None:
        """The reading size at zoom 0 (Actual Size); zooming steps a point up or down from it."""
        points = max(TEXT_SIZE_MIN, min(TEXT_SIZE_MAX, float(points)))
        if points == self._text_size:
            return
        self._text_size = points
        self.setFont(reading_font(points + self._zoom_steps))
        self._update_margins()

    def zoom_in(self) -> None:
        self.zoom_steps = self._zoom_steps + 1

    def zoom_out(self) -> None:
        self.zoom_steps = self._zoom_steps - 1

    def reset_zoom(self) -> None:
        self.zoom_steps = 0

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def event(self, event: QEvent) -> bool:
        # Wheel turns over the side margins reach the scroll area, not the viewport; scroll.
        if event.type() == QEvent.Type.Wheel:
            assert isinstance(event, QWheelEvent)
            self.wheelEvent(event)
            return True
        return super().event(event)

    def column_width(self) -> float:
        """The reading column: `READING_COLUMN` average characters plus the page margins."""
        metrics = QFontMetricsF(self.font())
        average = metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE)
        return average * READING_COLUMN + 2 * self.document().documentMargin()

    def _update_margins(self) -> None:
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        side = max(0, int((self.width() - scrollbar - self.column_width()) / 2))
        bottom = self.find_bar.sizeHint().height() if self._find_bar_open() else 0
        margins = self.viewportMargins()
        if (margins.left(), margins.right(), margins.bottom()) != (side, side, bottom):
            self.setViewportMargins(side, 0, side, bottom)
            # Lay the text out for the narrower (or wider) viewport now. QTextEdit does so when
            # it sees the viewport resized, but under xcb that resize can come before this
            # change or not at all, leaving lines wrapped for the old width and cut at the edge.
            self.document().setTextWidth(self.viewport().width())
        if self._find_bar is not None:
            # The vertical scroll bar runs the full height, over the bottom margin: keep clear.
            width = self.width() - scrollbar
            self._find_bar.setGeometry(0, self.height() - bottom, width, bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()
        if self._matches:
            self._refresh_overlays()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            self._apply_formatting()  # links take the new palette's link colour
            cursor.endEditBlock()
            self._layer.paint(self._annotations.values(), dark=self.is_dark())
            self._refresh_overlays()
        elif event.type() == QEvent.Type.FontChange:
            self._update_margins()

    def scroll_fraction(self) -> float:
        """How far down the document the view is, 0…1, for restoring it on the next start."""
        bar = self.verticalScrollBar()
        if bar.value() == 0:
            return 0.0
        self._finish_layout()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        fraction = max(0.0, min(1.0, float(fraction)))
        if fraction > 0:
            self._finish_layout()
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def _finish_layout(self) -> None:
        """Lay the whole document out now, so the scroll range is final (Qt does it lazily)."""
        self._hidden.flush(self._layer.covers)  # first, or Qt would lay out lines to be hidden
        document = self.document()
        document.documentLayout().blockBoundingRect(document.lastBlock())


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved towards `b` by `amount` (0…1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
