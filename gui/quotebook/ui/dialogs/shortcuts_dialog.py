"""Help → Keyboard Shortcuts: every key the app answers to, built from the action registry.

The list is read from the window's own actions, so it shows the keys as this platform binds
them (a standard key such as Redo differs between desktops) and can never fall out of step
with the menus. Typing in the search field narrows it by command or key.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from quotebook.ui.actions import SPECS, ActionId

COMMAND, KEYS, WHERE = range(3)
# Keys that belong to a widget rather than to a command of the registry.
WIDGET_KEYS = (
    ("Rename the selected document or folder", "F2", "Library tree"),
    ("Delete the selected document or folder", "Del", "Library tree"),
    ("Open the selected document", "Enter", "Library tree"),
    ("Keep an exact selection (no snapping to words)", "Alt + drag", "Document"),
    ("Next / previous match", "Enter / Shift+Enter", "Find bar"),
    ("Close the find bar", "Esc", "Find bar"),
    ("Save the note", "Ctrl+Enter", "Note dialog"),
)


def command_name(text: str) -> str:
    """A menu text without its mnemonic ampersand (a doubled one is a real ampersand)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(actions: Mapping[ActionId, QAction]) -> list[tuple[str, str, str]]:
    """(command, keys, where) for every command of the registry that has a key."""
    rows = []
    for action_id, spec in SPECS.items():
        action = actions[action_id]
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if not keys:
            continue
        where = "Document" if spec.viewer_only else "Anywhere"
        rows.append((command_name(spec.text), ", ".join(keys), where))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Mapping[ActionId, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(620, 560)

        self.search = QLineEdit(self)
        self.search.setObjectName("shortcutsSearch")
        self.search.setPlaceholderText("Search commands and keys")
        self.search.setClearButtonEnabled(True)

        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Command", "Keys", "Where"])
        for row in [*shortcut_rows(actions), *WIDGET_KEYS]:
            items = [QStandardItem(cell) for cell in row]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # every column: "ctrl+z" finds Undo, "tag" finds T
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.view = QTreeView(self)
        self.view.setObjectName("shortcutsList")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setSectionResizeMode(COMMAND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEYS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        note = QLabel(
            "Single keys (H, 1–5, T, N, Del) work while the document has the focus, so they "
            "never get in the way of typing elsewhere.",
            self,
        )
        note.setObjectName("shortcutsNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.search.setFocus()

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """The rows the list shows now, as (command, keys, where)."""
        return [
            tuple(  # type: ignore[misc]
                str(self.proxy.index(row, column).data()) for column in range(3)
            )
            for row in range(self.proxy.rowCount())
        ]
