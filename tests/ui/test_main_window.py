"""End to end on the real main window: open → highlight → tag → note → restart → undo → filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from quotebook.anchoring import Utf16Map, make_anchor
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.quotes import find_quotes
from quotebook.reader_view import RULES_VERSION
from quotebook.reader_view.rules import furniture_ranges
from quotebook.ui.actions import ActionId


def select(window, start: int, end: int) -> None:
    """Select code-point offsets [start, end) of the open document in the viewer."""
    mapping = Utf16Map(window.document.text)
    cursor = window.viewer.textCursor()
    cursor.setPosition(mapping.to_utf16(start))
    cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    window.viewer.setTextCursor(cursor)


def select_text(window, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = window.document.text.index(needle, start + 1)
    select(window, start, start + len(needle))
    return start, start + len(needle)


def test_named_widgets_are_there(make_window):
    window = make_window()
    for name in ("documentTree", "viewer", "annotationPanel", "tagList"):
        assert window.findChild(QWidget, name) is not None, name
    assert window.document is not None  # opens on a seed document
    assert window.status_title.text() == window.document.title
    assert "words" in window.status_words.text()


def test_highlight_tag_note_restart_undo(make_window):
    window = make_window()
    doc_id = window.document.id
    start, end = select_text(window, "Alexander Lukashevich")
    window.action(ActionId.COLOR_2).trigger()

    library = window.session.library
    [annotation] = library.annotations.for_document(doc_id)
    assert (annotation.start, annotation.end, annotation.color) == (start, end, "green")
    assert annotation.quote == "Alexander Lukashevich"
    assert window.annotation_panel.findChild(QWidget) is not None
    assert window.current_annotation_id == annotation.id
    assert window.status_annotations.text() == "1 annotation"

    window.answers["tags"] = ["speaker/Alexander Lukashevich", "quote"]
    window.action(ActionId.TAG).trigger()
    window.answers["note"] = "Head of the Russian mission"
    window.action(ActionId.NOTE).trigger()
    annotation = library.annotations.get(annotation.id)
    assert annotation.tags == ("quote", "speaker/Alexander Lukashevich")
    assert annotation.note == "Head of the Russian mission"
    window.close()

    again = make_window()
    assert again.document is not None and again.document.id == doc_id  # last document restored
    assert [a.id for a in again.viewer.annotations()] == [annotation.id]

    stack = again.session.undo_stack
    assert stack.count() == 0  # a new start has a fresh history
    again.action(ActionId.DELETE_ANNOTATION).setEnabled(True)
    again.select_annotation(annotation.id)
    again.action(ActionId.DELETE_ANNOTATION).trigger()
    assert again.session.library.annotations.count() == 0
    again.action(ActionId.UNDO).trigger()
    assert again.session.library.annotations.get(annotation.id).tags == annotation.tags
    again.action(ActionId.REDO).trigger()
    assert again.session.library.annotations.count() == 0


def test_undo_history_survives_switching_documents(make_window):
    window = make_window()
    first = window.document.id
    select_text(window, "OSCE")
    window.action(ActionId.HIGHLIGHT).trigger()
    other = next(d.id for d in window.session.library.documents.summaries() if d.id != first)
    window.open_document(other)
    select_text(window, "OSCE")
    window.action(ActionId.HIGHLIGHT).trigger()
    assert window.session.undo_stack.count() == 2
    window.action(ActionId.UNDO).trigger()
    window.action(ActionId.UNDO).trigger()
    assert window.session.library.annotations.count() == 0
    window.action(ActionId.REDO).trigger()
    assert [a.document_id for a in window.session.library.annotations.all()] == [first]


def test_selection_snaps_to_words_unless_alt(make_window, qtbot):
    window = make_window()
    start = window.document.text.index("Lukashevich")
    select(window, start + 2, start + 5)  # "kas", inside the word
    window.action(ActionId.HIGHLIGHT).trigger()
    [annotation] = window.session.library.annotations.all()
    assert annotation.quote == "Lukashevich"


def test_offsets_after_emoji_cyrillic_nbsp_and_tab(make_window):
    window = make_window()
    text = "Intro 😀 line.\nПривет,\u00a0мир!\tTab then 👍🏽 the “target words” here.\n"
    doc = window.session.library.documents.add(NewDocument(DocumentMeta(title="Tricky"), text))
    window.session.documents_changed()
    window.open_document(doc.id)
    start, end = select_text(window, "target words")
    window.action(ActionId.HIGHLIGHT).trigger()
    [annotation] = window.session.library.annotations.for_document(doc.id)
    assert (annotation.start, annotation.end) == (start, end)
    assert text[annotation.start : annotation.end] == "target words"
    cyr_start, cyr_end = select_text(window, "мир")
    window.action(ActionId.HIGHLIGHT).trigger()
    quotes = [a.quote for a in window.session.library.annotations.for_document(doc.id)]
    assert quotes == ["мир", "target words"]
    window.close()

    again = make_window()
    assert again.document.id == doc.id
    painted = again.viewer.painted_ranges()
    assert (start, end) in painted and (cyr_start, cyr_end) in painted


def test_filter_panel_by_tag(make_window):
    window = make_window()
    select_text(window, "Alexander Lukashevich")
    window.answers["tags"] = ["speaker/Lukashevich"]
    window.action(ActionId.TAG).trigger()  # highlights the selection, then tags it
    select_text(window, "RIA Novosti")
    window.action(ActionId.HIGHLIGHT).trigger()
    panel = window.annotation_panel
    assert panel.visible_annotation_ids() == [
        a.id for a in window.session.library.annotations.for_document(window.document.id)
    ]
    panel.set_tag_filter("speaker/Lukashevich")
    [shown] = panel.visible_annotation_ids()
    assert window.session.library.annotations.get(shown).quote == "Alexander Lukashevich"


def test_highlight_without_selection_says_so(make_window):
    window = make_window()
    window.viewer.clear_selection()
    window.action(ActionId.HIGHLIGHT).trigger()
    assert window.session.library.annotations.count() == 0
    assert "Select some text" in window.statusBar().currentMessage()


def test_zoom_and_scroll_are_restored(make_window):
    window = make_window()
    window.action(ActionId.ZOOM_IN).trigger()
    window.action(ActionId.ZOOM_IN).trigger()
    steps = window.viewer.zoom_steps
    assert steps == 2
    window.close()
    again = make_window()
    assert again.viewer.zoom_steps == steps


def test_keyboard_h_in_viewer_highlights(make_window, qtbot):
    window = make_window()
    window.viewer.setFocus()
    select_text(window, "RIA Novosti")
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    assert [a.quote for a in window.session.library.annotations.all()] == ["RIA Novosti"]


def test_the_same_words_again_select_their_highlight_instead_of_stacking_one(make_window, qtbot):
    window = make_window()
    window.viewer.setFocus()
    start, end = select_text(window, "RIA Novosti")
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    [first] = window.session.library.annotations.all()
    undo_steps = window.session.undo_stack.count()

    select_text(window, "RIA Novosti")
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    assert [a.id for a in window.session.library.annotations.all()] == [first.id]
    assert window.current_annotation_id == first.id
    assert "highlighted already" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == undo_steps  # nothing to undo

    # A colour key on the same words recolours that highlight.
    select_text(window, "RIA Novosti")
    window.action(ActionId.COLOR_3).trigger()
    [again] = window.session.library.annotations.all()
    assert (again.id, again.start, again.end) == (first.id, start, end)
    assert again.color != first.color
    # The same colour key once more changes nothing, and leaves no step to undo.
    steps = window.session.undo_stack.count()
    select_text(window, "RIA Novosti")
    window.action(ActionId.COLOR_3).trigger()
    assert window.session.undo_stack.count() == steps

    # T on the same words asks for that highlight's tags; cancelling leaves everything as it was.
    steps = window.session.undo_stack.count()
    select_text(window, "RIA Novosti")
    window.answers["tags"] = None
    window.action(ActionId.TAG).trigger()
    assert window.session.undo_stack.count() == steps
    assert window.session.library.annotations.count() == 1
    window.answers["tags"] = ["outlet"]
    select_text(window, "RIA Novosti")
    window.action(ActionId.TAG).trigger()
    [tagged] = window.session.library.annotations.all()
    assert (tagged.id, tagged.tags) == (first.id, ("outlet",))

    # Words inside it, or around it, are a new highlight as before.
    select_text(window, "Novosti")
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    assert window.session.library.annotations.count() == 2


def test_quotes_panel_accepts_into_the_open_document(make_window):
    window = make_window()
    doc = next(
        d.id for d in window.session.library.documents.summaries() if d.title.startswith("'No")
    )
    window.open_document(doc)
    panel = window.findChild(QWidget, "quotesPanel")
    assert panel is not None
    first = find_quotes(window.document.text).quotes[0]
    panel.select_quote(first.start, first.end)
    annotation_id = panel.accept_current()
    assert annotation_id is not None
    annotation = window.session.library.annotations.get(annotation_id)
    assert (annotation.start, annotation.end) == (first.start, first.end)
    assert "quote" in annotation.tags
    assert window.viewer.annotations()[0].id == annotation_id


def test_reader_view_hides_page_furniture_but_keeps_offsets(make_window):
    window = make_window()
    doc = window.session.library.documents.summaries()[0].id
    window.open_document(doc)
    assert window.viewer.hidden_line_count > 0
    block = window.viewer.document().findBlock(window.document.text.index("No time to read?"))
    assert not block.isVisible()
    window.action(ActionId.READER_VIEW).setChecked(False)
    assert window.viewer.hidden_line_count == 0
    assert block.isVisible()
    assert window.viewer.document().characterCount() == len(window.document.text) + 1


def test_reader_view_verdict_is_kept_in_the_library_and_used_next_time(make_window):
    window = make_window()
    documents = window.session.library.documents
    doc = documents.summaries()[0].id
    window.open_document(doc)
    assert documents.furniture(doc, RULES_VERSION) == furniture_ranges(window.document.text) != []
    assert window.viewer.hidden_line_count > 0
    # What is kept is what the next opening shows: here, only the document's first line.
    first_line = window.document.text.index("\n")
    documents.keep_furniture(doc, [(0, first_line)], RULES_VERSION)
    window.close()
    again = make_window()
    again.open_document(doc)
    assert again.viewer.hidden_line_count == 1
    assert not again.viewer.document().firstBlock().isVisible()


def test_quotes_panel_scans_only_once_its_tab_is_shown(make_window, qtbot):
    window = make_window()
    panel = window.findChild(QWidget, "quotesPanel")
    assert panel.findChild(QWidget, "quoteList") is None  # nothing built behind its tab
    window.quotes_dock.raise_()
    qtbot.waitUntil(lambda: panel.findChild(QWidget, "quoteList") is not None)
    assert panel.document_id == window.document.id


def test_mangled_settings_do_not_stop_the_start(make_window, settings_path):
    make_window().close()
    text = settings_path.read_text()
    settings_path.write_text(
        text.replace("lastDocument=", "lastDocument=abc").replace("zoom=", "zoom=x")
    )
    window = make_window()
    assert window.document is not None
    assert window.viewer.zoom_steps == 0


def test_the_last_document_is_remembered_per_library(make_window, tmp_path):
    """Document ids mean something only in their own library: each file reopens its own."""
    first = make_window()
    ids = [s.id for s in first.session.library.documents.summaries()]
    first.open_document(ids[2])
    first.close()

    other_path = tmp_path / "other.sqlite"
    other = make_window(other_path)
    other_ids = [s.id for s in other.session.library.documents.summaries()]
    assert other.document.id == other_ids[0]  # never opened: its first document
    other.open_document(other_ids[3])
    other.close()

    assert make_window().document.id == ids[2]
    assert make_window(other_path).document.id == other_ids[3]


def test_the_title_is_the_document_then_the_app(make_window):
    window = make_window()
    assert window.windowTitle() == f"{window.document.title} — Quotebook"
    other = window.session.library.documents.summaries()[3]
    window.open_document(other.id)
    assert window.windowTitle() == f"{other.title} — Quotebook"
    window.session.rename_document(other.id, "A new name")
    assert window.windowTitle() == "A new name — Quotebook"
    window.session.delete_document(other.id)
    assert window.windowTitle() == "library.sqlite — Quotebook"


def test_cancelling_tags_on_a_fresh_selection_takes_the_highlight_back(make_window):
    window = make_window()
    stack = window.session.undo_stack
    select_text(window, "Alexander Lukashevich")
    window.answers["tags"] = None  # the tag dialog is cancelled
    window.action(ActionId.TAG).trigger()
    assert window.session.library.annotations.count() == 0
    assert window.viewer.painted_ranges() == []
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
    assert window.current_annotation_id is None


def test_highlight_and_tag_are_one_undo_step(make_window):
    window = make_window()
    stack = window.session.undo_stack
    select_text(window, "Alexander Lukashevich")
    window.answers["tags"] = ["speaker/Lukashevich"]
    window.action(ActionId.TAG).trigger()
    [annotation] = window.session.library.annotations.all()
    assert annotation.tags == ("speaker/Lukashevich",)
    assert stack.count() == 1
    assert stack.undoText() == "Highlight and tag “Alexander Lukashevich”"
    window.action(ActionId.UNDO).trigger()
    assert window.session.library.annotations.count() == 0
    window.action(ActionId.REDO).trigger()
    assert window.session.library.annotations.get(annotation.id).tags == annotation.tags


def test_a_note_on_a_fresh_selection_is_one_step_and_cancelling_leaves_nothing(make_window):
    window = make_window()
    stack = window.session.undo_stack
    select_text(window, "RIA Novosti")
    window.answers["note"] = None
    window.action(ActionId.NOTE).trigger()
    assert window.session.library.annotations.count() == 0 and stack.count() == 0
    select_text(window, "RIA Novosti")
    window.answers["note"] = "An agency"
    window.action(ActionId.NOTE).trigger()
    [annotation] = window.session.library.annotations.all()
    assert annotation.note == "An agency" and stack.count() == 1
    window.action(ActionId.UNDO).trigger()
    assert window.session.library.annotations.count() == 0


# A popup menu offscreen: the platform cannot raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_right_click_on_a_document_in_the_tree_opens_it(make_window, qtbot):
    """The tree's current item and the viewer's document are the same after a right-click."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = make_window()
    tree = window.document_tree
    other = window.session.library.documents.summaries()[2].id
    assert window.document.id != other
    index = tree.tree_model.document_index(other)
    point = tree.visualRect(index).center()
    closed: list[bool] = []

    def close_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, close_menu)
            return
        closed.append(True)
        menu.close()

    QTimer.singleShot(0, close_menu)
    tree.customContextMenuRequested.emit(point)
    assert closed
    assert tree.current_document_id() == other
    assert window.document.id == other


def test_a_narrow_window_keeps_sixty_characters_a_line(make_window, qtbot):
    window = make_window()
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.viewer.width() >= window.reading_width_needed())
    assert window.tree_dock.isVisible()
    # A line of the document really holds 60 characters or more.
    document = window.viewer.document()
    block = document.begin()
    while block.isValid() and block.length() < 300:
        block = block.next()
    document.documentLayout().blockBoundingRect(block)  # lay it out now
    layout = block.layout()
    longest = max(layout.lineAt(i).textLength() for i in range(layout.lineCount()))
    assert longest >= 60


def test_a_new_highlight_far_down_the_list_is_scrolled_into_view(make_window, qtbot):
    """The card list lays its cards out in batches after a row comes: the new card, past the
    first batch, is scrolled to once it has its place."""
    window = make_window()
    library = window.session.library
    text = "\n\n".join(f"Paragraph {i} says something about the talks." for i in range(400))
    document = library.documents.add(NewDocument(DocumentMeta(title="Long"), text))
    for i in range(300):
        start = text.index(f"Paragraph {i} ")
        library.annotations.create(document.id, make_anchor(text, start, start + 13))
    window.open_document(document.id)
    view = window.annotation_panel.findChild(QWidget, "annotationList")
    qtbot.waitUntil(lambda: view.model().rowCount() == 300)

    window.viewer.setFocus()
    select_text(window, "Paragraph 390 says")
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    current = view.currentIndex()
    assert view.model().rowCount() == 301 and current.row() == 300

    def card_is_in_view() -> bool:
        return view.viewport().rect().contains(view.visualRect(view.currentIndex()))

    qtbot.waitUntil(card_is_in_view, timeout=3000)
