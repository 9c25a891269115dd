"""The tag manager: the codebook of tags as a tree, with counts, colours and descriptions.

Every change goes through an undo command (the dialog has its own Undo and Redo buttons on the
session's stack), and the tree is rebuilt from the store whenever the session says tags changed,
so what it shows is always what is stored. Questions (a new name, a merge target, whether to
delete) go through the small `ask_*` functions below, which tests answer by monkeypatching.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quotebook.domain import PALETTE, Tag, color_hex
from quotebook.errors import UserError
from quotebook.ui.session import Session
from quotebook.ui.theme import is_dark
from quotebook.wording import plural

T = TypeVar("T")
TOP_LEVEL = "(top level)"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def ask_choice(parent: QWidget, title: str, label: str, items: Sequence[str]) -> str | None:
    value, ok = QInputDialog.getItem(parent, title, label, list(items), 0, False)
    return value if ok else None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def swatch(color: str, dark: bool, size: int = 12) -> QIcon:
    """A round swatch of a palette colour; an empty ring for a tag without one."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#888888"))
    if color:
        painter.setBrush(QColor(color_hex(color, dark=dark)))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class TagManagerDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManager")
        self.setWindowTitle("Tags")
        self.resize(760, 480)
        self._session = session
        self._tags: dict[int, Tag] = {}
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shown_tag: int | None = None

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tagTree")
        self.tree.setHeaderLabels(["Tag", "Highlights", "Documents"])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._current_changed)

        # The name field holds the tag's own name, the last part of its path: typing a new one
        # renames the tag where it is. Moving it to another level is the Move button's job.
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("tagName")
        self.name_edit.setToolTip("The tag's own name; “Move under…” puts it at another level")
        self.name_edit.editingFinished.connect(self._rename)
        self.place_label = QLabel(self)
        self.place_label.setObjectName("tagPlace")
        self.place_label.setWordWrap(True)
        self.place_label.setTextFormat(Qt.TextFormat.PlainText)
        self.color_combo = QComboBox(self)
        self.color_combo.setObjectName("tagColor")
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("tagDescription")
        self.description_edit.setPlaceholderText("What this tag means and when to use it")
        self.description_edit.installEventFilter(self)
        self.message = QLabel(self)
        self.message.setObjectName("tagManagerMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("Under:", self.place_label)
        form.addRow("&Colour:", self.color_combo)
        form.addRow("&Description:", self.description_edit)

        self.new_button = self._button("newTagButton", "&New…", self._new_tag)
        self.merge_button = self._button("mergeTagButton", "&Merge into…", self._merge)
        self.move_button = self._button("moveTagButton", "Move &under…", self._move)
        self.delete_button = self._button("deleteTagButton", "&Delete…", self._delete)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.merge_button, self.move_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for name, action in (
            ("tagUndoButton", session.undo_stack.createUndoAction(self, "&Undo")),
            ("tagRedoButton", session.undo_stack.createRedoAction(self, "&Redo")),
        ):
            tool = QToolButton(self)
            tool.setObjectName(name)
            tool.setDefaultAction(action)
            buttons.addWidget(tool)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # Enter in the name field saves the name; no button may take it as "close the dialog".
        for close_button in close.buttons():
            if isinstance(close_button, QPushButton):
                close_button.setAutoDefault(False)
                close_button.setDefault(False)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self.tree, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)

        self._fill_colors()
        self.color_combo.currentIndexChanged.connect(self._recolor)
        # A description is committed when the editor loses focus or the selection moves, that
        # is, inside the tree's own event handling; the tree is rebuilt after that, not during.
        self._defer_reloads = False
        self._deferred_reload = QTimer(self)
        self._deferred_reload.setSingleShot(True)
        self._deferred_reload.setInterval(0)
        self._deferred_reload.timeout.connect(self.reload)
        session.tagsChanged.connect(self._tags_changed)
        self.reload()

    # -- public ------------------------------------------------------------------------------

    def current_tag(self) -> Tag | None:
        item = self.tree.currentItem()
        return self._tags.get(item.data(0, ID_ROLE)) if item is not None else None

    def select_tag(self, tag_id: int) -> None:
        item = self._items.get(tag_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def reload(self) -> None:
        """Rebuild the tree from the store, keeping the selection and what was expanded."""
        self._deferred_reload.stop()
        current = self.current_tag()
        collapsed = {tag_id for tag_id, item in self._items.items() if not item.isExpanded()}
        stats = self._session.library.tags.stats()
        self._tags = {s.tag.id: s.tag for s in stats}
        dark = is_dark(self.palette())
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            items: dict[int, QTreeWidgetItem] = {}
            self._items = items
            for s in sorted(stats, key=lambda s: s.tag.name.count("/")):
                parent = items.get(s.tag.parent_id) if s.tag.parent_id is not None else None
                item = QTreeWidgetItem(parent or self.tree)
                item.setText(0, s.tag.leaf)
                item.setIcon(0, swatch(s.tag.color, dark))
                item.setText(1, str(s.annotations))
                item.setText(2, str(s.documents))
                item.setToolTip(0, s.tag.description or s.tag.name)
                item.setData(0, ID_ROLE, s.tag.id)
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                items[s.tag.id] = item
            self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
            for tag_id, item in items.items():
                item.setExpanded(tag_id not in collapsed)
            if current is not None and current.id in items:
                self.tree.setCurrentItem(items[current.id])
        finally:
            self.tree.blockSignals(False)
        self._show(self.current_tag())

    # -- editing the selected tag ------------------------------------------------------------

    def _tags_changed(self) -> None:
        if self._defer_reloads:
            self._deferred_reload.start()
        else:
            self.reload()

    def _current_changed(self) -> None:
        self._commit_description()
        self._show(self.current_tag())

    def _show(self, tag: Tag | None) -> None:
        editing_same = tag is not None and tag.id == self._shown_tag
        self._shown_tag = tag.id if tag else None
        for widget in (self.name_edit, self.color_combo, self.description_edit):
            widget.setEnabled(tag is not None)
        for button in (self.merge_button, self.move_button, self.delete_button):
            button.setEnabled(tag is not None)
        self.color_combo.blockSignals(True)
        self.color_combo.setCurrentIndex(
            max(0, self.color_combo.findData(tag.color if tag else ""))
        )
        self.color_combo.blockSignals(False)
        self.name_edit.setText(tag.leaf if tag else "")
        parent = tag.name.rsplit("/", 1)[0] if tag is not None and "/" in tag.name else ""
        self.place_label.setText(parent or (TOP_LEVEL if tag is not None else ""))
        described = tag.description if tag else ""
        # Keep the cursor where it is when the refresh only echoes the user's own typing.
        if not (editing_same and self.description_edit.toPlainText() == described):
            self.description_edit.setPlainText(described)

    def _fill_colors(self) -> None:
        dark = is_dark(self.palette())
        self.color_combo.addItem(swatch("", dark), "None", "")
        for name in PALETTE:
            self.color_combo.addItem(swatch(name, dark), name.capitalize(), name)

    def _rename(self) -> None:
        tag = self.current_tag()
        leaf = self.name_edit.text().strip()
        if tag is None or not leaf or leaf == tag.leaf:
            return
        if "/" in leaf:
            self._show(tag)
            self.message.setText(
                "A tag's name cannot hold “/”. To put the tag at another level, use Move under…"
            )
            return
        name = f"{tag.name.rsplit('/', 1)[0]}/{leaf}" if "/" in tag.name else leaf
        self._run(lambda: self._session.rename_tag(tag.id, name))

    def _recolor(self) -> None:
        tag = self.current_tag()
        color = self.color_combo.currentData() or ""
        if tag is not None and color != tag.color:
            self._run(lambda: self._session.set_tag_color(tag.id, color))

    def _commit_description(self) -> None:
        tag = self._tags.get(self._shown_tag) if self._shown_tag is not None else None
        text = self.description_edit.toPlainText()
        if tag is not None and text != tag.description:
            self._defer_reloads = True
            try:
                self._run(lambda: self._session.set_tag_description(tag.id, text))
            finally:
                self._defer_reloads = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.description_edit and event.type() == QEvent.Type.FocusOut:
            self._commit_description()
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        self._commit_description()
        super().done(result)

    # -- buttons -----------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _new_tag(self) -> None:
        tag = self.current_tag()
        name = ask_text(self, "New tag", "Name (use / for levels):", f"{tag.name}/" if tag else "")
        if name:
            new_id = self._run(lambda: self._session.create_tag(name))
            if new_id is not None:
                self.select_tag(new_id)

    def _merge(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        others = [t.name for t in self._tags.values() if t.id != tag.id]
        target = ask_choice(self, "Merge tag", f"Merge “{tag.name}” into:", sorted(others))
        found = self._session.library.tags.find(target) if target else None
        if found is not None:
            self._run(lambda: self._session.merge_tags(tag.id, found.id))
            self.select_tag(found.id)

    def _move(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        below = tag.name.casefold() + "/"
        parents = sorted(
            t.name
            for t in self._tags.values()
            if t.id != tag.id and not t.name.casefold().startswith(below)
        )
        choice = ask_choice(self, "Move tag", f"Put “{tag.leaf}” under:", [TOP_LEVEL, *parents])
        if choice is None:
            return
        parent = None if choice == TOP_LEVEL else self._session.library.tags.find(choice)
        if choice == TOP_LEVEL or parent is not None:
            self._run(lambda: self._session.move_tag(tag.id, parent.id if parent else None))

    def _delete(self) -> None:
        tag = self.current_tag()
        if tag is None:
            return
        usage = self._session.library.tags.usage(tag.id)
        below = usage.tags - 1
        text = f"Delete the tag “{tag.name}”"
        text += f" and the {plural(below, 'tag')} below it?" if below else "?"
        text += (
            f"\n\nIt is on {plural(usage.annotations, 'highlight')} "
            f"in {plural(usage.documents, 'document')}; the highlights "
            "stay, without this tag. You can undo this."
        )
        if confirm(self, "Delete tag", text):
            self._run(lambda: self._session.delete_tag(tag.id))

    def _run(self, change: Callable[[], T]) -> T | None:
        """Run a change; a refusal (a name clash, say) is shown in the dialog, not raised."""
        self.message.clear()
        try:
            return change()
        except UserError as exc:
            self.message.setText(exc.message)
            self._show(self.current_tag())
            return None
