"""The tag picker: an annotation's tags as removable chips and a field that completes names.

A tag is only a name, so typing one that does not exist yet and pressing Enter simply adds it;
the store creates it when the tags are saved. Completion matches anywhere in the path and
ignores case, so ``luka`` offers ``speaker/Alexander Lukashevich``. The dialog only returns the
list; the caller saves it through the session, so the whole edit is one undo step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from quotebook.errors import UserError
from quotebook.store.tags import normalise_tag_name
from quotebook.ui.theme import is_dark, tag_color
from quotebook.ui.widgets import chips

if TYPE_CHECKING:
    from quotebook.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
COLOR_ROLE = Qt.ItemDataRole.UserRole + 1


class ChipDelegate(QStyledItemDelegate):
    """Draws each tag as a chip with a ×; a click on the × asks for the tag's removal."""

    removeClicked = Signal(int)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(chips.chip_font(option.font))
        return chips.chip_size(metrics, str(index.data()), closable=True)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setFont(chips.chip_font(option.font))
        tone = tag_color(str(index.data(COLOR_ROLE) or ""), option.palette)
        chips.paint_chip(
            painter, option.rect, str(index.data()), tone, option.palette, closable=True
        )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = option.rect.adjusted(0, 0, -1, -1)
            painter.drawRoundedRect(ring, ring.height() / 2, ring.height() / 2)
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            metrics = QFontMetrics(chips.chip_font(option.font))
            if chips.close_mark_rect(metrics, option.rect).contains(event.position().toPoint()):
                self.removeClicked.emit(index.row())
                return True
        return super().editorEvent(event, model, option, index)


class TagLineEdit(QLineEdit):
    """Enter adds what was typed (the dialog listens); on an empty field Enter is left to the
    dialog, which accepts. Backspace on an empty field takes back the last chip."""

    tagEntered = Signal(str)
    backspaceOnEmpty = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.tagEntered.emit(self.text())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.backspaceOnEmpty.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TagPickerDialog(QDialog):
    def __init__(
        self,
        all_tags: Sequence[str],
        current: Sequence[str] = (),
        *,
        tag_colors: Mapping[str, str] | None = None,
        quote: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagPicker")
        self.setWindowTitle("Tags")
        self._known = {name.casefold(): name for name in all_tags}
        self._colors = dict(tag_colors or {})

        heading = QLabel(self)
        heading.setObjectName("tagPickerHeading")
        heading.setWordWrap(True)
        excerpt = " ".join(quote.split())
        if len(excerpt) > 90:
            excerpt = excerpt[:89] + "…"
        heading.setText(f"Tags for “{excerpt}”" if excerpt else "Tags")

        self._chips = QStandardItemModel(self)
        self._chip_view = QListView(self)
        self._chip_view.setObjectName("tagPickerChips")
        self._chip_view.setModel(self._chips)
        self._chip_view.setFlow(QListView.Flow.LeftToRight)
        self._chip_view.setWrapping(True)
        self._chip_view.setResizeMode(QListView.ResizeMode.Adjust)
        self._chip_view.setSpacing(chips.CHIP_SPACING // 2 + 1)
        self._chip_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._chip_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._chip_view.setToolTip("Click × (or press Delete) to remove a tag")
        self._chip_view.installEventFilter(self)
        chip_height = chips.chip_size(QFontMetrics(chips.chip_font(self.font())), "X").height()
        self._chip_view.setMinimumHeight(3 * (chip_height + chips.CHIP_SPACING + 2) + 4)
        delegate = ChipDelegate(self._chip_view)
        delegate.removeClicked.connect(lambda row: self._chips.removeRow(row))
        self._chip_view.setItemDelegate(delegate)

        self._input = TagLineEdit(self)
        self._input.setObjectName("tagPickerInput")
        self._input.setPlaceholderText("Add a tag: type, then press Enter")
        self._input.setClearButtonEnabled(True)
        self._names = QStringListModel(sorted(all_tags, key=str.casefold), self)
        self._completer = QCompleter(self._names, self)
        self._completer.setObjectName("tagPickerCompleter")
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setMaxVisibleItems(10)
        self._input.setCompleter(self._completer)
        self._input.tagEntered.connect(self._add_typed)
        self._input.backspaceOnEmpty.connect(self._remove_last)
        self._input.textEdited.connect(self._show_hint)

        self._hint_text = "A new name creates a tag; use / for a tag below another (speaker/Name)."
        self._message = QLabel(self._hint_text, self)
        self._message.setObjectName("tagPickerMessage")
        self._message.setWordWrap(True)
        self._message.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("tagPickerButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._chip_view, 1)
        layout.addWidget(self._input)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self.resize(420, 300)

        for name in current:
            self.add_tag(name)
        self._input.setFocus()

    # -- public API ----------------------------------------------------------------------------

    @property
    def line_edit(self) -> TagLineEdit:
        return self._input

    @property
    def completer(self) -> QCompleter:
        return self._completer

    @property
    def chip_view(self) -> QListView:
        return self._chip_view

    def tags(self) -> list[str]:
        return [str(self._chips.item(row).text()) for row in range(self._chips.rowCount())]

    def add_tag(self, name: str) -> bool:
        """Add a tag by name; an existing tag keeps its spelling. False (and a message) if the
        name is not a valid tag name."""
        try:
            name = normalise_tag_name(name)
        except UserError as error:
            self._show_error(str(error))
            return False
        name = self._known.get(name.casefold(), name)
        if name.casefold() in {t.casefold() for t in self.tags()}:
            return True
        item = QStandardItem(name)
        item.setData(self._colors.get(name, ""), COLOR_ROLE)
        item.setToolTip(name if name.casefold() in self._known else f"{name} (new tag)")
        self._chips.appendRow(item)
        return True

    def remove_tag(self, name: str) -> None:
        for row in range(self._chips.rowCount() - 1, -1, -1):
            if self._chips.item(row).text().casefold() == name.casefold():
                self._chips.removeRow(row)

    def accept(self) -> None:
        # Text typed but not yet entered is surely meant to be added.
        if self._input.text().strip() and not self._add_typed(self._input.text()):
            return
        super().accept()

    # -- internals -----------------------------------------------------------------------------

    def _add_typed(self, text: str) -> bool:
        added = self.add_tag(text)
        if added:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
            self._input.clear()
            self._show_hint()
        return added

    def _remove_last(self) -> None:
        if self._chips.rowCount():
            self._chips.removeRow(self._chips.rowCount() - 1)

    def _show_hint(self, *_args: object) -> None:
        self._message.setStyleSheet("")
        self._message.setText(self._hint_text)

    def _show_error(self, text: str) -> None:
        # A red that stays readable on either palette.
        red = "#ff8a80" if is_dark(self.palette()) else "#b71c1c"
        self._message.setStyleSheet(f"color: {red};")
        self._message.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete or Backspace on the chip list removes the chip that has the focus."""
        if watched is self._chip_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            current = self._chip_view.currentIndex()
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current.isValid():
                self._chips.removeRow(current.row())
                return True
        return super().eventFilter(watched, event)


def ask_tags(parent: QWidget | None, session: Session, annotation_id: int) -> list[str] | None:
    """Let the user edit an annotation's tags; the new list, or None if they cancelled."""
    library = session.library
    annotation = library.annotations.get(annotation_id)
    known = library.tags.all()
    dialog = TagPickerDialog(
        [tag.name for tag in known],
        annotation.tags,
        tag_colors={tag.name: tag.color for tag in known},
        quote=annotation.quote,
        parent=parent,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.tags()
    finally:
        dialog.deleteLater()
