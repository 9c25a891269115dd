"""The document viewer on real widgets, offscreen: offsets, highlights, selection, find, zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from quotebook.domain import Annotation, Document, DocumentMeta, color_hex
from quotebook.ui.fonts import READING_FAMILY
from quotebook.ui.widgets.find_bar import FindBar
from quotebook.ui.widgets.highlight_layer import blend
from quotebook.ui.widgets.viewer import Viewer

TRICKY = (
    "Intro 😀 line.\nПривет,\u00a0мир!\tTab then 👍🏽 the “target words” here.\n"
    "Second paragraph with Lorem ipsum and lorem again.\n"
)
FILLER = "".join(f"Paragraph {n}: lorem ipsum dolor sit amet, consectetur.\n" for n in range(300))
TEXT = TRICKY + FILLER + "The very last sentence sits here.\n"


def span(needle: str, id_: int, color: str = "yellow", **kw: object) -> Annotation:
    start = TEXT.index(needle)
    return Annotation(id_, 7, start, start + len(needle), needle, color=color, **kw)  # type: ignore[arg-type]


DOCUMENT = Document(7, None, DocumentMeta(title="Tricky"), TEXT, "", "")


def u16_cursor(viewer: Viewer, start: int, end: int) -> QTextCursor:
    to_u16 = viewer.highlight_layer.utf16.to_utf16
    cursor = QTextCursor(viewer.document())
    cursor.setPosition(to_u16(start))
    cursor.setPosition(to_u16(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def char_point(viewer: Viewer, offset: int) -> QPoint:
    """A viewport point inside the character at code-point `offset`."""
    left = viewer.cursorRect(u16_cursor(viewer, offset, offset))
    right = viewer.cursorRect(u16_cursor(viewer, offset + 1, offset + 1))
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def test_is_named_read_only_and_uses_the_reading_font(viewer):
    assert viewer.objectName() == "viewer"
    assert viewer.isReadOnly()
    assert viewer.font().family() == READING_FAMILY
    assert viewer.current_document_id() is None
    viewer.show_document(DOCUMENT, [])
    assert viewer.current_document_id() == 7


@pytest.mark.parametrize("needle", ["мир", "Tab", "target words", "Привет,\u00a0мир", "line"])
def test_highlight_lands_on_exactly_the_annotated_characters(viewer, needle):
    annotation = span(needle, 1, "green")
    viewer.show_document(DOCUMENT, [annotation])
    assert viewer.painted_ranges() == [(annotation.start, annotation.end)]
    # Read the formats back at the UTF-16 positions at and around the range.
    to_u16 = viewer.highlight_layer.utf16.to_utf16
    first, last = to_u16(annotation.start), to_u16(annotation.end) - 1
    assert background_at(viewer, first) == background_at(viewer, last) == color_hex("green")
    assert background_at(viewer, first - 1) is None
    assert background_at(viewer, last + 1) is None


def background_at(viewer: Viewer, position: int) -> str | None:
    """The highlight colour of the character at a document position, from its fragment."""
    block = viewer.document().findBlock(position)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.position() <= position < fragment.position() + fragment.length():
            fmt = fragment.charFormat()
            if fmt.background().style() == Qt.BrushStyle.NoBrush:
                return None
            return fmt.background().color().name()
        it += 1
    return None  # a paragraph break


def test_overlapping_highlights_blend(viewer):
    viewer.show_document(
        DOCUMENT, [span("then 👍🏽 the “target", 1, "yellow"), span("target words", 2)]
    )
    a, b = TEXT.index("then 👍🏽 the “target"), TEXT.index("target words")
    painted = viewer.highlight_layer.painted_ranges()
    assert [(s, e) for s, e, _ in painted] == [(a, b), (b, b + 6), (b + 6, b + 12)]
    colors = [c for _, _, c in painted]
    assert colors[0] == colors[2] == QColor(color_hex("yellow"))
    assert colors[1] == blend(["yellow", "yellow"], dark=False) != colors[0]
    assert viewer.annotation_at(b + 1) == 2  # the shorter one is on top
    assert viewer.annotation_at(a) == 1
    assert viewer.annotation_at(b + 13) is None


def test_set_annotations_repaints_without_touching_undo_or_text(viewer):
    viewer.show_document(DOCUMENT, [span("мир", 1)])
    viewer.set_annotations([span("мир", 1), span("Lorem", 2, "pink")])
    assert viewer.painted_ranges() == [
        (span("мир", 1).start, span("мир", 1).end),
        (span("Lorem", 2).start, span("Lorem", 2).end),
    ]
    viewer.set_annotations([span("Lorem", 2, "pink")])
    assert len(viewer.painted_ranges()) == 1
    document = viewer.document()
    assert not document.isUndoAvailable()
    assert document.characterCount() - 1 == len(TEXT.encode("utf-16-le")) // 2
    assert [a.id for a in viewer.annotations()] == [2]


def test_selection_snaps_to_words(viewer):
    viewer.show_document(DOCUMENT, [])
    start = TEXT.index("target words")
    viewer.setTextCursor(u16_cursor(viewer, start + 2, start + 9))  # "rget wo"
    assert viewer.selected_range() == (start, start + len("target words"))
    viewer.clear_selection()
    assert viewer.selected_range() is None


def test_selection_after_emoji_and_nbsp_is_in_code_points(viewer):
    viewer.show_document(DOCUMENT, [])
    start = TEXT.index("мир")
    viewer.setTextCursor(u16_cursor(viewer, start, start + 3))
    assert viewer.selected_range() == (start, start + 3)
    assert TEXT[slice(*viewer.selected_range())] == "мир"


def drag(qtbot, viewer: Viewer, start: int, end: int, modifier: Qt.KeyboardModifier) -> None:
    port = viewer.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, modifier, char_point(viewer, start))
    qtbot.mouseMove(port, char_point(viewer, end))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, modifier, char_point(viewer, end))


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [
        (Qt.KeyboardModifier.NoModifier, "target words"),
        (Qt.KeyboardModifier.AltModifier, "rget wo"),
    ],
)
def test_mouse_selection_snaps_unless_alt(qtbot, viewer, modifier, expected):
    viewer.show_document(DOCUMENT, [])
    start = TEXT.index("target words")
    # From the left edge of "r" to the left edge of "r" in "words": "rget wo".
    drag(qtbot, viewer, start + 2, start + 9, modifier)
    selected = viewer.selected_range()
    assert selected is not None
    assert TEXT[selected[0] : selected[1]] == expected
    if modifier == Qt.KeyboardModifier.NoModifier:  # the reader sees the snapped words
        assert viewer.textCursor().selectedText() == "target words"
    # A selection set by code afterwards is snapped again.
    viewer.setTextCursor(u16_cursor(viewer, start + 2, start + 9))
    assert viewer.selected_range() == (start, start + 12)


def test_keyboard_selection_snaps(qtbot, viewer):
    viewer.show_document(DOCUMENT, [])
    start = TEXT.index("arget")
    viewer.setTextCursor(u16_cursor(viewer, start, start))
    for _ in range(3):
        qtbot.keyClick(viewer, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert TEXT[slice(*viewer.selected_range())] == "target"


def test_annotation_at_point_and_click(qtbot, viewer):
    annotation = span("мир", 5)
    viewer.show_document(DOCUMENT, [annotation])
    point = char_point(viewer, annotation.start + 1)
    assert viewer.annotation_at_point(point) == 5
    assert viewer.annotation_at_point(char_point(viewer, annotation.end + 1)) is None
    assert viewer.annotation_at_point(QPoint(viewer.viewport().width() - 2, point.y())) is None
    with qtbot.waitSignal(viewer.annotationClicked) as clicked:
        qtbot.mouseClick(viewer.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [5]


def test_select_annotation_scrolls_emphasises_and_flashes(qtbot, viewer):
    last = span("The very last sentence", 9, "blue")
    viewer.show_document(DOCUMENT, [span("мир", 1), last])
    assert viewer.verticalScrollBar().value() == 0
    viewer.select_annotation(9, flash=True)
    assert viewer.selected_annotation() == 9
    first, end = viewer.annotation_rect(9)
    assert viewer.viewport().rect().contains(first)
    assert viewer.viewport().rect().contains(end)
    to_u16 = viewer.highlight_layer.utf16.to_utf16
    emphasised = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in viewer.extraSelections()
    ]
    assert (to_u16(last.start), to_u16(last.end)) in emphasised
    assert viewer.is_flashing()
    qtbot.waitUntil(lambda: not viewer.is_flashing(), timeout=5000)
    viewer.select_annotation(None)
    assert viewer.extraSelections() == []


def test_selected_annotation_is_dropped_when_deleted(viewer):
    viewer.show_document(DOCUMENT, [span("мир", 1)])
    viewer.select_annotation(1, scroll=False)
    viewer.set_annotations([])
    assert viewer.selected_annotation() is None
    assert viewer.painted_ranges() == []


def test_find_counts_navigates_and_closes(qtbot, viewer):
    viewer.show_document(DOCUMENT, [])
    viewer.open_find_bar()
    bar = viewer.find_bar
    assert bar.isVisible()
    assert bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "lorem")
    total = TEXT.lower().count("lorem")
    assert viewer.find_status() == (0, total)
    assert bar.count_label.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert viewer.find_status() == (1, total)
    assert bar.count_label.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.find_status() == (total - 1, total)  # wrapped to the last match
    # The current match is selected and in view; only matches on screen are painted.
    start, end = viewer.find_ranges()[total - 1]
    assert TEXT[start:end].lower() == "lorem"
    assert viewer.viewport().rect().contains(viewer.cursorRect())
    painted = [s for s in viewer.extraSelections() if s.cursor.hasSelection()]
    assert 0 < len(painted) < total
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert viewer.find_status() == (-1, 0)
    assert viewer.extraSelections() == []


def test_typing_in_the_find_field_does_not_fire_viewer_shortcuts(qtbot, viewer):
    # The main window gives the viewer single-key shortcuts (H, 1…5) that reach its children.
    fired: list[bool] = []
    highlight = QAction("Highlight", viewer)
    highlight.setShortcut("H")
    highlight.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    highlight.triggered.connect(lambda: fired.append(True))
    viewer.addAction(highlight)
    viewer.show_document(DOCUMENT, [])
    viewer.activateWindow()
    qtbot.waitActive(viewer)
    viewer.open_find_bar()
    qtbot.keyClicks(viewer.find_bar.field, "hello")
    assert viewer.find_bar.query() == "hello"
    assert fired == []
    viewer.close_find_bar()
    qtbot.keyClick(viewer, Qt.Key.Key_H)  # in the text itself the shortcut works
    assert fired == [True]


def test_find_matches_nbsp_with_a_space_and_reports_none(viewer):
    viewer.show_document(DOCUMENT, [])
    assert viewer.find_text("привет, мир") == 1
    [(start, end)] = viewer.find_ranges()
    assert TEXT[start:end] == "Привет,\u00a0мир"
    assert viewer.find_text("no such words") == 0
    assert viewer.find_bar.count_label.text() == "No matches"


def test_ctrl_f_in_the_viewer_opens_the_find_bar_with_the_selection(qtbot, viewer):
    viewer.show_document(DOCUMENT, [])
    viewer.setTextCursor(u16_cursor(viewer, TEXT.index("ipsum"), TEXT.index("ipsum") + 5))
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.find_bar.isVisible()
    assert viewer.find_bar.query() == "ipsum"
    assert viewer.viewportMargins().bottom() == viewer.find_bar.height() > 0
    # It sits along the bottom edge, clear of the scroll bar.
    bar = viewer.find_bar.geometry()
    assert bar.bottom() == viewer.rect().bottom()
    assert bar.left() == 0 and 0 < bar.width() < viewer.width()


def test_find_bar_is_built_when_first_asked_for(qtbot, viewer):
    viewer.show_document(DOCUMENT, [])
    viewer.resize(500, 300)
    viewer.clear_document()
    assert viewer.findChild(FindBar) is None
    viewer.open_find_bar()
    assert viewer.findChild(FindBar) is viewer.find_bar


def test_zoom_steps(qtbot, viewer):
    size = viewer.font().pointSizeF()
    with qtbot.waitSignal(viewer.zoomChanged) as changed:
        viewer.zoom_in()
    assert changed.args == [1]
    viewer.zoom_in()
    assert viewer.zoom_steps == 2
    assert viewer.font().pointSizeF() == size + 2
    viewer.zoom_out()
    assert viewer.zoom_steps == 1
    viewer.reset_zoom()
    assert viewer.font().pointSizeF() == size
    viewer.zoom_steps = 1000
    assert viewer.zoom_steps == 20
    viewer.reset_zoom()
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(viewer.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    viewer.wheelEvent(wheel)
    assert viewer.zoom_steps == 1


def test_reading_column_is_centred(viewer):
    viewer.resize(1600, 600)
    margins = viewer.viewportMargins()
    assert margins.left() == margins.right() > 200
    # Room is kept for a scroll bar whether or not one is shown.
    assert viewer.column_width() - 1 <= viewer.viewport().width() <= viewer.column_width() + 16
    viewer.resize(400, 600)
    assert viewer.viewportMargins().left() == 0


def test_wheel_over_the_side_margin_scrolls(viewer):
    viewer.show_document(DOCUMENT, [])
    viewer.resize(1600, 600)
    assert viewer.viewportMargins().left() > 100
    wheel = QWheelEvent(
        QPointF(20, 300),
        QPointF(viewer.mapToGlobal(QPoint(20, 300))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewer, wheel)
    assert viewer.verticalScrollBar().value() > 0


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_tooltip_names_tags_and_note(viewer):
    annotation = span("мир", 3, tags=("speaker/Лукашевич", "quote"), note="Says <this>\nthen")
    viewer.show_document(DOCUMENT, [annotation, span("Привет,\u00a0мир", 4, note="outer")])
    text = viewer.tooltip_text(3)
    assert "speaker/Лукашевич, quote" in text
    assert "Says &lt;this&gt;<br>then" in text
    point = char_point(viewer, annotation.start + 1)
    stacked = viewer.tooltip_at(point)
    assert stacked.index("Лукашевич") < stacked.index("outer")  # topmost first
    assert viewer.tooltip_at(char_point(viewer, TEXT.index("Intro"))) == ""
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewer.viewport().mapToGlobal(point))
    assert viewer.viewportEvent(event)
    assert "Лукашевич" in QToolTip.text()
    QToolTip.hideText()


def test_context_menu_offers_actions_and_remembers_the_highlight(qtbot, viewer):
    annotation = span("мир", 3)
    viewer.show_document(DOCUMENT, [annotation])
    highlight = QAction("Highlight", viewer)
    viewer.set_context_actions([highlight])
    with qtbot.waitSignal(viewer.annotationClicked) as clicked:
        menu = viewer.build_context_menu(char_point(viewer, annotation.start))
    assert clicked.args == [3]
    assert viewer.annotation_under_context() == 3
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Highlight", "&Copy", "Select &All"]
    menu.deleteLater()


def test_dark_palette_paints_dark_variants(viewer):
    viewer.show_document(DOCUMENT, [span("мир", 1, "pink")])
    [(_, _, light)] = viewer.highlight_layer.painted_ranges()
    palette = QPalette(viewer.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1f2023"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    viewer.setPalette(palette)
    assert viewer.is_dark()
    [(_, _, dark)] = viewer.highlight_layer.painted_ranges()
    assert light == QColor(color_hex("pink"))
    assert dark == QColor(color_hex("pink", dark=True)) != light


def test_scroll_fraction_round_trip(viewer):
    viewer.show_document(DOCUMENT, [])
    assert viewer.scroll_fraction() == 0.0
    viewer.set_scroll_fraction(0.5)
    assert viewer.scroll_fraction() == pytest.approx(0.5, abs=0.01)
    viewer.set_scroll_fraction(1.0)
    assert viewer.verticalScrollBar().value() == viewer.verticalScrollBar().maximum()


def test_clear_document(viewer):
    viewer.show_document(DOCUMENT, [span("мир", 1)])
    viewer.clear_document()
    assert viewer.current_document_id() is None
    assert viewer.painted_ranges() == []
    assert viewer.selected_range() is None
    assert viewer.annotation_at(TEXT.index("мир")) is None


def longest_line_right(viewer: Viewer) -> float:
    """The right edge of the widest laid-out line, in viewport pixels (document margin included)."""
    layout = viewer.document().documentLayout()
    right = 0.0
    block = viewer.document().begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        lines = block.layout()
        for n in range(lines.lineCount()):
            right = max(right, rect.left() + lines.lineAt(n).naturalTextWidth())
        block = block.next()
    return right


@pytest.mark.parametrize("change", ["narrower", "wider", "zoom in", "zoom out"])
def test_text_wraps_inside_the_reading_column_after_the_window_changes(qtbot, viewer, change):
    viewer.show_document(DOCUMENT, [])
    # A wide window first, then the change: lines must follow the column the reader sees.
    viewer.resize(1400, 600)
    if change == "narrower":
        viewer.resize(700, 600)
    elif change == "wider":
        viewer.resize(1600, 600)
    elif change == "zoom in":
        viewer.zoom_in()
        viewer.zoom_in()
    else:
        viewer.zoom_out()
    qtbot.wait(0)
    assert longest_line_right(viewer) <= viewer.viewport().width()
    assert viewer.document().textWidth() == viewer.viewport().width()


def test_after_next_paint_calls_back_once_on_the_loop_after_the_viewport_paints(viewer, qtbot):
    calls: list[str] = []
    viewer.after_next_paint(lambda: calls.append("first"))
    viewer.after_next_paint(lambda: calls.append("second"))
    assert calls == []  # nothing runs until the viewport has painted
    viewer.viewport().repaint()
    assert calls == []  # ... and then on the next turn of the event loop
    qtbot.waitUntil(lambda: calls == ["first", "second"])
    viewer.viewport().repaint()
    QApplication.processEvents()  # a zero-time timer from this paint would run here
    assert calls == ["first", "second"]  # once each
