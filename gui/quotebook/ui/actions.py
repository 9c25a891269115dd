"""The action registry: every command a user can give, with its text, shortcut and icon.

Actions are described once here and built once by `build_actions`; menus, toolbars and context
menus all share the same `QAction` objects, so a shortcut or an enabled state is never out of
step between them. The main window connects each action's `triggered` signal.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from quotebook.domain import PALETTE


class ActionId(Enum):
    NEW_LIBRARY = auto()
    OPEN_LIBRARY = auto()
    CLEAR_RECENT = auto()
    IMPORT = auto()
    EXPORT = auto()
    BACKUP = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    SEARCH = auto()
    HIGHLIGHT = auto()
    COLOR_1 = auto()
    COLOR_2 = auto()
    COLOR_3 = auto()
    COLOR_4 = auto()
    COLOR_5 = auto()
    TAG = auto()
    NOTE = auto()
    DELETE_ANNOTATION = auto()
    NEW_FOLDER = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    READER_VIEW = auto()
    MANAGE_TAGS = auto()
    DOCUMENT_PROPERTIES = auto()
    FIND_QUOTES = auto()
    PREFERENCES = auto()
    KEYBOARD_SHORTCUTS = auto()
    HELP = auto()
    ABOUT = auto()


COLOR_ACTIONS = (
    ActionId.COLOR_1,
    ActionId.COLOR_2,
    ActionId.COLOR_3,
    ActionId.COLOR_4,
    ActionId.COLOR_5,
)
COLOR_NAMES = tuple(PALETTE)
# What changes the library: disabled when it is open for reading only.
EDITING_ACTIONS = (
    ActionId.IMPORT,
    ActionId.NEW_FOLDER,
    ActionId.UNDO,
    ActionId.REDO,
    ActionId.HIGHLIGHT,
    *COLOR_ACTIONS,
    ActionId.TAG,
    ActionId.NOTE,
    ActionId.DELETE_ANNOTATION,
    ActionId.MANAGE_TAGS,
    ActionId.DOCUMENT_PROPERTIES,
    ActionId.FIND_QUOTES,
)


Shortcut = QKeySequence | QKeySequence.StandardKey | str


class ActionSpec(NamedTuple):
    text: str
    # A standard key stands for every binding the platform gives it (Undo is Ctrl+Z and the
    # keyboard's Undo key); a key written out must not be one of them, or Qt sees the same key
    # twice on one action and ignores it as ambiguous.
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str = ""
    tip: str = ""
    # Single-key shortcuts must not fire while the user types in a line edit elsewhere, so they
    # live on the viewer only (WidgetWithChildrenShortcut on the viewer pane).
    viewer_only: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_LIBRARY: ActionSpec(
        "&New Library…", (), "", "Make a new, empty library file and switch to it"
    ),
    ActionId.OPEN_LIBRARY: ActionSpec(
        "&Open Library…", ("Ctrl+Shift+O",), "", "Switch to another library file"
    ),
    ActionId.CLEAR_RECENT: ActionSpec("&Clear Menu", (), "", "Forget the other recent libraries"),
    ActionId.IMPORT: ActionSpec(
        "&Import Files…", (QKeySequence.StandardKey.Open,), "import", "Import documents"
    ),
    ActionId.EXPORT: ActionSpec("&Export…", ("Ctrl+E",), "export", "Export annotated documents"),
    ActionId.BACKUP: ActionSpec(
        "Back &Up Library…",
        (),
        "",
        "Save a copy of the whole library, safe to make while it is open",
    ),
    ActionId.QUIT: ActionSpec("&Quit", (QKeySequence.StandardKey.Quit,)),
    ActionId.UNDO: ActionSpec("&Undo", (QKeySequence.StandardKey.Undo,), "undo"),
    # Redo is Ctrl+Shift+Z on every desktop's list (Windows adds Ctrl+Y): the standard key only.
    ActionId.REDO: ActionSpec("&Redo", (QKeySequence.StandardKey.Redo,), "redo"),
    ActionId.FIND: ActionSpec(
        "&Find in Document…", (QKeySequence.StandardKey.Find,), "find", "Find in this document"
    ),
    ActionId.SEARCH: ActionSpec("&Search Library…", ("Ctrl+K",), "search", "Search the library"),
    ActionId.HIGHLIGHT: ActionSpec(
        "&Highlight", ("H",), "highlight", "Highlight the selection (H)", viewer_only=True
    ),
    **{
        action: ActionSpec(
            f"Highlight in {name.capitalize()}", (str(n),), "", f"{name} ({n})", viewer_only=True
        )
        for n, (action, name) in enumerate(zip(COLOR_ACTIONS, COLOR_NAMES, strict=True), start=1)
    },
    ActionId.TAG: ActionSpec("&Tag…", ("T",), "tag", "Tag the highlight (T)", viewer_only=True),
    ActionId.NOTE: ActionSpec("&Note…", ("N",), "note", "Edit the note (N)", viewer_only=True),
    ActionId.DELETE_ANNOTATION: ActionSpec(
        "&Delete Highlight", ("Del",), "delete", "Delete the highlight", viewer_only=True
    ),
    ActionId.NEW_FOLDER: ActionSpec("New &Folder…", ("Ctrl+Shift+N",), "folder-new"),
    ActionId.ZOOM_IN: ActionSpec(
        "Zoom &In", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), "zoom-in"
    ),
    ActionId.ZOOM_OUT: ActionSpec("Zoom &Out", (QKeySequence.StandardKey.ZoomOut,), "zoom-out"),
    ActionId.ZOOM_RESET: ActionSpec("&Actual Size", ("Ctrl+0",)),
    ActionId.READER_VIEW: ActionSpec(
        "&Reader View", ("Ctrl+Shift+R",), "", "Hide site menus and other page furniture"
    ),
    ActionId.MANAGE_TAGS: ActionSpec("&Manage Tags…", ("Ctrl+Shift+T",), "tag"),
    ActionId.DOCUMENT_PROPERTIES: ActionSpec(
        "Document &Properties…", ("Alt+Return",), "document", "Title, outlet, date and notes"
    ),
    ActionId.FIND_QUOTES: ActionSpec(
        "Find Quotes in &All Documents…", ("Ctrl+Shift+Q",), "quotes", "Detect quotations"
    ),
    # Ctrl+, is the preferences key on macOS (⌘,) and in many apps elsewhere.
    ActionId.PREFERENCES: ActionSpec(
        "Pre&ferences…", ("Ctrl+,",), "", "Theme, text size, reader view, export author"
    ),
    ActionId.KEYBOARD_SHORTCUTS: ActionSpec(
        "&Keyboard Shortcuts", ("Ctrl+/",), "", "Every key Quotebook answers to"
    ),
    ActionId.HELP: ActionSpec(
        "Quotebook &Help", (QKeySequence.StandardKey.HelpContents,), "", "How Quotebook works"
    ),
    ActionId.ABOUT: ActionSpec("&About Quotebook"),
}


def key_sequences(shortcuts: tuple[Shortcut, ...]) -> list[QKeySequence]:
    """The key sequences an action answers to here: standard keys expanded to all of this
    platform's bindings, in order, each once."""
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            expanded = QKeySequence.keyBindings(shortcut)
        else:
            expanded = [QKeySequence(shortcut)]
        sequences.extend(s for s in expanded if not s.isEmpty() and s not in sequences)
    return sequences


def build_actions(parent: QObject) -> dict[ActionId, QAction]:
    from quotebook.ui.icons import icon

    actions: dict[ActionId, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action{action_id.name.title().replace('_', '')}")
        if spec.shortcuts:
            action.setShortcuts(key_sequences(spec.shortcuts))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        if spec.viewer_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        actions[action_id] = action
    return actions
