"""What one change costs through the real window: a highlight updates that highlight (in the
viewer, the panel and the reader view's hidden lines) and nothing is read or counted again;
a large document gets its word count and reader-view verdict after its first paint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QTextCursor

from call_counter import Calls
from quotebook.anchoring import Utf16Map
from quotebook.domain import (
    Annotation,
    Document,
    DocumentMeta,
    FormatSpan,
    NewDocument,
    color_hex,
)
from quotebook.ui import document_facts
from quotebook.ui.widgets.viewer import Viewer


def select(window, start: int, end: int) -> None:
    """Select code points [start, end) of the open document, as a reader's drag would."""
    mapping = window.viewer.highlight_layer.utf16
    cursor = window.viewer.textCursor()
    cursor.setPosition(mapping.to_utf16(start))
    cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    window.viewer.setTextCursor(cursor)


def press_h(window, qtbot, start: int, end: int) -> int:
    select(window, start, end)
    window.viewer.setFocus()
    qtbot.keyClick(window.viewer, Qt.Key.Key_H)
    assert window.current_annotation_id is not None
    return window.current_annotation_id


def block_of(window, offset: int):
    return window.viewer.document().findBlock(window.viewer.highlight_layer.utf16.to_utf16(offset))


def test_a_highlight_reads_counts_and_lists_nothing_again(make_window, qtbot, monkeypatch):
    window = make_window()
    text = window.document.text
    press_h(window, qtbot, 0, 20)  # the first one may load what a highlight needs
    library = window.session.library
    listed = Calls(monkeypatch, library.annotations, "for_document")
    texts = Calls(monkeypatch, library.documents, "get")
    counted = Calls(monkeypatch, document_facts, "count_words")
    panel = window.annotation_panel.model
    inserted: list[tuple[int, int]] = []
    panel.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    resets: list[bool] = []
    panel.modelReset.connect(lambda: resets.append(True))
    words = window.status_words.text()

    start = text.index(" ", 200) + 1
    annotation_id = press_h(window, qtbot, start, text.index(" ", start + 5))
    window.session.set_color(annotation_id, "blue")
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    window.session.undo_stack.redo()

    assert (listed.count, texts.count, counted.count) == (0, 0, 0)
    row = panel.row_of(annotation_id)
    assert inserted == [(row, row), (row, row)] and not resets  # added, removed, added again
    assert window.status_words.text() == words
    assert window.status_annotations.text() == "2 annotations"
    assert annotation_id in {a.id for a in window.viewer.annotations()}


def test_panel_rows_follow_single_changes_in_text_order(make_window, qtbot):
    window = make_window()
    text = window.document.text
    later = press_h(window, qtbot, text.index(" ", 400) + 1, text.index(" ", 410))
    earlier = press_h(window, qtbot, 0, text.index(" ", 5))
    model = window.annotation_panel.model
    assert [a.id for a in model.annotations()] == [earlier, later]
    assert window.annotation_panel.current_annotation_id() == earlier
    window.session.delete_annotation(earlier)
    assert [a.id for a in model.annotations()] == [later]
    window.session.set_note(later, "A note.")
    assert model.annotations()[0].note == "A note."


def test_a_highlight_on_a_hidden_line_shows_it_and_undo_hides_it_again(make_window, qtbot):
    window = make_window()
    doc = window.session.library.documents.summaries()[0].id
    window.open_document(doc)
    text = window.document.text
    start = text.index("No time to read?")
    hidden = window.viewer.hidden_line_count
    assert not block_of(window, start).isVisible()

    press_h(window, qtbot, start, start + len("No time"))
    assert block_of(window, start).isVisible()
    assert window.viewer.hidden_line_count == hidden - 1
    window.session.undo_stack.undo()
    assert not block_of(window, start).isVisible()
    assert window.viewer.hidden_line_count == hidden
    window.session.undo_stack.redo()
    assert block_of(window, start).isVisible()
    # What a fresh viewer paints for the same highlights is what the window shows.
    fresh = Viewer()
    qtbot.addWidget(fresh)
    fresh.show_document(window.document, window.viewer.annotations())
    assert window.viewer.painted_ranges() == fresh.painted_ranges()


def test_highlights_on_a_markdown_document_keep_its_formatting(qtbot):
    text = "Talks 😀 resumed today, quietly, says the agency."
    bold = text.index("resumed")
    spans = (FormatSpan(bold, bold + len("resumed"), "strong"),)
    viewer = Viewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 400)
    viewer.show()
    shown = Document(1, None, DocumentMeta(title="Formatted"), text, "", "", spans)
    viewer.show_document(shown, [])
    over = Annotation(1, 1, bold - 2, bold + 4, "", color="green")
    viewer.update_annotation(over)
    cursor = QTextCursor(viewer.document())
    position = Utf16Map(text).to_utf16(bold + 2)
    cursor.setPosition(position)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    assert cursor.charFormat().background().color() == QColor(color_hex("green"))
    viewer.remove_annotation(1)
    cursor.setPosition(position)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    assert viewer.painted_ranges() == []


class PaintLog(QObject):
    """Notes the paints of a widget, in order with whatever else the test notes."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.events: list[str] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_a_large_document_is_painted_before_its_words_and_verdict(make_window, qtbot, monkeypatch):
    window = make_window()
    library = window.session.library
    seed = window.document.text
    text = "\n\n".join([seed] * (document_facts.SYNC_CHARS // len(seed) + 2))
    doc = library.documents.add(NewDocument(DocumentMeta(title="Long"), text)).id
    log = PaintLog(window.viewer.viewport())
    original = document_facts.work_out

    def work_out(*args, **kwargs):
        log.events.append("work")
        return original(*args, **kwargs)

    monkeypatch.setattr(document_facts, "work_out", work_out)
    window.open_document(doc)
    assert window.status_words.text() == ""  # being counted
    assert window.viewer.hidden_line_count == 0  # no verdict kept yet
    qtbot.waitUntil(lambda: window.status_words.text() != "", timeout=30_000)
    assert log.events.index("paint") < log.events.index("work")
    assert window.status_words.text() == f"{len(text.split()):,} words"
    assert window.viewer.hidden_line_count > 0
    assert window.session.kept_furniture(doc) is not None  # kept for next time
    block = window.viewer.document().findBlock(text.rindex("No time to read?"))
    assert not block.isVisible()


def test_words_are_counted_as_split_counts_them_in_slices(monkeypatch):
    monkeypatch.setattr(document_facts, "WORD_CHUNK", 7)
    for text in [
        "",
        " ",
        "one",
        "one two",
        "  spaced   out  words ",
        "a\u00a0b\tc\nd  e",
        "x" * 30,
    ]:
        assert document_facts.count_words(text) == len(text.split()), text


def test_a_large_document_opened_again_is_not_read_through_again(make_window, qtbot, monkeypatch):
    window = make_window()
    first = window.document.id
    seed = window.document.text
    text = "\n\n".join([seed] * (document_facts.SYNC_CHARS // len(seed) + 2))
    doc = window.session.library.documents.add(NewDocument(DocumentMeta(title="Long"), text)).id
    window.open_document(doc)
    qtbot.waitUntil(lambda: window.status_words.text() != "", timeout=30_000)
    words = window.status_words.text()
    window.open_document(first)
    counted = Calls(monkeypatch, document_facts, "work_out")
    window.open_document(doc)
    assert window.status_words.text() == words  # at once: remembered, and the verdict kept
    assert counted.count == 0


def test_a_verdict_worked_out_after_the_reader_moved_on_is_still_kept(make_window, qtbot):
    window = make_window()
    first = window.document.id
    seed = window.document.text
    text = "\n\n".join([seed] * (document_facts.SYNC_CHARS // len(seed) + 2))
    doc = window.session.library.documents.add(NewDocument(DocumentMeta(title="Long"), text)).id
    window.open_document(doc)
    qtbot.waitUntil(lambda: window._facts._started > 0, timeout=5_000)  # the worker is on it
    window.open_document(first)
    hidden = window.viewer.hidden_line_count
    qtbot.waitUntil(lambda: window.session.kept_furniture(doc) is not None, timeout=30_000)
    assert window.document.id == first
    assert window.viewer.hidden_line_count == hidden  # not the other document's verdict
    assert "words" in window.status_words.text()


def painted_colour(window, offset: int) -> QColor:
    """The colour drawn just inside the character at code-point `offset`, read off a grab of
    the viewer (which paints it as it would on screen)."""
    viewer = window.viewer
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(viewer.highlight_layer.utf16.to_utf16(offset) + 1)
    rect = viewer.cursorRect(cursor)
    image = viewer.viewport().grab().toImage()
    return QColor(image.pixel(rect.left() - 2, rect.top() + 2))


def test_h_paints_the_words_after_an_emoji_and_undo_takes_the_colour_off(make_window, qtbot):
    window = make_window()
    library = window.session.library
    text = "Intro 😀 then 👍🏽 the target words, and more text after them.\n" * 3
    doc = library.documents.add(NewDocument(DocumentMeta(title="Emoji"), text)).id
    window.open_document(doc)
    start = text.index("target")
    window.viewer.clear_selection()
    blank = painted_colour(window, start + 2)
    press_h(window, qtbot, start, start + len("target words"))
    window.select_annotation(None)  # the plain highlight colour, not the current one's
    assert painted_colour(window, start + 2) == QColor(color_hex(window._last_color))
    assert painted_colour(window, start - 3) == blank  # "the" before it stays unpainted
    window.session.undo_stack.undo()
    assert painted_colour(window, start + 2) == blank
