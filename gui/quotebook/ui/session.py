"""`Session`: the open library, its undo stack, and the signals every view listens to.

Widgets never change the store themselves: they call a session method, which pushes an undo
command; the command changes the store and the session emits signals carrying ids, and the
views refresh from those. Reads go straight to the repositories through `library`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from quotebook.anchoring import make_anchor
from quotebook.domain import DEFAULT_COLOR, Annotation, Document
from quotebook.store import Library
from quotebook.ui import commands as cmd


class Session(QObject):
    # (document_id or None for "any", annotation_id or None)
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

    # -- derived views -------------------------------------------------------------------------

    def furniture(self, document: Document) -> list[tuple[int, int]]:
        """The lines of `document` that the reader view hides, as code-point ranges.

        Worked out on the first opening and kept in the library, so later openings (and the
        start of the app on the last document read) skip the reader view's line rules.
        """
        kept = self.library.documents.furniture(document.id)
        if kept is not None:
            return kept
        from quotebook.reader_view import boilerplate_ranges

        ranges = boilerplate_ranges(document.text)
        self.library.documents.keep_furniture(document.id, ranges)
        return ranges

    # -- running commands ---------------------------------------------------------------------

    def execute(self, command: cmd.StoreCommand) -> cmd.StoreCommand:
        """Apply a command, then push it; if applying raises, nothing is pushed."""
        command.apply()
        command.mark_applied()
        self.undo_stack.push(command)
        return command

    def begin_macro(self, text: str) -> None:
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

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
    ) -> Annotation:
        text = self.library.documents.get(document_id).text
        command = cmd.CreateAnnotation(
            self.library,
            self,
            document_id,
            make_anchor(text, start, end),
            color=color,
            tags=tags,
            note=note,
        )
        self.execute(command)
        assert command.annotation is not None
        return command.annotation

    def delete_annotation(self, annotation_id: int) -> None:
        self.execute(cmd.DeleteAnnotation(self.library, self, annotation_id))

    def set_note(self, annotation_id: int, note: str) -> None:
        if self.library.annotations.get(annotation_id).note != note:
            self.execute(cmd.SetNote(self.library, self, annotation_id, note))

    def set_color(self, annotation_id: int, color: str) -> None:
        self.execute(cmd.SetColor(self.library, self, annotation_id, color))

    def set_tags(self, annotation_id: int, tags: Sequence[str]) -> None:
        self.execute(cmd.SetTags(self.library, self, annotation_id, tags))

    # -- documents and folders ----------------------------------------------------------------

    def rename_document(self, document_id: int, title: str) -> None:
        self.execute(cmd.RenameDocument(self.library, self, document_id, title))

    def move_document(self, document_id: int, folder_id: int | None) -> None:
        self.execute(cmd.MoveDocument(self.library, self, document_id, folder_id))

    def delete_document(self, document_id: int) -> None:
        self.execute(cmd.DeleteDocument(self.library, self, document_id))

    def create_folder(self, name: str, parent_id: int | None = None) -> int:
        command = cmd.CreateFolder(self.library, self, name, parent_id)
        self.execute(command)
        assert command.folder_id is not None
        return command.folder_id

    def rename_folder(self, folder_id: int, name: str) -> None:
        self.execute(cmd.RenameFolder(self.library, self, folder_id, name))

    def move_folder(self, folder_id: int, parent_id: int | None) -> None:
        self.execute(cmd.MoveFolder(self.library, self, folder_id, parent_id))

    def delete_folder(self, folder_id: int) -> None:
        self.execute(cmd.DeleteFolder(self.library, self, folder_id))

    # -- tags ---------------------------------------------------------------------------------

    def rename_tag(self, tag_id: int, name: str) -> None:
        self.execute(cmd.RenameTag(self.library, self, tag_id, name))

    def set_tag_color(self, tag_id: int, color: str) -> None:
        self.execute(cmd.SetTagColor(self.library, self, tag_id, color))

    def delete_tag(self, tag_id: int) -> None:
        self.execute(cmd.DeleteTag(self.library, self, tag_id))
