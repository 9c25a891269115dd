"""Find quotes in all documents: the summary, the options, and highlighting as one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTreeWidget

from quotebook.services.quote_acceptance import scan_library
from quotebook.ui.dialogs.find_quotes_dialog import (
    FindQuotesDialog,
    run_find_quotes,
    scan_with_progress,
)
from quotebook.ui.session import Session


def when_shown(name: str, act: Callable[[FindQuotesDialog], None]) -> None:
    """Answer the modal dialog `name` as soon as its event loop runs."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FindQuotesDialog) and dialog.objectName() == name:
            act(dialog)
        else:
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)


def speakers_listed(dialog: FindQuotesDialog) -> dict[str, int]:
    tree = dialog.findChild(QTreeWidget, "findQuotesSpeakers")
    return {
        tree.topLevelItem(i).text(0): int(tree.topLevelItem(i).text(1))
        for i in range(tree.topLevelItemCount())
    }


def test_summary_and_options(qtbot, session: Session) -> None:
    dialog = FindQuotesDialog(session, scan_library(session.library))
    qtbot.addWidget(dialog)
    summary = dialog.findChild(QLabel, "findQuotesSummary").text()
    assert "in 5 documents" in summary and "0 of them already highlighted" in summary
    with_partial = len(dialog.plan())
    assert speakers_listed(dialog)["Michael Carpenter"] > 5
    dialog.set_options(partial=False, turns=False)
    assert 0 < len(dialog.plan()) < with_partial
    assert {a.color for a in dialog.plan()} == {"yellow"}
    dialog.set_options(partial=True, turns=True)
    assert "Alexander Lukashevich" in speakers_listed(dialog)
    button = dialog.findChild(QPushButton, "findQuotesHighlightButton")
    assert button.text().replace("&", "") == f"Highlight {len(dialog.plan())} quotes"


def test_scan_with_progress_scans_everything(qtbot, session: Session) -> None:
    outcome = scan_with_progress(None, session)
    assert not outcome.cancelled
    assert len(outcome.scans) == session.library.documents.count()


def test_highlight_all_is_one_undo_step_and_fills_the_speaker_tags(
    qtbot,
    session: Session,
) -> None:
    planned: list[int] = []

    def press_highlight(dialog: FindQuotesDialog) -> None:
        planned.append(len(dialog.plan()))
        dialog.findChild(QPushButton, "findQuotesHighlightButton").click()

    when_shown("findQuotesDialog", press_highlight)
    with qtbot.waitSignal(session.tagsChanged):
        outcome = run_find_quotes(None, session)
    assert len(outcome.created) == planned[0] > 10
    counts = {c.tag.name: c.annotations for c in session.library.tags.counts()}
    assert counts["quote"] == planned[0]
    assert counts["speaker/Michael Carpenter"] >= 10
    assert counts["speaker/Alexander Lukashevich"] >= 5
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.library.annotations.count() == 0


def test_close_changes_nothing(qtbot, session: Session) -> None:
    when_shown("findQuotesDialog", lambda dialog: dialog.reject())
    outcome = run_find_quotes(None, session)
    assert outcome.created == [] and not outcome.cancelled
    assert session.library.annotations.count() == 0
    assert session.undo_stack.count() == 0


def test_a_quote_the_user_highlighted_is_counted_and_not_highlighted_twice(
    qtbot, session: Session
) -> None:
    """The user highlighted half of a found quote by hand: the scan reports it as already
    highlighted and "Highlight" lays no second highlight over it."""
    from quotebook.anchoring import make_anchor

    library = session.library
    scans = scan_library(library)
    document_id, first = next(
        (doc, q) for doc, scan in scans.items() for q in scan.quotes if q.kind == "direct"
    )
    text = library.documents.get(document_id).text
    mine = library.annotations.create(
        document_id, make_anchor(text, first.start, (first.start + first.end) // 2)
    )

    summaries: list[str] = []

    def press_highlight(dialog: FindQuotesDialog) -> None:
        summaries.append(dialog.findChild(QLabel, "findQuotesSummary").text())
        dialog.findChild(QPushButton, "findQuotesHighlightButton").click()

    when_shown("findQuotesDialog", press_highlight)
    outcome = run_find_quotes(None, session)
    assert "1 of them already highlighted" in summaries[0]
    assert outcome.created
    over_mine = [
        a
        for a in library.annotations.for_document(document_id)
        if a.id != mine.id and a.start < mine.end and mine.start < a.end
    ]
    assert over_mine == []


def test_the_users_highlight_of_a_found_quote_gains_its_tags_in_the_same_step(
    qtbot, session: Session
) -> None:
    from quotebook.anchoring import make_anchor

    library = session.library
    scans = scan_library(library)
    document_id, first = next(
        (doc, q)
        for doc, scan in scans.items()
        for q in scan.quotes
        if q.kind == "direct" and q.speaker
    )
    text = library.documents.get(document_id).text
    mine = library.annotations.create(document_id, make_anchor(text, first.start, first.end))
    when_shown(
        "findQuotesDialog",
        lambda dialog: dialog.findChild(QPushButton, "findQuotesHighlightButton").click(),
    )
    run_find_quotes(None, session)
    assert library.annotations.get(mine.id).tags == ("quote", f"speaker/{first.speaker}")
    session.undo_stack.undo()
    assert library.annotations.get(mine.id).tags == ()
