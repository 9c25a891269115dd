"""The Quotes panel: the open document's quotations as the finder sees them, one key to accept.

Each quote is listed with its kind, speaker and the finder's confidence; quotes a highlight
already covers are marked and muted. Enter accepts the current quote as a highlight tagged
`quote` and `speaker/<Name>` (see `quotebook.services.quote_acceptance`), Delete, Backspace or R
rejects it for the rest of the session, F2 edits the speaker first. After either key the next
quote still to do becomes current, so a document is reviewed with one key per quote.
"Accept all direct" highlights every direct quote not yet highlighted as one undo step.

Selecting a row only asks the viewer to show the quote (`quoteSelected`); creating highlights
goes through the session, so undo and every other view follow by themselves.

The panel starts tabbed away behind Annotations. The quote finder (some 15 ms of word lists and
regular expressions to load) and this panel's list, which builds on it, are imported where they
are first used, once the panel is shown or asked for something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from quotebook.ui.session import Session
from quotebook.ui.widgets.card_list import Quiet

if TYPE_CHECKING:
    from quotebook.domain import Annotation
    from quotebook.quotes import QuoteScan
    from quotebook.services.quote_acceptance import Found
    from quotebook.ui.panels.quotes.model import QuoteListModel, QuoteRow
    from quotebook.ui.panels.quotes.view import QuoteListView

QUOTES, TURNS = 0, 1  # the sections of the tab bar


class QuotesPanel(QWidget):
    quoteSelected = Signal(int, int)  # start, end of the quote without its marks
    annotationCreated = Signal(int)  # after one quote was accepted

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotesPanel")
        self._session = session
        self._document_id: int | None = None
        # Per document, for as long as the app runs: rejected spans and corrected speakers.
        self._rejected: dict[int, set[tuple[int, int]]] = {}
        self._speakers: dict[int, dict[tuple[int, int], str]] = {}
        self._quiet = Quiet()
        # The panel starts tabbed away behind Annotations. Its widgets, the quote finder (a
        # few dozen regexes and word lists) and the scan of the open document cost more than
        # the rest of start-up's panels together, so they wait until the panel is first shown
        # or used (`_ensure_ready`); `_stale` marks a document set while nobody was looking.
        self._built = False
        self._stale = False
        self._on_screen = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(4)
        self._session.annotationsChanged.connect(self._on_annotations_changed)
        self._session.documentsChanged.connect(self._on_documents_changed)
        self._session.documentRemoved.connect(self._on_document_removed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # In a tabbed dock every tab's widget counts as shown, even behind another tab; there
        # the dock's `visibilityChanged`, wired to `reveal`, says when the panel is on screen.
        if not isinstance(self.parentWidget(), QDockWidget):
            self.reveal(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._on_screen = False

    def reveal(self, visible: bool) -> None:
        """The panel came on screen (True) or left it: on screen, it is built and up to date."""
        self._on_screen = visible
        if visible:
            self._ensure_ready()

    def _ensure_ready(self) -> None:
        """Build the widgets and scan the current document, if not done yet."""
        if not self._built:
            self._build()
        if self._stale:
            self._stale = False
            self._rescan()
            self._view.scrollToTop()

    def _build(self) -> None:
        from quotebook.quotes import QuoteScan
        from quotebook.ui.panels.quotes.delegate import QuoteDelegate
        from quotebook.ui.panels.quotes.model import QuoteListModel
        from quotebook.ui.panels.quotes.view import QuoteListView

        self._built = True
        self._scan: QuoteScan = QuoteScan(())
        self._text = ""
        self._annotations: list[Annotation] = []

        self._tabs = QTabBar(self)
        self._tabs.setObjectName("quoteSections")
        self._tabs.addTab("Quotes")
        self._tabs.addTab("Speaker turns")
        self._tabs.setExpanding(False)
        self._tabs.setDrawBase(False)
        self._count = QLabel(self)
        self._count.setObjectName("quoteCount")
        self._count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._model: QuoteListModel = QuoteListModel(self)
        self._view: QuoteListView = QuoteListView(self)
        self._view.setModel(self._model)
        self._view.setItemDelegate(QuoteDelegate(self._view))

        self._speaker = QLineEdit(self)
        self._speaker.setObjectName("quoteSpeakerEdit")
        self._speaker.setPlaceholderText("none")
        self._speaker.setToolTip("Who said it; Enter accepts the quote with this speaker (F2)")
        self._speaker.setClearButtonEnabled(True)
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self._speaker)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._speaker.setCompleter(completer)
        self._accept = QPushButton("Accept", self)
        self._accept.setObjectName("quoteAcceptButton")
        self._accept.setToolTip("Highlight this quote, tagged quote and speaker/… (Enter)")
        self._reject = QPushButton("Reject", self)
        self._reject.setObjectName("quoteRejectButton")
        self._reject.setToolTip("Hide this quote until the app is restarted (Delete or R)")
        self._accept_all = QPushButton("Accept all direct", self)
        self._accept_all.setObjectName("quoteAcceptAllButton")
        self._accept_all.setToolTip("Highlight every direct quote not yet highlighted, as one step")

        speaker_row = QHBoxLayout()
        speaker_row.setContentsMargins(0, 0, 0, 0)
        speaker_label = QLabel("&Speaker:", self)
        speaker_label.setBuddy(self._speaker)
        speaker_row.addWidget(speaker_label)
        speaker_row.addWidget(self._speaker, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._accept)
        buttons.addWidget(self._reject)
        buttons.addStretch(1)
        buttons.addWidget(self._accept_all)
        layout = self._layout
        layout.addWidget(self._tabs)
        layout.addWidget(self._count)
        layout.addWidget(self._view, 1)
        layout.addLayout(speaker_row)
        layout.addLayout(buttons)
        self._connect()
        self._refresh()

    def _connect(self) -> None:
        self._tabs.currentChanged.connect(lambda _i: self._refresh(keep=False))
        self._view.selectionModel().currentChanged.connect(self._on_current_changed)
        self._view.reclicked.connect(self._announce)
        self._view.acceptPressed.connect(self.accept_current)
        self._view.rejectPressed.connect(self.reject_current)
        self._view.speakerEditPressed.connect(self.edit_speaker)
        self._speaker.textEdited.connect(self._on_speaker_edited)
        self._speaker.returnPressed.connect(self._accept_from_speaker)
        self._accept.clicked.connect(self.accept_current)
        self._reject.clicked.connect(self.reject_current)
        self._accept_all.clicked.connect(self.accept_all_direct)

    # -- public API ----------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._document_id

    @property
    def model(self) -> QuoteListModel:
        self._ensure_ready()
        return self._model

    @property
    def view(self) -> QuoteListView:
        self._ensure_ready()
        return self._view

    @property
    def scan(self) -> QuoteScan:
        self._ensure_ready()
        return self._scan

    def set_document(self, document_id: int | None) -> None:
        """Scan this document (None: show nothing) and list what was found.

        While the panel is hidden the scan waits until it is shown or used.
        """
        if document_id == self._document_id:
            return
        self._document_id = document_id
        self._stale = True
        if self._on_screen:
            self._ensure_ready()

    def show_turns(self, turns: bool) -> None:
        """Switch between the quotes and the transcript's speaker turns."""
        self._ensure_ready()
        self._tabs.setCurrentIndex(TURNS if turns else QUOTES)

    def current_key(self) -> tuple[int, int] | None:
        self._ensure_ready()
        index = self._view.currentIndex()
        if not index.isValid():
            return None
        from quotebook.ui.panels.quotes.model import QuoteRole

        return (int(index.data(QuoteRole.Start)), int(index.data(QuoteRole.End)))

    def select_quote(self, start: int, end: int) -> None:
        """Make the row of this span current, without announcing it."""
        self._ensure_ready()
        with self._quiet():
            self._set_current(self._model.row_of((start, end)))

    def set_speaker(self, speaker: str) -> None:
        """Correct the current row's speaker ("" for none) before accepting it."""
        key = self.current_key()
        if key is None or self._document_id is None:
            return
        self._speakers.setdefault(self._document_id, {})[key] = speaker.strip()
        if self._speaker.text() != speaker:
            self._speaker.setText(speaker)
        self._refresh()

    def edit_speaker(self) -> None:
        self._ensure_ready()
        self._speaker.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._speaker.selectAll()

    def accept_current(self) -> int | None:
        """Highlight the current row; its id, or None when there was nothing to accept."""
        self._ensure_ready()
        row = self._current_row()
        if row is None or row.annotated or self._document_id is None:
            return None
        annotation = self._highlight(self._document_id, row)
        # Announced before moving on, so that a viewer selecting the new highlight is then
        # taken on to the next quote to review.
        self.annotationCreated.emit(annotation.id)
        self._advance(row.key)
        return annotation.id

    def reject_current(self) -> None:
        self._ensure_ready()
        row = self._current_row()
        if row is None or self._document_id is None:
            return
        self._rejected.setdefault(self._document_id, set()).add(row.key)
        self._advance(row.key)

    def accept_all_direct(self) -> list[int]:
        """Highlight every direct quote still to do, as one undo step; the new ids."""
        self._ensure_ready()
        if self._document_id is None:
            return []
        from quotebook.quotes import DIRECT

        rows = [r for r in self._rows(QUOTES) if r.kind == DIRECT and not r.annotated]
        if not rows:
            return []
        ids: list[int] = []
        self._session.begin_macro(f"Highlight {len(rows)} direct quotes")
        try:
            for row in rows:
                ids.append(self._highlight(self._document_id, row).id)
        finally:
            self._session.end_macro()
        return ids

    def _highlight(self, document_id: int, row: QuoteRow) -> Annotation:
        """A highlight of the row's quote in its kind's colour, tagged quote and speaker/…."""
        from quotebook.services.quote_acceptance import color_for, tags_for

        return self._session.create_annotation(
            document_id,
            row.item.start,
            row.item.end,
            color=color_for(row.item),
            tags=tags_for(row.item, row.speaker),
        )

    # -- loading -------------------------------------------------------------------------------

    def _rescan(self) -> None:
        from quotebook.quotes import QuoteScan
        from quotebook.services.quote_acceptance import known_speakers, scan_document

        library = self._session.library
        if self._document_id is None:
            self._scan, self._text, self._annotations = QuoteScan(()), "", []
        else:
            self._text = library.documents.get(self._document_id).text
            self._scan = scan_document(library, self._document_id)
            self._annotations = library.annotations.for_document(self._document_id)
        names = {*known_speakers(library), *self._scan.speakers()}
        self._completion.setStringList(sorted(names, key=str.lower))
        self._tabs.setTabEnabled(TURNS, bool(self._scan.turns))
        self._tabs.setTabText(QUOTES, f"Quotes ({len(self._scan.quotes)})")
        self._tabs.setTabText(TURNS, f"Speaker turns ({len(self._scan.turns)})")
        if not self._scan.turns and self._tabs.currentIndex() == TURNS:
            self._tabs.setCurrentIndex(QUOTES)  # refreshes through currentChanged
        self._refresh(keep=False)

    def _rejected_here(self) -> set[tuple[int, int]]:
        if self._document_id is None:
            return set()
        return self._rejected.get(self._document_id, set())

    def _rows(self, section: int) -> list[QuoteRow]:
        from quotebook.services.quote_acceptance import is_annotated
        from quotebook.ui.panels.quotes.model import QuoteRow

        items: tuple[Found, ...] = self._scan.turns if section == TURNS else self._scan.quotes
        rejected = self._rejected_here()
        corrected = {} if self._document_id is None else self._speakers.get(self._document_id, {})
        rows = []
        for item in items:
            key = (item.start, item.end)
            if key in rejected:
                continue
            speaker = corrected.get(key, item.speaker or "")
            annotated = is_annotated(item, self._annotations)
            rows.append(QuoteRow(item, speaker, annotated, key in corrected))
        return rows

    def _refresh(self, *, keep: bool = True) -> None:
        key = self.current_key() if keep else None
        with self._quiet():
            self._model.set_rows(self._rows(self._tabs.currentIndex()), self._text)
            self._set_current(self._model.row_of(key))
        self._update_status()

    def _set_current(self, row: int) -> None:
        if row < 0:
            self._view.selectionModel().clearSelection()
            self._view.setCurrentIndex(QModelIndex())
        else:
            index = self._model.index(row)
            self._view.setCurrentIndex(index)
            self._view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._show_current()

    def _advance(self, done: tuple[int, int]) -> None:
        """After accepting or rejecting `done`, make the next row still to do current."""
        self._refresh()
        rows = self._model.rows()
        after = [i for i, r in enumerate(rows) if r.key > done and not r.annotated]
        before = [i for i, r in enumerate(rows) if not r.annotated]
        target = (after or before or [-1])[0]
        with self._quiet():
            self._set_current(target)
        if target >= 0:
            self._announce(self._model.index(target))

    def _update_status(self) -> None:
        from quotebook.quotes import DIRECT

        rows = self._model.rows()
        done = sum(r.annotated for r in rows)
        rejected = len(self._rejected_here())
        if self._document_id is None:
            text = "Open a document to find its quotes."
        elif not rows:
            text = "No quotes found." if not rejected else "Every quote here was rejected."
        else:
            text = f"{len(rows)} found, {done} highlighted"
            if rejected:
                text += f", {rejected} rejected"
        self._count.setText(text)
        self._accept_all.setEnabled(
            any(r.kind == DIRECT and not r.annotated for r in self._rows(QUOTES))
        )

    def _on_annotations_changed(self, document_id: object, _annotation_id: object) -> None:
        if not self._built or self._stale:
            return  # the next `_ensure_ready` reads the annotations afresh
        if self._document_id is not None and document_id in (None, self._document_id):
            self._annotations = self._session.library.annotations.for_document(self._document_id)
            self._refresh()

    def _on_documents_changed(self) -> None:
        """A document's text can be replaced by a newer import: scan again if it changed."""
        if not self._built or self._stale or self._document_id is None:
            return
        library = self._session.library
        if not library.documents.exists(self._document_id):
            return
        if library.documents.get(self._document_id).text != self._text:
            self._rescan()

    def _on_document_removed(self, document_id: int) -> None:
        if document_id == self._document_id:
            self.set_document(None)

    # -- the current row -----------------------------------------------------------------------

    def _current_row(self) -> QuoteRow | None:
        index = self._view.currentIndex()
        return self._model.rows()[index.row()] if index.isValid() else None

    def _show_current(self) -> None:
        row = self._current_row()
        self._speaker.setEnabled(row is not None)
        if row is not None and self._speaker.text() != row.speaker:
            self._speaker.setText(row.speaker)
        elif row is None:
            self._speaker.clear()
        self._accept.setEnabled(row is not None and not row.annotated)
        self._reject.setEnabled(row is not None)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()
        if not self._quiet and current.isValid():
            self._announce(current)

    def _announce(self, index: QModelIndex | QPersistentModelIndex) -> None:
        from quotebook.ui.panels.quotes.model import QuoteRole

        self.quoteSelected.emit(int(index.data(QuoteRole.Start)), int(index.data(QuoteRole.End)))

    def _on_speaker_edited(self, text: str) -> None:
        key = self.current_key()
        if key is not None and self._document_id is not None:
            self._speakers.setdefault(self._document_id, {})[key] = text.strip()
            with self._quiet():
                self._model.set_rows(self._rows(self._tabs.currentIndex()), self._text)

    def _accept_from_speaker(self) -> None:
        self.accept_current()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
