"""Find quotes in all documents: scan with progress, then say what was found and offer to
highlight it.

A library-wide scan is a review, not an edit, so it first reports: how many quotes of each
kind, how many are highlighted already, and which speakers the new highlights would go to and
how many each. Only when the user presses "Highlight" are the direct and partial quotes not
yet highlighted (and, if asked, transcript turns) turned into highlights, tagged `quote` and
`speaker/<Name>`, all as one undo step; the tags view then lists the speakers with counts.
Cancelling the scan changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quotebook.quotes import DIRECT, KINDS, PARTIAL, QuoteScan
from quotebook.services.quote_acceptance import (
    Acceptance,
    TagAddition,
    is_annotated,
    plan_acceptance,
    plan_tag_additions,
    scan_library,
    speaker_counts,
)
from quotebook.ui.session import Session
from quotebook.wording import plural


@dataclass
class FindQuotesOutcome:
    """What a run did: the scans (partial when cancelled) and the highlights it created."""

    scans: dict[int, QuoteScan] = field(default_factory=dict)
    created: list[int] = field(default_factory=list)
    cancelled: bool = False


class FindQuotesDialog(QDialog):
    """The summary of a library scan with the choice of what to highlight."""

    def __init__(
        self, session: Session, scans: dict[int, QuoteScan], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findQuotesDialog")
        self.setWindowTitle("Find Quotes")
        self._session = session
        self._scans = scans
        self._plan: list[Acceptance] = []
        self._additions: list[TagAddition] = []

        self._summary = QLabel(self._summary_text(), self)
        self._summary.setObjectName("findQuotesSummary")
        self._summary.setWordWrap(True)
        self._partial = QCheckBox("Also &partial quotes (fragments in the reporter's words)", self)
        self._partial.setObjectName("findQuotesPartial")
        self._partial.setChecked(True)
        self._turns = QCheckBox("Also speaker &turns of interview transcripts", self)
        self._turns.setObjectName("findQuotesTurns")
        self._turns.setVisible(any(scan.turns for scan in scans.values()))
        self._speakers = QTreeWidget(self)
        self._speakers.setObjectName("findQuotesSpeakers")
        self._speakers.setHeaderLabels(["Speaker", "New highlights"])
        self._speakers.setRootIsDecorated(False)
        self._speakers.setUniformRowHeights(True)
        header = self._speakers.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._buttons = QDialogButtonBox(self)
        self._highlight = QPushButton(self)
        self._highlight.setObjectName("findQuotesHighlightButton")
        self._buttons.addButton(self._highlight, QDialogButtonBox.ButtonRole.AcceptRole)
        close = self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("findQuotesCloseButton")
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self._partial)
        layout.addWidget(self._turns)
        layout.addWidget(self._speakers, 1)
        layout.addWidget(self._buttons)
        self._partial.toggled.connect(self._replan)
        self._turns.toggled.connect(self._replan)
        self._replan()
        self.resize(480, 420)

    def plan(self) -> list[Acceptance]:
        """The highlights "Highlight" would create, with the options as they are now."""
        return list(self._plan)

    def tag_additions(self) -> list[TagAddition]:
        """Tags "Highlight" would add to highlights that already mark found quotes."""
        return list(self._additions)

    def set_options(self, *, partial: bool, turns: bool) -> None:
        self._partial.setChecked(partial)
        self._turns.setChecked(turns)

    def _summary_text(self) -> str:
        quotes = [q for scan in self._scans.values() for q in scan.quotes]
        kinds = ", ".join(f"{sum(q.kind == k for q in quotes)} {k}" for k in KINDS)
        turns = sum(len(scan.turns) for scan in self._scans.values())
        done = 0
        for document_id, scan in self._scans.items():
            annotations = self._session.library.annotations.for_document(document_id)
            done += sum(is_annotated(q, annotations) for q in scan.quotes)
        text = (
            f"Found {plural(len(quotes), 'quote')} in {plural(len(self._scans), 'document')} "
            f"({kinds}); {done} of them already highlighted."
        )
        if turns:
            text += f" Transcripts have {plural(turns, 'speaker turn')}."
        return text

    def _replan(self) -> None:
        kinds = (DIRECT, PARTIAL) if self._partial.isChecked() else (DIRECT,)
        self._plan = plan_acceptance(
            self._session.library, self._scans, kinds=kinds, turns=self._turns.isChecked()
        )
        self._additions = plan_tag_additions(self._session.library, self._scans, kinds=kinds)
        self._speakers.clear()
        for name, count in speaker_counts(self._plan).items():
            item = QTreeWidgetItem([name, str(count)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._speakers.addTopLevelItem(item)
        unnamed = sum(not any(t.startswith("speaker/") for t in a.tags) for a in self._plan)
        if unnamed:
            item = QTreeWidgetItem(["(no speaker)", str(unnamed)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._speakers.addTopLevelItem(item)
        n = len(self._plan)
        tagged = len(self._additions)
        if n:
            self._highlight.setText(f"&Highlight {plural(n, 'quote')}")
        else:
            self._highlight.setText(
                f"&Tag {plural(tagged, 'highlight')}" if tagged else "Nothing new"
            )
        self._highlight.setEnabled(bool(n or tagged))
        if tagged:
            self._highlight.setToolTip(
                f"Also adds the quote and speaker tags to {plural(tagged, 'highlight')} "
                "you made of found quotes"
            )


def accept_plan(
    session: Session, plan: list[Acceptance], additions: list[TagAddition] | None = None
) -> list[int]:
    """Create the planned highlights and add the planned tags, as one undo step; the new ids."""
    additions = additions or []
    if not plan and not additions:
        return []
    documents = len({a.document_id for a in plan})
    created: list[int] = []
    text = (
        f"Highlight {plural(len(plan), 'quote')} in {plural(documents, 'document')}"
        if plan
        else f"Tag {plural(len(additions), 'highlight')}"
    )
    session.begin_macro(text)
    try:
        for a in plan:
            annotation = session.create_annotation(
                a.document_id, a.start, a.end, color=a.color, tags=a.tags
            )
            created.append(annotation.id)
        for addition in additions:
            session.set_tags(addition.annotation_id, addition.tags)
    finally:
        session.end_macro()
    return created


def scan_with_progress(parent: QWidget | None, session: Session) -> FindQuotesOutcome:
    """Scan every document behind a progress dialog whose Cancel stops the scan."""
    progress = QProgressDialog("Finding quotes…", "Cancel", 0, 0, parent)
    progress.setObjectName("findQuotesProgress")
    progress.setWindowTitle("Find Quotes")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def report(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setLabelText(f"Finding quotes… {done} of {plural(total, 'document')}")
        progress.setValue(done)  # also lets a click on Cancel through (the dialog is modal)
        return not progress.wasCanceled()

    try:
        scans = scan_library(session.library, progress=report)
        cancelled = progress.wasCanceled()
    finally:
        progress.close()
        progress.deleteLater()
    return FindQuotesOutcome(scans=scans, cancelled=cancelled)


def run_find_quotes(parent: QWidget | None, session: Session) -> FindQuotesOutcome:
    """The "Find quotes in all documents" action: scan, summarise, highlight if asked."""
    outcome = scan_with_progress(parent, session)
    if outcome.cancelled:
        return outcome
    dialog = FindQuotesDialog(session, outcome.scans, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            outcome.created = accept_plan(session, dialog.plan(), dialog.tag_additions())
    finally:
        dialog.deleteLater()
    return outcome
