"""The annotation panel on the seed library: order, filters, the note editor, signals, menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from quotebook.domain import Annotation, color_hex
from quotebook.ui.panels.annotations.delegate import wrap_lines
from quotebook.ui.panels.annotations.model import AnnotationListModel, AnnotationRole
from quotebook.ui.panels.annotations.panel import AnnotationPanel
from quotebook.ui.session import Session

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def annotate(session: Session, document_id: int, quote: str, **kwargs: object) -> Annotation:
    text = session.library.documents.get(document_id).text
    start = text.index(quote)
    return session.create_annotation(document_id, start, start + len(quote), **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def doc_id(session: Session) -> int:
    return session.library.documents.summaries()[0].id


@pytest.fixture
def panel(qtbot, session: Session, doc_id: int) -> AnnotationPanel:
    widget = AnnotationPanel(session)
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document(doc_id)
    return widget


@pytest.fixture
def three(session: Session, doc_id: int) -> list[Annotation]:
    """Three highlights created out of text order, tagged and coloured differently."""
    made = [
        annotate(session, doc_id, "RIA Novosti", color="blue", tags=["source"]),
        annotate(session, doc_id, "Alexander Lukashevich", tags=["speaker/Lukashevich"]),
        annotate(session, doc_id, "diplomatic ethics", color="green", tags=["speaker/Other"]),
    ]
    return sorted(made, key=lambda a: a.start)


def card_center(panel: AnnotationPanel, annotation_id: int) -> QPoint:
    return panel.visual_rect(annotation_id).center()


def test_lists_annotations_in_text_order(panel, three, qtmodeltester):
    assert panel.visible_annotation_ids() == [a.id for a in three]
    assert [panel.model.data(panel.model.index(r, 0)) for r in range(3)] == [a.quote for a in three]
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)


def test_other_documents_do_not_show(panel, session, three):
    other = session.library.documents.summaries()[1].id
    annotate(session, other, "Lukashevich")
    assert panel.visible_annotation_ids() == [a.id for a in three]


def test_filters_by_tag_with_the_tags_below_it_and_by_colour(panel, three):
    tag_combo = panel.findChild(QComboBox, "annotationTagFilter")
    colour_combo = panel.findChild(QComboBox, "annotationColorFilter")
    items = [tag_combo.itemText(i) for i in range(tag_combo.count())]
    assert items == ["All tags", "source", "speaker", "speaker/Lukashevich", "speaker/Other"]
    assert colour_combo.count() == 6

    tag_combo.setCurrentIndex(tag_combo.findData("speaker"))
    assert panel.visible_annotation_ids() == [a.id for a in three if a.tags[0].startswith("sp")]
    colour_combo.setCurrentIndex(colour_combo.findData("green"))
    [green] = panel.visible_annotation_ids()
    assert panel.model.data(panel.model.index_of(green), AnnotationRole.Color) == "green"
    assert panel.findChild(object, "annotationCount").text() == "1 of 3 highlights"

    panel.set_tag_filter(None)
    panel.set_color_filter(None)
    assert len(panel.visible_annotation_ids()) == 3


def test_filter_follows_a_new_tag(panel, session, three):
    session.set_tags(three[0].id, ["fresh"])
    panel.set_tag_filter("fresh")
    assert panel.visible_annotation_ids() == [three[0].id]


def test_note_edited_in_place_reaches_the_store_as_one_undo_step(panel, session, three, qtbot):
    target = three[1]
    panel.select_annotation(target.id)
    panel.view.setFocus()
    before = session.undo_stack.count()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    editor = panel.findChild(QPlainTextEdit, "annotationNoteEditor")
    assert editor is not None and editor.isVisible()
    # The row grows to hold the editor, which sits inside the card.
    assert panel.visual_rect(target.id).contains(editor.geometry())
    qtbot.keyClicks(editor, "Says it twice.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.findChild(QPlainTextEdit, "annotationNoteEditor") is None)

    assert session.library.annotations.get(target.id).note == "Says it twice."
    assert session.undo_stack.count() == before + 1
    assert panel.model.data(panel.model.index_of(target.id), AnnotationRole.Note) == (
        "Says it twice."
    )
    assert panel.current_annotation_id() == target.id
    session.undo_stack.undo()
    assert session.library.annotations.get(target.id).note == ""


def test_double_click_opens_the_editor_and_escape_cancels(panel, session, three, qtbot):
    target = three[0]
    viewport, where = panel.view.viewport(), card_center(panel, target.id)
    # QTest sends a lone double-click event; a real one comes after a press and release.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    editor = panel.findChild(QPlainTextEdit, "annotationNoteEditor")
    assert editor is not None
    qtbot.keyClicks(editor, "never mind")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.findChild(QPlainTextEdit, "annotationNoteEditor") is None)
    assert session.library.annotations.get(target.id).note == ""


def test_click_announces_the_annotation_and_a_second_click_does_again(panel, three, qtbot):
    viewport = panel.view.viewport()
    for _ in range(2):
        with qtbot.waitSignal(panel.annotationActivated) as blocker:
            qtbot.mouseClick(
                viewport, Qt.MouseButton.LeftButton, pos=card_center(panel, three[2].id)
            )
        assert blocker.args == [three[2].id]
    with qtbot.waitSignal(panel.annotationActivated) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    assert blocker.args == [three[1].id]


def test_select_annotation_is_silent_and_survives_refreshes(panel, session, doc_id, three, qtbot):
    with qtbot.assertNotEmitted(panel.annotationActivated):
        panel.select_annotation(three[1].id)
        annotate(session, doc_id, "Russian Diplomats")  # inserted above the selection
        session.set_note(three[2].id, "elsewhere")
        session.delete_annotation(three[0].id)
    assert panel.current_annotation_id() == three[1].id
    panel.select_annotation(None)
    assert panel.current_annotation_id() is None


def test_delete_key_requests_deletion(panel, three, qtbot):
    panel.select_annotation(three[0].id)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.deleteRequested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert blocker.args == [three[0].id]


def test_context_menu_recolours_requests_tags_and_deletion(panel, session, three, qtbot):
    target = three[0]
    menu = panel.context_menu(target.id)
    actions = {a.objectName(): a for a in menu.findChildren(type(menu.menuAction()))}
    assert actions[f"actionColour_{target.color}"].isChecked()
    actions["actionColour_pink"].trigger()
    assert session.library.annotations.get(target.id).color == "pink"
    with qtbot.waitSignal(panel.tagRequested) as tagged:
        actions["actionEditTags"].trigger()
    with qtbot.waitSignal(panel.deleteRequested) as deleted:
        actions["actionDeleteAnnotation"].trigger()
    assert tagged.args == deleted.args == [target.id]
    actions["actionEditNote"].trigger()
    assert panel.findChild(QPlainTextEdit, "annotationNoteEditor") is not None


def test_removed_document_empties_the_panel(panel, session, doc_id, three):
    session.delete_document(doc_id)
    assert panel.document_id is None
    assert panel.visible_annotation_ids() == []
    assert "Open a document" in panel.view.empty_message()


def test_model_with_titles_and_tag_colours(qtmodeltester, three):
    model = AnnotationListModel()
    model.set_annotations(three, {"source": "orange"}, {three[0].document_id: "A title"})
    [source] = [a for a in three if a.tags == ("source",)]
    index = model.index_of(source.id)
    assert model.data(index, AnnotationRole.TagColors) == ["orange"]
    assert model.data(index, AnnotationRole.Title) == "A title"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    model.set_annotations(list(reversed(three)))  # a reorder falls back to a reset
    assert [model.annotation_at(r).id for r in range(3)] == [a.id for a in reversed(three)]
    qtmodeltester.check(model)


def test_long_quotes_are_elided_to_three_lines():
    font = QFont()
    lines = wrap_lines("word " * 200, font, 200, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert wrap_lines("one\ntwo", font, 200, 3) == ["one", "two"]


def test_renders_cards_without_clipping(panel, session, doc_id, three, tmp_path: Path):
    session.set_note(three[0].id, "A note long enough to wrap onto a second line of the card.")
    image = panel.grab().toImage()
    path = tmp_path / "panel.png"
    assert image.save(str(path))
    assert not QImage(str(path)).isNull()
    for annotation in three:
        rect = panel.visual_rect(annotation.id)
        index = panel.proxy.mapFromSource(panel.model.index_of(annotation.id))
        assert rect.height() == panel.view.sizeHintForIndex(index).height()
        assert rect.right() <= panel.view.viewport().width()


@given(st.lists(st.sets(st.integers(min_value=1, max_value=12)), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_refreshes_arrive_as_row_changes_that_keep_the_model_consistent(qapp, steps):
    model = AnnotationListModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    for ids in steps:
        wanted = [Annotation(i, 1, i * 10, i * 10 + 5, f"q{i}") for i in sorted(ids)]
        model.set_annotations(wanted)
        assert [model.annotation_at(r).id for r in range(model.rowCount())] == sorted(ids)
    del tester


def test_colour_swatches_follow_a_dark_palette(panel):
    from quotebook.ui.theme import dark_palette

    combo = panel.findChild(QComboBox, "annotationColorFilter")

    def swatch_centre() -> str:
        image = combo.itemIcon(combo.findData("green")).pixmap(14, 14).toImage()
        return image.pixelColor(7, 7).name()

    assert swatch_centre() == color_hex("green")
    panel.setPalette(dark_palette())
    assert swatch_centre() == color_hex("green", dark=True)
