"""Undo commands: every change a user makes to the library is one of these.

Each command changes the store through its repositories, then tells the session which ids
changed; views redraw from the session's signals. The first `apply` runs before the command is
pushed (see `Session.execute`), so an error reaches the user and nothing lands on the stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from quotebook.domain import Anchor, Annotation
from quotebook.store import Library
from quotebook.ui.session_events import SessionEvents

if TYPE_CHECKING:
    from quotebook.store.records import DeletedDocument, DeletedFolder, DeletedTags

NOTE_MERGE_ID = 1001


class StoreCommand(QUndoCommand):
    """A command whose first application has already happened when it is pushed."""

    def __init__(self, text: str, library: Library, events: SessionEvents) -> None:
        super().__init__(text)
        self.library = library
        self.events = events
        self._pushed_after_apply = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def mark_applied(self) -> None:
        self._pushed_after_apply = True

    def redo(self) -> None:
        if self._pushed_after_apply:
            self._pushed_after_apply = False
            return
        self.apply()

    def undo(self) -> None:
        self.revert()


# -- annotations --------------------------------------------------------------------------------


class CreateAnnotation(StoreCommand):
    def __init__(
        self,
        library: Library,
        events: SessionEvents,
        document_id: int,
        anchor: Anchor,
        *,
        color: str,
        tags: Sequence[str] = (),
        note: str = "",
    ) -> None:
        super().__init__(f"Highlight “{_short(anchor.quote)}”", library, events)
        self.document_id = document_id
        self._anchor = anchor
        self._color = color
        self._tags = tuple(tags)
        self._note = note
        self.annotation: Annotation | None = None

    def apply(self) -> None:
        if self.annotation is None:
            self.annotation = self.library.annotations.create(
                self.document_id, self._anchor, color=self._color, tags=self._tags, note=self._note
            )
        else:
            self.library.annotations.restore(self.annotation)
        self.events.annotations_changed(self.document_id, self.annotation.id)

    def revert(self) -> None:
        assert self.annotation is not None
        self.library.annotations.delete(self.annotation.id)
        self.events.annotations_changed(self.document_id, None)


class DeleteAnnotation(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, annotation_id: int) -> None:
        self._annotation = library.annotations.get(annotation_id)
        super().__init__(f"Delete highlight “{_short(self._annotation.quote)}”", library, events)

    def apply(self) -> None:
        self.library.annotations.delete(self._annotation.id)
        self.events.annotations_changed(self._annotation.document_id, None)

    def revert(self) -> None:
        self.library.annotations.restore(self._annotation)
        self.events.annotations_changed(self._annotation.document_id, self._annotation.id)


class SetNote(StoreCommand):
    """Editing a note; consecutive edits of the same note merge into one undo step."""

    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, note: str
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__("Edit note", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.note
        self._new = note

    def id(self) -> int:
        return NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNote) or other.annotation_id != self.annotation_id:
            return False
        self._new = other._new
        return True

    def apply(self) -> None:
        self.library.annotations.set_note(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)

    def revert(self) -> None:
        self.library.annotations.set_note(self.annotation_id, self._old)
        self.events.annotations_changed(self.document_id, self.annotation_id)


class SetColor(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, color: str
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__(f"Colour {color}", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.color
        self._new = color

    def apply(self) -> None:
        self.library.annotations.set_color(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)

    def revert(self) -> None:
        self.library.annotations.set_color(self.annotation_id, self._old)
        self.events.annotations_changed(self.document_id, self.annotation_id)


class SetTags(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, annotation_id: int, tags: Sequence[str]
    ) -> None:
        before = library.annotations.get(annotation_id)
        super().__init__("Change tags", library, events)
        self.annotation_id = annotation_id
        self.document_id = before.document_id
        self._old = before.tags
        self._new = tuple(tags)
        self._known_tags = {t.name for t in library.tags.all()}

    def apply(self) -> None:
        self.library.annotations.set_tags(self.annotation_id, self._new)
        self.events.annotations_changed(self.document_id, self.annotation_id)
        self.events.tags_changed()

    def revert(self) -> None:
        self.library.annotations.set_tags(self.annotation_id, self._old)
        # Tags created on the fly by `apply` go again, so undo leaves the tag list as it was.
        for tag in self.library.tags.counts():
            unused_new = tag.tag.name not in self._known_tags and tag.count == 0
            if unused_new and self.library.tags.find(tag.tag.name) is not None:
                self.library.tags.delete(tag.tag.id)
        self.events.annotations_changed(self.document_id, self.annotation_id)
        self.events.tags_changed()


# -- documents and folders ----------------------------------------------------------------------


class RenameDocument(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, document_id: int, title: str
    ) -> None:
        super().__init__(f"Rename “{_short(title)}”", library, events)
        self.document_id = document_id
        self._old = library.documents.get(document_id).title
        self._new = title

    def apply(self) -> None:
        self.library.documents.rename(self.document_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.rename(self.document_id, self._old)
        self.events.documents_changed()


class MoveDocument(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, document_id: int, folder_id: int | None
    ) -> None:
        super().__init__("Move document", library, events)
        self.document_id = document_id
        self._old = library.documents.placement(document_id)
        self._new_folder = folder_id

    def apply(self) -> None:
        self.library.documents.move(self.document_id, self._new_folder)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.documents.move(self.document_id, *self._old)
        self.events.documents_changed()


class DeleteDocument(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, document_id: int) -> None:
        title = library.documents.get(document_id).title
        super().__init__(f"Delete “{_short(title)}”", library, events)
        self.document_id = document_id
        self._deleted: DeletedDocument | None = None

    def apply(self) -> None:
        self._deleted = self.library.documents.delete(self.document_id)
        self.events.document_removed(self.document_id)
        self.events.documents_changed()
        self.events.tags_changed()

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.documents.restore(self._deleted)
        self.events.documents_changed()
        self.events.tags_changed()


class CreateFolder(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, name: str, parent_id: int | None = None
    ) -> None:
        super().__init__(f"New folder “{_short(name)}”", library, events)
        self._name = name
        self._parent_id = parent_id
        self.folder_id: int | None = None
        self._deleted: DeletedFolder | None = None

    def apply(self) -> None:
        if self._deleted is None:
            self.folder_id = self.library.folders.create(self._name, self._parent_id).id
        else:
            self.library.folders.restore(self._deleted)
        self.events.documents_changed()

    def revert(self) -> None:
        assert self.folder_id is not None
        self._deleted = self.library.folders.delete(self.folder_id)
        self.events.documents_changed()


class RenameFolder(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, folder_id: int, name: str) -> None:
        super().__init__(f"Rename folder “{_short(name)}”", library, events)
        self.folder_id = folder_id
        self._old = library.folders.get(folder_id).name
        self._new = name

    def apply(self) -> None:
        self.library.folders.rename(self.folder_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.folders.rename(self.folder_id, self._old)
        self.events.documents_changed()


class MoveFolder(StoreCommand):
    def __init__(
        self, library: Library, events: SessionEvents, folder_id: int, parent_id: int | None
    ) -> None:
        super().__init__("Move folder", library, events)
        self.folder_id = folder_id
        self._old = library.folders.get(folder_id).parent_id
        self._new = parent_id

    def apply(self) -> None:
        self.library.folders.move(self.folder_id, self._new)
        self.events.documents_changed()

    def revert(self) -> None:
        self.library.folders.move(self.folder_id, self._old)
        self.events.documents_changed()


class DeleteFolder(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, folder_id: int) -> None:
        name = library.folders.get(folder_id).name
        super().__init__(f"Delete folder “{_short(name)}”", library, events)
        self.folder_id = folder_id
        self._deleted: DeletedFolder | None = None

    def apply(self) -> None:
        self._deleted = self.library.folders.delete(self.folder_id)
        for document in self._deleted.documents:
            self.events.document_removed(document.document.id)
        self.events.documents_changed()
        self.events.tags_changed()

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.folders.restore(self._deleted)
        self.events.documents_changed()
        self.events.tags_changed()


# -- tags ---------------------------------------------------------------------------------------


class RenameTag(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int, name: str) -> None:
        super().__init__(f"Rename tag “{_short(name)}”", library, events)
        self.tag_id = tag_id
        self._old = library.tags.get(tag_id).name
        self._new = name

    def apply(self) -> None:
        self.library.tags.rename(self.tag_id, self._new)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        self.library.tags.rename(self.tag_id, self._old)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)


class SetTagColor(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int, color: str) -> None:
        super().__init__("Tag colour", library, events)
        self.tag_id = tag_id
        self._old = library.tags.get(tag_id).color
        self._new = color

    def apply(self) -> None:
        self.library.tags.set_color(self.tag_id, self._new)
        self.events.tags_changed()

    def revert(self) -> None:
        self.library.tags.set_color(self.tag_id, self._old)
        self.events.tags_changed()


class DeleteTag(StoreCommand):
    def __init__(self, library: Library, events: SessionEvents, tag_id: int) -> None:
        name = library.tags.get(tag_id).name
        super().__init__(f"Delete tag “{_short(name)}”", library, events)
        self.tag_id = tag_id
        self._deleted: DeletedTags | None = None

    def apply(self) -> None:
        self._deleted = self.library.tags.delete(self.tag_id)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)

    def revert(self) -> None:
        assert self._deleted is not None
        self.library.tags.restore(self._deleted)
        self.events.tags_changed()
        self.events.annotations_changed(None, None)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
