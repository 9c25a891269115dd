"""The search panel on the seed library: typing, filters, opening a hit, marked snippets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from quotebook.domain import DEFAULT_COLOR, color_hex
from quotebook.search.query import MARK_CLOSE, MARK_OPEN
from quotebook.ui.actions import ActionId
from quotebook.ui.panels.search.panel import SearchPanel
from quotebook.ui.panels.search.results import SearchResultsModel, snippet_html
from quotebook.ui.session import Session

# The offscreen platform warns that it cannot pass size hints on when a window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def panel(qtbot, session: Session) -> SearchPanel:
    widget = SearchPanel(session)
    qtbot.addWidget(widget)
    widget.resize(420, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_query(qtbot, panel: SearchPanel, text: str) -> None:
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, text)
    qtbot.waitUntil(lambda: not panel._timer.isActive())


def choose(combo, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_results_follow_the_typing(qtbot, panel: SearchPanel, session: Session):
    assert panel.findChild(type(panel.search_box), "searchBox") is panel.search_box
    type_query(qtbot, panel, "Lukashevich")
    hits = panel.hits()
    assert hits
    assert all(f"{MARK_OPEN}Lukashevich{MARK_CLOSE}" in h.snippet for h in hits)
    assert panel.results.model().rowCount() == len(hits)
    assert panel.status.text() == f"{len(hits)} matches"
    type_query(qtbot, panel, "zeppelin")
    assert panel.hits() == []
    assert panel.status.text() == "No matches."


@pytest.mark.parametrize("typed", ['"Lukashevich', "Lukashevich AND", "(Lukash*", "NOT", '"'])
def test_broken_syntax_never_raises(qtbot, panel: SearchPanel, typed: str):
    type_query(qtbot, panel, typed)
    assert panel.status.text()  # searched (or had nothing to search), no error


def test_clicking_a_result_asks_to_open_it(qtbot, panel: SearchPanel, session: Session):
    type_query(qtbot, panel, '"Permanent Representative"')
    hit = panel.hits()[0]
    rect = panel.results.visualRect(panel.model.index(0, 0))
    with qtbot.waitSignal(panel.resultOpenRequested) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    document_id, start, end, annotation_id = blocker.args
    assert (document_id, annotation_id) == (hit.document_id, None)
    text = session.library.documents.get(document_id).text
    assert text[start:end] == "Permanent Representative"


def test_keyboard_down_and_enter(qtbot, panel: SearchPanel):
    type_query(qtbot, panel, "Vienna")
    assert len(panel.hits()) > 1
    with qtbot.waitSignal(panel.resultOpenRequested) as first:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert first.args[0] == panel.hits()[0].document_id
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.resultOpenRequested) as second:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert second.args[0] == panel.hits()[1].document_id


def test_enter_right_after_typing_searches_first(qtbot, panel: SearchPanel):
    qtbot.keyClicks(panel.search_box, "Lavrov")
    with qtbot.waitSignal(panel.resultOpenRequested) as blocker:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert blocker.args[0] == panel.hits()[0].document_id


def test_annotation_hits_and_live_refresh(qtbot, panel: SearchPanel, session: Session):
    choose(panel.kind_filter, "annotation")
    type_query(qtbot, panel, "dialogue")
    assert panel.hits() == []
    doc = session.library.documents.summaries()[0].id
    text = session.library.documents.get(doc).text
    start = text.index("Dialogue")
    annotation = session.create_annotation(doc, start, start + 8, tags=["topic/dialogue"])
    qtbot.waitUntil(lambda: len(panel.hits()) == 1)  # the library changed: searched again
    with qtbot.waitSignal(panel.resultOpenRequested) as blocker:
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert blocker.args == [doc, start, start + 8, annotation.id]
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.hits() == [])


def test_filters(qtbot, panel: SearchPanel, session: Session):
    qtbot.mouseClick(panel.filter_toggle, Qt.MouseButton.LeftButton)
    assert panel.filters.isVisible()
    type_query(qtbot, panel, "OSCE")
    everything = {h.document_id for h in panel.hits()}
    assert len(everything) == 5
    choose(panel.outlet_filter, "TURAN")
    qtbot.waitUntil(lambda: len(panel.hits()) == 1)
    choose(panel.outlet_filter, None)
    panel.date_from.setDate(QDate(2022, 1, 1))
    panel.date_to.setDate(QDate(2022, 12, 31))
    qtbot.waitUntil(lambda: len(panel.hits()) == 2)
    panel.date_from.setDate(panel.date_from.minimumDate())
    panel.date_to.setDate(panel.date_to.minimumDate())
    qtbot.waitUntil(lambda: len(panel.hits()) == 5)
    folder = session.library.folders.create("Elsewhere")
    session.move_document(min(everything), folder.id)
    qtbot.waitUntil(lambda: panel.folder_filter.findData(folder.id) >= 0)
    choose(panel.folder_filter, folder.id)
    qtbot.waitUntil(lambda: {h.document_id for h in panel.hits()} == {min(everything)})


def test_tag_and_colour_filters(qtbot, panel: SearchPanel, session: Session):
    doc = session.library.documents.summaries()[1].id
    text = session.library.documents.get(doc).text
    start = text.index("OSCE")
    session.create_annotation(doc, start, start + 4, color="pink", tags=["place/Vienna"])
    panel.filter_toggle.setChecked(True)
    type_query(qtbot, panel, "OSCE")
    choose(panel.tag_filter, "place")  # a parent tag finds what is tagged below it
    qtbot.waitUntil(lambda: {(h.kind, h.document_id) for h in panel.hits()} == {
        ("annotation", doc), ("document", doc)})  # fmt: skip
    choose(panel.color_filter, "green")
    qtbot.waitUntil(lambda: panel.hits() == [])
    choose(panel.color_filter, "pink")
    qtbot.waitUntil(lambda: len(panel.hits()) == 2)


def test_snippets_mark_the_hits_in_bold_on_the_highlight_colour(qtbot, panel: SearchPanel):
    type_query(qtbot, panel, "Lukashevich")
    hit = panel.hits()[0]
    markup = snippet_html(hit, panel.palette())
    mark = color_hex(DEFAULT_COLOR, dark=False)
    assert f'font-weight:bold; background:{mark}; color:#000000">Lukashevich</span>' in markup
    # …and it is what gets painted: the highlight colour is on screen in the results.
    image = panel.results.viewport().grab().toImage()
    wanted = QColor(mark).rgb()
    painted = any(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )
    assert painted


def test_ctrl_k_target_selects_the_query(qtbot, panel: SearchPanel):
    panel.search_box.setText("vienna")
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.search_box.hasFocus)
    assert panel.search_box.selectedText() == "vienna"


def test_results_model(qtmodeltester, session: Session):
    model = SearchResultsModel()
    model.set_hits(session.library.search.search("OSCE"))
    qtmodeltester.check(model)


def test_hidden_panel_waits_and_catches_up_when_shown(qtbot, panel: SearchPanel, session: Session):
    type_query(qtbot, panel, "zeppelin")
    assert panel.hits() == []
    panel.hide()
    doc = session.library.documents.summaries()[0].id
    session.rename_document(doc, "Zeppelin over Vienna")
    assert not panel._timer.isActive()  # nothing runs while hidden
    panel.show()
    qtbot.waitUntil(lambda: [h.document_id for h in panel.hits()] == [doc])


def test_window_builds_search_when_asked_and_opens_a_hit(make_window, qtbot):
    window = make_window()
    # Tabbed away behind Annotations at start, so not built yet.
    assert window.findChild(QWidget, "searchPanel") is None
    window.action(ActionId.SEARCH).trigger()
    panel = window.findChild(QWidget, "searchPanel")
    assert panel is window.search_panel
    assert window.search_dock.widget() is panel
    qtbot.waitUntil(lambda: panel.search_box.hasFocus())
    type_query(qtbot, panel, "Lukashevich")
    hit = panel.hits()[0]
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.document is not None and window.document.id == hit.document_id
    assert window.viewer.textCursor().hasSelection()


def test_raising_the_search_tab_builds_the_panel(make_window, qtbot):
    window = make_window()
    assert window.findChild(QWidget, "searchPanel") is None
    window.search_dock.raise_()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "searchPanel") is not None)
    assert window.search_dock.widget().objectName() == "searchPanel"
