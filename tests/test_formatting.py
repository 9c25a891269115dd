"""A Markdown document's formatting in the viewer: right characters, under the highlights."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextCursor, QTextFormat

from quotebook.domain import Annotation, Document, DocumentMeta
from quotebook.formatting import HEADING_SIZE_STEPS, heading_level
from quotebook.importers.markdown import render_markdown
from quotebook.ui.fonts import register_fonts
from quotebook.ui.widgets.viewer import Viewer

SOURCE = """# Summit report

Talks 😀 **resumed** today, *quietly*, says [the agency](https://example.org/).

> A quoted aside.

Run `make` then stop.
"""
RENDERED = render_markdown(SOURCE)
TEXT = RENDERED.text
DOCUMENT = Document(3, None, DocumentMeta("Summit"), TEXT, "", "", RENDERED.spans)
PLAIN = Document(4, None, DocumentMeta("Plain"), TEXT, "", "")
BOLD = TEXT.index("resumed")
BOLD_END = BOLD + len("resumed")


@pytest.fixture
def viewer(qtbot):
    register_fonts()
    widget = Viewer()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fmt_at(viewer: Viewer, offset: int) -> QTextCharFormat:
    """The format of the (BMP) character at code point `offset`."""
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(viewer.highlight_layer.utf16.to_utf16(offset) + 1)
    return cursor.charFormat()


def is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.Bold.value


def has_background(fmt: QTextCharFormat) -> bool:
    return fmt.hasProperty(QTextFormat.Property.BackgroundBrush)


def note(id_: int, start: int, end: int) -> Annotation:
    return Annotation(id_, DOCUMENT.id, start, end, TEXT[start:end])


def test_the_text_is_unchanged(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    assert viewer.toPlainText() == TEXT


def test_the_heading_is_bold_larger_and_a_heading_block(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    heading = viewer.document().findBlockByNumber(0)
    body = viewer.document().findBlock(viewer.highlight_layer.utf16.to_utf16(BOLD))
    assert heading.text() == "Summit report"
    assert heading.blockFormat().headingLevel() == 1
    for offset in range(len("Summit report")):
        fmt = fmt_at(viewer, offset)
        assert is_bold(fmt), offset
        assert fmt.intProperty(QTextFormat.Property.FontSizeAdjustment) == HEADING_SIZE_STEPS[1]
    viewer.document().documentLayout().blockBoundingRect(body)  # lay both out
    assert heading.layout().lineAt(0).height() > body.layout().lineAt(0).height()


def test_the_bold_word_after_an_emoji_is_bold_at_exactly_its_characters(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    bold = [n for n in range(len("Summit report\n\n"), BOLD_END + 5) if is_bold(fmt_at(viewer, n))]
    assert bold == list(range(BOLD, BOLD_END))
    # The emoji sits right before: the UTF-16 position is one more than the code point.
    assert viewer.highlight_layer.utf16.to_utf16(BOLD) == BOLD + 1


def test_italic_link_code_and_quote(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    assert fmt_at(viewer, TEXT.index("quietly")).fontItalic()
    link = fmt_at(viewer, TEXT.index("the agency") + 4)
    assert link.fontUnderline()
    assert link.anchorHref() == "https://example.org/"
    assert link.foreground().color() == viewer.palette().color(QPalette.ColorRole.Link)
    assert not fmt_at(viewer, TEXT.index("says")).fontUnderline()
    assert fmt_at(viewer, TEXT.index("make")).fontFixedPitch()
    assert not fmt_at(viewer, TEXT.index("then")).fontFixedPitch()
    quote = viewer.document().findBlock(viewer.highlight_layer.utf16.to_utf16(TEXT.index("A q")))
    assert quote.blockFormat().indent() == 1
    assert viewer.document().findBlockByNumber(0).blockFormat().indent() == 0


def test_no_formatting_carries_a_background(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    assert viewer.painted_ranges() == []


def test_a_highlight_on_the_bold_word_keeps_both(viewer: Viewer):
    viewer.show_document(DOCUMENT, [note(1, BOLD, BOLD_END)])
    assert viewer.painted_ranges() == [(BOLD, BOLD_END)]
    for offset in range(BOLD, BOLD_END):
        fmt = fmt_at(viewer, offset)
        assert is_bold(fmt) and has_background(fmt), offset
    # Taken away again, the highlight leaves the bold word bold.
    viewer.set_annotations([])
    assert viewer.painted_ranges() == []
    assert all(is_bold(fmt_at(viewer, n)) for n in range(BOLD, BOLD_END))
    assert not has_background(fmt_at(viewer, BOLD))


def test_highlights_across_formatting_boundaries_change_and_clear_cleanly(viewer: Viewer):
    start = TEXT.index("Talks")
    end = TEXT.index("quietly") + 3
    viewer.show_document(DOCUMENT, [note(1, start, end)])
    assert viewer.painted_ranges() == [(start, end)]
    assert not is_bold(fmt_at(viewer, start))
    assert is_bold(fmt_at(viewer, BOLD)) and fmt_at(viewer, end - 1).fontItalic()
    # Overlap a second one and remove the first: only the second one's range stays painted.
    second = note(2, TEXT.index("quietly") + 2, TEXT.index("the agency") + 3)
    viewer.set_annotations([note(1, start, end), second])
    viewer.set_annotations([second])
    assert viewer.painted_ranges() == [(second.start, second.end)]
    assert is_bold(fmt_at(viewer, BOLD)) and not has_background(fmt_at(viewer, BOLD))
    assert fmt_at(viewer, TEXT.index("quietly")).fontItalic()
    assert fmt_at(viewer, TEXT.index("the agency")).fontUnderline()
    assert viewer.document().findBlockByNumber(0).blockFormat().headingLevel() == 1


def test_painted_ranges_match_a_plain_document(viewer: Viewer):
    annotations = [note(1, BOLD - 3, BOLD + 2), note(2, BOLD, TEXT.index("says")), note(3, 0, 6)]
    viewer.show_document(PLAIN, annotations)
    plain = viewer.highlight_layer.painted_ranges()
    viewer.show_document(DOCUMENT, annotations)
    assert viewer.highlight_layer.painted_ranges() == plain


def test_a_plain_document_gets_no_formats(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    viewer.show_document(PLAIN, [note(1, BOLD, BOLD_END)])
    assert not any(is_bold(fmt_at(viewer, n)) for n in range(len(TEXT) - 1) if TEXT[n] != "\n")
    assert viewer.document().findBlockByNumber(0).blockFormat().headingLevel() == 0
    assert viewer.painted_ranges() == [(BOLD, BOLD_END)]


def test_headings_scale_with_zoom(viewer: Viewer):
    viewer.show_document(DOCUMENT, [])
    heading = viewer.document().findBlockByNumber(0)

    def height() -> float:
        viewer.document().documentLayout().blockBoundingRect(heading)
        return heading.layout().lineAt(0).height()

    before = height()
    for _ in range(4):
        viewer.zoom_in()
    assert height() > before


def test_a_palette_change_recolours_links(viewer: Viewer):
    viewer.show_document(DOCUMENT, [note(1, BOLD, BOLD_END)])
    palette = viewer.palette()
    palette.setColor(QPalette.ColorRole.Link, palette.color(QPalette.ColorRole.Link).darker(200))
    viewer.setPalette(palette)
    link = fmt_at(viewer, TEXT.index("the agency"))
    assert link.foreground().color() == palette.color(QPalette.ColorRole.Link)
    assert viewer.painted_ranges() == [(BOLD, BOLD_END)]


@pytest.mark.parametrize(
    ("kind", "level"), [("heading1", 1), ("heading6", 6), ("heading7", 0), ("strong", 0)]
)
def test_heading_level(kind: str, level: int):
    assert heading_level(kind) == level
