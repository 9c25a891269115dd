"""The annotation panel: the open document's highlights as cards, in text order, with filters.

It reads the store through the session and changes it only through session methods (notes and
colours); deleting and tagging are requests the main window answers, because they may need a
dialog or touch the viewer too. Refreshes keep the selection and never re-announce it, so the
viewer is not scrolled about by changes the user did not make here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from quotebook.domain import PALETTE, Annotation
from quotebook.errors import NotFoundError
from quotebook.ui.panels.annotations.delegate import AnnotationDelegate
from quotebook.ui.panels.annotations.model import (
    AnnotationFilterProxy,
    AnnotationListModel,
    AnnotationRole,
    text_order,
)
from quotebook.ui.session import Session
from quotebook.ui.theme import annotation_color, swatch_icon, tag_color
from quotebook.ui.widgets.card_list import CardListView, Quiet
from quotebook.wording import plural

Index = QModelIndex | QPersistentModelIndex


class AnnotationListView(CardListView):
    """A list of cards that knows the panel's keys and can say why it is empty."""

    deletePressed = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationList")
        # Long documents carry hundreds of highlights: lay the cards out in batches so the first
        # screen shows at once and the rest follows while the event loop idles.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(40)
        self.setUniformItemSizes(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._empty_message = ""
        # A card to bring into view once the batched layout has placed it (see `reveal`).
        self._to_reveal = QPersistentModelIndex()
        self.verticalScrollBar().rangeChanged.connect(self._reveal_when_placed)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll `index` into view, now or as soon as the layout has placed it.

        Right after rows come or go the cards are laid out again in batches; a card past the
        first batch has no place yet, and scrolling to it then does nothing. Each batch grows
        the scroll range, so the scroll is tried again then, until the card has its place.
        """
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        placed = self.visualRect(index).isValid()
        self._to_reveal = QPersistentModelIndex() if placed else QPersistentModelIndex(index)

    def _reveal_when_placed(self, _minimum: int, _maximum: int) -> None:
        if self._to_reveal.isValid():
            index = self.model().index(self._to_reveal.row(), self._to_reveal.column())
            self.reveal(index)

    def set_empty_message(self, message: str) -> None:
        self._empty_message = message
        self.viewport().update()

    def empty_message(self) -> str:
        return self._empty_message

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        if not editing and index.isValid():
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.deletePressed.emit(index)
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self._empty_message and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            area = self.viewport().rect().adjusted(16, 24, -16, -16)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags) | Qt.TextFlag.TextWordWrap, self._empty_message)
            painter.end()


class AnnotationPanel(QWidget):
    annotationActivated = Signal(int)
    deleteRequested = Signal(int)
    tagRequested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self._session = session
        self._document_id: int | None = None
        self._tag_colors: dict[str, str] = {}
        self._quiet = Quiet()
        self._restore_id: int | None = None

        self._model = AnnotationListModel(session, self, order=text_order)
        self._proxy = AnnotationFilterProxy(self)
        self._proxy.setSourceModel(self._model)

        self._tag_filter = QComboBox(self)
        self._tag_filter.setObjectName("annotationTagFilter")
        self._tag_filter.setToolTip("Show only highlights with this tag (or a tag below it)")
        self._tag_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._tag_filter.setMinimumContentsLength(8)
        self._color_filter = QComboBox(self)
        self._color_filter.setObjectName("annotationColorFilter")
        self._color_filter.setToolTip("Show only highlights of this colour")
        self._count = QLabel(self)
        self._count.setObjectName("annotationCount")
        self._count.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._view = AnnotationListView(self)
        self._view.setModel(self._proxy)
        self._delegate = AnnotationDelegate(self._view)
        self._view.setItemDelegate(self._delegate)
        self._model.set_measure(self._delegate.measure)
        self._view.setToolTip("")

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self._tag_filter, 3)
        filters.addWidget(self._color_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self._count)
        layout.addWidget(self._view, 1)

        self._fill_color_filter()
        self._rebuild_tag_filter()
        self._connect()
        self._update_status()

    def _connect(self) -> None:
        self._tag_filter.currentIndexChanged.connect(self._on_filter_changed)
        self._color_filter.currentIndexChanged.connect(self._on_filter_changed)
        selection = self._view.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)
        self._view.reclicked.connect(self._announce)
        self._view.deletePressed.connect(self._request_delete)
        self._view.customContextMenuRequested.connect(self._show_context_menu)
        self._model.modelAboutToBeReset.connect(self._remember_current)
        self._model.modelReset.connect(self._restore_current)
        self._session.annotationsChanged.connect(self._on_annotations_changed)
        self._session.tagsChanged.connect(self._on_tags_changed)
        self._session.documentRemoved.connect(self._on_document_removed)

    # -- public API ----------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._document_id

    @property
    def model(self) -> AnnotationListModel:
        return self._model

    @property
    def proxy(self) -> AnnotationFilterProxy:
        return self._proxy

    @property
    def view(self) -> AnnotationListView:
        return self._view

    def set_document(
        self, document_id: int | None, annotations: Sequence[Annotation] | None = None
    ) -> None:
        """Show this document's highlights (None: none), clearing the selection.

        `annotations` are the document's highlights in text order when the caller has just
        read them (the window has: a thousand take ~10 ms to read again).
        """
        if document_id == self._document_id:
            return
        self._document_id = document_id
        with self._quiet():
            self._model.clear()
        self._reload(annotations)
        self._view.scrollToTop()

    def select_annotation(self, annotation_id: int | None) -> None:
        """Select a highlight (e.g. one clicked in the viewer) without announcing it again.

        A highlight hidden by the filters is not revealed; the selection is cleared instead.
        """
        with self._quiet():
            index = self._proxy_index(annotation_id)
            if index.isValid():
                self._view.setCurrentIndex(index)
                self._view.reveal(index)
            else:
                self._view.selectionModel().clearSelection()
                self._view.setCurrentIndex(QModelIndex())

    def visible_annotation_ids(self) -> list[int]:
        """The ids of the highlights the list shows now, filters applied, in text order."""
        return [
            int(self._proxy.index(row, 0).data(AnnotationRole.Id))
            for row in range(self._proxy.rowCount())
        ]

    def current_annotation_id(self) -> int | None:
        index = self._view.currentIndex()
        return int(index.data(AnnotationRole.Id)) if index.isValid() else None

    def edit_note(self, annotation_id: int) -> None:
        """Open the in-place note editor on this highlight."""
        self.select_annotation(annotation_id)
        index = self._proxy_index(annotation_id)
        if index.isValid():
            self._view.setFocus()
            self._view.edit(index)

    def set_tag_filter(self, tag: str | None) -> None:
        position = self._tag_filter.findData(tag) if tag else 0
        if tag and position < 0:
            self._tag_filter.addItem(tag, tag)
            position = self._tag_filter.count() - 1
        self._tag_filter.setCurrentIndex(position)

    def set_color_filter(self, color: str | None) -> None:
        position = self._color_filter.findData(color) if color else 0
        self._color_filter.setCurrentIndex(max(position, 0))

    def refresh(self) -> None:
        self._reload()

    # -- loading -------------------------------------------------------------------------------

    def _reload(self, annotations: Sequence[Annotation] | None = None) -> None:
        library = self._session.library
        self._tag_colors = {tag.name: tag.color for tag in library.tags.all()}
        if annotations is None:
            annotations = (
                library.annotations.for_document(self._document_id)
                if self._document_id is not None
                else []
            )
        with self._quiet():
            self._model.set_annotations(annotations, self._tag_colors)
        self._rebuild_tag_filter()
        self._update_status()

    def _on_annotations_changed(self, document_id: object, annotation_id: object) -> None:
        if self._document_id is None or document_id not in (None, self._document_id):
            return
        if document_id is None or not isinstance(annotation_id, int):
            self._reload()
            return
        # One highlight was added, changed or deleted: one row changes.
        try:
            annotation = self._session.library.annotations.get(annotation_id)
        except NotFoundError:
            annotation = None
        with self._quiet():
            if annotation is None or annotation.document_id != self._document_id:
                self._model.remove(annotation_id)
            else:
                self._model.upsert(annotation)
        self._rebuild_tag_filter()
        self._update_status()

    def _on_tags_changed(self) -> None:
        colors = {tag.name: tag.color for tag in self._session.library.tags.all()}
        if colors != self._tag_colors:
            self._tag_colors = colors
            self._model.set_tag_colors(colors)
            self._rebuild_tag_filter(force=True)

    def _on_document_removed(self, document_id: int) -> None:
        if document_id == self._document_id:
            self.set_document(None)

    def _remember_current(self) -> None:
        self._restore_id = self.current_annotation_id()

    def _restore_current(self) -> None:
        self.select_annotation(self._restore_id)

    def _proxy_index(self, annotation_id: int | None) -> QModelIndex:
        if annotation_id is None:
            return QModelIndex()
        return self._proxy.mapFromSource(self._model.index_of(annotation_id))

    # -- filters -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Swatches follow a switch between the light and the dark palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for row, name in enumerate(PALETTE, start=1):
                icon = swatch_icon(annotation_color(name, self.palette()))
                self._color_filter.setItemIcon(row, icon)
            self._rebuild_tag_filter(force=True)

    def _fill_color_filter(self) -> None:
        self._color_filter.addItem("All colours", None)
        for name in PALETTE:
            icon = swatch_icon(annotation_color(name, self.palette()))
            self._color_filter.addItem(icon, name.capitalize(), name)

    def _rebuild_tag_filter(self, *, force: bool = False) -> None:
        current = self._proxy.tag_filter
        names = self._model.tags_in_use()
        if current and current not in names:
            names.append(current)  # keep a chosen filter even when its last use goes
        wanted = [None, *names]
        present = [self._tag_filter.itemData(i) for i in range(self._tag_filter.count())]
        if present == wanted and not force:
            return
        self._tag_filter.blockSignals(True)
        self._tag_filter.clear()
        self._tag_filter.addItem("All tags", None)
        for name in names:
            tone = tag_color(self._tag_colors.get(name, ""), self.palette())
            self._tag_filter.addItem(swatch_icon(tone), name, name)
        self._tag_filter.setCurrentIndex(max(self._tag_filter.findData(current), 0))
        self._tag_filter.blockSignals(False)

    def _on_filter_changed(self) -> None:
        with self._quiet():
            self._proxy.set_tag_filter(self._tag_filter.currentData())
            self._proxy.set_color_filter(self._color_filter.currentData())
        self._update_status()

    def _update_status(self) -> None:
        total, shown = self._model.rowCount(), self._proxy.rowCount()
        if self._document_id is None:
            self._count.setText("")
            message = "Open a document to see its highlights here."
        elif total == 0:
            self._count.setText("")
            message = "No highlights yet.\nSelect text and press H to highlight it."
        else:
            filtered = self._proxy.is_filtering()
            counted = plural(total, "highlight")
            self._count.setText(f"{shown} of {counted}" if filtered else counted)
            message = "No highlights match these filters."
        self._count.setVisible(bool(self._count.text()))
        self._view.set_empty_message(message)

    # -- selection and requests ----------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self._announce(current)

    def _announce(self, index: Index) -> None:
        self.annotationActivated.emit(int(index.data(AnnotationRole.Id)))

    def _request_delete(self, index: Index) -> None:
        self.deleteRequested.emit(int(index.data(AnnotationRole.Id)))

    def context_menu(self, annotation_id: int) -> QMenu:
        """The menu for one highlight; built apart from showing it so that it can be tested."""
        annotation = self._session.library.annotations.get(annotation_id)
        menu = QMenu(self)
        menu.setObjectName("annotationContextMenu")
        edit = menu.addAction("Edit note")
        edit.setObjectName("actionEditNote")
        edit.triggered.connect(lambda: self.edit_note(annotation_id))
        tags = menu.addAction("Tags…")
        tags.setObjectName("actionEditTags")
        tags.triggered.connect(lambda: self.tagRequested.emit(annotation_id))
        colours = menu.addMenu("Colour")
        colours.setObjectName("menuColour")
        for name in PALETTE:
            icon = swatch_icon(annotation_color(name, self.palette()))
            action = QAction(icon, name.capitalize(), colours)
            action.setObjectName(f"actionColour_{name}")
            action.setCheckable(True)
            action.setChecked(name == annotation.color)
            action.triggered.connect(
                lambda _checked=False, c=name: self._session.set_color(annotation_id, c)
            )
            colours.addAction(action)
        menu.addSeparator()
        delete = menu.addAction("Delete")
        delete.setObjectName("actionDeleteAnnotation")
        delete.setShortcut(Qt.Key.Key_Delete)
        delete.triggered.connect(lambda: self.deleteRequested.emit(annotation_id))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self._view.indexAt(position)
        if not index.isValid():
            return
        menu = self.context_menu(int(index.data(AnnotationRole.Id)))
        menu.exec(self._view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def visual_rect(self, annotation_id: int) -> QRect:
        """Where a highlight's card is in the list's viewport (empty if it is not shown)."""
        return self._view.visualRect(self._proxy_index(annotation_id))
