"""The main window: document tree, viewer, annotation panel and tags, wired in one place.

Widgets never talk to each other. Each emits `…Requested`/`…Activated` signals; this window
connects them to session methods or to another widget's slot, and every change of the library
goes through the session's undo stack.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QToolButton,
    QWidget,
)

from quotebook import APP_NAME, __version__
from quotebook.domain import DEFAULT_COLOR, Document
from quotebook.errors import NotFoundError, StaleDocument, UserError
from quotebook.ui.actions import (
    COLOR_ACTIONS,
    COLOR_NAMES,
    EDITING_ACTIONS,
    ActionId,
    build_actions,
)
from quotebook.ui.document_facts import DocumentFacts, Facts
from quotebook.ui.library_menu import LibraryMenu
from quotebook.ui.library_settings import (
    Place,
    last_place,
    open_folders,
    remember_library,
    remember_open_folders,
    remember_place,
)
from quotebook.ui.panels.annotations.panel import AnnotationPanel
from quotebook.ui.panels.library.view import DocumentTree
from quotebook.ui.panels.quotes.panel import QuotesPanel
from quotebook.ui.panels.tags.panel import TagView
from quotebook.ui.preferences import Preferences, load_preferences, save_preferences
from quotebook.ui.session import Session
from quotebook.ui.theme import apply_theme, current_theme
from quotebook.ui.widgets.viewer import READING_COLUMN, Viewer
from quotebook.wording import plural, shortened

if TYPE_CHECKING:
    from quotebook.ui.panels.search.panel import SearchPanel

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_ZOOM = "reader/zoom"
SETTINGS_COLOR = "reader/lastColor"
SETTINGS_READER_VIEW = "reader/readerView"
SETTINGS_IMPORT_FOLDER = "import/lastFolder"
SETTINGS_BACKUP_FOLDER = "backup/lastFolder"
STATE_VERSION = 1
MIN_READING_CHARS = 60  # characters a line the document keeps when the window gets narrow
SIDE_DOCK_MIN = 190  # pixels a side dock keeps before the right-hand ones are closed
# How often the window asks whether another program changed the library (one cheap PRAGMA).
OUTSIDE_CHANGES_MS = 1500


# Dialogs are loaded when first opened: together they bring the importers, the exporters and the
# tag picker's completer (about 110 ms), none of which the first screen shows.


def ask_tags(parent: QWidget, session: Session, annotation_id: int) -> list[str] | None:
    """The highlight's tags as the user leaves them in the tag picker; None if cancelled."""
    from quotebook.ui.dialogs.tag_picker import ask_tags as ask

    return ask(parent, session, annotation_id)


def ask_note(parent: QWidget, note: str) -> str | None:
    """The note as the user leaves it in the note dialog; None if cancelled."""
    from quotebook.ui.dialogs.note_dialog import ask_note as ask

    return ask(parent, note)


class MainWindow(QMainWindow):
    # Another library file to work in: (path, whether to create it). The app's
    # `LibrarySwitcher` opens it and puts a new window on it.
    libraryRequested = Signal(str, bool)

    def __init__(
        self, session: Session, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.settings = settings
        self.document: Document | None = None
        self.current_annotation_id: int | None = None
        # The open document's word count, worked out once per text: (id, sha256, words).
        self._words: tuple[int, str, int] | None = None
        self._facts = DocumentFacts(self)
        self._last_color = str(settings.value(SETTINGS_COLOR, DEFAULT_COLOR))
        if self._last_color not in COLOR_NAMES:
            self._last_color = DEFAULT_COLOR
        self._update_title()

        self._side_windows: dict[str, QDialog] = {}
        self.action_map = build_actions(self)
        self._build_widgets()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._wire()
        self._restore_settings()
        self._apply_read_only()
        self._data_version = session.library.data_version()
        self._outside_watch = QTimer(self)
        self._outside_watch.setObjectName("outsideChangesTimer")
        self._outside_watch.setInterval(OUTSIDE_CHANGES_MS)
        self._outside_watch.timeout.connect(self.check_outside_changes)
        self._outside_watch.start()

    # -- construction -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.viewer = Viewer(self)
        self.setCentralWidget(self.viewer)

        expanded = open_folders(self.settings, self.session.library.path)
        self.document_tree = DocumentTree(self.session, self, expanded=expanded)
        self.tree_dock = self._dock("Library", "libraryDock", self.document_tree)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)

        self.annotation_panel = AnnotationPanel(self.session, self)
        self.annotations_dock = self._dock("Annotations", "annotationsDock", self.annotation_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)

        self.tag_view = TagView(self.session, self)
        self.tags_dock = self._dock("Tags", "tagsDock", self.tag_view)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tags_dock)
        self.splitDockWidget(self.tree_dock, self.tags_dock, Qt.Orientation.Vertical)

        # Search starts tabbed away behind Annotations: its panel (filters, results and the
        # query parser behind them) is built when the tab is first shown or Ctrl+K pressed.
        self._search_panel: SearchPanel | None = None
        self.search_dock = self._dock("Search", "searchDock", QWidget(self))
        self.search_dock.visibilityChanged.connect(self._on_search_dock_visible)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.annotations_dock, self.search_dock)

        self.quotes_panel = QuotesPanel(self.session, self)
        self.quotes_dock = self._dock("Quotes", "quotesDock", self.quotes_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.quotes_dock)
        self.tabifyDockWidget(self.annotations_dock, self.quotes_dock)
        self.annotations_dock.raise_()
        self.resizeDocks(
            [self.tree_dock, self.annotations_dock], [280, 340], Qt.Orientation.Horizontal
        )

        # Single-key shortcuts (H, 1…5, T, N, Del) act only while the reader is in the viewer.
        for action_id in (
            ActionId.HIGHLIGHT,
            *COLOR_ACTIONS,
            ActionId.TAG,
            ActionId.NOTE,
            ActionId.DELETE_ANNOTATION,
        ):
            self.viewer.addAction(self.action_map[action_id])
        self.viewer.set_context_actions(
            [
                self.action_map[ActionId.HIGHLIGHT],
                *(self.action_map[a] for a in COLOR_ACTIONS),
                self.action_map[ActionId.TAG],
                self.action_map[ActionId.NOTE],
                self.action_map[ActionId.DELETE_ANNOTATION],
            ]
        )

    @property
    def search_panel(self) -> SearchPanel:
        if self._search_panel is None:
            from quotebook.ui.panels.search.panel import SearchPanel

            panel = SearchPanel(self.session, self)
            panel.resultOpenRequested.connect(self._guard(self.open_search_result))
            placeholder = self.search_dock.widget()
            self.search_dock.setWidget(panel)
            placeholder.deleteLater()
            self._search_panel = panel
        return self._search_panel

    def _on_search_dock_visible(self, visible: bool) -> None:
        if visible:
            self.search_panel  # noqa: B018 - the property builds the panel

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    def _build_menus_and_toolbar(self) -> None:
        a = self.action_map
        undo_stack = self.session.undo_stack
        # The undo actions follow the stack: enabled state and "Undo <what>" text.
        undo_stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        undo_stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        undo_stack.undoTextChanged.connect(self._on_undo_text)
        undo_stack.redoTextChanged.connect(self._on_redo_text)
        a[ActionId.UNDO].setEnabled(undo_stack.canUndo())
        a[ActionId.REDO].setEnabled(undo_stack.canRedo())

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.setObjectName("fileMenu")
        self.library_menu = LibraryMenu(
            self,
            self.settings,
            self.session.library.path,
            new_action=a[ActionId.NEW_LIBRARY],
            open_action=a[ActionId.OPEN_LIBRARY],
            clear_action=a[ActionId.CLEAR_RECENT],
        )
        self.library_menu.libraryRequested.connect(self.libraryRequested)
        file_menu.addActions([a[ActionId.NEW_LIBRARY], a[ActionId.OPEN_LIBRARY]])
        file_menu.addMenu(self.library_menu.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([a[ActionId.IMPORT], a[ActionId.NEW_FOLDER]])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.DOCUMENT_PROPERTIES])
        file_menu.addAction(a[ActionId.EXPORT])
        file_menu.addAction(a[ActionId.BACKUP])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.setObjectName("editMenu")
        edit_menu.addActions([a[ActionId.UNDO], a[ActionId.REDO]])
        edit_menu.addSeparator()
        edit_menu.addActions([a[ActionId.FIND], a[ActionId.SEARCH]])
        edit_menu.addSeparator()
        a[ActionId.PREFERENCES].setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(a[ActionId.PREFERENCES])

        annotate_menu = menu_bar.addMenu("&Annotate")
        annotate_menu.setObjectName("annotateMenu")
        annotate_menu.addAction(a[ActionId.HIGHLIGHT])
        colors = annotate_menu.addMenu("Highlight in &Colour")
        colors.addActions([a[c] for c in COLOR_ACTIONS])
        annotate_menu.addSeparator()
        annotate_menu.addActions([a[ActionId.TAG], a[ActionId.NOTE]])
        annotate_menu.addSeparator()
        annotate_menu.addAction(a[ActionId.DELETE_ANNOTATION])
        annotate_menu.addSeparator()
        annotate_menu.addActions([a[ActionId.FIND_QUOTES], a[ActionId.MANAGE_TAGS]])
        self.annotate_menu = annotate_menu

        view_menu = menu_bar.addMenu("&View")
        view_menu.setObjectName("viewMenu")
        view_menu.addActions([a[ActionId.ZOOM_IN], a[ActionId.ZOOM_OUT], a[ActionId.ZOOM_RESET]])
        view_menu.addSeparator()
        a[ActionId.READER_VIEW].setCheckable(True)
        a[ActionId.READER_VIEW].setChecked(
            str(self.settings.value(SETTINGS_READER_VIEW, "true")).lower() == "true"
        )
        view_menu.addAction(a[ActionId.READER_VIEW])
        view_menu.addSeparator()
        self.view_menu = view_menu
        for dock in (
            self.tree_dock,
            self.annotations_dock,
            self.tags_dock,
            self.search_dock,
            self.quotes_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())

        help_menu = menu_bar.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.addActions([a[ActionId.HELP], a[ActionId.KEYBOARD_SHORTCUTS]])
        help_menu.addSeparator()
        help_menu.addAction(a[ActionId.ABOUT])

        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addActions([a[ActionId.IMPORT], a[ActionId.EXPORT]])
        toolbar.addSeparator()
        toolbar.addActions([a[ActionId.UNDO], a[ActionId.REDO]])
        toolbar.addSeparator()
        toolbar.addActions(
            [
                a[ActionId.HIGHLIGHT],
                a[ActionId.TAG],
                a[ActionId.NOTE],
                a[ActionId.DELETE_ANNOTATION],
            ]
        )
        toolbar.addSeparator()
        toolbar.addActions([a[ActionId.FIND], a[ActionId.SEARCH]])
        toolbar.addSeparator()
        toolbar.addActions([a[ActionId.ZOOM_OUT], a[ActionId.ZOOM_IN]])
        # The toolbar keeps short labels; menus show the full "Undo <what>" text.
        for action_id, label in ((ActionId.UNDO, "Undo"), (ActionId.REDO, "Redo")):
            a[action_id].setIconText(label)
        for action_id in (ActionId.ZOOM_OUT, ActionId.ZOOM_IN, ActionId.FIND, ActionId.SEARCH):
            button = toolbar.widgetForAction(a[action_id])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.status_title = QLabel(self)
        self.status_title.setObjectName("statusTitle")
        self.status_words = QLabel(self)
        self.status_words.setObjectName("statusWords")
        self.status_annotations = QLabel(self)
        self.status_annotations.setObjectName("statusAnnotations")
        bar.addWidget(self.status_title, 1)
        bar.addPermanentWidget(self.status_words)
        bar.addPermanentWidget(self.status_annotations)

    def _wire(self) -> None:
        a = self.action_map
        s = self.session
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.UNDO].triggered.connect(self._guard(s.undo))
        a[ActionId.REDO].triggered.connect(self._guard(s.redo))
        a[ActionId.HIGHLIGHT].triggered.connect(self._guard(lambda: self.highlight_selection()))
        for action_id, color in zip(COLOR_ACTIONS, COLOR_NAMES, strict=True):
            a[action_id].triggered.connect(self._guard(partial(self.highlight_selection, color)))
        a[ActionId.TAG].triggered.connect(self._guard(self.edit_tags))
        a[ActionId.NOTE].triggered.connect(self._guard(self.edit_note))
        a[ActionId.DELETE_ANNOTATION].triggered.connect(self._guard(self.delete_annotation))
        a[ActionId.FIND].triggered.connect(self.viewer.open_find_bar)
        a[ActionId.ZOOM_IN].triggered.connect(self.viewer.zoom_in)
        a[ActionId.ZOOM_OUT].triggered.connect(self.viewer.zoom_out)
        a[ActionId.ZOOM_RESET].triggered.connect(self.viewer.reset_zoom)
        a[ActionId.ABOUT].triggered.connect(self.show_about)
        a[ActionId.HELP].triggered.connect(self.show_help)
        a[ActionId.PREFERENCES].triggered.connect(self._guard(self.edit_preferences))
        a[ActionId.KEYBOARD_SHORTCUTS].triggered.connect(self.show_shortcuts)
        a[ActionId.NEW_FOLDER].triggered.connect(self.document_tree.new_folder)
        a[ActionId.IMPORT].triggered.connect(self._guard(lambda: self.import_files()))
        a[ActionId.EXPORT].triggered.connect(self._guard(self.export))
        a[ActionId.BACKUP].triggered.connect(self._guard(lambda: self.back_up()))
        a[ActionId.SEARCH].triggered.connect(self.show_search)
        a[ActionId.MANAGE_TAGS].triggered.connect(self._guard(self.manage_tags))
        a[ActionId.DOCUMENT_PROPERTIES].triggered.connect(self._guard(self.edit_properties))
        a[ActionId.READER_VIEW].toggled.connect(self._on_reader_view_toggled)

        self.document_tree.importRequested.connect(
            self._guard(lambda folder_id: self.import_files(folder_id=folder_id))
        )
        self.document_tree.filesDropped.connect(self._guard(self.import_paths))
        a[ActionId.FIND_QUOTES].triggered.connect(self._guard(self.find_quotes_everywhere))
        self.quotes_panel.quoteSelected.connect(self._show_found_quote)
        self.quotes_dock.visibilityChanged.connect(self.quotes_panel.reveal)
        self.quotes_panel.annotationCreated.connect(self._guard(self.select_annotation))

        self.document_tree.documentActivated.connect(self._guard(self.open_document))
        self.viewer.annotationClicked.connect(self._guard(self.select_annotation))
        self.annotation_panel.annotationActivated.connect(
            self._guard(partial(self.select_annotation, flash=True))
        )
        self.annotation_panel.deleteRequested.connect(self._guard(self.delete_annotation))
        self.annotation_panel.tagRequested.connect(self._guard(self.edit_tags))
        self.tag_view.annotationOpenRequested.connect(self._guard(self.open_annotation))

        self._facts.ready.connect(self._on_facts)
        s.annotationsChanged.connect(self._on_annotations_changed)
        s.documentsChanged.connect(self._on_documents_changed)
        s.documentRemoved.connect(self._on_document_removed)

    # -- error handling -----------------------------------------------------------------------

    def _guard(self, slot: Callable[..., Any]) -> Callable[..., None]:
        """Wrap a slot so that a `UserError` becomes a dialog instead of a traceback."""

        def run(*args: Any) -> None:
            try:
                slot(*args)
            except UserError as exc:
                self.show_error(exc)

        return run

    def show_error(self, exc: UserError) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, exc.message, parent=self)
        box.setObjectName("errorDialog")
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()

    # -- documents ----------------------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            return
        self.document = self.session.library.documents.get(document_id)
        self.current_annotation_id = None
        annotations = self.session.library.annotations.for_document(document_id)
        # The word count and, unless the library keeps it, the reader view's verdict take a
        # pass over the whole text: worked out now for a short one, on a worker for a long one.
        verdict = self.session.kept_furniture(document_id)
        on = self.action_map[ActionId.READER_VIEW].isChecked()
        self.viewer.show_document(self.document, annotations, (verdict or []) if on else [])
        self._facts.request(
            document_id,
            self.document.text,
            furniture=verdict is None,
            text_hash=self.document.sha256,
            after_paint=self.viewer.after_next_paint,
        )
        self.annotation_panel.set_document(document_id, annotations)
        self.quotes_panel.set_document(document_id)
        self.document_tree.select_document(document_id)
        self._update_status()
        self._update_title()

    def _on_facts(self, facts: Facts) -> None:
        if facts.furniture is not None:
            # Kept even when another document is open by now, unless the text has changed.
            with contextlib.suppress(NotFoundError):
                if self.session.library.documents.text_hash(facts.document_id) == facts.text_hash:
                    self.session.keep_furniture(facts.document_id, facts.furniture)
        document = self.document
        if document is None or (document.id, document.sha256) != facts[:2]:
            return
        self._words = (document.id, document.sha256, facts.words)
        if facts.furniture is not None:
            self._apply_reader_view(facts.furniture)
        self._update_status()

    def open_annotation(self, document_id: int, annotation_id: int) -> None:
        self.open_document(document_id)
        self.select_annotation(annotation_id, flash=True)

    def select_annotation(self, annotation_id: int | None, *, flash: bool = False) -> None:
        self.current_annotation_id = annotation_id
        self.viewer.select_annotation(annotation_id, scroll=flash, flash=flash)
        self.annotation_panel.select_annotation(annotation_id)

    def _on_annotations_changed(self, document_id: int | None, annotation_id: int | None) -> None:
        if self.document is None or document_id not in (None, self.document.id):
            return
        if document_id is not None and annotation_id is not None:
            # One annotation was added, changed or deleted: update just that one.
            try:
                annotation = self.session.library.annotations.get(annotation_id)
            except NotFoundError:
                self.viewer.remove_annotation(annotation_id)
                if self.current_annotation_id == annotation_id:
                    self.select_annotation(None)
            else:
                # Selecting it refreshes the viewer's overlays: no need to do so twice.
                self.viewer.update_annotation(annotation, refresh=False)
                self.select_annotation(annotation_id)
        else:
            annotations = self.session.library.annotations.for_document(self.document.id)
            ids = {x.id for x in annotations}
            self.viewer.set_annotations(annotations)
            if self.current_annotation_id not in ids:
                self.select_annotation(None)
        self._update_status()

    def _on_documents_changed(self) -> None:
        if self.document is None:
            return
        if self.session.library.documents.exists(self.document.id):
            title = self.session.library.documents.get(self.document.id).title
            if title != self.document.title:
                self.document = self.session.library.documents.get(self.document.id)
                self._update_status()
                self._update_title()

    def _on_document_removed(self, document_id: int) -> None:
        if self.document is not None and self.document.id == document_id:
            self.document = None
            self.current_annotation_id = None
            self.viewer.clear_document()
            self.annotation_panel.set_document(None)
            self.quotes_panel.set_document(None)
            self._facts.cancel()
            self._update_status()
            self._update_title()

    def _update_title(self) -> None:
        """ "Document title — Quotebook", or the library's file name while no document is open.

        The title ends with the application's display name, so the platform does not add it
        a second time (xcb and Windows append it to any title that does not end with it).
        """
        shown = self.document.title if self.document is not None else self.session.library.path.name
        self.setWindowTitle(f"{shown} — {APP_NAME}")

    def reload_document(self) -> None:
        """Show the open document as the library has it now, at the same place."""
        if self.document is None:
            return
        document_id = self.document.id
        if not self.session.library.documents.exists(document_id):
            self._on_document_removed(document_id)
            return
        scroll = self.viewer.scroll_fraction()
        self.document = None
        self.open_document(document_id)
        self.viewer.set_scroll_fraction(scroll)

    def check_outside_changes(self) -> bool:
        """Catch up with changes another program made to the library; True if there were any.

        SQLite's ``data_version`` changes when another connection commits, never for this
        one's own writes. Every view re-reads what it shows, and an open document whose text
        was replaced (an import in another Quotebook) is shown anew, with a word to the user.
        """
        try:
            version = self.session.library.data_version()
        except UserError:
            return False  # busy or unreadable just now: the next tick tries again
        if version == self._data_version:
            return False
        self._data_version = version
        self.session.outside_changes()
        if self.document is not None:
            document = self.document
            if not self.session.library.documents.exists(document.id):
                self._on_document_removed(document.id)
            elif self.session.library.documents.text_hash(document.id) != document.sha256:
                self.reload_document()
                self.statusBar().showMessage(
                    f"“{document.title}” was changed elsewhere and has been reloaded.", 10000
                )
        return True

    def _apply_read_only(self) -> None:
        """A library open for reading only: editing is off, and the status bar says why."""
        reason = self.session.library.read_only
        if not reason:
            return
        for action_id in EDITING_ACTIONS:
            self.action_map[action_id].setEnabled(False)
        label = QLabel("Read-only", self)
        label.setObjectName("statusReadOnly")
        label.setToolTip(reason)
        self.statusBar().addPermanentWidget(label)

    def _update_status(self) -> None:
        document = self.document
        if document is None:
            self.status_title.setText("No document open")
            self.status_words.setText("")
            self.status_annotations.setText("")
            return
        self.status_title.setText(document.title)
        words = self._words
        if words is not None and words[:2] == (document.id, document.sha256):
            self.status_words.setText(f"{words[2]:,} words")
        else:
            self.status_words.setText("")  # being counted
        self.status_annotations.setText(plural(self.viewer.annotation_count(), "annotation"))

    # -- annotating ---------------------------------------------------------------------------

    def highlight_selection(self, color: str | None = None) -> int | None:
        """Highlight the viewer's selection; with none, recolour the current annotation."""
        if self.document is None:
            return None
        selection = self.viewer.selected_range()
        if selection is None or selection[0] == selection[1]:
            if color is not None and self.current_annotation_id is not None:
                self.session.set_color(self.current_annotation_id, color)
                self._remember_color(color)
                return self.current_annotation_id
            self.statusBar().showMessage("Select some text to highlight first.", 4000)
            return None
        existing = self.viewer.annotation_spanning(*selection)
        if existing is not None:
            # The same words again (H pressed twice, say): select that highlight, recolour it
            # for a colour key, and stack no second one on it.
            if color is not None:
                self.session.set_color(existing, color)
                self._remember_color(color)
            self.viewer.clear_selection()
            self.select_annotation(existing)
            self.statusBar().showMessage("Those words are highlighted already.", 4000)
            return existing
        color = color or self._last_color
        self._remember_color(color)
        try:
            annotation = self.session.create_annotation(
                self.document.id, *selection, color=color, seen=self.document
            )
        except StaleDocument as exc:
            self.reload_document()
            raise UserError(
                f"{exc.message} It has been reloaded: select the passage again."
            ) from exc
        self.viewer.clear_selection()
        if self.current_annotation_id != annotation.id:  # the change signal selected it already
            self.select_annotation(annotation.id)
        return annotation.id

    def _remember_color(self, color: str) -> None:
        if color != self._last_color:  # each change rewrites the settings file
            self._last_color = color
            self.settings.setValue(SETTINGS_COLOR, color)

    def _fresh_selection(self) -> tuple[int, int] | None:
        selection = self.viewer.selected_range()
        return selection if selection is not None and selection[0] != selection[1] else None

    def _current_or_say(self) -> int | None:
        if self.current_annotation_id is None:
            self.statusBar().showMessage("Select a highlight or some text first.", 4000)
        return self.current_annotation_id

    def _highlight_and_ask(
        self, what: str, ask: Callable[[int], Any], save: Callable[[int, Any], None]
    ) -> None:
        """T or N on a fresh selection: highlight it, then ask for its tags or note.

        Highlight and answer are one undo step; cancelling the dialog takes the highlight back
        too, leaving nothing behind (not even a Redo).
        """
        selection = self._fresh_selection()
        if self.document is None or selection is None:
            return
        existing = self.viewer.annotation_spanning(*selection)
        if existing is not None:  # the words are a highlight already: ask for that one
            self.viewer.clear_selection()
            self.select_annotation(existing)
            answer = ask(existing)
            if answer is not None:
                save(existing, answer)
            return
        quote = shortened(self.document.text[selection[0] : selection[1]])
        self.session.begin_macro(f"Highlight and {what} “{quote}”")
        answer = None
        annotation_id = None
        try:
            annotation_id = self.highlight_selection()
            if annotation_id is not None:
                answer = ask(annotation_id)
                if answer is not None:
                    save(annotation_id, answer)
        finally:
            self.session.end_macro()
        if annotation_id is not None and answer is None:
            self.session.withdraw_last_step()

    def edit_tags(self, annotation_id: int | None = None) -> None:
        if annotation_id is None and self._fresh_selection() is not None:
            self._highlight_and_ask(
                "tag", lambda a: ask_tags(self, self.session, a), self.session.set_tags
            )
            return
        annotation_id = annotation_id if annotation_id is not None else self._current_or_say()
        if annotation_id is None:
            return
        tags = ask_tags(self, self.session, annotation_id)
        if tags is not None:
            self.session.set_tags(annotation_id, tags)

    def edit_note(self, annotation_id: int | None = None) -> None:
        def ask(annotation: int) -> str | None:
            return ask_note(self, self.session.library.annotations.get(annotation).note)

        if annotation_id is None and self._fresh_selection() is not None:
            self._highlight_and_ask("note", ask, self.session.set_note)
            return
        annotation_id = annotation_id if annotation_id is not None else self._current_or_say()
        if annotation_id is None:
            return
        note = ask(annotation_id)
        if note is not None:
            self.session.set_note(annotation_id, note)

    def delete_annotation(self, annotation_id: int | None = None) -> None:
        if annotation_id is None:
            annotation_id = self.viewer.annotation_under_context() or self.current_annotation_id
        if annotation_id is None:
            self.statusBar().showMessage("Select a highlight to delete.", 4000)
            return
        self.session.delete_annotation(annotation_id)

    # -- reader view --------------------------------------------------------------------------

    def _apply_reader_view(self, verdict: list[tuple[int, int]] | None = None) -> None:
        """Hide the page furniture (menus, teasers, cookie notes) when Reader View is on.

        `verdict` is the document's furniture when the caller has it; otherwise the kept one
        (until it is worked out, nothing hides).
        """
        if self.document is None:
            return
        on = self.action_map[ActionId.READER_VIEW].isChecked()
        if on and verdict is None:
            verdict = self.session.kept_furniture(self.document.id)
        self.viewer.set_hidden_ranges((verdict or []) if on else [])

    def _on_reader_view_toggled(self, on: bool) -> None:
        self.settings.setValue(SETTINGS_READER_VIEW, "true" if on else "false")
        self._apply_reader_view()

    # -- import, export, search, tags, properties ---------------------------------------------

    def import_files(self, folder_id: int | None = None) -> None:
        """Ask for files and the folder they go into (the top level unless one is chosen)."""
        from quotebook.importers import supported_suffixes
        from quotebook.ui.dialogs.import_files import ask_import

        patterns = " ".join(f"*{suffix}" for suffix in supported_suffixes())
        start = str(self.settings.value(SETTINGS_IMPORT_FOLDER, str(Path.home())))
        answer = ask_import(
            self,
            self.session.library.folders.all(),
            start=start,
            name_filter=f"Documents ({patterns});;All files (*)",
            folder_id=folder_id,
        )
        if answer is not None:
            paths, chosen = answer
            self.settings.setValue(SETTINGS_IMPORT_FOLDER, str(paths[0].parent))
            self.import_paths(paths, chosen)

    def import_paths(self, paths: list[Path], folder_id: int | None = None) -> None:
        """Import into `folder_id`, None being the top level of the library."""
        from quotebook.ui.dialogs.import_dialog import run_import

        results = run_import(self, self.session, paths, folder_id)
        first_new = next((r.id for r in results if r.status == "imported" and r.id), None)
        if first_new is not None:
            self.open_document(first_new)

    def export(self) -> None:
        from quotebook.ui.dialogs.export_dialog import run_export_dialog

        node = self.document_tree.current_node()
        folder_id = node.id if node is not None and node.kind.value == "folder" else None
        path = run_export_dialog(
            self,
            self.session,
            self.document.id if self.document is not None else None,
            self.settings,
            folder_id=folder_id,
        )
        if path is not None:
            self.statusBar().showMessage(f"Exported to {path}", 8000)

    def back_up(self, path: Path | None = None) -> Path | None:
        """File → Back Up Library…: a consistent copy of the library, made while it is open.

        `path` skips the file chooser. Returns the file written, or None when cancelled.
        """
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            library = self.session.library.path
            folder = Path(str(self.settings.value(SETTINGS_BACKUP_FOLDER, str(Path.home()))))
            suggestion = folder / f"{library.stem} backup {time.strftime('%Y-%m-%d')}.sqlite"
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Back Up Library", str(suggestion), "Quotebook library (*.sqlite)"
            )
            if not chosen:
                return None
            path = Path(chosen)
            self.settings.setValue(SETTINGS_BACKUP_FOLDER, str(path.parent))
        from PySide6.QtGui import QCursor, QGuiApplication

        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            written = self.session.library.backup(path)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Library backed up to {written}", 8000)
        return written

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_search()

    def open_search_result(
        self, document_id: int, start: int, end: int, annotation_id: int | None
    ) -> None:
        self.open_document(document_id)
        if annotation_id is not None:
            self.select_annotation(annotation_id, flash=True)
        elif end > start:
            self.viewer.select_range(start, end, exact=True)
            self.viewer.ensureCursorVisible()

    def _show_found_quote(self, start: int, end: int) -> None:
        self.viewer.select_range(start, end, exact=True)
        self.viewer.ensureCursorVisible()

    def find_quotes_everywhere(self) -> None:
        from quotebook.ui.dialogs.find_quotes_dialog import run_find_quotes

        run_find_quotes(self, self.session)

    def manage_tags(self) -> None:
        from quotebook.ui.dialogs.tag_manager import TagManagerDialog

        dialog = TagManagerDialog(self.session, self)
        dialog.exec()
        dialog.deleteLater()

    def edit_properties(self, document_id: int | None = None) -> None:
        if document_id is None:
            document_id = self.document_tree.current_document_id() or (
                self.document.id if self.document is not None else None
            )
        if document_id is None:
            self.statusBar().showMessage("Open a document first.", 4000)
            return
        from quotebook.ui.dialogs.document_properties import DocumentPropertiesDialog

        dialog = DocumentPropertiesDialog(self.session, document_id, self)
        dialog.exec()
        dialog.deleteLater()

    def _on_undo_text(self, text: str) -> None:
        self.action_map[ActionId.UNDO].setText(f"&Undo {text}" if text else "&Undo")

    def _on_redo_text(self, text: str) -> None:
        self.action_map[ActionId.REDO].setText(f"&Redo {text}" if text else "&Redo")

    # -- preferences ---------------------------------------------------------------------------

    def edit_preferences(self) -> None:
        from quotebook.ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(load_preferences(self.settings), self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.apply_preferences(dialog.preferences())
        finally:
            dialog.deleteLater()

    def apply_preferences(self, preferences: Preferences) -> None:
        """Keep the preferences and show them at once: theme, text size, reader view."""
        save_preferences(self.settings, preferences)
        app = QApplication.instance()
        if isinstance(app, QApplication) and current_theme(app) != preferences.theme:
            apply_theme(app, preferences.theme)
        self.viewer.set_text_size(preferences.text_size)
        self.action_map[ActionId.READER_VIEW].setChecked(preferences.reader_view)

    # -- help and about -----------------------------------------------------------------------

    def show_help(self) -> QDialog:
        from quotebook.ui.dialogs.help_dialog import HelpDialog

        return self._show_once("help", lambda: HelpDialog(self))

    def show_shortcuts(self) -> QDialog:
        from quotebook.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        return self._show_once("shortcuts", lambda: ShortcutsDialog(self.action_map, self))

    def _show_once(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        """A reference window (help, the keys) beside the work, not in front of it: one of
        each, shown again and raised when asked for again."""
        dialog = self._side_windows.get(name)
        if dialog is None:
            dialog = self._side_windows[name] = make()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_about(self) -> None:
        from html import escape

        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(f"About {APP_NAME}")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Read, highlight, tag and export quotations from news articles, statements "
            "and interview transcripts.</p>"
            f"<p>Library: <code>{escape(str(self.session.library.path))}</code></p>"
        )
        box.exec()

    # -- settings -----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, STATE_VERSION)
        self.viewer.set_text_size(load_preferences(self.settings).text_size)
        self.viewer.zoom_steps = int(self._setting_number(SETTINGS_ZOOM, 0))
        document_id, scroll = last_place(self.settings, self.session.library.path)
        if document_id is None or not self.session.library.documents.exists(document_id):
            document_id = self.session.library.documents.first_id()
            scroll = 0.0
        if document_id is not None:
            self.open_document(document_id)
            # The layout settles after the window is shown; restore the position then.
            QTimer.singleShot(0, partial(self.viewer.set_scroll_fraction, scroll))
        else:
            self._update_status()

    def _setting_number(self, key: str, default: float) -> float:
        """A number from the settings file; a missing or mangled value gives the default."""
        try:
            return float(str(self.settings.value(key, default)))
        except ValueError:
            return default

    def save_settings(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_STATE, self.saveState(STATE_VERSION))
        self.settings.setValue(SETTINGS_ZOOM, self.viewer.zoom_steps)
        remember_open_folders(
            self.settings, self.session.library.path, self.document_tree.open_folder_ids()
        )
        place = Place(None, 0.0)
        if self.document is not None:
            place = Place(self.document.id, self.viewer.scroll_fraction())
        remember_place(self.settings, self.session.library.path, place)
        remember_library(self.settings, self.session.library.path)
        self.settings.sync()

    # -- layout -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() < event.oldSize().width() or event.oldSize().width() < 0:
            # After Qt has laid the docks out for the new size.
            QTimer.singleShot(0, self.fit_reading_column)

    def reading_width_needed(self) -> int:
        """The viewer width that shows `MIN_READING_CHARS` characters a line, margins and
        scroll bar included."""
        margin = self.viewer.document().documentMargin()
        per_char = (self.viewer.column_width() - 2 * margin) / READING_COLUMN
        scrollbar = self.viewer.verticalScrollBar().sizeHint().width()
        return int(per_char * MIN_READING_CHARS + 2 * margin + scrollbar)

    def fit_reading_column(self) -> None:
        """Narrow the side docks, down to `SIDE_DOCK_MIN` each, so the document keeps at least
        `MIN_READING_CHARS` characters a line; if that is not enough, close the right-hand
        docks (View brings them back). Only ever narrows: a wider window is left as arranged."""
        shortfall = self.reading_width_needed() - self.viewer.width()
        if shortfall <= 0:
            return
        sides = [
            dock
            for dock in (self.tree_dock, self._right_dock())
            if dock is not None and dock.isVisible() and not dock.isFloating()
        ]
        widths = [dock.width() for dock in sides]
        spare = [max(0, w - SIDE_DOCK_MIN) for w in widths]
        if sum(spare) > 0:
            take = min(shortfall, sum(spare))
            new = [w - round(take * s / sum(spare)) for w, s in zip(widths, spare, strict=True)]
            self.resizeDocks(sides, new, Qt.Orientation.Horizontal)
            shortfall -= take
        if shortfall > 0:
            for dock in (self.annotations_dock, self.search_dock, self.quotes_dock):
                if dock.isVisible() and not dock.isFloating():
                    dock.hide()
            self.statusBar().showMessage(
                "The side panels on the right were closed to leave room for the text; "
                "View brings them back.",
                8000,
            )

    def _right_dock(self) -> QDockWidget | None:
        """The visible dock of the tabbed group on the right (Annotations, Search, Quotes)."""
        for dock in (self.annotations_dock, self.search_dock, self.quotes_dock):
            if dock.isVisible() and not dock.isFloating() and not dock.visibleRegion().isEmpty():
                return dock
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    def action(self, action_id: ActionId) -> QAction:
        return self.action_map[action_id]
