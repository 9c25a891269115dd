"""The action registry's keys: no action answers to a key twice, no two actions share one.

Qt treats a key that two enabled shortcuts in the same context answer to (or one action twice)
as ambiguous and does nothing but print a warning, so a clash is a dead key for the user. Standard
keys are expanded to every binding this platform gives them; the same checks run under xcb
(tests/ui/xcb), whose bindings differ from the offscreen platform's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from quotebook.ui.actions import SPECS, ActionId, build_actions, key_sequences

WIDGET_SCOPED = (Qt.ShortcutContext.WidgetShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)


def spelled_out(shortcut: object) -> list[str]:
    """One registry entry as the keys it stands for here, standard keys expanded."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        sequences = QKeySequence.keyBindings(shortcut)
    else:
        sequences = [QKeySequence(shortcut)]  # type: ignore[call-overload]
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences]


def test_no_action_lists_a_key_twice(qapp):
    for action_id, spec in SPECS.items():
        keys = [key for shortcut in spec.shortcuts for key in spelled_out(shortcut)]
        assert len(keys) == len(set(keys)), f"{action_id.name} lists a key twice: {keys}"


def test_no_two_actions_share_a_key(qapp):
    owner: dict[str, ActionId] = {}
    for action_id, spec in SPECS.items():
        for key in {k for shortcut in spec.shortcuts for k in spelled_out(shortcut)}:
            assert key not in owner, f"{key} is both {owner[key].name} and {action_id.name}"
            owner[key] = action_id


def test_built_actions_carry_every_binding_once(qapp):
    parent = QWidget()
    actions = build_actions(parent)
    for action_id, spec in SPECS.items():
        built = [s.toString() for s in actions[action_id].shortcuts()]
        assert len(built) == len(set(built)), action_id
        assert [s.toString() for s in key_sequences(spec.shortcuts)] == built
    redo = [s.toString() for s in actions[ActionId.REDO].shortcuts()]
    assert "Ctrl+Shift+Z" in redo
    parent.deleteLater()


def shortcut_owners(action: QAction) -> list[QWidget]:
    """The widgets an action's shortcuts are scoped to (the window, for window shortcuts)."""
    return [w for w in action.associatedObjects() if isinstance(w, QWidget)]


def clashes(window: QWidget) -> list[str]:
    """Keys that two shortcuts of the window answer to in overlapping places."""
    by_key: dict[str, list[QAction]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            by_key.setdefault(sequence.toString(), []).append(action)
    found = []
    for key, actions in by_key.items():
        if len(actions) != len(set(actions)):
            found.append(f"{key} twice on {actions[0].objectName()}")
        for i, a in enumerate(actions):
            for b in actions[i + 1 :]:
                if a is not b and not disjoint(a, b):
                    found.append(f"{key}: {a.objectName()} and {b.objectName()}")
    return found


def disjoint(a: QAction, b: QAction) -> bool:
    """Whether two actions' shortcuts can never be live in the same place."""
    if a.shortcutContext() not in WIDGET_SCOPED or b.shortcutContext() not in WIDGET_SCOPED:
        return False
    for x in shortcut_owners(a):
        for y in shortcut_owners(b):
            if x is y or x.isAncestorOf(y) or y.isAncestorOf(x):
                return False
    return True


def test_the_window_has_no_ambiguous_shortcut(make_window):
    window = make_window()
    assert clashes(window) == []
    QApplication.processEvents()
