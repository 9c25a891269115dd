"""Page furniture: what the reader view hides is left out of the PDF unless asked for, and the
title is printed once."""

from __future__ import annotations

import pytest
from pdf_probe import needs_poppler, normalise, text

from quotebook.anchoring import locate_quote
from quotebook.domain import DocumentMeta, NewDocument
from quotebook.export import ExportOptions, collect_items, export
from quotebook.export.pdf.furniture import hidden_lines, repeated_title
from quotebook.reader_view import RULES_VERSION
from quotebook.reader_view.rules import visible_text

pytestmark = needs_poppler
TITLE = "Ministers meet in Vienna"
PAGE = "\n".join(
    [
        "Accessibility links",
        "",
        "Ministers meet in Vienna",
        "",
        "No time to read? Get a summary",
        "",
        "The ministers met on Thursday and agreed to meet again in the spring, the chair said.",
        "",
        "Video of the day",
        "",
        "A second paragraph says that the talks will go on, and that nobody left the room.",
        "",
        "Share this article",
        "",
    ]
)
FURNITURE = ["Accessibility links", "No time to read", "Video of the day", "Share this article"]


@pytest.fixture
def page_document(qapp, library):
    doc = library.documents.add(NewDocument(DocumentMeta(title=TITLE, language="en"), PAGE))
    return library, doc


def _export(library, doc_id, tmp_path, **options) -> str:
    out = tmp_path / "page.pdf"
    export(collect_items(library, [doc_id]), out, ExportOptions(**options))
    return normalise(text(out))


def test_furniture_hidden_in_the_reader_view_is_left_out(page_document, tmp_path):
    library, doc = page_document
    assert all(line not in visible_text(PAGE) for line in FURNITURE[1:3])  # the viewer agrees
    plain = _export(library, doc.id, tmp_path)
    for line in FURNITURE:
        assert line not in plain
    assert "The ministers met on Thursday" in plain and "nobody left the room." in plain
    assert plain.count(TITLE) == 1  # the header; not again as the first line


def test_keep_furniture_prints_every_line(page_document, tmp_path):
    library, doc = page_document
    plain = _export(library, doc.id, tmp_path, keep_furniture=True)
    for line in FURNITURE:
        assert line in plain
    assert plain.count(TITLE) == 2


def test_an_annotated_line_is_never_left_out(page_document, tmp_path):
    library, doc = page_document
    library.annotations.create(doc.id, locate_quote(PAGE, "Video of the day"), note="kept")
    plain = _export(library, doc.id, tmp_path)
    assert "Video of the day" in plain
    assert "No time to read" not in plain


def test_the_library_verdict_is_used(page_document, tmp_path):
    """The exporter takes the reader view's verdict the library keeps, as the viewer does."""
    library, doc = page_document
    start = PAGE.index("The ministers")
    kept = [(start, PAGE.index("\n", start) + 1)]
    library.documents.keep_furniture(doc.id, kept, RULES_VERSION)
    plain = _export(library, doc.id, tmp_path)
    assert "The ministers met" not in plain
    assert "Video of the day" in plain  # the kept verdict says nothing about it


def test_lines_hidden_follow_the_viewer_rule():
    body = "menu\nhome\n\nText stays.\nlast\n"
    assert hidden_lines(body, [(0, 10)], []) == [0, 5, 10]  # a line, its newline inside
    assert hidden_lines(body, [(0, 10)], [(6, 7)]) == [0, 10]  # "home" is annotated
    assert hidden_lines(body, [(1, 10)], []) == [5, 10]  # "menu" only partly inside
    assert repeated_title("\n  Title: here!\n\n\nBody", "title here") == [1, 16, 17]
    assert repeated_title("Body\nTitle", "Title") == []
    assert repeated_title("Menu\nTitle\nBody", "Title", hidden=[0]) == [5]
    assert repeated_title("Title\nBody", "Title", marked=[(0, 2)]) == []
