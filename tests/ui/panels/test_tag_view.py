"""The tags view on the seed library: counts, a tag's highlights across documents, and the
rename, recolour and delete commands with their confirmation and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from quotebook.domain import Annotation
from quotebook.ui.panels.annotations.model import AnnotationRole
from quotebook.ui.panels.tags.model import NAME_COLUMN, TagRole
from quotebook.ui.panels.tags.panel import TagView
from quotebook.ui.session import Session

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def annotate(session: Session, document_id: int, quote: str, tags: list[str]) -> Annotation:
    start = session.library.documents.get(document_id).text.index(quote)
    return session.create_annotation(document_id, start, start + len(quote), tags=tags)


@pytest.fixture
def tagged(session: Session) -> dict[str, Annotation]:
    """Highlights in two documents: ``claim`` in both, ``speaker/…`` below a parent."""
    first, second = (d.id for d in session.library.documents.summaries()[:2])
    made = {
        "a": annotate(session, first, "Alexander Lukashevich", ["speaker/Lukashevich", "claim"]),
        "b": annotate(session, first, "RIA Novosti", ["claim"]),
        "c": annotate(session, second, "Lukashevich", ["claim", "speaker/Lukashevich"]),
        "d": annotate(session, second, "Rossiyskaya Gazeta", ["speaker/Lavrov"]),
    }
    session.undo_stack.clear()
    return made


@pytest.fixture
def view(qtbot, session: Session, tagged) -> TagView:
    widget = TagView(session)
    qtbot.addWidget(widget)
    widget.resize(320, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_of(view: TagView, name: str) -> int:
    return int(view.tag_model.index_of(name).data(TagRole.Count))


def tag_id(session: Session, name: str) -> int:
    tag = session.library.tags.find(name)
    assert tag is not None
    return tag.id


def menu_action(view: TagView, tag: int, name: str) -> QAction:
    menu = view.context_menu(tag)
    [action] = [a for a in menu.findChildren(QAction) if a.objectName() == name]
    return action


def test_is_found_by_its_object_name(qtbot, session):
    host = QWidget()
    qtbot.addWidget(host)
    view = TagView(session, host)
    assert host.findChild(QWidget, "tagList") is view


def test_shows_tags_as_a_tree_with_counts(view, qtmodeltester):
    assert count_of(view, "claim") == 3
    assert count_of(view, "speaker/Lukashevich") == 2
    assert count_of(view, "speaker") == 3  # distinct highlights below it
    speaker = view.tag_model.index_of("speaker")
    assert view.tag_model.rowCount(speaker) == 2
    assert view.tag_model.index_of("speaker/lavrov").data() == "Lavrov"
    qtmodeltester.check(view.tag_model)


def test_counts_follow_changes_without_losing_the_tree_state(view, session, tagged):
    speaker = view.tag_model.index_of("speaker")
    view.tree.expand(speaker)
    view.select_tag("speaker/Lavrov")
    session.set_tags(tagged["b"].id, ["speaker/Lavrov"])  # counts change, shape does not
    assert count_of(view, "speaker/Lavrov") == 2 and count_of(view, "claim") == 2
    session.set_tags(tagged["b"].id, ["speaker/Lavrov", "new"])  # a new tag: a reset
    assert view.tree.isExpanded(view.tag_model.index_of("speaker"))
    assert view.current_tag_name() == "speaker/Lavrov"


def test_clicking_a_tag_lists_its_highlights_across_documents(view, session, tagged, qtbot):
    index = view.tag_model.index_of("claim")
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center()
    )
    model = view.annotations_model
    listed = [model.annotation_at(r).id for r in range(model.rowCount())]
    assert listed == [tagged[k].id for k in "abc"]
    titles = {model.data(model.index(r, 0), AnnotationRole.Title) for r in range(3)}
    assert titles == {d.title for d in session.library.documents.summaries()[:2]}

    target = model.index_of(tagged["c"].id)
    with qtbot.waitSignal(view.annotationOpenRequested) as blocker:
        qtbot.mouseClick(
            view.annotation_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.annotation_list.visualRect(target).center(),
        )
    assert blocker.args == [tagged["c"].document_id, tagged["c"].id]
    with qtbot.waitSignal(view.annotationOpenRequested) as blocker:
        qtbot.keyClick(view.annotation_list, Qt.Key.Key_Return)
    assert blocker.args == [tagged["c"].document_id, tagged["c"].id]


def test_a_parent_tag_lists_the_highlights_below_it(view, tagged):
    view.select_tag("speaker")
    ids = {view.annotations_model.annotation_at(r).id for r in range(3)}
    assert ids == {tagged[k].id for k in "acd"}
    assert view.findChild(QWidget, "tagAnnotationsHeading").text().startswith("“speaker”: 3")


def test_listed_notes_follow_the_store(view, session, tagged):
    view.select_tag("claim")
    session.set_note(tagged["b"].id, "checked")
    index = view.annotations_model.index_of(tagged["b"].id)
    assert index.data(AnnotationRole.Note) == "checked"


def test_rename_from_the_menu_and_undo(view, session, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("quote/claim", True))
    claim = tag_id(session, "claim")
    menu_action(view, claim, "actionRenameTag").trigger()
    assert session.library.tags.get(claim).name == "quote/claim"
    assert view.current_tag_name() == "quote/claim"
    assert count_of(view, "quote/claim") == 3
    session.undo_stack.undo()
    assert session.library.tags.get(claim).name == "claim"
    assert view.tag_model.index_of("claim").isValid()


def test_rename_onto_an_existing_tag_says_why(view, session, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("claim", True))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    view.rename_tag(tag_id(session, "speaker/Lavrov"))
    assert warnings and "already exists" in warnings[0]
    assert session.library.tags.find("speaker/Lavrov") is not None


def test_recolour_from_the_menu(view, session):
    claim = tag_id(session, "claim")
    menu_action(view, claim, "actionTagColour_green").trigger()
    assert session.library.tags.get(claim).color == "green"
    assert view.tag_model.index_of("claim").data(TagRole.Color) == "green"
    assert menu_action(view, claim, "actionTagColour_green").isChecked()
    session.undo_stack.undo()
    assert session.library.tags.get(claim).color == ""


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_delete_asks_first_and_can_be_undone(view, session, tagged, monkeypatch, answer):
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    speaker = tag_id(session, "speaker")
    menu_action(view, speaker, "actionDeleteTag").trigger()
    assert "on 3 highlights" in asked[0] and "2 tags below it" in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert session.library.tags.find("speaker/Lukashevich") is not None
        return
    assert session.library.tags.find("speaker/Lukashevich") is None
    assert not view.tag_model.index_of("speaker").isValid()
    assert session.library.annotations.get(tagged["a"].id).tags == ("claim",)
    session.undo_stack.undo()
    assert count_of(view, "speaker/Lukashevich") == 2


def test_a_hidden_view_catches_up_when_shown(view, session, tagged):
    view.hide()
    session.set_tags(tagged["d"].id, ["late"])
    assert not view.tag_model.index_of("late").isValid()
    view.show()
    assert view.tag_model.index_of("late").isValid()


def test_tree_model_with_no_tags(qtmodeltester, qtbot, seeded_library):
    session = Session(seeded_library)
    empty = TagView(session)
    qtbot.addWidget(empty)
    empty.show()
    assert empty.tag_model.rowCount(QModelIndex()) == 0
    assert empty.current_tag_name() is None
    qtmodeltester.check(empty.tag_model)
    assert empty.tag_model.index(0, NAME_COLUMN).isValid() is False


def test_renders(view, tmp_path):
    view.tree.expandAll()
    view.select_tag("claim")
    assert view.grab().save(str(tmp_path / "tags.png"))


def test_a_tags_highlights_are_cards_sized_by_their_delegate(view, tagged):
    """Rows take the size the delegate measures (title, quote and chips), answered by the
    model as each row's size hint, not Qt's default size for a line of text."""
    assert view.select_tag("claim")
    listing = view.annotation_list
    delegate = listing.itemDelegate()
    model = view.annotations_model
    line = listing.fontMetrics().lineSpacing()
    assert model.rowCount() == 3
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        annotation = index.data(AnnotationRole.Annotation)
        size = delegate.measure(annotation, index.data(AnnotationRole.Title))
        assert listing.visualRect(index).height() == size.height()
        assert size.height() > 2 * line  # a title, the quote and a row of chips


def test_one_highlight_reads_the_tags_once(view, session, tagged, monkeypatch):
    from call_counter import Calls

    refreshed = Calls(monkeypatch, view, "refresh")
    document = session.library.documents.summaries()[0].id
    annotate(session, document, "RIA Novosti", ["claim"])
    assert refreshed.count == 1
    assert count_of(view, "claim") == 4
    session.undo_stack.undo()
    assert refreshed.count == 2
    assert count_of(view, "claim") == 3
