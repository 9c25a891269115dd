"""`Session`: the open library, its undo stack, and the signals every view listens to.

Widgets never change the store themselves: they call a session method, which pushes an undo
command (`quotebook.ui.commands`); the command changes the store and the session emits signals
carrying ids, and the views refresh from those. Every change a user can make has its method
here, so there is one way to make it. Reads go straight to the repositories through `library`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from quotebook.anchoring import make_anchor
from quotebook.domain import DEFAULT_COLOR, Annotation, Document
from quotebook.reader_view import RULES_VERSION
from quotebook.store import Library
from quotebook.ui.commands import annotations as cmd_annotations
from quotebook.ui.commands import documents as cmd_documents
from quotebook.ui.commands import folders as cmd_folders
from quotebook.ui.commands import tags as cmd_tags
from quotebook.ui.commands.base import StoreCommand

if TYPE_CHECKING:
    from quotebook.services.importing import ImportLog, ImportResult


class Session(QObject):
    # (document_id or None for "any", the one annotation added, changed or deleted, or None
    # when possibly several changed)
    annotationsChanged = Signal(object, object)
    documentsChanged = Signal()
    # A document's annotation count may have changed (None: any document's).
    annotationCountChanged = Signal(object)
    documentRemoved = Signal(int)
    tagsChanged = Signal()

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

    # -- SessionEvents ------------------------------------------------------------------------

    def annotations_changed(self, document_id: int | None, annotation_id: int | None) -> None:
        self.annotationsChanged.emit(document_id, annotation_id)
        # Counts in the document tree and the tag list follow annotations. Only counts: the
        # tree updates one row instead of re-reading every document.
        self.annotationCountChanged.emit(document_id)
        self.tagsChanged.emit()

    def documents_changed(self) -> None:
        self.documentsChanged.emit()

    def document_removed(self, document_id: int) -> None:
        self.documentRemoved.emit(document_id)

    def tags_changed(self) -> None:
        self.tagsChanged.emit()

    def outside_changes(self) -> None:
        """Another program changed the library: anything may differ, every view re-reads."""
        self.documentsChanged.emit()
        self.annotations_changed(None, None)

    # -- derived views -------------------------------------------------------------------------

    def furniture(self, document: Document) -> list[tuple[int, int]]:
        """The lines of `document` that the reader view hides, as code-point ranges.

        Worked out on the first opening and kept in the library, so later openings (and the
        start of the app on the last document read) skip the reader view's line rules.
        """
        kept = self.kept_furniture(document.id)
        if kept is not None:
            return kept
        from quotebook.reader_view.rules import furniture_ranges  # ~12 ms: only when needed

        ranges = furniture_ranges(document.text)
        self.keep_furniture(document.id, ranges)
        return ranges

    def kept_furniture(self, document_id: int) -> list[tuple[int, int]] | None:
        """The reader view's verdict kept in the library; None when it must be worked out."""
        return self.library.documents.furniture(document_id, RULES_VERSION)

    def keep_furniture(self, document_id: int, ranges: list[tuple[int, int]]) -> None:
        """Keep a verdict worked out elsewhere (on a worker thread) for the next opening."""
        self.library.documents.keep_furniture(document_id, ranges, RULES_VERSION)

    # -- running commands ---------------------------------------------------------------------

    def execute(self, command: StoreCommand) -> StoreCommand:
        """Apply a command, then push it; if applying raises, nothing is pushed."""
        command.apply()
        command.mark_applied()
        self.undo_stack.push(command)
        return command

    def undo(self) -> None:
        """Undo the last step; if the library refuses, the step stays done and the reason is
        raised (a `UserError`)."""
        self._step(self.undo_stack.index() - 1, self.undo_stack.undo, self.undo_stack.redo)

    def redo(self) -> None:
        """Redo the next step; if the library refuses, it stays undone (as `undo`)."""
        self._step(self.undo_stack.index(), self.undo_stack.redo, self.undo_stack.undo)

    def _step(self, index: int, move: Callable[[], None], back: Callable[[], None]) -> None:
        command = self.undo_stack.command(index)
        parts: list[StoreCommand] = []
        if isinstance(command, StoreCommand):
            parts = [command]
        elif command is not None:  # a macro: one step made of several commands
            children = (command.child(n) for n in range(command.childCount()))
            parts = [c for c in children if isinstance(c, StoreCommand)]
        for part in parts:
            part.catching = True
        try:
            move()
            failures = [f for part in parts if (f := part.take_failure()) is not None]
            if failures:
                # Moving back reverses what did change; the parts that failed skip it, as they
                # changed nothing. The store and the stack agree again.
                back()
                raise failures[0]
        finally:
            for part in parts:
                part.forget_failure()
                part.catching = False

    def begin_macro(self, text: str) -> None:
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    def withdraw_last_step(self) -> None:
        """Undo the last step and forget it, leaving nothing to redo.

        For a step the user takes back before it was finished: a highlight made for the tag
        dialog that was then cancelled.
        """
        stack = self.undo_stack
        stack.undo()
        stack.command(stack.index()).setObsolete(True)
        stack.redo()  # an obsolete command is dropped from the stack instead of redone

    # -- annotations --------------------------------------------------------------------------

    def create_annotation(
        self,
        document_id: int,
        start: int,
        end: int,
        *,
        color: str = DEFAULT_COLOR,
        tags: Sequence[str] = (),
        note: str = "",
        seen: Document | None = None,
    ) -> Annotation:
        """Highlight `start`…`end` of the document's text.

        `seen` is the document as the view that chose the range shows it: the offsets are taken
        from its text, and `StaleDocument` is raised (nothing written) if the library's text is
        no longer that one. Without it the text is read now.
        """
        document = seen if seen is not None else self.library.documents.get(document_id)
        command = cmd_annotations.CreateAnnotation(
            self.library,
            self,
            document_id,
            make_anchor(document.text, start, end),
            color=color,
            tags=tags,
            note=note,
            text_sha256=document.sha256,
        )
        self.execute(command)
        assert command.annotation is not None
        return command.annotation

    def delete_annotation(self, annotation_id: int) -> None:
        self.execute(cmd_annotations.DeleteAnnotation(self.library, self, annotation_id))

    def set_note(self, annotation_id: int, note: str) -> None:
        if self.library.annotations.get(annotation_id).note != note:
            self.execute(cmd_annotations.SetNote(self.library, self, annotation_id, note))

    def set_color(self, annotation_id: int, color: str) -> None:
        """Recolour a highlight; its own colour again is no step to undo."""
        command = cmd_annotations.SetColor(self.library, self, annotation_id, color)
        if not command.changes_nothing:
            self.execute(command)

    def set_tags(self, annotation_id: int, tags: Sequence[str]) -> None:
        self.execute(cmd_annotations.SetTags(self.library, self, annotation_id, tags))

    # -- documents and folders ----------------------------------------------------------------

    def rename_document(self, document_id: int, title: str) -> None:
        self.execute(cmd_documents.RenameDocument(self.library, self, document_id, title))

    def move_document(self, document_id: int, folder_id: int | None) -> None:
        self.execute(cmd_documents.MoveDocument(self.library, self, document_id, folder_id))

    def delete_document(self, document_id: int) -> None:
        self.execute(cmd_documents.DeleteDocument(self.library, self, document_id))

    def edit_document_properties(self, document_id: int, changes: Mapping[str, str]) -> bool:
        """Apply the changed fields as one undo step; False (and no step) when nothing changed.

        Raises `UserError` for an empty title, a malformed date or URL.
        """
        command = cmd_documents.EditDocumentProperties(self.library, self, document_id, changes)
        if not command.new:
            return False
        self.execute(command)
        return True

    def record_import(self, log: ImportLog, results: Sequence[ImportResult]) -> None:
        """An import that already happened (in a worker) becomes one undo step."""
        from quotebook.ui.commands.imports import UndoImport

        command = UndoImport(self.library, self, log, results)
        command.mark_applied()
        self.undo_stack.push(command)
        self.documents_changed()
        if log.replaced or log.annotations:
            self.annotations_changed(None, None)
        if log.tags:
            self.tags_changed()

    def create_folder(self, name: str, parent_id: int | None = None) -> int:
        command = cmd_folders.CreateFolder(self.library, self, name, parent_id)
        self.execute(command)
        assert command.folder_id is not None
        return command.folder_id

    def rename_folder(self, folder_id: int, name: str) -> None:
        self.execute(cmd_folders.RenameFolder(self.library, self, folder_id, name))

    def move_folder(self, folder_id: int, parent_id: int | None) -> None:
        self.execute(cmd_folders.MoveFolder(self.library, self, folder_id, parent_id))

    def delete_folder(self, folder_id: int) -> None:
        self.execute(cmd_folders.DeleteFolder(self.library, self, folder_id))

    # -- tags ---------------------------------------------------------------------------------

    def rename_tag(self, tag_id: int, name: str) -> None:
        self.execute(cmd_tags.RenameTag(self.library, self, tag_id, name))

    def set_tag_color(self, tag_id: int, color: str) -> None:
        self.execute(cmd_tags.SetTagColor(self.library, self, tag_id, color))

    def delete_tag(self, tag_id: int) -> None:
        self.execute(cmd_tags.DeleteTag(self.library, self, tag_id))

    def create_tag(self, name: str, *, color: str = "") -> int:
        """Create a tag; returns its id. Raises `UserError` for a bad or taken name."""
        command = cmd_tags.CreateTag(self.library, self, name, color=color)
        self.execute(command)
        assert command.tag_id is not None
        return command.tag_id

    def set_tag_description(self, tag_id: int, description: str) -> None:
        if self.library.tags.get(tag_id).description != description:
            self.execute(cmd_tags.SetTagDescription(self.library, self, tag_id, description))

    def move_tag(self, tag_id: int, parent_id: int | None) -> None:
        if self.library.tags.get(tag_id).parent_id != parent_id:
            self.execute(cmd_tags.MoveTag(self.library, self, tag_id, parent_id))

    def merge_tags(self, source_id: int, target_id: int) -> None:
        self.execute(cmd_tags.MergeTags(self.library, self, source_id, target_id))
