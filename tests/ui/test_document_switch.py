"""Switching documents after highlighting: the next document shows only its own colours.

The viewer's text cursor sits just after a fresh highlight, so its character format carries the
highlight's background; nothing of that may reach the next document's text, whether it is
opened from the tree, is a new import, or carries Markdown formatting of its own. Checked on the
document's formats and on the painted pixels.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from test_main_window import select_text

from person import highlight_pixels as count_pixels
from person import painted_backgrounds
from quotebook.domain import DocumentMeta, FormatSpan, NewDocument
from quotebook.ui.actions import ActionId


def backgrounds(window) -> list[tuple[int, int, str]]:
    return painted_backgrounds(window.viewer)


def highlight_pixels(window) -> int:
    QApplication.processEvents()
    return count_pixels(window.viewer.viewport().grab().toImage())


def highlight_then_switch(window, color_action: ActionId = ActionId.COLOR_1) -> int:
    """Highlight a word in the open document, check it shows, open another; the other's id."""
    first = window.document.id
    select_text(window, "OSCE")
    window.action(color_action).trigger()
    assert len(backgrounds(window)) >= 1
    assert highlight_pixels(window) > 0
    other = next(
        s.id
        for s in window.session.library.documents.summaries()
        if s.id != first and s.annotation_count == 0
    )
    window.document_tree.select_document(other)
    window.open_document(other)
    return other


def test_the_next_document_opened_carries_no_highlight_colour(make_window):
    window = make_window()
    highlight_then_switch(window)
    assert window.session.library.annotations.for_document(window.document.id) == []
    assert backgrounds(window) == []
    assert highlight_pixels(window) == 0


def test_going_back_shows_only_the_documents_own_highlight(make_window):
    window = make_window()
    first = window.document.id
    highlight_then_switch(window, ActionId.COLOR_3)
    window.open_document(first)
    [annotation] = window.session.library.annotations.for_document(first)
    assert window.viewer.painted_ranges() == [(annotation.start, annotation.end)]


def test_a_new_import_carries_no_highlight_colour(make_window):
    window = make_window()
    select_text(window, "OSCE")
    window.action(ActionId.HIGHLIGHT).trigger()
    text = "A fresh statement.\n\nIt has two paragraphs and no highlights at all.\n"
    doc = window.session.library.documents.add(NewDocument(DocumentMeta(title="Fresh"), text))
    window.session.documents_changed()
    window.open_document(doc.id)
    assert backgrounds(window) == []
    assert highlight_pixels(window) == 0


def test_a_formatted_document_carries_no_highlight_colour(make_window):
    window = make_window()
    select_text(window, "OSCE")
    window.action(ActionId.COLOR_4).trigger()
    text = "Heading\nBody with bold words and a link.\n"
    spans = (
        FormatSpan(0, 7, "heading1"),
        FormatSpan(18, 22, "strong"),
        FormatSpan(35, 39, "link", "https://example.org/"),
    )
    doc = window.session.library.documents.add(
        NewDocument(DocumentMeta(title="Formatted"), text, formatting=spans)
    )
    window.session.documents_changed()
    window.open_document(doc.id)
    assert backgrounds(window) == []
    assert highlight_pixels(window) == 0
