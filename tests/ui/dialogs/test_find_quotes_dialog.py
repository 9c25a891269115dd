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
    counts = {c.tag.name: c.count for c in session.library.tags.counts()}
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
