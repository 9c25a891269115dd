"""The library search panel: a search box, filters, and results that follow the typing.

Searching waits for a short pause in the typing (`DEBOUNCE_MS`), so a burst of keys costs one
query, and runs again when the library changes under it. The panel only reads; opening a result
is a request (`resultOpenRequested`) that the main window answers by showing the document,
scrolling to the hit and marking it. Keyboard: Down moves from the box into the results, Enter
opens the current (or first) result, Escape clears the box.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quotebook.domain import PALETTE, Folder
from quotebook.search.query import KINDS, SearchFilters, SearchHit
from quotebook.ui.panels.search.results import (
    HIT_ROLE,
    SearchResultDelegate,
    SearchResultsModel,
)
from quotebook.ui.session import Session

DEBOUNCE_MS = 150
RESULT_LIMIT = 100
NO_DATE = QDate(1900, 1, 1)  # the date edits' "any" value, shown as their special text
KIND_CHOICES = (
    ("Documents and highlights", ""),
    ("Documents", "document"),
    ("Highlights", "annotation"),
)


class SearchPanel(QWidget):
    # document id, start, end (code points into the text), annotation id or None
    resultOpenRequested = Signal(int, int, int, object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._session = session
        self._choices_stale = True
        self._refresh_pending = False

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search the library (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(
            'Words, "a phrase", prefix*, OR, NOT or -word; e.g. vienna "talks ended" -moscow'
        )
        self.filter_toggle = QToolButton(self)
        self.filter_toggle.setObjectName("searchFilterToggle")
        self.filter_toggle.setText("Filters")
        self.filter_toggle.setCheckable(True)
        self.filters = self._build_filters()
        self.filters.setVisible(False)
        self.filter_toggle.toggled.connect(self._show_filters)

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.model = SearchResultsModel(self)
        self.delegate = SearchResultDelegate(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        top = QGridLayout()
        top.addWidget(self.search_box, 0, 0)
        top.addWidget(self.filter_toggle, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._refresh)
        self.search_box.textChanged.connect(self._schedule)
        self.search_box.returnPressed.connect(self._open_current_or_first)
        self.search_box.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.clicked.connect(self._open)
        session.documentsChanged.connect(self._library_changed)
        session.annotationsChanged.connect(self._library_changed)
        session.tagsChanged.connect(self._library_changed)
        self._show_status()

    # -- public ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """What Ctrl+K does: put the cursor in the box with its text selected."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_query(self, text: str) -> None:
        self.search_box.setText(text)
        self.search_now()

    def current_filters(self) -> SearchFilters:
        date_from, date_to = self.date_from.date(), self.date_to.date()
        return SearchFilters(
            folder_id=self.folder_filter.currentData(),
            tag=self.tag_filter.currentData(),
            color=self.color_filter.currentData(),
            outlet=self.outlet_filter.currentData(),
            date_from=None if date_from == NO_DATE else date_from.toString(Qt.DateFormat.ISODate),
            date_to=None if date_to == NO_DATE else date_to.toString(Qt.DateFormat.ISODate),
            kinds=frozenset([kind] if (kind := self.kind_filter.currentData()) else KINDS),
        )

    def hits(self) -> list[SearchHit]:
        return self.model.hits()

    def search_now(self) -> None:
        """Run the search at once (the debounce timer ends here too)."""
        self._timer.stop()
        text = self.search_box.text()
        hits = self._session.library.search.search(text, self.current_filters(), limit=RESULT_LIMIT)
        self.delegate.forget_layouts()
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self._show_status()

    # -- filters -----------------------------------------------------------------------------

    def _build_filters(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("searchFilters")
        self.folder_filter = self._combo("searchFolderFilter", "All folders")
        self.tag_filter = self._combo("searchTagFilter", "All tags")
        self.color_filter = self._combo("searchColorFilter", "Any colour")
        for name in PALETTE:
            self.color_filter.addItem(name.capitalize(), name)
        self.outlet_filter = self._combo("searchOutletFilter", "Any outlet")
        self.kind_filter = QComboBox(box)
        self.kind_filter.setObjectName("searchKindFilter")
        for label, kinds in KIND_CHOICES:
            self.kind_filter.addItem(label, kinds)
        self.kind_filter.currentIndexChanged.connect(self._schedule)
        self.date_from = self._date_edit("searchDateFrom", "from any date")
        self.date_to = self._date_edit("searchDateTo", "to any date")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(
            (self.folder_filter, self.tag_filter, self.color_filter, self.outlet_filter)
        ):
            grid.addWidget(widget, n // 2, n % 2)
        grid.addWidget(self.date_from, 2, 0)
        grid.addWidget(self.date_to, 2, 1)
        grid.addWidget(self.kind_filter, 3, 0, 1, 2)
        return box

    def _combo(self, name: str, any_label: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(any_label, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(self._schedule)
        return combo

    def _date_edit(self, name: str, any_text: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(any_text)  # shown while the date is the minimum: no limit
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._schedule)
        return edit

    def reload_filter_choices(self) -> None:
        """Fill the folder, tag and outlet lists from the library, keeping what is chosen."""
        library = self._session.library
        self._refill(self.folder_filter, _folder_rows(library.folders.all()))
        self._refill(self.tag_filter, [(t.name, t.name) for t in library.tags.all()])
        self._refill(self.outlet_filter, [(o, o) for o in library.search.outlets()])
        self._choices_stale = False

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)
        if chosen is not None and combo.currentData() != chosen:
            self._schedule()  # the chosen folder, tag or outlet is gone: search without it

    # -- reacting ----------------------------------------------------------------------------

    def _show_filters(self, shown: bool) -> None:
        if shown and self._choices_stale:
            self.reload_filter_choices()
        self.filters.setVisible(shown)

    def _schedule(self) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._refresh_pending = True

    def _library_changed(self) -> None:
        # One change often arrives as several signals; the debounce folds them into one refresh.
        self._choices_stale = True
        self._schedule()

    def _refresh(self) -> None:
        if self._choices_stale and self.filters.isVisible():
            self.reload_filter_choices()
        self.search_now()

    def showEvent(self, event: QShowEvent) -> None:
        if self._choices_stale:
            self.reload_filter_choices()
        if self._refresh_pending:
            self._refresh_pending = False
            self._schedule()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden panel does not search; it catches up when shown again.
        if self._timer.isActive():
            self._timer.stop()
            self._refresh_pending = True
        super().hideEvent(event)

    def _show_status(self) -> None:
        count = self.model.rowCount()
        if not self.search_box.text().strip():
            text = "Type to search titles, texts, highlights, notes and tags."
        elif count == 0:
            text = "No matches."
        elif count >= RESULT_LIMIT:
            text = f"The first {count} matches."
        else:
            text = f"{count} match" + ("es" if count != 1 else "")
        self.status.setText(text)

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.resultOpenRequested.emit(hit.document_id, hit.start, hit.end, hit.annotation_id)

    def _open_current_or_first(self) -> None:
        if self._timer.isActive():
            self.search_now()  # Enter right after typing: search what was typed, then open
        index = self.results.currentIndex()
        self._open(index if index.isValid() else self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_box and key == Qt.Key.Key_Down and self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0, 0))
            return True
        if watched is self.search_box and key == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.clear()
            return True
        if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open(self.results.currentIndex())
            return True
        return super().eventFilter(watched, event)


def _folder_rows(folders: list[Folder]) -> list[tuple[str, object]]:
    """The folder tree depth-first, names indented by depth, in the tree's own order."""
    children: dict[int | None, list[Folder]] = {}
    for folder in folders:  # already sorted by position, then name
        children.setdefault(folder.parent_id, []).append(folder)
    rows: list[tuple[str, object]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for folder in children.get(parent_id, []):
            rows.append(("    " * depth + folder.name, folder.id))
            walk(folder.id, depth + 1)

    walk(None, 0)
    return rows
